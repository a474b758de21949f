"""Names with titles in less usual positions: a title before a comma and a name that closes its line,
a quoted company in the title, letters after the name (MEP), a patronymic word, a bracketed gloss
inside a title, sides joined by a dash in a title's complement, emphasis around a name after a
comma, a member list with a party group and a country, hyphenated deputies of a chair, two people
joined by "and" under two titles, the office an epithet stands for (our own sentences)."""

from __future__ import annotations

import pytest

from communique.annotate.people import find_people


def people(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in find_people(text)}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Minister of Economics Viktors Valainis opened the session.",
            "Viktors Valainis",
            "Minister of Economics",
        ),
        (
            "The talks were led by Minister of Natural Resources Anna Berg.",
            "Anna Berg",
            "Minister of Natural Resources",
        ),
        ("Deputy Minister of Fisheries Jonas Lind signed it.", "Jonas Lind", "Deputy Minister of Fisheries"),
        (
            "He met Minister of Trade and Integration Arman Shakkaliyev.",
            "Arman Shakkaliyev",
            "Minister of Trade and Integration",
        ),
        (
            "Minister of Emergencies Olga Ivanova arrived on Monday.",
            "Olga Ivanova",
            "Minister of Emergencies",
        ),
    ],
)
def test_portfolio_words_close_a_ministers_title(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Transcript of the weekly briefing by the Official Representative of the Ministry of Foreign "
            "Affairs, Aibek Smadiyarov\n\nAstana, 18 May 2026",
            "Aibek Smadiyarov",
            "Official Representative of the Ministry of Foreign Affairs",
        ),
        (
            "Remarks by the Spokesperson of the Foreign Ministry, Anna Berg\nBrussels",
            "Anna Berg",
            "Spokesperson of the Foreign Ministry",
        ),
        ("Statement by the High Representative, Josep Borrell", "Josep Borrell", "High Representative"),
    ],
)
def test_a_title_then_a_comma_then_a_name_that_closes_the_line(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            'The meeting was chaired by the Chairman of the Management Board of JSC "Kazakhstan Temir '
            'Zholy", Talgat Alimov, and brought together the heads of railways.',
            "Talgat Alimov",
            'Chairman of the Management Board of JSC "Kazakhstan Temir Zholy"',
        ),
        (
            "The Chairman of the Board of JSC “Samruk-Kazyna”, Nurlan Zhakupov, opened the forum.",
            "Nurlan Zhakupov",
            "Chairman of the Board of JSC “Samruk-Kazyna”",
        ),
        (
            'The forum was opened by the General Director of LLP "Caspian Ports", Ruslan Amirov.',
            "Ruslan Amirov",
            'General Director of LLP "Caspian Ports"',
        ),
    ],
)
def test_a_quoted_company_closes_a_title_before_the_comma(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "It was co-chaired by Lukas Reinhold MEP, Chair of DCAS, and a Kazakh senator.",
            "Lukas Reinhold",
            "Chair of DCAS",
        ),
        (
            "Anna Berg MP, Chair of the Foreign Affairs Committee, said the visit mattered.",
            "Anna Berg",
            "Chair of the Foreign Affairs Committee",
        ),
        (
            "The delegation was led by Jonas Lind MEP, Vice-Chair of the Delegation.",
            "Jonas Lind",
            "Vice-Chair of the Delegation",
        ),
    ],
)
def test_letters_after_a_name_do_not_hide_the_role_after_them(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "where it met the Toraga of the Jogorku Kenesh, Nurlanbek Turgunbek uulu, and visited a plant.",
            "Nurlanbek Turgunbek uulu",
            "Toraga of the Jogorku Kenesh",
        ),
        ("Toraga Nurlanbek Turgunbek uulu received the delegation.", "Nurlanbek Turgunbek uulu", "Toraga"),
        ("President Ilham Heydar oglu Aliyev spoke first.", "Ilham Heydar oglu Aliyev", "President"),
        (
            "The Speaker of the Milli Majlis, Sahiba Gafarova, said the visit mattered.",
            "Sahiba Gafarova",
            "Speaker of the Milli Majlis",
        ),
    ],
)
def test_patronymic_words_and_parliaments_of_the_region(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "where it met the Toraga (Speaker) of the Jogorku Kenesh, Nurlanbek Turgunbek uulu, and left.",
            "Nurlanbek Turgunbek uulu",
            "Toraga (Speaker) of the Jogorku Kenesh",
        ),
        (
            "He met the Chairman (Speaker) of the Senate Anna Berg.",
            "Anna Berg",
            "Chairman (Speaker) of the Senate",
        ),
        (
            "The Authorized Person of the Oliy Majlis for Human Rights (Ombudsman), Akmal Saidov, said so.",
            "Akmal Saidov",
            "Authorized Person of the Oliy Majlis for Human Rights (Ombudsman)",
        ),
    ],
)
def test_a_bracketed_gloss_inside_a_title_stays_in_it(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The Secretary-General of the China–Central Asia Secretariat, Lin Weidong, briefed them.",
            "Lin Weidong",
            "Secretary-General of the China–Central Asia Secretariat",
        ),
        (
            "The Secretary-General of the China–Central Asia Secretariat, **Sun Weidong**, briefed them.",
            "Sun Weidong",
            "Secretary-General of the China–Central Asia Secretariat",
        ),
        (
            "Head of the EU–Kazakhstan Business Council Anna Berg said the forum grew.",
            "Anna Berg",
            "Head of the EU–Kazakhstan Business Council",
        ),
        (
            "The Co-Chair of the EU-Uzbekistan Business Council, Anna Berg, said so.",
            "Anna Berg",
            "Co-Chair of the EU-Uzbekistan Business Council",
        ),
    ],
)
def test_sides_joined_by_a_dash_and_emphasis_on_the_name(text, name, role):
    assert people(text).get(name) == role


