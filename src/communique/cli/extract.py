"""`communique extract`: run the extraction on files and print the contract JSON or a table."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from . import app


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive) or '-' for stdin."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD or YYYY-MM."),
    fmt: Format = typer.Option(Format.json, "--format", help="json, jsonl, or a table for a person."),
    with_text: bool = typer.Option(False, "--with-text", help="Include the normalised text in JSON."),
) -> None:
    """Extract meetings, people, agreements, pledges, figures, events, quotes and flags."""
    import json

    from ..errors import InputError
    from ..pipeline import extract_document
    from ..read.inputs import iter_documents

    failed = 0
    results = []
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            failed += 1
            typer.echo(f"error: {item}", err=True)
            continue
        ex = extract_document(item, published=published)
        if fmt is Format.jsonl:
            sys.stdout.write(json.dumps(ex.to_contract(with_text), ensure_ascii=False) + "\n")
        elif fmt is Format.table:
            from .render import print_extraction

            print_extraction(ex)
        else:
            results.append(ex.to_contract(with_text))
    if fmt is Format.json:
        out = results[0] if len(results) == 1 and failed == 0 and _single(paths) else results
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    if failed:
        raise typer.Exit(1)


def _single(paths: list[str]) -> bool:
    return len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())
