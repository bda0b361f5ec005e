"""Duplicates in the store: exact copies of stored articles, the signatures of coded originals, and reports.

``copies`` holds one row per document whose text repeats a stored article exactly (another outlet, URL or
feed); the article is stored once, the copy is recorded here. ``signatures`` holds the MinHash of every coded
original, so that near-duplicates arriving in a later run are caught (see :mod:`wirewatch.dedup`). The view
``reports`` lists every document that reported an article: the original, its near-duplicates (stored articles
with ``duplicate_of``) and the exact copies of either; ``event_reports`` lists them for each event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import duckdb

from ..records import Article
from ._schema import db_errors as _errors

if TYPE_CHECKING:
    from ..dedup import Signature

__all__ = ["Duplicates", "Report", "record_copy"]

_BATCH = 10_000  # signatures read at a time
_NEWEST_ORIGINALS = (
    "SELECT article_id, ingested_at FROM articles WHERE duplicate_of IS NULL AND not_coded IS NULL AND text <> ''"
    " ORDER BY ingested_at DESC, article_id DESC LIMIT ?"
)


@dataclass(frozen=True, slots=True)
class Report:
    """One document that reported an article: the ``original``, a ``near-duplicate`` or an exact ``copy``."""

    article_id: str  # the coded article whose events the document reports
    text_id: str  # the stored article whose text the document carries
    doc_id: str
    url: str | None
    outlet: str | None
    published: dt.date | None
    source: str
    kind: str


def record_copy(con: duckdb.DuckDBPyConnection, article_id: str, article: Article) -> bool:
    """Record a document whose text repeats the stored article ``article_id``; False when it is that very
    document (same id) or is recorded already."""
    before = _count(con)
    con.execute(
        "INSERT INTO copies (article_id, doc_id, url, outlet, published, source, recorded_at)"
        " SELECT ?, ?, ?, ?, ?, ?, ?"
        " WHERE NOT EXISTS (SELECT 1 FROM articles WHERE article_id = ? AND doc_id = ?)"
        " ON CONFLICT DO NOTHING",
        [article_id, article.id, article.url, article.outlet, article.published, article.source,
         datetime.now(UTC).replace(tzinfo=None), article_id, article.id],
    )  # fmt: skip
    return _count(con) > before


def _count(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT count(*) FROM copies").fetchone()
    return int(row[0]) if row else 0


class Duplicates:
    """The store's record of copies and signatures (``Store.duplicates``); one connection, one thread."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._con = connection

    def unsigned(self, scheme: str, *, newest: int) -> list[tuple[str, str]]:
        """(article_id, text) of the coded originals among the ``newest`` that have no signature of ``scheme``."""
        with _errors("list unsigned articles"):
            return self._con.execute(
                f"WITH recent AS ({_NEWEST_ORIGINALS})"
                " SELECT a.article_id, a.text FROM recent JOIN articles AS a USING (article_id)"
                " WHERE NOT EXISTS (SELECT 1 FROM signatures AS s WHERE s.article_id = a.article_id AND s.scheme = ?)"
                " ORDER BY a.ingested_at, a.article_id", [newest, scheme],
            ).fetchall()  # fmt: skip

    def add_signatures(self, signatures: Iterable[tuple[str, Signature]]) -> None:
        """Store the signatures of coded originals (one already stored is kept)."""
        rows = [(key, sig.scheme, sig.values) for key, sig in signatures]
        if not rows:
            return
        with _errors("store signatures"):
            self._con.execute(
                "INSERT INTO signatures (article_id, scheme, minhash)"
                " SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::BLOB[]) ON CONFLICT DO NOTHING",
                [list(column) for column in zip(*rows, strict=True)],
            )

    def signatures(self, scheme: str, *, newest: int) -> Iterator[tuple[str, bytes]]:
        """(article_id, minhash) of the ``newest`` coded originals signed with ``scheme``, oldest first."""
        with _errors("read signatures"):
            cursor = self._con.execute(
                f"WITH recent AS ({_NEWEST_ORIGINALS})"
                " SELECT s.article_id, s.minhash FROM recent JOIN signatures AS s USING (article_id)"
                " WHERE s.scheme = ? ORDER BY recent.ingested_at, s.article_id", [newest, scheme],
            )  # fmt: skip
            while rows := cursor.fetchmany(_BATCH):
                yield from ((key, bytes(values)) for key, values in rows)

    def reports(self, article_id: str) -> tuple[Report, ...]:
        """Every document that reported the article (or the article it is a copy of): the original first."""
        with _errors("list reports"):
            rows = self._con.execute(
                "SELECT article_id, text_id, doc_id, url, outlet, published, source, kind FROM reports"
                " WHERE article_id = coalesce((SELECT duplicate_of FROM articles WHERE article_id = ?), ?)"
                " ORDER BY kind <> 'original', published NULLS LAST, outlet NULLS LAST, doc_id",
                [article_id, article_id],
            ).fetchall()  # fmt: skip
        return tuple(Report(*row) for row in rows)


