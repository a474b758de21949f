"""Interpret one document: the entry point the pipeline calls.

Annotates the text once (people, organisations, places, quotes, agreement names, dates, amounts,
ordinals) into a `Context`, then asks each interpreter for its records: meetings, agreements,
amounts (pledges and figures) and events.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..models import Extraction, Flag, Organization, Person, Quote
from ..read import Document
from .context import Context

__all__ = ["interpret", "anchor_date", "build_context"]

_PUB = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def anchor_date(published: str | None) -> date | None:
    """The day relative dates are resolved against: the date itself, or the last day of a month or
    year given at coarser granularity (so "17 June" in a text published "2025-06" stays in 2025)."""
    if not published:
        return None
    m = _PUB.match(published.strip())
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2) or 12)
    if not 1 <= mo <= 12:
        return None
    d = int(m.group(3) or calendar.monthrange(y, mo)[1])
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _publication(doc: Document, published: str | None) -> tuple[str | None, bool, list[Flag]]:
    if published and anchor_date(published):
        return published.strip()[:10], False, []
    try:
        from ..annotate.dates import find_dateline

        line = find_dateline(doc.text)
    except ImportError:  # grammar not installed yet
        line = None
    if line and anchor_date(line):
        return line, True, []
    return (
        None,
        False,
        [
            Flag(
                kind="undated",
                message="no publication date given, in the page's metadata "
                "or in a dateline: relative dates and years cannot be placed in time",
            )
        ],
    )


def build_context(doc: Document, published: str | None) -> tuple[Context, str | None, bool, list[Flag]]:
    pub, inferred, flags = _publication(doc, published)
    return Context.build(doc.text, pub, anchor_date(pub), doc.title), pub, inferred, flags


def interpret(doc: Document, published: str | None) -> Extraction:
    from ..pipeline import empty_extraction
    from . import agreements, amounts, events, meetings

    ctx, pub, inferred, flags = build_context(doc, published)
    ex = empty_extraction(doc, pub, inferred)
    ex.flags.extend(flags)
    ex.meetings = meetings.find_meetings(ctx)
    # a head of delegation with no affiliation of their own belongs to the side they led
    sides = {h.name: h.side for m in ex.meetings for h in m.heads if h.side}
    ex.people = [
        Person(name=p.name, role=p.role, affiliation=p.affiliation or sides.get(p.name), spans=p.spans)
        for p in ctx.people
    ]
    ex.organizations = _organizations(ctx)
    ex.quotes = [Quote(speaker=q.speaker, text=q.text, span=q.span) for q in ctx.quotes]
    ctx.memo["meetings"] = ex.meetings  # (events: a second sitting reported the same day is no event)
    ex.events = events.find_events(ctx)
    ctx.events = ex.events
    ex.figures, ex.pledges = amounts.interpret_amounts(ctx)
    ex.agreements = agreements.find_agreements(ctx, ex.pledges)
    return ex


def _organizations(ctx: Context) -> list[Organization]:
    out: dict[str, Organization] = {}
    for o in ctx.orgs:
        if ctx.is_body_name(o.name):
            continue
        rec = out.get(o.name)
        if rec is None:
            rec = out[o.name] = Organization(name=o.name, acronym=o.acronym, kind=o.kind, spans=[])
        rec.spans.append(o.span)
        if o.acronym and not rec.acronym:
            rec.acronym = o.acronym
    return list(out.values())
