"""Referenced events told in ways the earlier rules missed: calls with a day between, spaced-dash names,
editions, rounds "of which", visits "in the country", receptions of a delegation's head, day headings."""

from __future__ import annotations

import pytest

from communique import extract


def events(text: str, published: str = "2026-11-20") -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.date, e.place) for e in extract(text, published=published).events}


@pytest.mark.parametrize(
    "text",
    [
        "President of Uzbekistan Shavkat Mirziyoyev held a telephone conversation today with the President "
        "of the European Council António Costa.",
        "President of Uzbekistan Shavkat Mirziyoyev had a phone call yesterday with the President of the "
        "European Council António Costa.",
        "On Thursday, President of Uzbekistan Shavkat Mirziyoyev held a telephone conversation with the High "
        "Representative for Foreign Affairs and Security Policy / Vice-President of the Commission António "
        "Costa.",
    ],
)
def test_a_call_with_a_day_or_a_slashed_title_before_whom(text):
    ev = events(text)
    names = [n for n in ev if n.endswith("between Shavkat Mirziyoyev and António Costa")]
    assert len(names) == 1
    assert ev[names[0]][0] is not None and ev[names[0]][1] is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Leaders welcomed the results of the Central Asia – Germany Business Forum, which took place "
         "in Tashkent on 1 October 2026.", "Central Asia – Germany Business Forum"),
        ("Ministers attended the Kazakhstan – EU Investment Forum held in Astana on 3 March 2026.",
         "Kazakhstan – EU Investment Forum"),
        ("On 5 May 2026 the delegation took part in the Latvia – Uzbekistan Business Forum in Riga.",
         "Latvia – Uzbekistan Business Forum"),
    ],
)
def test_a_spaced_dash_between_two_capitalised_names_stays_in_the_name(text, name):
    assert name in events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Leaders met in Tashkent on 2 October 2026 for the Third Central Asia – Germany Summit. They "
        "welcomed the results of the Business Forum, which took place in Tashkent on the eve of the Summit.",
        "The Leaders met in Tashkent on 2 October 2026 for the Third Central Asia – Germany Summit. An "
        "Investment Forum was held in Tashkent on the eve of the Summit.",
        "The Leaders met in Tashkent on 2 October 2026 for the Third Central Asia – Germany Summit. A Youth "
        "Forum also took place in Tashkent on the eve of the Meeting.",
    ],
)
def test_on_the_eve_of_the_capitalised_summit_is_the_day_before(text):
    forums = {n: v for n, v in events(text, "2026-10-02").items() if n.endswith("Forum")}
    assert list(forums.values()) == [("2026-10-01", "Tashkent")]


@pytest.mark.parametrize(
    "text",
    [
        "They encouraged the early conclusion of negotiations on a migration agreement between Germany and "
        "Kyrgyzstan, the second round of which was held in Bishkek on 14–15 September 2026.",
        "The sides welcomed progress in the negotiations on a migration agreement between Germany and "
        "Kyrgyzstan, the second round of which took place in Bishkek on 14–15 September 2026.",
        "Germany and Kyrgyzstan continue negotiations on a migration agreement, the second round of which "
        "ended in Bishkek on 14–15 September 2026.",
    ],
)
def test_a_round_of_which_is_a_round_of_the_talks_named_before(text):
    ev = events(text, "2026-10-02")
    rounds = [n for n in ev if n.startswith("second round of negotiations on a migration agreement")]
    assert len(rounds) == 1 and ev[rounds[0]] == ("2026-09-14", "Bishkek")


@pytest.mark.parametrize(
    "text",
    [
        "ALMATY, 9 October 2026 – The third Central Asia Green Finance Forum, organised by the Astana "
        "International Financial Centre, concluded in Almaty today.",
        "The third Central Asia Green Finance Forum, hosted by the Astana International Financial Centre, "
        "took place in Almaty on 9 October 2026.",
        "On 9 October 2026 the third Central Asia Green Finance Forum, supported by the Tashkent Stock "
        "Exchange, was held in Almaty.",
    ],
)
def test_a_city_inside_an_organisers_name_is_not_the_place(text):
    ev = events(text, "2026-10-09")
    assert ev["third Central Asia Green Finance Forum"][1] == "Almaty"


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("The third Central Asia Green Finance Forum took place in Almaty on 9 October 2026. The fourth "
         "edition of the forum will be held in Tashkent in autumn 2027.",
         "fourth Central Asia Green Finance Forum", "Tashkent"),
        ("The Astana Mining and Metallurgy Congress was held in Astana on 9 October 2026. The next edition "
         "of the congress will take place in Almaty in June 2027.",
         "next Astana Mining and Metallurgy Congress", "Almaty"),
        ("The second Tashkent International Investment Forum took place in Tashkent on 9 October 2026. The "
         "5th edition of the forum is planned in Samarkand in 2028.",
         "5th Tashkent International Investment Forum", "Samarkand"),
    ],
)
def test_an_edition_of_the_occasion_named_before(text, name, place):
    ev = events(text, "2026-10-09")
    assert name in ev and ev[name][1] == place


