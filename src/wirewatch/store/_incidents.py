"""The store's incident tables: which incident each event reports, and the rejections that answer incidents.

``incidents`` holds one row per incident: its type and family, the actor keys on each side (``source_keys``,
``target_keys``), the identities matched on (``source_ids``, ``target_ids``: keys and countries), the best date
with its precision and the window of days it may have happened. ``incident_events`` maps each linked event to its
incident; ``incident_answers`` maps a rejection (a REJECT event) to the accusation incident it answers. The view
``incident_reports`` lists each incident's events with their article's outlet and date. The linking itself is
the ``incidents`` stage's; this module only reads and writes rows, in windows of days so that memory stays flat.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from ._queries import matching_keys
from ._schema import db_errors as _errors
from ._schema import transaction
from ._write import _insert_sql

__all__ = ["IncidentRow", "IncidentTables", "LinkRow", "UnlinkedEvent"]

_COLUMNS = ("incident_id, type, family, source_keys, target_keys, source_ids, target_ids, date, date_precision,"
            " window_start, window_end")


@dataclass(frozen=True, slots=True)
class UnlinkedEvent:
    """A stored event that no incident holds yet, with what linking needs."""

    article_id: str
    event_id: str
    type: str
    modality: str
    source_keys: tuple[str, ...]
    target_keys: tuple[str, ...]
    date: dt.date | None
    date_precision: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """One row of ``incidents``."""

    incident_id: str
    type: str
    family: str
    source_keys: tuple[str, ...]
    target_keys: tuple[str, ...]
    source_ids: tuple[str, ...]
    target_ids: tuple[str, ...]
    date: dt.date | None
    date_precision: str | None
    window_start: dt.date
    window_end: dt.date


@dataclass(frozen=True, slots=True)
class LinkRow:
    """One event's incident (``incident_events``) or one rejection's answered incident (``incident_answers``)."""

    article_id: str
    event_id: str
    incident_id: str
    reversed: bool = False


class IncidentTables:
    """Reads and writes the incident tables (``Store.incidents``); one connection, one thread."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._con = connection

    def unlinked(self, modalities: Sequence[str], *, articles: Sequence[str] | None = None,
                 batch: int = 5000) -> Iterator[list[UnlinkedEvent]]:
        """The events of these modalities (of these articles) that no incident holds, by date, ``batch`` at a time.

        Each batch is read afresh, so the caller links one batch before it asks for the next.
        """
        only = "" if articles is None else " AND list_contains(?::VARCHAR[], e.article_id)"
        params = [list(modalities), *([list(articles)] if articles is not None else []), batch]
        while True:
            with _errors("list unlinked events"):
                rows = self._con.execute(
                    "SELECT e.article_id, e.event_id, e.type, e.modality, e.source_keys, e.target_keys, e.date,"
                    " e.date_precision, a.published FROM events AS e JOIN articles AS a USING (article_id)"
                    " WHERE list_contains(?::VARCHAR[], e.modality) AND NOT EXISTS (SELECT 1 FROM incident_events"
                    f" AS l WHERE l.article_id = e.article_id AND l.event_id = e.event_id){only}"
                    " ORDER BY coalesce(e.date, a.published) NULLS FIRST, a.published, e.article_id, e.ordinal"
                    " LIMIT ?", params,
                ).fetchall()  # fmt: skip
            if not rows:
                return
            yield [UnlinkedEvent(a, e, t, m, tuple(s), tuple(g), d, p, pub) for a, e, t, m, s, g, d, p, pub in rows]

    def actor_countries(self, keys: Iterable[str]) -> dict[str, str | None]:
        """The stored country of each actor key."""
        with _errors("look up actors' countries"):
            rows = self._con.execute("SELECT actor_key, country FROM actors"
                                     " WHERE list_contains(?::VARCHAR[], actor_key)", [sorted(set(keys))]).fetchall()
        return dict(rows)

    def actors(self, keys: Iterable[str]) -> dict[str, tuple[str, str | None, str | None, str | None]]:
        """(name, country, sector, code) of each stored actor key."""
        with _errors("look up actors"):
            rows = self._con.execute("SELECT actor_key, name, country, sector, code FROM actors"
                                     " WHERE list_contains(?::VARCHAR[], actor_key)", [sorted(set(keys))]).fetchall()
        return {key: (name, country, sector, code) for key, name, country, sector, code in rows}

    def of_events(self, events: Sequence[tuple[str, str]]) -> dict[tuple[str, str], str]:
        """(article_id, event_id) → incident id, for those of these events that an incident holds."""
        if not events:
            return {}
        with _errors("look up events' incidents"):
            rows = self._con.execute(
                "SELECT l.article_id, l.event_id, l.incident_id FROM incident_events AS l"
                " JOIN (SELECT unnest(?::VARCHAR[]) AS article_id, unnest(?::VARCHAR[]) AS event_id) AS q"
                " USING (article_id, event_id)", [[a for a, _ in events], [e for _, e in events]],
            ).fetchall()  # fmt: skip
        return {(a, e): i for a, e, i in rows}

    def overlapping(self, start: dt.date, end: dt.date, families: Iterable[str]) -> list[IncidentRow]:
        """The incidents of these families whose window meets the days from ``start`` to ``end``."""
        with _errors("read incidents"):
            rows = self._con.execute(
                f"SELECT {_COLUMNS} FROM incidents WHERE window_end >= ? AND window_start <= ?"
                " AND list_contains(?::VARCHAR[], family)", [start, end, sorted(set(families))],
            ).fetchall()  # fmt: skip
        return [_incident(row) for row in rows]

    def unanswered(self, start: dt.date, end: dt.date) -> list[tuple[str, str, IncidentRow]]:
        """(article_id, event_id, its incident) of the linked rejections dated in these days that answer nothing."""
        with _errors("read rejections"):
            rows = self._con.execute(
                f"SELECT l.article_id, l.event_id, {', '.join('i.' + c.strip() for c in _COLUMNS.split(','))}"
                " FROM incidents AS i JOIN incident_events AS l USING (incident_id) JOIN events AS e"
                " USING (article_id, event_id) WHERE i.family = 'REJECT' AND e.modality IN ('asserted', 'reported')"
                " AND i.window_end >= ? AND i.window_start <= ? AND NOT EXISTS (SELECT 1 FROM incident_answers AS n"
                " WHERE n.article_id = l.article_id AND n.event_id = l.event_id)", [start, end],
            ).fetchall()  # fmt: skip
        return [(row[0], row[1], _incident(row[2:])) for row in rows]

    def save(self, incidents: Sequence[IncidentRow], links: Sequence[LinkRow], answers: Sequence[LinkRow]) -> None:
        """Replace these incidents' rows and add the links and answers, in one transaction."""
        with _errors("store incidents"), transaction(self._con):
            ids = [i.incident_id for i in incidents]
            self._con.execute("DELETE FROM incidents WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            if incidents:
                self._con.execute(_INSERT, [list(column) for column in zip(*map(_values, incidents), strict=True)])
            for table, rows in (("incident_events", links), ("incident_answers", answers)):
                self._insert_links(table, rows)

    def _insert_links(self, table: str, rows: Sequence[LinkRow]) -> None:
        if not rows:
            return
        columns = "article_id, event_id, incident_id" + (", reversed" if table == "incident_events" else "")
        values: list[list[Any]] = [[r.article_id for r in rows], [r.event_id for r in rows],
                                   [r.incident_id for r in rows]]
        types = ["VARCHAR"] * 3
        if table == "incident_events":
            values.append([r.reversed for r in rows])
            types.append("BOOLEAN")
        select = ", ".join(f"unnest(?::{t}[])" for t in types)
        self._con.execute(f"INSERT INTO {table} ({columns}) SELECT {select} ON CONFLICT DO NOTHING", values)

    def select(self, *, source: str | None = None, target: str | None = None, type: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None) -> list[IncidentRow]:
        """Incidents matching every filter, by date; actors as for ``Store.events`` (either side when symmetric)."""
        where: list[str] = ["TRUE"]
        params: list[Any] = []
        for column, term in (("source", source), ("target", target)):
            if term is not None:
                where.append(f"(list_has_any({column}_keys, ?::VARCHAR[]) OR list_contains({column}_ids, ?))")
                params += [matching_keys(self._con, term), term.upper()]
        if type is not None:
            where.append("(type = upper(?) OR contains(family, upper(?)))")
            params += [type, type]
        for clause, day in (("window_end >= ?", since), ("window_start <= ?", until)):
            if day is not None:
                where.append(clause)
                params.append(day)
        with _errors("query incidents"):
            rows = self._con.execute(f"SELECT {_COLUMNS} FROM incidents WHERE {' AND '.join(where)}"
                                     " ORDER BY coalesce(date, window_start), incident_id", params).fetchall()
        return [_incident(row) for row in rows]

    def reports(self, incident_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The events of these incidents with their articles, each a dict of ``incident_reports``' columns."""
        return self._dicts("SELECT *, FALSE AS answer FROM incident_reports"
                           " WHERE incident_id IN (SELECT unnest(?::VARCHAR[]))"
                           " ORDER BY published NULLS LAST, article_id, event_id", [list(incident_ids)])

    def copies(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The other documents (exact and near copies) that carried these articles' events."""
        return self._dicts("SELECT article_id, doc_id, url, outlet, published, kind FROM reports"
                           " WHERE kind <> 'original' AND article_id IN (SELECT unnest(?::VARCHAR[]))"
                           " ORDER BY published NULLS LAST, doc_id", [list(article_ids)])

    def answers(self, incident_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The rejections answering these incidents, with their event and article."""
        return self._dicts(
            "SELECT n.incident_id, e.article_id, e.event_id, e.type, e.modality, e.source_keys,"
            " e.according_to_key, e.sentence, e.goldstein, e.quad_class, e.cameo_code, e.location_name,"
            " e.location_country, e.lat, e.lon, a.outlet, a.url, a.published, a.doc_id, a.ingested_at,"
            " TRUE AS answer FROM incident_answers AS n"
            " JOIN events AS e USING (article_id, event_id) JOIN articles AS a USING (article_id)"
            " WHERE n.incident_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY a.published, e.article_id",
            [list(incident_ids)])  # fmt: skip

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        with _errors("read incident reports"):
            cursor = self._con.execute(sql, params)
            columns = [d[0] for d in cursor.description or ()]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


_INSERT = _insert_sql(
    "incidents",
    "incident_id VARCHAR, type VARCHAR, family VARCHAR, source_keys VARCHAR[], target_keys VARCHAR[],"
    " source_ids VARCHAR[], target_ids VARCHAR[], date DATE, date_precision VARCHAR, window_start DATE,"
    " window_end DATE",
)


def _values(row: IncidentRow) -> tuple[Any, ...]:
    return (row.incident_id, row.type, row.family, list(row.source_keys), list(row.target_keys),
            list(row.source_ids), list(row.target_ids), row.date, row.date_precision, row.window_start,
            row.window_end)


def _incident(row: tuple[Any, ...]) -> IncidentRow:
    iid, type_, fam, sk, tk, si, ti, day, precision, start, end = row
    return IncidentRow(iid, type_, fam, tuple(sk), tuple(tk), tuple(si), tuple(ti), day, precision, start, end)
