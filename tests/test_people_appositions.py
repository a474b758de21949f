"""People: roles written around the name in the ways press releases and reports write them —
appositions after a comma, a dash or in brackets (also with Markdown emphasis on the name), titles
before a comma, lower-case portfolios and complements, party acronyms, epithets used instead of a
title, initials, and which of two neighbouring names an apposition belongs to."""

from __future__ import annotations

import pytest

from communique.annotate.people import find_people


def _people(text: str) -> dict[str, tuple]:
    return {p.name: (p.role, p.affiliation) for p in find_people(text)}


def _roles(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in find_people(text)}


# --- an epithet used instead of a title gives way to the title ------------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Head of State Kassym-Jomart Tokayev receives the High Representative\n\n"
            "In the Akorda, the President of Kazakhstan Kassym-Jomart Tokayev received Kaja Kallas.",
            "Kassym-Jomart Tokayev",
            "President",
        ),
        (
            "Head of Government Olzhas Bektenov chaired the session. Prime Minister Olzhas Bektenov said "
            "the plan was ready.",
            "Olzhas Bektenov",
            "Prime Minister",
        ),
        (
            "The Head of State Shavkat Mirziyoyev met investors. Later, President Shavkat Mirziyoyev "
            "opened the plant.",
            "Shavkat Mirziyoyev",
            "President",
        ),
    ],
)
def test_an_epithet_gives_way_to_the_title(text, name, role):
    assert _roles(text)[name] == role


def test_an_epithet_alone_stays_the_role():
    assert _roles("Head of State Sadyr Japarov opened the forum.")["Sadyr Japarov"] == "Head of State"


# --- initials and surname are the person named in full -------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Deputy Minister Roman Vassilenko arrived. The Kazakh side was represented by R. Vassilenko. "
        "Mr Vassilenko also spoke.",
        "Foreign Minister Roman Vassilenko arrived on Monday. On Tuesday R. Vassilenko met students, "
        "and Mr Vassilenko said they were curious.",
        "Roman Vassilenko, Deputy Minister of Foreign Affairs, opened the round. R. Vassilenko "
        "thanked the hosts; Mr Vassilenko then left.",
    ],
)
def test_initial_and_surname_join_the_full_name(text):
    (p,) = find_people(text)
    assert p.name == "Roman Vassilenko" and len(p.mentions) == 3


def test_a_different_initial_is_not_the_same_person():
    text = (
        "Deputy Minister Roman Vassilenko arrived. A. Vassilenko, his colleague, said hello. "
        "Mr Vassilenko left."
    )
    assert "Roman Vassilenko" in _roles(text)
    assert all(len(p.mentions) < 3 for p in find_people(text))


# --- a title before a comma and the name, ending in lower-case words ------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "The European side was represented by the Deputy Secretary General of the EEAS for political "
            "affairs, Olof Skoog.",
            "Olof Skoog",
            "Deputy Secretary General of the EEAS for political affairs",
        ),
        (
            "The talks were opened by the Director for economic cooperation, Anna Lindqvist, and ended late.",
            "Anna Lindqvist",
            "Director for economic cooperation",
        ),
        (
            "Commissioner for international partnerships Jozef Sikela visited the port.",
            "Jozef Sikela",
            "Commissioner for international partnerships",
        ),
        (
            "The fund will grow, according to the organisation's secretary general, Kubanychbek Omuraliev.",
            "Kubanychbek Omuraliev",
            "secretary general",
        ),
        (
            "The bank's secretary general Petra Novakova signed the letter.",
            "Petra Novakova",
            "secretary general",
        ),
    ],
)
def test_title_before_the_name_ending_in_lower_case_words(text, name, role):
    assert _roles(text)[name] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "The ceremony was attended by the Akim of Mangystau region Nurdaulet Kilybay and others.",
            "Nurdaulet Kilybay",
            "Akim of Mangystau region",
        ),
        (
            "The bank was represented at the ceremony by its Head of Kazakhstan office, Huseyin Ozhan.",
            "Huseyin Ozhan",
            "Head of Kazakhstan office",
        ),
        (
            "Governor of Batken province Aibek Tashiev welcomed the delegation.",
            "Aibek Tashiev",
            "Governor of Batken province",
        ),
    ],
)
def test_a_lower_case_noun_closes_the_complement(text, name, role):
    assert _roles(text)[name] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Ms Hakala also met the Chairperson of the Mejlis, Dunyagozel Gulmanova, and opened a "
            "conference.",
            "Dunyagozel Gulmanova",
            "Chairperson of the Mejlis",
        ),
        (
            "The bill was signed by the Speaker of the Majilis, Yerlan Koshanov.",
            "Yerlan Koshanov",
            "Speaker of the Majilis",
        ),
        (
            "The ceremony was attended by the Chairman of the Board of KTZ Express, Daniyar Zhumabekov.",
            "Daniyar Zhumabekov",
            "Chairman of the Board of KTZ Express",
        ),
    ],
)
def test_a_name_like_complement_before_the_comma(text, name, role):
    assert _roles(text)[name] == role


