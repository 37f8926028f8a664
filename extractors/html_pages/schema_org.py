"""schema.org data about a page's owner: JSON-LD `<script>`s and microdata `itemscope`s.

The first `Organization`-like node (a government office, school, hospital, library, NGO, …)
with a name gives the owner's name, address, phones, e-mails and website as the page wrote
them. `SchemaOrg()` (all empty) stands for a page without any.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Tag

from extractors.contacts import find_address
from extractors.html_pages.dom import attr_text
from transforms.text import normalise_space

_ORG_TYPES = re.compile(
    r"(?i)organization|organisation|governmentoffice|localbusiness|school|hospital|library|"
    r"medical|ngo|corporation|clinic|police|courthouse|cityhall|educational|preschool|"
    r"publicservice|civicstructure|place"
)


@dataclass(frozen=True, slots=True)
class SchemaOrg:
    """What schema.org data says about the page's owner, as written (all None: nothing)."""

    name: str | None = None
    street: str | None = None
    postal: str | None = None
    locality: str | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _json_ld_nodes(soup: BeautifulSoup) -> Iterator[dict[str, Any]]:
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(_as_list(item["@graph"]))
                yield item


def schema_from_json_ld(soup: BeautifulSoup) -> SchemaOrg | None:
    """The first organisation with a name in the page's JSON-LD, or None."""
    for node in _json_ld_nodes(soup):
        types = " ".join(str(t) for t in _as_list(node.get("@type", "")))
        if not _ORG_TYPES.search(types) or not isinstance(node.get("name"), str):
            continue
        address = node.get("address")
        address = address[0] if isinstance(address, list) and address else address
        street = postal = locality = None
        if isinstance(address, dict):
            street = address.get("streetAddress")
            postal = address.get("postalCode")
            locality = address.get("addressLocality")
        elif isinstance(address, str):
            found = find_address(address)
            if found is not None:
                street, postal, locality = found
        return SchemaOrg(
            name=node["name"],
            street=str(street) if street else None,
            postal=str(postal) if postal else None,
            locality=str(locality) if locality else None,
            phones=tuple(str(p) for p in _as_list(node.get("telephone")) if p),
            emails=tuple(str(e) for e in _as_list(node.get("email")) if e),
            websites=tuple(str(u) for u in _as_list(node.get("url")) if u),
        )
    return None


def schema_from_microdata(soup: BeautifulSoup) -> SchemaOrg | None:
    """The first organisation `itemscope` with a name in the page's microdata, or None."""
    for scope in soup.find_all(True, attrs={"itemscope": True, "itemtype": True}):
        if not _ORG_TYPES.search(attr_text(scope, "itemtype")):
            continue

        def prop(name: str, scope: Tag = scope) -> list[str]:
            values = []
            for tag in scope.find_all(True, attrs={"itemprop": name}):
                value = attr_text(tag, "content") or attr_text(tag, "href")
                values.append(normalise_space(value or tag.get_text(" ")))
            return [value for value in values if value]

        names = prop("name")
        if not names:
            continue
        return SchemaOrg(
            name=names[0],
            street=next(iter(prop("streetAddress")), None),
            postal=next(iter(prop("postalCode")), None),
            locality=next(iter(prop("addressLocality")), None),
            phones=tuple(prop("telephone")),
            emails=tuple(prop("email")),
            websites=tuple(prop("url")),
        )
    return None
