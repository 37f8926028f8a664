"""Spreadsheet reading, header detection, cell splitting and row parsing.

Real files are read from ../shared/data through the `shared_data` fixture (never copied);
synthetic workbooks are built in tmp_path at test time.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import struct
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from helpers import make_document  # tests/ helper module

from extractors.labels import match_column
from extractors.records import Document, ExtractionError, ParsedInstitution
from extractors.spreadsheets import (
    find_header,
    parse_spreadsheet,
    read_table,
    split_address_cell,
    split_name_cell,
    split_phones,
)


def data_file(content: bytes, name: str) -> Document:
    return make_document(f"file:///data/{name}", content)


def parse_file(path: Path) -> list[ParsedInstitution]:
    return parse_spreadsheet(data_file(path.read_bytes(), path.name))


def only(records: list[ParsedInstitution], **wanted: str) -> ParsedInstitution:
    found = [r for r in records if all(getattr(r, k) == v for k, v in wanted.items())]
    assert len(found) == 1, f"{len(found)} records match {wanted}"
    return found[0]


_CACHE: dict[str, list[ParsedInstitution]] = {}


def records_of(shared_data: Path, relative: str) -> list[ParsedInstitution]:
    if relative not in _CACHE:
        _CACHE[relative] = parse_file(shared_data / relative)
    return _CACHE[relative]


# --------------------------------------------------------------------------------------------
# Every real spreadsheet and registry file: row counts and invariants
# --------------------------------------------------------------------------------------------

REAL_COUNTS = [
    # ŚDS list: 58 gminne + 29 powiatowe ŚDS minus one row without a name (Poronin), 2 Kluby
    # Samopomocy, 1 "Miejsca całodobowe" row (Biecz again).
    pytest.param("social_assistance/sds_malopolskie_2026-05-04.xlsx", 89, id="sds-malopolskie"),
    pytest.param(
        "social_assistance/senior_plus_malopolskie_2026-06-02.xlsx", 107, id="senior-plus"
    ),
    # One record per home: care-type continuation rows are folded into the home above.
    pytest.param(
        "social_assistance/dps_wolne_miejsca_malopolskie_2026-07-31.xlsx", 90, id="dps-malopolskie"
    ),
    # One row per home and care-type section; Chełmno appears in three sections.
    pytest.param(
        "social_assistance/dps_wolne_miejsca_kujawsko-pomorskie_2026-06-30.xls",
        50,
        id="dps-kujawsko-pomorskie",
    ),
    pytest.param(
        "social_assistance/dps_wolne_miejsca_lodzkie_2026-07-12.xls", 57, id="dps-lodzkie"
    ),
    # Three tables on one sheet: 47 homes by powiat, 5 by gmina, 1 run by a congregation.
    pytest.param(
        "social_assistance/dps_frekwencja_podkarpackie_2026-06-30.xls", 53, id="dps-podkarpackie"
    ),
    pytest.param("social_assistance/ops_slaskie.csv", 167, id="ops-slaskie"),
    pytest.param("social_assistance/ops_malopolskie_geo.csv", 195, id="ops-malopolskie-geo"),
    pytest.param("social_assistance/ops_malopolskie_www_audit.csv", 264, id="ops-www-audit"),
    pytest.param("social_assistance/placowki_sds_dps_malopolskie.csv", 36, id="placowki-sds-dps"),
    pytest.param("social_assistance/utw_malopolskie.csv", 52, id="utw-malopolskie"),
    # 378 rows, two of them exact consecutive duplicates (Katowice-Zachód, Zamość): merged.
    pytest.param("courts/sady_adresy_mobberizer.csv", 376, id="courts-addresses"),
    pytest.param("health/psse_sanepid_adresy_mobberizer.csv", 342, id="sanepid"),
    pytest.param("education/rspo_export_sample_lo.csv", 26, id="rspo"),
    pytest.param("other_institutions/pip_inspektoraty_pracy_mobberizer.csv", 17, id="pip"),
    # 7 073 rows, 8 of them PDF debris without a name (skipped with a warning).
    pytest.param("other_institutions/poczta_polska_placowki_2024.csv", 7065, id="post-offices"),
]


@pytest.mark.parametrize(("relative", "count"), REAL_COUNTS)
def test_real_file_count_and_invariants(shared_data: Path, relative: str, count: int) -> None:
    records = records_of(shared_data, relative)
    assert len(records) == count
    for record in records:
        assert record.role == "row"
        assert record.name_raw and record.name_raw == record.name_raw.strip()
        assert record.name_raw.upper() not in {"X", "RAZEM", "OGÓŁEM"}
        for value in (record.street_raw, record.locality_raw, record.postal_code_raw):
            assert value is None or (value and value == value.strip())
        assert all(phone.strip() for phone in record.phones_raw)
        assert all("@" in email for email in record.emails_raw)
        assert all(label for label, _ in record.extra)


def test_court_jurisdiction_xls_is_read_but_has_no_institution_header(shared_data: Path) -> None:
    path = shared_data / "courts/wlasciwosc_sadow_powszechnych_2025-02-01.xls"
    sheets = read_table(path.read_bytes(), filename=path.name)
    assert [s.name for s in sheets] == ["Arkusz1", "Arkusz2"]
    first = sheets[0]
    assert first.rows[1][:4] == (
        "L.p.",
        "Sąd Apelacyjny",
        "Właściwość sądu apelacyjnego",
        "Właściwość sądu okręgowego",
    )
    # Rows 3-28 share a vertically merged "1" in L.p.; the float 1.0 reads as "1".
    assert first.rows[2][0] == "1" and first.rows[3][0] == "1"
    with pytest.raises(ExtractionError, match="wlasciwosc_sadow_powszechnych_2025-02-01.xls"):
        parse_file(path)


# --------------------------------------------------------------------------------------------
# Fully specified rows from the real files
# --------------------------------------------------------------------------------------------


def test_lodzkie_name_address_cell(shared_data: Path) -> None:
    records = records_of(shared_data, "social_assistance/dps_wolne_miejsca_lodzkie_2026-07-12.xls")
    free = "Liczba wolnych miejsc wg. stanu na dzień 31.03.2025 r."
    assert only(records, street_raw="Zabłoty 19") == ParsedInstitution(
        name_raw="Dom Pomocy Społecznej W Zabłotach",
        role="row",
        street_raw="Zabłoty 19",
        postal_code_raw="97-425",
        locality_raw="Zelów",
        powiat_raw="Bełchatowski",
        extra=((free, "0"),),
    )
    # No separator at all: the village and number before the postal code are the address.
    assert only(
        records, name_raw="DPS Sieradz Filia w Rożdzałach dla przewlekle psychicznie chorych"
    ) == ParsedInstitution(
        name_raw="DPS Sieradz Filia w Rożdzałach dla przewlekle psychicznie chorych",
        role="row",
        street_raw="Rożdzały 7",
        postal_code_raw="98-290",
        locality_raw="Warta",
        powiat_raw="Sieradzki",
        extra=((free, "0"),),
    )
    # Postal code first, street after the locality.
    jezow = only(records, postal_code_raw="95-047")
    assert (jezow.name_raw, jezow.street_raw, jezow.locality_raw) == (
        "Dom Pomocy Społecznej",
        "Dąbrowa 1",
        "Jeżów",
    )
    glued = only(records, street_raw="ul. Municypalna 4")  # '"Wyjątkowy Dom"ul. Municypalna 4'
    assert glued.name_raw == 'Dom Pomocy Społecznej "Wyjątkowy Dom"'


def test_podkarpackie_rows_and_continuations(shared_data: Path) -> None:
    records = records_of(
        shared_data, "social_assistance/dps_frekwencja_podkarpackie_2026-06-30.xls"
    )
    assert only(records, street_raw="Moczary 41") == ParsedInstitution(
        name_raw="Dom Pomocy Społecznej w Moczarach",
        role="row",
        type_raw="dla osób przewlekle psychicznie chorych",
        street_raw="Moczary 41",
        postal_code_raw="38-700",
        locality_raw="Ustrzyki Dolne",
        powiat_raw="bieszczadzki",
        phones_raw=("13 461-11-07", "13 461-34-82"),
        extra=(
            ("ilość miejsc", "146"),
            ("ilość wolnych miejsc wg. 30.06.2026", "7"),
            ("kierownik / dyrektor", "Stanisław Leszega"),
        ),
    )
    # The row below holds only a second care type: folded into the home above.
    assert only(records, street_raw="ul. W. Witosa 13") == ParsedInstitution(
        name_raw='Dom Pomocy Społecznej "Spokojna Przystań"',
        role="row",
        type_raw="dla osób w podeszłym wieku; dla osób przewlekle somatycznie chorych",
        street_raw="ul. W. Witosa 13",
        postal_code_raw="36-200",
        locality_raw="Brzozów",
        powiat_raw="brzozowski",
        phones_raw=("13 434-18-81", "13 434-18-88"),
        extra=(
            ("ilość miejsc", "56"),
            ("ilość wolnych miejsc wg. 30.06.2026", "14"),
            ("kierownik / dyrektor", "Lidia Cyparska"),
            ("ilość miejsc", "32"),
            ("ilość wolnych miejsc wg. 30.06.2026", "2"),
        ),
    )
    # Second table on the sheet: its header says "gmina", not "powiat".
    baligrod = only(records, postal_code_raw="38-606")
    assert (baligrod.gmina_raw, baligrod.powiat_raw) == ("Baligród", None)
    # The operator in slashes is a remark, not part of the name.
    cmolas = only(records, locality_raw="Cmolas")
    assert ("Nazwa i siedziba DPS (uwagi)", "/Caritas Diecezji Rzeszowskiej/") in cmolas.extra


def test_malopolskie_dps_merged_headers_and_placeholders(shared_data: Path) -> None:
    records = records_of(
        shared_data, "social_assistance/dps_wolne_miejsca_malopolskie_2026-07-31.xlsx"
    )
    bochnia = only(records, street_raw="ul. Karolina 14G")
    assert dataclasses.replace(bochnia, extra=()) == ParsedInstitution(
        name_raw="Dom Pomocy Społecznej w Bochni",
        role="row",
        type_raw="dla osób w podeszłym wieku; dla osób przewlekle psychicznie chorych",
        street_raw="ul. Karolina 14G",
        postal_code_raw="32-700",
        locality_raw="Bochnia",
        powiat_raw="bocheński",
    )
    # Labels come from four stacked, merged header rows.
    assert bochnia.extra[:3] == (
        ("Liczba miejsc zgodnie z decyzją Wojewody Małopolskiego*", "90"),
        ("Liczba osób skierowanych", "90"),
        ("Liczba osób umieszczonych", "90"),
    )
    assert (
        "Liczba wolnych miejsc / w tym: / "
        "Liczba wolnych miejsc dla kobiet w pokojach czteroosobowych",
        "0",
    ) in bochnia.extra
    # "Gmina Borzęcin" heads the name cell: the operator, kept as a remark.
    borzecin = only(records, street_raw="Borzęcin 591")
    assert borzecin.name_raw == (
        "Dom Pomocy Społecznej - Regionalne Centrum Rehabilitacji i Pomocy Społecznej w Borzęcinie"
    )
    assert ("Dom Pomocy Społecznej (nazwa i adres) (uwagi)", "Gmina Borzęcin") in borzecin.extra
    assert not any(r.name_raw == "X" or r.powiat_raw is None for r in records)


def test_kujawsko_pomorskie_sections(shared_data: Path) -> None:
    records = records_of(
        shared_data, "social_assistance/dps_wolne_miejsca_kujawsko-pomorskie_2026-06-30.xls"
    )
    warzyn = only(records, name_raw="Dom Pomocy Społecznej w Warzynie")
    assert dataclasses.replace(warzyn, extra=()) == ParsedInstitution(
        name_raw="Dom Pomocy Społecznej w Warzynie",
        role="row",
        type_raw="DLA OSÓB PRZEWLEKLE PSYCHICZNIE CHORYCH",
        powiat_raw="Inowrocławski",
        phones_raw=("(52) 351-24-76",),
    )
    assert warzyn.extra[:3] == (
        ("Nazwa Domu Pomocy Społecznej, telefon (uwagi)", "(dla mężczyzn)"),
        ("liczba miejsc rzeczywistych", "87"),
        ("Liczba mieszkańców na ostatni dzień m-ca sprawozdawczego / I", "86"),
    )
    types = {r.type_raw for r in records}
    assert types == {
        "DLA OSÓB PRZEWLEKLE PSYCHICZNIE CHORYCH",
        "DLA DZIECI I MŁODZIEŻY NIEPEŁNOSPRAWNYCH INTELEKTUALNIE",
        "DLA OSÓB PRZEWLEKLE SOMATYCZNIE CHORYCH",
        "DLA DOROSŁYCH NIEPEŁNOSPRAWNYCH INTELEKTUALNIE",
        "DLA OSÓB W PODESZŁYM WIEKU",
        "DLA OSÓB NIEPEŁNOSPRAWNYCH FIZYCZNIE",
    }
    grudziadz = only(records, street_raw="ul. Nadgórna 30/32")
    assert grudziadz.phones_raw == ("(56) 462-10-83", "451-76-20", "(56) 463-79-50")


def test_sds_combined_address_column(shared_data: Path) -> None:
    records = records_of(shared_data, "social_assistance/sds_malopolskie_2026-05-04.xlsx")
    biecz = [r for r in records if r.name_raw == "ŚDS w Bieczu"]
    assert len(biecz) == 2  # the gminne table and the "Miejsca całodobowe" table
    assert biecz[0] == ParsedInstitution(
        name_raw="ŚDS w Bieczu",
        role="row",
        type_raw="B,C z 4 miejscami całodobowymi (21 osób w Bieczu, w filii 19 osób)",
        street_raw="ul. Parkowa 1",
        postal_code_raw="38-340",
        locality_raw="Biecz",
        gmina_raw="Biecz",
        powiat_raw="gorlicki",
        phones_raw=("tel. 13 440 61 22", "18 534 61 01 (filia)"),
        extra=(
            (
                "Adres środowiskowego domu samopomocy oraz filii (uwagi)",
                "z filią w Gorlicach ul. Wyszyńskiego 18 38-300 Gorlice",
            ),
            (
                "Miasto/Gmina - nazwa podmiotu prowadzącego (adres)",
                'Burmistrz Biecza zlecił Stowarzyszeniu na Rzecz Pomocy Rodzinie "Nadzieja" '
                "w Bieczu ul. Kazimierza Wielkiego 31 38-340 Biecz",
            ),
            ("Liczba miejsc dotowanych", "41"),
            ('Miejsca z podwyższoną dotacją "Za życiem"', "31"),
            ("ePUAP", "/SDSwBieczu/domyslna"),
            ("eDoręczenia", "AE:PL-66073-76945-GHIEH-20"),
            ("sekcja", "Środowiskowe domy samopomocy o zasięgu gminnym"),
        ),
    )
    assert biecz[1].type_raw == "Miejsca całodobowe"
    hamlet = only(records, name_raw='Klub Samopomocy "Cafe Hamlet"')
    assert dataclasses.replace(hamlet, extra=()) == ParsedInstitution(
        name_raw='Klub Samopomocy "Cafe Hamlet"',
        role="row",
        type_raw="Kluby Samopomocy",
        street_raw="ul. Bobrowskiego 11",
        postal_code_raw="31-552",
        locality_raw="Kraków",
        powiat_raw="Miasto Kraków",
        phones_raw=("tel. 12 /422 12 11",),
    )
    assert not any("Poronin" == r.locality_raw for r in records)  # that row has no name


def test_senior_plus_named_by_type(shared_data: Path) -> None:
    records = records_of(shared_data, "social_assistance/senior_plus_malopolskie_2026-06-02.xlsx")
    assert only(records, street_raw="Grudna Kępska 163") == ParsedInstitution(
        name_raw="Klub Senior+",
        role="row",
        type_raw="Klub Senior+",
        street_raw="Grudna Kępska 163",
        postal_code_raw="38-340",
        locality_raw="Biecz",
        voivodeship_raw="małopolskie",
        phones_raw=("781784956",),
        emails_raw=("klubsenior.grudnakepska@gmail.com",),
        extra=(
            ("Liczba miejsc", "20"),
            ("Nazwa jednostki samorządu terytorialnego", "Gmina Biecz"),
            ("Rok powstania", "2018"),
        ),
    )
    brzesko = only(records, street_raw="ul. Okocimska 44")
    assert brzesko.phones_raw == ("507 820 899", "14 68 48 595")
    assert {r.type_raw for r in records} == {"Klub Senior+", "Dzienny Dom Senior+"}


def test_csv_lists(shared_data: Path) -> None:
    ops = records_of(shared_data, "social_assistance/ops_slaskie.csv")
    assert only(ops, gmina_raw="Bobrowniki") == ParsedInstitution(
        name_raw="Ośrodek Pomocy Społecznej w Bobrownikach",
        role="row",
        type_raw="GOPS",
        street_raw="ul. Kościuszki 25c",
        postal_code_raw="42-584",
        locality_raw="Dobieszowice",
        gmina_raw="Bobrowniki",
        powiat_raw="będziński",
        voivodeship_raw="śląskie",
        phones_raw=("(32) 287-78-63",),
        emails_raw=("ops@bobrowniki.pl",),
    )
    utw = records_of(shared_data, "social_assistance/utw_malopolskie.csv")
    assert only(utw, locality_raw="Andrychów") == ParsedInstitution(
        name_raw="Stowarzyszenie „Uniwersytet Trzeciego Wieku w Andrychowie”",
        role="row",
        type_raw="UTW",
        street_raw="ul. Krakowska 112",
        postal_code_raw="34-120",
        locality_raw="Andrychów",
        powiat_raw="wadowicki",
        voivodeship_raw="małopolskie",
        phones_raw=("605 43 45 20",),
        emails_raw=("utw.andrychow@gmail.com",),
        websites_raw=("http://utw.andrychow.eu/",),
        extra=(
            ("latitude", "49.854976"),
            ("longitude", "19.3421268"),
            (
                "zrodlo_url",
                "https://www.senioralna.malopolska.pl/wyszukiwarka-wsparcia-seniorów/"
                "stowarzyszenie-uniwersytet-trzeciego-wieku-w-andrychowie/",
            ),
        ),
    )
    audit = records_of(shared_data, "social_assistance/ops_malopolskie_www_audit.csv")
    assert only(audit, name_raw="Gminne Centrum Usług Społecznych w Grybowie") == ParsedInstitution(
        name_raw="Gminne Centrum Usług Społecznych w Grybowie",
        role="row",
        type_raw="CUS",
        locality_raw="grybow",
        extra=(
            ("id", "74"),
            ("status", "BROKEN"),
            ("old_website", "https://gcus.gminagrybow.pl"),
            ("action", "VERIFY"),
        ),
    )
    placowki = records_of(shared_data, "social_assistance/placowki_sds_dps_malopolskie.csv")
    tomaszkowice = only(placowki, name_raw="Środowiskowy Dom Samopomocy Tomaszkowice")
    assert dataclasses.replace(tomaszkowice, extra=()) == ParsedInstitution(
        name_raw="Środowiskowy Dom Samopomocy Tomaszkowice",
        role="row",
        type_raw="ŚDS",
        street_raw="Tomaszowice 455",
        postal_code_raw="32-020",
        locality_raw="Wieliczka",
        gmina_raw="Biskupice",
        powiat_raw="wielicki",
        voivodeship_raw="Małopolskie",
        phones_raw=("12 250 79 00",),
        emails_raw=("sdstomaszkowice@biskupice.pl",),
        websites_raw=("https://sdstomaszkowice.pl/",),
        description_raw="tu bedzie opis",
    )
    assert ("prowadzacy", "Wójt Gminy Biskupice") in tomaszkowice.extra


# --------------------------------------------------------------------------------------------
# Formats, encodings and broken files
# --------------------------------------------------------------------------------------------

POLISH_CSV = (
    "Nazwa;Ulica;Kod pocztowy;Miejscowość;Telefon\n"
    "Ośrodek Pomocy Społecznej w Łącznej;ul. Źródłowa 5;26-140;Łączna;41 254 10 00, 41 254 10 01\n"
)


@pytest.mark.parametrize(
    "encoding",
    [
        pytest.param("cp1250", id="windows-1250"),
        pytest.param("iso-8859-2", id="iso-8859-2"),
        pytest.param("utf-8-sig", id="utf-8-bom"),
        pytest.param("utf-8", id="utf-8"),
    ],
)
def test_semicolon_csv_in_polish_encodings(encoding: str) -> None:
    records = parse_spreadsheet(data_file(POLISH_CSV.encode(encoding), "ops.csv"))
    assert records == [
        ParsedInstitution(
            name_raw="Ośrodek Pomocy Społecznej w Łącznej",
            role="row",
            street_raw="ul. Źródłowa 5",
            postal_code_raw="26-140",
            locality_raw="Łączna",
            phones_raw=("41 254 10 00", "41 254 10 01"),
        )
    ]


def test_tab_and_pipe_delimiters() -> None:
    for delimiter in ("\t", "|"):
        text = POLISH_CSV.replace(";", delimiter)
        sheets = read_table(text.encode("utf-8"), filename="x.txt")
        assert sheets[0].rows[0] == ("Nazwa", "Ulica", "Kod pocztowy", "Miejscowość", "Telefon")


def test_xls_named_xlsx_is_read_by_its_bytes(
    shared_data: Path, caplog: pytest.LogCaptureFixture
) -> None:
    content = (
        shared_data / "social_assistance/dps_wolne_miejsca_lodzkie_2026-07-12.xls"
    ).read_bytes()
    with caplog.at_level(logging.WARNING):
        records = parse_spreadsheet(data_file(content, "wolne_miejsca.xlsx"))
    assert len(records) == 57
    assert "named .xlsx but the content is xls" in caplog.text


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        pytest.param(b"", "lista.xlsx", "lista.xlsx: the file is empty", id="empty"),
        pytest.param(b"  \n\t", "lista.csv", "lista.csv: the file is empty", id="whitespace"),
        pytest.param(
            b"Nazwa,Adres\nOPS,ul. A 1\n", "lista.xlsx", "content is plain text", id="csv-as-xlsx"
        ),
        pytest.param(
            b"<!DOCTYPE html><html><table><tr><td>x</td></tr></table>",
            "lista.xls",
            "lista.xls: the content is an HTML page",
            id="html-as-xls",
        ),
        pytest.param(b"%PDF-1.4 ...", "lista.xlsx", "a PDF document", id="pdf-as-xlsx"),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\x00" * 64
            + "EncryptedPackage".encode("utf-16-le"),
            "tajne.xlsx",
            "tajne.xlsx: the workbook is password-protected",
            id="encrypted-ooxml",
        ),
        pytest.param(
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,
            "zepsuty.xls",
            "zepsuty.xls: cannot open the xls workbook",
            id="corrupt-xls",
        ),
    ],
)
def test_unreadable_files_raise_with_the_filename(content: bytes, name: str, message: str) -> None:
    with pytest.raises(ExtractionError, match=message):
        parse_spreadsheet(data_file(content, name))


def test_truncated_xlsx(shared_data: Path) -> None:
    content = (
        shared_data / "social_assistance/senior_plus_malopolskie_2026-06-02.xlsx"
    ).read_bytes()
    with pytest.raises(ExtractionError, match="senior.xlsx: corrupt or truncated zip"):
        read_table(content[: len(content) // 2], filename="senior.xlsx")


def test_zip_bomb_by_ratio() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (20 * 1024 * 1024))
    content = buffer.getvalue()
    assert len(content) < 100_000
    with pytest.raises(ExtractionError, match="bomb.xlsx: the zip expands .* zip bomb"):
        read_table(content, filename="bomb.xlsx")


def test_zip_bomb_by_declared_size() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    content = bytearray(buffer.getvalue())
    # Claim 3 GB in the central directory entry (uncompressed size at offset 24).
    central = content.rindex(b"PK\x01\x02")
    content[central + 24 : central + 28] = struct.pack("<I", 3_000_000_000)
    with pytest.raises(ExtractionError, match="expands to 3000000000 bytes"):
        read_table(bytes(content), filename="claims.xlsx")


def test_ragged_csv_rows(caplog: pytest.LogCaptureFixture) -> None:
    text = (
        "nazwa,adres,kod pocztowy,miejscowosc\n"
        "GOPS w Bliżynie,ul. Kościelna 79a,26-120,Bliżyn\n"
        "MOPS w Skarżysku,ul. Szkolna 1, lok. 3,26-110,Skarżysko-Kamienna\n"  # unquoted comma
        "PCPR w Skarżysku,ul. Konarskiego 20\n"  # truncated line
    )
    with caplog.at_level(logging.WARNING):
        records = parse_spreadsheet(data_file(text.encode(), "ragged.csv"))
    # Too many cells: the columns are shifted, so the row is skipped with a warning.
    assert "ragged.csv, sheet 'csv', row 3: 5 cells under a 4-column header; skipped" in caplog.text
    # Too few cells: what is there is mapped, the missing trailing cells are empty.
    assert records == [
        ParsedInstitution(
            name_raw="GOPS w Bliżynie",
            role="row",
            street_raw="ul. Kościelna 79a",
            postal_code_raw="26-120",
            locality_raw="Bliżyn",
        ),
        ParsedInstitution(name_raw="PCPR w Skarżysku", role="row", street_raw="ul. Konarskiego 20"),
    ]


def test_rspo_style_excel_wrapped_cells() -> None:
    text = '\ufeff"Nazwa";"REGON";"Kod pocztowy"\n"LO nr 1";"=""015789094""";"=""00-724"""\n'
    sheets = read_table(text.encode("utf-8"), filename="rspo.csv")
    assert sheets[0].rows == (
        ("Nazwa", "REGON", "Kod pocztowy"),
        ("LO nr 1", "015789094", "00-724"),
    )


