"""Incidents as read back: their reports, outlets, sides and status (the ``wirewatch incidents`` JSON contract).

The status rule, in order:

1. ``denied``: no report says it happened; only denials (modality denied) or rejections.
2. ``contested``: a party to it (an actor on either side, or its country) denies it, or rejects the accusation.
3. ``confirmed``: a party to it says it happened (a report attributed to a party).
4. ``corroborated``: two or more independent outlets report it; a wire story's exact and near copies are one
   outlet with the story (they are not coded again), and one outlet's several articles count once.
5. ``single-source``: otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..records import Location
from ..store import IncidentRow, Store
from ._rules import CLAIMS, identities

__all__ = ["STATUSES", "Copy", "Incident", "IncidentReport", "Status", "load", "status"]

Status = Literal["single-source", "corroborated", "confirmed", "contested", "denied"]
STATUSES: tuple[Status, ...] = ("single-source", "corroborated", "confirmed", "contested", "denied")
_STATEMENTS = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})  # types whose source is the speaker


@dataclass(frozen=True, slots=True)
class IncidentReport:
    """One event that reports (or denies, or rejects) an incident, with its article."""

    event_id: str
    article_id: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    modality: str
    according_to: str | None
    sentence: str
    type: str
    #: ``claim`` (says it happened), ``denial`` (says it did not) or ``rejection`` (rejects the accusation).
    side: str
    #: Whether the report's speaker (or, for a rejection, its source) is a party to the incident.
    by_party: bool
    goldstein: float = 0.0
    quad_class: int = 0
    cameo_code: str = ""
    source: tuple[str, ...] = ()
    location: Location | None = None
    #: When the report's article was stored (UTC).
    added: dt.datetime | None = None

    @property
    def speaker(self) -> str | None:
        """Who says it: the actor it is attributed to, the source of a statement (an accusation), or the outlet."""
        if self.according_to is not None:
            return self.according_to
        if self.type in _STATEMENTS and self.source:
            return self.source[0]
        return self.outlet


@dataclass(frozen=True, slots=True)
class Copy:
    """Another document that carried a report's article: an exact copy or a near-duplicate."""

    article_id: str
    doc_id: str
    outlet: str | None
    url: str | None
    published: dt.date | None
    kind: str


@dataclass(frozen=True, slots=True)
class Incident:
    """One real-world happening and every report of it."""

    id: str
    type: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    date: dt.date | None
    date_precision: str | None
    status: Status
    outlets: tuple[str, ...]
    reports: tuple[IncidentReport, ...]
    copies: tuple[Copy, ...] = ()

    @property
    def first_reported(self) -> dt.date | None:
        """The earliest date any report or copy was published."""
        return min(self._published, default=None)

    @property
    def last_reported(self) -> dt.date | None:
        """The latest date any report or copy was published."""
        return max(self._published, default=None)

    @property
    def _published(self) -> list[dt.date]:
        return [d for d in (*(r.published for r in self.reports), *(c.published for c in self.copies)) if d]

    @property
    def lead(self) -> IncidentReport:
        """The report that stands for the incident: its first claim, else its first report."""
        return next((r for r in self.reports if r.side == "claim"), self.reports[0])

    def to_contract(self) -> dict[str, Any]:
        """The record of the ``wirewatch incidents --format json`` contract (see README)."""
        return {
            "id": self.id, "type": self.type, "source": list(self.source), "target": list(self.target),
            "date": _iso(self.date), "date_precision": self.date_precision,
            "first_reported": _iso(self.first_reported), "last_reported": _iso(self.last_reported),
            "status": self.status, "outlets": len(self.outlets), "outlet_names": list(self.outlets),
            "reports": [_report_dict(r) for r in self.reports],
            "copies": [{"article_id": c.article_id, "doc_id": c.doc_id, "outlet": c.outlet, "url": c.url,
                        "published": _iso(c.published), "kind": c.kind} for c in self.copies],
            "sides": {side: [{"who": r.speaker, "event_id": r.event_id, "sentence": r.sentence}
                             for r in self.reports if r.side in kinds]
                      for side, kinds in (("claims", ("claim",)), ("denials", ("denial", "rejection")))},
        }  # fmt: skip


def _report_dict(r: IncidentReport) -> dict[str, Any]:
    return {"event_id": r.event_id, "article_id": r.article_id, "outlet": r.outlet, "url": r.url,
            "published": _iso(r.published), "modality": r.modality, "according_to": r.according_to,
            "sentence": r.sentence, "type": r.type, "side": r.side, "by_party": r.by_party}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def status(reports: Sequence[IncidentReport], outlets: int) -> Status:
    """The status of an incident from its reports and its count of independent outlets (see the module doc)."""
    claims = [r for r in reports if r.side == "claim"]
    if not claims:
        return "denied"
    if any(r.by_party for r in reports if r.side != "claim"):
        return "contested"
    if any(r.by_party for r in claims):
        return "confirmed"
    return "corroborated" if outlets >= 2 else "single-source"


def load(store: Store, rows: Sequence[IncidentRow]) -> list[Incident]:
    """The incidents of these rows with their reports, copies, outlets and status."""
    ids = [r.incident_id for r in rows]
    reports: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for found in (store.incidents.reports(ids), store.incidents.answers(ids)):
        for report in found:
            reports[report["incident_id"]].append(report)
    copies: dict[str, list[Copy]] = defaultdict(list)
    articles = sorted({r["article_id"] for found in reports.values() for r in found})
    for c in store.incidents.copies(articles):
        copies[c["article_id"]].append(Copy(c["article_id"], c["doc_id"], c["outlet"], c["url"], c["published"],
                                            c["kind"]))
    keys = {k for found in reports.values() for r in found for k in (*r["source_keys"], r["according_to_key"]) if k}
    countries = store.incidents.actor_countries(keys)
    return [_incident(row, reports[row.incident_id], copies, countries) for row in rows]


def _incident(row: IncidentRow, found: list[dict[str, Any]], copies: dict[str, list[Copy]],
              countries: dict[str, str | None]) -> Incident:
    parties = set(row.source_ids) | set(row.target_ids)
    reports = tuple(_report(r, parties, countries) for r in found)
    outlets = tuple(dict.fromkeys(r.outlet or r.article_id for r in reports if r.side == "claim"))
    carried = tuple(c for a in dict.fromkeys(r.article_id for r in reports) for c in copies.get(a, ()))
    return Incident(row.incident_id, row.type, row.source_keys, row.target_keys, row.date, row.date_precision,
                    status(reports, len(outlets)), outlets, reports, carried)


def _report(r: dict[str, Any], parties: set[str], countries: dict[str, str | None]) -> IncidentReport:
    said_by = r["according_to_key"]
    if r["answer"]:
        side, said_by = "rejection", said_by or next(iter(r["source_keys"]), None)
    else:
        side = "claim" if r["modality"] in CLAIMS else "denial"
    by_party = bool(identities([said_by] if said_by else [], countries.get) & parties)
    return IncidentReport(r["event_id"], r["article_id"], r["outlet"], r["url"], r["published"], r["modality"],
                          said_by, r["sentence"], r["type"], side, by_party, r["goldstein"], r["quad_class"],
                          r["cameo_code"], tuple(r["source_keys"]), _location(r), r["ingested_at"])


def _location(r: dict[str, Any]) -> Location | None:
    if r["location_name"] is None:
        return None
    return Location(r["location_name"], r["location_country"], r["lat"], r["lon"])
