"""The store stage: extractions kept in one embedded DuckDB database, and the queries over it.

Tables map one-to-one to the records: ``articles`` (keyed by ``Article.content_hash``), ``actors`` (keyed by
``Actor.key``, shared by every article), ``article_actors`` (each article's local actor ids), ``mentions``,
``events``, ``quotes`` and ``failures``; ``event_pairs`` is a view with one row per source country and
target country of an event. ``copies`` records documents that repeat a stored article's text exactly and
``signatures`` the MinHash of coded originals (see ``Store.duplicates``); the views ``reports`` and
``event_reports`` list every document (original, near-duplicate, copy) that reported an article or event.
``incidents``, ``incident_events`` and ``incident_answers`` group events into incidents (see
``Store.incidents`` and :mod:`wirewatch.incidents`). ``feeds`` and ``fetched_urls`` are the fetch log of
``wirewatch watch`` (see ``Store.fetch_log``).
``schema_version`` records the migrations applied.

    with Store.open("news.duckdb") as store:
        store.add(extraction)                      # False if the article was already stored
        rows = store.events(source="RUS", type="ASSAULT")
"""

from __future__ import annotations

from ._dedup import Duplicates, Report
from ._fetched import FeedEntry, FeedState, FetchLog, QueuedUrl
from ._filters import ASSERTED, MODALITIES, ActorQuery, EventQuery, QuoteQuery
from ._incidents import IncidentRow, IncidentTables, LinkRow, UnlinkedEvent
from ._pages import ArticleRow, EventFilter, Page
from ._parquet import SHARD_TABLES, ShardLoad, ShardRows, ShardWrite, shard_files, shard_rows, write_shard
from ._rows import ActorRow, CountryPair, EventRow, QuoteRow, Summary
from ._schema import SCHEMA_VERSION
from ._series import INTERVALS, Activity, DyadPeriod, Network, NetworkEdge, NetworkNode
from ._store import Store

__all__ = ["ASSERTED", "Activity", "ActorQuery", "ActorRow", "ArticleRow", "CountryPair", "Duplicates", "DyadPeriod",
           "EventFilter", "EventQuery", "EventRow", "FeedEntry", "FeedState", "FetchLog", "INTERVALS", "IncidentRow",
           "IncidentTables", "LinkRow", "MODALITIES", "Network", "NetworkEdge", "NetworkNode", "Page", "QueuedUrl",
           "QuoteQuery", "QuoteRow", "Report", "SCHEMA_VERSION", "SHARD_TABLES", "ShardLoad", "ShardRows", "ShardWrite",
           "Store", "Summary", "UnlinkedEvent", "shard_files", "shard_rows", "write_shard"]
