"""What joins two reports into one incident: compatible types, the same participants, dates that fit.

* **Types.** One PLOVER type, or a pair of :data:`COMPATIBLE_TYPES` (a signing one outlet codes as SUPPORT and
  another as AGREE; a formal protest coded as PROTEST by one and as ACCUSE by another). Each type belongs to one
  *family*; only events of one family join.
* **Participants.** Each actor stands for its key and, for a state body or a person (named, or an unnamed
  official such as ``anon~SDN~spokesman``), for its country too (a president acting for Brazil matches
  ``country:BRA``; an armed group or an international body stands for itself only). Two events agree when their
  sources share an identity and their targets share one or either has none; where both name people on a side,
  they must share a person (the foreign ministers' meeting is not the presidents' call). The types of
  :data:`SYMMETRIC_FAMILIES` (meetings, agreements) match in either direction, and one that names one side only
  matches any incident it shares a party with.
* **Dates.** Each event has a window from its date and precision (:func:`window`); windows must overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["COMPATIBLE_TYPES", "CLAIMS", "DENIALS", "LINKED_MODALITIES", "SYMMETRIC_FAMILIES", "Candidate",
           "family", "identities", "match", "precision_rank", "window"]

#: Pairs of PLOVER types that two outlets may use for one happening.
COMPATIBLE_TYPES: tuple[tuple[str, str], ...] = (
    ("AGREE", "SUPPORT"),  # "signed an accord" (SUPPORT) and "agreed to" (AGREE)
    ("ACCUSE", "PROTEST"),  # "lodged a protest with" (ACCUSE) and "protested to" (PROTEST)
)
#: Families whose events join in either direction (A met B; B hosted A).
SYMMETRIC_FAMILIES = frozenset({"CONSULT", "AGREE|SUPPORT"})
#: Modalities that say the event happened, and the denial of a party that it did; negated ("has not met since"),
#: future and hypothetical events are no happening and join no incident.
CLAIMS = ("asserted", "reported")
DENIALS = ("denied",)
LINKED_MODALITIES = CLAIMS + DENIALS

_FAMILY = {t: "|".join(pair) for pair in COMPATIBLE_TYPES for t in pair}
_DAY_SLACK = timedelta(days=1)  # a night attack told as Friday by one outlet and Saturday by another
_UNDATED = timedelta(days=7)  # an event with no date of its own happened in the week before its report
_PRECISION_RANK = {"day": 0, "week": 1, None: 2, "month": 3, "year": 4}


def family(type_: str) -> str:
    """The family of a PLOVER type: the type itself, or its compatible pair (``"AGREE|SUPPORT"``)."""
    return _FAMILY.get(type_, type_)


def precision_rank(precision: str | None) -> int:
    """How precise a date is: 0 for a day, then week, no precision, month, year."""
    return _PRECISION_RANK.get(precision, 2)


def window(day: date | None, precision: str | None, published: date | None) -> tuple[date, date]:
    """The days an event may have happened: its date within its precision, or the week before its report (an empty
    window, start after end, when neither is known)."""
    if day is None and published is None:
        return date.max, date.min  # empty: an event dated by nothing, not even its report, joins no other
    if day is None or precision is None:
        anchor = day or published or date.max
        return anchor - _UNDATED, anchor
    start, end = _span(day, precision)
    if published is not None and start <= published < end:
        end = published  # a report tells of what happened by its date
    return start, end


def _span(day: date, precision: str) -> tuple[date, date]:
    if precision == "week":
        return day, day + timedelta(days=6)
    if precision == "month":
        first = day.replace(day=1)
        return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    return day - _DAY_SLACK, day + _DAY_SLACK


def identities(keys: Iterable[str], country_of: Callable[[str], str | None]) -> frozenset[str]:
    """What the actors stand for: each key, and the country of a state body, a person or an unnamed official."""
    found: set[str] = set()
    for key in keys:
        found.add(key)
        country = country_of(key) if key.startswith(("country:", "person", "anon~")) else None
        if country:
            found.add(country)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class Candidate:
    """The participants and window of an event or an incident, as matching sees them."""

    family: str
    source: frozenset[str]
    target: frozenset[str]
    start: date
    end: date


def match(event: Candidate, incident: Candidate) -> tuple[int, bool] | None:
    """None when the event cannot belong to the incident, else (identities shared, whether reversed)."""
    if event.family != incident.family or event.end < incident.start or event.start > incident.end:
        return None
    straight = _sides(event.source, event.target, incident.source, incident.target)
    if event.family not in SYMMETRIC_FAMILIES:
        return None if straight is None else (straight, False)
    reverse = _sides(event.source, event.target, incident.target, incident.source)
    if reverse is not None and (straight is None or reverse > straight):
        return reverse, True
    if straight is not None:
        return straight, False
    return _one_sided(event, incident)


def _one_sided(event: Candidate, incident: Candidate) -> tuple[int, bool] | None:
    """A symmetric event naming one side only ("the ministers of A and B met", coded A): any shared party."""
    if event.target and incident.target:
        return None
    shared = len((event.source | event.target) & (incident.source | incident.target))
    reversed_ = not event.source & incident.source and bool(event.target & incident.source)
    return (shared, reversed_) if shared else None


def _sides(source: frozenset[str], target: frozenset[str], other_source: frozenset[str],
           other_target: frozenset[str]) -> int | None:
    """Identities shared when the sources agree and the targets agree or one side has none, else None."""
    shared = _agree(source, other_source)
    if not shared:
        return None
    if not target or not other_target:
        return shared
    on_target = _agree(target, other_target)
    return shared + on_target if on_target else None


def _agree(side: frozenset[str], other: frozenset[str]) -> int:
    """Identities two sides share, at the level where both are named: two sides that both name people must share a
    person (two ministers of one pair of states are two meetings); else a key or a country will do."""
    people, other_people = _people(side), _people(other)
    if people and other_people and not people & other_people:
        return 0
    return len(side & other)


@lru_cache(maxsize=1 << 16)
def _people(side: frozenset[str]) -> frozenset[str]:
    """The people among a side's identities (cached: an incident's sides are compared with many events)."""
    return frozenset(k for k in side if k.startswith("person"))
