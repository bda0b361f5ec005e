"""The polite fetcher, feed parsing and the fetch log, against a fake transport and clock (no network, no model)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest

from wirewatch.config import FetchConfig, load_config
from wirewatch.errors import ConfigError, FetchError
from wirewatch.fetch import (
    GIVE_UP_AFTER,
    MAX_WAIT,
    Fetcher,
    Request,
    Response,
    TransportError,
    page_url,
    parse_feed,
    poll,
)
from wirewatch.fetch._pages import decode_page, page_kind
from wirewatch.records import Article, Extraction, Failure, RawDocument
from wirewatch.store import FeedEntry, FeedState, Store

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
SETTINGS = FetchConfig(user_agent="wirewatch/test (+mailto:tests@example.org)", per_host_delay=0.0, timeout=5.0,
                       retries=2, backoff=1.0)
Answer = Response | TransportError


class Clock:
    """A fake monotonic clock whose sleep moves time on and remembers every pause."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class FakeTransport:
    """Answers from a script per URL (the last answer repeats); records every request sent."""

    def __init__(self, script: dict[str, list[Answer]]) -> None:
        self.script = script
        self.sent: list[Request] = []

    def send(self, request: Request) -> Response:
        self.sent.append(request)
        answers = self.script.get(request.url) or [Response(request.url, 404)]
        answer = answers.pop(0) if len(answers) > 1 else answers[0]
        if isinstance(answer, TransportError):
            raise answer
        return answer

    def count(self, url: str) -> int:
        return sum(1 for r in self.sent if r.url == url)


def ok(url: str, body: bytes = b"<html><body><p>Hello.</p></body></html>", **headers: str) -> Response:
    return Response(url, 200, {"content-type": "text/html; charset=utf-8", **headers}, body)


def fetcher_for(script: dict[str, list[Answer]], clock: Clock | None = None,
                settings: FetchConfig = SETTINGS) -> tuple[Fetcher, FakeTransport, Clock]:
    clock = clock or Clock()
    transport = FakeTransport(script)
    return Fetcher(settings, transport=transport, clock=clock, sleep=clock.sleep), transport, clock


# -- retries and back-off -------------------------------------------------------------------------------

PAGE = "https://news.example.org/a.html"


def test_a_5xx_answer_is_retried_with_exponential_back_off():
    fetcher, transport, clock = fetcher_for({PAGE: [Response(PAGE, 503), Response(PAGE, 502), ok(PAGE)]})
    assert fetcher.get(PAGE).status == 200
    assert transport.count(PAGE) == 3
    assert clock.sleeps == [1.0, 2.0]


def test_retry_after_in_seconds_is_respected_when_longer_than_the_back_off():
    fetcher, _, clock = fetcher_for({PAGE: [Response(PAGE, 429, {"retry-after": "7"}), ok(PAGE)]})
    assert fetcher.get(PAGE).status == 200
    assert clock.sleeps == [7.0]


def test_retry_after_as_an_http_date_is_respected():
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    fetcher, _, clock = fetcher_for({PAGE: [Response(PAGE, 503, {"retry-after": later}), ok(PAGE)]})
    fetcher.get(PAGE)
    assert 25 <= clock.sleeps[0] <= 30


def test_an_answer_that_asks_for_a_long_rest_defers_only_its_own_url_without_stalling_the_run():
    other = "https://news.example.org/b.html"
    long_rest = Response(PAGE, 503, {"retry-after": str(int(MAX_WAIT) + 100)})
    fetcher, transport, clock = fetcher_for({PAGE: [long_rest], other: [ok(other)]})
    with pytest.raises(FetchError) as caught:
        fetcher.get(PAGE)
    assert caught.value.transient and caught.value.requested and caught.value.status == 503
    assert fetcher.get(other).status == 200  # the host's other page is still asked for
    assert transport.count(other) == 1 and all(pause <= MAX_WAIT for pause in clock.sleeps)


def test_a_url_put_off_without_a_request_says_it_was_not_requested():
    err = FetchError(PAGE, "the host asked for a rest", transient=True, requested=False)
    assert err.transient and not err.requested
    assert not FetchError(PAGE, "robots.txt forbids it", forbidden=True).requested


def test_timeouts_and_connection_errors_are_retried_then_reported_as_transient():
    fetcher, transport, clock = fetcher_for({PAGE: [TransportError("TimeoutError: timed out")]})
    with pytest.raises(FetchError, match="no answer after 3 attempt") as caught:
        fetcher.get(PAGE)
    assert caught.value.transient
    assert transport.count(PAGE) == 3 and clock.sleeps == [1.0, 2.0]


def test_a_404_is_returned_at_once_without_retrying():
    fetcher, transport, clock = fetcher_for({PAGE: [Response(PAGE, 404)]})
    assert fetcher.get(PAGE).status == 404
    assert transport.count(PAGE) == 1 and clock.sleeps == []


def test_every_request_carries_the_configured_user_agent_and_timeout():
    fetcher, transport, _ = fetcher_for({PAGE: [ok(PAGE)]})
    fetcher.get(PAGE, headers={"Accept": "text/html"})
    assert transport.sent[0].headers["User-Agent"].startswith("wirewatch/")
    assert transport.sent[0].headers["Accept"] == "text/html"
    assert transport.sent[0].timeout == 5.0


