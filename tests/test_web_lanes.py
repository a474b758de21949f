"""The slow lane (serve/lanes.py): at most `slow_lane` record details run at once; cheap requests
pass while the lane is full."""

from __future__ import annotations

import asyncio
import threading

import httpx
from fastapi.testclient import TestClient

from communique.ledger import web_queries as wq
from communique.serve.app import create_app
from communique.serve.lanes import SLOW_PATHS
from communique.serve.settings import Settings


def test_slow_paths():
    for path in ("/api/meetings/abc", "/api/people/x1", "/api/records/r", "/meetings/abc", "/records/r",
                 "/review", "/api/records/r/sources", "/api/agreements/a/history", "/api/pledges/totally"):
        assert SLOW_PATHS.match(path), path
    # aggregates beside the details are cheap (cached): they never queue behind details
    for path in ("/api/meetings", "/api/documents/abc", "/documents/abc", "/api/bodies/x/series", "/",
                 "/api/meetings/abc/more", "/meetings", "/api/pledges/totals", "/api/figures/metrics",
                 "/api/figures/series"):
        assert not SLOW_PATHS.match(path), path


def test_details_queue_in_their_lane_and_cheap_requests_pass(db_url, monkeypatch, web_builder):
    web_builder.build(db_url).close()
    # the lane of the thread pool (PostgreSQL's default; on SQLite reads run in place, below)
    app = create_app(settings=Settings(db_url=db_url, token=None, cache_mb=0, slow_lane=1,
                                       inline_reads=False))
    real = wq.get_record
    inside, peak, release = [0], [0], threading.Event()
    lock = threading.Lock()

    def blocking_get_record(*args, **kwargs):
        with lock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        try:
            release.wait(10)
            return real(*args, **kwargs)
        finally:
            with lock:
                inside[0] -= 1

    monkeypatch.setattr(wq, "get_record", blocking_get_record)

    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            ids = [m["id"] for m in (await c.get("/api/meetings")).json()["items"]][:1]
            ids += [a["id"] for a in (await c.get("/api/agreements")).json()["items"]][:1]
            details = [asyncio.create_task(c.get(f"/api/meetings/{ids[0]}")),
                       asyncio.create_task(c.get(f"/api/agreements/{ids[1]}")),
                       asyncio.create_task(c.get(f"/meetings/{ids[0]}"))]
            for _ in range(100):  # the first detail is in the app, blocked
                await asyncio.sleep(0.02)
                if inside[0]:
                    break
            cheap = await asyncio.wait_for(c.get("/api/documents"), 10)  # not behind the details
            assert cheap.status_code == 200
            assert inside[0] == 1 and not any(t.done() for t in details)
            release.set()
            answers = await asyncio.wait_for(asyncio.gather(*details), 30)
            assert [r.status_code for r in answers] == [200, 200, 200]

    asyncio.run(run())
    assert peak[0] == 1  # never two details at once with one slot


def test_reads_run_in_place_one_per_loop_turn_in_arrival_order(tmp_path, monkeypatch, web_builder):
    """On SQLite a GET route runs on the event loop's thread, never two at once, in the order the
    requests came, each in a turn of its own; a write still runs in the thread pool."""
    url = f"sqlite:///{tmp_path / 'i.db'}"
    web_builder.build(url).close()
    app = create_app(settings=Settings(db_url=url, token="t", cache_mb=0))
    real = wq.get_record
    threads, order, inside, peak = set(), [], [0], [0]

    def watched_get_record(web, record_id, *args, **kwargs):
        threads.add(threading.current_thread().name)
        inside[0] += 1
        peak[0] = max(peak[0], inside[0])
        order.append(record_id)
        try:
            return real(web, record_id, *args, **kwargs)
        finally:
            inside[0] -= 1

    monkeypatch.setattr(wq, "get_record", watched_get_record)
    turns = []

    async def run():
        loop = asyncio.get_running_loop()
        thread = threading.current_thread().name
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
            ids = [m["id"] for m in (await c.get("/api/meetings")).json()["items"]][:3]
            assert len(ids) >= 2

            async def ticker():  # counts the loop's turns while the details run
                while True:
                    turns.append(list(order))
                    await asyncio.sleep(0)

            tick = loop.create_task(ticker())
            answers = await asyncio.gather(*(c.get(f"/api/meetings/{i}") for i in ids))
            tick.cancel()
            assert [r.status_code for r in answers] == [200] * len(ids)
            assert [r.json()["id"] for r in answers] == ids
            return thread

    loop_thread = asyncio.run(run())
    assert threads == {loop_thread} and peak[0] == 1
    assert order == ids_in(order)  # each detail once
    # never two details in one turn of the loop: the ticker saw every count in between
    seen = [len(t) for t in turns]
    assert all(b - a <= 1 for a, b in zip(seen, seen[1:], strict=False))
    from communique.serve import actions

    real_judge, judged_on = actions.judge, []

    def watched_judge(*args, **kwargs):
        judged_on.append(threading.current_thread().name)
        return real_judge(*args, **kwargs)

    monkeypatch.setattr(actions, "judge", watched_judge)
    with TestClient(app) as c:  # a write: the thread pool (it may wait for the write lock)
        rid = c.get("/api/meetings").json()["items"][0]["id"]
        r = c.post("/api/judgements", json={"kind": "confirm", "target_id": rid},
                   headers={"Authorization": "Bearer t"})
        assert r.status_code == 201, r.text
        loop_name = c.portal.call(lambda: threading.current_thread().name)
    assert judged_on and judged_on[0] != loop_name


def ids_in(order: list[str]) -> list[str]:
    return list(dict.fromkeys(order))


def test_inline_reads_follow_the_database():
    assert Settings().default_inline("sqlite") is True
    assert Settings().default_inline("postgresql") is False
    assert Settings(inline_reads=False).default_inline("sqlite") is False


def test_thread_defaults_follow_the_database(monkeypatch):
    """SQLite reads are this process's CPU: two threads (a detail and a cheap request beside it);
    PostgreSQL's threads mostly wait on the server: more. Either can be set."""
    assert Settings().default_threads("sqlite") == (2, 1)
    assert Settings().default_threads("postgresql") == (8, 2)
    assert Settings(threads=5, slow_lane=3).default_threads("sqlite") == (5, 3)


def test_app_takes_the_thread_defaults(tmp_path, web_builder):
    import anyio.to_thread
    from fastapi.testclient import TestClient

    url = f"sqlite:///{tmp_path / 'l.db'}"
    web_builder.build(url).close()
    app = create_app(settings=Settings(db_url=url))
    lanes = app.user_middleware  # outermost first; the lane is the innermost
    assert lanes[-1].kwargs["slots"] == 1
    with TestClient(app) as c:
        assert c.get("/api/stats").status_code == 200
        assert c.portal.call(lambda: anyio.to_thread.current_default_thread_limiter().total_tokens) == 2
