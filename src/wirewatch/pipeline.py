"""The pipeline: named stages over one shared working document, checked for order before anything runs.

Each stage declares what it ``requires`` and what it ``assigns`` on :class:`Work`; :class:`Pipeline` refuses an
order in which a stage needs something no earlier stage adds. Annotation runs in batches through spaCy's
``nlp.pipe``; every other stage runs per document. Stages are plain picklable objects (no closures), so a
distributed runner can ship them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from .annotate import load_model, parse
from .clean import Cleaner
from .config import Config
from .errors import PipelineError
from .extract._classifier import load_classifier
from .extract.events import code_events
from .extract.quotes import extract_quotes
from .records import Article, Event, Extraction, Failure, Quote, RawDocument
from .resolve import DocActors, load_kb, resolve_actors

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .dedup import DuplicateIndex

T = TypeVar("T")

__all__ = ["ActorResolver", "Annotator", "ClaimLinker", "EventCoder", "Pipeline", "QuoteExtractor", "Stage", "Work"]


@dataclass(slots=True)
class Work:
    """The working document that stages fill in, one field each."""

    raw: RawDocument
    article: Article | None = None
    doc: Doc | None = None
    actors: DocActors | None = None
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def extraction(self) -> Extraction:
        """The frozen result of a fully processed document, actor ids numbered in order of appearance."""
        article = _need(self.article, "article")
        actors = self.actors.actors() if self.actors is not None else ()
        order = sorted(actors, key=lambda a: a.mentions[0].span if a.mentions else (len(article.text), 0))
        ids = {a.id: f"a{n}" for n, a in enumerate(order, 1)}
        renamed = tuple(dataclasses.replace(a, id=ids[a.id]) for a in order)
        events = tuple(
            dataclasses.replace(e, source=_ids(e.source, ids), target=_ids(e.target, ids),
                                according_to=ids.get(e.according_to) if e.according_to else None)
            for e in self.events
        )
        quotes = tuple(dataclasses.replace(q, speaker=ids.get(q.speaker) if q.speaker else None,
                                           about=_ids(q.about, ids)) for q in self.quotes)
        return Extraction(article, renamed, events, quotes)


def _coded(work: Work) -> bool:
    """Whether the later stages run: not when cleaning (or a stage after it) marked the article not to be coded."""
    return work.article is None or work.article.not_coded is None


def _ids(refs: tuple[str, ...], ids: dict[str, str]) -> tuple[str, ...]:
    return tuple(ids[r] for r in refs if r in ids)


def _need(value: T | None, what: str) -> T:
    """A stage's input, or a PipelineError when an earlier stage did not add it."""
    if value is None:
        raise PipelineError(f"{what} is missing: the stage that adds it did not run before this one")
    return value


class Stage(Protocol):
    """A named step over :class:`Work`."""

    name: str
    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    def __call__(self, work: Work) -> None: ...


@dataclass(frozen=True, slots=True)
class CleanStage:
    """clean: raw document → article."""

    config: Config
    name: str = "clean"
    requires: ClassVar[frozenset[str]] = frozenset({"raw"})
    assigns: ClassVar[frozenset[str]] = frozenset({"article"})

    def __call__(self, work: Work) -> None:
        work.article = Cleaner(self.config.clean)(work.raw)


@dataclass(frozen=True, slots=True)
class Annotator:
    """annotate: article → spaCy doc (batched; see :meth:`Pipeline.run`)."""

    config: Config
    name: str = "annotate"
    requires: ClassVar[frozenset[str]] = frozenset({"article"})
    assigns: ClassVar[frozenset[str]] = frozenset({"doc"})

    def __call__(self, work: Work) -> None:
        work.doc = parse(load_model(self.config.model.name), _need(work.article, "article").text)

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]:
        """Annotate a stream of works in batches, in order (works stay in this process; only texts travel)."""
        nlp = load_model(self.config.model.name)
        waiting: dict[int, Work] = {}
        too_long: dict[int, str] = {}  # parsed in pieces, outside the batch (spaCy refuses them whole)

        def texts() -> Iterator[tuple[str, int]]:
            for n, work in enumerate(works):
                waiting[n] = work
                text = work.article.text if work.article is not None and _coded(work) else ""
                if len(text) > nlp.max_length:
                    too_long[n], text = text, ""
                yield text, n

        for doc, n in nlp.pipe(texts(), as_tuples=True, batch_size=self.config.model.batch_size,
                               n_process=self.config.model.n_process):
            work = waiting.pop(n)
            work.doc = parse(nlp, too_long.pop(n)) if n in too_long else doc
            yield work


