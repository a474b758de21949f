"""Events of agendas, week-ahead notices and mission programmes (interpret.events): day headings that
also name the place, an agenda line opened by its city, items named by whom they were held with, bare
weekdays inside a visit's days, occasions only being prepared — our own sentences."""

from __future__ import annotations

from communique import extract


def events(text: str, published: str = "2026-03-02") -> dict[str, tuple]:
    return {e.name: (e.date, e.date_end, e.place) for e in extract(text, published=published).events}


def dated(text: str, published: str = "2026-03-02") -> dict[str, str | None]:
    return {e.name: e.date for e in extract(text, published=published).events}


# --- a day heading that names the place too ----------------------------------------------------------

WEEK_MD = """# Week ahead: EU and the South Caucasus

*Media advisory · Brussels, Friday 27 February 2026*

## Monday 2 March — Tbilisi (Tiflis), Georgia

- **EU–Georgia Investment Forum.** The Commissioner opens the forum with the Minister of Economy.

## Wednesday 4 March — Yerevan, Armenia

- **EU–Armenia Connectivity Conference** (closed session).
- Photo opportunity at 09:00 only.
"""


def test_a_markdown_day_heading_with_a_place_dates_and_places_its_items():
    ev = events(WEEK_MD, published="2026-02-27")
    assert ev["EU–Georgia Investment Forum"] == ("2026-03-02", None, "Tbilisi")
    assert ev["EU–Armenia Connectivity Conference"] == ("2026-03-04", None, "Yerevan")


def test_a_plain_day_heading_with_a_city_after_a_comma():
    text = (
        "AGENDA OF THE WEEK\n\nTuesday, 3 March, Baku\nBusiness Forum on green energy, Hilton hotel.\n\n"
        "Thursday, 5 March, Astana\nInvestment Roundtable on critical raw materials.\n"
    )
    ev = events(text, published="2026-02-27")
    assert ev["Business Forum on green energy"][:1] == ("2026-03-03",)
    assert ev["Business Forum on green energy"][2] == "Baku"
    assert ev["Investment Roundtable on critical raw materials"] == ("2026-03-05", None, "Astana")


def test_the_first_of_two_name_forms_in_a_heading_is_the_place():
    text = (
        "WEEK AHEAD\n\n### 9 March – Astana (Nur-Sultan)\nAstana Mining and Metallurgy Congress.\n\n"
        "### 11 March – Almaty (Alma-Ata)\nCentral Asia Economic Forum.\n"
    )
    ev = events(text, published="2026-03-06")
    assert ev["Astana Mining and Metallurgy Congress"] == ("2026-03-09", None, "Astana")
    assert ev["Central Asia Economic Forum"] == ("2026-03-11", None, "Almaty")


# --- an agenda line opened by its city and a dash ------------------------------------------------------

ADVISORY = """MEDIA ADVISORY — WEEK AHEAD

Monday, 9 March
Almaty (Alma-Ata) — Opening of the Kazakhstan–EU Business Council, chaired by the Minister of Trade.

Tuesday, 10 March
Shymkent – Launch of the Green Cities Forum with the akim of the city.

Wednesday, 11 March
Bishkek — Official visit of the Prime Minister of Belgium to Kyrgyzstan begins.
"""


def test_an_agenda_line_opened_by_a_city_places_its_occasion():
    ev = events(ADVISORY, published="2026-03-06")
    assert ev["Kazakhstan–EU Business Council"][2] == "Almaty"
    assert ev["Kazakhstan–EU Business Council"][0] == "2026-03-09"


def test_an_en_dash_after_the_city_works_the_same():
    ev = events(ADVISORY, published="2026-03-06")
    forum = next(v for k, v in ev.items() if "Green Cities Forum" in k)
    assert forum == ("2026-03-10", None, "Shymkent")


def test_a_line_opened_by_a_title_is_no_place():
    text = "Monday, 9 March\nDeputy Minister Ivanov — Opening of the Business Forum on logistics.\n"
    ev = events(text + "\nTuesday, 10 March\nNothing planned.\n", published="2026-03-06")
    assert ev.get("Business Forum on logistics", (None, None, None))[2] is None


# --- items of a programme's day lines, named by whom they were held with ---------------------------

