"""The meeting a text reports: one sitting of a body named in the lead (headline and first
paragraph), with its ordinal, date, place, format, parties, heads per side and topics.

A body named only later in the text (an earlier or a next sitting) is a referenced event, not the
reported meeting (interpret.events).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from functools import lru_cache

from .. import data
from ..annotate.alternation import trie_alternation
from ..annotate.places import first_letters_ahead
from ..models import Head, Meeting
from .context import BodyMention, Context, _is_dateline_only, _months_before, owner_phrase
from .scan import LiteralScan, first_char_groups

__all__ = ["find_meetings", "main_body"]

_HEAD_CUES = re.compile(
    r"\b(?:led|leads|leading|headed|heading|chaired|chairing|co-chaired|co-chair\w*|presided|presiding|represented|hosted|"
    r"attended|delegation|chairmanship|side was|held|met|counterpart|brought\s+together)\b",
    re.I,
)
_EU_SIDE = re.compile(
    r"\b(?:EU|European)\s+(?:side|delegation)\b|\bthe EU was represented\b|"
    r"\bfor the EU\b|\bEU side\b|presidency of the Council",
    re.I,
)


@lru_cache(maxsize=1)
def _format_cues() -> tuple[re.Pattern, re.Pattern]:
    f = data.load("bodies")["format"]
    return (
        re.compile(r"\b(?:" + "|".join(map(re.escape, f["virtual"])) + r")\b", re.I),
        re.compile(r"\b(?:" + "|".join(map(re.escape, f["hybrid"])) + r")\b", re.I),
    )


# "Five months after the EU–Central Asia Summit", "ahead of the … Council": a body named as a point
# in time the text measures from is another occasion, not the one it reports
_REFERRED = re.compile(
    r"\b(?:after|before|since|ahead\s+of|on\s+the\s+eve\s+of|in\s+the\s+run-up\s+to|following|prior\s+to|"
    r"preparations?\s+(?:of|for))\s+(?:the\s+)?"
    r"(?:(?:first|second|third|last|next|[\w-]+th|\d+(?:st|nd|rd|th))\s+)?"
    # "ahead of the 23rd meeting of the … Council": the body named after its sitting
    r"(?:(?:meeting|session|sitting)\s+of\s+(?:the\s+)?)?$",
    re.I,
)


# "the forthcoming 23rd meeting of the … Council", "the agenda of the next meeting of the …", "the
# previous Cooperation Council": a sitting the adjective places before or after the text's own occasion
_NOT_THIS = re.compile(
    r"\b(?:forthcoming|upcoming|next|coming|future|planned|scheduled|previous|last|past)\s+"
    r"(?:(?:[\w-]+th|\d+(?:st|nd|rd|th)|first|second|third)\s+)?"
    r"(?:(?:meeting|session|sitting)\s+of\s+(?:the\s+)?)?$",
    re.I,
)


_NOT_THIS_WORDS = ("next", "coming", "future", "planned", "scheduled", "previous", "last", "past")


def _not_this(text: str, pos: int) -> bool:
    """_NOT_THIS right before `pos`, tested only when one of its words is there."""
    lo = max(0, pos - 60)
    window = text[lo:pos].lower()
    if not any(w in window for w in _NOT_THIS_WORDS):
        return False
    return _NOT_THIS.search(text, lo, pos) is not None


# "Kazakhstan and EU to hold 22nd Cooperation Council next week", "Baku will host the next …": a
# sitting someone is still to hold is an event, not the report
_PLANNED_BEFORE = re.compile(
    r"\b(?:to|will|shall|would)\s+(?:hold|host|convene|organi[sz]e)\s+(?:the\s+|its\s+|their\s+|a\s+)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)

# "Delegations met in Tashkent on Monday to hold the third round …": held, by the verb before
_MET_TO = re.compile(r"\b(?:met|gathered|convened|came\s+together|arrived|travelled|traveled)\b[^.;]{0,60}$")


def _planned_before(ctx: Context, b: BodyMention) -> bool:
    s = ctx.sentence_at(b.span[0])
    m = _PLANNED_BEFORE.search(ctx.text, max(s.start, b.span[0] - 50), b.span[0])
    return m is not None and not _MET_TO.search(ctx.text, max(s.start, m.start() - 80), m.start())


# "The fourth … Committee is scheduled for 2025": a sitting still ahead is an event, not the report
_UPCOMING = re.compile(
    r",?\s+(?:which\s+|that\s+)?"
    r"(?:(?:is|are)\s+(?:scheduled|planned|expected|due|to\s+be\s+held)|will\s+(?:be\s+held|take\s+place|meet|convene))\b"
    # "…, to be held in Brussels in January", "…, due to take place in May": a participle clause
    r"|,\s+(?:to\s+be\s+(?:held|convened)|due\s+to\s+(?:be\s+held|take\s+place|convene)|"
    r"(?:scheduled|planned|set|slated)\s+(?:for|in)|which\s+opens)\b"
)


_YEAR4 = re.compile(r"\b(?:19|20)\d\d\b")
_LAST_YEAR = re.compile(r"\blast\s+year\b|\byears?\s+ago\b", re.I)


# where the clause naming a sitting ends: another occasion's date may follow ("It was the third
# meeting … since their presidents signed … in November last year")
_CLAUSE_END = re.compile(r"[;:]|,\s+(?!\d)|\s(?:since|after|before|when|while|following)\s")


def _long_before(ctx: Context, b: BodyMention, own_clause: bool = False) -> bool:
    """ "The Treaty was signed in Astana on 17 June 2025 during the second … Summit" in a text of
    April 2026: a sitting whose sentence dates it months before publication is an earlier occasion.
    With `own_clause`, only the dates up to the end of the clause that names it count."""
    if not ctx.published or len(ctx.published) < 7:
        return False
    s = ctx.sentence_at(b.span[0])
    hi = s.end
    if own_clause:
        m = _CLAUSE_END.search(ctx.text, b.span[1], s.end)
        hi = m.start() if m else s.end
    # only dates that write their year: a bare "4 June" is read against an anchor that may be off
    # ("June last year" says its year too)
    vals = [
        d.value
        for d in ctx.dates_in(s.start, hi)
        if d.value and len(d.value) >= 7 and (_YEAR4.search(d.text) or _LAST_YEAR.search(d.text))
    ]
    if own_clause and not vals:
        # "… adopted the roadmap in 2023", "which met in Riga last year": a whole year before the text's
        years = [d.value for d in ctx.dates_in(s.start, hi) if d.value and len(d.value) == 4]
        return bool(years) and all(y.isdigit() and int(y) < int(ctx.published[:4]) for y in years)
    if not vals:
        return False
    pub = ctx.published[:7]
    # months between: "2025-06" → 2025 * 12 + 6
    months = int(pub[:4]) * 12 + int(pub[5:7])
    return all(months - (int(v[:4]) * 12 + int(v[5:7])) >= 3 for v in vals)


def main_body(ctx: Context) -> BodyMention | None:
    """The body whose sitting the text reports: the first one named in the lead, outside quotes."""
    lead_end = ctx.lead_end
    found = [
        b
        for b in ctx.all_bodies
        if b.span[0] < lead_end
        and not ctx.in_quote(b.span[0])
        and not _REFERRED.search(ctx.text[max(0, b.span[0] - 60) : b.span[0]])
        and not _not_this(ctx.text, b.span[0])
        and not _UPCOMING.match(ctx.text, b.span[1])
        and not _planned_before(ctx, b)
        and not _long_before(ctx, b)
    ]
    body_text = [b for b in found if not ctx.is_heading(b.span[0])]
    if body_text or found:
        return (body_text or found)[0]
    # a lead that announces a sitting ("… will take place in Brussels on 27 January"): its date and
    # place are that sitting's, none of a sitting the text reports further on (see _late_attrs)
    ctx.memo["lead_announces"] = any(
        b.span[0] < lead_end and (_UPCOMING.match(ctx.text, b.span[1]) or _planned_before(ctx, b))
        for b in ctx.all_bodies
    )
    # "The talks took place within the framework of the 23rd meeting of the … Committee" in the
    # paragraph (or line) after the lead: a sitting said to be under way, not a next or earlier one
    nxt = next((x for x in ctx.sentences if x.start >= lead_end and not ctx.is_heading(x.start)), None)
    if nxt is None:
        return None
    margins = _margins_sitting(ctx)
    if margins is not None:
        return margins
    window_end = ctx.text.find("\n", nxt.start)
    window_end = len(ctx.text) if window_end < 0 else window_end
    # the paragraph after that one too, when it says who chaired the sitting ("Within the framework of
    # the visit the Ministers co-chaired the fourth meeting of the Council …")
    chaired_end = ctx.text.find("\n", window_end + 1) if window_end < len(ctx.text) else -1
    while chaired_end >= 0 and not ctx.text[window_end:chaired_end].strip():
        chaired_end = ctx.text.find("\n", chaired_end + 1)
    chaired_end = len(ctx.text) if chaired_end < 0 else chaired_end
    for b in ctx.all_bodies:
        if b.span[0] < nxt.start or ctx.in_quote(b.span[0]) or ctx.is_heading(b.span[0]):
            continue
        if b.span[0] >= chaired_end:
            break
        s = ctx.sentence_at(b.span[0])
        if b.span[0] >= window_end and not _chaired(ctx, s):
            continue
        if _recalled(ctx, b, s) or _in_answer(ctx, s):
            continue
        # "since the first … Summit was held in Xi'an on May 18-19, 2023", "At the Cooperation
        # Council in Luxembourg in October 2024, …" in a later text: an earlier occasion, as in the lead
        if _REFERRED.search(ctx.text, max(0, b.span[0] - 60), b.span[0]) or _long_before(
            ctx, b, own_clause=True
        ):
            continue
        if _held_weeks_before(ctx, b):
            continue
        left = ctx.text[s.start : b.span[0]]
        right = ctx.text[b.span[1] : s.end]
        if re.search(r"\b(?:next|previous|last|upcoming|following|former)\b", left[-40:], re.I):
            continue
        if re.search(
            r"\b(?:will|would|is expected|are expected|to be held|planned|scheduled)\b", right[:80], re.I
        ):
            continue
        if _INVITED_TO.search(left[-60:]):
            continue  # "were invited to the Council's plenary session": a sitting still ahead
        if _UPCOMING.match(ctx.text, b.span[1]) or re.search(
            r"\bpreparations?\s+(?:of|for)\s+the\s+(?:[\w-]+\s+){0,3}$", left[-60:], re.I
        ):
            continue  # "the preparation of the 7th meeting of the Council, which is scheduled to …"
        if re.search(
            r"\b(?:took place|was held|were held|held|met|hosted|convened|chaired|co-chaired|opened|"
            r"brought together|attended|gathered|"
            r"within the framework of|at the|during the|(?:it|this|that)\s+was\s+the)\b",
            ctx.text[s.start : s.end],
            re.I,
        ) or _headline_meets(ctx, b):
            return b
    return _held_lately(ctx) or _held_undated(ctx) or _programme_sitting(ctx)


# "of the", "meeting of the": a numbered sitting's words before the body's name
_SITTING_BEFORE = re.compile(r"\b(?:meeting|session|sitting)\s+of\s+(?:the\s+)?$")


def _programme_sitting(ctx: Context) -> BodyMention | None:
    """ "- **Tuesday 2 December, Tashkent:** meeting with …, and the 9th meeting of the EU–Uzbekistan
    Parliamentary Cooperation Committee" in the programme of a visit a report (or a release after it)
    gives, when the lead reports no sitting: a numbered sitting on a list item dated on a day before
    publication, told with no future or earlier marker, is the sitting reported (its date and place
    are its line's; a week-ahead advisory's items lie after publication and stay events)."""
    if ctx.anchor is None:
        return None
    for b in ctx.all_bodies:
        if b.span[0] < ctx.lead_end or ctx.in_quote(b.span[0]) or ctx.is_heading(b.span[0]):
            continue
        ls = ctx.text.rfind("\n", 0, b.span[0]) + 1
        if not _LIST_ITEM.match(ctx.text, ls):
            continue
        le = _line_end(ctx.text, b.span[0])
        if not _SITTING_BEFORE.search(ctx.text, max(ls, b.span[0] - 30), b.span[0]):
            continue
        numbered = b.number is not None or any(
            max(ls, b.span[0] - 60) <= o.span[0] < b.span[0] for o in ctx.ordinals
        )
        if not numbered or _NOT_NOW.search(ctx.text, ls, le) or _FUTURE_WORDS.search(ctx.text, ls, le):
            continue
        for d in ctx.dates_in(ls, le):
            if d.granularity != "day" or d.end or not d.value[:4].isdigit() or d.span[0] > b.span[0]:
                continue
            try:
                before = date.fromisoformat(d.value) <= ctx.anchor
            except ValueError:
                continue
            if before:
                ctx.memo["late_sitting"] = (b.span, d)
                ctx.memo["programme_line"] = (ls, le)
                return b
    return None


# ", which met by videoconference", " was held in Astana": the body's own clause tells it sat
_HELD_OWN = re.compile(
    r"(?:,?\s+(?:which|that))?(?:\s+[\w-]+){0,2}?\s+(?:met|sat|convened|(?:was|were)\s+held|took\s+place)\b"
)


# "Astana hosted the 7th meeting of the …", "the ministers held the third session of the …": told as
# held by the verb before the body
_HOSTED_BEFORE = re.compile(
    r"\b(?:hosted|held|convened|chaired|co-chaired)\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:(?:meeting|session|sitting)\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+)?$"
)


def _held_lately(ctx: Context) -> BodyMention | None:
    """ "The Council was prepared on Monday by the Cooperation Committee in trade configuration, which
    met by videoconference …" in a text whose lead reports no sitting (an announcement, a briefing):
    a sitting told further on as held, on a day in the week before publication, is the one reported
    (its date, place and format are its own sentence's, see _late_attrs)."""
    if ctx.anchor is None:
        return None
    for b in ctx.all_bodies:
        if b.span[0] < ctx.lead_end or ctx.in_quote(b.span[0]) or ctx.is_heading(b.span[0]):
            continue
        s = ctx.sentence_at(b.span[0])
        if _FUTURE_WORDS.search(ctx.text, s.start, s.end):
            continue
        # "…, which met by videoconference", or "On Wednesday, Astana hosted the 7th meeting of the …"
        if not _HELD_OWN.match(ctx.text, b.span[1], s.end) and not _HOSTED_BEFORE.search(
            ctx.text, max(s.start, b.span[0] - 60), b.span[0]
        ):
            continue
        if _recalled(ctx, b, s):
            continue
        for d in ctx.dates_in(s.start, s.end):
            if d.granularity != "day" or d.end or not d.value[:4].isdigit():
                continue
            try:
                days = (ctx.anchor - date.fromisoformat(d.value)).days
            except ValueError:
                continue
            if 0 <= days <= 7:
                ctx.memo["late_sitting"] = (b.span, d)
                return b
    return None


# "The visit concluded with the 9th meeting of …", "Riga hosted the 9th meeting of …", "took part in
# the 9th session of …": a numbered sitting told as held by the verb before it
_UNDATED_HELD_BEFORE = re.compile(
    r"\b(?:hosted|held|convened|chaired|co-chaired|(?:concluded|ended|culminated|closed)\s+with|"
    r"took\s+part\s+in|participated\s+in|attended)\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:(?:meeting|session|sitting)\s+of\s+(?:the\s+)?)?(?:[\w-]+\s+)?$"
)
_NOT_NOW = re.compile(
    r"\b(?:next|previous|last|upcoming|earlier|former|ago|will|would|planned|scheduled)\b", re.I
)


def _held_undated(ctx: Context) -> BodyMention | None:
    """ "Minister A paid an official visit to Latvia … The same day, the 9th meeting of the … Commission
    took place": in a text whose lead reports no sitting, the first numbered sitting told as held
    further on, in a sentence that gives it no date (none other than the text's own occasion) and
    nothing that makes it an earlier or a later one, is the sitting reported."""
    if not ctx.sentences or ctx.lead_end <= 0:
        return None
    lead_para = ctx.sentence_at(ctx.lead_end - 1).paragraph
    for b in ctx.all_bodies:
        if b.span[0] < ctx.lead_end or ctx.in_quote(b.span[0]) or ctx.is_heading(b.span[0]):
            continue
        s = ctx.sentence_at(b.span[0])
        if s.paragraph > lead_para + 3:
            break  # deep in a text about something else ("During the same visit she chaired …")
        if ctx.dates_in(s.start, s.end) or _NOT_NOW.search(ctx.text, s.start, s.end):
            continue
        numbered = b.number is not None or any(
            max(s.start, b.span[0] - 60) <= o.span[0] < b.span[0] for o in ctx.ordinals
        )
        if not numbered:
            continue
        if not (
            _HELD_OWN.match(ctx.text, b.span[1], s.end)
            or _UNDATED_HELD_BEFORE.search(ctx.text, max(s.start, b.span[0] - 70), b.span[0])
        ):
            continue
        if _recalled(ctx, b, s) or _in_answer(ctx, s):
            continue
        if _REFERRED.search(ctx.text, max(0, b.span[0] - 60), b.span[0]):
            continue
        return b
    return None


# "EU–Central Asia foreign ministers meet in Bishkek": a title that reports a sitting by who meets
_MEET_VERB = re.compile(r"\b(?:meet|meets|gather|gathers|convene|convenes|sit|sits)\b", re.I)


def _headline_meets(ctx: Context, b: BodyMention) -> bool:
    """The title says the sides of this body meet (live blogs, wires that name the body only below):
    the body named right after the lead, with those sides, is the sitting reported."""
    end = ctx._title_end
    if not end or len(b.parties) < 2 or not _MEET_VERB.search(ctx.text, 0, end):
        return False
    named = {p.country if p.kind in ("country", "demonym") else p.name for p in ctx.places_in(0, end)}
    return all(p in named for p in b.parties)


# "Q: …" / "A: I co-chaired the meeting of the … sub-committee": an interview's questions and answers
_QA_LINE = re.compile(r"[*_]*(?:Q|A|Question|Answer)[*_]*\s*(?::|[—–]|-\s)")


def _in_answer(ctx: Context, s) -> bool:
    """A sentence in an interview's question or answer: what the speaker recalls there is no sitting
    the text reports (the text's occasion is the interview)."""
    first = next((x for x in ctx.sentences if x.paragraph == s.paragraph), s)
    return _QA_LINE.match(first.text.lstrip()) is not None


_CHAIRED = re.compile(
    r"\b(?:co-chaired|chaired|presided\s+over|co-chairmanship|chairmanship|co-chaired\s+by|chaired\s+by)\b"
)
_RECALLED = re.compile(r"\b(?:recalled|recalling|recalls|recall|remembered)\b")


def _chaired(ctx: Context, s) -> bool:
    """The sentence (or the next) says who chaired the sitting."""
    if _CHAIRED.search(ctx.text, s.start, s.end):
        return True
    i = ctx.sentence_index(s.start) + 1
    return i < len(ctx.sentences) and _CHAIRED.search(ctx.sentences[i].text) is not None


def _recalled(ctx: Context, b: BodyMention, s) -> bool:
    """ "She recalled the eighth meeting of the Joint Committee, held in Ulaanbaatar in June last
    year": a sitting the text only recalls, months before it was written and with nobody named as
    its chair, is an earlier occasion (interpret.events), not the one reported."""
    if _chaired(ctx, s):
        return False
    if _RECALLED.search(ctx.text, s.start, b.span[0]):
        return True
    held = _HELD_CLAUSE.match(ctx.text, b.span[1])
    if held is None:
        return False
    vals = [d.value for d in ctx.dates_in(held.start(), held.end()) if d.value and len(d.value) >= 7]
    if not vals and ctx.published:
        # ", which met in Riga last year": a year before the text's own
        years = [d.value for d in ctx.dates_in(held.start(), held.end()) if d.value and len(d.value) == 4]
        return bool(years) and all(y.isdigit() and int(y) < int(ctx.published[:4]) for y in years)
    return bool(vals) and all(_months_before(v, ctx.published, 3) for v in vals)


def _held_weeks_before(ctx: Context, b: BodyMention) -> bool:
    """ "…, the EU–Central Asia Summit, held in Samarkand in April 2025, …" after the lead of a June
    text: a sitting its own "held" clause dates a month or more before the text is an earlier occasion
    (one the lead does not report; a sitting in the lead keeps the three months of _recalled)."""
    held = _HELD_CLAUSE.match(ctx.text, b.span[1])
    if held is None or ctx.anchor is None or not ctx.published:
        return False
    if _chaired(ctx, ctx.sentence_at(b.span[0])):
        return False  # told with who chaired it: reported second-hand, as _recalled
    vals = [d for d in ctx.dates_in(held.start(), held.end()) if d.value and len(d.value) >= 7]
    if not vals:
        return False
    for d in vals:
        if len(d.value) == 7:
            if not _months_before(d.value, ctx.published, 2):
                return False
            continue
        try:
            if (ctx.anchor - date.fromisoformat(d.value[:10])).days < 31:
                return False
        except ValueError:
            return False
    return True


# ", held in Ulaanbaatar in June last year": the sitting's own clause
_HELD_CLAUSE = re.compile(
    r",?\s+(?:which\s+|that\s+)?(?:was\s+)?(?:held|took\s+place|convened|met)\b[^.;,]{0,80}"
)


_INVITED_TO = re.compile(r"\binvit(?:ed|es|e|ation)\s+(?:\w+\s+){0,3}to\s+(?:attend\s+)?(?:the\s+)?$")


# "The agreements were signed on the margins of the 12th meeting of the … Committee, held in Bishkek
# on 7-8 October": the occasion of what the text reports, told later in it
_ON_MARGINS = re.compile(
    r"\b(?:on|at)\s+the\s+(?:margins|sidelines|fringes|side-lines)\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}$",
    re.I,
)



def _margins_sitting(ctx: Context) -> BodyMention | None:
    """A body whose sitting the text's business was done on the margins of, anywhere in the text,
    dated within three days of the publication (a sitting chaired after the lead: main_body)."""
    if ctx.anchor is None:
        return None
    for b in ctx.all_bodies:
        if ctx.in_quote(b.span[0]) or ctx.is_heading(b.span[0]):
            continue
        s = ctx.sentence_at(b.span[0])
        lo = max(s.start, b.span[0] - 80)
        if not _ON_MARGINS.search(ctx.text, lo, b.span[0]):
            continue
        if _UPCOMING.match(ctx.text, b.span[1]) or re.search(r"\b(?:will|would)\b", s.text):
            continue
        for d in ctx.dates_in(s.start, s.end):
            if d.granularity != "day" or not d.value[:4].isdigit():
                continue
            try:
                days = (ctx.anchor - date.fromisoformat(d.value)).days
            except ValueError:
                continue
            if 0 <= days <= 3:
                return b
    return None


_SITTING_TYPES = frozenset(("Ministerial Meeting", "Ministerial Conference", "Consultative Meeting"))
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_HEADS_COUNCIL = re.compile(r"Council\s+of\s+(?:the\s+)?Heads\s+of\s+(?:State|Government)")


def _sitting_of_body(ctx: Context, body: BodyMention) -> BodyMention:
    """ "the 11th ministerial meeting of the Southern Gas Corridor Advisory Council": a sitting named
    of a body is a sitting of that body; the body is the one reported."""
    summit = body.type == "Summit"
    if (body.type not in _SITTING_TYPES and not summit) or body.parties:
        return body
    m = _OF_THE.match(ctx.text, body.span[1])
    if not m:
        return body
    owner = next((b for b in ctx.all_bodies if b.span[0] == m.end()), None)
    if owner is None or (summit and not _HEADS_COUNCIL.match(owner.name)):
        return body  # a summit is a sitting of a council of heads ("Summit of the Council of Heads of State")
    if owner.number is None and body.number is not None:
        from dataclasses import replace

        owner = replace(owner, number=body.number)
    return owner


def _parties(ctx: Context, body: BodyMention) -> list[str]:
    if len(body.parties) >= 2:
        return list(body.parties)
    counts: Counter[str] = Counter()
    for p in ctx.places:
        if p.kind in ("country", "demonym") and p.country and p.span[0] < max(ctx.lead_end, 600):
            counts[p.country] += 1
    found = list(body.parties)
    for name, _ in counts.most_common():
        if name not in found:
            found.append(name)
        if len(found) == 2:
            break
    return found


_NTH_TIME = re.compile(r"\s+time\b")
_SITTING_OF_NAME = re.compile(
    r"\s+(?:round|meeting|session|sitting)\s+of\s+(?:the\s+)?(?:[A-Z][\w’'–-]*\s+){0,5}", re.I
)
_MET_FOR_THE = re.compile(
    r"\b(?:met|meets|meeting|convened|convenes|convening|gathered|sat|sitting)\s+for\s+the\s+$"
)


@lru_cache(maxsize=256)
def _near_rx(typ_last: str, acronym: str | None) -> re.Pattern:
    """The body's type word, or the acronym the text gives it ("the fourth IGC session"); compiled
    once per type and acronym."""
    alt = re.escape(typ_last) + (f"|{re.escape(acronym)}" if acronym else "")
    return re.compile(rf"\b(?:{alt})\b", re.I)


_SITTING_NEXT = re.compile(r"\s*(?:session|meeting|sitting)\b")
_NEXT_SINCE = re.compile(r"\b(?:next|since|following|previous|last)\b", re.I)
_SINCE_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}\s+since\b")


