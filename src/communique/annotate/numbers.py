"""Numbers as written in news and diplomatic text: digit groups, decimals, words and scale words.

Hand-written rather than babel/price-parser/quantulum3 because those fail the strings we see (see
RECIPES.md): babel reads "1,5" as 15 and cannot read "48 700 000"; price-parser drops "billion".

Decimal or grouping is decided by the shape of the groups, not by a locale:
- both "," and "." present: the last one is the decimal mark ("1,500.5", "1.500,5");
- several commas or several dots: grouping ("1,500,000", "1.500.000");
- one comma followed by exactly three digits after one to three digits: grouping ("1,500" = 1500);
  any other single comma is a decimal comma ("1,5 bln" = 1.5);
- one dot: a decimal point ("1.500 billion" = 1.5 billion, as English texts write it); money.py
  reads a lone dot before exactly three digits, with no scale word, as thousands in an amount or
  a count ("€1.500", "1.500 firms") but not in a percentage ("1.125%");
- spaces, non-breaking (U+00A0) and thin spaces (U+2009, U+202F) only ever group ("48 700 000").

The regex pieces here (`NUMERAL`, `WORD_NUMBER`, `SCALE`, `NUMBER`) carry no named groups, so other
grammars can compose them more than once in one pattern.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from communique.annotate.alternation import trie_alternation
from communique.annotate.case import ignorecase_key
from communique.annotate.triggers import word_triggers
from communique.data import load

__all__ = [
    "GAP",
    "NUMBER",
    "NUMBER_RE",
    "NUMERAL",
    "SCALE",
    "WORD_NUMBER",
    "digit_runs",
    "is_year_like",
    "find_numbers",
    "parse_number",
    "scale_value",
    "split_number",
]

_DATA = load("numbers")

#: the spaces allowed inside a number and between a number and its unit
SPACE_CHARS = " \u00a0\u2009\u202f"
GAP = f"[{SPACE_CHARS}]"

_UNITS: dict[str, int] = {k.lower(): int(v) for k, v in _DATA["units"].items()}
_TENS: dict[str, int] = {k.lower(): int(v) for k, v in _DATA["tens"].items()}
_DOZEN = int(_DATA["dozen"])
_SPACED: dict[str, Decimal] = {k.lower(): Decimal(v) for k, v in _DATA["scales"]["spaced"].items()}
_GLUED: dict[str, Decimal] = {str(k): Decimal(v) for k, v in _DATA["scales"]["glued"].items()}


def _alt(words, ignore_case: bool = False) -> str:
    """A regex alternation of literal words, longest first so that prefixes do not win; written as
    a trie (same matches, fewer branches per position). `ignore_case` for use inside (?i:…)."""
    return trie_alternation(words, ignore_case=ignore_case)


_D = "[0-9]"
_G = f"[{SPACE_CHARS}]"
NUMERAL = (
    rf"(?<![0-9])(?<![0-9][.,])"
    rf"(?:{_D}{{1,3}}(?:,{_D}{{3}})+(?:\.{_D}+)?"          # 1,500,000.5
    rf"|{_D}{{1,3}}(?:\.{_D}{{3}}){{2,}}(?:,{_D}+)?"       # 1.500.000,5
    rf"|{_D}{{1,3}}(?:{_G}{_D}{{3}})+(?:[.,]{_D}+)?"       # 48 700 000
    rf"|{_D}+(?:[.,]{_D}+)?)"                              # 1500, 1.5, 1,5, 1,500
    rf"(?![0-9]|[.,][0-9])"
)
_UNIT_ALT = _alt(_UNITS, True)  # the pieces of WORD_NUMBER, used inside (?i:…)
_UNIT19 = _alt((k for k, v in _UNITS.items() if 1 <= v <= 9), True)
_BELOW100 = rf"(?:(?:{_alt(_TENS, True)})(?:[- ](?:{_UNIT19}))?|{_UNIT_ALT})"
WORD_NUMBER = (
    rf"(?i:\b(?:(?:{_BELOW100}|a){_G}+hundred(?:{_G}+(?:and{_G}+)?{_BELOW100})?"
    rf"|(?:a{_G}+)?dozen|{_BELOW100}|a(?={_G}+(?:thousand|million|billion|trillion)\b))\b)"
)
_SPACED_ALT = _alt(_SPACED, True)  # only used inside (?i:…)
SCALE = rf"(?:(?:{_G}|-)?(?i:{_SPACED_ALT})|(?<=[0-9])(?:{_alt(_GLUED)}))(?![A-Za-z0-9])"
#: a number with an optional scale word: "1.5 billion", "200m", "twelve", "48 700 000"
NUMBER = rf"(?:{NUMERAL}(?:{SCALE}|(?![A-Za-z]))|{WORD_NUMBER}(?:{_G}(?i:{_SPACED_ALT})(?![A-Za-z0-9]))?)"

NUMBER_RE = re.compile(NUMBER)
# find_numbers scans with literal triggers and matches these at the trigger only: one scan with
# NUMBER_RE tries both alternatives at every character (~0.5 ms per 3 KB, ten times slower).
_DIGIT_NUMBER_RE = re.compile(rf"{NUMERAL}(?:{SCALE}|(?![A-Za-z]))")
_WORD_NUMBER_RE = re.compile(rf"{WORD_NUMBER}(?:{_G}(?i:{_SPACED_ALT})(?![A-Za-z0-9]))?")
# (`[0-9][0-9]*`, not `[0-9]+`: sre skips ahead by a first character class only when the pattern
# opens with one, not with a repeat of it; same matches, ~2x faster)
_DIGITS_RE = re.compile(r"[0-9][0-9]*")
#: the words where a number written in words can start, in any of three letter cases: found by
#: the scan annotate/triggers.py shares with the ordinal and date finders
_WORD_TRIGGERS = [*_UNITS, *_TENS, "dozen", "hundred", "thousand", "million", "billion", "trillion"]
_A_BEFORE_RE = re.compile(rf"(?<![A-Za-z])[aA]{_G}+$")
_PARTS_RE = re.compile(
    rf"(?P<num>{NUMERAL}|{WORD_NUMBER})(?P<scale>{SCALE}|{_G}(?i:{_SPACED_ALT})(?![A-Za-z0-9]))?"
)
_SPACE_RE = re.compile(f"[{SPACE_CHARS}]+")
_WORD_SPLIT_RE = re.compile(rf"[{SPACE_CHARS}\-]+")
_GROUPED_COMMA_RE = re.compile(r"[0-9]{1,3},[0-9]{3}")


def scale_value(word: str) -> Decimal:
    """The multiplier of a scale word ("bn" → 10**9); KeyError when it is none."""
    w = word.strip(SPACE_CHARS + "-")
    if w in _GLUED:
        return _GLUED[w]
    return _SPACED[ignorecase_key(w)]


def _parse_numeral(s: str) -> Decimal:
    s = _SPACE_RE.sub("", s)
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        grp = "." if dec == "," else ","
        s = s.replace(grp, "").replace(dec, ".")
    elif "," in s:
        grouped = s.count(",") > 1 or _GROUPED_COMMA_RE.fullmatch(s)
        s = s.replace(",", "") if grouped else s.replace(",", ".")
    elif s.count(".") > 1:
        s = s.replace(".", "")
    return Decimal(s)


def _parse_words(s: str) -> Decimal:
    words = [w for w in _WORD_SPLIT_RE.split(s.lower()) if w and w != "and"]
    total = 0
    current = 0
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * _DOZEN
        elif w == "a":
            current += 1
        else:
            raise ValueError(f"not a number word: {w!r}")
    return Decimal(total + current)


def split_number(s: str) -> tuple[Decimal, Decimal | None]:
    """A number expression as (value before scale, scale multiplier or None): "1,5 bln" → (1.5, 1E+9)."""
    text = s.strip(SPACE_CHARS)
    m = _PARTS_RE.fullmatch(text)
    if not m:
        raise ValueError(f"not a number: {s!r}")
    num = m.group("num")
    try:
        value = _parse_numeral(num) if num[0].isdigit() else _parse_words(num)
    except InvalidOperation:
        raise ValueError(f"not a number: {s!r}") from None
    return value, (scale_value(m.group("scale")) if m.group("scale") else None)


def parse_number(s: str) -> Decimal:
    """Parse one whole number expression: "1,5 bln" → 1.5E+9, "twenty-two" → 22, "48 700 000"."""
    value, scale = split_number(s)
    return value * scale if scale is not None else value


_SPAN = re.Match.span


@lru_cache(maxsize=8)
def digit_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every run of ASCII digits, cached for the few texts in flight: the number,
    date and ordinal finders all start from them, and one scan serves the three."""
    return tuple(map(_SPAN, _DIGITS_RE.finditer(text)))  # (C-level: no generator frame per run)


