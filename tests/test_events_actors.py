"""Referenced events (interpret.events) whose participants are re-mentioned by title or pronoun, and
occasions named by a generic noun with a topic, venue or title — our own sentences."""

from __future__ import annotations

from communique import extract


def events(text: str, published: str = "2025-06-20") -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.date, e.place) for e in extract(text, published=published).events}


# --- re-mentions by title and by pronoun -----------------------------------------------------------


def test_talks_held_by_a_person_re_mentioned_by_title_on_the_same_day():
    text = (
        "The President of Latvia Edgars Rinkēvičs received Kaja Kallas, High Representative of the Union "
        "for Foreign Affairs and Security Policy, who is in Riga on an official visit on 19–20 June.\n\n"
        "Earlier on the same day, the High Representative held talks with Minister of Foreign Affairs "
        "Baiba Braže."
    )
    ev = events(text)
    assert ev["talks between Kaja Kallas and Baiba Braže"][0] == "2025-06-20"


def test_a_title_re_mention_is_the_person_whose_role_opens_with_it():
    text = (
        "Deputy Minister of Foreign Affairs of Estonia Jonatan Vseviov visited Tallinn harbour.\n\n"
        "On 3 June, the Deputy Minister held talks with Ambassador of Japan Kenji Shinoda."
    )
    assert events(text)["talks between Jonatan Vseviov and Kenji Shinoda"][0] == "2025-06-03"
    text = (
        "Ambassador of Finland Leena Ritola arrived in Bishkek.\n\nOn Monday the Ambassador held talks with "
        "Foreign Minister Jeenbek Kulubaev."
    )
    assert "talks between Leena Ritola and Jeenbek Kulubaev" in events(text, published="2025-06-20")


def test_a_reception_of_a_person_re_mentioned_by_title():
    text = (
        "The EU Special Representative for the Horn of Africa, Annette Weber, travelled to Nairobi.\n\n"
        "In Nairobi on 4 June, the Special Representative was received by Musalia Mudavadi, Prime Cabinet "
        "Secretary of Kenya."
    )
    assert events(text)["reception of Annette Weber by Musalia Mudavadi"][0] == "2025-06-04"


def test_a_pronoun_opening_its_clause_is_the_subject_of_an_earlier_sentence():
    text = (
        "Commissioner Jozef Síkela arrived in Tashkent on 2 June. Commissioner Síkela also toured the old "
        "city.\n\nIn Samarkand on 4 June, he held talks with Foreign Minister Bakhtiyor Saidov."
    )
    assert events(text)["talks between Jozef Síkela and Bakhtiyor Saidov"][0] == "2025-06-04"
    text = (
        "Minister Baiba Braže opened the Latvian pavilion.\n\nOn 5 June, she also held talks with Foreign "
        "Minister Takeshi Iwaya."
    )
    assert events(text)["talks between Baiba Braže and Takeshi Iwaya"][0] == "2025-06-05"


def test_talks_of_others_on_their_own_day_are_apart_from_the_reported_sitting():
    text = (
        "Commissioner Marta Kos travelled to Bishkek and Osh from 8 to 11 June 2025.\n\nIn Osh on 9–10 June, "
        "she held talks with Foreign Minister Jeenbek Kulubaev. On 11 June, Ms Kos took part in the 12th "
        "meeting of the EU–Kyrgyzstan Cooperation Committee, chaired on the Kyrgyz side by Deputy Foreign "
        "Minister Nurlan Niyazaliev and on the EU side by the Head of the EU Delegation to Kyrgyzstan, "
        "Ambassador Marilyn Josefson."
    )
    ev = events(text, published="2025-06-12")
    assert ev["talks between Marta Kos and Jeenbek Kulubaev"][0] == "2025-06-09"
    # the co-chairs' own talks are the sitting retold
    text2 = text.replace(
        "she held talks with Foreign Minister Jeenbek Kulubaev",
        "Deputy Foreign Minister Nurlan Niyazaliev held talks with Ambassador Marilyn Josefson",
    )
    assert not any(n.startswith("talks between") for n in events(text2, "2025-06-12"))


# --- calls, two who met, audiences -----------------------------------------------------------------


