"""Figures: decreases as negative growth, floors as "more than", bases of comparisons, compared counts,
counts of more things, "since" spans and shares told as fractions; reported announcements as firm
pledges. Every rule is tried on several phrasings of our own."""

from __future__ import annotations

import pytest

from communique import extract


def ex(text: str, published: str | None = "2025-11-20"):
    return extract(text, published=published)


def _by_value(out):
    return {f.value: f for f in out.figures}


# --- a fall is a growth figure with a negative value ---------------------------------------------


@pytest.mark.parametrize(
    "text, value, period",
    [
        ("Kazakh exports to China fell by 6.5% in January–October 2025.", -6.5, "2025-01/2025-10"),
        ("In 2024 imports from Italy decreased by 3.1% to $2 billion.", -3.1, "2024"),
        ("Trade with Azerbaijan was 12.5% less than in the same period of last year in January–May 2025.",
         -12.5, "2025-01/2025-05"),
        ("Exports to the EU amounted to $900 million in 2024 (a decrease of 1.9%).", -1.9, "2024"),
        ("Bilateral trade stood at $3.4 billion in 2024, down 4.1% year on year.", -4.1, "2024"),
        ("Shipments to Georgia contracted by 2.2% in the first half of 2025.", -2.2, "2025-01/2025-06"),
    ],
)
def test_a_fall_is_negative_growth(text, value, period):
    out = ex(text)
    (f,) = [f for f in out.figures if f.unit == "percent"]
    assert (f.value, f.period) == (value, period)
    assert f.metric.endswith("growth")


def test_a_range_of_falls_runs_from_the_larger_fall_and_a_rise_stays_positive():
    out = ex("Exports reached $2 billion in 2024, 3-5% less than in 2023. Imports rose by 7% in 2024.")
    pct = [f for f in out.figures if f.unit == "percent"]
    assert [(f.value, f.value_max) for f in pct] == [(-5.0, -3.0), (7.0, None)]


def test_a_fall_told_as_negative_growth_is_checked_against_the_values():
    ok = ex("Exports reached $90 billion in 2024 against $100 billion in 2023, a decrease of 10%.")
    assert not [x for x in ok.flags if x.kind == "growth inconsistent"]
    off = ex("Exports reached $90 billion in 2024 against $100 billion in 2023, a decrease of 25%.")
    assert [x.kind for x in off.flags if x.kind == "growth inconsistent"] == ["growth inconsistent"]


# --- qualifiers: a floor is "more than" (DESIGN's list has no "at least") -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Over the period 2017–2024 Russian companies invested at least 13 billion dollars in Uzbekistan.",
        "Chinese firms put no less than $13 billion into the Kazakh economy in 2024.",
        "In 2024 EU investment in Mongolia reached a minimum of $13 billion.",
        "At least 13 billion dollars of Turkish investment arrived in 2024.",
    ],
)
def test_a_floor_is_more_than(text):
    (f,) = ex(text).figures
    assert (f.value, f.qualifier) == (13e9, "more than")


# --- a change "over" a span compares with it ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, period",
    [
        ("In January–September 2025 turnover amounted to $53.4 billion, an increase of 20.3% over "
         "January–September 2024.", "2025-01/2025-09"),
        ("Exports reached €4 billion in the first half of 2025, up 7% over the first half of 2024.",
         "2025-01/2025-06"),
        ("In January–June 2025 imports totalled $2 billion, a rise of 11 percent over January–June 2024.",
         "2025-01/2025-06"),
    ],
)
def test_a_change_over_a_span_takes_that_span_as_its_base(text, period):
    out = ex(text)
    assert [f.period for f in out.figures] == [period, period]


def test_a_sum_over_a_span_still_covers_it():
    (f,) = ex("EU investment in Kazakhstan totalled $8.5 billion over 2005–2023.").figures
    assert f.period == "2005/2023"


# --- the number a count is compared with ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, now, then",
    [
        ("The number of countries trading with Uzbekistan reached 184 in January–September 2025, against "
         "178 in January–September 2024.", (184, "2025-01/2025-09"), (178, "2024-01/2024-09")),
        ("In 2025 some 410 Chinese companies were registered in Almaty, compared with 350 in 2024.",
         (410, "2025"), (350, "2024")),
        ("The number of joint ventures rose from 80 in 2020 to 120 in 2024.", (120, "2024"), (80, "2020")),
        ("Since 2019 the number of weekly direct flights has grown from 38 to more than 90.",
         (90, "2019/2025"), (38, "2019")),
        ("The number of students from Kyrgyzstan has increased from 150 to 260 since 2021.",
         (260, "2021/2025"), (150, "2021")),
    ],
)
def test_a_compared_count_is_the_same_count_at_another_time(text, now, then):
    got = {(f.value, f.period) for f in ex(text).figures if f.unit == "count"}
    assert {(float(now[0]), now[1]), (float(then[0]), then[1])} == got


