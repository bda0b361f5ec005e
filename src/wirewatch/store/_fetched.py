"""The fetch log: what `watch` knows of each feed and of each entry's page, kept in the store itself.

``feeds`` holds one row per feed: the ``ETag`` and ``Last-Modified`` to send back, and how the last poll went.
``fetched_urls`` holds one row per entry link, which moves through these states::

    queued ──► held ──► stored | duplicate | failed        (held: the page is fetched and kept here)
       ├─────► skipped                                     (robots.txt forbids it; never requested)
       └─────► failed                                      (404 and the like, or too many failed tries)

A feed's new entries are queued in the same transaction that saves its ``ETag``, so a 304 can never hide an
entry that was not recorded; a page is held as soon as it is fetched, so a run killed before its article is
stored goes on from the page and does not request it again; an article and its URL's new state are written in
one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import duckdb

from ..records import Extraction, Failure
from . import _write
from ._schema import db_errors as _errors
from ._schema import transaction

__all__ = ["FeedEntry", "FeedState", "FetchLog", "QueuedUrl"]


@dataclass(frozen=True, slots=True)
class FeedState:
    """A feed as last polled: validators for the next conditional request, and how the poll went."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    status: int | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One entry of a feed: the page it links to, its title and its date."""

    url: str
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class QueuedUrl:
    """An entry whose page is still to be stored; ``page`` is set when an earlier run fetched it already."""

    url: str
    feed_url: str
    title: str | None
    published: date | None
    attempts: int
    page: str | None = None
    page_format: str | None = None
    final_url: str | None = None


_QUEUED = (
    "SELECT url, feed_url, title, published, attempts, page, page_format, final_url FROM fetched_urls"
    " WHERE state IN ('queued', 'held') ORDER BY state = 'held' DESC, first_seen, published, url"
)
_FEED_UPSERT = (
    "INSERT INTO feeds (feed_url, etag, last_modified, title, status, error, polled_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (feed_url) DO UPDATE SET etag = excluded.etag,"
    " last_modified = excluded.last_modified, title = excluded.title, status = excluded.status,"
    " error = excluded.error, polled_at = excluded.polled_at"
)
_ENTRY_INSERT = (
    "INSERT INTO fetched_urls (url, feed_url, title, published, state, attempts, first_seen, updated_at)"
    " SELECT unnest(?::VARCHAR[]), ?, unnest(?::VARCHAR[]), unnest(?::DATE[]), 'queued', 0, ?, ?"
    " ON CONFLICT (url) DO NOTHING RETURNING url"
)


class FetchLog:
    """The fetch tables of one open store (see the module docstring); get it from ``Store.fetch_log``."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._con = connection

    def feed(self, url: str) -> FeedState | None:
        """The feed's state after its last poll, or None if it was never polled."""
        with _errors(f"read the state of feed {url!r}"):
            row = self._con.execute(
                "SELECT feed_url, etag, last_modified, title, status, error FROM feeds WHERE feed_url = ?", [url]
            ).fetchone()
        return FeedState(*row) if row is not None else None

    def record_feed(self, state: FeedState, entries: Sequence[FeedEntry]) -> int:
        """Save the feed's state and queue its entries not seen before, in one transaction; return how many."""
        firsts: dict[str, FeedEntry] = {}
        for entry in entries:
            firsts.setdefault(entry.url, entry)
        fresh = list(firsts.values())
        new = 0
        with _errors(f"record the entries of feed {state.url!r}"), transaction(self._con):
            if fresh:
                now = _now()
                new = len(self._con.execute(_ENTRY_INSERT, [[e.url for e in fresh], state.url,
                                                            [e.title for e in fresh], [e.published for e in fresh],
                                                            now, now]).fetchall())  # fmt: skip
            self._con.execute(_FEED_UPSERT, [state.url, state.etag, state.last_modified, state.title, state.status,
                                             state.error, _now()])  # fmt: skip
        return new

    def queued(self, limit: int | None = None) -> list[QueuedUrl]:
        """Entries still to store, held pages first, then oldest first; at most ``limit`` of them."""
        with _errors("list the queued URLs"):
            sql = _QUEUED + (" LIMIT ?" if limit is not None else "")
            rows = self._con.execute(sql, [limit] if limit is not None else []).fetchall()
        return [QueuedUrl(*row) for row in rows]

    def hold(self, url: str, page: str, *, status: int, page_format: str | None, final_url: str) -> None:
        """Keep a fetched page until its article is stored, so that it is never requested again."""
        with _errors(f"hold the page of {url!r}"):
            self._con.execute(
                "UPDATE fetched_urls SET state = 'held', page = ?, http_status = ?, page_format = ?,"
                " final_url = ?, updated_at = ? WHERE url = ?", [page, status, page_format, final_url, _now(), url],
            )  # fmt: skip

    def settle(self, url: str, result: Extraction | Failure) -> bool:
        """Store a page's article (or its failure) and the URL's final state in one transaction.

        Returns True when an article was added, False for a failure or an article stored already (a duplicate).
        """
        with _errors(f"store the article of {url!r}"), transaction(self._con):
            if isinstance(result, Failure):
                _write.add_failure(self._con, result)
                self._set(url, "failed", error=result.error)
                return False
            added = _write.insert(self._con, result)
            self._set(url, "stored" if added else "duplicate", article_id=result.article.content_hash)
            return added

    def skip(self, url: str, reason: str) -> None:
        """Mark a URL that robots.txt forbids: it is never requested."""
        with _errors(f"mark {url!r} as skipped"):
            self._set(url, "skipped", error=reason)

    def fail(self, failure: Failure, *, status: int | None = None) -> None:
        """Record a URL that failed for good, and its failure, in one transaction."""
        with _errors(f"record the failure of {failure.where!r}"), transaction(self._con):
            _write.add_failure(self._con, failure)
            self._set(failure.where, "failed", error=failure.error, status=status)

    def defer(self, url: str, error: str, *, status: int | None = None) -> int:
        """Count one more failed try of a URL, for a reason that may pass; return its failed tries so far."""
        with _errors(f"record a failed try of {url!r}"):
            row = self._con.execute(
                "UPDATE fetched_urls SET attempts = attempts + 1, error = ?, http_status = ?, updated_at = ?"
                " WHERE url = ? RETURNING attempts", [error, status, _now(), url],
            ).fetchone()  # fmt: skip
        return int(row[0]) if row is not None else 0

    def retry_failed(self) -> int:
        """Queue every URL that failed again (after a fix, or when a site is back); return how many."""
        with _errors("queue the failed URLs again"):
            rows = self._con.execute(
                "UPDATE fetched_urls SET state = 'queued', attempts = 0, updated_at = ? WHERE state = 'failed'"
                " RETURNING url", [_now()],
            ).fetchall()  # fmt: skip
        return len(rows)

    def counts(self) -> dict[str, int]:
        """How many URLs are in each state."""
        with _errors("count the fetched URLs"):
            rows = self._con.execute("SELECT state, count(*) FROM fetched_urls GROUP BY state").fetchall()
        return {state: int(n) for state, n in rows}

    def _set(self, url: str, state: str, *, error: str | None = None, article_id: str | None = None,
             status: int | None = None) -> None:
        self._con.execute(
            "UPDATE fetched_urls SET state = ?, error = ?, article_id = ?, http_status = coalesce(?, http_status),"
            " page = NULL, updated_at = ? WHERE url = ?", [state, error, article_id, status, _now(), url],
        )  # fmt: skip


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