PROGRAMME_MD = "\n".join(
    [
        "# Mission report: visit to Armenia and Georgia, 2–4 March 2026",
        "",
        "## 2. Programme",
        "",
        "- **Monday 2 March, Yerevan:** meeting with the President of the National Assembly, Alen Simonyan;"
        " talks with the Minister of Economy, Gevorg Papoyan.",
        "- **Tuesday 3 March:** round table with civil society organisations; press point.",
        "- **Wednesday 4 March, Tbilisi:** working lunch with the Mayor of Tbilisi, and visit to the border"
        " crossing.",
        "",
    ]
)


def test_a_day_line_names_a_meeting_by_whom_it_was_with():
    ev = events(PROGRAMME_MD, published="2026-03-20")
    assert ev["meeting with the President of the National Assembly, Alen Simonyan"] == (
        "2026-03-02",
        None,
        "Yerevan",
    )


def test_talks_after_a_semicolon_are_a_second_item_of_the_same_day():
    ev = events(PROGRAMME_MD, published="2026-03-20")
    assert ev["talks with the Minister of Economy, Gevorg Papoyan"] == ("2026-03-02", None, "Yerevan")


def test_a_round_table_item_takes_its_line_day_and_a_press_point_is_no_event():
    ev = events(PROGRAMME_MD, published="2026-03-20")
    assert ev["round table with civil society organisations"][0] == "2026-03-03"
    assert not any("press point" in k for k in ev)


def test_a_working_lunch_item_ends_before_the_next_item():
    ev = events(PROGRAMME_MD, published="2026-03-20")
    assert ev["working lunch with the Mayor of Tbilisi"] == ("2026-03-04", None, "Tbilisi")


MISSION_TXT = "\n".join(
    [
        "MISSION REPORT",
        "Delegation visit to Mongolia, Ulaanbaatar, 2–4 March 2026",
        "",
        "Brussels, 12 March 2026",
        "",
        "Programme",
        "",
        "Monday",
        "The Members were received by the Chairman of the State Great Khural (parliament), Mr Dashzegviin"
        " Amarbayasgalan.",
        "",
        "Tuesday",
        "Meeting with the Minister of Foreign Affairs, H.E. Battsetseg Batmunkh, and, in the afternoon, with"
        " the Governor of the Bank of Mongolia, Mr Byadran Lhagvasuren.",
        "In the evening the Chair gave a short interview to a local television channel.",
        "",
        "Wednesday",
        "Good call with the Prime Minister's chief of staff, Ms Oyun Tsend.",
        "",
    ]
)


def test_a_bare_weekday_heading_falls_inside_the_visits_days():
    ev = dated(MISSION_TXT, published="2026-03-12")
    assert ev["meeting with the Minister of Foreign Affairs, Battsetseg Batmunkh"] == "2026-03-03"


def test_and_in_the_afternoon_with_is_a_second_meeting_without_honorifics_or_asides():
    ev = dated(MISSION_TXT, published="2026-03-12")
    assert ev["meeting with the Governor of the Bank of Mongolia, Byadran Lhagvasuren"] == "2026-03-03"


def test_being_received_by_someone_is_a_meeting_with_them():
    ev = dated(MISSION_TXT, published="2026-03-12")
    name = "meeting with the Chairman of the State Great Khural, Dashzegviin Amarbayasgalan"
    assert ev[name] == "2026-03-02"


def test_a_call_opened_by_an_adjective_and_no_interview():
    ev = dated(MISSION_TXT, published="2026-03-12")
    assert ev["call with the Prime Minister's chief of staff, Oyun Tsend"] == "2026-03-04"
    assert not any("interview" in k for k in ev)


def test_an_item_outside_any_day_line_is_not_read_as_one():
    text = "The minister said that talks with the European Commission were going well.\n"
    assert not any(k.startswith("talks with") for k in events(text))


# --- an occasion being prepared is not held on the day of the item that prepares it -----------------


def test_preparations_for_a_sitting_do_not_date_it():
    text = (
        "AGENDA\n\nMonday, 9 March\nAstana — The Deputy Minister will receive the EU Special "
        "Representative. The sides will review preparations for the 23rd meeting of the EU–Kazakhstan "
        "Cooperation Committee.\n\nWednesday, 11 March\nAstana — 23rd meeting of the EU–Kazakhstan "
        "Cooperation Committee.\n"
    )
    ev = events(text, published="2026-03-06")
    sitting = next(v for k, v in ev.items() if "Cooperation Committee" in k)
    assert sitting[0] == "2026-03-11"


