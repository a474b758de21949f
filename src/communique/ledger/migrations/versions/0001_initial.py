"""Initial ledger schema: documents, statements, mentions, records, merges, judgements, flags,
failures, stage_history, ledger_meta.

Frozen: later changes go in new revisions, never here.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True, comment="sha256 of the normalised text"),
        sa.Column("source", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(16)),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("extractor_version", sa.String(32), nullable=False),
        sa.Column("ingested_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("id", sa.String(64), primary_key=True,
                  comment="sha256 of (record_id, prop, value, document_id, span, extractor_version)"),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(40), nullable=False, comment="the record as seen in its document"),
        sa.Column("canonical_id", sa.String(40), nullable=False, comment="the record after merging"),
        sa.Column("prop", sa.String(64), nullable=False),
        sa.Column("value", sa.Text, nullable=False, comment="JSON"),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("extractor_version", sa.String(32), nullable=False),
    )
    op.create_index("ix_statements_record_id", "statements", ["record_id"])
    op.create_index("ix_statements_canonical_id", "statements", ["canonical_id"])
    op.create_index("ix_statements_document_id", "statements", ["document_id"])
    op.create_index("ix_statements_kind_prop", "statements", ["kind", "prop"])
    op.create_table(
        "mentions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("record_id", sa.String(40), nullable=False),
        sa.Column("canonical_id", sa.String(40), nullable=False),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("sentence", sa.Text, comment="the sentence of the document holding the span"),
    )
    op.create_index("ix_mentions_canonical_id", "mentions", ["canonical_id"])
    op.create_index("ix_mentions_record_id", "mentions", ["record_id"])
    op.create_index("ix_mentions_document_id", "mentions", ["document_id"])
    op.create_table(
        "records",
        sa.Column("id", sa.String(40), primary_key=True,
                  comment="canonical id (the smallest member record id)"),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("data", sa.Text, nullable=False,
                  comment="JSON: the merged record, fields of models.RECORD_TYPES"),
        sa.Column("n_members", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("n_documents", sa.Integer, nullable=False),
        sa.Column("first_published", sa.String(32)),
        sa.Column("last_published", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("confirmed", sa.Boolean, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_index("ix_records_kind", "records", ["kind"])
    op.create_table(
        "judgements",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target_type", sa.String(16), nullable=False, comment="record | statement | flag"),
        sa.Column("target_id", sa.String(64), nullable=False),
        sa.Column("other_id", sa.String(64), comment="the second record of a merge"),
        sa.Column("prop", sa.String(64)),
        sa.Column("value", sa.Text, comment="JSON"),
        sa.Column("target_key", sa.Text,
                  comment="JSON snapshot of the target, to find it again after re-extraction"),
        sa.Column("author", sa.String(128), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("retired_at", TS),
        sa.Column("retired_by", sa.Integer, sa.ForeignKey("judgements.id")),
        sa.CheckConstraint("kind IN ('confirm','correct','reject','merge','split','dismiss')",
                           name="ck_judgements_kind"),
    )
    op.create_index("ix_judgements_target_id", "judgements", ["target_id"])
    op.create_table(
        "merges",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("canonical_id", sa.String(40), nullable=False),
        sa.Column("record_a", sa.String(40), nullable=False),
        sa.Column("record_b", sa.String(40), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("rule", sa.String(64), nullable=False),
        sa.Column("decided_by", sa.String(16), nullable=False, comment="auto | judgement"),
        sa.Column("judgement_id", sa.Integer, sa.ForeignKey("judgements.id")),
    )
    op.create_index("ix_merges_canonical_id", "merges", ["canonical_id"])
    op.create_table(
        "flags",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("source", sa.String(8), nullable=False,
                  comment="doc (from one document) | ledger (across documents)"),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE")),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("record_ids", sa.Text, comment="JSON list of canonical record ids"),
        sa.Column("created_at", TS, nullable=False),
    )
    op.create_index("ix_flags_document_id", "flags", ["document_id"])
    op.create_index("ix_flags_kind", "flags", ["kind"])
    op.create_table(
        "failures",
        sa.Column("id", sa.String(64), primary_key=True, comment="sha256 of the path"),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("first_at", TS, nullable=False),
        sa.Column("last_at", TS, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
    )
    op.create_table(
        "stage_history",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("agreement_id", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(40), nullable=False),
        sa.Column("stage", sa.String(16), nullable=False),
        sa.Column("date", sa.String(32), comment="the date of the stage the text gives, if any"),
        sa.Column("published", sa.String(32), comment="publication date of the document"),
        sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("span_start", sa.Integer),
        sa.Column("span_end", sa.Integer),
        sa.Column("statement_id", sa.String(64)),
        sa.Column("regression", sa.Boolean, nullable=False),
    )
    op.create_index("ix_stage_history_agreement_id", "stage_history", ["agreement_id"])
    op.create_table(
        "ledger_meta",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text),
    )


def downgrade() -> None:
    for name in ("ledger_meta", "stage_history", "failures", "flags", "merges", "judgements", "records",
                 "mentions", "statements", "documents"):
        op.drop_table(name)
