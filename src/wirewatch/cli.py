"""The ``wirewatch`` command line: thin adapters over :mod:`wirewatch.api`. Only this module prints."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, api
from .config import Config, default_config_text, load_config
from .errors import WirewatchError
from .records import Extraction, Failure
from .store import Store, Summary

__all__ = ["main"]

_err = Console(stderr=True, soft_wrap=True)


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from err


def _config(ctx: click.Context, **overrides: Any) -> Config:
    try:
        return load_config(ctx.obj.get("config_path"), overrides=overrides)
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirewatch")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="A TOML file of settings.")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """wirewatch: who did what to whom, when, where, and who says so, from news articles, offline."""
    ctx.ensure_object(dict)
    ctx.obj["config_path"] = config_path


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for documents without one.")
@click.option("--model", help="spaCy pipeline to use (overrides model.name).")
@click.pass_context
def extract(ctx: click.Context, paths: tuple[str, ...], published: date | None, model: str | None) -> None:
    """Print one JSON object per article (JSON Lines); no database. PATH may be '-' for standard input."""
    config = _config(ctx, **{"model.name": model})
    failed = 0
    for result in _guard(api.extract(paths, config=config, published=published)):
        if isinstance(result, Failure):
            failed += 1
            _err.print(f"[red]wirewatch: {result.where}: {result.error}[/red]", highlight=False)
            record: dict[str, Any] = {"id": result.id, "error": result.error}
        else:
            record = result.to_contract()
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    if failed:
        _err.print(f"{failed} document(s) could not be read; their records carry an 'error'.")
        ctx.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for documents without one.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, published: date | None) -> None:
    """Extract articles and store them in DuckDB; re-running adds no duplicates."""
    config = _config(ctx, **{"store.path": db})
    with _progress(api.count_documents(paths), "ingesting") as tick:
        report = _guard_call(lambda: api.ingest(paths, config=config, published=published, progress=tick))
    _print_report(report, config.store.path)
    if report.failures:
        ctx.exit(1)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
@click.option("--source", help="Source actor: country (RUS), code (RUSGOV), key or part of a name.")
@click.option("--target", help="Target actor, as for --source.")
@click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT.")
@click.option("--since", callback=_date, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--all-modalities", is_flag=True, help="Also negated, future, hypothetical and denied events.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def events(ctx: click.Context, db: str | None, source: str | None, target: str | None, type_: str | None,
           since: date | None, all_modalities: bool, limit: int | None, fmt: str) -> None:
    """List stored events (asserted and reported ones unless --all-modalities)."""
    config = _config(ctx, **{"store.path": db})
    modalities = ("asserted", "reported", "negated", "future", "hypothetical", "denied") if all_modalities else (
        "asserted", "reported")
    with _guard_store(config.store.path) as store:
        rows = store.events(source=source, target=target, type=type_.upper() if type_ else None, since=since,
                            modalities=modalities, limit=limit)
    _render_events(rows, fmt)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), default="wirewatch-demo.duckdb", show_default=True,
              help="DuckDB file to fill with the sample corpus.")
@click.pass_context
def demo(ctx: click.Context, db: str) -> None:
    """Ingest the bundled sample corpus into a local DuckDB file and print a summary."""
    config = _config(ctx)
    from .sample import sample_documents

    total = sum(1 for _ in sample_documents())
    with _progress(total, "sample corpus") as tick:
        report, summary = _guard_call(lambda: api.demo(db=db, config=config, progress=tick))
    _print_report(report, db)
    _print_summary(summary)
    _err.print(f"\nTry: {_program()} events --db {db} --source RUS   (or --type ASSAULT, --format json)")


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
@click.option("--country", help="Only actors of this country (ISO alpha-3).")
@click.option("--kind", help="Only actors of this kind: state, government, military, person, igo, armed_group …")
@click.option("--limit", type=int, default=50, show_default=True, help="At most this many actors.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def actors(ctx: click.Context, db: str | None, country: str | None, kind: str | None, limit: int, fmt: str) -> None:
    """List stored actors, most mentioned first, with the names they go by."""
    config = _config(ctx, **{"store.path": db})
    with _guard_store(config.store.path) as store:
        rows = store.actors(country=country, kind=kind, limit=limit)
    if fmt == "json":
        for row in rows:
            record = {f: _plain(getattr(row, f)) for f in row.__slots__}
            record["variants"] = [list(v) for v in row.variants]
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    console = Console()
    for row in rows:
        where = "/".join(x for x in (row.country, row.sector) if x) or "—"
        console.print(f"[bold]{row.name}[/bold]  [dim]{row.kind}, {where}, {row.key}[/dim]  "
                      f"{row.mentions} mentions in {row.articles} articles", highlight=False)
        if row.variants:
            console.print("    as: " + ", ".join(f"{text} ×{n}" for text, n in row.variants[:8]), highlight=False)
    _err.print(f"{len(rows)} actors")


@cli.command()
@click.argument("name")
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
@click.pass_context
def actor(ctx: click.Context, name: str, db: str | None) -> None:
    """Show one actor's profile: offices, names used, events as source and target, quotes."""
    config = _config(ctx, **{"store.path": db})
    with _guard_store(config.store.path):
        pass
    profile = _guard_call(lambda: api.actor_profile(name, db=config.store.path, config=config))
    if profile is None:
        raise click.ClickException(f"no actor matches {name!r}; try `wirewatch actors` to see who is stored")
    _print_profile(profile)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
