"""Occasions between people and groups around a reported sitting (interpret.events): meetings dated after
an apposition, planned and passive receptions of people and delegations, delegations meeting groups,
bilateral talks of two members of a multilateral sitting — our own sentences."""

from __future__ import annotations

from communique import extract


def events(text: str, published: str = "2025-06-20") -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.date, e.place) for e in extract(text, published=published).events}


SITTING = (
    "The European Union and Mongolia held the ninth meeting of their Joint Committee in Brussels today. The "
    "meeting was chaired by Kaja Kallas, High Representative of the Union for Foreign Affairs and Security "
    "Policy. The Mongolian delegation was led by Battsetseg Batmunkh, Minister of Foreign Affairs of "
    "Mongolia."
    "\n\n"
)


# --- "A met the <title>, B, on Sunday": the day after the apposition's closing comma ---------------------


def test_a_meeting_dated_after_the_apposition_of_whom_was_met():
    text = SITTING + (
        "Ahead of the Joint Committee, Minister Batmunkh met the European Commissioner for Trade, Maros "
        "Sefcovic, on Thursday to discuss raw materials."
    )
    assert events(text)["meeting of Battsetseg Batmunkh with Maros Sefcovic"][0] == "2025-06-19"
    text = SITTING + (
        "On the eve of the meeting, Minister Batmunkh held talks with the President of the European Council, "
        "Antonio Costa, on 19 June in his office."
    )
    assert events(text)["talks between Battsetseg Batmunkh and Antonio Costa"][0] == "2025-06-19"
    text = SITTING + (
        "Minister Batmunkh also met with the Commissioner for International Partnerships, Jozef Síkela, on "
        "Wednesday."
    )
    assert events(text)["meeting of Battsetseg Batmunkh with Jozef Síkela"][0] == "2025-06-18"


# --- planned receptions and meetings of a visitor --------------------------------------------------------


def test_a_planned_reception_and_a_planned_meeting_of_a_visitor():
    text = (
        "Foreign Minister Bakhtiyor Saidov is paying an official visit to Georgia on 9–11 June. During the "
        "visit, Minister Saidov will also be received by President Mikheil Kavelashvili and will meet Prime "
        "Minister Irakli Kobakhidze."
    )
    ev = events(text, published="2025-06-09")
    assert ev["reception of Bakhtiyor Saidov by President Mikheil Kavelashvili"][0] == "2025-06-09"
    assert ev["meeting of Bakhtiyor Saidov with Irakli Kobakhidze"][0] == "2025-06-09"
    text = (
        "On 12 June, Minister of Foreign Affairs Baiba Braže is to be received by Prime Minister Bart De "
        "Wever and will also "
        "meet Foreign Minister Maxime Prévot."
    )
    ev = events(text, published="2025-06-10")
    assert ev["reception of Baiba Braže by Prime Minister Bart De Wever"][0] == "2025-06-12"
    assert ev["meeting of Baiba Braže with Maxime Prévot"][0] == "2025-06-12"
    text = (
        "On 3 June, Deputy Minister Jonatan Vseviov was received by Foreign Minister Takeshi Iwaya and met "
        "State Minister Yoshifumi Tsuge."
    )
    ev = events(text)
    assert ev["reception of Jonatan Vseviov by Foreign Minister Takeshi Iwaya"][0] == "2025-06-03"
    assert ev["meeting of Jonatan Vseviov with Yoshifumi Tsuge"][0] == "2025-06-03"


# --- a delegation received by someone --------------------------------------------------------------------


def test_a_delegation_received_by_a_person_with_two_titles():
    text = (
        "On 14 May 2026, Ashgabat hosted the security dialogue of the two sides.\n\nOn the same day, the EU "
        "delegation was received by the Deputy Chairman of the Cabinet of Ministers, Minister of Foreign "
        "Affairs of Turkmenistan Rashid Meredov."
    )
    assert events(text, "2026-05-15")["reception of the EU delegation by Rashid Meredov"][0] == "2026-05-14"
    text = "On 2 June, the Japanese delegation was received by Prime Minister Olzhas Bektenov in the Akorda."
    assert events(text)["reception of the Japanese delegation by Olzhas Bektenov"][0] == "2025-06-02"
    text = "The Latvian parliamentary delegation will be received by President Sadyr Japarov on 24 June."
    assert (
        events(text)["reception of the Latvian parliamentary delegation by Sadyr Japarov"][0] == "2025-06-24"
    )


# --- a delegation (or a person) meeting a group ----------------------------------------------------------


