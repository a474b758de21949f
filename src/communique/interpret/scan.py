"""Faster whole-text scans for the interpreters' cue-word regexes, with exactly the same matches.

Why: a pattern that opens with a look-behind (`(?<![\\w])summit|forum|…`) or under IGNORECASE
gives sre nothing to skip ahead with, so `finditer` starts a full match attempt at every position
of the text: ~50-150 µs per 3 KB document for each of a dozen scans. Every match of such a pattern
begins with one of a few literal words, so an Aho–Corasick automaton (one C pass over the
lower-cased text) lists the only positions where a match can start, and the unchanged regex is
tried there alone (`Pattern.match(text, pos)` sees the text before `pos`, so look-behinds hold).
Matches are taken left to right without overlap, as `finditer` takes them. One automaton holds
the openings of every scan, so a document's text is read once for all of them (`Openings`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from operator import itemgetter
from typing import Generic, TypeVar

from communique.annotate.case import FOLD_TRAPS

__all__ = ["AnyOf", "Cues", "LiteralScan", "Openings", "char_positions", "cues", "first_char_groups",
           "lowered", "matches_at", "openings", "regex_starts"]

# FOLD_TRAPS: characters IGNORECASE matches to an ASCII letter that `str.lower` does not turn
# into it ("İ" lower-cases to two characters, "ı" and "ſ" stay as they are), and the Kelvin sign,
# the only other character that lower-cases to an ASCII letter ("k"), which the fast lowering
# below leaves as it is. A text holding one is scanned by the plain regex.


def lowered(text: str) -> str | None:
    """The text with its ASCII letters lower-cased, lined up with `text` character for character
    (the usual case), else None. Only ASCII cue words are looked for in it, so a character outside
    ASCII stays outside ASCII whatever it becomes.

    Why not `text.lower()` alone: with one character outside ASCII (a curly quote, a dash) it
    looks every character up in the Unicode tables (~50 instructions each); the bytes of the UTF-16
    form lowered by `bytes.lower` (which changes ASCII capitals' bytes only) cost half as much. A
    byte of a character outside ASCII may change too, but never into an ASCII character (its other
    byte is not zero, or it is ≥ 0x80)."""
    if text.isascii():
        return text.lower()
    if any(c in text for c in FOLD_TRAPS):
        return None
    try:
        low = text.encode("utf-16-le", "surrogatepass").lower().decode("utf-16-le", "surrogatepass")
    except UnicodeError:  # (a lone surrogate the codec will not pass)
        low = ""
    if len(low) != len(text):  # (two lone surrogates read back as one character)
        low = text.lower()
        if len(low) != len(text):
            return None
    return low


_MAX_KEYS = 4000


def regex_starts(pattern: str, flags: int = 0) -> set[str] | None:
    """Literal strings one of which opens every match of `pattern`, read from sre's own parse of
    it (look-arounds and anchors are skipped: they match nothing); None when a match may open
    with something else (a class, a repeat, a back-reference …). Only the ASCII head of each
    string is kept."""
    from re import _parser  # the parser `re` itself uses (Python ≥ 3.11)

    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    fold = bool(flags & re.IGNORECASE)
    zero_width = {_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT}

    def seq(items) -> tuple[set[str], set[str]] | None:
        """(strings some matches are exactly, prefixes the other matches open with)."""
        whole, part = {""}, set()
        for op, av in items:
            if op in zero_width:
                continue
            if op is _parser.LITERAL:
                sub = ({chr(av)}, set())
            elif op is _parser.SUBPATTERN:
                _group, add, _del, p = av
                if add & re.IGNORECASE and not fold:
                    return None  # a case-blind opening in a case-sensitive pattern
                sub = seq(p)
            elif op is _parser.BRANCH:
                subs = [seq(b) for b in av[1]]
                if any(x is None for x in subs):
                    return None
                sub = (set().union(*(x[0] for x in subs)), set().union(*(x[1] for x in subs)))
            elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
                lo, hi, p = av
                inner = seq(p)
                if inner is None:
                    return None
                if hi == 1:
                    sub = (({""} if lo == 0 else set()) | inner[0], inner[1])
                else:
                    sub = ({""} if lo == 0 else set(), inner[0] | inner[1])
            else:
                sub = (set(), {""})  # a class, any character …: the match opens with anything
            if sub is None:
                return None
            if len(whole) * max(len(sub[0]), len(sub[1])) > _MAX_KEYS:
                part |= whole  # enough: what is read so far opens every match
                return set(), part
            part |= {a + b for a in whole for b in sub[1]}
            whole = {a + b for a in whole for b in sub[0]}
            if not whole:
                break
        return whole, part

    res = seq(parsed)
    if res is None:
        return None
    out = set()
    for k in res[0] | res[1]:
        head = re.match(r"[\x00-\x7f]*", k).group(0)
        if not head:
            return None
        out.add(head)
    return out


#: Every scan made, in order: a scan's index here is its id in the shared automaton.
_SCANS: list[LiteralScan] = []
_SHARED: list = [0, None]  # (number of scans it holds, the automaton of all their openings)


class LiteralScan:
    """`rx.finditer` / `rx.search` for a regex whose every match opens with one of `starts`
    (by default read from the regex: `regex_starts`); a regex that cannot match the empty string.

    `starts` are ASCII literals, compared with the lower-cased text (a superset of where a
    case-sensitive regex can match). Given by hand, the caller vouches that no match can open
    otherwise; tests compare with the plain regex. Without any, every text is scanned plainly.
    Make scans once (at module level or in a cached loader): each one joins the shared automaton.
    """

    def __init__(self, rx: re.Pattern, starts: Iterable[str] | None = None) -> None:
        self.rx = rx
        if starts is None:
            starts = regex_starts(rx.pattern, rx.flags) or ()
        keys = {s.lower() for s in starts}
        # a key another key opens with adds no start: "summit" covers "summits", "summit-20"
        # (sorted, a key's shortest prefix among the keys is the last one kept before it)
        kept: list[str] = []
        for k in sorted(keys):
            if not (kept and k.startswith(kept[-1])):
                kept.append(k)
        self.keys = tuple(kept)
        self.plain = not kept or kept[0] == "" or not all(k.isascii() for k in kept)
        self.id = len(_SCANS)
        _SCANS.append(self)

    def finditer(self, text: str, at: Openings | None = None) -> Iterable[re.Match]:
        """Like `rx.finditer(text)`; `at`: the text's `Openings` when the caller has them."""
        cands = (at if at is not None else Openings(text)).of(self)
        return self.rx.finditer(text) if cands is None else matches_at(self.rx, text, cands)

    def search(self, text: str, at: Openings | None = None) -> re.Match | None:
        return self.search_part(text, at if at is not None else Openings(text), 0)

    def finditer_part(self, part: str, at: Openings | None, offset: int) -> Iterable[re.Match]:
        """`rx.finditer(part)` for a slice `part` of the text of `at` starting at `offset` (when it
        is not, the part is scanned plainly)."""
        cands = at.of(self) if at is not None and offset >= 0 and at.text.startswith(part, offset) else None
        return self.rx.finditer(part) if cands is None else matches_at(self.rx, part, cands, offset)

    def search_part(self, part: str, at: Openings | None, offset: int) -> re.Match | None:
        """`rx.search(part)`, as `finditer_part` (the first match: the leftmost candidate that
        matches)."""
        cands = at.of(self) if at is not None and offset >= 0 and at.text.startswith(part, offset) else None
        if cands is None:
            return self.rx.search(part)
        match = self.rx.match
        n = len(part)
        for i in range(bisect_left(cands, offset) if offset else 0, len(cands)):
            s = cands[i] - offset
            if s >= n:
                break
            m = match(part, s)
            if m is not None:
                return m
        return None

    def search_range(self, text: str, at: Openings | None, lo: int, hi: int) -> re.Match | None:
        """`rx.search(text, lo, hi)` for the text of `at` (a window of it, with look-behinds that
        see the text before `lo`): the match at the first candidate in [lo, hi) that matches, as
        `rx.match(text, pos, hi)` is what search tries at each position. Any other text is searched
        plainly."""
        cands = at.of(self) if at is not None and (text is at.text or text == at.text) else None
        if cands is None:
            return self.rx.search(text, lo, hi)
        match = self.rx.match
        for i in range(bisect_left(cands, lo) if lo > 0 else 0, len(cands)):
            s = cands[i]
            if s >= hi:
                break
            m = match(text, s, hi)
            if m is not None:
                return m
        return None

    def matches_at(self, text: str, cands: list[int], offset: int = 0) -> list[re.Match]:
        return matches_at(self.rx, text, cands, offset)


def matches_at(rx: re.Pattern, text: str, cands: list[int], offset: int = 0) -> list[re.Match]:
    """Matches of `rx` in `text` (a slice of the scanned text starting at `offset`, or the text
    itself) opening at the sorted candidate positions `cands`, left to right without overlap: all
    of `rx.finditer(text)` when every match opens at a candidate."""
    match = rx.match
    n = len(text)
    pos = 0
    out = []
    for i in range(bisect_left(cands, offset) if offset else 0, len(cands)):
        s = cands[i] - offset
        if s < pos:
            continue
        if s >= n:
            break
        m = match(text, s)
        if m is not None:
            out.append(m)
            pos = m.end() if m.end() > s else s + 1  # an empty match: move on, as finditer does
    return out


def first_char_groups(branches: Iterable[str], ignore_case: bool = False) -> str:
    """The alternation `b1|b2|…` of regex `branches` (in order of preference), written with each
    branch's opening character taken out in front of the branches sharing it:
    `(?:a(?:ssembly|ssociation)|c(?:ouncil|ommission)|…)`. Same matches, same branch chosen: at a
    position only the branches opening with the text's character can match (one group, case-blind
    too: the groups' characters are distinct lowered ASCII letters or digits), tried in their order.

    Why: under IGNORECASE sre has no quick test of a branch's first letter and enters every branch
    at every position tried (~50 instructions each); here it enters one group per opening letter.
    A branch that does not open with an ASCII letter or digit standing alone (not repeated), or
    that holds a "|", leaves the alternation as it is."""
    branches = list(branches)
    if not all(b[:1].isascii() and b[:1].isalnum() and b[1:2] not in ("?", "*", "+", "{") and "|" not in b
               for b in branches):
        return "|".join(branches)
    groups: dict[str, list[str]] = {}
    for b in branches:
        groups.setdefault(b[0].lower() if ignore_case else b[0], []).append(b[1:])
    alts = [c + (f"(?:{'|'.join(rest)})" if rest != [""] else "") for c, rest in groups.items()]
    return "(?:" + "|".join(alts) + ")"


def char_positions(text: str, chars: str) -> list[int]:
    """Sorted positions of any of `chars` in `text`. For a scan whose every match opens with one of
    a few characters (quote marks, "Q"/"H"), `matches_at(rx, text, char_positions(text, …))` gives
    `rx.finditer`'s matches: `str.find` runs through the text at about one instruction per
    character, where sre tests a leading class character by character (~50 instructions each)."""
    out: list[int] = []
    find = text.find
    for c in chars:
        i = find(c)
        while i != -1:
            out.append(i)
            i = find(c, i + 1)
    if len(chars) > 1:
        out.sort()
    return out


def _shared():
    """The automaton of every scan's openings (rebuilt when a scan was added since)."""
    if _SHARED[0] != len(_SCANS) or _SHARED[1] is None:
        import ahocorasick

        owners: dict[str, list[int]] = {}
        for sc in _SCANS:
            if not sc.plain:
                for k in sc.keys:
                    owners.setdefault(k, []).append(sc.id)
        a = ahocorasick.Automaton()
        for k, ids in owners.items():
            # (the start's offset from the end, the first scan, the others: most keys have one)
            a.add_word(k, (len(k) - 1, ids[0], tuple(ids[1:])))
        if owners:
            a.make_automaton()
        _SHARED[:] = [len(_SCANS), a if owners else None]
    return _SHARED[0], _SHARED[1]


class Openings:
    """Where the matches of every scan may open in one text: one automaton pass over the
    lower-cased text, on first use."""

    def __init__(self, text: str, low: str | None = None) -> None:
        self.text = text
        self.low = (lowered(text) or "") if low is None else low  # "": known not to line up
        self._held = 0  # scans the pass covered
        self._at: dict[int, list[int]] | None = None  # scan id → sorted openings
        self._raw: list[list[int]] = []  # by scan id: openings as the pass found them

    def _read(self) -> None:
        held, a = _shared()
        found: list[list[int]] = [[] for _ in range(held)]
        if a is not None:
            # one scan's keys never open at the same place (none is a prefix of another)
            for end, (back, i, more) in a.iter(self.low):
                s = end - back
                found[i].append(s)
                if more:
                    for j in more:
                        found[j].append(s)
        self._raw = found
        self._at = {}
        self._held = held

    def of(self, scan: LiteralScan) -> list[int] | None:
        """Sorted positions where a match of `scan` may open; None when the text must be scanned
        plainly (the scan has no openings, or the lower-cased text does not line up)."""
        if self._at is not None:
            found = self._at.get(scan.id)  # (only ever kept for a scan read here)
            if found is not None:
                return found
        if scan.plain or len(self.low) != len(self.text):
            return None
        if self._at is None:
            self._read()
        assert self._at is not None
        if scan.id < self._held:
            found = self._at[scan.id] = sorted(self._raw[scan.id])  # found by end: near sorted
            return found
        import ahocorasick  # a scan made after the shared pass: a pass of its own

        a = ahocorasick.Automaton()
        for k in scan.keys:
            a.add_word(k, len(k))
        a.make_automaton()
        found = self._at[scan.id] = sorted({end - n + 1 for end, n in a.iter(self.low)})
        return found


T = TypeVar("T")


class InFlight(Generic[T]):
    """What was made from each of the last `keep` texts asked for, oldest first: the pipeline
    reads one document at a time, and its stages ask for the same tokens or openings in turn."""

    def __init__(self, make: Callable[[str], T], keep: int = 2):
        self.make, self.keep = make, keep
        self.made: dict[str, T] = {}

    def get(self, text: str) -> T | None:
        """What was made from `text`, if it is still in flight (never makes it)."""
        return self.made.get(text)

    def __call__(self, text: str) -> T:
        got = self.made.get(text)
        if got is None:
            # make room first: what is freed is the memory the new value is built in
            while len(self.made) >= self.keep:
                try:
                    del self.made[next(iter(self.made))]
                except (KeyError, RuntimeError, StopIteration):  # another thread got there first
                    break
            got = self.made[text] = self.make(text)
        return got


_in_flight: InFlight[Openings] = InFlight(Openings)


def openings(text: str) -> Openings:
    """The `Openings` of `text`, made once while the text is among the last few asked for: the
    interpreters and the document checks read the same text in turn, and share one pass."""
    return _in_flight(text)


class Cues(dict):
    """Which cue literals a text holds: `cues(text)[word]` is `word in text` (case-sensitive).

    Why: the interpreters guard their rules with whole-text substring tests (`"delegation" in
    text`, ~100 literals, some tested several times per document), each a fresh pass over the
    ~3 KB text (and, for a text with characters outside Latin-1, a copy of the literal widened to
    match). Here one Aho–Corasick pass (`_cue_automaton`, every literal asked for so far) finds
    them all, and each test is one dict lookup. A literal not known yet is tested on the text
    directly (the same answer) and joins the automaton for the next texts, so the answer never
    depends on which literals were registered before."""

    __slots__ = ("text",)

    def __missing__(self, word: str) -> bool:
        found = word in self.text
        if word:  # (the empty string is in every text; the automaton cannot hold it)
            _CUE_WORDS[word] = None
            self[word] = found
        return found


_CUE_WORDS: dict[str, None] = {}  # every cue literal asked for, in order of first use


_CUE_AUTOMATON: list = [(), None]  # (the literals it holds, the automaton)


def _cue_automaton() -> tuple[tuple[str, ...], object]:
    words, a = _CUE_AUTOMATON
    if len(words) != len(_CUE_WORDS):
        import ahocorasick

        words = tuple(_CUE_WORDS)  # (a snapshot: another thread may add literals meanwhile)
        a = ahocorasick.Automaton()
        for w in words:
            a.add_word(w, (w, True))  # (the value is the dict item a hit sets)
        a.make_automaton()
        _CUE_AUTOMATON[:] = [words, a]
    return words, a


def _make_cues(text: str) -> Cues:
    words, a = _cue_automaton()
    c = Cues.fromkeys(words, False)
    c.text = text
    if words:
        # every hit's value is (word, True): dict.update reads them in C, no Python per hit
        c.update(map(_SECOND, a.iter(text)))
    return c


_SECOND = itemgetter(1)
_cues_in_flight: InFlight[Cues] = InFlight(_make_cues)


def cues(text: str) -> Cues:
    """The `Cues` of `text` (a document's text: made once while it is among the last few asked
    for; for a short part of a text a plain `in` test is as cheap)."""
    return _cues_in_flight(text)


class AnyOf:
    """Whether a text may hold one of some literals (compared case-blind): a cheap test that lets
    a regex needing one of them skip texts without any."""

    def __init__(self, words: Iterable[str]) -> None:
        self._scan = LiteralScan(re.compile("(?!)"), words)

    def found_part(self, part: str, at: Openings | None, offset: int) -> bool:
        """False only when none of the words opens inside `part`, the slice of the text of `at`
        starting at `offset` (a word opening in it may run past its end: still True)."""
        if at is None or not (offset >= 0 and at.text.startswith(part, offset)):
            return True
        cands = at.of(self._scan)
        if cands is None:
            return True
        i = bisect_left(cands, offset)
        return i < len(cands) and cands[i] < offset + len(part)

    def positions(self, at: Openings) -> list[int] | None:
        """Where the words open in the text of `at` (sorted), None when it cannot tell."""
        return at.of(self._scan)

    def found(self, text: str, at: Openings | None = None) -> bool:
        """False only when none of the words occurs in `text`."""
        cands = (at if at is not None else Openings(text)).of(self._scan)
        return cands is None or bool(cands)
