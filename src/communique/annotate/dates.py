"""Dates with exact spans, resolved against an anchor (the publication date), granularity kept.

Our own compiled regexes find the candidate spans: cheap literal scans find where a date can start
(digit runs, month and weekday names, relative keywords) and an alternation of the forms that can
start there (longest first) is matched at that spot only; each form is then resolved by a small
rule. dateparser is not used in the hot path: its
`search_dates` takes over a second per text and finds junk ("$11" → a date), and for the absolute
forms we match (day, month name, year) the parts are already in hand, so calling it would only add
time. It is also wrong for the relative phrases ("last April" → None), which need our rules.

Resolution rules (all need an anchor; without one only absolute dates are returned, never guessed):
- a day and month without a year ("17 June", "June 17") take the anchor's year, or the year before
  when that date would fall more than 31 days after the anchor; a future cue in the same clause
  ("will", "to be held", data/dates.yaml) resolves forward instead. A weekday stated with it
  ("Tuesday, 3 March") picks the neighbouring year whose calendar matches when the default does not;
- a bare month needs a cue ("in July", "since March") and follows the same rule at month level;
- "last June" is the most recent June before the anchor's month, "next June" the first after it;
- a weekday alone ("on Tuesday") is the most recent such day on or before the anchor (on or after
  it with a future cue); "last Tuesday" strictly before, "next Tuesday" strictly after;
- relative phrases ("earlier this month", "early next year", "three weeks ago", "in two years'
  time") come from data/dates.yaml.
`relative=True` marks every value that needed the anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from communique.annotate.alternation import ascii_first_chars, trie_alternation
from communique.annotate.case import FOLD_TRAPS, ignorecase_key
from communique.annotate.numbers import WORD_NUMBER, digit_runs, parse_number
from communique.annotate.triggers import word_triggers
from communique.annotate.types import DateMention
from communique.data import load
from communique.interpret.scan import LiteralScan, char_positions, matches_at, openings

__all__ = ["find_dates", "find_dateline", "dateline_mention"]

_DATA = load("dates")
_MONTHS: dict[str, int] = {k.lower(): int(v) for k, v in _DATA["months"].items()}
_AMBIGUOUS = frozenset(m.lower() for m in _DATA["ambiguous_months"])
_WEEKDAYS: dict[str, int] = {k.lower(): int(v) for k, v in _DATA["weekdays"].items()}
_FULL_WEEKDAYS = [k for k in _WEEKDAYS if len(k) > 5]
_RELATIVE: dict[str, tuple[str, int, bool]] = {
    " ".join(k.lower().split()): (v["unit"], int(v["offset"]), v.get("base") == "sentence")
    for k, v in _DATA["relative"].items()
}
_COUNTED: dict[str, str] = {k.lower(): v for k, v in _DATA["counted_units"].items()}


def _alt(words, ignore_case: bool = False) -> str:
    """Longest-first alternation (a space matches any whitespace run), written as a trie: the same
    matches, fewer branches tried per position (annotate/alternation.py). `ignore_case` for the
    ones used inside (?i:…)."""
    return trie_alternation(words, spaces=r"\s+", ignore_case=ignore_case)


def _cased(words) -> list[str]:
    """Title-case and upper-case forms: month and weekday names are capitalised in English."""
    out = []
    for w in words:
        out += [w.title(), w.upper()]
    return out


_S = r"[ \u00a0\u2009\u202f]"
_FULL_MONTHS = [k for k in _MONTHS if len(k) > 4 or k in ("may", "june", "july")]
_ABBR_MONTHS = [k for k in _MONTHS if k not in _FULL_MONTHS]
_MONTH = rf"(?:(?:{_alt(_cased(_FULL_MONTHS))}|(?:{_alt(_cased(_ABBR_MONTHS))})\.?)(?![A-Za-z]))"
_WD = rf"(?:(?:{_alt(_cased(_WEEKDAYS))})\.?(?![A-Za-z]))"
_WD_FULL = rf"(?:(?:{_alt(_cased(_FULL_WEEKDAYS))})(?![A-Za-z]))"
_DAY = r"(?:[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9])"
_YEAR = r"(?:1[89][0-9]{2}|20[0-9]{2}|2100)(?![0-9])"
_DASH = r"(?:[-–—‒]|\s+to\s+|\s+and\s+|\s*&\s*)"
_RELY = r"(?P<{}>(?i:last|this|next))\s+year\b"
_NUMW = rf"(?:[0-9]{{1,3}}|{WORD_NUMBER}|an?)"
_UNITS = _alt(_COUNTED, ignore_case=True)  # used inside (?i:…)

_FORMS = [
    rf"(?P<iso>(?<![0-9./-])(?P<iso_y>{_YEAR})(?P<iso_sep>[-./])(?P<iso_m>[01]?[0-9])(?P=iso_sep)"
rf"(?P<iso_d>[0-3]?[0-9])(?![0-9]|[./-][0-9]))",
    rf"(?P<num>(?<![0-9.,/-])(?P<num_a>[0-3]?[0-9])(?P<num_sep>[./-])(?P<num_b>[01]?[0-9])"
    rf"(?P=num_sep)(?P<num_y>{_YEAR})(?![.,/-]?[0-9]))",
    rf"(?P<drr>(?<![0-9])(?P<drr_d1>{_DAY}){_S}+(?P<drr_m1>{_MONTH}){_S}*{_DASH}{_S}*"
    rf"(?P<drr_d2>{_DAY}){_S}+(?P<drr_m2>{_MONTH})(?:,?{_S}+(?P<drr_y>{_YEAR}))?)",
    rf"(?P<dr>(?<![0-9.,])(?P<dr_d1>{_DAY}){_S}*{_DASH}{_S}*(?P<dr_d2>{_DAY}){_S}+(?:of{_S}+)?"
    rf"(?P<dr_m>{_MONTH})(?:,?{_S}+(?P<dr_y>{_YEAR})|{_S}+{_RELY.format('dr_rel')})?)",
    # "from June 9 to June 11", "August 31 – September 1": month-first, the month written twice (not
    # "and": "on June 9 and June 11" are two days)
    rf"(?P<mrr>(?P<mrr_m1>{_MONTH}){_S}+(?P<mrr_d1>{_DAY}){_S}*(?:[-–—‒]|{_S}(?:to|until|till|through){_S})"
    rf"{_S}*(?P<mrr_m2>{_MONTH}){_S}+(?P<mrr_d2>{_DAY})(?![.,][0-9]|{_S}*%)(?:,?{_S}+(?P<mrr_y>{_YEAR}))?)",
    rf"(?P<mr>(?P<mr_m>{_MONTH}){_S}+(?P<mr_d1>{_DAY}){_S}*{_DASH}{_S}*(?P<mr_d2>{_DAY})"
    rf"(?:,?{_S}+(?P<mr_y>{_YEAR}))?)",
    rf"(?P<dmy>(?:(?P<dmy_wd>{_WD}),?{_S}+(?:the{_S}+)?)?(?<![0-9.,])(?P<dmy_d>{_DAY}){_S}+(?:of{_S}+)?"
    rf"(?P<dmy_m>{_MONTH})(?:,?{_S}+(?P<dmy_y>{_YEAR})|{_S}+{_RELY.format('dmy_rel')})?)",
    rf"(?P<mdy>(?:(?P<mdy_wd>{_WD}),?{_S}+)?(?P<mdy_m>{_MONTH}){_S}+(?:the{_S}+)?(?P<mdy_d>{_DAY})"
    rf"(?![.,][0-9]|{_S}*%|{_S}+(?:per|percent|million|billion|bn)\b)(?:,?{_S}+(?P<mdy_y>{_YEAR}))?)",
    rf"(?P<myr>(?P<myr_m1>{_MONTH}),?{_S}+(?P<myr_y1>{_YEAR}){_S}*(?:[-–—]|{_S}(?:to|until|through){_S})"
    rf"{_S}*(?P<myr_m2>{_MONTH}),?{_S}+(?P<myr_y2>{_YEAR}))",
    # "Q3 2025", "H1 2025", "9M 2025" (the first nine months), "first half of 2025"
    # "Q1–Q3 2025", "H1-H2 2024", "1H 2025", "3Q 2025", "the first three quarters of 2025"
    rf"(?P<q>(?:(?P<q_ra>[QH])(?P<q_a>[1-4]){_S}*[-–—]{_S}*(?P=q_ra)(?P<q_b>[1-4])"
    rf"|(?P<q_qh>[QH])(?P<q_n>[1-4])|(?<![$€£¥\d.,])(?P<q_nq>[1-4])(?P<q_qh2>[QH])"
    rf"|(?i:first){_S}+(?P<q_fq>(?i:two|three|2|3)){_S}+(?i:quarters){_S}+(?i:of){_S}+"
    rf"|(?<![$€£¥\d.,])(?P<q_mn>1[01]|[1-9])M|(?P<q_w>(?i:first|second|third|fourth|1st|2nd|3rd|4th))"
    rf"{_S}+(?P<q_u>(?i:quarter|half)){_S}+(?:(?i:of){_S}+)?)(?:{_S}*|{_S}*['’]?)(?P<q_y>{_YEAR}))",
    # "the first half of this year", "the third quarter of last year", "… of the (current) year"
    rf"(?P<qrel>(?P<qrel_w>(?i:first|second|third|fourth|1st|2nd|3rd|4th)){_S}+(?P<qrel_u>(?i:quarter|half))"
    rf"{_S}+(?i:of){_S}+(?:(?i:the){_S}+(?:(?i:current){_S}+)?(?i:year)\b|(?i:current){_S}+(?i:year)\b"
    rf"|{_RELY.format('qrel_rel')}))",
    # "revenue for the first half was up 14%": a half without its year, the last one ended (or the
    # next one ahead, in a clause about the future)
    rf"(?P<hrel>(?<=[Tt]he{_S})(?P<hrel_w>(?i:first|second)){_S}+(?i:half)(?![\w-])(?!{_S}+(?i:of)\b))",
    rf"(?P<mmr>(?P<mmr_m1>{_MONTH}){_S}*(?:[-–—]|{_S}+(?:to|through|till|until){_S}+|{_S}+and{_S}+){_S}*"
    rf"(?P<mmr_m2>{_MONTH})"
    rf"(?:,?{_S}+(?:(?i:of){_S}+)?(?P<mmr_y>{_YEAR})|{_S}+(?:(?i:of){_S}+)?{_RELY.format('mmr_rel')}"
    rf"|{_S}+(?:(?i:of){_S}+)?(?:(?i:the){_S}+)?(?P<mmr_cur>(?i:current)){_S}+(?i:year)\b)?)",
    # "the first ten months of 2024", "the first nine months of the year", "9 months of 2025",
    # "10 months of the current year"; "in the first nine months" (no "of …": the year written of)
    rf"(?P<fnm>(?:(?P<fnm_w>(?i:first|last)){_S}+)?(?P<fnm_n>{_NUMW}){_S}+(?i:months){_S}+(?i:of){_S}+"
    rf"(?:(?P<fnm_y>{_YEAR})|(?i:the|this){_S}+(?:(?i:current){_S}+)?(?i:year)\b|(?i:current){_S}+(?i:year)\b"
    rf"|{_RELY.format('fnm_rel')})"
    # "in the first three quarters" (no year): the months of those quarters
    rf"|(?P<fnm_f>(?i:first)){_S}+(?P<fnm_n2>{_NUMW}){_S}+(?P<fnm_u>(?i:months|quarters))(?![A-Za-z])"
    rf"(?!{_S}+(?i:of|ago|earlier|before|after|later|from|since)\b))",
    # "(since) the beginning of the year", "the start of this year": from January of the year
    rf"(?P<boy>(?i:beginning|start){_S}+(?i:of){_S}+(?:(?i:the|this){_S}+)?(?:(?i:current){_S}+)?(?i:year)\b)",
    # "in the spring", "next autumn", "summer 2025": the year of that season
    rf"(?P<sea>(?:(?P<sea_rel>(?i:this|next|last)){_S}+|(?:(?<=in )|(?<=for )){_S}*(?i:the){_S}+)"
    rf"(?P<sea_w>(?i:spring|summer|autumn|fall))(?![A-Za-z])(?!{_S}+of{_S}+(?![0-9]))"
    rf"(?:{_S}+(?:of{_S}+)?(?P<sea_y>{_YEAR}))?)",
    rf"(?P<my>(?P<my_m>{_MONTH})(?:{_S}+of)?,?{_S}+(?P<my_y>{_YEAR}))",
    # "April this year", "April of the current year"
    rf"(?P<mrel>(?P<mrel_m>{_MONTH}){_S}+(?:of{_S}+)?(?:{_RELY.format('mrel_rel')}"
    rf"|(?:(?i:the){_S}+)?(?i:current){_S}+(?i:year)\b))",
    rf"(?P<relm>(?P<relm_w>(?i:last|next|this(?:{_S}+coming)?|past)){_S}+(?P<relm_m>{_MONTH}))",
    rf"(?P<ago>\b(?P<ago_n>{_NUMW}){_S}+(?P<ago_u>(?i:{_UNITS})){_S}+(?P<ago_w>(?i:ago|earlier|before|after))\b)",
    rf"(?P<intime>\b(?i:in){_S}+(?P<it_n>{_NUMW}){_S}+(?P<it_u>(?i:{_UNITS}))(?:['’]s?)?{_S}+(?i:time)\b)",
    # not before "of": "the second quarter of 2026" is the quarter of that year
    rf"(?P<rel>\b(?i:{_alt(_RELATIVE, True)})\b(?!{_S}+of{_S}+(?:(?:19|20)\d\d|next|last|this)\b))",
    rf"(?P<wd>(?:(?P<wd_rel>(?i:last|next|this|coming)){_S}+)?(?P<wd_w>{_WD_FULL}))",
    r"(?P<dec>(?<![0-9])(?P<dec_y>1[89][0-9]0|20[0-9]0)['’]?s(?![A-Za-z]))",
    rf"(?P<yr>(?<![0-9.,$€£¥₸-])(?P<yr_a>{_YEAR}){_S}*(?:[-–—/]|{_S}to{_S}|{_S}and{_S}){_S}*"
    rf"(?P<yr_b>{_YEAR}|[0-9]{{2}}(?![0-9])))",
    rf"(?P<bm>(?P<bm_m>{_MONTH}))",
    rf"(?P<y>(?<![0-9.,$€£¥₸])(?<![0-9][ \u00a0\u2009\u202f])(?P<y_y>{_YEAR})"
    rf"(?![.,][0-9]|[-–/][0-9]|{_S}?%|{_S}[0-9]{{3}}(?![0-9])))",
]
_FORM_NAME_RE = re.compile(r"\(\?P<(\w+)>")
_BY_NAME = {_FORM_NAME_RE.match(f).group(1): f for f in _FORMS}


@cache  # (a few dozen sets of names at most, all written in this module)
def _compile_forms(names: str | None = None) -> re.Pattern:
    """One alternation of the named forms, in the order of _FORMS (earlier forms win at a position).

    Compiled when first asked for, never at import: the forms are ~17 KB of pattern text and sre
    compiles ~1.5 µs per character, which every fresh process (a worker, `communique extract
    one.txt`) would pay before its first document for alternations most texts never need."""
    keep = set(names.split()) if names else set(_BY_NAME)
    return re.compile("|".join(f for n, f in _BY_NAME.items() if n in keep))


# the forms that can start at each kind of trigger: a smaller alternation fails faster (names,
# for `_compile_forms`; the digit and word ones are used whole only at a character outside ASCII)
_DIGIT_FORMS = "iso num drr dr dmy fnm ago dec yr y q"
_NAME_FORMS = "mrr mr dmy mdy myr mmr my mrel bm wd"
_WORD_FORMS = "q qrel hrel fnm boy sea relm ago intime rel wd"
# The digit forms that can open at a run of that many ASCII digits (the longest there): a year
# is four digits followed by no digit (iso, dec, yr, y); a day, a month number, "Q"/"M" counts
# and `_NUMW` take at most three before a non-digit (num, drr, dr, dmy, q: two; fnm, ago: three).
# A longer run opens no date. Same match as `_DIGIT_FORMS` (the kept forms keep their order),
# with fewer forms failing first: ~40% fewer instructions per attempt.
# (names, compiled when first used through `_compile_forms`'s cache)
_DIGIT_FORMS_BY_RUN = {1: "num drr dr dmy fnm ago q", 2: "num drr dr dmy fnm ago q", 3: "fnm ago",
                       4: "iso dec yr y"}
_DIGIT_RUN_RE = re.compile(r"[0-9]*")
# What a form of `_DIGIT_FORMS_BY_RUN[1]`/`[2]` can read right after its one or two digits (none
# ends there, and none takes part of a run: each reads a digit only as a day, a month number, a
# count or a quarter, each followed by no digit): a space (any `\s`), a separator or dash ("5.6.2025",
# "5-7 May", "5 & 6 May"), an ordinal's ending ("1st", "2ND"), a quarter or half ("2Q", "1H") or a
# month count ("9M"). A non-ASCII character (case folding) and a digit are let through.
_SHORT_RUN_NEXT = frozenset("./-–—‒&snrtSNRTQHM0123456789")
_ASCII_DIGITS = frozenset("0123456789")
# ... and after spaces, what those forms read next: a month ("5 May", "5-7 May"), "of" ("5 of May"),
# "to", "and", "&" or a dash ("5 to 7 May"), a counted unit ("3 weeks ago") or "months"/"quarters"
# ("9 months of 2025"); either letter case (cheap, and safe whatever case a form reads them in)
_AFTER_SPACES = frozenset(
    "".join(w[:1] for w in [*_MONTHS, *_COUNTED, "of", "to", "and", "months", "quarters"]) + "&-–—‒"
)
_AFTER_SPACES |= frozenset(c.upper() for c in _AFTER_SPACES)


def _short_run_goes_on(text: str, p: int) -> bool:
    """False when no date form opening with a run of one or two digits ending at `p` can match: a
    cheap exact test before the alternation is tried (most short runs are counts and amounts:
    "5 bn", "12%", "2.5 million"). '.' and '/' go on only in "5.6.2025", "5/6/2025": a month
    number, then the same separator."""
    c = text[p : p + 1]
    if not c:
        return False
    if c in "./":
        # the `num` form alone: `[./]`, `[01]?[0-9]`, the same separator again
        return text[p + 1 : p + 2] in _ASCII_DIGITS and (
            text[p + 2 : p + 3] == c or (text[p + 2 : p + 3] in _ASCII_DIGITS and text[p + 3 : p + 4] == c)
        )
    if c.isspace():
        # (a form reads spaces, then a word or a dash: "5 billion", "12 per cent", "5 000" read on to none)
        p += 1
        while text[p : p + 1].isspace():
            p += 1
        c = text[p : p + 1]
        return c != "" and (c in _AFTER_SPACES or not c.isascii())
    return c in _SHORT_RUN_NEXT or not c.isascii()


@cache
def _form_opens(name: str) -> frozenset[str] | None:
    """The ASCII characters the named form can open with (`ascii_first_chars`; None: cannot tell),
    worked out once per form for `_FormsByFirst` and `_first_form_match` alike."""
    return ascii_first_chars(_BY_NAME[name])


class _FormsByFirst:
    """ASCII character → the alternation of those of the named forms a match can open with there
    (`ascii_first_chars`; a form it cannot tell about is always kept), None where none can. The
    same match as the alternation of them all; a word start ("the", "of", "on") is mostly one
    where no form or only one or two can open (~3 µs per attempt at them all). Each alternation is
    compiled when first asked for: ~20 of them, ~0.1 s in all once per process (those holding the
    number words take 5-10 ms each), won back after ~1,500 documents (~0.27 M instructions each)."""

    def __init__(self, names: str) -> None:
        assert names.split() == [n for n in _BY_NAME if n in names.split()], "names not in _FORMS order"
        self.names = names
        self._keep: dict[str, str] | None = None
        self._made: dict[str, re.Pattern] = {}

    def get(self, c: str) -> re.Pattern | None:
        if self._keep is None:
            firsts = {n: _form_opens(n) for n in self.names.split()}
            self._keep = {chr(code): " ".join(n for n, f in firsts.items() if f is None or chr(code) in f)
                          for code in range(128)}
        keep = self._keep.get(c)
        if keep is None:
            return _compile_forms(self.names)  # not ASCII: all of them
        if not keep:
            return None
        rx = self._made.get(keep)
        if rx is None:  # (`keep` lists names in `_FORMS` order: the alternation of them all, kept in order)
            rx = self._made[keep] = _compile_forms(keep)
        return rx


_WORD_FORMS_BY_FIRST = _FormsByFirst(_WORD_FORMS)

_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_MAX_RUNS = 5000


def _letter_runs(pattern: str) -> tuple[set[str], set[str]] | None:
    """The lower-cased runs of ASCII letters a match of `pattern` can open with, read from sre's own
    parse of it: (`whole`, `heads`) — a `whole` run is followed in the match by a character that is
    no ASCII letter, so the text's run at that spot is exactly it; a `head` run may go on (the match
    ends there, or a look-ahead was skipped), so the text's run opens with it. None when that cannot
    be told (a class such as `\\w`, any character, a repeat of letters, too many runs).

    Look-arounds and anchors are skipped: they consume nothing (and skipping one only leaves a run
    open, which lets more through). Under IGNORECASE only ASCII letters are read (a caller leaves a
    text holding one of the characters that fold to ASCII letters to the plain regex)."""
    from re import _constants as C
    from re import _parser

    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None
    zero_width = {C.AT, C.ASSERT, C.ASSERT_NOT}

    def chars_of(op, av, icase: bool) -> tuple[set[str], bool] | None:
        """(ASCII letters, lower-cased, one character can be; whether it can be something else)."""
        if op is C.LITERAL:
            c = chr(av)
            if c.isascii():
                return ({c.lower()}, False) if c in _ASCII_LETTERS else (set(), True)
            return None if icase and c.isalpha() else (set(), True)
        if op is C.NOT_LITERAL:
            return None
        if op is C.IN:
            letters: set[str] = set()
            other = False
            for iop, iav in av:
                if iop is C.LITERAL or iop is C.RANGE:
                    lo, hi = (iav, iav) if iop is C.LITERAL else iav
                    for code in range(lo, hi + 1):
                        c = chr(code)
                        if c in _ASCII_LETTERS:
                            letters.add(c.lower())
                        elif icase and c.isalpha():
                            return None
                        else:
                            other = True
                elif iop is C.CATEGORY and iav in (C.CATEGORY_SPACE, C.CATEGORY_DIGIT):
                    other = True
                else:  # a negation, a word category …
                    return None
            return letters, other
        return None

    def walk(items, opens: set[str], icase: bool) -> tuple[set[str], set[str]] | None:
        """Read `items` after runs `opens`: (runs still open after them, runs they close)."""
        closed: set[str] = set()
        for op, av in items:
            if not opens:
                break
            if op in zero_width:
                continue
            if op is C.SUBPATTERN or op is C.ATOMIC_GROUP:
                if op is C.SUBPATTERN:  # (group, flags added, flags removed, items)
                    got = walk(av[3], opens, icase or bool(av[1] & re.IGNORECASE))
                else:
                    got = walk(av, opens, icase)
            elif op is C.BRANCH:
                got = (set(), set())
                for alt in av[1]:
                    one = walk(alt, opens, icase)
                    if one is None:
                        return None
                    got = (got[0] | one[0], got[1] | one[1])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                lo, hi, p = av
                inner = walk(p, {""}, icase)
                if inner is None:
                    return None
                if inner[0] <= {""} and inner[1] <= {""}:  # no letters inside: it stays open or closes
                    stays = lo == 0 or "" in inner[0]
                    got = (opens if stays else set(), opens if inner[1] else set())
                elif hi == 1:
                    once = walk(p, opens, icase)
                    if once is None:
                        return None
                    got = (once[0] | (opens if lo == 0 else set()), once[1])
                else:
                    return None  # a repeat of letters: cannot tell
            else:
                one = chars_of(op, av, icase)
                if one is None:
                    return None
                letters, other = one
                got = ({o + c for o in opens for c in letters}, opens if other else set())
            opens, closed = got[0], closed | got[1]
            if len(opens) + len(closed) > _MAX_RUNS:
                return None
        return opens, closed

    got = walk(parsed, {""}, False)
    return None if got is None else (got[1], got[0])


@cache
def _word_form_runs() -> tuple[frozenset[str], tuple[str, ...]] | None:
    """`_letter_runs` of all the word forms together: (whole runs, heads); None when one of them
    cannot be told."""
    whole: set[str] = set()
    heads: set[str] = set()
    for name in _WORD_FORMS.split():
        got = _letter_runs(_BY_NAME[name])
        if got is None:
            return None
        whole |= got[0]
        heads |= got[1]
    return frozenset(whole), tuple(sorted(heads))


_LETTER_RUN_RE = re.compile(r"[A-Za-z]+")


def _word_form_can_open(text: str, start: int) -> bool:
    """False when no word form can match at `start`, an ASCII letter: the run of ASCII letters there
    is none a form opens with (`_word_form_runs`). Most word starts before a relative keyword ("the",
    "of", "over" in "over the past decade") open none, and a failed attempt at the alternation costs
    ~10-30 k instructions, the run's look-up a few hundred."""
    runs = _word_form_runs()
    if runs is None:
        return True
    run = _LETTER_RUN_RE.match(text, start)
    if run is None:
        return True
    low = run.group().lower()
    whole, heads = runs
    return low in whole or low.startswith(heads)

