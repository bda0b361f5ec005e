"""The commands that read documents: ``extract``, ``ingest``, ``batch`` and ``demo``."""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from .. import api
from ..batch import ENGINES, run_batch
from ..records import Failure
from ..resolve import load_kb
from ..sample import sample_documents
from ..store import Summary
from .common import db_option, err, guard, guard_iter, load, problems, program, published_option, safe
from .render import progress

__all__ = ["batch", "demo", "extract", "ingest"]


@click.command()
@click.argument("paths", nargs=-1, required=True)
@published_option
@click.option("--model", help="spaCy pipeline to use (overrides model.name).")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], published: date | None, model: str | None) -> None:
    """Print one JSON object per article (JSON Lines); no database. PATH may be '-' for standard input."""
    config = load(ctx, **{"model.name": model})
    failed = 0
    for result in guard_iter(api.extract(paths, config=config, published=published)):
        if isinstance(result, Failure):
            failed += 1
            problems.print(f"[red]wirewatch: {safe(result.where)}: {safe(result.error)}[/red]", highlight=False)
            record: dict[str, Any] = {"id": result.id, "error": result.error}
        else:
            record = result.to_contract()
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        problems.print(f"{failed} document(s) could not be read; their records carry an 'error'.")
        ctx.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, published: date | None) -> None:
    """Extract articles and store them in DuckDB (or load the Parquet shards of `batch`); re-running adds no
    duplicates."""
    config = load(ctx, **{"store.path": db})
    with progress(api.count_documents(paths), "ingesting") as tick:
        report = guard(lambda: api.ingest(paths, config=config, published=published, progress=tick))
    print_report(report, config.store.path)
    if report.failures:
        ctx.exit(1)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False),
              help="Folder for the Parquet shards; a re-run into it skips the shards already written.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: this machine's processes; ray: a pool of Ray actors.")
@click.option("--address", help="Ray cluster to run on (default: start a local Ray with --workers CPUs).")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Workers, each loading the model once.")
@click.option("--shard-size", type=click.IntRange(min=1), default=100, show_default=True,
              help="Documents per shard (and per Parquet file).")
@published_option
@click.pass_context
def batch(ctx: click.Context, paths: tuple[str, ...], out: str, engine: str, address: str | None, workers: int,
          shard_size: int, published: date | None) -> None:
    """Extract large inputs in shards on worker processes or Ray, writing Parquet that `ingest` loads."""
    config = load(ctx)
    with progress(api.count_documents(paths), f"batch, {engine} engine") as tick:
        report = guard(lambda: run_batch(
            paths, out, config=config, engine=engine, workers=workers, shard_size=shard_size, address=address,
            published=published, progress=lambda documents: tick(None, documents)))
    err.print(f"{report.documents} documents in {report.shards} shards written to {safe(out)} ({report.skipped} "
              f"finished earlier): {report.articles} articles, {report.events} events, {report.failures} failures "
              f"in {report.seconds:.1f} s ({report.articles_per_second:.1f} articles/s); peak memory "
              f"{report.driver_peak_rss / 2**20:.0f} MiB driver, {report.worker_peak_rss / 2**20:.0f} MiB worker.")
    err.print(f"Load them into a store: {program()} ingest {safe(out)} --db FILE", highlight=False)
    if report.failures:
        problems.print(f"The failures (file, id, why) are in {safe(out)}/failures/*.parquet.", highlight=False)
        ctx.exit(1)


@click.command()
@click.option("--db", type=click.Path(dir_okay=False), default="wirewatch-demo.duckdb", show_default=True,
              help="DuckDB file to fill with the sample corpus.")
@click.pass_context
def demo(ctx: click.Context, db: str) -> None:
    """Ingest the bundled sample corpus into a local DuckDB file and print a summary."""
    config = load(ctx)
    total = sum(1 for _ in sample_documents())
    with progress(total, "sample corpus") as tick:
        report, summary = guard(lambda: api.demo(db=db, config=config, progress=tick))
    print_report(report, db)
    _print_summary(summary)
    err.print(f"\nTry: {program()} events --db {safe(db)} --source RUS   (or --type ASSAULT, --format json)")


def print_report(report: api.IngestReport, db: str) -> None:
    """What an ingest did, and each document that failed."""
    err.print(f"{report.seen} documents read: {report.added} articles added to {safe(db)}, "
              f"{report.duplicates} already there, {len(report.failures)} failed; {report.events} events coded.")
    for failure in report.failures:
        problems.print(f"  [red]failed[/red] {safe(failure.where)}: {safe(failure.error)}", highlight=False)


def _print_summary(summary: Summary) -> None:
    out = Console(emoji=False)
    out.print(f"\n[bold]Store[/bold]: {summary.articles} articles, {summary.actors} actors, "
              f"{summary.events} events, {summary.quotes} quotes, {summary.failures} failures")
    types = Table(title="Events by type (asserted and reported)", min_width=44)
    types.add_column("PLOVER type")
    types.add_column("events", justify="right")
    for name, count in summary.events_by_type:
        types.add_row(name, str(count))
    out.print(types)
    pairs = Table(title="Top pairs of countries (source → target)", min_width=44)
    for column in ("source", "target", "events"):
        pairs.add_column(column, justify="right" if column == "events" else "left")
    for pair in summary.top_pairs:
        pairs.add_row(_country(pair.source), _country(pair.target), str(pair.events))
    out.print(pairs)


def _country(code: str) -> str:
    entry = load_kb().country(code)
    return f"{code} {entry.name}" if entry is not None else code
