"""Word lists behind `extractors.mentions`: which words head a body's name, which are people's
titles, which end a sentence, how places are abbreviated.

Kept apart from the finder so that the lists can be read (and argued about) on their own.
Every list holds general Polish words — kinds of bodies, titles, abbreviations — never the name
of one institution or site.
"""

from __future__ import annotations

# Heads of institution names that the normaliser does not need (`transforms.name_morphology.HEAD_LEMMAS`
# holds those of the directory's own kinds): public bodies and organisations a page names in
# passing — "Ministerstwa Sprawiedliwości", "Europejski Trybunał Praw Człowieka",
# "Państwowa Agencja Rozwiązywania Problemów Alkoholowych", "Parafia …", "Zgromadzenie Sióstr …".
BODY_LEMMAS: tuple[str, ...] = (
    "ministerstwo",
    "trybunał",
    "agencja",
    "instytut",
    "biuro",
    "rada",
    "komisja",
    "zarząd",
    "sejm",
    "sejmik",
    "senat",
    "samorząd",
    "fundusz",
    "organizacja",
    "parafia",
    "zgromadzenie",
    "zakon",
    "diecezja",
    "archidiecezja",
    "związek",
    "archiwum",
    "muzeum",
    "teatr",
    "filharmonia",
    "pałac",
    "nadleśnictwo",
    "akademia",
    "politechnika",
    "kasa",
    "inspekcja",
    "koło",
    "bursa",
    "kolegium",
    "klinika",
    "areszt",
    "kuria",
    "sanktuarium",
    "duszpasterstwo",
    "dyrekcja",
    "oddział",
    "cech",  # a craftsmen's guild: "Cech Rzemiosł Budowlanych i Różnych"
    "bank",  # only a food bank (`ORGAN_COMPLEMENTS`): "Bank Żywności w Krakowie"
)
# Offices held by one person that act as a body: "decyzją Wojewody Mazowieckiego",
# "rozporządzenie Ministra Zdrowia", "Burmistrz Zdzieszowic", "Rzecznik Praw Dziecka". Their
# deputies ("Wicestarosta", "Zastępca Burmistrza") stay titles of people.
# A "Minister" is left out: pages name one mostly as the author of a regulation they cite.
ORGAN_LEMMAS: tuple[str, ...] = (
    "wojewoda",
    "starosta",
    "marszałek",
    "prezydent",
    "burmistrz",
    "wójt",
    "rzecznik",
    "kurator",
    "inspektor",
)
# The office of an organ: "Starosta X" and "Starostwo Powiatowe w X" on one page are one body
# (folded words its office's matching key holds).
ORGAN_OFFICES: dict[str, tuple[str, ...]] = {
    "starosta": ("starostwo",),
    "wojewoda": ("urzad wojewodzki",),
    "marszałek": ("urzad marszalkowski",),
    "burmistrz": ("urzad miasta", "urzad miejski", "urzad miasto"),
    "prezydent": ("urzad miasta", "urzad miejski", "urzad miasto"),
    "wójt": ("urzad gminy", "urzad gmina"),
}
# Organs and services whose office is an institution's own (head -> (a word of the organ's
# matching key, a part of the office's key)): on a sanitary station's own page the "Państwowy
# Powiatowy Inspektor Sanitarny w X" heads it and the "Państwowa Inspekcja Sanitarna" is the
# service it is a station of — the owner under other names, not bodies of their own.
OWNER_ORGANS: dict[str, tuple[tuple[str, str], ...]] = {
    "inspektor": (("sanitarny", "stacja sanitarno epidemiologiczny"),),
    "inspekcja": (("sanitarny", "stacja sanitarno epidemiologiczny"),),
}
# Words of an organ's level: an organ of another level than the owner's is another body.
ORGAN_LEVEL_WORDS = frozenset({"powiatowy", "wojewodzki", "glowny", "graniczny"})
# Heads that name a body only with a complement that places it or says whose it is: "Rada
# Powiatu Opolskiego", "Powiatowa Komisja Bezpieczeństwa", "Zarząd Dróg Powiatowych w X" — not
# "Rada Pedagogiczna", "Zarząd Stowarzyszenia", "Biuro Projektu", "Rada Miejska" alone.
WEAK_HEADS = frozenset({"rada", "zarząd", "komisja", "biuro", "samorząd"})
# Heads that name a body only as a national or regional one ("Światowa Organizacja Zdrowia",
# "Państwowa Agencja Rozwiązywania Problemów Alkoholowych"): "Agencja Reklamy X", "Organizacja
# Pracy", "Walne Zgromadzenie", "Kasa Zapomogowa" are not.
NATIONAL_HEADS = frozenset({"organizacja", "zgromadzenie", "związek", "kasa", "agencja"})
# Heads that name a body's arrangement as well as a body: "Organizacja Urzędu Gminy" heads the
# section of an office's page on how the office is organised (fresh n059), as "Struktura …",
# "Regulamin …" do; "Światowa Organizacja Zdrowia" is a body. Opening a phrase, right before
# another body's head in the genitive singular, such a head names a section of that body's page.
SECTION_HEADS = frozenset({"organizacja"})
# Genitive complements that say whose a weak head is: "Rada Powiatu …", "Zarząd Województwa
# …", "Rada Ministrów", "Sejm Rzeczypospolitej".
TERRITORY_NOUNS = frozenset(
    {"powiat", "gmina", "miasto", "województwo", "minister", "rzeczpospolita"}
)
# Adjectives that make a body national ("Narodowy", "Główny", "Polski", "Naczelna Rada
# Adwokacka") or regional ("Powiatowa Komisja …", "Okręgowa Rada Adwokacka", with more words
# than the adjective and the head).
NATIONAL_ADJECTIVES = frozenset(
    {
        "krajowy",
        "narodowy",
        "państwowy",
        "centralny",
        "główny",
        "naczelny",
        "najwyższy",
        "europejski",
        "światowy",
        "polski",
    }
)
# Adjectives that make an office's name a service online ("Elektroniczny Urząd Podawczy",
# "Cyfrowy Urząd", "Wirtualny Urząd"), not a body.
DIGITAL_ADJECTIVES = frozenset({"elektroniczny", "cyfrowy", "wirtualny", "internetowy"})
REGIONAL_ADJECTIVES = frozenset(
    {"powiatowy", "gminny", "miejski", "wojewódzki", "regionalny", "okręgowy"}
)
# Organs and heads that are one body only with a particular complement: a "Kurator" is an
# officer of a court unless it is the "Kurator Oświaty"; a "Bank" is a bank of an account line
# unless it is a charity's "Bank Żywności"; an "Inspektor" a person's post ("Inspektor Ochrony
# Danych") unless an adjective makes it the office ("Główny Inspektor Sanitarny").
ORGAN_COMPLEMENTS = {"kurator": frozenset({"oświata"}), "bank": frozenset({"żywność"})}
# Heads that name one body only with its place or patron: "Bank Żywności w Krakowie", "Bank
# Żywności im. Jacka Kuronia w Szczecinie"; "dla Banku Żywności" alone is any of them.
PLACED_HEADS = frozenset({"bank"})
ORGANS_WITH_ADJECTIVE = frozenset({"inspektor"})
# Heads that name a body only with an adjective before them: a "Dyrekcja" is a board of
# management ("Dyrekcja Szkoły") unless an adjective makes it the office ("Regionalna Dyrekcja
# Lasów Państwowych", "Generalna Dyrekcja Dróg Krajowych i Autostrad").
ADJECTIVE_HEADS = frozenset({"dyrekcja"})
# Heads of a body's regional unit, one body only under a region's adjective ("Podlaski
# Oddział Straży Granicznej", "Łódzki Oddział Wojewódzki Narodowego Funduszu Zdrowia",
# "Terenowy Oddział …"); not a ward ("Dzienny Oddział Psychiatryczny", "Oddział Pediatrii").
REGIONAL_UNIT_HEADS = frozenset({"oddział"})
# Adjectives of a region beyond those of `REGIONAL_ADJECTIVES` and a region's own ("-ski",
# "-cki", "-dzki": "Podlaski", "Łódzki").
UNIT_REGION_ADJECTIVES = frozenset({"terenowy", "okręgowy", "rejonowy", "regionalny"})
# A fund is a body only as a state fund ("Narodowy Fundusz Zdrowia", "Państwowy Fundusz
# Rehabilitacji Osób Niepełnosprawnych"); "Europejski Fundusz Społeczny", "Fundusz Pracy" and
# "Fundusz Alimentacyjny" are money, not an institution.
FUND_ADJECTIVES = frozenset({"narodowy", "państwowy"})
# Acronyms that stand for one national body, so that written alone they still name it
# ("dofinansowanie z PFRON", "umowa z NFZ"); an acronym of a kind ("MOPS", "DPS") alone does
# not say which one. The first three are in `transforms.acronyms`; the rest name bodies, not
# kinds of units, so that table (of kinds) does not hold them. Left out on purpose: "GIS" (as
# often a map system) and "RPO" (as often a regional EU programme).
NATIONAL_ACRONYMS: dict[str, str] = {
    "PFRON": "Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych",
    "ZUS": "Zakład Ubezpieczeń Społecznych",
    "KRUS": "Kasa Rolniczego Ubezpieczenia Społecznego",
    "NFZ": "Narodowy Fundusz Zdrowia",
    "NIK": "Najwyższa Izba Kontroli",
    "CKE": "Centralna Komisja Egzaminacyjna",
    "KGP": "Komenda Główna Policji",
    "RPD": "Rzecznik Praw Dziecka",
    "ORE": "Ośrodek Rozwoju Edukacji",
    "PARPA": "Państwowa Agencja Rozwiązywania Problemów Alkoholowych",
    "ETPC": "Europejski Trybunał Praw Człowieka",
    "ETPCz": "Europejski Trybunał Praw Człowieka",
    "NSA": "Naczelny Sąd Administracyjny",
    "WHO": "Światowa Organizacja Zdrowia",
    "GUS": "Główny Urząd Statystyczny",
    "PIP": "Państwowa Inspekcja Pracy",
    "UODO": "Urząd Ochrony Danych Osobowych",
    "UOKiK": "Urząd Ochrony Konkurencji i Konsumentów",
    "MEN": "Ministerstwo Edukacji Narodowej",
    "MRiPS": "Ministerstwo Rodziny i Polityki Społecznej",
    "MRPiPS": "Ministerstwo Rodziny, Pracy i Polityki Społecznej",
    "ARiMR": "Agencja Restrukturyzacji i Modernizacji Rolnictwa",
    "IPN": "Instytut Pamięci Narodowej",
    "UNICEF": "Fundusz Narodów Zjednoczonych na rzecz Dzieci",
}
# Lemmas that make a "Zespół"/"Centrum" a project structure, not a standing institution.
PROJECT_WORDS = frozenset(
    {
        "koordynacja",
        "kooperacja",
        "kooperacyjny",
        "partnerski",
        "projektowy",
        "projekt",
        "roboczy",
        "sterujacy",
        "sterowac",
        "zadaniowy",
        "koordynujacy",
        "koordynowac",
        "model",
        "monitorujacy",
        "monitorowac",
    }
)
# Heads that are plural by form in real names, with the complement that makes them one body
# ("Warsztaty Terapii Zajęciowej", "Ochotnicze Hufce Pracy"; not "Warsztaty Plastyczne", a
# class a home runs).
PLURAL_NAME_HEADS: dict[str, str] = {"warsztat": "terapia", "hufiec": "praca"}
# Heads of a group that meets inside an institution ("Klub Literacko-Redakcyjny", "Dyskusyjny
# Klub Książki", "Koło Plastyczne", "Sekcja Szachowa") or of a service point it runs ("Punkt
# Informacyjny", "Punkt Zgłoszeniowo-Koordynacyjny"): one body only when placed, numbered,
# quoted, named after a patron or by a name of its own ("Klub Sportowy Zieloni", "Punkt KRK").
ACTIVITY_HEADS = frozenset({"klub", "koło", "sekcja", "punkt"})
# Heads of a team an office sets up inside itself when "ds." follows them straight away
# ("Zespół ds. Obronnych", "Zespół ds. Osób Bezdomnych"); "Powiatowy Zespół do Spraw
# Orzekania o Niepełnosprawności" and a placed team are bodies.
INTERNAL_TEAM_HEADS = frozenset({"zespół"})
# Titles of people: never part of an institution's name (folded lemmas).
PERSON_TITLES = frozenset(
    {
        "dyrektor",
        "dyrektorka",
        "prezes",
        "prezeska",
        "kierownik",
        "kierowniczka",
        "starosta",
        "wicestarosta",
        "burmistrz",
        "wiceburmistrz",
        "wojt",
        "wicewojt",
        "prezydent",
        "wiceprezydent",
        "koordynator",
        "koordynatorka",
        "przewodniczacy",
        "przewodniczaca",
        "pan",
        "pani",
        "radny",
        "radna",
        "sekretarz",
        "skarbnik",
        "zastepca",
        "komendant",
        "kurator",
        "prokurator",
        "sedzia",
        "animator",
        "animatorka",
        "asystent",
        "marszalek",
        "wojewoda",
    }
)
PATRON_ABBREVIATIONS = frozenset(
    {"ks", "św", "bł", "gen", "kard", "abp", "bp", "o", "prof", "dr", "mjr", "płk", "por", "kpt"}
)
# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    {
        "im",
        "ds",
        "nr",
        "ks",
        "św",
        "bł",
        "ul",
        "al",
        "pl",
        "os",
        "tel",
        "in",
        "br",
        "r",
        "ok",
        "godz",
        "dr",
        "mgr",
        "prof",
        "inż",
        "hab",
        "tj",
        "np",
        "itp",
        "ww",
        "tzw",
        "pn",
        "zob",
        "sp",
        "o",
        "gen",
        "płk",
        "kpt",
        "ppor",
        "por",
        "mjr",
        "kard",
        "abp",
        "bp",
        "wlkp",
        "maz",
        "gd",
        "śl",
        "tryb",
        "kuj",
        "lub",
        "pom",
        "dolny",
    }
)
# Second words of place names that pages abbreviate ("w Ostrowcu Św.", "w Gorzowie Wlkp."):
# the adjective they stand for, whose locative the mention is written back with.
PLACE_ABBREVIATIONS: dict[str, str] = {
    "św": "świętokrzyski",
    "wlkp": "wielkopolski",
    "wielkop": "wielkopolski",
    "maz": "mazowiecki",
    "mazow": "mazowiecki",
    "gd": "gdański",
    "śl": "śląski",
    "tryb": "trybunalski",
    "kuj": "kujawski",
    "lub": "lubelski",
    "pom": "pomorski",
}
# Lower-case words that may join the parts of one name when a capitalised word follows:
# "Stowarzyszenie na rzecz Osób z Niepełnosprawnością", "Zespół do Spraw Orzekania o
# Niepełnosprawności", "Punkt Informacji dla Osób Uzależnionych od Alkoholu oraz Przemocy".
NAME_JOINERS = frozenset({"z", "ze", "o", "od", "oraz", "przeciw", "wobec"})
# Words that never belong to an institution's name: what a site puts around it ("Urząd Gminy X
# Biuletyn Informacji Publicznej", "Nowy Szpital Menu", "… w Warcie Powrót Generuj PDF").
SITE_WORDS = frozenset(
    {
        "biuletyn",
        "menu",
        "strona",
        "portal",
        "serwis",
        "bip",
        "wersja",
        "kontakt",
        "mapa",
        "drukowac",
        "pdf",
        "powrot",
        "generowac",
        "wiecej",
        "czytac",
        "zobaczyc",
        "szukac",
        "rejestracja",
        "aktualnosc",
        "ogloszenie",
        "galeria",
        "start",
        "home",
        "logowanie",
        "zalogowac",
        "przyjac",
    }
)
# Legal acts a body passes, as the matching key folds them: written after a body's name they
# end it ("Rada Powiatu Konińskiego Uchwałą Nr XXIII/186/2012 …", "Zarząd Powiatu Wyszkowskiego
# Uchwałą Nr …"), the act and its number are no words of the name.
ACT_WORDS = frozenset(
    {"uchwala", "zarzadzenie", "rozporzadzenie", "postanowienie", "obwieszczenie", "decyzja"}
)
# Words of kinds of units beyond `transforms.name_morphology.institution_vocabulary()`: a name made only
# of such words and a head ("Dzienny Dom Pomocy", "Zakład Karny", "Świetlica Terapeutyczna")
# says what kind of unit it is, not which one.
KIND_WORDS = frozenset(
    {
        "adopcyjny",
        "psychoterapeutyczny",
        "terapeutyczny",
        "integracyjny",
        "dzieciecy",
        "diagnostyczny",
        "konsultacyjny",
        "resocjalizacyjny",
        "socjoterapeutyczny",
        "karny",
        "poprawczy",
        "pobyt",
        "aktywizacja",
        "wczesny",
        "wspomaganie",
        "rozwoj",
        "psychiatryczny",
        "poradnictwo",
        "rodzic",
        "wychowawca",
        "uczen",
        "obywatel",
        "stan",
        "cywilny",
        "pracownia",
        "oddzial",
        "mlodziezowy",
        "dziennego",
        "podstawowa",
        "ponadpodstawowy",
        "branzowy",
        "stopien",
        "specjalistyczny",
        "przysposabiajacy",
        "opiekunczo",
        "terapeutyczno",
        "profilaktyczno",
        "rehabilitacyjno",
        "edukacyjny",
        "kulturalny",
        "medyczny",
        "lekarski",
        "ambulatoryjny",
        "leczenie",
        "uzalezniony",
        "alkoholowy",
        "problem",
        "rozwiazywanie",
        "obsluga",
        "klient",
        "interesant",
        "zgloszeniowo",
        "koordynacyjny",
        "opiniodawczy",
        "specjalista",
        "przysposabiac",
        "zarzadzanie",
    }
)
