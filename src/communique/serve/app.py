"""The web app: `create_app(db_url, token)` → a FastAPI app serving `/api/…` and the dashboard.

One ledger is opened per app and shared by every request (SQLAlchemy's pool hands each worker
thread its own connection). Routes are plain `def` functions: on PostgreSQL FastAPI runs them in
its thread pool, so a query waiting on the server never blocks the event loop; on SQLite, whose
reads are this process's own CPU, read routes run on the event loop one at a time
(serve/routing.py, serve/lanes.py) and only writes go to the pool.
"""

from __future__ import annotations

import importlib
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .security import BodyLimitMiddleware, Guard, SecurityHeadersMiddleware
from .settings import Settings

STATIC = Path(__file__).resolve().parent / "static"

_TITLES = {400: "Bad request", 401: "Sign in needed", 403: "Forbidden", 404: "Not found",
           405: "Method not allowed", 413: "Too large", 415: "Unsupported type",
           422: "Invalid parameters", 500: "Server error"}


def create_app(db_url: str | None = None, token: str | None = None,
               settings: Settings | None = None) -> FastAPI:
    """Build the app over the ledger at `db_url`; writes need `token` (None → read-only)."""
    from .. import __version__
    from ..ledger.web_queries import open_web_ledger

    settings = settings or Settings.from_env(db_url, token)
    ledger = open_web_ledger(settings.db_url)
    threads, slow_lane = settings.default_threads(ledger.engine.dialect.name)
    database = ledger.engine.url.database or ""
    if ledger.is_sqlite and settings.sqlite_mmap_mb > 0 and database not in ("", ":memory:") \
            and "mode=memory" not in str(ledger.engine.url):
        _map_sqlite(ledger.engine, settings.sqlite_mmap_mb)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        import anyio.to_thread

        # Routes are sync, run in worker threads that share one GIL: many threads only make every
        # request in flight slower; a few keep the queue first-come, first-served.
        anyio.to_thread.current_default_thread_limiter().total_tokens = threads
        yield
        ledger.close()

    app = FastAPI(lifespan=lifespan, title="communique", version=__version__,
                  description="A sourced ledger of a partnership between states: meetings, agreements "
                              "and their stages, pledges, figures, people, each with its sources. "
                              "Writes need `Authorization: Bearer <COMMUNIQUE_TOKEN>`.",
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json")
    app.state.settings = settings
    app.state.guard = Guard(settings)
    app.state.ledger = ledger
    # Pure ASGI middleware, outermost last: security headers → body limit → host check → cache,
    # so the host check runs before a cached answer and every answer carries the headers.
    from .cache import CacheMiddleware, ResponseCache
    from .lanes import SlowLaneMiddleware

    # innermost: a detail waits for its lane only when the cache cannot answer it
    app.add_middleware(SlowLaneMiddleware, slots=slow_lane,
                       inline=settings.default_inline(ledger.engine.dialect.name))

    cache = ResponseCache(int(settings.cache_mb * 1024 * 1024)) if settings.cache_mb > 0 else None
    app.state.cache = cache
    app.add_middleware(CacheMiddleware, web=ledger, guard=app.state.guard, cache=cache)
    if settings.allowed_hosts:
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
    # the upload limit plus room for the multipart envelope and form fields
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_upload_bytes + 64 * 1024)
    app.add_middleware(SecurityHeadersMiddleware)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    from .api import router as api_router

    app.include_router(api_router)
    from .views import PAGES

    for name in PAGES:
        app.include_router(importlib.import_module(f".views.{name}", __package__).router)

    _install_error_pages(app)

    return app


def _map_sqlite(engine, megabytes: int) -> None:
    """Every connection of the app reads the SQLite file through a memory map.

    Through the page cache, each of the pool's connections (one per worker thread) copies every
    page it reads out of the OS cache with a read() call into a cache of its own; mapped, they
    all read the OS's pages in place. A record's detail reads a few hundred pages scattered over
    a 3 GB ledger: measured with bench/web.py's mix in one process, ~12 % less CPU per request.
    (A mapped file must not shrink under a reader; the ledger never VACUUMs, and WAL checkpoints
    only grow the file.)"""
    from sqlalchemy import event

    def mmap(dbapi_conn, _record) -> None:
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA mmap_size={int(megabytes) * 1024 * 1024}")
        cur.close()

    event.listen(engine, "connect", mmap)
    engine.dispose()  # connections opened while migrating and indexing: reopened mapped


def _allowed(request: Request) -> list[str]:
    from starlette.routing import Match

    methods: set[str] = set()
    for route in request.app.routes:
        match, _ = route.matches({**request.scope, "method": "GET"})
        if match != Match.NONE and getattr(route, "methods", None):
            methods |= route.methods
        match, _ = route.matches({**request.scope, "method": "POST"})
        if match != Match.NONE and getattr(route, "methods", None):
            methods |= route.methods
    return sorted(methods)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith(("/api/", "/openapi")) and \
        "text/html" in request.headers.get("accept", "")


def _install_error_pages(app: FastAPI) -> None:
    """API errors stay JSON (`{"detail": …}`); a browser gets an HTML page with the same message."""
    from fastapi.exception_handlers import (
        http_exception_handler,
        request_validation_exception_handler,
    )

    from .views import render

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException):
        if _wants_html(request):
            return render(request, "error.html", {"status": exc.status_code,
                                                  "title": _TITLES.get(exc.status_code, "Error"),
                                                  "detail": exc.detail}, status=exc.status_code)
        return await http_exception_handler(request, exc)

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def _starlette_http(request: Request, exc: StarletteHTTPException):
        headers = exc.headers
        if exc.status_code == 405:
            # Starlette names only the first route matching the path; a path with GET and POST
            # routes (/api/documents) must list both.
            headers = {**(headers or {}), "Allow": ", ".join(_allowed(request))}
        return await _http(request, HTTPException(exc.status_code, exc.detail, headers))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        if _wants_html(request):
            problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}"
                                 for e in exc.errors())
            return render(request, "error.html", {"status": 422, "title": _TITLES[422],
                                                  "detail": problems}, status=422)
        return await request_validation_exception_handler(request, exc)

    @app.exception_handler(ValueError)
    async def _value_error(request: Request, exc: ValueError):
        # Query functions raise ValueError for a filter they cannot apply (bad date, unknown
        # stage): that is the caller's mistake, so 400 with the message, never a 500.
        if _wants_html(request):
            return render(request, "error.html", {"status": 400, "title": _TITLES[400],
                                                  "detail": str(exc)}, status=400)
        return JSONResponse({"detail": str(exc)}, status_code=400)
