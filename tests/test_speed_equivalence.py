"""Speed-only rewrites must give the same answers as the plain forms they replace."""

from __future__ import annotations

import random
import re

from communique.annotate.money import find_amounts
from communique.annotate.numbers import find_numbers
from communique.annotate.places import first_letters_ahead
from communique.checks.document import Context as CheckContext
from communique.models import DocumentInfo, Extraction
from communique.read.language import detect_language
from communique.segment import paragraphs, segment

TEXT = (
    "The Council met in Astana on 3 April 2025.\n\nIt agreed on EUR 12 billion, of which €3 billion "
    "for transport and some 25 joint projects. Talks focused on Energy and transport connectivity.\n\n"
    "Next Steps\nA second round is due next year."
)


def _spans(rx: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


def test_first_letters_ahead_keeps_matches():
    words = ["of which", "including", "Council", "transport connectivity", "half", "Über", "ab"]
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    rng = random.Random(7)
    pieces = [*words, "x", " ", "OF WHICH", "über", "Transport", ",", "habit", "\n"]
    for flags in (0, re.I):
        plain = re.compile(rf"\b(?:{alt})\b", flags)
        fast = re.compile(rf"\b{first_letters_ahead(words)}(?:{alt})\b", flags)
        for _ in range(300):
            text = "".join(rng.choice(pieces) for _ in range(40))
            assert _spans(fast, text) == _spans(plain, text)


def test_first_letters_ahead_gives_up_when_unsure():
    assert first_letters_ahead(["a", ""]) == ""
    assert first_letters_ahead(["meeting"], [r"\d+ talks"]) == ""
    assert first_letters_ahead(["meeting"], ["C?OP"]) == ""
    assert first_letters_ahead(["meeting"], [r"COP ?\d"]) == "(?=[Cm])"


def test_cached_annotators_return_fresh_lists():
    for fn in (segment, paragraphs, find_numbers, find_amounts):
        first = fn(TEXT)
        assert first, fn.__name__
        first.clear()  # a caller may change its list; the next caller still gets every item
        assert fn(TEXT) and fn(TEXT) == fn(TEXT)


def test_check_sentence_index_matches_a_scan():
    ctx = CheckContext(Extraction(document=DocumentInfo(id="x")), TEXT)
    for pos in range(-1, len(TEXT) + 2):
        scan = next((i for i, s in enumerate(ctx.sentences) if s.start <= pos < s.end), None)
        assert ctx.sentence_index(pos) == scan


def _language_word_by_word(text: str, default: str = "en") -> str:
    """The plain algorithm: lower and score each word on its own."""
    from communique.read.language import _CYRILLIC, _KAZAKH_LETTERS, _WORD, _lists

    words = [w.lower().replace("’", "'") for w in _WORD.findall(text[:5000])]
    if len(words) < 8:
        return default
    cyrillic = sum(1 for w in words if _CYRILLIC.match(w)) > len(words) / 2
    lists = _lists()
    cands = ["ru", "kk"] if cyrillic else [x for x in lists if x not in ("ru", "kk")]
    words = [w for w in words if bool(_CYRILLIC.match(w)) == cyrillic]
    scores = {x: sum(1 for w in words if w in lists.get(x, ())) for x in cands}
    if "kk" in scores:
        scores["kk"] += sum(1 for w in words if _KAZAKH_LETTERS.intersection(w))
    if cyrillic:
        return "kk" if scores["kk"] > scores["ru"] else "ru"
    best = max(scores, key=lambda k: scores[k])
    return default if scores[best] < max(2, len(words) // 20) else best


def test_language_fast_path_agrees_with_word_by_word():
    rng = random.Random(3)
    words = ["the", "and", "der", "und", "le", "et", "el", "ve", "bir", "И", "не", "және", "Қазақ",
             "don’t", "l’état", "İstanbul", "ΟΔΟΣ", "Straße", "Talks", "EU", "2025", "—", "."]
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 50)))
        assert detect_language(text) == _language_word_by_word(text), text


def test_ascii_language_words_counted_from_byte_runs_as_the_regex_finds_them():
    """The ASCII path counts words from the runs of a-z and ' (bytes): the same number of words
    and the same stop-word counts as `_ASCII_WORD.findall`, apostrophes anywhere in a run."""
    from collections import Counter

    from communique.read.language import _ASCII_WORD, _RUNS, _ascii_word_counts, _languages_by_word

    stop = _languages_by_word()
    rng = random.Random(7)
    pieces = ["the", "and", "it's", "don't", "l'", "'tis", "states'", "a'b'c", "''", "'", "x''y",
              "de", "der", "9", "_", "é", "—", " ", " ", ".", "\n", "rock'n'roll", "’", "?"]
    for _ in range(3000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))).lower().replace("’", "'")
        words = _ASCII_WORD.findall(low)
        want = Counter(w.encode() for w in words if w in stop)
        n, got = _ascii_word_counts(low.encode("ascii", "replace").translate(_RUNS))
        assert (n, +got) == (len(words), want), low


def test_ascii_runs_are_the_lowered_texts_bytes():
    """`_ascii_runs` reads the sample without lowering it: the same bytes as lowering it first (a
    dash, a euro sign or a Kelvin sign among ASCII words), None where a non-ASCII character is a
    word character."""
    from communique.read.language import _RUNS, _ascii_runs

    rng = random.Random(11)
    pieces = ["The", "AND", "It’s", "DON'T", "x", "—", "€", "«", "»", "?", "K", "Ⅻ", "Ⓐ", "é", "Straße",
              "И", " ", "\n", "1", "_", "'"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        low = text.lower().replace("’", "'")
        want = None
        if not re.search(r"[^\W\x00-\x7f]", text):
            want = low.encode("ascii", "replace").translate(_RUNS)
        assert _ascii_runs(text) == want, text
