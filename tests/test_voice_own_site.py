"""Pages on a unit's own site that never name the unit (issue #17, round 20c, branch voice22).

Detection takes no page whose text names no institution and whose host is no public one, and
the provider's voice (`extractors.provider_voice`) misses a school's notice of its day room's
hours ("szkoła zapewnia opiekę świetlicy w godz. 6.30 do 16.00") or a preschool's page of a
group ("to dzieci 5, 6-letnie"). Their sites' hosts say whose they are: a unit's kind glued to
its name ("bibliotekiwarszawy", "poradnia-nowa") or a school's acronym with its number
("sp1prudnik", "p59"), so the hours and ages such a page gives are that unit's
(`extractors.html_pages.site_host.host_names_a_unit`). News of another body's programme, on a
news site or a town's portal, stays nobody's. A page with no such host is its unit's when it
says whom it serves by age in the first person plural ("wprowadziliśmy … młodym ludziom (18-25
lat)") or invites them to its activities ("Zapraszamy dzieci i młodzież do korzystania z
zajęć"), and not when it quotes someone in news ("… zapraszamy w czwartki … – mówi X").

Cases are lines of fresh pages (`benchmarks/hours_fresh/`, `benchmarks/ages_fresh/`: the id and
host in the case id, gold written blind before any run) and of the web corpus's tune half.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.html_pages.site_host import host_names_a_unit
from extractors.provider_voice import gives_its_own_hours_or_ages
from flows.inspect import extract_one


@pytest.mark.parametrize(
    ("url", "names_a_unit"),
    [
        pytest.param(
            "http://sp1prudnik.wodip.opole.pl/index.php/using-joomla/410-22",
            True,
            id="h009 a school's acronym, number and town",
        ),
        pytest.param(
            "http://www.sp1kaszow.pl/2019/04/30/ogloszenie-16/", True, id="h011 sp1 and its place"
        ),
        pytest.param("https://bibliotekiwarszawy.pl/?p=20035", True, id="t006 the kind glued"),
        pytest.param(
            "https://bip-pp54.opole.pl/index.php/menu-podmiotowe/dzieci",
            True,
            id="k002 a public preschool's number beside bip",
        ),
        pytest.param(
            "https://p59.edu.gdansk.pl/pl/page/o-przedszkolu-8/grupy/grupa-iv-pszczolki",
            True,
            id="k004 a preschool's number alone",
        ),
        pytest.param(
            "http://poradnia-nowa.pl/oferta/wczesne-wspomaganie-rozwoju-dziecka/",
            True,
            id="k010 the kind before its own word",
        ),
        pytest.param(
            "https://tupoznan.pl/seniorzy-w-akcji-wracaja-zapisy-startuja-8-stycznia/",
            False,
            id="w013 a city portal's news",
        ),
        pytest.param(
            "https://gs24.pl/szczecin-przygotowal-dla-bezdomnych/ar/c1-18021539",
            False,
            id="t022 a news outlet",
        ),
        pytest.param("https://pluznica.pl/artykul/79/2127/", False, id="t028 a gmina's portal"),
        pytest.param("https://podrugie.pl/hostel/", False, id="y006 a foundation's own word"),
        pytest.param(
            "https://edukacja.um.warszawa.pl/Poradnie-psychologiczno-pedagogiczne",
            False,
            id="a008 a city office's guide",
        ),
        pytest.param("https://ls-szkola.pl/cennik/", False, id="tune g036 a language school"),
        pytest.param("https://przedszkole24.pl/", True, id="made-up a preschool's number"),
        pytest.param("https://szkolenia-bhp.pl/", False, id="made-up training, no school"),
    ],
)
def test_a_host_names_a_serving_unit(url: str, names_a_unit: bool) -> None:
    assert host_names_a_unit(url) is names_a_unit


# The lines of each page as saved, the hours and ages the page gives as its unit's.
_H009 = [
    "14 października 2022 r. zgodnie z art. 74 Karty Nauczyciela",
    "jest dniem wolnym od zajęć dydaktyczno-wychowawczych. W tym dniu szkoła zapewnia opiekę "
    "świetlicy w godz. 6.30 do 16.00 wyłącznie dla uczniów klas 1-3, którzy są zapisani do "
    "świetlicy.",
]
_K004 = [
    "Grupa IV „Pszczółki”",
    "to dzieci 5, 6-letnie, mają zapewnioną możliwość wspólnej zabawy w bezpiecznych i "
    "przyjaznych warunkach, dostosowanych do ich potrzeb rozwojowych.",
]
_T006 = [
    "31 grudnia (czwartek) 2020 r. wszystkie biblioteki czynne będą od 10.00 do 15.00.",
]


def _save(tmp_path: Path, lines: list[str], suffix: str) -> Path:
    saved = tmp_path / f"page{suffix}"
    if suffix == ".txt":
        saved.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    else:
        body = "".join(f"<p>{line}</p>" for line in lines)
        saved.write_text(
            f'<html lang="pl"><head><title>{lines[0]}</title></head><body>{body}</body></html>',
            encoding="utf-8",
        )
    return saved


@pytest.mark.parametrize(
    ("url", "lines", "hours", "ages"),
    [
        pytest.param(
            "http://sp1prudnik.wodip.opole.pl/index.php/using-joomla/410-22",
            _H009,
            [("06:30", "16:00")],
            [],
            id="h009 a school's day room on a day off",
        ),
        pytest.param(
            "https://bibliotekiwarszawy.pl/?p=20035",
            _T006,
            [("10:00", "15:00")],
            [],
            id="t006 a city's libraries on New Year's Eve",
        ),
        pytest.param(
            "https://p59.edu.gdansk.pl/pl/page/o-przedszkolu-8/grupy/grupa-iv-pszczolki",
            _K004,
            [],
            [(5, 6)],
            id="k004 a preschool's group",
        ),
    ],
)
@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_unit_s_own_site_gives_its_hours_and_ages(
    tmp_path: Path,
    url: str,
    lines: list[str],
    hours: list[tuple[str, str]],
    ages: list[tuple[float, float]],
    suffix: str,
) -> None:
    (page,) = extract_one(str(_save(tmp_path, lines, suffix)), url=url)
    assert page["role"] == "page" and page["name"] is None
    assert [(s["opens"], s["closes"]) for s in page["schedules"]] == hours
    assert [(a["min"], a["max"]) for a in page["ages"]] == ages
    assert page["services_stated"] == []


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("https://gs24.pl/szkola-zapewnia-opieke/ar/c1-1", id="made-up a news outlet"),
        pytest.param("https://pluznica.pl/artykul/79/2127/", id="made-up a gmina's portal"),
    ],
)
def test_the_same_notice_elsewhere_stays_nobody_s(tmp_path: Path, url: str) -> None:
    assert extract_one(str(_save(tmp_path, _H009, ".html")), url=url) == []


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        pytest.param(
            "Dlatego wprowadziliśmy nową formę zakwaterowania, alternatywną wobec schroniska czy "
            "noclegowni, pozwalającą młodym ludziom (18-25 lat) rozpocząć dorosłe działania i "
            "pokonać życiowe trudności.",
            True,
            id="y006 podrugie.pl/hostel: whom it serves, in the first person plural",
        ),
        pytest.param(
            "Informujemy, że ruszają zajęcia świetlicowe w świetlicach wiejskich na terenie gminy. "
            "Zapraszamy dzieci i młodzież do korzystania z zajęć.",
            True,
            id="t028 pluznica.pl: its day rooms' activities, to be timed by its timetable",
        ),
        pytest.param(
            "– Pływalnia „Foka” będzie dostępna dla seniorów w środy w godz. 9:00-10:00, do "
            "„Nowej Fali” zapraszamy w czwartki od 11:30 do 12:30, a do „Delfina” w piątki "
            "między 11:00 a 12:00 – mówi Grażyna Orzechowska – Mikulska, zastępczyni "
            "burmistrza Woli.",
            False,
            id="w014 4free.waw.pl: an official quoted in news",
        ),
        pytest.param(
            "Przygotowaliśmy zajęcia dla dzieci w wieku 6-12 lat – mówi dyrektorka.",
            False,
            id="made-up: a first person plural quoted in news",
        ),
        pytest.param(
            "Programy dla dzieci w wieku 7-12 lat finansuje miasto.",
            False,
            id="made-up: a noun ending as a verb does",
        ),
        pytest.param(
            "Zapraszamy rodziców na zebranie w dniu 12 września.",
            False,
            id="made-up: parents invited to a meeting",
        ),
    ],
)
def test_a_page_speaks_for_its_unit_in_the_first_person_plural(text: str, speaks: bool) -> None:
    assert gives_its_own_hours_or_ages(text) is speaks


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_foundation_s_hostel_gives_its_ages(tmp_path: Path, suffix: str) -> None:
    lines = [
        "Hostel",
        "Dlatego wprowadziliśmy nową formę zakwaterowania, alternatywną wobec schroniska czy "
        "noclegowni, pozwalającą młodym ludziom (18-25 lat) rozpocząć dorosłe działania i "
        "pokonać życiowe trudności.",
    ]
    url = "https://podrugie.pl/hostel/"
    (page,) = extract_one(str(_save(tmp_path, lines, suffix)), url=url)
    assert [(a["min"], a["max"]) for a in page["ages"]] == [(18, 25)]
    assert page["services_stated"] == []


# A text file is not judged by its host at detection: its hours and ages are still its site's
# unit's when the host is a public body's, as they are for the same page saved as HTML.
_A031 = (
    "Z mieszkaniach treningowego mogą skorzystać wychowankowie pieczy zastępczej w wieku do 30 "
    "roku życia i osoby bezdomne w wieku do 30 roku życia."
)
_K008 = (
    "Strategicznym celem programu jest zapewnienie usługi wsparcia seniorów w wieku lat 70 i "
    "więcej, którzy w obowiązującym stanie epidemii zdecydują się na pozostanie w domu."
)


@pytest.mark.parametrize(
    ("url", "line", "ages"),
    [
        pytest.param(
            "https://bip.cus-zyrardow.pl/?menu=19", _A031, [(None, 30)], id="a031 a BIP host"
        ),
        pytest.param(
            "http://gops.ugtarnow.pro-linuxpl.com/index.php/2020/12/11/solidarnosciowy-korpus",
            _K008,
            [(70, None)],
            id="k008 a GOPS's host",
        ),
        pytest.param("https://tvn24.pl/polska/mieszkania", _A031, [], id="made-up a news host"),
    ],
)
def test_a_text_on_a_public_body_s_site_gives_its_ages(
    tmp_path: Path, url: str, line: str, ages: list[tuple[float | None, float | None]]
) -> None:
    rows = extract_one(str(_save(tmp_path, [line], ".txt")), url=url)
    assert [(a["min"], a["max"]) for row in rows for a in row["ages"] or ()] == ages
