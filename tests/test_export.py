"""Exports: every format on SQLite and PostgreSQL; row counts match the queries; CSV has a header;
Parquet types follow the record types; FtM entities and statements parse and reference each other."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from communique.cli import app
from communique.fx.rates import convert
from communique.ledger import open_ledger, query, review
from communique.ledger.export import ExportError, columns, export
from communique.models import (
    RECORD_TYPES,
    Agreement,
    DocumentInfo,
    Extraction,
    Figure,
    Head,
    Meeting,
    Organization,
    Person,
    Pledge,
)
from communique.read import make_document

HERE = Path(__file__).parent / "fixtures" / "review"
_spec = importlib.util.spec_from_file_location("review_extractor", HERE / "extractor.py")
rx = sys.modules.get("review_extractor") or importlib.util.module_from_spec(_spec)
if "review_extractor" not in sys.modules:
    sys.modules["review_extractor"] = rx
    _spec.loader.exec_module(rx)

COUNT = {"meetings": query.meetings, "people": query.people, "figures": query.figures,
         "pledges": query.pledges, "agreements": query.agreements}


@pytest.fixture
def ledger(db_url):
    led = open_ledger(db_url)
    led.ingest_paths(sorted(str(p) for p in HERE.glob("*.txt")), extractor=rx.make_extractor())
    words = ("The 23rd EU-Kazakhstan Cooperation Council met in Brussels on 3 March 2026, co-chaired by "
             "Kaja Kallas and Murat Nurtleu. The EU will provide EUR 2 billion under Global Gateway. The "
             "European Bank for Reconstruction and Development (EBRD) joined. Bilateral trade was KZT 100 "
             "billion in 2025.")
    doc = make_document(words, source="council-23.txt", published="2026-03-04")
    span = (0, len(doc.text))
    ex = Extraction(
        document=DocumentInfo(id=doc.id, source="council-23.txt", published="2026-03-04"),
        meetings=[Meeting(body="EU-Kazakhstan Cooperation Council", number=23, date="2026-03-03",
                          place="Brussels", parties=["European Union", "Kazakhstan"], span=span,
                          heads=[Head(name="Kaja Kallas", role="High Representative", side="European Union"),
                                 Head(name="Murat Nurtleu", role="Foreign Minister", side="Kazakhstan")])],
        people=[Person(name="Kaja Kallas", role="High Representative", affiliation="European Union",
                       spans=[span])],
        organizations=[Organization(name="European Bank for Reconstruction and Development", acronym="EBRD",
                                    spans=[span])],
        pledges=[Pledge(by="European Union", amount=2e9, currency="EUR", program="Global Gateway",
                        hedged=True, span=span)],
        agreements=[Agreement(name="Partnership Agreement on Raw Materials", parties=["European Union",
                                                                                       "Kazakhstan"],
                              status="signed", date="2022-11-07", span=span)],
        figures=[Figure(metric="bilateral trade", value=100e9, unit="KZT", period="2025", span=span)])
    led.store_extraction(doc, ex)
    led.rebuild()
    yield led
    led.close()


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_jsonl(ledger, tmp_path):
    written = export(ledger, tmp_path, "jsonl")
    assert set(written) == {k for k in RECORD_TYPES}
    for kind, count in COUNT.items():
        rows = read_jsonl(tmp_path / f"{kind}.jsonl")
        assert len(rows) == count(ledger, limit=None)["total"] == written[kind]["rows"]
        for r in rows:
            assert r["id"] and r["sources"] and all(s["sentence"] and s["document_id"] for s in r["sources"])
            assert set(RECORD_TYPES[kind].model_fields) - {"span", "spans"} <= set(r)
    pledges = {p["amount"]: p for p in read_jsonl(tmp_path / "pledges.jsonl")}
    gg = pledges[2e9]
    conv = convert(2e9, "EUR", "2026-03-04")
    assert gg["amount_usd"] == conv.amount_usd and gg["fx_rate_date"] == conv.rate_date
    assert pledges[12e9]["n_documents"] == 2
    kzt = next(f for f in read_jsonl(tmp_path / "figures.jsonl") if f["unit"] == "KZT")
    assert kzt["value_usd"] == convert(100e9, "KZT", "2025").amount_usd and kzt["value_eur"]
    flags = read_jsonl(tmp_path / "flags.jsonl")
    assert len(flags) == query.flags(ledger, limit=None)["total"]


def test_csv_and_parquet_match_queries(ledger, tmp_path):
    import pyarrow.parquet as pq

    export(ledger, tmp_path / "csv", "csv")
    export(ledger, tmp_path / "pq", "parquet")
    for kind in RECORD_TYPES:
        with (tmp_path / "csv" / f"{kind}.csv").open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        table = pq.read_table(tmp_path / "pq" / f"{kind}.parquet")
        assert rows[0] == [c for c, _ in columns(kind)] == table.column_names
        assert len(rows) - 1 == table.num_rows
        if kind in COUNT:
            assert table.num_rows == COUNT[kind](ledger, limit=None)["total"]
    meetings = pq.read_table(tmp_path / "pq" / "meetings.parquet").to_pylist()
    m23 = next(m for m in meetings if m["number"] == 23)
    assert sorted(m23["parties"]) == ["European Union", "Kazakhstan"]  # a list of names stays a list
    assert {h["name"] for h in json.loads(m23["heads"])} == {"Kaja Kallas", "Murat Nurtleu"}  # JSON
    assert json.loads(m23["sources"])[0]["source"] == "council-23.txt"
    schema = pq.read_table(tmp_path / "pq" / "pledges.parquet").schema
    assert str(schema.field("amount").type) == "double" and str(schema.field("hedged").type) == "bool"


def test_rejected_records_left_out(ledger, tmp_path):
    pid = next(p["id"] for p in query.pledges(ledger)["items"] if p["amount"] == 2e9)
    review.reject(ledger, pid, author="ana", reason="a draft figure")
    export(ledger, tmp_path, "jsonl")
    assert pid not in {p["id"] for p in read_jsonl(tmp_path / "pledges.jsonl")}
    export(ledger, tmp_path / "ftm", "ftm")
    assert pid not in {e["id"] for e in read_jsonl(tmp_path / "ftm" / "entities.ftm.jsonl")}
    assert pid not in {s["canonical_id"] for s in read_jsonl(tmp_path / "ftm" / "statements.ftm.jsonl")}


ENTITY_PROPS = {"involved", "authority", "payer", "document", "entity"}


def test_ftm_entities_and_statements(ledger, tmp_path):
    written = export(ledger, tmp_path, "ftm")
    ents = read_jsonl(tmp_path / "entities.ftm.jsonl")
    stmts = read_jsonl(tmp_path / "statements.ftm.jsonl")
    assert written["entities"]["rows"] == len(ents) and written["statements"]["rows"] == len(stmts)
    ids = {e["id"] for e in ents}
    assert len(ids) == len(ents)
    for e in ents:
        assert set(e) == {"id", "schema", "properties"}
        for v in e["properties"].values():
            assert isinstance(v, list) and all(isinstance(x, str) for x in v)
        for prop in ENTITY_PROPS & set(e["properties"]):
            assert set(e["properties"][prop]) <= ids, (e, prop)
    schemata = {e["schema"] for e in ents}
    assert {"Event", "Person", "Organization", "PublicBody", "Contract", "Payment", "Document",
            "Documentation"} <= schemata
    meeting = next(e for e in ents if e["schema"] == "Event" and "2026-03-03" in e["properties"]["startDate"])
    involved = {next(x for x in ents if x["id"] == i)["schema"] for i in meeting["properties"]["involved"]}
    assert involved == {"PublicBody", "Person"}
    contract = next(e for e in ents if e["schema"] == "Contract" and "signed" in e["properties"]["status"])
    assert len(contract["properties"]["authority"]) == 2
    payment = next(e for e in ents
                   if e["schema"] == "Payment" and e["properties"]["amount"] == ["2000000000"])
    assert payment["properties"]["currency"] == ["EUR"] and payment["properties"]["programme"]
    # every record of an FtM kind is an entity, with a Documentation link to each of its documents
    for kind in ("meetings", "people", "pledges", "agreements"):
        for r in COUNT[kind](ledger, limit=None)["items"]:
            assert r["id"] in ids
    docs = [e for e in ents if e["schema"] == "Documentation"]
    assert all(d["properties"]["document"][0] in ids and d["properties"]["entity"][0] in ids for d in docs)
    # statements: one per value as one document states it, pointing at exported entities
    keys = {"id", "entity_id", "canonical_id", "prop", "schema", "value", "dataset", "lang", "original_value",
            "first_seen", "last_seen"}
    assert stmts and all(keys <= set(s) for s in stmts)
    assert all(s["canonical_id"] in ids for s in stmts)
    assert {s["schema"] for s in stmts} <= schemata
    assert len({s["id"] for s in stmts}) == len(stmts)


def test_export_command_and_errors(ledger, db_url, tmp_path):
    runner = CliRunner()
    for fmt in ("jsonl", "csv", "parquet", "ftm"):
        res = runner.invoke(app, ["export", "--db", db_url, "--format", fmt, "--out", str(tmp_path / fmt)])
        assert res.exit_code == 0, res.output
        assert any((tmp_path / fmt).iterdir())
    res = runner.invoke(app, ["export", "--db", db_url, "--format", "csv", "--out", str(tmp_path / "one"),
                              "--kind", "pledges"])
    assert res.exit_code == 0 and [p.name for p in (tmp_path / "one").iterdir()] == ["pledges.csv"]
    afile = tmp_path / "afile"
    afile.write_text("x")
    res = runner.invoke(app, ["export", "--db", db_url, "--out", str(afile)])
    assert res.exit_code == 1 and "not a folder" in res.stderr
    with pytest.raises(ExportError, match="unknown export format"):
        export(ledger, tmp_path, "xml")
    with pytest.raises(ExportError, match="unknown record kind"):
        export(ledger, tmp_path, "csv", kinds=["treaties"])
