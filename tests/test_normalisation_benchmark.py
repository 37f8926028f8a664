"""Smoke test of benchmarks/normalisation.py: its functions run on a small slice of the real
data and produce a table of the expected shape (the figures themselves are the benchmark's
business, not a test's). The demo's five-county gazetteer stands in for the national one, to
stay quick."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import REPO  # tests/ helper module

# appended, not first: benchmarks/api.py must not hide the api/ package from other modules
sys.path.append(str(REPO / "benchmarks"))

import normalisation as bench  # noqa: E402

from transforms.places import PlaceResolution  # noqa: E402

DEMO = REPO / "demo" / "gazetteer"


@pytest.fixture(scope="module")
def reference() -> bench.Reference:
    return bench.load_reference(DEMO / "terc.csv", DEMO / "simc.csv", DEMO / "pna.csv")


def test_run_on_a_slice_gives_every_section(reference: bench.Reference, shared_data: Path) -> None:
    rows, places, names, tallies = bench.run(shared_data, reference, limit=3)
    measures = {row.measure for row in rows}
    assert measures == {"powiat placed", "gmina placed", "same name key", "phone cell -> E.164",
                        "postal code parsed"}  # fmt: skip
    datasets = {row.data for row in rows if row.measure == "powiat placed"}
    assert {"ops_slaskie", "ops_malopolskie_geo", "html_fixtures", "all", "namesakes"} <= datasets
    # every place record is tried in every variant, and each row's counts add up
    assert len(places) == len({o.case for o in places}) * len(bench.VARIANTS)
    for row in rows:
        assert 0 <= row.ok <= row.n and 0 <= row.wrong <= row.n
    assert all(t.error is None for t in tallies)
    assert len(names) % 2 == 0


@pytest.mark.parametrize("markdown", [pytest.param(False, id="plain"),
                                      pytest.param(True, id="markdown")])  # fmt: skip
def test_table_shape(markdown: bool) -> None:
    rows = [
        bench.Row("gmina placed", "ops_slaskie", "as written + postal code", 10, 9, "1", "0", 0),
        bench.Row("postal code parsed", "all", "", 0, 0, "-", "-", 0),
    ]
    lines = bench.format_table(rows, markdown=markdown).splitlines()
    assert len(lines) == 2 + len(rows)
    if markdown:
        assert all(line.count("|") == len(bench.HEADERS) + 1 for line in lines)
    else:
        assert lines[0].split() == list(bench.HEADERS[:5]) + ["ok", "%"] + list(bench.HEADERS[6:])
    assert "90.0%" in lines[2] and lines[3].split()[-4] == "-"


@pytest.mark.parametrize(
    ("gmina", "status", "truth", "expected"),
    [
        pytest.param("2401042", "resolved", {"240104"}, ("correct", "correct"), id="correct"),
        pytest.param("2401052", "resolved", {"240104"}, ("wrong", "correct"), id="wrong-gmina"),
        pytest.param(None, "ambiguous", {"240104"}, ("ambiguous", "correct"),
                     id="ambiguous-shared-powiat"),
        pytest.param(None, "unresolved", set(), ("n/a", "correct"), id="no-gmina-truth"),
    ],
)  # fmt: skip
def test_judge(gmina: str | None, status: str, truth: set[str], expected: tuple[str, str]) -> None:
    resolution = PlaceResolution(status, gmina_teryt=gmina, powiat_teryt="2401")  # type: ignore[arg-type]
    verdicts = bench.judge(resolution, bench.Truth(frozenset(truth), "2401"))
    assert verdicts[:2] == expected


def test_truth_from_names() -> None:
    units = bench.Units(
        voivodeships={"slaskie": "24"},
        powiats=(("2401", "będziński", False), ("2461", "Bielsko-Biała", True)),
        gminas=(("240101", "Będzin", "miejska", "2401"), ("240102", "Będzin", "wiejska", "2401"),
                ("246101", "Bielsko-Biała", "miejska", "2461")),
        postal={},
    )  # fmt: skip
    assert bench.truth_from_names(units, "Będzin", "będziński", "śląskie") == bench.Truth(
        frozenset({"240101", "240102"}), "2401"
    )
    # a city with county rights listed under the land powiat named after it
    units = bench.Units(units.voivodeships, (*units.powiats, ("2402", "bielski", False)),
                        units.gminas, {})  # fmt: skip
    city = bench.truth_from_names(units, "Bielsko-Biała", "bielski", "Śląskie")
    assert city == bench.Truth(frozenset({"246101"}), "2461")
    unknown = bench.truth_from_names(units, "Będzin", "będziński", "Atlantyda")
    assert unknown == bench.Truth(frozenset(), None)


@pytest.mark.parametrize(
    ("slug", "county"),
    [
        pytest.param("ops_slaskie", "24", id="voivodeship-list"),
        pytest.param("sady_adresy", "PL", id="national-list"),
        pytest.param("no_such_source", None, id="unknown-slug"),
    ],
)
def test_source_county_comes_from_the_declaration(slug: str, county: str | None) -> None:
    assert bench.source_county(slug) == county


def test_truth_corrections_are_keyed_on_nfc_and_can_leave_a_record_out() -> None:
    corrections = bench.load_corrections()
    # the registry writes "Starzeński" with a combining acute; the key is composed
    dps = corrections[("placowki_sds_dps",
                       "Powiatowy Dom Pomocy Społecznej im. Adama Starzeńskiego w Płazie")]  # fmt: skip
    assert dps.truth is None and dps.note
    pisz = corrections[("sady_adresy", "Sąd Rejonowy w Piszu")]
    assert pisz.truth == bench.Truth(frozenset({"281603"}), "2816")
    assert all(c.note for c in corrections.values())


@pytest.mark.parametrize(
    ("variant", "expected"),
    [
        pytest.param(bench.VARIANTS[0], ("Szklary Górne 51c", "59-300", "Lubin", "dolnośląskie"),
                     id="as-written-with-postal-code"),
        pytest.param(bench.VARIANTS[3], ("SZKLARY GORNE 51C", None, "LUBIN", "DOLNOSLASKIE"),
                     id="folded-without-postal-code"),
    ],
)  # fmt: skip
def test_place_row_carries_the_evidence_of_the_variant(
    variant: bench.Variant, expected: tuple[str | None, ...]
) -> None:
    case = bench.PlaceCase(
        "html_fixtures", "x.html", "SOSW w Szklarach Górnych", "Lubin", "59-300",
        bench.Truth(frozenset({"021102"}), "0211"), street_raw="Szklary Górne 51c",
        powiat_raw="lubiński", voivodeship_raw="dolnośląskie",
    )  # fmt: skip
    row = bench.place_row(case, variant)
    assert (row.street_raw, row.postal_code_raw, row.locality_raw, row.voivodeship_raw) == expected
    assert row.gmina_raw is None and row.powiat_raw is not None
