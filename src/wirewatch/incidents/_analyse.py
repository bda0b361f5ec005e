"""Relations over time between two actors (:func:`dyad`) and the network of who acts on whom (:func:`network`).

Both count incidents by default (one happening counts once, however many outlets tell it) or reports (every
coded report and every copy of its article: the count a feed of articles gives). Incidents that are only
denied are left out: no report says they happened. An incident falls in the period of its best date (its first
report's date when it has none); its QuadClass, Goldstein score and type are those of its first claim.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from ..store import Store
from ._report import Incident, load

__all__ = ["Count", "DyadPeriod", "Edge", "Network", "Node", "Period", "dyad", "network", "weight"]

Period = Literal["day", "week", "month"]
Count = Literal["incidents", "reports"]


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """One period of a dyad: counts by QuadClass (1 verbal cooperation … 4 material conflict) and Goldstein."""

    period: str
    start: dt.date
    count: int
    quad_classes: tuple[int, int, int, int]
    goldstein_sum: float
    goldstein_mean: float | None
    top_types: tuple[tuple[str, int], ...]
    #: Against the previous period: the change of ``count`` and of ``goldstein_sum`` (None for the first).
    count_change: int | None
    goldstein_change: float | None


@dataclass(frozen=True, slots=True)
class Node:
    """An actor (or a country) of the network."""

    id: str
    label: str
    country: str | None
    sector: str | None
    incidents: int


@dataclass(frozen=True, slots=True)
class Edge:
    """Incidents from one node to another, by QuadClass, with their mean Goldstein score."""

    source: str
    target: str
    incidents: int
    quad_classes: tuple[int, int, int, int]
    goldstein_mean: float


@dataclass(frozen=True, slots=True)
class Network:
    """Nodes and edges, as ``wirewatch network`` writes them."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def weight(incident: Incident, count: Count) -> int:
    """What one incident counts for: 1, or its claims and the copies of their articles."""
    if count == "incidents":
        return 1
    claims = [r for r in incident.reports if r.side == "claim"]
    articles = {r.article_id for r in claims}
    return len(claims) + sum(1 for c in incident.copies if c.article_id in articles)


def happened(store: Store, *, source: str | None = None, target: str | None = None, since: dt.date | None = None,
             until: dt.date | None = None) -> list[Incident]:
    """The incidents matching the filters that some report says happened (not only denied)."""
    rows = store.incidents.select(source=source, target=target, since=since, until=until)
    return [i for i in load(store, rows) if i.status != "denied"]


def dyad(store: Store, a: str, b: str, *, since: dt.date | None = None, until: dt.date | None = None,
         by: Period = "month", directed: bool = False, count: Count = "incidents") -> list[DyadPeriod]:
    """Period by period, what ``a`` did to ``b`` (and, unless ``directed``, ``b`` to ``a``)."""
    found = {i.id: i for i in happened(store, source=a, target=b, since=since, until=until)}
    if not directed:
        found.update({i.id: i for i in happened(store, source=b, target=a, since=since, until=until)})
    buckets: dict[dt.date, list[Incident]] = defaultdict(list)
    for incident in found.values():
        buckets[_start(_day(incident), by)].append(incident)
    return _periods(buckets, by, count)


def _day(incident: Incident) -> dt.date:
    return incident.date or incident.first_reported or dt.date.min


def _start(day: dt.date, by: Period) -> dt.date:
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1) if by == "month" else day


def _next(day: dt.date, by: Period) -> dt.date:
    if by == "month":
        return (day + dt.timedelta(days=32)).replace(day=1)
    return day + dt.timedelta(days=7 if by == "week" else 1)


def _periods(buckets: dict[dt.date, list[Incident]], by: Period, count: Count) -> list[DyadPeriod]:
    """One row per period from the first to the last, empty periods included."""
    periods: list[DyadPeriod] = []
    day = min(buckets, default=None)
    while day is not None and day <= max(buckets):
        periods.append(_period(day, buckets.get(day, []), by, count, periods[-1] if periods else None))
        day = _next(day, by)
    return periods


def _period(start: dt.date, incidents: Sequence[Incident], by: Period, count: Count,
            previous: DyadPeriod | None) -> DyadPeriod:
    quads, types, total, goldstein = [0, 0, 0, 0], Counter[str](), 0, 0.0
    for incident in incidents:
        lead, n = incident.lead, weight(incident, count)
        quads[lead.quad_class - 1] += n
        types[incident.type] += n
        total += n
        goldstein += lead.goldstein * n
    label = start.strftime("%Y-%m") if by == "month" else start.isoformat()
    return DyadPeriod(
        label, start, total, (quads[0], quads[1], quads[2], quads[3]), round(goldstein, 2),
        round(goldstein / total, 2) if total else None, tuple(types.most_common(3)),
        None if previous is None else total - previous.count,
        None if previous is None else round(goldstein - previous.goldstein_sum, 2),
    )  # fmt: skip


def network(store: Store, *, since: dt.date | None = None, until: dt.date | None = None,
            level: Literal["country", "actor"] = "country", min_incidents: int = 1,
            count: Count = "incidents") -> Network:
    """Who acts on whom: an edge per ordered pair of nodes with ``min_incidents`` incidents or more."""
    incidents = happened(store, since=since, until=until)
    keys = {k for i in incidents for k in (*i.source, *i.target)}
    actors = store.incidents.actors(keys)
    edges: dict[tuple[str, str], list[Incident]] = defaultdict(list)
    for incident in incidents:
        for pair in _pairs(incident, actors, level):
            edges[pair].append(incident)
    kept = {pair: found for pair, found in edges.items() if sum(weight(i, count) for i in found) >= min_incidents}
    return Network(_nodes(kept, actors, level, count), tuple(_edge(s, t, found, count) for (s, t), found in
                                                               sorted(kept.items())))


def _node_id(key: str, actors: dict[str, tuple[str, str | None, str | None, str | None]], level: str) -> str:
    country = actors.get(key, (key, None, None, None))[1]
    return country if level == "country" and country else key


def _pairs(incident: Incident, actors: dict[str, tuple[str, str | None, str | None, str | None]],
           level: str) -> set[tuple[str, str]]:
    sources = {_node_id(k, actors, level) for k in incident.source}
    targets = {_node_id(k, actors, level) for k in incident.target}
    return {(s, t) for s in sources for t in targets if s != t}


def _edge(source: str, target: str, incidents: Iterable[Incident], count: Count) -> Edge:
    quads, total, goldstein = [0, 0, 0, 0], 0, 0.0
    for incident in incidents:
        n = weight(incident, count)
        quads[incident.lead.quad_class - 1] += n
        total += n
        goldstein += incident.lead.goldstein * n
    return Edge(source, target, total, (quads[0], quads[1], quads[2], quads[3]), round(goldstein / total, 2))


def _nodes(edges: dict[tuple[str, str], list[Incident]],
           actors: dict[str, tuple[str, str | None, str | None, str | None]], level: str,
           count: Count) -> tuple[Node, ...]:
    totals: Counter[str] = Counter()
    for (s, t), found in edges.items():
        n = sum(weight(i, count) for i in found)
        totals[s] += n
        totals[t] += n
    by_id = {_node_id(k, actors, level): k for k in actors}
    nodes = []
    for node_id in sorted(totals):
        name, country, sector, _ = actors.get(by_id.get(node_id, node_id), (node_id, None, None, None))
        label = node_id if level == "country" else name
        nodes.append(Node(node_id, label, country or (node_id if level == "country" else None),
                          None if level == "country" else sector, totals[node_id]))
    return tuple(nodes)
