"""A page's own institution placed by the page's own evidence where its name leaves the place
open (transforms/normalise.py, `resolve_record_place`): the area code of its landlines and the
gmina its site's host names. Each case is a subject of the web corpus's tune half
(benchmarks/web_corpus), as `wsparcie extract` reads it; each counter-case is the same record
without that evidence, or with evidence that names no gmina."""

from __future__ import annotations

import pytest
from helpers import NationalGazetteer, raw_row  # tests/ helper module

from transforms.normalise import normalise_record
from transforms.places import Gazetteer
from transforms.places.hosts import host_place_labels
from warehouse.gazetteer_rows import gazetteer_from_warehouse


@pytest.fixture(scope="module")
def gazetteer(national_gazetteer: NationalGazetteer) -> Gazetteer:
    return gazetteer_from_warehouse(national_gazetteer.con)


@pytest.mark.parametrize(
    ("name", "url", "phones", "expected"),
    [
        # b051 (mow.pulawy.pl): Puławy is a town of powiat puławski and two villages; the
        # page's "tel. 81 886 34 18" is area code 81, postal district 2 (Puławy is 24-100)
        pytest.param("Młodzieżowy Ośrodek Wychowawczy w Puławach", "http://mow.pulawy.pl/kierowanie/",
                     ("tel. 81 886 34 18",), ("0614", "0614011", "landline_area"),
                     id="b051-area-code"),
        # e037 (ops.staszow.pl): the town of gmina Staszów, not the village of gmina Kozienice
        pytest.param("Ośrodek Pomocy Społecznej w Staszowie",
                     "http://ops.staszow.pl/jak-uzyskac-pomoc.html", (),
                     ("2612", "2612073", "site_gmina"), id="e037-host-names-the-gmina"),
        # b095 (spskrzeszew.wieliszew.pl): a school's site under its gmina's domain; two
        # villages Skrzeszew and four Skrzeszewo
        pytest.param("Szkoła Podstawowa im. Kornela Makuszyńskiego w Skrzeszewie",
                     "https://www.spskrzeszew.wieliszew.pl/szkola_podstawowa/zawartosc/229/", (),
                     ("1408", "1408052", "site_gmina"), id="b095-gmina-portal-subdomain"),
    ],
)  # fmt: skip
def test_a_subject_placed_by_its_page(
    gazetteer: Gazetteer,
    name: str,
    url: str,
    phones: tuple[str, ...],
    expected: tuple[str, str, str],
) -> None:
    record = normalise_record(raw_row(name, role="subject", url=url, phones_raw=phones), gazetteer)
    assert (record.powiat_teryt, record.gmina_teryt, record.place_method) == expected
    # without the page's evidence the same name stays unplaced
    bare = normalise_record(raw_row(name, role="subject"), gazetteer)
    assert bare.powiat_teryt is None


@pytest.mark.parametrize(
    ("name", "url", "phones"),
    [
        # e007 (soswkobylanka.pl): the label glues the kind to the place; six villages
        # Kobylanka, one of them in gmina Kobylanka, which is not this school's
        pytest.param("Specjalny Ośrodek Szkolno-Wychowawczy w Kobylance",
                     "http://soswkobylanka.pl/historia.html", (), id="e007-label-not-a-gmina"),
        # c099 (pcpr.powiat.poznan.pl): a county's site names its seat, the city of Poznań,
        # not the gmina of the crisis centre in Kobylnica it writes about
        pytest.param("Ośrodek Interwencji Kryzysowej w Kobylnicy",
                     "https://pcpr.powiat.poznan.pl/pomoc-instytucjonalna/", (),
                     id="c099-county-site"),
        # b098 (przedszkole.zduny.pl): two gminas are named Zduny
        pytest.param("Publiczne Przedszkole w Zdunach", "http://przedszkole.zduny.pl/aktualnosci/",
                     (), id="b098-two-gminas-of-the-name"),
        # e010 (mgops.sianow.pl): a name with no place and no address is not placed from the
        # host alone; that rule gave pages whose gold states no place a powiat (c006, c049,
        # c096 of tune, three of the 96 saved pages) and was dropped
        pytest.param("Miejsko-Gminny Ośrodek Pomocy Społecznej", "https://www.mgops.sianow.pl/wniosek/",
                     ("tel. 94 306 70 38",), id="e010-no-place-no-guess"),
        # a mobile number names no region
        pytest.param("Młodzieżowy Ośrodek Wychowawczy w Puławach", "https://example.org/strona",
                     ("tel. 601 234 567",), id="mobile-number"),
    ],
)  # fmt: skip
def test_a_subject_its_page_does_not_place(
    gazetteer: Gazetteer, name: str, url: str, phones: tuple[str, ...]
) -> None:
    record = normalise_record(raw_row(name, role="subject", url=url, phones_raw=phones), gazetteer)
    assert record.powiat_teryt is None


def test_the_host_speaks_for_the_subject_only(gazetteer: Gazetteer) -> None:
    """A mention on a page is another body, wherever the page's site is."""
    url = "http://ops.staszow.pl/jak-uzyskac-pomoc.html"
    subject = normalise_record(
        raw_row("Ośrodek Pomocy Społecznej w Staszowie", role="subject", url=url), gazetteer
    )
    mention = normalise_record(
        raw_row("Ośrodek Pomocy Społecznej w Staszowie", role="mention", url=url), gazetteer
    )
    assert (subject.powiat_teryt, mention.powiat_teryt) == ("2612", None)


@pytest.mark.parametrize(
    ("url", "labels"),
    [
        ("https://www.spskrzeszew.wieliszew.pl/x", ("spskrzeszew", "wieliszew")),
        ("http://pcpr-zuromin.pl/", ("pcpr", "zuromin")),
        ("https://pcpr.powiat.poznan.pl/", ()),  # a county's site
        ("https://zawiercie.powiat.pl/", ()),
        ("http://bip.gops.gov.pl/", ("gops",)),
        (None, ()),
    ],
)
def test_host_place_labels(url: str | None, labels: tuple[str, ...]) -> None:
    assert host_place_labels(url) == labels
