"""Referenced events (interpret.events): rounds of talks, roundtables, dated openings — our own sentences."""

from __future__ import annotations

from communique import extract


def events(text: str, published: str = "2025-06-20") -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.date, e.place) for e in extract(text, published=published).events}


def test_a_round_of_negotiations_keeps_what_the_negotiations_are_on():
    ev = events(
        "The ministers agreed to hold in Riga in October of the current year the second round of "
        "negotiations on the draft Agreement on fisheries."
    )
    assert ev == {"second round of negotiations on the draft Agreement on fisheries": ("2025-10", "Riga")}


def test_a_round_of_talks_takes_the_subject_of_the_negotiations_launched_in_its_sentence():
    ev = events(
        "The sides agreed to launch negotiations on a Memorandum of Understanding on hydrogen, and to hold "
        "the first round of talks in Vilnius in September."
    )
    assert ev == {"first round of talks on a Memorandum of Understanding on hydrogen": ("2025-09", "Vilnius")}


def test_a_bare_round_reads_its_talks_from_an_earlier_sentence_of_the_paragraph():
    ev = events(
        "The third round of negotiations on the Air Services Agreement took place in Oslo on 2 June 2025. "
        "The parties plan to hold the fourth round in Bergen in November."
    )
    assert ev["fourth round of negotiations on the Air Services Agreement"] == ("2025-11", "Bergen")


def test_talks_on_doing_something_name_no_subject():
    ev = events("Talks on turning the deal into a customs union started and the second round is due in July.")
    assert ev == {"second round of talks": ("2025-07", None)}


def test_a_round_of_a_named_dialogue_without_a_reported_meeting():
    ev = events(
        "He added that the third round of the Norway–EU dialogue on visa facilitation will be held in Oslo "
        "in July."
    )
    assert ev == {"third round of the Norway–EU dialogue on visa facilitation": ("2025-07", "Oslo")}


def test_a_round_expected_in_a_month_lies_ahead():
    ev = events(
        "The Commission said the sides agreed to start talks on an update of the 2021 memorandum, with a "
        "first round expected in Brussels in April.",
        published="2025-02-26",
    )
    assert ev == {"first round of talks on an update of the 2021 memorandum": ("2025-04", "Brussels")}


def test_a_roundtable_opened_today_takes_the_fronted_date():
    ev = events(
        "Today, the Commissioner and the Minister of Economy of Peru, Ana Ruiz, opened the first EU–Peru "
        "Investment Roundtable in Lima.",
        published="2025-05-14",
    )
    assert ev == {"first EU–Peru Investment Roundtable": ("2025-05-14", "Lima")}


def test_a_bold_lead_in_is_a_title_not_an_occasion():
    ev = events(
        "**Business roundtable in Ghent.** On 4 March 2025 the Embassy, together with the Chamber of "
        "Commerce, organised the Peru–Belgium Business Roundtable in Ghent.",
        published="2025-03-10",
    )
    assert ev == {"Peru–Belgium Business Roundtable": ("2025-03-04", "Ghent")}


def test_the_same_day_of_a_text_reporting_a_sitting_second_hand_is_the_texts_day():
    ev = events(
        "The President held talks with President of Latvia Edgars Rinkēvičs in Tallinn.\n\n"
        "The leaders reviewed the results of the 15th meeting of the Estonia–Latvia Intergovernmental "
        "Commission, held in Riga on 12 June this year under the co-chairmanship of the Minister of "
        "Economy of Estonia Erkki Keldo.\n\n"
        "On the same day the two heads of state took part in the Estonia–Latvia Business Forum.",
        published="2025-10-23",
    )
    assert ev["Estonia–Latvia Business Forum"][0] == "2025-10-23"


def test_a_body_named_with_its_members_keeps_its_own_name():
    ev = events(
        "The 4th meeting of the Estonia–Latvia Intergovernmental Commission was held in Riga on 2 May "
        "2025.\n\nThe sides discussed the Consultative Meeting of the Heads of State of the Baltic States, "
        "which is to be held in Vilnius this year.",
        published="2025-05-02",
    )
    assert "Consultative Meeting of the Heads of State of the Baltic States" in ev


def test_a_state_visit_of_a_visitor_who_arrived_on_a_day_is_dated_by_its_own_clause():
    ev = events(
        "President of Latvia Edgars Rinkēvičs, who arrived in Vilnius on 16 September on a state visit, held "
        "talks with President Gitanas Nausėda on Wednesday.",
        published="2025-09-17",
    )
    assert ev["state visit of President Edgars Rinkēvičs to Vilnius"][0] == "2025-09-16"


