"""Acronyms of Polish support-service institutions, as documented data.

Every entry pairs the acronym as institutions write it with the full type phrase in the
nominative ("MOPS" -> "Miejski Ośrodek Pomocy Społecznej"). `transforms.names` expands an
acronym into its full form before building a matching key, and recognises the full form to
report the acronym back, so "MOPS w Skarżysku-Kamiennej" and "Miejskiego Ośrodka Pomocy
Społecznej w Skarżysku-Kamiennej" meet on one key.

Sources of the list: the Act on social assistance (ustawa o pomocy społecznej: OPS, PCPR,
DPS, ŚDS, OIK, CIS/KIS), the Act on the education system (PPP, SOSW, MOS, MOW, CKZiU), the
Act on employment promotion (PUP, MUP, OHP), the police and court structure (KPP, KMP, KWP,
SR, SO, ZKSS, OZSS and the former RODK) and the State Sanitary Inspection (PSSE, WSSE), plus forms
seen on BIP pages. Round 4 of issue #12 added units that pages name only by their acronym: the
crisis and disability bodies (POIK, MZON/WZON beside PZON, DDPS, the municipal alcohol
commissions GKRPA/MKRPA), special education (OREW, ZSS), adult education (CKU, CKZ), care
homes of the health service (ZOL, ZPO) and national NGOs with local branches (TPD, PKPS,
PSONI).

Also NGO, library, sports-club and health acronyms common in local listings (KGW, GBP, MBP,
LKS, UKS, GOZ, PZON). Where one acronym has two readings in use the table keeps the one common
in social-assistance and education lists and says so in `note`; where neither dominates
("PPPP") the other readings are in `also` and `shared_full` gives what they have in common (e.g. "ZSP" is far more often
"Zespół Szkolno-Przedszkolny" than "Zespół Szkół Ponadgimnazjalnych"; "SP" alone is
"Szkoła Podstawowa", while "SP ZOZ" is a legal form of health units).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from transforms.text import fold

# Public units whose name is "<full form> w <seat>" ("KPP" -> "Komenda Powiatowa Policji w
# Żaganiu"): the mention reader keeps the town written after such an acronym ("KPP Żagań"), and
# `transforms.acronym_expansion` writes the name out with the town or the address's seat.
SEATED = frozenset(
    {
        "MOPS", "MGOPS", "GOPS", "OPS", "MOPR", "CUS", "GCUS", "MCUS", "PCPR", "MCPR", "DPS",
        "ŚDS", "OIK", "PPP", "MPPP", "SOSW", "MOS", "MOW", "PUP", "MUP", "KPP", "KMP", "SR",
        "SO", "PSSE", "WSSE",
    }
)  # fmt: skip


# Acronyms read otherwise before a number ("PSP nr 19 w Kędzierzynie-Koźlu"): the fire service
# numbers no unit so, a public primary school does.
NUMBERED = MappingProxyType({"PSP": "Publiczna Szkoła Podstawowa"})


@dataclass(frozen=True, slots=True)
class Acronym:
    """One acronym: `short` as written by institutions, `full` in the nominative."""

    short: str
    full: str
    sector: (
        str  # social | education | employment | police | justice | health | ngo | local | culture
    )
    note: str = ""
    # Other full forms in use for the same letters ("PPPP": Powiatowa or Publiczna Poradnia…).
    # `full` stays the reading reported back for a full name; a matcher must not assume it
    # (see `shared_full`).
    also: tuple[str, ...] = ()


ACRONYMS: tuple[Acronym, ...] = (
    # Social assistance and family support.
    Acronym("MOPS", "Miejski Ośrodek Pomocy Społecznej", "social"),
    Acronym("MGOPS", "Miejsko-Gminny Ośrodek Pomocy Społecznej", "social"),
    Acronym("GOPS", "Gminny Ośrodek Pomocy Społecznej", "social"),
    Acronym("OPS", "Ośrodek Pomocy Społecznej", "social"),
    Acronym("MOPR", "Miejski Ośrodek Pomocy Rodzinie", "social"),
    Acronym("GOPR", "Gminny Ośrodek Pomocy Rodzinie", "social", "rare; also a mountain rescue"),
    Acronym("CUS", "Centrum Usług Społecznych", "social"),
    Acronym("GCUS", "Gminne Centrum Usług Społecznych", "social"),
    Acronym("MCUS", "Miejskie Centrum Usług Społecznych", "social"),
    Acronym("PCPR", "Powiatowe Centrum Pomocy Rodzinie", "social"),
    Acronym("MCPR", "Miejskie Centrum Pomocy Rodzinie", "social"),
    Acronym("ROPS", "Regionalny Ośrodek Polityki Społecznej", "social"),
    Acronym("DPS", "Dom Pomocy Społecznej", "social"),
    Acronym("ŚDS", "Środowiskowy Dom Samopomocy", "social"),
    Acronym("OIK", "Ośrodek Interwencji Kryzysowej", "social"),
    Acronym("PIK", "Punkt Interwencji Kryzysowej", "social"),
    Acronym("POIK", "Powiatowy Ośrodek Interwencji Kryzysowej", "social"),
    Acronym(
        "SOW", "Specjalistyczny Ośrodek Wsparcia", "social", "for victims of domestic violence"
    ),
    Acronym("WTZ", "Warsztat Terapii Zajęciowej", "social"),
    Acronym("ZAZ", "Zakład Aktywności Zawodowej", "social"),
    Acronym("CIS", "Centrum Integracji Społecznej", "social"),
    Acronym("KIS", "Klub Integracji Społecznej", "social"),
    Acronym("DDP", "Dzienny Dom Pomocy", "social"),
    Acronym("DDPS", "Dzienny Dom Pomocy Społecznej", "social"),
    Acronym(
        "GKRPA",
        "Gminna Komisja Rozwiązywania Problemów Alkoholowych",
        "social",
        "the Act on upbringing in sobriety (ustawa o wychowaniu w trzeźwości)",
    ),
    Acronym("MKRPA", "Miejska Komisja Rozwiązywania Problemów Alkoholowych", "social"),
    Acronym("PCK", "Polski Czerwony Krzyż", "ngo"),
    Acronym("UTW", "Uniwersytet Trzeciego Wieku", "ngo"),
    Acronym("KGW", "Koło Gospodyń Wiejskich", "ngo"),
    Acronym("PZON", "Powiatowy Zespół do Spraw Orzekania o Niepełnosprawności", "social"),
    Acronym("MZON", "Miejski Zespół do Spraw Orzekania o Niepełnosprawności", "social"),
    Acronym("WZON", "Wojewódzki Zespół do Spraw Orzekania o Niepełnosprawności", "social"),
    Acronym("TPD", "Towarzystwo Przyjaciół Dzieci", "ngo"),
    Acronym("PKPS", "Polski Komitet Pomocy Społecznej", "ngo"),
    Acronym(
        "PSONI",
        "Polskie Stowarzyszenie na rzecz Osób z Niepełnosprawnością Intelektualną",
        "ngo",
        "formerly PSOUU; runs most OREW and WTZ units",
    ),
    # Education.
    Acronym("PPP", "Poradnia Psychologiczno-Pedagogiczna", "education"),
    Acronym(
        "PPPP",
        "Powiatowa Poradnia Psychologiczno-Pedagogiczna",
        "education",
        "ambiguous: the first P is Powiatowa (county) or Publiczna (public)",
        also=("Publiczna Poradnia Psychologiczno-Pedagogiczna",),
    ),
    Acronym("MPPP", "Miejska Poradnia Psychologiczno-Pedagogiczna", "education"),
    Acronym("SOSW", "Specjalny Ośrodek Szkolno-Wychowawczy", "education"),
    Acronym("MOS", "Młodzieżowy Ośrodek Socjoterapii", "education"),
    Acronym("MOW", "Młodzieżowy Ośrodek Wychowawczy", "education"),
    Acronym(
        "OREW",
        "Ośrodek Rehabilitacyjno-Edukacyjno-Wychowawczy",
        "education",
        "the education law's rehabilitation centres for children with intellectual disability",
    ),
    Acronym(
        "ZSS",
        "Zespół Szkół Specjalnych",
        "education",
        "ambiguous: also Zespół Szkół Sportowych",
        also=("Zespół Szkół Sportowych",),
    ),
    Acronym("CKU", "Centrum Kształcenia Ustawicznego", "education"),
    Acronym("CKZ", "Centrum Kształcenia Zawodowego", "education"),
    Acronym(
        "ZSP",
        "Zespół Szkolno-Przedszkolny",
        "education",
        "also used for Zespół Szkół Ponadgimnazjalnych/Ponadpodstawowych; the type table wins",
    ),
    Acronym("ZS", "Zespół Szkół", "education"),
    Acronym(
        "ZSG", "Zespół Szkolno-Gimnazjalny", "education", "before the 2017 reform; see former_names"
    ),
    Acronym("PS", "Przedszkole Samorządowe", "education", "with a number: 'PS nr 5'"),
    Acronym("PP", "Przedszkole Publiczne", "education", "with a number: 'PP nr 3'"),
    Acronym("ZSZ", "Zespół Szkół Zawodowych", "education"),
    Acronym("ZSO", "Zespół Szkół Ogólnokształcących", "education"),
    Acronym("SP", "Szkoła Podstawowa", "education", "alone or with a number; not 'SP ZOZ'"),
    Acronym("LO", "Liceum Ogólnokształcące", "education"),
    Acronym("CKZiU", "Centrum Kształcenia Zawodowego i Ustawicznego", "education"),
    Acronym("MDK", "Młodzieżowy Dom Kultury", "culture"),
    # Employment.
    Acronym("PUP", "Powiatowy Urząd Pracy", "employment"),
    Acronym("MUP", "Miejski Urząd Pracy", "employment"),
    Acronym("WUP", "Wojewódzki Urząd Pracy", "employment"),
    Acronym("OHP", "Ochotnicze Hufce Pracy", "employment"),
    # Police, fire service.
    Acronym("KPP", "Komenda Powiatowa Policji", "police"),
    Acronym("KMP", "Komenda Miejska Policji", "police"),
    Acronym("KWP", "Komenda Wojewódzka Policji", "police"),
    Acronym("KP PSP", "Komenda Powiatowa Państwowej Straży Pożarnej", "police"),
    Acronym("PSP", "Państwowa Straż Pożarna", "police"),
    Acronym("OSP", "Ochotnicza Straż Pożarna", "police"),
    # Justice.
    Acronym("SR", "Sąd Rejonowy", "justice"),
    Acronym("SO", "Sąd Okręgowy", "justice"),
    Acronym("ZKSS", "Zespół Kuratorskiej Służby Sądowej", "justice"),
    Acronym(
        "OZSS",
        "Opiniodawczy Zespół Sądowych Specjalistów",
        "justice",
        "since 2016; formerly RODK",
    ),
    Acronym("RODK", "Rodzinny Ośrodek Diagnostyczno-Konsultacyjny", "justice", "until 2016"),
    # Health.
    Acronym("PSSE", "Powiatowa Stacja Sanitarno-Epidemiologiczna", "health"),
    Acronym("WSSE", "Wojewódzka Stacja Sanitarno-Epidemiologiczna", "health"),
    Acronym("SP ZOZ", "Samodzielny Publiczny Zakład Opieki Zdrowotnej", "health", "a legal form"),
    Acronym("NZOZ", "Niepubliczny Zakład Opieki Zdrowotnej", "health"),
    Acronym("ZOZ", "Zakład Opieki Zdrowotnej", "health"),
    Acronym("CZP", "Centrum Zdrowia Psychicznego", "health"),
    Acronym("GOZ", "Gminny Ośrodek Zdrowia", "health"),
    Acronym("ZOL", "Zakład Opiekuńczo-Leczniczy", "health"),
    Acronym("ZPO", "Zakład Pielęgnacyjno-Opiekuńczy", "health"),
    # Local government offices (the offices, not the territorial units).
    Acronym("UG", "Urząd Gminy", "local"),
    Acronym("UM", "Urząd Miasta", "local", "also 'Urząd Miejski' and 'Urząd Marszałkowski'"),
    Acronym("UMiG", "Urząd Miasta i Gminy", "local"),
    Acronym("MGOK", "Miejsko-Gminny Ośrodek Kultury", "culture"),
    Acronym("GOK", "Gminny Ośrodek Kultury", "culture"),
    Acronym("MOK", "Miejski Ośrodek Kultury", "culture"),
    Acronym("WDK", "Wiejski Dom Kultury", "culture"),
    Acronym("GDK", "Gminny Dom Kultury", "culture"),
    Acronym("MOSiR", "Miejski Ośrodek Sportu i Rekreacji", "culture"),
    Acronym("OSiR", "Ośrodek Sportu i Rekreacji", "culture"),
    Acronym("GBP", "Gminna Biblioteka Publiczna", "culture"),
    Acronym("MBP", "Miejska Biblioteka Publiczna", "culture"),
    Acronym("MGBP", "Miejsko-Gminna Biblioteka Publiczna", "culture"),
    Acronym("LKS", "Ludowy Klub Sportowy", "culture"),
    Acronym("UKS", "Uczniowski Klub Sportowy", "culture"),
    # National bodies with local branches.
    Acronym("ZUS", "Zakład Ubezpieczeń Społecznych", "social"),
    Acronym("KRUS", "Kasa Rolniczego Ubezpieczenia Społecznego", "social"),
    Acronym("PFRON", "Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych", "social"),
    Acronym("OIP", "Okręgowy Inspektorat Pracy", "employment"),
)
"""The table; `by_short` keys it by `acronym_token_key(short)`."""


@lru_cache(maxsize=100_000)
def acronym_token_key(text: str) -> str:
    """How an acronym is looked up: folded, upper-case, spaces and dots removed ("Sp. ZOZ" ->
    "SPZOZ"), so "SP ZOZ", "SPZOZ" and "SP-ZOZ" meet."""
    return "".join(ch for ch in fold(text).upper() if ch.isalnum())


@lru_cache(maxsize=1)
def by_short() -> Mapping[str, Acronym]:
    """Acronym rows by `acronym_token_key(short)` (read-only, built once)."""
    table: dict[str, Acronym] = {}
    for row in ACRONYMS:
        if table.setdefault(acronym_token_key(row.short), row) is not row:
            raise ValueError(f"acronyms: {row.short!r} is in the table twice")
    return MappingProxyType(table)


@lru_cache(maxsize=1)
def _misspellings() -> Mapping[str, tuple[Acronym, ...]]:
    """Acronyms of three letters or more with one letter dropped or two neighbours swapped
    ("MGOPS" -> "MGPS", "ZSP" -> "ZPS", "OSP" -> "SOP"), keyed like `by_short`; a spelling
    that is itself an acronym of the table is not a misspelling."""
    found: dict[str, list[Acronym]] = {}
    known = by_short()
    for key, row in known.items():
        if len(key) < 3:
            continue
        variants = {key[:i] + key[i + 1 :] for i in range(len(key))} if len(key) > 3 else set()
        variants |= {
            key[:i] + key[i + 1] + key[i] + key[i + 2 :]
            for i in range(len(key) - 1)
            if key[i] != key[i + 1]
        }
        for variant in variants:
            if variant not in known and len(variant) >= 3:
                found.setdefault(variant, []).append(row)
    return MappingProxyType({k: tuple(v) for k, v in found.items()})


def misspelt(token: str) -> tuple[Acronym, ...]:
    """The acronyms a token not in the table is one slip away from (a letter dropped or two
    neighbours swapped): ("MGPS") -> (MGOPS,), ("KWG") -> (KGW,); () for none."""
    return _misspellings().get(acronym_token_key(token), ())


def shared_words(rows: tuple[Acronym, ...]) -> str:
    """The words the full forms of several acronyms share, in the order of the first: what a
    misspelt acronym surely means ("MGPS": only MGOPS; a token two acronyms could be gives
    their common words, or "" when they have none)."""
    if not rows:
        return ""
    first = shared_full(rows[0])
    others = [set(fold(shared_full(row)).lower().split()) for row in rows[1:]]
    return " ".join(w for w in first.split() if all(fold(w).lower() in o for o in others))


def shared_full(row: Acronym) -> str:
    """The words every reading of the acronym shares, in the order of `full`: the full form
    itself for most rows, "Poradnia Psychologiczno-Pedagogiczna" for the ambiguous "PPPP".
    A matcher expands to this, so "PPPP w Olsztynie" is a subset of both "Publiczna…" and
    "Powiatowa Poradnia…" rather than the same as one and different from the other."""
    if not row.also:
        return row.full
    others = [set(fold(reading).lower().split()) for reading in row.also]
    return " ".join(
        word for word in row.full.split() if all(fold(word).lower() in o for o in others)
    )
