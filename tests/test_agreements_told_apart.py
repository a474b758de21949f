"""Agreement rules: one title told of different pairs of parties names different agreements; an
interview answer that opens with "It" speaks of the agreement the question named; talks that "have
not started" leave an agreement proposed (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract


def _agreements(text: str, published: str = "2026-05-15") -> list[tuple[str, str | None]]:
    return [(a.name, a.status) for a in extract(text, published=published).agreements]


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "The Leaders welcomed the ratification by the Oliy Majlis in March 2026 of the Enhanced "
            "Partnership and Cooperation Agreement between the European Union and the Republic of "
            "Uzbekistan, and took note of the ongoing negotiations on an Enhanced Partnership and "
            "Cooperation Agreement between the European Union and Turkmenistan.",
            [
                ("Enhanced Partnership and Cooperation Agreement between the European Union and the Republic "
                 "of Uzbekistan", "ratified"),
                ("Enhanced Partnership and Cooperation Agreement between the European Union and Turkmenistan",
                 "negotiating"),
            ],
        ),
        (
            "Tajikistan signed the Partnership and Cooperation Agreement with the EU in 2004. Talks on a "
            "Partnership and Cooperation Agreement between the EU and Turkmenistan are under way.",
            [
                ("Partnership and Cooperation Agreement with the EU", "signed"),
                ("Partnership and Cooperation Agreement between the EU and Turkmenistan", "negotiating"),
            ],
        ),
        (
            "The Air Services Agreement between Kazakhstan and the EU entered into force in 2024, while the "
            "Air Services Agreement between Uzbekistan and the EU was initialled in March.",
            [
                ("Air Services Agreement between Kazakhstan and the EU", "in force"),
                ("Air Services Agreement between Uzbekistan and the EU", "initialled"),
            ],
        ),
    ],
)
def test_one_title_told_of_different_parties_is_two_agreements(text, want):
    assert _agreements(text) == want


def test_one_title_told_twice_of_the_same_parties_is_one_agreement():
    text = (
        "The Enhanced Partnership and Cooperation Agreement between the EU and Kazakhstan was signed in "
        "2015. The Enhanced Partnership and Cooperation Agreement between the European Union and the "
        "Republic of Kazakhstan entered into force in 2020."
    )
    assert [s for _n, s in _agreements(text)] == ["in force"]


@pytest.mark.parametrize(
    "text, status",
    [
        ("Q: What about the Enhanced Partnership and Cooperation Agreement?\n\nA: It was signed in October, "
         "and our parliament is now examining it.", "signed"),
        ("Question: And the air services agreement?\nMinister Abenov: It was initialled in March; we hope "
         "to sign it this year.", "initialled"),
        ("INTERVIEWER: Where does the Agreement on Visa Facilitation stand?\nAMBASSADOR: It entered into "
         "force last year.", "in force"),
    ],
)
def test_an_answer_opening_with_it_speaks_of_the_agreement_asked_about(text, status):
    assert [s for _n, s in _agreements(text)] == [status]


@pytest.mark.parametrize(
    "text",
    [
        "Talks on a bilateral investment agreement with the EU have not started yet, but we have proposed "
        "to open them.",
        "Negotiations on a visa facilitation agreement with Kazakhstan are yet to begin.",
        "The EU proposed an air services agreement; negotiations on it have not been launched.",
    ],
)
def test_talks_that_have_not_started_leave_the_agreement_proposed(text):
    assert [s for _n, s in _agreements(text)] == ["proposed"]


def test_talks_that_have_started_are_negotiations():
    assert [s for _n, s in _agreements("Negotiations on a free trade agreement have started, he said.")] == [
        "negotiating"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "An agreement on mutual recognition of driving licences is being drafted.",
        "A new agreement on labour migration is being negotiated by the two ministries.",
        "The text of the Agreement on Investment Protection was drafted last year.",
    ],
)
def test_a_text_being_drafted_or_negotiated_is_under_negotiation(text):
    assert [s for _n, s in _agreements(text)] == ["negotiating"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Kazakhstan and Uzbekistan signed a roadmap for expanding trade to USD 10 billion.",
         "roadmap for expanding trade"),
        ("The sides signed a programme of cooperation worth about EUR 40 million.",
         "programme of cooperation"),
        # (a guarantee: a bank's signed loan is its pledge only, no agreement record: qa-ag2)
        ("The EBRD and Kyrgyzstan signed a guarantee agreement for up to USD 30 million.",
         "guarantee agreement"),
    ],
)
def test_an_amount_and_the_words_before_it_are_no_part_of_a_name(text, name):
    assert name in [n for n, _s in _agreements(text)]


@pytest.mark.parametrize(
    "text, name, status",
    [
        ("- EU–Kazakhstan strategic partnership on sustainable raw materials, batteries and renewable "
         "hydrogen — Memorandum of Understanding **signed** in Brussels in November 2022.",
         "EU–Kazakhstan strategic partnership on sustainable raw materials, batteries and renewable hydrogen",
         "signed"),
        ("- Green Hydrogen Partnership between Kazakhstan and Germany – memorandum signed in Berlin in 2023.",
         "Green Hydrogen Partnership between Kazakhstan and Germany", "signed"),
        ("1. Kazakhstan–EU Roadmap on Raw Materials for 2023–2024 — the document was adopted in 2023.",
         "Kazakhstan–EU Roadmap on Raw Materials for 2023–2024", "signed"),
    ],
)
def test_a_fact_sheet_item_names_a_bare_document_by_the_title_before_the_dash(text, name, status):
    assert _agreements(text) == [(name, status)]


def test_a_clause_before_a_dash_names_no_document():
    text = "The ministers discussed trade — the Memorandum of Understanding was signed in 2022."
    assert _agreements(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Work on the Agreement on Trade in Services is close to completion, the Commissioner said.",
        "The text of the readmission agreement is almost finalised.",
        "Talks on the Agreement on Geographical Indications are in the final stage.",
    ],
)
def test_a_text_near_completion_is_still_negotiated(text):
    assert [s for _n, s in _agreements(text)] == ["negotiating"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("The Uzbek parliament's lower house adopted the law on ratification of the Agreement on Scientific "
         "Cooperation and sent it to the Senate.", "Agreement on Scientific Cooperation"),
        ("The Mazhilis ratified the Agreement on Air Services with Turkey; the law was forwarded to the "
         "Senate.",
         "Agreement on Air Services with Turkey"),
        ("The Legislative Chamber approved the Agreement on Visa Facilitation and submitted it to the "
         "Senate.",
         "Agreement on Visa Facilitation"),
    ],
)
def test_one_chambers_vote_passed_on_to_the_upper_house_leaves_the_agreement_signed(text, name):
    assert _agreements(text, "2026-10-16") == [(name, "signed")]


def test_the_upper_houses_vote_ratifies():
    text = "The Senate ratified the Protocol on Customs Cooperation last week."
    assert _agreements(text, "2026-10-16") == [("Protocol on Customs Cooperation", "ratified")]


@pytest.mark.parametrize(
    "text, name",
    [
        ('The sides signed the agreement "On mutual protection of investments".',
         'agreement "On mutual protection of investments"'),
        ("They signed the Memorandum «On cooperation in tourism» in Tashkent.",
         "Memorandum «On cooperation in tourism»"),
        ("The ministers signed the Protocol “On amendments to the Agreement on road transport”.",
         "Protocol “On amendments to the Agreement on road transport”"),
    ],
)
def test_a_formal_title_in_quotes_after_the_document_kind_names_it(text, name):
    assert _agreements(text, "2026-10-16") == [(name, "signed")]


@pytest.mark.parametrize(
    "text, name",
    [
        ("A Cooperation Programme between the foreign ministries for 2026–2028 was signed.",
         "Cooperation Programme between the foreign ministries for 2026–2028"),
        ("An Agreement between the customs services on data exchange was signed in Astana.",
         "Agreement between the customs services on data exchange"),
        ("A Memorandum between the two foreign ministries was signed.",
         "Memorandum between the two foreign ministries"),
    ],
)
def test_a_capitalised_article_opening_a_sentence_still_makes_the_document_indefinite(text, name):
    assert _agreements(text, "2026-10-16") == [(name, "signed")]


@pytest.mark.parametrize(
    "text, status",
    [
        ("Experts continued work on the agreement on mutual recognition of diplomas.", "negotiating"),
        ("The ministries are working on an agreement on labour migration.", "negotiating"),
        ("The sides discussed the possibility of concluding an agreement on readmission.", "proposed"),
        ("The sides discussed the prospects for a free trade agreement.", "proposed"),
    ],
)
def test_work_on_a_text_and_the_possibility_of_one(text, status):
    assert [s for _n, s in _agreements(text, "2026-10-16")] == [status]


def test_a_new_strand_of_work_on_a_topic_is_no_negotiation():
    text = ("The EU proposed a new strand of work on critical raw materials and suggested that the two sides "
            "prepare a memorandum of understanding on raw materials.")
    assert [s for _n, s in _agreements(text, "2026-10-16")] == ["proposed"]


@pytest.mark.parametrize(
    "text",
    [
        "The Treaty on Eternal Friendship, signed in 1998, remains the basis of relations.",
        "The EPCA provides the legal framework for trade between the two sides.",
        "The Agreement on Trade and Economic Cooperation of 1994 serves as the legal basis of their trade.",
    ],
)
def test_an_agreement_that_remains_the_basis_of_relations_is_in_force(text):
    assert [s for _n, s in _agreements(text, "2026-04-10")] == ["in force"]


@pytest.mark.parametrize(
    "text, status",
    [
        ("Uzbekistan invited the EU to conclude an agreement on air services.", "proposed"),
        ("The sides agreed to consider signing an agreement on labour mobility.", "proposed"),
        ("The EU is open to discussing an agreement on critical raw materials.", "proposed"),
        ("The parties are exploring signing a memorandum on green energy.", "proposed"),
        ("The ministers agreed to conclude the Agreement on Air Services by December.", "initialled"),
        ("The sides intend to conclude the agreement on visa facilitation next year.", "initialled"),
    ],
)
def test_an_offer_to_conclude_an_agreement_and_a_plan_to_conclude_the_agreement(text, status):
    assert [s for _n, s in _agreements(text, "2026-08-14")] == [status]
