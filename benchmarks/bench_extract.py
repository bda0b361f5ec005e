"""Benchmark: articles per second of ``wirewatch extract`` against bare spaCy on the same texts.

Both run on the same cleaned texts, with the same spaCy model and the same number of processes
(``--n-process``, default 2, spaCy's ``nlp.pipe(n_process=…)`` on both sides): the baseline is the full
pipeline (every component) through ``nlp.pipe``; wirewatch is the whole extract (clean, annotate, resolve, events,
quotes) with the default settings otherwise. The ratio is wirewatch's time over the baseline's. Rounds alternate
to spread machine noise, and the median round counts.

    .venv/bin/python benchmarks/bench_extract.py [--longest N] [--n-process P] [--rounds R] [--set KEY=VALUE...]
    .venv/bin/python benchmarks/bench_extract.py --sample [--repeat N]
    .venv/bin/python benchmarks/bench_extract.py --paths FILE... [--repeat N]

By default the corpus is real news: the N (200) longest texts of the NAEB article set in
../shared/eval/article_extraction/naeb/news_articles.json. Without that file, or with ``--sample``, it is the
bundled sample corpus repeated N times (``--repeat``, default 8; the seeds in ../shared are added when present).
Prints the figures, the machine's load and the command that reproduces them.
"""

from __future__ import annotations

import argparse
import json
import os
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

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
NAEB = SHARED / "eval" / "article_extraction" / "naeb" / "news_articles.json"


def _documents(paths: list[str], repeat: int) -> list[RawDocument]:
    items = list(read_paths(paths)) if paths else list(sample_documents())
    if not paths and SEEDS.is_dir():
        items += list(read_paths(sorted(SEEDS.glob("*.txt"))))
    docs = [d for d in items if isinstance(d, RawDocument)]
    return docs * repeat


def _longest(path: Path, n: int) -> list[RawDocument]:
    """The ``n`` longest texts of an article set (a JSON list of objects with ``id`` and ``text``)."""
    articles = sorted(json.loads(path.read_text(encoding="utf-8")), key=lambda a: -len(a["text"]))[:n]
    return [RawDocument(id=str(a["id"]), source=f"{path.name}:{a['id']}", text=a["text"]) for a in articles]


def _value(text: str) -> object:
    """A ``--set`` value: JSON where it reads as JSON (numbers, true, lists), else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def _time_bare(texts: list[str], model: str, batch_size: int, n_process: int) -> float:
    nlp = load_model(model, full=True)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
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
    parser.add_argument("--longest", type=int, default=200, help="the N longest NAEB texts (default 200)")
    parser.add_argument("--sample", action="store_true", help="the sample corpus (repeated) instead of NAEB")
    parser.add_argument("--repeat", type=int, default=None,
                        help="times the corpus is repeated (default 8 for the sample corpus, else 1)")
    parser.add_argument("--rounds", type=int, default=3, help="alternating timed rounds (default 3)")
    parser.add_argument("--paths", nargs="*", default=[], help="documents to use instead of the NAEB texts")
    parser.add_argument("--n-process", type=int, default=2, help="spaCy processes, on both sides (default 2)")
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="a config override for extract (e.g. model.batch_size=64); repeatable")
    args = parser.parse_args(argv)

    # a corpus may be repeated, so near-duplicate detection is off: every copy is extracted, as bare spaCy parses it
    overrides: dict[str, object] = {"dedup.enabled": False, "model.n_process": args.n_process}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = _value(value)
    config = load_config(overrides=overrides)
    naeb = not args.paths and not args.sample and NAEB.is_file()
    repeat = args.repeat if args.repeat is not None else (1 if naeb or args.paths else 8)
    docs = _longest(NAEB, args.longest) * repeat if naeb else _documents(args.paths, repeat)
    texts = [clean(d, config.clean).text for d in docs]
    tokens = sum(len(t.split()) for t in texts)
    load_model(config.model.name, full=True)("warm up")
    api.extract_text("Russia and Iran signed an agreement in Geneva on Monday.", config=config)  # loads all tables

    load = os.getloadavg()
    bare, ours = [], []
    events = failures = 0
    spent: dict[str, float] = {}
    for _ in range(args.rounds):
        bare.append(_time_bare(texts, config.model.name, config.model.batch_size, args.n_process))
        elapsed, events, failures = _time_extract(docs, config, spent)
        ours.append(elapsed)
    b, o = statistics.median(bare), statistics.median(ours)
    n = len(docs)
    corpus = f"the {args.longest} longest NAEB texts" if naeb else "the given texts"
    print(f"corpus: {corpus}, {n} articles, ~{tokens} words; {args.rounds} alternating rounds, medians shown")
    print(f"load average before / after: {load[0]:.2f} / {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"bare spaCy (full pipeline, nlp.pipe, n_process={args.n_process}): {b:.2f} s  = {n / b:.1f} articles/s")
    print(f"wirewatch extract (whole pipeline):   {o:.2f} s  = {n / o:.1f} articles/s  ({events} events, "
          f"{failures} failures)")
    print(f"rounds (bare, extract): {', '.join(f'{x:.1f}/{y:.1f}' for x, y in zip(bare, ours, strict=True))}")
    print(f"ratio extract / bare spaCy: {o / b:.2f}  (goal: at most 0.50)")
    total = sum(ours)
    shares = ", ".join(f"{name} {100 * t / total:.1f} %" for name, t in spent.items())
    print(f"share of extract time by stage (all rounds, this process; annotate is the rest): {shares}, "
          f"annotate {100 * (total - sum(spent.values())) / total:.1f} %")
    print("reproduce: .venv/bin/python benchmarks/bench_extract.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
