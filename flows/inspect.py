"""What one page or file yields: the function behind `wsparcie extract URL_OR_PATH`.

A source maintainer points it at a page before declaring it: `extract_one` fetches the target
with the real `Fetcher` (a local path becomes a file:// URL), lets `extractors.detect` say
whether it is an institution's page and which parser fits (or uses the one named, with the
options a declaration would give it), parses, and normalises every record with
`transforms.normalise.normalise_record`, places resolved through the gazetteer of a DuckDB file
when one is given. It runs two stages (extract and normalise), so it lives here, above both.

A saved page given with `url` is read as if fetched from that address: host-based rules (a
public host, the owner's mailbox on the site's domain) and the page's own links work as they
do for the live page. An institution's page whose owner the text never names still states
what it offers: it yields one row of role "page", without a name, holding those statements
(a page about no institution yields no row at all). So does a page detection does not take
for want of evidence, though not for looking like a business, when its text speaks for one
unit (`extractors.provider_voice`): all it states when it says what the unit offers, its hours
and ages alone when it only gives those. `format_jsonl` and `format_table` print the result; the
table fits a 100-column terminal, one block per institution.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import textwrap
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb

from extractors.context import ParseContext
from extractors.detect import Detection, Kind, detect_page, host_evidence
from extractors.fetch import Fetcher, FetchError
from extractors.html_pages.site_host import host_names_a_unit
from extractors.mention_records import add_page_mentions, page_mentions
from extractors.options import check_option
from extractors.page_text import page_text
from extractors.parsers import get_parser, parser_names
from extractors.provider_voice import gives_its_own_hours_or_ages, offers_as_a_provider
from extractors.records import Document, ExtractionError, ParsedInstitution, make_record_id
from transforms.contacts import email_details, phone_details
from transforms.normalise import NormalisedRecord, RawRow, normalise_record
from transforms.places import Gazetteer
from transforms.support_statements import SupportStatements, read_support
from warehouse.gazetteer_rows import gazetteer_from_warehouse

log = logging.getLogger(__name__)

# The parsers tried for each kind of page, best first: a BIP page without a recognisable
# label block is still a contact page.
_PARSERS_FOR: dict[Kind, tuple[str, ...]] = {
    "bip_dane": ("bip_dane", "contact_page"),
    "contact_page": ("contact_page",),
    "text_page": ("text_page", "article"),
    "article": ("article",),
    "directory": ("directory_table", "contact_page"),
    "spreadsheet": ("spreadsheet",),
    "not_institution": (),
}
FIELDS: tuple[str, ...] = (
    "role",
    "name",
    "name_raw",
    "type",
    "sector",
    "street",
    "postal_code",
    "locality",
    "gmina_teryt",
    "powiat_teryt",
    "phones",
    "emails",
    "website",
    "nip",
    "regon",
    "krs",
    "rspo",
    "opening_hours",
    "services",
    "target_groups",
    "context",
    "parser",
    "url",
    # contacts typed (issue 12)
    "phone_details",
    "email_details",
    "services_stated",
    "services_default",
    "ages",
    "fees",
    "referral",
    "schedules",
)
# The kinds of page that are an institution's own: when their parser cannot name the owner,
# what the page states is given in a row of role "page".
_OWN_PAGE_KINDS: frozenset[Kind] = frozenset({"bip_dane", "contact_page"})


class ExtractOneError(Exception):
    """The target could not be fetched, read or parsed; the message names it and the cause."""


def _target_url(target: str) -> str:
    scheme = urlsplit(target).scheme.lower()
    if scheme in ("http", "https", "file"):
        return target
    path = Path(target).expanduser()
    if not path.exists():
        raise ExtractOneError(f"{target}: no such file, and not an http(s):// or file:// URL")
    return path.resolve().as_uri()


@lru_cache(maxsize=4)
def _gazetteer(path: Path) -> Gazetteer:
    if not path.is_file():
        raise ExtractOneError(f"gazetteer database {path} does not exist")
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as exc:
        raise ExtractOneError(f"gazetteer database {path} cannot be opened: {exc}") from exc
    try:
        return gazetteer_from_warehouse(con)
    except LookupError as exc:
        raise ExtractOneError(f"gazetteer database {path}: {exc}") from exc
    finally:
        con.close()


def _parse(
    document: Document, target: str, names: Sequence[str], options: Mapping[str, str]
) -> tuple[str, list[ParsedInstitution]]:
    problems: list[str] = []
    for name in names:
        # Options come with a named parser only (`_check_options`): one name, its options.
        context = ParseContext.standalone(document.final_url, options)
        try:
            return name, get_parser(name)(document, context)
        except ExtractionError as exc:
            problems.append(f"{name}: {exc}")
    raise ExtractOneError(f"{target}: no parser could read it ({'; '.join(problems)})")


def _check_options(target: str, parser: str | None, options: Mapping[str, str]) -> None:
    if options and parser is None:
        raise ExtractOneError(f"{target}: options need a parser (--parser) to apply to")
    problems = [
        f"{name}: {message}"
        for name, value in options.items()
        if parser is not None and (message := check_option(parser, name, value)) is not None
    ]
    if problems:
        raise ExtractOneError(f"{target}: {'; '.join(problems)}")


def _as_fetched_from(document: Document, url: str) -> Document:
    """A saved file's document, as the page at `url` would have been."""
    return dataclasses.replace(document, url=url, final_url=url)


