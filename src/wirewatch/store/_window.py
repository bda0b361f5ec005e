"""Reading a period of the store in bulk: the extractions of every article in a window of days, and who
reported them (for briefings, which read thousands of events at once)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import duckdb

from ..records import Actor, Extraction, Mention, Quote
from ._dedup import Report
from ._queries import _article, _event

__all__ = ["extractions", "reports"]

_WINDOW = (
    "WITH window_ids AS (SELECT article_id FROM articles AS a"
    " WHERE (?::DATE IS NULL OR a.published >= ? OR EXISTS (SELECT 1 FROM events AS e"
    "   WHERE e.article_id = a.article_id AND e.date >= ?))"
    " AND (?::DATE IS NULL OR a.published <= ? OR EXISTS (SELECT 1 FROM events AS e"
    "   WHERE e.article_id = a.article_id AND e.date <= ?))) "
)
_ARTICLES = (
    "SELECT article_id, doc_id, text, url, title, published, outlet, language, removed, source, authors,"
    " canonical_url, page_kind, duplicate_of, not_coded FROM articles JOIN window_ids USING (article_id)"
    " ORDER BY published NULLS LAST, article_id"
)
_EVENTS = (
    "SELECT article_id, event_id, type, mode, cameo, cameo_code, goldstein, quad_class, source_keys, target_keys,"
    " modality, according_to_key, date, date_precision, location_name, location_country, lat, lon, sentence,"
    " span_start, span_end, confidence, trigger, coder, quote_id"
    " FROM events JOIN window_ids USING (article_id) ORDER BY article_id, ordinal"
)
_QUOTES = (
    "SELECT article_id, quote_id, speaker_key, speaker_text, text, kind, cue, span_start, span_end, stance,"
    " about_keys FROM quotes JOIN window_ids USING (article_id) ORDER BY article_id, ordinal"
)
_MENTIONS = (
    "SELECT article_id, local_id, text, span_start, span_end, how FROM mentions JOIN window_ids USING (article_id)"
    " ORDER BY article_id, local_id, ordinal"
)
_ACTORS = (
    "SELECT aa.article_id, aa.local_id, aa.actor_key, a.name, a.kind, a.country, a.sector, a.wikidata, a.office,"
    " a.affiliation FROM article_actors AS aa JOIN window_ids USING (article_id) JOIN actors AS a USING (actor_key)"
    " ORDER BY aa.article_id, aa.ordinal"
)


def extractions(con: duckdb.DuckDBPyConnection, *, since: date | None, until: date | None) -> list[Extraction]:
    """Every stored article published (or holding an event dated) in the window, with its records, in
    publication order; five queries whatever the number of articles."""
    window = [since, since, since, until, until, until]
    articles = con.execute(_WINDOW + _ARTICLES, window).fetchall()
    actors = _actors(_grouped(con, window, _MENTIONS), _grouped(con, window, _ACTORS))
    events = _grouped(con, window, _EVENTS)
    quotes = _grouped(con, window, _QUOTES)
    return [_extraction(row, actors.get(row[0], ()), events.get(row[0], []), quotes.get(row[0], []))
            for row in articles]


def _grouped(con: duckdb.DuckDBPyConnection, window: list[Any], sql: str) -> dict[str, list[tuple[Any, ...]]]:
    """Rows by their first column, the article, without it."""
    found: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for row in con.execute(_WINDOW + sql, window).fetchall():
        found[row[0]].append(row[1:])
    return found


def _actors(mention_rows: dict[str, list[tuple[Any, ...]]],
            actor_rows: dict[str, list[tuple[Any, ...]]]) -> dict[str, tuple[Actor, ...]]:
    found: dict[str, tuple[Actor, ...]] = {}
    for article_id, rows in actor_rows.items():
        mentions: dict[str, list[Mention]] = defaultdict(list)
        for local_id, text, start, end, how in mention_rows.get(article_id, []):
            mentions[local_id].append(Mention(text, (start, end), how))
        found[article_id] = tuple(
            Actor(local, key, name, kind, country, sector, wikidata, office, tuple(mentions[local]), affiliation)
            for local, key, name, kind, country, sector, wikidata, office, affiliation in rows
        )
    return found


def _extraction(row: tuple[Any, ...], actors: tuple[Actor, ...], events: list[tuple[Any, ...]],
                quotes: list[tuple[Any, ...]]) -> Extraction:
    local = {a.key: a.id for a in actors}
    return Extraction(
        article=_article(row[1:]), actors=actors, events=tuple(_event(e, local) for e in events),
        quotes=tuple(_quote(q, local) for q in quotes),
    )  # fmt: skip


def _quote(row: tuple[Any, ...], local: dict[str, str]) -> Quote:
    quote_id, key, speaker_text, text, kind, cue, start, end, stance, about = row
    return Quote(quote_id, local[key] if key is not None else None, speaker_text, text, kind, cue, (start, end),
                 stance, tuple(local[k] for k in about or ()))


def reports(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> dict[str, tuple[Report, ...]]:
    """Every document that reported each of the articles (original, near-duplicates, copies)."""
    found: dict[str, list[Report]] = defaultdict(list)
    for row in con.execute(
        "SELECT article_id, text_id, doc_id, url, outlet, published, source, kind FROM reports"
        " WHERE list_contains(?::VARCHAR[], article_id)"
        " ORDER BY article_id, kind <> 'original', published NULLS LAST, outlet NULLS LAST, doc_id",
        [article_ids],
    ).fetchall():
        found[row[0]].append(Report(*row))
    return {key: tuple(value) for key, value in found.items()}
