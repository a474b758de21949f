"""Roles in participant lists and next to institutions: "Member" as a title, a bank's or an agency's
officer, an institution's name before the title, compound titles after "and", companies' legal
forms (our own sentences)."""

from __future__ import annotations

import pytest

from communique.annotate.people import find_people


def _people(text: str) -> dict[str, tuple]:
    return {p.name: (p.role, p.affiliation) for p in find_people(text)}


# --- "Member" written as the title ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Participants:\n\n- Anna Lind (Renew, Sweden), Member\n- Karl Berg (EPP, Austria), Member\n",
            "Anna Lind",
            "Member",
        ),
        (
            "Oliy Majlis:\n\n- Dilnoza Karimova, co-chair\n- Aziza Umarova, Member of the Senate\n",
            "Aziza Umarova",
            "Member of the Senate",
        ),
        (
            "Member of the European Parliament Pavel Novak said the vote would pass.",
            "Pavel Novak",
            "Member of the European Parliament",
        ),
        (
            "The report was presented by Olga Lind, Member of the Board of Halyk Bank.",
            "Olga Lind",
            "Member of the Board of Halyk Bank",
        ),
    ],
)
def test_member_is_a_title(text, name, role):
    assert _people(text)[name][0] == role


def test_member_states_name_no_person():
    assert _people("EU Member States Germany and France agreed on the text.") == {}


# --- an officer of a bank or an agency: the institution goes to the affiliation -----------------


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            "President of the European Bank for Reconstruction and Development Odile Renaud-Basso met him.",
            "Odile Renaud-Basso",
            "President",
            "European Bank for Reconstruction and Development",
        ),
        (
            "In his welcome address the Governor of the AIFC, Renat Bekturov, announced the results.",
            "Renat Bekturov",
            "Governor",
            "Astana International Financial Centre",
        ),
        (
            "Anna Berg, Managing Director for Central Asia of the EBRD, said the loan was signed.",
            "Anna Berg",
            "Managing Director for Central Asia",
            "European Bank for Reconstruction and Development",
        ),
        (
            "Chairman of the Board of the Asian Development Bank Kenji Sato opened the forum.",
            "Kenji Sato",
            "Chairman of the Board",
            "Asian Development Bank",
        ),
    ],
)
def test_a_banks_officer_keeps_the_title_alone(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "President of the European Commission Ursula von der Leyen said.",
            "Ursula von der Leyen",
            "President of the European Commission",
        ),
        (
            "Secretary General of the Organization of Turkic States Kubanychbek Omuraliev spoke.",
            "Kubanychbek Omuraliev",
            "Secretary General of the Organization of Turkic States",
        ),
        ("Anna Berg, Speaker of the Senate, opened the sitting.", "Anna Berg", "Speaker of the Senate"),
    ],
)
def test_an_office_of_an_eu_institution_organisation_or_parliament_stays_whole(text, name, role):
    assert _people(text)[name][0] == role


# --- an institution's name before the title, after the comma ------------------------------------


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            '"This removes a bottleneck," said Marco Rossi, World Bank Country Manager for Uzbekistan.',
            "Marco Rossi",
            "Country Manager for Uzbekistan",
            "World Bank",
        ),
        (
            "Anna Berg, Asian Development Bank Director General for Central and West Asia, said the plan "
            "was sound.",
            "Anna Berg",
            "Director General for Central and West Asia",
            "Asian Development Bank",
        ),
        (
            "The loan was presented by Olga Lind, the European Investment Bank Vice-President, in Astana.",
            "Olga Lind",
            "Vice-President",
            "European Investment Bank",
        ),
        (
            "Karl Weber, World Bank country director for Kazakhstan, welcomed the reform.",
            "Karl Weber",
            "country director for Kazakhstan",
            "World Bank",
        ),
    ],
)
def test_an_institution_named_before_the_title_in_apposition(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


# --- one compound title after "and" -------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "On March 11, Member of the Political Bureau of the CPC Central Committee and Foreign Minister "
            "Wang Yi held talks.",
            "Wang Yi",
            "Member of the Political Bureau of the CPC Central Committee and Foreign Minister",
        ),
        (
            "Yesterday Member of the Politburo and Digital Development Minister Anna Berg held talks.",
            "Anna Berg",
            "Member of the Politburo and Digital Development Minister",
        ),
        (
            "Head of the Presidential Administration and Trade Minister Karl Weber arrived.",
            "Karl Weber",
            "Head of the Presidential Administration and Trade Minister",
        ),
    ],
)
def test_a_compound_title_after_and_is_not_cut(text, name, role):
    assert _people(text)[name][0] == role


