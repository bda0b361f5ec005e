"""Reading actors and quotes: who is in the store, under which names, and what they said."""

from __future__ import annotations

from collections import defaultdict

import duckdb

from ._filters import ActorQuery, QuoteQuery
from ._queries import matching_keys
from ._rows import ActorRow, QuoteRow

__all__ = ["actors", "quotes"]


def actors(con: duckdb.DuckDBPyConnection, query: ActorQuery) -> list[ActorRow]:
    """Actors with their mention and article counts, most mentioned first, each with its surface forms."""
    country, kind, limit = query.country, query.kind, query.limit
    keys = matching_keys(con, query.name) if query.name is not None else None
    rows = con.execute(
        "SELECT a.actor_key, a.name, a.kind, a.country, a.sector, a.affiliation, a.office,"
        " count(m.actor_key) AS mentions, count(DISTINCT m.article_id) AS articles"
        " FROM actors AS a LEFT JOIN mentions AS m USING (actor_key)"
        " WHERE (?::VARCHAR IS NULL OR upper(a.country) = upper(?))"
        " AND (?::VARCHAR IS NULL OR lower(a.kind) = lower(?))"
        " AND (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], a.actor_key))"
        " GROUP BY ALL ORDER BY mentions DESC, a.name" + (" LIMIT ?" if limit is not None else ""),
        [country, country, kind, kind, keys, keys] + ([limit] if limit is not None else []),
    ).fetchall()
    variants = _variants(con, [row[0] for row in rows])
    return [
        ActorRow(key, name, kind_, country_, sector, affiliation, office, mentions, articles,
                 tuple(variants.get(key, ())))
        for key, name, kind_, country_, sector, affiliation, office, mentions, articles in rows
    ]


def _variants(con: duckdb.DuckDBPyConnection, keys: list[str]) -> dict[str, list[tuple[str, int]]]:
    found: dict[str, list[tuple[str, int]]] = defaultdict(list)
    rows = con.execute(
        "SELECT actor_key, text, count(*) AS n FROM mentions WHERE list_contains(?::VARCHAR[], actor_key)"
        " AND how NOT IN ('pronoun') GROUP BY ALL ORDER BY actor_key, n DESC, text",
        [keys],
    ).fetchall()
    for key, text, n in rows:
        found[key].append((text, n))
    return found


def quotes(con: duckdb.DuckDBPyConnection, query: QuoteQuery) -> list[QuoteRow]:
    """Quotes by a speaker (key, country, code or part of a name) and about something (an actor mentioned in the
    quote, or words in it), in publication order."""
    speaker, about, limit = query.speaker, query.about, query.limit
    speakers = matching_keys(con, speaker) if speaker is not None else None
    about_keys = matching_keys(con, about) if about is not None else None
    rows = con.execute(
        "SELECT q.article_id, q.quote_id, q.speaker_key, s.name, q.speaker_text, q.text, q.kind, q.cue, q.stance,"
        " a.title, a.url, a.published"
        " FROM quotes AS q JOIN articles AS a USING (article_id) LEFT JOIN actors AS s ON s.actor_key = q.speaker_key"
        " WHERE (?::VARCHAR[] IS NULL OR list_contains(?::VARCHAR[], q.speaker_key))"
        " AND (?::VARCHAR IS NULL OR contains(lower(q.text), lower(?)) OR EXISTS ("
        "   SELECT 1 FROM mentions AS m WHERE m.article_id = q.article_id"
        "   AND list_contains(?::VARCHAR[], m.actor_key)"
        "   AND m.span_start >= q.span_start AND m.span_end <= q.span_end))"
        " ORDER BY a.published NULLS LAST, q.article_id, q.ordinal" + (" LIMIT ?" if limit is not None else ""),
        [speakers, speakers, about, about, about_keys or []] + ([limit] if limit is not None else []),
    ).fetchall()
    return [QuoteRow(*row) for row in rows]
