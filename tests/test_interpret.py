"""Interpret: the reported meeting, pledges vs figures, hedging, periods, referenced events, and the
publication date the text is placed in time with."""

from __future__ import annotations

from communique import extract
from communique.interpret.document import anchor_date


def ex(text: str, published: str | None = "2024-11-13"):
    return extract(text, published=published)


# --- meetings -------------------------------------------------------------------------------------


def test_meeting_with_word_ordinal_day_place_and_heads():
    text = (
        "Kazakh-German working group meets in Berlin\n\n"
        "The fifteenth meeting of the Kazakhstan-Germany Intergovernmental Working Group on Trade and "
        "Economic Cooperation was held in Berlin on 12 November. The Kazakh delegation was headed by Vice "
        "Minister of Trade and Integration Aidos Temirkhanov, and the German delegation by Henrike Vollmer, "
        "Director-General for Foreign Trade Policy.\n"
    )
    (m,) = ex(text).meetings
    assert m.number == 15
    assert m.date == "2024-11-12"
    assert m.place == "Berlin"
    assert m.format == "in-person"
    assert "Intergovernmental Working Group" in m.body and m.parties == ["Kazakhstan", "Germany"]
    assert {h.name for h in m.heads} == {"Aidos Temirkhanov", "Henrike Vollmer"}


def test_roman_ordinal_in_headline_and_hybrid_format():
    text = (
        "Kazakhstan and China hold XII meeting of the Cooperation Committee in Beijing\n\n"
        "ASTANA, 19.03.2025. The twelfth meeting of the Kazakhstan-China Cooperation Committee took place in "
        "Beijing on 18 March. Several officials joined by video link from Astana.\n"
    )
    (m,) = ex(text, None).meetings
    assert (m.number, m.date, m.place, m.format) == (12, "2025-03-18", "Beijing", "hybrid")


def test_virtual_meeting_has_no_place_even_with_a_dateline():
    text = (
        "NUR-SULTAN, 28 September 2020 - The European Union and Kazakhstan held the eighteenth meeting of "
        "their Cooperation Committee on Friday, 25 September. Officials met by video conference.\n"
    )
    (m,) = ex(text, None).meetings
    assert (m.number, m.date, m.place, m.format) == (18, "2020-09-25", None, "virtual")


def test_dateline_gives_the_place_of_an_in_person_meeting():
    text = (
        "BRUSSELS - Kazakhstan's Foreign Minister Mukhtar Tileuberdi co-chaired the 17th meeting of the "
        "Kazakhstan-European Union Cooperation Council on Monday, 20 January.\n"
    )
    (m,) = ex(text, "2020-01-21").meetings
    assert (m.number, m.date, m.place) == (17, "2020-01-20", "Brussels")


def test_no_meeting_when_the_lead_names_no_body():
    text = (
        "The EU and Uzbekistan today signed a partnership agreement in Brussels.\n\n"
        "The next meeting of the EU-Uzbekistan Cooperation Council is expected in Tashkent next year.\n"
    )
    result = ex(text, "2025-10-24")
    assert result.meetings == []
    assert [(e.name, e.date, e.place) for e in result.events] == [
        ("EU–Uzbekistan Cooperation Council", "2026", "Tashkent")
    ]


# --- pledges and figures --------------------------------------------------------------------------


def test_hedged_and_firm_pledges_and_company_investment_as_figure():
    text = (
        "KfW Development Bank is prepared to extend up to EUR 400 million in loans for the power grid. "
        "The Federal Ministry for Economic Cooperation and Development signed a grant of EUR 12 million. "
        "German companies expect to invest between EUR 2 and 3 billion in hydrogen projects."
    )
    r = ex(text)
    pledges = {(p.by, p.amount, p.currency, p.hedged) for p in r.pledges}
    assert pledges == {
        ("KfW Development Bank", 400e6, "EUR", True),
        ("Federal Ministry for Economic Cooperation and Development", 12e6, "EUR", False),
    }
    (f,) = r.figures
    assert (f.value, f.value_max, f.unit, f.qualifier) == (2e9, 3e9, "EUR", "between")


def test_stated_conversion_is_kept_on_the_pledge_not_a_record():
    text = "The EU signalled its readiness to allocate 10 billion euros (US$11.5 billion) for the route."
    r = ex(text)
    (p,) = r.pledges
    assert (p.by, p.amount, p.currency, p.amount_usd_stated, p.hedged) == (
        "European Union",
        10e9,
        "EUR",
        11.5e9,
        True,
    )
    assert r.figures == []


def test_listed_parts_continue_the_pledge_before_them():
    text = (
        "Von der Leyen unveiled a Global Gateway investment package worth 12 billion euros. "
        "It has four strands: €3 billion for transport; €2.5 billion for raw materials; and €6.5 billion "
        "for energy."
    )
    r = ex("European Commission President Ursula von der Leyen spoke. " + text, "2025-04-04")
    assert [(p.amount, p.by, p.program) for p in r.pledges] == [
        (12e9, "European Commission", "Global Gateway"),
        (3e9, "European Commission", "Global Gateway"),
        (2.5e9, "European Commission", "Global Gateway"),
        (6.5e9, "European Commission", "Global Gateway"),
    ]
    assert r.figures == []  # "four strands" is the length of the list, not a count