def test_a_call_to_prepare_the_next_summit_leaves_the_summit_undated():
    text = (
        "**Thursday** — Call with the Foreign Minister to prepare the next EU–Central Asia Summit.\n\n"
        "**Friday** — Visit to the Astana Hub.\n"
    )
    ev = dated(text, published="2026-03-07")
    assert ev.get("EU–Central Asia Summit", ev.get("next EU–Central Asia Summit")) is None


def test_preparing_for_a_forum_named_with_its_own_date_keeps_that_date():
    text = (
        "Monday, 9 March\nTashkent — The ministers discussed preparations for the Tashkent "
        "International Investment Forum on 10 June.\n\nTuesday, 10 March\nNo public events.\n"
    )
    ev = dated(text, published="2026-03-06")
    assert ev["Tashkent International Investment Forum"] == "2026-06-10"


# --- a list of coming occasions: dates without a year lie ahead, across New Year ---------------------

AHEAD_MD = """# Week ahead: EU and Central Asia, 7–11 December

*Agenda notice · Brussels, Friday 4 December 2026*

## Monday 7 December — Tashkent, Uzbekistan

- **EU–Uzbekistan Investment Forum.** The Commissioner opens the forum.

## Looking further ahead

| Date | Place | Event |
|---|---|---|
| 15–16 January | Almaty | Central Asia Economic Forum |
| 3 March | Baku | Caspian Connectivity Conference |
"""


def test_a_table_row_under_a_looking_ahead_heading_takes_the_next_year_and_its_place_cell():
    ev = events(AHEAD_MD, published="2026-12-04")
    assert ev["Central Asia Economic Forum"] == ("2027-01-15", "2027-01-16", "Almaty")


def test_a_later_row_of_the_same_table_moves_too():
    ev = events(AHEAD_MD, published="2026-12-04")
    assert ev["Caspian Connectivity Conference"] == ("2027-03-03", None, "Baku")


def test_an_upcoming_events_heading_moves_a_bullet_list_too():
    text = (
        "Newsletter of the EU Delegation, November 2026\n\nUPCOMING EVENTS\n\n"
        "- Central Asia Economic Forum, Almaty, 15–16 January.\n- Green Energy Week, Astana, on 9 February.\n"
    )
    ev = events(text, published="2026-11-27")
    assert ev["Central Asia Economic Forum"][:2] == ("2027-01-15", "2027-01-16")
    assert ev["Green Energy Week"][0] == "2027-02-09"


def test_without_a_heading_of_coming_occasions_the_past_reading_stays():
    text = "Review of the year\n\nThe Central Asia Economic Forum met in Almaty on 15–16 January.\n"
    ev = events(text, published="2026-12-04")
    assert ev["Central Asia Economic Forum"][:2] == ("2026-01-15", "2026-01-16")


def test_a_day_line_item_after_including_is_an_item():
    text = (
        "## Programme\n\n**Saturday, 7 November** – field visit to Samarkand, including a meeting with the "
        "regional khokim and a visit to a vocational training centre.\n\n"
        "**Sunday, 8 November** – departure.\n"
    )
    ev = events(text, published="2026-11-12")
    assert ev["meeting with the regional khokim"][0] == "2026-11-07"


# --- coming receptions and signings an agenda announces for its days --------------------------------

SIGN_AGENDA = "\n".join(
    [
        "MEDIA ADVISORY",
        "",
        "Monday, 9 March",
        "Astana — Deputy Minister of Foreign Affairs Roman Vassilenko will receive the Special Representative"
        " of the EU for Central Asia, Eduards Stiprais.",
        "",
        "Tuesday, 10 March",
        "Shymkent — The European Bank for Reconstruction and Development and the Akimat of Shymkent will sign"
        " a loan of KZT 25 billion for new buses.",
        "",
        "Wednesday, 11 March",
        "Bishkek — The Ministry of Finance and the Asian Development Bank are to sign a financing agreement"
        " for rural roads.",
        "",
        "Thursday, 12 March",
        "Tashkent — Minister of Investment Laziz Kudratov receives the Ambassador of Japan, Hiroshi Kato.",
        "",
    ]
)


def test_an_agenda_reception_in_the_future_with_an_apposed_title():
    ev = events(SIGN_AGENDA, published="2026-03-06")
    assert ev["reception of Eduards Stiprais by Roman Vassilenko"] == ("2026-03-09", None, "Astana")


def test_an_agenda_signing_of_a_loan_is_named_by_the_lender_and_the_borrower():
    ev = events(SIGN_AGENDA, published="2026-03-06")
    assert ev["signing of the EBRD loan to the Akimat of Shymkent"] == ("2026-03-10", None, "Shymkent")


