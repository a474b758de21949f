"""Agreement names (annotate.agreements) and their stage as of the time of writing
(interpret.agreements)."""

from __future__ import annotations

import pytest

from communique import extract
from communique.annotate.agreements import find_agreement_mentions


def names(text: str) -> list[str]:
    return [m.name for m in find_agreement_mentions(text) if not m.anaphoric]


def stages(text: str, published: str = "2024-06-01") -> dict[str, str | None]:
    return {a.name: a.status for a in extract(text, published=published).agreements}


def test_capitalised_name_with_acronym():
    found = find_agreement_mentions(
        "They signed the Enhanced Partnership and Cooperation Agreement (EPCA) today."
    )
    assert [(m.name, m.acronym) for m in found] == [
        ("Enhanced Partnership and Cooperation Agreement", "EPCA")
    ]


def test_coordinated_nouns_make_two_agreements():
    assert names("talks on visa facilitation and readmission agreements without delay") == [
        "visa facilitation agreement",
        "readmission agreement",
    ]


def test_post_modifier_runs_to_the_clause_end():
    text = (
        "The memorandum of understanding on sustainable raw materials, batteries and renewable "
        "hydrogen value "
        "chains, signed last year, works well."
    )
    assert names(text) == [
        "memorandum of understanding on sustainable raw materials, batteries and renewable "
        "hydrogen value chains"
    ]


def test_protocol_amending_an_agreement_is_one_name():
    assert names(
        "The protocol amending the double taxation agreement between the two countries, which ..."
    ) == ["protocol amending the double taxation agreement between the two countries"]


def test_anaphoric_mentions_are_marked():
    found = find_agreement_mentions(
        "Kazakhstan was the first to sign such an agreement with the EU; the agreement"
    )
    assert all(m.anaphoric for m in found)


def test_valuation_is_not_part_of_the_name():
    assert names(
        "The bank signed memoranda of understanding worth EUR 1.47bn with Kazakhstan and Uzbekistan."
    ) == ["memoranda of understanding with Kazakhstan and Uzbekistan"]


@pytest.mark.parametrize(
    ("text", "name", "status"),
    [
        (
            "The two sides reviewed the practical implementation of the Paris Agreement.",
            "Paris Agreement",
            "in force",
        ),
        (
            "Both sides stressed the importance of launching negotiations on a readmission agreement.",
            "readmission agreement",
            "proposed",
        ),
        (
            "The EU said it was ready to open negotiations on a visa facilitation agreement.",
            "visa facilitation agreement",
            "proposed",
        ),
        (
            "Talks on a horizontal air services agreement continued in Brussels.",
            "horizontal air services agreement",
            "negotiating",
        ),
        (
            "Negotiators initialled the agreement on certain aspects of air services on Monday.",
            "agreement on certain aspects of air services",
            "initialled",
        ),
        (
            "They stressed the importance of signing the agreement on certain aspects of air transport.",
            "agreement on certain aspects of air transport",
            "initialled",
        ),
        (
            "The European Union and Kazakhstan today signed the Enhanced Partnership and "
            "Cooperation Agreement.",
            "Enhanced Partnership and Cooperation Agreement",
            "signed",
        ),
        (
            "The 2012 intergovernmental agreement on raw materials remains in force.",
            "2012 intergovernmental agreement on raw materials",
            "in force",
        ),
        (
            "The Kazakh side proposed to start work on an intergovernmental agreement on "
            "electronic commerce.",
            "intergovernmental agreement on electronic commerce",
            "proposed",
        ),
    ],
)
def test_stage_cues(text, name, status):
    assert stages(text).get(name) == status, stages(text)


def test_future_and_conditional_cues_leave_the_stage_before_them():
    text = (
        "The European Union and Uzbekistan today signed an Enhanced Partnership and Cooperation Agreement "
        "(EPCA). Before it can enter into force, the agreement still needs the consent of the European "
        "Parliament and ratification by Uzbekistan's parliament."
    )
    assert stages(text) == {"Enhanced Partnership and Cooperation Agreement": "signed"}


def test_ratified_not_yet_in_force():
    text = (
        "EU ministers adopted the decision concluding the Enhanced Partnership and Cooperation Agreement "
        "(EPCA). The EPCA, applied provisionally since 2016, will now enter into force in full on 1 March."
    )
    assert stages(text, "2020-01-21") == {"Enhanced Partnership and Cooperation Agreement": "ratified"}


def test_replaced_agreement_is_in_force_and_distinct_from_its_successor():
    text = (
        "Once it takes effect, the Enhanced Partnership and Cooperation Agreement (EPCA), initialled in "
        "January, will replace the Partnership and Cooperation Agreement that has framed "
        "relations since 1999."
    )
    found = stages(text, "2015-03-04")
    assert found["Partnership and Cooperation Agreement"] == "in force"
    assert found["Enhanced Partnership and Cooperation Agreement"] == "initialled"


def test_never_signed_is_not_signed():
    text = "An earlier draft of the transit agreement was initialled in 2007 but never signed."
    assert stages(text) == {"transit agreement": "initialled"}


def test_negotiations_on_a_subject_imply_an_agreement():
    text = (
        "The two sides announced that they had concluded their bilateral negotiations on "
        "market access for goods."
    )
    found = extract(text, published="2025-10-24").agreements
    assert [(a.name, a.status) for a in found] == [
        ("bilateral agreement on market access for goods", "negotiating")
    ]


def test_plural_common_noun_without_a_stage_is_not_recorded():
    text = "The deal brings bilateral air services agreements with member states into line with EU law."
    assert extract(text, published="2024-10-15").agreements == []


def test_a_cue_before_a_list_applies_to_every_item():
    text = (
        "A package of 12 documents was signed, including an agreement on migration and mobility and a "
        "memorandum on cooperation in green hydrogen."
    )
    assert stages(text) == {
        "agreement on migration and mobility": "signed",
        "memorandum on cooperation in green hydrogen": "signed",
    }


def test_a_step_said_to_be_expected_is_still_ahead():
    text = (
        "The EU and the Kyrgyz Republic initialled an Enhanced Partnership and Cooperation Agreement in "
        "July 2019; its signature is expected soon."
    )
    assert stages(text) == {"Enhanced Partnership and Cooperation Agreement": "initialled"}


def test_name_stops_at_a_new_verb_and_takes_a_party_compound():
    text = (
        "They reviewed negotiations on the EU-Kazakhstan agreement on visa facilitation and discussed the "
        "next meeting."
    )
    assert stages(text) == {"EU-Kazakhstan agreement on visa facilitation": "negotiating"}


def test_stage_dates():
    text = (
        "It will take the place of the Partnership and Cooperation Agreement signed in 1995, which has been "
        "in force since 1999. The 1992 treaty remains in force."
    )
    got = {a.name: (a.status, a.date) for a in extract(text, published="2015-12-21").agreements}
    assert got["Partnership and Cooperation Agreement"] == ("in force", "1999")
    assert got["1992 treaty"] == ("in force", None)


def test_a_step_without_a_date_takes_the_reported_meeting_date():
    text = (
        "The 21st meeting of the Cooperation Council between the European Union and Kazakhstan took place in "
        "Luxembourg on Monday, 14 October.\n\nNegotiators initialled the horizontal agreement on certain "
        "aspects of air services.\n"
    )
    (a,) = extract(text, published="2024-10-15").agreements
    assert (a.status, a.date) == ("initialled", "2024-10-14")


def test_the_text_refers_to_the_agreement_named_last():
    text = (
        "The sides discussed a new partnership agreement. The text was initialled in Brussels in July, "
        "after long talks."
    )
    assert stages(text) == {"new partnership agreement": "initialled"}


def test_discussing_an_entry_into_force_is_a_step_ahead():
    text = (
        "The sides discussed the entry into force of the Enhanced Partnership and Cooperation Agreement, "
        "which was initialled in 2022, trade, energy and the implementation of the Global Gateway strategy."
    )
    assert stages(text) == {"Enhanced Partnership and Cooperation Agreement": "initialled"}


# --- generalisation: document kinds and stage wording beyond the dev corpus -----------------------


