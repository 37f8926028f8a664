"""Does a page's text speak for a unit that provides support, though it never names it?

Detection (`extractors.detect`) takes a page when its title, headings or text name an
institution or its host is public. A support page of a unit whose site says neither (a crisis
centre's "Interwencja kryzysowa" page, a school counsellor's hours, a counselling centre's
rules) still states forms of support, hours and ages, and `wsparcie extract` gives them in a
row of role "page". What tells such a page from a guide, a blog or an encyclopedia entry about
the same kinds of unit is how it speaks:

- a unit says what it does: "Ośrodek realizuje…", "Zespół orzekający wydaje opinię…",
  "OREW prowadzi…", "Interwencja kryzysowa w OPSiIK świadczona jest…";
- it speaks of its own unit: "w naszej Poradni", "naszego Ośrodka";
- it gives a specialist's hours: "Godziny pracy pedagoga:";
- it gives its own hours: a unit said to be open at a time ("świetlica jest czynna od 6:30 do
  16:00", "Żłobek czynny jest od poniedziałku do piątku w godzinach od 6:00", "Sekretariat
  czynny w godz. 8-15"), or its own activities at a time ("Zajęcia dla dzieci w wieku 3-12 lat
  odbywają się w godzinach 11ºº – 12³º");
- it invites the ones it serves by their age ("Zapraszamy dzieci w wieku 4-6 lat", "maluszki",
  "przyjmujemy dzieci od 1. roku życia"), or says whom it takes in the passive or of its care
  ("przyjmowane są dzieci po 12 miesiącu życia", "Półkolonie są kierowane do dzieci w wieku
  6-13 lat", "zapewnia opiekę nad dziećmi od ukończenia 18 miesiąca życia"), who comes to it
  by age ("uczęszczają dzieci w wieku 3 – 6 lat"), what it is, by age ("jest placówką … dla
  dzieci i młodzieży w wieku 6-18 lat"), whom its work is for ("adresatami działań jest grupa
  … dzieci i młodzieży w wieku od 4 do 18 lat") or its age groups there now ("działają trzy
  grupy wiekowe:" over "- Maluszki - od 5 miesiąca …");
- it heads its own hours ("Godziny otwarcia" over its day lines, "Godziny pracy przedszkola:
  od 6:00 do 16:30") or says its own units are open ("nasze biblioteki będą czynne …");
- it says whom it serves by age in the first person plural ("wprowadziliśmy … formę
  zakwaterowania, … pozwalającą młodym ludziom (18-25 lat)"), unless news quotes it ("… –
  mówi X"), or invites them to its activities ("Zapraszamy dzieci i młodzież do korzystania z
  zajęć", over its timetable).

The first three say what the unit offers (`offers_as_a_provider`); the others only when it is
open and whom it takes (`gives_its_own_hours_or_ages`): such a page gives its hours and ages,
not the offers of the bodies it names (`flows.inspect`).

Singular units only: a page describing "ośrodki" or "centra" in general speaks for none, nor
one saying when "urzędy" or "placówki" are open; a unit's hours count only in the present or
future tense with a time that follows ("była czynna" is a report).
"""

from __future__ import annotations

import re

