"""The commands that read the store: ``events``, ``actors``, ``actor`` and ``quotes``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import click
from rich.console import Console
from rich.table import Table

from .. import api
from ..store import ASSERTED, MODALITIES, ActorQuery, EventQuery, QuoteQuery
from .common import DATE, LIMIT, db_option, guard, load, out, safe
from .render import FORMATS, Record, csv_option, records, render

__all__ = ["actor", "actors", "events", "quotes"]

EVENT_COLUMNS = ("date", "type", "mode", "cameo", "goldstein", "quad_class", "source", "source_countries", "target",
                 "target_countries", "modality", "according_to", "sentence", "title", "url")
QUOTE_COLUMNS = ("published", "speaker", "speaker_text", "kind", "cue", "stance", "text", "title", "url")
_WIDE = ("date", "type", "source", "target", "modality", "sentence")


@click.command()
@db_option
@click.option("--source", help="Source actor: country (RUS), code (RUSGOV), key or part of a name.")
@click.option("--target", help="Target actor, as for --source.")
@click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT.")
@click.option("--since", type=DATE, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--all-modalities", is_flag=True, help="Also negated, future, hypothetical and denied events.")
@click.option("--limit", type=LIMIT, help="At most this many events.")
@click.option("--count", type=click.Choice(["reports", "incidents"]), default="reports", show_default=True,
              help="incidents: one row per incident (its first report), however many outlets told it.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@csv_option
@click.pass_context
def events(ctx: click.Context, db: str | None, source: str | None, target: str | None, type_: str | None,
           since: date | None, all_modalities: bool, limit: int | None, count: str, fmt: str, raw_csv: bool) -> None:
    """List stored events (asserted and reported ones unless --all-modalities)."""
    config = load(ctx, **{"store.path": db})
    query = EventQuery(source=source, target=target, type=type_, since=since,
                       modalities=MODALITIES if all_modalities else ASSERTED, limit=limit)
    rows = guard(lambda: api.events(query, config=config, count="incidents" if count == "incidents" else "reports"))
    render(records(rows, EVENT_COLUMNS), fmt, columns=EVENT_COLUMNS, table=_event_table, noun="events",
           raw_csv=raw_csv)


def _event_table(console: Console, rows: Sequence[Record]) -> None:
    if console.width < 120:
        for row in rows:
            console.print(f"[bold]{row['date'] or '?'}  {row['type']}[/bold]  {row['source'] or '?'} → "
                          f"{row['target'] or '—'}  [dim]({row['modality']})[/dim]", highlight=False)
            console.print(f"    {row['sentence']}", highlight=False, style="dim")
        return
    table = Table(show_lines=False, expand=True)
    for column in _WIDE:
        wide = column == "sentence"
        table.add_column(column, overflow="fold", ratio=3 if wide else None, max_width=None if wide else 24)
    for row in rows:
        table.add_row(*(str(row[c] or "") for c in _WIDE))
    console.print(table)


@click.command()
@db_option
@click.option("--country", help="Only actors of this country (ISO alpha-3).")
@click.option("--kind", help="Only actors of this kind: state, government, military, person, igo, armed_group …")
@click.option("--limit", type=LIMIT, default=50, show_default=True, help="At most this many actors.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def actors(ctx: click.Context, db: str | None, country: str | None, kind: str | None, limit: int, fmt: str) -> None:
    """List stored actors, most mentioned first, with the names they go by."""
    config = load(ctx, **{"store.path": db})
    rows = guard(lambda: api.actors(ActorQuery(country=country, kind=kind, limit=limit), config=config))
    found = [{**record, "variants": [list(v) for v in row.variants]} for row, record in zip(rows, records(rows),
                                                                                            strict=True)]
    render(found, fmt, columns=list(found[0]) if found else ["key"], table=_actor_lines, noun="actors")


def _actor_lines(console: Console, rows: Sequence[Record]) -> None:
    for row in rows:
        where = "/".join(x for x in (row["country"], row["sector"]) if x) or "—"
        console.print(f"[bold]{row['name']}[/bold]  [dim]{row['kind']}, {where}, {row['key']}[/dim]  "
                      f"{row['mentions']} mentions in {row['articles']} articles", highlight=False)
        if row["variants"]:
            console.print("    as: " + ", ".join(f"{text} ×{n}" for text, n in row["variants"][:8]), highlight=False)


@click.command()
@click.argument("name")
@db_option
@click.pass_context
def actor(ctx: click.Context, name: str, db: str | None) -> None:
    """Show one actor's profile: offices, names used, events as source and target, quotes."""
    config = load(ctx, **{"store.path": db})
    profile = guard(lambda: api.actor_profile(name, config=config))
    if profile is None:
        raise click.ClickException(f"no actor matches {name!r}; try `wirewatch actors` to see who is stored")
    _print_profile(profile)


def _print_profile(profile: api.ActorProfile) -> None:
    console = out()
    a = profile.actor
    console.print(f"[bold]{safe(a.name)}[/bold]  ({safe(a.kind)}; {safe(a.country or 'no country')}; "
                  f"{safe(a.sector or 'no sector')})  [dim]{safe(a.key)}[/dim]", highlight=False)
    if a.affiliation:
        console.print(f"acts for: {safe(a.affiliation)}", highlight=False)
    for office in profile.offices:
        console.print(f"  office: {safe(office.title)} ({office.start or '?'} – {office.end or 'now'})",
                      highlight=False)
    console.print(f"  mentioned {a.mentions} times in {a.articles} articles as: "
                  + ", ".join(f"{safe(text)} ×{n}" for text, n in a.variants[:10]), highlight=False)
    for label, rows in (("as source", profile.as_source), ("as target", profile.as_target)):
        console.print(f"[bold]Events {label}[/bold]: {len(rows)}")
        for row in rows[:10]:
            console.print(f"  {row.date or '?'}  {row.type}  {safe('; '.join(row.source))} → "
                          f"{safe('; '.join(row.target)) or '—'}  ({row.modality})", highlight=False)
    console.print(f"[bold]Quotes[/bold]: {len(profile.quotes)}")
    for quote in profile.quotes[:10]:
        console.print(f"  {quote.published or '?'}  “{safe(quote.text[:140])}”", highlight=False)


@click.command()
@db_option
@click.option("--speaker", help="Speaker: country (RUS), code (RUSGOV), actor key or part of a name.")
@click.option("--about", help="An actor mentioned in the quote (as for --speaker), or words in it.")
@click.option("--limit", type=LIMIT, help="At most this many quotes.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@csv_option
@click.pass_context
def quotes(ctx: click.Context, db: str | None, speaker: str | None, about: str | None, limit: int | None,
           fmt: str, raw_csv: bool) -> None:
    """List stored quotes and reported statements, with who said them."""
    config = load(ctx, **{"store.path": db})
    rows = guard(lambda: api.quotes(QuoteQuery(speaker=speaker, about=about, limit=limit), config=config))
    render(records(rows, QUOTE_COLUMNS), fmt, columns=QUOTE_COLUMNS, table=_quote_lines, noun="quotes",
           raw_csv=raw_csv)


def _quote_lines(console: Console, rows: Sequence[Record]) -> None:
    for row in rows:
        who = row["speaker"] or row["speaker_text"] or "unknown speaker"
        console.print(f"[bold]{row['published'] or '?'}  {who}[/bold] [dim]({row['stance'] or 'no stance'}; "
                      f"{row['kind']}, cue: {row['cue'] or '—'})[/dim]", highlight=False)
        console.print(f"    “{row['text']}”", highlight=False)

