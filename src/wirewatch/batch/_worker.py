"""A batch worker: the pipeline built (and its model loaded) once, run over one shard at a time.

Whether an article is a near-duplicate of an earlier one depends on every article before it, across shards, so a
stage named ``dedup`` splits the stages in two: workers run the stages before it (:meth:`ShardWorker.prepare`),
the driver runs it over the shards in input order, and workers run the stages after it
(:meth:`ShardWorker.finish`), which also turns the shard's results into Parquet files. Without such a stage,
``finish`` runs every stage.
"""

from __future__ import annotations

import dataclasses
import os
import resource
import sys
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Literal

from ..annotate import memory_zone, return_free_memory
from ..base import Stage, Work
from ..config import Config
from ..pipeline import Pipeline
from ..records import Failure, RawDocument
from ..registry import build_stages
from ..store import ShardRows, ShardWrite, shard_rows

__all__ = ["DEDUP", "Method", "ShardResult", "ShardTask", "ShardWorker", "peak_rss", "split_stages"]

#: The name of the stage that the driver runs, in input order.
DEDUP = "dedup"
#: The name of the stage that parses (see :meth:`ShardWorker.finish`).
ANNOTATE = "annotate"
Method = Literal["prepare", "finish"]
Item = RawDocument | Failure | Work


@dataclass(frozen=True, slots=True)
class ShardTask:
    """One shard's documents (raw, or as the stages so far left them), by its index in the input."""

    index: int
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class ShardResult:
    """One processed shard: its tables' rows (the driver writes them as Parquet files), what they hold, and the
    worker's peak memory."""

    index: int
    documents: int
    written: ShardWrite
    rows: ShardRows
    pid: int
    peak_rss: int


def split_stages(stages: Sequence[Stage]) -> tuple[list[Stage], Stage | None, list[Stage]]:
    """The stages before the one named ``dedup``, that stage, and those after it; ([], None, all) without one."""
    for i, stage in enumerate(stages):
        if stage.name == DEDUP:
            return list(stages[:i]), stage, list(stages[i + 1:])
    return [], None, list(stages)


def available_after(stages: Sequence[Stage]) -> set[str]:
    """What a work holds after ``stages`` ran: the raw document and what each stage adds."""
    return {"raw"}.union(*(stage.assigns for stage in stages))


class ShardWorker:
    """One worker's pipeline, built once: the stages before the duplicate check and those after it."""

    def __init__(self, config: Config, *, own_process: bool = False) -> None:
        """``model.n_process = "auto"`` parses in the worker's own process: the batch's workers use the cores.
        ``own_process``: the worker has its process to itself (a local worker process, a Ray actor), and tidies
        it after each shard (:func:`~wirewatch.annotate.return_free_memory`)."""
        self._own_process = own_process
        if config.model.n_process == "auto":
            config = dataclasses.replace(config, model=dataclasses.replace(config.model, n_process=1))
        head, dedup, tail = split_stages(build_stages(config))
        self._model = config.model if any(stage.name == ANNOTATE for stage in tail) else None
        on_error, limit = config.store.on_error, config.limits.seconds_per_document
        self._head = Pipeline(head, on_error=on_error, max_seconds=limit)
        self._tail = Pipeline(tail, on_error=on_error, given=available_after([*head, *([dedup] if dedup else [])]),
                              max_seconds=limit)

    def prepare(self, task: ShardTask) -> ShardTask:
        """Run the stages before the duplicate check over a shard."""
        return ShardTask(task.index, tuple(self._head.works(task.items)))

    def finish(self, task: ShardTask) -> ShardResult:
        """Run the remaining stages over a shard and turn its results into the rows of the store's tables. With an
        ``annotate`` stage among them, the shard is parsed and coded within spaCy's memory zone: what the shard
        added to the vocabulary is freed after it. (The rows become Parquet files in the driver: DuckDB would hold
        some 30 MB more in each worker, next to its spaCy model.)"""
        with self._zone():
            written, rows = shard_rows(self._tail.run(task.items))
        if self._own_process:
            return_free_memory()
        return ShardResult(task.index, len(task.items), written, rows, os.getpid(), peak_rss())

    def _zone(self) -> AbstractContextManager[object]:
        model = self._model
        if model is None:
            return nullcontext()
        return memory_zone(model.name, bulk_decoding=model.bulk_decoding, numpy_matmul=model.numpy_matmul)

    def call(self, method: Method, task: ShardTask) -> ShardTask | ShardResult:
        """Run ``prepare`` or ``finish`` by name (for engines that send the method as data)."""
        return self.prepare(task) if method == "prepare" else self.finish(task)


def peak_rss() -> int:
    """This process's peak resident memory, in bytes."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
