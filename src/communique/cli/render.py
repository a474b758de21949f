"""Rich tables for people: one extraction, readable in a terminal.

Columns that are empty in every row are left out, and when the document's text is at hand each
record shows the words it was read from, so a reader can check a value against its source.
"""

from __future__ import annotations

from typing import Any

from ..models import RECORD_TYPES, Extraction

_EVIDENCE_WIDTH = 60


def print_extraction(ex: Extraction, text: str | None = None, console: Any = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    d = ex.document
    console.rule(f"[bold]{_esc(d.title or d.source or d.id[:12])}")
    when = d.published or "unknown"
    if d.published_inferred:
        when += " (inferred)"
    console.print(f"source: {_esc(d.source or '-')}   published: {when}   id: {d.id[:12]}")
    text = text if text is not None else d.text
    empty = True
    for kind, model in RECORD_TYPES.items():
        rows = getattr(ex, kind)
        if not rows:
            continue
        empty = False
        fields = [f for f in model.model_fields if f not in ("span", "spans")
                  and any(_cell(getattr(r, f)) for r in rows)]
        table = Table(title=f"{kind} ({len(rows)})", title_justify="left", show_lines=False)
        for f in fields:
            table.add_column(f, overflow="fold")
        if text:
            table.add_column("from the text", overflow="fold", style="dim")
        for r in rows:
            cells = [_esc(_cell(getattr(r, f))) for f in fields]
            if text:
                cells.append(_esc(_evidence(r, text)))
            table.add_row(*cells)
        console.print(table)
    if empty:
        console.print("no records found")


def _evidence(rec, text: str) -> str:
    span = getattr(rec, "span", None) or next(iter(getattr(rec, "spans", None) or []), None)
    if not span:
        return ""
    a, b = span
    snippet = " ".join(text[max(0, a):max(a, min(b, len(text)))].split())
    return snippet if len(snippet) <= _EVIDENCE_WIDTH else snippet[:_EVIDENCE_WIDTH - 1] + "…"


def _cell(v) -> str:
    if v is None or v is False:
        return "" if v is None else "no"
    if v is True:
        return "yes"
    if isinstance(v, list):
        return "; ".join(c for c in (_cell(x) for x in v) if c)
    if hasattr(v, "model_dump"):
        return ", ".join(str(x) for x in v.model_dump().values() if x)
    if isinstance(v, float) and v.is_integer():
        return f"{v:,.0f}"
    return str(v)


def _esc(s: str) -> str:
    """Square brackets in extracted text are not rich markup."""
    from rich.markup import escape

    return escape(s)