def test_a_phone_call_with_a_long_slash_title_before_the_name():
    text = (
        "On 13 January 2026, Minister of Foreign Affairs of Georgia Maka Bochorishvili had a telephone "
        "conversation with the High Representative of the European Union for Foreign Affairs and Security "
        "Policy/Vice-President of the European Commission Kaja Kallas."
    )
    assert events(text, "2026-01-14") == {
        "telephone conversation between Maka Bochorishvili and Kaja Kallas": ("2026-01-13", None)
    }
    text = (
        "On 2 March, President Alar Karis held a video conference with the Secretary General of the North "
        "Atlantic Treaty Organization and Chair of the North Atlantic Council Mark Rutte."
    )
    assert events(text)["video conference between Alar Karis and Mark Rutte"][0] == "2025-03-02"


def test_two_people_who_met_are_a_meeting_between_them():
    ev = events("Erdogan and Mirziyoyev also met behind closed doors on Monday evening.", "2025-10-07")
    assert ev == {}  # surnames alone name no people
    text = (
        "President Recep Tayyip Erdogan and President Shavkat Mirziyoyev also met behind closed doors on "
        "Monday evening."
    )
    assert events(text, "2025-10-07") == {
        "meeting between Recep Tayyip Erdogan and Shavkat Mirziyoyev": ("2025-10-06", None)
    }
    text = "Prime Minister Evika Siliņa and Prime Minister Kristen Michal met in Valga on 3 May."
    assert events(text)["meeting between Evika Siliņa and Kristen Michal"] == ("2025-05-03", "Valga")
    # met someone else: no meeting of the two
    text = "Prime Minister Evika Siliņa and Prime Minister Kristen Michal met with students on 3 May."
    assert "meeting between Evika Siliņa and Kristen Michal" not in events(text)


def test_a_meeting_with_students_of_a_named_university():
    ev = events(
        "The programme of the visit also included a meeting with students of the Riga Technical University "
        "on Monday.",
        published="2025-06-20",
    )
    assert ev == {"meeting with students of the Riga Technical University": ("2025-06-16", "Riga")}
    ev = events("On Monday the Ambassador Aleška Simkić met students of KIMEP University.", "2026-04-23")
    assert ev["meeting of Aleška Simkić with students of KIMEP University"][0] == "2026-04-20"
    ev = events(
        "On 2 May, Commissioner Jozef Síkela met representatives of the Latvian Chamber of Commerce.",
    )
    name = "meeting of Jozef Síkela with representatives of the Latvian Chamber of Commerce"
    assert ev[name][0] == "2025-05-02"


def test_a_meeting_of_leaders_of_several_countries():
    text = (
        "The text was initialled in Washington on 8 August 2025 at the meeting of the leaders of "
        "Azerbaijan, Armenia and the United States."
    )
    assert events(text)["meeting of the leaders of Azerbaijan, Armenia"][0] == "2025-08-08"
    text = "A meeting of the presidents of Estonia, Latvia and Lithuania will take place in Vilnius in July."
    name = "meeting of the presidents of Estonia, Latvia and Lithuania"
    assert events(text)[name] == ("2025-07", "Vilnius")


# --- visits ----------------------------------------------------------------------------------------


def test_a_visit_of_a_guest_with_a_title_in_apposition():
    text = (
        "President Gitanas Nausėda received Marta Kos, European Commissioner for Enlargement, who is in "
        "Vilnius on an official visit on 16–17 February."
    )
    assert events(text, "2025-02-17")["official visit of Marta Kos to Vilnius"][0] == "2025-02-16"
    text = (
        "Prime Minister Evika Siliņa met Kaja Kallas, High Representative of the Union, who is in Riga on a "
        "working visit on 3 March."
    )
    assert events(text)["working visit of Kaja Kallas to Riga"][0] == "2025-03-03"


def test_a_person_who_travelled_to_two_places():
    text = (
        "The EU Special Representative, Terhi Hakala, travelled to Ashgabat and Dushanbe from 8 to 11 June "
        "2026."
    )
    ev = events(text, "2026-06-12")
    assert ev["visit of Terhi Hakala to Ashgabat and Dushanbe"][0] == "2026-06-08"
    ev = events("Minister Baiba Braže travelled to Japan on 2–5 June.")
    assert ev == {"visit of Baiba Braže to Japan": ("2025-06-02", "Japan")}
    ev = events("Foreign Minister Margus Tsahkna visited Tbilisi and Yerevan on 12–14 May.")
    assert ev["visit of Margus Tsahkna to Tbilisi and Yerevan"][0] == "2025-05-12"


