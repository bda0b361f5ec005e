"""Actor resolution over a table of short news contexts: the quality gate for the resolver.

Each row of ``tests/data/actor_cases.tsv`` is a short text written for this table, one mention in it (an exact
substring; where it occurs several times, its last occurrence as a whole word) and the actor a careful analyst
resolves it to:

``key``
    the exact actor key (``country:RUS:GOV``, ``person:sergei-lavrov``, ``org:NATO``); ``*`` when only country
    and sector are checked (unknown people, plain demonyms); ``-`` when the mention must not be an actor at all.
``country``
    ISO alpha-3 of the actor, empty for none (international organisations), ``*`` for any.
``sector``
    GOV, MIL, SPY, LEG, REB, IGO, MED, ...; empty for none (a state), ``*`` for any.
``note``
    the category: country, demonym, capital, metonym, institution, organisation, person, variant, surname,
    pronoun, role, unknown person, anonymous source, negative; a detail may follow in brackets.

A case is right when an actor matching the expectation has a mention whose span covers the mention's last
occurrence; a negative case is right when no actor mention lies inside it. The articles are dated 2024-04-20.
The same person in different years is checked separately (``DATED_CASES``): the office held on the
publication date gives the sector. Dated cases the resolver does not get right yet sit in ``DATED_TABLE_CASES``
and count towards the table's accuracy instead.

The goal is an accuracy of 0.95 (issue 3). A development set: the resolver was fixed against these cases (0.867
when the table was written, 0.972 now), so the figure is optimistic. Its floor (``data/eval_gates.toml``) only
refuses regressions: raise it as the resolver improves, never lower it to make a change pass.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from wirewatch import extract_text
from wirewatch.records import Actor, Extraction, Mention

from .gates import floor

pytestmark = pytest.mark.slow

CASES_PATH = Path(__file__).parent / "data" / "actor_cases.tsv"
PUBLISHED = date(2024, 4, 20)
FLOOR = floor("actor_cases", "accuracy")


@dataclass(frozen=True)
class Case:
    """One expectation: in ``text`` (published on ``published``), ``mention`` is the actor described."""

    text: str
    mention: str
    key: str
    country: str
    sector: str
    note: str
    published: date = PUBLISHED

    def __str__(self) -> str:
        return f"{self.mention!r} → key={self.key} country={self.country or '∅'} sector={self.sector or '∅'}"


#: The same person at different dates takes the sector of the office held then:
#: (text, published, mention, key, sector).
DATED_CASES = [
    ("Sergei Shoigu met Chinese officials in Beijing on Tuesday.", "2023-06-01", "Sergei Shoigu",
     "person:sergei-shoigu", "MIL"),
    ("Sergei Shoigu met Chinese officials in Beijing on Tuesday.", "2024-09-10", "Sergei Shoigu",
     "person:sergei-shoigu", "GOV"),
    ("Andrei Belousov visited a drone factory near Moscow.", "2023-05-15", "Andrei Belousov",
     "person:andrei-belousov", "GOV"),
    ("Andrei Belousov visited a drone factory near Moscow.", "2024-10-15", "Andrei Belousov",
     "person:andrei-belousov", "MIL"),
    ("Hakan Fidan held talks with Hamas officials in Ankara.", "2022-06-01", "Hakan Fidan",
     "person:hakan-fidan", "SPY"),
    ("Hakan Fidan held talks with Hamas officials in Ankara.", "2024-04-20", "Hakan Fidan",
     "person:hakan-fidan", "GOV"),
    ("Ibrahim Kalin spoke with the Swedish delegation on Friday.", "2021-03-01", "Ibrahim Kalin",
     "person:ibrahim-kalin", "GOV"),
    ("Ibrahim Kalin spoke with the Swedish delegation on Friday.", "2024-04-20", "Ibrahim Kalin",
     "person:ibrahim-kalin", "SPY"),
    ("Mark Rutte called for more spending on air defence.", "2023-03-01", "Mark Rutte",
     "person:mark-rutte", "GOV"),
    ("Mark Rutte called for more spending on air defence.", "2025-03-01", "Mark Rutte",
     "person:mark-rutte", "IGO"),
    ("Marco Rubio criticised the decision to pause arms deliveries.", "2023-09-01", "Marco Rubio",
     "person:marco-rubio", "LEG"),
    ("Marco Rubio criticised the decision to pause arms deliveries.", "2025-03-01", "Marco Rubio",
     "person:marco-rubio", "GOV"),
    ("Mike Pompeo met South Korean officials in Seoul.", "2017-06-01", "Mike Pompeo",
     "person:mike-pompeo", "SPY"),
    ("Mike Pompeo met South Korean officials in Seoul.", "2019-06-01", "Mike Pompeo",
     "person:mike-pompeo", "GOV"),
    ("Sergei Naryshkin accused Western governments of interference.", "2015-06-01", "Sergei Naryshkin",
     "person:sergei-naryshkin", "LEG"),
    ("Sergei Naryshkin accused Western governments of interference.", "2022-06-01", "Sergei Naryshkin",
     "person:sergei-naryshkin", "SPY"),
    ("Israel Katz said Hezbollah would pay a heavy price.", "2024-02-01", "Israel Katz",
     "person:israel-katz", "GOV"),
    ("Israel Katz said Hezbollah would pay a heavy price.", "2025-01-15", "Israel Katz",
     "person:israel-katz", "MIL"),
    ("Abu Mohammad al-Jolani addressed his fighters in Idlib.", "2023-05-01", "Abu Mohammad al-Jolani",
     "person:ahmed-al-sharaa", "REB"),
    ("Ahmed al-Sharaa received the Turkish delegation in Damascus.", "2025-03-01", "Ahmed al-Sharaa",
     "person:ahmed-al-sharaa", "GOV"),
    ("Ali Larijani met Russian officials on Monday.", "2018-06-01", "Ali Larijani",
     "person:ali-larijani", "LEG"),
    ("Ali Larijani met Russian officials on Monday.", "2025-09-15", "Ali Larijani",
     "person:ali-larijani", "GOV"),
    ("Kaja Kallas urged Europe to prepare for a long war.", "2023-06-01", "Kaja Kallas",
     "person:kaja-kallas", "GOV"),
    ("Kaja Kallas urged Europe to prepare for a long war.", "2025-06-01", "Kaja Kallas",
     "person:kaja-kallas", "IGO"),
]


#: Dated cases the resolver does not get right yet: counted by the table test instead of failing on their own.
DATED_TABLE_CASES = [
    ("Valerii Zaluzhnyi said the war had reached a stalemate.", "2023-11-01", "Valerii Zaluzhnyi",
     "person:valerii-zaluzhnyi", "MIL"),
    ("Valerii Zaluzhnyi said the war had reached a stalemate.", "2024-10-01", "Valerii Zaluzhnyi",
     "person:valerii-zaluzhnyi", "GOV"),
]


def _table() -> list[Case]:
    """The TSV cases, then the dated cases not passing yet."""
    with CASES_PATH.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        cases = [Case(r["text"], r["mention"], r["key"], r["country"], r["sector"], r["note"]) for r in rows]
    return cases + [_dated(*case) for case in DATED_TABLE_CASES]


def _dated(text: str, published: str, mention: str, key: str, sector: str) -> Case:
    return Case(text, mention, key, "*", sector, "dated office", date.fromisoformat(published))


def _last_occurrence(text: str, mention: str) -> tuple[int, int] | None:
    """Offsets of the last whole-word occurrence of ``mention`` in ``text`` ("it" is not found in "its")."""
    found = list(re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text))
    return found[-1].span() if found else None


def _fits(expected: str, value: str | None) -> bool:
    return expected == "*" or expected == (value or "")


def _is_expected(case: Case, actor: Actor) -> bool:
    return _fits(case.key, actor.key) and _fits(case.country, actor.country) and _fits(case.sector, actor.sector)


def _check(case: Case) -> str | None:
    """None when the resolver gets the case right, else what it found instead."""
    result = extract_text(case.text, published=case.published)
    assert isinstance(result, Extraction)
    where = _last_occurrence(result.article.text, case.mention)
    if where is None:
        return f"mention {case.mention!r} not in the article text {result.article.text!r}"
    start, end = where
    overlapping = [
        (actor, m) for actor in result.actors for m in actor.mentions if m.span[0] < end and start < m.span[1]
    ]
    if case.key == "-":
        inside = [(a, m) for a, m in overlapping if start <= m.span[0] and m.span[1] <= end]
        return _describe(inside) if inside else None
    if any(m.span[0] <= start and end <= m.span[1] and _is_expected(case, actor) for actor, m in overlapping):
        return None
    return _describe(overlapping) if overlapping else "no actor mention there"


def _describe(found: list[tuple[Actor, Mention]]) -> str:
    return "; ".join(f"{m.text!r} → {a.key} country={a.country or '∅'} sector={a.sector or '∅'}" for a, m in found)


def _category(note: str) -> str:
    return note.split(" (")[0]


def test_the_resolver_gets_the_table_right_often_enough():
    cases = _table()
    assert len(cases) >= 170, f"{CASES_PATH.name}: {len(cases)} cases, expected at least 170"
    failures = [(case, found) for case in cases if (found := _check(case)) is not None]
    accuracy = 1 - len(failures) / len(cases)

    totals = Counter(_category(c.note) for c in cases)
    wrong = Counter(_category(c.note) for c, _ in failures)
    print(f"\nactor cases: {len(cases) - len(failures)}/{len(cases)} right, accuracy {accuracy:.3f} "
          f"(floor {FLOOR:.2f}, goal 0.95)")
    for category, total in sorted(totals.items()):
        print(f"  {category:<16} {total - wrong[category]:>3}/{total}")
    for case, found in failures:
        print(f"\nFAIL [{case.note}] {case.text}\n  expected {case}\n  found    {found}")
    assert accuracy >= FLOOR, f"accuracy {accuracy:.3f} fell below the floor {FLOOR:.2f} of the gate"


@pytest.mark.parametrize(("text", "published", "mention", "key", "sector"), DATED_CASES)
def test_the_office_held_on_the_publication_date_gives_the_sector(text, published, mention, key, sector):
    case = _dated(text, published, mention, key, sector)
    found = _check(case)
    assert found is None, f"{case}: found {found}"
