"""Hostile input files (issue 14, item 10): XML entity attacks inside spreadsheets a source
publishes, and gazetteer downloads that are too big or decompress into too much. Real files
built here, a real server on 127.0.0.1 for the downloads.
"""

from __future__ import annotations

import io
import tomllib
import zipfile
from collections.abc import Iterator
from pathlib import Path

import duckdb
import openpyxl
import pytest
from helpers import REPO  # tests/ helper module
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from extractors.records import ExtractionError
from extractors.spreadsheets import read_table
from warehouse.db import connect
from warehouse.gazetteer import GazetteerLoadError, load_gazetteer
from warehouse.gazetteer_files import GAZETTEER_POLICY

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE sst [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n"
)


# --- XML inside spreadsheets ------------------------------------------------------------------


def test_defusedxml_is_a_declared_dependency() -> None:
    """openpyxl protects its XML parsing only when defusedxml can be imported: wsparcie must
    not rely on another package happening to pull it in."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [d.split(">")[0].split("<")[0].split("=")[0].strip() for d in project["dependencies"]]
    assert "defusedxml" in names
    assert openpyxl.DEFUSEDXML is True


def _xlsx_with_sheet(doctype: str, text: str) -> bytes:
    """A real workbook whose sheet XML carries `doctype` and a cell holding `text`."""
    workbook = openpyxl.Workbook()
    plain = io.BytesIO()
    workbook.save(plain)
    sheet = (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>Nazwa</t></is></c></row>'
        f'<row r="2"><c r="A2" t="inlineStr"><is><t>{text}</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = (doctype + sheet).encode("utf-8")
            dst.writestr(item, data)
    return out.getvalue()


def test_billion_laughs_in_an_xlsx_is_refused() -> None:
    content = _xlsx_with_sheet(LAUGHS.replace("sst", "worksheet"), "&lol9;")
    with pytest.raises(ExtractionError):
        read_table(content, filename="lista.xlsx")


def test_an_external_entity_in_an_xlsx_reads_no_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "sekret.txt"
    secret.write_text("TAJNE-HASLO-BAZY", encoding="utf-8")
    doctype = (
        f'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file://{secret}">]>\n'
    )
    content = _xlsx_with_sheet(doctype, "&x;")
    with pytest.raises(ExtractionError):  # defusedxml refuses any entity declaration
        read_table(content, filename="lista.xlsx")


def _ods_with_content(body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as ods:
        ods.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        ods.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
            'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/"'
            ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type='
            '"text/xml"/></manifest:manifest>',
        )
        ods.writestr("content.xml", body)
    return out.getvalue()


ODS_BODY = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    '<office:body><office:spreadsheet><table:table table:name="A"><table:table-row>'
    "<table:table-cell><text:p>Nazwa</text:p></table:table-cell></table:table-row>"
    "<table:table-row><table:table-cell><text:p>{}</text:p></table:table-cell></table:table-row>"
    "</table:table></office:spreadsheet></office:body></office:document-content>"
)


def test_billion_laughs_in_an_ods_is_refused() -> None:
    content = _ods_with_content(
        LAUGHS.replace("sst", "office:document-content") + ODS_BODY.format("&lol9;")
    )
    with pytest.raises(ExtractionError):
        read_table(content, filename="lista.ods")


def test_an_external_entity_in_an_ods_reads_no_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "sekret.txt"
    secret.write_text("TAJNE-HASLO-BAZY", encoding="utf-8")
    doctype = (
        '<?xml version="1.0"?>\n<!DOCTYPE office:document-content'
        f' [<!ENTITY x SYSTEM "file://{secret}">]>\n'
    )
    try:
        sheets = read_table(_ods_with_content(doctype + ODS_BODY.format("&x;")), filename="a.ods")
    except ExtractionError:
        return
    assert "TAJNE" not in repr(sheets)


# --- gazetteer downloads -----------------------------------------------------------------------


@pytest.fixture()
def con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = connect(tmp_path / "w.duckdb")
    yield connection
    connection.close()


def test_an_endless_download_is_cut_off_at_the_cap(
    con: duckdb.DuckDBPyConnection, httpserver: HTTPServer
) -> None:
    sent = {"bytes": 0}
    chunk = b"0" * (1024 * 1024)
    total = GAZETTEER_POLICY.max_bytes + 64 * len(chunk)

    def endless(request: Request) -> Response:
        def body() -> Iterator[bytes]:
            header = b"WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n"
            yield header
            while sent["bytes"] < total:
                sent["bytes"] += len(chunk)
                yield chunk

        return Response(body(), content_type="text/csv")  # chunked: no Content-Length

    httpserver.expect_request("/TERC.csv").respond_with_handler(endless)
    with pytest.raises(GazetteerLoadError, match=r"TERC file .*TERC\.csv: .*cap"):
        load_gazetteer(con, terc=httpserver.url_for("/TERC.csv"), simc=None, pna=None)
    assert sent["bytes"] < total


def test_a_zip_bomb_is_not_unpacked_past_the_cap(
    con: duckdb.DuckDBPyConnection, httpserver: HTTPServer
) -> None:
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("TERC_Urzedowy.csv", "w", force_zip64=True) as member:
            member.write(b"WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\r\n")
            block = b"0" * (8 * 1024 * 1024)
            for _ in range(GAZETTEER_POLICY.max_bytes // len(block) + 2):
                member.write(block)
    assert len(bomb.getvalue()) < GAZETTEER_POLICY.max_bytes // 100  # small on the wire
    httpserver.expect_request("/TERC.zip").respond_with_data(
        bomb.getvalue(), content_type="application/zip"
    )
    with pytest.raises(GazetteerLoadError, match=r"TERC file .*TERC\.zip: .*unpacks to more"):
        load_gazetteer(con, terc=httpserver.url_for("/TERC.zip"), simc=None, pna=None)


def test_the_gazetteer_download_refuses_internal_addresses(
    con: duckdb.DuckDBPyConnection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WSPARCIE_FETCH_ALLOW")
    with pytest.raises(GazetteerLoadError, match="loopback"):
        load_gazetteer(con, terc="http://127.0.0.1:9/TERC.csv", simc=None, pna=None)
