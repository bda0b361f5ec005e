"""The pipeline: named stages over one shared working document, checked for order before anything runs.

Each stage declares what it ``requires`` and what it ``assigns`` on :class:`~wirewatch.base.Work`;
:class:`Pipeline` refuses an order in which a stage needs something no earlier stage adds. A
:class:`~wirewatch.base.BatchStage` (annotation, through spaCy's ``nlp.pipe``) takes the whole stream; every
other stage runs per document. A document whose per-document stages took longer than ``max_seconds`` in all fails
between two stages (a stage is never interrupted mid-way). Build the configured pipeline with
:func:`wirewatch.registry.build_pipeline`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence

from .base import BatchStage, Stage, Work, coded
from .config import DEFAULTS
from .errors import PipelineError
from .records import Extraction, Failure, RawDocument

__all__ = ["ON_ERROR", "Pipeline"]

#: What a failing document does: "skip" records it as a Failure and goes on; "raise" stops the run.
ON_ERROR = ("skip", "raise")
log = logging.getLogger(__name__)


class Pipeline:
    """Stages in a checked order, run over a stream of raw documents."""

    def __init__(self, stages: Sequence[Stage], *, on_error: str = DEFAULTS.store.on_error,
                 given: Iterable[str] = ("raw",), max_seconds: float | None = None) -> None:
        """``given``: what the works handed to :meth:`run` already hold (``article`` when they come cleaned);
        ``max_seconds``: the most time one document may spend in the per-document stages (None: no limit)."""
        if on_error not in ON_ERROR:
            raise PipelineError(f"on_error must be one of {ON_ERROR}, not {on_error!r}")
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
        self.max_seconds = max_seconds
        log.debug("pipeline: %s", " → ".join(s.name for s in self.stages))

    def run(self, raws: Iterable[RawDocument | Failure | Work]) -> Iterator[Extraction | Failure]:
        """Process documents in input order; failures come out in their place."""
        for item in self.works(raws):
            yield item if isinstance(item, Failure) else item.extraction()

    def works(self, raws: Iterable[RawDocument | Failure | Work]) -> Iterator[Work | Failure]:
        """As :meth:`run`, but yield the working documents themselves, to hand them on to further stages."""
        failures: dict[int, Failure] = {}
        spent: dict[int, float] = {}  # seconds each work spent so far in the per-document stages
        split = next((i for i, s in enumerate(self.stages) if isinstance(s, BatchStage)), len(self.stages))
        before, batch, after = self.stages[:split], self.stages[split:split + 1], self.stages[split + 1:]

        def prepared() -> Iterator[Work]:
            for n, raw in enumerate(raws):
                work = raw if isinstance(raw, Work) else Work(
                    raw if isinstance(raw, RawDocument) else RawDocument(id=str(n), source=""))
                if isinstance(raw, Failure):
                    failures[id(work)] = raw
                else:
                    self._apply(before, work, failures, spent)
                yield work

        stream: Iterable[Work] = prepared()
        if batch and isinstance(batch[0], BatchStage):
            stream = batch[0].pipe(stream)
        for work in stream:
            if id(work) not in failures:
                self._apply(after, work, failures, spent)
            spent.pop(id(work), None)
            failure = failures.pop(id(work), None)
            yield failure if failure is not None else work

    def _apply(self, stages: Sequence[Stage], work: Work, failures: dict[int, Failure],
               spent: dict[int, float]) -> None:
        for stage in stages:
            if id(work) in failures or not coded(work):
                return
            started = time.perf_counter()
            try:
                stage(work)
                spent[id(work)] = spent.get(id(work), 0.0) + time.perf_counter() - started
                self._check_time(stage, spent[id(work)])
            except Exception as err:  # one bad document never stops a batch
                if self.on_error == "raise":
                    raise
                where = work.raw.source or work.raw.id
                log.info("%s: skipped, the %s stage failed (%s: %s)", where, stage.name, type(err).__name__, err)
                failures[id(work)] = Failure(work.raw.id, where, f"{stage.name} failed: {type(err).__name__}: {err}")

    def _check_time(self, stage: Stage, seconds: float) -> None:
        """A PipelineError when the document has used up its time (checked between stages, never inside one)."""
        if self.max_seconds is not None and seconds > self.max_seconds:
            raise PipelineError(
                f"the document took {seconds:.1f} s by the end of the {stage.name} stage, past "
                f"limits.max_seconds_per_document ({self.max_seconds:g} s); the stages after it did not run")
