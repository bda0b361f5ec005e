"""Writing extractions and failures: one article and everything in it per transaction."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import Actor, Article, Event, Extraction, Failure
from ._schema import transaction

__all__ = ["add", "add_failure", "has"]

Row = tuple[Any, ...]


def has(con: duckdb.DuckDBPyConnection, article_id: str) -> bool:
    """Whether an article with this content hash is stored."""
    return con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone() is not None


def add(con: duckdb.DuckDBPyConnection, extraction: Extraction) -> bool:
    """Write the article and all it holds in one transaction; False, writing nothing, if it is stored."""
    _check(extraction)
    article_id = extraction.article.content_hash
    with transaction(con):
        if has(con, article_id):
            return False
        _insert_article(con, article_id, extraction.article)
        _insert_actors(con, article_id, extraction.actors)
        _insert_events(con, article_id, extraction)
        _insert_quotes(con, article_id, extraction)
    return True


def add_failure(con: duckdb.DuckDBPyConnection, failure: Failure) -> None:
    """Record a document that could not be read or processed."""
    con.execute(
        "INSERT INTO failures (where_, doc_id, error, recorded_at) VALUES (?, ?, ?, ?)",
        [failure.where, failure.id, failure.error, _now()],
    )


def _check(extraction: Extraction) -> None:
    """Refuse an extraction whose ids clash or whose events and quotes name actors it does not have."""
    where = f"article {extraction.article.id!r}"
    _unique(where, "actor id", (a.id for a in extraction.actors))
    _unique(where, "actor key", (a.key for a in extraction.actors), hint="merge them when resolving")
    _unique(where, "event id", (e.id for e in extraction.events))
    _unique(where, "quote id", (q.id for q in extraction.quotes))
    known = {a.id for a in extraction.actors}
    for e in extraction.events:
        refs = [*e.source, *e.target, *([e.according_to] if e.according_to is not None else [])]
        _known(f"{where}, event {e.id!r}", refs, known)
    for q in extraction.quotes:
        _known(f"{where}, quote {q.id!r}", [q.speaker] if q.speaker is not None else [], known)


def _unique(where: str, what: str, values: Iterable[str], *, hint: str = "") -> None:
    repeated = sorted(v for v, n in Counter(values).items() if n > 1)
    if repeated:
        advice = f"; {hint}" if hint else ""
        raise StoreError(f"{where}: {what} {repeated[0]!r} appears more than once, expected once{advice}")


def _known(where: str, refs: Iterable[str], known: set[str]) -> None:
    for ref in refs:
        if ref not in known:
            raise StoreError(f"{where} names actor {ref!r}, which is not among the article's actors")


def _insert_article(con: duckdb.DuckDBPyConnection, article_id: str, a: Article) -> None:
    removed = json.dumps([{"text": r.text, "reason": r.reason} for r in a.removed], ensure_ascii=False)
    con.execute(
        "INSERT INTO articles (article_id, doc_id, source, url, title, published, outlet, language, text,"
        " removed, ingested_at, authors, canonical_url, page_kind, duplicate_of, not_coded)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [article_id, a.id, a.source, a.url, a.title, a.published, a.outlet, a.language, a.text, removed,
         _now(), list(a.authors), a.canonical_url, a.page_kind, a.duplicate_of, a.not_coded],  # fmt: skip
    )


def _insert_sql(table: str, columns: str, *, on_conflict: str = "") -> str:
    """An insert of many rows in one statement; each parameter is one column's values (``unnest(?::T[])``)."""
    names, types = zip(*(column.split() for column in columns.split(",")), strict=True)
    values = ", ".join(f"unnest(?::{t}[])" for t in types)
    return f"INSERT INTO {table} ({', '.join(names)}) SELECT {values}{on_conflict}"


