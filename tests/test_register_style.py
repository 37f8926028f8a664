"""Names written as an official register writes them (transforms/register_style.py), through
the normalise stage (transforms/normalise.py) over the national gazetteer (TERC 2026, SIMC
2020, PNA 2024), table-driven from the real lists and saved pages in ../shared/data — and the
names that must stay as written."""

from __future__ import annotations

from dataclasses import replace

import pytest
from helpers import NationalGazetteer, raw_row  # tests/ helper module

from transforms.normalise import RawRow, normalise_record
from transforms.places import Gazetteer
from transforms.register_clean import register_clean
from transforms.register_style import Styled, styled_seat
from warehouse.gazetteer_rows import gazetteer_from_warehouse


@pytest.fixture(scope="module")
def gazetteer(national_gazetteer: NationalGazetteer) -> Gazetteer:
    return gazetteer_from_warehouse(national_gazetteer.con)


def _row(name: str, county: str, **fields: str | None) -> RawRow:
    return raw_row(name, county=county, **fields)


@pytest.mark.parametrize(
    ("written", "clean"),
    [
        # sady_adresy (courts.js)
        ("Sąd Rejonowy dla m.st. Warszawy w Warszawie",
         "Sąd Rejonowy dla miasta stołecznego Warszawy w Warszawie"),
        # html_fixtures: pppkoluszki.biposwiata.pl, soswstoklacki.pl (folded)
        ("PORADNIA PSYCHOLOGICZNO - PEDAGOGICZNA W KOLUSZKACH",
         "PORADNIA PSYCHOLOGICZNO-PEDAGOGICZNA W KOLUSZKACH"),
        ("Specjalny Osrodek Szkolno - Wychowawczy w Stoku Lackim",
         "Specjalny Osrodek Szkolno-Wychowawczy w Stoku Lackim"),
        # sanepid list
        ("Powiatowa Stacja Sanitarno-Epidemiologiczna w Busku - Zdroju",
         "Powiatowa Stacja Sanitarno-Epidemiologiczna w Busku-Zdroju"),
        # utw_malopolskie.csv: a bare locative gets its host's preposition; the list's rows
        # that write one keep theirs
        ("Uniwersytet Trzeciego Wieku Uniwersytecie Papieskim Jana Pawła II, w Krakowie",
         "Uniwersytet Trzeciego Wieku na Uniwersytecie Papieskim Jana Pawła II w Krakowie"),
        ("Uniwersytet Trzeciego Wieku w Uniwersytecie Ekonomicznym",
         "Uniwersytet Trzeciego Wieku w Uniwersytecie Ekonomicznym"),
        # placowki_sds_dps_malopolskie.csv id 106, dps_frekwencja_podkarpackie: a saint's
        # title small inside a name
        ("Dom Pomocy Społecznej Św. Brata Alberta Chmielowskiego Caritas Diecezji Tarnowskiej "
         "w Dąbrowie Tarnowskiej",
         "Dom Pomocy Społecznej św. Brata Alberta Chmielowskiego Caritas Diecezji Tarnowskiej "
         "w Dąbrowie Tarnowskiej"),
        ("Dom Pomocy Społecznej im. Św. Ojca Pio", "Dom Pomocy Społecznej im. św. Ojca Pio"),
        # constructed: the first word, and a name in capitals (the casing rule's), stay
        ("Św. Łukasza Hospicjum", "Św. Łukasza Hospicjum"),
        ("DOM POMOCY SPOŁECZNEJ IM. ŚW. OJCA PIO", "DOM POMOCY SPOŁECZNEJ IM. ŚW. OJCA PIO"),
        # sds_malopolskie_2026-05-04.xlsx: house numbers after the seat, a glued quote
        ("ŚDS w Cerekwi 48", "ŚDS w Cerekwi"),
        ("ŚDS w Radwanowicach 1a", "ŚDS w Radwanowicach"),
        ('ŚDS "Świt"Miłocice 58A', "ŚDS „Świt” Miłocice"),
        # dps_malopolskie
        ("Dom Pomocy Społecznej w Skrzydlnej 289A", "Dom Pomocy Społecznej w Skrzydlnej"),
        # dps_lodzkie
        ("Dom Pomocy Społecznej W Zabłotach", "Dom Pomocy Społecznej w Zabłotach"),
        # web_corpus gold (a068, c030): an en dash with spaces
        ("Ośrodek Adopcyjno – Opiekuńczy w Koszalinie", "Ośrodek Adopcyjno-Opiekuńczy w Koszalinie"),
        # dps_wolne_miejsca_lodzkie: the operator's name after the seat
        ("Dom Pomocy Społecznej w Chorzeszowie Fundacja im. Brata Alberta",
         "Dom Pomocy Społecznej w Chorzeszowie"),
        # dps_wolne_miejsca_lodzkie: what a branch is for, after its seat
        ("DPS Sieradz Filia w Rożdzałach dla przewlekle psychicznie chorych",
         "DPS Sieradz Filia w Rożdzałach"),
        # sanepid.js (mobberizer): "we" before w/f and another consonant
        ("Powiatowa Stacja Sanitarno-Epidemiologiczna w Włoszczowie",
         "Powiatowa Stacja Sanitarno-Epidemiologiczna we Włoszczowie"),
        ("Powiatowa Stacja Sanitarno-Epidemiologiczna w Włocławku",
         "Powiatowa Stacja Sanitarno-Epidemiologiczna we Włocławku"),
        # dps_kujawsko_pomorskie: a type word's slip, one letter doubled
        ("Dom Poomocy Społecznej w Brodnicy", "Dom Pomocy Społecznej w Brodnicy"),
        # ops_slaskie line 105: a type word in lower case takes the register name's capital
        ("Ośrodek Pomocy społecznej w Kornowacu", "Ośrodek Pomocy Społecznej w Kornowacu"),
        # utw_malopolskie.csv: a list joins what it runs to who runs it, after a comma
        ("Nowohucka Akademia Seniora, Stowarzyszenie Przyjaciół Nowej Huty",
         "Nowohucka Akademia Seniora"),
        ("Tarnowski Uniwersytet Trzeciego Wieku, Fundacja „Kromka Chleba”",
         "Tarnowski Uniwersytet Trzeciego Wieku"),
        ("Uniwersytet Trzeciego Wieku w Suchej Beskidzkiej, Wyższa Szkoła Turystyki i Ekologii",
         "Uniwersytet Trzeciego Wieku w Suchej Beskidzkiej"),
        ("Zagórzański Uniwersytet Trzeciego Wieku, Towarzystwo Ziemi Mszańskiej",
         "Zagórzański Uniwersytet Trzeciego Wieku"),
        # utw_malopolskie.csv: the host in lower case in brackets after the seat (official8.csv:
        # "Uniwersytet Trzeciego Wieku w Trzebini"; the seat's spelling is register_style's)
        ("Uniwersytet Trzeciego Wieku w Trzebinii (trzebińskie centrum kultury)",
         "Uniwersytet Trzeciego Wieku w Trzebinii"),
        # html_fixtures/ngo/fundacja.pzm.pl.html (folded) footer: the association's national
        # board is the association (official8.csv: "Polski Związek Motorowy"); "Motorowy" is
        # no "-o" adjective stem either
        ("Polski Zwiazek Motorowy - Zarzad Glowny", "Polski Zwiazek Motorowy"),
        # --- stay as written ---
        # ops_malopolskie_geo.csv: the powiat's note keeps two namesakes' keys apart (the name
        # shown drops it later, in register_style)
        ("Gminny Ośrodek Pomocy Społecznej w Bolesławiu (pow. olkuski)",
         "Gminny Ośrodek Pomocy Społecznej w Bolesławiu (pow. olkuski)"),
        # demo corpus (radomszczanski): a note in brackets may name a unit of the body, not
        # remark on it
        ("Sąd Rejonowy w Radomsku (kuratorzy rodzinni)",
         "Sąd Rejonowy w Radomsku (kuratorzy rodzinni)"),
        # placowki_sds_dps_malopolskie.csv: a capitalised name in brackets is the unit's own
        ("Środowiskowy Dom Samopomocy Biecz - Filia w Gorlicach (Nadzieja)",
         "Środowiskowy Dom Samopomocy Biecz - Filia w Gorlicach (Nadzieja)"),
        # utw_malopolskie.csv: the comma inside the quoted name
        ("Stowarzyszenie Uniwersytet Trzeciego Wieku „Aktywni, ambitni, asertywni” w gminie "
         "Igołomi-Wawrzeńczycach",
         "Stowarzyszenie Uniwersytet Trzeciego Wieku „Aktywni, ambitni, asertywni” w gminie "
         "Igołomi-Wawrzeńczycach"),
        # constructed: a type's name alone before the operator would name no one
        ("Uniwersytet Trzeciego Wieku, Fundacja Kromka Chleba",
         "Uniwersytet Trzeciego Wieku, Fundacja Kromka Chleba"),
        # courts.js, dps_kujawsko_pomorskie: "we" already, or a vowel after the "W"
        ("Sąd Rejonowy we Włoszczowie", "Sąd Rejonowy we Włoszczowie"),
        ("Dom Pomocy Społecznej we Włocławku", "Dom Pomocy Społecznej we Włocławku"),
        ("Powiatowa Stacja Sanitarno-Epidemiologiczna w Wadowicach",
         "Powiatowa Stacja Sanitarno-Epidemiologiczna w Wadowicach"),
        # constructed: "w Lwowie" is another case ("we" before "Lw" is not this rule's)
        ("Dom Polski w Lwowie", "Dom Polski w Lwowie"),
        # official4.csv (the Ozorków home's BIP heading): whom it is for, in lower case, stays
        ("Dom Pomocy Społecznej dla osób przewlekle somatycznie chorych",
         "Dom Pomocy Społecznej dla osób przewlekle somatycznie chorych"),
        # web corpus c068 (tuning half): "do spraw" after a small word, as the gold writes it
        ("Powiatowy Zespół do spraw Orzekania o Niepełnosprawności",
         "Powiatowy Zespół do spraw Orzekania o Niepełnosprawności"),
        # web corpus (gold a-half): a legal-aid point's type name is written in lower case
        ("Punkt nieodpłatnej pomocy prawnej nr 1 w Kartuzach",
         "Punkt nieodpłatnej pomocy prawnej nr 1 w Kartuzach"),
        # constructed: a Polish word a letter from the type's word is not a slip
        ("Dom Pomocą Społecznej", "Dom Pomocą Społecznej"),
        # utw_malopolskie: the operator after "przy" is how the university names itself
        ("Uniwersytet Trzeciego Wieku w Starym Sączu przy Fundacji Rozwoju Sądecczyzny",
         "Uniwersytet Trzeciego Wieku w Starym Sączu przy Fundacji Rozwoju Sądecczyzny"),
        # dps_malopolskie: who it is for is the home's name when no branch precedes it
        ("Dom Pomocy Społecznej dla Dzieci, Młodzieży i Dorosłych Niepełnosprawnych "
         "Intelektualnie w Tarnowie",
         "Dom Pomocy Społecznej dla Dzieci, Młodzieży i Dorosłych Niepełnosprawnych "
         "Intelektualnie w Tarnowie"),
        # dps_podkarpackie: the home's own number, no place before it
        ("Dom Pomocy Społecznej nr 1", "Dom Pomocy Społecznej nr 1"),
        # dps_podkarpackie: two villages, no "Piskorowice-Mołynie" in the gazetteer
        ("Dom Pomocy Społecznej w Piskorowicach - Mołyniach",
         "Dom Pomocy Społecznej w Piskorowicach - Mołyniach"),
        # dps_kujawsko_pomorskie: a dash between a complex and its home
        ("Zespół Domów Pomocy Społecznej i Ośrodków Wsparcia - Dom Pomocy Społecznej „Jesień "
         "Życia” w Bydgoszczy",
         "Zespół Domów Pomocy Społecznej i Ośrodków Wsparcia - Dom Pomocy Społecznej „Jesień "
         "Życia” w Bydgoszczy"),
        # ops_slaskie lines 128, 61, 107: the office's place after the name's own goes
        ("Ośrodek Pomocy Społecznej w Świerklańcu zs. w Nakle Śląskim",
         "Ośrodek Pomocy Społecznej w Świerklańcu"),
        ("Gminny Ośrodek Pomocy Społecznej w Pilchowicach zs. w Nieborowicach",
         "Gminny Ośrodek Pomocy Społecznej w Pilchowicach"),
        ("Ośrodek Pomocy Społecznej Krzyżanowice zs. w Tworkowie",
         "Ośrodek Pomocy Społecznej Krzyżanowice"),
        # constructed (the list's clause after a type only): it is the seat then
        ("Ośrodek Pomocy Społecznej zs. w Nakle Śląskim",
         "Ośrodek Pomocy Społecznej zs. w Nakle Śląskim"),
        # sady_adresy: a court's register name holds its seat clause written out
        ("Sąd Rejonowy Lublin-Wschód w Lublinie z siedzibą w Świdniku",
         "Sąd Rejonowy Lublin-Wschód w Lublinie z siedzibą w Świdniku"),
        # constructed (no such name in the data): a capital "W" before no place stays
        ("Stowarzyszenie Razem W Przyszłość", "Stowarzyszenie Razem W Przyszłość"),
        # constructed: a unit after a dash that is no national board stays
        ("Polski Związek Niewidomych - Okręg Mazowiecki",
         "Polski Związek Niewidomych - Okręg Mazowiecki"),
        # constructed: a board after a name that is no association's stays
        ("Zespół Szkół - Zarząd Główny", "Zespół Szkół - Zarząd Główny"),
    ],
)  # fmt: skip
def test_register_clean(written: str, clean: str, gazetteer: Gazetteer) -> None:
    assert register_clean(written, gazetteer.place_name) == clean


