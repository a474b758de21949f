"""`communique extract`: inputs, output formats, exit codes and one-line errors on stderr.

Most tests replace the extractor by one that returns an empty extraction, so they test the command's
input and exit behaviour alone; the last ones run the real pipeline end to end.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import communique.pipeline as pipeline
from communique.cli import app
from communique.models import RECORD_TYPES

EXAMPLES = Path(__file__).parents[1] / "src" / "communique" / "examples"
READ = Path(__file__).parent / "fixtures" / "read"
CONTRACT_KEYS = {"document", *RECORD_TYPES}

runner = CliRunner()


@pytest.fixture
def fake_extractor(monkeypatch):
    """The extractor replaced by an empty extraction of the document (input behaviour only)."""
    seen = []

    def fake(doc, published=None):
        seen.append((doc, published))
        return pipeline.empty_extraction(doc, published or doc.published, inferred=False)

    monkeypatch.setattr(pipeline, "extract_document", fake)
    return seen


def _run(*args, stdin: bytes | None = None):
    return runner.invoke(app, ["extract", *map(str, args)], input=stdin)


def _files(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text("ASTANA, 17 June 2025 – The EU and Kazakhstan met.")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)))
    cut = tmp_path / "cut.pdf"
    cut.write_bytes((READ / "two-columns.pdf").read_bytes()[:500])
    return {"good": good, "empty": empty, "binary": binary, "cut": cut}


def test_single_good_file_prints_one_object(tmp_path, fake_extractor):
    f = _files(tmp_path)
    res = _run(f["good"])
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert isinstance(out, dict) and set(out) == CONTRACT_KEYS
    assert out["document"]["source"] == str(f["good"])
    assert "text" not in out["document"]
    assert res.stderr == ""


@pytest.mark.parametrize("name, problem", [
    ("empty", "is empty"), ("binary", "binary"), ("cut", "truncated"),
])
def test_single_bad_file_one_stderr_line_nothing_on_stdout(tmp_path, fake_extractor, name, problem):
    f = _files(tmp_path)
    res = _run(f[name])
    assert res.exit_code == 1
    assert res.stdout == ""
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {f[name]}: ") and problem in lines[0]
    assert "Traceback" not in res.stderr


def test_missing_file(tmp_path, fake_extractor):
    res = _run(tmp_path / "nope.txt")
    assert res.exit_code == 1 and res.stdout == ""
    assert res.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file"


def test_several_files_others_still_processed(tmp_path, fake_extractor):
    f = _files(tmp_path)
    res = _run(f["good"], f["empty"], f["binary"], f["cut"])
    assert res.exit_code == 1
    out = json.loads(res.stdout)
    assert [d["document"]["source"] for d in out] == [str(f["good"])]
    errors = [line for line in res.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    assert "3 of 4 inputs failed" in res.stderr


def test_folder_gives_a_list_and_exit_zero(fake_extractor):
    res = _run(EXAMPLES)
    assert res.exit_code == 0, res.stderr
    out = json.loads(res.stdout)
    assert len(out) == 8
    assert all(set(d) == CONTRACT_KEYS for d in out)
    assert not any(d["document"]["source"].endswith("README.md") for d in out)


def test_jsonl_format_one_object_per_line(fake_extractor):
    res = _run(EXAMPLES, "--format", "jsonl")
    assert res.exit_code == 0
    lines = res.stdout.strip().splitlines()
    assert len(lines) == 8 and all(set(json.loads(line)) == CONTRACT_KEYS for line in lines)


def test_table_format(fake_extractor):
    res = _run(EXAMPLES / "2023-10-24-20th-cooperation-council.html", "--format", "table")
    assert res.exit_code == 0
    assert "Kazakhstan and the EU hold 20th Cooperation Council" in res.stdout
    assert "2023-10-24" in res.stdout


def test_table_shows_records_with_the_words_they_came_from(tmp_path, monkeypatch):
    from communique.models import Pledge

    def one_pledge(doc, published=None):
        ex = pipeline.empty_extraction(doc, published, inferred=False)
        start = doc.text.index("€12 billion")
        ex.pledges.append(Pledge(by="European Union", amount=12e9, currency="EUR", hedged=False,
                                 span=(start, start + len("€12 billion"))))
        return ex

    monkeypatch.setattr(pipeline, "extract_document", one_pledge)
    p = tmp_path / "pledge.txt"
    p.write_text("Samarkand, 4 April 2025. The EU [Commission] pledged €12 billion for the region.")
    res = _run(p, "--format", "table")
    assert res.exit_code == 0
    assert "pledges (1)" in res.stdout
    for cell in ("European Union", "12,000,000,000", "EUR", "no", "€12 billion"):
        assert cell in res.stdout
    assert "amount_usd" not in res.stdout  # empty columns are left out


def test_with_text_includes_the_normalised_text(tmp_path, fake_extractor):
    p = tmp_path / "crlf.txt"
    p.write_bytes("Line one,\r\ncaf\u0065\u0301 two.".encode())
    res = _run(p, "--with-text")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["document"]["text"] == "Line one,\ncaf\u00e9 two."


def test_published_option_is_passed_and_validated(tmp_path, fake_extractor):
    f = _files(tmp_path)
    res = _run(f["good"], "--published", "2025-06")
    assert res.exit_code == 0 and fake_extractor[-1][1] == "2025-06"
    assert json.loads(res.stdout)["document"]["published"] == "2025-06"
    for wrong in ("17/06/2025", "2025-02-30", "2025-13"):
        bad = _run(f["good"], "--published", wrong)
        assert bad.exit_code == 2 and bad.stdout == "" and "YYYY-MM-DD" in bad.stderr


def test_stdin_text_and_html(fake_extractor):
    res = _run("-", "--with-text", stdin=b"Brussels, 3 March 2015. The Council met.")
    assert res.exit_code == 0
    doc = json.loads(res.stdout)["document"]
    assert doc["source"] == "-" and doc["text"] == "Brussels, 3 March 2015. The Council met."
    res = _run("-", stdin=(READ / "page-no-article.html").read_bytes())
    assert json.loads(res.stdout)["document"]["published"] == "2025-06-18"


def test_empty_stdin_is_an_error(fake_extractor):
    res = _run("-", stdin=b"")
    assert res.exit_code == 1 and res.stdout == "" and res.stderr.strip() == "error: <stdin>: is empty"


def test_jsonl_input_from_stdin_bad_line_named(fake_extractor):
    feed = (b'{"text": "First.", "url": "https://example.org/1"}\n{oops\n'
            b'{"html": "<p>Third.</p>", "published": "2025-04-04"}\n')
    res = _run("--input", "jsonl", "-", "--format", "jsonl", stdin=feed)
    assert res.exit_code == 1
    docs = [json.loads(line)["document"] for line in res.stdout.splitlines()]
    assert [d["source"] for d in docs] == ["https://example.org/1", "<stdin>:3"]
    assert docs[1]["published"] == "2025-04-04"
    assert "error: <stdin>:2: not valid JSON" in res.stderr


def test_jsonl_file_gives_a_list_even_for_one_record(tmp_path, fake_extractor):
    p = tmp_path / "feed.jsonl"
    p.write_text('{"text": "Only one."}\n')
    res = _run(p)
    assert res.exit_code == 0 and isinstance(json.loads(res.stdout), list)


def test_extractor_crash_is_one_line_not_a_traceback(tmp_path, monkeypatch):
    def broken(doc, published=None):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline, "extract_document", broken)
    monkeypatch.delenv("COMMUNIQUE_DEBUG", raising=False)
    f = _files(tmp_path)
    res = _run(f["good"])
    assert res.exit_code == 1 and res.stdout == ""
    assert "extraction failed (ZeroDivisionError: boom)" in res.stderr
    assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_glob_matching_nothing_and_empty_folder(tmp_path, fake_extractor):
    res = _run(tmp_path / "*.txt")
    assert res.exit_code == 1 and "no file matches" in res.stderr
    res = _run(tmp_path)
    assert res.exit_code == 1 and "no readable files" in res.stderr and res.stdout == ""


# --- the real pipeline -------------------------------------------------------------------------

def test_real_extraction_of_the_examples_has_the_contract_shape():
    res = _run(EXAMPLES, "--format", "jsonl")
    assert res.stderr == "" and res.exit_code == 0
    out = [json.loads(line) for line in res.stdout.splitlines()]
    assert len(out) == 8
    for d in out:
        assert set(d) == CONTRACT_KEYS
        assert {"id", "source", "title", "published", "published_inferred", "language"} <= set(d["document"])


def test_console_script_bad_file_no_traceback(tmp_path):
    f = _files(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "communique", "extract", str(f["binary"]), str(f["good"])],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert f"error: {f['binary']}: looks like a binary file, not text" in proc.stderr
    assert len(json.loads(proc.stdout)) == 1
