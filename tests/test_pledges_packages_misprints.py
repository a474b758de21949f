"""Pledges of a package told across sentences, the donor among two co-signers, money already given
in reported speech, a misprinted currency code and parts that do not add up (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract
from communique.annotate.money import lookalike_codes


def _pledges(text: str, published: str = "2026-04-14"):
    return {p.amount: p for p in extract(text, published=published).pledges}


def _flags(text: str, kind: str, published: str = "2026-04-14"):
    return [f for f in extract(text, published=published).flags if f.kind == kind]


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        (
            "The European Union and the Government of Tajikistan on Monday signed three financing "
            "agreements worth a total of EUR 75 million.",
            75e6,
            "European Union",
        ),
        (
            "The Government of Tajikistan and the European Union signed two grant agreements worth "
            "EUR 40 million for rural water supply.",
            40e6,
            "European Union",
        ),
        (
            "Kyrgyzstan and the EU signed grant agreements worth EUR 30 million on Tuesday.",
            30e6,
            "European Union",
        ),
        (
            "Uzbekistan and Japan today signed a grant agreement of 1.2 billion yen for new school buses.",
            1.2e9,
            "Japan",
        ),
        (
            "Germany and Turkmenistan have signed a grant agreement of EUR 6 million for vocational "
            "training.",
            6e6,
            "Germany",
        ),
    ],
)
def test_of_two_cosigners_the_one_whose_currency_it_is_gives(text, amount, giver):
    assert _pledges(text)[amount].by == giver


@pytest.mark.parametrize(
    "text",
    [
        "The EU and the Government of Tajikistan signed three financing agreements worth a total of EUR 75 "
        "million. The documents were signed in Dushanbe by the finance minister and the EU ambassador. "
        "According to the ministry, the package includes EUR 35 million for irrigation, EUR 22 million for "
        "small hydropower and EUR 10 million for border management.",
        "The European Union announced a EUR 75 million programme for Kyrgyzstan on Friday. Officials "
        "presented it at a ceremony in Bishkek. Ministers welcomed the decision. The package comprises "
        "EUR 35 million for schools, EUR 22 million for clinics and EUR 10 million for roads.",
        "On 3 May the EU pledged EUR 75 million to Uzbekistan. The announcement came during a visit by the "
        "Commissioner. This financing includes EUR 35 million for water, EUR 22 million for energy and "
        "EUR 10 million for training.",
    ],
)
def test_parts_of_a_package_told_sentences_later_have_its_giver(text):
    got = _pledges(text)
    assert {got[v].by for v in (35e6, 22e6, 10e6)} == {"European Union"}
    assert got[35e6].date == got[75e6].date


@pytest.mark.parametrize(
    "text",
    [
        "The head of the EU Delegation said that since 2021 the EU had provided Tajikistan with more than "
        "EUR 250 million in grants.",
        "The ambassador said that since 2019 Japan had provided Kyrgyzstan with about $90 million in grants.",
        "Since 2020 the EU has provided Uzbekistan with EUR 40 million for schools.",
    ],
)
def test_money_provided_since_a_year_in_reported_speech_is_a_figure(text):
    ex = extract(text, published="2026-04-14")
    assert ex.pledges == []
    assert ex.figures and ex.figures[0].period.endswith("/2026")


def test_lookalike_codes_are_the_known_codes_an_edit_away():
    assert lookalike_codes("ERU") == ("EUR",)
    assert set(lookalike_codes("UDS")) == {"USD", "UZS"}  # a swap, a substitution
    assert lookalike_codes("EUT") == ("EUR",)
    assert lookalike_codes("EUR") == ()  # a known code
    assert lookalike_codes("ABC") == ()  # no code near


@pytest.mark.parametrize(
    "text, amount, meant",
    [
        (
            "The EU signed a EUR 20 million grant for schools. A further EU grant of ERU 8 million for a "
            "solar "
            "park was announced at the ceremony.",
            8e6,
            "EUR",
        ),
        (
            "The ADB approved a $50 million loan for roads and said it will provide a UDS 10 million grant "
            "for road safety.",
            10e6,
            "USD",
        ),
        (
            "Germany has allocated EUR 12 million for water. Germany will also provide EUT 3 million for "
            "training.",
            3e6,
            "EUR",
        ),
    ],
)
def test_a_misprinted_code_of_a_currency_the_text_uses_reads_as_that_currency(text, amount, meant):
    assert _pledges(text)[amount].currency == meant
    flags = _flags(text, "unknown currency")
    assert len(flags) == 1 and f"misprint of {meant}" in flags[0].message


def test_a_misprinted_code_alone_is_kept_as_written():
    text = "The EU will provide ERU 8 million for a solar park."
    assert _pledges(text)[8e6].currency == "ERU"
    assert "kept but not converted" in _flags(text, "unknown currency")[0].message


@pytest.mark.parametrize(
    "text",
    [
        "The EU and Tajikistan on Monday signed three financing agreements worth a total of EUR 75 million. "
        "The documents were signed in Dushanbe. According to the ministry, the package includes EUR 35 "
        "million for irrigation, EUR 22 million for hydropower and EUR 10 million for border management.",
        "The EU signed three grant agreements worth EUR 75 million with Kyrgyzstan, including EUR 35 "
        "million for schools, EUR 22 million for clinics and EUR 10 million for roads.",
        "Germany and Uzbekistan signed three financing agreements totalling EUR 75 million. The package "
        "includes EUR 30 million for water, EUR 20 million for health and EUR 10 million for training.",
    ],
)
def test_as_many_parts_as_the_counted_total_must_add_up_to_it(text):
    flags = _flags(text, "parts do not sum")
    assert len(flags) == 1 and "less than the stated total" in flags[0].message


@pytest.mark.parametrize(
    "text",
    [
        # the parts add up
        "The EU signed three grant agreements worth EUR 67 million with Kyrgyzstan, including EUR 35 "
        "million for schools, EUR 22 million for clinics and EUR 10 million for roads.",
        # no count: "includes" may list only some of the parts
        "The EU announced a EUR 75 million package for Kyrgyzstan. The package includes EUR 35 million for "
        "schools and EUR 22 million for clinics.",
        # four agreements, three amounts: the list is not the whole
        "The EU signed four grant agreements worth EUR 75 million with Kyrgyzstan, including EUR 35 million "
        "for schools, EUR 22 million for clinics and EUR 10 million for roads.",
    ],
)
def test_a_partial_list_or_parts_that_add_up_are_no_flag(text):
    assert _flags(text, "parts do not sum") == []


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        (
            "In addition to the EIB loan, the Development Bank of Kazakhstan will contribute KZT 40 billion, "
            "while "
            "the sponsor will cover the balance.",
            40e9,
            "Development Bank of Kazakhstan",
        ),
        (
            "Besides the ADB loan, the Government of Uzbekistan will contribute $20 million.",
            20e6,
            "Government of Uzbekistan",
        ),
        (
            "On top of the World Bank credit, the Asian Infrastructure Investment Bank is expected to "
            "co-finance the "
            "line with $100 million.",
            100e6,
            "Asian Infrastructure Investment Bank",
        ),
        (
            "Apart from the EBRD financing, KfW will provide EUR 15 million for the substation.",
            15e6,
            "KfW Development Bank",
        ),
    ],
)
def test_a_lender_in_a_fronted_besides_phrase_is_not_the_subject(text, amount, giver):
    assert _pledges(text)[amount].by == giver


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        (
            "The EBRD signed a USD 25 million loan with the city of Osh for water networks, co-financed by a "
            "**EUR 8 million** EU grant.",
            8e6,
            "European Union",
        ),
        ("The ADB approved the project, which is co-financed by a $40 million Japanese loan.", 40e6, "Japan"),
        ("The utility also draws on a EUR 5 million Swiss grant for meters.", 5e6, "Switzerland"),
        (
            "The Asian Development Bank will lend $100 million, alongside a $30 million World Bank credit "
            "for the "
            "same road.",
            30e6,
            "World Bank",
        ),
    ],
)
def test_a_party_named_between_the_amount_and_grant_or_loan_gives_it(text, amount, giver):
    assert _pledges(text)[amount].by == giver


@pytest.mark.parametrize(
    "text, amount",
    [
        (
            "The World Bank's Board of Executive Directors today approved a $300 million loan from the "
            "International Bank for Reconstruction and Development (IBRD) for the transmission project.",
            300e6,
        ),
        (
            "The World Bank approved $150 million in financing from the International Development "
            "Association "
            "(IDA) for rural roads in Tajikistan.",
            150e6,
        ),
        ("The IDA credit of $50 million will finance irrigation, the bank said.", 50e6),
    ],
)
def test_the_world_banks_lending_arms_lend_as_the_world_bank(text, amount):
    assert _pledges(text)[amount].by == "World Bank"


@pytest.mark.parametrize(
    "text, firm, hedged",
    [
        (
            "The Asian Infrastructure Investment Bank (AIIB) is expected to co-finance $100 million, and the "
            "Government of Uzbekistan will contribute $20 million from the state budget.",
            20e6,
            100e6,
        ),
        (
            "The EBRD could lend up to EUR 50 million, and Germany has allocated EUR 10 million for the same "
            "line.",
            10e6,
            50e6,
        ),
        (
            "Japan is ready to consider a loan of $30 million, and the ADB approved a $40 million grant for "
            "the road.",
            40e6,
            30e6,
        ),
    ],
)
def test_a_hedge_does_not_reach_over_and_a_new_subject(text, firm, hedged):
    got = _pledges(text)
    assert got[firm].hedged is False and got[hedged].hedged is True


def test_a_hedge_still_governs_a_second_verb_of_the_same_subject():
    assert _pledges("The EU is ready to finance the design, and to provide EUR 5 million for training.")[
        5e6
    ].hedged


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        (
            "In addition, AFD will provide a technical assistance grant of EUR 1.5 million, financed by the "
            "European "
            "Union, to help the bank develop a green taxonomy.",
            1.5e6,
            "Agence Française de Développement",
        ),
        (
            "The Asian Development Bank will extend a $10 million grant, funded by Japan, for school meals.",
            10e6,
            "Asian Development Bank",
        ),
        (
            "KfW has granted EUR 4 million, financed by the German government, for vocational schools.",
            4e6,
            "KfW Development Bank",
        ),
        (
            "The loan of €35 million, financed by the Asian Development Bank, will upgrade the railway.",
            35e6,
            "Asian Development Bank",
        ),
    ],
)
def test_the_subject_that_provides_gives_not_the_source_behind_it(text, amount, giver):
    assert _pledges(text)[amount].by == giver


@pytest.mark.parametrize(
    "text",
    [
        "Development Bank of Kazakhstan JSC (DBK, part of Baiterek holding) signed a credit line with AFD. "
        "DBK, for "
        "its part, intends to co-finance the selected projects with at least KZT 50 billion.",
        "The Development Bank of Kazakhstan (DBK, a state institution) met investors. DBK plans to provide "
        "KZT 50 "
        "billion for the projects.",
        "Development Bank of Kazakhstan (DBK, founded in 2001) is ready to lend KZT 50 billion to exporters.",
    ],
)
def test_an_acronym_defined_with_a_note_after_a_comma_names_the_giver(text):
    assert _pledges(text)[50e9].by.startswith("Development Bank of Kazakhstan")


@pytest.mark.parametrize(
    "text, amounts",
    [
        (
            "- EIB signs EUR 180 million loan to finance a wind farm\n- EIB ready to provide a further EUR "
            "60 million "
            "for grid works\n\nThe European Investment Bank today signed a EUR 180 million finance contract "
            "for the "
            "wind farm. The EIB stands ready to provide an additional EUR 60 million for the grid "
            "connection.",
            {180e6: 1, 60e6: 1},
        ),
        (
            "* The EU allocates EUR 12 million to rural schools\n\nThe EU has allocated EUR 12 million to "
            "rural "
            "schools in the Naryn region.",
            {12e6: 1},
        ),
        (
            "1. ADB approves $50 million loan for roads\n2. ADB ready to consider $20 million for "
            "bridges\n\nThe Asian "
            "Development Bank approved a $50 million loan for roads. The ADB also said it could provide $20 "
            "million "
            "for bridges.",
            {50e6: 1, 20e6: 1},
        ),
    ],
)
def test_summary_bullets_that_repeat_the_prose_pledges_are_told_once(text, amounts):
    got = extract(text, published="2026-09-15").pledges
    for v, n in amounts.items():
        assert sum(1 for p in got if p.amount == v) == n


def test_bulleted_pledges_the_prose_does_not_tell_stay():
    text = (
        "- The EU has allocated EUR 12 million to rural schools\n- The EU has committed EUR 30 million for "
        "hydropower\n\nThe EU has allocated EUR 12 million to rural schools in Naryn."
    )
    assert sorted(p.amount for p in extract(text, published="2026-07-15").pledges) == [12e6, 30e6]


@pytest.mark.parametrize(
    "text, amount",
    [
        (
            "I would like to highlight the decision of the Italian Government to allocate 25 million euros "
            "for "
            "vocational training in Central Asia.",
            25e6,
        ),
        ("We would like to thank Japan for its decision to provide $30 million for the new hospital.", 30e6),
        ("I would like to note that the EU has allocated EUR 12 million to the border programme.", 12e6),
    ],
)
def test_a_speakers_would_like_to_is_no_hedge(text, amount):
    assert _pledges(text)[amount].hedged is False


@pytest.mark.parametrize(
    "text",
    [
        "The Central Asian states welcomed the intention of the Federal Government to provide up to EUR 300 "
        "million for renewable energy, Germany's chancellor said.",
        "At the Berlin talks with Germany, the Federal Government will allocate EUR 300 million for "
        "hydrogen.",
        "Germany and Kazakhstan met in Astana. The Federal Government has committed EUR 300 million to the "
        "region.",
    ],
)
def test_a_bare_federal_government_is_the_federal_state_the_text_names(text):
    assert _pledges(text)[300e6].by == "Government of Germany"


@pytest.mark.parametrize(
    "text, amount, usd",
    [
        (
            "The EU pledged EUR 12 billion, roughly $13 billion at current rates, for Central Asia.",
            12e9,
            13e9,
        ),
        (
            "Kazakhstan will contribute KZT 40 billion, about USD 80 million at the current exchange rate, "
            "to the "
            "project.",
            40e9,
            80e6,
        ),
        (
            "The Government allocated UZS 3.5 trillion, around USD 270 million at today's rate, from the "
            "budget.",
            3.5e12,
            270e6,
        ),
    ],
)
def test_a_restatement_that_names_its_rate_is_the_stated_conversion(text, amount, usd):
    got = extract(text, published="2026-04-14").pledges
    assert [(p.amount, p.amount_usd_stated) for p in got] == [(amount, usd)]


@pytest.mark.parametrize(
    "text, giver",
    [
        (
            "During his visit to Dushanbe last week, the Commissioner announced EUR 20 million for border "
            "management.",
            "European Commission",
        ),
        ("The High Representative announced a new EUR 20 million package for Central Asia.", "European "
         "Union"),
        ("In Bishkek the Commissioner has pledged EUR 20 million for rural schools.", "European Commission"),
    ],
)
def test_an_eu_title_alone_gives_as_its_institution(text, giver):
    assert _pledges(text, "2026-05-20")[20e6].by == giver


@pytest.mark.parametrize(
    "text",
    [
        "The EBRD is poised to lend up to USD 75 million to the power utility.",
        "Germany is likely to contribute a further EUR 75 million.",
        "The lenders are likely to provide USD 75 million, the Asian Development Bank said.",
    ],
)
def test_likely_and_poised_are_hedges(text):
    assert _pledges(text)[75e6].hedged is True


@pytest.mark.parametrize(
    "text, giver",
    [
        (
            "The grant of $5 million, provided by the Japan Fund for Prosperous and Resilient Asia and the "
            "Pacific and administered by ADB, will support school meals.",
            "Japan Fund for Prosperous and Resilient Asia and the Pacific",
        ),
        (
            "The $5 million grant is financed by the Japan Fund for Poverty Reduction.",
            "Japan Fund for Poverty Reduction",
        ),
        (
            "A $5 million grant, funded by the Saudi Fund for Development, will equip clinics.",
            "Saudi Fund for Development",
        ),
    ],
)
def test_a_fund_named_after_a_state_gives_as_itself(text, giver):
    assert _pledges(text)[5e6].by == giver


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        ("Thanks to EUR 30 million in EU funding, 200 schools will be renovated.", 30e6, "European Union"),
        ("The country will get $100 million in Japanese loans for the metro.", 100e6, "Japan"),
        ("With EU support of EUR 5 million, the centre will train border guards.", 5e6, "European Union"),
        ("Japanese grants of $30 million will equip the hospitals.", 30e6, "Japan"),
        ("The works rely on World Bank financing of $80 million.", 80e6, "World Bank"),
    ],
)
def test_a_partys_money_named_around_the_amount_is_its_pledge(text, amount, giver):
    assert _pledges(text, "2026-06-10")[amount].by == giver


def test_money_already_received_in_a_partys_assistance_stays_a_figure():
    text = "Tajikistan has received more than $2.5 billion in ADB assistance since 1998."
    ex = extract(text, published="2026-06-10")
    assert ex.pledges == [] and ex.figures


@pytest.mark.parametrize(
    "text, givers",
    [
        (
            "Of the total, EUR 12 million will come from the EU budget and EUR 3 million from Germany.",
            {12e6: "European Union", 3e6: "Germany"},
        ),
        (
            "Of the $420 million, $300 million will come from the World Bank and $100 million from the AIIB.",
            {300e6: "World Bank", 100e6: "Asian Infrastructure Investment Bank"},
        ),
        (
            "Another EUR 7 million is to come from the European Investment Bank.",
            {7e6: "European Investment Bank"},
        ),
    ],
)
def test_money_that_will_come_from_a_party_is_its_pledge(text, givers):
    got = _pledges(text, "2026-06-10")
    assert {v: got[v].by for v in givers} == givers


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        (
            "The European Bank for Reconstruction and Development met the mayor of Osh. It will lend EUR 15 "
            "million to the city's water utility.",
            15e6,
            "European Bank for Reconstruction and Development",
        ),
        (
            "Japan remains the largest bilateral donor to Kyrgyzstan. It has pledged $40 million for the "
            "ring road.",
            40e6,
            "Japan",
        ),
        (
            "The EU welcomed the reforms. It stands ready to provide EUR 20 million in budget support.",
            20e6,
            "European Union",
        ),
    ],
)
def test_it_opening_a_sentence_gives_as_the_subject_before(text, amount, giver):
    assert _pledges(text, "2026-06-10")[amount].by == giver


def test_it_of_a_thing_that_costs_is_no_giver():
    ex = extract("The new hospital opened in May. It cost USD 15 million.", published="2026-06-10")
    assert ex.pledges == []


@pytest.mark.parametrize(
    "text, amount",
    [
        (
            "BISHKEK, 9 June 2026 - The EU and Kyrgyzstan on Monday signed a EUR 20 million grant for "
            "schools. A "
            "further EUR 5 million for clinics was announced at the ceremony.",
            5e6,
        ),
        (
            "BISHKEK, 9 June 2026 - The EU and Kyrgyzstan on Monday signed a EUR 20 million grant for "
            "schools. At "
            "the same ceremony the EU committed EUR 5 million for clinics.",
            5e6,
        ),
        (
            "BISHKEK, 9 June 2026 - The EU and Kyrgyzstan on Monday signed a EUR 20 million grant for "
            "schools. On "
            "the sidelines of the signing, Germany pledged EUR 5 million for clinics.",
            5e6,
        ),
    ],
)
def test_a_pledge_made_at_the_reported_occasion_takes_its_date(text, amount):
    assert _pledges(text, "2026-06-09")[amount].date == "2026-06-08"


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        (
            "The EBRD today signed a EUR 50 million loan with the city. At the signing, the bank said it "
            "could "
            "provide another EUR 10 million for buses.",
            10e6,
            "European Bank for Reconstruction and Development",
        ),
        (
            "The Saudi Fund for Development opened an office in Dushanbe. Speaking there, its director said "
            "the "
            "fund will add $15 million for schools.",
            15e6,
            "Saudi Fund for Development",
        ),
        (
            "The Asian Development Bank met the minister. Afterwards, the bank announced $20 million for "
            "clinics.",
            20e6,
            "Asian Development Bank",
        ),
    ],
)
def test_the_bank_inside_a_sentence_gives_as_the_bank_named_before(text, amount, giver):
    assert _pledges(text, "2026-06-10")[amount].by == giver


def test_an_unnamed_fund_is_no_giver():
    ex = extract("Speaking after the talks, the fund's director said the fund will add $15 million.",
                 published="2026-06-10")
    assert ex.pledges == []


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        ("The EU will channel EUR 45 million through UNICEF for child health.", 45e6, "European Union"),
        ("Germany channels EUR 10 million through UNDP into vocational training.", 10e6, "Germany"),
        ("Japan will channel $8 million through UNDP to border posts.", 8e6, "Japan"),
    ],
)
def test_money_a_party_channels_through_an_agency_is_its_pledge(text, amount, giver):
    assert _pledges(text, "2026-06-10")[amount].by == giver


def test_the_portfolio_of_a_bank_named_before_is_no_pledge():
    text = (
        "The Saudi Fund for Development delegation met the minister. The sides reviewed the Fund's "
        "portfolio in Tajikistan, which comprises 11 projects with a total value of about USD 280 million."
    )
    assert extract(text, published="2026-06-10").pledges == []


@pytest.mark.parametrize(
    "text, amount, giver",
    [
        (
            "Total financing for the Uzbek project is $420 million: the World Bank provides $300 million, "
            "the AIIB "
            "$100 million and the government $20 million.",
            20e6,
            "Government of Uzbekistan",
        ),
        (
            "In Kyrgyzstan, the ADB provides $200 million for the road, the EBRD $50 million and the "
            "government "
            "$10 million.",
            10e6,
            "Government of Kyrgyzstan",
        ),
        (
            "The EU will give EUR 30 million to the Tajik programme and the Government EUR 5 million.",
            5e6,
            "Government of Tajikistan",
        ),
    ],
)
def test_the_government_in_a_list_of_givers_is_the_home_states(text, amount, giver):
    assert _pledges(text, "2026-06-10")[amount].by == giver


@pytest.mark.parametrize(
    "text",
    [
        "Germany hosted the summit. The Central Asian side welcomed the intention of the Federal Government "
        "to provide up to EUR 300 million for renewable energy.",
        "At the talks with Germany, the partners noted that the Federal Government will allocate EUR 300 "
        "million to the region's water sector.",
        "Kazakhstan and Germany met in Astana, where the Federal Government pledged EUR 300 million.",
    ],
)
def test_the_federal_government_inside_a_sentence_is_the_federal_state(text):
    assert _pledges(text, "2026-10-02")[300e6].by == "Government of Germany"
