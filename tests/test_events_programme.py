"""Referenced events (interpret.events) in agendas, briefings and readouts: day headings, occasions held
on the sidelines of (or alongside) another, fronted ranges, talks in the lead, visits of a titled
person, called-off items — our own sentences."""

from __future__ import annotations

from communique import extract


def events(text: str, published: str = "2026-03-02") -> dict[str, tuple]:
    return {e.name: (e.date, e.date_end, e.place) for e in extract(text, published=published).events}


# --- an agenda's day headings date the items below them ---------------------------------------------

AGENDA = """EMBASSY OF ITALY IN UZBEKISTAN

PROGRAMME OF THE WEEK

TUESDAY, 3 MARCH
11:00 – Round table "Water for the valley: a shared plan", Hotel Uzbekistan, Tashkent.

WEDNESDAY, 4 MARCH – THURSDAY, 5 MARCH
Italian Film Festival, Ilkhom Theatre, Tashkent.

Friday, 6 March
10:30 – Seminar on olive growing, Agrarian University, Samarkand.
"""


def test_an_agenda_item_takes_the_day_of_its_heading():
    ev = events(AGENDA)
    assert ev['Round table "Water for the valley: a shared plan"'] == ("2026-03-03", None, "Tashkent")


def test_a_heading_of_two_days_gives_its_item_a_range():
    ev = events(AGENDA)
    assert ev["Italian Film Festival"] == ("2026-03-04", "2026-03-05", "Tashkent")


def test_a_heading_in_sentence_case_dates_its_item_too():
    ev = events(AGENDA)
    assert ev["Seminar on olive growing"] == ("2026-03-06", None, "Samarkand")


def test_a_heading_of_other_words_dates_nothing():
    ev = events(
        "PROGRAMME OF THE WEEK\n\nCultural highlights\nItalian Film Festival, Ilkhom Theatre, Tashkent.\n"
    )
    assert ev.get("Italian Film Festival", (None,))[0] is None


def test_an_agenda_meeting_in_the_present_takes_its_day():
    ev = events(
        "MONDAY, 2 MARCH\n15:00 – Ambassador Marco Rossi meets Minister of Energy Jurabek Mirzamakhmudov.\n"
    )
    assert ev == {"meeting of Marco Rossi with Jurabek Mirzamakhmudov": ("2026-03-02", None, None)}


# --- a visit of a titled person is named by the person ------------------------------------------------


def test_a_visit_of_a_title_then_a_name_is_the_visit_of_the_name():
    ev = events(
        "On 12 March, the visit of the EU Special Representative for Human Rights, Olof Skoog, to Bishkek "
        "will focus on civil society."
    )
    assert ev == {"visit of Olof Skoog to Bishkek": ("2026-03-12", None, "Bishkek")}


def test_a_visit_heading_an_agenda_line_is_named_by_the_visitor():
    ev = events(
        "THURSDAY, 5 MARCH\n09:00 – Visit of the Minister of Foreign Affairs of Latvia, Baiba Braže, "
        "to Almaty.\n"
    )
    assert ev == {"visit of Baiba Braže to Almaty": ("2026-03-05", None, "Almaty")}


def test_a_working_visit_of_a_titled_minister_keeps_its_kind():
    ev = events(
        "The working visit of the Deputy Minister of Economy of Kazakhstan, Azamat Amrin, to Tallinn took "
        "place on 24 February."
    )
    assert ev == {"working visit of Azamat Amrin to Tallinn": ("2026-02-24", None, "Tallinn")}


# --- a quoted title after an occasion's last word, and names that end where another verb starts ------


def test_a_reception_for_an_exhibition_keeps_the_exhibitions_title():
    ev = events('On 3 March, a reception on the opening of the exhibition "Nordic Light" took place in Riga.')
    assert ev == {'reception on the opening of the exhibition "Nordic Light"': ("2026-03-03", None, "Riga")}


def test_an_occasion_name_stops_before_who_paid_for_it():
    ev = events(
        "On 3 March the Ambassador opened an exhibition on the restoration of the Khiva walls supported by "
        "Japanese grant funding in Khiva."
    )
    assert ev == {"exhibition on the restoration of the Khiva walls": ("2026-03-03", None, "Khiva")}


# --- held on the sidelines of, or alongside, an occasion named before ---------------------------------

FORUM = (
    "ASHGABAT, March 5 – The Turkmenistan–EU Investment Forum was held in Ashgabat on Wednesday. "
    "On the sidelines of the forum, Deputy Chairman of the Cabinet of Ministers Rashid Meredov met with "
    "European Commissioner for Trade Maros Sefcovic. "
    "Also on the sidelines, Minister of Finance Serdar Jorayev held talks with the EIB Vice-President, "
    "Thomas Ostros, on water projects. "
    "An exhibition of Turkmen carpet makers ran alongside the forum. "
    "The forum continues today."
)


