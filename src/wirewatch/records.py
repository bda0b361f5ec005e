"""Typed, frozen records that cross every stage boundary and map one-to-one to the store's tables.

A :class:`RawDocument` comes out of ingest; cleaning turns it into an :class:`Article`; extraction and resolution add
:class:`Actor` (with its :class:`Mention` s), :class:`Event` and :class:`Quote` records. :class:`Extraction` bundles
them for one article and renders the JSON Lines output contract (see README, "Output contract").
Spans are ``(start, end)`` character offsets into ``Article.text``, end exclusive.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

__all__ = [
    "Actor",
    "Article",
    "Event",
    "Extraction",
    "Failure",
    "Location",
    "Mention",
    "Quote",
    "QuoteKind",
    "RawDocument",
    "Removed",
    "Span",
]

Span = tuple[int, int]
Modality = Literal["asserted", "reported", "negated", "future", "hypothetical", "denied"]
Precision = Literal["day", "week", "month", "year"]
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document as read, before cleaning: either ``text`` or ``html`` is set."""

    id: str
    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    #: The user's default date (``--published``), used only when the page gives no date of its own.
    fallback_published: date | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be read or processed; recorded, reported, never fatal to a batch."""

    id: str | None
    where: str
    error: str


@dataclass(frozen=True, slots=True)
class Removed:
    """A segment that cleaning dropped, with the reason (see-also, caption, reply-box, share-box, heading …)."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: the body text every span indexes, and its metadata."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    language: str | None = None
    removed: tuple[Removed, ...] = ()
    source: str = ""
    #: Bylines as a list, in page order.
    authors: tuple[str, ...] = ()
    #: The page's own canonical address (``<link rel="canonical">`` or ``og:url``), when it differs or ``url`` is unset.
    canonical_url: str | None = None
    #: ``article`` for a news article; anything else (``listing``, ``front``, ``empty`` …) is stored but not coded.
    page_kind: str = "article"
    #: For a near-duplicate: the content hash of the earlier stored copy, whose events this copy reports.
    duplicate_of: str | None = None
    #: Why the article is stored but not coded (not an article, not English, a duplicate); None when coded.
    not_coded: str | None = None

    @property
    def content_hash(self) -> str:
        """SHA-256 of the cleaned body, the key that makes ingest idempotent."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Mention:
    """One stretch of text that refers to an actor."""

    text: str
    span: Span
    #: name | alias | demonym | capital | metonym | role | pronoun | surname | org | variant | institution | place |
    #: group (a group named by who or where it is) | group-inferred (its country read from the rest of the sentence) |
    #: institution-inferred (a body named bare, "police", of the country its sentence places it in)
    how: str = "name"


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as resolved within one article; ``key`` is its identity across articles."""

    id: str
    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    wikidata: str | None = None
    office: str | None = None
    mentions: tuple[Mention, ...] = ()
    #: For a person: the key of the organisation they act for (``org:IAEA`` for its director general), if any.
    affiliation: str | None = None

    @property
    def code(self) -> str | None:
        """A CAMEO-style actor code such as ``RUSGOV`` (country plus sector), or None when unknown."""
        if self.country is None and self.sector is None:
            return None
        return f"{self.country or '---'}{self.sector or ''}"


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place."""

    name: str
    country: str | None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: PLOVER type and mode, with the CAMEO/GDELT view derived by the crosswalk."""

    id: str
    type: str
    mode: str | None
    cameo: str
    cameo_code: str
    goldstein: float
    quad_class: int
    source: tuple[str, ...]
    target: tuple[str, ...]
    modality: Modality
    according_to: str | None
    date: date | None
    date_precision: Precision | None
    location: Location | None
    sentence: str
    span: Span
    confidence: float
    trigger: str = ""
    coder: str = ""
    #: The quote or reported statement that asserts this event, when one does.
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or reported statement attributed to its speaker."""

    id: str
    speaker: str | None
    speaker_text: str | None
    text: str
    kind: QuoteKind
    cue: str | None
    span: Span
    #: What the speaker does with the words: assert, confirm, deny, warn, express concern, accuse, hope, call for.
    stance: str | None = None
    #: The actors the quote is about (mentioned inside it, the speaker aside).
    about: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def to_contract(self) -> dict[str, Any]:
        """The record of the ``wirewatch extract`` output contract, ready for ``json.dumps``."""
        a = self.article
        return {
            "id": a.id,
            "url": a.url,
            "title": a.title,
            "published": a.published.isoformat() if a.published else None,
            "outlet": a.outlet,
            "language": a.language,
            "text": a.text,
            "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
            "authors": list(a.authors),
            "canonical_url": a.canonical_url,
            "page_kind": a.page_kind,
            "duplicate_of": a.duplicate_of,
            "not_coded": a.not_coded,
            "actors": [_actor_dict(x) for x in self.actors],
            "events": [_event_dict(e) for e in self.events],
            "quotes": [_quote_dict(q) for q in self.quotes],
        }


def _actor_dict(a: Actor) -> dict[str, Any]:
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "country": a.country,
        "sector": a.sector,
        "code": a.code,
        "office": a.office,
        "affiliation": a.affiliation,
        "wikidata": a.wikidata,
        "key": a.key,
        "mentions": [{"text": m.text, "span": list(m.span)} for m in a.mentions],
    }


def _event_dict(e: Event) -> dict[str, Any]:
    loc = e.location
    return {
        "id": e.id,
        "type": e.type,
        "mode": e.mode,
        "cameo": e.cameo,
        "cameo_code": e.cameo_code,
        "goldstein": e.goldstein,
        "quad_class": e.quad_class,
        "source": list(e.source),
        "target": list(e.target),
        "modality": e.modality,
        "according_to": e.according_to,
        "date": e.date.isoformat() if e.date else None,
        "date_precision": e.date_precision,
        "location": None
        if loc is None
        else {"name": loc.name, "country": loc.country, "lat": loc.lat, "lon": loc.lon},
        "sentence": e.sentence,
        "span": list(e.span),
        "trigger": e.trigger,
        "confidence": e.confidence,
        "coder": e.coder,
        "quote": e.quote,
    }


def _quote_dict(q: Quote) -> dict[str, Any]:
    return {
        "id": q.id,
        "speaker": q.speaker,
        "speaker_text": q.speaker_text,
        "text": q.text,
        "kind": q.kind,
        "cue": q.cue,
        "stance": q.stance,
        "about": list(q.about),
        "span": list(q.span),
    }