_MONTH_CUE_RE = re.compile(rf"(?<![A-Za-z])(?i:{_alt(_DATA['month_cues'], True)})[ \u00a0-]+(?:the\s+)?$")
_YEAR_CUE_RE = re.compile(rf"(?<![A-Za-z])(?i:{_alt(_DATA['year_cues'], True)})[ \u00a0]+(?:the\s+)?$")
_FUTURE_RE = re.compile(rf"(?<![A-Za-z])(?i:{_alt(_DATA['future_cues'], True)})(?![A-Za-z])")
_COORDINATED_RE = re.compile(r"\s*(?:and|or)\s+(?:to|for|at|in)\s+the\s")
_CLAUSE_END_RE = re.compile(r"[.!?;,\n]")
# a participle after "be" is passive, not past: "will be held", "is to be signed"
_PAST_RE = re.compile(
    rf"(?<![A-Za-z])(?<!be )(?<!been )(?<!being )(?i:{_alt(_DATA['past_cues'], True)})(?![A-Za-z])"
)
_SENTENCE_END_RE = re.compile(r"[.!?]\s|\n")
# a comma and a coordinator after a date open the next item of a list, with its own tense
_NEW_ITEM_RE = re.compile(r",\s+(?:as\s+well\s+as|and|but|while|whereas)\s")
_AFTER_YEAR_RE = re.compile(rf"{_S}+(?P<w>[A-Za-z][A-Za-z'’-]*)")
_BEFORE_YEAR_RE = re.compile(r"(?P<w>[A-Za-z]+)\.?\s+$|(?P<pre>(?i:mid|early|late|end|pre|post))?[-–]$")
_YEAR_NOT_AFTER = frozenset(("the", "its", "their", "our", "his", "her", "this", "that", "a", "an", "of"))
_YEAR_LABELS = frozenset(str(w).lower().rstrip(".") for w in load("numbers_cues")["count_label_words"])
_MONEY_AFTER_RE = re.compile(r"\s*(?:bn|billion|million|mln|bln|trillion|tn)\b", re.IGNORECASE)