def test_a_meeting_on_the_sidelines_of_a_forum_takes_the_forums_day_and_place():
    ev = events(FORUM, published="2026-03-05")
    assert ev["meeting of Rashid Meredov with Maros Sefcovic"] == ("2026-03-04", None, "Ashgabat")


def test_talks_also_on_the_sidelines_take_the_same_occasions_day():
    ev = events(FORUM, published="2026-03-05")
    assert ev["talks between Serdar Jorayev and Thomas Ostros"] == ("2026-03-04", None, "Ashgabat")


def test_an_occasion_alongside_a_forum_takes_its_day_and_place():
    ev = events(FORUM, published="2026-03-05")
    assert ev["exhibition of Turkmen carpet makers"] == ("2026-03-04", None, "Ashgabat")


def test_a_short_re_mention_on_whose_margins_something_happens_is_the_same_forum():
    ev = events(
        "On 20–21 May, the capital will host the Tashkent International Investment Forum. "
        "Question: Will there be an EU event on the margins of the Tashkent forum? Answer: Yes.",
        published="2026-05-04",
    )
    assert ev == {"Tashkent International Investment Forum": ("2026-05-20", "2026-05-21", "Tashkent")}


# --- a date fronted before a planned occasion ---------------------------------------------------------


def test_a_fronted_range_dates_an_exhibition_to_be_held():
    ev = events(
        'From 9 to 12 April, the national exhibition "Made in Uzbekistan" will be held in Warsaw.',
        published="2026-04-01",
    )
    assert ev == {'exhibition "Made in Uzbekistan"': ("2026-04-09", "2026-04-12", "Warsaw")}


def test_a_fronted_day_dates_a_planned_round_table_with_its_participants():
    ev = events(
        "On 29 April, on the sidelines of the congress, a round table on Caspian shipping with the "
        "participation of the EU Ambassador Peter Burian is planned.",
        published="2026-04-20",
    )
    assert ev["round table on Caspian shipping"][0] == "2026-04-29"


def test_a_fronted_day_dates_a_conference_that_will_take_place():
    ev = events("On 14 April, a seminar on green hydrogen will take place in Astana.", published="2026-04-01")
    assert ev["seminar on green hydrogen"] == ("2026-04-14", None, "Astana")


# --- talks the lead reports; the sentence's second predicate ------------------------------------------


def test_talks_in_the_lead_held_in_a_residence_take_the_reports_day():
    ev = events(
        "President Sadyr Japarov held talks in the Yntymak Ordo with President of the European Council "
        "António Costa, who is in Kyrgyzstan on an official visit on 1–2 March.",
        published="2026-03-02",
    )
    assert ev["talks between Sadyr Japarov and António Costa"][0] == "2026-03-02"


def test_talks_the_lead_reports_in_the_present_take_the_reports_day():
    ev = events(
        "Prime Minister Olzhas Bektenov holds talks with Prime Minister of Hungary Viktor Orbán, who is in "
        "Kazakhstan on a working visit on 1–2 March. The sides discussed gas supplies.",
        published="2026-03-02",
    )
    assert ev["talks between Olzhas Bektenov and Viktor Orbán"][0] == "2026-03-02"


def test_undated_talks_in_the_lead_are_no_occasion_of_their_own():
    ev = events(
        "Minister Bakhtiyor Saidov held talks with Minister Baiba Braže. The sides discussed transit.",
        published="2026-03-02",
    )
    assert ev == {}


def test_a_day_after_a_second_predicate_is_not_the_earlier_sittings():
    ev = events(
        "On 2 March the Council reviewed progress since its previous meeting and welcomed the Air Services "
        "Agreement, signed in Vienna on 4 December 2025."
    )
    assert not any(v[0] == "2025-12-04" for v in ev.values())


# --- a restated trip, a called-off item ---------------------------------------------------------------


def test_a_visit_restated_in_apposition_is_the_same_trip():
    ev = events(
        "Commissioner Marta Kos travelled to Baku and Ganja on 2–3 March, her first visit to Azerbaijan as "
        "Commissioner."
    )
    assert len([n for n in ev if "visit" in n]) <= 1
    assert not any(n.startswith("first visit") for n in ev)


def test_a_postponed_occasion_is_not_recorded():
    ev = events(
        "NOTE: The Team Europe briefing for the press, originally planned for Wednesday, has been postponed."
    )
    assert ev == {}


