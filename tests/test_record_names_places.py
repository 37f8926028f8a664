"""A record's name and place through the normalise stage (transforms/normalise.py) over the
national gazetteer: the real records of the replayed catalogue that had a postal code or a place
in their name and still no gmina, and the names the stage writes out."""

from __future__ import annotations

import pytest
from helpers import NationalGazetteer, raw_row  # tests/ helper module

from transforms.normalise import RawRow, normalise_record
from transforms.places import Gazetteer
from warehouse.gazetteer_rows import gazetteer_from_warehouse


@pytest.fixture(scope="module")
def gazetteer(national_gazetteer: NationalGazetteer) -> Gazetteer:
    return gazetteer_from_warehouse(national_gazetteer.con)


def _row(name: str, *, county: str = "PL", role: str = "row", **fields: str | None) -> RawRow:
    return raw_row(name, county=county, role=role, **fields)


@pytest.mark.parametrize(
    ("row", "gmina", "locality"),
    [
        pytest.param(
            # sady_adresy: 11-200 is Bartoszyce's code; the name and the locality say Pisz
            _row("Sąd Rejonowy w Piszu", locality_raw="Pisz", postal_code_raw="11-200",
                 street_raw="ul. Warszawska 47"),
            "2816033", "Pisz", id="postal-code-typo",
        ),
        pytest.param(
            # rspo_licea: a Warsaw district holds two SIMC localities of its name
            _row("CLXIV LICEUM OGÓLNOKSZTAŁCĄCE MISTRZOSTWA SPORTOWEGO", locality_raw="Mokotów",
                 postal_code_raw="00-724", street_raw="ul. Chełmska 23", gmina_raw="Mokotów",
                 powiat_raw="Warszawa"),
            "1465058", "Mokotów", id="warsaw-district",
        ),
        pytest.param(
            # utw_malopolskie: the locality column holds a room and a building
            _row("Uniwersytet Trzeciego Wieku w Uniwersytecie Ekonomicznym", county="12",
                 locality_raw='Kraków pokój K-3, Budynek „Księżówka"', postal_code_raw="31-510",
                 street_raw="ul. Rakowicka 27", powiat_raw="m. Kraków"),
            "1261011", None, id="unreadable-locality",
        ),
        pytest.param(
            # dps_wolne_miejsca_kujawsko-pomorskie: the river belongs to the town's name
            _row("Dom Pomocy Społecznej \nw Nakle nad Notecią", county="04", powiat_raw="Nakielski"),
            "0410033", "Nakło nad Notecią", id="place-with-river",
        ),
        pytest.param(
            # the same list: the place phrase ends where the next part of the name begins
            _row("Zespół Domów Pomocy Społecznej i Ośrodków Wsparcia w Bydgoszczy Dom Pomocy"
                 " Społecznej „Słoneczko”", county="04", powiat_raw="BYDGOSZCZ",
                 street_raw="ul. Gałczyńskiego 2"),
            "0461011", "Bydgoszcz", id="place-then-name",
        ),
    ],
)  # fmt: skip
def test_a_record_with_a_postal_code_or_a_place_in_its_name_has_a_gmina(
    row: RawRow, gmina: str, locality: str | None, gazetteer: Gazetteer
) -> None:
    record = normalise_record(row, gazetteer)
    assert record.gmina_teryt == gmina
    if locality is not None:
        assert record.locality == locality


def test_an_unplaced_locality_is_published_in_the_nominative(gazetteer: Gazetteer) -> None:
    # a prose mention's place with nothing else to go by: hundreds of villages are called Nowa
    # Wieś, so no gmina, but the locality is published as a place's name, not "w Nowej Wsi"
    record = normalise_record(
        _row("Świetlica Środowiskowa", role="mention", locality_raw="w Nowej Wsi"), gazetteer
    )
    assert (record.gmina_teryt, record.locality) == (None, "Nowa Wieś")


def test_namesakes_in_two_gminas_of_the_powiat_stay_unplaced(gazetteer: Gazetteer) -> None:
    # dps_wolne_miejsca_kujawsko-pomorskie: powiat lipnowski has two villages Nowa Wieś, and
    # the list gives nothing else: no gmina is guessed.
    record = normalise_record(
        _row("Dom Pomocy Społecznej w Nowej Wsi", county="04", powiat_raw="Lipnowski"), gazetteer
    )
    assert record.gmina_teryt is None and record.powiat_teryt == "0408"


@pytest.mark.parametrize(
    ("row", "name", "form", "written"),
    [
        pytest.param(
            _row("Sad Rejonowy w Bytowie", role="subject"),
            "Sąd Rejonowy w Bytowie", "restored", "Sad Rejonowy w Bytowie", id="court-page",
        ),
        pytest.param(
            _row("Uniwersytet Trzeciego Wieku przy Fundacji Rozwoju Sądecczyzny w Starym Saczu"),
            "Uniwersytet Trzeciego Wieku przy Fundacji Rozwoju Sądecczyzny w Starym Sączu",
            "restored", None, id="place-spelt-by-the-gazetteer",
        ),
        pytest.param(
            _row("GOPS Charsznica", county="12", locality_raw="Charsznica",
                 gmina_raw="Charsznica", powiat_raw="miechowski"),
            "Gminny Ośrodek Pomocy Społecznej w Charsznicy", "expanded", "GOPS Charsznica",
            id="acronym-and-place",
        ),
        pytest.param(
            _row("ŚDS", county="12", locality_raw="Bochnia", postal_code_raw="32-700",
                 street_raw="ul. Karolina 14f", powiat_raw="bocheński"),
            "Środowiskowy Dom Samopomocy w Bochni", "expanded_seat", "ŚDS", id="acronym-and-seat",
        ),
        pytest.param(
            _row("UTW Akademia Prądnicki Senior przy Stowarzyszeniu PRO-AGE", county="12",
                 locality_raw="Kraków", postal_code_raw="31-215"),
            "UTW Akademia Prądnicki Senior przy Stowarzyszeniu PRO-AGE", "acronym_led", None,
            id="acronym-left",
        ),
    ],
)  # fmt: skip
def test_record_names(
    row: RawRow, name: str, form: str, written: str | None, gazetteer: Gazetteer
) -> None:
    record = normalise_record(row, gazetteer)
    assert (record.name, record.name_form) == (name, form)
    if written is not None:
        assert record.name_written == written
    if form == "acronym_led":
        assert record.name_note and "nie znana miejscowość" in record.name_note
