"""Agreement names, recall and stages told in further ways of diplomatic releases and news (qa-ag2; our
own sentences): a title told with the states it binds, a project's size inside a name, one document
named by two coordinated words, documents still to be made ("is to be concluded", "agreed to start
preparing"), talks being prepared, "agreed to negotiate", "replacing", cues that speak of the
document right next to them ("concluded a memorandum", "agreed on a plan", "the roadmap was agreed"),
a present "sign" told as done, a verb left out for a second subject, the documents of a reported
sitting, arrangements, accession talks, and a compound label of a titled agreement."""

from __future__ import annotations

import pytest

from communique import extract

PUB = "2026-10-20"


def records(text: str, published: str = PUB) -> list[tuple[str, str | None]]:
    return [(a.name, a.status) for a in extract(text, published=published).agreements]


def status_of(text: str, published: str = PUB) -> dict[str, str | None]:
    return {a.name: a.status for a in extract(text, published=published).agreements}


# --- a title told with the states it binds keeps them ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "It was stressed that the Interim Trade Agreement between Turkmenistan and the European Union, "
            "which entered into force in 2010, laid a solid foundation.",
            "Interim Trade Agreement between Turkmenistan and the European Union",
        ),
        (
            "The Partnership and Cooperation Agreement between the EU and Tajikistan has been in force since "
            "2010.",
            "Partnership and Cooperation Agreement between the EU and Tajikistan",
        ),
        (
            "Parliament ratified the Comprehensive Air Transport Agreement between Uzbekistan and the EU "
            "on Tuesday.",
            "Comprehensive Air Transport Agreement between Uzbekistan and the EU",
        ),
    ],
)
def test_a_title_keeps_the_states_it_is_told_with(text, name):
    assert [n for n, _s in records(text)] == [name]


def test_a_title_told_twice_with_and_without_its_parties_is_one_record():
    text = (
        "The Interim Trade Agreement between Turkmenistan and the EU entered into force in 2010. "
        "The Interim Trade Agreement remains the basis of trade."
    )
    assert records(text) == [("Interim Trade Agreement between Turkmenistan and the EU", "in force")]


# --- a project's size stays in its name -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "An investment agreement for the construction of a 1 GW wind power plant with an energy storage "
            "system was signed in Astana on Monday.",
            "investment agreement for the construction of a 1 GW wind power plant with an energy storage "
            "system",
        ),
        (
            "The ministry and the developer signed an agreement on a 250-megawatt solar park.",
            "agreement on a 250-megawatt solar park",
        ),
        (
            "A memorandum on the construction of a 120 km railway line was initialled.",
            "memorandum on the construction of a 120 km railway line",
        ),
    ],
)
def test_a_number_with_a_unit_of_size_stays_in_the_name(text, name):
    assert [n for n, _s in records(text)] == [name]


# --- two words coordinated before one singular noun name one document -------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "We proposed to launch negotiations on a visa facilitation and readmission agreement last year.",
            [("visa facilitation and readmission agreement", "proposed")],
        ),
        (
            "The sides initialled a trade and investment agreement.",
            [("trade and investment agreement", "initialled")],
        ),
        (
            "The visa facilitation and readmission agreements were signed in May.",
            [("visa facilitation agreement", "signed"), ("readmission agreement", "signed")],
        ),
    ],
)
def test_a_singular_noun_after_coordinated_words_is_one_document(text, want):
    assert records(text) == want


# --- a document still to be made is proposed ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "A power purchase agreement for the wind farm is to be concluded with the settlement centre by "
            "the end of the year.",
            "power purchase agreement for the wind farm",
        ),
        (
            "The parties also agreed to start preparing a memorandum of understanding on co-financing.",
            "memorandum of understanding on co-financing",
        ),
        (
            "The sides expressed their intention to begin work on a roadmap for cooperation in the energy "
            "sector for 2026-2030.",
            "roadmap for cooperation in the energy sector for 2026-2030",
        ),
        (
            "Georgia and Armenia decided to begin preparing an agreement on road transport.",
            "agreement on road transport",
        ),
    ],
)
def test_a_document_still_to_be_made_is_proposed(text, name):
    assert records(text) == [(name, "proposed")]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting covered preparations for negotiations on a visa facilitation agreement, which "
        "Kazakhstan proposed in 2024.",
        "The ministries are preparing for negotiations on an investment protection agreement.",
        "The sides will prepare for talks on an agreement on road transport.",
    ],
)
def test_talks_still_being_prepared_leave_the_agreement_proposed(text):
    assert [s for _n, s in records(text)] == ["proposed"]


