"""The pipeline: stages declare what they need and add, the order is checked before anything runs, and one bad
document never stops a batch."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

import pytest

from wirewatch.base import Work
from wirewatch.config import Config
from wirewatch.errors import PipelineError
from wirewatch.pipeline import Pipeline
from wirewatch.records import Extraction, Failure, RawDocument
from wirewatch.registry import build_pipeline
from wirewatch.stages import ActorResolver, Annotator, CleanStage, EventCoder


def test_stages_in_an_order_that_cannot_run_are_refused():
    config = Config()
    with pytest.raises(PipelineError, match="'events' needs"):
        Pipeline([CleanStage(config), EventCoder(config), Annotator(config), ActorResolver(config)])


def test_the_default_stages_are_in_a_valid_order():
    names = [s.name for s in build_pipeline(Config()).stages]
    assert names == ["clean", "dedup", "annotate", "resolve", "events", "quotes", "claims"]


@dataclasses.dataclass(frozen=True)
class _Explode:
    name: str = "explode"
    requires: ClassVar[frozenset[str]] = frozenset({"article"})
    assigns: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, work: Work) -> None:
        if "boom" in (work.raw.text or ""):
            raise ValueError("boom")


def test_a_failing_document_is_recorded_and_the_others_go_on():
    pipeline = Pipeline([CleanStage(Config()), _Explode()])
    docs = [RawDocument(id=str(i), source=f"doc{i}", text=t) for i, t in enumerate(["fine.", "boom.", "fine too."])]
    results = list(pipeline.run(docs))
    assert [type(r) for r in results] == [Extraction, Failure, Extraction]
    assert "explode failed: ValueError: boom" in results[1].error


def test_with_the_raise_policy_a_failure_stops_the_run():
    pipeline = Pipeline([CleanStage(Config()), _Explode()], on_error="raise")
    with pytest.raises(ValueError, match="boom"):
        list(pipeline.run([RawDocument(id="x", source="x", text="boom.")]))


def test_stages_pickle_so_a_distributed_runner_can_ship_them():
    import pickle

    for stage in build_pipeline(Config()).stages:
        assert pickle.loads(pickle.dumps(stage)) == stage


def test_read_failures_come_out_in_their_place():
    pipeline = Pipeline([CleanStage(Config())])
    items = [RawDocument(id="a", source="a", text="One."), Failure("b", "b.jsonl:2", "bad JSON")]
    results = list(pipeline.run(items))
    assert isinstance(results[0], Extraction) and results[1] == items[1]


@pytest.mark.slow
def test_two_spacy_processes_give_the_same_result_as_one():
    from wirewatch import api
    from wirewatch.config import load_config
    from wirewatch.sample import sample_documents

    docs = [d for d in sample_documents() if isinstance(d, RawDocument)][:6]
    one = list(api.extract(documents=docs, config=load_config(env={})))
    two = list(api.extract(documents=docs, config=load_config(env={}, overrides={"model.n_process": 2,
                                                                                  "model.batch_size": 2})))
    assert [r.to_contract() for r in one] == [r.to_contract() for r in two]
