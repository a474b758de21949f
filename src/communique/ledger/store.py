"""The `Ledger`: one database, one transactional write path.

Every write goes through `Ledger._write` (one transaction per batch of whole documents), so a
process killed at any moment leaves either all of a document or none of it; rerunning the same
ingest skips what is there (documents are known by the hash of their text) and finishes the rest.
Extraction runs in worker processes when asked; only the parent writes.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from .. import EXTRACTOR_VERSION
from ..errors import InputError
from ..models import Extraction
from . import schema as t
from .db import (
    ensure_schema,
    fast_insert,
    get_meta,
    make_engine,
    quiet_gc,
    rebuild_cache,
    resolve_url,
    set_meta,
)
from .statements import Rows, to_rows
from .summary import IngestSummary

#: progress(done, total, status, source): status is new | updated | unchanged | failed.
Progress = Callable[[int, int, str, str], None]


def now() -> datetime:
    return datetime.now(UTC)


# --- worker side (module level, so a process pool can pickle it) -------------------------------

_W: dict[str, Any] = {}


def _init_worker(lookup: Any, published: str | None, extractor, version: str) -> None:
    """`lookup`: the ledger URL (a pool worker opens its own connection on first use; a connection
    must not cross a fork), an `Engine` (in-process), or a dict id → version (reextract passes {})."""
    ask = _W.get("ask")
    if ask is not None and ask.pid != os.getpid():  # inherited through a fork: never close it here
        _INHERITED.append(ask)
    elif ask is not None:
        ask.close()
    _W.update(lookup=lookup, published=published, extractor=extractor, version=version, ask=None)


#: Lookups a forked worker inherited from its parent: kept, never closed, as SQLite asks of a
#: connection opened before a fork.
_INHERITED: list = []


class _VersionLookup:
    """Asks the ledger which extractor version holds a document, one document at a time, on one
    driver connection kept for the process in autocommit mode (each SELECT its own snapshot, so
    an ingest's later batches are seen and no read transaction holds SQLite's WAL back). Why:
    SQLAlchemy's connect + compile + execute per document cost ~0.5 ms, a tenth of a document's
    extraction; this costs ~20 us. A SQLite database in memory has one connection, the writer's:
    asked through SQLAlchemy as before."""

    def __init__(self, lookup: Any):
        self.pid = os.getpid()
        self.engine = lookup if isinstance(lookup, Engine) else make_engine(lookup)
        self.raw = None
        url = self.engine.url
        if self.engine.dialect.name == "sqlite" and url.database in (None, "", ":memory:"):
            return
        raw = self.engine.raw_connection()
        dbapi = raw.driver_connection
        raw.detach()  # never back into the pool: its transactions would no longer be atomic
        if self.engine.dialect.name == "sqlite":
            dbapi.isolation_level = None
        else:
            dbapi.autocommit = True
        self.raw = raw
        mark = "?" if self.engine.dialect.paramstyle in ("qmark", "numeric") else "%s"
        self.sql = f"SELECT extractor_version FROM documents WHERE id = {mark}"
        self.cursor = dbapi.cursor()

    def __call__(self, doc_id: str) -> str | None:
        if self.raw is None:
            c = t.documents.c
            with self.engine.connect() as conn:
                return conn.execute(select(c.extractor_version).where(c.id == doc_id)).scalar()
        self.cursor.execute(self.sql, (doc_id,))
        rows = self.cursor.fetchall()  # to the end: the statement is done, its snapshot released
        return rows[0][0] if rows else None

    def close(self) -> None:
        if self.raw is not None:
            self.cursor.close()
            self.raw.close()
            self.raw = None


def _known_version(doc_id: str) -> str | None:
    """The extractor version the ledger holds `doc_id` at, asked of the database one document at a
    time: a dict of every stored id would grow with the ledger (and be copied into each worker)."""
    lookup = _W["lookup"]
    if isinstance(lookup, dict):
        return lookup.get(doc_id)
    ask = _W.get("ask")
    if ask is None:
        ask = _W["ask"] = _VersionLookup(lookup)
    return ask(doc_id)


def _release_lookup() -> None:
    """Close this process's version lookup (the in-process ingest's, once it is done)."""
    ask = _W.pop("ask", None)
    if ask is not None and ask.pid == os.getpid():
        ask.close()


def _extract_rows(doc, published, extractor, version) -> Rows:
    ex = extractor(doc, published=published)
    return to_rows(ex, doc.text, version)


def _work(path: str) -> list[tuple]:
    """Read one input and extract it unless the ledger already has it at this extractor version."""
    from ..read.inputs import iter_documents

    out: list[tuple] = []
    for item in iter_documents([path]):
        if isinstance(item, InputError):
            out.append(("failed", item.source, item.problem))
            continue
        known = _known_version(item.id)
        if known == _W["version"]:
            out.append(("unchanged", item.source, item.id))
            continue
        try:
            rows = _extract_rows(item, _W["published"], _W["extractor"], _W["version"])
        except Exception as exc:  # a pipeline bug on one document must not stop the batch
            out.append(("failed", item.source, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        out.append(("updated" if known else "new", item.source, rows))
    return out


def _rework(doc) -> tuple:
    """Re-extract one stored document (`reextract`, possibly in a worker)."""
    try:
        return ("updated", doc.source or doc.id,
                _extract_rows(doc, doc.published, _W["extractor"], _W["version"]))
    except Exception as exc:  # a pipeline bug on one document must not stop the batch
        return ("failed", doc.source or doc.id, f"extraction failed: {type(exc).__name__}: {exc}")


def _default_extractor():
    from ..pipeline import extract_document

    return extract_document


class Ledger:
    """A ledger database. Open with `open_ledger(url)`; all methods are safe to call repeatedly."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    # --- plumbing -------------------------------------------------------------------------
    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def connect(self) -> Connection:
        return self.engine.connect()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _get_meta(self, conn: Connection, key: str) -> str | None:
        return get_meta(conn, key)

    def _set_meta(self, conn: Connection, key: str, value: str) -> None:
        set_meta(conn, key, value)

    def _judgement_mark(self, conn: Connection) -> str:
        """Changes whenever a judgement is added or retired, by any writer (CLI, web, review)."""
        j = t.judgements.c
        n, top, retired = conn.execute(select(func.count(), func.max(j.id), func.count(j.retired_at))).one()
        return f"{n}:{top}:{retired}"

    def judged_since_rebuild(self) -> bool:
        with self.connect() as conn:
            return self._get_meta(conn, "judgements_at_rebuild") != self._judgement_mark(conn)

    def is_dirty(self) -> bool:
        with self.connect() as conn:
            return self._get_meta(conn, "dirty") == "1"

    def _stored_since(self, ts: datetime) -> set[str]:
        """Ids of documents first stored at or after `ts`: asked when the rebuild needs them rather
        than collected during the ingest, so the ingest holds no set that grows with the corpus."""
        c = t.documents.c
        with self.connect() as conn:
            return set(conn.execute(select(c.id).where(c.ingested_at >= ts)).scalars())

    def known_documents(self) -> dict[str, str]:
        """Document id → extractor version of every stored document."""
        with self.connect() as conn:
            return dict(conn.execute(select(t.documents.c.id, t.documents.c.extractor_version)).all())

    # --- the write path -------------------------------------------------------------------
    def _write_rows(self, conn: Connection, batch: list[Rows], ts: datetime) -> list[str]:
        """Insert or replace whole documents inside the caller's transaction, a handful of
        statements per batch rather than per document (round trips dominate on PostgreSQL).
        A document given twice in one batch keeps its last rows."""
        last = {rows.document["id"]: i for i, rows in enumerate(batch)}
        ids = list(last)
        c = t.documents.c
        existing = set(conn.execute(select(c.id).where(c.id.in_(ids))).scalars()) if ids else set()
        if existing:
            old = sorted(existing)
            for table in (t.statements, t.mentions, t.stage_history):
                conn.execute(delete(table).where(table.c.document_id.in_(old)))
            conn.execute(delete(t.flags).where(t.flags.c.document_id.in_(old), t.flags.c.source == "doc"))
            cols = [k for k in batch[0].document if k != "id"]
            stmt = (update(t.documents).where(c.id == bindparam("_id"))
                    .values(**{k: bindparam(k) for k in cols}, updated_at=ts))
            conn.execute(stmt, [{"_id": d, **{k: batch[last[d]].document[k] for k in cols}} for d in old])
        fresh = [batch[last[d]].document for d in ids if d not in existing]
        if fresh:
            conn.execute(insert(t.documents), [{**doc, "ingested_at": ts, "updated_at": ts} for doc in fresh])
        keep = [batch[i] for i in sorted(last.values())]
        statements = [st for rows in keep for st in rows.statements]
        mentions = [m for rows in keep for m in rows.mentions]
        flags = [{**f, "created_at": ts} for rows in keep for f in rows.flags]
        fast_insert(conn, t.statements, statements)
        fast_insert(conn, t.mentions, mentions)
        if flags:
            conn.execute(insert(t.flags), flags)
        seen: set[str] = set()
        out = []
        for rows in batch:  # a repeat within the batch replaces the first: "updated"
            d = rows.document["id"]
            out.append("updated" if d in existing or d in seen else "new")
            seen.add(d)
        return out

    def _write(self, batch: list[Rows]) -> list[str]:
        """One transaction for a batch of whole documents; marks the derived tables stale."""
        ts = now()
        with self.engine.begin() as conn:
            out = self._write_rows(conn, batch, ts)
            self._clear_failures(conn, batch)
            self._set_meta(conn, "dirty", "1")
        return out

    def record_failure(self, path: str, reason: str) -> None:
        """Note in `failures` that `path` could not be read or extracted (attempts count up); a
        later successful ingest of the same path clears it."""
        from .statements import sha

        ts = now()
        fid = sha("failure", path)
        with self.engine.begin() as conn:
            row = conn.execute(select(t.failures.c.attempts).where(t.failures.c.id == fid)).first()
            if row:
                conn.execute(update(t.failures).where(t.failures.c.id == fid)
                             .values(reason=reason, last_at=ts, attempts=row[0] + 1))
            else:
                conn.execute(insert(t.failures).values(id=fid, path=path, reason=reason, first_at=ts,
                                                       last_at=ts, attempts=1))

    def _clear_failures(self, conn: Connection, batch: list[Rows]) -> None:
        """A path that failed before and now reads is no longer a failure."""
        from .statements import sha

        ids = [sha("failure", r.document["source"]) for r in batch if r.document.get("source")]
        if ids and conn.execute(select(t.failures.c.id).limit(1)).first():
            conn.execute(delete(t.failures).where(t.failures.c.id.in_(ids)))

    # --- public writes --------------------------------------------------------------------
    def store_extraction(self, doc: Any, extraction: Extraction, extractor_version: str | None = None) -> str:
        """Store one document and its extraction in one transaction; returns new | updated.

        `doc` is a `read.Document` (or anything with `.text`), or None when `extraction.document.text`
        holds the normalised text (as in the bulk Parquet files). Derived tables are rebuilt by
        `rebuild()`, which the caller runs once after a batch.
        """
        text = doc.text if doc is not None else extraction.document.text
        if text is None:
            raise ValueError("store_extraction needs the document text "
                             "(doc.text or extraction.document.text)")
        rows = to_rows(extraction, text, extractor_version or EXTRACTOR_VERSION)
        return self._write([rows])[0]

    def store_extractions(self, items: Iterable[tuple[Any, Extraction]], batch: int = 200,
                          extractor_version: str | None = None) -> int:
        """Bulk form of `store_extraction`: one transaction per `batch` documents; returns the count."""
        n, pending = 0, []
        for doc, ex in items:
            text = doc.text if doc is not None else ex.document.text
            pending.append(to_rows(ex, text, extractor_version or EXTRACTOR_VERSION))
            if len(pending) >= batch:
                n += len(self._write(pending))
                pending = []
        if pending:
            n += len(self._write(pending))
        return n

    def ingest_paths(self, paths: Iterable[str | Path], published: str | None = None, workers: int = 1,
                     progress: Progress | None = None, extractor: Callable | None = None,
                     batch: int = 256, batch_seconds: float = 2.0, rebuild: bool = True) -> IngestSummary:
        """Read, extract and store files, folders (recursive) and globs; idempotent and resumable.

        A document already stored at the current extractor version is skipped without extraction.
        `extractor(doc, published=...) -> Extraction` defaults to `pipeline.extract_document`; it must
        be a picklable module-level function when `workers > 1`. Unreadable inputs are recorded in
        `failures` and the batch goes on.

        A transaction holds whole documents only: up to `batch` of them (default 256), or what
        arrived within `batch_seconds`, so a kill loses at most the open batch and leaves no document
        half-written; `batch=1` gives one transaction per document. Batching matters on SQLite: a
        commit rewrites every index page it touched (measured: 17 ms per document alone, 1.3 ms in
        batches of 128; writer CPU per document 1.26 ms in batches of 64, 1.05 in batches of 256 and
        the rebuild after it ~5 % less, its indexes less fragmented).
        """
        with quiet_gc():  # a pool forked inside inherits the quieted collector
            return self._ingest_paths(paths, published, workers, progress, extractor, batch, batch_seconds,
                                      rebuild)

    def _ingest_paths(self, paths: Iterable[str | Path], published: str | None, workers: int,
                      progress: Progress | None, extractor: Callable | None, batch: int,
                      batch_seconds: float, rebuild: bool) -> IngestSummary:
        from ..read.inputs import expand

        extractor = extractor or _default_extractor()
        version = EXTRACTOR_VERSION
        started = time.perf_counter()
        inputs = [str(p) for p in expand(str(p) for p in paths)]  # the one list that grows with the corpus
        total = len(inputs)
        summary = IngestSummary()
        pending: dict[str, tuple[str, Rows]] = {}  # document id → (source, rows), in arrival order
        run_started = now()  # documents stored from here on are this run's new ones (for the rebuild)
        opened = time.perf_counter()
        done = 0
        dirty_before = self.is_dirty() or self.judged_since_rebuild()
        c = t.documents.c

        def flush() -> None:
            nonlocal opened
            opened = time.perf_counter()
            if not pending:
                return
            # a document stored since its worker looked (the same text under another path, written
            # by an earlier batch of this run) is unchanged: asked per batch, so no id set grows
            with self.connect() as conn:
                current = set(conn.execute(select(c.id).where(c.id.in_(list(pending)),
                                                               c.extractor_version == version)).scalars())
            for d in current:
                del pending[d]
                summary.unchanged += 1
            if pending:
                batch_rows = [rows for _, rows in pending.values()]
                for rows, status in zip(batch_rows, self._write(batch_rows), strict=True):
                    summary.statements += len(rows.statements)
                    if status == "new":
                        summary.new += 1
                    else:
                        summary.updated += 1
            pending.clear()

        def handle(results: list[tuple]) -> None:
            nonlocal done
            for status, source, payload in results:
                if status == "failed":
                    flush()
                    summary.failed.append((source, payload))
                    self.record_failure(source, payload)
                elif status == "unchanged" or payload.document["id"] in pending:
                    summary.unchanged += 1
                else:
                    pending[payload.document["id"]] = (source, payload)
                    if len(pending) >= batch or time.perf_counter() - opened >= batch_seconds:
                        flush()
            done += 1
            if progress:
                progress(done, total, results[-1][0] if results else "unchanged",
                         results[-1][1] if results else "")

        # an in-memory SQLite database is invisible to another process: its workers get a snapshot
        in_memory = self.dialect == "sqlite" and self.engine.url.database in (None, "", ":memory:")
        _init_worker(self.engine, published, extractor, version)
        try:
            if workers <= 1 or total <= 1:
                for p in inputs:
                    handle(_work(p))
            else:
                import multiprocessing as mp

                ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
                if "-" in inputs:  # stdin belongs to this process, not to a pool worker
                    handle(_work("-"))
                    flush()
                import threading

                lookup = self.known_documents() if in_memory else self.url
                # Pool.imap has no back-pressure: when the writer falls behind (SQLite commits slow down
                # as the indexes grow) finished rows pile up in the parent. A window of tasks in flight
                # bounds them: the feeder waits until the writer has taken a result.
                window = threading.BoundedSemaphore(max(256, 16 * workers))

                stop = threading.Event()  # a failing writer must not leave the feeder waiting forever

                def feed():
                    for p in inputs:
                        if p != "-":
                            while not window.acquire(timeout=0.2):
                                if stop.is_set():
                                    return
                            yield p

                with ctx.Pool(workers, initializer=_init_worker,
                              initargs=(lookup, published, extractor, version)) as pool:
                    try:
                        for results in pool.imap(_work, feed(), chunksize=4):
                            window.release()
                            handle(results)
                    finally:
                        stop.set()  # before the pool's exit joins the feeding thread
        finally:
            _release_lookup()  # the in-process lookup's connection (a worker's ends with it)
        flush()
        if rebuild and (summary.new or summary.updated or self.is_dirty()):
            # only new documents since a clean rebuild: merge them in; else recompute everything
            incremental = summary.new and not summary.updated and not dirty_before
            self.rebuild(touched=self._stored_since(run_started) if incremental else None, workers=workers)
        summary.seconds = time.perf_counter() - started
        return summary

    def reextract(self, all_documents: bool = False, extractor: Callable | None = None,
                  progress: Progress | None = None, rebuild: bool = True, workers: int = 1,
                  batch: int = 64) -> IngestSummary:
        """Re-derive the statements of stored documents whose extractor version is not the current one
        (every document with `all_documents`), from their stored text, in a pool with `workers > 1`.
        Judgements are untouched and re-applied by `rebuild`. Documents are read in chunks, so a
        large ledger is not loaded at once."""
        extractor = extractor or _default_extractor()
        started = time.perf_counter()
        c = t.documents.c
        with self.connect() as conn:
            q = select(c.id).order_by(c.id)
            if not all_documents:
                q = q.where(c.extractor_version != EXTRACTOR_VERSION)
            ids = list(conn.execute(q).scalars())
        summary = IngestSummary()
        pending: list[Rows] = []

        def flush() -> None:
            if pending:
                self._write(pending)
                pending.clear()

        _init_worker({}, None, extractor, EXTRACTOR_VERSION)
        results = self._stored_documents(ids)
        pool = None
        if workers > 1 and len(ids) > 1:
            import multiprocessing as mp

            ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
            pool = ctx.Pool(workers, initializer=_init_worker,
                            initargs=({}, None, extractor, EXTRACTOR_VERSION))
        try:
            outcomes = pool.imap(_rework, results, chunksize=4) if pool else map(_rework, results)
            for i, (status, source, payload) in enumerate(outcomes):
                if status == "failed":
                    summary.failed.append((source, payload))
                else:
                    pending.append(payload)
                    summary.updated += 1
                    summary.statements += len(payload.statements)
                    if len(pending) >= batch:
                        flush()
                if progress:
                    progress(i + 1, len(ids), status, source)
            flush()
        finally:
            if pool:
                pool.close()
                pool.join()
        if rebuild and (summary.updated or self.is_dirty()):
            self.rebuild()
        summary.seconds = time.perf_counter() - started
        return summary

    def _stored_documents(self, ids: list[str], chunk: int = 256):
        """Stored documents as `read.Document`s, a chunk of rows at a time. A publication date the
        pipeline inferred is not passed back as if the user had given it."""
        from ..read import Document

        c = t.documents.c
        for i in range(0, len(ids), chunk):
            with self.connect() as conn:
                rows = conn.execute(select(c.id, c.source, c.title, c.published, c.published_inferred,
                                           c.language, c.text).where(c.id.in_(ids[i:i + chunk]))
                                    .order_by(c.id)).all()
            for d in rows:
                yield Document(id=d.id, text=d.text, source=d.source, title=d.title,
                               published=None if d.published_inferred else d.published,
                               language=d.language or "en")

    def rebuild(self, touched: set[str] | None = None, workers: int = 1) -> dict:
        """Recompute merged records, merge decisions, stage histories and ledger flags from the
        statements and the active judgements (deterministic; one transaction). `touched`: ids of
        documents added since the last rebuild (and nothing else changed), for the incremental
        rebuild an ingest runs (`merge.rebuild`); without it, everything is recomputed, with
        `workers` > 1 partly in a second process, on a smaller SQLite page cache
        (`db.REBUILD_CACHE_MB`, `db.rebuild_cache`)."""
        from .merge import rebuild

        with quiet_gc(), self.engine.begin() as conn, \
                (rebuild_cache(conn) if touched is None else nullcontext()):
            stats = rebuild(conn, touched, workers=workers)
            # Review and cross-ledger checks (ledger/review.py, checks/ledger.py): re-point judgements
            # whose records a newer extractor re-identified, then add the ledger-wide check flags.
            from .review import after_rebuild
            stats.update(after_rebuild(conn, touched, stats))
            self._set_meta(conn, "dirty", "0")
            self._set_meta(conn, "judgements_at_rebuild", self._judgement_mark(conn))
        return stats

    # --- judgements (the review commands build on these) ----------------------------------
    def judge(self, kind: str, target_id: str, *, target_type: str = "record", other_id: str | None = None,
              prop: str | None = None, value: Any = None, author: str = "anonymous",
              reason: str | None = None, rebuild: bool = True) -> int:
        """Record a human decision; an active judgement of the same kind on the same target (and
        property or other record) is retired, never overwritten. Returns the new judgement id."""
        from .judgements import add_judgement

        with self.engine.begin() as conn:
            jid = add_judgement(conn, kind, target_id, target_type=target_type, other_id=other_id, prop=prop,
                                value=value, author=author, reason=reason)
        if rebuild:
            self.rebuild()
        return jid

    def retire_judgement(self, judgement_id: int, rebuild: bool = True) -> None:
        from .judgements import retire

        with self.engine.begin() as conn:
            retire(conn, judgement_id, now())
        if rebuild:
            self.rebuild()

    def merge(self, a: str, b: str, author: str = "anonymous", reason: str | None = None) -> int:
        """Decide that records `a` and `b` (canonical or as-seen ids) are one thing."""
        return self.judge("merge", a, other_id=b, author=author, reason=reason)

    def split(self, record_id: str, other_id: str | None = None, author: str = "anonymous",
              reason: str | None = None) -> int:
        """Decide that a record is not the same as the rest of its cluster (or not the same as
        `other_id`). Given a canonical id without `other_id`, every member stands alone."""
        return self.judge("split", record_id, other_id=other_id, author=author, reason=reason)


def open_ledger(url: str | Path | None = None, migrate: bool = True) -> Ledger:
    """Open (creating and migrating if needed) the ledger at `url`, `COMMUNIQUE_DB` or ./communique.db."""
    url = resolve_url(url)
    engine = make_engine(url)
    if migrate:
        ensure_schema(engine)
    ledger = Ledger(engine, url)
    if migrate:
        from .views import ensure_views

        ensure_views(ledger)
    return ledger