# --- appositions after the name ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            "The Deputy Minister met with Terhi Hakala, the EU Special Representative for Central Asia, "
            "to discuss the summit.",
            "Terhi Hakala",
            "EU Special Representative for Central Asia",
            "European Union",
        ),
        (
            "Talks were held with Marco Rubio, the US Secretary of State, in Washington.",
            "Marco Rubio",
            "US Secretary of State",
            "United States",
        ),
        (
            "Eduards Stiprais, EU Special Envoy for Central Asia, said the route was ready.",
            "Eduards Stiprais",
            "EU Special Envoy for Central Asia",
            "European Union",
        ),
    ],
)
def test_an_apposition_opened_by_a_party_acronym(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "## Speakers\n\n- **Kubanychbek Omuraliev**, the Secretary General of the Organization of "
            "Turkic States\n- **Magdalena Grono** – EU Special Representative for the South Caucasus\n",
            "Kubanychbek Omuraliev",
            "Secretary General of the Organization of Turkic States",
        ),
        (
            "## Speakers\n\n- **Kubanychbek Omuraliev**, the Secretary General of the Organization of "
            "Turkic States\n- **Magdalena Grono** – EU Special Representative for the South Caucasus\n",
            "Magdalena Grono",
            "EU Special Representative for the South Caucasus",
        ),
        (
            "The panel was chaired by *Luc Devigne* — Deputy Managing Director for Europe, who opened it.",
            "Luc Devigne",
            "Deputy Managing Director for Europe",
        ),
        (
            "- **Elvin Mammadli**, acting Deputy Director General of the Port of Baku\n",
            "Elvin Mammadli",
            "acting Deputy Director General of the Port of Baku",
        ),
        (
            "Nodira Karimova, former Deputy Prime Minister of Uzbekistan, said the reform had worked.",
            "Nodira Karimova",
            "former Deputy Prime Minister",
        ),
    ],
)
def test_dash_emphasis_and_lower_case_modifiers(text, name, role):
    assert _roles(text)[name] == role


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            "The discussion was moderated by **Dr. Nino Kapanadze** (Director of Research, Caspian "
            "Policy Lab).",
            "Nino Kapanadze",
            "Director of Research",
            "Caspian Policy Lab",
        ),
        (
            "- **Dr. Aidos Zhumagulov** (Senior Fellow, Eurasian Transport Institute, Almaty)\n",
            "Aidos Zhumagulov",
            "Senior Fellow",
            "Eurasian Transport Institute",
        ),
        (
            '"Rates will fall," said Mira Holm, Chief Economist, Nordic Investment Bank.',
            "Mira Holm",
            "Chief Economist",
            "Nordic Investment Bank",
        ),
        # speaker and panel lists: "Name, Role, Organisation" on a line of its own
        (
            "Panel 2. Water and climate\nModerator: Erik Larsen, Senior Adviser, Nordic Development Fund\n"
            "- Anna Berg, Deputy Minister of Energy of Sweden\n",
            "Erik Larsen",
            "Senior Adviser",
            "Nordic Development Fund",
        ),
        (
            "Speakers:\n- Dana Akhmetova, Managing Director, Steppe Green Finance Centre\n"
            "- Olga Lind, Analyst\n",
            "Dana Akhmetova",
            "Managing Director",
            "Steppe Green Finance Centre",
        ),
        (
            "The keynote was given by Pavel Novak, Head of Research, Danube Policy Institute, who warned "
            "of delays.",
            "Pavel Novak",
            "Head of Research",
            "Danube Policy Institute",
        ),
    ],
)
def test_an_employer_after_the_title_and_a_comma(text, name, role, aff):
    """The institution goes to the affiliation, the role is the title alone (dev README)."""
    assert _people(text)[name] == (role, aff)


