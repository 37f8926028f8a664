"""Tests for transforms.classify and transforms.taxonomy: real names from ../shared/data (as
written, inflected, upper-case, ASCII-folded, abbreviated) -> type and sector; Polish
descriptions -> services and target groups with their evidence; taxonomy invariants; and
whole registries that say what each row is."""

from __future__ import annotations

import csv
import dataclasses
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import REPO  # tests/ helper module

from transforms import taxonomy
from transforms.classify import Classification, Evidence, classify, lemma_forms
from transforms.taxonomy import (
    INSTITUTION_TYPES,
    SECTOR_BY_CODE,
    SERVICE_BY_CODE,
    TARGET_GROUP_BY_CODE,
    TYPE_OTHER,
    TaxonomyError,
    check_taxonomy,
    render_taxonomy_markdown,
)

# (name as written in a source, expected type, expected sector)
NAME_CASES = [
    # social assistance: ops_slaskie.csv, ops_malopolskie_geo.csv, placowki_sds_dps, seeds
    pytest.param(
        "Miejski Ośrodek Pomocy Społecznej w Będzinie", "ops", "social_assistance", id="mops-bedzin"
    ),
    pytest.param(
        "Ośrodek Pomocy Społecznej w Bobrownikach", "ops", "social_assistance", id="ops-bobrowniki"
    ),
    pytest.param(
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Koniecpolu",
        "ops",
        "social_assistance",
        id="mgops-koniecpol",
    ),
    pytest.param(
        "Miejski Ośrodek Pomocy Społecznej  w Nowym Sączu",
        "ops",
        "social_assistance",
        id="mopr-double-space",
    ),
    pytest.param(
        "Gminny Ośrodek Pomocy w Skarżysku Kościelnym",
        "ops",
        "social_assistance",
        id="seed-gops-without-spolecznej",
    ),
    pytest.param(
        "Centrum Usług Społecznych w Liszkach", "cus", "social_assistance", id="cus-liszki"
    ),
    pytest.param(
        "Gminne Centrum Usług Społecznych w Grybowie", "cus", "social_assistance", id="gcus-grybow"
    ),
    pytest.param(
        "Powiatowe Centrum Pomocy Rodzinie w Dąbrowie Tarnowskiej",
        "pcpr",
        "social_assistance",
        id="pcpr-dabrowa",
    ),
    pytest.param(
        "Środowiskowy Dom Samopomocy Biecz - Filia w Gorlicach (Nadzieja)",
        "sds",
        "social_assistance",
        id="sds-filia",
    ),
    pytest.param(
        'Środowiskowy Dom Samopomocy  Kraków "Vita" os. Młodości 8',
        "sds",
        "social_assistance",
        id="sds-vita",
    ),
    pytest.param(
        "Dom Pomocy Społecznej-Regionalne Centrum Rehabilitacji i Pomocy Społecznej w Borzęcinie",
        "dps",
        "social_assistance",
        id="dps-borzecin",
    ),
    pytest.param(
        "Powiatowy Dom Pomocy Społecznej im. Adama Starzeńskiego w Płazie ",
        "dps",
        "social_assistance",
        id="dps-plaza",
    ),
    pytest.param(
        "Świetlica Środowiskowa przy Gminnym Ośrodku Pomocy Społecznej w Bliżynie",
        "day_care",
        "social_assistance",
        id="head-wins-swietlica-przy-gops",
    ),
    pytest.param("Placówka Wsparcia Dziennego „Promyk”", "day_care", "social_assistance", id="pwd"),
    pytest.param(
        "Placowka Opiekunczo-Wychowawcza Jedynka  ul. Slonimska 8 15-028 Bialystok",
        "foster_care_institution",
        "social_assistance",
        id="fixture-pow-jedynka-folded",
    ),
    pytest.param(
        "Dzienny Dom Senior+ w Konopnicy",
        "senior_centre",
        "social_assistance",
        id="dzienny-dom-senior-plus",
    ),
    pytest.param(
        "Klub Senior+ przy Gminnym Ośrodku Pomocy Społecznej",
        "senior_centre",
        "social_assistance",
        id="klub-senior-plus-przy-gops",
    ),
    pytest.param(
        "Ośrodek Interwencji Kryzysowej w Kazimierzy Wielkiej", "oik", "social_assistance", id="oik"
    ),
    pytest.param(
        "Powiatowy Zespół do Spraw Orzekania o Niepełnosprawności w Poddębicach",
        "pzon",
        "social_assistance",
        id="pzon",
    ),
    pytest.param(
        "Warsztat Terapii Zajęciowej „Alternatywa” w Mianowie", "wtz", "social_assistance", id="wtz"
    ),
    # inflected, as in the seed articles
    pytest.param(
        "Miejskiego Ośrodka Pomocy Społecznej w Skarżysku-Kamiennej",
        "ops",
        "social_assistance",
        id="seed-mops-genitive",
    ),
    pytest.param(
        "Powiatowego Centrum Pomocy Rodzinie w Skarżysku-Kamiennej",
        "pcpr",
        "social_assistance",
        id="seed-pcpr-genitive",
    ),
    pytest.param(
        "Poradnią Psychologiczno-Pedagogiczną w Skarżysku-Kamiennej",
        "ppp",
        "education",
        id="seed-ppp-instrumental",
    ),
    pytest.param(
        "Powiatowej Poradni Psychologiczno-Pedagogicznej",
        "ppp",
        "education",
        id="seed-ppp-genitive",
    ),
    pytest.param(
        "Zespołu Kuratorskiej Służby Sądowej do wykonywania orzeczeń w sprawach rodzinnych i nieletnich",
        "probation",
        "justice",
        id="seed-kuratorzy",
    ),
    pytest.param(
        "Zespół ds. Zdrowia Starostwa Powiatowego w Skarżysku-Kamiennej",
        "county_office",
        "local_government",
        id="seed-zespol-starostwa",
    ),
    pytest.param(
        "Zespół Szkolno-Przedszkolny w Łącznej", "school_complex", "education", id="seed-zsp"
    ),
    pytest.param(
        "Urząd Miasta i Gminy Suchedniów", "municipal_office", "local_government", id="seed-umig"
    ),
    pytest.param(
        "Stowarzyszenie Pomocy ARKA NOEGO w Skarżysku-Kamiennej",
        "ngo",
        "ngo",
        id="seed-stowarzyszenie",
    ),
    pytest.param(
        "Powiatowej Stacji Sanitarno-Epidemiologicznej",
        "sanepid",
        "health",
        id="seed-psse-genitive",
    ),
    pytest.param(
        "Powiatowego Międzyszkolnego Ośrodka Sportowego w Piszu",
        "sport",
        "culture_sport",
        id="seed-mos-sportowy",
    ),
    pytest.param(
        "Urzędu Miejskiego w Piszu", "municipal_office", "local_government", id="seed-urzad-miejski"
    ),
    pytest.param("Powiatowego Urzędu Pracy w Piszu", "pup", "employment", id="seed-pup-genitive"),
    # upper case and ASCII-folded (html_fixtures/index.csv titles)
    pytest.param(
        "PORADNIA PSYCHOLOGICZNO PEDAGOGICZNA", "ppp", "education", id="ppp-caps-no-hyphen"
    ),
    pytest.param("Poradni Psychologiczno-Pedagogicznej", "ppp", "education", id="ppp-genitive"),
    pytest.param(
        "Poradnia Psychologiczno-Pedagogiczna w Ostrolece - Dane",
        "ppp",
        "education",
        id="fixture-ppp-folded",
    ),
    pytest.param(
        "Powiatowy Osrodek Poradnictwa Psychologiczno-Pedagogicznego i Doradztwa Metodycznego w Polkowicach - Dane",
        "ppp",
        "education",
        id="fixture-poppp",
    ),
    pytest.param(
        "Osrodek Pomocy Spolecznej w Chocianowie - Dane",
        "ops",
        "social_assistance",
        id="fixture-ops-folded",
    ),
    pytest.param(
        "Miejsko-Gminny Osrodek Pomocy Spolecznej w Bialej Rawskiej - Dane",
        "ops",
        "social_assistance",
        id="fixture-mgops-folded",
    ),
    pytest.param("Srodowiskowy Dom Samopomocy", "sds", "social_assistance", id="sds-folded"),
    pytest.param(
        "SRODOWISKOWY DOM SAMOPOMOCY W POLANCU", "sds", "social_assistance", id="sds-folded-caps"
    ),
    pytest.param(
        "Dom Pomocy Spolecznej w Sremie - Dane", "dps", "social_assistance", id="fixture-dps-folded"
    ),
    pytest.param(
        "Specjalny Osrodek Szkolno - Wychowawczy w Stoku Lackim.",
        "sosw",
        "education",
        id="fixture-sosw-spaced-hyphen",
    ),
    pytest.param(
        "Biuletyn Informacji Publicznej - Specjalny Osrodek Szkolno-Wychowawczy Nr 2 w Kutnie - Dane szkoly",
        "sosw",
        "education",
        id="fixture-sosw-bip",
    ),
    pytest.param(
        "Powiatowy Urzad Pracy w Aleksandrowie Kujawskim - Dane",
        "pup",
        "employment",
        id="fixture-pup-folded",
    ),
    pytest.param(
        "Portal Orzeczen Sadu Rejonowego Szczecin-Centrum w Szczecinie",
        "court",
        "justice",
        id="fixture-court-folded",
    ),
    pytest.param(
        "Starostwo Powiatowe w Krasnymstawie - Dane",
        "county_office",
        "local_government",
        id="fixture-starostwo",
    ),
    pytest.param(
        "Powiat Bialobrzeski", "county_office", "local_government", id="fixture-powiat-weak"
    ),
    pytest.param(
        "Biuletyn Informacji Publicznej - Urzad Miasta i Gminy w Bialej Rawskiej - Dane",
        "municipal_office",
        "local_government",
        id="fixture-umig-folded",
    ),
    pytest.param(
        "Biuletyn Informacji Publicznej - Miasto i Gmina Golancz - Dane",
        "municipal_office",
        "local_government",
        id="fixture-miasto-i-gmina-weak",
    ),
    pytest.param(
        "Gmina Czajkow - Dane", "municipal_office", "local_government", id="fixture-gmina-weak"
    ),
    pytest.param(
        "Szkola Podstawowa w Drawnie im. Stefana Zeromskiego - Dane szkoly",
        "primary_school",
        "education",
        id="fixture-sp-folded",
    ),
    pytest.param(
        "Zespol Szkol Centrum Ksztalcenia Rolniczego w Starym Lubiejewie - Dane",
        "school_complex",
        "education",
        id="fixture-zs-head",
    ),
    pytest.param(
        "Przedszkole nr 3 w Piasecznie - Dane", "preschool", "education", id="fixture-przedszkole"
    ),
    pytest.param(
        "SZPITAL GLOWNO GRUPA ZDROWIE SP. Z O.O.",
        "hospital",
        "health",
        id="fixture-szpital-legal-form",
    ),
    pytest.param(
        "BIP ZOZ Malechowo - Informacje podstawowe", "health_clinic", "health", id="fixture-zoz"
    ),
    pytest.param("Fundacja Agnieszka - Strona Glowna", "ngo", "ngo", id="fixture-fundacja"),
    pytest.param(
        "Biblioteka w Sarnakach  | pelni funkcje Biblioteki Powiatowej",
        "library",
        "culture_sport",
        id="fixture-biblioteka",
    ),
    # registries: courts, sanitary stations, RSPO, UTW
    pytest.param(
        "Sąd Rejonowy Szczecin-Prawobrzeże i Zachód w Szczecinie", "court", "justice", id="court-sr"
    ),
    pytest.param("Sąd Okręgowy w Gliwicach", "court", "justice", id="court-so"),
    pytest.param(
        "Sąd Rejonowy w Kielcach – Zespół Kuratorskiej Służby Sądowej",
        "probation",
        "justice",
        id="unit-beats-parent-kuratorzy",
    ),
    pytest.param(
        "Graniczna Stacja Sanitarno-Epidemiologiczna w Dorohusku", "sanepid", "health", id="gsse"
    ),
    pytest.param(
        "Punkt Granicznej Kontroli Sanitarno-Epidemiologicznej w Gdańsku",
        "sanepid",
        "health",
        id="gpkse",
    ),
    pytest.param(
        "XIV LICEUM OGÓLNOKSZTAŁCĄCE IM. KAZIMIERZA WIELKIEGO",
        "secondary_school",
        "education",
        id="rspo-lo-caps",
    ),
    pytest.param(
        "Uniwersytet Trzeciego Wieku w Brzesku przy Miejskim Ośrodku Kultury",
        "ngo",
        "ngo",
        id="utw-przy-mok",
    ),
    pytest.param(
        "Stowarzyszenie „Uniwersytet Trzeciego Wieku w Andrychowie”",
        "ngo",
        "ngo",
        id="utw-stowarzyszenie",
    ),
    pytest.param("Komenda Powiatowa Policji w Piszu", "police", "police", id="kpp"),
    pytest.param("Młodzieżowy Ośrodek Wychowawczy w Żywcu", "mow", "education", id="mow"),
    pytest.param("Młodzieżowy Ośrodek Socjoterapii w Piszu", "mos", "education", id="mos"),
    pytest.param(
        "Samodzielny Publiczny Zakład Opieki Zdrowotnej Szpital Powiatowy w Piszu",
        "hospital",
        "health",
        id="unit-beats-parent-szpital",
    ),
    pytest.param(
        "Przychodnia Specjalistyczna przy Szpitalu Powiatowym",
        "health_clinic",
        "health",
        id="przy-parent-is-not-a-unit",
    ),
    pytest.param(
        "Zespół Kuratorskiej Służby Sądowej przy Sądzie Rejonowym w Piszu",
        "probation",
        "justice",
        id="kuratorzy-przy-sadzie",
    ),
    pytest.param(
        "Poradnia Zdrowia Psychicznego dla Dzieci i Młodzieży", "mental_health", "health", id="pzp"
    ),
    pytest.param(
        "Punkt Nieodpłatnej Pomocy Prawnej w Łącznej", "legal_aid_point", "justice", id="npp"
    ),
    # acronyms, inflected acronyms, typos
    pytest.param("BIP - GOPS Kwidzyn", "ops", "social_assistance", id="acr-gops"),
    pytest.param("MOPS-ie w Piszu", "ops", "social_assistance", id="acr-mops-inflected"),
    pytest.param("ŚDS w Tomaszkowicach", "sds", "social_assistance", id="acr-sds"),
    pytest.param("SDS Tomaszkowice", "sds", "social_assistance", id="acr-sds-folded"),
    pytest.param("PUP KAMIENNA GORA ::", "pup", "employment", id="acr-pup"),
    pytest.param("PCPR w Skarżysku-Kamiennej", "pcpr", "social_assistance", id="acr-pcpr"),
    pytest.param("KMP w Kielcach", "police", "police", id="acr-kmp"),
    pytest.param("PSSE w Piszu", "sanepid", "health", id="acr-psse"),
    pytest.param(
        "SOSW dla Dzieci Slaboslyszacych w Szczecinie", "sosw", "education", id="acr-sosw"
    ),
    pytest.param("SP ZOZ w Łowiczu", "health_clinic", "health", id="acr-sp-zoz"),
    pytest.param("SP37 w Kielcach", "primary_school", "education", id="acr-sp-glued-number"),
    pytest.param("ZSP w Łącznej", "school_complex", "education", id="acr-zsp"),
    pytest.param("I LO w Piszu", "secondary_school", "education", id="acr-lo"),
    pytest.param("ppp w chorzowie", "ppp", "education", id="acr-lower-case-text"),
    pytest.param("MOSiR Kielce", "sport", "culture_sport", id="acr-mosir-mixed-case"),
    pytest.param("Przedskzole w Łaziskach", "preschool", "education", id="typo-przedszkole"),
    pytest.param(
        "Komenda Miejska Pplicji w Jastrzębiu-Zdroju", "police", "police", id="typo-policji"
    ),
    pytest.param(
        "Sadów – Szkoła Podstawowa", "primary_school", "education", id="diacritic-place-not-court"
    ),
]