# -- redirects ------------------------------------------------------------------------------------------


def moved(url: str, to: str, status: int = 301) -> Response:
    return Response(url, status, {"location": to})


def test_redirects_are_followed_to_the_final_page():
    final = "https://news.example.org/world/a.html"
    fetcher, transport, _ = fetcher_for({PAGE: [moved(PAGE, "/world/a.html#top", 302)], final: [ok(final)]})
    response = fetcher.get(PAGE)
    assert (response.status, response.url) == (200, final)
    assert [r.url for r in transport.sent] == [PAGE, final]


def test_a_redirect_to_a_page_that_robots_txt_forbids_is_not_followed():
    hidden = "https://news.example.org/private/a.html"
    script = {ROBOTS: [robots("User-agent: *\nDisallow: /private/\n")], PAGE: [moved(PAGE, hidden)]}
    fetcher, transport, _ = fetcher_for(script)
    with pytest.raises(FetchError, match="robots.txt forbids fetching https://news.example.org/private/a.html") as e:
        fetcher.get(PAGE, robots=True)
    assert e.value.forbidden and not e.value.transient
    assert transport.count(hidden) == 0


def test_a_redirect_loop_is_given_up():
    fetcher, _, _ = fetcher_for({PAGE: [moved(PAGE, PAGE)]})
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(PAGE)


# -- per-host delay --------------------------------------------------------------------------------------


def test_requests_to_one_host_are_spaced_by_the_per_host_delay_and_other_hosts_do_not_wait():
    settings = FetchConfig(user_agent="wirewatch/test", per_host_delay=3.0, timeout=5.0, retries=0, backoff=0.0)
    a2, b1 = "https://news.example.org/2.html", "https://other.example.net/1.html"
    fetcher, _, clock = fetcher_for({PAGE: [ok(PAGE)], a2: [ok(a2)], b1: [ok(b1)]}, settings=settings)
    fetcher.get(PAGE)
    fetcher.get(b1)
    assert clock.sleeps == []
    clock.now += 1.0
    fetcher.get(a2)
    assert clock.sleeps == [2.0]


# -- robots.txt ------------------------------------------------------------------------------------------

ROBOTS = "https://news.example.org/robots.txt"


def robots(text: str) -> Response:
    return Response(ROBOTS, 200, {"content-type": "text/plain"}, text.encode())


def test_robots_txt_is_read_once_per_host_and_its_rules_apply_to_this_user_agent():
    rules = "User-agent: *\nDisallow: /private/\n\nUser-agent: wirewatch\nDisallow: /no-bots/\n"
    fetcher, transport, _ = fetcher_for({ROBOTS: [robots(rules)]})
    assert fetcher.allowed("https://news.example.org/world/a.html")
    assert not fetcher.allowed("https://news.example.org/no-bots/b.html")
    assert fetcher.allowed("https://news.example.org/private/c.html")  # the wirewatch group replaces the * group
    assert transport.count(ROBOTS) == 1


def test_a_crawl_delay_longer_than_the_per_host_delay_is_honoured():
    page = "https://news.example.org/world/a.html"
    fetcher, _, clock = fetcher_for({ROBOTS: [robots("User-agent: *\nCrawl-delay: 5\n")], page: [ok(page)]})
    assert fetcher.allowed(page)
    fetcher.get(page)
    assert clock.sleeps == [5.0]


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (410, True), (401, False), (403, False)])
def test_a_missing_robots_txt_allows_everything_and_a_forbidden_one_nothing(status, allowed):
    fetcher, _, _ = fetcher_for({ROBOTS: [Response(ROBOTS, status)]})
    assert fetcher.allowed("https://news.example.org/world/a.html") is allowed


def test_a_robots_txt_that_cannot_be_read_defers_the_host_and_is_not_asked_again_at_once():
    fetcher, transport, _ = fetcher_for({ROBOTS: [Response(ROBOTS, 503)]})
    for _ in range(2):
        with pytest.raises(FetchError, match="robots.txt cannot be read yet") as caught:
            fetcher.allowed("https://news.example.org/world/a.html")
        assert caught.value.transient
    assert transport.count(ROBOTS) == SETTINGS.retries + 1


# -- feeds and pages -------------------------------------------------------------------------------------


def test_an_rss_feed_gives_absolute_links_without_fragments_titles_and_dates():
    body = (FEEDS / "world.rss").read_text().replace("{base}", "https://post.example.org").encode()
    feed = parse_feed(body, url="https://post.example.org/feeds/world.rss")
    assert feed.title == "The Meridian Post: World"
    assert feed.entries[1] == FeedEntry("https://post.example.org/world/manila-visit.html",
                                        "Japan's foreign minister visits Manila for maritime talks", date(2024, 3, 6))
    assert len(feed.entries) == 3