def test_a_complemented_title_before_a_bare_rank_still_wins():
    got = _people("Head of the EU Delegation to Kyrgyzstan Ambassador Aleksandra Nowak said.")
    assert got["Aleksandra Nowak"][0] == "Head of the EU Delegation to Kyrgyzstan"


# --- a company's legal form ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The ministry and the German company Hydrogen Steppe GmbH concluded a memorandum.",
        "Yesterday Caspian Wind Ltd received a licence for the site.",
        "The contract went to Almaty Solar LLC, which met the deadline.",
    ],
)
def test_a_name_with_a_legal_form_is_a_company(text):
    assert _people(text) == {}


def test_a_person_next_to_a_company_is_still_found():
    got = _people("Minister Anna Berg met Karl Weber, Chief Executive Officer of Weber GmbH.")
    assert set(got) == {"Anna Berg", "Karl Weber"}


# --- a title dated by "then" / "now": the office held at the time of writing wins -----------------


@pytest.mark.parametrize(
    "text",
    [
        "Murat Nurtleu, then Deputy Prime Minister, signed the protocol.",
        "Murat Nurtleu, who was then Deputy Prime Minister, signed the protocol.",
        "Murat Nurtleu, at the time Deputy Prime Minister, signed the protocol.",
    ],
)
def test_a_person_with_a_past_office_is_found(text):
    assert _people(text)["Murat Nurtleu"][0] == "Deputy Prime Minister"


@pytest.mark.parametrize(
    "text",
    [
        "In 2023 the protocol was signed by Murat Nurtleu, then Deputy Prime Minister. Murat Nurtleu, now "
        "Minister of Foreign Affairs, recalled it.",
        "In 2023 the protocol was signed by Murat Nurtleu, then Deputy Prime Minister. Nurtleu, now Minister "
        "of Foreign Affairs, recalled it on Monday.",
        "Murat Nurtleu, who was at the time Deputy Prime Minister, signed it. Today Minister of Foreign "
        "Affairs Murat Nurtleu recalled it.",
    ],
)
def test_the_present_office_replaces_a_past_one(text):
    assert _people(text)["Murat Nurtleu"][0] == "Minister of Foreign Affairs"


def test_a_later_past_office_does_not_replace_the_present_one():
    text = (
        "Minister of Foreign Affairs Murat Nurtleu met the envoy. Nurtleu, formerly Deputy Prime Minister, "
        "said the talks went well."
    )
    assert _people(text)["Murat Nurtleu"][0] == "Minister of Foreign Affairs"


def test_a_name_after_of_the_is_no_person():
    text = "Wang, also a member of the Political Bureau of the Communist Party of China, said it."
    assert "Communist Party" not in _people(text)


# --- lower-case titles closing on a body, a body's name inside the title --------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Talgat Aldybergenov, chairman of the board of Kazakhstan Temir Zholy, said.",
            "Talgat Aldybergenov",
            "chairman of the board",
        ),
        (
            "Timur Suleimenov, deputy head of the presidential administration, said the talks went well.",
            "Timur Suleimenov",
            "deputy head of the presidential administration",
        ),
        (
            "The plan was presented by Anna Berg, head of the department of Asia.",
            "Anna Berg",
            "head of the department",
        ),
    ],
)
def test_a_lower_case_title_closes_on_the_body(text, name, role):
    assert _people(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Talgat Aldybergenov, Chairman of the Board of Kazakhstan Temir Zholy, said.",
            "Talgat Aldybergenov",
        ),
        ("Rovshan Rustamov, Chairman of Azerbaijan Railways, told reporters.", "Rovshan Rustamov"),
        ("The line was opened by Lasha Abashidze, General Director of Georgian Railway.", "Lasha Abashidze"),
    ],
)
def test_a_bodys_name_inside_the_title_is_no_next_person(text, name):
    got = _people(text)
    assert set(got) == {name}
    assert got[name][0] is not None


def test_a_title_before_the_next_name_still_goes_to_it():
    got = _people("Deputy Minister Anna Berg, Vice Minister of Transport Karl Weber said.")
    assert got["Karl Weber"][0] == "Vice Minister of Transport"


