"""One occasion named twice, sittings named by their owner, who meets again, and sittings reported as meetings
(interpret.events) — our own sentences."""

from __future__ import annotations

from communique import extract


def events(text: str, published: str = "2025-06-20") -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.date, e.place) for e in extract(text, published=published).events}


# --- a short re-mention of an occasion named in full is the same occasion --------------------------------


def test_a_short_mention_and_a_full_mention_are_one_occasion():
    text = (
        "The roundtable took stock two years after the Investors Forum on transport connectivity.\n\n"
        "Participants recalled that at the EU–Central Asia Investors Forum on Transport Connectivity in "
        "Brussels on 29–30 January 2024, Team Europe announced new funding."
    )
    ev = events(text, "2026-01-22")
    forums = [n for n in ev if "Investors Forum" in n]
    assert len(forums) == 1 and forums[0].startswith("EU–Central Asia Investors Forum on Transport")
    assert ev[forums[0]][0] == "2024-01-29"


def test_a_numbered_sitting_re_mentioned_later_keeps_its_listed_day():
    text = (
        "A look back at recent sittings:\n\n- 20th session, Luxembourg, 23 October 2023 — talks started.\n"
        "- 21st session, Luxembourg, 14 October 2024 — the agreement was initialled.\n\n"
        "Since the 21st session "
        "of the Cooperation Council, trade with Kazakhstan has continued to grow in 2025."
    )
    ev = events(text, "2026-01-20")
    sittings = [n for n in ev if n.startswith("21st")]
    assert len(sittings) == 1
    assert ev[sittings[0]] == ("2024-10-14", "Luxembourg")


SITTING = (
    "The European Union and Kazakhstan held the 22nd meeting of their Cooperation Council in Brussels today, "
    "chaired by High Representative Kaja Kallas and Foreign Minister Yermek Kosherbayev.\n\n"
)


def test_two_different_occasions_with_shared_words_stay_apart():
    text = SITTING + (
        "The first EU–Central Asia Summit was held in Samarkand on 3–4 April 2025. The leaders agreed that "
        "the second EU–Central Asia Summit will take place in Tashkent in 2026."
    )
    ev = events(text)
    assert ev["1st EU–Central Asia Summit"][0] == "2025-04-03"
    assert ev["2nd EU–Central Asia Summit"][0] == "2026"


# --- "X, whose Nth Summit": the owner's sitting ----------------------------------------------------------


def test_a_summit_of_the_body_a_whose_clause_names():
    text = (
        "The ministers discussed cooperation within the Organization of Turkic States, whose 12th Summit was "
        "held in Gabala in October 2025."
    )
    assert events(text, "2026-01-12")["12th Summit of the Organization of Turkic States"][0] == "2025-10"
    text = SITTING + (
        "Both sides praised the Shanghai Cooperation Organisation, whose 25th Summit took place in "
        "Tianjin on "
        "31 August 2025."
    )
    assert (
        events(text, "2025-10-01")["25th Summit of the Shanghai Cooperation Organisation"][0] == "2025-08-31"
    )
    text = (
        "They also spoke of the Conference on Interaction and Confidence-Building Measures in Asia, whose "
        "seventh Summit will be held in Baku in 2026."
    )
    ev = events(text, "2025-10-01")
    assert (
        ev["7th Summit of the Conference on Interaction and Confidence-Building Measures in Asia"][0]
        == "2026"
    )


# --- "expects that X will meet again": the that-clause's subject ------------------------------------------


def test_who_meets_again_is_the_subject_of_the_that_clause():
    text = (
        "The Commission expects that the Coordination Platform for the Trans-Caspian corridor will meet "
        "again in Almaty in May 2026."
    )
    ev = events(text, "2026-01-22")
    assert ev["next meeting of the Coordination Platform for the Trans-Caspian corridor"] == (
        "2026-05",
        "Almaty",
    )
    text = "The ministry said that the working group on tariffs would meet again in Baku in the autumn."
    assert events(text, "2026-01-22")["next meeting of the working group on tariffs"][1] == "Baku"
    text = "Officials hope that the joint business council could meet again in Tashkent next year."
    assert events(text, "2026-01-22")["next meeting of the joint business council"] == ("2027", "Tashkent")


# --- a second sitting reported the same day is a meeting, not an event -----------------------------------