@pytest.mark.parametrize(
    "text",
    [
        "Today President of the Kyrgyz Republic Sadyr Japarov received the President of the European Bank "
        "for Reconstruction and Development Odile Renaud-Basso, who is in the country on a working visit on "
        "24–26 November.",
        "On 25 November, the President of the Kyrgyz Republic Sadyr Japarov met the President of the "
        "European Bank for Reconstruction and Development Odile Renaud-Basso, who is in the country on a "
        "working visit on 24–26 November.",
        "In Bishkek, the Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek Kulubaev welcomed the "
        "President of the European Bank for Reconstruction and Development Odile Renaud-Basso, who is in the "
        "country on a working visit on 24–26 November.",
    ],
)
def test_a_working_visit_in_the_country_is_to_the_country_named_before(text):
    ev = events(text, "2026-11-25")
    visits = {n: v for n, v in ev.items() if n.startswith("working visit of ")}
    assert len(visits) == 1
    name, (day, place) = next(iter(visits.items()))
    assert "Odile Renaud-Basso to Kyrgyzstan" in name and day == "2026-11-24" and place == "Kyrgyzstan"


def test_an_undated_visit_framing_talks_stays_unread():
    ev = events(
        "On 13 May, Minister of Foreign Affairs of the Kyrgyz Republic Jeenbek Kulubaev, who is in Türkiye "
        "on a working visit, held talks with Minister of Foreign Affairs of Türkiye Hakan Fidan.",
        "2026-05-14",
    )
    assert not any(n.startswith("working visit") for n in ev)


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Today, President of the Kyrgyz Republic Sadyr Japarov received a delegation led by EBRD President "
         "Odile Renaud-Basso.", "Sadyr Japarov"),
        ("On 25 November, Prime Minister Olzhas Bektenov received a delegation headed by the President of "
         "the European Bank for Reconstruction and Development Odile Renaud-Basso.", "Olzhas Bektenov"),
        ("On Wednesday, Minister of Foreign Affairs Bakhtiyor Saidov received the delegation led by "
         "President of the EBRD Odile Renaud-Basso.", "Bakhtiyor Saidov"),
    ],
)
def test_a_reception_of_a_delegation_is_of_its_head(text, host):
    ev = events(text, "2026-11-25")
    names = [n for n in ev if n.startswith("reception of Odile Renaud-Basso by ") and n.endswith(host)]
    assert len(names) == 1 and ev[names[0]][0] == "2026-11-25"


@pytest.mark.parametrize(
    "second",
    [
        "Earlier on Wednesday, the EBRD President held talks with the Chairman of the Cabinet of Ministers "
        "Adylbek Kasymaliev.",
        "On Wednesday the EBRD President also held talks with the Chairman of the Cabinet of Ministers "
        "Adylbek Kasymaliev.",
        "On 25 November, the EBRD President held talks with the Chairman of the Cabinet of Ministers Adylbek "
        "Kasymaliev.",
    ],
)
def test_a_title_opened_by_an_acronym_names_the_person_again(second):
    ev = events(
        "EBRD President Odile Renaud-Basso is in Bishkek on a working visit. " + second, "2026-11-25"
    )
    assert ev.get("talks between Odile Renaud-Basso and Adylbek Kasymaliev", (None,))[0] == "2026-11-25"


@pytest.mark.parametrize(
    ("second", "day"),
    [
        ("On Thursday she is scheduled to visit the Issyk-Kul region.", "2026-11-26"),
        ("Tomorrow she will visit the Naryn region.", "2026-11-26"),
        ("On Friday she is expected to visit the Chui region.", "2026-11-27"),
    ],
)
def test_a_planned_visit_told_by_a_pronoun(second, day):
    ev = events(
        "On Wednesday, EBRD President Odile Renaud-Basso held talks with the Chairman of the Cabinet of "
        "Ministers Adylbek Kasymaliev. " + second,
        "2026-11-25",
    )
    visits = {n: v for n, v in ev.items() if n.startswith("visit of Odile Renaud-Basso to the ")}
    assert len(visits) == 1 and next(iter(visits.values()))[0] == day
    assert next(iter(visits)).endswith(" region")


