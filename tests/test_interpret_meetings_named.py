"""Reported sittings named in unusual ways, and earlier sittings that are not the reported one."""

from __future__ import annotations

import pytest

from communique import extract


def ex(text: str, published: str | None = "2025-06-12"):
    return extract(text, published=published)


# --- a sitting whose name ends in a noun that is itself a sitting ---------------------------------


@pytest.mark.parametrize(
    ("text", "body", "number", "parties"),
    [
        (
            "On 10 June 2025 Astana hosted the fifth EU – Central Asia High-Level Political and Security "
            "Dialogue. The meeting was held in person.\n",
            "EU–Central Asia High-Level Political and Security Dialogue",
            5,
            ["European Union", "Central Asia"],
        ),
        (
            "Foreign Minister Wang Yi on Tuesday attended the third China-Central Asia Foreign Ministers' "
            "Meeting in Bishkek together with his counterparts.\n",
            "China–Central Asia Foreign Ministers' Meeting",
            3,
            ["China", "Central Asia"],
        ),
        (
            "The 7th Uzbekistan–Japan Security and Defence Consultations took place in Tashkent on "
            "11 June, the ministry said.\n",
            "Uzbekistan–Japan Security and Defence Consultations",
            7,
            ["Uzbekistan", "Japan"],
        ),
        (
            "Delegations gathered in Ashgabat on 9 June for the second Turkmenistan-Korea Energy and "
            "Industry Dialogue, chaired by the deputy ministers.\n",
            "Turkmenistan–South Korea Energy and Industry Dialogue",
            2,
            ["Turkmenistan", "South Korea"],
        ),
    ],
)
def test_ordinal_before_a_name_that_is_a_sitting(text, body, number, parties):
    (m,) = ex(text).meetings
    assert m.body == body
    assert m.number == number
    assert m.parties == parties


def test_forum_after_an_ordinal_is_no_sitting():
    text = "The third Tashkent International Investment Forum opened on 10 June with 2,000 guests.\n"
    assert ex(text).meetings == []


# --- a sitting after the lead that the text dates long before it was written ---------------------


@pytest.mark.parametrize(
    "text",
    [
        # recalled as the moment something started
        "Ministers met on Saturday and agreed to deepen trade.\n\n"
        "Wang said that since the first China-Central Asia Summit was held in Xi'an on May 18-19, 2023, "
        "the mechanism had produced results.\n",
        # a sitting at which something else happened, named with its month and year
        "Our trade with Europe has grown fast.\n\n"
        "At the Cooperation Council in Luxembourg in October 2024, the two sides initialled an aviation "
        "agreement.\n",
        # with the year said as "last year"
        "Trade rose by a fifth, the ministry said.\n\n"
        "During the Joint Committee held in Brussels in March last year, the parties launched the talks.\n",
    ],
)
def test_earlier_sitting_after_the_lead_is_no_meeting(text):
    assert ex(text).meetings == []


def test_another_occasions_date_later_in_the_sentence_does_not_date_the_sitting():
    text = (
        "Three ministers agreed on Tuesday to start a feasibility study, officials said after talks.\n\n"
        "It was the third meeting of the three countries' energy ministers since their presidents signed "
        "an agreement in Baku in November last year.\n"
    )
    (m,) = ex(text, "2025-10-21").meetings
    assert m.number == 3


# --- a sitting the headline or lead announces is no reported meeting --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan and EU to hold 22nd Cooperation Council in Brussels next week\n\n"
        "ASTANA, June 10 — The 22nd meeting of the Kazakhstan–EU Cooperation Council will take place in "
        "Brussels on 17 June, the ministry's spokesman told a briefing.\n",
        "Baku will host the 12th Intergovernmental Commission with Georgia\n\n"
        "The sides are preparing documents for signing, the ministry said on Tuesday.\n",
        "Uzbekistan is to convene the fourth Joint Committee with the EU this autumn\n\n"
        "Preparations were discussed at a meeting of deputy ministers on Monday.\n",
    ],
)
def test_announced_sitting_is_no_meeting(text):
    assert ex(text).meetings == []


