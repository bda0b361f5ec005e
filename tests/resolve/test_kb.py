"""The actor knowledge base: the shipped tables load and agree with each other; users add their own."""

from __future__ import annotations

from datetime import date

import pytest

from wirewatch.errors import KnowledgeBaseError
from wirewatch.resolve import build_kb, load_kb


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_every_country_and_territory_is_there(kb):
    assert len(kb.countries) >= 249
    for code in ("RUS", "IRN", "UKR", "ISR", "USA", "CHN", "PRK", "LBN", "TWN", "PSE"):
        assert code in kb.countries


@pytest.mark.parametrize(
    ("phrase", "key", "country", "sector"),
    [
        ("Russian", "country:RUS", "RUS", None),
        ("Iranians", "country:IRN", "IRN", None),
        ("Tehran", "country:IRN:GOV", "IRN", "GOV"),
        ("Kremlin", "country:RUS:GOV", "RUS", "GOV"),
        ("the Kremlin", "country:RUS:GOV", "RUS", "GOV"),
        ("Pentagon", "inst:USA:us-department-of-defense", "USA", "MIL"),
        ("U.S.", "country:USA", "USA", None),
        ("Hezbollah", "org:HEZBOLLAH", "LBN", "REB"),
        ("NATO", "org:NATO", None, "IGO"),
        ("IRGC", None, "IRN", "MIL"),
    ],
)
def test_a_phrase_stands_for_its_actor(kb, phrase, key, country, sector):
    entry = kb.phrase(phrase)
    assert entry is not None, phrase
    assert (entry.country, entry.sector) == (country, sector)
    if key is not None:
        assert entry.key == key


def test_every_reference_between_tables_is_valid(kb):
    for person in kb.people.values():
        assert person.country is None or person.country in kb.countries, person.id
        for office in person.offices:
            assert office.country is None or office.country in kb.countries, (person.id, office)
            if office.start and office.end:
                assert office.start <= office.end, (person.id, office)


def test_offices_carry_their_dates(kb):
    shoigu = kb.people["sergei-shoigu"]
    assert shoigu.office_on(date(2020, 1, 1)).sector == "MIL"
    assert "Security Council" in shoigu.office_on(date(2025, 1, 1)).title
    raisi = kb.people["ebrahim-raisi"]
    assert raisi.office_on(date(2023, 1, 1)).role == "head_of_state"


def test_at_least_three_hundred_people_are_known(kb):
    assert len(kb.people) >= 300


def test_a_users_table_adds_actors_and_wins_on_conflicts(tmp_path):
    (tmp_path / "people.tsv").write_text("id\tname\taliases\tcountry\twikidata\n"
                                         "jane-analyst\tJane Analyst\t\tGBR\t\n", encoding="utf-8")
    (tmp_path / "metonyms.tsv").write_text("phrase\tcountry\tsector\tkind\tname\n"
                                           "Kremlin\tRUS\tSPY\tintelligence\tRussian intelligence\n", encoding="utf-8")
    kb = load_kb((str(tmp_path),))
    assert kb.find_people("Jane Analyst")[0].country == "GBR"
    assert kb.phrase("Kremlin").sector == "SPY"


def test_a_malformed_table_names_the_file_and_line(tmp_path):
    (tmp_path / "offices.tsv").write_text("person_id\trole\toffice\tcountry\tsector\tstart\tend\n"
                                          "x\tother\tX\tRUS\tGOV\t20-20-20\t\n", encoding="utf-8")
    (tmp_path / "people.tsv").write_text("id\tname\taliases\tcountry\twikidata\nx\tX Y\t\tRUS\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="offices.tsv:2"):
        build_kb([tmp_path])
