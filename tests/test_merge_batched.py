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


def _merge_only(ledger) -> dict:
    """Run the merge alone (no re-anchoring of judgements after it) and snapshot what it wrote."""
    with ledger.engine.begin() as conn:
        merge.rebuild(conn)
    return snapshot(ledger)


def test_batched_rebuild_resolves_judgements_by_snapshot(db_url, monkeypatch):
    """Judgements whose record ids are gone (an older extractor's) are found by their snapshot in
    pass 1 of the batched rebuild, and apply as in the whole-kind rebuild; pass 1 also does not
    depend on the order the database returns the records in (its union-find keeps the smallest
    id as a component's root, and finds a judgement's record without assuming id order)."""
    ledger = open_ledger(db_url)
    assert ledger.ingest_paths(CORPUS, rebuild=False).new == len(CORPUS)
    ledger.rebuild()
    people = query.records(ledger, "people", limit=None, order="label")["items"]
    orgs = query.records(ledger, "organizations", limit=None, order="label")["items"]
    jm = ledger.judge("merge", people[0]["id"], other_id=people[-1]["id"], author="t", rebuild=False)
    jc = ledger.judge("correct", orgs[0]["id"], prop="name", value="Renamed Org", author="t", rebuild=False)
    with ledger.engine.begin() as conn:  # as if re-extraction had changed both records' ids
        for jid, gone in ((jm, "peo-000000000000000000gone"), (jc, "org-000000000000000000gone")):
            conn.execute(t.judgements.update().where(t.judgements.c.id == jid).values(target_id=gone))
    whole = _merge_only(ledger)
    renamed = [r for r in whole["records"] if r["kind"] == "organizations" and "Renamed Org" in r["data"]]
    assert renamed, "the correction was applied by its snapshot"

    monkeypatch.setattr(merge, "BATCH_STATEMENTS", 0)
    monkeypatch.setattr(merge, "BATCH_RECORDS", 4)
    assert _merge_only(ledger) == whole

    real = merge.iter_seen

    def reversed_pass_one(conn, docs, kind, ids=None, canon=None):
        recs = real(conn, docs, kind, ids, canon)
        return iter(list(recs)[::-1]) if ids is None else recs  # pass 1 reads the whole kind

    monkeypatch.setattr(merge, "iter_seen", reversed_pass_one)
    assert _merge_only(ledger) == whole
    ledger.close()