NEGATIVE_CASES = [
    pytest.param(
        "Przychodnia weterynaryjna ''MilaVet'' - weterynarz Wodzislaw Slaski", id="vet-clinic"
    ),
    pytest.param("LOKALNYHIT - oferty firm z powiatu nakielskiego", id="powiat-not-at-head"),
    pytest.param("Wulkanizacja Zlotow - Serwis Ogumienia - Juda", id="tyre-service"),
    pytest.param("Szkoła Jazdy Auto-Kurs", id="driving-school"),
    pytest.param("Schronisko dla Bezdomnych Zwierząt w Sobolewie", id="animal-shelter"),
    pytest.param("ABC SP. Z O.O.", id="company-sp-z-oo"),
]


@pytest.mark.parametrize(("name", "type_code", "sector"), NAME_CASES)
def test_type_and_sector_from_name(name: str, type_code: str, sector: str) -> None:
    result = classify(name)
    assert (result.type_code, result.sector) == (type_code, sector)
    type_evidence = [e for e in result.evidence if e.kind == "type"]
    assert len(type_evidence) == 1
    assert type_evidence[0].source == "name"
    assert type_evidence[0].words in name


@pytest.mark.parametrize("name", NEGATIVE_CASES)
def test_not_an_institution_type(name: str) -> None:
    result = classify(name)
    assert (result.type_code, result.sector) == (TYPE_OTHER, None)
    assert not any(e.kind == "type" for e in result.evidence)


