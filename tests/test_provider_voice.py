"""Pages detection leaves for want of evidence that still state support (issues #12/#17).

`extractors.provider_voice` tells a support page of an unnamed unit from a guide about such
units; `extract_one` then gives what the page states in a row of role "page". The cases are
real lines and stored texts of the web corpus's tune half (`benchmarks/web_corpus`, the
document id in the case id): pages that gave no row at all and must now give their
statements, and pages about no institution that must still give nothing.
"""

from __future__ import annotations

import csv
from html import escape
from pathlib import Path

import pytest
from helpers import REPO  # tests/ helper module

from extractors.provider_voice import gives_its_own_hours_or_ages, offers_as_a_provider
from flows.inspect import extract_one

CORPUS = REPO / "benchmarks" / "web_corpus"


@pytest.mark.parametrize(
    ("line", "speaks"),
    [
        pytest.param(
            "Ośrodek Interwencji Kryzysowej jest wielofunkcyjnym ośrodkiem wsparcia. Ośrodek "
            "realizuje zadania zgodnie z ustawą z dnia 12 marca 2004 r. o pomocy społecznej",
            True,
            id="a079-a-unit-says-what-it-does",
        ),
        pytest.param(
            "nasza Poradnia jest czynna codziennie w godzinach 8:00-18:00",
            True,
            id="b002-our-unit",
        ),
        pytest.param(
            "Interwencja Kryzysowa w OPSiIK świadczona jest w formie:",
            True,
            id="c003-a-mixed-case-acronym-provides",
        ),
        pytest.param(
            "Zespół orzekający wydaje opinię o potrzebie wczesnego wspomagania rozwoju",
            True,
            id="c009-a-team-issues-opinions",
        ),
        pytest.param(
            "W OREW prowadzi dla wychowanków z niepełnosprawnością intelektualną",
            True,
            id="c049-an-acronym-provides",
        ),
        pytest.param("Godziny pracy pedagoga:", True, id="c072-a-specialist-s-hours"),
        pytest.param("Zasady prowadzenia spotkań w naszej Poradni:", True, id="c083-in-our-unit"),
        # Must not change: units in general, in the plural or in passing.
        pytest.param(
            "Opieka nad dorastającą młodzieżą – forma opieki nad młodzieżą, na którą składają "
            "się: 1) młodzieżowe ośrodki socjoterapii (MOS) – placówki oświatowe",
            False,
            id="b054-an-encyclopedia-lists-kinds-of-unit",
        ),
        pytest.param(
            "Odnośnie dalszych kosztów postępowania, które mogą wystąpić w sprawie, wskazać "
            "należy zaliczkę na opinię biegłych lub opinię Rodzinnego Ośrodka Diagnostyczno",
            False,
            id="b038-a-lawyer-s-guide-names-a-unit-in-passing",
        ),
        pytest.param(
            "Centra prowadzą poradnie zdrowia psychicznego, do psychologa potrzebne jest "
            "skierowanie",
            False,
            id="c016-units-in-the-plural",
        ),
        pytest.param(
            "Niniejszy Regulamin określa zasady korzystania z usług dietetycznych świadczonych "
            "przez Pracownię Żywienia",
            False,
            id="b035-a-firm-provides",
        ),
    ],
)
def test_a_page_says_what_its_unit_offers(line: str, speaks: bool) -> None:
    assert offers_as_a_provider(line) is speaks


def _url(doc_id: str) -> str:
    with (CORPUS / "index.csv").open(encoding="utf-8", newline="") as handle:
        return next(row["url"] for row in csv.DictReader(handle) if row["id"] == doc_id)


def _saved_page(tmp_path: Path, doc_id: str) -> Path:
    """A stored text as the web corpus serves it: its first line the title, a paragraph a line."""
    text = (CORPUS / "documents" / f"{doc_id}.txt").read_text(encoding="utf-8")
    lines = [escape(line.strip()) for line in text.splitlines() if line.strip()]
    body = "".join(f"<p>{line}</p>\n" for line in lines)
    saved = tmp_path / f"{doc_id}.html"
    saved.write_text(
        f'<html lang="pl"><head><title>{lines[0]}</title></head><body>{body}</body></html>',
        encoding="utf-8",
    )
    return saved


@pytest.mark.parametrize(
    ("doc_id", "services", "schedule"),
    [
        pytest.param(
            "a079",
            {"crisis_intervention", "domestic_violence", "psychological_support"},
            [],
            id="a079-crisis-centre-page-of-an-unnamed-site",
        ),
        pytest.param(
            "b002",
            {"diagnosis"},
            [(["Mo", "Tu", "We", "Th", "Fr"], "08:00", "18:00")],
            id="b002-a-counselling-centre-s-letter-to-parents",
        ),
        pytest.param(
            "c009",
            {"diagnosis", "early_support"},
            [],
            id="c009-early-support-opinions",
        ),
        pytest.param(
            "c072",
            {"psychological_support"},
            [(["Mo"], "08:00", "13:00"), (["Tu"], "11:00", "16:00")],
            id="c072-a-school-counsellor-s-hours",
        ),
    ],
)
def test_an_unnamed_unit_s_page_gives_its_statements(
    tmp_path: Path, doc_id: str, services: set[str], schedule: list[tuple[list[str], str, str]]
) -> None:
    rows = extract_one(str(_saved_page(tmp_path, doc_id)), url=_url(doc_id))
    (page,) = rows
    assert page["role"] == "page" and page["name"] is None
    assert services <= {item["code"] for item in page["services_stated"]}
    hours = [(s["days"], s["opens"], s["closes"]) for s in page["schedules"]]
    assert hours[: len(schedule)] == schedule