@click.option("--speaker", help="Speaker: country (RUS), code (RUSGOV), actor key or part of a name.")
@click.option("--about", help="An actor mentioned in the quote (as for --speaker), or words in it.")
@click.option("--limit", type=int, help="At most this many quotes.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def quotes(ctx: click.Context, db: str | None, speaker: str | None, about: str | None, limit: int | None,
           fmt: str) -> None:
    """List stored quotes and reported statements, with who said them."""
    config = _config(ctx, **{"store.path": db})
    with _guard_store(config.store.path) as store:
        rows = store.quotes(speaker=speaker, about=about, limit=limit)
    records = [{f: _plain(getattr(r, f)) for f in ("published", "speaker", "speaker_text", "kind", "cue", "stance",
                                                   "text", "title", "url")} for r in rows]
    if fmt == "json":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(records[0]) if records else ["text"])
        writer.writeheader()
        writer.writerows(records)
        click.echo(buffer.getvalue(), nl=False)
    else:
        console = Console()
        for record in records:
            who = record["speaker"] or record["speaker_text"] or "unknown speaker"
            console.print(f"[bold]{record['published'] or '?'}  {who}[/bold] [dim]({record['stance'] or 'no stance'}; "
                          f"{record['kind']}, cue: {record['cue'] or '—'})[/dim]", highlight=False)
            console.print(f"    “{record['text']}”", highlight=False)
        _err.print(f"{len(records)} quotes")


@cli.command(name="config")
def show_config() -> None:
    """Print the default configuration file, with every setting explained."""
    click.echo(default_config_text(), nl=False)


# -- rendering -----------------------------------------------------------------------------------------


@contextmanager
def _progress(total: int | None, label: str) -> Iterator[Any]:
    columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=_err, transient=False) as bar:
        task = bar.add_task(label, total=total)

        def tick(_result: Extraction | Failure | None) -> None:
            bar.advance(task)

        yield tick


def _guard(results: Iterator[Any]) -> Iterator[Any]:
    try:
        yield from results
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err


def _guard_call(call: Any) -> Any:
    try:
        return call()
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err


@contextmanager
def _guard_store(path: str) -> Iterator[Store]:
    import os

    if path != ":memory:" and not os.path.exists(path):
        raise click.ClickException(f"no database at {path}; run `wirewatch ingest PATH... --db {path}` first")
    try:
        with Store.open(path, read_only=True) as store:
            yield store
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err


def _print_report(report: api.IngestReport, db: str) -> None:
    _err.print(f"{report.seen} documents read: {report.added} articles added to {db}, "
               f"{report.duplicates} already there, {len(report.failures)} failed; {report.events} events coded.")
    for failure in report.failures:
        _err.print(f"  [red]failed[/red] {failure.where}: {failure.error}", highlight=False)


def _print_summary(summary: Summary) -> None:
    out = Console()
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


def _print_profile(profile: api.ActorProfile) -> None:
    out = Console()
    a = profile.actor
    out.print(f"[bold]{a.name}[/bold]  ({a.kind}; {a.country or 'no country'}; {a.sector or 'no sector'})  "
              f"[dim]{a.key}[/dim]", highlight=False)
    if a.affiliation:
        out.print(f"acts for: {a.affiliation}", highlight=False)
    for office in profile.offices:
        span = f"{office.start or '?'} – {office.end or 'now'}"
        out.print(f"  office: {office.title} ({span})", highlight=False)
    out.print(f"  mentioned {a.mentions} times in {a.articles} articles as: "
              + ", ".join(f"{text} ×{n}" for text, n in a.variants[:10]), highlight=False)
    for label, rows in (("as source", profile.as_source), ("as target", profile.as_target)):
        out.print(f"[bold]Events {label}[/bold]: {len(rows)}")
        for row in rows[:10]:
            out.print(f"  {row.date or '?'}  {row.type}  {'; '.join(row.source)} → {'; '.join(row.target) or '—'}"
                      f"  ({row.modality})", highlight=False)
    out.print(f"[bold]Quotes[/bold]: {len(profile.quotes)}")
    for quote in profile.quotes[:10]:
        out.print(f"  {quote.published or '?'}  “{quote.text[:140]}”", highlight=False)


def _country(code: str) -> str:
    from .resolve import load_kb

    entry = load_kb().country(code)
    return f"{code} {entry.name}" if entry is not None else code


def _program() -> str:
    import os

    path = sys.argv[0] if sys.argv and sys.argv[0] else "wirewatch"
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return relative if not relative.startswith("..") else os.path.basename(path)


def _render_events(rows: list[Any], fmt: str) -> None:
    fields = ("date", "type", "mode", "cameo", "goldstein", "quad_class", "source", "source_countries", "target",
              "target_countries", "modality", "according_to", "sentence", "title", "url")
    records = [{f: _plain(getattr(r, f)) for f in fields} for r in rows]
    if fmt == "json":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=fields)
        writer.writeheader()
        writer.writerows(records)
        click.echo(buffer.getvalue(), nl=False)
    else:
        console = Console()
        if console.width >= 120:
            table = Table(show_lines=False, expand=True)
            for column in ("date", "type", "source", "target", "modality", "sentence"):
                wide = column == "sentence"
                table.add_column(column, overflow="fold", ratio=3 if wide else None, max_width=None if wide else 24)
            for record in records:
                table.add_row(*(str(record[c] or "") for c in ("date", "type", "source", "target", "modality",
                                                                 "sentence")))
            console.print(table)
        else:
            for record in records:
                console.print(f"[bold]{record['date'] or '?'}  {record['type']}[/bold]  {record['source'] or '?'} → "
                              f"{record['target'] or '—'}  [dim]({record['modality']})[/dim]", highlight=False)
                console.print(f"    {record['sentence']}", highlight=False, style="dim")
        _err.print(f"{len(records)} events")


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "; ".join(map(str, value))
    return value


def main() -> None:
    """Entry point of the ``wirewatch`` command."""
    cli(obj={})
