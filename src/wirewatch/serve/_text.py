"""An article's cleaned text cut into segments, each knowing the actor mention, event trigger and quote it lies
in, so the page can highlight and link them (the template escapes every segment)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from ..records import Actor, Event, Extraction, Quote

__all__ = ["Segment", "segments"]


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text and what it belongs to (None where nothing)."""

    text: str
    actor: Actor | None = None
    event: Event | None = None
    quote: Quote | None = None


Mark = tuple[int, int, Actor | Event | Quote]
T = TypeVar("T", Actor, Event, Quote)


def segments(extraction: Extraction) -> list[Segment]:
    """The article's text in runs cut at every mention, trigger and quote boundary."""
    text = extraction.article.text
    marks = _marks(extraction)
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        over = [m[2] for m in marks if m[0] <= start and end <= m[1]]
        out.append(Segment(text[start:end], _first(over, Actor), _first(over, Event), _first(over, Quote)))
    return out


def _first(items: list[Actor | Event | Quote], kind: type[T]) -> T | None:
    return next((item for item in items if isinstance(item, kind)), None)


def _marks(extraction: Extraction) -> list[Mark]:
    """Spans of mentions, of each event's trigger (found in its span), and of quotes, within the text."""
    size = len(extraction.article.text)
    marks: list[Mark] = [(m.span[0], m.span[1], a) for a in extraction.actors for m in a.mentions]
    marks += [(q.span[0], q.span[1], q) for q in extraction.quotes]
    for event in extraction.events:
        found = _trigger(extraction.article.text, event)
        if found is not None:
            marks.append((*found, event))
    return [m for m in marks if 0 <= m[0] < m[1] <= size]


def _trigger(text: str, event: Event) -> tuple[int, int] | None:
    """Where the event's trigger word stands within its span."""
    if not event.trigger:
        return None
    found = re.search(rf"\b{re.escape(event.trigger)}\w*", text[event.span[0]:event.span[1]], re.IGNORECASE)
    return (event.span[0] + found.start(), event.span[0] + found.end()) if found else None
