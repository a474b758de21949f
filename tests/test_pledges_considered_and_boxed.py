"""Pledges told in ways the first rules did not expect: money a party "is considering" (a hedged
pledge, not a figure), a grant another body only administers, a state's policy bank it lends through,
"cofinancing", and a fact box that lists the pledges the prose tells (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract


def pledges(text: str, published: str = "2026-09-17") -> list[tuple[str | None, float, str, bool]]:
    return [(p.by, p.amount, p.currency, p.hedged) for p in extract(text, published=published).pledges]


def money_figures(text: str, published: str = "2026-09-17") -> list[float]:
    return [f.value for f in extract(text, published=published).figures if f.unit not in ("percent", "count")]


# --- money a party is considering is a hedged pledge -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU is considering a further EUR 2 billion for rail rolling stock and port digitalisation.",
            ("European Union", 2e9, "EUR", True),
        ),
        (
            "The European Union is also considering an additional EUR 10 million top-up in 2027.",
            ("European Union", 10e6, "EUR", True),
        ),
        (
            "Japan is weighing an extra USD 50 million for the Kyrgyz health sector.",
            ("Japan", 50e6, "USD", True),
        ),
        (
            "Germany is contemplating a new EUR 30 million for vocational schools in Uzbekistan.",
            ("Germany", 30e6, "EUR", True),
        ),
    ],
)
def test_money_under_consideration_is_a_hedged_pledge(text, expected):
    assert pledges(text) == [expected]
    assert money_figures(text) == []


def test_cofinancing_under_consideration_is_a_hedged_pledge():
    text = (
        "The Asian Infrastructure Investment Bank is considering cofinancing of up to $100 million, subject "
        "to approval by its Board."
    )
    assert pledges(text) == [("Asian Infrastructure Investment Bank", 100e6, "USD", True)]


# --- who gives ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        (
            "ADB will also administer a $5 million grant from the Saudi Fund for Development to pilot "
            "solar pumps.",
            "Saudi Fund for Development",
        ),
        (
            "The EBRD manages a EUR 8 million grant from the Saudi Fund for Development for energy audits.",
            "Saudi Fund for Development",
        ),
        (
            "UNDP will implement a USD 3 million grant from the Saudi Fund for Development for rural "
            "clinics.",
            "Saudi Fund for Development",
        ),
    ],
)
def test_a_body_that_administers_a_grant_does_not_give_it(text, giver):
    assert [p[0] for p in pledges(text)] == [giver]


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        (
            "The Chinese side is ready to allocate a credit line of 5 billion yuan through the "
            "Export-Import Bank of China for processing projects.",
            "Export-Import Bank of China",
        ),
        (
            "Japan will provide a loan of USD 200 million through JBIC for the Tashkent power plant.",
            "Japan Bank for International Cooperation",
        ),
        (
            "China intends to lend USD 1 billion through the China Development Bank for logistics hubs.",
            "China Development Bank",
        ),
    ],
)
def test_a_state_s_own_bank_it_lends_through_gives(text, giver):
    assert [p[0] for p in pledges(text)] == [giver]


@pytest.mark.parametrize(
    "text",
    [
        "Germany will provide EUR 30 million through KfW for the repair of hydropower plants.",
        "Japan will give a grant of USD 20 million through JBIC for school buses.",
    ],
)
def test_money_a_state_gives_through_its_bank_without_a_loan_is_the_state_s(text):
    assert [p[0] for p in pledges(text)] in (["Germany"], ["Japan"])


# --- a fact box repeats the pledges the prose tells --------------------------------------------------


def test_a_fact_box_repeats_the_pledges_of_the_prose():
    text = (
        "The Asian Development Bank has approved a $250 million loan for irrigation in Khorezm.\n\n"
        "Financing at a glance\n"
        "- ADB loan: $250 million (ordinary capital resources)\n"
        "- Asian Infrastructure Investment Bank: up to $100 million (under consideration)\n"
        "- Government of Uzbekistan: $48.6 million\n\n"
        "The Asian Infrastructure Investment Bank is considering cofinancing of up to $100 million. The "
        "Government of Uzbekistan will provide $48.6 million in counterpart funding."
    )
    got = pledges(text, "2026-10-02")
    assert sorted((by, amount) for by, amount, _c, _h in got) == [
        ("Asian Development Bank", 250e6),
        ("Asian Infrastructure Investment Bank", 100e6),
        ("Government of Uzbekistan", 48.6e6),
    ]
    assert money_figures(text, "2026-10-02") == []


@pytest.mark.parametrize(
    "item",
    ["* EU grant: EUR 25 million", "1. European Union: EUR 25 million", "- EU contribution: EUR 25 million"],
)
def test_a_box_item_of_a_pledge_told_in_prose_is_no_record(item):
    text = (
        "The European Union will provide a grant of EUR 25 million for rural livelihoods.\n\n"
        f"Key facts:\n{item}\n"
    )
    assert pledges(text) == [("European Union", 25e6, "EUR", False)]
    assert money_figures(text) == []


def test_a_box_item_the_prose_does_not_tell_stays():
    text = (
        "The European Union will provide a grant of EUR 25 million for rural livelihoods.\n\n"
        "Key facts:\n- Trade in 2025: EUR 1.1 billion\n"
    )
    assert money_figures(text) == [1.1e9]


# --- of the signers of a loan, the bank lends ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        (
            "The European Bank for Reconstruction and Development and the Kyrgyz government signed a EUR 50 "
            "million loan for the Bishkek water network.",
            "European Bank for Reconstruction and Development",
        ),
        (
            "The Asian Development Bank and the Government of Tajikistan have signed a USD 30 million "
            "concessional loan for schools.",
            "Asian Development Bank",
        ),
        (
            "Uzbekistan and the Islamic Development Bank signed a $100 million credit line for small firms.",
            "Islamic Development Bank",
        ),
    ],
)
def test_of_the_signers_of_a_loan_the_bank_lends(text, giver):
    assert [p[0] for p in pledges(text)] == [giver]


# --- a pledge raised to a new total -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hungary confirmed that Eximbank Hungary has opened a credit line of USD 100 million for Kazakh "
            "importers and stands ready to increase it to USD 200 million.",
            [("Eximbank Hungary", 100e6, "USD", False), ("Eximbank Hungary", 200e6, "USD", True)],
        ),
        (
            "The EU allocated EUR 20 million for border management. It could raise the envelope to EUR 35 "
            "million next year.",
            [("European Union", 20e6, "EUR", False), ("European Union", 35e6, "EUR", True)],
        ),
        (
            "Japan provided a grant of USD 5 million for clinics and will double it to USD 10 million.",
            [("Japan", 5e6, "USD", False), ("Japan", 10e6, "USD", False)],
        ),
    ],
)
def test_a_pledge_raised_to_a_new_total_is_its_giver_s_pledge(text, expected):
    assert pledges(text, "2026-02-19") == expected
    assert money_figures(text, "2026-02-19") == []


def test_a_figure_raised_is_no_pledge():
    assert pledges("Trade grew to USD 5 billion and the sides will increase it to USD 7 billion.") == []


# --- present-tense pledge verbs, "subject to Board approval", a government's hyphenated verb -----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The EU commits EUR 300 million to water projects in Central Asia.", ("European Union", False)),
        ("Japan allocates USD 3 million for school buses in Tajikistan.", ("Japan", False)),
        ("The EIB lends EUR 80 million to Kazakhstan for wind power.", ("European Investment Bank", False)),
        ("The EU earmarks EUR 5 million for border management.", ("European Union", False)),
    ],
)
def test_present_tense_pledge_verbs(text, expected):
    assert [(p[0], p[3]) for p in pledges(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Subject to Board approval, the EBRD will lend up to USD 100 million for the road.",
        "The EBRD will lend up to USD 100 million for the road, pending Board approval.",
        "The EBRD will lend up to USD 100 million for the road, subject to the approval of its Board.",
    ],
)
def test_money_subject_to_board_approval_is_hedged(text):
    assert pledges(text) == [("European Bank for Reconstruction and Development", 100e6, "USD", True)]


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        ("The government will co-finance the project with KZT 10 billion.", "Government of Kazakhstan"),
        (
            "The Government of Uzbekistan will co-finance the project with UZS 100 billion.",
            "Government of Uzbekistan",
        ),
        (
            "The Kyrgyz government will co-finance the scheme with KGS 500 million.",
            "Government of Kyrgyzstan",
        ),
    ],
)
def test_a_government_co_financing_with_its_own_currency_gives(text, giver):
    assert [p[0] for p in pledges(text)] == [giver]


# --- an agency that carries the programme out is the state's channel, not the giver -----------------------


@pytest.mark.parametrize(
    ("text", "giver"),
    [
        (
            "Germany will add EUR 3 million through the Deutsche Gesellschaft für Internationale "
            "Zusammenarbeit (GIZ), which will co-implement the programme as part of the Team Europe "
            "Initiative.",
            "Germany",
        ),
        (
            "France will provide EUR 5 million through the French Development Agency, which will implement "
            "the water project.",
            "France",
        ),
        ("Japan will give USD 2 million through JICA, which manages the clinics programme.", "Japan"),
    ],
)
def test_an_implementing_agency_is_a_channel(text, giver):
    assert [p[0] for p in pledges(text)] == [giver]


def test_a_state_s_own_agency_it_gives_through_still_gives_when_it_implements_nothing():
    text = (
        "The minister thanked the French side for EUR 3 million provided through the French Development "
        "Agency."
    )
    assert [p[0] for p in pledges(text)] == ["Agence Française de Développement"]


# --- a pledge named again with its amount is no figure ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "ADB approved a $250 million loan for irrigation. The loan of $250 million will rehabilitate canals.",
        "The EU will provide EUR 14 million for water. This grant of EUR 14 million covers five basins.",
        "Japan pledged USD 30 million for clinics. The package worth USD 30 million includes equipment.",
    ],
)
def test_a_pledge_named_again_with_its_amount_is_no_figure(text):
    assert len(pledges(text)) == 1
    assert money_figures(text) == []


def test_another_amount_named_with_the_is_still_read():
    text = (
        "The EU will provide EUR 14 million for water. The grant of EUR 20 million from Germany covers "
        "schools."
    )
    assert [p[1] for p in pledges(text)] == [14e6, 20e6]


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        (
            "The European Union and Kazakhstan held talks. The Union will allocate EUR 10 million for water.",
            False,
        ),
        ("The European Union met Uzbek partners in May. The Union is ready to provide EUR 10 million.", True),
        (
            "The European Union signed the memorandum. The Union has earmarked EUR 10 million for water.",
            False,
        ),
    ],
)
def test_the_union_after_the_eu_is_the_eu(text, hedged):
    assert [(p[0], p[3]) for p in pledges(text)] == [("European Union", hedged)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The minister said the IsDB would lend USD 210 million, while the Government will co-finance the "
            "road with KZT 25 billion.",
            ["Islamic Development Bank", "Government of Kazakhstan"],
        ),
        (
            "ADB will lend $100 million and the government will contribute UZS 200 billion.",
            ["Asian Development Bank", "Government of Uzbekistan"],
        ),
        (
            "The EBRD provides a EUR 20 million loan, but the government will add KGS 300 million from the "
            "budget.",
            ["European Bank for Reconstruction and Development", "Government of Kyrgyzstan"],
        ),
    ],
)
def test_a_government_subject_of_its_own_clause_gives_its_share(text, expected):
    assert [p[0] for p in pledges(text)] == expected