def test_a_unit_found_on_its_own_site_keeps_its_statements(tmp_path: Path) -> None:
    """c049: the rehabilitation centre's site ("orew-rymanow") names it only as "OREW" in its
    text; it is now the page's subject (round 6 of issue 12), and the statements the page
    makes (working time, what it provides) are that subject's."""
    rows = extract_one(str(_saved_page(tmp_path, "c049")), url=_url("c049"))
    (subject,) = rows
    assert subject["role"] == "subject"
    assert subject["name"] == "Ośrodek Rehabilitacyjno-Edukacyjno-Wychowawczy"
    assert {"education", "therapy"} <= {item["code"] for item in subject["services_stated"]}
    hours = [(s["days"], s["opens"], s["closes"]) for s in subject["schedules"]]
    assert hours[:1] == [(["Mo", "Tu", "We", "Th", "Fr"], "06:30", "15:00")]


@pytest.mark.parametrize(
    "doc_id",
    [
        pytest.param("a051", id="a051-a-parked-lawyer-domain"),
        pytest.param("b035", id="b035-a-dietitian-s-terms"),
        pytest.param("b038", id="b038-a-lawyer-s-guide-to-divorce"),
        pytest.param("b054", id="b054-an-encyclopedia-entry"),
    ],
)
def test_a_page_about_no_institution_still_gives_nothing(tmp_path: Path, doc_id: str) -> None:
    assert extract_one(str(_saved_page(tmp_path, doc_id)), url=_url(doc_id)) == []


def test_a_business_page_gives_nothing_though_it_speaks_for_a_unit(tmp_path: Path) -> None:
    saved = tmp_path / "shop.html"
    saved.write_text(
        "<html><head><title>Sklep z pomocami terapeutycznymi</title></head><body>"
        "<p>Zasady prowadzenia spotkań w naszej Poradni:</p>"
        "<p>Oferujemy terapię logopedyczną i diagnozę dzieci.</p>"
        "<p>poniedziałek 8.00-13.00</p></body></html>",
        encoding="utf-8",
    )
    assert extract_one(str(saved), url="https://example.org/sklep") == []


@pytest.mark.parametrize(
    ("doc_id", "subject"),
    [
        pytest.param(
            "c048",
            "Ośrodek Rehabilitacyjno-Edukacyjno-Wychowawczy w Działdowie",
            id="c048-the-address-backs-the-name-the-page-puts-forward",
        ),
        # Must not change: the address alone spells a name the page only refers to.
        pytest.param("a057", None, id="a057-an-ops-site-s-page-about-a-new-sds"),
    ],
)
def test_the_owner_the_address_backs(tmp_path: Path, doc_id: str, subject: str | None) -> None:
    rows = extract_one(str(_saved_page(tmp_path, doc_id)), url=_url(doc_id))
    assert [row["name"] for row in rows if row["role"] == "subject"] == (
        [subject] if subject else []
    )