# --- occasions named by a generic noun ---------------------------------------------------------------


def test_a_briefing_a_workshop_and_a_seminar_named_by_what_follows():
    ev = events("The Minister gave a briefing for journalists accredited in Brussels.")
    assert ev == {"briefing for journalists accredited in Brussels": (None, "Brussels")}
    ev = events(
        "A follow-up workshop with Georgian Railway on the Anaklia port will be held in Batumi on 5–6 March."
    )
    # (annotators keep "follow-up" in the name: tune9 "follow-up workshop on the Anaklia deep-sea port")
    assert ev["follow-up workshop with Georgian Railway on the Anaklia port"] == ("2026-03-05", "Batumi")
    ev = events("The embassy organised a seminar on customs procedures in Tallinn on 12 May.")
    assert ev["seminar on customs procedures in Tallinn"] == ("2025-05-12", "Tallinn")
    assert events("The briefing lasted an hour.") == {}


def test_a_round_table_named_by_its_venue_or_topic():
    ev = events("Mr Vassilenko also took part in a round table at the European Policy Centre on Wednesday.")
    assert ev == {"round table at the European Policy Centre": ("2025-06-18", None)}
    ev = events("Our previous round table, on energy interconnectors, took place in Yerevan last month.")
    assert ev == {"round table on energy interconnectors": ("2025-05", "Yerevan")}
    ev = events("The next roundtable, on green bonds, will be held in Almaty in October.")
    assert ev == {"roundtable on green bonds": ("2025-10", "Almaty")}


def test_a_trigger_before_another_noun_names_no_occasion():
    assert events("*Caspian Policy Lab · Round table report · Published 9 December 2025*") == {}
    assert events("The forum participants met in Baku on 3 May.") == {}


def test_a_conference_someone_held_on_a_subject():
    ev = events("Ms Hakala opened a conference on water diplomacy organised with the OSCE in Ashgabat.")
    assert ev == {"conference on water diplomacy": (None, "Ashgabat")}
    ev = events("The ministry hosted a conference on cyber security in Vilnius on 2 June.")
    assert ev == {"conference on cyber security in Vilnius": ("2025-06-02", "Vilnius")}
    assert events("The sides discussed a conference on water in 2026.") == {}


def test_a_capitalised_forum_name_with_and_and_its_quoted_title():
    text = (
        'The decision was taken at the International Transport and Logistics Forum "Middle Corridor: From '
        'Potential to Flow", which gathered operators in Aktau on 20–21 May.'
    )
    ev = events(text, "2025-05-21")
    name = 'International Transport and Logistics Forum "Middle Corridor: From Potential to Flow"'
    assert ev == {name: ("2025-05-20", "Aktau")}
    ev = events("The Trade and Investment Forum was held in Riga on 4 April.")
    assert ev == {"Trade and Investment Forum": ("2025-04-04", "Riga")}


# --- first runs, inaugurations, rounds ---------------------------------------------------------------


def test_the_arrival_or_departure_of_a_first_train_or_vessel():
    ev = events(
        "The first container train on the new China–Kazakhstan–Türkiye service arrived in Aktau from Xi'an "
        "on Wednesday.",
        published="2026-05-21",
    )
    name = "arrival of the first container train on the China–Kazakhstan–Türkiye service"
    assert ev == {name: ("2026-05-20", "Aktau")}
    ev = events("The maiden flight of the Riga–Tashkent route will arrive in Tashkent on 3 July.")
    assert ev["arrival of the maiden flight of the Riga–Tashkent route"] == ("2025-07-03", "Tashkent")
    ev = events(
        "On Tuesday the Ambassador Aleška Simkić watched the first container train of the season leave for "
        "Duisburg.",
        published="2026-04-23",
    )
    assert ev["departure of the first container train of the season for Duisburg"][0] == "2026-04-21"
    assert events("The train arrived in Aktau on Wednesday.") == {}


