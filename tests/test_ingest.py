"""Ingest: idempotent, resumable after SIGKILL, failures recorded, workers give the same ledger."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from communique.ledger import open_ledger

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "fixtures" / "ledger"))
import simple_extractor  # noqa: E402
from simple_extractor import boom, extract, generate  # noqa: E402


def snapshot(ledger) -> dict:
    """Everything that must not change when the same corpus is ingested again."""
    with ledger.connect() as conn:
        q = lambda sql: sorted(tuple(r) for r in conn.execute(text(sql)).all())  # noqa: E731
        return {
            "documents": q("SELECT id, source, published, extractor_version FROM documents"),
            "statements": q("SELECT id, record_id, canonical_id, prop, value FROM statements"),
            "mentions": q("SELECT id, canonical_id FROM mentions"),
            "records": q("SELECT id, kind, label, data, n_sources FROM records"),
            "merges": q("SELECT id, record_a, record_b, score FROM merges"),
            "flags": q("SELECT id FROM flags"),
        }


def test_ingest_is_idempotent(db_url, tmp_path):
    generate(tmp_path / "in", 30)
    ledger = open_ledger(db_url)
    first = ledger.ingest_paths([tmp_path / "in"], extractor=extract)
    assert first.new == 30 and first.unchanged == 0 and not first.failed
    before = snapshot(ledger)
    assert before["records"]
    again = ledger.ingest_paths([tmp_path / "in"], extractor=extract)
    assert again.new == 0 and again.updated == 0 and again.unchanged == 30
    assert snapshot(ledger) == before
    # the same text under another name is the same document
    (tmp_path / "copy.txt").write_text((tmp_path / "in" / "doc-00003.txt").read_text(encoding="utf-8"))
    dup = ledger.ingest_paths([tmp_path / "copy.txt"], extractor=extract)
    assert dup.unchanged == 1 and snapshot(ledger) == before


def test_globs_and_files(db_url, tmp_path):
    generate(tmp_path / "in", 6)
    ledger = open_ledger(db_url)
    s = ledger.ingest_paths([str(tmp_path / "in" / "doc-0000[0-2].txt"), tmp_path / "in" / "doc-00005.txt"],
                            extractor=extract)
    assert s.new == 4


def test_failures_recorded_and_batch_continues(db_url, tmp_path):
    folder = tmp_path / "in"
    generate(folder, 5)
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n this is not really a pdf \x00\x01")
    (folder / "bug.txt").write_text("BOOM: this text trips the extractor.", encoding="utf-8")
    missing = tmp_path / "nowhere.txt"
    ledger = open_ledger(db_url)
    s = ledger.ingest_paths([folder, missing], extractor=boom)
    assert s.new == 5
    failed = dict(s.failed)
    assert set(failed) == {str(folder / "empty.txt"), str(folder / "broken.pdf"), str(folder / "bug.txt"),
                           str(missing)}
    assert "empty" in failed[str(folder / "empty.txt")]
    assert "extraction failed" in failed[str(folder / "bug.txt")]
    with ledger.connect() as conn:
        rows = dict(conn.execute(text("SELECT path, reason FROM failures")).all())
    assert rows == failed
    # fixed later: the failure goes away, the rest is unchanged
    (folder / "bug.txt").write_text("Now a calm text with nothing to extract.", encoding="utf-8")
    s2 = ledger.ingest_paths([folder], extractor=boom)
    assert s2.new == 1 and s2.unchanged == 5
    with ledger.connect() as conn:
        paths = set(conn.execute(text("SELECT path FROM failures")).scalars())
    assert str(folder / "bug.txt") not in paths


def test_workers_give_the_same_ledger(tmp_path, db_url):
    generate(tmp_path / "in", 40)
    one = open_ledger(tmp_path / "one.db")
    one.ingest_paths([tmp_path / "in"], extractor=extract, workers=1)
    two = open_ledger(db_url)
    s = two.ingest_paths([tmp_path / "in"], extractor=extract, workers=2)
    assert s.new == 40
    assert snapshot(one) == snapshot(two)


def test_new_extractor_version_updates(db_url, tmp_path, monkeypatch):
    generate(tmp_path / "in", 4)
    ledger = open_ledger(db_url)
    ledger.ingest_paths([tmp_path / "in"], extractor=extract)
    import communique.ledger.store as store

    monkeypatch.setattr(store, "EXTRACTOR_VERSION", "9.9.9")
    s = ledger.ingest_paths([tmp_path / "in"], extractor=extract)
    assert s.updated == 4 and s.new == 0
    with ledger.connect() as conn:
        versions = set(conn.execute(text("SELECT DISTINCT extractor_version FROM statements")).scalars())
        n_docs = conn.execute(text("SELECT count(*) FROM documents")).scalar()
    assert versions == {"9.9.9"} and n_docs == 4


def test_reextract(db_url, tmp_path, monkeypatch):
    generate(tmp_path / "in", 5)
    ledger = open_ledger(db_url)
    ledger.ingest_paths([tmp_path / "in"], extractor=extract)
    before = snapshot(ledger)
    assert ledger.reextract(extractor=extract).updated == 0  # all at the current version
    import communique.ledger.store as store

    monkeypatch.setattr(store, "EXTRACTOR_VERSION", "9.9.9")
    s = ledger.reextract(extractor=extract)
    assert s.updated == 5
    after = snapshot(ledger)
    assert after["records"] == before["records"]  # same texts, same extractor rules → same records
    assert {r[0] for r in after["statements"]}.isdisjoint({r[0] for r in before["statements"]})


KILL_SCRIPT = """
import sys
sys.path.insert(0, {fixtures!r})
from simple_extractor import extract
from communique.ledger import open_ledger
ledger = open_ledger({db!r})
print("ready", flush=True)
ledger.ingest_paths([{folder!r}], extractor=extract, workers={workers})
print("done", flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_then_resume(db_url, tmp_path, workers):
    folder = tmp_path / "in"
    generate(folder, 400)
    script = KILL_SCRIPT.format(fixtures=str(HERE / "fixtures" / "ledger"), db=db_url, folder=str(folder),
                                workers=workers)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    assert proc.stdout.readline().strip() == "ready"
    ledger = open_ledger(db_url)
    deadline = time.time() + 60
    while time.time() < deadline:  # kill it mid-way, once some documents are in
        with ledger.connect() as conn:
            n = conn.execute(text("SELECT count(*) FROM documents")).scalar()
        if n >= 40:
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    with ledger.connect() as conn:
        docs = conn.execute(text("SELECT count(*) FROM documents")).scalar()
        orphans = conn.execute(text("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                                    "(SELECT 1 FROM statements s WHERE s.document_id = d.id)")).scalar()
    assert 0 < docs < 400, "the kill should land in the middle of the batch"
    assert orphans == 0  # every stored document came with all its statements
    s = ledger.ingest_paths([folder], extractor=extract)
    assert s.new == 400 - docs and s.unchanged == docs and not s.failed
    clean = open_ledger(tmp_path / "clean.db")
    clean.ingest_paths([folder], extractor=extract)
    assert snapshot(ledger) == snapshot(clean)


def test_simple_extractor_module_is_importable():
    assert simple_extractor.extract is extract


def test_progress_callback_and_summary(db_url, tmp_path):
    generate(tmp_path / "in", 5)
    (tmp_path / "in" / "empty.txt").write_text("", encoding="utf-8")
    seen = []
    ledger = open_ledger(db_url)
    s = ledger.ingest_paths([tmp_path / "in"], extractor=extract,
                            progress=lambda done, total, status, source: seen.append((done, total, status)))
    assert [d for d, _, _ in seen] == [1, 2, 3, 4, 5, 6] and {t for _, t, _ in seen} == {6}
    assert sorted(st for _, _, st in seen) == ["failed"] + ["new"] * 5
    d = s.as_dict()
    assert d["new"] == 5 and d["failed"][0]["reason"] and s.total == 6 and s.docs_per_second > 0
    assert d["statements"] > 0


def test_store_extractions_in_bulk(db_url, tmp_path):
    from communique.read.inputs import iter_documents

    paths = generate(tmp_path / "in", 12)
    pairs = [(doc, extract(doc)) for doc in iter_documents([str(p) for p in paths])]
    ledger = open_ledger(db_url)
    assert ledger.store_extractions(pairs, batch=5) == 12
    assert ledger.is_dirty()
    ledger.rebuild()
    bulk = snapshot(ledger)
    other = open_ledger(tmp_path / "one-by-one.db")
    for doc, ex in pairs:
        other.store_extraction(doc, ex)
    other.rebuild()
    assert snapshot(other) == bulk


def test_reextract_with_workers_equals_one_process(db_url, tmp_path, monkeypatch):
    generate(tmp_path / "in", 20)
    one, two = open_ledger(tmp_path / "one.db"), open_ledger(db_url)
    for ledger in (one, two):
        ledger.ingest_paths([tmp_path / "in"], extractor=extract)
    import communique.ledger.store as store

    monkeypatch.setattr(store, "EXTRACTOR_VERSION", "9.9.9")
    assert one.reextract(extractor=extract, workers=1).updated == 20
    s = two.reextract(extractor=boom, workers=2, batch=7)
    assert s.updated == 20 and not s.failed
    assert snapshot(one) == snapshot(two)


def _traced_peak(ledger, paths: list, batch: int = 8) -> tuple[int, object]:
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        summary = ledger.ingest_paths(paths, extractor=extract, batch=batch, rebuild=False)
        return tracemalloc.get_traced_memory()[1], summary
    finally:
        tracemalloc.stop()


def test_ingest_memory_is_bounded_by_the_batch_not_the_corpus(tmp_path):
    """Streaming: the writer holds one batch of rows, so a second run of the same size peaks no
    higher, and four times the documents in one run add far less per document than a document's
    rows in a batch cost (what is left is the list of input paths). tracemalloc counts Python
    allocations only, so SQLite's own page cache does not blur the comparison."""
    paths = [str(p) for p in sorted(generate(tmp_path / "in", 290))]
    ledger = open_ledger(f"sqlite:///{tmp_path / 'l.db'}")
    ledger.ingest_paths(paths[:10], extractor=extract, rebuild=False)  # imports, compiled statements
    small, s1 = _traced_peak(ledger, paths[10:50])
    same, s2 = _traced_peak(ledger, paths[50:90])
    wide, s3 = _traced_peak(ledger, paths[90:130], batch=40)
    large, s4 = _traced_peak(ledger, paths[130:290])
    assert [s.new + s.unchanged for s in (s1, s2, s3, s4)] == [40, 40, 40, 160]
    assert same <= small * 1.25 + 50_000, (small, same)
    per_batched_doc = (wide - small) / 32
    per_extra_doc = (large - small) / 120
    assert per_batched_doc > 1000, (small, wide)  # the measurement sees rows held in a batch
    assert per_extra_doc < per_batched_doc / 5, (small, large, wide)


def test_version_lookup_sees_later_commits_and_holds_no_snapshot(db_url, tmp_path):
    """A worker's lookup keeps one autocommit connection: it sees documents stored after it opened
    (a later batch of the same run), and between questions it holds no read transaction (on
    SQLite that would keep the writer's WAL from being checkpointed)."""
    from communique import EXTRACTOR_VERSION
    from communique.ledger import store
    from communique.read import Document

    generate(tmp_path / "in", 2)
    ledger = open_ledger(db_url)
    text_ = (tmp_path / "in" / "doc-00000.txt").read_text(encoding="utf-8")
    doc = Document(id="d" * 64, text=text_, source="a.txt")
    store._init_worker(db_url, None, extract, EXTRACTOR_VERSION)
    try:
        assert store._known_version(doc.id) is None
        ledger.store_extraction(doc, extract(doc))
        assert store._known_version(doc.id) == EXTRACTOR_VERSION
        if ledger.dialect == "sqlite":
            with ledger.connect() as conn:
                busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
            assert busy == 0
    finally:
        store._release_lookup()
    assert "ask" not in store._W
    # in-process ingest: the lookup opened on the ledger's engine is closed when the ingest ends
    s = ledger.ingest_paths([tmp_path / "in"], extractor=extract)
    assert s.new == 2 and "ask" not in store._W
    ledger.close()
