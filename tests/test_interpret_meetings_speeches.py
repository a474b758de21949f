"""A sitting a text only looks ahead to is no meeting; the text of a speech given at a sitting
reports that sitting (its dateline's day, the speaker as a chair). Our own sentences."""

from __future__ import annotations

import pytest

from communique import extract

# --- a sitting still to be held, named as what the text is "ahead of" -----------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "Ahead of the 23rd meeting of the Kazakhstan-EU Cooperation Council, to be held in Brussels in "
        "January, we spoke with Minister of Trade Arman Shakkaliyev about trade.",
        "In the run-up to the ninth session of the Latvia–Uzbekistan Intergovernmental Commission, due to "
        "take place in Riga in March, the ambassador answered our questions.",
        "Before the fifth meeting of the EU–Mongolia Joint Committee, scheduled for 4 February, Deputy "
        "Minister Battsetseg Ganbold gave an interview to our newspaper.",
    ],
)
def test_a_sitting_the_interview_is_ahead_of_is_an_event_not_the_meeting(lead):
    head = "Interview with the minister\n\nThe Daily Courier | 9 December 2026\n\n"
    text = f"{head}{lead}\n\n– How is trade?\n– It grows.\n"
    ex = extract(text, published="2026-12-09")
    assert ex.meetings == []


def test_a_sitting_held_after_an_earlier_one_is_still_reported():
    text = (
        "Cooperation Committee meets in Astana\n\n"
        "Astana, 9 December 2026\n\n"
        "The 23rd meeting of the Kazakhstan-EU Cooperation Committee was held in Astana today. It was "
        "co-chaired by Deputy Minister Roman Vassilenko and Managing Director Luc Devigne.\n"
    )
    (m,) = extract(text, published="2026-12-09").meetings
    assert m.number == 23 and m.date == "2026-12-09" and m.place == "Astana"


# --- the text of a speech at the sitting -------------------------------------------------------


@pytest.mark.parametrize(
    "title, chair_line",
    [
        (
            "Opening speech by the Minister of Foreign Affairs of Latvia Baiba Braže at the Fifth Meeting of "
            "Foreign Ministers in the Baltic – Central Asia format",
            "It is a great honour for me to co-chair today's meeting together with my good friend, Minister "
            "of Foreign Affairs of Kazakhstan Murat Nurtleu.",
        ),
        (
            "Remarks by the Minister of Foreign Affairs of Latvia Baiba Braže at the 5th meeting of the "
            "Latvia–Kazakhstan Intergovernmental Commission",
            "I am delighted to chair this session jointly with Minister of Foreign Affairs of Kazakhstan "
            "Murat Nurtleu.",
        ),
        (
            "Statement delivered by the Minister of Foreign Affairs of Latvia Baiba Braže at the fifth "
            "session of the Latvia–Kazakhstan Intergovernmental Commission",
            "As co-chairs of this Commission, Minister of Foreign Affairs of Kazakhstan Murat Nurtleu and I "
            "have prepared a rich agenda.",
        ),
    ],
)
def test_the_speaker_of_a_speech_at_the_sitting_chairs_it_on_the_datelines_day(title, chair_line):
    text = (
        f"MINISTRY OF FOREIGN AFFAIRS\n\n{title}\n\nRiga, 7 November 2026\n\nCheck against delivery\n\n"
        f"Dear colleagues,\n\nAllow me to welcome you to Riga. {chair_line}\n\n"
        "Trade between our countries grew last year.\n"
    )
    (m,) = extract(text, published="2026-11-07").meetings
    assert m.number == 5 and m.date == "2026-11-07"
    assert {h.name for h in m.heads} == {"Baiba Braže", "Murat Nurtleu"}


def test_a_speech_whose_speaker_does_not_chair_adds_no_head():
    text = (
        "Speech by the Ambassador of Latvia Anna Berg at the Fifth Meeting of the Latvia–Kazakhstan "
        "Intergovernmental Commission on Economic Cooperation\n\nRiga, 7 November 2026\n\nDear friends,\n\n"
        "The meeting was chaired by Minister of Economy of Latvia Viktors Valainis. I thank the organisers "
        "for the invitation.\n"
    )
    # (a body the text's sitting is read of: with a "Business Council" no meeting was found at all and
    # the test could not fail; with "It is an honour for me to co-chair …" the speaker is a head)
    (m,) = extract(text, published="2026-11-07").meetings
    assert "Anna Berg" not in {h.name for h in m.heads}
    assert "Viktors Valainis" in {h.name for h in m.heads}


