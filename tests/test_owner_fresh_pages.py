"""The page's own institution on pages never seen (issue 12, round 9).

Three kinds of evidence the owner rules did not read, each from a tune document of the web
corpus (`benchmarks/web_corpus`, the id in the case id), quoted as `wsparcie extract` reads a
plain page or a saved text file:

- an acronym before its place is the body written short ("PP-P w Ciechanowie", d003): it is
  written out and the page's "do Poradni", "Poradnia przyjmuje" refer to it;
- "tut. Sądu" calls the body by its head noun after "tutejszy" (d033, a court's customer
  office's page): once is enough;
- a name without its place takes the place the page gives its head noun alone ("Świetlica w
  Górze Kalwarii otwarta …" under "Świetlica Środowiskowa, ul. Ks. Sajny 4", d048);
- of two readings of one name, the one the page writes as it is ("Poradnia
  Psychologiczno-Pedagogiczna w Niemodlinie", not "… Psychologiczno–Pedagogiczną …" read from
  "przekształcona w Poradnię …", e003);
- a sentence that says where the body is ("… mieści się przy ul. Starzyńskiego 3-4", d031)
  puts the body forward as a contact line does; a news item says it of any body (d029);
- a host that writes a short place in the nominative ("ops-nysa.pl" for the "Ośrodek Pomocy
  Społecznej w Nysie", d017), which the inflected name's stem ("nysi") is no part of;
- "powiat" or "gmin" in a host names the local government ("powiattorunski.pl", a033), not
  every "Powiatowy …" body its portal's news writes about (d019);
- a mailbox on a domain that spells the body ("kuratorzy.karni@zgierz.sr.gov.pl", b050) says
  whose the page is where its address does not (a saved file, a neutral host); a free
  mailbox provider names no one.
"""

from __future__ import annotations

import pytest

from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import page_text_of_plain
from extractors.html_pages.site_host import host_agreement