def test_met_to_hold_a_sitting_is_held():
    text = (
        "Delegations met in Tashkent on 10 June to hold the third round of the Uzbekistan–Latvia Political "
        "Consultations, the ministry said.\n"
    )
    (m,) = ex(text).meetings
    assert m.number == 3 and m.date == "2025-06-10"


# --- a sitting told after a lead about something else, held in the days before the text ------------


@pytest.mark.parametrize(
    ("text", "date", "fmt", "place"),
    [
        (
            "ASTANA, June 12 — The 22nd Cooperation Council will take place in Brussels on 20 June, the "
            "spokesman told a briefing on Thursday.\n\n"
            "Trade grew by 7% last year.\n\n"
            "The Council was prepared on Monday by the Cooperation Committee in trade configuration, which "
            "met by videoconference under the co-chairmanship of Vice Minister of Trade Aizhan Bizhanova "
            "and the Deputy Director-General for Trade of the European Commission, Leopoldo Rubinacci.\n",
            "2025-06-09",
            "virtual",
            None,
        ),
        (
            "The minister told parliament on Thursday that the new law would enter into force in July.\n\n"
            "Separately, the Kazakhstan–EU Joint Committee met in Astana on 10 June and discussed customs.\n",
            "2025-06-10",
            "in-person",
            "Astana",
        ),
        (
            "Officials presented the annual report on investment on Thursday.\n\n"
            "The report was discussed by the Intergovernmental Commission, which was held in Bishkek on "
            "Tuesday.\n",
            "2025-06-10",
            "in-person",
            "Bishkek",
        ),
    ],
)
def test_sitting_held_in_the_week_after_the_lead(text, date, fmt, place):
    (m,) = ex(text).meetings
    assert (m.date, m.format, m.place) == (date, fmt, place)


def test_sitting_held_weeks_ago_after_the_lead_is_no_meeting():
    text = (
        "Officials presented the annual report on investment on Thursday.\n\n"
        "Investment grew by a tenth last year.\n\n"
        "Exports of cotton fell.\n\n"
        "The report had been discussed by the Intergovernmental Commission, which met in Bishkek on "
        "12 May.\n"
    )
    assert ex(text).meetings == []


def test_second_head_takes_the_other_side():
    text = (
        "The 5th meeting of the Kazakhstan–EU Cooperation Committee was held in Astana on 10 June. It was "
        "co-chaired by Vice Minister of Trade Aizhan Bizhanova and the Deputy Director-General for Trade "
        "of the European Commission, Leopoldo Rubinacci.\n"
    )
    (m,) = ex(text).meetings
    assert {h.name: h.side for h in m.heads} == {
        "Aizhan Bizhanova": "Kazakhstan",
        "Leopoldo Rubinacci": "European Union",
    }


# --- an interview's answers recall sittings, they do not report them -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "An interview with the minister of trade\n\n"
        "The minister spoke to our correspondent on Tuesday.\n\n"
        "Q: You were in Brussels last week. What was the purpose?\n\n"
        "A: I co-chaired the meeting of the EU–Uzbekistan sub-committee on trade and investment.\n",
        "Five questions to the ambassador\n\n"
        "The ambassador answered our questions in Astana on Monday.\n\n"
        "Question: What happened in Luxembourg?\n\n"
        "Answer: The 21st Cooperation Council was held there and we co-chaired it.\n",
        "Talking trade with the deputy minister\n\n"
        "We met the deputy minister at her office on Wednesday.\n\n"
        "**Q:** What came out of the commission?\n\n"
        "**A:** The Intergovernmental Commission met in Bishkek and agreed a road map, which I chaired.\n",
    ],
)
def test_sitting_recalled_in_an_interview_answer_is_no_meeting(text):
    assert ex(text).meetings == []


