"""Benchmark: articles per second of ``wirewatch extract`` against bare spaCy on the same texts.

Both run in this one process, on the same cleaned texts, with the same spaCy model loaded once each:
the baseline is the full pipeline (every component) through ``nlp.pipe``; wirewatch is the whole extract
(clean, annotate, resolve, events, quotes). The ratio is wirewatch's time over the baseline's. Rounds alternate
to spread machine noise, and the median round counts.

    .venv/bin/python benchmarks/bench_extract.py [--repeat N] [--rounds R] [--paths FILE...]

By default the corpus is the bundled sample corpus repeated N times (the seeds in ../shared are added when
present). Prints the figures and the command that reproduces them.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from wirewatch import api
from wirewatch.annotate import load_model
from wirewatch.clean import clean
from wirewatch.config import load_config
from wirewatch.ingest import read_paths
from wirewatch.records import Extraction, RawDocument
from wirewatch.registry import build_pipeline
from wirewatch.sample import sample_documents
from wirewatch.stages import Annotator

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _documents(paths: list[str], repeat: int) -> list[RawDocument]:
    items = list(read_paths(paths)) if paths else list(sample_documents())
    if not paths and SEEDS.is_dir():
        items += list(read_paths(sorted(SEEDS.glob("*.txt"))))
    docs = [d for d in items if isinstance(d, RawDocument)]
    return docs * repeat


def _time_bare(texts: list[str], model: str, batch_size: int) -> float:
    nlp = load_model(model, full=True)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


class _Timed:
    """A stage wrapped to add up the time spent in it (per-document stages only)."""

    def __init__(self, stage, spent: dict[str, float]) -> None:  # noqa: ANN001
        self.stage, self.spent = stage, spent
        self.name, self.requires, self.assigns = stage.name, stage.requires, stage.assigns

    def __call__(self, work) -> None:  # noqa: ANN001
        start = time.perf_counter()
        self.stage(work)
        self.spent[self.name] = self.spent.get(self.name, 0.0) + time.perf_counter() - start


def _time_extract(docs: list[RawDocument], config, spent: dict[str, float]) -> tuple[float, int, int]:  # noqa: ANN001
    pipeline = build_pipeline(config)
    pipeline.stages = [s if isinstance(s, Annotator) else _Timed(s, spent) for s in pipeline.stages]
    start = time.perf_counter()
    events = failures = 0
    for result in pipeline.run(docs):
        if isinstance(result, Extraction):
            events += len(result.events)
        else:
            failures += 1
    return time.perf_counter() - start, events, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=8, help="times the corpus is repeated (default 8)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timed rounds (default 3)")
    parser.add_argument("--paths", nargs="*", default=[], help="documents to use instead of the sample corpus")
    args = parser.parse_args(argv)

    # the corpus is repeated, so near-duplicate detection is off: every copy is extracted, as bare spaCy parses it
    config = load_config(overrides={"dedup.enabled": False})
    docs = _documents(args.paths, args.repeat)
    texts = [clean(d, config.clean).text for d in docs]
    tokens = sum(len(t.split()) for t in texts)
    load_model(config.model.name, full=True)("warm up")
    api.extract_text("Russia and Iran signed an agreement in Geneva on Monday.", config=config)  # loads all tables

    bare, ours = [], []
    events = failures = 0
    spent: dict[str, float] = {}
    for _ in range(args.rounds):
        bare.append(_time_bare(texts, config.model.name, config.model.batch_size))
        elapsed, events, failures = _time_extract(docs, config, spent)
        ours.append(elapsed)
    b, o = statistics.median(bare), statistics.median(ours)
    n = len(docs)
    print(f"corpus: {n} articles, ~{tokens} words; {args.rounds} alternating rounds, medians shown")
    print(f"bare spaCy (full pipeline, nlp.pipe): {b:.2f} s  = {n / b:.1f} articles/s")
    print(f"wirewatch extract (whole pipeline):   {o:.2f} s  = {n / o:.1f} articles/s  ({events} events, "
          f"{failures} failures)")
    print(f"ratio extract / bare spaCy: {o / b:.2f}  (goal: at most 1.25)")
    total = sum(ours)
    shares = ", ".join(f"{name} {100 * t / total:.1f} %" for name, t in spent.items())
    print(f"share of extract time by stage (all rounds; annotate is the rest): {shares}, "
          f"annotate {100 * (total - sum(spent.values())) / total:.1f} %")
    print("reproduce: .venv/bin/python benchmarks/bench_extract.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
