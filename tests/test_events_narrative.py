"""Occasions told in narrative prose (interpret.events): wire stories, press-conference transcripts, business
news — talks told as a noun, press conferences after a sitting, signings no sentence places — our own
sentences."""

from __future__ import annotations

from communique import extract


def events(text: str, published: str = "2026-11-19") -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.date, e.place) for e in extract(text, published=published).events}


# --- a bank's signing the story reports, placed nowhere, named by who signed with whom ---------------------


def test_an_unplaced_loan_signing_named_by_lender_and_borrower():
    text = (
        "ASTANA — The European Investment Bank (EIB) on Wednesday signed a EUR 150 million loan with "
        "Kazakhstan's grid operator KEGOC to connect new wind farms to the national network, the bank said."
    )
    assert events(text, "2026-11-19")["signing of the EIB loan to KEGOC"][0] == "2026-11-18"


def test_an_unplaced_loan_signing_with_its_amount_after_the_noun():
    text = (
        "The European Bank for Reconstruction and Development (EBRD) has signed a loan of EUR 90 million "
        "with Uzbekistan Railways to renew its rolling stock, the bank said on Monday."
    )
    assert events(text, "2026-11-17")["signing of the EBRD loan to Uzbekistan Railways"][0] == "2026-11-16"


def test_an_unplaced_grant_agreement_signing_with_a_ministry():
    text = (
        "Separately, Germany's development bank KfW signed a 20 million euro grant agreement with the Tajik "
        "Ministry of Energy on Tuesday for small hydropower plants in the Pamirs, the ministry said."
    )
    ev = events(text, "2026-11-19")
    assert ev["signing of the KfW grant agreement with the Tajik Ministry of Energy"][0] == "2026-11-17"


def test_a_signing_years_back_is_no_occasion():
    text = (
        "The EBRD signed a loan of EUR 40 million with Georgian Railway in 2019 to modernise the line to "
        "Poti, the bank recalled on Monday."
    )
    assert not any(n.startswith("signing of") for n in events(text, "2026-11-17"))


# --- talks told as a noun after a preposition -------------------------------------------------------------


def test_talks_after_which_the_subject_spoke():
    text = (
        "ASTANA, Nov 17 (Central Asia Wire) - The European Union is ready to help Kazakhstan tighten export "
        "controls, Kaja Kallas, the EU foreign policy chief, said on Tuesday after talks with Kazakh Foreign "
        "Minister Murat Nurtleu."
    )
    assert events(text, "2026-11-17")["talks between Kaja Kallas and Murat Nurtleu"][0] == "2026-11-17"


def test_planned_talks_a_trip_is_for():
    text = (
        "Commissioner Jozef Síkela visited the Aktau port on Monday. Síkela is due to travel on to Dushanbe "
        "on Wednesday for talks with President Emomali Rahmon on water and energy."
    )
    assert events(text, "2026-11-17")["talks between Jozef Síkela and Emomali Rahmon"][0] == "2026-11-18"


def test_talks_following_which_a_minister_spoke_to_journalists():
    text = (
        "Foreign Minister Bakhtiyor Saidov spoke to journalists in Tbilisi on 4 May following separate talks "
        "with Prime Minister Irakli Kobakhidze."
    )
    ev = events(text, "2026-05-05")
    assert ev["talks between Bakhtiyor Saidov and Irakli Kobakhidze"][0] == "2026-05-04"


def test_talks_with_an_institution_or_undated_are_no_occasion():
    text = "Minister Murat Nurtleu said on Tuesday after talks with the European Commission that visas wait."
    assert not any(n.startswith("talks between") for n in events(text, "2026-11-17"))
    text = "Kaja Kallas has often spoken of progress after talks with Foreign Minister Murat Nurtleu."
    assert not any(n.startswith("talks between") for n in events(text, "2026-11-17"))


# --- a press conference named by the sitting it follows ---------------------------------------------------

TRANSCRIPT = (
    "Press remarks | Transcript\n\n"
    "Brussels, 12/10/2026\n\n"
    "Press conference by High Representative Kaja Kallas and Minister of Foreign Affairs of Mongolia "
    "Battsetseg Batmunkh following the 12th meeting of the EU–Mongolia Joint Committee\n\n"
    "KALLAS: Good afternoon. Today Minister Batmunkh and I co-chaired the twelfth meeting of the EU–Mongolia "
    "Joint Committee in Brussels. We discussed raw materials and connectivity.\n"
)