def find_numbers(text: str) -> list[tuple[int, int, str]]:
    """`_find_numbers`, cached for the few texts in flight: the money grammar, the count reader and
    the document checks all ask for the numbers of the same document text."""
    return list(_find_numbers_cached(text))


@lru_cache(maxsize=8)
def _find_numbers_cached(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple(_find_numbers(text))


def _find_numbers(text: str) -> list[tuple[int, int, str]]:
    """Every number expression in `text` as (start, end, text), left to right, not overlapping.

    Same result as `NUMBER_RE.finditer`, found by trying the pattern only where a digit run or a
    number word starts.
    """
    found: list[tuple[int, int, str]] = []
    end = 0
    for s, _ in digit_runs(text):
        if s < end:
            continue
        m = _DIGIT_NUMBER_RE.match(text, s)
        if m:
            found.append((s, m.end(), m.group()))
            end = m.end()
    words: list[tuple[int, int, str]] = []
    end = 0
    triggers = word_triggers(text)["number"]  # one scan shared with ordinals and dates
    for s, t_end in triggers:
        if s < end or (s and text[s - 1].isalpha()):
            continue
        a = _A_BEFORE_RE.search(text, max(0, s - 4), s)
        for start in ((a.start(), s) if a else (s,)):
            m = _WORD_NUMBER_RE.match(text, start)
            if m and m.end() >= t_end:
                words.append((start, m.end(), m.group()))
                end = m.end()
                break
    if not words:
        return found
    merged = sorted(found + words)
    out: list[tuple[int, int, str]] = []
    for item in merged:
        if out and item[0] < out[-1][1]:
            continue
        out.append(item)
    return out


def is_year_like(numeral: str) -> bool:
    """Four bare digits between 1900 and 2100: read as a year, not a quantity."""
    return len(numeral) == 4 and numeral.isdigit() and 1900 <= int(numeral) <= 2100