# --------------------------------------------------------------------------------------------
# Synthetic workbooks: merged headers, sections, sums, footnotes, floats and dates
# --------------------------------------------------------------------------------------------


def build_xlsx(path: Path) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Wykaz"
    sheet.append(["Wykaz placówek wsparcia – stan na 4 maja 2026 r."])
    sheet.merge_cells("A1:F1")
    sheet.append(["Lp.", "Nazwa placówki", "Dane teleadresowe", None, None, "Data wpisu"])
    sheet.append([None, None, "Adres", "Kod", "Telefon", None])
    sheet.merge_cells("C2:E2")
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:B3")
    sheet.merge_cells("F2:F3")
    sheet.append(["powiat bełchatowski"])
    sheet.merge_cells("A4:F4")
    sheet.append(["DLA OSÓB PRZEWLEKLE PSYCHICZNIE CHORYCH"])
    sheet.merge_cells("A5:F5")
    sheet.append(
        [
            1.0,
            "Dom Pomocy Społecznej w Bełchatowie",
            "ul. Dąbrowskiego 2",
            "97-400",
            446321234.0,
            date(2024, 3, 1),
        ]
    )
    sheet.append([2.0, "X", "X", None, None, None])
    sheet.append([3.0, None, "ul. Bez Nazwy 1", "97-400", "44 000 00 00", None])
    sheet.append(["Gmina Zelów"])
    sheet.append(
        [
            4.0,
            "Dom Pomocy Społecznej W Zabłotach\nZabłoty 19\n97-425 Zelów",
            None,
            None,
            "44 634 10 00\nwew. 12",
            None,
        ]
    )
    sheet.append([None, "Razem", None, None, None, None])
    sheet.append(["* dane wojewody"])
    workbook.save(path)
    return path.read_bytes()


