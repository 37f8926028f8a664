"""Whose offer a plain-text page states: its owner's (or its unnamed unit's), not that of the
institutions it names. Before, a text file's mentions were read as an article's, each with the
text about it, so an adoption centre's offer went to the voivodeship that funds it as well.

Cases are tune documents of `benchmarks/web_corpus` (id in the case id), read as text files
the way `wsparcie extract` reads a saved `.txt` page.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from flows.inspect import extract_one

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "web_corpus"


def _url(doc_id: str) -> str:
    with (CORPUS / "index.csv").open(encoding="utf-8", newline="") as handle:
        return next(row["url"] for row in csv.DictReader(handle) if row["id"] == doc_id)


CASES = [
    # a040 (http://www.adopcjatarnow.pl/): an adoption centre's page, owner named; it names
    # "Samorząd Województwa Małopolskiego" (its funder) and ROPS Kraków.
    pytest.param("a040", "subject", "adoption", id="a040-owner-named"),
    # a060 (conradinum.edu.gdansk.pl): a school's news of a counselling centre it never names
    # as its owner; the page row holds what it states.
    pytest.param("a060", "page", "psychotherapy", id="a060-unnamed-unit"),
]


@pytest.mark.parametrize(("doc_id", "role", "code"), CASES)
def test_mentions_of_a_text_page_state_nothing_of_its_offer(
    tmp_path: Path, doc_id: str, role: str, code: str
) -> None:
    path = tmp_path / f"{doc_id}.txt"
    path.write_text((CORPUS / "documents" / f"{doc_id}.txt").read_text(encoding="utf-8"))
    rows = extract_one(str(path), url=_url(doc_id))
    owner = [row for row in rows if row["role"] == role]
    assert owner and code in {item["code"] for item in owner[0]["services_stated"]}
    mentions = [row for row in rows if row["role"] == "mention"]
    assert mentions
    assert all(not row["services_stated"] for row in mentions), [
        (row["name"], row["services_stated"]) for row in mentions
    ]
