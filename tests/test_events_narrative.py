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
