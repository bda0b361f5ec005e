"""The incidents stage: one real-world happening, many reports; claims and the denials that answer them.

Events of all stored articles are grouped into incidents (see ``_rules`` for what joins them and ``_report`` for
the status rule). :func:`link` is incremental: it attaches the events no incident holds yet, and ingest calls it
after storing articles or loading a batch shard. :func:`incidents` reads them back as :class:`Incident` records,
whose ``to_contract`` is the ``wirewatch incidents --format json`` record.

    with Store.open("news.duckdb") as store:
        link(store)
        for incident in incidents(store, source="EGY", status="corroborated"):
            print(incident.id, incident.status, len(incident.outlets))
"""

from __future__ import annotations

from datetime import date

from ..store import Store
from ._link import LinkReport, link
from ._report import STATUSES, Copy, Incident, IncidentReport, Status, load
from ._rules import COMPATIBLE_TYPES, SYMMETRIC_FAMILIES, family, window

__all__ = ["COMPATIBLE_TYPES", "STATUSES", "SYMMETRIC_FAMILIES", "Copy", "Incident", "IncidentReport", "LinkReport",
           "Status", "family", "incidents", "link", "window"]


def incidents(store: Store, *, source: str | None = None, target: str | None = None, type: str | None = None,
              status: str | None = None, since: date | None = None, until: date | None = None) -> list[Incident]:
    """The stored incidents matching every filter, by date; actors as for ``Store.events``."""
    if status is not None and status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; expected one of {', '.join(STATUSES)}")
    rows = store.incidents.select(source=source, target=target, type=type, since=since, until=until)
    found = load(store, rows)
    return [i for i in found if status is None or i.status == status]