def test_a_quoted_company_name_inside_an_apposition():
    text = (
        'Talgat Aldybergenov, Chairman of the Board of JSC NC "Kazakhstan Temir Zholy" (KTZ), and '
        "Lasha Abashidze, Director General of Georgian Railway, signed it."
    )
    got = _roles(text)
    assert got["Talgat Aldybergenov"] == 'Chairman of the Board of JSC NC "Kazakhstan Temir Zholy"'
    assert got["Lasha Abashidze"] == "Director General of Georgian Railway"


# --- which name an apposition belongs to ---------------------------------------------------


def test_a_title_between_two_names_belongs_to_the_one_it_precedes():
    text = (
        "The ship left after a ceremony attended by the Akim of Mangystau region Nurdaulet Kilybay, the "
        "Chairman of the Board of KTZ Express, Daniyar Zhumabekov, and the Director General of ADY "
        "Container, Elnur Gasimov."
    )
    assert _roles(text) == {
        "Nurdaulet Kilybay": "Akim of Mangystau region",
        "Daniyar Zhumabekov": "Chairman of the Board of KTZ Express",
        "Elnur Gasimov": "Director General of ADY Container",
    }


def test_a_title_before_a_name_without_comma_is_that_name_s():
    text = (
        "Responding to a question from deputy Aidos Sarym, Vice Minister of Transport Maksat "
        "Kalimoldayev said construction would start in 2026."
    )
    assert _roles(text) == {"Aidos Sarym": "deputy", "Maksat Kalimoldayev": "Vice Minister of Transport"}


def test_a_list_of_names_each_with_its_own_apposition():
    text = (
        "Rovshan Rustamov, Chairman of Azerbaijan Railways, Lasha Abashidze, Director General of "
        "Georgian Railway, and Talgat Aldybergenov, Chairman of the Board of KTZ, signed the deal."
    )
    got = _roles(text)
    assert got["Rovshan Rustamov"] == "Chairman of Azerbaijan Railways"
    assert got["Lasha Abashidze"] == "Director General of Georgian Railway"
    assert got["Talgat Aldybergenov"] == "Chairman of the Board of KTZ"


def test_a_person_named_without_a_title_before_a_titled_one_gets_none():
    text = (
        "The ceremony was attended by Nurdaulet Kilybay, the Chairman of the Board of KTZ Express, "
        "Daniyar Zhumabekov."
    )
    got = _roles(text)
    assert got["Daniyar Zhumabekov"] == "Chairman of the Board of KTZ Express"
    assert got.get("Nurdaulet Kilybay") is None


# --- a bare title before the name and a fuller one after it --------------------------------


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Yesterday, Ambassador Aleška Simkić, Head of the EU Delegation to Kazakhstan, opened the "
            "festival.",
            "Aleška Simkić",
            "Head of the EU Delegation to Kazakhstan",
        ),
        (
            "Ambassador Johannes Stern, Head of the Mission to the OSCE, welcomed the guests.",
            "Johannes Stern",
            "Head of the Mission to the OSCE",
        ),
        (
            "Minister Jeyhun Bayramov, co-chair of the Commission, said the work continues.",
            "Jeyhun Bayramov",
            "Minister",
        ),
        (
            "Ambassador Marta Kos, a veteran diplomat, said the talks went well.",
            "Marta Kos",
            "Ambassador",
        ),
    ],
)
def test_a_fuller_apposition_replaces_a_bare_title(text, name, role):
    assert _roles(text)[name] == role


