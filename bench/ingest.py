"""Ledger ingest throughput: extraction alone beside ingest into SQLite (1 and 2 workers) and
PostgreSQL, in one run, on >= 2,000 generated documents.

Why: the ledger's cost is what ingest adds to extraction (reading, hashing, statements, the
transactional writes, the merge rebuild), so both are measured on the same documents in the same
run; "store only" isolates the database writes from extraction. Documents come from
`bench/corpus.py` (our own templates). PostgreSQL is `PG_TEST_URL` or a throwaway local server
started as tests/conftest.py does (`bench/speed.py: postgres`).

The "N ingests" rows ingest the same documents in N successive runs, each followed by a full
rebuild (what every ingest used to do) or by the incremental merge an ingest does now.

`--grow 10000,500` ingests 10,000 documents, then 500 more, and prints the CPU time per document
of the incremental merge the second ingest runs (what a growing ledger pays per new document) and
the peak RSS.

`--rss 10000,100000` instead prints, for each size, the writer's peak RSS after the ingest (and the
largest worker's) and after the merge rebuild, with their CPU seconds, each size in a fresh process
(2 workers, SQLite), and all sizes again as one table at the end: streaming means the first
stays flat with corpus size (it plateaus once SQLite's 64 MB page cache is full); the rebuild
merges a large kind in batches of whole components and checks figures by (unit, period) batches,
so it holds one batch of records, plus a few bytes per record id for the batching; a merged record
larger than a batch (one pledge reported by thousands of documents) is clustered from one record
per signature and assembled from chunks of its members, and ledger flags are written as made.

`--store N DB` ingests the first N documents of `--corpus` into the SQLite file DB without the
rebuild (a stored ledger to rebuild again and again); `--rebuild DB` rebuilds that file in place
(give it a copy) in this process, sampling RSS per phase (each batched or whole kind, the checks),
and prints peak RSS, CPU seconds and the phase peaks as one JSON line (`--cache-mb M`: with an M MB
SQLite page cache on the rebuild connection instead of ledger/db.py's `REBUILD_CACHE_MB`);
`--compare A.db B.db` compares every derived table of two rebuilt copies row by row (timestamps
left out). Run two `--rebuild`s of copies of one stored ledger side by side (two builds,
`PYTHONPATH` each) and compare: the same-minutes A/B of docs/scale.md.

Usage: python bench/ingest.py [--n 2000] [--seed 7] [--corpus DIR] [--no-pg] [--batches 10]
       python bench/ingest.py --rss 1000,10000 [--corpus DIR] [--workers 2]
       python bench/ingest.py --grow 10000,500 [--corpus DIR]
       python bench/ingest.py --store 30000 /tmp/s30k.db --corpus DIR
       python bench/ingest.py --rebuild /tmp/copy.db [--cache-mb 16]
       python bench/ingest.py --compare A.db B.db
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))


def _fresh_pg_db(server_url: str, name: str) -> str:
    import psycopg

    plain = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"


def run_ingest(url: str, paths: list[Path], workers: int) -> dict:
    from communique.ledger import open_ledger

    ledger = open_ledger(url)
    t, c, k = time.perf_counter(), time.process_time(), _children_cpu()
    s = ledger.ingest_paths([str(p) for p in paths], workers=workers, rebuild=False)
    stored, stored_cpu, workers_cpu = time.perf_counter() - t, time.process_time() - c, _children_cpu() - k
    t, c, k = time.perf_counter(), time.process_time(), _children_cpu()
    stats = ledger.rebuild(workers=workers)  # as `ingest --workers N` runs it after the first ingest
    rebuilt, rebuilt_cpu = time.perf_counter() - t, time.process_time() - c + _children_cpu() - k
    ledger.close()
    assert s.new == len(paths) and not s.failed, s.as_dict()
    return {"docs": len(paths), "ingest_s": stored, "rebuild_s": rebuilt, "rebuild_cpu": rebuilt_cpu,
            "ingest_cpu": stored_cpu, "workers_cpu": workers_cpu,
            "statements": s.statements, "records": stats["records"]}


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (an ingest's pool workers, once joined)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_batches(url: str, paths: list[Path], batches: int, incremental: bool) -> dict:
    """Ingest in `batches` successive runs, each followed by the rebuild an ingest does (incremental)
    or by a full `rebuild()` (what every ingest did before): the cost of keeping a ledger current."""
    from communique.ledger import open_ledger

    ledger = open_ledger(url)
    size = -(-len(paths) // batches)
    t = time.perf_counter()
    last = 0.0
    for i in range(0, len(paths), size):
        t1 = time.perf_counter()
        if incremental:
            ledger.ingest_paths([str(p) for p in paths[i:i + size]])
        else:
            ledger.ingest_paths([str(p) for p in paths[i:i + size]], rebuild=False)
            ledger.rebuild()
        last = time.perf_counter() - t1
    took = time.perf_counter() - t
    ledger.close()
    return {"docs": len(paths), "seconds": took, "last_batch_s": last}


def run_store_only(url: str, pairs: list) -> tuple[float, float, float]:
    """Store ready extractions (rows, statements, writes), then the full rebuild: (store wall
    seconds, store CPU seconds, rebuild CPU seconds) — the ledger's own cost without extraction."""
    from communique.ledger import open_ledger

    ledger = open_ledger(url)
    t, c = time.perf_counter(), time.process_time()
    ledger.store_extractions(pairs, batch=64)
    took, cpu = time.perf_counter() - t, time.process_time() - c
    c = time.process_time()
    ledger.rebuild()
    rebuild_cpu = time.process_time() - c
    ledger.close()
    return took, cpu, rebuild_cpu


