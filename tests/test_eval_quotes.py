"""`wirewatch eval --set polnear`: how extracted quotes are scored against articles with every attribution marked.

The articles, attributions and quotes here are written for these tests; the last test runs the extractor on the
shared development set (skipped when ../shared is absent) against its floors in ``data/eval_gates.toml``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.evaluation import evaluate
from wirewatch.evaluation._quotes import Attribution, GoldArticle, load_polnear, score_quotes, words
from wirewatch.records import Actor, Article, Extraction, Mention, Quote

from .conftest import shared_path
from .gates import floor

TEXT = ("The harbour board will close the east pier in May, its chair Nadia Orlov said. "
        "\u201cWe have no money left for repairs,\u201d she told reporters. "
        "Fishermen fear the closure will cost them their trade, according to a union leaflet.")


def _quote(text: str, speaker: str | None = None, speaker_text: str | None = None) -> Quote:
    start = TEXT.find(text)
    return Quote("q1", speaker, speaker_text, text, "direct", "said", (start, start + len(text)))


def _extraction(*quotes: Quote) -> Extraction:
    orlov = Actor(id="a1", key="person~nadia-orlov", name="Nadia Orlov", kind="person", country=None, sector=None,
                  mentions=(Mention("Nadia Orlov", (TEXT.find("Nadia"), TEXT.find("Nadia") + 11)),))
    return Extraction(Article(id="t1", text=TEXT), (orlov,), (), quotes)


def _article(*marks: Attribution) -> GoldArticle:
    return GoldArticle("t1", TEXT, None, marks)


CHAIR = Attribution("its chair Nadia Orlov", "said", "The harbour board will close the east pier in May")
SHE = Attribution("she", "told", "\u201cWe have no money left for repairs,\u201d")
LEAFLET = Attribution("a union leaflet", "according to", "Fishermen fear the closure will cost them their trade")


@pytest.mark.parametrize(("mark", "counted"), [
    (CHAIR, True),
    (SHE, True),
    (LEAFLET, True),
    (Attribution("the board", "announced:", "the pier closes"), True),
    (Attribution("the board", "wrote", "the pier closes"), True),
    (Attribution("the board", "believes", "the pier is unsafe"), False),
    (Attribution("the board", "believes", "\u201cthe pier is unsafe\u201d"), True),
    (Attribution("", "said", "the pier is unsafe"), False),
    (Attribution("the board", "said", ""), False),
])
def test_an_attribution_is_counted_with_a_source_content_and_a_speech_cue_or_a_quotation(mark, counted):
    assert mark.counted is counted


@pytest.mark.parametrize(("source", "named"), [("he", False), ("They", False), ("who", False),
                                               ("the chair", True), ("Orlov", True)])
def test_a_bare_pronoun_source_is_not_a_named_one(source, named):
    assert Attribution(source, "said", "x y").named is named


@pytest.mark.parametrize(("text", "expected"), [
    ("The pier will close", {"pier", "close"}),
    ("Orlov\u2019s board", {"orlov's", "board"}),
])
def test_words_are_lower_cased_with_stop_words_aside(text, expected):
    assert words(text) == expected


def test_a_quote_holding_half_the_content_words_finds_it():
    scores = score_quotes("t", [_article(CHAIR)], [_extraction(_quote("close the east pier"))])
    assert scores.found == 1.0  # close, east, pier of harbour, board, close, east, pier ("may" is a stop word)


def test_a_quote_holding_less_than_half_misses_it():
    scores = score_quotes("t", [_article(CHAIR)], [_extraction(_quote("pier in May"))])
    assert scores.found == 0.0 and len(scores.misses()) == 1


def test_the_speaker_is_right_when_the_speaker_text_shares_a_word_with_the_source():
    quote = _quote("The harbour board will close the east pier in May", None, "its chair Nadia Orlov")
    scores = score_quotes("t", [_article(CHAIR)], [_extraction(quote)])
    assert scores.speaker_right == 1.0


def test_the_speaker_is_right_through_its_actors_name_or_mentions():
    quote = _quote("The harbour board will close the east pier in May", "a1", "she")
    scores = score_quotes("t", [_article(Attribution("Orlov", "said", CHAIR.content))], [_extraction(quote)])
    assert scores.speaker_right == 1.0


def test_a_found_quote_with_another_speaker_is_a_wrong_speaker():
    quote = _quote("The harbour board will close the east pier in May", None, "the mayor")
    scores = score_quotes("t", [_article(CHAIR)], [_extraction(quote)])
    assert scores.found == 1.0 and scores.speaker_right == 0.0 and len(scores.wrong_speakers()) == 1


def test_pronoun_sources_count_for_found_but_not_for_speaker_right():
    quote = _quote("We have no money left for repairs", None, "she")
    scores = score_quotes("t", [_article(SHE, CHAIR)], [_extraction(quote)])
    assert scores.counted == 2 and len(scores.named) == 1 and scores.found == 0.5 and scores.speaker_right == 0.0


def test_precision_counts_quotes_that_cover_some_gold_content_either_way():
    inside = _quote("the closure will cost them their trade")  # the quote is half of the content
    wider = _quote("The harbour board will close the east pier in May, its chair")  # the content is in the quote
    stray = _quote("she told reporters")
    scores = score_quotes("t", [_article(CHAIR, LEAFLET)], [_extraction(inside, wider, stray)])
    assert scores.predicted == 3 and [q.text for _, q in scores.false_quotes] == ["she told reporters"]
    assert scores.precision == pytest.approx(2 / 3)


def test_uncounted_attributions_still_make_a_quote_correct():
    mark = Attribution("the board", "believes", "the pier is unsafe for lorries")
    scores = score_quotes("t", [_article(mark)], [_extraction(_quote("pier is unsafe for lorries"))])
    assert scores.counted == 0 and scores.precision == 1.0


def test_the_loader_reads_one_article_a_line_with_its_date(tmp_path: Path):
    path = tmp_path / "set.jsonl"
    record = {"id": "x1", "text": TEXT, "published": "2016-10-02",
              "attributions": [{"source": "its chair", "cue": "said", "content": "the pier closes"}]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = load_polnear(path)
    assert (article.id, str(article.published), article.attributions[0].source) == ("x1", "2016-10-02", "its chair")


@pytest.mark.slow
def test_the_polnear_development_figures_hold_their_floors(config):
    [scores] = evaluate(["polnear"], shared_path("eval"), config)
    print(f"\npolnear: found {scores.found:.3f}, speaker right {scores.speaker_right:.3f}, "
          f"precision {scores.precision:.3f}")
    assert scores.found >= floor("polnear", "found")
    assert scores.speaker_right >= floor("polnear", "speaker_right")
    assert scores.precision >= floor("polnear", "precision")
