"""Benchmark: a briefing over 10,000 stored events must take under 5 seconds (issue 14).

Synthetic articles (our own generated sentences, never news text) are stored, 5 events and 1 quote each, spread
over 60 days between a dozen countries, and their events linked into incidents as ``ingest`` does; then
``build_briefing`` and ``render_markdown`` are timed for one country over the whole period, for a dyad, and for
one actor over the last 30 days (so the previous period is read too).

    .venv/bin/python benchmarks/bench_brief.py [--events N] [--budget SECONDS] [--db FILE]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from wirewatch.brief import build_briefing, render_markdown
from wirewatch.incidents import link
from wirewatch.records import Actor, Article, Event, Extraction, Mention, Quote
from wirewatch.resolve import load_kb
from wirewatch.store import Store

COUNTRIES = ("RUS", "UKR", "TUR", "IRN", "ISR", "LBN", "CHN", "USA", "IND", "PAK", "BRA", "ARG")
TYPES = (("CONSULT", None, 1.0), ("ASSAULT", "firearms", -10.0), ("ACCUSE", "disapprove", -2.0),
         ("AGREE", None, 4.0), ("SANCTION", None, -8.0), ("AID", None, 7.0), ("THREATEN", "violence", -7.0))
MODALITIES = ("asserted", "asserted", "asserted", "reported", "denied", "future", "hypothetical", "negated")
START = date(2024, 3, 1)


def article(n: int, rng: random.Random, per_article: int) -> Extraction:
    """One generated article: ``per_article`` events between random countries and one quote."""
    day = START + timedelta(days=rng.randrange(60))
    pair = rng.sample(COUNTRIES, 3)
    text = " ".join(f"Sentence {n}-{i} tells of {pair[i % 2]} and {pair[1 - i % 2]}." for i in range(per_article))
    actors = tuple(Actor(f"a{i}", f"country:{c}", c, "state", c, None, mentions=(Mention(c, (0, 3)),))
                   for i, c in enumerate(pair))
    events = tuple(_event(f"e{i}", rng, day, text) for i in range(per_article))
    quote = Quote("q1", "a0", pair[0], f"Generated words {n}.", "direct", "said", (0, 10), "warn", ("a1",))
    return Extraction(Article(f"doc-{n}", text, url=f"https://bench.example/{n}", title=f"Generated {n}",
                              published=day, outlet=f"Outlet {n % 17}", language="en"), actors, events, (quote,))


def _event(event_id: str, rng: random.Random, day: date, text: str) -> Event:
    type_, mode, goldstein = rng.choice(TYPES)
    source, target = rng.sample(("a0", "a1", "a2"), 2)
    modality = rng.choice(MODALITIES)
    return Event(event_id, type_, mode, "000", "000", goldstein, 1, (source,), (target,), modality,  # type: ignore[arg-type]
                 source if modality in ("reported", "denied") else None, day, "day", None, text[:20], (0, 20), 0.9)


def fill(path: Path, events: int, per_article: int = 5) -> None:
    """Store enough generated articles for ``events`` events, and link them into incidents."""
    rng = random.Random(14)
    with Store.open(path) as store:
        for n in range(events // per_article):
            store.add(article(n, rng, per_article))
        link(store)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--budget", type=float, default=5.0, help="seconds a briefing may take")
    parser.add_argument("--db", type=Path, help="reuse (or fill) this store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            started = time.perf_counter()
            fill(db, args.events)
            print(f"stored {args.events} events in {time.perf_counter() - started:.1f} s")
        kb = load_kb()
        worst = 0.0
        scopes = {"country RUS, 60 days": {"country": "RUS", "since": START, "until": START + timedelta(days=59)},
                  "dyad RUS UKR, 60 days": {"dyad": ("RUS", "UKR"), "since": START,
                                            "until": START + timedelta(days=59)},
                  "actor IRN, 30 days": {"actor": "IRN", "since": START + timedelta(days=30),
                                         "until": START + timedelta(days=59)}}
        with Store.open(db, read_only=True) as store:
            print(f"store: {store.summary().events} events")
            for label, scope in scopes.items():
                started = time.perf_counter()
                briefing = build_briefing(store, kb=kb, **scope)  # type: ignore[arg-type]
                render_markdown(briefing)
                took = time.perf_counter() - started
                worst = max(worst, took)
                print(f"{label}: {took:.2f} s ({briefing.coverage.in_scope} articles in scope, "
                      f"{briefing.coverage.happenings} happenings, {len(briefing.sources)} sources)")
    print(f"slowest briefing {worst:.2f} s; budget {args.budget:.1f} s: {'ok' if worst < args.budget else 'TOO SLOW'}")
    return 0 if worst < args.budget else 1


if __name__ == "__main__":
    sys.exit(main())