def _check_url(target: str, url: str, target_url: str) -> None:
    if urlsplit(url).scheme.lower() not in ("http", "https") or not urlsplit(url).hostname:
        raise ExtractOneError(f"{target}: --url {url!r} is not an http(s):// address")
    if urlsplit(target_url).scheme.lower() != "file":
        raise ExtractOneError(f"{target}: --url gives a saved file its address; this is a URL")


def raw_row(
    parsed: ParsedInstitution, county: str | None, fetched_at: datetime, url: str
) -> RawRow:
    """The raw row `wsparcie extract` normalises a parsed institution of a page as."""
    return RawRow(
        record_id=make_record_id("extract", parsed),
        source="extract",
        county=county or "",
        role=parsed.role,
        name_raw=parsed.name_raw,
        type_raw=parsed.type_raw,
        street_raw=parsed.street_raw,
        postal_code_raw=parsed.postal_code_raw,
        locality_raw=parsed.locality_raw,
        gmina_raw=parsed.gmina_raw,
        powiat_raw=parsed.powiat_raw,
        phones_raw=parsed.phones_raw,
        emails_raw=parsed.emails_raw,
        websites_raw=parsed.websites_raw,
        nip_raw=parsed.nip_raw,
        regon_raw=parsed.regon_raw,
        krs_raw=parsed.krs_raw,
        rspo_raw=parsed.rspo_raw,
        opening_hours_raw=parsed.opening_hours_raw,
        description_raw=parsed.description_raw,
        fetched_at=fetched_at,
        voivodeship_raw=parsed.voivodeship_raw,
        url=url,
    )


def _none_if_empty(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (tuple, list)):
        return list(value) or None
    return value


def _as_dict(
    parsed: ParsedInstitution, record: NormalisedRecord, parser: str, url: str
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "role": record.role,
        "name": record.name,
        "name_raw": parsed.name_raw,
        "type": record.type_code,
        "sector": record.sector,
        "street": record.street,
        "postal_code": record.postal_code,
        "locality": record.locality,
        "gmina_teryt": record.gmina_teryt,
        "powiat_teryt": record.powiat_teryt,
        "phones": record.phones,
        "emails": record.emails,
        "website": record.website,
        "nip": record.nip,
        "regon": record.regon,
        "krs": record.krs,
        "rspo": record.rspo,
        "opening_hours": record.opening_hours,
        "services": record.services,
        "target_groups": record.target_groups,
        "context": parsed.context_raw,
        "parser": parser,
        "url": url,
    }
    # Contacts typed (issue 12): every number of the record, faxes included, with its kinds
    # and label; every mailbox, a person's flagged (the publication leaves those out).
    phones = phone_details(parsed.phones_raw)
    row["phones"] = [phone.number for phone in phones]
    row["phone_details"] = [
        {"number": phone.number, "kinds": list(phone.kinds), "label": phone.label}
        for phone in phones
    ]
    row["email_details"] = [dataclasses.asdict(email) for email in email_details(record.emails)]
    as_dict = {key: _none_if_empty(value) for key, value in row.items()}
    as_dict |= _statements_dict(
        SupportStatements(
            services=record.services_stated,
            ages=record.ages,
            fees=record.fees,
            referral=record.referral,
            schedules=record.schedules,
        ),
        record.services_default,
    )
    return as_dict


