"""Everything the interpreters read about one document, annotated once.

`Context.build` runs every annotator over the text a single time (people, organisations, places,
quotes, agreement names, bodies, dates, amounts, ordinals) and offers lookups by position: the
sentence around an offset, the mentions inside a span.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from .. import data
from ..annotate.agreements import AgreementMention, find_agreement_mentions
from ..annotate.orgs import Org, find_orgs
from ..annotate.people import PersonEntity, Tok, find_people, tokens
from ..annotate.places import Place, country_name, find_places, first_letters_ahead
from ..annotate.quotes import QuoteMention, find_quotes
from ..annotate.types import fast_init
from ..segment import Sentence, paragraphs, segment
from .scan import Cues, LiteralScan, Openings, cues, first_char_groups, openings

__all__ = ["Context", "BodyMention", "short_party", "owner_phrase"]


@fast_init
@dataclass(frozen=True)
class BodyMention:
    span: tuple[int, int]
    text: str
    type: str  # "Cooperation Council"
    name: str  # "Kazakhstan–EU Cooperation Council"
    parties: tuple[str, ...]  # canonical parties named with it
    acronym: str | None
    number: int | None = None  # the ordinal the text puts before it ("XI meeting of the …"), generic bodies
    generic: bool = False  # named as the text names it (not a known body type): kept as is


def short_party(p: str) -> str:
    return "EU" if p == "European Union" else p


@lru_cache(maxsize=1)
def _body_regex() -> re.Pattern:
    conf = data.load("bodies")
    types = sorted(conf["types"], key=len, reverse=True)
    ext = "|".join(f"(?-i:{e})" for e in conf.get("extensions") or [])
    # (grouped by opening letter: see first_char_groups)
    branches = (re.escape(t).replace(r"\-", "[- ]?").replace(r"\ ", r"[\s-]") for t in types)
    alt = first_char_groups(branches, ignore_case=True)
    # a first-letter look-ahead (see there): same matches, ~1.3x faster scan
    ahead = first_letters_ahead(types) if all(t[:1].isalnum() for t in types) else ""
    return re.compile(rf"(?<![\w]){ahead}(?P<type>{alt})(?P<ext>\s+(?:{ext}))?(?![\w])", re.I)


@lru_cache(maxsize=1)
def _body_scan() -> LiteralScan:
    """The body regex, tried only where a body type's first word stands (see interpret.scan)."""
    return LiteralScan(_body_regex())


_CAPS = r"[A-Z][\w’']*(?:\s[A-Z][\w’']*)*"
_PARTY_PREFIX = re.compile(rf"({_CAPS})\s*[-–—]\s*({_CAPS})\s*$")
_ACR = re.compile(r"^\s*\(([A-Z]{2,8})\)")
_BETWEEN = re.compile(
    r"^\s+between\s+(?:the\s+)?([A-Z][\w ]+?)\s+and\s+(?:the\s+)?([A-Z][\w]+(?:\s[A-Z]\w+)*)"
)
_SPACES = re.compile(r"\s+")
_NAME_BEFORE = re.compile(r"([A-Z][\w’']+(?:\s[A-Z][\w’']+)?)\s+$")
_DATELINE_ONLY = re.compile(r"[\W\d]*[A-Za-z ]{0,30}[|,]?\s*[\d./\-]+\W*")
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "Brussels, 20 November 2025", "News | Dushanbe, 4 December 2025", "ASTANA, March 3, 2026": a
# place (and a section label) with a date written in words, alone on its line
_DATELINE_WORDS = re.compile(
    r"(?:[^|\n]{1,40}\|\s*)?[*_]*(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s*[,|–—-]\s*)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})[*_]*\W*"
)
_SENTENCE_LINE_END = re.compile(r"[.!?][\"”’»)]*[ \t]*\n")
_DATELINE_PLACE = re.compile(r"^\s*(?:#+\s*)?\*?([A-Z][A-Za-z\-’' ]{2,30}?)\s*(?:,|–|—|-|\|)", re.M)


def _months_before(value: str | None, published: str | None, n: int) -> bool:
    """`value` (YYYY-MM…) lies `n` months or more before `published`."""
    if not value or not published or len(value) < 7 or len(published) < 7:
        return False
    try:
        return (int(published[:4]) * 12 + int(published[5:7])) - (int(value[:4]) * 12 + int(value[5:7])) >= n
    except ValueError:
        return False


