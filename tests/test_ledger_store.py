"""Ledger storage: schema, WAL, migrations (first revision → head keeps data), views, the write path."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, inspect, text

from communique.ledger import open_ledger
from communique.ledger import schema as t
from communique.ledger.db import HEAD_REVISION, current_revision, make_engine, resolve_url, upgrade
from communique.models import Agreement, DocumentInfo, Extraction, Flag, Meeting, Person, Pledge
from communique.read import make_document

TEXT = ("The 22nd meeting of the Kazakhstan-EU Cooperation Committee took place in Astana on 17 June 2025. "
        "Deputy Foreign Minister Roman Vassilenko led the Kazakh side. "
        "The European Union stands ready to mobilise EUR 10 billion for transport links.")


def sample(text: str = TEXT, source: str = "a.txt", published: str = "2025-06-18"):
    doc = make_document(text, source=source, published=published)
    ex = Extraction(
        document=DocumentInfo(id=doc.id, source=source, published=published),
        meetings=[Meeting(body="Kazakhstan-EU Cooperation Committee", number=22, date="2025-06-17",
                          place="Astana", parties=["Kazakhstan", "European Union"], span=(0, 97))],
        people=[Person(name="Roman Vassilenko", role="Deputy Foreign Minister",
                       spans=[(98, 158), (130, 146)])],
        pledges=[Pledge(by="European Union", amount=1e10, currency="EUR", hedged=True, span=(160, 240))],
        agreements=[Agreement(name="Enhanced Partnership and Cooperation Agreement", acronym="EPCA",
                              status="in force")],
        flags=[Flag(kind="check", message="a test flag", span=(0, 4))])
    return doc, ex


def test_resolve_url(tmp_path, monkeypatch):
    monkeypatch.delenv("COMMUNIQUE_DB", raising=False)
    assert resolve_url(tmp_path / "x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("COMMUNIQUE_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).endswith("env.db")


def test_schema_and_foreign_keys(db_url):
    ledger = open_ledger(db_url)
    insp = inspect(ledger.engine)
    names = set(insp.get_table_names())
    assert {"documents", "statements", "mentions", "records", "judgements", "merges", "flags", "failures",
            "stage_history", "ledger_meta", "alembic_version"} <= names
    fks = insp.get_foreign_keys("statements")
    assert any(fk["referred_table"] == "documents" for fk in fks)
    views = set(insp.get_view_names())
    assert {"meetings_v", "agreements_v", "pledges_v", "figures_v", "people_v", "sources_v"} <= views
    assert current_revision(ledger.engine) == HEAD_REVISION


def test_sqlite_is_wal(tmp_path):
    ledger = open_ledger(tmp_path / "w.db")
    with ledger.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_migrations_match_schema(db_url):
    """The frozen migrations produce exactly the tables `schema.py` declares."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    ledger = open_ledger(db_url)
    with ledger.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert diffs == []


def test_head_revision_constant_matches_scripts():
    from alembic.script import ScriptDirectory

    from communique.ledger.db import alembic_config

    assert ScriptDirectory.from_config(alembic_config(None)).get_current_head() == HEAD_REVISION


def test_upgrade_from_first_revision_keeps_data(db_url):
    engine = make_engine(db_url)
    assert upgrade(engine, "0001") == "0001"
    with engine.begin() as conn:  # data written by a package at the first schema
        conn.execute(text("INSERT INTO documents (id, source, published, published_inferred, text, "
                          "extractor_version, ingested_at, updated_at) "
                          "VALUES ('d1', 'old.txt', '2020-01-01', "
                          ":f, 'old text', '0.0.1', :ts, :ts)"), {"f": False, "ts": "2020-01-01 00:00:00"})
        conn.execute(text("INSERT INTO statements (id, kind, record_id, canonical_id, prop, value, "
                          "document_id, extractor_version) "
                          "VALUES ('s1', 'meetings', 'mee-1', 'mee-1', 'body', "
                          "'\"Cooperation Council\"', 'd1', '0.0.1')"))
        conn.execute(text("INSERT INTO judgements (kind, target_type, target_id, author, created_at) "
                          "VALUES ('confirm', 'record', 'mee-1', 'ana', :ts)"), {"ts": "2020-01-02 00:00:00"})
    engine.dispose()
    ledger = open_ledger(db_url)  # a newer package opening the older database migrates it
    assert current_revision(ledger.engine) == HEAD_REVISION != "0001"
    assert "ix_documents_published" in {i["name"] for i in inspect(ledger.engine).get_indexes("documents")}
    with ledger.connect() as conn:
        assert conn.execute(text("SELECT source FROM documents WHERE id='d1'")).scalar() == "old.txt"
        value = conn.execute(text("SELECT value FROM statements WHERE id='s1'")).scalar()
        assert value == '"Cooperation Council"'
        assert conn.execute(text("SELECT author FROM judgements")).scalar() == "ana"
    ledger.rebuild()
    with ledger.connect() as conn:
        row = conn.execute(text("SELECT label, confirmed FROM records WHERE id='mee-1'")).first()
    assert row.label == "Cooperation Council" and row.confirmed