def _statements_dict(
    support: SupportStatements, services_default: Sequence[str] = ()
) -> dict[str, Any]:
    """The statements' keys of a row: lists stay lists when empty ("states nothing")."""
    return {
        "services_stated": [
            {"code": item.code, "evidence": item.evidence} for item in support.services
        ],
        "services_default": list(services_default),
        "ages": [dataclasses.asdict(age) for age in support.ages],
        "fees": dataclasses.asdict(support.fees) if support.fees else None,
        "referral": dataclasses.asdict(support.referral) if support.referral else None,
        "schedules": [
            {**dataclasses.asdict(schedule), "days": list(schedule.days)}
            for schedule in support.schedules
        ],
    }


def page_row(document: Document, *, hours_and_ages_only: bool = False) -> dict[str, Any] | None:
    """The row of an institution's page whose owner is never named: what the page states
    (services, target groups, ages, fees, referral, schedules) and its address; None when it
    states nothing. With `hours_and_ages_only`, the row of a page that gives only its own unit's
    hours and ages: those alone (its forms of support, if any are named, may be other bodies')."""
    support = read_support(page_text(document))
    if hours_and_ages_only:
        support = SupportStatements(ages=support.ages, schedules=support.schedules)
    if not (
        support.services or support.ages or support.fees or support.referral or support.schedules
    ):
        return None
    row: dict[str, Any] = dict.fromkeys(FIELDS)
    row |= {
        "role": "page",
        "services": [item.code for item in support.services] or None,
        "target_groups": [item.code for item in support.target_groups] or None,
        "url": document.final_url,
    }
    return row | _statements_dict(support)


def _unowned_statements(document: Document, detection: Detection) -> list[dict[str, Any]]:
    """The row of a page detection did not take for want of evidence (no institution named,
    no public host) that still states forms of support, hours or ages: those statements alone,
    as a row of role "page" ([] for a business's page or a page stating nothing). A page that
    says what its unit offers gives all it states; one that only gives its unit's hours or
    whom it takes by age gives those alone (`extractors.provider_voice`), and so does a page on
    a unit's own site by its host: a serving unit's by its kind ("sp1prudnik",
    "bibliotekiwarszawy", `host_names_a_unit`) or, for a plain text, which detection does not
    judge by its host, a public body's ("bip.…", "gops.…", `host_evidence`). The hours and ages
    its own site gives are that unit's, though the page never names it."""
    if detection.business:
        return []
    text = page_text(document) or ""
    if offers_as_a_provider(text):
        page = page_row(document)
    elif gives_its_own_hours_or_ages(text) or _on_a_unit_s_site(document.final_url):
        page = page_row(document, hours_and_ages_only=True)
    else:
        return []
    return [page] if page is not None else []


def _on_a_unit_s_site(url: str) -> bool:
    return host_names_a_unit(url) or host_evidence(url) is not None


