"""Parsing in bounded batches: memory grows with the words parsed at once, so batches hold few characters."""

from __future__ import annotations

import os

import pytest

from wirewatch.annotate import MAX_AUTO_PROCESSES, batches, processes
from wirewatch.config import load_config
from wirewatch.errors import ConfigError

BATCHES = [
    # (text lengths, most texts, most characters, the lengths batch by batch)
    ([10, 10, 10, 10], 2, 1000, [[10, 10], [10, 10]]),
    ([400, 400, 400], 32, 1000, [[400, 400], [400]]),
    ([300, 5000, 300, 300], 32, 1000, [[300], [5000], [300, 300]]),
    ([5000, 5000], 32, 1000, [[5000], [5000]]),
    ([1000, 1, 999, 1], 32, 1000, [[1000], [1, 999], [1]]),
    ([], 32, 1000, []),
]


@pytest.mark.parametrize(("lengths", "size", "chars", "expected"), BATCHES)
def test_a_batch_ends_at_its_count_or_its_characters_and_a_long_text_stands_alone(lengths, size, chars, expected):
    items = [("x" * n, i) for i, n in enumerate(lengths)]
    got = list(batches(items, size=size, chars=chars))
    assert [[len(text) for text, _ in batch] for batch in got] == expected
    assert [i for batch in got for _, i in batch] == list(range(len(lengths)))


def test_auto_uses_every_core_this_process_may_run_on_up_to_a_cap():
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    assert processes("auto") == min(MAX_AUTO_PROCESSES, cores)
    assert processes(3) == 3
    assert processes(1) == 1


N_PROCESS = [
    ({}, "auto"),
    ({"WIREWATCH_MODEL_N_PROCESS": "auto"}, "auto"),
    ({"WIREWATCH_MODEL_N_PROCESS": "3"}, 3),
    ({"WIREWATCH_MODEL_N_PROCESS": "1"}, 1),
]


@pytest.mark.parametrize(("env", "expected"), N_PROCESS)
def test_n_process_is_auto_by_default_or_a_whole_number(env, expected):
    assert load_config(env=env).model.n_process == expected


@pytest.mark.parametrize("value", ["0", "-2", "many", "2.5"])
def test_an_n_process_that_is_neither_auto_nor_a_count_is_refused(value):
    with pytest.raises(ConfigError, match="model.n_process"):
        load_config(env={"WIREWATCH_MODEL_N_PROCESS": value})


def test_batch_chars_below_a_thousand_is_refused():
    with pytest.raises(ConfigError, match="model.batch_chars"):
        load_config(env={"WIREWATCH_MODEL_BATCH_CHARS": "10"})


@pytest.mark.slow
def test_a_text_longer_than_batch_chars_is_parsed_in_pieces_cut_at_paragraph_breaks():
    from wirewatch.annotate import load_model, parse

    paragraph = "Officials in Quito said the new bridge would open in May. Traders welcomed the news.\n\n"
    text = paragraph * 40
    doc = parse(load_model(), text, limit=1000)
    assert doc.text == text
    assert [s.text.strip() for s in doc.sents][:3] == [
        "Officials in Quito said the new bridge would open in May.", "Traders welcomed the news.",
        "Officials in Quito said the new bridge would open in May."]
    assert all(t.dep_ for t in doc if not t.is_space)


@pytest.mark.slow
def test_small_batches_give_the_same_results_as_large_ones():
    from wirewatch import api
    from wirewatch.records import RawDocument
    from wirewatch.sample import sample_documents

    docs = [d for d in sample_documents() if isinstance(d, RawDocument)][:8]
    large = list(api.extract(documents=docs, config=load_config(env={}, overrides={"model.n_process": 1})))
    small = list(api.extract(documents=docs, config=load_config(env={}, overrides={
        "model.n_process": 1, "model.batch_size": 3, "model.batch_chars": 1500})))
    assert [r.to_contract() for r in small] == [r.to_contract() for r in large]
