"""Registry parsers over the real registry files in ../shared/data (read, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_document  # tests/ helper module

from extractors.records import Document, ExtractionError, ParsedInstitution
from extractors.registries import (
    CourtJurisdiction,
    parse_court_jurisdiction,
    parse_courts_addresses,
    parse_courts_jurisdiction,
    parse_jurisdiction_text,
    parse_ops_list,
    parse_rspo,
    parse_sanepid,
)

HIERARCHY = "courts/sady_hierarchia_wlasciwosc_2025-02-01.csv"


def data_file(content: bytes, name: str) -> Document:
    return make_document(f"file:///data/{name}", content)


def load(shared_data: Path, relative: str) -> Document:
    path = shared_data / relative
    return data_file(path.read_bytes(), path.name)


def only(records: list[ParsedInstitution], **wanted: str) -> ParsedInstitution:
    found = [r for r in records if all(getattr(r, k) == v for k, v in wanted.items())]
    assert len(found) == 1, f"{len(found)} records match {wanted}"
    return found[0]


@pytest.mark.parametrize(
    ("parser", "relative", "count"),
    [
        pytest.param(parse_ops_list, "social_assistance/ops_slaskie.csv", 167, id="ops-slaskie"),
        pytest.param(
            parse_ops_list, "social_assistance/ops_malopolskie_geo.csv", 195, id="ops-malopolskie"
        ),
        # 378 rows; two exact consecutive duplicates (Katowice-Zachód, Zamość) are merged.
        pytest.param(
            parse_courts_addresses, "courts/sady_adresy_mobberizer.csv", 376, id="courts-addresses"
        ),
        pytest.param(parse_sanepid, "health/psse_sanepid_adresy_mobberizer.csv", 342, id="sanepid"),
        pytest.param(parse_rspo, "education/rspo_export_sample_lo.csv", 26, id="rspo"),
        # 11 appeal + 47 regional + 319 district courts, each once.
        pytest.param(parse_courts_jurisdiction, HIERARCHY, 377, id="court-hierarchy"),
    ],
)
def test_registry_counts(shared_data: Path, parser: object, relative: str, count: int) -> None:
    assert callable(parser)
    records = parser(load(shared_data, relative))
    assert len(records) == count
    assert all(r.role == "row" and r.name_raw for r in records)
    assert len({r.name_raw for r in records}) >= count - 2  # names are nearly unique


def test_ops_slaskie_row(shared_data: Path) -> None:
    records = parse_ops_list(load(shared_data, "social_assistance/ops_slaskie.csv"))
    assert only(records, gmina_raw="Będzin") == ParsedInstitution(
        name_raw="Miejski Ośrodek Pomocy Społecznej w Będzinie",
        role="row",
        type_raw="MOPS",
        street_raw="ul. 11 Listopada 1",
        postal_code_raw="42-500",
        locality_raw="Będzin",
        gmina_raw="Będzin",
        powiat_raw="będziński",
        voivodeship_raw="śląskie",
        phones_raw=("(32) 296-21-31",),
        emails_raw=("sekretariat@mops.bedzin.pl",),
    )
    # Parse debris in the source stays (only the dangling hyphen goes): normalisers decide.
    assert any(r.gmina_raw == "Buczkowice Gmina Buczkowice" for r in records)


def test_ops_malopolskie_row_and_teryt_trap(shared_data: Path) -> None:
    records = parse_ops_list(load(shared_data, "social_assistance/ops_malopolskie_geo.csv"))
    assert only(records, name_raw="Centrum Usług Społecznych w Myślenicach") == ParsedInstitution(
        name_raw="Centrum Usług Społecznych w Myślenicach",
        role="row",
        type_raw="CUS",
        street_raw="ul. Juliusza Słowackiego 82",
        postal_code_raw="32-400",
        locality_raw="Myślenice",
        gmina_raw="Myślenice",
        powiat_raw="myślenicki",
        voivodeship_raw="małopolskie",
        phones_raw=("(12) 272-19-98",),
        emails_raw=("info@cusmyslenice.pl",),
        websites_raw=("www.cusmyslenice.pl",),
        # The trap: 120901 is Dobczyce, not Myślenice. Kept as written, never trusted.
        teryt_raw="1209011",
        opening_hours_raw="Poniedziałek 7:00 - 17:00 Wtorek-Piątek 7:00 - 15:00",
        extra=(
            ("id_jednostki", "2863.0"),
            ("latitude", "49.8373"),
            ("longitude", "19.9378"),
            ("geo_precyzja", "miejscowosc"),
            ("uwagi", "źródło: RJPS eksport 06.03.2026"),
        ),
    )
    # ulica + numer_domu become one street; 69 rows have no e-mail, 87 no website.
    mogilany = only(records, gmina_raw="Mogilany")
    assert mogilany.street_raw == "rynek Rynek 2"
    assert sum(1 for r in records if not r.emails_raw) == 69
    assert sum(1 for r in records if not r.websites_raw) == 87


def test_courts_addresses_row(shared_data: Path) -> None:
    records = parse_courts_addresses(load(shared_data, "courts/sady_adresy_mobberizer.csv"))
    assert only(records, name_raw="Sąd Rejonowy w Skarżysku-Kamiennej") == ParsedInstitution(
        name_raw="Sąd Rejonowy w Skarżysku-Kamiennej",
        role="row",
        street_raw="ul. Krasińskiego 11",
        postal_code_raw="26-110",
        locality_raw="Skarżysko-Kamienna",
        phones_raw=("12 286 32 83",),
        emails_raw=("sad@skarzysko.sr.gov.pl",),
        websites_raw=("http://skarzysko.sr.gov.pl/",),
        extra=(
            ("id", "125"),
            ("apelacja", "krakowska"),
            ("okreg", "kielecki"),
            ("tag", "Skarżysko-Kamienna, krakowska, kielecki, #wp"),
        ),
    )
    gdansk = only(records, name_raw="Sąd Apelacyjny w Gdańsku")
    assert gdansk.phones_raw == ("58 323 85 41", "58 323 85 24")
    assert gdansk.street_raw == "ul. Nowe Ogrody 28/29"


def test_sanepid_row(shared_data: Path) -> None:
    records = parse_sanepid(load(shared_data, "health/psse_sanepid_adresy_mobberizer.csv"))
    wroclaw = records[0]
    assert wroclaw.extra[0] == ("id", "01")
    assert wroclaw == ParsedInstitution(
        name_raw="Wojewódzka Stacja Sanitarno-Epidemiologiczna we Wrocławiu",
        role="row",
        street_raw="ul. Marii Curie-Skłodowskiej, 73/77",
        postal_code_raw="50-950",
        locality_raw="Wrocław",
        phones_raw=("71 328 30 41 do 49",),
        emails_raw=("wsse.wroclaw@sanepid.gov.pl",),
        websites_raw=("https://www.gov.pl/web/wsse-wroclaw",),
        extra=wroclaw.extra,
    )
    assert wroclaw.extra[1][0] == "tag" and wroclaw.extra[1][1].startswith("dolnośląskie, Wrocław")
    assert all(r.postal_code_raw for r in records)


def test_rspo_row(shared_data: Path) -> None:
    records = parse_rspo(load(shared_data, "education/rspo_export_sample_lo.csv"))
    school = only(records, rspo_raw="271907")
    assert school == ParsedInstitution(
        name_raw="CLXIV LICEUM OGÓLNOKSZTAŁCĄCE MISTRZOSTWA SPORTOWEGO",
        role="row",
        type_raw="Liceum ogólnokształcące",
        street_raw="ul. Chełmska 23",
        postal_code_raw="00-724",
        locality_raw="Mokotów",
        gmina_raw="Mokotów",
        powiat_raw="Warszawa",
        voivodeship_raw="MAZOWIECKIE",
        phones_raw=("228411643",),
        emails_raw=("lo164@eduwarszawa.pl",),
        websites_raw=("https://lo-164.edupage.org/",),
        regon_raw="383776608",
        rspo_raw="271907",
        teryt_raw="1465058",
        extra=school.extra,
    )
    extra = dict(school.extra)
    assert extra["Kod terytorialny powiat"] == "1465"  # ="1465" unwrapped
    assert extra["Nazwa organu prowadzącego"] == "MOKOTÓW"
    assert "Faks" not in extra  # an empty ="" cell is empty, not a value
    kilinski = only(records, rspo_raw="39652")
    assert (kilinski.nip_raw, kilinski.regon_raw) == ("5251570625", "015789094")
    assert all(r.teryt_raw and len(r.teryt_raw) == 7 for r in records)


def test_court_hierarchy_records(shared_data: Path) -> None:
    records = parse_courts_jurisdiction(load(shared_data, HIERARCHY))
    assert [r.type_raw for r in records].count("Sąd Apelacyjny") == 11
    assert [r.type_raw for r in records].count("Sąd Okręgowy") == 47
    assert [r.type_raw for r in records].count("Sąd Rejonowy") == 319
    assert only(records, name_raw="Sąd Rejonowy w Skarżysku-Kamiennej") == ParsedInstitution(
        name_raw="Sąd Rejonowy w Skarżysku-Kamiennej",
        role="row",
        type_raw="Sąd Rejonowy",
        extra=(
            ("sąd okręgowy", "Sąd Okręgowy w Kielcach"),
            ("sąd apelacyjny", "Sąd Apelacyjny w Krakowie"),
            (
                "właściwość miejscowa",
                "dla miasta Skarżysko-Kamienna oraz gmin: Bliżyn, Łączna, Skarżysko Kościelne "
                "i Suchedniów oraz do rozpoznawania spraw z zakresu prawa: cywilnego, rodzinnego "
                "i opiekuńczego, karnego, pracy, a także do prowadzenia ksiąg wieczystych,",
            ),
        ),
    )
    assert only(records, name_raw="Sąd Okręgowy w Kielcach").extra == (
        ("sąd apelacyjny", "Sąd Apelacyjny w Krakowie"),
    )


def test_court_jurisdiction(shared_data: Path) -> None:
    courts = parse_court_jurisdiction(load(shared_data, HIERARCHY))
    assert len(courts) == 319
    by_name = {c.court: c for c in courts}
    skarzysko = by_name["Sąd Rejonowy w Skarżysku-Kamiennej"]
    assert skarzysko == CourtJurisdiction(
        court="Sąd Rejonowy w Skarżysku-Kamiennej",
        regional_court="Sąd Okręgowy w Kielcach",
        appeal_court="Sąd Apelacyjny w Krakowie",
        cities=("Skarżysko-Kamienna",),
        gminas=("Bliżyn", "Łączna", "Skarżysko Kościelne", "Suchedniów"),
        city_parts=(),
        districts=(),
        family_division=True,
        text=skarzysko.text,
    )
    mokotow = by_name["Sąd Rejonowy dla Warszawy-Mokotowa w Warszawie"]
    assert mokotow.districts == ("Mokotów", "Ursynów", "Wilanów")
    assert mokotow.city_parts == ("Warszawy",)  # as written ("miasta stołecznego Warszawy")
    assert by_name["Sąd Rejonowy w Czeladzi"].family_division is None  # no sentence in source
    # Katowice-Wschód has no family division; its boundary names no gminas.
    katowice = by_name["Sąd Rejonowy Katowice-Wschód w Katowicach"]
    assert (katowice.family_division, katowice.cities, katowice.gminas) == (False, (), ())
    lublin_west = by_name["Sąd Rejonowy Lublin-Zachód w Lublinie"]
    assert lublin_west.gminas == ("Jastków", "Konopnica")  # not "Wólka" from the boundary
    named = sum(1 for c in courts if c.cities or c.gminas or c.city_parts)
    assert named == 315


@pytest.mark.parametrize(
    ("text", "cities", "gminas"),
    [
        pytest.param(
            "dla miast: Bieruń, Lędziny i Tychy oraz gmin Bojszowy i Kobiór oraz do "
            "rozpoznawania spraw z zakresu prawa: cywilnego",
            ("Bieruń", "Lędziny", "Tychy"),
            ("Bojszowy", "Kobiór"),
            id="miast-gmin",
        ),
        pytest.param(
            "dla miasta Jastrzębie-Zdrój i gminy Pawłowice oraz do rozpoznawania spraw",
            ("Jastrzębie-Zdrój",),
            ("Pawłowice",),
            id="miasta-i-gminy",
        ),
        pytest.param(
            "dla gmin: Andrespol, Brójce i Nowosolna",
            (),
            ("Andrespol", "Brójce", "Nowosolna"),
            id="gmin-only",
        ),
    ],
)
def test_parse_jurisdiction_text(
    text: str, cities: tuple[str, ...], gminas: tuple[str, ...]
) -> None:
    parsed = parse_jurisdiction_text("SR", "SO", "SA", text)
    assert (parsed.cities, parsed.gminas) == (cities, gminas)


def test_missing_registry_column_is_an_error() -> None:
    content = "typ,nazwa,telefon\nMOPS,MOPS w Będzinie,32 1\n".encode()
    with pytest.raises(ExtractionError, match="ops.csv: expected column.*'wojewodztwo'"):
        parse_ops_list(data_file(content, "ops.csv"))
    with pytest.raises(ExtractionError, match="sady.csv: expected column.*sad_rejonowy"):
        parse_court_jurisdiction(data_file(b"sad_apelacyjny,sad\nA,B\n", "sady.csv"))
