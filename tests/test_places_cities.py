"""Places: regional cities where sittings are held."""

from __future__ import annotations

from communique.annotate.places import find_places


def test_regional_cities_are_known_with_their_country():
    got = {(p.name, p.country) for p in find_places("They met in Gabala, then in Khujand and Jalal-Abad.")}
    assert got == {("Gabala", "Azerbaijan"), ("Khujand", "Tajikistan"), ("Jalal-Abad", "Kyrgyzstan")}


def test_more_cities_of_the_corridor_are_known_with_their_country():
    got = {
        (p.name, p.country) for p in find_places("Ferries run from Poti to Constanța; trains from Kashgar.")
    }
    assert got == {("Poti", "Georgia"), ("Constanța", "Romania"), ("Kashgar", "China")}


def test_a_regional_centre_of_kazakhstan_is_known():
    got = {(p.name, p.country) for p in find_places("The plant in Kostanay and the hub in Kyzylorda opened.")}
    assert got == {("Kostanay", "Kazakhstan"), ("Kyzylorda", "Kazakhstan")}
