"""Review: a person confirms, corrects, rejects, merges, splits records and dismisses flags.

Each decision is a judgement (`ledger/judgements.py`: who, when, why; a changed decision retires
the old row). This module adds what a reviewer needs around them:

- `queue()`: the records to review, least certain first (merged by a fuzzy rule, flagged, or read
  from a single source), each with the sentence it was read from;
- one function per decision, taking the ids a person sees (merged record ids, as-seen ids, unique
  prefixes, flag ids) and checking them before anything is written;
- *anchors*: each judgement written here keeps, besides the ledger's snapshot, where its records
  and flags were read (document and span). When a newer extractor gives a record a new identity
  (its identifying values changed) or rewords a flag, `after_rebuild` finds the record or flag at the
  same place and re-points the judgement: the old row is retired (`retired_by` the new one), the new
  row keeps the author, reason and time of the decision. A judgement whose record is gone stays
  active and inert, and applies again if the record comes back.
"""

from __future__ import annotations

import getpass
import json
import os
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, insert, or_, select, update
from sqlalchemy.engine import Connection

from ..errors import CommuniqueError
from ..models import RECORD_TYPES
from . import schema as t
from .db import chunks
from .statements import dumps, rules

AUTHOR_ENV = "COMMUNIQUE_AUTHOR"
STATUSES = ("unreviewed", "confirmed", "corrected", "rejected")
#: The statuses of a record someone has decided on (`queue(status=JUDGED)`).
JUDGED = ("confirmed", "corrected", "rejected")


class ReviewError(CommuniqueError):
    """A review command names something that is not there, or a value that does not fit."""


def default_author() -> str:
    """`COMMUNIQUE_AUTHOR`, else the login name."""
    env = os.environ.get(AUTHOR_ENV)
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # no login name (some containers): still a valid, if anonymous, decision
        return "anonymous"


# --- finding what an id names -----------------------------------------------------------------

def resolve_record(conn: Connection, any_id: str) -> tuple[str, str, str]:
    """A merged record id, an as-seen record id, or a unique prefix of either → (the id as given
    in full, its merged record's id, kind)."""
    r, s = t.records.c, t.statements.c
    row = conn.execute(select(r.id, r.kind).where(r.id == any_id)).first()
    if row:
        return row.id, row.id, row.kind
    row = conn.execute(select(s.record_id, s.canonical_id, s.kind)
                       .where(s.record_id == any_id).limit(1)).first()
    if row:
        return row.record_id, row.canonical_id, row.kind
    if len(any_id) >= 6:
        hits = conn.execute(select(r.id, r.kind).where(r.id.like(f"{any_id}%")).limit(2)).all()
        if len(hits) == 1:
            return hits[0].id, hits[0].id, hits[0].kind
        seen = conn.execute(select(s.record_id, s.canonical_id, s.kind).where(s.record_id.like(f"{any_id}%"))
                            .distinct().limit(2)).all()
        if len(seen) == 1:
            return seen[0].record_id, seen[0].canonical_id, seen[0].kind
    raise ReviewError(f"no record with id {any_id!r}")


def resolve_flag(conn: Connection, any_id: str) -> str:
    f = t.flags.c
    hits = conn.execute(select(f.id).where(f.id.like(f"{any_id}%")).limit(2)).scalars().all()
    if any_id in hits:
        return any_id
    if len(hits) == 1 and len(any_id) >= 6:
        return hits[0]
    raise ReviewError(f"no flag with id {any_id!r}" if not hits else f"flag id {any_id!r} is ambiguous")


# --- anchors: where a record or flag was read -------------------------------------------------

def record_anchor(conn: Connection, record_id: str) -> dict | None:
    """Kind, label and the (document, span) of every mention of a record (an as-seen record's own;
    a merged record's: all its members')."""
    m, s = t.mentions.c, t.statements.c
    own = conn.execute(select(m.kind, m.document_id, m.span_start, m.span_end)
                       .where(m.record_id == record_id)).all()
    merged = conn.execute(select(m.kind, m.document_id, m.span_start, m.span_end)
                          .where(m.canonical_id == record_id)).all()
    rows = own or merged
    if not rows:
        return None
    kind = rows[0].kind
    label_prop = rules()["label"].get(kind)
    labels = sorted({json.loads(v) for v in conn.execute(
        select(s.value).where(s.record_id == record_id, s.prop == label_prop)).scalars()}, key=str)
    return {"kind": kind, "label": labels[0] if labels else None,
            "mentions": sorted({(r.document_id, r.span_start, r.span_end) for r in own}, key=str),
            "cluster": sorted({(r.document_id, r.span_start, r.span_end) for r in merged}, key=str)}