_ACTORS = _insert_sql(
    "actors",
    "actor_key VARCHAR, name VARCHAR, kind VARCHAR, country VARCHAR, sector VARCHAR, code VARCHAR,"
    " wikidata VARCHAR, office VARCHAR, affiliation VARCHAR",
    on_conflict=" ON CONFLICT (actor_key) DO NOTHING",
)
_ARTICLE_ACTORS = _insert_sql(
    "article_actors", "article_id VARCHAR, local_id VARCHAR, actor_key VARCHAR, ordinal INTEGER"
)
_MENTIONS = _insert_sql(
    "mentions",
    "article_id VARCHAR, actor_key VARCHAR, local_id VARCHAR, ordinal INTEGER, text VARCHAR,"
    " span_start INTEGER, span_end INTEGER, how VARCHAR",
)
_EVENTS = _insert_sql(
    "events",
    "article_id VARCHAR, event_id VARCHAR, ordinal INTEGER, type VARCHAR, mode VARCHAR, cameo VARCHAR,"
    " cameo_code VARCHAR, goldstein DOUBLE, quad_class INTEGER, source_keys VARCHAR[], target_keys VARCHAR[],"
    " source_countries VARCHAR[], target_countries VARCHAR[], modality VARCHAR, according_to_key VARCHAR,"
    " date DATE, date_precision VARCHAR, location_name VARCHAR, location_country VARCHAR, lat DOUBLE,"
    " lon DOUBLE, sentence VARCHAR, span_start INTEGER, span_end INTEGER, confidence DOUBLE, trigger VARCHAR,"
    " coder VARCHAR, quote_id VARCHAR",
)
_QUOTES = _insert_sql(
    "quotes",
    "article_id VARCHAR, quote_id VARCHAR, ordinal INTEGER, speaker_key VARCHAR, speaker_text VARCHAR,"
    " text VARCHAR, kind VARCHAR, cue VARCHAR, span_start INTEGER, span_end INTEGER, stance VARCHAR,"
    " about_keys VARCHAR[]",
)


def _insert(con: duckdb.DuckDBPyConnection, sql: str, rows: list[Row]) -> None:
    """Run one of the inserts above over ``rows``, passing them column by column."""
    if rows:
        con.execute(sql, [list(column) for column in zip(*rows, strict=True)])


def _insert_actors(con: duckdb.DuckDBPyConnection, article_id: str, actors: tuple[Actor, ...]) -> None:
    _insert(con, _ACTORS, [(a.key, a.name, a.kind, a.country, a.sector, a.code, a.wikidata, a.office,
                            a.affiliation) for a in actors])  # fmt: skip
    _insert(con, _ARTICLE_ACTORS, [(article_id, a.id, a.key, i) for i, a in enumerate(actors)])
    _insert(con, _MENTIONS, [(article_id, a.key, a.id, i, m.text, m.span[0], m.span[1], m.how)
                             for a in actors for i, m in enumerate(a.mentions)])  # fmt: skip


def _insert_events(con: duckdb.DuckDBPyConnection, article_id: str, extraction: Extraction) -> None:
    actors = {a.id: a for a in extraction.actors}
    _insert(con, _EVENTS, [_event_row(article_id, i, e, actors) for i, e in enumerate(extraction.events)])


def _event_row(article_id: str, ordinal: int, e: Event, actors: Mapping[str, Actor]) -> Row:
    loc = e.location
    place = (loc.name, loc.country, loc.lat, loc.lon) if loc else (None, None, None, None)
    according_to = actors[e.according_to].key if e.according_to is not None else None
    return (
        article_id, e.id, ordinal, e.type, e.mode, e.cameo, e.cameo_code, e.goldstein, e.quad_class,
        _keys(e.source, actors), _keys(e.target, actors), _countries(e.source, actors),
        _countries(e.target, actors), e.modality, according_to, e.date, e.date_precision, *place,
        e.sentence, e.span[0], e.span[1], e.confidence, e.trigger, e.coder, e.quote,
    )  # fmt: skip


def _insert_quotes(con: duckdb.DuckDBPyConnection, article_id: str, extraction: Extraction) -> None:
    keys = {a.id: a.key for a in extraction.actors}
    _insert(con, _QUOTES, [
        (article_id, q.id, i, keys[q.speaker] if q.speaker is not None else None, q.speaker_text, q.text,
         q.kind, q.cue, q.span[0], q.span[1], q.stance, [keys[a] for a in q.about])
        for i, q in enumerate(extraction.quotes)
    ])  # fmt: skip


def _keys(ids: tuple[str, ...], actors: Mapping[str, Actor]) -> list[str]:
    return [actors[i].key for i in ids]


def _countries(ids: tuple[str, ...], actors: Mapping[str, Actor]) -> list[str]:
    """The distinct known countries of these actors, in order."""
    return list(dict.fromkeys(c for c in (actors[i].country for i in ids) if c is not None))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
