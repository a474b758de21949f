"""Pledges and loan/grant/guarantee documents in press releases of lenders and donors: long headlines,
datelines written in words, named money documents, givers as the text names them (our own sentences)."""

from __future__ import annotations

from communique import extract


def ex(text: str, published: str | None = "2025-10-08"):
    return extract(text, published=published)


# --- the head block: a long headline and a dateline in words ---------------------------------------


def test_a_long_headline_alone_in_the_head_block_repeats_no_pledge():
    text = (
        "Lender press release | 2025-101-EN\n\n"
        "Armenia: Bank signs €45 million loan for Yerevan metro trains and a €70 million guarantee "
        "for farms\n\n"
        "Yerevan, 8 October 2025\n\n"
        "The European Investment Bank has signed a €45 million loan to buy new trains for the Yerevan "
        "metro. The EIB also signed a guarantee that will cover up to €70 million of loans to farms.\n"
    )
    r = ex(text)
    assert sorted(p.amount for p in r.pledges) == [45e6, 70e6]


def test_the_lead_is_the_first_body_paragraph_after_a_headline_and_a_dateline_in_words():
    text = (
        "Commission - Press release\n\n"
        "Global Gateway: EU and Armenia sign €90 million in new agreements for roads and schools\n\n"
        "Brussels, 20 November 2025\n\n"
        "Today in Yerevan, the EU and Armenia signed a package of two agreements worth €90 million.\n\n"
        "Under the first, the EU provides a grant of €30 million for schools in Gyumri.\n"
    )
    r = ex(text, "2025-11-20")
    # "Today" in the lead dates the occasion, and so the grant told without a date of its own
    assert [(p.amount, p.date) for p in r.pledges] == [(90e6, "2025-11-20"), (30e6, "2025-11-20")]
