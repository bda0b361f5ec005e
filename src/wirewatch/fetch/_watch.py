"""The watch loop: poll feeds, queue their new entries, fetch each entry's page once, store its article.

Every step leaves its trace in the store before the next begins (see :mod:`wirewatch.store._fetched`), so a
run stopped at any point, by Ctrl-C or a kill, loses nothing and requests nothing twice when started again.
Feeds are fetched without consulting robots.txt (the user named them); pages are fetched only where the
host's robots.txt allows it.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from typing import Literal
from urllib.parse import urlsplit

from ..errors import FetchError
from ..records import Extraction, Failure, RawDocument
from ..reports import StoreCounts
from ..resolve import unify_people
from ..store import FeedState, FetchLog, QueuedUrl, Store
from ._feeds import parse_feed
from ._fetcher import Fetcher
from ._pages import decode_page, page_kind

__all__ = ["GIVE_UP_AFTER", "Extract", "PollReport", "Step", "poll", "watch"]

#: Polls on which a page may fail for a passing reason (timeouts, 5xx, 429) before it counts as failed.
GIVE_UP_AFTER = 3

Extract = Callable[[Iterable[RawDocument]], Iterable[Extraction | Failure]]
StepKind = Literal["feed", "queue", "page"]

_ACCEPT_FEED = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
_ACCEPT_PAGE = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.5, */*;q=0.1"


@dataclass(frozen=True, slots=True)
class Step:
    """One thing the loop just did, for a progress display.

    ``feed``: a feed polled (``outcome`` is ``new``, ``unchanged`` or ``failed``, ``count`` its new entries);
    ``queue``: the pages this poll will handle (``count``); ``page``: one handled (``fetched``, ``stored``,
    ``duplicate``, ``skipped``, ``deferred`` or ``failed``).
    """

    kind: StepKind
    url: str
    outcome: str = ""
    count: int = 0


@dataclass(slots=True)
class PollReport(StoreCounts):
    """What one poll did: feeds polled and unchanged (304), entries queued, pages fetched, and the articles added
    (``added``), held already (``duplicates``) or failed (``failures``), as :class:`StoreCounts` counts them."""

    feeds: int = 0
    unchanged: int = 0
    new_entries: int = 0
    taken: int = 0
    fetched: int = 0
    skipped: int = 0
    deferred: int = 0
    waiting: int = 0
    feed_failures: list[Failure] = field(default_factory=list)


def watch(
    feeds: Sequence[str],
    *,
    open_store: Callable[[], AbstractContextManager[Store]],
    fetcher: Fetcher,
    extract: Extract,
    interval: float,
    once: bool = False,
    max_items: int | None = None,
    progress: Callable[[Step], None] | None = None,
    on_poll: Callable[[PollReport], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Poll every ``interval`` seconds (once with ``once``) until ``max_items`` pages are handled; return polls.

    The store is open only during a poll, so other commands can read it between polls.
    """
    polls, left = 0, max_items
    while True:
        with open_store() as store:
            report = poll(store, feeds, fetcher=fetcher, extract=extract, max_items=left, progress=progress)
        polls += 1
        if on_poll is not None:
            on_poll(report)
        if left is not None:
            left -= report.taken
        if once or (left is not None and left <= 0):
            return polls
        sleep(interval)


def poll(
    store: Store,
    feeds: Sequence[str],
    *,
    fetcher: Fetcher,
    extract: Extract,
    max_items: int | None = None,
    progress: Callable[[Step], None] | None = None,
) -> PollReport:
    """Poll each feed once, then fetch and store the queued pages (at most ``max_items``)."""
    report, log = PollReport(), store.fetch_log
    tell = progress or _ignore
    for feed in feeds:
        _poll_feed(log, feed, fetcher, report, tell)
    queue = _interleave(log.queued(max_items))
    report.taken = len(queue)
    tell(Step("queue", "", count=len(queue)))
    for result in extract(_documents(queue, log, fetcher, report, tell)):
        tell(Step("page", *_settle(store, result, report)))
    counts = log.counts()
    report.waiting = counts.get("queued", 0) + counts.get("held", 0)
    return report


def _ignore(_step: Step) -> None:
    return None


def _settle(store: Store, result: Extraction | Failure, report: PollReport) -> tuple[str, str]:
    """Store one page's article (as `ingest` does) or its failure, with its URL's state; (url, outcome)."""
    if isinstance(result, Failure):
        store.fetch_log.settle(str(result.id), result)
        return str(result.id), report.count(result)
    url = result.article.id  # the document id is the entry's URL
    return url, report.count(result, added=store.fetch_log.settle(url, unify_people(result, store.unknown_people)))


