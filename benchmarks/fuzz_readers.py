"""Long fuzz run of every reader and the cleaner: N generated hostile inputs (``tests/hostile.py``, fixed seed).

Each input is read beside a good neighbour file and every document read is cleaned. Counted: inputs, documents
read, failures reported, crashes (an exception escaping ``read_paths`` or ``clean``, or the neighbour lost) and
hangs (an input that took longer than ``--hang`` seconds). With ``--pipeline N`` the first N inputs also go
through the whole pipeline (model included) in one run.

    .venv/bin/python benchmarks/fuzz_readers.py [--count 10000] [--seed 20261207] [--hang 10] [--pipeline 200]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.hostile import TEXT, cases  # noqa: E402

from wirewatch import api  # noqa: E402
from wirewatch.clean import clean  # noqa: E402
from wirewatch.config import LimitsConfig  # noqa: E402
from wirewatch.ingest import read_paths  # noqa: E402
from wirewatch.records import Extraction, Failure, RawDocument  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--hang", type=float, default=10.0, help="seconds after which one input counts as a hang")
    parser.add_argument("--pipeline", type=int, default=0, help="also run the first N inputs through the pipeline")
    args = parser.parse_args()
    counts = {"inputs": 0, "documents": 0, "failures": 0, "crashes": 0, "hangs": 0}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        good = Path(folder) / "zz-good.txt"
        good.write_text(TEXT, encoding="utf-8")
        kept = []
        for case in cases(args.count, seed=args.seed):
            bad = Path(folder) / case.name
            bad.write_bytes(case.data)
            _one(bad, good, counts, args.hang)
            if len(kept) < args.pipeline:
                kept.append(bad)
            else:
                bad.unlink()
        if kept:
            _pipeline(kept, counts)
    seconds = time.perf_counter() - started
    print(" ".join(f"{k}={v}" for k, v in counts.items()), f"seconds={seconds:.0f}")
    return 1 if counts["crashes"] or counts["hangs"] else 0


def _one(bad: Path, good: Path, counts: dict[str, int], hang: float) -> None:
    counts["inputs"] += 1
    began = time.perf_counter()
    try:
        items = list(read_paths([bad, good], limits=LimitsConfig(max_input_mb=1)))
        for item in items:
            if isinstance(item, RawDocument):
                clean(item)
    except Exception:  # what the run is looking for: report it and go on
        counts["crashes"] += 1
        print(f"CRASH {bad.name}:\n{traceback.format_exc()}", file=sys.stderr)
        return
    if time.perf_counter() - began > hang:
        counts["hangs"] += 1
        print(f"HANG {bad.name}: {time.perf_counter() - began:.1f} s", file=sys.stderr)
    *from_bad, last = items
    if not (isinstance(last, RawDocument) and last.id == str(good)):
        counts["crashes"] += 1
        print(f"LOST NEIGHBOUR after {bad.name}", file=sys.stderr)
    counts["documents"] += sum(isinstance(i, RawDocument) for i in from_bad)
    counts["failures"] += sum(isinstance(i, Failure) for i in from_bad)


def _pipeline(paths: list[Path], counts: dict[str, int]) -> None:
    try:
        results = list(api.extract(paths))
    except Exception:
        counts["crashes"] += 1
        print(f"CRASH in the pipeline:\n{traceback.format_exc()}", file=sys.stderr)
        return
    counts["pipeline_records"] = sum(isinstance(r, Extraction | Failure) for r in results)


if __name__ == "__main__":
    raise SystemExit(main())
