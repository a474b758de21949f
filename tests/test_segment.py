"""The segment stage: paragraphs, sentences with exact offsets, abbreviations, headings, lists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from communique.data import load
from communique.read.inputs import iter_documents
from communique.segment import paragraphs, segment

EXAMPLES = Path(__file__).parents[1] / "src" / "communique" / "examples"


def _texts(text: str) -> list[str]:
    return [s.text for s in segment(text)]


def _example_docs():
    return [d for d in iter_documents([str(EXAMPLES)])]


def test_offsets_are_exact_and_paragraphs_never_shared():
    for doc in _example_docs():
        paras = paragraphs(doc.text)
        sents = segment(doc.text)
        assert sents, doc.source
        for s in sents:
            assert doc.text[s.start : s.end] == s.text
            assert s.text == s.text.strip() and s.text
            p = paras[s.paragraph]
            assert p.start <= s.start < s.end <= p.end
        starts = [s.start for s in sents]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_paragraphs_split_on_blank_lines_only():
    text = "First para line one\nline two.\n\n  \n\nSecond para.\n \nThird."
    assert [p.text for p in paragraphs(text)] == ["First para line one\nline two.", "Second para.", "Third."]


def test_empty_text():
    assert segment("") == [] and segment(" \n\n\t") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Vassilenko met Mrs. Kuanysheva in Astana.",
        "H.E. Amb. Aigul Kuspan presented her credentials.",
        "Dr. Smith and Prof. Jones attended with Gen. Dosaev.",
        "The U.S. Senate and the U.K. Parliament were briefed.",
        "Decision No. 5 and Art. 12 of the EPCA apply.",
        "Talks began on Jan. 15 and ended on Feb. 3 in St. Petersburg.",
        "Several sectors, e.g. Transport and energy, were named.",
        "One corridor, i.e. The Middle Corridor, was discussed.",
        "It was Kazakhstan vs. Uzbekistan in the final.",
        "President Kassym-Jomart K. Tokayev opened the forum.",
        "Former Commission President J.-C. Juncker visited Astana.",
        "Sen. Brown and Rep. Lee spoke, as did Lt. Col. Ahmed.",
    ],
)
def test_abbreviations_do_not_split(sentence):
    assert _texts(f"{sentence} The second sentence follows.") == [sentence, "The second sentence follows."]


def test_may_end_abbreviations_split_only_before_a_sentence_opener():
    assert _texts("Trade with the U.S. The EU noted it.") == ["Trade with the U.S.", "The EU noted it."]
    assert _texts("They met in the U.S. Congress building.") == ["They met in the U.S. Congress building."]
    assert _texts("Exports grew in Jan. That was new.") == ["Exports grew in Jan.", "That was new."]


def test_number_words_split_when_no_number_follows():
    assert _texts("The answer was No. The talks ended.") == ["The answer was No.", "The talks ended."]


def test_regular_sentence_ends():
    text = "Trade rose 16.9% to $48.7 billion. Exports were $38.1 billion! Was it enough? Yes… Maybe."
    assert _texts(text) == [
        "Trade rose 16.9% to $48.7 billion.",
        "Exports were $38.1 billion!",
        "Was it enough?",
        "Yes…",
        "Maybe.",
    ]


def test_lowercase_after_period_does_not_split():
    assert _texts("It costs approx. ten million. Next.") == ["It costs approx. ten million.", "Next."]
    assert _texts("See www.example.org for more. Fine.") == ["See www.example.org for more.", "Fine."]


def test_quotations_stay_one_sentence_and_closing_quotes_belong_to_it():
    text = (
        "“Over the past year we grew. We are partners,” he said. Then he left. "
        "She replied: “Agreed.” The meeting closed."
    )
    assert _texts(text) == [
        "“Over the past year we grew. We are partners,” he said.",
        "Then he left.",
        "She replied: “Agreed.”",
        "The meeting closed.",
    ]


def test_lone_newline_is_a_space_offsets_hold():
    text = "The meeting took place in\nBrussels on Monday. Both sides\nagreed."
    sents = segment(text)
    assert [s.text for s in sents] == [
        "The meeting took place in\nBrussels on Monday.",
        "Both sides\nagreed.",
    ]
    assert not any(s.heading for s in sents)


def test_headings_are_their_own_sentence():
    text = (
        "Visa facilitation process\n\nThe Kazakh side stressed mobility. Astana agreed.\n\n"
        "Transport connectivity\nThe participants emphasized the strategic importance of the route."
    )
    sents = segment(text)
    assert [(s.text, s.heading) for s in sents] == [
        ("Visa facilitation process", True),
        ("The Kazakh side stressed mobility.", False),
        ("Astana agreed.", False),
        ("Transport connectivity", True),
        ("The participants emphasized the strategic importance of the route.", False),
    ]


def test_hard_wrapped_lines_are_not_headings():
    text = (
        "The European Union and Kazakhstan signed the Enhanced Partnership and Cooperation Agreement\n"
        "(EPCA) in Astana on Monday, eleven months after the text was initialled in Brussels."
    )
    assert len(segment(text)) == 1


def test_markdown_headings_lists_and_table_rows():
    text = (
        "## The road so far\n"
        "Two steps remain:\n"
        "- ratification by the parliaments;\n"
        "- entry into force, which\n  may take years.\n"
        "| Step | Date |\n| Signed | 21 December 2015 |"
    )
    sents = segment(text)
    assert [s.text for s in sents] == [
        "## The road so far",
        "Two steps remain:",
        "- ratification by the parliaments;",
        "- entry into force, which\n  may take years.",
        "| Step | Date |",
        "| Signed | 21 December 2015 |",
    ]
    assert sents[0].heading and not sents[2].heading


def test_abbreviation_data_is_strings_with_the_required_entries():
    data = load("abbreviations")
    for key, values in data.items():
        assert all(isinstance(v, str) for v in values), key
    listed = {v.lower() for key in ("titles", "never_final", "before_number", "may_end") for v in data[key]}
    for abbr in (
        "mr",
        "mrs",
        "dr",
        "h.e",
        "u.s",
        "u.k",
        "no",
        "art",
        "amb",
        "st",
        "prof",
        "gen",
        "e.g",
        "i.e",
        "vs",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ):
        assert abbr in listed, abbr


def test_agrees_with_pysbd_on_plain_prose():
    """pysbd is the reference splitter; outside list items and table rows (which we split on
    purpose) our sentences should be its sentences on the example documents."""
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    agree = total = 0
    for doc in _example_docs():
        text = doc.text
        mine = {(s.start, s.end) for s in segment(text)}
        for p in paragraphs(text):
            if re.search(r"^\s*(?:[-*|]|#)", p.text, re.M):
                continue
            flat = re.sub(r"(?<!\n)\n(?!\n)", " ", p.text)
            for s in seg.segment(flat):
                body = s.sent.strip()
                if body:
                    a = p.start + s.start + len(s.sent) - len(s.sent.lstrip())
                    total += 1
                    agree += (a, a + len(body)) in mine
    assert total > 80
    assert agree / total >= 0.97


def test_long_title_over_a_single_line_break_is_its_own_heading():
    title = (
        "Armenia and Georgia agree to widen cooperation on energy, transport, water and digital trade "
        "in the region"
    )
    body = (
        "Yerevan, 2 May 2025 (Armenpress) – The prime ministers of the two countries met in Yerevan on "
        "Friday and discussed transport corridors, power lines, water sharing and the digital economy, "
        "as well as cooperation within regional organisations."
    )
    first, second = segment(title + "\n" + body)[:2]
    assert first.heading and first.text == title
    assert second.text.startswith("Yerevan, 2 May 2025") and not second.heading


def test_wrapped_first_line_of_prose_is_no_heading():
    text = "The ministers of the two countries met in Yerevan on Friday and\ndiscussed transport corridors."
    assert len(segment(text)) == 1
