"""Hours and ages that reach the entry (issue #17, round 14 of hours).

Cases are real lines of fresh pages outside the web corpus (`benchmarks/hours_fresh/`, the URL
in the case id; what each states was written down before anything was run on it) and of the
corpus's tune half (the document id in the case id).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.provider_voice import gives_its_own_hours_or_ages, offers_as_a_provider
from flows.inspect import extract_one
from transforms.eligibility import read_ages
from transforms.opening_hours import read_schedules
from transforms.sentences import sentences

WEEKDAYS = ("Mo", "Tu", "We", "Th", "Fr")


# A page that gives its own unit's hours, or whom it takes by age, speaks for that unit; it
# does not say what the unit offers.
@pytest.mark.parametrize(
    ("text", "own_hours_or_ages"),
    [
        pytest.param(
            "Świetlica szkolna dla dzieci z przedszkola jest czynna codziennie w godzinach:\n"
            "od 7.00 do 8.00 oraz od 14.40 do 17.00",
            True,
            id="zsomogielnica.pl-words-between-the-unit-and-its-hours",
        ),
        pytest.param(
            "Biblioteka w Pałacyku Szymańskiego w poniedziałki, środy i czwartki czynna jest od "
            "8 do 15.",
            True,
            id="zawiercie.naszemiasto.pl-bare-hours-od-8-do-15",
        ),
        pytest.param(
            "Przedszkole jest czynne od poniedziałku do piątku w godz. 6.30 – 17.00",
            True,
            id="moje-przedszkole.com.pl-godz-with-its-dot",
        ),
        pytest.param(
            "Godziny otwarcia\n\nPONIEDZIAŁEK pracujący        8:00 - 16:00",
            True,
            id="boguty-pianki.naszabiblioteka.com-a-heading-over-its-hours",
        ),
        pytest.param(
            "Godziny pracy przedszkola: od 6:00 do 16:30.",
            True,
            id="archiwum.pp1.kluczbork.pl-a-heading-with-its-hours",
        ),
        pytest.param(
            "Godziny przyjęć interesantów:\n\n  • poniedziałek  godz.  7:30 - 11:00",
            True,
            id="f019-a-heading-of-hours-for-clients",
        ),
        pytest.param(
            "- W lipcu nasze biblioteki będą czynne w następujące soboty (w godzinach 8:00-16:00)",
            True,
            id="wmichalowicach.pl-our-libraries-open",
        ),
        # Must not change: a report, an event, a day off, a deadline.
        pytest.param(
            "W każdy kolejny poniedziałek w Urzędzie Miejskim Gminy Chocz na mieszkańców czekał "
            "inny radny. Dyżury trwały godzinę, od 16.00 do 17.00.",
            False,
            id="pleszew.naszemiasto.pl-councillors-duties-reported",
        ),
        pytest.param(
            "W związku z zebraniem w czwartek czytelnia czynna będzie dla czytelników do godz. "
            "17.00.",
            False,
            id="bibliotekachojnice.pl-open-until-a-time-on-a-meeting-day",
        ),
        pytest.param(
            "Termin spotkania: 7 września, godz. 16:00\nMiejsce: Gminny Ośrodek Kultury w Cekcynie.",
            False,
            id="cekcyn.pl-a-meeting-at-a-time",
        ),
        pytest.param(
            "dzień 24 grudnia 2021 roku (piątek) jest dniem wolnym od pracy",
            False,
            id="opoczno.pl-a-day-off",
        ),
        pytest.param(
            "Lista wyznaczonych sobót, w których biblioteka będzie otwarta w 2024 roku",
            False,
            id="boguty-pianki.naszabiblioteka.com-open-without-a-time",
        ),
    ],
)
def test_a_page_gives_its_own_hours_or_ages(text: str, own_hours_or_ages: bool) -> None:
    assert gives_its_own_hours_or_ages(text) is own_hours_or_ages
    assert not offers_as_a_provider(text)


# A page detection does not take that only gives its own hours and ages yields them in a row of
# role "page", and no forms of support with them (those a page names may be other bodies').
@pytest.mark.parametrize(
    ("url", "lines", "schedules", "ages"),
    [
        pytest.param(
            "http://krolestwo-przedszkolaka.pl/oferta/organizacja-2/",
            [
                "Organizacja",
                "Przedszkole jest czynne w godzinach od 7:00 - 17:00 od poniedziałku do piątku.",
                "Nabór do przedszkola trwa cały rok. Przyjmujemy dzieci w wieku od 2,5 do 6 roku "
                "życia.",
            ],
            [(WEEKDAYS, "07:00", "17:00")],
            [(2.5, 6)],
            id="krolestwo-przedszkolaka.pl-a-preschool-s-hours-and-ages",
        ),
        pytest.param(
            "https://archiwum.pp1.kluczbork.pl/?page_id=187",
            [
                "Godziny otwarcia",
                "Przedszkole funkcjonuje 10,5 godzin.",
                "Godziny pracy przedszkola: od 6:00 do 16:30.",
            ],
            [(WEEKDAYS, "06:00", "16:30")],
            [],
            id="archiwum.pp1.kluczbork.pl-a-preschool-s-hours",
        ),
    ],
)
@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_a_page_of_its_own_hours_gives_them_alone(
    tmp_path: Path,
    url: str,
    lines: list[str],
    schedules: list[tuple[tuple[str, ...], str, str]],
    ages: list[tuple[float, float]],
    suffix: str,
) -> None:
    saved = tmp_path / f"page{suffix}"
    if suffix == ".txt":
        saved.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    else:
        body = "".join(f"<p>{line}</p>" for line in lines)
        saved.write_text(
            f'<html lang="pl"><head><title>{lines[0]}</title></head><body>{body}</body></html>',
            encoding="utf-8",
        )
    (page,) = extract_one(str(saved), url=url)
    assert page["role"] == "page" and page["name"] is None
    assert [(tuple(s["days"]), s["opens"], s["closes"]) for s in page["schedules"]] == schedules
    assert [(a["min"], a["max"]) for a in page["ages"]] == ages
    assert page["services_stated"] == []


# Dates and temperatures are not hours; hours still are.
@pytest.mark.parametrize(
    ("line", "hours"),
    [
        pytest.param(
            "Prosimy o taką informację do wtorku, 9. 11. 2021 r., do godz. 15.00.",
            [],
            id="spmaniowy.czorsztyn.pl-a-date-with-spaces-is-not-9-to-11",
        ),
        pytest.param(
            "Zajęcia dla dzieci w wieku 3-12 lat odbywają się w godzinach 11ºº – 12³º.",
            [(WEEKDAYS, "11:00", "12:30")],
            id="gbppszczolki.pl-tens-of-minutes-as-signs-in-a-range",
        ),
        pytest.param(
            "W sobotę temperatura 23º, biblioteka czynna 11ºº - 18³º",
            [(("Sa",), "11:00", "18:30")],
            id="made-up-a-temperature-beside-hours-as-signs-stays-one",
        ),
        pytest.param(
            "Punkt obsługiwany przez adwokatów, wskazanych przez Okręgową Radę Adwokacką i radców "
            "prawnych wskazanych przez Radę Okręgowej Izby Radców Prawnych, czynny w poniedziałek "
            "– piątek, od godz.11. do godz.15.",
            [(WEEKDAYS, "11:00", "15:00")],
            id="i044-bare-hours-right-after-godz",
        ),
        pytest.param(
            "w godzinach 7.00- 9.00 lub 14.00- 15.00 od poniedziałku do czwartku, w piątki – do "
            "godziny 16.00.",
            [
                (("Mo", "Tu", "We", "Th"), "07:00", "09:00"),
                (("Fr",), "07:00", "09:00"),
                (("Mo", "Tu", "We", "Th"), "14:00", "15:00"),
                (("Fr",), "14:00", "16:00"),
            ],
            id="a037-friday-takes-both-ranges-the-last-closing-later",
        ),
        pytest.param(
            "pn.-pt. 7:30-15:30, w czwartki do 17:00",
            [(("Mo", "Tu", "We", "Fr"), "07:30", "15:30"), (("Th",), "07:30", "17:00")],
            id="an-extension-within-the-days-still-leaves-them",
        ),
        pytest.param(
            "Punkt Informacji dla Osób Uzależnionych od Alkoholu – poniedziałek-piątekoraz "
            "Przemocy Domowej Dorosłych i Dzieci godz.8:00 - 15:00 pokój nr 12",
            [(WEEKDAYS, "08:00", "15:00")],
            id="c075-a-day-run-into-the-next-word",
        ),
        pytest.param(
            "dlatego Ośrodek działa 24 godziny",
            [(("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"), "00:00", "24:00")],
            id="i019-open-24-hours-is-round-the-clock",
        ),
        pytest.param("Kurs trwa 24 godziny.", [], id="a-course-s-length-is-no-hours"),
        pytest.param(
            "W okresie od lutego do czerwca w poniedziałki poprzedzające pracujące soboty "
            "biblioteka będzie czynna w godzinach 8.30-14.30",
            [(("Mo",), "08:30", "14:30")],
            id="boguty-pianki.naszabiblioteka.com-mondays-before-working-saturdays",
        ),
        pytest.param(
            "Akcja odbędzie się 24 grudnia w godzinach 9.00-14.00.",
            [],
            id="eostroleka.pl-an-event-on-a-date",
        ),
        pytest.param(
            "2 maja 2019 r. dodatkowy dzień wolny. W tym dniu istnieje możliwość skorzystania "
            "przez dzieci z zajęć opiekuńczo -świetlicowych w godzinach od 7.00 do 17.00.",
            [((), "07:00", "17:00")],
            id="sp1kaszow.pl-hours-on-a-date-have-no-days",
        ),
    ],
)
def test_dates_and_temperatures_are_not_hours(
    line: str, hours: list[tuple[tuple[str, ...], str, str]]
) -> None:
    assert [(s.days, s.opens, s.closes) for s in read_schedules(line)] == hours


@pytest.mark.parametrize(
    ("line", "ages"),
    [
        pytest.param(
            "Klub jest przeznaczony dla młodzieży gimnazjalnej i ponadgimnazjalnej z górną "
            "granicą wieku 18 lat.",
            [(None, 18)],
            id="przystan.tczew.pl-an-upper-bound-said-as-such",
        ),
        pytest.param(
            "Przyjmujemy dzieci w wieku od 2,5 do 6 roku życia.",
            [(2.5, 6)],
            id="krolestwo-przedszkolaka.pl-a-range",
        ),
    ],
)
def test_ages_said_as_bounds(line: str, ages: list[tuple[float | None, float | None]]) -> None:
    assert [(a.min, a.max) for a in read_ages(sentences(line))] == ages


# A part of a preschool's day, said with no word of being open, is within the opening hours.
@pytest.mark.parametrize(
    ("line", "hours"),
    [
        pytest.param(
            "Pora odpoczynku obejmuje godziny 13:00/13.30 – 15:00.",
            [],
            id="qbus-tomaszow.pl-the-rest-time",
        ),
        pytest.param(
            "Realizacja podstawy programowej odbywa się w godzinach 8.00 do 13.00.",
            [],
            id="archiwum.pp1.kluczbork.pl-the-core-curriculum",
        ),
        pytest.param(
            "W czasie od 16:30 do 18:00, w związku z małą ilością dzieci, tworzymy grupy zbiorcze.",
            [],
            id="przedszkole.wroclaw.pl-joined-groups",
        ),
        pytest.param(
            "Przedszkole jest czynne od poniedziałku do piątku w godzinach 6:30 – 17:00.",
            [(WEEKDAYS, "06:30", "17:00")],
            id="qbus-tomaszow.pl-the-opening-hours-stay",
        ),
        pytest.param(
            "Realizacja podstawy programowej odbywa się w godzinach 8.00 do 13.00. Sekretariat "
            "czynny w godzinach 8.00 do 13.00.",
            [(WEEKDAYS, "08:00", "13:00")],
            id="made-up-the-same-hours-stated-as-opening-hours-stay",
        ),
    ],
)
def test_a_part_of_the_day_is_not_opening_hours(
    line: str, hours: list[tuple[tuple[str, ...], str, str]]
) -> None:
    assert [(s.days, s.opens, s.closes) for s in read_schedules(line)] == hours
