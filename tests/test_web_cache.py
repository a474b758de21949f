"""The response cache (serve/cache.py) and the ledger generation it is keyed by: a GET answer is
reused only while nothing was committed, by this app or any other connection; ETags answer 304;
per-browser CSRF tokens and signed-in views never leak between browsers; memory is bounded.

Ledger-backed tests run on SQLite and on the real PostgreSQL server.
"""

from __future__ import annotations

import asyncio
import re

import pytest
from fastapi.testclient import TestClient

from communique.serve.app import create_app
from communique.serve.cache import CacheMiddleware, Entry, ResponseCache
from communique.serve.security import CSRF_COOKIE, CSRF_SLOT
from communique.serve.settings import Settings

TOKEN = "cache-token"


def _build_first_two(builder, url: str) -> None:
    """The ledger without its third document (the crafted one), which a test ingests later."""
    from communique.ledger.store import open_ledger

    ledger = open_ledger(url)
    for doc, ex in builder.extractions()[:2]:
        ledger.store_extraction(doc, ex)
    ledger.rebuild()
    ledger.close()


def _ingest_third(builder, url: str) -> None:
    """Another connection (a separate ledger handle, as `communique ingest` would open) writes."""
    from communique.ledger.store import open_ledger

    ledger = open_ledger(url)
    doc, ex = builder.extractions()[2]
    ledger.store_extraction(doc, ex)
    ledger.rebuild()
    ledger.close()


@pytest.fixture
def app_client(db_url, web_builder):
    _build_first_two(web_builder, db_url)
    app = create_app(settings=Settings(db_url=db_url, token=TOKEN))
    with TestClient(app) as c:
        yield c


def test_generation_changes_on_commit_by_another_connection(db_url, web_builder):
    from sqlalchemy import text

    from communique.ledger.web_queries import open_web_ledger

    _build_first_two(web_builder, db_url)
    web = open_web_ledger(db_url)
    try:
        g1 = web.generation()
        assert g1 is not None and web.generation() == g1  # reading changes nothing
        from communique.ledger.store import open_ledger

        other = open_ledger(db_url)
        with other.engine.begin() as conn:
            conn.execute(text("UPDATE records SET label = label || ' ' WHERE id = "
                              "(SELECT min(id) FROM records)"))
        other.close()
        g2 = web.generation()
        assert g2 != g1 and web.generation() == g2
        web.invalidate()  # a write through this app starts a generation too
        assert web.generation() not in (g1, g2)
    finally:
        web.close()


def test_in_memory_sqlite_has_no_generation():
    from sqlalchemy import create_engine

    from communique.ledger.web_queries import generation_probe

    assert generation_probe(create_engine("sqlite://")) is None


def test_get_is_reused_until_another_connection_ingests(app_client, db_url, web_builder):
    c, cache = app_client, app_client.app.state.cache
    docs = c.get("/api/documents").json()
    assert docs["total"] == 2
    stats = c.get("/api/stats").json()["counts"]
    home = c.get("/", headers={"accept": "text/html"}).text
    web = c.app.state.ledger
    for _ in range(3):
        # On PostgreSQL the generation is the cluster's snapshot: a commit anywhere on the server
        # (another database, an autovacuum's ANALYZE) starts a new one and costs one round of misses.
        # Count hits over a round that began and ended in the generation the answers were kept in.
        before, hits = web.generation(), cache.hits
        assert c.get("/api/documents").json() == docs and c.get("/api/stats").json()["counts"] == stats
        assert c.get("/", headers={"accept": "text/html"}).text == home
        if before == web.generation() == cache.generation:
            break
    assert cache.hits == hits + 3  # served from the cache

    _ingest_third(web_builder, db_url)

    after = c.get("/api/documents").json()
    assert after["total"] == 3 and "Crafted" in " ".join(d["title"] for d in after["items"])
    new_stats = c.get("/api/stats").json()["counts"]  # the ledger-wide aggregates too
    assert new_stats["documents"] == stats["documents"] + 1
    assert new_stats["meetings"] == stats["meetings"] + 1
    assert c.get("/", headers={"accept": "text/html"}).text != home


