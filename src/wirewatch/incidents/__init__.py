"""The incidents stage: one real-world happening, many reports; claims and the denials that answer them.

Events of all stored articles are grouped into incidents (see ``_rules`` for what joins them and ``_report`` for
the status rule). :func:`link` is incremental: it attaches the events no incident holds yet, and ingest calls it
after storing articles or loading a batch shard. :func:`incidents` reads them back as :class:`Incident` records,
whose ``to_contract`` is the ``wirewatch incidents --format json`` record; :func:`dyad` and :func:`network` count
them over time and between actors, and ``write_*`` export them (GDELT 2.0 rows, CSV, Parquet, GraphML, GEXF).

    with Store.open("news.duckdb") as store:
        link(store)
        for incident in incidents(store, source="EGY", status="corroborated"):
            print(incident.id, incident.status, len(incident.outlets))
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..store import EventRow, Store
from ._analyse import Count, DyadPeriod, Edge, Network, Node, Period, dyad, network
from ._export import GDELT_COLUMNS, GDELT_TYPES, REPORT_COLUMNS, network_json, write_gdelt, write_graph, write_reports
from ._link import LinkReport, link
from ._plot import plot_dyad, plot_network
from ._report import STATUSES, Copy, Incident, IncidentReport, Status, load
from ._rules import COMPATIBLE_TYPES, SYMMETRIC_FAMILIES, family, window

__all__ = ["COMPATIBLE_TYPES", "GDELT_COLUMNS", "GDELT_TYPES", "REPORT_COLUMNS", "STATUSES", "SYMMETRIC_FAMILIES",
           "Copy", "Count", "DyadPeriod", "Edge", "Incident", "IncidentReport", "LinkReport", "Network", "Node",
           "Period", "Status", "dyad", "family", "incidents", "link", "network", "network_json", "one_per_incident",
           "plot_dyad", "plot_network", "window", "write_gdelt", "write_graph", "write_reports"]


def incidents(store: Store, *, source: str | None = None, target: str | None = None, type: str | None = None,
              status: str | None = None, since: dt.date | None = None,
              until: dt.date | None = None) -> list[Incident]:
    """The stored incidents matching every filter, by date; actors as for ``Store.events``."""
    if status is not None and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
    rows = store.incidents.select(source=source, target=target, type=type, since=since, until=until)
    found = load(store, rows)
    return [i for i in found if status is None or i.status == status]


def one_per_incident(store: Store, rows: Sequence[EventRow]) -> list[EventRow]:
    """The rows with one report per incident (the first); events no incident holds are all kept."""
    held = store.incidents.of_events([(r.article_id, r.event_id) for r in rows])
    seen: set[str] = set()
    kept = []
    for row in rows:
        incident = held.get((row.article_id, row.event_id))
        if incident is None or incident not in seen:
            kept.append(row)
            if incident is not None:
                seen.add(incident)
    return kept