def test_a_cancelled_forum_is_not_recorded():
    ev = events("The Baltic–Central Asia Business Forum in Riga on 14 April was cancelled.")
    assert ev == {}


def test_an_occasion_postponed_to_a_new_day_is_kept():
    ev = events("The Baltic–Central Asia Business Forum in Riga was postponed to 14 April.")
    assert "Baltic–Central Asia Business Forum" in ev


# --- a call the subject recalls, homage, hosted receptions, a press conference after the sitting ------


def test_a_recalled_telephone_conversation_is_a_call_between_the_two():
    ev = events(
        "On 2 March, President Sadyr Japarov received Commissioner Marta Kos. Sadyr Japarov recalled his "
        "telephone conversation with Marta Kos in January."
    )
    assert ev["telephone conversation between Sadyr Japarov and Marta Kos"][0] == "2026-01"


def test_a_phone_call_in_a_possessive_with_a_day():
    ev = events(
        "Minister Baiba Braže referred to her phone call with Minister Bakhtiyor Saidov on 12 February."
    )
    assert ev["phone call between Baiba Braže and Bakhtiyor Saidov"][0] == "2026-02-12"


def test_their_video_conference_with_someone():
    ev = events(
        "Prime Minister Olzhas Bektenov and his deputy noted that their video conference with Prime Minister "
        "Viktor Orbán in December had prepared the visit."
    )
    assert any(n.startswith("video conference between") and v[0] == "2025-12" for n, v in ev.items())


def test_a_wreath_laid_at_a_monument_is_a_wreath_laying_by_the_visitor():
    ev = events(
        "President Alar Karis is in Tashkent on a state visit on 1–2 March. Earlier on the same day, "
        "Alar Karis "
        "laid a wreath at the Independence Monument and visited the Museum of Applied Arts.",
        published="2026-03-02",
    )
    assert ev["wreath-laying by Alar Karis at the Independence Monument"][0] == "2026-03-02"


def test_flowers_placed_at_a_memorial_with_a_day():
    ev = events(
        "On 3 March, Chancellor Friedrich Merz placed flowers at the Memorial to the Victims of Repression."
    )
    assert ev == {
        "flower-laying by Friedrich Merz at the Memorial to the Victims of Repression": (
            "2026-03-03",
            None,
            None,
        )
    }


def test_wreaths_laid_to_a_monument_in_a_city():
    ev = events(
        "On 4 March in Bishkek, Prime Minister Robert Fico laid wreaths to the Eternal Flame in Victory "
        "Square."
    )
    assert ev["wreath-laying by Robert Fico to the Eternal Flame"][0] == "2026-03-04"


MINISTERIAL = (
    "The fifth EU–Central Asia Foreign Ministers' Meeting took place in Tashkent on 2 March 2026. "
    '"We agreed on a new roadmap," Kaja Kallas said at the press conference after the meeting. '
    "The same evening the ministers attended a reception and a concert hosted by the Tashkent city "
    "administration."
)


def test_a_press_conference_after_the_meeting_is_the_reported_sittings():
    ev = events(MINISTERIAL, published="2026-03-03")
    assert ev["press conference after the EU–Central Asia Foreign Ministers' Meeting"][0] == "2026-03-02"


def test_a_reception_named_by_its_host_on_the_same_evening():
    ev = events(MINISTERIAL, published="2026-03-03")
    assert ev["reception and a concert hosted by the Tashkent city administration"][0] == "2026-03-02"


def test_a_concert_given_by_an_orchestra_on_a_day():
    ev = events("On 5 March, the ministers attended a concert given by the Kazakh State Symphony Orchestra.")
    assert ev == {"concert given by the Kazakh State Symphony Orchestra": ("2026-03-05", None, None)}


def test_a_bare_reception_is_still_no_occasion():
    ev = events("On 5 March, the ministers attended a reception.")
    assert ev == {}


# --- site visits: a named port, a described construction site, "The next day, 15 July" --------------


def test_the_next_day_spelled_out_dates_a_visit_to_a_named_port():
    ev = events(
        "The next day, 3 March, the ministers visited the Khorgos Eastern Gate Dry Port, a hub of "
        "China–Europe "
        "trains."
    )
    assert ev == {"visit to the Khorgos Eastern Gate Dry Port": ("2026-03-03", None, "Khorgos")}


def test_a_construction_site_described_by_what_is_built_is_visited():
    ev = events(
        "On 29 October, the delegation travelled to Osh, where it visited the construction site of a solar "
        "power plant financed with EU support."
    )
    assert ev["visit to the construction site of a solar power plant"][0] == "2025-10-29"


def test_a_bare_site_is_no_visit():
    ev = events("On 29 October, the delegation visited the plant.")
    assert not any(n.startswith("visit to") for n in ev)