@pytest.mark.parametrize(
    "item",
    [
        "Saturday, 7 November – field visit to Samarkand, including a visit to a vocational training centre.",
        "Saturday, 7 November – a visit to Samarkand and a meeting with students.",
        "Saturday, 7 November: field visit to Samarkand.",
    ],
)
def test_a_day_heading_with_a_comma_dates_the_item_after_it(item):
    text = (
        "The delegation met in Tashkent on 5–6 November 2026.\n\n"
        "Wednesday, 4 November – the delegation was received by the Speaker of the Legislative Chamber, "
        "Nuriddinjon Ismoilov.\n\n" + item
    )
    ev = events(text, "2026-11-09")
    visits = [v for n, v in ev.items() if "visit to Samarkand" in n]
    assert visits == [("2026-11-07", "Samarkand")]


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("The European Investment Bank and the Ministry of Finance of Kazakhstan today signed a EUR 180 "
         "million finance contract for a wind farm. The loan was signed in Astana by the EIB Vice-President.",
         "signing of a finance contract for a wind farm", "Astana"),
        ("DBK and AFD signed a credit line agreement of EUR 100 million in Paris on 14 September.",
         "signing of a credit line agreement", "Paris"),
        ("The loan, signed in Almaty on 14 September, will finance a terminal at the port of Aktau.",
         "signing of the loan", "Almaty"),
        ("On Monday, a grant agreement worth EUR 20 million was signed in Dushanbe by the Minister of "
         "Finance and the Head of the EU Delegation.", "signing of a grant agreement", "Dushanbe"),
    ],
)
def test_a_signing_the_text_reports_as_its_news_is_an_occasion(text, name, place):
    ev = events(text, "2026-09-15")
    assert name in ev and ev[name][1] == place and ev[name][0] in ("2026-09-14", "2026-09-15")


@pytest.mark.parametrize(
    "text",
    [
        "Today in Bishkek, the Ambassador of the European Union, Aleksandra Nowak, and the Minister of "
        "Finance, Almaz Baketaev, signed the Financing Agreement for the rural programme.",
        "The Ambassador of the European Union Aleksandra Nowak and the Minister of Finance Almaz Baketaev "
        "signed the Financing Agreement for the rural programme in Bishkek today.",
        "The Financing Agreement for the rural programme was signed in Bishkek today by the Ambassador of "
        "the European Union Aleksandra Nowak.",
    ],
)
def test_a_signing_is_named_by_what_was_signed_not_who_signed(text):
    ev = events(text, "2026-09-15")
    assert ev.get("signing of the Financing Agreement for the rural programme") == ("2026-09-15", "Bishkek")


def test_a_signing_the_same_day_takes_the_day_an_earlier_sentence_opens_with():
    ev = events(
        "Yesterday, the President received the EU Special Representative. Trade is growing today. On the "
        "same day, at the Ministry of Foreign Affairs in Ashgabat, a Financing Agreement was signed.",
        "2026-03-18",
    )
    assert ev.get("signing of a Financing Agreement") == ("2026-03-17", "Ashgabat")


@pytest.mark.parametrize(
    "text",
    [
        "Tajikistan and the EU are bound by the Partnership and Cooperation Agreement signed in 2004.",
        "The memorandum signed between Kazakhstan and the EU in November 2022 set up a partnership.",
        "The EPCA was signed in Astana on 21 December 2015 and entered into force on 1 March 2020.",
        "Following the meeting, the Minister of Finance and the EBRD Managing Director signed a loan "
        "agreement of USD 40 million.",
        '"The loan agreements signed today go straight to the point," the Ambassador said in Dushanbe.',
        "ALMATY, 15 September 2026 – The EBRD has signed a loan of 25 billion tenge with a leasing company.",
        "At the Investment Forum in Tashkent on 14–15 September, the Fund signed three loan agreements.",
        "The Agreement on visa facilitation was signed in Brussels on 14 September by the two ministers.",
    ],
)
def test_an_agreements_history_or_an_undated_signing_is_no_occasion(text):
    assert not any(n.startswith("signing of") for n in events(text, "2026-09-15"))


@pytest.mark.parametrize(
    ("text", "name", "day", "place"),
    [
        ('The leaders reviewed the agreements reached at the first "Central Asia – European Union" summit '
         "in Samarkand in April last year.",
         'first "Central Asia – European Union" summit', "2025-04", "Samarkand"),
        ('We look forward to the second "Central Asia – Italy" summit, which Italy has offered to host in '
         "Rome in 2027.", 'second "Central Asia – Italy" summit', "2027", "Rome"),
        ("The ministers prepared the third “Central Asia – Japan” dialogue, to be held in Tokyo in 2027.",
         "third “Central Asia – Japan” dialogue", "2027", "Tokyo"),
    ],
)
def test_a_formats_sitting_named_by_the_format_in_quotes(text, name, day, place):
    assert events(text).get(name) == (day, place)


@pytest.mark.parametrize(
    ("text", "name", "day"),
    [
        ('On 30 May 2025, the leaders of our six countries met in Astana for the first "Central Asia – '
         'Italy" summit.', 'first "Central Asia – Italy" summit', "2025-05-30"),
        ("The foreign ministers met in Astana on 3 May 2025 for the Central Asia–EU Ministerial Meeting.",
         "Central Asia–EU Ministerial Meeting", "2025-05-03"),
        ("On 3 May 2025, the heads of state gathered in Astana for their annual summit.", "annual summit",
         "2025-05-03"),
    ],
)
def test_who_met_in_a_city_for_an_occasion_gives_the_occasion_that_city(text, name, day):
    ev = events(text)
    assert ev.get(name) == (day, "Astana")
    assert not any(n.startswith("meeting of the") for n in ev)


