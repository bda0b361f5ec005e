"""The event coder on a held-out set: wire-style sentences written without looking at the coder's rules.

``tests/data/heldout_events.json`` holds 200 sentences in the Reuters/AP register (206 coded events: a few
sentences carry two), at least eight events for each of the 16 PLOVER types, in the PLOVER gold file's format:
``{id, text, event, source: [{actorText, code}], target: [...], date}``. Types follow the CAMEO-to-PLOVER
crosswalk (stated intentions to cooperate or yield are AGREE, announced hostile acts THREATEN, refusals REJECT);
codes are ISO 3166 alpha-3 countries, ``IGO``, ``NGO`` or ``---REB``. The sentences were frozen before the coder
first ran on them and must not be edited to make the coder pass; fixing a genuine labelling mistake is fine.

A development set now. It was blind when first measured (end-to-end 0.563, pair found 0.641, type accuracy where
found 0.879: the honest estimate of that coder); later rules were prompted by its failures, so its figures since
are optimistic. A new blind set is pinned in ``data/eval_gates.toml``.

The well-formedness checks run always; the quality gate (marked slow) runs the default pipeline on every sentence
as ``wirewatch eval`` does, prints the figures with ``-s``, and fails when one falls below its floor in
``data/eval_gates.toml``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from wirewatch.config import Config
from wirewatch.evaluation import Scores, extract_sentences
from wirewatch.evaluation._gold import load_plover
from wirewatch.evaluation._score import score
from wirewatch.registry import build_pipeline

from .gates import floor

HELDOUT_PATH = Path(__file__).parent / "data" / "heldout_events.json"

PLOVER_TYPES = frozenset({
    "AGREE", "SUPPORT", "CONSULT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "RETREAT", "CONCEDE",
})
#: A country (ISO 3166 alpha-3), a kind of actor with no country (IGO, NGO), or a stateless rebel group.
ACTOR_CODE = re.compile(r"[A-Z]{3}|---REB")


def _records() -> list[dict[str, Any]]:
    return json.loads(HELDOUT_PATH.read_text(encoding="utf-8"))


def _actors(record: dict[str, Any]) -> list[dict[str, str]]:
    return [*record["source"], *record["target"]]


def test_the_set_holds_200_sentences_with_unique_ids():
    records = _records()
    assert len({r["text"] for r in records}) == 200
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))


def test_every_event_is_one_of_the_16_plover_types_and_each_type_has_at_least_eight():
    counts = Counter(r["event"] for r in _records())
    assert set(counts) == PLOVER_TYPES
    assert min(counts.values()) >= 8


def test_every_actor_text_occurs_in_its_sentence():
    missing = [(r["id"], a["actorText"]) for r in _records() for a in _actors(r) if a["actorText"] not in r["text"]]
    assert not missing


def test_every_actor_code_names_a_country_or_a_kind_of_actor():
    bad = [(r["id"], a["code"]) for r in _records() for a in _actors(r) if not ACTOR_CODE.fullmatch(a["code"])]
    assert not bad


def test_every_event_has_a_source_and_a_publication_date():
    records = _records()
    assert all(r["source"] for r in records)
    assert all(s.published is not None for s in load_plover(HELDOUT_PATH))


def test_the_plover_loader_reads_one_event_per_record():
    sentences = load_plover(HELDOUT_PATH)
    assert [(s.id, s.events[0].type) for s in sentences] == [(r["id"], r["event"]) for r in _records()]


@pytest.fixture(scope="module")
def heldout_scores(config: Config) -> Scores:
    """Every held-out sentence extracted as its own document (dedup off, as in ``wirewatch eval``), then scored."""
    sentences = load_plover(HELDOUT_PATH)
    pipeline = build_pipeline(config.with_overrides({"dedup.enabled": False}))
    return score("heldout", sentences, extract_sentences("heldout", sentences, pipeline))


def _report(scores: Scores) -> str:
    lines = [f"held-out set: {scores.scored} events; end-to-end {scores.end_to_end:.3f}, pair found "
             f"{scores.pair_found:.3f}, type accuracy where found {scores.type_accuracy_where_pair_found:.3f}",
             f"{'type':<10} {'gold':>4} {'pred':>4} {'P':>5} {'R':>5} {'F1':>5}"]
    lines += [f"{t.type:<10} {t.gold:>4} {t.predicted:>4} {t.precision:5.2f} {t.recall:5.2f} {t.f1:5.2f}"
              for t in scores.per_type()]
    for o in scores.outcomes:
        if not o.right:
            gold = (f"{o.gold.type} {'+'.join(a.code for a in o.gold.sources)}"
                    f"->{'+'.join(a.code for a in o.gold.targets) or '-'}")
            answer = f"{o.answer.type} {o.answer_source}->{o.answer_target or '-'}" if o.answer else "no event"
            lines.append(f"  {o.sentence.id}: gold {gold}; answer {answer}")
    return "\n".join(lines)


@pytest.mark.slow
def test_heldout_end_to_end_accuracy_holds(heldout_scores: Scores):
    print("\n" + _report(heldout_scores))
    assert heldout_scores.scored == 206
    assert heldout_scores.end_to_end >= floor("heldout", "end_to_end")


@pytest.mark.slow
def test_heldout_pair_found_holds(heldout_scores: Scores):
    assert heldout_scores.pair_found >= floor("heldout", "pair_found")


@pytest.mark.slow
def test_heldout_type_accuracy_where_the_pair_is_found_holds(heldout_scores: Scores):
    assert heldout_scores.type_accuracy_where_pair_found >= floor("heldout", "type_accuracy")