def test_an_inauguration_of_a_work_or_a_line():
    ev = events(
        "KTZ Express and ADY Container today inaugurated a regular weekly container line between the two "
        "ports.",
        published="2026-06-12",
    )
    assert ev == {"inauguration of the regular weekly container line": ("2026-06-12", None)}
    ev = events(
        "On 10 June, the Commissioner Marta Kos also inaugurated, together with the Minister of Energy, the "
        "EU-financed solar plant in the Khatlon region."
    )
    assert ev["inauguration of the EU-financed solar plant in the Khatlon region"][0] == "2025-06-10"
    ev = events("Prime Minister Evika Siliņa opened the new container terminal at Liepāja on 2 May.")
    assert ev["inauguration of the container terminal at Liepāja"][0] == "2025-05-02"
    assert events("The reform opened a new line of credit in 2024.") == {}


def test_a_named_work_inaugurated_in_a_year():
    ev = events("He said that the Alat port expansion, inaugurated in its first phase in 2018, will grow.")
    assert ev == {"inauguration of the Alat port expansion": ("2018", None)}
    ev = events("The Aktau container terminal, opened in 2021, handles feeder ships.")
    assert ev["opening of the Aktau container terminal"][0] == "2021"


def test_a_further_round_of_negotiations_beside_a_reported_sitting():
    text = (
        "The 12th meeting of the EU–Tajikistan Cooperation Committee took place in Dushanbe on 11 June 2026. "
        "Both sides welcomed the progress in the negotiations on an Enhanced Partnership and Cooperation "
        "Agreement and agreed to aim for a further round of negotiations in Brussels in September."
    )
    ev = events(text, published="2026-06-12")
    name = "further round of negotiations on an Enhanced Partnership and Cooperation Agreement"
    assert ev[name] == ("2026-09", "Brussels")
    ev = events(
        "The ministers discussed the talks on a visa agreement and plan to hold a new round of talks in Riga "
        "in October.",
    )
    assert ev["new round of talks on a visa agreement"] == ("2025-10", "Riga")


# --- sittings and meetings named by an owner or a group --------------------------------------------


def test_a_city_summit_of_an_organisation_named_by_whose():
    ev = events(
        "The ministers discussed the Shanghai Cooperation Organization, whose Tianjin summit last year both "
        "sides rated highly.",
        published="2026-09-18",
    )
    assert ev == {"Tianjin summit of the Shanghai Cooperation Organization": ("2025", None)}
    ev = events(
        "They praised the Organization of Turkic States, whose Gabala summit in October adopted a plan."
    )
    assert ev["Gabala summit of the Organization of Turkic States"][0] == "2024-10"


def test_a_named_committee_which_last_met_somewhere():
    ev = events(
        "He argued that the OTS Transport Coordination Committee, which last met in Istanbul in September, "
        "should lead.",
        published="2025-12-09",
    )
    assert ev == {"meeting of the OTS Transport Coordination Committee": ("2025-09", "Istanbul")}
    ev = events("The Nordic Council of Ministers, which met in Oslo on 3 May, approved the budget.")
    assert ev["meeting of the Nordic Council of Ministers"] == ("2025-05-03", "Oslo")


def test_a_meeting_named_by_the_group_that_met():
    ev = events(
        "On the sidelines of the forum, the heads of the railway companies of Kazakhstan, Azerbaijan and "
        "Georgia held a trilateral meeting in Aktau on 20 May."
    )
    name = "trilateral meeting of the heads of the railway companies of Kazakhstan, Azerbaijan and Georgia"
    assert ev[name] == ("2025-05-20", "Aktau")
    ev = events(
        "Deputy Minister Roman Vassilenko recalled that the foreign ministers of the two sides had last met "
        "on the sidelines of the EU–Central Asia Ministerial Meeting held in Luxembourg in October 2024."
    )
    name = (
        "meeting of the foreign ministers of the two sides on the sidelines of the EU–Central Asia "
        "Ministerial Meeting"
    )
    assert ev[name] == ("2024-10", "Luxembourg")
    assert ev["EU–Central Asia Ministerial Meeting"] == ("2024-10", "Luxembourg")
    ev = events(
        "Foreign ministers of the member states met informally on the eve of the summit.", "2025-10-07"
    )
    assert ev == {"informal meeting of the foreign ministers of the member states": ("2025-10-06", None)}


def test_a_group_meeting_that_is_the_reported_sitting_is_no_other_event():
    text = (
        "The 7th Consultative Meeting of the Heads of State of Central Asia was held in Astana on 9 August "
        "2024. The presidents of the five states met in the capital on 9 August and agreed to cut barriers."
    )
    assert not any(n.startswith("meeting of the presidents") for n in events(text, "2024-08-09"))