def _number(ctx: Context, body: BodyMention) -> int | None:
    """Ordinal of the sitting: next to the body in its sentence, or next to the same body type in
    the lead ("held its fourteenth session", "XII meeting of the Cooperation Committee")."""
    typ_last = body.type.split()[-1].lower()
    near_rx = _near_rx(typ_last, body.acronym)
    lead_end = ctx.lead_end
    best = None
    limit = max(lead_end, body.span[1] + 1)
    if body.span[0] >= lead_end:
        # a sitting named after the lead: its own sentence may put the ordinal after the name
        # ("at the Latvian–Uzbek Intergovernmental Commission's 11th session in Riga")
        limit = max(limit, ctx.sentence_at(body.span[0]).end)
    for o in ctx.ordinals:
        if o.span[0] >= limit or ctx.in_quote(o.span[0]):
            continue
        s = ctx.sentence_at(o.span[0])
        sent = ctx.text[s.start : s.end]
        # the same body type must be named in that sentence
        bodies_here = [
            b
            for b in ctx.bodies
            if s.start <= b.span[0] < s.end and b.type.split()[-1] == body.type.split()[-1]
        ]
        near_type = near_rx.search(sent)
        if not bodies_here and not near_type:
            continue
        if bodies_here:
            # the mention of the body nearest to the ordinal ("17th meeting of the … Council")
            ref = min((b.span for b in bodies_here), key=lambda sp: abs(sp[0] - o.span[1]))
        else:
            ref = (s.start + near_type.start(), s.start + near_type.end())
        gap = ref[0] - o.span[1] if o.span[1] <= ref[0] else o.span[0] - ref[1]
        after_ok = o.span[0] >= ref[1] and (
            _SITTING_NEXT.match(ctx.text, o.span[1])
            # "the committee … met for the sixteenth time"
            or (_NTH_TIME.match(ctx.text, o.span[1]) and _MET_FOR_THE.search(ctx.text, ref[1], o.span[0]))
        )
        # "the third round of the China-Uzbekistan Foreign Ministers' Strategic Dialogue": the words
        # between are the sitting noun and the capitalised rest of the body's name
        named_between = (
            o.span[1] <= ref[0] and gap <= 90 and _SITTING_OF_NAME.fullmatch(ctx.text, o.span[1], ref[0])
        )
        if (o.span[1] <= ref[0] and (gap <= 45 or named_between)) or (after_ok and gap <= 75):
            if _NEXT_SINCE.search(ctx.text[max(s.start, o.span[0] - 12) : o.span[0]]):
                continue
            if _SINCE_AFTER.match(ctx.text[o.span[1] : o.span[1] + 60]):
                continue  # "the first Committee meeting since …" describes the sitting, not its number
            if best is None or gap < best[0]:
                best = (gap, o.value)
    return best[1] if best else None


