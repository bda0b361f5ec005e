"""Linking: attach every stored event that no incident holds yet to an incident, or start a new one.

Events are read in date order, a batch at a time; for each batch only the incidents whose window meets the batch's
days are read, so memory stays flat however many incidents the store holds, and linking again links only what is
new (ingest calls :func:`link` after storing articles; a loaded batch shard is linked the same way). Among the
incidents an event may join (see ``_rules``) it joins the one sharing most identities, then the most precisely
dated, then the nearest in date. A rejection of an accusation (a REJECT whose source the accusation targets) is
recorded as its answer: an accusation its own article tells, whatever the dates, else the latest in the two weeks
before it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..store import IncidentRow, LinkRow, Store, UnlinkedEvent
from ._rules import CLAIMS, LINKED_MODALITIES, SYMMETRIC_FAMILIES, Candidate, family, identities, match
from ._rules import precision_rank as _rank
from ._rules import window as _window

__all__ = ["LinkReport", "link"]

_ANSWER_DAYS = timedelta(days=14)  # a rejection answers an accusation made in the two weeks before it
_ACCUSATIONS = family("ACCUSE")


@dataclass(frozen=True, slots=True)
class LinkReport:
    """What one linking pass did: events linked, incidents started, rejections linked to accusations."""

    events: int = 0
    incidents: int = 0
    answers: int = 0


@dataclass(slots=True)
class _Incident:
    """An incident while a batch is linked: grows as events join it."""

    row: IncidentRow
    source_keys: list[str]
    target_keys: list[str]
    source_ids: set[str]
    target_ids: set[str]
    changed: bool = False
    fresh: bool = False  # started by this batch
    seen: Candidate | None = None  # the candidate as last built; None once the incident grows

    @classmethod
    def of(cls, row: IncidentRow) -> _Incident:
        return cls(row, list(row.source_keys), list(row.target_keys), set(row.source_ids), set(row.target_ids))

    def candidate(self) -> Candidate:
        if self.seen is None:
            self.seen = Candidate(self.row.family, frozenset(self.source_ids), frozenset(self.target_ids),
                                  self.row.window_start, self.row.window_end)
        return self.seen

    def add(self, event: UnlinkedEvent, seen: Candidate, *, reversed_: bool) -> None:
        """Take in an event's actors, and its date when it is more precise than the best so far."""
        sources, targets = event.source_keys, event.target_keys
        if reversed_:
            sources, targets = targets, sources
        source_ids, target_ids = (seen.target, seen.source) if reversed_ else (seen.source, seen.target)
        self.source_keys += [k for k in sources if k not in self.source_keys]
        self.target_keys += [k for k in targets if k not in self.target_keys]
        self.source_ids |= source_ids
        self.target_ids |= target_ids
        if event.date is not None and _rank(event.date_precision) < _rank(self.row.date_precision):
            self.row = _dated(self.row, event, seen)
        self.changed, self.seen = True, None

    def frozen(self) -> IncidentRow:
        r = self.row
        return IncidentRow(r.incident_id, r.type, r.family, tuple(self.source_keys), tuple(self.target_keys),
                           tuple(sorted(self.source_ids)), tuple(sorted(self.target_ids)), r.date, r.date_precision,
                           r.window_start, r.window_end)


def _dated(row: IncidentRow, event: UnlinkedEvent, seen: Candidate) -> IncidentRow:
    return IncidentRow(row.incident_id, row.type, row.family, row.source_keys, row.target_keys, row.source_ids,
                       row.target_ids, event.date, event.date_precision, seen.start, seen.end)


@dataclass(slots=True)
class _Batch:
    """The incidents one batch may join, indexed by family and identity."""

    incidents: dict[str, _Incident] = field(default_factory=dict)
    index: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    started: int = 0

    def put(self, incident: _Incident) -> None:
        """Hold an incident, indexed by the identities an event must share with it: its sources' (either side's
        for a symmetric family)."""
        iid, fam = incident.row.incident_id, incident.row.family
        self.incidents[iid] = incident
        either = fam in SYMMETRIC_FAMILIES or fam == _ACCUSATIONS  # rejections look accusations up by target
        for identity in incident.source_ids | incident.target_ids if either else incident.source_ids:
            self.index.setdefault((fam, identity), set()).add(iid)

    def best(self, seen: Candidate, reference: date) -> tuple[_Incident, bool] | None:
        """The incident the event joins (and whether it is told reversed), if any."""
        found: list[tuple[tuple[int, int, int], str, bool]] = []
        either = seen.family in SYMMETRIC_FAMILIES
        ids: set[str] = set()
        for identity in seen.source | seen.target if either else seen.source:
            ids.update(self.index.get((seen.family, identity), ()))
        for iid in ids:
            incident = self.incidents[iid]
            matched = match(seen, incident.candidate())
            if matched is not None:
                row = incident.row
                distance = abs(((row.date or row.window_start) - reference).days)
                found.append(((matched[0], -_rank(row.date_precision), -distance), iid, matched[1]))
        if not found:
            return None
        _, iid, reversed_ = max(found)
        return self.incidents[iid], reversed_

    def start(self, event: UnlinkedEvent, seen: Candidate) -> _Incident:
        """A new incident of one event."""
        ident = hashlib.sha1(f"{event.article_id}/{event.event_id}".encode()).hexdigest()[:16]
        row = IncidentRow(f"inc-{ident}", event.type, seen.family, event.source_keys, event.target_keys,
                          tuple(sorted(seen.source)), tuple(sorted(seen.target)), event.date, event.date_precision,
                          seen.start, seen.end)
        incident = _Incident.of(row)
        incident.fresh = True
        self.put(incident)
        self.started += 1
        return incident