def test_figure_periods():
    text = (
        "In 2024, bilateral trade rose to $48.7 billion – an increase of 16.9% from 2023 – with exports "
        "totaling $38.1 billion. Since 2005, European investment has exceeded $200 billion, and more than "
        "3,000 companies operate in the country. Over the past decade, Chinese investment has reached some "
        "14 bln US dollars. Trade came to about $39 billion in January-November 2019."
    )
    got = {(f.value, f.unit): (f.period, f.qualifier) for f in ex(text, "2025-06").figures}
    assert got[(48.7e9, "USD")] == ("2024", "exact")
    assert got[(16.9, "percent")] == ("2024", "exact")
    assert got[(38.1e9, "USD")] == ("2024", "exact")
    assert got[(200e9, "USD")] == ("2005/2025", "more than")
    assert got[(3000.0, "count")] == (None, "more than")
    assert got[(14e9, "USD")] == ("2015/2025", "about")
    assert got[(39e9, "USD")] == ("2019-01/2019-11", "about")


def test_shares_written_as_fractions():
    r = ex("The EU accounts for about half of Kazakhstan's foreign trade and over half of its investment.")
    assert [(f.value, f.unit, f.qualifier) for f in r.figures] == [
        (50.0, "percent", "about"),
        (50.0, "percent", "more than"),
    ]


def test_money_received_or_traded_is_never_a_pledge():
    r = ex("In 2021 Kazakhstan ran a trade surplus with the EU of about €12 billion.")
    assert r.pledges == [] and [(f.value, f.period) for f in r.figures] == [(12e9, "2021")]


# --- events ---------------------------------------------------------------------------------------


def test_referenced_events_with_dates_and_places():
    text = (
        "The Cooperation Council between the European Union and Kazakhstan held its fourteenth session in "
        "Brussels on Tuesday, 3 March.\n\n"
        "The sides looked back at the thirteenth Council, which met in July 2013, and at President Kassym-"
        "Jomart Tokayev's first official visit to Brussels last November. The EU's new Strategy on Central "
        "Asia, adopted last June, was discussed. Astana will host EXPO-2017 in two years' time.\n"
    )
    events = {e.name: (e.date, e.place) for e in ex(text, "2015-03-04").events}
    assert events["13th EU–Kazakhstan Cooperation Council"] == ("2013-07", None)
    assert events["President Kassym-Jomart Tokayev's first official visit to Brussels"] == (
        "2014-11",
        "Brussels",
    )
    assert events["adoption of the EU's new Strategy on Central Asia"] == ("2014-06", None)
    assert events["EXPO-2017"] == ("2017", "Astana")


def test_same_day_occasion_takes_the_meeting_date():
    text = (
        "Murat Nurtleu co-chaired the 20th meeting of the Kazakhstan–EU Cooperation Council in "
        "Luxembourg on 23 October.\n\nNurtleu attended the 19th Central Asia–EU ministerial meeting, "
        "held in Luxembourg the same day.\n"
    )
    events = ex(text, "2023-10-24").events
    assert [(e.name, e.date, e.place) for e in events] == [
        ("19th Central Asia–EU Ministerial Meeting", "2023-10-23", "Luxembourg")
    ]


# --- publication date -----------------------------------------------------------------------------


def test_publication_date_from_the_dateline_is_marked_inferred():
    r = ex("ASTANA, 19.03.2025. The parties met.", None)
    assert (r.document.published, r.document.published_inferred) == ("2025-03-19", True)


def test_text_that_cannot_be_placed_in_time_says_so():
    r = ex("The parties met on Tuesday and agreed to meet again next year.", None)
    assert r.document.published is None
    assert [f.kind for f in r.flags] == ["undated"]


def test_anchor_of_a_month_is_its_last_day():
    assert str(anchor_date("2025-06")) == "2025-06-30"
    assert str(anchor_date("2024-02")) == "2024-02-29"
    assert anchor_date("not a date") is None


def test_a_side_named_by_demonym_gives_a_pledge():
    r = ex("The European side announced its intention to allocate €12 million for small businesses.")
    assert [(p.by, p.amount, p.hedged) for p in r.pledges] == [("European Union", 12e6, True)]


def test_political_consultations_are_a_meeting_with_heads():
    # a numbered round; one without its ordinal is an occasion (test_interpret_meetings_sittings.py)
    text = (
        "BRUSSELS – Kazakhstan's Deputy Foreign Minister Roman Vassilenko held the 9th round of political "
        "consultations with EEAS Deputy Secretary General Enrique Mora in Brussels on 5 February.\n"
    )
    (m,) = ex(text, "2024-02-06").meetings
    assert (m.date, m.place) == ("2024-02-05", "Brussels")
    assert "Political Consultations" in m.body
    assert {h.name: h.side for h in m.heads} == {
        "Roman Vassilenko": "Kazakhstan",
        "Enrique Mora": "European Union",
    }


def test_growth_before_the_value_it_reaches():
    r = ex(
        "According to the President, bilateral trade grew by 3.2% last year to $41.6 billion.", "2024-03-12"
    )
    got = {(f.value, f.unit): (f.metric, f.period) for f in r.figures}
    assert got[(3.2, "percent")] == ("bilateral trade growth", "2023")
    assert got[(41.6e9, "USD")] == ("bilateral trade", "2023")


