"""Polish letters put back into ASCII-folded names (transforms/diacritics.py) and place names in
the locative (transforms/locatives.py), table-driven from real folded names: the titles and
names of the saved 2019 pages in ../shared/data/html_fixtures (the crawler folded every page)."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from transforms import name_vocabulary
from transforms.diacritics import is_polish, restore
from transforms.locatives import in_place, locative_of, respell_place
from transforms.text import fold


@pytest.mark.parametrize(
    ("folded", "restored"),
    [
        # html_fixtures titles and the names extracted from them, as the pages write them
        (
            "Gminny Osrodek Pomocy Spolecznej w Lubinie",
            "Gminny Ośrodek Pomocy Społecznej w Lubinie",
        ),
        ("Urzad Gminy Wagrowiec", "Urząd Gminy Wągrowiec"),
        ("Sad Rejonowy w Bytowie", "Sąd Rejonowy w Bytowie"),  # settled by the registries
        (
            "Portal Orzeczen Sadu Rejonowego w Pabianicach",
            "Portal Orzeczeń Sądu Rejonowego w Pabianicach",
        ),
        ("Sad Rejonowy w Elblagu", "Sąd Rejonowy w Elblągu"),
        ("Starostwo Powiatowe w Sremie", "Starostwo Powiatowe w Śremie"),
        ("PUP KAMIENNA GORA", "PUP KAMIENNA GÓRA"),  # casing kept, acronym untouched
        (
            "Szkola Podstawowa im. 49 Pulku Piechoty w Szydlowie",
            "Szkoła Podstawowa im. 49 Pułku Piechoty w Szydłowie",
        ),
        (
            "Szkola Podstawowa w Drawnie im. Stefana Zeromskiego",
            "Szkoła Podstawowa w Drawnie im. Stefana Żeromskiego",
        ),
        ("Fundacja Mlodziezowej Przedsiebiorczosci", "Fundacja Młodzieżowej Przedsiębiorczości"),
        (
            "Osrodek Szkolno-Wychowawczy dla Dzieci Slaboslyszacych",
            "Ośrodek Szkolno-Wychowawczy dla Dzieci Słabosłyszących",
        ),
        (
            "Stowarzyszenie Matki Bozej Krolowej Pokoju i Pojednania",
            "Stowarzyszenie Matki Bożej Królowej Pokoju i Pojednania",
        ),
        (
            "Wojewodzki Szpital Podkarpacki im. Jana Pawla II w Krosnie",
            "Wojewódzki Szpital Podkarpacki im. Jana Pawła II w Krośnie",
        ),
        ("Polski Zwiazek Motorowy - Zarzad Glowny", "Polski Związek Motorowy - Zarząd Główny"),
        ("Miasto i Gmina Golancz", "Miasto i Gmina Gołańcz"),
        ("Gmina Czajkow - Dane", "Gmina Czajków - Dane"),  # a gazetteer name, not a genitive
        ("Urzad Gminy w Goluchowie", "Urząd Gminy w Gołuchowie"),  # a place, not the Goluchs
        ("Placowka Opiekunczo-Wychowawcza Jedynka", "Placówka Opiekuńczo-Wychowawcza Jedynka"),
        ("Dom Pomocy Spolecznej nad Notecia", "Dom Pomocy Społecznej nad Notecią"),  # instrumental
        ("Przedszkole Lomianki", "Przedszkole Łomianki"),
        (
            "Lubelskie Stowarzyszenie Sedziow Koszykowki",
            "Lubelskie Stowarzyszenie Sędziów Koszykówki",
        ),
        # foreign and proper words with nothing to put back stay
        ("Stowarzyszenie FAROS - O nas", "Stowarzyszenie FAROS - O nas"),
        ("Fundacja dogolandia", "Fundacja dogolandia"),
        ("Grupa Nowy Szpital Holding S.A.", "Grupa Nowy Szpital Holding S.A."),
    ],
)
def test_restore(folded: str, restored: str) -> None:
    assert restore(folded).text == restored


@pytest.mark.parametrize(
    ("folded", "left"),
    [
        # "glowna": główna (main) or głowna? Neither the registries nor the gazetteer settle it.
        ("Powiat chelmski - powiat - Strona glowna", ("glowna",)),
        ("Strona glowna programu - Moje Finanse", ("glowna",)),
        # "Niemiensku": no dictionary knows the village Niemieńsko in the locative
        ("Specjalny Osrodek Szkolno-Wychowawczy w Niemiensku", ()),
    ],
)
def test_ambiguous_words_stay_as_written(folded: str, left: tuple[str, ...]) -> None:
    result = restore(folded)
    assert result.ambiguous == left
    for word in (*left, "Niemiensku"):
        if word in folded:
            assert word in result.text.split()


def test_text_with_polish_letters_keeps_its_ascii_words() -> None:
    # "Sad" is an orchard in a text written with Polish letters; only a folded text is read
    # as folded.
    assert restore("Sad Jabłoniowy w Łącku").text == "Sad Jabłoniowy w Łącku"
    assert restore("Poradnia Psychologiczno-Pedagogiczna w Pszczynie").changed == ()


@pytest.mark.parametrize(
    ("written", "restored"),
    [
        # dps_wolne_miejsca_lodzkie: a Polish letter in the wrong place, or one of two missing
        ("Dom Pomocy Społęcznej w Ozorkwoie", "Dom Pomocy Społecznej w Ozorkwoie"),
        ("DPS Sieradz Filia w Rożdzałach", "DPS Sieradz Filia w Rożdżałach"),
        ("Rożdzały 7", "Rożdżały 7"),
        # dps_malopolskie
        (
            "Dom Pomocy Społecznej dla Dzieci i Młodziezy Niepełnosprawnych Intelektualnie",
            "Dom Pomocy Społecznej dla Dzieci i Młodzieży Niepełnosprawnych Intelektualnie",
        ),
        # the registries' address columns
        ("ul. Świetego Jana 1A", "ul. Świętego Jana 1A"),
        ("Myslibórz", "Myślibórz"),
        # words the dictionary or the word list knows as written stay
        ("Uniwersytet Trzeciego Wieku przy Fundacji Rozwoju Sądecczyzny",
         "Uniwersytet Trzeciego Wieku przy Fundacji Rozwoju Sądecczyzny"),
        ("Dom Pomocy Społecznej w Przedborzu", "Dom Pomocy Społecznej w Przedborzu"),
    ],
)  # fmt: skip
def test_a_misplaced_polish_letter_is_put_right(written: str, restored: str) -> None:
    assert restore(written).text == restored


def test_decomposed_letters_are_composed() -> None:
    decomposed = unicodedata.normalize(
        "NFD", "Powiatowy Dom Pomocy Społecznej im. A. Starzeńskiego"
    )
    assert restore(decomposed).text == "Powiatowy Dom Pomocy Społecznej im. A. Starzeńskiego"


def test_every_saved_page_title_folds_back_to_itself(shared_data: Path) -> None:
    """Invariants over all 96 titles: restoration only ever adds diacritics, and leaves titles
    that hold Polish letters alone."""
    with (shared_data / "html_fixtures" / "index.csv").open(encoding="utf-8") as handle:
        titles = [row["html_title_ascii_folded"] for row in csv.DictReader(handle)]
    assert len(titles) == 96
    restored = [restore(t) for t in titles]
    for title, result in zip(titles, restored, strict=True):
        assert fold(result.text) == fold(title)
        assert not is_polish(title)
    assert sum(r.restored for r in restored) >= 80


def test_the_shipped_word_list_is_what_the_script_derives(shared_data: Path) -> None:
    header, rows = name_vocabulary.build(shared_data)
    shipped = name_vocabulary.VOCABULARY_FILE.read_text(encoding="utf-8").splitlines()
    expected = header + [f"{f}\t{w}\t{i}\t{p}" for f, w, i, p in rows]
    assert shipped == expected, "rebuild it: python -m transforms.name_vocabulary ../shared/data"
    assert any("TERC_Adresowy" in line for line in header)


@pytest.mark.parametrize(
    ("nominative", "phrase"),
    [
        ("Charsznica", "w Charsznicy"),
        ("Kamienna Góra", "w Kamiennej Górze"),
        ("Nowy Sącz", "w Nowym Sączu"),
        ("Bystra-Sidzina", "w Bystrej-Sidzinie"),
        ("Krynica-Zdrój", "w Krynicy-Zdroju"),
        ("Bielsko-Biała", "w Bielsku-Białej"),
        ("Szklary Górne", "w Szklarach Górnych"),
        ("Kęty", "w Kętach"),
        ("Brzezie", "w Brzeziu"),
        ("Bochnia", "w Bochni"),
        ("Sieradz", "w Sieradzu"),
        ("Wysokie Mazowieckie", "w Wysokiem Mazowieckiem"),
        ("Czerwienne", "w Czerwiennem"),
        ("Nakło nad Notecią", "w Nakle nad Notecią"),
        ("Wrocław", "we Wrocławiu"),
        ("Włocławek", "we Włocławku"),
        ("Wieliczka", "w Wieliczce"),
    ],
)
def test_in_place(nominative: str, phrase: str) -> None:
    assert in_place(nominative) == phrase


def test_a_village_morfeusz_does_not_know_is_only_a_guess() -> None:
    guessed = locative_of("Niemieńsko")
    assert guessed is not None and guessed.guessed and guessed.form == "Niemieńsku"
    assert in_place("Niemieńsko") is None  # the caller must check a guess


@pytest.mark.parametrize(
    ("written", "nominative", "respelt"),
    [
        ("w Starym Saczu", "Stary Sącz", "w Starym Sączu"),
        ("w Wolce", "Wólka", "w Wólce"),
        ("w Michalowie", "Michałów", "w Michałowie"),
        ("w Bytowie", "Bytów", "w Bytowie"),
        ("w Przedborzu", "Przedbórz", "w Przedborzu"),  # a form as written stays
    ],
)
def test_respell_place(written: str, nominative: str, respelt: str) -> None:
    assert respell_place(written, nominative) == respelt
