"""End to end on the bundled sample corpus: the events a careful coder would record are found.

``corpus/expected.json`` lists, per article, the main events stated plainly in one sentence. The gate pins the
share found (right type, source and target, in the right sentence) and the share of those with the right
modality; a change that lowers either below its floor in ``data/eval_gates.toml`` fails here. A development set:
the coder was built on these articles. Raise the floors when the coder improves.
"""

from __future__ import annotations

import json

import pytest

from wirewatch.records import Actor, Event, Extraction
from wirewatch.sample import corpus_dir

from .gates import floor

pytestmark = pytest.mark.slow

MIN_RECALL = floor("corpus", "recall")
MIN_MODALITY_ACCURACY = floor("corpus", "modality_accuracy")
_SYMMETRIC = {"CONSULT", "SUPPORT", "COOPERATE", "AGREE"}


def _expected() -> dict[str, list[dict[str, str]]]:
    data = json.loads((corpus_dir() / "expected.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _doc_id(key: str) -> str:
    return key.split("#", 1)[1] if "#" in key else key


def _is(actor: Actor, code: str) -> bool:
    org = f"org:{code}"
    return actor.country == code or actor.key == org or actor.affiliation == org


def _matches(event: Event, want: dict[str, str], actors: dict[str, Actor], text: str) -> bool:
    if event.type != want["type"] or want["sentence_contains"] not in text[event.span[0] : event.span[1]]:
        return False
    src = [actors[a] for a in event.source]
    tgt = [actors[a] for a in event.target]
    forward = any(_is(a, want["source"]) for a in src) and any(_is(a, want["target"]) for a in tgt)
    backward = any(_is(a, want["target"]) for a in src) and any(_is(a, want["source"]) for a in tgt)
    return forward or (backward and want["type"] in _SYMMETRIC)


def score(results: dict) -> tuple[int, int, int, list[str]]:
    """Found, with right modality, expected, and a line for each miss."""
    found = right_modality = total = 0
    misses: list[str] = []
    for key, wanted in _expected().items():
        result = results.get(_doc_id(key))
        for want in wanted:
            total += 1
            if not isinstance(result, Extraction):
                misses.append(f"{key}: not extracted")
                continue
            actors = {a.id: a for a in result.actors}
            hits = [e for e in result.events if _matches(e, want, actors, result.article.text)]
            if not hits:
                misses.append(f"{key}: {want['source']} {want['type']} {want['target']} ({want['modality']}) "
                              f"in “{want['sentence_contains']}”")
                continue
            found += 1
            right_modality += any(e.modality == want["modality"] for e in hits)
    return found, right_modality, total, misses


def test_the_main_events_of_the_sample_corpus_are_found(corpus_results):
    found, right_modality, total, misses = score(corpus_results)
    recall = found / total
    print(f"\nsample corpus: {found}/{total} expected events found (recall {recall:.2f}); "
          f"modality right on {right_modality}/{found}")
    print("missed:\n  " + "\n  ".join(misses))
    assert recall >= MIN_RECALL, "\n".join(misses)
    assert right_modality / max(found, 1) >= MIN_MODALITY_ACCURACY


def test_every_article_of_the_sample_corpus_is_extracted(corpus_results):
    failures = {k: v for k, v in corpus_results.items() if not isinstance(v, Extraction)}
    assert not failures
    assert len(corpus_results) >= 20
