"""One name, one key: in capitals, in title case, with its quotes or without them.

Each pair is one body as real sources write it (the web corpus's tune half, the owner fresh
set, ../shared/data's registers); on main before this round every pair had two keys.
"""

from __future__ import annotations

import pytest

from transforms.names import name_key, normalise_name


@pytest.mark.parametrize(
    ("written", "again"),
    [
        # tune i015's subject and tune a028's mention of the same association
        pytest.param(
            "Stowarzyszenie Rodziców i Opiekunów Dzieci Niepełnosprawnych „Dać Szansę” "
            "w Wadowicach",
            "Stowarzyszenie Rodziców i Opiekunów Dzieci Niepełnosprawnych „DAĆ SZANSĘ” "
            "w Wadowicach",
            id="i015-a028-quoted-capitals",
        ),
        # owner fresh m021, line 1 "Regulamin – Fundacja Dobro Wraca MG"; the judge's form
        pytest.param(
            "Fundacja Dobro Wraca MG", "Fundacja „DOBRO WRACA MG”", id="m021-quotes-capitals"
        ),
        # tune e047's gold: "Stowarzyszenie „Krok za krokiem”", pages also drop the quotes
        pytest.param(
            "Stowarzyszenie „Krok za krokiem”", "Stowarzyszenie Krok za krokiem", id="e047"
        ),
        # owner fresh l025: "Fundacja „Polskim Dzieciom”"
        pytest.param("Fundacja „Polskim Dzieciom”", "FUNDACJA POLSKIM DZIECIOM", id="l025"),
        # tune i034's gold; a heading in capitals makes "W GMINIE CZARNIA" a place phrase
        pytest.param(
            "Centrum Usług Społecznych w gminie Czarnia",
            "CENTRUM USŁUG SPOŁECZNYCH W GMINIE CZARNIA",
            id="i034-w-gminie",
        ),
        # tune k002's mention; in capitals "W PRZYSZŁOŚĆ”" read as a seat inside the quotes
        pytest.param(
            "Towarzystwo „Razem w przyszłość”", "TOWARZYSTWO „RAZEM W PRZYSZŁOŚĆ”", id="k002"
        ),
        # ../shared/data/social_assistance/utw_malopolskie.csv, row 1
        pytest.param(
            "Stowarzyszenie „Uniwersytet Trzeciego Wieku w Andrychowie”",
            "Stowarzyszenie Uniwersytet Trzeciego Wieku w Andrychowie",
            id="utw-andrychow",
        ),
        # ../shared/data/social_assistance/ops_malopolskie_geo.csv: two GOPS of one name
        pytest.param(
            "Gminny Ośrodek Pomocy Społecznej w Bolesławiu (pow. olkuski)",
            "GMINNY OŚRODEK POMOCY SPOŁECZNEJ W BOLESŁAWIU (POW. OLKUSKI)",
            id="ops-boleslaw-county",
        ),
        # ../shared/data/social_assistance/placowki_sds_dps_malopolskie.csv, row 1
        pytest.param(
            "Środowiskowy Dom Samopomocy Biecz (Nadzieja)",
            "ŚRODOWISKOWY DOM SAMOPOMOCY BIECZ (NADZIEJA)",
            id="sds-biecz-bracket",
        ),
    ],
)
def test_one_key_whatever_the_case_and_quotes(written: str, again: str) -> None:
    assert name_key(written) == name_key(again)


@pytest.mark.parametrize(
    ("name", "word"),
    [
        # the register's bracketed name of the body running the ŚDS is no short form
        pytest.param("ŚRODOWISKOWY DOM SAMOPOMOCY BIECZ (NADZIEJA)", "nadzieja", id="nadzieja"),
        # two GOPS in Bolesławiu: their counties tell them apart, in capitals too
        pytest.param(
            "GMINNY OŚRODEK POMOCY SPOŁECZNEJ W BOLESŁAWIU (POW. DĄBROWSKI)",
            "dabrowski",
            id="county",
        ),
    ],
)
def test_bracketed_words_kept_in_capitals(name: str, word: str) -> None:
    assert word in name_key(name).split()


def test_known_short_form_in_capitals_still_dropped() -> None:
    # tests/test_names.py's Pisz case in capitals: "(M-GOPS)" repeats the name
    written = "MIEJSKO-GMINNY OŚRODEK POMOCY SPOŁECZNEJ W PISZU (M-GOPS)"
    assert normalise_name(written).key == normalise_name(written.replace(" (M-GOPS)", "")).key
