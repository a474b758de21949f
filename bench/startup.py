"""How fast does `communique --help` start? Median of 5 cold runs against the 300 ms target.

Prints the floor (`python -c pass`, the interpreter alone) beside it, so a slow machine is not
mistaken for a slow CLI, and the same help without typer's rich panels (TYPER_USE_RICH=0), whose
import of rich's Markdown and syntax modules is a large share of the time. `--why` lists the
slowest imports (from `python -X importtime`) to show which module to import lazily. Not a unit
test: timings belong in a bench, not in CI.

    python3 bench/startup.py [--runs 5] [--why]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

TARGET_MS = 300.0


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--why", action="store_true", help="list the slowest top-level imports")
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
    sys.exit(0 if median < TARGET_MS else 1)


if __name__ == "__main__":
    main()