def _peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def _children_peak_mb() -> float:
    """Peak RSS of the largest finished child of this process (an ingest's pool worker)."""
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1e3


def rss_child(corpus: str, n: int, workers: int, db: str) -> None:
    """In a fresh process: ingest the first `n` documents of `corpus`, then rebuild; print peaks
    (the last line is JSON for `rss_sizes`)."""
    import json

    from communique.ledger import open_ledger

    paths = sorted(str(p) for p in Path(corpus).rglob("doc-*"))[:n]
    ledger = open_ledger(f"sqlite:///{db}")
    t, c, k = time.perf_counter(), time.process_time(), _children_cpu()
    s = ledger.ingest_paths(paths, workers=workers, rebuild=False)
    took, ingest_cpu, workers_cpu = time.perf_counter() - t, time.process_time() - c, _children_cpu() - k
    ingest_peak = _peak_mb()
    t, c = time.perf_counter(), time.process_time()
    stats = ledger.rebuild()
    rebuilt, rebuild_cpu = time.perf_counter() - t, time.process_time() - c
    worker_peak = _children_peak_mb()
    print(f"{n:>7,} documents: ingest {n / took:5.0f} docs/s, writer peak RSS {ingest_peak:5.0f} MB "
          f"(largest worker {worker_peak:.0f} MB); rebuild {rebuilt:5.0f} s, {rebuild_cpu:.0f} CPU-s, "
          f"peak {_peak_mb():5.0f} MB ({stats['records']:,} records, {s.statements:,} statements)",
          flush=True)
    print(json.dumps({"docs": n, "ingest_peak_mb": round(ingest_peak), "worker_peak_mb": round(worker_peak),
                      "ingest_cpu": round(ingest_cpu + workers_cpu, 1), "rebuild_peak_mb": round(_peak_mb()),
                      "rebuild_cpu": round(rebuild_cpu, 1)}), flush=True)
    ledger.close()


def grow_child(corpus: str, base: int, more: int, db: str) -> None:
    """In a fresh process: ingest `base` documents (full rebuild), then `more` documents and the
    incremental merge an ingest runs; print what that merge costs and the peak RSS."""
    from communique.ledger import open_ledger
    from communique.ledger.store import now

    paths = sorted(str(p) for p in Path(corpus).rglob("doc-*"))[:base + more]
    ledger = open_ledger(f"sqlite:///{db}")
    ledger.ingest_paths(paths[:base], workers=2)
    before = _peak_mb()
    started = now()
    ledger.ingest_paths(paths[base:], rebuild=False)
    touched = ledger._stored_since(started)
    t, c = time.perf_counter(), time.process_time()
    stats = ledger.rebuild(touched=touched)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    print(f"{more:,} documents into a ledger of {base:,}: merge rebuild {1000 * cpu / more:.1f} CPU-ms/doc "
          f"({wall:.1f} s wall, {stats.get('rewritten', 0):,} records rewritten); "
          f"peak RSS {_peak_mb():.0f} MB (after the first {base:,}: {before:.0f} MB)", flush=True)
    ledger.close()


