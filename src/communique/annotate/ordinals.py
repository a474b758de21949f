"""Ordinals in digits ("22nd", "22-nd"), words ("twenty-second", "twenty second") and Roman numerals.

A Roman numeral is only taken as an ordinal in a clear position: right before a capitalised word
or a body noun ("XXI Kazakhstan-EU Cooperation Council", "the XII meeting", "the XXII Congress").
A single letter (the pronoun "I", "V", "X", "C", "D", "L", "M") is one only between "the" and a
sitting noun with "of" ("the V meeting of the …"), and in running text only numerals below 400 (no
D or M) are read, so that "CD" or "MD" stay acronyms.
An ordinal that is a day of a month ("17th June", "June 17th", "the 3rd of March") is left to the
date grammar and not returned here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from communique.annotate.alternation import trie_alternation
from communique.annotate.numbers import digit_runs
from communique.annotate.triggers import word_triggers
from communique.annotate.types import OrdinalMention
from communique.data import load
from communique.interpret.scan import char_positions, cues, matches_at

__all__ = ["find_ordinals", "parse_ordinal", "parse_roman", "to_roman"]

_NUM = load("numbers")
_ORD = _NUM["ordinals"]
_ORD_UNITS: dict[str, int] = {k: int(v) for k, v in _ORD["units"].items()}
_ORD_TENS: dict[str, int] = {k: int(v) for k, v in _ORD["tens"].items()}
_CARD_UNITS: dict[str, int] = {k: int(v) for k, v in _NUM["units"].items() if 1 <= int(v) <= 9}
_CARD_TENS: dict[str, int] = {k: int(v) for k, v in _NUM["tens"].items()}
_ALL_CARD: dict[str, int] = {k: int(v) for k, v in _NUM["units"].items()}
_ROMAN_NOUNS = frozenset(w.lower() for w in _ORD["roman_nouns"])
_ROMAN_NOT_BEFORE = frozenset(_ORD["roman_not_before"])
_MONTHS = frozenset(m.lower() for m in load("dates")["months"])


def _alt(words) -> str:
    """Longest-first alternation as a trie (same matches, faster); every use below is inside the
    case-blind _WORD_ORD_FULL."""
    return trie_alternation(words, ignore_case=True)


_SEP = r"[- \u00a0]"
_ORD_UNIT19 = _alt(k for k, v in _ORD_UNITS.items() if v <= 9)
_ORD_BELOW100 = rf"(?:(?:{_alt(_CARD_TENS)}){_SEP}(?:{_ORD_UNIT19})|{_alt(_ORD_TENS)}|{_alt(_ORD_UNITS)})"
_CARD_BELOW100 = rf"(?:(?:{_alt(_CARD_TENS)})(?:{_SEP}(?:{_alt(_CARD_UNITS)}))?|{_alt(_ALL_CARD)})"
_WORD_ORD = (
    rf"(?:(?:(?:{_CARD_BELOW100}|a|one)\s+)?hundred(?:th|\s+(?:and\s+)?{_ORD_BELOW100})|{_ORD_BELOW100})"
)
_ROMAN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_WORD_ORD_FULL = re.compile(rf"(?i:{_WORD_ORD})")
_ROMAN_FULL = re.compile(_ROMAN)
# in running text: below 400 (no D or M), so that "CD" and "MD" stay acronyms
_TEXT_ROMAN_FULL = re.compile(r"C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_NEXT_RE = re.compile(r"[ \u00a0]+(?P<w>[A-Za-z][\w'’-]*)")
_OF_MONTH_RE = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?(?P<m>[A-Za-z]+)")
_PREV_WORD_RE = re.compile(r"(?P<w>[A-Za-z]+)\.?[ \u00a0]+$")
_DIGIT_ORD_FULL = re.compile(r"([0-9]{1,4})(?:-|\u00a0)?(?:st|nd|rd|th|d)")
_WORD_SPLIT_RE = re.compile(r"[-\s]+")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def parse_roman(s: str) -> int | None:
    """The value of a well-formed Roman numeral ("XXII" → 22), else None."""
    if not s or not _ROMAN_FULL.fullmatch(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN_VALUES[ch]
        total += -v if i + 1 < len(s) and _ROMAN_VALUES[s[i + 1]] > v else v
    return total or None


def to_roman(n: int) -> str:
    """1..3999 as a Roman numeral (for tests and display)."""
    out = []
    for v, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                   (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out.append(sym)
            n -= v
    return "".join(out)


def _parse_ord_words(s: str) -> int:
    words = [w for w in _WORD_SPLIT_RE.split(s.lower()) if w and w != "and"]
    total = 0
    for w in words:
        if w in ("hundred", "hundredth"):
            total = (total or 1) * 100
        elif w in ("a", "one") and total == 0:
            total = 1
        elif w in _ORD_UNITS:
            total += _ORD_UNITS[w]
        elif w in _ORD_TENS:
            total += _ORD_TENS[w]
        elif w in _CARD_TENS:
            total += _CARD_TENS[w]
        elif w in _ALL_CARD:
            total += _ALL_CARD[w]
        else:
            raise ValueError(w)
    return total


@lru_cache(maxsize=2048)
def parse_ordinal(s: str) -> int | None:
    """An ordinal written as digits, words or Roman numerals → its value ("22nd", "XXII" → 22)."""
    s = s.strip()
    m = _DIGIT_ORD_FULL.fullmatch(s)
    if m:
        return int(m.group(1)) or None
    if _WORD_ORD_FULL.fullmatch(s):
        try:
            return _parse_ord_words(s) or None
        except ValueError:
            return None
    return parse_roman(s)


def _is_day_of_month(text: str, start: int, end: int) -> bool:
    nxt = _OF_MONTH_RE.match(text, end)
    if nxt and nxt.group("m").lower().rstrip(".") in _MONTHS:
        return True
    prev = _PREV_WORD_RE.search(text, max(0, start - 12), start)
    return bool(prev and prev.group("w").lower() in _MONTHS)


def _roman_ok(text: str, start: int, end: int) -> bool:
    nxt = _NEXT_RE.match(text, end)
    if not nxt:
        return False
    w = nxt.group("w")
    if w.lower() in _ROMAN_NOUNS:
        return True
    return w[0].isupper() and w not in _ROMAN_NOT_BEFORE and not w.isupper() or (
        w.isupper() and len(w) > 1 and not _ROMAN_FULL.fullmatch(w)
    )


# find_ordinals tries its patterns only where a trigger (a digit run with a suffix, an ordinal word,
# a run of Roman letters) stands: one alternation tried at every character is ~0.4 ms per 3 KB.
_DIGIT_ORD_RE = re.compile(r"[0-9]{1,4}(?:-|\u00a0)?(?:st|nd|rd|th|d)(?![\w])")
_ORD_WORDS = [*_ORD_UNITS, *_ORD_TENS, "hundredth"]  # triggers, scanned by annotate/triggers.py
# Both open with a character class sre can skip ahead with (same matches as `[CLXVI]{2,}` and
# `(?<![A-Za-z])[A-Za-z]`: behind a leading repeat or look-behind sre tries every character)
_ROMAN_RUN_RE = re.compile(r"[CLXVI][CLXVI]+(?![\w])")
_WORD_START_RE = re.compile(r"[A-Za-z](?<![A-Za-z].)")
_SINGLE_ROMAN_RE = re.compile(
    r"(?<=[Tt]he )[IVX](?= (?i:meeting|session|sitting|summit|round|forum|congress) of\b)"
)


def _mention(text: str, s: int, e: int, value: int | None, offset: int) -> OrdinalMention | None:
    return OrdinalMention(span=(s + offset, e + offset), text=text[s:e], value=value) if value else None


def find_ordinals(text: str, offset: int = 0) -> list[OrdinalMention]:
    """Every ordinal in `text` that is not a day of a month, with spans shifted by `offset`."""
    found: list[OrdinalMention | None] = []
    # Tried at the start of each digit run only (shared with the number finder): a match starting
    # inside a run follows a digit and was skipped anyway, and none can cover the next run's start.
    for s, _ in digit_runs(text):
        if s and (text[s - 1].isalnum() or text[s - 1] in "-_."):
            continue
        m = _DIGIT_ORD_RE.match(text, s)
        if m is None:
            continue
        e = m.end()
        tok = m.group()
        if tok[-1] == "d" and tok[-2:] not in ("nd", "rd") and tok.rstrip("d-\u00a0")[-1] not in "23":
            continue  # "22d", "23d" are old-style ordinals; "5d" is not
        if not _is_day_of_month(text, s, e):
            found.append(_mention(text, s, e, parse_ordinal(m.group()), offset))
    triggers = word_triggers(text)["ordinal"]  # one scan shared with numbers and dates
    done = 0
    for ts, te in triggers:
        if ts < done or (ts and text[ts - 1].isalpha()):
            continue
        starts = [w.start() for w in _WORD_START_RE.finditer(text, max(done, ts - 30), ts)][-4:] + [ts]
        for s in starts:
            if s and (text[s - 1].isalnum() or text[s - 1] == "-"):
                continue
            if _WORD_ORD_FULL.fullmatch(text, s, te):
                if not _is_day_of_month(text, s, te):
                    found.append(_mention(text, s, te, parse_ordinal(text[s:te]), offset))
                done = te
                break
    for m in matches_at(_ROMAN_RUN_RE, text, char_positions(text, "CLXVI")):  # (see char_positions)
        s, e = m.span()
        if s and (text[s - 1].isalnum() or text[s - 1] in "-_"):
            continue
        if _TEXT_ROMAN_FULL.fullmatch(m.group()) and _roman_ok(text, s, e):
            found.append(_mention(text, s, e, parse_roman(m.group()), offset))
    cue = cues(text)  # (the text's shared cue-word pass: see interpret.scan.Cues)
    if cue[" V "] or cue[" X "] or cue[" I "]:
        # "the V meeting of the …": a single letter only between "the" and a sitting noun
        for m in _SINGLE_ROMAN_RE.finditer(text):
            found.append(_mention(text, m.start(), m.end(), parse_roman(m.group()), offset))
    out = [o for o in found if o is not None]
    out.sort(key=lambda o: o.span)
    return out
