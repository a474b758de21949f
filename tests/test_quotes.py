"""Quotations and their speakers (annotate.quotes)."""

from __future__ import annotations

from communique.annotate.people import find_people
from communique.annotate.quotes import find_quotes


def quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in find_quotes(text, find_people(text))]


def test_typographic_quote_with_name_after():
    text = "Foreign Minister Murat Nurtleu spoke. “Our cooperation is broad and growing,” Nurtleu said."
    assert quotes(text) == [("Murat Nurtleu", "Our cooperation is broad and growing")]


def test_straight_quote_with_pronoun_goes_to_the_nearest_person_before():
    text = (
        "Deputy Foreign Minister Roman Vassilenko opened the meeting.\n\n"
        '"The EU is our largest trade and investment partner," he said.'
    )
    assert quotes(text) == [("Roman Vassilenko", "The EU is our largest trade and investment partner")]


def test_guillemets_with_full_name_after():
    text = "«China is a key partner for our country», Roman Sklyar said."
    assert quotes(text)[0][1] == "China is a key partner for our country"


def test_speaker_before_the_quote():
    text = (
        "Latvia's Foreign Minister Edgars Rinkevics described Kazakhstan as \"a key partner in a region "
        'that matters" and left.'
    )
    assert quotes(text) == [("Edgars Rinkevics", "a key partner in a region that matters")]


def test_continued_quote_keeps_the_speaker_and_spans_point_at_the_text():
    text = (
        "“We mean to make it broader still,” Nurtleu said, according to Foreign Minister Murat Nurtleu's "
        "office. “The EU can count on us as a partner.”"
    )
    found = find_quotes(text, find_people(text))
    assert [q.speaker for q in found] == ["Murat Nurtleu", "Murat Nurtleu"]
    for q in found:
        assert text[q.span[0] : q.span[1]] == q.text


def test_scare_quotes_are_not_quotations():
    assert quotes('It lists 7 "soft" measures and a "new page".') == []


def test_single_typographic_quotes_with_apostrophes_inside():
    text = "Foreign Minister Murat Nurtleu spoke. ‘We’re ready to help the region’s people,’ Nurtleu said."
    assert quotes(text) == [("Murat Nurtleu", "We’re ready to help the region’s people")]


def test_single_quote_needs_no_letter_before_it():
    assert [q.text for q in find_quotes("He called it ‘a real step forward’ today.", [])] == [
        "a real step forward"
    ]
    assert find_quotes("the rock‘a real step forward’ band", []) == []
    assert [q.text for q in find_quotes("‘We will sign it soon’, he said.", [])] == ["We will sign it soon"]


def test_a_block_quote_signed_after_a_dash():
    for sign in ("— Dr. Aidos Zhumagulov", "– Aidos Zhumagulov", "- Ms Nino Kapanadze"):
        text = (
            "Speakers: Senior Fellow Aidos Zhumagulov and Director of Research Nino Kapanadze.\n\n"
            f'> "Corridors are built by ministries, but they survive thanks to timetables." {sign}\n'
        )
        want = "Nino Kapanadze" if "Kapanadze" in sign else "Aidos Zhumagulov"
        said = "Corridors are built by ministries, but they survive thanks to timetables."
        assert quotes(text) == [(want, said)]


def test_a_title_in_quotes_in_a_markdown_heading_is_no_quotation():
    text = (
        '# Event summary: "The Middle Corridor after Samarkand: who pays, who builds?"\n\n'
        'Director of Research Nino Kapanadze said: "We need timetables more than money."\n'
    )
    assert quotes(text) == [("Nino Kapanadze", "We need timetables more than money.")]