def test_a_compared_count_does_not_lend_its_date_to_the_count_it_follows():
    out = ex("The number of countries with which Mongolia traded reached 140, against 131 in 2023.")
    assert {(f.value, f.period) for f in out.figures} == {(140.0, None), (131.0, "2023")}


@pytest.mark.parametrize("marker", ["5. ", "5) ", "  5. "])
def test_the_number_of_a_numbered_paragraph_is_no_count(marker):
    out = ex(f"Trade grew.\n\n{marker}The number of countries with which Uzbekistan traded reached 184.")
    assert [f.value for f in out.figures] == [184.0]


# --- counts of more kinds of things -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, value, metric",
    [
        ("More than 600 entrepreneurs from China and Central Asia attended the forum.", 600, "entrepreneurs"),
        ("16 films from European countries will be screened until 3 May.", 16, "films"),
        ("Some 40 farmers from the Fergana valley were trained in Spain.", 40, "farmers"),
        ("Chinese investors have built 12 factories in the Navoi free zone.", 12, "factories"),
    ],
)
def test_counts_of_people_and_things(text, value, metric):
    (f,) = ex(text).figures
    assert (f.value, f.unit) == (value, "count") and f.metric.endswith(metric)


def test_sources_of_a_wire_story_are_no_count():
    out = ex("The cable could cost up to $3.2 billion, two officials familiar with the talks said.")
    assert [f.unit for f in out.figures] == ["USD"]


# --- "since" a longer phrase ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, period",
    [
        ("Since the first summit in Xi'an in May 2023, Chinese companies have launched about 160 projects "
         "in the region.", "2023/2025"),
        ("Since the signing of the EPCA in Astana in December 2015, EU firms have opened 300 offices.",
         "2015/2025"),
        ("Since the launch of the Trans-Caspian route in 2017, about 160 projects have been completed.",
         "2017/2025"),
    ],
)
def test_since_a_named_occasion_runs_to_the_year_of_writing(text, period):
    (f,) = ex(text).figures
    assert f.period == period


@pytest.mark.parametrize(
    "text",
    [
        "He said European investors have put more than $200 billion into the economy since 2005, and that "
        "the European Union accounts for about 30 percent of the country's foreign trade.",
        "Since 2010 Korean firms have invested $5 billion, and Korea is the source of about 30 percent of "
        "the country's imports.",
        "EU companies have invested over $20 billion since 2015, while the EU makes up about 30 percent "
        "of the country's trade.",
    ],
)
def test_a_since_span_of_the_clause_before_does_not_date_a_present_share(text):
    (share,) = [f for f in ex(text).figures if f.unit == "percent"]
    assert share.period is None


def test_a_since_span_reaches_a_sum_in_the_present_perfect_across_and():
    out = ex("Since 2015, the EIB has signed loans worth over €2 billion, and it has invested €500 million "
             "in equity.")
    assert [f.period for f in out.figures] == ["2015/2025", "2015/2025"]


# --- a share told as a fraction, as the level it reaches ---------------------------------------------


@pytest.mark.parametrize(
    "text, value, qualifier",
    [
        ("Uzbekistan's share in Russia's trade with Central Asia reached almost a quarter in "
         "January–August 2025.", 25.0, "nearly"),
        ("The share of renewables in the power mix stands at about a fifth.", 20.0, "about"),
        ("China's share in Kazakhstan's trade stood at a third in 2024.", 33.3, "exact"),
        ("Gold made up about a third of exports last year.", 33.3, "about"),
    ],
)
def test_a_share_told_as_a_fraction(text, value, qualifier):
    (f,) = ex(text).figures
    assert (f.value, f.unit, f.qualifier) == (value, "percent", qualifier)


# --- a reported announcement of money is a firm pledge --------------------------------------------


@pytest.mark.parametrize(
    "text, by",
    [
        ("The Special Representative announced that the EU would provide an additional €20 million for "
         "border management.", "European Union"),
        ("The Minister confirmed that Japan would allocate $5 million for schools in Khujand.", "Japan"),
        ("The Ambassador declared that Germany would contribute €8 million to the water programme.",
         "Germany"),
    ],
)
def test_an_announced_would_is_firm(text, by):
    (p,) = ex(text).pledges
    assert (p.by, p.hedged) == (by, False)


def test_a_reported_would_of_another_party_stays_hedged():
    (p,) = ex("The Ministry of Economy said the ADB would lend $500 million.").pledges
    assert p.hedged


# --- changes told with words between the verb and the amount, and lists of changes -----------------


