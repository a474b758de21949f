"""Ledger commands: `db upgrade`, `ingest`, `reextract`, `rebuild`, the record lists
(`meetings`, `agreements`, `pledges`, `figures`, `people`, `documents`, `flags`), `show`, `series`.

Each command opens the ledger, calls one function of `communique.ledger` / `ledger.query` and
prints the result as a table, JSON or CSV (`cli/ledger_render.py` would be its own module if it grew).
"""

from __future__ import annotations

import sys
from enum import StrEnum

import typer

from . import app

DB_HELP = "Ledger URL or SQLite path (default: COMMUNIQUE_DB or ./communique.db)."
db_app = typer.Typer(help="Ledger database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


class Fmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _open(db: str | None):
    from sqlalchemy.exc import SQLAlchemyError

    from ..errors import CommuniqueError
    from ..ledger import open_ledger

    try:
        return open_ledger(db)
    except CommuniqueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    except SQLAlchemyError as exc:
        typer.echo(f"error: cannot open the ledger {db or ''}: {exc.__class__.__name__}: "
                   f"{str(exc).splitlines()[0]}", err=True)
        raise typer.Exit(2) from None


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else ""
    if isinstance(v, float):
        return f"{v:,.0f}" if v.is_integer() or abs(v) >= 1000 else f"{v:,.2f}"
    if isinstance(v, list):
        return "; ".join(_cell(x) for x in v)
    if isinstance(v, dict):
        return ", ".join(_cell(x) for x in v.values() if x)
    return str(v)


def emit(data, columns: list[str], fmt: Fmt, title: str = "") -> None:
    """Print a page of items (or one dict) as a rich table, JSON, or CSV with the given columns."""
    import json

    if fmt is Fmt.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    items = data["items"] if isinstance(data, dict) and "items" in data else data
    if fmt is Fmt.csv:
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(columns)
        for it in items:
            w.writerow([json.dumps(it.get(c), ensure_ascii=False) if isinstance(it.get(c), (list, dict))
                        else ("" if it.get(c) is None else it.get(c)) for c in columns])
        return
    from rich.console import Console
    from rich.table import Table

    total = data.get("total") if isinstance(data, dict) else len(items)
    table = Table(title=f"{title} ({len(items)} of {total})" if title else None, title_justify="left")
    for c in columns:
        table.add_column(c, overflow="fold")
    for it in items:
        table.add_row(*[_cell(it.get(c)) for c in columns])
    Console().print(table)


Format = typer.Option(Fmt.table, "--format", help="table, json or csv.")
Limit = typer.Option(50, "--limit", min=0, help="At most this many rows.")
Offset = typer.Option(0, "--offset", min=0, help="Skip this many rows.")
Db = typer.Option(None, "--db", help=DB_HELP)


@db_app.command("upgrade")
def db_upgrade(db: str = Db, revision: str = typer.Option("head", "--revision", help="Target revision.")):
    """Apply the ledger's migrations (never drops data)."""
    from ..ledger.db import make_engine, resolve_url, upgrade
    from ..ledger.store import open_ledger

    rev = upgrade(make_engine(resolve_url(db)), revision)
    open_ledger(db).close()  # recreate the views
    typer.echo(f"{resolve_url(db)}: at revision {rev}")


@app.command()
def ingest(
    paths: list[str] = typer.Argument(None, help="Files, folders (recursive) or globs."),
    db: str = Db,
    published: str = typer.Option(None, "--published",
                                  help="Publication date YYYY-MM-DD or YYYY-MM for all."),
    workers: int = typer.Option(1, "--workers", min=1, help="Extraction processes (the parent writes)."),
    fmt: Fmt = typer.Option(Fmt.table, "--format", help="Summary as a table or json."),
    from_parquet: str = typer.Option(None, "--from-parquet",
                                     help="Load the Parquet folder written by `communique bulk` instead."),
    rebuild: bool = typer.Option(True, "--rebuild/--no-rebuild",
                                 help="Merge records after ingest (skip it to ingest several batches, "
                                      "then run `communique rebuild` once)."),
) -> None:
    """Read, extract and store documents; known documents are skipped, failures recorded."""
    if bool(paths) == bool(from_parquet):
        raise typer.BadParameter("give PATHS to read, or --from-parquet DIR (not both)")
    ledger = _open(db)
    if from_parquet:  # extraction already done by `communique bulk`: store its rows in bulk
        from ..bulk import load_parquet
        from ..errors import InputError

        try:
            summary = load_parquet(ledger, from_parquet)
        except InputError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
    else:
        with _progress("ingest") as progress:
            summary = ledger.ingest_paths(paths, published=published, workers=workers, progress=progress,
                                          rebuild=rebuild)
    _print_summary(summary, fmt)
    if summary.failed and summary.total == len(summary.failed):
        raise typer.Exit(1)


@app.command()
def reextract(db: str = Db, all_documents: bool = typer.Option(False, "--all", help="Every document, not "
                                                               "only those of an older extractor."),
              fmt: Fmt = typer.Option(Fmt.table, "--format", help="Summary as a table or json."),
              workers: int = typer.Option(1, "--workers", min=1, help="Extraction processes.")) -> None:
    """Re-derive statements of stored documents with the current extractor (judgements kept)."""
    ledger = _open(db)
    with _progress("reextract") as progress:
        summary = ledger.reextract(all_documents=all_documents, progress=progress, workers=workers)
    _print_summary(summary, fmt)


@app.command()
def rebuild(db: str = Db) -> None:
    """Recompute merged records, stage histories and ledger flags from statements and judgements."""
    stats = _open(db).rebuild()
    typer.echo(", ".join(f"{k}: {v}" for k, v in stats.items()))


def _progress(verb: str):
    """A context manager yielding a `progress(done, total, status, source)` callback with a rich bar."""
    from contextlib import contextmanager

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    @contextmanager
    def cm():
        import time

        started = time.perf_counter()
        from rich.console import Console

        with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn(),
                      transient=not sys.stderr.isatty(), console=Console(stderr=True)) as bar:
            task = bar.add_task(verb, total=None, rate="0")

            def progress(done: int, total: int, status: str, source: str) -> None:
                rate = done / max(time.perf_counter() - started, 1e-6)
                bar.update(task, completed=done, total=total, rate=f"{rate:,.0f}")
            yield progress
    return cm()


