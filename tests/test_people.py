"""People and roles (annotate.people): title patterns, appositives, possessive countries,
plural roles over a list, surname back-references."""

from __future__ import annotations

import pytest

from communique.annotate.people import find_people, tokens


def people(text: str) -> dict[str, tuple[str | None, str | None, int]]:
    return {p.name: (p.role, p.affiliation, len(p.mentions)) for p in find_people(text)}


@pytest.mark.parametrize(
    ("text", "name", "role", "affiliation"),
    [
        (
            "Deputy Foreign Minister Roman Vassilenko opened the session.",
            "Roman Vassilenko",
            "Deputy Foreign Minister",
            None,
        ),
        (
            "Kazakhstan's Foreign Minister Erlan Idrissov chaired the talks.",
            "Erlan Idrissov",
            "Foreign Minister",
            "Kazakhstan",
        ),
        (
            "The speech of President of the European Commission Ursula von der Leyen was long.",
            "Ursula von der Leyen",
            "President of the European Commission",
            "European Commission",
        ),
        (
            "The EU side was led by Luc Devigne, Acting Managing Director for Europe and Central Asia, "
            "in Astana.",
            "Luc Devigne",
            "Acting Managing Director for Europe and Central Asia",
            None,
        ),
        (
            "It was co-chaired by the First Deputy Prime Minister of the Republic of Kazakhstan "
            "Roman Sklyar.",
            "Roman Sklyar",
            "First Deputy Prime Minister",
            "Kazakhstan",
        ),
        (
            "Spain's Minister for Foreign Affairs, European Union and Cooperation José Manuel Albares spoke.",
            "José Manuel Albares",
            "Minister for Foreign Affairs, European Union and Cooperation",
            "Spain",
        ),
        (
            "The text was signed by the High Representative, Josep Borrell.",
            "Josep Borrell",
            "High Representative",
            "European Union",
        ),
        (
            "Henrike Vollmer, Director-General for Foreign Trade Policy at the Federal Ministry for "
            "Economic Affairs and Climate Action, answered.",
            "Henrike Vollmer",
            "Director-General for Foreign Trade Policy",
            "Federal Ministry for Economic Affairs and Climate Action",
        ),
    ],
)
def test_role_patterns(text, name, role, affiliation):
    found = people(text)
    assert name in found, found
    assert found[name][0] == role
    if affiliation is not None:
        assert found[name][1] == affiliation


def test_plural_role_is_shared_by_a_list_of_names():
    text = (
        "Presidents Kassym-Jomart Tokayev of Kazakhstan, Sadyr Japarov of Kyrgyzstan and Emomali Rahmon "
        "of Tajikistan attended."
    )
    found = people(text)
    assert found["Kassym-Jomart Tokayev"][:2] == ("President", "Kazakhstan")
    assert found["Sadyr Japarov"][:2] == ("President", "Kyrgyzstan")
    assert found["Emomali Rahmon"][:2] == ("President", "Tajikistan")


def test_surname_and_partial_mentions_join_the_full_name():
    text = (
        "Foreign Minister Murat Nurtleu met the press. Nurtleu said the talks went well. "
        "Later, European Commission President Ursula von der Leyen arrived. Von der Leyen spoke briefly."
    )
    found = {p.name: p for p in find_people(text)}
    assert len(found["Murat Nurtleu"].mentions) == 2
    assert len(found["Ursula von der Leyen"].mentions) == 2
    spans = found["Murat Nurtleu"].spans
    assert text[spans[1][0] : spans[1][1]] == "Nurtleu"


def test_two_people_joined_by_and_keep_their_own_roles():
    text = (
        "Nurtleu also met Prime Minister Luc Frieden and Deputy Prime Minister and Foreign Minister "
        "Xavier Bettel."
    )
    found = people(text)
    assert found["Luc Frieden"][0] == "Prime Minister"
    assert found["Xavier Bettel"][0] == "Deputy Prime Minister and Foreign Minister"


def test_capitalised_things_are_not_people():
    text = (
        "The Global Gateway initiative and the Middle Corridor were discussed with Team Europe. "
        "The Oliy Majlis must ratify the text."
    )
    assert people(text) == {}


def test_a_speech_verb_makes_a_name_without_a_role_a_person():
    found = people("“We are ready,” said Aigerim Bekova. Bekova later left.")
    assert "Aigerim Bekova" in found
    assert found["Aigerim Bekova"][2] == 2


def test_tokens_mark_possessives():
    toks = tokens("Kazakhstan's Parliament and the investors’ forum")
    assert toks[0].base == "Kazakhstan" and toks[0].poss
    assert [t.base for t in toks if t.poss] == ["Kazakhstan", "investors"]