@pytest.mark.parametrize(
    "text, value, period",
    [
        ("Trade rose year-on-year by 9% in the third quarter of 2025.", 9.0, "2025-07/2025-09"),
        ("In the first five months of 2025 it rose by a further 5 per cent year on year.", 5.0,
         "2025-01/2025-05"),
        ("Exports to Türkiye fell sharply by 14% in 2024.", -14.0, "2024"),
        ("Imports declined y/y by 3.5% in January–June 2025.", -3.5, "2025-01/2025-06"),
    ],
)
def test_a_change_with_an_adverb_before_its_amount(text, value, period):
    (f,) = ex(text).figures
    assert (f.value, f.period) == (value, period) and f.metric.endswith("growth")


@pytest.mark.parametrize(
    "text, got",
    [
        ("Exports fell by 5% and imports by 2% in 2024.", [(-5.0, "2024"), (-2.0, "2024")]),
        ("In 2024 exports rose by 15%, imports by 8%.", [(15.0, "2024"), (8.0, "2024")]),
        ("Shipments of grain grew by 12% and those of cotton by 4% in January–May 2025.",
         [(12.0, "2025-01/2025-05"), (4.0, "2025-01/2025-05")]),
    ],
)
def test_a_list_of_changes_with_the_verb_told_once(text, got):
    assert [(f.value, f.period) for f in ex(text).figures] == got


def test_a_list_of_sums_with_the_verb_told_once_shares_its_date():
    out = ex("Exports reached $3 billion and imports $1 billion in 2023.")
    assert [(f.metric, f.period) for f in out.figures] == [("exports", "2023"), ("imports", "2023")]


# --- a period told once for the trade flows that follow ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ASTANA – In January–October 2025, trade between Kazakhstan and the EU reached $40.1 billion, the "
        "committee said.\n\nExports to the EU totalled $31.2 billion, down 4.1%.",
        "Trade between Kazakhstan and the EU reached $40.1 billion over ten months of 2025.\n\n"
        "Kazakh exports to the Union amounted to $31.2 billion, 4.1% less than a year before.",
        "For January–October 2025 the customs service put bilateral trade at $40.1 billion. Exports were "
        "worth $31.2 billion, a decline of 4.1%.",
    ],
)
def test_trade_flows_after_a_dated_flow_take_its_period(text):
    out = ex(text)
    assert [(f.value, f.period) for f in out.figures] == [
        (40.1e9, "2025-01/2025-10"), (31.2e9, "2025-01/2025-10"), (-4.1, "2025-01/2025-10")]


@pytest.mark.parametrize(
    "second",
    [
        "Exports are expected to reach $35 billion.",
        "The two sides aim to raise exports to $35 billion by 2030.",
        "Exports to the EU now stand at $35 billion.",
    ],
)
def test_a_plan_or_a_present_state_after_a_dated_flow_takes_no_period(second):
    out = ex(f"In January–October 2025 trade between Kazakhstan and the EU reached $40.1 billion. {second}")
    assert [f.period for f in out.figures if f.value == 35e9] != ["2025-01/2025-10"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("The roundtable brought together about 250 participants from 18 EU member states.", 18.0),
        ("16 films from 14 EU Member States will be screened.", 14.0),
        ("Firms from 9 member states of the Union signed up.", 9.0),
    ],
)
def test_member_states_are_counted_but_states_alone_are_not(text, value):
    assert value in [f.value for f in ex(text).figures if f.unit == "count"]


@pytest.mark.parametrize("text", ["The two states agreed to cooperate.", "The 27 member states approved it.",
                                  "Leaders of five states met in Astana."])
def test_states_alone_or_after_the_are_no_count(text):
    assert not ex(text).figures


# --- goals and forecasts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, metric, period",
    [
        ("Bilateral trade grew by 20% last year and reached 190 million dollars, and the President proposed "
         "to bring it to 500 million dollars in the coming years.", "target bilateral trade", None),
        ("The sides set a target of bringing trade to $40 billion by 2030.", "target trade", "2030"),
        ("The two presidents instructed their governments to raise trade to $10 billion by 2030.",
         "target trade", "2030"),
        ("The sides agreed on a target of $5 billion in annual trade by 2028.", "target trade", "2028"),
        ("The goal is to increase the share of renewables to 30% by 2030.", "target share", "2030"),
    ],
)
def test_a_goal_is_a_target_figure(text, metric, period):
    f = ex(text, "2025-11-20").figures[-1]
    assert (f.metric, f.period) == (metric, period)


@pytest.mark.parametrize(
    "text, metric, value",
    [
        ("Trade is expected to reach between $48 and $50 billion by the end of 2025.", "expected trade",
         48e9),
        ("Exports are forecast to grow by 3-5% in 2026.", "expected exports growth", 3.0),
        ("Imports are projected to fall by 2% in 2026.", "expected imports growth", -2.0),
    ],
)
def test_a_forecast_is_an_expected_figure(text, metric, value):
    (f,) = ex(text, "2025-11-20").figures
    assert (f.metric, f.value) == (metric, value)


