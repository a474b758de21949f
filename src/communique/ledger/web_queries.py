"""Read-only queries the web app needs beyond `ledger.query`, and the document search index.

Lists (records of a kind, documents, flags) and series are `ledger.query`'s functions, the ones the
CLI calls, wrapped in this module's `Page`: one filter semantics everywhere. What is here is what
only pages need: details with grouped values, aggregates for charts, the review queue, search.

Owned by the web layer; it reads the ledger's tables (`ledger.schema`) and never changes their
rows — except `record_judgement`, a fallback that writes one row to the ledger's own `judgements`
table when the ledger's review functions are not importable.

Search: SQLite gets an FTS5 table `documents_fts` kept in sync by triggers on `documents` (so any
ingest path, including bulk loads, updates it with no call needed); PostgreSQL gets a GIN index on
the `to_tsvector` expression, which the database keeps current by itself. Both are created on first
open (`ensure_search`) and the SQLite table is rebuilt when its row count drifts from `documents`
(e.g. after a migration recreated the table and dropped the triggers).
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, case, func, select, text
from sqlalchemy.engine import Engine

from . import query
from . import schema as s

#: Marks put around matched words by snippet()/ts_headline; the web layer escapes the snippet and
#: then turns only these into <mark>, so document text can never inject markup.
HIT_OPEN, HIT_CLOSE = "\x02", "\x03"

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
    "document_id UNINDEXED, title, text, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(document_id, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents BEGIN "
    "DELETE FROM documents_fts WHERE document_id = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
    "DELETE FROM documents_fts WHERE document_id = old.id; "
    "INSERT INTO documents_fts(document_id, title, text) VALUES (new.id, new.title, new.text); END",
]
_PG_TSV = "to_tsvector('english', coalesce(title, '') || ' ' || text)"

#: Indexes the web pages' list queries need (ordering by date within a kind, flags by time).
#: Named `ix_web_*`, created IF NOT EXISTS: additive, and nothing else depends on them.
_WEB_INDEXES = [
    # lists: equality on kind and status, then the index order is the page order (no sort)
    "CREATE INDEX IF NOT EXISTS ix_web_records_kind_status_last ON records "
    "(kind, status, last_published, id)",
    "CREATE INDEX IF NOT EXISTS ix_web_records_kind_status_label ON records (kind, status, label, id)",
    "CREATE INDEX IF NOT EXISTS ix_web_judgements_live ON judgements (kind, retired_at, target_id)",
    "CREATE INDEX IF NOT EXISTS ix_web_documents_published ON documents (published, id)",
    "CREATE INDEX IF NOT EXISTS ix_web_flags_created ON flags (created_at, id)",
    "CREATE INDEX IF NOT EXISTS ix_web_mentions_doc_start ON mentions (document_id, span_start)",
    "CREATE INDEX IF NOT EXISTS ix_web_mentions_record_doc ON mentions (canonical_id, document_id)",
    # what a meeting's documents also report (`related_records`): read from the index alone, not
    # from each mention's row (2.2 -> 1.5 ms for a meeting page at 100,000 documents)
    "CREATE INDEX IF NOT EXISTS ix_web_mentions_doc_kind ON mentions (document_id, kind, canonical_id)",
    "CREATE INDEX IF NOT EXISTS ix_web_records_last ON records (last_published, id)",
    "CREATE INDEX IF NOT EXISTS ix_web_stage_history_summary ON stage_history "
    "(agreement_id, stage, date, published, regression)",
    # a record's judgements are looked up by target_id OR other_id: without this, a scan of them all
    "CREATE INDEX IF NOT EXISTS ix_web_judgements_other ON judgements (other_id)",
    # a detail's first merges in id order: read in index order, not all of a meeting's 400 sorted
    "CREATE INDEX IF NOT EXISTS ix_web_merges_record_id ON merges (canonical_id, id)",
]
_OBSOLETE_INDEXES = ("ix_web_records_kind_last", "ix_web_records_kind_status")
#: Distinct values of a record's property with their count, read from the index alone. SQLite
#: only: PostgreSQL refuses btree entries over ~2.7 kB, and a long quote is a value.
_SQLITE_INDEXES = [
    "CREATE INDEX IF NOT EXISTS ix_web_statements_values ON statements "
    "(canonical_id, prop, value, document_id)",
    # a record's sources join its mentions to their documents' date, title and source: read from
    # this (16 MB at 100,000 documents) instead of the rows holding the text (8.6 -> 2.2 ms for a
    # meeting reported by 400 documents)
    "CREATE INDEX IF NOT EXISTS ix_web_documents_cover ON documents (id, published, source, title)",
]
_PG_INDEXES = ["CREATE INDEX IF NOT EXISTS ix_web_statements_values ON statements (canonical_id, prop)"]


class _SqliteVersion:
    """The ledger's generation on SQLite: `PRAGMA data_version` on a connection of its own.

    SQLite changes that number whenever another connection — any thread or process, the app's own
    pool included — commits to the file, and it costs a few microseconds (no table is read). The
    connection never writes and never holds a transaction open, so it sees every commit."""

    cheap = True  # no round trip: fine to call on the event loop

    def __init__(self, path: str):
        import sqlite3

        self._conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self._lock = threading.Lock()

    def __call__(self) -> str:
        with self._lock:
            return str(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        self._conn.close()


class _PgSnapshot:
    """The ledger's generation on PostgreSQL: the current transaction snapshot (xmin:xmax:running).

    Two equal snapshots see the same committed transactions, so an unchanged snapshot means no
    commit anywhere in the cluster since (a commit elsewhere only costs a cache miss). One query
    on a connection of its own, in autocommit, so it never pins a snapshot itself."""

    cheap = False  # a round trip: callers on the event loop run it in a thread

    def __init__(self, engine: Engine):
        self._engine = engine
        self._conn = None
        self._sql = "SELECT pg_current_snapshot()::text"
        self._lock = threading.Lock()

    def __call__(self) -> str | None:
        with self._lock:
            try:
                if self._conn is None:
                    self._conn = self._engine.raw_connection()
                    self._conn.rollback()  # the pool's ping may have opened a transaction
                    self._conn.driver_connection.autocommit = True
                cur = self._conn.cursor()
                try:
                    try:
                        cur.execute(self._sql)
                    except Exception:
                        if "txid" in self._sql:
                            raise
                        self._sql = "SELECT txid_current_snapshot()::text"  # PostgreSQL < 13
                        cur.execute(self._sql)
                    return cur.fetchone()[0]
                finally:
                    cur.close()
            except Exception:  # connection lost: no generation this time (nothing is cached)
                self.close()
                return None

    def close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.detach()
                conn.close()
            except Exception:  # pragma: no cover - closing a broken connection
                pass


def generation_probe(engine: Engine):
    """A callable answering the ledger's current generation — a token that changes whenever any
    connection or process commits to it — or None where there is no cheap way to ask (an
    in-memory SQLite database, another dialect): caches then fall back to a time limit."""
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        if not path or path == ":memory:" or path.startswith("file:") or "mode=memory" in str(engine.url):
            return None
        return _SqliteVersion(path)
    if engine.dialect.name == "postgresql":
        return _PgSnapshot(engine)
    return None


@dataclass
class WebLedger:
    """The engine the web app reads through, plus the ledger object when the ledger provides one."""

    url: str
    engine: Engine
    ledger: Any = None
    #: Without a generation probe (see `generation_probe`), seconds an aggregate may be reused.
    cache_seconds: float = 5.0
    probe: Any = None
    _cache: dict = field(default_factory=dict)
    _locks: dict = field(default_factory=dict)
    _epoch: int = 0

    def generation(self) -> str | None:
        """The ledger's current generation (None: unknown, cache nothing by it). Includes this
        app's own write counter, so `invalidate()` also starts a new generation."""
        if self.probe is None:
            return None
        gen = self.probe()
        return None if gen is None else f"{gen}.{self._epoch}"

    def cached(self, key: tuple, compute):
        """`compute()` reused while the ledger's generation is unchanged (aggregates that scan a
        kind of records): the first request after any commit, by this process or another,
        computes afresh. Concurrent misses of one key compute it once. Without a probe, a value
        is reused for `cache_seconds`."""
        gen = self.generation()
        hit = self._cache.get(key)
        if hit and self._fresh(hit, gen):
            return hit[2]
        lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            hit = self._cache.get(key)
            if hit and self._fresh(hit, gen):
                return hit[2]
            value = compute()
            self._cache[key] = (gen, time.monotonic(), value)
            return value

    def _fresh(self, hit: tuple, gen: str | None) -> bool:
        if gen is not None:
            return hit[0] == gen
        return hit[0] is None and time.monotonic() - hit[1] < self.cache_seconds

    def invalidate(self) -> None:
        """Forget every cached value (a write through this app; another process's commit is seen
        by the generation probe)."""
        self._epoch += 1
        self._cache.clear()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def close(self) -> None:
        if self.probe is not None:
            self.probe.close()
        close = getattr(self.ledger, "close", None)
        if callable(close):
            close()
        self.engine.dispose()


