"""Generate the spreadsheet files of the demo corpus (run once; the outputs are committed).

They imitate the lists that voivodeship offices and counties publish: a title row, a note row,
the header on row 3 with Polish column names, a section row naming the powiat for the rows below,
multi-line cells holding two phone numbers, a phone stored as a number, names in upper case or
ASCII-folded. Institution names and towns are real; streets, phones, e-mails are sample data.

    .venv/bin/python demo/corpus/make_spreadsheets.py
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

CORPUS = Path(__file__).resolve().parent

HEADER = (
    "Lp.",
    "Nazwa jednostki",
    "Rodzaj",
    "Adres",
    "Kod",
    "Miejscowość",
    "Gmina",
    "Telefon",
    "E-mail",
    "Usługi / Oferta",
    "Adresaci",
)
NOTE = (
    "Dane przykładowe (demo wsparcie) – nazwy instytucji i miejscowości są prawdziwe, "
    "adresy ulic, telefony i e-maile są fikcyjne."
)

# name, type, street, postal code, locality, gmina, phone(s), e-mail, services, target groups
Row = tuple[str, str, str, str, str, str, str | int, str, str, str]

RADOMSKO: list[Row] = [
    (
        "MIEJSKI OSRODEK POMOCY SPOLECZNEJ W RADOMSKU",
        "MOPS",
        "ul. Przykładowa 4",
        "97-500",
        "Radomsko",
        "Radomsko (gm. miejska)",
        "44 000 04 04\n44 000 04 24",
        "sekretariat@mops-radomsko.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "GMINNY OŚRODEK POMOCY SPOŁECZNEJ W RADOMSKU",
        "GOPS",
        "ul. Testowa 5",
        "97-500",
        "Radomsko",
        "Radomsko (gm. wiejska)",
        "44 000 04 05",
        "sekretariat@gops-radomsko.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "MGOPS w Kamieńsku",
        "MGOPS",
        "ul. Przykładowa 6",
        "97-360",
        "Kamieńsk",
        "Kamieńsk",
        "44 000 04 06",
        "sekretariat@mgops-kamiensk.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Przedborzu",
        "MGOPS",
        "ul. Przykładowa 7",
        "97-570",
        "Przedbórz",
        "Przedbórz",
        "44 000 04 07",
        "sekretariat@mgops-przedborz.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Gminny Ośrodek Pomocy Społecznej w Gidlach",
        "GOPS",
        "ul. Przykładowa 8",
        "97-540",
        "Gidle",
        "Gidle",
        440000408,
        "sekretariat@gops-gidle.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Środowiskowy Dom Samopomocy w Radomsku",
        "ŚDS",
        "ul. Przykładowa 9",
        "97-500",
        "Radomsko",
        "Radomsko (gm. miejska)",
        "44 000 04 09",
        "sekretariat@sds-radomsko.example",
        "zajęcia terapeutyczne i treningi umiejętności; wsparcie psychologiczne; dowóz uczestników",
        "osoby z zaburzeniami psychicznymi i niepełnosprawnością intelektualną",
    ),
    (
        "Dzienny Dom Pomocy Społecznej w Radomsku",
        "DDPS",
        "ul. Przykładowa 10",
        "97-500",
        "Radomsko",
        "Radomsko (gm. miejska)",
        "44 000 04 10",
        "sekretariat@ddps-radomsko.example",
        "dzienny pobyt i posiłek; zajęcia aktywizujące; spotkania integracyjne",
        "seniorzy, osoby samotne",
    ),
    (
        "Powiatowe Centrum Pomocy Rodzinie w Radomsku",
        "PCPR",
        "ul. Przykładowa 1",
        "97-500",
        "Radomsko",
        "Radomsko (gm. miejska)",
        "44 000 04 01",
        "sekretariat@pcpr-radomsko.example",
        "piecza zastępcza (rodziny zastępcze, rodzinne domy dziecka); interwencja kryzysowa; "
        "poradnictwo specjalistyczne (psycholog, prawnik); rehabilitacja społeczna osób z "
        "niepełnosprawnościami (PFRON); kierowanie do domów pomocy społecznej",
        "dzieci i rodziny, rodziny zastępcze, usamodzielniani wychowankowie, osoby z "
        "niepełnosprawnościami",
    ),
    (
        "Poradnia Psychologiczno-Pedagogiczna w Radomsku",
        "PPP",
        "ul. Przykładowa 3",
        "97-500",
        "Radomsko",
        "Radomsko (gm. miejska)",
        "44 000 04 03",
        "sekretariat@ppp-radomsko.example",
        "diagnoza psychologiczna i pedagogiczna; orzeczenia o potrzebie kształcenia specjalnego; "
        "wczesne wspomaganie rozwoju; terapia logopedyczna; doradztwo zawodowe; wsparcie "
        "nauczycieli",
        "dzieci i młodzież, rodzice, nauczyciele",
    ),
    (
        "Powiatowy Urząd Pracy w Radomsku",
        "PUP",
        "ul. Przykładowa 2",
        "97-500",
        "Radomsko",
        "Radomsko (gm. miejska)",
        "44 000 04 02",
        "sekretariat@pup-radomsko.example",
        "rejestracja osób bezrobotnych; pośrednictwo pracy; poradnictwo zawodowe; szkolenia; "
        "staże; dotacje na działalność gospodarczą; prace społecznie użyteczne",
        "osoby bezrobotne i poszukujące pracy, pracodawcy, młodzież do 30. roku życia",
    ),
]

WYSOKIE_MAZOWIECKIE: list[Row] = [
    (
        "Powiatowe Centrum Pomocy Rodzinie w Wysokiem Mazowieckiem",
        "PCPR",
        "ul. Przykładowa 1",
        "18-200",
        "Wysokie Mazowieckie",
        "Wysokie Mazowieckie",
        "86 000 05 01\n86 000 05 21 (koordynator pieczy)",
        "sekretariat@pcpr-wysmaz.example",
        "piecza zastępcza (rodziny zastępcze, rodzinne domy dziecka); interwencja kryzysowa; "
        "poradnictwo specjalistyczne (psycholog, prawnik); rehabilitacja społeczna osób z "
        "niepełnosprawnościami (PFRON); kierowanie do domów pomocy społecznej",
        "dzieci i rodziny, rodziny zastępcze, usamodzielniani wychowankowie, osoby z "
        "niepełnosprawnościami",
    ),
    (
        "POWIATOWY URZĄD PRACY W WYSOKIEM MAZOWIECKIEM",
        "PUP",
        "ul. Przykładowa 2",
        "18-200",
        "Wysokie Mazowieckie",
        "Wysokie Mazowieckie",
        "86 000 05 02",
        "sekretariat@pup-wysmaz.example",
        "rejestracja osób bezrobotnych; pośrednictwo pracy; poradnictwo zawodowe; szkolenia; "
        "staże; dotacje na działalność gospodarczą; prace społecznie użyteczne",
        "osoby bezrobotne i poszukujące pracy, pracodawcy, młodzież do 30. roku życia",
    ),
    (
        "Poradnia Psychologiczno-Pedagogiczna w Wysokiem Mazowieckiem",
        "PPP",
        "ul. Przykładowa 3",
        "18-200",
        "Wysokie Mazowieckie",
        "Wysokie Mazowieckie",
        "86 000 05 03",
        "sekretariat@ppp-wysmaz.example",
        "diagnoza psychologiczna i pedagogiczna; orzeczenia o potrzebie kształcenia specjalnego; "
        "wczesne wspomaganie rozwoju; terapia logopedyczna; doradztwo zawodowe; wsparcie "
        "nauczycieli",
        "dzieci i młodzież, rodzice, nauczyciele",
    ),
    (
        "Miejski Ośrodek Pomocy Społecznej w Wysokiem Mazowieckiem",
        "MOPS",
        "ul. Przykładowa 4",
        "18-200",
        "Wysokie Mazowieckie",
        "Wysokie Mazowieckie (gmina miejska)",
        "86 000 05 04",
        "sekretariat@mops-wysmaz.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Gminny Ośrodek Pomocy Społecznej w Wysokiem Mazowieckiem",
        "GOPS",
        "ul. Testowa 5",
        "18-200",
        "Wysokie Mazowieckie",
        "Wysokie Mazowieckie (gmina wiejska)",
        "86 000 05 05",
        "sekretariat@gops-wysmaz.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "GOPS Kobylin-Borzymy",
        "GOPS",
        "ul. Przykładowa 6",
        "18-204",
        "Kobylin-Borzymy",
        "Kobylin-Borzymy",
        "86 000 05 06",
        "sekretariat@gops-kobylin-borzymy.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Ośrodek Pomocy Społecznej w Ciechanowcu",
        "OPS",
        "ul. Przykładowa 7",
        "18-230",
        "Ciechanowiec",
        "Ciechanowiec",
        "86 000 05 07",
        "sekretariat@ops-ciechanowiec.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Sąd Rejonowy w Wysokiem Mazowieckiem – Zespół Kuratorskiej Służby Sądowej",
        "sąd",
        "ul. Przykładowa 9",
        "18-200",
        "Wysokie Mazowieckie",
        "Wysokie Mazowieckie",
        "86 000 05 09",
        "sekretariat@sr-wysmaz.example",
        "sprawy rodzinne i nieletnich; kuratorzy rodzinni (wykonywanie orzeczeń, nadzory); "
        "mediacje; punkt obsługi interesantów",
        "rodziny, małoletni i nieletni, osoby dorosłe",
    ),
    (
        "Komenda Powiatowa Policji w Wysokiem Mazowieckiem",
        "KPP",
        "ul. Przykładowa 10",
        "18-200",
        "Wysokie Mazowieckie",
        "Wysokie Mazowieckie",
        "86 000 05 10",
        "sekretariat@kpp-wysmaz.example",
        "dzielnicowi; profilaktyka wśród dzieci i młodzieży; procedura „Niebieskie Karty”; "
        "przeciwdziałanie przemocy domowej",
        "mieszkańcy powiatu, dzieci i młodzież, osoby doznające przemocy",
    ),
    (
        "Powiatowa Stacja Sanitarno-Epidemiologiczna w Wysokiem Mazowieckiem",
        "PSSE",
        "ul. Przykładowa 11",
        "18-200",
        "Wysokie Mazowieckie",
        "Wysokie Mazowieckie",
        "86 000 05 11",
        "sekretariat@psse-wysmaz.example",
        "promocja zdrowia i oświata zdrowotna w szkołach; nadzór sanitarny; profilaktyka "
        "uzależnień",
        "szkoły i przedszkola, dzieci i młodzież, mieszkańcy powiatu",
    ),
]

ROPCZYCE: list[Row] = [
    (
        "POWIATOWE CENTRUM POMOCY RODZINIE W ROPCZYCACH",
        "PCPR",
        "ul. Przykładowa 5",
        "39-100",
        "Ropczyce",
        "Ropczyce",
        "17 000 02 01",
        "sekretariat@pcpr-ropczyce.example",
        "piecza zastępcza (rodziny zastępcze, rodzinne domy dziecka); interwencja kryzysowa; "
        "poradnictwo specjalistyczne (psycholog, prawnik); rehabilitacja społeczna osób z "
        "niepełnosprawnościami (PFRON); kierowanie do domów pomocy społecznej",
        "dzieci i rodziny, rodziny zastępcze, usamodzielniani wychowankowie, osoby z "
        "niepełnosprawnościami",
    ),
    (
        "POWIATOWY URZAD PRACY W ROPCZYCACH",
        "PUP",
        "ul. Przykładowa 5",
        "39-100",
        "Ropczyce",
        "Ropczyce",
        "17 000 02 02",
        "sekretariat@pup-ropczyce.example",
        "rejestracja osób bezrobotnych; pośrednictwo pracy; poradnictwo zawodowe; szkolenia; "
        "staże; dotacje na działalność gospodarczą; prace społecznie użyteczne",
        "osoby bezrobotne i poszukujące pracy, pracodawcy, młodzież do 30. roku życia",
    ),
    (
        "Miejsko-Gminny Ośrodek Pomocy Społecznej w Ropczycach",
        "MGOPS",
        "ul. Przykładowa 4",
        "39-100",
        "Ropczyce",
        "Ropczyce",
        "17 000 02 04\n17 000 02 24",
        "sekretariat@mgops-ropczyce.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "MGOPS w Sędziszowie Małopolskim",
        "MGOPS",
        "ul. Przykładowa 5A",
        "39-120",
        "Sędziszów Małopolski",
        "Sędziszów Małopolski",
        "17 000 02 05",
        "sekretariat@mgops-sedziszow.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Gminny Ośrodek Pomocy Społecznej w Iwierzycach",
        "GOPS",
        "Iwierzyce 6",
        "39-124",
        "Iwierzyce",
        "Iwierzyce",
        "17 000 02 06",
        "sekretariat@gops-iwierzyce.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Gminny Ośrodek Pomocy Społecznej w Ostrowie",
        "GOPS",
        "Ostrów 7",
        "39-103",
        "Ostrów",
        "Ostrów",
        "17 000 02 07",
        "sekretariat@gops-ostrow.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Gminny Ośrodek Pomocy Społecznej w Wielopolu Skrzyńskim",
        "GOPS",
        "Wielopole Skrzyńskie 8",
        "39-110",
        "Wielopole Skrzyńskie",
        "Wielopole Skrzyńskie",
        "17 000 02 08",
        "sekretariat@gops-wielopole.example",
        "praca socjalna; zasiłki stały, okresowy i celowy; usługi opiekuńcze; asystent rodziny; "
        "świadczenia rodzinne; dożywianie; poradnictwo; obsługa zespołu interdyscyplinarnego",
        "rodziny, dzieci, osoby starsze, osoby z niepełnosprawnościami, osoby w kryzysie",
    ),
    (
        "Środowiskowy Dom Samopomocy w Ropczycach",
        "ŚDS",
        "ul. Przykładowa 9",
        "39-100",
        "Ropczyce",
        "Ropczyce",
        "17 000 02 09",
        "sekretariat@sds-ropczyce.example",
        "zajęcia terapeutyczne i treningi umiejętności; wsparcie psychologiczne; dowóz uczestników",
        "osoby z zaburzeniami psychicznymi i niepełnosprawnością intelektualną",
    ),
    (
        "Warsztaty Terapii Zajęciowej w Ropczycach",
        "WTZ",
        "ul. Przykładowa 14",
        "39-100",
        "Ropczyce",
        "Ropczyce",
        "17 000 02 14",
        "sekretariat@wtz-ropczyce.example",
        "rehabilitacja społeczna i zawodowa; pracownie terapii zajęciowej",
        "dorosłe osoby z niepełnosprawnościami",
    ),
]

# A fixed timestamp keeps regenerated files byte-comparable in the document properties.
FIXED_TIME = datetime(2025, 1, 15, 8, 0, 0)


def write_xlsx(path: Path, title: str, section: str, rows: list[Row]) -> None:
    """One sheet: title row, note row, header on row 3, a section row, then the data rows."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Arkusz1"
    last_col = len(HEADER)
    ws.cell(row=1, column=1, value=title).font = Font(bold=True, size=12)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    ws.cell(row=2, column=1, value=NOTE).font = Font(italic=True, color="AA0000")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    for col, label in enumerate(HEADER, start=1):
        cell = ws.cell(row=3, column=col, value=label)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.cell(row=4, column=1, value=section).font = Font(bold=True)
    ws.merge_cells(start_row=4, start_column=1, end_row=4, end_column=last_col)
    for offset, row in enumerate(rows):
        excel_row = 5 + offset
        ws.cell(row=excel_row, column=1, value=offset + 1)
        for col, value in enumerate(row, start=2):
            cell = ws.cell(row=excel_row, column=col, value=value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGHIJK", (5, 42, 8, 22, 8, 20, 24, 18, 34, 60, 40), strict=True):
        ws.column_dimensions[letter].width = width
    wb.properties.creator = "demo wsparcie"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.save(path)
    _fix_zip_timestamps(path)


def _fix_zip_timestamps(path: Path) -> None:
    """Rewrite the xlsx container with fixed member dates so regenerating gives identical bytes.

    openpyxl stamps `dcterms:modified` with the time of saving whatever the workbook says, so the
    core properties part is patched too.
    """
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as src:
        members = [(info, src.read(info)) for info in src.infolist()]
    members = [
        (
            info,
            re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            if info.filename == "docProps/core.xml"
            else data,
        )
        for info, data in members
    ]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as dst:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, data)


