"""The page's own institution kept as its page writes it (issue 12, round 11).

Kinds of error made after the owner was rightly found, each general (they recur on any
Polish institution's page) and each from a tune document of the web corpus
(`benchmarks/web_corpus`, the id in the case id), as `wsparcie extract` reads it:

- a capitalised preposition makes the word after it part of the name, not a bare seat:
  "Szpital Na Wyspie" (a092) was read as "Szpital Na" in a village "Wyspa" of another
  voivodeship and shown as "Szpital Na w Wyspie";
- a seat whose adjective the page declines as today's Polish does stays as written: "w Dębem
  Wielkim" (c021) was respelt "w Dębem Wielkiem", because the adjective's lemma ("wielki")
  is not the locality's word ("Wielkie");
- "ul.Kilińskiego 25a" with no space after the abbreviation (f029) is a street: the address
  under the name was not read, and the subject had no postal code and no place;
- a teaser's "Read More »" at the end of its heading (f045, a WordPress list of posts) is
  template furniture: it was read into the name and respelt "Read Morę";
- a bare seat of several words whose later word also belongs to institution names ("Urząd
  Gminy Nowe Miasto Lubawskie", b043): "Miasto" kept the place from being read, and the
  subject had no place;
- a patron whose title is capitalised ("im. Św. Jana Pawła II", "im. Ks. …") was cut at the
  title, and a name that runs on to the next line ("… Ośrodka Szkolno – Wychowawczego" / "im.
  Św. Jana Pawla II w Leżajsku", b084) lost its patron; of two readings of one body the one
  with "II" lost as if the numeral were an acronym to write out.
"""

from __future__ import annotations

import pytest
from helpers import NationalGazetteer, raw_row  # tests/ helper module

from extractors.contacts import find_addresses
from extractors.html_pages.owner_candidates import names_in
from extractors.html_pages.page_owner import find_page_owner
from extractors.html_pages.page_text import clean_line, page_text_of_plain
from extractors.mention_records import page_text as mention_page_text
from transforms.names import normalise_name
from transforms.normalise import normalise_record
from transforms.places import Gazetteer
from warehouse.gazetteer_rows import gazetteer_from_warehouse


@pytest.fixture(scope="module")
def gazetteer(national_gazetteer: NationalGazetteer) -> Gazetteer:
    return gazetteer_from_warehouse(national_gazetteer.con)


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        # a092 (szpitalnawyspie.pl): "Oddział Dziecięcy Szpitala Na Wyspie"; the page gives no
        # place, so none is given
        pytest.param("Szpital Na Wyspie", "https://szpitalnawyspie.pl/PL/109/402/Mikolaj",
                     ("Szpital Na Wyspie", None), id="a092-preposition-in-the-name"),
        # c021 (gops.debewielkie.pl): the heading and the notice write "w Dębem Wielkim"
        pytest.param("Gminny Ośrodek Pomocy Społecznej w Dębem Wielkim",
                     "https://gops.debewielkie.pl/n,program-opieka-wytchnieniowa",
                     ("Gminny Ośrodek Pomocy Społecznej w Dębem Wielkim", "1412"),
                     id="c021-adjective-locative-as-written"),
        # b043 (gminanml.pl): the accessibility statement's "Urząd Gminy Nowe Miasto
        # Lubawskie", a bare seat whose "Miasto" is also a word of institution names
        pytest.param("Urząd Gminy Nowe Miasto Lubawskie", "https://gminanml.pl/PL/3326/Informacja",
                     ("Urząd Gminy Nowe Miasto Lubawskie", "2812"), id="b043-bare-seat-with-miasto"),
        # counter-cases: a bare seat right after the type is still the seat, and a seat
        # written in the nominative is still declined
        pytest.param("Powiatowy Urząd Pracy Kamienna Góra", None,
                     ("Powiatowy Urząd Pracy w Kamiennej Górze", "0207"), id="bare-seat"),
        pytest.param("Gminny Ośrodek Pomocy Społecznej w Dębe Wielkie", None,
                     ("Gminny Ośrodek Pomocy Społecznej w Dębem Wielkiem", "1412"),
                     id="nominative-seat-declined"),
    ],
)  # fmt: skip
def test_the_subjects_name_as_written(
    gazetteer: Gazetteer, name: str, url: str | None, expected: tuple[str, str | None]
) -> None:
    record = normalise_record(raw_row(name, role="subject", url=url), gazetteer)
    assert (record.name, record.powiat_teryt) == expected


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Szpital Na Wyspie", None),  # a092
        ("Dom Pod Lipami", None),
        ("Powiatowy Urząd Pracy Kamienna Góra", "Kamienna Góra"),  # a bare seat after the type
        # "Miasto" is a place's word after its first one, never a place's first word
        ("Urząd Gminy Nowe Miasto Lubawskie", "Nowe Miasto Lubawskie"),  # b043
        ("Urząd Miasta Nowe Miasto", "Nowe Miasto"),
        ("Urząd Miasta", None),
    ],
)
def test_which_bare_place_is_a_seat(gazetteer: Gazetteer, name: str, place: str | None) -> None:
    assert normalise_name(name, gazetteer.place_name).place_raw == place


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # f029 (mops.lubin.pl): the contact block under "Miejski Ośrodek Pomocy Społecznej"
        pytest.param("59-300 Lubin, ul.Kilińskiego 25a\ntel. (76) 74-63-400, fax: 74-63-401",
                     [("ul.Kilińskiego 25a", "59-300", "Lubin")], id="f029-postal-line-first"),
        pytest.param("ul.Kilińskiego 25a, 59-300 Lubin", [("ul.Kilińskiego 25a", "59-300", "Lubin")],
                     id="glued-street-first"),
        pytest.param("ul. Kilińskiego 25a, 59-300 Lubin", [("ul. Kilińskiego 25a", "59-300", "Lubin")],
                     id="spaced-as-before"),
        # an e-mail domain's ".pl" is no "pl." (plac) before a word
        pytest.param("e-mail: mops@lubin.pl.Tel 12, 59-300 Lubin", [], id="mail-domain-not-a-square"),
    ],
)  # fmt: skip
def test_a_street_abbreviation_glued_to_its_name(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert find_addresses(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # f045 (mbp.olsztyn.pl): a list of posts, each heading followed by its link
        pytest.param("Rok Kopernika w Miejskiej Bibliotece Publicznej Read More »",
                     "Rok Kopernika w Miejskiej Bibliotece Publicznej", id="f045-read-more"),
        pytest.param("Nabór do programu Opieka wytchnieniowa Czytaj więcej",
                     "Nabór do programu Opieka wytchnieniowa", id="czytaj-wiecej"),
        pytest.param("Aktualności więcej »", "Aktualności", id="wiecej-arrow"),
        # content that only says "więcej" stays
        pytest.param("Więcej informacji w sekretariacie Poradni",
                     "Więcej informacji w sekretariacie Poradni", id="content-kept"),
        pytest.param("Dowiedz się więcej", "Dowiedz się więcej", id="no-link-mark"),
    ],
)  # fmt: skip
def test_a_teasers_link_is_no_content(line: str, expected: str) -> None:
    assert clean_line(line) == expected


