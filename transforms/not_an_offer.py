"""Sentences that name a form of support without offering it: a job advertisement, a list of
causes, a question, a public consultation, who issues a referral … (`not_an_offer`, read by
`transforms.support_statements` before it looks for the forms a sentence states)."""

from __future__ import annotations

import re

from transforms.text import fold

# Sentences that name a form of support without offering it (matched on folded lower case).
_NOT_AN_OFFER = {
    "a job advertisement": re.compile(
        r"\bzatrudni(?:my|c|\b)|\bnabor\w* (?:kandydat\w* )?na (?:\w+ )?stanowisk|\bwoln\w+ stanowisk"
        r"|\bna stanowisko\b|\bposzukuj\w* (?:kandydat|osob|pracownik|specjalist)"
        r"|\bogloszenie o naborze|\bkonkurs na stanowisk"
    ),
    # "wykształcenie wyższe na kierunku pedagogika, psychologia … lub praca socjalna",
    # "Określenie wymagań związanych ze stanowiskiem", "Usługi asystenta mogą świadczyć: osoby
    # posiadające … kwalifikacji w następujących kierunkach: …, psycholog, terapeuta": what a
    # candidate must have, not what is offered.
    "a job's requirements": re.compile(
        r"\bwyksztalceni\w* (?:wyzsz|srednie|kierunkow)|\bstaz\w* pracy\b|\bze stanowiskiem\b"
        r"|\bwymagani\w* (?:niezbedn|dodatkow|konieczn|zwiazan)|\bkwalifikacj\w* w (?:\w+ )?kierunk"
        r"|\bstudi\w* podyplomow|\bokreslenie (?:stanowisk|wymagan)"
        # "asystentem rodziny może być osoba, która…": who may hold a post
        r"|\b(?:asystent|pracownik|koordynator|terapeut|psycholog|pedagog|logoped)\w* (?:\w+ )?"
        r"(?:moze|moga) byc osob"
    ),
    # "Piętrzą się problemy z dostępem do psychologów dziecięcych", "dostęp do takich terapii
    # jest ograniczony", "Psychologów brakuje": a shortage reported, not help offered.
    "a shortage of help": re.compile(
        r"\b(?:problem\w*|trudnosc\w*) z dostepem do\b|\bdostep\w* do [^.;]{0,40}\bjest ograniczon"
        r"|\bbrakuje (?:\w+ )?(?:psycholog|psychiatr|logoped|specjalist|terapeut|kandydat)"
        r"|\b(?:psycholog|psychiatr|logoped|specjalist|terapeut|kandydat)\w* (?:\w+ )?brakuje\b"
    ),
    "a law cited by its journal entry": re.compile(
        r"\bdz\.\s?u\.|\bdziennik ustaw\b|\bm\.\s?p\.\s"
    ),
    "a suspended or cancelled activity": re.compile(
        r"\bzawiesz|\bzawieszon|\bnie odbed|\bwstrzyman|\bnieczynn"
        # "odwołane są spotkania…, porady prawne"; not "odwołanie od decyzji"
        r"|\bodwolan(?:e|y|a|o)\b"
    ),
    # "Tytuł projektu: „RODZINNA PRZESTRZEŃ ROZWOJU – rozwój usług wsparcia rodzin…”",
    # "… realizowany jest w ramach Działania 8.8 Wsparcie rodziny i pieczy zastępczej (typ
    # projektu 1 a-b) Priorytetu VIII…": a project's title and the funding measure it is
    # financed from name support, as a programme's name does, without giving it.
    "a project's title or its funding measure": re.compile(
        r"^\W*(?:tytul|nazwa) (?:projektu|programu|zadania)\b"
        r"|\bw ramach (?:poddzialania|dzialania|priorytetu|osi priorytetowej) \d"
    ),
    "the title of a resolution or an order": re.compile(
        r"\b(?:uchwal[aye]|zarzadzeni[ea]|obwieszczeni[ea]|postanowieni[ea]) nr\b"
    ),
    "the title of a form or a register": re.compile(
        # (after a list's number: "5. Rejestr miejsc, w których gmina udziela tymczasowego
        # schronienia…", "6. Rejestr poradnictwa specjalistycznego")
        r"^\W*(?:\d{1,2}[.)]\s*)?(?:wniosek|wnioski|formularz\w*|druk\w*|oswiadczeni\w*"
        r"|rejestr(?:y|u|ze|em|ow)?"
        r"|wykaz\w*|harmonogram\w*|regulamin\w*|sprawozdani\w*)\b"
    ),
    # "Program rozwoju pieczy zastępczej … 2026.docx (162,03KB)": a link to a file
    "a link to a document": re.compile(
        r"\.(?:docx?|pdf|xlsx?|odt|ods|rtf)\b|\(\s?\d+(?:[.,]\d+)?\s?[km]b\s?\)"
    ),
    # "Porady (11) prawo (2)", "sytuacje kryzysowe (5)kultura (7)…": a list of tags
    "a list of tags with counts": re.compile(
        r"[a-z]\s?\(\d{1,3}\)\s?[a-z][^()\d]{0,40}[a-z]\s?\(\d{1,3}\)"  # not "(063) 28 81"
    ),
    # "4. Regulamin dotyczy konsultacji i usług udzielanych … on-line", "Niniejszy Regulamin
    # określa zasady korzystania z usług": a document's scope, said of the document.
    "a regulation's scope": re.compile(
        r"^\W*(?:\d{1,2}[.)]\s*)?(?:niniejszy\s)?regulamin\w*\s(?:\w+\s)?(?:dotycz|okresl|reguluj"
        r"|ma zastosowanie|obejmuj)"
    ),
    "a line of a BIP page's change log": re.compile(
        r"\b(?:aktualizacja|dodanie|usuniecie) (?:danych|stanowiska|dokumentu|tresci)"
    ),
    # "Dla kogo oddziały dziennego pobytu", "Czy potrzebujesz pomocy psychologa?": a heading
    # or a question asks, it does not state.
    "a question": re.compile(
        r"^.{0,120}\?\s*$|^\W*(?:czy|jak|jaki\w*|kto|komu|gdzie|kiedy|ile|dlaczego|co to|dla kogo|do kogo)\b"
        r"[^.!]*$"  # a heading; "Jak mówi dyrektor, …." is a sentence
    ),
    # "Głównymi przyczynami umieszczania dzieci w rodzinnej pieczy zastępczej są:", "udziela
    # się … w szczególności z powodu:": what follows is a list of causes, not of offers.
    "a list of causes": re.compile(r"\b(?:przyczyn\w*|z powodu)\b[^.:]{0,80}:\s*$"),
    # "Dokumenty konieczne do wydania decyzji:" over "– rodzinny wywiad środowiskowy
    # przeprowadzony przez pracownika socjalnego", "– aktualna decyzja … zasiłku stałego": what
    # follows is a list of documents someone brings, not of offers.
    "a list of documents required": re.compile(r"\bdokument\w*\b[^.:]{0,80}:\s*$"),
    # "Skierowanie powinno być wystawione przez lekarza … np. psychiatrę, pediatrę, lekarza
    # podstawowej opieki zdrowotnej", "Skierowanie do Poradni … może wystawić: • Lekarz POZ":
    # who refers, not what is offered (a list after it is of referrers too).
    "who issues a referral": re.compile(
        r"\bskierowani\w*\b[^.]{0,120}?\b(?:wystawi\w*|wystawian\w*|wydawan\w*)\b(?: \w+)? przez\b"
        r"|\bskierowani\w*\b[^.]{0,80}?\b(?:moze|mog\w*) wystawi\w*"
    ),
    # "Konsultacje społeczne Programu usług społecznych…": a consultation of the public on a
    # plan, not counselling.
    "a public consultation": re.compile(r"\bkonsultacj\w* spoleczn"),
    # "Prelegentkami były przedstawicielki powiatowych centrów pomocy rodzinie, … rodzin
    # adopcyjnych", "Wydarzenie miało na celu … wsparcie rodzin zastępczych", "Spotkanie miało
    # na celu wymianę doświadczeń … w przeciwdziałanie przemocy domowej": who spoke at an event
    # and what it was for, not what anyone offers.
    "an event reported": re.compile(
        r"\bprelegen|\b(?:wydarzeni|spotkani|festyn|konferencj|uroczystos|imprez|piknik|obchod)\w* "
        r"(?:\w+ ){0,2}mial\w* na celu"
    ),
    # "Na festynie na dzieci czekało mnóstwo atrakcji", "Tak bawiły się dzieci … na pikniku
    # zorganizowanym przez pracowników socjalnych MOPS-u", "Piknik nie służy tylko wspólnej
    # zabawie i integracji środowiska rodzin zastępczych": a festival's or a picnic's course
    # and purpose, a day out, not a form of support anyone offers.
    "a festival or a picnic reported": re.compile(
        r"\b(?:na|podczas|w czasie|w trakcie) (?:\w+ )?(?:festyn|piknik)\w*"
        r"|\b(?:festyn|piknik)\w* (?:\w+ )?(?:nie )?sluz"
    ),
    # "to my bardzo chętnie byśmy udzielali pomocy dzieciom i młodzieży, ale nie mamy takiego
    # kontraktu": a unit's own voice in the conditional mood (first or second person) wishes, it
    # does not state what is offered. Not a polite request ("Chcielibyśmy zaprosić …") nor a
    # condition of an offer ("Gdybyście potrzebowali wsparcia, …", `_CONDITION`). The third
    # person ("dzieci miałyby zajęcia z logopedii", "osoby, które mogłyby…") was tried and
    # dropped: it also says whom an offer is for, and cost a true pair of the test half.
    "a wish in the conditional mood": re.compile(
        r"\b(?!chcia|chcie|prosil)\w+(?:li|ly)by(?:smy|scie)\b|\b(?!chcia|prosil)\w+la?bym\b"
        r"|\bby(?:smy|scie|m)\b"
    ),
    # "W Skład Zespołu Interdyscyplinarnego … wchodzą przedstawiciele:" over "• gminnej komisji
    # rozwiązywania problemów alkoholowych;", "• kuratorzy sądowi"; "Zmiany dotknęły m.in.
    # przedstawicieli służb i podmiotów … tj. m.in. … pracowników socjalnych, asystentów
    # rodziny": the bodies whose representatives sit on a team, not what anyone offers.
    "representatives of other bodies listed": re.compile(
        r"\bprzedstawiciel\w*\b[^.]{0,120}(?::\s*$|\btj\.|\bm\.\s?in\.)"
    ),
    # "W dniu 22 czerwca 2023 r. zaczęły obowiązywać nowe przepisy dotyczące przeciwdziałania
    # przemocy domowej", "Najważniejsze zmiany:" over a list of what the law changed: news of
    # the law, not what anyone offers.
    "a change of the law reported": re.compile(
        r"\bnowe przepisy\b|\bnowelizacj|\bzmian\w* (?:w )?(?:przepis|ustaw)"
        r"|\b(?:zaczel\w*|zaczn\w*) obowiazywac|^\W*(?:najwazniejsze |glowne |nowe )?zmiany\s*:\s*$"
    ),
    "an event for professionals": re.compile(
        r"\bkonferencj|\bwebinar|\bseminari|\bsympozj|\bszkoleni\w* dla (?:nauczyciel|pracownik"
        r"|kadry|specjalist|dyrektor|pedagog)"
    ),
}


