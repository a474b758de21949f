"""`communique demo`: ingest the bundled example documents and print what the ledger found."""

from __future__ import annotations

import typer

from . import app


@app.command()
def demo(
    db: str = typer.Option("communique-demo.db", "--db", help="Where to build the demo ledger."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    serve: bool = typer.Option(None, "--serve/--no-serve",
                               help="Then serve the dashboard on 127.0.0.1 (default: in a terminal)."),
    port: int = typer.Option(8000, "--port", help="Port for --serve."),
) -> None:
    """Ingest the example documents shipped with communique and show meetings, agreements, pledges."""
    import sys

    from ..ledger.demo import run_demo

    result = run_demo(db)
    if json_out:
        import json

        typer.echo(json.dumps(result, indent=2, ensure_ascii=False, default=str))
    else:
        print_demo(result)
    if serve or (serve is None and not json_out and sys.stdin.isatty() and sys.stdout.isatty()):
        from ..serve.server import run

        run(result["db"], port=port, echo=typer.echo)


def print_demo(r: dict) -> None:
    from rich.console import Console

    c = Console()
    ing = r["ingest"]
    c.rule("[bold]communique demo")
    c.print(f"ledger: {r['db']}")
    c.print(f"documents: {ing['new']} new, {ing['updated']} updated, {ing['unchanged']} unchanged, "
            f"{len(ing['failed'])} failed")
    for f in ing["failed"]:
        c.print(f"  [red]failed[/]: {f['path']}: {f['reason']}")
    c.print(f"\n[bold]Meetings[/] ({len(r['meetings'])})")
    for m in r["meetings"]:
        heads = "; ".join(h.get("name", "") for h in m.get("heads") or [])
        c.print(f"  {m.get('date') or '?':<10}  {m['label']}" + (f", {m['place']}" if m.get("place") else "")
                + (f" — {heads}" if heads else "") + f"  [dim]({_sources(m)})")
    ag = r["agreements"]
    c.print(f"\n[bold]Agreements by stage[/] ({ag['total']})")
    for stage, n in sorted(ag["by_stage"].items()):
        names = [a["name"] + (f" ({a['acronym']})" if a.get("acronym") else "") for a in ag["items"]
                 if (a.get("status") or "unknown") == stage]
        c.print(f"  {stage}: {n} — " + "; ".join(names))
    for aid, hist in r.get("stage_histories", {}).items():
        name = next((a.get("acronym") or a["name"] for a in ag["items"] if a["id"] == aid), aid)
        runs: list[list[dict]] = []  # consecutive sources at the same stage read as one step
        for h in hist:
            if runs and runs[-1][0]["stage"] == h["stage"] and not h["regression"]:
                runs[-1].append(h)
            else:
                runs.append([h])
        steps = " → ".join(f"{run[0]['stage']} ({run[0]['date'] or run[0]['published'] or '?'}"
                           + (f", {len(run)} sources" if len(run) > 1 else "") + ")"
                           + (" [red]regression[/]" if run[0]["regression"] else "") for run in runs)
        c.print(f"  [bold]{name}[/] history: {steps}")
    pl = r["pledges"]
    c.print(f"\n[bold]Pledges[/] ({pl['total']}, each counted once however many sources report it)")
    for p in pl["items"]:
        conv = [f"{cur} {p[key]:,.0f}" for cur, key in (("EUR", "amount_eur"), ("USD", "amount_usd"))
                if p.get(key) is not None and cur != (p.get("currency") or "").upper()]
        c.print(f"  {p.get('by') or '?'}: {p['currency']} {p['amount']:,.0f}"
                + (f" (= {', '.join(conv)})" if conv else "") + (" \\[hedged]" if p.get("hedged") else "")
                + f"  [dim]({_sources(p)})")
    t = pl["totals"]
    c.print(f"  total: EUR {t['EUR']:,.0f} / USD {t['USD']:,.0f}"
            + (f" ({t['unconverted']} not converted)" if t["unconverted"] else ""))
    c.print(f"\n{len(r['figures'])} figures, {len(r['flags'])} flags. "
            f"Try: communique meetings --db {r['db'].split('///')[-1]}")


def _sources(rec: dict) -> str:
    n = rec.get("n_documents") or rec.get("n_sources") or 0
    return f"{n} source{'s' if n != 1 else ''}"