def test_a_headline_title_with_the_party_acronym_gives_way_to_the_full_title():
    text = (
        "Minister Jeyhun Bayramov speaks with EU High Representative Kaja Kallas\n\n"
        "On 13 January, Minister of Foreign Affairs Jeyhun Bayramov spoke with the High Representative of "
        "the European Union for Foreign Affairs and Security Policy Kaja Kallas."
    )
    assert _roles(text)["Kaja Kallas"] == (
        "High Representative of the European Union for Foreign Affairs and Security Policy"
    )


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            "Lithuanian Foreign Minister Kestutis Budrys and his Latvian colleague Baiba Braze met in Riga.",
            "Baiba Braze",
            "Foreign Minister",
            "Latvia",
        ),
        (
            "Prime Minister Olzhas Bektenov and his Uzbek colleague Abdulla Aripov opened the forum.",
            "Abdulla Aripov",
            "Prime Minister",
            "Uzbekistan",
        ),
        (
            "Minister of Energy Almasadam Satkaliyev received his Turkmen colleague Begench Ovezov.",
            "Begench Ovezov",
            "Minister of Energy",
            "Turkmenistan",
        ),
    ],
)
def test_a_colleague_holds_the_same_office(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Chargé d'Affaires of the EU Delegation Jan Novak spoke.",
            "Jan Novak",
            "Chargé d'Affaires of the EU Delegation",
        ),
        ("The Chargé d'Affaires of Japan Takeshi Mori arrived.", "Takeshi Mori", "Chargé d'Affaires"),
        ("Arman Issetov, Chargé d'Affaires of Kazakhstan, spoke.", "Arman Issetov", "Chargé d'Affaires"),
    ],
)
def test_charge_d_affaires(text, name, role):
    assert _roles(text)[name] == role


# --- one person written in two forms -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "High Representative Josep Borrell Fontelles arrived. Josep Borrell said the EU is ready.",
            "Josep Borrell Fontelles",
        ),
        ("President Kassym-Jomart Tokayev spoke. Kassym-Zhomart Tokayev said so.", "Kassym-Jomart Tokayev"),
        ("President Shavkat Mirziyoyev spoke. Mr Shavkat Mirziyoev said so.", "Shavkat Mirziyoyev"),
        (
            "Minister Daniyar Amangeldiev spoke. Later Daniyar Amangeldiyev told reporters more.",
            "Daniyar Amangeldiev",
        ),
    ],
)
def test_a_person_named_twice_in_different_forms_is_one(text, name):
    (p,) = find_people(text)
    assert p.name == name and len(p.mentions) == 2


@pytest.mark.parametrize(
    "text",
    [
        "President Ilham Aliyev spoke. Former President Heydar Aliyev founded the party.",
        "Minister Ivan Petrov spoke. Minister Ivan Petrenko said so.",
        "Minister Anna Berg spoke. Minister Hanna Berg said so.",
    ],
)
def test_two_people_with_a_shared_name_stay_two(text):
    assert len(find_people(text)) == 2


def test_a_title_case_headline_does_not_lengthen_a_name():
    text = (
        "Wang Yi Holds Phone Talks with Uzbek Foreign Minister Bakhtiyor Saidov\n\n"
        "On September 18, Foreign Minister Wang Yi held phone talks with Bakhtiyor Saidov."
    )
    got = {p.name: [text[a:b] for a, b in p.spans] for p in find_people(text)}
    assert got["Wang Yi"] == ["Wang Yi"]


