"""The ``wirewatch`` command line: thin adapters over :mod:`wirewatch.api`. Only this module prints."""

from __future__ import annotations

import csv
import io
import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, _cli_incidents, api, fetch
from ._brief_cli import brief as brief_command
from ._cli_common import err, load, parse_date
from .batch import ENGINES, run_batch
from .config import default_config_text
from .errors import WirewatchError
from .incidents import one_per_incident
from .records import Extraction, Failure
from .store import Store, Summary

__all__ = ["main"]

_err = err


_date = parse_date
_config = load


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirewatch")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="A TOML file of settings.")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """wirewatch: who did what to whom, when, where, and who says so, from news articles, offline."""
    ctx.ensure_object(dict)
    ctx.obj["config_path"] = config_path


cli.add_command(brief_command)


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
    """Extract articles and store them in DuckDB (or load the Parquet shards of `batch`); re-running adds no
    duplicates."""
    config = _config(ctx, **{"store.path": db})
    with _progress(api.count_documents(paths), "ingesting") as tick:
        report = _guard_call(lambda: api.ingest(paths, config=config, published=published, progress=tick))
    _print_report(report, config.store.path)
    if report.failures:
        ctx.exit(1)


@cli.command()
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
@click.option("--published", callback=_date, help="Publication date (YYYY-MM-DD) for documents without one.")
@click.pass_context
def batch(ctx: click.Context, paths: tuple[str, ...], out: str, engine: str, address: str | None, workers: int,
          shard_size: int, published: date | None) -> None:
    """Extract large inputs in shards on worker processes or Ray, writing Parquet that `ingest` loads."""
    config = _config(ctx)
    with _progress(api.count_documents(paths), f"batch, {engine} engine") as tick:
        report = _guard_call(lambda: run_batch(
            paths, out, config=config, engine=engine, workers=workers, shard_size=shard_size, address=address,
            published=published, progress=lambda documents: tick(None, documents)))
    _err.print(f"{report.documents} documents in {report.shards} shards written to {out} ({report.skipped} "
               f"finished earlier): {report.articles} articles, {report.events} events, {report.failures} failures "
               f"in {report.seconds:.1f} s ({report.articles_per_second:.1f} articles/s); peak memory "
               f"{report.driver_peak_rss / 2**20:.0f} MiB driver, {report.worker_peak_rss / 2**20:.0f} MiB worker.")
    _err.print(f"Load them into a store: {_program()} ingest {out} --db FILE", highlight=False)
    if report.failures:
        _err.print(f"The failures (file, id, why) are in {out}/failures/*.parquet.", highlight=False)
        ctx.exit(1)


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
@click.option("--interval", type=click.FloatRange(min=1), default=900, show_default=True,
              help="Seconds between polls.")
@click.option("--once", is_flag=True, help="Poll once, store what is new, and exit.")
@click.option("--max-items", type=click.IntRange(min=1),
              help="Stop after handling this many entries' pages; the others wait for the next run.")
@click.option("--delay", type=click.FloatRange(min=0),
              help="Seconds between two requests to one host (overrides fetch.per_host_delay).")
@click.option("--user-agent", help="User-Agent header to send (overrides fetch.user_agent).")
@click.option("--retry-failed", is_flag=True, help="Queue the pages that failed on earlier runs again.")
@click.pass_context
def watch(ctx: click.Context, feeds: tuple[str, ...], db: str | None, interval: float, once: bool,
          max_items: int | None, delay: float | None, user_agent: str | None, retry_failed: bool) -> None:
    """Poll RSS/Atom feeds and store each new entry's article; stop any time, a re-run goes on from there."""
    config = _config(ctx, **{"store.path": db, "fetch.per_host_delay": delay, "fetch.user_agent": user_agent})
    view = _WatchView(config.store.path, len(feeds), interval=None if once else interval)
    try:
        with _sigterm_stops():
            _guard_call(lambda: api.watch(feeds, config=config, interval=interval, once=once, max_items=max_items,
                                          retry_failed=retry_failed, progress=view.step, on_poll=view.done))
    except KeyboardInterrupt:
        view.stop()
        _err.print("Stopped. Everything fetched so far is kept: run the same command to go on.")
        ctx.exit(130)
    if view.feed_failures:
        ctx.exit(1)