@pytest.mark.parametrize(
    ("name", "type_code", "locality", "gmina"),
    [
        # ops_malopolskie: the word after the type is the gmina's genitive owner
        ("Ośrodek Pomocy Społecznej Gminy Oświęcim", "ops", "Grojec", "Oświęcim"),
        ("Gminny Ośrodek Pomocy Społecznej Gmina Nowy Targ", "ops", "Nowy Targ", "Nowy Targ"),
        # sds_dps_malopolskie: a typo for Dobczyce names no place of the institution's
        ("Środowiskowy Dom Samopomocy Dobroczyce", "sds", "Dobczyce", "Dobczyce"),
        # a bracketed note after a seat already written with "w": not this rule's (Kraków's
        # homes, dps_malopolskie: the district)
        ("Dom Pomocy Społecznej w Krakowie (Nowa Huta)", "dps", "Kraków", "Kraków"),
        # a branch after the seat, then the operator's note: the seat is there already
        (
            "Środowiskowy Dom Samopomocy Biecz - Filia w Gorlicach (Nadzieja)",
            "sds",
            "Gorlice",
            "Gorlice",
        ),
        # utw_malopolskie: an association, its place part of its own name
        ("Uniwersytet Trzeciego Wieku Gdów", "ngo", "Gdów", "Gdów"),
        # senior_plus_malopolskie: the list and the operators write "Klub Senior+", no seat
        ("Klub Senior+", "senior_centre", "Zabierzów", "Zabierzów"),
        # dps_lodzkie: a home's byname before its patron, an owner's genitive: not only a
        # number or a patron
        ("Dom Pomocy Społecznej „Włókniarz” im. Jana Pawła II", "dps", "Łódź", "Łódź"),
        ("Dom Pomocy Społecznej Fundacji im. Brata Alberta", "dps", "Łódź", "Łódź"),
        # dps_frekwencja_podkarpackie row 8; official2.csv: the list's form, no page found
        ("Dom Pomocy Społecznej im. Świętego Ojca Pio", "dps", "Dębica", "Dębica"),
        # dps_podkarpackie: what the home is for, then its patron
        (
            "Dom Pomocy Społecznej dla Kombatantów im. Bohaterów Westerplatte",
            "dps",
            "Rzeszów",
            "Rzeszów",
        ),
        # a seat already there
        ("Dom Pomocy Społecznej w Skrzydlnej", "dps", "Skrzydlna", "Dobra"),
        # psse_sanepid_adresy: the list's "w" before "Wł" is kept, the words are the locative
        (
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Włocławku",
            "sanepid",
            "Włocławek",
            "Włocławek",
        ),
        # demo corpus: the dictionary has two locatives of Przedbórz, the one written stays
        ("Miejsko-Gminny Ośrodek Pomocy Społecznej w Przedborzu", "ops", "Przedbórz", "Przedbórz"),
        # no locality resolved: nothing to add
        ("Dom Pomocy Społecznej", "dps", None, None),
    ],
)
def test_names_that_keep_their_seat_as_written(
    name: str, type_code: str, locality: str | None, gmina: str | None, gazetteer: Gazetteer
) -> None:
    assert styled_seat(name, type_code, locality, gmina, gazetteer.place_name) is None