def test_initial_opening_a_paragraph_is_no_answer():
    text = (
        "Trade officials met in Tashkent on Tuesday.\n\n"
        "A. Kudratov co-chaired the 5th meeting of the Uzbekistan–Latvia Intergovernmental Commission, "
        "which was held in Tashkent on 10 June.\n"
    )
    (m,) = ex(text).meetings
    assert m.number == 5


# --- a title that reports the sides meeting, the body named only below the lead ---------------------


@pytest.mark.parametrize(
    ("text", "body", "number"),
    [
        (
            "LIVE: EU–Central Asia foreign ministers meet in Bishkek\n\n"
            "Friday 13 June 2025. This page is no longer being updated.\n\n"
            "18:05 — The Joint Communiqué of the 20th EU–Central Asia Ministerial Meeting has been "
            "published. Thank you for following.\n",
            "EU–Central Asia Ministerial Meeting",
            20,
        ),
        (
            "Kazakhstan and EU officials gather in Astana\n\n"
            "Astana, 10 June 2025. Officials arrived in the capital this morning.\n\n"
            "Minutes of the 9th Kazakhstan–EU Cooperation Committee were published this evening.\n",
            "Kazakhstan–EU Cooperation Committee",
            9,
        ),
        (
            "Uzbek and Latvian diplomats convene in Riga\n\n"
            "Riga, 10 June 2025. The delegations exchanged views on transit.\n\n"
            "Notes from the 4th Uzbekistan–Latvia Intergovernmental Commission are below.\n",
            "Uzbekistan–Latvia Intergovernmental Commission",
            4,
        ),
    ],
)
def test_title_says_the_sides_meet(text, body, number):
    (m,) = ex(text).meetings
    assert (m.body, m.number) == (body, number)


def test_title_of_other_sides_meeting_does_not_pick_the_body():
    text = (
        "Kazakh and Chinese officials meet in Almaty\n\n"
        "Almaty, 10 June 2025. The delegations exchanged views on transit.\n\n"
        "Minutes of the 9th Kazakhstan–EU Cooperation Committee were published this evening.\n"
    )
    assert ex(text).meetings == []


@pytest.mark.parametrize(
    "label",
    ["Co-chairs:", "Chaired by:", "Co-chaired by:"],
)
def test_heads_from_a_chairs_label(label):
    text = (
        "LIVE: EU–Central Asia foreign ministers meet in Bishkek\n\n"
        "Friday 13 June 2025. This page is no longer being updated.\n\n"
        "18:05 — The Joint Communiqué of the 20th EU–Central Asia Ministerial Meeting has been published.\n\n"
        "17:40 — Trade grew by 12%, a correspondent notes.\n\n"
        "17:15 — The weather is fine.\n\n"
        f"16:50 — The joint press conference begins. {label} Kyrgyz Foreign Minister Jeenbek Kulubaev and "
        "EU High Representative Kaja Kallas.\n"
    )
    (m,) = ex(text).meetings
    assert {h.name: h.side for h in m.heads} == {
        "Jeenbek Kulubaev": "Kyrgyzstan",
        "Kaja Kallas": "European Union",
    }


# --- a sitting held in the weeks before the reported one, told with its own day ---------------------


@pytest.mark.parametrize(
    ("text", "body", "number", "day", "fmt", "place"),
    [
        (
            "The XI meeting of the EU–Tajikistan Cooperation Committee took place in Dushanbe on "
            "3 June 2025.\n\nThe meeting followed the fourth meeting of the EU–Tajikistan Subcommittee "
            "on Trade and Investment, held by video conference on 25 May.\n",
            "EU–Tajikistan Subcommittee on Trade and Investment",
            4,
            "2025-05-25",
            "virtual",
            None,
        ),
        (
            "The 9th meeting of the Kazakhstan–EU Cooperation Committee was held in Astana on 10 June 2025. "
            "It was preceded by the third meeting of the Kazakhstan–EU Subcommittee on Energy, held in "
            "Brussels on 2 June.\n",
            "Kazakhstan–EU Subcommittee on Energy",
            3,
            "2025-06-02",
            "in-person",
            "Brussels",
        ),
        (
            "The 5th meeting of the Uzbekistan–EU Cooperation Committee took place in Tashkent on 10 June "
            "2025. The Committee was prepared by the second session of the Uzbekistan–EU Subcommittee on "
            "Justice, which met in Tashkent on 28 May.\n",
            "Uzbekistan–EU Subcommittee on Justice",
            2,
            "2025-05-28",
            "in-person",
            "Tashkent",
        ),
    ],
)
def test_sitting_held_just_before_the_reported_one(text, body, number, day, fmt, place):
    _main, m = ex(text).meetings
    assert (m.body, m.number, m.date, m.format, m.place) == (body, number, day, fmt, place)
    assert m.heads == []


