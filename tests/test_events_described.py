"""Occasions named by a described noun (interpret.events, data/events.yaml): receptions, concerts and press
conferences named by a venue or a word before them, lower-case descriptions after a capitalised name,
"Day(s)" after a name, sittings named by who meets ("senior officials' meeting"), fronted dates and
live reports — our own sentences."""

from __future__ import annotations

from communique import extract


def events(text: str, published: str = "2025-06-20") -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.date, e.place) for e in extract(text, published=published).events}


# --- receptions, concerts, press conferences: named by a venue or a word before them ---------------------


def test_a_reception_or_concert_named_by_its_venue_or_kind():
    text = "Yesterday evening the ministers attended a reception at the Philharmonic in Bishkek."
    assert events(text)["reception at the Philharmonic"][0] == "2025-06-19"
    text = "On 9 May, the Delegation hosted a Europe Day reception at the Rixos President Hotel in Astana."
    assert events(text)["Europe Day reception at the Rixos President Hotel"][0] == "2025-05-09"
    text = "On 12 June, the Embassy organised a concert of Kazakh folk music at the Flagey hall in Brussels."
    assert events(text)["concert of Kazakh folk music at the Flagey hall"][0] == "2025-06-12"


def test_a_bare_reception_or_press_conference_is_no_occasion():
    text = (
        "On 12 June, the minister spoke at a reception. He later told a press conference on 12 June that "
        "talks went well."
    )
    assert not events(text)


def test_a_press_conference_named_by_a_word_before_it():
    text = "16:50 — The joint press conference begins. The two ministers answer questions."
    assert events(text)["joint press conference"][0] == "2025-06-20"
    text = "On 3 June, the ministers gave a joint press conference in Riga."
    assert events(text)["joint press conference"] == ("2025-06-03", "Riga")
    text = (
        "11:05 — The joint news conference of the two foreign ministers is under way in the media centre. "
        "Questions are about trade."
    )
    assert events(text)["joint news conference of the two foreign ministers"][0] == "2025-06-20"


# --- lower-case descriptions after a capitalised name ----------------------------------------------------


def test_a_forum_or_round_table_described_after_a_capitalised_name():
    text = "On Thursday morning an EU–Central Asia civil society forum took place at the university."
    assert events(text)["EU–Central Asia civil society forum"][0] == "2025-06-19"
    text = "Before that, on 3 March, we will host a Team Europe investment round table in Samarkand."
    assert events(text, "2025-02-20")["Team Europe investment round table"] == ("2025-03-03", "Samarkand")
    text = "On 5 June, the Chamber organised a Baltic–Central Asian logistics conference in Riga."
    assert events(text)["Baltic–Central Asian logistics conference"] == ("2025-06-05", "Riga")


def test_modifiers_before_an_occasion_noun():
    text = "The Institute will hold a follow-up roundtable in Tashkent on 14–15 April 2026."
    assert events(text)["follow-up roundtable"] == ("2026-04-14", "Tashkent")
    text = "ASTANA, June 20 -- The spokesman told a weekly briefing on Tuesday that the visit is confirmed."
    assert events(text)["weekly briefing"][0] == "2025-06-17"
    text = "The two ministries will hold a joint seminar in Almaty on 2 July."
    assert events(text)["joint seminar"] == ("2025-07-02", "Almaty")


# --- a capitalised "Day(s)" after a name -----------------------------------------------------------------


def test_days_named_after_a_country_or_a_field():
    text = "An EU–Kazakhstan Research and Innovation Day will be held in Almaty on 22–23 September."
    assert events(text)["EU–Kazakhstan Research and Innovation Day"] == ("2025-09-22", "Almaty")
    text = 'From 15 to 17 April the Embassy organised "Uzbekistan Days" at the Bozar centre in Brussels.'
    assert events(text)["Uzbekistan Days"] == ("2025-04-15", "Brussels")
    text = "The Mission celebrated Latvian Culture Days in Tashkent on 4–6 June."
    assert events(text)["Latvian Culture Days"] == ("2025-06-04", "Tashkent")


def test_a_dated_re_mention_dates_an_occasion_a_contents_list_names_first():
    text = (
        'IN THIS ISSUE\n* "Mongolia Days" in Brussels\n\n"MONGOLIA DAYS" IN BRUSSELS\nFrom 15 to 17 May the '
        'Embassy, jointly with the Ministry of Culture, organised "Mongolia Days" at the Bozar centre in '
        "Brussels."
    )
    assert events(text)["Mongolia Days"] == ("2025-05-15", "Brussels")


# --- a sitting named by who meets ------------------------------------------------------------------------


def test_a_meeting_named_by_the_possessive_of_who_meets():
    text = (
        "The sides confirmed that a senior officials' meeting on critical raw materials will be held in "
        "Astana on 26 June."
    )
    assert events(text)["senior officials' meeting on critical raw materials"] == ("2025-06-26", "Astana")
    text = "A foreign ministers’ meeting will take place in Bishkek on 4 July."
    assert events(text)["foreign ministers’ meeting"] == ("2025-07-04", "Bishkek")
    text = "The national coordinators' meeting was held in Dushanbe on 10 June."
    assert events(text)["national coordinators' meeting"] == ("2025-06-10", "Dushanbe")


# --- a date in the next clause belongs to the next occasion ----------------------------------------------


def test_a_dated_clause_after_and_is_not_the_first_occasions_date():
    text = (
        "Yesterday evening the ministers attended a reception at the Philharmonic, and on 12 June a business "
        "forum of the Chamber took place in Bishkek."
    )
    assert events(text)["reception at the Philharmonic"][0] == "2025-06-19"
