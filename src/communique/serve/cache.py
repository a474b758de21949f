"""A response cache in front of the app, exact to the ledger's generation, with ETags.

The ledger changes only when someone writes to it, and every page and API answer is a function of
the ledger, the URL and who is asking. So a GET answer is kept, keyed by (path, query, who), for as
long as the ledger's generation (`WebLedger.generation`: SQLite's data_version, PostgreSQL's
snapshot) is the one it was computed in; the first request after any commit — from this process,
another worker, or `communique ingest` elsewhere — finds the cache emptied and computes afresh.

- Pure ASGI (no per-request task as Starlette's BaseHTTPMiddleware starts): a hit is answered
  without routing, dependency injection, validation or a thread.
- Bounded: at most `max_bytes` of bodies (least recently used out first), no body over
  `max_entry`. Concurrent misses of one key compute it once; the others wait for that answer.
- Only 200 answers without Set-Cookie or `Cache-Control: no-store` are kept; HEAD and writes pass.
- Every answer it handles gets an ETag (a hash of the body) and `Cache-Control: no-cache`, so a
  browser revalidates and a matching `If-None-Match` is answered 304 without a body.
- Per-browser bits stay out of the cache: pages render the CSRF token as a per-process slot
  (`security.CSRF_SLOT`) which is filled here for each request, with the browser's CSRF cookie set
  when it has none. This runs for every HTML answer, cached or not.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from .security import CSRF_COOKIE, CSRF_SLOT

_SLOT = CSRF_SLOT.encode()
_SKIP_HEADERS = {b"content-length", b"etag", b"cache-control"}


@dataclass
class Entry:
    """One kept answer: the app's headers (less length, ETag, cache control) and body."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: str
    has_slot: bool

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 200


class ResponseCache:
    """Answers of one generation, least recently used out first past `max_bytes`."""

    def __init__(self, max_bytes: int = 64 * 1024 * 1024, max_entry: int | None = None):
        self.max_bytes = max_bytes
        self.max_entry = max_entry if max_entry is not None else min(4 * 1024 * 1024, max_bytes // 8)
        self.generation: str | None = None
        self.entries: OrderedDict[tuple, Entry] = OrderedDict()
        self.size = 0
        self.hits = self.misses = 0

    def get(self, generation: str, key: tuple) -> Entry | None:
        if generation != self.generation:
            return None
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, generation: str, key: tuple, entry: Entry) -> None:
        if generation != self.generation:
            self.clear()
            self.generation = generation
        if entry.size > self.max_entry:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= old.size
        self.entries[key] = entry
        self.size += entry.size
        while self.size > self.max_bytes and self.entries:
            _, gone = self.entries.popitem(last=False)
            self.size -= gone.size

    def clear(self) -> None:
        self.entries.clear()
        self.size = 0


def etag_of(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=12).hexdigest()


def _header(scope, name: bytes) -> bytes | None:
    for k, v in scope.get("headers") or ():
        if k == name:
            return v
    return None


def _matches(if_none_match: bytes | None, etag: str) -> bool:
    if not if_none_match:
        return False
    for tag in if_none_match.decode("latin-1").split(","):
        tag = tag.strip()
        if tag == "*" or tag.removeprefix("W/") == etag:
            return True
    return False


class _Captured:
    """The app's answer, gathered whole so it can be kept or have its slot filled (the app's
    answers are single bodies: JSON, templates)."""

    def __init__(self):
        self.status = 500
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: list[bytes] = []
        self.complete = False

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)

    def header(self, name: bytes) -> bytes | None:
        for k, v in self.headers:
            if k.lower() == name:
                return v
        return None


