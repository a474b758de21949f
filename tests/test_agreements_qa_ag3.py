"""Agreement names and stages told in further ways of diplomatic releases and news (qa-ag3; our own
sentences): route and system names and the parties before a lower-case document, a possessive
opening a title, a speaker after a comma, a step told as an honour, a convention implemented through
a plan, a short label named by the title told later, an agreement told by its subject alone (visa
facilitation, readmission), a plan's period, and a document named by the body it set up."""

from __future__ import annotations

import pytest

from communique import extract
from communique.annotate.agreements import find_agreement_mentions

PUB = "2026-10-20"


def status_of(text: str, published: str = PUB) -> dict[str, str | None]:
    return {a.name: a.status for a in extract(text, published=published).agreements}


def names(text: str) -> list[str]:
    return [m.name for m in find_agreement_mentions(text) if not m.anaphoric]


# --- hyphenated route or system names, and the parties, before a lower-case document ---------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The digital Trans-Caspian e-CMR protocol was ratified by Kazakhstan in December.",
            "digital Trans-Caspian e-CMR protocol",
        ),
        (
            "Georgia signed the Trans-Caspian transit memorandum in Baku on Monday.",
            "Trans-Caspian transit memorandum",
        ),
        (
            "A new Black-Sea cable agreement is being negotiated by the four states.",
            "Black-Sea cable agreement",
        ),
        (
            "Related: Kazakhstan–EU renewable hydrogen MoU (signed November 2022).",
            "Kazakhstan–EU renewable hydrogen MoU",
        ),
        (
            "The ministers recalled the EU-Uzbekistan critical raw materials memorandum.",
            "EU-Uzbekistan critical raw materials memorandum",
        ),
        (
            "Kyrgyzstan–EU green hydrogen memorandum signed in Bishkek",
            "Kyrgyzstan–EU green hydrogen memorandum",
        ),
    ],
)
def test_compound_words_and_parties_before_a_lower_case_document(text, name):
    assert name in names(text)


def test_lower_case_document_after_parties_takes_its_own_stage():
    found = status_of(
        "Talks on a hydrogen roadmap resume in January. Related: Kazakhstan–EU renewable hydrogen MoU "
        "(signed November 2022)."
    )
    assert found["Kazakhstan–EU renewable hydrogen MoU"] == "signed"
    assert found["hydrogen roadmap"] == "negotiating"


# --- a possessive opening a sentence is no part of a title ------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Our Enhanced Partnership and Cooperation Agreement has been in force since March 2020.",
            "Enhanced Partnership and Cooperation Agreement",
        ),
        ("Their Air Transport Agreement was initialled in October.", "Air Transport Agreement"),
        (
            "Its Partnership and Cooperation Agreement entered into force in 1999.",
            "Partnership and Cooperation Agreement",
        ),
    ],
)
def test_possessive_opener_is_not_part_of_the_title(text, name):
    assert name in status_of(text)


# --- "…, officials said": the speaker after a comma ends the name ----------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The two sides initialled the Financing Agreement for the Water Resilience Programme, officials "
            "from both sides said, clearing the way for a signature.",
            "Financing Agreement for the Water Resilience Programme",
        ),
        (
            "Kazakhstan signed the Agreement on transit and customs cooperation, the ministry said on "
            "Friday.",
            "Agreement on transit and customs cooperation",
        ),
        (
            "The Memorandum on green hydrogen was signed in Brussels, a Commission spokesperson told "
            "reporters.",
            "Memorandum on green hydrogen",
        ),
    ],
)
def test_reporting_clause_after_a_comma_is_not_part_of_the_name(text, name):
    assert name in names(text)


def test_comma_list_inside_a_name_is_kept():
    assert "Agreement on trade, investment and transport" in names(
        "They signed the Agreement on trade, investment and transport, the ministry said."
    )


# --- a step told as an honour or a pleasure taken ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "On Tuesday I had the honour to sign, together with the Deputy Minister, the Financing Agreement "
        "for the Green Skills programme.",
        "Yesterday we were pleased to sign the Financing Agreement for the Green Skills programme in Astana.",
        "The Ambassador had the privilege of signing the Financing Agreement for the Green Skills programme "
        "in Astana.",
        "The Commissioner was delighted to sign the Financing Agreement for the Green Skills programme on "
        "Monday.",
    ],
)
def test_a_step_told_as_an_honour_is_done(text):
    assert status_of(text)["Financing Agreement for the Green Skills programme"] == "signed"


def test_a_wish_to_sign_stays_ahead():
    assert status_of("The minister would be pleased to sign the Agreement on Air Transport next year.") == {
        "Agreement on Air Transport": "initialled"
    }


# --- "X is implemented through a roadmap": X in force, the plan adopted -----------------------------


