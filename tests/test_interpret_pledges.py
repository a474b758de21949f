"""Pledges and figures: who gives, when money is a pledge, and the periods of figures — rules read
from the wording of press releases (our own sentences)."""

from __future__ import annotations

from communique import extract


def ex(text: str, published: str | None = "2024-11-13"):
    return extract(text, published=published)


def givers(text: str, published: str | None = "2024-11-13") -> list[tuple[str | None, float, bool]]:
    return [(p.by, p.amount, p.hedged) for p in ex(text, published).pledges]


# --- who gives ------------------------------------------------------------------------------------


def test_party_named_after_the_amount_as_subject_of_a_pledge_verb_gives():
    text = (
        "The new grant adds to the EUR 40 million the EU has allocated to Armenia for 2021–2024. "
        "The ADB and Golomt Bank are discussing a further loan of up to USD 20 million, which the ADB "
        "could provide next year."
    )
    assert givers(text) == [("European Union", 40e6, False), ("Asian Development Bank", 20e6, True)]


def test_a_party_after_the_amount_that_uses_it_is_no_giver():
    r = ex("The EU has allocated EUR 5 million, which Armenia will use for border management.")
    assert [p.by for p in r.pledges] == ["European Union"]


def test_a_loan_or_grant_from_a_bank_or_government_names_the_giver():
    text = (
        "The project is backed by a parallel loan of US$ 25 million from the Asian Development Bank. "
        "Training for the borrower is paid for by a €2 million grant from the Government of Korea. "
        "Deputies approved a loan of USD 30 million and a grant of USD 5 million from the World Bank "
        "for new schools."
    )
    assert givers(text) == [
        ("Asian Development Bank", 25e6, False),
        ("Government of South Korea", 2e6, False),
        ("World Bank", 30e6, False),
        ("World Bank", 5e6, False),
    ]


def test_a_fund_the_subject_draws_on_is_a_channel_not_the_giver():
    r = ex("Japan will provide a loan of USD 40 million from its Special Fund for the new railway.")
    assert [p.by for p in r.pledges] == ["Japan"]


def test_a_capital_standing_for_its_government_gives():
    text = "The minister said Tokyo intends to lend up to $300 million to Uzbekistan for new power lines."
    assert givers(text) == [("Japan", 300e6, True)]


def test_a_capital_where_things_happen_gives_nothing():
    r = ex("Talks in Tokyo ended with a loan of $300 million for new power lines.")
    assert r.pledges == []


def test_the_party_that_receives_money_is_not_its_giver():
    text = (
        "At the summit the EU said it plans to fund a new water and energy programme from which "
        "Tajikistan could receive about EUR 10 million."
    )
    assert givers(text) == [("European Union", 10e6, True)]


def test_the_total_of_loan_agreements_is_a_pledge_of_their_signer():
    text = (
        "The ministers welcomed the signing by the Kuwait Fund for Arab Economic Development of loan "
        "agreements with Kyrgyzstan and Tajikistan totalling about USD 120 million for rural roads."
    )
    assert givers(text) == [("Kuwait Fund for Arab Economic Development", 120e6, False)]


def test_trade_worth_an_amount_stays_a_figure():
    r = ex("The Fund noted that trade with Kyrgyzstan and Tajikistan worth about USD 900 million grew.")
    assert r.pledges == [] and [f.value for f in r.figures] == [900e6]


# --- pledge or figure -----------------------------------------------------------------------------


def test_money_handed_over_in_a_past_span_is_a_figure_and_money_set_aside_a_pledge():
    r = ex(
        "Between 2015 and 2021 the EU provided some EUR 90 million to Armenia under its bilateral "
        "programme, and it has earmarked EUR 65 million for 2022–2025.",
        "2024-06-01",
    )
    assert [(p.by, p.amount, p.date) for p in r.pledges] == [("European Union", 65e6, None)]
    assert [(f.value, f.period) for f in r.figures] == [(90e6, "2015/2021")]


def test_money_provided_this_year_or_to_be_provided_stays_a_pledge():
    text = "In 2024 the EU provided EUR 3 million for flood relief. Japan will provide EUR 2 million."
    r = ex(text, "2024-06-01")
    assert [(p.by, p.amount) for p in r.pledges] == [("European Union", 3e6), ("Japan", 2e6)]


# --- periods of figures ---------------------------------------------------------------------------


def test_over_a_span_of_years_is_the_period_not_a_base():
    r = ex("Japanese investment in Uzbekistan totalled about $2 billion over 2010-2022.", "2023-05-01")
    assert [(f.value, f.period) for f in r.figures] == [(2e9, "2010/2022")]


def test_growth_over_a_single_year_still_reads_that_year_as_base():
    r = ex("Trade rose 5% over 2023 to $3 billion in 2024.", "2025-01-15")
    assert [(f.unit, f.period) for f in r.figures] == [("percent", "2024"), ("USD", "2024")]


