"""The commands over incidents: ``incidents``, ``dyad``, ``network`` and ``export`` (thin adapters over the API)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Literal, cast

import click
from rich.console import Console
from rich.table import Table

from .. import api
from ..incidents import (
    STATUSES,
    Count,
    DyadPeriod,
    Incident,
    Period,
    network_json,
    plot_dyad,
    plot_network,
    write_graph,
)
from .common import DATE, db_option, err, guard, load
from .render import Record, csv_option, render

__all__ = ["dyad", "export", "incidents", "network"]

Level = Literal["country", "actor"]
Format = Literal["gdelt", "csv", "parquet"]
INCIDENT_COLUMNS = ("id", "date", "date_precision", "type", "source", "target", "status", "outlets", "reports",
                    "first_reported", "last_reported")
DYAD_COLUMNS = ("period", "count", "verbal_cooperation", "material_cooperation", "verbal_conflict",
                "material_conflict", "goldstein_sum", "goldstein_mean", "count_change", "goldstein_change",
                "top_types")

_SINCE = click.option("--since", type=DATE, help="Only incidents on or after this date (YYYY-MM-DD).")
_UNTIL = click.option("--until", type=DATE, help="Only incidents on or before this date (YYYY-MM-DD).")
_COUNT = click.option("--count", type=click.Choice(["incidents", "reports"]), default="incidents", show_default=True,
                      help="Count each incident once, or every report of it (and every copy).")


@click.command()
@db_option
@click.option("--source", help="Source actor: country (RUS), code (RUSGOV), key or part of a name.")
@click.option("--target", help="Target actor, as for --source.")
@click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT.")
@click.option("--status", type=click.Choice(STATUSES), help="Only incidents of this status.")
@_SINCE
@_UNTIL
@click.option("--link", "link_first", is_flag=True, help="First link the stored events no incident holds yet "
              "(a store written before incidents existed).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@csv_option
@click.pass_context
def incidents(ctx: click.Context, db: str | None, source: str | None, target: str | None, type_: str | None,
              status: str | None, since: date | None, until: date | None, link_first: bool, fmt: str,
              raw_csv: bool) -> None:
    """List incidents: each real-world happening once, with its reports, outlets and status."""
    config = load(ctx, **{"store.path": db})
    if link_first:
        done = guard(lambda: api.link(config=config))
        err.print(f"{done.events} events linked, {done.incidents} new incidents.")
    found = guard(lambda: api.incidents(source=source, target=target, type=type_, status=status, since=since,
                                              until=until, config=config))
    _render_incidents(found, fmt, raw_csv)


def _render_incidents(found: list[Incident], fmt: str, raw_csv: bool) -> None:
    if fmt == "json":
        for incident in found:
            click.echo(json.dumps(incident.to_contract(), ensure_ascii=False))
        return
    rows = [{**{c: record[c] for c in INCIDENT_COLUMNS if c != "reports"}, "reports": len(record["reports"]),
             "source": "; ".join(record["source"]), "target": "; ".join(record["target"])}
            for record in (i.to_contract() for i in found)]  # fmt: skip
    render(rows, fmt, columns=INCIDENT_COLUMNS, table=_incident_table, noun="incidents", raw_csv=raw_csv)


def _incident_table(console: Console, rows: Sequence[Record]) -> None:
    shown = ("date", "type", "source", "target", "status", "outlets", "reports")
    table = Table()
    for column in shown:
        table.add_column(column, overflow="fold", justify="right" if column in ("outlets", "reports") else "left")
    for row in rows:
        table.add_row(*(str(row[c] if row[c] is not None else "") for c in shown))
    console.print(table)


@click.command()
@click.argument("a")
@click.argument("b")
@db_option
@_SINCE
@_UNTIL
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="month", show_default=True)
@click.option("--directed", is_flag=True, help="Only what A did to B (default: both ways).")
@_COUNT
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw the timeline to FILE.png or FILE.svg.")
@csv_option
@click.pass_context
def dyad(ctx: click.Context, a: str, b: str, db: str | None, since: date | None, until: date | None, by: str,
         directed: bool, count: str, fmt: str, plot: str | None, raw_csv: bool) -> None:
    """Relations between two actors over time: incidents by QuadClass, Goldstein sum and mean, top types."""
    config = load(ctx, **{"store.path": db})
    periods = guard(lambda: api.dyad(a, b, since=since, until=until, by=cast(Period, by), directed=directed,
                                           count=cast(Count, count), config=config))
    if plot:
        arrow = "→" if directed else "↔"
        guard(lambda: plot_dyad(periods, plot, title=f"{a} {arrow} {b}: {count} by {by}"))
    records = [_dyad_record(p) for p in periods]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    else:
        render(records, fmt, columns=DYAD_COLUMNS, table=_dyad_table, noun="periods", raw_csv=raw_csv)


def _dyad_record(p: DyadPeriod) -> Record:
    return {"period": p.period, "count": p.count, "verbal_cooperation": p.quad_classes[0],
            "material_cooperation": p.quad_classes[1], "verbal_conflict": p.quad_classes[2],
            "material_conflict": p.quad_classes[3], "goldstein_sum": p.goldstein_sum,
            "goldstein_mean": p.goldstein_mean, "count_change": p.count_change,
            "goldstein_change": p.goldstein_change, "top_types": "; ".join(f"{t} {n}" for t, n in p.top_types)}


def _dyad_table(console: Console, rows: Sequence[Record]) -> None:
    table = Table()
    for column in DYAD_COLUMNS:
        table.add_column(column.replace("_", " "), justify="left" if column in ("period", "top_types") else "right")
    for row in rows:
        table.add_row(*("" if row[c] is None else str(row[c]) for c in DYAD_COLUMNS))
    console.print(table)


@click.command()
@db_option
@_SINCE
@_UNTIL
@click.option("--level", type=click.Choice(["country", "actor"]), default="country", show_default=True)
@click.option("--min-incidents", type=click.IntRange(min=1), default=1, show_default=True,
              help="Leave out edges with fewer incidents.")
@_COUNT
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "gexf"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to FILE (default: standard output).")
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw the network to FILE.png or FILE.svg.")
@click.pass_context
def network(ctx: click.Context, db: str | None, since: date | None, until: date | None, level: str,
            min_incidents: int, count: str, fmt: str, out: str | None, plot: str | None) -> None:
    """The network of who acts on whom: actors (or countries) as nodes, incidents as weighted edges."""
    config = load(ctx, **{"store.path": db})
    net = guard(lambda: api.network(since=since, until=until, level=cast(Level, level), count=cast(Count, count),
                                          min_incidents=min_incidents, config=config))
    if plot:
        guard(lambda: plot_network(net, plot))
    if out:
        write_graph(net, out, fmt=fmt)
    elif fmt == "json":
        click.echo(json.dumps(network_json(net), ensure_ascii=False, indent=1))
    else:
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"network.{fmt}"
            write_graph(net, path, fmt=fmt)
            click.echo(path.read_text(encoding="utf-8"), nl=False)
    err.print(f"{len(net.nodes)} nodes, {len(net.edges)} edges")


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt", "csv", "parquet"]), required=True,
              help="gdelt: GDELT 2.0 event rows, one per incident; csv, parquet: one row per report.")
@_SINCE
@_UNTIL
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.pass_context
def export(ctx: click.Context, db: str | None, fmt: str, since: date | None, until: date | None, out: str) -> None:
    """Export incidents: GDELT 2.0's event table (tab-separated, no header), or their reports as CSV or Parquet."""
    config = load(ctx, **{"store.path": db})
    rows = guard(lambda: api.export(out, fmt=cast(Format, fmt), since=since, until=until, config=config))
    err.print(f"{rows} rows written to {out}")

