"""How fast does `communique --help` start, and what does a fresh process pay before its first
document is extracted? Medians of cold runs against the targets.

Prints the floor (`python -c pass`, the interpreter alone) beside `--help`, so a slow machine is not
mistaken for a slow CLI, and the same help without typer's rich panels (TYPER_USE_RICH=0), whose
import of rich's Markdown and syntax modules is a large share of the time. `--why` lists the
slowest imports (from `python -X importtime`) to show which module to import lazily.

`--first-doc` times, in fresh processes, the CPU (time.process_time: the interpreter's start-up
included) of importing the pipeline and extracting three shipped examples, one .txt (with pledges:
the rate tables load), one .html (trafilatura loads), one .md: what `communique extract one.txt`,
every `ingest --workers N` worker and every Ray worker pay once. `--base SRC` runs the same with
another source tree (e.g. a worktree of the start commit) in the same run, alternating, for a
fair comparison on a shared machine; `--instructions` also counts each tree's instructions under
valgrind, which load on the machine does not change. Python byte-code is cached (in a temporary
PYTHONPYCACHEPREFIX, warmed by one untimed run) as in an installed package, even when the
environment sets PYTHONDONTWRITEBYTECODE. Not a unit test: timings belong in a bench, not in CI.

    python3 bench/startup.py [--runs 5] [--why] [--first-doc [--base /tmp/base/src] [--instructions]]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = 300.0
#: import + the first three documents, CPU seconds (issue 6: a worker's start-up)
FIRST_DOC_TARGET_S = 0.6
_SRC = Path(__file__).resolve().parent.parent / "src"
_EXAMPLES = ("2024-01-30-transport-investors-forum.txt", "2023-10-24-20th-cooperation-council.html",
             "2025-04-04-samarkand-summit.md")
# Run in the child: CPU seconds after the imports and after each document, and at the end.
_CHILD = """
import sys, time
c = [time.process_time()]
from communique.pipeline import extract_document
from communique.read import read_path
c.append(time.process_time())
for p in sys.argv[1:]:
    extract_document(read_path(p))
    c.append(time.process_time())
print(" ".join(f"{x:.4f}" for x in c))
"""


def _time(cmd: list[str], runs: int, env: dict | None = None) -> list[float]:
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        out.append((time.perf_counter() - t0) * 1000)
        if proc.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed: {proc.stderr.decode(errors='replace')[-500:]}")
    return out


def _slowest_imports(n: int = 12) -> list[tuple[float, str]]:
    """Top-level packages imported by the CLI, by cumulative import time (ms)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", "from communique.cli import app"],
                          capture_output=True, text=True)
    best: dict[str, float] = {}
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _self_us, cum_us, name = (p.strip() for p in line.split(":", 1)[1].split("|"))
        if "." not in name:
            best[name] = max(best.get(name, 0.0), int(cum_us) / 1000)
    return sorted(((ms, name) for name, ms in best.items()), reverse=True)[:n]


def _first_doc_once(src: Path, env: dict) -> list[float]:
    """[interpreter start-up, import, .txt, .html, .md] CPU seconds of one fresh process."""
    docs = [str(_SRC / "communique" / "examples" / name) for name in _EXAMPLES]
    proc = subprocess.run([sys.executable, "-c", _CHILD, *docs], capture_output=True, text=True,
                          env={**env, "PYTHONPATH": str(src)})
    if proc.returncode != 0:
        sys.exit(f"first-document run with {src} failed: {proc.stderr[-800:]}")
    c = [float(x) for x in proc.stdout.split()]
    return [c[0]] + [b - a for a, b in zip(c, c[1:], strict=False)]


