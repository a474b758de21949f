"""Referenced events: other occasions a text names, with their date and place.

Three sources:

* other sittings of a body: a body named outside the reported meeting ("the 19th Cooperation
  Committee, held in Brussels on 31 March"), or an ordinal sitting of the reported meeting's body
  ("the thirteenth Council, which met in July 2013", "the 11th meeting of the Committee");
* occasion nouns (data/events.yaml: summit, forum, visit, launch, expo, accession …) with their
  modifiers ("President Tokayev's first official visit to Brussels");
* a named thing followed by a dated participle ("the EU's new Strategy on Central Asia, adopted
  last June" → "adoption of …").

The date is the first date after the occasion in its sentence (before the next occasion), the place
the first place there (or inside the name); "the same day" / "alongside" take the reported
meeting's (or the publication's) date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .. import data
from ..annotate.case import ignorecase_key
from ..annotate.places import country_name, first_letters_ahead
from ..models import Event
from .context import BodyMention, Context, _months_before, owner_phrase, short_party
from .meetings import _occasion_types
from .scan import AnyOf, LiteralScan, first_char_groups, matches_at

__all__ = ["find_events"]

_ORD_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
_DET = re.compile(r"^(?:the|a|an|its|their|this|that|these|next|this week['’]s)\s+", re.I)
# the ASCII letters a `_DET` match can open with (under IGNORECASE a few non-ASCII letters fold
# to them too: "İ", "ı"), so a string opening with any other ASCII character has no determiner
_DET_OPENS = frozenset("tTaAiInN")


def _drop_det(s: str) -> str:
    """`_DET.sub("", s)`, without the regex call for a string that cannot open with a determiner
    (most names a trigger's left modifiers give: "Business", "2nd", "")."""
    c = s[:1]
    if c.isascii() and c not in _DET_OPENS:
        return s
    return _DET.sub("", s)
_STOP_NP = re.compile(
    # an en dash stops a name only spaced as a clause dash; "the Dostyk–Moiynty railway" goes on
    r"[,;:.()\"“”«»—\n]|\s–|–\s|\s(?:which|that|who|where|when|held|to be|will|would|was|were|is|are|has|"
    r"have|had|planned|scheduled|slated|hosted|attended|in which|brought|followed|took|produced|opened|"
    r"organi[sz]ed|"
    r"together\s+with|along\s+with|accompanied|alongside|ran|runs|with\s+the\s+participation\s+of|"
    # "an exhibition on X supported by EU funding", "a solar plant financed with EU support": who paid
    r"(?:supported|financed|co-financed|funded|co-funded|sponsored)\s+(?:by|with|through|under)|"
    # "… the construction of the X railway by video link": how, not what
    r"(?:by|via)\s+(?:video|videoconference|teleconference)|"
    # "… to the Mangystau region and instructed the ministry": a second verb of the subject
    r"and\s+(?!(?:related|advanced|integrated|associated|connected|combined|renewed)\b)[a-z]+ed|"
    r"closed|ended|began|started|concluded|builds|follows|last|earlier|later|next|this|since|"
    # "… to Uzbekistan from 3 to 5 June": a range of days, not part of the name
    r"from\s+\d{1,2}\s+(?:to|until|till)\s|"
    # "a briefing for reporters after the summit": when, not what
    r"(?:(?:shortly|right|immediately)\s+)?after\s+the\s+"
    r"(?:summit|meeting|talks|forum|session|ceremony|negotiations|consultations)|"
    r"on\s+(?:\d+|January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"in\s+the\s+(?:autumn|spring|summer|winter|fall|coming|first|second|end|beginning|middle|course)|"
    r"in\s+(?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December|\d{4}|two|three)"
    r")\b",
    re.I,
)


# Read at a position of the whole text (`.match(text, pos)`): the same as matching the rest of the
# text from there, as none of them looks behind its start (each opens with a space), without
# copying that rest.
_SINCE_NEXT = re.compile(r"\s+since\b")
_YEAR_SUFFIX = re.compile(r"-\d{4}$")
_SAME = re.compile(r"\bsame\b", re.I)
_COP = re.compile(r"COP ?\d{1,2}", re.I)
_YEAR = re.compile(r"(?:19|20)\d\d")
_SITTING_SINCE = re.compile(r"\s+(?:meeting\s+|session\s+)?since\b")
_SINCE_OR_OF = re.compile(r"\s+(?:since|of\s+(?!the\b))")
_OF_THE_NAME = re.compile(r"\s+of\s+the\s+([A-Z][\w-]*)")
_YEAR_WORD = re.compile(r"\s+(?:year|month|week)")
_INTO_FORCE = re.compile(r"\s+into\s+force")
_INTO_NAME = re.compile(r"\s+(?:into|to)\s+(?:the\s+)?[A-Z]")
_COP_NOUN = re.compile(r"\s+(climate\s+(?:summit|conference|talks)|summit|conference)\b")
_VOTE = re.compile(
    r"[^.]{0,40}?\bin which\s+\w+\s+(?:backed|approved|rejected|supported|voted (?:for|on))\s+"
    r"((?:the|a)\s+[^,.;]+)"
)
_POST_MODIFIER = re.compile(
    r"\s+(?:of|on|for|to(?!\s+(?:be|take|hold|meet|open|discuss)\b)|with|into|between|in\s+hono(?:u)?r\s+of)\s"
)


@dataclass
class _Cand:
    start: int
    end: int
    name: str
    trigger_end: int
    current: bool = False  # an ongoing visit ("X, who is in Y on a state visit"): the report's date
    route: bool = False  # named by a route ("… train on the route A – B – C"): its places are no venue
    within: bool = False  # part of the occasion named before ("The programme featured …"): its day, place
    fixed: tuple | None = None  # (date, date_end, place) its reader settled (a reported signing)


def _ord(n: int) -> str:
    suf = "th" if 10 <= n % 100 <= 20 else _ORD_SUFFIX.get(n % 10, "th")
    return f"{n}{suf}"


@lru_cache(maxsize=1)
def _conf() -> dict:
    c = data.load("events")
    trig = sorted(c["triggers"], key=len, reverse=True)
    # (the words grouped by opening letter, see first_char_groups; the patterns after them as before)
    words = first_char_groups([re.escape(t) for t in trig], ignore_case=True)
    trigger_rx = re.compile(
        r"(?<![\w])"
        + first_letters_ahead(trig, c.get("patterns") or [])
        + "(?:"
        + "|".join([words, *(c.get("patterns") or [])])
        + r")s?(?:-(?:19|20)\d\d)?(?![\w])",
        re.I,
    )
    out = {
        # tried only where a trigger's first word (or a pattern's literal opening) stands
        "trigger_scan": LiteralScan(trigger_rx),
        "trigger_rx": trigger_rx,
        "weak": set(c["weak"]),
        "described": set(c.get("described") or []),
        "participles": c["participles"],
        # the opening is `[,\s]\s*`, the same strings as `,\s*|\s+` tried in the same order: as one
        # class, sre skips to the next comma or space instead of trying every position
        "part_rx": re.compile(
            r"[,\s]\s*"
            + first_letters_ahead(
                ["was", "were", "has", "had", "have", "will", "is", "are", *c["participles"]]
            )
            # "a regular flight between Osh and Urumqi will be launched in September": a planned one
            + r"(?:(?:was|were|has\s+been|had\s+been|have\s+been|will\s+be|is\s+to\s+be|are\s+to\s+be)\s+)?("
            + "|".join(map(re.escape, c["participles"]))
            + r")\s+(?=(?:in|on|last|"
            # a day or a year, not an amount ("China announced 26 billion yuan")
            r"earlier|early|late|this|a\s+year|\d{1,2}\s+(?-i:[A-Z][a-z])|(?:19|20)\d\d\b))",
            re.I,
        ),
        "participles_in": AnyOf(c["participles"]),
        "same": re.compile(r"\b(?:" + "|".join(map(re.escape, c["same_occasion"])) + r")\b", re.I),
    }
    out["same_scan"] = LiteralScan(out["same"])  # tried only where a same-occasion phrase opens
    return out


def find_events(ctx: Context) -> list[Event]:
    cands: list[_Cand] = []
    cands += _body_events(ctx)
    cands += _talk_rounds(ctx, cands)
    cands += _meet_again(ctx, cands)
    cands += _last_met(ctx, cands)
    cands += _memberships(ctx, cands)
    cands += _which_met(ctx, cands)
    generic = _generic_sittings(ctx, cands)
    # "the next meeting of the Intergovernmental Commission": the sitting, not the body inside it
    cands = [c for c in cands if not any(g.start <= c.start < g.end for g in generic)] + generic
    cands += _programme_items(ctx, cands)
    cands += _noun_events(ctx, cands)
    participled = _participle_events(ctx, cands)
    # "the Visa Liberalisation Dialogue launched in September 2024": its launch, not the Dialogue again
    cands = [c for c in cands if not any(p.start <= c.start and c.end <= p.end for p in participled)]
    cands += participled
    cands += _margins_events(ctx, cands)
    cands += _group_meetings(ctx, cands)
    cands += _talks_events(ctx, cands)
    cands += _prep_talks(ctx, cands)
    cands += _received_delegations(ctx, cands)
    cands += _trip_inspections(ctx, cands)
    cands += _speaker_meetings(ctx, cands)
    cands += _group_meetings_of(ctx, cands)
    cands += _construction_events(ctx, cands)
    cands += _planned_visits(ctx, cands)
    cands += _invited_visits(ctx, cands)
    cands += _departures(ctx, cands)
    cands += _first_runs(ctx, cands)
    routes = _route_launches(ctx, cands)
    cands += routes
    cands += _launches(ctx, cands)
    cands += _inaugurations(ctx, cands)
    cands += _ceremonies(ctx, cands)
    cands += _signings(ctx, cands)
    cands += _planned_signings(ctx, cands)
    cands += _initiallings(ctx, cands)
    cands += _attended_sittings(ctx, cands)
    cands += _openings_of_named(ctx, cands)
    cands += _site_visits(ctx, cands)
    cands += _tributes(ctx, cands)
    cands += _foundation_stones(ctx, cands)
    cands += _group_sittings(ctx, cands)
    cands += _next_editions(ctx, cands)
    cands += _place_visits(ctx, cands)
    cands += _delegation_visits(ctx, cands)
    cands += _day_items(ctx, cands)
    cands += _agenda_signings(ctx, cands)
    cands += _titled_visits(ctx, cands)
    cands += _travel_for_talks(ctx, cands)
    cands.sort(key=lambda c: c.start)
    _name_bare_editions(cands)
    out: list[Event] = []
    seen: set[str] = set()
    host_key = ""
    last_host: Event | None = None
    hosts = any(ctx.cue[w] for w in ("sidelines", "margins", "fringe", "alongside"))
    for i, c in enumerate(cands):
        nxt = cands[i + 1].start if i + 1 < len(cands) else None
        sent = ctx.sentence_at(c.start)
        s0 = sent.start
        if s0 <= c.start < _after_lead_in(ctx.text, s0):
            continue  # a bold lead-in titles the paragraph, whose sentences name the occasion
        limit = _limit(ctx, c, nxt, sent.end)  # (the same for its date and its place)
        date, date_end = _date(ctx, c, limit)
        place = _place(ctx, c, limit)
        prepared = _PREPARED_FOR.search(ctx.text, max(s0, c.start - 48), c.start) is not None
        if prepared and not ctx.dates_in(c.end, sent.end):
            # "to go through the preparations for the Cooperation Council", "to prepare the next summit":
            # an occasion still ahead, not held on the day of the item that prepares it
            date = date_end = None
        occasion = ctx.memo.get("occasion_sitting")
        if occasion is not None and c.start <= occasion[0][0] < c.end:
            # the reported sitting of a companies' format (meetings: not a meeting): its day and place
            date, date_end = (date, date_end) if date else (occasion[1], occasion[2])
            place = place or occasion[3]
        wm = (
            _WELCOME_TO.search(ctx.text, max(s0, c.start - 80), c.start)
            if date is None and ctx.cue["welcome"]  # (a match holds "welcome")
            else None
        )
        if wm is not None and ctx.published:
            # a speech: "It is a great pleasure to welcome you to Tashkent for the second … Forum": the
            # occasion the speech is given at, on the text's day, in that city (or the dateline's)
            date = ctx.published
            city = _last_city(ctx, wm.start(1), wm.end(1)) if wm.group(1) else ctx.dateline_place()
            place = place or city
        if date is None and not c.within and not prepared:
            # "… and opened a conference on water diplomacy": that trip's day (_paragraph_day, "also" in the
            # sentence); "MONDAY, 6 JULY" / "10:00 – Round table …": the agenda's day
            day = _paragraph_day(ctx, c.start) or _date_line_after(ctx, c)
            if day is None:
                ctx.memo["events_heading_place"] = None
                day = _day_heading(ctx, c.start)
                where = ctx.memo["events_heading_place"]
                if day is not None and place is None and where is not None:
                    # "## Thursday 10 December — Brussels, Belgium": the agenda's items that day are there
                    # (with two forms, "Astana (Nur-Sultan)", the first; a country alone when no city)
                    place = _first_city(ctx.places_in(*where))
            if day is not None:
                date, date_end = day
        if c.within:
            # "organised "Uzbekistan Days" in Brussels. The programme featured an exhibition …": its days
            host = next((e for e in out if e.name.lower() == host_key), None)
            if host is None:
                continue
            date, date_end, place = host.date, None, host.place
        else:
            host_key = c.name.lower()
        if ctx.meeting is not None and _ON_OWN_SIDELINES.match(ctx.text, c.end):
            # "A Business Forum … was held on the sidelines of the Commission": the reported meeting's
            # day (or, when it has none, the last one the lead's first two sentences name that is not the
            # dateline's) and place
            if ctx.meeting.date:
                date, date_end = ctx.meeting.date, ctx.meeting.date_end
            else:
                first = ctx.sentence_at(min(len(ctx.text) - 1, ctx.lead_end + 1))
                second = ctx.sentence_at(min(len(ctx.text) - 1, first.end + 1))
                days = [d for d in ctx.dates_in(first.start, second.end) if d.value != ctx.published]
                if days:
                    date, date_end = days[-1].value, days[-1].end
            place = ctx.meeting.place or place
        if c.route:
            place = None  # "a container train on the route A – B – C": its ends, not where it was launched
        elif (
            place is None
            and ctx.meeting is not None
            and date
            and date == ctx.meeting.date
            and _SIDELINES_OPEN.match(ctx.text, ctx.sentence_at(c.start).start)
        ):
            place = ctx.meeting.place  # "On the sidelines, A and B held talks": where the sitting was
        if c in routes:  # a route's ends are not where it was launched; undated, the reported occasion's day
            place = None
            if c.current:
                # the lead and the first sentence of the body: where the reported occasion is named
                first = ctx.sentence_at(min(len(ctx.text) - 1, ctx.lead_end + 1))
                horizon = max(ctx.lead_end, first.end)
                lead = [e for e in out if e.date and e.span and e.span[0] < horizon]
                lead.sort(key=lambda e: e.date == ctx.published)  # one the text dates before the dateline's
                date, date_end = (lead[0].date, lead[0].date_end) if lead else (date, date_end)
        if hosts and not c.within and not ctx.dates_in(s0, ctx.sentence_at(c.start).end):
            # "On the sidelines of the forum, A met B", "An exhibition … ran alongside the forum", "Also on
            # the sidelines, …": held with an occasion named before, on its (first) day and in its place
            hosted = _host_occasion(ctx, c, out, last_host)
            if hosted is not None:
                last_host = hosted
                if hosted.date:
                    date, date_end = hosted.date, None
                place = place or hosted.place
        alongside = date is None and place is None and out
        if alongside and _BACK_TO_BACK.search(ctx.text, max(0, c.start - 60), c.start):
            # "a Business Forum in Tashkent in spring 2026, back-to-back with the next meeting of the …
            # Committee": held with the occasion just named, on its days and in its place
            prev = out[-1]
            if prev.span and ctx.sentence_at(prev.span[0]).start == ctx.sentence_at(c.start).start:
                date, date_end, place = prev.date, prev.date_end, prev.place
        day_of = _day_of_occasion(ctx, s0, out) if "day of " in ctx.text[s0 : s0 + 60] else None
        if day_of is not None and not ctx.dates_in(s0, ctx.sentence_at(c.start).end):
            # "On the second day of the visit, A held talks with B": the visit's first day plus one
            date, date_end, place = day_of[0], None, place or day_of[1]
        if date is None and ctx.published and ctx.text.startswith("|", ctx.text.rfind("\n", 0, c.start) + 1):
            date = _row_month(ctx, c)  # "| February (date tbc) | Brussels | … Council |"
        if date and len(date) == 7 and ctx.published and date < ctx.published[:7]:
            date = _listed_ahead(ctx, c, date)
        if date and len(date) == 10 and ctx.cue["day"]:
            date = _itinerary_weekday(ctx, c, date)
        if date and ctx.published and date[:4] == ctx.published[:4] and date[5:7] < ctx.published[5:7]:
            date, date_end = _ahead_of_notice(ctx, c, date, date_end)
        if c.fixed is not None:
            date, date_end, place = c.fixed
        elif (
            out
            and _MARGINS_OF_BEFORE.search(ctx.text, max(0, c.start - 48), c.start)
            and not ctx.dates_in(s0, ctx.sentence_at(c.start).end)
        ):
            # "DBK and AFD signed … in Paris on 26 May. The agreement was signed by A and B on the sidelines
            # of the Kazakhstan-France business council": the council met where and when the act was done
            k = ctx.sentence_index(c.start)
            done = out[-1]
            if (
                done.name.startswith("signing of ")
                and done.date
                and ctx.sentence_index(done.span[0]) >= k - 2
            ):
                date, date_end, place = done.date, None, done.place or place
        if place is None and date is not None and "visit of " in c.name:
            # "B, who is in the country on a working visit on 24–26 November" named "working visit of B to
            # Kyrgyzstan": that country (an undated visit framing talks stays unread)
            vt = _VISIT_TO_END.search(c.name)
            place = country_name(vt.group(1)) if vt is not None else None
        if date is None and place is None:
            continue
        if _called_off(ctx, c) or _domestic_sitting(c.name) or _internal_briefing(ctx, c):
            continue
        if _THE_ORGANISATION.search(c.name):
            # "an informal summit of the organisation" after "the Organization of Turkic States": which one
            org = next((o for o in reversed(ctx.orgs) if o.span[1] <= c.start and "rgani" in o.name), None)
            if org is not None:
                c.name = _THE_ORGANISATION.sub(f" of the {org.name}", c.name)
        if (
            out
            and out[-1].span[0] >= s0
            and "visit" in c.name
            and _RESTATED_VISIT.search(ctx.text, max(s0, c.start - 12), c.start)
        ):
            continue  # "A travelled to X and Y on 22–23 April, her first visit to Z": the same trip again
        if date is None and c.start < ctx.lead_end and c.name.startswith(_LEAD_NAMES) and ctx.published:
            # "In the Akorda, the President received X, who is in Astana on an official visit on 16–17
            # February": the readout's own reception or talks, on its day
            date = ctx.published
        key = c.name.lower()
        # "the EU–Central Asia Summit in Samarkand" … "the Samarkand summit in April": one occasion
        # (not "meeting of A on the sidelines of the X Meeting" and the X Meeting: two occasions)
        same = (
            f"{key.split()[-1]}|{date}|{place}"
            if date and place and not any(w in key for w in _AROUND_WORDS)
            else None
        )
        if key in seen or (same and same in seen):
            first = next((e for e in out if e.name.lower() == key), None)
            if first is not None and date and (
                first.date is None or (len(date) > len(first.date) and date.startswith(first.date))
            ):
                # '* "Uzbekistan Days" in Brussels' in a contents list, then "From 15 to 17 April … organised
                # "Uzbekistan Days"": the occasion takes the day its later mention gives; "in January 2024"
                # then a note "[3] … Forum, Brussels, 29–30 January 2024": the days of that month
                first.date, first.date_end, first.place = date, date_end, first.place or place
            continue
        seen.add(key)
        if same:
            seen.add(same)
        out.append(Event(name=c.name, date=date, date_end=date_end, place=place, span=(c.start, c.end)))
    out = _merge_re_mentions(out)
    # "The 11th Ministerial Meeting of the X Council and the 3rd Ministerial Meeting of the Y Council were
    # held": each sitting reported is a meeting, not also an event
    reported = [m for m in ctx.memo.get("meetings") or [] if m.date and m.body]
    if reported:
        out = [
            e
            for e in out
            if _AROUND_SITTING.search(e.name)
            or not any(e.date == m.date and _name_words(m.body) <= _name_words(e.name) for m in reported)
        ]
    # a headline's occasion the body names again, in full ("China–Kazakhstan Business Forum" … "the China
    # (Xinjiang)–Kazakhstan Business Forum"): the body's
    lead_end = ctx.lead_end
    return [
        e
        for e in out
        if not (
            e.span[0] < lead_end
            and any(
                f.span[0] >= lead_end
                and f.place == e.place
                and set(_WORDS.findall(e.name)) <= set(_WORDS.findall(f.name))
                for f in out
            )
        )
    ]


_WELCOME_TO = re.compile(
    r"\bwelcome\s+(?:you|all\s+of\s+you|everyone|our\s+guests)\s+(?:(?:back\s+)?to\s+"
    r"([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+)?(?:to|for|at)\s+(?:the\s+|this\s+|our\s+)?$"
)
# the word an edition is numbered by ("second", "next", "12th"): _BARE_EDITION, _QUOTED_FORMAT
_EDITION_WORD = r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|next|\d+(?:st|nd|rd|th))"
_BARE_EDITION = re.compile(
    _EDITION_WORD + r" "
    r"(forum|summit|conference|congress|festival|exhibition|round table|roundtable|dialogue|"
    r"ministerial meeting)"
)


def _name_bare_editions(cands: list[_Cand]) -> None:
    """ "… to Tashkent for the second Central Asia – EU Connectivity Forum. … at the third forum in Almaty
    next year": an edition named only by its number and noun takes the name of the occasion named before
    with that noun ("third Central Asia – EU Connectivity Forum")."""
    for i, c in enumerate(cands):
        m = _BARE_EDITION.fullmatch(c.name)
        if m is None:
            continue
        noun = m.group(2)
        prev = next(
            (
                p
                for p in reversed(cands[:i])
                if p.name.lower().endswith(" " + noun)
                and len(p.name.split()) > len(noun.split()) + 1
                and not p.name.startswith(_PARTS_OF)
            ),
            None,
        )
        if prev is not None:
            base = _EDITION_MARKS.sub("", prev.name).strip()
            if base and not base.lower().startswith(_NOT_SERIES) and base.lower() != noun:
                c.name = f"{m.group(1)} {base}"


# "The briefing …, originally planned for Wednesday, has been postponed": an occasion called off
_CALLED_OFF = re.compile(
    r"\b(?:has|have|had|was|were|is|are)\s+(?:been\s+)?(?:postponed|cancell?ed|called\s+off|put\s+off|"
    r"suspended|delayed)\b"
)


@lru_cache(maxsize=1)
def _domestic_sitting_rx() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a sitting as the name's head, one state's body holding it, a word of a partnership) from
    data/events.yaml domestic_sittings."""
    d = data.load("events")["domestic_sittings"]

    def alt(key: str) -> str:
        return "|".join(re.escape(str(w)) for w in sorted(d[key], key=len, reverse=True))

    head = re.compile(rf"(?i:(?:(?:{alt('adjectives')})\s+)*(?:{alt('sittings')})\b)")
    bodies = alt("bodies")
    # "… of the Senate", "chaired by Chairman of the Senate", "the Senate's plenary", "Cabinet meeting"
    held = re.compile(
        rf"\bof\s+the\s+(?:{bodies})\b|\b(?:{bodies})(?:['’]s)?\s+(?i:{alt('sittings')})\b"
    )
    partner = re.compile(rf"(?i:\b(?:{alt('partner_words')})\b|[A-Z]\w*[–—-][A-Z])")
    return head, held, partner


def _domestic_sitting(name: str) -> bool:
    """ "plenary session of the Senate", "extended board meeting of the Ministry", "Cabinet meeting": a
    sitting of one state's own body, not an occasion of the partnership."""
    head, held, partner = _domestic_sitting_rx()
    if head.match(name) is None and held.match(name) is None:
        return False
    return held.search(name) is not None and partner.search(name) is None


def _called_off(ctx: Context, c: _Cand) -> bool:
    """The occasion's own clause says it was postponed or cancelled, with no new day after the verb
    ("… has been postponed": not held, no occasion; "… was postponed to 3 June": held then, kept)."""
    off = ctx.memo.get("events_called_off")
    if off is None:  # (once per text: most never call anything off)
        off = ctx.memo["events_called_off"] = any(
            ctx.cue[w] for w in ("postpone", "cancel", "called off", "put off", "suspended", "delayed")
        )
    if not off:
        return False
    s = ctx.sentence_at(c.start)
    m = _CALLED_OFF.search(ctx.text, c.end, s.end)
    if m is None or _conf()["trigger_scan"].search_part(ctx.text[c.end : m.start()], ctx.at, c.end):
        return False  # (another occasion's verb, named between)
    return not ctx.dates_in(m.end(), s.end)


_THE_ORGANISATION = re.compile(r" of the organi[sz]ation$")
_RESTATED_VISIT = re.compile(r",\s+(?:his|her|their|its)\s+$")
_WORDS = re.compile(r"[^\s()–]+")
_NAME_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_NAME_STOP = frozenset(("the", "of", "and", "on", "in", "for", "a", "an", "to", "at", "its", "with"))
_ORDINAL_WORD = re.compile(
    r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"[a-z]+teenth|[a-z]+ieth|[a-z]+-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
)


def _name_words(name: str) -> set[str]:
    return {w for w in _NAME_WORDS.findall(name.lower()) if w not in _NAME_STOP}


# an occasion held around a sitting, not the sitting: "… on the sidelines of the X Council", "reception of …"
_AROUND_SITTING = re.compile(
    r"\b(?:sidelines|margins|fringes?|eve|between|with|by|after|following|reception|press|visit|opening|ceremony|briefing|forum)\b",
    re.I,
)


def _merge_re_mentions(out: list[Event]) -> list[Event]:
    """One occasion the text names twice, once in short: "two years after the Investors Forum on transport
    connectivity" … "at the EU–Central Asia Investors Forum on Transport Connectivity in Brussels on 29–30
    January 2024"; "the 21st session, Luxembourg, 14 October 2024" … "Since the 21st session". The short
    name's words all stand in the long one, and their dates agree (one the other's prefix) or both carry
    the same ordinal (a numbered sitting is one occasion): one record, with the longer name and the more
    precise date and its place."""
    words = [_name_words(e.name) for e in out]
    around = [len(_AROUND_SITTING.findall(e.name)) for e in out]
    drop: set[int] = set()
    for i, e in enumerate(out):
        if i in drop or len(words[i]) < 2:
            continue
        ords = any(_ORDINAL_WORD.fullmatch(w) for w in words[i])
        for j, f in enumerate(out):
            if j == i or j in drop or not words[i] <= words[j] or (words[i] == words[j] and j < i):
                continue
            same_date = not e.date or not f.date or e.date.startswith(f.date) or f.date.startswith(e.date)
            if not same_date and not ords:
                continue
            if e.name.startswith(("next ", "previous ", "last ")) != f.name.startswith(
                ("next ", "previous ", "last ")
            ):
                continue
            if around[j] > around[i]:
                continue  # "meeting of A … on the sidelines of the X Meeting", the X Meeting: two occasions
            # f keeps the longer name; the more precise date (and the place with it) wins
            if e.date and (not f.date or len(e.date) > len(f.date)):
                f.date, f.date_end, f.place = e.date, e.date_end, e.place or f.place
            elif not f.place:
                f.place = e.place
            drop.add(i)
            break
    return [e for k, e in enumerate(out) if k not in drop]


# (what is held around another occasion and named by it: "press conference following the X Forum")
_AROUND_WORDS = (" sidelines of ", " following the ", " after the ")
_LEAD_NAMES = ("reception of ", "talks between ", "meeting of ", "meeting between ")
_BACK_TO_BACK = re.compile(
    r"\b(?:back[- ]to[- ]back|together|in\s+conjunction|alongside)\s+with\s+(?:the\s+|an?\s+)?"
    r"(?:(?:next|first|[\w-]+th|ministerial|plenary)\s+)*(?:(?:meeting|session|sitting)\s+of\s+(?:the\s+)?)?$"
)


# "on the sidelines of the forum", "alongside the EU–Kyrgyzstan Business Forum": the occasion's last word;
# "Also on the sidelines, …": the one named before
_HOST_OF = re.compile(
    r"\b(?:(?:on|at)\s+the\s+(?:sidelines|margins|fringes?)(?:\s+of\s+(?:the\s+|this\s+year['’]s\s+)?"
    r"(?:[A-Z][\w’'+–-]*\s+){0,6}([A-Za-z]+))?|alongside\s+(?:the\s+)?(?:[A-Z][\w’'+–-]*\s+){0,6}([A-Za-z]+))",
    re.I,
)


def _host_occasion(ctx: Context, c: _Cand, out: list[Event], last: Event | None) -> Event | None:
    """The occasion named earlier that the sentence of `c` says it was held on the sidelines of (or
    alongside): the last one whose name ends with the same word ("forum", "Council"), or the reported
    sitting when its body does; with no word ("Also on the sidelines"), the one found last."""
    s = ctx.sentence_at(c.start)
    m = _HOST_OF.search(ctx.text, s.start, s.end)
    if m is None or c.start < m.start() < c.end:
        return None
    word = (m.group(1) or m.group(2) or "").lower()
    if not word:
        return last
    meeting = ctx.meeting  # (the reported sitting first: "On the margins of the Council")
    if meeting is not None and meeting.body and meeting.body.lower().split()[-1] == word and meeting.date:
        return Event(name=meeting.body, date=meeting.date, date_end=meeting.date_end, place=meeting.place)
    for e in reversed(out):
        if e.name.lower().split()[-1].rstrip("s") == word.rstrip("s") and (e.date or e.place):
            return e
    return None


_ON_OWN_SIDELINES = re.compile(
    r"(?:,[^,.;]{0,80},)?\s+(?:was|were)\s+(?:also\s+)?(?:held|organi[sz]ed)\s+on\s+the\s+"
    r"(?:sidelines|margins|fringes?)\s+of\s+the\s+(?:Commission|Council|Committee|meeting|session|talks)\b"
)


# --- candidates ---------------------------------------------------------------------------------


_ADJECTIVE_USE = re.compile(
    r"\s+(?!(?:in|on|at|of|will|was|is|were|are|held|took|to|and|the|last|next|this|since|be|would)\b)[a-z]"
)


@lru_cache(maxsize=64)
def _series_title_rx(word: str) -> re.Pattern:
    return re.compile(
        r"(?:\d+(?:st|nd|rd|th)|[A-Za-z]+(?:st|nd|rd|th))\s+((?:[A-Z][\w’'–-]*\s+){1,5}"
        + re.escape(word.capitalize())
        + r"(?:\s+(?:Meeting|Conference|Session))?)\b"
    )


def _elliptic_title(text: str, word: str, before: int) -> str | None:
    """The capitalised title of a numbered series the text gave earlier ("the 20th EU–Central Asia Ministerial
    Meeting") that a later lower-case "the 21st ministerial" (or "summit") shortens."""
    found = list(_series_title_rx(word).finditer(text, 0, before))
    return found[-1].group(1) if found else None


_CLAUSE_MARK = re.compile(r"[.;,]")
_SITTING_OF_BETWEEN = re.compile(r"\s*(?:meeting|session)\s+of\s+(?:the\s+)?")


def _ordinal_before(ctx: Context, pos: int, window: int = 40):
    best = None
    for o in ctx.ordinals:
        if o.span[1] <= pos and pos - o.span[1] <= window:
            between = ctx.text[o.span[1] : pos]
            if _CLAUSE_MARK.search(between) and not _SITTING_OF_BETWEEN.fullmatch(between):
                continue
            best = o
    return best


def _ordinal_after(ctx: Context, end: int):
    """ "the next Cooperation Council, the eighteenth," → the appositive ordinal."""
    m = re.match(r",\s+the\s+", ctx.text[end : end + 8])
    if not m:
        return None
    for o in ctx.ordinals:
        if o.span[0] == end + m.end():
            return o
    return None


def _body_name(ctx: Context, b: BodyMention) -> str:
    # "the seventh meeting of the working group" after "the Trilateral Working Group …": the reported body
    anaphor = (
        not b.parties
        and b.text.islower()
        and ctx.meeting is not None
        and ctx.meeting_body is not None
        and ctx.meeting_body.type.lower().endswith(b.type.lower())
    )
    if not anaphor and (
        b.parties or ctx.meeting is None or ctx.meeting_body is None or b.type != ctx.meeting_body.type
    ):
        # (not "the Consultative Meeting of the Heads of State of Central Asia": its name says whose)
        own = " of " in b.text
        if not b.parties and ctx.meeting is not None and len(ctx.meeting.parties) == 2 and not own:
            p = ctx.meeting.parties
            return f"{short_party(p[0])}–{short_party(p[1])} {b.type}"
        return b.name
    return ctx.meeting.body


_MET_TIMES = re.compile(
    r"[^.;]{0,80}?\b(?:has|have|had)\s+(?:already\s+)?(?:met|convened|sat)\s+(?:twice|thrice|(?:\w+|\d+)\s+times)\b"
)
_SITTING_OF_BEFORE = re.compile(
    r"(?:\b(next|previous|last|further|following|upcoming|inaugural)\s+)?\b(meeting|session|sitting)\s+of\s+"
    r"(?:the\s+)?$",
    re.I,
)
_SITTING_AFTER = re.compile(r"\s+(?:summit|meeting|session|sitting|forum)\b", re.I)
_CAPS_BETWEEN = re.compile(r"\s+([A-Z][\w’'+–-]*(?:\s+[A-Z][\w’'+–-]*){0,4})\s+")
_CAPS_BEFORE = re.compile(r"(?<![\w’'+-])([A-Z][\w’'+-]*(?:\s+[A-Z][\w’'+-]*){0,4})\s+$")
_NOT_OWNER = re.compile(
    r"(?:The|A|An|This|That|Its|Their|Next|Last|Previous|First|Second|Third|[IVXLC]+|\d+\w*|[A-Z][a-z]+th|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b"
)


def _owner_before(ctx: Context, b: BodyMention) -> tuple[int, str] | None:
    """(start, name) of a capitalised name that is no party right before a body without parties
    ("the OSCE Ministerial Council", "the Eastern Partnership ministerial meeting"): whose the body is."""
    if b.parties:
        return None
    m = _CAPS_BEFORE.search(ctx.text, max(0, b.span[0] - 60), b.span[0])
    if not m or _NOT_OWNER.match(m.group(1)):
        return None
    owner = m.group(1)
    if any(country_name(w) for w in re.split(r"[\s–-]+", owner)) or any(
        p.kind != "city" for p in ctx.places_in(m.start(1), m.end(1))
    ):
        return None  # a party's name ("the Kazakh … Council"); a city names a summit ("the Riga Summit")
    if ctx.sentence_at(m.start(1)).start == m.start(1):
        return None  # the first word of a sentence: capitalised anyway
    return m.start(1), owner


