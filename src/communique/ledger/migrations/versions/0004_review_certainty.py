"""Records get `certainty`, `reasons` and `open_flags`, computed at rebuild time, so the review
queue (least certain first) is one indexed query with LIMIT/OFFSET instead of scoring every record
in Python on each page; existing rows are filled here.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch:
        batch.add_column(sa.Column("certainty", sa.Float,
                                   comment="review order, least certain first (ledger/review.py)"))
        batch.add_column(sa.Column("reasons", sa.Text, comment="JSON list: why the certainty is below 1"))
        batch.add_column(sa.Column("open_flags", sa.Integer, nullable=False, server_default="0",
                                   comment="kinds of open flags about the record "
                                           "(each halves its certainty)"))
    op.create_index("ix_records_review", "records", ["certainty", "n_documents", "kind", "id"])
    op.create_index("ix_records_kind_review", "records", ["kind", "certainty", "n_documents", "id"])
    from communique.ledger.review import store_certainty

    store_certainty(op.get_bind())  # every row has a NULL certainty: all are computed


def downgrade() -> None:
    op.drop_index("ix_records_kind_review", table_name="records")
    op.drop_index("ix_records_review", table_name="records")
    with op.batch_alter_table("records") as batch:
        batch.drop_column("open_flags")
        batch.drop_column("reasons")
        batch.drop_column("certainty")
