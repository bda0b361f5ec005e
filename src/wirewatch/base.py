"""The base of every pipeline: the working document (:class:`Work`) and what a stage is (:class:`Stage`).

A stage is a named, picklable callable over one :class:`Work` that declares the fields it ``requires`` and the
fields it ``assigns``; :class:`BatchStage` is a stage that can also take a stream of works at once (spaCy's
``nlp.pipe``). Write your own stage against these two, register its factory (see :mod:`wirewatch.registry`),
and the pipeline checks its place in the order before anything runs.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Protocol, TypeVar, runtime_checkable

from .errors import PipelineError
from .records import Article, Event, Extraction, Quote, RawDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .resolve import DocActors

T = TypeVar("T")

__all__ = ["FIELDS", "BatchStage", "Stage", "Work", "coded", "need"]

#: The fields of :class:`Work` that a stage may require or assign.
FIELDS = frozenset({"raw", "article", "doc", "actors", "events", "quotes"})


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
        article = need(self.article, "article")
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


def _ids(refs: tuple[str, ...], ids: dict[str, str]) -> tuple[str, ...]:
    return tuple(ids[r] for r in refs if r in ids)


def coded(work: Work) -> bool:
    """Whether the later stages run: not when cleaning (or a stage after it) marked the article not to be coded."""
    return work.article is None or work.article.not_coded is None


def need(value: T | None, what: str) -> T:
    """A stage's input, or a PipelineError when an earlier stage did not add it."""
    if value is None:
        raise PipelineError(f"{what} is missing: the stage that adds it did not run before this one")
    return value


@runtime_checkable
class Stage(Protocol):
    """A named step over :class:`Work` that declares the fields it needs and the fields it fills in."""

    requires: ClassVar[frozenset[str]]
    assigns: ClassVar[frozenset[str]]

    @property
    def name(self) -> str:
        """The stage's name in messages and failures (e.g. ``"events"``)."""

    def __call__(self, work: Work) -> None: ...


@runtime_checkable
class BatchStage(Stage, Protocol):
    """A stage that also takes a stream of works and yields them, in order, once done (annotation in batches)."""

    def pipe(self, works: Iterable[Work]) -> Iterator[Work]: ...