def test_roadmaps_concepts_and_declarations_are_agreements():
    st = stages(
        "The ministers signed a roadmap on customs digitalisation for 2025–2028. "
        "The leaders said an energy action plan for 2021-2023 was being implemented and signed a concept "
        "of water cooperation until 2035. "
        "The Presidents put their signatures to the Declaration on strategic partnership between the two "
        "republics."
    )
    assert st["roadmap on customs digitalisation for 2025–2028"] == "signed"
    assert st["energy action plan for 2021-2023"] == "in force"
    assert st["concept of water cooperation until 2035"] == "signed"
    assert st["Declaration on strategic partnership between the two republics"] == "signed"


def test_capitalised_agreement_on_the_title():
    assert names(
        "They welcomed the entry into force of the Agreement on the Avoidance of Double Taxation."
    ) == ["Agreement on the Avoidance of Double Taxation"]


def test_name_stops_at_a_parenthetical_speaker_and_into_effect_is_in_force():
    st = stages("The agreement on visa-free travel for students, she noted, came into effect on 1 March.")
    assert st == {"agreement on visa-free travel for students": "in force"}


def test_negotiations_on_which_speak_of_the_named_agreement():
    st = stages(
        "The sides agreed to speed up work on a Comprehensive Economic Partnership Agreement, "
        "negotiations on which are under way."
    )
    assert st == {"Comprehensive Economic Partnership Agreement": "negotiating"}


def test_signed_treaty_awaiting_consent_is_still_signed():
    st = stages(
        "The Cooperation Agreement, which was signed in 2004, still awaits the consent of the Senate."
    )
    assert st == {"Cooperation Agreement": "signed"}


def test_convention_naming_a_conference_is_no_agreement():
    e = extract(
        "Ankara will host the 31st Conference of the Parties to the UN Framework Convention on Climate "
        "Change (COP31) in November 2026.",
        published="2025-01-10",
    )
    assert e.agreements == []


def test_initials_call_to_open_talks_and_coordinated_names():
    st = stages(
        "Negotiators put their initials today on the text of a Framework Agreement (FA), closing talks "
        "that opened in 2019. Armenia renewed its call for the EU to open negotiations on customs "
        "cooperation and extradition agreements."
    )
    assert st["Framework Agreement"] == "initialled"
    assert st["customs cooperation agreement"] == "proposed"
    assert st["extradition agreement"] == "proposed"


def test_consent_still_to_be_given_is_no_ratification():
    st = stages(
        "The parties signed the Association Agreement (AA) in Tbilisi on Monday. Both parliaments have to "
        "give their consent, and each member state has to ratify the agreement before it can enter "
        "into force.",
        published="2024-06-05",
    )
    assert st["Association Agreement"] == "signed"


def test_agreement_of_its_generation_is_no_name():
    assert names("The AA is the first agreement of its generation between the EU and a Caucasus state.") == []


def test_soft_document_nouns_need_a_stage():
    st = stages(
        "The ministers discussed the concept of a green corridor and a roadmap for youth exchanges. "
        "They signed a roadmap on customs cooperation."
    )
    assert st == {"roadmap on customs cooperation": "signed"}


def test_a_cue_does_not_cross_a_new_verb_of_the_same_subject():
    st = stages(
        "The two leaders adopted a joint communique and agreed to launch negotiations on a free trade "
        "agreement next year. The ministers signed a roadmap on tourism for 2025–2027 and called for an "
        "agreement on a single customs window."
    )
    assert st["free trade agreement"] == "proposed"
    assert st["roadmap on tourism for 2025–2027"] == "signed"
    assert st["agreement on a single customs window"] == "proposed"


def test_one_signing_cue_for_two_coordinated_agreements():
    st = stages(
        "The sides signed an agreement on mutual legal assistance and an intergovernmental agreement on "
        "rail freight on Monday."
    )
    assert st == {
        "agreement on mutual legal assistance": "signed",
        "intergovernmental agreement on rail freight": "signed",
    }


def test_law_on_ratification_and_working_drafts():
    assert stages("The Senate approved the law on ratification of the Friendship Treaty with Latvia.") == {
        "Friendship Treaty with Latvia": "ratified"
    }
    assert stages("The ministries are working on a draft memorandum on solar energy.") == {
        "memorandum on solar energy": "negotiating"
    }


def dated(text: str, published: str = "2024-06-01") -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.status, a.date) for a in extract(text, published=published).agreements}


def test_capitalised_name_continues_in_lower_case():
    assert names("The ministers discussed the Agreement on mutual recognition of diplomas.") == [
        "Agreement on mutual recognition of diplomas"
    ]
    assert names(
        "They reviewed the Memorandum of Understanding on a strategic partnership on critical minerals, "
        "signed last year."
    ) == ["Memorandum of Understanding on a strategic partnership on critical minerals"]
    assert names("Within the session a draft Agreement on the creation of a joint fund was initialled.") == [
        "Agreement on the creation of a joint fund"
    ]


def test_phrase_of_circumstance_is_not_the_title():
    found = names("The minister signed the Agreement on behalf of the government.")
    assert not any(n.startswith("Agreement on behalf") for n in found)
    assert not any(n.startswith("Treaty on") for n in names("The sides signed the Treaty on 5 May."))
    assert names("Agreement on the need for closer coordination was reached.") == []
    assert names("The Agreement on further deepening of cooperation was signed.") == [
        "Agreement on further deepening of cooperation"
    ]


def test_between_the_governments_and_of_the_meeting_belong_to_the_name():
    assert names(
        "They welcomed the Agreement between the Government of the Republic of Latvia and the Government "
        "of the Republic of Estonia on international bus services, and discussed trade."
    ) == [
        "Agreement between the Government of the Republic of Latvia and the Government of the Republic "
        "of Estonia on international bus services"
    ]
    assert names("The co-chairs signed the Protocol of the 5th meeting of the Joint Commission.") == [
        "Protocol of the 5th meeting of the Joint Commission"
    ]


def test_capitalised_premodifier_at_the_head_of_a_list_item():
    assert names("Agreements:\n2. **Free trade agreement** – talks were launched in 2023.") == [
        "Free trade agreement"
    ]


def test_list_items_take_the_stage_of_their_lead_in():
    st = dated(
        "The ministers met in Riga.\n\nOn 3 May 2024 the following documents were signed:\n"
        "- the Declaration on Friendship between Latvia and Estonia;\n"
        "- the Memorandum of Understanding between the Ministries of Health on cooperation for 2024-2026.",
        published="2024-05-03",
    )
    assert st == {
        "Declaration on Friendship between Latvia and Estonia": ("signed", "2024-05-03"),
        "Memorandum of Understanding between the Ministries of Health on cooperation for 2024-2026": (
            "signed",
            "2024-05-03",
        ),
    }


def test_a_call_to_conclude_negotiations_means_they_are_under_way():
    assert stages(
        "The sides called for the early conclusion of negotiations on the Agreement on the avoidance of "
        "double taxation."
    ) == {"Agreement on the avoidance of double taxation": "negotiating"}


def test_progress_towards_signature_keeps_the_initialled_stage():
    st = dated(
        "They welcomed the progress made towards the signature of the Partnership Agreement, whose text "
        "was initialled in May 2022."
    )
    assert st == {"Partnership Agreement": ("initialled", "2022-05")}


def test_a_date_of_another_step_after_a_semicolon_is_not_taken():
    st = dated(
        "3. Agreement on mutual recognition of driving licences – text agreed by the working group; "
        "to be signed in September."
    )
    assert st == {"Agreement on mutual recognition of driving licences": ("initialled", None)}


def test_a_full_title_does_not_take_between_or_a_verb():
    assert names(
        "The Enhanced Partnership and Cooperation Agreement between Latvia and the European Union entered "
        "into force on 1 March."
    ) == ["Enhanced Partnership and Cooperation Agreement"]


def test_numbered_items_of_a_lead_in_still_ahead():
    st = stages(
        "3. The following documents are to be signed at the summit:\n1. Agreement on mutual protection of "
        "investments;\n2. Agreement on cultural cooperation."
    )
    assert st == {
        "Agreement on mutual protection of investments": "initialled",
        "Agreement on cultural cooperation": "initialled",
    }


def test_a_date_after_another_steps_cue_is_not_this_stages_date():
    st = dated(
        "The parties noted that the Agreement on the establishment of a joint business council, signed in "
        "2019, is being implemented successfully."
    )
    assert st == {"Agreement on the establishment of a joint business council": ("in force", None)}
    assert dated("The Agreement on trade was signed and entered into force on 1 May 2020.") == {
        "Agreement on trade": ("in force", "2020-05-01")
    }