@pytest.mark.parametrize(
    ("name", "type_raw", "type_code", "source", "words"),
    [
        pytest.param(
            "Gmina Andrychów",
            "Klub Senior+",
            "senior_centre",
            "type_raw",
            "Klub Senior",
            id="column-beats-weak-name",
        ),
        pytest.param(
            "Dom Radosnej Starości im. Jana Pawła II w Kupieninie",
            "DPS",
            "dps",
            "type_raw",
            "DPS",
            id="column-beats-name",
        ),
        pytest.param(
            "Środowiskowy Dom Samopomocy Chełmek",
            "ŚDS",
            "sds",
            "type_raw",
            "ŚDS",
            id="column-agrees",
        ),
        pytest.param(
            "Uniwersytet Złotego Wieku w Gorlicach",
            "utw",
            "ngo",
            "type_raw",
            "utw",
            id="column-any-case",
        ),
        pytest.param(
            "Przedszkole nr 3",
            "Szkoły",
            "preschool",
            "name",
            "Przedszkole",
            id="name-refines-generic-column",
        ),
        pytest.param(
            "Punkt Interwencji Kryzysowej przy MOPS",
            "Ośrodki pomocy społecznej",
            "oik",
            "name",
            "Punkt Interwencji Kryzysowej",
            id="name-unit-of-column",
        ),
        pytest.param(
            "Gmina Biecz",
            "Pomoc społeczna",
            "municipal_office",
            "name",
            "Gmina",
            id="unrecognised-column-weak-name",
        ),
    ],
)
def test_type_column(name: str, type_raw: str, type_code: str, source: str, words: str) -> None:
    result = classify(name, type_raw=type_raw)
    assert result.type_code == type_code
    assert Evidence("type", type_code, words, source) in result.evidence  # type: ignore[arg-type]


