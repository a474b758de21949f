"""A known city joined by a dash to another name ("the Lodz–Chengdu route") is an end of a route,
not where the occasion happens (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract


@pytest.mark.parametrize(
    "text",
    [
        "The first freight train on a new Lodz–Chengdu route is scheduled to depart on 3 July.",
        "The first container train on the Chengdu–Lodz route is scheduled to depart on 3 July.",
        "The first freight train on a new Kashgar–Tilburg route is scheduled to depart on 3 July.",
    ],
)
def test_a_city_at_the_end_of_a_route_is_no_place(text):
    evs = extract(text, published="2025-06-20").events
    assert evs and all(e.place is None for e in evs)


def test_a_city_on_its_own_is_still_the_place():
    evs = extract("The Silk Road forum opened in Chengdu on 3 July.", published="2025-06-20").events
    assert [e.place for e in evs] == ["Chengdu"]
