"""Faster whole-text scans for the interpreters' cue-word regexes, with exactly the same matches.

Why: a pattern that opens with a look-behind (`(?<![\\w])summit|forum|…`) or under IGNORECASE
gives sre nothing to skip ahead with, so `finditer` starts a full match attempt at every position
of the text: ~50-150 µs per 3 KB document for each of a dozen scans. Every match of such a pattern
begins with one of a few literal words, so an Aho–Corasick automaton (one C pass over the
lower-cased text) lists the only positions where a match can start, and the unchanged regex is
tried there alone (`Pattern.match(text, pos)` sees the text before `pos`, so look-behinds hold).
Matches are taken left to right without overlap, as `finditer` takes them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["AnyOf", "LiteralScan", "lowered", "regex_starts"]

#: Characters IGNORECASE matches to an ASCII letter that `str.lower` does not turn into it
#: ("İ" lower-cases to two characters, "ı" and "ſ" stay as they are). A text holding one is
#: scanned by the plain regex.
_FOLD_TRAPS = ("İ", "ı", "ſ")


def lowered(text: str) -> str | None:
    """`text.lower()` when it lines up with `text` character for character for ASCII cue words
    (the usual case), else None."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in _FOLD_TRAPS)):
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


class LiteralScan:
    """`rx.finditer` / `rx.search` for a regex whose every match opens with one of `starts`
    (by default read from the regex: `regex_starts`); a regex that cannot match the empty string.

    `starts` are ASCII literals; under IGNORECASE (the regex's own flag) they are compared with
    the lower-cased text. Given by hand, the caller vouches that no match can open otherwise;
    tests compare with the plain regex. Without any, every text is scanned plainly.
    """

    def __init__(self, rx: re.Pattern, starts: Iterable[str] | None = None) -> None:
        import ahocorasick

        self.rx = rx
        self.fold = bool(rx.flags & re.IGNORECASE)
        if starts is None:
            starts = regex_starts(rx.pattern, rx.flags) or ()
        keys = {s.lower() if self.fold else s for s in starts}
        # a key another key opens with adds no start: "summit" covers "summits", "summit-20"
        # (sorted, a key's shortest prefix among the keys is the last one kept before it)
        kept: list[str] = []
        for k in sorted(keys):
            if not (kept and k.startswith(kept[-1])):
                kept.append(k)
        keys = set(kept)
        self._plain = not keys or "" in keys or not all(k.isascii() for k in keys)
        self._a = ahocorasick.Automaton()
        for k in keys:
            self._a.add_word(k, len(k))
        if not self._plain:
            self._a.make_automaton()

    def _hay(self, text: str, low: str | None) -> str | None:
        if self._plain:
            return None
        if not self.fold:
            return text
        hay = lowered(text) if low is None else low
        return hay if hay is not None and len(hay) == len(text) else None  # "": known not to line up

    def starts(self, text: str, low: str | None = None) -> list[int] | None:
        """Sorted positions where a match may start, or None when the text must be scanned plainly."""
        hay = self._hay(text, low)
        if hay is None:
            return None
        return sorted({end - n + 1 for end, n in self._a.iter(hay)})

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match]:
        """Like `rx.finditer(text)`. `low`: `lowered(text)` when the caller has it already ("" when
        that was None)."""
        cands = self.starts(text, low)
        if cands is None:
            yield from self.rx.finditer(text)
            return
        yield from self.matches_at(text, cands)

    def matches_at(self, text: str, cands: list[int], offset: int = 0) -> Iterator[re.Match]:
        """Matches in `text` (a slice of the scanned text starting at `offset`, or the text itself)
        opening at the sorted candidate positions `cands`, left to right without overlap."""
        match = self.rx.match
        n = len(text)
        pos = 0
        for c in cands:
            s = c - offset
            if s < pos:
                continue
            if s >= n:
                break
            m = match(text, s)
            if m is not None:
                yield m
                pos = m.end() if m.end() > s else s + 1  # an empty match: move on, as finditer does

    def search(self, text: str, low: str | None = None) -> re.Match | None:
        return next(self.finditer(text, low), None)


class AnyOf:
    """Whether a text may hold one of some literals (case-insensitively when `fold`): a cheap
    test that lets a regex needing one of them skip texts without any."""

    def __init__(self, words: Iterable[str], fold: bool = True) -> None:
        self._scan = LiteralScan(re.compile("(?!)", re.I if fold else 0), words)

    def found(self, text: str, low: str | None = None) -> bool:
        """False only when none of the words occurs in `text`."""
        hay = self._scan._hay(text, low)
        return hay is None or next(self._scan._a.iter(hay), None) is not None