# --- brackets after a name: a role, or the country of a titled person -----------------------------


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            "Speakers: Anna Berg (Head of Unit), Karl Weber (Senior Economist).",
            "Anna Berg",
            "Head of Unit",
            None,
        ),
        (
            "Co-chairs: Deputy Foreign Minister Roman Vassilenko (Kazakhstan) and Managing Director "
            "Luc Devigne (EEAS).",
            "Roman Vassilenko",
            "Deputy Foreign Minister",
            "Kazakhstan",
        ),
        (
            "Co-chairs: Deputy Foreign Minister Roman Vassilenko (Kazakhstan) and Managing Director "
            "Luc Devigne (EEAS).",
            "Luc Devigne",
            "Managing Director",
            "European External Action Service",
        ),
        (
            "- Kinga Hessel (EPP, Poland), Chair of DCAS, co-chair\n",
            "Kinga Hessel",
            "Chair of DCAS",
            "Poland",
        ),
    ],
)
def test_a_bracket_after_the_name(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "The deal was signed by then-Foreign Minister Mukhtar Tileuberdi in 2022.",
            "Mukhtar Tileuberdi",
            "Foreign Minister",
        ),
        ("The visit of then-Prime Minister Askar Mamin took place in 2021.", "Askar Mamin", "Prime Minister"),
        (
            "The then-Deputy Prime Minister Roman Sklyar attended the forum.",
            "Roman Sklyar",
            "Deputy Prime Minister",
        ),
        (
            "It was launched by ex-President Nursultan Nazarbayev in 2013.",
            "Nursultan Nazarbayev",
            "ex-President",
        ),
    ],
)
def test_a_hyphenated_prefix_opens_the_title(text, name, role):
    assert _people(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "According to the deputy head of the presidential administration, Timur Suleimenov, the talks "
            "went well.",
            "Timur Suleimenov",
            "deputy head of the presidential administration",
        ),
        (
            "As noted by the head of the department, Anna Berg, the talks went well.",
            "Anna Berg",
            "head of the department",
        ),
        (
            "He was welcomed by the spokesperson of the ministry, Aibek Smadiyarov.",
            "Aibek Smadiyarov",
            "spokesperson of the ministry",
        ),
    ],
)
def test_a_lower_case_title_before_the_comma_and_the_name(text, name, role):
    assert _people(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            "Moderator: Olga Lind, Programme Manager, EU Delegation to Kazakhstan\n",
            "Olga Lind",
            "Programme Manager",
            None,
        ),
        (
            "Anna Berg, Policy Officer for Central Asia, said the call was open.",
            "Anna Berg",
            "Policy Officer for Central Asia",
            None,
        ),
        (
            "Panelists: Olga Lind, Head of Kazakhstan, EBRD.",
            "Olga Lind",
            "Head of Kazakhstan",
            "European Bank for Reconstruction and Development",
        ),
        ("Karl Weber, Managing Director, KfW\n", "Karl Weber", "Managing Director", "KfW Development Bank"),
        (
            "Anna Berg, Senior Economist, World Bank, said growth would slow.",
            "Anna Berg",
            "Senior Economist",
            "World Bank",
        ),
    ],
)
def test_speaker_lines_with_a_general_word_before_the_head_or_a_known_institution_after(
    text, name, role, aff
):
    assert _people(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Minister of Foreign Affairs of the Republic of Kazakhstan H.E. Mr. Murat Nurtleu met the envoy.",
            "Murat Nurtleu",
            "Minister of Foreign Affairs",
        ),
        ("The Ambassador of Latvia H.E. Ms. Anna Berg presented her credentials.", "Anna Berg", "Ambassador"),
        ("Deputy Minister H. E. Mr Roman Vassilenko received him.", "Roman Vassilenko", "Deputy Minister"),
    ],
)
def test_a_title_before_several_honorifics(text, name, role):
    assert _people(text)[name][0] == role


@pytest.mark.parametrize(
    "text, names, role",
    [
        (
            "Ministers Bakhtiyor Saidov (Uzbekistan) and Murat Nurtleu (Kazakhstan) signed the protocol.",
            ["Bakhtiyor Saidov", "Murat Nurtleu"],
            "Minister",
        ),
        (
            "Foreign Ministers Bakhtiyor Saidov (Uzbekistan), Murat Nurtleu (Kazakhstan) and Jeenbek "
            "Kulubaev (Kyrgyzstan) met.",
            ["Bakhtiyor Saidov", "Murat Nurtleu", "Jeenbek Kulubaev"],
            "Foreign Minister",
        ),
        (
            "Presidents Ilham Aliyev (Azerbaijan) and Kassym-Jomart Tokayev (Kazakhstan) met in Astana.",
            ["Ilham Aliyev", "Kassym-Jomart Tokayev"],
            "President",
        ),
    ],
)
def test_a_plural_title_over_names_with_their_countries_in_brackets(text, names, role):
    got = _people(text)
    assert [got[n][0] for n in names] == [role] * len(names)
