"""The review queue reads the certainty the rebuild stores: the same items, order and reasons as
scoring every record in Python at read time (the queue before certainty was stored), on SQLite and
PostgreSQL, across judgements, dismissals and incremental ingests."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from communique.ledger import open_ledger, query, review
from communique.ledger import schema as t

HERE = Path(__file__).parent / "fixtures" / "review"
_spec = importlib.util.spec_from_file_location("review_queue_extractor", HERE / "extractor.py")
rx = importlib.util.module_from_spec(_spec)
sys.modules["review_queue_extractor"] = rx
_spec.loader.exec_module(rx)
DOCS = sorted(str(p) for p in HERE.glob("*.txt"))


@pytest.fixture
def ledger(db_url):
    led = open_ledger(db_url)
    yield led
    led.close()


def _overlap(a, b) -> bool:
    return a[0] is not None and b[0] is not None and min(a[1], b[1]) - max(a[0], b[0]) > 0


def reference(ledger) -> list[tuple]:
    """Every record scored in Python from merges, open flags and sources: (id, certainty, sorted
    reasons, status), least certain first."""
    r, mg, s, m = t.records.c, t.merges.c, t.statements.c, t.mentions.c
    with ledger.connect() as conn:
        recs = conn.execute(select(r.id, r.kind, r.n_documents)).all()
        weakest: dict[str, float] = {}
        for x in conn.execute(select(mg.canonical_id, mg.score).where(mg.decided_by == "auto")):
            weakest[x.canonical_id] = min(x.score, weakest.get(x.canonical_id, 2.0))
        member_of = dict(conn.execute(select(s.record_id, s.canonical_id).distinct()).all())
        ments = conn.execute(select(m.canonical_id, m.document_id, m.span_start, m.span_end)).all()
    kinds: dict[str, set[str]] = defaultdict(set)
    for f in query.flags(ledger, limit=None)["items"]:
        rids = f["record_ids"] or [x.canonical_id for x in ments if x.document_id == f["document_id"]
                                   and _overlap((f["span_start"], f["span_end"]), (x.span_start, x.span_end))]
        for rid in rids:
            kinds[member_of.get(rid, rid)].add(f["kind"])
    out = []
    for rec in recs:
        c, reasons = 1.0, []
        if weakest.get(rec.id, 1.0) < 1.0:
            c = weakest[rec.id]
            reasons.append("merged")
        for k in sorted(kinds.get(rec.id, ())):
            c *= 0.5
            reasons.append(f"flag: {k}")
        if rec.n_documents <= 1:
            c *= 0.9
            reasons.append("one source")
        out.append((round(c, 3), rec.n_documents, rec.kind, rec.id, reasons))
    return sorted(out)


def shown(items) -> list[tuple]:
    return [(i["certainty"], i["n_documents"], i["kind"], i["id"],
             ["merged" if x.startswith("merged by") else x for x in i["reasons"]]) for i in items]


def test_stored_certainty_is_the_computed_one(ledger):
    paths = list(DOCS)
    ledger.ingest_paths(paths[:2], extractor=rx.make_extractor(rx.Rules()))
    ledger.ingest_paths(paths[2:], extractor=rx.make_extractor(rx.Rules()))  # incremental rebuild
    page = review.queue(ledger, limit=None)
    assert page["total"] == len(page["items"]) > 5
    assert shown(page["items"]) == reference(ledger)
    assert any(i["reasons"] and i["reasons"][0].startswith("flag:") for i in page["items"])
    # pages are slices of the whole queue, by kind too
    whole = page["items"]
    assert review.queue(ledger, limit=3, offset=2)["items"] == whole[2:5]
    people = review.queue(ledger, kind="people", limit=None)["items"]
    assert people == [i for i in whole if i["kind"] == "people"]
    # a dismissed flag stops counting once the rebuild has run (the web rebuilds after each write)
    flag = next(f for f in query.flags(ledger, limit=None)["items"])
    review.dismiss(ledger, flag["id"], author="ana")
    assert shown(review.queue(ledger, limit=None)["items"]) == reference(ledger)
    # a judgement counts at once, before any rebuild
    target = whole[-1]["id"]
    ledger.judge("confirm", target, author="web", rebuild=False)
    assert [i["id"] for i in review.queue(ledger, status="confirmed")["items"]] == [target]
    assert target not in {i["id"] for i in review.queue(ledger, status="unreviewed", limit=None)["items"]}


def test_upgrade_fills_certainty(db_url):
    """A ledger rebuilt by a package at revision 0003 gets its certainties from the 0004 migration."""
    ledger = open_ledger(db_url)
    ledger.ingest_paths(DOCS, extractor=rx.make_extractor(rx.Rules()))
    before = shown(review.queue(ledger, limit=None)["items"])
    ledger.close()
    from communique.ledger.db import HEAD_REVISION, current_revision, make_engine, upgrade
    from communique.ledger.views import drop_views

    engine = make_engine(db_url)
    drop_views(engine)
    with engine.begin() as conn:  # back to the 0003 shape, keeping the rows
        from alembic import command

        from communique.ledger.db import alembic_config

        command.downgrade(alembic_config(conn), "0003")
    assert current_revision(engine) == "0003"
    assert "certainty" not in {c["name"] for c in inspect(engine).get_columns("records")}
    assert upgrade(engine) == HEAD_REVISION
    engine.dispose()
    ledger = open_ledger(db_url)
    assert shown(review.queue(ledger, limit=None)["items"]) == before
    with ledger.connect() as conn:
        assert conn.execute(select(t.records.c.id).where(t.records.c.certainty.is_(None))).first() is None
        reasons = conn.execute(select(t.records.c.reasons)).scalars().all()
    assert all(isinstance(json.loads(x), list) for x in reasons)
