"""The `communique` command: a thin shell over the library (one module per command group).

Heavy libraries (SQLAlchemy, FastAPI, Alembic, trafilatura) are imported inside the commands that
need them, so `communique --help` starts fast.
"""

from __future__ import annotations

import importlib

import typer

app = typer.Typer(
    name="communique",
    help="Read a partnership's press releases and reports; keep a sourced, checked ledger of it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"communique {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Read a partnership's press releases and reports; keep a sourced, checked ledger of it."""


#: Modules that register commands on `app` when imported; each holds one command group.
COMMAND_MODULES = [
    "extract",
    "bulk",
    "fx",
    "serve",
    "ledger",
    "demo",
    "review",
    "check",
    "export",
]

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")


def main() -> None:
    app()
