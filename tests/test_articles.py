"""Institutions named in articles: the seed pages against a hand annotation, plus synthetic
articles from other counties with other inflections and traps."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from helpers import SHARED, make_document  # tests/ helper module

from extractors.articles import article_text, parse_article
from extractors.mentions import find_mentions
from extractors.records import Document, ExtractionError
from transforms.name_morphology import nominative

GOLD = Path(__file__).parent / "gold" / "seed_mentions.csv"
SEEDS = SHARED / "seeds"


def _document(content: bytes, url: str, content_type: str = "text/plain") -> Document:
    return make_document(
        url, content, content_type=content_type, declared_charset="utf-8", charset="utf-8"
    )


def _names(text: str, content_type: str = "text/plain") -> set[str]:
    document = _document(text.encode("utf-8"), "https://example.invalid/a", content_type)
    return {nominative(record.name_raw) for record in parse_article(document)}


def _gold() -> dict[str, set[str]]:
    gold: dict[str, set[str]] = {}
    with GOLD.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            gold.setdefault(row["file"], set()).add(row["nominative"])
    return gold


@pytest.mark.parametrize("seed", sorted(_gold()))
def test_seed_names_exactly_the_annotated_institutions(seed: str) -> None:
    path = SEEDS / seed
    records = parse_article(_document(path.read_bytes(), path.as_uri()))
    assert {nominative(r.name_raw) for r in records} == _gold()[seed]
    assert all(r.role == "mention" for r in records)


def test_seed_record_fields() -> None:
    path = SEEDS / "000_a6afdbd32f1756f3.txt"
    records = parse_article(_document(path.read_bytes(), path.as_uri()))
    pcpr = next(r for r in records if r.name_raw.startswith("Powiatowego Centrum"))
    assert pcpr.name_raw == "Powiatowego Centrum Pomocy Rodzinie w Skarżysku-Kamiennej"
    assert pcpr.locality_raw == "w Skarżysku-Kamiennej"
    assert pcpr.context_raw is not None
    assert pcpr.context_raw.startswith("Do współpracy zaproszeni zostali")
    listed = next(r for r in records if r.name_raw.startswith("Gminny Ośrodek Pomocy Społecznej"))
    assert listed.context_raw == "Gminny Ośrodek Pomocy Społecznej w Bliżynie"
    town_office = next(r for r in records if r.name_raw == "Urząd Miasta Skarżysko-Kamienna")
    assert town_office.locality_raw == "Skarżysko-Kamienna"


SYNTHETIC = [
    pytest.param(
        "Porozumienie podpisano z Powiatowym Urzędem Pracy w Ropczycach oraz z Komendą "
        "Powiatową Policji w Ropczycach. Dzieci skierowano do Poradni Psychologiczno-"
        "Pedagogicznej w Ropczycach. Wicestarosta Ropczycko-Sędziszowski Jan Kowalski "
        "podziękował przedstawicielom szkół podstawowych i organizacji pozarządowych.",
        {
            "Powiatowy Urząd Pracy w Ropczycach",
            "Komenda Powiatowa Policji w Ropczycach",
            "Poradnia Psychologiczno-Pedagogiczna w Ropczycach",
        },
        id="ropczycki-instrumental-and-person",
    ),
    pytest.param(
        "Podziękowania przekazano Miejskiemu Ośrodkowi Pomocy Społecznej w Dębicy i Poradni "
        "Psychologiczno-Pedagogicznej nr 2 w Dębicy. W spotkaniu uczestniczyli dyrektorzy Szkół "
        "Podstawowych z terenu gminy oraz przedstawiciele ośrodków pomocy społecznej i Zespołów "
        "Interdyscyplinarnych. Gościem był dyrektor Specjalnego Ośrodka Szkolno-Wychowawczego "
        "im. Jana Pawła II w Dębicy.",
        {
            "Miejski Ośrodek Pomocy Społecznej w Dębicy",
            "Poradnia Psychologiczno-Pedagogiczna nr 2 w Dębicy",
            "Specjalny Ośrodek Szkolno-Wychowawczy im. Jana Pawła II w Dębicy",
        },
        id="debicki-dative-and-genitive-plural-traps",
    ),
    pytest.param(
        "Pracownicy MOPS-u w Bochni oraz PCPR spotkali się z dyrekcją II Liceum "
        "Ogólnokształcącego w Bochni. Współpracujemy ze Stowarzyszeniem „Razem dla Rodziny” "
        "we Wrocławiu. Spotkanie prowadziła Anna Nowak, Dyrektor Miejskiego Ośrodka Pomocy "
        "Rodzinie w Dębicy.",
        {
            "MOPS w Bochni",
            "PCPR",
            "II Liceum Ogólnokształcące w Bochni",
            "Stowarzyszenie „Razem dla Rodziny” we Wrocławiu",
            "Miejski Ośrodek Pomocy Rodzinie w Dębicy",
        },
        id="bochenski-acronyms-quotes-roman",
    ),
    pytest.param(
        "Warsztaty Terapii Zajęciowej w Nisku zapraszają. Klienci Środowiskowego Domu "
        "Samopomocy w Nisku i Domu Pomocy Społecznej w Nisku.\n"
        "- Zespół Szkół nr 1 im. ks. Jana Twardowskiego w Nisku\n"
        "- Sąd Rejonowy w Nisku\n"
        "Powiat Niżański oraz Gmina Nisko wspierają Zespół Koordynacji Zasobów.",
        {
            "Warsztaty Terapii Zajęciowej w Nisku",
            "Środowiskowy Dom Samopomocy w Nisku",
            "Dom Pomocy Społecznej w Nisku",
            "Zespół Szkół nr 1 im. ks. Jana Twardowskiego w Nisku",
            "Sąd Rejonowy w Nisku",
        },
        id="nizanski-list-plural-name-and-local-government",
    ),
    pytest.param(
        "Wspolpraca z Gminnym Osrodkiem Pomocy Spolecznej w Lubinie trwa od lat.",
        {"Gminny Ośrodek Pomocy Społecznej w Lubinie"},  # read with its letters put back
        id="ascii-folded",
    ),
    pytest.param(
        "W Poradni Psychologiczno-Pedagogicznej odbyło się spotkanie. Poradnia "
        "Psychologiczno-Pedagogiczna w Kolbuszowej (PPP) zaprasza.",
        {"Poradnia Psychologiczno-Pedagogiczna w Kolbuszowej"},
        id="shorter-reference-folded-into-full-name",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SYNTHETIC)
def test_synthetic_articles(text: str, expected: set[str]) -> None:
    assert _names(text) == expected


HTML = """<!DOCTYPE html><html><head><title>Aktualności</title>
<script>var menu = "Urząd Gminy Bliżyn";</script><style>.x{}</style></head><body>
<nav><ul><li><a href="/">Urząd Gminy Bliżyn</a></li></ul></nav>
<div class="top-menu">Powiatowy Urząd Pracy w Skarżysku-Kamiennej</div>
<div id="content"><h1>Spotkanie zespołu</h1>
<p>Pracownicy <strong>Gminnego Ośrodka Pomocy Społecznej w Bliżynie</strong> spotkali się
z przedstawicielami:</p>
<ul><li>Zespołu Szkół nr 1 w Bliżynie</li><li>Komendy Powiatowej Policji<br>w Skarżysku-Kamiennej</li></ul>
</div>
<footer>© Starostwo Powiatowe w Skarżysku-Kamiennej</footer></body></html>"""


def test_html_takes_the_article_body_only() -> None:
    assert _names(HTML, "text/html") == {
        "Gminny Ośrodek Pomocy Społecznej w Bliżynie",
        "Zespół Szkół nr 1 w Bliżynie",
        "Komenda Powiatowa Policji w Skarżysku-Kamiennej",  # its place after a <br>
    }


def test_html_without_content_type_is_recognised() -> None:
    assert "Urząd Gminy Bliżyn" not in _names(HTML, "application/octet-stream")


def test_article_text_keeps_inline_markup_in_one_line() -> None:
    lines = article_text(HTML).split("\n")
    assert (
        "Pracownicy Gminnego Ośrodka Pomocy Społecznej w Bliżynie spotkali się z przedstawicielami:"
        in lines
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Dyrektor Regionalnego Ośrodka Polityki Społecznej Wiesława Przybysz.", id="after-name"
        ),
        pytest.param(
            "Lista koordynowana przez Iwonę Kalinowską - dyrektora PCPR.", id="accusative"
        ),
        pytest.param("Wicestarosta Powiatu Piskiego Marek Wysocki podpisał.", id="title"),
    ],
)
def test_people_are_never_emitted(text: str) -> None:
    phrases = " ".join(m.phrase for m in find_mentions(text))
    for person in ("Wiesława", "Przybysz", "Iwonę", "Kalinowską", "Marek", "Wysocki"):
        assert person not in phrases


def test_mention_offsets_point_at_the_phrase() -> None:
    text = (SEEDS / "002_07254127c44e4075.txt").read_text(encoding="utf-8")
    mentions = find_mentions(text)
    assert mentions
    for mention in mentions:
        assert " ".join(text[mention.start : mention.end].split()) == mention.phrase
        assert mention.phrase in mention.sentence


def test_empty_article_is_an_error_naming_the_url() -> None:
    with pytest.raises(ExtractionError, match="https://example.invalid/empty"):
        parse_article(_document(b"  \n ", "https://example.invalid/empty"))


def test_article_without_institutions_gives_no_records() -> None:
    assert _names("Dziękujemy wszystkim przedstawicielom instytucji za chęć współpracy.") == set()


@pytest.mark.parametrize(
    ("text", "written"),
    [
        pytest.param("Pomocy udziela Powiatowe Centrum Pomocy Rodzinie w Piszu.",
                     ("Powiatowe Centrum Pomocy Rodzinie w Piszu", "w Piszu"), id="place-phrase"),
        pytest.param("Porozumienie przyjął Urząd Miasta i Gminy Suchedniów.",
                     ("Urząd Miasta i Gminy Suchedniów", "Suchedniów"), id="bare-place"),
        pytest.param("Na spotkaniu był przedstawiciel URZĘDU MIASTA SKARŻYSKO-KAMIENNA.",
                     ("URZĘDU MIASTA SKARŻYSKO-KAMIENNA", "SKARŻYSKO-KAMIENNA"), id="capitals"),
    ],
)  # fmt: skip
def test_a_mention_keeps_its_place_as_written(text: str, written: tuple[str, str]) -> None:
    [record] = parse_article(_document(text.encode(), "https://example.invalid/a"))
    assert (record.name_raw, record.locality_raw) == written