def test_write_through_the_app_shows_at_once(app_client):
    c = app_client
    rec = c.get("/api/agreements").json()["items"][0]
    assert c.get(f"/api/agreements/{rec['id']}").json()["judgements"] == []
    r = c.post("/api/judgements", json={"kind": "confirm", "target_id": rec["id"]},
               headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code in (200, 201), r.text
    assert [j["kind"] for j in c.get(f"/api/agreements/{rec['id']}").json()["judgements"]] == ["confirm"]


def test_etag_and_304(app_client, db_url, web_builder):
    c = app_client
    for path in ("/api/meetings", "/timeline"):
        r = c.get(path)
        etag = r.headers["etag"]
        assert r.status_code == 200 and r.headers["cache-control"] == "no-cache"
        again = c.get(path, headers={"if-none-match": etag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
        assert "script-src 'self'" in again.headers["content-security-policy"]  # headers on a 304 too
        assert c.get(path, headers={"if-none-match": '"other"'}).status_code == 200
    etag = c.get("/api/documents").headers["etag"]
    _ingest_third(web_builder, db_url)
    r = c.get("/api/documents", headers={"if-none-match": etag})
    assert r.status_code == 200 and r.headers["etag"] != etag and r.json()["total"] == 3


def test_security_headers_on_hits(app_client):
    for _ in range(2):
        for path in ("/", "/api/meetings", "/login"):
            h = app_client.get(path).headers
            assert "frame-ancestors 'none'" in h["content-security-policy"], path
            assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"


def _token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def test_csrf_token_is_each_browsers_own(db_url, web_builder):
    _build_first_two(web_builder, db_url)
    app = create_app(settings=Settings(db_url=db_url, token=TOKEN))
    with TestClient(app) as a, TestClient(app) as b:
        first_a = a.get("/login")
        assert CSRF_COOKIE in first_a.headers.get("set-cookie", "")
        first_b = b.get("/login")  # a hit: the same rendered page, b's own token and cookie
        assert app.state.cache.hits >= 1
        ta, tb = _token(first_a.text), _token(first_b.text)
        assert ta != tb and CSRF_SLOT not in first_a.text + first_b.text
        assert first_a.headers["etag"] != first_b.headers["etag"]
        again = a.get("/login")
        assert _token(again.text) == ta and "set-cookie" not in again.headers  # cookie kept
        # each token signs in its own browser only
        assert b.post("/login", data={"token": TOKEN, "csrf_token": ta}).status_code == 403
        r = a.post("/login", data={"token": TOKEN, "csrf_token": ta}, follow_redirects=False)
        assert r.status_code == 303
        # same URL, signed in or not: never each other's page
        assert "Sign out" in a.get("/").text and "Sign out" not in b.get("/").text
        assert "Sign out" in a.get("/").text
        review = a.get("/review?kind=agreements").text
        assert _token(review) == ta and CSRF_SLOT not in review
        bad = a.post("/login", data={"token": "wrong", "csrf_token": ta})  # a page rendered by a POST
        assert CSRF_SLOT not in bad.text


def test_not_kept(app_client):
    c, cache = app_client, app_client.app.state.cache
    c.get("/api/meetings/nope")
    c.get("/api/meetings/nope")
    assert not any(k[0] == "/api/meetings/nope" for k in cache.entries)  # 404s are not kept
    assert c.head("/api/meetings").content == b""  # HEAD passes through (FastAPI answers 405)
    assert ("/api/meetings", b"", None) not in cache.entries
    c.get("/static/app.css")
    assert not any(k[0].startswith("/static") for k in cache.entries)
    c.get("/api/meetings?limit=1")
    c.get("/api/meetings?limit=1", headers={"Authorization": f"Bearer {TOKEN}"})
    assert ("/api/meetings", b"limit=1", None) in cache.entries
    assert ("/api/meetings", b"limit=1", "api") in cache.entries  # per who is asking


def test_cache_off_still_fills_csrf_slots(db_url, web_builder):
    _build_first_two(web_builder, db_url)
    app = create_app(settings=Settings(db_url=db_url, token=TOKEN, cache_mb=0))
    with TestClient(app) as c:
        assert app.state.cache is None
        html = c.get("/login").text
        assert CSRF_SLOT not in html and _token(html)
        assert "etag" not in c.get("/api/meetings").headers
        assert c.post("/login", data={"token": TOKEN, "csrf_token": _token(html)},
                      follow_redirects=False).status_code == 303


def _entry(n: int) -> Entry:
    return Entry(status=200, headers=[], body=b"x" * n, etag="e", has_slot=False)


def test_cache_is_bounded_least_recently_used_out():
    cache = ResponseCache(max_bytes=3000, max_entry=1500)
    for k in "abc":
        cache.put("g1", (k,), _entry(900))
    assert list(cache.entries) == [("b",), ("c",)] and cache.size <= 3000  # "a" went first
    assert cache.get("g1", ("b",)) is not None  # b now most recent
    cache.put("g1", ("d",), _entry(900))
    assert list(cache.entries) == [("b",), ("d",)]
    cache.put("g1", ("big",), _entry(2000))
    assert ("big",) not in cache.entries  # over max_entry: never kept
    assert cache.get("g2", ("b",)) is None  # another generation
    cache.put("g2", ("e",), _entry(10))
    assert list(cache.entries) == [("e",)]  # a new generation drops the old one's entries


class _Probe:
    cheap = True

    def __init__(self):
        self.value = "1"

    def __call__(self):
        return self.value

    def close(self):
        pass


class _Web:
    def __init__(self):
        self.probe = _Probe()

    def generation(self):
        return self.probe()


class _Guard:
    def who(self, request):
        return None


def test_concurrent_misses_compute_once():
    calls = []

    async def app(scope, receive, send):
        calls.append(scope["path"])
        await asyncio.sleep(0.05)  # a slow query
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b'{"n": %d}' % len(calls)})

    web = _Web()
    mw = CacheMiddleware(app, web=web, guard=_Guard(), cache=ResponseCache())

    async def get(path="/api/x"):
        scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": [],
                 "scheme": "http", "server": ("127.0.0.1", 8000), "root_path": ""}
        sent = []

        async def receive():
            return {"type": "http.request", "body": b""}

        async def send(message):
            sent.append(message)

        await mw(scope, receive, send)
        return sent[0]["status"], sent[1]["body"]

    async def main():
        first = await asyncio.gather(*(get() for _ in range(20)))
        assert calls == ["/api/x"] and {b for _, b in first} == {b'{"n": 1}'}
        web.probe.value = "2"  # a commit somewhere
        second = await asyncio.gather(*(get() for _ in range(5)))
        assert len(calls) == 2 and {b for _, b in second} == {b'{"n": 2}'}

    asyncio.run(main())


@pytest.mark.parametrize("megabytes", [64, 0])
def test_sqlite_connections_read_through_a_memory_map(tmp_path, web_builder, megabytes):
    """The app's SQLite connections map the ledger file (`Settings.sqlite_mmap_mb`), those made
    before the app added the setting included; 0 leaves SQLite's default (no map)."""
    from sqlalchemy import text

    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    web_builder.build(url).close()
    app = create_app(settings=Settings(db_url=url, sqlite_mmap_mb=megabytes))
    try:
        with app.state.ledger.engine.connect() as conn:
            assert conn.execute(text("PRAGMA mmap_size")).scalar() == megabytes * 1024 * 1024
        with TestClient(app) as c:  # and it still reads
            assert c.get("/api/meetings").json()["total"] > 0
    finally:
        app.state.ledger.close()