def _text_evidence(result: Classification) -> set[tuple[str, str, str]]:
    return {(e.kind, e.code, e.words) for e in result.evidence if e.source == "description"}


@pytest.mark.parametrize(
    ("name", "description", "services", "groups", "evidence"),
    [
        pytest.param(
            "Poradnia Psychologiczno-Pedagogiczna w Piszu",
            "Poradnia udziela pomocy psychologiczno-pedagogicznej dzieciom i młodzieży oraz ich rodzicom",
            {"psychological_support"},
            {"children", "youth", "parents"},
            {
                ("service", "psychological_support", "pomocy psychologiczno"),
                ("target_group", "children", "dzieciom"),
                ("target_group", "youth", "młodzieży"),
                ("target_group", "parents", "rodzicom"),
            },
            id="ppp-description",
        ),
        pytest.param(
            "Stowarzyszenie Pomocy ARKA NOEGO",
            "prowadzimy terapię uzależnień dla dorosłych",
            {"therapy", "addiction_support"},
            {"adults", "people_with_addictions"},
            {
                ("service", "therapy", "terapię"),
                ("service", "addiction_support", "uzależnień"),
                ("target_group", "adults", "dorosłych"),
            },
            id="addiction-therapy",
        ),
        pytest.param(
            "Powiatowe Centrum Pomocy Rodzinie",
            "Organizujemy pieczę zastępczą i prowadzimy mieszkanie chronione dla usamodzielnianych "
            "wychowanków oraz osób z niepełnosprawnościami.",
            {"foster_care", "housing"},
            {"foster_families", "care_leavers", "people_with_disabilities"},
            {
                ("service", "foster_care", "pieczę zastępczą"),
                ("service", "housing", "mieszkanie chronione"),
                ("target_group", "care_leavers", "usamodzielnianych"),
                ("target_group", "people_with_disabilities", "niepełnosprawnościami"),
            },
            id="pcpr-description",
        ),
        pytest.param(
            "Ośrodek Interwencji Kryzysowej",
            "Całodobowy telefon zaufania, pomoc osobom doznającym przemocy w rodzinie, "
            "procedura Niebieskiej Karty.",
            {"helpline", "domestic_violence"},
            {"people_affected_by_violence", "families"},
            {
                ("service", "helpline", "telefon zaufania"),
                ("service", "domestic_violence", "przemocy w rodzinie"),
                ("service", "domestic_violence", "Niebieskiej Karty"),
            },
            id="violence",
        ),
        pytest.param(
            "Powiatowy Urząd Pracy",
            "Pośrednictwo pracy, staże i szkolenia dla osób bezrobotnych i poszukujących pracy.",
            {"employment_services"},
            {"unemployed"},
            {
                ("service", "employment_services", "Pośrednictwo pracy"),
                ("service", "employment_services", "staże"),
                ("target_group", "unemployed", "bezrobotnych"),
                ("target_group", "unemployed", "poszukujących pracy"),
            },
            id="pup-description",
        ),
        pytest.param(
            "Gminny Ośrodek Pomocy Społecznej",
            "Zasiłki okresowe i celowe, świadczenia rodzinne, asystent rodziny, pomoc dla osób "
            "bezdomnych.",
            {"financial_benefits", "family_assistant"},
            {"homeless", "families"},
            {
                ("service", "financial_benefits", "Zasiłki"),
                ("service", "financial_benefits", "świadczenia rodzinne"),
                ("service", "family_assistant", "asystent rodziny"),
                ("target_group", "homeless", "bezdomnych"),
            },
            id="gops-description",
        ),
        pytest.param(
            "Dom Pomocy Społecznej w Bochni",
            "dla osób w podeszłym wieku - 90 miejsc dla osób przewlekle psychicznie chorych",
            {"residential_care"},
            {"seniors", "chronically_ill", "people_with_mental_disorders"},
            {
                ("target_group", "seniors", "podeszłym wieku"),
                ("target_group", "chronically_ill", "przewlekle psychicznie chorych"),
                ("target_group", "people_with_mental_disorders", "psychicznie chorych"),
            },
            id="dps-profile",
        ),
        pytest.param(
            "Poradnia",
            "Zajęcia wczesnego wspomagania rozwoju, terapia logopedyczna i diagnoza dzieci.",
            {"early_support", "speech_therapy", "therapy", "diagnosis"},
            {"children"},
            {
                ("service", "early_support", "wczesnego wspomagania"),
                ("service", "speech_therapy", "logopedyczna"),
                ("service", "diagnosis", "diagnoza"),
                ("target_group", "children", "dzieci"),
            },
            id="early-support-folded-free",
        ),
        pytest.param(
            "Osrodek Pomocy Spolecznej",
            "Swiadczymy pomoc prawna i psychologiczna dla osob starszych i niepelnosprawnych.",
            {"legal_aid"},
            {"seniors", "people_with_disabilities"},
            {
                ("service", "legal_aid", "pomoc prawna"),
                ("target_group", "seniors", "osob starszych"),
                ("target_group", "people_with_disabilities", "niepelnosprawnych"),
            },
            id="ascii-folded-description",
        ),
    ],
)
def test_services_and_target_groups_from_description(
    name: str,
    description: str,
    services: set[str],
    groups: set[str],
    evidence: set[tuple[str, str, str]],
) -> None:
    result = classify(name, description)
    assert services <= set(result.services)
    assert groups <= set(result.target_groups)
    assert evidence <= _text_evidence(result)


