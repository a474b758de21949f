"""Extraction and ingest throughput on a synthetic corpus, beside the floor, in one run.

Why: the issue's targets are relative to the hardware, so the floor (read the same files and run
one regex over them) is measured in the same run as extraction. Prints:

- floor docs/s; extraction docs/s (read + `extract_document`, one process) and its ratio to the
  floor; the steady rate (best CPU time of `--runs` more passes, start-up paid) beside it; peak
  RSS, and RSS after 10 % and 100 % of the documents (flat = streaming);
- when the ledger exists: ingest docs/s into SQLite (1 and 2 workers) and PostgreSQL
  (`PG_TEST_URL`, or a temporary server started like tests/conftest.py does);
- with `--ray`: `communique bulk` on a local 2-CPU Ray (with and without its start-up) and
  `load_parquet` of its output into SQLite;
- with `--pg-rates`: raw rows/s of statement-shaped rows into PostgreSQL, batched INSERT vs COPY;
- with `--profile`: the extraction hot spots (cProfile), by function and by module;
- with `--stages`: CPU share of each pipeline stage (read, each annotator, each interpreter, checks,
  conversion, model building), sampled with a CPU-time timer: no per-call overhead, unlike cProfile,
  which inflates small Python functions several times.

Usage: python bench/speed.py [--n 1000] [--seed 1] [--corpus DIR] [--runs 3] [--profile] [--stages]
       [--no-ingest] [--ray]
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import os
import pstats
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import write_corpus  # noqa: E402

REQUIRED, TARGET, FLOOR_RATIO = 100.0, 300.0, 20.0
#: The floor's one regex: a number followed by a scale word, a fair stand-in for "look at every byte".
FLOOR_RE = re.compile(r"\b\d[\d,.]*\s*(?:billion|million|bn|mln|percent|%)", re.I)


def rss_mb() -> float:
    """Current resident set size of this process in MB (Linux /proc)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1e3