def test_two_sittings_reported_together_are_no_events():
    text = (
        "BAKU, April 29. The 11th Ministerial Meeting of the Southern Gas Corridor Advisory Council and the "
        "3rd Ministerial Meeting of the Green Energy Advisory Council were held in Baku today.\n\n"
        "The meetings were "
        "co-chaired by Minister of Energy Parviz Shahbazov and Commissioner for Energy Dan Jørgensen."
    )
    ex = extract(text, published="2025-04-29")
    assert not [e.name for e in ex.events if "Advisory Council" in e.name]


def test_an_occasion_on_the_sidelines_of_another_is_not_merged_with_it():
    text = SITTING + (
        "Minister Kosherbayev recalled that the foreign ministers of the two sides had last met on the "
        "sidelines of the EU–Central Asia Ministerial Meeting held in Luxembourg in October 2025."
    )
    ev = events(text, "2026-03-05")
    assert ev["EU–Central Asia Ministerial Meeting"] == ("2025-10", "Luxembourg")
    assert any(n.endswith("on the sidelines of the EU–Central Asia Ministerial Meeting") for n in ev)


# --- "the opening of a new container terminal at the X Port": an opening as a noun -----------------------


def test_the_opening_of_built_works_named_as_a_noun():
    text = SITTING + (
        "On 4 June, the ministers attended the opening of a new container terminal at the Baku International "
        "Sea Trade Port in Alat."
    )
    ev = events(text)
    assert (
        ev["opening of a new container terminal at the Baku International Sea Trade Port"][0] == "2025-06-04"
    )
    text = SITTING + "The inauguration of the new logistics centre in Khorgos took place on 12 May."
    assert events(text)["inauguration of the new logistics centre"][0] == "2025-05-12"
    text = SITTING + "The commissioning of a wind farm near Zhanatas is planned for October 2025."
    assert events(text)["commissioning of a wind farm"][0] == "2025-10"


# --- "the working group" re-mentioned after the reported "Trilateral Working Group" -----------------------


def test_a_lower_case_re_mention_of_the_reported_body_names_its_next_sitting():
    text = (
        "The sixth meeting of the Trilateral Working Group of Azerbaijan, Georgia and Kazakhstan was held in "
        "Baku on 27 November. It was co-chaired by Minister Rashad Nabiyev and Minister Nurlan "
        "Sauranbayev.\n\n"
        "The seventh meeting of the working group will be held in Tbilisi in the first quarter of 2026."
    )
    ev = events(text, "2025-11-27")
    assert ev["7th meeting of the Trilateral Working Group"][1] == "Tbilisi"


# --- "since its previous meeting, held in Luxembourg in October 2023": the reported body's last sitting ---


def test_the_reported_bodys_previous_sitting_re_mentioned_by_the_body():
    text = (
        "The European Union and the Kyrgyz Republic held the nineteenth meeting of their Cooperation Council "
        "in "
        "Brussels today, chaired by Kaja Kallas and Foreign Minister Jeenbek Kulubaev.\n\n"
        "The Cooperation Council took stock of relations since its previous meeting, which was held in "
        "Luxembourg in October 2023."
    )
    ev = events(text, "2025-11-17")
    assert [v for n, v in ev.items() if n.startswith("18th")] == [("2023-10", "Luxembourg")]
    text = text.replace(
        "The Cooperation Council took stock of relations since its previous meeting, which was held in",
        "The Council recalled its previous session, held in",
    )
    ev = events(text, "2025-11-17")
    assert [v for n, v in ev.items() if n.startswith("18th")] == [("2023-10", "Luxembourg")]
    text = text.replace(
        "The Council recalled its previous session, held in", "The Council welcomed its previous meeting in"
    )
    assert [v for n, v in events(text, "2025-11-17").items() if n.startswith("18th")] == [
        ("2023-10", "Luxembourg")
    ]


# --- "construction was officially launched …": of the work its paragraph names ----------------------------


