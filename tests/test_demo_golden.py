"""The golden end-to-end test: `wsparcie demo` publishes the institutions `demo/expected.md` lists.

The demo's published `dane/instytucje.csv` is compared with the table "Institutions" of
`demo/expected.md`, row by row: canonical name, type, powiat, gmina, locality, postal code and
the sources that name the institution. The two comparisons (`check_publishes_expected` and
`check_known_differences_still_happen`) run in tests/test_nightly.py on the output of its
`wsparcie demo` from scratch in a subprocess, so that one demo run serves both (a second whole
demo run here published the same files); this module checks expected.md itself.

`demo/expected.md` is the one place to change when the demo changes (a new source, a new
institution): the table and the list of sources (with their kinds) are read from it. Where the
pipeline legitimately differs from what the corpus author expected, the difference is listed
below with its reason; a listed difference that no longer happens fails too, so that the list
only ever says what is true.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import yaml
from helpers import REPO  # tests/ helper module

EXPECTED = REPO / "demo" / "expected.md"

# The author's type labels, and the type codes of transforms/taxonomy.py each stands for.
TYPE_CODES = {
    "PCPR": {"pcpr"},
    "PPP": {"ppp"},
    "MOPS": {"ops"},
    "GOPS": {"ops"},
    "MGOPS": {"ops"},
    "OPS": {"ops"},
    "ŚDS": {"sds"},
    "DDPS": {"senior_centre"},
    "WTZ": {"wtz"},
    "PUP": {"pup"},
    "KPP": {"police"},
    "PSSE": {"sanepid"},
    "sąd": {"court"},
    "szkoła": {"primary_school", "school_complex"},
    "NGO": {"ngo"},
    "starostwo": {"county_office"},
    "urząd gminy": {"municipal_office"},
    "sport": {"sport"},
}

FIELDS = ("name", "type", "powiat", "gmina", "locality", "postal_code", "sources")


@dataclass(frozen=True, slots=True)
class Known:
    """A field of one expected institution (its id in expected.md) that the pipeline publishes
    otherwise, and why that is right or accepted."""

    id: str
    field: str
    expected: str
    published: str
    reason: str


PROBATION_TEAM = (
    "the directory row names the court's probation team (zespół kuratorskiej służby sądowej), "
    "a unit of its own with the team's address; the article names the court. The matcher "
    "keeps them apart and a coordinator confirms it in tests/test_review_browser.py"
)
KNOWN_DIFFERENCES = (
    Known("S10", "sources", "skarzyski_baza_zasobow, skarzyski_zespol_koordynacji",
          "skarzyski_zespol_koordynacji", PROBATION_TEAM),
    Known("W09", "sources", "wysokomazowiecki_lista_uslug, wysokomazowiecki_lista_uslug_xlsx",
          "wysokomazowiecki_lista_uslug", PROBATION_TEAM),
    Known("D11", "name", "Sąd Rejonowy w Radomsku", "Sąd Rejonowy w Radomsku (kuratorzy rodzinni)",
          "the only row naming the court says '(kuratorzy rodzinni)': it is the court's family "
          "probation officers, and their unit is what the directory publishes"),
    Known("D11", "type", "sąd", "probation", "the same: a probation unit, not the court"),
)  # fmt: skip

# Published institutions that match no row of expected.md, and why they exist.
KNOWN_EXTRAS = {
    "Sąd Rejonowy w Skarżysku-Kamiennej – III Zespół Kuratorskiej Służby Sądowej": PROBATION_TEAM,
    "Sąd Rejonowy w Wysokiem Mazowieckiem – Zespół Kuratorskiej Służby Sądowej": PROBATION_TEAM,
}

# A rule rather than a row: an article names an institution without its address, so one known
# only from articles is published with no locality and no postal code.
ADDRESS_FIELDS = ("locality", "postal_code")


@dataclass(frozen=True, slots=True)
class Institution:
    id: str  # expected.md's id, or "" for a published row
    name: str
    type: str  # the author's label (expected) or a type code (published)
    powiat: str
    gmina: str
    locality: str
    postal_code: str
    sources: str  # sorted, ", "-separated


def _table(heading: str) -> list[list[str]]:
    """The cells of the first Markdown table under `## heading` in expected.md."""
    text = EXPECTED.read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def _code(cell: str) -> str:
    """'skarżyski (2610)' → '2610'; 'Radomsko (gmina miejska) (1012011)' → '1012011'."""
    found = re.search(r"\((\d+)\)$", cell)
    assert found, f"demo/expected.md: no TERYT code in {cell!r}"
    return found[1]


def expected_institutions() -> list[Institution]:
    rows = []
    for id_, name, kind, powiat, gmina, locality, postal, _nip, sources in _table("Institutions"):
        assert kind in TYPE_CODES, f"demo/expected.md {id_}: type {kind!r} is not in TYPE_CODES"
        listed = ", ".join(sorted(s.strip() for s in sources.split(",")))
        rows.append(
            Institution(id_, name, kind, _code(powiat), _code(gmina), locality, postal, listed)
        )
    return rows


def article_sources() -> set[str]:
    return {row[0] for row in _table("Sources and record counts") if row[1] == "article"}


def published_institutions(out: Path) -> list[Institution]:
    with (out / "dane" / "instytucje.csv").open(encoding="utf-8", newline="") as handle:
        return [
            Institution(
                "",
                row["name"],
                row["type"],
                row["powiat_teryt"],
                row["gmina_teryt"],
                row["locality"],
                row["postal_code"],
                ", ".join(sorted(s.strip() for s in row["sources"].split(";"))),
            )
            for row in csv.DictReader(handle)
        ]


def naming_sources(out: Path) -> dict[str, set[str]]:
    """Per published name, the sources that only name the institution among others (a page's
    mentions of other bodies, not an article's): expected.md lists the sources that describe an
    institution, the publication also those that name it (its provenance), so these are set
    aside when the two are compared."""
    with duckdb.connect(str(out / "directory.duckdb"), read_only=True) as con:
        rows = con.execute(
            """
            SELECT i.name, r.source
            FROM institutions AS i
            JOIN institution_records AS m USING (institution_id)
            JOIN records AS r USING (record_id)
            JOIN sources AS s ON s.slug = r.source
            GROUP BY i.name, r.source
            HAVING bool_and(r.role = 'mention' AND s.kind <> 'article')
            """
        ).fetchall()
    found: dict[str, set[str]] = {}
    for name, source in rows:
        found.setdefault(str(name), set()).add(str(source))
    return found


def differences(out: Path) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    """(id, field, expected, published) for every field that differs, beyond the rule for
    institutions known only from articles and from pages naming them; and the published names
    that match no expected row."""
    known_names = {k.id: k.published for k in KNOWN_DIFFERENCES if k.field == "name"}
    naming = naming_sources(out)
    published = {}
    for row in published_institutions(out):
        describing = sorted(set(row.sources.split(", ")) - naming.get(row.name, set()))
        published[row.name] = replace(row, sources=", ".join(describing))
    articles = article_sources()
    found = []
    matched = set()
    for want in expected_institutions():
        name = known_names.get(want.id, want.name)
        got = published.get(name)
        if got is None:
            found.append((want.id, "missing", want.name, ""))
            continue
        matched.add(name)
        only_articles = set(got.sources.split(", ")) <= articles
        for field in FIELDS:
            wanted, given = getattr(want, field), getattr(got, field)
            if field == "type" and given in TYPE_CODES[wanted]:
                continue
            if field in ADDRESS_FIELDS and only_articles and given == "":
                continue
            if wanted != given:
                found.append((want.id, field, wanted, given))
    extras = sorted(set(published) - matched)
    return found, extras


def check_publishes_expected(demo: Path) -> None:
    """The demo published in `demo` publishes the institutions of expected.md (up to the
    listed differences); called by tests/test_nightly.py."""
    found, extras = differences(demo)
    known = {(k.id, k.field, k.expected, k.published) for k in KNOWN_DIFFERENCES}
    unexplained = [d for d in found if d not in known]
    assert unexplained == [], (
        "the published demo differs from demo/expected.md (id, field, expected, published); "
        "fix the pipeline, or correct expected.md, or list the difference with its reason"
    )
    assert [e for e in extras if e not in KNOWN_EXTRAS] == [], "published, not in expected.md"


def check_known_differences_still_happen(demo: Path) -> None:
    """A listed difference that the pipeline no longer makes is taken off the list; called by
    tests/test_nightly.py."""
    found, extras = differences(demo)
    gone = [k for k in KNOWN_DIFFERENCES if (k.id, k.field, k.expected, k.published) not in found]
    assert gone == [], "no longer differs: remove from KNOWN_DIFFERENCES"
    assert sorted(set(KNOWN_EXTRAS) - set(extras)) == [], "no longer published: remove"


def test_expected_md_is_read_whole() -> None:
    """The parser of expected.md sees every institution the file announces ("64 distinct
    institutions"), each with a TERYT powiat and gmina, a postal code and sources the demo
    catalogue declares; and the kinds of its sources are the catalogue's."""
    announced = re.search(r"(\d+) distinct institutions", EXPECTED.read_text(encoding="utf-8"))
    assert announced is not None
    rows = expected_institutions()
    assert len(rows) == int(announced[1])
    assert len({row.id for row in rows}) == len(rows)
    declared = {
        data["slug"]: data["kind"]
        for data in (
            yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in (REPO / "demo" / "sources").rglob("*.yml")
        )
    }
    for row in rows:
        assert len(row.powiat) == 4 and row.gmina.startswith(row.powiat), row
        assert re.fullmatch(r"\d\d-\d\d\d", row.postal_code), row
        assert set(row.sources.split(", ")) <= set(declared), row
    listed = {row[0]: row[1] for row in _table("Sources and record counts")}
    assert listed == declared
