"""bench/ingest.py's memory modes on a few documents: `--rss` prints every size's peak RSS in one
run; `--store` / `--rebuild` / `--compare` (the rebuild's page cache changes no derived table)."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="module")
def ingest_bench():
    from bench import ingest

    return ingest


def test_rss_prints_each_size_in_one_run(tmp_path, capsys, ingest_bench):
    rows = ingest_bench.rss_sizes([6, 12], tmp_path / "c", seed=7, workers=2)
    out = capsys.readouterr().out
    assert [r["docs"] for r in rows] == [6, 12]
    for r in rows:
        assert 20 < r["ingest_peak_mb"] <= r["rebuild_peak_mb"] < 2000 and r["worker_peak_mb"] > 20
    assert "peak RSS by corpus size" in out
    table = out.split("peak RSS by corpus size", 1)[1].splitlines()
    firsts = {line.split()[0] for line in table if line.split()}
    assert {"6", "12"} <= firsts


def test_store_rebuild_compare_with_another_page_cache(tmp_path, capsys, ingest_bench):
    from bench.corpus import write_corpus

    write_corpus(tmp_path / "c", 30, seed=7)
    stored = tmp_path / "s.db"
    ingest_bench.main(["--store", "30", str(stored), "--corpus", str(tmp_path / "c")])
    assert "peak RSS writer" in capsys.readouterr().out
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    shutil.copy(stored, a)
    shutil.copy(stored, b)
    ingest_bench.main(["--rebuild", str(a)])
    ingest_bench.main(["--rebuild", str(b), "--cache-mb", "1"])
    runs = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")]
    assert len(runs) == 2 and runs[0]["records"] == runs[1]["records"] > 0
    assert ingest_bench.compare(str(a), str(b))
    assert "ALL IDENTICAL" in capsys.readouterr().out