def _first_doc_instructions(src: Path, env: dict) -> float | None:
    """Instructions (G) of one fresh process importing and extracting the three documents, counted
    by valgrind (cachegrind, no cache simulation): the same on a loaded machine, unlike CPU time.
    None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    docs = [str(_SRC / "communique" / "examples" / name) for name in _EXAMPLES]
    proc = subprocess.run([valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                           sys.executable, "-c", _CHILD, *docs], capture_output=True, text=True,
                          env={**env, "PYTHONPATH": str(src)})
    found = [line for line in proc.stderr.splitlines() if "I" in line and "refs:" in line]
    if proc.returncode != 0 or not found:
        sys.exit(f"valgrind run with {src} failed: {proc.stderr[-800:]}")
    return int(found[0].split(":")[1].replace(",", "")) / 1e9


def first_doc(runs: int, base: Path | None, instructions: bool = False) -> None:
    """Print the median CPU cost of import + the first three documents, per tree (and with
    `instructions`, valgrind's count of one run of each)."""
    trees = [("this tree", _SRC)] + ([("base", base)] if base else [])
    with tempfile.TemporaryDirectory(prefix="communique-pyc-") as pyc:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = pyc
        for _, src in trees:
            _first_doc_once(src, env)  # writes the byte-code cache; not timed
        got: dict[str, list[list[float]]] = {name: [] for name, _ in trees}
        for _ in range(runs):
            for name, src in trees:  # alternated: load on the machine hits both alike
                got[name].append(_first_doc_once(src, env))
        counted = {name: _first_doc_instructions(src, env) for name, src in trees} if instructions else {}
    print(f"\nfirst document (CPU s, median of {runs} fresh processes; byte-code cached):")
    print(f"  {'tree':10s} {'start':>6s} {'import':>7s} {'.txt':>6s} {'.html':>6s} {'.md':>6s} {'total':>6s}")
    for name, _ in trees:
        cols = [statistics.median(r[i] for r in got[name]) for i in range(5)]
        total = statistics.median(sum(r) for r in got[name])
        print(f"  {name:10s} " + " ".join(f"{x:6.3f}" for x in cols) + f" {total:6.3f}"
              + (f"   target < {FIRST_DOC_TARGET_S} s" if name == "this tree" else ""))
    for name, n in counted.items():
        print(f"  {name:10s} {n:.3f} G instructions (valgrind, one run)" if n is not None
              else f"  {name:10s} (no valgrind: instructions not counted)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--why", action="store_true", help="list the slowest top-level imports")
    ap.add_argument("--first-doc", action="store_true",
                    help="also time import + the first .txt/.html/.md extraction in fresh processes")
    ap.add_argument("--base", type=Path, help="with --first-doc: another source tree to time beside")
    ap.add_argument("--instructions", action="store_true",
                    help="with --first-doc: also count instructions under valgrind (slow, load-proof)")
    args = ap.parse_args()

    script = shutil.which("communique")
    cli = [script, "--help"] if script else [sys.executable, "-m", "communique", "--help"]
    _time(cli, 1)  # warm the OS file cache once; each timed run is still a fresh interpreter
    floor = statistics.median(_time([sys.executable, "-c", "pass"], args.runs))
    runs = _time(cli, args.runs)
    median = statistics.median(runs)
    plain = statistics.median(_time(cli, args.runs, env={**os.environ, "TYPER_USE_RICH": "0"}))
    verdict = "OK" if median < TARGET_MS else "TOO SLOW"
    print(f"command:            {' '.join(cli)}")
    print(f"python -c pass:     {floor:6.0f} ms (floor, median of {args.runs})")
    print(f"communique --help:  {median:6.0f} ms (median of {args.runs}; runs: "
          f"{', '.join(f'{r:.0f}' for r in runs)})")
    print(f"target:             {TARGET_MS:6.0f} ms -> {verdict} "
          f"(communique's own share: {median - floor:.0f} ms)")
    print(f"  without rich help: {plain:5.0f} ms (TYPER_USE_RICH=0: the share of typer's rich help "
          f"panels is {median - plain:.0f} ms)")
    if args.why:
        print("\nslowest top-level imports of communique.cli (cumulative ms):")
        for ms, name in _slowest_imports():
            print(f"  {ms:7.1f}  {name}")
    if args.first_doc:
        first_doc(args.runs, args.base, args.instructions)
    sys.exit(0 if median < TARGET_MS else 1)


if __name__ == "__main__":
    main()