def test_an_agenda_signing_of_an_agreement_is_named_by_both_parties():
    ev = events(SIGN_AGENDA, published="2026-03-06")
    name = next(k for k in ev if k.startswith("signing of the financing agreement between"))
    assert "Ministry of Finance" in name and ev[name][0] == "2026-03-11"


def test_a_signing_forecast_outside_a_dated_agenda_line_is_no_occasion():
    text = "The EBRD and the city of Shymkent will sign a loan of KZT 25 billion later this year, he said."
    assert not any(k.startswith("signing of") for k in events(text, published="2026-03-06"))


def test_an_agenda_reception_in_the_present_tense():
    ev = events(SIGN_AGENDA, published="2026-03-06")
    assert ev["reception of Hiroshi Kato by Laziz Kudratov"] == ("2026-03-12", None, "Tashkent")


# --- the visit a mission report's title names ------------------------------------------------------


def test_a_markdown_mission_report_title_names_its_visit_over_its_days():
    text = "# Mission report: visit to Uzbekistan, 2–4 December 2025\n\nThe delegation met the Senate.\n"
    assert events(text, published="2026-01-21")["visit to Uzbekistan"] == ("2025-12-02", "2025-12-04", None)


def test_a_plain_title_with_stops_between_the_country_and_the_days():
    text = (
        "REPORT OF THE DELEGATION\nMission to Kyrgyzstan, Bishkek and Osh, 14–16 October 2026\n\n"
        "The Members met the Speaker of the Jogorku Kenesh.\n"
    )
    ev = events(text, published="2026-10-30")
    assert ev["visit to Kyrgyzstan"] == ("2026-10-14", "2026-10-16", None)


def test_a_title_with_a_city_and_one_day():
    text = "Official visit to Baku, 5 May 2026\n\nThe Minister held talks with his counterpart.\n"
    assert events(text, published="2026-05-06")["visit to Baku"][:2] == ("2026-05-05", None)


def test_a_visit_in_the_body_is_not_a_title_visit():
    text = "Review\n\nThe Minister recalled a visit to Japan in the report.\n\nOn 5 May 2026 he left.\n"
    assert "visit to Japan" not in events(text, published="2026-05-06")


# --- what the sides agreed to do next lies ahead ----------------------------------------------------


def test_agreed_to_bring_an_occasion_in_a_month_before_the_post_is_next_year():
    text = "We also agreed to bring a joint business roundtable to Karaganda in March."
    ev = dated(text, published="2026-12-12")
    assert next(v for k, v in ev.items() if "roundtable" in k) == "2027-03"


def test_decided_to_move_a_forum_to_february_is_next_year():
    text = "The ministers decided to move the Central Asia Investment Forum to Tashkent in February."
    ev = dated(text, published="2026-11-20")
    assert next(v for k, v in ev.items() if "Investment Forum" in k) == "2027-02"


def test_agreed_to_convene_a_conference_on_a_day_is_the_coming_one():
    text = "The co-chairs agreed to set the Caspian Connectivity Conference in Baku on 20 January."
    assert dated(text, published="2026-12-01")["Caspian Connectivity Conference"] == "2027-01-20"


# --- kinds of fair, internal briefings, a table's month cell -----------------------------------------


def test_an_alumni_fair_under_a_weekday_lead_in_is_an_occasion():
    text = "**Wednesday** — 400 students came to our Erasmus+ alumni fair in Almaty.\n\n**Friday** — Rest."
    assert events(text, published="2026-12-12")["Erasmus+ alumni fair"] == ("2026-12-09", None, "Almaty")


def test_an_education_fair_and_a_trade_fair_are_occasions_but_a_fair_deal_is_not():
    ev = events("The Embassy took part in the Tashkent Education Fair on 3 May.", published="2026-05-10")
    assert ev["Tashkent Education Fair"] == ("2026-05-03", None, "Tashkent")
    ev = events("The ministry opened a Kazakh trade fair in Riga on 4 May.", published="2026-05-10")
    assert any("trade fair" in k for k in ev)
    assert events("It was a fair deal, signed in Almaty on 3 May.", published="2026-05-10") == {}


