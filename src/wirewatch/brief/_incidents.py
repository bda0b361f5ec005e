"""Happenings from incidents across articles: the events an incident holds are one happening, with the
incident's status (its status weighs every report of it, also those outside the briefing's scope or period).
Events no incident holds (planned and conditional ones) are grouped as :func:`group_events` does."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import timedelta

from ..incidents import Incident, incidents
from ..store import Store
from ._happen import EventGroup, Happening, Reported, group_events

__all__ = ["incident_grouper"]

_SLACK = timedelta(days=31)  # an incident's window reaches this far around the days of its reports at most


def incident_grouper(store: Store) -> Callable[[Sequence[Reported]], Sequence[Happening]]:
    """A grouper that makes happenings of the stored incidents holding the reports."""

    def group(reports: Sequence[Reported]) -> list[Happening]:
        held = store.incidents.of_events([(r.article_id, r.event.id) for r in reports])
        found: dict[str, list[Reported]] = defaultdict(list)
        loose: list[Reported] = []
        for report in reports:
            incident = held.get((report.article_id, report.event.id))
            (found[incident] if incident is not None else loose).append(report)
        statuses = {i.id: i.status for i in _incidents(store, reports, set(found))}
        happenings: list[Happening] = [EventGroup(f"incident/{key}", statuses[key], tuple(found[key]))
                                       for key in sorted(found) if key in statuses]
        return happenings + list(group_events(loose))

    return group


def _incidents(store: Store, reports: Sequence[Reported], ids: set[str]) -> list[Incident]:
    days = [r.day for r in reports if r.day is not None]
    if not ids or not days:
        return []
    found = incidents(store, since=min(days) - _SLACK, until=max(days) + _SLACK)
    return [i for i in found if i.id in ids]
