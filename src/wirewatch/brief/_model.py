"""The typed briefing: frozen records for each section, ready to render in any format.

Every sentence that states something (a headline, a quote, a side of a dispute) is a :class:`Sentence`: its
text, the numbers of the sources it cites, and the records it was realised from (:class:`Evidence`). Trend and
coverage are figures, not claims, and cite nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = ["Briefing", "Count", "Coverage", "Dispute", "Evidence", "Headline", "Scope", "Sentence", "Source",
           "Statement", "Trend"]

#: single-source, corroborated, confirmed, contested, denied (as incidents' statuses), planned or conditional.
Status = str


@dataclass(frozen=True, slots=True)
class Evidence:
    """One stored record a sentence was made from: an event or a quote of one article."""

    article_id: str
    record_id: str
    kind: Literal["event", "quote"] = "event"


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the briefing, the numbers of the sources it cites, and the records behind it."""

    text: str
    citations: tuple[int, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Scope:
    """What the briefing is about and the period it covers (both days included)."""

    kind: str  # actor, dyad or country
    terms: tuple[str, ...]
    label: str
    since: date
    until: date

    @property
    def days(self) -> int:
        """The length of the period in days."""
        return (self.until - self.since).days + 1


@dataclass(frozen=True, slots=True)
class Headline:
    """A headline development: a happening of the period, its status, salience and sentence."""

    sentence: Sentence
    status: Status
    salience: float
    outlets: int
    day: date | None
    type: str


@dataclass(frozen=True, slots=True)
class Statement:
    """A key quote of the period: who said it (with office and country), with what stance."""

    sentence: Sentence
    stance: str
    speaker: str
    day: date | None


@dataclass(frozen=True, slots=True)
class Dispute:
    """A claim and its denial, each side cited; the briefing never says who is right."""

    claim: Sentence
    denial: Sentence


@dataclass(frozen=True, slots=True)
class Count:
    """Happenings and events on one day, for the timeline."""

    day: date
    happenings: int
    events: int


@dataclass(frozen=True, slots=True)
class Trend:
    """The period against the previous period of the same length."""

    happenings: int
    previous_happenings: int
    events: int
    previous_events: int
    goldstein: float | None
    previous_goldstein: float | None
    #: The change in happenings in per cent, or None where the previous base is too small to say.
    change: float | None
    min_base: int
    timeline: tuple[Count, ...]
    previous_since: date
    previous_until: date


@dataclass(frozen=True, slots=True)
class Source:
    """A numbered source: one article cited by the briefing."""

    number: int
    article_id: str
    outlet: str | None
    title: str | None
    published: date | None
    url: str | None
    #: Other outlets that carried the same story (exact copies and near-duplicates), not counted as independent.
    carried_by: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Coverage:
    """How thick the evidence is: what was read, from whom, and what could not be coded."""

    articles: int
    coded: int
    in_scope: int
    first: date | None
    last: date | None
    outlets: tuple[str, ...]
    #: Articles of the period stored but not coded, by reason (other language, not an article, a copy …).
    not_coded: tuple[tuple[str, int], ...]
    #: Documents the store could not read at all (the store's whole history: failures carry no date).
    failures: int
    #: Happenings of the scope found in the period (the headlines show the most salient).
    happenings: int
    #: Exact copies of the period's articles recorded (the same text from another outlet or URL), not coded again.
    copies: int = 0


@dataclass(frozen=True, slots=True)
class Briefing:
    """A briefing on one actor, dyad or country over a period, every statement cited to stored articles."""

    scope: Scope
    headlines: tuple[Headline, ...]
    statements: tuple[Statement, ...]
    disputes: tuple[Dispute, ...]
    trend: Trend
    sources: tuple[Source, ...]
    coverage: Coverage

    def sentences(self) -> tuple[Sentence, ...]:
        """Every cited sentence of the briefing, in reading order."""
        return (*(h.sentence for h in self.headlines), *(s.sentence for s in self.statements),
                *(s for d in self.disputes for s in (d.claim, d.denial)))