_SUCH_SITTING = re.compile(
    r"\b(?:[Ii]t|[Tt]his|[Tt]he\s+(?:meeting|session|sitting|round|talks|consultations|summit))\s+"
    r"(?:was|were|is|marked)\s+the\s+([\w-]+)\s+(?:such\s+)?(?:meeting|session|sitting|round|summit|edition)\b"
    r"(?!(?:\s+[\w-]+){0,3}\s+since\b)"
)


def _such_number(ctx: Context) -> int | None:
    """ "… were held in Riga on 3 June. It was the fifth such round.": the ordinal the lead gives the
    reported sitting in a sentence of its own."""
    lead = ctx.text[: ctx.lead_end]
    if " such " not in lead and " was the " not in lead:
        return None
    for m in _SUCH_SITTING.finditer(lead):
        if ctx.in_quote(m.start()):
            continue
        o = next((x for x in ctx.ordinals if x.span[0] == m.start(1)), None)
        if o is not None:
            return o.value
    return None


def _meeting_sentences(ctx: Context, body: BodyMention) -> list:
    lead_end = ctx.lead_end
    return [s for s in ctx.sentences if s.start < lead_end]


def _date(ctx: Context, body: BodyMention):
    s = ctx.sentence_at(body.span[0])
    cands = [d for d in ctx.dates_in(s.start, s.end)]
    cands += [
        d
        for s2 in _meeting_sentences(ctx, body)
        if s2.start != s.start
        for d in ctx.dates_in(s2.start, s2.end)
    ]
    dateline_end = _dateline_end(ctx)
    cands = [d for d in cands if d.span[0] >= dateline_end]
    # a line that is only a dateline or byline ("*Central Asia desk · 8 July 2025*") dates the text,
    # not the sitting: its date is the last resort
    # (nor is a date inside an aside, "Aliyev, who arrived in Tashkent on 16 September on a state
    # visit, held talks … on Wednesday": the arrival's)
    cands.sort(key=lambda d: (_is_dateline_only(ctx.sentence_at(d.span[0]).text), _in_aside(ctx, d.span[0])))
    for want in ("day", "month"):
        for d in cands:
            if d.granularity == want:
                if want == "day" and not d.end and not (d.span[0] >= s.start and _own_day(ctx, body, d)):
                    return _spanning(ctx, body, d)
                return d
    again = _named_again(ctx, body)
    if again is not None:
        return again
    return None


def _own_day(ctx: Context, body: BodyMention, d) -> bool:
    """ "On 11 June, Ms Hakala took part in the 12th meeting of the … Committee" after "In Dushanbe on
    10–11 June, she held talks …": a calendar day written in the body's own sentence is the sitting's
    day, not one day of a range the text gives another occasion (a weekday or "today" may be)."""
    s = ctx.sentence_at(body.span[0])
    if _LAST_DAY.search(ctx.text, s.start, s.end):
        return False  # "The summit ended in Samarkand on 4 April": one day of its range
    return d.span[1] <= s.end and any(c.isdigit() for c in d.text)


_LAST_DAY = re.compile(r"\b(?:ended|ends|closed|concluded|wrapped\s+up|(?:second|final|last)\s+day)\b")


def _again_sentences(ctx: Context, body: BodyMention) -> list:
    """The sentences, up to two paragraphs on, that name the same body again."""
    last = body.type.split()[-1]
    para = ctx.sentence_at(body.span[0]).paragraph
    out = []
    for b in ctx.all_bodies:
        if b.span[0] <= body.span[1] or b.type.split()[-1] != last:
            continue
        s = ctx.sentence_at(b.span[0])
        if s.paragraph > para + 2:
            break
        out.append(s)
    return out


def _named_again(ctx: Context, body: BodyMention):
    """ "The 11th meeting of the … Commission held in Baku" as the lead, then "The 11th meeting of the …
    Commission was held in Baku on March 5": the day the next sentence naming the same body gives."""
    dateline_end = _dateline_end(ctx)
    for s in _again_sentences(ctx, body):
        days = [
            d for d in ctx.dates_in(s.start, s.end) if d.span[0] >= dateline_end and d.granularity == "day"
        ]
        if days:
            return days[0]
    return None


_HELD_PAST = re.compile(
    r"\b(?:was|were)\s+held\b|\btook\s+place\b|\bconvened\b|\bmet\b|\btoday\b|(?<!\bhad\s)\bco-chaired\b"
)


# the words a speech's title opens with (_DELIVERED_AT, _SPEECH_BY)
_SPEECH_WORDS = r"[Ss]peech|[Rr]emarks|[Ss]tatement|[Aa]ddress|[Ii]ntervention"
# "Speech by X at the Fourth Meeting of", "Remarks … to the 21st session of": a speech given at the sitting
_DELIVERED_AT = re.compile(
    rf"\b(?:{_SPEECH_WORDS})\b[^\n.]{{0,160}}?\s(?:at|to|before)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:(?:[Mm]eeting|[Ss]ession|[Ss]itting)\s+of\s+(?:the\s+)?)?$"
)