def test_store_extraction_rows(db_url):
    ledger = open_ledger(db_url)
    doc, ex = sample()
    assert ledger.store_extraction(doc, ex) == "new"
    assert ledger.store_extraction(doc, ex) == "updated"  # replaced, not duplicated
    with ledger.connect() as conn:
        n_docs = conn.execute(text("SELECT count(*) FROM documents")).scalar()
        stmts = conn.execute(text("SELECT kind, prop, value, span_start FROM statements")).all()
        mentions = conn.execute(text("SELECT kind, sentence FROM mentions WHERE kind='people'")).all()
        flags = conn.execute(text("SELECT kind, source FROM flags")).all()
    assert n_docs == 1
    props = {(s.kind, s.prop): json.loads(s.value) for s in stmts}
    assert props[("meetings", "number")] == 22
    assert props[("pledges", "amount")] == 1e10
    assert props[("pledges", "hedged")] is True
    parties = sorted(json.loads(s.value) for s in stmts if s.prop == "parties")
    assert parties == ["European Union", "Kazakhstan"]  # one statement per list item
    # a person with two spans has two name statements and two mentions with their sentence
    assert sum(1 for s in stmts if (s.kind, s.prop) == ("people", "name")) == 2
    assert all("Vassilenko" in m.sentence for m in mentions) and len(mentions) == 2
    assert mentions[0].sentence.startswith("Deputy Foreign Minister")
    assert flags == [("check", "doc")]


def test_store_extraction_without_doc_uses_document_text(db_url):
    ledger = open_ledger(db_url)
    doc, ex = sample()
    ex.document.text = doc.text
    assert ledger.store_extraction(None, ex) == "new"
    bad = ex.model_copy(deep=True)
    bad.document.text = None
    with pytest.raises(ValueError):
        ledger.store_extraction(None, bad)


def test_rebuild_fills_records_and_views(db_url):
    ledger = open_ledger(db_url)
    ledger.store_extraction(*sample())
    stats = ledger.rebuild()
    assert stats["records"] == 4
    with ledger.connect() as conn:
        m = conn.execute(text("SELECT * FROM meetings_v")).first()
        p = conn.execute(text("SELECT * FROM pledges_v")).first()
        s = conn.execute(text("SELECT count(*) FROM sources_v")).scalar()
    assert m.label == "22nd Kazakhstan-EU Cooperation Committee"
    assert m.place == "Astana" and int(m.number) == 22
    assert "a.txt: The 22nd meeting" in m.sources
    assert p.currency == "EUR" and float(p.amount) == 1e10
    assert s >= 4


def test_statement_ids_are_deterministic(tmp_path):
    from communique.ledger.statements import to_rows

    doc, ex = sample()
    a = to_rows(ex, doc.text, "1")
    b = to_rows(ex, doc.text, "1")
    c = to_rows(ex, doc.text, "2")
    assert [s["id"] for s in a.statements] == [s["id"] for s in b.statements]
    assert {s["record_id"] for s in a.statements} == {s["record_id"] for s in c.statements}
    assert not {s["id"] for s in a.statements} & {s["id"] for s in c.statements}


def test_sqlite_file_readable_without_communique(tmp_path):
    """The file is plain SQLite: another tool (Datasette, sqlite3) reads tables and views as is."""
    import sqlite3

    path = tmp_path / "plain.db"
    ledger = open_ledger(path)
    ledger.store_extraction(*sample())
    ledger.rebuild()
    ledger.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM agreements_v").fetchone()[0] == 1
    con.close()
    create_engine(f"sqlite:///{path}").dispose()


