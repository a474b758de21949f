"""The ledger commands: thin shells over the library, checked through typer's runner."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from communique.cli import app
from communique.ledger import open_ledger
from communique.models import Agreement, DocumentInfo, Extraction, Meeting, Pledge
from communique.read import make_document

FIX = Path(__file__).parent / "fixtures" / "ledger"
runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args))
    return result


def seeded(db_url):
    ledger = open_ledger(db_url)
    for n, (date, place) in {17: ("2020-03-20", "Brussels"), 18: ("2021-11-22", "Brussels"),
                             20: ("2023-10-23", "Luxembourg")}.items():
        words = f"The {n}th EU-Kazakhstan Cooperation Council met in {place}."
        doc = make_document(words, source=f"council-{n}.txt", published=date)
        ledger.store_extraction(doc, Extraction(
            document=DocumentInfo(id=doc.id, source=doc.source, published=date),
            meetings=[Meeting(body="EU-Kazakhstan Cooperation Council", number=n, date=date, place=place,
                              span=(0, len(words)))],
            agreements=[Agreement(name="Enhanced Partnership and Cooperation Agreement", acronym="EPCA",
                                  parties=["European Union", "Kazakhstan"], status="in force",
                                  span=(0, 10))],
            pledges=[Pledge(by="European Union", amount=1e9 * (n - 16), currency="EUR",
                            amount_eur=1e9 * (n - 16), amount_usd=1.1e9 * (n - 16), span=(0, 10))]))
    ledger.rebuild()
    return ledger


def test_db_upgrade(tmp_path):
    db = tmp_path / "new.db"
    r = run("db", "upgrade", "--db", str(db))
    assert r.exit_code == 0, r.output
    assert "at revision" in r.output and db.exists()


def test_list_commands_formats(db_url):
    seeded(db_url)
    r = run("meetings", "--db", db_url, "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["total"] == 3 and [m["number"] for m in data["items"]] == [20, 18, 17]
    r = run("meetings", "--db", db_url, "--format", "csv", "--since", "2021")
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [row["number"] for row in rows] == ["20", "18"] and rows[0]["place"] == "Luxembourg"
    r = run("meetings", "--db", db_url, "--party", "Kazakhstan", "--limit", "1")
    assert r.exit_code == 0 and "1 of 3" in r.output
    r = run("agreements", "--db", db_url, "--stage", "in force", "--format", "json")
    assert json.loads(r.output)["total"] == 1
    r = run("pledges", "--db", db_url)
    assert r.exit_code == 0 and "total: EUR 7,000,000,000" in r.output
    for cmd in ("figures", "people", "documents", "flags"):
        r = run(cmd, "--db", db_url, "--format", "json")
        assert r.exit_code == 0, (cmd, r.output)
        assert "total" in json.loads(r.output)
    assert json.loads(run("documents", "--db", db_url, "--format", "json").output)["total"] == 3


def test_show_and_series(db_url):
    ledger = seeded(db_url)
    from communique.ledger import query

    ag = query.agreements(ledger)["items"][0]
    r = run("show", ag["id"], "--db", db_url)
    assert r.exit_code == 0, r.output
    assert "stage history" in r.output and "council-17.txt" in r.output
    r = run("show", ag["id"], "--db", db_url, "--format", "json")
    assert json.loads(r.output)["n_documents"] == 3
    r = run("show", "no-such-id", "--db", db_url)
    assert r.exit_code == 1 and "no record" in r.output
    r = run("series", "Cooperation Council", "--db", db_url)
    assert r.exit_code == 0 and "missing ordinals 19" in r.output
    r = run("series", "Cooperation Council", "--db", db_url, "--format", "json")
    assert json.loads(r.output)["series"][0]["missing_numbers"] == [19]


def test_ingest_reextract_rebuild_with_the_real_pipeline(tmp_path):
    """End to end with the product's extractor: documents in, idempotent, failures reported."""
    db = str(tmp_path / "e2e.db")
    (tmp_path / "bad.txt").write_text("", encoding="utf-8")
    r = run("ingest", str(FIX), str(tmp_path / "bad.txt"), "--db", db, "--format", "json")
    assert r.exit_code == 0, r.output
    summary = json.loads(r.output[r.output.index("{"):])
    n = len(list(FIX.glob("*.txt")))
    assert summary["new"] == n and [f["path"] for f in summary["failed"]] == [str(tmp_path / "bad.txt")]
    r = run("ingest", str(FIX), "--db", db)
    assert r.exit_code == 0 and f"unchanged: {n}" in r.output
    r = run("reextract", "--db", db, "--all")
    assert r.exit_code == 0 and f"updated: {n}" in r.output
    assert run("rebuild", "--db", db).exit_code == 0
    r = run("documents", "--db", db, "--format", "json")
    assert json.loads(r.output)["total"] == n


def test_bad_database_url_is_a_clean_error(tmp_path):
    r = run("meetings", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert r.exit_code == 2 and "cannot open the ledger" in r.output


def test_demo(tmp_path):
    db = tmp_path / "demo.db"
    r = run("demo", "--db", str(db))
    assert r.exit_code == 0, r.output
    assert "Meetings" in r.output and "Agreements by stage" in r.output and "Pledges" in r.output
    from communique.ledger.demo import example_paths, run_demo

    result = run_demo(str(db))  # a second run finds everything already there
    assert result["ingest"]["unchanged"] == len(example_paths()) and result["ingest"]["new"] == 0
    assert result["overview"]["documents"] == len(example_paths())
    # the examples follow the EPCA through several stages: the demo shows its history
    assert result["stage_histories"] and "history:" in r.output


def test_cli_module_does_not_import_sqlalchemy():
    code = "import sys, communique.cli; assert 'sqlalchemy' not in sys.modules, 'imported at startup'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_ingest_reads_stdin_beside_files_with_workers(tmp_path):
    db = str(tmp_path / "stdin.db")
    text = (FIX / "council-18.txt").read_text(encoding="utf-8")
    r = runner.invoke(app, ["ingest", "-", str(FIX / "council-20.txt"), "--db", db, "--workers", "2",
                            "--format", "json"], input=text)
    assert r.exit_code == 0, r.output
    assert json.loads(r.output[r.output.index("{"):])["new"] == 2
    docs = json.loads(run("documents", "--db", db, "--format", "json").output)["items"]
    assert sorted(d["source"] for d in docs) == ["-", str(FIX / "council-20.txt")]


def test_ingest_without_rebuild_leaves_the_ledger_marked_stale(tmp_path):
    db = str(tmp_path / "stale.db")
    r = run("ingest", str(FIX / "council-18.txt"), "--db", db, "--no-rebuild")
    assert r.exit_code == 0, r.output
    ledger = open_ledger(db)
    assert ledger.is_dirty()
    assert run("rebuild", "--db", db).exit_code == 0
    assert not ledger.is_dirty()
