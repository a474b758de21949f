"""Stage 5, ledger: statements with provenance in SQLite or PostgreSQL, records rebuilt from them.

    from communique.ledger import open_ledger
    ledger = open_ledger("communique.db")          # or a postgresql+psycopg:// URL
    summary = ledger.ingest_paths(["texts/"], workers=2)
    from communique.ledger import query
    query.meetings(ledger, body="Cooperation Council")

Only this package touches SQLAlchemy; it is imported lazily so `import communique` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .store import IngestSummary, Ledger, open_ledger

__all__ = ["open_ledger", "Ledger", "IngestSummary"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import store

        return getattr(store, name)
    raise AttributeError(name)