def test_an_upcoming_forum_keeps_its_own_date_and_place():
    text = (
        "They discussed the memorandum signed in November 2022 and preparations for the second "
        "EU-Central Asia Economic Forum to be held in Almaty in May."
    )
    events = ex(text, "2024-03-12").events
    assert [(e.name, e.date, e.place) for e in events] == [
        ("second EU-Central Asia Economic Forum", "2024-05", "Almaty")
    ]


def test_counts_with_adjectives_and_projects_worth_money_are_figures():
    text = (
        "More than 150 representatives attended. Shakkaliyev noted that 25 joint projects worth $2.5 billion "
        "are being implemented, creating around 6,000 jobs."
    )
    r = ex(text, "2024-06-06")
    assert r.pledges == []
    got = {(f.value, f.unit): (f.metric, f.qualifier) for f in r.figures}
    assert got[(150.0, "count")] == ("representatives", "more than")
    assert got[(25.0, "count")] == ("joint projects", "exact")
    assert got[(6000.0, "count")][1] == "about"
    assert (2.5e9, "USD") in got


def test_day_numbers_are_not_counts():
    r = ex("The EPCA has been applied since 1 May 2016 in 29 areas of cooperation.", "2020-01-21")
    assert [(f.value, f.unit) for f in r.figures] == [(29.0, "count")]


def test_a_body_set_up_in_a_year_is_a_launch_event():
    r = ex(
        "The Kazakhstan-EU Business Council was established in 2021 on the initiative of the President.",
        "2024-06-06",
    )
    assert [(e.name, e.date) for e in r.events] == [("launch of the Kazakhstan-EU Business Council", "2021")]


def test_the_subject_of_the_pledge_clause_gives():
    r = ex(
        "Weyand said the European Commission intends to open an office and announced that the EU plans to "
        "allocate €5 million for a trade programme.",
        "2024-06-06",
    )
    assert [(p.by, p.hedged) for p in r.pledges] == [("European Union", True)]


def test_pledge_date_is_the_reported_occasion_and_program_stays_in_its_clause():
    text = (
        "BRUSSELS, 24 October - The EU and Uzbekistan today signed a partnership agreement.\n\n"
        "The European Investment Bank signed a €200 million loan for water supply, and the Commission said "
        "it plans to add €45 million in Global Gateway grants for vocational training.\n"
    )
    r = ex(text, "2025-10-24")
    got = {p.amount: (p.by, p.date, p.program, p.hedged) for p in r.pledges}
    assert got[200e6] == ("European Investment Bank", "2025-10-24", None, False)
    assert got[45e6] == ("European Commission", "2025-10-24", "Global Gateway", True)


def test_purpose_runs_over_a_list():
    r = ex(
        "The Commission announced the allocation of a 12 billion euros investment package aimed at improving "
        "infrastructure, energy, and digital interconnectivity between Europe and Central Asia.",
        "2025-06",
    )
    (p,) = r.pledges
    assert p.purpose == (
        "improving infrastructure, energy, and digital interconnectivity between Europe and Central Asia"
    )


def test_single_line_breaks_between_paragraphs_and_a_long_title():
    text = (
        "EU completes ratification of partnership pact as Kazakhstan-EU Cooperation Council meets\n"
        "BRUSSELS - Kazakhstan's Foreign Minister Mukhtar Tileuberdi co-chaired the 17th meeting of the "
        "Kazakhstan-European Union Cooperation Council on Monday, 20 January.\n"
        "The seventeenth Council coincided with a milestone.\n"
        "Trade came to about $39 billion in January-November 2019.\n"
    )
    r = ex(text, "2020-01-21")
    (m,) = r.meetings
    assert (m.number, m.date, m.place) == (17, "2020-01-20", "Brussels")
    assert r.events == []
    assert [(f.value, f.period) for f in r.figures] == [(39e9, "2019-01/2019-11")]


def test_period_is_not_inherited_across_distant_sentences():
    text = (
        "Trade came to about $39 billion in January-November 2019. The sides met. They talked. "
        "German companies expect to invest between EUR 2 and 3 billion."
    )
    periods = {f.value: f.period for f in ex(text, "2020-01-21").figures}
    assert periods == {39e9: "2019-01/2019-11", 2e9: None}


def test_a_body_type_used_as_an_ordinary_phrase_is_no_meeting():
    r = ex(
        "The agreement covers political dialogue, trade and investment. It was signed today in Astana.",
        "2015-12-21",
    )
    assert r.meetings == []
    r = ex("Leaders gathered for the first EU-Central Asia summit in Samarkand on 4 April.", "2025-04-04")
    assert [(m.body, m.number, m.place) for m in r.meetings] == [("EU–Central Asia Summit", 1, "Samarkand")]


def test_first_meeting_since_is_not_the_number():
    text = (
        "The EU and Kazakhstan held the eighteenth meeting of their Cooperation Committee on Friday, "
        "25 September. It was the first Committee meeting since the agreement entered into force."
    )
    (m,) = ex(text, "2020-09-28").meetings
    assert m.number == 18


def test_meeting_named_in_the_paragraph_after_the_lead():
    text = (
        "Kazakhstan and EU discuss cooperation\n\n"
        "ASTANA – Kazakhstan and the EU discussed prospects for cooperation in Brussels on Monday.\n\n"
        "The talks took place within the framework of the 23rd meeting of the Kazakhstan-EU Cooperation "
        "Committee, co-chaired by Deputy Foreign Minister Roman Vassilenko.\n\n"
        "The next Cooperation Council will be held in Luxembourg.\n"
    )
    for t in (text, text.replace("\n\n", "\n")):
        r = ex(t, "2024-11-19")
        assert [(m.number, m.date, m.place) for m in r.meetings] == [(23, "2024-11-18", "Brussels")]
        assert [(e.name, e.place) for e in r.events] == [("Kazakhstan–EU Cooperation Council", "Luxembourg")]