SITTING = (
    "The sixth meeting of the Trilateral Ministerial Council of Azerbaijan, Georgia and Kazakhstan was held "
    "in Tbilisi on 24 September. The meeting was chaired by the Minister of Economy of Georgia Levan "
    "Davitashvili. The Kazakh delegation was headed by Minister of Transport Nurlan Sauranbayev. "
)


@pytest.mark.parametrize(
    "text",
    [
        "On 25 September, the delegations will visit the construction site of the Anaklia deep-sea port.",
        "On 25 September, the ministers are scheduled to visit the construction site of the Anaklia deep-sea "
        "port.",
        "On 25 September, the participants will also tour the construction site of the Anaklia deep-sea "
        "port.",
    ],
)
def test_a_planned_visit_to_a_site(text):
    ev = events(SITTING + text, "2026-09-24")
    assert ev.get("visit to the construction site of the Anaklia deep-sea port", (None,))[0] == "2026-09-25"


@pytest.mark.parametrize(
    "text",
    [
        "Earlier in the day, Levan Davitashvili held a bilateral meeting with Nurlan Sauranbayev.",
        "Later in the day, Levan Davitashvili held talks with Nurlan Sauranbayev.",
        "Earlier that day, Levan Davitashvili held a separate meeting with Nurlan Sauranbayev.",
    ],
)
def test_talks_of_two_heads_earlier_or_later_in_the_day_are_their_own_occasion(text):
    ev = events(SITTING + text, "2026-09-24")
    names = [n for n in ev if "Levan Davitashvili" in n and "Nurlan Sauranbayev" in n]
    assert len(names) == 1 and ev[names[0]][0] == "2026-09-24"


@pytest.mark.parametrize(
    "text",
    [
        "Earlier in the day, Levan Davitashvili held a bilateral meeting with Nurlan Sauranbayev, during "
        "which the sides discussed the launch of a new container train service between Altynkol and Poti.",
        "The ministers also discussed the launch of a container train service between Altynkol and Poti.",
        "The parties considered the possible launch of a ferry line between Aktau and Poti.",
    ],
)
def test_a_launch_talked_over_is_no_occasion_and_gives_no_place(text):
    ev = events(SITTING + text, "2026-09-24")
    assert not any(n.startswith("launch of") for n in ev)
    assert all(v[1] != "Poti" for v in ev.values())


@pytest.mark.parametrize(
    "text",
    [
        '"The corridor works," Minister Davitashvili said at the joint press conference after the meeting.',
        "The ministers answered questions at a joint press conference after the meeting.",
        "The protocol was presented to journalists at a joint news conference shortly after the meeting.",
    ],
)
def test_a_press_conference_after_the_sitting_is_where_the_sitting_was(text):
    ev = events(SITTING + text, "2026-09-24")
    conf = [v for n, v in ev.items() if n.endswith("conference")]
    assert conf == [("2026-09-24", "Tbilisi")]


@pytest.mark.parametrize(
    ("first", "second", "name"),
    [
        ("DBK and AFD signed a credit line agreement of EUR 100 million in Paris on 14 September.",
         "The agreement was signed by the two chairmen on the sidelines of the Kazakhstan-France business "
         "council.", "Kazakhstan-France business council"),
        ("The European Union and the Government of Tajikistan on Monday signed three financing agreements.",
         "The documents were signed in Dushanbe by the two ministers on the sidelines of the annual "
         "EU-Tajikistan development cooperation dialogue.", "EU-Tajikistan development cooperation dialogue"),
        ("The EIB and the Ministry of Finance signed a loan in Tashkent on 14 September.",
         "The loan was signed on the sidelines of the regular Uzbekistan-EIB investment forum.",
         "Uzbekistan-EIB investment forum"),
    ],
)
def test_an_occasion_on_whose_sidelines_a_signing_was_done_takes_its_day_and_city(first, second, name):
    ev = events(first + " It will fund green projects. " + second, "2026-09-15")
    signing = [v for n, v in ev.items() if n.startswith("signing of")]
    host = [v for n, v in ev.items() if n.lower().replace("–", "-") == name.lower()]
    assert len(signing) == 1 and signing[0][1] in ("Paris", "Dushanbe", "Tashkent")
    assert host == signing