# a month heading an item of an agenda or a timeline: "- October: …", "2. March – …", "**May:** …"
_ITEM_HEAD_RE = re.compile(r"[ \t]*(?:[-*•·–—]|[0-9]{1,2}[.)])?[ \t]*(?:\*\*|__)?")
_ITEM_TAIL_RE = re.compile(r"(?:\*\*|__)?[ \t]*(?::|[ \t][–—-][ \t])(?:\*\*|__)?[ \t]*\S")


def _agenda_month(text: str, s: int, e: int) -> bool:
    """Is the month at [s, e) the head of a list item or line, followed by a colon or a dash?"""
    line = text.rfind("\n", 0, s) + 1
    return _ITEM_HEAD_RE.fullmatch(text, line, s) is not None and _ITEM_TAIL_RE.match(text, e) is not None


def _month(s: str) -> int:
    return _MONTHS[s.rstrip(".").lower()]


def _day(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _last_cue(pattern: re.Pattern, text: str, lo: int, hi: int) -> re.Match | None:
    """The last match of `pattern` in text[lo:hi]."""
    last = None
    for m in pattern.finditer(text, lo, hi):
        last = m
    return last


def _future(text: str, start: int, end: int) -> bool:
    """Does the clause around [start, end) speak of the future?

    Before the date: the part of the sentence after the last comma, up to 120 characters (a long
    name may stand between: "will organise a … Forum on Critical Raw Materials in Almaty in the
    autumn"); its last
    cue decides (a past cue after a future cue, or alone, means past). With no cue there, after
    it: up to 40 characters to the end of the clause (a comma right after the date does not end
    it), with a future cue before any past cue.
    """
    lo = max(0, start - 120)
    cut = max(text.rfind(c, lo, start) for c in ".!?;,\n")
    lo = cut + 1 if cut >= 0 else lo
    if cut >= 0 and text[cut] == "," and _COORDINATED_RE.match(text, lo):
        # "were invited to the … session, scheduled for the autumn, and to the … Forum on 2–3 October":
        # a second complement of the same verb, read with the clause before
        back = max(text.rfind(c, max(0, cut - 120), cut) for c in ".!?;,\n")
        lo = back + 1 if back >= 0 else max(0, cut - 120)
    fut = _last_cue(_FUTURE_RE, text, lo, start)
    past = _last_cue(_PAST_RE, text, fut.end() if fut else lo, start)
    if past:
        return False  # "told a briefing on Thursday that it plans to": the nearer past cue wins
    if fut:
        return True
    hi = min(len(text), end + 40)
    if _NEW_ITEM_RE.match(text, end):
        return False  # "… in New York on September 24, as well as preparations for …": another item
    after = end + 1 if text[end:end + 1] == "," else end
    stop = _CLAUSE_END_RE.search(text, after, hi)
    hi = stop.start() if stop else hi
    f = _FUTURE_RE.search(text, end, hi)
    if not f:
        return False
    p = _PAST_RE.search(text, end, hi)
    return p is None or f.start() <= p.start()


def _day_month_year(d: int, m: int, anchor: dt.date, future: bool, weekday: int | None) -> dt.date | None:
    """The year of a day and month stated without one (see module docstring)."""
    cands = [c for c in (_valid(anchor.year + k, m, d) for k in (-1, 0, 1)) if c is not None]
    if not cands:
        return None
    if future:
        ok = [c for c in cands if c >= anchor - dt.timedelta(days=7)]
        cand = ok[0] if ok else cands[-1]
    else:
        ok = [c for c in cands if c <= anchor + dt.timedelta(days=31)]
        cand = ok[-1] if ok else cands[0]
    if weekday is not None and cand.weekday() != weekday:
        for yy in (cand.year - 1, cand.year + 1):
            alt = _valid(yy, m, d)
            if alt and alt.weekday() == weekday:
                return alt
    return cand


def _month_year(m: int, anchor: dt.date, future: bool) -> int:
    if future:
        return anchor.year + 1 if m < anchor.month else anchor.year
    return anchor.year - 1 if m - anchor.month > 1 else anchor.year


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _count(s: str) -> int | None:
    s = s.strip().lower()
    if s in ("a", "an"):
        return 1
    try:
        return int(parse_number(s))
    except (ValueError, ArithmeticError):
        return None


def _rel_year(word: str | None, anchor: dt.date) -> int:
    return anchor.year + {"last": -1, "this": 0, "next": 1}[ignorecase_key(word)] if word else anchor.year


_OCCASION_BEFORE = re.compile(
    r"\b(?:meeting|session|summit|talks|visit|forum|comes|came|took place|takes place|was held|is held|"
    r"met|meet)\b",
    re.I,
)
_PRESENT_AFTER = re.compile(r"\b(?:is|are|has|have|remains|remain)\b")
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}  # northern hemisphere
Resolved = tuple[str, str | None, str, bool]  # value, end, granularity, relative