def test_a_launch_of_negotiations_reported_or_still_ahead():
    assert stages(
        "The ministers welcomed the launch of negotiations on a free trade agreement last year."
    ) == {"free trade agreement": "negotiating"}
    assert stages("The sides discussed the launch of negotiations on a visa facilitation agreement.") == {
        "visa facilitation agreement": "proposed"
    }
    # the sides agreeing to launch talks opens them at that occasion (tune6-8 and corpus2 gold; the
    # dev convention "talks launched -> negotiating"), unless a later start is given
    assert stages("The parties agreed to launch negotiations on an agreement on social security.") == {
        "agreement on social security": "negotiating"
    }


def test_a_city_after_in_is_where_not_what():
    assert names("The presidents signed an agreement on cooperation in green energy in Riga in May.") == [
        "agreement on cooperation in green energy"
    ]


def test_authorised_negotiations_and_hoped_for_rounds_are_still_ahead():
    text = (
        "The Council had authorised the opening of negotiations on a Comprehensive Partnership Agreement "
        "with Mongolia; both sides looked forward to the first round of talks."
    )
    assert stages(text) == {"Comprehensive Partnership Agreement with Mongolia": "proposed"}
    text = (
        "The leaders agreed to launch negotiations on a customs agreement and to hold a first round of talks."
    )
    assert stages(text) == {"customs agreement": "negotiating"}


def test_speeding_up_negotiations_says_they_are_under_way():
    text = "Deputies asked the government to speed up negotiations on a road transport agreement."
    assert stages(text) == {"road transport agreement": "negotiating"}
    # a step that is only ahead stays ahead
    text = "They agreed to speed up the ratification of the road transport agreement."
    assert stages(text) == {"road transport agreement": "signed"}


def test_procedures_needed_for_entry_into_force_leave_the_agreement_signed():
    text = (
        "The sides agreed to complete the procedures necessary for the entry into force of the Agreement "
        "on Cultural Cooperation, signed in Riga in March last year."
    )
    found = extract(text, published="2025-10-02").agreements
    assert [(a.name, a.status, a.date) for a in found] == [
        ("Agreement on Cultural Cooperation", "signed", "2024-03")
    ]


def test_talks_on_a_named_instrument_make_an_agreement():
    text = "The minister said Riga would propose opening talks on a Digital Trade Partnership Framework."
    assert stages(text) == {"Digital Trade Partnership Framework": "proposed"}
    # the talks on "a new agreement" name no agreement of their own, and a quote names none
    quote = '"We see the opening of negotiations on a new agreement as a sign of trust," he said.'
    assert stages(quote) == {}


def test_a_capitalised_name_goes_on_over_for_and_a_period():
    assert names(
        "They welcomed the Joint Action Plan for Trade and Transport for 2024–2028, adopted last year."
    ) == ["Joint Action Plan for Trade and Transport for 2024–2028"]


def test_loan_agreements_are_pledges_not_agreements():
    text = "The fund signed loan agreements with Georgia and Armenia totalling USD 200 million."
    assert extract(text, published="2025-05-16").agreements == []


def test_the_next_round_of_talks_says_they_are_under_way():
    text = "The sides agreed to hold the next round of negotiations on the free trade agreement in May."
    assert stages(text) == {"free trade agreement": "negotiating"}
    # steps needed for implementing an agreement leave it in force
    text = "The sides discussed the steps necessary for the implementation of the Agreement on Transit."
    assert stages(text) == {"Agreement on Transit": "in force"}


def test_a_step_ahead_in_the_clause_of_a_new_verb_leaves_an_earlier_agreement_alone():
    text = (
        "The 1996 Convention on the Avoidance of Double Taxation remains the basis of tax cooperation, and "
        "the sides agreed that a protocol on exchange of information should be negotiated next year."
    )
    st = stages(text)
    assert st["1996 Convention on the Avoidance of Double Taxation"] == "in force"
    assert st["protocol on exchange of information"] == "proposed"


def test_notes_bringing_an_agreement_into_force_and_a_participle_clause_after_a_name():
    found = extract(
        "Latvia and Georgia today signed an Agreement on the Protection of Investments, concluding talks "
        "that began in 2022. They also exchanged notes bringing into force the Agreement on Road "
        "Transport, which was ratified by the Parliament of Georgia in September.",
        published="2025-11-05",
    ).agreements
    assert [(a.name, a.status, a.date) for a in found] == [
        ("Agreement on the Protection of Investments", "signed", "2025-11-05"),
        ("Agreement on Road Transport", "in force", None),
    ]


def test_a_mutual_recognition_agreement_keeps_its_premodifiers():
    text = "They are ready to open talks on a mutual recognition agreement for conformity assessment."
    assert names(text) == ["mutual recognition agreement for conformity assessment"]


def test_internal_procedures_continued_work_and_expressed_interest():
    text = "Latvia completed its internal procedures for the entry into force of the Agreement on Transit."
    assert stages(text) == {"Agreement on Transit": "ratified"}
    assert stages("The sides will continue work on the draft Agreement on Labour Migration.") == {
        "Agreement on Labour Migration": "negotiating"
    }
    assert stages("The Georgian side expressed interest in concluding a free trade agreement.") == {
        "free trade agreement": "proposed"
    }


def test_a_bare_document_noun_keeps_a_lower_case_subject_and_period_but_not_the_next_document():
    text = (
        "The ministers signed a Roadmap for the removal of border delays for 2027-2029 "
        "and a Memorandum on ports."
    )
    assert names(text) == ["Roadmap for the removal of border delays for 2027-2029", "Memorandum on ports"]


def test_programmes_and_plans_of_cooperation_are_documents_when_staged():
    text = (
        "The two ministries signed a plan of cooperation between the two foreign ministries for 2027-2028 "
        "and a Programme of Cooperation between the Ministries of Culture."
    )
    assert stages(text) == {
        "plan of cooperation between the two foreign ministries for 2027-2028": "signed",
        "Programme of Cooperation between the Ministries of Culture": "signed",
    }
    # without a stage a plan of cooperation is an idea, not a document
    assert stages("They discussed a plan of cooperation in tourism.") == {}


def test_what_is_replaced_is_the_object_right_after_the_verb():
    text = (
        "The sides agreed to launch negotiations on an agreement on investment protection to replace "
        "the 1994 text, and signed a plan of cooperation for 2027-2028."
    )
    found = stages(text)
    assert found["plan of cooperation for 2027-2028"] == "signed"
    assert [v for k, v in found.items() if k.startswith("agreement on investment")] == ["negotiating"]


def test_a_law_titled_on_ratification_in_quotes_ratifies_and_a_draft_law_does_not_yet():
    text = (
        'Astana, 10 March 2026. The Mazhilis adopted the law "On ratification of the Treaty on Strategic '
        'Partnership" between Kazakhstan and Mongolia. The Treaty was signed in Ulaanbaatar on 2 May 2025. '
        "The deputies also approved in the first reading a draft law on the ratification of the Agreement "
        "between Kazakhstan and the Nordic Investment Bank on a framework for financing, "
        "signed last December."
    )
    found = stages(text, published="2026-03-10")
    assert found["Treaty on Strategic Partnership"] == "ratified"
    name = "Agreement between Kazakhstan and the Nordic Investment Bank on a framework for financing"
    assert found[name] == "signed"


def test_a_name_in_a_headline_ends_with_its_line():
    text = "Senate ratifies treaty with Mongolia\n\nAstana hosts the talks."
    assert names(text) == ["treaty with Mongolia"]


def test_a_loan_agreement_a_parliament_ratified_is_an_agreement_dated_by_the_sitting():
    text = (
        "Astana, 10 March 2026. At its plenary session on Tuesday, the Mazhilis ratified the loan agreement "
        "between Kazakhstan and the Asian Development Bank for the Almaty metro, signed in Manila on "
        "5 May 2025 during the annual meeting of the Asian Development Bank."
    )
    found = {a.name: (a.status, a.date) for a in extract(text, published="2026-03-10").agreements}
    name = "loan agreement between Kazakhstan and the Asian Development Bank for the Almaty metro"
    assert found[name] == ("ratified", "2026-03-10")
    # signed loan agreements are the money they lend: read as pledges
    assert stages("The Fund signed two loan agreements with Uzbekistan worth $90 million.") == {}