@pytest.mark.parametrize(
    "text",
    [
        "The sides discussed the Enhanced Partnership and Cooperation Agreement, which the EU and Tajikistan "
        "agreed to negotiate in 2024.",
        "In March the two governments decided to negotiate a new agreement on air services.",
        "Kazakhstan and the UAE agreed to negotiate an agreement on the protection of investments.",
    ],
)
def test_agreed_to_negotiate_opens_the_talks(text):
    assert [s for _n, s in records(text)] == ["negotiating"]


@pytest.mark.parametrize(
    "text",
    [
        "1 March 2020 – The EPCA enters into force in full, replacing the PCA.",
        "The EPCA entered into force on 1 March 2020, replacing the Partnership and Cooperation Agreement.",
        "On 1 May 2024 the new Agreement on Air Services came into force, replacing the 1998 agreement.",
    ],
)
def test_a_successor_in_force_replacing_an_agreement_ends_it(text):
    assert "terminated" in status_of(text).values()


# --- cues that speak of the document right next to them ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "At the same ceremony, the Ministry of Energy and Hydrogen Steppe GmbH concluded a memorandum of "
            "understanding on a pilot green hydrogen plant near Aktau.",
            ("memorandum of understanding on a pilot green hydrogen plant near Aktau", "signed"),
        ),
        (
            "Last year the two ministries concluded an agreement on veterinary control.",
            ("agreement on veterinary control", "signed"),
        ),
        (
            "The ministers agreed on a new action plan for 2026-2028.",
            ("new action plan for 2026-2028", "signed"),
        ),
        (
            "The sides signed a memorandum on raw materials in 2022, and the corresponding roadmap for "
            "2023-2024 was agreed in 2023.",
            ("roadmap for 2023-2024 of the memorandum on raw materials", "signed"),
        ),
        (
            "The draft of the agreement on road transport was agreed by the experts in June.",
            ("agreement on road transport", "initialled"),
        ),
    ],
)
def test_a_cue_next_to_a_document_gives_it_its_stage(text, want):
    assert want in records(text)


@pytest.mark.parametrize(
    "text",
    [
        "The sides agreed on the need to conclude an agreement on visas.",
        "The delegations concluded their bilateral negotiations on an agreement on market access.",
        "The commission concluded its work, and an agreement on transport is to be concluded next year.",
    ],
)
def test_a_cue_with_no_document_right_next_to_it_gives_no_signature(text):
    assert "signed" not in status_of(text).values()


@pytest.mark.parametrize(
    "text",
    [
        "A signing ceremony on Friday saw the AIFC and the Luxembourg Stock Exchange sign a memorandum of "
        "understanding on green bonds.",
        "3. Luc Devigne and Roman Vassilenko sign the updated roadmap for the implementation of the EPCA.",
        "The presidents witnessed the two ministers sign an agreement on labour migration.",
    ],
)
def test_a_present_sign_told_as_done_is_a_signature(text):
    assert "signed" in status_of(text).values()


def test_a_sign_still_ahead_stays_ahead():
    assert status_of("The ministers are expected to sign an agreement on transport.") == {
        "agreement on transport": "initialled"
    }


# --- a second subject whose verb is left out ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The visa facilitation agreement was signed in May and the readmission agreement at the same "
            "time; the Mazhilis is now considering them.",
            {"visa facilitation agreement": "signed", "readmission agreement": "signed"},
        ),
        (
            "The air services agreement was initialled in 2024 and the agreement on road transport in June "
            "2025.",
            {"air services agreement": "initialled", "agreement on road transport": "initialled"},
        ),
        (
            "The Protocol on veterinary control was ratified in March, while the memorandum on tourism a "
            "month later.",
            {"Protocol on veterinary control": "ratified", "memorandum on tourism": "ratified"},
        ),
    ],
)
def test_a_second_subject_without_its_verb_shares_the_step(text, want):
    assert status_of(text, "2026-12-01") == want


def test_a_second_subject_with_a_verb_of_its_own_does_not_share_it():
    got = status_of(
        "The agreement on transport was signed in May and the parties discussed a memorandum on energy."
    )
    assert got["agreement on transport"] == "signed" and got.get("memorandum on energy") != "signed"


