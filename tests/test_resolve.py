"""Actor resolution: every mention to one canonical actor, whatever the spelling, title or role phrase."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import extract_text
from wirewatch.resolve import load_kb

pytestmark = pytest.mark.slow


def _actors(text: str, published: date = date(2024, 4, 20)) -> dict[str, tuple]:
    result = extract_text(text, published=published)
    return {m.text: (a.key, a.country, a.sector) for a in result.actors for m in a.mentions}


@pytest.mark.parametrize(
    ("text", "mention", "country", "sector"),
    [
        ("The Kremlin rejected the claim.", "Kremlin", "RUS", "GOV"),
        ("Tehran welcomed the offer.", "Tehran", "IRN", "GOV"),
        ("The Pentagon announced new aid.", "Pentagon", "USA", "MIL"),
        ("The Israeli military said it struck targets.", "Israeli military", "ISR", "MIL"),
        ("Russian military intelligence recruited the men.", "Russian military intelligence", "RUS", "SPY"),
        ("Iranian officials denied it.", "Iranian officials", "IRN", "GOV"),
        ("Germany sent tanks.", "Germany", "DEU", None),
        ("Oleg Varlamov, a deputy in the State Duma, confirmed the talks.", "Oleg Varlamov", "RUS", "LEG"),
        # a town is no person for ending one of a commander's aliases
        ("Turkish jets struck positions near Kobani on Monday.", "Kobani", "SYR", None),
    ],
)
def test_a_mention_resolves_to_its_country_and_sector(text, mention, country, sector):
    found = _actors(text)
    assert mention in found, found
    assert found[mention][1:] == (country, sector)


def test_spelling_variants_of_one_person_are_one_actor():
    text = ("Iranian Deputy Foreign Minister Ali Bagheri Ghani arrived in Moscow. Bagheri Gani met Russian "
            "officials. Baqeri Kani later left.")
    result = extract_text(text, published=date(2024, 4, 20))
    people = [a for a in result.actors if a.kind == "person"]
    assert len(people) == 1
    assert people[0].key == "person:ali-bagheri-kani"
    assert {m.text for m in people[0].mentions} >= {"Ali Bagheri Ghani", "Bagheri Gani", "Baqeri Kani"}


def test_a_surname_and_a_pronoun_point_back_to_the_person():
    text = "US national security adviser Jake Sullivan spoke on Friday. Sullivan said he was concerned."
    found = _actors(text)
    assert found["Sullivan"][0] == found["he"][0] == "person:jake-sullivan"


def test_a_role_phrase_points_back_to_the_person_of_that_country():
    text = "Jack Sullivan travelled to Riyadh. The US official said talks went well."
    found = _actors(text)
    assert found["The US official"][0] == "person:jake-sullivan"


def test_the_office_held_on_the_article_date_gives_the_sector():
    kb = load_kb()
    shoigu = kb.people["sergei-shoigu"]
    assert shoigu.office_on(date(2023, 6, 1)).sector == "MIL"
    assert shoigu.office_on(date(2025, 1, 1)).sector == "GOV"


def test_a_demonym_in_a_title_is_part_of_the_person_not_an_actor_of_its_own():
    found = _actors("Russian President Vladimir Putin spoke.")
    assert found["Vladimir Putin"][:2] == ("person:vladimir-putin", "RUS")
    assert "Russian" not in found


def test_an_unnamed_source_is_an_actor_of_its_country():
    found = _actors("According to an Iranian diplomat, the talks will continue next week.")
    assert found["Iranian diplomat"][1] == "IRN"


@pytest.mark.parametrize(("text", "mention", "country"), [
    ("Officials in Kazakstan rejected the proposal from Moscow.", "Kazakstan", "KAZ"),
    ("The Tunesian coast guard intercepted two boats on Sunday.", "Tunesian", "TUN"),
])
def test_a_misspelt_country_name_or_demonym_is_still_the_country(text, mention, country):
    result = extract_text(text)
    found = [a.country for a in result.actors if any(m.text.startswith(mention) for m in a.mentions)]
    assert found == [country]
