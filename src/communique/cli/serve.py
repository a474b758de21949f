"""`communique serve`: the REST API and dashboard over a ledger, on 127.0.0.1 unless told."""

from __future__ import annotations

import typer

from . import app


@app.command()
def serve(
    db: str = typer.Option(None, "--db", help="Ledger URL or SQLite path (default: COMMUNIQUE_DB or "
                                              "./communique.db)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind; 127.0.0.1 keeps it local."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    workers: int = typer.Option(None, "--workers", min=1, max=64,
                                help="Server processes (default: one per CPU, at most 4)."),
) -> None:
    """Serve the web dashboard and REST API (/api, /docs). Writes need COMMUNIQUE_TOKEN set."""
    from ..errors import CommuniqueError
    from ..serve.server import run

    try:
        run(db, host=host, port=port, echo=typer.echo, workers=workers)
    except CommuniqueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