def test_since_then_runs_from_the_date_before_it_to_the_publication_year():
    r = ex(
        "Armenia joined the Bank in 1992. Since then the Bank has invested more than €1.9 billion in "
        "over 200 projects in the country. Last year it invested €150 million.",
        "2024-03-12",
    )
    assert [(f.unit, f.value, f.period) for f in r.figures] == [
        ("EUR", 1.9e9, "1992/2024"),
        ("count", 200, "1992/2024"),
        ("EUR", 150e6, "2023"),
    ]


def test_since_then_within_one_sentence():
    r = ex("The fund opened in 2015 and since then it has financed 40 projects.", "2024-03-12")
    assert [(f.value, f.period) for f in r.figures] == [(40, "2015/2024")]


def test_a_share_of_pledged_money_is_a_term_of_the_pledge_not_a_figure():
    r = ex(
        "The EBRD has signed a loan of USD 40 million with Golomt Bank for small firms. At least half of "
        "the proceeds will go to firms outside the capital, and 30% of the loan will finance green "
        "projects. Women own about a third of small firms in the country."
    )
    assert [p.amount for p in r.pledges] == [40e6]
    assert [(f.unit, f.value) for f in r.figures] == [("percent", 33.3)]


# --- pledge wording -------------------------------------------------------------------------------


def test_announced_offered_aid_and_mobilising_name_pledges():
    text = (
        "Norway announced an additional €6 million in humanitarian aid for Afghanistan. "
        "The European Commission is mobilising €200 million for digital links. "
        "EBRD President Odile Renaud-Basso offered €500 million for green projects in the region."
    )
    assert givers(text) == [
        ("Norway", 6e6, False),
        ("European Commission", 200e6, False),
        ("European Bank for Reconstruction and Development", 500e6, False),
    ]


def test_an_institution_after_a_passive_by_gives():
    text = (
        "A total of €20 million has been earmarked by the European Investment Bank for small firms. "
        "The loan of €35 million, financed by the Asian Development Bank, will upgrade the railway."
    )
    assert givers(text) == [
        ("European Investment Bank", 20e6, False),
        ("Asian Development Bank", 35e6, False),
    ]


def test_an_institution_the_money_goes_through_is_a_channel():
    r = ex("The European Union, through the EIB, plans to provide €1 billion for transport links.")
    assert [(p.by, p.hedged) for p in r.pledges] == [("European Union", True)]


def test_a_package_from_the_uae():
    r = ex("The two presidents welcomed a $2 billion investment package from the UAE.")
    assert [p.by for p in r.pledges] == ["United Arab Emirates"]


def test_from_month_to_month_is_the_period_not_a_base():
    r = ex("Mutual trade in the period from January to October 2025 reached USD 870 million.", "2025-12-01")
    assert [(f.value, f.period) for f in r.figures] == [(870e6, "2025-01/2025-10")]


def test_a_base_range_after_from_stays_a_base():
    r = ex("Trade rose 5% from January-March 2024 to $2 billion in January-March 2025.", "2025-12-01")
    q1 = "2025-01/2025-03"
    assert [(f.unit, f.period) for f in r.figures] == [("percent", q1), ("USD", q1)]


def test_a_change_named_after_the_percentage_is_growth_of_the_value_before():
    r = ex(
        "EU investment in Uzbekistan reached €1.2 billion in 2023, a 25% increase on the previous year. "
        "Exports fell to $2 billion in 2024, a 10% drop on 2023.",
        "2025-12-01",
    )
    assert [(f.metric, f.value, f.period) for f in r.figures] == [
        ("investment", 1.2e9, "2023"),
        ("investment growth", 25, "2023"),
        ("exports", 2e9, "2024"),
        ("exports growth", -10, "2024"),
    ]


def test_two_parties_joined_by_and_are_one_subject_not_a_new_clause():
    r = ex("The European Union, together with Germany and France, pledged €20 million for schools.")
    assert [p.by for p in r.pledges] == ["European Union"]


def test_amounts_listed_with_the_verb_left_out_pledge_alike():
    r = ex("The Netherlands has allocated €3 million; Sweden, €2 million; and Finland, €1 million.")
    assert [(p.by, p.amount) for p in r.pledges] == [("Netherlands", 3e6), ("Sweden", 2e6), ("Finland", 1e6)]


def test_a_development_bank_a_borrower_signs_a_loan_agreement_with_lends():
    text = (
        "The Ministry of Finance of Kyrgyzstan signed a loan agreement with the ADB for $80 million. "
        "The EIB signed a €50 million loan agreement with the Ministry of Finance of Uzbekistan."
    )
    assert [p.by for p in ex(text).pledges] == ["Asian Development Bank", "European Investment Bank"]


