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


# --- loan, grant and guarantee documents -----------------------------------------------------------


def _agreements(text: str, published: str = "2025-10-08") -> list[tuple[str, str | None]]:
    return [(a.name, a.status) for a in ex(text, published).agreements]


def test_a_single_grant_agreement_signed_is_an_agreement_named_by_what_it_pays_for():
    text = (
        "At the meeting in Yerevan on 8 October 2025, France, through AFD, signed a grant agreement of "
        "€12 million with the Government of Armenia for school heating in the Shirak region."
    )
    assert _agreements(text) == [("grant agreement for school heating in the Shirak region", "signed")]


def test_a_document_named_by_its_kind_takes_the_purpose_of_the_money_it_carries():
    text = (
        "Today the EU and Armenia signed two documents:\n\n"
        "- a finance contract under which the European Investment Bank signed a loan of €90 million for "
        "the renewal of the Yerevan metro;\n"
        "- a grant agreement through which the EU adds €10 million in grants to the same project.\n"
    )
    got = dict(_agreements(text))
    assert got["finance contract for the renewal of the Yerevan metro"] == "signed"
    assert got["grant agreement for the same project"] == "signed"  # money firmly given: signed


def test_the_finance_contract_told_after_its_loan_is_named_by_that_loan():
    text = (
        "The European Investment Bank has signed a €50 million loan to rebuild the water network of "
        "Gyumri. The finance contract was signed by a Vice-President of the Bank and the Minister of "
        "Finance in Yerevan."
    )
    assert _agreements(text) == [("finance contract to rebuild the water network of Gyumri", "signed")]


def test_plural_loan_agreements_remain_the_pledges_they_carry():
    text = (
        "The Saudi Fund for Development signed two loan agreements with Armenia and Georgia totalling "
        "USD 150 million for rural roads."
    )
    r = ex(text)
    assert r.agreements == [] and [p.amount for p in r.pledges] == [150e6]


def test_a_quoted_programme_title_is_part_of_the_financing_agreement_name():
    text = (
        'The sides signed a Financing Agreement for the programme "Clean Air for Yerevan", under which '
        "the EU provides a grant of €8 million."
    )
    assert _agreements(text) == [('Financing Agreement for the programme "Clean Air for Yerevan"', "signed")]


# --- stages ------------------------------------------------------------------------------------------


def test_agreeing_to_launch_talks_puts_the_agreement_under_negotiation():
    text = (
        "At the meeting in Yerevan on 8 October 2025 the two sides agreed to launch negotiations on an "
        "agreement on the mutual protection of investments. They also agreed to start talks on a "
        "memorandum of understanding on digital connectivity."
    )
    assert _agreements(text) == [
        ("agreement on the mutual protection of investments", "negotiating"),
        ("memorandum of understanding on digital connectivity", "negotiating"),
    ]


def test_talks_agreed_to_start_at_a_later_date_are_only_proposed():
    text = (
        "The ministers agreed to launch negotiations in the first quarter of next year on an agreement "
        "on the recognition of driving licences."
    )
    assert _agreements(text) == [("agreement on the recognition of driving licences", "proposed")]


# --- pledge or figure, and who gives -----------------------------------------------------------------


def _pledges(text: str, published: str = "2025-11-05") -> list[tuple[str | None, float, str]]:
    return [(p.by, p.amount, p.currency) for p in ex(text, published).pledges]


def test_a_party_in_a_relative_clause_after_the_amount_gives_it():
    text = (
        "The new deal is a loan of 30 billion tenge (about €50 million) that the EBRD signed on Tuesday "
        "with a Kazakh wind farm developer. The grants are part of the €8 billion in Global Gateway "
        "investments that the EU announced for the Western Balkans in March."
    )
    assert _pledges(text) == [
        ("European Bank for Reconstruction and Development", 30e9, "KZT"),
        ("European Union", 8e9, "EUR"),
    ]


def test_expected_to_approve_is_a_hedged_pledge():
    r = ex("The Asian Development Bank is expected to approve up to $150 million for rural roads in Armenia.")
    assert [(p.by, p.amount, p.hedged) for p in r.pledges] == [("Asian Development Bank", 150e6, True)]


def test_a_state_gives_under_the_formal_name_the_text_uses():
    text = (
        "Under the agreement, the Kyrgyz Republic will contribute $200 million to the capital of the "
        "joint venture, and Kazakhstan is ready to allocate up to KZT 4 billion for fodder."
    )
    assert [p.by for p in ex(text).pledges] == ["Kyrgyz Republic", "Kazakhstan"]