def _dateline_day(ctx: Context, body: BodyMention):
    """ "Astana, 24 September 2025. The twenty-sixth meeting … was held in Astana.": a sitting the lead
    tells as held, with no date of its own, took place on the day of the dateline; so did one the body
    text reports at the visit ("Within the framework of the visit the Ministers co-chaired …")."""
    try:
        from ..annotate.dates import dateline_mention
    except ImportError:
        return None
    dl = dateline_mention(ctx.text)
    if dl is None or dl.granularity != "day":
        return None
    if body.span[0] >= ctx.lead_end:
        return dl
    if body.span[0] < dl.span[0] and _DELIVERED_AT.search(ctx.text, max(0, body.span[0] - 200), body.span[0]):
        # "Opening speech by … at the Fourth Meeting of …" over "Samarkand, 7 November 2026": the
        # dateline dates the speech, given at the sitting
        return dl
    for s in [ctx.sentence_at(body.span[0]), *_meeting_sentences(ctx, body)]:
        if s.start >= dl.span[1] and not ctx.is_heading(s.start) and _HELD_PAST.search(s.text):
            return dl
    return None


_EVE = re.compile(r"\b(?:[Oo]n\s+the\s+eve\s+of|[Tt]he\s+day\s+before)\s+(?:the|this|his|her|their)\s+\w+")


def _eve(ctx: Context, body: BodyMention, d):
    """ "On the eve of the visit, the 11th meeting of the … Commission was held" in a text dated by
    the visit's day: the sitting was the day before."""
    if d is None or d.granularity != "day" or d.end:
        return d
    s = ctx.sentence_at(body.span[0])
    if not _EVE.search(ctx.text, s.start, body.span[0]):
        return d
    from dataclasses import replace
    from datetime import timedelta

    try:
        day = date.fromisoformat(d.value) - timedelta(days=1)
    except ValueError:
        return d
    ctx.memo["meeting_on_eve"] = True  # the text's own occasion (the visit) keeps the dateline's day
    return replace(d, value=day.isoformat())


_ASIDE = re.compile(r",\s+(?:who|which)\s[^,;]*,")


def _in_aside(ctx: Context, pos: int) -> bool:
    s = ctx.sentence_at(pos)
    return any(m.start() <= pos < m.end() for m in _ASIDE.finditer(ctx.text, s.start, s.end))


def _spanning(ctx: Context, body: BodyMention, d):
    """ "ended … on Friday" and later "The summit, held on 3–4 April": the range holding the day."""
    word = body.type.split()[-1].lower()
    for r in ctx.dates:
        if r.end and r.granularity == "day" and r.value <= d.value <= r.end:
            s = ctx.sentence_at(r.span[0])
            if re.search(
                rf"\b(?:{re.escape(word)}|meeting|session|summit|talks)\b", ctx.text[s.start : s.end], re.I
            ):
                return r
    return d


def _dateline_end(ctx: Context) -> int:
    try:
        from ..annotate.dates import dateline_end
    except ImportError:
        return 0
    return dateline_end(ctx.text)


def _place(ctx: Context, body: BodyMention, fmt: str | None) -> str | None:
    sentences = [ctx.sentence_at(body.span[0])] + _meeting_sentences(ctx, body)
    for s in sentences + _again_sentences(ctx, body)[:1]:
        for p in ctx.places_in(s.start, s.end):
            if p.kind != "city" or ctx.in_quote(p.span[0]):
                continue
            before = ctx.text[max(s.start, p.span[0] - 12) : p.span[0]]
            if re.match(r"\s+(?:hosted|hosts)\b", ctx.text[p.span[1] : p.span[1] + 12]):
                return p.name  # "London hosted the ninth meeting …"
            # "took place in **Chengdu on 14 July**": Markdown emphasis may open between "in" and the
            # city; "held in the city of Turkestan"
            wide = ctx.text[max(s.start, p.span[0] - 24) : p.span[0]]
            if _IN_AT_END.search(wide) and not re.search(r"\b(?:Delegation|from)\b", before):
                after = ctx.text[p.span[1] : p.span[1] + 40]
                if re.match(r"\s+(?:in|next|later)\b", after) and "year" in after:
                    continue
                return p.name
    for s in [ctx.sentence_at(body.span[0])] + _meeting_sentences(ctx, body):
        m = _CAPITAL.search(s.text)
        if m and not ctx.in_quote(s.start + m.start()):
            city = _capital_of(m.group(1) or m.group(2))
            if city:
                return city  # "held in the Uzbek capital", "in the capital of Kazakhstan"
    unknown = _unknown_city(ctx, body)
    if unknown is not None:
        return unknown
    opened = _paragraph_place(ctx, body)
    if opened is not None:
        return opened
    if fmt in ("in-person", "hybrid"):
        # "paid a working visit to Brussels. On 11 November, he co-chaired the 20th meeting …": the city
        # the lead's visit went to
        for s in _meeting_sentences(ctx, body):
            for p in ctx.places_in(s.start, s.end):
                if p.kind == "city" and _VISIT_TO.search(ctx.text, max(s.start, p.span[0] - 30), p.span[0]):
                    return ctx.dateline_place() or p.name
        return ctx.dateline_place()  # a hybrid sitting is held somewhere too, the others joining online
    return None


_IN_AT_END = re.compile(r"\b(?:in|at)\s+(?:the\s+(?:city|town)\s+of\s+)?[*_]{0,2}$")
# "took place in **Chengdu on 14 July**", "was held in Lodz, …": a capitalised word after the sitting
# verb and "in", closed by a date, a comma or the sentence's end
_HELD_IN_NAME = re.compile(
    r"\b(?:took\s+place|(?:was|were)\s+held|met|convened|gathered)\s+in\s+[*_]{0,2}"
    r"([A-Z][\w'’]+(?:-[A-Z][\w'’]+)?)[*_]{0,2}(?=\s+on\b|\s+from\b|\s*[,.;(])"
)
_MONTHS = frozenset(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December")
)


def _unknown_city(ctx: Context, body: BodyMention) -> str | None:
    """A city the gazetteer does not know, named where the body's own sentence says it sat."""
    from ..annotate.orgs import org_info

    s = ctx.sentence_at(body.span[0])
    m = _HELD_IN_NAME.search(ctx.text, body.span[1], s.end)
    if m is None or ctx.in_quote(m.start()):
        return None
    word = m.group(1)
    if word in _MONTHS or ctx.places_in(m.start(1), m.end(1)) or org_info(word):
        return None  # a month, a country or region (or a known city, taken above), an institution
    return word


_VISIT_TO = re.compile(r"\bvisit\s+to\s+$")
_IN_CITY = re.compile(r"\s*(?:In|At)\s+$")


def _paragraph_place(ctx: Context, body: BodyMention) -> str | None:
    """ "In Dushanbe on 10–11 June, she held talks … On 11 June, she took part in the 12th meeting of
    the … Committee": the city that opens the body's paragraph is where what it tells happened."""
    s = ctx.sentence_at(body.span[0])
    first = next((x for x in ctx.sentences if x.paragraph == s.paragraph), None)
    if first is None or first.start > s.start:
        return None
    for p in ctx.places_in(first.start, min(first.end, first.start + 40)):
        if p.kind == "city" and _IN_CITY.fullmatch(ctx.text, first.start, p.span[0]):
            return p.name
    return _item_place(ctx, body.span[0])


# the close of a programme item's label after its city ("Tashkent:**", "Tashkent (Toshkent):")
_ITEM_LABEL_END = re.compile(r"(?:\s*\([^()\n]{1,30}\))?[*_]{0,2}:|\)")


def _item_place(ctx: Context, pos: int) -> str | None:
    """ "- **Tuesday 2 December, Tashkent (Toshkent):** … the 9th meeting of …": the city in the label
    that opens the list item the body stands on."""
    ls = ctx.text.rfind("\n", 0, pos) + 1
    if not _LIST_ITEM.match(ctx.text, ls):
        return None
    for p in ctx.places_in(ls, min(pos, ls + 80)):
        if p.kind == "city" and _ITEM_LABEL_END.match(ctx.text, p.span[1]):
            return p.name
    return None


_CAPITAL = re.compile(r"\bin\s+the\s+(?:([A-Z][\w-]+)\s+capital|capital\s+of\s+(?:the\s+)?([A-Z][\w-]+))\b")


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Country → its seat of government (data/places.yaml `government_seats`, first city listed),
    else its capital (`capitals`: "the Belgian capital" is Brussels, which stands for the EU above)."""
    places = data.load("places")
    out: dict[str, str] = {}
    for city, country in (places.get("government_seats") or {}).items():
        out.setdefault(country, city)
    for country, city in (places.get("capitals") or {}).items():
        out.setdefault(country, city)
    return out


def _capital_of(word: str) -> str | None:
    from ..annotate.places import country_name

    country = country_name(word)
    return _capitals().get(country) if country else None


@lru_cache(maxsize=1)
def _format_scans() -> tuple[LiteralScan, LiteralScan]:
    virtual, hybrid = _format_cues()
    return LiteralScan(virtual), LiteralScan(hybrid)


# "experts joined the session by videoconference", "with the Kazakh delegation joining remotely": one
# side (or some members) taking part from afar in a sitting held in a city
_JOINED = re.compile(
    r"\b(?:join(?:ed|ing|s)?|participat(?:ed|ing|es)|took\s+part|taking\s+part|connect(?:ed|ing|s)?|"
    r"attend(?:ed|ing|s)?)\b"
)


def _format(ctx: Context, body: BodyMention) -> str:
    virtual, hybrid = _format_scans()
    head = ctx.text[: max(ctx.lead_end, 1200)]
    if hybrid.search(ctx.text, ctx.at):
        return "hybrid"
    cues = virtual.finditer_part(head, ctx.at, 0)
    m = next((x for x in cues if not _of_another_body(ctx, body, x.start())), None)
    if m:
        cue_s = ctx.sentence_at(m.start())
        if _JOINED.search(ctx.text, cue_s.start, m.start()) and _place(ctx, body, "in-person"):
            return "hybrid"  # "experts joined the session by videoconference" from a sitting held in a city
        s = ctx.sentence_at(body.span[0])
        if re.search(r"\b(?:took place|was held|were held|held)\s+in\s+[A-Z]", ctx.text[s.start : s.end]):
            return "hybrid"
        return "virtual"
    return "in-person"


def _of_another_body(ctx: Context, body: BodyMention, pos: int) -> bool:
    """ "The meeting followed the fourth meeting of the … Subcommittee, held by video conference": a
    format cue in a sentence about another body's sitting is that sitting's."""
    s = ctx.sentence_at(pos)
    if s.start <= body.span[0] < s.end:
        return False
    return any(s.start <= b.span[0] < s.end and b.name != body.name for b in ctx.all_bodies)


def _heads(ctx: Context, parties: list[str], body: BodyMention | None = None) -> list[Head]:
    heads: list[Head] = []
    limit = ctx.lead_end
    if body is not None and body.span[0] >= limit:
        chairs = _chairs_named_with(ctx, body, parties)
        if len(chairs) == 1:
            # "Today Minister X and I co-chaired …" in a press conference's transcript: the speaker too
            chairs += _transcript_heads(ctx, parties, {chairs[0].name}, {chairs[0].side})
        if chairs:
            return chairs  # a sitting reported after the lead: who chaired it, not who holds the lead's talks
        limit = ctx.sentence_at(body.span[0]).end  # a sitting the paragraph after the lead reports
    paras = sorted({s.paragraph for s in ctx.sentences if s.start < limit})
    last_para = paras[-1] + 2 if paras else 0
    seen = set()
    cued: dict[int, bool] = {}  # sentence start → it has a head cue
    scan = _head_cue_scan()
    for start, end, person in ctx.person_mentions():
        s = ctx.sentence_at(start)
        if s.paragraph > last_para or ctx.in_quote(start) or person.name in seen:
            continue
        has_cue = cued.get(s.start)
        if has_cue is None:
            has_cue = cued[s.start] = scan.search_part(ctx.text[s.start : s.end], ctx.at, s.start) is not None
        if not has_cue:
            continue
        if _OBSERVER.match(ctx.text, end, min(s.end, end + 50)) or _AS_OBSERVER.search(
            ctx.text, max(s.start, start - 90), start
        ):
            continue  # "with Hungarian Prime Minister Viktor Orban attending as an observer": no head
        lo = max(s.start, start - 140)
        if (_MEMBER_WORDS.search(ctx.text, lo, start) and _MEMBER_BEFORE.search(ctx.text, lo, start)) or (
            _HOST_AFTER.match(ctx.text, end, min(s.end, end + 60))
        ):
            continue  # "…, included Deputy Minister X", "accompanied by Y", "Z received the delegation"
        seen.add(person.name)
        heads.append(Head(name=person.name, role=person.role, side=_side(ctx, person, start, s, parties)))
    if len(heads) < 2:
        heads += _pronoun_heads(ctx, parties, limit, seen)
    if len(heads) < 2 and body is not None:
        heads += _speaker_head(ctx, body, parties, last_para, seen)
    if len(heads) < 2 and body is not None:
        heads += _transcript_heads(ctx, parties, seen)
    if len(heads) < 2:
        heads += _titled_heads(ctx, parties, limit, seen)
    if len(heads) < 2:
        heads += _collective_heads(ctx, parties, limit, seen)
    if len(heads) < 2 and body is not None:
        heads += _format_members(ctx, body, parties, limit, seen)
    if not heads:
        heads = _labelled_chairs(ctx, parties)
    if len(heads) < 2 and (body is None or body.span[0] < ctx.lead_end):
        heads += _listed_participants(ctx, parties, {h.name for h in heads})
    return heads if all(h.side for h in heads) else _listed_sides(ctx, heads)


@lru_cache(maxsize=1)
def _participants_label() -> re.Pattern:
    """A heading line that opens the list of who took part ("## Participants", "**Heads of
    delegation:**"): data/bodies.yaml `participant_labels`."""
    labels = sorted(data.load("bodies").get("participant_labels") or [], key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in labels)
    return re.compile(rf"^[ \t#*_]*(?:{alt})[ \t*_]*:?[ \t*_]*$", re.M | re.I)


_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•–]|\d{1,2}[.)])\s+")


