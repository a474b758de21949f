"""`communique review …`: the review queue and the decisions a person makes about records and flags.
Each command is a thin layer over `communique.ledger.review`; decisions are judgements (who, when,
why) that re-extraction never loses."""

from __future__ import annotations

import typer

from . import app
from .ledger import DB_HELP, Fmt, _open, emit

review_app = typer.Typer(help="Review records and flags: confirm, correct, reject, merge, split, dismiss.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")

Db = typer.Option(None, "--db", help=DB_HELP)
Author = typer.Option(None, "--author", help="Who decides (default: COMMUNIQUE_AUTHOR or the login name).")
Reason = typer.Option(None, "--reason", help="Why, in a few words.")


def _do(action, *args, db: str | None, author: str | None, reason: str | None, what: str) -> None:
    from ..ledger.review import ReviewError

    ledger = _open(db)
    try:
        jid = action(ledger, *args, author=author, reason=reason)
    except ReviewError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"judgement {jid}: {what}")


@review_app.command("list")
def list_(db: str = Db, kind: str = typer.Option(None, "--kind", help="meetings, people, pledges…"),
          status: str = typer.Option(None, "--status", help="unreviewed, confirmed, corrected or rejected."),
          limit: int = typer.Option(50, "--limit", min=0), offset: int = typer.Option(0, "--offset", min=0),
          fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, json or csv.")) -> None:
    """Records to review, least certain first, with the sentence each was read from."""
    from ..ledger.review import ReviewError, queue

    try:
        page = queue(_open(db), kind=kind, status=status, limit=limit, offset=offset)
    except ReviewError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    emit(page, ["id", "kind", "label", "status", "certainty", "reasons", "source", "sentence"], fmt, "review")


@review_app.command()
def confirm(record_id: str = typer.Argument(..., help="Record id (or unique prefix)."), db: str = Db,
            author: str = Author, reason: str = Reason) -> None:
    """The record is right as it stands."""
    from ..ledger import review

    _do(review.confirm, record_id, db=db, author=author, reason=reason, what=f"confirmed {record_id}")


@review_app.command()
def correct(record_id: str = typer.Argument(..., help="Record id (or unique prefix)."),
            prop: str = typer.Argument(..., help="Field to correct (date, place, amount…)."),
            value: str = typer.Argument(..., help="The right value (JSON where it parses, else text)."),
            db: str = Db, author: str = Author, reason: str = Reason) -> None:
    """The record's field has this value, whatever the sources say."""
    from ..ledger import review

    _do(review.correct, record_id, prop, value, db=db, author=author, reason=reason,
        what=f"{record_id} {prop} = {value}")


@review_app.command()
def reject(record_id: str = typer.Argument(..., help="Record id (or unique prefix)."), db: str = Db,
           author: str = Author, reason: str = Reason) -> None:
    """The record is wrong: hidden from queries and exports."""
    from ..ledger import review

    _do(review.reject, record_id, db=db, author=author, reason=reason, what=f"rejected {record_id}")


@review_app.command()
def merge(record_a: str = typer.Argument(...), record_b: str = typer.Argument(...), db: str = Db,
          author: str = Author, reason: str = Reason) -> None:
    """Two records are one real thing."""
    from ..ledger import review

    _do(review.merge, record_a, record_b, db=db, author=author, reason=reason,
        what=f"merged {record_a} and {record_b}")


@review_app.command()
def split(record_id: str = typer.Argument(..., help="A merged record (every member stands alone) or "
                                           "one member's id (it leaves)."),
          other: str = typer.Option(None, "--from", help="Only keep this record apart from that one."),
          db: str = Db, author: str = Author, reason: str = Reason) -> None:
    """A merged record is not one thing."""
    from ..ledger import review

    _do(review.split, record_id, other, db=db, author=author, reason=reason, what=f"split {record_id}")


@review_app.command()
def dismiss(flag_id: str = typer.Argument(..., help="Flag id (or unique prefix), from `communique check`."),
            db: str = Db, author: str = Author, reason: str = Reason) -> None:
    """The flag was looked at and answered: hidden from `communique check` unless asked for."""
    from ..ledger import review

    _do(review.dismiss, flag_id, db=db, author=author, reason=reason, what=f"dismissed {flag_id}")


@review_app.command()
def history(target: str = typer.Argument(None, help="Only judgements about this record or flag."),
            db: str = Db, fmt: Fmt = typer.Option(Fmt.table, "--format", help="table, json or csv.")) -> None:
    """Every judgement, active and retired: who decided what, when and why."""
    from ..ledger.review import history as hist

    emit(hist(_open(db), target), ["id", "kind", "target_id", "other_id", "prop", "value", "author", "reason",
                                   "created_at", "retired_at"], fmt, "judgements")