def test_pledge_conversion_provenance_is_stored(db_url):
    """The rate date and source behind a pledge's EUR/USD amounts are statements too."""
    ledger = open_ledger(db_url)
    doc, ex = sample()
    ex.pledges[0].date = "2025-06-17"
    ex.pledges[0].amount_usd = 11.568e9
    ledger.store_extraction(doc, ex)
    ledger.rebuild()
    with ledger.connect() as conn:
        props = dict(conn.execute(text("SELECT prop, value FROM statements WHERE kind='pledges'")).all())
        view = conn.execute(text("SELECT fx_rate_date, fx_source, amount_usd FROM pledges_v")).first()
    assert json.loads(props["fx_rate_date"]) == "2025-06-17"
    assert "ECB" in json.loads(props["fx_source"])
    assert view.fx_rate_date == "2025-06-17" and float(view.amount_usd) == 11.568e9


def test_db_upgrade_command_path_is_idempotent(db_url):
    engine = make_engine(db_url)
    assert upgrade(engine) == HEAD_REVISION
    assert upgrade(engine) == HEAD_REVISION
    engine.dispose()


def test_database_from_a_newer_package_is_refused(tmp_path):
    from communique.ledger.db import NewerDatabaseError

    path = tmp_path / "future.db"
    open_ledger(path).close()
    engine = make_engine(str(path))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(NewerDatabaseError, match="newer than this communique"):
        open_ledger(path)
    with engine.connect() as conn:  # nothing was touched
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999"


def test_quiet_gc_restores_the_collector_and_nests():
    import gc

    from communique.ledger.db import GC_THRESHOLD0, quiet_gc

    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    with quiet_gc():
        assert gc.get_threshold()[0] == GC_THRESHOLD0
        assert gc.get_freeze_count() > frozen  # the heap that was there is left out of each pass
        with quiet_gc():  # a rebuild inside an ingest
            assert gc.get_threshold()[0] == GC_THRESHOLD0
        assert gc.get_threshold()[0] == GC_THRESHOLD0
        cycle: list = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1  # cycles are still collected
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen
    with pytest.raises(RuntimeError), quiet_gc():
        raise RuntimeError("boom")
    assert gc.get_threshold() == before and gc.get_freeze_count() == frozen


def test_0007_drops_the_canonical_id_index_and_back(db_url):
    """0007 drops the index that 0005's (canonical_id, record_id) index makes redundant; lookups by
    canonical id still find a record's statements; downgrading restores it."""
    from alembic import command

    from communique.ledger.db import alembic_config
    from communique.ledger.views import drop_views

    ledger = open_ledger(db_url)
    names = {i["name"] for i in inspect(ledger.engine).get_indexes("statements")}
    assert "ix_statements_canonical_id" not in names and "ix_statements_canonical_record" in names
    ledger.close()
    engine = make_engine(db_url)
    drop_views(engine)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0006")
    assert "ix_statements_canonical_id" in {i["name"] for i in inspect(engine).get_indexes("statements")}
    assert upgrade(engine) == HEAD_REVISION == "0007"
    assert "ix_statements_canonical_id" not in {i["name"] for i in inspect(engine).get_indexes("statements")}
    engine.dispose()


@pytest.mark.parametrize("start,end", [(0, 12), (None, None), (5, None)])
def test_statement_id_is_the_documented_hash(start, end):
    """The written-out hash in `statement_id` is `sha` of its parts (ids must never change: judgements
    and re-ingests find statements by them)."""
    from communique.ledger.statements import sha, statement_id

    doc = "ab" * 32
    parts = ("mee-abcd", "body", '"Cooperation Council"', doc, start, end, "1.2.3")
    assert statement_id(*parts) == doc[:8] + sha(*parts)[:56]