@pytest.mark.parametrize(
    ("name", "locality", "seated"),
    [
        # placowki_sds_dps_malopolskie.csv id 9 (run by PSONI Koło w Jabłonce „BARKA”);
        # official4.csv: "Środowiskowy Dom Samopomocy w Jabłonce"
        ("Środowiskowy Dom Samopomocy Jabłonka (Barka)", "Jabłonka",
         "Środowiskowy Dom Samopomocy w Jabłonce"),
        # id 1 (run by the association „Nadzieja”); the voivodeship's list "ŚDS w Bieczu", its
        # ePUAP box "SDSwBieczu"
        ("Środowiskowy Dom Samopomocy Biecz (Nadzieja)", "Biecz",
         "Środowiskowy Dom Samopomocy w Bieczu"),
    ],
)  # fmt: skip
def test_an_operator_s_note_after_a_bare_seat_goes_with_it(
    name: str, locality: str, seated: str, gazetteer: Gazetteer
) -> None:
    styled = styled_seat(name, "sds", locality, locality, gazetteer.place_name)
    assert styled == Styled(seated, from_address=False)


@pytest.mark.parametrize(
    ("name", "locality", "seated"),
    [
        # placowki_sds_dps_malopolskie.csv id 16 ("Środowiskowy Dom Samopomocy  Kraków ""Vita""
        # os. Młodości 8"); official9.csv and the city's BIP: "… „Vita” w Krakowie"
        ("Środowiskowy Dom Samopomocy Kraków „Vita”", "Kraków",
         Styled("Środowiskowy Dom Samopomocy „Vita” w Krakowie", from_address=False)),
        # the place must be the institution's own: another town's name stays as written
        ("Środowiskowy Dom Samopomocy Kraków „Vita”", "Tarnów", None),
        # a head that is no type's bare register name stays ("… Samopomocy Kraków" is not)
        ("Stowarzyszenie Kraków „Vita”", "Kraków", None),
        # a byname already before its seat: nothing to move (sds_malopolskie's "Promyk")
        ("Środowiskowy Dom Samopomocy „Promyk” w Nowym Targu", "Nowy Targ", None),
    ],
)  # fmt: skip
def test_a_byname_after_a_bare_seat_comes_before_it(
    name: str, locality: str, seated: Styled | None, gazetteer: Gazetteer
) -> None:
    assert styled_seat(name, "sds", locality, locality, gazetteer.place_name) == seated


@pytest.mark.parametrize(
    ("name", "locality", "seated"),
    [
        # dps_podkarpackie row 21; official3.csv: the home's page "Domu Pomocy Społecznej nr 1
        # w Krośnie"
        ("Dom Pomocy Społecznej nr 1", "Krosno", "Dom Pomocy Społecznej nr 1 w Krośnie"),
        # dps_lodzkie: the town's second home
        ("Dom Pomocy Społecznej nr 2", "Tomaszów Mazowiecki",
         "Dom Pomocy Społecznej nr 2 w Tomaszowie Mazowieckim"),
        # dps_wolne_miejsca_lodzkie: the list writes "Nr 1"; official6.csv keeps it so
        ("Dom Pomocy Społecznej Nr 1", "Tomaszów Mazowiecki",
         "Dom Pomocy Społecznej Nr 1 w Tomaszowie Mazowieckim"),
    ],
)  # fmt: skip
def test_a_numbered_home_takes_its_seat_from_the_address(
    name: str, locality: str, seated: str, gazetteer: Gazetteer
) -> None:
    styled = styled_seat(name, "dps", locality, locality, gazetteer.place_name)
    assert styled == Styled(seated, from_address=True)