def _print_summary(summary, fmt: Fmt) -> None:
    import json

    if fmt is Fmt.json:
        typer.echo(json.dumps(summary.as_dict(), indent=2))
        return
    typer.echo(f"new: {summary.new}  updated: {summary.updated}  unchanged: {summary.unchanged}  "
               f"failed: {len(summary.failed)}  statements: {summary.statements}  "
               f"({summary.docs_per_second:,.1f} docs/s)")
    for path, reason in summary.failed:
        typer.echo(f"  failed: {path}: {reason}", err=True)


@app.command()
def meetings(db: str = Db, body: str = typer.Option(None, help="Body name or acronym."),
             party: str = typer.Option(None, help="A party (Kazakhstan, EU…)."),
             since: str = typer.Option(None, help="From this date (YYYY[-MM[-DD]])."),
             until: str = typer.Option(None, help="Up to this date."), text: str = typer.Option(None),
             limit: int = Limit, offset: int = Offset, fmt: Fmt = Format) -> None:
    """Meetings, newest first, each with its sources."""
    from ..ledger import query

    page = query.meetings(_open(db), body=body, party=party, since=since, until=until, text=text,
                          limit=limit, offset=offset)
    emit(page, ["id", "number", "body", "date", "place", "format", "heads", "n_sources"], fmt, "meetings")