def extract_one(
    target: str,
    *,
    county: str | None = None,
    parser: str | None = None,
    gazetteer_db: Path | None = None,
    fetcher: Fetcher | None = None,
    gazetteer: Gazetteer | None = None,
    url: str | None = None,
    options: Mapping[str, str] | None = None,
) -> list[dict[str, Any]]:
    """One dict per institution found in `target` (a URL or a local path), normalised.

    `county` (a 4-digit TERYT powiat) is where places are resolved when the page does not
    say; `parser` overrides detection, and `options` are the declaration options it gets
    (`extractors.options`); `gazetteer_db` is a DuckDB file holding the gazetteer tables (or
    pass a loaded `gazetteer`); `fetcher` defaults to a polite `Fetcher`; `url` is the address
    a saved file was fetched from. A page that is not about a public institution yields [].
    Raises ExtractOneError naming the target and the cause when it cannot be fetched, read or
    parsed.
    """
    options = dict(options or {})
    if county is not None and not (county.isdigit() and len(county) in (2, 4)):
        raise ExtractOneError(f"{target}: county {county!r} is not a TERYT powiat code")
    if parser is not None and parser not in parser_names():
        raise ExtractOneError(
            f"{target}: unknown parser {parser!r} (known: {', '.join(parser_names())})"
        )
    _check_options(target, parser, options)
    target_url = _target_url(target)
    if url is not None:
        _check_url(target, url, target_url)
    places = gazetteer
    if places is None and gazetteer_db is not None:
        places = _gazetteer(Path(gazetteer_db).resolve())
    try:
        if fetcher is not None:
            document = fetcher.fetch(target_url)
        else:
            with Fetcher() as own:
                document = own.fetch(target_url)
    except FetchError as exc:
        raise ExtractOneError(f"{target}: cannot fetch: {exc.reason}") from exc
    if not document.content.strip():
        raise ExtractOneError(f"{target}: the document is empty")
    if url is not None:
        document = _as_fetched_from(document, url)

    if parser is not None:
        names: tuple[str, ...] = (parser,)
        detection: Detection | None = None
    else:
        detection = detect_page(document)
        if not detection.is_institution:
            log.info("%s: not a public institution: %s", target, "; ".join(detection.reasons))
            return _unowned_statements(document, detection)
        names = _PARSERS_FOR[detection.kind]
    page: dict[str, Any] | None = None
    try:
        used, parsed = _parse(document, target, names, options)
    except ExtractOneError:
        # A page whose owner no parser can name may still state what it offers (a row of
        # role "page") and name other institutions (mention rows).
        if detection is None or detection.kind not in (*_OWN_PAGE_KINDS, "directory"):
            raise
        page = page_row(document) if detection.kind in _OWN_PAGE_KINDS else None
        used, parsed = "mentions", page_mentions(document)
        if page is None and not parsed:
            raise
        if page is not None:
            log.info("%s: the owner is not named; the page's statements are given alone", target)
    if detection is not None and detection.kind == "text_page":
        if not any(item.role == "subject" for item in parsed):
            # a text whose owner is not named, read as a page detection does not take
            page = next(iter(_unowned_statements(document, detection)), None)
            if page is not None and offers_as_a_provider(page_text(document) or ""):
                # the page speaks for its unnamed unit's offer: what it offers is that unit's,
                # not the text about the institutions it names (as on an HTML page); a page
                # giving only its unit's hours or ages leaves the named bodies their offers
                parsed = [dataclasses.replace(item, description_raw=None) for item in parsed]
    parsed = add_page_mentions(document, parsed, used)
    fetched_at = document.fetched_at or datetime.now(UTC)
    rows = [page] if page is not None else []
    for item in parsed:
        try:
            raw = raw_row(item, county, fetched_at, document.final_url or document.url)
            record = normalise_record(raw, places)
        except ValueError as exc:  # a name the normaliser cannot read: skip it, say so
            log.warning("%s: record %r skipped: %s", target, item.name_raw, exc)
            continue
        rows.append(_as_dict(item, record, used, document.final_url))
    return rows


