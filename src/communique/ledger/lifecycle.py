"""Agreement stage histories (with regression flags), meeting series, and people's roles over time.

A stage is a dated event seen in a document: the date the text gives for it, else the document's
publication date. Ordered by that date, an agreement's current stage is the latest one; a document
that puts it at an earlier stage of `models.STAGE_ORDER` than an earlier-dated source already
reached is kept in the history, marked `regression`, and raises a ledger flag instead of moving the
current stage back.
"""

from __future__ import annotations

import statistics
from datetime import date

from ..models import STAGE_ORDER
from .matchers import Seen
from .merge import NO_DOCUMENT, DocumentRow
from .statements import dumps, sha


def _before(a: str, b: str) -> bool:
    """Partial ISO date `a` is strictly before `b` at their common precision."""
    n = min(len(a), len(b))
    return a[:n] < b[:n]


def stage_rows(cluster, index: dict[str, Seen], docs: dict[str, DocumentRow],
               rejected_values: set[tuple[str, str, str]]) -> tuple[list[dict], str | None, list[dict]]:
    """(stage_history rows, current stage, ledger flags) of one agreement cluster."""
    events = []
    for m in cluster.members:
        rec = index[m]
        for stage in rec.all("status"):
            if (rec.id, "status", dumps(stage)) in rejected_values:
                continue
            published = docs.get(rec.document_id, NO_DOCUMENT).published
            when = rec.get("date") or published or ""
            events.append({"record": rec, "stage": stage, "date": rec.get("date"), "published": published,
                           "when": when})
    rank = {s: i for i, s in enumerate(STAGE_ORDER)}
    events.sort(key=lambda e: (e["when"], rank.get(e["stage"], -1), e["record"].id))
    rows, flags = [], []
    current = None
    reached: list[tuple[str, str, Seen]] = []  # (when, stage, record) of non-regressing events
    name = None
    for e in events:
        rec: Seen = e["record"]
        name = name or rec.get("name")
        regression = False
        r = rank.get(e["stage"])
        if r is not None and e["when"]:
            for when, stage, prev in reached:
                if rank.get(stage, -1) > r and when and _before(when, e["when"]):
                    regression = True
                    src = docs.get(rec.document_id, NO_DOCUMENT).source or rec.document_id[:12]
                    psrc = docs.get(prev.document_id, NO_DOCUMENT).source or prev.document_id[:12]
                    flags.append({"kind": "stage regression",
                                  "message": f"{name}: {src} ({e['when']}) puts it at '{e['stage']}' after "
                                             f"{psrc} ({when}) had it '{stage}'",
                                  "document_id": rec.document_id, "record_ids": [cluster.id]})
                    break
        if not regression:
            reached.append((e["when"], e["stage"], rec))
            current = e["stage"]
        rows.append({"id": sha("stage", cluster.id, rec.id, e["stage"], rec.document_id),
                     "agreement_id": cluster.id, "record_id": rec.id, "stage": e["stage"],
                     "date": e["date"], "published": e["published"], "document_id": rec.document_id,
                     "span_start": rec.span[0] if rec.span else None,
                     "span_end": rec.span[1] if rec.span else None, "statement_id": None,
                     "regression": regression})
    return rows, current, flags


def _parse(d: str | None) -> date | None:
    if not d or len(d) < 10:
        return None
    try:
        return date.fromisoformat(d[:10])
    except ValueError:
        return None


def series_report(meetings: list[dict]) -> dict:
    """Meetings of one body (dicts with number/date) → ordered list, missing ordinals, cadence."""
    ordered = sorted(meetings, key=lambda m: (m.get("number") is None, m.get("number") or 0,
                                              m.get("date") or ""))
    numbers = sorted({m["number"] for m in meetings if m.get("number") is not None})
    missing = [n for n in range(numbers[0], numbers[-1] + 1) if n not in set(numbers)] if numbers else []
    dates = sorted(d for d in (_parse(m.get("date")) for m in meetings) if d)
    gaps = [(b - a).days for a, b in zip(dates, dates[1:], strict=False) if (b - a).days > 0]
    cadence = statistics.median(gaps) if gaps else None
    return {"meetings": ordered, "numbers": numbers, "missing_numbers": missing,
            "cadence_days": cadence, "first": dates[0].isoformat() if dates else None,
            "last": dates[-1].isoformat() if dates else None}
