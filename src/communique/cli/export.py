"""`communique export`: the ledger as files (a thin layer over `communique.ledger.export`)."""

from __future__ import annotations

from enum import StrEnum

import typer

from . import app
from .ledger import DB_HELP, _open


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    ftm = "ftm"


@app.command()
def export(fmt: ExportFormat = typer.Option(ExportFormat.jsonl, "--format",
                                            help="jsonl, csv, parquet (one file per record kind) or ftm "
                                                 "(FollowTheMoney-style entities and statements)."),
           out: str = typer.Option(..., "--out", help="Folder to write into (created if needed)."),
           db: str = typer.Option(None, "--db", help=DB_HELP),
           kind: list[str] = typer.Option(None, "--kind", help="Only this record kind (repeatable)."),
           ) -> None:
    """Write the ledger's records (with sources and EUR/USD amounts) to files."""
    from ..ledger.export import ExportError
    from ..ledger.export import export as run

    try:
        written = run(_open(db), out, fmt.value, kinds=kind or None)
    except (ExportError, OSError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    for name, info in written.items():
        typer.echo(f"{info['path']}: {info['rows']} {name if info['rows'] != 1 else name.rstrip('s')}")