def store_only(corpus: str, n: int, db: str) -> None:
    """Ingest the first `n` documents of `corpus` into SQLite `db` (2 workers), without the rebuild."""
    from communique.ledger import open_ledger

    paths = sorted(str(p) for p in Path(corpus).rglob("doc-*"))[:n]
    if len(paths) != n:
        sys.exit(f"{corpus}: {len(paths)} documents, not {n}")
    ledger = open_ledger(f"sqlite:///{db}")
    t, c, k = time.perf_counter(), time.process_time(), _children_cpu()
    s = ledger.ingest_paths(paths, workers=2, rebuild=False)
    took, cpu, workers_cpu = time.perf_counter() - t, time.process_time() - c, _children_cpu() - k
    print(f"stored {n:,} documents ({s.statements:,} statements) in {took:.0f} s; CPU-s writer {cpu:.0f} "
          f"+ workers {workers_cpu:.0f}; peak RSS writer {_peak_mb():.0f} MB, "
          f"largest worker {_children_peak_mb():.0f} MB", flush=True)
    ledger.close()


def rebuild_phases(db: str, cache_mb: int | None = None) -> None:
    """Rebuild SQLite `db` in place, sampling RSS every 20 ms under the phase running (each kind,
    batched or whole; the documents' sources; the checks; certainty); print one JSON line. With
    `cache_mb`, the rebuild connection's page cache is that many MB (ledger/db.py `REBUILD_CACHE_MB`
    is put back after)."""
    import json
    import threading

    import communique.checks.ledger as checks
    import communique.ledger.merge as merge
    import communique.ledger.review as review
    from communique.ledger import open_ledger

    phase, peaks, stop = ["start"], {}, threading.Event()

    def rss() -> float:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) / 1024 for line in f if line.startswith("VmRSS"))

    def sample() -> None:
        while not stop.is_set():
            r, p = rss(), phase[0]
            peaks[p] = max(peaks.get(p, 0), r)
            time.sleep(0.02)

    undo = []

    def wrap(mod, name: str, label) -> None:
        real = getattr(mod, name)

        def timed(*a, **k):
            old, phase[0] = phase[0], label(a) if callable(label) else label
            try:
                return real(*a, **k)
            finally:
                phase[0] = old
        setattr(mod, name, timed)
        undo.append((mod, name, real))

    import communique.ledger.db as ledger_db

    undo.append((ledger_db, "REBUILD_CACHE_MB", ledger_db.REBUILD_CACHE_MB))
    if cache_mb is not None:  # the rebuild connection's SQLite page cache
        ledger_db.REBUILD_CACHE_MB = cache_mb
    wrap(merge, "_rebuild_kind_batched", lambda a: "batched:" + a[1])
    wrap(merge, "_merge_whole_kind", lambda a: "whole:" + a[1])
    wrap(merge, "load_documents", "load_documents")
    wrap(checks, "run_checks", "checks")
    wrap(review, "store_certainty", "certainty")
    threading.Thread(target=sample, daemon=True).start()
    try:
        ledger = open_ledger(f"sqlite:///{db}")
        phase[0] = "other"
        t, c = time.perf_counter(), time.process_time()
        stats = ledger.rebuild()
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        ledger.close()
    finally:
        stop.set()
        for mod, name, real in reversed(undo):  # a caller's process (a test) gets them back
            setattr(mod, name, real)
    print(json.dumps({"wall": round(wall, 1), "cpu": round(cpu, 1), "peak_mb": round(_peak_mb() * 1e3 / 1024),
                      "cache_mb": ledger_db.REBUILD_CACHE_MB if cache_mb is None else cache_mb,
                      "records": stats["records"], "phases": {k: round(v) for k, v in peaks.items()}}))


def compare(a_db: str, b_db: str) -> bool:
    """Every derived table (and the canonical ids of statements and mentions) of two rebuilt
    SQLite ledgers, row by row in id order, timestamps left out; prints a line a table."""
    import hashlib
    import sqlite3
    from itertools import zip_longest

    tables = {"records": "id", "merges": "id", "stage_history": "id", "flags": "id",
              "match_keys": "record_id, key", "statements": "id", "mentions": "id", "judgements": "id",
              "ledger_meta": "key", "documents": "id"}
    skip = {"updated_at", "created_at", "ingested_at"}
    a, b = sqlite3.connect(a_db), sqlite3.connect(b_db)
    same = True
    for table, order in tables.items():
        cols = ["id"] if table == "documents" else \
            [r[1] for r in a.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
        q = f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}"
        h, n, bad = hashlib.sha256(), 0, 0
        for ra, rb in zip_longest(a.execute(q), b.execute(q)):
            n += 1
            h.update(repr(ra).encode())
            if ra != rb:
                bad += 1
                if bad <= 3:
                    print(f"  {table} differs:\n    {ra!r:.600}\n    {rb!r:.600}")
        same = same and not bad
        said = "identical" if not bad else f"{bad:,} DIFFERENT"
        print(f"{table:14} rows {n:>10,}  {said}  {h.hexdigest()[:12]}")
    print("ALL IDENTICAL" if same else "MISMATCH")
    return same


