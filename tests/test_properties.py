"""Properties that hold for any input: spans index the text, ids resolve, nothing crashes.

Articles are assembled at random from sentences written for this test, junk lines and arbitrary text.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch import extract_text

pytestmark = pytest.mark.slow

SENTENCES = [
    "Russian Foreign Minister Sergei Lavrov met his Iranian counterpart in Moscow on Monday.",
    "“We will respond to any attack,” the minister said.",
    "The Kremlin said talks with Tehran would continue next week.",
    "Israeli jets struck targets in southern Lebanon overnight, the military said.",
    "If Turkey were to close the straits, Moscow would retaliate, he warned.",
    "According to the agency, the two sides signed a memorandum.",
    "China did not send troops to the border.",
    'He added: "Our position has not changed."',
    "Photo of the minister at the meeting (Reuters).",
    "See also  Markets rise on hopes of a deal",
    "Leave a Reply",
    "Background",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.one_of(st.sampled_from(SENTENCES), st.text(min_size=1, max_size=80)), min_size=1, max_size=8),
    st.sampled_from(["\n\n", "\n", " "]),
)
def test_spans_index_the_text_and_references_resolve(parts, joiner):
    result = extract_text(joiner.join(parts), published=date(2024, 5, 6))
    text = result.article.text
    ids = {a.id for a in result.actors}
    for actor in result.actors:
        for mention in actor.mentions:
            assert text[mention.span[0] : mention.span[1]] == mention.text
    for event in result.events:
        assert text[event.span[0] : event.span[1]] == event.sentence
        assert set(event.source) <= ids and set(event.target) <= ids
        assert event.according_to is None or event.according_to in ids
    for quote in result.quotes:
        assert text[quote.span[0] : quote.span[1]] == quote.text
        assert quote.speaker is None or quote.speaker in ids
