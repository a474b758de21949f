"""bench/compiled.py: the compiled-copy experiment builds outside the source tree and compares fairly."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import compiled  # noqa: E402

SRC = ROOT / "src"


def test_copy_tree_leaves_out_caches_and_old_builds(tmp_path):
    dst = compiled.copy_tree(SRC, tmp_path)
    assert (dst / "communique" / "interpret" / "amounts.py").is_file()
    assert (dst / "communique" / "data" / "events.yaml").is_file()  # data files travel with the code
    assert not list(dst.rglob("__pycache__"))
    assert not list(dst.rglob("*.so"))
    # a second copy starts fresh (no stale extension from an earlier build shadows the new .py)
    stale = dst / "communique" / "annotate" / f"tokens{compiled.SUFFIX}"
    stale.write_bytes(b"")
    compiled.copy_tree(SRC, tmp_path)
    assert not stale.exists()


def test_hot_modules_exist():
    for m in compiled.HOT:
        assert (SRC / "communique" / f"{m}.py").is_file(), m


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("Cython") is None or shutil.which("gcc") is None,
                    reason="needs Cython and a C compiler")
def test_compiled_tokens_give_identical_records(tmp_path):
    dst = compiled.copy_tree(SRC, tmp_path)
    row = compiled.cython_one(dst, "annotate/tokens", "-O0 -g0")
    assert row["ok"], row["error"]
    loaded = json.loads(compiled.run_child(dst, "modules", ["annotate/tokens"]).stdout)
    assert loaded["annotate/tokens"].endswith(compiled.SUFFIX)  # the extension, not the .py, was imported
    examples = SRC / "communique" / "examples"
    docs = sorted(str(p) for p in examples.iterdir() if p.suffix in (".txt", ".md"))[:3]
    pure = json.loads(compiled.run_child(SRC, "hashes", docs).stdout)
    fast = json.loads(compiled.run_child(dst, "hashes", docs).stdout)
    assert pure == fast and len(pure) == 3