# A unit, as a page refers to itself, in any case, singular.
_UNIT = (
    r"(?:[Oo]środ(?:ek|ka|kiem|ku)|[Pp]lacówk[aięą]|[Pp]oradni[aąę]?|[Zz]esp[oó]ł(?:u|em|owi)?|"
    r"[Cc]entrum|[Śś]wietlic[aięy]|[Pp]unkt(?:u|em|cie)?)"
)
# An acronym of a unit: at least three capitals in one short word ("OREW", "OPSiIK").
_ACRONYM = r"(?=\w{0,7}[A-ZĄĆĘŁŃÓŚŹŻ]\w{0,7}[A-ZĄĆĘŁŃÓŚŹŻ])[A-ZĄĆĘŁŃÓŚŹŻ]\w{2,7}"
_PROVIDES = (
    r"(?:świadcz\w*|realizuje|udziel\w*|prowadzi|zapewnia|oferuje|wydaje|przyjmuje|zaprasza|"
    r"organizuje)"
)
# A unit that keeps hours, in the nominative singular, as a page names itself ("Świetlica jest
# czynna", "Żłobek czynny jest", "Sekretariat czynny", "Ogrzewalnia czynna jest", "Filia nr 3
# będzie czynna", "Klub ma działać", "Gabinet pielęgniarki szkolnej czynny jest codziennie:"), with up to eight words of its own
# between it and what is said of it ("Świetlica szkolna dla dzieci z przedszkola jest czynna"),
# none of them a past tense or a "nie" ("Świetlica była czynna" is a report).
_OPEN_UNIT = (
    r"(?:[Oo]środek|[Pp]lacówka|[Pp]oradnia|[Cc]entrum|[Śś]wietlica|[Pp]unkt|[Żż]łobek|"
    r"[Pp]rzedszkole|[Ss]ekretariat|[Bb]iblioteka|[Kk]lub|"
    r"[Oo]grzewalnia|[Nn]oclegownia|[Ss]chronisko|[Hh]ostel|[Łł]aźnia|[Jj]adłodajnia|[Ff]ilia|"
    r"[Ww]arsztat|[Gg]abinet)"
    r"(?:[ \t]+(?!(?:był\w*|nie)\b)[^\s.!?]+){0,8}?"
)
# Open, in the present or future: "jest czynna", "czynny jest", "będzie czynne", "pracuje",
# "działa", "przyjmuje", "otwarta jest".
_IS_OPEN = (
    r"(?:(?:jest|będzie)\s+)?(?:czynn[aey]|otwart[aey])(?:\s+(?:jest|będzie))?"
    r"|pracuje|działa|(?:ma|będzie)\s+działać|przyjmuje\s+(?:interesantów|klientów|dzieci)"
)
# A time of the day within the same sentence, which may run over a line ("od poniedziałku do
# piątku" / "w godzinach – od 6:00", "w godz. 7.00"): "6:30", "8.00", "8-16", "od 8 do 15",
# "11ºº", "930 - 1230" (superscript minutes run into the hour; not years "2020 - 2021").
_A_TIME = (
    r"(?:godz\.|[^.!?]){0,100}?"
    r"(?:\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\b|\d{1,2}\s*[º°]"
    r"|\b(?!(?:19|20)\d\d\b)\d{1,2}[0-5][05]\s*[-–]\s*(?!(?:19|20)\d\d\b)\d{1,2}[0-5][05]\b"
    r"|\bod\s+\d{1,2}\s+do\s+\d{1,2}\b)"
)
_OWN_HOURS = rf"\b{_OPEN_UNIT}[ \t\n]+(?:{_IS_OPEN})\b{_A_TIME}"
# Its own units in the plural, open at a time: "nasze biblioteki będą czynne … (w godzinach
# 8:00-16:00)".
_OUR_UNITS_OPEN = rf"\b[Nn]asze\s+\w+\s+(?:są|będą)\s+(?:czynne|otwarte)\b{_A_TIME}"
# A heading of its own hours over them: "Godziny otwarcia" / "PONIEDZIAŁEK 8:00 - 16:00",
# "Godziny przyjęć interesantów:" / "poniedziałek godz. 7:30 - 11:00" (tune f019),
# "Godziny pracy przedszkola: od 6:00 do 16:30" (a time within the next three lines).
_HOURS_HEADING = (
    r"(?im:^[ \t]*godziny[ \t]+(?:otwarcia|pracy|urzędowania|przyjęć)\b[^\n\d]{0,40}"
    r"(?:\n[^\n]*){0,3}?[^\n]*?\b\d{1,2}[:.]\d{2}\b)"
)
# Its activities at a time: "Zajęcia (dla dzieci …) odbywają się w godzinach 16-19".
_OWN_ACTIVITIES = rf"\b[Zz]ajęcia\b[^.!?\n]{{0,60}}?\bodbywają\s+się\b{_A_TIME}"
# Its staff on duty at a time, in the present: "we wszystkich Oddziałach codziennie w godz.
# 7.00-15.00 dyżurują psycholodzy i pedagodzy" (fresh r027), "psycholog dyżuruje we wtorki w
# godz. 15-18".
_CLOCK = r"(?:\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\b)"
_ON_DUTY = rf"\bdyżuruj[eą]\b{_A_TIME}|{_CLOCK}[^.!?\n]{{0,40}}?\bdyżuruj[eą]\b"
# Where and when to come in person, said to the reader: "należy zgłosić się do pracownika
# socjalnego obsługującego rejon … od poniedziałku do piątku w godzinach od 8 do 10" (fresh
# r009); not a deadline to report something ("Nieobecności należy zgłaszać do godziny 8.00").
_COME_AT = (
    r"\b(?:[Nn]ależy|[Mm]ożna|[Pp]rosimy)\s+(?:się\s+zgł(?:osić|aszać)|zgł(?:osić|aszać)\s+się)\b"
    r"[^.!?]{0,160}?(?:\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\b"
    r"|\bod\s+\d{1,2}\s+do\s+\d{1,2}\b)"
)
# Those it serves invited by age: "Zapraszamy dzieci w wieku 4-6 lat", "przyjmujemy dzieci od",
# and by the age they have reached: "Przyjmujemy dzieci, które ukończyły pierwszy rok życia"
# (fresh w009).
_INVITES_BY_AGE = (
    r"\b(?:[Zz]apraszamy|[Pp]rzyjmujemy)\s+(?:\w+\s+){0,3}?"
    r"(?:dzieci|młodzież|uczniów|maluch|maluszk|najmłodsz)\w*"
    r"(?:\s+i\s+\w+)?(?:\s+(?:w\s+wieku|od|do\s+lat|do\s+\d)"
    r"|,?\s+(?:które|którzy)\s+(?:już\s+)?(?:ukończył|skończył)\w*\s+(?:\d|\w+\s+(?:rok|lat|miesi)))"
)
# Whom it takes, said in the passive or of its care: "Do grup żłobkowych przyjmowane są dzieci
# po 12 miesiącu życia", "Półkolonie są kierowane do dzieci w wieku 6-13 lat", "Żłobek zapewnia
# opiekę nad dziećmi od ukończenia 18 miesiąca życia".
_TAKES_BY_AGE = (
    # and in the singular, of an offer: "Oferta … skierowana jest przede wszystkim do osób wieku
    # 50+" (fresh w008, the page's "w" lost)
    r"\b(?:przyjmowan[eia]\s+(?:są|będą)|przyjmuje\s+się|(?:są\s+|jest\s+)?(?:kierowan[ea]|"
    r"skierowan[ea]|przeznaczon[ea])\s+(?:są\s+|jest\s+)?(?:przede\s+wszystkim\s+)?(?:do|dla)"
    r"|opiekę\s+nad)\s+(?:\w+\s+){0,2}?(?:dzie(?:ci|ćmi)|młodzież|uczniów|osób)\w*(?:\s+i\s+\w+)?"
    r"\s+(?:(?:w\s+)?wieku|od|po|do\s+lat|do\s+\d)"
    # a unit that takes them, in the singular: "Oddział Dziecięcy liczy 28 łóżek i przyjmuje
    # pacjentów do ukończenia 18 roku życia" (tune j040)
    r"|\bprzyjmuje\s+(?:\w+\s+){0,2}?(?:dzieci|młodzież|uczniów|osoby|pacjentów|podopiecznych)"
    r"(?:\s+i\s+\w+)?\s+(?:w\s+wieku|od\s+\d|po\s+\d|do\s+lat|do\s+\d|do\s+ukończenia)"
    # who comes to it by age, and what it is for by age: "Do przedszkola uczęszczają dzieci w
    # wieku 3 – 6 lat", "jest specjalistyczną placówką … dla dzieci i młodzieży w wieku 6-18 lat"
    r"|\buczęszczają\s+(?:\w+\s+){0,2}?(?:dzieci|młodzież|uczniowie)\w*(?:\s+i\s+\w+)?\s+w\s+wieku"
    r"|\b[Pp]lacówk[aą]\b[^.!?\n]{0,80}?\bdla\s+(?:dzieci|młodzieży|osób)(?:\s+i\s+\w+)?\s+w\s+wieku"
    # whom its work is for: "adresatami działań jest grupa ok. 60 dzieci i młodzieży w wieku od 4"
    r"|\b[Aa]dresat(?:ami|em)\s+(?:naszych\s+)?(?:działań|zajęć|oferty)\s+(?:jest|są)\b"
    r"(?:[^.!?\n]|\bok\.){0,60}?\bw\s+wieku\b"
)
# Its age groups, said to be there now, with a group's age after them: "W Niutku I, III, V
# działają trzy grupy wiekowe:" / "- Maluszki - od 5 miesiąca", "funkcjonują 4 grupy dzieci:" /
# "- Grupa I – dzieci najmłodsze – od 20 tygodnia życia", "W naszym żłobku istnieją dwie
# grupy wiekowe – niemowlęta od 6. do 18. miesiąca życia" (a report, "działały", is not).
_AGE_GROUPS = (
    r"\b(?:działają|istnieją|funkcjonują|mamy|prowadzimy|podzielone\s+są\s+na)\s+"
    r"(?:\w+\s+){0,4}?grup\w*\s+(?:wiekow\w*|dzieci)(?:[^.!?]|\d\.){0,80}?"
    r"\bod\s+\d{1,2}\.?\s+(?:do\s+\d{1,2}\.?\s+)?(?:miesi|tygod|rok|lat)"
)
# Those it serves by age, in a sentence it says in the first person plural: "Dlatego
# wprowadziliśmy nową formę zakwaterowania, …, pozwalającą młodym ludziom (18-25 lat)" (fresh
# y006), "Prowadzimy zajęcia dla dzieci w wieku 7-12 lat"; the verb a past "-liśmy/-łyśmy" or
# "jesteśmy", or one of a unit's own verbs in the present ("programy", "problemy" end as
# verbs do). Not a quotation in news: "… zapraszamy w czwartki … – mówi X" (fresh w014).
_WE_SERVE_BY_AGE = (
    r"(?:\b\w{2,}(?:li|ły)śmy|\bjesteśmy|\b(?:[Oo]ferujemy|[Pp]rowadzimy|[Zz]apewniamy|"
    r"[Uu]dzielamy|[Oo]rganizujemy|[Rr]ealizujemy|[Pp]omagamy|[Ww]spieramy|[Oo]bejmujemy|"
    r"[Ww]ynajmujemy|[Ss]kierujemy))\b"
    r"[^.!?\n]{0,120}?(?:\(\s*\d{1,2}\s*[-–]\s*\d{1,2}\s+lat\b|\bw\s+wieku\s+(?:od\s+)?\d)"
    r"(?![^.!?\n]*[–—-]\s*(?:mówi|dodaje|podkreśla|wyjaśnia|tłumaczy|zaznacza|zapowiada)\b)"
)
# Those it serves invited to its activities, which its hours then time: "Informujemy, że
# ruszają zajęcia świetlicowe … Zapraszamy dzieci i młodzież do korzystania z zajęć." over the
# day rooms' timetable (fresh t028).
_INVITES_TO_ACTIVITIES = (
    r"\b[Zz]apraszamy\s+(?:\w+\s+){0,2}?(?:dzieci|młodzież|uczniów|seniorów|mieszkańców)\w*"
    r"(?:\s+i\s+\w+)?\s+(?:do\s+korzystania\s+z|na\s+zajęcia|do\s+udziału\s+w\s+zajęciach)"
)
# A unit that says what it offers.
_OFFERS = re.compile(
    rf"\b(?:{_UNIT}|{_ACRONYM})\b[^.!?\n]{{0,60}}?\b{_PROVIDES}\b"
    rf"|\bnasz(?:a|ej|ego|ym|emu)\s+{_UNIT}\b"
    r"|(?i:\bgodziny\s+(?:pracy|przyjęć|dyżurów?)\s+(?:pedagog|psycholog|logoped|terapeut)\w*)"
)
# A unit that gives only when it is open and whom it takes by age.
_OWN_HOURS_OR_AGES = re.compile(
    rf"{_OWN_HOURS}|{_OUR_UNITS_OPEN}|{_HOURS_HEADING}|{_OWN_ACTIVITIES}|{_INVITES_BY_AGE}"
    rf"|{_TAKES_BY_AGE}|{_AGE_GROUPS}|{_ON_DUTY}|{_COME_AT}|{_WE_SERVE_BY_AGE}"
    rf"|{_INVITES_TO_ACTIVITIES}"
)


def offers_as_a_provider(text: str) -> bool:
    """Whether `text` (a page's own text) says what its one unit does or offers."""
    return _OFFERS.search(text) is not None


def gives_its_own_hours_or_ages(text: str) -> bool:
    """Whether `text` gives its own unit's hours, or whom it takes by age."""
    return _OWN_HOURS_OR_AGES.search(text) is not None
