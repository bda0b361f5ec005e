"""The public Python API: extract, ingest, query and demo, as plain functions over the library.

The CLI, and later the HTTP API and the dashboard, are thin adapters over these.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from .config import Config, load_config
from .ingest import read_paths
from .pipeline import Pipeline
from .records import Extraction, Failure, RawDocument
from .resolve import Office, load_kb, unify_people
from .sample import sample_documents
from .store import ActorRow, EventRow, QuoteRow, Store, Summary

__all__ = ["ActorProfile", "IngestReport", "actor_profile", "count_documents", "demo", "extract", "extract_text",
           "ingest"]

Progress = Callable[[Extraction | Failure | None], None]


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did."""

    seen: int = 0
    added: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)


def extract(
    paths: Iterable[str | os.PathLike[str]] | None = None,
    *,
    documents: Iterable[RawDocument | Failure] | None = None,
    config: Config | None = None,
    published: date | None = None,
) -> Iterator[Extraction | Failure]:
    """Extract actors, events and quotes from files (or raw documents), in input order."""
    config = config or load_config()
    items = documents if documents is not None else read_paths(paths or [], published=published)
    return Pipeline.default(config).run(items)


def extract_text(text: str, *, published: date | None = None, config: Config | None = None) -> Extraction:
    """Extract from one plain-text article given as a string."""
    result = next(extract(documents=[RawDocument(id="text", source="<text>", text=text, published=published)],
                          config=config))
    if isinstance(result, Failure):
        from .errors import InputError

        raise InputError(result.where, result.error)
    return result


def count_documents(paths: Sequence[str | os.PathLike[str]]) -> int | None:
    """A cheap count of the documents in ``paths`` for a progress bar (None when standard input is read)."""
    total = 0
    for path in map(str, paths):
        if path == "-":
            return None
        if os.path.isdir(path):
            total += sum(len(files) for _, _, files in os.walk(path))
        elif path.endswith((".jsonl", ".ndjson")):
            with open(path, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            total += 1
    return total


def ingest(
    paths: Iterable[str | os.PathLike[str]] | None = None,
    *,
    db: str | os.PathLike[str] | None = None,
    documents: Iterable[RawDocument | Failure] | None = None,
    config: Config | None = None,
    published: date | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Extract and store documents; articles already stored are recognised and added once only."""
    config = config or load_config()
    report = IngestReport()
    with Store.open(db if db is not None else config.store.path) as store:
        for result in extract(paths, documents=documents, config=config, published=published):
            report.seen += 1
            if isinstance(result, Failure):
                report.failures.append(result)
                store.add_failure(result)
            elif store.add(unify_people(result, store.unknown_people)):
                report.added += 1
                report.events += len(result.events)
            else:
                report.duplicates += 1
            if progress is not None:
                progress(result)
    return report


def demo(*, db: str | os.PathLike[str] = "wirewatch-demo.duckdb", config: Config | None = None,
         progress: Progress | None = None) -> tuple[IngestReport, Summary]:
    """Ingest the bundled sample corpus into ``db`` and summarise what the store holds."""
    report = ingest(db=db, documents=sample_documents(), config=config, progress=progress)
    with Store.open(db, read_only=True) as store:
        return report, store.summary()


@dataclass(frozen=True, slots=True)
class ActorProfile:
    """Everything the store knows of one actor: names used, offices, events on either side, quotes."""

    actor: ActorRow
    offices: tuple[Office, ...]
    as_source: tuple[EventRow, ...]
    as_target: tuple[EventRow, ...]
    quotes: tuple[QuoteRow, ...]


def actor_profile(name: str, *, db: str | os.PathLike[str], config: Config | None = None) -> ActorProfile | None:
    """The profile of the most mentioned actor that ``name`` (key, country, code or part of a name) stands for."""
    config = config or load_config()
    with Store.open(db, read_only=True) as store:
        found = store.actors(name=name, limit=1)
        if not found:
            return None
        actor = found[0]
        everything = ("asserted", "reported", "negated", "future", "hypothetical", "denied")
        as_source = tuple(store.events(source=actor.key, modalities=everything))
        as_target = tuple(store.events(target=actor.key, modalities=everything))
        quotes = tuple(store.quotes(speaker=actor.key))
    person = load_kb(config.resolve.user_tables).people.get(actor.key.removeprefix("person:"))
    offices = person.offices if person is not None and actor.key.startswith("person:") else ()
    return ActorProfile(actor, tuple(sorted(offices, key=lambda o: o.start or date.min)), as_source, as_target,
                        quotes)
