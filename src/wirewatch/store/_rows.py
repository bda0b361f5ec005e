"""The typed rows that the store's queries return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["CountryPair", "EventRow", "Summary"]


@dataclass(frozen=True, slots=True)
class EventRow:
    """One stored event with its actors' names and countries and its article's metadata, ready to show."""

    article_id: str
    event_id: str
    type: str
    mode: str | None
    cameo: str
    goldstein: float
    quad_class: int
    source: tuple[str, ...]
    target: tuple[str, ...]
    source_countries: tuple[str, ...]
    target_countries: tuple[str, ...]
    modality: str
    according_to: str | None
    date: dt.date | None
    sentence: str
    url: str | None
    title: str | None
    published: dt.date | None


@dataclass(frozen=True, slots=True)
class CountryPair:
    """How many events had a source actor of one country and a target actor of another."""

    source: str
    target: str
    events: int


@dataclass(frozen=True, slots=True)
class Summary:
    """What a store holds: row counts, events by PLOVER type, and the busiest pairs of countries."""

    articles: int
    actors: int
    mentions: int
    events: int
    quotes: int
    failures: int
    events_by_type: tuple[tuple[str, int], ...]
    top_pairs: tuple[CountryPair, ...]
