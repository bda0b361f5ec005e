"""The classifier's training sentences: well-formed, enough of every type, and the shipped weights trained on them."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from wirewatch.extract._classifier import MODEL_FILE, load_classifier

ROOT = Path(__file__).resolve().parents[1]
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


def test_there_are_at_least_3000_labelled_sentences_and_150_of_every_type():
    counts = Counter(r["type"] for r in RECORDS)
    assert len(RECORDS) >= 3000
    assert {t for t, n in counts.items() if n >= 150} >= TYPES
    assert counts["NONE"] >= 300


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


def test_the_shipped_weights_were_trained_on_these_files():
    digest = hashlib.sha256()
    for path in sorted(FOLDER.glob("*.jsonl")):
        digest.update(path.read_bytes())
    card = json.loads(CARD.read_text(encoding="utf-8"))
    assert card["training_sha256"] == digest.hexdigest(), "retrain: .venv/bin/python -m wirewatch.extract.train"
    assert card["sentences"] == len(RECORDS)


@pytest.mark.parametrize("sentence, word, expected", [
    ("Rebel fighters ambushed a police convoy near the border on Sunday.", "ambushed", "ASSAULT"),
    ("Police in the capital arrested dozens of demonstrators outside parliament.", "arrested", "COERCE"),
    ("The ministry denounced the raid as a provocation.", "denounced", "ACCUSE"),
])
def test_the_classifier_names_the_type_of_a_trigger_it_was_not_shown(sentence, word, expected):
    from wirewatch.annotate import load_model

    doc = load_model("auto")(sentence)
    token = next(t for t in doc if t.text == word)
    label, probability = load_classifier().predict(token)
    assert label == expected and probability > 0.3