def test_looking_into_willingness_and_preparing_hedge():
    text = (
        "The EIB is looking into financing of up to €200 million for the motorway. The AIIB has approved "
        "a $100 million loan, and the EBRD is preparing a further $50 million."
    )
    assert [(p.amount, p.hedged) for p in ex(text).pledges] == [(200e6, True), (100e6, False), (50e6, True)]


def test_number_of_increased_to_and_first_half_of_the_year():
    r = ex(
        "The number of joint ventures increased to 1,200 in 2024. Kazakhstan exported goods worth "
        "$2.3 billion to the EU in the first half of the year.",
        "2025-10-01",
    )
    assert [(f.metric, f.value, f.period) for f in r.figures] == [
        ("joint ventures", 1200, "2024"),
        ("exports", 2.3e9, "2025-01/2025-06"),
    ]


def test_aid_and_investments_name_metrics_and_raising_support_is_a_pledge():
    r = ex(
        "Japan's ODA to Uzbekistan has exceeded $5 billion since 1993. The volume of Turkish investments "
        "in Turkmenistan exceeds $50 billion. The EU intends to increase its support to €50 million.",
        "2025-10-01",
    )
    assert [(f.metric, f.period) for f in r.figures] == [
        ("official development assistance", "1993/2025"),
        ("investment", None),
    ]
    assert [(p.by, p.amount, p.hedged) for p in r.pledges] == [("European Union", 50e6, True)]


def test_announced_deals_are_no_pledge():
    r = ex("The ministry announced $5 billion in trade deals with China.")
    assert r.pledges == [] and [f.value for f in r.figures] == [5e9]


def test_growth_with_a_qualifier_after_by_is_growth_of_its_clause_metric():
    r = ex(
        "Kazakh exports to the EU under the GSP+ scheme, which the country has used since 2016, grew by "
        "about 40% last year. Trade with Georgia grew by more than 20% in January-September, while "
        "trade with Armenia reached nearly $400 million last year.",
        "2025-10-01",
    )
    assert [(f.metric, f.value, f.period, f.qualifier) for f in r.figures] == [
        ("exports growth", 40, "2024", "about"),
        ("trade growth", 20, "2025-01/2025-09", "more than"),
        ("trade", 400e6, "2024", "nearly"),
    ]


def test_development_agencies_and_export_banks_are_givers():
    text = (
        "USAID will provide $10 million for agriculture. JICA signed a loan agreement with the Government "
        "of Kyrgyzstan to provide a loan of up to 20 billion yen."
    )
    assert [p.by for p in ex(text).pledges] == [
        "United States Agency for International Development",
        "Japan International Cooperation Agency",
    ]


def test_a_demonym_before_the_loan_names_its_giver():
    r = ex("Notes were exchanged concerning a Japanese ODA loan of 25 billion yen to the Kyrgyz Republic.")
    assert [(p.by, p.currency) for p in r.pledges] == [("Japan", "JPY")]


def test_the_party_a_reporting_verb_reports_on_gives():
    text = (
        "The Ministry of Economy of Kazakhstan said the ADB would lend $500 million. The Fund signed a "
        "$50 million loan for schools, while the Saudi EXIM Bank said it could provide up to $200 million "
        "in credit lines."
    )
    got = [(p.by, p.hedged) for p in ex(text).pledges]
    assert got[0] == ("Asian Development Bank", True) and got[-1] == ("Saudi EXIM Bank", True)


def test_an_approved_amount_is_a_pledge_and_so_far_committed_money_has_no_date():
    r = ex("The EIB's board approved €300 million for the project. The EU has so far committed €20 million.")
    assert [(p.by, p.amount, p.date) for p in r.pledges] == [
        ("European Investment Bank", 300e6, None),
        ("European Union", 20e6, None),
    ]


def test_the_party_thanked_for_the_money_or_named_by_of_a_grant_gives():
    text = (
        "The Uzbek side thanked Korea for its grant of $5 million for schools. Tajikistan expressed "
        "gratitude to the EU for the €10 million provided for border security. The Kazakh side "
        "appreciated the provision by Japan of a grant of 500 million yen for medical equipment."
    )
    assert [p.by for p in ex(text).pledges] == ["South Korea", "European Union", "Japan"]


def test_an_announcement_owned_by_a_party_and_money_to_be_received_from_a_lender():
    text = (
        "We welcome the EU's announcement of €300 million for connectivity. Kyrgyzstan will receive "
        "$30 million from the World Bank for schools. Kyrgyzstan received $12 million in remittances."
    )
    r = ex(text)
    assert [(p.by, p.amount) for p in r.pledges] == [("European Union", 300e6), ("World Bank", 30e6)]
    assert [f.value for f in r.figures] == [12e6]


