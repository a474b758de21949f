"""The reported meeting when the lead names none: a sitting co-chaired at the visit, one reported
second-hand with its chair, one only recalled (our own sentences)."""

from __future__ import annotations

from communique import extract


def test_a_sitting_co_chaired_in_the_third_paragraph_takes_the_datelines_day():
    text = (
        "On the talks of the foreign ministers\n\n"
        "Riga, 14 February 2025\n\n"
        "Minister of Foreign Affairs of Latvia Baiba Braže held negotiations with Minister of Foreign "
        "Affairs of Lithuania Kęstutis Budrys, who is staying in our country with a working visit.\n\n"
        "The parties exchanged opinions on regional security.\n\n"
        "Within the framework of the visit the Ministers co-chaired the fourth meeting of the Council of "
        "Ministers of Foreign Affairs of Latvia and Lithuania.\n"
    )
    (m,) = extract(text, published="2025-02-14").meetings
    assert m.number == 4 and m.date == "2025-02-14"
    assert m.body.startswith("Council of Ministers of Foreign Affairs")


def test_a_sitting_reported_second_hand_with_its_chair_is_the_meeting():
    text = (
        "The President held talks with the President of Latvia\n\n"
        "Riga, 23 October 2025\n\n"
        "The President held talks with President of Latvia Edgars Rinkēvičs, who arrived in Riga on a "
        "visit.\n\n"
        "The leaders stressed the importance of the visit.\n\n"
        "The leaders reviewed the results of the 15th meeting of the Estonia–Latvia Intergovernmental "
        "Commission, held in Tallinn on 12 June this year under the co-chairmanship of the Minister of "
        "Economy of Estonia Erkki Keldo.\n"
    )
    (m,) = extract(text, published="2025-10-23").meetings
    assert m.number == 15 and m.date == "2025-06-12" and m.place == "Tallinn"


def test_a_recalled_sitting_is_no_meeting_and_the_next_bare_sitting_is_the_same_bodys():
    text = (
        "Minister holds video conference with Commissioner\n\n"
        "On 12 March 2025, Minister for Foreign Affairs of Estonia Margus Tsahkna held a video conference "
        "with Jozef Síkela, European Commissioner for International Partnerships.\n\n"
        "Minister Tsahkna recalled the eighth meeting of the Estonia–EU Joint Committee, held in Tallinn in "
        "June last year, and proposed to hold the ninth meeting in Brussels in September.\n"
    )
    ex = extract(text, published="2025-03-12")
    assert ex.meetings == []
    names = {e.name: (e.date, e.place) for e in ex.events}
    assert names["ninth meeting of the Estonia–EU Joint Committee"] == ("2025-09", "Brussels")


def test_a_visitors_arrival_day_is_not_the_sittings():
    text = (
        "Presidents hold Supreme Council\n\n"
        "17.09.2025\n\n"
        "President of Latvia Edgars Rinkēvičs, who arrived in Vilnius on 16 September on a state visit, held "
        "talks with President Gitanas Nausėda on Wednesday.\n\n"
        "After the talks, the Heads of State chaired the second meeting of the Latvia–Lithuania Supreme "
        "Interstate Council.\n"
    )
    (m,) = extract(text, published="2025-09-17").meetings
    assert m.date == "2025-09-17"


def test_a_sitting_participants_are_invited_to_is_not_the_reported_meeting():
    text = (
        "The Prime Minister met European business leaders on Thursday.\n\n"
        "The participants were invited to the Foreign Investors' Council plenary session chaired by "
        "President Edgars Rinkēvičs, scheduled for the autumn.\n"
    )
    assert extract(text, published="2025-06-05").meetings == []


def test_a_sitting_held_back_to_back_with_the_reported_one_is_a_meeting_of_its_own():
    text = (
        "RIGA, Feb 26 - Energy ministers gathered in Riga on Wednesday for the 11th ministerial meeting of "
        "the Baltic Gas Corridor Advisory Council.\n\n"
        "The meeting was co-chaired by Latvian Energy Minister Kaspars Melnis and Dan Jørgensen, the "
        "European "
        "Commissioner for Energy. It was held back-to-back with the third ministerial meeting of the Baltic "
        "Green Energy Advisory Council.\n"
    )
    first, second = extract(text, published="2025-02-26").meetings
    assert second.body == "Baltic Green Energy Advisory Council" and second.number == 3
    assert (second.date, second.place, second.heads) == (first.date, first.place, [])


