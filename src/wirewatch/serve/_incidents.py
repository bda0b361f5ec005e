"""Incidents and briefings, for the JSON API and the dashboard: thin adapters over :mod:`wirewatch.incidents`
and :mod:`wirewatch.brief`.

Incidents come newest first; a page's cursor is its last incident's id (opaque), so pages stay put while new
incidents arrive.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
from dataclasses import dataclass

from .. import incidents as _incidents
from ..brief import Briefing, build_briefing
from ..config import Config
from ..errors import QueryError
from ..incidents import STATUSES, Incident
from ..resolve import load_kb
from ..store import IncidentRow, Page, Store
from ._settings import CSP

__all__ = ["IncidentFilter", "briefing", "briefing_policy", "incident", "incidents_page"]

_CHUNK = 50


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """The filters of ``wirewatch incidents``: actors, type, status and days."""

    source: str | None = None
    target: str | None = None
    type: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def _rows(store: Store, where: IncidentFilter) -> list[IncidentRow]:
    """The incidents' rows that ``where`` keeps (all but the status), newest first."""
    if where.status is not None and where.status not in STATUSES:
        raise QueryError(f"status must be one of {', '.join(STATUSES)}, not {where.status!r}")
    rows = store.incidents.select(source=where.source, target=where.target, type=where.type, since=where.since,
                                  until=where.until)
    return rows[::-1]


def _encode(incident_id: str) -> str:
    return base64.urlsafe_b64encode(incident_id.encode()).decode().rstrip("=")


def _after(rows: list[IncidentRow], cursor: str | None) -> list[IncidentRow]:
    """The rows after the cursor's incident; a token this server did not give is a QueryError."""
    if cursor is None:
        return rows
    try:
        last = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as err:
        raise QueryError(f"cursor {cursor[:40]!r} is not one this server gave; pass the next_cursor of a page") from err
    ids = [r.incident_id for r in rows]
    if last not in ids:
        raise QueryError(f"cursor {cursor[:40]!r} is not one this server gave; pass the next_cursor of a page")
    return rows[ids.index(last) + 1:]


def incidents_page(store: Store, where: IncidentFilter, *, limit: int, cursor: str | None = None) -> Page[Incident]:
    """The incidents ``where`` keeps, newest first, ``limit`` to a page, after ``cursor``."""
    rows = _after(_rows(store, where), cursor)
    kept: list[Incident] = []
    done = 0
    while rows[done:] and len(kept) < limit:
        chunk = rows[done:done + _CHUNK]
        for found in _incidents.load(store, chunk):
            done += 1
            if where.status is None or found.status == where.status:
                kept.append(found)
            if len(kept) == limit:
                break
    more = len(kept) == limit and any(True for _ in rows[done:])
    return Page(tuple(kept), _encode(kept[-1].id) if more and kept else None)


def incident(store: Store, incident_id: str) -> Incident | None:
    """The stored incident of this id, with its reports; None when there is none."""
    rows = [r for r in store.incidents.select() if r.incident_id == incident_id]
    found = _incidents.load(store, rows)
    return found[0] if found else None


def briefing(store: Store, config: Config, *, actor: str | None = None, dyad: str | None = None,
             country: str | None = None, since: dt.date | None = None, until: dt.date | None = None) -> Briefing:
    """The briefing on an actor, a dyad (``A,B``) or a country over a period (:func:`build_briefing`)."""
    pair = None
    if dyad:
        sides = [s.strip() for s in dyad.split(",")]
        if len(sides) != 2 or not all(sides):
            raise QueryError(f"a dyad is two actors separated by a comma, e.g. RUS,UKR; not {dyad[:40]!r}")
        pair = (sides[0], sides[1])
    return build_briefing(store, actor=actor or None, dyad=pair, country=country or None, since=since, until=until,
                          kb=load_kb(config.resolve.user_tables))


def briefing_policy(page: str) -> str:
    """The server's policy, letting the briefing page's one style block (and only it, by its hash) apply."""
    start, end = page.find("<style>"), page.find("</style>")
    if start < 0 or end < start:
        return CSP
    digest = base64.b64encode(hashlib.sha256(page[start + len("<style>"):end].encode()).digest()).decode()
    return CSP.replace("style-src 'self'", f"style-src 'self' 'sha256-{digest}'")
