"""A lane for slow requests, so they cannot starve cheap ones.

Routes are sync and run in one thread pool (app.py): first come, first served. A record's detail
(a meeting reported by hundreds of documents) costs 10-20 ms of CPU, a list page or a document
1-2 ms; when the pool's threads all hold details, a document waits behind every one of them. The
middleware lets at most `slots` slow requests into the pool at once (the others wait here, in
order, costing nothing), so the pool always has free threads for the cheap ones.

Which requests are slow is data (`SLOW_PATHS`), measured with bench/web.py on the 100,000-document
ledger: the record details (API and pages) and the review queue.

That is the thread pool's lane (PostgreSQL). On SQLite every read waits in one lane of one place
and runs on the event loop (serve/routing.py): under 50 clients back to back the lane for details
made the cheap requests fast and the details wait for all of them — the details' queue was the
p99 (367 ms where every cheap kind's was under 150) — while first come, first served gives every
request about the same wait, which in a closed loop is fixed by the request rate anyway.
"""

from __future__ import annotations

import asyncio
import re

from .routing import INLINE

#: Paths whose answers cost a record's sources, values and history (GET only), and the pages
#: of a record's sources and history past a detail's cap.
SLOW_PATHS = re.compile(
    r"^(?:/api/(?:meetings|agreements|people|pledges|figures|organizations|events|quotes|records)"
    r"/(?!(?:totals|metrics|series)/?$)[^/]+"  # a record's id, not an aggregate's name
    r"|/api/records/[^/]+/sources|/api/agreements/[^/]+/history"
    r"|/(?:meetings|records)/[^/]+|/review)/?$")


class SlowLaneMiddleware:
    """Pure ASGI: GET requests on `SLOW_PATHS` take one of `slots` places before they reach the
    app (and its thread pool); everything else passes straight through. Installed inside the
    response cache, so a cached detail never waits.

    `inline` (a SQLite ledger): one lane for every GET, of one place, and read routes run in
    place on the event loop (serve/routing.py): one request at a time in the order they came. The
    lane still matters: a request run in place never waits inside, so without it every request
    ready in one turn of the loop runs in that turn (twenty of them: 100+ ms) before the loop
    reads a socket or sets up a new connection again; the lane's place is handed on in the loop's
    next turn, so each turn runs one request and then looks at the sockets."""

    def __init__(self, app, slots: int = 2, inline: bool = False):
        self.app = app
        self.slots = max(1, slots)
        self.inline = inline
        self._sem: asyncio.Semaphore | None = None  # made on the server's own event loop
        self.active = 0  # slow requests inside the app now (tests read it)

    async def __call__(self, scope, receive, send):
        if self.inline and scope["type"] == "http" and scope.get("method") in ("GET", "HEAD") \
                and not scope["path"].startswith("/static/"):  # files: read in threads, not the ledger
            if self._sem is None:
                self._sem = asyncio.Semaphore(1)
            await self._sem.acquire()
            token = INLINE.set(True)
            self.active += 1
            try:
                await self.app(scope, receive, send)
            finally:
                self.active -= 1
                INLINE.reset(token)
                # the next request starts in the loop's next turn, after it has polled its sockets
                asyncio.get_running_loop().call_soon(self._sem.release)
            return
        if scope["type"] != "http" or scope.get("method") != "GET" or not SLOW_PATHS.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        if self._sem is None:
            self._sem = asyncio.Semaphore(self.slots)
        async with self._sem:
            self.active += 1
            try:
                await self.app(scope, receive, send)
            finally:
                self.active -= 1
