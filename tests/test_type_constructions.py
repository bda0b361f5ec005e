"""Event types decided by construction (issue 11): the PLOVER type of an act follows the crosswalk and the PLOVER
manual's definitions, whatever word names it, and a ministry named by its building is its state's government.

Sentences are written for these tests; each row shows one construction.
"""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text
from wirewatch.records import Extraction

pytestmark = pytest.mark.slow

PUBLISHED = date(2024, 4, 20)


def _code(result: Extraction, actor_id: str) -> str:
    actor = next(a for a in result.actors if a.id == actor_id)
    return actor.code or actor.name


def _events(text: str) -> list[tuple[str, str, str, str]]:
    """(first source code, type, first target code, modality) of every event coded in a text."""
    result = extract_text(text, published=PUBLISHED)
    return [(_code(result, e.source[0]) if e.source else "", e.type,
             _code(result, e.target[0]) if e.target else "", e.modality) for e in result.events]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Quai d'Orsay condemned the bombing of the clinic on Sunday.", "FRAGOV"),
        ("The Quai d’Orsay summoned the Iranian envoy after the arrests.", "FRAGOV"),
        ("A spokesman for the Quai said Paris would not send observers.", "FRAGOV"),
        ("The Sublime Porte sent an envoy to Vienna in the spring of 1853.", "TURGOV"),
        ("In the autumn the Porte declared war on its northern neighbour.", "TURGOV"),
        ("Foggy Bottom criticised the new settlement plan.", "USAGOV"),
        ("Whitehall announced a freeze on the oligarch's assets.", "GBRGOV"),
    ],
)
def test_a_ministry_named_by_its_building_is_its_states_government(text, code):
    result = extract_text(text, published=PUBLISHED)
    assert [a.code for a in result.actors if a.kind != "state"][:1] == [code]
    assert not any(a.kind == "person" for a in result.actors)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Speaker Tip O'Neill met the Irish premier in Boston.", "Tip O'Neill"),
        ("Senator Bridget D'Amato criticised the budget on Monday.", "Bridget D'Amato"),
    ],
)
def test_a_name_ending_in_an_apostrophe_piece_keeps_it(text, name):
    result = extract_text(text, published=PUBLISHED)
    assert name in [a.name for a in result.actors if a.kind == "person"]