def test_sitting_held_long_before_the_reported_one_is_no_meeting():
    text = (
        "The XI meeting of the EU–Tajikistan Cooperation Committee took place in Dushanbe on 3 June 2025.\n\n"
        "The meeting followed the fourth meeting of the EU–Tajikistan Subcommittee on Trade and "
        "Investment, held by video conference on 25 November 2024.\n"
    )
    assert len(ex(text).meetings) == 1


@pytest.mark.parametrize(
    ("text", "body", "number"),
    [
        (
            "Kazakhstan and the United States held the fifth session of their Enhanced Strategic "
            "Partnership Dialogue in Washington on 4 June 2025.\n",
            "Enhanced Strategic Partnership Dialogue",
            5,
        ),
        (
            "Latvia and Uzbekistan held the second meeting of their Joint Steering Committee in Riga on "
            "4 June 2025.\n",
            "Joint Steering Committee",
            2,
        ),
        (
            "Foreign ministers of the Turkic states met in Baku on 4 June 2025 for the 11th meeting of "
            "their Council of Foreign Ministers.\n",
            "Council of Foreign Ministers",
            11,
        ),
    ],
)
def test_sitting_of_their_own_body(text, body, number):
    (m,) = ex(text).meetings
    assert (m.body, m.number) == (body, number)


@pytest.mark.parametrize(
    "text",
    [
        "Riga, 4 June 2025\n\nLatvia and Uzbekistan agreed to expand rail freight.\n\n"
        "The agreement was reached at the Latvian–Uzbek Intergovernmental Commission's 11th session "
        "in Riga.\n",
        "Riga, 4 June 2025\n\nLatvia and Uzbekistan agreed to expand rail freight.\n\n"
        "The deal was struck at the Latvia–Uzbekistan Intergovernmental Commission, meeting for the 11th "
        "time, in Riga.\n",
        "Riga, 4 June 2025\n\nLatvia and Uzbekistan agreed to expand rail freight.\n\n"
        "It was agreed during the Latvian–Uzbek Intergovernmental Commission, whose 11th session took "
        "place in Riga.\n",
    ],
)
def test_ordinal_after_a_sitting_named_after_the_lead(text):
    (m,) = ex(text).meetings
    assert m.number == 11


@pytest.mark.parametrize(
    ("how", "fmt", "place"),
    [
        ("via videoconferencing", "virtual", None),
        ("via Zoom", "virtual", None),
        ("by video call", "virtual", None),
        ("in Tashkent, with some participants partially online", "hybrid", "Tashkent"),
        ("in Tashkent, in person and virtually", "hybrid", "Tashkent"),
        ("in Tashkent, in person and remotely", "hybrid", "Tashkent"),
    ],
)
def test_format_words(how, fmt, place):
    text = f"The 5th meeting of the EU–Uzbekistan Cooperation Committee was held {how} on 4 June 2025.\n"
    (m,) = ex(text).meetings
    assert (m.format, m.place) == (fmt, place)


_LEAD = "The 5th meeting of the EU–Uzbekistan Cooperation Committee was held in Tashkent on 4 June 2025. "