def test_a_next_sitting_after_the_lead_is_no_reported_meeting():
    r = ex(
        "Kazakhstan and the EU discussed cooperation.\n\nThe next Cooperation Council will be held in "
        "Luxembourg in 2025.\n",
        "2024-11-19",
    )
    assert r.meetings == []


def test_a_party_that_plans_to_invest_pledges_but_past_investment_is_a_figure():
    r = ex(
        "The EU plans to invest €300 million in renewable energy in the region by 2030. The EU invested "
        "€1.2 billion in the region between 2014 and 2020.",
        "2024-05-01",
    )
    assert [(p.by, p.amount, p.hedged) for p in r.pledges] == [("European Union", 300e6, True)]
    assert [(f.value, f.period) for f in r.figures] == [(1.2e9, "2014/2020")]


def test_recurring_international_occasions():
    r = ex(
        "The President will attend COP29 in Baku in November. He addressed the UN General Assembly in New "
        "York in September.",
        "2024-05-01",
    )
    assert [(e.name, e.date, e.place) for e in r.events] == [
        ("COP29", "2024-11", "Baku"),
        ("UN General Assembly", "2023-09", "New York"),
    ]


# --- generalisation: pledge wording beyond the dev corpus -----------------------------------------


def test_bank_named_with_export_is_a_giver_not_a_trade_figure():
    text = (
        "The Japanese side said the Export-Import Bank of Japan will provide USD 120 mn for the upgrade of "
        "water networks in Osh. Ministers added that UK Export Finance stands ready to provide up to £80m "
        "for solar parks."
    )
    e = ex(text)
    assert not e.figures
    jbic, ukef = e.pledges
    assert (jbic.by, jbic.amount, jbic.hedged) == ("Export-Import Bank of Japan", 120e6, False)
    assert (ukef.by, ukef.currency, ukef.hedged) == ("UK Export Finance", "GBP", True)


def test_hedge_of_the_previous_clause_does_not_leak():
    text = (
        "The project is co-financed by the Islamic Development Bank, which is expected to provide "
        "$40 million, "
        "while the Government of Armenia will contribute $9 million to the programme."
    )
    isdb, gov = ex(text).pledges
    assert isdb.hedged is True
    assert (gov.by, gov.hedged) == ("Government of Armenia", False)


def test_bare_government_and_embassy_are_named_givers():
    text = (
        "The Senate approved the agreement between the Government of the Republic of Kyrgyzstan and the "
        "Government of Hungary on pensions. The Government has earmarked KGS 900 million for rural clinics. "
        "The Italian Embassy has also allocated EUR 2 million for teacher training. "
        "The Kazakh government will allocate USD 7 million for bridges."
    )
    gov, emb, kz = ex(text).pledges
    assert gov.by == "Government of Kyrgyzstan"
    assert emb.by == "Italian Embassy"
    assert kz.by == "Government of Kazakhstan"


def test_first_half_of_a_year_is_no_share():
    e = ex("In the first half of 2024 bilateral trade rose 12% to USD 800 million.")
    assert all(f.value != 50 for f in e.figures)


# --- generalisation: bodies beyond the dev corpus -------------------------------------------------


def test_unfamiliar_body_types_are_meetings():
    cases = {
        "The 4th round of the Kazakhstan – European Union High-Level Energy Dialogue took place in Astana "
        "on 3 October.": ("High-Level Dialogue", 4),
        "On 8 October the III meeting of the Kazakhstan–Uzbekistan Supreme Interstate Council was held "
        "in Khiva.": ("Supreme Interstate Council", 3),
        "The fifth Consultative Meeting of the Heads of State of Central Asia was held in Dushanbe on "
        "14 September.": ("Consultative Meeting of the Heads of State of Central Asia", 5),
    }
    for text, (body, number) in cases.items():
        (m,) = ex(text).meetings
        assert body in m.body or m.body.endswith(body.split()[-1]), m.body
        assert m.number == number


def test_byline_is_not_the_lead_and_hosted_reports_a_sitting():
    text = (
        "Caspian leaders agree to cut tariffs\n\n"
        "By Jane Roe\n\n"
        "ALMATY, Oct 2 (Reuters) - The leaders of three Caspian states met on Wednesday to discuss trade.\n\n"
        "President Kassym-Jomart Tokayev hosted the fourth Economic Dialogue of the Caspian States, "
        "which focused on ports.\n"
    )
    (m,) = ex(text, "2024-10-02").meetings
    assert "Economic Dialogue" in m.body and m.number == 4


# --- generalisation: referenced events beyond the dev corpus --------------------------------------


def _events(text: str, published: str = "2024-06-20") -> dict[str, tuple]:
    return {e.name: (e.date, e.place) for e in ex(text, published).events}


def test_generic_sittings_of_the_reported_body():
    ev = _events(
        "The 7th meeting of the Armenia–Georgia Intergovernmental Commission was held in Yerevan on 19 June. "
        "The co-chairs recalled that the last session, held in Tbilisi in 2022, set up three working groups. "
        "They agreed to hold the next session in Batumi in 2025."
    )
    assert ev["6th session of the Armenia–Georgia Intergovernmental Commission"] == ("2022", "Tbilisi")
    assert ev["8th session of the Armenia–Georgia Intergovernmental Commission"] == ("2025", "Batumi")


