"""The bundled sample corpus: articles written for wirewatch's demo and tests, with their metadata."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path

from .ingest import read_paths
from .records import Failure, RawDocument

__all__ = ["corpus_dir", "sample_documents"]


def corpus_dir() -> Path:
    """The folder of the bundled sample corpus."""
    return Path(str(resources.files("wirewatch").joinpath("corpus")))


def _manifest(folder: Path) -> dict[str, dict[str, str]]:
    path = folder / "manifest.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return {name: meta for name, meta in data.items() if isinstance(meta, dict)}


def sample_documents() -> Iterator[RawDocument | Failure]:
    """Every article of the sample corpus, with publication dates and outlets from its manifest."""
    folder = corpus_dir()
    manifest = _manifest(folder)
    files = sorted(p for p in folder.iterdir() if p.name not in {"manifest.json", "expected.json"})
    for item in read_paths(files):
        if isinstance(item, RawDocument):
            meta = manifest.get(Path(item.source.split(":")[0]).name, {})
            published = item.published or (date.fromisoformat(meta["published"]) if meta.get("published") else None)
            item = dataclasses.replace(
                item, id=_short_id(item, folder), published=published, outlet=item.outlet or meta.get("outlet")
            )
        yield item


def _short_id(item: RawDocument, folder: Path) -> str:
    source = Path(item.source.split(":")[0])
    if item.source.endswith((".jsonl", ".ndjson")) or ":" in item.source:
        return item.id
    try:
        return str(source.relative_to(folder))
    except ValueError:
        return item.id
