"""REST API and dashboard over a small known ledger: every endpoint, filters, pagination, bad
parameters, auth refusals, CSRF, upload limits, escaping and security headers.

The ledger is built from our fixture texts with hand-written records (tests/fixtures/web/builder.py)
through the ledger's own write path, so values are known whatever the extractor does. The core
read tests run on SQLite and on the real PostgreSQL server.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.serve.app import create_app
from communique.serve.security import CSRF_COOKIE, SESSION_COOKIE
from communique.serve.settings import Settings

TOKEN = "test-token-123"
WEB = Path(__file__).parent / "fixtures" / "web"


@pytest.fixture
def ledger_url(tmp_path, web_builder):
    url = f"sqlite:///{tmp_path / 'web.db'}"
    web_builder.build(url).close()
    return url


@pytest.fixture
def client(ledger_url, web_builder):
    def fixture_extractor(doc, published=None):
        """Uploads in tests: a known extraction for our fixture texts, an empty one for any other."""
        for d, ex in web_builder.extractions():
            if d.id == doc.id:
                return ex
        from communique.pipeline import empty_extraction

        return empty_extraction(doc, published, False)

    app = create_app(settings=Settings(db_url=ledger_url, token=TOKEN, extractor=fixture_extractor))
    with TestClient(app) as c:
        yield c


@pytest.fixture
def readonly(ledger_url):
    with TestClient(create_app(settings=Settings(db_url=ledger_url, token=None))) as c:
        yield c


@pytest.fixture
def any_db_client(db_url, web_builder):
    """The same ledger on SQLite and on PostgreSQL."""
    web_builder.build(db_url).close()
    with TestClient(create_app(settings=Settings(db_url=db_url, token=TOKEN))) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def first(client, path, **params):
    items = client.get(path, params=params).json()["items"]
    assert items, path
    return items[0]


# --- reads (SQLite and PostgreSQL) ------------------------------------------------------------
def test_lists_and_filters(any_db_client):
    c = any_db_client
    meetings = c.get("/api/meetings").json()
    assert meetings["total"] == 3 and not meetings["more"]
    assert [m["number"] for m in meetings["items"]] == [22, 5, 21]  # newest source first
    m22 = meetings["items"][0]
    assert m22["body"] == "Cooperation Council" and m22["record_kind"] == "meetings"
    assert {h["side"] for h in m22["heads"]} == {"European Union", "Kazakhstan"}
    assert len(c.get("/api/meetings", params={"body": "cooperation council"}).json()["items"]) == 2
    assert len(c.get("/api/meetings", params={"party": "kazakhstan"}).json()["items"]) == 2
    assert len(c.get("/api/meetings", params={"since": "2025"}).json()["items"]) == 2
    assert len(c.get("/api/meetings", params={"until": "2024-12"}).json()["items"]) == 1
    page1 = c.get("/api/meetings", params={"limit": 1}).json()
    page2 = c.get("/api/meetings", params={"limit": 1, "offset": 1}).json()
    assert page1["more"] and page1["items"][0]["id"] != page2["items"][0]["id"]
    assert c.get("/api/meetings", params={"offset": 3}).json()["items"] == []

    agreements = c.get("/api/agreements").json()["items"]
    assert {a["status"] for a in agreements} == {"in force", "negotiating"}
    assert [a["acronym"] for a in c.get("/api/agreements", params={"stage": "in force"}).json()["items"]] \
        == ["EPCA"]
    assert c.get("/api/pledges", params={"program": "global gateway"}).json()["items"][0]["amount"] == 12e9
    trade = c.get("/api/figures", params={"metric": "bilateral trade"}).json()["items"]
    assert {f["period"] for f in trade} == {"2023", "2024"}
    assert {p["name"] for p in c.get("/api/people").json()["items"]} == \
        {"Kaja Kallas", "Murat Nurtleu", "Josep Borrell"}
    assert c.get("/api/organizations").json()["items"][0]["acronym"] == "EU"
    assert c.get("/api/events").json()["items"] == []
    docs = c.get("/api/documents").json()
    assert docs["total"] == 3 and docs["items"][0]["published"] == "2025-06-17"


def test_search(any_db_client):
    c = any_db_client
    hits = c.get("/api/documents/search", params={"q": "visa facilitation"}).json()
    assert len(hits) == 1 and hits[0]["title"].startswith("Cooperation Council meets")
    assert "\x02" in hits[0]["snippet"]
    assert c.get("/api/documents/search", params={"q": "bilateral trade"}).status_code == 200
    assert len(c.get("/api/documents/search", params={"q": "trade"}).json()) == 3
    # query syntax of FTS5 / tsquery in user input is words, never a server error
    for q in ['"', "AND (", "trade NEAR/2 *", "-", "'"]:
        assert c.get("/api/documents/search", params={"q": q}).status_code == 200


def test_details(any_db_client):
    c = any_db_client
    m = first(c, "/api/meetings", body="Cooperation Council")
    d = c.get(f"/api/meetings/{m['id']}").json()
    doc = c.get(f"/api/documents/{d['sources'][0]['document_id']}").json()
    a, b = d["sources"][0]["span"]
    assert doc["text"][a:b] == "22nd meeting of their Cooperation Council"
    assert "22nd meeting" in d["sources"][0]["sentence"]

    agr = first(c, "/api/agreements", stage="in force")
    detail = c.get(f"/api/agreements/{agr['id']}").json()
    assert [h["stage"] for h in detail["stage_history"]] == ["in force"]
    assert detail["stage_history"][0]["date"] == "2020"

    person = next(p for p in c.get("/api/people").json()["items"] if p["name"] == "Murat Nurtleu")
    roles = c.get(f"/api/people/{person['id']}").json()["roles"]
    assert {r["value"] for r in roles if r["prop"] == "role"} == \
        {"Deputy Prime Minister", "Minister of Foreign Affairs"}
    assert len(c.get(f"/api/people/{person['id']}").json()["sources"]) == 2

    assert c.get(f"/api/records/{agr['id']}").json()["record_kind"] == "agreements"
    assert c.get("/api/quotes").json()["items"] == []
    for kind in ("pledges", "figures", "organizations"):
        rec = first(c, f"/api/{kind}")
        assert c.get(f"/api/{kind}/{rec['id']}").json()["id"] == rec["id"]
    # a record of another kind is not found under the wrong path
    assert c.get(f"/api/pledges/{m['id']}").status_code == 404
    for path in ("/api/meetings/nope", "/api/documents/nope", "/api/flags/nope", "/api/people/x",
                 "/api/bodies/Nothing/series", "/api/events/x", "/api/agreements/x", "/api/figures/x",
                 "/api/records/x", "/api/quotes/x"):
        assert c.get(path).status_code == 404, path


def test_aggregates(any_db_client):
    c = any_db_client
    by_party = {t["key"]: t for t in c.get("/api/pledges/totals").json()}
    assert by_party["European Union"]["eur"] == pytest.approx(12.005e9)
    assert by_party["European Union"]["usd"] == pytest.approx(13.8816e9 + 5.4e6)
    by_program = {t["key"]: t["eur"] for t in c.get("/api/pledges/totals", params={"by": "program"}).json()}
    assert by_program == {"Global Gateway": pytest.approx(12e9), None: pytest.approx(5e6)}
    assert {t["key"] for t in c.get("/api/pledges/totals", params={"by": "year"}).json()} == {"2025"}
    assert c.get("/api/pledges/totals", params={"by": "colour"}).status_code == 422

    points = c.get("/api/figures/series", params={"metric": "bilateral trade"}).json()
    p2024 = [p for p in points if p["period"] == "2024"]
    assert sorted(p["value"] for p in p2024) == [46.5e9, 48.7e9] and all(p["conflict"] for p in p2024)
    assert [p["conflict"] for p in points if p["period"] == "2023"] == [False]
    assert c.get("/api/figures/metrics").json() == [{"metric": "bilateral trade", "figures": 2}]

    bodies = {b["body"]: b for b in c.get("/api/bodies").json()}
    assert bodies["Cooperation Council"]["meetings"] == 2
    series = c.get("/api/bodies/Cooperation Council/series").json()
    assert [m["number"] for m in series["meetings"]] == [21, 22] and series["missing"] == []
    stats = c.get("/api/stats").json()
    assert stats["counts"]["documents"] == 3 and stats["counts"]["meetings"] == 3
    assert stats["counts"]["open_flags"] >= 2


def test_list_queries_read_an_index_in_page_order(ledger_url):
    """Every list page is a LIMIT over an index in the page's order: no scan, no sort of a kind."""
    from sqlalchemy import event

    from communique.ledger import web_queries as wq

    web = wq.open_web_ledger(ledger_url)
    seen: list[tuple] = []
    event.listen(web.engine, "before_cursor_execute",
                 lambda conn, cur, sql, params, ctx, many: seen.append((sql, params)))
    calls = [lambda: wq.list_records(web, "pledges", limit=10, offset=5),
             lambda: wq.list_records(web, "meetings", limit=10),
             lambda: wq.list_records(web, "people", limit=10, order="label"),
             lambda: wq.list_documents(web, limit=10),
             lambda: wq.list_flags(web, limit=10, open_only=True)]
    # not the review queue: it is `review.queue`, ordered by a certainty computed in Python
    for call in calls:
        seen.clear()
        call()
        sql, params = next((q, p) for q, p in seen if " LIMIT " in q)
        with web.engine.connect() as conn:
            plan = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
        assert not any("TEMP B-TREE" in step for step in plan), (sql, plan)
        assert all("INDEX" in step for step in plan if step.startswith(("SCAN", "SEARCH"))), (sql, plan)
    web.close()


