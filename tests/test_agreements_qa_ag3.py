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


# --- a step told for a date after the text's: still ahead ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The Agreement on Air Services enters into force on 1 July 2026.", "ratified"),
        ("The Agreement on Air Services goes into force on 1 July.", "ratified"),
        ("The Agreement on Air Services takes effect from 1 September 2026, the ministry said.", "ratified"),
        ("The Treaty on Water Sharing is signed in Tashkent on 20 June.", "initialled"),
    ],
)
def test_a_step_dated_after_the_text_is_ahead(text, status):
    assert list(status_of(text, published="2026-06-01").values()) == [status]


@pytest.mark.parametrize(
    "text",
    [
        "The Agreement on Air Services, in force until 2030, covers cargo flights.",
        "The Agreement on Air Services entered into force on 1 March 2020.",
        "The Agreement on Air Services remains in force until 2030.",
        "The Agreement on Air Services went into force in 2022.",
    ],
)
def test_a_step_dated_before_the_text_or_a_term_is_reached(text):
    assert list(status_of(text, published="2026-06-01").values()) == ["in force"]


# --- a parliament's rubber stamp, a text agreed in principle -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Agreement on Air Services was rubber-stamped by lawmakers on Wednesday.",
        "The Mazhilis rubber-stamped the Agreement on Air Services.",
        "Parliament rubber-stamped the Treaty on Water Sharing in May.",
    ],
)
def test_a_parliaments_rubber_stamp_is_a_ratification(text):
    assert list(status_of(text).values()) == ["ratified"]


@pytest.mark.parametrize(
    "text",
    [
        "The sides agreed in principle on the Agreement on Air Services.",
        "Negotiators agreed in principle on the Treaty on Water Sharing on Friday.",
        "The ministers reached an agreement in principle on the Protocol on Transit.",
    ],
)
def test_a_text_agreed_in_principle_is_initialled(text):
    assert list(status_of(text).values()) == ["initialled"]


# --- company documents: the noun's own "of", heads of agreement, "are preparing" ------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Samruk-Kazyna and CNPC signed a memorandum of understanding on a gas plant.",
            "memorandum of understanding between Samruk-Kazyna and CNPC on a gas plant",
        ),
        (
            "Navoi Mining and Orano signed a programme of cooperation on uranium.",
            "programme of cooperation between Navoi Mining and Orano on uranium",
        ),
        (
            "At the forum, KazMunayGas and Eni signed a heads of agreement on a gas project.",
            "heads of agreement between KazMunayGas and Eni on a gas project",
        ),
    ],
)
def test_company_pair_goes_after_the_nouns_own_of(text, name):
    assert status_of(text) == {name: "signed"}


@pytest.mark.parametrize(
    "text",
    [
        "Uzbekistan and the EU are preparing a new Memorandum of Understanding on critical raw materials, "
        "to be signed at the summit.",
        "The ministries were preparing the Memorandum of Understanding on critical raw materials in May.",
        "Experts have been preparing the Memorandum of Understanding on critical raw materials since March.",
    ],
)
def test_a_document_being_prepared_is_negotiated(text):
    assert list(status_of(text).values()) == ["negotiating"]


def test_agreeing_to_prepare_a_plan_is_still_a_proposal():
    assert status_of("The sides agreed to prepare a roadmap on critical raw materials.") == {
        "roadmap on critical raw materials": "proposed"
    }


# --- a new document named by its purpose --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The EBRD and Kazakhstan signed a Memorandum of Understanding to support green hydrogen.",
            "Memorandum of Understanding to support green hydrogen",
        ),
        (
            "The sides signed an agreement to build a 300-megawatt wind farm near Shelek.",
            "agreement to build a 300-megawatt wind farm near Shelek",
        ),
        (
            "A memorandum to develop the port of Aktau was initialled by the two ministries.",
            "memorandum to develop the port of Aktau",
        ),
    ],
)
def test_a_document_named_by_its_purpose(text, name):
    assert name in status_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "They reached an agreement to extend the ceasefire.",
        "There is a Memorandum of Understanding to support green hydrogen.",
        "An agreement to be signed in June will cover transit.",
    ],
)
def test_a_purpose_without_a_stage_names_no_record(text):
    assert status_of(text) == {}


