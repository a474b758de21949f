"""Queries over the ledger: the one set of functions the CLI, the REST API and the dashboard call.

Every list query returns a plain dict `{"total", "limit", "offset", "items": [...]}` (some add
aggregates over every match: `by_stage`, `totals`); each item is a plain dict (JSON-ready): the
merged record's fields (those of `models.RECORD_TYPES`) plus `id`, `label`, `n_sources`,
`n_documents`, `first_published`, `last_published`, `confirmed`, `record_status` (active |
rejected) and `record_kind`. Lists are SQL: filtered on the records' `search` tokens and
`sort_date` (`keys.py`, written by `rebuild`), read in the order of the (kind, status, sort_date, id)
index with LIMIT/OFFSET, and counted with one COUNT, so a page costs the same at 100 or 100,000
documents.

Filter semantics, the same everywhere (CLI options, API parameters, dashboard forms):
- names (`body`, `by`, `program`, `metric`, `subject`, `name`, `role`, `affiliation`): case and
  accents do not matter; every word of the query starts a word of the name, in any order
  ("cooperation council", "Kazakhstan-EU Cooperation Council"); or the query is an acronym equal to
  the name's initials or acronym ("EIB", "EPCA"); or it has the same parties and kernel words as
  the name, party spellings aside; a person also matches by surname (transliterations folded) and
  first initial ("R. Vassilenko" → "Roman Vasilenko").
- `party`: one of the record's parties (its `parties` or those named in its name), compared by
  party code: "Kazakhstan", "Republic of Kazakhstan" and "KAZ" are one party.
- `text`: every word of the query starts a word somewhere in the record.
- `since`/`until`: ISO dates compared at their common precision, on the record's date (meeting
  and pledge date, figure period, else its latest source's publication date).
- `stage`, `currency`, `unit`: equal, case-insensitive. Rejected records (a `reject` judgement)
  are left out unless `include_rejected=True`.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, case, func, literal, or_, select

from . import db, keys
from . import schema as t
from .lifecycle import series_report
from .names import fold, name_parts, party_code, person_parts
from .store import Ledger

Page = dict[str, Any]
RECORD_COLUMNS = ("id", "label", "n_sources", "n_documents", "first_published", "last_published",
                  "confirmed")
_REC_COLS = ("id", "kind", "label", "data", "n_sources", "n_documents", "first_published",
             "last_published", "status", "confirmed")
#: Record kinds as the ledger stores them (the contract's list names).
KINDS = ("meetings", "people", "organizations", "figures", "pledges", "agreements", "events", "quotes")


def record_row(row) -> dict:
    """A `records` row → one flat dict: the merged record's fields plus the ledger's bookkeeping.

    The table's `status` and `kind` are the ledger's; an agreement's own `status` is its stage and an
    organisation's `kind` its type, so the ledger's go under `record_status` and `record_kind`."""
    m = dict(row._mapping)
    data = json.loads(m.get("data") or "{}")
    out = {**data, **{k: m[k] for k in _REC_COLS if k in m and k not in ("data", "status", "kind")}}
    out["record_status"] = m.get("status")
    out["record_kind"] = m.get("kind")
    out["confirmed"] = bool(out.get("confirmed"))
    return out


def _jtext(ledger: Ledger, key: str):
    """A field of the records' JSON `data` as text, in the dialect's own JSON functions."""
    col = t.records.c.data
    if ledger.engine.dialect.name == "sqlite":
        return func.json_extract(col, f"$.{key}")
    from sqlalchemy import JSON, cast

    return func.json_extract_path_text(cast(col, JSON), key)


def _jnum(ledger: Ledger, key: str):
    if ledger.engine.dialect.name == "sqlite":
        return func.json_extract(t.records.c.data, f"$.{key}")
    from sqlalchemy import Float, cast

    return cast(_jtext(ledger, key), Float)


_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_iso(value: str, name: str) -> str:
    """`value` if it is an ISO date of year, month or day precision, else a ValueError naming `name`."""
    if not _ISO.match(value):
        raise ValueError(f"{name} must be an ISO date YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def date_terms(col, since: str | None, until: str | None) -> list:
    """`since`/`until` on an ISO date column, compared at their common precision ('2024' is within
    since=2024-05, and 2024-05-03 within until=2024-05); a record without a date is outside."""
    terms = []
    if since:
        since = check_iso(since, "since")
        terms += [col != "", or_(col >= since, func.substr(literal(since), 1, func.length(col)) == col)]
    if until:
        until = check_iso(until, "until")
        terms += [col != "", or_(col <= until, func.substr(col, 1, len(until)) == until)]
    return terms


def _where(ledger: Ledger, kind: str, *, include_rejected: bool = False, party: str | None = None,
           body: str | None = None, stage: str | None = None, program: str | None = None,
           metric: str | None = None, text: str | None = None, since: str | None = None,
           until: str | None = None) -> list:
    if kind not in KINDS:
        raise ValueError(f"unknown record kind {kind!r}; expected one of {', '.join(KINDS)}")
    c = t.records.c
    where = [c.kind == kind]
    if not include_rejected:
        where.append(c.status == "active")
    if party:
        where.append(keys.where_party(c.search, party))
    if body:
        where.append(keys.where_name(c.search, ("body", "acronym"), body))
    if stage:
        where.append(func.lower(_jtext(ledger, "status")) == stage.replace("_", " ").lower())
    if program:
        where.append(keys.where_name(c.search, ("program",), program))
    if metric:
        where.append(keys.where_name(c.search, ("metric",), metric))
    if text:
        where.append(keys.where_text(c.search, text))
    where += date_terms(c.sort_date, since, until)
    return where


def _list(ledger: Ledger, where: list, limit: int | None, offset: int, order: str = "date",
          **extra) -> Page:
    """One page of records matching `where`, read in the order of an index of (kind, status, key),
    and the total count of matches."""
    c = t.records.c
    q = select(*[getattr(c, k) for k in _REC_COLS]).where(*where)
    q = q.order_by(c.label, c.id) if order == "label" else q.order_by(c.sort_date.desc(), c.id.desc())
    with ledger.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.records).where(*where)).scalar_one()
        rows = [] if limit == 0 else conn.execute(q.offset(offset).limit(limit) if limit is not None
                                                  else q.offset(offset)).all()
    return {"total": total, "limit": limit, "offset": offset, "items": [record_row(r) for r in rows], **extra}


def records(ledger: Ledger, kind: str, *, party: str | None = None, body: str | None = None,
            stage: str | None = None, program: str | None = None, metric: str | None = None,
            text: str | None = None, since: str | None = None, until: str | None = None,
            limit: int | None = 50, offset: int = 0, include_rejected: bool = False,
            order: str = "date") -> Page:
    """Records of any kind with the filters every list shares (see the module docstring); newest
    first (`order="date"`: `records.sort_date`) or by label (`order="label"`)."""
    where = _where(ledger, kind, include_rejected=include_rejected, party=party, body=body, stage=stage,
                   program=program, metric=metric, text=text, since=since, until=until)
    return _list(ledger, where, limit, offset, order)


def meetings(ledger: Ledger, body: str | None = None, party: str | None = None, since: str | None = None,
             until: str | None = None, text: str | None = None, limit: int | None = 50, offset: int = 0,
             include_rejected: bool = False) -> Page:
    """Meetings, newest first; `since`/`until` bound the meeting's date (else its latest source's)."""
    return records(ledger, "meetings", body=body, party=party, since=since, until=until, text=text,
                   limit=limit, offset=offset, include_rejected=include_rejected)


def agreements(ledger: Ledger, stage: str | None = None, party: str | None = None, text: str | None = None,
               since: str | None = None, until: str | None = None, limit: int | None = 50, offset: int = 0,
               include_rejected: bool = False) -> Page:
    """Agreements with their current stage (`status`), most recently seen first, and `by_stage`
    counts over every match; `since`/`until` bound the date of the last source."""
    where = _where(ledger, "agreements", include_rejected=include_rejected, party=party, stage=stage,
                   text=text, since=since, until=until)
    status = _jtext(ledger, "status")
    with ledger.connect() as conn:
        by_stage = {k or "unknown": n for k, n in conn.execute(
            select(status, func.count()).where(*where).group_by(status)).all()}
    return _list(ledger, where, limit, offset, by_stage=by_stage)


def pledges(ledger: Ledger, by: str | None = None, program: str | None = None, currency: str | None = None,
            since: str | None = None, until: str | None = None, text: str | None = None,
            hedged: bool | None = None, party: str | None = None, limit: int | None = 50, offset: int = 0,
            include_rejected: bool = False) -> Page:
    """Pledges, newest first, with `totals` over every match (not only the page): EUR and USD sums
    of the converted amounts and the sum per stated currency. A pledge reported by several sources
    is one record, so it counts once. `by` names the pledger, `party` is a party code or name."""
    where = _where(ledger, "pledges", include_rejected=include_rejected, party=party, program=program,
                   text=text, since=since, until=until)
    c = t.records.c
    if by:
        where.append(keys.where_name(c.search, ("by",), by))
    if currency:
        where.append(func.upper(_jtext(ledger, "currency")) == currency.upper())
    if hedged is not None:
        h = _jtext(ledger, "hedged")
        truth = h.in_(["1", "true"]) if ledger.engine.dialect.name != "sqlite" else h == 1
        where.append(truth if hedged else or_(h.is_(None), ~truth))
    eur, usd, cur = _jnum(ledger, "amount_eur"), _jnum(ledger, "amount_usd"), _jtext(ledger, "currency")
    with ledger.connect() as conn:
        agg = conn.execute(select(func.coalesce(func.sum(eur), 0.0), func.coalesce(func.sum(usd), 0.0),
                                  func.count().filter(or_(eur.is_(None), usd.is_(None)))).where(*where)).one()
        by_currency = {k or "?": float(v or 0.0) for k, v in conn.execute(
            select(cur, func.sum(_jnum(ledger, "amount"))).where(*where).group_by(cur)).all()}
    totals = {"EUR": float(agg[0]), "USD": float(agg[1]), "unconverted": int(agg[2]),
              "by_currency": by_currency}
    return _list(ledger, where, limit, offset, totals=totals)


def figures(ledger: Ledger, metric: str | None = None, period: str | None = None, unit: str | None = None,
            subject: str | None = None, text: str | None = None, party: str | None = None,
            since: str | None = None, until: str | None = None, limit: int | None = 50, offset: int = 0,
            include_rejected: bool = False) -> Page:
    """Figures, latest period first; `period` is a prefix of the figure's period ('2024' gives
    2024-Q1), `since`/`until` bound the period."""
    where = _where(ledger, "figures", include_rejected=include_rejected, metric=metric, text=text,
                   party=party, since=since, until=until)
    c = t.records.c
    if period:
        where.append(_jtext(ledger, "period").like(f"{keys._like(period)}%", escape="\\"))
    if unit:
        where.append(func.lower(_jtext(ledger, "unit")) == unit.lower())
    if subject:
        where.append(keys.where_name(c.search, ("subject",), subject))
    return _list(ledger, where, limit, offset)


def people(ledger: Ledger, name: str | None = None, role: str | None = None, affiliation: str | None = None,
           text: str | None = None, party: str | None = None, limit: int | None = 50, offset: int = 0,
           include_rejected: bool = False, with_roles: bool = True) -> Page:
    """People by name, with (`with_roles`) `roles`: each role seen, with the dates of the first and
    last source. A name matches by its words, or by surname (transliterations folded) and initial."""
    where = _where(ledger, "people", include_rejected=include_rejected, text=text, party=party)
    c = t.records.c
    if name:
        where.append(keys.where_name(c.search, ("name",), name, person=True))
    if role:
        where.append(keys.where_name(c.search, ("role",), role))
    if affiliation:
        where.append(keys.where_name(c.search, ("affiliation",), affiliation))
    page = _list(ledger, where, limit, offset, order="label")
    if with_roles:
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
        # Only the heads read in documents that also speak of these people: a ledger holds every
        # meeting's heads (200k rows at 100k documents), and a person heads a meeting only in a text
        # that names them.
        their_docs = select(s.document_id).where(s.canonical_id.in_(person_ids)).distinct()
        heads = conn.execute(select(s.canonical_id, s.value, d.published, d.source)
                             .join(t.documents, d.id == s.document_id)
                             .where(s.document_id.in_(their_docs), s.kind == "meetings",
                                    s.prop == "heads")).all()
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
    """Stored documents (without their text), newest first, with their length and number of
    statements; `text` is a case-insensitive substring of the title, source or text (a scan: the
    API's `/api/documents/search` uses the full-text index), `since`/`until` bound publication."""
    d = t.documents.c
    s = t.statements.c
    n_stmt = select(func.count()).where(s.document_id == d.id).scalar_subquery()
    where = date_terms(d.published, since, until)
    if text:
        like = f"%{keys._like(text.lower())}%"
        where.append(or_(*[func.lower(col).like(like, escape="\\") for col in (d.text, d.title, d.source)]))
    if source:
        where.append(func.lower(d.source).like(f"%{keys._like(source.lower())}%", escape="\\"))
    q = select(d.id, d.source, d.title, d.published, d.published_inferred, d.language, d.extractor_version,
               d.ingested_at, func.length(d.text).label("length"), n_stmt.label("n_statements")).where(*where)
    with ledger.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.documents).where(*where)).scalar()
        newest = d.published.desc() if ledger.dialect == "sqlite" else d.published.desc().nulls_last()
        q = q.order_by(newest, d.id.desc()).offset(offset)  # SQLite puts NULLs last by itself
        rows = [] if limit == 0 else conn.execute(q.limit(limit) if limit is not None else q).all()
    items = [{**r._mapping, "published_inferred": bool(r.published_inferred),
              "ingested_at": r.ingested_at.isoformat() if r.ingested_at else None} for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def flag_rows(conn, where: list, limit: int | None, offset: int = 0) -> list[dict]:
    """Flags matching `where`, newest first (the (created_at, id) index read backwards), each with
    its span, its document's source, and whether (and by whom) a live `dismiss` judgement answered it."""
    f, d, j = t.flags.c, t.documents.c, t.judgements.c
    q = (select(t.flags, d.source.label("document_source")).outerjoin(t.documents, d.id == f.document_id)
         .where(*where).order_by(f.created_at.desc(), f.id.desc()).offset(offset))
    rows = conn.execute(q.limit(limit) if limit is not None else q).all()
    ids = [r.id for r in rows]
    dismissed = {x.target_id: x.author for x in conn.execute(
        select(j.target_id, j.author).where(j.kind == "dismiss", j.target_type == "flag",
                                            j.retired_at.is_(None), j.target_id.in_(ids)))} if ids else {}
    out = []
    for r in rows:
        item = dict(r._mapping)
        item["record_ids"] = json.loads(r.record_ids) if r.record_ids else []
        item["span"] = [r.span_start, r.span_end] if r.span_start is not None and r.span_end is not None \
            else None
        item["created_at"] = r.created_at.isoformat() if r.created_at else None
        item["dismissed"] = r.id in dismissed
        item["dismissed_by"] = dismissed.get(r.id)
        out.append(item)
    return out


def flags(ledger: Ledger, kind: str | None = None, source: str | None = None, document: str | None = None,
          record: str | None = None, include_dismissed: bool = False, limit: int | None = 50,
          offset: int = 0) -> Page:
    """Flags from single documents (`source="doc"`) and across the ledger (`"ledger"`), newest
    first; `document` is a document id or its prefix, `record` a canonical record id. Flags a live
    `dismiss` judgement answered are left out unless asked for."""
    f, j = t.flags.c, t.judgements.c
    where = []
    if kind:
        where.append(f.kind == kind)
    if source:
        where.append(f.source == source)
    if document:
        where.append(f.document_id.like(f"{keys._like(document)}%", escape="\\"))
    if record:
        where.append(f.record_ids.like(f'%"{keys._like(record)}"%', escape="\\"))
    if not include_dismissed:
        where.append(f.id.not_in(select(j.target_id).where(j.kind == "dismiss", j.target_type == "flag",
                                                           j.retired_at.is_(None))))
    with ledger.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.flags).where(*where)).scalar_one()
        items = [] if limit == 0 else flag_rows(conn, where, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _canonical(conn, any_id: str) -> str | None:
    r = conn.execute(select(t.records.c.id).where(t.records.c.id == any_id)).scalar()
    if r:
        return r
    s = t.statements.c
    return conn.execute(select(s.canonical_id).where(or_(s.record_id == any_id, s.id == any_id)).limit(1)
                        ).scalar()


def show(ledger: Ledger, any_id: str) -> dict | None:
    """`record` for any id a user may paste: canonical, as-seen or statement id, or a unique id
    prefix. A document id shows the document (its records) instead."""
    with ledger.connect() as conn:
        cid = _canonical(conn, any_id)
        if cid is None and len(any_id) >= 6:
            matches = conn.execute(select(t.records.c.id).where(t.records.c.id.like(f"{any_id}%")).limit(2)
                                   ).scalars().all()
            cid = matches[0] if len(matches) == 1 else None
        if cid is None:
            return _show_document(conn, any_id)
    return record(ledger, cid)


#: What a detail holds beyond the record's own row (`record`'s `parts`); a caller that shows less
#: reads less (the meeting page shows sources only: no statements, members, merges or values).
DETAIL_PARTS = frozenset({"sources", "statements", "values", "members", "merges", "judgements", "history",
                          "roles"})


def record(ledger: Ledger, record_id: str, max_sources: int | None = None,
           with_roles: bool = True, parts: Iterable[str] = DETAIL_PARTS,
           max_history: int | None = None) -> dict | None:
    """One merged record in full — the one detail the CLI (`show`), the API (`/api/records/{id}`
    and the per-kind details) and the dashboard's record and meeting pages all read.

    The shape of a list item (`record_row`: the record's fields plus `id`, `label`, `record_kind`,
    `record_status`, counts and dates), plus: `sources` (oldest first, at most `max_sources`; each
    with its document, span, sentence and the statements read there), `values` (prop → each
    distinct value with how many sources state it and one of them), `members` (as-seen ids),
    `merges` (at most `max_sources`; `n_merges` counts them all), `judgements` (retired ones too,
    with `retired_at`), and `stage_history` (agreements: at most `max_history` events, oldest
    first; `n_stage_events` counts them all) or `roles` (people; `with_roles=False` leaves them out
    for a caller that reads its own). `parts` (a subset of `DETAIL_PARTS`) names the parts read;
    a source's `statements` are a part of their own."""
    parts = frozenset(parts)
    with ledger.connect() as conn:
        rec = conn.execute(_RECORD_BY_ID, {"id": record_id}).first()
        if rec is None:
            return None
        cid = rec.id
        out = record_row(rec)
        if "sources" in parts:
            ments = _first_mentions(conn, cid, max_sources)
            stmts = _statements_of(conn, cid, ments, bool(max_sources)) if "statements" in parts else []
            out["sources"] = _sources_out(cid, ments, stmts, "statements" in parts)
        if "members" in parts:
            # DISTINCT read from the (canonical_id, record_id) index alone; sorted here, in Python's
            # order on every database (a PostgreSQL collation may order ids otherwise)
            out["members"] = sorted(conn.execute(_MEMBERS, {"cid": cid}).scalars().all())  # one fetchall
        if "merges" in parts:
            out["n_merges"] = conn.execute(_N_MERGES, {"cid": cid}).scalar()
            merges = conn.execute(_MERGES_FIRST if max_sources else _MERGES, {"cid": cid, "n": max_sources})
            out["merges"] = [{k: v for k, v in r._mapping.items() if k != "id"} for r in merges]
        if "judgements" in parts:
            out["judgements"] = _judgements_of(conn, cid, rec.n_members)
        if "values" in parts:
            out["values"] = values_of(conn, [cid]).get(cid, {})
        if rec.kind == "agreements" and "history" in parts:
            out["stage_history"], out["n_stage_events"] = _stage_events(conn, cid, max_history, 0, True)
    if rec.kind == "people" and with_roles and "roles" in parts:
        out["roles"] = roles(ledger, cid)
    return out


_RC = t.records.c
_RECORD_BY_ID = select(*[getattr(_RC, c) for c in _REC_COLS], _RC.n_members).where(_RC.id == bindparam("id"))
_MEMBERS = (select(t.statements.c.record_id).where(t.statements.c.canonical_id == bindparam("cid"))
            .distinct())
_N_MERGES = select(func.count()).select_from(t.merges).where(t.merges.c.canonical_id == bindparam("cid"))
_MERGES = select(t.merges).where(t.merges.c.canonical_id == bindparam("cid")).order_by(t.merges.c.id)
_MERGES_FIRST = _MERGES.limit(bindparam("n"))
#: The judgements on the record or any of its as-seen ids: the members as a subquery on the
#: (canonical_id, record_id) index, not an `IN (…)` list of hundreds of bound ids (SQLAlchemy
#: re-rendered the statement per list length: a tenth of a large meeting's detail).
_MEMBER_IDS = select(t.statements.c.record_id).where(t.statements.c.canonical_id == bindparam("cid"))
_JC = t.judgements.c
_JUDGEMENTS = (select(t.judgements)
               .where(or_(_JC.target_id == bindparam("cid"), _JC.other_id == bindparam("cid"),
                          _JC.target_id.in_(_MEMBER_IDS), _JC.other_id.in_(_MEMBER_IDS)))
               .order_by(t.judgements.c.id))
#: The same judgements read from the judgements' side: each one's targets looked up among the
#: record's members on the (canonical_id, record_id) index. Cheaper than `_JUDGEMENTS` while the
#: ledger holds fewer judgements than the record has members (a meeting reported by 400
#: documents: 0.8 ms to list its members twice, for the few judgements a review leaves).
_IS_MEMBER = t.statements.alias("member")
_JUDGEMENTS_SCAN = (select(t.judgements)
                    .where(or_(_JC.target_id == bindparam("cid"), _JC.other_id == bindparam("cid"),
                               select(literal(1)).where(_IS_MEMBER.c.canonical_id == bindparam("cid"),
                                                        _IS_MEMBER.c.record_id == _JC.target_id).exists(),
                               select(literal(1)).where(_IS_MEMBER.c.canonical_id == bindparam("cid"),
                                                        _IS_MEMBER.c.record_id == _JC.other_id).exists()))
                    .order_by(t.judgements.c.id))
_MAX_JUDGEMENT = select(func.max(_JC.id))


def _judgements_of(conn, cid: str, n_members: int | None) -> list[dict]:
    """The judgements on the record or any of its members (`_JUDGEMENTS`), read from whichever side
    is smaller: the judgements' highest id bounds how many there are (one index step)."""
    top = conn.execute(_MAX_JUDGEMENT).scalar()
    if top is None:
        return []
    sql = _JUDGEMENTS_SCAN if top <= (n_members or 0) else _JUDGEMENTS
    return [_judgement_dict(r) for r in conn.execute(sql, {"cid": cid})]


_MENTION_COLS = (t.mentions.c.record_id, t.mentions.c.document_id, t.mentions.c.span_start,
                 t.mentions.c.span_end, t.mentions.c.sentence, t.documents.c.source, t.documents.c.title,
                 t.documents.c.published)
_MENTION_ORDER = (t.documents.c.published, t.mentions.c.document_id, t.mentions.c.span_start)
_MENTIONS = (select(*_MENTION_COLS).join(t.documents, t.documents.c.id == t.mentions.c.document_id)
             .where(t.mentions.c.canonical_id == bindparam("cid")).order_by(*_MENTION_ORDER))
#: The documents of a record's first `n` mentions by date, from the indexes alone ((canonical_id,
#: document_id) on mentions, the documents' covering index on SQLite): no mention row, no sentence
#: is read for the hundreds of sources a capped detail leaves out. A document repeats once per
#: mention (no DISTINCT to sort for): the first n (date, document) pairs are those of the first n
#: mentions.
_FIRST_DOCS = (select(t.mentions.c.document_id)
               .join(t.documents, t.documents.c.id == t.mentions.c.document_id)
               .where(t.mentions.c.canonical_id == bindparam("cid"))
               .order_by(t.documents.c.published, t.mentions.c.document_id).limit(bindparam("n")))
_MENTIONS_IN = (select(*_MENTION_COLS).join(t.documents, t.documents.c.id == t.mentions.c.document_id)
                .where(t.mentions.c.canonical_id == bindparam("cid"),
                       t.mentions.c.document_id.in_(bindparam("docs", expanding=True)))
                .order_by(*_MENTION_ORDER))
_STMT_COLS = (t.statements.c.id, t.statements.c.record_id, t.statements.c.prop, t.statements.c.value,
              t.statements.c.span_start, t.statements.c.span_end, t.statements.c.extractor_version)
# A record reported by hundreds of documents has thousands of statements: a capped detail reads
# only those of the sightings it shows, by their as-seen ids (a few each, on the record_id index;
# by canonical id SQLite would walk all 5,000 of a large meeting's).
_STMTS_SHOWN = (select(*_STMT_COLS)
                .where(t.statements.c.record_id.in_(bindparam("shown", expanding=True)),
                       t.statements.c.canonical_id == bindparam("cid"))
                .order_by(t.statements.c.document_id, t.statements.c.span_start, t.statements.c.prop))
_STMTS_ALL = (select(*_STMT_COLS).where(t.statements.c.canonical_id == bindparam("cid"))
              .order_by(t.statements.c.document_id, t.statements.c.span_start, t.statements.c.prop))


def _raw(conn, sql: str, params: tuple = (), **lists) -> list[tuple]:
    """Rows of a fixed SQL text (`{p}` a placeholder, `{name}` the placeholders of the list
    `lists[name]`; `params` in the order of the text), in the caller's transaction. Why: a detail
    runs a dozen small queries; as SQLAlchemy constructs each re-rendered its expanding `IN (…)`
    lists (a quarter of a meeting detail's CPU). The texts are plain SQL that SQLite and PostgreSQL
    both read, with the values as bound parameters."""
    # exec_driver_sql, not a bare DB-API cursor: the statement stays visible to the engine's events
    # (echo, query logging, the query-plan tests) at the cost of one Row per row
    return conn.exec_driver_sql(db.placeholders(conn, sql, **lists), tuple(params)).fetchall()


_MENTION_SQL = ("SELECT m.record_id, m.document_id, m.span_start, m.span_end, m.sentence, d.source, d.title,"
                " d.published FROM mentions m JOIN documents d ON d.id = m.document_id"
                " WHERE m.canonical_id = {p}")
_MENTION_SQL_ORDER = " ORDER BY d.published, m.document_id, m.span_start"
#: `_FIRST_DOCS` and `_MENTIONS_IN` as SQL text (see them)
_FIRST_DOCS_SQL = ("SELECT m.document_id FROM mentions m JOIN documents d ON d.id = m.document_id"
                   " WHERE m.canonical_id = {p} ORDER BY d.published, m.document_id LIMIT {p}")
_MENTIONS_IN_SQL = _MENTION_SQL + " AND m.document_id IN ({docs})" + _MENTION_SQL_ORDER + " LIMIT {p}"
#: `_STMTS_SHOWN` as SQL text
_STMTS_SHOWN_SQL = ("SELECT id, record_id, prop, value, span_start, span_end, extractor_version"
                    " FROM statements WHERE record_id IN ({shown}) AND canonical_id = {p}"
                    " ORDER BY document_id, span_start, prop")


def _first_mentions(conn, cid: str, limit: int | None) -> list:
    """The record's mentions joined to their documents, oldest first, at most `limit`: the first
    `limit` documents found on the indexes, then only their mentions read. Rows in the order of
    `_MENTION_COLS`."""
    if not limit:
        return conn.execute(_MENTIONS, {"cid": cid}).all()
    docs = sorted({r[0] for r in _raw(conn, _FIRST_DOCS_SQL, (cid, limit))})
    return _raw(conn, _MENTIONS_IN_SQL, (cid, *docs, limit), docs=docs) if docs else []


def _statements_of(conn, cid: str, ments: list, only_shown: bool) -> list:
    """The statements of `ments` (`only_shown`: read by their as-seen ids) or all the record's, in
    the order of `_STMT_COLS`."""
    if not only_shown:
        return conn.execute(_STMTS_ALL, {"cid": cid}).all()
    shown = sorted({x[0] for x in ments})
    return _raw(conn, _STMTS_SHOWN_SQL, (*shown, cid), shown=shown) if shown else []


def _sources_out(cid: str, ments: list, stmts: list, with_statements: bool) -> list[dict]:
    """Sources as the detail shows them; each statement's value parsed once per distinct JSON text
    (a meeting's 50 sources repeat a dozen values)."""
    parsed: dict[str, Any] = {}
    by_span: dict[tuple, list] = defaultdict(list)
    for sid, rid, prop, value, a, b, version in stmts:
        v = parsed.get(value, parsed)
        if v is parsed:
            v = parsed[value] = json.loads(value)
        by_span[(rid, a, b)].append({"id": sid, "prop": prop, "value": v, "extractor_version": version})
    out = []
    for rid, doc, a, b, sentence, source, title, published in ments:
        src = {"record_id": cid, "member_id": rid, "document_id": doc, "source": source, "title": title,
               "published": published, "span": _span(a, b), "sentence": sentence}
        if with_statements:
            src["statements"] = by_span.get((rid, a, b), [])
        out.append(src)
    return out


def record_sources(ledger: Ledger, record_id: str, limit: int | None = 50, offset: int = 0) -> Page | None:
    """A record's sources a page at a time, oldest first, each with the statements read there (the
    `sources` of `record`, past its cap): `{"total", "limit", "offset", "items"}`, or None when
    there is no such record."""
    with ledger.connect() as conn:
        cid = conn.execute(select(t.records.c.id).where(t.records.c.id == record_id)).scalar()
        if cid is None:
            return None
        total = conn.execute(select(func.count()).select_from(t.mentions)
                             .where(t.mentions.c.canonical_id == cid)).scalar_one()
        q = _MENTIONS.offset(offset)
        ments = conn.execute(q.limit(limit) if limit is not None else q, {"cid": cid}).all()
        stmts = _statements_of(conn, cid, ments, True)
    return {"total": total, "limit": limit, "offset": offset, "items": _sources_out(cid, ments, stmts, True)}


def _span(a, b):
    return [a, b] if a is not None and b is not None else None


#: `values_of`'s two statements as SQL text (see `_raw`): the distinct values of the records'
#: props, grouped on the (canonical_id, prop, value, document_id) index, and one span of each.
_VALUES_SQL = ("SELECT canonical_id, prop, value, count(*) AS n, min(document_id) AS doc FROM statements"
               " WHERE canonical_id IN ({ids}){props} GROUP BY canonical_id, prop, value")
_SPANS_SQL = ("SELECT canonical_id, prop, value, document_id, span_start, span_end FROM statements"
              " WHERE document_id IN ({docs}){props}")


def values_of(conn, record_ids: list[str], props: tuple[str, ...] | None = None) -> dict[str, dict]:
    """record → prop → [{value, n_sources, document_id, span}]: one entry per distinct value, with
    one of the documents stating it (GROUP BY on the covering index, not one row per source)."""
    ids, props = list(record_ids), list(props or ())
    if not ids:
        return {}
    where_props = " AND prop IN ({props})" if props else ""
    groups = _raw(conn, _VALUES_SQL.replace("{props}", where_props), (*ids, *props), ids=ids, props=props)
    spans: dict[tuple, list | None] = {}
    if groups:
        # by document only, so the planner takes the document index (few rows per document)
        docs = sorted({g[4] for g in groups})
        for cid, prop, value, doc, a, b in _raw(conn, _SPANS_SQL.replace("{props}", where_props),
                                                 (*docs, *props), docs=docs, props=props):
            spans.setdefault((cid, prop, value, doc), _span(a, b))
    out: dict[str, dict] = {}
    for cid, prop, value, n, doc in groups:
        out.setdefault(cid, {}).setdefault(prop, []).append(
            {"value": json.loads(value), "n_sources": n, "document_id": doc,
             "span": spans.get((cid, prop, value, doc))})
    for props_ in out.values():
        for vals in props_.values():
            vals.sort(key=lambda v: -v["n_sources"])
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


def stage_history(ledger: Ledger, agreement_id: str, limit: int | None = None, offset: int = 0,
                  detail: bool = True) -> list[dict]:
    """The agreement's stages in date order: stage, date, document, span, sentence, regression;
    `limit`/`offset` page through them; `detail=False` leaves out each event's source and
    sentence (what a folded history needs is stages, dates and documents)."""
    with ledger.connect() as conn:
        cid = _canonical(conn, agreement_id) or agreement_id
        return _stage_events(conn, cid, limit, offset, detail)[0]


def n_stage_events(ledger: Ledger, agreement_id: str) -> int:
    """How many stage events `stage_history` holds for the agreement (for a paged history)."""
    h = t.stage_history.c
    with ledger.connect() as conn:
        cid = _canonical(conn, agreement_id) or agreement_id
        return conn.execute(select(func.count()).select_from(t.stage_history).where(h.agreement_id == cid)
                            ).scalar_one()


@functools.cache
def _stage_queries() -> dict:
    """The stage-history statements, built once (a `case` over the lifecycle's stages is dozens of
    SQL elements to build and hash: most of a 20-event page's cost when made per call)."""
    from ..models import STAGE_ORDER

    h = t.stage_history.c
    when = func.coalesce(func.nullif(h.date, ""), func.nullif(h.published, ""), "")
    rank = case({s: i for i, s in enumerate(STAGE_ORDER)}, value=h.stage, else_=-1)
    events = (select(h.stage, h.date, h.published, h.document_id, h.span_start, h.span_end, h.regression,
                     h.record_id).where(h.agreement_id == bindparam("cid"))
              .order_by(when, rank, h.document_id, h.id))
    return {
        "total": select(func.count()).select_from(t.stage_history).where(h.agreement_id == bindparam("cid")),
        "all": events.offset(bindparam("off")),
        "page": events.limit(bindparam("lim")).offset(bindparam("off")),
    }


#: The sources of a page of stage events' documents, and their sentences (SQL text, see `_raw`).
_EVENT_SOURCES_SQL = "SELECT id, source FROM documents WHERE id IN ({docs})"
_EVENT_SENTENCES_SQL = ("SELECT record_id, span_start, sentence FROM mentions"
                        " WHERE canonical_id = {p} AND document_id IN ({docs})")


def _stage_events(conn, cid: str, limit: int | None, offset: int, detail: bool) -> tuple[list[dict], int]:
    """One page of the agreement's stage events and their total, ordered in SQL (date, else
    publication date; then the stage's rank in the lifecycle; then the document) so that only the
    page's rows are read into Python, and their source and sentence only for them (an agreement
    reported by 200 documents has 200 events: their sentences were most of its detail)."""
    sql = _stage_queries()
    total = conn.execute(sql["total"], {"cid": cid}).scalar_one()
    page = conn.execute(sql["all"] if limit is None else sql["page"],
                        {"cid": cid, "off": offset, "lim": limit}).all() if total else []
    sources: dict[str, str | None] = {}
    sentences: dict[tuple, str | None] = {}
    if detail and page:
        docs = sorted({r.document_id for r in page})
        sources = dict(_raw(conn, _EVENT_SOURCES_SQL, tuple(docs), docs=docs))
        sentences = {(rid, a): sentence
                     for rid, a, sentence in _raw(conn, _EVENT_SENTENCES_SQL, (cid, *docs), docs=docs)}
    out = []
    for r in page:
        e = {"stage": r.stage, "date": r.date, "published": r.published, "document_id": r.document_id}
        if detail:
            e["source"] = sources.get(r.document_id)
        e["span"] = [r.span_start, r.span_end] if r.span_start is not None else None
        if detail:
            e["sentence"] = sentences.get((r.record_id, r.span_start))
        e["regression"] = bool(r.regression)
        out.append(e)
    return out, total


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
    """Inputs that could not be read or extracted, most recent first, with the reason."""
    c = t.failures.c
    q = select(c.path, c.reason, c.attempts, c.last_at).order_by(c.last_at.desc(), c.id).offset(offset)
    with ledger.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.failures)).scalar_one()
        rows = conn.execute(q.limit(limit) if limit is not None else q).all()
    return {"total": total, "limit": limit, "offset": offset,
            "items": [{**r._mapping, "last_at": r.last_at.isoformat() if r.last_at else None} for r in rows]}