D003 = (
    "Kogo można zgłosić do Poradni?\n\n"
    "Dzieci (od urodzenia) oraz młodzież do ukończenia szkoły ponadpodstawowej.\n\n"
    "Kto może zgłosić dziecko lub młodzież do Poradni?\n\n"
    "Rodzic lub opiekun prawny, a w przypadku pełnoletniego ucznia zgłoszenia dokonuje "
    "samodzielnie zainteresowany.\n\n"
    "Czy potrzebne jest skierowanie do PP-P w Ciechanowie?\n\n"
    "Nie jest potrzebne żadne skierowanie.\n\n"
    "Poradnia przyjmuje dzieci i młodzież na wniosek rodzica lub pełnoletniego ucznia, bez "
    "skierowania.\n\n"
    "Czy do Poradni można zgłosić się telefonicznie?\n\n"
    "Nie."
)
D031 = (
    "Adopcja\n\n"
    "Jest to jedna z najlepszych form zastąpienia dziecku osieroconemu rodziny "
    "biologicznej.\n\n"
    "W Polsce nad przebiegiem procesu adopcji czuwają ośrodki adopcyjne.\n\n"
    "Publiczny Ośrodek Adopcyjny w Koszalinie oddział Szczecinie mieści się przy ul. "
    "Starzyńskiego 3-4 i zatrudnia wykwalifikowaną kadrę pedagogiczno – psychologiczną.\n\n"
    "Zgodnie z Ustawą  z dnia 9 czerwca 2011r. o wspieraniu rodziny i systemie pieczy "
    "zastępczej głównym zadaniem Ośrodka Adopcyjnego jest dobór rodziny przysposabiającej "
    "właściwej ze względu na potrzeby dziecka."
)
D029 = (
    "Ośrodek Środowiskowej Opieki Psychologicznej i Psychoterapeutycznej w Nidzicy funkcjonuje "
    "od maja, jednak to 15 października odbyło się oficjalne otwarcie.\n\n"
    "— W 2023 roku Roman Lewandowski, dyrektor szpitala w Ameryce, otrzymał od marszałka "
    "zadanie utworzenia Północnego Centrum Psychiatrii dla dzieci i młodzieży. Poczyniliśmy już "
    "pewne kroki i rozmowy — mówiła Anna Radomska-Wilczewska - Dyrektor ds. Rozwoju "
    "Wojewódzkiego Szpitala Rehabilitacyjnego dla Dzieci w Ameryce.\n\n"
    "Ośrodek Środowiskowej Opieki Psychologicznej i Psychoterapeutycznej w Nidzicy znajduje się "
    "przy ul. Traugutta 13, w miejscu gdzie wcześniej funkcjonowało Powiatowe Centrum Pomocy "
    "Rodzinie. Ośrodek przyjmuje dzieci do 18 roku życia. Udzielane porady są bezpłatne.\n\n"
    "— Pomoc udzielana jest dzieciom i młodzieży z problemami emocjonalnymi. Staramy się pomóc "
    "wszystkim, którzy potrzebują pomocy — mówi Anna Radomska-Wilczewska"
)
B050 = (
    "Informacja w sprawie pracy kuratorów\n\n"
    "INFORMACJA\n\n"
    "W związku z Zarządzeniem Prezesa Sądu Okręgowego w Łodzi Nr 96/2020 z dnia 29.10.2020 r. "
    "w sprawie ograniczenia czynności kuratorów sądowych w okręgu Sądu Okręgowego w Łodzi i n f "
    "o r m u j ę, iż od dnia 2 listopada 2020 r.  do odwołania Kuratorzy zawodowi Sądu "
    "Rejonowego w Zgierzu będą działać w ograniczonym dostępie, z wyjątkiem spraw:\n\n"
    "  1.    w których wdrożono procedurę tzw. Niebieskiej karty,\n\n"
    "  3.    o ustalenie sposobu kontaktów z małoletnim,\n\n"
    "Kontakt do Zespołów Kuratorskich możliwy jest za pośrednictwem poczty elektronicznej lub "
    "telefonicznie:\n\n"
    "kuratorzy.karni@{domain}  ; tel.  42 715-76-60\n\n"
    "kuratorzy.nieletni@{domain} ; tel. 42 715-76-30"
)
D017 = (
    "Aktualności\n\n"
    "Z dniem 15 czerwca 2020 roku wznawiamy działalność:\n\n"
    "  • Kasy\n\n"
    "  • Punktu Informacyjnego\n\n"
    "W trosce o zdrowie klientów i pracowników OPS prosimy o zachowanie bezpiecznych zasad:\n\n"
    "- osoba wchodząca do OPS zobowiązana jest założyć maseczkę zakrywającą twarz i nos\n\n"
    "W Ośrodku Pomocy Społecznej w Nysie, przy zachowaniu wymogów sanitarnych, będzie możliwość "
    "osobistego załatwiania spraw. W tym samym czasie w Ośrodku Pomocy Społecznej w Nysie może "
    "załatwiać osobiście sprawę 3 klientów. Równocześnie informujemy, że nadal obowiązuje "
    "składanie pism do OPS Nysa za pośrednictwem skrzynki podawczej. Ośrodek Pomocy Społecznej "
    "w Nysie prosi o kontakt telefoniczny."
)
D019_URL = (
    "http://www.powiatkwidzynski.pl/portal/index.php/2-powiat/aktualnosci/2245-nowi-podopieczni"
    "-w-powiatowym-srodowiskowym-domu-samopomocy-w-kwidzynie?tmpl=component&print=1"
)
D019 = (
    "Drukuj\n\n"
    "Zwiększona została liczba miejsc w Powiatowym Środowiskowym Domu Samopomocy w Kwidzynie. "
    "To placówka wspierająca osoby z zaburzeniami psychicznymi. Ośrodek mieści się w wydzielonej "
    "części budynku przy ul. Ogrodowej 2, w którym znajduje się także Szkoła Specjalna "
    "Przysposabiająca do Pracy.\n\n"
    "W placówce dotychczas mogło przebywać 15 osób. Od 1 listopada Środowiskowy Dom Samopomocy "
    "dysponuje 22 miejscami. Ośrodek funkcjonuje pięć dni w tygodniu, po 8 godzin dziennie.\n\n"
    'Jego prowadzeniem zajmuje się Fundacja "Ja tu jestem". Zgodnie z zawartą z samorządem '
    "powiatu umową ośrodek będzie prowadzony przez fundację do 2022 roku."
)
D033 = (
    "Biuro Obsługi Interesantów\n\n"
    "Do zakresu działania Biura Obsługi Interesantów należy:\n\n"
    "- informowanie o sposobach wszczęcia postępowania i podstawowych dokumentach, które należy "
    "złożyć przy wnoszeniu sprawy do sądu.\n\n"
    "- udzielanie osobom uprawnionym informacji o stanie postępowania na podstawie systemu "
    "informatycznego Sędzia 2 i Currcnda (system Currenda dot. V Wydziału Gospodaczego Sądu "
    "Rejonowego w Kaliszu),\n\n"
    "- udostępnianie formularzy sądowych oraz wzorów pism sądowych w typowych sprawach "
    "rozpoznawanych przez poszczególne Wydziały tut. Sądu,"
)
D048 = (
    "ŚWIETLICA ŚRODOWISKOWA\n\n"
    "Świetlice środowiskowe funkcjonują jako placówki opiekuńczo-wychowawcze wsparcia "
    "dziennego.\n\n"
    "Świetlice to placówki otwarte. Z ich oferty mogą korzystać dzieci zamieszkałe na terenie "
    "gminy Góra Kalwaria.\n\n"
    "Uczestnictwo jest bezpłatne.\n\n"
    "Świetlica Środowiskowa, ul. Ks. Sajny 4 i filia w Czersku\n\n"
    "Kierownik Świetlicy - Barabara Kociszewska\n\n"
    "Świetlica w Górze Kalwarii otwarta od pn-pt 15.00-18.00\n\n"
    "Filia w Czersku pn-pt-14.00-18.00,"
)
E003 = (
    "Historia poradni\n\n"
    "HISTORIA PORADNI\n\n"
    "Poradnia została utworzona w roku 1969 przez Inspektora Oświaty w Niemodlinie jako "
    "Powiatowa Poradnia Wychowawczo-Zawodowa w Niemodlinie. Rejon działania Poradni pokrywał się "
    "z terenem działania Wydziału Oświaty w Niemodlinie.\n\n"
    "Pierwszym dyrektorem Poradni był Pan dr Jan Cieślik.\n\n"
    "Decyzją Nr 14 z dn. 27.08.1993 r. wydaną przez Kuratora Oświaty Poradnia "
    "Wychowawczo–Zawodowa w Niemodlinie z dniem 28.09.1993 r. została przekształcona w Poradnię "
    "Psychologiczno–Pedagogiczną w Niemodlinie.\n\n"
    "Od 01.09.2005 r. do chwili obecnej Poradnia Psychologiczno-Pedagogiczna w Niemodlinie "
    "przyjmuje"
)
NEUTRAL = "https://example.org/strona"