# --- documents exchanged at a ceremony -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "At the ceremony, the sides exchanged a Memorandum of Understanding on critical "
        "raw materials and a Protocol on customs cooperation.",
        "The ministers exchanged the Memorandum of Understanding on critical raw materials and the Protocol "
        "on customs cooperation.",
        "After the talks the delegations exchanged a Memorandum of Understanding on critical raw materials, "
        "as well as a Protocol on customs cooperation.",
    ],
)
def test_documents_exchanged_are_signed(text):
    assert status_of(text) == {
        "Memorandum of Understanding on critical raw materials": "signed",
        "Protocol on customs cooperation": "signed",
    }


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "The ministers exchanged views on the Protocol on customs cooperation, initialled in 2025.",
            "initialled",
        ),
        ("The sides exchanged opinions on a Protocol on customs cooperation.", "in force"),
        ("Kazakhstan and the EU exchanged notifications on the Protocol on customs cooperation.", "ratified"),
    ],
)
def test_views_exchanged_sign_nothing(text, status):
    assert status_of(text) == {"Protocol on customs cooperation": status}


# --- a step requested, under way, or approved for signing is still ahead ----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tashkent has requested the launch of talks on a readmission agreement.",
        "Bishkek requests negotiations on a readmission agreement with the EU.",
        "The Kyrgyz side renewed its request to open talks on a readmission agreement.",
    ],
)
def test_talks_requested_leave_the_agreement_proposed(text):
    assert list(status_of(text).values()) == ["proposed"]


@pytest.mark.parametrize(
    "text",
    [
        "Ratification of the Agreement on Air Services is under way in the Jogorku Kenesh.",
        "The ratification of the Agreement on Air Services is still pending.",
        "The Agreement on Air Services was signed in May; its ratification is now in progress.",
    ],
)
def test_a_ratification_under_way_leaves_the_agreement_signed(text):
    assert status_of(text) == {"Agreement on Air Services": "signed"}


@pytest.mark.parametrize(
    "text",
    [
        "The Agreement on Air Services was approved by the Cabinet of Ministers for signing.",
        "The government approved the Agreement on Air Services for signature on Tuesday.",
        "The Protocol on Transit was endorsed by the Cabinet for signing in May.",
    ],
)
def test_approved_for_signing_is_initialled(text):
    assert list(status_of(text).values()) == ["initialled"]


# --- "deal" and "pact" with a word of what they are on --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "status"),
    [
        (
            "Kazakhstan and the EU initialled the aviation deal in October 2024.",
            "aviation deal",
            "initialled",
        ),
        ("The sides are negotiating a free trade deal.", "free trade deal", "negotiating"),
        ("The two governments sealed a security pact on Monday.", "security pact", "signed"),
    ],
)
def test_a_deal_or_pact_with_its_subject_is_an_agreement(text, name, status):
    assert status_of(text) == {name: status}


@pytest.mark.parametrize(
    "text",
    [
        "The ministry paid a great deal of attention to it.",
        "They signed a USD 2 billion deal with Airbus.",
        "The deal was welcomed by investors.",
    ],
)
def test_a_bare_deal_names_no_agreement(text):
    assert status_of(text) == {}


def test_a_bare_deal_refers_to_no_agreement():
    assert status_of(
        "The deal follows the Enhanced Partnership and Cooperation Agreement signed in 2015."
    ) == {"Enhanced Partnership and Cooperation Agreement": "signed"}


@pytest.mark.parametrize(
    "text",
    [
        "The sides signed a memorandum on energy on Monday.",
        "The sides signed a memorandum on energy on 5 May.",
        "On Monday the sides signed a memorandum on energy.",
    ],
)
def test_a_date_after_the_noun_is_no_part_of_the_name(text):
    assert status_of(text) == {"memorandum on energy": "signed"}


# --- a plan told by its period and the partnership named before it; a plan completed -------------------


