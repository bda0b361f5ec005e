"""Reviewed example briefings: the sample corpus's kept as golden Markdown (a change of wording shows as a diff),
the seeds' checked for their properties only (their text is not ours to copy).

To accept a change of wording on purpose: ``WIREWATCH_REGENERATE_BRIEFINGS=1 pytest tests/test_brief_examples.py``,
then review the diff of ``tests/data/briefings/``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from tests.briefs import check_briefing
from wirewatch import api
from wirewatch.brief import build_briefing, render_html, render_markdown
from wirewatch.incidents import link
from wirewatch.records import Extraction
from wirewatch.resolve import unify_people
from wirewatch.store import Store

GOLDEN = Path(__file__).parent / "data" / "briefings"
REGENERATE = os.environ.get("WIREWATCH_REGENERATE_BRIEFINGS") == "1"

#: Example briefings over the sample corpus: file name -> scope and period.
SAMPLE = {
    "iran": {"actor": "IRN", "since": date(2023, 1, 1), "until": date(2025, 6, 30)},
    "pakistan-afghanistan": {"dyad": ("PAK", "AFG"), "since": date(2024, 3, 1), "until": date(2024, 3, 31)},
    "israel-lebanon": {"dyad": ("ISR", "LBN"), "since": date(2024, 6, 1), "until": date(2024, 6, 30)},
    "venezuela": {"country": "VEN", "since": date(2024, 2, 1), "until": date(2024, 2, 29)},
    "lavrov": {"actor": "Lavrov", "since": date(2024, 2, 1), "until": date(2024, 2, 29)},
    "united-states-china": {"dyad": ("USA", "CHN"), "since": date(2024, 1, 1), "until": date(2024, 12, 31)},
    "israel-iran": {"dyad": ("ISR", "IRN"), "since": date(2023, 4, 1), "until": date(2023, 4, 30)},
    "russia": {"actor": "RUS", "since": date(2024, 1, 1), "until": date(2024, 12, 31)},
}


def _fill(store: Store, results: Iterator[Extraction]) -> Store:
    """Store the extractions as ``ingest`` does, incidents linked."""
    for result in results:
        store.add(unify_people(result, store.unknown_people))
    link(store)
    return store


@pytest.fixture(scope="module")
def sample_store(corpus_results) -> Iterator[Store]:
    with Store.open(":memory:") as store:
        yield _fill(store, (r for r in corpus_results.values() if isinstance(r, Extraction)))


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SAMPLE))
def test_a_sample_corpus_briefing_reads_as_reviewed(sample_store, name):
    briefing = build_briefing(sample_store, **SAMPLE[name])
    check_briefing(briefing, sample_store)
    text = render_markdown(briefing)
    _compare(name, text)
    assert render_markdown(build_briefing(sample_store, **SAMPLE[name])) == text


def _compare(name: str, text: str) -> None:
    """The Markdown against its reviewed golden file (written instead when regenerating)."""
    path = GOLDEN / f"{name}.md"
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no reviewed briefing {path.name}; regenerate with WIREWATCH_REGENERATE_BRIEFINGS=1"
    assert text == path.read_text(encoding="utf-8"), f"{name}: wording changed; review, then regenerate"


@pytest.mark.slow
def test_the_sample_briefings_cover_every_status_and_modality_worded(sample_store):
    briefings = [build_briefing(sample_store, **scope) for scope in SAMPLE.values()]
    statuses = {h.status for b in briefings for h in b.headlines}
    assert {"single-source", "confirmed", "contested", "denied", "planned", "conditional"} <= statuses
    assert sum(len(b.disputes) for b in briefings) >= 2 and sum(len(b.statements) for b in briefings) >= 5


#: Example briefings over the incidents corpus (tests/data/incidents, articles written for wirewatch).
INCIDENTS = {
    "kenya-uganda": {"dyad": ("KEN", "UGA")},
    "india-pakistan": {"dyad": ("IND", "PAK")},
    "thailand-cambodia": {"dyad": ("THA", "KHM")},
    "north-korea": {"actor": "PRK"},
    "israel": {"country": "ISR"},
    "egypt-sudan": {"dyad": ("EGY", "SDN")},
}
MARCH_APRIL_2026 = {"since": date(2026, 3, 1), "until": date(2026, 4, 30)}


@pytest.fixture(scope="module")
def incidents_store(config, tmp_path_factory) -> Iterator[Store]:
    db = tmp_path_factory.mktemp("brief") / "incidents.duckdb"
    api.ingest([Path(__file__).parent / "data" / "incidents" / "articles.jsonl"], db=db, config=config)
    with Store.open(db, read_only=True) as store:
        yield store


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(INCIDENTS))
def test_an_incidents_corpus_briefing_reads_as_reviewed(incidents_store, name):
    briefing = build_briefing(incidents_store, **INCIDENTS[name], **MARCH_APRIL_2026)  # type: ignore[arg-type]
    check_briefing(briefing, incidents_store)
    _compare(f"incidents-{name}", render_markdown(briefing))


@pytest.mark.slow
def test_incident_statuses_are_worded_in_the_incidents_corpus_briefings(incidents_store):
    briefings = [build_briefing(incidents_store, **scope, **MARCH_APRIL_2026)  # type: ignore[arg-type]
                 for scope in INCIDENTS.values()]
    headlines = [h for b in briefings for h in b.headlines]
    assert {"corroborated", "confirmed", "contested", "denied"} <= {h.status for h in headlines}
    for h in headlines:
        assert h.status != "contested" or "contested" in h.sentence.text, h.sentence.text
        assert h.status != "corroborated" or "outlets" in h.sentence.text, h.sentence.text


@pytest.fixture(scope="module")
def seed_store(seed_results) -> Iterator[Store]:
    with Store.open(":memory:") as store:
        yield _fill(store, iter(seed_results.values()))


def _seed_scopes(store: Store) -> list[dict[str, object]]:
    """The three most mentioned actors and the two busiest pairs of countries of the seeds."""
    actors = [{"actor": a.key} for a in store.actors(limit=3)]
    pairs = [{"dyad": (p.source, p.target)} for p in store.summary(top=2).top_pairs]
    return actors + pairs


@pytest.mark.slow
def test_seed_briefings_cite_every_sentence_and_word_every_modality(seed_store):
    wide = {"since": date(2000, 1, 1), "until": date(2030, 12, 31)}
    scopes = _seed_scopes(seed_store)
    assert len(scopes) >= 5
    for scope in scopes:
        briefing = build_briefing(seed_store, **scope, **wide)  # type: ignore[arg-type]
        assert briefing.headlines, scope
        check_briefing(briefing, seed_store)
        assert render_markdown(briefing) == render_markdown(build_briefing(seed_store, **scope, **wide))  # type: ignore[arg-type]
        assert "<script" not in render_html(briefing)


def test_the_readme_shows_a_reviewed_sample_briefing_verbatim():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"```markdown\n{(GOLDEN / 'venezuela.md').read_text(encoding='utf-8')}```" in readme
    assert "--country VEN --since 2024-02-01 --until 2024-02-29" in readme
