"""Figure periods, qualifiers and what is no figure, in statistics items, interviews, fact sheets and
bank pages: a headline that tells a release's span by its length, changes on the previous quarter,
restatements in another currency or as a percentage, conditions, fees, "until <year>", "there were"
counts and "About … in <country>" sections (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract

PUB = "2026-10-21"


def _figs(text: str, published: str = PUB):
    return extract(text, published=published).figures


def _by_value(figs, value, unit=None):
    return [f for f in figs if f.value == value and (unit is None or f.unit == unit)]


# --- a headline that tells the release's span by its length ----------------------------------------


@pytest.mark.parametrize(
    ("head", "months", "period"),
    [
        ("Ruritania's trade with the EU up 7.8% in nine months", "January-September 2026", "2026-01/2026-09"),
        ("Exports to Europe climb over 10 months", "January–October 2026", "2026-01/2026-10"),
        ("Trade with the bloc grows in the first half", "January-June 2026", "2026-01/2026-06"),
    ],
)
def test_headline_span_dates_the_figures_of_later_paragraphs(head, months, period):
    text = (
        f"{head}\n\n"
        f"ASTANA, October 21, 2026 – Ruritania's trade with the EU totalled USD 36.4 billion in {months}, "
        "the customs committee said on Tuesday.\n\n"
        "In the third quarter alone, turnover amounted to USD 12.7 billion.\n\n"
        "Italy remained the largest partner with USD 11.2 billion, followed by France (USD 3.4 billion).\n\n"
        "Non-oil exports increased by 21% to USD 6.1 billion.\n"
    )
    figs = _figs(text)
    for v in (11.2e9, 3.4e9, 6.1e9):
        (f,) = _by_value(figs, v)
        assert f.period == period
    (q3,) = _by_value(figs, 12.7e9)
    assert q3.period == "2026-07/2026-09"


def test_headline_span_needs_a_lead_range_of_that_length():
    text = (
        "Trade with the EU up in nine months\n\n"
        "ASTANA, October 21, 2026 – Trade with the EU totalled USD 36.4 billion in January-June 2026.\n\n"
        "Italy remained the largest partner with USD 11.2 billion.\n"
    )
    (f,) = _by_value(_figs(text), 11.2e9)
    assert f.period is None


# --- a change on the previous quarter --------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Quarter-on-quarter, trade was up 4.1% compared with the second quarter of 2026.",
        "Trade rose 4.1% q/q against the second quarter of 2026.",
        "Compared with April–June 2026, turnover grew by 4.1% quarter on quarter.",
    ],
)
def test_quarter_on_quarter_change_is_of_the_quarter_after_its_base(sentence):
    (f,) = _by_value(_figs(sentence), 4.1)
    assert f.period == "2026-07/2026-09"


def test_a_year_on_year_base_still_shifts_by_a_year():
    (f,) = _by_value(_figs("Trade was up 9% compared with January-June 2025."), 9.0)
    assert f.period == "2026-01/2026-06"


# --- a count compared "from N a year earlier" ------------------------------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "rose to 1,140 from 960 a year earlier",
        "reached 1,140, up from 960 a year before",
        "stood at 1,140 compared with 960 a year ago",
    ],
)
def test_count_a_year_earlier_takes_the_period_a_year_back(clause):
    text = (
        "Ruritanian exports to the EU rise in nine months\n\n"
        "ASTANA, October 21, 2026 – Ruritania's exports to the EU totalled USD 27.9 billion in "
        "January-September 2026, up 6.1%.\n\n"
        f"The committee noted that the number of Ruritanian companies exporting to the EU {clause}.\n"
    )
    figs = _figs(text)
    (now,) = _by_value(figs, 1140.0, "count")
    (then,) = _by_value(figs, 960.0, "count")
    assert now.period == "2026-01/2026-09"
    assert then.period == "2025-01/2025-09"


# --- Markdown emphasis around a base and a pledge's purpose --------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "- Bilateral trade in goods reached **EUR 1.9 billion in 2025**, up **24%** on 2024.",
        "- Trade in goods reached EUR 1.9 billion in 2025, up **24 percent** on 2024.",
        "- Trade reached **EUR 1.9 billion** in 2025, up _24%_ on 2024.",
    ],
)
def test_bold_change_on_a_base_year_is_of_the_year_reached(line):
    (f,) = _by_value(_figs(line + "\n", "2026-07-15"), 24.0)
    assert f.period == "2025"


@pytest.mark.parametrize(
    "line",
    [
        "- The EU **has allocated EUR 12 million** to extend broadband to 400 rural schools.",
        "- The EU has committed **EUR 12 million** for the equipment of 400 rural schools.",
        "- Japan **has allocated USD 12 million** towards the repair of 400 schools.",
    ],
)
def test_count_in_a_bold_pledge_purpose_is_no_figure(line):
    assert not _by_value(_figs(line + "\n", "2026-07-15"), 400.0, "count")


# --- a sum restated in another currency ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "q"),
    [
        ("The investment is put at USD 1.35 billion (approximately KZT 650 billion).", 650e9, "KZT", "about"),
        ("The investment will amount to about USD 250 million, or KZT 120 billion at the current exchange "
         "rate.", 120e9, "KZT", "about"),
        ("The company will invest EUR 40 million (USD 46 million) in the plant.", 46e6, "USD", "exact"),
    ],
)
def test_a_figure_restated_in_another_currency_is_a_second_figure(sentence, value, unit, q):
    figs = _figs(sentence)
    (f,) = _by_value(figs, value, unit)
    assert f.qualifier == q
    assert len([x for x in figs if x.unit not in ("percent", "count")]) == 2


# --- money provided since a year, told in reported speech -----------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The head of the EU Delegation said that since 2021 the EU had provided Tajikistan with more than "
        "EUR 250 million in grants.",
        "The ambassador recalled that since 2021 Japan had disbursed over EUR 250 million to the country.",
        "The minister noted that since 2021 the Bank had committed about EUR 250 million in the country.",
    ],
)
def test_money_had_provided_since_a_year_is_a_figure(sentence):
    out = extract(sentence, published="2026-04-14")
    assert not [p for p in out.pledges if p.amount == 250e6]
    (f,) = _by_value(out.figures, 250e6)
    assert f.period == "2021/2026"


# --- a fraction restated as a percentage -----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Non-oil exports to the EU grew by almost a quarter, by 23%, over ten months.",
        "Exports to the bloc have risen by about a third (34%) this year.",
        "Imports from Europe rose by nearly half – 48 percent – in 2025.",
    ],
)
def test_a_fraction_restated_as_a_percentage_is_one_figure(sentence):
    pct = [f for f in _figs(sentence, "2026-12-09") if f.unit == "percent"]
    assert len(pct) == 1
    assert pct[0].value in (23.0, 34.0, 48.0)


# --- a number in a condition ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "It is ambitious, but realistic if non-oil exports keep growing at 15-20% a year.",
        "The target can be met only if trade grows by 12% annually.",
        "Unless tariffs fall by 30%, the corridor will not compete.",
        "If non-oil exports keep growing at 15% a year, the target will be met by 2030.",
    ],
)
def test_a_rate_in_a_condition_is_no_figure(sentence):
    assert not [f for f in _figs(sentence) if f.unit == "percent"]


def test_even_if_is_no_condition():
    figs = _figs("Trade grew in 2025, even if exports fell by 5% in that year.")
    assert _by_value(figs, -5.0) or _by_value(figs, 5.0)


# --- a fee or charge is no figure --------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Agreement reduces the visa fee for citizens to EUR 35 instead of the standard EUR 90.",
        "A transit charge of USD 20 per container will apply from January.",
        "The fee for a multiple-entry visa is set at EUR 60.",
    ],
)
def test_a_fee_is_no_figure(sentence):
    assert not [f for f in _figs(sentence) if f.unit not in ("percent", "count")]


def test_a_large_sum_near_fee_is_still_a_figure():
    figs = _figs("Fees aside, the company invested USD 40 million in the terminal in 2025.")
    assert _by_value(figs, 40e6)


# --- "until <year>" --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Electricity demand is projected to grow by roughly 7 percent a year until 2030.",
        "Freight volumes should rise about 7% annually through 2030.",
        "Until 2030, exports are expected to grow by 7 per cent a year.",
    ],
)
def test_a_rate_until_a_year_runs_from_now(sentence):
    (f,) = _by_value(_figs(sentence, "2026-06-24"), 7.0)
    assert f.period == "2026/2030"


def test_by_a_year_stays_the_target_year():
    (f,) = _by_value(_figs("The aim is to bring exports to USD 10 billion by 2030.", "2026-06-24"), 10e9)
    assert f.period == "2030"


# --- "there were N": the count told before, at another time ---------------------------------------


@pytest.mark.parametrize(
    ("second", "value", "period", "q"),
    [
        ("Five years ago there were fewer than 600.", 600.0, "2021", "less than"),
        ("In 2020 there were about 700.", 700.0, "2020", "about"),
        ("Three years ago, there were only 450.", 450.0, "2023", "exact"),
    ],
)
def test_there_were_n_is_the_count_before(second, value, period, q):
    text = f"Today about 1,100 Ruritanian companies export to the European market. {second}"
    figs = _figs(text, "2026-12-09")
    (f,) = _by_value(figs, value, "count")
    (now,) = _by_value(figs, 1100.0, "count")
    assert (f.metric, f.period, f.qualifier) == (now.metric, period, q)


# --- "About …" sections ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    ["About the World Bank in Uzbekistan", "About the EBRD in Kazakhstan", "## About ADB in Tajikistan"],
)
def test_about_section_naming_a_country_keeps_its_figures(heading):
    text = (
        "The Bank approved a USD 300 million loan for the power grid today.\n\n"
        f"{heading}\n\n"
        "The country joined the Bank in 1992. Since then, the Bank's commitments to the country have "
        "exceeded USD 17 billion.\n"
    )
    figs = _figs(text, "2026-06-24")
    assert _by_value(figs, 17e9)


@pytest.mark.parametrize("heading", ["ABOUT AIFC", "About the EBRD", "ABOUT THE FORUM ORGANISERS"])
def test_about_the_publisher_section_has_no_figures(heading):
    text = (
        "The forum closed in Almaty today.\n\n"
        f"{heading}\n"
        "The centre was launched in 2018. More than 4,000 companies from 80 countries are registered in it.\n"
    )
    figs = _figs(text, "2026-10-09")
    assert not _by_value(figs, 4000.0) and not _by_value(figs, 80.0)


# --- a bank's standing description of itself ------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "Note to editors: The Bank is a lender owned by 77 countries, the European Union and the "
        "European Investment Bank.",
        "Notes for editors: Established in 1966, the Bank is owned by 69 members.",
        "NOTE TO EDITORS: The Bank, established in 1966, has 69 shareholders.",
    ],
)
def test_a_note_to_editors_on_its_line_has_no_count(paragraph):
    text = f"The Bank signed a USD 50 million loan with Ruritania today.\n\n{paragraph}\n"
    assert not [f for f in _figs(text, "2026-06-24") if f.unit == "count" and f.value in (77.0, 69.0)]


def test_note_to_editors_keeps_a_partner_figure():
    text = (
        "The Bank signed a USD 50 million loan with Ruritania today.\n\n"
        "Note to editors: To date, the Bank has invested more than EUR 10.5 billion in Kazakhstan.\n"
    )
    assert _by_value(_figs(text, "2026-06-24"), 10.5e9)


# --- a total the title alone states --------------------------------------------------------------


@pytest.mark.parametrize(
    "title",
    [
        "Ruritania signs wind and hydrogen agreements worth $1.6 billion",
        "Deals totalling $1.6 billion signed at the Astana energy forum",
        "Wind farm and hydrogen pilot valued at about $1.6 billion agreed",
    ],
)
def test_a_title_total_the_body_does_not_restate_is_a_figure(title):
    text = (
        f"{title}\n\n"
        "Astana, 3 November 2026 – An investment agreement for a wind power plant was signed on Monday. "
        "The investment is put at USD 1.35 billion.\n\n"
        "A memorandum on a hydrogen plant was also concluded; its pilot phase will cost USD 250 million.\n"
    )
    assert _by_value(_figs(text, "2026-11-03"), 1.6e9)


def test_a_title_total_the_body_restates_is_told_once():
    text = (
        "Ruritania signs agreements worth $1.6 billion\n\n"
        "Astana, 3 November 2026 – Agreements worth USD 1.6 billion were signed on Monday.\n"
    )
    assert len(_by_value(_figs(text, "2026-11-03"), 1.6e9)) == 1


# --- "the nine months to September" ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value", "period"),
    [
        ("Over the nine months to September, trade stood at USD 20 billion.", 20e9, "2026-01/2026-09"),
        ("In the 12 months ending June 2026, exports rose to USD 9 billion.", 9e9, "2025-07/2026-06"),
        ("Exports in the six months through August grew by 3%.", 3.0, "2026-03/2026-08"),
        ("Trade reached USD 20 billion in the year to March.", 20e9, "2025-04/2026-03"),
    ],
)
def test_months_to_a_month_end_with_it(sentence, value, period):
    (f,) = _by_value(_figs(sentence), value)
    assert f.period == period


def test_a_title_total_of_pledges_is_no_figure():
    text = (
        "EU and Ruritania sign agreements worth €120 million\n\n"
        "Tashkent, 27 November 2025 – The EU signed a grant of €20 million for water management today, "
        "and the European Investment Bank signed a €100 million loan for a power line.\n"
    )
    out = extract(text, published="2025-11-27")
    assert not _by_value(out.figures, 120e6)
    assert sorted(p.amount for p in out.pledges) == [20e6, 100e6]


# --- "It reached …": the period of the sentence before -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "period"),
    [
        ("In 2025, EU investment in Uzbekistan doubled. It reached USD 2 billion.", 2e9, "2025"),
        ("Trade with the bloc expanded sharply in January-June 2026. The figure stood at USD 5 billion.", 5e9,
         "2026-01/2026-06"),
        ("Over the past five years, EU grants to the country tripled. They totalled EUR 300 million.", 300e6,
         "2021/2026"),
    ],
)
def test_a_sentence_going_on_about_the_one_before_takes_its_period(text, value, period):
    (f,) = _by_value(_figs(text), value)
    assert f.period == period


def test_a_day_before_is_no_period():
    (f,) = _by_value(_figs("The plant opened on 3 May 2026. It cost USD 20 million."), 20e6)
    assert f.period is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Exports rose to USD 27.9 billion, against USD 26.3 billion a year earlier.",
        "Exports reached USD 27.9 billion, up from USD 26.3 billion in the same period last year.",
        "Exports climbed to USD 27.9 billion, compared with USD 26.3 billion a year before.",
    ],
)
def test_a_sum_a_year_earlier_is_a_year_back_from_the_release_period(sentence):
    text = (
        "Ruritania's trade with the EU up 7.8% in nine months\n\n"
        "ASTANA, October 21, 2026 – Ruritania's trade with the EU totalled USD 36.4 billion in "
        "January-September 2026, the committee said.\n\n"
        f"{sentence}\n"
    )
    figs = _figs(text)
    (now,) = _by_value(figs, 27.9e9)
    (then,) = _by_value(figs, 26.3e9)
    assert (now.period, then.period) == ("2026-01/2026-09", "2025-01/2025-09")


# --- a lower bound told after the number, and "passed the … mark" ------------------------------------


@pytest.mark.parametrize(
    ("sentence", "q"),
    [
        ("Trade reached USD 5 billion-plus in 2025.", "more than"),
        ("Trade reached USD 5 billion or more in 2025.", "more than"),
        ("2,000 firms or more are registered in the zone.", "more than"),
        ("Trade passed the USD 5 billion mark in 2025.", "more than"),
        ("Exports crossed the USD 5 billion threshold in 2025.", "more than"),
        ("Trade fell short of USD 5 billion in 2025.", "less than"),
        ("Trade reached USD 5 billion and more than doubled in 2025.", "exact"),
    ],
)
def test_trailing_and_verb_qualifiers(sentence, q):
    (f,) = [f for f in _figs(sentence) if f.value in (5e9, 2000.0)]
    assert f.qualifier == q


@pytest.mark.parametrize(
    ("sentence", "base_value", "period"),
    [
        ("Trade totalled USD 5 billion in 2025, compared to 2024's USD 4.1 billion.", 4.1e9, "2024"),
        ("Exports reached EUR 3 billion in 2025, up from 2024's EUR 2.5 billion.", 2.5e9, "2024"),
        ("Trade totalled USD 5 billion in 2025, against 2024’s $4.1 billion.", 4.1e9, "2024"),
    ],
)
def test_a_year_in_the_possessive_dates_the_sum_compared_with(sentence, base_value, period):
    (f,) = _by_value(_figs(sentence), base_value)
    assert f.period == period


def test_a_possessive_year_without_a_sum_stays_a_base():
    (f,) = _by_value(_figs("Trade rose 10% in 2025 compared with 2024's level."), 10.0)
    assert f.period == "2025"


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister was asked if trade had grown by 20% in 2025.",
        "The Commission will decide if the EUR 50 million programme is extended.",
        "Auditors will check if the USD 30 million was spent in 2025.",
    ],
)
def test_an_if_of_a_question_is_no_condition(sentence):
    assert _figs(sentence) or extract(sentence, published=PUB).pledges


# --- a share told in the past after the flows of a period --------------------------------------------


@pytest.mark.parametrize(
    ("second", "period"),
    [
        ("Crude oil remained the bulk, accounting for about 78% of exports.", "2026-01/2026-09"),
        ("Italy took 40% of them.", "2026-01/2026-09"),
        ("Oil and gas condensate represented about 78% of the total.", "2026-01/2026-09"),
        ("Oil remains the bulk, accounting for about 78% of exports.", None),
    ],
)
def test_a_past_share_after_a_flow_is_of_its_period(second, period):
    text = f"In January-September 2026, exports to the EU reached USD 27.9 billion. {second}"
    (f,) = [f for f in _figs(text) if f.unit == "percent"]
    assert f.period == period


# --- spans up to now: "the years of independence", "since the beginning of this year" ---------------


@pytest.mark.parametrize(
    "sentence",
    [
        "During the years of independence, the EU invested over USD 20 billion in Kazakhstan.",
        "Over the 35 years of independence, Japan provided USD 20 billion to Kazakhstan.",
        "In the years of its independence, Kazakhstan attracted USD 20 billion of EU investment.",
    ],
)
def test_the_years_of_independence_run_up_to_now(sentence):
    out = extract(sentence, published=PUB)
    assert not out.pledges
    (f,) = _by_value(out.figures, 20e9)
    assert f.period == "1991/2026"


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("Since the beginning of 2026, trade reached USD 3 billion.", "2026-01/2026-10"),
        ("Since March, exports have risen to USD 3 billion.", "2026-03/2026-10"),
        ("Since the start of 2024, trade reached USD 3 billion.", "2024/2026"),
    ],
)
def test_since_a_point_of_this_year_runs_in_months(sentence, period):
    (f,) = _by_value(_figs(sentence), 3e9)
    assert f.period == period


@pytest.mark.parametrize(
    ("head", "months", "period"),
    [
        ("Trade with the EU up 4% in the third quarter", "July-September 2026", "2026-07/2026-09"),
        ("EU trade climbs in Q3", "July–September 2026", "2026-07/2026-09"),
        ("Exports grow in the first quarter", "January-March 2026", "2026-01/2026-03"),
    ],
)
def test_headline_quarter_dates_the_figures_of_later_paragraphs(head, months, period):
    text = (
        f"{head}\n\nASTANA, October 21, 2026 – Trade with the EU totalled USD 12.7 billion in {months}, "
        "the committee said.\n\nItaly remained the largest partner with USD 4.2 billion.\n"
    )
    (f,) = _by_value(_figs(text), 4.2e9)
    assert f.period == period