def test_a_figure_reached_is_neither_target_nor_expected():
    (f,) = ex("Trade reached $2 billion in 2024, the ministry said.").figures
    assert f.metric == "trade"


# --- scale words, periods written in more ways ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("Trade reached 1.5 milliard dollars in 2024.", 1.5e9),
        ("Turnover amounted to 3 milliards euros last year.", 3e9),
        ("Trade reached half a billion dollars in 2023.", 5e8),
    ],
)
def test_scale_words_and_half_a_billion(text, value):
    assert [f.value for f in ex(text).figures] == [value]


@pytest.mark.parametrize(
    "text, period",
    [
        ("Exports surpassed $3 billion in the first three quarters.", "2025-01/2025-09"),
        ("In the first two quarters imports reached €900 million.", "2025-01/2025-06"),
        ("Trade totalled $5 billion for the period January through October 2025.", "2025-01/2025-10"),
        ("Imports reached $2 billion from January until August 2025.", "2025-01/2025-08"),
        ("Exports to China reached $1 billion in March till May 2025.", "2025-03/2025-05"),
    ],
)
def test_more_ways_to_write_part_of_a_year(text, period):
    (f,) = ex(text).figures
    assert f.period == period


@pytest.mark.parametrize(
    "text",
    [
        "For 2021-2027 the EU has earmarked €100 million for Kazakhstan.",
        "For the period 2021–2027, the EU has allocated €100 million to Kazakhstan.",
        "The EU has earmarked €100 million for 2021–2027.",
    ],
)
def test_a_budget_span_is_no_pledge_date(text):
    (p,) = ex(text).pledges
    assert p.date is None


@pytest.mark.parametrize(
    "text, value, qualifier",
    [
        ("Roughly one in five companies in the zone is a joint venture.", 20.0, "about"),
        ("One in three exporters sells to China.", 33.3, "exact"),
        ("About one out of every ten tourists came from Germany in 2024.", 10.0, "about"),
        ("Nearly 1 in 4 students chose an engineering degree.", 25.0, "nearly"),
    ],
)
def test_one_in_n_is_a_share_not_a_count(text, value, qualifier):
    (f,) = ex(text).figures
    assert (f.value, f.unit, f.qualifier) == (value, "percent", qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "The EBRD is looking at financing of up to $200 million for the port.",
        "The AIIB is mulling a $300 million loan for the railway.",
        "The EU hopes to mobilise €25 million for water projects.",
        "The EU seeks to mobilise €25 million for water projects.",
        "The Commission proposes to allocate €25 million to the region.",
        "Korea is weighing a $40 million concessional loan.",
    ],
)
def test_more_hedges(text):
    (p,) = ex(text).pledges
    assert p.hedged


@pytest.mark.parametrize(
    "text",
    ["The EU has earmarked up to €25 million.", "The EU is providing €25 million for schools.",
     "The EU confirmed it will provide €25 million."],
)
def test_firm_pledges_stay_firm(text):
    (p,) = ex(text).pledges
    assert not p.hedged


@pytest.mark.parametrize(
    "text",
    [
        "Trade rose by 8.2% over the first ten months of 2025, reaching $3.9 billion.\n\nExports amounted to "
        "$2.6 billion.\n\nGermany's share in the country's trade with the EU reached about 9 percent over "
        "the period.",
        "In January–October 2025 trade reached $3.9 billion. Germany accounted for about 9 percent of it "
        "in that period.",
        "Trade reached $3.9 billion in January–October 2025.\n\nDuring this period, about 9 percent of it "
        "was with Germany.",
    ],
)
def test_over_the_period_is_the_period_told_before(text):
    (share,) = [f for f in ex(text).figures if f.value == 9.0]
    assert share.period == "2025-01/2025-10"


def test_the_period_of_a_named_span_is_no_back_reference():
    (f,) = ex("In the period 2021–2024 turnover grew on average by 13% a year.").figures
    assert f.period == "2021/2024"


@pytest.mark.parametrize(
    "text, period",
    [
        ("Trade rose by 8.2% over the first ten months of 2025.", "2025-01/2025-10"),
        ("Exports grew 5 per cent over January–June 2025.", "2025-01/2025-06"),
        ("Imports were up 3% over 2021–2024.", "2021/2024"),
    ],
)
def test_a_change_over_a_span_with_no_later_date_covers_it(text, period):
    (f,) = ex(text).figures
    assert f.period == period