# --- the documents of the sitting the text reports ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "On 13 May Astana hosted the 7th meeting of the Kazakhstan–Latvia Intergovernmental Commission. "
            "The parties signed a protocol and a roadmap on transit and logistics.",
            "protocol of the 7th meeting of the Kazakhstan–Latvia Intergovernmental Commission",
        ),
        (
            "The 22nd meeting of the EU–Kazakhstan Parliamentary Cooperation Committee was held in Astana on "
            "27 October. The Committee adopted a final statement and recommendations.",
            "final statement and recommendations of the 22nd meeting of the EU–Kazakhstan Parliamentary "
            "Cooperation Committee",
        ),
        (
            "The 6th meeting of the Trilateral Ministerial Council took place in Tbilisi on 24 September. "
            "Following the meeting, the ministers signed a Protocol on tariffs and a joint statement.",
            "joint statement of the 6th meeting of the Trilateral Ministerial Council",
        ),
    ],
)
def test_a_bare_document_of_a_reported_sitting_is_named_after_it(text, kind):
    assert (kind, "signed") in records(text, "2026-10-30")


def test_a_bare_protocol_without_a_stage_is_no_record():
    text = (
        "The 7th meeting of the Kazakhstan–Latvia Intergovernmental Commission was held on 13 May. "
        "A protocol is a document of record."
    )
    assert records(text, "2026-05-20") == []


# --- arrangements, accession talks ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "We have also proposed to the European Commission a mutual recognition arrangement for "
            "conformity assessment.",
            ("mutual recognition arrangement for conformity assessment", "proposed"),
        ),
        (
            "The two customs agencies signed a cooperation arrangement on data exchange.",
            ("cooperation arrangement on data exchange", "signed"),
        ),
        (
            "The Mutual Recognition Arrangement on Trusted Traders entered into force in 2025.",
            ("Mutual Recognition Arrangement on Trusted Traders", "in force"),
        ),
    ],
)
def test_arrangements_are_documents(text, want):
    assert want in records(text)


@pytest.mark.parametrize(
    "text",
    [
        "The parties agreed that the round of negotiations on the accession, held in Geneva last week, was "
        "an important step.",
        "The EU supports negotiations on the membership of Uzbekistan in the WTO.",
        "The minister discussed the negotiations on admission to the organisation.",
    ],
)
def test_talks_on_joining_a_body_are_no_agreement(text):
    assert records(text) == []


# --- a compound label of a titled agreement is that agreement ----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Mazhilis considered the Agreement between Kazakhstan and the European Union on the facilitation "
        "of the issuance of visas. A visa facilitation agreement with the European Union was first proposed "
        "in 2020. The Agreement was signed on 19 May 2026.",
        "The visa facilitation agreement was proposed in 2020. The Agreement on the facilitation of the "
        "issuance of visas was signed on 19 May 2026.",
        "The Agreement on the Promotion and Protection of Investments was signed in 2019. Both sides praised "
        "the investment protection agreement.",
    ],
)
def test_a_compound_label_of_a_title_is_the_same_document(text):
    assert len(records(text)) == 1


def test_a_label_with_a_subject_phrase_of_its_own_is_another_document():
    text = (
        "The sides signed an agreement on cooperation in energy. The Agreement on Cooperation in Energy "
        "Efficiency is in force."
    )
    assert len(records(text)) == 2


# --- a bank's loan or credit line is the pledge it carries ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "DBK and AFD signed a credit line agreement of EUR 100 million in Paris on 26 May.",
        "The ADB and Kyrgyzstan signed a loan agreement for the rehabilitation of water networks worth "
        "USD 40 million.",
        "The EBRD signed a USD 50 million loan agreement with the Ministry of Finance for the power grid.",
    ],
)
def test_a_signed_bank_loan_is_no_agreement_record(text):
    ex = extract(text, published=PUB)
    assert ex.agreements == [] and len(ex.pledges) == 1


