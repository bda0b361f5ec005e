"""Pages of rows, newest first, for the HTTP API and the dashboard: keyset (cursor) pagination over events,
articles, quotes and actors.

A page ends with the cursor of its last row: an opaque token that the next query continues after, so pages stay
consistent while new articles arrive. Every value reaches DuckDB as a parameter.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import duckdb

from ..errors import QueryError
from ._filters import ActorQuery, EventQuery
from ._people import actors as _actors
from ._queries import _event_row, _filters, _names, matching_keys
from ._rows import ActorRow, EventRow, QuoteRow

__all__ = ["ArticleRow", "EventFilter", "Page", "actors_page", "articles_page", "event_where", "events_page",
           "quotes_page"]

T = TypeVar("T")
Params = list[Any]
_NO_DATE = dt.date(1, 1, 1)  # undated rows sort after every dated one, newest first


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of rows and the cursor of the next page (None on the last page)."""

    items: tuple[T, ...]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters of an events query: the CLI's (actors, type, since, modalities), a last day and an article."""

    source: str | None = None
    target: str | None = None
    type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    modalities: tuple[str, ...] = ("asserted", "reported")
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One stored article's metadata and how much was coded in it."""

    article_id: str
    doc_id: str
    title: str | None
    url: str | None
    published: dt.date | None
    outlet: str | None
    language: str | None
    page_kind: str
    not_coded: str | None
    duplicate_of: str | None
    events: int
    quotes: int


def encode_cursor(values: Sequence[Any]) -> str:
    """The opaque token of a keyset position (dates as ISO text)."""
    plain = [v.isoformat() if isinstance(v, dt.date) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain).encode()).decode().rstrip("=")


def decode_cursor(token: str, kinds: Sequence[type]) -> list[Any]:
    """The keyset position of a token made by :func:`encode_cursor`; a malformed token is a :class:`QueryError`."""
    try:
        values = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        if not isinstance(values, list) or len(values) != len(kinds):
            raise ValueError("wrong shape")
        return [dt.date.fromisoformat(v) if kind is dt.date else kind(v) for v, kind in zip(values, kinds, strict=True)]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as err:
        raise QueryError(f"cursor {token[:40]!r} is not one this server gave; pass the next_cursor of a page") from err


def check_page_size(limit: int, *, most: int) -> None:
    """Refuse a page size outside 1..``most``."""
    if not 1 <= limit <= most:
        raise QueryError(f"limit must lie between 1 and {most}, not {limit}")


def event_where(con: duckdb.DuckDBPyConnection, where: EventFilter) -> tuple[list[str], Params]:
    """The WHERE clauses and parameters of the events that ``where`` keeps (over ``events e`` and ``articles a``)."""
    query = EventQuery(source=where.source, target=where.target, type=where.type, since=where.since,
                       modalities=where.modalities)
    clauses, params = _filters(con, query)
    if where.until is not None:
        clauses.append("coalesce(e.date, a.published) <= ?")
        params.append(where.until)
    if where.article_id is not None:
        clauses.append("e.article_id = ?")
        params.append(where.article_id)
    return clauses, params


_EVENT_KEY = "(coalesce(e.date, a.published, DATE '0001-01-01'), e.article_id, e.ordinal)"


def events_page(
    con: duckdb.DuckDBPyConnection, where: EventFilter, *, limit: int, cursor: str | None
) -> Page[EventRow]:
    """Events that ``where`` keeps, newest first, ``limit`` to a page, after ``cursor``."""
    clauses, params = event_where(con, where)
    if cursor is not None:
        clauses.append(f"{_EVENT_KEY} < (?, ?, ?)")
        params += decode_cursor(cursor, (dt.date, str, int))
    sql = (
        "SELECT e.article_id, e.event_id, e.type, e.mode, e.cameo, e.goldstein, e.quad_class,"
        " e.source_keys AS source, e.target_keys AS target, e.source_countries, e.target_countries,"
        " e.modality, e.according_to_key AS according_to, e.date, e.sentence, a.url, a.title, a.published,"
        f" {_EVENT_KEY} AS _key"
        f" FROM events AS e JOIN articles AS a USING (article_id) WHERE {' AND '.join(clauses)}"
        f" ORDER BY {_EVENT_KEY} DESC LIMIT ?"
    )
    rows = _dicts(con.execute(sql, [*params, limit + 1]))
    keys = (k for r in rows for k in (*r["source"], *r["target"], r["according_to"]) if k is not None)
    names = _names(con, keys)
    return _page([_event_row({k: v for k, v in r.items() if k != "_key"}, names) for r in rows],
                 [_key_values(r["_key"]) for r in rows], limit)


