"""Titles written in less usual ways before a name: a portfolio word closing the title, a
human-rights officer's title with a bracketed gloss, a surname with particles under a title."""

from __future__ import annotations

import pytest

from communique import extract
from communique.annotate.people import find_people


def people(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in find_people(text)}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The talks were attended by Vice Minister of Commerce Ling Ji.",
            "Ling Ji",
            "Vice Minister of Commerce",
        ),
        (
            "The delegation was led by Minister of Transportation Maria Lopez on Monday.",
            "Maria Lopez",
            "Minister of Transportation",
        ),
        (
            "Deputy Minister of Agricultural Development Aibek Sultanov said the plan was ready.",
            "Aibek Sultanov",
            "Deputy Minister of Agricultural Development",
        ),
        (
            "Minister of Environmental Protection Jonas Berg opened the session.",
            "Jonas Berg",
            "Minister of Environmental Protection",
        ),
    ],
)
def test_portfolio_word_closes_the_title_before_the_name(text, name, role):
    assert people(text) == {name: role}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The Authorized Person of the Oliy Majlis for Human Rights (Ombudsman), Feruza Eshmatova, "
            "informed the participants.",
            "Feruza Eshmatova",
            "Authorized Person of the Oliy Majlis for Human Rights (Ombudsman)",
        ),
        ("The Ombudsman, Feruza Eshmatova, said complaints rose.", "Feruza Eshmatova", "Ombudsman"),
        ("Ombudsperson Anna Weber presented the annual report.", "Anna Weber", "Ombudsperson"),
        (
            "Dana Lind, the Ombudswoman of Estonia, visited the centre.",
            "Dana Lind",
            "Ombudswoman",  # the country goes to the affiliation
        ),
    ],
)
def test_human_rights_officers(text, name, role):
    assert people(text) == {name: role}


def test_bracketed_acronym_is_no_part_of_the_title():
    text = "The Chairman of the Agency for Strategic Reforms (ASR), Ilya Vyatkin, said the plan was ready."
    assert people(text) == {"Ilya Vyatkin": "Chairman of the Agency for Strategic Reforms"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The package was announced by President von der Leyen at the summit in Samarkand.",
            "von der Leyen",
            "President",
        ),
        ("Chancellor van der Bellen said the EU would help.", "van der Bellen", "Chancellor"),
        ("The report of Ambassador de la Rosa was read out.", "de la Rosa", "Ambassador"),
        # the full name given elsewhere is kept
        (
            "Ursula von der Leyen arrived on Monday. President von der Leyen said the EU would help.",
            "Ursula von der Leyen",
            "President",
        ),
    ],
)
def test_particle_surname_under_a_title(text, name, role):
    assert people(text) == {name: role}


def test_particles_without_a_title_are_no_person():
    assert people("The von der Leyen Commission proposed it.") == {}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "The XVI meeting of the Kyrgyz-Chinese Intergovernmental Commission was held by video "
            "conference on Tuesday.\n\nThe Kyrgyz part of the commission was chaired by First Deputy "
            "Chairman of the Cabinet of Ministers Daniyar Amangeldiev, the Chinese part by Vice Minister "
            "of Commerce Ling Ji.\n",
            {"Daniyar Amangeldiev": "Kyrgyzstan", "Ling Ji": "China"},
        ),
        (
            "The 5th meeting of the Uzbek-Korean Intergovernmental Commission took place in Tashkent on "
            "Monday. The Korean part was headed by Vice Minister of Trade Kim Min-su, and the Uzbek part by "
            "Deputy Prime Minister Jamshid Khodjaev.\n",
            {"Kim Min-su": "South Korea", "Jamshid Khodjaev": "Uzbekistan"},
        ),
        (
            "The 3rd meeting of the Kazakh-Turkish Joint Economic Commission was held in Ankara on 2 June. "
            "The Turkish part of the commission was co-chaired by Minister of Trade Omer Bolat, the Kazakh "
            "part by Minister of Trade and Integration Arman Shakkaliyev.\n",
            {"Omer Bolat": "Turkey", "Arman Shakkaliyev": "Kazakhstan"},
        ),
    ],
)
def test_heads_by_the_part_of_the_commission_they_chaired(text, sides):
    (m,) = extract(text, published="2025-06-04").meetings
    assert {h.name: h.side for h in m.heads} == sides


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Consul General Anna Berg opened the exhibition.", "Anna Berg", "Consul General"),
        ("Prosecutor General Berik Asylov met the delegation.", "Berik Asylov", "Prosecutor General"),
        ("MEP Jana Novak presented the report.", "Jana Novak", "MEP"),
        ("The rapporteur, Jana Novak, said the report was ready.", "Jana Novak", "rapporteur"),
        (
            "Hokim of Samarkand region Erkinjon Turdimov welcomed the guests.",
            "Erkinjon Turdimov",
            "Hokim of Samarkand region",
        ),
        (
            "Rector of Nazarbayev University Aida Kassymova signed the memorandum.",
            "Aida Kassymova",
            "Rector of Nazarbayev University",
        ),
        ("Attaché Marta Lis presented the programme.", "Marta Lis", "Attaché"),
        ("Minister-Counsellor Pavel Kral attended the reception.", "Pavel Kral", "Minister-Counsellor"),
        (
            "Press Secretary of the President Ruslan Zheldibay said the visit was useful.",
            "Ruslan Zheldibay",
            "Press Secretary of the President",
        ),
    ],
)
def test_consular_parliamentary_judicial_academic_and_regional_titles(text, name, role):
    assert people(text) == {name: role}


