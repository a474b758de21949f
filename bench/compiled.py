"""Compile communique's hot pure-Python modules to C (Cython or mypyc) in a scratch copy, check the
output is identical, and measure the speed beside the pure package and the floor, in one run.

Why: ~55 % of extraction CPU is CPython running our rule code (byte-code, objects, dicts); compiling
the interpreters is the cheapest way to test how much of that a C translation removes without
rewriting them. Nothing here touches the source tree: the copy and the build live under `--build`
(default /tmp/communique-compiled), and each measurement runs in a child process whose PYTHONPATH
is either the pure `src/` or the compiled copy, alternating, so both see the same machine load.

Prints, per module: compile seconds, C source and .so sizes; then the identity check (every
document's records, as contract JSON, compared pure vs compiled: any difference fails the run); then
a table: floor, pure, compiled — docs per CPU-second (best of `--rounds` alternating rounds) and ratio
to the floor — and, with `--ir N`, instructions per document under valgrind (exact, load-independent).

Usage: python bench/compiled.py [--tool cython|mypyc] [--modules m1,m2] [--n 300] [--rounds 3]
       [--jobs 2] [--cflags "-O2 -g0"] [--ir 100] [--no-build] [--build DIR]
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: The hot modules measured by the stage profile in docs/scale.md (interpreters, annotators, segmenter).
HOT = [
    "interpret/amounts", "interpret/events", "interpret/agreements", "interpret/meetings",
    "interpret/context", "interpret/scan", "annotate/tokens", "annotate/dates", "annotate/money",
    "annotate/people", "segment/__init__",
]
SUFFIX = sysconfig.get_config_var("EXT_SUFFIX")

# --- build -----------------------------------------------------------------------------------------

_SETUP = """
import sys
from setuptools import setup
from Cython.Build import cythonize
typed = sys.argv.pop(1) == "typed"
setup(ext_modules=cythonize(sys.argv.pop(1), language_level=3, quiet=True,
                            compiler_directives={"annotation_typing": typed}), script_args=sys.argv[1:])
