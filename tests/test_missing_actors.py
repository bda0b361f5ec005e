"""Actors the resolver must find although no table names them: people and bodies named by a common noun or a
role ("aid agencies", "two servicemen", "the Prime Minister"), names the recognizer mistook for places, and
capitalised bodies it did not recognise. Unresolved actors stand under their own words."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.annotate import load_model
from wirewatch.resolve import load_kb, resolve_actors

pytestmark = pytest.mark.slow


def _actor_of(text: str, mention: str) -> str | None:
    """The name of the actor the head of ``mention`` stands for, as an extractor asks for it (None: no actor)."""
    doc = load_model()(text)
    actors = resolve_actors(doc, load_kb(), date(2024, 4, 20))
    start = text.index(mention)
    span = doc.char_span(start, start + len(mention), alignment_mode="expand")
    slot = actors.actor_at(span.root)
    return slot.entry.name if slot is not None else None


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Critics of the plan marched through the old town on Sunday.", "Critics", "Critics"),
        ("The ruling junta has banned opposition parties from the ballot.", "opposition parties",
         "Opposition parties"),
        ("The militia blocked aid agencies from reaching the valley.", "aid agencies", "Aid agencies"),
        ("Two servicemen assaulted a taxi driver outside the barracks.", "Two servicemen", "Servicemen"),
        ("Police questioned three employees about the theft.", "employees", "Employees"),
        ("A top militant surrendered to the army in the hills.", "militant", "Top militant"),
        ("Regulators fined the lender for hiding its losses.", "Regulators", "Regulators"),
        ("Gunmen from the QLM-B raided the depot.", "Gunmen", "Gunmen"),  # "from" a name no one knows
        ("Auditors questioned forty employees of the QXR-B about the ledgers.", "employees", "Employees"),
    ],
)
def test_a_body_or_crowd_named_by_a_common_noun_is_an_actor(text, mention, expected):
    assert _actor_of(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The two governments signed a water treaty.", "governments"),  # named before: no new actor
        ("Both parties rejected the mediator's plan.", "parties"),
        ("No party won a majority in the vote.", "party"),
        ("The budget of the agency was cut by a third.", "agency"),  # a thing's owner, not a party
        ("The rebels seized two suspects near the border.", "suspects"),  # counted, not acting: maybe a thing
        ("The bloc deployed election monitors in the north.", "monitors"),  # sent: the sender's own
        ("Inspectors from the Atomic Energy Agency toured the plant.", "Inspectors"),  # the agency is the party
        ("The armed forces of Ghana and Togo held a joint drill.", "forces"),  # the two countries are
    ],
)
def test_a_counted_or_owned_noun_is_no_new_actor(text, mention):
    assert _actor_of(text, mention) is None


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("The Prime Minister said the cabinet would meet on Friday.", "Prime Minister", "Prime Minister"),
        ("The farmers asked the President for an apology.", "President", "President"),
        # named before: the role points back at the person
        ("Prime Minister Kofi Mensah flew home on Monday. The Prime Minister then sacked his deputy.",
         "The Prime Minister", "Kofi Mensah"),
    ],
)
def test_a_capitalised_office_with_the_is_a_role_phrase(text, mention, expected):
    assert _actor_of(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("President Mutharika greeted the visiting bishops.", "Mutharika", "Mutharika"),
        ("Mutharika opened the new bridge on Monday.", "Mutharika", "Mutharika"),
        ("Governor Umahi signed the budget into law.", "Umahi", "Umahi"),
    ],
)
def test_a_name_taken_for_a_place_is_a_person_after_a_title_or_as_subject(text, mention, expected):
    assert _actor_of(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Investigators blamed the KPR for the outage.", "KPR", "KPR"),
        ("The mayor thanked the EKR for its help.", "EKR", "EKR"),
    ],
)
def test_an_unknown_acronym_with_its_article_is_an_organisation(text, mention, expected):
    assert _actor_of(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Activists demanded the release of the detained journalists.", "journalists", "Detained journalists"),
        ("The army confirmed the arrest of a suspected militant near the dam.", "militant", "Suspected militant"),
        ("The ministry rejected the demands of the striking nurses.", "nurses", "Striking nurses"),
    ],
)
def test_the_people_an_act_is_done_to_or_by_are_actors(text, mention, expected):
    assert _actor_of(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Police arrested Kwame Asante on Tuesday.", "Kwame Asante", "Kwame Asante"),
        ("Police detained Kojo Antwi on Sunday.", "Kojo Antwi", "Kojo Antwi"),
    ],
)
def test_a_full_name_the_recognizer_missed_is_a_person(text, mention, expected):
    assert _actor_of(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Floods cut off North District on Monday.", "North District"),
        ("Voters backed Green Valley in the contest.", "Green Valley"),
    ],
)
def test_a_capitalised_place_or_body_is_no_person(text, mention):
    found = _actor_of(text, mention)
    assert found is None or found != mention


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("A female rebel commander handed herself over at the mission.", "commander", "Female rebel commander"),
        ("An opposition leader was detained at the airport.", "leader", "Opposition leader"),
    ],
)
def test_an_unnamed_person_whose_side_the_words_say_is_an_actor(text, mention, expected):
    assert _actor_of(text, mention) == expected


def test_an_unnamed_person_of_no_side_is_no_actor():
    assert _actor_of("A senior official resigned on Friday.", "official") is None


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("County Commission approved the new levy on Tuesday.", "County Commission", "County Commission"),
        ("The Nakuru High Court freed the activist.", "Nakuru High Court", "Nakuru High Court"),
    ],
)
def test_a_capitalised_body_the_recognizer_missed_is_an_organisation(text, mention, expected):
    assert _actor_of(text, mention) == expected
