"""People's roles: a bank's acronym before "Head of <country>", an epithet ("Head of State") that the
text also gives as a title with the country, and letters after a name before its role. Sentences of
our own."""

from __future__ import annotations

import pytest

from communique.annotate.people import find_people


def _roles(text: str) -> dict[str, tuple[str | None, str | None]]:
    return {p.name: (p.role, p.affiliation) for p in find_people(text)}


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        ("EBRD Head of Azerbaijan Marta Kovács added that the loan was the first.", "Marta Kovács",
         "EBRD Head of Azerbaijan", "European Bank for Reconstruction and Development"),
        ("At the signing, EIB Head of Uzbekistan office Pieter de Wit spoke of the next projects.",
         "Pieter de Wit", None, "European Investment Bank"),
        ("\"We are glad,\" said EBRD Head of Mongolia Dina Temirbekova on Monday.", "Dina Temirbekova",
         "EBRD Head of Mongolia", "European Bank for Reconstruction and Development"),
    ],
)
def test_an_institution_acronym_keeps_the_country_of_its_office_in_the_role(text, name, role, aff):
    got_role, got_aff = _roles(text)[name]
    assert got_aff == aff
    if role:
        assert got_role == role
    assert got_role and "Head of" in got_role


@pytest.mark.parametrize(
    "text, name, title, country",
    [
        ("Head of State Kassym-Jomart Tokayev held talks with the visitors. Welcoming the guests, the "
         "President of Kazakhstan noted that trade grew.", "Kassym-Jomart Tokayev", "President",
         "Kazakhstan"),
        ("Head of State Shavkat Mirziyoyev received the delegation. According to the President of "
         "Uzbekistan, trade has doubled.", "Shavkat Mirziyoyev", "President", "Uzbekistan"),
        ("Head of Government Olzhas Bektenov met investors on Monday. The Prime Minister of Kazakhstan said "
         "the reforms would continue.", "Olzhas Bektenov", "Prime Minister", "Kazakhstan"),
    ],
)
def test_an_epithet_takes_the_title_the_text_gives_with_the_country(text, name, title, country):
    assert _roles(text)[name] == (title, country)


