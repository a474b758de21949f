"""Human decisions, stored apart from statements and applied when records are rebuilt.

A judgement is never updated in place: a new decision on the same target retires the active one
(`retired_at`, `retired_by`), so the table is the full history of who decided what, when and why.
Targets are record ids as seen in a document (stable across re-extraction of the same text) or
canonical ids (the smallest member id, hence also an as-seen id); `target_key` keeps a snapshot
(kind, label, documents) to find the record again if a newer extractor changes its identity.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.engine import Connection

from . import schema as t

TARGET_TYPES = ("record", "statement", "flag")
#: Pairs of kinds that contradict each other on the same target: a new one retires the other.
OPPOSITES = {"merge": "split", "split": "merge", "confirm": "reject", "reject": "confirm"}


@dataclass(frozen=True)
class Judgement:
    id: int
    kind: str
    target_type: str
    target_id: str
    other_id: str | None
    prop: str | None
    value: Any
    target_key: dict | None
    author: str
    reason: str | None
    created_at: Any


def _snapshot(conn: Connection, target_type: str, target_id: str) -> dict | None:
    if target_type == "record":
        c = t.statements.c
        rows = conn.execute(select(c.kind, c.prop, c.value, c.document_id)
                            .where(or_(c.record_id == target_id, c.canonical_id == target_id))).all()
        if not rows:
            return None
        from .statements import rules

        kind = rows[0].kind
        label_prop = rules()["label"].get(kind)
        labels = sorted({json.loads(r.value) for r in rows if r.prop == label_prop and r.kind == kind},
                        key=str)
        return {"kind": kind, "label": labels[0] if labels else None,
                "documents": sorted({r.document_id for r in rows})}
    if target_type == "statement":
        c = t.statements.c
        r = conn.execute(select(c.kind, c.record_id, c.prop, c.value, c.document_id)
                         .where(c.id == target_id)).first()
        return dict(r._mapping) if r else None
    if target_type == "flag":
        c = t.flags.c
        r = conn.execute(select(c.kind, c.message, c.document_id).where(c.id == target_id)).first()
        return dict(r._mapping) if r else None
    return None


def _split_members(conn: Connection, target_id: str) -> dict:
    """What a split of `target_id` separates, frozen at decision time: given a canonical id, every
    member of its cluster stands alone; given one member's as-seen id, that member leaves."""
    c = t.statements.c
    canonical = conn.execute(select(c.canonical_id).where(c.record_id == target_id).limit(1)).scalar()
    if canonical is None:
        canonical = target_id
    members = sorted(conn.execute(select(c.record_id).where(c.canonical_id == canonical).distinct())
                     .scalars())
    return {"members": members, "detach": None if target_id == canonical else target_id}


def add_judgement(conn: Connection, kind: str, target_id: str, *, target_type: str = "record",
                  other_id: str | None = None, prop: str | None = None, value: Any = None,
                  author: str = "anonymous", reason: str | None = None) -> int:
    from .schema import JUDGEMENT_KINDS

    if kind not in JUDGEMENT_KINDS:
        raise ValueError(f"judgement kind must be one of {', '.join(JUDGEMENT_KINDS)}, not {kind!r}")
    if target_type not in TARGET_TYPES:
        raise ValueError(f"target type must be one of {', '.join(TARGET_TYPES)}, not {target_type!r}")
    if kind == "merge" and not other_id:
        raise ValueError("a merge judgement needs two records")
    if kind == "correct" and not prop:
        raise ValueError("a correct judgement needs the property to correct")
    if kind == "split" and not other_id and value is None and target_type == "record":
        value = _split_members(conn, target_id)
    ts = datetime.now(UTC)
    jid = conn.execute(insert(t.judgements).values(
        kind=kind, target_type=target_type, target_id=target_id, other_id=other_id, prop=prop,
        value=None if value is None else json.dumps(value, ensure_ascii=False),
        target_key=json.dumps(_snapshot(conn, target_type, target_id), ensure_ascii=False),
        author=author, reason=reason, created_at=ts)).inserted_primary_key[0]
    c = t.judgements.c
    same_target = c.target_id == target_id
    if other_id:  # a decision about a pair covers both orders of the pair
        same_target = or_(and_(c.target_id == target_id, c.other_id == other_id),
                          and_(c.target_id == other_id, c.other_id == target_id))
    kinds = [kind] + ([OPPOSITES[kind]] if kind in OPPOSITES else [])
    cond = and_(c.retired_at.is_(None), c.id != jid, c.target_type == target_type, c.kind.in_(kinds),
                same_target)
    if kind == "correct":
        cond = and_(cond, c.prop == prop)
    elif not other_id:
        cond = and_(cond, c.other_id.is_(None))
    conn.execute(update(t.judgements).where(cond).values(retired_at=ts, retired_by=jid))
    return int(jid)


def retire(conn: Connection, judgement_id: int, ts: datetime) -> None:
    c = t.judgements.c
    conn.execute(update(t.judgements).where(c.id == judgement_id, c.retired_at.is_(None))
                 .values(retired_at=ts))


def active(conn: Connection) -> list[Judgement]:
    c = t.judgements.c
    rows = conn.execute(select(t.judgements).where(c.retired_at.is_(None)).order_by(c.id)).all()
    return [Judgement(id=r.id, kind=r.kind, target_type=r.target_type, target_id=r.target_id,
                      other_id=r.other_id, prop=r.prop,
                      value=None if r.value is None else json.loads(r.value),
                      target_key=json.loads(r.target_key) if r.target_key else None, author=r.author,
                      reason=r.reason, created_at=r.created_at) for r in rows]
