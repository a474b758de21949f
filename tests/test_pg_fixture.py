"""The PostgreSQL fixture starts a real server the ledger tests can use."""

import psycopg


def test_postgres_server_answers(pg_db):
    with psycopg.connect(pg_db.replace("postgresql+psycopg://", "postgresql://")) as conn:
        assert conn.execute("select 1 + 1").fetchone()[0] == 2