def _listed_participants(ctx: Context, parties: list[str], seen: set) -> list[Head]:
    """ "## Participants" followed by "- Name, Minister of Foreign Affairs of Kazakhstan" items: in a
    text whose lead names fewer than two heads of the sitting, the people the list gives are the heads
    of the other delegations (the first one named per side, with a role)."""
    if not ctx.cue["articipant"] and not ctx.cue["elegation"]:
        return []
    got = _participant_list(ctx)
    if got is None:
        return []
    pos, end, _headings = got
    listed = [
        (a, person)
        for a, _b, person in ctx.person_mentions()
        if pos <= a < end and person.name not in seen and person.role
    ]
    # "- Roman Vassilenko, Deputy Minister … (head of delegation)": the items marked as heads, if any
    marked = [(a, p) for a, p in listed if _HEAD_MARK.search(ctx.text, a, _line_end(ctx.text, a))]
    return _one_per_side(ctx, marked or listed, parties, seen)


def _line_end(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl


def _listed_sides(ctx: Context, heads: list[Head]) -> list[Head]:
    """Heads whose side nothing else tells, listed under a side heading of the participants list
    ("Kazakhstan:" then "- Roman Vassilenko, …"): that heading's side."""
    if not ctx.cue["articipant"] and not ctx.cue["elegation"]:
        return heads
    got = _participant_list(ctx)
    if got is None or not got[2]:
        return heads
    pos, end, headings = got
    at = {p.name: a for a, _b, p in ctx.person_mentions() if pos <= a < end}
    out = []
    for h in heads:
        if not h.side and h.name in at:
            side = next((sd for hp, sd in reversed(headings) if hp < at[h.name]), None)
            h = h.model_copy(update={"side": side}) if side else h
        out.append(h)
    return out


# "Kazakhstan:", "**European Union:**", "For the EU side:": a line that names the side of the items under it
_SIDE_HEADING = re.compile(r"[ \t#*_]*(?:For\s+)?(?:the\s+)?([A-Z][^\n:]{1,60}?)[ \t*_]*:[ \t*_]*$")
# "(head of delegation)", ", co-chair": an item marked as heading its side
_HEAD_MARK = re.compile(r"\b(?:[Hh]ead\s+of\s+(?:the\s+)?delegation|co-?chair(?:man|woman|person)?)\b")


def _participant_list(ctx: Context) -> tuple[int, int, list[tuple[int, str]]] | None:
    """(start, end) of the list of participants a label opens, and the side headings inside it
    ((position, party) for "Kazakhstan:" lines); None when the text has no such list. Read once per
    text (`_listed_participants` and `_listed_sides` both ask)."""
    if "participant_list" not in ctx.memo:
        ctx.memo["participant_list"] = _read_participant_list(ctx)
    return ctx.memo["participant_list"]


def _read_participant_list(ctx: Context) -> tuple[int, int, list[tuple[int, str]]] | None:
    m = _participants_label().search(ctx.text)
    if m is None:
        return None
    from ..annotate.orgs import org_info
    from ..annotate.places import country_name

    pos = m.end() + 1
    end = pos
    starts = {a for a, _b, _p in ctx.person_mentions()}
    headings: list[tuple[int, str]] = []
    # the list's lines, up to the first line that is no list item (blank lines between items allowed);
    # an HTML list comes as lines that open with the name ("Murat Nurtleu, Minister of …")
    while end < len(ctx.text):
        nl = ctx.text.find("\n", end)
        nl = len(ctx.text) if nl < 0 else nl
        line = ctx.text[end:nl]
        lead_ws = len(line) - len(line.lstrip(" \t*_"))
        if line.strip() and not _LIST_ITEM.match(line) and end + lead_ws not in starts:
            h = _SIDE_HEADING.fullmatch(line)
            name = h.group(1).strip() if h else ""
            info = org_info(name) if name else None
            side = country_name(name) or (info.get("party") or info.get("name") if info else None)
            if not side and name:
                # "Oliy Majlis of the Republic of Uzbekistan:", "Kazakh side:"
                side = next(filter(None, map(country_name, name.split())), None)
            if not side:
                break
            headings.append((end, side))  # "Kazakhstan:", "European Parliament:", "Oliy Majlis of …:"
        end = nl + 1
    return pos, end, headings


def _one_per_side(
    ctx: Context, people, parties: list[str], seen: set, one_unsided: bool = False
) -> list[Head]:
    """Heads from (position, person) pairs in text order, the first one per side; people whose side is
    unknown all count unless `one_unsided`. Adds each head's name to `seen` as it goes (`people` may be
    a generator that reads `seen`)."""
    out: list[Head] = []
    sides: set = set()
    for start, person in people:
        side = _side(ctx, person, start, ctx.sentence_at(start), parties)
        if side in sides and (side is not None or one_unsided):
            continue
        sides.add(side)
        seen.add(person.name)
        out.append(Head(name=person.name, role=person.role, side=side))
    return out


# "Co-chairs: Kyrgyz Foreign Minister A and EU High Representative B" (live blogs, fact boxes)
_CHAIRS_LABEL = re.compile(r"\b(?:Co-chairs|Co-chairmen|Co-chairpersons|Chairs|(?:Co-)?[Cc]haired\s+by)\s*:")


def _labelled_chairs(ctx: Context, parties: list[str]) -> list[Head]:
    """The people a "Co-chairs:" label lists, anywhere in the text, when nothing else names the heads."""
    if not ctx.cue["hair"]:
        return []
    m = _CHAIRS_LABEL.search(ctx.text)
    if m is None or ctx.in_quote(m.start()):
        return []
    s = ctx.sentence_at(m.start())
    return [
        Head(name=p.name, role=p.role, side=_side(ctx, p, a, s, parties))
        for a, _b, p in ctx.person_mentions()
        if m.end() <= a < s.end
    ]


_OBSERVER = re.compile(r"[^,.;]{0,25}?\bas\s+(?:an?\s+|the\s+)?(?:observer|guest|special\s+guest)s?\b", re.I)


# "The delegation, headed by A, included Deputy Minister X", "accompanied by Commissioner Y": a member
# of a delegation, not its head
_MEMBER_BEFORE = re.compile(
    r"\b(?:accompanied\s+by|joined\s+by|(?<=delegation)[^.;]{0,60}?\b(?:included|includes|including|"
    r"comprised|comprising|consisted\s+of))\s+(?:the\s+)?(?:[\w'’.,-]+\s+){0,10}$"
)
# the literal words _MEMBER_BEFORE needs (a cheap test before the pattern with its look-behind)
_MEMBER_WORDS = re.compile(r"ccompanied|oined|nclud|ompris|onsist")
# "Prime Minister Z received the delegation": who receives the sitting's delegations does not head one
_HOST_AFTER = re.compile(
    r",?\s+(?:who\s+)?(?:also\s+)?(?:received|welcomed|greeted|met)\s+(?:with\s+)?(?:the\s+|both\s+|all\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:delegations?|participants|co-chairs|members|heads\s+of\s+delegation)\b"
)


_AS_OBSERVER = re.compile(
    r"\bas\s+(?:an?\s+|the\s+)?(?:observer|guest|special\s+guest)s?,\s+(?:[A-Z][\w-]*\s+){0,6}$"
)


def _chairs_named_with(ctx: Context, body: BodyMention, parties: list[str]) -> list[Head]:
    """The people its sentence or the next names as chairing a sitting reported after the lead ("…, held
    in Ulaanbaatar on 12 June under the co-chairmanship of the Minister … A"; "The commission was
    co-chaired by A and B")."""
    s = ctx.sentence_at(body.span[0])
    i = ctx.sentence_index(s.start)
    out: list[Head] = []
    # the sitting's sentence, then the sentences right after it that say who chaired or led
    for k, sent in enumerate(ctx.sentences[i : i + 4]):
        cue = (_CHAIRED if k == 0 else _LED).search(ctx.text, sent.start, sent.end)
        if cue is None:
            if k == 0:
                continue
            break
        lo = cue.start() if k == 0 else sent.start
        if (
            k == 0
            and cue.start() < body.span[0]
            and _ACTIVE_CHAIR.search(ctx.text, sent.start, cue.start()) is None
            and not ctx.text.startswith(" by", cue.end())
        ):
            # "the High Representative and Minister Saidov co-chaired the 19th meeting …": the chairs
            # are the subject, before the verb
            out += _subject_chairs(ctx, sent.start, cue.start(), parties)
        for start, _end, person in ctx.person_mentions():
            if lo <= start < sent.end and person.name not in {h.name for h in out}:
                side = _side(ctx, person, start, sent, parties)
                out.append(Head(name=person.name, role=person.role, side=side))
    return out


_LED = re.compile(r"\b(?:co-chaired|chaired|led|headed|presided|co-chairmanship|chairmanship)\b")
# "was co-chaired", "under the chairmanship": the chairs stand after the cue, not before it
_ACTIVE_CHAIR = re.compile(r"\b(?:was|were|is|are|be|been|being|under|the)\s+(?:\w+\s+)?$")


def _subject_chairs(ctx: Context, lo: int, hi: int, parties: list[str]) -> list[Head]:
    """The people the subject of "… co-chaired the meeting" names, in text order: by name ("Minister
    Saidov"), or by the title of someone named earlier ("the High Representative", for the "High
    Representative/Vice-President Kaja Kallas" of the lead)."""
    found: dict[str, tuple[int, object]] = {}
    sent = ctx.sentence_at(lo)
    for start, _end, person in ctx.person_mentions():
        if start >= hi:
            break
        if start >= lo:
            found.setdefault(person.name, (start, person))
    for name, got in _titled_people(ctx, lo, hi).items():
        found.setdefault(name, got)
    out = []
    for pos, person in sorted(found.values(), key=lambda x: x[0]):
        out.append(Head(name=person.name, role=person.role, side=_side(ctx, person, pos, sent, parties)))
    return out


_TITLE_CUT = re.compile(r"/| of | for |, ")


def _titled_people(ctx: Context, lo: int, hi: int) -> dict[str, tuple[int, object]]:
    """People named before `lo` that text[lo:hi] calls by their title: "the High Representative" (the
    title before its complement), "the Commissioner" (its last word, when nobody else's title ends so).
    name → (position of the reference, person)."""
    part = ctx.text[lo:hi]
    if "the " not in part and "The " not in part:
        return {}
    people: dict[str, object] = {}
    for start, _end, person in ctx.person_mentions():
        if start >= lo:
            break
        if person.role and person.name not in people:
            people[person.name] = person
    titles: dict[str, list] = {}
    for person in people.values():
        title = _TITLE_CUT.split(person.role)[0].strip()
        if len(title) < 4 or not title[:1].isupper():
            continue
        keys = {title}
        if " " in title:
            keys.add(title.rsplit(" ", 1)[1])  # "European Commissioner" → "the Commissioner"
        for k in keys:
            titles.setdefault(k, []).append(person)
    out: dict[str, tuple[int, object]] = {}
    for title, holders in sorted(titles.items(), key=lambda kv: -len(kv[0])):
        if len({p.name for p in holders}) != 1 or holders[0].name in out:
            continue
        for art in ("the ", "The "):
            at = part.find(art + title)
            end = at + len(art) + len(title)
            if at >= 0 and (end == len(part) or not (part[end].isalnum() or part[end] == "-")):
                out[holders[0].name] = (lo + at, holders[0])
                break
    return out


def _titled_heads(ctx: Context, parties: list[str], limit: int, seen: set) -> list[Head]:
    """ "Deputy Prime Minister A received European Commissioner B … The Deputy Prime Minister and the
    Commissioner co-chaired the 5th meeting …": a sentence of the lead that says who chaired, by the
    titles of people named before it."""
    out: list[Head] = []
    for m in _LED.finditer(ctx.text, 0, limit):
        if ctx.in_quote(m.start()):
            continue
        s = ctx.sentence_at(m.start())
        refs = sorted(_titled_people(ctx, s.start, s.end).items(), key=lambda kv: kv[1][0])
        for name, (pos, person) in refs:
            if name in seen:
                continue
            seen.add(name)
            out.append(Head(name=name, role=person.role, side=_side(ctx, person, pos, s, parties)))
        if out:
            break
    return out


_HE_CHAIRED = re.compile(r"\b(?:[Hh]e|[Ss]he)\s+(?:also\s+|jointly\s+)?(?:co-chaired|chaired|headed|led)\b")


def _pronoun_heads(ctx: Context, parties: list[str], limit: int, seen: set) -> list[Head]:
    """ "On 11–12 November, Minister A paid a working visit to Brussels. On 11 November, he co-chaired the
    20th meeting …": the person the pronoun stands for, the last one named before its sentence."""
    m = _HE_CHAIRED.search(ctx.text, 0, limit)
    if m is None or ctx.in_quote(m.start()):
        return []
    s = ctx.sentence_at(m.start())
    before = [(a, p) for a, _b, p in ctx.person_mentions() if a < s.start]
    if not before or before[-1][1].name in seen:
        return []
    a, person = before[-1]
    seen.add(person.name)
    return [Head(name=person.name, role=person.role, side=_side(ctx, person, a, ctx.sentence_at(a), parties))]


# "Opening speech by the Minister … X at the Fourth Meeting of …": the title names who speaks
_SPEECH_BY = re.compile(
    rf"\b(?:{_SPEECH_WORDS}|[Ww]ords)\s+(?:delivered\s+|made\s+)?by\s+"
)
# "It is an honour for me to co-chair today's meeting", "I am pleased to chair …", "As co-chairs, we …"
_I_CHAIR = re.compile(
    r"\b(?:I|me|[Ww]e|us)\b[^.;!?]{0,60}?\b(?:(?:co-?)?chair(?:ing|s)?|presid(?:e|es|ing))\b|"
    r"\b[Aa]s\s+(?:the\s+)?(?:co-?)?chair(?:man|woman|person)?s?\b[^.;!?]{0,100}?\b(?:I|we)\b"
)


def _speaker_head(
    ctx: Context, body: BodyMention, parties: list[str], last_para: int, seen: set
) -> list[Head]:
    """The text of a speech at the sitting, whose speaker says in the first person that they chair it
    ("It is a great honour for me to co-chair today's meeting together with … Y"): the speaker its
    title names ("Opening speech by the Minister … X at the Fourth Meeting …") is a head too."""
    if ctx.text.find("by", 0, body.span[0]) < 0:  # (no copy of the text before the body)
        return []
    t = ctx.sentence_at(body.span[0])
    by = None
    for m in _SPEECH_BY.finditer(ctx.text, t.start, body.span[0]):
        by = m
    if by is None:
        return []
    hi = max((x.end for x in ctx.sentences if x.paragraph <= last_para), default=t.end)
    chair = _I_CHAIR.search(ctx.text, t.end, hi)
    if chair is None or ctx.in_quote(chair.start()):
        return []
    cs = ctx.sentence_at(chair.start())
    out = []
    for a, _b, person in ctx.person_mentions():
        # the speaker, then whom the sentence names as chairing with them ("… together with Y")
        if (by.end() <= a < body.span[0] or cs.start <= a < cs.end) and person.name not in seen:
            seen.add(person.name)
            s = t if a < body.span[0] else cs
            out.append(Head(name=person.name, role=person.role, side=_side(ctx, person, a, s, parties)))
    return out


# the title of a press conference's transcript held after a sitting ("Joint press conference following
# the 22nd meeting of the … Council", "Press remarks by A and B after the Council")
_PRESS_AFTER = re.compile(
    r"\b[Pp]ress\s+(?:conference|remarks|statements?|point)\b[^\n]{0,300}?\b(?:following|after)\s+the\b"
)
# a transcript's speaker label: the surname (in capitals or not), titles before it, a bracket after
# it ("HR/VP KALLAS:", "MINISTER KULUBAEV (through interpreter):", "**Kaja Kallas:**")
_LABEL = re.compile(
    r"^[ \t]*[*_]{0,2}(?:[A-Z][\w/.-]*[ \t]+){0,3}([A-Z][\w'’-]{2,})"
    r"(?:[ \t]*\([^)\n]{0,60}\))?[*_]{0,2}:[*_]{0,2}[ \t]",
    re.M,
)
_NOT_SPEAKERS = frozenset(
    ("MODERATOR", "QUESTION", "ANSWER", "JOURNALIST", "SPOKESPERSON", "REPORTER", "INTERPRETER")
)


def _speaker_labels(ctx: Context) -> frozenset[str]:
    """The surnames a press conference's transcript labels its speakers by (empty in any other text).
    Read once per text: `_heads` may ask twice for each sitting."""
    if "speaker_labels" not in ctx.memo:
        ctx.memo["speaker_labels"] = (
            frozenset({m.group(1).upper() for m in _LABEL.finditer(ctx.text)} - _NOT_SPEAKERS)
            if _PRESS_AFTER.search(ctx.text, 0, 800)
            else frozenset()
        )
    return ctx.memo["speaker_labels"]


def _transcript_heads(ctx: Context, parties: list[str], seen: set, sides: set | None = None) -> list[Head]:
    """The transcript of the press conference held after the sitting: the speakers its labels name,
    one per side, speak for the sides that met (the co-chairs), as the title or the moderator
    names them with their titles."""
    labels = _speaker_labels(ctx)
    if not labels:
        return []
    out: list[Head] = []
    sides = set(sides or ())
    unsided = None  # a speaker whose side the text does not tell (one at most)
    for start, _end, person in ctx.person_mentions():
        if person.name in seen or not person.role:
            continue
        last = person.name.split()[-1].upper()
        if last not in labels:
            continue
        s = ctx.sentence_at(start)
        side = _side(ctx, person, start, s, parties)
        if side is None:
            unsided = unsided or person
            continue
        if side in sides:
            continue
        seen.add(person.name)
        sides.add(side)
        out.append(Head(name=person.name, role=person.role, side=side))
    rest = [p for p in parties if p not in sides]
    if unsided is not None and len(parties) == 2 and len(rest) == 1 and unsided.name not in seen:
        # "the Managing Director for Asia, Paola Conti": she speaks for the side no other speaker does
        seen.add(unsided.name)
        out.append(Head(name=unsided.name, role=unsided.role, side=rest[0]))
    return out


@lru_cache(maxsize=1)
def _collective_rx() -> tuple[re.Pattern, dict[str, list[str]]]:
    coll = {k.lower(): v for k, v in (data.load("roles").get("collective") or {}).items()}
    alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in sorted(coll, key=len, reverse=True))
    cues = r"(?:chaired|co-chaired|held|presided\s+over|opened|led|met)"
    rx = re.compile(
        rf"\b(?:the\s+(?:two\s+|three\s+|four\s+)?|both\s+)(?P<r>{alt})\s+(?:(?:jointly|also)\s+)?{cues}\b",
        re.I,
    )
    return rx, coll


