"""Engines and migrations: a URL (or a bare path, meaning a SQLite file) → a migrated engine.

SQLite gets WAL (readers never block the one writer; a killed writer leaves the file consistent),
foreign keys on, and `synchronous=NORMAL` (safe in WAL mode, several times faster than FULL).
Migrations are Alembic revisions shipped in `migrations/`, run from here so users need no alembic.ini.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from operator import itemgetter
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

from ..errors import CommuniqueError

MIGRATIONS = Path(__file__).parent / "migrations"
#: The newest revision in `migrations/versions`; a test checks it matches Alembic's head.
HEAD_REVISION = "0007"
DEFAULT_DB = "communique.db"
ENV_VAR = "COMMUNIQUE_DB"


def resolve_url(url: str | os.PathLike | None = None) -> str:
    """`--db` value, else `COMMUNIQUE_DB`, else `./communique.db`; a bare path means a SQLite file."""
    url = os.fspath(url) if url is not None else None
    url = url or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in url:
        if url.startswith("postgresql://"):  # psycopg 3 is the driver we ship
            url = "postgresql+psycopg://" + url[len("postgresql://"):]
        return url
    return f"sqlite:///{Path(url).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.execute("PRAGMA cache_size=-65536")  # 64 MB: statements' hash-keyed indexes touch many pages
    cur.close()


#: SQLite page cache (MB) of the connection a full rebuild runs on, instead of the 64 MB every
#: connection gets: the rebuild reads each kind's statements once in index order and the checks'
#: `ORDER BY`s sort through SQLite's sorter, whose in-memory part is sized by the page cache, so a
#: large cache is resident memory that grows with the ledger up to its size without saving much.
#: Measured (docs/scale.md, "fifth pass"): 10,000 and 30,000 stored documents, peak RSS and CPU-s
#: with 8 / 16 / 32 / 64 MB.
REBUILD_CACHE_MB = 16


@contextmanager
def rebuild_cache(conn, megabytes: int | None = None) -> Iterator[None]:
    """Run the block with this SQLite connection's page cache at `megabytes` (default
    `REBUILD_CACHE_MB`), then put back the size it had (pages beyond it are freed as the cache
    shrinks). Other databases are left alone."""
    if conn.dialect.name != "sqlite":
        yield
        return
    dbapi = conn.connection.dbapi_connection
    old = dbapi.execute("PRAGMA cache_size").fetchone()[0]
    mb = REBUILD_CACHE_MB if megabytes is None else megabytes
    dbapi.execute(f"PRAGMA cache_size=-{int(mb) * 1024}")
    try:
        yield
    finally:
        dbapi.execute(f"PRAGMA cache_size={int(old)}")


def make_engine(url: str) -> Engine:
    url = resolve_url(url)
    if url.startswith("sqlite"):
        path = url.split("sqlite:///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # no table yet: an empty database
            conn.rollback()
            return None


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Apply migrations up to `revision` (never drops data); returns the revision now current."""
    from alembic import command

    from .views import drop_views

    if current_revision(engine) is not None:  # SQLite batch ALTERs fail on tables views depend on
        drop_views(engine)
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), revision)
    return current_revision(engine) or ""


class NewerDatabaseError(CommuniqueError):
    """The database was migrated by a newer communique than this one."""


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {s.revision for s in ScriptDirectory.from_config(alembic_config(None)).walk_revisions()}


def ensure_schema(engine: Engine) -> None:
    """Migrate an empty or older database to the head revision (cheap check when already there);
    refuse one written by a newer package rather than guess at its tables."""
    rev = current_revision(engine)
    if rev == HEAD_REVISION:
        return
    if rev is not None and rev not in known_revisions():
        raise NewerDatabaseError(f"{engine.url.render_as_string(hide_password=True)} is at schema revision "
                                 f"{rev}, newer than this communique ({HEAD_REVISION}): upgrade communique")
    upgrade(engine)


def _mark(conn) -> str:
    return "?" if conn.dialect.paramstyle in ("qmark", "numeric") else "%s"


def placeholders(conn, sql: str, **lists) -> str:
    """`sql` for this connection's driver: `{p}` becomes one placeholder, `{name}` one per value
    of `lists[name]` (the inside of an `IN (…)`)."""
    mark = _mark(conn)
    for name, values in lists.items():
        sql = sql.replace("{" + name + "}", ", ".join([mark] * len(values)))
    return sql.replace("{p}", mark)


def fast_insert(conn, table, rows: list[dict], chunk: int = 5000) -> None:
    """INSERT many rows through the driver's `executemany`, skipping SQLAlchemy's per-row parameter
    compilation (measured: ~5 us a row, a third of the statements' insert cost). Columns whose type
    needs converting for this database (datetimes on SQLite) still go through the type's own bind
    processor. Every row has the keys of the first."""
    if not rows:
        return
    cols = list(rows[0])
    dialect = conn.dialect
    procs = [(n, p) for n, c in enumerate(cols)
             if (p := table.c[c].type.dialect_impl(dialect).bind_processor(dialect)) is not None]
    mark = _mark(conn)
    sql = f"INSERT INTO {table.name} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})"
    row_of = itemgetter(*cols) if len(cols) > 1 else (lambda r: (r[cols[0]],))
    for i in range(0, len(rows), chunk):
        params = [row_of(r) for r in rows[i:i + chunk]]
        if procs:
            params = [_processed(p, procs) for p in params]
        conn.exec_driver_sql(sql, params)