def _resolve(  # noqa: C901
    m: re.Match, text: str, anchor: dt.date | None, hint: tuple | None = None
) -> Resolved | None:
    """Resolve one match; `hint` is (year, month, granularity) of the last absolute date earlier in
    the same sentence."""
    kind = m.lastgroup
    g = m.group
    s, e = m.span()
    if kind == "iso":
        d = _valid(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return (d.isoformat(), None, "day", False) if d else None
    if kind == "num":
        a, b, y = int(g("num_a")), int(g("num_b")), int(g("num_y"))
        # day first (European and international usage) unless only month-first is possible
        d = _valid(y, b, a) or _valid(y, a, b)
        return (d.isoformat(), None, "day", False) if d else None
    if kind in ("drr", "mrr", "dr", "mr", "dmy", "mdy"):
        if kind in ("drr", "mrr"):
            parts = [(_day(g(f"{kind}_d{i}")), _month(g(f"{kind}_m{i}"))) for i in (1, 2)]
            year, rel, wd = g(f"{kind}_y"), None, None
        elif kind == "dr":
            m_ = _month(g("dr_m"))
            parts = [(_day(g("dr_d1")), m_), (_day(g("dr_d2")), m_)]
            year, rel, wd = g("dr_y"), g("dr_rel"), None
        elif kind == "mr":
            m_ = _month(g("mr_m"))
            parts = [(_day(g("mr_d1")), m_), (_day(g("mr_d2")), m_)]
            year, rel, wd = g("mr_y"), None, None
        else:
            parts = [(_day(g(f"{kind}_d")), _month(g(f"{kind}_m")))]
            year, wd = g(f"{kind}_y"), g(f"{kind}_wd")
            rel = g("dmy_rel") if kind == "dmy" else None
        weekday = _WEEKDAYS[wd.rstrip(".").lower()] if wd else None
        if year:
            dates = [_valid(int(year), mm, dd) for dd, mm in parts]
            relative = False
        elif rel:
            if anchor is None:
                return None
            dates = [_valid(_rel_year(rel, anchor), mm, dd) for dd, mm in parts]
            relative = True
        elif (hint and hint[2] != "year" and hint[1] == parts[0][1]
              and _valid(hint[0], parts[0][1], parts[0][0])):
            # "concluded in July 2022, when the text was initialled on 6 July": the same month
            # named with its year earlier in the sentence gives the year
            first = _valid(hint[0], parts[0][1], parts[0][0])
            dates = [first] + [_valid(first.year, mm, dd) for dd, mm in parts[1:]]
            relative = False
        else:
            if anchor is None:
                return None
            future = _future(text, s, e)
            first = _day_month_year(parts[0][0], parts[0][1], anchor, future, weekday)
            if first is None:
                return None
            dates = [first] + [_valid(first.year, mm, dd) for dd, mm in parts[1:]]
            relative = True
        if any(d is None for d in dates):
            return None
        if len(dates) == 2:
            if dates[1] < dates[0]:
                dates[1] = _valid(dates[1].year + 1, dates[1].month, dates[1].day)
                if dates[1] is None:
                    return None
            return dates[0].isoformat(), dates[1].isoformat(), "day", relative
        return dates[0].isoformat(), None, "day", relative
    if kind == "mmr":
        m1, m2 = _month(g("mmr_m1")), _month(g("mmr_m2"))
        if g("mmr_y") or ((g("mmr_rel") or g("mmr_cur")) and anchor is not None):
            y2 = int(g("mmr_y")) if g("mmr_y") else _rel_year(g("mmr_rel"), anchor)  # "current": this
            y1 = y2 if m1 <= m2 else y2 - 1
            return f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}", "month", not g("mmr_y")
        if anchor is None or g("mmr_m1").rstrip(".").lower() in _AMBIGUOUS:
            return None
        y1 = _month_year(m1, anchor, _future(text, s, e))
        y2 = y1 if m2 >= m1 else y1 + 1
        return f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}", "month", True
    if kind == "fnm":
        if g("fnm_f"):  # "in the first nine months": of the year it is, or of the last one
            n = _count(g("fnm_n2"))
            if n and g("fnm_u").lower() == "quarters":
                n = 3 * n if n < 4 else 0
            if not n or n > 11 or anchor is None:
                return None
            y = anchor.year if anchor.month > n else anchor.year - 1
            return f"{y:04d}-01", f"{y:04d}-{n:02d}", "month", True
        n = _count(g("fnm_n"))
        if not n or n > 12 or (not g("fnm_y") and anchor is None):
            return None
        y = int(g("fnm_y")) if g("fnm_y") else _rel_year(g("fnm_rel"), anchor)
        m1, m2 = (13 - n, 12) if (g("fnm_w") or "").lower() == "last" else (1, n)
        return f"{y:04d}-{m1:02d}", f"{y:04d}-{m2:02d}", "month", not g("fnm_y")
    if kind == "boy":
        if anchor is None:
            return None
        # "since the beginning of the year": January up to the month the text is written in
        since = re.search(r"(?i:since)\s+(?:the\s+)?$", text[max(0, m.start() - 12) : m.start()])
        end = f"{anchor.year:04d}-{anchor.month:02d}" if since and anchor.month > 1 else None
        return f"{anchor.year:04d}-01", end, "month", True
    if kind == "sea":
        if g("sea_y"):
            return g("sea_y"), None, "year", False
        if anchor is None:
            return None
        if g("sea_rel"):
            return f"{_rel_year(g('sea_rel'), anchor):04d}", None, "year", True
        first, last = _SEASONS[ignorecase_key(g("sea_w"))]
        if _future(text, s, e):
            y = anchor.year + 1 if anchor.month > last else anchor.year
        else:
            y = anchor.year - 1 if anchor.month < first else anchor.year
        return f"{y:04d}", None, "year", True
    if kind == "myr":
        y1, y2 = int(g("myr_y1")), int(g("myr_y2"))
        m1, m2 = _month(g("myr_m1")), _month(g("myr_m2"))
        if (y1, m1) >= (y2, m2):
            return None
        return f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}", "month", False
    if kind == "q":
        y = int(g("q_y"))
        if g("q_mn"):
            return f"{y:04d}-01", f"{y:04d}-{int(g('q_mn')):02d}", "month", False
        if g("q_fq"):
            n = {"two": 2, "three": 3, "2": 2, "3": 3}[ignorecase_key(g("q_fq"))]
            return f"{y:04d}-01", f"{y:04d}-{3 * n:02d}", "month", False
        if g("q_ra"):
            a, b = int(g("q_a")), int(g("q_b"))
            span = 6 if g("q_ra") == "H" else 3
            if a >= b or (span == 6 and b > 2):
                return None
            return f"{y:04d}-{(a - 1) * span + 1:02d}", f"{y:04d}-{b * span:02d}", "month", False
        if g("q_nq"):
            n, half = int(g("q_nq")), g("q_qh2") == "H"
            if half and n > 2:
                return None
            span = 6 if half else 3
            return f"{y:04d}-{(n - 1) * span + 1:02d}", f"{y:04d}-{n * span:02d}", "month", False
        if g("q_qh"):
            n, half = int(g("q_n")), g("q_qh") == "H"
            if half and n > 2:
                return None
        else:
            n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[
                ignorecase_key(g("q_w"))]
            half = g("q_u").lower() == "half"
            if half and n > 2:
                return None
        span = 6 if half else 3
        m1 = (n - 1) * span + 1
        return f"{y:04d}-{m1:02d}", f"{y:04d}-{m1 + span - 1:02d}", "month", False
    if kind == "qrel":
        if anchor is None:
            return None
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[
            ignorecase_key(g("qrel_w"))]
        half = g("qrel_u").lower() == "half"
        if half and n > 2:
            return None
        y = _rel_year(g("qrel_rel"), anchor)
        span = 6 if half else 3
        m1 = (n - 1) * span + 1
        return f"{y:04d}-{m1:02d}", f"{y:04d}-{m1 + span - 1:02d}", "month", True
    if kind == "hrel":
        if anchor is None:
            return None
        m1 = 1 if g("hrel_w").lower() == "first" else 7
        if _future(text, s, e):
            y = anchor.year if anchor.month < m1 + 6 else anchor.year + 1
        else:
            y = anchor.year if anchor.month > m1 + 5 else anchor.year - 1
        return f"{y:04d}-{m1:02d}", f"{y:04d}-{m1 + 5:02d}", "month", True
    if kind == "my":
        return f"{int(g('my_y')):04d}-{_month(g('my_m')):02d}", None, "month", False
    if kind == "mrel":
        if anchor is None:
            return None
        return f"{_rel_year(g('mrel_rel'), anchor):04d}-{_month(g('mrel_m')):02d}", None, "month", True
    if kind == "relm":
        if anchor is None:
            return None
        mo, w = _month(g("relm_m")), g("relm_w").lower().split()[0]
        if w in ("last", "past"):
            y = anchor.year if mo < anchor.month else anchor.year - 1
        elif w == "next":
            y = anchor.year if mo > anchor.month else anchor.year + 1
        else:
            y = anchor.year
        return f"{y:04d}-{mo:02d}", None, "month", True
    if kind == "bm":
        word = g("bm_m").rstrip(".").lower()
        if anchor is None or len(word) < 4 and word != "may":
            return None
        if not _MONTH_CUE_RE.search(text, max(0, s - 24), s) and not _agenda_month(text, s, e):
            return None
        mo = _month(word)
        return f"{_month_year(mo, anchor, _future(text, s, e)):04d}-{mo:02d}", None, "month", True
    if kind in ("ago", "intime"):
        if anchor is None:
            return None
        n = _count(g("ago_n") if kind == "ago" else g("it_n"))
        unit = _COUNTED[ignorecase_key(g("ago_u") if kind == "ago" else g("it_u"))]
        if n is None or n > 1000:
            return None
        sign = -1 if kind == "ago" else 1
        if kind == "ago" and unit == "year" and hint is not None and g("ago_w").lower() == "earlier":
            # "in 2024 … a year earlier", "in January–September 2025 … against 312 a year earlier":
            # counted back from the date the sentence gave, a range of months as a whole
            y2 = hint[0] - n
            if len(hint) > 3 and hint[3]:
                return f"{hint[3][0] - n:04d}-{hint[3][1]:02d}", f"{y2:04d}-{hint[1]:02d}", "month", False
            return f"{y2:04d}", None, "year", False
        if kind == "ago" and g("ago_w").lower() in ("before", "after"):
            # "three months before the COP29 summit": the date of that summit, counted from now;
            # "five months after the summit": the summit's date, counted back
            obj = re.match(r"\s+(?:the\s+|a\s+|an\s+)?[A-Z0-9]", text[e : e + 12]) or re.match(
                r"\s+(?:the|a|an)\s", text[e : e + 6]
            )
            if g("ago_w").lower() == "after" and not obj:
                return None
            sent_start = max(text.rfind(". ", 0, s), text.rfind("\n", 0, s), 0)
            if obj and g("ago_w").lower() == "before":
                # counted from the reported occasion ("The meeting took place a month before COP29"),
                # not from some past event ("three years before the crisis, …")
                if not _OCCASION_BEFORE.search(text[sent_start:s]):
                    return None
                sign = 1
            elif obj:
                # "Five months after the summit, Kazakhstan is pressing ahead": counted back from now
                if s > 600 and not _PRESENT_AFTER.search(text[e : e + 160].split(". ")[0]):  # lead: "now"
                    return None
                sign = -1
        if unit in ("day", "week"):
            d = anchor + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
            return d.isoformat(), None, "day", True
        if unit == "month":
            y, mo = _shift_month(anchor.year, anchor.month, sign * n)
            return f"{y:04d}-{mo:02d}", None, "month", True
        years = n * (10 if unit == "decade" else 1)
        return f"{anchor.year + sign * years:04d}", None, "year", True
    if kind == "rel":
        unit, off, from_sentence = _RELATIVE[" ".join(ignorecase_key(g("rel")).split())]
        if from_sentence:
            if hint is None or unit == "day" or (unit == "month" and hint[2] == "year"):
                return None
            if unit == "month":
                y, mo = _shift_month(hint[0], hint[1], off)
                return f"{y:04d}-{mo:02d}", None, "month", False
            if len(hint) > 3 and hint[3]:
                # "in January–September 2025 … against 30.8% a year earlier": the same months then
                (y1, m1), y2 = hint[3], hint[0] + off
                return f"{y1 + off:04d}-{m1:02d}", f"{y2:04d}-{hint[1]:02d}", "month", False
            return f"{hint[0] + off:04d}", None, "year", False
        if anchor is None:
            return None
        if unit == "day":
            return (anchor + dt.timedelta(days=off)).isoformat(), None, "day", True
        if unit == "month":
            y, mo = _shift_month(anchor.year, anchor.month, off)
            return f"{y:04d}-{mo:02d}", None, "month", True
        return f"{anchor.year + off:04d}", None, "year", True
    if kind == "wd":
        if anchor is None:
            return None
        target = _WEEKDAYS[ignorecase_key(g("wd_w"))]
        rel = (g("wd_rel") or "").lower()
        back = (anchor.weekday() - target) % 7
        if rel == "last":
            d = anchor - dt.timedelta(days=back or 7)
        elif rel in ("next", "coming"):
            d = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
        elif _future(text, s, e):
            d = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7)
        else:
            d = anchor - dt.timedelta(days=back)
        return d.isoformat(), None, "day", True
    if kind == "dec":
        y = int(g("dec_y"))
        return f"{y:04d}", f"{y + 9:04d}", "year", False
    if kind == "yr":
        a, b = g("yr_a"), g("yr_b")
        ya = int(a)
        yb = int(b) if len(b) == 4 else (ya // 100) * 100 + int(b)
        if not ya < yb <= ya + 100:
            return None
        return f"{ya:04d}", f"{yb:04d}", "year", False
    if kind == "y":
        if _MONEY_AFTER_RE.match(text, e):
            return None
        if _YEAR_CUE_RE.search(text, max(0, s - 24), s):
            return g("y_y"), None, "year", False
        prev = _BEFORE_YEAR_RE.search(text, max(0, s - 16), s)
        if prev and prev.group("pre"):
            return g("y_y"), None, "year", False  # "mid-2024"
        if prev and (prev.group("w") is None or prev.group("w").lower() in _YEAR_LABELS):
            return None  # "Resolution 1973", "Article 2000": a number after a label
        nxt = _AFTER_YEAR_RE.match(text, e)
        if nxt and nxt.group("w")[0].islower() and nxt.group("w").lower() not in (
            "and", "or", "to", "when", "while", "after", "before", "as", "with", "was", "is", "saw", "marked",
        ) and not (prev and prev.group("w") and prev.group("w").lower() in _YEAR_NOT_AFTER):
            return None  # "2000 companies": a count, not a year
        return g("y_y"), None, "year", False
    return None


# Where a date can start. Trying the big pattern at every character costs ~5 ms per 3 KB; trying it
# only at digit runs, month and weekday names, and the words before a relative keyword is ~20 times
# faster. Three literal scans are used, not one alternation: sre skips ahead on a literal prefix,
# and a mixed alternation loses that (measured: 0.07 vs 0.49 ms per 3 KB).
_NAMES_RE = re.compile(rf"(?:{_alt(_cased(list(_MONTHS) + list(_WEEKDAYS)))})(?![a-z])")
# tried only where a name opens in the lowered text (the text's shared openings pass, see
# interpret.scan), not by sre testing the names' first letters at every character
_NAMES_SCAN = LiteralScan(_NAMES_RE)
_QH_RE = re.compile(r"[QH][1-4](?![0-9])")
# (the class first, the look-behind after it: sre skips ahead by a leading class, not past a
# leading look-behind; same matches as `(?<![A-Za-z0-9'’])[A-Za-z0-9]`)
_WORD_START_RE = re.compile(r"[A-Za-z0-9](?<![A-Za-z0-9'’].)")
_BEFORE_NAME = frozenset(("last", "next", "this", "coming", "past"))
_PREV_WORD_RE = re.compile(r"(?P<w>[A-Za-z]+)[ \u00a0]+$")


def _triggers(text: str) -> list[tuple[int, int, str]]:
    out = [(s, e, "d") for s, e in digit_runs(text)]
    out += [(m.start(), m.end(), "n") for m in _NAMES_SCAN.finditer(text, openings(text))
            if not (m.start() and text[m.start() - 1].isalpha())]
    out += [(s, e, "k") for s, e in word_triggers(text)["date"] if not (s and text[s - 1].isalpha())]
    out += [(m.start(), m.end(), "d") for m in matches_at(_QH_RE, text, char_positions(text, "QH"))
            if not (m.start() and text[m.start() - 1].isalnum())]
    out.sort()
    return out


def _starts(text: str, s: int, kind: str) -> list[int]:
    """Positions, left to right, where a date covering the trigger at `s` may start."""
    if kind == "d":
        return [s]
    if kind == "n":
        prev = _PREV_WORD_RE.search(text, max(0, s - 12), s)
        if prev and prev.group("w").lower() in _BEFORE_NAME:
            return [prev.start("w"), s]
        return [s]
    return [w.start() for w in _WORD_START_RE.finditer(text, max(0, s - 40), s)][-5:] + [s]


def find_dates(text: str, anchor: dt.date | None = None, offset: int = 0) -> list[DateMention]:
    """Every date in `text`, resolved against `anchor`; spans shifted by `offset`."""
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()  # a datetime does not compare with a date
    out: list[DateMention] = []
    done = 0  # end of the last date found: triggers inside it are spent
    # (year, month, granularity, first (year, month) of a range of months) of the last absolute date
    hint: tuple[int, int, str, tuple[int, int] | None] | None = None
    hint_end = 0
    traps: bool | None = None  # a character folding to an ASCII letter in the text (None: not looked yet)
    for ts, te, kind in _triggers(text):
        if ts < done:
            continue
        if kind == "d" and ts >= 2 and text[ts - 1] in ".," and text[ts - 2].isdigit():
            continue
        for start in _starts(text, ts, kind):
            if start < done:
                continue
            if text[start].isdigit():
                run = (te if kind == "d" and start == ts else _DIGIT_RUN_RE.match(text, start).end()) - start
                if not run:  # a non-ASCII digit
                    rx = _compile_forms(_DIGIT_FORMS)
                elif run in _DIGIT_FORMS_BY_RUN:
                    if run < 3 and not _short_run_goes_on(text, start + run):
                        continue  # "5 bn", "2.5 million", "12%": no date form reads on
                    rx = _compile_forms(_DIGIT_FORMS_BY_RUN[run])
                else:
                    continue
            else:
                if start == ts and kind == "n":
                    rx = _compile_forms(_NAME_FORMS)
                else:
                    rx = _WORD_FORMS_BY_FIRST.get(text[start])
                    if rx is not None and text[start] in _ASCII_LETTERS:
                        if traps is None:  # (once per text, when a word form is first tried)
                            traps = any(c in text for c in FOLD_TRAPS)
                        if not traps and not _word_form_can_open(text, start):
                            continue
                if rx is None:
                    continue
            m = rx.match(text, start)
            if m is None or m.end() < te:
                continue
            if hint and _SENTENCE_END_RE.search(text, hint_end, start):
                hint = None
            r = _resolve(m, text, anchor, hint)
            if r is None:
                continue
            value, end, gran, relative = r
            s, e = m.span()
            if not relative:
                last = end or value
                # a range of months keeps its first month: "a year earlier" shifts the whole range
                first = (int(value[:4]), int(value[5:7])) if end and gran == "month" else None
                hint, hint_end = (int(last[:4]), int(last[5:7] or 0), gran, first), e
            out.append(DateMention(span=(s + offset, e + offset), text=m.group(), value=value, end=end,
                                   granularity=gran, relative=relative))
            done = e
            break
    return out


_LABEL_RE = re.compile(rf"^[\W_]*(?i:{_alt(_DATA['dateline_labels'], True)})\s*[:\-–—|]?\s*")
# a place (or a byline) before a dateline: one to five capitalised words ("ASTANA", "Astana
# (Kazinform)", "Luxembourg", "By Jane Doe"), then ",", "|", a dash, or "." after capitals
_PLACE_WORD = r"[A-Z(][\w'’.()\-]*"
# "News | Dushanbe, 4 December 2025", "*Freight Review · Logistics · 21 October 2025*": up to three
# such fields (outlet, section, place) before the date
_PLACE_FIELD = (
    rf"[A-Z][\w'’.()\-]*(?:[ \u00a0]+(?:{_PLACE_WORD}|de|la|le|am|an|upon|sur|del|of)){{0,4}}"
    r"(?:,|(?<=[A-Z)])\.|\s[|·•]|\s[-–—])\s*"
)
_PLACE_RE = re.compile(rf"^[\W_]*(?:{_PLACE_FIELD}){{1,3}}")
# what may follow a dateline's date on its line: a time, then punctuation or the end of the line
_LINE_TAIL_RE = re.compile(
    r"(?:,?\s*(?:at\s+)?[0-2]?[0-9][:.][0-5][0-9](?:\s*(?:[AaPp]\.?[Mm]\.?|[A-Z]{2,5}))?)?"
    r"(?:\s*\((?:[A-Z][\w.’'-]*)(?:\s[A-Z][\w.’'-]*){0,3}\))?"  # a news agency: "(UzA)", "(Reuters)"
    r"[\s*_)\]]*(?:[-–—.:|·•,]|$"
    # "2026-03-11 21:40 Source: Ministry of Foreign Affairs": a page's metadata field follows
    rf"|(?i:{_alt(_DATA['dateline_fields'], True)})\s*:)"
)


def _head_lines(text: str, n: int = 4):
    """`(offset, line)` of the first `n` non-empty lines of the text's first 2,000 characters, where
    a dateline stands."""
    pos = 0
    seen = 0
    for line in text[:2000].split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > n:
            return
        yield start, line


def dateline_end(text: str) -> int:
    """End offset of a dateline's date, also one without a year ("Bishkek, 29 September –"), which
    cannot place the text in time but is not a date of what the text reports; 0 when none."""
    full = dateline_mention(text)
    if full is not None:
        return full.span[1]
    for start, line in _head_lines(text):
        pm = _PLACE_RE.match(line)
        if not pm:
            continue
        m = _compile_forms("dmy mdy").match(line, pm.end())
        if m and _LINE_TAIL_RE.match(line, m.end()):
            return start + m.end()
    return 0


#: The forms a dateline's date may take (names in `_FORMS` order, for `_compile_forms`).
_DATELINE_FORMS = "iso num dmy mdy my"
_DATELINE_KINDS = frozenset(_DATELINE_FORMS.split())


def _first_form_match(text: str, i: int, m: re.Match, tried: frozenset[str]) -> re.Match:
    """What the alternation of every form (`_compile_forms()`) matches at `i`, given `m`, the match
    there of the alternation of the forms `tried`: the first form in `_FORMS` order that matches
    wins, so only the forms before m's that were not tried and can open with the character at `i`
    are tried, each alone (compiled once, ~1 ms each), and m stands when none matches. The same
    match without compiling the whole alternation (~17 KB of pattern, ~30 ms per process)."""
    c = text[i : i + 1]
    for name in _BY_NAME:
        if name == m.lastgroup:
            return m
        if name in tried:
            continue
        opens = _form_opens(name)
        if opens is not None and c.isascii() and c not in opens:
            continue
        earlier = _compile_forms(name).match(text, i)
        if earlier is not None:
            return earlier
    return m


def dateline_mention(text: str) -> DateMention | None:
    """The text's own date stated at its head (see `_dateline_mention`); cached for the few texts
    in flight: the publication date and the meeting finder both ask. DateMention is frozen."""
    return _dateline_mention(text)


@lru_cache(maxsize=8)
def _dateline_mention(text: str) -> DateMention | None:
    """The text's own date stated at its head, if any, as an absolute DateMention.

    Looked for in the first four non-empty lines: after a label ("Published: 29 January 2024"),
    after a place ("ASTANA, 20 June 2022 –", "Luxembourg | 20.06.2022"), or alone on its line
    ("*Astana, 21 December 2015*", "19.03.2025"). Only dates with a year count: a dateline with day
    and month only ("Brussels, 24 October –") cannot place the text in time and gives None.
    """
    for start, line in _head_lines(text):
        for prefix_re in (_LABEL_RE, _PLACE_RE, None):
            if prefix_re is None:
                i = len(line) - len(line.lstrip(" \t*_#>[("))
            else:
                pm = prefix_re.match(line)
                if not pm:
                    continue
                i = pm.end()
            # Most lines open with no date: the forms a dateline may take are tried first (a small
            # alternation), the others only where one of them matches (an earlier form may win
            # there): ~10x cheaper per line, the same dates.
            m = _compile_forms(_DATELINE_FORMS).match(line, i)
            if not m:
                continue
            m = _first_form_match(line, i, m, _DATELINE_KINDS)
            if m.lastgroup not in _DATELINE_KINDS:
                continue
            if prefix_re is not _LABEL_RE and not _LINE_TAIL_RE.match(line, m.end()):
                continue
            r = _resolve(m, line, None)
            if r is None:
                continue
            value, end, gran, _ = r
            return DateMention(span=(start + m.start(), start + m.end()), text=m.group(), value=value,
                               end=end, granularity=gran, relative=False)
    return None


def find_dateline(text: str) -> str | None:
    """The ISO value of the text's dateline ("2022-06-20", or "2025-06" for "June 2025"), else None."""
    m = dateline_mention(text)
    return m.value if m else None