def test_a_ratified_loan_agreement_is_an_agreement():
    text = (
        "The Mazhilis ratified the loan agreement between Kazakhstan and the Asian Development Bank for the "
        "Almaty metro."
    )
    assert [s for _n, s in records(text)] == ["ratified"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The European Union and the Government of Tajikistan on Monday signed three financing agreements "
            "worth a total of EUR 75 million.",
            "financing agreements between the European Union and the Government of Tajikistan",
        ),
        (
            "The EU and Kyrgyzstan today signed financing agreements worth EUR 30 million.",
            "financing agreements between the EU and Kyrgyzstan",
        ),
        (
            "The European Union and Uzbekistan signed two grant agreements worth EUR 40 million for "
            "schools.",
            "grant agreements between the European Union and Uzbekistan",
        ),
    ],
)
def test_grant_agreements_signed_by_two_parties_are_one_record(text, name):
    assert records(text, "2026-04-14") == [(name, "signed")]


# --- more ways to tell a stage ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Talks on an agreement on air services got under way in 2025.", "negotiating"),
        ("Negotiations on a new agreement on transit began in March.", "negotiating"),
        ("The agreement on transit became operational in 2024.", "in force"),
        ("The agreement on road transport has been applied since 2019.", "in force"),
        ("The memorandum on tourism is operational and works well.", "in force"),
        ("The sides reached a deal on the text of the air services agreement.", "initialled"),
        ("The agreement on air services was struck in 2024.", "signed"),
        ("The two governments struck an agreement on air services in 2024.", "signed"),
        ("A protocol on veterinary control has been struck by the ministries.", "signed"),
    ],
)
def test_further_words_of_a_stage(text, want):
    assert [s for _n, s in records(text)] == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Agenda items included the visa facilitation and readmission agreements, negotiations on which "
            "the sides agreed to launch in the autumn.",
            ["proposed", "proposed"],
        ),
        (
            "The ministers discussed the air services agreement, negotiations on which the sides agreed to "
            "launch.",
            ["negotiating"],
        ),
        ("They discussed a free trade agreement, talks on which are to start next year.", ["proposed"]),
        (
            "The sides discussed an investment agreement, negotiations on which they plan to open in 2027.",
            ["proposed"],
        ),
        ("The sides agreed to launch negotiations on an air services agreement in the autumn.", ["proposed"]),
    ],
)
def test_talks_on_which_the_sides_agreed_or_plan_to_start(text, want):
    assert [s for _n, s in records(text, "2026-05-21")] == want


# --- provisional application, a bill before parliament ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The EPCA is provisionally applied pending ratification by all member states.",
        "The Agreement on Transit has been provisionally applied since 2021.",
        "The agreement on transit is applied provisionally, pending ratification.",
    ],
)
def test_provisional_application_is_no_entry_into_force(text):
    # (the dev reading, test_agreements.test_ratified_not_yet_in_force; tune10's README would count a
    # current provisional application as in force)
    assert [s for _n, s in records(text)] == ["signed"]


def test_a_future_provisional_application_does_not_change_the_stage():
    text = "The Agreement on Transit was signed in May and will be provisionally applied from 1 January."
    assert [s for _n, s in records(text)] == ["signed"]


def test_an_entry_into_force_after_provisional_application_is_in_force():
    text = "The EPCA entered into force on 1 March 2020 after provisional application since May 2016."
    assert [s for _n, s in records(text)] == ["in force"]


@pytest.mark.parametrize(
    "text",
    [
        "The bill on ratification of the Agreement on Road Transport between Kazakhstan and Georgia was "
        "submitted to the Mazhilis.",
        "A draft law on the ratification of the agreement on transit has been introduced in Parliament.",
        "The law on ratifying the agreement on labour migration was tabled in the Jogorku Kenesh on Monday.",
    ],
)
def test_a_ratification_bill_brought_before_parliament_leaves_the_agreement_signed(text):
    assert [s for _n, s in records(text)] == ["signed"]


def test_a_ratification_law_the_senate_adopted_is_ratified():
    text = (
        "The law on ratification of the Agreement on Transit, which was submitted to the Mazhilis in March, "
        "was adopted by the Senate on Thursday."
    )
    assert [s for _n, s in records(text)] == ["ratified"]