def flag_anchor(conn: Connection, flag_id: str) -> dict | None:
    f = t.flags.c
    r = conn.execute(select(f.kind, f.message, f.source, f.document_id, f.span_start, f.span_end,
                            f.record_ids).where(f.id == flag_id)).first()
    if r is None:
        return None
    ids = json.loads(r.record_ids) if r.record_ids else []
    return {"kind": r.kind, "message": r.message, "source": r.source, "document_id": r.document_id,
            "span": [r.span_start, r.span_end] if r.span_start is not None else None,
            "record_ids": ids, "places": _places(conn, ids)}


def _places(conn: Connection, record_ids: list[str]) -> list[list]:
    """(document, start, end) of every mention of the records a flag names (as-seen or merged)."""
    if not record_ids:
        return []
    m = t.mentions.c
    rows = conn.execute(select(m.document_id, m.span_start, m.span_end)
                        .where(or_(m.record_id.in_(record_ids), m.canonical_id.in_(record_ids)))).all()
    return sorted({(r.document_id, r.span_start, r.span_end) for r in rows}, key=str)


def _places_meet(a: list, b: list) -> bool:
    return any(x[0] == y[0] and _overlap(x[1:], y[1:]) for x in a for y in b)


def _overlap(a: tuple | list | None, b: tuple | list | None) -> int:
    if not a or not b or a[0] is None or b[0] is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def find_record(conn: Connection, anchor: dict | None) -> str | None:
    """The as-seen record now at an anchor's place: same kind, a mention overlapping one of the
    anchor's spans in the same document (most overlap wins), else the same label in one of its
    documents. None when nothing fits (the record is gone)."""
    if not anchor or not anchor.get("kind"):
        return None
    from .names import fold

    places = [tuple(p) for p in (anchor.get("mentions") or anchor.get("cluster") or [])]
    # judgements written elsewhere (the web app, `Ledger.judge`) carry the ledger's snapshot only:
    # kind, label and documents, so they are found again by label in those documents
    docs = sorted({p[0] for p in places} or set(anchor.get("documents") or []))
    if not docs:
        return None
    m, s = t.mentions.c, t.statements.c
    cands = conn.execute(select(m.record_id, m.document_id, m.span_start, m.span_end)
                         .where(m.kind == anchor["kind"], m.document_id.in_(docs))).all()
    best: dict[str, int] = defaultdict(int)
    for c in cands:
        for p in places:
            if p[0] == c.document_id:
                best[c.record_id] = max(best[c.record_id], _overlap(p[1:], (c.span_start, c.span_end)))
    hits = [rid for rid, ov in best.items() if ov > 0]
    if hits:
        return min(hits, key=lambda rid: (-best[rid], rid))
    label = anchor.get("label")
    if label is None:
        return None
    label_prop = rules()["label"].get(anchor["kind"])
    rows = conn.execute(select(s.record_id, s.value).where(s.kind == anchor["kind"], s.prop == label_prop,
                                                           s.document_id.in_(docs))).all()
    same = sorted({r.record_id for r in rows if fold(str(json.loads(r.value))) == fold(str(label))})
    return same[0] if same else None


def find_flag(conn: Connection, anchor: dict | None, taken: set[str]) -> str | None:
    """The flag now at a dismissed flag's place: same kind and origin, and in the same document at
    an overlapping span, or (ledger flags) about the same records; the same message wins."""
    if not anchor or not anchor.get("kind"):
        return None
    f = t.flags.c
    q = select(f.id, f.message, f.source, f.document_id, f.span_start, f.span_end, f.record_ids) \
        .where(f.kind == anchor["kind"])
    if anchor.get("source"):
        q = q.where(f.source == anchor["source"])
    if anchor.get("document_id"):
        q = q.where(f.document_id == anchor["document_id"])
    from rapidfuzz import fuzz

    scored = []
    for r in conn.execute(q):
        if r.id in taken:
            continue
        score = 0.0
        if r.message == anchor.get("message"):
            score += 4
        if _overlap(anchor.get("span"), (r.span_start, r.span_end)):
            score += 2
        ids = json.loads(r.record_ids) if r.record_ids else []
        if set(ids) & set(anchor.get("record_ids") or []) or \
                _places_meet(_places(conn, ids), anchor.get("places") or []):
            score += 1
        if score:  # among flags at the same place, the most similarly worded one
            score += fuzz.ratio(r.message, anchor.get("message") or "") / 100
            scored.append((-score, r.id))
    return min(scored)[1] if scored else None


