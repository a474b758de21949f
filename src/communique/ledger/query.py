"""Queries over the ledger: the public functions the CLI, the REST API and the dashboard call.

Every list query returns a plain dict `{"total", "limit", "offset", "items": [...]}` where
each item is a plain dict (JSON-ready): the merged record's fields (those of
`models.RECORD_TYPES`) plus `id`, `label`, `n_sources`, `n_documents`, `first_published`,
`last_published`, `confirmed`, `record_status` (active | rejected). Filters compare names the way
merging does (case, accents, word order and party spellings do not matter); dates are ISO strings
compared at their common precision. Rejected records (a `reject` judgement) are left out unless
`include_rejected=True`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import func, or_, select

from . import schema as t
from .lifecycle import series_report
from .names import acronym_key, fold, initials, looks_like_acronym, name_parts, party_code, person_parts
from .store import Ledger

Page = dict[str, Any]
RECORD_COLUMNS = ("id", "label", "n_sources", "n_documents", "first_published", "last_published",
                  "confirmed")


def _page(items: list[dict], limit: int | None, offset: int, **extra) -> Page:
    total = len(items)
    sliced = items[offset:offset + limit] if limit is not None else items[offset:]
    return {"total": total, "limit": limit, "offset": offset, "items": sliced, **extra}


def _records(ledger: Ledger, kind: str, include_rejected: bool = False) -> list[dict]:
    c = t.records.c
    q = select(t.records).where(c.kind == kind).order_by(c.id)
    if not include_rejected:
        q = q.where(c.status == "active")
    with ledger.connect() as conn:
        rows = conn.execute(q).all()
    out = []
    for r in rows:
        item = json.loads(r.data)
        for col in RECORD_COLUMNS:
            item[col] = getattr(r, col)
        item["confirmed"] = bool(item["confirmed"])
        item["record_status"] = r.status  # active | rejected (`status` is an agreement's stage)
        out.append(item)
    return out


def _before_or_same(a: str | None, b: str) -> bool:
    if not a:
        return False
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


def _in_range(value: str | None, since: str | None, until: str | None) -> bool:
    if since and (not value or not _before_or_same(since, value)):
        return False
    return not (until and not _before_or_same(value, until))


def _name_matches(query: str | None, name: str | None) -> bool:
    """Every word (and party) of the query appears in the name, or it is a plain substring."""
    if not query:
        return True
    if not name:
        return False
    if fold(query) in fold(name):
        return True
    if looks_like_acronym(query) and acronym_key(query) == initials(name):
        return True
    qp, qk = name_parts(query)
    np_, nk = name_parts(name)
    return (qk or qp) and set(qk) <= set(nk) and set(qp) <= set(np_)


def _parties(item: dict, *name_fields: str) -> set[str]:
    codes = {party_code(p) or fold(p) for p in item.get("parties") or []}
    for f in name_fields:
        codes |= set(name_parts(item.get(f))[0])
    return codes


def _party_matches(query: str | None, item: dict, *name_fields: str) -> bool:
    if not query:
        return True
    code = party_code(query) or fold(query)
    return code in _parties(item, *name_fields)


def _text_matches(query: str | None, item: dict) -> bool:
    return not query or fold(query) in fold(json.dumps(item, ensure_ascii=False))


def _sort(items: list[dict], key: Callable[[dict], Any], reverse: bool = False) -> list[dict]:
    return sorted(items, key=key, reverse=reverse)


def _date_desc(field: str) -> Callable[[dict], Any]:
    return lambda r: (r.get(field) or r.get("last_published") or "", r["id"])


def meetings(ledger: Ledger, body: str | None = None, party: str | None = None, since: str | None = None,
             until: str | None = None, text: str | None = None, limit: int | None = 50, offset: int = 0,
             include_rejected: bool = False) -> Page:
    """Meetings, newest first."""
    items = [m for m in _records(ledger, "meetings", include_rejected)
             if (_name_matches(body, m.get("body")) or (body and fold(body) == fold(m.get("acronym") or "")))
             and _party_matches(party, m, "body")
             and (not (since or until) or _in_range(m.get("date"), since, until))
             and _text_matches(text, m)]
    return _page(_sort(items, _date_desc("date"), reverse=True), limit, offset)


def agreements(ledger: Ledger, stage: str | None = None, party: str | None = None, text: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = 50, offset: int = 0,
               include_rejected: bool = False) -> Page:
    """Agreements with their current stage (`status`), most recently seen first; `since`/`until`
    bound the date of the last source."""
    items = [a for a in _records(ledger, "agreements", include_rejected)
             if (not stage or (a.get("status") or "") == stage.replace("_", " "))
             and _party_matches(party, a, "name")
             and (not (since or until) or _in_range(a.get("last_published"), since, until))
             and _text_matches(text, a)]
    by_stage: dict[str, int] = defaultdict(int)
    for a in items:
        by_stage[a.get("status") or "unknown"] += 1
    return _page(_sort(items, lambda r: (r.get("last_published") or "", r["id"]), reverse=True), limit,
                 offset, by_stage=dict(by_stage))


def pledges(ledger: Ledger, by: str | None = None, program: str | None = None, currency: str | None = None,
            since: str | None = None, until: str | None = None, text: str | None = None,
            hedged: bool | None = None, limit: int | None = 50, offset: int = 0,
            include_rejected: bool = False) -> Page:
    """Pledges, newest first, with `totals` over every match (not only the page): EUR and USD sums
    of the converted amounts and the sum per stated currency. A pledge reported by several sources
    is one record, so it counts once."""
    items = [p for p in _records(ledger, "pledges", include_rejected)
             if _name_matches(by, p.get("by"))
             and _name_matches(program, p.get("program"))
             and (not currency or (p.get("currency") or "").upper() == currency.upper())
             and (hedged is None or bool(p.get("hedged")) == hedged)
             and (not (since or until) or _in_range(p.get("date") or p.get("first_published"), since, until))
             and _text_matches(text, p)]
    totals: dict[str, Any] = {"EUR": 0.0, "USD": 0.0, "unconverted": 0, "by_currency": defaultdict(float)}
    for p in items:
        totals["by_currency"][p.get("currency") or "?"] += p.get("amount") or 0.0
        if p.get("amount_eur") is not None:
            totals["EUR"] += p["amount_eur"]
        if p.get("amount_usd") is not None:
            totals["USD"] += p["amount_usd"]
        if p.get("amount_eur") is None or p.get("amount_usd") is None:
            totals["unconverted"] += 1
    totals["by_currency"] = dict(totals["by_currency"])
    items = _sort(items, lambda r: (r.get("date") or r.get("first_published") or "", r["id"]), reverse=True)
    return _page(items, limit, offset, totals=totals)


def figures(ledger: Ledger, metric: str | None = None, period: str | None = None, unit: str | None = None,
            subject: str | None = None, text: str | None = None, limit: int | None = 50, offset: int = 0,
            include_rejected: bool = False) -> Page:
    """Figures by metric then period (latest first)."""
    items = [f for f in _records(ledger, "figures", include_rejected)
             if _name_matches(metric, f.get("metric"))
             and (not period or (f.get("period") or "").startswith(period))
             and (not unit or (f.get("unit") or "").lower() == unit.lower())
             and _name_matches(subject, f.get("subject"))
             and _text_matches(text, f)]
    items = sorted(items, key=lambda r: (fold(r.get("metric") or ""), _neg(r.get("period") or ""), r["id"]))
    return _page(items, limit, offset)


def _neg(s: str) -> tuple:
    return tuple(-ord(c) for c in s)


def people(ledger: Ledger, name: str | None = None, role: str | None = None, affiliation: str | None = None,
           text: str | None = None, limit: int | None = 50, offset: int = 0,
           include_rejected: bool = False) -> Page:
    """People, with `roles`: each role seen, with the dates of the first and last source."""
    def name_ok(p: dict) -> bool:
        if not name:
            return True
        if fold(name) in fold(p.get("name") or ""):
            return True
        (gq, sq), (gp, sp) = person_parts(name), person_parts(p.get("name"))
        return bool(sq) and sq == sp and (not gq or gq == gp[:len(gq)])

    items = [p for p in _records(ledger, "people", include_rejected)
             if name_ok(p) and (not role or fold(role) in fold(p.get("role") or ""))
             and (not affiliation or fold(affiliation) in fold(p.get("affiliation") or ""))
             and _text_matches(text, p)]
    items = sorted(items, key=lambda p: (-p["n_documents"], fold(p.get("name") or ""), p["id"]))
    page = _page(items, limit, offset)
    held = roles_many(ledger, [p["id"] for p in page["items"]])
    for p in page["items"]:
        p["roles"] = held.get(p["id"], [])
    return page


def roles(ledger: Ledger, person_id: str) -> list[dict]:
    """Roles a person held as the sources say: role, affiliation, from, to (source dates), and the
    meetings where the person led a delegation."""
    return roles_many(ledger, [person_id]).get(person_id, [])


def roles_many(ledger: Ledger, person_ids: list[str]) -> dict[str, list[dict]]:
    """`roles` for several people at once (one pass over the meetings' heads)."""
    if not person_ids:
        return {}
    s, d, r = t.statements.c, t.documents.c, t.records.c
    with ledger.connect() as conn:
        rows = conn.execute(select(s.canonical_id, s.record_id, s.prop, s.value, d.published, d.source)
                            .join(t.documents, d.id == s.document_id)
                            .where(s.canonical_id.in_(person_ids), s.prop.in_(["role", "affiliation"]))
                            ).all()
        names = {pid: json.loads(data).get("name") for pid, data in
                 conn.execute(select(r.id, r.data).where(r.id.in_(person_ids))).all()}
        heads = conn.execute(select(s.canonical_id, s.value, d.published, d.source)
                             .join(t.documents, d.id == s.document_id)
                             .where(s.kind == "meetings", s.prop == "heads")).all()
        meeting_ids = sorted({h.canonical_id for h in heads})
        dates = {mid: json.loads(data).get("date") for mid, data in
                 conn.execute(select(r.id, r.data).where(r.id.in_(meeting_ids))).all()} if meeting_ids else {}
    per_record: dict[tuple, dict] = defaultdict(dict)
    for row in rows:
        rec = per_record[(row.canonical_id, row.record_id)]
        rec[row.prop] = json.loads(row.value)
        rec["_when"], rec["_source"] = row.published, row.source
    seen: dict[str, dict[str, dict]] = {pid: {} for pid in person_ids}

    def add(pid: str, role: str | None, affiliation: str | None, when: str | None, source: str | None,
            meeting: str | None = None) -> None:
        if not role:
            return
        entry = seen[pid].setdefault(fold(role), {"role": role, "affiliation": affiliation, "from": when,
                                                  "to": when, "sources": [], "meetings": []})
        entry["affiliation"] = entry["affiliation"] or affiliation
        if when and (not entry["from"] or when < entry["from"]):
            entry["from"] = when
        if when and (not entry["to"] or when > entry["to"]):
            entry["to"] = when
        if source and source not in entry["sources"]:
            entry["sources"].append(source)
        if meeting and meeting not in entry["meetings"]:
            entry["meetings"].append(meeting)

    for (pid, _), rec in sorted(per_record.items(), key=lambda kv: (kv[1].get("_when") or "", kv[0])):
        add(pid, rec.get("role"), rec.get("affiliation"), rec.get("_when"), rec.get("_source"))
    by_surname: dict[str, list[tuple[str, tuple]]] = defaultdict(list)
    for pid, name in names.items():
        given, surname = person_parts(name)
        if surname:
            by_surname[surname].append((pid, given))
    for h in heads:
        head = json.loads(h.value)
        g, sname = person_parts(head.get("name"))
        for pid, given in by_surname.get(sname, ()):
            if not g or not given or g[0][:1] == given[0][:1]:
                when = dates.get(h.canonical_id) or h.published
                add(pid, head.get("role"), head.get("side"), when, h.source, h.canonical_id)
    return {pid: sorted(v.values(), key=lambda e: (e["from"] or "", e["role"])) for pid, v in seen.items()}


def documents(ledger: Ledger, text: str | None = None, source: str | None = None, since: str | None = None,
              until: str | None = None, limit: int | None = 50, offset: int = 0) -> Page:
    """Stored documents (without their text), newest first, with their number of statements."""
    d = t.documents.c
    s = t.statements.c
    n_stmt = select(func.count()).where(s.document_id == d.id).scalar_subquery()
    q = select(d.id, d.source, d.title, d.published, d.published_inferred, d.language, d.extractor_version,
               d.ingested_at, n_stmt.label("n_statements"))
    if text:
        like = f"%{text}%"
        q = q.where(or_(func.lower(d.text).like(like.lower()), func.lower(d.title).like(like.lower()),
                        func.lower(d.source).like(like.lower())))
    if source:
        q = q.where(func.lower(d.source).like(f"%{source.lower()}%"))
    if since:
        q = q.where(d.published >= since)
    if until:
        q = q.where(or_(d.published <= until, d.published.like(f"{until}%")))
    with ledger.connect() as conn:
        total = conn.execute(select(func.count()).select_from(q.subquery())).scalar()
        q = q.order_by(d.published.desc().nulls_last(), d.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        rows = conn.execute(q).all()
    items = [{**r._mapping, "published_inferred": bool(r.published_inferred),
              "ingested_at": r.ingested_at.isoformat() if r.ingested_at else None} for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def flags(ledger: Ledger, kind: str | None = None, source: str | None = None, document: str | None = None,
          record: str | None = None, include_dismissed: bool = False, limit: int | None = 50,
          offset: int = 0) -> Page:
    """Flags from single documents (`source="doc"`) and across the ledger (`"ledger"`); flags a
    `dismiss` judgement answered are left out unless asked for."""
    f = t.flags.c
    d = t.documents.c
    q = select(f.id, f.kind, f.message, f.source, f.document_id, f.span_start, f.span_end, f.record_ids,
               d.source.label("document_source")).outerjoin(t.documents, d.id == f.document_id)
    if kind:
        q = q.where(f.kind == kind)
    if source:
        q = q.where(f.source == source)
    if document:
        q = q.where(f.document_id.like(f"{document}%"))
    if record:
        q = q.where(f.record_ids.like(f'%"{record}"%'))
    j = t.judgements.c
    with ledger.connect() as conn:
        dismissed = set(conn.execute(select(j.target_id).where(j.kind == "dismiss", j.target_type == "flag",
                                                               j.retired_at.is_(None))).scalars())
        rows = conn.execute(q.order_by(f.source, f.kind, f.id)).all()
    items = []
    for r in rows:
        item = {**r._mapping, "record_ids": json.loads(r.record_ids) if r.record_ids else [],
                "dismissed": r.id in dismissed}
        if include_dismissed or not item["dismissed"]:
            items.append(item)
    return _page(items, limit, offset)


def _canonical(conn, any_id: str) -> str | None:
    r = conn.execute(select(t.records.c.id).where(t.records.c.id == any_id)).scalar()
    if r:
        return r
    s = t.statements.c
    return conn.execute(select(s.canonical_id).where(or_(s.record_id == any_id, s.id == any_id)).limit(1)
                        ).scalar()


def show(ledger: Ledger, any_id: str) -> dict | None:
    """A record (by canonical, as-seen or statement id, or a unique id prefix) with every source:
    document, publication date, span, the sentence, and the statements read there; its merge
    decisions, judgements and, for agreements, its stage history. A document id shows the document."""
    with ledger.connect() as conn:
        cid = _canonical(conn, any_id)
        if cid is None and len(any_id) >= 6:
            matches = conn.execute(select(t.records.c.id).where(t.records.c.id.like(f"{any_id}%")).limit(2)
                                   ).scalars().all()
            cid = matches[0] if len(matches) == 1 else None
        if cid is None:
            return _show_document(conn, any_id)
        rec = conn.execute(select(t.records).where(t.records.c.id == cid)).first()
        if rec is None:
            return None
        s, m, d = t.statements.c, t.mentions.c, t.documents.c
        stmts = conn.execute(select(s.id, s.record_id, s.prop, s.value, s.document_id, s.span_start,
                                    s.span_end, s.extractor_version).where(s.canonical_id == cid)
                             .order_by(s.document_id, s.span_start, s.prop)).all()
        ments = conn.execute(select(m.record_id, m.document_id, m.span_start, m.span_end, m.sentence,
                                    d.source, d.title, d.published).join(t.documents, d.id == m.document_id)
                             .where(m.canonical_id == cid).order_by(d.published, m.span_start)).all()
        merges = conn.execute(select(t.merges).where(t.merges.c.canonical_id == cid)).all()
        members = sorted({x.record_id for x in stmts})
        j = t.judgements.c
        ids = [*members, cid]
        judg = conn.execute(select(t.judgements).where(or_(j.target_id.in_(ids), j.other_id.in_(ids)))
                            .order_by(j.id)).all()
    sources = []
    by_span: dict[tuple, list] = defaultdict(list)
    for x in stmts:
        by_span[(x.record_id, x.span_start, x.span_end)].append(
            {"id": x.id, "prop": x.prop, "value": json.loads(x.value),
             "extractor_version": x.extractor_version})
    for x in ments:
        sources.append({"record_id": x.record_id, "document_id": x.document_id, "source": x.source,
                        "title": x.title, "published": x.published,
                        "span": [x.span_start, x.span_end] if x.span_start is not None else None,
                        "sentence": x.sentence,
                        "statements": by_span.get((x.record_id, x.span_start, x.span_end), [])})
    out = {"id": cid, "kind": rec.kind, "label": rec.label, "record": json.loads(rec.data),
           "record_status": rec.status, "confirmed": bool(rec.confirmed), "n_sources": rec.n_sources,
           "n_documents": rec.n_documents, "first_published": rec.first_published,
           "last_published": rec.last_published, "members": members, "sources": sources,
           "merges": [{k: v for k, v in r._mapping.items() if k != "id"} for r in merges],
           "judgements": [_judgement_dict(r) for r in judg]}
    if rec.kind == "agreements":
        out["stage_history"] = stage_history(ledger, cid)
    if rec.kind == "people":
        out["roles"] = roles(ledger, cid)
    return out


def _judgement_dict(r) -> dict:
    out = dict(r._mapping)
    for k in ("created_at", "retired_at"):
        out[k] = out[k].isoformat() if out[k] is not None and hasattr(out[k], "isoformat") else out[k]
    for k in ("value", "target_key"):
        out[k] = json.loads(out[k]) if out[k] else None
    return out


def _show_document(conn, any_id: str) -> dict | None:
    d = t.documents.c
    rows = conn.execute(select(t.documents).where(d.id.like(f"{any_id}%")).limit(2)).all()
    if len(rows) != 1:
        return None
    doc = rows[0]
    m = t.mentions.c
    recs = conn.execute(select(m.kind, m.canonical_id, t.records.c.label)
                        .join(t.records, t.records.c.id == m.canonical_id)
                        .where(m.document_id == doc.id).distinct().order_by(m.kind, t.records.c.label)).all()
    return {"id": doc.id, "kind": "document", "label": doc.title or doc.source or doc.id[:12],
            "document": {k: v for k, v in doc._mapping.items() if k not in ("ingested_at", "updated_at")},
            "records": [dict(r._mapping) for r in recs]}


def stage_history(ledger: Ledger, agreement_id: str) -> list[dict]:
    """The agreement's stages in date order: stage, date, document, span, sentence, regression."""
    h, d, m = t.stage_history.c, t.documents.c, t.mentions.c
    with ledger.connect() as conn:
        cid = _canonical(conn, agreement_id) or agreement_id
        rows = conn.execute(select(h.stage, h.date, h.published, h.document_id, h.span_start, h.span_end,
                                   h.regression, h.record_id, d.source)
                            .join(t.documents, d.id == h.document_id).where(h.agreement_id == cid)).all()
        sentences = {(r.record_id, r.span_start): r.sentence for r in conn.execute(
            select(m.record_id, m.span_start, m.sentence).where(m.canonical_id == cid))}
    out = [{"stage": r.stage, "date": r.date, "published": r.published, "document_id": r.document_id,
            "source": r.source, "span": [r.span_start, r.span_end] if r.span_start is not None else None,
            "sentence": sentences.get((r.record_id, r.span_start)), "regression": bool(r.regression)}
           for r in rows]
    from ..models import STAGE_ORDER

    rank = {s: i for i, s in enumerate(STAGE_ORDER)}
    return sorted(out, key=lambda e: (e["date"] or e["published"] or "", rank.get(e["stage"], -1),
                                      e["document_id"]))


def series(ledger: Ledger, body: str) -> dict:
    """Meetings of the body (or bodies) matching `body`, one series per distinct body and pair of
    parties: ordered by ordinal and date, with missing ordinals and the median interval in days."""
    found = meetings(ledger, body=body, limit=None)["items"]
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for mt in found:
        parties, kernel = name_parts(mt.get("body"))
        parties = frozenset(parties | {party_code(p) or fold(p) for p in mt.get("parties") or []})
        groups[(parties, kernel)].append(mt)
    for (parties, kernel) in [k for k in groups if not k[0]]:  # a body named without its parties
        fits = [k for k in groups if k[0] and k[1] == kernel]  # joins the one series it can belong to
        if len(fits) == 1:
            groups[fits[0]].extend(groups.pop((parties, kernel)))
    out = []
    ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), sorted(kv[0][0]), kv[0][1]))
    for (parties, _), items in ordered:
        report = series_report(items)
        names = defaultdict(int)
        for it in items:
            names[it.get("body")] += 1
        report["body"] = max(names, key=lambda n: (names[n], n or ""))
        report["parties"] = sorted(parties)
        report["meetings"] = [{k: it.get(k) for k in ("id", "label", "number", "date", "place", "format",
                                                      "n_sources")} for it in report["meetings"]]
        out.append(report)
    return {"query": body, "series": out}


