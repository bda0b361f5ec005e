"""`wirewatch eval --set plv`: real news sentences whose gold actors are surface text, scored by shared words.

The scoring tests build gold rows and extractions by hand (no ../shared needed); the gate runs the coder on the
development rows in ../shared/eval/plv_dev (skipped when absent) and fails when a figure drops below its floor in
``data/eval_gates.toml``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.evaluation import evaluate
from wirewatch.evaluation._gold import PLV_PUBLISHED, GoldActor, GoldEvent, GoldSentence, load_plv
from wirewatch.evaluation._score import content_words, score, shares_word
from wirewatch.records import Actor, Article, Event, Extraction, Mention

from .conftest import shared_path
from .gates import floor

TEXT = "The Ruritanian defence ministry said its troops pulled back from the Freedonian border town."


def _actor(n: int, name: str, mention: str) -> Actor:
    start = TEXT.index(mention)
    return Actor(id=f"a{n}", key=f"k{n}", name=name, kind="state", country=None, sector=None,
                 mentions=(Mention(mention, (start, start + len(mention))),))


def _event(type_: str) -> Event:
    return Event(id="e1", type=type_, mode=None, cameo="20", cameo_code="200", goldstein=1.0, quad_class=1,
                 source=("a1",), target=("a2",), modality="asserted", according_to=None, date=None,
                 date_precision=None, location=None, sentence=TEXT, span=(0, len(TEXT)), confidence=0.9,
                 trigger="pulled", coder="test")


def _extraction(type_: str) -> Extraction:
    actors = (_actor(1, "Ruritania", "Ruritanian defence ministry"), _actor(2, "Freedonia", "Freedonian"))
    return Extraction(Article(id="p1", text=TEXT), actors, (_event(type_),), ())


def _sentence(root: str, source: str, target: str) -> GoldSentence:
    return GoldSentence("p1", TEXT, PLV_PUBLISHED, (GoldEvent(root, (GoldActor(source, ""),),
                                                              (GoldActor(target, ""),)),))


@pytest.mark.parametrize(("name", "words"), [
    ("the Ministry of Defence", {"ministry", "defence"}),
    ("Ruritania's army", {"ruritania", "army"}),
    ("an envoy to the UN", {"envoy", "un"}),
])
def test_content_words_drop_articles_prepositions_and_the_possessive(name, words):
    assert content_words(name) == words


@pytest.mark.parametrize(("gold", "expected"), [
    ("the defence ministry", True),      # shares "defence" and "ministry" with a mention
    ("Ruritania", True),                 # the actor's canonical name
    ("the ministry of the interior", True),
    ("the rebels", False),
    ("of the", False),                   # stop words alone never match
])
def test_an_actor_matches_a_gold_surface_text_when_they_share_a_content_word(gold, expected):
    actor = _actor(1, "Ruritania", "Ruritanian defence ministry")
    assert shares_word(actor, GoldActor(gold, ""), TEXT) is expected


@pytest.mark.parametrize(("root", "coded", "right"), [
    ("YIELD", "RETREAT", True),
    ("YIELD", "CONCEDE", True),
    ("YIELD", "ASSAULT", False),
    ("RETREAT", "CONCEDE", False),
])
def test_the_yield_root_stands_for_concede_or_retreat(root, coded, right):
    scores = score("plv", [_sentence(root, "the defence ministry", "Freedonian town")], [_extraction(coded)],
                   match=shares_word)
    assert scores.pair_found == 1.0
    assert scores.end_to_end == (1.0 if right else 0.0)
    per_type = {t.type: t for t in scores.per_type()}
    assert per_type[root].correct == int(right)


def test_a_wrong_target_is_not_a_found_pair():
    scores = score("plv", [_sentence("YIELD", "the defence ministry", "the rebels")], [_extraction("RETREAT")],
                   match=shares_word)
    assert scores.pair_found == 0.0 and scores.end_to_end == 0.0


def test_rows_of_one_sentence_become_one_gold_sentence_with_several_events(tmp_path: Path):
    rows = [
        {"uid": "r1", "sentence": TEXT, "source": "ministry", "target": "Freedonian town", "gold_root": "YIELD"},
        {"uid": "r2", "sentence": "Freedonia thanked Ruritania.", "source": "Freedonia", "target": "Ruritania",
         "gold_root": "SUPPORT"},
        {"uid": "r3", "sentence": TEXT, "source": "its troops", "target": "border town", "gold_root": "RETREAT"},
    ]
    path = tmp_path / "plv.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = load_plv(path)
    assert first.id == "r1" and [e.type for e in first.events] == ["YIELD", "RETREAT"]
    assert first.published == PLV_PUBLISHED and second.events[0].sources[0].text == "Freedonia"


@pytest.mark.slow
def test_plv_dev_figures_hold(config):
    scores = evaluate(["plv"], shared_path("eval", "plv_dev").parent, config)[0]
    print(f"\nplv dev (development set): end-to-end {scores.end_to_end:.3f}, pair found {scores.pair_found:.3f}, "
          f"type accuracy where found {scores.type_accuracy_where_pair_found:.3f}")
    assert scores.scored == 1050
    assert scores.end_to_end >= floor("plv", "end_to_end")
    assert scores.pair_found >= floor("plv", "pair_found")