def test_documents_exchanged_in_the_presence_of_leaders_are_signed():
    text = (
        "Following the talks, the ministers signed a Joint Statement on strategic partnership. "
        "In the presence of the leaders the following documents were exchanged:\n"
        "– Programme of economic cooperation between Armenia and Georgia for 2025–2027;\n"
        "– Memorandum of understanding between the Ministries of Health on medical training;\n"
        "– Agreement on cooperation in the field of tourism.\n"
    )
    got = stages(text)
    assert got == {
        "Joint Statement on strategic partnership": "signed",
        "Programme of economic cooperation between Armenia and Georgia for 2025–2027": "signed",
        "Memorandum of understanding between the Ministries of Health on medical training": "signed",
        "Agreement on cooperation in the field of tourism": "signed",
    }


def test_a_joint_statement_without_a_stage_is_no_agreement():
    assert stages("The Joint Statement of the two ministers stresses dialogue.") == {}


def test_a_name_ends_before_and_to_and_in_the_field_of_continues_it():
    assert names(
        "They agreed to draft a Memorandum of Understanding on transit in transport and to open talks "
        "on a Memorandum in the field of digital trade."
    ) == [
        "Memorandum of Understanding on transit in transport",
        "Memorandum in the field of digital trade",
    ]


def test_interest_in_ratification_of_a_treaty_signed_earlier_leaves_it_signed():
    got = stages(
        "Armenia reiterated its interest in the ratification by the EU of the Framework Agreement "
        "signed in 2003."
    )
    assert got == {"Framework Agreement": "signed"}


def test_treaty_of_a_capitalised_subject_expected_to_be_signed_is_initialled():
    got = stages("The leaders are expected to sign a Treaty of Eternal Friendship and Cooperation in June.")
    assert got == {"Treaty of Eternal Friendship and Cooperation": "initialled"}


def test_a_bare_sign_outside_a_plan_says_nothing():
    got = stages("The Framework Agreement was initialled in May. We owe it to them to sign it, he said.")
    assert got == {"Framework Agreement": "initialled"}


def test_signed_reaches_a_protocol_named_after_as_well_as():
    got = stages(
        "The Protocol of the 5th meeting was signed, as well as a Protocol amending the Trade Agreement "
        "of 2019 extending its scope to services."
    )
    assert got == {
        "Protocol of the 5th meeting": "signed",
        "Protocol amending the Trade Agreement of 2019": "signed",
    }


def test_a_roadmap_that_was_finalised_is_initialled():
    got = stages("The roadmap for 2025–2026 was finalised last week.")
    assert got == {"roadmap for 2025–2026": "initialled"}


# --- qa10: names of listed documents and their stage -------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The ministers signed the Protocol of the second meeting of the Joint Council.",
            "Protocol of the second meeting of the Joint Council",
        ),
        (
            'They signed the Loan Agreement for the "Clean Rivers" project, under which funds flow.',
            'Loan Agreement for the "Clean Rivers" project',
        ),
        (
            'They signed a Memorandum between JSC "Kyrgyz Railways" and JSC "Turkmen Rail" on tariffs.',
            'Memorandum between JSC "Kyrgyz Railways" and JSC "Turkmen Rail" on tariffs',
        ),
        (
            "They signed the Memorandum of Understanding between the Institute of Strategic Studies under "
            "the President of Tajikistan and the Academy of Sciences of Armenia.",
            "Memorandum of Understanding between the Institute of Strategic Studies under the President of "
            "Tajikistan and the Academy of Sciences of Armenia",
        ),
        (
            "- Memorandum of cooperation between the Port of Poti and the Tbilisi Dry Port;",
            "Memorandum of cooperation between the Port of Poti and the Tbilisi Dry Port",
        ),
        (
            "2. Programme of scientific and educational cooperation for 2027–2029;",
            "Programme of scientific and educational cooperation for 2027–2029",
        ),
        (
            "They signed the Plan of Consultations between the Ministries of Foreign Affairs of Latvia "
            "and Estonia for 2026–2027.",
            "Plan of Consultations between the Ministries of Foreign Affairs of Latvia and Estonia "
            "for 2026–2027",
        ),
        (
            "A joint venture agreement among the three grid operators was initialled.",
            "joint venture agreement among the three grid operators",
        ),
        ("the new EU–Georgia Association Agenda, which", "new EU–Georgia Association Agenda"),
        (
            "They signed an administrative arrangement between the Customs Service of Moldova and the "
            "European Anti-Fraud Office.",
            "administrative arrangement between the Customs Service of Moldova and the European Anti-Fraud "
            "Office",
        ),
        (
            "a loan agreement between the Ministry of Finance and a German bank on a cement plant in the "
            "Kostanay region.",
            "loan agreement between the Ministry of Finance and a German bank on a cement plant",
        ),
        (
            "| Roadmap on trade facilitation for 2026–2027 | signed |",
            "Roadmap on trade facilitation for 2026–2027",
        ),
    ],
)
def test_names_of_listed_documents(text, name):
    assert name in names(text)


def test_a_quotation_after_a_name_is_not_part_of_it():
    text = 'They signed an agreement on transit, "This is a historic day," the minister said.'
    assert names(text) == ["agreement on transit"]


def test_a_cue_inside_a_name_says_no_stage():
    text = (
        "In the presence of the presidents the following documents were signed:\n"
        "1. Agreement on air services;\n"
        "2. Action Plan for 2026–2027 on the implementation of the Joint Statement."
    )
    got = stages(text)
    assert got["Action Plan for 2026–2027 on the implementation of the Joint Statement"] == "signed"


def test_list_items_that_lost_their_markers_take_the_lead_in():
    text = (
        "The following documents were signed at the forum:\n\n"
        'a Grant Agreement for the programme "Safe Schools", under which the EU provides funds;\n\n'
        "a Memorandum of Understanding between the Ministry of Health of Georgia and the WHO Office on "
        "vaccines;\n\n"
        "Trade grew fast."
    )
    got = stages(text)
    assert got['Grant Agreement for the programme "Safe Schools"'] == "signed"
    assert got[
        "Memorandum of Understanding between the Ministry of Health of Georgia and the WHO Office on vaccines"
    ] == ("signed")


def test_a_short_lead_in_speaks_through_the_sentence_before():
    text = (
        "During the forum, 9 commercial agreements were signed. Among them:\n"
        "1) an agreement between KazMunayGas and Eni on a solar plant;\n"
        "2) a memorandum between Air Astana and Lufthansa on pilot training."
    )
    got = stages(text)
    assert got["agreement between KazMunayGas and Eni on a solar plant"] == "signed"
    assert got["memorandum between Air Astana and Lufthansa on pilot training"] == "signed"


def test_one_signing_verb_reaches_every_document_of_a_series():
    text = (
        "The ministers signed the Roadmap on transit for 2026–2027, the Protocol on customs data, as well "
        "as the Memorandum of Understanding on tourism."
    )
    assert set(stages(text).values()) == {"signed"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("At the meeting the sides approved an Action Plan for 2026–2028.", "signed"),
        ("The sides endorsed the Partnership Priorities for 2026–2030.", "signed"),
        ("The government approved the draft Agreement on Labour Migration.", "negotiating"),
        (
            "The sides welcomed the completion of work on the text of the EU–Moldova Partnership Agenda, "
            "which is expected to be endorsed next year.",
            "initialled",
        ),
    ],
)
def test_adoption_and_text_completion_cues(text, status):
    assert list(stages(text).values()) == [status]


def test_protocol_of_the_reported_sitting_takes_its_body():
    text = (
        "Astana, 3 March 2026. The 9th meeting of the Kazakhstan–Latvia Intergovernmental Commission on "
        "Economic Cooperation was held in Astana on 3 March. At the meeting, the sides signed the protocol "
        "of the meeting."
    )
    names_ = list(stages(text, "2026-03-03"))
    assert any(
        n.startswith("protocol of the 9th meeting of the ") and "Intergovernmental Commission" in n
        for n in names_
    )


def test_an_indefinite_plan_takes_its_lower_case_parties():
    assert "Programme of cooperation between the foreign ministries for 2026–2027" in names(
        "They signed a Programme of cooperation between the foreign ministries for 2026–2027."
    )
    assert "Plan of action for 2026 between the chambers of commerce" in names(
        "They signed a Plan of action for 2026 between the chambers of commerce."
    )