def test_a_briefing_at_the_delegations_own_mission_is_no_occasion():
    text = (
        "Programme\n\nMonday 2 March\nFollowing a briefing at the EU Delegation by the EU Ambassador, the "
        "Members visited the parliament.\n\nTuesday 3 March\nRound table with civil society in Dushanbe.\n"
    )
    assert not any("briefing" in k for k in events(text, published="2026-03-10"))


def test_a_briefing_by_the_ambassador_is_no_occasion_either():
    text = "On 2 March the Members received a briefing by the Ambassador on the situation in Bishkek."
    assert not any("briefing" in k for k in events(text, published="2026-03-10"))


def test_a_briefing_for_journalists_stays_an_occasion():
    text = "On 4 March the Minister gave a briefing for journalists accredited in Brussels."
    assert any("briefing" in k for k in events(text, published="2026-03-10"))


TABLE_AHEAD = """## Looking further ahead

| Date | Place | Event |
|---|---|---|
| February (date tbc) | Brussels | Central Asia Connectivity Conference |
| March, TBC | Tashkent | Tashkent International Investment Forum |
"""


def test_a_month_cell_to_be_confirmed_dates_its_row_in_the_coming_year():
    ev = events(TABLE_AHEAD, published="2026-12-04")
    assert ev["Central Asia Connectivity Conference"] == ("2027-02", None, "Brussels")


def test_a_month_cell_with_tbc_after_a_comma():
    ev = events(TABLE_AHEAD, published="2026-12-04")
    assert ev["Tashkent International Investment Forum"][:1] == ("2027-03",)


def test_a_month_cell_later_in_the_same_year_needs_no_heading():
    text = "| Month | Event |\n|---|---|\n| October | Astana International Forum |\n"
    assert events(text, published="2026-05-04")["Astana International Forum"][0] == "2026-10"


# --- an itinerary by weekdays walks forward through one week -----------------------------------------

ITINERARY = (
    "BRUSSELS, 4 December 2026 – The High Representative will travel to Central Asia next week.\n\n"
    "On Monday, she will hold talks with President Kassym-Jomart Tokayev in Astana. On Tuesday, she travels "
    "to Bishkek, where she opens the EU–Kyrgyz Civil Society Forum. On Wednesday, she will attend the "
    "EU–Central Asia Ministerial Meeting in Tashkent. On Thursday she visits the Samarkand Heritage Festival."
)


def test_a_weekday_in_the_present_between_coming_ones_is_in_the_coming_week():
    assert dated(ITINERARY, published="2026-12-04")["EU–Kyrgyz Civil Society Forum"] == "2026-12-08"


def test_the_next_weekday_after_a_coming_one_follows_it_too():
    assert dated(ITINERARY, published="2026-12-04")["Samarkand Heritage Festival"] == "2026-12-10"


def test_a_recap_of_the_past_week_stays_in_the_past_week():
    text = (
        "Posted 12 December 2026\n\nOn Monday I opened the Shymkent Water Forum. On Wednesday I spoke at "
        "the Almaty Education Fair. On Thursday I attended the Astana Mining Congress."
    )
    ev = dated(text, published="2026-12-12")
    assert ev["Shymkent Water Forum"] == "2026-12-07"
    assert ev["Almaty Education Fair"] == "2026-12-09"


def test_a_paragraph_opening_with_talks_in_a_dated_live_report_is_no_item():
    text = (
        "LIVE\n\n12 March 2026\n\nTalks with the EU delegation were constructive, the minister said.\n\n"
        "13 March 2026\n\nMeetings with investors continued in Almaty.\n"
    )
    ev = events(text, published="2026-03-13")
    assert not any(k.lower().startswith(("talks with", "meetings with")) for k in ev)


# --- a coming trip for talks --------------------------------------------------------------------------


def test_due_to_travel_on_to_a_city_on_a_weekday_for_talks_with_a_titled_person():
    text = (
        "ASTANA, 17 November 2026 – The EU is ready to help, Kaja Kallas said on Tuesday.\n\n"
        "Kallas, a former Estonian prime minister, is due to travel on to Bishkek on Wednesday for talks "
        "with Kyrgyz President Sadyr Japarov."
    )
    ev = events(text, published="2026-11-17")
    assert ev["talks between Kaja Kallas and Sadyr Japarov"] == ("2026-11-18", None, "Bishkek")


def test_will_fly_to_a_city_on_a_day_for_a_meeting_with_a_minister():
    text = (
        "Minister Murat Nurtleu will fly to Baku on 3 December for a meeting with Foreign Minister "
        "Jeyhun Bayramov."
    )
    ev = events(text, published="2026-11-27")
    assert ev["talks between Murat Nurtleu and Jeyhun Bayramov"] == ("2026-12-03", None, "Baku")