def test_an_epithet_stays_when_another_person_bears_the_title_of_that_country():
    text = (
        "Head of State Shavkat Mirziyoyev received President of Kazakhstan Kassym-Jomart Tokayev. "
        "The President of Kazakhstan thanked him."
    )
    assert _roles(text)["Shavkat Mirziyoyev"][0] == "Head of State"


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("It was co-chaired by Lukas Reinhold MEP, Chair of DCAS, and a Kazakh deputy.", "Lukas Reinhold",
         "Chair of DCAS"),
        ("The report was presented by Anna Berg MP, Chair of the Foreign Affairs Committee, on Monday.",
         "Anna Berg", "Chair of the Foreign Affairs Committee"),
        ("The debate was opened by Peter Kovacs MEP, Rapporteur for Central Asia, in Brussels.",
         "Peter Kovacs", "Rapporteur for Central Asia"),
    ],
)
def test_letters_after_a_name_do_not_hide_its_role(text, name, role):
    assert _roles(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, aff",
    [
        ("In the work of the Council took part Ambassador of PRC in RK Han Chunlin and 200 business people.",
         "Han Chunlin", "China"),
        ("Ambassador of the People's Republic of China to Kazakhstan Zhang Xiao took part.", "Zhang Xiao",
         "China"),
        ("The forum was opened by Ambassador of Japan in Uzbekistan Hatori Takashi on Monday.",
         "Hatori Takashi", "Japan"),
    ],
)
def test_an_envoy_of_a_state_in_another_written_as_translations_write_it(text, name, aff):
    role, got_aff = _roles(text)[name]
    assert role and role.startswith("Ambassador")
    assert got_aff == aff


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        ("Deputy Prime Minister – Minister of National Economy of RK Serik Zhumangarin chaired it.",
         "Serik Zhumangarin", "Deputy Prime Minister – Minister of National Economy", "Kazakhstan"),
        ("Minister of Trade and Integration of RK Arman Shakkaliyev spoke.", "Arman Shakkaliyev",
         "Minister of Trade and Integration", "Kazakhstan"),
        ("Deputy Minister of Foreign Affairs of RF Andrey Rudenko arrived.", "Andrey Rudenko",
         "Deputy Minister of Foreign Affairs", "Russia"),
    ],
)
def test_rk_and_rf_name_the_country_of_the_office(text, name, role, aff):
    assert _roles(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Kulubaev met Member of the Political Bureau of the CPC Central Committee, Minister of Foreign "
         "Affairs of the People's Republic of China Wang Yi.", "Wang Yi", "Minister of Foreign Affairs"),
        ("Member of the Politburo, Vice Premier of the State Council Ding Xuexiang opened the forum.",
         "Ding Xuexiang", "Vice Premier of the State Council"),
        ("Member of the Mazhilis, Chair of the Committee on International Affairs Aidos Sarym spoke.",
         "Aidos Sarym", "Chair of the Committee on International Affairs"),
    ],
)
def test_a_membership_before_a_comma_gives_way_to_the_office(text, name, role):
    assert _roles(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Chairman of the Board of Kazakh Invest Yerzhan Yelekeyev said so.", "Yerzhan Yelekeyev",
         "Chairman of the Board of Kazakh Invest"),
        ("Chairman of the Board of KTZ Express Daniyar Zhumabekov said so.", "Daniyar Zhumabekov",
         "Chairman of the Board of KTZ Express"),
        ("General Director of COSCO Shipping Lines Wang Lin said so.", "Wang Lin",
         "General Director of COSCO Shipping Lines"),
        ("Head of the Investment Promotion Agency Yusif Abdullayev said so.", "Yusif Abdullayev",
         "Head of the Investment Promotion Agency"),
        ("Chairman of the Aktau Port Authority Abzal Ismagulov said so.", "Abzal Ismagulov",
         "Chairman of the Aktau Port Authority"),
    ],
)
def test_a_body_or_company_named_before_the_person_stays_in_the_role(text, name, role):
    assert _roles(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Kanokpan Lao-Araya, ADB Country Director for Uzbekistan, said the project builds on ADB's work.",
         "Kanokpan Lao-Araya", "Country Director for Uzbekistan"),
        ("Huseyin Ozhan, Country Director for Kazakhstan, said so.", "Huseyin Ozhan",
         "Country Director for Kazakhstan"),
        ("World Bank Country Manager for Kazakhstan Andrei Mikhnev said so.", "Andrei Mikhnev",
         "Country Manager for Kazakhstan"),
    ],
)
def test_a_country_office_title(text, name, role):
    assert _roles(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Head of the EU Delegation to Kyrgyzstan Ambassador Aleksandra Nowak signed the agreement.",
         "Aleksandra Nowak", "Head of the EU Delegation to Kyrgyzstan"),
        ("Head of the Mission of Kazakhstan to the EU Ambassador Margulan Baimukhan attended.",
         "Margulan Baimukhan", "Head of the Mission of Kazakhstan to the EU"),
        ("Head of the Delegation of the European Union to Kazakhstan Ambassador Aleška Simkić opened it.",
         "Aleška Simkić", "Head of the Delegation of the European Union to Kazakhstan"),
    ],
)
def test_a_bare_title_between_a_fuller_one_and_the_name_gives_way(text, name, role):
    assert _roles(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("The meeting was chaired by the Chairman of the Management Board of JSC \"Kazakhstan Temir Zholy\", "
         "Talgat Alimov, and brought together the railways.", "Talgat Alimov",
         "Chairman of the Management Board of JSC \"Kazakhstan Temir Zholy\""),
        ("The Secretary-General of the China–Central Asia Secretariat, **Sun Weidong**, briefed them.",
         "Sun Weidong", "Secretary-General of the China–Central Asia Secretariat"),
        ("Transcript of the briefing by the Official Representative of the Ministry of Foreign Affairs, "
         "Aibek Smadiyarov\n\nAstana, 18 May 2026", "Aibek Smadiyarov",
         "Official Representative of the Ministry of Foreign Affairs"),
        ("Remarks by the Head of the EU Delegation, Aleška Simkić\n\nDear guests, welcome.", "Aleška Simkić",
         "Head of the EU Delegation"),
    ],
)
def test_a_title_before_a_comma_and_the_name(text, name, role):
    assert _roles(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("The Latvian part was chaired by Minister of Economics Viktors Valainis.", "Viktors Valainis",
         "Minister of Economics"),
        ("Minister of Commerce Wang Wentao met the delegation.", "Wang Wentao", "Minister of Commerce"),
        ("Minister of Transportation Jan Kowalski opened the line.", "Jan Kowalski",
         "Minister of Transportation"),
    ],
)
def test_a_portfolio_word_right_before_the_name_closes_the_title(text, name, role):
    assert _roles(text)[name][0] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("The report was presented by Marta Ferreira (S&D, Portugal), Vice-Chair of the Delegation.",
         "Marta Ferreira", "Vice-Chair of the Delegation"),
        ("Anna Berg (EPP, Sweden), Rapporteur for Central Asia, spoke.", "Anna Berg",
         "Rapporteur for Central Asia"),
        ("Vice-Chairman of the Board Jan Kowalski said so.", "Jan Kowalski", "Vice-Chairman of the Board"),
        ("Marta Ferreira, Vice-Chair of the Delegation, said so.", "Marta Ferreira",
         "Vice-Chair of the Delegation"),
    ],
)
def test_vice_chairs_and_a_bracket_after_the_name(text, name, role):
    assert _roles(text)[name][0] == role
