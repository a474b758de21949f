"""`communique check`: every flag in the ledger (from single documents and across sources), with the
document and sentence each comes from. A thin layer over `checks.ledger.list_flags`."""

from __future__ import annotations

import typer

from . import app
from .ledger import DB_HELP, Fmt, _open, emit


@app.command()
def check(db: str = typer.Option(None, "--db", help=DB_HELP),
          fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, json or csv."),
          kind: list[str] = typer.Option(None, "--kind", help="Only flags of this kind (repeatable), "
                                         "e.g. 'figures disagree', 'stage regression'."),
          source: str = typer.Option(None, "--source", help="doc (one document) or ledger (across sources)."),
          include_dismissed: bool = typer.Option(False, "--include-dismissed",
                                                 help="Also flags a reviewer dismissed."),
          limit: int = typer.Option(None, "--limit", min=0, help="At most this many flags."),
          ) -> None:
    """Flags a careful reader would question, each with its sources (document, sentence)."""
    from ..checks.ledger import list_flags

    page = list_flags(_open(db), kind=kind or None, source=source, include_dismissed=include_dismissed,
                      limit=limit)
    if fmt is Fmt.json:
        emit(page, [], Fmt.json)
        return
    for f in page["items"]:
        f["sources_text"] = " ‖ ".join(f"{s['source'] or s['document_id'][:12]}: {s['sentence'] or ''}"
                                       for s in f["sources"])
    cols = ["id", "kind", "source", "message", "sources_text"] + (["dismissed"] if include_dismissed else [])
    if fmt is Fmt.csv:
        emit(page, cols, Fmt.csv)
        return
    for f in page["items"]:
        f["id"] = f["id"][:12]
    emit(page, cols, Fmt.table, "flags")