# --- sittings named as written, dates from the margins and the eve -----------------------------------


def test_a_sitting_of_a_body_without_parties_keeps_its_noun():
    ev = events(
        "The Kazakhstan–China Cooperation Committee met in Astana on Tuesday. The next session of the "
        "Cooperation Committee is planned in Xi'an in 2026."
    )
    assert ev["next session of the Kazakhstan–China Cooperation Committee"] == ("2026", "Xi'an")
    ev = events(
        "The 5th Latvia–Uzbekistan Intergovernmental Commission met in Riga on 3 June 2025.\n\n"
        "The last session of the Business Council took place in Tashkent in April."
    )
    assert ev["last session of the Latvia–Uzbekistan Business Council"] == ("2025-04", "Tashkent")


def test_what_was_done_on_the_margins_of_a_sitting_dates_it_before_a_later_clause():
    ev = events(
        "The Senate of Kazakhstan ratified the EU–Kazakhstan aviation agreement on 20 January 2026.\n\n"
        "The text was initialled in Luxembourg in October 2024 on the margins of the 21st meeting of the "
        "EU–Kazakhstan Cooperation Council, and the agreement was signed in Brussels on 18 November 2025.",
        published="2026-01-20",
    )
    assert ev["21st EU–Kazakhstan Cooperation Council"][0] == "2024-10"
    ev = events(
        "The memorandum was signed in Tashkent on 3 May on the sidelines of the Tashkent Investment Forum, "
        "and it entered into force on 1 June."
    )
    assert ev["Tashkent Investment Forum"][0] == "2025-05-03"


def test_an_occasion_on_whose_eve_another_was_held_is_the_next_day():
    ev = events(
        "On 16 June, the China–Central Asia Business Forum was held in Astana on the eve of the Astana "
        "International Forum.",
        published="2025-06-18",
    )
    assert ev["Astana International Forum"][0] == "2025-06-17"
    ev = events(
        "The Latvia–Japan Business Forum was held in Riga on 4 May on the eve of the Riga Investment "
        "Conference."
    )
    assert ev["Riga Investment Conference"][0] == "2025-05-05"


def test_an_occasion_within_the_framework_of_the_visit_takes_its_day():
    text = (
        "President Serdar Berdimuhamedov paid a state visit to Kazakhstan on 4 March 2026.\n\n"
        "Within the framework of the visit, a Kazakh–Turkmen business forum was held with over 120 companies."
    )
    assert events(text, "2026-03-05")["Kazakh–Turkmen business forum"][0] == "2026-03-05"
    text = "As part of the visit, the Latvia–Japan Business Forum took place with 80 companies."
    assert events(text, "2025-06-20")["Latvia–Japan Business Forum"][0] == "2025-06-20"


def test_a_kind_of_ceremony_named_by_where_it_was_held():
    ev = events(
        "Today the Ambassador Aleška Simkić joined a signing ceremony at the Almaty Akimat: the EU and UNDP "
        "signed a grant.",
        published="2026-04-23",
    )
    assert ev == {"signing ceremony at the Almaty Akimat": ("2026-04-23", "Almaty")}
    ev = events("The minister attended a groundbreaking ceremony at the Port of Riga on 3 May.")
    assert ev == {"groundbreaking ceremony at the Port of Riga": ("2025-05-03", "Riga")}
    assert events("A ceremony at the Port of Riga was held on 3 May.") == {}


# --- invitations, trips, dates opening the sentence ----------------------------------------------------


def test_a_visit_someone_was_invited_to_make():
    ev = events(
        "Commissioner Kaja Kallas accepted the invitation of Minister Jeyhun Bayramov to visit Azerbaijan, "
        "and the dates will be set later."
    )
    assert ev == {"visit of Kaja Kallas to Azerbaijan": (None, "Azerbaijan")}
    ev = events("President Alar Karis invited Prime Minister Kristen Michal to visit Riga in the autumn.")
    assert ev == {"visit of Kristen Michal to Riga": ("2025", "Riga")}
    # the day of the invitation is not the visit's
    ev = events("On 3 May, President Alar Karis invited Foreign Minister Bakhtiyor Saidov to visit Estonia.")
    assert ev == {"visit of Bakhtiyor Saidov to Estonia": (None, "Estonia")}
    assert events("President Alar Karis invited investors to visit Riga.") == {}


