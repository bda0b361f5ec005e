"""Benchmark: ``ingest`` into DuckDB against ``extract`` alone, on the same articles, in the same run.

The articles are NAEB news texts (``../shared/eval/article_extraction/naeb/news_articles.json``, the longest first)
as JSON Lines in a temporary folder. Each round times ``api.extract`` over the file (results consumed and dropped)
and ``api.ingest`` of the same file into a new DuckDB file (incidents linked, as the command does), alternating,
so a busy machine slows both alike; the ratio of the medians is ingest's cost. CPU seconds (this process, all its
threads; DuckDB's included) are shown too: on a shared machine they are steadier than the wall clock. The model,
tables and classifier are loaded before the first round.

    python benchmarks/bench_ingest.py [--articles 60] [--rounds 3] [--processes 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench_memory import NAEB, write_corpus

from wirewatch import api
from wirewatch.config import load_config


def _time_extract(path: Path, config) -> tuple[float, float, int]:  # noqa: ANN001
    start, cpu = time.perf_counter(), time.process_time()
    events = sum(len(r.events) for r in api.extract([path], config=config) if hasattr(r, "events"))
    return time.perf_counter() - start, time.process_time() - cpu, events


def _time_ingest(path: Path, db: Path, config) -> tuple[float, float, int]:  # noqa: ANN001
    start, cpu = time.perf_counter(), time.process_time()
    report = api.ingest([path], db=db, config=config)
    return time.perf_counter() - start, time.process_time() - cpu, report.events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60, help="the longest N NAEB articles (default 60, at most "
                        "200; more repeat them)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--processes", default="1", help="model.n_process (default 1: the ratio is steadier)")
    args = parser.parse_args(argv)
    if not NAEB.is_file():
        print(f"{NAEB} not found: the benchmark needs ../shared")
        return 1
    config = load_config(overrides={"model.n_process": args.processes})
    api.extract_text("Russia and Iran signed an agreement in Geneva on Monday.", config=config)  # loads all tables
    extract, ingest, extract_cpu, ingest_cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "naeb.jsonl"
        write_corpus(corpus, args.articles)
        for n in range(args.rounds):
            seconds, cpu, extracted = _time_extract(corpus, config)
            extract.append(seconds)
            extract_cpu.append(cpu)
            seconds, cpu, stored = _time_ingest(corpus, Path(tmp) / f"round{n}.duckdb", config)
            ingest.append(seconds)
            ingest_cpu.append(cpu)
    e, i = statistics.median(extract), statistics.median(ingest)
    print(f"corpus: {args.articles} NAEB articles (longest first), model.n_process={args.processes}; "
          f"{args.rounds} alternating rounds, medians shown")
    print(f"extract alone:       {e:.2f} s = {args.articles / e:.2f} articles/s ({extracted} events)")
    print(f"ingest into DuckDB:  {i:.2f} s = {args.articles / i:.2f} articles/s ({stored} events stored)")
    print(f"ratio ingest / extract: {i / e:.3f}  (goal: at most 1.15); rounds: extract "
          f"{', '.join(f'{s:.1f}' for s in extract)} s, ingest {', '.join(f'{s:.1f}' for s in ingest)} s")
    ec, ic = statistics.median(extract_cpu), statistics.median(ingest_cpu)
    print(f"CPU seconds: extract {ec:.1f}, ingest {ic:.1f}: ratio {ic / ec:.3f}")
    print("reproduce: python benchmarks/bench_ingest.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
