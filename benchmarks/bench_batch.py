"""Benchmark: ``wirewatch batch`` with 1 and 2 workers (the scaling ratio), and its memory at 1,000 and 10,000 articles.

The articles are synthetic: sentences of the bundled sample corpus recombined at random (seeded), with country
names, weekdays and numbers swapped and a lead sentence of their own, so that no two are near-duplicates. Each
batch runs in a fresh process, so the driver's peak memory (``ru_maxrss``) is that run's alone; each worker reports
its own peak after every shard, and the busiest one is printed. Flat memory means the 10,000-article run peaks where
the 1,000-article one does.

    .venv/bin/python benchmarks/bench_batch.py [--quick] [--engine local|ray] [--shard-size N] [--rounds R]
                                               [--no-dedup]

Rounds of 1 and 2 workers alternate, to spread the noise of a shared machine, and the median counts; the CPU
seconds of each local run (driver and workers) show whether a second core was free, and the cores kept busy on
average during each run (from ``/proc/stat``: every process, Ray's own included) show whether any core was left.
``--quick`` times 200 articles and measures memory at 200 and 1,000. The duplicate check's index lives in the
driver and grows with the articles (up to ``dedup.max_originals``); ``--no-dedup`` switches the check off to see
the rest alone. Prints the figures and the command that reproduces them.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

_COUNTRIES = ("Russia", "Ukraine", "Iran", "Turkey", "China", "India", "Pakistan", "Poland", "Germany", "France",
              "Brazil", "Argentina", "Japan", "Egypt", "Israel", "Qatar", "Georgia", "Taiwan", "Belarus", "Lebanon")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_CITIES = ("Ankara", "Geneva", "Cairo", "Warsaw", "Minsk", "Tehran", "Doha", "Tokyo", "Brasilia", "Berlin")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _sentences() -> list[str]:
    """The sentences of the sample corpus's plain-text articles, long enough to carry an event."""
    from wirewatch.records import RawDocument
    from wirewatch.sample import sample_documents

    found: list[str] = []
    for doc in sample_documents():
        if isinstance(doc, RawDocument) and doc.text:
            for paragraph in doc.text.split("\n"):
                found += [s.strip() for s in _SENTENCE.split(paragraph)
                          if len(s.split()) >= 8 and s.rstrip().endswith((".", '"', "”")) and "See also" not in s]
    return found


def _vary(sentence: str, rng: random.Random) -> str:
    sentence = re.sub(rf"\b(?:{'|'.join(_COUNTRIES)})\b", lambda _: rng.choice(_COUNTRIES), sentence)
    sentence = re.sub(rf"\b(?:{'|'.join(_WEEKDAYS)})\b", lambda _: rng.choice(_WEEKDAYS), sentence)
    return re.sub(r"\b\d+\b", lambda _: str(rng.randint(2, 999)), sentence)


def write_articles(path: Path, count: int, *, seed: int = 7) -> None:
    """``count`` synthetic articles as JSON Lines, written one at a time."""
    rng = random.Random(seed)
    pool = _sentences()
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            lead = (f"Officials in {rng.choice(_CITIES)} said on {rng.choice(_WEEKDAYS)} that {rng.randint(2, 90)} "
                    f"delegates from {rng.choice(_COUNTRIES)} would attend round {n} of the talks.")
            body = [_vary(s, rng) for s in rng.sample(pool, rng.randint(4, 7))]
            text = "\n\n".join(" ".join(pair) for pair in zip(*[iter([lead, *body, ""])] * 2, strict=False))
            out.write(json.dumps({"id": f"synthetic-{n}", "published": day, "text": text.strip()}) + "\n")


def _one(spec: dict[str, Any]) -> None:
    """Run one batch in this process and print its report as JSON (the child side of :func:`_measure`)."""
    from wirewatch.batch import run_batch
    from wirewatch.config import load_config

    config = load_config(env={}, overrides={"dedup.enabled": spec["dedup"]})
    report = run_batch([spec["input"]], spec["out"], config=config, engine=spec["engine"], workers=spec["workers"],
                       shard_size=spec["shard_size"])
    fields = ("documents", "seconds", "driver_peak_rss", "worker_peak_rss")
    print(json.dumps({**{f: getattr(report, f) for f in fields}, **dataclasses.asdict(report.written)}))


