"""`communique fx`: exchange-rate coverage, one-off conversions, and loading a user rate table."""

from __future__ import annotations

import typer

from . import app

fx_app = typer.Typer(help="Exchange rates: coverage per currency, conversions, user rate tables.",
                     invoke_without_command=True, no_args_is_help=False)
app.add_typer(fx_app, name="fx")


@fx_app.callback()
def fx_coverage(ctx: typer.Context) -> None:
    """Show which currencies can be converted, from when to when, and from which source."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.table import Table

    from ..fx.rates import coverage

    table = Table(title="Exchange-rate coverage (first source listed wins)", title_justify="left")
    for col in ("currency", "first", "last", "source"):
        table.add_column(col, overflow="fold")
    for row in coverage():
        table.add_row(row["currency"], row["first"], row["last"], row["source"])
    Console().print(table)


@fx_app.command("convert")
def fx_convert(
    amount: float = typer.Argument(..., help="Amount in full units, e.g. 12e9."),
    currency: str = typer.Argument(..., help="ISO currency code, e.g. EUR, KZT."),
    on: str = typer.Argument(..., help="Date YYYY-MM-DD, or a month YYYY-MM / year YYYY for its average."),
) -> None:
    """Convert an amount to EUR and USD at the rate of a day (or a month's or year's average)."""
    from ..fx.rates import convert

    try:
        c = convert(amount, currency, on)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    if c.amount_usd is None:
        typer.echo(f"{c.amount:,.2f} {c.currency} on {c.on}: {c.note}")
        raise typer.Exit(1)
    eur = f"{c.amount_eur:,.2f} EUR" if c.amount_eur is not None else "no EUR amount"
    typer.echo(f"{c.amount:,.2f} {c.currency} on {c.on} = {eur} = {c.amount_usd:,.2f} USD")
    typer.echo(f"rate of {c.rate_date} from {c.source}")
    if c.note:
        typer.echo(f"note: {c.note}")


@fx_app.command("load")
def fx_load(
    path: str = typer.Argument(..., help="CSV: date|period, currency, per_usd|per_eur[, source]."),
) -> None:
    """Load your own rate table; it takes precedence over the ECB and shipped rates."""
    from ..errors import InputError
    from ..fx.tables import load_user_rates

    try:
        dest, n = load_user_rates(path)
    except InputError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"loaded {n} rates from {path} into {dest}")