class _Countries:
    """Actor key → country, read from the store as new keys appear."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._known: dict[str, str | None] = {}

    def load(self, events: Iterable[UnlinkedEvent]) -> None:
        missing = {k for e in events for k in (*e.source_keys, *e.target_keys) if k not in self._known}
        if missing:
            found = self._store.incidents.actor_countries(missing)
            self._known.update({k: found.get(k) for k in missing})

    def __call__(self, key: str) -> str | None:
        return self._known.get(key)


def link(store: Store, *, articles: Sequence[str] | None = None, batch: int = 5000) -> LinkReport:
    """Link every stored event no incident holds yet (of ``articles``, content hashes, when given)."""
    countries = _Countries(store)
    events = incidents = answers = 0
    for chunk in store.incidents.unlinked(LINKED_MODALITIES, articles=articles, batch=batch):
        countries.load(chunk)
        seen = [_candidate(e, countries) for e in chunk]
        found = _Batch()
        families = {c.family for c in seen} | {_ACCUSATIONS}
        for row in store.incidents.overlapping(min(c.start for c in seen) - _ANSWER_DAYS, max(c.end for c in seen),
                                               families):
            found.put(_Incident.of(row))
        links = [_join(found, e, c) for e, c in zip(chunk, seen, strict=True)]
        answered = _answers(found, [(e, c) for e, c in zip(chunk, seen, strict=True) if _rejects(e)], _told(links))
        answered += _late_answers(store, found, {(row.article_id, row.event_id) for row in answered})
        store.incidents.save([i.frozen() for i in found.incidents.values() if i.changed], links, answered)
        events, incidents, answers = events + len(links), incidents + found.started, answers + len(answered)
    return LinkReport(events, incidents, answers)


def _candidate(event: UnlinkedEvent, countries: _Countries) -> Candidate:
    start, end = _window(event.date, event.date_precision, event.published)
    return Candidate(family(event.type), identities(event.source_keys, countries),
                     identities(event.target_keys, countries), start, end)


def _join(found: _Batch, event: UnlinkedEvent, seen: Candidate) -> LinkRow:
    reference = event.date or event.published or seen.end
    best = found.best(seen, reference)
    incident, reversed_ = best if best is not None else (found.start(event, seen), False)
    if best is not None:
        incident.add(event, seen, reversed_=reversed_)
        found.put(incident)  # index the identities it gained
    else:
        incident.changed = True
    return LinkRow(event.article_id, event.event_id, incident.row.incident_id, reversed_)


def _rejects(event: UnlinkedEvent) -> bool:
    return event.type == "REJECT" and event.modality in CLAIMS


def _told(links: list[LinkRow]) -> dict[str, set[str]]:
    """The incidents each article of the batch reports."""
    told: dict[str, set[str]] = {}
    for row in links:
        told.setdefault(row.article_id, set()).add(row.incident_id)
    return told


def _answers(found: _Batch, rejections: list[tuple[UnlinkedEvent, Candidate]],
             told: dict[str, set[str]]) -> list[LinkRow]:
    """For each rejection, the accusation against its source (by its target, when it names one): one its own
    article reports, else the latest."""
    answered = []
    for event, seen in rejections:
        ids = set().union(*(found.index.get((_ACCUSATIONS, i), ()) for i in seen.source))
        beside = told.get(event.article_id, set())
        fits = [i for i in ids if _answers_to(seen, found.incidents[i].candidate(), told_together=i in beside)]
        if fits:
            chosen = max(fits, key=lambda i: (i in beside, found.incidents[i].row.window_start, i))
            answered.append(LinkRow(event.article_id, event.event_id, chosen))
    return answered


def _late_answers(store: Store, found: _Batch, done: set[tuple[str, str]]) -> list[LinkRow]:
    """Rejections stored before the accusation they answer, answering the accusations this batch started."""
    new = [i for i in found.incidents.values() if i.fresh and i.row.family == _ACCUSATIONS]
    if not new:
        return []
    start = min(i.row.window_start for i in new)
    end = max(i.row.window_end for i in new) + _ANSWER_DAYS
    answered = []
    for article_id, event_id, rejection in store.incidents.unanswered(start, end):
        seen = _Incident.of(rejection).candidate()
        fits = [i for i in new if _answers_to(seen, i.candidate())]
        if fits and (article_id, event_id) not in done:
            latest = max(fits, key=lambda i: (i.row.window_start, i.row.incident_id))
            answered.append(LinkRow(article_id, event_id, latest.row.incident_id))
    return answered


def _answers_to(rejection: Candidate, accusation: Candidate, *, told_together: bool = False) -> bool:
    """Whether a rejection answers an accusation: made against it, by whom it names, in the two weeks before (or
    at any time, when one article tells both: "Kyiv accused Moscow …; the Kremlin dismissed the claims")."""
    parties = rejection.source & accusation.target and (not rejection.target or rejection.target & accusation.source)
    timely = accusation.start <= rejection.end and accusation.end >= rejection.start - _ANSWER_DAYS
    return bool(parties and (told_together or timely))