"""


def copy_tree(src: Path, build: Path) -> Path:
    """A fresh copy of `src/communique` under build/src, without caches or old builds."""
    dst = build / "src"
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src / "communique", dst / "communique",
                    ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.c", "build"))
    return dst


def cython_one(dst: Path, module: str, cflags: str, typed: bool = False) -> dict:
    """Cythonize and compile one module in place; its timing and sizes.

    Annotations are not used as C types unless `typed`: Cython then enforces them (a `list[...]`
    parameter refuses a tuple default, a `float` becomes a C double), which changes behaviour where
    a hint is loose; untyped, the compiled module means exactly what the Python one does."""
    py = dst / "communique" / f"{module}.py"
    env = {**os.environ, "CFLAGS": cflags}
    with tempfile.TemporaryDirectory(prefix="communique-cy-") as tmp:
        setup = Path(tmp) / "setup_one.py"
        setup.write_text(_SETUP)
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, str(setup), "typed" if typed else "untyped",
                               str(py.relative_to(dst)), "build_ext", "--inplace",
                               "--build-temp", tmp], cwd=dst, env=env, capture_output=True, text=True)
        seconds = time.perf_counter() - t
    so = py.with_name(py.stem + SUFFIX)
    ok = proc.returncode == 0 and so.exists()
    return {"module": module, "seconds": seconds, "ok": ok,
            "c_kb": py.with_suffix(".c").stat().st_size / 1e3 if py.with_suffix(".c").exists() else 0.0,
            "so_kb": so.stat().st_size / 1e3 if so.exists() else 0.0,
            "error": "" if ok else (proc.stderr or proc.stdout)[-2000:]}


def mypyc_all(dst: Path, modules: list[str], cflags: str) -> list[dict]:
    """mypyc compiles its modules as one group (one shared library); one timing for all of them."""
    files = [str(Path("communique") / f"{m}.py") for m in modules]
    env = {**os.environ, "CFLAGS": cflags, "MYPYC_OPT_LEVEL": env_opt(cflags)}
    t = time.perf_counter()
    proc = subprocess.run(["mypyc", "--ignore-missing-imports", *files], cwd=dst, env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - t
    ok = proc.returncode == 0
    rows = []
    for m in modules:
        so = dst / "communique" / f"{m}{SUFFIX}"
        rows.append({"module": m, "seconds": seconds / len(modules), "ok": ok and so.exists(), "c_kb": 0.0,
                     "so_kb": so.stat().st_size / 1e3 if so.exists() else 0.0,
                     "error": "" if ok else (proc.stdout + proc.stderr)[-3000:]})
    group = sorted(dst.glob(f"*__mypyc{SUFFIX}"))
    if group:
        rows.append({"module": f"(shared {group[0].name})", "seconds": 0.0, "ok": ok, "c_kb": 0.0,
                     "so_kb": group[0].stat().st_size / 1e3, "error": ""})
    return rows


def env_opt(cflags: str) -> str:
    m = re.search(r"-O(\d)", cflags)
    return m.group(1) if m else "3"


def build(src: Path, build_dir: Path, tool: str, modules: list[str], jobs: int, cflags: str,
          typed: bool = False) -> Path:
    dst = copy_tree(src, build_dir)
    t = time.perf_counter()
    if tool == "mypyc":
        rows = mypyc_all(dst, modules, cflags)
    else:
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            rows = list(pool.map(lambda m: cython_one(dst, m, cflags, typed), modules))
    wall = time.perf_counter() - t
    print(f"{'module':<28} {'compile s':>9} {'C kB':>8} {'.so kB':>8}")
    for r in rows:
        print(f"{r['module']:<28} {r['seconds']:9.1f} {r['c_kb']:8.0f} {r['so_kb']:8.0f}"
              + ("" if r["ok"] else "  FAILED"))
    print(f"{'total':<28} {sum(r['seconds'] for r in rows):9.1f} "
          f"{sum(r['c_kb'] for r in rows):8.0f} {sum(r['so_kb'] for r in rows):8.0f}"
          f"  ({wall:.0f} s wall, {jobs} jobs, CFLAGS={cflags!r}, {tool}"
          + (", annotations as C types)" if typed else ")"))
    failed = [r for r in rows if not r["ok"]]
    for r in failed:
        print(f"\n{r['module']} failed:\n{r['error']}")
    if failed:
        sys.exit(2)
    return dst


# --- children: one process per measurement, importing communique from the given PYTHONPATH -------

def child(mode: str, corpus: list[str], runs: int) -> None:
    from communique.pipeline import extract_document
    from communique.read import read_path

    if mode == "hashes":
        out = {}
        for p in corpus:
            try:
                ex = extract_document(read_path(Path(p)))
                text = json.dumps(ex.to_contract(), sort_keys=True, default=str)
            except Exception as e:  # noqa: BLE001 - an error is an output too, and must match
                text = f"ERROR {type(e).__name__} {e}"
            out[p] = hashlib.sha256(text.encode()).hexdigest()
        print(json.dumps(out))
        return
    if mode == "modules":
        import importlib

        names = {m: "communique." + m.replace("/", ".").removesuffix(".__init__") for m in corpus}
        print(json.dumps({m: importlib.import_module(name).__file__ for m, name in names.items()}))
        return
    if mode == "ir":  # for valgrind: runs=0 warms only, runs=1 also extracts the documents
        for p in corpus[-30:]:
            extract_document(read_path(Path(p)))
        if runs:
            for p in corpus[:-30]:
                extract_document(read_path(Path(p)))
        return
    paths = [Path(p) for p in corpus]
    for p in paths:  # warm: data files, imports, caches
        extract_document(read_path(p))
    best = float("inf")
    for _ in range(runs):
        c = time.process_time()
        for p in paths:
            extract_document(read_path(p))
        best = min(best, time.process_time() - c)
    print(json.dumps({"cpu": best}))


def run_child(pythonpath: Path, mode: str, corpus: list[str], runs: int = 1, prefix: list[str] | None = None
              ) -> subprocess.CompletedProcess:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(corpus, f)
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    try:
        cmd = [*(prefix or []), sys.executable, __file__, "--child", mode, "--child-corpus", f.name,
               "--runs", str(runs)]
        return subprocess.run(cmd, env=env, capture_output=True, text=True, check=prefix is None)
    finally:
        os.unlink(f.name)


def instructions(pythonpath: Path, corpus: list[str]) -> float | None:
    """Instructions per document under valgrind (measured run minus warm-only run), or None."""
    if not shutil.which("valgrind"):
        return None
    counts = []
    for runs in (0, 1):
        grind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        proc = run_child(pythonpath, "ir", corpus, runs, prefix=grind)
        m = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
        if not m:
            return None
        counts.append(int(m.group(1).replace(",", "")))
    return (counts[1] - counts[0]) / (len(corpus) - 30)


# --- main ------------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tool", choices=["cython", "mypyc"], default="cython")
    ap.add_argument("--modules", default=",".join(HOT), help="paths under communique/, without .py")
    ap.add_argument("--src", default=str(ROOT / "src"), help="the pure source tree (has communique/)")
    ap.add_argument("--build", default="/tmp/communique-compiled", help="where the compiled copy goes")
    ap.add_argument("--no-build", action="store_true", help="reuse the compiled copy already in --build")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cflags", default="-O2 -g0", help="appended to Python's CFLAGS (the last -O wins)")
    ap.add_argument("--typed", action="store_true",
                    help="Cython: use annotations as C types (stricter than Python; may change behaviour)")
    ap.add_argument("--build-only", action="store_true", help="stop after the build")
    ap.add_argument("--n", type=int, default=300, help="bench corpus documents for the speed rounds")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check-n", type=int, default=300, help="bench corpus documents for the identity check")
    ap.add_argument("--rounds", type=int, default=3, help="alternating pure/compiled child processes each")
    ap.add_argument("--runs", type=int, default=2, help="timed passes per child (after a warm pass)")
    ap.add_argument("--ir", type=int, default=0, help="also count instructions/doc (valgrind), N docs")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--child-corpus", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args.child, json.loads(Path(args.child_corpus).read_text()), args.runs)
        return

    from bench.corpus import write_corpus
    from bench.speed import floor

    src, build_dir = Path(args.src).resolve(), Path(args.build).resolve()
    modules = [m.strip().removesuffix(".py") for m in args.modules.split(",") if m.strip()]
    print(f"pure: {src}\ncompiled: {build_dir / 'src'} ({args.tool}: {len(modules)} modules)\n"
          f"load average {os.getloadavg()[0]:.1f} at start (2-core machine shared: CPU times are noisy, "
          "instruction counts are not)\n")
    dst = build_dir / "src"
    if not args.no_build:
        dst = build(src, build_dir, args.tool, modules, args.jobs, args.cflags, args.typed)
    if args.build_only:
        return

    loaded = json.loads(run_child(dst, "modules", modules).stdout)
    pure_left = [m for m, f in loaded.items() if f.endswith(".py")]
    if pure_left:
        sys.exit(f"not compiled in {dst}: {', '.join(pure_left)}")

    corpus_dir = Path(tempfile.mkdtemp(prefix="communique-compiled-corpus-"))
    try:
        paths = write_corpus(corpus_dir, max(args.n, args.check_n), args.seed)
        extra = sorted(p for d in (src / "communique" / "examples", ROOT / "tests" / "fixtures") if d.is_dir()
                       for p in d.rglob("*") if p.suffix in (".txt", ".md", ".html", ".htm", ".pdf"))
        check = [str(p) for p in paths[: args.check_n] + extra]
        t = time.perf_counter()
        a = json.loads(run_child(src, "hashes", check).stdout)
        b = json.loads(run_child(dst, "hashes", check).stdout)
        diff = [p for p in check if a[p] != b[p]]
        print(f"\nidentity: {len(check) - len(diff)}/{len(check)} documents give identical records "
              f"({args.check_n} bench, {len(extra)} examples and test fixtures; "
              f"{time.perf_counter() - t:.0f} s)")
        for p in diff[:20]:
            print("  DIFFERS:", p)

        bench = [str(p) for p in paths[: args.n]]
        floor(paths[: args.n])
        f_cpu = min(floor(paths[: args.n])[1] for _ in range(3))
        cpu = {"pure": float("inf"), "compiled": float("inf")}
        for _ in range(args.rounds):
            for label, pp in (("pure", src), ("compiled", dst)):
                res = json.loads(run_child(pp, "speed", bench, args.runs).stdout)
                cpu[label] = min(cpu[label], res["cpu"])
        ir = {}
        if args.ir:
            ir_corpus = [str(p) for p in paths[: args.ir + 30]]
            ir = {"pure": instructions(src, ir_corpus), "compiled": instructions(dst, ir_corpus)}
        n = len(bench)
        print(f"\n{args.n} documents, best of {args.rounds} alternating rounds x {args.runs} passes; "
              f"load average {os.getloadavg()[0]:.1f} at the end")
        head = f"{'':<10} {'docs/CPU-s':>10} {'ms/doc':>8} {'x floor':>8}"
        print(head + (f" {'M instr/doc':>12}" if ir else ""))
        print(f"{'floor':<10} {n / f_cpu:10.0f} {1000 * f_cpu / n:8.3f} {1.0:8.1f}")
        for label in ("pure", "compiled"):
            irs = f" {ir[label] / 1e6:12.2f}" if ir.get(label) else (f" {'-':>12}" if ir else "")
            c = cpu[label]
            print(f"{label:<10} {n / c:10.0f} {1000 * c / n:8.3f} {c / f_cpu:8.1f}" + irs)
        saving = 1 - cpu["compiled"] / cpu["pure"]
        line = f"compiled saves {saving:.1%} of CPU"
        if ir.get("pure") and ir.get("compiled"):
            line += f", {1 - ir['compiled'] / ir['pure']:.1%} of instructions"
        print(line)
        if diff:
            sys.exit(1)
    finally:
        shutil.rmtree(corpus_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
