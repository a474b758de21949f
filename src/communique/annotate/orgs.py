"""Organisations: gazetteer of well-known institutions, "Long Name (ACRONYM)" definitions, and
head-noun patterns ("Ministry of Commerce of the PRC", "Kazakhstan's Parliament", "EU Delegation in
Astana").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import data
from ..interpret.scan import LiteralScan, openings
from .places import Gazetteer, country_name
from .types import fast_init

__all__ = ["Org", "find_orgs", "org_info", "org_heads"]


@fast_init
@dataclass(frozen=True)
class Org:
    span: tuple[int, int]
    text: str
    name: str
    acronym: str | None
    kind: str | None
    party: str | None


_CAP = r"[A-Z][\w'’\-–]*"
_CONN = r"(?:of|for|and|the|on|in|de|du|für)"
# "European External Action Service (EEAS)": a capitalised phrase and an upper-case acronym.
# (also with a note after a comma: "Development Bank of Kazakhstan JSC (DBK, part of Baiterek …)")
_ACRONYM_OPENED = r"\(([A-Z][A-Za-z&]{1,9})[),]"  # the bracketed acronym ("(EEAS)", "(DBK, …")
_DEFINED = re.compile(rf"((?:{_CAP}\s+)(?:(?:{_CAP}|{_CONN})\s+)*{_CAP})\s*{_ACRONYM_OPENED}")
_POSS_INST = re.compile(
    r"(?<![\w])([A-Z][\w\-]+)(?:['’]s)?\s+(Foreign|Trade|Economy|Finance|Energy|Defen[cs]e|Interior|Justice|"
    r"Transport|Health|Education)\s+Ministry\b"
)
_POSS_PARL = re.compile(r"(?<![\w])([A-Z][\w\-]+)['’]s\s+(Parliament|Government|Senate)\b")
_OF_COUNTRY = re.compile(
    r"(?<![\w])(?:the\s+)?(Parliament|Government|Ministry\s+of\s+[A-Z][\w]+(?:\s+(?:and\s+)?"
    r"[A-Z][\w]+)*)\s+of\s+(?:the\s+)?([A-Z][\w'’]+(?:\s[A-Z][\w'’]+)*)"
)
_DELEGATION = re.compile(r"(?<![\w])(EU|European Union|[A-Z][a-z]+)\s+Delegation\s+(in|to)\s+([A-Z][\w\-]+)")
_PARL_WORDS = ("Parliament", "Government", "Senate")
_OF_COUNTRY_WORDS = ("Parliament", "Government", "Ministry")
# the characters each pattern's matches are made of (see _Windowed)
_NAME_CHARS = r"\w'’\-–\s"


class _Windowed:
    """Run a pattern only over the stretches of text that can hold a match.

    Every match of the pattern is made of `allowed` characters, apart from the `needle` inside it
    (a regex: literal words, or a bracketed acronym that ends the match when `tail` is False). So
    it lies inside the run of allowed characters around a needle match, and
    `finditer(text, start, end)` over those runs yields exactly the matches of a scan of the whole
    text, in the same order: a look-behind still sees the text before `start`, and at `end` (a
    character outside `allowed`, or the end) a look-ahead for a non-word character holds either
    way. Sentences without a needle are skipped, and the capitalised words elsewhere are not
    tried one by one (that is where the scans spent their time)."""

    def __init__(
        self, pattern: re.Pattern, allowed: str, needle: str, tail: bool = True, words=None
    ) -> None:
        self.pattern = pattern
        self._run = re.compile(f"[{allowed}]*")
        self._needle = re.compile(needle)
        self._tail = tail
        self.words = frozenset(words or ())  # the needle's literal words, for a shared word scan

    def finditer(self, text: str, rev: list[str], found=None):
        """Matches of the pattern in `text`; `rev` is a one-item cache for the reversed text.
        `found`: (start, end, word) of every occurrence of a set of words that holds this needle's
        words, from one scan shared by several patterns (see `_head_hits`); else the needle's own
        scan."""
        if found is None:
            hits = ((m.start(), m.end()) for m in self._needle.finditer(text))
        else:
            words = self.words
            hits = ((a, b) for a, b, w in found if w in words)
        pos = 0
        n = len(text)
        for a, b in hits:
            if a < pos:
                continue  # inside the run scanned last
            if not rev:
                rev.append(text[::-1])
            # the run of allowed characters around the needle: backwards over the reversed text
            start = n - self._run.match(rev[0], n - a).end()
            pos = self._run.match(text, b).end() if self._tail else b
            yield from self.pattern.finditer(text, start, pos)


def _head_hits(text: str) -> list[tuple[int, int, str]]:
    """Every occurrence of a head word, the needle words of all the windowed patterns but the
    acronym definition. One scan finds them all because no head word can overlap another (checked
    when the tables are built), so none hides another's occurrence. The needle is tried only where
    a head word opens in the lowered text (the text's shared automaton pass, interpret.scan): sre
    would test the words' first letters at every character."""
    return [(m.start(), m.end(), m.group()) for m in _tables()["head_needle"].finditer(text, openings(text))]


def _overlap_free(words) -> bool:
    """No word inside another, no word's end the start of another."""
    ws = set(words)
    return not any(
        a != b and (b in a or any(a.endswith(b[:k]) for k in range(1, len(b)))) for a in ws for b in ws
    )


def _words(words) -> str:
    """A needle for literal words. A bare alternation: sre finds its literal prefix or first-letter
    set itself (a look-ahead in front would hide it and make the scan slower)."""
    ws = sorted(set(words), key=len, reverse=True)
    if not all(re.fullmatch(rf"[{_NAME_CHARS}]+", w) for w in ws):
        raise ValueError(f"needle words {ws} hold characters the organisation patterns do not")
    return "|".join(map(re.escape, ws))


@lru_cache(maxsize=1)
def _tables() -> dict:
    conf = data.load("organizations")
    by_form: dict[str, dict] = {}
    for o in conf["organizations"]:
        rec = {"name": o["name"], "acronym": o.get("acronym"), "kind": o.get("kind"), "party": o.get("party")}
        for form in [o["name"], *(o.get("aliases") or [])]:
            by_form[form] = rec
        if o.get("acronym"):
            by_form[o["acronym"]] = rec
    heads = conf.get("heads") or []
    head_re = re.compile(
        rf"(?<![\w])((?:{_CAP}\s+)+?(?:{'|'.join(heads)})"
        rf"(?:\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP})*)?)(?![\w])"
    )
    return {
        "by_form": by_form,
        "gaz": Gazetteer(by_form),
        "heads": set(heads),
        "head_re": _Windowed(head_re, _NAME_CHARS, _words(heads), words=heads),
        # a definition ends with its bracketed acronym
        "defined": _Windowed(_DEFINED, _NAME_CHARS, _ACRONYM_OPENED, tail=False),
        "poss_inst": _Windowed(_POSS_INST, _NAME_CHARS, _words(["Ministry"]), words=["Ministry"]),
        "poss_parl": _Windowed(_POSS_PARL, _NAME_CHARS, _words(_PARL_WORDS), words=_PARL_WORDS),
        "of_country": _Windowed(
            _OF_COUNTRY, _NAME_CHARS, _words(_OF_COUNTRY_WORDS), words=_OF_COUNTRY_WORDS
        ),
        "delegation": _Windowed(_DELEGATION, _NAME_CHARS, _words(["Delegation"]), words=["Delegation"]),
        # one scan for all head words serves every pattern whose needle words are head words
        "head_needle": LiteralScan(re.compile(_words(heads))),
        "shared": _overlap_free(heads)
        and all(w in heads for w in ("Ministry", "Delegation", *_PARL_WORDS, *_OF_COUNTRY_WORDS)),
        "ministry_short": conf.get("ministry_short") or {},
    }


def org_heads() -> set[str]:
    return _tables()["heads"]


def known_orgs_in(text: str) -> list[dict]:
    """Gazetteer institutions named inside a short text (a role), in order."""
    t = _tables()
    return [t["by_form"][term] for _s, _e, term in t["gaz"].finditer(text)]


def org_info(name: str) -> dict | None:
    """The gazetteer record of a name, alias or acronym (None when not a known institution)."""
    return _tables()["by_form"].get(name)


def _country_of(s: str) -> str | None:
    s = s.strip().rstrip("'’s").strip()
    return country_name(s) or country_name(re.sub(r"['’]s$", "", s))


def find_orgs(text: str, offset: int = 0) -> list[Org]:
    """Organisation mentions, longest first where they overlap."""
    t = _tables()
    found: list[Org] = []
    defined: dict[str, str] = {}
    rev: list[str] = []  # the reversed text, made once when a windowed scan needs it
    # Each pattern below needs a literal word (or bracket) and reads only the stretches around it
    # (see _Windowed); the head words are found once for all of them.
    hits = _head_hits(text) if t["shared"] else None  # None: each pattern scans for its own words
    for m in t["defined"].finditer(text, rev) if "(" in text else ():
        long, acr = m.group(1), m.group(2)
        long = _trim_to_acronym(long, acr)
        info = org_info(long) or org_info(acr)
        if country_name(long) or (not info and not any(h in long.split() for h in t["heads"])):
            continue
        initials = "".join(w[0] for w in long.split() if w[0].isupper())
        if not info and not (acr[0] == initials[:1] and len(set(acr.upper()) & set(initials)) >= 2):
            continue
        defined[acr] = long
        s = m.start(1) + (len(m.group(1)) - len(long))
        e = m.end() - (text[m.end() - 1] == ",")  # (the note's comma is no part of the name)
        found.append(
            Org(
                (s + offset, e + offset),
                text[s:e],
                info["name"] if info else long,
                acr,
                info["kind"] if info else None,
                info["party"] if info else None,
            )
        )
    for start, end, term in t["gaz"].finditer(text):
        info = t["by_form"][term]
        found.append(
            Org(
                (start + offset, end + offset),
                term,
                info["name"],
                info["acronym"],
                info["kind"],
                info["party"],
            )
        )
    for acr, long in defined.items():
        for m in _acronym_re(acr).finditer(text):
            found.append(Org((m.start() + offset, m.end() + offset), acr, long, acr, None, None))
    for m in t["poss_inst"].finditer(text, rev, hits):
        c = _country_of(m.group(1))
        if c:
            area = t["ministry_short"].get(m.group(2), m.group(2))
            found.append(
                Org(
                    (m.start() + offset, m.end() + offset),
                    m.group(0),
                    f"Ministry of {area} of {c}",
                    None,
                    "ministry",
                    c,
                )
            )
    for m in t["poss_parl"].finditer(text, rev, hits):
        c = _country_of(m.group(1))
        if c and c != "European Union":
            found.append(
                Org(
                    (m.start() + offset, m.end() + offset),
                    m.group(0),
                    f"{m.group(2)} of {c}",
                    None,
                    m.group(2).lower(),
                    c,
                )
            )
    for m in t["of_country"].finditer(text, rev, hits):
        words = m.group(2).split()
        c = None
        for k in range(len(words), 0, -1):
            c = _country_of(" ".join(words[:k]))
            if c:
                end = m.start(2) + len(" ".join(words[:k]))
                break
        if c:
            found.append(
                Org(
                    (m.start(1) + offset, end + offset),
                    text[m.start(1) : end],
                    f"{m.group(1)} of {c}"
                    if not m.group(1).startswith("Ministry")
                    else text[m.start(1) : end],
                    None,
                    "government",
                    c,
                )
            )
    for m in t["delegation"].finditer(text, rev, hits):
        c = _country_of(m.group(1))
        if c:
            found.append(
                Org((m.start() + offset, m.end() + offset), m.group(0), m.group(0), None, "delegation", c)
            )
    for m in t["head_re"].finditer(text, rev, hits):
        head = _head_org(m.group(1))
        if head is None:
            continue
        phrase, name, acronym, kind, party = head
        s = m.end(1) - len(phrase)
        found.append(Org((s + offset, m.end(1) + offset), phrase, name, acronym, kind, party))
    return _longest(found)


@lru_cache(maxsize=4096)
def _head_org(found: str) -> tuple[str, str, str | None, str | None, str | None] | None:
    """(phrase, name, acronym, kind, party) of a head-noun phrase as the pattern found it, None when
    it names no institution. A function of the phrase alone, so cached: documents repeat them."""
    t = _tables()
    phrase = re.sub(r"^(?:The|This|That|A|An)\s+", "", found)
    party = None
    pm = re.match(r"([A-Z][\w\-]+)['’]s\s+", phrase)
    if pm and country_name(pm.group(1)):
        party = country_name(pm.group(1))  # "Germany's Federal Ministry …"
        phrase = phrase[pm.end() :]
    first = phrase.split()[0] if phrase.split() else ""
    if not first or first in t["heads"] or country_name(phrase) or _roleish(phrase):
        return None
    if _only_places(phrase):
        return None  # "Kazakhstan-European Union": two parties, no institution
    info = org_info(phrase)
    return (
        phrase,
        info["name"] if info else phrase,
        info["acronym"] if info else None,
        info["kind"] if info else None,
        (info["party"] if info else None) or party,
    )


@lru_cache(maxsize=256)
def _acronym_re(acr: str) -> re.Pattern:
    return re.compile(rf"(?<![\w]){re.escape(acr)}(?![\w])")


def _only_places(phrase: str) -> bool:
    from .places import find_places

    rest = phrase
    for p in sorted(find_places(phrase), key=lambda p: p.span[0], reverse=True):
        rest = rest[: p.span[0]] + rest[p.span[1] :]
    return not re.sub(r"[-–\s]+", "", rest)


def _trim_to_acronym(long: str, acr: str) -> str:
    """Drop leading words until the capitals spell the acronym: "Officials of the European External
    Action Service (EEAS)" → "European External Action Service"."""
    words = long.split()
    for k in range(len(words)):
        rest = words[k:]
        if rest[0][:1].isupper() and rest[0] not in ("The", "A", "An"):
            initials = "".join(w[0] for w in rest if w[:1].isupper())
            if initials.upper() == acr.upper() or (
                k > 0 and initials[:1] == acr[:1] and len(rest) <= len(acr) + 2
            ):
                return " ".join(rest)
    return re.sub(r"^(?:The|the)\s+", "", long)


def _roleish(phrase: str) -> bool:
    from .people import role_words

    return any(w in role_words() for w in phrase.split()[:1]) or "Leaders" in phrase


def _longest(found: list[Org]) -> list[Org]:
    found.sort(key=lambda o: (o.span[0], -(o.span[1] - o.span[0])))
    out: list[Org] = []
    for o in found:
        if out and o.span[0] < out[-1].span[1]:
            continue
        out.append(o)
    return out