@dataclass
class Context:
    text: str
    published: str | None
    anchor: date | None
    title: str | None
    sentences: list[Sentence]
    toks: list[Tok]
    people: list[PersonEntity]
    orgs: list[Org]
    places: list[Place]
    quotes: list[QuoteMention]
    agreements: list[AgreementMention]
    bodies: list[BodyMention]
    # `cue["word"]` is `"word" in text`, for the interpreters' whole-text guards: one shared pass
    # finds every such literal (see interpret.scan.Cues)
    cue: Cues
    # sittings of bodies no known type names ("XI meeting of the Intergovernmental Uzbek-Turkmen
    # Commission"): candidates for the reported meeting only (interpret.meetings)
    generic_bodies: list[BodyMention] = field(default_factory=list)
    at: Openings | None = None  # where cue-word scans may match (see interpret.scan)
    dates: list = field(default_factory=list)
    amounts: list = field(default_factory=list)
    ordinals: list = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _para_starts: list[int] = field(default_factory=list)
    _lead_end: int | None = None
    _title_end: int = 0
    meeting: object | None = None  # the reported meeting (set by interpret.meetings)
    meeting_body: BodyMention | None = None
    events: list = field(default_factory=list)  # referenced events (set by interpret.events)
    _heading: dict[int, bool] | None = None  # sentence index → a headline (see is_heading)
    _person_mentions: list | None = None
    _sorted_spans: dict = field(default_factory=dict)  # list name → (list, length, starts or None)
    memo: dict = field(default_factory=dict)  # the interpreters' per-document caches, by name

    @classmethod
    def build(cls, text: str, published: str | None, anchor: date | None, title: str | None) -> Context:
        from ..annotate.dates import find_dates
        from ..annotate.money import find_amounts
        from ..annotate.ordinals import find_ordinals

        toks = tokens(text)
        people = find_people(text)
        places = find_places(text)
        at = openings(text)  # shared with the document checks
        ordinals = find_ordinals(text, 0)
        bodies, generic = _find_bodies(text, places, at, ordinals)
        ctx = cls(
            text=text,
            published=published,
            anchor=anchor,
            title=title,
            sentences=segment(text),
            toks=toks,
            people=people,
            orgs=find_orgs(text),
            places=places,
            quotes=find_quotes(text, people),
            agreements=find_agreement_mentions(text, toks),
            bodies=bodies,
            cue=cues(text),
            generic_bodies=generic,
            at=at,
        )
        ctx.dates = find_dates(text, anchor, 0)
        ctx.amounts = find_amounts(text, 0)
        ctx.ordinals = ordinals
        ctx._starts = [s.start for s in ctx.sentences]
        ctx._para_starts = [p.start for p in paragraphs(text)]
        ctx._title_end = _title_end(text)
        return ctx

    # --- positions -------------------------------------------------------------------------
    def sentence_index(self, pos: int) -> int:
        i = bisect.bisect_right(self._starts, pos) - 1
        return max(i, 0)

    def sentence_at(self, pos: int) -> Sentence:
        return self.sentences[self.sentence_index(pos)]

    def in_span(self, items, a: int, b: int) -> list:
        return [x for x in items if a <= x.span[0] and x.span[1] <= b]

    def _within(self, name: str, a: int, b: int) -> list:
        """`in_span` over one of the context's lists, by bisection when it is in text order."""
        items = getattr(self, name)
        got = self._sorted_spans.get(name)
        if got is None or got[0] is not items or got[1] != len(items):
            starts = [x.span[0] for x in items]
            ordered = all(starts[i] <= starts[i + 1] for i in range(len(starts) - 1))
            got = self._sorted_spans[name] = (items, len(items), starts if ordered else None)
        starts = got[2]
        if starts is None:
            return self.in_span(items, a, b)
        # only the items opening in [a, b] can lie inside, kept in the same order
        lo, hi = bisect.bisect_left(starts, a), bisect.bisect_right(starts, b)
        return [x for x in items[lo:hi] if x.span[1] <= b]

    def dates_in(self, a: int, b: int) -> list:
        return self._within("dates", a, b)

    def places_in(self, a: int, b: int) -> list[Place]:
        return self._within("places", a, b)

    def in_quote(self, pos: int) -> bool:
        return any(q.span[0] <= pos < q.span[1] for q in self.quotes)

    def is_heading(self, pos: int) -> bool:
        """Inside a headline: a sentence the segmenter marked as one, or the document's first line
        when it reads as a title (no final punctuation, the next line starts anew)."""
        if not self.sentences:
            return False
        if pos < self._title_end:
            return True
        i = self.sentence_index(pos)
        if self._heading is None:
            self._heading = {}
        got = self._heading.get(i)
        if got is None:
            s = self.sentences[i]
            got = self._heading[i] = bool(getattr(s, "heading", False)) or (
                i == 0
                and "\n" in self.text[s.end : s.end + 2]
                and not s.text.rstrip().endswith((".", "!", "?"))
            ) or self._head_line(i)
        return got

    def _head_line(self, i: int) -> bool:
        """ "EIB press release | 2025-232-EN" / "Kyrgyzstan: EIB signs €60 million loan for … and a
        €100 million guarantee for …" / "Bishkek, 8 October 2025": a long headline standing alone as
        a paragraph in the block of headings and datelines that opens a text is a headline too (the
        segmenter takes only short lines for headings)."""
        if not 0 < i <= 3:
            return False
        s = self.sentences[i]
        if s.text.rstrip().endswith((".", "!", "?", ":", ";", ",")) or not s.text[:1].isupper():
            return False  # (a list item opens with a marker, never a capital)
        if not 3 <= len(s.text.split()) <= 30:
            return False
        alone = self.sentences[i - 1].paragraph != s.paragraph and (
            i + 1 >= len(self.sentences) or self.sentences[i + 1].paragraph != s.paragraph
        )
        return alone and all(
            self.is_heading(self.sentences[j].start) or _is_dateline_only(self.sentences[j].text)
            for j in range(i)
        )

    @property
    def lead_end(self) -> int:
        """End of the lead: the headline and the first paragraph of body text."""
        if self._lead_end is not None:
            return self._lead_end
        first_para: int | None = None
        end = len(self.text)
        for s in self.sentences:
            if (
                self.is_heading(s.start)
                or _is_dateline_only(s.text)
                or _BYLINE.fullmatch(s.text.strip())
                or _EDITOR_NOTE.fullmatch(s.text.strip())
                or (first_para is None and self._headline_like(s))
            ):
                continue
            if first_para is not None and s.paragraph != first_para:
                end = s.start
                break
            if first_para is None:
                first_para = s.paragraph
                # text with single line breaks between paragraphs: the lead ends at the first
                # line break after a full sentence
                m = _SENTENCE_LINE_END.search(self.text, s.start)
                if m and (
                    first_para + 1 >= len(self._para_starts) or m.end() < self._para_starts[first_para + 1]
                ):
                    end = m.end()
                    break
        self._lead_end = end
        return end

    def in_headline(self, pos: int) -> bool:
        """Inside a headline paragraph above the lead (see `_headline_like`), which the text then
        tells in full: "Global Gateway: EU and Uzbekistan sign €415 million in new agreements"."""
        if not self.sentences or pos >= self.lead_end:
            return False
        s = self.sentence_at(pos)
        lead_para = self.sentence_at(max(0, self.lead_end - 1)).paragraph
        return s.paragraph < lead_para and self._headline_like(s)

    def _headline_like(self, s) -> bool:
        """A paragraph of one line, 3–30 words, with no final punctuation: a headline under a site's
        header lines ("Wang Yi Holds Talks with …" after "Ministry of … / Home > News"), no lead."""
        t = s.text.strip()
        if "\n" in t or t[-1:] in ".!?:;\"”’»)" or not 3 <= len(t.split()) <= 30:
            return False
        i = bisect.bisect_right(self._para_starts, s.start) - 1
        if _LIST_ITEM.match(self.text, self._para_starts[i]):
            return False  # "- Trade up 5% to $3 billion": a summary bullet, body text
        nxt = self._para_starts[i + 1] if i + 1 < len(self._para_starts) else len(self.text)
        return not self.text[s.end : nxt].strip()

    def dateline_place(self) -> str | None:
        """The place of a dateline ("BRUSSELS – …", "*Astana, 21 December 2015*")."""
        head = self.text[:400]
        for m in _DATELINE_PLACE.finditer(head):
            word = m.group(1).strip().strip("*")
            for cand in (word, word.title()):
                for p in find_places(cand):
                    if p.kind == "city" and p.text == cand:
                        return p.name
        return None

    def occasion_date(self) -> str | None:
        """The date of the occasion the text reports: the meeting's, else an occasion named in the
        lead (a forum), else the publication date when the lead says "today"."""
        if self.meeting is not None and self.meeting.date:
            return self.meeting.date
        lead_end = self.lead_end
        for e in self.events:
            if (
                e.span
                and e.span[0] < lead_end
                and e.date
                and not re.search(
                    r"\b(?:after|before|since|ahead\s+of|following)\s+(?:the\s+)?$",
                    self.text[max(0, e.span[0] - 30) : e.span[0]],
                    re.I,
                )
                and not _months_before(e.date, self.published, 3)
            ):
                return e.date  # the occasion the lead reports, not one it measures time from
        if self.published and re.search(r"\btoday\b", self.text[:lead_end], re.I):
            return self.published
        if self.published and len(self.published) == 10:
            # "Astana, 15 April 2026. At its plenary session on Wednesday, …": a day of the lead's
            # body (no headline) that is the publication day
            for d in self.dates_in(0, lead_end):
                if d.value == self.published and not d.end and not self.is_heading(d.span[0]):
                    line = self.text.rfind("\n", 0, d.span[0]) + 1
                    m = _DATELINE_PLACE.match(self.text, line)
                    if m and not self.text[m.end() : d.span[0]].strip():
                        continue  # the dateline ("BAKU, 10 October 2025 –") dates the writing
                    return d.value
        return None

    @property
    def all_bodies(self) -> list[BodyMention]:
        """Known and generic body mentions in text order."""
        if not self.generic_bodies:
            return self.bodies
        got = self.memo.get("all_bodies")
        if got is None:
            got = self.memo["all_bodies"] = sorted(self.bodies + self.generic_bodies, key=lambda b: b.span)
        return got

    def is_body_name(self, name: str) -> bool:
        return _is_body_name(name)

    def person_mentions(self) -> list[tuple[int, int, PersonEntity]]:
        """(start, end, person) of every mention in text order (made once; callers only read it)."""
        if self._person_mentions is None:
            self._person_mentions = sorted((m.span[0], m.span[1], p) for p in self.people for m in p.mentions)
        return self._person_mentions


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]")
_TITLE = re.compile(r"\A\s*(?:#+\s*)?([^\n]{8,200})\n+(?=\s*[*\"“«(]?[A-Z0-9])")