@pytest.mark.parametrize(
    ("row", "name", "form", "written"),
    [
        pytest.param(
            _row("Gminny Ośrodek Pomocy Społecznej Spytkowice", "12", type_raw="OPS",
                 street_raw="Zamkowa 12", locality_raw="Spytkowice", gmina_raw="Spytkowice",
                 powiat_raw="wadowicki"),
            "Gminny Ośrodek Pomocy Społecznej w Spytkowicach", "styled",
            "Gminny Ośrodek Pomocy Społecznej Spytkowice", id="ops-seat-after-type",
        ),
        pytest.param(
            # the gmina's name, the office in Marcinkowice
            _row("Gminny Ośrodek Pomocy Społecznej Chełmiec", "12", type_raw="OPS",
                 street_raw="Marcinkowicka 6", locality_raw="Chełmiec", gmina_raw="Chełmiec",
                 powiat_raw="nowosądecki"),
            "Gminny Ośrodek Pomocy Społecznej w Chełmcu", "styled",
            "Gminny Ośrodek Pomocy Społecznej Chełmiec", id="ops-gmina-seat",
        ),
        pytest.param(
            # ops_malopolskie_geo.csv: "Rynek 3" is the square of Szczurowa, not a village
            _row("Gminny Ośrodek Pomocy Społecznej Szczurowa", "12", type_raw="OPS",
                 street_raw="Rynek 3", locality_raw="Szczurowa", gmina_raw="Szczurowa",
                 powiat_raw="brzeski"),
            "Gminny Ośrodek Pomocy Społecznej w Szczurowej", "styled",
            "Gminny Ośrodek Pomocy Społecznej Szczurowa", id="ops-seat-on-the-market-square",
        ),
        pytest.param(
            _row("Miejski Ośrodek Pomocy Społecznej Siemianowice Śląskie", "24",
                 street_raw="ul. Szkolna 17", postal_code_raw="41-100",
                 locality_raw="Siemianowice Śląskie", gmina_raw="Siemianowice Śląskie",
                 powiat_raw="Siemianowice Śląskie"),
            "Miejski Ośrodek Pomocy Społecznej w Siemianowicach Śląskich", "styled",
            "Miejski Ośrodek Pomocy Społecznej Siemianowice Śląskie", id="ops-two-word-seat",
        ),
        pytest.param(
            _row("Środowiskowy Dom Samopomocy - Kalwaria Zebrzydowska", "12", type_raw="ŚDS",
                 street_raw="Al. Jana Pawła II 7a", postal_code_raw="34 -130",
                 locality_raw="Kalwaria Zebrzydowska", gmina_raw="Kalwaria Zebrzydowska",
                 powiat_raw="wadowicki"),
            "Środowiskowy Dom Samopomocy w Kalwarii Zebrzydowskiej", "styled",
            "Środowiskowy Dom Samopomocy - Kalwaria Zebrzydowska", id="sds-dash-seat",
        ),
        # senior_plus_malopolskie: the list writes the programme's name unquoted, so do the
        # own pages official2.csv, official5.csv (two) and official9.csv took
        pytest.param(
            _row("Dzienny Dom Senior+", "12", type_raw="Dzienny Dom Senior+",
                 street_raw="ul. Karolina 14 D", postal_code_raw="32-700", locality_raw="Bochnia"),
            "Dzienny Dom Senior+ w Bochni", "styled_seat", "Dzienny Dom Senior+",
            id="senior-day-home-seat-from-address",
        ),
        # a page that quotes the programme's name: the register name, unquoted
        pytest.param(
            _row("Dzienny Dom „Senior+”", "12", type_raw="Dzienny Dom Senior+",
                 street_raw="Ostrusza 26", postal_code_raw="33-190", locality_raw="Ostrusza"),
            "Dzienny Dom Senior+ w Ostruszy", "styled_seat", "Dzienny Dom „Senior+”",
            id="senior-day-home-quoted",
        ),
        pytest.param(
            _row("Dom Pomocy Społecznej", "10", street_raw="ul. Łaska 42", postal_code_raw="98-220",
                 locality_raw="Zduńska Wola", powiat_raw="Zduńskowolski"),
            "Dom Pomocy Społecznej w Zduńskiej Woli", "styled_seat", "Dom Pomocy Społecznej",
            id="dps-seat-from-address",
        ),
        pytest.param(
            # dps_podkarpackie: the village's first word is a noun ("Ruda"), not "rudy"
            _row("Dom Pomocy Społecznej", "18", street_raw="Ruda Różaniecka 53",
                 postal_code_raw="37-613", locality_raw="Ruda Różaniecka", gmina_raw="Narol",
                 powiat_raw="lubaczowski"),
            "Dom Pomocy Społecznej w Rudzie Różanieckiej", "styled_seat", "Dom Pomocy Społecznej",
            id="dps-seat-noun-head",
        ),
        # dps_lodzkie, dps_podkarpackie (official11.csv, official10.csv: "… w Przatówku", "… w
        # Moszczanach"): villages Morfeusz does not know, a diminutive whose "e" falls out and a
        # plural in "-any", inflected by their endings and read back by the gazetteer
        pytest.param(
            _row("Dom Pomocy Społecznej", "10", street_raw="Przatówek 1", postal_code_raw="98-240",
                 locality_raw="Przatówek", gmina_raw="Szadek", powiat_raw="zduńskowolski"),
            "Dom Pomocy Społecznej w Przatówku", "styled_seat", "Dom Pomocy Społecznej",
            id="dps-seat-fleeting-e",
        ),
        pytest.param(
            _row("Dom Pomocy Społecznej", "18", street_raw="Moszczany 1", postal_code_raw="37-543",
                 locality_raw="Moszczany", gmina_raw="Radymno", powiat_raw="jarosławski"),
            "Dom Pomocy Społecznej w Moszczanach", "styled_seat", "Dom Pomocy Społecznej",
            id="dps-seat-plural-any",
        ),
        pytest.param(
            # wykaz_sds_malopolska_2026: "Powiatowy Ośrodek Wsparcia / ŚDS Zbyszyce 12"
            _row("Powiatowy Ośrodek Wsparcia ŚDS", "12", type_raw="ŚDS",
                 street_raw="Zbyszyce 12", postal_code_raw="33-318", locality_raw="Zbyszyce",
                 gmina_raw="Gródek nad Dunajcem", powiat_raw="nowosądecki"),
            "Powiatowy Ośrodek Wsparcia Środowiskowy Dom Samopomocy w Zbyszycach",
            "expanded_seat", "Powiatowy Ośrodek Wsparcia ŚDS", id="trailing-acronym-seat",
        ),
        pytest.param(
            _row("Sąd Rejonowy dla m.st. Warszawy w Warszawie", "PL",
                 street_raw="ul. Marszałkowska 82", postal_code_raw="00-517",
                 locality_raw="Warszawa"),
            "Sąd Rejonowy dla miasta stołecznego Warszawy w Warszawie", "styled",
            "Sąd Rejonowy dla m.st. Warszawy w Warszawie", id="court-abbreviation",
        ),
        pytest.param(
            _row("ŚDS w Cerekwi 48", "12", type_raw="A,B", postal_code_raw="32 - 711",
                 locality_raw="Bogucice", powiat_raw="bocheński"),
            "Środowiskowy Dom Samopomocy w Cerekwi", "expanded", "ŚDS w Cerekwi 48",
            id="house-number",
        ),
        pytest.param(
            _row('ŚDS "Świt"Miłocice 58A', "12", type_raw="B", postal_code_raw="32-090",
                 locality_raw="Słomniki", gmina_raw="Słomniki", powiat_raw="krakowski"),
            "Środowiskowy Dom Samopomocy „Świt” w Miłocicach", "expanded", None,
            id="glued-quote-and-house-number",
        ),
        pytest.param(
            # sanepid list: the seat abbreviated, with and without the dot
            _row("Powiatowa Stacja Sanitarno-Epidemiologiczna w Gorzowie Wlkp", "PL",
                 street_raw="ul. Kosynierów Gdyńskich 27", postal_code_raw="66-400",
                 locality_raw="Gorzów Wlkp."),
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Gorzowie Wielkopolskim", "styled",
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Gorzowie Wlkp", id="abbreviated-seat",
        ),
        pytest.param(
            # psse_sanepid_adresy: "Ostrów" declined without its "ó"
            _row("Powiatowa Stacja Sanitarno-Epidemiologiczna w Ostrówie Wielkopolskim", "PL",
                 street_raw="Pl. Stefana Rowińskiego 3", postal_code_raw="63-400",
                 locality_raw="Ostrów Wielkopolski"),
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Ostrowie Wielkopolskim", "styled",
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Ostrówie Wielkopolskim",
            id="misdeclined-seat",
        ),
        pytest.param(
            # utw_malopolskie: the seat in the nominative after "w"
            _row("Krynicki Uniwersytet Otwarty przy Centrum Kultury w Krynicy Zdrój", "12",
                 street_raw="Ul. Piłsudskiego 19", postal_code_raw="33-380",
                 locality_raw="Krynica Zdrój, II piętro, pokój 12", powiat_raw="nowosądecki"),
            "Krynicki Uniwersytet Otwarty przy Centrum Kultury w Krynicy-Zdroju", "styled",
            "Krynicki Uniwersytet Otwarty przy Centrum Kultury w Krynicy Zdrój",
            id="seat-in-the-nominative",
        ),
        pytest.param(
            # rspo_licea: capitals, the quoted byname too
            _row('LXIV LICEUM OGÓLNOKSZTAŁCĄCE IM. STANISŁAWA IGNACEGO WITKIEWICZA "WITKACEGO"',
                 "PL", street_raw="ul. Elbląska 51", postal_code_raw="01-737",
                 locality_raw="Żoliborz", gmina_raw="Żoliborz", powiat_raw="Warszawa"),
            "LXIV Liceum Ogólnokształcące im. Stanisława Ignacego Witkiewicza „Witkacego”",
            "written", None, id="quoted-capitals",
        ),
        pytest.param(
            # ops_malopolskie: the list tells its two Bolesławs apart by their powiats
            _row("Gminny Ośrodek Pomocy Społecznej w Bolesławiu (pow. olkuski)", "12",
                 type_raw="OPS", street_raw="ul. Główna 46", postal_code_raw="32-329",
                 locality_raw="Bolesław", gmina_raw="Bolesław",
                 powiat_raw="olkuski"),
            "Gminny Ośrodek Pomocy Społecznej w Bolesławiu", "styled",
            "Gminny Ośrodek Pomocy Społecznej w Bolesławiu (pow. olkuski)", id="powiat-note",
        ),
        pytest.param(
            # dps_wolne_miejsca_lodzkie: the list's second line, the operator, glued after
            # the seat (official2.csv: "Dom Pomocy Społecznej w Chorzeszowie")
            _row("Dom Pomocy Społecznej w Chorzeszowie Fundacja im. Brata Alberta", "10",
                 street_raw="Chorzeszów 37", postal_code_raw="98-105", locality_raw="Wodzierady",
                 powiat_raw="Łaski"),
            "Dom Pomocy Społecznej w Chorzeszowie", "styled",
            "Dom Pomocy Społecznej w Chorzeszowie Fundacja im. Brata Alberta",
            id="operator-after-the-seat",
        ),
        pytest.param(
            # dps_wolne_miejsca_lodzkie: a branch, what its wards are for after its seat, the
            # seat without its "ż" (official.csv: "… w Sieradzu Filia w Rożdżałach")
            _row("DPS Sieradz Filia w Rożdzałach dla osób dorosłych niepełnosprawnych "
                 "intelektualnie z oddziałem dla dzieci i młodzieży niepełnosprawnych "
                 "intelektualnie.", "10", street_raw="Rożdzały 7", postal_code_raw="98-290",
                 locality_raw="Warta", powiat_raw="Sieradzki"),
            "Dom Pomocy Społecznej w Sieradzu Filia w Rożdżałach", "expanded", None,
            id="branch-with-a-description",
        ),
        pytest.param(
            # psse_sanepid_adresy: the seat in the genitive after "w"
            _row("Powiatowa Stacja Sanitarno-Epidemiologiczna w Chełmna", "PL",
                 street_raw="ul. Łunawska 2a", postal_code_raw="86-200", locality_raw="Chełmno"),
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Chełmnie", "styled",
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Chełmna", id="seat-in-the-genitive",
        ),
        pytest.param(
            # dps_wolne_miejsca_lodzkie: a letter out of place in the type, two swapped in the
            # seat (the record was typed "other" and left out of the publication)
            _row("Dom Pomocy Społęcznej w Ozorkwoie", "10", street_raw="ul. Mickiewicza 1",
                 postal_code_raw="95-035", locality_raw="Ozorków", powiat_raw="Powiat Zgierski"),
            "Dom Pomocy Społecznej w Ozorkowie", "restored", "Dom Pomocy Społęcznej w Ozorkwoie",
            id="typos-in-type-and-seat",
        ),
        pytest.param(
            # ops_slaskie.csv: the seat's locative with a letter left out
            _row("Gminny Ośrodek Pomocy Społecznej w Przystaji", "24", type_raw="GOPS",
                 street_raw="ul. Częstochowska 5", postal_code_raw="42-141",
                 locality_raw="Przystajń", gmina_raw="Przystajń", powiat_raw="kłobucki"),
            "Gminny Ośrodek Pomocy Społecznej w Przystajni", "styled",
            "Gminny Ośrodek Pomocy Społecznej w Przystaji", id="seat-a-letter-left-out",
        ),
        pytest.param(
            # utw_malopolskie.csv: the seat's locative with a letter doubled
            _row("Stowarzyszenie Uniwersytet Trzeciego Wieku w Drwinii", "12", type_raw="UTW",
                 street_raw="Drwinia 173", postal_code_raw="32-709", locality_raw="Drwinia",
                 powiat_raw="bocheński"),
            "Stowarzyszenie Uniwersytet Trzeciego Wieku w Drwini", "styled",
            "Stowarzyszenie Uniwersytet Trzeciego Wieku w Drwinii", id="seat-a-letter-doubled",
        ),
        pytest.param(
            # sady_adresy: the seat in the locative without its "w"
            _row("Sąd Rejonowy Cieszynie", "PL", street_raw="ul. Garncarska 8",
                 locality_raw="Cieszyn"),
            "Sąd Rejonowy w Cieszynie", "styled", "Sąd Rejonowy Cieszynie",
            id="seat-without-its-preposition",
        ),
        pytest.param(
            # sady_adresy: "Gostyniu" is a locative the dictionary knows, a letter away from
            # the one the locatives' table gives ("Gostyni"): it stays
            _row("Sąd Rejonowy w Gostyniu", "PL", street_raw="ul. Sądowa 1",
                 postal_code_raw="63-800", locality_raw="Gostyń"),
            "Sąd Rejonowy w Gostyniu", "written", None, id="a-known-locative-stays",
        ),
        pytest.param(
            # html_fixtures school/bip.spdrawno.pl (folded): the patron after the seat stays
            # there (official2.csv: "Szkoła Podstawowa w Drawnie im. Stefana Żeromskiego")
            _row("Szkola Podstawowa w Drawnie im. Stefana Zeromskiego", "3203",
                 street_raw="Szkolna 25", postal_code_raw="73-220", locality_raw="Drawno",
                 gmina_raw="Drawno", powiat_raw="choszczenski"),
            "Szkoła Podstawowa w Drawnie im. Stefana Żeromskiego", "restored",
            "Szkola Podstawowa w Drawnie im. Stefana Zeromskiego", id="patron-after-the-seat",
        ),
        pytest.param(
            # rspo_licea: the patron is the Zespół's, after it, as RSPO writes it
            _row("XIV LICEUM OGÓLNOKSZTAŁCĄCE W ZESPOLE SZKÓŁ OGÓLNOKSZTAŁCĄCYCH I TECHNICZNYCH "
                 "IM. JANA SZCZEPANIKA W TARNOWIE", "PL", type_raw="Liceum ogólnokształcące",
                 street_raw="ul. Kazimierza Brodzińskiego 9", postal_code_raw="33-100",
                 locality_raw="Tarnów", gmina_raw="Tarnów", powiat_raw="Tarnów"),
            "XIV Liceum Ogólnokształcące w Zespole Szkół Ogólnokształcących i Technicznych im. "
            "Jana Szczepanika w Tarnowie", "written", None, id="patron-of-the-complex",
        ),
        pytest.param(
            # dps_wolne_miejsca_lodzkie Część 1 row 18 (address: ul. Tuszyńska 56, 95-020
            # Andrespol); official3.csv: the PCPR's "Domu Pomocy Społecznej w Wiśniowej Górze",
            # a village of gmina Andrespol
            _row("Dom Pomocy Społecznej Wiśniowa Góra", "10", type_raw="DPS",
                 street_raw="ul. Tuszyńska 56", postal_code_raw="95-020",
                 locality_raw="Andrespol", powiat_raw="łódzki wschodni"),
            "Dom Pomocy Społecznej w Wiśniowej Górze", "styled",
            "Dom Pomocy Społecznej Wiśniowa Góra", id="village-of-the-gmina",
        ),
        pytest.param(
            # ops_slaskie line 107: the clause goes, then the gmina's name is the seat
            _row("Ośrodek Pomocy Społecznej Krzyżanowice zs. w Tworkowie", "24", type_raw="GOPS",
                 street_raw="ul. Zamkowa 50", postal_code_raw="47-451", locality_raw="Tworków",
                 gmina_raw="Krzyżanowice", powiat_raw="raciborski"),
            "Ośrodek Pomocy Społecznej w Krzyżanowicach", "styled",
            "Ośrodek Pomocy Społecznej Krzyżanowice zs. w Tworkowie", id="seat-clause",
        ),
        pytest.param(
            # dps_malopolskie (address: Bielsko-Biała, al. Armii Krajowej 181): a byname, not a
            # place of the gmina
            _row("Dom Pomocy Społecznej Przystań", "24", type_raw="DPS",
                 street_raw="al. Armii Krajowej 181", postal_code_raw="43-300",
                 locality_raw="Bielsko-Biała", powiat_raw="Bielsko-Biała"),
            "Dom Pomocy Społecznej Przystań", "written", None, id="byname-not-a-place",
        ),
        pytest.param(
            # dps_frekwencja_podkarpackie row 46 (no locality in the name); official4.csv: the
            # home's own page, "Ekumeniczny Dom Pomocy Społecznej w Prałkowcach"
            _row("Ekumeniczny Dom Pomocy Społecznej", "18", type_raw="DPS",
                 street_raw="Prałkowce 231", postal_code_raw="37-700", locality_raw="Prałkowce",
                 powiat_raw="przemyski"),
            "Ekumeniczny Dom Pomocy Społecznej w Prałkowcach", "styled_seat",
            "Ekumeniczny Dom Pomocy Społecznej", id="adjective-before-the-register-name",
        ),
        pytest.param(
            # dps_frekwencja_podkarpackie: the city's home
            _row("Miejski Dom Pomocy Społecznej", "18", type_raw="DPS",
                 street_raw="ul. Generała Józefa Wysockiego 99", postal_code_raw="37-700",
                 locality_raw="Przemyśl", powiat_raw="Przemyśl"),
            "Miejski Dom Pomocy Społecznej w Przemyślu", "styled_seat",
            "Miejski Dom Pomocy Społecznej", id="owner-adjective-before-the-register-name",
        ),
        pytest.param(
            # ops_slaskie.csv row 63; official4.csv: the list's seat clause is the register's
            _row("Ośrodek Pomocy Społecznej w Rudzińcu z siedzibą w Pławniowicach", "24",
                 type_raw="GOPS", street_raw="ul. Gliwicka 50", postal_code_raw="44-171",
                 locality_raw="Pławniowice", gmina_raw="Rudziniec", powiat_raw="gliwicki"),
            "Ośrodek Pomocy Społecznej w Rudzińcu z siedzibą w Pławniowicach", "written", None,
            id="seat-clause-written-out",
        ),
        pytest.param(
            # psse_sanepid_adresy_mobberizer.csv id 245 (its e-mail and site are Kwidzyn's; id
            # 244 is the Kościerzyna station at ul. Wodna 15); official4.csv: "… w Kwidzynie"
            _row("Powiatowa Stacja Sanitarno-Epidemiologiczna w Kościerzynie", "22",
                 street_raw="ul. Fryderyka Chopina 40", postal_code_raw="82-500",
                 locality_raw="Kwidzyn"),
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Kwidzynie", "styled_seat",
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Kościerzynie",
            id="a-powiat-unit-seated-in-another-powiat",
        ),
        pytest.param(
            # id 244, the same name at its own address: unchanged
            _row("Powiatowa Stacja Sanitarno-Epidemiologiczna w Kościerzynie", "22",
                 street_raw="ul. Wodna 15", postal_code_raw="83-400", locality_raw="Kościerzyna"),
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Kościerzynie", "written", None,
            id="a-powiat-unit-in-its-seat",
        ),
        pytest.param(
            # the same list: a seat in a village of the station's powiat, not its town
            _row("Powiatowa Stacja Sanitarno-Epidemiologiczna w Piasecznie z siedzibą w "
                 "Chylicach", "14", street_raw="ul. Dworska 7", postal_code_raw="05-510",
                 locality_raw="Chylice"),
            "Powiatowa Stacja Sanitarno-Epidemiologiczna w Piasecznie z siedzibą w Chylicach",
            "written", None, id="a-powiat-unit-in-a-village-of-its-powiat",
        ),
        pytest.param(
            # utw_malopolskie.csv (ul. Kościuszki 74, 32-540 Trzebinia): the host's note goes,
            # then the seat's letter doubled (official8.csv: "… w Trzebini")
            _row("Uniwersytet Trzeciego Wieku w Trzebinii (trzebińskie centrum kultury)", "12",
                 type_raw="UTW", street_raw="ul. Kościuszki 74", postal_code_raw="32-540",
                 locality_raw="Trzebinia", powiat_raw="chrzanowski"),
            "Uniwersytet Trzeciego Wieku w Trzebini", "styled",
            "Uniwersytet Trzeciego Wieku w Trzebinii (trzebińskie centrum kultury)",
            id="host-note-and-a-letter-doubled",
        ),
        pytest.param(
            # sady_adresy_mobberizer.csv id 361 (ul. Podwale 30, 50-040 Wrocław): the district's
            # genitive a letter short; the Ministry's list (sady_hierarchia_wlasciwosc) and
            # official7.csv write "dla Wrocławia-Krzyków"
            _row("Sąd Rejonowy dla Wrocława-Krzyków we Wrocławiu", "PL",
                 street_raw="ul. Podwale 30", postal_code_raw="50-040", locality_raw="Wrocław"),
            "Sąd Rejonowy dla Wrocławia-Krzyków we Wrocławiu", "styled",
            "Sąd Rejonowy dla Wrocława-Krzyków we Wrocławiu", id="district-genitive-a-letter-short",
        ),
        pytest.param(
            # the same list: the genitive as the dictionary has it stays
            _row("Sąd Rejonowy dla Krakowa-Podgórza w Krakowie", "PL",
                 street_raw="ul. Przy Rondzie 7", postal_code_raw="31-547", locality_raw="Kraków"),
            "Sąd Rejonowy dla Krakowa-Podgórza w Krakowie", "written", None,
            id="district-genitive-known",
        ),
        # --- stay as written ---
        pytest.param(
            # placowki_sds_dps_malopolskie.csv id 2001, 2002 (the Śląskie list) write whom the
            # home is for and no seat, as the homes' own headings do (official7.csv,
            # official8.csv); so do dps_wolne_miejsca_lodzkie and dps_frekwencja_podkarpackie
            # (official5.csv: "Dom Pomocy Społecznej dla Dzieci", Iwonicz)
            _row("Dom Pomocy Społecznej dla Osób Starszych", "24", type_raw="DPS",
                 street_raw="ul. Żywiecka 15", postal_code_raw="43-300",
                 locality_raw="Bielsko-Biała", powiat_raw="Bielsko-Biała"),
            "Dom Pomocy Społecznej dla Osób Starszych", "written", None,
            id="whom-it-is-for-after-the-register-name",
        ),
        pytest.param(
            _row("Dom Pomocy Społecznej dla Przewlekle Chorych", "24", type_raw="DPS",
                 street_raw="ul. Olimpijska 11", postal_code_raw="43-300",
                 locality_raw="Bielsko-Biała", powiat_raw="Bielsko-Biała"),
            "Dom Pomocy Społecznej dla Przewlekle Chorych", "written", None,
            id="whom-it-is-for-chronically-ill",
        ),
        pytest.param(
            _row("Klub Senior+", "12", type_raw="Klub Senior+", street_raw="ul. Kolejowa 11",
                 postal_code_raw="32-080", locality_raw="Zabierzów"),
            "Klub Senior+", "written", None, id="senior-club",
        ),
        pytest.param(
            _row("Ośrodek Pomocy Społecznej Gminy Oświęcim", "12", type_raw="OPS",
                 street_raw="ul. Beskidzka 100", postal_code_raw="32-600", locality_raw="Grojec",
                 gmina_raw="Oświęcim", powiat_raw="oświęcimski"),
            "Ośrodek Pomocy Społecznej Gminy Oświęcim", "written", None, id="gmina-as-owner",
        ),
        pytest.param(
            _row("Środowiskowy Dom Samopomocy Dobroczyce", "12", type_raw="ŚDS",
                 street_raw="ul. Jagiellońska 2", postal_code_raw="32-410",
                 locality_raw="Dobroczyce", gmina_raw="Dobroczyce", powiat_raw="myslenicki"),
            "Środowiskowy Dom Samopomocy Dobroczyce", "written", None, id="unknown-place",
        ),
        pytest.param(
            _row("Uniwersytet Trzeciego Wieku Gdów", "12", type_raw="UTW",
                 street_raw="ul. Krakowska 398", postal_code_raw="32-420", locality_raw="Gdów",
                 powiat_raw="wielicki"),
            "Uniwersytet Trzeciego Wieku Gdów", "written", None, id="association-brand",
        ),
    ],
)  # fmt: skip
def test_record_names_in_register_style(
    row: RawRow, name: str, form: str, written: str | None, gazetteer: Gazetteer
) -> None:
    record = normalise_record(row, gazetteer)
    assert (record.name, record.name_form) == (name, form)
    if written is not None:
        assert record.name_written == written
    if form == "written":
        assert record.name_written is None