def test_a_member_list_with_party_group_and_country_gives_people_and_roles():
    got = {
        p.name: (p.role, p.affiliation)
        for p in find_people(
            "Members of the delegation:\n"
            "Lukas Reinhold (EPP, Germany), Chair\n"
            "Marta Ferreira (S&D, Portugal), Vice-Chair\n"
            "Jonas Lindqvist (Renew, Sweden)\n"
        )
    }
    assert got["Marta Ferreira"] == ("Vice-Chair", "Portugal")
    assert got["Jonas Lindqvist"] == (None, "Sweden")
    assert got["Lukas Reinhold"][0] == "Chair"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Anna Berg, Vice-Chair of the Committee, said the talks went well.",
            "Anna Berg",
            "Vice-Chair of the Committee",
        ),
        ("Vice-Chair Anna Berg opened the hearing.", "Anna Berg", "Vice-Chair"),
        (
            "The sitting was opened by Co-Chairman of the Commission Jonas Lind.",
            "Jonas Lind",
            "Co-Chairman of the Commission",
        ),
    ],
)
def test_hyphenated_deputies_of_a_chair_are_titles(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    "text",
    [
        "High Representative Anna Berg arrived. Later the High Representative and Minister Lind met.",
        "High Representative Anna Berg arrived. Friday, the High Representative and Minister Lind spoke.",
        "High Representative Anna Berg arrived. Then the High Representative and Minister Lind signed it.",
    ],
)
def test_two_titles_joined_by_and_are_two_people(text):
    got = {p.name: p for p in find_people("Minister of Foreign Affairs Piotr Lind spoke. " + text)}
    assert got["Piotr Lind"].role == "Minister of Foreign Affairs"
    assert got["Piotr Lind"].affiliation is None


def test_a_double_title_of_one_person_joined_by_and_stays_one_role():
    assert people("Deputy Prime Minister and Minister of Foreign Affairs Murat Nurtleu said so.") == {
        "Murat Nurtleu": "Deputy Prime Minister and Minister of Foreign Affairs"
    }


@pytest.mark.parametrize(
    ("text", "role", "aff"),
    [
        (
            "Head of State Kassym-Jomart Tokayev held talks. The President of Kazakhstan noted progress.",
            "President",
            "Kazakhstan",
        ),
        (
            "Head of State Shavkat Mirziyoyev received the envoy. Later the President of Uzbekistan said so.",
            "President",
            "Uzbekistan",
        ),
        (
            "Head of Government Anna Berg opened the forum, and the Prime Minister of Latvia thanked them.",
            "Prime Minister",
            "Latvia",
        ),
    ],
)
def test_an_epithet_gives_way_to_the_office_the_text_names_with_its_country(text, role, aff):
    (p,) = find_people(text)
    assert (p.role, p.affiliation) == (role, aff)