@pytest.mark.parametrize(
    "phrase, qualifier",
    [("no fewer than", "more than"), ("not fewer than", "more than"), ("in the region of", "about"),
     ("of the order of", "about"), ("fewer than", "less than"), ("upwards of", "more than")],
)
def test_more_qualifier_phrases(phrase, qualifier):
    (f,) = ex(f"In 2024 the number of visitors reached {phrase} 3,000.").figures
    assert f.qualifier == qualifier


@pytest.mark.parametrize(
    "text, value",
    [
        ("Trade reached $5 billion in 2024, a 12% year-on-year increase.", 12.0),
        ("Exports posted a 7% year-on-year decline in 2024.", -7.0),
        ("Exports showed growth of 7% in 2024.", 7.0),
        ("Exports recorded a decline of 7% in 2024.", -7.0),
        ("Imports slid 4% in 2024.", -4.0),
        ("Imports plunged by 4% in 2024.", -4.0),
        ("Imports edged up 1.2% in 2024.", 1.2),
        ("Imports edged down 1.2% in 2024.", -1.2),
        ("Turnover was down 7% on the year in 2024.", -7.0),
        ("Shipments soared 40% in 2024.", 40.0),
    ],
)
def test_more_ways_to_tell_a_change(text, value):
    (f,) = [f for f in ex(text).figures if f.unit == "percent"]
    assert f.value == value and f.metric.endswith("growth") and f.period == "2024"


@pytest.mark.parametrize(
    "text, period",
    [
        ("Trade was up by 9% compared with 2023.", "2024"),
        ("Exports grew 5% against January–May 2024.", "2025-01/2025-05"),
        ("Compared with 2023, investment inflows rose by 11 per cent.", "2024"),
        ("Imports fell 3% compared with the same period of 2024.", None),
        ("Trade grew 4% compared with 2025.", None),
    ],
)
def test_a_change_told_only_against_its_base_is_of_the_year_after(text, period):
    (f,) = ex(text).figures
    assert f.period == period


@pytest.mark.parametrize(
    "text, value",
    [
        ("The EU accounts for roughly an eighth of Uzbekistan's foreign trade.", 12.5),
        ("China accounted for about a sixth of the country's imports in 2024.", 16.7),
        ("Oil made up four-fifths of exports in 2024.", 80.0),
    ],
)
def test_more_fractions(text, value):
    (f,) = ex(text).figures
    assert (f.value, f.unit) == (value, "percent")


@pytest.mark.parametrize(
    "text",
    [
        "Officials expect trade to exceed 8 billion euros by 2027.",
        "The ministry forecasts exports to reach $3 billion in 2026.",
        "Analysts predict turnover to hit $9 billion by 2028.",
    ],
)
def test_an_expectation_with_its_subject_between_is_expected(text):
    (f,) = ex(text).figures
    assert f.metric.startswith("expected ")


def test_a_statistics_release_passes_its_period_to_later_flows_shares_and_counts():
    text = (
        "National Statistics Committee\n\nPress release, 14.11.2025\n\n"
        "Over January–September 2025, foreign trade turnover amounted to 11.2 billion US dollars.\n\n"
        "Exports totalled 2.3 billion dollars, having decreased by 1.8 percent.\n\n"
        "The EU's share in turnover was 4.1 percent. Trade with the EU came to 459 million dollars.\n\n"
        "The number of partner countries reached 142."
    )
    got = {f.value: f.period for f in ex(text, "2025-11-14").figures}
    assert set(got.values()) == {"2025-01/2025-09"} and len(got) == 6


@pytest.mark.parametrize(
    "second",
    [
        "During the forum, 25 agreements worth about $2.6 billion were signed.",
        "More than 1,200 companies with European capital operate in the country.",
        "The EU accounts for about 30 percent of turnover.",
    ],
)
def test_an_occasion_or_a_present_state_after_a_statistic_takes_no_period(second):
    text = (f"In the first four months of 2025 trade grew by 3.2% to $14 billion.\n\nThe sides met in "
            f"Almaty.\n\n{second}")
    later = [f for f in ex(text, "2025-06-10").figures if f.span[0] > 80 and f.unit in ("count", "percent")]
    assert later and all(f.period is None for f in later)


@pytest.mark.parametrize(
    "text, stated",
    [
        ("The EU will provide €300 million, or about $325 million, for the corridor.", 325e6),
        ("Japan will extend a loan of 10 billion yen, i.e. approximately $67 million, for the port.", 67e6),
        ("The EIB will lend €50 million, or roughly US$54 million, for schools.", 54e6),
    ],
)
def test_a_conversion_after_a_comma_is_stated_not_a_second_pledge(text, stated):
    (p,) = ex(text).pledges
    assert p.amount_usd_stated == stated