def test_synthetic_xlsx(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    content = build_xlsx(tmp_path / "wykaz.xlsx")
    sheets = read_table(content, filename="wykaz.xlsx")
    rows = sheets[0].rows
    assert rows[1] == (
        "Lp.",
        "Nazwa placówki",
        "Dane teleadresowe",
        "Dane teleadresowe",
        "Dane teleadresowe",
        "Data wpisu",
    )
    assert rows[5][0] == "1" and rows[5][4] == "446321234" and rows[5][5] == "2024-03-01"
    header = find_header(rows)
    assert (header.first_row, header.last_row) == (1, 2)
    assert header.labels[2:5] == (
        "Dane teleadresowe / Adres",
        "Dane teleadresowe / Kod",
        "Dane teleadresowe / Telefon",
    )
    assert header.fields == ("ordinal", "name", "street", "postal_code", "phones", None)
    with caplog.at_level(logging.WARNING):
        records = parse_spreadsheet(data_file(content, "wykaz.xlsx"))
    assert "wykaz.xlsx, sheet 'Wykaz', row 8: no name in this row; skipped" in caplog.text
    assert records == [
        ParsedInstitution(
            name_raw="Dom Pomocy Społecznej w Bełchatowie",
            role="row",
            type_raw="DLA OSÓB PRZEWLEKLE PSYCHICZNIE CHORYCH",
            street_raw="ul. Dąbrowskiego 2",
            postal_code_raw="97-400",
            powiat_raw="bełchatowski",
            phones_raw=("446321234",),
            extra=(("Data wpisu", "2024-03-01"),),
        ),
        ParsedInstitution(
            name_raw="Dom Pomocy Społecznej W Zabłotach",
            role="row",
            type_raw="DLA OSÓB PRZEWLEKLE PSYCHICZNIE CHORYCH",
            street_raw="Zabłoty 19",
            postal_code_raw="97-425",
            locality_raw="Zelów",
            gmina_raw="Gmina Zelów",
            powiat_raw="bełchatowski",
            phones_raw=("44 634 10 00 wew. 12",),
        ),
    ]


def test_synthetic_ods(tmp_path: Path) -> None:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Arkusz1")

    def row(*cells: TableCell | CoveredTableCell) -> None:
        element = TableRow()
        for cell in cells:
            element.addElement(cell)
        table.addElement(element)

    def text(value: str, **attributes: str) -> TableCell:
        cell = TableCell(valuetype="string", **attributes)
        for line in value.split("\n"):
            cell.addElement(P(text=line))
        return cell

    row(
        text("Wykaz ośrodków", numbercolumnsspanned="4"),
        CoveredTableCell(numbercolumnsrepeated="3"),
    )
    row(text("Nazwa"), text("Adres"), text("Kod pocztowy"), text("Liczba miejsc"))
    row(
        text("Ośrodek Pomocy Społecznej\nw Bliżynie"),
        text("ul. Kościelna 79a"),
        text("26-120"),
        TableCell(valuetype="float", value="12"),
    )
    row(TableCell(numbercolumnsrepeated="4"))
    row(
        text("Środowiskowy Dom Samopomocy"),
        text("ul. Leśna 2"),
        text("26-120"),
        TableCell(valuetype="date", datevalue="2025-01-31"),
    )
    document.spreadsheet.addElement(table)
    path = tmp_path / "osrodki.ods"
    document.save(str(path))
    content = path.read_bytes()
    sheets = read_table(content, filename="osrodki.ods")
    assert sheets[0].name == "Arkusz1"
    assert sheets[0].rows[0] == ("Wykaz ośrodków",) * 4  # spanned title fills its range
    assert sheets[0].rows[2][3] == "12"
    assert sheets[0].rows[4][3] == "2025-01-31"
    records = parse_spreadsheet(data_file(content, "osrodki.ods"))
    assert records == [
        ParsedInstitution(
            name_raw="Ośrodek Pomocy Społecznej w Bliżynie",
            role="row",
            street_raw="ul. Kościelna 79a",
            postal_code_raw="26-120",
            extra=(("Liczba miejsc", "12"),),
        ),
        ParsedInstitution(
            name_raw="Środowiskowy Dom Samopomocy",
            role="row",
            street_raw="ul. Leśna 2",
            postal_code_raw="26-120",
            extra=(("Liczba miejsc", "2025-01-31"),),
        ),
    ]


def test_no_header_is_an_error() -> None:
    content = b"a,b\n1,2\n"
    with pytest.raises(ExtractionError, match="liczby.csv: no sheet has a header row"):
        parse_spreadsheet(data_file(content, "liczby.csv"))


# --------------------------------------------------------------------------------------------
# Column synonyms and cell splitting
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "field"),
    [
        pytest.param("Nazwa placówki", "name", id="nazwa-placowki"),
        pytest.param("NAZWA OŚRODKA", "name", id="upper-case"),
        pytest.param("nazwa_jednostki", "name", id="snake-case"),
        pytest.param("Nazwa jednostki samorządu terytorialnego", "extra", id="jst-is-operator"),
        pytest.param("Miasto/Gmina - nazwa podmiotu prowadzącego (adres)", "extra", id="operator"),
        pytest.param("Rodzaj ośrodka wsparcia", "type", id="rodzaj-osrodka"),
        pytest.param("Typ DPS (zgodnie z art. 56-56a ustawy)", "type", id="typ-dps"),
        pytest.param("Adres siedziby", "street", id="adres-siedziby"),
        pytest.param("Kod", "postal_code", id="kod"),
        pytest.param("Kod pocztowy", "postal_code", id="kod-pocztowy"),
        pytest.param("Kod terytorialny gmina", "teryt", id="rspo-teryt"),
        pytest.param("Kod terytorialny województwo", "extra", id="rspo-woj-code"),
        pytest.param("Miejscowośc", "locality", id="typo-miejscowosc"),
        pytest.param("nr telefou", "phones", id="typo-telefon"),
        pytest.param("Kierownik/Dyrektor (telefon/fax)", "phones", id="telefon-fax"),
        pytest.param("Adres e-mail", "emails", id="email"),
        pytest.param("Strona internetowa", "websites", id="www"),
        pytest.param("Numer RSPO", "rspo", id="rspo"),
        pytest.param("teryt_gminy", "teryt", id="teryt-gminy"),
        pytest.param("Godziny otwarcia", "opening_hours", id="hours"),
        pytest.param("L.p", "ordinal", id="lp"),
        pytest.param("Liczba wolnych miejsc", None, id="unknown"),
        pytest.param("Publiczne", None, id="unknown-2"),
    ],
)
def test_match_column(label: str, field: str | None) -> None:
    assert match_column(label) == field


