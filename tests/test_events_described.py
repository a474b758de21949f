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


# --- the parts of a programme: occasions inside the one named before -------------------------------------


def test_the_parts_of_a_programme_take_the_occasions_days_and_place():
    text = (
        'From 15 to 17 April the Embassy organised "Uzbekistan Days" at the Bozar centre in Brussels. The '
        "programme featured an exhibition of Samarkand ceramics, a concert of maqom music and a tourism "
        "presentation attended by more than 40 tour operators."
    )
    ev = events(text)
    for name in ("exhibition of Samarkand ceramics", "concert of maqom music", "tourism presentation"):
        assert ev[name] == ("2025-04-15", "Brussels")
    text = (
        "On 4 June the Days of Latvian Culture opened in Tashkent. Their programme included a film "
        "screening, "
        "a fashion show of Riga designers and a master class for young musicians."
    )
    ev = events(text)
    assert ev["film screening"] == ev["fashion show of Riga designers"] == ("2025-06-04", "Tashkent")
    text = (
        "The Kazakh Business Forum took place in Riga on 12 May. The programme also included a round table "
        "on "
        "logistics, which drew 60 companies."
    )
    assert events(text)["round table on logistics"] == ("2025-05-12", "Riga")


def test_a_programme_without_an_occasion_before_gives_no_events():
    text = "The programme featured an exhibition of carpets and a concert."
    assert not events(text)


# --- a delegation led by someone visited two cities ------------------------------------------------------


def test_a_delegation_led_by_someone_visits_and_is_named_as_the_delegation():
    text = (
        "A business delegation led by the Deputy Minister of Investment, Industry and Trade Jakhongir "
        "Turakulov "
        "visited Antwerp and Liège last week for talks with port companies."
    )
    ev = events(text, "2026-04-30")
    assert ev["visit of a business delegation to Antwerp and Liège"][0].startswith("2026-04")
    text = "A Kazakh delegation led by Vice Minister Aibek Smadiyarov visited Riga on 3 June."
    assert events(text)["visit of a Kazakh delegation to Riga"][0] == "2025-06-03"
    text = (
        "The delegation of the Senate led by Speaker Maulen Ashimbayev visited Budapest and Vienna on "
        "9–11 June."
    )
    assert events(text)["visit of the delegation of the Senate to Budapest and Vienna"][0] == "2025-06-09"


# --- "the 21st ministerial": a numbered series the text titled before ------------------------------------


def test_a_numbered_sitting_named_in_short_after_its_series_title():
    text = (
        "The Joint Communiqué of the 20th EU–Central Asia Ministerial Meeting has been published.\n\n"
        "Kallas said the ministers had accepted Turkmenistan's offer to host the 21st ministerial in "
        "Ashgabat in "
        "2027."
    )
    assert events(text, "2026-10-16")["21st EU–Central Asia Ministerial Meeting"] == ("2027", "Ashgabat")
    text = (
        "The leaders recalled the 2nd EU–Central Asia Summit in Tashkent. They agreed that the 3rd summit "
        "will "
        "be held in Brussels in 2028."
    )
    assert events(text, "2026-05-15")["3rd EU–Central Asia Summit"] == ("2028", "Brussels")
    text = (
        "Delegates praised the outcomes of the fifth Astana Finance Forum. The sixth forum will take place "
        "in "
        "Astana on 5 May."
    )
    assert events(text, "2026-01-15")["sixth Astana Finance Forum"] == ("2026-05-05", "Astana")


def test_an_adjective_ministerial_names_no_sitting():
    text = "On 3 June, the EU–Central Asia ministerial declaration on water was published in Brussels."
    assert not [n for n in events(text) if "ministerial" in n.lower()]


def test_a_reception_of_something_is_receiving_it_not_a_reception():
    text = "On 3 June, the ministry organised the reception of 500 refugees in Almaty."
    assert not [n for n in events(text) if n.startswith("reception")]
    text = "The reception of the report by the Mazhilis on 4 June in Astana was positive."
    assert not [n for n in events(text) if n.startswith("reception")]
    text = "On 9 May, the Delegation hosted a reception in honour of Europe Day in Astana."
    assert events(text)["reception in honour of Europe Day"] == ("2025-05-09", "Astana")