def test_a_lead_naming_the_sitting_without_a_day_takes_the_day_of_the_next_sentence_naming_it():
    text = (
        "Ministry of Economy of Latvia\n\n"
        "The 11th meeting of the Latvia–Estonia Intergovernmental Commission on Economic Cooperation held in "
        "Riga\n\n"
        "Riga, March 6, 2025. The 11th meeting of the Latvia–Estonia Intergovernmental Commission on "
        "Economic "
        "Cooperation was held in Riga on March 5, co-chaired by Minister of Economy of Latvia Viktors "
        "Valainis and Minister of Economy of Estonia Erkki Keldo.\n"
    )
    (m,) = extract(text, published="2025-03-06").meetings
    assert m.number == 11 and m.date == "2025-03-05"


def test_a_pronoun_co_chair_is_the_person_named_before_and_the_visits_city_the_place():
    text = (
        "Press release of the Ministry of Foreign Affairs of Latvia\n\n"
        "On 11–12 November, Minister of Foreign Affairs Baiba Braže paid a working visit to Brussels. On 11 "
        "November, she co-chaired the 20th meeting of the Latvia–European Union Cooperation Council together "
        "with the High Representative of the Union for Foreign Affairs and Security Policy Kaja Kallas.\n"
    )
    (m,) = extract(text, published="2025-11-12").meetings
    assert {h.name for h in m.heads} == {"Baiba Braže", "Kaja Kallas"}
    assert m.place == "Brussels"


def test_the_two_leaders_chairing_a_sitting_after_the_lead_are_its_heads():
    text = (
        "RIGA, April 22, 2025 (Wire) - Estonian President Alar Karis arrived in Riga on Tuesday for a "
        "two-day "
        "state visit, Latvian President Edgars Rinkēvičs's office said.\n\n"
        "The two leaders held talks behind closed doors and then chaired the third meeting of the "
        "Estonian-Latvian Supreme Interstate Council, according to a statement.\n"
    )
    (m,) = extract(text, published="2025-04-22").meetings
    assert {h.name for h in m.heads} == {"Alar Karis", "Edgars Rinkēvičs"}


def test_a_numbered_cooperation_forum_held_in_a_city_is_a_meeting():
    text = (
        "Results of the 17th Japan–Central Asia Cooperation Forum\n\n"
        "2024.11.08\n\n"
        "1. The 17th Japan–Central Asia Cooperation Forum was held in Tokyo on 6 November, with the "
        "participation of vice ministers of foreign affairs of the five Central Asian countries.\n\n"
        "2. On the margins of the Forum, the vice ministers held consultations.\n\n"
        "3. The Japan–Uzbekistan Business Council will hold its 4th meeting in Tashkent in the first half "
        "of 2025.\n"
    )
    ex = extract(text, published="2024-11-08")
    (m,) = ex.meetings
    assert (m.number, m.date, m.place) == (17, "2024-11-06", "Tokyo")
    names = {e.name for e in ex.events}
    assert "Forum" not in names
    assert "4th meeting of the Japan–Uzbekistan Business Council" in names


def test_a_second_hand_sittings_heads_are_its_chairs_not_the_leads_callers():
    text = (
        "Ministers hold phone call\n\n"
        "Riga, 8 April 2025. Foreign Minister of Latvia Baiba Braže and Foreign Minister of Japan Takeshi "
        "Iwaya held a phone conversation on Tuesday.\n\n"
        "They discussed the outcomes of the 12th meeting of the Latvia–Japan Joint Commission, held by video "
        "conference on 4 April. The commission was co-chaired by Latvia's Minister of Economy Viktors "
        "Valainis and Japan's State Minister Kenji Sato.\n"
    )
    (m,) = extract(text, published="2025-04-08").meetings
    assert [h.name for h in m.heads] == ["Viktors Valainis", "Kenji Sato"]