# --- writing decisions ------------------------------------------------------------------------

def _write(ledger, kind: str, target_id: str, *, target_type: str = "record", other_id: str | None = None,
           prop: str | None = None, value: Any = None, author: str | None = None, reason: str | None = None,
           rebuild: bool = True) -> int:
    """Write one judgement through the ledger's judgements module, then keep its anchors in
    `target_key` (beside the ledger's own snapshot) and rebuild."""
    from .judgements import add_judgement

    author = author or default_author()
    with ledger.engine.begin() as conn:
        if target_type == "flag":
            anchors = {"flag": flag_anchor(conn, target_id)}
        else:
            anchors = {"anchor": record_anchor(conn, target_id)}
            if other_id:
                anchors["other"] = record_anchor(conn, other_id)
        jid = add_judgement(conn, kind, target_id, target_type=target_type, other_id=other_id, prop=prop,
                            value=value, author=author, reason=reason)
        _add_member_anchors(conn, jid, anchors)
        c = t.judgements.c
        key = conn.execute(select(c.target_key).where(c.id == jid)).scalar()
        key = {**(json.loads(key) if key else {}), **anchors}
        conn.execute(update(t.judgements).where(c.id == jid)
                     .values(target_key=json.dumps(key, ensure_ascii=False)))
    if rebuild:
        ledger.rebuild()
    return jid


def _add_member_anchors(conn: Connection, jid: int, anchors: dict) -> None:
    """A split freezes its members; keep where each was read, to find them after re-extraction."""
    c = t.judgements.c
    value = conn.execute(select(c.value).where(c.id == jid)).scalar()
    value = json.loads(value) if value else None
    if isinstance(value, dict) and value.get("members"):
        anchors["members"] = {m: record_anchor(conn, m) for m in value["members"]}


def _record(ledger, any_id: str) -> tuple[str, str, str]:
    with ledger.connect() as conn:
        return resolve_record(conn, any_id)


def confirm(ledger, record_id: str, author: str | None = None, reason: str | None = None) -> int:
    """The record is right as it stands."""
    rid, _cid, _kind = _record(ledger, record_id)
    return _write(ledger, "confirm", rid, author=author, reason=reason)


def reject(ledger, record_id: str, author: str | None = None, reason: str | None = None) -> int:
    """The record is wrong (not a meeting, a misread amount…): hidden from queries and exports."""
    rid, _cid, _kind = _record(ledger, record_id)
    return _write(ledger, "reject", rid, author=author, reason=reason)


def parse_value(kind: str, prop: str, value: Any) -> Any:
    """A value typed on a command line → the field's type (JSON where it parses: 12e9, true,
    ["EU", "Kazakhstan"]; else the text), validated against the record type."""
    from pydantic import TypeAdapter, ValidationError

    model = RECORD_TYPES[kind]
    fields = {f: i for f, i in model.model_fields.items() if f not in ("span", "spans")}
    if prop not in fields:
        raise ReviewError(f"{kind} have no field {prop!r}; fields: {', '.join(fields)}")
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = value
        if isinstance(parsed, (dict,)) and fields[prop].annotation is str:
            parsed = value
    else:
        parsed = value
    adapter = TypeAdapter(fields[prop].annotation)
    for candidate in ([parsed, value] if parsed is not value else [parsed]):
        try:
            return adapter.dump_python(adapter.validate_python(candidate), mode="json")
        except ValidationError as exc:
            err = exc
    raise ReviewError(f"{value!r} is not a valid {prop} of {kind}: {err.errors()[0]['msg']}")


def correct(ledger, record_id: str, prop: str, value: Any, author: str | None = None,
            reason: str | None = None) -> int:
    """The record's `prop` is `value`, whatever the sources say (until another decision)."""
    rid, _cid, kind = _record(ledger, record_id)
    return _write(ledger, "correct", rid, prop=prop, value=parse_value(kind, prop, value), author=author,
                  reason=reason)