@pytest.mark.parametrize(
    ("row", "name"),
    [
        # html_fixtures/county/nst.bialobrzegipowiat.pl.html: the portal's header "Powiat
        # Białobrzeski" (folded), its news name the office "Starostwo Powiatowe w Białobrzegach"
        pytest.param(
            _row("Powiat Bialobrzeski", "1401", role="subject",
                 street_raw="pl. Zygmunta Starego 9", postal_code_raw="26-800"),
            "Starostwo Powiatowe w Białobrzegach", id="bialobrzegi-from-the-address",
        ),
        # html_fixtures/county/www.powiat.chelm.pl.html: no address read, the county's own
        # source; the office sits in Chełm, the city the land powiat is named after
        pytest.param(
            _row("Powiat chelmski", "0603", role="subject"),
            "Starostwo Powiatowe w Chełmie", id="chelm-from-the-powiat-name",
        ),
        # --- stay as written ---
        # html_fixtures/gmina (bip.kochanowice.pl): a gmina's page is the gmina's; official6
        # took "Gmina Czajków" as its page writes it, and the saved pages' gold accepts "Gmina
        # Gołuchów" for "Urząd Gminy w Gołuchowie" (official7 wrote "Urząd Gminy Dmosin": the
        # office's name has two forms, the gmina's one)
        pytest.param(
            _row("Gmina Kochanowice", "2407", role="subject", street_raw="Wolności 5",
                 postal_code_raw="42-713", locality_raw="Kochanowice"),
            "Gmina Kochanowice", id="a-gmina-stays",
        ),
        # constructed: another county's name is not this record's own office
        pytest.param(
            _row("Powiat Łosicki", "1401", role="subject",
                 street_raw="pl. Zygmunta Starego 9", postal_code_raw="26-800"),
            "Powiat Łosicki", id="another-powiat-stays",
        ),
    ],
)  # fmt: skip
def test_a_self_government_portal_is_its_office(
    row: RawRow, name: str, gazetteer: Gazetteer
) -> None:
    record = normalise_record(row, gazetteer)
    assert record.name == name
    if name.startswith("Starostwo"):
        # the place its name now bears: every institution with a place in its name has a gmina
        assert record.gmina_name == record.locality == gazetteer.place_name(name.split(" w ")[1])


