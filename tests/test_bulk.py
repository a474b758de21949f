"""The Ray Data bulk path: Parquet written by `communique bulk`, loaded into the ledger, must equal
what plain `ingest` stores from the same files (documents, statements, merged records, failures).

Ray tests run on a local Ray with 2 CPUs, started once for the module. They are skipped only when
Ray is missing outside CI; in CI (`CI=true`) a missing Ray fails them.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from communique.bulk import PARQUET_COLUMNS, extract_rows, iter_parquet, list_inputs, load_parquet
from communique.errors import InputError

BULK = Path(__file__).parent / "fixtures" / "bulk"


def _require_ray() -> None:
    try:
        import ray  # noqa: F401
        import ray.data  # noqa: F401
    except ImportError:
        msg = "ray is not installed (pip install 'communique[ray]')"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The fixture texts copied to a temp folder (so sources are the same absolute paths everywhere)."""
    d = tmp_path_factory.mktemp("bulk-in") / "in"
    shutil.copytree(BULK, d)
    return d


@pytest.fixture(scope="module")
def parquet_dir(corpus, tmp_path_factory) -> Path:
    """Run `communique bulk` once on a local 2-CPU Ray through the CLI."""
    _require_ray()
    from typer.testing import CliRunner

    from communique.cli import app

    out = tmp_path_factory.mktemp("bulk-out") / "parquet"
    result = CliRunner().invoke(app, ["bulk", str(corpus), "--out", str(out), "--num-cpus", "2"])
    # empty.txt is unreadable: exit 1 and the error named, the other documents still written.
    assert result.exit_code == 1, result.output
    assert "empty.txt: is empty" in result.output
    return out


def _dump(url: str, skip_also: tuple[str, ...] = ()) -> dict[str, list]:
    """Every table that ingest fills, without timestamps, sorted, for comparing two ledgers."""
    from sqlalchemy import select

    from communique.ledger import open_ledger, schema

    skip = {"ingested_at", "updated_at", "created_at", "first_at", "last_at", *skip_also}
    out = {}
    ledger = open_ledger(url)
    try:
        with ledger.connect() as conn:
            for name in ("documents", "statements", "mentions", "records", "merges", "stage_history",
                         "flags", "failures"):
                table = schema.metadata.tables[name]
                cols = [c for c in table.c if c.name not in skip]
                rows = conn.execute(select(*cols)).all()
                out[name] = sorted(tuple(map(str, r)) for r in rows)
    finally:
        ledger.close()
    return out


def test_parquet_has_one_row_per_document_in_listing_order(parquet_dir, corpus):
    rows = list(iter_parquet(parquet_dir))
    names = sorted(p.name for p in corpus.iterdir())
    seqs = [r["seq"] for r in rows]
    assert seqs == sorted(seqs) and sorted(set(seqs)) == list(range(len(names)))
    feed_seq = names.index("wire-feed.jsonl")
    by_name = {Path(r["source"]).name: r for r in rows if r["seq"] != feed_seq}
    assert by_name["empty.txt"]["error"] == "is empty" and by_name["empty.txt"]["extraction"] is None
    for name in ("council-21st.txt", "air-transport.md", "forum.html"):
        row = by_name[name]
        assert row["error"] is None and row["text"] and len(row["doc_id"]) == 64
        contract = json.loads(row["extraction"])
        assert contract["document"]["id"] == row["doc_id"]
        assert contract["document"]["source"] == str(corpus / name)
    assert by_name["forum.html"]["title"].startswith("Investors forum in Brussels")
    # a JSON Lines feed gives one row per record, under the feed's own position in the listing;
    # a record without a source is named FILE:LINE with FILE as the user gave it
    feed = [r for r in rows if r["seq"] == feed_seq]
    assert [r["source"] for r in feed] == ["https://example.org/wire/1", f"{corpus / 'wire-feed.jsonl'}:2"]
    assert [r["published"] for r in feed] == ["2025-03-05", "2024-11-20"]


def test_ray_rows_equal_the_in_process_function(parquet_dir, corpus):
    """The Ray stage runs the same pure function: its rows equal calling it here."""
    import pyarrow as pa

    items = list_inputs([str(corpus)])
    batch = pa.table({"seq": list(range(len(items))), "source": [i[0] for i in items],
                      "path": [i[1] for i in items]})
    local = extract_rows(batch).to_pylist()
    assert local == list(iter_parquet(parquet_dir))