def test_round_of_a_dialogue_and_a_session_of_another_body():
    ev = _events(
        "The second round of the Kazakhstan–Japan Strategic Dialogue took place in Tokyo on 18 June. "
        "The third round of the dialogue will be held in Astana in 2025. Japan backed the 30th session of "
        "the Conference of the Parties to the UN Framework Convention on Climate Change (COP30) in Belem "
        "in November 2025."
    )
    assert ev["3rd round of the Kazakhstan–Japan Strategic Dialogue"] == ("2025", "Astana")
    cop = [n for n in ev if "COP30" in n]
    assert cop == [
        "30th session of the Conference of the Parties to the UN Framework Convention on Climate "
        "Change (COP30)"
    ]
    assert not any(n.startswith("30th session of the Kazakhstan") for n in ev)


def test_whose_summit_is_the_organisation_summit():
    ev = _events(
        "The ministers discussed the Organization of Turkic States, whose summit in Bishkek on 5–6 November "
        "2024 adopted a charter."
    )
    assert ev["Organization of Turkic States summit"] == ("2024-11-05", "Bishkek")


def test_cop_climate_summit_keeps_its_noun():
    ev = _events("Officials met ahead of the COP31 climate summit in Ankara in November 2026.")
    assert ev == {"COP31 climate summit": ("2026-11", "Ankara")}


# --- generalisation: periods of counts and amounts ------------------------------------------------


def _periods(text: str, published: str = "2025-03-01") -> dict[float, str | None]:
    return {f.value: f.period for f in ex(text, published).figures}


def test_since_reaches_a_count_in_its_clause_or_in_the_present_perfect():
    p = _periods(
        "Since 2016 more than 1,500 students have studied in Poland. "
        "Since 2010, Polish investment has exceeded $3 billion, and some 400 Polish firms operate in "
        "the country. Since joining the bank in 1994, Armenia has received $1.2 billion, and the bank "
        "has financed over 90 companies."
    )
    assert p[1500] == "2016/2025"
    assert p[400] is None
    assert p[90] == "1994/2025"


def test_a_year_in_another_clause_does_not_date_a_state():
    p = _periods(
        "Trade grew by 8% in 2024 and reached USD 900 million, and that more than 120 firms operate here."
    )
    assert p[120] is None


def test_since_in_the_previous_clause_does_not_make_a_range():
    p = _periods("Trade has tripled since 2012 and in the first nine months of 2024 reached USD 1.4 billion.")
    assert p[1.4e9] == "2024-01/2024-09"


def test_partial_dateline_is_not_the_meeting_date_and_city_hosted_is_the_place():
    text = (
        "Armenia and the EU hold dialogue\n\n"
        "Yerevan, 14 March – On Wednesday, Rome hosted the 4th meeting of the Armenia – EU Justice "
        "Sub-Committee. Experts from two agencies joined the session by videoconference."
    )
    (m,) = ex(text, "2025-03-14").meetings
    assert m.date == "2025-03-12"
    assert m.place == "Rome"
    assert m.format == "hybrid"


def test_body_named_as_a_time_reference_is_an_event_not_the_meeting():
    text = (
        "Caspian briefing\n\n"
        "BAKU, 10 October 2025 – Three months after the EU–Central Asia Summit in Samarkand, officials "
        "gave a briefing on ports. The Asian Development Bank is ready to lend up to $200 million for "
        "ferries, a bank official said. The EUR 5 bn envelope that Ursula von der Leyen, President of "
        "the European Commission, announced at the Samarkand summit in July includes EUR 1 bn for ports.\n"
    )
    e = ex(text, "2025-10-10")
    assert e.meetings == []
    assert [(x.name, x.date, x.place) for x in e.events] == [
        ("EU–Central Asia Summit", "2025-07", "Samarkand")
    ]
    adb = next(p for p in e.pledges if p.amount == 200e6)
    ec = next(p for p in e.pledges if p.amount == 5e9)
    assert (adb.by, adb.hedged, adb.purpose, adb.date) == ("Asian Development Bank", True, "ferries", None)
    assert (ec.by, ec.amount, ec.date) == ("European Commission", 5e9, "2025-07")


def test_months_before_an_event_dates_the_event():
    ev = _events(
        "The ministers met on Friday, four months before the COP31 climate summit in Ankara.", "2026-07-10"
    )
    assert ev == {"COP31 climate summit": ("2026-11", "Ankara")}


def test_meeting_day_inside_a_stated_range_gives_the_range():
    text = (
        "Leaders close summit\n\n"
        "**TASHKENT, 6 June 2025** — Leaders ended the first EU–Caucasus Summit in Tashkent on Friday.\n\n"
        "The summit, held on 5–6 June, was chaired by the host.\n"
    )
    (m,) = ex(text, "2025-06-06").meetings
    assert (m.date, m.date_end) == ("2025-06-05", "2025-06-06")


def test_bare_government_with_a_reporting_verb_names_its_country():
    e = ex(
        "Trade with Kazakhstan grew. The government said it has earmarked 40 billion tenge this year "
        "for labs."
    )
    (p,) = e.pledges
    assert p.by == "Government of Kazakhstan"


