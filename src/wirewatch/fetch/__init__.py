"""Fetch: news from the web, politely. Feeds are polled, each new entry's page is fetched once and ingested.

    transport (urllib) ─► Fetcher (User-Agent, robots.txt, per-host delay, retries) ─► feeds ─► watch loop

:class:`Fetcher` makes every request: it sends wirewatch's User-Agent, honours each host's robots.txt (read
once, cached) and a minimum delay between requests to one host, and retries timeouts, connection errors, 429
and 5xx answers with exponential back-off (a ``Retry-After`` that asks for longer wins). :func:`poll` polls
feeds with conditional requests (``If-None-Match``, ``If-Modified-Since``), queues new entries in the store's
fetch log, fetches their pages and stores their articles; :func:`watch` repeats it. The transport is
injectable (anything with ``send(Request) -> Response``), so tests run against a local server or none.
"""

from __future__ import annotations

from ._feeds import ParsedFeed, page_url, parse_feed
from ._fetcher import MAX_REDIRECTS, MAX_WAIT, ROBOTS_TTL, Fetcher
from ._http import Request, Response, Transport, TransportError, UrllibTransport
from ._watch import GIVE_UP_AFTER, Extract, PollReport, Step, poll, watch

__all__ = [
    "Extract",
    "Fetcher",
    "GIVE_UP_AFTER",
    "MAX_REDIRECTS",
    "MAX_WAIT",
    "ParsedFeed",
    "PollReport",
    "ROBOTS_TTL",
    "Request",
    "Response",
    "Step",
    "Transport",
    "TransportError",
    "UrllibTransport",
    "page_url",
    "parse_feed",
    "poll",
    "watch",
]