def overview(ledger: Ledger) -> dict:
    """Counts for a dashboard or the demo: records per kind, documents, flags, agreements by stage,
    pledge totals."""
    with ledger.connect() as conn:
        kinds = dict(conn.execute(select(t.records.c.kind, func.count()).where(t.records.c.status == "active")
                                  .group_by(t.records.c.kind)).all())
        n_docs = conn.execute(select(func.count()).select_from(t.documents)).scalar()
        n_flags = conn.execute(select(func.count()).select_from(t.flags)).scalar()
        n_fail = conn.execute(select(func.count()).select_from(t.failures)).scalar()
    ag = agreements(ledger, limit=0)
    pl = pledges(ledger, limit=0)
    return {"documents": n_docs, "records": kinds, "flags": n_flags, "failures": n_fail,
            "agreements_by_stage": ag["by_stage"], "pledge_totals": pl["totals"]}


def failures(ledger: Ledger, limit: int | None = 50, offset: int = 0) -> Page:
    c = t.failures.c
    with ledger.connect() as conn:
        rows = conn.execute(select(c.path, c.reason, c.attempts, c.last_at).order_by(c.last_at.desc())).all()
    return _page([{**r._mapping, "last_at": r.last_at.isoformat() if r.last_at else None} for r in rows],
                 limit, offset)


def iter_records(ledger: Ledger, kinds: Iterable[str] | None = None, include_rejected: bool = False):
    """Every merged record as a dict with its `kind` (for exports)."""
    from ..models import RECORD_TYPES

    for kind in kinds or [k for k in RECORD_TYPES if k != "flags"]:
        for item in _records(ledger, kind, include_rejected):
            yield {"kind": kind, **item}