def _records(ledger: Ledger, kind: str, include_rejected: bool = False) -> list[dict]:
    """Every record of one kind in id order (tests and small tools; lists page with `records`)."""
    c = t.records.c
    where = _where(ledger, kind, include_rejected=include_rejected)
    q = select(*[getattr(c, k) for k in _REC_COLS]).where(*where)
    with ledger.connect() as conn:
        return [record_row(r) for r in conn.execute(q.order_by(c.id)).all()]


def iter_records(ledger: Ledger, kinds: Iterable[str] | None = None, include_rejected: bool = False,
                 chunk: int = 5000):
    """Every merged record as a dict with its `kind` (for exports), read a chunk at a time."""
    from ..models import RECORD_TYPES

    c = t.records.c
    for kind in kinds or [k for k in RECORD_TYPES if k != "flags"]:
        where = [c.kind == kind] + ([] if include_rejected else [c.status == "active"])
        last = None
        while True:
            q = select(*[getattr(c, k) for k in _REC_COLS]).where(*where)
            q = q.where(c.id > last) if last is not None else q
            with ledger.connect() as conn:
                rows = conn.execute(q.order_by(c.id).limit(chunk)).all()
            for r in rows:
                item = record_row(r)
                item.pop("record_kind", None)
                yield {"kind": kind, **item}
            if len(rows) < chunk:
                break
            last = rows[-1].id
