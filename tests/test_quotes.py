"""Quotes: direct, split, colon-cued, partial and indirect, each attributed to a resolved speaker."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text
from wirewatch.extract import find_quoted_spans

pytestmark = pytest.mark.slow


def _quotes(text: str) -> list[tuple[str | None, str, str]]:
    result = extract_text(text, published=date(2024, 4, 20))
    keys = {a.id: a.key for a in result.actors}
    return [(keys.get(q.speaker) if q.speaker else None, q.kind, q.text) for q in result.quotes]


def test_quoted_spans_are_found_with_straight_and_curly_marks():
    text = 'He said “we will talk” and then "we will see what happens".'
    assert [text[s:e] for s, e in find_quoted_spans(text)] == ["we will talk", "we will see what happens"]


def test_a_quote_left_open_at_a_paragraph_end_runs_on_when_the_next_reopens():
    text = "“First part of the statement.\n\n“Second part,” she said."
    spans = find_quoted_spans(text)
    assert text[spans[0][0] : spans[0][1]].startswith("First part") and "Second part" in text[spans[0][0] : spans[0][1]]


@pytest.mark.parametrize(
    ("text", "speaker", "kind", "start"),
    [
        ("“We will not accept this ultimatum,” Kremlin spokesman Dmitry Peskov said on Monday.",
         "person:dmitry-peskov", "direct", "We will not accept"),
        ("Kremlin spokesman Dmitry Peskov said: “Russia is ready to talk to anyone.”",
         "person:dmitry-peskov", "direct", "Russia is ready"),
        ("Dmitry Peskov spoke to reporters. “We are watching this very closely,” he said.",
         "person:dmitry-peskov", "direct", "We are watching"),
        ("Jake Sullivan visited Kyiv. The US official said: “Our support will continue for as long as it takes.”",
         "person:jake-sullivan", "direct", "Our support"),
        ("Iranian Foreign Minister Abbas Araghchi said that Tehran would respond to any attack.",
         "person:abbas-araghchi", "indirect", "Tehran would respond"),
        ("According to the Kremlin, the two presidents discussed the war in detail.",
         "country:RUS:GOV", "indirect", "the two presidents"),
    ],
)
def test_a_quote_is_attributed_to_its_speaker(text, speaker, kind, start):
    quotes = _quotes(text)
    matching = [q for q in quotes if q[2].startswith(start)]
    assert matching, quotes
    assert matching[0][:2] == (speaker, kind)


def test_a_quote_split_around_its_cue_gives_both_halves_to_the_speaker():
    text = "“We want peace,” Turkish President Recep Tayyip Erdogan said, “but not at any price.”"
    quotes = _quotes(text)
    assert len(quotes) >= 1
    assert all(q[0] == "person:recep-tayyip-erdogan" for q in quotes if len(q[2].split()) >= 4)


def test_scare_quotes_are_not_quotes():
    assert _quotes("The so-called “allies” met in Moscow.") == []


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("Kremlin spokesman Dmitry Peskov said that the talks would go ahead.", "assert"),
        ("Kremlin spokesman Dmitry Peskov denied that Russian troops had crossed the border.", "deny"),
        ("Kremlin spokesman Dmitry Peskov confirmed that the two presidents would meet in June.", "confirm"),
        ("Kremlin spokesman Dmitry Peskov warned that any attack would meet a firm response.", "warn"),
        ("Kremlin spokesman Dmitry Peskov expressed hope that the dialogue would continue next year.", "hope"),
        ("Kremlin spokesman Dmitry Peskov expressed concern that the ceasefire might not hold much longer.",
         "express concern"),
        ("“Stop the shelling of civilian areas now,” Kremlin spokesman Dmitry Peskov urged.", "call for"),
    ],
)
def test_the_cue_gives_the_stance(text, stance):
    result = extract_text(text, published=date(2024, 4, 20))
    assert [q.stance for q in result.quotes] == [stance]


def test_a_quote_names_the_actors_it_is_about():
    result = extract_text("Kremlin spokesman Dmitry Peskov said that Russia would not supply weapons to Iran.",
                          published=date(2024, 4, 20))
    keys = {a.id: a.key for a in result.actors}
    assert {keys[a] for a in result.quotes[0].about} == {"country:RUS", "country:IRN"}


def test_an_event_asserted_in_a_quote_points_to_it():
    result = extract_text("Ukraine's defence ministry said that Russian forces shelled Kharkiv on Friday.",
                          published=date(2024, 4, 20))
    event = next(e for e in result.events if e.type == "ASSAULT")
    assert event.quote == result.quotes[0].id
    assert result.quotes[0].speaker == event.according_to
