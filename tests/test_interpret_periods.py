"""Figure periods and the lead of a text: statistical periods, spans back to a starting point, the
period a paragraph or a release sets, and a lead found under a site's header lines."""

from __future__ import annotations

import pytest

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


def test_a_release_about_one_period_dates_figures_that_state_none():
    text = (
        "Statistics Office of Ruritania\n\n"
        "Express information | Foreign trade of Ruritania with the EU in January–June 2025\n\n"
        "1. In January–June 2025, Ruritania's trade with the EU amounted to USD 3.2 billion.\n\n"
        "2. Exports to the EU amounted to USD 2.1 billion. The trade surplus stood at USD 1.0 billion.\n"
    )
    out = ex(text)
    assert {f.value: f.period for f in out.figures} == {
        3_200_000_000.0: "2025-01/2025-06",
        2_100_000_000.0: "2025-01/2025-06",
        1_000_000_000.0: "2025-01/2025-06",
    }


def test_no_release_period_when_the_lead_does_not_open_with_the_headline_period():
    text = (
        "Trade with the EU in January–June 2025\n\n"
        "Ruritania's trade with the EU grew, the minister said on Monday.\n\n"
        "Exports to the EU amounted to USD 2.1 billion.\n"
    )
    assert _fig(ex(text), 2_100_000_000.0).period is None


def test_a_sentence_about_the_sum_just_told_counts_within_its_period():
    out = ex(
        "The Bank invested a record €1.1 billion in Ruritania in January–September 2025. The amount was "
        "spread over 24 projects, 80% of them in the private sector."
    )
    assert _fig(out, 24.0).period == "2025-01/2025-09"
    assert _fig(out, 80.0).period == "2025-01/2025-09"


def test_a_count_in_a_present_relative_clause_is_outside_a_since_span():
    out = ex(
        "Since 2022, cargo volumes have roughly tripled, according to the association, which counts "
        "25 member companies."
    )
    assert _fig(out, 25.0).period is None


def test_and_inside_a_noun_phrase_does_not_cut_the_count_from_its_period():
    out = ex(
        "The railway reported that 410 container trains ran between China and Europe via Kazakhstan and "
        "the Caspian in 9M 2025, against 312 a year earlier."
    )
    assert _fig(out, 410.0).period == "2025-01/2025-09"
    assert _fig(out, 312.0).period == "2024-01/2024-09"


def test_a_table_row_repeating_a_prose_figure_is_one_figure():
    text = (
        "# Port figures\n\n"
        "Aktau port's revenue of 18.6 billion tenge for the first half was up 14% year on year.\n\n"
        "| Indicator | Period | Value |\n"
        "|---|---|---|\n"
        "| Revenue of Aktau seaport | H1 2025 | KZT 18.6 billion |\n"
        "| Revenue of Baku port | 2024 | AZN 95 million |\n"
    )
    figs = [(f.value, f.unit, f.period) for f in ex(text).figures if f.unit != "percent"]
    assert figs == [(18_600_000_000.0, "KZT", "2025-01/2025-06"), (95_000_000.0, "AZN", "2024")]


def test_number_of_things_that_passed_a_count_is_more_than_it():
    (f,) = ex("In 2025 the number of EU companies operating in the country passed 1,000 for the first "
              "time.").figures
    assert (f.value, f.unit, f.qualifier, f.period) == (1000.0, "count", "more than", "2025")


def test_a_change_told_as_a_fraction_and_a_level_reached_as_a_fraction():
    out = ex("In 2024 trade with Germany grew by nearly a fifth, and the share of renewables has risen to "
             "about a quarter.")
    assert {(f.value, f.qualifier) for f in out.figures} == {(20.0, "nearly"), (25.0, "about")}


def test_a_decrease_of_is_a_decline():
    out = ex("In 2024 exports amounted to USD 22.8 billion (a decrease of 1.9%).")
    assert _fig(out, -1.9).metric.endswith("growth")


def test_an_equivalent_in_another_currency_is_no_second_record():
    out = ex("The Bank signed a €60 million loan for the water network. The loan, equivalent to about "
             "5.9 billion som at today's rate, will replace old pipes.")
    assert not [f for f in out.figures if f.unit == "KGS"]
    assert not [p for p in out.pledges if p.currency == "KGS"]