def _collective_heads(ctx: Context, parties: list[str], limit: int, seen: set) -> list[Head]:
    """ "On 12 June the Presidents chaired the Second Meeting": the heads are the people of that role
    named earlier in the lead, one per side."""
    rx, coll = _collective_rx()
    head_text = ctx.text[:limit]
    if not any(k.split()[0] in head_text.lower() for k in coll):
        return []
    m = rx.search(head_text)
    if not m:
        return []
    roles = coll.get(_SPACES.sub(" ", m.group("r").lower()), [])
    out = _one_per_side(ctx, _holders(ctx, roles, limit, seen), parties, seen, one_unsided=True)
    return out if len(out) >= 2 else []


def _holders(ctx: Context, roles: list[str], limit: int, seen: set):
    """(position, person) of the people named before `limit`, outside quotations, not yet `seen`, who
    hold one of `roles` ("Minister" also takes "Foreign Minister"); any role when `roles` is empty."""
    for start, _end, person in ctx.person_mentions():
        if start >= limit:
            break
        if person.name in seen or ctx.in_quote(start) or not person.role:
            continue
        if roles and not any(person.role == r or person.role.endswith(" " + r) for r in roles):
            continue
        yield start, person


_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _members_rx() -> re.Pattern:
    coll = data.load("roles").get("collective") or {}
    keys = sorted((k for k in coll if coll[k]), key=len, reverse=True)
    alt = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in keys)
    return re.compile(rf"\b({alt})(?:['’]|\b)", re.I)


