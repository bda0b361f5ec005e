"""The evaluation gate (``data/eval_gates.toml``): every gold file is pinned, labelled, and its floors only rise.

A gold file whose bytes differ from its pin fails; so does a blind set re-pinned without a ``reason``, and a floor
below one it had before without ``lowered_because``. Files under ``../shared`` are checked where it is present;
an entry whose file does not exist yet (a slot for a set still to come) is skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .gates import Gate, floor, floor_problems, gates, pin_problems, sha256

#: Every gold file the project is measured on; each must have an entry.
GOLD_SETS = {"plover", "petr2", "plv", "polnear", "heldout", "actor_cases", "quotes_gold", "corpus", "blind_wire",
             "blind_wire2"}


def _gate(**changes: object) -> Gate:
    base = {"name": "x", "path": "x.json", "label": "blind", "sha256": "abc", "floors": {"f1": 0.8},
            "history": {"f1": [0.7, 0.8]}}
    return Gate(**{**base, **changes})  # type: ignore[arg-type]


def test_every_gold_set_has_an_entry_labelled_development_or_blind():
    assert set(gates()) >= GOLD_SETS
    assert {g.name: g.label for g in gates().values() if g.label not in {"development", "blind"}} == {}


def test_the_coders_development_sets_are_labelled_so():
    labels = {name: gates()[name].label for name in ("plover", "petr2", "plv", "polnear", "heldout")}
    assert set(labels.values()) == {"development"}


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_a_present_gold_file_matches_its_pin(name: str):
    gate = gates()[name]
    if not gate.file.exists():
        pytest.skip(f"{gate.path} not found: its pin is not checked")
    assert pin_problems(gate, sha256(gate.file)) == []


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_no_floor_is_below_its_history_without_a_reason(name: str):
    assert floor_problems(gates()[name]) == []


@pytest.mark.parametrize(
    ("gate", "digest", "ok"),
    [
        (_gate(), "abc", True),
        (_gate(), "def", False),
        (_gate(sha256=""), "abc", False),
        (_gate(sha256="def", previous_sha256=["abc"]), "def", False),
        (_gate(sha256="def", previous_sha256=["abc"], reason="two labels corrected"), "def", True),
        (_gate(label="heldout"), "abc", False),
    ],
)
def test_a_changed_or_unpinned_file_and_a_blind_set_re_pinned_silently_fail(gate: Gate, digest: str, ok: bool):
    assert (pin_problems(gate, digest) == []) is ok


@pytest.mark.parametrize(
    ("gate", "ok"),
    [
        (_gate(), True),
        (_gate(floors={"f1": 0.6}, history={"f1": [0.7, 0.8, 0.6]}), False),
        (_gate(floors={"f1": 0.6}, history={"f1": [0.7, 0.8, 0.6]}, lowered_because="scoring made stricter"), True),
        (_gate(floors={"f1": 0.6}), False),
        (_gate(history={}), False),
    ],
)
def test_a_floor_lowered_silently_or_without_history_fails(gate: Gate, ok: bool):
    assert (floor_problems(gate) == []) is ok


def test_the_quality_tests_read_their_floors_from_the_gate():
    assert floor("plover", "end_to_end") == gates()["plover"].floors["end_to_end"]
    tests = Path(__file__).parent
    for module in ("test_eval", "test_eval_plv", "test_heldout", "test_actor_cases", "test_quotes_gold",
                   "test_corpus_quality"):
        assert "floor(" in (tests / f"{module}.py").read_text(encoding="utf-8"), module
