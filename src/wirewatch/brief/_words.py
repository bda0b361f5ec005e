"""Realisation: the words of a briefing made from records only.

Verb phrases per PLOVER type and mode come from ``_phrases.tsv``; actors are named as stored, people with the
office they held on the event's date (from the knowledge base, else as the article gave it); dates are written
at their precision ("on 24 April 2024", "in the last week of April 2024", "in April 2024").
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Sequence
from datetime import date
from importlib import resources

from ..records import Actor
from ..resolve import KnowledgeBase

__all__ = ["actor_phrase", "cap", "date_phrase", "join", "takes_the", "verb_phrase"]

_SECTOR_FORM = {
    "military": "the military of {C}", "government": "the government of {C}", "intelligence":
    "the intelligence services of {C}", "legislature": "the legislature of {C}", "business": "businesses of {C}",
    "media": "media of {C}", "police": "the police of {C}", "judiciary": "the judiciary of {C}",
    "party": "a party of {C}", "civilians": "civilians of {C}", "armed_group": "armed groups of {C}",
}
_SECTORED = re.compile(r"^(?:the )?(.+) \(([a-z_ ]+)\)$")
_GOVERNMENT = re.compile(r"^Government of (.+)$")


@functools.cache
def _phrases() -> dict[tuple[str, str], tuple[str, str]]:
    text = resources.files("wirewatch.brief").joinpath("_phrases.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {(type_, mode): (past, base) for type_, mode, past, base in rows[1:]}


def verb_phrase(type_: str, mode: str | None, targets: str, *, tense: str = "past") -> str:
    """The verb phrase of a PLOVER type and mode, with its target phrase ("" for none), past or base form."""
    phrases = _phrases()
    past, base = phrases.get((type_, mode or "-")) or phrases.get((type_, "-")) or (
        "acted towards {T}|acted", "act towards {T}|act")
    with_target, alone = (past if tense == "past" else base).split("|")
    return with_target.replace("{T}", targets) if targets else alone


def join(names: Sequence[str]) -> str:
    """Names joined as English lists them: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def cap(text: str) -> str:
    """The text with its first letter in capitals."""
    return text[:1].upper() + text[1:]


def actor_phrase(actor: Actor, day: date | None, kb: KnowledgeBase, *, office: bool = True) -> str:
    """How the briefing names an actor: people with their office on ``day``, bodies by their country."""
    if actor.kind == "person":
        title = _office(actor, day, kb)
        return f"{actor.name} ({title})" if office and title else actor.name
    sectored = _SECTORED.match(actor.name)
    if sectored and actor.kind in _SECTOR_FORM:
        return _SECTOR_FORM[actor.kind].replace("{C}", sectored.group(1))
    government = _GOVERNMENT.match(actor.name)
    if government:
        return f"the government of {government.group(1)}"
    return f"the {actor.name}" if takes_the(actor.name, actor.kind) else actor.name


def takes_the(name: str, kind: str) -> bool:
    """Whether a name is written with "the": states named as a union, republic or islands ("the United States",
    "the Netherlands"), and bodies named by a phrase ("the European Union"), not by one word ("Hezbollah")."""
    words = name.split()
    if not words or words[0] == "the" or name.isupper():
        return False
    if kind == "state":
        return words[0] == "United" or "Republic" in words or name.endswith(("Islands", "lands", "ines"))
    return len(words) > 1


def _office(actor: Actor, day: date | None, kb: KnowledgeBase) -> str | None:
    person = kb.people.get(actor.key.removeprefix("person:")) if actor.key.startswith("person:") else None
    held = person.office_on(day) if person is not None else None
    if held is not None:
        return held.title
    if actor.office is None:
        return None
    country = kb.countries.get(actor.country or "")
    return f"{actor.office}, {country.name}" if country is not None else actor.office


def date_phrase(day: date | None, precision: str | None, published: date | None) -> str:
    """When something happened, at the precision the record gives; an undated record says when it was reported."""
    if day is None or precision is None:
        when = day or published
        return f"(reported on {_day(when)})" if when is not None else "(undated)"
    if precision == "day":
        return f"on {_day(day)}"
    if precision == "week":
        return f"in {_week(day)}"
    if precision == "month":
        return f"in {calendar.month_name[day.month]} {day.year}"
    return f"in {day.year}"


def _day(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def _week(day: date) -> str:
    month = f"{calendar.month_name[day.month]} {day.year}"
    if day.day <= 7:
        return f"the first week of {month}"
    if day.day > calendar.monthrange(day.year, day.month)[1] - 7:
        return f"the last week of {month}"
    return f"the week of {_day(day)}"