def test_defaults_are_added_and_marked_as_from_type() -> None:
    result = classify("Poradnią Psychologiczno-Pedagogiczną w Skarżysku-Kamiennej")
    assert result.services == ("counselling", "psychological_support", "therapy", "diagnosis")
    assert result.target_groups == ("children", "youth", "students", "parents")
    defaults = {(e.kind, e.code) for e in result.evidence if e.source == "type_default"}
    assert ("service", "diagnosis") in defaults
    assert ("target_group", "parents") in defaults
    assert {e.words for e in result.evidence if e.source == "type_default"} == {
        "Poradnią Psychologiczno-Pedagogiczną"
    }


def test_description_never_decides_the_type() -> None:
    result = classify(
        "Stowarzyszenie Arka", "Współpracujemy z Poradnią Psychologiczno-Pedagogiczną i MOPS."
    )
    assert result.type_code == "ngo"


def test_description_text_is_not_typo_corrected() -> None:
    # "Pplicji" is forgiven in a name, but prose is full of unknown surnames: not there.
    assert classify("X", "Rozmowa z Pplicji").services == ()
    assert classify("Komenda Miejska Pplicji").type_code == "police"


def test_decomposed_unicode_is_normalised() -> None:
    decomposed = "Dom Pomocy Spo\u0142ecznej w Ro\u0301z\u0307anie"
    assert classify(decomposed).type_code == "dps"
    assert classify("Dom Radosnej Staros\u0301ci").type_code == "care_home"