@pytest.mark.parametrize(
    ("powiat", "seat"),
    [
        ("1401", "Białobrzegi"),  # białobrzeski
        ("0603", "Chełm"),  # chełmski: the city with county rights
        ("1206", "Kraków"),  # krakowski
        ("1432", None),  # warszawski zachodni: two words, no town named so
        ("1465", None),  # Warszawa: a city's powiat has no other seat
    ],
)
def test_the_town_a_powiat_is_named_after(
    powiat: str, seat: str | None, gazetteer: Gazetteer
) -> None:
    assert gazetteer.powiat_seat(powiat) == seat


@pytest.mark.parametrize(
    ("powiat", "gmina"),
    [
        ("0463", ("0463011", "Toruń")),
        ("1465", ("1465011", "Warszawa")),  # its districts are parts of the city's gmina
        ("1061", ("1061011", "Łódź")),  # so are Łódź's delegations
        ("0408", None),  # lipnowski: a land powiat has many gminas
    ],
)
def test_the_one_gmina_of_a_city_with_county_rights(
    powiat: str, gmina: tuple[str, str] | None, gazetteer: Gazetteer
) -> None:
    found = gazetteer.city_gmina(powiat)
    assert ((found.gmina_teryt, found.name) if found else None) == gmina


@pytest.mark.parametrize(
    ("row", "gmina"),
    [
        # the real catalogue's source www_poradnia_diecezja_torun_pl (county 0463): a page
        # with no address, placed by its source's county, a city with county rights
        pytest.param(
            _row("Katolicki Ośrodek Psychologiczno-Pastoralny „Cyrenejczyk”", "0463",
                 role="subject"),
            "0463011", id="torun-page-without-address",
        ),
        pytest.param(
            _row("Fundacja Młodzieżowej Przedsiębiorczości", "1465", role="subject"),
            "1465011", id="warszawa-page-without-address",
        ),
        # dps_wolne_miejsca_kujawsko-pomorskie: a land powiat's two villages of the name, no
        # address: no gmina is guessed
        pytest.param(
            _row("Dom Pomocy Społecznej w Nowej Wsi", "0408", powiat_raw="Lipnowski"),
            None, id="land-powiat-namesakes",
        ),
    ],
)  # fmt: skip
def test_a_record_placed_only_in_a_city_s_powiat_has_its_gmina(
    row: RawRow, gmina: str | None, gazetteer: Gazetteer
) -> None:
    assert normalise_record(row, gazetteer).gmina_teryt == gmina