# --- a delegation received by one host meets another ---------------------------------------------------


def test_a_delegation_received_by_a_host_then_meeting_another():
    ev = events(
        "On 27 October, the delegation was received by the Chairman of the Senate, Maulen Ashimbayev, and "
        "held a working meeting with Deputy Minister of Energy Yerlan Akkenzhenov.",
        published="2026-10-30",
    )
    assert ev["reception of the delegation by Maulen Ashimbayev"][0] == "2026-10-27"
    assert ev["meeting of the delegation with Yerlan Akkenzhenov"][0] == "2026-10-27"
    assert "meeting of Maulen Ashimbayev with Yerlan Akkenzhenov" not in ev


def test_a_named_delegation_received_then_meeting_keeps_its_side():
    ev = events(
        "On 3 March, the Polish delegation was received by Minister of Economy Ruslan Abdulov, and met "
        "Deputy Minister of Transport Talgat Lastayev.",
    )
    assert "meeting of Ruslan Abdulov with Talgat Lastayev" not in ev


# --- a group met with a word that says which; a standing group's sitting; an opening attended -------


def test_young_entrepreneurs_met_at_a_named_venue():
    ev = events(
        "On the margins of the forum on 2 March, Commissioner Jozef Síkela opened a photo exhibition and met "
        "young entrepreneurs at the Tashkent IT Park."
    )
    assert ev["meeting of Jozef Síkela with young entrepreneurs at the Tashkent IT Park"][0] == "2026-03-02"


def test_local_journalists_met_on_a_day():
    ev = events("On 3 March, Ambassador Toivo Klaar met local journalists of the Kabar news agency.")
    assert "meeting of Toivo Klaar with local journalists of the Kabar news agency" in ev


def test_national_students_met_on_a_day():
    ev = events(
        "On 4 March, Ambassador Peter Burian met Kazakh students of the Al-Farabi University in Almaty."
    )
    assert any(n.startswith("meeting of Peter Burian with Kazakh students") for n in ev)


def test_a_working_group_that_met_is_a_meeting_of_it():
    ev = events(
        "On the eve of the summit, on 15 September, the working group on tariff policy and digitalisation "
        "met at the Aktau seaport.",
        published="2026-09-17",
    )
    assert ev == {
        "meeting of the working group on tariff policy and digitalisation": ("2026-09-15", None, "Aktau")
    }


def test_a_joint_task_force_that_convened():
    ev = events("On 5 March the joint task force on border crossings convened in Tbilisi.")
    assert ev == {"meeting of the joint task force on border crossings": ("2026-03-05", None, "Tbilisi")}


def test_an_expert_group_that_held_its_first_meeting():
    ev = events("On 6 March the expert group on critical raw materials held its first meeting in Brussels.")
    assert ev["meeting of the expert group on critical raw materials"] == ("2026-03-06", None, "Brussels")


def test_an_opening_attended_of_a_hub_of_a_named_port():
    ev = events(
        "The 5th Caspian Ports Conference was held in Aktau on 16 September. Participants also attended the "
        "opening of the new container hub of the Port of Aktau.",
        published="2026-09-17",
    )
    assert ev["opening of the new container hub of the Port of Aktau"][0].startswith("2026-09")


def test_the_inauguration_of_a_terminal_of_a_named_port_with_a_day():
    ev = events("On 2 March the ministers attended the inauguration of a grain terminal of the Port of Baku.")
    assert ev == {"inauguration of a grain terminal of the Port of Baku": ("2026-03-02", None, "Baku")}


def test_the_opening_of_a_plant_of_something_unnamed_stays_short():
    ev = events("On 2 March the ministers attended the opening of a new solar plant of modest size.")
    assert all(" of modest size" not in n for n in ev)


# --- other words for talks; more kinds of site and of opening ------------------------------------------


def test_negotiations_held_with_someone_are_talks_between_the_two():
    ev = events(
        "On 12 May, Foreign Minister Murat Nurtleu held negotiations "
        "with Minister Annalena Baerbock in Berlin.",
        published="2026-05-19",
    )
    assert ev == {"talks between Murat Nurtleu and Annalena Baerbock": ("2026-05-12", None, "Berlin")}


def test_a_conversation_had_in_person_is_a_meeting():
    ev = events(
        "On 12 May, President Kassym-Jomart Tokayev had a conversation "
        "with President Emmanuel Macron in Paris.",
        published="2026-05-19",
    )
    assert ev == {"meeting of Kassym-Jomart Tokayev with Emmanuel Macron": ("2026-05-12", None, "Paris")}


