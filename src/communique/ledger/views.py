"""SQL views a person reads in Datasette: one per record kind (`meetings_v`, `agreements_v`, …) with
each field of `models.RECORD_TYPES` as a column and its sources, and `sources_v` (one row per
source sentence). Views hold no data, so they are recreated whenever their definition changes
(e.g. a field added to a record type) instead of being frozen in a migration.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import text
from sqlalchemy.engine import Engine

from ..models import RECORD_TYPES
from .statements import extra_fields

SOURCES_VIEW = "sources_v"


def view_names() -> list[str]:
    return [f"{k}_v" for k in RECORD_TYPES if k != "flags"] + [SOURCES_VIEW]


def _field(dialect: str, name: str) -> str:
    if dialect == "postgresql":
        return f"(r.data::json ->> '{name}') AS \"{name}\""
    return f"json_extract(r.data, '$.{name}') AS \"{name}\""


def view_sql(dialect: str) -> dict[str, str]:
    agg = "string_agg({x}, ' ‖ ' ORDER BY d.published, m.span_start)" if dialect == "postgresql" \
        else "group_concat({x}, ' ‖ ')"
    item = "COALESCE(d.source, d.id) || ': ' || COALESCE(m.sentence, '')"
    out = {}
    for kind, model in RECORD_TYPES.items():
        if kind == "flags":
            continue
        fields = [f for f in model.model_fields if f not in ("span", "spans")] + extra_fields(kind)
        cols = ",\n  ".join(_field(dialect, f) for f in fields)
        out[f"{kind}_v"] = f"""CREATE VIEW {kind}_v AS
SELECT r.id, r.label,
  {cols},
  r.n_sources, r.n_documents, r.first_published, r.last_published, r.status AS record_status,
  r.confirmed,
  (SELECT {agg.format(x=item)} FROM mentions m JOIN documents d ON d.id = m.document_id
    WHERE m.canonical_id = r.id) AS sources
FROM records r WHERE r.kind = '{kind}'"""
    out[SOURCES_VIEW] = f"""CREATE VIEW {SOURCES_VIEW} AS
SELECT m.canonical_id AS record_id, m.kind, r.label, d.source, d.title, d.published,
  m.span_start, m.span_end, m.sentence, m.record_id AS seen_as, m.document_id
FROM mentions m JOIN documents d ON d.id = m.document_id LEFT JOIN records r ON r.id = m.canonical_id"""
    return out


def drop_views(engine: Engine) -> None:
    with engine.begin() as conn:
        for name in view_names():
            conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
        conn.execute(text("DELETE FROM ledger_meta WHERE key = 'views'"))


def ensure_views(ledger) -> None:
    """(Re)create the views when their definition differs from the one stored in `ledger_meta`."""
    sqls = view_sql(ledger.dialect)
    digest = hashlib.sha256("\n".join(sqls.values()).encode()).hexdigest()[:16]
    with ledger.engine.begin() as conn:
        if ledger._get_meta(conn, "views") == digest:
            return
        for name in sqls:
            conn.execute(text(f"DROP VIEW IF EXISTS {name}"))
        for sql in sqls.values():
            conn.execute(text(sql))
        ledger._set_meta(conn, "views", digest)