def _poll_feed(log: FetchLog, url: str, fetcher: Fetcher, report: PollReport, tell: Callable[[Step], None]) -> None:
    report.feeds += 1
    before = log.feed(url) or FeedState(url)
    headers = {"Accept": _ACCEPT_FEED}
    if before.etag:
        headers["If-None-Match"] = before.etag
    if before.last_modified:
        headers["If-Modified-Since"] = before.last_modified
    try:
        response = fetcher.get(url, headers=headers)
        if response.status == 304:
            log.record_feed(replace(before, status=304, error=None), ())
            report.unchanged += 1
            tell(Step("feed", url, "unchanged"))
            return
        if not 200 <= response.status < 300:
            raise FetchError(url, f"HTTP {response.status}; check the feed's address", status=response.status)
        parsed = parse_feed(response.body, url=response.url, headers=response.headers)
    except FetchError as err:
        log.record_feed(replace(before, status=err.status, error=err.reason), ())
        report.feed_failures.append(Failure(url, url, f"feed not polled: {err.reason}"))
        tell(Step("feed", url, "failed"))
        return
    state = FeedState(url, response.header("etag"), response.header("last-modified"), parsed.title, response.status)
    new = log.record_feed(state, parsed.entries)
    report.new_entries += new
    if parsed.problem is not None:  # what could be read is queued; the feed is reported as failed
        report.feed_failures.append(Failure(url, url, f"feed read only in part: {parsed.problem}"))
        tell(Step("feed", url, "failed"))
        return
    tell(Step("feed", url, "new", count=new))


def _interleave(queue: list[QueuedUrl]) -> list[QueuedUrl]:
    """Held pages first, then one URL per host in turn, so that no host's delay holds up the others."""
    held = [item for item in queue if item.page is not None]
    hosts: dict[str, deque[QueuedUrl]] = {}
    for item in queue:
        if item.page is None:
            hosts.setdefault(urlsplit(item.url).netloc.lower(), deque()).append(item)
    order = held
    while hosts:
        for host in list(hosts):
            order.append(hosts[host].popleft())
            if not hosts[host]:
                del hosts[host]
    return order


def _documents(queue: list[QueuedUrl], log: FetchLog, fetcher: Fetcher, report: PollReport,
               tell: Callable[[Step], None]) -> Iterator[RawDocument]:
    """The raw documents of the queued pages: held ones as they are, the others fetched (and held) first."""
    for item in queue:
        if item.page is None:
            fetched = _fetch(item, log, fetcher, report, tell)
            if fetched is None:
                continue
            item = fetched
        yield _document(item)


def _fetch(item: QueuedUrl, log: FetchLog, fetcher: Fetcher, report: PollReport,
           tell: Callable[[Step], None]) -> QueuedUrl | None:
    """Fetch a queued page politely and hold it; None (with its outcome recorded) when there is no page."""
    url = item.url
    try:
        response = fetcher.get(url, headers={"Accept": _ACCEPT_PAGE}, robots=True)
        if response.status != 200:
            raise FetchError(url, f"HTTP {response.status}: the page is missing or refused", status=response.status)
        kind = page_kind(response.header("content-type"), url)
        page = decode_page(response.body, response.header("content-type"))
    except FetchError as err:
        if err.forbidden:
            log.skip(url, err.reason)
            report.skipped += 1
            tell(Step("page", url, "skipped"))
        else:
            _failed(item, err, log, report, tell)
        return None
    log.hold(url, page, status=response.status, page_format=kind, final_url=response.url)
    report.fetched += 1
    tell(Step("page", url, "fetched"))
    return replace(item, page=page, page_format=kind, final_url=response.url)


def _failed(item: QueuedUrl, err: FetchError, log: FetchLog, report: PollReport,
            tell: Callable[[Step], None]) -> None:
    reason = err.reason
    if err.transient and not err.requested:  # put off without a request: no failed try to count
        report.deferred += 1
        tell(Step("page", item.url, "deferred"))
        return
    if err.transient:
        tries = log.defer(item.url, reason, status=err.status)
        if tries < GIVE_UP_AFTER:
            report.deferred += 1
            tell(Step("page", item.url, "deferred"))
            return
        reason = f"{reason}; failed on {tries} polls, given up"
    failure = Failure(item.url, item.url, reason)
    log.fail(failure, status=err.status)
    report.failures.append(failure)
    tell(Step("page", item.url, "failed"))


def _document(item: QueuedUrl) -> RawDocument:
    url = item.final_url or item.url
    if item.page_format == "text":
        return RawDocument(id=item.url, source=item.url, text=item.page, url=url, title=item.title,
                           published=item.published)
    return RawDocument(id=item.url, source=item.url, html=item.page, url=url, title=item.title,
                       fallback_published=item.published)

