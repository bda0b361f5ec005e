"""The classifier's training sentences: well-formed, enough of every type, and the shipped weights trained on them."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from wirewatch.extract._classifier import MODEL_FILE, load_classifier

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "training" / "events"
CARD = ROOT / "src" / "wirewatch" / "extract" / "data" / MODEL_FILE.replace(".npz", ".json")
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
MODALITIES = {"asserted", "reported", "negated", "future", "hypothetical", "denied"}
KEYS = {"id", "text", "type", "mode", "modality", "trigger", "source", "target", "source_country", "target_country"}


def _records() -> list[dict]:
    return [json.loads(line) for path in sorted(FOLDER.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


RECORDS = _records()


def test_there_are_at_least_5000_labelled_sentences_and_200_of_every_type():
    counts = Counter(r["type"] for r in RECORDS)
    assert len(RECORDS) >= 5000
    assert {t for t, n in counts.items() if n >= 200} >= TYPES
    assert counts["NONE"] >= 400


def test_every_record_has_the_documented_keys_and_values():
    for r in RECORDS:
        assert set(r) == KEYS, r["id"]
        assert r["type"] in TYPES | {"NONE"} and r["modality"] in MODALITIES, r["id"]


def test_trigger_source_and_target_are_words_of_the_sentence():
    for r in RECORDS:
        for key in ("trigger", "source", "target"):
            assert r[key] is None or r[key] in r["text"], (r["id"], key)
        assert r["trigger"], r["id"]


def test_ids_and_sentences_are_unique():
    assert len({r["id"] for r in RECORDS}) == len(RECORDS)
    assert len({r["text"] for r in RECORDS}) == len(RECORDS)


def test_every_modality_is_represented():
    counts = Counter(r["modality"] for r in RECORDS if r["type"] != "NONE")
    assert all(counts[m] >= 50 for m in MODALITIES), counts


_AUXILIARIES = {"will", "would", "could", "had", "has", "not", "did", "never", "to", "is", "expected", "intends",
                "offered"}


def _trigger_onwards(record: dict) -> str:
    """The trigger without its auxiliaries, then the rest of the sentence: "has not apologised to ..." ->
    "apologised to ..."."""
    text, trigger = record["text"], record["trigger"]
    rest = text[text.index(trigger) + len(trigger):]
    return " ".join(w for w in trigger.lower().split() if w not in _AUXILIARIES) + rest.lower()


@pytest.mark.parametrize("pattern, expected", [
    (r"^apolog", "SUPPORT"),  # CAMEO 055 in the CAMEO-to-PLOVER crosswalk
    (r"^forg[ai]ve(?!.*\b(debts?|loans?|interest)\b)", "SUPPORT"),  # 056; forgiving a debt is AID
    (r"^(resign\w*|step\w* down)\b", "RETREAT"),  # PLOVER's RETREAT 'resign', as the coder's lexicon has it
])
def test_apologies_forgiveness_and_resignations_are_labelled_as_the_crosswalk_says(pattern, expected):
    for r in RECORDS:
        if re.search(pattern, _trigger_onwards(r)):
            assert r["type"] == expected, (r["id"], r["trigger"])


def test_the_shipped_weights_were_trained_on_these_files():
    digest = hashlib.sha256()
    for path in sorted(FOLDER.glob("*.jsonl")):
        digest.update(path.read_bytes())
    card = json.loads(CARD.read_text(encoding="utf-8"))
    assert card["training_sha256"] == digest.hexdigest(), "retrain: .venv/bin/python -m wirewatch.extract.train"
    assert card["sentences"] == len(RECORDS)


@pytest.mark.slow
@pytest.mark.parametrize("sentence, word, expected", [
    ("Rebel fighters ambushed a police convoy near the border on Sunday.", "ambushed", "ASSAULT"),
    ("Police in the capital arrested dozens of demonstrators outside parliament.", "arrested", "COERCE"),
    ("The ministry denounced the raid as a provocation.", "denounced", "ACCUSE"),
    ("Kenyan police stepped up patrols in the capital ahead of the vote.", "stepped", "MOBILIZE"),
    ("The junta lifted the curfew in the capital on Sunday.", "lifted", "CONCEDE"),
    ("Rescuers evacuated wounded civilians from the besieged town.", "evacuated", "AID"),
    ("The government expelled two diplomats accused of spying.", "expelled", "SANCTION"),
    ("The dissident sought asylum at the embassy.", "sought", "REQUEST"),
    ("Inmates went on hunger strike to protest their conditions.", "went", "PROTEST"),
    ("The prime minister apologised to the victims' families.", "apologised", "SUPPORT"),
    ("The central bank raised interest rates by half a point.", "raised", "NONE"),
])
def test_the_classifier_names_the_type_of_a_trigger_it_was_not_shown(sentence, word, expected):
    from wirewatch.annotate import load_model

    doc = load_model("auto")(sentence)
    token = next(t for t in doc if t.text == word)
    label, probability = load_classifier().predict(token)
    assert label == expected and probability > 0.3
