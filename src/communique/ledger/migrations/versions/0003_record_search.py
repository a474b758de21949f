"""Records get `search` (filter tokens) and `sort_date` (list order) so every list query filters,
orders and pages in SQL on an index; existing rows are filled from their `data`.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("search", sa.Text, comment="filter tokens (ledger/keys.py)"))
        batch.add_column(sa.Column("sort_date", sa.String(32), comment="list order: the record's date"))
    op.create_index("ix_records_kind_status_sort", "records", ["kind", "status", "sort_date", "id"])
    from communique.ledger.keys import search_key, sort_date

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, kind, data, last_published FROM records")).all()
    upd = sa.text("UPDATE records SET search = :s, sort_date = :d WHERE id = :i")
    batch_rows = []
    for r in rows:
        data = json.loads(r.data or "{}")
        batch_rows.append({"i": r.id, "s": search_key(r.kind, data),
                           "d": sort_date(r.kind, data, r.last_published)})
        if len(batch_rows) >= 5000:
            conn.execute(upd, batch_rows)
            batch_rows = []
    if batch_rows:
        conn.execute(upd, batch_rows)


def downgrade() -> None:
    op.drop_index("ix_records_kind_status_sort", table_name="records")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("sort_date")
        batch.drop_column("search")