@app.command()
def agreements(db: str = Db, stage: str = typer.Option(None, help="Current stage (signed, in force…)."),
               party: str = typer.Option(None), text: str = typer.Option(None),
               since: str = typer.Option(None), until: str = typer.Option(None),
               limit: int = Limit, offset: int = Offset, fmt: Fmt = Format) -> None:
    """Agreements with their current stage."""
    from ..ledger import query

    page = query.agreements(_open(db), stage=stage, party=party, text=text, since=since, until=until,
                            limit=limit, offset=offset)
    emit(page, ["id", "name", "acronym", "parties", "status", "date", "n_sources"], fmt, "agreements")


@app.command()
def pledges(db: str = Db, by: str = typer.Option(None, help="Who pledged."),
            program: str = typer.Option(None), currency: str = typer.Option(None),
            since: str = typer.Option(None), until: str = typer.Option(None), text: str = typer.Option(None),
            limit: int = Limit, offset: int = Offset, fmt: Fmt = Format) -> None:
    """Pledges (one per promise, however many sources), with EUR and USD totals."""
    from ..ledger import query

    page = query.pledges(_open(db), by=by, program=program, currency=currency, since=since, until=until,
                         text=text, limit=limit, offset=offset)
    emit(page, ["id", "by", "amount", "currency", "amount_eur", "amount_usd", "program", "hedged", "date",
                "n_sources"], fmt, "pledges")
    if fmt is Fmt.table:
        tot = page["totals"]
        typer.echo(f"total: EUR {tot['EUR']:,.0f}  USD {tot['USD']:,.0f}"
                   + (f"  ({tot['unconverted']} not converted)" if tot["unconverted"] else ""))


@app.command()
def figures(db: str = Db, metric: str = typer.Option(None), period: str = typer.Option(None),
            unit: str = typer.Option(None), subject: str = typer.Option(None), text: str = typer.Option(None),
            limit: int = Limit, offset: int = Offset, fmt: Fmt = Format) -> None:
    """Figures by metric and period."""
    from ..ledger import query

    page = query.figures(_open(db), metric=metric, period=period, unit=unit, subject=subject, text=text,
                         limit=limit, offset=offset)
    emit(page, ["id", "metric", "value", "unit", "period", "qualifier", "subject", "n_sources"], fmt,
         "figures")


@app.command()
def people(db: str = Db, name: str = typer.Option(None), role: str = typer.Option(None),
           affiliation: str = typer.Option(None), text: str = typer.Option(None),
           limit: int = Limit, offset: int = Offset, fmt: Fmt = Format) -> None:
    """People and the roles they held, as the sources say."""
    from ..ledger import query

    page = query.people(_open(db), name=name, role=role, affiliation=affiliation, text=text, limit=limit,
                        offset=offset)
    for p in page["items"]:
        p["held"] = "; ".join(f"{r['role']} ({r['from'] or '?'}–{r['to'] or '?'})" for r in p["roles"])
    emit(page, ["id", "name", "role", "affiliation", "held", "n_documents"], fmt, "people")


@app.command()
def documents(db: str = Db, text: str = typer.Option(None), source: str = typer.Option(None),
              since: str = typer.Option(None), until: str = typer.Option(None),
              limit: int = Limit, offset: int = Offset, fmt: Fmt = Format) -> None:
    """Stored documents, newest first."""
    from ..ledger import query

    page = query.documents(_open(db), text=text, source=source, since=since, until=until, limit=limit,
                           offset=offset)
    emit(page, ["id", "source", "title", "published", "n_statements", "extractor_version"], fmt,
         "documents")


@app.command()
def flags(db: str = Db, kind: str = typer.Option(None),
          source: str = typer.Option(None, help="doc or ledger."),
          document: str = typer.Option(None, help="Document id (or prefix)."),
          include_dismissed: bool = typer.Option(False, "--include-dismissed"),
          limit: int = Limit, offset: int = Offset, fmt: Fmt = Format) -> None:
    """Things a careful reader would question, in one document or across the ledger."""
    from ..ledger import query

    page = query.flags(_open(db), kind=kind, source=source, document=document,
                       include_dismissed=include_dismissed, limit=limit, offset=offset)
    emit(page, ["kind", "message", "source", "document_source", "record_ids"], fmt, "flags")