# --- members of a delegation and hosts are no heads ----------------------------------------------


@pytest.mark.parametrize(
    "sides",
    [
        "The Uzbek delegation, headed by Foreign Minister Bakhtiyor Saidov, included Deputy Minister "
        "Bakhromjon Aloev. The EU side was represented by High Representative Kaja Kallas.",
        "The EU side was represented by High Representative Kaja Kallas, accompanied by Deputy Minister "
        "Bakhromjon Aloev. The Uzbek delegation was led by Foreign Minister Bakhtiyor Saidov.",
        "The Uzbek delegation was headed by Foreign Minister Bakhtiyor Saidov and also comprised Deputy "
        "Minister Bakhromjon Aloev, while the EU was represented by High Representative Kaja Kallas.",
    ],
)
def test_a_delegation_member_is_no_head(sides):
    text = (
        "Cooperation Council held\n\nBrussels, 5 March 2026\n\nThe 21st meeting of the EU–Uzbekistan "
        f"Cooperation Council was held in Brussels. {sides}\n"
    )
    (m,) = extract(text, published="2026-03-05").meetings
    assert {h.name for h in m.heads} == {"Bakhtiyor Saidov", "Kaja Kallas"}


@pytest.mark.parametrize(
    "host",
    [
        "Prime Minister Ali Asadov received the delegations.",
        "Prime Minister Ali Asadov, who received the co-chairs, praised the delegation's work.",
        "Later, Prime Minister Ali Asadov welcomed the heads of delegation.",
    ],
)
def test_who_receives_the_delegations_is_no_head(host):
    text = (
        "Intergovernmental Commission meets\n\nBaku, 5 March 2026\n\nThe 19th meeting of the "
        "Azerbaijan–Kazakhstan Intergovernmental Commission took place in Baku. The Commission is co-chaired "
        "by Minister of Economy of Azerbaijan Mikayil Jabbarov and Minister of Trade of Kazakhstan Arman "
        f"Shakkaliyev. {host}\n"
    )
    (m,) = extract(text, published="2026-03-05").meetings
    assert {h.name for h in m.heads} == {"Mikayil Jabbarov", "Arman Shakkaliyev"}


def test_leaders_a_summit_includes_stay_heads():
    text = (
        "Summit held\n\nSamarkand, 4 April 2025\n\nThe first EU–Central Asia Summit was held in Samarkand. "
        "It brought together the leaders of the region, including President Shavkat Mirziyoyev and President "
        "Kassym-Jomart Tokayev, and the Presidents of the European Council and the European Commission, "
        "António Costa and Ursula von der Leyen.\n"
    )
    (m,) = extract(text, published="2025-04-04").meetings
    assert {"Shavkat Mirziyoyev", "Kassym-Jomart Tokayev"} <= {h.name for h in m.heads}


# --- a numbered sitting of an organ with no two parties is no meeting -----------------------------


@pytest.mark.parametrize(
    "lead",
    [
        "The 45th meeting of the Board of Directors of the Development Bank of Kazakhstan was held today "
        "under the chairmanship of Minister of Finance Madi Takiyev.",
        "The third meeting of the National Steering Committee on Green Hydrogen took place in Astana today, "
        "chaired by Vice Minister of Energy Anna Berg.",
        "Minister of Finance Madi Takiyev chaired the 12th session of the Interdepartmental Commission on "
        "Export Control in Astana today.",
    ],
)
def test_a_sitting_of_a_domestic_organ_is_no_meeting(lead):
    text = f"Sitting held\n\nAstana, 5 March 2026\n\n{lead}\n"
    assert extract(text, published="2026-03-05").meetings == []


def test_a_named_bilateral_group_still_is_a_meeting():
    text = (
        "Joint group\n\nAstana, 5 March 2026\n\nThe third meeting of the Kazakhstan–Uzbekistan Joint "
        "Working Group on Water took place in Astana today, co-chaired by Vice Minister Anna Berg and Deputy "
        "Minister Karl Weber.\n"
    )
    (m,) = extract(text, published="2026-03-05").meetings
    assert m.number == 3 and {h.name for h in m.heads} == {"Anna Berg", "Karl Weber"}


