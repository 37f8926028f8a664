"""Place names in the locative (transforms/locatives.py), table-driven from the seats of the
real catalogue's published institutions (`benchmarks/real_catalogue.py`) and the national
gazetteer's villages — and the names whose declension must stay as it was."""

from __future__ import annotations

import pytest

from transforms.locatives import locative_of


@pytest.mark.parametrize(
    ("place", "locative"),
    [
        # a surname's form after a place's own noun is the name's adjective
        ("Ruda Różaniecka", "Rudzie Różanieckiej"),
        ("Wola Chruścińska", "Woli Chruścińskiej"),
        # of two places' own names, the one that declines as a noun heads the name: "Nowa"
        # declines as the adjective "nowy" (Nowej), "Ruda", "Wola", "Krępa" as nouns
        ("Nowa Ruda", "Nowej Rudzie"),
        ("Stara Ruda", "Starej Rudzie"),
        ("Sucha Wola", "Suchej Woli"),
        ("Nowa Wola Gołębiowska", "Nowej Woli Gołębiowskiej"),
        ("Turowa Wola", "Turowej Woli"),
        ("Stara Krępa", "Starej Krępie"),
        ("Nowa Jeziorna", "Nowej Jeziornie"),
        # ... and where neither or both decline so, the first word as before
        ("Wysoka Zaborska", "Wysokiej Zaborskiej"),
        ("Bukowa Śląska", "Bukowej Śląskiej"),
        ("Biała Piska", "Białej Piskiej"),
        # --- as before ---
        ("Ruda Śląska", "Rudzie Śląskiej"),
        ("Nowe Miasto Lubawskie", "Nowym Mieście Lubawskim"),
        ("Nowy Dwór Gdański", "Nowym Dworze Gdańskim"),
        ("Środa Śląska", "Środzie Śląskiej"),
        ("Środa Wielkopolska", "Środzie Wielkopolskiej"),
        ("Łososina Dolna", "Łososinie Dolnej"),
        ("Wielkie Oczy", "Wielkich Oczach"),
        ("Zduńska Wola", "Zduńskiej Woli"),
        ("Biała Podlaska", "Białej Podlaskiej"),
        ("Wysokie Mazowieckie", "Wysokiem Mazowieckiem"),
        # the gazetteer's villages: a plural in "-iska", a surname Morfeusz knows
        ("Małe Radowiska", "Małych Radowiskach"),
        ("Stare Boiska", "Starych Boiskach"),
        ("Stara Gąska", "Starej Gąsce"),
        # villages Morfeusz does not know (official10.csv, official11.csv): a diminutive's "e"
        # falls out, a plural in "-any" takes "-ach"
        ("Przatówek", "Przatówku"),
        ("Moszczany", "Moszczanach"),
    ],
)
def test_locative_of_a_place(place: str, locative: str) -> None:
    found = locative_of(place)
    assert found is not None
    assert found.form == locative
