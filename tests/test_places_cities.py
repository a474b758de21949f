"""Places: regional cities where sittings are held."""

from __future__ import annotations

from communique.annotate.places import find_places


def test_regional_cities_are_known_with_their_country():
    got = {(p.name, p.country) for p in find_places("They met in Gabala, then in Khujand and Jalal-Abad.")}
    assert got == {("Gabala", "Azerbaijan"), ("Khujand", "Tajikistan"), ("Jalal-Abad", "Kyrgyzstan")}
