"""`wirewatch watch` against a real HTTP server on 127.0.0.1: feeds, robots.txt, retries, 304s and restarts.

The test site serves an RSS feed and an Atom feed of short news pages written for these tests, a robots.txt
that closes /private/, a page that answers 503 once before it works, and a link that is 404. It counts the
requests for every path, so each test can say exactly what was fetched and how often.
"""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
import threading
from collections import Counter, defaultdict
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from wirewatch import api
from wirewatch.cli import cli
from wirewatch.config import Config
from wirewatch.fetch import PollReport, Step

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
PAGES = {
    "/world/icebreakers.html": "icebreakers.html",
    "/world/manila-visit.html": "manila-visit.html",
    "/world/sudan-summit.html": "sudan-summit.html",
    "/world/grain-corridor.html": "grain-corridor.html",
    "/world/sanctions.html": "sanctions.html",
    "/private/draft-memo.html": "draft-memo.html",
}
ALLOWED = {"/world/icebreakers.html", "/world/manila-visit.html", "/world/sudan-summit.html",
           "/world/grain-corridor.html"}
FLAKY = "/world/sudan-summit.html"  # 503 (Retry-After: 0) on the first request, then the page
MISSING = "/world/withdrawn.html"
DISALLOWED = "/private/draft-memo.html"
REDIRECTS = {"/go/sanctions": "/world/sanctions.html", "/go/memo": DISALLOWED}
ATOM_MODIFIED = "Thu, 07 Mar 2024 12:00:00 GMT"
SANCTIONS_ITEM = """    <item>
      <title>EU extends sanctions on Belarus for another year</title>
      <link>{base}/world/sanctions.html</link>
      <pubDate>Fri, 08 Mar 2024 15:00:00 GMT</pubDate>
    </item>
  </channel>"""


