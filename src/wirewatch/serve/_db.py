"""The server's use of DuckDB: one database opened once; a cursor (its own connection) for each reading request,
so readers never wait for the writer and see what it has committed; writes take turns behind one lock."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from .. import api
from ..config import Config, load_config
from ..errors import WirewatchError
from ..records import Extraction, Failure, RawDocument
from ..store import Store

if TYPE_CHECKING:
    from ..dedup import DuplicateIndex

__all__ = ["Busy", "Database", "ReadOnly"]


class ReadOnly(WirewatchError):
    """The server opened its store read-only: nothing can be written."""


class Busy(WirewatchError):
    """The writer stayed busy longer than a write may wait."""


class Database:
    """One store shared by a server's threads."""

    def __init__(self, path: str, *, read_only: bool = False, config: Config | None = None) -> None:
        self.path, self.read_only = path, read_only
        self.config = config or load_config()
        self._root = Store.open(path, read_only=read_only)
        self._lock = threading.Lock()
        self._writer: Store | None = None
        self._index: DuplicateIndex | None = None
        #: Counts the writes ended; an answer computed in one generation holds until the next write.
        self.generation = 0

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A store over a connection of its own, for one request."""
        store = self._root.cursor()
        try:
            yield store
        finally:
            store.close()

    @contextmanager
    def writing(self, *, wait: float = -1) -> Iterator[Store]:
        """The writer's store, held alone for the block (waiting at most ``wait`` seconds; -1 for ever)."""
        if self.read_only:
            raise ReadOnly("this server opened its store read-only; restart it without --read-only to write")
        if not self._lock.acquire(timeout=wait):
            raise Busy(f"the store was busy writing for {wait:g} s; try again later")
        try:
            yield self._open_writer()
        finally:
            self.generation += 1
            self._lock.release()

    def _open_writer(self) -> Store:
        """The writer's connection and the index of coded originals, made at the first write (under the lock)."""
        if self._writer is None:
            self._writer = self._root.cursor()
            self._index = api.duplicate_index(self._writer, self.config)
        return self._writer

    def duplicates(self) -> DuplicateIndex | None:
        """The index of the store's coded originals that every write shares (None when not looked for)."""
        with self.writing():
            return self._index

    def ingest(self, documents: Iterable[RawDocument | Failure], *, wait: float) -> tuple[api.IngestReport,
                                                                                        list[Extraction | Failure]]:
        """Extract and store ``documents`` through the usual pipeline; the report and each document's result."""
        results: list[Extraction | Failure] = []

        def keep(result: Extraction | Failure | None) -> None:
            if result is not None:
                results.append(result)

        with self.writing(wait=wait) as store:
            report = api.ingest(documents=documents, store=store, config=self.config, duplicates=self._index,
                                progress=keep)
        return report, results

    def close(self) -> None:
        """Close every connection; the database cannot be used afterwards."""
        with self._lock:
            if self._writer is not None:
                self._writer.close()
            self._root.close()