def test_a_transcript_title_names_the_press_conference_after_the_sitting():
    ev = events(TRANSCRIPT, "2026-10-12")
    name = "press conference following the 12th meeting of the EU–Mongolia Joint Committee"
    assert ev[name][0] == "2026-10-12"


def test_a_joint_press_conference_after_a_summit_line():
    text = (
        "TRANSCRIPT\n\nJoint press conference after the Second EU–Central Asia Summit\nSamarkand, Friday, 3 "
        "April 2026\n\nMODERATOR: Good afternoon and welcome.\n"
    )
    ev = events(text, "2026-04-03")
    assert ev["joint press conference after the Second EU–Central Asia Summit"][0] == "2026-04-03"


def test_a_news_conference_following_a_forum_in_a_report():
    text = (
        "Minister Laziz Kudratov told a news conference following the Tashkent International Investment "
        "Forum on 10 June that 120 agreements had been signed."
    )
    ev = events(text, "2026-06-11")
    assert ev["news conference following the Tashkent International Investment Forum"][0] == "2026-06-10"
    assert ev["Tashkent International Investment Forum"][0] == "2026-06-10"  # (still an occasion of its own)


# --- "told reporters at a joint press conference": the story's own day --------------------------------------


def test_an_undated_joint_press_conference_reporters_were_told_at():
    paraphrases = (
        "told reporters at a joint",
        "told journalists at the joint",
        "briefed the media at a joint",
    )
    for told in paraphrases:
        text = (
            "ASTANA, Nov 17 (Central Asia Wire) - Kaja Kallas said on Tuesday that the EU would fund border "
            f'scanners. "We are not asking anyone to choose sides," Kallas {told} press conference in the '
            "foreign ministry."
        )
        assert events(text, "2026-11-17")["joint press conference"][0] == "2026-11-17", told


def test_a_dated_press_conference_keeps_its_own_day():
    text = (
        "Kaja Kallas told reporters at a joint press conference on 3 March in Brussels that the talks had "
        "been useful."
    )
    assert events(text, "2026-11-17").get("joint press conference", (None,))[0] in (None, "2026-03-03")


# --- "the next round of the X Dialogue" after a reported Joint Committee: that format's, not the body's ---

COMMITTEE = (
    "Ashgabat, 26 November (TDH). Today, in the Ministry of Foreign Affairs, the 27th meeting of the Joint "
    "Committee Turkmenistan – European Union was held. The Turkmen delegation was headed by the Deputy "
    "Minister of Foreign Affairs Vepa Hojiyev.\n\n"
)


def test_the_next_round_of_another_named_format_is_not_the_next_sitting():
    for tail in (
        "It was also agreed to hold the next round of the Human Rights Dialogue in Ashgabat in December.",
        "The sides agreed to hold the next session of the High-Level Energy Dialogue in Brussels in May.",
        "The following meeting of the Transport Working Group will take place in Ashgabat in December.",
    ):
        names = events(COMMITTEE + tail, "2026-11-26")
        assert not any("28th" in n for n in names), (tail, names)
    text = COMMITTEE + "They agreed to hold the next round of the Human Rights Dialogue in Ashgabat in June."
    assert events(text, "2026-11-26")["Turkmenistan–EU Human Rights Dialogue"] == ("2027-06", "Ashgabat")


# --- a host receiving a delegation named by where it comes from -------------------------------------------


def test_a_host_receives_a_delegation_named_by_its_origin():
    cases = (
        (
            "Yesterday, on the eve of the meeting, the Minister of Foreign Affairs Rashid Meredov received "
            "the European delegation and discussed energy cooperation.",
            "reception of the European delegation by Rashid Meredov",
            "2026-11-25",
        ),
        (
            "On 24 November, Speaker of the Mazhilis Yerlan Koshanov received a Latvian parliamentary "
            "delegation in Astana.",
            "reception of the Latvian parliamentary delegation by Yerlan Koshanov",
            "2026-11-24",
        ),
        (
            "Deputy Prime Minister Jamshid Khodjaev on Tuesday welcomed the visiting EU business delegation "
            "at the Government House.",
            "reception of the EU business delegation by Jamshid Khodjaev",
            "2026-11-24",
        ),
    )
    for text, name, day in cases:
        assert events(text, "2026-11-26").get(name, (None,))[0] == day, (text, events(text, "2026-11-26"))