def _measure(source: Path, folder: Path, *, workers: int, **options: Any) -> dict[str, Any]:
    """One batch in a fresh process, with the CPU seconds it and its worker processes used."""
    spec = {"input": str(source), "out": str(folder / "out"), "workers": workers, **options}
    before, busy = resource.getrusage(resource.RUSAGE_CHILDREN), _cpu_ticks()
    child = subprocess.run([sys.executable, __file__, "--one", json.dumps(spec)], capture_output=True, text=True)
    after, busy_after = resource.getrusage(resource.RUSAGE_CHILDREN), _cpu_ticks()
    shutil.rmtree(folder / "out", ignore_errors=True)
    if child.returncode != 0:
        raise SystemExit(f"the batch failed:\n{child.stderr}")
    found = dict(json.loads(child.stdout.strip().splitlines()[-1]))
    found["cpu"] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    if busy is not None and busy_after is not None and busy_after[1] > busy[1]:
        found["busy"] = (busy_after[0] - busy[0]) / (busy_after[1] - busy[1]) * (os.cpu_count() or 1)
    return found


def _cpu_ticks() -> tuple[int, int] | None:
    """The machine's busy and total CPU ticks so far, all cores together (Linux's ``/proc/stat``; None elsewhere):
    the cores a run kept busy on average, whatever processes it started (Ray's included)."""
    try:
        fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle and waiting for input/output
    return sum(fields[:8]) - idle, sum(fields[:8])


def _line(label: str, r: dict[str, Any], engine: str) -> str:
    cpu = f"{r['cpu']:6.1f} CPU s" if engine == "local" else "  (CPU n/a)"
    busy = f", {r['busy']:.2f} of {os.cpu_count()} cores busy" if "busy" in r else ""
    return (f"  {label:<28} {r['seconds']:6.1f} s {cpu}{busy}  {r['articles'] / r['seconds']:5.1f} articles/s  "
            f"{r['events']:6d} events  {r['duplicates']} copies  {r['failures']} failures  peak RSS: driver "
            f"{r['driver_peak_rss'] / 2**20:4.0f} MiB, worker {r['worker_peak_rss'] / 2**20:4.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 articles timed; memory at 200 and 1,000")
    parser.add_argument("--engine", choices=("local", "ray"), default="local", help="engine (default local)")
    parser.add_argument("--shard-size", type=int, default=100, help="documents per shard (default 100)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating 1- and 2-worker rounds (default 2)")
    parser.add_argument("--no-dedup", action="store_true", help="switch the duplicate check off (dedup.enabled)")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        _one(json.loads(args.one))
        return 0
    small, large = (200, 1_000) if args.quick else (1_000, 10_000)
    options = {"engine": args.engine, "shard_size": args.shard_size, "dedup": not args.no_dedup}
    with tempfile.TemporaryDirectory(prefix="wirewatch-bench-batch-") as tmp:
        folder = Path(tmp)
        sources = {n: folder / f"articles-{n}.jsonl" for n in (small, large)}
        for n, path in sources.items():
            write_articles(path, n)
        print(f"wirewatch batch, {args.engine} engine, shards of {args.shard_size}, duplicate check "
              f"{'off' if args.no_dedup else 'on'}, synthetic articles; load average {os.getloadavg()[0]:.1f}:")
        runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        for round_ in range(1, args.rounds + 1):
            for workers in (1, 2):
                runs[workers].append(_measure(sources[small], folder, workers=workers, **options))
                label = f"{small:,} articles, {workers} worker{'s' if workers > 1 else ''} (#{round_})"
                print(_line(label, runs[workers][-1], args.engine), flush=True)
        many = _measure(sources[large], folder, workers=2, **options)
        print(_line(f"{large:,} articles, 2 workers", many, args.engine), flush=True)
    one, two = (statistics.median(r["seconds"] for r in runs[n]) for n in (1, 2))
    print(f"scaling: 2 workers run {one / two:.2f}x as fast as 1 (median of {args.rounds} rounds, {small:,} articles, "
          f"start-up included; load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    driver, worker = (max(r[f"{who}_peak_rss"] for r in runs[2]) / 2**20 for who in ("driver", "worker"))
    print(f"memory, {small:,} → {large:,} articles (2 workers): driver {driver:.0f} → "
          f"{many['driver_peak_rss'] / 2**20:.0f} MiB, worker {worker:.0f} → {many['worker_peak_rss'] / 2**20:.0f} MiB")
    flags = [f for f, on in (("--quick", args.quick), (f"--engine {args.engine}", args.engine != "local"),
                             (f"--shard-size {args.shard_size}", args.shard_size != 100),
                             (f"--rounds {args.rounds}", args.rounds != 2), ("--no-dedup", args.no_dedup)) if on]
    print(" ".join(["reproduce: .venv/bin/python benchmarks/bench_batch.py", *flags]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
