"""The ``watch`` command: poll feeds, with progress bars during a poll and a summary line after it."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import click
from rich.progress import Progress

from .. import api, fetch
from .common import db_option, err, guard, load, problems
from .render import bar

__all__ = ["watch"]


@click.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--interval", type=click.FloatRange(min=1), default=900, show_default=True,
              help="Seconds between polls.")
@click.option("--once", is_flag=True, help="Poll once, store what is new, and exit.")
@click.option("--max-items", type=click.IntRange(min=1),
              help="Stop after handling this many entries' pages; the others wait for the next run.")
@click.option("--delay", type=click.FloatRange(min=0),
              help="Seconds between two requests to one host (overrides fetch.per_host_delay).")
@click.option("--user-agent", help="User-Agent header to send (overrides fetch.user_agent).")
@click.option("--retry-failed", is_flag=True, help="Queue the pages that failed on earlier runs again.")
@click.pass_context
def watch(ctx: click.Context, feeds: tuple[str, ...], db: str | None, interval: float, once: bool,
          max_items: int | None, delay: float | None, user_agent: str | None, retry_failed: bool) -> None:
    """Poll RSS/Atom feeds and store each new entry's article; stop any time, a re-run goes on from there."""
    config = load(ctx, **{"store.path": db, "fetch.per_host_delay": delay, "fetch.user_agent": user_agent})
    view = _WatchView(config.store.path, len(feeds), interval=None if once else interval)
    try:
        with _sigterm_stops():
            guard(lambda: api.watch(feeds, config=config, interval=interval, once=once, max_items=max_items,
                                    retry_failed=retry_failed, progress=view.step, on_poll=view.done))
    except KeyboardInterrupt:
        view.stop()
        err.print("Stopped. Everything fetched so far is kept: run the same command to go on.")
        ctx.exit(130)
    if view.feed_failures:
        ctx.exit(1)


@contextmanager
def _sigterm_stops() -> Iterator[None]:
    """Within the block, a kill (SIGTERM) stops like Ctrl-C, so the open transaction is rolled back cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(_signum: int, _frame: Any) -> None:
    raise KeyboardInterrupt


class _WatchView:
    """Progress bars during a poll of `watch`, and a summary line after it."""

    def __init__(self, db: str, feeds: int, *, interval: float | None) -> None:
        self.db, self.feeds, self.interval = db, feeds, interval
        self.feed_failures = 0
        self._bar: Progress | None = None
        self._feeds: Any = None
        self._pages: Any = None
        self._fetched = 0

    def step(self, step: fetch.Step) -> None:
        if self._bar is None:
            self._bar = bar(transient=True)
            self._bar.start()
            self._feeds = self._bar.add_task("polling feeds", total=self.feeds)
        if step.kind == "feed":
            self._bar.advance(self._feeds)
        elif step.kind == "queue":
            self._fetched = 0
            self._pages = self._bar.add_task("pages (0 fetched)", total=step.count)
        elif self._pages is None:
            return
        elif step.outcome == "fetched":
            self._fetched += 1
            self._bar.update(self._pages, description=f"pages ({self._fetched} fetched)")
        else:
            self._bar.advance(self._pages)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
        self._bar, self._pages = None, None

    def done(self, report: fetch.PollReport) -> None:
        self.stop()
        self.feed_failures += len(report.feed_failures)
        now = datetime.now().strftime("%H:%M:%S")
        err.print(f"[bold]{now}[/bold] {report.feeds} feeds polled, {report.unchanged} unchanged (304); "
                  f"{report.new_entries} new entries; {report.fetched} pages fetched; {report.added} articles "
                  f"stored in {self.db} ({report.duplicates} already there); {report.skipped} skipped by robots.txt; "
                  f"{len(report.failures)} failed; {report.deferred} to retry later; {report.events} events coded; "
                  f"{report.waiting} entries waiting.", highlight=False)
        for failure in (*report.feed_failures, *report.failures):
            problems.print(f"  [red]failed[/red] {failure.where}: {failure.error}", highlight=False)
        if self.interval is not None:
            err.print(f"[dim]next poll in {self.interval:g} s; Ctrl-C stops[/dim]", highlight=False)
