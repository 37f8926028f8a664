"""The source catalogue: one YAML file per source under `sources/<teryt>_<county>/<slug>.yml`.

A declaration holds facts a reviewer wants without reading code (publisher, URL, kind, parser,
record-count assertions). Loading validates every file and reports every problem at once, each
naming the file, the field and what is wrong.

A `kind: site` source declares an institution's website by its home page: the crawl
(`extractors.crawl`) reads at most `max_pages` pages of it, each by detection, so its `parser`
is `site` (or left out). Folders named `proposed/` hold declarations `wsparcie sources discover`
suggests for a person to accept: they are not part of the catalogue until moved out of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from extractors.options import check_option

Kind = Literal["institution_page", "directory_page", "article", "spreadsheet", "registry", "site"]
KINDS: tuple[str, ...] = (
    "institution_page",
    "directory_page",
    "article",
    "spreadsheet",
    "registry",
    "site",
)
# A site's pages are each read by detection (extractors.crawl), not by one named parser.
SITE_PARSER = "site"
DEFAULT_MAX_PAGES = 8
MAX_MAX_PAGES = 50  # a site is an institution's few pages, not a web archive
PROPOSED_FOLDER = "proposed"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_COUNTY = re.compile(r"^(\d{2}|\d{4}|PL)$")
_URL = re.compile(r"^(https?://[^\s/]+|file://|\{[a-z_]+\})\S*$")
# libyaml's loader parses the national catalogue (thousands of small files) about six times
# faster than PyYAML's pure-Python one; both build the same plain values.
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KNOWN_FIELDS = {
    "slug",
    "title",
    "county",
    "kind",
    "url",
    "parser",
    "publisher",
    "licence",
    "notes",
    "assert",
    "options",
    "max_pages",
}


@dataclass(frozen=True, slots=True)
class Source:
    """One declared source."""

    slug: str
    title: str
    county: str  # TERYT powiat code (4 digits); a voivodeship (2 digits) or "PL" for wider lists
    kind: Kind
    url: str
    parser: str
    path: Path  # the declaration file
    publisher: str | None = None
    min_records: int = 1
    max_records: int | None = None
    options: tuple[tuple[str, str], ...] = ()  # checked against extractors.options
    max_pages: int = DEFAULT_MAX_PAGES  # kind site: pages the crawl reads at most


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with one declaration."""

    path: Path
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.field}: {self.message}"