def test_the_bank_named_again_is_the_bank_named_before_and_future_times_do_not_date_a_pledge():
    text = (
        "ALMATY, 12 September 2023 – The EBRD has signed a loan of 20 billion tenge with a leasing "
        "company. The bank is also ready to provide a further 8 billion tenge next year. "
        "The Government of Japan has decided to provide a grant of 900 million yen for clinics."
    )
    got = [(p.by, p.amount, p.hedged, p.date) for p in ex(text, "2023-09-12").pledges]
    assert got == [
        ("European Bank for Reconstruction and Development", 20e9, False, None),
        ("European Bank for Reconstruction and Development", 8e9, True, None),
        ("Government of Japan", 900e6, False, None),
    ]


# --- purpose ---------------------------------------------------------------------------------------


def test_purpose_past_a_lender_name_and_not_inside_a_name():
    text = (
        "Deputies approved a loan of USD 40 million and a grant of USD 10 million from the Asian "
        "Development Bank (ADB) for the repair of irrigation canals. The loan is backed by a guarantee "
        "of €5 million provided by the European Union under the European Fund for Sustainable "
        "Development Plus."
    )
    got = [(p.amount, p.purpose) for p in ex(text).pledges]
    assert got == [
        (40e6, "the repair of irrigation canals"),
        (10e6, "the repair of irrigation canals"),
        (5e6, None),
    ]


def test_since_the_beginning_of_the_year_and_over_a_part_of_a_year():
    r = ex(
        "Since the beginning of the year, trade has reached $1.4 billion. Over the first ten months of "
        "2024, trade turnover grew by 12.4% to reach $2.45 billion. The leaders aim to raise trade to "
        "$5 billion in the coming years.",
        "2025-10-02",
    )
    assert [(f.value, f.period) for f in r.figures] == [
        (1.4e9, "2025-01/2025-10"),
        (12.4, "2024-01/2024-10"),
        (2.45e9, "2024-01/2024-10"),
        (5e9, None),
    ]


def test_a_share_in_a_trade_names_the_share():
    r = ex("The EU's share in Uzbekistan's trade stands at 12%.")
    assert [f.metric for f in r.figures] == ["share of Uzbekistan's trade"]


def test_beginning_of_the_year_runs_to_the_month_of_writing_after_since():
    import datetime as dt

    from communique.annotate.dates import find_dates

    text = "Since the beginning of the year trade grew. At the start of this year talks began."
    got = [(d.value, d.end) for d in find_dates(text, dt.date(2025, 10, 2))]
    assert got == [("2025-01", "2025-10"), ("2025-01", None)]


def test_half_a_billion_and_a_stated_conversion_does_not_hide_the_period_after_it():
    r = ex("Trade reached 1.5 trillion tenge ($3 billion) in 2024. Japan will provide half a billion dollars")
    # (the stated conversion is a figure of its own, of the same period: tune16 convention)
    assert [(f.value, f.unit, f.period) for f in r.figures] == [(1.5e12, "KZT", "2024"), (3e9, "USD", "2024")]
    assert [(p.amount, p.currency) for p in r.pledges] == [(5e8, "USD")]


def test_the_day_of_an_occasion_is_no_period_and_interest_in_financing_hedges():
    r = ex(
        "Kazakh and Chinese companies signed 28 agreements worth over $5.2 billion at the forum held in "
        "Astana on Tuesday. The EIB expressed its interest in financing a solar plant with a loan of up "
        "to EUR 150 million.",
        "2025-04-16",
    )
    assert [(f.value, f.period) for f in r.figures] == [(28, None), (5.2e9, None)]
    assert [(p.by, p.hedged) for p in r.pledges] == [("European Investment Bank", True)]


def test_a_further_amount_keeps_its_own_hedge_and_a_bank_named_first_after_between_lends():
    text = (
        "The German side announced that it will provide EUR 30 million through KfW for the repair of "
        "hydropower plants, and is ready to consider a further EUR 20 million for energy efficiency. "
        "The Parties welcomed the signing of a financing agreement of EUR 12 million between KfW and the "
        "Ministry of Finance of the Kyrgyz Republic for vocational education."
    )
    got = [(p.by, p.amount, p.hedged, p.purpose) for p in ex(text).pledges]
    assert got == [
        ("Germany", 30e6, False, "the repair of hydropower plants"),
        ("Germany", 20e6, True, "energy efficiency"),
        ("KfW Development Bank", 12e6, False, "vocational education"),
    ]


def test_the_union_and_its_member_states_give_as_the_union():
    r = ex("The European Union and its Member States announced €10 billion for the Trans-Caspian corridor.")
    assert [p.by for p in r.pledges] == ["European Union"]


