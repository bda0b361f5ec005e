"""The registry: the config chooses each swappable stage by its versioned name, another package adds its own
stages through the ``wirewatch.stages`` entry point group, and a name that builds the wrong thing is refused."""

from __future__ import annotations

import ast
import dataclasses
import re
from importlib.metadata import EntryPoint
from pathlib import Path
from typing import ClassVar

import pytest

from wirewatch import registry
from wirewatch.base import Stage, Work
from wirewatch.config import Config
from wirewatch.errors import ConfigError
from wirewatch.extract import CODER_NAME
from wirewatch.extract.events import LEARNED_CODER
from wirewatch.pipeline import Pipeline
from wirewatch.records import RawDocument
from wirewatch.stages import ClaimLinker, EventCoder

SRC = Path(__file__).resolve().parents[1] / "src" / "wirewatch"


@dataclasses.dataclass(frozen=True)
class Headline:
    """A user's stage: the article's title in capitals (needs the article, rewrites it)."""

    config: Config
    name: str = "headline"
    requires: ClassVar[frozenset[str]] = frozenset({"article"})
    assigns: ClassVar[frozenset[str]] = frozenset({"article"})

    def __call__(self, work: Work) -> None:
        if work.article is not None:
            work.article = dataclasses.replace(work.article, title=(work.article.title or "").upper())


def make_headline(config: Config) -> Headline:
    return Headline(config)


def make_not_a_stage(config: Config) -> object:
    return object()


@pytest.fixture
def installed(monkeypatch):
    """Two entry points, as an installed package of the user's would declare them."""
    points = [EntryPoint(name="user.headline.v1", value=f"{__name__}:make_headline", group=registry.ENTRY_POINTS),
              EntryPoint(name="user.broken.v1", value=f"{__name__}:make_not_a_stage", group=registry.ENTRY_POINTS)]
    monkeypatch.setattr(registry, "entry_points", lambda group: [p for p in points if p.group == group])


def _config(**overrides) -> Config:
    return Config().with_overrides(overrides)


@pytest.mark.parametrize(("name", "learned"), [("plover.hybrid.v2", True), ("plover.rules.v2", False)])
def test_the_coder_is_built_from_the_factory_its_name_maps_to(name, learned):
    coders = [s for s in registry.build_stages(_config(**{"extract.coder": name})) if isinstance(s, EventCoder)]
    assert [c.learned for c in coders] == [learned]


def test_every_built_in_name_maps_to_a_factory_that_builds_a_stage():
    for name, factory in registry.BUILTIN.items():
        assert isinstance(factory(Config()), Stage), name


@pytest.mark.parametrize("setting", ["extract.coder", "extract.quotes", "resolve.resolver"])
def test_an_unknown_name_is_refused_with_the_known_ones(setting):
    with pytest.raises(ConfigError, match=rf"{setting} = 'nosuch.v9'.*plover\.hybrid\.v2"):
        registry.build_stages(_config(**{setting: "nosuch.v9"}))


def test_a_stage_registered_by_an_entry_point_runs_after_the_built_in_ones(installed):
    stages = registry.build_stages(_config(**{"pipeline.extra": ["user.headline.v1"]}))
    assert [s.name for s in stages][-2:] == ["claims", "headline"]
    assert "user.headline.v1" in registry.names()


def test_a_registered_stage_fills_in_the_work(installed):
    stage = registry.factory("user.headline.v1")(Config())
    pipeline = Pipeline([registry.build_stages(Config())[0], stage])
    result = next(pipeline.run([RawDocument(id="1", source="x", text="Some words.", title="Quiet day")]))
    assert result.article.title == "QUIET DAY"


def test_a_registered_name_that_builds_no_stage_is_refused(installed):
    with pytest.raises(ConfigError, match="not a stage"):
        registry.build_stages(_config(**{"pipeline.extra": ["user.broken.v1"]}))


def test_a_coder_must_be_a_stage_that_assigns_events(installed):
    with pytest.raises(ConfigError, match="extract.coder = 'user.headline.v1' builds a stage that assigns"):
        registry.build_stages(_config(**{"extract.coder": "user.headline.v1"}))


def test_claim_linking_declares_that_it_rewrites_the_events():
    assert ClaimLinker.assigns == frozenset({"events"})


def test_no_stage_is_chosen_by_comparing_a_config_string():
    offenders = []
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = ast.unparse(node) if isinstance(node, ast.Compare) else ""
            if re.search(r"config\.\w+\.(coder|quotes|resolver)\b", text):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


@pytest.mark.slow
def test_every_coded_event_records_the_versioned_name_of_what_coded_it(corpus_results):
    coders = {e.coder for r in corpus_results.values() if hasattr(r, "events") for e in r.events}
    assert coders and coders <= {CODER_NAME, LEARNED_CODER}
