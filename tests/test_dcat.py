"""The publication's DCAT-AP metadata (dane/dcat.ttl): valid RDF that rdflib parses, one
dataset with its licence and update frequency, and a distribution for every published file,
with the size and SHA-256 of the bytes published."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from directory_factory import build_directory  # tests/ helper module
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from warehouse.dcat import FREQUENCY, LICENCE, iri, literal
from warehouse.publish import Publication, write_publication

SPDX = Namespace("http://spdx.org/rdf/terms#")
# Where a portal would fetch the file from: relative IRIs resolve against it.
BASE = "https://powiat.example.pl/dane/"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Publication]:
    con: duckdb.DuckDBPyConnection = build_directory(tmp_path_factory.mktemp("wh") / "w.duckdb")
    yield write_publication(con, tmp_path_factory.mktemp("out"), notice="DANE TESTOWE")
    con.close()


@pytest.fixture(scope="module")
def graph(published: Publication) -> Graph:
    g = Graph()
    g.parse(published.path / "dcat.ttl", format="turtle", publicID=f"{BASE}dcat.ttl")
    return g


def test_the_dataset_states_licence_frequency_and_its_catalog(graph: Graph) -> None:
    datasets = list(graph.subjects(RDF.type, DCAT.Dataset))
    assert datasets == [URIRef(f"{BASE}dcat.ttl#dataset")]
    dataset = datasets[0]
    assert graph.value(dataset, DCTERMS.license) == URIRef(LICENCE)
    assert graph.value(dataset, DCTERMS.accrualPeriodicity) == URIRef(FREQUENCY)
    titles = {t.language: str(t) for t in graph.objects(dataset, DCTERMS.title)}
    assert set(titles) == {"pl", "en"}
    assert graph.value(dataset, DCAT.landingPage) == URIRef(f"{BASE}index.html")
    catalog = graph.value(None, DCAT.dataset, dataset)
    assert (catalog, RDF.type, DCAT.Catalog) in graph
    publisher = graph.value(catalog, DCTERMS.publisher)
    assert graph.value(publisher, FOAF.name) is not None
    assert graph.value(dataset, DCTERMS.modified) is not None


def test_every_published_file_is_a_distribution(published: Publication, graph: Graph) -> None:
    on_disk = {
        p.relative_to(published.path).as_posix()
        for p in published.path.rglob("*")
        if p.is_file() and p.name != "dcat.ttl"
    }
    assert {"instytucje.csv", "hsds/organizations.json", "datapackage.json"} <= on_disk
    assert any(p.startswith("powiaty/") for p in on_disk)
    assert any(p.startswith("sektory/") for p in on_disk)
    assert any(p.startswith("parquet/") for p in on_disk)
    dataset = URIRef(f"{BASE}dcat.ttl#dataset")
    named = {}
    for distribution in graph.objects(dataset, DCAT.distribution):
        assert (distribution, RDF.type, DCAT.Distribution) in graph
        url = str(graph.value(distribution, DCAT.downloadURL))
        assert graph.value(distribution, DCAT.accessURL) == URIRef(url)
        assert graph.value(distribution, DCTERMS.license) == URIRef(LICENCE)
        assert graph.value(distribution, DCTERMS.format) is not None
        assert graph.value(distribution, DCAT.mediaType) is not None
        named[url.removeprefix(BASE)] = distribution
    assert set(named) == on_disk
    for path, distribution in named.items():
        if path == "datapackage.json":  # written after dcat.ttl, which cannot know its bytes
            continue
        data = (published.path / path).read_bytes()
        assert graph.value(distribution, DCAT.byteSize) == Literal(
            len(data), datatype=URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
        )
        checksum = graph.value(distribution, SPDX.checksum)
        assert str(graph.value(checksum, SPDX.checksumValue)) == hashlib.sha256(data).hexdigest()


def test_hsds_files_declare_the_standard(published: Publication, graph: Graph) -> None:
    distribution = graph.value(None, DCAT.downloadURL, URIRef(f"{BASE}hsds/organizations.json"))
    assert graph.value(distribution, DCTERMS.conformsTo) == URIRef(
        "https://docs.openreferral.org/en/latest/hsds/"
    )


def test_the_metadata_is_itself_in_the_data_package(published: Publication) -> None:
    assert "dcat.ttl" in published.files


@pytest.mark.parametrize(
    ("text", "turtle"),
    [
        ('Poradnia "Bajka"', '"Poradnia \\"Bajka\\""'),
        ("a\\b\nc", '"a\\\\b\\nc"'),
    ],
)
def test_literals_are_escaped(text: str, turtle: str, tmp_path: Path) -> None:
    assert literal(text) == turtle
    g = Graph()
    g.parse(data=f"<urn:s> <urn:p> {literal(text, 'pl')} .", format="turtle")
    assert str(next(iter(g.objects()))) == text


def test_iris_are_percent_encoded() -> None:
    assert iri("powiaty/2610_skarżyski/a b.csv") == "<powiaty/2610_skar%C5%BCyski/a%20b.csv>"