@pytest.mark.parametrize(
    ("second", "name", "day"),
    [
        ("On the second day of the visit, Emmanuel Macron held talks with Prime Minister Alikhan Smailov in "
         "Astana.", "talks between Emmanuel Macron and Alikhan Smailov", "2023-11-02"),
        ("During the third day of his visit, Emmanuel Macron met with Prime Minister Alikhan Smailov in "
         "Almaty.", "meeting of Emmanuel Macron with Alikhan Smailov", "2023-11-03"),
        ("On the final day of the state visit, a business forum was held in Astana.", "business forum",
         "2023-11-03"),
        ("On the first day of the visit, a round table on water diplomacy was held in Astana.",
         "round table on water diplomacy", "2023-11-01"),
    ],
)
def test_the_nth_day_of_an_occasion_counts_from_its_first_day(second, name, day):
    ev = events(
        "President Emmanuel Macron paid a state visit to Kazakhstan on 1–3 November 2023. " + second,
        "2023-11-03",
    )
    assert ev.get(name, (None,))[0] == day


COUNCIL = (
    "The 11th meeting of the EU–Tajikistan Cooperation Council took place in Brussels on 16 November 2026. "
)


@pytest.mark.parametrize(
    "text",
    [
        "The third round of negotiations took place in Dushanbe on 22–24 September 2026, and both sides "
        "agreed to hold the next round in Brussels in early 2027.",
        "Negotiations on the new agreement are progressing well. The parties plan to hold the next round in "
        "Brussels in early 2027.",
        "The sides welcomed the talks on visa facilitation and agreed that the next round will take place in "
        "Brussels in early 2027.",
    ],
)
def test_the_next_round_after_talks_is_a_round_of_those_talks(text):
    ev = events(COUNCIL + text, "2026-11-16")
    nxt = {n: v for n, v in ev.items() if n.startswith("next round of ")}
    assert list(nxt.values()) == [("2027", "Brussels")]
    assert not any("round of the EU–Tajikistan Cooperation Council" in n for n in ev)


@pytest.mark.parametrize(
    ("item", "day"),
    [
        ("5. Briefing for the diplomatic corps on the Astana International Forum\n12.11.2026\n\nThe Ministry "
         "held a briefing today for heads of diplomatic missions.", "2026-11-12"),
        ("3. Round table on water diplomacy\n11.11.2026\n\nExperts from five countries took part.",
         "2026-11-11"),
        ("Seminar on customs cooperation\n10.11.2026\n\nThe seminar brought together customs officers.",
         "2026-11-10"),
    ],
)
def test_a_digest_items_title_takes_the_day_on_the_line_below(item, day):
    text = (
        "DAILY NEWS DIGEST\n\n1. Minister receives Ambassador\n09.11.2026\n\nThe Minister received the "
        "Ambassador of Latvia on Monday.\n\n" + item
    )
    ev = events(text, "2026-11-12")
    got = [(n, v) for n, v in ev.items() if "\n" not in n and v[0] == day]
    assert len(got) == 1 and not any("\n" in n for n in ev)


@pytest.mark.parametrize(
    "text",
    [
        "A round of political consultations between the foreign ministries of Kazakhstan and Latvia took "
        "place in Riga on 11 November.",
        "Political consultations between the foreign ministries of Kazakhstan and Latvia were held in Riga "
        "on 11 November.",
        "On 11 November, political consultations between the foreign ministries of Kazakhstan and Latvia "
        "were held in Riga.",
    ],
)
def test_consultations_between_named_parties_keep_those_parties(text):
    ev = events(
        "The 6th meeting of the Kazakhstan – European Union Sub-Committee on Justice was held on 10 November "
        "via videoconference. " + text,
        "2026-11-12",
    )
    names = [n for n in ev if "consultations between the foreign ministries of Kazakhstan and Latvia" in n]
    assert len(names) == 1 and ev[names[0]] == ("2026-11-11", "Riga")


@pytest.mark.parametrize(
    "text",
    [
        "27 October 2022 – President of the European Council Charles Michel visits Astana for the second "
        "meeting of the leaders of the EU and Central Asia.",
        "On 27 October 2022, President of the European Council Charles Michel visited Astana for the second "
        "meeting of the leaders of the EU and Central Asia.",
        "On 27 October 2022 President of the European Council Charles Michel travelled to Astana for the "
        "second meeting of the leaders of the EU and Central Asia.",
    ],
)
def test_a_visit_told_in_the_narrative_present_and_the_occasion_it_was_for(text):
    ev = events(text, "2026-11-20")
    assert ev.get("visit of Charles Michel to Astana") == ("2022-10-27", "Astana")
    assert ev.get("second meeting of the leaders of the EU and Central Asia") == ("2022-10-27", "Astana")