def test_money_already_received_is_a_figure():
    r = ex(
        "Since joining ADB in 1998, Tajikistan has received more than $2.5 billion in ADB assistance, "
        "mostly in grants. Tajikistan will receive a further $40 million from the World Bank.",
        "2025-06-12",
    )
    assert [(f.value, f.period) for f in r.figures] == [(2.5e9, "1998/2025")]
    assert [(p.by, p.amount) for p in r.pledges] == [("World Bank", 40e6)]


def test_we_opening_a_later_clause_is_the_speakers_side_and_number_of_has_grown_to():
    text = (
        "Tashkent, 3 March 2025\n\n"
        "The EU Ambassador to Uzbekistan, Toivo Klaar, spoke about the partnership.\n\n"
        "\"We have allocated EUR 76 million for 2021-2024 and we are now preparing a new package of around "
        "EUR 100 million for 2025-2027,\" he said. The number of European companies in Uzbekistan has "
        "grown to about 1,100.\n"
    )
    r = ex(text, "2025-03-03")
    assert [(p.by, p.amount) for p in r.pledges] == [("European Union", 76e6), ("European Union", 100e6)]
    assert [(f.metric, f.value, f.qualifier) for f in r.figures] == [
        ("European companies in Uzbekistan", 1100, "about")
    ]


def test_parliaments_ratify_but_do_not_give_and_borrowing_from_a_lender_is_its_pledge():
    text = (
        "The Oliy Majlis ratified the agreement under which the Islamic Development Bank will provide "
        "$120 million for schools. Lawmakers backed a government plan to borrow €200 million from the EIB "
        "for the Bishkek bypass."
    )
    assert givers(text) == [
        ("Islamic Development Bank", 120e6, False),
        ("European Investment Bank", 200e6, True),
    ]


def test_metrics_named_after_a_share_and_rates():
    r = ex(
        "The EU is Kazakhstan's largest partner with a 30% share of its trade. Inflation fell to 8.5% in "
        "2024. The tariff was cut from 10% to 5%.",
        "2025-03-03",
    )
    assert [f.metric for f in r.figures] == ["share of trade", "inflation", "tariff", "tariff"]


def test_an_approved_budget_is_a_figure():
    r = ex("The government approved a $2 billion budget for 2025.", "2025-03-03")
    assert r.pledges == [] and [(f.metric, f.period) for f in r.figures] == [("budget", "2025")]


def test_purpose_stops_before_the_programme_it_falls_under():
    r = ex("The EU has allocated EUR 60 million for rural roads under its Multiannual Indicative Programme.")
    (p,) = r.pledges
    assert (p.purpose, p.program) == ("rural roads", "Multiannual Indicative Programme")


def test_a_signed_change_in_brackets_is_growth_and_does_not_hide_the_period():
    r = ex("Trade amounted to $1.2 billion (+10.2%) in 2024. Exports fell to $300 million (-5%) in 2023.")
    assert [(f.metric, f.period) for f in r.figures] == [
        ("trade", "2024"),
        ("trade growth", "2024"),
        ("exports", "2023"),
        ("exports growth", "2023"),
    ]
    assert r.figures[-1].value == -5


def test_money_launched_under_a_programme_is_its_owners_and_an_intention_hedges():
    text = (
        "The Parties welcomed the launch of the EUR 20 million Team Europe Initiative on water. They "
        "welcomed the intention of the Asian Development Bank to allocate USD 1 billion for roads."
    )
    assert givers(text) == [("European Union", 20e6, False), ("Asian Development Bank", 1e9, True)]


def test_a_sentence_opening_from_year_to_year_is_the_period():
    r = ex("From 2019 to 2024, investment totalled $2 billion.", "2025-03-01")
    assert [f.period for f in r.figures] == ["2019/2024"]


def test_purpose_is_not_read_from_the_next_clause():
    r = ex("The EU will provide €10 million, while Germany will add €5 million for schools.")
    assert [(p.by, p.purpose) for p in r.pledges] == [("European Union", None), ("Germany", "schools")]


def test_a_pledge_word_inside_a_name_or_the_next_clause_makes_no_pledge():
    text = (
        "The Saudi Fund for Development has financed projects worth $400 million in Kazakhstan since "
        "2011, and is considering a new loan of $100 million for schools. Saudi companies have invested "
        "$2.6 billion in Kazakhstan, and ACWA Power plans to invest a further $1.5 billion in a wind farm."
    )
    r = ex(text, "2025-10-21")
    assert [(p.by, p.amount, p.hedged) for p in r.pledges] == [("Saudi Fund for Development", 100e6, True)]
    assert [(f.value, f.period) for f in r.figures] == [(400e6, "2011/2025"), (2.6e9, None), (1.5e9, None)]


def test_an_instalment_into_a_fund_is_a_pledge():
    r = ex("Saidov said Uzbekistan intends to pay its second instalment of $30 million into the Turkic Fund.")
    assert [(p.by, p.amount, p.hedged) for p in r.pledges] == [("Uzbekistan", 30e6, True)]


