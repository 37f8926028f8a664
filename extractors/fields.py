"""The one builder of records from labelled values: fields found → a `ParsedInstitution`.

Two kinds of parser read values that a label names: spreadsheet and registry rows, whose column
header says what a cell holds (`extractors.spreadsheets.rows`), and institution pages, whose
"Adres:", "Tel.:", "NIP:" labels do (`extractors.html_pages`). Which label names which field
is data in `extractors.labels`; how a value is split stays with its parser, because a
spreadsheet cell and a line of a web page are written differently. Both collect what they find
in a `RecordFields` and get their record from it, so a field means the same wherever it was
read:

- single-valued fields (`values`, keyed by `Field` name, or a parser's own helper key such as
  a spreadsheet's "house_number") are set once: the first value found wins
  (`set_once`); what a parser does with a second one is its own rule (a spreadsheet keeps a
  different value in `extra` under its column label: `set_or_extra`);
- phones, e-mails and websites are lists in the order found, without repeats;
- values no field takes are kept as written in `extra`, as (label, value) pairs;
- `to_record` freezes the lot into a `ParsedInstitution`, every value as written.

A page may give its locality three ways, best first: a "Miejscowość" label (`locality`), the
town after the postal code of its address (`locality_from_address`), a "Poczta" label
(`post_office`); `to_record` takes the first present. Spreadsheets set `locality` only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from extractors.records import ParsedInstitution, Role
from transforms.text import normalise_space

Field = Literal[
    "name",
    "type",
    "street",
    "postal_code",
    "locality",
    "gmina",
    "powiat",
    "voivodeship",
    "phones",
    "emails",
    "websites",
    "nip",
    "regon",
    "krs",
    "rspo",
    "teryt",
    "opening_hours",
    "description",
]
"""The fields of a `ParsedInstitution` a label can name (`<field>_raw` there)."""


def add_unique(bucket: list[str], values: Iterable[str]) -> None:
    """Append each space-normalised, non-empty value that `bucket` does not hold yet."""
    for value in values:
        value = normalise_space(value)
        if value and value not in bucket:
            bucket.append(value)


@dataclass(slots=True)
class RecordFields:
    """What one row or one page said about an institution, while it is being read."""

    values: dict[str, str] = field(default_factory=dict)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    websites: list[str] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)

    def set_once(self, name: str, value: str | None) -> bool:
        """Set a single-valued field unless it has a value; False when nothing was set."""
        value = normalise_space(value or "")
        if not value or name in self.values:
            return False
        self.values[name] = value
        return True

    def set_or_extra(self, name: str, value: str | None, label: str) -> None:
        """Set a field once; a second, different value is kept in `extra` under `label`."""
        if not value:
            return
        if not self.set_once(name, value) and self.values[name] != normalise_space(value):
            self.extra.append((label, normalise_space(value)))

    def add_phones(self, values: Iterable[str]) -> None:
        add_unique(self.phones, values)

    def add_emails(self, values: Iterable[str]) -> None:
        add_unique(self.emails, values)

    def add_websites(self, values: Iterable[str]) -> None:
        add_unique(self.websites, values)

    def to_record(self, name: str, role: Role) -> ParsedInstitution:
        """The record these fields make, named `name`."""
        v = self.values
        locality = v.get("locality") or v.get("locality_from_address") or v.get("post_office")
        return ParsedInstitution(
            name_raw=name,
            role=role,
            type_raw=v.get("type"),
            street_raw=v.get("street"),
            postal_code_raw=v.get("postal_code"),
            locality_raw=locality,
            gmina_raw=v.get("gmina"),
            powiat_raw=v.get("powiat"),
            voivodeship_raw=v.get("voivodeship"),
            phones_raw=tuple(self.phones),
            emails_raw=tuple(self.emails),
            websites_raw=tuple(self.websites),
            nip_raw=v.get("nip"),
            regon_raw=v.get("regon"),
            krs_raw=v.get("krs"),
            rspo_raw=v.get("rspo"),
            teryt_raw=v.get("teryt"),
            opening_hours_raw=v.get("opening_hours"),
            description_raw=v.get("description"),
            extra=tuple(self.extra),
        )