def test_a_delegation_of_someone_is_not_read_as_named_by_origin():
    text = "On 24 November, Minister Rashid Meredov received the European delegation of the Parliament."
    assert "reception of the European delegation by Rashid Meredov" not in events(text, "2026-11-26")


# --- a trip to a city made to see a place there ----------------------------------------------------------


def test_a_trip_made_to_see_a_place_is_a_visit_there():
    cases = (
        (
            "After the assembly, delegates travelled to Poti on Friday to inspect the new ferry terminal.",
            "visit to the new ferry terminal in Poti",
            "2026-11-20",
        ),
        (
            "The ministers then flew to Aktau on 18 November to tour the container hub, which opened in May.",
            "visit to the container hub in Aktau",
            "2026-11-18",
        ),
        (
            "On Wednesday the Commissioner went to Samarkand to visit the solar park under construction.",
            "visit to the solar park in Samarkand",
            "2026-11-18",
        ),
    )
    for text, name, day in cases:
        ev = events(text, "2026-11-21")
        assert ev.get(name, (None,))[0] == day, (text, ev)
        assert ev[name][1] == name.rsplit(" in ", 1)[1]


def test_a_trip_told_in_general_is_no_visit():
    text = "Officials travel to Poti to inspect the ferry terminal, and some went to Aktau to see the port."
    assert not any(n.startswith("visit to") for n in events(text, "2026-11-21"))


# --- a signing of a loan or financing agreement told ahead ----------------------------------------------


def test_a_loan_expected_to_be_signed_later_is_a_planned_signing():
    text = (
        "The package also includes a EUR 50 million loan from the European Investment Bank, which is "
        "expected to be signed in July, and a EUR 30 million grant from the EU."
    )
    assert events(text, "2026-05-06")["signing of the EIB loan"] == ("2026-07", None)


def test_the_agreement_named_before_could_be_signed_in_a_city_in_a_month():
    text = (
        "TASHKENT, March 11 - The EU and Uzbekistan initialled on Tuesday the text of a Financing Agreement "
        "for the Aral Sea Resilience Programme, officials said.\n\n"
        "Officials on both sides said the agreement could be signed in Samarkand in May."
    )
    ev = events(text, "2026-03-11")
    assert ev["signing of the Financing Agreement for the Aral Sea Resilience Programme"] == (
        "2026-05",
        "Samarkand",
    )


def test_an_advisory_item_where_a_bank_and_a_city_will_sign_a_loan():
    text = (
        "WEEK AHEAD\n\nWednesday, 30 September\nAstana — The Minister will receive the EU Special "
        "Representative.\n\nThursday, 1 October\nShymkent — The European Bank for Reconstruction and "
        "Development and the Akimat of Shymkent will sign a loan of KZT 25 billion for the city's bus fleet."
    )
    ev = events(text, "2026-09-25")
    assert ev["signing of the EBRD loan to the Akimat of Shymkent"][0] == "2026-10-01"


def test_a_grant_agreement_due_to_be_signed_on_a_day():
    text = (
        "A EUR 12 million grant agreement between the EU and the Ministry of Health is due to be signed in "
        "Bishkek on 14 December, the EU Delegation said."
    )
    ev = events(text, "2026-12-01")
    assert ev["signing of a grant agreement between the EU and the Ministry of Health"] == (
        "2026-12-14",
        "Bishkek",
    )


def test_a_treaty_or_an_undated_signing_ahead_is_no_occasion():
    text = "The Enhanced Partnership and Cooperation Agreement is expected to be signed in Brussels in June."
    assert not any(n.startswith("signing of") for n in events(text, "2026-03-01"))
    text = "The EIB loan of EUR 40 million will be signed in the coming weeks, the bank said."
    assert not any(n.startswith("signing of") for n in events(text, "2026-03-01"))


# --- a think tank named "… Forum" acting is no occasion ---------------------------------------------------