def test_a_list_of_agreements_reached_is_signed():
    text = (
        "The following agreements were reached:\n"
        "– Memorandum of Understanding between Air Astana and Finnair on codeshare flights;\n"
        "– Agreement between Halyk Bank and Nordea on trade finance."
    )
    assert set(stages(text).values()) == {"signed"}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The sides agreed to finalise the text of the Agreement on Legal Assistance.", "negotiating"),
        ("The parliament decided to ratify the Treaty on Friendship, signed in 2024.", "signed"),
        (
            "The text of the Memorandum of Understanding on Batteries was agreed at expert level.",
            "initialled",
        ),
        ("The Agreement on Data Exchange was agreed ad referendum by the negotiators.", "initialled"),
    ],
)
def test_steps_ahead_and_agreed_texts(text, status):
    assert list(stages(text).values()) == [status]


def test_each_anaphor_refers_to_the_latest_name_before_it():
    text = (
        "The Senate ratified the Agreement on Legal Assistance on 5 May, and the agreement will enter "
        "into force after the exchange of notes. The instruments for the Treaty on Friendship were "
        "exchanged, and the Treaty entered into force."
    )
    got = stages(text)
    assert got["Agreement on Legal Assistance"] == "ratified"
    assert got["Treaty on Friendship"] == "in force"


def test_a_relative_clause_ends_the_name():
    assert names(
        "welcomed the conclusion of the Agreement on Data Protection, whose text was initialled"
    ) == ["Agreement on Data Protection"]


def test_a_signed_package_reaches_every_document_it_includes():
    text = (
        "Following the talks, the presidents witnessed the signing of a package of 14 documents, including "
        "the Joint Declaration on Eternal Friendship, an intergovernmental agreement on combined transport, "
        "and a memorandum of understanding between Uzbekneftegaz and Petronas on gas processing."
    )
    assert set(stages(text).values()) == {"signed"}


def test_talks_as_the_occasion_say_no_stage():
    assert list(stages("During the talks the two sides discussed the Agreement on Fisheries.").values()) == [
        "in force"
    ]
    got = stages("After the talks on the Agreement on Fisheries, the ministers met the press.")
    assert got["Agreement on Fisheries"] == "negotiating"


def test_agreed_on_the_text_is_initialled():
    text = (
        "The EU and Armenia have agreed on the text of a Memorandum of Understanding on Vaccine Production."
    )
    assert list(stages(text).values()) == ["initialled"]


def test_two_documents_joined_by_and_the_are_two():
    text = (
        "Among the documents signed are the Protocol on amendments to the Agreement on trade of 1998 and "
        "the Agreement on mutual protection of classified information."
    )
    ex = extract(text, published="2025-05-20")
    got = {a.name: (a.status, a.date) for a in ex.agreements}
    assert got["Protocol on amendments to the Agreement on trade of 1998"][0] == "signed"
    assert got["Agreement on mutual protection of classified information"] == ("signed", None)


def test_an_emphasised_lead_in_and_inked():
    text = "**Documents signed:**\n\n1) Agreement on air services;\n2) Memorandum on cooperation in health."
    assert set(stages(text).values()) == {"signed"}
    assert list(
        stages("The sides inked an agreement on a joint venture for cotton processing.").values()
    ) == ["signed"]


def test_a_step_not_yet_taken_is_still_ahead():
    assert stages("The Agreement on Visa-Free Travel has not yet entered into force.") == {
        "Agreement on Visa-Free Travel": "ratified"
    }
    assert stages("The Treaty on Water Sharing has not been signed or ratified.") == {
        "Treaty on Water Sharing": "initialled"
    }


def test_plural_documents_on_two_subjects_are_two():
    got = stages(
        "Intergovernmental agreements on cooperation in science and on mutual legal aid were signed."
    )
    assert got == {
        "Intergovernmental agreement on cooperation in science": "signed",
        "Intergovernmental agreement on mutual legal aid": "signed",
    }
    assert names("The ministries signed memoranda of understanding on geology and on water management.") == [
        "memorandum of understanding on geology",
        "memorandum of understanding on water management",
    ]


def test_the_nouns_own_acronym_and_a_valuation_do_not_end_the_name():
    assert names("They signed the Memorandum of Understanding (MoU) on Critical Raw Materials today.") == [
        "Memorandum of Understanding on Critical Raw Materials"
    ]
    assert names(
        "Kazmunaygas and Eni signed an agreement worth $1 billion on the development of a field."
    ) == ["agreement on the development of a field"]
    assert names("Firms signed 20 agreements worth $2 billion on the sidelines of the forum.") == []


def test_letter_of_intent():
    assert stages("The parties signed a Letter of Intent on Hydrogen Valleys.") == {
        "Letter of Intent on Hydrogen Valleys": "signed"
    }


def test_a_new_infinitive_keeps_its_step_to_its_own_object():
    text = (
        "The parties agreed to finalise the text of a Memorandum on Solar Energy and to launch "
        "negotiations on a Memorandum on Critical Minerals."
    )
    got = stages(text)
    assert got["Memorandum on Solar Energy"] == "negotiating"
    assert got["Memorandum on Critical Minerals"] == "negotiating"  # talks launched at the occasion


def test_implementation_of_two_documents():
    text = (
        "They reviewed the implementation of the Memorandum on Batteries, signed in 2022, and of the "
        "roadmap for 2023–2024 adopted in 2023."
    )
    got = stages(text)
    assert got["Memorandum on Batteries"] == "in force"
    assert got["roadmap for 2023–2024"] == "in force"


def test_a_similar_document_takes_the_subject_of_the_last_one():
    text = (
        "An agreement on the protection of investments with Qatar was signed on Monday; a similar treaty "
        "with Oman is still under negotiation."
    )
    got = stages(text)
    assert got["treaty on the protection of investments with Oman"] == "negotiating"


def test_long_official_titles_in_a_list():
    text = (
        "They signed the Protocol on amendments to the Agreement between the Government of the Republic of "
        "Latvia and the Government of the Republic of Estonia on international road transport dated "
        "15 October 1998 and the Comprehensive Programme of economic cooperation for 2025-2030."
    )
    assert names(text) == [
        "Protocol on amendments to the Agreement between the Government of the Republic of Latvia and the "
        "Government of the Republic of Estonia on international road transport",
        "Comprehensive Programme of economic cooperation for 2025-2030",
    ]


def test_agreed_to_launch_negotiations_opens_them_unless_a_later_start_is_given():
    got = stages(
        "The sides agreed to launch negotiations on an agreement on labour migration. They also "
        "agreed to launch negotiations in the first quarter of next year on an agreement on pensions."
    )
    assert got["agreement on labour migration"] == "negotiating"
    assert got["agreement on pensions"] == "proposed"  # a later time: the launch lies ahead either way


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The Agreement on Transit has been in effect since 2021.", "in force"),
        ("The Agreement on Road Transport became effective on 1 May 2024.", "in force"),
        ("Latvia has completed the ratification procedures for the Agreement on Air Services.", "ratified"),
        ("The ratification procedures for the Agreement on Air Services are under way in Latvia.", "signed"),
        ("The draft Agreement on Seeds has been agreed by the parties.", "initialled"),
        ("The sides called for the early signing of the Agreement on Seeds.", "initialled"),
        ("The sides called for the early entry into force of the Agreement on Seeds.", "ratified"),
        ("The sides called for the early conclusion of an agreement on seeds.", "proposed"),
    ],
)
def test_entry_into_force_ratification_and_calls_for_a_step(text, status):
    assert list(stages(text).values()) == [status]


def test_became_ends_a_name():
    assert names("The Agreement on Road Transport became effective in May.") == [
        "Agreement on Road Transport"
    ]


def test_known_as_ends_a_name():
    assert names("The bloc's Partnership Agreement with Mongolia, known as PCA, is in force.") == [
        "Partnership Agreement with Mongolia"
    ]


def test_list_items_and_readouts_take_the_day_of_their_occasion():
    text = (
        "Riga, 5 March 2026\n\nThe presidents held talks. Following the talks, the presidents signed a Joint "
        "Declaration on strategic partnership.\n\nOn 3 March 2026 a business forum was held in Riga. The "
        "following documents were signed on its margins:\n\n- Memorandum between Air Baltic and Uzbekistan "
        "Airways on codeshare flights;\n- Agreement between the chambers of commerce on exhibitions."
    )
    got = {a.name: a.date for a in extract(text, published="2026-03-05").agreements}
    assert got["Joint Declaration on strategic partnership"] == "2026-03-05"
    assert got["Memorandum between Air Baltic and Uzbekistan Airways on codeshare flights"] == "2026-03-03"


