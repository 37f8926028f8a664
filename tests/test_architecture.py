"""The house rules, read from the source (docs/architecture.md draws them).

- One direction of dependencies: `flows` → `warehouse` → `extractors`, `transforms`; the web
  apps (`review`, `api`) sit on `warehouse`, neither on the other nor on `flows`; `transforms`
  imports nothing else of the project; extractors use only the language layer of transforms
  (text, morphology, acronyms, names, the taxonomy tables and their reading), and that layer
  imports nothing else of the project.
- Rooms of readable size: no module over about 600 lines, but data tables (an explicit list).
- SQL runs in `warehouse/`, not in `transforms/`.

Each rule's exceptions are listed here with their reason, and an exception that no longer
applies fails its own test, so the lists only ever say what is true.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import REPO  # tests/ helper module

LANGUAGE_LAYER = frozenset(
    {
        "transforms.text",
        "transforms.morphology",
        "transforms.acronyms",
        "transforms.name_morphology",
        "transforms.names",
        "transforms.taxonomy",
        "transforms.taxonomy_reading",
        "transforms.diacritics",
        "transforms.name_vocabulary",
        "transforms.locatives",
        "transforms.phone_labels",
    }
)
PROJECT = ("flows", "warehouse", "extractors", "transforms", "review", "api")
# What each package may import of the project (besides itself); of transforms, extractors may
# import only the language layer (the next test).
MAY_IMPORT = {
    "flows": {"warehouse", "extractors", "transforms", "review", "api"},
    "review": {"warehouse", "extractors", "transforms"},
    "api": {"warehouse", "extractors", "transforms"},
    "warehouse": {"extractors", "transforms"},
    "transforms": set(),
    "extractors": {"transforms"},
}
MAX_LINES = 620
# Long because they are data, not code.
DATA_TABLES = {
    "transforms/taxonomy.py": "the taxonomy's tables: types, sectors, services, target groups "
    "and the Polish words that name them (docs/taxonomy.md)",
}
# Modules of transforms/ that run SQL: the matcher's set work on DuckDB tables (blocking,
# features, ladders, scoring) still lives with its Python; it belongs in warehouse/.
SQL_IN_TRANSFORMS_FOR_NOW = frozenset(
    {
        "transforms/er/blocking.py",
        "transforms/er/codes.py",
        "transforms/er/features.py",
        "transforms/er/helper_tables.py",
        "transforms/er/incremental.py",
        "transforms/er/incremental_clusters.py",
        "transforms/er/incremental_keys.py",
        "transforms/er/incremental_pairs.py",
        "transforms/er/known_names.py",
        "transforms/er/ladders.py",
        "transforms/er/resolve.py",
        "transforms/er/review.py",
        "transforms/er/scoring.py",
        "transforms/er/standalone.py",
        "transforms/er/statistics.py",
        "transforms/er/stored_maps.py",
    }
)
SQL_CALLS = frozenset({"execute", "executemany", "sql"})


def _modules(*packages: str) -> list[Path]:
    return sorted(path for package in packages for path in (REPO / package).rglob("*.py"))


def _relative(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


def _project_imports(path: Path) -> set[str]:
    """Every project module `path` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module in PROJECT:  # `from transforms import taxonomy`
                names = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name.split(".")[0] in PROJECT)
    return found


def _runs_sql(path: Path) -> bool:
    """Whether `path` imports DuckDB or calls `.execute`, `.executemany` or `.sql` on anything."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import) and any(
            a.name.split(".")[0] == "duckdb" for a in node.names
        ):
            return True
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "duckdb":
            return True
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in SQL_CALLS
        ):
            return True
    return False


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


# --- one direction of dependencies ---------------------------------------------------------


@pytest.mark.parametrize("path", _modules(*MAY_IMPORT), ids=_relative)
def test_a_package_imports_only_what_it_may(path: Path) -> None:
    package = _relative(path).split("/")[0]
    allowed = MAY_IMPORT[package] | {package}
    wrong = sorted(name for name in _project_imports(path) if name.split(".")[0] not in allowed)
    assert wrong == [], f"{_relative(path)} ({package}) imports {wrong}"


@pytest.mark.parametrize("path", _modules("extractors"), ids=_relative)
def test_extractors_import_only_themselves_and_the_language_layer(path: Path) -> None:
    wrong = sorted(
        name
        for name in _project_imports(path)
        if not name.startswith("extractors") and name not in LANGUAGE_LAYER
    )
    assert wrong == [], f"{_relative(path)} imports {wrong}"


@pytest.mark.parametrize("module", sorted(LANGUAGE_LAYER))
def test_the_language_layer_stands_on_its_own(module: str) -> None:
    path = REPO / (module.replace(".", "/") + ".py")
    wrong = sorted(name for name in _project_imports(path) if name not in LANGUAGE_LAYER)
    assert wrong == [], f"{module} imports {wrong}"


def test_every_package_has_its_rule() -> None:
    """A new top-level package of Python code gets a line in MAY_IMPORT (and in
    docs/architecture.md) before it gets code."""
    packages = {
        path.parent.name
        for path in REPO.glob("*/__init__.py")
        if path.parent.name not in {"tests", "benchmarks", "docs"}
    }
    assert packages == set(MAY_IMPORT)
    drawn = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    assert all(f"`{package}/`" in drawn for package in MAY_IMPORT)


# --- rooms of readable size ----------------------------------------------------------------


@pytest.mark.parametrize("path", _modules(*MAY_IMPORT), ids=_relative)
def test_modules_are_of_readable_size(path: Path) -> None:
    name = _relative(path)
    if name in DATA_TABLES:
        return
    lines = _lines(path)
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it along its seams"


# --- SQL in warehouse/ -----------------------------------------------------------------------


@pytest.mark.parametrize("path", _modules("transforms"), ids=_relative)
def test_transforms_run_no_sql(path: Path) -> None:
    if _relative(path) in SQL_IN_TRANSFORMS_FOR_NOW:
        return
    assert not _runs_sql(path), f"{_relative(path)} runs SQL: set work belongs in warehouse/"


@pytest.mark.parametrize("name", sorted(SQL_IN_TRANSFORMS_FOR_NOW))
def test_each_module_listed_still_runs_sql(name: str) -> None:
    assert _runs_sql(REPO / name), f"{name} runs no SQL now: take it off the list"


# --- the rules' own eyes -----------------------------------------------------------------------


def test_the_rule_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "x.py"
    module.write_text(
        "from transforms.normalise import normalise_record\n"
        "def f():\n    from transforms import classify\n"
        "    from warehouse import db\n",
        encoding="utf-8",
    )
    assert _project_imports(module) == {
        "transforms.normalise",
        "transforms.classify",
        "warehouse.db",
    }


@pytest.mark.parametrize(
    ("source", "runs"),
    [
        pytest.param("import duckdb\n", True, id="import-duckdb"),
        pytest.param("from duckdb import DuckDBPyConnection\n", True, id="from-duckdb"),
        pytest.param("def f(con):\n    con.execute('SELECT 1')\n", True, id="execute"),
        pytest.param("def f(con):\n    return con.sql('SELECT 1')\n", True, id="sql"),
        pytest.param("import re\nre.compile('SELECT')\n", False, id="none"),
    ],
)
def test_the_rule_sees_sql(tmp_path: Path, source: str, runs: bool) -> None:
    module = tmp_path / "x.py"
    module.write_text(source, encoding="utf-8")
    assert _runs_sql(module) is runs
