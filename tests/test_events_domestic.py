"""A sitting of one state's own body (a chamber's plenary, a ministry's board meeting, a cabinet
meeting) is not an occasion of the partnership (interpret.events, data/events.yaml domestic_sittings)."""

from __future__ import annotations

import pytest

from communique import extract
from communique.interpret.events import _domestic_sitting


def events(text: str, published: str = "2026-05-21") -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.date, e.place) for e in extract(text, published=published).events}


@pytest.mark.parametrize(
    "text",
    [
        "The next plenary session of the Senate will be held on 4 June.",
        "At a plenary session chaired by Chairman of the Senate Erlan Karin, senators adopted it on 20 May.",
        "The Legislative Chamber of the Oliy Majlis will consider the bill at its plenary sitting on 2 June.",
        "At an extended board meeting of the Ministry held on 20 May, the Minister presented the results.",
        "The draft was approved at a regular meeting of the Cabinet of Ministers on 19 May in Tashkent.",
        "The collegium of the Ministry of Foreign Affairs met in Astana on 18 May to review the year.",
    ],
)
def test_a_domestic_sitting_is_no_event(text):
    assert events(text) == {}


@pytest.mark.parametrize(
    "name",
    [
        "plenary session of the Mazhilis",
        "Senate plenary",
        "Cabinet meeting",
        "regular meeting of the Government",
        "extended board meeting of the Ministry of Energy",
        "next session of the Jogorku Kenesh",
    ],
)
def test_domestic_sitting_names(name):
    assert _domestic_sitting(name)


@pytest.mark.parametrize(
    "name",
    [
        "meeting with the Chairman of the Senate",
        "meeting with the Toraga of the Jogorku Kenesh",
        "session of the EU–Kazakhstan Parliamentary Cooperation Committee",
        "meeting of the Kazakhstan–China Business Council",
        "joint session of the Government and the European Commission",
        "meeting of the Intergovernmental Commission",
        "visit to the Parliament of Georgia",
        "Foreign Investors' Council plenary session",
        "meeting of the Council of Heads of Government of the CIS",
        "fifth meeting of the Council of Ministers of Foreign Affairs of Kazakhstan and Uzbekistan",
    ],
)
def test_sittings_with_partners_or_guests_stay(name):
    assert not _domestic_sitting(name)

