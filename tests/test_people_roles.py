"""People: appositive roles in lower case, an acronym naming the employer, a main role before a
co-chairmanship, initials written without a space."""

from __future__ import annotations

from communique.annotate.people import find_people


def _people(text: str) -> dict[str, tuple]:
    return {p.name: (p.role, p.affiliation) for p in find_people(text)}


def test_lower_case_appositive_role_with_its_institution():
    got = _people(
        '"It is hard," said Aida Nurova, a water economist at the Institute for Regional Studies in Almaty.'
    )
    assert got["Aida Nurova"] == ("water economist", "Institute for Regional Studies")


def test_acronym_before_an_appositive_role_names_the_employer():
    got = _people('"We will pay," said Marco Bellini, EBRD country director for Kyrgyzstan.')
    assert got["Marco Bellini"] == (
        "country director for Kyrgyzstan",
        "European Bank for Reconstruction and Development",
    )


def test_main_role_before_a_co_chairmanship():
    text = (
        "The Kyrgyz delegation was headed by the Minister of Economy and Commerce of the Kyrgyz Republic, "
        "co-chairman of the Commission Daniyar Amangeldiev."
    )
    assert _people(text)["Daniyar Amangeldiev"] == ("Minister of Economy and Commerce", "Kyrgyzstan")


def test_initial_without_a_space_is_the_person_named_in_full():
    text = (
        "The delegation was headed by the Minister of Energy of Tajikistan Daler Juma. "
        "D.Juma noted the progress made."
    )
    (p,) = find_people(text)
    assert p.name == "Daler Juma" and len(p.mentions) == 2


def test_country_after_an_acronym_role_is_the_scope_not_the_affiliation():
    got = _people('"We lend in tenge," said Peter Novak, EBRD Head of Uzbekistan.')
    assert got["Peter Novak"] == ("Head of Uzbekistan", "European Bank for Reconstruction and Development")


def test_initials_and_surname_alone_with_a_role_are_a_person():
    text = "The Minister of Energy of Tajikistan D.Juma opened the forum. Juma said the plant is ready."
    (p,) = find_people(text)
    assert (p.name, p.role, p.affiliation, len(p.mentions)) == (
        "D.Juma",
        "Minister of Energy",
        "Tajikistan",
        2,
    )


def test_initials_resolve_only_to_a_full_name_with_the_same_first_letter():
    text = "The delegation was headed by the Minister of Energy of Tajikistan Daler Juma. A.Juma said."
    got = {p.name for p in find_people(text)}
    assert got == {"Daler Juma", "A.Juma"}


def test_an_honorific_is_no_initial():
    text = "High Representative Josep Borrell met the minister. Mr. Borrell said the talks went well."
    assert {p.name for p in find_people(text)} == {"Josep Borrell"}


def test_dash_joined_second_office_in_an_appositive():
    got = _people(
        "The talks were attended by Aziz Karimov, Deputy Prime Minister – Minister of Energy of Uzbekistan."
    )
    assert got["Aziz Karimov"] == ("Deputy Prime Minister – Minister of Energy", "Uzbekistan")


def test_employer_after_with_the():
    got = _people(
        '"Costs will rise," said Dilnoza Rahimova, a senior economist with the World Bank in Tashkent.'
    )
    assert got["Dilnoza Rahimova"] == ("senior economist", "World Bank")


def test_counterpart_holds_the_same_office():
    got = _people(
        "Azerbaijani Foreign Minister Jeyhun Bayramov and his Kazakh counterpart Murat Nurtleu met."
    )
    assert got["Murat Nurtleu"] == ("Foreign Minister", "Kazakhstan")


def test_institution_words_are_no_part_of_a_name():
    got = _people("Head of the Presidential Administration Adylbek Kasymaliev opened the session.")
    assert list(got) == ["Adylbek Kasymaliev"]


def test_plural_title_with_countries_gives_each_name_its_side_in_order():
    got = _people(
        "Foreign Ministers of Kazakhstan and Türkiye Murat Nurtleu and Hakan Fidan co-chaired the meeting."
    )
    assert got == {
        "Murat Nurtleu": ("Foreign Minister", "Kazakhstan"),
        "Hakan Fidan": ("Foreign Minister", "Turkey"),
    }


def test_two_word_plural_title_reaches_both_names():
    got = _people("Prime Ministers Olzhas Bektenov and Adylbek Kasymaliev held talks.")
    assert got == {
        "Olzhas Bektenov": ("Prime Minister", None),
        "Adylbek Kasymaliev": ("Prime Minister", None),
    }


def test_monarchs_titles_and_highness_honorifics():
    got = _people(
        "The summit was co-chaired by H.H. Sheikh Tamim Al-Hamad, Emir of the State of Qatar, and the "
        "Prime Minister of Latvia."
    )
    assert got["Sheikh Tamim Al-Hamad"] == ("Emir", "Qatar")


def test_who_chaired_or_led_a_sitting_is_a_person_even_without_a_role():
    got = _people("The Council was co-chaired by Aino Tamm and Foreign Minister Maka Botchorishvili.")
    assert set(got) == {"Aino Tamm", "Maka Botchorishvili"}
    assert _people("The session was opened by Global Gateway.") == {}


def test_a_title_that_is_also_a_given_name_opens_the_name_after_a_role():
    got = _people("The delegation was headed by its Chief Executive Officer Amir Al-Rashidi.")
    assert got["Amir Al-Rashidi"][0] == "Chief Executive Officer"