def test_a_delegation_meeting_a_group_on_a_day_or_on_the_margins():
    text = SITTING + (
        "On the margins of the session, the Mongolian delegation met Members of the European Parliament from "
        "the Committee on Foreign Affairs on Thursday."
    )
    name = (
        "meeting of the Mongolian delegation with Members of the European Parliament from the Committee on "
        "Foreign Affairs"
    )
    assert events(text)[name][0] == "2025-06-19"
    text = (
        "On Wednesday, the European delegation visited a school in Nukus and held a meeting with "
        "representatives of civil society organisations."
    )
    assert (
        events(text)[
            "meeting of the European delegation with representatives of civil society organisations"
        ][0]
        == "2025-06-18"
    )
    text = "On 5 June, Ambassador Marilyn Josefson met with students of the law faculty to present a study."
    assert events(text)["meeting of Marilyn Josefson with students of the law faculty"][0] == "2025-06-05"


def test_no_group_meeting_without_a_day_or_an_occasion():
    text = "The Mongolian delegation regularly met representatives of business associations in past years."
    assert not any(n.startswith("meeting of") for n in events(text))


# --- two members of a multilateral sitting on a day of their own -----------------------------------------


def test_bilateral_talks_of_two_members_of_a_multilateral_sitting_on_another_day():
    text = (
        "ASTANA, June 20 -- Foreign Minister Wang Yi attended the seventh China-Central Asia Foreign "
        "Ministers' "
        "Meeting in Astana on Friday, together with Kazakh Foreign Minister Murat Nurtleu, who chaired the "
        "meeting, Kyrgyz Foreign Minister Jeenbek Kulubaev and Uzbek Foreign Minister Bakhtiyor Saidov.\n\n"
        "On Thursday, Wang held talks with Nurtleu in Astana."
    )
    assert events(text)["talks between Wang Yi and Murat Nurtleu"][0] == "2025-06-19"


def test_two_named_people_holding_a_meeting_on_the_sidelines():
    text = (
        "10:00 — Good morning from Bishkek, where the ministers meet today.\n\n13:10 — Uzbek Foreign "
        "Minister Bakhtiyor Saidov and High Representative Kaja Kallas held a bilateral meeting on the "
        "sidelines over lunch."
    )
    assert events(text, "2025-06-20")["meeting between Bakhtiyor Saidov and Kaja Kallas"][0] == "2025-06-20"
    text = (
        "Foreign Minister Baiba Braže and Foreign Minister Takeshi Iwaya had a brief meeting on the margins."
    )
    assert events(text)["meeting between Baiba Braže and Takeshi Iwaya"][0] == "2025-06-20"
    text = (
        "Minister Rashid Meredov and Minister Sirojiddin Muhriddin held a separate meeting on the sidelines."
    )
    assert "meeting between Rashid Meredov and Sirojiddin Muhriddin" in events(text)


# --- a delegation visiting a site somewhere --------------------------------------------------------------


def test_a_delegation_visiting_a_site_in_a_district_then_meeting_a_group():
    text = (
        "On Wednesday, the European delegation visited a rehabilitation centre in the Zangiata district of "
        "Tashkent region and held a meeting with representatives of civil society organisations."
    )
    ev = events(text)
    assert ev["visit of the European delegation to a rehabilitation centre in the Zangiata district"][0] == (
        "2025-06-18"
    )
    assert ev["meeting of the European delegation with representatives of civil society organisations"][
        0
    ] == ("2025-06-18")
    text = "On 4 June, the Japanese delegation visited the logistics centre at Khorgos Gateway."
    assert events(text)["visit of the Japanese delegation to the logistics centre at Khorgos Gateway"][0] == (
        "2025-06-04"
    )
    text = "On 5 June, a Latvian business delegation toured a solar park near Turkestan."
    assert "visit of a Latvian business delegation to a solar park near Turkestan" in events(text)


# --- a sentence that goes on with the same trip ("also") takes the paragraph's day ------------------------


def test_also_met_and_also_opened_take_the_day_of_the_trip_the_paragraph_dates():
    text = (
        "The EU Special Representative Terhi Hakala travelled to Central Asia.\n\n"
        "In Ashgabat on 8–9 June, the Special Representative was received by Rashid Meredov, Minister of "
        "Foreign Affairs of Turkmenistan. The two discussed energy. Ms Hakala also met the Chairperson of "
        "the Mejlis, Dunyagozel Gulmanova, and opened a conference on water diplomacy organised with the "
        "OSCE Centre in Ashgabat."
    )
    ev = events(text)
    assert ev["meeting of Terhi Hakala with Dunyagozel Gulmanova"][0] == "2025-06-08"
    assert ev["conference on water diplomacy"] == ("2025-06-08", "Ashgabat")
    text = (
        "Minister Battsetseg Batmunkh travelled to Belgium.\n\nOn 17 June, Minister Batmunkh visited Ghent. "
        "He discussed port projects. Minister Batmunkh later held talks with Prime Minister "
        "Bart De Wever."
    )
    assert events(text)["talks between Battsetseg Batmunkh and Bart De Wever"][0] == "2025-06-17"
    text = (
        "Minister Battsetseg Batmunkh travelled to Belgium.\n\nMinister Batmunkh also met the Mayor of "
        "Brussels, Philippe Close."
    )
    assert "meeting of Battsetseg Batmunkh with Philippe Close" not in events(text)  # no day in its paragraph