def test_a_forum_that_convenes_or_publishes_is_an_organisation():
    for text in (
        "On Tuesday, 27 January, the Caspian Policy Forum convened some 40 officials in Brussels.",
        "The Eurasian Dialogue Forum published a policy brief on transit tariffs on 4 March.",
        "On 12 May the Silk Road Business Forum organised a webinar for exporters in Almaty.",
    ):
        assert not any("Forum" in n for n in events(text, "2026-05-20")), text
    text = "The Astana International Forum convened on 29 May with 5,000 participants."
    assert "Astana International Forum" in events(text, "2026-06-01")


def test_a_signing_ahead_placed_only_in_a_year_is_no_occasion():
    for text in (
        "The Bank is expected to sign a further EUR 40 million credit line for women-led businesses in 2026.",
        "- The European Investment Bank is expected to sign a loan of up to EUR 60 million for Nurek in 2026",
        "The EBRD loan for the Osh bypass could be signed in 2027, officials said.",
    ):
        assert not any(n.startswith("signing of") for n in events(text, "2026-03-01")), text


# --- "a further round could take place …": a round of the talks the paragraph named ------------------------


def test_a_further_round_told_ahead_is_a_round_of_the_talks_named_before():
    for text, day in (
        (
            "The two officials also discussed a visa facilitation agreement, talks on which have been under "
            "way since the spring. Diplomats said a further round could take place in Astana in December.",
            "2026-12",
        ),
        (
            "Negotiations on the air transport agreement resumed in October. A new round is expected to be "
            "held in Brussels on 14 January, a spokesperson said.",
            "2027-01-14",
        ),
        (
            "Consultations on the readmission agreement stalled last year, but a fresh round will take place "
            "in Bishkek in February.",
            "2027-02",
        ),
    ):
        ev = events(text, "2026-11-17")
        name = next((n for n in ev if " round of " in n), None)
        assert name is not None and ev[name][0] == day, (text, ev)


# --- a group held as an occasion; a visit announced by arrival ---------------------------------------------


def test_a_working_group_held_on_days_is_an_occasion():
    for text, name, day in (
        (
            "The signing came a week after Kazakhstan and the EU held a technical working group on renewable "
            "hydrogen in Astana on 24–25 November.",
            "technical working group on renewable hydrogen",
            "2026-11-24",
        ),
        (
            "The two governments will hold a steering group on water management in Tashkent on 10 December.",
            "steering group on water management",
            "2026-12-10",
        ),
        (
            "The two ministries convened an expert group on customs digitalisation on 3 November in Bishkek.",
            "expert group on customs digitalisation",
            "2026-11-03",
        ),
    ):
        assert events(text, "2026-12-03").get(name, (None,))[0] == day, (text, events(text, "2026-12-03"))


def test_a_visitor_expected_in_a_city_is_a_planned_visit():
    for text, name, day in (
        (
            "The European Commission's Commissioner for International Partnerships, Jozef Sikela, is "
            "expected in Tashkent in the second half of April, the ministry said.",
            "visit of Jozef Sikela to Tashkent",
            "2026-04",
        ),
        (
            "Foreign Minister Bakhtiyor Saidov is due in Brussels on 17 March for the Council.",
            "visit of Bakhtiyor Saidov to Brussels",
            "2026-03-17",
        ),
        (
            "High Representative Kaja Kallas will arrive in Bishkek on 20 March, her office said.",
            "visit of Kaja Kallas to Bishkek",
            "2026-03-20",
        ),
    ):
        assert events(text, "2026-03-11").get(name, (None,))[0] == day, (text, events(text, "2026-03-11"))


# --- "in the spring of the next year": a relative year is the occasion's, not a name's ------------------


def test_an_agreed_occasion_in_the_spring_of_the_next_year():
    for text in (
        "It was also agreed to hold the Turkmen–European business forum in Brussels in the spring of the "
        "next year.",
        "The sides agreed to hold the Uzbek–German Energy Forum in Berlin in the autumn of the next year.",
        "The parties decided to convene the Kazakh–Polish Business Forum in Warsaw during the next year.",
    ):
        ev = events(text, "2026-11-26")
        name = next((n for n in ev if n.lower().endswith("forum")), None)
        assert name is not None and ev[name][0] == "2027", (text, ev)


