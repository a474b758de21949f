"""`communique demo`: the example documents shipped in the package, ingested into a local ledger."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DEFAULT_DEMO_DB = "communique-demo.db"


def example_paths() -> list[Path]:
    from ..read.inputs import TEXT_SUFFIXES

    return sorted(p for p in EXAMPLES.iterdir()
                  if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES and p.name.lower() != "readme.md")


def run_demo(db_url: str | None = None, workers: int = 1, progress=None) -> dict:
    """Ingest the bundled examples into `db_url` (default ./communique-demo.db) and return what was
    found: the ingest summary, meetings, agreements by stage, the stage history of each agreement
    seen at more than one stage, pledges with EUR/USD totals, figures and flags (plain dicts, as
    `ledger.query` returns them)."""
    from . import query
    from .store import open_ledger

    ledger = open_ledger(db_url or DEFAULT_DEMO_DB)
    try:
        summary = ledger.ingest_paths(example_paths(), workers=workers, progress=progress)
        agreements = query.agreements(ledger, limit=None)
        histories = {}
        for a in agreements["items"]:
            hist = query.stage_history(ledger, a["id"])
            if len({h["stage"] for h in hist}) > 1:
                histories[a["id"]] = hist
        return {"db": ledger.url, "ingest": summary.as_dict(), "overview": query.overview(ledger),
                "meetings": query.meetings(ledger, limit=None)["items"],
                "agreements": agreements, "stage_histories": histories,
                "pledges": query.pledges(ledger, limit=None),
                "figures": query.figures(ledger, limit=None)["items"],
                "flags": query.flags(ledger, limit=None)["items"]}
    finally:
        ledger.close()
