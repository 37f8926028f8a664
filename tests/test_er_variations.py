"""Traps for the name variations of issue 16, each written from a real registry row.

The institutions are real (the RJPS export of małopolskie, the Ministry of Justice court list,
the sanitary stations' list, TERYT/PNA villages of one postal code in ../shared/data); the
second record of each pair is how a gmina page, a spreadsheet or an article writes them:
a misspelt acronym, office abbreviations, a former name, a case form, another word order.
Each pair runs through the whole matcher (features, blocking, ladders, the shipped model).
"""

from __future__ import annotations

import pytest
from test_er_pairs import rec, score

from transforms.abbreviations import expand_abbreviations
from transforms.acronyms import misspelt
from transforms.er.model import load_model
from transforms.er.name_parts import current_core, parse_name

# Rows as the RJPS export and the offices' lists give them.
BIECZ = rec(
    "Miejsko-Gminny Ośrodek Pomocy Społecznej w Bieczu",
    street="ul. Binarowska 5",
    postal_code="38-340",
    locality="Biecz",
    phone="(13) 447-00-41",
    email="sekretariat@mgopsbiecz.pl",
    source="rjps",
)
LAPANOW = rec(
    "Gminny Ośrodek Pomocy Społecznej w Łapanowie",
    street="36",
    postal_code="32-740",
    locality="Łapanów",
    phone="(14) 685-39-04",
    email="gops@lapanow.pl",
    source="rjps",
)
ZEGOCINA = rec(
    "Gminny Ośrodek Pomocy Społecznej w Żegocinie",
    street="316",
    postal_code="32-731",
    locality="Żegocina",
    phone="(14) 613-20-02",
    source="rjps",
)
LISZKI = rec(
    "Centrum Usług Społecznych w Liszkach",
    street="ul. Św. Jana Kantego 5",
    postal_code="32-060",
    locality="Liszki",
    phone="(12) 256-10-63",
    email="cus@liszki.pl",
    source="rjps",
)
BRZESKO_PSSE = rec(
    "Powiatowa Stacja Sanitarno-Epidemiologiczna w Brzesku",
    street="ul. Okocimska 44",
    postal_code="32-800",
    locality="Brzesko",
    phone="14 663 07 43",
    email="psse.brzesko@sanepid.gov.pl",
    source="gov_list",
)
WIELICZKA_PSSE = rec(
    "Powiatowa Stacja Sanitarno-Epidemiologiczna w Wieliczce",
    street="ul. Henryka Sienkiewicza 13",
    postal_code="32-020",
    locality="Wieliczka",
    phone="12 288 01 38",
    source="gov_list",
)

MATCHES = [
    pytest.param(
        BIECZ,
        rec("MGPS w Bieczu", phone="13 447 00 41", locality="Biecz", source="gmina_www"),
        id="acronym-letter-dropped-with-a-phone",
    ),
    pytest.param(
        LAPANOW,
        rec("GPOS w Łapanowie", postal_code="32-740", phone="14 685 39 04", source="arkusz"),
        id="acronym-letters-swapped-with-a-phone",
    ),
    pytest.param(
        ZEGOCINA,
        rec("Gm. Ośr. Pom. Społ. w Żegocinie", postal_code="32731", source="arkusz"),
        id="every-word-abbreviated",
    ),
    pytest.param(
        BRZESKO_PSSE,
        rec("Pow. Stacja Sanit.-Epid. w Brzesku", postal_code="32-800", source="powiat_www"),
        id="abbreviated-compound-adjective",
    ),
    pytest.param(
        BIECZ,
        rec("MIEJSKO-GM. OŚR. POMOCY SPOŁ. W BIECZU", postal_code="38340", source="arkusz"),
        id="abbreviations-in-capitals",
    ),
    pytest.param(
        LISZKI,
        rec(
            "Gminny Ośrodek Pomocy Społecznej w Liszkach",
            phone="12 256 10 63",
            locality="Liszki",
            source="gmina_www",
        ),
        id="former-name-ops-became-cus",
    ),
    pytest.param(
        BIECZ,
        rec("Miejsko-Gminnemu Ośrodkowi Pomocy Społecznej w Bieczu", source="artykul"),
        id="dative-from-an-article",
    ),
    pytest.param(
        BIECZ,
        rec("Miejsko-Gminnym Ośrodkiem Pomocy Społecznej w Bieczu", source="artykul"),
        id="instrumental-from-an-article",
    ),
    pytest.param(
        BIECZ,
        rec("Miejsko-Gminny Ośrodek Pomocy Społecznej w Bieczu", source="artykul"),
        id="nominative-and-accusative",
    ),
    pytest.param(
        WIELICZKA_PSSE,
        rec("Powiatowej Stacji Sanitarno-Epidemiologicznej w Wieliczce", source="artykul"),
        id="genitive-locative-dative-one-form-from-an-article",
    ),
    pytest.param(
        LAPANOW,
        rec("Gminny Ośrodku Pomocy Społecznej w Łapanowie", source="artykul"),
        id="vocative",
    ),
    pytest.param(
        BIECZ,
        rec("MGOPS-em w Bieczu", locality="Biecz", source="artykul"),
        id="inflected-acronym",
    ),
    pytest.param(
        BIECZ,
        rec(
            "Biecz – Miejsko-Gminny Ośrodek Pomocy Społecznej", postal_code="38-340", source="mapy"
        ),
        id="place-first",
    ),
    pytest.param(
        LAPANOW,
        rec("GOPS Łapanów", postal_code="32-740", source="gmina_www"),
        id="acronym-and-a-bare-place",
    ),
]