@app.command()
def show(record_id: str = typer.Argument(..., help="Record, statement or document id (or unique prefix)."),
         db: str = Db, fmt: Fmt = typer.Option(Fmt.table, "--format", help="table or json.")) -> None:
    """A record with every source sentence and span, its merges, judgements and stage history."""
    from ..ledger import query

    rec = query.show(_open(db), record_id)
    if rec is None:
        typer.echo(f"error: no record, statement or document with id {record_id}", err=True)
        raise typer.Exit(1)
    if fmt is not Fmt.table:
        emit(rec, [], Fmt.json)
        return
    print_record(rec)


@app.command()
def series(body: str = typer.Argument(..., help="Body name or acronym."), db: str = Db,
           fmt: Fmt = typer.Option(Fmt.table, "--format", help="table or json.")) -> None:
    """Meetings of a body in order, with missing ordinals and the usual interval."""
    from ..ledger import query

    rep = query.series(_open(db), body)
    if fmt is not Fmt.table:
        emit(rep, [], Fmt.json)
        return
    if not rep["series"]:
        typer.echo(f"no meetings of a body matching {body!r}")
        raise typer.Exit(1)
    for s in rep["series"]:
        missing = ", ".join(map(str, s["missing_numbers"]))
        typer.echo(f"{s['body']} ({', '.join(s['parties']) or 'parties unknown'}): "
                   f"{len(s['meetings'])} meetings"
                   + (f", missing ordinals {missing}" if missing else "")
                   + (f", usually every {s['cadence_days']:.0f} days" if s["cadence_days"] else ""))
        emit(s["meetings"], ["number", "date", "place", "format", "n_sources", "id"], Fmt.table)


def print_record(rec: dict) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from ..models import RECORD_TYPES

    console = Console()
    kind = rec.get("record_kind") or rec["kind"]
    console.rule(f"[bold]{kind}: {rec['label']}")
    if kind == "document":
        d = rec["document"]
        console.print(f"source: {d.get('source')}  published: {d.get('published')}  id: {d['id']}")
        for r in rec["records"]:
            console.print(f"  {r['kind']:<14} {r['canonical_id']}  {r['label']}")
        return
    console.print(f"id: {rec['id']}   sources: {rec['n_sources']} in {rec['n_documents']} documents"
                  + ("   [green]confirmed" if rec["confirmed"] else "")
                  + ("   [red]rejected" if rec["record_status"] == "rejected" else ""))
    for k in RECORD_TYPES[kind].model_fields if kind in RECORD_TYPES else ():
        v = rec.get(k)
        if k not in ("span", "spans") and v not in (None, [], ""):
            console.print(f"  [bold]{k}[/]: {v}")
    for s in rec["sources"]:
        head = Text(f"{s['source'] or s['document_id'][:12]}  {s['published'] or ''}  span {s['span']}",
                    style="dim")
        console.print(head)
        if s["sentence"]:
            console.print(Text("   " + s["sentence"]))
    if rec.get("stage_history"):
        table = Table(title="stage history", title_justify="left")
        for c in ("stage", "date", "published", "source", "regression"):
            table.add_column(c)
        for h in rec["stage_history"]:
            table.add_row(h["stage"], h["date"] or "", h["published"] or "", h["source"] or "",
                          "regression" if h["regression"] else "")
        console.print(table)
    if rec.get("roles"):
        for r in rec["roles"]:
            console.print(f"  role: {r['role']} ({r['affiliation'] or ''}) "
                          f"{r['from'] or '?'} – {r['to'] or '?'}")
    for m in rec["merges"]:
        console.print(f"  merged {m['record_a']} + {m['record_b']}: {m['rule']} ({m['score']:.2f}, "
                      f"{m['decided_by']})", style="dim")
    for j in rec["judgements"]:
        state = "retired" if j["retired_at"] else "active"
        console.print(f"  judgement {j['id']} {j['kind']} by {j['author']} ({state}): {j['reason'] or ''}")