def test_a_period_plan_is_named_by_the_partnership_before_it():
    got = status_of(
        "We reviewed the raw materials and hydrogen partnership. The 2023–2024 roadmap is completed, and "
        "the 2026–2027 roadmap is now being negotiated."
    )
    assert got == {
        "2023–2024 roadmap of the raw materials and hydrogen partnership": "in force",
        "2026–2027 roadmap of the raw materials and hydrogen partnership": "negotiating",
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The ministers reviewed the EU–Uzbekistan energy dialogue. Its 2025 work plan was adopted.",
            "2025 work plan of the EU–Uzbekistan energy dialogue",
        ),
        (
            "Under the Team Europe initiative on water, the 2024-2026 action plan has been approved.",
            "2024-2026 action plan of the Team Europe initiative",
        ),
        ("The 2026-2027 roadmap was signed in Astana.", "2026-2027 roadmap"),
    ],
)
def test_a_period_plan_takes_the_owner_named_just_before(text, name):
    assert name in status_of(text)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The action plan for 2022-2024 has been completed in full.", "in force"),
        ("The roadmap for 2021-2023 was completed last year.", "in force"),
        ("Work on the roadmap for 2024-2025 has been completed.", "initialled"),
        ("The Agreement on Air Services was completed in May.", "initialled"),
    ],
)
def test_a_plan_completed_is_carried_out_a_text_completed_is_initialled(text, status):
    assert list(status_of(text).values()) == [status]


def test_a_project_completed_under_a_document_says_nothing_of_it():
    assert status_of("Construction of the plant under the Memorandum on energy was completed.") == {
        "Memorandum on energy": "in force"
    }


def test_a_clause_is_no_owner_of_a_period_plan():
    got = status_of("The sides agreed to strengthen the partnership. The 2026-2027 roadmap was signed.")
    assert got == {"2026-2027 roadmap": "signed"}


@pytest.mark.parametrize(
    "text",
    [
        "The Preferential Trade Agreement is in force; talks on turning the preferential deal into a full "
        "free trade agreement were launched last year.",
        "The Preferential Trade Agreement entered into force in 2023. The preferential deal covers 40 "
        "products.",
        "In 2023 the Preferential Trade Agreement took effect, and the preferential trade deal has grown "
        "since.",
    ],
)
def test_a_deal_told_by_the_words_of_a_named_agreement_refers_to_it(text):
    got = status_of(text)
    assert got["Preferential Trade Agreement"] == "in force"
    assert not any(n.endswith("deal") for n in got)


@pytest.mark.parametrize(
    "text",
    [
        "The EU and Kazakhstan signed the Agreement on Air Services in 2024. The deal entered into force "
        "this year.",
        "Kazakhstan ratified the Agreement on Air Services last year; the pact entered into force in March.",
        "The Agreement on Air Services was signed in 2024. This deal has been in force since January.",
    ],
)
def test_the_deal_refers_to_the_agreement_named_last(text):
    assert status_of(text) == {"Agreement on Air Services": "in force"}


# --- a contract between named sides ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "They signed a contract between SUEZ and the Tashkent city khokimiyat on a wastewater "
            "treatment plant.",
            "contract between SUEZ and the Tashkent city khokimiyat on a wastewater treatment plant",
        ),
        ("A contract between KTZ and Stadler on 500 wagons was signed.", "contract between KTZ and Stadler"),
        (
            "At the forum Uzbekistan Airways signed a contract between the airline and Airbus on ten jets.",
            "contract between the airline and Airbus on ten jets",
        ),
    ],
)
def test_a_contract_between_named_sides_is_an_agreement(text, name):
    assert status_of(text) == {name: "signed"}


@pytest.mark.parametrize(
    "text",
    [
        "The contract was signed on Monday.",
        "Airbus won a contract worth EUR 2 billion.",
        "The company signed a supply contract with the ministry.",
    ],
)
def test_a_contract_without_its_sides_is_no_agreement(text):
    assert status_of(text) == {}


# --- a document offered is proposed; an offer of something else under one says nothing of it -------------


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The EU offered a readmission agreement to Tajikistan.", "proposed"),
        ("A readmission agreement was offered to Tajikistan in 2025.", "proposed"),
        ("Q: Will visa facilitation be offered? A: The Council has not yet given a mandate.", "proposed"),
        ("Under the Partnership Agreement, the EU offered support to farmers.", "in force"),
    ],
)
def test_offered_speaks_of_the_document_next_to_it(text, status):
    assert list(status_of(text).values()) == [status]
