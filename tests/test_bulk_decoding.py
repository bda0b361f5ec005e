"""Bulk decoding is a shortcut only: spaCy's parser and entity recognizer, decoded by paragraph and by sentence
side by side, give the same parses and entities as spaCy's own loops, and so the coder finds the same events.

Checked on the sample corpus, on constructions written for the rules the decoders rely on (entities never cross a
sentence, paragraphs are parsed apart), and on real news when ../shared is present."""

from __future__ import annotations

import json
from pathlib import Path

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, SENT_START, TAG

from wirewatch import _bulk
from wirewatch.annotate import load_model, parse_stream
from wirewatch.clean import clean
from wirewatch.config import load_config
from wirewatch.records import RawDocument
from wirewatch.sample import sample_documents

from .conftest import assert_same_coding, coded_sample_corpus

pytestmark = pytest.mark.slow

ATTRS = [HEAD, DEP, SENT_START, TAG, ENT_IOB, ENT_TYPE, ENT_KB_ID]
NAEB = Path(__file__).resolve().parents[2] / "shared" / "eval" / "article_extraction" / "naeb" / "news_articles.json"

# Texts of our own for the edges: paragraphs of one word, list numbering after a blank line (where the parser may
# start a sentence right after the break), runs of blank lines, entities at a paragraph's end and start, a text
# that is one long sentence, and whitespace tokens where an entity could begin.
EDGES = [
    "Oslo.\n\nThe Norwegian foreign minister, Anniken Huitfeldt, met her Swedish counterpart in Stockholm on "
    "Tuesday.\n\nNorway",
    "Ranked fighters this month:\n\n1. Carlos Mendes, 31, of Lisbon\n\n2. Omar Haddad, 28, WBA champion\n\n3. "
    "Kenji Sato\n\nNext bout: TBA Previous ranking: No. 4\n\n",
    "\n\n\nThe United Nations Security Council met in New York.\n\n\n\nIt adjourned without a vote.  \n",
    "Officials from the European Union, the African Union and the Arab League said on Friday that talks between "
    "Khartoum and the Rapid Support Forces would resume in Jeddah next week under Saudi and American mediation, "
    "after a pause of three months in which fighting spread to Darfur and Kordofan, and that envoys from Egypt, "
    "Ethiopia and the United Arab Emirates would attend as observers.",
    "President Lula da Silva\n\nflew to Beijing.  Xi Jinping  greeted him at Zhongnanhai on Friday.",
    "A.\n\nB.\n\nC.",
    " ",
]


def _texts() -> list[str]:
    config = load_config()
    return [clean(d, config.clean).text for d in sample_documents() if isinstance(d, RawDocument)] + EDGES


def _arrays(texts: list[str], *, bulk: bool, chars: int = 10_000) -> list[numpy.ndarray]:
    """The texts parsed as extract parses them (in batches of at most ``chars`` characters), in this process."""
    stream = parse_stream(((text, None) for text in texts), batch_chars=chars, n_process=1, bulk_decoding=bulk)
    return [doc.to_array(ATTRS) for doc, _ in stream]


def test_the_pipeline_decodes_the_parser_and_the_recognizer_in_bulk_and_can_be_told_not_to():
    assert {"wirewatch_dependencies", "wirewatch_entities"} <= set(load_model().pipe_names)
    plain = load_model(bulk_decoding=False).pipe_names
    assert {"parser", "ner"} <= set(plain) and "wirewatch_entities" not in plain


@pytest.mark.parametrize("batch", [1, 4, 64])
def test_parses_and_entities_are_the_ones_spacys_loops_give(batch: int):
    texts = _texts()
    for start in range(0, len(texts), batch):
        group = texts[start : start + batch]
        for bulk, plain in zip(_arrays(group, bulk=True), _arrays(group, bulk=False), strict=True):
            assert numpy.array_equal(bulk, plain)


# Lists with a dash after each name, one item a line: here the parser marks a sentence start right after a line
# break while the item before is still open, so those documents go back to spaCy's loop.
_APPS = [("Trackly", "Best Android Tracker for Parents"), ("Phonewise", "Monitor up to 10 Devices At Once"),
         ("Kidsafe.app", "Best for Smart Alerts on iPhone"), ("Spotter", "Locate a Lost Phone Fast"),
         ("Guardly", "Read Messages of a Target Device"), ("Familink", "Best Free Monitoring App")]
TANGLED = ["Here are the apps we tested in March:\n    " + "\n    ".join(f"{n} — {d}" for n, d in _APPS),
           "Our list of the best parental control apps:\n\n"
           + "\n\n".join(f"{i}. {n} — {d}" for i, (n, d) in enumerate(_APPS, 1))]


def test_a_sentence_break_set_right_after_a_paragraph_break_sends_the_document_to_spacys_loop():
    """When the parser marks the second word of a paragraph as a sentence start while the paragraph before is still
    open, that mark belongs to both paragraphs: the document is parsed again by spaCy's loop, and the result is
    still spaCy's."""
    component = load_model().get_pipe("wirewatch_dependencies")
    before = component.reparsed
    for bulk, plain in zip(_arrays(TANGLED, bulk=True), _arrays(TANGLED, bulk=False), strict=True):
        assert numpy.array_equal(bulk, plain)
    assert component.reparsed - before == len(TANGLED)


def test_documents_that_already_hold_entities_keep_them_through_spacys_loop():
    nlp = load_model()
    doc = nlp.make_doc("Angela Merkel visited Paris on Monday.")
    from spacy.tokens import Span

    doc.set_ents([Span(doc, 0, 2, label="PERSON")], default="unmodified")
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [(e.text, e.label_) for e in doc.ents][0] == ("Angela Merkel", "PERSON")


def test_components_the_decoders_do_not_know_are_left_to_spacy(monkeypatch):
    nlp = load_model(bulk_decoding=False)
    parser, ner = nlp.get_pipe("parser"), nlp.get_pipe("ner")
    assert _bulk.supports(ner) and _bulk.supports_parser(parser)
    assert not _bulk.supports(parser) and not _bulk.supports_parser(ner)
    assert not _bulk.supports(nlp.get_pipe("tagger"))
    assert _bulk.BulkEntityRecognizer(parser).moves is None
    for component in (parser, ner):  # no output layer, or classes never seen in training: spaCy decides
        monkeypatch.setitem(component.model.attrs, "has_upper", False)
        assert not _bulk.supports(component) and not _bulk.supports_parser(component)
        monkeypatch.setitem(component.model.attrs, "has_upper", True)
        monkeypatch.setitem(component.model.attrs, "unseen_classes", {3})
        assert not _bulk.supports(component) and not _bulk.supports_parser(component)
    monkeypatch.undo()
    assert _bulk.supports(ner) and _bulk.supports_parser(parser)


def test_the_coder_finds_the_same_events_actors_and_quotes_with_and_without_bulk_decoding():
    assert_same_coding(coded_sample_corpus(**{"model.bulk_decoding": True}),
                       coded_sample_corpus(**{"model.bulk_decoding": False}))


@pytest.mark.skipif(not NAEB.is_file(), reason="needs ../shared/eval (real news articles)")
def test_on_real_news_the_parses_and_entities_are_spacys():
    articles = json.loads(NAEB.read_text(encoding="utf-8"))
    texts = [a["text"] for a in sorted(articles, key=lambda a: -len(a["text"]))[:12]] + \
        [a["text"] for a in articles[:40]]
    for bulk, plain in zip(_arrays(texts, bulk=True), _arrays(texts, bulk=False), strict=True):
        assert numpy.array_equal(bulk, plain)
