"""An ingest merges new documents into the ledger incrementally; the result must be exactly what
one full rebuild of all documents gives: the same canonical records, merge decisions, stage
histories, ledger flags and judgement effects, whatever batches the documents arrived in."""

from __future__ import annotations

import json
import random
from pathlib import Path

from sqlalchemy import create_engine, select, text

from communique.ledger import open_ledger, query
from communique.ledger import schema as t
from communique.ledger.demo import example_paths

FIX = Path(__file__).parent / "fixtures" / "ledger"
#: Our ledger texts, two that make ledger flags (a second report disagreeing on the place of a
#: meeting; a later text putting the EPCA back at 'initialled'), and the bundled examples.
CORPUS = sorted(FIX.glob("*.txt")) + sorted((FIX.parent / "ledger_incremental").glob("*.txt")) + \
    [p for p in example_paths() if p.name != "README.md"]


def fresh(db_url: str, n: int) -> str:
    """An empty database for run `n` (a new SQLite file, or the PostgreSQL database emptied)."""
    if db_url.startswith("sqlite"):
        return db_url.replace("ledger.db", f"run{n}.db")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return db_url


def snapshot(ledger) -> dict:
    """Every derived row, without timestamps (a rebuild's time is not part of its result)."""
    out = {}
    with ledger.connect() as conn:
        def rows(table, *order, where=None, drop=("updated_at", "created_at")):
            q = select(table).order_by(*order)
            if where is not None:
                q = q.where(where)
            return [{k: v for k, v in r._mapping.items() if k not in drop} for r in conn.execute(q)]

        out["records"] = rows(t.records, t.records.c.id)
        out["merges"] = rows(t.merges, t.merges.c.id)
        out["stage_history"] = rows(t.stage_history, t.stage_history.c.id)
        out["flags"] = rows(t.flags, t.flags.c.id, where=t.flags.c.source == "ledger")
        out["statements"] = [tuple(r) for r in conn.execute(
            select(t.statements.c.id, t.statements.c.canonical_id).order_by(t.statements.c.id))]
        out["mentions"] = [tuple(r) for r in conn.execute(
            select(t.mentions.c.id, t.mentions.c.canonical_id).order_by(t.mentions.c.id))]
    for f in out["flags"]:
        f["record_ids"] = sorted(json.loads(f["record_ids"] or "[]"))
    return out


def judge_first(ledger) -> list[tuple]:
    """Confirm one record and reject another (of those present now); returns what was judged."""
    done = []
    for kind, verdict in (("meetings", "confirm"), ("people", "reject")):
        items = query.records(ledger, kind, limit=1, order="label")["items"]
        if items:
            ledger.judge(verdict, items[0]["id"], author="test")
            done.append((verdict, items[0]["id"]))
    return done


def test_incremental_ingest_equals_full_rebuild(db_url):
    assert len(CORPUS) >= 10
    url = fresh(db_url, 0)
    full = open_ledger(url)
    assert full.ingest_paths(CORPUS, rebuild=False).new == len(CORPUS)
    full.rebuild()
    full.close()

    rng = random.Random(20261128)
    for run in range(1, 4):
        order = list(CORPUS)
        rng.shuffle(order)
        cuts = sorted(rng.sample(range(1, len(order)), rng.randint(2, 3)))
        batches = [order[a:b] for a, b in zip([0, *cuts], [*cuts, len(order)], strict=True)]
        url = fresh(db_url, run)
        inc = open_ledger(url)
        judged: list[tuple] = []
        for i, batch in enumerate(batches):
            s = inc.ingest_paths(batch)
            assert s.new == len(batch) and not s.failed
            if i == 0:
                judged = judge_first(inc)
        assert judged, "the first batch gave records to judge"
        got = snapshot(inc)
        inc.close()

        url = fresh(db_url, 10 + run)  # the reference: all documents, the same judgements, one rebuild
        ref = open_ledger(url)
        ref.ingest_paths(CORPUS, rebuild=False)
        for verdict, rid in judged:
            ref.judge(verdict, rid, author="test", rebuild=False)
        ref.rebuild()
        want = snapshot(ref)
        ref.close()
        assert {"sources disagree", "stage regression"} <= {f["kind"] for f in want["flags"]}
        for table in want:
            assert got[table] == want[table], f"run {run} ({[len(b) for b in batches]} docs): {table} differ"
        assert any(r["confirmed"] for r in got["records"]) and any(r["status"] == "rejected"
                                                                  for r in got["records"])


def test_incremental_ingest_rewrites_only_what_changed(tmp_path):
    """A second ingest of unrelated documents keeps the records it did not touch (same rows, same
    `updated_at`) and the stats say how many were rewritten."""
    ledger = open_ledger(f"sqlite:///{tmp_path / 'l.db'}")
    first, second = CORPUS[:5], CORPUS[5:]
    ledger.ingest_paths(first)
    with ledger.connect() as conn:
        before = {r.id: r.updated_at for r in conn.execute(select(t.records.c.id, t.records.c.updated_at))}
    ledger.ingest_paths(second)
    with ledger.connect() as conn:
        after = {r.id: r.updated_at for r in conn.execute(select(t.records.c.id, t.records.c.updated_at))}
    kept = [i for i in before if after.get(i) == before[i]]
    assert kept, "records of the first batch that the second does not mention are left as they were"
    assert len(after) > len(before)
    stats = ledger.rebuild()  # the full recomputation agrees with what the increments built
    assert stats["records"] == len(after)
