"""Happenings: one thing that happened (or was planned, threatened or denied) with the reports of it.

A briefing is written over anything that satisfies :class:`Happening`: a key, a status and the event records
that report it. Until incidents across articles are stored, :func:`group_events` makes happenings from the
stored events themselves: events of one PLOVER type between the same sides on the same day are one happening
(the sides of a meeting or an agreement in either order; a state's bodies and office-holders stand for the
state). Its status, as the incidents' statuses read:

* ``contested``: some reports say it happened, others deny it or say it did not;
* ``denied``: it is only ever denied (or said not to have happened);
* ``confirmed``: a party to it says so itself (a report is according to one of its sources);
* ``corroborated``: two or more independent outlets report it;
* ``single-source``: one outlet only;
* ``planned`` / ``conditional``: a future or hypothetical event, no happening yet.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from ..records import Actor, Article, Event, Extraction

__all__ = ["EventGroup", "Happening", "Reported", "group_events", "identity", "reported_events"]

CLAIMS = ("asserted", "reported")
DENIALS = ("denied", "negated")
_STATE_KINDS = frozenset({"state", "government", "military", "police", "intelligence", "legislature", "judiciary"})
_SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class Reported:
    """One event record as one stored article reports it, with its actors resolved."""

    article_id: str
    article: Article
    event: Event
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]
    according_to: Actor | None

    @property
    def day(self) -> date | None:
        """The event's date, else its article's."""
        return self.event.date or self.article.published


class Happening(Protocol):
    """What a briefing needs of a happening: incidents across articles and grouped events both provide it."""

    @property
    def key(self) -> str:
        """A stable identity, for ties and determinism."""
        ...

    @property
    def status(self) -> str:
        """single-source, corroborated, confirmed, contested, denied, planned or conditional."""
        ...

    @property
    def reports(self) -> tuple[Reported, ...]:
        """Every event record that reports the happening."""
        ...


@dataclass(frozen=True, slots=True)
class EventGroup:
    """A happening made from stored events grouped by type, sides and day."""

    key: str
    status: str
    reports: tuple[Reported, ...]


def reported_events(extractions: Iterable[Extraction]) -> Iterator[Reported]:
    """Every event of coded articles, with its actors resolved from the article's actor records."""
    for extraction in extractions:
        actors = {a.id: a for a in extraction.actors}
        article = extraction.article
        for event in extraction.events:
            yield Reported(
                article.content_hash, article, event, tuple(actors[i] for i in event.source if i in actors),
                tuple(actors[i] for i in event.target if i in actors),
                actors.get(event.according_to) if event.according_to else None,
            )  # fmt: skip


def identity(actor: Actor) -> str:
    """Who an actor stands for when reports are compared: a state's bodies and office-holders the state."""
    state_person = actor.kind == "person" and actor.sector in {"GOV", "MIL", "SPY", "COP", "LEG", "JUD"}
    if actor.country and (actor.kind in _STATE_KINDS or state_person or actor.key.startswith("inst:")):
        return f"country:{actor.country}"
    return actor.key


def _key(report: Reported) -> str:
    event = report.event
    sides = ["+".join(sorted({identity(a) for a in side})) or "-" for side in (report.sources, report.targets)]
    if event.type in _SYMMETRIC:
        sides.sort()
    kind = "claim" if event.modality in CLAIMS + DENIALS else event.modality
    return f"{event.type}/{kind}/{sides[0]}>{sides[1]}/{report.day or '-'}"


def group_events(reports: Iterable[Reported], wanted: Callable[[Reported], bool] | None = None) -> list[EventGroup]:
    """Happenings from single events: grouped by type, sides, day and kind (claim, future, hypothetical); only
    those holding a ``wanted`` report when that is given."""
    groups: dict[str, list[Reported]] = defaultdict(list)
    for report in reports:
        groups[_key(report)].append(report)
    return [EventGroup(key, status_of(tuple(found)), tuple(found)) for key, found in sorted(groups.items())
            if wanted is None or any(map(wanted, found))]


def status_of(reports: tuple[Reported, ...]) -> str:
    """The status of a happening from its reports (see the module's docstring)."""
    modalities = {r.event.modality for r in reports}
    if "future" in modalities:
        return "planned"
    if "hypothetical" in modalities:
        return "conditional"
    claims = [r for r in reports if r.event.modality in CLAIMS]
    if not claims:
        return "denied"
    if len(claims) < len(reports):
        return "contested"
    parties = {identity(a) for r in claims for a in r.sources}
    if any(r.according_to is not None and identity(r.according_to) in parties for r in claims):
        return "confirmed"
    return "corroborated" if len(outlets(reports)) >= 2 else "single-source"


def outlets(reports: Iterable[Reported]) -> tuple[str, ...]:
    """The independent outlets among the reports (an article with no outlet counts as its own)."""
    return tuple(sorted({r.article.outlet or f"article {r.article_id[:8]}" for r in reports}))
