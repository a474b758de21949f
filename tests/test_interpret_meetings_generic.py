"""Meetings of bodies no known type names, read from how the sitting is reported."""

from __future__ import annotations

from communique import extract


def ex(text: str, published: str | None = "2024-11-13"):
    return extract(text, published=published)


def test_body_named_in_full_after_a_roman_ordinal():
    text = (
        "Kyrgyz and Tajik officials meet in Bishkek\n\n"
        "On 5 November in Bishkek the regular VII meeting of the Intergovernmental Kyrgyz-Tajik Commission "
        "on trade-economic and humanitarian cooperation was held.\n"
    )
    (m,) = ex(text).meetings
    assert (
        m.body == "Intergovernmental Kyrgyz-Tajik Commission on trade-economic and humanitarian cooperation"
    )
    assert m.number == 7
    assert m.parties == ["Kyrgyzstan", "Tajikistan"]


def test_unknown_body_is_not_mapped_onto_a_known_one():
    text = (
        "The 3rd meeting of the Kazakhstan–Hungary Joint Strategic Planning Group (JSPG), which prepares the "
        "Cooperation Council, was held by video conference on 2 October.\n"
    )
    (m,) = ex(text).meetings
    assert m.body == "Kazakhstan–Hungary Joint Strategic Planning Group"
    assert m.acronym == "JSPG" and m.number == 3 and m.format == "virtual"


def test_lower_case_prefix_and_project_extension():
    text = (
        "Officials met on 2 May.\n\n"
        "The talks took place in Almaty at the second meeting of the trilateral Steering Committee for the "
        "TransCaspian fibre project.\n"
    )
    (m,) = ex(text).meetings
    assert m.body == "trilateral Steering Committee for the TransCaspian fibre project"
    assert m.number == 2


def test_sitting_of_ministers_of_the_countries_named_before():
    text = (
        "Kazakhstan, Kyrgyzstan and Tajikistan agreed on Monday to share water data, officials said.\n\n"
        "It was the fourth meeting of the three countries' water ministers.\n"
    )
    (m,) = ex(text).meetings
    assert m.body == "trilateral meeting of the water ministers of Kazakhstan, Kyrgyzstan and Tajikistan"
    assert m.number == 4


def test_date_time_source_line_is_no_lead():
    text = (
        "Commission meets in Tashkent\n\n"
        "05.11.2025 | 11:20 | Press service of the Ministry of Trade\n\n"
        "On 4 November the VI meeting of the Intergovernmental Uzbek-Kyrgyz Commission was held "
        "in Tashkent.\n"
    )
    (m,) = ex(text, "2025-11-05").meetings
    assert m.body == "Intergovernmental Uzbek-Kyrgyz Commission" and m.number == 6


def test_plural_title_stands_for_the_heads_named_before():
    text = (
        "At the invitation of the President of Kazakhstan Kassym-Jomart Tokayev, the President of "
        "Uzbekistan Shavkat Mirziyoyev paid a state visit to Kazakhstan. On 12 June the Presidents chaired "
        "the Third Meeting of the Kazakhstan-Uzbekistan Supreme Interstate Council in Astana.\n"
    )
    (m,) = ex(text).meetings
    assert {(h.name, h.side) for h in m.heads} == {
        ("Kassym-Jomart Tokayev", "Kazakhstan"),
        ("Shavkat Mirziyoyev", "Uzbekistan"),
    }


def test_plural_title_before_names_reaches_only_the_listed_names():
    r = ex(
        "Presidents Ilham Aliyev and Shavkat Mirziyoyev held the First Meeting of the Supreme State Council."
    )
    assert [(p.name, p.role) for p in r.people] == [
        ("Ilham Aliyev", "President"),
        ("Shavkat Mirziyoyev", "President"),
    ]


def test_a_dateline_only_line_does_not_date_the_sitting():
    text = (
        "# Note: Kazakhstan–Hungary Joint Strategic Planning Group, 2nd meeting\n\n"
        "*Europe desk · 9 May 2025 · Background*\n\n"
        "- **What:** second meeting of the Kazakhstan–Hungary Joint Strategic Planning Group\n"
        "- **When:** Wednesday, 7 May\n"
    )
    (m,) = ex(text, "2025-05-09").meetings
    assert m.date == "2025-05-07"


def test_name_between_the_ordinal_and_the_sitting():
    (m,) = ex(
        "The 4th Kazakhstan–Hungary Joint Strategic Planning Group meeting was held in Astana on 2 May."
    ).meetings
    assert m.body == "Kazakhstan–Hungary Joint Strategic Planning Group" and m.number == 4
    assert not ex("The 2nd Astana International Forum opened on 2 May.").meetings


