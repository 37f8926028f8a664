"""DCAT-AP metadata of the publication: `dane/dcat.ttl`, which an open-data portal (dane.gov.pl,
data.europa.eu) harvests to list the dataset and each of its files.

One catalog, one dataset (the directory), one distribution per published file: the CSVs
(national, per county, per sector), their Excel variants, Parquet, the HSDS export, the
county pages and datapackage.json. Licence CC BY 4.0 and a daily update frequency are stated
with the EU vocabularies DCAT-AP asks for.

Every IRI of a file is relative (`<instytucje.csv>`): RDF resolves it against where dcat.ttl
itself is fetched from, so the file is right wherever the folder is published, and the same
folder publishes the same bytes. The catalog, dataset and distributions are fragments of the
document (`<#dataset>`). The Turtle is written by hand, with every literal and IRI escaped
here; tests parse it with rdflib.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from warehouse.datapackage import WrittenFile, resource_name

DCAT_FILE = "dcat.ttl"

EU = "http://publications.europa.eu/resource/authority"
LICENCE = f"{EU}/licence/CC_BY_4_0"
FREQUENCY = f"{EU}/frequency/DAILY"
LANGUAGE = f"{EU}/language/POL"
COUNTRY = f"{EU}/country/POL"
THEMES = (f"{EU}/data-theme/SOCI", f"{EU}/data-theme/HEAL", f"{EU}/data-theme/EDUC")
HSDS = "https://docs.openreferral.org/en/latest/hsds/"
DATA_PACKAGE = "https://specs.frictionlessdata.io/data-package/"

# extension → (IANA media type, EU file type)
FORMATS = {
    "csv": ("text/csv", "CSV"),
    "parquet": ("application/vnd.apache.parquet", "PARQUET"),
    "json": ("application/json", "JSON"),
    "html": ("text/html", "HTML"),
    "txt": ("text/plain", "TXT"),
}

PREFIXES = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix spdx: <http://spdx.org/rdf/terms#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

TITLE_PL = "Katalog instytucji i usług wsparcia dla dzieci, uczniów i rodzin"
TITLE_EN = "Directory of support institutions and services for children, students and families"
DESCRIPTION_PL = (
    "Instytucje i usługi wsparcia w powiatach (pomoc społeczna, oświata, zdrowie, sądy,"
    " policja, rynek pracy, samorząd, organizacje pozarządowe), zbierane co noc ze stron"
    " instytucji, BIP i rejestrów, oczyszczone i scalone. Pliki CSV (cały kraj, powiaty,"
    " sektory), wersje dla Excela, Parquet, eksport Open Referral HSDS 3.0, strony powiatów."
    " Bez danych osobowych pracowników."
)
DESCRIPTION_EN = (
    "Support institutions and services in Polish counties, gathered nightly from institution"
    " pages, BIP pages and registries, cleaned and matched: CSV (national, per county, per"
    " sector), Excel variants, Parquet, an Open Referral HSDS 3.0 export and county pages."
)
KEYWORDS = ("pomoc społeczna", "wsparcie rodziny", "powiat", "TERYT", "HSDS", "Open Referral")


def literal(text: str, language: str | None = None) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"@{language}' if language else f'"{escaped}"'


def iri(value: str) -> str:
    """An IRI reference: percent-encoded, so no character Turtle forbids in <…> remains."""
    return f"<{quote(value, safe='/:#-._~')}>"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def render_dcat(root: Path, files: Sequence[tuple[str, str]], *, data_as_of: str | None) -> str:
    """The Turtle for the publication at `root`: `files` are (path relative to root, title);
    a file already written is described with its size and SHA-256."""
    distributions = [f"<#{resource_name(path)}>" for path, _title in files]
    lines = [PREFIXES]
    lines += [
        "<#catalog> a dcat:Catalog ;",
        f"    dct:title {literal(TITLE_PL, 'pl')}, {literal(TITLE_EN, 'en')} ;",
        f"    dct:description {literal(DESCRIPTION_PL, 'pl')}, {literal(DESCRIPTION_EN, 'en')} ;",
        "    dct:publisher <#publisher> ;",
        f"    dct:language {iri(LANGUAGE)} ;",
        f"    dct:license {iri(LICENCE)} ;",
        "    dcat:dataset <#dataset> .",
        "",
        "<#publisher> a foaf:Agent ;",
        f"    foaf:name {literal('wsparcie — katalog instytucji wsparcia', 'pl')} .",
        "",
        "<#dataset> a dcat:Dataset ;",
        f"    dct:title {literal(TITLE_PL, 'pl')}, {literal(TITLE_EN, 'en')} ;",
        f"    dct:description {literal(DESCRIPTION_PL, 'pl')}, {literal(DESCRIPTION_EN, 'en')} ;",
        "    dct:publisher <#publisher> ;",
        f"    dct:license {iri(LICENCE)} ;",
        f"    dct:accrualPeriodicity {iri(FREQUENCY)} ;",
        f"    dct:language {iri(LANGUAGE)} ;",
        f"    dct:spatial {iri(COUNTRY)} ;",
        f"    dcat:theme {', '.join(iri(t) for t in THEMES)} ;",
        f"    dcat:keyword {', '.join(literal(k, 'pl') for k in KEYWORDS)} ;",
    ]
    if (root / "index.html").is_file():
        lines.append(f"    dcat:landingPage {iri('index.html')} ;")
    if data_as_of:
        lines.append(f'    dct:modified "{data_as_of}"^^xsd:date ;')
    lines.append(f"    dcat:distribution {', '.join(distributions)} .")
    for (path, title), subject in zip(files, distributions, strict=True):
        lines += ["", *_distribution(root, subject, path, title)]
    return "\n".join(lines) + "\n"


def _distribution(root: Path, subject: str, path: str, title: str) -> list[str]:
    extension = path.rsplit(".", 1)[-1].lower()
    mediatype, filetype = FORMATS.get(extension, ("application/octet-stream", "BIN"))
    out = [
        f"{subject} a dcat:Distribution ;",
        f"    dct:title {literal(title, 'pl')} ;",
        f"    dcat:accessURL {iri(path)} ;",
        f"    dcat:downloadURL {iri(path)} ;",
        f"    dcat:mediaType {iri(f'http://www.iana.org/assignments/media-types/{mediatype}')} ;",
        f"    dct:format {iri(f'{EU}/file-type/{filetype}')} ;",
        f"    dct:license {iri(LICENCE)} ;",
    ]
    if path.startswith("excel/"):
        out.append(
            f"    dct:description {literal('Dla Excela: UTF-8 z BOM, średnik, polskie nagłówki', 'pl')} ;"
        )
    if path.startswith("hsds/"):
        out.append(f"    dct:conformsTo {iri(HSDS)} ;")
    if path == "datapackage.json":
        out.append(f"    dct:conformsTo {iri(DATA_PACKAGE)} ;")
    file = root / path
    if file.is_file():
        out += [
            f'    dcat:byteSize "{file.stat().st_size}"^^xsd:nonNegativeInteger ;',
            "    spdx:checksum [ a spdx:Checksum ;",
            "        spdx:algorithm spdx:checksumAlgorithm_sha256 ;",
            f'        spdx:checksumValue "{_sha256(file)}"^^xsd:hexBinary ] ;',
        ]
    out[-1] = out[-1].removesuffix(" ;") + " ."
    return out


def write_dcat(
    root: Path,
    tables: Sequence[WrittenFile],
    other: Sequence[tuple[str, str, str]],
    *,
    data_as_of: str | None,
) -> str:
    """Write `root/dcat.ttl` describing every published file: the tables (CSV, Excel,
    Parquet), the other files (path, title, media type) and datapackage.json, which is written
    after it (so it is named without a size); returns the path written, relative to root."""
    files = [(f.path, f.title) for f in tables] + [(path, title) for path, title, _m in other]
    files.append(("datapackage.json", "Opis pakietu danych (Frictionless Data Package)"))
    (root / DCAT_FILE).write_text(render_dcat(root, files, data_as_of=data_as_of), "utf-8")
    return DCAT_FILE
