"""A batch's output folder: one Parquet file per shard per table, each written atomically, and a manifest.

    OUT/_batch.json                   what the batch reads (inputs, shard size, settings), to resume it safely
    OUT/articles/part-00000.parquet   the store's articles table, shard 0
    OUT/events/part-00000.parquet     … one folder per table of ``store.SHARD_TABLES``

A shard is finished when every table has its file; ``articles`` is written last. Files are written under a
hidden temporary name and renamed, so a killed batch leaves whole files only, and a re-run skips finished shards.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ..errors import BatchError
from ..store import SHARD_TABLES

__all__ = ["MANIFEST", "Layout", "Shard", "count_rows", "find_shards", "shard_name"]

MANIFEST = "_batch.json"
_SUFFIX = ".parquet"


def shard_name(index: int) -> str:
    """The file name of shard ``index`` in every table's folder."""
    return f"part-{index:05d}{_SUFFIX}"


@dataclass(frozen=True, slots=True)
class Shard:
    """One finished shard: its name and its file for each table."""

    name: str
    files: Mapping[str, Path]


class Layout:
    """The output folder of one batch."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)

    def claim(self, manifest: Mapping[str, Any]) -> None:
        """Create the folder for this batch, or check that the batch it holds is this one (then it resumes)."""
        path = self.root / MANIFEST
        if path.exists():
            found = json.loads(path.read_text(encoding="utf-8"))
            if found != dict(manifest):
                differ = sorted(k for k in {*found, *manifest} if found.get(k) != manifest.get(k))
                raise BatchError(
                    f"{self.root} holds a batch with other {', '.join(differ)}: pass the same inputs, "
                    "--shard-size, --published and settings to resume it, or another --out for a new batch"
                )
        elif self.root.exists() and any(self.root.iterdir()):
            raise BatchError(f"{self.root} is not empty and holds no batch; give --out an empty or new folder")
        for table in SHARD_TABLES:
            (self.root / table).mkdir(parents=True, exist_ok=True)
            for stale in (self.root / table).glob(".*.tmp"):
                stale.unlink()  # left by a killed run
        _write_atomically(path, json.dumps(dict(manifest), indent=2, sort_keys=True).encode("utf-8"))

    def done(self, name: str) -> bool:
        """Whether the shard has its file in every table (a finished shard)."""
        return all((self.root / table / name).is_file() for table in SHARD_TABLES)

    def write(self, name: str, files: Mapping[str, bytes]) -> None:
        """Write one shard's Parquet files, each atomically, ``articles`` last."""
        for table in SHARD_TABLES:
            _write_atomically(self.root / table / name, files[table])


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def find_shards(path: str | os.PathLike[str]) -> list[Shard] | None:
    """The finished shards that ``path`` names (a folder holding a batch's manifest, or one shard's file of any
    table); None for any other path."""
    given = Path(path)
    if given.is_dir() and (given / MANIFEST).is_file():
        names = sorted(p.name for p in (given / "articles").glob(f"*{_SUFFIX}"))
        return [_shard(given, name) for name in names if Layout(given).done(name)]
    if given.suffix == _SUFFIX and given.parent.name in SHARD_TABLES:
        root = given.parent.parent
        if not Layout(root).done(given.name):
            missing = [t for t in SHARD_TABLES if not (root / t / given.name).is_file()]
            raise BatchError(f"{given}: shard {given.name} has no {', '.join(missing)} file(s) under {root}; "
                             "re-run `wirewatch batch` into that folder to finish it")
        return [_shard(root, given.name)]
    if given.suffix == _SUFFIX:
        raise BatchError(f"{given}: not a shard written by `wirewatch batch` (expected OUT/<table>/part-NNNNN.parquet "
                         f"with <table> one of {', '.join(SHARD_TABLES)})")
    return None


def count_rows(shards: Iterable[Shard]) -> int:
    """The documents that shards hold (their article, copy and failure rows), read from the Parquet footers alone."""
    files = [str(shard.files[table]) for shard in shards for table in ("articles", "copies", "failures")]
    if not files:
        return 0
    with duckdb.connect(":memory:") as con:
        row = con.execute("SELECT sum(num_rows) FROM parquet_file_metadata(?)", [files]).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _shard(root: Path, name: str) -> Shard:
    return Shard(name, {table: root / table / name for table in SHARD_TABLES})