def _processed(values: tuple, procs: list) -> tuple:
    out = list(values)
    for n, proc in procs:
        out[n] = proc(out[n])
    return tuple(out)


#: Values per `IN (…)` list: well under SQLite's 999 host parameters of old builds, and short
#: enough that PostgreSQL plans each list quickly.
IN_CHUNK = 500


def chunks(ids: Sequence, n: int = IN_CHUNK) -> Iterator[Sequence]:
    """`ids` in slices of `n`, in order: the lists of a chunked `IN (…)` query."""
    for i in range(0, len(ids), n):
        yield ids[i:i + n]


def driver_rows(conn, sql: str, params: tuple = (), size: int = 5000) -> Iterator[tuple]:
    """Rows of raw `sql` as plain tuples, through the DB-API cursor of the caller's transaction
    (placeholders written `{p}`), fetched `size` at a time. Why: SQLAlchemy builds a `Row` per
    result row (measured ~2 us each); a rebuild reads every statement of the ledger, and needs
    only tuples."""
    cursor = conn.connection.cursor()
    try:
        cursor.execute(placeholders(conn, sql), params)
        if cursor.description is None:  # not a SELECT
            return
        while batch := cursor.fetchmany(size):
            yield from batch
    finally:
        cursor.close()


def select_rows(conn, stmt, size: int = 5000) -> Iterator[tuple]:
    """Rows of a SQLAlchemy Core `stmt` as plain tuples (see `driver_rows`): compiled once for the
    connection's dialect, run on its DB-API cursor. Values go to the driver as given and come back
    as the driver returns them (no type processing): for text and number columns only."""
    compiled = stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.params
    if compiled.positional:
        params = tuple(params[k] for k in compiled.positiontup)
    cursor = conn.connection.cursor()
    try:
        cursor.execute(str(compiled), params)
        while batch := cursor.fetchmany(size):
            yield from batch
    finally:
        cursor.close()


def in_chunks(conn, sql: str, ids, params: tuple = (), chunk: int = IN_CHUNK) -> Iterator[tuple]:
    """Rows of raw `sql` whose `{ids}` becomes `IN (…)` over `ids`, `chunk` at a time (in order;
    `params` fill the placeholders before it, written `{p}`), as plain tuples through the DB-API
    cursor. SQLAlchemy renders each value of an expanding IN as its own named bind (measured ~9 us
    a value): an ingest's merge asks about tens of thousands of ids. A DELETE or UPDATE runs too
    (iterate to run it)."""
    ids = list(ids)
    cursor = conn.connection.cursor()  # the DB-API cursor of this transaction's connection
    try:
        for part in chunks(ids, chunk):
            cursor.execute(placeholders(conn, sql, ids=part), (*params, *part))
            if cursor.description is not None:  # not a DELETE
                yield from cursor.fetchall()
    finally:
        cursor.close()


def get_meta(conn, key: str) -> str | None:
    """A value of the `ledger_meta` key-value table (None when the key was never set)."""
    from sqlalchemy import select

    from . import schema as t

    return conn.execute(select(t.ledger_meta.c.value).where(t.ledger_meta.c.key == key)).scalar()


def set_meta(conn, key: str, value: str) -> None:
    """Set a `ledger_meta` value: update the row, or insert it the first time."""
    from sqlalchemy import insert, update

    from . import schema as t

    meta = t.ledger_meta.c
    if not conn.execute(update(t.ledger_meta).where(meta.key == key).values(value=value)).rowcount:
        conn.execute(insert(t.ledger_meta).values(key=key, value=value))


#: Young-generation threshold while the ledger builds many long-lived objects (see `quiet_gc`).
GC_THRESHOLD0 = 100_000
_quiet_depth = 0
_quiet_lock = threading.Lock()  # a web server may rebuild from several threads


@contextmanager
def quiet_gc() -> Iterator[None]:
    """Collect cycles rarely while a rebuild or an ingest runs, then restore the collector.

    Why: both build tens of thousands of objects that live until the end (as-seen records, their
    decoded values, rows of a batch), and CPython's collector walks every tracked object of the
    process, including what was there before (imported data, a caller's own lists), on each
    oldest-generation pass: measured 1.8-2.6 of 6-7 CPU-s of a 2,000-document rebuild, 0.3 s with
    this. The existing heap is frozen (left out of every pass) and the young threshold raised, so
    cycles are still collected, just in larger, rarer passes. Reentrant; the outermost of
    overlapping uses (threads) restores."""
    global _quiet_depth
    with _quiet_lock:
        _quiet_depth += 1
        if _quiet_depth == 1:
            old = gc.get_threshold()
            freeze = gc.get_freeze_count() == 0  # a host program's own freeze is left as it was
            if freeze:
                gc.freeze()
            gc.set_threshold(GC_THRESHOLD0, old[1], old[2])
            _quiet_state[:] = [old, freeze]
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                old, freeze = _quiet_state
                gc.set_threshold(*old)
                if freeze:
                    gc.unfreeze()


_quiet_state: list = []