def _title_end(text: str) -> int:
    """End of a first line that is a title: 3–30 words, no final punctuation."""
    m = _TITLE.match(text)
    if not m:
        return 0
    line = m.group(1).rstrip()
    if line[-1:] in '.!?:;,"”’»)' or not 3 <= len(line.split()) <= 30 or not line[:1].isupper():
        return 0
    return m.start(1) + len(line)


# "By Dana Omarova": a wire byline is no lead paragraph
_BYLINE = re.compile(r"By\s+[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’.-]+){0,5}")
# "(Adds documents signed, quote)", "(Updates with new figures)": a wire editor's note, no body text
_EDITOR_NOTE = re.compile(
    r"\((?:Adds|Updates|Recasts|Rewrites|Corrects|Refiles|Repeats|Changes|Writes through|Combines)"
    r"\b[^()]*\)"
)


# "05.11.2025 | 11:20 | Press service of the Ministry …": a date, a time and a source between bars
# "2026-03-11 21:40 Source: Ministry of Foreign Affairs": a date, a time and a labelled field
_META_LINE = re.compile(
    r"[\d./\-]{6,10}(?:\s*\|\s*[^|\n]{1,120}){1,3}"
    r"|[\d./\-]{6,10}(?:\s+[0-2]?\d:[0-5]\d)?\s+(?i:source|author|by|updated)\s*:\s*[^\n]{1,120}"
)