def weekly(text: str) -> dict[str, tuple[str | None, str | None]]:
    lead = "Astana, 10 June 2026 – The Ministry of Foreign Affairs published its weekly review.\n\n"
    return events(lead + text, "2026-06-10")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The EU Special Representative for Central Asia Terhi Hakala held consultations with Deputy Foreign "
         "Minister Roman Vassilenko in Astana on 2 June.",
         "consultations between Terhi Hakala and Roman Vassilenko"),
        ("On 2 June, Deputy Foreign Minister Roman Vassilenko held consultations with the Secretary "
         "General of the Ministry of Foreign Affairs of Latvia Andris Pelšs in Astana.",
         "consultations between Roman Vassilenko and Andris Pelšs"),
        ("In Astana on 2 June, the Ambassador of the European Union Aleška Simkić held consultations with "
         "Deputy Minister of Foreign Affairs Alibek Bakayev.",
         "consultations between Aleška Simkić and Alibek Bakayev"),
    ],
)
def test_consultations_two_people_held_are_named_by_them(text, name):
    assert weekly(text).get(name) == ("2026-06-02", "Astana")


@pytest.mark.parametrize(
    ("text", "name", "day"),
    [
        ("The foreign ministers of the C5+1 held their annual meeting in New York on 24 September.",
         "annual meeting of the foreign ministers of the C5+1", "2025-09-24"),
        ("The foreign ministers of Central Asia held their regular meeting in Astana on 2 June.",
         "regular meeting of the foreign ministers of Central Asia", "2026-06-02"),
        ("The heads of state of the Organization of Turkic States held their informal meeting in Astana on "
         "2 June.", "informal meeting of the heads of state of the Organization of Turkic States",
         "2026-06-02"),
    ],
)
def test_a_group_that_held_its_meeting(text, name, day):
    assert weekly(text).get(name, (None,))[0] == day


@pytest.mark.parametrize(
    "text",
    [
        "The President received a delegation of the European Business Association on 2 June.",
        "The Prime Minister received a delegation of the European Business Association in the Government "
        "House on 2 June.",
        "On 2 June, the Minister received a delegation of the European Business Association.",
    ],
)
def test_a_reception_of_a_delegation_dated_anywhere_in_its_sentence(text):
    ev = weekly(text)
    assert ev.get("reception of the European Business Association delegation", (None,))[0] == "2026-06-02"


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("On 12 March, Minister of Foreign Affairs Murat Nurtleu took part in the OSCE Ministerial Council "
         "in Vienna.", "OSCE Ministerial Council", "Vienna"),
        ("On 12 March, the Minister attended the OSCE Ministerial Council in Vienna.",
         "OSCE Ministerial Council", "Vienna"),
        ("On 12 March, the Minister addressed the OSCE Ministerial Council held in Vienna.",
         "OSCE Ministerial Council", "Vienna"),
    ],
)
def test_an_organisations_organ_someone_attends_is_an_occasion(text, name, place):
    assert weekly(text).get(name) == ("2026-03-12", place)


@pytest.mark.parametrize(
    "text",
    [
        "Earlier this week, the Minister of Energy Almasadam Satkaliyev met with EU Commissioner Dan "
        "Jørgensen in Brussels.",
        "This week the Minister of Energy Almasadam Satkaliyev held talks with EU Commissioner Dan Jørgensen "
        "in Brussels.",
        "Later this week, the Minister of Energy Almasadam Satkaliyev will hold talks with EU Commissioner "
        "Dan Jørgensen in Brussels.",
    ],
)
def test_this_week_dates_an_encounter_to_its_month(text):
    ev = weekly(text)
    got = [v for n, v in ev.items() if "Almasadam Satkaliyev" in n and "Dan Jørgensen" in n]
    assert got == [("2026-06", "Brussels")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On the eve of the meeting, 20 May: the EU delegation visits the Astana Hub technology park.",
         "visit of the EU delegation to the Astana Hub technology park"),
        ("20 May – the Latvian delegation visits the Almaty Tech Garden innovation cluster.",
         "visit of the Latvian delegation to the Almaty Tech Garden innovation cluster"),
        ("20 May: a European business delegation tours the Tashkent IT Park.",
         "visit of a European business delegation to the Tashkent IT Park"),
    ],
)
def test_a_delegation_visits_a_site_named_after_its_city(text, name):
    assert events(text, "2026-05-22").get(name, (None,))[0] == "2026-05-20"


@pytest.mark.parametrize(
    ("text", "name", "day", "place"),
    [
        ("The signing ceremony took place in Astana on 3 June.", "signing ceremony", "2026-06-03", "Astana"),
        ("A signing ceremony held on 3 June saw the two exchanges sign a memorandum.", "signing ceremony",
         "2026-06-03", None),
        ("An official welcoming ceremony for President Emmanuel Macron took place in Astana on 3 June.",
         "official welcoming ceremony for President Emmanuel Macron", "2026-06-03", "Astana"),
        ("A memorial ceremony was held in Almaty on 31 May.", "memorial ceremony", "2026-05-31", "Almaty"),
    ],
)
def test_a_kind_of_ceremony_told_as_held(text, name, day, place):
    assert weekly(text).get(name) == (day, place)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On 5 June, Minister Murat Nurtleu had a working breakfast with EU Commissioner Jozef Síkela in "
         "Brussels.", "working breakfast with Jozef Síkela"),
        ("On 5 June, Deputy Minister Roman Vassilenko held a working lunch with the Head of the EU "
         "Delegation Aleška Simkić in Brussels.", "working lunch with Aleška Simkić"),
        ("Wednesday, 5 June – the delegation was received by the Speaker of the Legislative Chamber, "
         "Nuriddinjon Ismoilov, and held a working lunch with the Head of the EU Delegation, Ambassador "
         "Toivo Klaar.",
         "working lunch with Toivo Klaar"),
    ],
)
def test_a_working_meal_with_someone_is_an_occasion(text, name):
    assert weekly(text).get(name, (None,))[0] == "2026-06-05"


