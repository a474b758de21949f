"""Pledges and figures in the wording of news stories and reports: programmes as channels, not
givers; corrections' superseded values; listed loan agreements; market moves and numbered paragraphs
that are no figures (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract


def ex(text: str, published: str | None = "2026-05-06"):
    return extract(text, published=published)


def pledges(text: str, published: str | None = "2026-05-06") -> list[tuple[str | None, float, bool]]:
    return [(p.by, p.amount, p.hedged) for p in ex(text, published).pledges]


def figures(text: str, published: str | None = "2026-05-06") -> list[tuple[float, str]]:
    return [(f.value, f.unit) for f in ex(text, published).figures]


# --- a programme is the channel, the party behind it gives ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "In the framework of the Multiannual Indicative Programme the European Union allocates to "
        "Tajikistan EUR 80 million for 2021-2027.",
        "Under the Multiannual Indicative Programme, the EU has earmarked EUR 80 million for Tajikistan.",
        "Through the Connecting Europe Facility the European Union will provide EUR 80 million to the "
        "Kyrgyz railway.",
    ],
)
def test_a_programme_named_before_the_giver_gives_nothing(text):
    assert [(by, amount) for by, amount, _ in pledges(text)] == [("European Union", 80e6)]


def test_parts_of_a_programme_envelope_keep_the_party_as_giver():
    text = (
        "Within the Multiannual Indicative Programme the European Union allocates to Tajikistan 80 million "
        "euro, including 35 million euro for green growth, 25 million euro for human capital and 15 "
        "million euro for good governance."
    )
    assert {by for by, _, _ in pledges(text)} == {"European Union"}


def test_team_europe_as_a_subject_still_gives():
    text = "On energy, Team Europe is ready to support the Kambarata-1 project with up to EUR 35 million."
    assert pledges(text) == [("Team Europe", 35e6, True)]


# --- corrections: superseded values are no records -----------------------------------------------

_STORY = (
    "The European Bank for Reconstruction and Development has signed a loan of EUR 150 million with "
    "Georgian Railway, the bank said on Tuesday. Trade reached USD 900 million in 2025.\n\n"
)


@pytest.mark.parametrize(
    "correction",
    [
        "CORRECTION (6 May 2026): An earlier version of this article said the EBRD loan was EUR 1.5 "
        "billion. The correct amount is EUR 150 million.",
        "Corrects amount of EBRD loan to EUR 150 million from EUR 1.5 billion.",
        "This story was corrected to show the EBRD loan is EUR 150 million, not EUR 1.5 billion.",
        "A previous version of this story incorrectly reported that the loan amounted to EUR 1.5 billion "
        "rather than EUR 150 million.",
        "The story originally misstated the loan as EUR 1.5 billion.",
        # an opener or cue in capitals (the cue pass is case-sensitive)
        "CLARIFICATION: An earlier version of this story said the loan was EUR 1.5 billion.",
        "An earlier report ERRONEOUSLY gave the loan as EUR 1.5 billion.",
    ],
)
def test_a_corrections_superseded_and_restated_values_are_no_records(correction):
    r = ex(_STORY + correction)
    assert [(p.by, p.amount) for p in r.pledges] == [
        ("European Bank for Reconstruction and Development", 150e6)
    ]
    assert [(f.value, f.unit) for f in r.figures] == [(900e6, "USD")]


def test_a_story_without_a_correction_keeps_its_amounts():
    # ("previously", "version", "correct" alone retract nothing)
    text = (
        "The EBRD previously lent EUR 20 million to the utility and will now add EUR 15 million. The new "
        "version of the plan, the correct choice, costs USD 9 million."
    )
    r = ex(text)
    told = {p.amount for p in r.pledges} | {f.value for f in r.figures}
    assert {20e6, 15e6, 9e6} <= told


# --- a listed loan agreement, its value trailing ---------------------------------------------------


@pytest.mark.parametrize(
    "text, giver, amount, currency",
    [
        (
            "The following documents were signed:\n- a loan agreement between the European Bank for "
            "Reconstruction and Development and Barqi Tojik for the rehabilitation of the Kairakkum "
            "hydropower plant, USD 60 million;\n",
            "European Bank for Reconstruction and Development",
            60e6,
            "USD",
        ),
        (
            "A loan agreement between the Asian Development Bank and the Ministry of Finance for the "
            "rehabilitation of irrigation canals in three regions (USD 45 million) was also signed.",
            "Asian Development Bank",
            45e6,
            "USD",
        ),
        (
            "Signed on the sidelines: a grant agreement between the EU and the Ministry of Energy for rural "
            "electrification – EUR 12 million.",
            "European Union",
            12e6,
            "EUR",
        ),
    ],
)
def test_a_listed_loan_or_grant_agreement_with_its_value_trailing_is_a_pledge(text, giver, amount, currency):
    r = ex(text)
    assert [(p.by, p.amount, p.currency, p.hedged) for p in r.pledges] == [(giver, amount, currency, False)]


@pytest.mark.parametrize(
    "text, giver",
    [
        ("A grant agreement between the Government of Kyrgyzstan and the European Union on border "
         "management (EUR 8 million) was signed.", "European Union"),
        ("A loan agreement between Japan and Uzbekistan for a power plant, worth 30 billion yen, was "
         "signed.", "Japan"),
        ("- grant agreement between Germany and the Ministry of Health for rural clinics, EUR 6 million",
         "Germany"),
    ],
)
def test_of_two_states_a_deal_is_between_the_one_whose_currency_it_is_gives(text, giver):
    assert [by for by, _, _ in pledges(text)] == [giver]


def test_a_count_before_money_in_brackets_is_no_conversion_of_it():
    r = ex("The programme covers 12 schools (EUR 3 million in total).")
    assert (12.0, "count") in [(f.value, f.unit) for f in r.figures]
    assert (3e6, "EUR") in [(f.value, f.unit) for f in r.figures]


# --- an envelope for a programming period is a promise; money built into a done project a figure ---


@pytest.mark.parametrize(
    "text, giver",
    [
        ("The Minister recalled that the EU had allocated EUR 70 million to Tajikistan under its bilateral "
         "programme for 2021–2024.", "European Union"),
        ("The European Union allocated EUR 70 million to Kyrgyzstan for the period 2014-2020.",
         "European Union"),
        ("Germany committed EUR 70 million for the years 2018 to 2021 to water projects in Uzbekistan.",
         "Germany"),
    ],
)
def test_an_envelope_allocated_for_a_programming_period_is_a_pledge(text, giver):
    assert pledges(text) == [(giver, 70e6, False)]


def test_money_delivered_in_a_past_span_stays_a_figure():
    assert pledges("In 2021–2024 the EU provided EUR 70 million to Tajikistan.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In Shymkent we opened the renovated pumping station of the city water utility, financed with a "
        "EUR 4.5 million EU grant.",
        "The new school in Osh, built with a EUR 4.5 million grant from Japan, welcomed its first pupils.",
        "The border post at Dostyk was modernised largely with EUR 4.5 million from the EU, officials said.",
    ],
)
def test_money_a_finished_project_was_built_with_is_a_figure(text):
    r = ex(text)
    assert r.pledges == []
    assert (4.5e6, "EUR") in [(f.value, f.unit) for f in r.figures]


def test_a_project_still_to_be_financed_with_a_grant_keeps_the_pledge():
    assert pledges("The hospital will be financed with a EUR 10 million EU grant.") == [
        ("European Union", 10e6, False)
    ]


# --- no figures: market moves, numbered paragraphs ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "KEGOC shares rose 1.8% on the Astana International Exchange after the announcement.",
        "The company's share price fell by about 3 percent in Almaty trading.",
        "Kazatomprom stock jumped 4.5% on the news.",
        # the move opening its sentence (capitalised) or in a headline's capitals
        "Shares of KEGOC rose 1.8% on the Astana International Exchange.",
        "Stock prices fell 3% in Almaty after the announcement.",
        "KAZATOMPROM SHARES JUMP 4.5% ON THE NEWS",
    ],
)
def test_a_stock_move_is_no_figure(text):
    assert [f for f in ex(text).figures if f.unit == "percent"] == []


def test_a_growth_beside_a_stock_move_stays():
    text = "Kazatomprom stock jumped 4.5% on the news, while exports grew 12% in 2025."
    assert (12.0, "percent") in figures(text)


def test_numbered_paragraphs_are_no_counts_and_a_count_after_that_is():
    text = (
        "3. Findings\n\n"
        "3.3 The Minister informed Members that 1,140 companies with European capital were registered "
        "in the country.\n\n"
        "3.4 Members took note of the plan.\n\n"
        "- 2.1. Delegates visited 3 plants.\n"
    )
    assert sorted(figures(text, "2026-01-20")) == [(3.0, "count"), (1140.0, "count")]


@pytest.mark.parametrize(
    "text",
    [
        "The Minister said that 45 projects are under way.",
        "Officials noted that 45 projects are under way in the region.",
        "The report shows that 45 projects received EU grants.",
    ],
)
def test_a_count_after_the_conjunction_that_is_a_count(text):
    assert (45.0, "count") in figures(text)


# --- periods: a base "the year 2024", a study's year -------------------------------------------


def _periods(text: str, published: str = "2026-06-20") -> dict[float, str | None]:
    return {f.value: f.period for f in ex(text, published).figures}


@pytest.mark.parametrize(
    "text",
    [
        "In the year 2025 the trade turnover made up 428.6 million US dollars, which is more by 11.2 "
        "percent in comparison with the year 2024.",
        "Trade reached USD 428.6 million in 2025, an increase of 11.2% as compared to the year 2024.",
        "Exports grew by 11.2 percent compared with the calendar year 2024 and reached USD 428.6 million "
        "in 2025.",
    ],
)
def test_a_growth_against_the_year_n_is_of_the_year_it_reaches(text):
    assert _periods(text)[11.2] == "2025"


@pytest.mark.parametrize(
    "text",
    [
        "Participants recalled the EBRD study of 2023, which put the investment needed at EUR 18.5 billion.",
        "The World Bank report of 2022 estimated the needs at USD 18.5 billion.",
        "An assessment of 2024 put the cost of the corridor at EUR 18.5 billion.",
    ],
)
def test_the_year_of_a_study_or_report_is_no_period_of_its_estimate(text):
    assert _periods(text)[18.5e9] is None


# --- the hedge of a relative clause on the pledge ------------------------------------------------


@pytest.mark.parametrize(
    "text, hedged",
    [
        ("The package also includes a EUR 50 million loan from the European Investment Bank, which is "
         "expected to be signed in July.", True),
        ("The financing includes EUR 50 million from the EBRD, which is likely to approve it in the "
         "autumn.", True),
        ("The package also includes a EUR 50 million grant from Germany, which was signed on Monday.", False),
    ],
)
def test_a_relative_clause_on_the_pledge_hedges_it(text, hedged):
    assert [(amount, h) for _, amount, h in pledges(text)] == [(50e6, hedged)]


# --- flags: undated bare "value" sums are of different things ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "As a result of the forum, 14 documents worth over USD 2.3 billion were signed. Among them, a "
        "contract between SUEZ and the city on a wastewater plant is worth USD 180 million.",
        "Deals worth more than EUR 900 million were concluded at the fair. A separate deal between two "
        "firms for a cement plant was valued at EUR 45 million.",
        "Agreements worth about USD 1.2 billion were signed during the visit. One contract for rolling "
        "stock is worth USD 300 million.",
    ],
)
def test_an_approximate_total_of_deals_is_not_compared_with_one_deal(text):
    assert "approximate inconsistent" not in [f.kind for f in ex(text).flags]


@pytest.mark.parametrize(
    "text, value",
    [
        ("The parties highlighted the successful Tashkent International Investment Forum in June, where "
         "European companies signed agreements worth more than 4 billion dollars.", 4e9),
        ("The summit took place in Samarkand in April 2025, at which deals worth EUR 3 billion were "
         "concluded.", 3e9),
        ("They recalled the state visit of May 2024, during which documents worth USD 2 billion were "
         "signed.", 2e9),
    ],
)
def test_the_date_of_the_occasion_deals_were_made_at_is_no_period_of_their_sum(text, value):
    assert _periods(text, "2026-11-20")[value] is None


def test_a_period_before_where_without_an_occasion_stays():
    text = "Exports reached USD 3 billion in 2025, where machinery led."
    assert _periods(text, "2026-11-20")[3e9] == "2025"


@pytest.mark.parametrize(
    "text, value",
    [
        ("They recalled the state visit of May 2024, during which 15 documents were signed.", 15.0),
        ("The forum, at which 300 companies took part, closed on Friday.", 300.0),
        ("The session, in the course of which 12 agreements were reviewed, ended late.", 12.0),
    ],
)
def test_a_count_after_during_or_at_which_is_a_count(text, value):
    assert (value, "count") in figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "Tickets for the concert cost EUR 15.",
        "Admission to the exhibition is USD 5 for adults.",
        "A ticket to the festival costs EUR 12 at the door.",
    ],
)
def test_a_ticket_price_is_no_figure(text):
    assert ex(text).figures == []


@pytest.mark.parametrize(
    "text, flagged",
    [
        ("The EUR 100 million envelope comprises EUR 60 million in loans and EUR 30 million in grants.",
         True),
        ("The USD 250 million programme consists of a USD 150 million loan and a USD 80 million grant.",
         True),
        ("The package, worth EUR 50 million, is composed of EUR 20 million for roads and EUR 20 million "
         "for water.", True),
        ("The EUR 100 million envelope comprises EUR 60 million in loans and EUR 40 million in grants.",
         False),
    ],
)
def test_parts_after_comprises_or_consists_of_must_add_up(text, flagged):
    assert ("parts do not sum" in [f.kind for f in ex(text).flags]) is flagged


# --- a title before a surname; a state's named institution ---------------------------------------


@pytest.mark.parametrize(
    "text, giver",
    [
        ("Speaking at the forum, Commissioner Síkela announced EUR 50 million for digital connectivity.",
         "European Commission"),
        ("In Tashkent, High Representative Kallas pledged EUR 50 million for border security.",
         "European Union"),
        ("The Commissioner announced EUR 50 million for digital connectivity.", "European Commission"),
    ],
)
def test_a_title_before_a_surname_gives_as_its_institution(text, giver):
    assert pledges(text) == [(giver, 50e6, False)]


@pytest.mark.parametrize(
    "text, giver",
    [
        ("According to the ministry, Germany's KfW will provide a grant of EUR 20 million.",
         "KfW Development Bank"),
        ("Japan's development agency JICA will extend a loan of JPY 20 million for the airport.",
         "Japan International Cooperation Agency"),
        ("France's AFD will lend EUR 20 million to the utility.", "Agence Française de Développement"),
    ],
)
def test_a_states_named_institution_gives_not_the_state(text, giver):
    assert [by for by, _, _ in pledges(text)] == [giver]


@pytest.mark.parametrize(
    "text",
    [
        "A EUR 40 million loan from the ADB is under preparation.",
        "The EBRD has earmarked EUR 40 million, pending government guarantees.",
        "The EU's grant of EUR 40 million is conditional on reforms of the water sector.",
    ],
)
def test_money_not_yet_decided_is_hedged(text):
    assert [(amount, hedged) for _, amount, hedged in pledges(text)] == [(40e6, True)]


@pytest.mark.parametrize(
    "text, value",
    [
        ("Corrected for inflation, trade grew 5% to USD 3 billion in 2025.", 3e9),
        ("Correction of the tariff schedule will save exporters USD 3 billion a year.", 3e9),
        ("The version of the plan adopted in 2025 foresees trade of USD 3 billion.", 3e9),
    ],
)
def test_correction_words_in_ordinary_prose_drop_nothing(text, value):
    assert value in [f.value for f in ex(text).figures]


def test_a_correction_label_with_a_date_drops_its_amounts():
    text = _STORY + "CORRECTION (7 May 2026) – The bank's loan is EUR 150 million, not EUR 1.5 billion."
    assert [p.amount for p in ex(text).pledges] == [150e6]


def test_an_earlier_version_of_a_plan_retracts_nothing():
    text = "An earlier version of the roadmap foresaw EUR 100 million in EU grants for the corridor."
    r = ex(text)
    assert 100e6 in [p.amount for p in r.pledges] + [f.value for f in r.figures]


@pytest.mark.parametrize(
    "text",
    [
        "The training centre, funded with a EUR 4.5 million EU grant, will open in May.",
        "The road, co-financed with a EUR 4.5 million EU grant, will be completed in 2027.",
        "The clinic, equipped with a EUR 4.5 million grant from the EU, would serve 10 villages.",
    ],
)
def test_a_project_still_to_come_keeps_the_money_it_is_built_with_a_pledge(text):
    assert [amount for _, amount, _ in pledges(text)] == [4.5e6]


def test_a_decimal_count_opening_a_bullet_stays_a_count():
    text = "Highlights:\n- 2.5 million tourists visited Uzbekistan from the EU.\n"
    assert (2.5e6, "count") in figures(text)


@pytest.mark.parametrize(
    "text, giver",
    [
        ("The EBRD and the EIB will jointly provide EUR 300 million for the railway.",
         "European Bank for Reconstruction and Development and European Investment Bank"),
        ("Germany and France pledged EUR 300 million for the water programme.", "Germany and France"),
        ("The ADB and the World Bank have approved USD 300 million in joint financing.",
         "Asian Development Bank and World Bank"),
    ],
)
def test_two_parties_joined_as_the_subject_give_together(text, giver):
    assert [(by, amount) for by, amount, _ in pledges(text)] == [(giver, 300e6)]


@pytest.mark.parametrize(
    "text, giver",
    [
        ("A Finance Contract between the European Investment Bank and the Ministry of Finance of Uzbekistan "
         "on a €100 million loan was signed.", "European Investment Bank"),
        ("The EBRD and the government signed a EUR 100 million loan.",
         "European Bank for Reconstruction and Development"),
        ("Germany and France each pledged EUR 100 million.", "Germany"),
    ],
)
def test_cosigners_and_each_are_no_joint_givers(text, giver):
    assert [by for by, _, _ in pledges(text)][:1] == [giver]