class Site:
    """What the test server serves, and every request it received (path and headers)."""

    def __init__(self) -> None:
        self.base = ""
        self.rss = (FIXTURES / "world.rss").read_text(encoding="utf-8")
        self.requests: Counter[str] = Counter()
        self.headers: dict[str, list[dict[str, str]]] = defaultdict(list)
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return self.base + path

    def add_rss_item(self, item: str) -> None:
        self.rss = self.rss.replace("  </channel>", item)

    def answer(self, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        with self.lock:
            self.requests[path] += 1
            self.headers[path].append(headers)
            first = self.requests[path] == 1
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, (FIXTURES / "robots.txt").read_bytes()
        if path == "/feeds/world.rss":
            return self._rss(headers)
        if path == "/feeds/world.atom":
            return self._atom(headers)
        if path in REDIRECTS:
            return 301, {"Location": REDIRECTS[path]}, b""
        if path == FLAKY and first:
            return 503, {"Retry-After": "0", "Content-Type": "text/plain"}, b"busy, try again"
        if path in PAGES:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, (FIXTURES / PAGES[path]).read_bytes()
        return 404, {"Content-Type": "text/plain"}, b"not found"

    def _rss(self, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        body = self.rss.replace("{base}", self.base).encode("utf-8")
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "application/rss+xml; charset=utf-8", "ETag": etag}, body

    def _atom(self, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        since = headers.get("if-modified-since")
        if since and parsedate_to_datetime(since) >= parsedate_to_datetime(ATOM_MODIFIED):
            return 304, {"Last-Modified": ATOM_MODIFIED}, b""
        body = (FIXTURES / "world.atom").read_bytes()
        return 200, {"Content-Type": "application/atom+xml", "Last-Modified": ATOM_MODIFIED}, body


class Handler(BaseHTTPRequestHandler):
    server: ThreadingHTTPServer

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        site: Site = self.server.site  # type: ignore[attr-defined]
        status, headers, body = site.answer(self.path, {k.lower(): v for k, v in self.headers.items()})
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the signature of the base class
        return None


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.site = site  # type: ignore[attr-defined]
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def fast(config: Config) -> Config:
    """The default settings, without the politeness pauses (a local server needs none)."""
    return config.with_overrides({"fetch.per_host_delay": 0, "fetch.backoff": 0, "fetch.retries": 2,
                                  "fetch.timeout": 10})


def feeds(site: Site) -> list[str]:
    return [site.url("/feeds/world.rss"), site.url("/feeds/world.atom")]


def run(site: Site, db: Path, config: Config, **options: object) -> PollReport:
    reports: list[PollReport] = []
    api.watch(feeds(site), db=db, config=config, once=True, on_poll=reports.append, **options)  # type: ignore[arg-type]
    return reports[0]


def stored(db: Path) -> Counter[str]:
    """How many articles the store holds per page path."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT url FROM articles").fetchall()
    return Counter("/" + url.split("/", 3)[3] for (url,) in rows)


def states(db: Path) -> dict[str, str]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT url, state FROM fetched_urls").fetchall()
    return {"/" + url.split("/", 3)[3]: state for url, state in rows}


def page_requests(site: Site) -> Counter[str]:
    return Counter({p: n for p, n in site.requests.items() if not p.startswith(("/feeds/", "/robots"))})


# -- the first run ---------------------------------------------------------------------------------------

@pytest.mark.slow
def test_the_first_run_stores_every_allowed_article_once(site, fast, tmp_path):
    db = tmp_path / "news.duckdb"
    report = run(site, db, fast)
    assert stored(db) == Counter(ALLOWED)
    assert (report.feeds, report.unchanged, report.new_entries) == (2, 0, 6)  # Manila is in both feeds
    assert (report.fetched, report.added, report.skipped, report.deferred) == (4, 4, 1, 0)
    assert [f.where for f in report.failures] == [site.url(MISSING)]
    assert states(db) == {**dict.fromkeys(ALLOWED, "stored"), DISALLOWED: "skipped", MISSING: "failed"}
    assert report.events > 0 and report.waiting == 0


@pytest.mark.slow
def test_the_events_of_a_poll_are_linked_to_incidents(site, fast, tmp_path):
    db = tmp_path / "news.duckdb"
    run(site, db, fast)
    with duckdb.connect(str(db), read_only=True) as con:
        events, linked = con.execute(
            "SELECT count(*), count(l.incident_id) FROM events AS e LEFT JOIN incident_events AS l"
            " USING (article_id, event_id) WHERE e.modality IN ('asserted', 'reported', 'denied')"
        ).fetchone()
    assert events > 0 and linked == events


@pytest.mark.slow
def test_the_disallowed_page_is_never_requested_and_robots_txt_is_read_once(site, fast, tmp_path):
    run(site, tmp_path / "news.duckdb", fast)
    assert site.requests[DISALLOWED] == 0
    assert site.requests["/robots.txt"] == 1


@pytest.mark.slow
def test_a_503_is_retried_and_every_other_page_requested_once(site, fast, tmp_path):
    run(site, tmp_path / "news.duckdb", fast)
    assert page_requests(site) == Counter({**dict.fromkeys(ALLOWED, 1), FLAKY: 2, MISSING: 1})


@pytest.mark.slow
def test_every_request_names_wirewatch_in_its_user_agent(site, fast, tmp_path):
    run(site, tmp_path / "news.duckdb", fast)
    agents = {h["user-agent"] for seen in site.headers.values() for h in seen}
    assert agents == {fast.fetch.user_agent} and fast.fetch.user_agent.startswith("wirewatch/")


@pytest.mark.slow
def test_articles_take_the_feed_entry_title_and_url(site, fast, tmp_path):
    db = tmp_path / "news.duckdb"
    run(site, db, fast)
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT title, published FROM articles WHERE url = ?",
                          [site.url("/world/manila-visit.html")]).fetchone()
    assert row is not None and row[0] == "Japan's foreign minister visits Manila for maritime talks"
    assert str(row[1]) == "2024-03-06"


# -- later runs ------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_second_run_sends_conditional_requests_gets_304s_and_fetches_no_page_again(site, fast, tmp_path):
    db = tmp_path / "news.duckdb"
    run(site, db, fast)
    pages_before = page_requests(site)
    report = run(site, db, fast)
    assert (report.feeds, report.unchanged, report.new_entries, report.fetched, report.added) == (2, 2, 0, 0, 0)
    assert site.headers["/feeds/world.rss"][-1]["if-none-match"].startswith('"')
    assert site.headers["/feeds/world.atom"][-1]["if-modified-since"] == ATOM_MODIFIED
    assert page_requests(site) == pages_before
    assert stored(db) == Counter(ALLOWED)


@pytest.mark.slow
def test_an_entry_added_between_runs_is_fetched_once_and_old_ones_are_not_tried_again(site, fast, tmp_path):
    db = tmp_path / "news.duckdb"
    run(site, db, fast)
    site.add_rss_item(SANCTIONS_ITEM)
    report = run(site, db, fast)
    assert (report.unchanged, report.new_entries, report.fetched, report.added) == (1, 1, 1, 1)
    third = run(site, db, fast)
    assert (third.unchanged, third.new_entries, third.fetched) == (2, 0, 0)
    assert stored(db) == Counter(ALLOWED | {"/world/sanctions.html"})
    assert site.requests["/world/sanctions.html"] == 1
    assert site.requests[MISSING] == 1 and site.requests[DISALLOWED] == 0


@pytest.mark.slow
def test_redirects_are_followed_and_a_hop_that_robots_txt_forbids_is_never_requested(site, fast, tmp_path):
    db = tmp_path / "news.duckdb"
    run(site, db, fast)
    for path in REDIRECTS:
        site.add_rss_item(SANCTIONS_ITEM.replace("/world/sanctions.html", path))
    report = run(site, db, fast)
    assert (report.new_entries, report.added, report.skipped) == (2, 1, 1)
    assert stored(db)["/world/sanctions.html"] == 1
    assert states(db)["/go/memo"] == "skipped"
    assert site.requests["/go/memo"] == 1 and site.requests[DISALLOWED] == 0


# -- interrupted runs ------------------------------------------------------------------------------------

@pytest.mark.slow
def test_a_run_stopped_by_max_items_then_restarted_stores_every_article_once(site, fast, tmp_path):
    db = tmp_path / "news.duckdb"
    first = run(site, db, fast, max_items=2)
    assert first.taken == 2 and first.waiting == 4
    second = run(site, db, fast)
    assert second.unchanged == 2 and second.taken == 4
    assert stored(db) == Counter(ALLOWED)
    assert page_requests(site) == Counter({**dict.fromkeys(ALLOWED, 1), FLAKY: 2, MISSING: 1})


@pytest.mark.slow
def test_a_run_interrupted_mid_batch_then_restarted_stores_every_article_once_and_requests_each_page_once(
    site, fast, tmp_path
):
    db = tmp_path / "news.duckdb"

    def stop_after_first_article(step: Step) -> None:
        if step.kind == "page" and step.outcome == "stored":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(site, db, fast, progress=stop_after_first_article)
    assert sum(stored(db).values()) == 1
    assert "held" in states(db).values()  # fetched, not yet stored: kept in the store, not fetched again
    report = run(site, db, fast)
    assert report.unchanged == 2 and report.new_entries == 0
    assert stored(db) == Counter(ALLOWED)
    assert page_requests(site) == Counter({**dict.fromkeys(ALLOWED, 1), FLAKY: 2, MISSING: 1})


KILLED_RUN = """
import os, signal, sys
from wirewatch import api
from wirewatch.config import load_config

def kill_after_first_article(step):
    if step.kind == "page" and step.outcome == "stored":
        os.kill(os.getpid(), signal.SIGKILL)

config = load_config(env={}).with_overrides({"fetch.per_host_delay": 0, "fetch.backoff": 0})
api.watch(sys.argv[2:], db=sys.argv[1], config=config, once=True, progress=kill_after_first_article)
"""


@pytest.mark.slow
def test_a_run_killed_mid_batch_then_restarted_stores_every_article_once_and_requests_each_page_once(
    site, fast, tmp_path
):
    db = tmp_path / "news.duckdb"
    killed = subprocess.run([sys.executable, "-c", KILLED_RUN, str(db), *feeds(site)], capture_output=True,
                            text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert sum(stored(db).values()) == 1
    report = run(site, db, fast)
    assert report.unchanged == 2 and report.fetched == 0  # every page was fetched and held before the kill
    assert stored(db) == Counter(ALLOWED)
    assert page_requests(site) == Counter({**dict.fromkeys(ALLOWED, 1), FLAKY: 2, MISSING: 1})


# -- the command -----------------------------------------------------------------------------------------

@pytest.mark.slow
def test_the_watch_command_prints_a_summary_per_poll(site, tmp_path, monkeypatch):
    monkeypatch.setenv("WIREWATCH_FETCH_PER_HOST_DELAY", "0")
    monkeypatch.setenv("WIREWATCH_FETCH_BACKOFF", "0")
    db = tmp_path / "news.duckdb"
    result = CliRunner().invoke(cli, ["watch", "--once", "--db", str(db), *feeds(site)], obj={})
    assert result.exit_code == 0, result.output
    assert "2 feeds polled, 0 unchanged (304); 6 new entries; 4 pages fetched; 4 articles stored" in result.output
    assert "1 skipped by robots.txt; 1 failed; 0 to retry later" in result.output
    assert f"failed {site.url(MISSING)}: HTTP 404" in result.output


def test_the_watch_command_refuses_an_address_that_is_not_a_feed_url(tmp_path):
    result = CliRunner().invoke(cli, ["watch", "--once", "--db", str(tmp_path / "x.duckdb"), "news.rss"], obj={})
    assert result.exit_code == 1
    assert "news.rss" in result.output and "http" in result.output