def test_a_given_name_that_is_also_a_title_stays_a_name():
    assert people("Dean Acheson said the plan would work.") == {"Dean Acheson": None}


@pytest.mark.parametrize(
    "text",
    [
        "Bakhrom Aloev received the ambassador of Latvia.",
        "On Monday, Bakhrom Aloev met the EU Special Representative in Tashkent.",
        "The ambassador was received by Bakhrom Aloev at the ministry.",
        "The Uzbek side was represented by Bakhrom Aloev.",
        "The reception was attended by Bakhrom Aloev and other guests.",
    ],
)
def test_untitled_name_doing_what_only_a_person_does(text):
    assert people(text) == {"Bakhrom Aloev": None}


@pytest.mark.parametrize(
    "text",
    [
        "Kazakhstan Temir Zholy met the investors in Astana.",
        "The Eurasian Development Bank received the application.",
        "Trade Minister received the delegation.",
    ],
)
def test_no_person_from_a_company_or_a_bare_title(text):
    assert people(text) == {}


@pytest.mark.parametrize(
    ("text", "name", "aff"),
    [
        (
            "It was led by Bakhrom Aloev and Luc Devigne of the European External Action Service.",
            "Luc Devigne",
            "European External Action Service",
        ),
        (
            "Anna Berg of the EBRD presented the loan.",
            "Anna Berg",
            "European Bank for Reconstruction and Development",
        ),
        ("Maria Lopez of the European Commission presented the plan.", "Maria Lopez", "European Commission"),
    ],
)
def test_untitled_name_of_a_known_institution(text, name, aff):
    got = {p.name: p.affiliation for p in find_people(text)}
    assert got[name] == aff


@pytest.mark.parametrize(
    ("text", "name", "role", "aff"),
    [
        (
            "- **Pieter Vandeweghe** – Head of Unit for Central Asia, Directorate-General for International "
            "Partnerships, European Commission\n",
            "Pieter Vandeweghe",
            "Head of Unit for Central Asia, Directorate-General for International Partnerships",
            "European Commission",
        ),
        (
            "Anna Berg, Head of Division, Central Asia Department, EEAS, said trade grew.",
            "Anna Berg",
            "Head of Division, Central Asia Department",
            "European External Action Service",
        ),
        (
            "Jan Novak, Adviser, Directorate for Neighbourhood, European Investment Bank\n",
            "Jan Novak",
            "Adviser, Directorate for Neighbourhood",
            "European Investment Bank",
        ),
    ],
)
def test_title_then_unit_then_institution(text, name, role, aff):
    (p,) = find_people(text)
    assert (p.name, p.role, p.affiliation) == (name, role, aff)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The head of the EBRD office in Uzbekistan, Tatiana Vedeneeva, said the bank was ready.",
            "Tatiana Vedeneeva",
            "head of the EBRD office in Uzbekistan",
        ),
        (
            "The director of the EU Delegation office in Bishkek, Anna Berg, welcomed the guests.",
            "Anna Berg",
            "director of the EU Delegation office in Bishkek",
        ),
        (
            "Trade grew. The ambassador of Latvia to Uzbekistan, Reinis Trokss, attended the ceremony.",
            "Reinis Trokss",
            "ambassador of Latvia to Uzbekistan",
        ),
    ],
)
def test_lower_case_title_opening_the_sentence_before_the_name(text, name, role):
    assert people(text)[name] == role


def test_opening_noun_that_is_no_title_gives_no_person():
    assert people("The company, Astana Hub, said growth would slow.") == {}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Tatiana Vedeneeva, head of the EBRD office in Uzbekistan, said the bank was ready.",
            "Tatiana Vedeneeva",
            "head of the EBRD office in Uzbekistan",
        ),
        (
            "Anna Berg, Head of the EU Delegation office in Kyrgyzstan, said so.",
            "Anna Berg",
            "Head of the EU Delegation office in Kyrgyzstan",
        ),
        (
            "Jan Novak, director of the ADB country office in Kazakhstan, said so.",
            "Jan Novak",
            "director of the ADB country office in Kazakhstan",
        ),
        # "in <country>" after a title that is no office stays out
        (
            "Anna Berg, Minister of Foreign Affairs in Latvia since 2020, said so.",
            "Anna Berg",
            "Minister of Foreign Affairs",
        ),
    ],
)
def test_office_of_an_institution_in_a_country_after_the_name(text, name, role):
    assert people(text)[name] == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The session was opened by H.E. Murat Nurtleu.", {"Murat Nurtleu": None}),
        ("H.E. Murat Nurtleu opened the session.", {"Murat Nurtleu": None}),
        (
            "Jeenbek Kulubaev (Kyrgyzstan) and Murat Nurtleu (Kazakhstan) signed the statement.",
            {"Jeenbek Kulubaev": "Kyrgyzstan", "Murat Nurtleu": "Kazakhstan"},
        ),
        (
            "Speakers: Anna Berg (EEAS), Jan Novak (World Bank).",
            {"Anna Berg": "European External Action Service", "Jan Novak": "World Bank"},
        ),
    ],
)
def test_untitled_name_after_his_excellency_or_with_its_side_in_brackets(text, expected):
    got = {p.name: p.affiliation for p in find_people(text)}
    assert got == expected


def test_company_with_a_bracket_is_no_person():
    assert people("Samruk Kazyna (SK) reported profits.") == {}
