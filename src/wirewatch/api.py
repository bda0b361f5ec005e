"""The public Python API: extract, ingest, query and demo, as plain functions over the library.

The CLI, and later the HTTP API and the dashboard, are thin adapters over these.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from . import fetch
from ._warc import ARCHIVE_SUFFIXES
from .batch import Shard, count_rows, find_shards
from .config import Config, load_config
from .errors import InputError, StoreError, WirewatchError
from .ingest import KNOWN_SUFFIXES, read_paths
from .records import Extraction, Failure, RawDocument
from .registry import build_pipeline
from .reports import StoreCounts
from .resolve import Office, load_kb, unify_people
from .sample import sample_documents
from .store import MODALITIES, ActorQuery, ActorRow, EventQuery, EventRow, QuoteQuery, QuoteRow, Store, Summary

if TYPE_CHECKING:
    from .dedup import DuplicateIndex

__all__ = ["ActorProfile", "IngestReport", "actor_profile", "actors", "count_documents", "demo", "duplicate_index",
           "events", "extract", "extract_text", "ingest", "quotes", "watch"]

Progress = Callable[[Extraction | Failure | None], None]


@dataclass(slots=True)
class IngestReport(StoreCounts):
    """What an ingest run did: the documents read, and what became of them."""

    seen: int = 0


def extract(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
    *,
    documents: Iterable[RawDocument | Failure] | None = None,
    config: Config | None = None,
    published: date | str | None = None,
    duplicates: DuplicateIndex | None = None,
) -> Iterator[Extraction | Failure]:
    """Extract actors, events and quotes from files (or raw documents), in input order.

    A copy of an earlier article (same text, or nearly: see ``[dedup]``) is marked and not coded; ``duplicates``
    is the index of earlier articles (``dedup.load_index`` of a store), else this run's articles only.
    """
    config = config or load_config()
    day = _day(published)
    items = documents if documents is not None else read_paths(_paths(paths), published=day, limits=config.limits)
    return build_pipeline(config, duplicates=duplicates).run(items)


def extract_text(text: str, *, published: date | str | None = None, config: Config | None = None) -> Extraction:
    """Extract from one plain-text article given as a string."""
    if not isinstance(text, str):
        raise InputError("<text>", f"expected the article's text as a str, got {type(text).__name__}")
    document = RawDocument(id="text", source="<text>", text=text, published=_day(published))
    result = next(extract(documents=[document], config=config))
    if isinstance(result, Failure):
        raise InputError(result.where, result.error)
    return result


def _paths(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None) -> list[str | os.PathLike[str]]:
    """The paths as a list: one path given bare is one path (never its characters); anything else is an error."""
    if paths is None:
        return []
    if isinstance(paths, str | os.PathLike):
        return [paths]
    if isinstance(paths, bytes) or not isinstance(paths, Iterable):
        raise InputError(repr(paths)[:80], "expected a path or a list of paths (str or pathlib.Path)")
    listed = list(paths)
    bad = [p for p in listed if not isinstance(p, str | os.PathLike)]
    if bad:
        raise InputError(repr(bad[0])[:80], "every path must be a str or a pathlib.Path")
    return listed


def _day(published: date | str | None) -> date | None:
    """A publication date from a date, a datetime or an ISO string ("2024-04-22"); an InputError otherwise."""
    if published is None or (isinstance(published, date) and not isinstance(published, datetime)):
        return published
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, str):
        try:
            return date.fromisoformat(published.strip()[:10])
        except ValueError:
            pass
    raise InputError(repr(published)[:80], "published must be a date or a YYYY-MM-DD string")


def count_documents(paths: Sequence[str | os.PathLike[str]]) -> int | None:
    """A cheap count of the documents in ``paths`` for a progress bar (None when standard input is read)."""
    total = 0
    for path in map(str, paths):
        if path == "-" or _holds_archives(path):
            return None  # unknown: archives hold any number of pages
        shards = _shards_or_none(path)
        if shards is not None:
            total += count_rows(shards)
        elif os.path.isdir(path):
            total += sum(_count_file(os.path.join(root, name), named=False)
                         for root, _, files in os.walk(path) for name in files)
        else:
            total += _count_file(path, named=True)
    return total


def _count_file(path: str, *, named: bool) -> int:
    """Documents in one file: a line per JSON Lines record, one per page or text; in a folder, files of an
    unknown kind (a manifest, notes) are not read, so they count for nothing."""
    lower = path.lower()
    base = lower[:-3] if lower.endswith(".gz") else lower
    suffix = os.path.splitext(base)[1]
    if suffix in {".jsonl", ".ndjson"}:
        opener = gzip.open if lower.endswith(".gz") else open
        try:
            with opener(path, "rb") as handle:
                return sum(1 for line in handle if line.strip())
        except OSError:
            return 1  # unreadable: ingest reports it as one failed document
    return 1 if named or suffix in KNOWN_SUFFIXES else 0


def _holds_archives(path: str) -> bool:
    if os.path.isdir(path):
        return any(name.lower().endswith(ARCHIVE_SUFFIXES) for _, _, files in os.walk(path) for name in files)
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def ingest(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None = None,
    *,
    db: str | os.PathLike[str] | None = None,
    documents: Iterable[RawDocument | Failure] | None = None,
    config: Config | None = None,
    published: date | str | None = None,
    progress: Progress | None = None,
    store: Store | None = None,
    duplicates: DuplicateIndex | None = None,
) -> IngestReport:
    """Extract and store documents; articles already stored are recognised and added once only.

    A folder written by ``wirewatch batch``, or one of its shard files, is loaded as it is, not extracted again.
    ``store`` is an open store to write to instead of ``db`` (a server's writer), and ``duplicates`` its index of
    coded originals, kept between calls (else it is read from the store).
    """
    config = config or load_config()
    if store is None:
        with Store.open(db if db is not None else config.store.path) as opened:
            return ingest(paths, documents=documents, config=config, published=published, progress=progress,
                          store=opened, duplicates=duplicates)
    report = IngestReport()
    shards, paths = _split_shards(_paths(paths))
    for shard in shards:
        _load_shard(store, shard, report, progress)
    if shards and not paths and documents is None:
        return report
    index = duplicates if duplicates is not None else _duplicate_index(store, config)
    for result in extract(paths, documents=documents, config=config, published=_day(published), duplicates=index):
        report.seen += 1
        if isinstance(result, Failure):
            store.add_failure(result)
            report.count(result)
        elif report.count(result, added=store.add(unify_people(result, store.unknown_people))) == "stored":
            _remember(store, index, result)
        if progress is not None:
            progress(result)
    return report


def duplicate_index(store: Store, config: Config) -> DuplicateIndex | None:
    """The index of a store's coded originals (None when near-duplicates are not looked for), for ``ingest``."""
    return _duplicate_index(store, config)


def _duplicate_index(store: Store, config: Config) -> DuplicateIndex | None:
    """The index of the store's coded originals, when near-duplicates are looked for."""
    if not config.dedup.enabled:
        return None
    from .dedup import load_index

    return load_index(store.duplicates, config.dedup)


def _remember(store: Store, index: DuplicateIndex | None, result: Extraction) -> None:
    """Persist the signature of a stored original, so that a later run catches its copies."""
    key = result.article.content_hash
    found = index.signature(key) if index is not None else None
    if found is not None:
        store.duplicates.add_signatures([(key, found)])


def _split_shards(paths: Iterable[str | os.PathLike[str]] | None) -> tuple[list[Shard], list[str | os.PathLike[str]]]:
    """The batch shards among ``paths`` (folders and files written by ``wirewatch batch``), and the other paths."""
    shards: list[Shard] = []
    rest: list[str | os.PathLike[str]] = []
    for path in paths or ():
        found = None if os.fspath(path) == "-" else find_shards(path)
        if found is None:
            rest.append(path)
        else:
            shards += found
    return shards, rest


def _shards_or_none(path: str) -> list[Shard] | None:
    try:
        return find_shards(path)
    except WirewatchError:
        return None  # counted as one document; ingest itself reports the problem


def _load_shard(store: Store, shard: Shard, report: IngestReport, progress: Progress | None) -> None:
    """Load one shard written by ``wirewatch batch``, counting it as ingest counts documents."""
    loaded = store.load_shard(shard.files, unify=unify_people)
    documents = loaded.articles + loaded.copies + len(loaded.failures)
    report.seen += documents
    report.added += loaded.added
    report.duplicates += loaded.articles + loaded.copies - loaded.added
    report.events += loaded.events
    report.failures.extend(loaded.failures)
    if progress is not None:
        for _ in range(documents):
            progress(None)


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


def events(query: EventQuery | None = None, /, *, db: str | os.PathLike[str] | None = None,
           config: Config | None = None, **filters: Any) -> list[EventRow]:
    """Stored events matching ``query`` (or :class:`~wirewatch.store.EventQuery`'s filters as keywords)."""
    with _reading(db, config) as store:
        return store.events(query, **filters)


def actors(query: ActorQuery | None = None, /, *, db: str | os.PathLike[str] | None = None,
           config: Config | None = None, **filters: Any) -> list[ActorRow]:
    """Stored actors, most mentioned first (:class:`~wirewatch.store.ActorQuery`), with the names they go by."""
    with _reading(db, config) as store:
        return store.actors(query, **filters)


def quotes(query: QuoteQuery | None = None, /, *, db: str | os.PathLike[str] | None = None,
           config: Config | None = None, **filters: Any) -> list[QuoteRow]:
    """Stored quotes and reported statements (:class:`~wirewatch.store.QuoteQuery`), in publication order."""
    with _reading(db, config) as store:
        return store.quotes(query, **filters)


def actor_profile(name: str, *, db: str | os.PathLike[str] | None = None, store: Store | None = None,
                  config: Config | None = None) -> ActorProfile | None:
    """The profile of the most mentioned actor that ``name`` (key, country, code or part of a name) stands for,
    read from the store at ``db`` or from an open ``store``."""
    config = config or load_config()
    if store is None:
        with _reading(db, config) as opened:
            return actor_profile(name, store=opened, config=config)
    found = store.actors(name=name, limit=1)
    if not found:
        return None
    actor = found[0]
    as_source = tuple(store.events(source=actor.key, modalities=MODALITIES))
    as_target = tuple(store.events(target=actor.key, modalities=MODALITIES))
    quoted = tuple(store.quotes(speaker=actor.key))
    person = load_kb(config.resolve.user_tables).people.get(actor.key.removeprefix("person:"))
    offices = person.offices if person is not None and actor.key.startswith("person:") else ()
    return ActorProfile(actor, tuple(sorted(offices, key=lambda o: o.start or date.min)), as_source, as_target,
                        quoted)


@contextmanager
def _reading(db: str | os.PathLike[str] | None, config: Config | None) -> Iterator[Store]:
    """The store at ``db`` (else ``store.path``) opened for reading, or a StoreError saying how to make one."""
    path = os.fspath(db) if db is not None else (config or load_config()).store.path
    if path != ":memory:" and not os.path.exists(path):
        raise StoreError(f"no database at {path}; run `wirewatch ingest PATH... --db {path}` first")
    with Store.open(path, read_only=True) as store:
        yield store


def watch(
    feeds: Sequence[str],
    *,
    db: str | os.PathLike[str] | None = None,
    config: Config | None = None,
    interval: float = 900.0,
    once: bool = False,
    max_items: int | None = None,
    retry_failed: bool = False,
    transport: fetch.Transport | None = None,
    progress: Callable[[fetch.Step], None] | None = None,
    on_poll: Callable[[fetch.PollReport], None] | None = None,
) -> int:
    """Poll RSS and Atom feeds and store each new entry's article, every ``interval`` seconds; return the polls.

    With ``once`` it polls once; with ``max_items`` it stops after handling that many entries; ``retry_failed``
    queues the pages that failed before again. Pages are fetched politely (see :mod:`wirewatch.fetch`) and each
    only once, across runs: the fetch log lives in the store.
    """
    for feed in feeds:
        if fetch.page_url(feed, "") is None:
            raise InputError(feed, "not an http:// or https:// address of a feed; give the feed's full URL")
    config = config or load_config()
    open_store = partial(Store.open, db if db is not None else config.store.path)
    with open_store() as store:
        if retry_failed:
            store.fetch_log.retry_failed()
        # copies of articles stored by earlier runs (ingest or watch) are caught too: the index signs them
        duplicates = _duplicate_index(store, config)
    fetcher = fetch.Fetcher(config.fetch, transport=transport)
    return fetch.watch(
        feeds, open_store=open_store, fetcher=fetcher,
        extract=build_pipeline(config, duplicates=duplicates).run, interval=interval, once=once,
        max_items=max_items, progress=progress, on_poll=on_poll,
    )  # fmt: skip