def test_we_in_a_quotation_is_its_speakers_side_and_another_clause_neither_dates_nor_explains():
    text = (
        "Ashgabat, 10 June 2025\n\n"
        "The European Union and Turkmenistan held the 12th meeting of their Joint Committee in Ashgabat on "
        "9 June 2025.\n\n"
        "\"The EU stands ready to mobilise up to €100 million for renewable energy in Turkmenistan,\" said "
        "the EU Special Representative for Central Asia, Eduards Stiprais. \"We are also providing €8 "
        "million to support reforms in education.\"\n\n"
        "The Turkmen side informed that it will invest $500 million in a new solar park and that trade with "
        "the EU amounted to €1.1 billion in 2024.\n"
    )
    got = [(p.by, p.amount, p.purpose, p.date) for p in ex(text, "2025-06-10").pledges]
    assert got == [
        ("European Union", 100e6, "renewable energy in Turkmenistan", "2025-06-09"),
        ("European Union", 8e6, "support reforms in education", "2025-06-09"),
        ("Turkmenistan", 500e6, None, "2025-06-09"),
    ]


def test_a_package_broken_down_in_the_next_sentence_keeps_its_giver():
    text = (
        "Uzbekistan and the World Bank signed financing agreements worth $1.2 billion on Tuesday for "
        "education and water projects. The package includes a $500 million loan for school modernisation "
        "and a $700 million loan for irrigation. The International Finance Corporation, the bank's private "
        "sector arm, is also considering investing up to $200 million in Uzbek banks. Uzbekistan's economy "
        "grew 6.5% last year."
    )
    r = ex(text, "2025-04-08")
    assert [(p.by, p.amount, p.purpose, p.hedged) for p in r.pledges] == [
        ("World Bank", 1.2e9, "education and water projects", False),
        ("World Bank", 500e6, "school modernisation", False),
        ("World Bank", 700e6, "irrigation", False),
        ("International Finance Corporation", 200e6, None, True),
    ]
    assert [(f.metric, f.period) for f in r.figures] == [("GDP growth", "2024")]


def test_passive_and_from_givers_named_by_demonym_and_money_made_available():
    text = (
        "Up to €50 million could be made available by the EIB for the project. The $40 million project is "
        "funded by the Japanese government. Funding of $10 million will come from the Korean government. "
        "The Japanese contribution to the project totals $12 million."
    )
    assert givers(text) == [
        ("European Investment Bank", 50e6, True),
        ("Japan", 40e6, False),
        ("South Korea", 10e6, False),
        ("Japan", 12e6, False),
    ]


def test_a_count_spelled_out_item_by_item_is_no_figure():
    r = ex(
        "The sides signed 5 documents: an agreement on transit, a memorandum on energy, a protocol, a "
        "roadmap and a plan. The sides signed three agreements, on transit, energy and education. "
        "Following the talks, 12 agreements were signed."
    )
    assert [(f.metric, f.value) for f in r.figures] == [("agreements", 12)]


def test_gapped_givers_after_a_comma_and_a_new_subject_after_with():
    text = (
        "The EIB will lend €100 million, the EBRD €80 million and the ADB $50 million. The EU allocated "
        "€10 million for water, €5 million for health and €3 million for education. The EU will "
        "contribute €40 million, with Germany adding €10 million."
    )
    got = [(p.by, p.amount, p.purpose) for p in ex(text).pledges]
    assert got == [
        ("European Investment Bank", 100e6, None),
        ("European Bank for Reconstruction and Development", 80e6, None),
        ("Asian Development Bank", 50e6, None),
        ("European Union", 10e6, "water"),
        ("European Union", 5e6, "health"),
        ("European Union", 3e6, "education"),
        ("European Union", 40e6, None),
        ("Germany", 10e6, None),
    ]


def test_an_aside_or_the_main_clause_lends_no_hedge_and_the_next_amount_keeps_its_purpose():
    text = (
        "The EU, which could become the largest donor, will provide €10 million for schools. The bank, "
        "which approved a $50 million loan last year, is now considering a second loan of $70 million. "
        "Japan, which has provided $3 billion since 1993, will add a further $100 million for hospitals."
    )
    out = ex(text)
    got = [(p.amount, p.hedged, p.purpose) for p in out.pledges]
    assert got == [
        (10e6, False, "schools"),
        (50e6, False, None),
        (70e6, True, None),
        (100e6, False, "hospitals"),
    ]
    # "has provided $3 billion since 1993": money already given up to now, a running total (figure)
    assert [f.value for f in out.figures if f.unit == "USD"] == [3e9]