def test_a_working_visit_framing_a_co_chaired_sitting_is_an_occasion():
    text = (
        "Riga, 14 February 2025\n\n"
        "Minister of Foreign Affairs of Latvia Baiba Braže held negotiations with Minister of Foreign "
        "Affairs of Lithuania Kęstutis Budrys, who is staying in our country with a working visit.\n\n"
        "The Ministers co-chaired the fourth meeting of the Council of Ministers of Foreign Affairs of "
        "Latvia "
        "and Lithuania."
    )
    ev = events(text, published="2025-02-14")
    assert ev["working visit of Kęstutis Budrys to Riga"] == ("2025-02-14", None)


def test_a_planned_visit_with_will_and_a_role_subject_of_a_country():
    ev = events(
        "President of Estonia Alar Karis held talks with President Edgars Rinkēvičs. Tomorrow the President "
        "of Estonia will visit Liepaja, where he will meet students.",
        published="2025-10-23",
    )
    assert ev == {"visit of Alar Karis to Liepaja": ("2025-10-24", None)}


def test_a_visit_is_not_dated_by_a_whose_clause_about_something_else():
    ev = events(
        "He stressed that the visit of the Estonian leader is a milestone for the two countries, whose "
        "relations were established in 1991."
    )
    assert ev == {}


def test_a_phone_conversation_between_two_presidents():
    ev = events(
        "President of Latvia Edgars Rinkēvičs and President of Estonia Alar Karis held a phone conversation "
        "on Tuesday, the press service reports.",
        published="2025-04-08",
    )
    assert ev == {"phone conversation between Edgars Rinkēvičs and Alar Karis": ("2025-04-08", None)}


def test_a_video_conference_with_a_commissioner_takes_the_fronted_date():
    ev = events(
        "On 12 March 2025, Minister for Foreign Affairs of Estonia Margus Tsahkna held a video conference "
        "with "
        "Jozef Síkela, European Commissioner for International Partnerships.",
        published="2025-03-12",
    )
    assert ev == {"video conference between Margus Tsahkna and Jozef Síkela": ("2025-03-12", None)}


def test_a_reception_during_the_visit():
    ev = events(
        "Commissioner Jozef Síkela opened the Business Forum in Tallinn on 27 November 2025. During his "
        "visit, "
        "Commissioner Síkela was received by President Alar Karis.",
        published="2025-11-27",
    )
    assert ev["reception of Jozef Síkela by President Alar Karis"] == ("2025-11-27", None)


def test_talks_of_two_people_named_as_subject_on_the_sidelines():
    text = (
        "The 11th meeting of the Baltic Energy Advisory Council was held in Riga on 26 February 2025. It was "
        "co-chaired by Energy Minister Kaspars Melnis and Dan Jørgensen, the European Commissioner for "
        "Energy.\n\nOn the sidelines, Jørgensen and Melnis held talks on the offshore grid."
    )
    ev = events(text, published="2025-02-26")
    assert ev["talks between Dan Jørgensen and Kaspars Melnis"][0] == "2025-02-26"


def test_a_meeting_with_a_delegation_of_business_leaders():
    ev = events(
        "Prime Minister of Latvia Evika Siliņa met on Thursday with a delegation of European business "
        "leaders "
        "taking part in the Latvia–EU Investment Roundtable.",
        published="2025-06-05",
    )
    assert ev["meeting of Evika Siliņa with a delegation of European business leaders"] == (
        "2025-06-05",
        None,
    )


def test_an_exhibition_with_its_title_in_quotes_after_it():
    ev = events(
        '- **5–28 February 2026** — exhibition "Amber crafts of Kurzeme" at the National Museum, Riga.'
    )
    assert ev == {'exhibition "Amber crafts of Kurzeme"': ("2026-02-05", "Riga")}


def test_an_exhibition_visited_at_the_reported_occasion_keeps_its_quoted_title():
    text = (
        "The 2nd meeting of the Latvia–Estonia Supreme Council was held in Riga on 17 September 2025.\n\n"
        'The two leaders visited the "Made in Estonia" exhibition of industrial products organised at the '
        "Expo Centre."
    )
    ev = events(text, published="2025-09-17")
    assert ev['"Made in Estonia" exhibition of industrial products'] == ("2025-09-17", None)


def test_an_exhibition_described_with_a_name_led_phrase_during_the_year():
    ev = events(
        "The ministers agreed to organise a Latvian cultural heritage exhibition in Brussels during the "
        "year to "
        "mark the 35th anniversary of diplomatic relations.",
        published="2025-03-12",
    )
    assert ev == {"Latvian cultural heritage exhibition": ("2025", "Brussels")}


