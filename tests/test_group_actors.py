"""Groups named by who or where they are, misspelt countries and organisations named after their place.

A group is a plural or collective noun ("rebels", "elders", "refugees") whose own phrase names a people, faith or
region ("Ogaden rebels", "Salafist students"), or a place ("rebels in Cameroon"). Its country comes from
its own phrase where it can, else from the one country the rest of the sentence names; where the sentence names
several, it has none. All sentences here were written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text
from wirewatch.records import Actor
from wirewatch.resolve import load_kb
from wirewatch.resolve._names import one_edit

pytestmark = pytest.mark.slow


def _actor(text: str, mention: str) -> Actor | None:
    """The actor with a mention that is exactly ``mention``, or None."""
    result = extract_text(text, published=date(2024, 4, 20))
    found = [a for a in result.actors if any(m.text == mention for m in a.mentions)]
    assert len(found) <= 1, found
    return found[0] if found else None


def _how(actor: Actor, mention: str) -> str:
    return next(m.how for m in actor.mentions if m.text == mention)


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        # the people's or region's own country
        ("Ogaden rebels ambushed a convoy, the Ethiopian army said.", "Ogaden rebels", "ETH", "REB"),
        ("Chechen refugees crossed the border into Georgia.", "Chechen refugees", "RUS", "REF"),
        ("Ijaw village elders walked out of the meeting.", "Ijaw village elders", "NGA", "CVL"),
        # a country or demonym in the group's own words
        ("About 400 Syrian Kurds applied for asylum in Norway this year.", "Syrian Kurds", "SYR", None),
        # the one country of the sentence
        ("The Niamey authorities rejected demands from Tuareg chiefs.", "Tuareg chiefs", "NER", "CVL"),
        ("Jordanian riot police fired tear gas at Salafist students in Irbid.", "Salafist students", "JOR",
         "EDU"),
        ("Jihadist militants attacked an army post near Timbuktu.", "Jihadist militants", "MLI", "REB"),
        ("Sunni and Shiite clerics met in Baghdad on Monday.", "Sunni and Shiite clerics", "IRQ", None),
        ("The Nigerien army said Tuareg fighters had attacked a camp.", "Tuareg fighters", "NER", "REB"),
        # an institution at home in the attribution, where the clause itself names no country
        ("Baloch separatists bombed a gas pipeline, the Pakistani military said.", "Baloch separatists", "PAK", "REB"),
    ],
)
def test_a_people_faith_or_region_before_a_group_noun_makes_a_group_actor(text, mention, country, sector):
    actor = _actor(text, mention)
    assert actor is not None, f"no actor for {mention!r}"
    assert (actor.country, actor.sector) == (country, sector)
    assert actor.key.startswith("group~")
    assert actor.name.startswith(mention[0].upper() + mention[1:])  # "… students in Irbid": with its place


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("Rebels in Cameroon freed two Italian priests.", "Rebels", "CMR", "REB"),
        ("A Somalia-based militant group threatened Kenyan targets.", "Somalia-based militant group", "SOM",
         "REB"),
        ("Opposition parties in Togo boycotted the local elections.", "Opposition parties", "TGO", "OPP"),
        ("Thousands of students in Tehran staged a sit-in.", "students", "IRN", "EDU"),
        ("Kurdish fighters in Iraq took the ridge after a week of clashes.", "Kurdish fighters", "IRQ", "REB"),
        ("Government troops killed 12 rebels in Ituri.", "rebels", "COD", "REB"),
    ],
)
def test_a_place_in_the_groups_own_phrase_gives_its_country(text, mention, country, sector):
    actor = _actor(text, mention)
    assert actor is not None, f"no actor for {mention!r}"
    assert (actor.country, actor.sector) == (country, sector)
    assert _how(actor, mention) == "group"


def test_a_country_read_from_the_rest_of_the_sentence_is_marked_as_inferred():
    actor = _actor("The Niamey authorities rejected demands from Tuareg chiefs.", "Tuareg chiefs")
    assert actor is not None and _how(actor, "Tuareg chiefs") == "group-inferred"
    actor = _actor("Chechen refugees crossed the border into Georgia.", "Chechen refugees")
    assert actor is not None and _how(actor, "Chechen refugees") == "group"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Kurdish activists met officials from Germany and France.", "Kurdish activists"),
        # a faith crosses borders: a state named as the other party does not make it that state's
        ("Christian leaders condemned the Turkish decree.", "Christian leaders"),
        # a foreign witness in the attribution says nothing of who the rebels are
        ("Baloch rebels attacked a convoy, an observer from the Swiss mission said.", "Baloch rebels"),
        # the other party of a "from" or "with" phrase is a counterpart, not the group's home
        ("The Kurdish militia obtained promises of support from Washington.", "Kurdish militia"),
        ("Kurdish rebels held talks with the Turkish government on Monday.", "Kurdish rebels"),
    ],
)
def test_a_group_in_a_sentence_of_several_or_unrelated_countries_has_none(text, mention):
    actor = _actor(text, mention)
    assert actor is not None, f"no actor for {mention!r}"
    assert actor.country is None


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("European leaders met in Brussels on Friday.", "European leaders"),
        ("Leaders of Iran and Iraq met in Baghdad.", "Leaders"),
        ("Government forces in Syria shelled the town.", "forces"),
        ("The council discussed the rebels' demands.", "rebels"),
    ],
)
def test_a_bloc_a_state_body_or_a_bare_noun_is_no_group(text, words):
    result = extract_text(text, published=date(2024, 4, 20))
    start = text.index(words)
    end = start + len(words)
    groups = [a for a in result.actors if a.key.startswith("group~")
              and any(m.span[0] < end and start < m.span[1] for m in a.mentions)]
    assert groups == []


def test_a_known_organisation_before_a_group_noun_stays_itself():
    actor = _actor("Hamas fighters clashed with Israeli troops.", "Hamas")
    assert actor is not None and actor.key == "org:HAMAS"


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("Kazakstan has agreed to reopen its border crossings.", "Kazakstan", "KAZ", None),
        ("Kuwiat's emir hosted the talks.", "Kuwiat", "KWT", None),
        ("The Indonesai navy said it had seized two trawlers.", "Indonesai navy", "IDN", "MIL"),
    ],
)
def test_a_country_name_one_letter_off_is_still_the_country(text, mention, country, sector):
    actor = _actor(text, mention)
    assert actor is not None, f"no actor for {mention!r}"
    assert (actor.country, actor.sector) == (country, sector)


def test_a_person_takes_the_country_of_a_misspelt_possessive():
    actor = _actor("Kuwiat's foreign minister, Salem al-Sabah, flew to Amman.", "Salem al-Sabah")
    assert actor is not None and actor.country == "KWT"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Francois Hollande met Angela Merkel in Berlin. Hollande said the talks were useful.", "Hollande"),
        ("She studied law at Columbia University.", "Columbia"),
        ("Trade across the Americas grew last year.", "Americas"),
        ("The two Koreas agreed to hold talks.", "Koreas"),
    ],
)
def test_a_real_name_close_to_a_country_is_left_alone(text, words):
    result = extract_text(text, published=date(2024, 4, 20))
    states = [a for a in result.actors if a.kind == "state" and any(m.text == words for m in a.mentions)]
    assert states == []


def test_an_organisation_named_after_its_place_belongs_to_that_country():
    text = "Drivers of the Metro Transit Company of Karachi went on strike."
    actor = _actor(text, "Metro Transit Company of Karachi")
    assert actor is not None and actor.country == "PAK"
    assert _actor(text, "Karachi") is None


def test_every_community_is_no_country_of_the_gazetteer():
    kb = load_kb()
    clashes = [form for form in kb.communities if (e := kb.phrase(form)) is not None and e.kind == "state"]
    assert clashes == []
    assert kb.community("Shia") == kb.community("Shiites")
    assert kb.community("Ogadeni") is not None and kb.community("Ogadeni").country == "ETH"


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("kazakstan", "kazakhstan", True),
        ("omman", "oman", True),
        ("syrain", "syrian", True),
        ("rumanian", "romanian", True),
        ("lybia", "libya", False),
        ("france", "france", False),
        ("francis", "france", False),
    ],
)
def test_one_edit_is_a_letter_added_dropped_changed_or_swapped(a, b, near):
    assert one_edit(a, b) is near


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("Security forces shot dead 12 protesters in Sagaing.", "Security forces", "MMR", "COP"),
        ("Police detained more than 300 protesters in Minsk on Sunday.", "Police", "BLR", "COP"),
        ("The authorities in Tehran arrested two French nationals.", "authorities", "IRN", "GOV"),
    ],
)
def test_a_body_that_acts_at_home_named_bare_is_of_the_country_where_it_acts(text, mention, country, sector):
    actor = _actor(text, mention)
    assert actor is not None, f"no actor for {mention!r}"
    assert (actor.country, actor.sector) == (country, sector)
    assert _how(actor, mention) == "institution-inferred"


def test_a_bare_body_in_a_sentence_of_two_countries_has_none():
    actor = _actor("Police stopped a convoy on the road from Kenya to Uganda.", "Police")
    assert actor is None or actor.country is None  # an actor under its own words, of no country
