"""Sittings told by a press conference's transcript (its speakers are the co-chairs) and by the
programme of a visit a report gives (a numbered sitting on a dated list item). Our own texts
(fictional people and sittings)."""

from __future__ import annotations

import pytest

from communique import extract

# --- the transcript of the press conference after a sitting -------------------------------------


@pytest.mark.parametrize(
    "title, intro, first, second",
    [
        (
            "Joint press conference following the 14th meeting of the EU-Mongolia Joint Committee",
            "MODERATOR: Good afternoon. We are joined by the Managing Director for Asia, Paola Conti, and by "
            "the Deputy Minister of Foreign Affairs of Mongolia, Bat-Erdene Ganbold.",
            "CONTI: Thank you. Today we held the fourteenth Joint Committee between the European Union and "
            "Mongolia. Trade keeps growing.",
            "GANBOLD: Thank you, Paola. We discussed transport and raw materials.",
        ),
        (
            "Press remarks by Managing Director Paola Conti and Deputy Minister of Foreign Affairs of "
            "Mongolia "
            "Bat-Erdene Ganbold after the 14th meeting of the EU-Mongolia Joint Committee",
            "MODERATOR (Anita Berg, Spokesperson): Good morning. Two statements, then questions.",
            "MANAGING DIRECTOR CONTI: Thank you. Today we held a very good Joint Committee between the "
            "European Union and Mongolia.",
            "DEPUTY MINISTER GANBOLD (through interpreter): Thank you. We agreed on a new roadmap.",
        ),
        (
            "Press conference following the 14th meeting of the EU–Mongolia Joint Committee",
            "MODERATOR: We welcome the Managing Director for Asia, Paola Conti, and the Deputy Minister of "
            "Foreign Affairs of Mongolia, Bat-Erdene Ganbold.",
            "CONTI: Thank you. The fourteenth Joint Committee between the European Union and Mongolia was "
            "held here today.",
            "GANBOLD: We are grateful to our European partners for the talks.",
        ),
    ],
)
def test_the_speakers_of_the_press_conference_after_the_sitting_are_its_heads(title, intro, first, second):
    text = f"TRANSCRIPT\n\n{title}\nBrussels, 3 March 2026\n\n{intro}\n\n{first}\n\n{second}\n"
    (m,) = extract(text, published="2026-03-03").meetings
    assert m.number == 14
    assert {h.name for h in m.heads} == {"Paola Conti", "Bat-Erdene Ganbold"}


def test_the_co_chair_the_speaker_names_and_the_speaker_are_both_heads():
    text = (
        "Press remarks | Transcript\n\nBrussels, 3 March 2026\n\n"
        "Press conference by Managing Director Paola Conti and Deputy Minister of Foreign Affairs of "
        "Mongolia Bat-Erdene Ganbold following the 14th meeting of the EU–Mongolia Joint Committee\n\n"
        "MODERATOR: Good afternoon.\n\n"
        "MANAGING DIRECTOR CONTI: Thank you. Today Deputy Minister Ganbold and I co-chaired the fourteenth "
        "Joint Committee between the European Union and Mongolia. We discussed trade.\n\n"
        "DEPUTY MINISTER GANBOLD: Thank you, Paola. The talks were open.\n"
    )
    (m,) = extract(text, published="2026-03-03").meetings
    assert {h.name for h in m.heads} == {"Paola Conti", "Bat-Erdene Ganbold"}


def test_a_spokesperson_briefing_names_no_head_by_its_labels():
    text = (
        "Midday briefing — transcript\n\nBrussels, 3 March 2026\n\n"
        "SPOKESPERSON BERG: Good afternoon. The 14th meeting of the EU–Mongolia Joint Committee was held "
        "in Brussels today, co-chaired by Managing Director Paola Conti.\n\n"
        "QUESTION: Thank you. What about visas?\n"
    )
    # (no "Press … following the" title: the labels name no speaker; the co-chair the text names is the head)
    (m,) = extract(text, published="2026-03-03").meetings
    assert [h.name for h in m.heads] == ["Paola Conti"]