def test_launches_by_video_link_at_the_reported_occasion():
    text = (
        "The 2nd meeting of the Latvia–Estonia Supreme Council was held in Riga on 17 September 2025.\n\n"
        "The two leaders, via video link, launched the construction of the Latvian-Estonian textile cluster. "
        "On the same day they launched a regular container train on the route Riga – Tartu – Pskov, and "
        "opened a business forum."
    )
    ev = events(text, published="2025-09-17")
    assert ev["launch of the construction of the Latvian-Estonian textile cluster"] == ("2025-09-17", None)
    assert ev["launch of the regular container train Riga – Tartu – Pskov"] == ("2025-09-17", None)


def test_days_of_culture_are_one_occasion():
    ev = events(
        "The heads of state welcomed the Days of Latvian Culture in Estonia, to be held in Tallinn later "
        "this "
        "month.",
        published="2025-04-08",
    )
    assert list(ev) == ["Days of Latvian Culture"] and ev["Days of Latvian Culture"][0] == "2025-04"


def test_the_plenary_session_of_a_named_forum_is_the_forum():
    ev = events(
        "On 23 October 2025 the two presidents took part in the plenary session of the Latvia–Estonia "
        "Business Forum."
    )
    assert list(ev) == ["Latvia–Estonia Business Forum"]


def test_a_dialogue_launched_on_a_date_is_its_launch_only():
    ev = events("They reviewed the progress of the Visa Liberalisation Dialogue launched in September 2024.")
    assert ev == {"launch of the Visa Liberalisation Dialogue": ("2024-09", None)}


def test_a_trilateral_meeting_named_by_its_host_at_which_something_was_done():
    ev = events(
        "The EU welcomed the initialling of the peace treaty in Washington on 8 August, at the trilateral "
        "meeting hosted by the President of the United States.",
        published="2025-11-18",
    )
    assert ev == {
        "trilateral meeting hosted by the President of the United States": ("2025-08-08", "Washington")
    }


def test_an_occasion_held_back_to_back_with_another_takes_its_date_and_place():
    ev = events(
        "Today, the Commissioner opened the first EU–Latvia Investment Roundtable in Riga.\n\n"
        "The sides agreed to hold an EU–Latvia Business Forum in Riga in spring 2026, back-to-back with the "
        "next meeting of the EU–Latvia Cooperation Committee.",
        published="2025-11-27",
    )
    assert ev["EU–Latvia Cooperation Committee"] == ev["EU–Latvia Business Forum"] == ("2026", "Riga")


def test_a_councils_plenary_session_chaired_by_the_president_is_the_councils_sitting():
    ev = events(
        "The Prime Minister met European business leaders on Thursday.\n\n"
        "The participants were invited to the Foreign Investors' Council plenary session chaired by "
        "President Edgars Rinkēvičs, scheduled for the autumn.",
        published="2025-06-05",
    )
    assert ev == {"Foreign Investors' Council": ("2025", None)}


def test_a_visit_to_a_named_site_at_the_reported_occasion():
    ev = events(
        "Today, the Commissioner opened the first EU–Latvia Investment Roundtable in Riga.\n\n"
        "He also visited the site of the future Liepaja solar park together with representatives of European "
        "companies.",
        published="2025-11-27",
    )
    assert ev["visit to the site of the future Liepaja solar park"][0] == "2025-11-27"


def test_a_reception_of_a_guest_named_by_role():
    ev = events(
        "On 5 May, Prime Minister of Latvia Evika Siliņa received the Ambassador of Japan to Latvia Takeshi "
        "Ito."
    )
    assert ev == {"reception of Takeshi Ito by Prime Minister Evika Siliņa": ("2025-05-05", None)}


def test_a_plans_period_does_not_date_the_occasion_it_is_endorsed_at():
    ev = events(
        "Today the first meeting of the Latvia–EU Business Council was held in Riga.\n\n"
        "The roadmap for 2025–2026 was finalised and is expected to be endorsed at the next Cooperation "
        "Council."
    )
    # the Business Council's sitting is an event of today; the next Council, undated and with no place, none
    # (not one dated 2025–2026)
    assert ev == {"1st meeting of the Latvia–EU Business Council": ("2025-06-20", "Riga")}


def test_the_next_round_of_consultations_without_a_reported_sitting():
    ev = events("The next round of consultations will be held in Riga in 2026.")
    assert ev == {"next round of consultations": ("2026", "Riga")}