def test_a_telephone_conversation_stays_a_call():
    ev = events(
        "On 12 May, President Kassym-Jomart Tokayev had a telephone "
        "conversation with President Emmanuel Macron.",
        published="2026-05-19",
    )
    assert ev == {
        "telephone conversation between Kassym-Jomart Tokayev and Emmanuel Macron": ("2026-05-12", None, None)
    }


def test_a_named_tech_garden_university_or_academy_visited():
    ev = events(
        "The delegation also visited the Almaty Tech Garden on 13 May. On 14 May, the Minister visited the "
        "Nazarbayev University. On 15 May, the Ambassador visited the Diplomatic Academy of Uzbekistan.",
        published="2026-05-19",
    )
    assert ev["visit to the Almaty Tech Garden"][0] == "2026-05-13"
    assert ev["visit to the Nazarbayev University"][0] == "2026-05-14"
    assert ev["visit to the Diplomatic Academy of Uzbekistan"][0] == "2026-05-15"


def test_the_opening_of_an_eu_delegation_or_a_trade_house():
    ev = events(
        "The Commissioner will travel to Ashgabat on 3 June for the opening of the EU Delegation. On 4 June "
        "the ministers attended the opening of the Kazakh trade house in Riga.",
        published="2026-05-19",
    )
    assert ev["opening of the EU Delegation"][0] == "2026-06-03"
    assert ev["opening of the Kazakh trade house"] == ("2026-06-04", None, "Riga")


def test_an_agreement_on_the_opening_of_an_office_is_no_opening():
    ev = events(
        "On 11 May, an agreement on the opening of a "
        "representative office of the EBRD in Ashgabat was initialled."
    )
    assert not any(n.startswith("opening of") for n in ev)


# --- where a trip goes for an occasion; a venue named after an occasion ---------------------------------


def test_flew_to_a_city_to_attend_a_forum_places_the_forum():
    ev = events(
        "The Minister flew to Baku on Monday to attend the Caspian Energy Forum.", published="2026-05-20"
    )
    assert ev["Caspian Energy Forum"][2] == "Baku"


def test_arrived_in_a_city_to_take_part_in_a_forum_places_the_forum():
    ev = events(
        "The Commissioner arrived in Tashkent to take part in the Tashkent International Investment Forum on "
        "9 June.",
        published="2026-05-20",
    )
    assert ev["Tashkent International Investment Forum"] == ("2026-06-09", None, "Tashkent")


def test_travelled_to_a_city_for_a_congress_places_the_congress():
    ev = events(
        "On 12 May the Speaker travelled to Riga for the World Latvian Economic Congress.",
        published="2026-05-20",
    )
    assert ev["World Latvian Economic Congress"] == ("2026-05-12", None, "Riga")


def test_an_expo_centre_is_a_venue_not_an_expo():
    ev = events(
        "The exhibition will run from 3 to 5 June at the Expo centre in Astana.", published="2026-05-20"
    )
    assert "Expo" not in ev


def test_a_forum_hall_is_a_venue_not_a_forum():
    ev = events(
        "On 3 June the signing took place in the Forum hall of the Rixos hotel.", published="2026-05-20"
    )
    assert "Forum" not in ev


def test_a_concert_of_a_city_named_troupe_is_where_the_sentence_says():
    ev = events("A concert of the Astana Opera took place in Berlin on 8 May.", published="2026-05-09")
    assert ev == {"concert of the Astana Opera": ("2026-05-08", None, "Berlin")}


def test_an_exhibition_of_a_city_named_museum_held_elsewhere():
    ev = events(
        "On 3 June an exhibition of the Tashkent Museum of Applied Arts was held in Riga.",
        published="2026-06-09",
    )
    assert ev["exhibition of the Tashkent Museum of Applied Arts"][2] == "Riga"


def test_a_forum_named_after_its_city_keeps_the_city():
    ev = events("On 28–29 May, the capital will host the Astana International Forum.", published="2026-05-18")
    assert ev == {"Astana International Forum": ("2026-05-28", "2026-05-29", "Astana")}


# --- the next edition of an occasion just named; "the organisation" ------------------------------------


def test_the_next_one_after_a_previous_forum_is_the_next_forum():
    ev = events(
        "The minister recalled that the previous business forum was held in Riga in May 2025 and proposed to "
        "hold the next one in Tallinn in 2027.",
        published="2026-06-10",
    )
    assert ev["next business forum"] == ("2027", None, "Tallinn")


def test_a_forum_held_again_next_year_is_its_next_edition():
    ev = events(
        "The Caspian Logistics Forum took place in Aktau on 20–21 May. Delegates praised the organisers. "
        "The forum itself will be held again in Baku next year.",
        published="2026-05-22",
    )
    assert ev["next Caspian Logistics Forum"] == ("2027", None, "Baku")