OWNERS = [
    pytest.param(
        "http://pppciechanow.pl/index.php/pytania-i-odpowiedzi",
        D003,
        "Poradnia Psychologiczno-Pedagogiczna w Ciechanowie",
        "referred to",
        id="d003-an-acronym-before-its-place-written-out-and-referred-to-as-Poradnia",
    ),
    pytest.param(
        "http://poa.szczecin.pl/adopcja/",
        D031,
        "Publiczny Ośrodek Adopcyjny w Koszalinie",
        "located",
        id="d031-the-body-said-to-be-at-a-street",
    ),
    pytest.param(
        "https://gazetaolsztynska.pl/nidzica/1103148,Osrodek-w-Nidzicy-przyjal-juz-184-pacjentow.html",
        D029,
        None,
        None,
        id="d029-a-news-item-says-where-a-body-is-and-is-not-its-page",
    ),
    pytest.param(
        "https://www.ops-nysa.pl/aktualnosci?start=55",
        D017,
        "Ośrodek Pomocy Społecznej w Nysie",
        "host",
        id="d017-the-host-writes-the-short-place-in-the-nominative",
    ),
    pytest.param(
        "http://kalisz.sr.gov.pl/bip/druk.php?id=391",
        D033,
        "Sąd Rejonowy w Kaliszu",
        "referred to",
        id="d033-tut-Sadu-on-the-courts-customer-office-page",
    ),
    pytest.param(
        "http://kalisz.sr.gov.pl/bip/druk.php?id=391",
        D033.replace("tut. Sądu", "Sądu"),
        None,
        None,
        id="d033-the-same-lines-without-tut-give-no-owner",
    ),
    pytest.param(
        "https://ops-gk.maxus.pl/strona/59",
        D048,
        "Świetlica Środowiskowa w Górze Kalwarii",
        "contact",
        id="d048-the-place-the-page-gives-the-head-noun-alone",
    ),
    pytest.param(
        "http://pppniemodlin.pl/p,25,historia-poradni",
        E003,
        "Poradnia Psychologiczno-Pedagogiczna w Niemodlinie",
        "host",
        id="e003-the-name-as-the-page-writes-it-not-read-from-an-accusative",
    ),
    pytest.param(
        D019_URL,
        D019,
        None,
        None,
        id="d019-a-county-portals-news-on-a-powiatowy-body-is-not-its-page",
    ),
    pytest.param(
        NEUTRAL,
        B050.format(domain="zgierz.sr.gov.pl"),
        "Sąd Rejonowy w Zgierzu",
        "mail domain",
        id="b050-on-a-neutral-host-the-mailboxes-domain-spells-the-court",
    ),
    pytest.param(
        NEUTRAL,
        B050.format(domain="gmail.com"),
        None,
        None,
        id="b050-the-same-lines-with-free-mailboxes-say-nothing",
    ),
]


