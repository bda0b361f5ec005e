"""The store stage: extractions kept in one embedded DuckDB database, and the queries over it.

Tables map one-to-one to the records: ``articles`` (keyed by ``Article.content_hash``), ``actors`` (keyed by
``Actor.key``, shared by every article), ``article_actors`` (each article's local actor ids), ``mentions``,
``events``, ``quotes`` and ``failures``; ``event_pairs`` is a view with one row per source country and
target country of an event. ``schema_version`` records the migrations applied.

    with Store.open("news.duckdb") as store:
        store.add(extraction)                      # False if the article was already stored
        rows = store.events(source="RUS", type="ASSAULT")
"""

from __future__ import annotations

from ._rows import ActorRow, CountryPair, EventRow, QuoteRow, Summary
from ._schema import SCHEMA_VERSION
from ._store import Store

__all__ = ["ActorRow", "CountryPair", "EventRow", "QuoteRow", "SCHEMA_VERSION", "Store", "Summary"]