def test_an_epithet_stays_when_the_office_is_someone_elses():
    got = {
        p.name: p.role
        for p in find_people(
            "Head of State Kassym-Jomart Tokayev met President of Latvia Edgars Rinkevics. "
            "The President of Latvia thanked him."
        )
    }
    assert got["Kassym-Jomart Tokayev"] == "Head of State"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "the Akim of Mangystau Oblast Nurdaulet Kilybay said the port grew.",
            "Nurdaulet Kilybay",
            "Akim of Mangystau Oblast",
        ),
        (
            "the Governor of Kyiv Province Anna Berg said the plan was ready.",
            "Anna Berg",
            "Governor of Kyiv Province",
        ),
        (
            "Participants included the Akim of Mangystau Region Nurdaulet Kilybay and others.",
            "Nurdaulet Kilybay",
            "Akim of Mangystau Region",
        ),
    ],
)
def test_an_administrative_unit_closes_a_governors_title(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    "text",
    [
        "Presiding over the meeting were Kaja Kallas, the EU High Representative, and Murat Nurtleu, "
        "Kazakhstan's Foreign Minister.",
    ],
)
def test_presiding_is_a_head_cue(text):
    from communique import extract

    lead = (
        "Brussels, 14 October 2026\n\nThe 23rd meeting of the EU–Kazakhstan Cooperation Council took "
        "place in Brussels on 14 October 2026. "
    )
    (m,) = extract(lead + text + "\n", published="2026-10-14").meetings
    assert {h.name for h in m.heads} == {"Kaja Kallas", "Murat Nurtleu"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Financing the corridor\nDana Abdrakhmanova, Senior Fellow\n\nKey points\n",
            "Dana Abdrakhmanova",
            "Senior Fellow",
        ),
        (
            "By Anna Berg, Minister of Foreign Affairs of Latvia\n\nWhen I arrived in Brussels it rained.",
            "Anna Berg",
            "Minister of Foreign Affairs",
        ),
        (
            "Jonas Lind, Head of the EU Delegation to Uzbekistan\n\nSummary\nThe corridor grows.",
            "Jonas Lind",
            "Head of the EU Delegation to Uzbekistan",
        ),
    ],
)
def test_a_role_after_a_name_ends_with_its_line(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    "text",
    [
        "Serik Zhumangarin and Péter Szijjártó, the co-chairs of the commission, signed the protocol.",
        "Serik Zhumangarin and Péter Szijjártó, co-chairs of the commission, signed the protocol.",
        "Serik Zhumangarin and Péter Szijjártó co-chaired the meeting.",
        "Serik Zhumangarin and Péter Szijjártó, the two ministers, met in Astana.",
    ],
)
def test_two_names_joined_by_and_before_a_chairing_verb_or_a_plural_apposition(text):
    assert set(people(text)) == {"Serik Zhumangarin", "Péter Szijjártó"}


def test_two_companies_joined_by_and_are_no_people():
    assert people("Kazakhstan Temir Zholy and Azerbaijan Railways, the two companies, signed it.") == {}


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "The event was attended by the Ambassadors of Italy and Spain, Marco Rossi and Ana Garcia.",
            {"Marco Rossi": ("Ambassador", "Italy"), "Ana Garcia": ("Ambassador", "Spain")},
        ),
        (
            "The Ambassadors of Italy and Spain, Anna Berg and Jonas Lind, spoke.",
            {"Anna Berg": ("Ambassador", "Italy"), "Jonas Lind": ("Ambassador", "Spain")},
        ),
        (
            "Ambassadors Anna Berg and Jonas Lind spoke.",
            {"Anna Berg": ("Ambassador", None), "Jonas Lind": ("Ambassador", None)},
        ),
        (
            "Governors Anna Berg and Jonas Lind signed the memorandum.",
            {"Anna Berg": ("Governor", None), "Jonas Lind": ("Governor", None)},
        ),
    ],
)
def test_a_plural_title_before_two_names(text, roles):
    assert {p.name: (p.role, p.affiliation) for p in find_people(text)} == roles


