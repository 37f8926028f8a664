"""Polish words for what the review pages show: kinds, verdicts, ladder fields and levels.

Codes come from the store and the matcher; a code without a label here is shown as it is
(the matcher may grow a ladder before this list does), never dropped.
"""

from __future__ import annotations

from transforms.taxonomy import SECTOR_BY_CODE, SERVICE_BY_CODE, TARGET_GROUP_BY_CODE, TYPE_BY_CODE

KIND_LABELS = {
    "pair": "Czy to ta sama instytucja?",
    "field_conflict": "Która wartość jest aktualna?",
    "not_institution": "Czy to w ogóle instytucja?",
    "acronym_name": "Jak brzmi pełna nazwa?",
    "new_institution": "Czy dodać tę instytucję do katalogu?",
}
KIND_SHORT = {
    "pair": "para rekordów",
    "field_conflict": "sprzeczne dane",
    "not_institution": "czy instytucja",
    "acronym_name": "pełna nazwa",
    "new_institution": "nowa instytucja",
}
VERDICT_LABELS = {
    "same": "To samo",
    "different": "Różne",
    "unsure": "Nie wiem",
    "value_current": "Wskazana wartość jest aktualna",
    "both_valid": "Wszystkie są ważne",
    "is_institution": "To jest instytucja",
    "not_institution": "To nie jest instytucja",
    "full_name": "Pełna nazwa wpisana",
}
CONFLICT_FIELD_LABELS = {
    "phone": "telefon",
    "address": "adres",
    "email": "e-mail",
    "website": "strona WWW",
}
LADDER_FIELD_LABELS = {
    "core": "Nazwa (rdzeń)",
    "name_key": "Pełna nazwa",
    "type": "Rodzaj instytucji",
    "number": "Numer w nazwie",
    "patron": "Patron",
    "place": "Miejscowość",
    "postal": "Kod pocztowy",
    "street": "Ulica i numer",
    "phone": "Telefon",
    "email": "E-mail",
    "website": "Strona WWW",
    "nip": "NIP",
    "regon": "REGON",
    "gmina": "Gmina",
    "source": "Źródło",
}
LEVEL_LABELS = {
    "null": "brak danych",
    "both_none": "brak w obu",
    "one_none": "brak w jednym",
    "exact": "identyczne",
    "same": "zgodne",
    "strong": "bardzo podobne",
    "subset": "jedno zawiera drugie",
    "medium": "podobne",
    "similar": "podobne",
    "weak": "słabo podobne",
    "different": "różne",
    "conflict": "sprzeczne",
    "not_exact": "nieidentyczne",
    "exact_rare": "identyczne, rzadka nazwa",
    "exact_common": "identyczne, częsta nazwa",
    "exact_very_common": "identyczne, bardzo częsta nazwa",
    "neighbour": "sąsiedni kod",
    "same_area": "ten sam obszar",
    "same_street": "ta sama ulica, inny numer",
    "same_local": "ten sam numer bez kierunkowego",
    "same_domain": "ta sama domena",
    "branch": "oddział tej samej jednostki",
}


def sector_label(code: str | None) -> str:
    if not code:
        return "bez sektora"
    sector = SECTOR_BY_CODE.get(code)
    return sector.label_pl if sector else code


def type_label(code: str | None) -> str:
    if not code:
        return ""
    kind = TYPE_BY_CODE.get(code)
    return kind.label_pl if kind else code


def service_label(code: str) -> str:
    service = SERVICE_BY_CODE.get(code)
    return service.label_pl if service else code


def target_group_label(code: str) -> str:
    group = TARGET_GROUP_BY_CODE.get(code)
    return group.label_pl if group else code


def ladder_field_label(code: str) -> str:
    return LADDER_FIELD_LABELS.get(code, code)


def level_label(code: str) -> str:
    return LEVEL_LABELS.get(code, code.replace("_", " "))


def conflict_field_label(code: str | None) -> str:
    return CONFLICT_FIELD_LABELS.get(code or "", code or "")


def plural(n: int, one: str, few: str, many: str) -> str:
    """Polish number agreement: 1 sprawa, 2–4 sprawy (not 12–14), 5 spraw."""
    if n == 1:
        return one
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return few
    return many