def test_a_working_trip_dated_by_the_sentence_opening():
    ev = events(
        "Earlier this month, Prime Minister Olzhas Bektenov inspected the port during a working trip to the "
        "Mangystau region and instructed the ministry to act.",
        published="2026-05-21",
    )
    assert ev == {"working trip to the Mangystau region": ("2026-05", None)}
    ev = events("Prime Minister Olzhas Bektenov made a working trip to the Turkistan region on 3 May.")
    assert ev == {"working trip to the Turkistan region": ("2025-05-03", None)}
    ev = events(
        "Yesterday, the Minister Baiba Braže spoke during an official trip to the Kurzeme region.",
        published="2025-06-20",
    )
    assert ev == {"official trip to the Kurzeme region": ("2025-06-19", None)}


def test_two_named_people_who_held_a_meeting_or_talks_between_them():
    ev = events(
        "Foreign Minister Baiba Braže and Foreign Minister Bakhtiyor Saidov held a bilateral meeting in "
        "Geneva on 5 May."
    )
    assert ev == {"meeting between Baiba Braže and Bakhtiyor Saidov": ("2025-05-05", "Geneva")}
    ev = events(
        "Talks between President Alar Karis and President Shavkat Mirziyoyev took place in Tashkent on 3 May."
    )
    assert ev == {"talks between Alar Karis and Shavkat Mirziyoyev": ("2025-05-03", "Tashkent")}
    ev = events("President Alar Karis met with his Kyrgyz counterpart Sadyr Japarov in Bishkek on 5 May.")
    assert ev == {"meeting of Alar Karis with Sadyr Japarov": ("2025-05-05", "Bishkek")}
    # talks named by their two sides or subject only are no occasion
    assert events("The Kazakhstan–EU talks on visa facilitation resumed in 2024.") == {}


def test_an_occasion_that_is_the_subject_after_a_date_opening_the_sentence():
    ev = events("On 7 May, the Latvia–Kazakhstan Business Forum took place in Riga with 150 companies.")
    assert ev == {"Latvia–Kazakhstan Business Forum": ("2025-05-07", "Riga")}
    ev = events("Yesterday, the Riga Food Expo opened its doors.")
    assert ev == {"Riga Food Expo": ("2025-06-19", "Riga")}
    ev = events("In March, the Baltic–Central Asia Forum was held in Vilnius.")
    assert ev == {"Baltic–Central Asia Forum": ("2025-03", "Vilnius")}


def test_a_delegation_visiting_a_city_or_country():
    ev = events("A Latvian business delegation visited Almaty on 4–6 June.")
    assert ev == {"visit of a Latvian business delegation to Almaty": ("2025-06-04", "Almaty")}
    ev = events("The delegation of the Riga City Council paid a visit to Tashkent in April.")
    name = "visit of the delegation of the Riga City Council to Tashkent"
    assert ev == {name: ("2025-04", "Tashkent")}
    ev = events("A trade delegation from Estonia arrived in Uzbekistan on 2 June.")
    assert ev == {"visit of a trade delegation from Estonia to Uzbekistan": ("2025-06-02", "Uzbekistan")}


def test_a_range_of_days_after_a_visit_is_its_date_not_its_name():
    ev = events("Foreign Minister Baiba Braže is paying an official visit to Uzbekistan from 3 to 5 June.")
    name = "official visit of Foreign Minister Baiba Braže to Uzbekistan"
    assert ev == {name: ("2025-06-03", "Uzbekistan")}
    ev = events("Minister Baiba Braže is on a working visit to Tokyo from 4 to 6 June.")
    assert ev["working visit of Minister Baiba Braže to Tokyo"][0] == "2025-06-04"


def test_last_years_occasion_takes_the_year_and_keeps_its_name():
    ev = events("The idea was first raised at last year's Astana International Forum.")
    assert ev == {"Astana International Forum": ("2024", "Astana")}
    ev = events("This year's Riga Conference will focus on security.")
    assert ev == {"Riga Conference": ("2025", "Riga")}
    ev = events("Next year's Tashkent International Investment Forum will be larger.")
    assert ev == {"Tashkent International Investment Forum": ("2026", "Tashkent")}