@pytest.mark.parametrize(
    "text",
    [
        "| Name | Position |\n|---|---|\n| Anna Berg | Minister of Energy |\n| Jonas Lind | Head of Unit |",
        "Anna Berg | Minister of Energy | Latvia\nJonas Lind | Head of Unit | EU",
        "| Anna Berg | Minister of Energy |\n\n| Jonas Lind | Head of Unit |",
    ],
)
def test_a_table_row_gives_the_role_in_the_next_cell(text):
    got = people(text)
    assert got["Anna Berg"] == "Minister of Energy" and got["Jonas Lind"] == "Head of Unit"


@pytest.mark.parametrize(
    "text",
    [
        "Aibek Smadiyarov: Good afternoon, dear journalists.",
        "Question (Kazinform): Is there news?\nAnswer (Aibek Smadiyarov): Yes, there is.",
        "**Aibek Smadiyarov:** Thank you very much.",
    ],
)
def test_a_transcripts_speaker_label_names_a_person(text):
    assert set(people(text)) == {"Aibek Smadiyarov"}


@pytest.mark.parametrize(
    "text", ["Middle Corridor: From Potential to Flow", "News\nTemir Zholy: new trains on the route"]
)
def test_a_heading_with_a_colon_names_nobody(text):
    assert people(text) == {}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("The EU delegation was headed by Head of Unit Anna Berg.", "Anna Berg", "Head of Unit"),
        ("Head of Mission Jonas Lind presented the report.", "Jonas Lind", "Head of Mission"),
        ("Deputy Head of Department Olga Ivanova took part.", "Olga Ivanova", "Deputy Head of Department"),
        (
            "Head of Division for Central Asia Piotr Nowak said so.",
            "Piotr Nowak",
            "Head of Division for Central Asia",
        ),
    ],
)
def test_a_unit_of_a_service_closes_a_heads_title(text, name, role):
    assert people(text).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("It was co-chaired by Lukas Reinhold, MEP, Chair of DCAS.", "Lukas Reinhold", "Chair of DCAS"),
        (
            "Anna Berg, MP, Chair of the Foreign Affairs Committee, spoke.",
            "Anna Berg",
            "Chair of the Foreign Affairs Committee",
        ),
        (
            "The report was presented by Jonas Lind, MEP, Vice-Chair of the Delegation.",
            "Jonas Lind",
            "Vice-Chair of the Delegation",
        ),
    ],
)
def test_letters_between_commas_after_a_name_do_not_hide_the_role(text, name, role):
    assert people(text).get(name) == role


def test_letters_between_commas_alone_still_mark_a_person():
    assert "Jonas Lind" in people("Jonas Lind, MEP, said the vote was close.")


@pytest.mark.parametrize(
    "text",
    [
        "Head of State Shavkat Mirziyoyev received the delegation. The President stressed the reforms.",
        "Head of State Kassym-Jomart Tokayev opened the forum. Later the President met the investors.",
        "Head of State Sadyr Japarov spoke first, and the President then thanked the guests.",
    ],
)
def test_an_epithet_gives_way_to_a_bare_office_nobody_else_holds(text):
    (p,) = find_people(text)
    assert p.role == "President"


def test_a_possessive_office_is_no_reference():
    (p,) = find_people("Head of State Kassym-Jomart Tokayev held talks. The President's office said so.")
    assert p.role == "Head of State"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Chargé d'Affaires a.i. Anna Berg opened the event.", "Chargé d'Affaires a.i."),
        ("The EU Chargé d'Affaires a.i. Anna Berg said so.", "EU Chargé d'Affaires a.i."),
        (
            "Chargé d'Affaires a.i. of the EU to Turkmenistan Anna Berg opened it.",
            "Chargé d'Affaires a.i. of the EU to Turkmenistan",
        ),
    ],
)
def test_ad_interim_stays_in_the_title_before_a_name(text, role):
    assert people(text) == {"Anna Berg": role}
