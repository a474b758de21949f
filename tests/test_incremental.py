"""An ingest merges new documents into the ledger incrementally; the result must be exactly what
one full rebuild of all documents gives: the same canonical records, merge decisions, stage
histories, ledger flags and judgement effects, whatever batches the documents arrived in."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select, text

from communique.ledger import open_ledger, query
from communique.ledger import schema as t
from communique.ledger.db import get_meta
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


def match_keys(ledger) -> list[tuple]:
    with ledger.connect() as conn:
        return [tuple(r) for r in conn.execute(select(t.match_keys).order_by(t.match_keys.c.record_id,
                                                                             t.match_keys.c.key))]


_TARGETS: dict[str, list[tuple]] = {}
_RUNS = itertools.count(1000)


def _judgements(db_url: str) -> list[tuple]:
    """Judgements to make during a run: a merge of two people from different documents, a split
    of a merged organisation or agreement, a confirmation, a rejection and a correction. They name
    as-seen ids (hashes of document and content), found once in a ledger of every document, so
    they name the same records in every run."""
    dialect = db_url.split(":", 1)[0]
    if dialect not in _TARGETS:
        ref = open_ledger(fresh(db_url, 100))
        ref.ingest_paths(CORPUS)
        with ref.connect() as conn:
            m, r = t.mentions.c, t.records.c
            people = list(conn.execute(select(m.record_id).where(m.kind == "people").order_by(m.record_id))
                          .scalars())
            split = conn.execute(select(r.id).where(r.kind.in_(["organizations", "agreements"]),
                                                    r.n_members > 1).order_by(r.id)).scalars().first()
            meeting = conn.execute(select(r.id).where(r.kind == "meetings").order_by(r.id)).scalars().first()
        ref.close()
        _TARGETS[dialect] = [("merge", people[0], {"other_id": people[-1]}), ("split", split, {}),
                             ("confirm", meeting, {}), ("reject", people[1], {}),
                             ("correct", meeting, {"prop": "place", "value": "Elsewhere"})]
    return _TARGETS[dialect]


@given(order=st.permutations(range(len(CORPUS))), cuts=st.sets(st.integers(1, len(CORPUS) - 1), max_size=4),
       judge_after=st.integers(0, 4))
@settings(max_examples=5, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_any_ingest_order_equals_one_full_rebuild(db_url, order, cuts, judge_after):
    """Property: documents ingested in any order and batches, with merge, split, confirm, reject
    and correct judgements made after some batch once their records are there, end with exactly
    the derived rows and match keys that a full rebuild of the same statements and judgements
    gives. Batches after the first take the incremental path: components through `match_keys`,
    ghosts where no merge or split judgement touches the kind, whole components where one does.
    (The reference is a full rebuild of the same ledger: a split made after batch n keeps apart
    the members its cluster had then, so when it was made is part of the input.)"""
    judgements = _judgements(db_url)
    bounds = [0, *sorted(cuts), len(CORPUS)]
    batches = [[CORPUS[i] for i in order[a:b]] for a, b in zip(bounds, bounds[1:], strict=False)]
    ledger = open_ledger(fresh(db_url, next(_RUNS)))
    named = {i for _, target, extra in judgements for i in (target, extra.get("other_id")) if i}
    judged = False
    for n, batch in enumerate(batches):
        assert ledger.ingest_paths(batch).new == len(batch)
        with ledger.connect() as conn:  # judge once every record named is there (as a reviewer would)
            present = set(conn.execute(select(t.mentions.c.record_id)
                                       .where(t.mentions.c.record_id.in_(sorted(named)))).scalars())
        if not judged and n >= min(judge_after, len(batches) - 1) and present == named:
            for kind, target, extra in judgements:
                ledger.judge(kind, target, author="test", rebuild=False, **extra)
            ledger.rebuild()
            judged = True
    got, got_keys = snapshot(ledger), match_keys(ledger)
    ledger.rebuild()
    want, want_keys = snapshot(ledger), match_keys(ledger)
    ledger.close()
    assert judged
    for table in want:
        assert got[table] == want[table], f"{[len(b) for b in batches]} docs: {table} differ"
    assert got_keys == want_keys


def test_an_ingest_loads_only_the_components_its_documents_reach(tmp_path, monkeypatch):
    """Adding one document reads the records linked to its own (through shared keys), not every
    record of the kinds it mentions; the result is still the full rebuild's."""
    from communique.ledger import merge

    ledger = open_ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.ingest_paths(CORPUS[:-1])
    loaded: list[str] = []
    real = merge._load_records

    def spy(conn, kind, ids, *args, **kwargs):
        loaded.extend(ids)
        return real(conn, kind, ids, *args, **kwargs)

    monkeypatch.setattr(merge, "_load_records", spy)
    ledger.ingest_paths(CORPUS[-1:])
    got = snapshot(ledger)
    monkeypatch.undo()
    with ledger.connect() as conn:
        total = conn.execute(select(func.count(func.distinct(t.mentions.c.record_id)))).scalar()
    assert loaded and len(set(loaded)) < total / 2, (len(set(loaded)), total)
    ledger.rebuild()
    assert snapshot(ledger) == got


def test_keys_of_another_matcher_version_force_a_full_rebuild(tmp_path, monkeypatch):
    """Stored keys made by other matching code cannot be trusted: the next ingest rebuilds all
    (and rewrites them) instead of merging through them."""
    from communique.ledger import merge

    ledger = open_ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.ingest_paths(CORPUS[:8])
    keys = match_keys(ledger)
    with ledger.engine.begin() as conn:
        conn.execute(t.ledger_meta.update().where(t.ledger_meta.c.key == merge.MATCH_KEYS_META)
                     .values(value="older"))
        conn.execute(t.match_keys.delete())
    calls = []
    monkeypatch.setattr(merge, "_rebuild_kind_touched", lambda *a, **k: calls.append(a) or {})
    ledger.ingest_paths(CORPUS[8:])
    assert not calls, "the ingest fell back to a full rebuild"
    assert len(match_keys(ledger)) > len(keys)
    with ledger.connect() as conn:
        assert get_meta(conn, merge.MATCH_KEYS_META) == merge.match_keys_version()
    got = snapshot(ledger)
    ledger.rebuild()
    assert snapshot(ledger) == got
