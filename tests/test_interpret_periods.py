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