def _is_dateline_only(s: str) -> bool:
    s = s.strip()
    return (
        bool(_DATELINE_ONLY.fullmatch(s))
        or bool(_DATELINE_WORDS.fullmatch(s))
        or bool(_META_LINE.fullmatch(s))
        or (s.startswith("*") and s.endswith("*"))
    )


_SITTING_BEFORE = re.compile(
    r"\b(?:held|hold|holds|holding|round\s+of|meeting\s+of|session\s+of)\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+)?$",
    re.I,
)


@lru_cache(maxsize=1)
def _body_prefix() -> re.Pattern | None:
    pre = data.load("bodies").get("prefixes") or []
    if not pre:
        return None
    alt = "|".join(re.escape(q).replace(r"\-", "[- ]?").replace(r"\ ", r"[\s-]") for q in pre)
    return re.compile(rf"(?<![\w])((?i:{alt}))[\s-]+$")


@lru_cache(maxsize=1)
def _body_name_words() -> frozenset[str]:
    return frozenset(data.load("bodies").get("name_words") or [])


_NAME_WORD_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]+) $")


@lru_cache(maxsize=1)
def _weak_body_types() -> frozenset[str]:
    """Body types that are also ordinary phrases; written in lower case they need a sitting cue."""
    return frozenset(t.lower() for t in data.load("bodies").get("weak_types") or [])


def _find_bodies(
    text: str, places: list[Place], at: Openings | None = None, ordinals: list | None = None
) -> list[BodyMention]:
    """The known bodies, and (with `ordinals`) the sittings of bodies no known type names, apart."""
    out = _find_known_bodies(text, places, at)
    generic = _find_generic_bodies(text, places, ordinals or [], at)
    if ordinals and cues(text)["lateral meeting, the "]:
        generic += _format_sittings(text, ordinals)
    taken = {g.span[0] for g in generic}
    generic += [g for g in _unnumbered_sittings(text, at) if g.span[0] not in taken]
    if generic:
        # a known body type inside the same words wins ("14th meeting of the … Cooperation Council")
        generic = [
            g for g in generic if not any(b.span[0] < g.span[1] and g.span[0] < b.span[1] for b in out)
        ]
    return out, generic


# "The trilateral meeting, the fifth in the format since it was set up in 2022, brought together …"
_FORMAT_SITTING = re.compile(
    r"\b[Tt]he\s+((?:tri|quadri|multi)lateral\s+meeting),\s+the\s+(\S+)\s+"
    r"(?:in\s+(?:the|this)\s+format|of\s+its\s+kind|such\s+meeting)\b"
)


def _format_sittings(text: str, ordinals: list) -> list[BodyMention]:
    """A numbered sitting of a format of ministers the text names by its sides only: "Transport
    ministers of Azerbaijan, Georgia and Kazakhstan agreed … The trilateral meeting, the fifth in the
    format, …" is the fifth sitting of the trilateral meeting of those ministers."""
    _sitting, _name, ministers_rx, _after, _of = _generic_rx()
    out = []
    for m in _FORMAT_SITTING.finditer(text):
        o = next((x for x in ordinals if x.span[0] == m.start(2)), None)
        if o is None:
            continue
        # the ministers and their countries, named before the sitting
        found = None
        for mm in re.finditer(r"\b(?:[A-Za-z]+\s+)?ministers\s+of\s+", text[: m.start()], re.I):
            got = ministers_rx.match(text, mm.start())
            if got and got.group("list"):
                found = got
        if found is None:
            continue
        parties = []
        for part in re.split(r",\s+(?:and\s+)?|\s+and\s+", found.group("list")):
            c = _party_or_region(re.sub(r"^the\s+", "", part.strip()))
            if c and c not in parties:
                parties.append(c)
        if len(parties) < 3:
            continue
        who = _SPACES.sub(" ", found.group("name")).lower()
        name = f"{_LATERAL.get(len(parties), 'multilateral')} meeting of the {who}"
        name += f" of {', '.join(parties[:-1])} and {parties[-1]}"
        typ = "Ministerial Meeting"
        out.append(BodyMention(m.span(1), m.group(1), typ, name, tuple(parties), None, o.value, True))
    return out


