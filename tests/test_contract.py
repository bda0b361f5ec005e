"""The output contract of ``wirewatch extract``: fields, types, and spans that index the text exactly.

Checked on every article of the sample corpus (and on the seeds where ../shared is present).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED
from wirewatch.records import Extraction

pytestmark = pytest.mark.slow

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
ARTICLE_KEYS = {"id", "url", "title", "published", "outlet", "language", "text", "removed", "authors", "canonical_url",
                "page_kind", "duplicate_of", "not_coded", "actors", "events", "quotes"}


def _records(results: dict) -> list[dict]:
    return [r.to_contract() for r in results.values() if isinstance(r, Extraction)]


def _check_spans(record: dict) -> None:
    text = record["text"]
    for actor in record["actors"]:
        for mention in actor["mentions"]:
            start, end = mention["span"]
            assert text[start:end] == mention["text"], (record["id"], mention)
    for item in record["events"] + record["quotes"]:
        start, end = item["span"]
        assert 0 <= start <= end <= len(text), (record["id"], item["id"])
    for event in record["events"]:
        start, end = event["span"]
        assert text[start:end] == event["sentence"]
    for quote in record["quotes"]:
        start, end = quote["span"]
        assert text[start:end] == quote["text"]


def test_every_span_indexes_the_text_exactly(corpus_results):
    for record in _records(corpus_results):
        _check_spans(record)


def test_every_span_indexes_the_seed_texts_exactly(seed_results):
    for result in seed_results.values():
        _check_spans(result.to_contract())


def test_every_record_has_the_contract_fields_and_values(corpus_results):
    for record in _records(corpus_results):
        assert set(record) == ARTICLE_KEYS
        ids = {a["id"] for a in record["actors"]}
        for event in record["events"]:
            assert event["type"] in PLOVER
            assert len(event["cameo"]) == 2 and "01" <= event["cameo"] <= "20"
            assert event["quad_class"] in {1, 2, 3, 4}
            assert set(event["source"]) <= ids and set(event["target"]) <= ids
            assert event["according_to"] is None or event["according_to"] in ids
            assert event["date_precision"] in {None, "day", "week", "month", "year"}
        for quote in record["quotes"]:
            assert quote["kind"] in {"direct", "indirect", "mixed"}
            assert quote["speaker"] is None or quote["speaker"] in ids
        json.dumps(record)


def test_the_shared_contract_checker_accepts_the_output(corpus_results, tmp_path):
    checker = SHARED / "tools" / "check-contract"
    if not checker.exists():
        pytest.skip("../shared/tools/check-contract not found: external contract check skipped")
    out = tmp_path / "out.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in _records(corpus_results)))
    done = subprocess.run([sys.executable, str(checker), str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_a_page_without_an_article_gives_an_empty_text_not_an_error(corpus_results):
    front = corpus_results["19_world_front_page.html"]
    assert isinstance(front, Extraction)
    assert front.article.text == ""