def test_team_europe_as_subject_gives_in_its_own_name_and_a_title_holders_country_does_not():
    text = (
        "Under the Team Europe Initiative on water, Team Europe could mobilise up to €900 million more "
        "for Armenia's energy transition by 2028. Commissioner Jozef Síkela and Armenia's Minister of "
        "Economy Gevorg Papoyan signed a package of two agreements worth €60 million under Global Gateway."
    )
    r = ex(text)
    assert [(p.by, p.amount, p.hedged) for p in r.pledges] == [
        ("Team Europe", 900e6, True),
        ("European Commission", 60e6, False),
    ]


def test_documents_named_together_before_one_cue_share_it_and_words_of_a_name_are_no_cue():
    text = (
        'An agreement on cooperation in the implementation of the "Armenia – 2030" strategy and a '
        "memorandum on the preparation of a concession for Gyumri airport were signed in Yerevan."
    )
    assert _agreements(text) == [
        ('agreement on cooperation in the implementation of the "Armenia – 2030" strategy', "signed"),
        ("memorandum on the preparation of a concession for Gyumri airport", "signed"),
    ]


def test_an_agreement_establishing_a_company_is_named_and_takes_its_own_cue():
    text = (
        "The railways signed an agreement establishing a joint venture to run through-tariffs on the "
        "route, and initialled a memorandum on a digital consignment note, which is to be signed in Baku."
    )
    assert _agreements(text) == [
        ("agreement establishing a joint venture to run through-tariffs on the route", "signed"),
        ("memorandum on a digital consignment note", "initialled"),
    ]


def test_purpose_stops_at_a_channel_a_source_or_a_running_total_and_a_budget_year_dates_nothing():
    text = (
        "The European Union adds a €15 million grant to the project through the Investment Platform for "
        "Central Asia, bringing total EU support to €60 million. The European Commission could "
        "contribute up to 1.1 billion euros to the cable from the Connecting Europe Facility. Armenia has "
        "allocated 90 billion drams in its 2025 budget for new substations."
    )
    r = ex(text)
    got = [(p.amount, p.purpose, p.program, p.date) for p in r.pledges]
    assert got[0][:3] == (15e6, "the project", "Investment Platform for Central Asia")
    assert got[1][:3] == (1.1e9, "the cable", "Connecting Europe Facility")
    assert got[2][0] == 90e9 and got[2][3] is None


def test_a_period_is_no_purpose():
    r = ex("This is in addition to the EU's bilateral allocation of €50 million for 2021–2024.")
    assert [(p.amount, p.purpose) for p in r.pledges] == [(50e6, None)]


def test_backing_with_money_after_an_attribution_and_the_commission_by_its_alias():
    text = (
        "According to the Commission, the EU intends to support the corridor with €4 billion. "
        "The Commission announced a €30 million package for vocational training. "
        "Armenia supported its neighbours with $3 billion of exports last year."
    )
    r = ex(text, "2026-01-15")
    assert [(p.by, p.amount, p.hedged) for p in r.pledges] == [
        ("European Union", 4e9, True),
        ("European Commission", 30e6, False),
    ]


def test_a_restated_pledge_keeps_its_first_date_and_its_purpose_ends_before_the_participle():
    text = (
        "The EU reaffirmed its €12 billion commitment to Central Asia, first announced in Samarkand in "
        "April 2025."
    )
    r = ex(text, "2026-01-15")
    assert [(p.amount, p.date, p.purpose) for p in r.pledges] == [(12e9, "2025-04", "Central Asia")]


def test_partners_named_beside_the_subject_do_not_give_and_a_recipient_is_no_purpose():
    text = (
        "The European Union and its Member States, together with the EIB and the EBRD, stand ready to "
        "mobilise €2 billion for the region. Together with the EIB, the European Union will provide "
        "€40 million for the Naryn hydropower plant. The Government of Japan will extend a grant of "
        "2 billion yen to Tajikistan for medical equipment."
    )
    r = ex(text, "2026-01-15")
    assert [(p.by, p.purpose) for p in r.pledges] == [
        ("European Union", "the region"),
        ("European Union", "the Naryn hydropower plant"),
        ("Government of Japan", "medical equipment"),
    ]


def test_would_in_reported_speech_is_a_firm_will_unless_a_condition_follows():
    text = (
        "The Commission said it would allocate 20 million euros to a technical assistance facility. "
        "The ambassador said the EU would provide €8 million for climate projects if the plan is approved."
    )
    assert [(p.amount, p.hedged) for p in ex(text, "2026-01-15").pledges] == [(20e6, False), (8e6, True)]


def test_the_bank_a_finance_contract_is_signed_between_lends():
    text = (
        "The sides signed a Finance Contract between the European Investment Bank and the Ministry of "
        "Finance of Armenia on a €90 million loan for the modernisation of the power grid."
    )
    assert [p.by for p in ex(text).pledges] == ["European Investment Bank"]