def test_a_second_sum_in_the_same_currency_after_or_is_its_own():
    out = ex("The EU gave €3 million in 2023, or €1 million each year.")
    assert len(out.figures) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Over 2 days, the delegations visited 3 cities.",
        "The President signed Law No. 123 on ratification.",
        "The sides marked 30 years of diplomatic relations.",
        "Uzbekistan ranks 69th in the Doing Business index.",
    ],
)
def test_no_figure_in_itineraries_laws_anniversaries_and_ranks(text):
    assert not ex(text).figures


def test_the_reporting_period_is_the_period_told_before():
    out = ex("In January–October 2025 trade reached $5 billion. Exports to Italy totalled $3 billion in the "
             "reporting period.")
    assert [f.period for f in out.figures] == ["2025-01/2025-10", "2025-01/2025-10"]


def test_a_rate_is_no_share():
    (f,) = ex("The refinancing rate stands at 16.5%.").figures
    assert f.metric == "interest rate"


# --- a sum told twice is one record (a pledge's "at a glance" line, a key-points bullet) ----------


@pytest.mark.parametrize(
    "text",
    [
        "The EBRD has approved a loan of EUR 80 million to Georgia's railway.\n\nKey facts\n"
        "- EBRD loan: EUR 80 million\n- Borrower: Georgian Railway\n",
        "The Asian Development Bank approved a $120 million loan for roads in Tajikistan today.\n\n"
        "Financing at a glance\n• ADB: $120 million (concessional)\n",
        "The Government of Uzbekistan will provide USD 48.6 million in counterpart funding.\n\n"
        "Summary:\n1. Government of Uzbekistan: USD 48.6 million\n",
    ],
)
def test_a_pledge_listed_again_is_no_figure(text):
    out = ex(text)
    assert out.pledges
    amount = out.pledges[0].amount
    assert not [f for f in out.figures if f.unit not in ("percent", "count") and f.value == amount]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Key points\n• Needs of the corridor are estimated at EUR 18.5 billion.\n• Lending lags.\n\n"
         "A study put the investment the corridor needs at EUR 18.5 billion.", 18.5e9),
        ("Highlights\n- Trade with China: about $32 billion in 2025\n\n"
         "Trade with China reached $32 billion in 2025, the customs office said.", 32e9),
        ("In brief:\n* FDI inflow of nearly EUR 4 billion\n\n"
         "Gross inflow of foreign direct investment from the EU was EUR 4 billion in 2024.", 4e9),
    ],
)
def test_a_summary_bullet_and_its_paragraph_are_one_figure_told_as_the_prose_tells_it(text, value):
    got = [f for f in ex(text).figures if f.value == value]
    assert len(got) == 1
    assert got[0].qualifier == "exact"


def test_the_same_sum_in_two_periods_is_two_figures():
    out = ex("Exports to Latvia were $2 billion in 2023 and exports to Estonia reached $2 billion in 2024.")
    assert sorted(f.period for f in out.figures if f.value == 2e9) == ["2023", "2024"]


# --- a date of a clause with its own subject and verb is not the amount's period -----------------


@pytest.mark.parametrize(
    "text",
    [
        "The total project cost is estimated at about $403.6 million, and the project is expected to be "
        "completed in 2032.",
        "The new terminal will cost EUR 95 million, and its first berth should open in 2029.",
        "The budget of the programme is USD 40 million, but the last tranche will be paid in 2030.",
    ],
)
def test_a_date_of_the_next_clause_is_not_the_period(text):
    (f,) = [f for f in ex(text).figures if f.unit not in ("percent", "count")]
    assert f.period is None


# --- a flow that "has grown" in the sentence after a dated flow is of that period ----------------


@pytest.mark.parametrize(
    "text, value",
    [
        ("By results of 9 months of 2025 trade turnover made up 32,1 billion US dollars. Export of "
         "Kazakh goods to China has increased to 13,9 billion dollars.", 13.9e9),
        ("In January–June 2025 bilateral trade reached $5.1 billion. Imports from Italy have grown to "
         "$1.2 billion.", 1.2e9),
        ("Trade between the two countries totalled EUR 900 million in 2024. Exports to Austria have "
         "fallen to EUR 310 million.", 310e6),
    ],
)
def test_a_present_perfect_change_carries_the_period_of_the_flow_before(text, value):
    first = [f for f in ex(text).figures if f.unit not in ("percent", "count")]
    got = {f.value: f.period for f in first}
    periods = {p for p in got.values()}
    assert len(periods) == 1 and None not in periods
    assert value in got


# --- boilerplate "About …" sections, footnote marks and the two parties are no figures -----------


