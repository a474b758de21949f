"""Sittings told in less usual ways: heads given in a participants list, a numbered General Assembly
of an association, a commission sitting a briefing reports after its schedule, a body named with a
comma list of fields, chairs named as the subject before "co-chaired", a city in Markdown emphasis
(our own sentences)."""

from __future__ import annotations

import pytest

from communique import extract


@pytest.mark.parametrize(
    ("label", "bullet"),
    [("## Participants", "-"), ("**Heads of delegation:**", "*"), ("Participants:", "•")],
)
def test_a_participants_list_gives_the_heads_of_the_other_delegations(label, bullet):
    text = (
        "# Fifth Caspian Foreign Ministers' Meeting held in Baku\n\n"
        "The fifth Caspian Foreign Ministers' Meeting took place in Baku on 3 March 2026. It was chaired "
        "by Jeyhun Bayramov, Minister of Foreign Affairs of Azerbaijan.\n\n"
        f"{label}\n\n"
        f"{bullet} Murat Nurtleu, Minister of Foreign Affairs of Kazakhstan\n"
        f"{bullet} Rashid Meredov, Minister of Foreign Affairs of Turkmenistan\n"
        f"{bullet} Abbas Araghchi, Minister of Foreign Affairs of Iran\n\n"
        "The ministers discussed shipping.\n"
    )
    (m,) = extract(text, published="2026-03-04").meetings
    assert [h.name for h in m.heads] == [
        "Jeyhun Bayramov",
        "Murat Nurtleu",
        "Rashid Meredov",
        "Abbas Araghchi",
    ]
    assert m.heads[1].side == "Kazakhstan"


def test_a_list_after_the_lead_under_another_heading_gives_no_heads():
    text = (
        "The fifth Caspian Foreign Ministers' Meeting took place in Baku on 3 March 2026. It was chaired "
        "by Jeyhun Bayramov, Minister of Foreign Affairs of Azerbaijan.\n\n"
        "## Speakers at the side event\n\n"
        "- Murat Nurtleu, Minister of Foreign Affairs of Kazakhstan\n"
    )
    (m,) = extract(text, published="2026-03-04").meetings
    assert [h.name for h in m.heads] == ["Jeyhun Bayramov"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (
            'The 12th General Assembly of the International Association "Trans-Caspian International '
            "Transport "
            'Route" (TITR) was held in Aktau on 16 September.',
            "Aktau",
        ),
        (
            "The 9th General Assembly of the Association of Caspian Ports was held in Baku on 16 September.",
            "Baku",
        ),
        (
            'On 16 September Poti hosted the 5th General Assembly of the Union "Black Sea Ferry Lines" '
            "(BSFL).",
            "Poti",
        ),
    ],
)
def test_a_numbered_general_assembly_of_an_association_is_the_meeting(sentence, place):
    text = f"News\n\nAktau, 17 September 2026\n\n{sentence} The members approved the tariff for 2027.\n"
    (m,) = extract(text, published="2026-09-17").meetings
    assert m.body.startswith("General Assembly of the ")
    assert '"' not in m.body and m.date == "2026-09-16" and m.place == place
    assert m.number in (12, 9, 5)


def test_the_owner_of_a_general_assembly_keeps_its_acronym():
    text = (
        'The 12th General Assembly of the International Association "Trans-Caspian International Transport '
        'Route" (TITR) was held in Aktau on 16 September.\n'
    )
    (m,) = extract(text, published="2026-09-17").meetings
    assert (
        m.body
        == "General Assembly of the International Association Trans-Caspian International Transport Route"
    )
    assert m.acronym == "TITR"


def _briefing(report: str) -> str:
    return (
        "Transcript of the weekly briefing\n\n"
        "Astana, 18 May 2026\n\n"
        "Let me start with the Ministry's schedule for the coming days.\n\n"
        "On Thursday, 21 May, Astana will host the 23rd meeting of the EU–Kazakhstan Cooperation "
        "Committee.\n\n"
        "Now a few words on last week's events.\n\n"
        f"{report}\n"
    )


