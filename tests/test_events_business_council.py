"""A sitting of a business council (companies' format, data/bodies.yaml occasions) is an event with
the sitting's day and place, never a meeting of a partnership body."""

from __future__ import annotations

import pytest

from communique import extract


@pytest.mark.parametrize(
    "text, place",
    [
        ("Astana, 5 November 2026 – The 8th meeting of the Kazakhstan–China Business Council took place in "
         "Astana today, chaired by the two deputy ministers. Companies signed 14 documents.", "Astana"),
        ("TASHKENT, 5 November 2026. The Uzbekistan–Korea Business Council held its third session in "
         "Tashkent on Thursday. Over 100 companies attended.", "Tashkent"),
        ("Baku, 6 November 2026 – On 5 November, Baku hosted the inaugural meeting of the Azerbaijan–Hungary "
         "Business Council. The sides discussed logistics.", "Baku"),
    ],
)
def test_a_business_council_sitting_is_an_event_not_a_meeting(text, place):
    ex = extract(text, published="2026-11-05" if "today" in text else "2026-11-06")
    assert ex.meetings == []
    council = [e for e in ex.events if "Business Council" in e.name]
    assert council, ex.events
    assert council[0].date == "2026-11-05" and council[0].place == place


def test_a_cooperation_council_sitting_stays_a_meeting():
    ex = extract("Brussels, 5 November 2026 – The 22nd meeting of the EU–Kazakhstan Cooperation Council took "
                 "place in Brussels today.", published="2026-11-05")
    assert [m.body for m in ex.meetings] == ["EU–Kazakhstan Cooperation Council"]



@pytest.mark.parametrize(
    "follow",
    [
        "Its next session is expected in Brussels in the autumn.",
        "The Council will hold its next meeting in Brussels in the autumn.",
        "The next session is planned in Brussels in the autumn.",
    ],
)
def test_the_next_sitting_of_the_reported_business_council_is_named_after_it(follow):
    ex = extract("Astana, 5 June 2025 – The first meeting of the EU–Kazakhstan Business Council took place "
                 f"in Astana on 4 June. {follow}", published="2025-06-05")
    ev = {e.name: (e.date, e.place) for e in ex.events}
    nxt = [(k, v) for k, v in ev.items() if k.startswith("2nd") or k.startswith("next")]
    assert nxt and "EU–Kazakhstan Business Council" in nxt[0][0] and nxt[0][1] == ("2025", "Brussels"), ev
