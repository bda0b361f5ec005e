"""Sentences from records: a happening, a quote or a dispute realised as a draft whose parts cite evidence.

Modality is worded, never dropped: a single-source claim is attributed ("according to X", "reportedly"), a
denial says who denied it, a planned event "plans to", a conditional one "might … (a conditional statement)".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..records import Actor, Quote
from ..resolve import KnowledgeBase
from ._happen import CLAIMS, Happening, Reported, identity, outlets
from ._model import Evidence
from ._words import actor_phrase, cap, date_phrase, join, verb_phrase

__all__ = ["Draft", "Part", "STANCES", "capped", "lead", "realise_claim", "realise_denial", "realise_happening",
           "realise_quote"]

#: Quote stances the briefing reports, and the verb it uses for each.
STANCES = {"accuse": "accused", "deny": "denied", "warn": "warned", "call for": "called for",
           "express concern": "expressed concern"}
_QUOTE_WORDS = 40
_PRECISION = {"day": 0, "week": 1, "month": 3, "year": 4}


@dataclass(frozen=True, slots=True)
class Part:
    """A stretch of a sentence and the records it rests on (cited right after it)."""

    text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Draft:
    """A sentence before its citations are numbered: cited parts, then an uncited tail."""

    parts: tuple[Part, ...]
    tail: str = "."


def _evidence(reports: Sequence[Reported]) -> tuple[Evidence, ...]:
    return tuple(Evidence(r.article_id, r.event.id) for r in reports)


def lead(reports: Sequence[Reported]) -> Reported:
    """The report a happening is told from: the one that says most (a target, then the most precise date), then
    an asserted one, one with a place, one that names people."""
    def rank(r: Reported) -> tuple[object, ...]:
        e = r.event
        people = sum(a.kind == "person" for a in (*r.sources, *r.targets))
        return (not r.targets, _PRECISION.get(e.date_precision or "", 2), e.modality != "asserted",
                e.location is None, -people, r.article.published or date.max, r.article_id, e.id)

    return min(reports, key=rank)


def _side(actors: Sequence[Actor], day: date | None, kb: KnowledgeBase, *, empty: str) -> str:
    return join([actor_phrase(a, day, kb) for a in actors]) or empty


def _subject(r: Reported, kb: KnowledgeBase) -> str:
    return _side(r.sources, r.day, kb, empty="unidentified actors")


def _predicate(r: Reported, kb: KnowledgeBase, *, tense: str = "past") -> str:
    """"verb T [in place] [date]" for one report, past or base form."""
    e = r.event
    verb = verb_phrase(e.type, e.mode, _side(r.targets, r.day, kb, empty=""), tense=tense)
    place = f" in {e.location.name}" if e.location is not None else ""
    return f"{verb}{place} {date_phrase(e.date, e.date_precision, r.article.published)}"


def _clause(r: Reported, kb: KnowledgeBase, *, tense: str = "past", adverb: str = "") -> str:
    """"S [adverb] verb T [in place] [date]" for one report; base tense after "plans to", "might", "did not"."""
    return f"{_subject(r, kb)} {adverb}{_predicate(r, kb, tense=tense)}"


def _attribution(reports: Sequence[Reported], kb: KnowledgeBase) -> str:
    """Who says so: the party quoted, else the outlet(s)."""
    said = sorted({actor_phrase(r.according_to, r.day, kb, office=False) for r in reports if r.according_to})
    if said:
        return f"according to {join(said)}"
    found = outlets(reports)
    return f"according to {found[0]}" if len(found) == 1 else f"according to {len(found)} outlets"


def capped(part: Part) -> Part:
    """The part with its first letter in capitals, to open a sentence."""
    return Part(cap(part.text), part.evidence)


def realise_claim(reports: Sequence[Reported], kb: KnowledgeBase) -> Part:
    """That it happened (not capitalised), told from its lead report: by a party's own account, according to the
    one it is attributed to, or as fact only where two or more outlets assert it in their own voice."""
    first = lead(reports)
    said = first.according_to
    if said is not None and identity(said) in {identity(a) for a in first.sources}:
        whose = "their" if len(first.sources) > 1 or first.sources[0].kind == "person" else "its"
        return Part(f"{_clause(first, kb)}, by {whose} own account", _evidence(reports))
    if said is not None:
        return Part(f"according to {actor_phrase(said, first.day, kb, office=False)}, {_clause(first, kb)}",
                    _evidence(reports))
    asserted = [r for r in reports if r.event.modality == "asserted"]
    if len(outlets(asserted)) >= 2:
        return Part(_clause(first, kb), _evidence(reports))
    return Part(f"according to {outlets(asserted or [first])[0]}, {_clause(first, kb)}", _evidence(reports))


def realise_denial(reports: Sequence[Reported], kb: KnowledgeBase) -> Part:
    """That it did not happen (not capitalised): who denied it, or the outlet that says it did not."""
    first = lead(reports)
    denier = first.according_to
    if first.event.modality == "negated":
        return Part(f"{_attribution(reports, kb)}, {_clause(first, kb, tense='base', adverb='did not ')}",
                    _evidence(reports))
    if denier is None:
        return Part(f"{_attribution(reports, kb)}, it was denied that {_clause(first, kb)}", _evidence(reports))
    same = {identity(denier)} == {identity(a) for a in first.sources}
    subject = "it" if same else _subject(first, kb)
    return Part(f"{actor_phrase(denier, first.day, kb)} denied that {subject} {_predicate(first, kb)}",
                _evidence(reports))


def realise_happening(happening: Happening, kb: KnowledgeBase) -> Draft:
    """The headline sentence of a happening, in the wording its status calls for."""
    reports, status = happening.reports, happening.status
    n = len(outlets(reports))
    count = f"reported by {n} outlet{'s' if n > 1 else ''}"
    if status in ("planned", "conditional"):
        return _realise_modal(reports, kb, planned=status == "planned")
    claims = [r for r in reports if r.event.modality in CLAIMS]
    denials = [r for r in reports if r.event.modality not in CLAIMS]
    if not claims:
        return Draft((capped(realise_denial(denials, kb)),), f"; {status} ({count}).")
    claim = capped(realise_claim(claims, kb))
    if status == "contested" and denials:
        denial = realise_denial(denials, kb)
        return Draft((claim, Part("; " + denial.text, denial.evidence)), f"; contested ({count}).")
    if status == "contested":
        return Draft((claim,), f"; contested: a party to it denies or rejects it ({count}).")
    if status == "confirmed":
        return Draft((claim,), f"; confirmed by a party to it ({count}).")
    label = "single source" if status == "single-source" else count
    return Draft((claim,), f"; {label}.")


def _realise_modal(reports: Sequence[Reported], kb: KnowledgeBase, *, planned: bool) -> Draft:
    first = lead(reports)
    said = _attribution(reports, kb)
    if planned:
        clause = _clause(first, kb, tense="base", adverb="plans to ")
        return Draft((Part(cap(f"{said}, {clause}"), _evidence(reports)),), "; planned, not yet an event.")
    clause = _clause(first, kb, tense="base", adverb="might ")
    return Draft((Part(cap(f"{said}, {clause}"), _evidence(reports)),), "; a conditional statement, not an event.")


def realise_quote(quote: Quote, speaker: Actor, article_id: str, published: date | None,
                  kb: KnowledgeBase) -> Draft:
    """A key quote: when, who (office and country), with what stance, in the article's words."""
    words = quote.text.split()
    text = " ".join(words[:_QUOTE_WORDS]) + (" …" if len(words) > _QUOTE_WORDS else "")
    who = actor_phrase(speaker, published, kb)
    how = STANCES.get(quote.stance or "", "said")
    reported = " (reported speech)" if quote.kind == "indirect" else ""
    when = date_phrase(published, "day", published) if published else "(undated)"
    return Draft((Part(cap(f"{when}, {who} {how}{reported}: “{text}”"),
                       (Evidence(article_id, quote.id, "quote"),)),))