def test_the_next_edition_of_a_titled_exhibition_drops_its_number():
    ev = events(
        "The 5th Kazakh Wool Exhibition closed in Almaty on 3 March. The organisers announced that the next "
        "edition will take place in Shymkent in March 2027.",
        published="2026-03-04",
    )
    assert ev["next Kazakh Wool Exhibition"] == ("2027-03", None, "Shymkent")


def test_the_next_one_with_nothing_named_before_is_nothing():
    ev = events("The ministers said the next one will be better.", published="2026-03-04")
    assert ev == {}


def test_a_summit_of_the_organisation_names_the_organisation():
    ev = events(
        "Leaders of the Organization of Turkic States met in Gabala on 7 October. An informal summit of the "
        "organisation is planned for early next year in Turkistan.",
        published="2025-10-08",
    )
    assert any(n == "informal summit of the Organization of Turkic States" for n in ev)


def test_a_forum_of_the_organization_names_it_with_a_z():
    ev = events(
        "The Shanghai Cooperation Organization held its summit in Tianjin. A youth forum of the organization "
        "will take place in Bishkek on 3 June.",
        published="2026-05-08",
    )
    assert ev["youth forum of the Shanghai Cooperation Organisation"][0] == "2026-06-03"


def test_ministers_meeting_again_are_no_next_edition_of_an_occasion():
    ev = events(
        "The trilateral meeting of the ministers of transport took place in Kars on 15 August. The ministers "
        "will meet again in Baku in 2026.",
        published="2025-08-19",
    )
    assert not any(n.startswith("next trilateral meeting") for n in ev)


# --- what an occasion is about, before its noun ---------------------------------------------------------


def test_an_investment_seminar_of_two_countries_is_an_occasion():
    ev = events(
        "A Kazakh–Estonian investment seminar took place in Tallinn on 15 May with the participation of 60 "
        "companies.",
        published="2026-05-18",
    )
    assert ev == {"Kazakh–Estonian investment seminar": ("2026-05-15", None, "Tallinn")}


def test_a_youth_forum_held_on_a_day():
    ev = events("On 3 June a youth forum was held in Bishkek.", published="2026-05-18")
    assert ev == {"youth forum": ("2026-06-03", None, "Bishkek")}


def test_an_energy_conference_named_by_its_subject():
    ev = events("On 4 June the Latvian–Uzbek energy conference opened in Riga.", published="2026-05-18")
    assert ev["Latvian–Uzbek energy conference"][0] == "2026-06-04"


def test_a_forum_as_a_platform_is_no_occasion():
    ev = events(
        "The parties noted the importance of the forum as a platform for dialogue.", published="2026-05-18"
    )
    assert ev == {}


# --- the visitor is the person nearest the visit's verb --------------------------------------------------


def test_the_visitor_is_not_the_host_who_invited():
    ev = events(
        "At the invitation of President Shavkat Mirziyoyev, President of Latvia Edgars Rinkēvičs paid a "
        "state "
        "visit to Uzbekistan on 12–13 May.",
        published="2026-05-18",
    )
    assert ev == {
        "state visit of President Edgars Rinkēvičs to Uzbekistan": ("2026-05-12", "2026-05-13", "Uzbekistan")
    }


def test_the_visitor_after_a_fronted_phrase_naming_someone_else():
    ev = events(
        "Following talks with Chancellor Friedrich Merz, Prime Minister Olzhas Bektenov paid a working visit "
        "to Hamburg on 14 May.",
        published="2026-05-18",
    )
    assert "working visit of Prime Minister Olzhas Bektenov to Hamburg" in ev


def test_the_visitor_with_a_title_in_apposition():
    ev = events(
        "Kaja Kallas, High Representative of the Union, paid an official visit to Tajikistan on 2 May.",
        published="2026-05-18",
    )
    assert any(n.startswith("official visit of") and "Kaja Kallas" in n for n in ev)


# --- a delegation named by its acronym; a trip to two places; a leg of a trip already named -------------


def test_a_delegation_named_by_the_acronym_closing_its_long_name_visits_two_countries():
    ev = events(
        "A delegation of Members of the European Parliament's Delegation for relations with the South "
        "Caucasus (DSCA) visited Armenia and Georgia from 12 to 15 May. On 14 May, the delegation travelled "
        "to Tbilisi, "
        "where it met the Speaker of Parliament.",
        published="2026-05-18",
    )
    assert ev["visit of the DSCA delegation to Armenia and Georgia"] == ("2026-05-12", "2026-05-15", None)
    assert not any("to Tbilisi" in n for n in ev)