@dataclass(frozen=True, slots=True)
class ActorResolver:
    """resolve: find actor mentions and resolve them to canonical actors."""

    config: Config
    name: str = "resolve"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "article"})
    assigns: ClassVar[frozenset[str]] = frozenset({"actors"})

    def __call__(self, work: Work) -> None:
        kb = load_kb(self.config.resolve.user_tables)
        work.actors = resolve_actors(_need(work.doc, "doc"), kb, _need(work.article, "article").published)


@dataclass(frozen=True, slots=True)
class EventCoder:
    """extract.events: code PLOVER events."""

    config: Config
    name: str = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "actors"})
    assigns: ClassVar[frozenset[str]] = frozenset({"events"})

    def __call__(self, work: Work) -> None:
        extract = self.config.extract
        work.events = code_events(_need(work.doc, "doc"), _need(work.actors, "actors"),
                                  published=_need(work.article, "article").published,
                                  min_confidence=extract.min_confidence,
                                  classifier=load_classifier() if extract.coder == "plover.hybrid.v2" else None,
                                  threshold=extract.classifier_threshold)


@dataclass(frozen=True, slots=True)
class QuoteExtractor:
    """extract.quotes: quotes and reported statements with their speakers."""

    config: Config
    name: str = "quotes"
    requires: ClassVar[frozenset[str]] = frozenset({"doc", "actors"})
    assigns: ClassVar[frozenset[str]] = frozenset({"quotes"})

    def __call__(self, work: Work) -> None:
        work.quotes = extract_quotes(_need(work.doc, "doc"), _need(work.actors, "actors"))


@dataclass(frozen=True, slots=True)
class ClaimLinker:
    """claims: an event asserted inside a quote or reported statement points to it."""

    config: Config
    name: str = "claims"
    requires: ClassVar[frozenset[str]] = frozenset({"events", "quotes"})
    assigns: ClassVar[frozenset[str]] = frozenset({"claims"})

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


class Pipeline:
    """Stages in a checked order, run over a stream of raw documents."""

    def __init__(self, stages: Sequence[Any], *, on_error: str = "skip", given: Iterable[str] = ("raw",)) -> None:
        """``given``: what the works handed to :meth:`run` already hold (``article`` when they come cleaned)."""
        available = set(given)
        for stage in stages:
            missing = stage.requires - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {sorted(missing)} but no earlier stage adds it; "
                    f"order so far: {[s.name for s in stages]}"
                )
            available |= stage.assigns
        self.stages = list(stages)
        self.on_error = on_error

    @classmethod
    def default(cls, config: Config, *, duplicates: DuplicateIndex | None = None) -> Pipeline:
        """The built-in stages in their usual order (``duplicates``: the dedup stage's index, e.g. a store's)."""
        from .registry import build_stages

        return cls(build_stages(config, duplicates=duplicates), on_error=config.store.on_error)

    def run(self, raws: Iterable[RawDocument | Failure | Work]) -> Iterator[Extraction | Failure]:
        """Process documents in input order; failures come out in their place."""
        for item in self.works(raws):
            yield item if isinstance(item, Failure) else item.extraction()

    def works(self, raws: Iterable[RawDocument | Failure | Work]) -> Iterator[Work | Failure]:
        """As :meth:`run`, but yield the working documents themselves, to hand them on to further stages."""
        failures: dict[int, Failure] = {}
        split = next((i for i, s in enumerate(self.stages) if isinstance(s, Annotator)), len(self.stages))
        before, annotator, after = self.stages[:split], self.stages[split:split + 1], self.stages[split + 1:]

        def prepared() -> Iterator[Work]:
            for n, raw in enumerate(raws):
                if isinstance(raw, Work):
                    work = raw
                else:
                    work = Work(raw if isinstance(raw, RawDocument) else RawDocument(id=str(n), source=""))
                if isinstance(raw, Failure):
                    failures[id(work)] = raw
                else:
                    self._apply(before, work, failures)
                yield work

        stream: Iterable[Work] = prepared()
        if annotator:
            stream = annotator[0].pipe(stream)
        for work in stream:
            if id(work) not in failures:
                self._apply(after, work, failures)
            failure = failures.pop(id(work), None)
            yield failure if failure is not None else work

    def _apply(self, stages: Sequence[Any], work: Work, failures: dict[int, Failure]) -> None:
        for stage in stages:
            if id(work) in failures or not _coded(work):
                return
            try:
                stage(work)
            except Exception as err:  # one bad document never stops a batch
                if self.on_error == "raise":
                    raise
                where = work.raw.source or work.raw.id
                failures[id(work)] = Failure(work.raw.id, where, f"{stage.name} failed: {type(err).__name__}: {err}")
