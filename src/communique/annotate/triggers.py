"""One scan per letter case for the words where a number, an ordinal or a date can start.

Why: the number finder ("twenty", "million"), the ordinal finder ("twenty-second") and the date
finder ("three years ago", "earlier this month") each scanned the whole text for their trigger
words, three times per letter case. One trie of all their words per case, looked for only at
word starts, finds the same triggers in a third of the time.

Same triggers as the separate scans: every word is ASCII letters and must end where the letters
end (`(?![A-Za-z])`), so at a word start at most one word of all the lists fits, and a match that
follows a letter, which each finder skipped anyway, could never hide one that does not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from communique.annotate.alternation import trie_alternation

__all__ = ["word_triggers", "DATE_KEYWORDS"]

#: Words right after which a relative date may end ("three weeks ago", "in two years' time",
#: "the first half of 2024"); the date finder tries its word forms just before them.
DATE_KEYWORDS = ("ago", "time", "year", "years", "month", "months", "week", "weeks", "day", "days",
                 "decade", "decades", "today", "yesterday", "tomorrow", "quarter", "quarters", "half",
                 "spring", "summer", "autumn", "fall", "morning", "afternoon", "evening", "tonight", "night")

_CASES = (str.lower, str.title, str.upper)
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=1)
def _scanners() -> tuple[list[re.Pattern], dict[str, str], re.Pattern]:
    # imported here, not at the top: those modules import this one
    from communique.annotate.numbers import _WORD_TRIGGERS
    from communique.annotate.ordinals import _ORD_WORDS

    kinds: dict[str, str] = {}
    rxs = []
    for case in _CASES:
        words = {case(w): "number" for w in _WORD_TRIGGERS}
        words.update({case(w): "ordinal" for w in _ORD_WORDS})
        if case is not str.upper:  # the date keywords are read in lower and title case only
            words.update({case(w): "date" for w in DATE_KEYWORDS})
        kinds.update(words)
        # Lower case: only after a character that is no ASCII letter (skips the many matches
        # inside words, "one" in "someone"), read as a character the match opens with, not as a
        # look-behind: sre then skips ahead by it instead of trying every position (~40% fewer
        # instructions, same words; the text's first word is matched apart). Title and upper
        # case: sre jumps from capital to capital in C (4x faster); the rare match after a letter
        # ("McOne") is dropped below. The word is group 1.
        lead = "[^A-Za-z]" if case is str.lower else ""
        trie = trie_alternation(words)
        rxs.append(re.compile(f"{lead}({trie})(?![A-Za-z])"))
        if case is str.lower:
            head = re.compile(f"(?:{trie})(?![A-Za-z])")
    lists = {"number": _WORD_TRIGGERS, "ordinal": _ORD_WORDS, "date": DATE_KEYWORDS}
    for kind, words in lists.items():  # the lists must not share a word (each match has one kind)
        others = {w.lower() for k, ws in lists.items() if k != kind for w in ws}
        clash = others.intersection(w.lower() for w in words)
        if clash:
            raise ValueError(f"trigger words in two lists: {sorted(clash)}")
    return rxs, kinds, head


def word_triggers(text: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """(start, end) of the trigger words of each kind ("number", "ordinal", "date"), sorted, that
    no ASCII letter precedes (the finders also skip those after other letters)."""
    return _word_triggers(text)


#: A run of ASCII letters: a trigger is a whole run (it ends where `(?![A-Za-z])` holds).
_LETTER_RUN = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _openings_scan():
    """The trigger words (lower case) as openings of the text's shared Aho–Corasick pass."""
    from communique.annotate.numbers import _WORD_TRIGGERS
    from communique.annotate.ordinals import _ORD_WORDS
    from communique.interpret.scan import AnyOf

    return AnyOf([*_WORD_TRIGGERS, *_ORD_WORDS, *DATE_KEYWORDS])


@lru_cache(maxsize=8)
def _word_triggers(text: str) -> dict[str, tuple[tuple[int, int], ...]]:
    """The triggers read where the text's shared openings pass (interpret.scan, one automaton
    over the lower-cased text, made for the other scans anyway) found a trigger word, lower-cased:
    every trigger opens at one of them. Where one does, the trigger is the run of ASCII letters
    opening there, when that run is a trigger word in one of its cases and no ASCII letter stands
    before it: what the three case scans find, with no regex tried at every non-letter (those
    scans cost ~0.9 M instructions per 3 KB document, this ~0.1 M)."""
    from communique.interpret.scan import openings

    cands = None
    if "\u212a" not in text:  # the Kelvin sign lowers to an ASCII "k": the scans read it apart
        cands = _openings_scan().positions(openings(text))
    if cands is None:  # the lower-cased text does not line up with it
        return _word_triggers_by_regex(text)
    kinds = _scanners()[1]
    out: dict[str, list[tuple[int, int]]] = {"number": [], "ordinal": [], "date": []}
    run = _LETTER_RUN.match
    letters = _ASCII_LETTERS
    for s in cands:
        if s and text[s - 1] in letters:
            continue
        m = run(text, s)
        if m is not None:
            kind = kinds.get(m.group())
            if kind is not None:
                out[kind].append(m.span())
    return {kind: tuple(spans) for kind, spans in out.items()}  # (openings are sorted)


def _word_triggers_by_regex(text: str) -> dict[str, tuple[tuple[int, int], ...]]:
    rxs, kinds, head = _scanners()
    out: dict[str, list[tuple[int, int]]] = {"number": [], "ordinal": [], "date": []}
    # a lower-case word at the start of the text (no character before it); the lower-case scan
    # (rxs[0]) goes on after it, as one scan of the look-behind form would
    m = head.match(text)
    if m:
        out[kinds[m.group()]].append(m.span())
    for rx, pos in zip(rxs, (m.end() if m else 0, 0, 0), strict=True):
        for m in rx.finditer(text, pos):
            s = m.start(1)
            if s and text[s - 1] in _ASCII_LETTERS:
                continue
            out[kinds[m.group(1)]].append(m.span(1))
    return {kind: tuple(sorted(spans)) for kind, spans in out.items()}  # shared: immutable
