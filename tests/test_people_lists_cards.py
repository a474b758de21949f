"""People as lists, cards, transcripts and translated releases print them: surnames in capitals,
a name alone on its line over its title, glosses and acronyms in brackets inside a title, honorific
chains before a name, a lower-case title with its department, a title before a comma and a name
that a preposition follows. Our own sentences (fictional people)."""

from __future__ import annotations

import pytest

from communique import extract
from communique.annotate.people import find_people
from communique.read import read_bytes


def people(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in find_people(text)}


# --- surnames in capitals in a composition list ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Members of the delegation:\nMs Helga BRANDT (EPP, DE), Chair of the delegation\n"
            "Mr Pavel NOVAK (S&D, CZ), Vice-Chair\nMs Laura RICCI (Renew, IT)\n",
            {"Helga Brandt": "Chair of the delegation", "Pavel Novak": "Vice-Chair", "Laura Ricci": None},
        ),
        (
            "Participants: Mr Arman SEITOV, Deputy Minister of Energy; Ms Dana OMAROVA, Director.",
            {"Arman Seitov": "Deputy Minister of Energy", "Dana Omarova": "Director"},
        ),
        (
            "The list was signed by Dr Jonas LINDGREN, Head of Unit, on Monday.",
            {"Jonas Lindgren": "Head of Unit"},
        ),
    ],
)
def test_a_surname_in_capitals_closes_the_name_and_is_written_in_normal_case(text, expected):
    got = people(text)
    for name, role in expected.items():
        assert name in got and got[name] == role


@pytest.mark.parametrize(
    "text",
    [
        "Astana Hosts LEADERS SUMMIT on Monday.",
        "The EBRD and the OSCE met in Vienna.",
        "Kaja Kallas met NATO partners.",
    ],
)
def test_capitals_of_a_headline_or_an_acronym_make_no_name(text):
    assert not any(
        n.isupper() or " " in n and n.split()[-1] in ("Leaders", "Nato", "Osce") for n in people(text)
    )


# --- a name alone on its line over its title (profile cards, signatures, contact blocks) ----------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "**Maria Jensen** · 1st\nAmbassador of the European Union to Mongolia\n*Posted 2 May*\n\nHello!",
            "Maria Jensen",
            "Ambassador of the European Union to Mongolia",
        ),
        (
            "Petra Lund\nEU Ambassador to Armenia | Head of Delegation\n3d • Edited\n\nWhat a week!",
            "Petra Lund",
            "EU Ambassador to Armenia",
        ),
        (
            "Yours sincerely,\n\nTomas Varga\nHead of Unit, Directorate-General for Trade\n",
            "Tomas Varga",
            "Head of Unit, Directorate-General for Trade",
        ),
    ],
)
def test_the_title_on_the_line_under_a_name_alone_on_its_line(text, name, role):
    assert people(text).get(name) == role


def test_a_sentence_under_a_name_is_no_title():
    got = people("Tomas Varga\nMinisters met in Riga on Monday and agreed a plan.\n")
    assert got.get("Tomas Varga") is None


# --- a bracket inside a title: a lower-case gloss, an acronym -------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "They were received by the Chairman of the Majlisi Milli (upper house), Mr Farrukh Saidov. "
            "He spoke.",
            "Farrukh Saidov",
            "Chairman of the Majlisi Milli",
        ),
        (
            "The delegation met the Speaker of the Jogorku Kenesh (parliament), Azamat Toktorov, on Monday.",
            "Azamat Toktorov",
            "Speaker of the Jogorku Kenesh",
        ),
        (
            "Members then met the Chairman of the Majlisi Namoyandagon (lower house), Rustam Nazarov.",
            "Rustam Nazarov",
            "Chairman of the Majlisi Namoyandagon",
        ),
    ],
)
def test_a_lower_case_gloss_of_a_body_is_no_part_of_the_title(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Chairman of Azerbaijan Railways (ADY) Elnur Mammadov headed the delegation.",
            "Elnur Mammadov",
            "Chairman of Azerbaijan Railways",
        ),
        (
            "CEO of Port of Aktau (PAK) Abzal Nurmanov said the port was full.",
            "Abzal Nurmanov",
            "CEO of Port of Aktau",
        ),
        (
            "Yesterday Director General of Georgian Railway (GR) Levan Beridze opened the terminal.",
            "Levan Beridze",
            "Director General of Georgian Railway",
        ),
    ],
)
def test_the_acronym_of_the_body_in_brackets_before_the_name(text, name, role):
    assert people(text).get(name) == role