def test_an_amount_in_a_headline_under_a_site_line_is_told_in_the_body():
    text = (
        "European Commission - Press release\n\n"
        "EU and Ruritania sign €415 million in new agreements for water\n\n"
        "Brussels, 20 November 2025\n\n"
        "In 2024 trade reached €6.4 billion. The Commission signed agreements worth €415 million today.\n"
    )
    out = ex(text, "2025-11-20")
    spans = [f.span for f in out.figures] + [p.span for p in out.pledges]
    assert all(sp[0] > text.index("Brussels") for sp in spans)


def test_a_count_then_spelled_out_as_a_bulleted_list_is_no_figure():
    text = (
        "Today the ministers signed a package of three agreements under Global Gateway.\n\n"
        "The package consists of:\n\n"
        "- a financing agreement for schools;\n"
        "- a finance contract for water;\n"
        "- a grant agreement for irrigation.\n\n"
        "Since 2015, 40 projects have been completed.\n"
    )
    assert [f.value for f in ex(text).figures] == [40.0]


# money already given (interpret/amounts.py `_running_total`): a figure with its period, no pledge
@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # a span up to now, in the present perfect
        (
            "Since 2015, the EIB has signed over €2 billion of loans in Uzbekistan.",
            (2e9, "2015/2025", "more than"),
        ),
        (
            "Over the past decade, the EU has provided more than €500 million in grants to Tajikistan.",
            (500e6, "2015/2025", "more than"),
        ),
        # a closed run of months, told in the past
        (
            "Japan's agency JICA committed the equivalent of $90 million to Central Asian transport in "
            "fiscal 2024 (April 2024 to March 2025), its highest yearly amount so far.",
            (90e6, "2024-04/2025-03", "exact"),
        ),
        # a past fiscal year
        (
            "Japan's agency JICA committed the equivalent of $70 million to Caucasus transport in fiscal "
            "2024, its highest amount so far.",
            (70e6, "2024", "exact"),
        ),
        # bonds an institution places: money it borrows
        (
            "The EBRD has placed bonds denominated in Uzbek sum for a total of 2.4 trillion sum.",
            (2.4e12, None, "exact"),
        ),
    ],
)
def test_money_already_given_is_a_figure(text, figure):
    out = ex(text)
    assert not out.pledges
    assert [(f.value, f.period, f.qualifier) for f in out.figures] == [figure]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("The EU has pledged €300 million for Tajikistan's water sector over the next three years.", 300e6),
        ("Japan's agency JICA will commit $90 million to Central Asian transport in January–June 2026.",
         90e6),
    ],
)
def test_money_promised_over_a_span_ahead_stays_a_pledge(text, amount):
    assert [p.amount for p in ex(text).pledges] == [amount]


def test_a_target_change_told_as_a_fraction():
    text = "The railways intend to increase freight traffic on the North–South corridor by a quarter by 2030."
    (f,) = ex(text).figures
    assert (f.value, f.unit, f.period) == (25.0, "percent", "2030")


def test_a_past_change_of_an_object_told_as_a_fraction_since_a_year():
    text = "The president said the country had increased gas exports to Europe by about a third since 2021."
    (f,) = ex(text).figures
    assert (f.value, f.qualifier, f.period) == (33.3, "about", "2021/2025")


def test_a_duration_before_a_count_noun_is_no_count():
    out = ex('The ministers opened the exhibition "Europe in Kazakhstan: 30 years of projects" in Astana.')
    assert out.figures == []


def test_a_one_line_bullet_above_the_lead_is_body_text_not_a_headline():
    text = (
        "Trade briefing\n\n"
        "- Trade reached $3.1 billion in 2024\n\n"
        "The ministers met in Astana on Monday and discussed trade.\n"
    )
    assert [f.value for f in ex(text).figures] == [3.1e9]


def test_one_loan_signed_within_a_closed_run_of_months_stays_a_pledge():
    out = ex("In January–September 2025, the EBRD signed a loan of €300 million for the railway.")
    assert [p.amount for p in out.pledges] == [300e6]


def test_a_release_period_leaves_a_present_state_undated():
    text = (
        "Express information | Trade of Ruritania with the EU in January–June 2025\n\n"
        "1. In January–June 2025, Ruritania's trade with the EU amounted to USD 3.2 billion.\n\n"
        "2. Some 3,000 companies with EU capital operate in Ruritania.\n"
    )
    assert _fig(ex(text), 3000.0).period is None
