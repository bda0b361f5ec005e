"""Shared fixtures: the spaCy-backed pipeline (loaded once), the sample corpus, and ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch import annotate, api
from wirewatch.config import Config, load_config
from wirewatch.records import Extraction, Failure
from wirewatch.sample import sample_documents

SHARED = Path(__file__).resolve().parents[2] / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip saying it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} not found: checks against shared material skipped")
    return path


def coded_sample_corpus(**settings: object) -> list[Extraction]:
    """The sample corpus coded in this process with ``settings`` (config keys), the duplicate check off."""
    from wirewatch.registry import build_pipeline

    config = load_config(env={}, overrides={"dedup.enabled": False, "model.n_process": 1, **settings})
    return [r for r in build_pipeline(config).run(list(sample_documents())) if isinstance(r, Extraction)]


def assert_same_coding(these: list[Extraction], those: list[Extraction]) -> None:
    """The same events, actors and quotes, article by article (and enough events for that to mean something)."""
    assert sum(len(x.events) for x in those) > 50
    assert [x.events for x in these] == [x.events for x in those]
    assert [(x.actors, x.quotes) for x in these] == [(x.actors, x.quotes) for x in those]


#: The shared fixtures that run the model.
_MODEL_FIXTURES = {"corpus_results", "seed_results"}


@pytest.fixture(autouse=True)
def _unmarked_tests_stay_fast(request, monkeypatch):
    """A test not marked ``slow`` must not load the spaCy model (``pytest -m "not slow"`` is the fast suite)."""
    if request.node.get_closest_marker("slow") is None:
        loaded = sorted(set(request.fixturenames) & _MODEL_FIXTURES)
        assert not loaded, f"{request.node.nodeid} uses {loaded}, which run the spaCy model: mark it slow"

        def refuse(name: str, **_options: object) -> None:
            raise AssertionError(f"{request.node.nodeid} loads the spaCy model {name!r}: mark it slow")

        monkeypatch.setattr(annotate, "_load", refuse)


@pytest.fixture(scope="session")
def config() -> Config:
    return load_config(env={})


@pytest.fixture(scope="session")
def corpus_results(config: Config) -> dict[str, Extraction | Failure]:
    """Every sample-corpus article run through the default pipeline, by document id."""
    out: dict[str, Extraction | Failure] = {}
    for result in api.extract(documents=sample_documents(), config=config):
        key = result.article.id if isinstance(result, Extraction) else str(result.id)
        out[key] = result
    return out


@pytest.fixture(scope="session")
def seed_results(config: Config) -> dict[str, Extraction]:
    """The two seed articles from ../shared/seeds, extracted with a publication date in their period."""
    from datetime import date

    folder = shared_path("seeds")
    results = {}
    dates = {"000": date(2025, 3, 10), "001": date(2024, 4, 20)}
    for path in sorted(folder.glob("*.txt")):
        prefix = path.name[:3]
        result = next(api.extract([path], config=config, published=dates.get(prefix)))
        assert isinstance(result, Extraction), result
        results[prefix] = result
    return results