def test_driver_helpers_read_the_same_rows_as_sqlalchemy(db_url):
    """`in_chunks`, `driver_rows` and `select_rows` (plain tuples from the DB-API cursor) give the
    rows SQLAlchemy gives, in order, chunk boundaries included, on SQLite and PostgreSQL."""
    from sqlalchemy import and_, or_, select

    from communique.ledger.db import chunks, driver_rows, in_chunks, select_rows

    assert [list(c) for c in chunks(list(range(7)), 3)] == [[0, 1, 2], [3, 4, 5], [6]]
    ledger = open_ledger(db_url)
    doc, ex = sample()
    ledger.store_extraction(doc, ex)
    s = t.statements.c
    with ledger.engine.begin() as conn:
        want = [tuple(r) for r in conn.execute(select(s.record_id, s.prop, s.value, s.span_start)
                                               .order_by(s.record_id, s.id))]
        assert len(want) > 3
        ids = sorted({r[0] for r in want})
        sql = "SELECT record_id, prop, value, span_start FROM statements"
        assert list(in_chunks(conn, sql + " WHERE record_id IN ({ids}) ORDER BY record_id, id", ids,
                              chunk=2)) == want
        assert list(driver_rows(conn, sql + " WHERE kind <> {p} ORDER BY record_id, id", ("x",),
                                size=2)) == want
        q = (select(s.record_id, s.prop, s.value, s.span_start)
             .where(or_(s.kind == "nothing",
                        and_(s.record_id.in_(ids), s.prop.in_(["name", "body", "title"]))))
             .order_by(s.record_id, s.id))
        got = list(select_rows(conn, q, size=1))
        assert got and got == [tuple(r) for r in conn.execute(q)]
        list(in_chunks(conn, "DELETE FROM statements WHERE record_id IN ({ids})", ids[:1]))
        assert conn.execute(select(s.id).where(s.record_id == ids[0])).first() is None
    ledger.close()


def test_quiet_gc_overlapping_threads_restore_once_both_leave():
    """A rebuild in one web thread may end while another's is still running: the collector stays
    quiet until the last one leaves, then is restored."""
    import gc
    import threading

    from communique.ledger.db import GC_THRESHOLD0, quiet_gc

    before = gc.get_threshold()
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen = []

    def a():
        with quiet_gc():
            a_in.set()
            b_in.wait(5)
        a_out.set()

    def b():
        a_in.wait(5)
        with quiet_gc():
            b_in.set()
            a_out.wait(5)
            seen.append(gc.get_threshold()[0])

    threads = [threading.Thread(target=f) for f in (a, b)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(10)
    assert seen == [GC_THRESHOLD0] and gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_rebuild_cache_sets_and_restores_the_page_cache(db_url):
    """The block runs with the SQLite page cache asked for; after it (also after an error) the
    connection has its own size back. Other databases are left alone."""
    from communique.ledger.db import rebuild_cache

    engine = make_engine(db_url)
    sqlite = engine.dialect.name == "sqlite"

    def size(conn):
        return conn.exec_driver_sql("PRAGMA cache_size").scalar() if sqlite else None

    with engine.connect() as conn:
        before = size(conn)
        assert before == (-65536 if sqlite else None)
        with rebuild_cache(conn, 8):
            assert size(conn) == (-8192 if sqlite else None)
        assert size(conn) == before
        with pytest.raises(RuntimeError), rebuild_cache(conn, 4):
            raise RuntimeError("a failed rebuild")
        assert size(conn) == before
    engine.dispose()


@pytest.mark.parametrize("incremental", [False, True])
def test_full_rebuild_runs_with_the_smaller_page_cache(tmp_path, monkeypatch, incremental):
    """A full rebuild merges and checks with `REBUILD_CACHE_MB` of page cache, and its pooled
    connection serves the next ingest with the usual 64 MB; the incremental merge after an ingest
    keeps the usual cache."""
    import communique.ledger.merge as merge
    from communique.ledger import db

    monkeypatch.setattr(db, "REBUILD_CACHE_MB", 12)
    seen = []
    real = merge.rebuild

    def spy(conn, touched, **kw):
        seen.append(conn.exec_driver_sql("PRAGMA cache_size").scalar())
        return real(conn, touched, **kw)

    monkeypatch.setattr(merge, "rebuild", spy)
    ledger = open_ledger(tmp_path / "l.db")
    ledger.store_extraction(*sample())
    stats = ledger.rebuild(touched={sample()[0].id} if incremental else None)
    assert stats["records"] >= 4
    assert seen == [-65536 if incremental else -12 * 1024]
    with ledger.engine.connect() as conn:  # the pool's one connection, back to its own size
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -65536
    ledger.close()
