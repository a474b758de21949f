"""What `communique serve` can be told, grouped in one object the app factory accepts.

Kept apart from the CLI (STYLE.md "Not to copy": datasette's 34-parameter `serve`), so a Python
caller, a test or `communique demo` builds the same app the command does.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

#: Upload types the ingest can read, by file extension → the media types a browser may send for it.
UPLOAD_TYPES: dict[str, tuple[str, ...]] = {
    ".txt": ("text/plain",),
    ".md": ("text/markdown", "text/x-markdown", "text/plain"),
    ".html": ("text/html", "application/xhtml+xml"),
    ".htm": ("text/html", "application/xhtml+xml"),
    ".pdf": ("application/pdf",),
}


@dataclass
class Settings:
    """Everything the web app needs: where the ledger is, who may write, and the limits."""

    db_url: str = "sqlite:///communique.db"
    #: Bearer token for writes; None makes the server read-only (every write answers 403).
    token: str | None = None
    #: Key for session cookies and CSRF tokens. Random per process unless given, so a restart
    #: signs everyone out — cheap, and nothing secret ever lands on disk.
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    max_upload_bytes: int = 5 * 1024 * 1024
    session_seconds: int = 12 * 3600
    #: Upper bound of `limit` on every list endpoint (bounds work per request).
    max_page: int = 500
    #: Threads running requests (routes are sync); see app.py. None: `default_threads`.
    threads: int | None = int(os.environ["COMMUNIQUE_THREADS"]) if os.environ.get("COMMUNIQUE_THREADS") \
        else None
    #: Record details (and the review queue) running at once, the other threads kept for cheap
    #: requests (serve/lanes.py). None: `default_threads`.
    slow_lane: int | None = int(os.environ["COMMUNIQUE_SLOW_LANE"]) \
        if os.environ.get("COMMUNIQUE_SLOW_LANE") else None
    #: Read routes run on the event loop, not in the thread pool (serve/routing.py). None: on
    #: SQLite only (its reads are CPU in this process; PostgreSQL's wait on the server).
    inline_reads: bool | None = {"1": True, "0": False}.get(os.environ.get("COMMUNIQUE_INLINE_READS", ""))
    default_page: int = 50
    #: Megabytes of GET answers kept for the ledger's current generation (serve/cache.py); 0: none.
    cache_mb: float = float(os.environ.get("COMMUNIQUE_CACHE_MB", "64"))
    #: Megabytes of a SQLite ledger each read connection maps into memory (`PRAGMA mmap_size`;
    #: SQLite caps it at its build's limit, 2 GB here); 0: read through its page cache only.
    sqlite_mmap_mb: int = int(os.environ.get("COMMUNIQUE_SQLITE_MMAP_MB", "4096"))
    #: Host names the server answers to (None: any). `serve` on a loopback address sets the
    #: loopback names, so a page on another site cannot reach it by rebinding its DNS to 127.0.0.1.
    allowed_hosts: list[str] | None = None
    #: `extractor(doc, published=...) -> Extraction` for uploads; None → `pipeline.extract_document`.
    extractor: Callable | None = None

    @classmethod
    def from_env(cls, db_url: str | None = None, token: str | None = None) -> Settings:
        """Settings from arguments, falling back to COMMUNIQUE_DB / COMMUNIQUE_TOKEN."""
        url = db_url or os.environ.get("COMMUNIQUE_DB") or "sqlite:///communique.db"
        tok = token if token is not None else os.environ.get("COMMUNIQUE_TOKEN") or None
        return cls(db_url=url, token=tok)

    def default_threads(self, dialect: str) -> tuple[int, int]:
        """(threads, slow lane) for a ledger on `dialect`, unless set.

        SQLite reads are CPU in this process, so a thread more only contends for the GIL: 2 threads
        (one for a detail, one for the cheap requests beside it) used ~15 % less CPU per request
        than 8 with bench/web.py's mix on one worker (3.6-3.7 against 4.2-5.1 ms). PostgreSQL's
        threads mostly wait on the server's answers, so more of them keep a core busy."""
        threads, slow = (2, 1) if dialect == "sqlite" else (8, 2)
        return self.threads or threads, self.slow_lane or slow

    def default_inline(self, dialect: str) -> bool:
        """Whether read routes run in place (`inline_reads`, else on SQLite only)."""
        return self.inline_reads if self.inline_reads is not None else dialect == "sqlite"

    @property
    def read_only(self) -> bool:
        return not self.token
