"""The institutions of the hard ER sets: real ones from the registries, synthetic ones placed
on the real geography the way Polish local government is organised.

Real: OPS/CUS/PCPR of małopolskie (RJPS), courts (Ministry of Justice list), sanitary stations,
DPS lists of podkarpackie and kujawsko-pomorskie and ŚDS/DPS/Senior+/UTW of małopolskie
(voivodeship offices' spreadsheets and lists), RSPO licea. Their names, addresses and phones
are kept as published. Synthetic: what every gmina and powiat has (office, OPS, library,
schools, kindergartens, fire brigades, rural housewives' circles, clubs, associations, …),
with valid NIP/REGON check digits.

The hard negatives are built in on purpose and tagged on each entity: schools and
kindergartens of one complex at one address with one phone; associations registered at the
gmina office's address; same-named associations (OSP, KGW, LKS) of the villages of one postal
code; same-named villages in neighbouring gminas; numbered siblings; a gmina's OPS next to the
town's; courts of two levels in one building; county units in the starostwo's building.
"""

from __future__ import annotations

import csv
import random
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from geography import Gmina, Locality, Powiat

AREA_CODES = {
    "małopolskie": ("12", "14", "18", "33"),
    "lubelskie": ("81", "82", "83", "84"),
    "podkarpackie": ("13", "15", "16", "17"),
    "kujawsko-pomorskie": ("52", "54", "56"),
    "mazowieckie": ("22", "23", "24", "25", "29", "48"),
}
STREETS = (
    "Szkolna", "Kościuszki", "Mickiewicza", "Jana Pawła II", "Kościelna", "Ogrodowa", "Polna",
    "Lipowa", "Sportowa", "Zielona", "Słoneczna", "Leśna", "Krakowska", "Rynek", "Parkowa",
    "3 Maja", "Długa", "Spacerowa", "Piłsudskiego", "Sienkiewicza", "Kolejowa", "Wiejska",
    "Strażacka", "Ks. Jerzego Popiełuszki", "Tadeusza Kościuszki", "Adama Mickiewicza",
    "Grunwaldzka", "Słowackiego", "Żeromskiego", "Konopnickiej", "Wojska Polskiego",
    "Partyzantów", "Targowa", "Młyńska", "11 Listopada", "Ogrodowa", "Rzeszowska",
)  # fmt: skip
PATRONS = (
    "Jana Pawła II", "Marii Konopnickiej", "Adama Mickiewicza", "Tadeusza Kościuszki",
    "Henryka Sienkiewicza", "Janusza Korczaka", "Kornela Makuszyńskiego", "Orła Białego",
    "Marii Skłodowskiej-Curie", "Stefana Żeromskiego", "Juliusza Słowackiego",
    "Bohaterów Westerplatte", "Armii Krajowej", "Jana Brzechwy", "Józefa Piłsudskiego",
    "Świętej Jadwigi Królowej", "Mikołaja Kopernika", "Władysława Jagiełły",
    "Noblistów Polskich", "Fryderyka Chopina", "Kardynała Stefana Wyszyńskiego",
    "Polskich Olimpijczyków", "Wincentego Witosa", "Tadeusza Makowskiego",
)  # fmt: skip
PROPER = (
    "Nadzieja", "Razem", "Przyjazna Dłoń", "Tęcza", "Jarzębina", "Kalina", "Orzeł", "Sokół",
    "Iskra", "Płomień", "Victoria", "Jedynka", "Pogodna Jesień", "Złota Jesień", "Zdrój",
    "Niezapominajki", "Babiniec", "Wrzos", "Szansa", "Horyzont", "Most", "Promyk", "Zorza",
    "Kresy", "Dąbrowianki", "Pod Lipami", "Sami Swoi", "Lider", "Start", "Grom",
)  # fmt: skip
SAINTS = (
    "św. Marcina", "św. Stanisława Biskupa", "Wniebowzięcia NMP", "św. Jana Chrzciciela",
    "św. Mikołaja", "Najświętszego Serca Pana Jezusa", "św. Wojciecha", "św. Józefa",
    "Matki Bożej Częstochowskiej", "św. Andrzeja Apostoła",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Name:
    """An institution's name in parts, so that sources can write it their ways."""

    type_phrase: str  # "Gminny Ośrodek Pomocy Społecznej" (nominative)
    place: str | None = None  # nominative ("Gromnik")
    place_style: str = "w"  # "w": "… w Gromniku"; "bare": "Urząd Gminy Gromnik"
    number: str | None = None  # "2": "nr 2"; with `roman`: "II Liceum…"
    roman: bool = False
    proper: str | None = None  # „Nadzieja”
    patron: str | None = None  # "Jana Pawła II"
    suffix: str | None = None  # "przy Parafii pw. św. Marcina"
    verbatim: str | None = None  # a real institution's name as its registry writes it
    rest: str | None = None  # of a verbatim name, what follows the type phrase (" w Moczarach")


@dataclass(slots=True)
class Entity:
    entity_id: str
    etype: str
    sector: str
    name: Name
    street: str | None
    house: str | None
    postal_code: str
    locality: str
    gmina: str
    teryt: str
    powiat: str
    voivodeship: str
    phone: str | None
    email: str | None
    website: str | None
    nip: str
    regon: str
    former: Name | None = None
    real_source: str = ""
    hard_negative_tags: set[str] = field(default_factory=set)
    other_phones: tuple[str, ...] = ()


def nip_number(rng: random.Random) -> str:
    weights = (6, 5, 7, 2, 3, 4, 5, 6, 7)
    while True:
        digits = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(8)]
        check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def regon_number(rng: random.Random) -> str:
    weights = (8, 9, 2, 3, 4, 5, 6, 7)
    digits = [rng.randint(0, 9) for _ in range(8)]
    check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 % 10
    return "".join(map(str, digits)) + str(check)


