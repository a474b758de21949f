"""Read routes that run on the event loop when the ledger is SQLite, not in a worker thread.

Routes are plain `def` functions, and FastAPI runs each in its thread pool — and, having a response
model, validates its answer in a second trip through that pool. On SQLite a read is CPU in this
process under one GIL, so the threads bring no parallelism, only cost: a meeting detail took
7.1 ms of CPU through the pool and 5.7 ms run in place (bench/web.py's ledger, one request at a
time), and under load each trip queued again behind the others. Run in place, one worker serves
its requests one after another in the order they arrived: under 50 clients back to back every
request waits about as long as any other, where a lane for slow requests made the details wait
for all the cheap ones (the p99 is set by the details; see serve/lanes.py).

`ReadRoute` (every router's `route_class`) gives each sync GET route an `async` front that calls
the route in place when `INLINE` is set for the request (`lanes.SlowLaneMiddleware` sets it from
the app's settings) and in the thread pool otherwise. Writes always go to the pool: they may wait
for SQLite's write lock, and a waiting thread must not stall the loop.
"""

from __future__ import annotations

import functools
import inspect
from contextvars import ContextVar

from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

#: Set per request by `lanes.SlowLaneMiddleware`: True runs a read route in place.
INLINE: ContextVar[bool] = ContextVar("communique_inline_reads", default=False)


def _read_front(endpoint):
    """An `async` function with `endpoint`'s signature (FastAPI reads it through `__wrapped__`)
    that runs `endpoint` in place or in the thread pool, as `INLINE` says."""

    @functools.wraps(endpoint)
    async def front(*args, **kwargs):
        if INLINE.get():
            return endpoint(*args, **kwargs)
        return await run_in_threadpool(endpoint, *args, **kwargs)

    return front


class ReadRoute(APIRoute):
    """An `APIRoute` whose sync GET endpoint may run on the event loop (see the module docstring).
    The OpenAPI schema, parameters and response model are the endpoint's own."""

    def __init__(self, path: str, endpoint, **kwargs):
        methods = {m.upper() for m in (kwargs.get("methods") or ("GET",))}
        if methods <= {"GET", "HEAD"} and not inspect.iscoroutinefunction(endpoint):
            endpoint = _read_front(endpoint)
        super().__init__(path, endpoint, **kwargs)