@lru_cache(maxsize=1)
def _generic_rx() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    conf = data.load("bodies")
    g = conf["generic"]
    alt = lambda ws: "|".join(  # noqa: E731
        re.escape(w).replace(r"\-", "[- ]?").replace(r"\ ", r"\s+") for w in sorted(ws, key=len, reverse=True)
    )
    adj = alt(g["adjectives"])
    # after an ordinal: "(regular) meeting of the "
    # "of the", "of their", "of its" (the sides' own body: "held the fifth session of their … Dialogue")
    sitting = re.compile(
        rf"(?:\s+(?i:{adj}))*\s+(?P<s>(?i:{alt(g['sittings'])}))\s+of\s+(?:the\s+|their\s+|its\s+)?"
    )
    word = r"[A-Z][\w’'.]*(?:[-–][A-Z][\w’']*)*"
    exts = "|".join(f"(?:{e})" for e in (conf.get("extensions") or []) + (g.get("extensions") or []))
    name = re.compile(
        rf"(?P<name>(?:(?i:{adj})\s+)?(?:{word}\s+){{1,6}}?(?P<head>{alt(g['heads'])}))(?![\w-])"
        rf"(?P<ext>\s+(?:{exts}))?"
    )
    item = r"(?:the\s+)?[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?"
    ministers = re.compile(
        rf"(?:(?:two|three|four|five|six|both|the)\s+countries[’']\s+|their\s+)?"
        rf"(?P<name>(?:[A-Za-z]+\s+){{0,2}}?(?i:{alt(g['ministers'])}))(?![\w-])"
        rf"(?:\s+of\s+(?P<list>{item}(?:,\s+{item})*,?\s+and\s+{item}))?"
    )
    # "the 4th Joint Strategic Planning Group meeting": the name between the ordinal and the sitting
    after = re.compile(rf"\s+(?P<s>(?i:{alt(g['sittings'])}))\b")
    # "the fifth meeting of the Council of Foreign Ministers (of the Organization of Turkic States)"
    ends = alt(g.get("of_ends") or ["States"])
    of_name = re.compile(
        rf"(?P<name>(?P<head>{alt(g['heads'])})\s+of\s+{word}(?:\s+(?:of\s+|and\s+)?{word}){{0,3}}"
        rf"(?:\s+of\s+the\s+(?:{word}(?:\s+(?:of\s+|and\s+)?{word}){{0,4}}?\s+(?:{ends})|(?P<oacr>[A-Z]{{2,6}})))?)"
        rf"(?![\w-])"
    )
    return sitting, name, ministers, after, of_name


_N_COUNTRIES = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}
_LATERAL = {3: "trilateral", 4: "quadrilateral"}


@fast_init
@dataclass(frozen=True)
class _Anchor:
    span: tuple[int, int]
    value: int | None


_UNNUMBERED_WORDS = ("regular ", "extraordinary ", "inaugural ", "Regular ", "Extraordinary ", "Inaugural ")
_UNNUMBERED = re.compile(
    r"(?<=\s)(?=(regular|extraordinary|inaugural)\s+(?:meeting|session|sitting)\s+of\b)", re.I
)
# all look-around, so sre tried it at every character (~40 µs per 3 KB): tried where a word opens
_UNNUMBERED_SCAN = LiteralScan(_UNNUMBERED, ("regular", "extraordinary", "inaugural"))


def _org_name(acronym: str) -> str | None:
    from ..annotate.orgs import org_info

    info = org_info(acronym)
    return info["name"] if info and info.get("acronym") == acronym else None


def _find_generic_bodies(
    text: str, places: list[Place], ordinals: list, at: Openings | None = None
) -> list[BodyMention]:
    """Sittings of bodies no known type names: "<ordinal> meeting of the <Name … Commission>" and
    "<ordinal> meeting of the <three countries'> <energy> ministers"."""
    sitting, name_rx, ministers_rx, after_rx, of_rx = _generic_rx()
    out = []
    anchors = list(ordinals)
    if any(map(cues(text).__getitem__, _UNNUMBERED_WORDS)):
        # "the regular meeting of the …", "the inaugural session of the …": a sitting without its number
        anchors += [
            _Anchor((m.start() - 1, m.start() - 1), 1 if m.group(1).lower() == "inaugural" else None)
            for m in _UNNUMBERED_SCAN.finditer(text, at)
        ]
        anchors.sort(key=lambda a: a.span)
    seen: set[tuple[int, int]] = set()
    for o in anchors:
        sm = sitting.match(text, o.span[1])
        nm = None
        if not sm:
            if text.startswith(" ", o.span[1]):
                nm = name_rx.match(text, o.span[1] + 1)
                if nm is None or nm.group("ext") or not after_rx.match(text, nm.end()):
                    sn = _self_named(text, o)
                    if sn is not None:
                        out.append(sn)
                    continue
            else:
                continue
        else:
            at = sm.end()
            nm = name_rx.match(text, at) or of_rx.match(text, at)
        if nm:
            start, end = nm.start(), nm.end()
            if text[end - 1] == "." and len(text[start:end].rsplit(None, 1)[-1]) > 4:
                end -= 1  # "… of their Council of Foreign Ministers.": the sentence's full stop
            if (start, end) in seen:
                continue
            seen.add((start, end))
            name = _SPACES.sub(" ", text[start:end])
            parties: list[str] = []
            for w in text[start : nm.start("head")].split():  # "Türkiye–Uzbekistan …", "… Uzbek-Turkmen …"
                parts = [_party_or_region(x) for x in re.split(r"[-–]", w)]
                if len(parts) >= 2 and all(parts):
                    parties = list(dict.fromkeys(parts))
                    break
            am = _ACR.match(text[end : end + 12])
            acr = am.group(1) if am else None
            oacr = nm.groupdict().get("oacr")
            if oacr and _org_name(oacr):
                # "the 12th Summit of the Council of Heads of State of the OTS": the organisation's name
                acr = oacr
                name = name[: len(name) - len(oacr)] + _org_name(oacr)
            # the type: the head noun and the word before it ("Planning Group", "Coordination Committee")
            typ = " ".join(text[start : nm.end("head")].split()[-2:])
            out.append(
                BodyMention((start, end), text[start:end], typ, name, tuple(parties), acr, o.value, True)
            )
            continue
        mm = ministers_rx.match(text, at)
        if not mm:
            continue
        listed = mm.group("list")
        parties = []
        if listed:
            for part in re.split(r",\s+(?:and\s+)?|\s+and\s+", listed):
                c = _party_or_region(re.sub(r"^the\s+", "", part.strip()))
                if c and c not in parties:
                    parties.append(c)
        else:
            nw = re.match(r"(\w+)\s+countries", text[at : mm.start("name")])
            want = _N_COUNTRIES.get(nw.group(1).lower()) if nw else None
            if want:
                for p in places:
                    if p.span[0] >= o.span[0]:
                        break
                    if p.kind in ("country", "demonym") and p.country and p.country not in parties:
                        parties.append(p.country)
                if len(parties) != want:
                    parties = []
        body = "meeting of the " + _SPACES.sub(" ", mm.group("name"))
        if parties:
            body += " of " + (
                ", ".join(parties[:-1]) + " and " + parties[-1] if len(parties) > 1 else parties[0]
            )
            if len(parties) in _LATERAL:
                body = _LATERAL[len(parties)] + " " + body
        start = sm.start("s")
        out.append(
            BodyMention(
                (start, mm.end()),
                text[start : mm.end()],
                "Ministerial Meeting",
                body,
                tuple(parties),
                None,
                o.value,
                True,
            )
        )
    return out