def test_parquet_loaded_equals_plain_ingest(parquet_dir, corpus, db_url, tmp_path):
    from communique.ledger import open_ledger

    plain = f"sqlite:///{tmp_path / 'plain.db'}"
    with open_ledger(plain) as ledger:
        summary = ledger.ingest_paths([str(corpus)])
    assert summary.new == 5 and len(summary.failed) == 1

    ledger = open_ledger(db_url)
    try:
        res = load_parquet(ledger, parquet_dir)
    finally:
        ledger.close()
    assert (res.new, res.updated, res.unchanged, len(res.failed)) == (5, 0, 0, 1)
    assert res.statements == summary.statements
    bulk, ref = _dump(db_url), _dump(plain)
    assert len(ref["documents"]) == 5 and ref["statements"], "the fixtures must give statements"
    for table in ref:
        assert bulk[table] == ref[table], table


def test_loading_twice_changes_nothing(parquet_dir, tmp_path):
    from communique.ledger import open_ledger

    url = f"sqlite:///{tmp_path / 'twice.db'}"
    with open_ledger(url) as ledger:
        load_parquet(ledger, parquet_dir)
    # A failing input counts one more attempt, as with ingest run twice; everything else is equal.
    first = _dump(url, skip_also=("attempts",))
    with open_ledger(url) as ledger:
        res = load_parquet(ledger, parquet_dir)
    assert (res.new, res.updated, res.unchanged) == (0, 0, 5)
    assert _dump(url, skip_also=("attempts",)) == first


def test_rows_of_another_extractor_version_are_refused(tmp_path):
    import pyarrow.parquet as pq

    from communique import EXTRACTOR_VERSION

    table = extract_rows({"seq": [0], "source": [str(BULK / "council-21st.txt")],
                          "path": [str(BULK / "council-21st.txt")]})
    assert table.column_names == list(PARQUET_COLUMNS)
    old = table.set_column(table.column_names.index("extractor_version"), "extractor_version",
                           [["0.0.0-old"]])
    (tmp_path / "p").mkdir()
    pq.write_table(old, tmp_path / "p" / "part-0.parquet")

    class Recorder:
        def __init__(self):
            self.stored = []

        def store_extraction(self, doc, ex):
            self.stored.append((doc, ex))

    with pytest.raises(InputError, match="0.0.0-old"):
        load_parquet(Recorder(), tmp_path / "p")
    rec = Recorder()
    res = load_parquet(rec, tmp_path / "p", allow_other_version=True)
    assert res.stored == 1 and rec.stored[0][1].document.source.endswith("council-21st.txt")
    assert EXTRACTOR_VERSION != "0.0.0-old"


def test_bad_parquet_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="not a folder"):
        list(iter_parquet(tmp_path / "missing"))
    (tmp_path / "x.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match=str(tmp_path)):
        list(iter_parquet(tmp_path))


def test_missing_ray_is_a_clear_error(monkeypatch, tmp_path):
    from communique.bulk import RayMissing, run_bulk

    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(RayMissing, match=r"communique\[ray\]"):
        run_bulk([str(BULK)], tmp_path / "out")


def test_core_does_not_import_ray():
    import subprocess

    code = ("import sys, communique, communique.pipeline, communique.bulk, communique.cli; "
            "print('ray' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_ingest_from_parquet_cli(parquet_dir, corpus, tmp_path):
    """`communique ingest --from-parquet DIR` gives the same ledger as `communique ingest PATHS`."""
    from typer.testing import CliRunner

    from communique.cli import app

    runner = CliRunner()
    bulk_db, plain_db = tmp_path / "bulk.db", tmp_path / "plain.db"
    res = runner.invoke(app, ["ingest", "--from-parquet", str(parquet_dir), "--db", str(bulk_db),
                              "--format", "json"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout)
    assert (summary["new"], len(summary["failed"])) == (5, 1)
    assert runner.invoke(app, ["ingest", str(corpus), "--db", str(plain_db)]).exit_code == 0
    assert _dump(f"sqlite:///{bulk_db}") == _dump(f"sqlite:///{plain_db}")
    # neither or both of PATHS and --from-parquet: a usage error, not a traceback
    assert runner.invoke(app, ["ingest", "--db", str(bulk_db)]).exit_code == 2
    bad = runner.invoke(app, ["ingest", "--from-parquet", str(tmp_path / "nope"), "--db", str(bulk_db)])
    assert bad.exit_code == 2 and "not a folder of Parquet files" in bad.output


@pytest.mark.parametrize("bad", ["garbage", "2025-13", "2025-02-30", "17.06.2025"])
def test_bad_published_is_one_error_before_ray_starts(bad, tmp_path):
    from communique.bulk import run_bulk

    with pytest.raises(InputError, match="is not a date YYYY-MM-DD or YYYY-MM"):
        run_bulk([str(BULK)], tmp_path / "out", published=bad)
    assert not (tmp_path / "out").exists()


def test_published_reaches_every_document():
    path = str(BULK / "air-transport.md")
    rows = extract_rows({"seq": [0], "source": [path], "path": [path]}, published="2025-06-01").to_pylist()
    assert rows[0]["published"] == "2025-06-01"
    assert json.loads(rows[0]["extraction"])["document"]["published"] == "2025-06-01"
