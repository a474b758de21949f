"""Within-document checks: each one positive and negative, and the tolerance edges.

Most tests build `Extraction` records by hand, so they test the checks alone; the checks that read
the text (unknown currency, listed parts, stated conversions) get short texts of our own. The last
tests run our example documents end to end through `communique.extract`.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.checks.document import check_document, half_unit, interval, metric_role, same_metric
from communique.models import DocumentInfo, Extraction, Figure, Meeting, Pledge


@pytest.fixture(autouse=True)
def _empty_user_rates(tmp_path, monkeypatch):
    monkeypatch.setenv("COMMUNIQUE_HOME", str(tmp_path / "home"))


def ex(*records, published: str | None = None) -> Extraction:
    kinds = {Figure: "figures", Pledge: "pledges", Meeting: "meetings"}
    out = Extraction(document=DocumentInfo(id="t", published=published))
    for r in records:
        getattr(out, kinds[type(r)]).append(r)
    return out


def fig(metric, value, unit="USD", period="2024", qualifier="exact", span=None, **kw) -> Figure:
    return Figure(metric=metric, value=value, unit=unit, period=period, qualifier=qualifier, span=span, **kw)


def kinds(flags) -> list[str]:
    return [f.kind for f in flags]


# --- helpers ---------------------------------------------------------------------------------------

def test_rounding_and_intervals():
    assert half_unit(48.7e9) == pytest.approx(0.05e9)
    assert half_unit(3e9) == pytest.approx(0.05e9)  # at least two significant digits
    assert half_unit(16.8) == pytest.approx(0.05)
    assert half_unit(23) == pytest.approx(0.5)
    assert interval(50e9, "nearly") == pytest.approx((45e9, 50e9))
    lo, hi = interval(200e9, "more than")
    assert lo == 200e9 and hi == float("inf")


def test_metric_roles_and_sameness():
    assert metric_role("bilateral trade", "USD") == "total"
    assert metric_role("Kazakhstan–Germany trade turnover", "EUR") == "total"
    assert metric_role("exports to the EU", "USD") == "exports"
    assert metric_role("German deliveries to Kazakhstan", "EUR") == "exports"
    assert metric_role("imports from the EU", "USD") == "imports"
    assert metric_role("bilateral trade growth", "percent") == "growth"
    assert metric_role("Kazakhstan's trade surplus with the EU", "EUR") == "other"
    assert same_metric("bilateral trade", "EU–Kazakhstan bilateral trade", "USD")
    assert not same_metric("Kazakhstan–China trade", "EU–Kazakhstan trade", "USD")
    assert not same_metric("Kazakh exports to Germany", "German exports to Kazakhstan", "EUR")
    assert not same_metric("bilateral trade", "trade in services", "USD")
    assert not same_metric("oil exports to the EU", "exports to the EU", "USD")
    assert same_metric("Kazakh exports to the EU", "exports to the EU", "USD")


def test_flag_kinds_are_the_gold_strings():
    from communique.data import load

    kinds_ = set(load("checks")["kinds"].values())
    assert {"unknown currency", "parts do not sum", "growth inconsistent"} <= kinds_


# --- unknown currency ------------------------------------------------------------------------------

def test_unknown_currency_token_is_flagged_with_its_span():
    text = "The bank will lend EU$5 billion, and the fund about UDS 40 million."
    flags = check_document(ex(), text)
    assert kinds(flags) == ["unknown currency", "unknown currency"]
    assert text[slice(*flags[0].span)] == "EU$5 billion"
    assert "EU$" in flags[0].message and "not a known currency" in flags[0].message
    assert text[slice(*flags[1].span)] == "UDS 40 million"


def test_known_currencies_are_not_flagged():
    assert check_document(ex(), "The bank will lend US$5 billion, €3 billion and KZT 45 bn.") == []


# --- parts do not sum ------------------------------------------------------------------------------

def test_exports_plus_imports_not_matching_trade():
    flags = check_document(ex(
        fig("Kazakhstan–Germany trade", 5.9e9, "EUR", "2024-01/2024-09", span=(10, 20)),
        fig("Kazakh exports to Germany", 4.1e9, "EUR", "2024-01/2024-09"),
        fig("German exports to Kazakhstan", 2.3e9, "EUR", "2024-01/2024-09"),
    ), "")
    assert kinds(flags) == ["parts do not sum"]
    assert flags[0].span == (10, 20)
    assert "6.4 billion EUR" in flags[0].message and "5.9 billion EUR" in flags[0].message


def _spans(text, *subs):
    out = []
    for sub in subs:
        i = text.index(sub)
        out.append((i, i + len(sub)))
    return out


@pytest.mark.parametrize("german, flagged", [("2.3", True), ("1.8", False)])
def test_flow_with_a_bare_metric_is_read_from_the_words_before_it(german, flagged):
    text = (f"Trade reached EUR 5.9 billion in 2024. Kazakh exports to Germany came to EUR 4.1 billion, "
            f"while German deliveries to Kazakhstan were worth EUR {german} billion.")
    t, e, v = _spans(text, "EUR 5.9 billion", "EUR 4.1 billion", f"EUR {german} billion")
    figures = [fig("trade", 5.9e9, "EUR", span=t), fig("exports", 4.1e9, "EUR", span=e),
               fig("value", float(german) * 1e9, "EUR", span=v)]
    flags = check_document(ex(*figures), text)
    assert (kinds(flags) == ["parts do not sum"]) is flagged
    if flagged:
        assert flags[0].span == t and "6.4 billion EUR" in flags[0].message


def test_parts_that_sum_are_not_flagged():
    flags = check_document(ex(
        fig("bilateral trade", 48.7e9), fig("exports to the EU", 38.1e9), fig("imports from the EU", 10.6e9),
    ), "")
    assert flags == []


@pytest.mark.parametrize("imports, flagged", [(10.9e9, False), (11.1e9, True)])
def test_parts_tolerance_edge(imports, flagged):
    # 38.1 + 10.9 = 49.0 vs 48.7: within rounding (0.15) plus 0.5% of the total; 49.2 is not.
    flags = check_document(ex(
        fig("bilateral trade", 48.7e9), fig("exports to the EU", 38.1e9), fig("imports from the EU", imports),
    ), "")
    assert (kinds(flags) == ["parts do not sum"]) is flagged


def test_parts_of_other_periods_or_partners_are_not_summed():
    assert check_document(ex(
        fig("bilateral trade", 48.7e9, period="2024"),
        fig("exports to the EU", 38.1e9, period="2023"), fig("imports from the EU", 20.6e9, period="2023"),
    ), "") == []
    assert check_document(ex(
        fig("Kazakhstan–China trade", 43.8e9),
        fig("exports to the EU", 38.1e9), fig("imports from the EU", 20.6e9),
    ), "") == []


def test_two_flows_in_the_same_direction_are_not_summed_but_each_must_fit():
    same_direction = ex(fig("trade", 10e9), fig("exports to the EU by rail", 6e9),
                        fig("exports to the EU by sea", 6e9))
    assert check_document(same_direction, "") == []
    product = ex(fig("trade", 10e9), fig("oil exports to the EU", 12e9), fig("imports from the EU", 1e9))
    assert check_document(product, "") == []  # a product's exports are no part of total trade here
    too_big = ex(fig("trade", 10e9), fig("exports to the EU", 12e9))
    assert kinds(check_document(too_big, "")) == ["parts do not sum"]


LISTED = ("The Commission presented a package of EUR 10 billion. It has three strands: "
          "EUR {a} billion for transport; EUR 3 billion for energy; and EUR 3 billion for digital links.")


@pytest.mark.parametrize("a, flagged", [("4", False), ("5", True), ("2", True)])
def test_listed_parts_after_an_exhaustive_cue(a, flagged):
    text = LISTED.format(a=a)
    flags = check_document(ex(), text)
    assert (kinds(flags) == ["parts do not sum"]) is flagged
    if flagged:
        assert text[slice(*flags[0].span)] == "EUR 10 billion"


def test_partial_cue_only_flags_parts_exceeding_the_total():
    ok = "The EU pledged EUR 10 billion, including EUR 4 billion for transport."
    assert check_document(ex(), ok) == []
    bad = "The EU pledged EUR 10 billion, including EUR 12 billion for transport."
    assert kinds(check_document(ex(), bad)) == ["parts do not sum"]


# --- growth inconsistent ---------------------------------------------------------------------------

def test_growth_contradicting_the_prior_year_figure():
    flags = check_document(ex(
        fig("Kazakhstan–China trade", 43.8e9, period="2024"),
        fig("Kazakhstan–China trade growth", 16.8, "percent", "2024", span=(5, 10)),
        fig("Kazakhstan–China trade", 41e9, period="2023"),
    ), "")
    assert kinds(flags) == ["growth inconsistent"]
    assert flags[0].span == (5, 10) and "+6.8%" in flags[0].message


@pytest.mark.parametrize("growth, flagged", [(16.9, False), (17.3, False), (17.5, True), (15.9, True)])
def test_growth_tolerance_edges(growth, flagged):
    # 41.7 → 48.7 is +16.53% to +17.05% given rounding; 0.3 points of slack on top.
    flags = check_document(ex(
        fig("bilateral trade", 48.7e9, period="2024"),
        fig("bilateral trade growth", growth, "percent", "2024"),
        fig("EU–Kazakhstan bilateral trade", 41.7e9, period="2023"),
    ), "")
    assert (kinds(flags) == ["growth inconsistent"]) is flagged


def test_growth_with_an_unnamed_prior_value_in_its_sentence():
    text = "Trade reached $43.8 billion in 2024, up 16.8% on 2023, when it stood at $41 billion."
    def at(sub):
        i = text.index(sub)
        return (i, i + len(sub))
    figures = [fig("trade", 43.8e9, span=at("$43.8 billion")),
               fig("trade growth", 16.8, "percent", None, span=at("16.8%")),
               fig("value", 41e9, period="2023", span=at("$41 billion"))]
    flags = check_document(ex(*figures), text)
    assert kinds(flags) == ["growth inconsistent"] and flags[0].span == at("16.8%")
    figures[1] = fig("trade growth", 6.8, "percent", None, span=at("16.8%"))
    assert check_document(ex(*figures), text) == []


@pytest.mark.parametrize("verb, pct, flagged", [
    ("fell", "5%", False), ("fell", "15%", True),
    ("increased by", "4.8%", True), ("decreased by", "4.8%", False),
])
def test_growth_direction_from_the_text(verb, pct, flagged):
    # The extraction may give the rate a bare metric ("trade") and the publication date as period.
    text = f"Trade {verb} {pct} to $20 billion in 2024 from $21 billion in 2023."
    p, c, b = _spans(text, pct, "$20 billion", "$21 billion")
    figures = [fig("trade", float(pct[:-1]), "percent", "2025-06-17", span=p),
               fig("trade", 20e9, span=c), fig("trade", 21e9, period="2023", span=b)]
    assert (kinds(check_document(ex(*figures), text)) == ["growth inconsistent"]) is flagged


def test_a_share_is_not_a_growth_rate():
    text = "Trade rose to $20 billion in 2024 from $10 billion in 2023; the EU share of it is 40%."
    p, c, b = _spans(text, "40%", "$20 billion", "$10 billion")
    figures = [fig("EU share of trade", 40, "percent", "2024", span=p),
               fig("trade", 20e9, span=c), fig("trade", 10e9, period="2023", span=b)]
    assert check_document(ex(*figures), text) == []


def test_another_metric_in_the_sentence_is_not_the_prior_value():
    text = ("Trade rose 10% to $11 billion in 2024, while investment went from $4 billion in 2023 "
            "to $5 billion.")
    p, c, i1, i2 = _spans(text, "10%", "$11 billion", "$4 billion", "$5 billion")
    figures = [fig("trade growth", 10, "percent", "2024", span=p), fig("trade", 11e9, span=c),
               fig("investment", 4e9, period="2023", span=i1), fig("investment", 5e9, span=i2)]
    assert check_document(ex(*figures), text) == []


def test_growth_without_the_prior_figure_is_not_checked():
    no_prior = ex(fig("bilateral trade", 48.7e9), fig("bilateral trade growth", 40, "percent"))
    assert check_document(no_prior, "") == []


def test_decline_and_approximate_prior_value():
    before = fig("exports", 100e9, period="2023")
    decline = ex(fig("exports", 90e9), fig("decline in exports", 10, "percent"), before)
    assert check_document(decline, "") == []
    wrong = ex(fig("exports", 90e9), fig("decline in exports", 20, "percent"), before)
    assert kinds(check_document(wrong, "")) == ["growth inconsistent"]
    fdi = "direct investment from EU countries in Kazakhstan"
    roughly = [fig(fdi, 12.5e9, period="2022"), fig(fdi, 10.2e9, period="2021", qualifier="about")]
    ok = ex(*roughly, fig("growth of direct investment from EU countries", 23, "percent", "2022"))
    assert check_document(ok, "") == []
    off = ex(*roughly, fig("growth of direct investment from EU countries", 30, "percent", "2022"))
    assert kinds(check_document(off, "")) == ["growth inconsistent"]


# --- conversion off --------------------------------------------------------------------------------

@pytest.mark.parametrize("factor, flagged", [(1.0, False), (1.03, False), (0.97, False), (1.031, True),
                                             (0.969, True)])
def test_pledge_stated_conversion_tolerance(factor, flagged):
    # 12 billion EUR at the ECB rate of 2025-06-17 (1.1568) is 13,881,600,000 USD.
    p = Pledge(amount=12e9, currency="EUR", amount_usd_stated=13_881_600_000 * factor, date="2025-06-17",
               span=(0, 5))
    flags = check_document(ex(p, published="2025-06-17"), "")
    assert (kinds(flags) == ["conversion off"]) is flagged


def test_stated_conversion_in_the_text():
    ok = "The Commission pledged €12 billion (US$13.8 billion) on 17 June."
    assert check_document(ex(published="2025-06-17"), ok) == []
    bad = "The Commission pledged €12 billion (US$15 billion) on 17 June."
    flags = check_document(ex(published="2025-06-17"), bad)
    assert kinds(flags) == ["conversion off"]
    assert bad[slice(*flags[0].span)] == "€12 billion (US$15 billion"
    assert "13.882 billion USD" in flags[0].message and "2025-06-17" in flags[0].message


def test_conversion_at_the_figure_period_is_accepted():
    text = "In 2015 the EU gave €1 billion ($1.11 billion) in aid."
    (a,) = _spans(text, "€1 billion")
    aid = fig("EU aid", 1e9, "EUR", "2015", span=a)
    assert check_document(ex(aid, published="2025-06-17"), text) == []  # 2015 average: 1.1095
    without_period = fig("EU aid", 1e9, "EUR", None, span=a)
    assert kinds(check_document(ex(without_period, published="2025-06-17"), text)) == ["conversion off"]


def test_conversion_at_the_publication_date_is_accepted():
    # Written in June 2025 (1.1568) about an April pledge (about 1.12): the writer's rate counts.
    p = Pledge(amount=12e9, currency="EUR", amount_usd_stated=13.88e9, date="2025-04")
    assert check_document(ex(p, published="2025-06-17"), "") == []


def test_conversion_without_rate_is_not_flagged():
    p = Pledge(amount=12e9, currency="XYZ", amount_usd_stated=1.0, date="2025-06-17")
    assert check_document(ex(p), "") == []


# --- approximate inconsistent ----------------------------------------------------------------------

@pytest.mark.parametrize("approx, qualifier, exact, flagged", [
    (50e9, "nearly", 48.7e9, False),
    (50e9, "nearly", 45.0e9, False),
    (50e9, "nearly", 44.8e9, True),
    (50e9, "nearly", 52e9, True),
    (50e9, "about", 54.9e9, False),
    (50e9, "about", 55.2e9, True),
    (200e9, "more than", 250e9, False),
    (200e9, "more than", 150e9, True),
    (400e6, "up to", 380e6, False),
])
def test_approximate_vs_exact(approx, qualifier, exact, flagged):
    flags = check_document(ex(fig("bilateral trade", approx, qualifier=qualifier, span=(1, 2)),
                              fig("bilateral trade", exact)), "")
    assert (kinds(flags) == ["approximate inconsistent"]) is flagged
    if flagged:
        assert flags[0].span == (1, 2)


def test_approximate_of_other_period_or_metric_is_not_compared():
    assert check_document(ex(fig("bilateral trade", 50e9, qualifier="nearly", period="2023"),
                             fig("bilateral trade", 60e9)), "") == []
    assert check_document(ex(fig("exports to the EU", 50e9, qualifier="nearly"),
                             fig("bilateral trade", 60e9)), "") == []


# --- implausible value -----------------------------------------------------------------------------

def test_negative_amounts_and_huge_percentages():
    flags = check_document(ex(fig("investment", -5e9), fig("growth of trade", 1200, "percent"),
                              fig("growth of exports", 1000, "percent", period="2023")), "")
    assert kinds(flags) == ["implausible value", "implausible value"]
    assert "negative" in flags[0].message and "1200%" in flags[1].message
    text_only = "Exports grew by 1,500% in a year, imports by 12%."
    flags = check_document(ex(), text_only)
    assert kinds(flags) == ["implausible value"] and text_only[slice(*flags[0].span)] == "1,500%"


DATED = "The 9th meeting of the Cooperation Committee {verb} in Almaty on 1 July 2025."


@pytest.mark.parametrize("verb, published, flagged", [
    ("was held", "2025-06-20", True),
    ("will be held", "2025-06-20", False),
    ("was held", "2025-07-02", False),
    ("was held", "2025-06", True),
    ("was held", "2025-07", False),
])
def test_date_after_publication_stated_as_past(verb, published, flagged):
    text = DATED.format(verb=verb)
    m = Meeting(body="Cooperation Committee", number=9, date="2025-07-01", span=(0, len(text)))
    flags = check_document(ex(m, published=published), text)
    assert (kinds(flags) == ["implausible value"]) is flagged


# --- end to end, through communique.extract --------------------------------------------------------

def test_end_to_end_unknown_currency():
    from communique import pipeline

    out = pipeline.extract("The summit closed with a pledge of EU$13.8 billion for transport links.\n\n",
                           published="2025-06-17")
    assert "unknown currency" in kinds(out.flags)


def test_end_to_end_inconsistent_example(fixtures_dir):
    from communique import pipeline

    out = pipeline.extract(fixtures_dir / "checks" / "inconsistent.txt")
    found = set(kinds(out.flags))
    assert {"unknown currency", "conversion off"} <= found
    # These two need figures with metric and period from the extraction stage.
    assert {"parts do not sum", "growth inconsistent"} <= found, out.flags


def test_end_to_end_consistent_example(fixtures_dir):
    from communique import pipeline
    from communique.data import load

    out = pipeline.extract(fixtures_dir / "checks" / "consistent.txt")
    mine = set(load("checks")["kinds"].values())
    assert [f for f in out.flags if f.kind in mine] == []


@pytest.mark.parametrize("exact, flagged", [("$48.7 billion", False), ("$52 billion", True)])
def test_end_to_end_approximate_vs_exact(exact, flagged):
    from communique import pipeline

    text = (f"ASTANA, 17 June 2025 - \"Our bilateral trade reached nearly $50 billion in 2024,\" he said. "
            f"In 2024, bilateral trade rose to {exact}.\n\n")
    out = pipeline.extract(text)
    assert ("approximate inconsistent" in kinds(out.flags)) is flagged


def test_end_to_end_dates_after_publication():
    from communique import pipeline

    text = ("ASTANA, 17 June 2025 - The 5th meeting of the EU-Kazakhstan Cooperation Committee was held "
            "in Almaty on 20 July 2025.\n\nThe 6th meeting will be held in Brussels on 20 July 2026.\n\n")
    flags = [f for f in pipeline.extract(text).flags if f.kind == "implausible value"]
    assert len(flags) == 1 and "2025-07-20" in flags[0].message


# --- robustness --------------------------------------------------------------------------------------

_values = st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
                    st.sampled_from([0.0, 1e-300, 48.7e9, 16.8]))
_periods = st.one_of(st.none(), st.sampled_from(["2024", "2023", "2024-01/2024-09", "2005/2025", "2025-06-17",
                                                 "20x4", "", "2024/"]))
_metrics = st.sampled_from(["trade", "bilateral trade growth", "exports to the EU", "imports", "value",
                            "EU share of trade", "decline in exports", "", "Trade Growth"])
_units = st.sampled_from(["USD", "EUR", "KZT", "percent", "count", "EU$", "XYZ"])
_quals = st.sampled_from(["exact", "nearly", "about", "more than", "up to", "at least", "less than",
                          "between"])


@st.composite
def _figure(draw, n):
    a = draw(st.integers(0, n))
    return Figure(metric=draw(_metrics), value=draw(_values), unit=draw(_units), period=draw(_periods),
                  qualifier=draw(_quals), value_max=draw(st.one_of(st.none(), _values)),
                  span=draw(st.one_of(st.none(), st.just((a, min(n, a + 5))))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.sampled_from(["", "Trade rose 10% to $11 billion in 2024 from $10 billion in 2023; "
                                 "EU$5 billion, including €3 billion (US$4 billion).",
                             "ничего 0% — €0 (¥0)"]),
       data=st.data())
def test_checks_never_fail_on_odd_records(text, data):
    figures = data.draw(st.lists(_figure(len(text)), max_size=6))
    pledges = data.draw(st.lists(st.builds(
        Pledge, amount=_values, currency=_units,
        amount_usd_stated=st.one_of(st.none(), _values), date=_periods), max_size=3))
    out = Extraction(document=DocumentInfo(id="t", published=data.draw(_periods)), figures=figures,
                     pledges=pledges)
    for flag in check_document(out, text):
        assert flag.kind and flag.message
