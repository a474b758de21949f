"""Rich tables for people: one extraction, readable in a terminal."""

from __future__ import annotations

from ..models import RECORD_TYPES, Extraction


def print_extraction(ex: Extraction) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    d = ex.document
    console.rule(f"[bold]{d.title or d.source or d.id[:12]}")
    console.print(f"published: {d.published or '?'}" + (" (inferred)" if d.published_inferred else ""))
    for kind, model in RECORD_TYPES.items():
        rows = getattr(ex, kind)
        if not rows:
            continue
        fields = [f for f in model.model_fields if f not in ("span", "spans")]
        table = Table(title=f"{kind} ({len(rows)})", title_justify="left", show_lines=False)
        for f in fields:
            table.add_column(f, overflow="fold")
        for r in rows:
            table.add_row(*[_cell(getattr(r, f)) for f in fields])
        console.print(table)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(_cell(x) for x in v)
    if hasattr(v, "model_dump"):
        return ", ".join(str(x) for x in v.model_dump().values() if x)
    if isinstance(v, float) and v.is_integer():
        return f"{v:,.0f}"
    return str(v)