@pytest.mark.parametrize(("url", "text", "expected", "evidence"), OWNERS)
def test_the_owner_of_a_fresh_page(
    url: str, text: str, expected: str | None, evidence: str | None
) -> None:
    owner = find_page_owner(page_text_of_plain(text, url))
    if expected is None:
        assert owner is None, owner
    else:
        assert owner is not None
        assert owner.name == expected, owner
        assert evidence in owner.evidence, owner.evidence


HOSTS = [
    pytest.param(
        "Ośrodek Pomocy Społecznej w Nysie",
        "https://www.ops-nysa.pl/aktualnosci?start=55",
        2,
        id="d017-ops-nysa-spells-the-kind-and-the-place",
    ),
    pytest.param(
        "Powiatowe Centrum Pomocy Rodzinie w Lęborku",
        "https://www.gopsnwl.pl/aktualnosci-gops/informacja-3/",
        0,
        id="d024-a-gops-site-does-not-spell-the-county-centre-it-writes-about",
    ),
    pytest.param(
        "Powiatowy Środowiskowy Dom Samopomocy w Kwidzynie",
        D019_URL,
        1,
        id="d019-a-county-portal-spells-the-place-not-a-powiatowy-body",
    ),
    pytest.param(
        "Powiat Toruński",
        "https://www.powiattorunski.pl/7821,pozostale-aktualnosci?tresc=88832",
        2,
        id="a033-a-county-portal-spells-its-county",
    ),
]


@pytest.mark.parametrize(("name", "url", "strength"), HOSTS)
def test_a_host_spelling_the_name(name: str, url: str, strength: int) -> None:
    assert host_agreement(name, url).strength == strength