def test_money_subject_to_approval_is_hedged():
    r = ex("The ADB will provide $100 million for the road, subject to approval by its board.")
    assert [(p.by, p.hedged) for p in r.pledges] == [("Asian Development Bank", True)]


# --- qualifiers of figures (qa4) ------------------------------------------------------------------


def test_estimated_at_is_about():
    r = ex("The total cost of the new bridge is estimated at 120 billion tenge, officials said.")
    assert [(f.value, f.unit, f.qualifier) for f in r.figures] == [(120e9, "KZT", "about")]


def test_markdown_emphasis_between_qualifier_and_amount():
    r = ex("The bank's portfolio in Armenia has a total value of about **EUR 90 million**.")
    assert [(f.value, f.unit, f.qualifier) for f in r.figures] == [(90e6, "EUR", "about")]


def test_a_sum_so_far_takes_the_publication_year():
    r = ex("The ministers noted that the bank had so far disbursed EUR 2.1 billion.", "2025-05-02")
    assert [(f.value, f.period) for f in r.figures] == [(2.1e9, "2025")]


def test_a_portfolio_that_has_reached_a_sum_takes_the_publication_year():
    r = ex("The company says its portfolio in Georgia has reached about $3 billion.", "2025-05-02")
    assert [(f.value, f.period, f.qualifier) for f in r.figures] == [(3e9, "2025", "about")]


def test_a_count_that_now_operates_keeps_no_period():
    r = ex("More than 400 enterprises with Korean capital now operate in Armenia.", "2025-05-02")
    assert [(f.value, f.unit, f.period) for f in r.figures] == [(400, "count", None)]


def test_a_goal_takes_no_period_from_the_figure_before_it():
    text = (
        "Trade reached 2.1 billion US dollars in 2024 and the sides set the goal of raising it "
        "to 5 billion US dollars."
    )
    got = {f.value: f.period for f in ex(text, "2025-05-02").figures}
    assert got == {2.1e9: "2024", 5e9: None}


def test_a_date_after_a_contrasting_clause_is_not_the_figure_s():
    text = (
        "Exports rose in January-April, up 12% year on year, while the ministers expect "
        "the route to carry more traffic by 2028."
    )
    got = {f.value: f.period for f in ex(text, "2025-05-02").figures if f.unit == "percent"}
    assert got == {12.0: "2025-01/2025-04"}


def test_a_running_total_since_a_year_is_a_figure_not_a_pledge():
    r = ex("Since 2002, the bank has provided more than EUR 1.8 billion to Georgia.", "2025-05-02")
    assert r.pledges == []
    assert [(f.value, f.period, f.qualifier) for f in r.figures] == [(1.8e9, "2002/2025", "more than")]


def test_has_since_runs_from_the_date_told_before():
    text = (
        "The bank opened its office in Tbilisi in March 2019. "
        "It has since financed 23 energy projects in the country."
    )
    got = {f.value: f.period for f in ex(text, "2025-05-02").figures}
    assert got == {23: "2019/2025"}


def test_a_count_of_loans_spelled_out_after_a_colon_is_no_figure():
    text = (
        "The fund signed two loan agreements with Armenia worth EUR 90 million in all: "
        "EUR 60 million for roads and EUR 30 million for water."
    )
    assert [f for f in ex(text, "2025-05-02").figures if f.unit == "count"] == []


def test_a_sum_worked_out_from_parts_and_a_pledge_named_again_are_no_figures():
    text = (
        "The bank signed loans worth a combined EUR 90 million with Armenia. "
        "The parts come to EUR 95 million, not the EUR 90 million in the bank's release."
    )
    assert ex(text, "2025-05-02").figures == []


def test_loans_and_grants_in_a_table_are_pledges_of_the_lender_named_before():
    text = (
        "The minister received a delegation of the Kuwait Fund for Arab Economic Development.\n\n"
        "| Instrument | Amount | Stage |\n"
        "|---|---|---|\n"
        "| Loan for the Osh bypass | USD 40 million | signed 3 March 2025 |\n"
        "| Grant for clinics | USD 5 million | under consideration |\n"
    )
    r = ex(text, "2025-05-02")
    got = [(p.amount, p.hedged, p.date) for p in r.pledges]
    assert got == [(40e6, False, "2025-03-03"), (5e6, True, None)]
    assert {p.by for p in r.pledges} == {"Kuwait Fund for Arab Economic Development"}
    assert [f for f in r.figures if f.unit == "USD"] == []


def test_the_value_a_target_change_starts_from_is_today_s():
    text = "The programme is expected to raise the share of renewables from 8% to 20% by 2030."
    got = {f.value: f.period for f in ex(text, "2025-05-02").figures}
    assert got == {8.0: "2025", 20.0: "2030"}