def write_csv_cp1250(path: Path, title: str, section: str, rows: list[Row]) -> None:
    """The same layout as a `;`-separated CSV in windows-1250, as exported by Excel."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    blank = [""] * (len(HEADER) - 1)
    writer.writerow([title, *blank])
    writer.writerow([NOTE, *blank])
    writer.writerow(HEADER)
    writer.writerow([section, *blank])
    for lp, row in enumerate(rows, start=1):
        writer.writerow([f"{lp}.", *row])
    path.write_bytes(buffer.getvalue().encode("cp1250"))


def main() -> None:
    write_xlsx(
        CORPUS / "radomszczanski" / "wykaz-placowek-wsparcia.xlsx",
        "Wykaz placówek wsparcia dziecka i rodziny – stan na 31.12.2024 r.",
        "POWIAT RADOMSZCZAŃSKI",
        RADOMSKO,
    )
    write_xlsx(
        CORPUS / "wysokomazowiecki" / "lista-aktywnosci-i-uslug.xlsx",
        "Wykaz placówek – gminno-powiatowa lista aktywności i usług, stan na 30.09.2024 r.",
        "powiat wysokomazowiecki",
        WYSOKIE_MAZOWIECKIE,
    )
    write_csv_cp1250(
        CORPUS / "ropczycko-sedziszowski" / "wykaz-jednostek-pomocy-spolecznej.csv",
        "Wykaz placówek pomocy społecznej i wsparcia rodziny – stan na 31.12.2024 r.",
        "Powiat ropczycko-sędziszowski",
        ROPCZYCE,
    )


if __name__ == "__main__":
    main()