def open_web_ledger(url: str | None) -> WebLedger:
    """Open (and migrate) the ledger at `url`, with the search index and web indexes in place."""
    from .db import make_engine, resolve_url

    try:
        from .store import open_ledger  # the ledger's own handle, when present
    except ImportError:  # pragma: no cover - only before the ledger's query module exists
        open_ledger = None
    url = resolve_url(url)
    try:
        ledger = open_ledger(url) if open_ledger else None
    except ImportError:  # pragma: no cover - the ledger package mid-way through being written
        from .db import ensure_schema
        from .store import Ledger

        engine = make_engine(url)
        ensure_schema(engine)
        ledger = Ledger(engine, url)
    engine = getattr(ledger, "engine", None) or make_engine(url)
    if ledger is None:
        from .db import ensure_schema

        ensure_schema(engine)
    web = WebLedger(url=url, engine=engine, ledger=ledger, probe=generation_probe(engine))
    ensure_search(engine)
    ensure_web_indexes(engine)
    return web


def ensure_web_indexes(engine: Engine) -> None:
    extra = _SQLITE_INDEXES if engine.dialect.name == "sqlite" else _PG_INDEXES
    with engine.begin() as conn:
        for old in _OBSOLETE_INDEXES:  # ours, from earlier versions of this module
            conn.execute(text(f"DROP INDEX IF EXISTS {old}"))
        for ddl in _WEB_INDEXES + extra:
            conn.execute(text(ddl))
        if engine.dialect.name == "sqlite":
            _analyse_new_indexes(conn)


