"""Kill -9 during ``ingest``, ``batch`` and ``watch`` again and again, then let it finish: nothing lost or twice.

The input is the bundled sample corpus plus three bad files (so the ``failures`` table has rows); ``watch`` polls the
test feeds of ``tests/fixtures/feeds``, served from a thread on 127.0.0.1 (with a missing page, so it fails one).
For each command a reference store is made by one uninterrupted run (``batch`` then ``ingest`` of its shards;
``watch``: then one more, as it writes the ``signatures`` of what it stored only when it next starts).
Then the command is started and killed with SIGKILL at a random moment ``--kills`` times, run once to the end and
once more (a rerun must add nothing), and every table of the result is compared with the reference, row by row,
leaving out only the columns that record when something happened.

    .venv/bin/python benchmarks/kill_runs.py [--kills 20] [--seed 7] [--commands ingest,batch,watch]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb

from wirewatch.sample import corpus_dir

#: Columns that record when something happened, or how often: they differ between runs by design.
_WHEN = {"ingested_at", "recorded_at", "last_seen", "seen", "first_seen", "updated_at", "applied_at", "polled_at"}
_TABLES = ("articles", "actors", "article_actors", "mentions", "events", "quotes", "failures", "copies",
           "signatures")
#: ``watch`` also keeps its feeds, the state of every page it saw, and the incidents it linked.
_WATCH_TABLES = (*_TABLES, "feeds", "fetched_urls", "incidents", "incident_events", "incident_answers")
_FEEDS = Path(__file__).parents[1] / "tests" / "fixtures" / "feeds"
#: Served path → fixture file; the feeds link one more page, which is not served (a 404, so a failure).
_SITE = {"/robots.txt": "robots.txt", "/feeds/world.rss": "world.rss", "/feeds/world.atom": "world.atom",
         **{f"/world/{name}": name for name in ("icebreakers.html", "manila-visit.html", "sudan-summit.html",
                                                "grain-corridor.html", "sanctions.html")},
         "/private/draft-memo.html": "draft-memo.html"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--commands", default="ingest,batch,watch")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bad = 0
    with tempfile.TemporaryDirectory() as folder, _site() as base:
        work = Path(folder)
        corpus = _corpus(work / "corpus")
        (work / "feeds").write_text(base, encoding="utf-8")
        for command in args.commands.split(","):
            reference = work / f"{command}-reference.duckdb"
            started = time.perf_counter()
            _finish(command, corpus, work, reference)
            whole = time.perf_counter() - started
            if command == "watch":  # watch stores no dedup signatures; its next start signs what it stored
                _finish(command, corpus, work, reference)
            whole = time.perf_counter() - started
            shutil.rmtree(work / "shards", ignore_errors=True)
            store = work / f"{command}.duckdb"
            kills = _killed(command, corpus, work, store, args.kills, whole, rng)
            problems = _compare(reference, store, _WATCH_TABLES if command == "watch" else _TABLES)
            bad += len(problems)
            print(f"{command}: {kills} kills, then finished and rerun; "
                  + ("every table equals the uninterrupted run's" if not problems else "; ".join(problems)))
    return 1 if bad else 0


def _corpus(folder: Path) -> Path:
    shutil.copytree(corpus_dir(), folder)
    (folder / "zz-binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "zz-lines.jsonl").write_text('{"id": "ok", "text": "Peru recalled its envoy from Chile."}\n'
                                           '{"id": "bad", "text": \n{"id": 5}\n', encoding="utf-8")
    return folder


@contextmanager
def _site() -> Iterator[str]:
    """Serve the test feeds and pages from a thread on 127.0.0.1; yield the site's base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    server.base = base  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


class _Handler(BaseHTTPRequestHandler):
    """The same answer every time (no ETag, no Last-Modified: every poll reads the feeds whole)."""

    server: ThreadingHTTPServer

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        name = _SITE.get(self.path)
        body = b"not found" if name is None else (_FEEDS / name).read_bytes().replace(
            b"{base}", self.server.base.encode())  # type: ignore[attr-defined]
        kind = "text/html; charset=utf-8" if self.path.endswith(".html") else "application/xml; charset=utf-8"
        self.send_response(404 if name is None else 200)
        self.send_header("Content-Type", "text/plain" if self.path.endswith(".txt") or name is None else kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the signature of the base class
        return None


def _command(command: str, corpus: Path, work: Path, store: Path) -> list[str]:
    if command == "ingest":
        return ["ingest", str(corpus), "--db", str(store)]
    if command == "watch":
        base = (work / "feeds").read_text(encoding="utf-8")
        return ["watch", f"{base}/feeds/world.rss", f"{base}/feeds/world.atom", "--db", str(store), "--once",
                "--delay", "0"]
    return ["batch", str(corpus), "--out", str(work / "shards"), "--shard-size", "4"]


def _killed(command: str, corpus: Path, work: Path, store: Path, kills: int, whole: float,
            rng: random.Random) -> int:
    """Start and SIGKILL ``command`` ``kills`` times at random moments, then run it to the end twice."""
    done = 0
    while done < kills:
        child = subprocess.Popen(_argv(_command(command, corpus, work, store)), stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, whole * 1.1))
        if child.poll() is None:
            os.kill(child.pid, signal.SIGKILL)
            child.wait()
            done += 1
        elif command in ("ingest", "watch"):
            # it finished before the kill: start over so that kills still land
            store.unlink(missing_ok=True)
            Path(f"{store}.wal").unlink(missing_ok=True)
        else:
            shutil.rmtree(work / "shards", ignore_errors=True)
    _finish(command, corpus, work, store)
    _finish(command, corpus, work, store)
    return done


def _finish(command: str, corpus: Path, work: Path, store: Path) -> None:
    """Run ``command`` to its end (``batch``: then load its shards into ``store``)."""
    _run(_command(command, corpus, work, store))
    if command == "batch":
        _run(["ingest", str(work / "shards"), "--db", str(store)])


def _argv(arguments: list[str]) -> list[str]:
    return [sys.executable, "-c", "import sys; from wirewatch.cli import main; sys.argv[0] = 'wirewatch'; main()",
            "--quiet", *arguments]


def _run(arguments: list[str], *, check: bool = True) -> None:
    result = subprocess.run(_argv(arguments), capture_output=True, text=True)
    if check and result.returncode not in (0, 1):  # 1: some documents failed, as the bad files do
        raise SystemExit(f"{' '.join(arguments)} failed: {result.stderr[-2000:]}")


def _compare(reference: Path, store: Path, tables: tuple[str, ...]) -> list[str]:
    """What differs between the two stores, table by table (rows as multisets, time columns left out)."""
    problems = []
    with duckdb.connect(str(reference), read_only=True) as ref, duckdb.connect(str(store), read_only=True) as got:
        for table in tables:
            want, have = _rows(ref, table), _rows(got, table)
            if want != have:
                lost, twice = sum((want - have).values()), sum((have - want).values())
                problems.append(f"{table}: {lost} rows lost, {twice} rows extra or repeated")
    return problems


def _rows(con: duckdb.DuckDBPyConnection, table: str) -> Counter[tuple[object, ...]]:
    columns = [name for (name,) in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall() if name not in _WHEN]
    listed = ", ".join(f'"{c}"' for c in columns)
    return Counter(tuple(map(repr, row)) for row in con.execute(f"SELECT {listed} FROM {table}").fetchall())


if __name__ == "__main__":
    raise SystemExit(main())
