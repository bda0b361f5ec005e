"""Aggregates over the store for charts: a dyad's cooperation and conflict by period, articles and events by
period, and the network of who acted on whom."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import duckdb

from ..errors import QueryError
from ._pages import EventFilter, event_where
from ._queries import _names

__all__ = ["INTERVALS", "Activity", "DyadPeriod", "Network", "NetworkEdge", "NetworkNode", "activity",
           "dyad_series", "network"]

#: The periods a series can be cut into.
INTERVALS = ("day", "week", "month", "year")


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """One period of a dyad's series: events by QuadClass (1 verbal and 2 material cooperation, 3 verbal and
    4 material conflict) and their mean Goldstein score; ``end`` is the period's last day."""

    start: dt.date
    end: dt.date
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein: float

    @property
    def cooperation(self) -> int:
        """Events of QuadClass 1 and 2."""
        return self.verbal_cooperation + self.material_cooperation

    @property
    def conflict(self) -> int:
        """Events of QuadClass 3 and 4."""
        return self.verbal_conflict + self.material_conflict


@dataclass(frozen=True, slots=True)
class Activity:
    """Articles published and events dated in one period."""

    start: dt.date
    end: dt.date
    articles: int
    events: int


@dataclass(frozen=True, slots=True)
class NetworkNode:
    """An actor of the network and the events it takes part in (as source or target) within it."""

    key: str
    name: str
    kind: str | None
    country: str | None
    events: int


@dataclass(frozen=True, slots=True)
class NetworkEdge:
    """Events with ``source`` among their sources and ``target`` among their targets, and their mean Goldstein."""

    source: str
    target: str
    events: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class Network:
    """The busiest edges between actors and the actors they join."""

    nodes: tuple[NetworkNode, ...]
    edges: tuple[NetworkEdge, ...]


def period_end(start: dt.date, interval: str) -> dt.date:
    """The last day of the period of ``interval`` that begins on ``start``."""
    if interval == "day":
        return start
    if interval == "week":
        return start + dt.timedelta(days=6)
    if interval == "month":
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return dt.date(start.year, 12, 31)


def _check_interval(interval: str) -> None:
    if interval not in INTERVALS:
        raise QueryError(f"interval must be one of {', '.join(INTERVALS)}, not {interval!r}")


def dyad_series(con: duckdb.DuckDBPyConnection, where: EventFilter, *, interval: str = "month") -> list[DyadPeriod]:
    """Events that ``where`` keeps (a source and a target, usually) counted by period and QuadClass."""
    _check_interval(interval)
    clauses, params = event_where(con, where)
    rows = con.execute(
        "SELECT CAST(date_trunc(?, coalesce(e.date, a.published)) AS DATE) AS start,"
        " count(*) FILTER (e.quad_class = 1), count(*) FILTER (e.quad_class = 2),"
        " count(*) FILTER (e.quad_class = 3), count(*) FILTER (e.quad_class = 4), avg(e.goldstein)"
        " FROM events AS e JOIN articles AS a USING (article_id)"
        f" WHERE coalesce(e.date, a.published) IS NOT NULL AND {' AND '.join(clauses)}"
        " GROUP BY start ORDER BY start",
        [interval, *params],
    ).fetchall()
    found = {start: (vc, mc, vf, mf, round(mean, 2)) for start, vc, mc, vf, mf, mean in rows}
    return [DyadPeriod(start, period_end(start, interval), *found.get(start, (0, 0, 0, 0, 0.0)))
            for start in _every_period(list(found), interval)]


def activity(con: duckdb.DuckDBPyConnection, *, interval: str = "month") -> list[Activity]:
    """Articles by publication date and coded events (asserted and reported) by date, per period."""
    _check_interval(interval)
    rows = con.execute(
        "WITH art AS (SELECT CAST(date_trunc(?, published) AS DATE) AS start, count(*) AS n FROM articles"
        "   WHERE published IS NOT NULL GROUP BY ALL),"
        " ev AS (SELECT CAST(date_trunc(?, coalesce(e.date, a.published)) AS DATE) AS start, count(*) AS n"
        "   FROM events AS e JOIN articles AS a USING (article_id)"
        "   WHERE coalesce(e.date, a.published) IS NOT NULL AND e.modality IN ('asserted', 'reported') GROUP BY ALL)"
        " SELECT start, coalesce(art.n, 0), coalesce(ev.n, 0) FROM art FULL JOIN ev USING (start) ORDER BY start",
        [interval, interval],
    ).fetchall()
    found = {start: (articles, events) for start, articles, events in rows}
    return [Activity(start, period_end(start, interval), *found.get(start, (0, 0)))
            for start in _every_period(list(found), interval)]


#: Periods beyond this many between the first and the last are not filled in (a stray date decades away).
MOST_PERIODS = 600


def _every_period(starts: list[dt.date], interval: str) -> list[dt.date]:
    """Every period's start from the first of ``starts`` to the last, empty ones included (when not too many)."""
    if not starts:
        return []
    every: list[dt.date] = []
    day = min(starts)
    while day <= max(starts) and len(every) <= MOST_PERIODS:
        every.append(day)
        day = period_end(day, interval) + dt.timedelta(days=1)
    return every if len(every) <= MOST_PERIODS else sorted(starts)


def network(con: duckdb.DuckDBPyConnection, where: EventFilter, *, edges: int = 60) -> Network:
    """The ``edges`` busiest (source actor, target actor) pairs among the events ``where`` keeps."""
    if edges < 1:
        raise QueryError(f"edges must be at least 1, not {edges}")
    clauses, params = event_where(con, where)
    rows = con.execute(
        "WITH kept AS (SELECT e.source_keys, e.target_keys, e.goldstein FROM events AS e"
        f"   JOIN articles AS a USING (article_id) WHERE {' AND '.join(clauses)}),"
        " sources AS (SELECT unnest(source_keys) AS s, target_keys, goldstein FROM kept),"
        " pairs AS (SELECT s, unnest(target_keys) AS t, goldstein FROM sources)"
        " SELECT s, t, count(*) AS n, avg(goldstein) FROM pairs WHERE s <> t"
        " GROUP BY s, t ORDER BY n DESC, s, t LIMIT ?",
        [*params, edges],
    ).fetchall()
    found = tuple(NetworkEdge(s, t, n, round(g, 2)) for s, t, n, g in rows)
    return Network(_nodes(con, found), found)


def _nodes(con: duckdb.DuckDBPyConnection, edges: tuple[NetworkEdge, ...]) -> tuple[NetworkNode, ...]:
    """The actors the edges join, busiest first, with their names, kinds and countries."""
    weight: dict[str, int] = {}
    for edge in edges:
        for key in (edge.source, edge.target):
            weight[key] = weight.get(key, 0) + edge.events
    names = _names(con, weight)
    about = dict((k, (kind, country)) for k, kind, country in con.execute(
        "SELECT actor_key, kind, country FROM actors WHERE list_contains(?::VARCHAR[], actor_key)", [list(weight)],
    ).fetchall())
    ordered = sorted(weight, key=lambda k: (-weight[k], k))
    return tuple(NetworkNode(k, names.get(k, k), about.get(k, (None, None))[0], about.get(k, (None, None))[1],
                             weight[k]) for k in ordered)