def test_a_fund_thanked_by_its_bare_head_gives_and_its_table_row_is_no_second_pledge():
    r = ex(
        "The Minister received a delegation of the Kuwait Fund for Arab Economic Development. He thanked "
        "the Fund for its loan of USD 50 million for the Vakhsh road, signed in 2022.\n\n"
        "| Instrument | Amount | Stage |\n|---|---|---|\n| Loan for the Vakhsh road | USD 50 million | "
        "under implementation |\n"
    )
    assert [(p.by, p.amount, p.date) for p in r.pledges] == [
        ("Kuwait Fund for Arab Economic Development", 50e6, "2022")
    ]
    assert not r.figures


def test_the_party_after_where_opens_the_clause_of_the_pledge():
    text = (
        "The road is part of the Global Gateway and follows the EU-Asia Transport Forum held in Brussels "
        "in May, where the EBRD said it stood ready to invest up to EUR 2 billion in roads."
    )
    assert givers(text) == [("European Bank for Reconstruction and Development", 2e9, True)]


def test_the_month_may_is_no_hedge():
    text = "In May 2023 Japan announced USD 30 million in grants for Mongolia."
    assert givers(text) == [("Japan", 30e6, False)]
    assert givers("Japan may provide USD 30 million in grants for Mongolia.") == [("Japan", 30e6, True)]


def test_a_target_year_of_the_sentence_before_dates_no_figure_reached():
    r = ex(
        "The sides set the goal of raising trade to $5 billion by 2030. Georgian investments in "
        "Armenia reached $2 billion, the largest share in energy.",
        published="2025-09-11",
    )
    assert [(f.value, f.period) for f in r.figures] == [(5e9, "2030"), (2e9, None)]


def test_a_count_in_reported_speech_takes_the_relative_period_of_its_clause():
    r = ex(
        "The minister noted that exports rose 8% to USD 900 million in January–June, and that over the "
        "past three years the number of joint ventures in Armenia had reached 640.",
        published="2025-09-11",
    )
    assert [(f.value, f.period) for f in r.figures if f.unit == "count"] == [(640.0, "2022/2025")]


def test_a_relative_period_of_the_clause_before_dates_no_share_after_and():
    r = ex(
        "Trade with Armenia has doubled over the past decade, and the country remains its second "
        "partner, accounting for about 9% of its foreign trade.",
        published="2025-09-11",
    )
    assert [(f.value, f.period) for f in r.figures if f.unit == "percent"] == [(9.0, None)]


def test_within_the_next_years_is_the_period_of_a_target():
    text = "The presidents set a target of $3 billion in annual trade within the next five years."
    r = ex(text, "2025-04-11")
    assert [(f.value, f.period) for f in r.figures] == [(3e9, "2025/2030")]


def test_a_share_told_right_after_a_sum_takes_its_period():
    r = ex(
        "Trade between Armenia and Iran in January–June 2025 amounted to USD 400 million. Iran "
        "accounted for about 7% of Armenia's foreign trade.",
        published="2025-08-11",
    )
    assert [(f.value, f.period) for f in r.figures] == [(400e6, "2025-01/2025-06"), (7.0, "2025-01/2025-06")]


def test_the_number_brought_to_and_a_people_in_the_plural_are_counts():
    r = ex(
        "The visa-free regime has brought the number of mutual trips to 800,000 in 2024. "
        "More than 20,000 Uzbeks live in the region.",
        published="2025-08-11",
    )
    assert [(f.metric, f.value, f.period) for f in r.figures] == [
        ("mutual trips", 800000.0, "2024"),
        ("Uzbeks", 20000.0, None),
    ]


def test_goods_are_counted_and_the_year_of_a_named_agreement_is_no_period():
    r = ex(
        "The ministers signed a protocol amending the Free Trade Agreement of 2019, extending it to 45 "
        "additional goods.",
        published="2025-03-05",
    )
    assert [(f.metric, f.value, f.period) for f in r.figures] == [("additional goods", 45.0, None)]


def test_a_change_told_as_a_fraction_is_a_percent_figure():
    r = ex("Trade with Armenia has grown by a third over the past three years.", published="2025-09-11")
    assert [(f.value, f.unit, f.period) for f in r.figures] == [(33.3, "percent", "2022/2025")]


def test_a_count_told_with_a_present_sum_in_its_clause_takes_the_year_of_publication():
    r = ex(
        "The bank said its Armenian portfolio has reached about $2 billion across 40 projects.",
        published="2025-09-11",
    )
    assert [(f.unit, f.value, f.period) for f in r.figures] == [("USD", 2e9, "2025"), ("count", 40.0, "2025")]


def test_a_state_s_own_agency_it_gives_through_gives():
    text = (
        "The minister thanked the French side for EUR 3 million provided through the French "
        "Development Agency for water supply."
    )
    assert [p.by for p in ex(text).pledges] == ["Agence Française de Développement"]