def merge(ledger, record_a: str, record_b: str, author: str | None = None, reason: str | None = None) -> int:
    """Two records are one real thing."""
    a, ca, ka = _record(ledger, record_a)
    b, cb, kb = _record(ledger, record_b)
    if ka != kb:
        raise ReviewError(f"cannot merge a record of {ka} with one of {kb}")
    if a == b:
        raise ReviewError("cannot merge a record with itself")
    return _write(ledger, "merge", a, other_id=b, author=author, reason=reason)


def split(ledger, record_id: str, other_id: str | None = None, author: str | None = None,
          reason: str | None = None) -> int:
    """A merged record is not one thing: given its merged id every member stands alone; given one
    member's as-seen id that member leaves; with `other_id`, those two are never merged."""
    rid, _cid, _kind = _record(ledger, record_id)
    other = _record(ledger, other_id)[0] if other_id else None
    return _write(ledger, "split", rid, other_id=other, author=author, reason=reason)


def dismiss(ledger, flag_id: str, author: str | None = None, reason: str | None = None) -> int:
    """A flag a reviewer has looked at and answered: hidden from flag lists unless asked for."""
    with ledger.connect() as conn:
        fid = resolve_flag(conn, flag_id)
    return _write(ledger, "dismiss", fid, target_type="flag", author=author, reason=reason)


# --- keeping judgements pointed at their records across re-extraction ---------------------------

def _present(conn: Connection, ids: Iterable[str]) -> set[str]:
    """Which of `ids` are as-seen records now (asked by id: judgements are few, records many)."""
    ids = sorted({i for i in ids if i})
    out: set[str] = set()
    for part in chunks(ids):
        out |= set(conn.execute(select(t.statements.c.record_id).where(t.statements.c.record_id.in_(part))
                                .distinct()).scalars())
    return out


def reanchor_records(conn: Connection) -> int:
    """Re-point record judgements whose records changed identity (see the module docstring)."""
    c = t.judgements.c
    rows = conn.execute(select(t.judgements).where(c.retired_at.is_(None), c.target_type == "record")
                        .order_by(c.id)).all()
    if not rows:
        return 0
    named: set[str] = set()
    for r in rows:
        named |= {r.target_id, r.other_id}
        value = json.loads(r.value) if r.value else None
        if isinstance(value, dict):
            named |= set(value.get("members") or [])
    present = _present(conn, named)
    moved = 0
    for r in rows:
        key = (json.loads(r.target_key) if r.target_key else None) or {}  # "null": no anchor taken
        value = json.loads(r.value) if r.value else None
        ends = {"target": r.target_id, "other": r.other_id}
        new = dict(ends)
        ok = True
        for end, anchor_key in (("target", "anchor"), ("other", "other")):
            rid = ends[end]
            if rid is None or rid in present:
                continue
            found = find_record(conn, key.get(anchor_key) or (key if end == "target" else None))
            if found is None:
                ok = False
                break
            new[end] = found
        new_value = value
        if ok and isinstance(value, dict) and value.get("members"):
            anchors = key.get("members") or {}
            mapping = {}
            for mid in value["members"]:
                if mid in present:
                    continue
                found = find_record(conn, anchors.get(mid))
                if found:
                    mapping[mid] = found
            if mapping:
                new_value = {**value, "members": sorted({mapping.get(m, m) for m in value["members"]})}
                if value.get("detach"):
                    new_value["detach"] = mapping.get(value["detach"], value["detach"])
        if not ok or (new == ends and new_value == value):
            continue
        if new["target"] == new["other"]:
            continue
        new_key = dict(key)
        new_key["anchor"] = record_anchor(conn, new["target"]) or key.get("anchor")
        if new["other"]:
            new_key["other"] = record_anchor(conn, new["other"]) or key.get("other")
        if isinstance(new_value, dict) and new_value.get("members"):
            old = key.get("members") or {}
            new_key["members"] = {m: (record_anchor(conn, m) or old.get(m)) for m in new_value["members"]}
        _replace(conn, r, target_id=new["target"], other_id=new["other"],
                 value=None if new_value is None else json.dumps(new_value, ensure_ascii=False),
                 target_key=json.dumps(new_key, ensure_ascii=False))
        moved += 1
    return moved