def test_non_string_name_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match="name must be a str"):
        classify(None)  # type: ignore[arg-type]


def test_classification_is_frozen() -> None:
    result = classify("Sąd Rejonowy w Piszu")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.type_code = "ops"  # type: ignore[misc]


# --- taxonomy invariants ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", INSTITUTION_TYPES, ids=lambda kind: kind.code)
def test_every_type_has_a_sector_a_label_and_recognises_its_own_label(
    kind: taxonomy.InstitutionType,
) -> None:
    assert kind.sector in SECTOR_BY_CODE
    assert kind.label_pl.strip() and kind.label_en.strip()
    assert kind.patterns, f"{kind.code} has no lemma pattern"
    result = classify(kind.label_pl)
    assert result.type_code == kind.code, f"{kind.label_pl!r} -> {result.type_code}"
    assert all(code in SERVICE_BY_CODE for code in kind.default_services)
    assert all(code in TARGET_GROUP_BY_CODE for code in kind.default_target_groups)


def test_every_taxonomy_lemma_is_known_to_morfeusz() -> None:
    # A lemma Morfeusz cannot inflect only ever matches its own spelling: almost always a
    # typo or a non-lemma (an inflected form, an ad-adjectival "szkolno") in the tables.
    unknown = sorted(lemma for lemma in taxonomy.all_lemmas() if not lemma_forms(lemma))
    assert unknown == []


