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
    low = sample.lower()
    if len(low) == len(sample) and "Σ" not in sample:
        # Lowering char for char (no Σ, whose lower case depends on its neighbours) changes no
        # char's word class (checked over all of Unicode), and the word pattern treats ' and ’
        # alike: the same words as lowering each, in two C calls.
        low = low.replace("’", "'")
        # The distinct non-ASCII characters (dashes, quotes, €) are few: when none is a word
        # character, the words are ASCII and the Cyrillic test is moot.
        if _NON_ASCII_WORD_CHAR.search("".join(set(_NON_ASCII.findall(low)))):
            words = _WORD.findall(low)
            cyr = [w for w in words if _CYRILLIC.match(w)] if _CYRILLIC.search(low) else []
        else:
            words = _ASCII_WORD.findall(low)
            cyr = []
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
    scores = dict.fromkeys(candidates, 0)
    for w, n in counts.items():
        for lang in by_word[w]:
            if lang in scores:
                scores[lang] += n
    if "kk" in scores:  # letters only Kazakh uses among these two weigh in too
        scores["kk"] += sum(1 for w in words if _KAZAKH_LETTERS.intersection(w))
    if cyrillic_text:  # Cyrillic is Russian unless Kazakh words and letters outweigh
        return "kk" if scores["kk"] > scores["ru"] else "ru"
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < max(2, len(words) // 20):
        return default
    return best
