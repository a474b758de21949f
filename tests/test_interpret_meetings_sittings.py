"""The reported sitting: its own calendar day against a range of the trip around it, the city the
paragraph opens with, the side named before each chair, a summit of a council of heads of state
named by the organisation's acronym (observers are no heads), and rounds of consultations without
an ordinal (our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract

_TRIP = (
    "EU envoy visits {country}\n\n"
    "Brussels, 12/06/2026 – Press Team\n\n"
    "The EU Special Representative for Central Asia, Terhi Hakala, travelled to the region from 8 to 11 "
    "June 2026.\n\n"
    "{opening} {sitting}\n"
)


@pytest.mark.parametrize(
    "opening, sitting, day, place",
    [
        (
            "In Dushanbe on 10–11 June, she held talks with Foreign Minister Sirojiddin Muhriddin.",
            "On 11 June, Ms Hakala took part in the 12th meeting of the EU–Tajikistan Cooperation "
            "Committee, chaired on the Tajik side by Deputy Foreign Minister Farrukh Sharifzoda and on "
            "the EU side by the Head of the EU Delegation to Tajikistan, Raimundas Karoblis.",
            "2026-06-11",
            "Dushanbe",
        ),
        (
            "In Bishkek on 9–10 June, she met the Speaker of Parliament.",
            "She then attended the 13th meeting of the EU–Kyrgyz Republic Cooperation Committee on 10 "
            "June, co-chaired by Deputy Foreign Minister Almaz Imangaziev.",
            "2026-06-10",
            "Bishkek",
        ),
        (
            "In Tashkent, from 8 to 9 June, the envoy held consultations at the Foreign Ministry.",
            "The 19th meeting of the EU–Uzbekistan Cooperation Committee was held on 9 June and was "
            "chaired by Deputy Minister Bakhromjon Aloyev.",
            "2026-06-09",
            "Tashkent",
        ),
    ],
)
def test_a_sitting_keeps_its_own_day_and_the_city_its_paragraph_opens_with(opening, sitting, day, place):
    text = _TRIP.format(country="the region", opening=opening, sitting=sitting)
    (m,) = extract(text, published="2026-06-12").meetings
    assert (m.date, m.date_end, m.place) == (day, None, place)


def test_the_side_named_before_each_chair():
    text = _TRIP.format(
        country="Tajikistan",
        opening="In Dushanbe on 10–11 June, she held talks with Foreign Minister Sirojiddin Muhriddin.",
        sitting=(
            "On 11 June, Ms Hakala took part in the 12th meeting of the EU–Tajikistan Cooperation "
            "Committee, chaired on the Tajik side by Deputy Foreign Minister Farrukh Sharifzoda and on "
            "the EU side by the Head of the EU Delegation to Tajikistan, Raimundas Karoblis."
        ),
    )
    (m,) = extract(text, published="2026-06-12").meetings
    assert {h.name: h.side for h in m.heads} == {
        "Farrukh Sharifzoda": "Tajikistan",
        "Raimundas Karoblis": "European Union",
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The 12th Summit of the Council of Heads of State of the OTS brought together Turkish President "
        "Tayyip Erdogan, Kazakh President Kassym-Jomart Tokayev and Kyrgyz President Sadyr Japarov, with "
        "Hungarian Prime Minister Viktor Orban attending as an observer.",
        "The 12th summit of the Council of Heads of State of the OTS was attended by Turkish President "
        "Tayyip Erdogan, Kazakh President Kassym-Jomart Tokayev, Kyrgyz President Sadyr Japarov and, as "
        "an observer, Hungarian Prime Minister Viktor Orban.",
        "The 12th Summit of the Council of Heads of State of the OTS, held in Gabala, gathered Turkish "
        "President Tayyip Erdogan, Kazakh President Kassym-Jomart Tokayev and Kyrgyz President Sadyr "
        "Japarov; Hungarian Prime Minister Viktor Orban took part as a guest.",
    ],
)
def test_a_summit_of_a_council_of_heads_of_state_named_by_acronym(sentence):
    text = (
        "Turkic leaders meet in Gabala\n\n"
        "GABALA, Azerbaijan, Oct 7 (Wire) - Leaders of the Organization of Turkic States on Tuesday "
        "agreed to speed up work on the Middle Corridor, at a summit hosted by Azerbaijani President "
        "Ilham Aliyev in the resort town of Gabala.\n\n" + sentence + "\n"
    )
    (m,) = extract(text, published="2025-10-07").meetings
    assert m.body == "Council of Heads of State of the Organization of Turkic States"
    assert (m.acronym, m.number, m.date) == ("OTS", 12, "2025-10-07")
    names = {h.name for h in m.heads}
    assert {"Tayyip Erdogan", "Kassym-Jomart Tokayev", "Sadyr Japarov"} <= names
    assert "Viktor Orban" not in names


@pytest.mark.parametrize(
    "lead",
    [
        "Deputy Minister of Foreign Affairs Roman Vassilenko paid a working visit to Brussels on 3–4 "
        "March, during which the regular round of Kazakhstan–EU political consultations took place.",
        "On 3 March, Kazakhstan and the EU held political consultations in Brussels at the level of "
        "deputy foreign ministers.",
        "Regular Kazakhstan–EU Political Consultations were held in Brussels on 3 March.",
    ],
)
def test_a_round_of_consultations_without_an_ordinal_is_no_meeting(lead):
    text = "Kazakhstan and the EU hold consultations\n\n" + lead + "\n\nThe parties reviewed trade.\n"
    assert extract(text, published="2026-03-05").meetings == []


def test_a_numbered_round_of_consultations_is_a_meeting():
    text = (
        "Kazakhstan and the EU hold consultations\n\n"
        "The 7th round of Kazakhstan–EU Political Consultations was held in Brussels on 3 March.\n"
    )
    (m,) = extract(text, published="2026-03-05").meetings
    assert (m.number, m.date, m.place) == (7, "2026-03-03", "Brussels")


@pytest.mark.parametrize(
    "lead",
    [
        "On 16 June, the China–Central Asia Business Forum was held in Astana on the eve of the second "
        "China–Central Asia Summit.",
        "On 16 June, a business forum gathered 600 entrepreneurs in Astana in the run-up to the second "
        "China–Central Asia Summit.",
        "On 16 June, the business forum was held in Astana ahead of the 2nd China–Central Asia Summit.",
    ],
)
def test_a_summit_the_lead_measures_from_is_no_meeting(lead):
    text = "Business forum held in Astana\n\n" + lead + " Trade and logistics were discussed.\n"
    assert extract(text, published="2025-06-18").meetings == []


@pytest.mark.parametrize(
    "sentence",
    [
        "On the eve of the visit, the 11th meeting of the Intergovernmental Commission on Economic "
        "Cooperation was held in Astana, co-chaired by Deputy Prime Minister Serik Zhumangarin.",
        "The day before the talks, the 11th meeting of the Intergovernmental Commission on Economic "
        "Cooperation took place in Astana under the chairmanship of Deputy Prime Minister Serik Zhumangarin.",
        "On the eve of his visit, the Deputy Prime Ministers co-chaired the 11th meeting of the "
        "Intergovernmental Commission on Economic Cooperation in Astana.",
    ],
)
def test_a_sitting_on_the_eve_of_the_visit_is_the_day_before_the_dateline(sentence):
    text = (
        "Press Service of the President\n04.03.2026\n\n"
        "Presidents held talks in Astana\n\n"
        "President Kassym-Jomart Tokayev held talks with President of Turkmenistan Serdar "
        "Berdimuhamedov, who is in Kazakhstan on a state visit.\n\n"
        "The parties discussed the Trans-Caspian route. " + sentence + "\n"
    )
    ex = extract(text)
    (m,) = ex.meetings
    assert (m.number, m.date, m.place) == (11, "2026-03-03", "Astana")
    # the visit the text reports keeps the dateline's day
    assert [e.date for e in ex.events if e.name.startswith("state visit")] == ["2026-03-04"]


@pytest.mark.parametrize(
    "second",
    [
        "The EU delegation was led by High Representative Kaja Kallas, while Uzbekistan was represented "
        "by Foreign Minister Bakhtiyor Saidov.",
        "The EU delegation was led by High Representative Kaja Kallas, while Uzbekistan's delegation was "
        "led by Foreign Minister Bakhtiyor Saidov.",
        "The EU side was represented by High Representative Kaja Kallas; the Uzbek side was led by "
        "Foreign Minister Bakhtiyor Saidov.",
        "The EU delegation was led by High Representative Kaja Kallas, the Uzbek one by Foreign Minister "
        "Bakhtiyor Saidov.",
    ],
)
def test_the_side_a_chair_represents(second):
    text = (
        "Cooperation Council meets\n\n"
        "Today, the European Union and Uzbekistan held the 20th meeting of their Cooperation Council in "
        "Brussels. " + second + "\n"
    )
    (m,) = extract(text, published="2025-10-07").meetings
    assert {h.name: h.side for h in m.heads} == {
        "Kaja Kallas": "European Union",
        "Bakhtiyor Saidov": "Uzbekistan",
    }


@pytest.mark.parametrize(
    "second",
    [
        "The trilateral meeting, the fifth in the format since it was set up in 2022, brought together "
        "the three ministers.",
        "The trilateral meeting, the fifth of its kind, was chaired by the Kazakh minister.",
        "The trilateral meeting, the 5th in this format, took place at the port.",
    ],
)
def test_a_numbered_sitting_of_a_format_of_ministers(second):
    text = (
        "Corridor partners agree on a single tariff\n\n"
        "AKTAU, June 26 (Wire). Transport ministers of Azerbaijan, Georgia and Kazakhstan agreed in Aktau "
        "on Thursday to introduce a single through tariff.\n\n" + second + "\n"
    )
    (m,) = extract(text, published="2026-06-26").meetings
    assert m.body == "trilateral meeting of the transport ministers of Azerbaijan, Georgia and Kazakhstan"
    assert (m.number, m.date, m.place) == (5, "2026-06-25", "Aktau")


def test_an_unnumbered_informal_meeting_of_ministers_is_no_meeting():
    text = (
        "Ministers meet\n\n"
        "GABALA, Oct 7 (Wire). Foreign ministers of Azerbaijan, Kazakhstan and Turkey met informally on "
        "the eve of the summit to finalise the documents.\n"
    )
    assert extract(text, published="2025-10-07").meetings == []


def test_a_sitting_that_ended_on_a_day_of_a_range_keeps_the_range():
    text = (
        "Summit ends in Samarkand\n\n"
        "The first EU–Central Asia Summit ended in Samarkand on 4 April with a joint declaration.\n\n"
        "The summit, held on 3–4 April, brought together the leaders of the five countries.\n"
    )
    (m,) = extract(text, published="2025-04-04").meetings
    assert (m.date, m.date_end) == ("2025-04-03", "2025-04-04")
