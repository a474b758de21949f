"""The ledger's tables, declared once with SQLAlchemy Core.

Statements (one value of one property of one record, with its document and span) are the truth;
`records`, `merges`, `stage_history` and ledger `flags` are derived from them by `rebuild()` and can
always be thrown away and recomputed. `judgements` are human decisions, never derived and never
overwritten (a change retires the old row). Names are plain so the SQLite file reads well in
Datasette. The initial Alembic migration freezes this shape; `tests/test_ledger_store.py` checks the
migrations and this module agree.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

ID = String(64)
JUDGEMENT_KINDS = ("confirm", "correct", "reject", "merge", "split", "dismiss")

documents = Table(
    "documents", metadata,
    Column("id", ID, primary_key=True, comment="sha256 of the normalised text"),
    Column("source", Text),
    Column("title", Text),
    Column("published", String(32)),
    Column("published_inferred", Boolean, nullable=False, default=False),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("extractor_version", String(32), nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_documents_published", "published"),
)

statements = Table(
    "statements", metadata,
    Column("id", ID, primary_key=True,
           comment="sha256 of (record_id, prop, value, document_id, span, extractor_version)"),
    Column("kind", String(32), nullable=False),
    Column("record_id", String(40), nullable=False, comment="the record as seen in its document"),
    Column("canonical_id", String(40), nullable=False, comment="the record after merging"),
    Column("prop", String(64), nullable=False),
    Column("value", Text, nullable=False, comment="JSON"),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("extractor_version", String(32), nullable=False),
    Index("ix_statements_record_id", "record_id"),
    # a record's members (0005); serves lookups by canonical_id alone too (its own index dropped in 0007)
    Index("ix_statements_canonical_record", "canonical_id", "record_id"),
    Index("ix_statements_document_id", "document_id"),
    Index("ix_statements_kind_prop", "kind", "prop"),
)

mentions = Table(
    "mentions", metadata,
    Column("id", ID, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("record_id", String(40), nullable=False),
    Column("canonical_id", String(40), nullable=False),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("sentence", Text, comment="the sentence of the document holding the span"),
    Index("ix_mentions_canonical_id", "canonical_id"),
    Index("ix_mentions_record_id", "record_id"),
    Index("ix_mentions_document_id", "document_id"),
)

records = Table(
    "records", metadata,
    Column("id", String(40), primary_key=True, comment="canonical id (the smallest member record id)"),
    Column("kind", String(32), nullable=False),
    Column("label", Text, nullable=False),
    Column("data", Text, nullable=False, comment="JSON: the merged record, fields of models.RECORD_TYPES"),
    Column("n_members", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False),
    Column("n_documents", Integer, nullable=False),
    Column("first_published", String(32)),
    Column("last_published", String(32)),
    Column("status", String(16), nullable=False, default="active"),
    Column("confirmed", Boolean, nullable=False, default=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("search", Text, comment="filter tokens (ledger/keys.py)"),
    Column("sort_date", String(32), comment="list order: the record's date"),
    Column("certainty", Float, comment="review order, least certain first (ledger/review.py)"),
    Column("reasons", Text, comment="JSON list: why the certainty is below 1"),
    Column("open_flags", Integer, nullable=False, default=0, server_default="0",
           comment="kinds of open flags about the record (each halves its certainty)"),
    Index("ix_records_kind", "kind"),
    Index("ix_records_kind_status", "kind", "status"),
    Index("ix_records_kind_status_sort", "kind", "status", "sort_date", "id"),
    Index("ix_records_review", "certainty", "n_documents", "kind", "id"),
    Index("ix_records_kind_review", "kind", "certainty", "n_documents", "id"),
)

merges = Table(
    "merges", metadata,
    Column("id", ID, primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("canonical_id", String(40), nullable=False),
    Column("record_a", String(40), nullable=False),
    Column("record_b", String(40), nullable=False),
    Column("score", Float, nullable=False),
    Column("rule", String(64), nullable=False),
    Column("decided_by", String(16), nullable=False, comment="auto | judgement"),
    Column("judgement_id", Integer, ForeignKey("judgements.id")),
    Index("ix_merges_canonical_id", "canonical_id"),
)

judgements = Table(
    "judgements", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("target_type", String(16), nullable=False, comment="record | statement | flag"),
    Column("target_id", String(64), nullable=False),
    Column("other_id", String(64), comment="the second record of a merge"),
    Column("prop", String(64)),
    Column("value", Text, comment="JSON"),
    Column("target_key", Text, comment="JSON snapshot of the target, to find it again after re-extraction"),
    Column("author", String(128), nullable=False),
    Column("reason", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("retired_at", DateTime(timezone=True)),
    Column("retired_by", Integer, ForeignKey("judgements.id")),
    CheckConstraint("kind IN ('confirm','correct','reject','merge','split','dismiss')",
                    name="ck_judgements_kind"),
    Index("ix_judgements_target_id", "target_id"),
)

flags = Table(
    "flags", metadata,
    Column("id", ID, primary_key=True),
    Column("kind", String(64), nullable=False),
    Column("message", Text, nullable=False),
    Column("source", String(8), nullable=False,
           comment="doc (from one document) | ledger (across documents)"),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE")),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("record_ids", Text, comment="JSON list of canonical record ids"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_flags_document_id", "document_id"),
    Index("ix_flags_kind", "kind"),
    Index("ix_flags_source", "source"),
)

failures = Table(
    "failures", metadata,
    Column("id", ID, primary_key=True, comment="sha256 of the path"),
    Column("path", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_at", DateTime(timezone=True), nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
    Column("attempts", Integer, nullable=False, default=1),
)

stage_history = Table(
    "stage_history", metadata,
    Column("id", ID, primary_key=True),
    Column("agreement_id", String(40), nullable=False),
    Column("record_id", String(40), nullable=False),
    Column("stage", String(16), nullable=False),
    Column("date", String(32), comment="the date of the stage the text gives, if any"),
    Column("published", String(32), comment="publication date of the document"),
    Column("document_id", ID, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("statement_id", ID),
    Column("regression", Boolean, nullable=False, default=False),
    Index("ix_stage_history_agreement_id", "agreement_id"),
    Index("ix_stage_history_document_id", "document_id"),
)

match_keys = Table(
    "match_keys", metadata,
    Column("record_id", String(40), primary_key=True, comment="a record as seen in its document"),
    Column("key", String(16), primary_key=True,
           comment="hash of one of its blocking keys or its signature (ledger/matchers.py: link_keys)"),
    Column("kind", String(32), nullable=False),
    Column("role", String(1), nullable=False,
           comment="k: a blocking key, s: the signature, r: neither (itself)"),
    Index("ix_match_keys_key", "key"),  # a key's hash includes its kind
    comment="derived by rebuild: records sharing a key may merge; an ingest re-merges only the records "
            "reachable from its new ones through these keys",
    sqlite_with_rowid=False,  # the primary key is the table: one b-tree to write, not two
)

ledger_meta = Table(
    "ledger_meta", metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text),
)