class CacheMiddleware:
    """See the module docstring. `web` gives the generation, `guard` who is asking and the CSRF
    tokens; `cache` None keeps nothing (slots are still filled)."""

    def __init__(self, app, web, guard, cache: ResponseCache | None):
        self.app = app
        self.web = web
        self.guard = guard
        self.cache = cache
        self._inflight: dict[tuple, asyncio.Future] = {}
        self._probe_limiter = None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        from starlette.requests import Request

        request = Request(scope)
        if scope["method"] == "HEAD":  # no body, so no slot; never kept
            await self.app(scope, receive, send)
            return
        if self.cache is None or scope["method"] != "GET" or scope["path"].startswith("/static/"):
            await self._uncached(request, receive, send)
            return
        generation = await self._generation()
        if generation is None:
            await self._uncached(request, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""), self.guard.who(request))
        entry = self.cache.get(generation, key)
        if entry is not None:
            self.cache.hits += 1
            await self._answer(request, entry, send)
            return
        self.cache.misses += 1
        flight = (generation, key)
        waiting = self._inflight.get(flight)
        if waiting is not None:
            entry = await asyncio.shield(waiting)
            if entry is not None:
                await self._answer(request, entry, send)
                return
            await self._uncached(request, receive, send)  # the first one could not be kept
            return
        future = asyncio.get_running_loop().create_future()
        self._inflight[flight] = future
        entry = None
        try:
            captured = await self._capture(scope, receive)
            entry = self._keepable(captured)
            if entry is not None:
                self.cache.put(generation, key, entry)
                await self._answer(request, entry, send)
            else:
                await self._send_captured(request, captured, send)
        finally:
            del self._inflight[flight]
            future.set_result(entry)

    async def _generation(self) -> str | None:
        probe = self.web.probe
        if probe is None:
            return None
        if getattr(probe, "cheap", False):
            return self.web.generation()
        import anyio
        import anyio.to_thread

        if self._probe_limiter is None:
            # threads of its own: behind the routes' threads, a hit would wait for slow misses
            self._probe_limiter = anyio.CapacityLimiter(2)
        return await anyio.to_thread.run_sync(self.web.generation, limiter=self._probe_limiter)

    async def _capture(self, scope, receive) -> _Captured:
        out = _Captured()

        async def collect(message):
            if message["type"] == "http.response.start":
                out.status = message["status"]
                out.headers = list(message.get("headers") or [])
            elif message["type"] == "http.response.body":
                out.chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    out.complete = True

        await self.app(scope, receive, collect)
        return out

    def _keepable(self, c: _Captured) -> Entry | None:
        if c.status != 200 or not c.complete or c.header(b"set-cookie") is not None:
            return None
        if b"no-store" in (c.header(b"cache-control") or b""):
            return None
        body = c.body
        headers = [(k, v) for k, v in c.headers if k.lower() not in _SKIP_HEADERS]
        return Entry(status=c.status, headers=headers, body=body, etag=etag_of(body), has_slot=_SLOT in body)

    def _csrf(self, request) -> tuple[bytes, bytes | None]:
        """The CSRF token for this browser's cookie, and a Set-Cookie header if it has none."""
        cookie = request.cookies.get(CSRF_COOKIE)
        set_cookie = None
        if not cookie or len(cookie) > 100:
            cookie = self.guard.new_csrf_cookie()
            secure = "; Secure" if request.url.scheme == "https" else ""
            set_cookie = f"{CSRF_COOKIE}={cookie}; HttpOnly; Path=/; SameSite=strict{secure}".encode()
        return self.guard.csrf_token(cookie).encode(), set_cookie

    async def _answer(self, request, entry: Entry, send) -> None:
        """A kept answer for this request: 304 when the browser has it, else the body with this
        browser's CSRF token in its slot."""
        headers = list(entry.headers)
        body, etag = entry.body, entry.etag
        if entry.has_slot:
            token, set_cookie = self._csrf(request)
            body = body.replace(_SLOT, token)
            etag = f"{etag}-{etag_of(token)[:8]}"
            if set_cookie:
                headers.append((b"set-cookie", set_cookie))
        etag = f'"{etag}"'
        headers += [(b"etag", etag.encode()), (b"cache-control", b"no-cache")]
        if _matches(_header(request.scope, b"if-none-match"), etag):
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        headers.append((b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": entry.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _send_captured(self, request, c: _Captured, send) -> None:
        body = c.body
        headers = c.headers
        if _SLOT in body:
            token, set_cookie = self._csrf(request)
            body = body.replace(_SLOT, token)
            headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
            headers.append((b"content-length", str(len(body)).encode()))
            if set_cookie:
                headers.append((b"set-cookie", set_cookie))
        await send({"type": "http.response.start", "status": c.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _uncached(self, request, receive, send) -> None:
        """Any other request: straight through, except that an HTML body has its slot filled."""
        scope = request.scope
        started: dict | None = None
        chunks: list[bytes] = []

        async def fill(message):
            nonlocal started
            if message["type"] == "http.response.start":
                headers = message.get("headers") or []
                ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if ctype.startswith(b"text/html"):
                    started = message  # hold it: the length changes with the slot
                    return
                await send(message)
                return
            if message["type"] == "http.response.body" and started is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                c = _Captured()
                c.status, c.headers, c.chunks = started["status"], list(started["headers"]), chunks
                c.complete = True
                await self._send_captured(request, c, send)
                return
            await send(message)

        await self.app(scope, receive, fill)