@pytest.mark.parametrize(
    "heads",
    [
        # the second side in an elliptic clause
        "Uzbekistan was represented by Deputy Foreign Minister Bakhrom Aloev, the European Union by EEAS "
        "Managing Director Luc Devigne.",
        "The EU was represented by EEAS Managing Director Luc Devigne; Uzbekistan by Deputy Foreign "
        "Minister Bakhrom Aloev.",
        # the side in brackets after the name
        "Heading the delegations were Deputy Foreign Minister Bakhrom Aloev (Uzbekistan) and Managing "
        "Director Luc Devigne (EEAS).",
        "Co-chairing the meeting were Deputy Foreign Minister Bakhrom Aloev (Uzbekistan) and Managing "
        "Director Luc Devigne (European Union).",
        "Leading the talks were Managing Director Luc Devigne (EU) and Deputy Foreign Minister Bakhrom "
        "Aloev (Uzbekistan).",
    ],
)
def test_sides_of_heads_written_elliptically_or_in_brackets(heads):
    (m,) = ex(_LEAD + heads + "\n").meetings
    sides = {h.name: h.side for h in m.heads}
    assert sides == {"Bakhrom Aloev": "Uzbekistan", "Luc Devigne": "European Union"}


# --- a sitting of a format no known type names, told as sitting without an ordinal ------------------


@pytest.mark.parametrize(
    ("text", "body", "parties"),
    [
        (
            "The EU–Central Asia Foreign Ministers' Meeting took place in Luxembourg on 4 June 2025.\n",
            "EU–Central Asia Foreign Ministers' Meeting",
            ["European Union", "Central Asia"],
        ),
        (
            "Ashgabat hosted the EU – Central Asia High-Level Political and Security Dialogue on "
            "4 June 2025.\n",
            "EU–Central Asia High-Level Political and Security Dialogue",
            ["European Union", "Central Asia"],
        ),
        (
            "The Joint Strategic Planning Group (JSPG) of Türkiye and Uzbekistan met in Ankara on "
            "4 June 2025.\n",
            "Joint Strategic Planning Group",
            ["Turkey", "Uzbekistan"],
        ),
        (
            "On 4 June 2025 the Interparliamentary Commission of Kazakhstan and Belarus held a meeting in "
            "Minsk.\n",
            "Interparliamentary Commission",
            ["Kazakhstan", "Belarus"],
        ),
    ],
)
def test_unnumbered_sitting_of_an_unlisted_format(text, body, parties):
    (m,) = ex(text).meetings
    assert (m.body, m.number, m.date) == (body, None, "2025-06-04")
    assert m.parties == parties


@pytest.mark.parametrize(
    "text",
    [
        "The European Commission met representatives of the banks in Brussels on 4 June 2025.\n",
        "The Astana International Forum took place on 4 June 2025.\n",
        "The Council met in Brussels on 4 June 2025.\n",
    ],
)
def test_institutions_forums_and_bare_nouns_are_no_unlisted_format(text):
    assert ex(text).meetings == []


def test_ordinal_sitting_of_a_named_body_keeps_the_body():
    text = (
        "On 12 June the Presidents chaired the Second Meeting of the Azerbaijan-Kazakhstan Supreme "
        "Interstate Council in Astana.\n"
    )
    (m,) = ex(text).meetings
    assert (m.body, m.number) == ("Azerbaijan–Kazakhstan Supreme Interstate Council", 2)


_COUNCIL = (
    "The 20th meeting of the EU–Kazakhstan Cooperation Council was held in Brussels on 4 June 2025.\n\n"
)


@pytest.mark.parametrize(
    ("second", "body", "number", "day"),
    [
        (
            "On the same day, the 3rd meeting of the EU–Kazakhstan Subcommittee on Energy took place.",
            "EU–Kazakhstan Subcommittee on Energy",
            3,
            "2025-06-04",
        ),
        (
            "The day before, the 9th meeting of the EU–Kazakhstan Cooperation Committee took place in "
            "Brussels.",
            "EU–Kazakhstan Cooperation Committee",
            9,
            "2025-06-03",
        ),
        (
            "It was preceded on 2 June by the 9th meeting of the EU–Kazakhstan Cooperation Committee.",
            "EU–Kazakhstan Cooperation Committee",
            9,
            "2025-06-02",
        ),
        (
            "In parallel, the 2nd EU–Kazakhstan Business Dialogue was held.",
            "EU–Kazakhstan Business Dialogue",
            2,
            "2025-06-04",
        ),
    ],
)
def test_companion_sitting_told_as_held(second, body, number, day):
    main, other = ex(_COUNCIL + second + "\n").meetings
    assert main.number == 20
    assert (other.body, other.number, other.date, other.heads) == (body, number, day, [])


