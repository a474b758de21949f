"""`communique bulk`: extract many documents with Ray Data into Parquet (library: `communique.bulk`)."""

from __future__ import annotations

import typer

from . import app


@app.command()
def bulk(
    inputs: list[str] = typer.Argument(..., help="Files, folders (recursive) or globs."),
    out: str = typer.Option(..., "--out", help="Output folder (or s3://… URI) for the Parquet files."),
    ray_address: str = typer.Option(None, "--ray-address",
                                    help="Join an existing Ray cluster ('auto', 'ray://host:10001'); "
                                         "default: a local Ray."),
    num_cpus: int = typer.Option(2, "--num-cpus", help="CPUs of the local Ray (ignored with --ray-address)."),
    published: str = typer.Option(None, "--published", help="Publication date YYYY-MM-DD or YYYY-MM."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Replace Parquet files already in --out."),
) -> None:
    """Extract documents in a Ray Data stage and write one Parquet row per document."""
    from ..bulk import run_bulk
    from ..errors import CommuniqueError

    try:
        res = run_bulk(inputs, out, published=published, ray_address=ray_address, num_cpus=num_cpus,
                       overwrite=overwrite)
    except CommuniqueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    for source, problem in res.errors:
        typer.echo(f"error: {source}: {problem}", err=True)
    rate = res.documents / res.seconds if res.seconds and res.documents > 0 else 0.0
    typer.echo(f"{res.documents} documents, {res.failed} failed, {len(res.files)} Parquet files in {out} "
               f"({res.seconds:.1f} s, {rate:.0f} docs/s including Ray start-up or connection)", err=True)
    if res.failed:
        raise typer.Exit(1)