# a capitalised word of a format's name ("EU", "China-Central", "Ministers'"): shared by the names an
# ordinal opens (_self_named_rx) and those told without one (_unnumbered_rxs)
_FORMAT_WORD = r"[A-Z][\w’'.]*(?:[-–][A-Z][\w’']*)*[’']?"


@lru_cache(maxsize=1)
def _self_named_rx() -> re.Pattern | None:
    heads = data.load("bodies")["generic"].get("self_heads") or []
    if not heads:
        return None
    word = _FORMAT_WORD
    # words of the name: capitalised, joined by spaces, "and", or a spaced dash between the sides
    alt = "|".join(map(re.escape, heads))
    sep = r"\s+(?:and\s+|[-–—]\s+)?"
    return re.compile(rf"(?P<name>{word}(?:{sep}{word}){{0,8}}?\s+(?P<head>{alt}))(?![\w-])")


_SIDES_DASH = re.compile(r"\s*[-–—]\s*")


def _dash_sides(raw: str) -> tuple[tuple[str, ...], str]:
    """A sitting's name and sides from the dash inside it ("EU – Central Asia High-Level … Dialogue"):
    one word before the dash, the longest run of words after it that names a side ("Central Asia",
    "Kyrgyz Republic"). No sides when the dash does not sit between two of them."""
    name = _SPACES.sub(" ", raw)
    dm = _SIDES_DASH.search(raw)
    if dm is not None and " " not in raw[: dm.start()].strip():
        a = _party_or_region(raw[: dm.start()])
        rest = raw[dm.end() :].split()
        for k in range(min(3, len(rest) - 1), 0, -1):
            b = _party_or_region(" ".join(rest[:k]))
            if a and b:
                return (a, b), f"{short_party(a)}–{short_party(b)} " + " ".join(rest[k:])
    return (), name


def _self_named(text: str, o) -> BodyMention | None:
    """ "the twelfth EU – Central Asia High-Level Political and Security Dialogue", "the sixth
    China-Central Asia Foreign Ministers' Meeting": an ordinal right before a capitalised name that
    ends in a noun which is itself a sitting (data/bodies.yaml generic.self_heads); the sides are
    the two names either side of the dash that opens it."""
    rx = _self_named_rx()
    nm = rx.match(text, o.span[1] + 1) if rx is not None else None
    if nm is None:
        return None
    start, end = nm.span("name")
    raw = text[start:end]
    parties, name = _dash_sides(raw)
    typ = " ".join(raw.split()[-2:])
    acr = None
    if not parties:
        # "the 12th General Assembly of the International Association "Trans-Caspian …" (TITR)": a
        # sitting named after the organisation that holds it; the name runs through the owner
        om = _SELF_OWNER.match(text, end)
        if om is not None:
            end = om.end("org")
            name = f"{name} of the {_QUOTES.sub('', om.group('org'))}"
            raw = text[start:end]
            acr = om.group("acr")
    return BodyMention((start, end), raw, typ, name, parties, acr, o.value, True)


_ORG_WORD = r"[A-Z][\w’'.-]*"
_SELF_OWNER = re.compile(
    rf"\s+of\s+the\s+(?P<org>(?:{_ORG_WORD}\s+){{0,4}}"
    rf"[\"“«]{_ORG_WORD}(?:\s+(?:of\s+|and\s+|for\s+)?{_ORG_WORD}){{0,8}}[\"”»]"
    rf"|{_ORG_WORD}(?:\s+(?:of\s+|and\s+|for\s+)?{_ORG_WORD}){{0,6}})"
    r"(?:\s*\((?P<acr>[A-Z]{2,8})\))?"
)
_QUOTES = re.compile(r"[\"“”«»]")