def test_a_groundbreaking_ceremony_of_a_new_named_work():
    ev = events(
        "The ministers took part in the groundbreaking ceremony of the new Rail Baltica station in Riga on "
        "5 June 2025."
    )
    assert ev == {"groundbreaking ceremony of the new Rail Baltica station": ("2025-06-05", "Riga")}


def test_a_meeting_of_a_body_named_before_it():
    ev = events(
        "The ministers discussed preparations for the SCO Heads of State Council meeting in Tianjin on "
        "August 31 – September 1."
    )
    assert ev == {"SCO Heads of State Council meeting": ("2025-08-31", "Tianjin")}


def test_a_flight_launched_between_two_cities_is_named_by_them():
    ev = events("The two sides launched a new direct flight between Riga and Tokyo in May 2025.")
    assert ev == {"launch of the direct flight between Riga and Tokyo": ("2025-05", None)}


def test_a_trilateral_meeting_of_ministers_named_with_their_countries():
    ev = events(
        "The figures were released after the trilateral meeting of the ministers of economy and transport of "
        "Latvia, Estonia and Lithuania in Riga on 15 August."
    )
    assert ev == {
        "trilateral meeting of the ministers of economy and transport of Latvia, Estonia and Lithuania": (
            "2024-08-15",
            "Riga",
        )
    }


def test_a_meeting_held_with_representatives_of_an_association_during_the_visit():
    text = (
        "On 11 November 2025, the Minister of Foreign Affairs of Latvia Baiba Braže co-chaired the 20th "
        "meeting of the Latvia–EU Cooperation Council in Brussels.\n\n"
        "During the visit, a meeting was also held with representatives of the European Business Association."
    )
    ev = events(text, published="2025-11-12")
    assert ev["meeting with the European Business Association"][0] == "2025-11-11"


def test_phone_talks_and_video_link_talks_between_two_people():
    assert events(
        "On 5 May, President Edgars Rinkēvičs spoke by phone with President of Finland Alexander Stubb."
    ) == {"phone conversation between Edgars Rinkēvičs and Alexander Stubb": ("2025-05-05", None)}
    assert events(
        "President Edgars Rinkēvičs and President Alexander Stubb held telephone talks on 5 May."
    ) == {"telephone talks between Edgars Rinkēvičs and Alexander Stubb": ("2025-05-05", None)}
    assert events(
        "On 5 May, Foreign Minister Baiba Braže held talks via video link with her Japanese counterpart "
        "Takeshi Iwaya."
    ) == {"talks between Baiba Braže and Takeshi Iwaya": ("2025-05-05", None)}


def test_a_named_person_visiting_a_city():
    ev = events("Prime Minister of Latvia Evika Siliņa visited Tokyo on 3-4 June 2025.")
    assert ev == {"visit of Evika Siliņa to Tokyo": ("2025-06-03", "Tokyo")}


def test_the_same_occasion_phrase_does_not_date_an_occasion_still_ahead():
    ev = events(
        "During the visit, the parties discussed preparations for the upcoming Riga International Forum."
    )
    assert all(date is None for date, _place in ev.values())
    ev = events("During his visit, the Minister attended the Latvia–Japan Business Forum.")
    assert ev == {"Latvia–Japan Business Forum": ("2025-06-20", None)}


def test_a_talks_subject_leaves_the_place_out():
    ev = events(
        "The ministers agreed to hold the next round of talks on the investment agreement in Riga in "
        "September."
    )
    assert ev == {"next round of talks on the investment agreement": ("2025-09", "Riga")}


def test_an_undated_festival_whose_opening_was_attended_and_a_museum_visited_are_at_the_occasion():
    text = (
        "Riga, 12 May 2025 – Minister of Foreign Affairs of Latvia Baiba Braže received Parliamentary "
        "Vice-Minister for Foreign Affairs of Japan Hisashi Matsumoto.\n\n"
        "On the same day, the Japanese guest visited the Latvian National Museum of Art.\n\n"
        "The Vice-Minister also attended the opening ceremony of the Japanese Film Festival in Riga."
    )
    ev = events(text, published="2025-05-12")
    assert ev["visit to the Latvian National Museum of Art"][0] == "2025-05-12"
    assert ev["Japanese Film Festival"] == ("2025-05-12", "Riga")


def test_an_unnamed_forum_attended_gets_no_date_of_its_own():
    ev = events("Michal and Paluckas attended a business forum organised by the two chambers of commerce.")
    assert ev == {}