def _format_members(ctx: Context, body: BodyMention, parties: list[str], limit: int, seen: set) -> list[Head]:
    """ "The 5th trilateral meeting of the foreign ministers of A, B and C … Foreign Ministers X, Y and Z
    discussed …": a sitting of a format of office holders (its name says whose: data/roles.yaml
    `collective`) is headed by the people the lead names with that office, one per side."""
    m = _members_rx().search(body.name)
    if m is None:
        return []
    roles = (data.load("roles").get("collective") or {}).get(_SPACES.sub(" ", m.group(1).lower()), [])
    if not roles:
        return []
    out = _one_per_side(ctx, _holders(ctx, roles, limit, seen), parties, seen)
    return out if len(out) >= 2 else []


@lru_cache(maxsize=1)
def _head_cue_scan() -> LiteralScan:
    return LiteralScan(_HEAD_CUES)


_SIDE_BOUNDS = re.compile(r",\s+(?:while|whereas|and)\b|;")


def _side(ctx: Context, person, pos: int, s, parties: list[str]) -> str | None:
    from ..annotate.orgs import org_info
    from ..annotate.places import country_name

    bounds = _SIDE_BOUNDS
    starts = [m.end() for m in bounds.finditer(ctx.text, s.start, pos)]
    clause_start = starts[-1] if starts else s.start
    m_end = bounds.search(ctx.text, pos, s.end)
    clause = ctx.text[clause_start : (m_end.start() if m_end else s.end)]
    rel = pos - clause_start
    # "Managing Director Luc Devigne (EEAS)": the side in brackets after the name
    br = _BRACKET_SIDE.match(ctx.text, pos + len(person.name))
    if br is not None:
        inner = br.group(1)
        info = org_info(inner)
        got = country_name(inner) or (info.get("party") if info else None)
        if got:
            return got
    # "Uzbekistan was represented by A, the European Union by B": the side the elliptic clause names
    ell = _ELLIPTIC_BY.search(ctx.text, max(s.start, pos - 90), pos)
    if ell is not None and (country_name(ell.group(1)) or _EU_NAME.fullmatch(ell.group(1))):
        return country_name(ell.group(1)) or "European Union"
    eu = [m.start() for m in _EU_SIDE.finditer(clause)] if "European Union" in parties else []
    # "chaired on the Tajik side by A and on the EU side by B": the side named last before the person
    own = [m for m in _DELEGATION.finditer(clause, 0, rel) if country_name(m.group(1))]
    if own and not any(own[-1].start() < x < rel for x in eu):
        return country_name(own[-1].group(1))
    if eu:
        return "European Union"
    aff = person.affiliation
    if aff:
        c = country_name(aff)
        if c:
            return c
        info = org_info(aff)
        if info and info.get("party"):
            return info["party"]
    # "The Kazakh delegation was headed by A, the Kyrgyz delegation by B": the delegation named
    # last before the person, else the first after
    found = [(m.start() < rel, m.group(1)) for m in _DELEGATION.finditer(clause)]
    before = [w for b, w in found if b]
    for w in ([before[-1]] if before else []) + [w for b, w in found if not b]:
        if country_name(w):
            return country_name(w)
    return None


_BRACKET_SIDE = re.compile(r"\s*\(([^()]{2,40})\)")
_ELLIPTIC_BY = re.compile(
    r"[,;]\s+(?:and\s+|while\s+)?(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+by\s+(?:[A-Z][\w.-]*\s+){0,6}$"
)
_EU_NAME = re.compile(r"EU|European\s+Union")


_DELEGATION = re.compile(
    # "the Kyrgyz part of the commission was chaired by A, the Chinese part by B" (translated releases)
    r"\b(?:the\s+)?([A-Z][a-z]+)(?:['’]s)?\s+(?:delegation|side|part|one\s+by|(?:was|were)\s+represented|was\s+led)\b"
)


@lru_cache(maxsize=1)
def _topic_rx() -> tuple[dict, re.Pattern, re.Pattern]:
    conf = data.load("topics")
    ahead = first_letters_ahead(conf["cues"])  # see there: same matches, faster scans
    # (cues in their order of preference, grouped by opening letter: see first_char_groups; the
    # topics longest first, as a trie: see trie_alternation)
    cue_alt = first_char_groups(map(re.escape, conf["cues"]), ignore_case=True)
    cues = re.compile(r"\b" + ahead + r"(?:" + cue_alt + r")\b", re.I)
    terms = sorted(conf["topics"], key=len, reverse=True)
    alt = trie_alternation(terms, ignore_case=True)
    rx = re.compile(r"(?<![\w-])" + first_letters_ahead(terms) + r"(?:" + alt + r")(?![\w-])", re.I)
    return conf, cues, rx


@lru_cache(maxsize=1)
def _topic_scans() -> tuple[LiteralScan, LiteralScan]:
    """The cue and topic regexes, tried only where one of their words opens (see interpret.scan)."""
    _conf, cues, rx = _topic_rx()
    return LiteralScan(cues), LiteralScan(rx)


def _sentences_at(ctx: Context, scan: LiteralScan) -> list:
    """The sentences, in order, that may hold a match of `scan`: those a candidate opening falls in
    (all of them when the text has no openings to go by)."""
    cands = ctx.at.of(scan) if ctx.at is not None else None
    if cands is None:
        return ctx.sentences
    return [ctx.sentences[i] for i in sorted({ctx.sentence_index(c) for c in cands})] if ctx.sentences else []


def _topics(ctx: Context) -> list[str]:
    """Topics as the text words them, from the sentences that list what was discussed: the first two
    that name three or more topics, else every cue sentence."""
    conf = _topic_rx()[0]
    cue_scan, topic_scan = _topic_scans()
    # each sentence is matched as its own string, at the openings found in the whole text
    per_sentence: list[list[str]] = []
    for s in _sentences_at(ctx, cue_scan):
        if cue_scan.search_part(s.text, ctx.at, s.start) is None or ctx.in_quote(s.start):
            continue
        found: list[str] = []
        for m in topic_scan.finditer_part(s.text, ctx.at, s.start):
            w = m.group(0)
            t = w.lower() if not w.isupper() and w not in conf["topics"] else w
            if t not in found:
                found.append(t)
        if found:
            per_sentence.append(found)
    lists = [f for f in per_sentence if len(f) >= 3][:2] or per_sentence
    out: list[str] = []
    for f in lists:
        out.extend(t for t in f if t not in out)
    return out


@lru_cache(maxsize=1)
def _own_organ_rx() -> re.Pattern:
    """Words that make a body one institution's or one state's own organ (data/bodies.yaml `own_organs`)."""
    words = data.load("bodies").get("own_organs")
    if not words:
        return re.compile("(?!)")  # (an escaped "(?!)" would be a literal, not the never-matching pattern)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b")


def find_meetings(ctx: Context) -> list[Meeting]:
    body = main_body(ctx)
    if body is None:
        return []
    body = _sitting_of_body(ctx, body)
    ctx.meeting_body = body
    owned = owner_phrase(ctx.text, body)
    # "the Summit of the Gulf Cooperation Council and the States of Central Asia": the name says whose
    parties = list(owned[2]) if owned and len(owned[2]) >= 2 else _parties(ctx, body)
    if body.generic and len(parties) < 2 and _own_organ_rx().search(body.name):
        # "the 45th meeting of the Board of Directors of the Development Bank", "the National Steering
        # Committee": a sitting of one institution's or one state's own organ, with no two parties, is
        # no standing bilateral or multilateral body's, not a meeting
        ctx.meeting_body = None
        return []
    name = owned[1] if owned else body.name
    if (
        not owned
        and not body.generic  # a name the text gives in full ("Intergovernmental Uzbek-Turkmen Commission")
        and len(body.parties) < 2
        and len(parties) == 2
        and not name.startswith(tuple(p[:3] for p in parties))
        and not re.match(r"(?i)(?:tri|quadri|multi)lateral\b", name)  # more than two sides
    ):
        from .context import short_party

        name = (
            f"{short_party(parties[0])}–{short_party(parties[1])} {body.type}"
            + name[len(name) - len(name.split(body.type, 1)[1]) :]
        )
    number = body.number if body.number is not None else _number(ctx, body)
    if number is None:
        number = _such_number(ctx)
    if number is None and re.search(r"\bfirst[- ]ever\b|\binaugural\b", ctx.text[: ctx.lead_end], re.I):
        number = 1
    if number is None and body.type in _round_types():
        ctx.meeting_body = None
        return []  # "the regular round of political consultations": an occasion, not a numbered sitting
    if body.type.endswith(tuple(_occasion_types())):  # ("Joint Business Council" too)
        # "the 8th meeting of the … Business Council": companies' format, an event (interpret.events),
        # dated and placed as the sitting would be
        d = _date(ctx, body) or _eve(ctx, body, _dateline_day(ctx, body))
        ctx.memo["occasion_sitting"] = (body.span, d.value if d else None, d.end if d else None,
                                        _place(ctx, body, _format(ctx, body)), name, number, body)
        ctx.meeting_body = None
        return []
    late = ctx.memo.get("late_sitting")
    if late is not None and late[0] == body.span:
        d, fmt, place = _late_attrs(ctx, body, late[1])
    elif ctx.memo.get("lead_announces") and body.span[0] >= ctx.lead_end:
        s = ctx.sentence_at(body.span[0])
        own = [x for x in ctx.dates_in(s.start, s.end) if x.granularity in ("day", "month")]
        d, fmt, place = _late_attrs(ctx, body, own[0] if own else None)
    else:
        d = _date(ctx, body) or _eve(ctx, body, _dateline_day(ctx, body))
        fmt = _format(ctx, body)
        place = _place(ctx, body, fmt)
    m = Meeting(
        body=name,
        acronym=body.acronym,
        number=number,
        date=d.value if d else None,
        date_end=d.end if d else None,
        place=place,
        format=fmt,
        parties=parties,
        heads=_other_side(_heads(ctx, parties, body), parties),
        topics=_topics(ctx),
        span=body.span,
    )
    ctx.meeting = m
    return [m, *_joint_sittings(ctx, body, m)]


