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


def _chained_ledger(db_url):
    """Pledges whose amounts step ~1.1 % (their buckets overlap, so they share blocking keys in
    one chain, while only repeated amounts match), some dated, some not, some by another giver;
    and people sharing a surname key, some named by surname alone (weak: they join the one
    cluster that fits)."""
    import hashlib

    from communique.models import DocumentInfo, Extraction, Person, Pledge
    from communique.read import Document

    ledger = open_ledger(db_url)
    givers = ["European Union", "European Union", "European Commission", None]
    names = ["Ivan Petrov", "Petrov", "Anna Petrova", "Oleg Petrenko", "I. Petrov", "Pavel Petrenko"]
    for i in range(24):
        text = f"Document {i} about pledges and people."
        doc_id = hashlib.sha256(text.encode()).hexdigest()
        year = 2020 + i % 3
        pledges = [Pledge(by=givers[i % 4], amount=round(1e8 * 1.011 ** i), currency="EUR",
                          date=f"{year}-0{1 + i % 9}" if i % 3 else None, span=(0, 8))]
        if i % 4 == 0:  # the next document's amount, without giver or date: they match
            pledges.append(Pledge(amount=round(1e8 * 1.011 ** (i + 1)), currency="EUR", span=(0, 9)))
        people = [Person(name=names[i % len(names)], spans=[(9, 14)])]
        ex = Extraction(document=DocumentInfo(id=doc_id, source=f"d{i}.txt", published=f"{year}-10-01"),
                        pledges=pledges, people=people)
        ledger.store_extraction(Document(id=doc_id, text=text, source=f"d{i}.txt"), ex)
    return ledger


def test_a_chained_component_is_merged_in_parts(db_url, monkeypatch):
    """Records chained through shared blocking keys but matching only in small groups are merged
    in batches of those groups (`merge._refine_components`), with exactly the whole kind's
    result; a key too common to compare in the whole kind is skipped in a batch too."""
    ledger = _chained_ledger(db_url)
    for big in (2000, 2):  # 2: most pledge and people blocks are too common to compare
        monkeypatch.setattr(merge, "BIG_BLOCK", big)
        monkeypatch.setattr(merge, "BATCH_STATEMENTS", 10**9)
        ledger.rebuild()
        whole = snapshot(ledger)
        with ledger.connect() as conn:
            links = conn.execute(select(t.match_keys.c.record_id, t.match_keys.c.key)
                                 .where(t.match_keys.c.kind == "pledges")).all()
        calls = []
        real = merge._rebuild_kind

        def spy(*args, calls=calls, real=real, **kwargs):
            calls.append((args[1], len(args[2])))
            return real(*args, **kwargs)

        monkeypatch.setattr(merge, "BATCH_STATEMENTS", 0)
        monkeypatch.setattr(merge, "BATCH_RECORDS", 3)
        monkeypatch.setattr(merge, "_rebuild_kind", spy)
        ledger.rebuild()
        batched = snapshot(ledger)
        monkeypatch.setattr(merge, "_rebuild_kind", real)
        for table in whole:
            assert batched[table] == whole[table], f"{table} differ (BIG_BLOCK {big})"
        # the link component of the chain holds most pledges; no batch holds more than a few
        by_key: dict[str, set[str]] = {}
        for rid, key in links:
            by_key.setdefault(key, set()).add(rid)
        largest = max(len(v) for v in by_key.values())
        assert largest >= 2
        pledge_batches = [n for kind, n in calls if kind == "pledges"]
        assert len(pledge_batches) > 5 and max(pledge_batches) <= 4, pledge_batches
        merged = [r for r in batched["records"] if r["kind"] == "pledges" and r["n_members"] > 1]
        assert merged, "repeated amounts still merge"
    ledger.close()


def test_a_batch_skips_keys_too_common_in_the_whole_kind():
    """A batch may hold two records of a block that is too common in the whole kind (more than
    `BIG_BLOCK` strong records): given as `big`, its pairs are not compared there either."""
    from communique.ledger.matchers import MATCHERS, Seen, keys_of

    a = Seen("ple-a", "pledges", "d1", None, {"amount": [1e8], "currency": ["EUR"], "by": ["European Union"]})
    b = Seen("ple-b", "pledges", "d2", None, {"amount": [1e8], "currency": ["EUR"]})
    assert len(merge.cluster_kind("pledges", [a, b], [], {}, {})) == 1
    common = keys_of(MATCHERS["pledges"], a)
    assert len(merge.cluster_kind("pledges", [a, b], [], {}, {}, big=common)) == 2