# --- the programme of a visit: a numbered sitting on a dated list item ---------------------------


@pytest.mark.parametrize(
    "item",
    [
        "- **Tuesday 2 December, Tashkent:** meeting with the Speaker of the Senate, and the 9th meeting of "
        "the EU–Uzbekistan Parliamentary Cooperation Committee at the Legislative Chamber.",
        "- Tuesday 2 December, Tashkent: the 9th meeting of the EU–Uzbekistan Parliamentary Cooperation "
        "Committee, followed by a dinner.",
        "* 2 December (Tashkent): talks with ministers; 9th meeting of the EU-Uzbekistan Parliamentary "
        "Cooperation Committee in the Legislative Chamber.",
    ],
)
def test_a_numbered_sitting_in_a_past_programme_is_the_meeting_reported(item):
    text = (
        "# Mission report: visit to Uzbekistan, 2–4 December 2025\n\n"
        "*Adopted by the Delegation on 21 January 2026.*\n\n"
        "## Composition\n\nThe delegation was led by its Chair, Ms Karin Holm, and included four Members.\n\n"
        f"## Programme\n\n{item}\n- **Wednesday 3 December:** visit to a textile plant.\n\n"
        "## Findings\n\nMembers discussed trade.\n"
    )
    ex = extract(text)
    assert ex.document.published == "2026-01-21"
    (m,) = ex.meetings
    assert (m.number, m.date, m.place) == (9, "2025-12-02", "Tashkent")


def test_a_numbered_sitting_in_a_week_ahead_advisory_is_no_meeting():
    text = (
        "# Week ahead\n\n*Published 1 December 2026*\n\nThe Delegation announces its programme.\n\n"
        "## Programme\n\n- **Tuesday 8 December, Tashkent:** the 10th meeting of the EU–Uzbekistan "
        "Parliamentary Cooperation Committee.\n"
    )
    assert extract(text).meetings == []


def test_an_ambassador_accompanying_the_delegation_is_no_head():
    text = (
        "# Mission report: visit to Uzbekistan, 2–4 December 2025\n\n"
        "*Adopted by the Delegation on 21 January 2026.*\n\n"
        "The delegation was led by its Chair, Ms Karin Holm, and included four Members. It was accompanied "
        "by the Head of the EU Delegation to Uzbekistan, Ambassador Jan Kask.\n\n"
        "## Programme\n\n- **Tuesday 2 December, Tashkent:** the 9th meeting of the EU–Uzbekistan "
        "Parliamentary Cooperation Committee.\n"
    )
    (m,) = extract(text).meetings
    assert "Jan Kask" not in {h.name for h in m.heads}


@pytest.mark.parametrize(
    "line, value",
    [
        ("*Adopted by the Delegation on 21 January 2026.*", "2026-01-21"),
        ("Adopted on 3 February 2026", "2026-02-03"),
        ("Approved on 14 May 2025.", "2025-05-14"),
    ],
)
def test_a_reports_adoption_line_dates_it(line, value):
    text = f"# Mission report\n\n{line}\n\nThe delegation visited Astana.\n"
    assert extract(text).document.published == value


def test_speaker_labels_in_mixed_case_name_the_heads_too():
    text = (
        "TRANSCRIPT\n\nJoint press conference following the 14th meeting of the EU–Mongolia Joint Committee\n"
        "Brussels, 3 March 2026\n\n"
        "**Moderator:** We are joined by the Managing Director for Asia, Paola Conti, and by the Deputy "
        "Minister of Foreign Affairs of Mongolia, Bat-Erdene Ganbold.\n\n"
        "**Paola Conti:** Thank you. Today we held the fourteenth Joint Committee between the European "
        "Union and Mongolia.\n\n"
        "**Deputy Minister Ganbold:** Thank you, Paola. We discussed transport.\n"
    )
    (m,) = extract(text, published="2026-03-03").meetings
    assert {h.name for h in m.heads} == {"Paola Conti", "Bat-Erdene Ganbold"}