def reanchor_flags(conn: Connection) -> int:
    """Re-point dismissals whose flag was reworded or moved by a newer extractor."""
    c, f = t.judgements.c, t.flags.c
    rows = conn.execute(select(t.judgements).where(c.retired_at.is_(None), c.target_type == "flag",
                                                   c.kind == "dismiss").order_by(c.id)).all()
    if not rows:
        return 0
    targets = sorted({r.target_id for r in rows})
    present = set()
    for part in chunks(targets):
        present |= set(conn.execute(select(f.id).where(f.id.in_(part))).scalars())
    taken = {r.target_id for r in rows if r.target_id in present}
    moved = 0
    for r in rows:
        if r.target_id in present:
            continue
        key = json.loads(r.target_key) if r.target_key else {}
        found = find_flag(conn, key.get("flag") or key, taken)
        if found is None:
            continue
        taken.add(found)
        new_key = {**key, "flag": flag_anchor(conn, found)}
        _replace(conn, r, target_id=found, other_id=None, value=r.value,
                 target_key=json.dumps(new_key, ensure_ascii=False))
        moved += 1
    return moved


def _replace(conn: Connection, old, **changes) -> int:
    """Insert the re-pointed judgement (same decision, author, reason and time) and retire the old
    row in its favour."""
    row = {k: getattr(old, k) for k in ("kind", "target_type", "target_id", "other_id", "prop", "value",
                                        "target_key", "author", "reason", "created_at")}
    row.update(changes)
    jid = conn.execute(insert(t.judgements).values(**row)).inserted_primary_key[0]
    conn.execute(update(t.judgements).where(t.judgements.c.id == old.id)
                 .values(retired_at=datetime.now(UTC), retired_by=jid))
    return int(jid)


def after_rebuild(conn: Connection, touched: set[str] | None = None, merged: dict | None = None) -> dict:
    """What `Ledger.rebuild` runs after merging, in its transaction: re-point judgements whose
    records changed identity (merging again if any did), add the cross-ledger check flags, then
    re-point dismissals of reworded flags and store certainties.

    `touched` (documents just added, as `merge.rebuild` takes them) and `merged` (its stats): the
    checks run again only on the groups of the records the merge rewrote, and certainty is
    refreshed only for those records and the ones whose flags changed (`rewritten_records`).
    Without them, or when the merge did more than those documents explain, everything is done."""
    from ..checks.ledger import run_checks
    from .merge import rebuild

    stats: dict[str, Any] = {}
    moved = reanchor_records(conn)
    if moved:
        stats.update(rebuild(conn))
        touched = None
    changed = rewritten_records(conn, touched, merged) if touched is not None else None
    checked = run_checks(conn, None if changed is None else changed[1])
    stats["check_flags"] = checked.flags
    stats["reanchored"] = moved + reanchor_flags(conn)
    refresh = None
    if changed is not None and checked.named is not None:
        refresh = changed[0] | _canonical_of(conn, checked.named)
    stats["certainty"] = store_certainty(conn, refresh)
    return stats


def rewritten_records(conn: Connection, touched: set[str],
                      merged: dict | None) -> tuple[set[str], dict[str, set[str]]] | None:
    """(merged ids, kind → their as-seen ids of the kinds the checks read, and "merged:figures" →
    the merged figures) of the records an incremental merge rewrote, or None when that cannot be
    told. A rebuild rewrites every merged
    record holding a record of a touched document; it may rewrite others (one that lost a member,
    a full rebuild it fell back to), and then its count of rewritten records (`merged["rewritten"]`)
    is larger than these."""
    if not merged or "rewritten" not in merged:
        return None
    from ..checks.ledger import READS

    s = t.statements.c
    docs = sorted(touched)
    kind_of: dict[str, str] = {}
    for part in chunks(docs):
        kind_of.update(conn.execute(select(s.canonical_id, s.kind).where(s.document_id.in_(part))
                                    .distinct()).all())
    canonical = set(kind_of)
    if len(_existing(conn, canonical)) != merged["rewritten"]:
        return None
    new: dict[str, tuple[str, str]] = {}  # the touched documents' records → (merged id, kind)
    for part in chunks(docs):
        for rid, cid, kind in conn.execute(select(s.record_id, s.canonical_id, s.kind)
                                           .where(s.document_id.in_(part)).distinct()):
            new[rid] = (cid, kind)
    members: dict[str, set[str]] = defaultdict(set)
    members["merged:figures"] = {c for c, k in kind_of.items() if k == "figures"}
    members["touched:people"] = {rid for rid, (_, kind) in new.items() if kind == "people"}
    # "stable": no record but the new ones changed merged record (each starts as its own, so the
    # merge's count of records it re-pointed is then the new ones that joined another)
    if merged.get("remapped") == sum(1 for rid, (cid, _) in new.items() if rid != cid):
        members["stable"] = set()
    ids = sorted(c for c, k in kind_of.items() if k in READS)
    for part in chunks(ids):
        for rid, kind in conn.execute(select(s.record_id, s.kind).where(s.canonical_id.in_(part))
                                      .distinct()):
            members[kind].add(rid)
    return canonical, dict(members)