@pytest.mark.parametrize(
    ("row", "gmina"),
    [
        # the real catalogue's source szpitalglowno_pl (county 1020, zgierski): a company's
        # home page with no address, its town in its name without "w"
        pytest.param(
            _row("Szpital Glowno Grupa Zdrowie Sp. z o.o.", "1020", role="subject"),
            "1020011", id="glowno-in-a-company-name",
        ),
        # html_fixtures/health/szpitalglowno.pl.html read with no county, as `wsparcie
        # extract` reads a page: no other locality of the country is named Głowno (the saved
        # pages' gold gives its gmina)
        pytest.param(
            _row("Szpital Glowno Grupa Zdrowie Sp. z o.o.", "", role="subject"),
            "1020011", id="glowno-without-a-county",
        ),
        # --- no gmina guessed ---
        # bajkowakrainachmielnik_pl (county 2604): the quoted byname names no town of the
        # county, and the host's glued "chmielnik" is not read (transforms/places/hosts.py)
        pytest.param(
            _row("Przedszkole „Bajkowa Kraina”", "2604", role="subject"),
            None, id="a-byname-is-no-town",
        ),
        # krosno_nowyszpital_pl (county 0802): a group's site names no town
        pytest.param(
            _row("Grupa Nowy Szpital", "0802", role="subject"),
            None, id="a-group-names-no-town",
        ),
        # constructed: a town's name villages bear too (Sława, powiat wschowski, and the
        # villages Sława of two other powiats), read with no county
        pytest.param(
            _row("Szpital Sława Grupa Zdrowie Sp. z o.o.", "", role="subject"),
            None, id="a-town-with-namesakes-without-a-county",
        ),
        # the same with its county: the town of powiat wschowski
        pytest.param(
            _row("Szpital Sława Grupa Zdrowie Sp. z o.o.", "0812", role="subject"),
            "0812013", id="a-town-with-namesakes-in-its-county",
        ),
        # constructed from the same page: a town of another county is not read
        pytest.param(
            _row("Szpital Glowno Grupa Zdrowie Sp. z o.o.", "1001", role="subject"),
            None, id="a-town-of-another-county",
        ),
    ],
)  # fmt: skip
def test_a_record_without_address_is_placed_by_the_town_its_name_spells(
    row: RawRow, gmina: str | None, gazetteer: Gazetteer
) -> None:
    record = normalise_record(row, gazetteer)
    assert record.gmina_teryt == gmina
    # the place does not change the name: the town is already in it
    assert record.name == normalise_record(replace(row, county=""), gazetteer).name