def test_a_full_rebuild_with_workers_merges_some_kinds_in_another_process(db_url, monkeypatch):
    """`rebuild(workers=2)` merges some whole kinds in a forked process on its own connection,
    the parent writing what comes back: the same rows as one process, judgements included."""
    ledger = open_ledger(db_url)
    assert ledger.ingest_paths(CORPUS, rebuild=False).new == len(CORPUS)
    ledger.rebuild()
    people = query.records(ledger, "people", limit=None, order="label")["items"]
    ledger.judge("merge", people[0]["id"], other_id=people[-1]["id"], author="t", rebuild=False)
    ledger.judge("correct", people[1]["id"], prop="role", value="Envoy", author="t", rebuild=False)
    ledger.rebuild()
    one = snapshot(ledger)
    one["match_keys"] = _match_keys(ledger)
    chosen = []
    real = merge._other_process_kinds

    def spy(*args, **kwargs):
        chosen.append(real(*args, **kwargs))
        return chosen[-1]

    monkeypatch.setattr(merge, "PARALLEL_MIN_STATEMENTS", 0)
    monkeypatch.setattr(merge, "_other_process_kinds", spy)
    stats = ledger.rebuild(workers=2)
    two = snapshot(ledger)
    two["match_keys"] = _match_keys(ledger)
    ledger.close()
    assert chosen and chosen[0], "some kinds were merged in the other process"
    assert stats["records"] == len(two["records"])
    for table in one:
        assert two[table] == one[table], f"{table} differ"


def _match_keys(ledger) -> list[tuple]:
    mk = t.match_keys.c
    with ledger.connect() as conn:
        return [tuple(r) for r in conn.execute(select(mk.record_id, mk.key, mk.kind, mk.role)
                                               .order_by(mk.record_id, mk.key))]


def _repeated_ledger(db_url):
    """One pledge and one person reported by many documents (a few with another date, a stated
    dollar amount, a hedge, a programme or a role), beside a few others: a component larger than
    a batch made mostly of records with one signature."""
    import hashlib

    from communique.models import DocumentInfo, Extraction, Person, Pledge
    from communique.read import Document

    ledger = open_ledger(db_url)
    for i in range(40):
        text = f"Report {i} on the same pledge."
        doc_id = hashlib.sha256(text.encode()).hexdigest()
        pledge = Pledge(by="European Union", amount=12e9, currency="EUR", date="2024-05" if i % 7 else None,
                        amount_usd_stated=13e9 if i % 5 == 0 else None, hedged=i % 4 == 0,
                        program="Global Gateway" if i % 9 else None, span=(0, 8))
        other = Pledge(by="Japan", amount=3e6 + i, currency="JPY", span=(0, 9))
        pledges = [pledge, other] if i % 6 == 0 else [pledge]
        people = [Person(name="Kaja Kallas", role="High Representative" if i % 3 else "Vice-President",
                         spans=[(9, 14)])]
        published = f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}" if i % 8 else None
        ex = Extraction(document=DocumentInfo(id=doc_id, source=f"r{i}.txt", published=published),
                        pledges=pledges, people=people)
        ledger.store_extraction(Document(id=doc_id, text=text, source=f"r{i}.txt"), ex)
    return ledger


