"""Reading the store: filtered events, a summary, and whole extractions read back."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

import duckdb

from ..records import Actor, Article, Event, Extraction, Location, Mention, Quote, Removed
from ._filters import ASSERTED, EventQuery
from ._rows import CountryPair, EventRow, Summary

__all__ = ["events", "load", "matching_keys", "summary"]

Params = list[Any]


def matching_keys(con: duckdb.DuckDBPyConnection, term: str) -> list[str]:
    """Keys of the actors that ``term`` names: by key, country or code if any match, else by name."""
    exact = con.execute(
        "SELECT actor_key FROM actors"
        " WHERE actor_key = ? OR upper(country) = upper(?) OR upper(code) = upper(?)",
        [term, term, term],
    ).fetchall()
    if exact:
        return [key for (key,) in exact]
    named = con.execute("SELECT actor_key FROM actors WHERE contains(lower(name), lower(?))", [term])
    return [key for (key,) in named.fetchall()]


def events(con: duckdb.DuckDBPyConnection, query: EventQuery) -> list[EventRow]:
    """Events matching every filter of ``query``, ordered by date, article and position in the article."""
    where, params = _filters(con, query)
    if query.limit is not None:
        params.append(query.limit)
    cursor = con.execute(_events_sql(where, query.limit), params)
    columns = [d[0] for d in cursor.description or ()]
    rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    keys = (k for r in rows for k in (*r["source"], *r["target"], r["according_to"]) if k is not None)
    names = _names(con, keys)
    return [_event_row(row, names) for row in rows]


def _filters(con: duckdb.DuckDBPyConnection, query: EventQuery) -> tuple[list[str], Params]:
    """The WHERE clauses of an events query and their parameters."""
    where: list[str] = ["list_contains(?::VARCHAR[], e.modality)"]
    params: Params = [list(query.modalities)]
    for clause, term in ((_SOURCE, query.source), (_TARGET, query.target)):
        if term is not None:
            where.append(clause)
            params += [matching_keys(con, term), term.upper()]
    if query.type is not None:
        where.append("e.type = upper(?)")
        params.append(query.type)
    if query.since is not None:
        where.append("coalesce(e.date, a.published) >= ?")
        params.append(query.since)
    return where, params


_SOURCE = "(list_has_any(e.source_keys, ?::VARCHAR[]) OR list_contains(e.source_countries, ?))"
_TARGET = "(list_has_any(e.target_keys, ?::VARCHAR[]) OR list_contains(e.target_countries, ?))"


def _events_sql(where: list[str], limit: int | None) -> str:
    """The events query over fixed ``where`` clauses; every value is a parameter."""
    return (
        "SELECT e.article_id, e.event_id, e.type, e.mode, e.cameo, e.goldstein, e.quad_class,"
        " e.source_keys AS source, e.target_keys AS target, e.source_countries, e.target_countries,"
        " e.modality, e.according_to_key AS according_to, e.date, e.sentence, a.url, a.title, a.published"
        " FROM events AS e JOIN articles AS a USING (article_id)"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY coalesce(e.date, a.published) NULLS LAST, e.article_id, e.ordinal"
        + (" LIMIT ?" if limit is not None else "")
    )


def _names(con: duckdb.DuckDBPyConnection, keys: Iterable[str]) -> dict[str, str]:
    sql = "SELECT actor_key, name FROM actors WHERE list_contains(?::VARCHAR[], actor_key)"
    rows = con.execute(sql, [sorted(set(keys))])
    return dict(rows.fetchall())


def _event_row(row: dict[str, Any], names: dict[str, str]) -> EventRow:
    according_to = row["according_to"]
    return EventRow(**{
        **row,
        "source": tuple(names[k] for k in row["source"]),
        "target": tuple(names[k] for k in row["target"]),
        "source_countries": tuple(row["source_countries"]),
        "target_countries": tuple(row["target_countries"]),
        "according_to": names[according_to] if according_to is not None else None,
    })  # fmt: skip


def summary(
    con: duckdb.DuckDBPyConnection, *, top: int = 10, modalities: Collection[str] = ASSERTED
) -> Summary:
    """Row counts, events by PLOVER type and the ``top`` pairs of different countries, over ``modalities``."""
    counts = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM actors),"
        " (SELECT count(*) FROM mentions), (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM quotes), (SELECT count(*) FROM failures)"
    ).fetchone() or (0, 0, 0, 0, 0, 0)
    articles, actors, mentions, events_, quotes, failures = counts
    by_type = con.execute(
        "SELECT type, count(*) AS n FROM events WHERE list_contains(?::VARCHAR[], modality)"
        " GROUP BY type ORDER BY n DESC, type",
        [list(modalities)],
    ).fetchall()
    pairs = con.execute(
        "SELECT source_country, target_country, count(*) AS n FROM event_pairs"
        " WHERE list_contains(?::VARCHAR[], modality) AND source_country <> target_country"
        " GROUP BY source_country, target_country ORDER BY n DESC, source_country, target_country LIMIT ?",
        [list(modalities), top],
    ).fetchall()
    return Summary(
        articles=articles, actors=actors, mentions=mentions, events=events_, quotes=quotes, failures=failures,
        events_by_type=tuple(by_type), top_pairs=tuple(CountryPair(s, t, n) for s, t, n in pairs),
    )  # fmt: skip


def load(con: duckdb.DuckDBPyConnection, article_id: str) -> Extraction | None:
    """The stored extraction of an article, or None; actors carry their stored (first-written) attributes."""
    row = con.execute(
        "SELECT doc_id, text, url, title, published, outlet, language, removed, source, authors, canonical_url,"
        " page_kind, duplicate_of, not_coded"
        " FROM articles WHERE article_id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    actors = _load_actors(con, article_id)
    local = {a.key: a.id for a in actors}
    return Extraction(
        article=_article(row),
        actors=actors,
        events=_load_events(con, article_id, local),
        quotes=_load_quotes(con, article_id, local),
    )


def _article(row: tuple[Any, ...]) -> Article:
    doc_id, text, url, title, published, outlet, language, removed, source, authors, canonical, kind, dup, why = row
    return Article(
        id=doc_id, text=text, url=url, title=title, published=published, outlet=outlet, language=language,
        removed=tuple(Removed(r["text"], r["reason"]) for r in json.loads(removed)), source=source,
        authors=tuple(authors or ()), canonical_url=canonical, page_kind=kind or "article", duplicate_of=dup,
        not_coded=why,
    )  # fmt: skip


def _load_actors(con: duckdb.DuckDBPyConnection, article_id: str) -> tuple[Actor, ...]:
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for local_id, text, start, end, how in con.execute(
        "SELECT local_id, text, span_start, span_end, how FROM mentions WHERE article_id = ?"
        " ORDER BY local_id, ordinal",
        [article_id],
    ).fetchall():
        mentions[local_id].append(Mention(text, (start, end), how))
    rows = con.execute(
        "SELECT aa.local_id, aa.actor_key, a.name, a.kind, a.country, a.sector, a.wikidata, a.office,"
        " a.affiliation"
        " FROM article_actors AS aa JOIN actors AS a USING (actor_key)"
        " WHERE aa.article_id = ? ORDER BY aa.ordinal",
        [article_id],
    ).fetchall()
    return tuple(
        Actor(local, key, name, kind, country, sector, wikidata, office, mentions=tuple(mentions[local]),
              affiliation=affiliation)
        for local, key, name, kind, country, sector, wikidata, office, affiliation in rows
    )


def _load_events(con: duckdb.DuckDBPyConnection, article_id: str, local: dict[str, str]) -> tuple[Event, ...]:
    rows = con.execute(
        "SELECT event_id, type, mode, cameo, cameo_code, goldstein, quad_class, source_keys, target_keys,"
        " modality, according_to_key, date, date_precision, location_name, location_country, lat, lon,"
        " sentence, span_start, span_end, confidence, trigger, coder, quote_id"
        " FROM events WHERE article_id = ? ORDER BY ordinal",
        [article_id],
    ).fetchall()
    return tuple(_event(row, local) for row in rows)


def _event(row: tuple[Any, ...], local: dict[str, str]) -> Event:
    (event_id, type_, mode, cameo, cameo_code, goldstein, quad_class, source_keys, target_keys, modality,
     according_to, date_, precision, place, country, lat, lon, sentence, start, end, confidence, trigger,
     coder, quote) = row  # fmt: skip
    return Event(
        id=event_id, type=type_, mode=mode, cameo=cameo, cameo_code=cameo_code, goldstein=goldstein,
        quad_class=quad_class, source=tuple(local[k] for k in source_keys),
        target=tuple(local[k] for k in target_keys), modality=modality,
        according_to=local[according_to] if according_to is not None else None, date=date_,
        date_precision=precision, location=Location(place, country, lat, lon) if place is not None else None,
        sentence=sentence, span=(start, end), confidence=confidence, trigger=trigger, coder=coder, quote=quote,
    )  # fmt: skip


def _load_quotes(con: duckdb.DuckDBPyConnection, article_id: str, local: dict[str, str]) -> tuple[Quote, ...]:
    rows = con.execute(
        "SELECT quote_id, speaker_key, speaker_text, text, kind, cue, span_start, span_end, stance, about_keys"
        " FROM quotes WHERE article_id = ? ORDER BY ordinal",
        [article_id],
    ).fetchall()
    return tuple(
        Quote(quote_id, local[key] if key is not None else None, speaker_text, text, kind, cue, (start, end), stance,
              tuple(local[k] for k in about or ()))
        for quote_id, key, speaker_text, text, kind, cue, start, end, stance, about in rows
    )