@pytest.mark.parametrize(
    "tail",
    [
        "About ADB\nADB is owned by 69 members, 49 from the region, and lent $24 billion last year.",
        "## About the EBRD\n\nThe EBRD has invested over EUR 190 billion in more than 7,000 projects.",
        "Notes to editors:\nThe Agency employs 1,200 staff in 40 countries.",
    ],
)
def test_numbers_of_a_standing_about_section_are_no_figures(tail):
    out = ex("Trade between Uzbekistan and Japan reached $1.1 billion in 2025.\n\n" + tail)
    assert [(f.value, f.unit) for f in out.figures] == [(1.1e9, "USD")]


@pytest.mark.parametrize(
    "tail, kept",
    [
        ("About the EBRD\nThe EBRD has invested EUR 4.1 billion in 120 projects in Uzbekistan.", 4.1e9),
        ("## About ADB\n\nSince 1992 ADB has committed $16 billion to Kazakhstan.", 16e9),
        ("Notes to editors:\nThe Bank has lent EUR 2.5 billion in Azerbaijan since 2010.", 2.5e9),
    ],
)
def test_an_about_section_keeps_what_it_says_of_a_partner_country(tail, kept):
    """The section's general facts go; a number it states about a named country stays a figure."""
    out = ex("Trade between Uzbekistan and Japan reached $1.1 billion in 2025.\n\n" + tail)
    assert kept in [f.value for f in out.figures]


@pytest.mark.parametrize(
    "text",
    [
        "The volume of mutual trade between two countries made up 5 billion dollars in 2025.",
        "More than 200 representatives of business of two states took part; 14 agreements were signed.",
        "Ministers of two countries noted that 14 agreements were signed in 2025.",
    ],
)
def test_two_countries_are_the_parties_not_a_count(text):
    assert not [f for f in ex(text).figures if f.unit == "count" and f.value == 2.0]


@pytest.mark.parametrize(
    "text",
    [
        "Trade rose by 8% in 2025.[3]\n\nNotes\n[3] Global Gateway Investors Forum, Brussels, 2024.",
        "Cargo grew by 62% in 2024.[2]\n\n[2] Customs Committee projects database.",
        "FDI reached $4 billion in 2024.[4]\n\n[4] National Bank companies survey, 2025.",
    ],
)
def test_a_footnote_mark_is_no_count(text):
    assert not [f for f in ex(text).figures if f.unit == "count"]


@pytest.mark.parametrize(
    "text",
    [
        "The parties discussed the Kambarata-1 hydropower project and the energy grid.",
        "Work on the Rogun-2 power units will resume next year.",
        "The ministers visited the Aktau-3 logistics centre on Friday.",
    ],
)
def test_a_number_glued_to_a_name_is_no_count(text):
    assert not [f for f in ex(text).figures if f.unit == "count"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("The festival was opened with Vice Minister Kanat Iskakov. 16 films will be screened.", 16.0),
        ("The forum took place in Samarkand. 40 companies signed contracts there.", 40.0),
        ("The delegation was led by Ambassador Nowak. 12 projects were presented to investors.", 12.0),
    ],
)
def test_a_count_opening_a_sentence_after_a_name_is_a_count(text, value):
    assert [f.value for f in ex(text).figures if f.unit == "count"] == [value]


# --- translated releases: "the analogous period of last year" is a base --------------------------


@pytest.mark.parametrize(
    "text, value, period",
    [
        ("For January–August of current year the volume of export made 1,35 billion dollars, that is 8,2% "
         "more than in analogous period of last year.", 8.2, "2025-01/2025-08"),
        ("In January–June 2025 trade was 4,1% higher than in the identical period of 2024.", 4.1,
         "2025-01/2025-06"),
        ("For 9 months of 2025 imports made 900 million dollars, on 3,3% less than for the analogous period "
         "of the previous year.", -3.3, "2025-01/2025-09"),
    ],
)
def test_an_analogous_period_is_the_base_not_the_period(text, value, period):
    (f,) = [f for f in ex(text).figures if f.unit == "percent"]
    assert (f.value, f.period) == (value, period)


@pytest.mark.parametrize(
    "text, prior",
    [
        ("Exports reached $3.4 billion in January–May 2025, up from $2.9 billion in the corresponding period "
         "last year.", "2024-01/2024-05"),
        ("For January–August 2025 export made 1,35 billion dollars against 1,2 billion dollars for the "
         "analogous period of last year.", "2024-01/2024-08"),
        ("Trade in the first half of 2025 reached $5 billion, compared with $4.1 billion in the similar "
         "period of last year.", "2024-01/2024-06"),
    ],
)
def test_a_sum_of_the_corresponding_period_last_year_is_a_year_back(text, prior):
    money = sorted((f for f in ex(text).figures if f.unit == "USD"), key=lambda f: f.span)
    assert money[1].period == prior


# --- a level reached over a span of years is of its last year -----------------------------------