def articles_page(
    con: duckdb.DuckDBPyConnection, *, since: dt.date | None = None, until: dt.date | None = None,
    outlet: str | None = None, words: str | None = None, limit: int, cursor: str | None,
) -> Page[ArticleRow]:
    """Stored articles, newest first by publication date; ``words`` are looked for in the title and the text."""
    clauses = ["(?::DATE IS NULL OR a.published >= ?)", "(?::DATE IS NULL OR a.published <= ?)",
               "(?::VARCHAR IS NULL OR lower(a.outlet) = lower(?))",
               "(?::VARCHAR IS NULL OR contains(lower(coalesce(a.title, '') || ' ' || a.text), lower(?)))"]
    params: Params = [since, since, until, until, outlet, outlet, words, words]
    key = "(coalesce(a.published, DATE '0001-01-01'), a.article_id)"
    if cursor is not None:
        clauses.append(f"{key} < (?, ?)")
        params += decode_cursor(cursor, (dt.date, str))
    rows = con.execute(
        "SELECT a.article_id, a.doc_id, a.title, a.url, a.published, a.outlet, a.language,"
        " coalesce(a.page_kind, 'article'), a.not_coded, a.duplicate_of,"
        " (SELECT count(*) FROM events AS e WHERE e.article_id = a.article_id),"
        " (SELECT count(*) FROM quotes AS q WHERE q.article_id = a.article_id),"
        f" {key} FROM articles AS a WHERE {' AND '.join(clauses)} ORDER BY {key} DESC LIMIT ?",
        [*params, limit + 1],
    ).fetchall()
    return _page([ArticleRow(*row[:-1]) for row in rows], [_key_values(row[-1]) for row in rows], limit)


def quotes_page(
    con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, about: str | None = None, limit: int,
    cursor: str | None,
) -> Page[QuoteRow]:
    """Quotes by ``speaker`` and about ``about`` (as for ``Store.quotes``), newest first."""
    speakers = matching_keys(con, speaker) if speaker is not None else None
    about_keys = matching_keys(con, about) if about is not None else []
    key = "(coalesce(a.published, DATE '0001-01-01'), q.article_id, q.ordinal)"
    after, params = ("", []) if cursor is None else (f" AND {key} < (?, ?, ?)",
                                                      decode_cursor(cursor, (dt.date, str, int)))
    rows = con.execute(
        "SELECT q.article_id, q.quote_id, q.speaker_key, s.name, q.speaker_text, q.text, q.kind, q.cue, q.stance,"
        f" a.title, a.url, a.published, {key}"
        " FROM quotes AS q JOIN articles AS a USING (article_id) LEFT JOIN actors AS s ON s.actor_key = q.speaker_key"
        " WHERE (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], q.speaker_key))"
        " AND (?::VARCHAR IS NULL OR contains(lower(q.text), lower(?)) OR EXISTS ("
        "   SELECT 1 FROM mentions AS m WHERE m.article_id = q.article_id"
        "   AND list_contains(?::VARCHAR[], m.actor_key)"
        "   AND m.span_start >= q.span_start AND m.span_end <= q.span_end))"
        f"{after} ORDER BY {key} DESC LIMIT ?",
        [speakers, speakers, about, about, about_keys, *params, limit + 1],
    ).fetchall()
    return _page([QuoteRow(*row[:-1]) for row in rows], [_key_values(row[-1]) for row in rows], limit)


def actors_page(
    con: duckdb.DuckDBPyConnection, *, country: str | None = None, kind: str | None = None, name: str | None = None,
    limit: int, cursor: str | None,
) -> Page[ActorRow]:
    """Actors, most mentioned first (then by name and key), as ``Store.actors`` filters them."""
    rows = _actors(con, ActorQuery(country=country, kind=kind, name=name))
    if cursor is not None:
        mentions, name_, key = decode_cursor(cursor, (int, str, str))
        rows = [r for r in rows if (-r.mentions, r.name, r.key) > (-mentions, name_, key)]
    rows.sort(key=lambda r: (-r.mentions, r.name, r.key))
    return _page(rows[: limit + 1], [[r.mentions, r.name, r.key] for r in rows[: limit + 1]], limit)


def _page(items: list[T], keys: list[list[Any]], limit: int) -> Page[T]:
    """The first ``limit`` items, with the cursor after the last when more follow."""
    more = len(items) > limit
    return Page(tuple(items[:limit]), encode_cursor(keys[limit - 1]) if more else None)


def _key_values(key: Any) -> list[Any]:
    """A DuckDB row value (returned as a dict or a tuple) as a list of its fields."""
    return list(key.values()) if isinstance(key, dict) else list(key)


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description or ()]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]