def _analyse_new_indexes(conn) -> None:
    """Statistics for indexes that lack them (new here or in a migration), SQLite only.

    Without statistics SQLite may take the ledger's shorter (kind, status) index for a list and
    sort a whole kind; with them it reads ours in page order. Documents too: without statistics a
    source's join takes the primary key into the rows holding the text rather than the covering
    index. Records and documents are cheap to ANALYZE whole. Statements, mentions and merges are
    millions of rows: only the index without statistics is analysed (0.4 s for 3 M statements), only
    when its table has statistics already — an unanalysed index beside analysed ones looks best to
    the planner whatever it costs (migration 0005's (canonical_id, record_id) won a record's
    values from the covering (canonical_id, prop, value, document_id): 0.6 -> 4.5 ms)."""
    analysed: dict[str, set] = {}
    if conn.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")).scalar():
        for tbl, idx in conn.execute(text("SELECT tbl, idx FROM sqlite_stat1")):
            analysed.setdefault(tbl, set()).add(idx)
    for table in ("records", "documents", "statements", "mentions", "merges"):
        indexes = set(conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index' "
                                        "AND tbl_name = :t"), {"t": table}).scalars())
        missing = indexes - analysed.get(table, set())
        if not missing:
            continue
        if table in ("records", "documents"):
            conn.execute(text(f"ANALYZE {table}"))
        elif analysed.get(table):
            for index in sorted(missing):
                conn.execute(text(f'ANALYZE "{index}"'))