def _canonical_of(conn: Connection, ids: Iterable[str]) -> set[str]:
    """The merged records these ids name now (as-seen ids mapped, merged ids kept)."""
    m = t.mentions.c
    ids = sorted(set(ids))
    out: set[str] = set()
    for part in chunks(ids):
        canon = dict(conn.execute(select(m.record_id, m.canonical_id).where(m.record_id.in_(part))
                                  .distinct()).all())
        out |= {canon.get(i, i) for i in part}
    return _existing(conn, out)


# --- the queue ----------------------------------------------------------------------------------

def _status_of(rec, live: dict[str, set[str]]) -> str:
    """Live judgements count at once, before the next rebuild applies them to the record."""
    if rec.status == "rejected" or rec.id in live["reject"]:
        return "rejected"
    if rec.id in live["correct"]:
        return "corrected"
    return "confirmed" if rec.confirmed or rec.id in live["confirm"] else "unreviewed"


#: What lowers a record's certainty: each open flag kind about it halves it, one source takes a tenth.
FLAG_FACTOR = 0.5
ONE_SOURCE_FACTOR = 0.9


def certainty_of(weakest: tuple[float, str] | None, flag_kinds: Iterable[str],
                 n_documents: int) -> tuple[float, list[str]]:
    """A record's review certainty in [0, 1] and the reasons for it: it starts at the weakest
    automatic merge score of the record; each open flag kind about it halves it, and a record read
    in one document only loses a tenth. Rounded as stored and shown."""
    certainty, reasons = 1.0, []
    if weakest is not None and weakest[0] < 1.0:
        certainty = weakest[0]
        reasons.append(f"merged by {weakest[1]} ({weakest[0]:.2f})")
    for k in flag_kinds:
        certainty *= FLAG_FACTOR
        reasons.append(f"flag: {k}")
    if n_documents <= 1:
        certainty *= ONE_SOURCE_FACTOR
        reasons.append("one source")
    return round(certainty, 3), reasons


def open_flag_kinds(conn: Connection, records: set[str] | None = None) -> dict[str, list[str]]:
    """Canonical record id → the kinds of the open (not dismissed) flags about it, sorted: flags
    that name records (as-seen or merged ids), and document flags that name none, by the records
    read where they point (overlapping spans). SQL does the span join; only flagged records are
    held, not the ledger.

    `records`: of these merged records only. Flags that name records are the ledger's (checks and
    merge), and each names the current merged ids of the records it is about (the rebuild rewrites
    any whose merged record changed), so these need no mapping of as-seen ids: scanning the ledger's
    flags and a global span join filtered to `records` cost less than reading every mention of
    large merged records."""
    f, j, m = t.flags.c, t.judgements.c, t.mentions.c
    dismissed = select(j.target_id).where(j.kind == "dismiss", j.target_type == "flag",
                                          j.retired_at.is_(None))
    out: dict[str, set[str]] = defaultdict(set)
    named: dict[str, set[str]] = defaultdict(set)  # record id a flag names → flag kinds
    q = select(f.kind, f.record_ids).where(f.record_ids.is_not(None), f.record_ids != "[]",
                                           f.id.not_in(dismissed))
    for kind, raw in conn.execute(q if records is None else q.where(f.source == "ledger")):
        for rid in json.loads(raw) or []:
            if records is None:
                named[rid].add(kind)
            elif rid in records:
                out[rid].add(kind)
    ids = sorted(named)
    for part in chunks(ids):
        canon = dict(conn.execute(select(m.record_id, m.canonical_id).where(m.record_id.in_(part))
                                  .distinct()).all())
        for rid in part:
            out[canon.get(rid, rid)] |= named[rid]
    fm = t.mentions.alias("fm")
    at = (select(f.kind, fm.c.canonical_id).distinct()
          .join(fm, (fm.c.document_id == f.document_id) & (fm.c.span_start < f.span_end)
                & (f.span_start < fm.c.span_end))
          .where(or_(f.record_ids.is_(None), f.record_ids == "[]"), f.span_start.is_not(None),
                 f.id.not_in(dismissed)))
    for kind, cid in conn.execute(at):
        if records is None or cid in records:
            out[cid].add(kind)
    return {cid: sorted(kinds) for cid, kinds in out.items()}


