"""The typed rows that the store's queries return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["ActorRow", "CountryPair", "EventRow", "QuoteRow", "Summary"]


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


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One stored actor with how often and how it is mentioned."""

    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    affiliation: str | None
    office: str | None
    mentions: int
    articles: int
    variants: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One stored quote with its speaker's name and its article's metadata."""

    article_id: str
    quote_id: str
    speaker_key: str | None
    speaker: str | None
    speaker_text: str | None
    text: str
    kind: str
    cue: str | None
    stance: str | None
    title: str | None
    url: str | None
    published: dt.date | None
