"""Writing extractions and failures: one article and everything in it per transaction."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from functools import cache
from typing import Any

import duckdb

from ..errors import StoreError
from ..records import Actor, Article, Event, Extraction, Failure, Quote
from ._dedup import record_copy
from ._schema import migrate, transaction, typed_columns

__all__ = ["actor_row", "add", "add_failure", "failure_row", "has", "insert", "insert_rows", "inserts", "rows",
           "rows_select"]

Row = tuple[Any, ...]


def has(con: duckdb.DuckDBPyConnection, article_id: str) -> bool:
    """Whether an article with this content hash is stored."""
    return con.execute("SELECT 1 FROM articles WHERE article_id = ?", [article_id]).fetchone() is not None


def add(con: duckdb.DuckDBPyConnection, extraction: Extraction) -> bool:
    """Write the article and all it holds in one transaction; False, writing nothing, if it is stored."""
    with transaction(con):
        return insert(con, extraction)


def insert(con: duckdb.DuckDBPyConnection, extraction: Extraction) -> bool:
    """Write the article and all it holds inside the caller's transaction; False if it is stored already (then
    a document of another id with the same text is recorded in ``copies``, and nothing else is written)."""
    _check(extraction)
    article_id = extraction.article.content_hash
    if has(con, article_id):
        record_copy(con, article_id, extraction.article)
        return False
    insert_rows(con, rows(article_id, extraction))
    return True


def add_failure(con: duckdb.DuckDBPyConnection, failure: Failure) -> None:
    """Record a document that could not be read or processed: a new row, or one more sighting of the same failure
    of the same document (a rerun adds no row)."""
    again = con.execute(
        "UPDATE failures SET seen = seen + 1, last_seen = ? WHERE where_ = ? AND doc_id IS NOT DISTINCT FROM ?"
        " AND error = ? RETURNING seen", [_now(), failure.where, failure.id, failure.error],
    ).fetchall()  # fmt: skip
    if not again:
        insert_rows(con, {"failures": [failure_row(failure)]})


def rows(article_id: str, extraction: Extraction) -> dict[str, list[Row]]:
    """The rows one extraction adds to each table, in column order (``actors``: skipped where the key is stored)."""
    actors = {a.id: a for a in extraction.actors}
    keys = {a.id: a.key for a in extraction.actors}
    return {
        "articles": [_article_row(article_id, extraction.article)],
        "actors": [actor_row(a) for a in extraction.actors],
        "article_actors": [(article_id, a.id, a.key, i) for i, a in enumerate(extraction.actors)],
        "mentions": [(article_id, a.key, a.id, i, m.text, m.span[0], m.span[1], m.how)
                     for a in extraction.actors for i, m in enumerate(a.mentions)],
        "events": [_event_row(article_id, i, e, actors) for i, e in enumerate(extraction.events)],
        "quotes": [_quote_row(article_id, i, q, keys) for i, q in enumerate(extraction.quotes)],
    }  # fmt: skip


def failure_row(failure: Failure) -> Row:
    """The ``failures`` row of a document that could not be read or processed (seen once so far)."""
    return (failure.where, failure.id, failure.error, _now(), 1, None)


def actor_row(a: Actor) -> Row:
    """The ``actors`` row of an actor (the store keeps the first one written for each key)."""
    return (a.key, a.name, a.kind, a.country, a.sector, a.code, a.wikidata, a.office, a.affiliation)


def insert_rows(con: duckdb.DuckDBPyConnection, rows: Mapping[str, list[Row]]) -> None:
    """Insert rows (as built by :func:`rows`) into each table named, one statement per table."""
    for table, table_rows in rows.items():
        _insert(con, inserts()[table], table_rows)


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


def _article_row(article_id: str, a: Article) -> Row:
    removed = json.dumps([{"text": r.text, "reason": r.reason} for r in a.removed], ensure_ascii=False)
    return (article_id, a.id, a.source, a.url, a.title, a.published, a.outlet, a.language, a.text, removed,
            _now(), list(a.authors), a.canonical_url, a.page_kind, a.duplicate_of, a.not_coded)  # fmt: skip


def _insert_sql(table: str, columns: str, *, on_conflict: str = "") -> str:
    """An insert of many rows in one statement; each parameter is one column's values (``unnest(?::T[])``)."""
    names = ", ".join(column.split()[0] for column in columns.split(","))
    return f"INSERT INTO {table} ({names}) {rows_select(columns)}{on_conflict}"


def rows_select(columns: str, *, empty: bool = False) -> str:
    """A ``SELECT`` of ``columns`` (``name TYPE, …``) by name and type, one list parameter per column
    (``unnest(?::T[]) AS name``); ``empty``: no parameters and no rows, the same columns."""
    pairs = [column.split() for column in columns.split(",")]
    if empty:
        return "SELECT " + ", ".join(f"CAST(NULL AS {t}) AS {n}" for n, t in pairs) + " LIMIT 0"
    return "SELECT " + ", ".join(f"unnest(?::{t}[]) AS {n}" for n, t in pairs)


#: The conflict clause of each table's insert: the first actor written under a key wins.
_ON_CONFLICT = {"actors": " ON CONFLICT (actor_key) DO NOTHING"}
_WRITTEN = ("articles", "actors", "article_actors", "mentions", "events", "quotes", "failures", "copies")


@cache
def inserts() -> dict[str, str]:
    """Each written table's insert, its columns and their types read from the schema itself (a migrated in-memory
    database, once per process), so rows and Parquet shards can never drift from the DuckDB tables."""
    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        return {t: _insert_sql(t, typed_columns(con, t), on_conflict=_ON_CONFLICT.get(t, "")) for t in _WRITTEN}
    finally:
        con.close()


def _insert(con: duckdb.DuckDBPyConnection, sql: str, rows: list[Row]) -> None:
    """Run one of the inserts above over ``rows``, passing them column by column."""
    if rows:
        con.execute(sql, [list(column) for column in zip(*rows, strict=True)])


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


def _quote_row(article_id: str, ordinal: int, q: Quote, keys: Mapping[str, str]) -> Row:
    return (article_id, q.id, ordinal, keys[q.speaker] if q.speaker is not None else None, q.speaker_text, q.text,
            q.kind, q.cue, q.span[0], q.span[1], q.stance, [keys[a] for a in q.about])  # fmt: skip


def _keys(ids: tuple[str, ...], actors: Mapping[str, Actor]) -> list[str]:
    return [actors[i].key for i in ids]


def _countries(ids: tuple[str, ...], actors: Mapping[str, Actor]) -> list[str]:
    """The distinct known countries of these actors, in order."""
    return list(dict.fromkeys(c for c in (actors[i].country for i in ids) if c is not None))


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
