"""Referenced events (interpret.events): other occasions a text names, with date and place."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from communique import extract


def events(text: str, published: str = "2025-06-20") -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.date, e.place) for e in extract(text, published=published).events}


def test_visit_is_named_after_the_visitor_without_its_date_phrase():
    ev = events(
        "At the invitation of the President of Latvia, the President of Estonia Alar Karis paid a state "
        "visit to the Republic of Latvia on 11-12 June 2025."
    )
    assert list(ev.values()) == [("2025-06-11", "Latvia")]
    name = next(iter(ev))
    assert name.startswith("state visit of ") and name.endswith("Alar Karis to the Republic of Latvia")


def test_an_occasion_on_whose_sidelines_something_was_done_takes_its_date_and_place():
    ev = events(
        "The presidents signed an energy agreement in Baku in November last year, on the sidelines of the "
        "COP29 climate conference."
    )
    assert ev == {"COP29 climate conference": ("2024-11", "Baku")}


def test_meet_for_the_nth_time_is_a_future_meeting():
    ev = events("The ministers plan to meet for the fourth time in Astana next year.")
    assert ev == {"fourth meeting of the ministers": ("2026", "Astana")}


def test_a_round_of_talks():
    ev = events(
        "Talks on a free trade agreement were launched last year and the third round is due in September."
    )
    assert ev == {"third round of talks on a free trade agreement": ("2025-09", None)}
    assert events("The second round of negotiations will be held in Geneva in May.") == {
        "second round of negotiations": ("2026-05", "Geneva")
    }
    # a round held at the reported meeting, next to a year that names a treaty: no other occasion
    assert events("The delegations held the first round of negotiations to replace the 1992 treaty.") == {}


def test_a_meeting_of_a_named_body_with_a_place_the_gazetteer_lacks():
    ev = events(
        "The sides discussed preparations for the meeting of the Council of Foreign Ministers of the "
        "Organization of Turkic States to be held in Gabala in October 2025."
    )
    assert ev == {
        "meeting of the Council of Foreign Ministers of the Organization of Turkic States": (
            "2025-10",
            "Gabala",
        )
    }


def test_an_acronym_of_a_body_is_named_in_full():
    ev = events(
        "The Joint Strategic Planning Group (JSPG) met online.\n\nThe third JSPG meeting took place in "
        "Ankara in October 2024."
    )
    assert ev["third meeting of the Joint Strategic Planning Group"] == ("2024-10", "Ankara")


def test_a_meeting_described_since_an_earlier_occasion_is_no_event():
    ev = events(
        "It was the third meeting of the energy ministers since their presidents signed an agreement in "
        "Baku in November last year."
    )
    assert not any(n.startswith("third meeting") for n in ev)


def test_a_noun_after_a_gerund_is_no_subject_of_a_launch():
    ev = events("Talks on turning the preferential deal into a full FTA were launched last year.")
    assert not any(n.startswith("launch of") for n in ev)


def test_the_next_session_of_an_acronym_is_named_in_full():
    ev = events(
        "The group reports to the High-Level Strategic Cooperation Council (HLSCC).\n\nIt prepares the "
        "next HLSCC session of the two presidents, to be held in Riga in October."
    )
    assert ev["next session of the High-Level Strategic Cooperation Council"] == ("2025-10", "Riga")


def test_a_body_of_another_organisation_keeps_its_owner():
    ev = events(
        "The 5th meeting of the Latvia-Estonia Intergovernmental Commission was held in Riga on 3 June 2025. "
        "The sides discussed the Summit of the Organization of Turkic States to be held in Gabala on "
        "7 October 2025."
    )
    assert ev == {"Summit of the Organization of Turkic States": ("2025-10-07", "Gabala")}


def test_meet_again_is_the_next_meeting_of_the_subject():
    assert events("The presidents will meet again in Samarkand in the autumn.") == {
        "next meeting of the presidents": ("2025", "Samarkand")
    }
    assert events("They did not meet again.") == {}


def test_in_a_place_the_gazetteer_lacks_right_after_the_occasion():
    ev = events(
        "Works started after the official launch of construction in Karakol on 27 December last year."
    )
    assert ev == {"official launch of construction": ("2024-12-27", "Karakol")}


def test_an_appositive_participle_speaks_of_the_named_thing():
    ev = events(
        "The ministers discussed the implementation of the Strategy on Central Asia, adopted in June 2019."
    )
    assert ev == {"adoption of the Strategy on Central Asia": ("2019-06", None)}


def test_a_party_inside_the_name_is_not_the_place():
    ev = events(
        "The 5th meeting of the Latvia-Estonia Intergovernmental Commission was held in Riga on 3 June 2025. "
        "Reference was made to the EU–Central Asia Summit held in Samarkand on 22 January 2020."
    )
    assert ev == {"EU–Central Asia Summit": ("2020-01-22", "Samarkand")}


# --- occasions named by who met, whose they are, and where they were held ----------------------


def test_a_meeting_between_two_named_people_on_the_sidelines_takes_that_occasions_date_and_place():
    ev = events(
        "The sides reviewed the results of the meeting between the Minister of Foreign Affairs of Latvia "
        "Baiba Braze and the Minister of Foreign Affairs of Estonia Margus Tsahkna on the sidelines of "
        "the 79th session of the UN General Assembly in New York on September 25, as well as plans for "
        "upcoming visits.",
        published="2024-10-03",
    )
    assert ev == {
        "meeting between Baiba Braze and Margus Tsahkna": ("2024-09-25", "New York"),
        "79th session of the UN General Assembly": ("2024-09-25", "New York"),
    }


def test_a_meeting_of_senior_officials_is_an_occasion():
    ev = events("The text was agreed at the meeting of senior officials in Tbilisi on 2 March 2025.")
    assert ev == {"meeting of senior officials": ("2025-03-02", "Tbilisi")}
    assert events("The meeting discussed water in Tbilisi on 2 March 2025.") == {}


def test_its_summit_is_named_after_the_thing_its_refers_to():
    ev = events(
        'The ministers discussed the "Central Asia + Korea" Dialogue and agreed to prepare its first '
        "summit, to take place in Seoul in November."
    )
    assert ev == {"first summit of the Central Asia + Korea Dialogue": ("2025-11", "Seoul")}


def test_a_body_inside_the_owner_phrase_of_a_summit_is_no_sitting():
    ev = events(
        "The Third Summit of the Gulf Cooperation Council (GCC) and the States of Central Asia was held in "
        "Astana on 3 June 2025. The leaders recalled the Second Summit held in Samarkand on 16 May 2024."
    )
    assert list(ev.values()) == [("2024-05-16", "Samarkand")]
    assert next(iter(ev)).startswith("2nd Summit of the Gulf Cooperation Council")


def test_the_next_round_of_the_reported_consultations_is_numbered():
    ev = events(
        "The 4th round of political consultations between Latvia and Georgia took place in Riga on 3 June. "
        "The sides agreed to hold the next round of consultations in Tbilisi next year."
    )
    assert ev == {"5th round of the Latvia–Georgia Political Consultations": ("2026", "Tbilisi")}


def test_the_body_last_met_is_its_previous_sitting():
    ev = events(
        "The Latvia–Georgia intergovernmental commission met for the ninth time in Riga on 3 June.\n\n"
        "The commission last met in Tbilisi in May 2023."
    )
    assert ev == {"8th meeting of the Latvia–Georgia Intergovernmental Commission": ("2023-05", "Tbilisi")}
    ev = events(
        "The 9th Latvia–Georgia Intergovernmental Commission met in Riga on 3 June.\n\n"
        "The commission's previous meeting was held in Tbilisi in April 2024; its next meeting is due "
        "in 2026."
    )
    assert ev["8th meeting of the Latvia–Georgia Intergovernmental Commission"] == ("2024-04", "Tbilisi")


def test_a_titled_conference_is_an_occasion_but_a_plain_one_is_not():
    ev = events(
        "The minister praised the Regional Water Conference on Mountain Lakes held in Bishkek "
        "from 3 to 5 March."
    )
    assert ev == {"Regional Water Conference on Mountain Lakes": ("2025-03-03", "Bishkek")}
    assert events("The minister praised the conference held in Bishkek on 3 March.") == {}


def test_a_country_joining_something_on_a_date_is_an_occasion():
    assert events("Georgia joined the Council of Europe in April 1999.") == {
        "Georgia joins the Council of Europe": ("1999-04", None)
    }
    assert events("Latvia became a member of the OECD in July 2016.") == {
        "Latvia becomes a member of the OECD": ("2016-07", None)
    }
    # a time reference, and a state that is no membership, are not
    assert events("Since Georgia joined the Council of Europe in April 1999, ties grew.") == {}
    assert events("Latvia became the largest buyer of Estonian goods in 2016.") == {}


def test_its_bare_occasion_is_named_after_its_owner():
    ev = events(
        "The 5th Latvia–Georgia Intergovernmental Commission met in Riga on Monday.\n\n"
        "The sides praised the Organization of Turkic States and its summit in Astana in July."
    )
    assert ev == {"summit of the Organization of Turkic States": ("2025-07", "Astana")}


def test_what_something_happened_on_the_margins_of_is_an_occasion():
    ev = events("The ministers met on the margins of the OSCE Ministerial Council in Malta last December.")
    assert ev == {"OSCE Ministerial Council": ("2024-12", "Malta")}
    # the reported meeting's own body is no other occasion
    assert (
        events(
            "The 7th Latvia–Georgia Intergovernmental Commission was held in Riga on 3 June 2025. On the "
            "margins of the Commission, the sides signed a memorandum."
        )
        == {}
    )


def test_a_body_named_after_another_format_is_that_formats_sitting():
    ev = events(
        "The 7th Latvia–Georgia Intergovernmental Commission was held in Riga on 3 June 2025.\n\n"
        "The foreign ministers met in Brussels on 12 May on the sidelines of the Eastern Partnership "
        "ministerial meeting."
    )
    assert ev == {"Eastern Partnership ministerial meeting": ("2025-05-12", "Brussels")}


def test_an_ordinal_sitting_with_a_possessive_body_and_a_newly_launched_format():
    ev = events(
        "The two countries' Supreme Interstate Council convened in Riga on Monday for the second time.\n\n"
        "The council's first meeting was held in Tbilisi in August 2024. The presidents agreed to launch a "
        "youth exchange dialogue and to hold its first meeting in Riga in the autumn."
    )
    assert ev == {
        "1st meeting of the Supreme Interstate Council": ("2024-08", "Tbilisi"),
        "1st meeting of the youth exchange dialogue": ("2025", "Riga"),
    }


def test_a_name_with_of_before_the_occasion_and_a_place_after_it():
    ev = events("The leaders will meet at the Organization of Turkic States summit in Gabala on 7 October.")
    assert ev == {"Organization of Turkic States summit": ("2025-10-07", "Gabala")}
    ev = events("During the Shanghai Cooperation Organisation summit in Astana in July, the sides met.")
    assert ev == {"Shanghai Cooperation Organisation summit": ("2025-07", "Astana")}


def test_an_occasion_on_whose_occasion_another_is_held_shares_its_date_and_place():
    ev = events(
        "The Latvia–Georgia Intergovernmental Commission held its ninth session in Riga on 3 June. The "
        "sides will mark the tenth anniversary of the Free Trade Agreement next June. The tenth session of "
        "the commission will be held in Tbilisi in 2026, on the occasion of the Georgia–Latvia Business "
        "Forum."
    )
    assert ev == {
        "tenth anniversary of the Free Trade Agreement": ("2026-06", None),
        "10th Latvia–Georgia Intergovernmental Commission": ("2026", "Tbilisi"),
        "Georgia–Latvia Business Forum": ("2026", "Tbilisi"),
    }


def test_a_country_that_became_a_member_yesterday_and_the_platform_set_up_before():
    ev = events(
        "Latvia yesterday became a full member of the Baltic Rail Coordination Platform, set up in Vilnius "
        "in October 2024.",
        published="2025-04-03",
    )
    assert ev == {
        "Latvia becomes a full member of the Baltic Rail Coordination Platform": ("2025-04-02", None),
        "launch of the Baltic Rail Coordination Platform": ("2024-10", "Vilnius"),
    }


def test_an_editions_year_names_it_and_places_its_months():
    text = "Georgia will take part in Expo 2027 in Belgrade from April to October."
    (e,) = extract(text, published="2025-06-20").events
    assert (e.name, e.date, e.date_end, e.place) == ("Expo 2027", "2027-04", "2027-10", "Belgrade")


def test_a_city_before_a_summit_names_it():
    ev = events(
        "The 7th Latvia–Georgia Intergovernmental Commission was held in Riga on 3 June 2025.\n\n"
        "The ministers looked ahead to the 2026 Vilnius Summit of NATO leaders."
    )
    assert ev == {"Vilnius Summit": ("2026", "Vilnius")}


def test_a_where_clause_takes_the_date_and_place_of_the_clause_before():
    ev = events(
        "The Latvian Minister of Economics visited Tbilisi in January, where he opened the "
        "Latvian-Georgian Business Forum."
    )
    assert ev == {"Latvian-Georgian Business Forum": ("2025-01", "Tbilisi")}
    ev = events("The sides discussed the upcoming visit of the President of Georgia to Latvia in the autumn.")
    assert ev == {"visit of the President of Georgia to Latvia": ("2025", "Latvia")}


def test_a_date_fronted_before_a_clause_of_taking_part_dates_the_occasion():
    text = "Earlier, on June 10-11, the carriers met at the Caspian Logistics Forum in Aktau, officials said."
    assert events(text)["Caspian Logistics Forum"] == ("2025-06-10", "Aktau")
    # a fronted date of an announcement is not the occasion's date
    text = "On 12 June, the minister announced the Caspian Logistics Forum in Aktau."
    assert events(text).get("Caspian Logistics Forum", (None, None))[0] is None


def test_an_ordinal_sitting_keeps_the_capitalised_words_of_its_name():
    ev = events("The forum follows the first ASEAN–Central Asia Summit in Bangkok on 5 May 2024.")
    assert ev == {"1st ASEAN–Central Asia Summit": ("2024-05-05", "Bangkok")}


def test_an_organisation_named_like_a_body_is_no_sitting():
    ev = events("Trade between the Gulf Cooperation Council and Central Asia stood at $3 billion in 2024.")
    assert ev == {}


def test_a_meeting_titled_with_a_plural_possessive_is_an_occasion():
    ev = events(
        "Both sides will prepare the Central Asia-Japan Foreign Ministers' Meeting to be held in Tokyo "
        "this autumn."
    )
    assert ev["Central Asia-Japan Foreign Ministers' Meeting"] == ("2025", "Tokyo")


def test_an_active_verb_before_an_amount_makes_no_participle_event():
    ev = events("At the Astana summit in May 2024 Japan announced 3 billion yen in grants.")
    assert not any(name.startswith("announcement") for name in ev)


def test_talks_held_with_no_sitting_reported_are_the_occasion():
    text = (
        "Minister Aibek Tursunov holds talks with Minister Ilia Darchiashvili\n\n"
        "On 3 June, Minister of Foreign Affairs of the Kyrgyz Republic Aibek Tursunov, who is in Georgia "
        "on a working visit, held talks with Minister of Foreign Affairs of Georgia Ilia Darchiashvili "
        "in Tbilisi."
    )
    ev = events(text)
    assert ev["talks between Aibek Tursunov and Ilia Darchiashvili"][0] == "2025-06-03"


def test_a_delegation_received_with_no_sitting_reported_is_the_occasion():
    text = (
        "On 4 March, Minister of Foreign Affairs of Tajikistan Sirojiddin Muhriddin received a delegation "
        "of the Kuwait Fund for Arab Economic Development headed by its Director General."
    )
    ev = events(text)
    assert ev["reception of the Kuwait Fund for Arab Economic Development delegation"][0] == "2025-03-04"


def test_an_ongoing_state_visit_is_named_after_the_visitor_and_where_they_are():
    ev = events(
        "ROME, 3 March 2025 — Prime Minister Anna Kovac today held talks with President of Moldova "
        "Ion Popescu, who is in Italy on a state visit.",
        published="2025-03-03",
    )
    assert any(
        n.startswith("state visit of") and "Ion Popescu" in n and n.endswith("to Italy") for n in ev
    ), ev
    name = next(n for n in ev if n.startswith("state visit of"))
    assert ev[name][0] == "2025-03-03"


def test_arriving_for_a_state_visit_names_the_visit():
    ev = events(
        "OSLO, May 6, 2025 (Wire) - Finnish President Ari Laine arrived in Oslo on Tuesday for a three-day "
        "state visit, the first since 2015."
    )
    assert any(n.startswith("state visit of") and "Ari Laine" in n for n in ev), ev


def test_a_working_visit_framing_talks_is_no_occasion_of_its_own():
    ev = events(
        "On 13 May, Foreign Minister Ivan Petrov, who is in Greece on a working visit, held talks with "
        "Foreign Minister Nikos Dimas."
    )
    assert not any("working visit" in n for n in ev), ev


def test_a_work_whose_construction_started_has_a_start_and_a_completion():
    ev = events(
        "The new Rivne–Lutsk highway, whose construction started in 2023, "
        "is expected to be completed in 2028."
    )
    start = next(n for n in ev if n.startswith("start of construction of"))
    assert "Rivne–Lutsk highway" in start and ev[start][0] == "2023", ev
    done = next(n for n in ev if n.startswith("completion of"))
    assert "Rivne–Lutsk highway" in done and ev[done][0] == "2028", ev


def test_construction_of_a_named_work_began():
    ev = events("Construction of the Nordvik bridge began in May 2024 with support from the bank.")
    assert any(
        n == "start of construction of the Nordvik bridge" and d[0] == "2024-05" for n, d in ev.items()
    ), ev


def test_construction_of_an_unnamed_work_is_no_occasion():
    ev = events("The road, whose construction started in 2021, is expected to be completed in 2026.")
    assert not any("construction" in n or "completion" in n for n in ev), ev


def test_a_service_that_will_be_launched_on_a_date_is_a_planned_launch():
    ev = events("A direct flight between Riga and Tbilisi will be launched in October, the ministers said.")
    assert any(
        n.startswith("launch of") and "Riga and Tbilisi" in n and d[0] == "2025-10" for n, d in ev.items()
    ), ev


def test_two_occasions_joined_by_and_share_the_date_that_follows_both():
    ev = events(
        "Delegates were invited to the Riga Trade Forum and the Baltic Energy Forum to be held in 2026."
    )
    assert ev.get("Riga Trade Forum", (None,))[0] == "2026", ev
    assert ev.get("Baltic Energy Forum", (None,))[0] == "2026", ev


def test_a_meeting_held_with_someone_is_named_by_who_met():
    ev = events(
        "On March 3, on the sidelines of the OSCE Ministerial Council in Vienna, Foreign Minister "
        "Ivan Petrov held a meeting with Foreign Minister Nikos Dimas."
    )
    assert any(
        n == "meeting of Ivan Petrov with Nikos Dimas" and d[0] == "2025-03-03" for n, d in ev.items()
    ), ev


def test_met_far_from_a_named_person_is_no_meeting_of_two_people():
    ev = events(
        "On March 3, Foreign Minister Ivan Petrov met in Vienna with the heads of several delegations "
        "and later, after a long day of talks, Foreign Minister Nikos Dimas spoke to the press."
    )
    assert not any(n.startswith("meeting of Ivan Petrov") for n in ev), ev


def test_a_named_week_is_an_occasion_but_next_week_is_not():
    ev = events(
        "The ministers discussed preparations for Tallinn Digital Week, which will take place on 3–5 June."
    )
    assert (ev.get("Tallinn Digital Week") or ("",))[0].endswith("-06-03"), ev
    ev = events("The ministers will meet again next week in Tallinn.")
    assert not any("week" in n.lower() for n in ev), ev


def test_a_named_occasion_with_a_bracket_inside_and_its_opening_ceremony():
    ev = events(
        "On 3 May 2025, the consul attended the opening ceremony of the Spain (Catalonia)–Morocco Trade "
        "Forum in Tangier."
    )
    assert ev == {"Spain (Catalonia)–Morocco Trade Forum": ("2025-05-03", "Tangier")}


def test_a_planned_visit_of_a_person_named_before_by_role():
    ev = events(
        "On 2 June, Minister of Foreign Affairs Anna Berg held talks in Oslo. "
        "The Minister is expected to visit Copenhagen on 24 June."
    )
    assert ev["visit of Anna Berg to Copenhagen"] == ("2025-06-24", "Copenhagen")


def test_a_visit_paid_takes_the_date_fronted_before_its_clause():
    ev = events("On 3–4 March, Minister of Trade Lena Holm paid a working visit to Vienna.")
    assert list(ev.values()) == [("2025-03-03", "Vienna")]


def test_a_route_launched_without_a_date_of_its_own_takes_the_reported_occasions_day():
    ev = events(
        "Ministers open business forum\n\nOn 5 May 2025, the ministers attended the opening of the "
        "Nordic Business Forum in Bergen.\n\nDuring the forum, several contracts were signed. The parties "
        "also launched a new weekly ferry route from Bergen to Aberdeen."
    )
    assert ev["launch of the Bergen–Aberdeen weekly ferry route"] == ("2025-05-05", None)


def test_a_scheduled_departure_of_a_train():
    ev = events("The first freight train on a new Lodz–Chengdu route is scheduled to depart on 3 July.")
    assert ev == {"departure of the first freight train on the Lodz–Chengdu route": ("2025-07-03", None)}


def test_a_dialogue_named_by_its_two_sides():
    ev = events("Next up is the ASEAN–Japan ministerial strategic dialogue in Manila in September.")
    assert ev == {"ASEAN–Japan ministerial strategic dialogue": ("2025-09", "Manila")}


def test_an_occasion_held_on_the_sidelines_of_the_reported_commission_takes_its_day_and_place():
    ev = events(
        "Commission meets in Riga\n\nRiga, 8 May 2025. The 4th meeting of the Latvia–Poland "
        "Intergovernmental Commission was held in Riga on 7 May.\n\nA Latvia–Poland Business Forum, "
        "with about 90 companies, was held on the sidelines of the Commission.",
        published="2025-05-08",
    )
    assert ev["Latvia–Poland Business Forum"] == ("2025-05-07", "Riga")


def test_the_reported_sittings_number_alone_is_no_other_occasion():
    ev = events(
        "The 5th meeting of the Latvia–Poland Intergovernmental Commission was held in Riga on 7 May.\n\n"
        "After the talks, the Protocol of the 5th meeting was signed, amending the agreement of 2019."
    )
    assert "5th meeting" not in ev


def test_a_headlines_occasion_named_again_in_full_in_the_body_is_one_occasion():
    ev = events(
        "Consul attends the Spain–Morocco Trade Forum in Tangier\n\nOn 3 May 2025, the consul attended the "
        "opening ceremony of the Spain (Catalonia)–Morocco Trade Forum in Tangier."
    )
    assert ev == {"Spain (Catalonia)–Morocco Trade Forum": ("2025-05-03", "Tangier")}


def test_a_sidelines_occasion_takes_the_sittings_day_when_a_headline_line_precedes_the_lead():
    ev = events(
        "Ministry of Economy\n\nThe 4th meeting of the Latvia–Poland Intergovernmental Commission held in "
        "Riga\n\nRiga, 8 May 2025. The 4th meeting of the Latvia–Poland Intergovernmental Commission was "
        "held in Riga on 7 May.\n\nTrade reached 3 billion euros last year and should double by 2030. "
        "A Latvia–Poland Business Forum, with about 90 companies, was held on the sidelines of the "
        "Commission.",
        published="2025-05-08",
    )
    assert ev["Latvia–Poland Business Forum"] == ("2025-05-07", "Riga")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Plan", "PROTOCOL", "programme", "Road Map", "of", "OF", "On", "for", "FOR", "the",
                         "The", "THE", "bathe", "proof", "talks", " ", "  ", "\n", "\t", "ſ", "İ"]),
        max_size=8,
    )
)
def test_document_name_pretest_never_hides_a_match(words):
    """`_ends_of_on_for` is False only where `_IN_DOC_NAME` cannot match."""
    from communique.interpret.events import _IN_DOC_NAME, _ends_of_on_for

    for sep in (" ", "", "\n"):
        text = sep.join(words)
        if _IN_DOC_NAME.search(text, 0, len(text)):
            assert _ends_of_on_for(text, 0, len(text))