@lru_cache(maxsize=1)
def _unnumbered_rxs() -> tuple[LiteralScan, re.Pattern, re.Pattern]:
    """(sitting verb scan, name before it, name after it) for sittings of bodies no known type names and
    the text gives no ordinal (data/bodies.yaml generic.unnumbered_heads)."""
    g = data.load("bodies")["generic"]
    heads = sorted(g.get("unnumbered_heads") or [], key=len, reverse=True)
    word = _FORMAT_WORD
    sep = r"\s+(?:(?:and|of|on|for)\s+(?:the\s+)?|[-–—]\s+)?"
    alt = "|".join(re.escape(h) for h in heads)
    acr = r"(?:\s*\((?P<acr>[A-Z]{2,8})\))?"
    name = rf"(?P<name>{word}(?:{sep}{word}){{0,8}}?\s+(?P<head>{alt}))(?![\w-]){acr}"
    side = r"(?:the\s+)?([A-Z][\w-]*(?:\s[A-Z][\w-]*)?)"
    owners = rf"(?:\s+of\s+{side}\s+and\s+{side})?"
    # "… met", "… was held", "… held a meeting / its session"; "hosted / held / chaired the …": every
    # match opens with the verb, so only where those words stand is tried (interpret.scan)
    after = (
        r"(?P<after>(?:met|meets|convened|convenes|sat|was\s+held|were\s+held|is\s+held|has\s+been\s+held|"
        r"took\s+place|takes\s+place|held\s+(?:a|its|their)\s+(?:[\w-]+\s+){0,2}?(?:meeting|session|sitting))\b)"
    )
    before = (
        r"(?P<before>(?:hosted|hosts|held|holds|convened|chaired|co-chaired|opened)\s+(?:the|its|their)\s+"
        r"(?:(?:annual|regular|first|latest|inaugural|new)\s+)?)"
    )
    verb = LiteralScan(re.compile(rf"(?<![\w-])(?:{after}|{before})"))
    return verb, re.compile(name + owners + r"\s+$"), re.compile(name + owners)


@lru_cache(maxsize=1)
def _of_name_before_rx() -> re.Pattern:
    """The generic "<Head> of <Name> (of the <Organisation>)" name, ending where the search ends."""
    return re.compile(r"(?<![\w-])" + _generic_rx()[4].pattern + r"\s+$")


_BARE_SITTING = re.compile(
    r"(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Next|Last|Previous|Latest|"
    r"Annual|Regular|Extraordinary|Plenary|Inaugural|Ministerial|[IVXLC]+|\d+\w*)[\s-]+)+\w+"
)
_OF_AFTER = re.compile(r"\s+of\b")
# "Council of Foreign Ministers of the …": the heads a council of an organisation is named with (no
# "Board of Directors of the EBRD": a company's board)
_OF_NAME_HEADS = frozenset(("Council", "Commission", "Committee"))
_HABITUAL = re.compile(
    r"\s+(?:twice|thrice|\w+\s+times|regularly|annually|yearly|every|each|once|several|many|periodically)\b"
)
_NOT_NAME_START = re.compile(r"(?:The|This|That|Its|Their|A|An|On|In|At)\s+")


def _unnumbered_sittings(text: str, at: Openings | None = None) -> list[BodyMention]:
    """ "The EU–Central Asia Foreign Ministers' Meeting took place in Luxembourg", "Ashgabat hosted the
    EU – Central Asia High-Level Political and Security Dialogue": a capitalised name ending in a noun
    of a standing format, told as sitting, without an ordinal. A name the organisation gazetteer knows
    ("the European Commission met") is an institution, not a format."""
    from ..annotate.orgs import org_info

    verb, before_rx, after_rx = _unnumbered_rxs()
    out = []
    for v in verb.finditer(text, at):
        if _HABITUAL.match(text, v.end()):
            continue  # "met twice in 2024", "meets every year": how often, not a sitting
        of_name = None
        if v.group("after"):
            lo = max(0, v.start() - 160)
            nl = text.rfind("\n", lo, v.start())
            lo = nl + 1 if nl >= 0 else lo
            nm = before_rx.search(text, lo, v.start())
            if nm is None:
                # "The Council of Foreign Ministers of the Organization of Turkic States met …"
                of_name = _of_name_before_rx().search(text, lo, v.start())
        else:
            nm = after_rx.match(text, v.end())
            if nm is None:
                of_name = _generic_rx()[4].match(text, v.end())
        if of_name is not None:
            start, end = of_name.span("name")
            sm = _NOT_NAME_START.match(text, start, end)
            start = sm.end() if sm else start
            raw = text[start:end]
            if len(raw.split()) >= 4 and not org_info(raw) and of_name.group("head") in _OF_NAME_HEADS:
                name = _SPACES.sub(" ", raw)
                typ = of_name.group("head")  # "Council": what the name is (not "Council of")
                out.append(BodyMention((start, end), raw, typ, name, (), None, None, True))
            continue
        if nm is None:
            continue
        start, end = nm.span("name")
        sm = _NOT_NAME_START.match(text, start, end)
        if sm:
            start = sm.end()
        raw = text[start:end]
        if len(raw.split()) < 2 or org_info(raw) or org_info(raw.split(" of ")[0]):
            continue
        if _BARE_SITTING.fullmatch(raw) or (not nm.group(4) and _OF_AFTER.match(text, nm.end())):
            continue  # "chaired the Second Meeting of the … Council": a sitting of a body named after it
        parties, name = _dash_sides(raw)
        if not parties and nm.group(4) and nm.group(5):
            a, b = _party_or_region(nm.group(4)), _party_or_region(nm.group(5))
            if a and b:
                parties = (a, b)  # "the Joint Strategic Planning Group of Türkiye and Uzbekistan"
        typ = " ".join(raw.split()[-2:])
        out.append(BodyMention((start, end), raw, typ, name, parties, nm.group("acr"), None, True))
    return out


