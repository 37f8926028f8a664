"""Records passed between fetching, parsing and loading.

A parser turns one fetched document into `ParsedInstitution`s: text exactly as the source
wrote it (fields ending in `_raw`), nothing normalised. The extract stage adds provenance
(source slug, URL, fetch time) and a stable record id, giving `RawInstitution`s that the
warehouse stores as they are. Normalised values appear only after `transforms/`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal

Role = Literal["subject", "mention", "row"]
"""subject: the institution a page is about; mention: one it merely names (articles);
row: one row of a listing, spreadsheet or registry."""


@dataclass(frozen=True, slots=True)
class Document:
    """One fetched resource: the bytes as served plus what we know of how it was served."""

    url: str  # as requested (http(s):// or file://)
    final_url: str  # after redirects
    status: int  # HTTP status of the last response; 200 for file://
    content: bytes
    content_type: str | None  # e.g. "text/html", without parameters
    declared_charset: str | None  # what the server or the page said
    charset: str | None  # what we decoded with (None for binary documents)
    fetched_at: datetime  # timezone-aware UTC
    sha256: str  # of `content`
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # True when the server answered 304 (content is the archived copy)

    @classmethod
    def from_bytes(
        cls,
        url: str,
        content: bytes,
        *,
        content_type: str | None = None,
        charset: str | None = None,
        declared_charset: str | None = None,
        final_url: str | None = None,
        status: int = 200,
        fetched_at: datetime | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Document:
        """A document for bytes already in hand (a saved file, a replayed response, a test
        page): `sha256` computed from `content`, `final_url` the `url` unless given,
        `fetched_at` now (UTC) unless given."""
        return cls(
            url=url,
            final_url=final_url or url,
            status=status,
            content=content,
            content_type=content_type,
            declared_charset=declared_charset,
            charset=charset,
            fetched_at=fetched_at or datetime.now(UTC),
            sha256=hashlib.sha256(content).hexdigest(),
            etag=etag,
            last_modified=last_modified,
        )

    @property
    def text(self) -> str:
        """The body decoded with `charset` (UTF-8 when unknown), for HTML and CSV parsers."""
        return self.content.decode(self.charset or "utf-8", errors="replace")


@dataclass(frozen=True, slots=True)
class ParsedInstitution:
    """An institution as one document describes it, every value as written."""

    name_raw: str
    role: Role = "subject"
    type_raw: str | None = None  # a type column or label, e.g. "MOPS", "ŚDS"
    street_raw: str | None = None  # "ul. Księcia Ludwika I nr 3"
    postal_code_raw: str | None = None  # "59 - 100"
    locality_raw: str | None = None  # "Lubin", or inflected "w Bliżynie" for mentions
    gmina_raw: str | None = None
    powiat_raw: str | None = None
    voivodeship_raw: str | None = None
    phones_raw: tuple[str, ...] = ()  # one entry per number or per cell as written
    emails_raw: tuple[str, ...] = ()
    websites_raw: tuple[str, ...] = ()
    nip_raw: str | None = None
    regon_raw: str | None = None
    krs_raw: str | None = None
    rspo_raw: str | None = None
    teryt_raw: str | None = None  # a TERYT code column, when a registry has one
    opening_hours_raw: str | None = None
    description_raw: str | None = None  # what it does / services text
    context_raw: str | None = None  # the sentence a mention came from
    extra: tuple[tuple[str, str], ...] = ()  # unmapped (label, value) pairs kept for review

    def key_fields(self) -> tuple[str, ...]:
        """The fewest raw fields that identify this record within its source."""
        return (
            self.role,
            self.name_raw,
            self.postal_code_raw or "",
            self.street_raw or "",
            self.locality_raw or "",
        )


@dataclass(frozen=True, slots=True)
class RawInstitution:
    """A parsed institution with its provenance: what the warehouse stores in `raw_records`."""

    source: str  # source slug
    record_id: str
    url: str
    fetched_at: datetime
    document_sha256: str
    parsed: ParsedInstitution = field(repr=False)


def make_record_id(source: str, parsed: ParsedInstitution) -> str:
    """A stable id: hash of the source slug and the record's raw key fields, never positions."""
    payload = "\x1f".join((source, *parsed.key_fields()))
    return "r" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


class ExtractionError(Exception):
    """A document is not what its parser expects (wrong structure, wrong format, empty)."""