def test_expert_consultations_on_a_document_are_negotiations():
    assert stages("The delegations held expert consultations on the Agreement on Visa-Free Travel.") == {
        "Agreement on Visa-Free Travel": "negotiating"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ghana and Norway met in Accra on Monday. Three memoranda were signed: on fisheries, "
            "on maritime safety and on vocational training.",
            {
                "memorandum on fisheries": "signed",
                "memorandum on maritime safety": "signed",
                "memorandum on vocational training": "signed",
            },
        ),
        (
            "Ghana and Norway met in Accra on Monday. Agreements were signed on port logistics and on "
            "offshore wind.",
            {"Agreement on port logistics": "signed", "Agreement on offshore wind": "signed"},
        ),
        (
            "Ghana and Norway met in Accra. Two agreements were signed – on fisheries and on tourism.",
            {"agreement on fisheries": "signed", "agreement on tourism": "signed"},
        ),
        # one "on" only: a day, not a subject list
        ("Ghana and Norway met in Accra. Agreements were signed on Monday and on Tuesday.", {}),
    ],
)
def test_subjects_listed_after_a_passive_cue_make_one_agreement_each(text, expected):
    assert stages(text, published="2024-03-05") == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Uzbek side suggested signing a memorandum on cooperation in healthcare.",
        "Kazakhstan proposed to sign an agreement on cooperation in healthcare.",
        "Tajikistan put forward a proposal for the ratification of a treaty on cooperation in healthcare.",
        "The EU offered to open negotiations on an agreement on cooperation in healthcare.",
        "Bishkek put forward an initiative to conclude a treaty on cooperation in healthcare.",
    ],
)
def test_a_step_only_offered_leaves_the_document_proposed(text):
    assert list(stages(text).values()) == ["proposed"]


def test_a_proposed_document_that_was_signed_is_signed():
    assert list(stages("The proposed agreement on customs cooperation was signed on Monday.").values()) == [
        "signed"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Both chambers of parliament have now approved the agreement on air communication with Germany.",
        "The agreement on air communication with Germany was approved by the Mazhilis on Wednesday.",
        "On Wednesday the Senate endorsed the agreement on air communication with Germany.",
        "The Jogorku Kenesh adopted the agreement on air communication with Germany.",
        "The Council adopted a decision on the conclusion of the agreement on air communication with "
        "Germany.",
        "The sides exchanged notifications on the agreement on air communication with Germany.",
    ],
)
def test_a_parliaments_approval_or_the_eu_decision_on_conclusion_is_ratification(text):
    assert list(stages(text).values()) == ["ratified"]


def test_a_parliaments_vote_is_dated_and_a_first_reading_is_not_ratification():
    text = "The agreement on air communication was approved by the Mazhilis on Wednesday."
    assert dated(text, "2025-06-10") == {
        "agreement on air communication": ("ratified", "2025-06-04")
    }
    got = stages(
        "The Mazhilis approved in the first reading a draft law on the ratification of the Agreement on "
        "Air Services, signed in Brussels last December."
    )
    assert got == {"Agreement on Air Services": "signed"}
    # the sides' own approval of a plan is its adoption
    assert stages("The ministers approved the action plan for 2025-2027.") == {
        "action plan for 2025-2027": "signed"
    }


def test_the_last_notification_received_makes_an_agreement_ratified_on_that_day():
    text = (
        "Information concerning the date of entry into force of the Agreement on Air Services\n\n"
        "The Agreement on Air Services, signed at Brussels on 18 November 2025, will enter into force on "
        "1 June 2026, the last of the notifications having been received on 30 March 2026."
    )
    assert dated(text, "2026-04-20") == {"Agreement on Air Services": ("ratified", "2026-03-30")}


@pytest.mark.parametrize(
    ("text", "old", "date"),
    [
        (
            "The Enhanced Partnership and Cooperation Agreement, which entered into force on 1 April 2026, "
            "replaces the Partnership and Cooperation Agreement of 1995.",
            "Partnership and Cooperation Agreement of 1995",
            "2026-04-01",
        ),
        (
            "The Treaty on Strategic Partnership entered into force on 1 April 2026. It replaces the "
            "Agreement on Trade and Economic Cooperation of 1992.",
            "Agreement on Trade and Economic Cooperation of 1992",
            "2026-04-01",
        ),
        (
            "The Partnership and Cooperation Agreement of 1995 was replaced by the Enhanced Partnership and "
            "Cooperation Agreement, which took effect on 1 March 2020.",
            "Partnership and Cooperation Agreement of 1995",
            "2020-03-01",
        ),
        (
            "The Agreement on Trade and Economic Cooperation of 1992 was superseded by the Treaty on "
            "Strategic Partnership, in force since 1 May 2024.",
            "Agreement on Trade and Economic Cooperation of 1992",
            "2024-05-01",
        ),
    ],
)
def test_an_agreement_replaced_by_one_in_force_is_terminated_that_day(text, old, date):
    assert dated(text, "2026-06-10")[old] == ("terminated", date)


@pytest.mark.parametrize(
    "text",
    [
        "The Enhanced Partnership and Cooperation Agreement was signed on Monday. It replaces the "
        "Partnership and Cooperation Agreement of 1995, in force since 1999.",
        "Once the Treaty on Strategic Partnership enters into force, it will replace the Partnership and "
        "Cooperation Agreement of 1995.",
        "The Treaty on Strategic Partnership, ratified in May, replaces the Partnership and Cooperation "
        "Agreement of 1995.",
    ],
)
def test_an_agreement_replaced_by_one_not_yet_in_force_stays_in_force(text):
    assert stages(text)["Partnership and Cooperation Agreement of 1995"] == "in force"


