"""The `match_keys` table: each as-seen record's blocking keys and signature (hashed), written by
`rebuild`. An ingest then finds the records its new ones could merge with through this table and
re-merges only those (their connected components), instead of loading and re-clustering every
record of each kind it touches. It starts empty: the first rebuild after this upgrade is a full
one and fills it (`merge.rebuild` checks a marker in `ledger_meta`).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "match_keys",
        sa.Column("record_id", sa.String(40), primary_key=True, comment="a record as seen in its document"),
        sa.Column("key", sa.String(16), primary_key=True,
                  comment="hash of one of its blocking keys or its signature "
                          "(ledger/matchers.py: link_keys)"),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("role", sa.String(1), nullable=False,
                  comment="k: a blocking key, s: the signature, r: neither (itself)"),
        comment="derived by rebuild: records sharing a key may merge; an ingest re-merges only the records "
                "reachable from its new ones through these keys",
        sqlite_with_rowid=False,
    )
    op.create_index("ix_match_keys_kind_key", "match_keys", ["kind", "key"])


def downgrade() -> None:
    op.drop_index("ix_match_keys_kind_key", table_name="match_keys")
    op.drop_table("match_keys")