def test_an_atom_feed_resolves_relative_links_against_the_feed_address():
    feed = parse_feed((FEEDS / "world.atom").read_bytes(), url="https://wire.example.org/feeds/world.atom")
    assert [e.url for e in feed.entries][:2] == ["https://wire.example.org/world/sudan-summit.html",
                                                 "https://wire.example.org/world/withdrawn.html"]
    assert feed.entries[2].published == date(2024, 3, 7)


def test_a_page_that_is_not_a_feed_is_refused_with_advice():
    with pytest.raises(FetchError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body>Not a feed</body></html>", url="https://x.example.org/")


@pytest.mark.parametrize(("link", "expected"), [
    ("/a.html#comments", "https://x.example.org/a.html"),
    ("https://y.example.org/b", "https://y.example.org/b"),
    ("mailto:desk@example.org", None),
    ("javascript:void(0)", None),
])
def test_entry_links_become_absolute_http_addresses(link, expected):
    assert page_url(link, "https://x.example.org/feed.xml") == expected


@pytest.mark.parametrize(("body", "content_type", "text"), [
    ("Zürich".encode(), "text/html; charset=utf-8", "Zürich"),
    ("Zürich".encode("latin-1"), "text/html; charset=iso-8859-1", "Zürich"),
    (b'<meta charset="windows-1251">' + "Киев".encode("cp1251"), "text/html", '<meta charset="windows-1251">Киев'),
])
def test_pages_are_decoded_with_the_declared_charset(body, content_type, text):
    assert decode_page(body, content_type) == text


def test_only_html_and_plain_text_pages_are_read():
    assert page_kind("text/html; charset=utf-8", PAGE) == "html"
    assert page_kind(None, PAGE) == "html"
    assert page_kind("text/plain", PAGE) == "text"
    with pytest.raises(FetchError, match="application/pdf"):
        page_kind("application/pdf", PAGE)


# -- the fetch log and the poll, without the model ------------------------------------------------------

FEED = "https://post.example.org/feed.rss"


def rss(*paths: str) -> Response:
    items = "".join(f"<item><title>{p}</title><link>https://post.example.org{p}</link></item>" for p in paths)
    body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'
    return Response(FEED, 200, {"content-type": "application/rss+xml"}, body.encode())


def fake_extract(raws: Iterable[RawDocument]) -> Iterator[Extraction | Failure]:
    """Stands in for the pipeline: one article per page, its text the page itself."""
    for raw in raws:
        yield Extraction(Article(id=raw.id, text=raw.html or raw.text or "", url=raw.url), (), (), ())


def polls(store: Store, fetcher: Fetcher, n: int, extract: Callable[..., Iterator[Extraction | Failure]] = fake_extract
          ) -> list:
    return [poll(store, [FEED], fetcher=fetcher, extract=extract) for _ in range(n)]


def test_a_page_that_keeps_failing_for_a_passing_reason_is_given_up_after_some_polls():
    down = "https://post.example.org/down.html"
    fetcher, transport, _ = fetcher_for({FEED: [rss("/down.html")], down: [Response(down, 503)]})
    with Store.open(":memory:") as store:
        reports = polls(store, fetcher, GIVE_UP_AFTER + 1)
        assert [r.deferred for r in reports] == [1] * (GIVE_UP_AFTER - 1) + [0, 0]
        assert "given up" in reports[GIVE_UP_AFTER - 1].failures[0].error
        assert store.fetch_log.counts() == {"failed": 1}
        assert store.summary().failures == 1
    assert transport.count(down) == GIVE_UP_AFTER * (SETTINGS.retries + 1)


def test_a_held_page_is_stored_from_the_store_without_being_requested_again():
    page = "https://post.example.org/a.html"
    fetcher, transport, _ = fetcher_for({FEED: [rss("/a.html")], page: [ok(page)]})
    with Store.open(":memory:") as store:
        log = store.fetch_log
        log.record_feed(FeedState(FEED), [FeedEntry(page, "A")])
        log.hold(page, "<p>held page</p>", status=200, page_format="html", final_url=page)
        report = polls(store, fetcher, 1)[0]
        assert (report.fetched, report.added) == (0, 1)
        assert store.fetch_log.counts() == {"stored": 1}
    assert transport.count(page) == 0


def test_a_feed_that_fails_is_reported_and_keeps_its_validators():
    fetcher, _, _ = fetcher_for({FEED: [Response(FEED, 200, {"etag": '"v1"'}, rss().body), Response(FEED, 404)]})
    with Store.open(":memory:") as store:
        first, second = polls(store, fetcher, 2)
        assert first.feed_failures == []
        assert "HTTP 404" in second.feed_failures[0].error
        assert store.fetch_log.feed(FEED) == FeedState(FEED, '"v1"', None, "T", 404, second.feed_failures[0].error
                                                       .removeprefix("feed not polled: "))


def test_fetch_settings_are_validated():
    with pytest.raises(ConfigError, match="fetch.per_host_delay"):
        load_config(env={}, overrides={"fetch.per_host_delay": -1})
    with pytest.raises(ConfigError, match="fetch.timeout"):
        load_config(env={}, overrides={"fetch.timeout": 0})
    assert load_config(env={"WIREWATCH_FETCH_RETRIES": "5"}).fetch.retries == 5