def test_bad_parameters(client):
    bad = [("/api/meetings", {"limit": 0}), ("/api/meetings", {"limit": 501}),
           ("/api/meetings", {"offset": -1}), ("/api/meetings", {"limit": "ten"}),
           ("/api/meetings", {"since": "June 2025"}), ("/api/agreements", {"stage": "drafted"}),
           ("/api/documents/search", {}), ("/api/documents/search", {"q": "x" * 201}),
           ("/api/figures/series", {}), ("/api/flags", {"open": "perhaps"}),
           ("/api/review", {"kind": "unicorns"}), ("/api/documents", {"until": "2025-1"})]
    for path, params in bad:
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, params, r.text)
        assert r.headers["content-type"].startswith("application/json")
    assert client.get("/meetings", params={"limit": 0}, headers={"accept": "text/html"}).status_code == 422


# --- writes: auth ------------------------------------------------------------------------------
def test_writes_refused_without_token(client, readonly):
    rec = first(client, "/api/meetings")
    body = {"target_id": rec["id"], "kind": "confirm"}
    assert readonly.post("/api/judgements", json=body, headers=AUTH).status_code == 403
    assert "read-only" in readonly.post("/api/judgements", json=body).json()["detail"]
    r = client.post("/api/judgements", json=body)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert client.post("/api/judgements", json=body,
                       headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/judgements", json=body,
                       headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    flag = first(client, "/api/flags")
    assert client.post(f"/api/flags/{flag['id']}/dismiss").status_code == 401
    assert readonly.post(f"/api/flags/{flag['id']}/dismiss").status_code == 403
    files = {"file": ("a.txt", b"The 3rd Cooperation Council met.", "text/plain")}
    assert client.post("/api/documents", files=files).status_code == 401
    assert readonly.post("/api/documents", files=files, headers=AUTH).status_code == 403
    # nothing was written
    assert client.get("/api/review", params={"judged": True}).json()["items"] == []


def test_record_detail_is_what_show_prints(client, ledger_url):
    """/api/records/{id} and `communique show` read one function (`query.record`): same fields,
    sources, statements and values."""
    from communique.ledger import open_ledger, query

    rec = first(client, "/api/meetings", body="Cooperation Council")
    api = client.get(f"/api/records/{rec['id']}").json()
    ledger = open_ledger(ledger_url)
    try:
        shown = query.show(ledger, rec["id"])
    finally:
        ledger.close()
    for k in ("id", "record_kind", "label", "body", "number", "date", "n_sources", "members", "values"):
        assert api[k] == shown[k], k
    assert [(x["document_id"], x["span"], x["sentence"]) for x in api["sources"]] == \
        [(x["document_id"], x["span"], x["sentence"]) for x in shown["sources"]]
    statements = api["sources"][0]["statements"]
    assert statements and statements == shown["sources"][0]["statements"]


def test_review_queue_is_the_cli_queue(client, ledger_url):
    """/api/review and the review page show `review.queue` (what `review list` prints): same order
    (least certain first), same filters."""
    from communique.ledger import open_ledger, review

    ledger = open_ledger(ledger_url)
    try:
        cli = review.queue(ledger, status="unreviewed", limit=None)["items"]
        cli_agreements = review.queue(ledger, kind="agreements", limit=None)["items"]
    finally:
        ledger.close()
    api = client.get("/api/review", params={"limit": 500}).json()
    assert [x["id"] for x in api["items"]] == [x["id"] for x in cli] and api["total"] == len(cli)
    certainties = [x["certainty"] for x in api["items"]]
    assert certainties == sorted(certainties) and len(set(certainties)) > 1
    assert all(x["review_status"] == "unreviewed" for x in api["items"])
    got = client.get("/api/review", params={"kind": "agreements", "status": "unreviewed"}).json()["items"]
    assert [x["id"] for x in got] == [x["id"] for x in cli_agreements]
    page = client.get("/review", params={"kind": "agreements"}).text
    order = re.findall(r'data-record="([^"]+)"', page)
    assert order == [x["id"] for x in cli_agreements][:25]
    assert client.get("/api/review", params={"status": "maybe"}).status_code == 422


def test_judgements(client):
    rec = first(client, "/api/meetings", body="Cooperation Council")
    r = client.post("/api/judgements", json={"target_id": rec["id"], "kind": "confirm", "reason": "checked"},
                    headers=AUTH)
    assert r.status_code == 201, r.text
    judged = client.get("/api/review", params={"judged": True}).json()["items"]
    assert [j["id"] for j in judged] == [rec["id"]]
    assert judged[0]["judgements"][0]["author"] == "api"
    queue = client.get("/api/review", params={"limit": 500}).json()["items"]
    assert rec["id"] not in [x["id"] for x in queue]
    # the ledger applies it on rebuild (run by the background task after the response)
    assert client.get(f"/api/meetings/{rec['id']}").json()["confirmed"] is True
    # written through the review module: the judgement keeps where its record was read
    import json

    from sqlalchemy import select

    from communique.ledger import schema

    with client.app.state.ledger.engine.connect() as conn:
        key = conn.execute(select(schema.judgements.c.target_key)
                           .where(schema.judgements.c.id == r.json()["judgement_id"])).scalar()
    assert json.loads(key)["anchor"]

    pledge = first(client, "/api/pledges", program="Global Gateway")
    r = client.post("/api/judgements", json={"target_id": pledge["id"], "kind": "correct",
                                             "prop": "amount", "value": 11e9}, headers=AUTH)
    assert r.status_code == 201
    j = client.get(f"/api/pledges/{pledge['id']}").json()["judgements"]
    assert [(x["kind"], x["prop"], x["value"]) for x in j] == [("correct", "amount", 11e9)]

    bad = [({"target_id": pledge["id"], "kind": "correct", "value": 1}, 422),      # no prop
           ({"target_id": pledge["id"], "kind": "correct", "prop": "colour", "value": 1}, 422),
           ({"target_id": pledge["id"], "kind": "correct", "prop": "amount"}, 422),  # no value
           ({"target_id": "nope", "kind": "confirm"}, 404),
           ({"target_id": pledge["id"], "kind": "approve"}, 422),
           ({"target_id": pledge["id"], "kind": "confirm", "extra": 1}, 422)]
    for body, status in bad:
        assert client.post("/api/judgements", json=body, headers=AUTH).status_code == status, body


def test_write_while_the_ledger_is_locked_is_503(client, ledger_url):
    """A write stuck behind another writer (a rebuild, a CLI ingest) answers 503 to retry."""
    import sqlite3

    from sqlalchemy import event

    engine = client.app.state.ledger.engine
    engine.dispose()
    event.listen(engine, "connect", lambda dbapi, _rec: dbapi.execute("PRAGMA busy_timeout=200"))
    rec = first(client, "/api/meetings")
    holder = sqlite3.connect(ledger_url.split("///", 1)[1])
    holder.execute("BEGIN IMMEDIATE")
    try:
        r = client.post("/api/judgements", json={"target_id": rec["id"], "kind": "confirm"}, headers=AUTH)
        assert r.status_code == 503 and r.headers["retry-after"] == "5", r.text
    finally:
        holder.rollback()
        holder.close()
    r = client.post("/api/judgements", json={"target_id": rec["id"], "kind": "confirm"}, headers=AUTH)
    assert r.status_code == 201


def test_dismiss_flag(client):
    open_before = client.get("/api/flags", params={"open": True}).json()["items"]
    flag = next(f for f in open_before if f["kind"] == "growth_inconsistent")
    r = client.post(f"/api/flags/{flag['id']}/dismiss", json={"reason": "stated elsewhere"}, headers=AUTH)
    assert r.status_code == 201
    open_after = client.get("/api/flags", params={"open": True}).json()["items"]
    assert flag["id"] not in [f["id"] for f in open_after]
    assert client.get(f"/api/flags/{flag['id']}").json()["dismissed"] is True
    assert client.post("/api/flags/nope/dismiss", headers=AUTH).status_code == 404


# --- upload ----------------------------------------------------------------------------------
def test_upload_limits(client):
    def up(name, data, ctype="text/plain", **extra):
        return client.post("/api/documents", files={"file": (name, data, ctype)}, headers=AUTH, **extra)

    big = up("big.txt", b"word " * (5 * 1024 * 1024 // 5 + 10))  # just over: refused by the route
    assert big.status_code == 413 and "5 MB" in big.json()["detail"]
    huge = up("huge.txt", b"x" * (6 * 1024 * 1024))  # refused before the form is read
    assert huge.status_code == 413 and "limit" in huge.json()["detail"]

    def chunks():  # a multipart body sent chunked, with no Content-Length to refuse it by
        yield b'--b0\r\nContent-Disposition: form-data; name="file"; filename="s.txt"\r\n\r\n'
        for _ in range(7):
            yield b"y" * (1024 * 1024)
        yield b"\r\n--b0--\r\n"

    streamed = client.post("/api/documents", content=chunks(),
                           headers={**AUTH, "content-type": "multipart/form-data; boundary=b0"})
    assert streamed.status_code == 413
    assert up("x.exe", b"MZ....").status_code == 415
    assert up("noext", b"hello").status_code == 415
    assert up("x.txt", b"hello", "application/pdf").status_code == 415
    assert up("fake.pdf", b"not a pdf at all", "application/pdf").status_code == 415
    assert up("bin.txt", b"ab\x00\x01\x02cd" * 10).status_code == 415
    empty = up("empty.txt", b"   \n")
    assert empty.status_code == 422 and "empty.txt" in empty.json()["detail"]
    assert client.post("/api/documents", headers=AUTH).status_code == 422  # no file part
    r = client.post("/api/documents", files={"file": ("a.txt", b"x", "text/plain")},
                    data={"published": "last week"}, headers=AUTH)
    assert r.status_code == 422


def test_upload_stores_and_is_idempotent(client):
    text = (WEB / "council-2024.txt").read_bytes()
    # a fresh ledger without that document: upload it, then again
    docs = {d["title"] for d in client.get("/api/documents").json()["items"]}
    assert "Cooperation Council meets for the 21st time" in docs
    r = client.post("/api/documents", files={"file": ("../../etc/passwd.txt", text, "text/plain")},
                    headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "unchanged"  # same text → same document
    new = b"The 9th Sub-Committee on trade met in Astana on 2 May 2025. Its agenda covered customs."
    r = client.post("/api/documents", files={"file": ("../../notes/sub committee.txt", new, "text/plain")},
                    data={"published": "2025-05-02"}, headers=AUTH)
    assert r.status_code == 201 and r.json()["status"] == "new"
    assert r.json()["source"] == "sub committee.txt"  # path parts stripped
    got = client.get(f"/api/documents/{r.json()['id']}").json()
    assert got["text"] == new.decode() and got["source"] == "sub committee.txt"
    assert client.get("/api/documents/search", params={"q": "customs"}).json()[0]["id"] == r.json()["id"]


# --- browser side: sessions, CSRF, escaping, headers -----------------------------------------
def _csrf(c, path="/login"):
    page = c.get(path, headers={"accept": "text/html"})
    return re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)


def test_login_and_review_forms(client):
    rec = first(client, "/api/agreements", stage="negotiating")
    token = _csrf(client)
    assert client.cookies.get(CSRF_COOKIE)
    # wrong token: 401 page, no session
    r = client.post("/login", data={"token": "nope", "csrf_token": token, "next": "/review"})
    assert r.status_code == 401 and not client.cookies.get(SESSION_COOKIE)
    # missing CSRF field
    assert client.post("/login", data={"token": TOKEN}).status_code == 403
    r = client.post("/login", data={"token": TOKEN, "csrf_token": token, "next": "//evil.example/"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/review"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    page = client.get("/review", params={"kind": "agreements"})
    assert f'action="/review/{rec["id"]}"' in page.text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    # a form without (or with a wrong) CSRF token, or from another origin, is refused
    assert client.post(f"/review/{rec['id']}", data={"action": "confirm"}).status_code == 403
    wrong = {"action": "confirm", "csrf_token": "x"}
    assert client.post(f"/review/{rec['id']}", data=wrong).status_code == 403
    assert client.post(f"/review/{rec['id']}", data={"action": "confirm", "csrf_token": token},
                       headers={"origin": "https://evil.example"}).status_code == 403
    assert client.get("/api/review", params={"judged": True}).json()["items"] == []
    r = client.post(f"/review/{rec['id']}", data={"action": "confirm", "csrf_token": token,
                                                  "back": "/review?kind=agreements"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/review?kind=agreements"
    judged = client.get("/review", params={"judged": True})
    assert rec["id"] in judged.text and "confirmed" in judged.text
    j = client.get(f"/api/agreements/{rec['id']}").json()["judgements"]
    assert [(x["kind"], x["author"]) for x in j] == [("confirm", "reviewer")]
    # correct through the form: a number typed is stored as a number
    r = client.post(f"/review/{rec['id']}", data={"action": "correct", "prop": "date", "value": "2024-06-01",
                                                  "csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    # sign out ends the session
    client.post("/logout", data={"csrf_token": token})
    reject = {"action": "reject", "csrf_token": token}
    assert client.post(f"/review/{rec['id']}", data=reject).status_code == 401


def test_forged_session_cookie_refused(client):
    token = _csrf(client)
    rec = first(client, "/api/meetings")
    client.cookies.set(SESSION_COOKIE, "eyJleHAiOjk5OTk5OTk5OTl9.AAAA")
    confirm = {"action": "confirm", "csrf_token": token}
    assert client.post(f"/review/{rec['id']}", data=confirm).status_code == 401


def test_dismiss_flag_form(client):
    token = _csrf(client)
    client.post("/login", data={"token": TOKEN, "csrf_token": token})
    page = client.get("/flags", params={"open": True})
    flag_id = re.search(r'action="/flags/([0-9a-f]+)/dismiss"', page.text).group(1)
    assert client.post(f"/flags/{flag_id}/dismiss", data={"reason": "x"}).status_code == 403  # no CSRF
    r = client.post(f"/flags/{flag_id}/dismiss", data={"reason": "known", "csrf_token": token},
                    follow_redirects=False)
    assert r.status_code == 303
    assert client.get(f"/api/flags/{flag_id}").json()["dismissed_by"] == "reviewer"
    assert flag_id not in client.get("/flags", params={"open": True}).text


def test_upload_form(client):
    token = _csrf(client)
    files = {"file": ("note.txt", b"The 4th Energy Dialogue met in Astana on 3 May 2025.", "text/plain")}
    assert client.post("/documents/upload", files=files, data={"csrf_token": token}).status_code == 401
    client.post("/login", data={"token": TOKEN, "csrf_token": token})
    assert 'action="/documents/upload"' in client.get("/documents").text
    assert client.post("/documents/upload", files=files).status_code == 403  # no CSRF token
    bad = {"file": ("x.exe", b"MZ", "application/octet-stream")}
    assert client.post("/documents/upload", files=bad, data={"csrf_token": token}).status_code == 415
    r = client.post("/documents/upload", files=files, data={"csrf_token": token, "published": "2025-05-03"},
                    follow_redirects=False)
    assert r.status_code == 303
    page = client.get(r.headers["location"])
    assert page.status_code == 200 and "4th Energy Dialogue" in page.text


def test_loopback_host_check(ledger_url):
    settings = Settings(db_url=ledger_url, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(create_app(settings=settings), base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/stats").status_code == 200
        assert c.get("/api/stats", headers={"host": "attacker.example"}).status_code == 400


def test_readonly_review_page(readonly):
    page = readonly.get("/review")
    assert page.status_code == 200 and "read-only" in page.text and "<form class=\"inline\"" not in page.text
    assert readonly.get("/login").status_code == 200


def test_untrusted_text_is_escaped(client):
    doc = next(d for d in client.get("/api/documents").json()["items"] if d["title"].startswith("Crafted"))
    for path in (f"/documents/{doc['id']}", "/documents", "/", "/pledges", "/review", "/flags", "/timeline",
                 "/meetings", "/documents?q=script"):
        html = client.get(path, headers={"accept": "text/html"}).text
        assert "<script>alert" not in html and "<img src=x" not in html and "<iframe" not in html, path
        assert 'href="javascript:' not in html and '<b id="injected">' not in html, path
    html = client.get(f"/documents/{doc['id']}").text
    assert "&lt;script&gt;</span>alert(&#34;pwned&#34;)&lt;/script&gt;" in html  # flagged, escaped
    assert html.count("<script") == 1  # only our own /static/app.js


def test_security_headers(client):
    for path in ("/", "/api/meetings", "/static/app.js", "/docs", "/api/meetings/nope"):
        h = client.get(path).headers
        csp = h["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
        assert h["x-content-type-options"] == "nosniff"


def test_pages(client):
    meeting = first(client, "/api/meetings", body="Cooperation Council")
    agreement = first(client, "/api/agreements", stage="in force")
    person = first(client, "/api/people")
    doc = client.get(f"/api/meetings/{meeting['id']}").json()["sources"][0]["document_id"]
    pages = {"/": ["Latest meetings", "22"], "/timeline": ["Cooperation Council", "21st", "22nd"],
             "/meetings": ["Brussels"],
             f"/meetings/{meeting['id']}": ["Kaja Kallas", "EPCA", "Global Gateway"],
             "/agreements": ["in force", "negotiating", "EPCA"],
             "/pledges": ["12,000,000,000", "13,881,600,000", "<svg"],
             "/figures": ["bilateral trade", "<svg", "disagrees"], "/people": ["Josep Borrell"],
             "/organizations": ["EU"], f"/records/{agreement['id']}": ["Stage history", "in force"],
             f"/records/{person['id']}": ["Roles over time"], f"/documents/{doc}": ['class="anchor"', "hl "],
             "/documents?q=visa": ["<mark>visa</mark>"], "/flags": ["growth_inconsistent"],
             "/review": ["Sign in"], "/docs": ["/api/meetings", "/api/documents/search"],
             "/login": ["token"]}
    for path, needles in pages.items():
        r = client.get(path, headers={"accept": "text/html"})
        assert r.status_code == 200, (path, r.text[:300])
        for n in needles:
            assert n in r.text, (path, n)
    for d in client.get("/api/documents").json()["items"]:  # incl. a flag without a span
        assert client.get(f"/documents/{d['id']}").status_code == 200
    assert client.get("/records/nope", headers={"accept": "text/html"}).status_code == 404
    assert "Not found" in client.get("/meetings/nope", headers={"accept": "text/html"}).text


def test_serve_cli_help():
    from typer.testing import CliRunner

    from communique.cli import app

    out = CliRunner().invoke(app, ["serve", "--help"])
    assert out.exit_code == 0 and "--port" in out.output and "127.0.0.1" in out.output


@pytest.mark.parametrize("kind,params", [
    ("meetings", {"party": "Kazakhstan"}), ("meetings", {"party": "KAZ"}),
    ("meetings", {"body": "Council", "party": "Kazakhstan"}), ("meetings", {"body": "cooperation"}),
    ("agreements", {"party": "European Union"}), ("pledges", {"program": "global gateway"}),
    ("figures", {"metric": "trade"}), ("meetings", {"since": "2024", "until": "2024-10"}),
])
def test_api_lists_are_the_cli_queries(client, ledger_url, kind, params):
    """The API and `communique <kind>` call one query function: same records, same order, same total."""
    from communique.ledger import open_ledger, query

    api = client.get(f"/api/{kind}", params={**params, "limit": 200}).json()
    ledger = open_ledger(ledger_url)
    args = {("text" if k == "q" else k): v for k, v in params.items()}
    cli = getattr(query, kind)(ledger, **args, limit=200)
    ledger.close()
    assert [r["id"] for r in api["items"]] == [r["id"] for r in cli["items"]]
    assert api["total"] == cli["total"] > 0


def test_record_detail_reads_indexes(ledger_url):
    """A record's detail (query.record) finds its judgements by either id through an index (not a
    scan of every judgement) and its sources' document dates from the documents' covering index."""
    from sqlalchemy import event

    from communique.ledger import web_queries as wq

    web = wq.open_web_ledger(ledger_url)
    seen: list[tuple] = []
    event.listen(web.engine, "before_cursor_execute",
                 lambda conn, cur, sql, params, ctx, many: seen.append((sql, params)))
    rec = wq.list_records(web, "meetings", limit=1).items[0]
    seen.clear()
    assert wq.get_record(web, rec["id"])["sources"]
    plans = {}
    with web.engine.connect() as conn:
        for sql, params in seen:
            if sql.lstrip().upper().startswith("SELECT"):
                plans[sql] = [row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params)]
    web.close()
    judgements = next(p for q, p in plans.items() if "FROM judgements" in q)
    assert not any(step.startswith("SCAN") for step in judgements), judgements
    sources = next(p for q, p in plans.items() if "JOIN documents" in q and "mentions" in q)
    assert any("COVERING INDEX ix_web_documents_cover" in step for step in sources), sources


def test_details_on_any_database(any_db_client):
    """A person's detail carries the web's roles (person_roles), not query.roles' shape; an
    agreement's page folds its history into runs, each titled by its first document."""
    from html import escape

    from communique.ledger.web_queries import stage_summary

    c = any_db_client
    person = first(c, "/api/people")
    roles = c.get(f"/api/people/{person['id']}").json()["roles"]
    assert roles and all({"prop", "value", "since", "until", "documents"} <= set(r) for r in roles)
    agreement = first(c, "/api/agreements", stage="in force")
    history = c.get(f"/api/agreements/{agreement['id']}").json()["stage_history"]
    runs = stage_summary(history)
    assert runs and all(r["title"] for r in runs)
    page = c.get(f"/records/{agreement['id']}", headers={"accept": "text/html"}).text
    assert page.count('<span class="tag stage-') == len(runs)
    for r in runs:
        assert escape(r["title"]) in page
