"""Figure periods and the lead of a text: statistical periods, spans back to a starting point, the
period a paragraph or a release sets, and a lead found under a site's header lines."""

from __future__ import annotations

from communique import extract


def ex(text: str, published: str | None = "2025-10-21"):
    return extract(text, published=published)


def test_lead_under_site_header_and_metadata_dateline():
    # a site's header lines, a headline paragraph, then "<date> <time> Source: …": the lead is the
    # first paragraph of body text, which dates and places the sitting
    text = (
        "Ministry of Foreign Affairs of Ruritania\nHome > Minister > Activities\n\n"
        "Minister Holds Talks with Kyrgyz Counterpart and Co-chairs the Fourth Meeting of the "
        "Ruritania-Kyrgyzstan Strategic Dialogue\n\n"
        "2025-03-11 21:40 Source: Ministry of Foreign Affairs\n\n"
        "On the afternoon of March 10, 2025, the two foreign ministers held talks in Bishkek and co-chaired "
        "the fourth meeting of the Ruritania-Kyrgyzstan Strategic Dialogue.\n\n"
        "They discussed trade.\n"
    )
    out = extract(text, published=None)
    assert out.document.published == "2025-03-11"
    (m,) = out.meetings
    assert (m.number, m.date, m.place) == (4, "2025-03-10", "Bishkek")


def _fig(out, value):
    return next(f for f in out.figures if f.value == value)


def test_as_of_a_day_is_the_year_of_a_stock():
    out = ex(
        "As of 1 October 2025, the Bank's portfolio in Ruritania stood at about €310 million "
        "across nine projects."
    )
    assert _fig(out, 310_000_000.0).period == "2025"
    assert _fig(out, 9.0).period == "2025"


def test_since_independence_runs_from_the_countrys_independence():
    out = ex(
        "Since independence, the Bank has financed more than 190 projects in Uzbekistan "
        "worth over 6 billion euros."
    )
    assert _fig(out, 190.0).period == "1991/2025"
    assert _fig(out, 6_000_000_000.0).period == "1991/2025"


def test_after_a_year_runs_to_the_year_of_writing():
    out = ex(
        "The Bank has financed 90 projects in Kazakhstan, and over 60 percent of that volume was committed "
        "after 2017."
    )
    assert _fig(out, 60.0).period == "2017/2025"


def test_a_change_told_after_a_year_earlier_base_takes_the_current_period():
    out = ex(
        "The railway reported 410 container trains in January–September 2025, against 312 a year earlier, "
        "a rise of about 31%."
    )
    assert _fig(out, 410.0).period == "2025-01/2025-09"
    assert _fig(out, 312.0).period == "2024-01/2024-09"
    assert _fig(out, 31.0).period == "2025-01/2025-09"