class CatalogueError(Exception):
    """The catalogue has problems; `problems` lists every one of them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the source catalogue:\n{lines}")


def declaration_files(root: Path) -> list[Path]:
    """Every source declaration under `root`, in a stable order."""
    if root.is_file():
        return [root]
    return sorted(
        p
        for p in root.rglob("*.y*ml")
        if p.suffix in (".yml", ".yaml") and PROPOSED_FOLDER not in p.relative_to(root).parts[:-1]
    )


def check_catalogue(root: Path, parsers: Iterable[str]) -> tuple[list[Source], list[Problem]]:
    """Load and validate every declaration; returns the good sources and all problems found."""
    known_parsers = set(parsers)
    problems: list[Problem] = []
    sources: list[Source] = []
    if not root.exists():
        return [], [Problem(root, "-", "the catalogue folder does not exist")]
    files = declaration_files(root)
    if not files:
        problems.append(Problem(root, "-", "no source declarations (*.yml) found"))
    for path in files:
        source, found = _check_file(path, known_parsers)
        problems.extend(found)
        if source is not None:
            sources.append(source)
    seen: dict[str, Path] = {}
    for source in sources:
        if source.slug in seen:
            problems.append(
                Problem(
                    source.path, "slug", f"'{source.slug}' is also declared in {seen[source.slug]}"
                )
            )
        seen.setdefault(source.slug, source.path)
    return sources, problems


def load_catalogue(root: Path, parsers: Iterable[str]) -> list[Source]:
    """Every source, or CatalogueError listing all problems."""
    sources, problems = check_catalogue(root, parsers)
    if problems:
        raise CatalogueError(problems)
    return sources


def resolve_urls(sources: Iterable[Source], placeholders: Mapping[str, str]) -> list[Source]:
    """Fill `{name}` placeholders in URLs (the demo serves its corpus on a port chosen at run time)."""
    resolved = []
    for source in sources:
        url = source.url
        for name, value in placeholders.items():
            url = url.replace("{" + name + "}", value.rstrip("/"))
        resolved.append(replace(source, url=url))
    return resolved


def _check_file(path: Path, known_parsers: set[str]) -> tuple[Source | None, list[Problem]]:
    problems: list[Problem] = []

    def problem(field: str, message: str) -> None:
        problems.append(Problem(path, field, message))

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - safe
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        problem("-", f"not valid YAML: {str(exc).splitlines()[0]}")
        return None, problems
    if not isinstance(data, dict):
        problem("-", "expected a mapping of fields (slug, title, county, kind, url, parser)")
        return None, problems
    raw = cast(dict[str, Any], data)
    for key in sorted(set(raw) - _KNOWN_FIELDS):
        problem(key, f"unknown field (known: {', '.join(sorted(_KNOWN_FIELDS))})")

    def text(field: str, required: bool = True) -> str | None:
        value = raw.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                problem(field, "missing")
            return None
        if not isinstance(value, str):
            problem(field, f"must be text, got {type(value).__name__} {value!r}")
            return None
        return value.strip()

    slug = text("slug")
    if slug is not None:
        if not _SLUG.match(slug):
            problem("slug", f"'{slug}' must be lower-case letters, digits and underscores")
        elif path.stem != slug:
            problem("slug", f"'{slug}' differs from the file name '{path.name}'")
    title = text("title")
    county = raw.get("county")
    if county is None:
        problem("county", "missing")
    elif isinstance(county, int):
        problem("county", f"{county} must be quoted text: TERYT codes keep their leading zeros")
        county = None
    elif not isinstance(county, str) or not _COUNTY.match(county):
        problem(
            "county",
            f"{county!r} is not a TERYT powiat code (4 digits), a voivodeship code (2 digits) or 'PL'",
        )
        county = None
    kind = text("kind")
    if kind is not None and kind not in KINDS:
        problem("kind", f"'{kind}' is not one of {', '.join(KINDS)}")
        kind = None
    url = text("url")
    if url is not None and not _URL.match(url):
        problem("url", f"'{url}' is not an http(s):// or file:// URL")
    parser = text("parser", required=kind != "site")
    if kind == "site":
        if parser not in (None, SITE_PARSER):
            problem(
                "parser",
                f"'{parser}': a site's pages are each read by detection; write "
                f"'parser: {SITE_PARSER}' or leave it out",
            )
        parser = SITE_PARSER
    elif parser is not None and parser not in known_parsers:
        problem("parser", f"'{parser}' is not a known parser ({', '.join(sorted(known_parsers))})")
    max_pages = _max_pages(raw.get("max_pages"), kind, problem)
    publisher = text("publisher", required=False)

    min_records, max_records = 1, None
    assertions = raw.get("assert", {})
    if not isinstance(assertions, dict):
        problem("assert", "must be a mapping with min_records / max_records")
        assertions = {}
    for key in sorted(set(assertions) - {"min_records", "max_records"}):
        problem(f"assert.{key}", "unknown assertion (known: min_records, max_records)")
    for key in ("min_records", "max_records"):
        value = assertions.get(key)
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or value < 0
        ):
            problem(f"assert.{key}", f"{value!r} must be a whole number ≥ 0")
    if isinstance(assertions.get("min_records"), int):
        min_records = int(assertions["min_records"])
    if isinstance(assertions.get("max_records"), int):
        max_records = int(assertions["max_records"])
        if max_records < min_records:
            problem("assert.max_records", f"{max_records} is below min_records {min_records}")
    options_raw = raw.get("options") or {}
    options: tuple[tuple[str, str], ...] = ()
    if not isinstance(options_raw, dict):
        problem("options", "must be a mapping of option names to values")
    else:
        if parser is not None and (parser in known_parsers or parser == SITE_PARSER):
            for key, value in options_raw.items():
                message = check_option(parser, str(key), value)
                if message is not None:
                    problem(f"options.{key}", message)
        options = tuple(sorted((str(k), str(v).strip()) for k, v in options_raw.items()))

    if problems or None in (slug, title, county, kind, url, parser):
        return None, problems
    assert slug and title and isinstance(county, str) and kind and url and parser
    return (
        Source(
            slug=slug,
            title=title,
            county=county,
            kind=cast(Kind, kind),
            url=url,
            parser=parser,
            path=path,
            publisher=publisher,
            min_records=min_records,
            max_records=max_records,
            options=options,
            max_pages=max_pages,
        ),
        problems,
    )


def _max_pages(value: object, kind: str | None, problem: Callable[[str, str], None]) -> int:
    """The declared page budget of a site, checked; the default when none is declared."""
    if value is None:
        return DEFAULT_MAX_PAGES
    if kind != "site":
        problem("max_pages", "only a `kind: site` source is crawled: remove it or change the kind")
        return DEFAULT_MAX_PAGES
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_MAX_PAGES:
        problem("max_pages", f"{value!r} must be a whole number from 1 to {MAX_MAX_PAGES}")
        return DEFAULT_MAX_PAGES
    return value
