"""Record details past their caps: the API's first sources and stage events, the paged endpoints
that reach the rest, the parts a page reads, and the indexes a detail's queries run on."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from communique.ledger import query
from communique.ledger import web_queries as wq
from communique.models import Agreement, DocumentInfo, Extraction, Meeting, Person
from communique.read import make_document
from communique.serve.app import create_app
from communique.serve.settings import Settings

STAGES = (("initialled", "2015-01-20"), ("signed", "2015-12-21"), ("in force", "2020-03-01"))


def _store(ledger, words: str, source: str, published: str, **records) -> None:
    doc = make_document(words, source=source, published=published)
    for recs in records.values():
        for r in recs:
            if "spans" in type(r).model_fields:
                r.spans = [(0, len(doc.text))]
            else:
                r.span = (0, len(doc.text))
    ledger.store_extraction(doc, Extraction(document=DocumentInfo(id=doc.id, source=source,
                                                                  published=published), **records))


@pytest.fixture
def epca_url(db_url):
    """Three reports of one agreement at three stages and of one meeting, one person in two."""
    from communique.ledger import open_ledger

    ledger = open_ledger(db_url)
    for k, (stage, day) in enumerate(STAGES):
        _store(ledger, f"The EU and Kazakhstan reported the Enhanced Partnership and Cooperation Agreement "
                       f"as {stage} at the 14th Cooperation Council in Brussels (report {k}).",
               f"epca-{k}.txt", day,
               agreements=[Agreement(name="Enhanced Partnership and Cooperation Agreement", acronym="EPCA",
                                     parties=["European Union", "Kazakhstan"], status=stage, date=day)],
               meetings=[Meeting(body="EU-Kazakhstan Cooperation Council", number=14, date="2014-11-19",
                                 place="Brussels")],
               people=[Person(name="Murat Nurtleu", role="Minister of Foreign Affairs",
                              affiliation="Kazakhstan")] if k else [])
    ledger.rebuild()
    ledger.close()
    return db_url


@pytest.fixture
def capped(epca_url, monkeypatch):
    """A client whose details show 2 sources and 2 stage events (the fixture has 3 of each)."""
    monkeypatch.setattr(wq, "MAX_SOURCES", 2)
    monkeypatch.setattr(wq, "MAX_HISTORY", 2)
    with TestClient(create_app(settings=Settings(db_url=epca_url, token=None, cache_mb=0))) as c:
        yield c


def _one(c, kind: str) -> dict:
    items = c.get(f"/api/{kind}").json()["items"]
    assert len(items) == 1, items
    return items[0]


def test_agreement_detail_caps_its_history_and_the_history_endpoint_pages_through_it(capped, epca_url):
    c = capped
    agr = _one(c, "agreements")
    detail = c.get(f"/api/agreements/{agr['id']}").json()
    assert detail["n_stage_events"] == 3
    assert [h["stage"] for h in detail["stage_history"]] == ["initialled", "signed"]
    first = c.get(f"/api/agreements/{agr['id']}/history", params={"limit": 2}).json()
    rest = c.get(f"/api/agreements/{agr['id']}/history", params={"limit": 2, "offset": 2}).json()
    assert (first["total"], first["more"], rest["more"]) == (3, True, False)
    events = first["items"] + rest["items"]
    assert first["items"] == detail["stage_history"]
    assert [e["stage"] for e in events] == [s for s, _ in STAGES]
    assert all("title" in e and e["source"] and "Agreement" in e["sentence"] for e in events)
    from communique.ledger import open_ledger

    ledger = open_ledger(epca_url)
    full = query.stage_history(ledger, agr["id"])
    ledger.close()
    assert [{k: e[k] for k in full[0]} for e in events] == full  # the ledger's history, every event
    meeting = _one(c, "meetings")
    assert c.get(f"/api/agreements/{meeting['id']}/history").status_code == 404
    assert c.get("/api/agreements/agr-nothing/history").status_code == 404
    assert c.get(f"/api/agreements/{agr['id']}/history", params={"limit": 0}).status_code == 422


def test_details_cap_sources_and_the_sources_endpoint_pages_through_them(capped, epca_url):
    from communique.ledger import open_ledger

    c = capped
    m = _one(c, "meetings")
    detail = c.get(f"/api/meetings/{m['id']}").json()
    assert detail["n_sources"] == 3 and len(detail["sources"]) == 2
    pages = [c.get(f"/api/records/{m['id']}/sources", params={"limit": 2, "offset": o}).json()
             for o in (0, 2)]
    assert [p["total"] for p in pages] == [3, 3] and [p["more"] for p in pages] == [True, False]
    sources = pages[0]["items"] + pages[1]["items"]
    assert pages[0]["items"] == detail["sources"]
    ledger = open_ledger(epca_url)
    assert sources == query.record(ledger, m["id"])["sources"]  # uncapped: every source, its statements
    ledger.close()
    assert all(s["statements"] and s["sentence"] for s in sources)
    assert c.get("/api/records/nope/sources").status_code == 404
    # the page shows more sources than the API's detail: they are sentences without statements
    page = c.get(f"/meetings/{m['id']}", headers={"accept": "text/html"}).text
    assert page.count('data-source="') == 3


def test_openapi_says_where_the_rest_is(capped):
    spec = capped.get("/openapi.json").json()
    assert "/api/records/{record_id}/sources" in spec["paths"]
    assert "/api/agreements/{record_id}/history" in spec["paths"]
    props = spec["components"]["schemas"]
    detail = next(v for k, v in props.items() if k.startswith("Agreement") and k.endswith("Detail"))
    assert "/api/agreements/{id}/history" in detail["properties"]["stage_history"]["description"]
    assert "n_stage_events" in detail["properties"]
    assert "/api/records/{id}/sources" in detail["properties"]["sources"]["description"]


def test_record_reads_only_the_parts_asked_for(epca_url):
    from communique.ledger import open_ledger

    ledger = open_ledger(epca_url)
    mid = query.meetings(ledger)["items"][0]["id"]
    full = query.record(ledger, mid)
    assert query.record(ledger, mid, parts=query.DETAIL_PARTS) == full
    light = query.record(ledger, mid, max_sources=2, parts={"sources"})
    bare = [{k: v for k, v in s.items() if k != "statements"} for s in full["sources"][:2]]
    assert light["sources"] == bare
    read = set(light) | {k for s in light["sources"] for k in s}
    assert not {"values", "members", "merges", "judgements", "statements"} & read
    assert query.record(ledger, mid, parts={"members"})["members"] == full["members"]
    assert query.record(ledger, mid, parts={"values"})["values"] == full["values"]
    aid = query.agreements(ledger)["items"][0]["id"]
    agr = query.record(ledger, aid, max_history=1)
    assert agr["n_stage_events"] == 3 and agr["stage_history"] == query.stage_history(ledger, aid)[:1]
    assert query.stage_history(ledger, aid, limit=1, offset=1) == query.stage_history(ledger, aid)[1:2]
    bare = query.stage_history(ledger, aid, detail=False)
    assert [{k: e[k] for k in bare[0]} for e in query.stage_history(ledger, aid)] == bare
    assert "sentence" not in bare[0]
    pid = query.people(ledger)["items"][0]["id"]
    assert "roles" not in query.record(ledger, pid, parts=query.DETAIL_PARTS - {"roles"})
    ledger.close()


def _plans(web, run) -> dict[str, list[str]]:
    from sqlalchemy import event

    seen: list[tuple] = []

    def listen(conn, cur, sql, params, ctx, many):
        seen.append((sql, params))

    event.listen(web.engine, "before_cursor_execute", listen)
    run()
    event.remove(web.engine, "before_cursor_execute", listen)
    plans = {}
    with web.engine.connect() as conn:
        for sql, params in seen:
            plans[sql] = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
    return plans


def test_detail_queries_read_covering_indexes(epca_url):
    """On SQLite, once the ledger has statistics: a record's members come from the (canonical_id,
    record_id) index alone, its values from the covering values index (not from 0005's index,
    which an index without statistics beside analysed ones would win)."""
    if not epca_url.startswith("sqlite"):
        pytest.skip("SQLite query plans")
    from sqlalchemy import text

    web = wq.open_web_ledger(epca_url)
    with web.engine.begin() as conn:
        conn.execute(text("ANALYZE"))
        conn.execute(text("DELETE FROM sqlite_stat1 WHERE idx = 'ix_statements_canonical_record'"))
    web.close()
    web = wq.open_web_ledger(epca_url)  # analyses the index left without statistics
    with web.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sqlite_stat1 "
                                 "WHERE idx = 'ix_statements_canonical_record'")).scalar() == 1
    mid = wq.list_records(web, "meetings").items[0]["id"]
    plans = _plans(web, lambda: wq.get_record(web, mid))
    members = next(p for q, p in plans.items() if "DISTINCT statements.record_id" in q)
    assert any("COVERING INDEX ix_statements_canonical_record" in s for s in members), members
    values = next(p for q, p in plans.items() if "count(*) AS n" in q)
    assert any("ix_web_statements_values" in s for s in values), values
    web.close()


def test_pledge_totals_share_one_scan(db_url, web_builder):
    """Every pledge total (by party, program, purpose, year; program by year) is summed from one
    grouped scan of the pledges, and equals the sums over the pledges themselves."""
    from sqlalchemy import event

    web_builder.build(db_url).close()
    web = wq.open_web_ledger(db_url)
    pledges = wq.list_records(web, "pledges", limit=500).items
    assert pledges
    statements: list[str] = []
    event.listen(web.engine, "before_cursor_execute",
                 lambda conn, cur, sql, params, ctx, many: statements.append(sql))
    totals = {by: wq.pledge_totals(web, by) for by in ("by", "program", "purpose", "year")}
    chart = wq.pledges_by_program_year(web)
    assert len([q for q in statements if "FROM records" in q]) == 1
    for by, rows in totals.items():
        want: dict = {}
        for p in pledges:
            key = (p.get("date") or "")[:4] or None if by == "year" else p.get(by)
            n, eur = want.get(key, (0, 0.0))
            want[key] = (n + 1, eur + (p.get("amount_eur") or 0))
        assert {r["key"]: (r["pledges"], pytest.approx(r["eur"] or 0)) for r in rows} == want, by
        eurs = [r["eur"] for r in rows if r["eur"] is not None]
        assert eurs == sorted(eurs, reverse=True)
    assert sum(r["eur"] or 0 for r in chart) == pytest.approx(sum(p.get("amount_eur") or 0 for p in pledges))
    with pytest.raises(ValueError):
        wq.pledge_totals(web, "colour")
    web.close()


def test_related_records_are_the_other_kinds_mentioned_in_the_documents(epca_url):
    """`related_records` (SQL text, built once): the active records of the kinds asked for that the
    documents mention, by kind and label, capped — the same as read through the tables."""
    w = wq.open_web_ledger(epca_url)
    try:
        meeting = wq.list_records(w, "meetings").items[0]
        docs = sorted({s["document_id"] for s in wq.get_record(w, meeting["id"])["sources"]})
        got = wq.related_records(w, docs, ("agreements", "people"))
        with w.engine.connect() as conn:
            m, r = query.t.mentions.c, query.t.records.c
            ids = set(conn.execute(query.select(m.canonical_id).where(
                m.document_id.in_(docs), m.kind.in_(["agreements", "people"]))).scalars())
            want = [query.record_row(x) for x in conn.execute(
                query.select(*[getattr(r, c) for c in query._REC_COLS])
                .where(r.id.in_(ids), r.status == "active").order_by(r.kind, r.label))]
        assert [x["record_kind"] for x in got] == ["agreements", "people"]
        assert got == want
        assert wq.related_records(w, docs, ("agreements", "people"), limit=1) == want[:1]
        assert wq.related_records(w, docs, ("pledges",)) == []
        assert wq.related_records(w, [], ("agreements",)) == []
    finally:
        w.close()