def test_a_saved_text_of_an_unnamed_unit_gives_its_statements(tmp_path: Path) -> None:
    saved = tmp_path / "c003.txt"
    saved.write_text(
        (CORPUS / "documents" / "c003.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (page,) = extract_one(str(saved), url=_url("c003"))
    assert page["role"] == "page"
    assert {"crisis_intervention", "domestic_violence", "housing"} <= {
        item["code"] for item in page["services_stated"]
    }
    hours = [(s["days"], s["opens"], s["closes"]) for s in page["schedules"]]
    assert hours[0] == (["Mo", "Tu", "We", "Th", "Fr"], "07:30", "20:00")


# Pages that state their own hours or their offer's ages and name no institution detection
# knows (issue #17): found with the `pages` search on hosts outside the web corpus, each line
# as the page writes it. What each states was written down before the reader ran.
@pytest.mark.parametrize(
    ("line", "speaks"),
    [
        pytest.param(
            "Obecnie, po zebraniu Państwa deklaracji, świetlica jest czynna od 6:30 do 16:00",
            True,
            id="oldsp1.pszow.pl-a-unit-s-own-hours",
        ),
        pytest.param(
            "Żłobek czynny jest od poniedziałku do piątku\nw godzinach – od 6:00 do 16:30",
            True,
            id="zlobek-nazaret.pl-hours-over-two-lines",
        ),
        pytest.param(
            "Zajęcia dla dzieci w wieku 3-12 lat odbywają się w godzinach 11ºº – 12³º.",
            True,
            id="gbppszczolki.pl-its-classes-at-a-time",
        ),
        pytest.param(
            "Do naszego przedszkola zapraszamy dzieci w wieku od 2,5 do 6 lat.",
            True,
            id="kubusiowakraina.pl-invited-by-age",
        ),
        pytest.param(
            "Do przedszkola przyjmujemy dzieci w wieku 2-5 lat.",
            True,
            id="miasteczkodzieci.pl-admitted-by-age",
        ),
        pytest.param(
            "Przedszkole czynne jest w dni powszednie, od poniedziałku do piątku,\nw godzinach od "
            "7:00 do 17:30.",
            True,
            id="przedszkole-jagodka.pl-open-on-weekdays",
        ),
        # Must not change: units in general, a gym, a report, no time.
        pytest.param(
            "Odpowiednie godziny otwarcia ośrodków opieki dziennej to między 7 rano a 5 po "
            "południu.",
            False,
            id="wiesbaden.de-a-city-s-guide-to-its-day-care",
        ),
        pytest.param(
            "1.7. Klub jest otwarty: 1.7.1. codziennie w godzinach poniedziałek – piątek 6-23",
            False,
            id="gymlublin.gymmanager.com.pl-a-gym-s-terms",
        ),
        pytest.param(
            "W Polsce pedagodzy szkolni pracują nie więcej niż 22 godziny tygodniowo",
            False,
            id="zssio.com.pl-a-guide-to-a-counsellor-s-hours",
        ),
        pytest.param(
            "Placówki nocnej i świątecznej opieki zdrowotnej są czynne w dni powszednie od godz. "
            "18 do 8",
            False,
            id="units-in-the-plural-are-open",
        ),
        pytest.param("Świetlica była czynna od 7 do 15.", False, id="a-unit-was-open"),
        pytest.param(
            "Świetlica szkolna dostosowuje godziny pracy do aktualnych potrzeb rodziców",
            False,
            id="oldsp1.pszow.pl-hours-without-a-time",
        ),
    ],
)
def test_a_page_gives_its_own_hours_or_ages(line: str, speaks: bool) -> None:
    assert gives_its_own_hours_or_ages(line) is speaks


def _fresh_page(tmp_path: Path, title: str, *lines: str) -> Path:
    body = "".join(f"<p>{escape(line)}</p>\n" for line in lines)
    saved = tmp_path / "page.html"
    saved.write_text(
        f'<html lang="pl"><head><title>{escape(title)}</title></head><body>'
        f"<h1>{escape(title)}</h1>{body}</body></html>",
        encoding="utf-8",
    )
    return saved


@pytest.mark.parametrize(
    ("url", "title", "lines", "schedule", "ages"),
    [
        pytest.param(
            "http://oldsp1.pszow.pl/index.php/godziny-pracy",
            "Godziny pracy",
            [
                "Świetlica szkolna dostosowuje godziny pracy do aktualnych potrzeb rodziców, na "
                "dany rok szkolny.",
                "Obecnie, po zebraniu Państwa deklaracji, świetlica jest czynna od 6:30 do 16:00",
            ],
            ("06:30", "16:00"),
            [],
            id="oldsp1.pszow.pl-a-school-day-room-s-hours",
        ),
        pytest.param(
            "http://zlobek-nazaret.pl/organizacja-pracy/",
            "Organizacja pracy",
            [
                "Żłobek czynny jest od poniedziałku do piątku",
                "w godzinach – od 6:00 do 16:30",
                "W żłobku funkcjonują trzy grupy dziecięce:",
                "Grupa I – „Iskierki” – dzieci od 1 roku do 2 lat",
                "Grupa II – „Promyczki” – dzieci w wieku od 2 do 3 lat",
            ],
            ("06:00", "16:30"),
            [(1, 2), (2, 3)],
            id="zlobek-nazaret.pl-a-nursery-s-hours-and-groups",
        ),
        pytest.param(
            "http://gbppszczolki.pl/warsztaty-i-zajecia/",
            "Warsztaty i zajęcia dla dzieci",
            [
                "W każdą sobotę w Bibliotece odbywają się zajęcia dla dzieci i młodzieży, podczas "
                "których uczestnicy rysują, słuchają baśni, biorą udział w konkursach.",
                "Zajęcia dla dzieci w wieku 3-12 lat odbywają się w godzinach 11ºº – 12³º.",
            ],
            None,
            [(3, 12)],
            id="gbppszczolki.pl-a-library-s-classes-for-children",
        ),
    ],
)
def test_a_page_of_its_own_hours_gives_a_row(
    tmp_path: Path,
    url: str,
    title: str,
    lines: list[str],
    schedule: tuple[str, str] | None,
    ages: list[tuple[int, int]],
) -> None:
    (page,) = extract_one(str(_fresh_page(tmp_path, title, *lines)), url=url)
    assert page["role"] == "page" and page["name"] is None
    if schedule is not None:
        assert [(s["opens"], s["closes"]) for s in page["schedules"]] == [schedule]
    assert [(a["min"], a["max"]) for a in page["ages"] or []] == ages
