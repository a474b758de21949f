"""Regex alternations of literal words, written as a trie so sre rejects a position in one step.

Why: an alternation `eighteen|thirteen|…|one` sorted longest first makes sre try every branch whose
first letter matches at every position of the text; common letters (e, t, s, o) start most of
them. Written as a trie (`e(?:ight(?:een|y)?|leven)|…`) each position costs one branch per
letter of the word it spells. Measured on our corpus: the number-word trigger scan is 2x faster.

The trie matches exactly what the longest-first alternation matches: at a position the words that
fit are prefixes of one another, and the trie's greedy optional tails try them longest first too,
so a following look-ahead (`(?![A-Za-z])`) backtracks to the same shorter word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_alternation", "ascii_first_chars"]


def trie_alternation(words: Iterable[str], spaces: str | None = None, ignore_case: bool = False) -> str:
    """A regex (no groups) matching any of `words`, longest first where several fit.

    `spaces`, when given, is the regex a space inside a word becomes (e.g. r"\\s+"); the words are
    otherwise matched literally (escaped). `ignore_case=True` when the regex is used case-blind
    ((?i:…) or re.IGNORECASE): then two branches must not match the same letter ("P…" and
    "p…"), so the words are lowered first (case-blind, "P" and "p" match the same letters). That
    holds for ASCII and for characters without case that are no letters ("so‘m": the ‘); with
    other non-ASCII letters, whose case folding is less regular ("ſ" matches "s"), the plain
    alternation is returned.
    """
    words = set(words)
    if "" in words or ignore_case and not all(_case_safe(w) for w in words):
        # an empty word (the plain alternation then also matches the empty string), or case-blind
        # non-ASCII letters: keep the plain longest-first alternation
        return "|".join((re.escape(w).replace(r"\ ", spaces) if spaces is not None else re.escape(w))
                        for w in sorted(words, key=len, reverse=True))
    if ignore_case:
        words = {w.lower() for w in words}
    trie: dict = {}
    for w in words:
        if not w:
            continue
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _regex(trie, spaces)


def _case_safe(word: str) -> bool:
    """Lowered, the word's characters match case-blind only what they match as written, and no two
    of them the same character: ASCII, or no letter and no case (quotes, dashes, symbols)."""
    return all(c.isascii() or (not c.isalpha() and c.lower() == c == c.upper()) for c in word)


def _regex(node: dict, spaces: str | None) -> str:
    alts = [(spaces if (ch == " " and spaces is not None) else re.escape(ch)) + _regex(child, spaces)
            for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:  # a word ends here; the longer ones are tried first (greedy)
        return (body if len(alts) > 1 else "(?:" + body + ")") + "?"
    return body


def ascii_first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The ASCII characters a match of `pattern` can open with, read from sre's own parse of it
    (look-arounds and anchors match nothing and are skipped); None when that cannot be told (a
    match may be empty, or open with a negated class, a category such as `\\w`, any character, a
    back-reference …). Only ASCII openings are listed: a caller asks about an ASCII character
    only (under IGNORECASE a non-ASCII one may match an ASCII letter: "K", the Kelvin sign).

    Lets a caller try, at a position, only the branches of an alternation that can open with the
    character there: the same match (the kept branches keep their order), fewer branches failing.
    """
    from re import _parser  # the parser `re` itself uses (Python ≥ 3.11)

    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    zero_width = {_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT}

    def cased(c: str, fold: bool) -> set[str]:
        return {c.lower(), c.upper()} & _ASCII if fold and c.isascii() and c.isalpha() else {c} & _ASCII

    def seq(items, fold: bool) -> tuple[set[str], bool] | None:
        """(characters a match of `items` opens with, whether it may be empty)."""
        out: set[str] = set()
        for op, av in items:
            if op in zero_width:
                continue
            if op is _parser.LITERAL:
                return out | cased(chr(av), fold), False
            if op is _parser.IN:
                chars: set[str] = set()
                for iop, iav in av:
                    if iop is _parser.LITERAL:
                        chars |= cased(chr(iav), fold)
                    elif iop is _parser.RANGE and iav[1] - iav[0] < 256:
                        for code in range(iav[0], iav[1] + 1):
                            chars |= cased(chr(code), fold)
                    else:  # a negation, a category, a wide range
                        return None
                return out | chars, False
            if op is _parser.SUBPATTERN:
                _group, add, _del, p = av
                sub = seq(p, fold or bool(add & re.IGNORECASE))
            elif op is _parser.ATOMIC_GROUP:
                sub = seq(av, fold)
            elif op is _parser.BRANCH:
                subs = [seq(b, fold) for b in av[1]]
                if any(x is None for x in subs):
                    return None
                sub = (set().union(*(x[0] for x in subs)), any(x[1] for x in subs))
            elif op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
                lo, _hi, p = av
                inner = seq(p, fold)
                if inner is None:
                    return None
                sub = (inner[0], lo == 0 or inner[1])
            else:  # any character, a category, a back-reference, a conditional …
                return None
            if sub is None:
                return None
            out |= sub[0]
            if not sub[1]:
                return out, False
        return out, True

    res = seq(parsed, bool(flags & re.IGNORECASE))
    if res is None or res[1]:
        return None
    return frozenset(res[0])


_ASCII = frozenset(chr(i) for i in range(128))