# b084 (sosw.lezajsk.pl): the page's title in two lines, the patron and the place on the
# second, its saint's title capitalised
B084 = (
    "40 lat Specjalnego Ośrodka Szkolno – Wychowawczego\n"
    "im. Św. Jana Pawla II w Leżajsku\n\n"
    "„W tym mieście, w Wadowicach, wszystko się zaczęło. I życie się zaczęło, i szkoła się "
    "zaczęła…”\n\n"
    "– te słowa Św. Jana Pawła II są nam wszystkim bardzo dobrze znane i nie bez powodu je "
    "przytaczam, jako że nasz Papież od 1 czerwca 2016 roku jest patronem Specjalnego Ośrodka "
    "Szkolno – Wychowawczego w Leżajsku. Ośrodka, którego historia sięga aż 1982 roku."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("40 lat Specjalnego Ośrodka Szkolno-Wychowawczego im. Św. Jana Pawla II w Leżajsku",
                     "Specjalny Ośrodek Szkolno-Wychowawczy im. Św. Jana Pawla II w Leżajsku",
                     id="b084-saint-capitalised"),
        pytest.param("Dyrektor Szkoły Podstawowej im. Ks. Jana Twardowskiego w Lublinie zaprasza",
                     "Szkoła Podstawowa im. Ks. Jana Twardowskiego w Lublinie", id="priest-capitalised"),
        pytest.param("Dyrektor Szkoły Podstawowej im. ks. Jana Twardowskiego w Lublinie zaprasza",
                     "Szkoła Podstawowa im. ks. Jana Twardowskiego w Lublinie", id="lowercase-as-before"),
    ],
)  # fmt: skip
def test_a_patrons_title_capitalised(line: str, expected: str) -> None:
    assert [found.name for found in names_in(line, 0)] == [expected]


def test_a_name_over_two_lines_keeps_its_patron() -> None:
    page = page_text_of_plain(B084, "https://sosw.lezajsk.pl/historia-osrodka/")
    owner = find_page_owner(page)
    assert owner is not None
    # as the page writes it ("Pawla"); the record restores the Polish letters
    assert owner.name == "Specjalny Ośrodek Szkolno-Wychowawczy im. Św. Jana Pawla II w Leżajsku"


def test_a_heading_in_capitals_is_not_read_on() -> None:
    """f021 (gok.loniow.pl): "… ŚWIETLIC GMINNEGO OŚRODKA KULTURY" / "W POSZCZEGÓLNYCH
    MIEJSCOWOŚCIACH GMINY": in capitals every word looks like a place's."""
    text = (
        "Świetlice\n\nGminny Ośrodek Kultury posiada świetlice.\n\n"
        "DZIAŁALNOŚĆ ŚWIETLIC GMINNEGO OŚRODKA KULTURY\n"
        "W POSZCZEGÓLNYCH MIEJSCOWOŚCIACH GMINY\n\n"
        "Instruktorzy w poszczególnych świetlicach wykonują własne plany pracy w oparciu o "
        "program Gminnego Ośrodka Kultury."
    )
    owner = find_page_owner(page_text_of_plain(text, "https://gok.loniow.pl/o-nas/"))
    assert owner is not None
    assert owner.name == "Gminny Ośrodek Kultury"


def test_a_teasers_link_is_no_part_of_a_mention() -> None:
    """f045: the text the mentions are read from loses the link too; "Miejska Biblioteka
    Publiczna Read More" was a mention beside the same library as the page's owner."""
    html = (
        "<html><body><p>Rok Kopernika w Miejskiej Bibliotece Publicznej Read More »</p>"
        "<p>Bibliotekarze Miejskiej Biblioteki Publicznej przygotowali ofertę.</p></body></html>"
    )
    assert mention_page_text(html).splitlines() == [
        "Rok Kopernika w Miejskiej Bibliotece Publicznej",
        "Bibliotekarze Miejskiej Biblioteki Publicznej przygotowali ofertę.",
    ]