@pytest.mark.parametrize(
    ("cell", "name", "street", "postal", "locality"),
    [
        pytest.param(
            "Dom Pomocy Społecznej W Zabłotach\nZabłoty 19\n97-425 Zelów",
            "Dom Pomocy Społecznej W Zabłotach",
            "Zabłoty 19",
            "97-425",
            "Zelów",
            id="lines",
        ),
        pytest.param(
            "Dom Pomocy Społecznej w Kutnie ul. Oporowska 27,99-300 Kutno",
            "Dom Pomocy Społecznej w Kutnie",
            "ul. Oporowska 27",
            "99-300",
            "Kutno",
            id="street-marker",
        ),
        pytest.param(
            "Dom Pomocy Społecznej, 95-047 Jeżów, Dąbrowa 1",
            "Dom Pomocy Społecznej",
            "Dąbrowa 1",
            "95-047",
            "Jeżów",
            id="street-after-locality",
        ),
        pytest.param(
            "Dom Pomocy Społecznej w Pcimiu,          32-432 Pcim 638",
            "Dom Pomocy Społecznej w Pcimiu",
            "Pcim 638",
            "32-432",
            "Pcim",
            id="village-number-after-postal-code",
        ),
        pytest.param(
            "DPS Biskupice Biskupice 72 98-200 Sieradz",
            "DPS Biskupice",
            "Biskupice 72",
            "98-200",
            "Sieradz",
            id="glued-village",
        ),
        pytest.param(
            "ŚDS Mszana Górna 401\n34-733 Mszana Dolna",
            "ŚDS",
            "Mszana Górna 401",
            "34-733",
            "Mszana Dolna",
            id="two-word-village",
        ),
        pytest.param(
            "Dom Pomocy Społecznej w Pniewie 91, 99-311 Bedlno",
            "Dom Pomocy Społecznej w Pniewie 91",
            None,
            "99-311",
            "Bedlno",
            id="locative-keeps-number",
        ),
        pytest.param(
            "ul. Piłsudskiego 14a, \n34-520 Poronin",
            None,
            "ul. Piłsudskiego 14a",
            "34-520",
            "Poronin",
            id="no-name",
        ),
        pytest.param(
            "Dom Pomocy Społecznej w TORUNIU     ul. Szosa Chełmińska 220     (56) 654-56-42",
            "Dom Pomocy Społecznej w TORUNIU",
            "ul. Szosa Chełmińska 220",
            None,
            None,
            id="padded-lines-and-phone",
        ),
    ],
)
def test_split_name_cell(
    cell: str, name: str | None, street: str | None, postal: str | None, locality: str | None
) -> None:
    parts = split_name_cell(cell)
    assert (parts.name, parts.street, parts.postal_code, parts.locality) == (
        name,
        street,
        postal,
        locality,
    )


