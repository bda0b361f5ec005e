"""Benchmark: what the polite fetcher and the fetch log cost per page, against bare urllib GETs of the same pages.

A local HTTP server (127.0.0.1, in a thread) serves an RSS feed of N entries and N small pages. The baseline GETs
every page once with ``urllib.request.urlopen``. wirewatch runs one poll of ``wirewatch.fetch.poll`` into a
fresh DuckDB file: the feed (parsed with feedparser), robots.txt, each page through the Fetcher (User-Agent,
robots rules, per-host delay of 0, retry logic), the page held in the store, then its article written with
the URL's state in one transaction. Extraction is replaced by a stub that makes one article per page, so the
figure is the fetch machinery alone (``make bench`` measures extraction). Rounds alternate; medians count.

    .venv/bin/python benchmarks/bench_watch.py [--pages N] [--rounds R]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from wirewatch.config import FetchConfig
from wirewatch.fetch import Fetcher, poll
from wirewatch.records import Article, Extraction, Failure, RawDocument
from wirewatch.store import Store

PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story {n}</title></head><body><article>"
        "<h1>Story {n}</h1>" + "<p>Officials from both countries met on Monday to discuss trade and security.</p>" * 8
        + "<p>Page number {n}.</p></article></body></html>")


class _Handler(BaseHTTPRequestHandler):
    server: ThreadingHTTPServer

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        pages: int = self.server.pages  # type: ignore[attr-defined]
        if self.path == "/robots.txt":
            body, kind = b"User-agent: *\nDisallow: /private/\n", "text/plain"
        elif self.path == "/feed.rss":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            items = "".join(f"<item><title>Story {n}</title><link>{base}/story/{n}.html</link></item>"
                            for n in range(pages))
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>B</title>{items}</channel></rss>'.encode()
            kind = "application/rss+xml"
        else:
            body, kind = PAGE.format(n=self.path).encode(), "text/html; charset=utf-8"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the signature of the base class
        return None


def _stub(raws: Iterable[RawDocument]) -> Iterator[Extraction | Failure]:
    for raw in raws:
        yield Extraction(Article(id=raw.id, text=raw.html or "", url=raw.url), (), (), ())


def _bare(base: str, pages: int) -> float:
    start = time.perf_counter()
    for n in range(pages):
        with urllib.request.urlopen(f"{base}/story/{n}.html", timeout=10) as answer:
            answer.read()
    return time.perf_counter() - start


def _wirewatch(base: str, pages: int, folder: Path, round_: int) -> float:
    settings = FetchConfig(user_agent="wirewatch/bench", per_host_delay=0.0, timeout=10.0, retries=0, backoff=0.0)
    start = time.perf_counter()
    with Store.open(folder / f"bench-{round_}.duckdb") as store:
        report = poll(store, [f"{base}/feed.rss"], fetcher=Fetcher(settings), extract=_stub)
    elapsed = time.perf_counter() - start
    if report.added != pages:
        sys.exit(f"expected {pages} articles stored, got {report.added}: {report}")
    return elapsed


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.pages = args.pages  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    bare, ours = [], []
    with tempfile.TemporaryDirectory() as folder:
        for round_ in range(args.rounds):
            bare.append(_bare(base, args.pages))
            ours.append(_wirewatch(base, args.pages, Path(folder), round_))
    server.shutdown()
    b, w = statistics.median(bare), statistics.median(ours)
    print(f"pages: {args.pages}, rounds: {args.rounds} (medians)")
    print(f"bare urllib GETs:           {args.pages / b:7.0f} pages/s  ({1000 * b / args.pages:.2f} ms a page)")
    print(f"wirewatch poll (no extract): {args.pages / w:7.0f} pages/s  ({1000 * w / args.pages:.2f} ms a page)")
    print(f"ratio wirewatch / bare: {w / b:.2f}x")
    print(f"command: .venv/bin/python benchmarks/bench_watch.py --pages {args.pages} --rounds {args.rounds}")


if __name__ == "__main__":
    main()