def floor(paths: list[Path]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to read every file and run one regex over it."""
    t, c = time.perf_counter(), time.process_time()
    hits = 0
    for p in paths:
        hits += len(FLOOR_RE.findall(p.read_bytes().decode("utf-8", "replace")))
    return time.perf_counter() - t, time.process_time() - c


def extract_all(paths: list[Path], sample_rss: bool = True) -> tuple[float, float, float, list[float], int]:
    """(wall s, CPU s, wall s of the first document, RSS samples, records) — read + extract."""
    from communique.pipeline import extract_document
    from communique.read import read_path

    t0, c0 = time.perf_counter(), time.process_time()
    first = 0.0
    records = 0
    samples = []
    marks = {max(1, len(paths) // 10), len(paths)}
    for i, p in enumerate(paths, 1):
        ex = extract_document(read_path(p))
        records += sum(1 for _ in ex.records())
        if i == 1:
            first = time.perf_counter() - t0
        if sample_rss and i in marks:
            samples.append(rss_mb())
    return time.perf_counter() - t0, time.process_time() - c0, first, samples, records


def steady_cpu(paths: list[Path], runs: int) -> float:
    """Best CPU seconds of `runs` more passes of read + extract over `paths`, after the first pass
    (start-up paid): the per-document cost with the least interference from other processes (the
    machine is shared, and CPU time still grows with their cache and core contention)."""
    from communique.pipeline import extract_document
    from communique.read import read_path

    best = float("inf")
    for _ in range(runs):
        c = time.process_time()
        for p in paths:
            extract_document(read_path(p))
        best = min(best, time.process_time() - c)
    return best


def profile(paths: list[Path], top: int = 20, all_paths: list[Path] | None = None) -> None:
    from communique.pipeline import extract_document
    from communique.read import read_path

    # Warm up outside the profile on a few documents of each format that are not profiled: data
    # files, trafilatura's import and the FX tables load on first use, a one-off cost the extraction
    # line reports apart ("start-up"), which would otherwise count as per-document work here.
    warm: dict[str, int] = defaultdict(int)
    for p in reversed(all_paths if all_paths is not None else paths):
        if warm[p.suffix] < 3 and p not in paths:
            warm[p.suffix] += 1
            extract_document(read_path(p))
    extract_document(read_path(paths[0]))
    prof = cProfile.Profile()
    prof.enable()
    for p in paths:
        extract_document(read_path(p))
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())  # tottime over all functions
    print(f"\nprofile of {len(paths)} documents: {total:.2f} s of self time (under cProfile)")
    print(f"{'share':>6} {'self s':>7} {'cum s':>7}  function")
    rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    for (file, line, fn), (_cc, _nc, tt, ct, _callers) in rows:
        print(f"{tt / total:6.1%} {tt:7.2f} {ct:7.2f}  {_short(file)}:{line} {fn}")
    # C builtins (re, str methods) and stdlib helpers (re.escape, copy) are charged to the nearest
    # calling module of ours or of a library, so the table says where the time goes.
    by_module: dict[str, float] = defaultdict(float)

    def charge(key: tuple, amount: float, depth: int = 0) -> None:
        mod = _module(key[0])
        callers = stats.stats[key][4] if key in stats.stats else {}
        if not mod.startswith(("builtins", "stdlib/")) or not callers or depth > 6:
            by_module[mod] += amount
            return
        weight = sum(cv[2] for cv in callers.values()) or 1.0
        for ckey, cv in callers.items():
            charge(ckey, amount * cv[2] / weight, depth + 1)

    for key, v in stats.stats.items():
        charge(key, v[2])
    print(f"\n{'share':>6} {'self s':>7}  module (self time, builtins/stdlib charged to their caller)")
    for mod, tt in sorted(by_module.items(), key=lambda kv: kv[1], reverse=True)[:top]:
        print(f"{tt / total:6.1%} {tt:7.2f}  {mod}")


#: (function, communique module) called under a stage driver -> stage label, for `stage_of`
_FINDERS = {"find_meetings": "interpret: meetings", "find_events": "interpret: events",
            "interpret_amounts": "interpret: amounts", "find_agreements": "interpret: agreements",
            "enrich_pledges": "fx: pledge conversion", "check_document": "checks (document)",
            "_publication": "interpret: publication date"}


def stage_of(chain: list[tuple[str, str]]) -> str:
    """The pipeline stage a sampled call stack is in. `chain`: (function, file) of each frame,
    innermost first. Reading is split by format step; `Context.build` by the annotator it called
    (the shared openings pass is charged to the first annotator that reads it); the interpreters,
    checks and conversion by their entry points; the rest of `interpret` is building the records."""
    ours = [(fn, file.split("/communique/", 1)[1].removesuffix(".py")) for fn, file in reversed(chain)
            if "/communique/" in file]  # outermost first
    names = [fn for fn, _ in ours]
    mods = [m for _, m in ours]
    if "read_path" in names or "make_document" in names:
        if "read/html" in mods:
            return "read: HTML main text (trafilatura)"
        if "read/language" in mods:
            return "read: language"
        return "read: file, decode, document"
    if "build" in names and "interpret/context" in mods:
        i = names.index("build")
        if i + 1 < len(ours):
            fn, mod = ours[i + 1]
            return f"annotate: {mod.removesuffix('/__init__').rsplit('/', 1)[-1]}.{fn}"
        return "annotate: (Context.build)"
    for fn in names:
        if fn in _FINDERS:
            return _FINDERS[fn]
    if "interpret" in names:
        return "interpret: records as models"
    return "other"


def stages(paths: list[Path], passes: int = 2, interval: float = 0.0005) -> None:
    """Print each stage's share of extraction CPU time (`stage_of`), sampled every `interval`
    CPU-seconds (the kernel rounds it to its tick) over `passes` passes, warm."""
    import signal

    from communique.pipeline import extract_document
    from communique.read import read_path

    for p in paths[:20]:
        extract_document(read_path(p))
    counts: Counter = Counter()
    libs: Counter = Counter()

    def sample(_sig, frame) -> None:
        chain = []
        while frame is not None:
            chain.append((frame.f_code.co_name, frame.f_code.co_filename))
            frame = frame.f_back
        label = stage_of(chain)
        counts[label] += 1
        inner = chain[0][1] if chain else ""
        libs[(label, "pydantic" if "pydantic" in inner else "trafilatura/lxml" if
              any(x in inner for x in ("trafilatura", "lxml", "htmldate", "justext")) else "")] += 1

    old = signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, interval, interval)
    try:
        for _ in range(passes):
            for p in paths:
                extract_document(read_path(p))
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, old)
    total = sum(counts.values()) or 1
    print(f"\nstages: {total} CPU-time samples over {passes} x {len(paths)} documents "
          "(innermost frame in a library: its share in brackets)")
    for label, n in counts.most_common():
        lib = ", ".join(f"{k} {libs[(label, k)] / n:.0%}" for k in ("pydantic", "trafilatura/lxml")
                        if libs[(label, k)] / n >= 0.05)
        print(f"{n / total:6.1%}  {label}" + (f"  ({lib})" if lib else ""))


def _short(file: str) -> str:
    for marker in ("/src/communique/", "/site-packages/", "/lib/python3"):
        if marker in file:
            return file.split(marker, 1)[1]
    return file


def _module(file: str) -> str:
    if "/src/communique/" in file:
        return "communique/" + file.split("/src/communique/", 1)[1].removesuffix(".py")
    if "/site-packages/" in file:
        return file.split("/site-packages/", 1)[1].split("/", 1)[0]
    if file.startswith("~") or file.startswith("<"):
        return "builtins (C: re, str, …)"
    return "stdlib/" + Path(file).stem


# --- ledger ingest -------------------------------------------------------------------------------

@contextlib.contextmanager
def postgres() -> Iterator[str | None]:
    """PG_TEST_URL, or a throwaway server on 127.0.0.1 (as tests/conftest.py starts it), or None."""
    if os.environ.get("PG_TEST_URL"):
        yield os.environ["PG_TEST_URL"]
        return
    roots = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb")) if Path("/usr/lib/postgresql").is_dir() \
        else []
    if not roots:
        yield None
        return
    bindir = roots[-1].parent
    tmp = Path(tempfile.mkdtemp(prefix="communique-bench-pg-"))
    data, sock = tmp / "data", tmp / "sock"
    sock.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
        shutil.chown(sock, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    try:
        subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                        "-E", "UTF8", "--locale=C"], check=True, capture_output=True)
        opts = (f"-h 127.0.0.1 -p {port} -k {sock} -c fsync=off -c synchronous_commit=off "
                "-c full_page_writes=off")
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"),
                        "-w", "start"], check=True, capture_output=True)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (the pool workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def ingest(url: str, paths: list[Path], workers: int) -> tuple[float, float]:
    """(wall s, CPU s of this process and its workers) to ingest `paths` into a fresh ledger."""
    from communique.ledger import open_ledger

    ledger = open_ledger(url)
    try:
        t, c = time.perf_counter(), _cpu()
        ledger.ingest_paths([str(p) for p in paths], workers=workers)
        return time.perf_counter() - t, _cpu() - c
    finally:
        close = getattr(ledger, "close", None)
        if close:
            close()


def _have_ledger() -> bool:
    try:
        from communique.ledger import open_ledger  # noqa: F401
    except ImportError:
        return False
    return True


def ray_bulk(paths: list[Path], pg_url: str | None) -> None:
    """Ray Data path on a local Ray: the whole `run_bulk` call, then loading its Parquet into
    SQLite (and PostgreSQL when given), with the statement write rate and the rebuild apart."""
    from communique.bulk import run_bulk

    with tempfile.TemporaryDirectory(prefix="communique-speed-ray-") as d:
        t = time.perf_counter()
        import ray

        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        start = time.perf_counter() - t
        try:
            res = run_bulk([str(p) for p in paths], f"{d}/parquet", num_cpus=2)
        finally:
            ray.shutdown()
        size = sum(Path(f).stat().st_size for f in res.files)
        line("Ray Data bulk, local 2 CPUs", res.documents, res.seconds,
             f"  (+{start:.1f} s Ray start-up; {len(res.files)} files, "
             f"{size / res.documents:.0f} B/doc Parquet)")
        if not _have_ledger():
            return
        from communique.bulk import load_parquet
        from communique.ledger import open_ledger

        for label, url in (("SQLite", f"sqlite:///{d}/bulk.db"), ("PostgreSQL", pg_url)):
            if url is None:
                continue
            ledger = open_ledger(url)
            try:
                loaded = load_parquet(ledger, f"{d}/parquet", rebuild=False)
                t = time.perf_counter()
                ledger.rebuild()
                rebuild_s = time.perf_counter() - t
            finally:
                ledger.close()
            line(f"load_parquet into {label}", loaded.stored, loaded.seconds,
                 f"  {loaded.statements / loaded.seconds:.0f} statements/s "
                 f"({loaded.statements / max(1, loaded.stored):.0f} per doc); rebuild {rebuild_s:.1f} s")


def pg_rates(url: str, rows: int = 100_000) -> None:
    """Raw write rates of statement-shaped rows into PostgreSQL: batched INSERT vs COPY."""
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://")
    data = [(f"{i:064x}", "pledges", f"p{i % 5000:039d}", f"p{i % 5000:039d}", "amount",
             '{"v": 12000000000.0}', f"{i // 40:064x}", i % 3000, i % 3000 + 20, "0.1.0")
            for i in range(rows)]
    cols = "id, kind, record_id, canonical_id, prop, value, document_id, span_start, span_end, version"
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS bench_statements")
        conn.execute("CREATE TABLE bench_statements (id varchar(64) PRIMARY KEY, kind varchar(32), "
                     "record_id varchar(40), canonical_id varchar(40), prop varchar(64), value text, "
                     "document_id varchar(64), span_start int, span_end int, version varchar(32))")
        conn.execute("CREATE INDEX ON bench_statements (document_id)")
        t = time.perf_counter()
        with conn.cursor() as cur, conn.transaction():
            for i in range(0, rows // 2, 1000):
                cur.executemany(f"INSERT INTO bench_statements ({cols}) VALUES "
                                "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", data[i:i + 1000])
        many = rows // 2 / (time.perf_counter() - t)
        t = time.perf_counter()
        copy_sql = f"COPY bench_statements ({cols}) FROM STDIN"
        with conn.cursor() as cur, conn.transaction(), cur.copy(copy_sql) as cp:
            for row in data[rows // 2:]:
                cp.write_row(row)
        copy = (rows - rows // 2) / (time.perf_counter() - t)
        conn.execute("DROP TABLE bench_statements")
    print(f"{'PostgreSQL statement rows':<34} {many:9.0f} rows/s executemany (batches of 1000), "
          f"{copy:.0f} rows/s COPY")


def line(label: str, n: int, seconds: float, extra: str = "") -> None:
    print(f"{label:<34} {n / seconds:9.0f} docs/s  ({n} docs in {seconds:6.2f} s){extra}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", help="folder for the generated corpus (kept; default: a temp folder)")
    ap.add_argument("--runs", type=int, default=3,
                    help="extraction passes after the first; the best one's CPU time is the steady rate")
    ap.add_argument("--profile", action="store_true", help="also profile extraction (cProfile)")
    ap.add_argument("--profile-n", type=int, default=300)
    ap.add_argument("--stages", action="store_true",
                    help="also sample extraction CPU time by pipeline stage (low overhead)")
    ap.add_argument("--no-ingest", action="store_true", help="skip the ledger measurements")
    ap.add_argument("--workers", default="1,2", help="ingest worker counts to time on SQLite (e.g. 1,2)")
    ap.add_argument("--no-pg", action="store_true", help="skip the PostgreSQL ingest")
    ap.add_argument("--pg-rates", action="store_true", help="raw PostgreSQL INSERT vs COPY row rates")
    ap.add_argument("--ray", action="store_true", help="also time the Ray Data bulk path (local Ray)")
    args = ap.parse_args(argv)

    tmp = None
    out = Path(args.corpus) if args.corpus else Path(tmp := tempfile.mkdtemp(prefix="communique-speed-"))
    try:
        paths = write_corpus(out, args.n, args.seed)
        size = sum(p.stat().st_size for p in paths)
        mix = ", ".join(f"{n} {ext.lstrip('.')}" for ext, n in
                        sorted(Counter(p.suffix for p in paths).items(), key=lambda kv: -kv[1]))
        print(f"corpus: {len(paths)} documents ({mix}), seed {args.seed}, {size / len(paths):.0f} B/doc on "
              f"average, {out}")
        print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start "
              "(other processes share the cores: compare runs at similar load)")
        print(f"targets: >= {REQUIRED:.0f} docs/s required, >= {TARGET:.0f} docs/s per core target, "
              f"extraction within {FLOOR_RATIO:.0f}x of the floor\n")
        floor(paths)  # warm the page cache
        f_s, f_cpu = floor(paths)
        line("floor (read + one regex)", len(paths), f_s, f"  {len(paths) / f_cpu:.0f} docs/CPU-s")
        rss0 = rss_mb()
        x_s, x_cpu, first, samples, records = extract_all(paths)
        steady = (len(paths) - 1) / (x_s - first) if len(paths) > 1 else float("nan")
        ok = "OK" if len(paths) / x_s >= REQUIRED else "BELOW REQUIRED"
        per_core = len(paths) / x_cpu
        line("extraction (read + extract), 1 proc", len(paths), x_s,
             f"  {ok}; {per_core:.0f} docs/CPU-s: {'meets' if per_core >= TARGET else 'misses'} "
             "the per-core target")
        print(f"{'':<34} {steady:9.0f} docs/s  after the first document ({first:.2f} s start-up: "
              f"data files, imports)")
        ratio, cpu_ratio = x_s / f_s, x_cpu / f_cpu
        print(f"{'ratio to the floor':<34} {ratio:9.1f} x     "
              f"({'within' if ratio <= FLOOR_RATIO else 'OUTSIDE'} {FLOOR_RATIO:.0f}x; "
              f"{cpu_ratio:.1f} x in CPU time)")
        if args.runs > 0:
            best = steady_cpu(paths, args.runs)
            label = f"steady, best of {args.runs} more passes"
            print(f"{label:<34} {len(paths) / best:9.0f} docs/CPU-s "
                  f"({1000 * best / len(paths):.2f} ms/doc; {best / f_cpu:.1f} x the floor in CPU time; "
                  f"start-up {x_cpu - best:.2f} CPU-s)")
        print(f"{'records extracted':<34} {records:9d}       ({records / len(paths):.1f} per document)")
        print(f"{'RSS before / at 10% / at 100%':<34} {rss0:.0f} / {samples[0]:.0f} / {samples[-1]:.0f} MB; "
              f"peak {peak_mb():.0f} MB")

        if args.profile:
            # before the ingest runs: their garbage (a bigger heap, longer collections charged to
            # whatever function triggers them) would otherwise blur the extraction profile
            gc.collect()
            profile(paths[: args.profile_n], all_paths=paths)
            print()
        if args.stages:
            gc.collect()
            stages(paths)
            print()

        if not args.no_ingest:
            if not _have_ledger():
                print("\ningest: communique.ledger.open_ledger not available yet; skipped")
            else:
                print()
                with tempfile.TemporaryDirectory(prefix="communique-speed-db-") as d:
                    for workers in (int(w) for w in args.workers.split(",") if w.strip()):
                        s, cpu = ingest(f"sqlite:///{d}/w{workers}.db", paths, workers)
                        line(f"ingest SQLite, {workers} worker(s)", len(paths), s,
                             f"  {len(paths) / cpu:.0f} docs/CPU-s; peak RSS children "
                             f"{peak_mb(resource.RUSAGE_CHILDREN):.0f} MB")
                with contextlib.nullcontext(None) if args.no_pg else postgres() as url:
                    if url is None:
                        print("ingest PostgreSQL: skipped (--no-pg, or no server: install postgresql or set "
                              "PG_TEST_URL)")
                    else:
                        s, cpu = ingest(url, paths, 2)
                        line("ingest PostgreSQL, 2 workers", len(paths), s,
                             f"  {len(paths) / cpu:.0f} docs/CPU-s (client side)")
                print(f"{'peak RSS (this process)':<34} {peak_mb():9.0f} MB")

        print(f"load average {os.getloadavg()[0]:.1f} after the ingest runs")
        if args.ray or args.pg_rates:
            print()
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
            with contextlib.nullcontext(None) if args.no_pg else postgres() as url:
                if args.ray:
                    ray_bulk(paths, url)
                if args.pg_rates and url:
                    pg_rates(url)

    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
