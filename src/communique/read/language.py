"""Which language a document is in: its script, then the share of its words in each stop list.

The annotators read English; telling a Russian or German text apart lets the caller see why little
was extracted from it (the contract's `document.language`). A few hundred function words per
language (`data/stopwords.yaml`) are enough for press releases; a statistical detector would be
another dependency for no gain here.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: For a text whose only letters are ASCII (after lowering): the same words as `_WORD` (there the
#: class `[^\W\d_]` is exactly `[a-z]`), found twice as fast with a plain character set.
_ASCII_WORD = re.compile(r"[a-z][a-z]*(?:'[a-z]+)?")  # (`[a-z]+` opening: sre would not skip ahead)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_WORD_CHAR = re.compile(r"[^\W\x00-\x7f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KAZAKH_LETTERS = set("әғқңөұүһі")
#: Fewer words than this: too little to tell; the default stands.
_MIN_WORDS = 8


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    from ..data import DataError, load

    data = load("stopwords")
    out = {}
    for lang, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise DataError(f"stopwords.yaml: {lang} must be a list of strings")
        out[lang] = frozenset(w.lower().replace("’", "'") for w in words)
    return out


@lru_cache(maxsize=1)
def _languages_by_word() -> dict[str, tuple[str, ...]]:
    """Stop word → the languages whose list has it."""
    out: dict[str, list[str]] = {}
    for lang, words in _lists().items():
        for w in words:
            out.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in out.items()}


def detect_language(text: str, default: str = "en") -> str:
    """ISO 639-1 code of the text's language among those listed, or `default` when unsure."""
    sample = text[:5000]
    blob = _ascii_runs(sample)
    if blob is not None:
        return _ascii_language(blob, default)
    low = sample.lower()
    if len(low) == len(sample) and "Σ" not in sample:
        # Lowering char for char (no Σ, whose lower case depends on its neighbours) changes no
        # char's word class (checked over all of Unicode), and the word pattern treats ' and ’
        # alike: the same words as lowering each, in two C calls.
        low = low.replace("’", "'")
        words = _WORD.findall(low)
        cyr = [w for w in words if _CYRILLIC.match(w)] if _CYRILLIC.search(low) else []
    else:
        words = [w.lower().replace("’", "'") for w in _WORD.findall(sample)]
        cyr = [w for w in words if _CYRILLIC.match(w)]
    if len(words) < _MIN_WORDS:
        return default
    lists = _lists()
    cyrillic_text = len(cyr) > len(words) / 2
    if cyrillic_text:
        candidates = ["ru", "kk"]
        words = cyr
    else:
        candidates = [lang for lang in lists if lang not in ("ru", "kk")]
        if cyr:
            words = [w for w in words if not _CYRILLIC.match(w)]
    # Count only the stop words (a C-level filter: most words are none), then each one found adds
    # its count to its languages (the same sums as list by list).
    by_word = _languages_by_word()
    counts = Counter(filter(by_word.__contains__, words))
    scores = _scores(counts, by_word, candidates)
    if "kk" in scores:  # letters only Kazakh uses among these two weigh in too
        scores["kk"] += sum(1 for w in words if _KAZAKH_LETTERS.intersection(w))
    if cyrillic_text:  # Cyrillic is Russian unless Kazakh words and letters outweigh
        return "kk" if scores["kk"] > scores["ru"] else "ru"
    return _best(scores, len(words), default)


def _scores(counts: Counter, by_word: dict, candidates: list[str]) -> dict[str, int]:
    scores = dict.fromkeys(candidates, 0)
    for w, n in counts.items():
        for lang in by_word[w]:
            if lang in scores:
                scores[lang] += n
    return scores


def _best(scores: dict[str, int], n_words: int, default: str) -> str:
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < max(2, n_words // 20):
        return default
    return best


#: bytes → the lower-case letter for A-Z and a-z, the same byte for ', a space for any other:
#: `_ASCII_WORD`'s words of the lowered text are then the runs `bytes.split` gives, but for runs
#: holding an apostrophe ("states'", "a'b'c").
_RUNS = bytes(c + 0x20 if 0x41 <= c <= 0x5A else c if (0x61 <= c <= 0x7A or c == 0x27) else 0x20
              for c in range(256))
_ASCII_WORD_B = re.compile(rb"[a-z][a-z]*(?:'[a-z]+)?")


def _ascii_runs(sample: str) -> bytes | None:
    """The sample's letters lowered, apostrophes kept (’ as '), every other character a space, as
    bytes; None when a character outside ASCII is a word character (the Cyrillic and other
    scripts' case, read by `_WORD`).

    Why not `sample.lower()` and a regex for the non-ASCII letters: on a text holding a dash or a
    euro sign, lowering and that regex cost ~55 instructions a character each (a Unicode lookup
    per character); the encoder and `bytes.translate` cost a few. The same bytes: a non-ASCII
    character that is no word character lowers to one that is neither ASCII nor a word character
    (checked over all of Unicode), so it is a space either way, and ASCII letters lower as here."""
    s = sample.replace("’", "'")
    raw = s.encode("ascii", "replace")  # each non-ASCII character becomes one "?"
    if not s.isascii():
        seen = set()
        at = raw.find(b"?")
        while at >= 0:
            c = s[at]
            if c != "?" and c not in seen:
                if _NON_ASCII_WORD_CHAR.match(c):
                    return None
                seen.add(c)
            at = raw.find(b"?", at + 1)
    return raw.translate(_RUNS)


@lru_cache(maxsize=1)
def _ascii_languages_by_word() -> dict[bytes, tuple[str, ...]]:
    """`_languages_by_word` for the ASCII stop words, keyed by their bytes."""
    return {w.encode("ascii"): langs for w, langs in _languages_by_word().items() if w.isascii()}


def _ascii_language(blob: bytes, default: str) -> str:
    """`detect_language` for a sample whose word characters are all ASCII (no Cyrillic), given as
    its `_ascii_runs`."""
    n_words, counts = _ascii_word_counts(blob)
    if n_words < _MIN_WORDS:
        return default
    candidates = [lang for lang in _lists() if lang not in ("ru", "kk")]
    return _best(_scores(counts, _ascii_languages_by_word(), candidates), n_words, default)


def _ascii_word_counts(blob: bytes) -> tuple[int, Counter]:
    """(how many words, the count of each stop word) of `_ASCII_WORD.findall` over the lowered
    sample, read from its byte runs of a-z and ' (`_ascii_runs`) instead: one C split, ~4x fewer
    instructions than the regex making each word (stop words counted by their bytes)."""
    runs = blob.split()
    n_words = len(runs)
    by_word = _ascii_languages_by_word()
    counts = Counter(filter(by_word.__contains__, runs))
    at = blob.find(b"'")
    while at >= 0:
        # the run around this apostrophe: its words are what the regex finds in it
        start = blob.rfind(b" ", 0, at) + 1
        end = blob.find(b" ", at)
        end = len(blob) if end < 0 else end
        run = blob[start:end]
        words = _ASCII_WORD_B.findall(run)
        n_words += len(words) - 1
        if run in by_word:
            counts[run] -= 1
        for w in words:
            if w in by_word:
                counts[w] += 1
        at = blob.find(b"'", end)
    return n_words, counts
