"""Agreement names and stages told in ways the first rules did not expect: a generic head ("Framework
Agreement", "Financing Agreement") continued by its parties and subject, approval by a head of
state's decree, "completed its internal procedures", "put to paper", a cabinet resolution that only
approves a ratification bill, footnote marks after a full stop, and a lower-case kind told again with
its parties (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract
from communique.annotate.agreements import find_agreement_mentions
from communique.segment import segment


def names(text: str) -> list[str]:
    return [m.name for m in find_agreement_mentions(text) if not m.anaphoric]


def records(text: str, published: str = "2026-05-20") -> list[tuple[str, str | None, str | None]]:
    return [(a.name, a.status, a.date) for a in extract(text, published=published).agreements]


def status_of(text: str, published: str = "2026-05-20") -> dict[str, str | None]:
    return {a.name: a.status for a in extract(text, published=published).agreements}


# --- a generic head is no title: its parties and subject belong to the name -----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'The Mazhilis approved the bill "On ratification of the Framework Agreement between the '
            'Republic of Kazakhstan and the European Investment Bank".',
            "Framework Agreement between the Republic of Kazakhstan and the European Investment Bank",
        ),
        (
            "Deputies ratified the Financing Agreement between Mongolia and the European Union for the "
            "programme on sustainable herding.",
            "Financing Agreement between Mongolia and the European Union for the programme on sustainable "
            "herding",
        ),
        (
            "The Loan Agreement between the Kyrgyz Republic and the Asian Development Bank for the "
            "Bishkek ring road was signed in Manila.",
            "Loan Agreement between the Kyrgyz Republic and the Asian Development Bank for the Bishkek "
            "ring road",
        ),
        (
            "Yesterday the Grant Agreement between Tajikistan and the World Bank was initialled.",
            "Grant Agreement between Tajikistan and the World Bank",
        ),
    ],
)
def test_a_generic_head_takes_its_parties_and_subject(text, expected):
    assert expected in names(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Free Trade Agreement between Georgia and China entered into force.",
            "Free Trade Agreement between Georgia and China",
        ),
        (
            "The Credit Agreement between the Republic of Tajikistan and the Export-Import Bank of China was "
            "ratified.",
            "Credit Agreement between the Republic of Tajikistan and the Export-Import Bank of China",
        ),
        (
            "The Host Country Agreement between Kazakhstan and the OSCE entered into force.",
            "Host Country Agreement between Kazakhstan and the OSCE",
        ),
    ],
)
def test_other_kinds_of_document_take_their_parties(text, expected):
    assert names(text) == [expected]


def test_two_free_trade_agreements_of_one_party_are_two_records():
    text = (
        "The Free Trade Agreement between Georgia and China entered into force in 2018, and the Free Trade "
        "Agreement between Georgia and Kazakhstan was signed last year."
    )
    assert len(extract(text, published="2026-05-20").agreements) == 2


def test_a_real_title_still_ends_at_its_noun():
    found = names(
        "The Enhanced Partnership and Cooperation Agreement between the EU and Uzbekistan was signed."
    )
    assert found == ["Enhanced Partnership and Cooperation Agreement"]


# --- approval by a head of state's decree is the domestic ratification ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Agreement on air services between Kazakhstan and Qatar was approved by Decree of the "
        "President No. 118 of 6 March 2026.",
        "The agreement on road transport with Turkmenistan was approved by presidential decree in April.",
        "In April the investment agreement with the Ministry of Energy was endorsed by a Presidential "
        "Decree.",
        "The Protocol on veterinary control was approved by the President's decree on 2 May.",
    ],
)
def test_approval_by_decree_ratifies(text):
    assert list(status_of(text).values()) == ["ratified"]


def test_a_government_approving_a_draft_law_is_no_signature():
    # the cabinet's resolution on the ratification bill: signed still, dated by its own signing
    text = (
        "At its meeting on Tuesday the Government adopted Resolution No. 142 approving the draft law "
        '"On ratification of the Framework Agreement between the Republic of Kazakhstan and the '
        'European Investment Bank". The Framework Agreement was signed in Luxembourg on 20 November 2025.'
    )
    ((name, status, date),) = records(text, "2026-03-12")
    assert name.startswith("Framework Agreement between") and status == "signed" and date == "2025-11-20"


# --- one side's internal procedures completed -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "With the decree, the Kazakh side has completed its internal procedures for the Agreement on "
        "mutual recognition of digital signatures.",
        "Uzbekistan completed all necessary internal procedures on the Agreement on labour migration "
        "last month.",
        "The Kyrgyz side has completed its domestic procedures for the Treaty on the state border.",
        "Azerbaijan notified the completion of its internal procedures for the Agreement on visa-free "
        "travel.",
    ],
)
def test_completed_internal_procedures_ratify(text):
    assert list(status_of(text).values()) == ["ratified"]


# --- "put to paper", "put pen to paper", "inks" ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The power purchase agreement between Sun Energy LLC and the grid operator was put to paper in "
        "March 2026.",
        "The two ministers put pen to paper on the Agreement on the Joint Use of Border Waters.",
        "Almaty and Tashkent are putting pen to paper on the Memorandum on Tourism Cooperation today.",
        "KazMunayGas inks the Agreement on the Caspian Gas Pipeline with its partners this week.",
    ],
)
def test_put_to_paper_signs(text):
    assert list(status_of(text).values()) == ["signed"]


# --- a lower-case kind told again with its parties is one document ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Its revenues under the power purchase agreement are in manats. The power purchase agreement "
            "between Sun Energy LLC and Azerenerji was signed in March.",
            "power purchase agreement between Sun Energy LLC and Azerenerji",
        ),
        (
            "The offtake agreement covers ten years. The offtake agreement with Kazatomprom was signed on "
            "the forum's first day.",
            "offtake agreement with Kazatomprom",
        ),
        (
            "The concession agreement between the Ministry of Transport and Almaty Ring Road LLP was "
            "signed in 2021. The concession agreement runs for twenty years.",
            "concession agreement between the Ministry of Transport and Almaty Ring Road LLP",
        ),
    ],
)
def test_a_kind_retold_with_its_parties_is_one_record(text, expected):
    got = records(text)
    assert [(n, s) for n, s, _d in got] == [(expected, "signed")]


# --- a footnote mark after a full stop ends the sentence -------------------------------------------


@pytest.mark.parametrize("mark", ["[4]", "[12]", "[1]"])
def test_a_footnote_mark_ends_a_sentence(mark):
    text = f"The memorandum was signed in November 2022.{mark} An agreement on tariffs is under negotiation."
    assert [s.text for s in segment(text)] == [
        f"The memorandum was signed in November 2022.{mark}",
        "An agreement on tariffs is under negotiation.",
    ]


def test_a_footnote_mark_keeps_the_stages_of_two_sentences_apart():
    text = (
        "The Memorandum of Understanding on raw materials and batteries was signed in November 2022.[4] "
        "An intergovernmental agreement among Kazakhstan, Azerbaijan and Georgia on a single tariff is "
        "under negotiation."
    )
    assert sorted(s for s in status_of(text, "2026-06-10").values()) == ["negotiating", "signed"]


# --- a ratification law sent back stays signed; one sent on to the head of state has ratified --------


@pytest.mark.parametrize(
    "text",
    [
        "The Senate returned to the Mazhilis with amendments the draft law on ratification of the "
        "Agreement on Green Hydrogen, signed in Berlin in 2025.",
        "The upper house sent back to the lower chamber with amendments the bill ratifying the Agreement "
        "on Road Transport, signed last year.",
        "The President vetoed the law ratifying the Agreement on Legal Assistance.",
    ],
)
def test_a_ratification_law_sent_back_leaves_the_agreement_signed(text):
    assert list(status_of(text).values()) == ["signed"]


@pytest.mark.parametrize(
    "text",
    [
        "Senators passed the law ratifying the Agreement on Cultural Cooperation and sent it to the "
        "President for signature.",
        "The Jogorku Kenesh adopted the law on ratification of the Agreement on Water Use and sent it to "
        "the President for his signature.",
        "The Senate adopted the law on ratification of the Treaty on Extradition; the law has been sent "
        "to the Head of State for signature.",
        "The Senate ratified the Agreement on Road Transport, which the Mazhilis had returned with "
        "amendments.",
    ],
)
def test_a_ratification_law_sent_to_the_head_of_state_has_ratified(text):
    assert list(status_of(text).values()) == ["ratified"]


# --- a chained name with a verb of its own takes no cue from before it -------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ministers signed a memorandum on cooperation in veterinary medicine, and an agreement on "
            "the mutual protection of investments was initialled.",
            {
                "memorandum on cooperation in veterinary medicine": "signed",
                "agreement on the mutual protection of investments": "initialled",
            },
        ),
        (
            "The sides signed a protocol on customs and an agreement on trade was initialled.",
            {"protocol on customs": "signed", "agreement on trade": "initialled"},
        ),
        (
            "The delegations adopted a roadmap on transit, and a memorandum on tourism is being negotiated.",
            {"roadmap on transit": "signed", "memorandum on tourism": "negotiating"},
        ),
    ],
)
def test_a_chained_name_with_its_own_verb_keeps_its_own_stage(text, expected):
    assert status_of(text, "2026-02-19") == expected


# --- a step looked ahead to is still ahead --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Council looked ahead to the entry into force of the Enhanced Partnership and Cooperation "
        "Agreement, which was signed in Brussels on 24 October 2025 and is going through ratification.",
        "The ministers looked ahead to the entry into force of the Agreement on Air Services, signed in "
        "2025.",
        "Both sides anticipated the ratification of the Agreement on Road Transport signed in March.",
        "The sides are awaiting the ratification of the Agreement on Labour Migration signed last year.",
    ],
)
def test_a_step_looked_ahead_to_leaves_the_agreement_signed(text):
    assert list(status_of(text).values()) == ["signed"]


# --- the documents an occasion produced were signed there ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The ministers reviewed the implementation of the outcomes of the second China–Central Asia "
            "Summit held in Astana in June 2025, including the Treaty on Permanent Good-Neighbourliness, "
            "Friendship and Cooperation.",
            "2025-06",
        ),
        (
            "The sides discussed the results of the Samarkand summit in April 2025, including the "
            "Declaration on Strategic Partnership.",
            "2025-04",
        ),
        (
            "The ministers welcomed the documents adopted at the 5th meeting in Bishkek in May 2026, among "
            "them the Roadmap for Trade Facilitation.",
            "2026-05",
        ),
    ],
)
def test_a_document_among_an_occasion_s_outcomes_was_signed_there(text, date):
    ((_name, status, when),) = records(text, "2026-06-10")
    assert (status, when) == ("signed", date)


def test_an_agreement_among_existing_ones_is_no_outcome():
    text = (
        "The ministers discussed the implementation of existing agreements, including the Agreement on "
        "Road Transport."
    )
    assert list(status_of(text).values()) == ["in force"]


# --- "X was concluded" signs X; "negotiations on X were concluded" do not -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Memorandum of Understanding on Critical Raw Materials was concluded in Brussels.",
        "The Agreement on Readmission has been concluded between the two governments.",
        "The Treaty on Extradition had been concluded in 2019.",
    ],
)
def test_a_document_concluded_is_signed(text):
    assert list(status_of(text).values()) == ["signed"]


@pytest.mark.parametrize(
    "text",
    [
        "Negotiations on the Agreement on Air Services were concluded in May.",
        "Talks on the Agreement on Air Services have been concluded.",
        "Consultations on the text of the Treaty on Extradition were concluded last week.",
    ],
)
def test_talks_concluded_leave_the_agreement_negotiated(text):
    assert list(status_of(text).values()) == ["negotiating"]


# --- a title that carries its date, a protocol "to" an agreement -----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Agreement of 12 May 2019 between Kazakhstan and Kyrgyzstan on the state border entered "
            "into force.",
            "Agreement of 12 May 2019 between Kazakhstan and Kyrgyzstan on the state border",
        ),
        (
            "They amended the Treaty of 5 July 2001 on Good-Neighbourliness.",
            "Treaty of 5 July 2001 on Good-Neighbourliness",
        ),
        (
            "The Convention of 3 March 1996 on legal assistance remains in force.",
            "Convention of 3 March 1996 on legal assistance",
        ),
    ],
)
def test_a_title_that_carries_its_date_goes_on_after_it(text, expected):
    assert names(text) == [expected]


def test_a_date_in_the_title_does_not_date_the_step():
    text = "The Agreement of 12 May 2019 on the state border entered into force in 2020."
    assert records(text) == [("Agreement of 12 May 2019 on the state border", "in force", "2020")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Protocol to the Agreement on Air Services was signed in May.",
            "Protocol to the Agreement on Air Services",
        ),
        ("They signed a protocol to the agreement on transit.", "protocol to the agreement on transit"),
        (
            "The Additional Protocol to the Convention on Double Taxation entered into force.",
            "Additional Protocol to the Convention on Double Taxation",
        ),
    ],
)
def test_a_protocol_to_an_agreement_is_one_document(text, expected):
    assert names(text) == [expected]


def test_a_protocol_signed_on_a_day_takes_no_date_into_its_name():
    assert names("They signed the Protocol on 12 May 2019.") == []


# --- a vote to ratify is the ratification; a vote ahead is not ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers voted to ratify the Agreement on Air Services.",
        "The Mazhilis voted unanimously for the ratification of the Agreement on Air Services.",
        "Deputies voted in favour of ratifying the Agreement on Air Services.",
    ],
)
def test_a_vote_to_ratify_ratifies(text):
    assert list(status_of(text).values()) == ["ratified"]


def test_a_vote_still_ahead_leaves_the_agreement_signed():
    text = "Deputies will vote to ratify the Agreement on Air Services next week."
    assert list(status_of(text).values()) == ["signed"]


# --- a list item that opens with its signatories -----------------------------------------------------------


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            "- Kazakh Invest and Eramet: agreement on a lithium exploration joint venture (USD 480 million);",
            "agreement between Kazakh Invest and Eramet on a lithium exploration joint venture",
        ),
        (
            "- Samruk-Kazyna – Stellantis, agreement on a vehicle assembly plant in Kostanay;",
            # (a known city after the subject is where, not part of the name: Kostanay is a known city)
            "agreement between Samruk-Kazyna and Stellantis on a vehicle assembly plant",
        ),
        (
            "3. KEGOC / Elia Grid International: memorandum on digital substations;",
            "memorandum between KEGOC and Elia Grid International on digital substations",
        ),
    ],
)
def test_a_list_item_names_its_document_by_the_signatories_it_opens_with(item, expected):
    text = f"Companies signed several deals at the forum on 3 June. Among the documents signed:\n\n{item}\n"
    assert [n for n, _s, _d in records(text, "2026-06-04")] == [expected]


def test_states_opening_a_list_item_are_no_company_signatories():
    text = "The documents signed:\n\n3. Kazakhstan and Uzbekistan: agreement on water use.\n"
    assert [n for n, _s, _d in records(text, "2026-06-04")] == ["agreement on water use"]


# --- a recipient after a title is no part of it; a text prepared for signing is initialled ---------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kazakhstan handed over the draft Agreement on Veterinary Control to the Chinese side.",
            "Agreement on Veterinary Control",
        ),
        (
            "The Government submitted the Agreement on Legal Assistance to the Mazhilis.",
            "Agreement on Legal Assistance",
        ),
        ("The ministry sent the Treaty on Extradition to Parliament in May.", "Treaty on Extradition"),
    ],
)
def test_a_recipient_after_a_title_ends_it(text, expected):
    assert names(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "They signed the Agreement on the Supply of Gas to Kyrgyzstan.",
            "Agreement on the Supply of Gas to Kyrgyzstan",
        ),
        (
            "They ratified the Agreement on Assistance to the Victims of Trafficking.",
            "Agreement on Assistance to the Victims of Trafficking",
        ),
    ],
)
def test_a_to_phrase_of_the_subject_stays_in_the_title(text, expected):
    assert names(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The Agreement on Veterinary Control is being prepared for signing.",
        "The Protocol on Customs Cooperation has been prepared for signature.",
        "The Agreement on Veterinary Control is ready for signature.",
    ],
)
def test_a_text_prepared_for_signing_is_initialled(text):
    assert list(status_of(text).values()) == ["initialled"]


# --- "agreement" as consent is no document --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The sides reached agreement on the need to intensify trade.",
        "In agreement with the Kyrgyz side, the next meeting will be held in Bishkek.",
        "By agreement of the parties, the next session will take place in 2027.",
        "The ministers expressed full agreement on regional security.",
        "The dates were set by mutual agreement between the foreign ministries.",
    ],
)
def test_agreement_as_consent_is_no_document(text):
    assert records(text) == []


def test_an_agreement_with_an_article_is_still_a_document():
    assert status_of("The sides signed an agreement on trade.") == {"agreement on trade": "signed"}


# --- ratification laws told in other quotes, signed by the head of state, drafted ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Senators adopted the Law «On ratification of the Financing Agreement between the Republic of "
        "Kazakhstan and the European Union». The law has been sent to the Head of State for signature.",
        "Senators adopted the Law 'On ratification of the Financing Agreement between the Republic of "
        "Kazakhstan and the European Union'. The law has been sent to the Head of State for signature.",
        'President Tokayev signed the Law "On ratification of the Agreement on Air Services".',
        "The President signed a law ratifying the Agreement on Air Services.",
    ],
)
def test_ratification_laws_passed_or_signed_ratify(text):
    assert list(status_of(text).values()) == ["ratified"]


@pytest.mark.parametrize(
    "text",
    [
        'The Mazhilis approved the draft Law "On ratification of the Agreement on Air Services" and sent it '
        "to the Senate.",
        "The Government approved the draft law on ratification of the Agreement on Air Services.",
        "The Cabinet endorsed the draft bill on ratification of the Agreement on Air Services.",
    ],
)
def test_a_draft_ratification_law_leaves_the_agreement_signed(text):
    assert list(status_of(text).values()) == ["signed"]


def test_a_law_title_in_single_quotes_ends_with_its_quote():
    text = (
        "Senators adopted the Law 'On ratification of the Financing Agreement between the Republic of "
        "Kazakhstan and the European Union'. The law was sent on."
    )
    assert names(text) == ["Financing Agreement between the Republic of Kazakhstan and the European Union"]


@pytest.mark.parametrize(
    "text",
    [
        # (a parliament of a state: the European Parliament's consent alone awaits the Council's decision,
        # tune10/tune16 convention, see tests/test_agreements_qa_ag2.py)
        "The Parliament of Georgia consented to the Agreement on Air Services.",
        "The Senate has consented to the conclusion of the Agreement on Air Services.",
        "MEPs granted their consent to the Agreement on Air Services on Tuesday.",
    ],
)
def test_the_parliament_s_consent_ratifies(text):
    assert list(status_of(text).values()) == ["ratified"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The deputies returned the draft law on ratification of the Memorandum on Cooperation in Tourism "
            "with Georgia for revision.",
            "Memorandum on Cooperation in Tourism with Georgia",
        ),
        (
            "The Agreement on Labour Migration was submitted for ratification.",
            "Agreement on Labour Migration",
        ),
        (
            "The Treaty on Legal Assistance was sent back for further consideration.",
            "Treaty on Legal Assistance",
        ),
    ],
)
def test_a_procedure_after_a_title_ends_it(text, expected):
    assert names(text) == [expected]