def test_capitalised_name_words_before_a_known_type_stay_in_the_name():
    (m,) = ex(
        "The second session of the Kazakhstan–Qatar Joint Strategic Council was held in Doha on 4 June."
    ).meetings
    assert m.body == "Kazakhstan–Qatar Joint Strategic Council" and m.number == 2
    # a companies' format (data/bodies.yaml occasions), "Joint" or not: its sitting is an event
    e = ex("The second session of the Kazakhstan–Qatar Joint Business Council was held in Doha on 4 June.")
    assert e.meetings == [] and [(v.name, v.place) for v in e.events] == [
        ("2nd session of the Kazakhstan–Qatar Joint Business Council", "Doha")
    ]


def test_each_head_takes_the_delegation_named_nearest_before_them():
    text = (
        "The 7th meeting of the Intergovernmental Kazakh-Kyrgyz Council was held in Bishkek on 4 June. The "
        "Kazakh delegation was headed by Prime Minister Olzhas Bektenov, the Kyrgyz delegation by Chairman "
        "of the Cabinet of Ministers Adylbek Kasymaliev."
    )
    (m,) = ex(text).meetings
    assert [(h.name, h.side) for h in m.heads] == [
        ("Olzhas Bektenov", "Kazakhstan"),
        ("Adylbek Kasymaliev", "Kyrgyzstan"),
    ]


def test_council_of_named_members():
    text = (
        "The 11th meeting of the Council of Foreign Ministers of the Organization of Turkic States was held "
        "on 4 June."
    )
    (m,) = ex(text).meetings
    assert m.body == "Council of Foreign Ministers of the Organization of Turkic States" and m.number == 11


def test_a_later_generic_sitting_is_no_body_of_the_events():
    text = (
        "The 5th meeting of the Kazakhstan–Hungary Joint Strategic Planning Group was held in Astana "
        "on 2 May.\n\n"
        "The sides recalled the 29th session of the Conference of the Parties in Baku.\n"
    )
    r = ex(text)
    assert [m.body for m in r.meetings] == ["Kazakhstan–Hungary Joint Strategic Planning Group"]
    assert not any("Conference" in e.name and "Kazakhstan" in e.name for e in r.events)


def test_side_named_before_the_head():
    text = (
        "The Kyrgyz side was represented by Minister of Economy Daniyar Amangeldiev and the Tajik side by "
        "Minister of Economic Development Zavqi Zavqizoda at the 9th meeting of the Kyrgyz-Tajik "
        "Intergovernmental Commission held in Dushanbe on 4 June."
    )
    (m,) = ex(text).meetings
    assert [(h.name, h.side) for h in m.heads] == [
        ("Daniyar Amangeldiev", "Kyrgyzstan"),
        ("Zavqi Zavqizoda", "Tajikistan"),
    ]


def test_capitalised_ministers_meeting_with_a_listed_region():
    (m,) = ex(
        "Baku hosted the 3rd Trilateral Meeting of Foreign Ministers of Azerbaijan, Georgia and Turkmenistan."
    ).meetings
    assert m.body == "trilateral meeting of the Foreign Ministers of Azerbaijan, Georgia and Turkmenistan"
    (m,) = ex(
        "The 5th meeting of the foreign ministers of Central Asia and the European Union took place "
        "in Astana."
    ).meetings
    assert m.parties == ["Central Asia", "European Union"] and m.number == 5


def test_the_two_presidents_stand_for_the_heads_named_before():
    text = (
        "At the invitation of the President of Kazakhstan Kassym-Jomart Tokayev, the President of "
        "Uzbekistan Shavkat Mirziyoyev paid a state visit. On 12 June the two Presidents co-chaired "
        "the Third Meeting of the Kazakhstan-Uzbekistan Supreme Interstate Council in Astana.\n"
    )
    (m,) = ex(text).meetings
    assert [h.name for h in m.heads] == ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"]


def test_regular_or_inaugural_sitting_without_a_number():
    text = (
        "On 4 November in Tashkent the regular meeting of the Intergovernmental Uzbek-Kyrgyz Commission on "
        "trade-economic cooperation was held."
    )
    (m,) = ex(text, "2025-11-05").meetings
    assert m.body == "Intergovernmental Uzbek-Kyrgyz Commission on trade-economic cooperation"
    assert m.number is None and m.date == "2025-11-04"
    (m,) = ex(
        "The inaugural session of the Kazakhstan–Hungary Joint Strategic Planning Group was held."
    ).meetings
    assert m.number == 1