# --- Arabic names: particles joined to the surname, given names that are also titles, ranks ----


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "The session was co-chaired by Qatari Minister of State for Energy Affairs Saad al-Kaabi.",
            "Saad al-Kaabi",
            "Minister of State for Energy Affairs",
        ),
        (
            "Egyptian President Abdel Fattah el-Sisi received the delegation.",
            "Abdel Fattah el-Sisi",
            "President",
        ),
        ("UAE Minister of Industry Sultan Al Jaber said so.", "Sultan Al Jaber", "UAE Minister of Industry"),
        (
            "Saudi Minister of Energy Prince Abdulaziz bin Salman said so.",
            "Abdulaziz bin Salman",
            "Minister of Energy",
        ),
        ("Crown Prince Mohammed bin Salman said so.", "Mohammed bin Salman", "Crown Prince"),
    ],
)
def test_arabic_names_and_ranks(text, name, role):
    assert _roles(text)[name] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        ("Nicola Beer, the bank's Vice-President, said so.", "Nicola Beer", "Vice-President"),
        (
            "Sabine Weyand, the Commission's Director-General for Trade, said so.",
            "Sabine Weyand",
            "Director-General for Trade",
        ),
        (
            "Kubanychbek Omuraliev, the organisation's Secretary General, opened the briefing.",
            "Kubanychbek Omuraliev",
            "Secretary General",
        ),
    ],
)
def test_an_apposition_after_an_institution_s_possessive(text, name, role):
    assert _roles(text)[name] == role


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            "Eduards Stiprais, who was appointed EU Special Representative for Central Asia in 2025, "
            "said so.",
            "Eduards Stiprais",
            "EU Special Representative for Central Asia",
            "European Union",
        ),
        (
            "Anna Berg, who was elected Chair of the Committee, said so.",
            "Anna Berg",
            "Chair of the Committee",
            None,
        ),
        (
            "Jan Novak, who was named Ambassador of the Czech Republic, arrived.",
            "Jan Novak",
            "Ambassador",
            "Czechia",
        ),
    ],
)
def test_a_role_after_who_was_appointed(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Korean Minister of Trade Ahn Duk-geun attended. Ahn said Seoul intends to lend more.",
            "Ahn Duk-geun",
        ),
        ("Foreign Minister Wang Yi met him. Wang noted the progress made.", "Wang Yi"),
        (
            "Vice Foreign Minister Ma Zhaoxu arrived on Monday. Ma told reporters the visit went well.",
            "Ma Zhaoxu",
        ),
    ],
)
def test_a_family_name_written_first_named_alone(text, name):
    (p,) = find_people(text)
    assert p.name == name and len(p.mentions) == 2