@pytest.mark.parametrize(
    "text",
    [
        "The Prime Minister of Kazakhstan Olzhas Bektenov and the President of the European Council António "
        "Costa held talks in Brussels on 5 June.",
        "Prime Minister Olzhas Bektenov and President of the European Council António Costa held talks on 5 "
        "June in Brussels.",
        "Prime Minister Olzhas Bektenov and President of the European Council António Costa held bilateral "
        "talks in Brussels on 5 June, focusing on energy.",
    ],
)
def test_two_who_held_talks_dated_after_the_talks(text):
    assert weekly(text).get("talks between Olzhas Bektenov and António Costa") == ("2026-06-05", "Brussels")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Dear colleagues,\n\nIt is a great pleasure to welcome you to Tashkent for the second Central Asia "
         "– EU Connectivity Forum.", "Tashkent"),
        ("Tashkent, 10 June 2026\n\nLadies and gentlemen,\n\nI am glad to welcome you to the second Central "
         "Asia – EU Connectivity Forum.", "Tashkent"),
        ("Excellencies,\n\nAllow me to welcome all of you to Samarkand at the second Central Asia – EU "
         "Connectivity Forum.", "Samarkand"),
    ],
)
def test_the_occasion_a_speech_welcomes_its_audience_to_is_the_texts_day(text, place):
    ev = events(text, "2026-06-10")
    assert ev.get("second Central Asia – EU Connectivity Forum") == ("2026-06-10", place)


@pytest.mark.parametrize(
    ("second", "name"),
    [
        ("We look forward to welcoming you again at the third forum in Almaty next year.",
         "third Central Asia – EU Connectivity Forum"),
        ("The next forum will take place in Almaty next year.", "next Central Asia – EU Connectivity Forum"),
        ("Kazakhstan offered to host the 3rd forum in Almaty next year.",
         "3rd Central Asia – EU Connectivity Forum"),
    ],
)
def test_an_edition_named_by_number_and_noun_takes_the_name_before(second, name):
    first = "The second Central Asia – EU Connectivity Forum took place in Tashkent on 9 June 2026. "
    ev = events(first + second, "2026-06-10")
    assert ev.get(name) == ("2027", "Almaty")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("This morning Minister of Foreign Affairs Yermek Kosherbayev had a telephone conversation with the "
         "Minister of Foreign Affairs of Latvia Baiba Braže.", "2026-11-12"),
        ("Yesterday evening, Minister of Foreign Affairs Yermek Kosherbayev had a telephone conversation "
         "with the Minister of Foreign Affairs of Latvia Baiba Braže.", "2026-11-11"),
        ("Minister of Foreign Affairs Yermek Kosherbayev will hold a phone call tomorrow morning with the "
         "Minister of Foreign Affairs of Latvia Baiba Braže.", "2026-11-13"),
    ],
)
def test_a_part_of_a_day_dates_an_occasion(text, day):
    ev = events(text, "2026-11-12")
    got = [v for n, v in ev.items() if "Yermek Kosherbayev" in n and "Baiba Braže" in n]
    assert got == [(day, None)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The parties agreed that the round of negotiations on the accession, held in Geneva last week, was "
         "an important step.", "round of negotiations on the accession"),
        ("The round of talks on the new agreement took place in Geneva last week.",
         "round of talks on the new agreement"),
        ("Both sides praised the round of consultations on visa facilitation, which was held in Geneva last "
         "week.", "round of consultations on visa facilitation"),
    ],
)
def test_the_round_of_talks_told_as_held(text, name):
    ev = events(text, "2026-11-20")
    assert ev.get(name, (None, None))[1] == "Geneva" and ev[name][0].startswith("2026-11")


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday, Ambassador Aleška Simkić, Head of the EU Delegation to Kazakhstan, opened a film "
        "festival. On Monday the Ambassador met students of KIMEP University.",
        "Ambassador Aleška Simkić, Head of the EU Delegation to Kazakhstan, arrived in Almaty. On Monday, "
        "the Ambassador met students of KIMEP University.",
        "Commissioner Aleška Simkić spoke at the opening of the festival. On Monday the Commissioner met "
        "students of KIMEP University.",
    ],
)
def test_a_one_word_title_before_a_name_names_the_person_again(text):
    ev = events(text, "2026-04-23")
    assert ev.get("meeting of Aleška Simkić with students of KIMEP University", (None,))[0] == "2026-04-20"


