"""Which record field a Polish label names: spreadsheet and registry columns, and page labels.

The same field is written a dozen ways ("Nazwa placówki", "Nazwa jednostki", "NAZWA OŚRODKA",
"nazwa_jednostki"; "Tel.", "Telefon", "Nr telefonu"). This module keeps those spellings as
data, one table for each way a label is written; the values they name go into the one record
builder of `extractors.fields`, in the field vocabulary `Field` defined there:

- `SYNONYMS`, for column headers of spreadsheets, registries and HTML tables (`match_column`):
  a header may carry other words ("Adres siedziby placówki"), typos and several header rows,
  so it is matched loosely (below);
- `PAGE_LABELS`, for the "Label: value" pairs of an institution's page (`match_page_label`):
  a page label is short and matched whole, because in running text any word may be followed by
  a colon.

A maintainer adds a spelling by adding a line; nothing else changes.

How a label is matched (`match_column`):

1. The label is folded (`fold_key`: no diacritics, lower case, punctuation to spaces), so
   "Kod pocztowy", "KOD_POCZTOWY" and "kod-pocztowy" are the same key.
2. An exact match of the whole key wins.
3. Otherwise every synonym that occurs in the key as whole words is a candidate and the
   longest one wins (ties: the one that starts first). This is why the table lists long
   spellings that must beat short ones: "nazwa jednostki samorzadu terytorialnego" (the
   operating commune, not the unit) beats "nazwa jednostki"; "regon organu prowadzacego"
   beats "regon"; "kod terytorialny wojewodztwo" beats "kod" and "wojewodztwo".
4. Otherwise a fuzzy match (RapidFuzz ratio >= `FUZZY_MIN`) of the whole key absorbs typos
   such as "Miejscowośc" or "nr telefou".

Fields (what `match_column` returns):

| field | ParsedInstitution | typical labels |
| --- | --- | --- |
| name | name_raw | nazwa, nazwa jednostki, nazwa placówki, nazwa ośrodka, nazwa domu, nazwa i adres |
| type | type_raw | typ, rodzaj, rodzaj ośrodka wsparcia, typ domu, typ placówki |
| street | street_raw | ulica, adres, adres siedziby |
| house_number | appended to street_raw | numer domu, nr budynku, numer (exact label only) |
| flat_number | appended to street_raw after "/" | numer lokalu |
| postal_code | postal_code_raw | kod, kod pocztowy |
| locality | locality_raw | miejscowość, miasto, poczta |
| gmina | gmina_raw | gmina, miasto/gmina |
| powiat | powiat_raw | powiat |
| voivodeship | voivodeship_raw | województwo |
| phones | phones_raw | telefon, nr telefonu, tel. |
| emails | emails_raw | e-mail, adres e-mail |
| websites | websites_raw | www, strona www, strona internetowa |
| nip / regon / krs / rspo | nip_raw / regon_raw / krs_raw / rspo_raw | NIP, REGON, KRS, numer RSPO |
| teryt | teryt_raw | teryt, kod teryt gminy, kod terytorialny gmina |
| opening_hours | opening_hours_raw | godziny pracy, godziny otwarcia |
| description | description_raw | opis, zakres działalności, oferta |
| extra | extra (label, value) | podmiot prowadzący, organ prowadzący, liczba miejsc, faks |
| ordinal | dropped | Lp., L.p., Nr (exact label only) |

`extra` entries exist only to stop a shorter synonym from claiming a column: their values are
kept verbatim under the column label, like any unmatched column.

How a page label is matched (`match_page_label`): its folded key must equal a key of
`PAGE_LABELS` ("Tel./fax:" is "tel fax"), or start with a word of `PAGE_LABEL_PREFIXES`
("Godziny pracy sekretariatu"). Besides record fields, a page label can name
`PageOnlyLabel`s: an "Adres" whose value may hold the whole address is `street`, split by the
page parser; "Poczta" is the post office (the locality when nothing better is given);
"Lokalizacja" lists voivodeship, powiat and gmina; "Fax" alone is a fax, not a phone;
"Kontakt" holds phones, e-mails and websites together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from rapidfuzz import fuzz

from extractors.fields import Field
from transforms.text import fold_key

ColumnField = Field | Literal["house_number", "flat_number", "extra", "ordinal"]
"""What a column header can say: a record field, a part of the street ("Numer domu", "Numer
lokalu", joined to it), "keep this column in extra" or "this is the row number"."""

FUZZY_MIN: Final = 88.0
"""RapidFuzz ratio (0-100) above which a whole label counts as a misspelt synonym."""


@dataclass(frozen=True, slots=True)
class Synonym:
    """One spelling of a column label (already folded: ASCII, lower case, single spaces)."""

    field: ColumnField
    key: str
    exact_only: bool = False  # match the whole label only, never as a part of a longer one


def _group(field: ColumnField, *keys: str, exact_only: bool = False) -> tuple[Synonym, ...]:
    return tuple(Synonym(field, fold_key(key), exact_only) for key in keys)


SYNONYMS: Final[tuple[Synonym, ...]] = (
    *_group(
        "name",
        "nazwa",
        "nazwa jednostki",
        "nazwa placowki",
        "nazwa osrodka",
        "nazwa domu",
        "nazwa instytucji",
        "nazwa podmiotu",
        "nazwa organizacji",
        "nazwa szkoly",
        "nazwa poradni",
        "nazwa sadu",
        "nazwa stacji",
        "nazwa urzedu",
        "nazwa pelna",
        "pelna nazwa",
        "nazwa i adres",
        "nazwa i siedziba",
        "nazwa domu pomocy spolecznej",
        "instytucja",
        "placowka",
        "jednostka",
        "name",
        "title",
    ),
    *_group(
        "type",
        "typ",
        "rodzaj",
        "typ placowki",
        "typ jednostki",
        "typ domu",
        "typ dps",
        "rodzaj placowki",
        "rodzaj jednostki",
        "rodzaj osrodka",
        "rodzaj osrodka wsparcia",
        "rodzaj dzialalnosci",
        "kategoria placowki",
        "forma wsparcia",
    ),
    *_group(
        "street",
        "ulica",
        "adres",
        "adres siedziby",
        "adres placowki",
        "adres jednostki",
        "adres pocztowy",
        "ulica i numer",
        "ulica nr",
        "address",
        "street",
    ),
    *_group("house_number", "numer domu", "nr domu", "numer budynku", "nr budynku", "nr posesji"),
    *_group("house_number", "numer", exact_only=True),  # beside "Ulica" in address tables
    *_group("flat_number", "numer lokalu", "nr lokalu", "numer mieszkania"),
    *_group("postal_code", "kod", "kod pocztowy", "pna", "postal code", "zip"),
    *_group(
        "locality",
        "miejscowosc",
        "miasto",
        "poczta",
        "miasto wies",
        "miejscowosc siedziby",
        "city",
        "locality",
    ),
    *_group("gmina", "gmina", "nazwa gminy", "miasto gmina", "gmina miasto"),
    *_group("powiat", "powiat", "nazwa powiatu", "powiat ziemski"),
    *_group("voivodeship", "wojewodztwo", "woj", "nazwa wojewodztwa"),
    *_group(
        "phones",
        "telefon",
        "telefony",
        "tel",
        "nr tel",
        "nr telefonu",
        "numer telefonu",
        "telefon kontaktowy",
        "telefon fax",
        "tel fax",
        "kontakt telefoniczny",
        "phone",
    ),
    *_group(
        "emails",
        "email",
        "e mail",
        "adres e mail",
        "adres email",
        "poczta elektroniczna",
        "adres poczty elektronicznej",
        "mail",
    ),
    *_group(
        "websites",
        "www",
        "strona www",
        "strona internetowa",
        "adres strony www",
        "adres strony internetowej",
        "adres www",
        "witryna",
        "website",
        "new website",
    ),
    *_group("nip", "nip", "numer nip"),
    *_group("regon", "regon", "numer regon"),
    *_group("krs", "krs", "numer krs", "nr krs"),
    *_group("rspo", "rspo", "numer rspo", "nr rspo", "id rspo"),
    *_group(
        "teryt",
        "teryt",
        "kod teryt",
        "teryt gminy",
        "kod teryt gminy",
        "kod terytorialny gmina",
        "terc",
    ),
    *_group(
        "opening_hours",
        "godziny pracy",
        "godziny otwarcia",
        "godziny urzedowania",
        "godziny przyjec",
        "czas pracy",
        "dni i godziny",
    ),
    *_group(
        "description",
        "opis",
        "zakres dzialalnosci",
        "zakres uslug",
        "zakres pomocy",
        "oferta",
        "uslugi",
        "cel dzialalnosci",
    ),
    # Columns that look like a field by a shorter word but are something else.
    *_group(
        "extra",
        "prowadzacy",
        "podmiot prowadzacy",
        "organ prowadzacy",
        "podmiotu prowadzacego",
        "organu prowadzacego",
        "podmiotu nadrzednego",
        "jednostki samorzadu terytorialnego",
        "kod terytorialny wojewodztwo",
        "kod terytorialny powiat",
        "kod terytorialny miejscowosc",
        "kod terytorialny ulica",
        "rodzaj miejscowosci",
        "old website",
        "stara strona",
        "zrodlo",
        "zrodlo url",
        "faks",
        "fax",
        "dyrektor",
        "kierownik",
        "liczba miejsc",
        "latitude",
        "longitude",
        "geo lat",
        "geo long",
        "geo precyzja",
        "id jednostki",
        "uwagi",
        "epuap",
    ),
    *_group("ordinal", "lp", "l p", "nr", "nr porzadkowy", "numer porzadkowy", exact_only=True),
)

_EXACT: Final[dict[str, ColumnField]] = {}
for _synonym in SYNONYMS:
    _EXACT.setdefault(_synonym.key, _synonym.field)
_CONTAINED: Final = tuple(s for s in SYNONYMS if not s.exact_only)


def match_column(label: str) -> ColumnField | None:
    """The field a column label names, or None when the table does not know it."""
    key = fold_key(label)
    if not key:
        return None
    exact = _EXACT.get(key)
    if exact is not None:
        return exact
    padded = f" {key} "
    best: tuple[int, int, ColumnField] | None = None  # (-length, position, field)
    for synonym in _CONTAINED:
        position = padded.find(f" {synonym.key} ")
        if position < 0:
            continue
        candidate = (-len(synonym.key), position, synonym.field)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    if best is not None:
        return best[2]
    if len(key) < 5:
        return None
    fuzzy: tuple[float, ColumnField] | None = None
    for synonym in SYNONYMS:
        if len(synonym.key) < 5:
            continue
        score = fuzz.ratio(key, synonym.key)
        if score >= FUZZY_MIN and (fuzzy is None or score > fuzzy[0]):
            fuzzy = (score, synonym.field)
    return fuzzy[1] if fuzzy else None


def match_stacked_label(parts: tuple[str, ...]) -> ColumnField | None:
    """The field of a column whose label spans several header rows ("Kontakt / Telefon").

    The lowest (most specific) row decides; higher rows are tried only when it says nothing.
    """
    for part in reversed(parts):
        field = match_column(part)
        if field is not None:
            return field
    return None


# --- page labels ------------------------------------------------------------------------------

PageOnlyLabel = Literal["post_office", "location", "fax", "contact"]
PageLabel = Field | PageOnlyLabel

PAGE_LABELS: Final[dict[str, PageLabel]] = {
    "nazwa": "name",
    "nazwa podmiotu": "name",
    "nazwa jednostki": "name",
    "nazwa instytucji": "name",
    "nazwa urzedu": "name",
    "nazwa szkoly": "name",
    "nazwa placowki": "name",
    "pelna nazwa": "name",
    "rodzaj": "type",
    "typ": "type",
    "rodzaj podmiotu": "type",
    "rodzaj jednostki": "type",
    "adres": "street",
    "adres siedziby": "street",
    "siedziba": "street",
    "adres pocztowy": "street",
    "adres korespondencyjny": "street",
    "ulica": "street",
    "ulica i numer": "street",
    "kod pocztowy": "postal_code",
    "kod": "postal_code",
    "miejscowosc": "locality",
    "miasto": "locality",
    "poczta": "post_office",
    "gmina": "gmina",
    "powiat": "powiat",
    "wojewodztwo": "voivodeship",
    "lokalizacja": "location",
    "telefon": "phones",
    "telefony": "phones",
    "tel": "phones",
    "tel fax": "phones",
    "telefon fax": "phones",
    "telefon faks": "phones",
    "numer telefonu": "phones",
    "nr telefonu": "phones",
    "centrala": "phones",
    "sekretariat": "phones",
    # A number labelled only as a fax is not a phone (schema.org, too, keeps faxNumber apart
    # from telephone); "tel./fax" is both, so a phone.
    "fax": "fax",
    "faks": "fax",
    "nr faksu": "fax",
    "numer faksu": "fax",
    "e mail": "emails",
    "email": "emails",
    "mail": "emails",
    "adres e mail": "emails",
    "adres email": "emails",
    "poczta elektroniczna": "emails",
    "poczta e mail": "emails",
    "strona www": "websites",
    "www": "websites",
    "strona internetowa": "websites",
    "adres strony www": "websites",
    "adres www": "websites",
    "witryna": "websites",
    "nip": "nip",
    "regon": "regon",
    "krs": "krs",
    "nr krs": "krs",
    "numer krs": "krs",
    "rspo": "rspo",
    "numer rspo": "rspo",
    "nr rspo": "rspo",
    "kontakt": "contact",
    "dane kontaktowe": "contact",
    "informacje ogolne": "description",
    "informacje dodatkowe": "description",
    "opis": "description",
    "zakres dzialalnosci": "description",
}
PAGE_LABEL_PREFIXES: Final[tuple[tuple[str, PageLabel], ...]] = (
    ("godziny", "opening_hours"),
    ("dni i godziny", "opening_hours"),
    ("godz", "opening_hours"),
    ("czynne", "opening_hours"),
)


def match_page_label(label: str) -> PageLabel | None:
    """The field a page's "Label:" names, or None when the table does not know it."""
    key = fold_key(label)
    if key in PAGE_LABELS:
        return PAGE_LABELS[key]
    for prefix, name in PAGE_LABEL_PREFIXES:
        if key == prefix or key.startswith(prefix + " "):
            return name
    return None