def test_a_summit_named_with_its_owners_after_it():
    from communique import extract

    (m,) = extract(
        "The Third Summit of the Gulf Cooperation Council (GCC) and the States of Central Asia was held in "
        "Astana on Tuesday, 3 June 2025, under the chairmanship of the President of Kazakhstan.",
        published="2025-06-03",
    ).meetings
    assert m.body == "Summit of the Gulf Cooperation Council and the States of Central Asia"
    assert m.number == 3 and m.parties == ["Gulf Cooperation Council", "Central Asia"]


def test_met_for_the_nth_time_numbers_the_sitting():
    from communique import extract

    (m,) = extract(
        "Latvia and Georgia agreed on Monday to expand rail links, as the two countries' intergovernmental "
        "commission met for the ninth time in Riga.",
        published="2025-06-03",
    ).meetings
    assert m.number == 9


def test_a_body_of_two_parties_named_after_it_takes_the_usual_name():
    from communique import extract

    (m,) = extract(
        "The 5th meeting of the Intergovernmental Commission of the Republic of Latvia and Georgia was held "
        "in Riga on 3 June 2025.",
        published="2025-06-03",
    ).meetings
    assert m.body == "Latvia–Georgia Intergovernmental Commission"
    assert (m.number, m.parties) == (5, ["Latvia", "Georgia"])
    (m,) = extract(
        "The Cooperation Council of the EU and Kazakhstan Foreign Minister Murat Nurtleu met in Brussels on "
        "3 June 2025.",
        published="2025-06-03",
    ).meetings
    assert m.body == "EU–Kazakhstan Cooperation Council"


def test_the_nth_such_round_in_the_lead_numbers_the_sitting():
    from communique import extract

    (m,) = extract(
        "Political consultations between the foreign ministries of Latvia and Georgia were held in Riga on "
        "3 June. It was the fifth such round.",
        published="2025-06-05",
    ).meetings
    assert m.number == 5
    (m,) = extract(
        "The Summit of the Council of the Baltic Sea States took place in Riga on 3 June 2025. It was the "
        "first such summit since 2019.",
        published="2025-06-05",
    ).meetings
    assert m.body == "Summit of the Council of the Baltic Sea States" and m.number is None


def test_a_hybrid_sitting_takes_the_dateline_place():
    from communique import extract

    (m,) = extract(
        "TBILISI, 12 May 2025 – The third meeting of the Georgia–Latvia Joint Economic Commission was held "
        "today in a hybrid format, with part of the Latvian delegation connecting online from Riga.",
        published="2025-05-12",
    ).meetings
    assert (m.format, m.place, m.number) == ("hybrid", "Tbilisi", 3)


def test_a_sitting_being_prepared_or_scheduled_is_no_reported_meeting():
    text = (
        "Ministers hold talks in Baku\n\n"
        "On 12 November, the foreign ministers of Kazakhstan and Azerbaijan held talks in Baku.\n\n"
        "The talks were held as part of the preparation of the 4th meeting of the Kazakh-Azerbaijani "
        "Supreme Interstate Council, which is scheduled to take place in Astana next spring.\n"
    )
    x = ex(text)
    assert x.meetings == []
    assert any(e.place == "Astana" and "Supreme Interstate Council" in e.name for e in x.events)


def test_a_sitting_dated_months_before_publication_is_an_earlier_occasion():
    text = (
        "Senate approves the transit treaty\n\n"
        "Astana, 20 May 2026. The Senate approved the law on the transit treaty, which was signed in "
        "Tashkent on 10 September 2025 during the third Central Asia–Japan Summit.\n"
    )
    x = ex(text, published="2026-05-20")
    assert x.meetings == []
    assert any(e.date == "2025-09-10" and "Summit" in e.name for e in x.events)


def test_the_ordinal_of_a_round_before_the_capitalised_rest_of_the_name():
    text = (
        "On 3 October 2024, Foreign Minister Murat Nurtleu held the fourth round of the "
        "Kazakhstan-Mongolia Foreign Ministers' Strategic Dialogue with his counterpart in Astana.\n"
    )
    (m,) = ex(text).meetings
    assert m.number == 4


def test_a_wire_editors_note_is_no_lead():
    text = (
        "UPDATE 1-Armenian, Georgian leaders meet in Tbilisi\n\n"
        "(Adds quote, trade figures)\n\n"
        "By Staff Reporter\n\n"
        "TBILISI, March 4, 2025 (Wire) - Armenian President Vahagn Khachaturyan arrived in Tbilisi on "
        "Tuesday for a two-day visit, his office said.\n\n"
        "The two presidents then chaired the second meeting of the Armenian-Georgian Interstate Council, "
        "according to a statement.\n"
    )
    (m,) = ex(text, "2025-03-04").meetings
    assert m.body == "Armenia–Georgia Interstate Council"
    assert m.number == 2 and m.date == "2025-03-04"