def store_certainty(conn: Connection, records: set[str] | None = None) -> int:
    """Store each record's review certainty with open flags applied (the rebuild stores it without
    them): records flagged now or at the last rebuild, and any not computed yet (NULL). Runs in
    `after_rebuild`, once the ledger checks have written their flags. `records`: only these
    merged records (and any NULL) changed flags or were rewritten; the others' are current.
    Returns the rows updated."""
    r, mg = t.records.c, t.merges.c
    if records is not None:
        fresh = _existing(conn, records) | set(conn.execute(select(r.id).where(r.certainty.is_(None)))
                                                .scalars())
        flagged = open_flag_kinds(conn, fresh)
        ids = sorted(fresh)
    else:
        flagged = open_flag_kinds(conn)
        before = set(conn.execute(select(r.id).where(or_(r.open_flags > 0, r.certainty.is_(None))))
                     .scalars())
        ids = sorted(before | (set(flagged) & _existing(conn, flagged)))
    store = update(t.records).where(r.id == bindparam("i")).values(
        certainty=bindparam("c"), reasons=bindparam("r"), open_flags=bindparam("f"))
    done = 0
    for part in chunks(ids):  # each chunk's rows written before the next is read: memory holds one
        weakest: dict[str, tuple[float, str]] = {}
        for cid, score, rule in conn.execute(select(mg.canonical_id, mg.score, mg.rule)
                                             .where(mg.decided_by == "auto", mg.canonical_id.in_(part))):
            if cid not in weakest or (score, rule) < weakest[cid]:
                weakest[cid] = (score, rule)
        rows = []
        for rid, n_documents in conn.execute(select(r.id, r.n_documents).where(r.id.in_(part))).all():
            kinds = flagged.get(rid, [])
            certainty, reasons = certainty_of(weakest.get(rid), kinds, n_documents)
            rows.append({"i": rid, "c": certainty, "r": dumps(reasons),
                         "f": len(kinds)})
        if rows:
            conn.execute(store, rows)
            done += len(rows)
    return done


def _existing(conn: Connection, ids) -> set[str]:
    ids = sorted(ids)
    out: set[str] = set()
    for part in chunks(ids):
        out |= set(conn.execute(select(t.records.c.id).where(t.records.c.id.in_(part))).scalars())
    return out


def _live(conn: Connection) -> dict[str, list[str]]:
    """Merged ids with a live confirm / correct / reject judgement: they count at once, before the
    next rebuild applies them to the record. Judgements are few; only their targets are mapped."""
    jc, m = t.judgements.c, t.mentions.c
    live: dict[str, set[str]] = {"confirm": set(), "correct": set(), "reject": set()}
    rows = conn.execute(select(jc.kind, jc.target_id).where(
        jc.kind.in_(tuple(live)), jc.retired_at.is_(None), jc.target_type == "record")).all()
    targets = sorted({x.target_id for x in rows})
    canon: dict[str, str] = {}
    for part in chunks(targets):
        canon.update(conn.execute(select(m.record_id, m.canonical_id)
                                  .where(m.record_id.in_(part)).distinct()).all())
    for jk, target in rows:
        live[jk].add(canon.get(target, target))
    return {k: sorted(v) for k, v in live.items()}


