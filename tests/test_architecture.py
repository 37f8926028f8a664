"""The one direction of dependencies, read from the source: what each package may import.

`flows` → `warehouse` → `extractors`, `transforms`; extractors may use only the language layer
of transforms (text, morphology, acronyms, names, the taxonomy tables and their reading), and
that layer imports nothing else of the project. Modules of `extractors/` stay readable in one
sitting (about 600 lines at most).
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
        "transforms.names",
        "transforms.taxonomy",
        "transforms.taxonomy_reading",
    }
)
PROJECT = ("flows", "warehouse", "extractors", "transforms", "review", "api")
MAX_LINES = 620


def _modules(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def _project_imports(path: Path) -> set[str]:
    """Every project module `path` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == "transforms":  # `from transforms import taxonomy`
                names = [f"transforms.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name.split(".")[0] in PROJECT)
    return found


def _relative(path: Path) -> str:
    return str(path.relative_to(REPO))


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


@pytest.mark.parametrize("path", _modules("extractors"), ids=_relative)
def test_extractor_modules_are_of_readable_size(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{_relative(path)} has {lines} lines; split it along its seams"


def test_the_rule_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "x.py"
    module.write_text(
        "from transforms.normalise import normalise_record\n"
        "def f():\n    from transforms import classify\n",
        encoding="utf-8",
    )
    assert _project_imports(module) == {"transforms.normalise", "transforms.classify"}