def test_a_gathering_named_after_its_city_keeps_the_capital():
    ev = events("The roadmap was adopted at the Tashkent meeting of the foreign ministers in May.")
    assert ev == {"Tashkent meeting of the foreign ministers": ("2025-05", "Tashkent")}
    ev = events("Meeting of senior officials took place in Riga on 3 May.")
    assert ev == {"meeting of senior officials": ("2025-05-03", "Riga")}


def test_talks_earlier_or_later_in_the_day():
    text = (
        "Astana, 5 May 2025 – President Kassym-Jomart Tokayev received the Foreign Minister of Hungary Péter "
        "Szijjártó.\n\nEarlier in the day, Péter Szijjártó held talks with Foreign Minister Murat Nurtleu."
    )
    assert events(text, "2025-05-05")["talks between Péter Szijjártó and Murat Nurtleu"][0] == "2025-05-05"
    text = text.replace("Earlier in the day", "Later that day")
    assert events(text, "2025-05-05")["talks between Péter Szijjártó and Murat Nurtleu"][0] == "2025-05-05"


def test_a_head_of_the_reported_sitting_meeting_someone_else_the_same_day():
    text = (
        "Deputy Foreign Minister Roman Vassilenko travelled to Brussels on 9–10 April 2025.\n\nOn 10 April, "
        "Mr Vassilenko took part in the 6th meeting of the Kazakhstan–Belgium Joint Commission, chaired on "
        "the Kazakh side by Vice Minister Alibek Kuantyrov and on the Belgian side by Ambassador Marc "
        "Michielsen. "
        "On the same day, he met with the Secretary General of the Benelux Union Frans Weekers."
    )
    assert "meeting of Roman Vassilenko with Frans Weekers" in events(text, "2025-04-11")


def test_a_meeting_or_talks_between_the_ministers_of_two_countries():
    ev = events(
        "A meeting between the foreign ministers of Azerbaijan and Georgia took place in Tbilisi on 3 May."
    )
    name = "meeting between the foreign ministers of Azerbaijan and Georgia"
    assert ev == {name: ("2025-05-03", "Tbilisi")}
    ev = events("Talks between the prime ministers of Latvia and Estonia were held in Valga on 2 May.")
    assert ev == {"talks between the prime ministers of Latvia and Estonia": ("2025-05-02", "Valga")}


def test_a_briefing_after_the_summit_is_on_the_summits_day():
    ev = events("Trade grew by 30%, the secretary general said in a briefing for reporters after the summit.")
    assert ev == {"briefing for reporters": ("2025-06-20", None)}
    ev = events("The minister gave a briefing for journalists shortly after the talks.", "2025-03-02")
    assert ev == {"briefing for journalists": ("2025-03-02", None)}


def test_a_readouts_own_reception_without_a_day_is_on_its_day():
    text = (
        "Head of State receives the High Representative\n\n17 February 2026\n\n"
        "In the Akorda, the President of Kazakhstan Kassym-Jomart Tokayev received Kaja Kallas, High "
        "Representative of the Union, who is in Astana on an official visit on 16–17 February."
    )
    ev = events(text, "2026-02-17")
    assert ev["reception of Kaja Kallas by President Kassym-Jomart Tokayev"][0] == "2026-02-17"
    assert ev["official visit of Kaja Kallas to Astana"][0] == "2026-02-16"


def test_consultations_named_by_the_ministries_that_held_them():
    ev = events(
        "The Minister recalled his working visit to Astana last week, where he co-chaired the consultations "
        "of the foreign ministries.",
        published="2026-01-14",
    )
    assert ev["consultations of the foreign ministries"][0].startswith("2026-01")
    ev = events(
        "Consultations between the ministries of foreign affairs of Latvia and Japan took place in Riga on "
        "3 May."
    )
    name = "consultations between the ministries of foreign affairs of Latvia and Japan"
    assert ev == {name: ("2025-05-03", "Riga")}
    # a document about consultations, or consultations named by their subject, is no occasion
    ev = events(
        "The ministers signed a Protocol on consultations between the ministries of foreign affairs for "
        "2026-2030."
    )
    assert ev == {}
    assert events("The EU–Kazakhstan consultations on visas resumed in 2024.") == {}
