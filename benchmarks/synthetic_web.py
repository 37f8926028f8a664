"""A synthetic national web of support institutions, built from the real TERYT, for benchmarks.

For every powiat in TERC (380: 314 land powiats and 66 cities with powiat rights) and every
gmina in it, it writes the pages the nightly run would meet, in the page styles the parsers
know, plus a source catalogue naming them:

- per powiat: the mandatory institutions on their own pages — PCPR and PSSE as BIP "Dane
  teleadresowe" pages, PPP, PUP, the district court as contact pages, the police (KPP, or KMP
  in a city) as a BIP page; a county "baza zasobów" directory table listing all of them again
  (acronyms, upper case) with every gmina's OPS and its schools; a spreadsheet of OPS and
  schools (xlsx for even TERYT codes, windows-1250 CSV for odd ones); a news article naming
  the cooperating institutions;
- per gmina: its social assistance centre (MOPS / GOPS / MGOPS, as the gmina's kind says) on a
  contact page or a BIP page.

Every institution appears on two or three sources, spelled differently, as on the real web.
Institution and place names are real (TERYT, places inflected with Morfeusz); streets, phones,
e-mails, NIP and REGON are invented but well-formed and stable for a given seed. Pages are
served from 127.0.0.1 (`serve_web`), and the catalogue's URLs use the `{web}` placeholder.

    .venv/bin/python benchmarks/synthetic_web.py --out /tmp/web [--powiats 20]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import html
import io
import json
import random
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from openpyxl import Workbook  # noqa: E402

from flows.demo import serve_directory  # noqa: E402
from transforms.morphology import analyse_word, generate  # noqa: E402

SHARED = REPO.parent / "shared"
TERC = SHARED / "data" / "teryt" / "TERC_Adresowy_2026-02-16.csv"
PNA = SHARED / "data" / "postal_codes" / "pna_2024_miejscowosci.csv"
PLACEHOLDER = "web"
NOTE = "Dane syntetyczne (benchmark wsparcie): nazwy miejsc prawdziwe, dane kontaktowe zmyślone."


@dataclass(frozen=True, slots=True)
class Gmina:
    teryt: str  # 7 digits: WOJ POW GMI RODZ (for an urban-rural gmina, RODZ 3)
    name: str
    kind: str  # urban | rural | urban_rural | district


@dataclass(frozen=True, slots=True)
class Powiat:
    teryt: str  # 4 digits
    name: str  # "skarżyski", or the city's name for a city with powiat rights
    voivodeship: str
    city: bool
    gminas: tuple[Gmina, ...]

    @property
    def seat(self) -> str:
        """The seat's name: the city itself, else the powiat's urban gmina (a good guess)."""
        if self.city:
            return self.name
        for kind in ("urban", "urban_rural"):
            for g in self.gminas:
                if g.kind == kind:
                    return g.name
        return self.gminas[0].name


@dataclass(slots=True)
class Institution:
    name: str
    acronym: str
    street: str
    postal_code: str | None
    locality: str
    gmina: str
    phone: str
    email: str
    website: str
    nip: str
    regon: str
    services: str
    audience: str


@dataclass(slots=True)
class WebSummary:
    powiats: int = 0
    gminas: int = 0
    sources: int = 0
    institutions: int = 0
    expected_records: int = 0
    by_parser: dict[str, int] = field(default_factory=dict)


# --- TERYT -----------------------------------------------------------------------------------


def read_teryt(terc: Path = TERC) -> list[Powiat]:
    """Powiats with their gminas from a TERC file (semicolon CSV, UTF-8 with BOM)."""
    with terc.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    voivodeships = {r["WOJ"]: r["NAZWA"].lower() for r in rows if not r["POW"]}
    powiat_rows = {r["WOJ"] + r["POW"]: r for r in rows if r["POW"] and not r["GMI"]}
    gminas: dict[str, dict[str, Gmina]] = {}
    kinds = {"1": "urban", "2": "rural", "4": "urban_rural", "5": "urban_rural", "8": "district"}
    for r in rows:
        if not r["GMI"] or r["RODZ"] not in kinds:
            continue
        key6 = r["WOJ"] + r["POW"] + r["GMI"]
        kind = kinds[r["RODZ"]]
        rodz = "3" if kind == "urban_rural" else r["RODZ"]
        # An urban-rural gmina is listed as its town (4) and its rural area (5): keep the town.
        existing = gminas.setdefault(r["WOJ"] + r["POW"], {}).get(key6)
        if existing is None or r["RODZ"] == "4":
            gminas[r["WOJ"] + r["POW"]][key6] = Gmina(key6 + rodz, r["NAZWA"], kind)
    powiats = []
    for code, row in sorted(powiat_rows.items()):
        units = tuple(gminas.get(code, {}).values())
        city = int(row["POW"]) >= 61
        if city and not units:
            # Kraków, Łódź, Poznań, Wrocław: the address TERC lists only their delegations
            # (RODZ 9); the city itself is one urban gmina.
            units = (Gmina(code + "011", row["NAZWA"], "urban"),)
        if not units:
            continue
        if city:
            # A city with powiat rights is one gmina (Warsaw: its districts have their own OPS).
            units = tuple(g for g in units if g.kind == "district") or units[:1]
        powiats.append(Powiat(code, row["NAZWA"], voivodeships[row["WOJ"]], city, units))
    return powiats


def read_postal_codes(pna: Path = PNA) -> dict[tuple[str, str], str]:
    """(voivodeship, locality) → the first postal code PNA gives the locality."""
    codes: dict[tuple[str, str], str] = {}
    with pna.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            codes.setdefault((row["wojewodztwo"].lower(), row["miejscowosc"]), row["kod_pocztowy"])
    return codes


# --- Polish forms ------------------------------------------------------------------------------


def _locative_word(token: str) -> str | None:
    # A place's reading first: "Radom" is also a surname whose locative is "Radom", and the
    # generator must write "w Radomiu" as the town's own pages do.
    readings = analyse_word(token)
    readings.sort(key=lambda r: "nazwa_geograficzna" not in r.qualifiers)
    for reading in readings:
        parts = reading.tag.split(":")
        if parts[0] not in ("subst", "adj") or len(parts) < 4 or "nom" not in parts[2].split("."):
            continue
        genders = set(parts[3].split("."))
        for form, tag in generate(reading.lemma):
            q = tag.split(":")
            if (
                len(q) >= 4
                and q[0] == parts[0]
                and q[1] == parts[1]
                and "loc" in q[2].split(".")
                and genders & set(q[3].split("."))
            ):
                return form[:1].upper() + form[1:] if token[:1].isupper() else form
    return None


@cache
def in_place(name: str) -> str:
    """The locative phrase: "Skarżysko-Kamienna" → "w Skarżysku-Kamiennej".

    Falls back to "w" + the nominative when Morfeusz does not know a word of the name.
    """
    words = name.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        if i and word[:1].islower():  # "Ostrów nad Wisłą": the phrase after a preposition stays
            out += words[i:]
            break
        parts = [_locative_word(p) for p in word.split("-")]
        if any(p is None for p in parts):
            return f"w {name}"
        out.append("-".join(p for p in parts if p is not None))
    text = " ".join(out)
    prefix = "we" if text[:1] in "WF" and text[1:2].lower() not in "aeiouyąęó" else "w"
    return f"{prefix} {text}"


def ascii_upper(text: str) -> str:
    table = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
    return text.translate(table).upper()


# --- invented contact data ------------------------------------------------------------------


def _nip(rng: random.Random) -> str:
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        check = sum(d * w for d, w in zip(digits, (6, 5, 7, 2, 3, 4, 5, 6, 7), strict=True)) % 11
        if check < 10:
            s = "".join(map(str, digits + [check]))
            return f"{s[:3]}-{s[3:6]}-{s[6:8]}-{s[8:]}"


def _regon(rng: random.Random) -> str:
    digits = [rng.randint(0, 9) for _ in range(8)]
    check = sum(d * w for d, w in zip(digits, (8, 9, 2, 3, 4, 5, 6, 7), strict=True)) % 11 % 10
    return "".join(map(str, digits + [check]))


def _slug(text: str) -> str:
    folded = ascii_upper(text).lower()
    return "".join(c if c.isalnum() else "-" for c in folded).strip("-")


def _institution(
    rng: random.Random,
    name: str,
    acronym: str,
    place: str,
    gmina: str,
    postal: str | None,
    services: str,
    audience: str,
) -> Institution:
    host = f"{acronym.lower()}-{_slug(place)}-{rng.randint(100, 999)}.example"
    area = rng.choice(
        ("12", "14", "15", "17", "22", "32", "41", "42", "44", "58", "61", "71", "81")
    )
    return Institution(
        name=name,
        acronym=acronym,
        street=f"ul. {rng.choice(('Szkolna', 'Kościuszki', 'Mickiewicza', 'Polna', 'Długa'))} "
        f"{rng.randint(1, 60)}",
        postal_code=postal,
        locality=place,
        gmina=gmina,
        phone=f"{area} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        email=f"sekretariat@{host}",
        website=f"https://{host}/",
        nip=_nip(rng),
        regon=_regon(rng),
        services=services,
        audience=audience,
    )


# --- pages -------------------------------------------------------------------------------------

_HEAD = '<!DOCTYPE html>\n<html lang="pl">\n<head>\n<meta charset="{charset}">\n<title>{title}</title>\n</head>\n<body>\n'


def _e(text: str | None) -> str:
    return html.escape(text or "")


def page_bip(i: Institution) -> str:
    rows = [
        ("Nazwa", _e(i.name)),
        ("NIP", _e(i.nip)),
        ("REGON", _e(i.regon)),
        ("Gmina", _e(i.gmina)),
        ("Miejscowość", _e(i.locality)),
        ("Adres", _e(i.street)),
        ("Kod pocztowy", _e(i.postal_code)),
        ("Telefon", _e(i.phone)),
        ("E-mail", f'<a href="mailto:{_e(i.email)}">{_e(i.email)}</a>'),
        ("Strona www", f'<a href="{_e(i.website)}">{_e(i.website)}</a>'),
        (
            "Informacje ogólne",
            f"<p>Godziny pracy: poniedziałek–piątek 7:30–15:30<br />Zakres działania: "
            f"{_e(i.services)}<br />Adresaci: {_e(i.audience)}</p>",
        ),
    ]
    fields_html = "\n".join(
        f'<div><span class="label">{label}:</span>{value}</div>' for label, value in rows
    )
    return (
        _HEAD.format(charset="utf-8", title=f"{_e(i.name)} - Dane")
        + f'<div id="Header"><a href="http://www.bip.gov.pl" class="LogoBip">BIP</a></div>\n'
        f'<h1 id="HeaderName">{_e(i.name)}</h1>\n<div id="Content">\n'
        '<div class="ContentHeader1"><h2>Dane teleadresowe</h2></div>\n'
        f'<div class="ContentBox1"><div class="fieldset">\n{fields_html}\n</div></div>\n'
        f"</div>\n<p>{NOTE}</p>\n</body>\n</html>\n"
    )


def page_contact(i: Institution) -> str:
    return (
        _HEAD.format(charset="utf-8", title=_e(i.name))
        + f'<header><h1 class="site-title"><a href="/">{_e(i.name)}</a></h1>\n'
        '<nav><ul><li><a href="/">Strona główna</a></li><li><a href="/kontakt">Kontakt</a></li>'
        "</ul></nav></header>\n<main><h2>Aktualności</h2>\n"
        f"<article><p>Zapraszamy do korzystania z oferty: {_e(i.services)}.</p></article>\n"
        '</main>\n<footer><div class="footer-contact">\n<h3>Dane kontaktowe</h3>\n'
        f'<p class="org"><strong>{_e(i.name)}</strong><br>\n{_e(i.street)}<br>\n'
        f"{_e(i.postal_code)} {_e(i.locality)}</p>\n"
        f"<p>tel. {_e(i.phone)}<br>\n"
        f'e-mail: <a href="mailto:{_e(i.email)}">{_e(i.email)}</a></p>\n'
        f"<p>NIP: {_e(i.nip)}<br>\nREGON: {_e(i.regon)}</p>\n"
        "<p>Godziny pracy: poniedziałek–piątek 7:30–15:30</p>\n"
        f"</div><p>{NOTE}</p></footer>\n</body>\n</html>\n"
    )


def page_directory(title: str, rows: list[tuple[str, Institution]]) -> str:
    head = (
        "<tr><th>Lp.</th><th>Nazwa placówki</th><th>Adres</th><th>Kod pocztowy</th>"
        "<th>Miejscowość</th><th>Telefon</th><th>E-mail</th><th>Zakres wsparcia</th>"
        "<th>Adresaci</th></tr>"
    )
    body = "\n".join(
        f"<tr><td>{n}.</td><td>{_e(name)}</td><td>{_e(i.street)}</td><td>{_e(i.postal_code)}</td>"
        f"<td>{_e(i.locality)}</td><td>{_e(i.phone)}</td><td>{_e(i.email)}</td>"
        f"<td>{_e(i.services)}</td><td>{_e(i.audience)}</td></tr>"
        for n, (name, i) in enumerate(rows, start=1)
    )
    return (
        _HEAD.format(charset="utf-8", title=_e(title))
        + f"<main>\n<h1>{_e(title)}</h1>\n<p>{NOTE}</p>\n"
        f'<table class="baza" border="1">\n<thead>\n{head}\n</thead>\n<tbody>\n{body}\n'
        "</tbody>\n</table>\n</main>\n</body>\n</html>\n"
    )


def page_article(title: str, seat: str, signatories: list[Institution], host: Institution) -> str:
    items = "\n".join(f"<li>{_e(i.name)},</li>" for i in signatories[:-1])
    items += f"\n<li>{_e(signatories[-1].name)}.</li>"
    return (
        _HEAD.format(charset="utf-8", title=_e(title))
        + f'<div id="content"><div class="item-page">\n<h1 class="contentheading">{_e(title)}</h1>\n'
        '<dl class="article-info"><dd class="published">Opublikowano: 15 marca 2026</dd></dl>\n'
        '<div class="article-body">\n'
        f"<p>W dniu 14 marca 2026 r. {_e(in_place(seat))} podpisano porozumienie o współpracy na "
        "rzecz wspierania rodzin przeżywających trudności opiekuńczo-wychowawcze.</p>\n"
        f"<p>Sygnatariuszami porozumienia są:</p>\n<ul>\n{items}\n</ul>\n</div></div></div>\n"
        f'<div id="footer"><p>{_e(host.name)}, {_e(host.street)}, {_e(host.postal_code)} '
        f"{_e(host.locality)}, tel. {_e(host.phone)}, e-mail: {_e(host.email)}</p>\n"
        f"<p>{NOTE}</p></div>\n</body>\n</html>\n"
    )


SHEET_HEADER = (
    "Lp.",
    "Nazwa jednostki",
    "Adres",
    "Kod",
    "Miejscowość",
    "Gmina",
    "Telefon",
    "E-mail",
    "Usługi / Oferta",
    "Adresaci",
)


def _sheet_rows(rows: list[tuple[str, Institution]]) -> list[tuple[str, ...]]:
    return [
        (
            f"{n}.",
            name,
            i.street,
            i.postal_code or "",
            i.locality,
            i.gmina,
            i.phone,
            i.email,
            i.services,
            i.audience,
        )
        for n, (name, i) in enumerate(rows, start=1)
    ]


def sheet_xlsx(title: str, section: str, rows: list[tuple[str, Institution]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Wykaz"
    sheet.append([title])
    sheet.append([NOTE])
    sheet.append(list(SHEET_HEADER))
    sheet.append([section])
    for row in _sheet_rows(rows):
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_csv(title: str, section: str, rows: list[tuple[str, Institution]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    width = len(SHEET_HEADER)
    writer.writerow([title] + [""] * (width - 1))
    writer.writerow([NOTE] + [""] * (width - 1))
    writer.writerow(SHEET_HEADER)
    writer.writerow([section] + [""] * (width - 1))
    writer.writerows(_sheet_rows(rows))
    # Offices export CSV from Excel in windows-1250: the fetcher has to work that out.
    return buffer.getvalue().encode("cp1250", errors="replace")


# --- the web -----------------------------------------------------------------------------------

SERVICES = {
    "PCPR": (
        "piecza zastępcza; interwencja kryzysowa; poradnictwo specjalistyczne",
        "dzieci i rodziny, rodziny zastępcze",
    ),
    "PPP": (
        "diagnoza psychologiczna i pedagogiczna; terapia logopedyczna; doradztwo zawodowe",
        "dzieci i młodzież, rodzice",
    ),
    "PUP": ("pośrednictwo pracy; szkolenia; doradztwo zawodowe", "osoby bezrobotne"),
    "POLICJA": ("przeciwdziałanie przemocy w rodzinie; profilaktyka", "mieszkańcy"),
    "SR": ("wydział rodzinny i nieletnich; kuratorzy rodzinni", "rodziny, nieletni"),
    "PSSE": ("profilaktyka zdrowotna; nadzór sanitarny szkół", "mieszkańcy, szkoły"),
    "OPS": (
        "praca socjalna; zasiłki; asystent rodziny; usługi opiekuńcze",
        "rodziny, osoby starsze",
    ),
    "SP": ("edukacja; pomoc psychologiczno-pedagogiczna; świetlica", "dzieci"),
}
OPS_NAMES = {
    "urban": ("Miejski Ośrodek Pomocy Społecznej", "MOPS"),
    "rural": ("Gminny Ośrodek Pomocy Społecznej", "GOPS"),
    "urban_rural": ("Miejsko-Gminny Ośrodek Pomocy Społecznej", "MGOPS"),
    "district": ("Ośrodek Pomocy Społecznej Dzielnicy", "OPS"),
}


class WebWriter:
    def __init__(self, out: Path, seed: int) -> None:
        self.out = out
        self.web = out / "web"
        self.catalogue = out / "catalogue"
        self.seed = seed
        self.summary = WebSummary()

    def write(self, path: str, content: str | bytes) -> None:
        target = self.web / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)

    def declare(
        self, powiat: Powiat, slug: str, title: str, kind: str, path: str, parser: str, count: int
    ) -> None:
        folder = self.catalogue / f"{powiat.teryt}_{_slug(powiat.name)}"
        folder.mkdir(parents=True, exist_ok=True)
        minimum = count if parser != "article" else 1
        text = (
            f"slug: {slug}\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
            f'county: "{powiat.teryt}"\nkind: {kind}\nurl: "{{{PLACEHOLDER}}}/{path}"\n'
            f"parser: {parser}\nassert:\n  min_records: {minimum}\n  max_records: {count}\n"
        )
        (folder / f"{slug}.yml").write_text(text, encoding="utf-8")
        s = self.summary
        s.sources += 1
        s.expected_records += count
        s.by_parser[parser] = s.by_parser.get(parser, 0) + 1


def write_powiat(w: WebWriter, p: Powiat, codes: dict[tuple[str, str], str]) -> None:
    rng = random.Random(f"{w.seed}:{p.teryt}")
    seat = p.seat
    at_seat = in_place(seat)
    postal = codes.get((p.voivodeship, seat))

    def make(kind: str, name: str, acronym: str) -> Institution:
        services, audience = SERVICES[kind]
        return _institution(rng, name, acronym, seat, seat, postal, services, audience)

    police = "Komenda Miejska Policji" if p.city else "Komenda Powiatowa Policji"
    mandatory = {
        "pcpr": (make("PCPR", f"Powiatowe Centrum Pomocy Rodzinie {at_seat}", "PCPR"), "bip_dane"),
        "ppp": (
            make("PPP", f"Poradnia Psychologiczno-Pedagogiczna {at_seat}", "PPP"),
            "contact_page",
        ),
        "pup": (make("PUP", f"Powiatowy Urząd Pracy {at_seat}", "PUP"), "contact_page"),
        "policja": (make("POLICJA", f"{police} {at_seat}", "KPP"), "bip_dane"),
        "sad": (make("SR", f"Sąd Rejonowy {at_seat}", "SR"), "contact_page"),
        "psse": (
            make("PSSE", f"Powiatowa Stacja Sanitarno-Epidemiologiczna {at_seat}", "PSSE"),
            "bip_dane",
        ),
    }
    for key, (inst, parser) in mandatory.items():
        path = f"{p.teryt}/{key}.html"
        w.write(path, page_bip(inst) if parser == "bip_dane" else page_contact(inst))
        kind = "institution_page"
        w.declare(p, f"{key}_{p.teryt}", inst.name, kind, path, parser, 1)
        w.summary.institutions += 1

    ops: list[Institution] = []
    schools: list[Institution] = []
    for g in p.gminas:
        name, acronym = OPS_NAMES[g.kind]
        g_postal = codes.get((p.voivodeship, g.name))
        services, audience = SERVICES["OPS"]
        full = f"{name} {g.name}" if g.kind == "district" else f"{name} {in_place(g.name)}"
        inst = _institution(rng, full, acronym, g.name, g.name, g_postal, services, audience)
        ops.append(inst)
        parser = "contact_page" if int(g.teryt[4:6]) % 2 else "bip_dane"
        path = f"{p.teryt}/ops-{g.teryt}.html"
        w.write(path, page_bip(inst) if parser == "bip_dane" else page_contact(inst))
        w.declare(p, f"ops_{g.teryt}", inst.name, "institution_page", path, parser, 1)
        services, audience = SERVICES["SP"]
        for number in range(1, 3):
            school = f"Szkoła Podstawowa nr {number} {in_place(g.name)}"
            schools.append(
                _institution(rng, school, "SP", g.name, g.name, g_postal, services, audience)
            )
    w.summary.gminas += len(p.gminas)
    w.summary.institutions += len(ops) + len(schools)

    # The county's own directory: the mandatory institutions again (some by acronym, one in
    # ASCII upper case, as county portals write them), every OPS and every school.
    listing: list[tuple[str, Institution]] = []
    for key, (inst, _parser) in mandatory.items():
        if key == "pcpr":
            listing.append((f"PCPR {seat}", inst))
        elif key == "pup":
            listing.append((ascii_upper(inst.name), inst))
        else:
            listing.append((inst.name, inst))
    listing += [(i.name, i) for i in ops] + [(i.name, i) for i in schools]
    title = f"Baza zasobów – wykaz placówek wsparcia, powiat {p.name}"
    w.write(f"{p.teryt}/baza.html", page_directory(title, listing))
    w.declare(
        p,
        f"baza_{p.teryt}",
        title,
        "directory_page",
        f"{p.teryt}/baza.html",
        "directory_table",
        len(listing),
    )

    sheet_rows = [(ascii_upper(i.name), i) for i in ops] + [(i.name, i) for i in schools]
    sheet_title = f"Wykaz jednostek pomocy społecznej i szkół – powiat {p.name}"
    section = f"Powiat {p.name}"
    if int(p.teryt) % 2 == 0:
        w.write(f"{p.teryt}/wykaz.xlsx", sheet_xlsx(sheet_title, section, sheet_rows))
        path = f"{p.teryt}/wykaz.xlsx"
    else:
        w.write(f"{p.teryt}/wykaz.csv", sheet_csv(sheet_title, section, sheet_rows))
        path = f"{p.teryt}/wykaz.csv"
    w.declare(
        p, f"wykaz_{p.teryt}", sheet_title, "spreadsheet", path, "spreadsheet", len(sheet_rows)
    )

    signatories = [inst for inst, _ in mandatory.values()][:3] + ops[:3]
    article_title = "Porozumienie o współpracy na rzecz rodzin"
    host = mandatory["pcpr"][0]
    w.write(f"{p.teryt}/porozumienie.html", page_article(article_title, seat, signatories, host))
    w.declare(
        p,
        f"artykul_{p.teryt}",
        f"{article_title} – powiat {p.name}",
        "article",
        f"{p.teryt}/porozumienie.html",
        "article",
        len(signatories) + 1,
    )
    w.summary.powiats += 1


def generate_web(
    out: Path, *, powiats: int | None = None, seed: int = 0, terc: Path = TERC, pna: Path = PNA
) -> WebSummary:
    """Write `out/web` (pages) and `out/catalogue` (one YAML per source); returns the counts.

    `powiats` limits the web to the first n powiats in TERYT order (for quick checks).
    """
    units = read_teryt(terc)
    if powiats is not None:
        units = units[:powiats]
    codes = read_postal_codes(pna)
    writer = WebWriter(out, seed)
    writer.write("robots.txt", "User-agent: *\nAllow: /\n")
    for powiat in units:
        write_powiat(writer, powiat, codes)
    digest = hashlib.sha256()
    for path in sorted(writer.web.rglob("*")):
        if path.is_file():
            digest.update(path.read_bytes())
    manifest = {**asdict(writer.summary), "sha256": digest.hexdigest(), "seed": seed}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return writer.summary


@contextmanager
def serve_web(out: Path) -> Iterator[str]:
    """Serve `out/web` on 127.0.0.1; yields the base URL for the `{web}` placeholder."""
    with serve_directory(out / "web") as url:
        yield url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--powiats", type=int, help="only the first n powiats")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    summary = generate_web(args.out, powiats=args.powiats, seed=args.seed)
    print(json.dumps(asdict(summary), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
