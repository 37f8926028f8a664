"""Landline area codes and the postal district (first digit of the postal code) they serve.

A record with a landline but no postal code ("OSP w Borkach, tel. 42 687 49 09" in an article)
still says where it is: area code 42 is Łódź, postal district 9. The `district` ladder
compares that with the other record's postal district, so the many same-named bodies of
other regions (Borki, Nowa Wieś, Dąbrowa) are told apart when only one record has a postal
code.

Only area codes whose numbers lie in one postal district are listed: 24 (Płock 09, Kutno 99),
15 (Tarnobrzeg 39, Sandomierz 27), 33 (Bielsko-Biała 43, Oświęcim 32), 59 (Słupsk 76,
Lębork 84) and 61 are left out. On er-scale/100k, 96.6 % of the records with a listed area
code and a postal code agree with this table.
"""

from __future__ import annotations

# Area code (the first two digits of a 9-digit landline) -> postal district.
AREA_DISTRICT: dict[str, str] = {
    "12": "3", "13": "3", "14": "3", "16": "3", "17": "3", "18": "3",
    "22": "0", "23": "0", "25": "0", "29": "0",
    "32": "4", "34": "4", "77": "4",
    "41": "2", "48": "2", "81": "2", "82": "2", "83": "2", "84": "2",
    "42": "9", "43": "9", "44": "9", "46": "9",
    "52": "8", "54": "8", "55": "8", "56": "8", "58": "8",
    "62": "6", "63": "6", "65": "6", "67": "6", "68": "6", "95": "6",
    "71": "5", "74": "5", "75": "5", "76": "5",
    "85": "1", "86": "1", "87": "1", "89": "1",
    "91": "7", "94": "7",
}  # fmt: skip


def phone_district(phones: list[str] | tuple[str, ...]) -> str | None:
    """The postal district of a record's landlines (9-digit national numbers), when they
    name exactly one; None for mobiles, unlisted area codes or landlines of two districts."""
    found = {AREA_DISTRICT[p[:2]] for p in phones if len(p) == 9 and p[:2] in AREA_DISTRICT}
    return found.pop() if len(found) == 1 else None


def district_sql(phones: str, postal: str) -> str:
    """SQL of a record's postal district: its postal code's first digit, else
    `phone_district` of its landlines (`phones` a VARCHAR[] of 9-digit numbers)."""
    cases = " ".join(f"WHEN '{area}' THEN '{district}'" for area, district in AREA_DISTRICT.items())
    found = (
        f"list_distinct(list_filter(list_transform({phones}, p -> CASE WHEN length(p) = 9 "
        f"THEN (CASE left(p, 2) {cases} END) END), x -> x IS NOT NULL))"
    )
    return (
        f"CASE WHEN {postal} IS NOT NULL THEN left({postal}, 1) "
        f"WHEN len({found}) = 1 THEN {found}[1] END"
    )
