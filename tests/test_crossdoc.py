"""Across articles: a person missing from the knowledge base is one actor whatever the spelling, when the
country and office agree."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch import api
from wirewatch.records import RawDocument
from wirewatch.resolve import same_person
from wirewatch.store import Store


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Pyotr Semenov", "Pyotr Semyonov", True),
        ("Yolande Makolo", "Yolanda Makolo", True),
        ("Qassem Suleimani", "Ghasem Soleimani", True),
        ("Pyotr Semenov", "Pavel Semenov", False),
        ("Pyotr Semenov", "Pyotr Kartapolov", False),
    ],
)
def test_spellings_of_one_name_are_one_person(a, b, same):
    assert same_person(a, b) is same


@pytest.mark.slow
def test_an_unknown_person_spelt_two_ways_in_two_articles_is_one_stored_actor(tmp_path):
    docs = [
        RawDocument(id="one", source="one", published=date(2024, 5, 2),
                    text="Pyotr Semenov, a deputy in the State Duma, said Russia would tighten rules on drone sales."),
        RawDocument(id="two", source="two", published=date(2024, 5, 9),
                    text="Russian lawmaker Pyotr Semyonov said the State Duma would vote on the bill in June."),
    ]
    db = tmp_path / "w.duckdb"
    api.ingest(documents=docs, db=db)
    with Store.open(db, read_only=True) as store:
        people = [a for a in store.actors(country="RUS", kind="person") if "sem" in a.key]
    assert len(people) == 1
    assert {text for text, _ in people[0].variants} >= {"Pyotr Semenov", "Pyotr Semyonov"}