def test_a_large_merged_record_is_assembled_in_chunks(db_url, monkeypatch):
    """A link component larger than a batch is clustered from one record per signature, the
    others (ghosts) read and assembled a chunk at a time (`merge._Assembly`): the same rows as
    the whole kind, with a correction and a rejected value on the large record."""
    ledger = _repeated_ledger(db_url)
    monkeypatch.setattr(merge, "BATCH_STATEMENTS", 10**9)
    ledger.rebuild()
    with ledger.connect() as conn:
        r = t.records.c
        pledge, n = conn.execute(select(r.id, r.n_members).where(r.kind == "pledges")
                                 .order_by(r.n_members.desc())).first()
    assert n >= 30
    ledger.judge("correct", pledge, prop="purpose", value="connectivity", author="t", rebuild=False)
    with ledger.connect() as conn:
        s = t.statements.c
        sid = conn.execute(select(s.id).where(s.kind == "people", s.prop == "role").order_by(s.id)).scalar()
    ledger.judge("reject", sid, target_type="statement", author="t", rebuild=False)
    ledger.rebuild()
    whole = snapshot(ledger)

    calls = []
    real = merge._rebuild_kind

    def spy(*args, **kwargs):
        calls.append((args[1], len(args[2]), sum(len(g) for g in (kwargs.get("ghosts") or {}).values()),
                      kwargs.get("stream") is not None))
        return real(*args, **kwargs)

    monkeypatch.setattr(merge, "BATCH_STATEMENTS", 0)
    monkeypatch.setattr(merge, "BATCH_RECORDS", 5)
    monkeypatch.setattr(merge, "STREAM_RECORDS", 4)
    monkeypatch.setattr(merge, "_rebuild_kind", spy)
    ledger.rebuild()
    batched = snapshot(ledger)
    ledger.close()
    streamed = {kind: (loaded, ghosts) for kind, loaded, ghosts, stream in calls if stream}
    assert set(streamed) >= {"pledges", "people"}, calls
    assert streamed["pledges"][1] >= 25 and streamed["pledges"][0] < 15, streamed
    for table in whole:
        assert batched[table] == whole[table], f"{table} differ"


def test_flag_writer_keeps_the_last_flag_in_kind_order(tmp_path):
    """Ledger flags of a full rebuild are written as each kind makes them: of flags with one id
    the last in kind order gives the row, also for a kind merged in the other process, whose
    flags come after every other kind's (`late`)."""
    from datetime import UTC, datetime

    ledger = open_ledger(f"sqlite:///{tmp_path / 'f.db'}")

    def flag(rid):
        return {"kind": "sources disagree", "message": "X: sources disagree on date", "record_ids": [rid]}

    def stored(conn):
        return conn.execute(select(t.flags.c.record_ids)).scalars().all()

    with ledger.engine.begin() as conn:
        writer = merge._FlagWriter(conn, datetime.now(UTC))
        rows = [flag("org-1"), flag("org-2")]
        writer.write(rows)
        assert rows == [] and stored(conn) == ['["org-2"]']
        writer.write([flag("ple-1")])
        assert stored(conn) == ['["ple-1"]']
        writer.write([flag("mee-1")], late="meetings")  # merged elsewhere, before pledges in order
        assert stored(conn) == ['["ple-1"]']
        writer.write([flag("quo-1")], late="quotes")  # after pledges
        assert stored(conn) == ['["quo-1"]'] and writer.count() == 1
    ledger.close()


def test_published_map_and_packed_ids():
    """The compact maps of a full rebuild: document id → publication date (hex ids packed, others
    and ids sharing their first 16 digits kept whole) and a kind's ids packed in one buffer."""
    from bisect import bisect_left

    from sqlalchemy import create_engine

    from communique.ledger import schema

    engine = create_engine("sqlite://")
    schema.metadata.create_all(engine)
    same = "ab" * 8
    docs = {same + "0" * 48: "2024-01-02", same + "1" * 48: "2024-01-03", "c" * 64: None, "doc-1": "2023",
            "f" * 64: "2024-01-02"}
    with engine.begin() as conn:
        now = __import__("datetime").datetime.now()
        conn.execute(schema.documents.insert(), [
            {"id": k, "published": v, "text": "", "extractor_version": "x", "ingested_at": now,
             "updated_at": now} for k, v in docs.items()])
        pub = merge._Published.load(conn)
    for k, v in docs.items():
        assert pub.get(k, merge.NO_DOCUMENT).published == v
    assert pub.get("e" * 64, merge.NO_DOCUMENT) is merge.NO_DOCUMENT
    assert len(pub) == len(docs) and len(pub.other) == 3  # two sharing 16 digits, one not hex

    ids = merge._Ids()
    for rid in ("ple-a", "ple-b", "ple-c"):
        ids.append(rid)
    assert ids.items is None and len(ids) == 3 and ids[1] == "ple-b" and ids[-1] == "ple-c"
    assert bisect_left(ids, "ple-b") == 1
    ids.append("ple-longer")
    assert ids.items == ["ple-a", "ple-b", "ple-c", "ple-longer"] and ids[3] == "ple-longer"
