"""Per-document limits: time spent in the per-document stages (``limits.max_seconds_per_document``) and the length
of the cleaned article (``limits.max_document_chars``). Past either, that document fails, naming the setting, and the
others go on."""

from __future__ import annotations

import dataclasses
import time
from typing import ClassVar

import pytest

from wirewatch.base import Work
from wirewatch.config import Config, LimitsConfig, load_config
from wirewatch.errors import ConfigError, PipelineError
from wirewatch.pipeline import Pipeline
from wirewatch.records import Extraction, Failure, RawDocument
from wirewatch.registry import build_pipeline
from wirewatch.stages import CleanStage


@dataclasses.dataclass(frozen=True)
class _Slow:
    """Sleeps ``seconds`` on a document whose text says "slow", and notes every document it finished."""

    seconds: float
    finished: list[str]
    name: str = "slow"
    requires: ClassVar[frozenset[str]] = frozenset({"article"})
    assigns: ClassVar[frozenset[str]] = frozenset()

    def __call__(self, work: Work) -> None:
        if "slow" in (work.raw.text or ""):
            time.sleep(self.seconds)
        self.finished.append(work.raw.id)


def _docs(*texts: str) -> list[RawDocument]:
    return [RawDocument(id=str(n), source=f"doc{n}", text=text) for n, text in enumerate(texts)]


def test_a_document_past_the_time_limit_fails_naming_the_setting_and_the_others_go_on():
    pipeline = Pipeline([CleanStage(Config()), _Slow(0.2, [])], max_seconds=0.05)
    results = list(pipeline.run(_docs("A quick note.", "A slow note.", "Another quick one.")))
    assert [type(r) for r in results] == [Extraction, Failure, Extraction]
    assert "limits.max_seconds_per_document (0.05 s)" in results[1].error
    assert results[1].error.startswith("slow failed: PipelineError")


def test_the_stage_that_ran_out_of_time_finishes_and_the_stages_after_it_do_not_run():
    slow, after = _Slow(0.2, []), _Slow(0.0, [])
    after = dataclasses.replace(after, name="after")
    list(Pipeline([CleanStage(Config()), slow, after], max_seconds=0.05).run(_docs("A slow note.")))
    assert (slow.finished, after.finished) == (["0"], [])


def test_the_time_of_all_the_stages_of_a_document_adds_up():
    first, second = _Slow(0.06, []), dataclasses.replace(_Slow(0.06, []), name="second")
    [result] = Pipeline([CleanStage(Config()), first, second], max_seconds=0.1).run(_docs("A slow note."))
    assert isinstance(result, Failure) and result.error.startswith("second failed")


def test_without_a_limit_a_slow_document_is_processed():
    results = list(Pipeline([CleanStage(Config()), _Slow(0.1, [])]).run(_docs("A slow note.")))
    assert [type(r) for r in results] == [Extraction]


def test_with_the_raise_policy_running_out_of_time_stops_the_run():
    pipeline = Pipeline([CleanStage(Config()), _Slow(0.1, [])], on_error="raise", max_seconds=0.01)
    with pytest.raises(PipelineError, match="limits.max_seconds_per_document"):
        list(pipeline.run(_docs("A slow note.")))


@pytest.mark.parametrize(("setting", "expected"), [(300.0, 300.0), (0.5, 0.5), (0, None)])
def test_the_configured_pipeline_takes_its_time_limit_from_the_settings(setting, expected):
    config = load_config(env={}, overrides={"limits.max_seconds_per_document": setting})
    assert build_pipeline(config).max_seconds == expected


def test_a_negative_time_limit_is_refused():
    with pytest.raises(ConfigError, match="limits.max_seconds_per_document"):
        load_config(env={}, overrides={"limits.max_seconds_per_document": -1})


def _cleaned_with(limit: int, text: str) -> Extraction | Failure:
    config = dataclasses.replace(Config(), limits=LimitsConfig(max_document_chars=limit))
    [result] = Pipeline([CleanStage(config)]).run(_docs(text))
    return result


@pytest.mark.parametrize(("text", "expected"), [
    ("The port reopened on Monday after the storm.", Failure),
    ("Two ministers met in a border town and signed a water accord.", Failure),
    ("Talks resumed.", Extraction),
    ("Rain fell.", Extraction),
])
def test_an_article_longer_than_the_largest_document_fails(text, expected):
    assert type(_cleaned_with(20, text)) is expected


def test_the_failure_of_a_too_long_article_names_the_setting_and_both_lengths():
    result = _cleaned_with(20, "The port reopened on Monday after the storm.")
    assert isinstance(result, Failure) and result.error.startswith("clean failed: InputError")
    assert "doc0: " in result.error and "44 characters" in result.error
    assert "limits.max_document_chars (20)" in result.error


def test_the_default_largest_document_is_five_million_characters():
    assert Config().limits.max_document_chars == 5_000_000


def test_a_largest_document_under_one_character_is_refused():
    with pytest.raises(ConfigError, match="limits.max_document_chars"):
        load_config(env={}, overrides={"limits.max_document_chars": 0})


def test_through_the_api_a_too_long_article_is_that_documents_failure():
    from wirewatch import api

    config = load_config(env={}, overrides={"limits.max_document_chars": 30})
    docs = _docs("A ferry line between two islands was suspended for a week.")
    [result] = api.extract(documents=docs, config=config)
    assert isinstance(result, Failure) and result.where == "doc0"
    assert "limits.max_document_chars (30)" in result.error