APART = [
    pytest.param(
        rec("Sąd Rejonowy w Krośnie", street="ul. Sienkiewicza 12", postal_code="38-400"),
        rec("Sąd Okręgowy w Krośnie", street="ul. Sienkiewicza 12", postal_code="38-400"),
        id="court-levels-in-one-building",
    ),
    pytest.param(
        rec("Miejskie Centrum Usług Społecznych w Grybowie", postal_code="33-330"),
        rec("Gminny Ośrodek Pomocy Społecznej w Grybowie", postal_code="33-330"),
        id="former-name-of-the-other-gmina-of-one-town",
    ),
    pytest.param(
        rec("Ochotnicza Straż Pożarna w Charzewicach", postal_code="32-840"),
        rec("Ochotnicza Straż Pożarna w Faliszewicach", postal_code="32-840"),
        id="fire-brigades-of-two-villages-of-one-postal-code",
    ),
    pytest.param(
        rec("Ochotnicza Straż Pożarna", postal_code="32-840", locality="Zakliczyn"),
        rec("OSP w Faliszewicach", postal_code="32-840", locality="Faliszewice"),
        id="fire-brigade-without-its-village-at-the-gmina-seat",
    ),
    pytest.param(
        rec("Koło Gospodyń Wiejskich „Jarzębina” w Faliszewicach", postal_code="32-840"),
        rec("Koło Gospodyń Wiejskich „Kalina” w Faliszewicach", postal_code="32-840"),
        id="two-circles-of-one-village",
    ),
    pytest.param(
        rec("Koło Gospodyń Wiejskich w Bieśniku", street="Rynek 1", postal_code="32-840"),
        rec("Koło Gospodyń Wiejskich w Charzewicach", street="Rynek 1", postal_code="32-840"),
        id="circles-registered-at-the-gmina-office",
    ),
    pytest.param(
        rec("Zesp. Szk.-Przedszk. w Faliszewicach", street="Faliszewice 12", phone="14 665 10 10"),
        rec("Szk. Podst. w Faliszewicach", street="Faliszewice 12", phone="14 665 10 10"),
        id="school-complex-and-its-school-abbreviated",
    ),
    pytest.param(
        rec("Przedszk. Samorz. w Faliszewicach", street="Faliszewice 12", phone="14 665 10 10"),
        rec("ZSP w Faliszewicach", street="Faliszewice 12", phone="14 665 10 10"),
        id="school-complex-and-its-kindergarten",
    ),
]


@pytest.mark.parametrize(("a", "b"), MATCHES)
def test_variation_of_a_real_name_is_matched(a: dict[str, str], b: dict[str, str]) -> None:
    probability, levels = score(a, b)
    assert probability >= load_model().thresholds.match, levels


@pytest.mark.parametrize(("a", "b"), APART)
def test_hard_negative_stays_apart(a: dict[str, str], b: dict[str, str]) -> None:
    probability, levels = score(a, b)
    assert probability < load_model().thresholds.match, levels


def test_misspelt_acronym_alone_goes_to_review() -> None:
    """A misspelt acronym with nothing but the place to confirm it: a coordinator decides."""
    probability, levels = score(BIECZ, rec("MGPS w Bieczu", source="artykul"))
    thresholds = load_model().thresholds
    assert thresholds.review <= probability < thresholds.match, levels


@pytest.mark.parametrize(
    ("written", "expanded"),
    [
        ("Gm. Ośr. Pom. Społ. w Żegocinie", "gminny ośrodek pomoc społeczny w Żegocinie"),
        ("Zesp. Szk.-Przedszk. w Brzegach", "zespół szkolno-przedszkolny w Brzegach"),
        ("Urz. Gm. Jodłownik", "urząd gmina Jodłownik"),
        ("Kom. Pow. Pol. w Brzesku", "komenda powiatowy policja w Brzesku"),
        ("M.-Gm. Ośr. Pom. Społ.", "miejsko-gminny ośrodek pomoc społeczny"),
        ("Szk. Podst. im. M. Konopnickiej", "szkoła podstawowy im. M. Konopnickiej"),
        ("SPEC. OŚR. SZK.-WYCH.", "SPECJALNY OŚRODEK SZKOLNO-WYCHOWAWCZY"),
    ],
)
def test_expand_abbreviations(written: str, expanded: str) -> None:
    assert expand_abbreviations(written).lower() == expanded.lower()


@pytest.mark.parametrize(
    ("token", "meant"),
    [("MGPS", ["MGOPS"]), ("GPOS", ["GOPS"]), ("SOP", ["OSP"]), ("KWG", ["KGW"]), ("OPS", [])],
)
def test_misspelt_acronyms(token: str, meant: list[str]) -> None:
    assert [row.short for row in misspelt(token)] == meant


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Gminny Ośrodek Pomocy Społecznej", "Centrum Usług Społecznych"),
        ("Gimnazjum im. Jana Pawła II", "Szkoła Podstawowa im. Jana Pawła II"),
        ("Zespół Szkolno-Gimnazjalny", "Zespół Szkolno-Przedszkolny"),
        ("Zespół Szkół Ponadgimnazjalnych nr 1", "Zespół Szkół Ponadpodstawowych nr 1"),
        ("Dom Dziecka", "Placówka Opiekuńczo-Wychowawcza"),
    ],
)
def test_former_names_read_as_current(old: str, new: str) -> None:
    now, renamed = current_core(parse_name(old).core)
    assert renamed
    assert now == current_core(parse_name(new).core)[0]