# --- a participants list with side headings and "head of delegation" marks --------------------------


@pytest.mark.parametrize(
    "kz, eu",
    [
        ("Kazakhstan:", "European Union:"),
        ("**Kazakh side:**", "**EU side:**"),
        ("For Kazakhstan:", "For the European Union:"),
    ],
)
def test_side_headings_and_head_marks_in_a_participants_list(kz, eu):
    text = (
        "EU–Kazakhstan Cooperation Committee, 24th meeting\n\nAstana, 5 March 2026\n\nThe 24th meeting of "
        "the EU–Kazakhstan Cooperation Committee took place in Astana on 5 March 2026.\n\n## Participants\n\n"
        f"{kz}\n- Anna Berg, Director of the Department of European Cooperation\n- Roman Vassilenko, Deputy "
        f"Minister of Foreign Affairs (head of delegation)\n\n{eu}\n- Karl Weber, Head of Unit, DG TRADE\n"
        "- Luc Devigne, Deputy Managing Director, EEAS (head of delegation)\n"
    )
    (m,) = extract(text, published="2026-03-05").meetings
    assert {(h.name, h.side) for h in m.heads} == {
        ("Roman Vassilenko", "Kazakhstan"),
        ("Luc Devigne", "European Union"),
    }


# --- one side joining from afar a sitting held in a city: hybrid -------------------------------------


@pytest.mark.parametrize(
    "dateline, body_text, place",
    [
        (
            "BRUSSELS",
            "The EU and Kazakhstan held the 24th Cooperation Committee today, with the Kazakh "
            "delegation joining remotely.",
            "Brussels",
        ),
        (
            "BRUSSELS",
            "The 24th EU–Kazakhstan Cooperation Committee was held in Brussels today. Several Kazakh "
            "experts were connecting via video link.",
            "Brussels",
        ),
        (
            "ASTANA",
            "The 24th EU–Kazakhstan Cooperation Committee took place in Astana today; EU experts "
            "taking part online.",
            "Astana",
        ),
    ],
)
def test_a_side_joining_remotely_makes_the_sitting_hybrid(dateline, body_text, place):
    text = f"Committee meets\n\n{dateline}, 5 March 2026\n\n{body_text}\n"
    (m,) = extract(text, published="2026-03-05").meetings
    assert (m.format, m.place) == ("hybrid", place)


def test_a_sitting_held_by_video_conference_stays_virtual():
    text = (
        "Committee meets\n\nBRUSSELS, 5 March 2026\n\nThe 24th EU–Kazakhstan Cooperation Committee met today "
        "by video conference.\n"
    )
    (m,) = extract(text, published="2026-03-05").meetings
    assert m.format == "virtual"


@pytest.mark.parametrize(
    "lead",
    [
        "Minister Murat Nurtleu met Ambassador Aleska Simkić to prepare the forthcoming 23rd meeting of the "
        "EU–Kazakhstan Cooperation Council.",
        "Minister Murat Nurtleu and Ambassador Aleska Simkić discussed preparations for the upcoming 23rd "
        "meeting of the EU–Kazakhstan Cooperation Council.",
        "In view of the next EU–Kazakhstan Cooperation Council, Minister Murat Nurtleu received Ambassador "
        "Aleska Simkić.",
        "The 23rd meeting of the EU–Kazakhstan Cooperation Council, planned for May in Brussels, was "
        "discussed by Minister Murat Nurtleu and Ambassador Aleska Simkić.",
    ],
)
def test_a_sitting_still_ahead_named_in_the_lead_is_no_meeting(lead):
    text = f"News\n\nAstana, 5 March 2026\n\n{lead}\n\nThe sides discussed trade and transport.\n"
    assert extract(text, published="2026-03-05").meetings == []


def test_a_sitting_held_with_a_previous_one_named_after_it_is_still_the_meeting():
    text = (
        "Council held\n\nAstana, 5 March 2026\n\nThe 23rd meeting of the EU–Kazakhstan Cooperation Council "
        "was held in Astana today, a year after the last meeting of the Council in Brussels.\n"
    )
    (m,) = extract(text, published="2026-03-05").meetings
    assert m.number == 23 and m.place == "Astana"