# --- honorific chains, lower-case closers after an apposed name ---------------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "He conveyed the greetings of the Leader of the Nation, President of the Republic of Tajikistan, "
            "Honourable Emomali Rahmon to the leadership of the Union.",
            "Emomali Rahmon",
            "President",
        ),
        (
            "She passed on the greetings of the President of the Republic of Tajikistan, Emomali Rahmon to "
            "the participants.",
            "Emomali Rahmon",
            "President",
        ),
        (
            "A message from the Prime Minister of Georgia, Honorable Irakli Gelashvili at the opening "
            "was read.",
            "Irakli Gelashvili",
            "Prime Minister",
        ),
        (
            "- **Wednesday:** talks with the Minister of Investment, Industry and Trade, Sardor Umarov; "
            "visit "
            "to a plant.",
            "Sardor Umarov",
            "Minister of Investment, Industry and Trade",
        ),
    ],
)
def test_a_title_a_comma_an_honorific_and_the_name_before_a_preposition(text, name, role):
    assert people(text).get(name) == role


# --- lower-case titles with a department; envoys' files; speaker labels -------------------------


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The panel included Mr. Wang Jun, deputy director of the logistics research department at a "
            "Xi'an-based think tank.",
            "Wang Jun",
            "deputy director of the logistics research department",
        ),
        (
            "Li Jun, head of the regional trade policy division at the institute, spoke next.",
            "Li Jun",
            "head of the regional trade policy division",
        ),
        (
            "Aida Bekova, deputy head of the foreign economic relations department, said so.",
            "Aida Bekova",
            "deputy head of the foreign economic relations department",
        ),
    ],
)
def test_a_lower_case_title_closes_on_a_body_after_up_to_four_words(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "We discussed this with the EU Sanctions Envoy Paul Moreau last week.",
            "Paul Moreau",
            "EU Sanctions Envoy",
        ),
        (
            "The UN Humanitarian Coordinator Anna Holm visited Osh.",
            "Anna Holm",
            "UN Humanitarian Coordinator",
        ),
        (
            "Anita Berg, Lead Spokesperson for Foreign Affairs, said the talks went well.",
            "Anita Berg",
            "Lead Spokesperson for Foreign Affairs",
        ),
    ],
)
def test_envoy_files_and_lead_titles(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Transcript\n\nMODERATOR (Anita Berg): Good afternoon. We start now.\n", "Anita Berg"),
        ("Transcript\n\nCHAIR (Jonas Meyer, Head of Unit): Welcome. Let us begin.\n", "Jonas Meyer"),
        ("Transcript\n\nINTERPRETER (Olga Sokolova): Thank you. I translate.\n", "Olga Sokolova"),
    ],
)
def test_a_name_in_brackets_after_a_speaker_label_in_capitals(text, name):
    assert name in people(text)


def test_a_month_abbreviation_after_a_family_name_is_no_given_name_before_a_day():
    assert "Li Jun" not in people("Li Jun 5 was the deadline for the reply.")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "EU foreign policy chief Kaja Kallas said on Tuesday that talks went well.",
            "Kaja Kallas",
            "EU foreign policy chief",
        ),
        (
            "The EU foreign policy chief, Kaja Kallas, arrived in Astana.",
            "Kaja Kallas",
            "EU foreign policy chief",
        ),
        ("Kazakh energy security envoy Aibek Nurov said so.", "Aibek Nurov", "energy security envoy"),
        ("On Monday, said human rights envoy Anna Berg, the plan failed.", "Anna Berg", "human rights envoy"),
    ],
)
def test_a_lower_case_file_before_a_lower_case_title(text, name, role):
    assert people(text).get(name) == role


