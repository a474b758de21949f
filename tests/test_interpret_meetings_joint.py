"""Two bodies sitting on one occasion: each is a meeting with the same day, place and heads."""

from __future__ import annotations

import pytest

from communique import extract


def ex(text: str, published: str | None = "2025-04-29"):
    return extract(text, published=published)


def test_and_the_nth_meeting_of_another_body_in_the_same_sentence():
    text = (
        "Ministers meet in Baku\n\n"
        "BAKU, April 29 - Ministers gathered in Baku on Tuesday for the 11th meeting of the Caspian Gas "
        "Advisory Council and the third meeting of the Clean Power Advisory Council. Energy Minister Parviz "
        "Shahbazov co-chaired the sessions.\n"
    )
    ms = ex(text).meetings
    assert [(m.body, m.number) for m in ms] == [
        ("Caspian Gas Advisory Council", 11),
        ("Clean Power Advisory Council", 3),
    ]
    assert ms[0].date == ms[1].date == "2025-04-29"
    assert ms[0].place == ms[1].place == "Baku"


def test_back_to_back_sitting_in_the_next_paragraph():
    text = (
        "Ministers meet in Baku\n\n"
        "BAKU, April 29 - Ministers gathered in Baku on Tuesday for the 11th meeting of the Caspian Gas "
        "Advisory Council.\n\n"
        "It was held back-to-back with the third ministerial meeting of the Clean Power Advisory Council.\n"
    )
    assert [(m.body, m.number) for m in ex(text).meetings] == [
        ("Caspian Gas Advisory Council", 11),
        ("Clean Power Advisory Council", 3),
    ]


def test_a_next_sitting_of_another_body_is_no_joint_meeting():
    text = (
        "Ministers meet in Baku\n\n"
        "BAKU, April 29 - Ministers gathered in Baku on Tuesday for the 11th meeting of the Caspian Gas "
        "Advisory Council, and the fourth meeting of the Clean Power Advisory Council will be held "
        "next year.\n"
    )
    assert [m.number for m in ex(text).meetings] == [11]


def test_a_format_cue_about_an_earlier_sitting_of_another_body_is_not_the_reported_ones():
    text = (
        "Committee meets in Dushanbe\n\n"
        "The XI meeting of the EU–Tajikistan Cooperation Committee took place in Dushanbe "
        "on 3 December 2025. "
        "The meeting followed the fourth meeting of the EU–Tajikistan Subcommittee on Trade and Investment, "
        "held by video conference on 25 November.\n"
    )
    m, sub = ex(text, "2025-12-04").meetings
    assert (m.number, m.date, m.place, m.format) == (11, "2025-12-03", "Dushanbe", "in-person")
    # the subcommittee's sitting, held the week before, is a meeting of its own with its own format
    assert (sub.number, sub.date, sub.place, sub.format) == (4, "2025-11-25", None, "virtual")


def test_a_sitting_told_as_held_without_a_date_took_place_on_the_datelines_day():
    text = (
        "Ministers hold 26th meeting of the Ruritania–Russia Intergovernmental Commission\n\n"
        "Astana, 24 September 2025. The twenty-sixth meeting of the Ruritania–Russia Intergovernmental "
        "Commission was held in Astana.\n"
    )
    (m,) = ex(text, None).meetings
    assert (m.number, m.date, m.place) == (26, "2025-09-24", "Astana")


def test_a_sitting_with_no_held_verb_keeps_no_date_from_the_dateline():
    text = (
        "Ruritania looks to the Intergovernmental Commission\n\n"
        "Astana, 24 September 2025. The twenty-sixth meeting of the Ruritania–Russia Intergovernmental "
        "Commission is being prepared in Astana.\n"
    )
    ms = ex(text, None).meetings
    assert all(m.date is None for m in ms)


def test_the_sitting_on_whose_margins_the_text_business_was_done_later_in_the_text():
    text = (
        "Bank signs €60 million loan for Bishkek water\n\n"
        "Bishkek, 8 October 2025\n\n"
        "The Bank and the Kyrgyz Republic have signed a €60 million loan for the water network.\n\n"
        "The loan will replace 140 kilometres of pipes.\n\n"
        "The agreements were signed on the margins of the 12th meeting of the EU-Kyrgyz Republic Cooperation "
        "Committee, held in Bishkek on 7-8 October.\n"
    )
    (m,) = ex(text, "2025-10-08").meetings
    assert (m.number, m.date, m.date_end, m.place) == (12, "2025-10-07", "2025-10-08", "Bishkek")


