"""A number right below a sentence about another body is that body's (issue 12).

A sanepid's page quotes the chief sanitary inspectorate: "W ramach digitalizacji inspekcji
sanitarnej Główny Inspektorat Sanitarny uruchomił automatyczne powiadomienia o nałożeniu
kwarantanny." / "Nr telefonu" / "+48 22 10 43 705 to numer, z którego nadawany jest komunikat
…" (tune a067 of `benchmarks/web_corpus`); a gmina's page tells of the voivode's office's point:
"Podlaski Urząd Wojewódzki uruchomił całodobowy punkt informacyjny …" / "… W punkcie działa
również całodobowa infolinia – nr tel. 603 660 052." (t006 of `benchmarks/contacts_fresh`).
The number lines name nobody and the sentence above is a finished one, so neither
`foreign_lines` nor `other_kind_lines` gave them away. Now a number line naming no body, right
below a line that names another body in the nominative, as its sentence's subject, and not
the owner (over at most one bare label line), is that body's
(`owner_lines.below_other_body_lines`); below a line naming the owner, or naming another body
only as a place ("… pozostają w budynku Urzędu Miasta i Gminy Górzno." / "tel. (56) 4988181",
n008 of `benchmarks/contacts_fresh`), it stays the owner's.

Each case quotes the lines it needs from the real document, under its own address.
"""

from __future__ import annotations

import pytest
from helpers import assert_phones_hold

from extractors.html_pages.owner_lines import owner_contacts
from extractors.html_pages.page_owner import PageOwner
from extractors.html_pages.page_text import page_text_of_plain

A067_URL = "http://pssemogilno.pl/komunikaty.html"
A067 = (
    "Powiatowa Stacja Sanitarno-Epidemiologiczna w Mogilnie\n"
    "W ramach digitalizacji inspekcji sanitarnej Główny Inspektorat Sanitarny uruchomił "
    "automatyczne powiadomienia o nałożeniu kwarantanny.\n"
    "Nr telefonu\n"
    "+48 22 10 43 705 to numer, z którego nadawany jest komunikat o objęciu kwarantanną.\n"
)
A067_OWNER = PageOwner("Powiatowa Stacja Sanitarno-Epidemiologiczna w Mogilnie", 5, (), (0,))

T006_URL = "https://rutka-tartak.com.pl/pomoc-obywatelom-ukrainy-w-wojewodztwie-podlaskim/"
T006 = (
    "Pomoc obywatelom Ukrainy w województwie podlaskim\n"
    "Podlaski Urząd Wojewódzki uruchomił całodobowy punkt informacyjny dla obywateli Ukrainy, "
    "który działa w hali dworca kolejowego PKP w Białymstoku (ul. Kolejowa 9).\n"
    "Uchodźcy z Ukrainy mogą w nim otrzymać informacje dotyczące zakwaterowania w miejscach "
    "zorganizowanych przez wojewodę podlaskiego we współpracy z samorządami, legalizacji "
    "pobytu, możliwej pomocy materialnej i żywieniowej. W punkcie działa również całodobowa "
    "infolinia – nr tel. 603 660 052.\n"
)
T006_OWNER = PageOwner("Urząd Gminy Rutka-Tartak", 5, (), ())

N008_URL = "http://archiwum.bip.gorzno.pl/index8526.html?idg=8&id=683&x=6"
N008 = (
    "Gminny Ośrodek Pomocy Społecznej w Górznie\n"
    "Świadczenia rodzinne, świadczenia wychowawczo-rodzinne - Rodzina 500+ oraz świadczenia "
    "Dobry Start 300+ nadal pozostają w budynku Urzędu Miasta i Gminy Górzno.\n"
    "tel. (56) 4988181\n"
)

A035_URL = "https://mopsostrowiec.pl/deinstytucjonalizacja-2/"
A035 = (
    "Miejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim\n"
    " • prowadzenie działań informacyjnych na terenie miasta, współpraca z służbami: Strażą "
    "Miejską, Policją.\n"
    "Kontakt – tel. 883 104 999\n"
)


@pytest.mark.parametrize(
    ("text", "url", "owner", "kept", "left_out"),
    [
        pytest.param(
            A067,
            A067_URL,
            A067_OWNER,
            [],
            ["22 10 43 705"],
            id="a067-the-inspectorates-number-under-a-bare-label",
        ),
        pytest.param(
            T006,
            T006_URL,
            T006_OWNER,
            [],
            ["603 660 052"],
            id="t006-the-voivode-offices-infoline-on-the-next-line",
        ),
        pytest.param(
            A067.replace(
                "Główny Inspektorat Sanitarny uruchomił",
                "Powiatowa Stacja Sanitarno-Epidemiologiczna w Mogilnie uruchomiła",
            ),
            A067_URL,
            PageOwner("Powiatowa Stacja Sanitarno-Epidemiologiczna w Mogilnie", 5, (), (0, 1)),
            ["22 10 43 705"],
            [],
            id="a067-below-the-owners-own-sentence-the-number-stays-its",
        ),
        pytest.param(
            A067.replace("Nr telefonu\n", "Nr telefonu\nW sprawach zgłoszeń:\n"),
            A067_URL,
            A067_OWNER,
            ["22 10 43 705"],
            [],
            id="a067-two-lines-between-and-the-sentence-no-longer-reaches",
        ),
        pytest.param(
            N008,
            N008_URL,
            PageOwner("Gminny Ośrodek Pomocy Społecznej w Górznie", 5, (), (0,)),
            ["4988181"],
            [],
            id="n008-a-body-named-as-the-place-leaves-the-number-the-owners",
        ),
        pytest.param(
            A035,
            A035_URL,
            PageOwner("Miejski Ośrodek Pomocy Społecznej w Ostrowcu Świętokrzyskim", 5, (), (0,)),
            ["883 104 999"],
            [],
            id="a035-bodies-worked-with-leave-the-streetworkers-number-the-owners",
        ),
    ],
)
def test_a_number_below_another_bodys_sentence(
    text: str, url: str, owner: PageOwner, kept: list[str], left_out: list[str]
) -> None:
    phones = owner_contacts(page_text_of_plain(text, url), owner).phones
    assert_phones_hold(phones, kept, left_out)
