"""Batch: the pipeline over large inputs, in shards, on local worker processes or a Ray cluster, to Parquet.

    report = run_batch(["news/"], "out/", engine="ray", workers=4, shard_size=200)
    # out/articles/part-00000.parquet, out/events/part-00000.parquet, …  (then: wirewatch ingest out/)

The input streams in (never read whole) and is cut into shards of ``shard_size`` documents in input order. Each
worker builds the pipeline once and turns whole shards into the rows of the store's tables; the driver writes them
as one Parquet file per table, atomically, so a killed batch resumes where it stopped. The results do not depend
on the engine or the number of workers: a ``dedup`` stage, whose decision depends on every earlier article, runs in
the driver in input order between the stages before it and those after it. ``find_shards`` names the finished
shards that ``wirewatch ingest`` loads into a store.
"""

from __future__ import annotations

from ._engines import ENGINES
from ._layout import MANIFEST, Shard, count_rows, find_shards
from ._run import BatchReport, run_batch

__all__ = ["ENGINES", "MANIFEST", "BatchReport", "Shard", "count_rows", "find_shards", "run_batch"]