def test_a_sentence_opening_with_it_and_a_step_speaks_of_the_last_agreement():
    text = (
        "Astana, 10 June 2025. The Treaty on Eternal Friendship was signed in 1998 and ratified in 1999. "
        "It entered into force in 2000."
    )
    assert dated(text, "2025-06-10") == {"Treaty on Eternal Friendship": ("in force", "2000")}
    text = "The Agreement on Road Transport was initialled in May. It was signed in Tashkent on 3 June."
    assert dated(text, "2025-06-10") == {"Agreement on Road Transport": ("signed", "2025-06-03")}
    # "It" as a party proposing a document says nothing of the one named before
    text = (
        "The Agreement on Road Transport was signed in Tashkent on 3 June. It also proposed to conclude an "
        "agreement on digital signatures."
    )
    assert dated(text, "2025-06-10") == {
        "Agreement on Road Transport": ("signed", "2025-06-03"),
        "agreement on digital signatures": ("proposed", None),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Agreement on the Kazakh–Turkmen border crossing points, signed in 2024",
            "Agreement on the Kazakh–Turkmen border crossing points",
        ),
        (
            "an agreement on the Uzbek-Tajik water commission was signed",
            "agreement on the Uzbek-Tajik water commission",
        ),
        (
            "the intergovernmental agreement on the Caspian Sea – Black Sea – Europe green energy corridor "
            "has",
            "intergovernmental agreement on the Caspian Sea – Black Sea – Europe green energy corridor",
        ),
        (
            "They signed the Agreement on Road Transport – Kazakhstan welcomed it.",
            "Agreement on Road Transport",
        ),
        ("They signed an agreement on road transport – a milestone.", "agreement on road transport"),
    ],
)
def test_a_dash_inside_a_compound_stays_in_the_name(text, expected):
    assert names(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "5. Memorandum of understanding between the ministries of agriculture on plant quarantine.",
            "Memorandum of understanding between the ministries of agriculture on plant quarantine",
        ),
        (
            "- Agreement between the customs services on the exchange of data;",
            "Agreement between the customs services on the exchange of data",
        ),
        (
            "• Programme of Cultural Cooperation for 2025–2027;",
            "Programme of Cultural Cooperation for 2025–2027",
        ),
    ],
)
def test_a_list_item_opening_with_its_noun_keeps_its_lower_case_parties(text, expected):
    assert names(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Partnership and Cooperation Agreement establishing a partnership between the European "
            "Communities and their Member States, of the one part, and the Kyrgyz Republic, of the other "
            "part, which took effect in 1999",
            "Partnership and Cooperation Agreement establishing a partnership between the European "
            "Communities and their Member States and the Kyrgyz Republic",
        ),
        (
            "The Association Agreement establishing an association between the European Union and Georgia "
            "entered into force.",
            "Association Agreement establishing an association between the European Union and Georgia",
        ),
        (
            "The Agreement establishing the Eurasian Development Bank was signed.",
            "Agreement establishing the Eurasian Development Bank",
        ),
    ],
)
def test_formal_titles_establishing_a_partnership_between_parties(text, expected):
    assert names(text) == [expected]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "At their meeting of 12 March 2026, the Parties agreed to draw up a new operational roadmap "
            "under the Memorandum for the period 2026–2027.",
            "new operational roadmap under the Memorandum for the period 2026–2027",
        ),
        (
            "On 12 March 2026 the ministers decided to elaborate a roadmap for industrial cooperation.",
            "roadmap for industrial cooperation",
        ),
        (
            "On 12 March 2026 the sides agreed to work out an agreement on mutual recognition of diplomas.",
            "agreement on mutual recognition of diplomas",
        ),
    ],
)
def test_agreed_to_draw_up_a_document_opens_work_on_it(text, name):
    assert dated(text, "2026-04-20")[name][0] == "negotiating"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The sides exchanged documents on cooperation in geological exploration.",
            {"documents on cooperation in geological exploration": "signed"},
        ),
        (
            "Documents on cooperation in energy and on cooperation in culture were signed.",
            {"Document on cooperation in energy": "signed", "Document on cooperation in culture": "signed"},
        ),
        (
            "The ministers put their signatures to a document on mutual recognition of diplomas.",
            {"document on mutual recognition of diplomas": "signed"},
        ),
        # a bare "document" is the one named last, never a record of its own
        (
            "The Agreement on Transit was signed in May. The document was ratified in June.",
            {"Agreement on Transit": "ratified"},
        ),
        ("A package of 15 documents was signed.", {}),
    ],
)
def test_documents_named_by_their_subject(text, expected):
    assert stages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The sides reviewed progress on the construction of the small nuclear power plant in the "
            "Jizzakh region. The intergovernmental agreement on this project, signed in May 2024, took "
            "effect in 2025.",
            "intergovernmental agreement on the construction of the small nuclear power plant in the Jizzakh "
            "region",
        ),
        (
            "Kazakhstan plans the modernisation of a coal power station in Ekibastuz, and a memorandum on "
            "this facility was signed on Monday.",
            "memorandum on the modernisation of a coal power station in Ekibastuz",
        ),
        (
            "The ministers discussed the Khorgos dry port project. A memorandum on this project was signed "
            "on Monday.",
            "memorandum on the Khorgos dry port project",
        ),
    ],
)
def test_an_agreement_on_this_project_is_named_by_the_project(text, expected):
    assert list(stages(text)) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks are under way on a protocol extending the project to a larger power unit.",
            {"protocol extending the project to a larger power unit": "negotiating"},
        ),
        (
            "The sides signed a protocol prolonging the agreement on transit until 2030.",
            {"protocol prolonging the agreement on transit until 2030": "signed"},
        ),
        (
            "Negotiations continue on an agreement governing the use of transboundary rivers.",
            {"agreement governing the use of transboundary rivers": "negotiating"},
        ),
    ],
)
def test_protocols_extending_or_governing_something(text, expected):
    assert stages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers sealed an agreement on gas supplies.", "signed"),
        ("Kazakhstan and Turkey penned a memorandum on defence industry cooperation.", "signed"),
        ("The two companies clinched an agreement on a joint venture in Aktau.", "signed"),
        ("A signing ceremony for the agreement on gas supplies was held in Astana.", "signed"),
    ],
)
def test_informal_signing_verbs(text, expected):
    assert list(stages(text).values()) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The agreement on gas supplies expired in 2024.", {"agreement on gas supplies": "terminated"}),
        (
            "Uzbekistan pulled out of the treaty on collective security in 2012.",
            {"treaty on collective security": "terminated"},
        ),
        ("The Agreement on Fisheries is no longer in force.", {"Agreement on Fisheries": "terminated"}),
        # an end still ahead: in force until then
        ("The agreement on gas supplies will expire in 2027.", {"agreement on gas supplies": "in force"}),
        ("The Treaty on Gas Supplies could be terminated next year.", {"Treaty on Gas Supplies": "in force"}),
    ],
)
def test_an_agreement_that_expired_or_was_left_is_terminated(text, expected):
    assert stages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The parties reached agreement on the text of the treaty on the state border.",
        "The negotiators reached an agreement on the final text of the treaty on the state border.",
        "The sides agreed the final text of the treaty on the state border.",
    ],
)
def test_agreement_on_the_text_of_a_treaty_initials_the_treaty(text):
    assert stages(text) == {"treaty on the state border": "initialled"}


def records(text: str, published: str = "2025-06-10") -> list[tuple]:
    return [(a.name, a.acronym, a.status) for a in extract(text, published=published).agreements]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The EU-Uzbekistan EPCA, initialled in 2022, was signed in Brussels in October 2024.",
            [("EU-Uzbekistan Enhanced Partnership and Cooperation Agreement", "EPCA", "signed")],
        ),
        (
            "Talks on an FTA with the Eurasian Economic Union are under way.",
            [("free trade agreement", "FTA", "negotiating")],
        ),
        (
            "The PCA, in force since 1999, remains the basis of relations.",
            [("Partnership and Cooperation Agreement", "PCA", "in force")],
        ),
        # the acronym of an agreement the text names in full is that agreement
        (
            "Ratification of the EPCA. On 14 January the Senate ratified the Enhanced Partnership and "
            "Cooperation Agreement between Uzbekistan and the European Union.",
            # (the record's name keeps the states the title is told with: qa-ag2, tune7-16 gold)
            [
                (
                    "Enhanced Partnership and Cooperation Agreement between Uzbekistan and the European "
                    "Union",
                    "EPCA",
                    "ratified",
                )
            ],
        ),
    ],
)
def test_a_known_acronym_never_spelled_out_is_an_agreement(text, expected):
    assert records(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Agreement on Road Transport was initialled in July 2024. The parties signed it on 3 June.",
            ("signed", "2025-06-03"),
        ),
        (
            "The Agreement on Road Transport was signed in 2023. The Senate ratified it on 3 June.",
            ("ratified", "2025-06-03"),
        ),
        (
            "The Agreement on Road Transport was signed in 2023. Russia suspended it on 3 June.",
            ("suspended", "2025-06-03"),
        ),
    ],
)
def test_a_step_taken_on_it_speaks_of_the_agreement_named_last(text, expected):
    assert dated(text, "2025-06-10") == {"Agreement on Road Transport": expected}