def _find_known_bodies(text: str, places: list[Place], at: Openings | None = None) -> list[BodyMention]:
    out = []
    weak = _weak_body_types()
    prefix = _body_prefix()
    name_words = _body_name_words()
    for m in _body_scan().finditer(text, at):
        typ = _SPACES.sub(" ", m.group("type"))
        pm = prefix.search(text, max(0, m.start() - 30), m.start()) if prefix else None
        loose = (
            typ.lower() in weak
            and not typ[0].isupper()
            and not _SITTING_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        )
        typ_c = " ".join(
            w[:1].upper() + w[1:] if w.lower() not in ("and", "of", "in", "on") else w.lower()
            for w in typ.split()
        )
        start, end = m.start(), m.end()
        if pm:  # "High-Level Energy Dialogue": a prefix any type may take (read here, not in the big regex)
            typ_c = " ".join(w[:1].upper() + w[1:] for w in re.split(r"[\s]+", pm.group(1))) + " " + typ_c
            start = pm.start()
        if name_words:
            # "Joint Business Council", "High-Level Strategic Cooperation Council": the longer name
            longer = False
            while (wm := _NAME_WORD_BEFORE.search(text, max(0, start - 30), start)) and wm.group(
                1
            ) in name_words:
                typ_c = wm.group(1) + " " + typ_c
                start = wm.start(1)
                longer = True
            if longer and prefix and (pm := prefix.search(text, max(0, start - 30), start)):
                typ_c = " ".join(w[:1].upper() + w[1:] for w in pm.group(1).split()) + " " + typ_c
                start = pm.start()
        ext = m.group("ext") or ""
        parties: list[str] = []
        # "Kazakhstan–EU Cooperation Council", "EU-Central Asia Summit"
        left = text[max(0, start - 60) : start]
        pm = _PARTY_PREFIX.search(left)
        if pm:
            a, b = _party_or_region(pm.group(1).strip()), _party_or_region(pm.group(2).strip())
            if a and b:
                parties = [a, b]
                start = start - (len(left) - pm.start())
        else:
            lm = _NAME_BEFORE.search(left)
            if (
                lm
                and _party_or_region(lm.group(1))
                and not text[start - len(lm.group(0)) - 2 : start].startswith("’s")
            ):
                parties = [_party_or_region(lm.group(1))]
        bm = _BETWEEN.match(text[end : end + 120])
        if bm and not parties:
            a, b = _party_or_region(bm.group(1)), _party_or_region(bm.group(2))
            if a and b:
                parties = [a, b]
        acr = None
        am = _ACR.match(text[end : end + 12])
        if am:
            acr = am.group(1)
            caps = re.findall(r"(?<![\w’'])([A-Z])[\w’'-]*", ext)
            if ext and "".join(caps[-len(acr) :]) == acr:
                acr = None  # "… on the development of the Trans-Caspian International Transport Route (TITR)"
        name = typ_c + (" " + ext.strip() if ext else "")
        if len(parties) == 2:
            name = f"{short_party(parties[0])}–{short_party(parties[1])} {name}"
        elif len(parties) == 1:
            name = f"{short_party(parties[0])} {name}"
        if loose and len(parties) < 2:
            continue  # "covers political dialogue, trade …": a topic, not a sitting
        out.append(BodyMention((start, end), text[start:end], typ_c, name, tuple(parties), acr))
    return out


# "Summit of the Gulf Cooperation Council (GCC) and the States of Central Asia": whose sitting a body
# without parties before it is, named after it ("of the <Name>", an acronym, "and the <Name>")
_OWNER_NAME = r"[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*)*"
_OF_OWNERS = re.compile(
    rf"\s+of\s+the\s+(?P<a>{_OWNER_NAME})(?:\s*\([A-Z]{{2,8}}\))?(?:\s+and\s+(?:the\s+)?(?P<b>{_OWNER_NAME}))?"
)
_BRACKETED_ACRONYM = re.compile(r"\s*\([A-Z]{2,8}\)")


def owner_phrase(text: str, body: BodyMention) -> tuple[int, str, tuple[str, ...]] | None:
    """(end, name, parties) of a body named with its owners after it ("Summit of the Gulf Cooperation
    Council and the States of Central Asia"), for a body with no parties before it; else None. Each
    owner is a country or region, or an organisation as the text names it."""
    if body.parties or body.generic:
        return None
    m = _OF_OWNERS.match(text, body.span[1])
    if not m:
        return None
    parties = []
    named = False  # an owner is an organisation, kept in the name as the text writes it
    end = m.end()
    for g in ("a", "b"):
        owner = m.group(g)
        if not owner:
            continue
        p = _party_or_region(owner)
        if p is None:
            inner = [x for x in find_places(owner) if x.kind in ("country", "region")]
            first = inner[0] if inner else None
            p = (first.name if first.kind == "region" else first.country) if first else owner
            if first is not None and first.span[0] == 0:
                end = m.start(g) + first.span[1]  # "… and Kazakhstan Foreign Minister X": the party only
            else:
                named = True
        if p and p not in parties:
            parties.append(p)
        if end < m.end():
            break
    if len(parties) == 2 and not named:
        # "the Intergovernmental Commission of the Republic of Latvia and Georgia": the usual name
        return end, f"{short_party(parties[0])}–{short_party(parties[1])} {body.name}", tuple(parties)
    name = _SPACES.sub(" ", _BRACKETED_ACRONYM.sub("", body.name + text[body.span[1] : end]))
    return end, name, tuple(parties)


@lru_cache(maxsize=4096)
def _is_body_name(name: str) -> bool:
    """Whether a name holds a body type (cached: organisation names come back across texts)."""
    return bool(_body_regex().search(name))


@lru_cache(maxsize=4096)
def _party_or_region(s: str) -> str | None:
    """The country or region a name before a body stands for (cached: a pure function of the
    name, and the same few names come back)."""
    s = s.strip()
    c = country_name(s)
    if c:
        return c
    for p in find_places(s):
        if p.text == s and p.kind in ("region", "demonym"):
            return p.name if p.kind == "region" else p.country
    return None