@pytest.mark.parametrize(
    "report",
    [
        "On Wednesday, 13 May, Astana hosted the 7th meeting of the Kazakhstan–Latvia Intergovernmental "
        "Commission. The Kazakh part of the commission was chaired by Minister of Trade Arman Shakkaliyev, "
        "and the Latvian part by Minister of Economics Viktors Valainis.",
        "On 13 May the ministers held the 7th meeting of the Kazakhstan–Latvia Intergovernmental Commission "
        "in Astana. It was co-chaired by Minister of Trade Arman Shakkaliyev and Minister of Economics "
        "Viktors Valainis.",
        "On Wednesday, 13 May, Astana convened the 7th session of the Kazakhstan–Latvia Intergovernmental "
        "Commission. The Kazakh side was led by Minister of Trade Arman Shakkaliyev, the Latvian side by "
        "Minister of Economics Viktors Valainis.",
    ],
)
def test_a_sitting_a_briefing_reports_as_hosted_last_week_is_the_meeting(report):
    (m,) = extract(_briefing(report), published="2026-05-18").meetings
    assert m.number == 7 and m.date == "2026-05-13" and m.place == "Astana"
    assert {h.name for h in m.heads} == {"Arman Shakkaliyev", "Viktors Valainis"}


@pytest.mark.parametrize(
    "fields",
    [
        "Economic, Industrial, Scientific and Technical Cooperation",
        "Trade, Economic, Scientific, Technical and Cultural Cooperation",
        "Economic, Scientific and Technical Cooperation",
    ],
)
def test_a_commission_named_with_a_comma_list_of_fields_keeps_the_whole_name(fields):
    text = (
        f"The 7th meeting of the Kazakhstan–Latvia Intergovernmental Commission on {fields} was held in "
        "Riga on 13 May 2026.\n"
    )
    (m,) = extract(text, published="2026-05-14").meetings
    assert m.body.endswith(fields)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Thursday in Samarkand, the High Representative and Minister Saidov co-chaired the 19th meeting "
        "of the EU–Uzbekistan Cooperation Council.",
        "The next day the High Representative and Minister Saidov chaired the 19th meeting of the "
        "EU–Uzbekistan Cooperation Council in Samarkand.",
        "In Samarkand, Minister Saidov and the High Representative jointly co-chaired the 19th meeting of "
        "the EU–Uzbekistan Cooperation Council.",
    ],
)
def test_chairs_named_before_the_verb_by_name_or_by_title(sentence):
    text = (
        "Statement on the visit of the High Representative\n\n"
        "Brussels, 24/04/2026\n\n"
        "High Representative/Vice-President Kaja Kallas travelled to Tashkent and Samarkand on "
        "22–23 April.\n\n"
        "In Tashkent, she held talks with the Minister of Foreign Affairs, Bakhtiyor Saidov.\n\n"
        f"{sentence} The EU delegation included the Head of the EU Delegation to Uzbekistan, "
        "Charlotte Adriaen.\n"
    )
    (m,) = extract(text, published="2026-04-24").meetings
    assert {h.name: h.side for h in m.heads} == {
        "Kaja Kallas": "European Union",
        "Bakhtiyor Saidov": "Uzbekistan",
    }


@pytest.mark.parametrize(
    "where",
    ["in **Chengdu on 14 July 2026**", "in *Chengdu* on 14 July 2026", "in **Chengdu**, on 14 July 2026"],
)
def test_a_city_in_markdown_emphasis_is_the_place(where):
    text = f"The **seventh China–Central Asia Foreign Ministers' Meeting** took place {where}.\n"
    (m,) = extract(text, published="2026-07-15").meetings
    assert m.place == "Chengdu"


def test_two_names_as_co_chairs_of_the_commission_are_its_heads():
    text = (
        "News\n\nAstana, 13 May 2026\n\nThe 9th meeting of the Kazakhstan–Hungary Intergovernmental "
        "Commission was held in Astana on 12 May. Serik Zhumangarin and Péter Szijjártó, the co-chairs of "
        "the commission, signed the protocol.\n"
    )
    (m,) = extract(text, published="2026-05-13").meetings
    assert {h.name for h in m.heads} == {"Serik Zhumangarin", "Péter Szijjártó"}