@pytest.mark.parametrize(
    "second",
    [
        # what the reported sitting dealt with, in its own sentence
        "",
        # recalled months before
        "The parties recalled the 9th meeting of the EU–Kazakhstan Cooperation Committee, held in Astana in "
        "November 2024.",
        # still ahead
        "The 10th meeting of the EU–Kazakhstan Cooperation Committee will be held in Astana on 20 June.",
        # another organisation's sitting, in a relative clause of that organisation
        "Both sides praised the Shanghai Cooperation Organisation, whose 25th Summit took place in Tianjin "
        "on 31 May 2025.",
        "They discussed the Organization of Turkic States, whose eleventh Summit was held in Bishkek on "
        "2 June 2025.",
        "The ministers welcomed the work of the CICA, whose 7th Ministerial Council convened in Baku on "
        "1 June 2025.",
    ],
)
def test_no_companion_sitting(second):
    text = (
        "The 20th meeting of the EU–Kazakhstan Cooperation Council, held in Brussels on 4 June 2025, "
        "reviewed the work of the 9th Cooperation Committee.\n\n" + second + "\n"
    )
    assert len(ex(text).meetings) == 1


@pytest.mark.parametrize(
    "text",
    [
        "The Council of Foreign Ministers of the Organization of Turkic States met in Gabala on "
        "4 June 2025.\n",
        "Gabala hosted the Council of Foreign Ministers of the Organization of Turkic States on "
        "4 June 2025.\n",
        "On 4 June 2025 the Council of Foreign Ministers of the Organization of Turkic States was held in "
        "Gabala.\n",
    ],
)
def test_unnumbered_sitting_of_a_council_named_with_its_organisation(text):
    (m,) = ex(text).meetings
    assert m.body == "Council of Foreign Ministers of the Organization of Turkic States"
    assert (m.number, m.date, m.place) == (None, "2025-06-04", "Gabala")


@pytest.mark.parametrize(
    "text",
    [
        # how often, not a sitting
        "The ministry published a report on 4 June 2025.\n\nThe report says the Coordination Committee met "
        "twice in 2024.\n",
        "The ministry published a report on 4 June 2025.\n\nThe Coordination Committee meets every year in "
        "Astana.\n",
        # a company's board
        "The Board of Directors of the EBRD met in London on 4 June 2025 and approved the loan.\n",
        # recalled a year before the text
        "President Tokayev received the Foreign Minister of Latvia in Astana on 4 June 2025.\n\nThe sides "
        "discussed the work of the Intergovernmental Commission, which met in Riga last year.\n",
        "Ministers talked on 4 June 2025.\n\nAt the Joint Committee in Astana in 2023, the parties agreed "
        "a plan.\n",
    ],
)
def test_no_sitting_reported(text):
    assert ex(text).meetings == []


@pytest.mark.parametrize(
    "second",
    [
        "They built on the EU–Central Asia Summit, held in Samarkand in April 2025, which set the agenda.",
        "They recalled the Joint Committee, held in Astana on 2 May 2025, and its decisions.",
        "The Intergovernmental Commission, which took place in Riga in March 2025, set the targets.",
    ],
)
def test_sitting_held_weeks_before_after_the_lead_is_no_meeting(second):
    text = (
        "EU and Central Asia ministers meet in Luxembourg\n\n"
        "Luxembourg, 12 June 2025. Ministers discussed connectivity.\n\n" + second + "\n"
    )
    assert ex(text).meetings == []
