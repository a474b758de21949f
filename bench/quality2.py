"""Extraction quality on the second development corpus (bench/corpus2), scored by ../shared/tools/score.py.

corpus2 is written apart from the dev corpus, in other styles and surface forms, to measure how far
the rules generalise beyond the texts they were tuned on. Runs `communique.pipeline.extract_document`
on every document with the publication date its gold entry gives, writes one prediction per document
and prints score.py's figures. Reports only; it sets no target and always exits 0 unless it fails.

    python3 bench/quality2.py [--details] [--keep DIR] [--corpus DIR]   # e.g. --corpus bench/heldout
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality import score  # noqa: E402  (bench/ is a folder of scripts, not a package)

CORPUS = Path(__file__).resolve().parent / "corpus2"


def predict(out: Path, corpus: Path = CORPUS) -> Path:
    """Extract every gold entry's file into `out` (one `<file>.json` each); return the gold file."""
    from communique.pipeline import extract_document
    from communique.read import read_path

    gold_file = corpus / "gold.json"
    out.mkdir(parents=True, exist_ok=True)
    for g in json.loads(gold_file.read_text()):
        path = corpus / (g.get("text_file") or f"{g['id']}.txt")
        doc = read_path(path)
        doc.source = str(path)
        ex = extract_document(doc, published=g.get("published"))
        (out / f"{path.name}.json").write_text(json.dumps(ex.to_contract(), ensure_ascii=False, indent=1))
    return gold_file


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="pass --details to score.py")
    ap.add_argument("--keep", type=Path, help="write predictions here instead of a temporary folder")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="a folder of texts with gold.json")
    a = ap.parse_args(argv)
    out = a.keep or Path(tempfile.mkdtemp(prefix=f"pred-{a.corpus.name}-"))
    gold_file = predict(out, a.corpus.resolve())
    text, f1, attrs = score(gold_file, out, a.details)
    print(f"== {a.corpus.name} ({len(json.loads(gold_file.read_text()))} documents; predictions in {out})")
    print(text.rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
