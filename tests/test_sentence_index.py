"""The sentence index is a shortcut only: with it and without it, the coder finds the same actors, events and
quotes on the sample corpus."""

from __future__ import annotations

import pytest

from wirewatch.base import Work
from wirewatch.config import load_config
from wirewatch.records import RawDocument
from wirewatch.registry import build_pipeline
from wirewatch.sample import sample_documents
from wirewatch.stages import Annotator

pytestmark = pytest.mark.slow


def _parsed() -> tuple[list[Work], list]:  # noqa: ANN001
    """The sample corpus annotated once, and the stages that read the parse."""
    pipeline = build_pipeline(load_config(overrides={"dedup.enabled": False}))
    split = next(i for i, s in enumerate(pipeline.stages) if isinstance(s, Annotator))
    raws = [d for d in sample_documents() if isinstance(d, RawDocument)]
    before = pipeline.stages[:split]
    works = [Work(r) for r in raws]
    for work in works:
        for stage in before:
            stage(work)
    coded = [w for w in works if w.article is not None and w.article.not_coded is None]
    return list(pipeline.stages[split].pipe(coded)), pipeline.stages[split + 1:]


def _extract(works: list[Work], stages: list) -> list:  # noqa: ANN001
    for work in works:
        work.events, work.quotes = [], []
        for stage in stages:
            stage(work)
    return [w.extraction() for w in works]


def test_the_coder_finds_the_same_events_with_and_without_the_sentence_index():
    works, stages = _parsed()
    assert all("sent" in w.doc.user_token_hooks for w in works)
    indexed = _extract(works, stages)
    for work in works:
        work.doc.user_token_hooks.clear()
        work.doc.user_span_hooks.clear()
    plain = _extract(works, stages)
    assert sum(len(x.events) for x in plain) > 50
    assert [x.events for x in indexed] == [x.events for x in plain]
    assert [(x.actors, x.quotes) for x in indexed] == [(x.actors, x.quotes) for x in plain]