@pytest.mark.parametrize(
    "text",
    [
        "A: The Tashkent International Investment Forum on 9–11 June, where we expect a strong European "
        "presence, and the second EU–Central Asia Summit in Tashkent in May.",
        "Next on the agenda are the Astana Mining Congress on 2 June and the second EU–Central Asia Summit "
        "in Tashkent in May.",
        "Ahead of us: the Tashkent Investment Forum on 9 June and then the second EU–Central Asia Summit in "
        "Tashkent in May.",
    ],
)
def test_a_month_listed_after_an_occasion_dated_ahead_is_ahead(text):
    lead = "Q: Minister, thank you for the interview. What comes next?\n\n"
    assert events(lead + text, "2026-02-20").get("2nd EU–Central Asia Summit") == ("2026-05", "Tashkent")


def test_a_month_after_an_occasion_dated_before_stays_before():
    text = "Q: What came before?\n\nThe Astana Mining Congress on 2 February and the second EU–Central Asia "
    text += "Summit in Tashkent in May."
    assert events(text, "2026-02-20").get("2nd EU–Central Asia Summit") == ("2025-05", "Tashkent")


@pytest.mark.parametrize(
    "day_before",
    [
        "In Tashkent on Wednesday, the High Representative Kaja Kallas was received by President Shavkat "
        "Mirziyoyev. She then held talks with the Minister of Foreign Affairs, Bakhtiyor Saidov.",
        "On Wednesday, the High Representative Kaja Kallas arrived in Tashkent. She later held talks with "
        "the Minister of Foreign Affairs, Bakhtiyor Saidov.",
        "On Wednesday, the High Representative Kaja Kallas visited Tashkent. She also held talks with the "
        "Minister of Foreign Affairs, Bakhtiyor Saidov.",
    ],
)
def test_the_sittings_two_heads_talking_on_another_day_of_the_trip(day_before):
    text = (
        day_before + "\n\nOn Thursday in Samarkand, the High Representative Kaja Kallas and Minister "
        "Bakhtiyor Saidov co-chaired the 19th meeting of the EU–Uzbekistan Cooperation Council."
    )
    ev = events(text, "2026-04-24")
    assert ev.get("talks between Kaja Kallas and Bakhtiyor Saidov", (None,))[0] == "2026-04-22"


def test_a_year_a_plan_runs_to_does_not_make_a_month_ahead():
    text = (
        "Q: What came before?\n\nThe visit followed a road map agreed until 2030 and the second "
        "EU–Central Asia Summit in Tashkent in May."
    )
    assert events(text, "2026-02-20").get("2nd EU–Central Asia Summit") == ("2025-05", "Tashkent")


@pytest.mark.parametrize(
    ("second", "name", "day"),
    [
        ("The forum was opened on Thursday by the Deputy Prime Minister.", "opening of the forum",
         "2026-10-08"),
        ("The exhibition was officially opened on Thursday by the Minister of Culture.",
         "opening of the exhibition", "2026-10-08"),
        ("The conference was closed on Friday by the Ambassador.", "closing of the conference", "2026-10-09"),
    ],
)
def test_the_opening_or_closing_of_an_occasion_named_before(second, name, day):
    first = {
        "forum": "The third Central Asia Green Finance Forum concluded in Almaty today. ",
        "exhibition": "The Kazakh Heritage Exhibition took place in Almaty on 8–9 October. ",
        "conference": "The Central Asia Water Conference took place in Almaty on 8–9 October. ",
    }[name.split()[-1]]
    ev = events(first + second + " The fourth edition of the forum will be held in Tashkent in 2027.",
                "2026-10-09")
    assert ev.get(name, (None,))[0] == day
    assert not any(n.startswith("fourth opening") or n.startswith("fourth closing") for n in ev)


@pytest.mark.parametrize(
    "pair",
    [
        "The forum was opened on Thursday. The forum was closed on Friday.",
        "The conference was opened on Thursday. The conference was formally closed on Friday.",
        "The exhibition was inaugurated on Thursday. The exhibition was closed on Friday.",
    ],
)
def test_an_opening_told_just_before_a_closing_does_not_hide_it(pair):
    """Each verb is read from a window of the 60 characters before it: a match of the sentence
    just before (the opening) must not stand for the closing's own."""
    noun = pair.split()[1]
    first = f"The Central Asia Investment {noun.capitalize()} took place in Almaty on 8–9 October. "
    ev = events(first + pair, "2026-10-09")
    assert ev.get(f"opening of the {noun}", (None,))[0] == "2026-10-08"
    assert ev.get(f"closing of the {noun}", (None,))[0] == "2026-10-09"