def test_is_expected_to_travel_to_a_city_for_consultations_with_an_apposed_title():
    text = (
        "Deputy Minister Roman Vassilenko is expected to travel to Riga next week for consultations with "
        "the State Secretary of the Ministry of Foreign Affairs of Latvia, Andris Pelšs."
    )
    ev = events(text, published="2026-11-27")
    assert ev["talks between Roman Vassilenko and Andris Pelšs"][2] == "Riga"


def test_travel_for_talks_about_a_topic_is_no_occasion_without_a_person():
    text = "The minister will travel to Brussels for talks with the European Commission on 3 December."
    assert not any(k.startswith("talks between") for k in events(text, published="2026-11-27"))


# --- a capitalised "Night" after a capitalised word names an occasion ---------------------------------


def test_an_agenda_film_night_takes_its_day_heading():
    text = (
        "FRIDAY, 10 JULY\nConcert of the Astana Opera, Astana.\n\n"
        "SATURDAY, 11 JULY\nEU Open Air Film Night, Astana.\n"
    )
    assert events(text, published="2026-07-03")["EU Open Air Film Night"] == ("2026-07-11", None, "Astana")


def test_a_jazz_night_and_a_museum_night_are_occasions():
    assert events("On 5 May the Embassy hosted a Jazz Night in Tashkent.", published="2026-05-20")[
        "Jazz Night"
    ] == ("2026-05-05", None, "Tashkent")
    ev = events("The European Museum Night took place in Astana on 16 May.", published="2026-05-20")
    assert ev["European Museum Night"] == ("2026-05-16", None, "Astana")


def test_the_night_train_is_no_occasion():
    assert events("On 5 May, the Night Train to Almaty was launched.", published="2026-05-20") == {}


# --- a day line's place after its dash, or at the end of its item ------------------------------------

BULLET_AGENDA = (
    "* Monday 2 March – Brussels: meeting with EU Special Representative Eduards Stiprais\n"
    "* Tuesday 3 March – Luxembourg: working lunch with EIB Vice-President Kyriacos Kakouris\n"
    "* 4 March (Wednesday): Talks with Foreign Minister Bakhtiyor Saidov in Tashkent.\n"
)


def test_a_place_between_the_days_dash_and_the_colon_places_the_item():
    ev = events(BULLET_AGENDA, published="2026-02-27")
    assert ev["meeting with EU Special Representative Eduards Stiprais"] == ("2026-03-02", None, "Brussels")


def test_the_same_for_a_working_lunch():
    ev = events(BULLET_AGENDA, published="2026-02-27")
    assert ev["working lunch with EIB Vice-President Kyriacos Kakouris"] == ("2026-03-03", None, "Luxembourg")


def test_a_city_at_the_end_of_an_item_is_its_place_not_its_name():
    ev = events(BULLET_AGENDA, published="2026-02-27")
    assert ev["talks with Foreign Minister Bakhtiyor Saidov"] == ("2026-03-04", None, "Tashkent")


def test_a_weekday_in_brackets_after_a_day_restates_it():
    text = "Agenda\n\n3 March (Tuesday): Talks in Tashkent.\n4 March (Wednesday): Visit to Samarkand.\n"
    assert events(text, published="2026-02-27")["Visit to Samarkand"][0] == "2026-03-04"


def test_a_weekday_after_a_comma_restates_it_too():
    text = "Agenda\n\n5 March, Thursday: Opening of the Bukhara Silk Road Festival.\n"
    assert dated(text, published="2026-02-27")["Opening of the Bukhara Silk Road Festival"] == "2026-03-05"



def test_a_weekday_alone_still_dates_an_item():
    text = "Agenda\n\nThursday: Opening of the Bukhara Silk Road Festival.\n"
    assert dated(text, published="2026-03-06")["Opening of the Bukhara Silk Road Festival"] == "2026-03-05"


def test_a_month_cell_with_a_letter_ignorecase_folds_is_read_as_that_month():
    # IGNORECASE matches the dotless "ı" to "i": the cell's month was looked up by `.lower()` and the
    # whole document failed (ValueError)
    text = TABLE_AHEAD.replace("February", "Aprıl")
    assert events(text, published="2026-03-02")["Central Asia Connectivity Conference"] == (
        "2026-04", None, "Brussels")