def test_a_later_fuller_role_refines_a_headline_title():
    got = _people(
        "Minister Aibek Tursunov meets his Georgian counterpart\n\n"
        "Minister of Foreign Affairs of the Kyrgyz Republic Aibek Tursunov arrived in Tbilisi."
    )
    assert got["Aibek Tursunov"][0] == "Minister of Foreign Affairs"


def test_markdown_emphasis_on_a_name_does_not_hide_its_role():
    got = _people("The delegation was headed by its Executive Director **Amir Al-Rashidi**.")
    assert got["Amir Al-Rashidi"][0] == "Executive Director"


# --- qa10: titles around quoted companies, post-head title words, relative clauses, bare titles ---


def test_a_quoted_company_inside_a_title_before_the_name():
    got = _people('The talks were joined by Chairman of the Board of JSC "Samruk Energy" Daulet Temirov.')
    assert got["Daulet Temirov"][0] == 'Chairman of the Board of JSC "Samruk Energy"'


def test_ambassador_extraordinary_and_plenipotentiary():
    got = _people("He met Ambassador Extraordinary and Plenipotentiary of Estonia to Georgia Liis Tamm.")
    assert got["Liis Tamm"][0] == "Ambassador Extraordinary and Plenipotentiary of Estonia to Georgia"


def test_leader_with_a_demonym():
    assert _people("He spoke by phone with Turkmen leader Serdar Berdimuhamedov.")[
        "Serdar Berdimuhamedov"
    ] == (
        "leader",
        "Turkmenistan",
    )


def test_relative_clauses_that_give_a_role():
    got = _people(
        "The talks were attended by Ilse Vogt, who heads the energy unit of the EU Delegation. "
        "Daniyar Kenesov, who oversees relations with Gulf states as Deputy Foreign Minister, briefed "
        "reporters. They were joined by Mart Kask, who serves as Deputy Minister of Transport of Estonia."
    )
    assert got["Ilse Vogt"][0] == "head of the energy unit of the EU Delegation"
    assert got["Daniyar Kenesov"][0] == "Deputy Foreign Minister"
    assert got["Mart Kask"] == ("Deputy Minister of Transport", "Estonia")


def test_a_relative_clause_without_a_role_gives_none():
    got = _people("Foreign Minister Ali Karimov met Rustam Aliev, who arrived on Monday.")
    assert "Rustam Aliev" not in got or got["Rustam Aliev"][0] is None


def test_a_bare_title_in_the_next_sentence_names_the_subject():
    got = _people(
        "Sadyr Japarov stressed that the visit was timely. The President noted that trade grew by 10%."
    )
    assert got["Sadyr Japarov"][0] == "President"
    got = _people("Sadyr Japarov stressed that the visit was timely. The President of Latvia noted it.")
    assert got["Sadyr Japarov"][0] is None


def test_a_party_membership_before_the_office_is_part_of_the_title():
    got = _people("Member of the Standing Committee of the Politburo and Premier Li Qiang met the guests.")
    assert got["Li Qiang"][0] == "Member of the Standing Committee of the Politburo and Premier"


def test_a_company_in_a_title_before_a_comma_and_the_name():
    got = _people("The Chairman of the Board of Directors of Tajik Airlines, Rustam Nazarov, said it.")
    assert got["Rustam Nazarov"][0] == "Chairman of the Board of Directors of Tajik Airlines"


def test_a_plural_title_before_a_comma_and_two_names():
    got = _people("The Foreign Ministers of Latvia and Estonia, Baiba Braze and Margus Tsahkna, met.")
    assert got["Baiba Braze"] == ("Foreign Minister", "Latvia")
    assert got["Margus Tsahkna"] == ("Foreign Minister", "Estonia")


def test_a_lower_case_portfolio_after_for_inside_a_title():
    got = _people(
        "The delegation was led by the Chair of the Delegation for relations with South Asia Jan Novak."
    )
    assert got["Jan Novak"][0] == "Chair of the Delegation for relations with South Asia"


def test_ambassador_at_large():
    assert (
        _people("Ambassador-at-large Aibek Tursunov said it.")["Aibek Tursunov"][0] == "Ambassador-at-large"
    )


def test_appositions_with_a_possessive_or_a_demonym_give_the_side():
    got = _people(
        "Ali Kaya, Turkey's foreign minister, said it. Rasim Aliyev, the Azerbaijani president, agreed. "
        "Petra Holm, the EU's foreign policy chief, spoke. Jan Dvorak, the Czech minister of industry and "
        "trade, listened."
    )
    assert got["Ali Kaya"] == ("foreign minister", "Turkey")
    assert got["Rasim Aliyev"] == ("president", "Azerbaijan")
    assert got["Petra Holm"] == ("foreign policy chief", "European Union")
    assert got["Jan Dvorak"] == ("minister of industry and trade", "Czechia")


def test_the_employer_in_the_role_comes_before_the_demonym():
    got = _people("Ida Lund, a Danish economist at the Baltic Institute, said it.")
    assert got["Ida Lund"] == ("economist", "Baltic Institute")


def test_the_country_of_the_first_of_two_dashed_offices():
    got = _people(
        "Chairman of the Cabinet of Ministers of the Kyrgyz Republic – Head of the Presidential "
        "Administration Adylbek Kasymaliev met him."
    )
    assert got["Adylbek Kasymaliev"] == (
        "Chairman of the Cabinet of Ministers – Head of the Presidential Administration",
        "Kyrgyzstan",
    )


def test_a_portfolio_list_after_of_in_an_apposition():
    got = _people("Aziz Karimov, Minister of Energy, Industry and Trade of Uzbekistan, opened the forum.")
    assert got["Aziz Karimov"] == ("Minister of Energy, Industry and Trade", "Uzbekistan")