def test_a_verb_before_a_lower_case_title_stays_out():
    assert people("Officials said trade minister Serik Zhumangarin would come.").get("Serik Zhumangarin") == (
        "trade minister"
    )


@pytest.mark.parametrize(
    ("text", "name", "affiliation"),
    [
        ("Roman Kask of the Kazakh Foreign Ministry co-chaired the talks.", "Roman Kask", "Kazakhstan"),
        (
            "Talks involved Aziz Karimov of the Uzbek Ministry of Energy on Monday.",
            "Aziz Karimov",
            "Uzbekistan",
        ),
        ("Anna Berg of the Swedish Energy Agency joined the panel.", "Anna Berg", "Sweden"),
    ],
)
def test_a_name_of_an_institution_the_gazetteer_does_not_know(text, name, affiliation):
    got = {p.name: p.affiliation for p in find_people(text)}
    assert got.get(name) == affiliation


def test_of_the_and_a_name_with_no_institution_head_makes_no_person():
    assert people("Anna Berg of the Seine Valley said hi.") == {}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Minister of Foreign Affairs R. O. Meredov received them.",
            "R. O. Meredov",
            "Minister of Foreign Affairs",
        ),
        (
            "Minister of Foreign Affairs R.O.Meredov received them.",
            "R.O.Meredov",
            "Minister of Foreign Affairs",
        ),
        (
            "The talks involved Minister of Energy A.B. Satkaliyev and others.",
            "A.B. Satkaliyev",
            "Minister of Energy",
        ),
    ],
)
def test_two_initials_before_a_surname_under_a_title(text, name, role):
    assert people(text).get(name) == role


def test_two_initials_join_the_full_name_given_before():
    assert people("Minister Rashid Meredov met them. Later R.O. Meredov said yes.") == {
        "Rashid Meredov": "Minister"
    }


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "An analyst at the Eurasian Policy Lab, Aigerim Sadykova, said the deal was slow.",
            "Aigerim Sadykova",
            "analyst",
        ),
        (
            "A senior fellow at the Caspian Institute, Anna Berg, said the plan was late.",
            "Anna Berg",
            "senior fellow",
        ),
        (
            "A spokesperson for the ministry, Aibek Smadiyarov, said so.",
            "Aibek Smadiyarov",
            "spokesperson for the ministry",
        ),
    ],
)
def test_a_title_with_an_indefinite_article_opening_the_sentence_before_the_name(text, name, role):
    assert people(text).get(name) == role


def test_an_opening_that_is_no_title_gives_no_role():
    assert people("A day later, Aibek Smadiyarov, said so.").get("Aibek Smadiyarov") is None


@pytest.mark.parametrize("text", ["Kallas VISITS Astana on Monday.", "Nurtleu MEETS Kallas in Astana."])
def test_a_headline_verb_in_capitals_is_no_surname(text):
    assert not any(n.endswith(("Visits", "Meets")) for n in people(text))


@pytest.mark.parametrize("opening", ["Report by", "Summary by", "By"])
def test_a_reports_author_line_with_a_title_is_kept_from_its_author_block(opening):
    # (read/html: trafilatura drops a block of class "author"; one naming its author with a title stays)
    html = (
        "<html><head><title>Mission summary</title></head><body><article><h1>Mission to Astana</h1>"
        f"<p class='author'>{opening} Anna Berg, Research Assistant.</p>"
        "<p>The delegation met ministers and members of parliament in Astana over three days. Talks "
        "covered trade, transport and the green transition, and the next steps of the partnership.</p>"
        "<p>Members also visited a wind farm and a university and spoke with students about exchanges.</p>"
        "</article></body></html>"
    )
    text = read_bytes(html.encode(), "summary.html", kind="html").text
    assert f"{opening} Anna Berg, Research Assistant." in text
    people = {p.name: p.role for p in extract(text, published="2026-03-02").people}
    assert people.get("Anna Berg") == "Research Assistant"