@cli.command()
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
@click.option("--source", help="Source actor: country (RUS), code (RUSGOV), key or part of a name.")
@click.option("--target", help="Target actor, as for --source.")
@click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT.")
@click.option("--since", callback=_date, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--all-modalities", is_flag=True, help="Also negated, future, hypothetical and denied events.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--count", type=click.Choice(["reports", "incidents"]), default="reports", show_default=True,
              help="incidents: one row per incident (its first report), however many outlets told it.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def events(ctx: click.Context, db: str | None, source: str | None, target: str | None, type_: str | None,
           since: date | None, all_modalities: bool, limit: int | None, count: str, fmt: str) -> None:
    """List stored events (asserted and reported ones unless --all-modalities)."""
    config = _config(ctx, **{"store.path": db})
    modalities = ("asserted", "reported", "negated", "future", "hypothetical", "denied") if all_modalities else (
        "asserted", "reported")
    with _guard_store(config.store.path) as store:
        rows = store.events(source=source, target=target, type=type_.upper() if type_ else None, since=since,
                            modalities=modalities, limit=None if count == "incidents" else limit)
        if count == "incidents":
            rows = _guard_call(lambda: one_per_incident(store, rows))[:limit]
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


@cli.command(name="eval")
@click.option("--set", "sets", type=click.Choice(["plover", "petr2", "plv"]), multiple=True,
              help="Gold set to score (repeatable; default: plover and petr2).")
@click.option("--data", type=click.Path(file_okay=False), help="Folder holding plover_gsr/, petr2_gsr/ and "
              "plv_dev/ (default: ../shared/eval).")