def _body_events(ctx: Context) -> list[_Cand]:
    out = []
    main = ctx.meeting_body
    main_no = ctx.meeting.number if ctx.meeting is not None else None
    # "the Second Summit of the Gulf Cooperation Council …": a body inside another's owner phrase is
    # that owner, not a sitting
    owned = [(b.span[1], o[0]) for b in ctx.bodies if (o := owner_phrase(ctx.text, b)) is not None]
    for b in ctx.bodies:
        if main is not None and b.span == main.span:
            continue
        if any(a <= b.span[0] < z for a, z in owned):
            continue
        if _SINCE_NEXT.match(ctx.text, b.span[1]):
            continue
        if _MET_TIMES.match(ctx.text, b.span[1]):
            continue  # "A joint working group …, proposed by Astana, has met twice in 2025": sittings counted
        in_org = any(g.span[0] < b.span[0] and b.span[1] <= g.span[1] for g in ctx.orgs)
        if in_org and not _SITTING_AFTER.match(ctx.text, b.span[1]):
            continue  # "the Gulf Cooperation Council": an organisation's name, not a sitting
        if ctx.is_heading(b.span[0]) or ctx.in_quote(b.span[0]):
            continue
        o = _ordinal_before(ctx, b.span[0]) or _ordinal_after(ctx, b.span[1])
        left = ctx.text[max(0, b.span[0] - 30) : b.span[0]]
        nextish = re.search(
            r"\b(?:next|previous|last|further|following)\b(?:\s+meeting\s+of)?\s+(?:the\s+)?$", left, re.I
        )
        same_body = (
            main is not None
            and b.type.split()[-1] == main.type.split()[-1]
            and (not b.parties or set(b.parties) == set(ctx.meeting.parties if ctx.meeting else []))
        )
        if o is not None and same_body and o.value == main_no:
            continue
        if o is None and same_body and not nextish:
            continue
        start = o.span[0] if o is not None and o.span[0] < b.span[0] else b.span[0]
        name = _body_name(ctx, b)
        named = _owner_before(ctx, b) if o is None else None
        if named is not None:  # "the Eastern Partnership ministerial meeting": another format's sitting
            start, name = named[0], f"{named[1]} {b.text}"
        b_end = b.span[1]
        if not b.parties and o is None and _BETWEEN_NEXT.match(ctx.text, b_end):
            # "political consultations between the foreign ministries of Kazakhstan and Latvia": the parties
            # the text names, not the reported sitting's
            end = _np_end(ctx.text, b_end)
            if end > b_end:
                b_end, name = end, ctx.text[b.span[0] : end]
        elif not b.parties and _OF_NAMED.match(ctx.text, b_end):
            # "the Summit of the Organization of Turkic States": whose it is, not the reported parties'
            b_end = _np_end(ctx.text, b_end)
            name = ctx.text[b.span[0] : b_end]
        if o is not None and not b.parties and o.span[1] < b.span[0]:
            # "the first GCC–Central Asia Summit": the capitalised words between belong to the name
            cm = _CAPS_BETWEEN.fullmatch(ctx.text, o.span[1], b.span[0])
            if cm and not _NOT_OWNER.match(cm.group(1)):
                name = f"{cm.group(1)} {name}"
        sm = (
            _SITTING_OF_BEFORE.search(ctx.text, max(0, b.span[0] - 40), b.span[0])
            # (a companies' format, data/bodies.yaml occasions: "the 8th meeting of the A–B Business Council")
            if not b.parties or b.type.endswith(tuple(_occasion_types()))
            else None
        )
        if sm is not None and (o is None or o.span[1] <= sm.start(2) <= o.span[1] + 1) and (o or sm.group(1)):
            # "the next session of the Business Council", "the first meeting of the joint working group":
            # the sitting, named as the text names it
            label = _ord(o.value) if o is not None else sm.group(1).lower()
            name = f"{label} {sm.group(2).lower()} of the {name}"
            start = min(start, sm.start(1) if sm.group(1) else sm.start(2))
        elif o is not None:
            name = f"{_ord(o.value)} {name}"
        if b_end > b.span[1] and _covers_meeting(ctx, start, b_end):
            continue  # "the 11th Ministerial Meeting of the X Council and the 3rd … of the Y Council met"
        wm = (
            _WHOSE.search(ctx.text[max(0, start - 120) : start])
            if not b.parties and " whose " in left
            else None
        )
        if wm is not None and b.text[:1].isupper() and b_end == b.span[1]:
            # "the Organization of Turkic States, whose 12th Summit was held in Gabala": that body's summit
            name = f"{_ord(o.value) + ' ' if o is not None else ''}{b.text} of the {wm.group(1)}"
        out.append(_Cand(start, b_end, name, b_end))
    # "the thirteenth Council", "the 11th meeting of the Committee": another sitting of the main body
    if main is not None and ctx.meeting is not None:
        rx = _sitting_rx(main.type.split()[-1])
        for o in ctx.ordinals:
            if o.value == main_no or ctx.is_heading(o.span[0]) or ctx.in_quote(o.span[0]):
                continue
            m = rx.match(ctx.text, o.span[1] + 1)
            if not m or any(c.start <= o.span[0] < c.end for c in out):
                continue
            if _SITTING_SINCE.match(ctx.text, m.end()):
                continue
            if any(b.span[0] >= o.span[1] and b.span[1] <= m.end() + 1 for b in ctx.bodies):
                continue
            out.append(_Cand(o.span[0], m.end(), f"{_ord(o.value)} {ctx.meeting.body}", m.end()))
    return out


_GENERIC_SITTING = re.compile(
    r"\b(?:the|its|their)\s+(?P<q>next|last|previous|following|upcoming|[\w-]+)"
    # "the next, 27th, meeting", "the next (seventh) meeting": the number in apposition
    r"(?:,\s+(?P<ap>[\w-]+),|\s+\((?P<ap2>[\w-]+)\))?\s+(?:(?P<adj>[a-z-]+)\s+)?"
    r"(?P<noun>round|meeting|session|sitting)\b"
    r"(?:\s+of\s+the\s+(?:[\w-]+\s+){0,3}?(?:dialogue|commission|council|committee|group|meeting|forum)\b)?",
    re.I,
)
#: The same matches, found ~1.6x faster: the first letter is read by a class sre can skip ahead
#: with (under IGNORECASE it cannot; "İ", "ı" are the other characters IGNORECASE takes for "i"),
#: the word boundary is checked after it (`(?<!\w.)`: no word character before that letter).
_GENERIC_SITTING_SCAN = re.compile(
    r"[tTiI\u0130\u0131](?<!\w.)(?i:(?<=t)(?:he|heir)|(?<=i)ts)(?i:"
    + _GENERIC_SITTING.pattern[len(r"\b(?:the|its|their)") :]
    + ")"
)


# "the third round (of talks)": found from the literal "round" (fast), its determiner and ordinal
# read on the left
_ROUND = re.compile(r"\bround\b")
#: sre finds no literal to skip ahead with behind a leading `\b` (it tried every character): tried
#: where "round" opens, as the other cue scans are (interpret.scan)
_ROUND_SCAN = LiteralScan(_ROUND)
_HELD_AFTER_ROUND = re.compile(r",?\s+(?:held|which\s+(?:was\s+held|took\s+place)|took\s+place|was\s+held)\b")
_ROUND_LEFT = re.compile(r"\b(?:[Tt]he|[Aa]|[Ii]ts|[Tt]heir)\s+([\w-]+)\s+$")
# "negotiations on X, the second round of which was held in Bishkek": the round of the talks named before
_OF_WHICH = re.compile(r"\s+of\s+which\b")
_ROUND_OF = re.compile(r"\s+of\s+(?:the\s+)?(talks|negotiations|consultations)\b")
_TALKS = re.compile(r"\b(?:talks|negotiations|consultations)\b", re.I)
_MEET_AGAIN = re.compile(
    r"meet\s+(?:again\s+for\s+the\s+([\w-]+)\s+time|for\s+the\s+([\w-]+)\s+time|again)\b"
)
_SUBJECT = re.compile(
    r"^\W*((?:[Tt]he|[Tt]heir|[Bb]oth)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:plan|plans|planned|will|would|"
    r"agreed|decided|intend|intends|expect|expects|hope|hopes|want|wants|are|were|is|also)\b"
)


_THAT_SUBJECT = re.compile(
    r"\b(?:that|which)\s+((?:[Tt]he|[Tt]heir|[Bb]oth)\s+[^,;.]{2,80}?)\s+(?:will|would|shall|is\s+to|are\s+to|"
    r"plans?\s+to|intends?\s+to|agreed\s+to|decided\s+to|could|may|might)\s+$"
)


# ("[TtIi](?<!\w.)" is "\b(?:[Tt]he|[Ii]ts|[Tt]heir)" opened by a class of characters, which sre skips
# ahead by; a regex opened by "\b" is tried at every character: half the cost, the same matches)
_PROGRAMME_VERB = (
    r"\s+(?:also\s+)?(?:featured|includes|included|comprised|offered|consisted\s+of|features)\s+"
)
_PROGRAMME = re.compile(
    r"[TtIi](?<!\w.)(?:(?<=[Tt])he|(?<=[Ii])ts|(?<=[Tt])heir)\s+(?:[a-z]+\s+)?(?:programme|program)"
    + _PROGRAMME_VERB
)
# what follows "program" in every match of _PROGRAMME: tried at each "program" of a text (a few) before
# the whole text is scanned
_PROGRAMME_TAIL = re.compile(r"(?:me)?" + _PROGRAMME_VERB)


def _programme_told(text: str) -> bool:
    """Whether some "program" of the text is followed as in a match of _PROGRAMME (else none can match)."""
    i = text.find("program")
    while i >= 0:
        if _PROGRAMME_TAIL.match(text, i + 7):
            return True
        i = text.find("program", i + 7)
    return False
_ITEM_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_ITEM_END = re.compile(r"\s+(?:attended|organi[sz]ed|given|held|hosted|presented|which|that|who|where)\b")


@lru_cache(maxsize=1)
def _programme_item_rx() -> re.Pattern:
    kinds = sorted(data.load("events").get("programme_items") or [], key=len, reverse=True)
    return re.compile(
        r"(?:an?|the)\s+((?:[\w’'-]+\s+){0,3}?(?i:" + "|".join(map(re.escape, kinds)) + r")s?\b.*)"
    )