def test_counts_of_people_named_by_demonym_trains_and_the_number_of():
    e = ex(
        "More than 300 young Kazakhs have studied in Poland over the past four years. "
        "Some 120 container trains crossed the border in 2024. "
        "The number of Polish tourists visiting Almaty tripled last year and exceeded 9 800.",
        "2025-03-01",
    )
    got = {f.value: (f.metric, f.period, f.qualifier) for f in e.figures}
    assert got[300] == ("young Kazakhs", "2021/2025", "more than")
    assert got[120][0] == "container trains" and got[120][1] == "2024"
    assert got[9800][0].startswith("Polish tourists") and got[9800][1:] == ("2024", "more than")


def test_government_of_a_long_country_name_is_the_giver():
    e = ex(
        "The envoy announced that the Government of the Republic of Korea will provide a grant of "
        "USD 9 million."
    )
    (p,) = e.pledges
    assert p.by == "Government of South Korea"


def test_the_sides_committed_to_raising_capital_is_a_joint_pledge():
    text = (
        "On 2 May 2025 the III meeting of the Kazakhstan–Kyrgyzstan Supreme Interstate Council was held in "
        "Bishkek.\n\n"
        "The Sides committed to raising the charter capital of the Kazakh–Kyrgyz Development Company to "
        "USD 300 million.\n"
    )
    (p,) = ex(text, "2025-05-02").pledges
    assert (p.by, p.amount, p.hedged) == ("Kazakhstan and Kyrgyzstan", 300e6, False)


def test_we_in_an_interview_is_the_interviewees_side():
    text = (
        "Envoy interview\n\n"
        "ASHGABAT – The Head of the Delegation of the European Union to Mongolia, Ambassador Ana Ruiz, "
        "answered our questions.\n\n"
        "– What about aid?\n\n"
        "– Under the programme for 2021–2024 we have allocated EUR 20 million to Mongolia, mostly for "
        "schools.\n"
    )
    (p,) = ex(text, "2024-03-01").pledges
    assert (p.by, p.amount, p.date) == ("European Union", 20e6, None)


def test_event_name_stops_at_a_finite_verb():
    ev = _events(
        "The Caspian Ports Forum on shipping between Asia and Europe ended in Baku today with deals."
    )
    assert "Caspian Ports Forum on shipping between Asia and Europe" in ev


def test_trilateral_meeting_on_the_development_of_a_named_route():
    text = (
        "Ministers agree on ferry works\n\n"
        "AKTAU, May 14. The third trilateral ministerial meeting on the development of the North–South "
        "Transport Corridor (NSTC) brought together the ministers of Kazakhstan, Turkmenistan and Iran in "
        "Aktau on Tuesday.\n\n"
        "The fourth meeting will be held in Ashgabat in 2026.\n"
    )
    e = ex(text, "2025-05-14")
    (m,) = e.meetings
    assert m.body.startswith("Trilateral Ministerial Meeting on the development of the North–South")
    assert (m.number, m.acronym) == (3, None)
    assert any(ev.name.startswith("4th Trilateral") and ev.place == "Ashgabat" for ev in e.events)


def test_same_period_and_a_year_earlier_counts():
    e = ex(
        "Freight on the route grew by 20% to USD 3 billion in January–June 2024. More than 80 ships used "
        "the port over the same period, against 65 a year earlier.",
        "2024-07-20",
    )
    got = {f.value: (f.metric, f.period) for f in e.figures if f.unit == "count"}
    assert got[80] == ("ships", "2024-01/2024-06")
    assert got[65] == ("ships", "2023-01/2023-06")


def test_purpose_stops_at_the_next_clause_and_intergovernmental_committee_is_a_body():
    e = ex(
        "The agency will extend a loan of 20 billion yen for the upgrade of the Fergana power grid, and "
        "Japanese companies plan to invest $300 million in textiles. The fourth Uzbekistan–Japan "
        "Intergovernmental Committee is scheduled for 2025 in Tokyo.",
        "2024-12-18",
    )
    (p,) = e.pledges
    assert p.purpose == "the upgrade of the Fergana power grid"
    assert [(x.name, x.date, x.place) for x in e.events] == [
        ("4th Uzbekistan–Japan Intergovernmental Committee", "2025", "Tokyo")
    ]


def test_joint_economic_commission_is_a_body():
    text = (
        "Bishkek, 4 June 2024 – The fifth meeting of the Kyrgyz–Turkish Joint Economic Commission was "
        "held in Bishkek on 3–4 June.\n"
    )
    (m,) = ex(text, "2024-06-04").meetings
    assert (m.body, m.number, m.date, m.date_end) == (
        "Kyrgyzstan–Turkey Joint Economic Commission",
        5,
        "2024-06-03",
        "2024-06-04",
    )


def test_the_owner_of_a_welcomed_offer_is_the_giver():
    e = ex(
        "Armenia welcomed Japan's decision to allocate USD 8 million for schools. Georgia praised the "
        "World Bank's new loan of USD 60 million for roads."
    )
    assert [(p.by, p.amount) for p in e.pledges] == [("Japan", 8e6), ("World Bank", 60e6)]


