"""Fuzzing every reader: 2,000 generated hostile inputs (fixed seed, ``tests/hostile.py``) read and cleaned.

For each input, beside a good neighbour file: nothing raises, the neighbour's document comes out whole after it,
and every failure names the input it came from. The long run (10,000 inputs and more, with timings) is
``benchmarks/fuzz_readers.py``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from wirewatch import api
from wirewatch.clean import clean
from wirewatch.config import LimitsConfig
from wirewatch.ingest import read_paths
from wirewatch.records import Extraction, Failure, RawDocument

from .hostile import TEXT, cases

#: Small enough to hit the limit with generated repeats, large enough for every base document.
LIMITS = LimitsConfig(max_input_mb=1)


def read_and_clean(bad: Path, good: Path) -> tuple[list[RawDocument | Failure], float]:
    """The items read from ``bad`` then ``good``, every document among them cleaned; and the slowest second."""
    items, slowest = [], 0.0
    for item in read_paths([bad, good], limits=LIMITS):
        started = time.perf_counter()
        if isinstance(item, RawDocument):
            clean(item)
        slowest = max(slowest, time.perf_counter() - started)
        items.append(item)
    return items, slowest


def test_two_thousand_hostile_inputs_never_raise_and_never_swallow_their_neighbour(tmp_path):
    good = tmp_path / "zz-good.txt"
    good.write_text(TEXT, encoding="utf-8")
    kinds: dict[str, int] = {}
    for case in cases(2000):
        bad = tmp_path / case.name
        bad.write_bytes(case.data)
        items, slowest = read_and_clean(bad, good)
        *from_bad, last = items
        assert isinstance(last, RawDocument) and last.id == str(good), case.name
        assert all(f.where.startswith(str(bad)) and f.error for f in from_bad if isinstance(f, Failure)), case.name
        assert slowest < 10, f"{case.name} took {slowest:.1f} s to clean"
        kind = "failure" if any(isinstance(f, Failure) for f in from_bad) else "read"
        kinds[kind] = kinds.get(kind, 0) + 1
        bad.unlink()
    assert kinds.get("failure", 0) > 100 and kinds.get("read", 0) > 100  # the generator makes both kinds


@pytest.mark.slow
def test_hostile_inputs_through_the_whole_pipeline_give_a_record_each(tmp_path):
    paths = []
    for case in cases(60, seed=7):
        path = tmp_path / case.name
        path.write_bytes(case.data)
        paths.append(path)
    good = tmp_path / "zz-good.txt"  # a story of its own, so that no mutated copy of the base makes it a duplicate
    good.write_text("Norway expelled two Russian diplomats on Tuesday, its foreign ministry said.", encoding="utf-8")
    results = list(api.extract([*paths, good]))
    assert isinstance(results[-1], Extraction) and results[-1].events
    assert all(isinstance(r, Extraction | Failure) for r in results)
