"""Days of the week said as a whole (issue #17, branch ages21, round 20b).

Round 20 (times21) probed these forms and found no real page for them; they are statements of
Polish, wrong whatever the page, so each case here is a made-up guard and says so. What they pin:
a weekend is Saturday and Sunday ("w weekendy 10-14", "w weekend w godz. 10-14"); every day with
the weekend too is the whole week ("codziennie (także w weekendy) 8-20"); "przez cały tydzień" and
"7 dni w tygodniu" are the whole week; the days free from work ("w dni wolne od pracy", "w dni
ustawowo wolne od pracy") are Saturday and Sunday of a week, not the office days; "sb." is
Saturday as "sob." is; one weekend ("w najbliższy weekend") is a date, not a day of every week.
Two real lines read by these rules are cases too: a weekend's hours in owner_fresh m025, and tune
a026, where each range is followed by its own days ("od godz. 18:00 do 8:00 w dni robocze oraz
całodobowo w dni ustawowo wolne od pracy").
"""

from __future__ import annotations

import pytest

from transforms.opening_hours import DAYS, WEEKDAYS, read_schedules

WEEKEND = ("Sa", "Su")


def _hours(text: str) -> set[tuple[tuple[str, ...], str, str]]:
    return {(s.days, s.opens, s.closes) for s in read_schedules(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Czas korzystania z telefonów grupowych: w dni robocze 17:30- 20:00 i w weekend "
            "11:00-13:00 i 16:30-20:00.",
            {
                (WEEKDAYS, "17:30", "20:00"),
                (WEEKEND, "11:00", "13:00"),
                (WEEKEND, "16:30", "20:00"),
            },
            id="m025 mow-szczecin.edupage.org (owner_fresh): 'w weekend' is Saturday and Sunday",
        ),
        pytest.param(
            "(od godz. 18:00 do 8:00 w dni robocze oraz całodobowo w dni ustawowo wolne od pracy).",
            {(WEEKDAYS, "18:00", "08:00"), (WEEKEND, "00:00", "24:00")},
            id="a026 tune (night and holiday care): each range takes the days written after it",
        ),
        pytest.param(
            "Świetlica czynna w weekendy 10-14.",
            {(WEEKEND, "10:00", "14:00")},
            id="made-up: weekends with bare hours",
        ),
        pytest.param(
            "Świetlica czynna w weekend w godz. 10-14.",
            {(WEEKEND, "10:00", "14:00")},
            id="made-up: a weekend is not the office days",
        ),
        pytest.param(
            "Punkt czynny od poniedziałku do piątku 8-16, w weekendy 10-14.",
            {(WEEKDAYS, "08:00", "16:00"), (WEEKEND, "10:00", "14:00")},
            id="made-up: weekdays and weekends with their own hours",
        ),
        pytest.param(
            "Biblioteka czynna codziennie (także w weekendy) 8-20.",
            {(DAYS, "08:00", "20:00")},
            id="made-up: every day with the weekend too",
        ),
        pytest.param(
            "Punkt czynny przez cały tydzień w godzinach 12.00-15.00.",
            {(DAYS, "12:00", "15:00")},
            id="made-up: the whole week said with 'tydzień'",
        ),
        pytest.param(
            "Czynne 7 dni w tygodniu 8-20.",
            {(DAYS, "08:00", "20:00")},
            id="made-up: seven days a week before bare hours",
        ),
        pytest.param(
            "Dyżur w dni wolne od pracy w godz. 9-13.",
            {(WEEKEND, "09:00", "13:00")},
            id="made-up: the days free from work are not the office days",
        ),
        pytest.param(
            "Dyżur w dni ustawowo wolne od pracy 8-20.",
            {(WEEKEND, "08:00", "20:00")},
            id="made-up: the days free from work by law, bare hours",
        ),
        pytest.param(
            "Pomoc od poniedziałku do piątku 16-22, w soboty, niedziele i dni wolne od pracy "
            "w godz. 8-22.",
            {(WEEKDAYS, "16:00", "22:00"), (WEEKEND, "08:00", "22:00")},
            id="made-up: Saturdays, Sundays and days free from work as one list",
        ),
        pytest.param(
            "Punkt czynny: pn.-pt. 8-16, sb. 9-13.",
            {(WEEKDAYS, "08:00", "16:00"), (("Sa",), "09:00", "13:00")},
            id="made-up: 'sb.' is Saturday",
        ),
        pytest.param(
            "Czynne: sob. 9-13, niedz. 10-12.",
            {(("Sa",), "09:00", "13:00"), (("Su",), "10:00", "12:00")},
            id="made-up: 'sob.' and 'niedz.'",
        ),
        pytest.param(
            "Zapraszamy w najbliższy weekend w godz. 10-14 na festyn.",
            set(),
            id="made-up: one weekend is a date of an event, not a day of every week",
        ),
        pytest.param(
            "W weekendy świetlica jest nieczynna, w tygodniu od 14 do 18.",
            {(WEEKDAYS, "14:00", "18:00")},
            id="made-up: weekends said to be closed",
        ),
    ],
)
def test_week_days(text: str, expected: set[tuple[tuple[str, ...], str, str]]) -> None:
    assert _hours(text) == expected


def test_a_real_every_day_stays_office_days() -> None:
    # w001 seniorzy.tychy.ib-polska.pl/klub-seniora: "codziennie" with office hours is Mo–Fr
    text = "Punkt czynny jest codziennie dziennie w godzinach 8:00 – 16:00."
    assert _hours(text) == {(WEEKDAYS, "08:00", "16:00")}
