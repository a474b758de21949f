"""A large kind is merged in batches of whole components (records that share no blocking key are
never compared), so a full rebuild holds one batch in memory: the result must be exactly the
rebuild over the whole kind, judgements included (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import select

from communique.ledger import merge, open_ledger, query
from communique.ledger import schema as t
from test_incremental import CORPUS, snapshot


def test_batched_rebuild_equals_whole_kind(db_url, monkeypatch):
    ledger = open_ledger(db_url)
    assert ledger.ingest_paths(CORPUS, rebuild=False).new == len(CORPUS)
    ledger.rebuild()
    meetings = query.records(ledger, "meetings", limit=None, order="label")["items"]
    people = query.records(ledger, "people", limit=None, order="label")["items"]
    with ledger.connect() as conn:
        multi = conn.execute(select(t.records.c.id).where(t.records.c.n_members > 1)
                             .order_by(t.records.c.id)).scalars().first()
    # judgements of each kind the merge applies: a forced merge across components, a split,
    # a correction and a rejection
    ledger.judge("merge", people[0]["id"], other_id=people[-1]["id"], author="t", rebuild=False)
    ledger.judge("split", multi, author="t", rebuild=False)
    ledger.judge("correct", meetings[0]["id"], prop="place", value="Elsewhere", author="t", rebuild=False)
    ledger.judge("reject", people[1]["id"], author="t", rebuild=False)
    ledger.rebuild()
    whole = snapshot(ledger)

    calls = []
    real = merge._rebuild_kind

    def spy(*args, **kwargs):
        calls.append((args[1], len(args[2])))
        return real(*args, **kwargs)

    monkeypatch.setattr(merge, "BATCH_STATEMENTS", 0)  # every kind batched...
    monkeypatch.setattr(merge, "BATCH_RECORDS", 3)  # ...in batches of a few records
    monkeypatch.setattr(merge, "_rebuild_kind", spy)
    ledger.rebuild()
    batched = snapshot(ledger)
    ledger.close()
    assert sum(1 for kind, _n in calls if kind == "people") > 2, "people were merged in several batches"
    for table in whole:
        assert batched[table] == whole[table], f"{table} differ"
    merged = {r["id"]: r for r in batched["records"]}
    assert merged[min(people[0]["id"], people[-1]["id"])]["n_members"] >= 2