def test_a_construction_launch_of_the_work_the_paragraph_names():
    text = (
        "The parties reviewed progress on the China–Kyrgyzstan–Uzbekistan railway. The agreement was signed "
        "in "
        "June 2024, and construction was officially launched at a ceremony in Jalal-Abad on 27 December 2024."
    )
    ev = events(text, "2025-10-22")
    assert ev["launch of construction of the China–Kyrgyzstan–Uzbekistan railway"][0] == "2024-12-27"
    text = (
        "Work on the new Kyzylorda Bypass Road continued. Construction works had started in Kyzylorda on "
        "3 May 2023."
    )
    assert (
        events(text, "2025-10-22")["start of construction of the new Kyzylorda Bypass Road"][0]
        == "2023-05-03"
    )
    text = (
        "The ministers discussed the Kambarata-1 HPP. Construction has been formally launched on "
        "12 June 2025."
    )
    assert events(text, "2025-10-22")["launch of construction of the Kambarata-1 HPP"][0] == "2025-06-12"


# --- a list item's name with commas inside, then "launched in …" ----------------------------------------


def test_a_launch_of_a_named_initiative_in_a_list_item_or_with_commas():
    text = (
        "## Partnerships\n\n- EU–Kazakhstan raw materials partnership.\n- Team Europe Initiative on Water, "
        "Energy and Climate Change, launched in Glasgow in November 2021.\n"
    )
    ev = events(text, "2026-01-15")
    assert ev["launch of the Team Europe Initiative on Water, Energy and Climate Change"][0] == "2021-11"
    text = "The Team Europe Initiative on Digital Connectivity, launched in Tashkent in May 2023, grew."
    assert (
        events(text, "2026-01-15")["launch of the Team Europe Initiative on Digital Connectivity"][0]
        == "2023-05"
    )
    text = "* Central Asia Water, Energy and Climate Platform, established in Almaty in 2022."
    assert (
        events(text + "\n* Another line.\n", "2026-01-15")[
            "launch of the Central Asia Water, Energy and Climate Platform"
        ][0]
        == "2022"
    )


# --- sittings counted ("has met twice") are no single occasion -------------------------------------------


def test_a_body_that_has_met_a_number_of_times_names_no_occasion():
    for clause in (
        "has met twice in 2025",
        "has already met three times this year",
        "had met 4 times by 2024",
    ):
        text = SITTING + f"A joint working group on visa facilitation, proposed by Astana, {clause}."
        assert not [n for n in events(text, "2026-01-20") if "Working Group" in n or "working group" in n]


# --- groups holding talks; formats with "+" in their names; meetings named by their level ----------------


def test_a_group_named_by_whom_it_gathers_held_talks():
    text = SITTING + "On 21 May, the Foreign Ministers of Kazakhstan and Azerbaijan held talks in Baku."
    assert events(text)["talks between the foreign ministers of Kazakhstan and Azerbaijan"] == (
        "2025-05-21",
        "Baku",
    )
    text = SITTING + "The foreign ministers of the five Central Asian states held talks in Astana on 4 June."
    assert events(text)["talks of the foreign ministers of the five Central Asian states"] == (
        "2025-06-04",
        "Astana",
    )
    text = (
        SITTING
        + "On 2 June, the heads of the railway companies of Kazakhstan and Georgia had talks in Tbilisi."
    )
    assert events(text)["talks between the heads of the railway companies of Kazakhstan and Georgia"][0] == (
        "2025-06-02"
    )


def test_a_format_with_a_plus_in_its_name():
    text = SITTING + "The leaders recalled the C5+1 summit held in New York in September 2023."
    assert events(text)["C5+1 summit"] == ("2023-09", "New York")
    text = SITTING + "The leaders recalled the C5+1 Summit held in New York in September 2023."
    assert events(text)["C5+1 Summit"] == ("2023-09", "New York")
    text = SITTING + "The ministers prepared the Central Asia+Korea summit to be held in Seoul in November."
    assert events(text)["Central Asia+Korea summit"] == ("2025-11", "Seoul")


def test_a_meeting_named_by_its_level_that_was_held():
    text = SITTING + "On 3 June, an expert-level meeting took place in Brussels."
    assert events(text)["expert-level meeting"] == ("2025-06-03", "Brussels")
    text = SITTING + "A working-level meeting was held in Astana on 9 June to prepare the visit."
    assert events(text)["working-level meeting"] == ("2025-06-09", "Astana")
    text = SITTING + "The expert-level meeting discussed trade barriers in detail."
    assert "expert-level meeting" not in events(text)