@pytest.mark.parametrize(
    ("lead", "names"),
    [
        (
            "The 5th trilateral meeting of the foreign ministers of Azerbaijan, Georgia and Türkiye was held "
            "in Baku on 12 May. Foreign Ministers Jeyhun Bayramov, Maka Botchorishvili and Hakan Fidan "
            "discussed the corridor.",
            {"Jeyhun Bayramov", "Maka Botchorishvili", "Hakan Fidan"},
        ),
        (
            "The sixth China–Central Asia Foreign Ministers' Meeting took place in Xi'an on 12 May. Foreign "
            "Minister Wang Yi welcomed Foreign Minister Murat Nurtleu and Foreign Minister Bakhtiyor Saidov.",
            {"Wang Yi", "Murat Nurtleu", "Bakhtiyor Saidov"},
        ),
        (
            "The 3rd meeting of the prime ministers of Kazakhstan, Kyrgyzstan and Uzbekistan was held in "
            "Bishkek on 12 May. Prime Ministers Olzhas Bektenov, Adylbek Kasymaliev and Abdulla Aripov "
            "reviewed trade.",
            {"Olzhas Bektenov", "Adylbek Kasymaliev", "Abdulla Aripov"},
        ),
    ],
)
def test_a_format_of_office_holders_is_headed_by_the_holders_the_lead_names(lead, names):
    (m,) = extract(f"News\n\n13 May 2026\n\n{lead}\n", published="2026-05-13").meetings
    assert {h.name for h in m.heads} == names


_VISIT = (
    "Minister visits Riga\n\nRiga, 13 May 2026\n\nMinister of Foreign Affairs Murat Nurtleu paid an official "
    "visit to Latvia on 13 May.\n\nHe was received by President of Latvia Edgars Rinkēvičs. The sides "
    "discussed transit.\n\nThe minister also met Prime Minister Evika Siliņa.\n\n{}\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The same day, the 9th meeting of the Kazakhstan–Latvia Intergovernmental Commission took place.",
        "The visit concluded with the 9th meeting of the Kazakhstan–Latvia Intergovernmental Commission, "
        "co-chaired by Murat Nurtleu and Viktors Valainis.",
        "On the second day of the visit, Riga hosted the 9th meeting of the Kazakhstan–Latvia "
        "Intergovernmental Commission.",
        "The minister took part in the 9th session of the Kazakhstan–Latvia Intergovernmental Commission.",
    ],
)
def test_a_numbered_sitting_told_as_held_after_a_visits_lead_is_the_meeting(sentence):
    (m,) = extract(_VISIT.format(sentence), published="2026-05-13").meetings
    assert m.number == 9 and m.place == "Riga" and m.date == "2026-05-13"


@pytest.mark.parametrize(
    "sentence",
    [
        "The previous, 8th meeting of the Kazakhstan–Latvia Intergovernmental Commission was held in Astana.",
        "The 10th meeting of the Kazakhstan–Latvia Intergovernmental Commission will be held in Astana.",
        "The 8th meeting of the Kazakhstan–Latvia Intergovernmental Commission was held in Astana in 2024.",
    ],
)
def test_an_earlier_or_later_sitting_after_a_visits_lead_is_no_meeting(sentence):
    assert extract(_VISIT.format(sentence), published="2026-05-13").meetings == []


def test_the_second_name_after_co_chaired_by_is_a_person():
    got = {
        p.name for p in extract("The meeting was co-chaired by Murat Nurtleu and Viktors Valainis.").people
    }
    assert got == {"Murat Nurtleu", "Viktors Valainis"}


@pytest.mark.parametrize(
    ("lead", "acronym"),
    [
        (
            "The Kazakhstan–Latvia Intergovernmental Commission on Economic Cooperation (IGC) met in Riga on "
            "12 May. The fourth IGC session reviewed trade.",
            "IGC",
        ),
        (
            "The Kazakhstan–Latvia Joint Economic Commission (JEC) met in Riga on 12 May. The 4th JEC "
            "meeting reviewed trade.",
            "JEC",
        ),
        (
            "The Kazakhstan–Latvia Cooperation Council (KLCC) gathered in Riga on 12 May. It was the "
            "fourth KLCC session so far.",
            "KLCC",
        ),
    ],
)
def test_the_ordinal_given_with_the_bodys_acronym_is_its_number(lead, acronym):
    (m,) = extract(f"News\n\n13 May 2026\n\n{lead}\n", published="2026-05-13").meetings
    assert (m.number, m.acronym, m.place) == (4, acronym, "Riga")


@pytest.mark.parametrize(
    ("where", "place"),
    [
        ("in the city of Turkestan", "Turkestan"),
        ("in the town of Arkadag", "Arkadag"),
        ("in Awaza", "Awaza"),
        ("in Skopje", "Skopje"),
    ],
)
def test_the_city_of_a_sitting_in_other_wordings_and_places(where, place):
    text = (
        "News\n\n13 May 2026\n\nThe 4th meeting of the Kazakhstan–Latvia Intergovernmental Commission "
        f"was held {where} on 12 May.\n"
    )
    (m,) = extract(text, published="2026-05-13").meetings
    assert m.place == place


