"""``--watch``: feeds polled inside the server, in a thread, writing through the server's one writer so that
readers keep answering and ``POST /api/articles`` takes its turn between polls."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from .. import fetch
from ..registry import build_pipeline
from ._db import Database

__all__ = ["Watcher"]

log = logging.getLogger("wirewatch.serve")


class _Stopped(Exception):
    """The server is stopping: the watch loop ends between polls."""


class Watcher:
    """Polls ``feeds`` every ``interval`` seconds until stopped; each poll holds the writer while it runs."""

    def __init__(self, db: Database, feeds: Sequence[str], *, interval: float,
                 transport: fetch.Transport | None = None) -> None:
        self.db, self.feeds, self.interval = db, tuple(feeds), interval
        self.transport = transport
        self.polls: list[fetch.PollReport] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wirewatch-watch", daemon=True)

    def start(self) -> None:
        """Begin polling (the first poll at once)."""
        self._thread.start()

    def stop(self, *, wait: float = 30.0) -> None:
        """Stop after the poll under way, if any."""
        self._stop.set()
        self._thread.join(timeout=wait)

    def _run(self) -> None:
        config = self.db.config
        extract = build_pipeline(config, duplicates=self.db.duplicates()).run
        try:
            fetch.watch(self.feeds, open_store=self.db.writing, fetcher=fetch.Fetcher(config.fetch,
                        transport=self.transport), extract=extract, interval=self.interval,
                        on_poll=self._polled, sleep=self._sleep)
        except _Stopped:
            return
        except Exception:  # a watch that dies must not take the server with it; the log tells why
            log.exception("watching feeds stopped")

    def _sleep(self, seconds: float) -> None:
        if self._stop.wait(seconds):
            raise _Stopped

    def _polled(self, report: fetch.PollReport) -> None:
        self.polls.append(report)
        log.warning("watch: %d feeds polled, %d new entries, %d articles stored, %d failed", report.feeds,
                    report.new_entries, report.added, len(report.failures) + len(report.feed_failures))