# --- an investors' or donors' conference named by its project -------------------------------------------


def test_a_project_investors_conference_is_an_occasion():
    for text, name, day in (
        (
            "We invited European companies to the Kambarata-1 investors' conference which we will host in "
            "Bishkek next spring.",
            "Kambarata-1 investors' conference",
            "2027",
        ),
        (
            "The Rogun donors’ conference will be held in Dushanbe on 12 March.",
            "Rogun donors’ conference",
            "2027-03-12",
        ),
        (
            "Tashkent will host the CASA-1000 investors' conference on 5 February.",
            "CASA-1000 investors' conference",
            "2027-02-05",
        ),
    ):
        assert events(text, "2026-11-23").get(name, (None,))[0] == day, (text, events(text, "2026-11-23"))


# --- a transcript speaker's own meeting told in the first person ------------------------------------------

PRESSER = (
    "Brussels, 23/11/2026\n\n"
    "Press conference by High Representative Kaja Kallas and Minister of Foreign Affairs Jeenbek Kulubaev\n\n"
    "MODERATOR: Good afternoon.\n\n"
    "HR/VP KALLAS: Thank you. We discussed trade and energy.\n\n"
    "{turn}\n\n"
    "MINISTER KULUBAEV (through interpreter): Thank you, Kaja.\n\n"
    "MODERATOR: Thank you very much.\n"
)


def test_a_speakers_first_person_meeting_is_the_speakers():
    for turn, name, day in (
        (
            "On energy, we are ready to help. I will discuss this with EIB President Nadia Calviño tomorrow "
            "in Luxembourg.",
            "meeting of Kaja Kallas with Nadia Calviño",
            "2026-11-24",
        ),
        (
            "I met Prime Minister Adylbek Kasymaliev this morning and we spoke about Kambarata.",
            "meeting of Kaja Kallas with Adylbek Kasymaliev",
            "2026-11-23",
        ),
        (
            "I will also meet with President Sadyr Japarov on Wednesday in Bishkek.",
            "meeting of Kaja Kallas with Sadyr Japarov",
            "2026-11-25",
        ),
    ):
        ev = events(PRESSER.replace("{turn}", turn), "2026-11-23")
        assert ev.get(name, (None,))[0] == day, (turn, ev)


def test_first_person_outside_a_transcript_or_undated_is_no_meeting():
    text = "In her blog, Kaja Kallas wrote: I will discuss this with EIB President Nadia Calviño tomorrow."
    assert not any(n.startswith("meeting of") for n in events(text, "2026-11-23"))
    ev = events(PRESSER.replace("{turn}", "I often meet President Sadyr Japarov."), "2026-11-23")
    assert not any(n.startswith("meeting of") for n in ev)


# --- a financing agreement initialled as the story's news -----------------------------------------------


def test_a_financing_agreement_initialled_as_news_is_an_occasion():
    for text, name, day in (
        (
            "TASHKENT, March 11 (Central Asia Wire) - The European Union and Uzbekistan initialled on "
            "Tuesday the text of a Financing Agreement for the Aral Sea Resilience Programme, officials "
            "said.",
            "initialling of the Financing Agreement for the Aral Sea Resilience Programme",
            "2026-03-10",
        ),
        (
            "On 9 March the EU Delegation and the Ministry of Economy initialed a grant agreement for rural "
            "schools in Naryn.",
            "initialling of the grant agreement for rural schools",
            "2026-03-09",
        ),
        (
            "Kyrgyzstan and the EBRD initialled yesterday a loan agreement for the Bishkek ring road.",
            "initialling of the loan agreement for the Bishkek ring road",
            "2026-03-10",
        ),
    ):
        ev = events(text, "2026-03-11")
        assert ev.get(name, (None,))[0] == day, (text, ev)


def test_a_treaty_initialled_is_no_occasion():
    text = "On 9 March the EU and Tajikistan initialled the Enhanced Partnership and Cooperation Agreement."
    assert not any(n.startswith("initialling") for n in events(text, "2026-03-11"))
    text = "The EU and Kazakhstan initialled a financing agreement in 2019, the ministry said on Monday."
    assert not any(n.startswith("initialling") for n in events(text, "2026-03-11"))