def test_dates_of_money_already_given_and_of_a_spending_span():
    text = (
        "The 9th meeting of the EU–Armenia Cooperation Committee was held in Yerevan on 19 November 2024.\n\n"
        "The EU recalled that it has mobilised EUR 40 million in grants for Armenia since 2020 and said it "
        "intends to provide a further EUR 25 million for energy efficiency in 2025–2027.\n"
    )
    out = ex(text, "2024-11-20")
    (planned,) = out.pledges
    assert (planned.amount, planned.date, planned.hedged) == (25e6, "2024-11-19", True)
    # money handed over since 2020, told in the present perfect: a running total up to now (dev
    # convention: money already given is a figure), with that span as its period
    (given,) = [f for f in out.figures if f.value == 40e6]
    assert given.period == "2020/2024"


def test_falls_number_of_and_year_earlier_values():
    e = ex(
        "Imports from Latvia fell by 6% in the first quarter of 2024 to USD 90 mn. "
        "The number of Latvian students enrolled in Almaty rose to 1 300 in 2023. "
        "Trade in January–April reached $2.1 billion, up from $1.8 billion in the same period last year.",
        "2024-06-01",
    )
    got = {f.value: (f.metric, f.period) for f in e.figures}
    assert got[-6][0].endswith("growth")  # a fall is negative growth (tune8 convention)
    assert got[1300] == ("Latvian students enrolled in Almaty", "2023")
    assert got[1.8e9][1] == "2023-01/2023-04"


def test_economic_committees_demarcation_commissions_and_bare_korea():
    cases = {
        "Hungary hosted the 10th meeting of the Hungarian–Kazakh Intergovernmental Economic Committee in "
        "Budapest on 9–10 October.": "Hungary–Kazakhstan Intergovernmental Economic Committee",
        "The ministers met in Osh on Monday for the 3rd session of the Tajik–Kyrgyz Joint Demarcation "
        "Commission.": "Tajikistan–Kyrgyzstan Joint Demarcation Commission",
        "The 4th meeting of the Kazakhstan–Korea Intergovernmental Commission met in Astana on 2 July.": (
            "Kazakhstan–South Korea Intergovernmental Commission"
        ),
    }
    for text, body in cases.items():
        (m,) = ex(text, "2024-10-11").meetings
        assert m.body == body


def test_side_readiness_and_capital_contributed_by_the_parties_are_pledges():
    text = (
        "The Mongolian Side expressed its readiness to allocate up to 15 billion tugriks for new border "
        "posts. The two countries agreed to found a joint leasing company with a charter capital of "
        "USD 60 million, to be contributed in equal shares by Mongolia and Kazakhstan."
    )
    r = ex(text)
    got = {(p.amount, p.currency, p.hedged) for p in r.pledges}
    assert got == {(15e9, "MNT", True), (60e6, "USD", False)}
    assert [p.by for p in r.pledges if p.currency == "MNT"] == ["Mongolia"]
    assert r.figures == []


def test_a_new_giver_in_the_next_sentence_directs_money_of_its_own():
    text = (
        "The Kazakh Government allocated 9 bln. tenge for the bridge. "
        "In turn, the Turkmen side expressed readiness to direct about 20 mln. manat for a rail spur."
    )
    r = ex(text)
    got = [(p.by, p.amount, p.currency, p.hedged) for p in r.pledges]
    assert got[1] == ("Turkmenistan", 20e6, "TMT", True)


def test_growth_against_the_same_period_takes_the_period_it_measures():
    text = (
        "According to the results of January-August 2024 the mutual trade turnover made up "
        "640 mln. US dollars, having increased by 12.5 percent in comparison with the corresponding "
        "period of last year. Trade reached $3.1 billion in 2023 and grew by 8% in January-June 2024 "
        "compared with the same period of last year. Exports came to EUR 2 billion in 2023, up 7% on "
        "the previous year."
    )
    r = ex(text)
    got = {(f.value, f.unit): f.period for f in r.figures}
    assert got[(640e6, "USD")] == "2024-01/2024-08"
    assert got[(12.5, "percent")] == "2024-01/2024-08"
    assert got[(3.1e9, "USD")] == "2023"
    assert got[(8.0, "percent")] == "2024-01/2024-06"
    assert got[(7.0, "percent")] == "2023"


def test_cabinet_and_glued_bank_names_give_and_counts_in_a_purpose_are_not_figures():
    text = (
        "The Government of the Republic of Tajikistan hosted the talks. The Cabinet of Ministers has "
        "allocated 90 million somoni for the repair of 14 schools in the Khatlon region. "
        "Halkbank is ready to extend $40 million in credit lines for 3 cement plants."
    )
    r = ex(text)
    got = {(p.by, p.amount, p.hedged) for p in r.pledges}
    assert got == {("Cabinet of Ministers of Tajikistan", 90e6, False), ("Halkbank", 40e6, True)}
    assert r.figures == []


def test_count_after_a_place_named_with_in():
    r = ex("At present in Kazakhstan 240 enterprises with Korean capital are operating.")
    assert [(f.value, f.unit, f.metric) for f in r.figures] == [(240.0, "count", "enterprises")]


def test_table_row_label_counts_its_number_cell():
    text = (
        "# Ties in figures\n\n"
        "| Indicator | Period | Value |\n|---|---|---|\n"
        "| Bilateral trade | 2024 | $2.2 billion |\n"
        "| Joint ventures registered in Georgia | as of May 2025 | ~310 |\n"
    )
    r = ex(text, "2025-06-01")
    counts = [(f.metric, f.value, f.qualifier) for f in r.figures if f.unit == "count"]
    assert counts == [("Joint ventures registered in Georgia", 310.0, "about")]