def format_jsonl(rows: Sequence[dict[str, Any]]) -> str:
    """One JSON object per line, keys in `FIELDS` order, UTF-8 text kept as is."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


# Polish labels: the table is for a person at a terminal.
_TABLE_LINES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("nazwa w źródle", ("name_raw",)),
    ("typ / sektor", ("type", "sector")),
    ("adres", ("street", "postal_code", "locality")),
    ("gmina / powiat", ("gmina_teryt", "powiat_teryt")),
    ("telefony", ("phone_details",)),
    ("e-mail", ("email_details",)),
    ("www", ("website",)),
    ("NIP / REGON", ("nip", "regon")),
    ("KRS / RSPO", ("krs", "rspo")),
    ("godziny", ("opening_hours",)),
    ("usługi", ("services",)),
    ("z tekstu", ("services_stated",)),
    ("domyślne", ("services_default",)),
    ("dla kogo", ("target_groups",)),
    ("wiek", ("ages",)),
    ("odpłatność", ("fees",)),
    ("skierowanie", ("referral",)),
    ("godziny (tydz.)", ("schedules",)),
    ("zdanie", ("context",)),
    ("parser", ("parser",)),
)
_ROLES_PL = {"subject": "podmiot strony", "page": "deklaracje strony"}
_WIDTH = 100
_LABEL_WIDTH = 16


_DAYS_PL = {"Mo": "pn", "Tu": "wt", "We": "śr", "Th": "cz", "Fr": "pt", "Sa": "sb", "Su": "nd"}
_KIND_WORDS = {"voice": "tel.", "fax": "faks", "mobile": "kom.", "helpline": "infolinia"}


def _item(value: Any) -> str:
    """One detail or statement as a person reads it: "+48436784040 (tel./faks)",
    "jan.kowalski@x.pl (osobisty)", a service code, an age range, hours."""
    if not isinstance(value, dict):
        return str(value)
    if "number" in value:
        notes = "/".join(_KIND_WORDS.get(kind, kind) for kind in value.get("kinds") or ())
        if value.get("label"):
            notes = f"{notes}, {value['label']}" if notes else str(value["label"])
        return f"{value['number']} ({notes})" if notes else str(value["number"])
    if "address" in value:
        return f"{value['address']} (osobisty)" if value.get("personal") else str(value["address"])
    if "opens" in value:
        days = ",".join(_DAYS_PL[day] for day in value["days"]) or "w dniach z tekstu"
        what = f" ({value['what']})" if value.get("what") else ""
        return f"{days} {value['opens']}–{value['closes']}{what}"
    if "min" in value:
        low = "" if value["min"] is None else value["min"]
        high = "" if value["max"] is None else value["max"]
        return f"{low}–{high} lat"
    if "free" in value:
        return "bezpłatnie" if value["free"] else "odpłatnie"
    if "required" in value:
        return "wymagane" if value["required"] else "bez skierowania"
    return str(value.get("code", value))


def _cell(value: Any) -> str:
    if value is None or value == []:
        return "—"
    if isinstance(value, list):
        return ", ".join(_item(item) for item in value)
    return _item(value)


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    """A readable block per institution, wrapped at 100 columns; empty fields left out."""
    if not rows:
        return "nie znaleziono instytucji\n"
    blocks: list[str] = []
    indent = " " * (_LABEL_WIDTH + 4)
    for number, row in enumerate(rows, start=1):
        role = _ROLES_PL.get(row.get("role") or "", row.get("role") or "")
        name = row.get("name") or row.get("name_raw") or "strona instytucji bez nazwy"
        heading = f"[{number}] {name} ({role})"
        lines = textwrap.wrap(heading, _WIDTH, subsequent_indent="    ")
        for label, keys in _TABLE_LINES:
            values = [row.get(key) for key in keys]
            if all(value is None or value == [] for value in values):
                continue
            if label == "adres":
                text = ", ".join(_cell(value) for value in values if value is not None)
            else:
                text = " / ".join(_cell(value) for value in values)
            lines += textwrap.wrap(
                text,
                _WIDTH,
                initial_indent=f"    {label:<{_LABEL_WIDTH}}",
                subsequent_indent=indent,
                break_on_hyphens=False,
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def format_rows(rows: Sequence[dict[str, Any]], fmt: str) -> str:
    """`format_jsonl` or `format_table` by name ("jsonl" | "table")."""
    if fmt == "jsonl":
        return format_jsonl(rows)
    if fmt == "table":
        return format_table(rows)
    raise ValueError(f"unknown output format {fmt!r} (known: jsonl, table)")
