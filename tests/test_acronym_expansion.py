"""Acronym names written out where the acronym, the place and the gmina settle it
(transforms/acronym_expansion.py), table-driven from the acronym names of the real registries
and saved pages in ../shared/data, over the national gazetteer (TERC 2026, SIMC 2020) — and
the ones that must stay as written."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from helpers import NationalGazetteer  # tests/ helper module

from transforms.acronym_expansion import expand
from transforms.diacritics import restore
from transforms.names import normalise_name
from warehouse.gazetteer_rows import gazetteer_from_warehouse


@pytest.fixture(scope="module")
def known_place(national_gazetteer: NationalGazetteer) -> Iterator[Callable[[str], str | None]]:
    gazetteer = gazetteer_from_warehouse(national_gazetteer.con)

    def read(text: str) -> str | None:  # as transforms/normalise.py reads a place
        found = gazetteer.place_name(text)
        if found is None:
            gmina = gazetteer.resolve_gmina(text)
            found = gmina.gmina_name if gmina.status == "resolved" else None
        return found

    yield read


@pytest.mark.parametrize(
    ("written", "expanded"),
    [
        # ops_malopolskie_geo.csv (RJPS export) writes these gminas' centres by acronym
        ("GOPS Charsznica", "Gminny Ośrodek Pomocy Społecznej w Charsznicy"),
        ("GOPS Bystra-Sidzina", "Gminny Ośrodek Pomocy Społecznej w Bystrej-Sidzinie"),
        ("GOPS Trzyciąż", "Gminny Ośrodek Pomocy Społecznej w Trzyciążu"),
        ("GOPS Kozłów", "Gminny Ośrodek Pomocy Społecznej w Kozłowie"),
        ("MGOPS Szczucin", "Miejsko-Gminny Ośrodek Pomocy Społecznej w Szczucinie"),
        # sds_malopolskie_2026-05-04.xlsx
        ("ŚDS Lisia Góra", "Środowiskowy Dom Samopomocy w Lisiej Górze"),
        ("ŚDS Wola Filipowska", "Środowiskowy Dom Samopomocy w Woli Filipowskiej"),
        ("ŚDS Wola Zachariaszowska", "Środowiskowy Dom Samopomocy w Woli Zachariaszowskiej"),
        ("ŚDS Nowy Sącz", "Środowiskowy Dom Samopomocy w Nowym Sączu"),
        ("ŚDS „Perła” Szczawnica", "Środowiskowy Dom Samopomocy „Perła” w Szczawnicy"),
        ("ŚDS „Promyk” Nowy Targ", "Środowiskowy Dom Samopomocy „Promyk” w Nowym Targu"),
        ("ŚDS „Magiczny Dom”", "Środowiskowy Dom Samopomocy „Magiczny Dom”"),
        # dps spreadsheets
        ("DPS Sieradz", "Dom Pomocy Społecznej w Sieradzu"),
        # dps_wolne_miejsca_lodzkie (its description cut by register_clean): a branch after
        # the seat stays as written
        ("DPS Sieradz Filia w Rożdżałach", "Dom Pomocy Społecznej w Sieradzu Filia w Rożdżałach"),
        (
            "DPS „BORÓWEK” im. Krystyny Bochenek",
            "Dom Pomocy Społecznej „BORÓWEK” im. Krystyny Bochenek",
        ),
        # html_fixtures titles (folded: letters restored first)
        ("PUP KAMIENNA GORA", "Powiatowy Urząd Pracy w Kamiennej Górze"),
        ("PUP SLUBICE", "Powiatowy Urząd Pracy w Słubicach"),
        ("GOPS Kwidzyn", "Gminny Ośrodek Pomocy Społecznej w Kwidzynie"),
        ("ZOZ Malechowo", "Zakład Opieki Zdrowotnej w Malechowie"),
        ("SP ZOZ w Pińczowie", "Samodzielny Publiczny Zakład Opieki Zdrowotnej w Pińczowie"),
    ],
)
def test_written_out(written: str, expanded: str, known_place: Callable[[str], str | None]) -> None:
    name = normalise_name(restore(written).text).name
    result = expand(name, place_name=known_place)
    assert (result.name, result.origin) == (expanded, "name")


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        # utw_malopolskie.csv: what follows the acronym is no place
        ("UTW Akademia Prądnicki Senior przy Stowarzyszeniu PRO-AGE", "nie znana miejscowość"),
        # dps_wolne_miejsca_lodzkie: a branch after the seat
        (
            "DPS Sieradz Filia dla przewlekle psychicznie chorych w Rożdzałach",
            "nie znana miejscowość",
        ),
        # sds_malopolskie: the quoted name runs into the address
        ("ŚDS „Świt”Miłocice nr 58A", "cudzysłowie"),
        # letters with more than one reading
        ("PPPP w Olsztynie", "kilka rozwinięć"),
        ("ZSP Kozłów", "kilka rozwinięć"),
        # sds_malopolskie: the acronym alone, and no seat known
        ("ŚDS", "siedziba nieznana"),
        # "OPS" alone: town or rural gmina?
        ("OPS Lubin", "miejski, czy gminny"),
    ],
)
def test_left_as_written(
    written: str, reason: str, known_place: Callable[[str], str | None]
) -> None:
    result = expand(written, place_name=known_place)
    assert result.name is None and result.acronym is not None
    assert result.reason is not None and reason in result.reason


@pytest.mark.parametrize(
    ("gmina_kind", "expanded"),
    [
        ("miejska", "Miejski Ośrodek Pomocy Społecznej w Lubinie"),
        ("wiejska", "Gminny Ośrodek Pomocy Społecznej w Lubinie"),
        ("miejsko-wiejska", "Miejsko-Gminny Ośrodek Pomocy Społecznej w Lubinie"),
    ],
)
def test_the_gmina_kind_decides_what_ops_stands_for(
    gmina_kind: str, expanded: str, known_place: Callable[[str], str | None]
) -> None:
    assert expand("OPS Lubin", place_name=known_place, gmina_kind=gmina_kind).name == expanded


@pytest.mark.parametrize(
    ("seat", "expanded"),
    [
        # sds_malopolskie rows whose name is the acronym alone; the address gives the seat
        ("Bochnia", "Środowiskowy Dom Samopomocy w Bochni"),
        ("Brzezie", "Środowiskowy Dom Samopomocy w Brzeziu"),
        ("Wysowa-Zdrój", "Środowiskowy Dom Samopomocy w Wysowej-Zdroju"),
        ("Czerwienne", "Środowiskowy Dom Samopomocy w Czerwiennem"),
    ],
)
def test_a_bare_acronym_takes_the_seat_of_its_address(
    seat: str, expanded: str, known_place: Callable[[str], str | None]
) -> None:
    result = expand("ŚDS", place_name=known_place, seat=seat)
    assert (result.name, result.origin) == (expanded, "seat")


def test_no_seat_for_acronyms_that_are_not_named_after_one(
    known_place: Callable[[str], str | None],
) -> None:
    assert expand("UTW", place_name=known_place, seat="Kraków").name is None
    assert expand("SP", place_name=known_place, seat="Kraków").name is None


def test_an_acronym_after_a_name_takes_the_seat_of_its_address(
    known_place: Callable[[str], str | None],
) -> None:
    # wykaz_sds_malopolska_2026: "Powiatowy Ośrodek Wsparcia / ŚDS Zbyszyce 12"
    result = expand("Powiatowy Ośrodek Wsparcia ŚDS", place_name=known_place, seat="Zbyszyce")
    assert (result.name, result.origin) == (
        "Powiatowy Ośrodek Wsparcia Środowiskowy Dom Samopomocy w Zbyszycach",
        "seat",
    )


@pytest.mark.parametrize(
    ("name", "seat"),
    [
        ("Powiatowy Ośrodek Wsparcia ŚDS", None),  # no address: the seat is unknown
        ("Uniwersytet Trzeciego Wieku UTW", "Kraków"),  # not a seated unit
        ("Stowarzyszenie Przyjaciół ŚDS w Bochni ŚDS", "Bochnia"),  # a seat already
        ("Koło przy ŚDS", "Bochnia"),  # a phrase, not a type's name before the acronym
        ("Poradnia Specjalistyczna PPPP", "Kraków"),  # an acronym of several readings
    ],
)
def test_an_acronym_after_a_name_that_stays(
    name: str, seat: str | None, known_place: Callable[[str], str | None]
) -> None:
    assert expand(name, place_name=known_place, seat=seat).name is None
