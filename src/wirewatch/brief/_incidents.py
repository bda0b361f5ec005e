"""Happenings from incidents across articles: the events an incident holds are one happening, with the
incident's status (its status weighs every report of it, also those outside the briefing's scope or period).
Events no incident holds (planned and conditional ones) are grouped as :func:`group_events` does."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from ..incidents import load
from ..store import IncidentRow, Store
from ._happen import EventGroup, Happening, Reported, group_events

__all__ = ["Grouper", "incident_grouper"]

#: Makes the happenings of a period's reports that hold a report wanted (in scope), each with all its reports.
Grouper = Callable[[Sequence[Reported], Callable[[Reported], bool]], Sequence[Happening]]
_SLACK = timedelta(days=31)  # how far an incident's window may reach beyond the days of the briefing


def incident_grouper(store: Store, *, since: date, until: date) -> Grouper:
    """A grouper that makes happenings of the stored incidents holding the reports, for a briefing that reads
    ``since``–``until`` (the incidents of that window are listed once, and only those in scope loaded)."""
    listed: dict[str, IncidentRow] = {}

    def group(reports: Sequence[Reported], wanted: Callable[[Reported], bool]) -> list[Happening]:
        held = store.incidents.of_events([(r.article_id, r.event.id) for r in reports])
        found: dict[str, list[Reported]] = defaultdict(list)
        loose: list[Reported] = []
        for report in reports:
            incident = held.get((report.article_id, report.event.id))
            (found[incident] if incident is not None else loose).append(report)
        ids = sorted(key for key, members in found.items() if any(map(wanted, members)))
        if ids and not listed:
            listed.update((row.incident_id, row) for row in store.incidents.select(since=since - _SLACK,
                                                                                   until=until + _SLACK))
        statuses = {i.id: i.status for i in load(store, [listed[key] for key in ids if key in listed])}
        happenings: list[Happening] = [EventGroup(f"incident/{key}", statuses[key], tuple(found[key]))
                                       for key in ids if key in statuses]
        loose += [r for key in ids if key not in statuses for r in found[key]]  # an incident out of the window
        return happenings + list(group_events(loose, wanted))

    return group