# --- an active verb's object; the plan that goes with a document --------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The ministers signed an agreement on transit and adopted an action plan for 2026-2027.",
            {"agreement on transit": "signed", "action plan for 2026-2027": "signed"},
        ),
        (
            "The memorandum on energy was discussed, and the ministers approved a roadmap on logistics.",
            {"memorandum on energy": None, "roadmap on logistics": "signed"},
        ),
        (
            "Kazakhstan welcomed the agreement on transit and initialled a protocol on tariffs.",
            {"agreement on transit": None, "protocol on tariffs": "initialled"},
        ),
    ],
)
def test_an_active_verb_gives_its_stage_to_the_document_right_after_it(text, want):
    assert status_of(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "The EU and Kazakhstan signed a Memorandum of Understanding on raw materials in November 2022, and "
        "the corresponding roadmap for 2023-2024 was agreed in 2023.",
        "In 2024 the sides signed an agreement on transit; the accompanying roadmap for 2025-2026 was "
        "adopted in 2025.",
        "The Protocol on customs cooperation was signed in 2021, and the respective action plan was approved "
        "a year later.",
    ],
)
def test_the_corresponding_plan_is_named_after_the_document_it_goes_with(text):
    got = records(text)
    assert len(got) == 2
    first, plan = got
    assert plan[0].endswith(f" of the {first[0]}") and plan[1] == "signed"


# --- one chamber's or the European Parliament's vote alone ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Members welcomed the consent to the EPCA given by the Legislative Chamber in September.",
        "The Legislative Chamber of the Oliy Majlis ratified the EPCA in September; the Senate will consider "
        "it in December.",
        "The lower house of parliament approved the agreement on transit on Wednesday.",
        "The European Parliament gave its consent to the EPCA with Kyrgyzstan; the Council is expected to "
        "adopt the decision on its conclusion.",
    ],
)
def test_a_lower_chamber_or_the_european_parliament_alone_leaves_it_signed(text):
    assert [s for _n, s in records(text, "2026-11-20")] == ["signed"]


@pytest.mark.parametrize(
    "text",
    [
        "The Senate of the Oliy Majlis approved the ratification of the Agreement on Transit on 13 November.",
        "The EPCA was ratified by both chambers of the Oliy Majlis.",
        "Kazakhstan ratified the EPCA in 2016, and the European Parliament gave its consent in December "
        "2017.",
        "Following the consent of the European Parliament, the Council adopted the decision on the "
        "conclusion of the EPCA.",
    ],
)
def test_the_last_chamber_or_a_whole_ratification_is_ratified(text):
    assert [s for _n, s in records(text, "2026-11-20")] == ["ratified"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The ministers adopted a Work Plan for 2026-2027.", "Work Plan for 2026-2027"),
        (
            "The agencies signed a joint work plan on customs cooperation.",
            "joint work plan on customs cooperation",
        ),
        ("The two academies approved a workplan on joint research.", "workplan on joint research"),
    ],
)
def test_an_adopted_work_plan_is_a_document(text, name):
    assert records(text) == [(name, "signed")]


def test_a_work_plan_without_a_stage_is_no_record():
    assert records("The work plan of the committee was discussed.") == []


# --- a plan named by the earlier sitting that adopted it; the agreement a plan implements ------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The 4th meeting was held in Samarkand on 5 May. Last November in Rome, at our third ministerial "
            "meeting, we agreed on a concrete action plan, and today we can see its first results.",
            "action plan agreed at the third ministerial meeting",
        ),
        (
            "The 22nd Cooperation Council met in Brussels on 20 April. At the 21st meeting of the "
            "Cooperation Council in 2024, the sides adopted a roadmap.",
            "roadmap adopted at the 21st meeting of the Cooperation Council",
        ),
        (
            "The third summit opened on Monday. During their second summit, the leaders approved an action "
            "plan.",
            "action plan approved at the second summit",
        ),
    ],
)
def test_a_plan_adopted_at_an_earlier_sitting_is_named_by_it(text, name):
    assert (name, "signed") in records(text, "2026-05-06")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Luc Devigne and Roman Vassilenko sign the updated roadmap for the implementation of the EPCA.",
            "Enhanced Partnership and Cooperation Agreement",
        ),
        (
            "The sides adopted an action plan for the implementation of the PCA for 2026-2027.",
            "Partnership and Cooperation Agreement",
        ),
        (
            "A joint work plan on the implementation of the EPCA was approved.",
            "Enhanced Partnership and Cooperation Agreement",
        ),
    ],
)
def test_the_agreement_a_plan_implements_is_in_force(text, name):
    got = records(text)
    assert (name, "in force") in got and len(got) == 2


