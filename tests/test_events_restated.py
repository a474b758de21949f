"""An occasion named twice, the second time with more precise days (a note, a later sentence): one
event with those days (interpret.events)."""

from __future__ import annotations

import pytest

from communique import extract


@pytest.mark.parametrize(
    "text, date, end",
    [
        ("At the Global Gateway Investors Forum in Brussels in January 2024, banks pledged EUR 10 bn.[3]\n\n"
         "Notes\n[3] Global Gateway Investors Forum, Brussels, 29–30 January 2024.\n",
         "2024-01-29", "2024-01-30"),
        ("The Astana International Forum in 2025 drew 5,000 guests. The Astana International Forum, held on "
         "29 May 2025, closed with a declaration.", "2025-05-29", None),
        ("Ministers met at the Tashkent Investment Forum in June 2025. The Tashkent Investment Forum took "
         "place on 10–12 June 2025 in Tashkent.", "2025-06-10", "2025-06-12"),
    ],
)
def test_an_occasion_named_again_with_more_precise_days_takes_them(text, date, end):
    ev = {e.name: (e.date, e.date_end) for e in extract(text, published="2026-06-10").events}
    forum = [v for k, v in ev.items() if "Forum" in k]
    assert forum == [(date, end)], ev