@pytest.mark.parametrize(
    "text, got",
    [
        ("Between 2015 and 2024, trade grew by 45% to $4 billion.", {45.0: "2024", 4e9: "2024"}),
        ("From 2020 to 2024, exports to the EU doubled to $30 billion.", {30e9: "2024"}),
        ("In 2020–2024, trade increased from $2 billion to $3.5 billion.", {2e9: "2020", 3.5e9: "2024"}),
        ("Over 2019–2024, the EU's investment stock rose to EUR 120 billion.", {120e9: "2024"}),
        ("Between 2015 and 2024, the EU invested $5 billion in the country.", {5e9: "2015/2024"}),
        ("Since 2015, trade has grown to $4 billion.", {4e9: "2015/2025"}),
    ],
)
def test_a_level_reached_over_a_span_is_of_its_last_year(text, got):
    assert {f.value: f.period for f in ex(text).figures} == got


@pytest.mark.parametrize(
    "text, value",
    [
        ("It brings the 34 bilateral air services agreements that Kazakhstan holds with EU member states "
         "into line with EU law.", 34.0),
        ("The 120 companies that signed the charter will report every year.", 120.0),
        ("The 15 joint ventures which operate in the region employ many people.", 15.0),
    ],
)
def test_the_count_a_relative_clause_defines_is_a_count(text, value):
    assert [f.value for f in ex(text).figures if f.unit == "count"] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "The 27 member states agreed on the text.",
        "The two sides signed the agreement that the ministers prepared.",
        "Of the 12 projects, which are funded by the EU, five are in Kazakhstan.",
    ],
)
def test_the_count_of_things_already_known_is_no_count(text):
    assert not [f for f in ex(text).figures if f.unit == "count" and f.value in (27.0, 2.0, 12.0)]


@pytest.mark.parametrize(
    "tail",
    [
        "Read also: EU and Kazakhstan signed 5 agreements worth $2 billion on Monday.",
        "Related news\nEU and Kazakhstan sign 5 agreements worth $2 billion (12 October 2026)\n"
        "Exports to Italy rose by 12% in the first half",
        "See also – Tajikistan's exports of electricity reached $120 million in 2025.",
    ],
)
def test_links_to_other_articles_give_no_figures(tail):
    out = ex("Trade between Uzbekistan and Japan reached $1.1 billion in 2025.\n\n" + tail)
    assert [(f.value, f.unit) for f in out.figures] == [(1.1e9, "USD")]


def test_a_sentence_opening_with_a_link_word_is_still_read():
    out = ex("Related projects worth $2 billion were presented at the forum in 2025.")
    assert [f.value for f in out.figures] == [2e9]


@pytest.mark.parametrize(
    "text, period",
    [
        ("KTZ Express intends to invest up to 15 billion tenge in the terminal by 2028.", "2025/2028"),
        ("The company plans to invest $500 million in the plant by the end of 2029.", "2025/2029"),
        ("Masdar will spend about $1 billion on wind farms in Uzbekistan by 2030.", "2025/2030"),
        ("The sides aim to bring trade to $10 billion by 2030.", "2030"),
        ("The EU invested EUR 2 billion by 2024.", "2024"),
    ],
)
def test_a_sum_to_be_invested_by_a_year_runs_from_now(text, period):
    (f,) = ex(text).figures
    assert f.period == period


@pytest.mark.parametrize(
    "text, period",
    [
        ("Trade between Uzbekistan and the EU reached USD 6.9 billion in 2025. The share of the EU in the "
         "country's foreign trade was 10.2%.", "2025"),
        ("In 2024 exports to China amounted to $13.9 billion. The share of China in total exports reached "
         "17.5%.", "2024"),
        ("Kazakhstan's trade with Italy totalled $15 billion in 2025. Italy's share of the trade came to "
         "11.8%.", "2025"),
        ("Trade with the EU reached $48 billion in 2025. The EU accounts for about 30% of the country's "
         "trade.", None),
    ],
)
def test_a_share_told_in_the_past_after_the_years_flows_is_of_that_year(text, period):
    (f,) = [f for f in ex(text, "2026-02-01").figures if f.unit == "percent"]
    assert f.period == period


@pytest.mark.parametrize(
    "text",
    [
        "Local organisations can apply for small grants of up to EUR 40,000 each through calls for proposals "
        "starting in early 2027.",
        "Cooperatives can receive up to EUR 25,000 under a programme of the ministry launched in March 2026.",
        "Farmers will get sums of up to $10,000 via a credit line of the bank opening in May 2026.",
    ],
)
def test_the_date_of_another_nouns_participle_is_not_the_period(text):
    (f,) = [f for f in ex(text).figures if f.unit not in ("percent", "count")]
    assert f.period is None
