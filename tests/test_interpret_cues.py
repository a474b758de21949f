"""The shared cue-word pass (`interpret.scan.cues`) answers exactly as the substring tests it
replaces, and extraction gives the same records with it as with every guard tested plainly."""

from __future__ import annotations

import json
import random
from pathlib import Path

import communique
from communique.interpret import scan
from communique.interpret.scan import Cues, cues
from communique.pipeline import extract_document
from communique.read import read_path

EXAMPLES = Path(communique.__file__).parent / "examples"
FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def test_cues_answer_as_in():
    rng = random.Random(3)
    pieces = ["met", " ", "meet", "Meeting", "’s ", "'s", "the ", "The", "x", "\n", "dele", "gation", "é",
              "—"]
    words = ["meet", " met ", "delegation", "’s ", "'s ", "The ", "the ", "ing", "é—", "gation\n", "zzz"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(30))
        c = cues(text)
        for w in rng.sample(words, len(words)):
            assert c[w] is (w in text), (text, w)
        assert c[""] is True


def test_new_words_join_the_shared_pass():
    word = "a cue no rule has asked for yet"
    assert word not in scan._CUE_WORDS
    assert cues("first text: " + word)[word] is True  # answered by the plain test
    assert word in scan._CUE_WORDS
    later = cues("a later text, " + word + ".")
    assert dict.get(later, word) is True  # found by the pass, before anyone asks
    assert dict.get(cues("another text"), word) is False


def _contracts(paths: list[Path]) -> list[str]:
    return [json.dumps(extract_document(read_path(p)).to_contract(), sort_keys=True) for p in paths]


def _documents() -> list[Path]:
    paths = [p for p in sorted(EXAMPLES.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    paths += [p for p in sorted(FIXTURES.iterdir()) if p.suffix in (".txt", ".md")]
    return paths


def test_same_records_with_the_shared_pass(tmp_path):
    paths = _documents()
    bare = tmp_path / "bare.txt"
    bare.write_text("Astana, 3 April 2025\n\nThe ministers of Kazakhstan and Uzbekistan signed an agreement "
                    "worth EUR 12 million on water. It enters into force next year.\n")
    paths.append(bare)
    with_pass = _contracts(paths)
    # the same documents with every guard answered by a plain substring test
    saved = scan._cues_in_flight, dict(scan._CUE_WORDS)

    def plain(text: str) -> Cues:
        c = Cues()
        c.text = text
        return c

    try:
        scan._cues_in_flight = scan.InFlight(plain)
        without = _contracts(paths)
    finally:
        scan._cues_in_flight = saved[0]
        scan._CUE_WORDS.update(saved[1])
    assert with_pass == without
    assert len(scan._CUE_WORDS) > 40  # the interpreters' guards go through the pass


def test_link_cues_read_from_the_shared_pass(monkeypatch):
    from communique.interpret import amounts
    from communique.interpret.scan import lowered, openings

    texts = [
        "Astana, 3 April 2025\n\nThe bank lent EUR 20 million.\n\n"
        "Read also: EU and Kazakhstan sign a deal\n\nMore",
        "Trade rose 5% to USD 3 billion.\n\nRelated news\n- One item\n- Another\n\nAbout the Bank\nIt lends.",
        "Nothing to link here: the council met and already agreed on 12 projects.",
    ]
    shared = [amounts._boilerplate(t, lowered(t)) for t in texts]
    assert shared[0] and shared[1]  # the texts do hold links
    assert all(amounts._figure_lex()["link_any"].positions(openings(t)) is not None for t in texts)
    monkeypatch.setattr(amounts.AnyOf, "positions", lambda self, at: None)  # every text searched plainly
    assert [amounts._boilerplate(t, lowered(t)) for t in texts] == shared
