"""The built-in stages: clean, annotate, resolve, events, quotes and claims (dedup lives in :mod:`wirewatch.dedup`).

Each is a frozen, picklable dataclass over :class:`~wirewatch.base.Work` that declares what it ``requires`` and
``assigns``. They are built by name through :mod:`wirewatch.registry`, never chosen by ``if`` on the config.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import ClassVar

from .annotate import index_sentences, load_model, parse, parse_stream
from .base import Work, coded, need
from .clean import Cleaner
from .config import Config
from .errors import InputError
from .extract import code_events, extract_quotes, load_classifier
from .records import Event, Quote
from .resolve import load_kb, resolve_actors

__all__ = ["ActorResolver", "Annotator", "ClaimLinker", "CleanStage", "EventCoder", "QuoteExtractor"]


@dataclass(frozen=True, slots=True)
class CleanStage:
    """clean: raw document → article (an article longer than ``limits.max_document_chars`` is an InputError)."""

    config: Config
    name: str = "clean"
    requires: ClassVar[frozenset[str]] = frozenset({"raw"})
    assigns: ClassVar[frozenset[str]] = frozenset({"article"})

    def __call__(self, work: Work) -> None:
        article = Cleaner(self.config.clean)(work.raw)
        limit = self.config.limits.max_document_chars
        if len(article.text) > limit:
            raise InputError(work.raw.source or work.raw.id,
                             f"the cleaned article has {len(article.text):,} characters, more than "
                             f"limits.max_document_chars ({limit:,}); raise the limit or split the document")
        work.article = article


@dataclass(frozen=True, slots=True)
class Annotator:
    """annotate: article → spaCy doc (batched, see :meth:`pipe`)."""

    config: Config
    name: str = "annotate"
    requires: ClassVar[frozenset[str]] = frozenset({"article"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc"})

    def __call__(self, work: Work) -> None:
        model = self.config.model
        nlp = load_model(model.name, bulk_decoding=model.bulk_decoding, numpy_matmul=model.numpy_matmul)
        work.doc = index_sentences(parse(nlp, need(work.article, "article").text, limit=model.batch_chars))

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]:
        """Annotate a stream of works in batches, in order (works stay in this process; only texts travel). The
        model is loaded when the first work with text to code comes: works before it (failures, copies, other
        languages) pass on without a doc, which no later stage reads."""
        stream = iter(works)
        for first in stream:
            if first.article is None or not coded(first):
                yield first
                continue
            yield from self._batched(chain([first], stream))
            return

    def _batched(self, works: Iterator[Work]) -> Iterator[Work]:
        model = self.config.model

        def texts() -> Iterator[tuple[str, Work]]:
            for work in works:
                yield (work.article.text if work.article is not None and coded(work) else ""), work

        for doc, work in parse_stream(texts(), model=model.name, batch_size=model.batch_size,
                                      batch_chars=model.batch_chars, n_process=model.n_process,
                                      bulk_decoding=model.bulk_decoding, numpy_matmul=model.numpy_matmul):
            work.doc = index_sentences(doc)
            yield work


@dataclass(frozen=True, slots=True)
class ActorResolver:
    """resolve: find actor mentions and resolve them to canonical actors (``actors.kb.v1``)."""

    config: Config
    name: str = "resolve"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "article"})
    assigns: ClassVar[frozenset[str]] = frozenset({"actors"})

    def __call__(self, work: Work) -> None:
        kb = load_kb(self.config.resolve.user_tables)
        work.actors = resolve_actors(need(work.doc, "doc"), kb, need(work.article, "article").published)


@dataclass(frozen=True, slots=True)
class EventCoder:
    """events: code PLOVER events by rules, and with ``learned`` also the verbs the classifier recognises."""

    config: Config
    learned: bool = True
    name: str = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "actors"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __call__(self, work: Work) -> None:
        extract = self.config.extract
        work.events = code_events(need(work.doc, "doc"), need(work.actors, "actors"),
                                  published=need(work.article, "article").published,
                                  min_confidence=extract.min_confidence,
                                  classifier=load_classifier() if self.learned else None,
                                  threshold=extract.classifier_threshold)


@dataclass(frozen=True, slots=True)
class QuoteExtractor:
    """quotes: quotes and reported statements with their speakers (``quotes.rules.v1``)."""

    config: Config
    name: str = "quotes"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "actors"})
    assigns: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __call__(self, work: Work) -> None:
        work.quotes = extract_quotes(need(work.doc, "doc"), need(work.actors, "actors"))


@dataclass(frozen=True, slots=True)
class ClaimLinker:
    """claims: an event asserted inside a quote or reported statement points to it (rewrites ``events``)."""

    config: Config
    name: str = "claims"
    requires: ClassVar[frozenset[str]] = frozenset({"events", "quotes"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __call__(self, work: Work) -> None:
        work.events = [dataclasses.replace(e, quote=_claim(e, work.quotes)) for e in work.events]


def _claim(event: Event, quotes: list[Quote]) -> str | None:
    """The quote by the event's reporter that contains the event's sentence or lies within it."""
    if event.according_to is None:
        return None
    for quote in quotes:
        inside = quote.span[0] < event.span[1] and event.span[0] < quote.span[1]
        if inside and quote.speaker == event.according_to:
            return quote.id
    return None
