"""The commands over incidents: ``incidents``, ``dyad``, ``network`` and ``export`` (thin adapters over the API).

:data:`COMMANDS` are added to the ``wirewatch`` group by :mod:`wirewatch.cli`; only adapters print.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any, Literal, cast

import click
from rich.console import Console
from rich.table import Table

from . import api
from ._cli_common import err as _err
from ._cli_common import guard_call as _guard_call
from ._cli_common import load as _config
from ._cli_common import parse_date as _date
from .incidents import STATUSES, Count, DyadPeriod, Incident, Period, network_json, plot_dyad, plot_network, write_graph

__all__ = ["COMMANDS", "dyad", "export", "incidents", "network"]

Level = Literal["country", "actor"]
Format = Literal["gdelt", "csv", "parquet"]

_DB = click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
_SINCE = click.option("--since", callback=_date, help="Only incidents on or after this date (YYYY-MM-DD).")
_UNTIL = click.option("--until", callback=_date, help="Only incidents on or before this date (YYYY-MM-DD).")
_COUNT = click.option("--count", type=click.Choice(["incidents", "reports"]), default="incidents", show_default=True,
                      help="Count each incident once, or every report of it (and every copy).")


@click.command()
@_DB
@click.option("--source", help="Source actor: country (RUS), code (RUSGOV), key or part of a name.")
@click.option("--target", help="Target actor, as for --source.")
@click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT.")
@click.option("--status", type=click.Choice(STATUSES), help="Only incidents of this status.")
@_SINCE
@_UNTIL
@click.option("--link", "link_first", is_flag=True, help="First link the stored events no incident holds yet "
              "(a store written before incidents existed).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.pass_context
def incidents(ctx: click.Context, db: str | None, source: str | None, target: str | None, type_: str | None,
              status: str | None, since: date | None, until: date | None, link_first: bool, fmt: str) -> None:
    """List incidents: each real-world happening once, with its reports, outlets and status."""
    config = _config(ctx, **{"store.path": db})
    if link_first:
        done = _guard_call(lambda: api.link(config=config))
        _err.print(f"{done.events} events linked, {done.incidents} new incidents.")
    found = _guard_call(lambda: api.incidents(source=source, target=target, type=type_, status=status, since=since,
                                              until=until, config=config))
    _render_incidents(found, fmt)


def _render_incidents(found: list[Incident], fmt: str) -> None:
    if fmt == "json":
        for incident in found:
            click.echo(json.dumps(incident.to_contract(), ensure_ascii=False))
        return
    fields = ("id", "date", "date_precision", "type", "source", "target", "status", "outlets", "reports",
              "first_reported", "last_reported")
    rows = [{**{f: record[f] for f in fields if f != "reports"}, "reports": len(record["reports"]),
             "source": "; ".join(record["source"]), "target": "; ".join(record["target"])}
            for record in (i.to_contract() for i in found)]  # fmt: skip
    if fmt == "csv":
        _echo_csv(rows, fields)
        return
    table = Table()
    for column in ("date", "type", "source", "target", "status", "outlets", "reports"):
        table.add_column(column, overflow="fold", justify="right" if column in ("outlets", "reports") else "left")
    for row in rows:
        table.add_row(*(str(row[c] or "") for c in ("date", "type", "source", "target", "status", "outlets",
                                                    "reports")))
    Console().print(table)
    _err.print(f"{len(rows)} incidents")


def _echo_csv(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields)
    writer.writeheader()
    writer.writerows(rows)
    click.echo(buffer.getvalue(), nl=False)


@click.command()
@click.argument("a")
@click.argument("b")
@_DB
@_SINCE
@_UNTIL
@click.option("--by", type=click.Choice(["day", "week", "month"]), default="month", show_default=True)
@click.option("--directed", is_flag=True, help="Only what A did to B (default: both ways).")
@_COUNT
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--plot", type=click.Path(dir_okay=False), help="Also draw the timeline to FILE.png or FILE.svg.")
@click.pass_context
def dyad(ctx: click.Context, a: str, b: str, db: str | None, since: date | None, until: date | None, by: str,
         directed: bool, count: str, fmt: str, plot: str | None) -> None:
    """Relations between two actors over time: incidents by QuadClass, Goldstein sum and mean, top types."""
    config = _config(ctx, **{"store.path": db})
    periods = _guard_call(lambda: api.dyad(a, b, since=since, until=until, by=cast(Period, by), directed=directed,
                                           count=cast(Count, count), config=config))
    if plot:
        arrow = "→" if directed else "↔"
        _guard_call(lambda: plot_dyad(periods, plot, title=f"{a} {arrow} {b}: {count} by {by}"))
    _render_dyad(periods, fmt)


def _dyad_record(p: DyadPeriod) -> dict[str, Any]:
    return {"period": p.period, "count": p.count, "verbal_cooperation": p.quad_classes[0],
            "material_cooperation": p.quad_classes[1], "verbal_conflict": p.quad_classes[2],
            "material_conflict": p.quad_classes[3], "goldstein_sum": p.goldstein_sum,
            "goldstein_mean": p.goldstein_mean, "top_types": "; ".join(f"{t} {n}" for t, n in p.top_types),
            "count_change": p.count_change, "goldstein_change": p.goldstein_change}


def _render_dyad(periods: list[DyadPeriod], fmt: str) -> None:
    records = [_dyad_record(p) for p in periods]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        _echo_csv(records, tuple(records[0]) if records else ("period",))
    else:
        table = Table()
        for column in ("period", "count", "verbal_cooperation", "material_cooperation", "verbal_conflict",
                       "material_conflict", "goldstein_sum", "goldstein_mean", "count_change", "top_types"):
            table.add_column(column.replace("_", " "), justify="left" if column in ("period", "top_types") else "right")
        for r in records:
            table.add_row(*(("" if r[c] is None else str(r[c])) for c in (
                "period", "count", "verbal_cooperation", "material_cooperation", "verbal_conflict",
                "material_conflict", "goldstein_sum", "goldstein_mean", "count_change", "top_types")))
        Console().print(table)


@click.command()
@_DB
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
    config = _config(ctx, **{"store.path": db})
    net = _guard_call(lambda: api.network(since=since, until=until, level=cast(Level, level), count=cast(Count, count),
                                          min_incidents=min_incidents, config=config))
    if plot:
        _guard_call(lambda: plot_network(net, plot))
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
    _err.print(f"{len(net.nodes)} nodes, {len(net.edges)} edges")


@click.command()
@_DB
@click.option("--format", "fmt", type=click.Choice(["gdelt", "csv", "parquet"]), required=True,
              help="gdelt: GDELT 2.0 event rows, one per incident; csv, parquet: one row per report.")
@_SINCE
@_UNTIL
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.pass_context
def export(ctx: click.Context, db: str | None, fmt: str, since: date | None, until: date | None, out: str) -> None:
    """Export incidents: GDELT 2.0's event table (tab-separated, no header), or their reports as CSV or Parquet."""
    config = _config(ctx, **{"store.path": db})
    rows = _guard_call(lambda: api.export(out, fmt=cast(Format, fmt), since=since, until=until, config=config))
    _err.print(f"{rows} rows written to {out}")


COMMANDS = (incidents, dyad, network, export)
