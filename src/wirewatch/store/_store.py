"""The :class:`Store`: one DuckDB database (a file, or ``":memory:"``) holding extractions and failures."""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping
from datetime import date
from types import TracebackType
from typing import Any

import duckdb

from ..config import DEFAULTS
from ..records import Extraction, Failure
from . import _pages, _parquet, _people, _queries, _schema, _series, _write
from ._dedup import Duplicates, Report
from ._fetched import FetchLog
from ._filters import ASSERTED, ActorQuery, EventQuery, QuoteQuery, make_query
from ._pages import ArticleRow, EventFilter, Page
from ._parquet import ShardLoad, Unify
from ._rows import ActorRow, EventRow, QuoteRow, Summary
from ._schema import db_errors as _errors
from ._series import Activity, DyadPeriod, Network

__all__ = ["Store"]


class Store:
    """The embedded DuckDB store; open it with :meth:`Store.open`, preferably as a context manager.

    One store is one connection: use it from one thread at a time; :meth:`cursor` gives another thread its own
    connection to the same database (its reads see committed writes of any connection).
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, *, path: str = ":memory:") -> None:
        self._con = connection
        self.path = path

    @classmethod
    def open(cls, path: str | os.PathLike[str] = DEFAULTS.store.path, *, read_only: bool = False) -> Store:
        """Open (or create) the store at ``path``, migrating its schema to this wirewatch's version."""
        where = os.fspath(path)
        with _errors(f"open the store {where!r}"):
            con = duckdb.connect(where, read_only=read_only)
        try:
            with _errors(f"migrate the store {where!r}"):
                if read_only:
                    _schema.check_version(con, read_only=True)
                else:
                    _schema.migrate(con)
        except BaseException:
            con.close()
            raise
        return cls(con, path=where)

    def cursor(self) -> Store:
        """Another connection to the same database, for another thread; close it when done."""
        with _errors("open a cursor"):
            return Store(self._con.cursor(), path=self.path)

    def close(self) -> None:
        """Close the database; the store cannot be used afterwards."""
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    @property
    def version(self) -> int:
        """The schema version of the database."""
        with _errors("read the schema version"):
            return _schema.current_version(self._con)

    def add(self, extraction: Extraction) -> bool:
        """Store an article and all it holds in one transaction; False, storing nothing, if already stored."""
        with _errors(f"store article {extraction.article.id!r}"):
            return _write.add(self._con, extraction)

    @property
    def duplicates(self) -> Duplicates:
        """Exact copies of stored articles, the signatures of coded originals, and who reported what."""
        return Duplicates(self._con)

    def reports(self, article_id: str) -> tuple[Report, ...]:
        """Every document that reported an article's events (original, near-duplicates, exact copies; their
        outlets, URLs and dates); the view ``event_reports`` gives the same for each event."""
        return self.duplicates.reports(article_id)

    @property
    def fetch_log(self) -> FetchLog:
        """The state of polled feeds and of each entry's page (what ``wirewatch watch`` fetched)."""
        return FetchLog(self._con)

    def load_shard(self, files: Mapping[str, str | os.PathLike[str]], *, unify: Unify | None = None) -> ShardLoad:
        """Load a Parquet shard written by ``wirewatch batch`` (table name → file) in one transaction.

        Articles already stored are skipped; ``unify`` (``resolve.unify_people``) merges unknown people with
        stored ones as :meth:`add`'s callers do. Loading the same shard again adds nothing.
        """
        with _errors(f"load the shard {files.get('articles')!r}"):
            return _parquet.load_shard(self._con, {table: os.fspath(path) for table, path in files.items()},
                                       unify=unify)

    def add_failure(self, failure: Failure) -> None:
        """Record a document that could not be read or processed."""
        with _errors(f"record the failure of {failure.id!r}"):
            _write.add_failure(self._con, failure)

    def has(self, content_hash: str) -> bool:
        """Whether the article with this content hash is stored."""
        with _errors("look up an article"):
            return _write.has(self._con, content_hash)

    def extraction(self, content_hash: str) -> Extraction | None:
        """The stored extraction of the article with this content hash, or None if it is not stored."""
        with _errors("read an article"):
            return _queries.load(self._con, content_hash)

    def events(self, query: EventQuery | None = None, /, **filters: Any) -> list[EventRow]:
        """Stored events matching ``query`` (or :class:`EventQuery`'s filters as keywords), ordered by date."""
        query = make_query(EventQuery, query, filters)
        with _errors("query events"):
            return _queries.events(self._con, query)

    def actors(self, query: ActorQuery | None = None, /, **filters: Any) -> list[ActorRow]:
        """Stored actors (:class:`ActorQuery`), most mentioned first, with their surface forms."""
        query = make_query(ActorQuery, query, filters)
        with _errors("list actors"):
            return _people.actors(self._con, query)

    def unknown_people(self, country: str) -> list[tuple[str, str, str | None]]:
        """(key, name, sector) of the stored people who are not in the knowledge base, for one country."""
        with _errors("look up people"):
            return self._con.execute(
                "SELECT actor_key, name, sector FROM actors WHERE actor_key LIKE 'person~%' AND country = ?"
                " ORDER BY actor_key", [country],
            ).fetchall()

    def quotes(self, query: QuoteQuery | None = None, /, **filters: Any) -> list[QuoteRow]:
        """Stored quotes (:class:`QuoteQuery`: by a speaker, about an actor or words), in publication order."""
        query = make_query(QuoteQuery, query, filters)
        with _errors("query quotes"):
            return _people.quotes(self._con, query)

    def summary(self, *, top: int = 10, modalities: Collection[str] = ASSERTED) -> Summary:
        """Row counts, events by PLOVER type and the ``top`` pairs of countries, over ``modalities``."""
        with _errors("summarise the store"):
            return _queries.summary(self._con, top=top, modalities=modalities)

    def events_page(self, where: EventFilter, *, limit: int = 50, cursor: str | None = None) -> Page[EventRow]:
        """Events that ``where`` keeps, newest first, ``limit`` to a page, after ``cursor`` (a page's next_cursor)."""
        with _errors("query events"):
            return _pages.events_page(self._con, where, limit=limit, cursor=cursor)

    def articles_page(
        self, *, since: date | None = None, until: date | None = None, outlet: str | None = None,
        words: str | None = None, limit: int = 50, cursor: str | None = None,
    ) -> Page[ArticleRow]:
        """Stored articles, newest first; ``words`` are looked for in the title and text."""
        with _errors("list articles"):
            return _pages.articles_page(self._con, since=since, until=until, outlet=outlet, words=words,
                                        limit=limit, cursor=cursor)

    def quotes_page(
        self, *, speaker: str | None = None, about: str | None = None, limit: int = 50, cursor: str | None = None
    ) -> Page[QuoteRow]:
        """Quotes as :meth:`quotes` filters them, newest first, a page at a time."""
        with _errors("query quotes"):
            return _pages.quotes_page(self._con, speaker=speaker, about=about, limit=limit, cursor=cursor)

    def actors_page(
        self, *, country: str | None = None, kind: str | None = None, name: str | None = None, limit: int = 50,
        cursor: str | None = None,
    ) -> Page[ActorRow]:
        """Actors as :meth:`actors` filters them, most mentioned first, a page at a time."""
        with _errors("list actors"):
            return _pages.actors_page(self._con, country=country, kind=kind, name=name, limit=limit, cursor=cursor)

    def dyad_series(self, where: EventFilter, *, interval: str = "month") -> list[DyadPeriod]:
        """Events that ``where`` keeps counted by period (day, week, month, year) and QuadClass."""
        with _errors("count a dyad's events"):
            return _series.dyad_series(self._con, where, interval=interval)

    def activity(self, *, interval: str = "month") -> list[Activity]:
        """Articles published and events dated in each period."""
        with _errors("count articles and events by period"):
            return _series.activity(self._con, interval=interval)

    def network(self, where: EventFilter, *, edges: int = 60) -> Network:
        """The busiest source-to-target pairs of actors among the events ``where`` keeps, and their actors."""
        with _errors("build the network"):
            return _series.network(self._con, where, edges=edges)