def test_table_rows_under_a_lead_in_take_its_stage():
    text = (
        "Tashkent, 10 June 2025. Signed documents:\n"
        "| No. | Document | Parties |\n|---|---|---|\n"
        "| 1 | Agreement on visa-free travel | Governments |\n"
        "| 2 | Memorandum on digital cooperation | Ministries of digital development |\n"
    )
    assert dated(text, "2025-06-10") == {
        "Agreement on visa-free travel": ("signed", "2025-06-10"),
        "Memorandum on digital cooperation": ("signed", "2025-06-10"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Samruk-Kazyna and CNPC inked a memorandum on a gas-processing plant.",
            "memorandum between Samruk-Kazyna and CNPC on a gas-processing plant",
        ),
        ("Navoi Mining and Orano concluded an agreement.", "agreement between Navoi Mining and Orano"),
        (
            "On Tuesday Kazakhstan Temir Zholy and COSCO Shipping signed an agreement on a container "
            "terminal.",
            "agreement between Kazakhstan Temir Zholy and COSCO Shipping on a container terminal",
        ),
        (
            "In Astana, KazMunayGas and Eni also signed a memorandum on offshore exploration.",
            "memorandum between KazMunayGas and Eni on offshore exploration",
        ),
    ],
)
def test_a_business_document_is_named_by_its_two_signatories(text, expected):
    assert records(text) == [(expected, None, "signed")]


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan and Uzbekistan signed an agreement on tourism.",
        "Presidents Tokayev and Mirziyoyev signed an agreement on tourism.",
        "President Tokayev met President Mirziyoyev. Tokayev and Mirziyoyev signed an agreement on tourism.",
        "Kassym-Jomart Tokayev and Shavkat Mirziyoyev signed an agreement on tourism.",
        "The EU and China signed an agreement on tourism.",
    ],
)
def test_states_and_people_signing_do_not_go_into_the_name(text):
    assert records(text) == [("agreement on tourism", None, "signed")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The sides signed a uranium supply agreement.", ["uranium supply agreement"]),
        (
            "An offtake agreement for copper concentrate was signed.",
            ["offtake agreement for copper concentrate"],
        ),
        ("The governments signed a historic green hydrogen agreement.", ["green hydrogen agreement"]),
        ("Talks continue on the steel quota agreement.", ["steel quota agreement"]),
        # words of praise or reference alone name nothing
        ("The parties signed an important agreement.", []),
        ("They ratified the relevant agreement.", []),
        # a verb before the noun is no modifier
        ("The ministers signed agreement texts.", []),
    ],
)
def test_lower_case_words_between_an_article_and_the_noun_name_it(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brussels, 5 March 2026. The parties discussed the roadmap adopted at the 21st meeting of the "
            "Cooperation Council in Luxembourg in October 2024.",
            {"roadmap adopted at the 21st meeting of the Cooperation Council": ("signed", "2024-10")},
        ),
        (
            "Brussels, 5 March 2026. The action plan endorsed at the First Summit in Jeddah in 2023 is "
            "being implemented.",
            {"action plan endorsed at the First Summit": ("in force", None)},
        ),
        (
            "Brussels, 5 March 2026. They recalled the declaration signed during the third session of the "
            "commission, in Baku.",
            {"declaration signed during the third session of the commission": ("signed", None)},
        ),
    ],
)
def test_a_document_named_by_the_occasion_that_adopted_it(text, expected):
    assert dated(text, "2026-03-05") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Attention was paid to the Strategic Partnership on raw materials, whose memorandum was signed "
            "in November 2022.",
            "memorandum on the Strategic Partnership on raw materials",
        ),
        (
            "The ministers praised the Middle Corridor Platform, whose founding agreement was signed in "
            "2023.",
            "agreement on the Middle Corridor Platform",
        ),
        (
            "They visited the Khorgos Gateway, whose shareholders agreement was signed in 2023.",
            "shareholders agreement on the Khorgos Gateway",
        ),
    ],
)
def test_whose_document_belongs_to_the_name_before_it(text, expected):
    assert stages(text, "2026-03-05") == {expected: "signed"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Agreement on Air Services was initialled in 2024. The air services agreement was signed "
            "on 3 June.",
            {"Agreement on Air Services": "signed"},
        ),
        (
            "The sides initialled the readmission agreement in May. The agreement on readmission will be "
            "signed in the autumn.",
            {"readmission agreement": "initialled"},
        ),
        (
            "The EU–Kazakhstan Enhanced Partnership and Cooperation Agreement entered into force in 2020. "
            "The EPCA is the basis of relations.",
            {"EU–Kazakhstan Enhanced Partnership and Cooperation Agreement": "in force"},
        ),
        # other parties, or more words, make another document
        (
            "The Kazakhstan–China agreement on investment was signed in 2019. The agreement on investment "
            "with Uzbekistan is being negotiated.",
            {
                "Kazakhstan–China agreement on investment": "signed",
                "agreement on investment with Uzbekistan": "negotiating",
            },
        ),
        (
            "The agreement on trade was signed in 2019. The agreement on trade in services is being "
            "negotiated.",
            {"agreement on trade": "signed", "agreement on trade in services": "negotiating"},
        ),
    ],
)
def test_one_agreement_named_two_ways_is_one_record(text, expected):
    assert stages(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The two sides issued a joint statement on deepening the strategic partnership.",
            {"joint statement on deepening the strategic partnership": "signed"},
        ),
        (
            "After the talks the presidents issued a Joint Declaration on Eternal Friendship.",
            {"Joint Declaration on Eternal Friendship": "signed"},
        ),
        (
            "The presidents witnessed the exchange of the following documents:\n\n1) Agreement on road "
            "transport;\n2) Memorandum on tourism.",
            {"Agreement on road transport": "signed", "Memorandum on tourism": "signed"},
        ),
        (
            "The sides agreed to prepare the following documents for signing at the next summit:\n"
            "- Agreement on labour migration;\n- Memorandum on digital cooperation.",
            {
                "Agreement on labour migration": "initialled",
                "Memorandum on digital cooperation": "initialled",
            },
        ),
        (
            "The agreement on labour migration was submitted for ratification.",
            {"agreement on labour migration": "signed"},
        ),
        (
            "The agreement on labour migration is ready for signature.",
            {"agreement on labour migration": "initialled"},
        ),
        (
            "A ceremony for the signing of the agreement on labour migration was held.",
            {"agreement on labour migration": "signed"},
        ),
    ],
)
def test_issued_statements_exchanged_lists_and_documents_prepared_for_a_step(text, expected):
    assert stages(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "An agreement on transit, a memorandum on tourism and a protocol on customs were signed.",
        "The Agreement on Transit, the Memorandum on Tourism and the Protocol on Customs were signed.",
        "In total, 15 documents were signed. They include an agreement on transit, a memorandum on tourism "
        "and a protocol on customs.",
        "The sides signed 15 documents. Among them are an agreement on transit, a memorandum on tourism and "
        "a protocol on customs.",
    ],
)
def test_every_item_of_a_list_takes_the_cue_after_or_before_it(text):
    got = stages(text)
    assert len(got) == 3 and set(got.values()) == {"signed"}


def test_a_plan_of_consultations_is_named_by_what_it_is_of():
    got = stages("The Plan of Consultations for 2026 was signed.")
    assert got == {"Plan of Consultations for 2026": "signed"}
    assert stages("The sides signed the Plan of Consultations.") == {"Plan of Consultations": "signed"}


def test_ratified_the_day_of_the_last_ratification_step():
    text = (
        "Brussels, 10 June 2025. The EU and Kyrgyzstan signed the Agreement on Air Services in June 2024. "
        "The European Parliament gave its consent in February 2025, and the Jogorku Kenesh ratified the "
        "agreement in April."
    )
    assert dated(text, "2025-06-10") == {"Agreement on Air Services": ("ratified", "2025-04")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Council adopted a decision authorising the signing of the agreement on air services.",
            "initialled",
        ),
        ("The Council authorised the opening of negotiations on an agreement on air services.", "proposed"),
        ("The Council adopted a decision on the conclusion of the agreement on air services.", "ratified"),
        ("The Commission adopted a mandate to negotiate the agreement on air services.", "proposed"),
    ],
)
def test_a_decision_authorising_a_step_is_not_the_step(text, expected):
    assert stages(text) == {"agreement on air services": expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Earlier, in May 2024, the memorandum on the corridor was signed in Baku, and in November 2024 "
            "the presidents signed an agreement on green energy.",
            {
                "memorandum on the corridor": ("signed", "2024-05"),
                "agreement on green energy": ("signed", "2024-11"),
            },
        ),
        (
            "The Agreement on Transit, which became effective on 1 March 2020 after provisional application "
            "since May 2016, remains the framework.",
            {"Agreement on Transit": ("in force", "2020-03-01")},
        ),
        (
            "The Agreement on Transit, in force since 1 March 2020, remains the framework.",
            {"Agreement on Transit": ("in force", "2020-03-01")},
        ),
    ],
)
def test_a_step_is_dated_within_its_own_clause(text, expected):
    assert dated(text, "2025-06-10") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The negotiating teams finalised the draft agreement on labour migration.", "initialled"),
        ("The ministers discussed a possible agreement on labour migration.", "proposed"),
        ("Kazakhstan is interested in concluding an agreement on labour migration.", "proposed"),
        ("The sides expressed interest in signing an agreement on labour migration.", "proposed"),
    ],
)
def test_finalised_drafts_and_documents_only_of_interest(text, expected):
    assert stages(text) == {"agreement on labour migration": expected}


@pytest.mark.parametrize(
    "text",
    [
        "The agreement on labour migration made possible the growth of seasonal work.",
        "The agreement on labour migration covers seasonal and permanent work.",
        "The agreement on labour migration helped thousands of workers.",
    ],
)
def test_a_verb_after_the_name_ends_it(text):
    assert names(text) == ["agreement on labour migration"]
