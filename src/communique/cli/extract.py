"""`communique extract`: run the extraction on files, folders, stdin or feeds; print JSON or a table.

stdout carries only results; every bad input is one `error: SOURCE: problem` line on stderr and the
others go on. Exit code 0 when every input was read, 1 when any failed, 2 for a usage error.
"""

from __future__ import annotations

import os
import re
import sys
from enum import StrEnum
from pathlib import Path

import typer

from . import app

_PUBLISHED = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class InputKind(StrEnum):
    auto = "auto"
    jsonl = "jsonl"


def _check_published(value: str | None) -> str | None:
    if value is None:
        return None
    import datetime

    try:
        ok = bool(_PUBLISHED.match(value)) and bool(datetime.date.fromisoformat(
            value if len(value) == 10 else value + "-01"))
    except ValueError:
        ok = False
    if not ok:
        raise typer.BadParameter(f"{value!r} is not a date YYYY-MM-DD or YYYY-MM")
    return value


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), globs, or '-' for stdin."),
    published: str = typer.Option(None, "--published", callback=_check_published,
                                  help="Publication date YYYY-MM-DD or YYYY-MM (overrides the page's)."),
    fmt: Format = typer.Option(Format.json, "--format", help="json, jsonl, or a table for a person."),
    with_text: bool = typer.Option(False, "--with-text", help="Include the normalised text in JSON."),
    input_kind: InputKind = typer.Option(
        InputKind.auto, "--input",
        help="auto: by extension (*.jsonl files are feeds); jsonl: every PATH or '-' is a JSON Lines feed."),
) -> None:
    """Extract meetings, people, agreements, pledges, figures, events, quotes and flags."""
    try:
        failed = _run(paths, published, fmt, with_text, input_kind)
    except BrokenPipeError:  # `communique extract … | head`: the reader left; not an error of ours
        sys.stderr.close()
        os._exit(0)
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        raise typer.Exit(130) from None
    if failed:
        raise typer.Exit(1)


def _run(paths: list[str], published: str | None, fmt: Format, with_text: bool,
         input_kind: InputKind) -> int:
    """Extract every input, printing as it goes; returns how many inputs failed."""
    import json

    from ..errors import InputError
    from ..read.inputs import iter_documents

    failed = done = 0
    results = []
    for item in iter_documents(paths, input_format=input_kind.value):
        if isinstance(item, InputError):
            failed += 1
            typer.echo(f"error: {item}", err=True)
            continue
        ex = _extract_one(item, published)
        if ex is None:
            failed += 1
            continue
        done += 1
        if with_text:
            ex.document.text = item.text
        if fmt is Format.jsonl:
            sys.stdout.write(json.dumps(ex.to_contract(with_text), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        elif fmt is Format.table:
            from .render import print_extraction

            print_extraction(ex, text=item.text)
        else:
            results.append(ex.to_contract(with_text))
    if fmt is Format.json and results:
        single = _single(paths, input_kind) and len(results) == 1 and not failed
        out = results[0] if single else results
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    if failed and done + failed > 1:
        typer.echo(f"{failed} of {done + failed} inputs failed", err=True)
    return failed


def _extract_one(doc, published: str | None):
    """The extraction of one document, or None after one stderr line if the extractor broke."""
    from ..pipeline import extract_document

    try:
        return extract_document(doc, published=published)
    except Exception as exc:  # never a traceback for a user; COMMUNIQUE_DEBUG=1 shows it
        if os.environ.get("COMMUNIQUE_DEBUG"):
            raise
        msg = " ".join(str(exc).split())[:120]
        typer.echo(f"error: {doc.source or doc.id[:12]}: extraction failed ({type(exc).__name__}: {msg}); "
                   "please report it (COMMUNIQUE_DEBUG=1 shows the traceback)", err=True)
        return None


def _single(paths: list[str], input_kind: InputKind) -> bool:
    """One file or stdin named (not a folder, glob or feed): print an object, not a list."""
    if len(paths) != 1 or input_kind is InputKind.jsonl:
        return False
    p = paths[0]
    if p == "-":
        return True
    path = Path(p)
    return path.is_file() and path.suffix.lower() not in (".jsonl", ".ndjson")