_IN_AT = re.compile(r"\b(?:in|at)\s+$")


def _late_attrs(ctx: Context, body: BodyMention, d) -> tuple:
    """Date, format and place of a sitting reported after a lead about something else
    (_held_lately): its own sentence's, never the lead's (the announced occasion's)."""
    s = ctx.sentence_at(body.span[0])
    virtual, hybrid = _format_cues()
    fmt = "hybrid" if hybrid.search(s.text) else "virtual" if virtual.search(s.text) else "in-person"
    place = None
    for p in ctx.places_in(s.start, s.end):
        if p.kind == "city" and _IN_AT.search(ctx.text, max(s.start, p.span[0] - 6), p.span[0]):
            place = p.name
            break
    if place is None and ctx.memo.get("programme_line") is not None:
        place = _item_place(ctx, body.span[0])  # "**Tuesday 2 December, Tashkent:** …"
    if place is None and fmt == "in-person":
        place = ctx.dateline_place()
    return d, fmt, place


def _other_side(heads: list[Head], parties: list[str]) -> list[Head]:
    """Two heads of a sitting of two parties, one's side known: the other sits for the other party."""
    if len(parties) != 2 or len(heads) != 2:
        return heads
    known = [h.side for h in heads if h.side]
    if len(known) != 1 or known[0] not in parties:
        return heads
    other = parties[1] if known[0] == parties[0] else parties[0]
    return [h if h.side else h.model_copy(update={"side": other}) for h in heads]


@lru_cache(maxsize=1)
def _occasion_types() -> frozenset[str]:
    return frozenset(data.load("bodies").get("occasions") or [])


@lru_cache(maxsize=1)
def _round_types() -> frozenset[str]:
    return frozenset(data.load("bodies").get("rounds") or [])


@lru_cache(maxsize=4)
def _linked_sitting_rx(links_key: str) -> re.Pattern:
    """A link word of data/bodies.yaml `links_key`, an ordinal, at most two words, the sitting noun,
    "of the", then the body: "… the 11th meeting of the Southern Gas Corridor Advisory Council and
    the third meeting of the …" (joint_links), "The meeting followed the fourth meeting of the …"
    (preceding_links)."""
    links = data.load("bodies").get(links_key) or []
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(links, key=len, reverse=True))
    return re.compile(
        rf"\b(?:{alt})\s+(?:the\s+)?(?:[\w-]+\s+){{1,3}}?(?:meeting|session|sitting)\s+of\s+(?:the\s+)?$",
        re.I,
    )


_FUTURE_WORDS = re.compile(r"\b(?:will|next|upcoming|planned|scheduled|to\s+be\s+held)\b", re.I)


def _joint_sittings(ctx: Context, body: BodyMention, main: Meeting) -> list[Meeting]:
    """Bodies that sat jointly with the reported one, in the lead or the paragraph after it: each is
    a meeting of its own on the same day, in the same place, with the same heads."""
    lead_end = ctx.lead_end
    after = next((x for x in ctx.sentences if x.start >= lead_end and not ctx.is_heading(x.start)), None)
    limit = lead_end
    if after is not None:
        limit = max(x.end for x in ctx.sentences if x.paragraph == after.paragraph)
    owned = owner_phrase(ctx.text, body)
    main_end = owned[0] if owned and owned[0] > body.span[1] else body.span[1]
    rx = _linked_sitting_rx("joint_links")
    out: list[Meeting] = []
    seen = {main.body.lower()}
    for b in ctx.all_bodies:
        if b.span[0] <= main_end or b.span[0] >= limit or ctx.in_quote(b.span[0]):
            continue
        s = ctx.sentence_at(b.span[0])
        m = rx.search(ctx.text, max(s.start, b.span[0] - 90), b.span[0])
        if m is None and not _FUTURE_WORDS.search(ctx.text, s.start, s.end) and b.name.lower() not in seen:
            before = _preceding_sitting(ctx, b, s, main) or _companion_sitting(ctx, body, b, s, main)
            if before is not None:
                seen.add(b.name.lower())
                out.append(before)
            continue
        if m is None or _FUTURE_WORDS.search(ctx.text, s.start, s.end):
            continue
        if _UPCOMING.match(ctx.text, b.span[1]):
            continue
        if m.group(0)[:3].lower() == "and" and s.start != ctx.sentence_at(body.span[0]).start:
            continue  # "and the third meeting of …" joins a sitting told in the same sentence only
        number = b.number
        if number is None:
            number = next((o.value for o in ctx.ordinals if m.start() <= o.span[0] < m.end()), None)
        if number is None or b.name.lower() in seen:
            continue
        seen.add(b.name.lower())
        own = {"body": b.name, "acronym": b.acronym, "number": number, "span": b.span}
        # the heads are both sittings' when the text names the two together ("for the 11th meeting
        # of X and the third meeting of Y") or chairs them as one ("co-chaired the sessions"); a
        # sitting only said to be held back-to-back with the reported one has no heads named
        if m.group(0)[:3].lower() != "and" and not _BOTH_SITTINGS.search(ctx.text, body.span[1], limit):
            own |= {"heads": [], "topics": []}
        out.append(main.model_copy(update=own))
    return out


# "On the same day, the 3rd meeting of the … Subcommittee took place", "The day before, the 9th
# meeting of the … Committee was held": the day a companion sitting is told on, relative to the reported
_SAME_DAY = re.compile(
    r"\b(?:[Oo]n\s+the\s+same\s+day|[Ii]n\s+parallel|[Ss]imultaneously|[Aa]t\s+the\s+same\s+time)\b"
)
_DAY_BEFORE = re.compile(
    r"\b(?:[Tt]he\s+(?:day|evening)\s+before|[Tt]he\s+previous\s+day|[Oo]n\s+the\s+eve)\b"
)
_PRECEDED = re.compile(r"\b(?:preceded|followed)\b")
# "…, whose 25th Summit": a sitting named inside a relative clause of the body it belongs to
_WHOSE = re.compile(r"\bwhose\s+(?:[\w-]+\s+){0,3}$")


def _own_format_place(ctx: Context, told: str, lo: int, s, main: Meeting) -> tuple[str, str | None]:
    """Format and place of a second sitting told in a sentence of its own: the format cues in `told`,
    the first city after "in"/"at" from `lo` to the sentence's end, else the reported sitting's
    place (none for a virtual one)."""
    virtual, hybrid = _format_cues()
    fmt = "hybrid" if hybrid.search(told) else "virtual" if virtual.search(told) else "in-person"
    place = next(
        (
            p.name
            for p in ctx.places_in(lo, s.end)
            if p.kind == "city" and _IN_AT.search(ctx.text, max(s.start, p.span[0] - 6), p.span[0])
        ),
        None,
    )
    if place is None and fmt != "virtual":
        place = main.place
    return fmt, place


def _companion_sitting(ctx: Context, body: BodyMention, b: BodyMention, s, main: Meeting) -> Meeting | None:
    """A numbered sitting of another body told as held in the lead or the paragraph after it, on the
    reported sitting's day ("On the same day", "In parallel"), the day before, or a day of its own in the
    month before: a meeting of its own, dated, placed and formatted by its own sentence (no heads)."""
    if b.type == body.type and (not b.parties or set(b.parties) == set(body.parties)):
        return None  # the reported body named again
    if b.type in _SITTING_TYPES and _OF_THE.match(ctx.text, b.span[1]):
        return None  # "the 3rd Ministerial Meeting of the … Council": a sitting of the body named next
    if s.start == ctx.sentence_at(body.span[0]).start or _recalled(ctx, b, s):
        return None
    if _WHOSE.search(ctx.text, max(s.start, b.span[0] - 40), b.span[0]):
        return None  # "the SCO, whose 25th Summit took place …": an organisation's sitting told in passing
    if not main.date or len(main.date) < 10:
        return None  # in the reported sitting's own sentence it is what that sitting dealt with
    told = (
        _SAME_DAY.search(ctx.text, s.start, b.span[0])
        or _DAY_BEFORE.search(ctx.text, s.start, b.span[0])
        or _HELD_OWN.match(ctx.text, b.span[1], s.end)
        or _PRECEDED.search(ctx.text, s.start, b.span[0])
    )
    if not told:
        return None
    number = b.number
    if number is None:
        o = next((o for o in ctx.ordinals if s.start <= o.span[0] < b.span[0] <= o.span[1] + 30), None)
        number = o.value if o is not None else None
    if number is None:
        return None
    from datetime import timedelta

    try:
        main_day = date.fromisoformat(main.date[:10])
    except ValueError:
        return None
    own = None
    if _SAME_DAY.search(ctx.text, s.start, b.span[0]):
        own = main_day
    elif _DAY_BEFORE.search(ctx.text, s.start, b.span[0]):
        own = main_day - timedelta(days=1)
    else:
        for d in ctx.dates_in(s.start, s.end):
            if d.granularity != "day" or d.end or not d.value[:4].isdigit():
                continue
            try:
                day = date.fromisoformat(d.value)
            except ValueError:
                continue
            if 0 <= (main_day - day).days <= 31:
                own = day
                break
    if own is None:
        return None
    fmt, place = _own_format_place(ctx, s.text, s.start, s, main)
    return main.model_copy(
        update={
            "body": b.name,
            "acronym": b.acronym,
            "number": number,
            "date": own.isoformat(),
            "date_end": None,
            "place": place,
            "format": fmt,
            "parties": list(b.parties) or main.parties,
            "heads": [],
            "topics": [],
            "span": b.span,
        }
    )


def _preceding_sitting(ctx: Context, b: BodyMention, s, main: Meeting) -> Meeting | None:
    """ "The meeting followed the fourth meeting of the EU–Tajikistan Subcommittee on Trade and
    Investment, held by video conference on 25 November": a sitting held in the weeks before the
    reported one, told with its own day, is a meeting of its own (no heads named)."""
    m = _linked_sitting_rx("preceding_links").search(ctx.text, max(s.start, b.span[0] - 90), b.span[0])
    if m is None or not main.date or len(main.date) < 10:
        return None
    number = b.number
    if number is None:
        number = next((o.value for o in ctx.ordinals if m.start() <= o.span[0] < m.end()), None)
    if number is None:
        return None
    try:
        main_day = date.fromisoformat(main.date)
    except ValueError:
        return None
    own = None
    for d in ctx.dates_in(b.span[1], s.end):
        if d.granularity != "day" or not d.value[:4].isdigit():
            continue
        try:
            gap = (main_day - date.fromisoformat(d.value)).days
        except ValueError:
            continue
        if 0 < gap <= 31:
            own = d
            break
    if own is None:
        return None
    clause = ctx.text[b.span[1] : s.end]
    fmt, place = _own_format_place(ctx, clause, b.span[1], s, main)
    return main.model_copy(
        update={
            "body": b.name,
            "acronym": b.acronym,
            "number": number,
            "date": own.value,
            "date_end": own.end,
            "place": place,
            "format": fmt,
            "parties": list(b.parties) or main.parties,
            "heads": [],
            "topics": [],
            "span": b.span,
        }
    )


_BOTH_SITTINGS = re.compile(r"\b(?:the|both|two)\s+(?:sessions|meetings|sittings)\b", re.I)
