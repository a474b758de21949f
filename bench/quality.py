"""Extraction quality on the seed and the dev corpus, measured with ../shared/tools/score.py.

Runs `communique.pipeline.extract_document` on every seed text and every dev document (with the
publication date from the gold), writes the predictions to a temporary folder, runs score.py and
prints its figures. Exits non-zero when a target is missed: seed overall F1 ≥ 0.95 with attributes
right ≥ 0.90, dev overall F1 ≥ 0.90.

    python3 bench/quality.py [--details] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")
SCORE = SHARED / "tools" / "score.py"
TARGETS = {"seed": (0.95, 0.90), "dev": (0.90, 0.0)}


def _gold_entries(corpus: str) -> tuple[Path, list[dict], Path]:
    if corpus == "seed":
        folder = SHARED / "seed"
        entries = [json.loads(p.read_text()) for p in sorted(folder.glob("*.gold.json"))]
        gold_file = Path(tempfile.mkdtemp(prefix="seedgold-")) / "gold.json"
        gold_file.write_text(json.dumps(entries))
        return folder, entries, gold_file
    folder = SHARED / "corpus" / "dev"
    gold_file = folder / "gold.json"
    return folder, json.loads(gold_file.read_text()), gold_file


def predict(corpus: str, out: Path) -> Path:
    from communique.pipeline import extract_document
    from communique.read import read_path

    folder, entries, gold_file = _gold_entries(corpus)
    out.mkdir(parents=True, exist_ok=True)
    for g in entries:
        path = folder / (g.get("text_file") or f"{g['id']}.txt")
        doc = read_path(path)
        doc.source = str(path)
        ex = extract_document(doc, published=g.get("published"))
        (out / f"{path.name}.json").write_text(json.dumps(ex.to_contract(), ensure_ascii=False, indent=1))
    return gold_file


def score(gold_file: Path, pred_dir: Path, details: bool) -> tuple[str, float, float]:
    args = [sys.executable, str(SCORE), str(gold_file), str(pred_dir)] + (["--details"] if details else [])
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    m = re.search(r"overall F1 ([\d.]+) .*attributes right ([\d.]+)", text)
    return text, float(m.group(1)), float(m.group(2))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="pass --details to score.py")
    ap.add_argument("--keep", type=Path, help="write predictions here instead of a temporary folder")
    ap.add_argument("--only", choices=["seed", "dev"], help="score one corpus")
    a = ap.parse_args(argv)
    ok = True
    for corpus in ("seed", "dev"):
        if a.only and corpus != a.only:
            continue
        out = (a.keep / corpus) if a.keep else Path(tempfile.mkdtemp(prefix=f"pred-{corpus}-"))
        gold_file = predict(corpus, out)
        text, f1, attrs = score(gold_file, out, a.details)
        want_f1, want_attrs = TARGETS[corpus]
        passed = f1 >= want_f1 and attrs >= want_attrs
        ok &= passed
        print(
            f"== {corpus} ({'pass' if passed else 'BELOW TARGET'}: F1 ≥ {want_f1}"
            + (f", attributes ≥ {want_attrs}" if want_attrs else "")
            + ")"
        )
        print(text.rstrip())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
