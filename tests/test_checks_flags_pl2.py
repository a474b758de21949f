"""Flags a careful reader would raise, and the ones they would not (our own sentences): a counted total
opening its list with a colon, a conversion told approximately, two values in one sentence, a growth of
one flow against another's, and dates after publication told as targets or plans."""

from __future__ import annotations

import pytest

from communique import extract
from communique.checks.document import same_metric


def _kinds(text: str, published: str = "2026-10-03") -> list[str]:
    return [f.kind for f in extract(text, published=published).flags]


@pytest.mark.parametrize(
    "text",
    [
        "The Saudi Fund for Development signed three loan agreements with Uzbekistan worth a combined $245 "
        "million: $120 million for water supply, $75 million for schools, and $60 million for rural clinics.",
        "Japan signed two loan agreements worth a combined $300 million: $200 million for the airport and "
        "$150 "
        "million for the railway.",
        "The ADB approved three projects totalling $90 million — $40 million for roads, $30 million for "
        "water "
        "and $10 million for schools.",
    ],
)
def test_a_counted_total_and_its_listed_parts_that_do_not_add_up_are_flagged(text):
    assert _kinds(text).count("parts do not sum") == 1


@pytest.mark.parametrize(
    "text",
    [
        "The EU signed four grant agreements worth a total of EUR 50 million: EUR 20 million for schools, "
        "EUR "
        "15 million for clinics, EUR 10 million for roads and EUR 5 million for training.",
        # three agreements, two amounts: not the whole list
        "Japan signed three loan agreements worth a combined $300 million: $200 million for the airport and "
        "$150 million for the railway.",
        "The bank signed two loans worth $70 million: $40 million for roads and $30 million for water.",
    ],
)
def test_a_counted_total_whose_parts_add_up_or_are_not_all_listed_is_no_flag(text):
    assert "parts do not sum" not in _kinds(text)


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("The investment is estimated at USD 1.35 billion (approximately KZT 650 billion).", False),
        ("The pilot phase will cost about USD 250 million, or KZT 120 billion at the current exchange rate.",
         False),
        ("The EU pledged EUR 12 billion (about USD 13.5 billion) for Central Asia.", False),
        ("The EU pledged EUR 12 billion (USD 15 billion) for Central Asia.", True),
        ("The EU pledged EUR 12 billion (about USD 17 billion) for Central Asia.", True),
    ],
)
def test_a_conversion_told_approximately_is_as_rough_as_its_qualifier(text, flagged):
    assert ("conversion off" in _kinds(text, "2026-04-14")) is flagged


@pytest.mark.parametrize(
    "text",
    [
        "Trade turnover amounted to 496 million dollars last year, an increase of 15% compared with 2023, "
        "and "
        "cargo along the corridor grew by more than 60% over the same period.",
        "Imports reached nearly $14.7 billion in January-October, while exports fell by 6.5% to $11.4 "
        "billion.",
        "Trade with the EU came to about USD 6.9 billion in 2025, while trade with China reached USD 12.4 "
        "billion in 2025.",
    ],
)
def test_two_values_in_one_sentence_are_not_compared_as_one_figure(text):
    assert "approximate inconsistent" not in _kinds(text, "2026-02-01")


def test_growth_or_share_of_one_flow_is_not_the_same_metric_as_of_another():
    assert not same_metric("exports growth", "trade turnover growth", "percent")
    assert not same_metric("share of exports", "share of total turnover", "percent")
    assert not same_metric("imports growth", "exports growth", "percent")
    assert same_metric("bilateral trade growth", "trade turnover growth", "percent")


@pytest.mark.parametrize(
    "text",
    [
        "Trade reached almost 700 million US dollars last year and the sides set a target of 1 billion US "
        "dollars by 2030.",
        "She recalled the eighth meeting, held in Ulaanbaatar last June, and proposed to hold the ninth "
        "meeting "
        "in Brussels in the second half of 2027.",
        "The parties recalled the previous meeting, held in Baku in March, and agreed to hold the seventh "
        "meeting in Astana in the first half of 2027.",
    ],
)
def test_a_target_or_a_proposed_sitting_after_publication_is_not_implausible(text):
    assert "implausible value" not in _kinds(text, "2026-02-19")