def test_a_trip_to_two_cities_has_no_one_place():
    ev = events("Commissioner Marta Kos travelled to Baku and Ganja on 2–3 March.", published="2026-03-05")
    assert ev == {"visit of Marta Kos to Baku and Ganja": ("2026-03-02", "2026-03-03", None)}


def test_a_delegation_visiting_one_city_keeps_it():
    ev = events("On 4 May, a Latvian business delegation visited Almaty.", published="2026-05-18")
    assert ev == {"visit of a Latvian business delegation to Almaty": ("2026-05-04", None, "Almaty")}


def test_where_the_delegation_met_someone_is_its_meeting():
    ev = events(
        "On 29 October, the delegation travelled to Bishkek, where it met the Minister of Foreign Affairs "
        "of Kyrgyzstan, Jeenbek Kulubaev, and visited a school.",
        published="2026-10-30",
    )
    assert ev["meeting of the delegation with Jeenbek Kulubaev"][0] == "2026-10-29"


def test_where_the_kazakh_delegation_held_talks_with_a_minister():
    ev = events(
        "On 3 May, the Kazakh delegation arrived in Riga, where it held talks with Minister of Economy "
        "Viktors Valainis.",
        published="2026-05-08",
    )
    assert ev["meeting of the Kazakh delegation with Viktors Valainis"][0] == "2026-05-03"


def test_where_they_met_someone_without_a_delegation_subject_is_not_read_here():
    ev = events(
        "On 3 May, the ministers went to Riga, where they met Viktors Valainis.", published="2026-05-08"
    )
    assert not any(n.startswith("meeting of the") for n in ev)


# --- an agenda's "Kind ceremony: what" ------------------------------------------------------------------


def test_an_agenda_signing_ceremony_names_what_is_signed():
    ev = events(
        "FRIDAY, 10 JULY\n12:00 – Signing ceremony: EU grant for rural schools, Ministry of Education, "
        "Astana.\n"
    )
    assert ev["Signing ceremony of EU grant for rural schools"] == ("2026-07-10", None, "Astana")


def test_an_agenda_groundbreaking_ceremony_names_the_works():
    ev = events(
        "MONDAY, 6 JULY\n09:00 – Groundbreaking ceremony: new grain terminal of the Port of Kuryk, Aktau.\n"
    )
    assert ev["Groundbreaking ceremony of new grain terminal of the Port of Kuryk"][0] == "2026-07-06"


def test_a_ceremony_with_a_colon_in_running_text_and_a_day():
    ev = events(
        "On 3 March the programme reached its high point with an opening ceremony: Days of Latvian Culture."
    )
    assert any(n.startswith("opening ceremony of Days of Latvian Culture") for n in ev)


# --- a start point is no occasion ------------------------------------------------------------------------


def test_since_its_launch_is_no_launch():
    ev = events(
        "The Secretary-General briefed the ministers on the work of the Secretariat since its launch in 2024."
    )
    assert ev == {}


def test_since_their_launch_is_no_launch_either():
    ev = events("The two programmes have trained 400 customs officers since their launch in 2021.")
    assert ev == {}


def test_its_study_launched_in_a_year_is_no_occasion():
    ev = events(
        "The corridor envisages a cable under the Caspian Sea, and its feasibility study, launched in 2025, "
        "is due."
    )
    assert not any(n.startswith("launch of its") for n in ev)


def test_a_named_initiative_launched_in_a_year_is_still_a_launch():
    ev = events("The Team Europe Initiative on Water, launched in 2023, was reviewed.")
    assert any(n.startswith("launch of the Team Europe Initiative") for n in ev)


# --- where a sentence opens; a delegation headed by someone ---------------------------------------------


def test_a_city_in_the_fronted_phrase_places_the_meeting():
    ev = events(
        "On 5 June in Berlin, Foreign Minister Murat Nurtleu met with Federal Minister Johann Wadephul.",
        published="2026-06-10",
    )
    assert ev == {"meeting of Murat Nurtleu with Johann Wadephul": ("2026-06-05", None, "Berlin")}


def test_earlier_in_a_city_places_the_talks():
    ev = events(
        "Earlier in Astana, President Kassym-Jomart Tokayev held talks with President Emmanuel Macron on "
        "4 June.",
        published="2026-06-10",
    )
    assert ev["talks between Kassym-Jomart Tokayev and Emmanuel Macron"] == ("2026-06-04", None, "Astana")


def test_a_city_in_the_fronted_phrase_places_a_reception():
    ev = events(
        "On 5 June in Paris, Foreign Minister Murat Nurtleu was received by President Emmanuel Macron.",
        published="2026-06-10",
    )
    assert ev["reception of Murat Nurtleu by President Emmanuel Macron"][2] == "Paris"


