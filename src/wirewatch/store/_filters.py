"""What a query asks for, declared once: the filters of events, actors and quotes as frozen records.

``Store.events``, ``api.events`` and the CLI all take an :class:`EventQuery` (or its fields as keywords), so a
new filter is added in one place. A negative ``limit`` is refused when the query is made.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any, TypeVar

from ..errors import QueryError

__all__ = ["ASSERTED", "MODALITIES", "ActorQuery", "EventQuery", "QuoteQuery", "make_query"]

#: Every modality an event can have, and the two that say it happened (the default of every query).
MODALITIES = ("asserted", "reported", "negated", "future", "hypothetical", "denied")
ASSERTED = ("asserted", "reported")

Q = TypeVar("Q", "EventQuery", "ActorQuery", "QuoteQuery")


def _check_limit(limit: int | None) -> None:
    if limit is not None and limit < 0:
        raise QueryError(f"limit must be 0 or more, not {limit}; leave it out for every row")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Events matching every filter given.

    ``source`` and ``target`` name actors by key (``"country:RUS"``), country (``"RUS"``) or code (``"RUSGOV"``);
    when no actor has such a key, country or code, by part of the name (``"putin"``). ``type`` is a PLOVER type
    (any case); ``since`` keeps events on or after a day (the article's when the event has no date).
    """

    source: str | None = None
    target: str | None = None
    type: str | None = None
    since: date | None = None
    modalities: tuple[str, ...] = ASSERTED
    limit: int | None = None

    def __post_init__(self) -> None:
        _check_limit(self.limit)
        object.__setattr__(self, "modalities", tuple(self.modalities))
        unknown = sorted(set(self.modalities) - set(MODALITIES))
        if unknown:
            raise QueryError(f"unknown modalities {unknown}; choose among {', '.join(MODALITIES)}")


@dataclass(frozen=True, slots=True)
class ActorQuery:
    """Actors of a ``country`` (ISO alpha-3) and ``kind``, or those ``name`` stands for (as an event's source)."""

    country: str | None = None
    kind: str | None = None
    name: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        _check_limit(self.limit)


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """Quotes by ``speaker`` (as an event's source) and ``about`` something: an actor in the quote, or its words."""

    speaker: str | None = None
    about: str | None = None
    limit: int | None = None

    def __post_init__(self) -> None:
        _check_limit(self.limit)


def make_query(kind: type[Q], query: Q | None, filters: dict[str, Any]) -> Q:
    """``query``, or a query of ``kind`` made of keyword ``filters`` (one or the other, not both)."""
    if query is not None and filters:
        raise QueryError(f"give a {kind.__name__} or its filters as keywords, not both")
    if query is not None:
        return query
    known = {f.name for f in fields(kind)}
    unknown = sorted(set(filters) - known)
    if unknown:
        raise QueryError(f"{kind.__name__} has no filter {unknown[0]!r}; known: {', '.join(sorted(known))}")
    return kind(**filters)