def test_a_states_unnamed_institution_gives_as_written():
    text = (
        "Qatar's sovereign fund said only that it \"could invest up to $1 billion\" in the region. "
        "Japan's state lender will extend $200 million to Uzbekistan."
    )
    r = ex(text, "2026-01-15")
    assert [(p.by, p.hedged) for p in r.pledges] == [
        ("Qatar's sovereign fund", True),
        ("Japan's state lender", False),
    ]


def test_agreeing_to_finalise_a_text_or_to_draft_one_is_still_negotiating():
    text = (
        "The parties agreed to finalise the text of a Memorandum of Understanding on energy and to launch "
        "negotiations on a Memorandum in the field of critical raw materials. The presidents also agreed "
        "to draft a new agreement on water allocation in the Syr Darya basin."
    )
    assert {n: st for n, st in _agreements(text)} == {
        "Memorandum of Understanding on energy": "negotiating",
        "Memorandum in the field of critical raw materials": "negotiating",
        "new agreement on water allocation in the Syr Darya basin": "negotiating",
    }


def test_the_protocol_of_the_reported_meeting_is_named_with_its_body():
    text = (
        "The 9th meeting of the Armenia–Georgia Intergovernmental Commission was held in Yerevan on "
        "8 October 2025. At the meeting, the sides signed the protocol of the meeting."
    )
    names = [n for n, _st in _agreements(text)]
    assert len(names) == 1
    assert names[0].startswith("protocol of the 9th meeting of the ")
    assert "Intergovernmental Commission" in names[0]


def test_administrative_arrangements_joint_venture_agreements_and_quoted_programme_names():
    text = (
        "They noted that the administrative arrangement between the Customs Service of Armenia and the "
        "European Anti-Fraud Office had been initialled in January. A joint venture agreement among the "
        'grid operators was initialled in Tbilisi. The sides welcomed the Financing Agreement for the "Green '
        'Armenia" programme, under which the EU signed a grant of EUR 12 million last December.'
    )
    assert _agreements(text, "2025-03-12") == [
        (
            "administrative arrangement between the Customs Service of Armenia and the European "
            "Anti-Fraud Office",
            "initialled",
        ),
        ("joint venture agreement among the grid operators", "initialled"),
        ('Financing Agreement for the "Green Armenia" programme', "signed"),
    ]


def test_plans_approved_or_under_implementation_and_unmarked_html_list_items():
    text = (
        "At the meeting, the sides approved an Action Plan for 2025–2027 and signed a memorandum on "
        "transit. Participants reviewed the implementation of the Memorandum of Understanding on raw "
        "materials, signed in November 2022, and of the roadmap for 2023–2024 adopted in 2023. The "
        "government approved the draft agreement on air services.\n\n"
        "The following documents were signed:\n\n"
        "a Joint Declaration on a green corridor;\n\n"
        "an Action Plan for 2026–2028 on the implementation of the Joint Declaration.\n"
    )
    got = dict(_agreements(text, "2025-04-04"))
    assert got["Action Plan for 2025–2027"] == "signed"
    assert got["roadmap for 2023–2024"] == "in force"
    assert got.get("draft agreement on air services") != "signed"
    assert got["Joint Declaration on a green corridor"] == "signed"
    assert got["Action Plan for 2026–2028 on the implementation of the Joint Declaration"] == "signed"


def test_restated_pledges_with_the_giver_after_the_amount():
    text = (
        "The ministers recalled the EUR 10 billion pledged by European and international financial "
        "institutions in January 2024 for the corridor. This builds on the €300 million the EU announced "
        "last year for water projects in Armenia."
    )
    got = [(p.by, p.amount, p.date) for p in ex(text, "2026-01-15").pledges]
    assert got == [
        ("European and international financial institutions", 10e9, "2024-01"),
        ("European Union", 300e6, "2025"),
    ]


def test_parts_listed_under_a_package_take_its_programme():
    text = (
        "Today the EU and Armenia signed a package of two agreements worth €95 million under Global "
        "Gateway.\n\n"
        "The package consists of:\n\n"
        "- a grant of €15 million from the EU for schools in Gyumri;\n"
        "- a loan of €80 million from the European Investment Bank for the Yerevan metro.\n\n"
        "Partners also presented new support under the Team Europe Initiative on Water, Energy and "
        "Climate Change in Central Asia:\n\n"
        "- Germany has allocated €5 million for irrigation.\n"
    )
    got = [(p.amount, p.program) for p in ex(text, "2025-11-20").pledges]
    assert got == [
        (95e6, "Global Gateway"),
        (15e6, "Global Gateway"),
        (80e6, "Global Gateway"),
        (5e6, "Team Europe Initiative on Water, Energy and Climate Change in Central Asia"),
    ]


def test_a_bare_loan_agreement_without_money_of_its_own_is_no_record():
    assert _agreements("The loan agreement was signed by the Minister of Finance in Manila.") == []