def test_two_named_subjects_held_talks_on_a_day_without_a_reported_sitting():
    ev = events(
        "On 2 June, Prime Minister Kristen Michal and Prime Minister Gintautas Paluckas held talks on "
        "defence "
        "in Vilnius.",
        published="2025-06-03",
    )
    assert ev == {"talks between Kristen Michal and Gintautas Paluckas": ("2025-06-02", "Vilnius")}


def test_a_chamber_at_its_plenary_session_on_a_weekday():
    ev = events(
        "Saeima ratifies treaty\n\nRiga, 15 April 2026. At its plenary session on Wednesday, the Saeima of "
        "the Republic of Latvia adopted the law on ratification of the treaty.",
        published="2026-04-15",
    )
    assert ev == {"plenary session of the Saeima": ("2026-04-15", None)}


def test_receiving_an_award_from_someone_is_no_reception():
    ev = events(
        "President Edgars Rinkēvičs received the Order of the Three Stars from President Alar Karis on 5 May."
    )
    assert ev == {}


def test_places_inside_a_quoted_title_and_after_to_in_talks_are_no_venue():
    ev = events(
        '- **5–28 February 2026** — exhibition "Crafts of Riga and Tartu" at the Royal Museum, Brussels.'
    )
    assert ev['exhibition "Crafts of Riga and Tartu"'] == ("2026-02-05", "Brussels")
    text = (
        "The 11th meeting of the Baltic Energy Advisory Council was held in Riga on 26 February 2025. It was "
        "co-chaired by Energy Minister Kaspars Melnis and Dan Jørgensen, the European Commissioner for "
        "Energy.\n\nOn the sidelines, Jørgensen and Melnis held talks on the cable that would carry power to "
        "Finland."
    )
    ev = events(text, published="2025-02-26")
    assert ev["talks between Dan Jørgensen and Kaspars Melnis"] == ("2025-02-26", "Riga")


def test_a_visit_begun_and_a_meeting_had():
    ev = events(
        "President of Latvia Edgars Rinkēvičs began a two-day state visit to Japan on Monday.", "2025-06-03"
    )
    assert ev == {"state visit of President Edgars Rinkēvičs to Japan": ("2025-06-02", "Japan")}
    ev = events("On 4 May, Minister Baiba Braže had a meeting with Foreign Minister of Japan Takeshi Iwaya.")
    assert ev == {"meeting of Baiba Braže with Takeshi Iwaya": ("2025-05-04", None)}


def test_ceremonies_launching_a_work_or_of_a_signing_are_occasions():
    ev = events(
        "On 12 March 2025 the presidents attended a ceremony launching construction of the Tallinn–Riga "
        "railway in Vilnius."
    )
    assert ev == {"ceremony launching construction of the Tallinn–Riga railway": ("2025-03-12", "Vilnius")}
    # "the railway": the one the text named before
    ev = events(
        "The Tallinn–Riga railway project was reviewed. The minister recalled that the ceremony launching "
        "the construction of the railway was held in Vilnius on 12 March."
    )
    assert ev == {
        "ceremony launching the construction of the Tallinn–Riga railway": ("2025-03-12", "Vilnius")
    }
    ev = events(
        "On 4 June the ministers attended the signing ceremony of the €90 million loan for school buildings."
    )
    assert ev == {"signing ceremony of the €90 million loan for school buildings": ("2025-06-04", None)}


def test_a_ceremony_of_an_occasion_already_named_is_that_occasion():
    ev = events(
        "On 4 June 2025 the ambassador attended the opening ceremony of the Estonia–Latvia Business Forum "
        "in Riga."
    )
    assert list(ev) == ["Estonia–Latvia Business Forum"]
    assert events("On 4 June the ministers attended a ceremony of remembrance in Riga.") == {}


def test_the_next_sitting_with_its_number_in_apposition():
    lead = (
        "Riga, 24 September 2025. The sixth meeting of the Latvia–Ghana Joint Commission was held in Riga. "
    )
    for next_one in ("The next, eighth, meeting", "The next (eighth) meeting"):
        ev = events(
            f"{lead}{next_one} of the Joint Commission will be held in Accra in 2026.", published="2025-09-24"
        )
        assert ev["8th meeting of the Latvia–Ghana Joint Commission"] == ("2026", "Accra")


def test_a_visit_scheduled_for_a_month_is_dated_and_the_month_is_not_in_its_name():
    ev = events(
        "Riga, 24 September 2025. The ministers discussed the state visit of President Kwame Mensah to "
        "Latvia scheduled for November.",
        published="2025-09-24",
    )
    assert ev == {"state visit of President Kwame Mensah to Latvia": ("2025-11", "Latvia")}