def test_honorific_mentions_resolve_by_surname():
    text = (
        "The meeting was chaired by the High Representative for Foreign Affairs and Security Policy/"
        "Vice-President of the Commission, Josep Borrell. Mr Borrell said it went well."
    )
    found = {p.name: p for p in find_people(text)}
    assert list(found) == ["Josep Borrell"]
    assert len(found["Josep Borrell"].mentions) == 2
    assert found["Josep Borrell"].role.endswith("Vice-President of the Commission")


def test_institution_acronym_before_a_role_belongs_to_it():
    found = people("Roman Vassilenko met EEAS Deputy Secretary General Enrique Mora in Brussels.")
    assert found["Enrique Mora"][:2] == ("EEAS Deputy Secretary General", "European External Action Service")


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "Foreign Ministry spokesperson Aibek Smadiyarov told a briefing that talks would continue.",
            "Aibek Smadiyarov",
            "Foreign Ministry spokesperson",
        ),
        ("Kaja Kallas, the EU’s top diplomat, said the bloc was ready.", "Kaja Kallas", "top diplomat"),
        (
            "The head of the EU Delegation to Kazakhstan, Aleska Simkic, opened the exhibition.",
            "Aleska Simkic",
            "head of the EU Delegation to Kazakhstan",
        ),
        (
            "According to Deputy Prime Minister – Minister of National Economy Serik Zhumangarin, "
            "it was useful.",
            "Serik Zhumangarin",
            "Deputy Prime Minister – Minister of National Economy",
        ),
    ],
)
def test_lower_case_and_dashed_roles(text, name, role):
    assert people(text)[name][0] == role


def test_middle_initial_is_part_of_the_name():
    found = people("High Representative Josep E. Borrell spoke. Borrell left early.")
    assert found == {"Josep E. Borrell": ("High Representative", "European Union", 2)}


# --- generalisation: role phrasings beyond the dev corpus -----------------------------------------


def test_role_in_parentheses_after_the_name():
    p = people("The forum was opened by Nino Kapanadze (Deputy Minister of Economy of Georgia) on Monday.")
    assert p["Nino Kapanadze"][:2] == ("Deputy Minister of Economy", "Georgia")


def test_who_heads_an_institution():
    p = people("The talks included Aibek Sultanov, who heads Kyrgyzstan's Ministry of Energy.")
    assert p["Aibek Sultanov"][:2] == ("head of the Ministry of Energy", "Kyrgyzstan")


def test_person_named_with_a_country_only():
    p = people("Tokayev welcomed Turkmenistan's Rashid Meredov and Tajikistan's Sirojiddin Muhriddin.")
    assert p["Rashid Meredov"][:2] == (None, "Turkmenistan")
    assert p["Sirojiddin Muhriddin"][:2] == (None, "Tajikistan")


def test_capitalised_complement_of_a_role_is_no_person():
    p = people(
        "The EU side was led by Anna Berg, Director for Eastern Partners, Asia and Energy at DG Trade."
    )
    assert set(p) == {"Anna Berg"}
    assert p["Anna Berg"][0] == "Director for Eastern Partners, Asia and Energy"


def test_role_does_not_cross_a_headline_line_break():
    p = people(
        "Interview with the envoy\n\nASTANA – The Head of the Delegation to Kazakhstan, "
        "Ambassador Lena Holm, spoke."
    )
    role = p["Lena Holm"][0]
    assert role.startswith("Head of the Delegation") and "\n" not in role


def test_role_complement_with_the_before_a_capitalised_word():
    p = people("The delegation was led by Deputy Chairman of the Cabinet of Ministers Aibek Osmonov.")
    assert p["Aibek Osmonov"][0] == "Deputy Chairman of the Cabinet of Ministers"


def test_country_possessive_before_a_company_name_is_no_person():
    assert people("Kazakhstan's Samruk Kazyna will invest in the port of Aktau.") == {}


def test_an_honorific_before_a_surname_makes_the_earlier_full_name_a_person():
    found = people(
        "The foreign minister met Kwame Mensah in Accra on Monday. Mr. Mensah thanked him, and Mr Mensah's "
        "deputy joined the talks."
    )
    assert found == {"Kwame Mensah": (None, None, 3)}
    # "Mr." with its full stop before a full name is an honorific too
    assert people("On 3 June Mr. Roman Petrov received the delegation.") == {"Roman Petrov": (None, None, 1)}
    # no honorific before the surname: nothing marks a person
    assert people("The foreign minister met Kwame Mensah in Accra. Mensah Street was closed.") == {}
