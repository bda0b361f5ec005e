"""The polite fetcher: one User-Agent, robots.txt per host, a delay between requests to a host, retries.

    fetcher = Fetcher(config.fetch)
    response = fetcher.get(url, robots=True)  # 2xx, 304 or a final 4xx; FetchError when no good answer came

A request is retried after a timeout, a connection error, 429 or a 5xx answer, waiting ``backoff`` seconds,
then twice that, and so on, or longer when the server's ``Retry-After`` asks for it. An answer that asks for a
rest longer than :data:`MAX_WAIT` defers only the URL that got it (it fails as transient, to be tried on a later
poll) rather than stalling everything else. Redirects are followed here (at most :data:`MAX_REDIRECTS`), each
hop waiting for its own host and, with ``robots=True``, checked against its own robots.txt. robots.txt is read
once per host and kept for :data:`ROBOTS_TTL`; a ``Crawl-delay`` longer than ``per_host_delay`` is honoured.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urldefrag, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from ..config import FetchConfig
from ..errors import FetchError
from ._http import MAX_BYTES, Request, Response, Transport, TransportError, UrllibTransport
from ._robots import robots_url, rules_from

log = logging.getLogger(__name__)

__all__ = ["MAX_REDIRECTS", "MAX_WAIT", "ROBOTS_TTL", "Fetcher"]

#: The longest pause (seconds) the fetcher sleeps through for one host; a longer Retry-After defers its URLs.
MAX_WAIT = 300.0
#: Seconds a host's robots.txt is trusted before it is read again.
ROBOTS_TTL = 24 * 3600.0
#: Seconds before a robots.txt that could not be read is tried again.
ROBOTS_RETRY = 600.0
#: The longest Crawl-delay (seconds) honoured as such; longer ones are cut to this.
MAX_CRAWL_DELAY = 60.0

#: Redirects followed for one request, as robots.txt's standard (RFC 9309) asks of crawlers.
MAX_REDIRECTS = 5

_RETRIED = frozenset({408, 425, 429})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(slots=True)
class _Robots:
    rules: RobotFileParser | None
    until: float
    error: FetchError | None = None


class Fetcher:
    """GETs URLs politely; keeps per-host state (robots rules, the time of the next allowed request)."""

    def __init__(
        self,
        config: FetchConfig,
        *,
        transport: Transport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self._transport = transport if transport is not None else UrllibTransport()
        self._clock = clock
        self._sleep = sleep
        self._next: dict[str, float] = {}
        self._delay: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}

    def get(self, url: str, *, headers: Mapping[str, str] | None = None, robots: bool = False) -> Response:
        """GET ``url`` politely, following redirects; FetchError when no usable answer came.

        With ``robots``, every address on the way is checked against its host's robots.txt first, and a
        forbidden one raises FetchError with ``forbidden`` set, without being requested.
        """
        target = url
        for _ in range(MAX_REDIRECTS + 1):
            if robots and not self.allowed(target):
                raise FetchError(url, f"robots.txt forbids fetching {target}", forbidden=True)
            response = self._attempts(target, headers)
            location = response.header("location")
            if response.status not in _REDIRECTS or not location:
                return response
            target = urldefrag(urljoin(target, location.strip())).url
            if urlsplit(target).scheme not in {"http", "https"}:
                raise FetchError(url, f"redirected to {target}, which is not an http(s) address")
        raise FetchError(url, f"more than {MAX_REDIRECTS} redirects; the address goes round in circles")

    def _attempts(self, url: str, headers: Mapping[str, str] | None) -> Response:
        """One address, retried after timeouts, connection errors, 429 and 5xx."""
        request = Request(url, {"User-Agent": self.config.user_agent, **(headers or {})}, self.config.timeout,
                          self.config.deadline)
        host = _host(url)
        for attempt in range(self.config.retries + 1):
            last = attempt == self.config.retries
            self._wait_for(host, url)
            try:
                response = self._transport.send(request)
            except TransportError as err:
                self._done(host)
                if err.permanent:
                    raise FetchError(url, str(err)) from err
                if last:
                    raise FetchError(url, f"no answer after {attempt + 1} attempt(s) ({err})", transient=True) from err
                log.info("%s: no answer (%s); trying again", url, err)
                self._sleep(self._backoff(attempt))
                continue
            self._done(host)
            if not _retry(response.status):
                return _checked(response)
            pause = max(self._backoff(attempt), _retry_after(response))
            if last or pause > MAX_WAIT:
                if pause <= MAX_WAIT:  # a longer rest defers this URL only, not the host's other pages
                    self._rest(host, pause)
                raise FetchError(url, _gave_up(response, attempt + 1, pause), status=response.status, transient=True)
            log.info("%s: status %d; trying again in %.1f s", url, response.status, pause)
            self._sleep(pause)
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns or raises

    def allowed(self, url: str) -> bool:
        """Whether the host's robots.txt lets this User-Agent fetch ``url``; FetchError while it cannot be read."""
        robots = self._robots_for(url)
        if robots.error is not None:
            raise FetchError(url, f"robots.txt cannot be read yet ({robots.error.reason})", transient=True,
                             requested=False)
        return robots.rules is None or robots.rules.can_fetch(self.config.user_agent, url)

    def _robots_for(self, url: str) -> _Robots:
        host = _host(url)
        cached = self._robots.get(host)
        if cached is not None and self._clock() < cached.until:
            return cached
        try:
            rules = rules_from(self.get(robots_url(url)))
        except FetchError as err:
            if not err.transient:
                rules = None  # a robots.txt too big or unreadable counts as absent
            else:
                self._robots[host] = _Robots(None, self._clock() + ROBOTS_RETRY, err)
                return self._robots[host]
        if rules is not None and (crawl := rules.crawl_delay(self.config.user_agent)) is not None:
            self._delay[host] = min(float(crawl), MAX_CRAWL_DELAY)
            self._done(host)  # the robots.txt request itself counts
        self._robots[host] = _Robots(rules, self._clock() + ROBOTS_TTL)
        return self._robots[host]

    def _wait_for(self, host: str, url: str) -> None:
        wait = self._next.get(host, 0.0) - self._clock()
        if wait > MAX_WAIT:
            raise FetchError(url, f"the host asked for a rest; trying again in {wait:.0f} s", transient=True,
                             requested=False)
        if wait > 0:
            self._sleep(wait)

    def _done(self, host: str) -> None:
        delay = max(self.config.per_host_delay, self._delay.get(host, 0.0))
        self._next[host] = max(self._next.get(host, 0.0), self._clock() + delay)

    def _rest(self, host: str, seconds: float) -> None:
        self._next[host] = max(self._next.get(host, 0.0), self._clock() + seconds)

    def _backoff(self, attempt: int) -> float:
        return float(self.config.backoff * 2**attempt)


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _retry(status: int) -> bool:
    return status in _RETRIED or (status >= 500 and status != 501)


def _checked(response: Response) -> Response:
    if len(response.body) > MAX_BYTES:
        raise FetchError(response.url, f"the answer is larger than {MAX_BYTES // 2**20} MiB; not a news page")
    return response


def _retry_after(response: Response) -> float:
    """The seconds a Retry-After header asks for (a number or an HTTP date); 0 when absent or unreadable."""
    value = (response.header("retry-after") or "").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _gave_up(response: Response, attempts: int, pause: float) -> str:
    what = f"HTTP {response.status}"
    if pause > MAX_WAIT:
        return f"{what}, and the server asks to wait {pause:.0f} s"
    return f"{what} after {attempts} attempt(s)"