def test_a_given_name_alone_is_not_the_family_name():
    text = "Minister Wang Yi met Minister Li Wang. Wang said the talks went well."
    got = {p.name: len(p.mentions) for p in find_people(text)}
    assert got["Wang Yi"] == 1  # "Wang" is Li Wang's family name as written last; it is ambiguous here


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Head of the EU Delegation to Uzbekistan, Ambassador Toivo Klaar, opened the fair.",
            "Toivo Klaar",
            "Head of the EU Delegation to Uzbekistan",
        ),
        (
            "The Head of the Mission of Kazakhstan to the EU, Ambassador Margulan Baimukhan, spoke.",
            "Margulan Baimukhan",
            "Head of the Mission of Kazakhstan to the EU",
        ),
        (
            "Minister for Foreign Affairs, European Union and Cooperation José Manuel Albares spoke.",
            "José Manuel Albares",
            "Minister for Foreign Affairs, European Union and Cooperation",
        ),
    ],
)
def test_a_fuller_title_before_a_bare_one_and_the_name(text, name, role):
    assert _roles(text)[name] == role


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Murat Nurtleu, who is also Deputy Prime Minister, spoke.",
            "Murat Nurtleu",
            "Deputy Prime Minister",
        ),
        ("Anna Berg, who is now Ambassador to Latvia, spoke.", "Anna Berg", "Ambassador to Latvia"),
        (
            "Jan Novak, who is currently Head of the EU Delegation, spoke.",
            "Jan Novak",
            "Head of the EU Delegation",
        ),
    ],
)
def test_who_is_also_leads_to_the_role(text, name, role):
    assert _roles(text)[name] == role


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            "Kazakh Transport Minister Nurlan Sauranbayev spoke.",
            "Nurlan Sauranbayev",
            "Transport Minister",
            "Kazakhstan",
        ),
        (
            "Uzbekistan's Digital Development Minister Sherzod Shermatov spoke.",
            "Sherzod Shermatov",
            "Digital Development Minister",
            "Uzbekistan",
        ),
        (
            "Georgian Economy Minister Mariam Kvrivishvili spoke.",
            "Mariam Kvrivishvili",
            "Economy Minister",
            "Georgia",
        ),
        ("On Thursday Foreign Minister Murat Nurtleu spoke.", "Murat Nurtleu", "Foreign Minister", None),
    ],
)
def test_a_portfolio_word_opens_the_title(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name, aff",
    [
        (
            "Ambassador Aleška Simkić, Head of the EU Delegation to Kazakhstan, opened it.",
            "Aleška Simkić",
            "European Union",
        ),
        (
            "Head of the EU Delegation to Tajikistan Raimundas Karoblis spoke.",
            "Raimundas Karoblis",
            "European Union",
        ),
        ("Ambassador of Japan to the EU Delegation Kenji Sato spoke.", "Kenji Sato", "Japan"),
    ],
)
def test_a_party_acronym_naming_its_own_body_gives_the_affiliation(text, name, aff):
    assert _people(text)[name][1] == aff


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            "During the meeting with the Ambassador of the Kingdom of Belgium to Kazakhstan Mr. Jean-Luc "
            "Bodson, the sides discussed trade.",
            "Jean-Luc Bodson",
            "Ambassador of the Kingdom of Belgium to Kazakhstan",
            "Belgium",
        ),
        (
            "The newly appointed Ambassador of Hungary to Uzbekistan, Mr. Zoltan Varga, presented his "
            "credentials.",
            "Zoltan Varga",
            "Ambassador of Hungary to Uzbekistan",
            "Hungary",
        ),
        (
            "Deputy Minister Bakhromjon Aloyev received the Ambassador of Latvia Ms Ilze Berzina.",
            "Ilze Berzina",
            "Ambassador",
            "Latvia",
        ),
    ],
)
def test_a_title_before_an_honorific_and_the_name(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "The delegation included Chairman of KazMunayGas Askhat Khassenov and others.",
            "Askhat Khassenov",
            "Chairman of KazMunayGas",
        ),
        ("The CEO of PetroChina Dai Houliang said so.", "Dai Houliang", "CEO of PetroChina"),
        (
            "Chief Executive of PetroKazakhstan Anna Berg spoke.",
            "Anna Berg",
            "Chief Executive of PetroKazakhstan",
        ),
    ],
)
def test_a_company_written_in_one_camel_case_word_before_the_name(text, name, role):
    assert _roles(text)[name] == role


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        (
            '"We are ready," said Anna Berg, a senior EU official.',
            "Anna Berg",
            "senior EU official",
            "European Union",
        ),
        (
            '"We are ready," said Aidos Sarym, a senior Kazakh diplomat.',
            "Aidos Sarym",
            "senior Kazakh diplomat",
            "Kazakhstan",
        ),
        ('"It is late," said Jan Novak, a Czech official.', "Jan Novak", "official", "Czechia"),
    ],
)
def test_a_lower_case_apposition_with_a_party_inside(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


@pytest.mark.parametrize(
    "text, name, role, aff",
    [
        ("World Bank head Ajay Banga said so.", "Ajay Banga", "World Bank head", "World Bank"),
        (
            "Asian Development Bank chief Masato Kanda said so.",
            "Masato Kanda",
            "Asian Development Bank chief",
            "Asian Development Bank",
        ),
        (
            "The European Commission spokesperson Anitta Hipper said so.",
            "Anitta Hipper",
            "European Commission spokesperson",
            "European Commission",
        ),
    ],
)
def test_an_organisation_before_a_lower_case_title(text, name, role, aff):
    assert _people(text)[name] == (role, aff)


def test_an_apposition_without_article_before_another_name_stays_with_the_first():
    text = (
        "The summit was attended by Ilham Aliyev, President of Azerbaijan, Shavkat Mirziyoyev, "
        "President of Uzbekistan, and Sadyr Japarov."
    )
    got = _roles(text)
    assert got["Ilham Aliyev"] == "President" and got["Shavkat Mirziyoyev"] == "President"
    text = "The summit was attended by Ilham Aliyev, President of Azerbaijan, Shavkat Mirziyoyev and others."
    assert _roles(text)["Ilham Aliyev"] == "President"