def test_a_participants_list_of_an_html_page_gives_the_heads():
    from communique.read import read_bytes

    html = (
        "<html><head><title>Meeting</title></head><body><article><h1>Fifth Caspian Foreign Ministers' "
        "Meeting held in Baku</h1><p>The fifth Caspian Foreign Ministers' Meeting took place in Baku on 3 "
        "March 2026. It was chaired by Jeyhun Bayramov, Minister of Foreign Affairs of Azerbaijan.</p>"
        "<h2>Participants</h2><ul><li>Murat Nurtleu, Minister of Foreign Affairs of Kazakhstan</li>"
        "<li>Rashid Meredov, Minister of Foreign Affairs of Turkmenistan</li></ul>"
        "<p>The ministers discussed shipping and the environment of the Caspian Sea.</p></article>"
        "</body></html>"
    )
    doc = read_bytes(html.encode(), "page.html", kind="html")
    (m,) = extract(doc.text, published="2026-03-04").meetings
    assert [h.name for h in m.heads] == ["Jeyhun Bayramov", "Murat Nurtleu", "Rashid Meredov"]


@pytest.mark.parametrize(
    "lead",
    [
        "Deputy Prime Minister Serik Zhumangarin received European Commissioner Jozef Síkela in Astana on "
        "12 May. The Deputy Prime Minister and the Commissioner then co-chaired the 5th meeting of the "
        "EU–Kazakhstan Cooperation Council.",
        "On 12 May, the 5th meeting of the EU–Kazakhstan Cooperation Council took place in Astana. Deputy "
        "Prime Minister Serik Zhumangarin welcomed European Commissioner Jozef Síkela. The meeting was "
        "co-chaired by the Deputy Prime Minister and the Commissioner.",
        "Deputy Prime Minister Serik Zhumangarin met European Commissioner Jozef Síkela in Astana on 12 May. "
        "The Commissioner and the Deputy Prime Minister chaired the 5th meeting of the EU–Kazakhstan "
        "Cooperation Council.",
    ],
)
def test_chairs_named_by_their_titles_after_their_names(lead):
    (m,) = extract(f"News\n\n13 May 2026\n\n{lead}\n", published="2026-05-13").meetings
    assert {h.name: h.side for h in m.heads} == {
        "Serik Zhumangarin": "Kazakhstan",
        "Jozef Síkela": "European Union",
    }


def test_a_title_two_people_hold_names_no_chair():
    lead = (
        "Minister of Energy Anna Berg received Minister of Trade Jonas Lind in Riga on 12 May. The Minister "
        "chaired the 5th meeting of the Latvia–Estonia Intergovernmental Commission."
    )
    (m,) = extract(f"News\n\n13 May 2026\n\n{lead}\n", published="2026-05-13").meetings
    assert m.heads == []


_LP = "The 4th meeting of the Latvia–Poland Intergovernmental Commission"


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        (f"{_LP} took place in Lodz on 12 May.", "Lodz"),
        (f"{_LP} was held in Daugavpils, Latvia, on 12 May.", "Daugavpils"),
        (f"{_LP} convened in **Liepaja** on 12 May.", "Liepaja"),
    ],
)
def test_a_city_the_gazetteer_does_not_know_where_the_sitting_was_held(sentence, place):
    (m,) = extract(f"News\n\n13 May 2026\n\n{sentence}\n", published="2026-05-13").meetings
    assert m.place == place


def test_a_month_after_held_in_is_no_place():
    text = f"News\n\n13 May 2026\n\n{_LP} was held in May.\n"
    (m,) = extract(text, published="2026-05-13").meetings
    assert m.place is None


def test_a_sitting_told_deep_in_a_text_about_a_signing_is_a_side_occasion():
    text = (
        "EU and Latvia sign a transport agreement\n\nRiga, 13 May 2026\n\n"
        "The European Union and Latvia today signed an agreement on rail transport.\n\n"
        "The agreement covers freight and passengers.\n\nIt replaces the 2010 arrangement.\n\n"
        "It enters into force next year.\n\nBoth parliaments still have to approve it.\n\n"
        "During the same visit the Commissioner chaired the 9th Baltic–EU ministerial meeting.\n"
    )
    assert extract(text, published="2026-05-13").meetings == []
