"""What a briefing is about: an actor, a dyad or a country, resolved against the store, and its period.

An event is in the scope of an actor when it involves the actor (as a source, a target, or the one it is
according to); of a dyad when it involves both (on either side, or together: "A and B exchanged fire"); of a
country when it involves an actor of that country or took place there."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import BriefingError
from ..records import Actor
from ..resolve import KnowledgeBase
from ..store import Store
from ._happen import Reported

__all__ = ["DEFAULT_DAYS", "Resolved", "involved", "period", "resolve"]

#: The period when none is given: the 30 days ending on the latest day of the scope's events.
DEFAULT_DAYS = 30
_EVERY = ("asserted", "reported", "negated", "future", "hypothetical", "denied")


@dataclass(frozen=True, slots=True)
class Resolved:
    """A scope resolved: its kind, terms and label, which actors it names, and which events it holds."""

    kind: str
    terms: tuple[str, ...]
    label: str
    matches: Callable[[Actor], bool]
    holds: Callable[[Reported], bool]
    said: Callable[[Actor, list[Actor]], bool]


def _keys(store: Store, term: str) -> frozenset[str]:
    keys = frozenset(a.key for a in store.actors(name=term))
    if not keys:
        raise BriefingError(f"no stored actor matches {term!r}; `wirewatch actors` lists who is stored")
    return keys


def _label(store: Store, term: str) -> str:
    return store.actors(name=term, limit=1)[0].name


def resolve(store: Store, kb: KnowledgeBase, *, actor: str | None, dyad: tuple[str, str] | None,
            country: str | None) -> Resolved:
    """The scope named by exactly one of ``actor``, ``dyad`` and ``country``."""
    if sum(x is not None for x in (actor, dyad, country)) != 1:
        raise BriefingError("a briefing is about one actor, one dyad or one country: give exactly one of them")
    if country is not None:
        return _country(kb, country.upper())
    if dyad is not None:
        first, second = _keys(store, dyad[0]), _keys(store, dyad[1])
        return _dyad(dyad, f"{_label(store, dyad[0])} and {_label(store, dyad[1])}", first, second)
    term = str(actor)
    keys = _keys(store, term)
    return Resolved("actor", (term,), _label(store, term), lambda a: a.key in keys,
                    lambda r: any(a.key in keys for a in involved(r)),
                    lambda speaker, about: speaker.key in keys or any(a.key in keys for a in about))


def _country(kb: KnowledgeBase, code: str) -> Resolved:
    entry = kb.countries.get(code)
    if entry is None:
        raise BriefingError(f"{code!r} is not a country code the knowledge base knows; use ISO alpha-3 (RUS)")

    def holds(r: Reported) -> bool:
        place = r.event.location
        return any(a.country == code for a in involved(r)) or (place is not None and place.country == code)

    return Resolved("country", (code,), entry.name, lambda a: a.country == code, holds,
                    lambda speaker, about: speaker.country == code or any(a.country == code for a in about))


def _dyad(terms: tuple[str, str], label: str, first: Collection[str], second: Collection[str]) -> Resolved:
    def between(one: Collection[Actor], other: Collection[Actor]) -> bool:
        return (any(a.key in first for a in one) and any(a.key in second for a in other)) or (
            any(a.key in second for a in one) and any(a.key in first for a in other))

    def holds(r: Reported) -> bool:
        actors = involved(r)
        return between(actors, actors)

    return Resolved("dyad", terms, label, lambda a: a.key in first or a.key in second, holds,
                    lambda speaker, about: between([speaker], about))


def involved(r: Reported) -> tuple[Actor, ...]:
    """The actors an event involves: its sources, its targets, and the actor it is according to."""
    return (*r.sources, *r.targets, *((r.according_to,) if r.according_to is not None else ()))


def period(store: Store, scope: Resolved, *, since: date | None, until: date | None) -> tuple[date, date]:
    """The period asked for; an open end is the latest day of the scope's events, or 30 days before the end."""
    if until is None:
        until = _latest(store, scope) or since or date.today()
    if since is None:
        since = until - timedelta(days=DEFAULT_DAYS - 1)
    if since > until:
        raise BriefingError(f"the period starts ({since}) after it ends ({until}); swap --since and --until")
    return since, until


def _latest(store: Store, scope: Resolved) -> date | None:
    """The latest day of the stored events between the scope's actors (as the events query finds them)."""
    pairs: list[tuple[str | None, str | None]]
    if scope.kind == "dyad":
        pairs = [(scope.terms[0], scope.terms[1]), (scope.terms[1], scope.terms[0])]
    else:
        pairs = [(scope.terms[0], None), (None, scope.terms[0])]
    days = [row.date or row.published for source, target in pairs
            for row in store.events(source=source, target=target, modalities=_EVERY)]
    return max((d for d in days if d is not None), default=None)