def test_service_and_target_group_labels_are_recognised() -> None:
    misses = [s.code for s in taxonomy.SERVICES if s.code not in classify("X", s.label_pl).services]
    misses += [
        g.code
        for g in taxonomy.TARGET_GROUPS
        if g.code not in classify("X", g.label_pl).target_groups
    ]
    assert misses == []


def test_broken_reference_in_the_tables_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = dataclasses.replace(INSTITUTION_TYPES[0], code="broken", sector="nowhere")
    monkeypatch.setattr(taxonomy, "INSTITUTION_TYPES", (*INSTITUTION_TYPES, broken))
    with pytest.raises(TaxonomyError, match="'broken' has unknown sector 'nowhere'"):
        check_taxonomy()


def test_committed_docs_match_the_tables() -> None:
    committed = (REPO / "docs" / "taxonomy.md").read_text(encoding="utf-8")
    assert committed == render_taxonomy_markdown(), (
        "docs/taxonomy.md is stale: run `python -m transforms.taxonomy > docs/taxonomy.md`"
    )


# --- whole registries ------------------------------------------------------------------------

COLUMN_TYPES = {"MOPS": "ops", "GOPS": "ops", "CUS": "cus", "ŚDS": "sds", "DPS": "dps"}


def _registry_rows(shared_data: Path) -> Iterator[tuple[str, str, str]]:
    """(file, name, expected type) for four registries whose rows are all of a known type."""
    for file, name_column, type_column in (
        ("social_assistance/ops_slaskie.csv", "nazwa", "typ"),
        ("social_assistance/placowki_sds_dps_malopolskie.csv", "nazwa", "typ_placowki"),
        ("courts/sady_adresy_mobberizer.csv", "title", None),
        ("health/psse_sanepid_adresy_mobberizer.csv", "title", None),
    ):
        with (shared_data / file).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if type_column is not None:
                    yield file, row[name_column], row[type_column]
                else:
                    yield file, row[name_column], "court" if "sady" in file else "sanepid"


def test_registries_are_classified_as_their_type_column_says(shared_data: Path) -> None:
    rows = list(_registry_rows(shared_data))
    assert len(rows) == 167 + 36 + 378 + 342
    with_column_wrong: list[tuple[str, str]] = []
    name_disagrees: dict[str, str] = {}
    for _file, name, expected in rows:
        expected_code = COLUMN_TYPES.get(expected, expected)
        column = expected if expected in COLUMN_TYPES else None
        got = classify(name, type_raw=column).type_code
        if got != expected_code:
            with_column_wrong.append((name, got))
        by_name = classify(name).type_code
        if by_name != expected_code:
            # placowki_sds_dps stores some names in decomposed Unicode.
            name_disagrees[unicodedata.normalize("NFC", name)] = by_name
    assert with_column_wrong == []
    # From the name alone nothing is "other"; the one disagreement is a registered DPS whose
    # name says "care home" (Dom ... Starości), which the type column settles.
    assert name_disagrees == {"Dom Radosnej Starości im. Jana Pawła II w Kupieninie": "care_home"}
