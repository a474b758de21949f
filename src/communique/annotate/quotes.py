"""Quotations and their speakers: straight and typographic double quotes, guillemets, „…“.

The speaker is read from the attribution next to the quote ("…," he said / X said / said X /
X told reporters / according to X / X described it as "…"); a pronoun or a missing attribution
goes to the nearest person mentioned before (or, for a quote continued in the same paragraph, to
the previous quote's speaker).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from ..interpret.scan import char_positions, matches_at
from .types import fast_init

__all__ = ["QuoteMention", "find_quotes"]

# Every branch opens with its quote mark, so sre can skip to the next one; the single quote's
# "no letter before" test therefore comes after the mark ("(?<!\w‘)", the same condition): put
# first, it hid the marks and every position was tried (six times slower).
_QUOTE = re.compile(
    r"“([^”]{2,2000}?)”|\"([^\"\n]{2,2000}?)\"|«([^»]{2,2000}?)»|„([^“”]{2,2000}?)[“”]"
    r"|‘(?<!\w‘)((?:[^’\n]|’(?=\w)){2,2000}?)’(?!\w)"  # single quotes; ’ inside a word is an apostrophe
)
_DASH_BY = re.compile(r"[ \t]*[—–-][ \t]")
#: The marks `_QUOTE`'s matches open with: it is tried only where one stands (`char_positions`).
_QUOTE_MARKS = "“\"«„‘"
_PRONOUN = re.compile(
    r"^\W*(?:he|she|they)\s+(?:\w+\s+)?(?:said|added|told|noted|stressed|continued)\b", re.I
)


@fast_init
@dataclass(frozen=True)
class QuoteMention:
    span: tuple[int, int]
    text: str
    speaker: str | None


@lru_cache(maxsize=1)
def _verbs() -> re.Pattern:
    verbs = data.load("names")["speech_verbs"]
    return re.compile(r"\b(?:" + "|".join(map(re.escape, verbs)) + r")\b")


def find_quotes(text: str, people) -> list[QuoteMention]:
    """Quotes of at least three words; `people` are the document's PersonEntity records."""
    mentions = sorted((m.span[0], m.span[1], p.name) for p in people for m in p.mentions)
    out: list[QuoteMention] = []
    for m in matches_at(_QUOTE, text, char_positions(text, _QUOTE_MARKS)):
        inner = next(g for g in m.groups() if g is not None)
        words = inner.split()
        if len(words) < 3:
            continue
        if len(words) <= 8 and all(w[:1].isupper() for w in words if len(w) > 3):
            continue  # a title in quotes ("Rule of Law in Central Asia"), not a quotation
        if text.startswith("#", text.rfind("\n", 0, m.start()) + 1):
            continue  # '# Event summary: "The Middle Corridor after Samarkand: …"': a heading's title
        clean = inner.strip().rstrip(",").rstrip()
        start = m.start() + m.group(0).index(inner) + (len(inner) - len(inner.lstrip()))
        speaker = _speaker(text, m.start(), m.end(), mentions, out)
        out.append(QuoteMention((start, start + len(clean)), clean, speaker))
    return out


def _para_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, a) + 1
    e = text.find("\n", b)
    return s, (len(text) if e < 0 else e)


def _speaker(text: str, qs: int, qe: int, mentions, previous: list[QuoteMention]) -> str | None:
    ps, pe = _para_bounds(text, qs, qe)
    after = text[qe:pe]
    # the attribution runs to the end of the sentence after the quote
    end_after = re.search(r"[.!?](?:\s|$)", after)
    tail = after[: end_after.end()] if end_after and not _DASH_BY.match(after) else after
    in_tail = [(s, n) for s, e, n in mentions if qe <= s < qe + len(tail)]
    verbs = _verbs()
    if in_tail and (verbs.search(tail) or "according to" in tail or _DASH_BY.match(tail)):
        return in_tail[0][1]  # '"…," X said', '"…" — Dr. X' (a block quote signed after a dash)
    # before the quote, in the same sentence: "X said:", "X described Kazakhstan as"
    sent_start = max(text.rfind(". ", ps, qs) + 2, ps) if text.rfind(". ", ps, qs) >= 0 else ps
    in_head = [(s, n) for s, e, n in mentions if sent_start <= s < qs]
    if in_head:
        return in_head[0][1]
    if _PRONOUN.match(tail) or not tail.strip(" ,.") or verbs.search(tail):
        # pronoun or a bare continuation: previous quote in the paragraph, else nearest person before
        for q in reversed(previous):
            if q.span[0] >= ps and q.speaker:
                return q.speaker
        before = [n for s, e, n in mentions if s < qs]
        return before[-1] if before else None
    return None