def _programme_items(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "The programme featured an exhibition of Samarkand ceramics, a concert of maqom music and a tourism
    presentation": each part (data/events.yaml programme_items) of the occasion named before, on its days
    and in its place."""
    text = ctx.text
    if not _programme_told(text):
        return []
    out: list[_Cand] = []
    for m in _PROGRAMME.finditer(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        s = ctx.sentence_at(m.start())
        end = _SENTENCE_PUNCT.search(text, m.end(), s.end)
        stop = end.start() if end else s.end
        pos = m.end()
        for piece in _ITEM_SPLIT.split(text[m.end() : stop]):
            a = text.find(piece, pos)
            pos = a + len(piece)
            im = _programme_item_rx().fullmatch(piece)
            if im is None:
                continue
            cut = _ITEM_END.search(im.group(1))
            name = im.group(1)[: cut.start()] if cut else im.group(1)
            b = a + im.start(1)
            out.append(_Cand(b, b + len(name), name, b + len(name), within=True))
    return out


def _talk_rounds(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "talks on … were launched last year and the third round is due in September", "the second
    round of negotiations": a round of talks, named "third round of talks"."""
    text = ctx.text
    out = []
    if not ctx.cue["round"]:
        return out
    for rm in _ROUND_SCAN.finditer(text, ctx.at):
        lm = _ROUND_LEFT.search(text, max(0, rm.start() - 30), rm.start())
        if lm is None:
            bare = _THE_BEFORE.search(text, max(0, rm.start() - 5), rm.start())
            of = _ROUND_OF.match(text, rm.end()) if bare is not None else None
            if of is not None and not any(c.start <= rm.start() < c.end for c in taken):
                # "the round of negotiations on the accession, held in Geneva last week": one round, held
                end = of.end()
                subject = _talks_subject(text, end)
                if _HELD_AFTER_ROUND.match(text, end + len(subject)) and not ctx.is_heading(rm.start()):
                    out.append(_Cand(rm.start(), end + len(subject), f"round of {of.group(1)}{subject}", end))
            continue
        q = lm.start(1)
        o = next((x for x in ctx.ordinals if x.span[0] == q), None)
        # "the next round of consultations will be held in Riga": with no sitting of a body reported
        # (whose next sitting it would be), the next round of the talks
        # (with a sitting reported, "a further round of negotiations": talks that are no sitting of its body)
        nxt_round = (
            lm.group(1).lower() in ("next", "further", "new")
            and (m_of := _ROUND_OF.match(text, rm.end())) is not None
            and (
                ctx.meeting is None
                or (lm.group(1).lower() != "next" and not _of_body_type(ctx, m_of.group(1)))
            )
        ) or (
            # "Diplomats said a further round could take place in Astana before the end of the year": of the
            # talks its paragraph named
            lm.group(1).lower() in ("further", "new", "fresh")
            and ctx.meeting is None
            and _ROUND_AHEAD.match(text, rm.end()) is not None
        )
        if (o is None and not nxt_round) or any(c.start <= q < c.end for c in taken):
            continue
        if ctx.is_heading(q) or ctx.in_quote(q):
            continue
        of = _ROUND_OF.match(text, rm.end())
        end = of.end() if of else rm.end()
        subject = ""
        if of:
            kind = of.group(1)
            subject = _talks_subject(text, end)
            if not subject:  # "launch negotiations on X and hold the first round of talks": X's
                talks = _last_talks(ctx, q, ctx.sentence_at(q).start)
                subject = _talks_subject(text, talks.end()) if talks else ""
                # "… on an EPCA between the EU and Tajikistan and agreed to aim for a further round": up to
                # the next verb's clause
                subject = _AND_CLAUSE.split(subject, 1)[0]
        else:
            if _OF_NEXT.match(text, rm.end()) and not _OF_WHICH.match(text, rm.end()):
                # "the second round of the Kazakhstan–EU dialogue on visa facilitation": a named
                # dialogue's round; the reported body's own ("the fourth round of the dialogue") is
                # read below as its sitting
                dm = _OF_DIALOGUE.match(text, rm.end())
                if dm is None or (ctx.meeting is not None and dm.group(1) is None):
                    continue
                d_end = dm.end() + len(_talks_subject(text, dm.end()))
                if _covers_meeting(ctx, q, d_end):
                    continue
                out.append(_Cand(q, d_end, f"{lm.group(1)} {text[rm.start() : d_end]}", d_end))
                continue
            # the talks the round belongs to: named earlier in its sentence or its paragraph ("The
            # fourth round of negotiations on X took place … and plan to hold the fifth round in …")
            talks = _last_talks(ctx, q, _paragraph_start(ctx, q))
            if not talks:
                continue
            kind = talks.group(0).lower()
            subject = _talks_subject(text, talks.end())
        out.append(_Cand(q, end, f"{lm.group(1)} round of {kind}{subject}", end))
    return out


# "on the draft Agreement on …", "on an update of the memorandum" (not "on turning the deal into …":
# what the talks do, not what they are about)
_ON_SUBJECT = re.compile(r"\s+on\s+(?:the\s+|an?\s+)?(?![\w’'–-]*ing\b|which\b|whom\b)[\w’'–-]+")
# "a further round could take place …", "a new round is expected to be held …": a round told ahead
_ROUND_AHEAD = re.compile(
    r"\s+(?:could|would|will|may|might|is\s+(?:expected|due|scheduled|set)\s+to|is\s+to)\s+"
    r"(?:take\s+place|be\s+held|open|start|begin)\b"
)
_OF_DIALOGUE = re.compile(
    r"\s+of\s+the\s+(?:([A-Z][\w’'–-]*)\s+)?(?:[\w’'–-]+\s+){0,3}?(?:dialogue|talks|negotiations|consultations)\b"
)


_AND_CLAUSE = re.compile(r"\s+and\s+(?:[a-z]+ed|to|will|would|plans?|agreed|decided)\b")


def _of_body_type(ctx: Context, kind: str) -> bool:
    """ "consultations" when the reported sitting is of "Political Consultations": its own kind of talks."""
    return ctx.meeting_body is not None and kind.lower() in ctx.meeting_body.type.lower().split()


def _talks_subject(text: str, pos: int) -> str:
    """ " on the draft Agreement on the border regime": what the talks ending at `pos` are about."""
    if not _ON_SUBJECT.match(text, pos):
        return ""
    end = _np_end(text, pos)
    if end <= pos:
        return ""
    tail = _IN_PLACE_TAIL.search(text, pos, end)
    return text[pos : tail.start()] if tail else text[pos:end]  # "… agreement in Riga": the place


_IN_PLACE_TAIL = re.compile(r"\s+in\s+[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s*$")


def _last_talks(ctx: Context, pos: int, lo: int):
    """The last "talks" / "negotiations" / "consultations" between `lo` and `pos`."""
    last = None
    for m in _TALKS.finditer(ctx.text, lo, pos):
        last = m
    return last


def _paragraph_start(ctx: Context, pos: int) -> int:
    i = ctx.sentence_index(pos)
    para = ctx.sentences[i].paragraph
    while i > 0 and ctx.sentences[i - 1].paragraph == para and not ctx.sentences[i - 1].heading:
        i -= 1
    return ctx.sentences[i].start


_ALSO = re.compile(r"\b(?:also|then|later)\b")


def _paragraph_day(ctx: Context, pos: int) -> tuple[str, str | None] | None:
    """ "In Ashgabat on 8–9 June, the Special Representative was received by B. … Ms Hakala also met C": a
    sentence that goes on with what the same trip held ("also") is dated by the paragraph's last dated
    sentence before it."""
    s = ctx.sentence_at(pos)
    if not _ALSO.search(ctx.text, s.start, pos):
        return None
    i = ctx.sentence_index(pos)
    while i > 0 and ctx.sentences[i - 1].paragraph == s.paragraph and not ctx.sentences[i - 1].heading:
        i -= 1
        prev = ctx.sentences[i]
        days = [d for d in ctx.dates_in(prev.start, prev.end) if len(d.value) >= 7]
        if days:
            return days[0].value, days[0].end
    return None


_DAY_HEADING_REST = re.compile(r"[\s,.:;()–—-]*")


_TIME_ITEM = re.compile(r"\s*\d{1,2}[:.]\d{2}(?:\s*[–-]\s*\d{1,2}[:.]\d{2})?\s*[–—-]\s")


def _dated_by_lines(ctx: Context) -> bool:
    """Two or more lines of the text are a day and nothing else (an agenda's day headings)."""
    got = ctx.memo.get("events_day_lines")
    if got is None:
        text = ctx.text
        lines: set[int] = set()
        for d in ctx.dates:
            if len(d.value) != 10:
                continue
            a = text.rfind("\n", 0, d.span[0]) + 1
            b = text.find("\n", d.span[1])
            b = len(text) if b < 0 else b
            if a in lines or b - a > 90:
                continue
            if _day_line(ctx, a, b, ctx.dates_in(a, b)) is not None:
                lines.add(a)
        got = ctx.memo["events_day_lines"] = len(lines) >= 2
    return got


def _date_line_after(ctx: Context, c: _Cand) -> tuple[str, str | None] | None:
    """A digest's item title with its date on the line below ("5. Briefing for the diplomatic corps …\n
    12.11.2026"): an occasion the title line names takes that day."""
    text = ctx.text
    a = text.rfind("\n", 0, c.start) + 1
    b = text.find("\n", c.end)
    if b < 0 or text.find("\n", a, c.start) >= 0 or not _TITLE_LINE.fullmatch(text, a, b):
        return None
    nb = text.find("\n", b + 1)
    nb = len(text) if nb < 0 else nb
    days = ctx.dates_in(b + 1, nb)
    if len(days) != 1 or len(days[0].value) != 10:
        return None
    d = days[0]
    rest = _DAY_HEADING_REST.fullmatch
    if not (rest(text, b + 1, d.span[0]) and rest(text, d.span[1], nb)):
        return None
    return d.value, d.end


# a title line: no full stop inside, at most ~16 words ("1. Vassilenko receives new Ambassador of Belgium")
_TITLE_LINE = re.compile(r"(?:\d+\.\s+)?[^.\n]{3,140}")


def _day_heading(ctx: Context, pos: int) -> tuple[str, str | None] | None:
    """An agenda, a programme or a live report dates its items by headings that are a day and nothing
    else ("MONDAY, 6 JULY", "Thursday, 9 July – Friday, 10 July", "14 May 2026"): an item with no date
    of its own takes the day (or the days) of the nearest such heading above it. A heading of other
    words ("WEEKLY AGENDA", "Main outcomes") closes the search: what follows it is no day's item. Only in
    a text with two or more such lines (a dateline alone above a report dates none of its occasions)."""
    text = ctx.text
    if not _dated_by_lines(ctx) and not _TIME_ITEM.match(text, text.rfind("\n", 0, pos) + 1):
        return None  # (one day line dates an item that opens with its hour: "10:00 – Round table …")
    i = ctx.sentence_index(pos)
    for k in range(i, max(-1, i - 12), -1):
        a, b = ctx.sentences[k].start, ctx.sentences[k].end
        if k == i:
            # a heading line the segmenter joined to the item below it ("THURSDAY, 9 JULY – FRIDAY,
            # 10 JULY\nErasmus+ Alumni Forum, …"): that line alone
            line = text.rfind("\n", a, pos)
            if line < 0 or ctx.is_heading(a):
                continue
            b = line
        elif not ctx.is_heading(a):
            continue
        days = [d for d in ctx.dates_in(a, b) if len(d.value) == 10]
        if not days or len(days) > 2:
            if k == i:
                continue
            return None
        where = _day_line(ctx, a, b, days)
        if where is None:
            if k == i:
                continue
            return None
        ctx.memo["events_heading_place"] = where  # (the place the heading names after its day, if any)
        if len(days) == 2:
            return days[0].value, days[1].value
        inside = _weekday_in_range(ctx, days[0])  # "Monday" heading a report of a visit on 2–4 November
        if inside is not None:
            return inside, None
        return days[0].value, days[0].end
    return None


# a Markdown heading's or bullet's marks before a day line ("## Monday 7 December", "- **Tuesday …")
_LINE_MARKS = re.compile(r"[#>*\s-]*")
# a parenthesised other name form after a place ("Tashkent (Toshkent)", "Astana (Nur-Sultan)")
_PAREN_FORM = re.compile(r"\([^()\n]{1,30}\)")


def _day_line(ctx: Context, a: int, b: int, days: list) -> tuple[int, int] | None:
    """Whether the line `a`..`b` is a day (or two) and nothing else but Markdown marks before it and a
    place after it ("## Monday 7 December — Tashkent (Toshkent), Uzbekistan", "Thursday, 9 July"): the
    span of the place part ((b, b) when none), else None."""
    text = ctx.text
    if not days:
        return None
    first = min(_LINE_MARKS.match(text, a).end(), days[0].span[0])
    gaps = [(first, days[0].span[0])] + [(x.span[1], y.span[0]) for x, y in zip(days, days[1:], strict=False)]
    if not all(_DAY_HEADING_REST.fullmatch(text, x, y) for x, y in gaps):
        return None
    x = days[-1].span[1]
    if _DAY_HEADING_REST.fullmatch(text, x, b):
        return b, b
    places = ctx.places_in(x, b)
    if not places:
        return None
    # the rest once its places and other name forms are taken out: punctuation and Markdown marks only
    pieces = [(x, places[0].span[0])]
    pieces += [(p.span[1], q.span[0]) for p, q in zip(places, places[1:], strict=False)]
    pieces.append((places[-1].span[1], b))
    if all(_DAY_HEADING_REST.fullmatch(_PAREN_FORM.sub("", text[p:q]).replace("*", "")) for p, q in pieces):
        return places[0].span[0], b
    return None


def _meet_again(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "The ministers plan to meet for the fourth time in Astana next year": the fourth meeting of
    the sentence's subject."""
    text = ctx.text
    out = []
    if not ctx.cue["meet"] or (not ctx.cue["again"] and not ctx.cue[" time"]):
        return out
    for m in _MEET_AGAIN.finditer(text):  # (a literal opening: sre skips to each "meet")
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        g = 1 if m.group(1) else 2
        if m.group(g) is None:
            label = "next"  # "the presidents will meet again in Samarkand in the autumn"
        elif any(x.span[0] == m.start(g) for x in ctx.ordinals):
            label = m.group(g)
        else:
            continue
        s = ctx.sentence_at(m.start())
        if any(s.start <= c.start < m.start() for c in taken):
            continue  # "the Joint Committee will meet again in Brussels": that body's sitting, read already
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        # "The Commission expects that the Coordination Platform … will meet again": the that-clause's subject
        subj = _THAT_SUBJECT.search(text[s.start : m.start()]) or _SUBJECT.match(text[s.start : m.start()])
        name = f"{label} meeting"
        if subj:
            who = subj.group(1)
            name += f" of {who[0].lower()}{who[1:]}"
        out.append(_Cand(m.start(), m.end(), name, m.end()))
    return out


_LAST_MET = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+([a-z]+)\s+(?:had\s+)?(?:last|previously)\s+(?:met|convened|sat)\b"
)


# found from the apostrophe (a literal sre skips to), the owner read on the left
_POSSESSIVE_SITTING = re.compile(r"['’]s\s+(next|previous|[\w-]+)\s+(meeting|session|sitting|round)\b")
_THE_OWNER = re.compile(r"\b[Tt]he\s+([A-Za-z]+)$")
_LAST_MET_WORDS = ("last met", "previously met", "last convened", "previously convened", "last sat")


def _last_met(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "The committee last met in Astana in November 2022": the reported body's previous sitting
    (numbered one below the reported one when that is known)."""
    text = ctx.text
    if ctx.meeting is None or ctx.meeting_body is None:
        return []
    if not any(ctx.cue[w] for w in _LAST_MET_WORDS) and not ctx.cue["'s "] and not ctx.cue["’s "]:
        return []
    type_words = {w.lower() for w in ctx.meeting_body.type.split()}
    out = []
    n = ctx.meeting.number
    for m in _LAST_MET.finditer(text) if any(ctx.cue[w] for w in _LAST_MET_WORDS) else ():
        if m.group(1) not in type_words or any(c.start <= m.start() < c.end for c in taken):
            continue
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        label = _ord(n - 1) if n and n > 1 else "previous"
        out.append(_Cand(m.start(1), m.end(), f"{label} meeting of the {ctx.meeting.body}", m.end()))
    # "the commission's previous meeting was held in Tbilisi": the body's own other sitting
    for m in _POSSESSIVE_SITTING.finditer(text) if ctx.cue["'s "] or ctx.cue["’s "] else ():
        owner = _THE_OWNER.search(text, max(0, m.start() - 40), m.start())
        if owner is None or owner.group(1).lower() not in type_words:
            continue
        if any(c.start <= owner.start() < c.end for c in taken + out):
            continue
        if ctx.is_heading(owner.start()) or ctx.in_quote(owner.start()):
            continue
        q = m.group(1).lower()
        if q in ("next", "previous"):
            step = 1 if q == "next" else -1
            label = _ord(n + step) if n and n + step > 0 else q
        else:  # "the council's first meeting"
            o = next((x for x in ctx.ordinals if x.span[0] == m.start(1)), None)
            if o is None or o.value == n:
                continue
            label = _ord(o.value)
        name = f"{label} {m.group(2).lower()} of the {ctx.meeting.body}"
        out.append(_Cand(owner.start(), m.end(), name, m.end()))
    return out


_WHICH_MET = re.compile(
    r",\s+which\s+(?:had\s+|has\s+)?(?:last|previously|first|also)?\s*(?:met|convened|sat|gathered)\b"
)


def _which_met(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "the OTS Transport Coordination Committee, which last met in Istanbul in September": a sitting
    of a named committee or organisation (not the reported meeting's body), dated and placed by the clause."""
    text = ctx.text
    if not ctx.cue[", which"]:
        return []
    main = ctx.meeting_body
    out: list[_Cand] = []
    for span in [o.span for o in ctx.orgs] + [b.span for b in ctx.bodies if b.parties]:
        m = _WHICH_MET.match(text, span[1])
        if m is None or ctx.is_heading(span[0]) or ctx.in_quote(span[0]):
            continue
        if main is not None and span[0] <= main.span[0] < span[1]:
            continue
        if any(c.start <= span[0] < c.end for c in taken + out):
            continue
        out.append(_Cand(span[0], span[1], f"meeting of the {text[span[0] : span[1]]}", m.end()))
    return out


_TIME_CLAUSE = re.compile(r"\b(?:[Ss]ince|[Aa]fter|[Bb]efore|[Uu]ntil|[Ww]hen|[Oo]nce)\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def _became_rx() -> re.Pattern:
    nouns = sorted(data.load("events").get("memberships") or [], key=len, reverse=True)
    return re.compile(
        r"\s+(?:(?:yesterday|today|formally|officially|also|now)\s+)?(became|joined)\s+"
        r"((?:(?:a|an|the)\s+)?(?:full\s+)?(?:[A-Z][\w-]*\s+)?(?:"
        + "|".join(map(re.escape, nouns))
        + r")(?:\s+(?:of|to|in)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w-]*)*)?"
        r"|(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w-]*)*)"
        r"(?=\s+(?:in|on)\s|\s*[,.;])"
    )


def _memberships(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Mongolia became an EBRD country of operations in 2006", "Kazakhstan joined the WTO in 2015":
    a country's accession, dated (data/events.yaml memberships), named "<country> becomes/joins …"."""
    text = ctx.text
    if not ctx.cue[" became "] and not ctx.cue[" joined "]:
        return []
    out = []
    rx = _became_rx()
    for p in ctx.places:
        if p.kind != "country":
            continue
        m = rx.match(text, p.span[1])
        if not m or any(c.start <= p.span[0] < c.end for c in taken):
            continue
        if ctx.is_heading(p.span[0]) or ctx.in_quote(p.span[0]):
            continue
        if _TIME_CLAUSE.search(text, max(0, p.span[0] - 12), p.span[0]):
            continue  # "Since Mongolia joined ADB in 1991, …": a time reference, not an occasion
        verb = "becomes" if m.group(1) == "became" else "joins"
        # the span ends before the object ("… of the Platform, set up in Ashgabat": another occasion),
        # a date may stand from the country on ("Uzbekistan yesterday became …")
        out.append(_Cand(p.span[0], m.start(2), f"{p.text} {verb} {m.group(2)}", p.span[1]))
    return out


_NEW_FORMAT = re.compile(
    r"\b(?:launch|establish|set\s+up|create|form)(?:e?d|es|s|ing)?\s+(?:a|an)\s+"
    r"((?:[\w-]+\s+){0,4}?(?:dialogue|platform|group|council|committee|commission|forum|mechanism|format))\b"
)


def _generic_sittings(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "the fourth round of the dialogue", "the next round", "the last session, held in …": another
    sitting of the reported body named with a generic noun."""
    if ctx.meeting is not None and ctx.meeting_body is not None:
        body, main_no, main_body = ctx.meeting.body, ctx.meeting.number, ctx.meeting_body
    elif ctx.memo.get("occasion_sitting") is not None:
        # the reported sitting of a business council (an event, not a meeting): "its next session"
        body, main_no, main_body = ctx.memo["occasion_sitting"][4:7]
    else:
        return []
    type_words = {w.lower() for w in main_body.type.split()}
    out = []
    nouns = _sitting_nouns().positions(ctx.at) if ctx.at is not None else None
    if nouns is None:
        found = _GENERIC_SITTING_SCAN.finditer(ctx.text)
    else:
        found = matches_at(_GENERIC_SITTING, ctx.text, _sitting_openings(ctx.text, nouns))
    for m in found:
        s0 = m.start("q")
        if any(c.start <= s0 < c.end for c in taken + out) or _covers_meeting(ctx, m.start(), m.end()):
            continue
        if ctx.is_heading(s0) or ctx.in_quote(s0):
            continue
        if m.group("adj") and m.group("adj").lower() not in type_words:
            continue  # "the next ministerial meeting" of a Joint Committee: some other meeting
        if _SINCE_OR_OF.match(ctx.text, m.end()) and not _of_own_type(ctx.text, m.end(), type_words):
            continue
        other = _OF_THE_NAME.match(ctx.text, m.end())
        if other and other.group(1).lower() not in type_words:
            continue  # "the 17th session of the Conference of the Parties": another body's sitting
        if m.end() > m.end("noun"):
            last = ctx.text[m.end("noun") : m.end()].split()[-1]
            if last[:1].isupper() and last.lower() not in type_words:
                # "the next round of the Human Rights Dialogue" after a Joint Committee: that named format's
                continue
        q = m.group("q").lower()
        ap = m.start("ap") if m.group("ap") else m.start("ap2") if m.group("ap2") else None
        o = next((x for x in ctx.ordinals if x.span[0] in (s0, ap)), None)
        if o is not None:
            if o.value == main_no:
                continue
            n: int | None = o.value
        elif q in ("next", "following", "upcoming"):
            n = main_no + 1 if main_no else None
        elif q in ("last", "previous"):
            if main_no is None or _YEAR_WORD.match(ctx.text, m.end()):
                continue
            n = main_no - 1
        else:
            continue
        label = _ord(n) if n else q
        noun = m.group("noun").lower()
        if noun == "round" and noun not in type_words and m.end() == m.end("noun"):
            # "The third round of negotiations took place in Dushanbe …, and both sides agreed to hold the
            # next round in Brussels": a round of those talks, not a sitting of the reported body
            talks = _last_talks(ctx, s0, _paragraph_start(ctx, s0))
            # (not "the next round of consultations" after the reported Political Consultations: its sitting)
            if talks is not None and not _of_body_type(ctx, talks.group(0)):
                label = q if o is None else _ord(o.value)
                name = f"{label} round of {talks.group(0).lower()}{_talks_subject(ctx.text, talks.end())}"
                out.append(_Cand(m.start("q"), m.end(), name, m.end()))
                continue
        name = f"{label} {body}" if noun in type_words else f"{label} {noun} of the {body}"
        if m.group(0).split(None, 1)[0].lower() in ("its", "their"):
            s_start = ctx.sentence_at(m.start()).start
            if any(
                s_start <= b.span[0] < m.start()
                and b.span != main_body.span
                # ("The Cooperation Council took stock … since its previous meeting": the reported body again)
                and not (
                    b.type == main_body.type and (not b.parties or b.name == main_body.name)
                )
                for b in ctx.bodies
            ):
                continue  # "The Korea–Uzbekistan Business Council will hold its 4th meeting": that body's
            new = _NEW_FORMAT.search(ctx.text, s_start, m.start())
            if new:  # "agreed to launch a visa dialogue and to hold its first meeting": the new format's
                name = f"{label} {noun} of the {new.group(1)}"
        out.append(_Cand(m.start("q"), m.end(), name, m.end()))
    return out


_OF_WORDS = re.compile(r"\s+of\s+((?:[a-z]+\s+){0,2}[a-z]+)\b(?!\s+[a-z])")


def _of_own_type(text: str, pos: int, type_words: set[str]) -> bool:
    """ "the next round of consultations (in Tashkent)" of the Political Consultations: "of" and the
    body's own type words in lower case, not another thing's."""
    m = _OF_WORDS.match(text, pos)
    if m is None:
        return False
    words = m.group(1).split()
    while words and words[-1] not in type_words:
        words.pop()  # "… consultations in Tashkent": up to the preposition
    return bool(words) and all(w in type_words for w in words)


# --- where the two scans above can open --------------------------------------------------------
# Both patterns open with a common word ("the") or a space, but every match holds a rarer word
# (a participle, a sitting noun) a known distance in words after its opening. From each place
# that word stands, walking back over the words and spaces the pattern allows lists every place a
# match holding it can open; the pattern is tried there only (same matches, in the same order).


def _space_run(text: str, end: int) -> int:
    """Start of the run of whitespace (`\\s`) ending at `end`."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _token_start(text: str, end: int) -> int:
    """Start of the run of non-whitespace characters ending at `end`."""
    i = end
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _participle_openings(text: str, low: str, qs: list[int]) -> list[int]:
    """Where `part_rx` (`[,\\s]\\s*(?:(?:was|were|has been|had been|have been)\\s+)?PARTICIPLE…`) can open
    for the participles at `qs`: in the comma-and-spaces run before the participle, or before an
    auxiliary standing there. `low`: the text lower-cased, lined up with it."""
    out: set[int] = set()
    for q in qs:
        ends = [q]
        j = _space_run(text, q)
        if j < q:  # an auxiliary before the space: "was", "were", "has/had/have been"
            if low.endswith("was", 0, j):
                ends.append(j - 3)
            elif low.endswith("were", 0, j):
                ends.append(j - 4)
            elif low.endswith("be", 0, j) and not low.endswith("been", 0, j):
                k = _space_run(text, j - 2)  # "will be", "is to be", "are to be"
                if k < j - 2:
                    if low.endswith("will", 0, k):
                        ends.append(k - 4)
                    elif low.endswith((" is to", " are to"), 0, k):
                        ends.append(k - (5 if low.endswith(" is to", 0, k) else 6))
            elif low.endswith("been", 0, j):
                k = _space_run(text, j - 4)
                if k < j - 4:
                    if low.endswith(("has", "had"), 0, k):
                        ends.append(k - 3)
                    elif low.endswith("have", 0, k):
                        ends.append(k - 4)
        for end in ends:
            i = _space_run(text, end)
            out.update(range(i, end))  # `[,\\s]\\s*`: any space of the run, or a comma just before it
            if i > 0 and text[i - 1] == ",":
                out.add(i - 1)
    return sorted(out)


def _sitting_openings(text: str, nouns: list[int]) -> list[int]:
    """Where `_GENERIC_SITTING` (`\\b(?:the|its|their)\\s+WORD\\s+(?:ADJ\\s+)?NOUN…`) can open for the
    sitting nouns at `nouns`: the determiner ends the second or third space-separated token
    before the noun."""
    out: set[int] = set()
    for q in nouns:
        j = _space_run(text, q)
        if j == q:
            continue  # the noun follows a space
        t = _token_start(text, j)  # WORD or ADJ
        for _ in range(2):  # the determiner token: the one before, or the one before that
            j = _space_run(text, t)
            if j == t or j == 0:
                break
            t = _token_start(text, j)
            out.update(p for p in (j - 3, j - 5) if p >= t)
    return sorted(out)


@lru_cache(maxsize=1)
def _sitting_nouns() -> AnyOf:
    return AnyOf(["round", "meeting", "session", "sitting"])  # the nouns of _GENERIC_SITTING


@lru_cache(maxsize=64)
def _sitting_rx(type_word: str) -> re.Pattern:
    """ "meeting of the Committee", "Council" … for one body type word (compiled once per word)."""
    return re.compile(
        rf"(?:(?:meeting|session|sitting)\s+of\s+(?:the\s+|its\s+|their\s+)?)?(?:[A-Z][\w-]*\s+)?"
        rf"{re.escape(type_word)}\b",
        re.I,
    )


_CAP_DIGIT_SPACE = re.compile(r"[A-Z0-9 ]")
_CAP_DIGIT = re.compile(r"[A-Z0-9]")


def _noun_events(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    conf = _conf()
    text = ctx.text
    out = []
    main = ctx.meeting_body
    cop_spans = []
    for cm in re.finditer(r"(?<![\w])COP ?\d{1,2}(?![\w])", text) if ctx.cue["COP"] else ():
        full = _cop_full_name(text, cm.start(), cm.end())
        if full:
            cop_spans.append((full[0], cm.start()))
    for m in conf["trigger_scan"].finditer(text, ctx.at):
        trig = m.group(0).lower()
        if "-" in trig:  # (`_YEAR_SUFFIX` opens with a dash)
            trig = _YEAR_SUFFIX.sub("", trig)
        word = trig.rstrip("s") if trig not in _PLURAL_NAMES else trig
        if any(c.start <= m.start() < c.end for c in taken + out):
            continue
        if main is not None and main.span[0] <= m.start() < main.span[1]:
            continue
        if word in ("press conference", "news conference") and not ctx.in_quote(m.start()):
            after = _press_after_sitting(ctx, m.start(), m.end())
            if after is not None:
                out.append(after)
                continue
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(a <= m.start() < b for a, b in cop_spans):
            continue  # "session", "Conference" inside a COP's full name, which is read below
        if word == "entry" and _INTO_FORCE.match(text, m.end()):
            continue
        if word in ("entry", "accession") and not _INTO_NAME.match(text, m.end()):
            continue
        plural = word + "s" == m.group(0).lower()
        if plural and word not in _PLURAL_NAMES:
            continue  # plurals name no single occasion
        if _NOUN_AFTER.match(text, m.end()):
            continue  # "Round table report", "forum participants": the occasion names another thing
        if m.group(0)[:1].isupper() and _ACTS_AS_BODY.match(text, m.end()):
            continue  # "the Caspian Policy Forum convened some 40 officials": a think tank, not an occasion
        start = _np_start(text, m.start())
        end = _np_end(text, m.end())
        poss = None
        if word in ("meeting", "session") and (ctx.cue["’ "] or ctx.cue["' "]):
            # "a senior officials' meeting on critical raw materials": a meeting named by who meets
            poss = _gathering_possessive().search(text, max(0, start - 50), start)
            start = poss.start() if poss else start
        topic = _TOPIC_APPOSITION.match(text, m.end()) if end == m.end() else None
        if end == m.end() and m.group(0).islower() and (venue := _AT_VENUE.match(text, m.end())) is not None:
            end = venue.end()  # "a round table at the European Policy Centre": where it was held names it
        quoted_format = False
        if word in _TITLED_TRIGGERS:
            # 'the exhibition "Treasures of the Silk Road"', 'the "Made in Azerbaijan" exhibition', 'a
            # Mongolian cultural heritage exhibition': a title in quotes, or a name-led description
            qa = _QUOTED_AFTER.match(text, m.end()) if end == m.end() else None
            if qa is not None:
                end = _np_end(text, qa.end()) if _OF_NEXT.match(text, qa.end()) else qa.end()
            if start == m.start():
                qb = _QUOTED_BEFORE.search(text, max(0, start - 90), start)
                qb = qb or _DESCRIBED_BEFORE.search(text, max(0, start - 60), start)
                if qb is not None:
                    start = qb.start(1)
        elif start == m.start() and word in _FORMAT_TRIGGERS and text[start - 2 : start - 1] in _CLOSE_QUOTES:
            # 'the first "Central Asia – Italy" summit': a format's name in quotes, its edition before it
            qf = _QUOTED_FORMAT.search(text, max(0, start - 100), start)
            if qf is not None:
                start = qf.start(1) if qf.group(1) else qf.start(2)
                quoted_format = True
        if end > m.end() and (qa := _QUOTED_AFTER.match(text, _space_back(text, end))) is not None:
            tail = text[max(m.end(), end - 14) : end].lower().split()
            if tail and tail[-1] in _TITLED_TRIGGERS:
                # 'a reception on the opening of the exhibition "European Design Week"': its title
                end = qa.end()
        if end == m.end() and m.group(0)[:1].isupper():
            ym = _SPACE_YEAR.match(text, end)
            if ym:  # "Expo 2025", "Asian Games 2026": the edition's year belongs to the name
                end = ym.end()
        if word == "launch" and _SINCE_ITS.search(text, max(0, start - 12), start):
            continue  # "the work of the Secretariat since its launch in 2024": since when, no occasion
        if word == "launch" and _DISCUSSED_BEFORE.search(text, max(0, start - 40), start):
            continue  # "the sides discussed the launch of a new train service": a plan talked over, not held
        if word == "anniversary" and _PURPOSE_BEFORE.search(text, max(0, start - 40), start):
            continue  # "an exhibition … to mark the 35th anniversary of …": what another occasion marks
        np = text[start:end]
        if topic is not None:  # "Our previous round table, on energy interconnectors, took place …"
            np, end = f"{np} {topic.group(1)}", topic.end(1)
        bare = _drop_det(np).strip()
        left_mods = text[start : m.start()].strip()
        left_mods = _drop_det(left_mods)
        if _SAME.search(np):
            continue
        current = False
        owner = (
            _WHOSE.search(text[max(0, m.start() - 120) : m.start()])
            if "whose" in text[max(0, m.start() - 8) : m.start()]
            else None
        )
        if owner and not left_mods and end == m.end():
            # "the Shanghai Cooperation Organisation, whose summit in Astana …"
            out.append(_Cand(m.start(), m.end(), f"{owner.group(1)} {m.group(0).lower()}", m.end()))
            continue
        if owner is None and end == m.end() and "whose" in text[max(0, start - 8) : start]:
            city = ctx.places_in(start, m.start())
            owner = _WHOSE.search(text[max(0, start - 120) : start])
            named = _CAP_WORD.fullmatch(left_mods) is not None and all(p.kind == "city" for p in city)
            if owner and named:
                # "the Shanghai Cooperation Organization, whose Tianjin summit last year": that city's
                name = f"{left_mods} {m.group(0).lower()} of the {owner.group(1)}"
                out.append(_Cand(start, m.end(), name, m.end()))
                continue
            owner = None
        if _COP.fullmatch(m.group(0)):
            full = _cop_full_name(text, m.start(), m.end())
            if full:
                start, end, bare = full
            else:
                sm = _COP_NOUN.match(text, m.end())
                if sm:
                    end = max(end, sm.end())
                    bare = f"{bare} {sm.group(1)}" if end == sm.end() else bare
        if (word == "ceremony" or (word == "session" and _ordinal_before(ctx, m.start(), 20) is None)) and (
            cm := _CEREMONY_OF.match(text, m.end())
        ) is not None:
            # "the opening ceremony of the … Forum", "the plenary session of the … Business Forum"
            tm = conf["trigger_rx"].search(text, m.end(), min(len(text), cm.end() + 20))
            if tm is not None and tm.start() <= cm.end() and tm.group(0)[:1].isupper():
                continue  # the named occasion is the event
        weak = word in conf["weak"]
        ord_ = _ordinal_before(ctx, m.start(), 20)
        has_ord = ord_ is not None
        named_of = end > m.end() and _OF_NAMED.match(text, m.end()) is not None
        # "the groundbreaking ceremony of the new Rail Baltica station": what it is the ceremony of
        named_of = named_of or (word == "ceremony" and _OF_NEW_NAMED.match(text, m.end()) is not None)
        next_acr = (
            not has_ord
            and _ACRONYM.fullmatch(left_mods) is not None
            and _NEXT_BEFORE.search(text, max(0, start - 12), start) is not None
        )
        gathering = None
        # "the High-Level International Conference on …": a capitalised trigger after capitalised words
        titled = m.group(0)[:1].isupper() and _TITLED_MODS.search(left_mods) is not None
        # "the GCC–Central Asia ministerial strategic dialogue": a format named by its two sides
        titled = titled or _PAIR_MODS.match(left_mods) is not None
        titled = titled or poss is not None or quoted_format
        # "an expert-level meeting took place in Brussels on 3 June": a sitting named by its level, held
        titled = titled or (
            word in ("meeting", "session", "consultations")
            and _LEVEL_MOD.search(left_mods) is not None
            and _HELD_AFTER.match(text, m.end()) is not None
        )
        # "the SCO Heads of State Council meeting": a sitting of a body named before it
        titled = titled or (word in ("meeting", "session") and _OWNER_BODY.fullmatch(left_mods) is not None)
        # ("talks", "consultations" only as named by who held them: "Talks between A and B took place …")
        named_by_who = word in _PLURAL_NAMES[2:]
        if (weak and not has_ord and not named_of and not next_acr and not titled) or named_by_who:
            # "the meeting between Minister A and Minister B", "a meeting of senior officials"
            gathering = None
            if word in ("meeting", "talks", "consultations") and not (
                _ends_of_on_for(text, max(0, start - 30), start)
                and _IN_DOC_NAME.search(text, max(0, start - 30), start)
            ):  # (not the "Plan of Consultations between the Ministries …": a document)
                gathering = _gathering(ctx, start, m.end())
            if gathering is None and word in ("meeting", "session", "conference"):
                gathering = _hosted(text, start, m.start(), m.end())
            if gathering is None and word == "session" and end == m.end():
                gathering = _own_session(ctx, start, m.end())
            if (
                gathering is None
                and word == "conference"
                and end > m.end()
                and _HELD_BEFORE.search(text, max(0, start - 50), start)
            ):
                # "opened a conference on water diplomacy": one someone held, named by its subject
                gathering = start, end, _DET.sub("", text[start:end]).strip()
            kind = None
            if word == "ceremony":
                kind = _ceremony_kind_rx().search(text, max(0, m.start() - 24), m.start())
            if gathering is None and kind is not None and end > m.end():
                # "joined a signing ceremony at the Almaty Akimat": a kind of ceremony and where it was held
                start = min(start, kind.start())
                gathering = start, end, text[start:end]
            what = _COLON_WHAT.match(text, m.end()) if gathering is None and kind is not None else None
            if what is not None:
                # an agenda's "Signing ceremony: EU grant of EUR 4 million for …, Ministry of …": of what
                start = min(start, kind.start())
                end = what.end()
                gathering = start, end, f"{text[start : m.end()]} of {what.group(1)}"
            if gathering is None:
                continue
            start, end, bare = gathering
        if (
            has_ord
            and main is not None
            and ctx.meeting is not None
            and ord_.value == ctx.meeting.number
            and (
                main.type.split()[-1].lower() in np.lower()
                # "The … Committee held its ninth session": the body named in the same sentence
                or ctx.sentence_at(main.span[0]).start == ctx.sentence_at(m.start()).start
                # "the Protocol of the 11th meeting was signed": the reported sitting, by its number
                or _BARE_SITTING.fullmatch(bare) is not None
            )
        ):
            continue  # "the regular XI meeting of the … Commission was held": the reported meeting
        owner = (
            _its_owner(ctx, start)
            if end == m.end() and gathering is None and _ITS_BEFORE.search(text, max(0, start - 5), start)
            else None
        )
        if not left_mods and end == m.end() and word in conf["described"]:
            hb = _DESCRIBED_BY.match(text, m.end())
            if hb is not None:
                # "a reception hosted by the Sichuan provincial government": named by who gave it
                out.append(_Cand(start, hb.end(), _DET.sub("", text[start : hb.end()]), m.end()))
                continue
            if ctx.meeting is not None and ctx.meeting.body and _AFTER_OCCASION.match(text, m.end()):
                # "said at the press conference after the meeting": the reported sitting's
                name = f"{m.group(0).lower()} after the {ctx.meeting.body}"
                out.append(_Cand(start, m.end(), name, m.end()))
            continue  # (neither: a bare "a reception", "the press conference": nothing names which)
        if (
            not left_mods
            and end == m.end()
            and not _CAP_DIGIT_SPACE.search(m.group(0))
            and word != "unrest"
            and (owner is None or weak)
        ) or (
            not left_mods
            and end == m.end()
            and not _CAP_DIGIT.search(m.group(0))
            and word.endswith("visit")
            and _visitor(ctx, start) is None
        ):
            continue  # a bare "the forum", "the visit" (but "the Organisation … its summit")
        if word == "ministerial" and _ADJECTIVE_USE.match(text, m.end()):
            continue  # "the ministerial declaration": an adjective, not the sitting it names in short
        if word in ("day", "days", "week") and conf["trigger_rx"].match(text, m.end() + 1):
            continue  # "a Europe Day reception": the reception, which the day names
        if word == "reception" and _OF_NEXT.match(text, m.end()):
            continue  # "the reception of refugees", "reception of the report": receiving, not a reception
        if (
            not left_mods
            and end == m.end()
            and m.group(0)[:1].isupper()
            and " " not in m.group(0)
            and _named_before(ctx, word, m.start(), taken + out)
        ):
            continue  # "On the margins of the Forum": the Forum named in full before
        if any(b.span[0] >= start and b.span[0] <= end + 25 for b in ctx.bodies):
            continue  # "meeting of the … Council": the body's own sitting
        if _SINCE_NEXT.match(text, end):
            continue  # "the first Committee meeting since …" describes, names no other occasion
        if word in ("referendum", "election"):
            vm = _VOTE.match(text[end:])  # (on the rest itself: its `\b` may stand at the start)
            if vm:
                end = end + vm.end()
                bare = f"{bare} on {vm.group(1)}"
        if _covers_meeting(ctx, start, end):
            continue
        name = re.sub(
            r"\s+(?:of|on|in)\s+(?:January|February|March|April|May|June|July|August|September|"
            r"October|November|December|\d[\w\s]*)$",
            "",
            bare,
        )
        if word.endswith("visit") and not _OF_NEXT.match(text, m.end()):
            who = _visitor(ctx, start)
            if who:  # "President X paid a state visit to Y" → "state visit of President X to Y"
                head = _DET.sub("", text[start : m.end()]).strip()
                name = f"{head} of {who}{text[m.end() : end]}"
                # a state or official visit framing the reported talks is an occasion of its own; a
                # "working visit" there only says why the visitor is in town, unless a sitting of a body
                # is held within its framework
                current = (
                    (word != "visit" or ctx.meeting is not None)
                    and " to " in who
                    and " to " not in text[m.end() : end]
                )
        elif word.endswith("visit") and (titled_visit := _visit_of_titled(ctx, m.end())) is not None:
            # "Visit of the EU Special Representative for Central Asia, Eduards Stiprais, to Almaty": who
            # visited where, as gold names visits ("visit of Eduards Stiprais to Almaty")
            head = _DET.sub("", text[start : m.end()]).strip()
            head = head[:1].lower() + head[1:] if head[1:].islower() else head
            who, end = titled_visit
            name = f"{head} of {who}"
        elif next_acr:
            # "the next HLSCC session of the two presidents" → "next session of the High-Level …"
            named = _expand_acronym(ctx, left_mods, "next", m.group(0))
            if named:
                name = named
        elif gathering is not None:
            name = bare
        elif owner:  # "the "Central Asia + Japan" Dialogue … ahead of its first summit"
            name = f"{name} of the {owner}"
        elif has_ord and end == m.end():
            named = _expand_acronym(
                ctx, text[ord_.span[1] : m.start()], text[ord_.span[0] : ord_.span[1]], m.group(0)
            )
            if named:  # "the third JSPG meeting" → "third meeting of the Joint Strategic Planning Group"
                name = named
            elif (
                m.group(0).islower()
                and ord_.span[1] + 1 == m.start()
                and (titled_before := _elliptic_title(text, m.group(0), start))
            ):
                # "the 20th EU–Central Asia Ministerial Meeting" … "to host the 21st ministerial": that series
                name = f"{text[ord_.span[0] : ord_.span[1]]} {titled_before}"
            elif weak and ord_.span[1] + 1 == m.start():
                body = _body_before(ctx, start)
                if body is not None:
                    # "recalled the eighth meeting of the Joint Committee … proposed to hold the ninth
                    # meeting in Brussels": a sitting of the body its paragraph last named
                    name = f"{name} of the {_body_name(ctx, body)}"
        if not current and word in ("press conference", "news conference") and left_mods:
            # 'A told reporters at a joint press conference': undated, the one the story reports, on its day
            told = _TOLD_AT.search(text, max(0, start - 40), start)
            s = ctx.sentence_at(start)
            current = told is not None and not ctx.dates_in(s.start, s.end)
        seen_there = _VISITED_BEFORE.search(text, max(0, start - 60), start) is not None
        if not current and seen_there and _CAPITAL.search(text, start, end):
            # "The two leaders visited the "Made in Azerbaijan" exhibition": with no day of its own, seen
            # at the reported occasion
            s = ctx.sentence_at(start)
            current = not ctx.dates_in(s.start, s.end)
        out.append(_Cand(start, end, name, m.end(), current))
    return out


# "Press conference by A and B following the 19th meeting of the X Council", "the joint press conference
# after the Y Summit": the sitting it follows, named (a capitalised word in it), on one line
_PRESS_AFTER = re.compile(
    r"(?:\s+(?:by|of|with)\s+[^\n.;:]{3,180}?)?\s+(following|after)\s+"
    r"(the\s+(?:[\w’'-]+\s+){0,3}?(?:\d+(?:st|nd|rd|th)\s+|[a-z]+(?:st|nd|rd|th)\s+)?"
    r"(?:(?:meeting|session|sitting)\s+of\s+the\s+)?[A-Z][^\n.;:,(]{0,100}?"
    r"(?<![\w-])(?:Council|Committee|Commission|Summit|Forum|Dialogue|Conference|Meeting|Talks|Board|Assembly))\b"
)


def _press_after_sitting(ctx: Context, start: int, end: int) -> _Cand | None:
    """ "Joint press conference following the 22nd meeting of the EU–Kazakhstan Cooperation Council" (a
    transcript's title, or a report's "told a press conference after the X Summit"): the press conference
    of that sitting, named by it, so that it is not read as the sitting nor dropped as a bare "press
    conference"."""
    pm = _PRESS_AFTER.match(ctx.text, end)
    if pm is None:
        return None
    np_start = _np_start(ctx.text, start)
    head = _DET.sub("", ctx.text[np_start:end]).strip()
    head = head[:1].lower() + head[1:]
    fixed = None
    meeting = ctx.meeting
    s = ctx.sentence_at(start)
    if (
        meeting is not None
        and meeting.date
        and meeting.body
        and not ctx.dates_in(s.start, s.end)
        # (its type word: "EU–Kyrgyzstan Cooperation Council" for "the 19th meeting of the EU–Kyrgyz
        # Republic Cooperation Council")
        and meeting.body.split()[-1].lower() in _name_words(pm.group(2))
    ):
        # (a transcript's title under its dateline: the reported sitting's (last) day and place)
        fixed = (meeting.date_end or meeting.date, None, meeting.place)
    elif days := ctx.dates_in(pm.end(), s.end):
        # "told a news conference following the X Forum in Tashkent on 10 June": the day (and city) given
        # after the sitting, which the press conference's own span does not reach
        city = next((p.name for p in ctx.places_in(pm.start(2), s.end) if p.kind == "city"), None)
        fixed = (days[0].end or days[0].value, None, city)
    # (its span the press conference's own words: the sitting after it is read as an occasion too)
    return _Cand(np_start, end, f"{head} {pm.group(1)} {pm.group(2)}", end, fixed=fixed)


_TOLD_AT = re.compile(
    r"\b(?:told|telling|briefed)\s+(?:reporters|journalists|the\s+press|the\s+media)\s+at\s+(?:(?:a|an|the)\s+)?$"
)
_VISITED_BEFORE = re.compile(
    r"\b(?:visited|toured|viewed|inaugurated|attended|opened)\s+(?:the\s+|an?\s+)?"
    r"(?:(?:opening|closing)\s+(?:ceremony\s+|session\s+)?of\s+the\s+)?$"
)


_HELD_BEFORE = re.compile(
    r"\b(?:opened|organi[sz]ed|hosted|attended|held|convened|addressed|took\s+part\s+in|participated\s+in|"
    r"spoke\s+at)\s+(?:the|an?)\s+$"
)
_LATERAL_BEFORE = re.compile(r"\b((?:tri|quadri|multi)lateral|high-level|plenary)\s+$", re.I)
_HOSTED_BY = re.compile(
    r"\s+(?:hosted|chaired|convened|organi[sz]ed)\s+by\s+(?:the\s+)?[A-Z][\w’'-]*"
    r"(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w’'-]*){0,6}"
)


def _hosted(text: str, np_start: int, start: int, end: int) -> tuple[int, int, str] | None:
    """ "the trilateral meeting hosted by the President of the United States": a meeting of several
    sides named by its host (start, end, name)."""
    lat = _LATERAL_BEFORE.search(text, max(0, start - 16), start)
    hb = _HOSTED_BY.match(text, end) if lat is not None else None
    if hb is None:
        return None
    a = min(np_start, lat.start(1))
    return a, hb.end(), text[a : hb.end()]


def _named_before(ctx: Context, word: str, pos: int, cands: list[_Cand]) -> bool:
    """An occasion or the reported sitting named in full before `pos` ends with `word` ("Forum")."""
    main = ctx.meeting_body
    if main is not None and main.span[0] < pos and main.type.split()[-1].lower() == word:
        return True
    return any(c.start < pos and c.name.lower().endswith(word) for c in cands)


def _body_before(ctx: Context, pos: int) -> BodyMention | None:
    """The last body named before `pos` in its paragraph, other than the reported meeting's."""
    para_start = _paragraph_start(ctx, pos)
    last = None
    for b in ctx.bodies:
        if b.span[1] > pos:
            break
        if b.span[0] >= para_start and (ctx.meeting_body is None or b.span != ctx.meeting_body.span):
            last = b
    return last


# plural triggers that name one occasion ("the Asian Games", "the Days of Kazakh Culture")
_PLURAL_NAMES = ("games", "days", "talks", "consultations")
_IN_DOC_NAME = re.compile(
    r"\b(?:Plan|Protocol|Programme|Program|Memorandum|Agreement|Roadmap|Road\s+Map|Schedule)\s+(?:of|on|for)\s+"
    r"(?:the\s+)?$",
    re.I,
)
_OF_ON_FOR = ("of", "on", "for")


def _ends_of_on_for(text: str, lo: int, hi: int) -> bool:
    """Whether `text[lo:hi]` ends as an `_IN_DOC_NAME` match must: "of", "on" or "for" (any case),
    spaces, and maybe "the" and spaces; False proves the regex cannot match there."""
    w = text[lo:hi].rstrip()
    if len(w) == hi - lo:
        return False  # no space at the end
    low = w[-4:].lower()
    if low.endswith(_OF_ON_FOR):
        return True
    if not low.endswith("the"):
        return False
    w = w[:-3]
    return w != w.rstrip() and w.rstrip()[-4:].lower().endswith(_OF_ON_FOR)


_PURPOSE_BEFORE = re.compile(
    r"\b(?:to\s+(?:mark|celebrate|commemorate)|marking|celebrating|dedicated\s+to|devoted\s+to|"
    r"on\s+the\s+occasion\s+of|in\s+honou?r\s+of)\s+(?:the\s+)?$"
)
# 'the second "Central Asia – Italy" summit': a format's sitting named by the format in quotes
_FORMAT_TRIGGERS = frozenset(
    {"summit", "meeting", "ministerial", "dialogue", "session", "forum", "business forum"}
)
_CLOSE_QUOTES = frozenset("”\"»")
_QUOTED_FORMAT = re.compile(r"(?:\b" + _EDITION_WORD + r"\s+)?" r"([“\"«][A-Z][^”\"»\n]{1,60}[”\"»])\s+$")
# triggers that a title in quotes, or a description led by a name, may go with
_TITLED_TRIGGERS = frozenset(
    {"exhibition", "festival", "expo", "forum", "conference", "round table", "roundtable"}
)
# (also a venue named after an occasion: "at the Expo centre", "the Forum Hall", "the Summit grounds")
_NOUN_AFTER = re.compile(
    r"\s+(?:report|reports|summary|participants|format|series|website|organi[sz]ers?|centre|center|hall|halls|"
    r"venue|grounds|pavilion|premises|site|city|village|park)\b"
)
# what an organisation does, not an occasion: "the X Forum convened officials", "the Forum will publish"
_ACTS_AS_BODY = re.compile(
    r"\s+(?:convened|convenes|published|publishes|will\s+publish|organi[sz]ed|organi[sz]es)\s+"
    r"(?!(?:in|on|at|from|by)\b)"
)
_TOPIC_APPOSITION = re.compile(r",\s+(on\s+(?:the\s+)?[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,5}),")
_AT_VENUE = re.compile(
    r"\s+at\s+the\s+[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w’'-]*){0,6}"
)
# "a reception (and a cultural programme) hosted by the X", "a concert given by Y": who gave it names it
_DESCRIBED_BY = re.compile(
    r"(?:\s+and\s+(?:a|an|the)\s+[a-z]+(?:\s+[a-z]+)?)?\s+(?:hosted|given|offered|organi[sz]ed)\s+by\s+"
    r"(?:the\s+)?[A-Z][^,.;:()\n]{1,60}?(?=[,.;:(\n]|\s+(?:in|at|on|for|to|and|with|after|before)\s|$)"
)
_DISCUSSED_BEFORE = re.compile(
    r"\b(?:discussed|considered|reviewed|explored|examined|debated|talked\s+about)\s+"
    r"(?:the\s+|a\s+)?(?:possible\s+|planned\s+|prospects\s+(?:of|for)\s+(?:the\s+)?)?$"
)
_SINCE_ITS = re.compile(r"\b[Ss]ince\s+(?:its|their)\s+$")
_COLON_WHAT = re.compile(r":\s+([^,;:.\n]{3,120}?)(?=[,;.\n]|$)")
_QUOTED_AFTER = re.compile(r"\s+[“\"«][^”\"»\n]{2,80}[”\"»]")
_QUOTED_BEFORE = re.compile(r"(?:\b(?:the|a|an)\s+)?([“\"«][^”\"»\n]{2,80}[”\"»])\s+$")
# "a Mongolian cultural heritage exhibition", "an EU–Central Asia civil society forum", "a Team Europe
# investment round table": a name-led description (its lower-case words no verb, article or preposition)
_DESCRIBED_BEFORE = re.compile(
    r"\b(?:a|an)\s+((?:[A-Z][\w’'–-]*\s+){1,4}"
    r"(?!(?:a|an|the|and|or|of|to|in|on|at|for|with|by|from|is|are|was|were|will|has|have|had)\b)"
    r"[a-z](?![\w’'-]*ed\b)[\w’'-]*(?:\s+[a-z][\w’'-]*){0,2})\s+$"
)
_BARE_SITTING = re.compile(r"\S+\s+(?:meeting|session|sitting)", re.I)
_OWNER_BODY = re.compile(
    r"(?:[A-Z][\w’'-]*\s+(?:of\s+)?){1,6}(?:Council|Committee|Commission|Group|Board|Assembly|Parliament|"
    r"Ministers['’]?)"
)
_PAIR_MODS = re.compile(r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?–[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)?\s")
_OF_NAMED = re.compile(r"\s+of\s+the\s+[A-Z]")
_OF_NEW_NAMED = re.compile(r"\s+of\s+(?:the\s+)?(?:new|future|first)\s+[A-Z]")
_SPACE_YEAR = re.compile(r" (?:19|20)\d\d\b")
_BETWEEN_NEXT = re.compile(r"\s+between\s")
_TITLED_MODS = re.compile(r"(?:^|\s)[A-Z][a-z][\w-]*(?:s['’])?$")  # "… Foreign Ministers' Meeting"
_ITS_BEFORE = re.compile(r"\bits\s+$")
_NAME_PART = r"(?:[\"“][^\"”.]{2,40}[\"”]|[A-Z][\w’'+–-]*)"
_NAMED_THE = re.compile(rf"\b[Tt]he\s+({_NAME_PART}(?:\s+(?:of\s+|and\s+|\+\s+)?{_NAME_PART})*)")


# "At its plenary session on Wednesday, the Mazhilis of the Parliament …": the subject after the comma
_AT_ITS = re.compile(r"\W*(?:At|During|In)\s+its\s+$")
_SUBJECT_AFTER = re.compile(r"[^,.;]{0,40},\s+the\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})")


def _own_session(ctx: Context, start: int, end: int) -> tuple[int, int, str] | None:
    """ "At its plenary session on Wednesday, the Mazhilis adopted …" → "plenary session of the
    Mazhilis": a sitting of the body the sentence then names as its subject."""
    s = ctx.sentence_at(start)
    if not _AT_ITS.fullmatch(ctx.text, _after_lead_in(ctx.text, s.start), start):
        return None
    sm = _SUBJECT_AFTER.match(ctx.text, end)
    if sm is None:
        return None
    return start, end, f"{ctx.text[start:end]} of the {sm.group(1)}"


def _its_owner(ctx: Context, start: int) -> str | None:
    """Whose "its" is: the last thing named with capitals ("the "Central Asia + Japan" Dialogue")
    earlier in the sentence, as the text writes it without quotes."""
    s = ctx.sentence_at(start)
    last = None
    for m in _NAMED_THE.finditer(ctx.text, s.start, start):
        last = m
    if last is None:
        return None
    return re.sub(r"[\"“”]", "", last.group(1))


@lru_cache(maxsize=1)
def _of_group() -> re.Pattern:
    groups = sorted(data.load("events").get("gatherings") or [], key=len, reverse=True)
    # ("a meeting between the foreign ministers of A and B": who met, after "between" too)
    return re.compile(r"\s+(?:of|between)\s+(?:the\s+)?(?:" + "|".join(map(re.escape, groups)) + r")\b", re.I)


_MINISTERS_OF = re.compile(
    r"(?:\s+of\s+[a-z]+(?:\s+and\s+[a-z]+)*)?\s+of\s+(?:the\s+)?[A-Z][\w’'-]*(?:(?:,\s+|,?\s+and\s+)[A-Z][\w’'-]*)+"
)
_HELD_WITH = re.compile(
    r"\s+(?:was|were)\s+(?:also\s+)?held\s+with\s+(?:(?:the\s+)?(?:representatives|members|heads)\s+of\s+)?"
    r"(?:the\s+)?([A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w’'-]*){1,6})"
)


@lru_cache(maxsize=1)
def _audience_rx() -> re.Pattern:
    """ " with students of the Astana IT University": a group (data/events.yaml audiences) of a named
    institution, after "meeting" or "met"."""
    groups = sorted(data.load("events").get("audiences") or [], key=len, reverse=True)
    return re.compile(
        r"\s+(?:with\s+)?((?:(?:the|a\s+group\s+of)\s+)?(?:" + "|".join(map(re.escape, groups)) + r")\s+of\s+"
        r"(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w’'-]*)*)"
    )


def _gathering(ctx: Context, start: int, end: int) -> tuple[int, int, str] | None:
    """(start, end, name) of a meeting named by who met: "the meeting between the Minister … Bakhtiyor
    Saidov and the Minister … Takeshi Iwaya" → "meeting between Bakhtiyor Saidov and Takeshi Iwaya";
    "the meeting of senior officials" (data/events.yaml gatherings)."""
    text = ctx.text
    g = _of_group().match(text, end)
    if g:
        # "… of the ministers of economy and transport of Georgia, Azerbaijan and Türkiye": whose
        w = _MINISTERS_OF.match(text, g.end())
        g_end = w.end() if w else g.end()
        # ("Meeting of …" opening a sentence in lower case, not "the Tashkent meeting of …")
        head = text[start : g.end()]
        if head.split()[0].lower() in ("meeting", "talks", "consultations", "the", "a"):
            head = head[0].lower() + head[1:]
        return start, g_end, head + text[g.end() : g_end]
    held = _HELD_WITH.match(text, end)
    if held:  # "a meeting was also held with representatives of the European Business Association"
        return start, held.end(), f"meeting with the {held.group(1)}"
    aud = _audience_rx().match(text, end)
    if aud:  # "a meeting with students of the Astana IT University"
        return start, aud.end(), f"{text[start:end].lower()} with {aud.group(1)}"
    if not _BETWEEN_NEXT.match(text, end):
        return None
    s = ctx.sentence_at(start)
    names = []
    for a, b, p in ctx.person_mentions():
        if a < end:
            continue
        if a >= s.end or len(names) == 2:
            break
        names.append((a, b, p.name))
    if len(names) < 2 or not re.search(r"\sand\s", text[names[0][1] : names[1][0]]):
        return None
    if re.search(r"[,;:()]", text[end : names[1][0]]):
        return None  # the second name stands in another clause
    return start, names[1][1], f"{text[start:end].lower()} between {names[0][2]} and {names[1][2]}"


_OF_NEXT = re.compile(r"\s+of\s")
_VISIT_VERB = re.compile(
    r"(?:\s+(?:paid|pays|made|makes|is\s+paying|will\s+pay|was\s+on|is\s+on|to\s+pay|to\s+make|"
    r"began|begins|started|starts|concluded|concludes|ended|ends|wrapped\s+up)"
    # "X, who is in Kazakhstan on a state visit"; "X arrived in Dushanbe on Tuesday for a two-day state
    # visit"; "X, who is staying in our country with a working visit" (the country the text is written in)
    r"|,\s+who\s+(?:is|was)\s+(?:staying\s+)?in\s+"
    r"(?:(?P<in>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)|(?P<ours>our\s+country)|(?P<the>the\s+country))"
    r"\s+(?:on|with)"
    r"|(?:,\s+who)?\s+(?:arrived|arrives|has\s+arrived)\s+in\s+(?P<at>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)"
    r"(?:\s+(?:on|this|last)\s+(?:\d{1,2}\s+)?[A-Z]?[a-z]+)?\s+(?:for|on))"
    r"\s+(?:a|an|his|her|their)\s+(?:[\w-]+-day\s+)?$"
)
_ACRONYM = re.compile(r"[A-Z]{2,8}")
_CAP_WORD = re.compile(r"[A-Z][\w’']*(?:-[A-Z][\w’']*)*")
_NEXT_BEFORE = re.compile(r"\bnext\s+$", re.I)


def _visitor(ctx: Context, start: int) -> str | None:
    """ "the President of … Ilham Aliyev paid a state visit": the person the visit is of, as
    "<short role> <name>" ("President Ilham Aliyev"); "X, who is in Kazakhstan on a state visit",
    "X arrived in Dushanbe … for a state visit" add where to ("… of X to Kazakhstan")."""
    before = ctx.text[max(0, start - 90) : start]
    vm = _VISIT_VERB.search(before)
    if not vm:
        return None
    verb_at = start - len(before) + vm.start()
    where = vm.group("in") or vm.group("at") or (ctx.dateline_place() if vm.group("ours") else None)
    if vm.group("the"):
        # "President of the Kyrgyz Republic A received B, who is in the country on a working visit": the
        # country the sentence names last before (not one inside a name: "the Asian Development Bank")
        s0 = ctx.sentence_at(verb_at).start
        where = next(
            (
                p.name
                for p in reversed(ctx.places_in(s0, verb_at))
                if p.kind == "country" and not any(o.span[0] <= p.span[0] < o.span[1] for o in ctx.orgs)
            ),
            None,
        )
    to = f" to {where}" if where else ""
    # (the nearest first: "At the invitation of President A, President of Latvia B paid a state visit": B's)
    for _a, b, p in reversed(ctx.person_mentions()):
        # "X, High Representative of … Commission, who is in Astana on an official visit": a title between
        between = ctx.text[b:verb_at]
        if b <= verb_at and (not between.strip() or _TITLE_APPOSITION.fullmatch(ctx.text, b, verb_at)):
            role = p.role if p.role and len(p.role.split()) <= 2 else None
            return (f"{role} {p.name}" if role else p.name) + to
    return None


# "… of the Minister of Foreign Affairs of Latvia, Baiba Braže, to …": a title before the name
_OF_TITLE_BEFORE_NAME = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w’'./+-]*|of|the|for|to|and|on|in)\s+)*?[A-Z][\w’'./+-]*,\s+"
)
_TO_AFTER_NAME = re.compile(r",?\s+to\s+(?:the\s+)?")


def _visit_of_titled(ctx: Context, trig_end: int) -> tuple[str, int] | None:
    """ "visit of the EU Special Representative for Central Asia, Eduards Stiprais, to Almaty": the
    visitor named in apposition to a title, then where to → ("Eduards Stiprais to Almaty", end of the
    place). (A title without the commas stays in the name: "state visit of President X to Latvia".)"""
    text = ctx.text
    if not text.startswith(" of ", trig_end):
        return None
    for a, b, p in ctx.person_mentions():
        if a < trig_end:
            continue
        if a - trig_end > 120:
            return None
        if not _OF_TITLE_BEFORE_NAME.fullmatch(text, trig_end, a):
            return None
        tm = _TO_AFTER_NAME.match(text, b)
        if tm is None:
            return None
        place = next((q for q in ctx.places_in(tm.end(), tm.end() + 40) if q.span[0] == tm.end()), None)
        if place is None:
            return None
        return f"{p.name} to {text[place.span[0] : place.span[1]]}", place.span[1]
    return None


# (the apposition's closing comma too: "Kaja Kallas, High Representative of the Union, paid a visit")
_TITLE_APPOSITION = re.compile(
    r",\s+(?:(?:[A-Z][\w’'./-]*|of|the|to|for|and|on|in)\s+){0,24}[A-Z][\w’'./-]*,?"
)


def _expand_acronym(ctx: Context, mods: str, label: str, trigger: str) -> str | None:
    """ "third JSPG meeting": an acronym the text expands elsewhere ("Joint Strategic Planning Group
    (JSPG)") named in full, "third meeting of the Joint Strategic Planning Group"."""
    words = mods.split()
    if len(words) != 1 or not _ACRONYM.fullmatch(words[0]):
        return None
    acr = words[0]
    text = ctx.text
    at = text.find(f"({acr})")
    if at < 0:
        return None
    seg = text[max(0, at - 120) : at]
    # capitalised words back from the bracket, a hyphenated one giving a letter per part
    # ("High-Level Strategic Cooperation Council (HLSCC)"), until their initials spell the acronym
    caps = list(_CAP_WORD.finditer(seg))
    initials = ""
    for k in range(len(caps) - 1, -1, -1):
        initials = "".join(p[0] for p in caps[k].group(0).split("-")) + initials
        if len(initials) >= len(acr):
            if initials != acr:
                return None
            expansion = " ".join(seg[caps[k].start() :].split())
            return f"{label} {trigger.lower()} of the {expansion}"
    return None


_WHOSE = re.compile(
    r"((?:[A-Z][\w’'-]*)(?:\s+(?:of|for|and|the|on|in|[A-Z][\w’'-]*))*)(?:\s*\([A-Z]{2,8}\))?,\s+whose\s+$"
)
_COP_LONG = re.compile(
    r"((?:[\w-]+\s+)?session\s+of\s+the\s+Conference\s+of\s+the\s+Parties\b[^()]{0,160}?)\s*\([^()]*$"
)


def _cop_full_name(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """ "the 29th session of the Conference of the Parties to the UN … (COP29)": the full name."""
    close = text.find(")", end, end + 3)
    if close < 0:
        return None
    m = _COP_LONG.search(text[max(0, start - 260) : start])
    if not m:
        return None
    s0 = max(0, start - 260) + m.start(1)
    return s0, close + 1, text[s0 : close + 1]


def _covers_meeting(ctx: Context, start: int, end: int) -> bool:
    main = ctx.meeting_body
    return main is not None and start <= main.span[0] < end


_MODIFIER = re.compile(
    r"(?:([A-Z][\w\-–’'+]*(?:['’]s)?|(?<![a-z])(?!(?:year|month|week)['’]s)[a-z]+['’]s|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+teenth|[a-z]+ieth|[a-z]+-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|\d+(?:st|nd|rd|th)|first-ever|official|state|working|"
    r"further|new|annual|informal|extraordinary|plenary|groundbreaking|ground-breaking|business|trilateral|"
    r"follow-up|weekly|monthly|joint|"
    # what an occasion is about, before its noun ("a Kazakh–Estonian investment seminar", "a youth forum")
    r"investment|trade|energy|transport|tourism|cultural|economic|scientific|youth|expert|academic|"
    r"educational|digital|green|climate|water|logistics|agricultural|industrial|innovation|media|"
    r"humanitarian|parliamentary|interregional|regional|bilateral|multilateral|international|film|"
    r"health|environmental|connectivity|financial|"
    r"investors['’]?|EU-commissioned|"
    r"[\w-]+-commissioned|high-level|[a-z]+-level|ministerial|strategic|coordination|opening)\s+)$"
)


_OF_IN_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*\s+(of(?:\s+the)?\s+|and\s+)$")


#: "the opening ceremony of the China (Xinjiang)–Kazakhstan Business Forum": the capitalised name of
#: the occasion whose ceremony it is (the occasion is the event)
_CEREMONY_OF = re.compile(
    r"\s+of\s+the\s+(?:[A-Z][\w’'-]*(?: ?\([A-Z][\w’' -]{0,30}\))?(?:\s+|[–-](?=[A-Z]))){1,6}"
)
_SPACED_DASH_BEFORE = re.compile(r"(?<![\w’'-])(?!(?:The|A|An|In|On|At)\s)[A-Z][\w’'-]* – $")
_JOIN_BEFORE = re.compile(r"[A-Z][\w’'-]* ?\([A-Z][\w’' -]{0,30}\)[–-]$")


def _np_start(text: str, pos: int) -> int:
    """Leftwards over modifiers: capitalised words, possessives, ordinals and a few adjectives."""
    k = pos
    while True:
        window = text[max(0, k - 40) : k]
        jm = _JOIN_BEFORE.search(window) if window.endswith(("–", "-")) else None
        if jm is not None:  # "the China (Xinjiang)–Kazakhstan Business Forum"
            k -= len(window) - jm.start()
            continue
        if k < pos and window.endswith(" – ") and text[k : k + 1].isupper():
            # "the Central Asia – Germany Business Forum": a spaced dash between two capitalised names
            dm = _SPACED_DASH_BEFORE.search(window)
            if dm is not None:
                k -= len(window) - dm.start()
                continue
        body = window.rstrip()
        if len(body) == len(window) or not body:
            break  # no word followed by spaces at the end
        if "\n" in window[len(body) :]:
            break  # a heading's last word on the line above ("THURSDAY, 9 JULY\nErasmus+ Alumni Forum")
        # a match (a modifier without spaces, then the spaces to the end) opens in the last word:
        # searched from there, the same first match
        m = _MODIFIER.search(window, len(body) - len(body.rsplit(None, 1)[-1]))
        if not m:
            # "the Organization of Turkic States summit": "of" inside a capitalised name
            om = _OF_IN_NAME.search(window) if k < pos and text[k : k + 1].isupper() else None
            if om is None:
                break
            k -= len(om.group(1))
            continue
        word = m.group(1) or ""
        if word in ("The", "A", "An", "This", "In", "On", "At", "During", "Since", "After", "With"):
            break
        k -= len(m.group(0))
    return k


_DAY_AHEAD = re.compile(r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _space_back(text: str, end: int) -> int:
    """Back over the spaces before `end`."""
    while end > 0 and text[end - 1] == " ":
        end -= 1
    return end


_DIGIT = re.compile(r"\d")
_IN_PLACE_TAIL = re.compile(r"\s+in\s+[A-Z][\w-]+(?:\s[A-Z][\w-]+)?\s*$")
_OF_TO = re.compile(r"\s(?:of|to)\s")


def _np_end(text: str, pos: int) -> int:
    """Rightwards over a post-modifier ("of President X to Brussels", "on transport links with …")."""
    m = _POST_MODIFIER.match(text, pos)
    if not m or _DIGIT.match(text[m.end() : m.end() + 1]) or _DAY_AHEAD.match(text, m.end()):
        return pos  # "… on 5 May", "… on Wednesday": a date, not part of the name
    m_end = m.end() - pos  # in `rest`
    rest = text[pos : pos + 160]
    stop = _STOP_NP.search(rest, m_end - 1)
    end = pos + (stop.start() if stop else len(rest))
    # a trailing "in <Place>" is the place, not the name
    tail = _IN_PLACE_TAIL.search(text[pos:end])
    if tail and _OF_TO.search(text[pos : pos + tail.start()]) is not None:
        end = pos + tail.start()
    return end if end > m.end() else pos


_MARGINS_NP = re.compile(
    r"(?<=the )(?:sidelines|margins|fringes?)\s+of\s+(?:the\s+)?"
    r"((?:[A-Z][\w’'-]*|\d+\w*)(?:\s+(?:of\s+the\s+|of\s+|and\s+(?:the\s+)?)?(?:[A-Z][\w’'-]*|\d+\w*)){0,8})"
)


_ON_THE = re.compile(r"\b(?:on|at)\s+the\s$")
_MARGINS_LOWER = re.compile(
    # (the nouns first, sre skips ahead by their first letters; "on the " before them is read by the caller)
    r"(?:sidelines|margins|fringes?)\s+of\s+(?:the\s+)?"
    r"(?:(?:annual|regular|[a-z]+-level|joint)\s+)?"
    r"([A-Z][\w’'-]*(?:[–-][A-Z][\w’'-]*)+(?:\s+[a-z]+){0,3}?\s+"
    r"(?:dialogue|forum|business\s+council|conference|summit|meeting|session|consultations|talks))\b"
)


_RECEIVED_DELEGATION = re.compile(
    r"\breceived\s+(?:a|the)\s+(?:high-level\s+)?delegation\s+(?:of|from)\s+(?:the\s+)?"
    r"([A-Z][\w’'-]*(?:\s+(?:for|of|and|the|[A-Z][\w’'-]*)){0,6})"
)
_TRAILING_FUNCTION = re.compile(r"(?:\s+(?:for|of|and|the))+$")
# meals held with a guest ("held a working lunch with B"): _HELD_TALKS reads them, _talks_events names them
_MEALS = ("lunch", "dinner", "breakfast")
_HELD_TALKS = re.compile(
    r"\b(?:(?:held|holds|hold|had)\s+(?:a\s+|an\s+)?(?:bilateral\s+|official\s+|working\s+|separate\s+|"
    r"brief\s+|private\s+|informal\s+)?(talks|meeting|negotiations|conversation|consultations|"
    # "held a working lunch with the Head of the EU Delegation, Ambassador B"
    r"(?:working\s+)?(?:" + "|".join(_MEALS) + r"))"
    r"(?:\s+(?:via|by)\s+(?:video\s*(?:-\s*)?link|video\s*conference|videoconference))?"
    # "held talks in the Akorda with …": where, between the talks and whom
    r"(?:\s+in\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})?\s+with"
    # "Ambassador A meets Minister B" (an agenda's or a headline's present)
    r"|(met|meets)(?:\s+with)?)\b"
)
# ("Also on the sidelines, A held talks with B": the sidelines named before)
_SIDELINES_IN = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines|margins|fringes?)\b", re.I)
# both open with `\b`, behind which sre finds nothing to skip ahead with (~40 µs per 3 KB each):
# tried only where "held", "hold", "met", "received" open (interpret.scan), same matches
_HELD_TALKS_SCAN = LiteralScan(_HELD_TALKS)
_TALKS_WORDS = ("talks", "met", "meet", "negotiations", "conversation", "consultations", *_MEALS)
_RECEIVED_DELEGATION_SCAN = LiteralScan(_RECEIVED_DELEGATION)


def _talks_events(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "On 13 May, Minister A … held talks with Minister B": with no sitting of a body reported, the
    talks themselves are the occasion, named by who held them ("talks between A and B"; "consultations
    between A and B", "working lunch with B"); so is the reception of a delegation ("received a delegation
    of the Saudi Fund for Development")."""
    out = []
    for m in (
        _HELD_TALKS_SCAN.finditer(ctx.text, ctx.at)
        if any(ctx.cue[w] for w in _TALKS_WORDS)
        else ()
    ):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start() < c.end for c in taken + out):
            continue
        s = ctx.sentence_at(m.start())
        # with a sitting of a body reported, only talks held on its (or another occasion's) sidelines
        sidelines = _SIDELINES_IN.search(ctx.text, s.start, m.start()) is not None
        people = _actors(ctx)
        before = [p for a, b, p in people if s.start <= a and b <= m.start()]
        after = [(a, b, p) for a, b, p in people if m.end() <= a < s.end]
        also_day = _paragraph_day(ctx, m.start()) if before and after else None
        # (the two heads of the sitting on another day of the same trip: "On Wednesday, B was received by
        # the President. She then held talks with the Minister" before Thursday's sitting they co-chaired)
        also_apart = also_day is not None and (
            _not_both_heads(ctx, before, after)
            or (
                ctx.meeting is not None
                and len(also_day[0]) == 10
                and bool(ctx.meeting.date)
                and also_day[0] != ctx.meeting.date
            )
        )
        if (
            ctx.meeting is not None
            and not sidelines
            and not also_apart
            and not _apart_from_sitting(ctx, s, before, after)
        ):
            continue
        # the report's own sentence dates the talks ("On 13 May, A … held talks with B", "Earlier on the
        # same day, A held talks with B"); a headline does not
        dated = (
            ctx.dates_in(s.start, m.start())
            or _SAME_DAY.search(ctx.text, s.start, m.start())
            or _DAY_OF.match(ctx.text, s.start)
        )
        if not dated and after:
            # "A met with his Kyrgyz counterpart B in Bishkek on 5 May": a day in the clause after B; "A met
            # the Commissioner for X, B, on Sunday": the comma closing B's apposition opens no new clause
            b_end = after[0][1] + (1 if ctx.text.startswith(",", after[0][1]) else 0)
            stop = _CLAUSE_PUNCT.search(ctx.text, b_end, s.end)
            dated = ctx.dates_in(b_end, stop.start() if stop else s.end)
        # with no sitting reported, the talks the lead reports are the text's own occasion when its
        # sentence dates the visit they frame ("Head of State A held talks in the Akorda with B, who is in
        # X on an official visit on 11–12 March"); an agenda's item takes its day heading's day
        lead = ctx.meeting is None and s.start < ctx.lead_end and bool(ctx.dates_in(s.start, s.end))
        if not dated and not lead and after:
            dated = _day_heading(ctx, m.start()) is not None
        if not before or not after or not (dated or sidelines or also_day or lead):
            continue
        a, end, other = after[0]
        if m.group(2) and a - m.end() > 90:
            continue  # "met" with someone named far away: no meeting of two people
        if "delegation" in ctx.text[m.end() : a] and _MET_DELEGATION.search(ctx.text, s.start, a):
            # "A met with a delegation of X led by B": the delegation's meeting (`_calls_and_receptions`)
            continue
        subject = before[-1].name
        last_a = max(x for x, y, q in people if s.start <= x and y <= m.start())
        if _RECEIVED_BY_BEFORE.search(ctx.text, max(s.start, last_a - 90), last_a):
            # "the delegation was received by the Chairman, A, and held a working meeting with B": A is
            # the host of another occasion; the delegation met B
            dm = _DELEGATION_SUBJECT.search(ctx.text, s.start, last_a)
            if dm is None:
                continue
            subject = _delegation_name(dm)
        if m.group(1) in ("talks", "negotiations") and subject == before[-1].name:
            name = f"talks between {subject} and {other.name}"
        elif (m.group(1) or "").endswith(_MEALS):
            # (as a delegation's programme names it: "working lunch with B")
            working = "working " if ctx.text.endswith("working ", 0, m.start(1)) else ""
            name = f"{working}{m.group(1)} with {other.name}"
        elif m.group(1) == "consultations" and subject == before[-1].name:
            # "the EU Special Representative A held consultations with Deputy Foreign Minister B"
            name = f"consultations between {subject} and {other.name}"
        else:  # "A held a meeting with B", "A met B"
            name = f"meeting of {subject} with {other.name}"
        # (undated talks the lead reports: the report's own occasion, on its day)
        current = lead and not (dated or sidelines or also_day)
        out.append(_Cand(m.start(), end, name, m.end(), current=current))
        if not sidelines and not (also_day and not dated):
            break  # the reported talks: the first such sentence (not one the same trip "also" held)
    out += _calls_and_receptions(ctx, taken + out)
    out += _where_it_met(ctx, taken + out)
    for m in _RECEIVED_DELEGATION_SCAN.finditer(ctx.text, ctx.at) if ctx.cue["delegation"] else ():
        # "On 30 January, the Minister received a delegation of the Saudi Fund for Development"
        s = ctx.sentence_at(m.start())
        if out or ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if not ctx.dates_in(s.start, s.end):
            continue  # ("received a delegation of X on 2 June": the day may follow)
        who = _TRAILING_FUNCTION.sub("", m.group(1))
        out.append(_Cand(m.start(), m.end(), f"reception of the {who} delegation", m.end()))
    return out


# "A said on Tuesday after talks with B", "A is due to travel to Bishkek on Wednesday for talks with B",
# "following separate talks with B": talks told as a noun after a preposition (no "held")
_PREP_TALKS = re.compile(
    r"\b(?:after|following|for|during|before|ahead\s+of|at)\s+(?:(?:his|her|their|the|bilateral|separate|"
    r"further|fresh|new|official|closed-door|private)\s+){0,2}(talks|consultations)\s+with\s+$"
)
_PREP_TALKS_WORDS = ("talks with ", "consultations with ")


def _prep_talk_matches(text: str):
    """Where "talks with " / "consultations with " stand after a preposition: read back from the rare
    literal (a forward scan would try every "for" and "at")."""
    for word in _PREP_TALKS_WORDS:
        i = text.find(word)
        while i >= 0:
            m = _PREP_TALKS.search(text, max(0, i - 60), i + len(word))
            if m is not None:
                yield m
            i = text.find(word, i + len(word))


def _prep_talks(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Kallas said on Tuesday after talks with Foreign Minister B", "is due to travel on to Bishkek on
    Wednesday for talks with President C": talks a wire story tells as a noun, past or planned, are an
    occasion named by who held them ("talks between A and B"), when their sentence gives a day and names
    the subject before them (a person, or "she"/"he" for one named just before)."""
    if not (ctx.cue["talks with "] or ctx.cue["consultations with "]):
        return []
    out: list[_Cand] = []
    people = None
    for m in sorted(_prep_talk_matches(ctx.text), key=lambda x: x.start()):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start() < c.end for c in taken + out):
            continue
        s = ctx.sentence_at(m.start())
        days = ctx.dates_in(s.start, s.end)
        if not days:
            continue  # ("after talks with the Commission": no day, no occasion told)
        if ctx.meeting is not None and any(d.value == ctx.meeting.date for d in days):
            continue  # the reported sitting's own talks
        people = _actors(ctx) if people is None else people
        before = [p for a, b, p in people if s.start <= a and b <= m.start()]
        after = [(a, b, p) for a, b, p in people if m.end() <= a < min(s.end, m.end() + 70)]
        if not before or not after:
            continue
        a, end, other = after[0]
        if _CLAUSE_PUNCT.search(ctx.text, m.end(), a) and not _TITLE_WORDS.fullmatch(ctx.text, m.end(), a):
            continue  # someone named in another clause
        subject = before[-1]
        if subject is other:
            continue
        word = "talks" if m.group(1) == "talks" else "consultations"
        out.append(_Cand(m.start(), end, f"{word} between {subject.name} and {other.name}", m.end()))
    return out


_RECEIVED_BY_BEFORE = re.compile(r"\breceived\s+by\s+(?:[^,.;]{0,80},\s+|[^,.;]{0,80})$")
# "…, the delegation travelled to Bishkek, where it met the Toraga (Speaker) of the Jogorku Kenesh, B"
_WHERE_IT_MET = re.compile(
    r",\s+where\s+(?:it|they)\s+(?:also\s+)?(?:met(?:\s+with)?|held\s+(?:talks|a\s+meeting)\s+with)\s+"
)


def _where_it_met(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """A delegation the sentence names as its subject meets someone in a "where it met" clause: the
    delegation's meeting with that person ("meeting of the delegation with B")."""
    text = ctx.text
    if not ctx.cue["delegation"] or not ctx.cue[", where "]:
        return []
    out: list[_Cand] = []
    people = None
    for m in _WHERE_IT_MET.finditer(text):
        s = ctx.sentence_at(m.start())
        dm = _DELEGATION_SUBJECT.search(text, s.start, m.start())
        if dm is None or ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        people = people if people is not None else _actors(ctx)
        guest = next(((a, b, p) for a, b, p in people if m.end() <= a < m.end() + 100), None)
        titled = _titled(text, m.end(), guest[0]) if guest else False
        if guest is None or not (titled or _TITLE_WORDS_PAREN.fullmatch(text, m.end(), guest[0])):
            continue
        if any(c.start <= m.end() < c.end for c in taken + out):
            continue
        who = _delegation_name(dm)
        out.append(_Cand(m.start() + 1, guest[1], f"meeting of {who} with {guest[2].name}", guest[1]))
    return out


# ("the Toraga (Speaker) of the Jogorku Kenesh, B": a title with a gloss in brackets)
_TITLE_WORDS_PAREN = re.compile(
    r"(?:(?:[A-Z][\w’'.-]*|\([A-Z][\w’' -]*\))\s*,?\s+|(?:of|the|to|for|and)\s+)*"
)


_SAME_DAY = re.compile(
    r"\b(?:(?:on\s+)?the\s+same\s+day|(?:earlier|later)\s+(?:in\s+the|that)\s+day|that\s+same\s+day)\b", re.I
)


_EARLIER_LATER_DAY = re.compile(r"\b(?:[Ee]arlier|[Ll]ater)\s+(?:in\s+the|that)\s+day\b")


def _not_both_heads(ctx: Context, before: list, after: list) -> bool:
    """The last person before the talks' verb and the first after it do not both head the reported sitting."""
    heads = {h.name for h in ctx.meeting.heads} if ctx.meeting is not None else set()
    return before[-1].name not in heads or after[0][2].name not in heads


def _apart_from_sitting(ctx: Context, s, before: list, after: list) -> bool:
    """Talks the sentence dates on its own between two people who do not both head the reported sitting
    ("In Dushanbe on 10–11 June, she held talks with Foreign Minister X" in a report whose sitting other
    officials co-chaired; "On the same day, he met with the Secretary General of …"): another occasion of
    the same trip, not the sitting retold."""
    if not before or not after:
        return False
    if not ctx.dates_in(s.start, s.end) and not _SAME_DAY.search(ctx.text, s.start, s.end):
        return False
    if _not_both_heads(ctx, before, after):
        return True
    if _EARLIER_LATER_DAY.search(ctx.text, s.start, s.end):
        return True  # "Earlier in the day, A held a bilateral meeting with B": before (after) the sitting
    # "On Friday, A held talks with B" in a report of Saturday's sitting of six ministers: two of its
    # members talking on a day of their own (two co-chairs of a bilateral sitting: the sitting retold)
    sitting = ctx.meeting.date if ctx.meeting is not None and len(ctx.meeting.heads) > 2 else None
    days = [d for d in ctx.dates_in(s.start, s.end) if len(d.value) == 10]
    return bool(sitting and len(sitting) == 10 and days) and all(
        not (sitting <= d.value <= (ctx.meeting.date_end or sitting)) for d in days
    )


# "the High Representative", "the Deputy Minister": a title a role named before opens with (no name
# after it, no "of <Name>" making it a full title of someone else)
_ROLE_ANAPHOR = re.compile(
    # (the literal "he" first, "the"/"The" with a word boundary checked behind it: sre skips ahead to it)
    # ("the EBRD President": an acronym may open the title)
    r"he(?<=\b[Tt]he)\s+((?:(?:[A-Z][a-z]+|[A-Z]{2,6})\s+){0,2}[A-Z][a-z]+)\b(?!\s+(?:of|for|to)\s+(?:the\s+)?[A-Z])(?!\s+[A-Z(])(?![’'-])"
)
# "she held talks", "In Dushanbe, he met": a pronoun opening its clause, before a verb
_PRONOUN = re.compile(
    # (the literal "he" first, "she"/"he" with a word boundary checked behind it: sre skips ahead to it)
    r"he(?:(?<=\b[Ss]he)|(?<=\b[Hh]e))\s+(?=(?:also\s+|then\s+|later\s+)?(?:[a-z]+ed|held|met|had|spoke|took|gave|made|paid|is|was|will)\b)"
)
_ROLE_HEAD_END = re.compile(r"\s+(?:of|for|to|in|at|on|and)\s|\s*[,/–(]")
# (a day fronted without a comma: "On Thursday she is scheduled to visit …", "Tomorrow he will travel …")
_FRONTED_CLAUSE = re.compile(
    r"\W*(?:[^,.;]{0,80},\s+|(?:On\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|Today|"
    r"Tomorrow|Yesterday|Later|Then)\s+)?"
)


@lru_cache(maxsize=1)
def _one_word_titles() -> frozenset[str]:
    return frozenset(h for h in data.load("roles")["heads"] if " " not in h and "-" not in h)


def _role_head(role: str | None) -> str:
    """ "Deputy Minister of Foreign Affairs" → "deputy minister": the title a re-mention uses."""
    if not role:
        return ""
    m = _ROLE_HEAD_END.search(role)
    return (role[: m.start()] if m else role).strip().lower()


def _actors(ctx: Context) -> list:
    """Person mentions plus re-mentions by title ("the High Representative held talks with …") and by
    pronoun opening a clause ("In Dushanbe, she held talks with …": the subject of the nearest earlier
    sentence that names one), as (start, end, person), sorted; computed once per document."""
    cached = ctx.__dict__.get("_event_actors")
    if cached is not None:
        return cached
    people = ctx.person_mentions()
    text = ctx.text
    out = list(people)
    if people and (ctx.cue["The "] or ctx.cue["the "]):
        heads = [(b, _role_head(p.role), p) for _a, b, p in people]
        # "Ambassador Aleška Simkić, Head of the EU Delegation, …. On Monday the Ambassador met …": a one-word
        # title right before the name (data/roles.yaml heads) names the person again too
        titled = _one_word_titles()
        extra = False
        for a, b, p in people:
            if a < 2 or text[a - 1] != " " or not text[a - 2].isalpha():
                continue
            word = text[max(0, a - 24) : a].rsplit(None, 1)[-1]
            if word in titled:
                heads.append((b, word.lower(), p))
                extra = True
        if extra:
            heads.sort(key=lambda h: h[0])
        # every title a re-mention may use: a head's last words ("deputy minister", "minister")
        tails = {" ".join(h.split()[k:]) for _b, h, _p in heads if h for k in range(len(h.split()))}
        for m in _ROLE_ANAPHOR.finditer(text):
            words = m.group(1).lower()
            if words not in tails or any(a < m.end() and m.start() - 1 < b for a, b, _p in people):
                continue
            who = None
            for b, head, p in heads:
                if b > m.start() - 1:
                    break
                if head and (head == words or head.endswith(" " + words)):
                    who = p
            if who is not None:
                out.append((m.start(1), m.end(1), who))
        out.sort(key=lambda x: (x[0], x[1]))
    if out and (ctx.cue[" she "] or ctx.cue[" he "] or ctx.cue["She "] or ctx.cue["He "]):
        firsts: dict[int, object] = {}  # sentence start → its first actor
        for a, _b, p in out:
            firsts.setdefault(ctx.sentence_at(a).start, p)
        added = []
        for m in _PRONOUN.finditer(text):
            at = m.start() - (1 if text[m.start() - 1] in "Ss" else 0)  # "she" / "he"
            s = ctx.sentence_at(at)
            if not _FRONTED_CLAUSE.fullmatch(text, s.start, at):
                continue  # not the clause's subject
            if any(s.start <= a < at for a, _b, _p in out):
                continue  # the sentence names its subject before
            i = ctx.sentence_index(at)
            for k in range(i - 1, max(-1, i - 4), -1):
                p = firsts.get(ctx.sentences[k].start)
                if p is not None:
                    added.append((at, m.start() + 2, p))
                    firsts.setdefault(s.start, p)
                    break
        if added:
            out = sorted(out + added, key=lambda x: (x[0], x[1]))
    ctx.__dict__["_event_actors"] = out
    return out


# "A held a phone conversation with B", "A and B held a video conference": a call between two people
_CALL = re.compile(
    r"\b(?:(?:held|had|holds|hold|has|conducted)\s+(?:(?:a|an)\s+)?((?:tele)?phone\s+(?:conversation|call|talks?)|"
    r"video\s*(?:-\s*)?conference|videoconference|video\s+call|online\s+meeting)"
    # "A spoke by phone with B"
    r"|(?:spoke|talked|spoken)\s+(?:by|on\s+the|over\s+the)\s+((?:tele)?phone)"
    # "A recalled his telephone conversation with B in January": a call the subject had
    r"|(?:his|her|their)\s+(?:recent\s+|earlier\s+|last\s+)?((?:tele)?phone\s+(?:conversation|call|talks)|"
    r"video\s*conference|video\s+call)(?=\s+with\b))\b"
)
_CLAUSE_PUNCT = re.compile(r"[,;.]")
# a title before a name: capitalised words and the small words inside titles ("Ambassador of Japan to Latvia")
_TITLE_WORDS = re.compile(
    r"(?:(?!(?:Order|Medal|Prize|Award|Letter|Message|Credentials)\b)[A-Z][\w’'.-]*\s+|(?:of|the|to|for|and)\s+"
    # "President of the European Bank for Reconstruction and Development (EBRD) B": an acronym in brackets
    r"|\([A-Z][\w’'.-]*\)\s+)*"
)
# (a title set off by a comma before the name: "will receive the Special Representative of the EU, B")
_TITLE_WORDS_APPOSED = re.compile(_TITLE_WORDS.pattern + r"(?:[A-Z][\w’'.-]*,\s+)?")
_SENTENCE_PUNCT = re.compile(r"[;.]")
# "held a telephone conversation today with B", "… on Monday with B": a day between the call and whom
_WHEN_WORDS = (
    r"(?:(?:(?:today|yesterday|tomorrow|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))"
    r"(?:\s+(?:morning|afternoon|evening))?|this\s+(?:morning|afternoon|evening))\s+)?"
)
_WITH = re.compile(r"\s+" + _WHEN_WORDS + r"with\b")
_CAPITAL = re.compile(r"[A-Z]")
# "A was received by B", "A will also be received by B": a reception, held or planned
_RECEIVED_BY = re.compile(
    r"\s+(?:was|were|has\s+been|have\s+been|will|is\s+to|are\s+to)\s+(?:also\s+)?(?:be\s+)?(?:also\s+)?"
    r"received\s+by\s+"
)
# "… was received by B and will meet C": the guest's next meeting in the same trip ("… and held talks with
# C" stays unread: tune7's gold leaves such talks out, tune11's keeps a meeting)
_AND_MEETS = re.compile(r"\s+and\s+(?:will\s+|is\s+to\s+)?(?:also\s+)?(meet|met)\s+(?:with\s+)?")
# "the EU delegation was received by …": a delegation named by the side it comes from
# ("[TtAa](?<!\S.)" is "(?:(?<=\s)|^)(?:[Tt]he|[Aa]n?)" opened by a class of characters, which sre skips
# ahead by, instead of by look-arounds, tried at every character: the same matches, ~2.4x cheaper)
_DELEGATION_SUBJECT = re.compile(
    r"[TtAa](?<!\S.)(?:(?<=[Tt])he|(?<=[Aa])n?)\s+((?:[A-Z][\w’'-]*\s+){0,3}(?:(?:parliamentary|government|governmental|"
    r"business|official|high-level|ministerial|military|expert)\s+)?)delegation"
    r"(?=\s+(?:was|were|will|has|is|are|also|met|held|had|visited|toured|travelled|traveled|arrived|"
    r"went)\b)"
)


def _delegation_name(m: re.Match) -> str:
    """ "the Kazakh parliamentary delegation": a match of _DELEGATION_SUBJECT named (one space apart)."""
    return " ".join(("the", *m.group(1).split(), "delegation"))


# ("received a delegation led by the President of the EBRD B": the reception of the delegation's head)
_RECEIVED = re.compile(
    # (an agenda's coming reception too: "A will receive the Special Representative …, B")
    r"\s+(?:also\s+)?(?:received|receives|will\s+(?:also\s+)?receive|is\s+to\s+receive)\s+(?:(?:a|the)\s+delegation\s+(?:led|headed)\s+by\s+)?(?:the\s+|a\s+)?(?=[A-Z])"
)
# "A met on Thursday with a delegation of European business leaders"
_MET_DELEGATION = re.compile(
    r"\bmet\s+(?:(?:on\s+)?(?:today|yesterday|[A-Z][a-z]+day)\s+)?with\s+(a|the)\s+delegation\s+of\s+"
    r"((?:[\w’'-]+\s+){0,3}?(?:business\s+leaders|businessmen|entrepreneurs|executives|investors|companies|"
    r"parliamentarians|representatives)\b|(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*)*)"
)
# opens with `\b`: tried only where "met" opens (interpret.scan), same matches
_MET_DELEGATION_SCAN = LiteralScan(_MET_DELEGATION)
# "Jørgensen and Shahbazov held talks on …": two people named as the subject
# "Erdogan and Mirziyoyev also met behind closed doors on Monday": two people who met (not "met with C")
_AND_HELD_TALKS = re.compile(
    # (opened at the verb, the space read behind it: tried where "held", "met", "had", "also" open)
    r"(?<=\s)(?:held\s+(?:bilateral\s+)?talks\b|(?:also\s+)?(met)\b(?!\s+(?:with|the|an?|his|her|their)\b|\s+[A-Z])"
    # "A and B held a bilateral meeting in Geneva"
    r"|(?:also\s+)?(?:held|had)\s+(?:a|an)\s+(?:bilateral\s+|separate\s+|brief\s+)?(meeting)\b)"
)
_AND_HELD_TALKS_SCAN = LiteralScan(_AND_HELD_TALKS)
_SIDELINES_NEXT = re.compile(r"\s+(?:on|at)\s+the\s+(?:sidelines|margins|fringes?)\b")
_SIDELINES_OPEN = re.compile(r"\W*(?:[Oo]n|[Aa]t)\s+the\s+(?:sidelines|margins|fringes?)\b")


def _short(p) -> str:
    """ "Prime Minister Olzhas Bektenov": a role of one or two words before the name."""
    role = p.role if p.role and len(p.role.split()) <= 2 else None
    return f"{role} {p.name}" if role else p.name


def _calls_and_receptions(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """Occasions between two people the text names: a phone call or video conference ("A held a
    phone conversation with B", "A and B held a video conference"), a reception ("A was received by
    President B"), talks of two named people on the sidelines ("On the sidelines, A and B held
    talks"), a meeting with a delegation ("A met on Thursday with a delegation of …")."""
    text = ctx.text
    out: list[_Cand] = []
    people = None
    if ctx.cue["phone"] or ctx.cue["video"] or ctx.cue["online meeting"]:
        people = _actors(ctx)
        for m in _CALL.finditer(text):
            if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
                continue
            if any(c.start <= m.start() < c.end for c in taken + out):
                continue
            s = ctx.sentence_at(m.start())
            pair = _two_people(ctx, people, s, m.start(), m.end())
            if pair is None:
                continue
            a, b, end = pair
            kind = " ".join((m.group(1) or m.group(3) or f"{m.group(2)} conversation").lower().split())
            out.append(_Cand(m.start(), end, f"{kind} between {a.name} and {b.name}", m.end()))
    if ctx.cue[" received by "]:
        people = people or _actors(ctx)
        for i, (a0, b0, p) in enumerate(people):
            rm = _RECEIVED_BY.match(text, b0)
            if rm is None or ctx.is_heading(a0) or ctx.in_quote(a0):
                continue
            host = next(((x, y, q) for x, y, q in people[i + 1 :] if x >= rm.end()), None)
            if host is None or host[0] - rm.end() > 60 or _CLAUSE_PUNCT.search(text, rm.end(), host[0]):
                continue
            if not _TITLE_WORDS.fullmatch(text, rm.end(), host[0]):
                continue  # ("received by King X and will hold talks with Minister B": B is no host)
            out.append(_Cand(a0, host[1], f"reception of {p.name} by {_short(host[2])}", host[1]))
            out += _and_meets(ctx, people, p.name, host[1], i)
    if ctx.cue[" received by "] and ctx.cue["delegation"]:
        # "On the same day, the EU delegation was received by the Deputy Chairman …, Minister B"
        people = people or _actors(ctx)
        for dm in _DELEGATION_SUBJECT.finditer(text):
            rm = _RECEIVED_BY.match(text, dm.end())
            if rm is None or ctx.is_heading(dm.start()) or ctx.in_quote(dm.start()):
                continue
            host = next(((x, y, q) for x, y, q in people if x >= rm.end()), None)
            if host is None or not _titled(text, rm.end(), host[0]):
                continue
            if any(c.start <= dm.start() < c.end for c in taken + out):
                continue
            who = _delegation_name(dm)
            out.append(_Cand(dm.start(), host[1], f"reception of {who} by {host[2].name}", host[1]))
    if ctx.cue[" received "] or ctx.cue[" receive "] or ctx.cue[" receives "]:
        # "On 5 May, Prime Minister A received the Ambassador of Japan B": the guest named by role
        people = people or _actors(ctx)
        for i, (a0, b0, p) in enumerate(people):
            rm = _RECEIVED.match(text, b0)
            if rm is None or ctx.is_heading(a0) or ctx.in_quote(a0):
                continue
            guest = next(((x, y, q) for x, y, q in people[i + 1 :] if x >= rm.end()), None)
            if guest is None or guest[0] - rm.end() > 80:
                continue
            if not _TITLE_WORDS_APPOSED.fullmatch(text, rm.end(), guest[0]):
                continue  # (not "received the Order of the Three Stars from President B")
            if any(c.start <= a0 < c.end for c in taken + out):
                continue
            out.append(_Cand(a0, guest[1], f"reception of {guest[2].name} by {_short(p)}", guest[1]))
    cue = ctx.cue
    if (cue[" held "] and (cue["talks"] or cue["meeting"])) or cue[" met "] or cue[" had a"]:
        people = people or _actors(ctx)
        for m in _AND_HELD_TALKS_SCAN.finditer(text, ctx.at):
            s = ctx.sentence_at(m.start())
            # on the sidelines of the reported sitting, or with no sitting reported, talks the sentence dates
            # (two who met: a day anywhere in the sentence, "met … on Monday evening")
            met = m.group(1) or m.group(2)
            # (two of the many heads of a reported summit meeting on a day of their own: "Erdogan and
            # Mirziyoyev also met behind closed doors on Monday evening")
            alone = ctx.meeting is None or (len(ctx.meeting.heads) > 2 and bool(met))
            # ("A and B held talks in Brussels on 5 June": a day in the clause after the talks too)
            clause = _CLAUSE_PUNCT.search(text, m.end(), s.end)
            upto = s.end if met or clause is None else clause.start()
            dated = alone and bool(ctx.dates_in(s.start, upto))
            if (
                not dated
                and not _SIDELINES_OPEN.match(text, s.start)
                and not _SIDELINES_NEXT.match(text, m.end())
            ):
                continue  # ("A and B held a bilateral meeting on the sidelines over lunch": that occasion's)
            if any(c.start <= m.start() < c.end for c in taken + out):
                continue
            before = [(x, y, q) for x, y, q in people if s.start <= x and y <= m.start()]
            if len(before) < 2 or not _AND_TITLED.fullmatch(text, before[-2][1], before[-1][0]):
                continue
            if text[before[-1][1] : m.start()].strip():
                continue
            a, b = before[-2][2], before[-1][2]
            kind = "meeting" if met else "talks"
            out.append(_Cand(before[-2][0], m.end(), f"{kind} between {a.name} and {b.name}", m.end()))
    if ctx.cue["delegation"] and ctx.cue[" met "]:
        people = people or _actors(ctx)
        for m in _MET_DELEGATION_SCAN.finditer(text, ctx.at):
            if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
                continue
            s = ctx.sentence_at(m.start())
            who = [q for x, y, q in people if s.start <= x and y <= m.start()]
            if not who or any(c.start <= m.start() < c.end for c in taken + out):
                continue
            name = f"meeting of {who[-1].name} with {m.group(1)} delegation of {m.group(2)}"
            out.append(_Cand(m.start(), m.end(), name, m.start() + 3))
    if ctx.cue[" met "]:
        people = people or _actors(ctx)
        # "On Monday the Ambassador met students of KIMEP University": who met a named institution's group
        for a0, b0, p in people:
            mm = _MET_AUDIENCE.match(text, b0)
            aud = _audience_rx().match(text, mm.end()) if mm else None
            if aud is None or ctx.is_heading(a0) or ctx.in_quote(a0):
                continue
            if any(c.start <= mm.end() < c.end for c in taken + out):
                continue
            out.append(_Cand(a0, aud.end(), f"meeting of {p.name} with {aud.group(1)}", mm.end()))
    return out


# "Minister B received the European delegation", "… received the visiting EU delegation": a delegation
# named by where it comes from (no "of"/"led by" after it: those are read by _talks_events and _RECEIVED)
_RECEIVED_NAMED_DELEGATION = re.compile(
    r",?\s+(?:(?:on\s+[A-Z][a-z]+day|today|yesterday)\s+)?(?:also\s+)?(?:received|welcomed|hosted)\s+"
    r"(?:the|a)\s+(?:visiting\s+)?"
    r"((?:[A-Z][\w’'-]*\s+){1,3}(?:(?:parliamentary|business|government|governmental|official|high-level|"
    r"expert)\s+)?)delegation\b(?!\s+(?:of|from|led|headed)\b)"
)


def _received_delegations(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Yesterday, on the eve of the meeting, Minister of Foreign Affairs B received the European
    delegation": the reception of a delegation named by where it comes from, by the host named right before
    the verb ("reception of the European delegation by B")."""
    if not ctx.cue["delegation"] or not any(ctx.cue[w] for w in (" received ", " welcomed ", " hosted ")):
        return []
    out: list[_Cand] = []
    for a0, b0, p in _actors(ctx):
        rm = _RECEIVED_NAMED_DELEGATION.match(ctx.text, b0)
        if rm is None or ctx.is_heading(a0) or ctx.in_quote(a0):
            continue
        if any(c.start <= a0 < c.end or c.start <= rm.start(1) < c.end for c in taken + out):
            continue
        who = " ".join(rm.group(1).split())
        out.append(_Cand(a0, rm.end(), f"reception of the {who} delegation by {_short(p)}", b0))
    return out


# "delegates travelled to Poti on Friday to inspect the new ferry terminal", "the ministers went to Aktau to
# tour the port": a trip to a city made to see a place there
_TRAVELLED_TO_SEE = LiteralScan(
    re.compile(
        r"\b(?:travelled|traveled|went|flew|drove|headed)\s+(?:on\s+)?to\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)"
        r"((?:\s+(?:on|in|at|the\s+next|the\s+following|later|afterwards|together|that|this|next)"
        r"(?:\s+[\w’'-]+){0,3}?)?)\s+to\s+(?:inspect|visit|tour|see|view|open|inaugurate)\s+"
        r"(the\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)(?=\s*(?:[,.;:(]|\s(?:and|which|that|where|built|being|"
        r"under|on|in|at|before|after|with|for)\b))"
    )
)


def _trip_inspections(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "After the assembly, delegates travelled to Poti on Friday to inspect the new ferry terminal": the
    visit to what they went to see, in that city ("visit to the new ferry terminal in Poti"), on the day the
    sentence gives."""
    if not any(ctx.cue[w] for w in ("travelled", "traveled", "went to", "flew", "drove", "headed")):
        return []
    out: list[_Cand] = []
    for m in _TRAVELLED_TO_SEE.finditer(ctx.text, ctx.at):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start(3) < c.end for c in taken + out):
            continue
        city = next((p for p in ctx.places_in(m.start(1), m.end(1)) if p.kind == "city"), None)
        if city is None:
            continue
        s = ctx.sentence_at(m.start())
        days = ctx.dates_in(m.end(1), m.start(3)) or ctx.dates_in(s.start, s.end)
        if not days:
            continue  # (no day: a trip told in general)
        name = f"visit to {m.group(3)} in {city.name}"
        out.append(_Cand(m.start(3), m.end(3), name, m.end(3), fixed=(days[0].value, days[0].end, city.name)))
    return out


# a transcript's speaker label opening a paragraph: "HR/VP KALLAS:", "MINISTER KULUBAEV (via interpreter):"
_SPEAKER_LABEL = re.compile(r"(?m)^([A-Z][A-Z/.'’ -]{1,60}?)(?:\s*\([^)\n]{1,40}\))?:\s")
# the speaker's own meeting told in the first person: "I will discuss this with EIB President B tomorrow"
_FIRST_PERSON_MEETS = re.compile(
    r"\bI\s+(?:will\s+|shall\s+|am\s+going\s+to\s+|also\s+)?(?:also\s+)?(?:discuss(?:ed)?\s+(?:this|it|that|these\s+issues)"
    r"\s+with|meet(?:\s+with)?|met(?:\s+with)?|(?:hold|held|have|had)\s+talks\s+with|see|saw)\s+"
)


_FIRST_PERSON_CUES = (
    *("I will ", "I shall ", "I am going ", "I also ", "I met", "I meet", "I discuss"),
    *("I held ", "I had ", "I hold ", "I have talks", "I see ", "I saw "),
)


def _speaker_meetings(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """In a transcript, a speaker's "I will discuss this with EIB President B tomorrow in Luxembourg" is
    the speaker's meeting with B ("meeting of A with B"), A named by the paragraph's label ("HR/VP KALLAS:")
    and dated by the sentence ("tomorrow": the day after the transcript's)."""
    text = ctx.text
    if not any(ctx.cue[w] for w in _FIRST_PERSON_CUES) or not ctx.cue[":"]:
        return []
    labels = [(m.start(), m.group(1)) for m in _SPEAKER_LABEL.finditer(text)]
    if len(labels) < 2:
        return []  # (a transcript has several speakers' turns)
    out: list[_Cand] = []
    people = None
    for m in _FIRST_PERSON_MEETS.finditer(text):
        if ctx.in_quote(m.start()) or any(c.start <= m.start() < c.end for c in taken + out):
            continue
        # (the turn runs to the next label: its speaker is the last label's)
        label = next((lab for at, lab in reversed(labels) if at < m.start()), None)
        if label is None:
            continue
        surname = label.split()[-1].split("/")[-1].lower()
        people = _actors(ctx) if people is None else people
        speaker = next((p for _a, _b, p in people if p.name.lower().split()[-1] == surname), None)
        s = ctx.sentence_at(m.start())
        other = next(((a, b, p) for a, b, p in people if m.end() <= a < min(s.end, m.end() + 60)), None)
        if speaker is None or other is None or other[2] is speaker:
            continue
        if not _TITLE_WORDS.fullmatch(text, m.end(), other[0]):
            continue
        if not ctx.dates_in(other[1], s.end):
            continue  # (no day: "I often meet B")
        out.append(_Cand(m.start(), other[1], f"meeting of {speaker.name} with {other[2].name}", other[1]))
    return out


_MET_AUDIENCE = re.compile(r"\s+(?:also\s+)?met(?=\s)")
# "… met Members of the European Parliament …", "… held a meeting with representatives of civil society":
# a verb of meeting a group, after the delegation (or the person) that met it
_MEETS_GROUP = re.compile(
    r"(?:[^.;]{0,160}?\s+and\s+|\s+)(?:also\s+)?(?:met(?:\s+with)?|(?:held|had)\s+(?:a\s+)?(?:separate\s+)?"
    r"meetings?\s+with)\s+(?:the\s+)?(?=[A-Za-z])"
)
# where the group met ends: a clause, a purpose, a second verb, the sidelines
_GROUP_END = re.compile(
    r"[,;.:(]|\s+(?:to|in\s+order\s+to)\s+[a-z]|\s+(?:and|where|who)\s+(?!the\b)[a-z]+(?:ed|d)\b"
    r"|\s+(?:on|at)\s+the\s+(?:sidelines|margins|fringes?)\b"
)
_TRAILING_PREP = re.compile(r"(?:\s+(?:on|in|at|during|from))+\s*$")


@lru_cache(maxsize=1)
def _audience_word() -> re.Pattern:
    groups = sorted(data.load("events").get("audiences") or [], key=len, reverse=True)
    # ("met young entrepreneurs at the Samarkand IT Park", "met local journalists": a group with a word
    # that says which)
    adjectives = "|".join(map(re.escape, data.load("events").get("audience_adjectives") or []))
    return re.compile(r"(?:(?:" + adjectives + r")\s+)?(?i:" + "|".join(map(re.escape, groups)) + r")\b")


_MEMBERS_SUBJECT = re.compile(
    r"(?<![\w’'-])(?:Members|MEPs|[Tt]he\s+(?:members|MEPs|deputies|parliamentarians))(?=\s+(?:also\s+)?met\b)"
)


def _group_meetings_of(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "On the margins of the session, the Kazakh delegation met Members of the European Parliament from the
    Committee on Foreign Affairs on Wednesday" → "meeting of the Kazakh delegation with Members of …";
    "On Monday, Minister A held a meeting with representatives of civil society organisations" → "meeting
    of A with representatives of …": a delegation meeting a named group or anyone meeting a group
    (data/events.yaml audiences), on a day the sentence gives or on the margins of an occasion."""
    text = ctx.text
    if not ctx.cue[" met "] and not ctx.cue[" meeting with "] and not ctx.cue[" meetings with "]:
        return []
    subjects: list[tuple[int, int, str, bool]] = []  # (start, end, who, delegation)
    if ctx.cue["delegation"]:
        subjects += [
            (m.start(), m.end(), _delegation_name(m), True)
            for m in _DELEGATION_SUBJECT.finditer(text)
        ]
    subjects += [(a, b, p.name, False) for a, b, p in _actors(ctx)]
    # "Members also met representatives of civil society": the delegation's members, no one named
    if ctx.cue["embers"] or ctx.cue["MEPs"] or ctx.cue["deputies"] or ctx.cue["parliamentarians"]:
        # (one of its words first: opened by a look-behind, the regex is tried at every character)
        subjects += [(m.start(), m.end(), "", False) for m in _MEMBERS_SUBJECT.finditer(text)]
    out: list[_Cand] = []
    people = _actors(ctx)
    for a, b, who, delegation in sorted(subjects):
        gm = _MEETS_GROUP.match(text, b)
        if gm is None or ctx.is_heading(a) or ctx.in_quote(a):
            continue
        s = ctx.sentence_at(a)
        if gm.end() > s.end or any(s.start <= x < s.end and b < x < gm.end() for x, _y, _q in people):
            continue  # (another person names the clause's subject)
        obj = gm.end()
        if not _audience_word().match(text, obj) and not (delegation and text[obj].isupper()):
            continue
        if any(obj <= x < obj + 80 and _TITLE_WORDS.fullmatch(text, obj, x) for x, _y, _q in people):
            continue  # "met the Minister of X, B": a meeting of two people, read elsewhere
        stop = _GROUP_END.search(text, obj, s.end)
        end = stop.start() if stop else s.end
        day = ctx.dates_in(obj, end)
        if day:  # "… from the Committee on Foreign Affairs on Wednesday": up to the day
            end = day[0].span[0]
        group = _TRAILING_PREP.sub("", text[obj:end]).strip()
        if len(group.split()) < 2 or any(
            c.start <= gm.start() < c.end or obj <= c.start < end for c in taken + out
        ):
            continue
        dated = ctx.dates_in(s.start, s.end) or _SAME_DAY.search(text, s.start, s.end)
        # ("Members also met …": no one named, the day of the paragraph's trip)
        also_day = _paragraph_day(ctx, gm.end()) if not who else None
        if not dated and not _SIDELINES_OPEN.match(text, s.start) and also_day is None:
            continue
        # (opened at the group: "the delegation visited a centre … and held a meeting with …" leaves the
        # visit its own occasion)
        name = f"meeting of {who} with {group}" if who else f"meeting with {group}"
        out.append(_Cand(obj, obj + len(group), name, obj + len(group)))
    return out


_APPOSED = re.compile(r",\s+(?:(?:[A-Z][\w’'./-]*|of|the|to|for|and|on|in)\s+)*$")


def _titled(text: str, a: int, b: int) -> bool:
    """Only a title between `a` and a name at `b`, which may run on after a comma ("the Deputy Chairman of
    the Cabinet of Ministers, Minister of Foreign Affairs X": two titles of the same person)."""
    if _TITLE_WORDS.fullmatch(text, a, b):
        return True
    comma = text.rfind(",", a, b)
    return (
        comma >= 0
        and _APPOSED.fullmatch(text, comma, b) is not None
        and _TITLE_WORDS.fullmatch(text[a:comma] + " ") is not None
    )


def _and_meets(ctx: Context, people, guest: str, end: int, i: int) -> list[_Cand]:
    """ "A will be received by President B and will meet Vice President C": the guest's meeting with C."""
    text = ctx.text
    am = _AND_MEETS.match(text, end)
    if am is None:
        return []
    other = next(((x, y, q) for x, y, q in people[i + 1 :] if x >= am.end()), None)
    if other is None or other[0] - am.end() > 80 or not _TITLE_WORDS.fullmatch(text, am.end(), other[0]):
        return []
    return [_Cand(am.start(), other[1], f"meeting of {guest} with {other[2].name}", other[1])]


# " and ", " and President of Kazakhstan ": two people joined, the second with a title of capitalised words
_AND_TITLED = re.compile(r"\s+and\s+(?:(?:the\s+)?[A-Z][\w’'-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,8}")


# " with the High Representative of the European Union for … Policy/Vice-President of the … Commission ":
# a long title of capitalised words (slash-joined) and the small words inside titles before the name
# ("… Security Policy / Vice-President of …": a slash between two titles of one person, spaced)
_WITH_TITLE = re.compile(
    r"\s+" + _WHEN_WORDS + r"with\s+(?:(?:[A-Z][\w’'./-]*|/|of|the|to|for|and|on)\s+){0,30}"
)


def _two_people(ctx: Context, people, s, start: int, end: int):
    """(A, B, end) for "A and B <verb>…" or "A <verb> … with B" around [start, end) in sentence `s`."""
    text = ctx.text
    before = [(x, y, q) for x, y, q in people if s.start <= x and y <= start]
    after = [(x, y, q) for x, y, q in people if end <= x < s.end]
    if (
        len(before) >= 2
        and _AND_TITLED.fullmatch(text, before[-2][1], before[-1][0])
        and not _SENTENCE_PUNCT.search(text, before[-1][1], start)
        and not _WITH.match(text, end)
    ):
        return before[-2][2], before[-1][2], end
    near = before and after and (after[0][0] - end < 90 or _WITH_TITLE.fullmatch(text, end, after[0][0]))
    if near and _WITH.match(text, end):
        return before[-1][2], after[0][2], after[0][1]
    return None


def _margins_events(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "met on the margins of the OSCE Ministerial Council in Malta": what something happened on the
    sidelines of is an occasion, named as the text names it (the reported meeting's own body aside)."""
    text = ctx.text
    if not ctx.cue["sidelines"] and not ctx.cue["margins"] and not ctx.cue["fringe"]:
        return []
    main = ctx.meeting_body
    type_words = {w.lower() for w in main.type.split()} if main is not None else set()
    out = []
    found = list(_MARGINS_NP.finditer(text))
    spans = {m.start() for m in found}
    # "on the sidelines of the annual EU-Tajikistan development cooperation dialogue": a capitalised pair,
    # then the kind of occasion in lower case
    for noun in ("sidelines of", "margins of", "fringe"):
        i = text.find(noun)
        while i >= 0:  # (tried where its nouns stand)
            m = _MARGINS_LOWER.match(text, i)
            if m is not None and (m.start() not in spans or not m.group(1).isupper()):
                found.append(m)
            i = text.find(noun, i + len(noun))
    for m in sorted(found, key=lambda x: x.start()):
        if not _ON_THE.search(text, max(0, m.start() - 8), m.start()):
            continue
        a, b = m.span(1)
        name = m.group(1)
        if any(c.start == a for c in out):
            continue
        if any(c.start < b and a < c.end for c in taken) or ctx.is_heading(a) or ctx.in_quote(a):
            continue
        if main is not None and a <= main.span[0] < b:
            continue
        words = name.split()
        if len(words) < 2 and not re.fullmatch(r"[A-Z]{2,}\d*", name):
            continue  # "on the margins of the Council": the reported one, or too little to name
        if {w.lower() for w in words} <= type_words or any(a <= x.span[0] < b for x in ctx.bodies):
            continue
        out.append(_Cand(a, b, name, b))
    return out


@lru_cache(maxsize=1)
def _group_met_rx() -> LiteralScan:
    """Tried only where a group word opens (interpret.scan)."""
    groups = sorted(set(data.load("events").get("gatherings") or []) | {"heads"}, key=len, reverse=True)
    return LiteralScan(_group_met_pattern(groups), [g.lower() for g in groups])


@lru_cache(maxsize=1)
def _gathering_possessive() -> re.Pattern:
    """ "senior officials' ", "foreign ministers’ " (data/events.yaml gatherings) right before a sitting."""
    groups = sorted(data.load("events").get("gatherings") or [], key=len, reverse=True)
    return re.compile(r"(?<![\w’'-])(?i:" + "|".join(map(re.escape, groups)) + r")['’]\s+$")


def _group_met_pattern(groups: list[str]) -> re.Pattern:
    return re.compile(
        r"(?<![\w’'-])((?i:" + "|".join(map(re.escape, groups)) + r"))"
        r"((?:\s+of\s+(?:the\s+)?[\w’'+–-]+(?:(?:,\s+|\s+)[\w’'+–-]+)*?)?)"
        r"\s+(?:had\s+|have\s+|also\s+|last\s+)*(?:(met)\b(\s+informally\b)?"
        # ("the foreign ministers of the C5+1 held their annual meeting in New York")
        r"|held\s+(?:an?|their)\s+((?:[\w-]+\s+)?)meeting\b"
        # "the Foreign Ministers of Kazakhstan and Azerbaijan held talks in Baku"
        r"|(?:held|had)\s+(?:bilateral\s+)?(talks)\b)"
    )


def _group_meetings(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Foreign ministers of the member states met informally on the eve of the summit", "the heads of the
    railway companies of A, B and C held a trilateral meeting", "the foreign ministers had last met on the
    sidelines of X": a meeting named by who met (data/events.yaml gatherings), with what it was held
    on the sidelines of."""
    text = ctx.text
    if not ctx.cue[" met "] and not ctx.cue[" meeting"]:
        return []
    out: list[_Cand] = []
    for m in _group_met_rx().finditer(text, ctx.at):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start(1) < c.end for c in taken + out):
            continue
        if m.group(3) and _MET_OBJECT.match(text, m.end()):
            continue  # "the ministers met the President": a meeting with someone, read elsewhere
        if not m.group(2):
            continue  # "the ministers met …", "the two leaders had met again": too little to name a meeting
        if m.group(3) and _MET_FOR.match(text, m.end()):
            continue  # "the leaders met in Astana for the first … summit": that summit is the occasion
        side = _MARGINS_AFTER.match(text, m.end())
        if side is None and _is_reported_sitting(ctx, m.start()):
            continue  # "The presidents of the five states met in Astana on Friday": the sitting reported
        who = f"the {m.group(1).lower()}{m.group(2)}"
        if m.group(3):
            name = f"{'informal ' if m.group(4) else ''}meeting of {who}"
            if side:  # "met on the sidelines of the EU–Central Asia Ministerial Meeting"
                name += f" on the sidelines of the {side.group(1)}"
        elif m.group(6):
            name = f"talks between {who}" if " and " in who else f"talks of {who}"
        else:
            name = f"{m.group(5) or ''}meeting of {who}"
        out.append(_Cand(m.start(1), m.end(), name, m.end()))
    return out


def _is_reported_sitting(ctx: Context, pos: int) -> bool:
    """The sentence at `pos` tells the reported sitting: it names its body or its day."""
    if ctx.meeting is None:
        return False
    s = ctx.sentence_at(pos)
    main = ctx.meeting_body
    if main is not None and s.start <= main.span[0] < s.end:
        return True
    return any(d.value == ctx.meeting.date for d in ctx.dates_in(s.start, s.end))


_MET_FOR = re.compile(
    r"[^.;,]{0,60}?\s+for\s+(?:the|a|an|their)\s+[^.;,]{0,80}?(?i:summit|forum|conference|session|ministerial)\b"
)
_MET_OBJECT = re.compile(r"\s+(?:with\s+)?(?:the\s+)?(?:President|Prime|Minister|King|[A-Z][a-z]+\s+[A-Z])")
_MARGINS_AFTER = re.compile(
    r"(?:\s+again)?\s+(?:on|at)\s+the\s+(?:sidelines|margins|fringes?)\s+of\s+(?:the\s+)?"
    r"([A-Z][\w’'–-]*(?:\s+(?:of\s+the\s+|of\s+|and\s+)?[A-Z][\w’'–-]*){0,8}"
    r"(?:\s+(?:summit|meeting|forum|session|conference))?)"
)


_HEAD_OF = re.compile(r"^(?:the|a|an|its)\s+(?:[a-z]+\s+){0,2}[a-z]+\s+of\s+(?=(?:the|a|an|its)\s+[A-Z])")
_AUX = re.compile(r"\b(?:was|were|been|be)\b", re.I)
_OBJECT_OF = re.compile(r"\b(?:[a-z]+ing|on|of|into|for|about|with|to|from)\s+$")


def _participle_events(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    conf = _conf()
    text = ctx.text
    out = []
    qs = conf["participles_in"].positions(ctx.at) if ctx.at is not None else None
    if qs is None:
        found = conf["part_rx"].finditer(text)
    elif not qs:
        return out  # every match names a participle
    else:
        found = matches_at(conf["part_rx"], text, _participle_openings(text, ctx.at.low, qs))
    for m in found:
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        left = text[max(0, m.start() - 90) : m.start()]
        nm = re.search(
            # ("- Team Europe Initiative on Water, Energy and Climate Change, launched in Glasgow": a list
            # item's name, with commas inside its capitalised words)
            r"((?:(?:\b[Tt]he|\b[Aa]n?|\b[Ii]ts)\s+|(?<=^[-*•] )(?=[A-Z])|(?<=\n[-*•] )(?=[A-Z]))"
            r"(?:[\w’'\-–]+\s+|[A-Z][\w’'\-–]*,\s+){0,8}?(?:[A-Z][\w\-–]*|study|report|strategy|"
            r"platform|programme|plan|roadmap|centre|fund|"
            # "the Alat port expansion, inaugurated in 2018": a named work
            r"port|terminal|plant|bridge|hub|expansion|extension|station|airport))$",
            left,
        )
        if not nm:
            continue
        np = nm.group(1)
        np = np[0].lower() + np[1:] if np.split()[0] in ("The", "A", "An", "Its") else np
        np = np if np.split()[0] in ("the", "a", "an", "its") else f"the {np}"
        # "the implementation of the Strategy on Central Asia, adopted in 2019": the Strategy was adopted
        np = _HEAD_OF.sub("", np)
        if np.startswith("its ") and not _CAPITAL.search(np):
            continue  # "its feasibility study, launched in 2025": a thing of something, no occasion named
        if not re.search(r"[A-Z]|study|report|strategy|platform", np) or re.search(
            r"\b(?:agreement|memorandum|"
            r"treaty|protocol)\b",
            np,
            re.I,
        ):
            continue
        start = m.start() - len(nm.group(1))
        if any(c.start <= start < c.end for c in taken + out):
            continue
        if _AUX.search(m.group(0)) and _OBJECT_OF.search(text, max(0, start - 30), start):
            # "talks on turning the deal into an FTA were launched": the talks were, not the deal (an
            # appositive "the implementation of the Strategy, adopted in 2019" is the Strategy's)
            continue
        noun = conf["participles"][ignorecase_key(m.group(1))]
        out.append(_Cand(start, m.start(), f"{noun} of {np}", m.end()))
    return out


@lru_cache(maxsize=1)
def _works_rx() -> tuple[re.Pattern, re.Pattern]:
    works = sorted(data.load("events").get("works") or [], key=len, reverse=True)
    head = r"(?:" + "|".join(map(re.escape, works)) + r")"
    # "the Kars–Igdir–Nakhchivan railway, whose construction started in": the named work before it
    whose = re.compile(
        r"\b([Tt]he\s+(?:[\w’'\-–]+\s+){0,6}?" + head + r"(?:\s+(?:at|in|of)\s+[A-Z][\w’'\-–]*)?)"
        r",\s+whose\s+construction\s+(?:started|began|commenced|was\s+launched)\b"
    )
    # "construction of the Ayagoz–Tacheng railway crossing started in 2024"
    of = re.compile(
        r"\b[Cc]onstruction\s+of\s+(the\s+(?:[\w’'\-–]+\s+){0,6}?" + head + r")\s+"
        r"(?:started|began|commenced|was\s+launched|will\s+(?:start|begin))\b"
    )
    return whose, of


_BARE_CONSTRUCTION = re.compile(
    r"\b[Cc]onstruction\s+(?:works?\s+)?(?:was|were|has\s+been|had\s+been|has|had)\s+(?:officially\s+|formally\s+)?"
    r"(launched|started|begun|inaugurated)\b"
)


@lru_cache(maxsize=1)
def _named_work_rx() -> re.Pattern:
    works = sorted(data.load("events").get("works") or [], key=len, reverse=True)
    return re.compile(
        r"\b[Tt]he\s+((?:(?:[A-Z][\w’'\-–]*|new|future|planned|high-speed|international)\s+){1,6}(?i:"
        + "|".join(map(re.escape, works))
        + r"))\b(?!\s+of\b)"
    )


def _bare_construction(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "The parties reviewed the China–Kyrgyzstan–Uzbekistan railway. … construction was officially launched
    at a ceremony in Jalal-Abad region on 27 December 2024" → "launch of construction of the … railway": the
    named work (data/events.yaml works) its paragraph last names before."""
    text = ctx.text
    out: list[_Cand] = []
    for m in _BARE_CONSTRUCTION.finditer(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start() < c.end for c in taken + out):
            continue
        s = ctx.sentence_at(m.start())
        if not ctx.dates_in(m.end(), s.end) and not ctx.dates_in(s.start, m.start()):
            continue
        lo = _paragraph_start(ctx, m.start())
        works = [w for w in _named_work_rx().finditer(text, lo, m.start()) if _CAPITAL.search(w.group(1))]
        if not works:
            continue
        kind = "launch" if m.group(1) in ("launched", "inaugurated") else "start"
        out.append(_Cand(m.start(), m.end(), f"{kind} of construction of the {works[-1].group(1)}", m.end()))
    return out


_TO_BE_COMPLETED = re.compile(
    r"[^.;]{0,40}?\b(?:is|are)\s+(?:expected|scheduled|planned|due)\s+to\s+be\s+completed\b"
    r"|[^.;]{0,40}?\bwill\s+be\s+completed\b"
)


def _construction_events(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """The dated start and completion of building a work (data/events.yaml works): "the X railway,
    whose construction started in 2024, is expected to be completed in 2027" → "start of
    construction of the X railway", "completion of the X railway"."""
    text = ctx.text
    if not ctx.cue["onstruction"]:
        return []
    whose, of = _works_rx()
    out: list[_Cand] = []
    for rx in (whose, of):
        for m in rx.finditer(text):
            if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
                continue
            np = m.group(1)
            np = "the" + np[3:] if np.startswith("The") else np
            start = m.start(1)
            if not re.search(r"[A-Z]", np) or any(c.start <= start < c.end for c in taken + out):
                continue
            out.append(_Cand(start, m.end(), f"start of construction of {np}", m.end()))
            if rx is whose:
                done = _TO_BE_COMPLETED.match(text, m.end())
                if done:
                    out.append(_Cand(done.end() - 9, done.end(), f"completion of {np}", done.end()))
    return out + _bare_construction(ctx, taken + out)


_PLANNED_VISIT = re.compile(
    r"\s(?:(?:(?:is|are)\s+(?:also\s+)?(?:expected|scheduled|due|set|planning)\s+to|will\s+(?:also\s+)?)\s*"
    r"(?:visit|travel\s+to|arrive\s+in)"
    # "Commissioner B is expected in Tashkent in the second half of April": a visit announced by arrival
    r"|(?:is|are)\s+(?:also\s+)?(?:expected|due)(?:\s+back)?\s+in(?=\s+[A-Z]))\s+"
    # ("to visit the Issyk-Kul region": a region named by its capitalised name)
    r"((?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,6}(?:\s+(?:region|oblast|province))?)"
)
# "The Minister", "Tomorrow the President of Mongolia": the subject named by role (and whose)
_ROLE_SUBJECT = re.compile(
    r"\b[Tt]he\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:\s+of\s+(?:the\s+)?([A-Z][\w’'-]*))?\s*$"
)


def _planned_visits(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "X is expected to visit Paris on 14 November", "The Minister is scheduled to visit the Y
    Centre tomorrow": a planned visit, "visit of X to Paris" ("the Minister": the last person
    named before with that role)."""
    text = ctx.text
    expected_in = ctx.cue[" expected in "] or ctx.cue[" due in "]
    if not any(ctx.cue[w] for w in (" to visit ", " to travel to ", " will ")) and not expected_in:
        return []
    if not any(ctx.cue[w] for w in ("visit", "travel", "arrive in")) and not expected_in:
        return []  # each match says "visit", "travel", "arrive in" or "expected in" (a scan of every space)
    out: list[_Cand] = []
    for m in _PLANNED_VISIT.finditer(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start(1) < c.end for c in taken):
            continue
        s = ctx.sentence_at(m.start())
        who = None
        rm = _ROLE_SUBJECT.search(text, s.start, m.start())
        # the role opens the sentence, or follows a fronted day ("Tomorrow the President …")
        opens = rm is not None and (
            rm.start() == s.start
            or any(
                d.span[0] == s.start and d.span[1] + 1 >= rm.start()
                for d in ctx.dates_in(s.start, rm.start())
            )
        )
        whose = country_name(rm.group(2)) if opens and rm.group(2) else None
        # ("On Thursday she is scheduled to visit …": a pronoun for the subject of a sentence before)
        for a, b, p in _actors(ctx):
            if a >= m.start():
                break
            # ("B, the EU foreign policy chief, is expected …": the apposition's closing comma between)
            named_here = b >= s.start and text[b : m.start()].strip() in ("", ",")
            role = (p.role or "").lower()
            by_role = (
                opens
                and rm.group(1).lower() in role
                and (whose is None or country_name(p.affiliation or "") == whose)
            )
            if named_here or by_role:
                who = p.name
        if who is None:
            continue
        obj = m.group(1)
        pl = ctx.places_in(m.start(1), m.end(1))
        if obj.startswith("the ") and pl and pl[0].name == obj[4:]:
            obj = obj[4:]  # "to visit the Netherlands"
        out.append(_Cand(m.start(1), m.end(1), f"visit of {who} to {obj}", m.end(1)))
    return out


_ACCEPTED_INVITATION = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:accepted|accepts)\s+(?:an|the)\s+invitation\s+(?:of|from)\s+[^,.;]{2,90}?\s+to\s+"
    r"(?:visit|pay\s+a\s+visit\s+to)\s+"
)
_INVITED_TO_VISIT = re.compile(r"\s+to\s+(?:visit|pay\s+a\s+visit\s+to)\s+")
_INVITED = re.compile(
    r"\binvited\s+(?:his|her|their)?\s*(?:[A-Z][\w’'.-]*\s+|(?:of|the|to|for|and)\s+){0,10}$"
)


def _invited_visits(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Kaja Kallas accepted the invitation of Minister Bayramov to visit Azerbaijan", "President A invited
    Minister B to visit Riga": a visit still ahead, "visit of <guest> to <place>" (dated if the sentence
    says when, else placed only)."""
    text = ctx.text
    if not ctx.cue["invit"] or not ctx.cue[" visit"]:
        return []
    out: list[_Cand] = []
    for a0, b0, p in ctx.person_mentions():
        if ctx.is_heading(a0) or ctx.in_quote(a0):
            continue
        m = _ACCEPTED_INVITATION.match(text, b0)
        if m is None:  # "invited Minister B to visit Riga": the guest named after "invited"
            m = _INVITED_TO_VISIT.match(text, b0)
            if m is None or _INVITED.search(text, max(0, a0 - 80), a0) is None:
                continue
        place = next((x for x in ctx.places_in(m.end(), m.end() + 40) if x.span[0] == m.end()), None)
        if place is None or place.kind not in ("city", "country") or _NAME_GOES_ON.match(text, place.span[1]):
            continue
        if any(c.start <= m.end() < c.end for c in taken + out):
            continue
        name = f"visit of {p.name} to {place.text}"
        out.append(_Cand(place.span[0], place.span[1], name, place.span[1]))
    return out


_ROUTE_LAUNCHED = re.compile(
    r"\b(?:launched|opened|inaugurated)\s+(?:a|the)\s+(?:new\s+)?((?:[\w-]+\s+){0,4}?route)\s+"
    r"from\s+([A-Z][\w’'-]*)\s+to\s+([A-Z][\w’'-]*)"
)


def _route_launches(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "The parties also launched a new direct freight train route from Urumqi to Aktau" → "launch of
    the Urumqi–Aktau direct freight train route"; said of the reported occasion, it is dated by it."""
    text = ctx.text
    if not ctx.cue[" route from "]:
        return []
    out: list[_Cand] = []
    for m in _ROUTE_LAUNCHED.finditer(text):
        if (
            ctx.is_heading(m.start())
            or ctx.in_quote(m.start())
            or any(c.start <= m.start() < c.end for c in taken)
        ):
            continue
        name = f"launch of the {m.group(2)}–{m.group(3)} {m.group(1)}"
        s = ctx.sentence_at(m.start())
        current = not ctx.dates_in(s.start, s.end)
        out.append(_Cand(m.start(), m.end(), name, m.end(), current))
    return out


_LAUNCH_VERBS = ("launched", "inaugurated", "gave")


def _word_positions(text: str, words: tuple[str, ...]) -> list[int]:
    """Sorted offsets where one of `words` opens a word: where a pattern opening with them may match
    (found with str.find, faster than letting the regex try every position)."""
    out = []
    for w in words:
        i = text.find(w)
        while i >= 0:
            if i == 0 or not text[i - 1].isalnum():
                out.append(i)
            i = text.find(w, i + 1)
    return sorted(out)


@lru_cache(maxsize=1)
def _launched_rx() -> re.Pattern:
    things = sorted(data.load("events").get("launched") or [], key=len, reverse=True)
    return re.compile(
        r"\b(?:launched|inaugurated|gave\s+(?:the\s+)?start\s+to)\s+(?:the|a|an)\s+"
        r"((?:[\w’'-]+\s+){0,3}?(?:" + "|".join(map(re.escape, things)) + r"))\b"
        # "… on the route Altynkol – Zamyn-Uud – Tianjin", "… between Riga and Tokyo": the route names it
        r"(?:\s+on\s+the\s+route\s+([A-Z][^,.;()]{2,80}?)(?=\s*[,.;(]|\s+and\s)"
        r"|\s+((?:between|from)\s+[A-Z][\w’'-]*\s+(?:and|to)\s+[A-Z][\w’'-]*))?"
    )


def _launches(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "The presidents, via video link, launched the construction of the X cluster" → "launch of the
    construction of the X cluster"; "launched a regular container train on the route A – B – C" → "launch
    of the regular container train A – B – C" (data/events.yaml launched). With no date in its sentence,
    it happened at the reported occasion."""
    text = ctx.text
    if not ctx.cue["launched"] and not ctx.cue["inaugurated"] and not ctx.cue["start to"]:
        return []
    out: list[_Cand] = []
    rx = _launched_rx()
    for m in (rx.match(text, i) for i in _word_positions(text, _LAUNCH_VERBS)):
        if m is None or ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start(1) < c.end for c in taken + out):
            continue
        thing = m.group(1)
        thing = thing[4:] if thing.startswith("new ") else thing
        if m.group(2) or m.group(3):
            g = 2 if m.group(2) else 3
            end = m.end(g)
            name = f"launch of the {thing} {m.group(g).strip()}"
        else:
            end = _np_end(text, m.end(1)) if _OF_NEXT.match(text, m.end(1)) else m.end(1)
            name = f"launch of the {thing}{text[m.end(1) : end]}"
        s = ctx.sentence_at(m.start())
        current = not ctx.dates_in(s.start, s.end)
        out.append(_Cand(m.start(1), end, name, end, current, route=bool(m.group(2) or m.group(3))))
    return out


@lru_cache(maxsize=1)
def _ceremony_kind_after() -> re.Pattern:
    kinds = sorted(data.load("events").get("ceremony_kinds") or [], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(map(re.escape, kinds)) + r")\s+of\s", re.I)


@lru_cache(maxsize=1)
def _ceremony_kind_rx() -> re.Pattern:
    """ "signing ", "groundbreaking " right before "ceremony" (data/events.yaml ceremony_kinds)."""
    kinds = sorted(data.load("events").get("ceremony_kinds") or [], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, kinds)) + r")\s+$", re.I)


@lru_cache(maxsize=1)
def _inaugurated_rx() -> re.Pattern:
    things = sorted(data.load("events").get("inaugurated") or [], key=len, reverse=True)
    return re.compile(
        r"\b(?:inaugurated|opened)"
        # "inaugurated, together with the Tajik Minister of Energy, the …": who else, set off by commas
        r"(?:,\s+(?:together\s+)?with\s+[^,.;]{3,90},)?"
        r"\s+(?:the|a|an)\s+((?:[\w’'-]+\s+){0,4}?(?:" + "|".join(map(re.escape, things)) + r"))\b(?!\s+of\b)"
        # "… in the Khatlon region", "… at Alat": where it stands belongs to its name
        r"((?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?:\s+region)?))?"
    )


@lru_cache(maxsize=1)
def _opening_of_rx() -> re.Pattern:
    things = sorted(data.load("events").get("inaugurated") or [], key=len, reverse=True)
    return re.compile(
        r"\b(opening|inauguration|commissioning)\s+of\s+((?:the|a|an)\s+(?:[\w’'-]+\s+){0,4}?(?:"
        + "|".join(map(re.escape, things))
        + r"))\b(?!\s+of\s+(?!(?:the\s+)?[A-Z]))"
        # "… at the Baku International Sea Trade Port", "… of the Port of Aktau": the site it stands on (or
        # belongs to) is part of its name
        r"((?:\s+(?:at|of)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*))?"
    )


def _inaugurations(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "today inaugurated a regular weekly container line", "She also inaugurated, together with the
    minister, the EU-financed solar plant in the Khatlon region" → "inauguration of the …" (data/events.yaml
    inaugurated); with no date in its sentence, at the reported occasion."""
    text = ctx.text
    out: list[_Cand] = []
    for m in _inaugurated_rx().finditer(text) if ctx.cue["inaugurated"] or ctx.cue["opened"] else ():
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start(1) < c.end for c in taken + out):
            continue
        thing = m.group(1)
        thing = thing[4:] if thing.startswith("new ") else thing
        end = m.end(2) if m.group(2) else m.end(1)
        name = f"inauguration of the {thing}{m.group(2) or ''}"
        s = ctx.sentence_at(m.start())
        out.append(_Cand(m.start(1), end, name, m.end(1), not ctx.dates_in(s.start, s.end)))
    if ctx.cue["opening of"] or ctx.cue["inauguration of"] or ctx.cue["commissioning of"]:
        # "the ministers attended the opening of a new container terminal at the X Port in Alat"
        for m in _opening_of_rx().finditer(text):
            if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
                continue
            if any(c.start <= m.start() < c.end or m.start() <= c.start < m.end() for c in taken + out):
                continue
            if _TOPIC_OF_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
                continue  # "an agreement on the opening of an EIB office": what was agreed, not an occasion
            end = m.end(3) if m.group(3) else m.end(2)
            # ("Participants also attended the opening of …": no day of its own, at the reported occasion;
            # "On 7 June, the ministers took part in the ceremony of commissioning of …": the day before it)
            out.append(_Cand(m.start(), end, ctx.text[m.start() : end], end, True))
    return out


_TOPIC_OF_BEFORE = re.compile(
    r"\b(?:agreement|memorandum|decision|deal|talks|negotiations|plans?|proposal|request|idea)\s+"
    r"(?:on|for|about|regarding|to\s+speed\s+up)\s+(?:the\s+)?$"
)


@lru_cache(maxsize=1)
def _ceremony_rx() -> re.Pattern:
    conf = data.load("events")
    things = sorted(conf.get("launched") or [], key=len, reverse=True)
    kinds = sorted(conf.get("ceremony_kinds") or [], key=len, reverse=True)
    return re.compile(
        r"\b(?:(" + "|".join(map(re.escape, kinds)) + r")\s+)?ceremony\s+(?:"
        # "a ceremony launching (the) construction of the X railway"
        r"(?:launching|to\s+launch|marking\s+the\s+(?:start|launch)\s+of)\s+(?:the\s+)?"
        r"(?P<thing>" + "|".join(map(re.escape, things)) + r")\b"
        # "the signing ceremony of the … loan": a named kind of ceremony "of"/"for" what it is held for
        # ("the ceremony of commissioning of the Zhanatas wind farm": of a kind of act)
        r"|(?P<of>(?<=ceremony\s)(?:of|for))\s+(?=the\s|an?\s|(?:" + "|".join(map(re.escape, kinds))
        + r")\s+of\s))"
    )


def _ceremonies(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "attended a ceremony launching construction of the X railway", "the signing ceremony of the
    €50 million loan": the ceremony is an occasion, named as written (a launch ceremony by what it
    launches, a kind of ceremony — data/events.yaml ceremony_kinds — by what it is "of"). "the railway"
    after a launch takes the name the text gave that railway before ("the X–Y railway project"). A kind of
    ceremony told as held, with nothing it is "of" ("The welcoming ceremony took place in …"), is named by
    its kind ("welcoming ceremony")."""
    text = ctx.text
    if not ctx.cue["ceremony"]:
        return []
    out: list[_Cand] = []
    for m in _ceremony_rx().finditer(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if m.group("of") and not m.group(1) and not _ceremony_kind_after().match(text, m.end()):
            continue  # a bare "ceremony of …" says too little of what is held (not "… of commissioning of")
        if any(c.start <= m.start() < c.end for c in taken + out):
            continue
        if m.group("of"):
            end = _np_end(text, m.start("of") - 1)
            if end <= m.end():
                continue
        else:
            end = _np_end(text, m.end()) if _OF_NEXT.match(text, m.end()) else m.end()
        if any(m.start() <= c.start <= end for c in taken):
            continue  # "the opening ceremony of the X Business Forum": the forum is the occasion
        name = text[m.start() : end]
        bare = _BARE_THE.search(name)
        if bare:
            # "the ceremony launching construction of the railway": the railway named before
            named = [x for x in _CAP_BEFORE.finditer(text, 0, m.start()) if x.group(2) == bare.group(1)]
            if named:
                name = f"{name[: bare.start(1)]}{named[-1].group(1)} {bare.group(1)}"
        s = ctx.sentence_at(m.start())
        out.append(_Cand(m.start(), end, name, end, not ctx.dates_in(s.start, s.end)))
    bare_rx = _bare_ceremony_rx()
    i = text.find("ceremony")
    while i >= 0:  # (read around each "ceremony": the pattern has no literal opening sre could skip to)
        m = bare_rx.search(text, max(0, i - 32), i + 40)
        i = text.find("ceremony", i + 8)
        # "A signing ceremony held on Friday afternoon saw …", "The welcoming ceremony took place in …": a
        # kind of ceremony the text tells as held, named by its kind
        if m is None or ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start() < c.end for c in taken + out):
            continue
        out.append(_Cand(m.start(), m.end(), m.group(0).lower(), m.end()))
    return out


@lru_cache(maxsize=1)
def _bare_ceremony_rx() -> re.Pattern:
    kinds = sorted(data.load("events").get("ceremony_kinds") or [], key=len, reverse=True)
    return re.compile(
        r"\b(?i:" + "|".join(map(re.escape, kinds)) + r")\s+ceremony\b"
        r"(?=\s+(?:was\s+(?:also\s+)?held|took\s+place|held\s+(?:on|in|at)\b|will\s+(?:be\s+held|take\s+place)"
        r"|is\s+(?:scheduled|planned)))"
    )


# "… was signed", "… have been signed", "The loan, signed in Almaty": what was signed stands before
_SIGNED_PASSIVE = re.compile(r"(?:\s+(?:was|were|has\s+been|have\s+been|had\s+been)(?:\s+also)?|,)\s+$")
# where the object of "signed" ends: a clause, a place, a day, the signatories, a value
_SIGNED_OBJECT_END = re.compile(
    r"[,;:.(\"“«]|\s(?:in|on|at|by|between|worth|with|under|which|that|during|following|after|before|today|"
    r"yesterday|this|last|as|to\s+(?:finance|fund|support|build)|of\s+(?:EUR|USD|US\$|€|\$|£))\s"
)
_AMOUNT_WORDS = re.compile(
    r"(?:worth\s+(?:a\s+total\s+of\s+|about\s+|some\s+|over\s+|more\s+than\s+)?)?"
    r"(?:(?:EUR|USD|US\$|€|\$|£|KZT|UZS)\s?\d[\d.,]*(?:\s*(?:million|billion|bn|mln|m)\b)?"
    r"|\d[\d.,]*\s*(?:million|billion)\s+(?:euros?|(?:US\s+)?dollars|tenge))\s*"
)
_LEAD_DET = re.compile(r"^(?:The|A|An)\s")
_SIGNED_WHERE = re.compile(r"\s+(?:in|on|at|by|between|last|earlier|yesterday|today)\b")
_SIGNED_OBJECT_WORDS = 8
_DATELINE_DASH = re.compile(r"\s*(?:\([A-Z]+\)\s*)?[–—-]\s")
_SIGNING_RECENT_DAYS = 10  # a signing the text reports as its news: on its day or within days before


def _signings(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "The EIB and the Ministry of Finance today signed a finance contract …", "The loan was signed in
    Astana by …", "DBK and AFD signed a credit line agreement in Paris on 26 May": a signing the text
    reports as its news (a day on or shortly before the publication, in its sentence or "the same day")
    is an occasion, "signing of <what was signed>", in the city the sentence says it was signed "in". A
    later sentence that retells it ("The documents were signed in Dushanbe by …") adds the place. An
    agreement's history ("signed in 2004", "signed in November 2022") is a stage, not an occasion."""
    text = ctx.text
    if not ctx.cue["signed"] or not ctx.published or len(ctx.published) != 10:
        return []
    pub = date.fromisoformat(ctx.published)
    out: list[_Cand] = []
    last_sentence = -9
    i = text.find("signed")
    while i >= 0:
        j, i = i, text.find("signed", i + 6)
        if (j and text[j - 1].isalpha()) or text[j + 6 : j + 7].isalnum():
            continue  # "co-signed" stays, "undersigned" does not
        if ctx.is_heading(j) or ctx.in_quote(j):
            continue
        s = ctx.sentence_at(j)
        k = ctx.sentence_index(j)
        if any(s.start <= c.start < s.end and "sign" in c.name.lower() for c in taken):
            continue  # ("the signing ceremony of the … loan": read as the ceremony)
        # (not a dateline's day: "ALMATY, 12 September 2023 – The EBRD has signed …"; not a range, the days
        # of another occasion: "At the … Forum in Tashkent on 1–2 October, the Fund signed …")
        days = [
            d
            for d in ctx.dates_in(s.start, s.end)
            if len(d.value) == 10 and not _DATELINE_DASH.match(text, d.span[1])
        ]
        if any(d.end for d in days):
            continue
        if days:
            # "signed a loan with X in 2019 …, the bank recalled on Monday": the nearest date to "signed" is
            # when it was signed
            near = min(ctx.dates_in(s.start, s.end), key=lambda d: abs(d.span[0] - j))
            if len(near.value) != 10:
                continue
        day = days[0].value if days else None
        if day is None and _SAME_DAY.search(text, s.start, j):
            # "Yesterday, A received B. … On the same day, … was signed": the day a sentence before opens with
            day = _fronted_day(ctx, s.start) or _last_day_before(ctx, s.start)
        city = next(
            (
                p.name
                for p in ctx.places_in(s.start, s.end)
                if p.kind == "city" and text[max(0, p.span[0] - 3) : p.span[0]] in ("in ", "In ")
            ),
            None,
        )
        if out and k - last_sentence <= 2 and (day is None or day == out[-1].fixed[0]):
            prev = out[-1]
            if prev.fixed[2] is None and city is not None:
                prev.fixed = (prev.fixed[0], None, city)  # "The documents were signed in Dushanbe by …"
            last_sentence = k
            continue
        if day is None or not 0 <= (pub - date.fromisoformat(day)).days <= _SIGNING_RECENT_DAYS:
            continue
        pm = _SIGNED_PASSIVE.search(text, max(s.start, j - 16), j)
        if pm is not None and pm.group(0).startswith(",") and not _SIGNED_WHERE.match(text, j + 6):
            pm = None  # "A, Minister of Finance, and B, …, signed the …": the signatories before
        if pm is not None:
            # "On the same day, at the Ministry …, a Financing Agreement was signed": the clause's subject
            a = max(text.rfind(",", s.start, pm.start()) + 1, s.start)
            obj = text[a : pm.start()].strip()
            start = a
        else:
            em = _SIGNED_OBJECT_END.search(text, j + 7, s.end)
            obj_end = em.start() if em else s.end
            obj = text[j + 7 : obj_end].strip()
            start = j
        obj = _AMOUNT_WORDS.sub("", obj).strip()
        if not _signed_finance().search(obj):
            continue  # (a treaty's or a memorandum's signing: its agreement's stage)
        words = obj.split()
        if len(words) > _SIGNED_OBJECT_WORDS:
            # "a loan for the upgrade of the railway line running from A to B": what, not all of its purpose
            words = words[:_SIGNED_OBJECT_WORDS]
            while words and words[-1].lower() in _NAME_STOP:
                words.pop()
            obj = " ".join(words)
        # (at most _SIGNED_OBJECT_WORDS words, one of them a signed_finance word unless cut off above)
        if not obj or not any(w[:1].isalpha() for w in obj.split()):
            continue
        obj = _LEAD_DET.sub(lambda m: m.group(0).lower(), obj)
        end = start + max(1, j - start) if pm is not None else j + 7 + len(obj)
        if pm is None and (bare := _BARE_FINANCE.fullmatch(obj)) is not None:
            # "The EBRD has signed a loan of EUR 150 million with Georgian Railway": whose, with whom
            obj = _lender_and_borrower(ctx, s.start, j, obj_end, bare.group(1)) or obj
        out.append(_Cand(start, max(end, j + 6), f"signing of {obj}", j + 6, fixed=(day, None, city)))
        last_sentence = k
    # (a signing no sentence places "in" a city is still the text's news: "The EIB on Wednesday signed a
    # loan with …" is placed nowhere, not dropped)
    return out


# "a loan", "a grant agreement" (its amount taken out): a bare kind of finance, named by who signed it
_BARE_FINANCE = re.compile(r"(?:a|an)\s+((?:[a-z]+\s+)?[a-z]+)")
# "with Kazakhstan's grid operator KEGOC", "with the Uzbek Ministry of Water Resources", "with Georgian
# Railway"
_SIGNED_WITH = re.compile(
    r"(?:\s+of\s+(?:EUR|USD|US\$|€|\$|£)\s?\d[\d.,]*(?:\s*(?:million|billion|bn|m)\b)?)?"
    r"\s+with\s+(?:[A-Z][\w’'-]*['’]s\s+(?:[a-z]+\s+){1,3})?"
    r"((?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w’'&-]*){0,6})"
)


def _lender_and_borrower(ctx: Context, s_start: int, j: int, end: int, kind: str) -> str | None:
    """ "the EBRD loan to Georgian Railway", "the KfW grant agreement with the Ministry of Water Resources":
    the bank or donor that signed (the last organisation, or capitalised name, before "signed") and the
    party it signed with (after "with")."""
    if not _signed_finance().fullmatch(kind):
        return None
    wm = _SIGNED_WITH.match(ctx.text, end)
    if wm is None:
        return None
    org = next((o for o in reversed(ctx.orgs) if s_start <= o.span[0] and o.span[1] <= j), None)
    if org is not None:
        who = org.acronym or org.text
    else:
        cm = _SIGNER_BEFORE.search(ctx.text, s_start, j)
        if cm is None:
            return None
        who = cm.group(1)
    return _finance_named(who, kind, wm.group(1))


def _finance_named(who: str, kind: str, party: str) -> str:
    """ "the EBRD loan to Georgian Railway", "the KfW grant agreement with the Ministry …": a kind of finance
    named by its two signers (a loan or a credit line is lent to the other side, the rest signed with it)."""
    return f"the {who} {kind} {'to' if kind in ('loan', 'credit line') else 'with'} {party}"


# "Germany's development bank KfW signed …", "KfW on Monday signed …": the signer's own capitalised name
_SIGNER_BEFORE = re.compile(
    r"([A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*){0,3})\s+(?:(?:has|have|had|on\s+\w+day|today|yesterday)\s+)?$"
)


# "initialled on Tuesday the text of a Financing Agreement for …": the verb, a day, "the text of"
_INITIALLED = re.compile(
    r"\binitiall?ed\s+(?:(?:on\s+[A-Z][a-z]+day|today|yesterday)\s+)?(?:the\s+(?:draft\s+)?text\s+of\s+)?"
    r"((?:the|a|an)\s+[^,;:.()]{3,120}?)(?=[,;:.(]|\s(?:in|on|at|by|between|with|which|that|during|today|"
    r"yesterday|last)\s|$)"
)


def _initiallings(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "The EU and Uzbekistan initialled on Tuesday the text of a Financing Agreement for the X Programme":
    the initialling of a financing agreement the text reports as its news (a day on or shortly before the
    publication in its sentence) is an occasion like its signing, "initialling of <what>"; a treaty's
    initialling is its agreement's stage, not read here."""
    text = ctx.text
    if not (ctx.cue["initialled"] or ctx.cue["initialed"]) or not ctx.published or len(ctx.published) != 10:
        return []
    pub = date.fromisoformat(ctx.published)
    out: list[_Cand] = []
    for m in _INITIALLED.finditer(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        obj = " ".join(m.group(1).split())
        if not _signed_finance().search(" ".join(obj.split()[:4])):
            continue
        s = ctx.sentence_at(m.start())
        days = [d for d in ctx.dates_in(s.start, s.end) if not d.end]
        if not days:
            continue
        # (the date nearest the verb: not the dateline's "TASHKENT, March 11 - … initialled on Tuesday"; a
        # year there, "initialled … in 2019, the ministry recalled today", is a history)
        day = min(days, key=lambda d: abs(d.span[0] - m.start())).value
        if len(day) != 10:
            continue
        if not 0 <= (pub - date.fromisoformat(day)).days <= _SIGNING_RECENT_DAYS:
            continue
        obj = re.sub(r"^(?:a|an)\s", "the ", obj)
        fixed = (day, None, ctx.dateline_place())
        out.append(_Cand(m.start(), m.end(1), f"initialling of {obj}", m.end(1), fixed=fixed))
    return out


# a signing told ahead: "… loan, which is expected to be signed in July", "the agreement could be signed in
# Samarkand in May", "The EBRD and the Akimat will sign a loan of …", "intend to sign the grant agreement"
_PLANNED_SIGN = re.compile(
    r"\b(?:(?:(?:is|are)\s+(?:expected|due|scheduled|set|planned)\s+to\s+be|(?:could|will|would|should|may|"
    r"might)\s+(?:also\s+|then\s+)?be)\s+signed"
    r"|(?P<act>will|(?:is|are)\s+(?:expected|due|scheduled|set)\s+to|intends?\s+to|plans?\s+to)\s+"
    r"(?:also\s+)?sign)$"
)
_PLANNED_SIGN_CUES = ("be signed", " to sign ", "will sign ", "will also sign ")
_WHICH_BEFORE = re.compile(r",\s+which\s+$")
_DETERMINERS = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s")
# "a EUR 50 million loan from the European Investment Bank": whose loan
_FINANCE_FROM = re.compile(r"^(?:[a-z]+\s+)?([a-z]+(?:\s+[a-z]+)?)\s+from\s+(?:the\s+)?")
_AND_PARTNER = re.compile(
    r"\s+and\s+((?:the\s+)?[A-Z][\w’'&-]*(?:\s+(?:of\s+(?:the\s+)?|for\s+)?[A-Z][\w’'&-]*){0,6})\s+"
)
_CITY_IN = re.compile(r"\s+in\s+$")
# (what a signing ahead is said of when the thing was named before: "the agreement could be signed in May")
_ANAPHORIC_FINANCE = frozenset(
    ("the agreement", "the deal", "the loan", "the grant agreement", "the financing agreement")
)
_TRAILING_OF = re.compile(
    r"(?:\s+(?:of|for|worth|totalling|totaling))?(?:\s+(?:up\s+to|about|around|some|over|more\s+than|nearly))?$"
)
_PURPOSE_TAIL = re.compile(r"\s+(?:of\s+)?(?:for|to\s+finance|to\s+fund|to\s+support)\s")


def _planned_signings(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """A signing of a loan, a grant or a financing agreement the text announces ahead ("which is expected
    to be signed in July", "the agreement could be signed in Samarkand in May", an advisory's "The EBRD and
    the Akimat of Shymkent will sign a loan of …" under its day) is a planned occasion, "signing of <what>",
    on the day or month its clause gives (or its day heading's); a treaty's or memorandum's signing ahead
    is its agreement's stage, not read here."""
    text = ctx.text
    if not ctx.published or not any(ctx.cue[w] for w in _PLANNED_SIGN_CUES):
        return []
    out: list[_Cand] = []
    for m in _planned_sign_matches(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        s = ctx.sentence_at(m.start())
        if any(s.start <= c.start < s.end and "sign" in c.name.lower() for c in taken + out):
            continue
        if m.group("act"):
            em = _SIGNED_OBJECT_END.search(text, m.end() + 1, s.end)
            obj_end = em.start() if em else s.end
            obj = _AMOUNT_WORDS.sub("", text[m.end() : obj_end].strip()).strip()
            # ("a loan of KZT 25 billion for the city's buses": what, the amount and the purpose taken out)
            obj = _TRAILING_OF.sub("", _PURPOSE_TAIL.split(obj, 1)[0])
            where_from = obj_end
        else:
            obj, where_from = _signed_before(ctx, s.start, m.start()), m.end()
        if not obj or not _signed_finance().search(" ".join(obj.split()[:5])):
            continue
        clause = _CLAUSE_PUNCT.search(text, where_from, s.end)
        upto = clause.start() if clause else s.end
        days = ctx.dates_in(m.end(), upto)
        if days:
            day = days[0].value
            if len(day) < 7:
                continue  # ("is expected to sign a further credit line in 2026": no occasion placed in time)
            if len(day) == 7 and day < ctx.published[:7]:
                day = f"{int(day[:4]) + 1:04d}{day[4:]}"  # ("could be signed in May", written in March)
            if day < ctx.published[: len(day)]:
                continue
        elif _day_heading(ctx, m.start()) is None:
            continue  # (no day: "will be signed in the coming weeks")
        else:
            day = None
        city = next(
            (
                p.name
                for p in ctx.places_in(m.end(), upto)
                if p.kind == "city" and _CITY_IN.search(text, max(0, p.span[0] - 4), p.span[0])
            ),
            None,
        )
        bare = _BARE_FINANCE.fullmatch(obj)
        if bare is not None and m.group("act"):
            # "The EBRD and the Akimat of Shymkent will sign a loan": the first signer's, to the second
            named = _lender_and_borrower(ctx, s.start, m.start(), obj_end, bare.group(1))
            if named is None:
                org = next((o for o in ctx.orgs if s.start <= o.span[0] and o.span[1] <= m.start()), None)
                pm = _AND_PARTNER.match(text, org.span[1]) if org is not None else None
                if (
                    org is not None
                    and pm is not None
                    and pm.end() >= m.start() - 1
                    and _signed_finance().fullmatch(bare.group(1))
                ):
                    named = _finance_named(org.acronym or org.text, bare.group(1), pm.group(1))
            obj = named or obj
        obj = _LEAD_DET.sub(lambda x: x.group(0).lower(), obj)
        fixed = (day, None, city) if day else None
        out.append(_Cand(m.start(), m.end(), f"signing of {obj}", m.end(), fixed=fixed))
    return out


def _planned_sign_matches(text: str):
    """The planned-signing phrases, read back from each "sign" that closes one (a forward scan would try
    every "is", "will" and "could")."""
    i = text.find("sign")
    while i >= 0:
        k = i + (6 if text.startswith("signed", i) else 4)
        if (i == 0 or not text[i - 1].isalpha()) and not text[k : k + 1].isalnum():
            m = _PLANNED_SIGN.search(text, max(0, i - 48), k)
            if m is not None:
                yield m
        i = text.find("sign", k)


def _signed_before(ctx: Context, lo: int, pos: int) -> str | None:
    """What "… is expected to be signed" is said of: the noun phrase before (a relative clause's
    antecedent: "a EUR 50 million loan from the EIB, which …" → "the EIB loan"; "the agreement" → the
    agreement named last before, "the Financing Agreement for the X Programme")."""
    text = ctx.text
    wm = _WHICH_BEFORE.search(text, max(lo, pos - 10), pos)
    end = wm.start() if wm is not None else pos
    head = max(text.rfind(",", lo, end) + 1, lo) if wm is None else lo
    dets = [d.start() for d in _DETERMINERS.finditer(text, head, end)]
    for d in reversed(dets) if wm is None else dets:
        np = " ".join(_AMOUNT_WORDS.sub("", text[d:end]).split())
        words = np.split()
        if len(words) > 12:
            continue
        if np.lower() in _ANAPHORIC_FINANCE:
            named = next(
                (
                    a
                    for a in reversed(ctx.agreements)
                    if a.span[1] <= lo
                    and not a.anaphoric
                    and a.capitalised
                    and _signed_finance().search(a.name)
                ),
                None,
            )
            return f"the {named.name.split(',')[0]}" if named is not None else None
        if not _signed_finance().search(" ".join(words[:4])):
            continue
        fm = _FINANCE_FROM.match(np[np.find(" ") + 1 :])
        if fm is not None:
            org = next((o for o in ctx.orgs if d <= o.span[0] and o.span[1] <= end), None)
            if org is not None:
                return f"the {org.acronym or org.text} {fm.group(1)}"
        return np
    return None


# "took part in the OSCE Ministerial Council in Vienna", "will attend the 32nd OSCE Ministerial Council": a
# standing organ of an organisation the gazetteer names, attended as an occasion
_ATTENDED_BEFORE = re.compile(
    r"\b(?:took\s+part|participated|attended|addressed|spoke|(?:will|to)\s+(?:attend|take\s+part|participate|"
    r"address))\s+(?:in\s+|at\s+)?(?:the\s+)?((?:\d+(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th)|annual|informal|"
    r"extraordinary|regular)\s+)?$"
)
_SITTING_ORGAN_WORDS = (" Council", " Assembly", " Conference", " Summit", " Forum", " Congress")


# "The forum was opened on Thursday by the Deputy Prime Minister …": the opening (closing) of an occasion the
# text named before, referred to by its noun
_OPENED_BARE = re.compile(
    r"\b[Tt]he\s+(forum|summit|conference|congress|exhibition|festival|fair|week|round\s+table|roundtable)\s+"
    r"(?:was|were)\s+(?:officially\s+|solemnly\s+|formally\s+)?(opened|inaugurated|closed)\b"
)


def _openings_of_named(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "The third … Forum concluded in Almaty today. … The forum was opened on Thursday by A and B" →
    "opening of the forum" (on its own day, placed as its own sentence says): told only after an occasion
    named with that noun ("… Forum") stands before it."""
    text = ctx.text
    if not ctx.cue[" opened"] and not ctx.cue[" inaugurated"] and not ctx.cue[" closed"]:
        return []
    out: list[_Cand] = []
    found = []
    for verb in (" opened", " inaugurated", " closed"):
        i = text.find(verb)
        while i >= 0:  # (read back from each verb: the pattern opens with a word boundary sre cannot skip to)
            # (the first match in the window may be an earlier sentence's: "… was opened on Thursday.
            # The forum was closed on Friday": search on past it)
            m = _OPENED_BARE.search(text, max(0, i - 60), i + len(verb) + 1)
            while m is not None and m.end() <= i:
                m = _OPENED_BARE.search(text, m.end(), i + len(verb) + 1)
            if m is not None:
                found.append(m)
            i = text.find(verb, i + len(verb))
    for m in sorted(found, key=lambda x: x.start()):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        noun = " ".join(m.group(1).lower().split())
        s = ctx.sentence_at(m.start())
        if not ctx.dates_in(s.start, s.end):
            continue  # ("The forum was opened by A and B": undated, a part of the forum told, no occasion)
        named_before = any(c.end <= m.start() and c.name.lower().endswith(noun) for c in taken)
        if not named_before or any(c.start <= m.start(1) < c.end for c in taken + out):
            continue
        kind = "closing" if m.group(2) == "closed" else "opening"
        out.append(_Cand(m.start(1), m.end(), f"{kind} of the {noun}", m.end()))
    return out


def _attended_sittings(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Minister A took part in the OSCE Ministerial Council in Vienna": an organisation's organ (its name
    ends with Council, Assembly, Conference …) that someone attends is an occasion, named as written."""
    text = ctx.text
    out: list[_Cand] = []
    for o in ctx.orgs:
        a, b = o.span
        if not text.endswith(_SITTING_ORGAN_WORDS, a, b) or ctx.is_heading(a) or ctx.in_quote(a):
            continue
        am = _ATTENDED_BEFORE.search(text, max(0, a - 60), a)
        if am is None or any(c.start < b and a < c.end for c in taken):
            continue
        start = am.start(1) if am.group(1) else a
        out.append(_Cand(start, b, text[start:b], b))
    return out


@lru_cache(maxsize=1)
def _signed_finance() -> re.Pattern:
    words = sorted(data.load("events").get("signed_finance") or [], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")", re.I)


_BARE_THE = re.compile(r"\bof\s+the\s+([a-z]+)$")
# "the China–Kyrgyzstan–Uzbekistan railway": capitalised words (dash-joined) before a lower-case noun
_CAP_NAME_WORD = r"[A-Z][\w’'-]*(?:[–-][A-Z][\w’'-]*)*"
_CAP_BEFORE = re.compile(
    rf"\b(?!(?:The|A|An|This|That)\s)({_CAP_NAME_WORD}(?:\s+{_CAP_NAME_WORD}){{0,3}})\s+([a-z]+)\b"
)


@lru_cache(maxsize=1)
def _visited_rx() -> re.Pattern:
    conf = data.load("events")
    heads = sorted(set(conf.get("sites") or []) | set(conf.get("works") or []), key=len, reverse=True)
    return re.compile(
        # ("the delegations will visit the construction site of …", "is scheduled to tour the …": planned)
        r"\b(?:visited|toured|will\s+(?:also\s+)?(?:visit|tour)|"
        r"(?:is|are)\s+(?:scheduled|expected|due)\s+to\s+(?:visit|tour))\s+(the\s+(?:[\w’'–-]+\s+){0,5}?(?i:"
        + "|".join(map(re.escape, heads))
        + r"))\b"
    )


_CAPS_ON = re.compile(r"(?:\s+[A-Z][\w’'–-]*)*")


def _site_visits(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "He also visited the site of the future Samarkand solar park" → "visit to the site of the future
    Samarkand solar park" (data/events.yaml sites and works), or one planned ("the delegations will visit
    the construction site of …"); a named place only, and with no day of its own, seen at the reported
    occasion."""
    text = ctx.text
    if not any(ctx.cue[w] for w in ("visited", "toured", " visit the ", " tour the ")):
        return []
    out: list[_Cand] = []
    for m in _visited_rx().finditer(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start(1) < c.end for c in taken + out):
            continue
        head_end = m.end(1)
        if text[m.start(1) : head_end].split()[-1][:1].isupper():
            head_end = _CAPS_ON.match(text, head_end).end()  # "the Chengdu International Railway Port"
        end = _np_end(text, head_end) if _OF_NEXT.match(text, head_end) else head_end
        np = text[m.start(1) : end]
        if not _CAPITAL.search(np) and " of " not in np:
            continue  # "visited the plant": no name ("the construction site of a solar plant" says which)
        s = ctx.sentence_at(m.start())
        out.append(_Cand(m.start(1), end, f"visit to {np}", end, not ctx.dates_in(s.start, s.end)))
    return out


# "proposed to hold the next one in the Issyk-Kul region in 2027", "the forum itself will be held again in
# Baku next year": the next edition of an occasion just named
# (two scans tried where their first words open, interpret.scan; the words before read backwards)
_NEXT_ONE = LiteralScan(re.compile(r"(?:next|following)\s+(?:one|edition)\b"))
_HELD_AGAIN = re.compile(r"(?:be\s+held|take\s+place|meet|convene)\s+$")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_THE_NOUN_WILL = re.compile(r"\b[Tt]he\s+([a-z]+)\s+(?:itself\s+)?(?:will|is\s+to|is\s+due\s+to)\s+$")
_NEXT_NOUN = re.compile(
    r"\b[Tt]he\s+next\s+(forum|summit|conference|congress|festival|exhibition|dialogue)\b(?!\s+(?:of|on|in\s+the)\b)"
)
_EDITION_OF = re.compile(
    r"\b[Tt]he\s+(next|following|\d+(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))\s+edition\s+of\s+the\s+([a-z]+)\b"
)
_NOT_SERIES = ("visit", "meeting of", "talks", "reception", "phone", "telephone")  # (no editions)
_PARTS_OF = ("opening of ", "closing of ", "signing of ")  # (a part of an occasion names no edition)
_EDITION_MARKS = re.compile(
    r"^(?:(?:previous|last|first|next|\d+(?:st|nd|rd|th)|[a-z]+(?:th|st|nd|rd))\s+)+|\s+[\"“«][^\"”»]*[\"”»]$"
)


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    return frozenset(t.lower() for t in data.load("events")["triggers"] if " " not in t)


def _next_editions(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "… the previous business forum was held in Brussels … and proposed to hold the next one in the
    Issyk-Kul region in 2027" → "next business forum"; "the forum itself will be held again in Baku next
    year" → "next International Transport and Logistics Forum": the next edition of the occasion named
    last before (with the same head word, when one is given), named as that one without its number or
    title. "The next forum will take place in Almaty" reads the same; "the fourth edition of the forum"
    keeps its number ("fourth …")."""
    text = ctx.text
    if not any(ctx.cue[w] for w in (" again", "next ", "following ", " edition of")):
        return []
    out: list[_Cand] = []
    found = []
    for m in _NEXT_ONE.finditer(text, ctx.at):
        tm = _THE_BEFORE.search(text, max(0, m.start() - 6), m.start())
        if tm is not None:
            found.append((tm.start(), m.end(), "", "next"))
    i = text.find("next ")
    while i >= 0:
        # "The next forum will take place in Almaty next year": the next edition of the forum named before
        nm = _NEXT_NOUN.match(text, max(0, i - 4))
        if nm is not None:
            found.append((nm.start(), nm.end(), nm.group(1).lower(), "next"))
        i = text.find("next ", i + 5)
    i = text.find(" edition of ")
    while i >= 0:  # "the fourth edition of the forum will be held in Tashkent": that edition of the forum
        em = _EDITION_OF.search(text, max(0, i - 24), i + 40)
        if em is not None and em.end() > i:
            label = em.group(1).lower()
            label = "next" if label == "following" else label
            found.append((em.start(), em.end(), em.group(2).lower(), label))
        i = text.find(" edition of ", i + 12)
    i = text.find(" again")
    while i >= 0:  # "the forum itself will be held again": read backwards from the rare "again"
        hm = _HELD_AGAIN.search(text, max(0, i - 14), i + 1)
        tm = _THE_NOUN_WILL.search(text, max(0, hm.start() - 60), hm.start()) if hm else None
        if tm is not None:
            found.append((tm.start(), i + 6, tm.group(1).lower(), "next"))
        i = text.find(" again", i + 6)
    for start, end, head, label in sorted(found):
        if ctx.is_heading(start) or ctx.in_quote(start):
            continue
        if any(c.start <= start < c.end for c in taken):
            continue
        if head and head not in _trigger_words():
            continue  # ("The ministers will meet again in Baku": who meets, read by `_meet_again`)
        before = [
            c
            for c in taken
            if c.end <= start
            # ("the next one": an occasion of its sentence or the one before; "the forum": the last forum)
            and (head or ctx.sentence_index(c.start) >= ctx.sentence_index(start) - 1)
            and (not head or c.name.lower().split()[-1].strip("\"”»") == head or head in _name_words(c.name))
            and not c.name.startswith(_PARTS_OF)
        ]
        if not before:
            continue
        base = _EDITION_MARKS.sub("", max(before, key=lambda c: c.end).name).strip()
        if not base or base.lower().startswith(_NOT_SERIES):
            continue
        out.append(_Cand(start, end, f"{label} {base}", end))
    return out


@lru_cache(maxsize=1)
def _group_sitting_rx() -> LiteralScan:
    # (opened at the group's words, tried only where they stand, interpret.scan; the determiner read behind)
    groups = sorted(data.load("events").get("group_bodies") or [], key=len, reverse=True)
    return LiteralScan(
        re.compile(
            r"(?<=\b[Tt]he\s|[Ii]ts\s)((?:" + "|".join(map(re.escape, groups)) + r")"
            r"(?:\s+(?:on|for)\s+[a-z][\w’'-]*(?:\s+(?:and\s+|of\s+)?[a-z][\w’'-]*){0,5})?)"
            r"\s+(?:also\s+)?(?:met|convened|gathered|held\s+(?:its|a)\s+(?:first\s+|regular\s+|second\s+)?"
            r"(?:meeting|session))\b"
        )
    )


def _group_sittings(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "On 15 September, the working group on tariff policy and digitalisation met at the Aktau seaport" →
    "meeting of the working group on tariff policy and digitalisation" (data/events.yaml group_bodies): a
    sitting of a standing group, on the day its sentence gives (or the report's)."""
    text = ctx.text
    if not ctx.cue["group"] and not ctx.cue["task force"] and not ctx.cue["committee"]:
        return []
    out: list[_Cand] = []
    for m in _group_sitting_rx().finditer(text, ctx.at):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start(1) < c.end for c in taken + out):
            continue
        # (the verb inside: "held its first meeting" is this sitting, its day and place after it)
        out.append(_Cand(m.start(1), m.end(), f"meeting of the {m.group(1)}", m.end(), True))
    if ctx.cue["held a"] or ctx.cue["hold a"] or ctx.cue["convened a"]:
        for m in _held_group_rx().finditer(text, ctx.at):
            # "Kazakhstan and the EU held a technical working group on renewable hydrogen in Astana on 24–25
            # November": the group held as an occasion, on the day its clause gives
            if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
                continue
            if any(c.start <= m.start(1) < c.end for c in taken + out):
                continue
            s = ctx.sentence_at(m.start())
            if not ctx.dates_in(m.end(), s.end):
                continue
            out.append(_Cand(m.start(1), m.end(), m.group(1), m.end()))
    return out


@lru_cache(maxsize=1)
def _held_group_rx() -> LiteralScan:
    groups = sorted(data.load("events").get("group_bodies") or [], key=len, reverse=True)
    return LiteralScan(
        re.compile(
            r"\b(?:held|hold|holds|convened)\s+an?\s+((?:" + "|".join(map(re.escape, groups)) + r")"
            r"(?:\s+(?:meeting|session))?"
            r"(?:\s+(?:on|for)\s+[a-z][\w’'-]*(?:\s+(?:and\s+|of\s+)?[a-z][\w’'-]*){0,5}?)?)"
            r"(?=\s+(?:in|on|at)\s+(?:[A-Z]|\d)|[,.;])"
        )
    )


@lru_cache(maxsize=1)
def _foundation_rx() -> re.Pattern:
    verbs = sorted(data.load("events").get("foundation_verbs") or [], key=len, reverse=True)
    return re.compile(
        r"\b(?:" + "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs) + r")"
        r"\s+((?:the|a|an)\s+[^,.;()\n]{3,90}?)"
        r"(?=[,.;()\n]|\s+(?:and|on|during|before|after|by|via)\s|$)"
    )


def _foundation_stones(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "On 5 June, A and B laid the foundation stone of the new hydrogen plant in Mangystau" → "laying of
    the foundation stone of the new hydrogen plant in Mangystau" (data/events.yaml foundation_verbs); with no
    day in its sentence, at the reported occasion."""
    text = ctx.text
    if not ctx.cue["stone"] and not ctx.cue["capsule"]:
        return []
    out: list[_Cand] = []
    for m in _foundation_rx().finditer(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start(1) < c.end for c in taken + out):
            continue
        what = m.group(1)
        what = "the " + what[2:] if what.startswith("a ") else what
        done = m.group(0).startswith("laid")  # (one ahead, "will lay …", is dated by its own sentence only)
        out.append(_Cand(m.start(), m.end(1), f"laying of the foundation stone of {what}", m.end(1), done))
    return out


@lru_cache(maxsize=1)
def _tribute_rx() -> tuple[re.Pattern, dict[str, str]]:
    conf = data.load("events")["tributes"]
    objects = {k.lower(): v for k, v in conf["objects"].items()}
    rx = re.compile(
        r"\b(?:" + "|".join(map(re.escape, conf["verbs"])) + r")\s+("
        + "|".join(map(re.escape, sorted(objects, key=len, reverse=True)))
        + r")\s+(at|to)\s+(?:the\s+)?([^,.;()\n]{3,80}?)"
        + r"(?=[,.;()\n]|\s+(?:and|in|on|during|before|after)\s|$)"
    )
    return rx, objects


def _tributes(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Earlier on the same day, A laid a wreath at the Defenders of the Fatherland monument" →
    "wreath-laying by A at the Defenders of the Fatherland monument" (data/events.yaml tributes): an act of
    homage of a visit, by the person the sentence names before the verb."""
    text = ctx.text
    if not ctx.cue["wreath"] and not ctx.cue["flowers"]:
        return []
    rx, objects = _tribute_rx()
    out: list[_Cand] = []
    for m in rx.finditer(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start() < c.end for c in taken + out):
            continue
        s = ctx.sentence_at(m.start())
        who = [p for a, b, p in _actors(ctx) if s.start <= a and b <= m.start()]
        if not who:
            continue
        what = m.group(3).strip()
        name = f"{objects[ignorecase_key(m.group(1))]} by {who[-1].name} {m.group(2)} the {what}"
        # (on the day its sentence gives, or else the reported visit's)
        out.append(_Cand(m.start(), m.end(3), name, m.end(3), True))
    return out


_VISITED_PLACE = re.compile(
    # ("27 October 2022 – President A visits Astana for …": a timeline's or a digest's narrative present)
    r",?\s+(?:(?:who|also|then|later)\s+)*(?:visited|visits|toured|(?:travelled|traveled|travels)\s+to)\s+"
    r"(?:the\s+)?"
)
# "travelled to Ashgabat and Dushanbe": a second city or country of the same trip
_AND_PLACE = re.compile(r"\s+and\s+(?:the\s+)?")


def _place_visits(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Prime Minister A visited Tokyo on 3–4 June" → "visit of A to Tokyo": a named person visiting a
    city or a country (not a place inside a longer name: "visited the Tokyo Stock Exchange")."""
    text = ctx.text
    if not any(ctx.cue[w] for w in ("visited", "toured", "travel", " visits ")):
        return []
    out: list[_Cand] = []
    for a, b, p in ctx.person_mentions():
        m = _VISITED_PLACE.match(text, b)
        if m is None or ctx.is_heading(a) or ctx.in_quote(a):
            continue
        place = next((x for x in ctx.places_in(m.end(), m.end() + 60) if x.span[0] == m.end()), None)
        if place is None or place.kind not in ("city", "country") or _NAME_GOES_ON.match(text, place.span[1]):
            continue
        if any(c.start <= m.end() < c.end for c in taken + out):
            continue
        s = ctx.sentence_at(a)
        end = place.span[1]
        am = _AND_PLACE.match(text, end)
        nxt_at = am.end() if am else -1
        also = next((x for x in ctx.places_in(nxt_at, nxt_at + 60) if x.span[0] == nxt_at), None)
        if (
            also is not None
            and also.kind in ("city", "country")
            and not _NAME_GOES_ON.match(text, also.span[1])
        ):
            end = also.span[1]
        name = f"visit of {p.name} to {text[place.span[0] : end]}"
        out.append(_Cand(a, end, name, end, not ctx.dates_in(s.start, s.end)))
    return out


_DELEGATION_VISITED = re.compile(
    r"\b((?:[Aa]n?|[Tt]he)\s+(?:[\w’'–-]+\s+){0,4}?delegation"
    r"(?:\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w’'–-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w’'–-]*){0,5})?)"
    # "A delegation of Members of the European Parliament's Delegation for relations with Central Asia (DCAS)
    # visited …": a long name its acronym closes, by which the delegation is named
    r"(?:\s+(?:of|from)\s+[^.;()]{3,120}?\s+\((?P<acr>[A-Z][A-Za-z]{1,8})\))?"
    # "… led by the Deputy Minister of Investment, Industry and Trade X": who led it, left out of the name
    r"(?:\s+(?:led|headed)\s+by\s+[^.;()]{3,110}?)?"
    # ("20 May: the EU delegation visits the Astana Hub": a caption's or a timeline's narrative present)
    r",?\s+(?:(?:also|then|later)\s+)?(?:visited|visits|toured|tours|paid\s+a\s+visit\s+to|travelled\s+to|"
    r"traveled\s+to|arrived\s+in)"
    r"\s+(?:the\s+)?"
)
# one of these is inside every verb `_DELEGATION_VISITED` knows: a sentence without any is not read
_VISIT_VERB_WORDS = ("visit", "toured", "tours", "travel", "arrived")


@lru_cache(maxsize=1)
def _delegation_site_rx() -> re.Pattern:
    """ "a rehabilitation centre in the Zangiata district": a site (data/events.yaml sites) and where."""
    sites = sorted(data.load("events").get("sites") or [], key=len, reverse=True)
    return re.compile(
        r"(?:(?:an?|the)\s+)?(?:[\w’'-]+\s+){0,3}?(?:" + "|".join(map(re.escape, sites)) + r")\b"
        r"\s+(?:in|at|near)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?"
        r"(?:\s+(?:district|region|province|oblast))?"
    )


@lru_cache(maxsize=1)
def _named_site_rx() -> re.Pattern:
    """ "Astana Hub technology park": capitalised words, then a site (data/events.yaml sites)."""
    sites = sorted(data.load("events").get("sites") or [], key=len, reverse=True)
    heads = "|".join(map(re.escape, sites))
    return re.compile(r"(?:[A-Z][\w’'-]*\s+){1,4}(?:[a-z]+\s+){0,2}?(?i:" + heads + r")\b")


def _delegation_visits(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "A Latvian business delegation visited Almaty on 4–6 June" → "visit of a Latvian business delegation
    to Almaty": a delegation visiting a city or a country (not a site: "visited the Port of Riga")."""
    text = ctx.text
    if not ctx.cue["delegation"]:
        return []
    out: list[_Cand] = []
    toured: set[str] = set()  # the countries a delegation's trip named so far covers
    found: list[re.Match] = []
    i = text.find("delegation")
    while i >= 0:  # the sentences that name a delegation, each read once
        s = ctx.sentence_at(i)
        if any(text.find(w, s.start, s.end) >= 0 for w in _VISIT_VERB_WORDS):  # (one is in every match)
            found += _DELEGATION_VISITED.finditer(text, s.start, s.end)
        i = text.find("delegation", s.end)
    for m in found:
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        place = next((x for x in ctx.places_in(m.end(), m.end() + 60) if x.span[0] == m.end()), None)
        who = f"the {m.group('acr')} delegation" if m.group("acr") else m.group(1)
        who = who[0].lower() + who[1:]
        if place is None and (sm := _delegation_site_rx().match(text, m.end())) is not None:
            # "the European delegation visited a rehabilitation centre in the Zangiata district": a site
            if any(c.start <= m.end() < c.end for c in taken + out):
                continue
            np = sm.group(0) if text[m.end() - 4 : m.end()].lower() != "the " else f"the {sm.group(0)}"
            out.append(_Cand(m.start(1), sm.end(), f"visit of {who} to {np}", sm.end()))
            continue
        if place is not None and _CAP_GOES_ON.match(text, place.span[1]):
            # "the EU delegation visits the Astana Hub technology park": a site named after its city
            nm = _named_site_rx().match(text, m.end())
            if nm is not None and not any(c.start <= m.end() < c.end for c in taken + out):
                the = "the " if text[m.end() - 4 : m.end()].lower() == "the " else ""
                out.append(_Cand(m.start(1), nm.end(), f"visit of {who} to {the}{nm.group(0)}", nm.end()))
                continue
        if place is None or place.kind not in ("city", "country") or _NAME_GOES_ON.match(text, place.span[1]):
            continue
        read = next(
            (c for c in taken if m.end(1) <= c.start < m.end() and c.name.startswith("visit to ")), None
        )
        if read is not None:  # "… paid a visit to Tashkent", read as an occasion noun: whose visit it is
            read.name = f"visit of {who} {read.name[len('visit ') :]}"
            continue
        end = place.span[1]
        am = _AND_PLACE.match(text, end)
        also = _CAP_WORD.match(text, am.end()) if am else None
        if also is not None and not _NAME_GOES_ON.match(text, also.end()):
            end = also.end()  # "visited Antwerp and Liège": one trip to both
        led = next(
            (c for c in taken if m.end(1) <= c.start < m.end() and c.name.startswith("visit of ")), None
        )
        if led is not None:  # "a delegation led by Deputy Minister X visited Antwerp": the delegation's visit
            led.name, led.start = f"visit of {who} to {text[place.span[0] : end]}", m.start(1)
            continue
        if any(c.start <= m.end() < c.end for c in taken + out):
            continue
        if place.kind == "city" and place.country in toured:
            continue  # "visited Kazakhstan and Kyrgyzstan …; on 29 October, it went to Bishkek": one trip
        s = ctx.sentence_at(m.start())
        name = f"visit of {who} to {text[place.span[0] : end]}"
        toured.update(x.name for x in ctx.places_in(place.span[0], end) if x.kind == "country")
        out.append(_Cand(m.start(1), end, name, end, not ctx.dates_in(s.start, s.end)))
    return out


_TO_DEPART = re.compile(
    r"\b([Tt]he\s+(?:[\w’'–-]+\s+){0,4}?(?:train|flight|ship|vessel|convoy|caravan)"
    r"(?:\s+(?:on|from|to|between)\s+(?:an?\s+new\s+|the\s+)?(?:[\w’'–-]+\s+){0,3}?(?:route|line|corridor))?)"
    r"\s+(?:is|are)\s+(?:scheduled|expected|due|set|planned)\s+to\s+(?:depart|leave)\b"
)
_A_NEW = re.compile(r"\ban?\s+new\s+")


def _departures(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "the first container train on a new X–Y route is scheduled to depart on 1 September" →
    "departure of the first container train on the X–Y route"."""
    text = ctx.text
    if not ctx.cue[" to depart"] and not ctx.cue[" to leave"]:
        return []
    out: list[_Cand] = []
    for m in _TO_DEPART.finditer(text):
        if (
            ctx.is_heading(m.start())
            or ctx.in_quote(m.start())
            or any(c.start <= m.start(1) < c.end for c in taken)
        ):
            continue
        np = m.group(1)
        np = "the" + np[3:] if np.startswith("The") else np
        out.append(_Cand(m.start(1), m.end(), f"departure of {_A_NEW.sub('the ', np)}", m.end()))
    return out


_FIRST_RUN = re.compile(
    # (opened at the adjective, "the"/"its" read behind it: sre skips ahead to an "f", "i" or "m")
    r"(?<=\b[Tt]he\s|\b[Ii]ts\s)((?:first|inaugural|maiden)\s+(?:[\w’'–-]+\s+){0,3}?"
    r"(?:train|flight|ship|vessel|ferry|convoy|caravan|truck|plane|aircraft)"
    r"(?:\s+(?:on|of|from|along|between)\s+(?:an?\s+new\s+|the\s+(?:new\s+)?)?[^,.;]{0,60}?"
    r"(?:route|line|service|corridor|season|year))?)"
    r"\s+(?:(?:has|had)\s+)?(?:(arrived|arrives|reached|will\s+(?:arrive|reach)"
    r"|(?:is|was)\s+(?:expected|scheduled|due)\s+to\s+(?:arrive|reach))"
    r"|(left|departed|leave|depart|set\s+off|sets\s+off))\b"
)


_FIRST_RUN_SCAN = LiteralScan(_FIRST_RUN)  # tried where "first", "inaugural", "maiden" open


def _first_runs(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "the first container train on the new X–Y service arrived in Aktau on Wednesday" → "arrival of
    the first container train on the X–Y service"; "watched the first train of the season leave for
    Duisburg" → "departure of …": a first run's arrival or departure is an occasion of its own."""
    text = ctx.text
    if not ctx.cue["first"] and not ctx.cue["inaugural"] and not ctx.cue["maiden"]:
        return []
    out: list[_Cand] = []
    for m in _FIRST_RUN_SCAN.finditer(text, ctx.at):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start(1) - 4 < c.end for c in taken + out):
            continue
        np = "the " + m.group(1)  # "The"/"Its first …" → "the first …"
        np = _A_NEW.sub("the ", np).replace("the new ", "the ")
        kind = "arrival" if m.group(2) else "departure"
        fm = _FOR_PLACE.match(text, m.end()) if kind == "departure" else None
        rest = f" {fm.group(1)}" if fm else ""  # "… leave for Duisburg": where to
        out.append(_Cand(m.start(1) - 4, m.end(), f"{kind} of {np}{rest}", m.end()))
    return out


_FOR_PLACE = re.compile(r"\s+(?:from\s+[A-Z][\w’'-]*\s+)?(for\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)")


# --- date and place -------------------------------------------------------------------------------


_NAME_GOES_ON = re.compile(r"[-–]|\s+[A-Z]")
_CAP_GOES_ON = re.compile(r" [A-Z]")
_IN_PLACE = re.compile(r"\s+in\s+([A-Z][\w-]+)(?=\s+(?:on|in)\s|[,.;])")
_DATE_WORDS = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|The|This|"
    r"Next|Early|Late|Spring|Summer|Autumn|Winter)$"
)
_THE = re.compile(r"\b(?:the|a|its|their)\s+$", re.I)
_MARGINS = re.compile(
    r"\b(?:on|in|at)\s+the\s+(?:sidelines|margins|fringes?|occasion)\s+of\s+(?:the\s+)?$|\bduring\s+(?:the\s+)?$"
    r"|\bin\s+conjunction\s+with\s+(?:the\s+)?$"
    # "initialled in Washington on 8 August, at the trilateral meeting …": what was done at it
    r"|,\s+at\s+the\s+$",
    re.I,
)
_HELD_IN = re.compile(
    r"\b(?:held|hosted|convened|take\s+place|takes\s+place|took\s+place|meet)\s+in\s+([A-Z][\w-]+)(?=[\s,.;])"
)


_HOLD_IN_BEFORE = re.compile(r"\b(?:hold|convene|organi[sz]e)\s+in\s+$")
_MET_IN = re.compile(
    r"\b(?:(?:met|gathered|convened|assembled|arrived)\s+in|visits|visited|(?:travelled|traveled|came)\s+to)\s+$"
)
_FOR_THE = re.compile(r"(?:\s+(?:on|in)\s+[\w ]{1,25}?)?\s+for\s+(?:the|a|an|their)\s+")
_ON_MARGINS_OF = re.compile(
    r"(?:\s+again)?\s+(?:on|at)\s+the\s+(?:sidelines|margins|fringes?)\s+of\s+(?:the\s+)?"
)


def _limit(ctx: Context, c: _Cand, nxt: int | None, s_end: int) -> int:
    """Where the occasion's own date and place may stand: before the next occasion in its sentence,
    unless it was held on that one's sidelines ("the meeting between A and B on the sidelines of the
    UN General Assembly in New York on 24 September": the Assembly's date and place are the meeting's);
    and before a second predicate of the sentence's subject ("reviewed progress since its previous
    meeting and looked ahead to the EPCA, signed in Brussels on 24 October": the EPCA's day)."""
    if ctx.text.find(" and ", c.end, s_end) >= 0:  # (most occasions have no "and" after them)
        second = _AND_VERB.search(ctx.text, c.end, s_end)
        if second is not None:
            s_end = second.start()
    if ctx.text.find(" which ", c.end, s_end) >= 0:
        # "A held a meeting with B, during which the sides discussed a train between X and Poti": what was
        # said there, not where or when it was held
        during = _DURING_WHICH.search(ctx.text, c.end, s_end)
        if during is not None:
            s_end = during.start()
    if nxt is None or nxt <= c.trigger_end:
        return s_end
    m = _ON_MARGINS_OF.match(ctx.text, c.end)
    if m and m.end() >= nxt:
        return s_end
    if _AND_THE.fullmatch(ctx.text, c.end, nxt):
        # "the Astana International Forum and the EU–Central Asia Economic Forum to be held in 2026":
        # two occasions joined by "and" share the date and place that follow both
        return s_end
    # "attended a reception at the Philharmonic, and on Thursday morning a forum took place": the next
    # clause's own date. (`min(s_end, clause.start())` of `_DATED_CLAUSE.search(text, trigger_end,
    # nxt)`: only a clause opening before `hi` counts, and one opens at a comma or semicolon, so the
    # regex is tried there alone, not searched on up to the next occasion, often sentences away.)
    hi = min(s_end, nxt)
    text = ctx.text
    for p in sorted(_marks(text, ",", c.trigger_end, hi) + _marks(text, ";", c.trigger_end, hi)):
        if _DATED_CLAUSE.match(text, p, nxt) is not None:
            return p
    return hi


def _marks(text: str, ch: str, lo: int, hi: int) -> list[int]:
    """Positions of the character `ch` in `text[lo:hi]`."""
    out = []
    i = text.find(ch, lo, hi)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1, hi)
    return out


_DURING_WHICH = re.compile(r",\s+(?:during|in\s+the\s+course\s+of)\s+which\b")
_AND_VERB = re.compile(
    r"\s+and\s+(?:then\s+|also\s+)?(?!(?:related|advanced|integrated|associated|connected|combined|renewed|"
    r"expanded|extended|enlarged|updated|revised|detailed)\b)[a-z]{3,}ed\s+(?!by\b|with\b|in\b|on\b|at\b)"
)


_DATED_CLAUSE = re.compile(
    r"[,;]\s+(?:and|while|but|whereas)\s+(?=(?:on|in|last|earlier|later|yesterday|this|next)\b)"
)


_AND_THE = re.compile(r"\s+and\s+(?:the\s+|an?\s+)?")


_WHERE = re.compile(r",\s+(?:where|during\s+which|at\s+which|when)\b")


# "Expo 2025", "EXPO-2017": an edition's year after a capitalised word (not "the 2022 memorandum")
_NAMED_YEAR = re.compile(r"(?<![\w’'-])[A-Z][\w’']*[ -]((?:19|20)\d\d)\b")


def _in_named_year(c: _Cand, d) -> tuple[str, str | None]:
    """ "Expo 2025 … from April to October": a month or day the text places in time only by the
    publication date takes the year the occasion's name gives."""
    y = _NAMED_YEAR.search(c.name) if getattr(d, "relative", False) and len(d.value) > 4 else None
    if y is None or d.value[:4] == y.group(1) or (d.end and d.end[:4] != d.value[:4]):
        return d.value, d.end
    return y.group(1) + d.value[4:], (y.group(1) + d.end[4:]) if d.end else None


_TOOK_PART = re.compile(
    # ("Earlier this month, X inspected the port during a working trip to Y": "during" places it then)
    r"\b(?:met|gathered|convened|attended|took\s+part|participated|spoke|addressed|opened|held|paid|made|"
    # (a planned visit: "On 25 September, the delegations will visit …"; not "invited B to visit …", the
    # day of the invitation)
    r"visited|toured|during|(?:will\s+(?:also\s+)?|(?:scheduled|expected|due)\s+to\s+)(?:visit|tour)|"
    # "delivered speeches at the … Round Table", "gave a keynote speech at the … Forum"
    r"(?:delivered|gave)\s+(?:an?\s+)?(?:keynote\s+)?(?:speech(?:es)?|remarks|address|lecture|presentation)"
    r"(?:\s+at)?)\b"
    # "attended the opening ceremony of the … Forum", "addressed the plenary session of the … Forum"
    r"(?:(?:\s+(?:at|in|to))?\s+the\s+(?:official\s+)?(?:opening|closing|plenary)(?:\s+(?:ceremony|session))?"
    r"\s+of)?(?:\s+[\w’'-]+){0,3}\s*$"
    # "the leaders met in Astana for the first … summit": who met there for the occasion
    r"|\b(?:met|gathered|convened|assembled)\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?\s+for\s+(?:the|a|an|their)\s+$"
)
_LEVEL_MOD = re.compile(r"\b[a-z]+-level$")
_HELD_AFTER = re.compile(
    # ("a round table … with the participation of the EU Special Representative … is planned": who takes part)
    r"(?:\s+with\s+the\s+participation\s+of\s+[^,.;]{3,120}?)?"
    r"\s+(?:(?:was|were)\s+(?:also\s+)?(?:held|opened|organi[sz]ed|launched|inaugurated|hosted|convened)"
    r"|took\s+place|opened|convened|began|started|kicked\s+off"
    # planned: "From 3 to 5 June, the exhibition … will be held in Berlin", "On 29 May, a round table … is
    # planned"
    r"|will\s+(?:be\s+(?:held|opened|organi[sz]ed|hosted|convened)|take\s+place|open|convene)"
    r"|(?:is|are)\s+(?:(?:to\s+be\s+)?(?:planned|scheduled|held|organi[sz]ed)"
    r"|due\s+to\s+(?:be\s+held|take\s+place)))\b"
)
_BOLD_LEAD_IN = re.compile(r"\*\*[^*\n]{1,120}\*\*\s*")


def _after_lead_in(text: str, start: int) -> int:
    """Past a Markdown bold lead-in ("**Investment roundtable in Antwerp.** On 10 December …"), a
    title the sentence's own words follow."""
    m = _BOLD_LEAD_IN.match(text, start) if text.startswith("**", start) else None
    return m.end() if m else start


# ("Before that, on 3 March, …": a short adverbial before the date)
_OPENS = re.compile(r"[^\w,]*(?:[A-Z][a-z]+(?:\s+[a-z]+)?,\s+)?(?:(?:[Oo]n|[Ii]n|[Ff]rom|[Bb]etween)\s+)?")
_DID_OCCASION = re.compile(
    r"\b(?:open(?:ed)?|organi[sz]ed?|host(?:ed)?|attend(?:ed)?|hold|held|gave|give|took\s+part\s+in|"
    r"participated\s+in)\s+"
    r"(?:(?:the|an?)\s+|[\"“«]|(?=[\"“«]))(?:official\s+)?(?:(?:opening|closing)\s+(?:ceremony\s+|session\s+)?of\s+the\s+)?$"
    # "On 29 October, the delegation … visited the construction site of …": a site visit, named from "the"
    r"|\b(?:visited|toured)\s+$"
    # "On 8 June, the President gave the start to the construction of …", "… launched the construction of"
    r"|\b(?:launched|inaugurated|gave\s+(?:the\s+|a\s+)?start\s+to)\s+(?:the|an?)\s+$"
)
# ("Earlier this month, …", "Yesterday, …": a date opening the sentence without a preposition)
# ("The next day, 15 July, …", "The following morning, 4 June, …": a relative day the date then spells out)
_FRONTED = re.compile(
    r"[^\w,]*(?:[A-Z][a-z]+(?:\s+(?:next|following|same)\s+(?:day|morning|afternoon|evening))?,\s+)?"
    r"(?:(?:[Oo]n|[Ii]n|[Ff]rom|[Bb]etween)\s+)?"
)


# occasions named by two people talking: a country after "to" in their sentence is what they talked about
_TALKS_NAMES = (
    "talks between ",
    "consultations between ",
    *(f"working {meal} " for meal in _MEALS),
    *(f"{meal} with " for meal in _MEALS),
    "meeting of ",
    "phone ",
    "telephone ",
    "video",
    "online meeting ",
)
# occasions named by who took part: a date fronted in their sentence is theirs ("On 13 May, A, who is
# in X on a visit, held talks with B")
_FRONTED_NAMES = (
    "visit of ", "reception of ", *_TALKS_NAMES, "inauguration of ", "arrival of ", "departure of "
)
# "state visit of A to B", "official visit of …": named by who took part, like "visit of …"
_KIND_OF_VISIT = re.compile(r"(?:[\w-]+\s+){1,2}visit\s+of\s")
_WHO_IS = re.compile(r"\bwho\s+(?:is|was|are|were)\b[^,;]*$")
_FOR_BEFORE = re.compile(r"\bfor\s+(?:the\s+(?:period|years)\s+)?$")


def _plan_period(text: str, d) -> bool:
    """A range of years after "for" ("Action Plan for 2025–2027"): how long a plan runs."""
    if not d.end or len(d.value) != 4:
        return False
    return _FOR_BEFORE.search(text, max(0, d.span[0] - 24), d.span[0]) is not None


# (an occasion being prepared: "review preparations for the 23rd meeting of …", "to prepare the summit")
_PREPARED_FOR = re.compile(
    r"\b(?:preparations?\s+(?:for|of)|prepar(?:e|es|ed|ing)\s+(?:for\s+)?)\s*(?:the\s+|an?\s+)?"
    r"(?:(?:next|upcoming|forthcoming|coming|future)\s+)?$"
)
# (between a day and its weekday in brackets or after a comma: "4 March (Wednesday)", "4 March, Wednesday")
_WEEKDAY_ASIDE = re.compile(r"\s*[(,]\s*")
_AHEAD_BEFORE = re.compile(
    r"\b(?:upcoming|forthcoming|next|future|preparations?\s+(?:for|of)|ahead\s+of|invited\s+to|"
    r"invitation\s+to)\b[^.;]*$"
)
_SINCE_END = re.compile(r"\bsince\s*$")
_OTHER_WHOSE = re.compile(r"\S\s+[^,.;]{3,},\s+whose\b")


_MARGINS_OF_BEFORE = re.compile(
    r"\b(?:on|at)\s+the\s+(?:sidelines|margins|fringes?)\s+of\s+(?:the\s+)?(?:(?:annual|regular|joint)\s+)?$"
)
_YEARS_BEFORE = re.compile(r"\b(last|this|next)\s+year['’]s\s+$", re.I)
_AFTER_OCCASION = re.compile(
    r"\s+(?:shortly\s+|right\s+|immediately\s+)?after\s+the\s+"
    r"(?:summit|meeting|talks|forum|session|ceremony|negotiations|consultations)\b"
)
_UNDER_WAY = re.compile(
    r"\s+(?:has\s+|have\s+|is\s+|are\s+)?(?:begins|begin|began|begun|starts|start|opens|kicks\s+off|gets\s+under\s*way|"
    r"under\s*way|taking\s+place)\b(?!\s+(?:next|tomorrow|later|soon)\b)"
)
_EVE_BEFORE = re.compile(r"\bon\s+the\s+eve\s+of\s+(?:the\s+)?$")
# ("on the eve of the Summit": the reported sitting's noun capitalised as in its name)
_EVE_OF = re.compile(r"\bon\s+the\s+eve\s+of\s+the\s+(?i:summit|meeting|session|forum|talks|conference)\b")


def _date(ctx: Context, c: _Cand, limit: int) -> tuple[str | None, str | None]:
    """The date (and end) of candidate `c`, read up to `limit` (`_limit`: the next clause or occasion)."""
    s = ctx.sentence_at(c.start)
    if c.current:
        # "X, who arrived in Tashkent on 16 September on a state visit, held talks … on Wednesday": the
        # visit's clause ends at the comma
        comma = ctx.text.find(",", c.trigger_end, limit)
        limit = comma if comma >= 0 else limit
    # (a match holds "whose": most clauses have none, and the regex opens with `\S`, tried everywhere)
    whose = _OTHER_WHOSE.search(ctx.text, c.end, limit) if ctx.text.find("whose", c.end, limit) >= 0 else None
    if whose is not None:
        limit = whose.start()  # "the visit … in the history of the two countries, whose relations were …"
    after = [d for d in ctx.dates_in(c.trigger_end, limit)]
    after = [
        d
        for d in after
        if not _SINCE_END.search(ctx.text[max(s.start, d.span[0] - 8) : d.span[0]])
        # "… meant to replace the 1992 treaty": a year that names another thing (not "in the spring of the
        # next year": a relative year is a time)
        and not (
            _YEAR.fullmatch(d.value)
            and not d.relative
            and _THE.search(ctx.text, max(s.start, d.span[0] - 5), d.span[0])
        )
    ]
    on_margins = after and _MARGINS_OF_BEFORE.search(ctx.text, max(s.start, c.start - 40), c.start)
    if on_margins and "," in ctx.text[c.end : after[0].span[0]]:
        # "initialled in Luxembourg in October 2024 on the margins of the 21st meeting of the Council, and
        # … signed in Brussels on 18 November 2025": the day of what was done on its margins
        head = max(ctx.text.rfind(",", s.start, c.start), s.start)
        before = ctx.dates_in(head, c.start)
        if before:
            return before[-1].value, before[-1].end
    if after:
        d = after[0]
        return _in_named_year(c, d)
    if _EVE_BEFORE.search(ctx.text, max(s.start, c.start - 30), c.start):
        # "was held in Astana on 16 June on the eve of the second … Summit": the day after that day
        days = [d for d in ctx.dates_in(s.start, c.start) if len(d.value) == 10]
        if days:
            return (date.fromisoformat(days[-1].end or days[-1].value) + timedelta(days=1)).isoformat(), None
    clause_start = max(ctx.text.rfind(",", s.start, c.start), s.start)
    if _WHERE.match(ctx.text, clause_start):
        clause_start = s.start  # "visited Tbilisi in January, where he opened the … Forum"
    for d in ctx.dates_in(s.start, c.start):
        if d.span[0] < clause_start < d.span[1] and "\n" not in ctx.text[d.span[1] : c.start]:
            clause_start = d.span[0]  # "Saturday, 7 November – field visit to …": the comma inside a day
    # (not "the roadmap for 2025–2026 … is expected to be endorsed at the next Council": a plan's period)
    before = [d for d in ctx.dates_in(clause_start, c.start) if not _plan_period(ctx.text, d)]
    if before and before[-1].text.strip().lower() in _WEEKDAYS:
        # "4 March (Wednesday): Visit to Samarkand", "5 March, Thursday: …": the weekday restates the day
        # before it
        prior = ctx.dates_in(s.start, before[-1].span[0])
        if prior and _WEEKDAY_ASIDE.fullmatch(ctx.text, prior[-1].span[1], before[-1].span[0]):
            before[-1] = prior[-1]
    if before:
        return before[-1].value, before[-1].end
    # ("A, who is in Greece on a working visit, held talks …": a visit framing the talks is not dated here)
    kind_of_visit = _KIND_OF_VISIT.match(c.name) and not (
        ctx.text.find("who", s.start, c.start) >= 0 and _WHO_IS.search(ctx.text, s.start, c.start)
    )
    if (c.name.startswith(_FRONTED_NAMES) or kind_of_visit) and "invit" not in ctx.text[s.start : c.start]:
        # (not "On 3 May, A invited B to visit Riga": the day of the invitation, not of the visit)
        before = ctx.dates_in(s.start, c.start)  # "On 13 May, A, who is in X on a visit, held talks with B"
        if before:
            return before[-1].value, before[-1].end
    # "Earlier, on June 23-24, the operators met at the … Forum": a date fronted before the clause
    fronted = ctx.dates_in(s.start, clause_start)
    if (
        len(fronted) == 1
        and _FRONTED.fullmatch(ctx.text, s.start, fronted[0].span[0])
        and clause_start == fronted[0].span[1]
        and ctx.text.startswith(",", clause_start)
        # … when the clause says the occasion took place then ("met at", "took part in", "attended")
        and _TOOK_PART.search(ctx.text, clause_start, c.start)
    ):
        return fronted[0].value, fronted[0].end
    if (
        len(fronted) == 1
        and _FRONTED.fullmatch(ctx.text, s.start, fronted[0].span[0])
        and ctx.text.startswith(",", fronted[0].span[1])
        and _HELD_AFTER.match(ctx.text, c.end)
    ):
        # "On 7 May, the Latvia–Kazakhstan Business Forum took place in Riga": the occasion is the subject
        return fronted[0].value, fronted[0].end
    # "Today, Commissioner A and Minister B, …, opened the first Investment Roundtable": the
    # sentence's only date opens it and the occasion is what its subject opened, organised, attended
    opening = ctx.dates_in(s.start, c.start)
    # (a heading line without a full stop the sentence splitter joined to it: the line the date opens)
    line = ctx.text.rfind("\n", s.start, opening[0].span[0]) + 1 if opening else 0
    if (
        len(opening) == 1
        and _OPENS.fullmatch(ctx.text, max(line, _after_lead_in(ctx.text, s.start)), opening[0].span[0])
        and _DID_OCCASION.search(ctx.text, max(s.start, c.start - 60), c.start)
    ):
        return opening[0].value, opening[0].end
    if _UNDER_WAY.match(ctx.text, c.end) and ctx.published and not ctx.dates_in(s.start, s.end):
        # "16:50 — The joint press conference begins": a live report's occasion, on its day
        return ctx.published, None
    if _AFTER_OCCASION.match(ctx.text, c.end) and ctx.published:
        # "Omuraliev said in a briefing for reporters after the summit": the reported occasion's day
        return (ctx.meeting.date if ctx.meeting is not None and ctx.meeting.date else ctx.published), None
    eve = _EVE_OF.search(ctx.text, c.end, s.end) if ctx.text.find("eve", c.end, s.end) >= 0 else None
    if eve is not None:
        # "met informally on the eve of the summit": the day before the reported occasion
        day = ctx.meeting.date if ctx.meeting is not None and ctx.meeting.date else ctx.published
        if day and len(day) == 10:
            return (date.fromisoformat(day) - timedelta(days=1)).isoformat(), None
    if _MARGINS.search(ctx.text, max(s.start, c.start - 40), c.start):
        # "signed … in Baku in November last year, on the sidelines of the COP29 conference": the
        # occasion of what was done on its sidelines
        before = ctx.dates_in(s.start, c.start)
        if before:
            return before[-1].value, before[-1].end
    if c.current:  # "On 13 May, X, who is in Y on a state visit, …": a date fronted in the sentence
        before = ctx.dates_in(s.start, c.start)
        if before:
            return before[-1].value, before[-1].end
    if c.current or (
        _conf()["same_scan"].search_part(ctx.text[s.start : s.end], ctx.at, s.start)
        # "During the visit, the parties discussed preparations for the upcoming … Forum": still ahead
        and not _AHEAD_BEFORE.search(ctx.text, max(s.start, c.start - 50), c.start)
    ):
        m_date = ctx.meeting.date if ctx.meeting is not None else None
        if (
            m_date
            and ctx.meeting.span is not None
            and ctx.meeting.span[0] > s.end
            and _SAME_DAY.search(ctx.text, s.start, c.start)
        ):
            # a digest whose sitting is told in a later item: "On the same day" is this item's own day, the
            # last day named before
            prior = _last_day_before(ctx, s.start)
            if prior:
                return prior, None
        if m_date and not _months_before(m_date, ctx.published, 1) and not ctx.memo.get("meeting_on_eve"):
            return m_date, None
        if ctx.meeting is None and _SAME_DAY.search(ctx.text, s.start, c.start):
            # "On 14 May, Ashgabat hosted the Dialogue. … On the same day, the delegation was received by
            # B": the day an earlier sentence opens with
            fronted = _fronted_day(ctx, s.start)
            if fronted is not None:
                return fronted, None
        # no sitting reported, or one the text reports second-hand months back ("reviewed the results
        # of the 15th meeting …, held on 12 June"): "the same day" is the day of the text's own occasion
        return ctx.published, None
    ym = _YEARS_BEFORE.search(ctx.text, max(s.start, c.start - 20), c.start)
    if ym is not None and ctx.published:
        # "at last year's Astana International Forum": the year the possessive names
        step = {"last": -1, "this": 0, "next": 1}[ignorecase_key(ym.group(1))]
        return str(int(ctx.published[:4]) + step), None
    # "EXPO-2017"
    y = _YEAR.search(c.name)
    if y:
        return y.group(0), None
    return None, None


_DAY_OF = re.compile(
    r"\W*(?:[Oo]n|[Dd]uring|[Ii]n\s+the\s+course\s+of)\s+the\s+(first|second|third|fourth|fifth|final|last|closing|"
    r"opening)\s+day\s+of\s+(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(visit|trip|forum|summit|session|conference|congress|festival|exhibition|programme|program|talks)\b"
)
_DAY_INDEX = {"first": 0, "opening": 0, "second": 1, "third": 2, "fourth": 3, "fifth": 4}


def _day_of_occasion(ctx: Context, s0: int, out: list[Event]) -> tuple[str, str | None] | None:
    """(day, place) for a sentence opening "On the second day of the visit" (of the forum, …): the day of
    the last occasion named before with that noun, counted from its first day ("final"/"last"/"closing":
    its last day)."""
    m = _DAY_OF.match(ctx.text, s0)
    if m is None:
        return None
    noun = m.group(2).lower()
    host = next((e for e in reversed(out) if noun in e.name.lower() and e.date and len(e.date) == 10), None)
    if host is None:
        return None
    which = m.group(1).lower()
    if which in _DAY_INDEX:
        day = date.fromisoformat(host.date) + timedelta(days=_DAY_INDEX[which])
        if host.date_end and day > date.fromisoformat(host.date_end):
            return None
        return day.isoformat(), host.place
    return (host.date_end or host.date), host.place


def _listed_ahead(ctx: Context, c: _Cand, value: str) -> str:
    """ "The Tashkent International Investment Forum on 9–11 June, where we expect …, and the second … Summit
    in Tashkent in May": a month without a year listed after an occasion the same sentence dates ahead is
    ahead too (the next May), not the May before."""
    sent = ctx.sentence_at(c.start)
    days = ctx.dates_in(sent.start, sent.end)
    own = next((d for d in days if d.value == value and d.relative and d.span[0] >= c.start), None)
    # (a day or a month ahead, not a year a plan runs to: "a road map until 2030")
    if own is None or not any(
        d.span[1] <= c.start and len(d.value) >= 7 and d.value >= ctx.published for d in days
    ):
        return value
    return f"{int(value[:4]) + 1:04d}{value[4:]}"


def _last_day_before(ctx: Context, pos: int) -> str | None:
    """The last full day (not a month or a year) the text names before `pos`, if any."""
    days = [d for d in ctx.dates_in(0, pos) if len(d.value) == 10]
    return days[-1].value if days else None


def _fronted_day(ctx: Context, before: int) -> str | None:
    """The day the nearest earlier sentence of the body opens with ("On 14 May 2026, …"), if any."""
    i = ctx.sentence_index(before)
    for k in range(i - 1, -1, -1):
        s = ctx.sentences[k]
        if ctx.is_heading(s.start):
            continue
        days = ctx.dates_in(s.start, s.end)
        if days and len(days[0].value) == 10 and _FRONTED.fullmatch(ctx.text, s.start, days[0].span[0]):
            return days[0].value
    return None


_IN_TO = re.compile(r"\b(?:in|to)\s+(?:the\s+)?$")
_IN = re.compile(r"\bin\s+(?:the\s+)?$")


def _in_title(s: str) -> bool:
    """An odd number of straight quotes, or an opening curly quote not closed: inside a title."""
    return s.count('"') % 2 == 1 or s.count("“") > s.count("”")


# ("On 5 June in Berlin, …", "Earlier in Astana, …", "In Tashkent on Wednesday, …")
_FRONTED_IN = re.compile(
    r"\W*(?:(?:[Oo]n|[Ll]ater|[Ee]arlier)\b[^,.;]{0,30}?\s)?[Ii]n\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)"
    r"(?:\s+(?:on|in|this|last)\s+[^,.;]{1,25})?\s*,"
)
_TRAVEL_FOR = re.compile(
    r"\b(?:travel(?:s|led|ed)?|go(?:es)?|went|fly|flies|flew|arrive[sd]?|head(?:s|ed)?|come[s]?|came)\s+"
    r"(?:to|in)\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)\s+(?:on\s+[^,.;]{1,24}?\s+)?"
    r"(?:for|to\s+attend|to\s+take\s+part\s+in|to\s+participate\s+in)\s+(?:the\s+)?$"
)

def _route_end(text: str, span: tuple[int, int]) -> bool:
    """A city joined by a dash to another name with no space ("Lodz–Chengdu", "Poti–Constanța")."""
    a, b = span
    return (a >= 2 and text[a - 1] in "–-—" and text[a - 2].isalpha()) or (
        b + 1 < len(text) and text[b] in "–-—" and text[b + 1].isupper()
    )


def _last_city(ctx: Context, a: int, b: int) -> str | None:
    """The name of the last city the gazetteer finds between `a` and `b`, if any."""
    cities = [p for p in ctx.places_in(a, b) if p.kind == "city"]
    return cities[-1].name if cities else None


def _first_city(named: list) -> str | None:
    """The first city among the places `named` ("Astana (Nur-Sultan), Kazakhstan": Astana), else the first
    place (a country alone), else None."""
    first = next((p for p in named if p.kind == "city"), named[0] if named else None)
    return first.name if first is not None else None


_VISIT_TO_END = re.compile(r"\bvisit of .+ to ([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?)$")


def _place(ctx: Context, c: _Cand, limit: int) -> str | None:
    """The place of candidate `c`, read up to `limit` (`_limit`: the next clause or occasion)."""
    s = ctx.sentence_at(c.start)
    if c.name.startswith("visit of ") and c.trigger_end == c.end:
        # "to visit Azerbaijan": the place the visit's name ends with
        last = ctx.places_in(c.start, c.end)
        if last and last[-1].span[1] == c.end and c.name.endswith(last[-1].text):
            if len(last) > 1 and _AND_PLACE.fullmatch(ctx.text, last[-2].span[1], last[-1].span[0]):
                return None  # "visit of A to Kazakhstan and Kyrgyzstan": no one place
            return last[-1].name
    # a place after the occasion's noun before one inside its name ("the Shanghai Cooperation
    # Organisation summit in Astana")
    split = min(max(c.trigger_end, c.start), limit)
    ahead = ctx.places_in(split, limit)
    if c.end > split:
        # "a concert of the Astana Opera took place in Berlin": a city that opens a longer name inside the
        # occasion's own post-modifier comes after a place the sentence gives beyond it
        inner = [p for p in ahead if p.span[0] < c.end and _NAME_GOES_ON.match(ctx.text, p.span[1])]
        ahead = [p for p in ahead if p not in inner] + inner
    for p in ahead + ctx.places_in(c.start, split):
        if (
            p.span[0] >= c.end
            and _CAP_GOES_ON.match(ctx.text, p.span[1])
            and (
                ctx.text.endswith("the ", 0, p.span[0])
                or any(o.span[0] <= p.span[0] and p.span[1] < o.span[1] for o in ctx.orgs)
            )
        ):
            continue  # "organised by the Astana International Financial Centre": a name, not where it is
        if p.span[0] < c.end and _in_title(ctx.text[c.start : p.span[0]]):
            continue  # 'the "Made in Azerbaijan" exhibition': a title, not where it is
        if p.kind == "city" and _route_end(ctx.text, p.span):
            continue  # "the Lodz–Chengdu route": an end of a route, not where it happens
        if p.kind == "city":
            return p.name
        if (
            p.kind == "country"
            # (talks of two people: "… the cable that would carry electricity to Romania" is no venue)
            and (_IN if c.name.startswith(_TALKS_NAMES) else _IN_TO).search(
                ctx.text, max(0, p.span[0] - 8), p.span[0]
            )
            # "to the EU–Central Asia Summit": a party in another name, not a place
            and not _NAME_GOES_ON.match(ctx.text, p.span[1])
        ):
            return p.name
    # "Astana will host EXPO-2017": a city earlier in the same clause
    clause_start = max(ctx.text.rfind(",", s.start, c.start), ctx.text.rfind(";", s.start, c.start), s.start)
    if _WHERE.match(ctx.text, clause_start):
        city = _last_city(ctx, s.start, clause_start)
        if city is not None:
            return city  # "visited Tbilisi in January, where he opened the … Forum"
    before = [p for p in ctx.places_in(clause_start, c.start) if p.kind == "city"]
    if before and re.search(r"\b(?:host|hosts|hosted|hosting)\b", ctx.text[before[-1].span[1] : c.start]):
        return before[-1].name
    if before and _HOLD_IN_BEFORE.search(ctx.text, max(0, before[-1].span[0] - 12), before[-1].span[0]):
        return before[-1].name  # "agreed to hold in Tashkent in April the third round of negotiations"
    if before and _FOR_THE.fullmatch(ctx.text, before[-1].span[1], c.start) and _MET_IN.search(
        ctx.text, max(0, before[-1].span[0] - 16), before[-1].span[0]
    ):
        return before[-1].name  # "the leaders met in Astana for the first … summit"
    if _MARGINS.search(ctx.text, max(s.start, c.start - 40), c.start):
        city = _last_city(ctx, s.start, c.start)
        if city is not None:
            return city  # "… in Baku …, on the sidelines of the COP29 conference"
    talks = c.name.startswith(_TALKS_NAMES + ("reception of ",))
    fm = _FRONTED_IN.match(ctx.text, s.start) if talks else None
    if fm is not None and fm.end() <= c.start:
        # "On 5 June in Berlin, A met with B": where the sentence opens
        city = _last_city(ctx, fm.start(1), fm.end(1))
        if city is not None:
            return city
    tf = _TRAVEL_FOR.search(ctx.text, max(s.start, c.start - 90), c.start)
    if tf is not None:
        # "will travel to Brussels for the EU–Central Asia summit": where the occasion is
        city = _last_city(ctx, tf.start(1), tf.end(1))
        if city is not None:
            return city
    if ctx.meeting is not None and ctx.meeting.place and _AFTER_OCCASION.match(ctx.text, c.end):
        # "said at the joint press conference after the meeting": where the reported sitting was
        return ctx.meeting.place
    # "to be held in Gabala in October": a place the gazetteer does not know
    hm = _HELD_IN.search(ctx.text, c.trigger_end, limit) or _IN_PLACE.match(ctx.text, c.end)
    if hm and not ctx.places_in(hm.start(1), hm.end(1)) and not _DATE_WORDS.match(hm.group(1)):
        return hm.group(1)  # "the official launch of construction in Jalal-Abad on 27 December"
    return _line_place(ctx, c.start)


# an agenda item's line opened by its place and a dash ("Astana — 23rd meeting of …", "Almaty (Alma-Ata) –
# Opening of …"): the place part, up to the dash
_PLACE_DASH = re.compile(r"[#>*\s-]*([A-Z][^\n—–]{1,50}?)\s+[—–]\s+")


def _row_place(ctx: Context, a: int) -> str | None:
    """A table row's cell that is a place and nothing else ("| 15–16 January | Almaty | … Forum |")."""
    b = ctx.text.find("\n", a)
    b = len(ctx.text) if b < 0 else b
    x = a + 1
    while x < b:
        y = ctx.text.find("|", x, b)
        y = b if y < 0 else y
        named = ctx.places_in(x, y)
        rest = ctx.text[x:y]
        for p in named:
            rest = rest.replace(p.text, "")
        if named and _DAY_HEADING_REST.fullmatch(_PAREN_FORM.sub("", rest).replace("*", "")):
            return _first_city(named)
        x = y + 1
    return None


def _line_place(ctx: Context, pos: int) -> str | None:
    """The city an agenda line opens with before a dash, for an occasion on that line (the first of
    two name forms), else None."""
    a = ctx.text.rfind("\n", 0, pos) + 1
    if ctx.text.startswith("|", a):
        return _row_place(ctx, a)
    m = _PLACE_DASH.match(ctx.text, a, pos)
    if m is None:
        return None
    named = ctx.places_in(m.start(1), m.end(1))
    rest = ctx.text[m.start(1) : m.end(1)]
    for p in named:
        rest = rest.replace(p.text, "")
    if not named or not _DAY_HEADING_REST.fullmatch(_PAREN_FORM.sub("", rest)):
        return None  # ("Deputy Minister A — …": not a place line)
    return named[0].name


# --- items of a programme's or agenda's day lines ("Tuesday 2 December, Tashkent: meeting with A; talks …")


@lru_cache(maxsize=1)
def _day_item_rx() -> re.Pattern:
    c = data.load("events")
    nouns = sorted(c.get("day_items") or [], key=len, reverse=True)
    received = sorted(c.get("day_received") or [], key=len, reverse=True)
    return re.compile(
        r"(?P<noun>" + "|".join(map(re.escape, nouns)) + r")\s+(?=\S)"
        r"|(?P<recv>" + "|".join(map(re.escape, received)) + r")\s+(?=\S)",
        re.I,
    )


@lru_cache(maxsize=1)
def _day_item_scan() -> LiteralScan:
    return LiteralScan(_day_item_rx())  # (tried only where a noun of data/events.yaml day_items opens)


# before an item's noun: an opening adjective ("Good call with", "Productive talks with") or an article
_ITEM_ADJ = re.compile(r"(?:(?-i:[A-Z][a-z]+)[ \t]+|(?-i:an?)\s+)$")
# the clause a reception opens ("…, the Members were received by"): from its punctuation
_CLAUSE_OPEN = re.compile(r"[,;:\n]\s*((?:the\s+)?[\w ]{0,30}?)\s*$")


def _has_day_lines(ctx: Context) -> bool:
    """Whether some line of the text is dated by a day heading or opens with a day (an agenda, a mission
    programme, a recap by weekday): else no day-line item can be read (one cheap look at its dates)."""
    got = ctx.memo.get("events_day_led")
    if got is None:
        text = ctx.text
        got = _dated_by_lines(ctx) or any(
            _LINE_MARKS.fullmatch(text, text.rfind("\n", 0, d.span[0]) + 1, d.span[0]) for d in ctx.dates
        )
        ctx.memo["events_day_led"] = got
    return got


# where an item ends: the next item (";", ", and, in the afternoon, with …"), the sentence or the line
# (not the full stop of an honorific or an initial: "H.E. A", "Mr B")
_ITEM_STOP = re.compile(
    r";|\n|,\s+(?:and\s+)?(?:the\s+\d|a\s+|an\s+)|,\s+and\b|\s+and\s+(?=(?:the|a|an)\s)"
    # its purpose ("call with A to go through the preparations …")
    r"|\s+to\s+(?!(?:the|a|an)\b)(?=[a-z])"
    r"|(?<!\bH\.E)(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\b[A-Z])\.(?=\s|$)"
)
# a further item of the same kind: ", and, in the afternoon, with the Chairman …", "and with B"
_AND_WITH = re.compile(r",?\s+and,?\s+(?:(?:in|on|at|during)\s+the\s+[a-z]+,\s+)?with\s+(?=\S)")
# a finite verb in what follows an item's noun: a clause, no item ("Talks with the EU were constructive")
_CLAUSE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|should|said|says|remain|remains|remained|went|"
    r"continue|continues|continued|stalled|ended|began|begin|begins)\b"
)
# what a name drops: honorifics ("H.E.", "Mr", "Ms") and asides in brackets ("(lower house)")
_HONORIFIC = re.compile(r"\b(?:H\.E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+")
_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")
# a day line's own day before its items ("- **Tuesday 2 December, Tashkent (Toshkent):** meeting …",
# "Saturday, 7 November – field visit …"): the part up to the colon or dash after the day
_DAY_LEAD = re.compile(r"[^\n]{0,80}?(?::\**|\*\*\s*[—–-]|\s[—–-])\s+")
# (a colon after the day's dash ends the lead: "Monday 2 March – Brussels: meeting with …")
_DAY_LEAD_COLON = re.compile(r"[^\n:]{0,80}:\**\s+")
# where an item names its city at its end ("talks with Foreign Minister A in Tashkent")
_IN_CITY_END = re.compile(r"\s+in\s+([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)$")
# where an item may open: a line's body, or after a semicolon or a comma of a list
_ITEM_OPEN = re.compile(
    r"(?:^|\n)[#>*\s-]*$|[;:]\s*$|,\s+(?:and\s+)?$|\s[—–-]\s+$|\*\*\s*$"
    # "– field visit to Samarkand, including a meeting with the regional khokim"
    r"|,\s+(?:including|followed\s+by)\s+$"
)


def _weekday_in_range(ctx: Context, day) -> str | None:
    """A bare weekday ("Monday" heading a mission report's day) in the days the report's title gives
    ("visit to Tajikistan, 2–4 November"): that day of the range, else None."""
    if not day.text.strip().isalpha() or ctx.published is None:
        return None
    head = ctx.dates_in(0, min(len(ctx.text), 400))
    spans = [d for d in head if d.end and len(d.value) == 10 and len(d.end) == 10]
    if not spans:
        return None
    a, b = date.fromisoformat(spans[0].value), date.fromisoformat(spans[0].end)
    want = date.fromisoformat(day.value).weekday()
    k = a
    while k <= b and (b - a).days <= 14:
        if k.weekday() == want:
            return k.isoformat()
        k += timedelta(days=1)
    return None


def _day_items(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """Items of an agenda's or a mission programme's day lines, named by what was held with whom
    (data/events.yaml day_items): "- **Tuesday 2 December, Tashkent (Toshkent):** meeting with the
    Chairman of the Senate, A; talks with Minister B", a weekday heading then "Meeting with the Minister
    …, and, in the afternoon, with the Chairman …", "**Thursday** — Good call with Deputy Minister C".
    Each takes the day (and the place) its line opens with, or the day heading above it."""
    text = ctx.text
    if (not ctx.cue[" with "] and not ctx.cue[" received by "]) or not _has_day_lines(ctx):
        return []
    out: list[_Cand] = []
    for m in _day_item_scan().finditer(text, ctx.at):
        a = m.start()
        line = text.rfind("\n", 0, a) + 1
        if m.group("recv"):
            cm = _CLAUSE_OPEN.search(text, max(0, line - 1, a - 40), a)
            if cm is None:
                continue
            a = cm.start(1)
        else:
            adj = _ITEM_ADJ.search(text, max(line, a - 24), a)
            a = adj.start() if adj else a
        opened = _ITEM_OPEN.search(text, max(line - 1, a - 80), a)
        if opened is None or ctx.in_quote(a):
            continue
        named_by = next((t for t in taken if t.start <= a < t.end), None)
        if named_by is not None and (named_by.start != a or named_by.fixed is not None):
            continue
        lead = _DAY_LEAD_COLON.match(text, line, a + 1) or _DAY_LEAD.match(text, line, a + 1)
        lead_days = ctx.dates_in(line, lead.end()) if lead and lead.end() <= a + 1 else []
        lead_days = [d for d in lead_days if len(d.value) == 10]
        if not lead_days and opened.group().startswith(",") and not m.group("recv"):
            continue  # (after a comma only in a line its day opens: "…, talks with A" in prose is no item)
        if lead_days:
            day = lead_days[0]
            value = _weekday_in_range(ctx, day) or day.value
            when = (value, day.end if value == day.value else None)
            where = _first_city(ctx.places_in(day.span[1], lead.end()))
        else:
            ctx.memo["events_heading_place"] = None
            when = _day_heading(ctx, a)
            if when is None:
                continue
            spot = ctx.memo["events_heading_place"]
            where = _first_city(ctx.places_in(*spot)) if spot else None
        if named_by is not None:
            # "round table with civil society" another finder named: the day (and place) of its line
            named_by.fixed = (when[0], when[1], where)
            continue
        noun = (m.group("noun") or "meeting with").lower()  # (a reception, "were received by": a meeting)
        pos = m.end()
        while True:
            stop = _ITEM_STOP.search(text, pos)
            b = stop.start() if stop else len(text)
            who = _ASIDE.sub("", _HONORIFIC.sub("", text[pos:b])).strip(" ,*")
            if not who or len(who) > 120 or _CLAUSE_VERB.search(who):
                break  # ("Talks with the EU were constructive, he said": a clause, not an item)
            at = where
            cm = _IN_CITY_END.search(who)
            named_end = cm is not None and text.endswith(cm.group(1), 0, b)
            city = _last_city(ctx, b - len(cm.group(1)), b) if named_end else None
            if city is not None:
                who, at = who[: cm.start()], city  # "… Bakhtiyor Saidov in Tashkent": where it is held
            out.append(_Cand(a, b, f"{noun} {who}", b, fixed=(when[0], when[1], at)))
            more = _AND_WITH.match(text, b)
            if more is None:
                break
            a, pos = more.end(), more.end()
    return out


# --- a list of coming occasions: its dates without a year lie ahead, across New Year ----------------


@lru_cache(maxsize=1)
def _ahead_heading_rx() -> re.Pattern:
    words = sorted(data.load("events").get("ahead_headings") or [], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)


def _ahead_heading(ctx: Context, pos: int) -> bool:
    """Whether the nearest heading above `pos` (or the text's title line) speaks of coming occasions
    ("## Looking further ahead", "# Week ahead: …", "UPCOMING EVENTS")."""
    i = ctx.sentence_index(pos)
    for k in range(i, max(-1, i - 40), -1):
        s = ctx.sentences[k]
        if s.heading or k == 0:
            return _ahead_heading_rx().search(ctx.text, s.start, s.end) is not None
    return False


def _next_year(value: str | None) -> str | None:
    return f"{int(value[:4]) + 1:04d}{value[4:]}" if value else value


def _ahead_of_notice(ctx: Context, c: _Cand, value: str, end: str | None) -> tuple[str, str | None]:
    """ "| 15–16 January | Almaty | EU–Central Asia Economic Forum |" under "Looking further ahead" in a
    notice of 4 December: a date the text states without a year that the resolver put months before the
    publication is the coming one (next year), when a heading over it lists coming occasions."""
    s = ctx.sentence_at(c.start)
    own = [d for d in ctx.dates_in(s.start, s.end) if d.value == value]
    if not own or not own[0].relative or not _months_before(value, ctx.published, 2):
        return value, end
    if not _ahead_heading(ctx, c.start):
        return value, end
    return _next_year(value), _next_year(end)


# --- a signing an agenda announces for one of its days ("A and B will sign a loan of …") -------------

# (what sits before "sign" in an announcement: "will sign", "are to sign", "are expected to sign")
_WILL_SIGN = re.compile(r"\s(?:will|are\s+to|is\s+to|are\s+expected\s+to|is\s+expected\s+to)\s+$")
_SIGN_OBJECT = re.compile(r"\s*(?:an?|the)\s+((?:[\w-]+\s+){0,3}?)")
_PARTY_SPLIT = re.compile(r"\s+and\s+(?:the\s+)?")
_LOANS = ("loan", "grant", "credit")


def _agenda_signings(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Thursday, 1 October / Shymkent — The European Bank for Reconstruction and Development and the
    Akimat of Shymkent will sign a loan of KZT 25 billion …": a signing an agenda line announces for its
    day, named by the parties ("signing of the EBRD loan to the Akimat of Shymkent", "signing of the
    financing agreement between A and B"); only in a line its day heads (a forecast elsewhere is a
    stage of the agreement, not a dated occasion)."""
    text = ctx.text
    if not ctx.cue[" sign "]:
        return []
    out: list[_Cand] = []
    i = text.find(" sign ")
    while i >= 0:
        j, i = i, text.find(" sign ", i + 6)
        wm = _WILL_SIGN.search(text, max(0, j - 24), j + 1)
        if wm is None or ctx.in_quote(j) or any(c.start <= j < c.end for c in taken):
            continue
        om = _SIGN_OBJECT.match(text, j + 5)
        fm = _signed_finance().match(text, om.end()) if om else None
        if fm is None:
            continue
        ctx.memo["events_heading_place"] = None
        day = _day_heading(ctx, j)
        if day is None:
            continue
        spot = ctx.memo["events_heading_place"]
        line = text.rfind("\n", 0, j) + 1
        lm = _PLACE_DASH.match(text, line, j)
        body = lm.end() if lm else line
        s = ctx.sentence_at(j)
        a = max(body, s.start)
        if text.startswith(("The ", "the "), a):
            a += 4
        # the first party as the gazetteer names it (its acronym), else up to the first "and"
        org = next((o for o in ctx.orgs if o.span[0] == a and o.span[1] < wm.start()), None)
        if org is not None:
            pm = _PARTY_SPLIT.match(text, org.span[1])
            parts = [org.acronym or org.name, text[pm.end() : wm.start()].strip()] if pm else []
        else:
            parts = _PARTY_SPLIT.split(text[a : wm.start()].strip(), maxsplit=1)
        if len(parts) != 2 or not all(p[:1].isupper() for p in parts):
            continue
        first, second = parts
        what = fm.group(0).lower()
        name = (
            f"signing of the {first} {what} to the {second}"
            if what.startswith(_LOANS)
            else f"signing of the {what} between the {first} and the {second}"
        )
        name = name.replace("the the ", "the ")
        named = ctx.places_in(*spot) if spot else []
        place = _line_place(ctx, j) or (named[0].name if named else None)
        out.append(_Cand(max(body, s.start), fm.end(), name, fm.end(), fixed=(day[0], day[1], place)))
    return out


# --- the visit a mission report is about, named in its title ("Mission report: visit to Uzbekistan, 2–4
# December 2025") -----------------------------------------------------------------------------------------

_AND_WORD = re.compile(r"\band\b")
_TITLE_VISIT = re.compile(r"(?<![\w-])(?:[Vv]isit|[Mm]ission)\s+to\s+(?:the\s+)?(?=[A-Z])")


def _titled_visits(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """A heading that names a visit to a country or city and its days ("# Mission report: visit to
    Uzbekistan, 2–4 December 2025", "Official visit to Japan, 3–5 May"): the report's own visit, over
    those days (with no one venue: the places it took in are its stops)."""
    text = ctx.text
    if not ctx.cue["isit to "] and not ctx.cue["ission to "]:
        return []
    out: list[_Cand] = []
    for k, s in enumerate(ctx.sentences[:12]):
        # (a heading, or a title line near the top: no full stop at its end)
        line = text[s.start : s.end]
        titled = k < 6 and "\n" not in line and not line.rstrip().endswith(".")
        if not (s.heading or k == 0 or titled or ctx.is_heading(s.start)):
            continue
        m = _TITLE_VISIT.search(text, s.start, s.end)
        if m is None or any(c.start <= m.start() < c.end for c in taken):
            continue
        places = [p for p in ctx.places_in(m.end(), s.end) if p.span[0] == m.end()]
        days = [d for d in ctx.dates_in(m.end(), s.end) if len(d.value) == 10]
        if not places or not days:
            continue
        end = places[0].span[1]
        # (other stops may stand between: "visit to Tajikistan, Dushanbe and Khujand, 2–4 November")
        rest = text[end : days[0].span[0]]
        for p in ctx.places_in(end, days[0].span[0]):
            rest = rest.replace(p.text, "")
        if not _DAY_HEADING_REST.fullmatch(_AND_WORD.sub("", _PAREN_FORM.sub("", rest))):
            continue
        name = f"visit to {text[places[0].span[0]:end]}"
        out.append(_Cand(m.start(), end, name, end, fixed=(days[0].value, days[0].end, None)))
    return out


# --- a delegation's internal briefing by its own mission is no occasion ------------------------------


@lru_cache(maxsize=1)
def _internal_briefing_rx() -> re.Pattern:
    words = sorted(data.load("events").get("internal_briefings") or [], key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)


def _internal_briefing(ctx: Context, c: _Cand) -> bool:
    """ "Following a briefing at the EU Delegation by the EU Ambassador, the Members …": a briefing given
    at (or by) the visitors' own mission (data/events.yaml internal_briefings), not an occasion."""
    low = c.name.lower()
    if not (low.startswith("briefing") or low.endswith("briefing") or " briefing " in low):
        return False
    at = ctx.text.find("briefing", c.start, c.end)
    return at >= 0 and _internal_briefing_rx().match(ctx.text, at + 8) is not None


# a table cell that is a month and no more but a note that the day is to come ("February (date tbc)",
# "March, TBC")
_MONTH_CELL = re.compile(
    r"\s*(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s*[(,]?\s*(?:date\s+)?(?:tbc|tbd|to\s+be\s+(?:confirmed|determined))\)?)?\s*\|",
    re.I,
)
# month name → number, as the date annotator reads them (data/dates.yaml months)
_MONTH_NUMBERS = data.load("dates")["months"]


def _row_month(ctx: Context, c: _Cand) -> str | None:
    """The month a table row gives its occasion in a cell of its own ("| February (date tbc) | Brussels |
    EU–Kazakhstan Cooperation Council |"): that month, the coming one under a heading of coming
    occasions (else only a month not before the publication's, in its year)."""
    a = ctx.text.rfind("\n", 0, c.start) + 1
    b = ctx.text.find("\n", c.start)
    b = len(ctx.text) if b < 0 else b
    x = a + 1
    while x < b:
        m = _MONTH_CELL.match(ctx.text, x, b)
        if m is not None:
            # (IGNORECASE took "Aprıl" for April: the key as it compared)
            month = int(_MONTH_NUMBERS[ignorecase_key(m.group(1))])
            year, pub_month = int(ctx.published[:4]), int(ctx.published[5:7] or 0)
            if month < pub_month:
                if not _ahead_heading(ctx, c.start):
                    return None
                year += 1
            return f"{year:04d}-{month:02d}"
        y = ctx.text.find("|", x, b)
        if y < 0:
            break
        x = y + 1
    return None


# --- an itinerary by weekdays walks forward through one week ----------------------------------------

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _bare_weekdays(ctx: Context) -> list:
    """The text's dates written as a weekday alone ("On Tuesday"), in text order (memoised)."""
    got = ctx.memo.get("events_bare_weekdays")
    if got is None:
        got = [d for d in ctx.dates if len(d.value) == 10 and d.text.strip().lower() in _WEEKDAYS]
        ctx.memo["events_bare_weekdays"] = got
    return got


def _itinerary_weekday(ctx: Context, c: _Cand, value: str) -> str:
    """ "On Monday, she will hold talks in Astana. On Tuesday, she travels to Bishkek … On Wednesday, she
    will attend …": a weekday the resolver put in the week before (no future cue in its own clause)
    while the weekday named just before it, earlier in the week, lies ahead is in that coming week too."""
    s = ctx.sentence_at(c.start)
    days = _bare_weekdays(ctx)
    own = next((i for i, d in enumerate(days) if d.value == value and s.start <= d.span[0] < s.end), None)
    if not own:
        return value  # (none, or the first: nothing named before it)
    d, prev = days[own], days[own - 1]
    if d.span[0] - prev.span[1] > 600 or prev.value <= value:
        return value
    if _WEEKDAYS.index(prev.text.strip().lower()) >= _WEEKDAYS.index(d.text.strip().lower()):
        return value
    day = date.fromisoformat(value)
    while day.isoformat() < prev.value:
        day += timedelta(days=7)
    return day.isoformat()


# --- a coming trip for talks: "A is due to travel on to Bishkek on Wednesday for talks with President B" --

_TRAVEL_FOR_TALKS = re.compile(
    r"\b(?:will\s+(?:also\s+)?|(?:is|are)\s+(?:due|expected|scheduled|set)\s+to\s+|plans\s+to\s+)"
    r"(?:travel|go|fly|head)\s+(?:on\s+)?to\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)"
    r"([^.;]{0,40}?)\s+for\s+(?:talks|a\s+meeting|meetings|consultations)\s+with\s+"
)


_TRAVEL_CUES = ("for talks", "for a meeting", "for meetings", "for consultations")


def _travel_for_talks(ctx: Context, taken: list[_Cand]) -> list[_Cand]:
    """ "Kallas, …, is due to travel on to Bishkek on Wednesday for talks with Kyrgyz President Sadyr
    Japarov", "The Minister will fly to Baku next week for talks with his counterpart A": the coming
    talks, "talks between <who travels> and <whom>", in that city on the day the clause gives."""
    text = ctx.text
    if not ctx.cue[" with "] or not any(ctx.cue[w] for w in _TRAVEL_CUES):
        return []
    out: list[_Cand] = []
    for m in _TRAVEL_FOR_TALKS.finditer(text):
        if ctx.is_heading(m.start()) or ctx.in_quote(m.start()):
            continue
        if any(c.start <= m.start() < c.end for c in taken):
            continue
        s = ctx.sentence_at(m.start())
        people = _actors(ctx)
        before = [p for a, b, p in people if s.start <= a and b <= m.start()]
        other = next(((a, b, p) for a, b, p in people if a >= m.end()), None)
        if not before or other is None or not _TITLE_WORDS_APPOSED.fullmatch(text, m.end(), other[0]):
            continue
        who = before[0]  # (the sentence's subject, before any apposition about it)
        days = ctx.dates_in(m.start(1), m.end(2)) if m.group(2) else []
        when = (days[0].value, days[0].end) if days else (None, None)
        city = _last_city(ctx, m.start(1), m.end(1))
        if city is None:
            continue
        name = f"talks between {who.name} and {other[2].name}"
        out.append(_Cand(m.start(), other[1], name, m.end(), fixed=(when[0], when[1], city)))
    return out