@pytest.mark.parametrize(
    ("text", "doc", "plan"),
    [
        (
            "The Memorandum of Understanding on raw materials, signed in November 2022, is now being "
            "implemented through a roadmap for 2023-2024.",
            "Memorandum of Understanding on raw materials",
            "roadmap for 2023-2024",
        ),
        (
            "The Partnership Agreement on energy is implemented via an action plan for 2025-2027.",
            "Partnership Agreement on energy",
            "action plan for 2025-2027",
        ),
        (
            "Since 2021 the Memorandum on transport has been implemented mainly through a joint work plan "
            "for 2021-2023.",
            "Memorandum on transport",
            "joint work plan for 2021-2023",
        ),
    ],
)
def test_implemented_through_a_plan(text, doc, plan):
    found = status_of(text)
    assert found[doc] == "in force"
    assert found[plan] == "signed"


# --- a short label, then the title: the record takes the title --------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Q: What about the raw materials memorandum? A: The Memorandum of Understanding on raw materials, "
        "batteries and renewable hydrogen, signed in November 2022, is being implemented.",
        "Journalists asked about the raw materials memorandum. The Memorandum of Understanding on raw "
        "materials, batteries and renewable hydrogen entered into force in 2023.",
        "The raw materials memorandum was discussed. The Memorandum of Understanding on raw materials, "
        "batteries and renewable hydrogen was signed in 2022.",
    ],
)
def test_label_then_title_named_by_the_title(text):
    got = status_of(text)
    assert "Memorandum of Understanding on raw materials, batteries and renewable hydrogen" in got
    assert "raw materials memorandum" not in got


# --- an agreement told by its subject alone ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("We also asked our European friends to start talks on visa facilitation.", "proposed"),
        (
            "Q: Will visa facilitation be offered? A: It is on the table, but I cannot promise a date.",
            "proposed",
        ),
        (
            "Lots on the agenda: critical raw materials, the corridor, visa facilitation (talks continue).",
            "negotiating",
        ),
        ("Negotiations on visa-facilitation were launched in Brussels in May.", "negotiating"),
    ],
)
def test_visa_facilitation_without_the_noun_is_an_agreement(text, status):
    assert status_of(text).get("visa facilitation agreement") == status


@pytest.mark.parametrize(
    "text",
    [
        "Readmission talks continue, the ministry said.",
        "The sides continued talks on readmission in Bishkek.",
        "Negotiations on readmission are under way.",
    ],
)
def test_readmission_without_the_noun_is_an_agreement(text):
    assert status_of(text).get("readmission agreement") == "negotiating"


@pytest.mark.parametrize(
    "text",
    [
        "The ministers discussed visa facilitation and student mobility.",
        "Visa facilitation remains a priority for the Kyrgyz side.",
        "The visa facilitation dialogue met in Brussels.",
        "A joint working group on visa facilitation, proposed by Astana, has met twice.",
        "A seminar on readmission was held in Bishkek, the ministry said.",
    ],
)
def test_a_subject_without_a_stage_is_no_agreement(text):
    assert "visa facilitation agreement" not in status_of(text)


def test_subject_told_beside_the_named_agreement_adds_nothing():
    got = status_of(
        "Q: Is there any news on the visa facilitation talks? A: We proposed to launch negotiations on a "
        "visa facilitation and readmission agreement last year."
    )
    assert got == {"visa facilitation and readmission agreement": "proposed"}


def test_subject_then_named_agreement_is_one_record():
    got = status_of(
        "Talks on visa facilitation started in May. The visa facilitation agreement was initialled in "
        "September."
    )
    assert got == {"visa facilitation agreement": "initialled"}


# --- a plan's period before or after its noun --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The sides intend to sign the Roadmap 2026–2027 under the Memorandum of Understanding on raw "
            "materials; its text was agreed in August.",
            "Roadmap 2026–2027 under the Memorandum of Understanding on raw materials",
        ),
        ("The 2026–2027 roadmap is now being negotiated line by line.", "2026–2027 roadmap"),
        ("The ministers adopted the Action Plan 2025-2027 on energy.", "Action Plan 2025-2027 on energy"),
        ("The 2024-2026 work plan was approved in Tashkent.", "2024-2026 work plan"),
    ],
)
def test_a_period_names_the_plan(text, name):
    assert name in names(text)


def test_a_period_after_a_plan_keeps_its_stage():
    got = status_of(
        "The sides intend to sign the Roadmap 2026–2027 under the Memorandum of Understanding on raw "
        "materials; its text was agreed in August."
    )
    assert got["Roadmap 2026–2027 under the Memorandum of Understanding on raw materials"] == "initialled"


# --- a document named by the body it set up ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Council was established by a memorandum signed in 2019.",
            "memorandum establishing the Council",
        ),
        (
            "The Business Council was set up under an agreement signed in Astana in 2015.",
            "agreement establishing the Business Council",
        ),
        (
            "The Joint Centre for Water Research, created by a protocol signed in 2012, opened a new lab.",
            "protocol establishing the Joint Centre for Water Research",
        ),
    ],
)
def test_document_named_by_the_body_it_set_up(text, name):
    assert status_of(text).get(name) == "signed"


def test_an_established_body_without_a_document_names_none():
    assert status_of("The Council was established in 2019 and meets twice a year.") == {}
