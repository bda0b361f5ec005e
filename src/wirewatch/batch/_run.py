"""The batch driver: read the input as a stream, cut it into shards, run them on an engine, write their files.

Memory stays flat as the input grows: documents are read as they are needed, at most ``2 × workers`` shards are
in flight in each phase, and each shard's files are written as soon as it comes back.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import count, islice
from typing import Any

from ..config import Config, load_config
from ..errors import BatchError
from ..ingest import read_paths
from ..pipeline import Pipeline
from ..records import Failure, RawDocument
from ..registry import build_stages
from ..store import ShardWrite, shard_files
from ._engines import Engine, open_engine, ordered
from ._layout import Layout, shard_name
from ._worker import ShardResult, ShardTask, available_after, peak_rss, split_stages

__all__ = ["BatchReport", "run_batch"]

#: Called after each shard with the number of documents it held (written or found finished).
Progress = Callable[[int], None]


@dataclass(slots=True)
class BatchReport:
    """What a batch run did: documents and shards, what the shards hold (``written``: articles, duplicates, events
    and failures, summed), and the peak memory of its driver and of its busiest worker."""

    documents: int = 0
    shards: int = 0
    skipped: int = 0
    written: ShardWrite = field(default_factory=ShardWrite)
    seconds: float = 0.0
    driver_peak_rss: int = 0
    worker_peak_rss: int = 0

    @property
    def articles_per_second(self) -> float:
        """Articles written per second of the run."""
        return self.written.articles / self.seconds if self.seconds > 0 else 0.0

    def add(self, result: ShardResult) -> None:
        """Count a written shard."""
        self.shards += 1
        self.documents += result.documents
        self.written += result.written
        self.worker_peak_rss = max(self.worker_peak_rss, result.peak_rss)


def run_batch(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    config: Config | None = None,
    engine: str = "local",
    workers: int = 1,
    shard_size: int = 100,
    address: str | None = None,
    published: date | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """Run the pipeline over ``paths`` in shards of ``shard_size`` documents and write Parquet shards to ``out``.

    A re-run into the same ``out`` skips the shards already written (a killed batch resumes).
    """
    if shard_size < 1:
        raise BatchError(f"the shard size must be 1 or more documents, not {shard_size}")
    config = config or load_config()
    inputs = [os.fspath(p) for p in paths]
    started = time.perf_counter()
    layout = Layout(out)
    layout.claim(_manifest(inputs, shard_size, published, config))
    report = BatchReport()
    shards = _shards(read_paths(inputs, published=published, limits=config.limits), shard_size)
    with open_engine(engine, config, workers=workers, address=address) as running:
        for result in _results(running, shards, layout, config, report, progress):
            layout.write(shard_name(result.index), shard_files(result.rows))
            report.add(result)
            if progress is not None:
                progress(result.documents)
    report.seconds = time.perf_counter() - started
    report.driver_peak_rss = peak_rss()
    return report


def _results(engine: Engine, shards: Iterator[ShardTask], layout: Layout, config: Config, report: BatchReport,
             progress: Progress | None) -> Iterator[ShardResult]:
    """Each unfinished shard processed, in order; with a ``dedup`` stage, the driver runs it between the phases."""
    window = 2 * engine.workers
    head, dedup, _ = split_stages(build_stages(config))
    if dedup is not None:
        check = Pipeline([dedup], on_error=config.store.on_error, given=available_after(head))
        prepared = ordered(engine, "prepare", shards, window)  # finished shards too: the check must see them
        shards = (ShardTask(task.index, tuple(check.works(task.items))) for task in prepared)
    todo = (task for task in shards if not _finished(task, layout, report, progress))
    return ordered(engine, "finish", todo, window)


def _finished(task: ShardTask, layout: Layout, report: BatchReport, progress: Progress | None) -> bool:
    if not layout.done(shard_name(task.index)):
        return False
    report.skipped += 1
    if progress is not None:
        progress(len(task.items))
    return True


def _shards(items: Iterable[RawDocument | Failure], size: int) -> Iterator[ShardTask]:
    stream = iter(items)
    for index in count():
        chunk = tuple(islice(stream, size))
        if not chunk:
            return
        yield ShardTask(index, chunk)


def _manifest(paths: list[str], shard_size: int, published: date | None, config: Config) -> dict[str, Any]:
    """What decides the shards' contents: a re-run must match it to resume."""
    settings = repr((config.model, config.clean, config.dedup, config.extract, config.resolve, config.store.on_error,
                     *((config.pipeline,) if config.pipeline.extra else ())))
    return {
        "inputs": [p if p == "-" else os.path.abspath(p) for p in paths],
        "shard_size": shard_size,
        "published": published.isoformat() if published else None,
        "settings": hashlib.sha256(settings.encode("utf-8")).hexdigest()[:16],
    }