def regon_local(regon9: str, rng: random.Random) -> str:
    weights = (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)
    digits = [int(c) for c in regon9] + [rng.randint(0, 9) for _ in range(4)]
    check = sum(d * w for d, w in zip(digits, weights, strict=True)) % 11 % 10
    return "".join(map(str, digits)) + str(check)


def slug(text: str) -> str:
    table = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
    return re.sub(r"[^a-z0-9]+", "", text.translate(table).lower())


class Catalogue:
    """Builds the entities of one set (a seeded random generator, real data folders)."""

    def __init__(self, data: Path, rng: random.Random, prefix: str) -> None:
        self.data = data
        self.rng = rng
        self.prefix = prefix
        self.entities: list[Entity] = []
        self._rjps = self._read_rjps()

    # -- helpers ---------------------------------------------------------------------------

    def _id(self) -> str:
        return f"E{self.prefix}{len(self.entities):06d}"

    def phone(self, voivodeship: str, mobile: bool = False) -> str:
        rng = self.rng
        if mobile:
            return rng.choice("5678") + "".join(str(rng.randint(0, 9)) for _ in range(8))
        area = rng.choice(AREA_CODES[voivodeship])
        return area + str(rng.randint(2, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(6))

    def street(self, locality: Locality) -> tuple[str | None, str]:
        house = str(self.rng.randint(1, 60)) + self.rng.choice(["", "", "", "a", "b", "A"])
        if not locality.town and self.rng.random() < 0.45:
            return None, str(self.rng.randint(1, 250))  # "Zawada 123": villages without streets
        return "ul. " + self.rng.choice(STREETS), house

    def add(
        self,
        etype: str,
        sector: str,
        name: Name,
        gmina: Gmina,
        powiat: Powiat,
        locality: Locality,
        *,
        address: tuple[str | None, str] | None = None,
        postal: str | None = None,
        phone: str | None = None,
        mobile: bool = False,
        email: str | None = None,
        website: str | None = None,
        former: Name | None = None,
        tags: set[str] | None = None,
        nip: str | None = None,
    ) -> Entity:
        street, house = address or self.street(locality)
        entity = Entity(
            entity_id=self._id(),
            etype=etype,
            sector=sector,
            name=name,
            street=street,
            house=house,
            postal_code=postal or self.rng.choice(locality.postal_codes),
            locality=locality.name,
            gmina=gmina.name,
            teryt=gmina.teryt,
            powiat=powiat.name,
            voivodeship=powiat.voivodeship,
            phone=phone or self.phone(powiat.voivodeship, mobile),
            email=email,
            website=website,
            nip=nip or nip_number(self.rng),
            regon=regon_number(self.rng),
            former=former,
            hard_negative_tags=set(tags or ()),
        )
        self.entities.append(entity)
        return entity

    # -- real registries -------------------------------------------------------------------

    def _read_rjps(self) -> dict[tuple[str, str], list[dict[str, str]]]:
        rows: defaultdict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
        path = self.data / "social_assistance" / "ops_malopolskie_geo.csv"
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                rows[(row["powiat"].strip(), row["gmina"].strip())].append(row)
        return rows

    # -- a gmina ---------------------------------------------------------------------------

    def gmina(self, gmina: Gmina, powiat: Powiat) -> None:
        rng = self.rng
        seat = gmina.seat
        domain = slug(gmina.name) + rng.choice([".pl", ".pl", ".eu", ".com.pl"])
        office_kind = {
            "urban": ("Urząd Miasta", "Urząd Miejski"),
            "rural": ("Urząd Gminy", "Urząd Gminy"),
            "urban-rural": ("Urząd Miasta i Gminy", "Urząd Miejski"),
        }[gmina.kind]
        style = rng.choice(["bare", "w"])
        office_name = Name(office_kind[0] if style == "bare" else office_kind[1], seat.name, style)
        if office_name.type_phrase == "Urząd Gminy" and style == "bare":
            office_name = replace(office_name, place=gmina.name)
        office = self.add(
            "urzad",
            "local",
            office_name,
            gmina,
            powiat,
            seat,
            email=f"sekretariat@{domain}",
            website=f"https://www.{domain}",
        )
        office_address = (office.street, office.house or "1")
        self._ops(gmina, powiat, seat, domain, office)
        library = {
            "urban": "Miejska Biblioteka Publiczna",
            "rural": "Gminna Biblioteka Publiczna",
            "urban-rural": "Miejsko-Gminna Biblioteka Publiczna",
        }[gmina.kind]
        self.add(
            "biblioteka",
            "culture",
            Name(library, seat.name),
            gmina,
            powiat,
            seat,
            email=f"biblioteka@{domain}",
        )
        if rng.random() < 0.5:
            kind = {"urban": "Miejski", "rural": "Gminny", "urban-rural": "Miejsko-Gminny"}
            old = Name(f"{kind[gmina.kind]} Ośrodek Kultury", seat.name)
            if gmina.kind != "urban" and rng.random() < 0.4:
                new = "Gminne Centrum Kultury" if gmina.kind == "rural" else "Centrum Kultury"
                self.add("gok", "culture", Name(new, seat.name), gmina,
                         powiat, seat, email=f"gck@{domain}", former=old)  # fmt: skip
            else:
                self.add("gok", "culture", old, gmina, powiat, seat, email=f"gok@{domain}")
        self._schools(gmina, powiat, domain)
        self._ngos(gmina, powiat, office_address, office)

    def _ops(
        self, gmina: Gmina, powiat: Powiat, seat: Locality, domain: str, office: Entity
    ) -> None:
        rng = self.rng
        real = [r for r in self._rjps.get((powiat.name, gmina.name), []) if r["typ"] != "PCPR"]
        kind = {
            "urban": "Miejski Ośrodek Pomocy Społecznej",
            "rural": "Gminny Ośrodek Pomocy Społecznej",
            "urban-rural": "Miejsko-Gminny Ośrodek Pomocy Społecznej",
        }[gmina.kind]
        tags = {"shared_building"} if rng.random() < 0.4 else set()
        if real:
            row = real[0]
            name = row["nazwa"].strip()
            locality = next(
                (loc for loc in gmina.localities if loc.name == row["miejscowosc"]), seat
            )
            current = real_name(name, locality.name)
            former = Name(kind, locality.name) if row["typ"] == "CUS" else None
            entity = self.add(
                "cus" if row["typ"] == "CUS" else "ops",
                "social",
                current,
                gmina,
                powiat,
                locality,
                address=(row["ulica"] or None, row["numer_domu"] or "1"),
                postal=row["kod_pocztowy"] or None,
                phone=_digits(row["telefon"]) or None,
                email=row["email"] or None,
                website=row["www"] or None,
                former=former,
            )
            entity.real_source = "rjps_malopolskie"
            return
        renamed = rng.random() < 0.25
        plain = rng.random() < 0.2 and gmina.kind != "urban"
        old = Name("Ośrodek Pomocy Społecznej" if plain else kind, seat.name)
        current = Name("Centrum Usług Społecznych", seat.name) if renamed else old
        address = (office.street, office.house or "1") if tags else None
        acronym = "cus" if renamed else "ops"
        self.add(
            "cus" if renamed else "ops",
            "social",
            current,
            gmina,
            powiat,
            seat,
            address=address,
            postal=office.postal_code if tags else None,
            email=f"{acronym}@{domain}",
            website=f"https://{acronym}.{domain}" if rng.random() < 0.5 else None,
            former=old if renamed else None,
            tags=tags,
        )
        if tags:
            office.hard_negative_tags.add("shared_building")

    def _schools(self, gmina: Gmina, powiat: Powiat, domain: str) -> None:
        rng = self.rng
        seat = gmina.seat
        if gmina.seat_town is not None:
            # The town's own gmina runs the town's schools; this one only its villages'.
            self._village_schools(gmina, powiat, domain)
            return
        count = 1 if not seat.town else min(4, 1 + len(seat.postal_codes) // 2 + rng.randint(0, 1))
        patrons = rng.sample(PATRONS, k=min(len(PATRONS), count + 2))
        for i in range(count):
            number = str(i + 1) if count > 1 else None
            former = None
            if seat.town and i == count - 1 and rng.random() < 0.7:
                former = Name("Gimnazjum", seat.name, number=rng.choice([None, "1"]),
                              patron=patrons[i])  # fmt: skip
            self.add(
                "sp",
                "education",
                Name("Szkoła Podstawowa", seat.name, number=number, patron=patrons[i]),
                gmina,
                powiat,
                seat,
                email=f"sp{number or ''}@{domain}",
                former=former,
                tags={"numbered_sibling"} if number else set(),
            )
        if seat.town:
            for i in range(rng.randint(1, 2)):
                self.add("przedszkole", "education",
                         Name("Przedszkole Samorządowe", seat.name, number=str(i + 1)),
                         gmina, powiat, seat, email=f"ps{i + 1}@{domain}",
                         tags={"numbered_sibling"})  # fmt: skip
        self._village_schools(gmina, powiat, domain)

    def _village_schools(self, gmina: Gmina, powiat: Powiat, domain: str) -> None:
        rng = self.rng
        for village in gmina.villages:
            roll = rng.random()
            if roll < 0.18:
                self._complex(gmina, powiat, village, domain)
            elif roll < 0.45:
                patron = rng.choice(PATRONS) if rng.random() < 0.6 else None
                self.add("sp", "education", Name("Szkoła Podstawowa", village.name, patron=patron),
                         gmina, powiat, village, email=f"sp{slug(village.name)}@{domain}")  # fmt: skip

    def _complex(self, gmina: Gmina, powiat: Powiat, village: Locality, domain: str) -> None:
        """A school-kindergarten complex and its two units: one address, one phone, one
        e-mail box; three institutions (RSPO lists all three)."""
        rng = self.rng
        street = self.street(village)
        postal = rng.choice(village.postal_codes)
        phone = self.phone(powiat.voivodeship)
        email = f"zsp.{slug(village.name)}@{domain}"
        tags = {"shared_building", "shared_phone", "school_complex"}
        former = Name("Zespół Szkolno-Gimnazjalny", village.name) if rng.random() < 0.3 else None
        patron = rng.choice(PATRONS)
        self.add("zsp", "education", Name("Zespół Szkolno-Przedszkolny", village.name),
                 gmina, powiat, village, address=street, postal=postal, phone=phone, email=email,
                 former=former, tags=tags)  # fmt: skip
        self.add("sp", "education", Name("Szkoła Podstawowa", village.name, patron=patron),
                 gmina, powiat, village, address=street, postal=postal, phone=phone, email=email,
                 tags=tags)  # fmt: skip
        self.add("przedszkole", "education", Name("Przedszkole Samorządowe", village.name),
                 gmina, powiat, village, address=street, postal=postal, phone=phone,
                 email=email if rng.random() < 0.5 else None, tags=tags)  # fmt: skip

    def _ngos(
        self, gmina: Gmina, powiat: Powiat, office_address: tuple[str | None, str], office: Entity
    ) -> None:
        rng = self.rng
        places = list(gmina.villages)
        if gmina.seat not in places and gmina.seat_town is None:
            places.insert(0, gmina.seat)
        by_postal: defaultdict[str, int] = defaultdict(int)
        for loc in places:
            by_postal[loc.postal_codes[0]] += 1
        at_office = 0
        for loc in places:
            crowded = by_postal[loc.postal_codes[0]] > 1
            for etype, type_phrase, share in (
                ("osp", "Ochotnicza Straż Pożarna", 0.7),
                ("kgw", "Koło Gospodyń Wiejskich", 0.45),
                ("lks", "Ludowy Klub Sportowy", 0.15),
            ):
                if rng.random() >= share:
                    continue
                proper = None
                if etype == "lks" or (etype == "kgw" and rng.random() < 0.3):
                    proper = rng.choice(PROPER)
                style = "bare" if etype == "lks" and rng.random() < 0.5 else "w"
                tags = {"same_type_same_postal"} if crowded else set()
                registered_at_office = etype != "osp" and rng.random() < 0.25
                if registered_at_office:
                    tags |= {"shared_address"}
                    at_office += 1
                self.add(
                    etype,
                    "ngo",
                    Name(type_phrase, loc.name, style, proper=proper),
                    gmina,
                    powiat,
                    loc,
                    address=office_address if registered_at_office else None,
                    postal=office.postal_code if registered_at_office else loc.postal_codes[0],
                    mobile=True,
                    email=f"{etype}.{slug(loc.name)}@{rng.choice(['wp.pl', 'o2.pl', 'interia.pl', 'gmail.com'])}"
                    if rng.random() < 0.5
                    else None,
                    website=f"https://www.facebook.com/{etype}{slug(loc.name)}"
                    if rng.random() < 0.25
                    else None,
                    tags=tags,
                )
        for _ in range(rng.randint(1, 3)):
            loc = rng.choice(places)
            kind = rng.random()
            if kind < 0.35:
                name = Name(f"Stowarzyszenie Rozwoju Wsi {loc.name}", None)
            elif kind < 0.6:
                name = Name("Stowarzyszenie", loc.name, proper=rng.choice(PROPER))
            elif kind < 0.8:
                name = Name(f"Stowarzyszenie na Rzecz Rozwoju Gminy {gmina.name}", None)
            else:
                name = Name("Fundacja", loc.name, proper=rng.choice(PROPER))
            at = rng.random() < 0.4
            self.add(
                "stow" if name.type_phrase.startswith("Stow") else "fundacja",
                "ngo",
                name,
                gmina,
                powiat,
                gmina.seat if at else loc,
                address=office_address if at else None,
                postal=office.postal_code if at else None,
                mobile=True,
                tags={"shared_address"} if at else set(),
            )
            at_office += at
        if at_office:
            office.hard_negative_tags.add("shared_address")
        if rng.random() < 0.6:
            loc = rng.choice(places)
            self.add("caritas", "ngo", Name("Parafialny Zespół Caritas", loc.name,
                     suffix=f"przy Parafii pw. {rng.choice(SAINTS)}"), gmina, powiat, loc,
                     mobile=True)  # fmt: skip
        if rng.random() < 0.4:
            self.add("klub_seniora", "social", Name("Klub Seniora", gmina.seat.name,
                     proper=rng.choice(PROPER)), gmina, powiat, gmina.seat)  # fmt: skip

    # -- a powiat --------------------------------------------------------------------------

    def powiat(
        self, powiat: Powiat, courts: list[dict[str, str]], stations: list[dict[str, str]]
    ) -> None:
        rng = self.rng
        seat = powiat.seat
        gmina = next(g for g in powiat.gminas if seat in g.localities)
        domain = ("powiat" + slug(powiat.name) if not powiat.city else slug(powiat.name)) + ".pl"
        building = self.street(seat)
        postal = seat.postal_codes[0]
        shared = {"shared_building"}
        if not powiat.city:
            self.add("starostwo", "local", Name("Starostwo Powiatowe", seat.name), gmina, powiat,
                     seat, address=building, postal=postal, email=f"starostwo@{domain}",
                     tags=shared)  # fmt: skip
            real_pcpr = self._rjps_pcpr(powiat)
            if real_pcpr:
                row = real_pcpr[0]
                entity = self.add("pcpr", "social", real_name(row["nazwa"], seat.name), gmina, powiat,
                                  seat, address=(row["ulica"] or None, row["numer_domu"] or "1"),
                                  postal=row["kod_pocztowy"] or postal, phone=_digits(row["telefon"]) or None,
                                  email=row["email"] or None, website=row["www"] or None)  # fmt: skip
                entity.real_source = "rjps_malopolskie"
            else:
                self.add("pcpr", "social", Name("Powiatowe Centrum Pomocy Rodzinie", seat.name), gmina,
                         powiat, seat, address=building, postal=postal, email=f"pcpr@{domain}",
                         tags=shared)  # fmt: skip
            self.add("pzon", "social",
                     Name("Powiatowy Zespół do Spraw Orzekania o Niepełnosprawności", seat.name),
                     gmina, powiat, seat, address=building, postal=postal, tags=shared)  # fmt: skip
            self.add("kpp", "police", Name("Komenda Powiatowa Policji", seat.name), gmina, powiat,
                     seat, email=f"kpp@{slug(seat.name)}.policja.gov.pl")  # fmt: skip
            self.add("pup", "employment", Name("Powiatowy Urząd Pracy", seat.name), gmina, powiat,
                     seat, email=f"sekretariat@pup{slug(seat.name)}.pl")  # fmt: skip
        else:
            self.add("kmp", "police", Name("Komenda Miejska Policji", seat.name), gmina, powiat,
                     seat, email=f"kmp@{slug(seat.name)}.policja.gov.pl")  # fmt: skip
            self.add("pup", "employment", Name("Miejski Urząd Pracy", seat.name), gmina, powiat,
                     seat, email=f"mup@{domain}")  # fmt: skip
        clinics = 2 if powiat.city or len(seat.postal_codes) > 2 else 1
        for i in range(clinics):
            self.add("ppp", "education", Name("Poradnia Psychologiczno-Pedagogiczna", seat.name,
                     number=str(i + 1) if clinics > 1 else None), gmina, powiat, seat,
                     email=f"ppp{i + 1}@{domain}", tags={"numbered_sibling"} if clinics > 1 else set())  # fmt: skip
        self.add("sosw", "education", Name("Specjalny Ośrodek Szkolno-Wychowawczy", seat.name,
                 patron=rng.choice(PATRONS) if rng.random() < 0.5 else None), gmina, powiat, seat)  # fmt: skip
        schools = rng.randint(1, 2)
        for i in range(schools):
            number = str(i + 1) if schools > 1 else None
            former = (
                Name("Zespół Szkół Ponadgimnazjalnych", seat.name, number=number)
                if rng.random() < 0.5
                else None
            )
            self.add("zs", "education", Name("Zespół Szkół Ponadpodstawowych", seat.name, number=number,
                     patron=rng.choice(PATRONS)), gmina, powiat, seat, former=former,
                     tags={"numbered_sibling"} if number else set())  # fmt: skip
        for i in range(rng.randint(1, 3)):
            self.add("lo", "education", Name("Liceum Ogólnokształcące", seat.name, number=_roman(i + 1),
                     roman=True, patron=rng.choice(PATRONS)), gmina, powiat, seat,
                     tags={"numbered_sibling"})  # fmt: skip
        if rng.random() < 0.5:
            self.add("placowka", "social", Name("Placówka Opiekuńczo-Wychowawcza", seat.name),
                     gmina, powiat, seat, former=Name("Dom Dziecka", seat.name))  # fmt: skip
        self.add("szpital", "health", Name("Szpital Powiatowy", seat.name), gmina, powiat, seat)
        self._real_offices(powiat, gmina, seat, courts, stations)

    def _rjps_pcpr(self, powiat: Powiat) -> list[dict[str, str]]:
        return [r for rows in self._rjps.values() for r in rows
                if r["typ"] == "PCPR" and r["powiat"].strip() == powiat.name]  # fmt: skip

    def _real_offices(
        self,
        powiat: Powiat,
        gmina: Gmina,
        seat: Locality,
        courts: list[dict[str, str]],
        stations: list[dict[str, str]],
    ) -> None:
        from polish import locative

        where = locative(seat.name)
        tagged: list[Entity] = []
        for row in courts:
            title = row["title"].strip()
            if not title.endswith(" " + where) or not title.startswith(
                ("Sąd Rejonowy", "Sąd Okręgowy")
            ):
                continue
            street, postal = _split_address(row["adres"])
            kind = "sr" if title.startswith("Sąd Rejonowy") else "so"
            entity = self.add(kind, "justice", real_name(title, seat.name), gmina, powiat, seat, address=street, postal=postal or None,
                              phone=_digits(row["tel"].split(",")[0]) or None, email=row["email"] or None,
                              website=row["www"] or None)  # fmt: skip
            entity.real_source = "courts"
            tagged.append(entity)
        if len(tagged) > 1:
            for entity in tagged:
                entity.hard_negative_tags.add("court_level")
        for row in stations:
            title = row["title"].strip()
            if title == f"Powiatowa Stacja Sanitarno-Epidemiologiczna {_prep(where)} {where}":
                street, postal = _split_address(row["adres"])
                entity = self.add("psse", "health", real_name(title, seat.name), gmina, powiat, seat, address=street,
                                  postal=postal or None, phone=_digits(row["tel"].split(",")[0]) or None,
                                  email=row["email"] or None, website=row["www"] or None)  # fmt: skip
                entity.real_source = "sanepid"


# Type phrases of the real registries' names, longest first.
REAL_TYPES = (
    "Dom Pomocy Społecznej dla Dzieci i Młodzieży", "Dom Pomocy Społecznej",
    "Środowiskowy Dom Samopomocy", "Miejsko-Gminny Ośrodek Pomocy Społecznej",
    "Miejski Ośrodek Pomocy Społecznej", "Gminny Ośrodek Pomocy Społecznej",
    "Ośrodek Pomocy Społecznej", "Miejski Ośrodek Pomocy Rodzinie",
    "Gminne Centrum Usług Społecznych", "Miejskie Centrum Usług Społecznych",
    "Centrum Usług Społecznych", "Powiatowe Centrum Pomocy Rodzinie", "Sąd Rejonowy",
    "Sąd Okręgowy", "Powiatowa Stacja Sanitarno-Epidemiologiczna", "Dzienny Dom Senior+",
    "Klub Senior+", "Uniwersytet Trzeciego Wieku", "Stowarzyszenie", "Liceum Ogólnokształcące",
)  # fmt: skip


def real_name(text: str, place: str | None) -> Name:
    """A registry's name kept verbatim, split into its type phrase and the rest so that
    sources can still abbreviate, shorten or inflect the type phrase."""
    from polish import locative

    text = re.sub(r"\s+", " ", text.strip())
    roman = re.match(r"^([IVXLC]+) (?=[A-ZŁŚŻ])", text)
    if roman:  # "CXIV Liceum Ogólnokształcące im. …": the number leads
        inner = real_name(text[roman.end() :], place)
        return replace(inner, number=roman.group(1), roman=True, verbatim=text)
    type_phrase = next((t for t in REAL_TYPES if text.lower().startswith(t.lower())), None)
    if type_phrase is None:
        cut = re.search(r"\s(?:w|we|im\.|nr)\s|\s[„\"]", text)
        type_phrase = text[: cut.start()] if cut else text
    type_written = text[: len(type_phrase)]
    rest = text[len(type_phrase) :]
    in_place = bool(place) and rest.strip() in (f"w {locative(place)}", f"we {locative(place)}")
    return Name(type_written, place if in_place else None, verbatim=text, rest=rest)


def _prep(where: str) -> str:
    from polish import preposition

    return preposition(where)


def _roman(n: int) -> str:
    return ["I", "II", "III", "IV", "V", "VI"][n - 1]


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text or "")
    if digits.startswith("48") and len(digits) == 11:
        digits = digits[2:]
    return digits if len(digits) == 9 else ""


def _split_address(text: str) -> tuple[tuple[str | None, str], str]:
    """ "ul. Dąbrowskiego 27,\t33-100 Tarnów" -> (("ul. Dąbrowskiego", "27"), "33-100")."""
    text = re.sub(r"\s+", " ", text)
    postal = re.search(r"\d{2}-\d{3}", text)
    head = text.split(",")[0].strip()
    match = re.match(r"^(.*?)\s+(\d+[A-Za-z]?(?:[/-]\d+[A-Za-z]?)?)$", head)
    if match:
        return (match.group(1), match.group(2)), postal.group(0) if postal else ""
    return (head or None, "1"), postal.group(0) if postal else ""