@click.option("--errors", "show_errors", type=int, default=0, show_default=True,
              help="Also list this many gold events the coder got wrong, per set.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def evaluate(ctx: click.Context, sets: tuple[str, ...], data: str | None, show_errors: int, fmt: str) -> None:
    """Score the event coder on the PLOVER, PETRARCH-2 or plv gold sentences: per-type precision, recall and F1,
    end-to-end accuracy (source, target and type right) and type accuracy where the pair was found."""
    from pathlib import Path

    from .evaluation import default_data_dir
    from .evaluation import evaluate as run_eval

    config = _config(ctx)
    folder = Path(data) if data else default_data_dir()
    results = _guard_call(lambda: run_eval(list(sets) or ["plover", "petr2"], folder, config))
    if fmt == "json":
        click.echo(json.dumps([_scores_dict(s) for s in results], indent=2))
        return
    for scores in results:
        _print_scores(scores, show_errors, config.extract.coder)


def _scores_dict(scores: Any) -> dict[str, Any]:
    return {
        "set": scores.name, "sentences": scores.sentences, "gold_events": scores.scored, "unscored": scores.unscored,
        "end_to_end": round(scores.end_to_end, 3), "pair_found": round(scores.pair_found, 3),
        "type_accuracy_where_pair_found": round(scores.type_accuracy_where_pair_found, 3),
        "empty_sentences": scores.empty_sentences, "false_events": scores.false_events,
        "per_type": {t.type: {"gold": t.gold, "predicted": t.predicted, "correct": t.correct,
                              "precision": round(t.precision, 3), "recall": round(t.recall, 3),
                              "f1": round(t.f1, 3)} for t in scores.per_type()},
    }


def _print_scores(scores: Any, show_errors: int, coder: str) -> None:
    console = Console()
    console.print(f"[bold]{scores.name}[/bold]: {scores.sentences} sentences, {scores.scored} gold events scored "
                  f"({scores.unscored} with no PLOVER type skipped); coder {coder}", highlight=False)
    console.print(f"  end-to-end accuracy (source, target and type right): [bold]{scores.end_to_end:.3f}[/bold]")
    console.print(f"  source and target found: {scores.pair_found:.3f}; type accuracy where found: "
                  f"[bold]{scores.type_accuracy_where_pair_found:.3f}[/bold]")
    if scores.empty_sentences:
        console.print(f"  sentences with no gold event: {scores.empty_sentences}; events coded in them: "
                      f"{scores.false_events}")
    table = Table("type", "gold", "coded", "right", "precision", "recall", "F1")
    for t in scores.per_type():
        table.add_row(t.type, str(t.gold), str(t.predicted), str(t.correct), f"{t.precision:.2f}",
                      f"{t.recall:.2f}", f"{t.f1:.2f}")
    console.print(table)
    wrong = [o for o in scores.outcomes if not o.right][:show_errors]
    for o in wrong:
        gold = f"{o.gold.type} {_gold_side(o.gold.sources)} -> {_gold_side(o.gold.targets)}"
        got = (f"{o.answer.type} {o.answer_source or '?'} -> {o.answer_target or '?'}" if o.answer is not None
               else "no event")
        console.print(f"  [red]✗[/red] {o.sentence.id}: gold {gold}; coded {got}\n      {o.sentence.text}",
                      highlight=False)


def _gold_side(actors: Any) -> str:
    return "+".join(a.code or repr(a.text) for a in actors) or "?"


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

        def tick(_result: Extraction | Failure | None, advance: int = 1) -> None:
            bar.advance(task, advance)

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


@contextmanager
def _sigterm_stops() -> Iterator[None]:
    """Within the block, a kill (SIGTERM) stops like Ctrl-C, so the open transaction is rolled back cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


class _WatchView:
    """Progress bars during a poll of `watch`, and a summary line after it."""

    def __init__(self, db: str, feeds: int, *, interval: float | None) -> None:
        self.db, self.feeds, self.interval = db, feeds, interval
        self.feed_failures = 0
        self._bar: Progress | None = None
        self._feeds: Any = None
        self._pages: Any = None
        self._fetched = 0

    def step(self, step: fetch.Step) -> None:
        if self._bar is None:
            columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
            self._bar = Progress(*columns, console=_err, transient=True)
            self._bar.start()
            self._feeds = self._bar.add_task("polling feeds", total=self.feeds)
        if step.kind == "feed":
            self._bar.advance(self._feeds)
        elif step.kind == "queue":
            self._fetched = 0
            self._pages = self._bar.add_task("pages (0 fetched)", total=step.count)
        elif self._pages is None:
            return
        elif step.outcome == "fetched":
            self._fetched += 1
            self._bar.update(self._pages, description=f"pages ({self._fetched} fetched)")
        else:
            self._bar.advance(self._pages)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
        self._bar, self._pages = None, None

    def done(self, report: fetch.PollReport) -> None:
        self.stop()
        self.feed_failures += len(report.feed_failures)
        now = datetime.now().strftime("%H:%M:%S")
        _err.print(f"[bold]{now}[/bold] {report.feeds} feeds polled, {report.unchanged} unchanged (304); "
                   f"{report.new_entries} new entries; {report.fetched} pages fetched; {report.stored} articles "
                   f"stored in {self.db} ({report.duplicates} already there); {report.skipped} skipped by robots.txt; "
                   f"{len(report.failures)} failed; {report.deferred} to retry later; {report.events} events coded; "
                   f"{report.waiting} entries waiting.", highlight=False)
        for failure in (*report.feed_failures, *report.failures):
            _err.print(f"  [red]failed[/red] {failure.where}: {failure.error}", highlight=False)
        if self.interval is not None:
            _err.print(f"[dim]next poll in {self.interval:g} s; Ctrl-C stops[/dim]", highlight=False)


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


for _command in _cli_incidents.COMMANDS:  # incidents, dyad, network, export
    cli.add_command(_command)


def main() -> None:
    """Entry point of the ``wirewatch`` command."""
    cli(obj={})