def test_split_name_cell_phones_and_notes() -> None:
    parts = split_name_cell(
        "Dom Pomocy Społecznej\nul. Kościuszki 139\n37-600 Lubaczów\n/Zgromadzenie Sióstr/\n"
        "(52) 351-66-26 lub 351-68-84"
    )
    assert parts.phones == ("(52) 351-66-26", "351-68-84")
    assert parts.notes == ("/Zgromadzenie Sióstr/",)


@pytest.mark.parametrize(
    ("cell", "phones"),
    [
        pytest.param("601 866 870, 18 206 67 74", ("601 866 870", "18 206 67 74"), id="comma"),
        pytest.param("13 461-11-07  \n13 461-34-82", ("13 461-11-07", "13 461-34-82"), id="lines"),
        pytest.param("tel.12 283 93 14 \nwew. 225\n", ("tel.12 283 93 14 wew. 225",), id="ext"),
        pytest.param("12 382 11 10  788 170 851", ("12 382 11 10", "788 170 851"), id="gap"),
        pytest.param("71 328 30 41 do 49", ("71 328 30 41 do 49",), id="range-kept"),
    ],
)
def test_split_phones(cell: str, phones: tuple[str, ...]) -> None:
    assert split_phones(cell) == phones


def test_split_address_cell() -> None:
    parts = split_address_cell("ul. Marii Curie-Skłodowskiej, 73/77 50-950 Wrocław")
    assert (parts.street, parts.postal_code, parts.locality) == (
        "ul. Marii Curie-Skłodowskiej, 73/77",
        "50-950",
        "Wrocław",
    )