def ensure_search(engine: Engine) -> None:
    """Create the full-text index if missing; on SQLite, rebuild it when it lags `documents`."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            for ddl in _SQLITE_FTS:
                conn.execute(text(ddl))
            n_docs = conn.execute(select(func.count()).select_from(s.documents)).scalar_one()
            n_fts = conn.execute(text("SELECT count(*) FROM documents_fts")).scalar_one()
            if n_docs != n_fts:
                rebuild_search(conn)
        elif engine.dialect.name == "postgresql":
            conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_web_documents_tsv ON documents "
                              f"USING gin ({_PG_TSV})"))


def rebuild_search(conn) -> None:
    """Refill the SQLite FTS table from `documents` (one statement; used after drift)."""
    conn.execute(text("DELETE FROM documents_fts"))
    conn.execute(text("INSERT INTO documents_fts(document_id, title, text) "
                      "SELECT id, title, text FROM documents"))


def _fts5_query(q: str) -> str:
    """User words → an FTS5 query that cannot be a syntax error: each word quoted, all required."""
    words = re.findall(r"\w+", q)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


#: Relevance is computed among at most this many of the newest matching documents.
SEARCH_WINDOW = 2000


def search_documents(web: WebLedger, q: str, limit: int = 50, offset: int = 0) -> list[dict]:
    """Documents matching all words of `q`, best first, each with a snippet marked by HIT_OPEN/CLOSE."""
    with web.engine.connect() as conn:
        if web.is_sqlite:
            match = _fts5_query(q)
            if not match:
                return []
            # Ranking every match of a common word costs O(matches): rank only the newest
            # SEARCH_WINDOW matches (FTS5 walks rowids in order, so finding the window is cheap).
            win = max(SEARCH_WINDOW, offset + limit)
            floor = conn.execute(text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :m "
                                      "ORDER BY rowid DESC LIMIT 1 OFFSET :k"),
                                 {"m": match, "k": win - 1}).scalar() or 0
            rows = conn.execute(text(
                "SELECT d.id, d.title, d.source, d.published, "
                "snippet(documents_fts, 2, :o, :c, ' … ', 24) AS snippet "
                "FROM documents_fts JOIN documents d ON d.id = documents_fts.document_id "
                "WHERE documents_fts MATCH :m AND documents_fts.rowid >= :floor "
                "ORDER BY rank LIMIT :lim OFFSET :off"),
                {"m": match, "o": HIT_OPEN, "c": HIT_CLOSE, "lim": limit, "off": offset, "floor": floor})
        else:
            if not re.search(r"\w", q):
                return []
            rows = conn.execute(text(
                f"SELECT d.id, d.title, d.source, d.published, ts_headline('english', d.text, "
                f"websearch_to_tsquery('english', :q), 'StartSel=' || :o || ', StopSel=' || :c || "
                f"', MaxFragments=2, MaxWords=24, MinWords=8') AS snippet FROM "
                f"(SELECT id, ts_rank({_PG_TSV}, websearch_to_tsquery('english', :q)) AS r FROM "
                f" (SELECT id, title, text FROM documents "
                f"  WHERE {_PG_TSV} @@ websearch_to_tsquery('english', :q) "
                f"  ORDER BY published DESC NULLS LAST, id LIMIT :win) recent "  # as on SQLite
                f" ORDER BY r DESC, id LIMIT :lim OFFSET :off) hit JOIN documents d ON d.id = hit.id "
                f"ORDER BY hit.r DESC, d.id"),
                {"q": q, "o": HIT_OPEN, "c": HIT_CLOSE, "lim": limit, "off": offset,
                 "win": max(SEARCH_WINDOW, offset + limit)})
        return [dict(r._mapping) for r in rows]


def _counts(web: WebLedger) -> dict[str, int]:
    """Records per kind, documents, and open flags (flags without a live dismiss judgement)."""
    with web.engine.connect() as conn:
        out = {k: n for k, n in conn.execute(
            select(s.records.c.kind, func.count()).where(s.records.c.status == "active")
            .group_by(s.records.c.kind))}
        out["documents"] = conn.execute(select(func.count()).select_from(s.documents)).scalar_one()
        dismissed = select(s.judgements.c.target_id).where(
            s.judgements.c.kind == "dismiss", s.judgements.c.retired_at.is_(None))
        out["open_flags"] = conn.execute(select(func.count()).select_from(s.flags).where(
            s.flags.c.id.not_in(dismissed))).scalar_one()
    return out


def record_judgement(web: WebLedger, kind: str, target_type: str, target_id: str, author: str,
                     prop: str | None = None, value: Any = None, reason: str | None = None,
                     target_key: dict | None = None) -> int:
    """Fallback write of one judgement row (used only when the ledger's review API is missing).

    A new decision on the same target and property retires the live one (never overwrites it),
    as the ledger's design requires."""
    now = datetime.now(UTC)
    j = s.judgements
    with web.engine.begin() as conn:
        live = conn.execute(select(j.c.id).where(
            j.c.target_id == target_id, j.c.retired_at.is_(None),
            j.c.prop.is_(None) if prop is None else j.c.prop == prop,
            j.c.kind.in_(("confirm", "correct", "reject", "dismiss")))).scalars().all()
        new_id = conn.execute(j.insert().values(
            kind=kind, target_type=target_type, target_id=target_id, prop=prop,
            value=None if value is None else json.dumps(value, ensure_ascii=False),
            target_key=json.dumps(target_key, ensure_ascii=False) if target_key else None,
            author=author, reason=reason, created_at=now)).inserted_primary_key[0]
        if live:
            conn.execute(j.update().where(j.c.id.in_(live)).values(retired_at=now, retired_by=new_id))
    return int(new_id)


# --- reads over the ledger's tables ---------------------------------------------------------------

KINDS = query.KINDS
_REC_COLS = query._REC_COLS
_ISO = query._ISO
record_row = query.record_row


def _jtext(web: WebLedger, col, key: str):
    """A JSON field of a Text column as text, in the dialect's own JSON functions."""
    if web.is_sqlite:
        return func.json_extract(col, f"$.{key}")
    from sqlalchemy import JSON, cast

    return func.json_extract_path_text(cast(col, JSON), key)


def _jnum(web: WebLedger, col, key: str):
    if web.is_sqlite:
        return func.json_extract(col, f"$.{key}")
    from sqlalchemy import Float, cast

    return cast(_jtext(web, col, key), Float)


@dataclass
class Page:
    """One page of a list: its items, whether more follow, and the total when it is cheap to know."""

    items: list[dict]
    limit: int
    offset: int
    more: bool
    total: int | None = None

    @property
    def count(self) -> int:
        return len(self.items)


def _from_query(page: dict) -> Page:
    items, limit = page["items"], page["limit"]
    return Page(items=items, limit=limit, offset=page["offset"],
                more=page["offset"] + len(items) < page["total"], total=page["total"])


def list_records(web: WebLedger, kind: str, *, limit: int = 50, offset: int = 0,
                 party: str | None = None, body: str | None = None, stage: str | None = None,
                 program: str | None = None, metric: str | None = None, q: str | None = None,
                 since: str | None = None, until: str | None = None,
                 include_rejected: bool = False, order: str = "date") -> Page:
    """Records of one kind, filtered and paged by `query.records` (the CLI's query, same
    semantics); `q` is its free-text filter."""
    return _from_query(query.records(web.ledger, kind, party=party, body=body, stage=stage, program=program,
                                     metric=metric, text=q, since=since, until=until, limit=limit,
                                     offset=offset, include_rejected=include_rejected, order=order))


#: An API detail shows at most this many sources (oldest first), each with its statements;
#: `n_sources` gives the total and `record_sources` pages through them all. (A meeting reported by
#: 400 documents: 20 sources' 240 statements, not 50 sources' 600, most of the detail's work.)
MAX_SOURCES = 20
#: A page shows more: its sources are sentences without their statements.
PAGE_SOURCES = 50
#: An agreement's detail shows at most this many stage events (oldest first); `n_stage_events`
#: gives the total and `stage_history` pages through them all. An agreement reported by 200
#: documents has 200 events, each with its sentence: uncapped they were most of the detail.
MAX_HISTORY = 20
#: What the API's details hold: everything `query.record` reads but `roles` (see `get_record`).
API_PARTS = query.DETAIL_PARTS - {"roles"}


def get_record(web: WebLedger, record_id: str, max_sources: int | None = None,
               parts=API_PARTS, max_history: int | None = None) -> dict | None:
    """`query.record` (what `communique show` prints), with at most `max_sources` sources and
    `max_history` stage events (None: `MAX_SOURCES`, `MAX_HISTORY`), reading only `parts`
    (`query.DETAIL_PARTS`). A person's `roles` are left to `person_roles`, which the API and the
    page read (query.roles also matches the meetings' heads: four times the work, thrown away)."""
    return query.record(web.ledger, record_id, max_sources=max_sources or MAX_SOURCES, with_roles=False,
                        parts=parts, max_history=max_history or MAX_HISTORY)


def record_sources(web: WebLedger, record_id: str, limit: int = 50, offset: int = 0) -> Page | None:
    """`query.record_sources`: a record's sources past a detail's first `MAX_SOURCES`."""
    page = query.record_sources(web.ledger, record_id, limit=limit, offset=offset)
    return _from_query(page) if page is not None else None


def record_kind(web: WebLedger, record_id: str) -> str | None:
    """The kind of the merged record `record_id`, None when there is none."""
    with web.engine.connect() as conn:
        return conn.execute(select(s.records.c.kind).where(s.records.c.id == record_id)).scalar()


_values = query.values_of


def _span(a, b):
    return [a, b] if a is not None and b is not None else None


def _sources(conn, record_ids: list[str], limit: int | None = None,
             document_id: str | None = None) -> list[dict]:
    m, d = s.mentions, s.documents
    where = [m.c.canonical_id.in_(record_ids)]
    if document_id:
        where.append(m.c.document_id == document_id)
    stmt = (select(m.c.canonical_id, m.c.document_id, m.c.span_start, m.c.span_end, m.c.sentence, d.c.title,
                   d.c.source, d.c.published)
            .join(d, d.c.id == m.c.document_id).where(*where)
            .order_by(d.c.published, m.c.document_id, m.c.span_start))
    rows = conn.execute(stmt.limit(limit) if limit else stmt)
    return [{"record_id": x.canonical_id, "document_id": x.document_id, "title": x.title,
             "source": x.source, "published": x.published, "span": _span(x.span_start, x.span_end),
             "sentence": x.sentence} for x in rows]


def _first_sources(conn, record_ids: list[str]) -> dict[str, list[dict]]:
    """One source per record, cheaply: its mention in the smallest document id, in two queries (a
    record may have hundreds of mentions; the review queue shows one)."""
    if not record_ids:
        return {}
    m = s.mentions
    first = dict(conn.execute(select(m.c.canonical_id, func.min(m.c.document_id))
                              .where(m.c.canonical_id.in_(record_ids)).group_by(m.c.canonical_id)).all())
    out: dict[str, list[dict]] = {i: [] for i in record_ids}
    if not first:
        return out
    m, d = s.mentions, s.documents
    rows = conn.execute(
        select(m.c.canonical_id, m.c.document_id, m.c.span_start, m.c.span_end, m.c.sentence, d.c.title,
               d.c.source, d.c.published)
        .join(d, d.c.id == m.c.document_id)
        .where(m.c.document_id.in_(set(first.values())), m.c.canonical_id.in_(list(first)))
        .order_by(m.c.span_start))
    for x in rows:
        if first.get(x.canonical_id) == x.document_id and not out[x.canonical_id]:
            out[x.canonical_id].append({"record_id": x.canonical_id, "document_id": x.document_id,
                                        "title": x.title, "source": x.source, "published": x.published,
                                        "span": _span(x.span_start, x.span_end), "sentence": x.sentence})
    return out


def judgements_for(conn, target_ids: list[str], live_only: bool = True) -> list[dict]:
    j = s.judgements
    stmt = select(j).where(j.c.target_id.in_(target_ids))
    if live_only:
        stmt = stmt.where(j.c.retired_at.is_(None))
    out = []
    for x in conn.execute(stmt.order_by(j.c.created_at, j.c.id)):
        d = dict(x._mapping)
        d["value"] = json.loads(d["value"]) if d.get("value") else None
        d.pop("target_key", None)
        d["created_at"] = d["created_at"].isoformat() if d.get("created_at") else None
        d["retired_at"] = d["retired_at"].isoformat() if d.get("retired_at") else None
        out.append(d)
    return out


def stage_history(web: WebLedger, agreement_id: str, limit: int | None = None, offset: int = 0) -> Page:
    """An agreement's stages across documents in date order, each with its document, span and
    sentence, a page at a time: the ledger's own `query.stage_history` (what `communique show`
    prints), plus each document's title for the page."""
    events = query.stage_history(web.ledger, agreement_id, limit=limit, offset=offset)
    total = query.n_stage_events(web.ledger, agreement_id)
    return Page(items=with_titles(web, events), limit=limit if limit is not None else total, offset=offset,
                more=offset + len(events) < total, total=total)


def stage_runs(web: WebLedger, agreement_id: str) -> list[dict]:
    """The whole history folded into runs (`stage_summary`), each titled by its first document:
    every event's stage and date is read, but no sentence, and titles for the runs only."""
    return with_titles(web, stage_summary(query.stage_history(web.ledger, agreement_id, detail=False)))


def with_titles(web: WebLedger, events: list[dict]) -> list[dict]:
    """Stage events (`query.stage_history`, also in `query.record`'s agreements) with each
    document's title added, in one query."""
    docs = {e["document_id"] for e in events}
    if docs:
        with web.engine.connect() as conn:
            titles = dict(conn.execute(select(s.documents.c.id, s.documents.c.title)
                                       .where(s.documents.c.id.in_(docs))).all())
        for e in events:
            e["title"] = titles.get(e["document_id"])
    return events


def stage_histories(web: WebLedger, agreement_ids: list[str]) -> dict[str, list[dict]]:
    """Stage histories of many agreements in one query (the pipeline page shows them all)."""
    if not agreement_ids:
        return {}
    h = s.stage_history
    out: dict[str, list[dict]] = {a: [] for a in agreement_ids}
    with web.engine.connect() as conn:
        for x in conn.execute(select(h).where(h.c.agreement_id.in_(agreement_ids))
                              .order_by(func.coalesce(h.c.date, h.c.published), h.c.published, h.c.id)):
            out[x.agreement_id].append({"stage": x.stage, "date": x.date, "published": x.published,
                                        "document_id": x.document_id,
                                        "span": _span(x.span_start, x.span_end),
                                        "regression": bool(x.regression)})
    return out


def stage_summaries(web: WebLedger, agreement_ids: list[str]) -> dict[str, list[dict]]:
    """Per agreement, each stage seen once: its first date, how many documents report it, and
    whether any report was a regression (one GROUP BY, for the pipeline's cards)."""
    if not agreement_ids:
        return {}
    h = s.stage_history
    first = func.min(func.coalesce(h.c.date, h.c.published))
    out: dict[str, list[dict]] = {a: [] for a in agreement_ids}
    with web.engine.connect() as conn:
        for x in conn.execute(select(h.c.agreement_id, h.c.stage, first.label("first"),
                                     func.count().label("n"),
                                     func.max(case((h.c.regression, 1), else_=0)).label("reg"))
                              .where(h.c.agreement_id.in_(agreement_ids))
                              .group_by(h.c.agreement_id, h.c.stage).order_by(h.c.agreement_id, first)):
            out[x.agreement_id].append({"stage": x.stage, "date": x.first, "published": None,
                                        "documents": x.n, "regression": bool(x.reg)})
    return out


def pipeline(web: WebLedger, party: str | None = None, q: str | None = None, limit: int = 500) -> list[dict]:
    """Agreements (newest first) each with its folded stage history; cached for `cache_seconds`."""
    def compute():
        items = list_records(web, "agreements", party=party, q=q, limit=limit).items
        summaries = stage_summaries(web, [a["id"] for a in items])
        return [{**a, "history": summaries.get(a["id"], [])} for a in items]

    return web.cached(("pipeline", party, q, limit), compute)


def stage_summary(history: list[dict]) -> list[dict]:
    """A history folded for a card: each run of one stage once, with its first date and how many
    documents report it (a regression starts a new run, so it stays visible)."""
    out: list[dict] = []
    for h in history:
        if out and out[-1]["stage"] == h["stage"] and not h["regression"]:
            out[-1]["documents"] += 1
            continue
        out.append({**h, "documents": 1})
    return out


def _bodies(web: WebLedger) -> list[dict]:
    """Every body with its number of meetings and the span of their dates."""
    r = s.records
    body = _jtext(web, r.c.data, "body")
    date = _jtext(web, r.c.data, "date")
    with web.engine.connect() as conn:
        rows = conn.execute(select(body.label("body"), func.count().label("meetings"),
                                   func.min(date).label("first"), func.max(date).label("last"))
                            .where(r.c.kind == "meetings", r.c.status == "active")
                            .group_by(body).order_by(func.count().desc(), body))
        return [dict(x._mapping) for x in rows if x.body]


def series(web: WebLedger, body: str) -> dict:
    """Meetings of one body in order of ordinal then date, with the ordinals missing between them."""
    return _series(body, query.meetings(web.ledger, body=body, limit=10_000)["items"])


def all_series(web: WebLedger, limit: int = 10_000) -> list[dict]:
    """The series of every body (one query over the meetings), largest first; cached."""
    return web.cached(("all_series", limit), lambda: _all_series(web, limit))


def _all_series(web: WebLedger, limit: int) -> list[dict]:
    groups: dict[str, list] = {}
    for m in list_records(web, "meetings", limit=limit).items:
        if m.get("body"):
            groups.setdefault(m["body"], []).append(m)
    out = [_series(b, ms) for b, ms in groups.items()]
    return sorted(out, key=lambda x: (-len(x["meetings"]), x["body"]))


def _series(body: str, meetings: list[dict]) -> dict:
    """The ledger's `lifecycle.series_report` (what `communique series` prints) in the API's shape."""
    from .lifecycle import series_report

    rep = series_report(meetings)
    cadence = rep["cadence_days"]
    return {"body": body, "meetings": rep["meetings"], "missing": rep["missing_numbers"],
            "median_days_between": round(cadence) if cadence is not None else None}


_PLEDGE_KEYS = ("by", "program", "purpose", "year")


def _pledge_groups(web: WebLedger) -> list[tuple]:
    """Active pledges grouped by (by, program, purpose, year), each group with its count and EUR
    and USD sums: one scan of the pledges' JSON, from which every pledge total the pages show is
    summed (`_pledge_totals`, `_pledges_by_program_year`). Each total was a scan of its own (~55 ms
    at 20,000 pledges: the JSON is parsed per field per row), and the pledges page asked for three."""
    r = s.records
    keys = [_jtext(web, r.c.data, k) for k in _PLEDGE_KEYS[:3]]
    keys.append(func.substr(_jtext(web, r.c.data, "date"), 1, 4))
    with web.engine.connect() as conn:
        return [tuple(x) for x in conn.execute(
            select(*keys, func.count(), func.sum(_jnum(web, r.c.data, "amount_eur")),
                   func.sum(_jnum(web, r.c.data, "amount_usd")))
            .where(r.c.kind == "pledges", r.c.status == "active").group_by(*keys))]


def _sum(a, b):
    """SQL's SUM over groups: None only when every part is None."""
    return b if a is None else a if b is None else a + b


def _roll_up(web: WebLedger, fields: tuple[int, ...]) -> dict[tuple, list]:
    """The pledge groups summed over every key but `fields` (positions in `_PLEDGE_KEYS`):
    key tuple → [pledges, eur, usd]."""
    out: dict[tuple, list] = {}
    for g in web.cached(("pledge_groups",), lambda: _pledge_groups(web)):
        e = out.setdefault(tuple(g[i] for i in fields), [0, None, None])
        e[0] += g[4]
        e[1], e[2] = _sum(e[1], g[5]), _sum(e[2], g[6])
    return out


def _nulls_first(v) -> tuple:
    return (v is not None, v if v is not None else "")


def _pledge_totals(web: WebLedger, by: str = "by") -> list[dict]:
    """Sum of pledges (EUR and USD) grouped by `by` (party), `program`, `purpose` or `year`,
    largest in EUR first (then by key; a group without EUR amounts last, as SQLite orders them)."""
    if by not in _PLEDGE_KEYS:
        raise ValueError("group pledges by one of: by, program, purpose, year")
    rows = [{"key": k[0], "pledges": n, "eur": eur, "usd": usd}
            for k, (n, eur, usd) in _roll_up(web, (_PLEDGE_KEYS.index(by),)).items()]
    return sorted(rows, key=lambda x: (x["eur"] is None, -(x["eur"] or 0), _nulls_first(x["key"])))


def _pledges_by_program_year(web: WebLedger) -> list[dict]:
    rows = [{"year": k[0], "program": k[1], "eur": eur} for k, (_, eur, _) in _roll_up(web, (3, 1)).items()]
    return sorted(rows, key=lambda x: (_nulls_first(x["year"]), _nulls_first(x["program"])))


def _metrics(web: WebLedger) -> list[dict]:
    r = s.records
    metric = _jtext(web, r.c.data, "metric")
    with web.engine.connect() as conn:
        rows = conn.execute(select(metric.label("metric"), func.count().label("figures"))
                            .where(r.c.kind == "figures", r.c.status == "active")
                            .group_by(metric).order_by(func.count().desc(), metric))
        return [dict(x._mapping) for x in rows if x.metric]


def figure_series(web: WebLedger, metric: str, subject: str | None = None) -> list[dict]:
    """`_figure_series`, cached for `web.cache_seconds` (it reads every figure of the metric)."""
    return web.cached(("figure_series", metric, subject), lambda: _figure_series(web, metric, subject))


def _figure_series(web: WebLedger, metric: str, subject: str | None = None) -> list[dict]:
    """A metric over periods: one point per distinct value of each figure, with how many sources
    state it and one of them (linked to its span).

    Two sources giving different values for the same period stay two points, each marked
    `conflict`, so a disagreement is visible rather than averaged away."""
    page = list_records(web, "figures", metric=metric, limit=5000)
    # one chart is one metric: the query's matching is by words ("trade" finds "trade balance"
    # too), so a metric named exactly keeps only its own figures
    exact = [f for f in page.items if (f.get("metric") or "").lower() == metric.lower()]
    figs = {f["id"]: f for f in exact or page.items if subject is None or (f.get("subject") or "") == subject}
    if not figs:
        return []
    with web.engine.connect() as conn:
        values = _values(conn, list(figs), props=("value",))
        doc_ids = {v["document_id"] for fv in values.values() for v in fv.get("value", [])}
        docs = {x.id: x for x in conn.execute(
            select(s.documents.c.id, s.documents.c.title, s.documents.c.published)
            .where(s.documents.c.id.in_(doc_ids)))} if doc_ids else {}
    points = []
    for fid, f in figs.items():
        stated = values.get(fid, {}).get("value") or [{"value": f.get("value"), "n_sources": 0,
                                                       "document_id": None, "span": None}]
        for v in stated:
            doc = docs.get(v["document_id"])
            points.append({"figure_id": fid, "period": f.get("period") or "?", "value": v["value"],
                           "n_sources": v["n_sources"], "unit": f.get("unit"),
                           "qualifier": f.get("qualifier"),
                           "subject": f.get("subject"), "document_id": v["document_id"],
                           "title": doc.title if doc else None, "published": doc.published if doc else None,
                           "span": v["span"], "conflict": False})
    by_period: dict[tuple, set] = {}
    for p in points:
        by_period.setdefault((p["period"], p["subject"], p["unit"]), set()).add(p["value"])
    for p in points:
        p["conflict"] = len(by_period[(p["period"], p["subject"], p["unit"])]) > 1
    points.sort(key=lambda p: (p["period"], p["subject"] or "", p["value"] or 0))
    return points


_ROLE_ROWS = (select(s.statements.c.prop, s.statements.c.value, s.documents.c.published,
                     s.statements.c.document_id)
              .join(s.documents, s.documents.c.id == s.statements.c.document_id)
              .where(s.statements.c.canonical_id == bindparam("pid"),
                     s.statements.c.prop.in_(("role", "affiliation"))))


def person_roles(web: WebLedger, person_id: str) -> list[dict]:
    """Roles a person is seen holding, each with the first and last publication date it appears.

    One row per document stating a role or affiliation, but few distinct values: each value's JSON
    text is parsed once (`seen`), its entry found by the value it holds."""
    roles: dict[tuple, dict] = {}
    seen: dict[tuple, dict] = {}
    with web.engine.connect() as conn:
        for prop, value, published, doc in conn.execute(_ROLE_ROWS, {"pid": person_id}):
            e = seen.get((prop, value))
            if e is None:
                v = json.loads(value)
                e = seen[(prop, value)] = roles.setdefault((prop, v), {
                    "prop": prop, "value": v, "since": published, "until": published, "documents": set()})
            if published and (not e["since"] or published < e["since"]):
                e["since"] = published
            if published and (not e["until"] or published > e["until"]):
                e["until"] = published
            e["documents"].add(doc)
    out = [{**e, "documents": sorted(e["documents"])} for e in roles.values()]
    return sorted(out, key=lambda e: (e["since"] or "", e["prop"]))


def list_documents(web: WebLedger, *, limit: int = 50, offset: int = 0, since: str | None = None,
                   until: str | None = None) -> Page:
    """`query.documents`, newest first."""
    return _from_query(query.documents(web.ledger, since=since, until=until, limit=limit, offset=offset))


def get_document(web: WebLedger, document_id: str) -> dict | None:
    """A document's text with every span in it (each with its record's kind and label) and its flags."""
    d, m, r = s.documents, s.mentions, s.records
    with web.engine.connect() as conn:
        doc = conn.execute(select(d.c.id, d.c.title, d.c.source, d.c.published, d.c.published_inferred,
                                  d.c.language, d.c.text, d.c.extractor_version)
                           .where(d.c.id == document_id)).first()
        if doc is None:
            return None
        out = dict(doc._mapping)
        spans = conn.execute(select(m.c.id, m.c.kind, m.c.record_id, m.c.canonical_id, m.c.span_start,
                                    m.c.span_end, r.c.label, r.c.status)
                             .outerjoin(r, r.c.id == m.c.canonical_id)
                             .where(m.c.document_id == document_id).order_by(m.c.span_start, m.c.id))
        out["spans"] = [{"id": x.id, "kind": x.kind, "record_id": x.canonical_id,
                         "label": x.label or x.kind, "span": _span(x.span_start, x.span_end),
                         "status": x.status} for x in spans]
        out["flags"] = query.flag_rows(conn, [s.flags.c.document_id == document_id], 1000, 0)
    return out


def list_flags(web: WebLedger, *, kind: str | None = None, open_only: bool = False,
               document_id: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """`query.flags`: newest first; `open_only` leaves out the dismissed."""
    return _from_query(query.flags(web.ledger, kind=kind, document=document_id,
                                   include_dismissed=not open_only, limit=limit, offset=offset))


def get_flag(web: WebLedger, flag_id: str) -> dict | None:
    with web.engine.connect() as conn:
        rows = query.flag_rows(conn, [s.flags.c.id == flag_id], 1, 0)
    return rows[0] if rows else None


def review_queue(web: WebLedger, kind: str | None = None, *, limit: int = 50, offset: int = 0,
                 judged: bool = False, status: str | None = None) -> Page:
    """`review.queue` (what `communique review list` prints: least certain first, same filters),
    each item the record's list row plus `review_status`, `certainty`, `reasons`, its first source
    and its live judgements. Without `status`: the records awaiting a decision, or with `judged`
    those already decided."""
    from .review import JUDGED, queue

    if kind and kind not in KINDS:
        raise ValueError(f"unknown record kind {kind!r}; expected one of {', '.join(KINDS)}")
    wanted = status or (JUDGED if judged else "unreviewed")
    page = queue(web.ledger, kind=kind, status=wanted, limit=limit, offset=offset)
    ids = [x["id"] for x in page["items"]]
    r = s.records
    with web.engine.connect() as conn:
        rows = {x.id: record_row(x) for x in conn.execute(
            select(*[getattr(r.c, c) for c in _REC_COLS]).where(r.c.id.in_(ids)))} if ids else {}
        srcs = _first_sources(conn, ids)
        jd: dict[str, list] = {}
        for x in judgements_for(conn, ids) if ids else []:
            jd.setdefault(x["target_id"], []).append(x)
    items = []
    for q in page["items"]:
        if q["id"] not in rows:  # rebuilt away between the two reads
            continue
        items.append({**rows[q["id"]], "review_status": q["status"], "certainty": q["certainty"],
                      "reasons": q["reasons"], "sources": srcs.get(q["id"], []),
                      "judgements": jd.get(q["id"], [])})
    return Page(items=items, limit=limit, offset=offset, more=offset + len(page["items"]) < page["total"],
                total=page["total"])


#: `related_records` as SQL text (see `query._raw`): built and compiled once, where the SQLAlchemy
#: statement, rebuilt per call with its 50 document ids expanded, cost three times its query.
_RELATED_SQL = ("SELECT " + ", ".join(_REC_COLS) + " FROM records WHERE id IN (SELECT DISTINCT"
                " canonical_id FROM mentions WHERE document_id IN ({docs}) AND kind IN ({kinds}))"
                " AND status = 'active' ORDER BY kind, label LIMIT {p}")


def related_records(web: WebLedger, document_ids: list[str], kinds: tuple[str, ...],
                    limit: int = 60) -> list[dict]:
    """Records of `kinds` mentioned in any of `document_ids` (what a meeting's sources also report)."""
    if not document_ids:
        return []
    docs, kinds = list(document_ids), list(kinds)
    with web.engine.connect() as conn:
        rows = query._raw(conn, _RELATED_SQL, (*docs, *kinds, limit), docs=docs, kinds=kinds)
        return [record_row(x) for x in rows]


def parties(web: WebLedger, sample: int = 500) -> list[dict]:
    """Parties named by the newest meetings and agreements, with how often (bounded sample; cached)."""
    return web.cached(("parties", sample), lambda: _parties(web, sample))


def _parties(web: WebLedger, sample: int) -> list[dict]:
    counts: dict[str, int] = {}
    for kind in ("meetings", "agreements"):
        for rec in list_records(web, kind, limit=sample).items:
            for p in rec.get("parties") or []:
                counts[p] = counts.get(p, 0) + 1
    return [{"party": p, "records": n} for p, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]


def counts(web: WebLedger):
    """Cached for `web.cache_seconds`: see `_counts`."""
    return web.cached(("counts",), lambda: _counts(web))


def bodies(web: WebLedger):
    """Cached for `web.cache_seconds`: see `_bodies`."""
    return web.cached(("bodies",), lambda: _bodies(web))


def metrics(web: WebLedger):
    """Cached for `web.cache_seconds`: see `_metrics`."""
    return web.cached(("metrics",), lambda: _metrics(web))


def pledges_by_program_year(web: WebLedger):
    """Cached for `web.cache_seconds`: see `_pledges_by_program_year`."""
    return web.cached(("pledges_by_program_year",), lambda: _pledges_by_program_year(web))


def pledge_totals(web: WebLedger, by: str = "by") -> list[dict]:
    """Sum of pledges (EUR and USD) grouped by `by` (party), `program`, `purpose` or `year`; cached
    for `web.cache_seconds`."""
    if by not in ("by", "program", "purpose", "year"):
        raise ValueError("group pledges by one of: by, program, purpose, year")
    return web.cached(("pledge_totals", by), lambda: _pledge_totals(web, by))