def rss_sizes(sizes: list[int], corpus: Path, seed: int, workers: int) -> list[dict]:
    """Peak RSS of the ingest (writer, largest worker) and of the rebuild after it for each size,
    each in a fresh process, printed as each ends and again as one table at the end."""
    import json
    import subprocess

    from bench.corpus import write_corpus

    write_corpus(corpus, max(sizes), seed=seed)
    out = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix="communique-bench-rss-") as d:
            child = [sys.executable, __file__, "--rss-child", f"{corpus},{n},{workers},{d}/l.db"]
            run = subprocess.run(child, check=True, stdout=subprocess.PIPE, text=True)
        lines = run.stdout.strip().splitlines()
        print("\n".join(lines[:-1]), flush=True)
        out.append(json.loads(lines[-1]))
    print(f"\npeak RSS by corpus size (SQLite, {workers} workers, seed {seed}; a fresh process each)")
    print(f"{'documents':>10} {'ingest writer':>14} {'worker':>8} {'ingest CPU-s':>13} {'rebuild':>9} "
          f"{'rebuild CPU-s':>14}")
    for r in out:
        print(f"{r['docs']:>10,} {r['ingest_peak_mb']:>11} MB {r['worker_peak_mb']:>5} MB "
              f"{r['ingest_cpu']:>13} {r['rebuild_peak_mb']:>6} MB {r['rebuild_cpu']:>14}")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", help="Folder for the generated documents (default: a temp folder).")
    ap.add_argument("--no-pg", action="store_true", help="Skip PostgreSQL.")
    ap.add_argument("--batches", type=int, default=10, help="Successive ingests for the incremental rows.")
    ap.add_argument("--rss", help="Sizes (e.g. 1000,10000): peak RSS of ingest and rebuild per size.")
    ap.add_argument("--workers", type=int, default=2, help="Ingest workers for --rss.")
    ap.add_argument("--grow", help="BASE,MORE (e.g. 10000,500): the incremental merge of MORE documents "
                                   "ingested into a ledger of BASE, in a fresh process.")
    ap.add_argument("--store", nargs=2, metavar=("N", "DB"),
                    help="Ingest N documents of --corpus into SQLite DB without the rebuild.")
    ap.add_argument("--rebuild", metavar="DB", help="Rebuild SQLite DB in place; peak RSS per phase.")
    ap.add_argument("--cache-mb", type=int, help="SQLite page cache (MB) of the --rebuild connection.")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"), help="Derived tables of two rebuilt ledgers.")
    ap.add_argument("--rss-child", help=argparse.SUPPRESS)
    ap.add_argument("--grow-child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.store:
        if not args.corpus:
            sys.exit("--store needs --corpus")
        store_only(args.corpus, int(args.store[0]), args.store[1])
        return
    if args.rebuild:
        rebuild_phases(args.rebuild, args.cache_mb)
        return
    if args.compare:
        sys.exit(0 if compare(*args.compare) else 1)
    if args.grow_child:
        corpus, base, more, db = args.grow_child.rsplit(",", 3)
        grow_child(corpus, int(base), int(more), db)
        return
    if args.rss_child:
        corpus, n, workers, db = args.rss_child.rsplit(",", 3)
        rss_child(corpus, int(n), int(workers), db)
        return
    if args.grow:
        import subprocess

        from bench.corpus import write_corpus

        base, more = (int(x) for x in args.grow.split(","))
        corpus = Path(args.corpus) if args.corpus else Path(tempfile.mkdtemp(prefix="communique-grow-")) / "c"
        write_corpus(corpus, base + more, seed=args.seed)
        with tempfile.TemporaryDirectory(prefix="communique-bench-grow-") as d:
            subprocess.run([sys.executable, __file__, "--grow-child", f"{corpus},{base},{more},{d}/l.db"],
                           check=True)
        return
    if args.rss:
        corpus = Path(args.corpus) if args.corpus else Path(tempfile.mkdtemp(prefix="communique-rss-")) / "c"
        rss_sizes([int(x) for x in args.rss.split(",")], corpus, args.seed, args.workers)
        return

    from bench.corpus import write_corpus

    from communique.pipeline import extract_document
    from communique.read.inputs import iter_documents

    work = Path(tempfile.mkdtemp(prefix="communique-bench-ingest-"))
    corpus = Path(args.corpus) if args.corpus else work / "corpus"
    t = time.perf_counter()
    paths = write_corpus(corpus, args.n, seed=args.seed)
    print(f"corpus: {len(paths)} documents in {corpus} ({time.perf_counter() - t:.1f} s)")

    t, c = time.perf_counter(), time.process_time()
    docs = [d for d in iter_documents([str(p) for p in paths])]
    pairs = [(d, extract_document(d)) for d in docs]
    extract_s, extract_cpu = time.perf_counter() - t, time.process_time() - c
    rows = [("extraction alone (read + extract, 1 process)", len(docs) / extract_s,
             f"{len(docs) / extract_cpu:,.0f} docs per CPU-second")]

    for workers in (1, 2):
        r = run_ingest(f"sqlite:///{work / f'w{workers}.db'}", paths, workers)
        total = r["ingest_s"] + r["rebuild_s"]
        rows.append((f"ingest into SQLite, {workers} worker{'s' if workers > 1 else ''}",
                     r["docs"] / r["ingest_s"],
                     f"{r['docs'] / total:,.0f} docs/s with the merge rebuild ({r['rebuild_s']:.1f} s, "
                     f"{r['rebuild_cpu']:.1f} CPU-s); {r['statements']:,} statements, "
                     f"{r['records']:,} records"))
        ms = 1000 / r["docs"]
        rows.append(("  CPU per document (ms)", 0.0,
                     f"ingest {ms * r['ingest_cpu']:.2f} in the writer + {ms * r['workers_cpu']:.2f} "
                     f"in workers, rebuild {ms * r['rebuild_cpu']:.2f}"))
    took, cpu, rebuild_cpu = run_store_only(f"sqlite:///{work / 'store.db'}", pairs)
    n = len(pairs)
    rows.append(("store only into SQLite (extractions ready)", n / took,
                 f"CPU per document: store {1000 * cpu / n:.2f} ms + rebuild {1000 * rebuild_cpu / n:.2f} ms "
                 f"= {1000 * (cpu + rebuild_cpu) / n:.2f} ms"))
    for incremental in ((False, True) if args.batches > 0 else ()):  # --batches 0 skips these rows
        db = work / f"batches{int(incremental)}.db"
        r = run_batches(f"sqlite:///{db}", paths, args.batches, incremental)
        how = "incremental merge" if incremental else "full rebuild"
        rows.append((f"SQLite, {args.batches} ingests, {how} after each", r["docs"] / r["seconds"],
                     f"last ingest {r['last_batch_s']:.1f} s"))

    if not args.no_pg:
        from bench.speed import postgres

        with postgres() as server:
            if server is None:
                rows.append(("PostgreSQL", 0.0, "not installed: skipped"))
            else:
                for workers in (1, 2):
                    url = _fresh_pg_db(server, f"bench_ingest_{workers}")
                    r = run_ingest(url, paths, workers)
                    total = r["ingest_s"] + r["rebuild_s"]
                    rows.append((f"ingest into PostgreSQL, {workers} worker{'s' if workers > 1 else ''}",
                                 r["docs"] / r["ingest_s"],
                                 f"{r['docs'] / total:,.0f} docs/s with the merge rebuild "
                                 f"({r['rebuild_s']:.1f} s)"))
                took, cpu, rebuild_cpu = run_store_only(_fresh_pg_db(server, "bench_store"), pairs)
                rows.append(("store only into PostgreSQL (extractions ready)", len(pairs) / took,
                             f"client CPU per document: store {1000 * cpu / len(pairs):.2f} ms + rebuild "
                             f"{1000 * rebuild_cpu / len(pairs):.2f} ms"))
                for incremental in ((False, True) if args.batches > 0 else ()):
                    r = run_batches(_fresh_pg_db(server, f"bench_batches_{int(incremental)}"), paths,
                                    args.batches, incremental)
                    how = "incremental merge" if incremental else "full rebuild"
                    rows.append((f"PostgreSQL, {args.batches} ingests, {how} after each",
                                 r["docs"] / r["seconds"], f"last ingest {r['last_batch_s']:.1f} s"))

    print()
    import os

    print(f"load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())} (1 / 5 / 15 min) at the end")
    for name, rate, note in rows:
        print(f"{name:<48} {rate:>8,.0f} docs/s  {note}" if rate else f"{name:<48} {'':>15}  {note}")


if __name__ == "__main__":
    main()