def test_margins_of_a_sitting_long_ago_is_no_reported_meeting():
    text = (
        "Bank signs loan\n\n"
        "Bishkek, 8 October 2025\n\n"
        "The Bank and the Kyrgyz Republic have signed a €60 million loan for the water network.\n\n"
        "The loan will replace 140 kilometres of pipes.\n\n"
        "The framework was agreed on the margins of the 11th meeting of the EU-Kyrgyz Republic Cooperation "
        "Committee, held in Brussels on 7 May 2024.\n"
    )
    assert ex(text, "2025-10-08").meetings == []


def test_a_numbered_sitting_the_visit_chaired_later_in_the_text_is_the_reported_meeting():
    text = (
        "On the negotiations of the Ministers of Foreign Affairs\n\n"
        "Astana, 14 February 2025\n\n"
        "The Minister of Foreign Affairs of Kazakhstan held negotiations with his counterpart from "
        "Uzbekistan, who is staying in the country on a working visit.\n\n"
        "The parties discussed trade and water.\n\n"
        "Within the framework of the visit the Ministers co-chaired the fourth meeting of the Council of "
        "Ministers of Foreign Affairs of Kazakhstan and Uzbekistan. The next Consultative Meeting of the "
        "Heads of State of Central Asia will be held in Tashkent.\n"
    )
    out = ex(text, None)
    (m,) = out.meetings
    assert (m.number, m.date, m.place) == (4, "2025-02-14", "Astana")
    assert any(e.name.startswith("Consultative Meeting of the Heads of State") for e in out.events)


def test_a_numbered_cooperation_forum_is_a_standing_body():
    text = (
        "Results of the 17th Korea–Central Asia Cooperation Forum\n\n"
        "1. The 17th Korea–Central Asia Cooperation Forum was held in Seoul on 6 November, with the "
        "participation of vice ministers of foreign affairs of the five Central Asian countries.\n"
    )
    (m,) = ex(text, "2024-11-08").meetings
    assert (m.number, m.date, m.place) == (17, "2024-11-06", "Seoul")
    assert "Cooperation Forum" in m.body


def test_a_date_in_an_arrival_aside_is_not_the_sittings():
    text = (
        "Presidents sign documents\n\n"
        "Tashkent -- President Ilham Aliyev, who arrived in Tashkent on 16 September on a state visit, held "
        "talks with the Uzbek leader on Wednesday. After the talks, the Heads of State chaired the second "
        "meeting of the Supreme Interstate Council of Uzbekistan and Azerbaijan.\n"
    )
    (m,) = ex(text, "2025-09-17").meetings
    assert (m.number, m.date) == (2, "2025-09-17")


def test_a_recalled_sitting_after_the_lead_is_no_reported_meeting():
    text = (
        "Minister holds video conference with Commissioner\n\n"
        "On 12 March 2025, the Minister held a video conference with the European Commissioner.\n\n"
        "She recalled the eighth meeting of the Mongolia–EU Joint Committee, held in Ulaanbaatar in June "
        "last year.\n"
    )
    assert ex(text, "2025-03-12").meetings == []


def test_held_in_the_capital_of_a_country_named_by_its_demonym_or_name():
    for where in ("the Kazakh capital", "the capital of Kazakhstan"):
        text = (
            "EU and Kazakhstan hold Cooperation Council\n\n"
            f"The 21st meeting of the EU-Kazakhstan Cooperation Council was held in {where} on 3 May 2025.\n"
        )
        (m,) = ex(text, "2025-05-04").meetings
        assert (m.number, m.place) == (21, "Astana")


@pytest.mark.parametrize(
    ("where", "city"),
    [("the Luxembourg capital", "Luxembourg"), ("the Belgian capital", "Brussels"),
     ("the capital of Sweden", "Stockholm"), ("the Latvian capital", "Riga")],
)
def test_held_in_the_capital_of_a_european_state(where, city):
    text = (
        "EU and Kazakhstan hold Cooperation Council\n\n"
        f"The 21st meeting of the EU-Kazakhstan Cooperation Council was held in {where} on 3 May 2025.\n"
    )
    (m,) = ex(text, "2025-05-04").meetings
    assert m.place == city


def test_a_mixed_or_in_person_and_online_sitting_is_hybrid():
    for how in ("in Astana on 3 May 2025 in a mixed format", "on 3 May 2025 both in person and online"):
        text = f"Council meets\n\nThe 21st meeting of the EU-Kazakhstan Cooperation Council was held {how}.\n"
        (m,) = ex(text, "2025-05-04").meetings
        assert m.format == "hybrid"


def test_a_ministerial_meeting_of_a_named_body_is_a_sitting_of_that_body():
    text = (
        "Ministers meet in Baku\n\n"
        "BAKU, April 29 - Ministers gathered in Baku on Tuesday for the 11th ministerial meeting of the "
        "Caspian Gas Advisory Council.\n"
    )
    (m,) = ex(text).meetings
    assert (m.body, m.number) == ("Caspian Gas Advisory Council", 11)