def queue(ledger, kind: str | None = None, status: str | Iterable[str] | None = None,
          limit: int | None = 50, offset: int = 0) -> dict:
    """Records to review, least certain first, each with its status (unreviewed, confirmed,
    corrected, rejected), a certainty in [0, 1] with the reasons for it (`certainty_of`, stored by
    the rebuild), and the sentence it was first read from; `status` keeps one status or any of
    several (e.g. `JUDGED`). This is the queue the CLI (`review list`), the API (`/api/review`) and
    the review page all show: one indexed query per page."""
    from sqlalchemy import case, func

    if kind and kind not in RECORD_TYPES:
        known = ", ".join(k for k in RECORD_TYPES if k != "flags")
        raise ReviewError(f"unknown kind {kind!r}; kinds: {known}")
    wanted = {status} if isinstance(status, str) else set(status or ())
    if wanted - set(STATUSES):
        raise ReviewError(f"unknown status {status!r}; statuses: {', '.join(STATUSES)}")
    r, m, d = t.records.c, t.mentions.c, t.documents.c
    with ledger.connect() as conn:
        live = _live(conn)
        st = case((or_(r.status == "rejected", r.id.in_(live["reject"])), "rejected"),
                  (r.id.in_(live["correct"]), "corrected"),
                  (or_(r.confirmed.is_(True), r.id.in_(live["confirm"])), "confirmed"),
                  else_="unreviewed").label("review_status")
        where = []
        if kind:
            where.append(r.kind == kind)
        if wanted:
            where.append(st.in_(sorted(wanted)))
        total = conn.execute(select(func.count()).select_from(t.records).where(*where)).scalar_one()
        q = (select(r.id, r.kind, r.label, st, r.certainty, r.reasons, r.n_sources, r.n_documents)
             .where(*where).order_by(r.certainty, r.n_documents, r.kind, r.id).offset(offset))
        if limit is not None:
            q = q.limit(limit)
        page = [{"id": x.id, "kind": x.kind, "label": x.label, "status": x.review_status,
                 "certainty": x.certainty, "reasons": json.loads(x.reasons) if x.reasons else [],
                 "n_sources": x.n_sources, "n_documents": x.n_documents, "source": None, "sentence": None}
                for x in conn.execute(q)]
        # the first sentence of the page's records only
        first_sentence: dict[str, tuple] = {}
        ids = [i["id"] for i in page]
        for part in chunks(ids):
            for x in conn.execute(select(m.canonical_id, m.sentence, d.source, d.published, m.span_start)
                                  .join(t.documents, d.id == m.document_id)
                                  .where(m.canonical_id.in_(part))
                                  .order_by(m.canonical_id, d.published, m.span_start)):
                first_sentence.setdefault(x.canonical_id, (x.sentence, x.source))
    for i in page:
        i["sentence"], i["source"] = first_sentence.get(i["id"], (None, None))
    return {"total": total, "limit": limit, "offset": offset, "items": page}


def _records_at_flags(ledger, flags: list[dict]) -> dict[str, list[str]]:
    """A document flag names no record: the records read where it points (overlapping spans)."""
    if not flags:
        return {}
    m = t.mentions.c
    docs = sorted({f["document_id"] for f in flags if f["document_id"]})
    with ledger.connect() as conn:
        ments = conn.execute(select(m.canonical_id, m.document_id, m.span_start, m.span_end)
                             .where(m.document_id.in_(docs))).all()
    by_doc: dict[str, list] = defaultdict(list)
    for x in ments:
        by_doc[x.document_id].append(x)
    return {f["id"]: sorted({x.canonical_id for x in by_doc.get(f["document_id"], [])
                             if _overlap((f["span_start"], f["span_end"]), (x.span_start, x.span_end))})
            for f in flags}


def history(ledger, target_id: str | None = None) -> list[dict]:
    """Every judgement (active and retired), oldest first; only those about `target_id` if given."""
    c = t.judgements.c
    q = select(t.judgements).order_by(c.id)
    if target_id:
        q = q.where(or_(c.target_id == target_id, c.other_id == target_id))
    with ledger.connect() as conn:
        rows = conn.execute(q).all()
    out = []
    for r in rows:
        d = dict(r._mapping)
        for k in ("created_at", "retired_at"):
            d[k] = d[k].isoformat() if d[k] is not None and hasattr(d[k], "isoformat") else d[k]
        d["value"] = json.loads(d["value"]) if d["value"] else None
        d.pop("target_key", None)
        out.append(d)
    return out


__all__ = ["queue", "confirm", "correct", "reject", "merge", "split", "dismiss", "history", "after_rebuild",
           "default_author", "ReviewError", "STATUSES"]
