"""Periods of figures told by a part of the year without its year ("in the first quarter"), by a
quarter left out after one told ("… and USD 12.9 billion in the second"), by "half-year" and
"full-year", and of a share told in an aside about the subject (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract


def _periods(text: str, published: str = "2026-08-14") -> list[tuple[float, str | None]]:
    return [(f.value, f.period) for f in extract(text, published=published).figures]


@pytest.mark.parametrize(
    "text, published, want",
    [
        ("Trade between Kazakhstan and the EU reached USD 11.7 billion in the first quarter.", "2026-08-14",
         [(11.7e9, "2026-01/2026-03")]),
        ("In the second quarter, exports to China totalled USD 4.2 billion.", "2026-08-14",
         [(4.2e9, "2026-04/2026-06")]),
        # (written in February: the last fourth quarter ended is the year before's)
        ("Uzbekistan's imports from the EU rose 7% in the fourth quarter, the agency said.", "2026-02-10",
         [(7.0, "2025-10/2025-12")]),
    ],
)
def test_a_quarter_without_its_year_is_the_last_one_ended(text, published, want):
    assert _periods(text, published) == want


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "On a quarterly basis, turnover was USD 11.7 billion in the first quarter and USD 12.9 billion "
            "in the second, when imports of machinery dropped 6% from the same quarter a year earlier.",
            [(11.7e9, "2026-01/2026-03"), (12.9e9, "2026-04/2026-06"), (-6.0, "2026-04/2026-06")],
        ),
        ("Trade reached USD 5 billion in the first half of 2025 and USD 6 billion in the second.",
         [(5e9, "2025-01/2025-06"), (6e9, "2025-07/2025-12")]),
        ("Exports came to EUR 2.1 billion in the third quarter of 2025 and EUR 2.4 billion in the fourth.",
         [(2.1e9, "2025-07/2025-09"), (2.4e9, "2025-10/2025-12")]),
    ],
)
def test_a_quarter_left_out_after_one_told_takes_its_months(text, want):
    assert _periods(text) == want


@pytest.mark.parametrize(
    "text, published, want",
    [
        ("In tenge terms, half-year turnover came to about KZT 12.4 trillion.", "2026-08-14",
         [(12.4e12, "2026-01/2026-06")]),
        ("Half-year exports to the EU stood at USD 9 billion.", "2026-03-02", [(9e9, "2025-07/2025-12")]),
        ("She expected full-year trade of between USD 47 and 50 billion.", "2026-08-14", [(47e9, "2026")]),
        ("The ministry forecasts full-year exports at USD 30 billion.", "2026-08-14", [(30e9, "2026")]),
        ("Full-year trade came to USD 40 billion, the bureau said.", "2026-02-14", [(40e9, "2025")]),
    ],
)
def test_half_year_and_full_year_figures(text, published, want):
    assert _periods(text, published) == want


@pytest.mark.parametrize(
    "text, share, period",
    [
        (
            "Exports to the bloc, around 85% of which are oil and gas condensate, climbed to USD 19.1 "
            "billion in January–June.",
            85.0, "2026-01/2026-06",
        ),
        ("Kazakhstan's imports, 40% of which were machinery, reached USD 8 billion in 2025.", 40.0, "2025"),
        (
            "Exports, 60 percent of which consisted of metals, rose by 12% in the first nine months of 2025.",
            60.0, "2025-01/2025-09",
        ),
    ],
)
def test_a_share_in_an_aside_about_the_subject_takes_the_period_of_its_clause(text, share, period):
    assert (share, period) in _periods(text)


@pytest.mark.parametrize(
    "text, value",
    [
        (
            "The Leaders noted that trade reached around EUR 55 billion in 2025, and that the stock of EU "
            "direct investment in the region exceeds EUR 100 billion.",
            100e9,
        ),
        (
            "The EU remained the largest trading partner in 2025, with turnover of USD 48.8 billion, "
            "while EU countries account for nearly 50 percent of foreign direct investment.",
            50.0,
        ),
        ("EU exports came to EUR 30 billion in 2025, while the stock of EU investment stands at EUR 80 "
         "billion.", 80e9),
    ],
)
def test_a_date_of_the_clause_before_does_not_reach_a_state_told_in_the_present(text, value):
    assert (value, None) in _periods(text, "2026-03-01")


def test_a_since_span_does_not_reach_a_present_state_after_a_semicolon():
    text = ("The EU is the largest investor, with around USD 180 billion invested since 2005; it accounts "
            "for about half of all FDI.")
    assert (50.0, None) in _periods(text)


def test_a_date_of_the_clause_before_reaches_a_past_event_after_and():
    assert (3e9, "2025") in _periods("Trade reached USD 5 billion in 2025, and exports were USD 3 billion.")


def _figs(text: str, published: str = "2026-08-14") -> list[tuple[str, float, float | None]]:
    return [(f.metric, f.value, f.value_max) for f in extract(text, published=published).figures]


@pytest.mark.parametrize(
    "text, want",
    [
        ("Mongolia's economy contracted by 5.3% in 2020.", ("contraction of economy", 5.3, None)),
        ("Once completed, journey times for freight trains on the section are expected to fall by up to "
         "30%.", ("reduction of journey times", 30.0, None)),
        ("Transit times between China and Europe were cut by 20% last year.",
         ("reduction of Transit times", 20.0, None)),
        ("Logistics costs fell by 15% in 2024, while exports dropped 2%.",
         ("reduction of costs", 15.0, None)),
    ],
)
def test_a_fall_of_a_quantity_that_is_no_trade_flow_is_a_positive_reduction(text, want):
    assert want in _figs(text)


@pytest.mark.parametrize(
    "text, want",
    [
        ("Exports to the EU fell by 3.1% to 0.9 bln US dollars.", ("exports growth", -3.1, None)),
        ("Imports of machinery dropped 6% from a year earlier.", ("imports growth", -6.0, None)),
        ("Logistics costs fell by 15% in 2024, while exports dropped 2%.", ("exports growth", -2.0, None)),
        ("As transport costs rose, exports fell by 5%.", ("exports growth", -5.0, None)),
    ],
)
def test_a_fall_of_a_trade_flow_stays_a_negative_growth(text, want):
    assert want in _figs(text)


@pytest.mark.parametrize(
    "text, want",
    [
        ("A joint working group on visa facilitation, proposed by Astana, has met twice in 2025.",
         [("meetings", 2.0, "2025")]),
        ("The intergovernmental commission convened three times last year.", [("meetings", 3.0, "2025")]),
        ("Since 2019 the sub-committee on trade has met 6 times.", [("meetings", 6.0, "2019/2026")]),
    ],
)
def test_a_body_that_met_n_times_is_a_count_of_meetings(text, want):
    figs = extract(text, published="2026-01-20").figures
    assert [(f.metric, f.value, f.period) for f in figs] == want


def test_a_frequency_of_meetings_is_no_count():
    assert extract("The Council will meet twice a year.", published="2026-01-20").figures == []


@pytest.mark.parametrize(
    "text, want",
    [
        ("In H1, exports grew 12%.", [(12.0, "2026-01/2026-06")]),
        ("Q2 trade reached USD 12.9 billion.", [(12.9e9, "2026-04/2026-06")]),
        ("Exports rose 5% in Q1, the ministry said.", [(5.0, "2026-01/2026-03")]),
    ],
)
def test_a_quarter_or_half_by_its_code_without_a_year(text, want):
    assert _periods(text) == want


def test_a_chemical_formula_is_no_period_nor_count():
    assert _periods("The H2 hydrogen project will cost USD 3 billion.") == [(3e9, None)]