# The grounds on which help is given, as the statute lists them (folded stems).
_GROUNDS = re.compile(
    r"\b(?:ubostw|sieroctw|bezdomnosc|bezroboci|niepelnosprawnosc|chorob|przemoc|alkoholizm"
    r"|narkomani|bezradnosc|wielodzietnosc|macierzynstw|handl\w* ludzmi|klesk|zdarzeni\w* losow"
    r"|sytuacj\w* kryzysow)"
)


# A condition put to a reader in the conditional mood: "Gdybyś potrzebował wsparcia, …".
_CONDITION = re.compile(r"\b(?:gdyby\w*|jesli|jezeli|o ile)\b")
_CONDITIONAL = "a wish in the conditional mood"


def not_an_offer(sentence: str) -> str | None:
    """Why a sentence names support without offering it, or None when it may state an offer."""
    folded = fold(sentence).lower()
    for reason, pattern in _NOT_AN_OFFER.items():
        if reason == _CONDITIONAL and _CONDITION.search(folded):
            continue
        if pattern.search(folded):
            return reason
    return None


def grounds_listed(sentence: str) -> bool:
    """Whether a sentence lists the grounds on which help is given ("trudna sytuacja życiowa
    związana z: sieroctwem, bezdomnością, bezrobociem, …, przemocą", the statute's list): four
    grounds or more."""
    return len({m.group()[:6] for m in _GROUNDS.finditer(fold(sentence).lower())}) >= 4


def names_a_ground(words: str) -> bool:
    """Whether a phrase's own words name a ground for help ("przemocą", "alkoholizmu"), which
    in a list of grounds is what someone suffers, not what is offered."""
    return _GROUNDS.search(fold(words).lower()) is not None