def test_sums_worked_out_and_figures_named_again_are_not_new_figures():
    text = (
        "Trade reached $5.0 billion in 2024. Exports were $3.1 billion and imports $1.7 billion in 2024. "
        "The two lines add up to $4.8 billion, not the $5.0 billion given for the year."
    )
    r = ex(text, "2025-06-01")
    assert sorted(f.value for f in r.figures) == [1.7e9, 3.1e9, 5.0e9]


def test_a_state_budget_or_bare_government_spending_its_own_currency_gives_as_that_state():
    text = (
        "The Government of Mongolia hosted the talks. From the republican budget, 30 billion tenge has "
        "been allocated for the Dostyk checkpoint. The Government of Turkmenistan directed 15 mln. manat "
        "to the repair of schools."
    )
    r = ex(text)
    assert [(p.by, p.currency) for p in r.pledges] == [
        ("Government of Kazakhstan", "KZT"),
        ("Government of Turkmenistan", "TMT"),
    ]


def test_a_period_in_the_next_clause_belongs_to_the_next_amount():
    r = ex("In 2024, mutual trade turnover amounted to USD 1.1 billion, and for 9 months of 2025 - "
           "USD 950 million.")
    assert [(f.value, f.period) for f in r.figures] == [(1.1e9, "2024"), (950e6, "2025-01/2025-09")]


def test_a_change_without_a_value_is_the_metric_s_growth_or_decline():
    r = ex("In January-April 2024 trade grew by 7.5% compared with the same period last year. "
           "Exports fell by 3 percent in 2023.")
    assert [(f.metric, f.period) for f in r.figures] == [
        ("trade growth", "2024-01/2024-04"),
        ("exports growth", "2023"),
    ]
    assert r.figures[1].value == -3


def test_counts_of_what_a_project_builds_are_its_scope_not_figures():
    r = ex("The loan covers the construction of 2 hospitals, 5 schools and a bridge in Naryn. "
           "Over 40 companies and 12 banks took part in the tender.")
    assert [(f.metric, f.value) for f in r.figures] == [("companies", 40.0), ("banks", 12.0)]


def test_national_currency_allocated_by_no_one_named_is_that_state_s_pledge():
    r = ex("Some 5 billion tenge was allocated for the border roads. Exports reached 2 billion tenge.")
    assert [(p.by, p.amount) for p in r.pledges] == [("Government of Kazakhstan", 5e9)]
    assert [f.value for f in r.figures] == [2e9]


def test_a_date_after_against_is_the_base_of_a_growth():
    r = ex("Trade grew 9% against the same period of 2023 in January-March 2024. "
           "Exports grew by 12% against 2022 to reach $3 billion in 2023.")
    got = [(f.value, f.period) for f in r.figures]
    assert got == [(9.0, "2024-01/2024-03"), (12.0, "2023"), (3e9, "2023")]


def test_a_money_cell_takes_its_column_header_as_metric():
    text = (
        "# Trade\n\n| Period | EU exports to Georgia | Value |\n|---|---|---|\n"
        "| 2022 | EUR 2 100 million | EUR 7 million |\n"
    )
    r = ex(text, "2023-03-01")
    assert [(f.metric, f.value, f.period) for f in r.figures] == [
        ("EU exports to Georgia", 2.1e9, "2022"),
        ("value", 7e6, "2022"),
    ]


def test_the_next_sentence_inherits_a_period_only_when_it_refers_back():
    r = ex("Trade reached $3 billion in January-June 2024. The export of goods in this period came to "
           "$1.9 billion. The sides plan to raise trade to $10 billion by 2030. They signed 25 documents "
           "worth $4.5 billion.")
    got = {f.value: f.period for f in r.figures if f.unit == "USD"}
    assert got == {3e9: "2024-01/2024-06", 1.9e9: "2024-01/2024-06", 10e9: "2030", 4.5e9: None}


def test_gerund_pledges_hedged_by_interest_and_a_new_side_is_no_continuation():
    text = (
        "The Chinese side expressed interest in allocating $300 million for the road. "
        "The Uzbek side will consider allocating 50 billion sums for the canal. "
        "Kazakh companies are investing $2 billion in the region."
    )
    r = ex(text)
    assert [(p.by, p.amount, p.hedged) for p in r.pledges] == [
        ("China", 300e6, True),
        ("Uzbekistan", 50e9, True),
    ]
    assert [f.value for f in r.figures] == [2e9]


def test_a_second_side_after_and_gives_its_own_amount():
    r = ex("The Turkmen side will allocate 12 mln. manat and the Uzbek side 90 bln. sums for the market.")
    assert [(p.by, p.currency) for p in r.pledges] == [("Turkmenistan", "TMT"), ("Uzbekistan", "UZS")]


def test_share_named_before_its_percentage():
    r = ex("The share of Georgia in Armenia's trade reached 7.2 percent in 2023.")
    assert [(f.metric, f.period) for f in r.figures] == [("share of Georgia in Armenia's trade", "2023")]


def test_a_state_budget_named_after_the_amount_gives_and_a_long_lead_keeps_the_purpose():
    r = ex("Some $20 million will be allocated from the state budget of Uzbekistan for new schools.")
    (p,) = r.pledges
    assert (p.by, p.purpose) == ("Government of Uzbekistan", "new schools")