def test_a_plan_for_an_agreement_not_yet_implemented_names_no_second_record():
    assert len(records("The sides adopted an action plan for the EPCA.")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The working group agreed on a draft agreement on a single consignment note, which the railways are "
        "expected to initial before the end of the year.",
        "The experts agreed on a draft memorandum on customs data.",
        "The sides concluded a draft protocol on tariffs, to be initialled in June.",
    ],
)
def test_a_draft_agreed_on_is_still_being_negotiated(text):
    assert [s for _n, s in records(text)] == ["negotiating"]


@pytest.mark.parametrize(
    "text",
    [
        "The sides are finalising an agreement on transit.",
        "The agreement on transit is under discussion.",
        "The agreement on transit is being discussed by experts.",
        "The sides exchanged drafts of an agreement on transit.",
    ],
)
def test_a_text_still_being_worked_on_is_under_negotiation(text):
    assert [s for _n, s in records(text)] == ["negotiating"]


def test_an_agreement_only_discussed_has_no_stage():
    assert records("The agreement on transit was discussed.") == [("agreement on transit", None)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The EPCA with Kyrgyzstan is now being ratified by EU member states.", "signed"),
        ("The agreement on transit is being ratified by the parliaments of both countries.", "signed"),
        ("Work on a new agreement on transit has started.", "negotiating"),
        ("The sides began work on an agreement on transit.", "negotiating"),
        ("Talks on a new agreement on transit will begin in June.", "proposed"),
        ("Negotiations on an agreement on air services are expected to start next year.", "proposed"),
        ("The next round of talks on the agreement on transit will begin on 5 May.", "negotiating"),
        ("The third round of negotiations on the EPCA will open in Brussels.", "negotiating"),
        ("The agreement on transit was prolonged until 2030.", "in force"),
        ("The agreement on transit was extended for five years.", "in force"),
        ("The agreement on transit has been amended twice.", "in force"),
    ],
)
def test_steps_under_way_ahead_or_on_an_agreement_in_force(text, want):
    assert [s for _n, s in records(text, "2026-07-01")] == [want]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Three MoUs were signed: on energy, on transport and on tourism.",
            ["MoU on energy", "MoU on transport", "MoU on tourism"],
        ),
        (
            "The sides signed a MoU with Siemens on grid modernisation.",
            ["MoU with Siemens on grid modernisation"],
        ),
        (
            "Two Memoranda of Understanding were signed: on energy and on water.",
            ["Memorandum of Understanding on energy", "Memorandum of Understanding on water"],
        ),
        ("The New Delhi Agreement was signed.", ["New Delhi Agreement"]),
    ],
)
def test_a_number_word_or_an_acronym_makes_no_title(text, names):
    assert [n for n, _s in records(text)] == names


@pytest.mark.parametrize(
    "text",
    [
        "Talks on a new agreement on transit will begin in June 2027.",
        "The sides plan to sign an agreement on road transport in March next year.",
        "A memorandum on tourism is to be concluded in spring 2027.",
    ],
)
def test_a_stage_is_never_dated_after_the_text(text):
    assert [d for d in (a.date for a in extract(text, published="2026-07-01").agreements)] == [None]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The agreement on transit went through four rounds of talks before it was initialled in 2024 and "
            "signed in 2025.",
            ("agreement on transit", "signed"),
        ),
        (
            "Experts revised the memorandum on energy twice before it was signed in March.",
            ("memorandum on energy", "signed"),
        ),
        (
            "The EPCA was discussed for years until it was finally signed in 2015.",
            ("Enhanced Partnership and Cooperation Agreement", "signed"),
        ),
        (
            "The agreement on transit must be ratified before it can enter into force.",
            ("agreement on transit", "signed"),
        ),
    ],
)
def test_before_it_was_tells_a_past_step(text, want):
    assert records(text, "2026-07-01") == [want]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Senate gave the green light to the agreement on transit.", "ratified"),
        ("Parliament gave its approval to the agreement on transit.", "ratified"),
        ("The ministers gave the green light to a roadmap on logistics.", "signed"),
        ("The agreement on transit has been operating since 2021.", "in force"),
        ("The signing of the agreement on transit was postponed.", "initialled"),
        ("Signature of the agreement on transit is scheduled for June.", "initialled"),
        ("The signing of the agreement on transit took place in Astana.", "signed"),
        ("The sides launched a feasibility study for a free trade agreement.", "proposed"),
        ("Experts began a joint study on a possible investment agreement.", "proposed"),
    ],
)
def test_approvals_operation_deferred_steps_and_studies(text, want):
    assert [s for _n, s in records(text, "2026-07-01")] == [want]