# --- two of many heads of a summit meeting on a day of their own ------------------------------------------


def test_two_heads_of_a_multilateral_summit_who_also_met():
    text = (
        "GABALA, Oct 7. The 12th Summit of the Organization of Turkic States brought together Turkish "
        "President Tayyip Erdogan, Kazakh President Kassym-Jomart Tokayev, Uzbek President Shavkat "
        "Mirziyoyev and Kyrgyz President Sadyr Japarov.\n\nErdogan and Mirziyoyev also met behind closed "
        "doors on Monday evening."
    )
    assert (
        events(text, "2025-10-07")["meeting between Tayyip Erdogan and Shavkat Mirziyoyev"][0] == "2025-10-06"
    )
    text = text.replace(
        "also met behind closed doors on Monday evening", "held a bilateral meeting on Monday"
    )
    assert (
        events(text, "2025-10-07")["meeting between Tayyip Erdogan and Shavkat Mirziyoyev"][0] == "2025-10-06"
    )
    text = text.replace(
        "Erdogan and Mirziyoyev held a bilateral meeting on Monday", "Tokayev and Japarov met on 6 October"
    )
    assert (
        events(text, "2025-10-07")["meeting between Kassym-Jomart Tokayev and Sadyr Japarov"][0]
        == "2025-10-06"
    )


# --- fronted days for visits named by their kind; working meetings; addresses; delegations of the X --------


def test_a_fronted_day_dates_a_state_or_official_visit():
    text = "On 5 June, President Kassym-Jomart Tokayev will pay a state visit to Germany."
    assert (
        events(text, "2025-05-20")["state visit of President Kassym-Jomart Tokayev to Germany"][0]
        == "2025-06-05"
    )
    text = "On 12 May, Prime Minister Olzhas Bektenov paid an official visit to Latvia."
    assert events(text)["official visit of Prime Minister Olzhas Bektenov to Latvia"][0] == "2025-05-12"
    text = "On 3 March, Foreign Minister Bakhtiyor Saidov made a working visit to Estonia."
    assert events(text)["working visit of Foreign Minister Bakhtiyor Saidov to Estonia"][0] == "2025-03-03"


def test_a_working_or_private_meeting_with_someone():
    text = (
        "On 10 June, Minister Nurlan Sauranbayev held a working meeting with the Ambassador of China "
        "Han Chunlin."
    )
    assert events(text)["meeting of Nurlan Sauranbayev with Han Chunlin"][0] == "2025-06-10"
    text = (
        "On 11 June, Foreign Minister Murat Nurtleu had a private meeting with Foreign Minister Maxime "
        "Prévot."
    )
    assert events(text)["meeting of Murat Nurtleu with Maxime Prévot"][0] == "2025-06-11"
    text = "On 12 June, President Sadyr Japarov held separate talks with Prime Minister Bart De Wever."
    assert events(text)["talks between Sadyr Japarov and Bart De Wever"][0] == "2025-06-12"


def test_an_address_to_a_plenary_or_opening_session_dates_the_forum():
    text = (
        "On 4 June, Foreign Minister Bakhtiyor Saidov addressed the plenary session of the Tashkent "
        "Investment Forum."
    )
    assert events(text)["Tashkent Investment Forum"][0] == "2025-06-04"
    text = "On 5 June, Minister Baiba Braže addressed the opening session of the Riga Conference."
    assert events(text)["Riga Conference"][0] == "2025-06-05"
    text = (
        "On 6 June, Minister Murat Nurtleu spoke at the closing ceremony of the Astana International Forum."
    )
    assert events(text)["Astana International Forum"][0] == "2025-06-06"


def test_a_meeting_with_a_delegation_of_a_named_institution():
    text = (
        "On 3 June, Prime Minister Olzhas Bektenov met with a delegation of the European Parliament led "
        "by MEP Hilde Vautmans."
    )
    assert (
        events(text)["meeting of Olzhas Bektenov with a delegation of the European Parliament"][0]
        == "2025-06-03"
    )
    text = "On 4 June, President Sadyr Japarov met with the delegation of the Asian Development Bank."
    assert (
        events(text)["meeting of Sadyr Japarov with the delegation of the Asian Development Bank"][0]
        == "2025-06-04"
    )
    # led by a named person: still the delegation's meeting, not one with its leader alone
    text = ("On 5 June, Foreign Minister Murat Nurtleu met with a delegation of the European Commission "
            "led by Commissioner Jozef Sikela.")
    assert "meeting of Murat Nurtleu with a delegation of the European Commission" in events(text)
    assert "meeting of Murat Nurtleu with Jozef Sikela" not in events(text)
    text = "On Thursday, President Shavkat Mirziyoyev met with a delegation of European business leaders."
    assert "meeting of Shavkat Mirziyoyev with a delegation of European business leaders" in events(text)
