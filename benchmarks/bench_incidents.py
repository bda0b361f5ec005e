"""Benchmark: linking stored events into incidents, in time and memory, as the store grows.

A store is filled with synthetic events (no spaCy: rows written straight to the tables): happenings between
pairs of 150 countries over one year, of 12 PLOVER types, each told by 1 to 4 articles, some with a day, some
with "last week" or no date of their own. ``incidents.link`` then links them all; the run reports the seconds it
took (wall clock, and CPU, which DuckDB may spread over several cores), the events linked per second, the
incidents made against the happenings generated, and the peak Python memory while linking (tracemalloc, on a copy
of the store), for each store size, so that memory can be seen to stay flat as the number of incidents grows.

    .venv/bin/python benchmarks/bench_incidents.py [--events 25000 50000 100000] [--batch 5000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
import tracemalloc
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

from wirewatch.incidents import link
from wirewatch.store import Store

_COUNTRIES = [f"C{i:02d}" for i in range(150)]
_TYPES = ["CONSULT", "AGREE", "SUPPORT", "ACCUSE", "PROTEST", "REJECT", "THREATEN", "SANCTION", "ASSAULT", "AID",
          "REQUEST", "COERCE"]
_START = date(2025, 1, 1)


def _happening(rng: random.Random) -> tuple[str, str, str, date]:
    source, target = rng.sample(_COUNTRIES, 2)
    return rng.choice(_TYPES), source, target, _START + timedelta(days=rng.randrange(365))


def _told(rng: random.Random, day: date) -> tuple[date | None, str | None, date]:
    """How one article dates the happening: (date, precision, published)."""
    published = day + timedelta(days=rng.randrange(3))
    roll = rng.random()
    if roll < 0.75:
        return day, "day", published
    if roll < 0.9:
        return day - timedelta(days=day.weekday()), "week", published + timedelta(days=7)
    return None, None, published


def fill(db: Path, events: int, *, seed: int = 1) -> int:
    """Write ``events`` synthetic events (one article each) to a new store; return the happenings generated."""
    rng = random.Random(seed)
    articles, rows, happenings = [], [], 0
    while len(rows) < events:
        type_, source, target, day = _happening(rng)
        happenings += 1
        for _ in range(min(rng.randint(1, 4), events - len(rows))):
            article_id = f"a{len(rows):07d}"
            when, precision, published = _told(rng, day)
            articles.append((article_id, article_id, "bench", published, f"outlet{rng.randrange(40)}"))
            rows.append((article_id, "e1", type_, [f"country:{source}"], [f"country:{target}"], [source], [target],
                         when, precision))
    Store.open(db).close()  # the schema
    with duckdb.connect(str(db)) as con:
        con.execute("INSERT INTO actors (actor_key, name, kind, country) SELECT 'country:' || c, c, 'state', c"
                    " FROM unnest(?::VARCHAR[]) AS t(c)", [_COUNTRIES])
        now = datetime(2026, 1, 1)
        con.execute(
            "INSERT INTO articles (article_id, doc_id, source, published, outlet, text, removed, ingested_at)"
            " SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DATE[]),"
            " unnest(?::VARCHAR[]), '', '[]', ?", [*map(list, zip(*articles, strict=True)), now])
        con.execute(
            "INSERT INTO events (article_id, event_id, ordinal, type, cameo, cameo_code, goldstein, quad_class,"
            " source_keys, target_keys, source_countries, target_countries, modality, date, date_precision,"
            " sentence, span_start, span_end, confidence, trigger, coder)"
            " SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), 0, unnest(?::VARCHAR[]), '', '010', 0, 1,"
            " unnest(?::VARCHAR[][]), unnest(?::VARCHAR[][]), unnest(?::VARCHAR[][]), unnest(?::VARCHAR[][]),"
            " 'asserted', unnest(?::DATE[]), unnest(?::VARCHAR[]), '', 0, 0, 1, '', 'bench'",
            list(map(list, zip(*rows, strict=True))))
    return happenings


def measure(events: int, batch: int) -> dict[str, float]:
    """Fill a store with ``events`` events and link them: seconds, events a second, incidents, peak MB.

    The time is taken on one copy of the store; the memory on another, with tracemalloc (which slows Python down).
    """
    with tempfile.TemporaryDirectory(prefix="wirewatch-bench-") as folder:
        db, traced = Path(folder) / "bench.duckdb", Path(folder) / "traced.duckdb"
        happenings = fill(db, events)
        shutil.copy(db, traced)
        with Store.open(db) as store:
            started, cpu = time.perf_counter(), time.process_time()
            report = link(store, batch=batch)
            seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        with Store.open(traced) as store:
            tracemalloc.start()
            link(store, batch=batch)
            peak = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
    return {"events": report.events, "seconds": seconds, "cpu": cpu, "per_second": report.events / seconds,
            "incidents": report.incidents, "happenings": happenings, "peak_mb": peak}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[25_000, 50_000, 100_000])
    parser.add_argument("--batch", type=int, default=5000)
    args = parser.parse_args()
    print(f"{'events':>8} {'seconds':>8} {'CPU s':>7} {'events/s':>9} {'incidents':>9} {'generated':>9} {'peak MB':>8}")
    for n in args.events:
        m = measure(n, args.batch)
        print(f"{m['events']:8.0f} {m['seconds']:8.1f} {m['cpu']:7.1f} {m['per_second']:9.0f} {m['incidents']:9.0f}"
              f" {m['happenings']:9.0f} {m['peak_mb']:8.1f}")


if __name__ == "__main__":
    main()