def test_a_delegation_headed_by_someone_visited_a_city():
    ev = events(
        "The Kazakh delegation headed by Deputy Prime Minister Serik Zhumangarin visited Munich on 23 April.",
        published="2026-06-10",
    )
    assert ev == {"visit of the Kazakh delegation to Munich": ("2026-04-23", None, "Munich")}


# --- speeches at an occasion, starts given to works, foundation stones, ceremonies of an act -------------


def test_speeches_delivered_at_a_round_table_date_it():
    ev = events(
        "On 5 June, the ministers delivered speeches at the Kazakhstan–EU Investment Round Table.",
        published="2026-06-10",
    )
    assert ev == {"Kazakhstan–EU Investment Round Table": ("2026-06-05", None, None)}


def test_a_keynote_speech_at_a_forum_dates_it():
    ev = events(
        "On 6 June, the Commissioner gave a keynote speech at the Tashkent International Investment Forum.",
        published="2026-06-10",
    )
    assert ev["Tashkent International Investment Forum"][0] == "2026-06-06"


def test_the_start_given_to_construction_by_video_link():
    ev = events(
        "On 8 June, the President gave the start to the construction of the Bakhty–Ayagoz railway by video "
        "link.",
        published="2026-06-10",
    )
    assert ev == {"launch of the construction of the Bakhty–Ayagoz railway": ("2026-06-08", None, None)}


def test_a_foundation_stone_laid_for_a_plant():
    ev = events(
        "On 5 June, President Kassym-Jomart Tokayev and Chancellor Friedrich Merz laid the foundation "
        "stone of the new hydrogen plant near Aktau.",
        published="2026-06-10",
    )
    assert ev["laying of the foundation stone of the new hydrogen plant near Aktau"][0] == "2026-06-05"


def test_the_first_stone_laid_for_a_school_in_a_city():
    ev = events(
        "The two presidents laid the first stone for a new school in Osh on 3 June.", published="2026-06-10"
    )
    assert ev == {"laying of the foundation stone of the new school in Osh": ("2026-06-03", None, "Osh")}


def test_a_ceremony_of_commissioning_is_the_commissioning():
    ev = events(
        "On 7 June, the ministers took part in the ceremony of commissioning of the Zhanatas wind farm.",
        published="2026-06-10",
    )
    assert ev == {"commissioning of the Zhanatas wind farm": ("2026-06-07", None, None)}


def test_a_bare_ceremony_of_something_says_too_little():
    ev = events("The ceremony of the signing took place.", published="2026-06-10")
    assert ev == {}


def test_in_a_city_on_a_weekday_places_a_reception():
    ev = events(
        "In Tashkent on Wednesday, the High Representative Kaja Kallas was received by President Shavkat "
        "Mirziyoyev.",
        published="2026-06-10",
    )
    assert ev["reception of Kaja Kallas by President Shavkat Mirziyoyev"] == ("2026-06-10", None, "Tashkent")


def test_in_a_speech_is_no_place():
    ev = events(
        "In his speech, President Kassym-Jomart Tokayev held talks with President Emmanuel Macron on 4 June.",
        published="2026-06-10",
    )
    assert ev["talks between Kassym-Jomart Tokayev and Emmanuel Macron"][2] is None


def test_a_dateline_alone_above_a_report_dates_none_of_its_occasions():
    ev = events(
        "12 March 2026\n\nThe ministers discussed preparations for the Tashkent International Investment "
        "Forum in Tashkent.\n",
        published="2026-03-12",
    )
    assert ev["Tashkent International Investment Forum"][0] is None


# --- members of a delegation meeting a group, on the day of the paragraph -----------------------------


def test_members_also_met_a_group_on_the_paragraphs_day():
    ev = events(
        "On 27 October, the delegation was received by the Chairman of the Senate, Maulen Ashimbayev. "
        "Members also met representatives of civil society at the EU Delegation.",
        published="2026-10-30",
    )
    assert ev["meeting with representatives of civil society at the EU Delegation"][0] == "2026-10-27"


def test_meps_also_met_journalists_on_the_paragraphs_day():
    ev = events(
        "On 3 May, the delegation visited Osh. MEPs also met journalists of the Kloop media outlet.",
        published="2026-05-08",
    )
    assert ev["meeting with journalists of the Kloop media outlet"][0] == "2026-05-03"


def test_members_who_met_a_group_without_a_day_are_no_occasion():
    ev = events("Members met representatives of civil society.", published="2026-05-08")
    assert ev == {}
