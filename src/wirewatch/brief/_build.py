"""Building a briefing from the store: scope, period, happenings ranked by salience, quotes, disputes, trend,
sources and coverage, every sentence cited and every citation verified.

**Salience** of a happening, the order of the headline developments::

    salience = 2 × independent outlets + |mean Goldstein| / 2 + 2 × novelty + prominence

*novelty* is 1 when no happening of the same type between the same sides was seen in the previous period of the
same length, else 0; *prominence* is log2(1 + mentions of its most mentioned actor in the period's articles),
at most 3. Planned and conditional happenings count half. Ties go to the earlier day, then the key.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import BriefingError
from ..records import Actor, Extraction
from ..resolve import KnowledgeBase
from ..store import Report
from ._happen import CLAIMS, Happening, Reported, group_events, identity, outlets, reported_events
from ._incidents import Grouper
from ._model import Briefing, Count, Coverage, Dispute, Evidence, Headline, Scope, Sentence, Source, Statement, Trend
from ._realise import (
    STANCES,
    Draft,
    Part,
    capped,
    lead,
    realise_claim,
    realise_denial,
    realise_happening,
    realise_quote,
)

__all__ = ["Period", "Said", "assemble", "salience", "split", "verify"]

HEADLINES = 8
PER_STANCE = 3  # key quotes kept for each stance
MIN_BASE = 5  # happenings in the previous period needed before a change in per cent is given

Said = Callable[[Actor, list[Actor]], bool]


@dataclass(frozen=True, slots=True)
class Period:
    """The records of one period: its events in scope, every event of it, and its articles."""

    since: date
    until: date
    reports: tuple[Reported, ...]
    extractions: tuple[Extraction, ...]
    #: Every coded event of the period, in scope or not: a happening in scope brings all its reports.
    pool: tuple[Reported, ...] = ()


def in_period(day: date | None, since: date, until: date) -> bool:
    """Whether a day falls in a period (both ends included)."""
    return day is not None and since <= day <= until


def split(extractions: Sequence[Extraction], *, in_scope: Callable[[Reported], bool], since: date,
          until: date) -> tuple[Period, Period]:
    """The current period and the previous one of the same length, each with its articles and events in scope."""
    length = until - since + timedelta(days=1)
    before = (since - length, since - timedelta(days=1))
    every = list(reported_events(e for e in extractions if e.article.not_coded is None))
    periods = []
    for start, end in (before, (since, until)):
        pool = tuple(r for r in every if in_period(r.day, start, end))
        articles = tuple(e for e in extractions if in_period(e.article.published, start, end))
        periods.append(Period(start, end, tuple(r for r in pool if in_scope(r)), articles, pool))
    return periods[0], periods[1]


def salience(happening: Happening, *, seen_before: set[str], mentions: Counter[str]) -> float:
    """The documented salience of a happening (see the module's docstring)."""
    reports = happening.reports
    goldstein = abs(sum(r.event.goldstein for r in reports) / len(reports))
    novelty = 0.0 if _family(happening) in seen_before else 1.0
    prominence = min(3.0, math.log2(1 + max((mentions[a.key] for r in reports for a in (*r.sources, *r.targets)),
                                            default=0)))
    score = 2 * len(outlets(reports)) + goldstein / 2 + 2 * novelty + prominence
    return round(score / 2 if happening.status in ("planned", "conditional") else score, 3)


def _family(happening: Happening) -> str:
    """Type and sides of a happening, for novelty."""
    r = lead(happening.reports)
    sides = ["+".join(sorted({identity(a) for a in side})) for side in (r.sources, r.targets)]
    return f"{r.event.type}/{'>'.join(sides)}"


def _mentions(extractions: Iterable[Extraction]) -> Counter[str]:
    found: Counter[str] = Counter()
    for extraction in extractions:
        for actor in extraction.actors:
            found[actor.key] += len(actor.mentions)
    return found


@dataclass(frozen=True, slots=True)
class _Ranked:
    happening: Happening
    salience: float
    day: date | None


def rank(current: Sequence[Happening], previous: Sequence[Happening], period: Period) -> list[_Ranked]:
    """Happenings of the period, most salient first."""
    seen = {_family(h) for h in previous if h.status not in ("planned", "conditional")}
    mentions = _mentions(period.extractions)
    ranked = [_Ranked(h, salience(h, seen_before=seen, mentions=mentions), lead(h.reports).day) for h in current]
    return sorted(ranked, key=lambda r: (-r.salience, r.day or date.max, r.happening.key))


def statements(period: Period, *, said: Said, kb: KnowledgeBase) -> list[tuple[Draft, str, str, date | None]]:
    """Key quotes of the period: a stance the briefing reports, a speaker in scope or an actor of the scope in
    the quote, or a quote behind an event in scope."""
    linked = {(r.article_id, r.event.quote) for r in period.reports if r.event.quote}
    found = []
    for extraction in period.extractions:
        if extraction.article.not_coded is not None:
            continue
        actors = {a.id: a for a in extraction.actors}
        key = extraction.article.content_hash
        for quote in extraction.quotes:
            speaker = actors.get(quote.speaker or "")
            if speaker is None or quote.stance not in STANCES:
                continue
            about = [actors[i] for i in quote.about if i in actors]
            if said(speaker, about) or (key, quote.id) in linked:
                day = extraction.article.published
                found.append((realise_quote(quote, speaker, key, day, kb), quote.stance, speaker.name, day))
    found.sort(key=lambda f: (list(STANCES).index(f[1]), f[3] or date.max, f[2], f[0].parts[0].text))
    kept: Counter[str] = Counter()
    chosen = []
    for item in found:
        kept[item[1]] += 1
        if kept[item[1]] <= PER_STANCE:
            chosen.append(item)
    return chosen


def disputes(happenings: Sequence[Happening], period: Period, *, kb: KnowledgeBase) -> list[tuple[Part, Part]]:
    """Claims with their denials: contested happenings (answered by a denial or a rejection), and denials of an
    accusation made in the period."""
    found = []
    for h in happenings:
        claims = [r for r in h.reports if r.event.modality in CLAIMS]
        denials = [r for r in h.reports if r.event.modality not in CLAIMS]
        answer = denials or [r for r in [_rejection(claims, period)] if r is not None]
        if h.status == "contested" and claims and answer:
            found.append((realise_claim(claims, kb),
                          realise_denial(answer, kb) if denials else realise_claim(answer, kb)))
    used = {e for pair in found for part in pair for e in part.evidence}
    for h in happenings:
        for denial in (r for r in h.reports if r.event.modality == "denied" and r.according_to is not None):
            claim = _accusation(denial, period)
            if claim is None or {Evidence(r.article_id, r.event.id) for r in (claim, denial)} & used:
                continue
            found.append((realise_claim([claim], kb), realise_denial([denial], kb)))
            used |= {Evidence(r.article_id, r.event.id) for r in (claim, denial)}
    return found


def _rejection(claims: Sequence[Reported], period: Period) -> Reported | None:
    """A rejection of the period by the side a claim is made against, from the claim's article first."""
    if not claims:
        return None
    first = lead(claims)
    accused = {identity(a) for a in first.targets} or {identity(a) for a in first.sources}
    accuser = {identity(a) for a in first.sources}
    candidates = [r for r in period.reports if r.event.type == "REJECT" and r.event.modality in CLAIMS
                  and accused & {identity(a) for a in r.sources} and not accuser & {identity(a) for a in r.sources}]
    articles = {c.article_id for c in claims}
    return min(candidates, key=lambda r: (r.article_id not in articles, r.day or date.max, r.article_id, r.event.id),
               default=None)


def _accusation(denial: Reported, period: Period) -> Reported | None:
    """An accusation of the period against whoever denies, by someone else, from the same article first."""
    if denial.according_to is None:
        return None
    denier = identity(denial.according_to)
    candidates = [r for r in period.reports if r.event.type == "ACCUSE" and r.event.modality in CLAIMS
                  and denier in {identity(a) for a in r.targets} and denier not in {identity(a) for a in r.sources}]
    if not candidates:
        return None
    return min(candidates, key=lambda r: (r.article_id != denial.article_id, r.day or date.max, r.event.id))


def assemble(scope: Scope, *, current: Period, previous: Period, loaded: Sequence[Extraction], said: Said,
             kb: KnowledgeBase, failures: int, copies: Mapping[str, Sequence[Report]] | None = None,
             grouper: Grouper = group_events) -> Briefing:
    """The briefing of a scope over a period, every citation numbered and verified against the ``loaded``
    articles (those of both periods, and older ones holding an event dated in them); ``copies`` are the other
    documents that carried each article (``Store.reports_of``)."""
    copies = copies or {}
    happenings, before = _in_scope(grouper, current), _in_scope(grouper, previous)
    ranked = rank(happenings, before, current)
    numbers = _Numbering()
    headlines = tuple(Headline(numbers.sentence(realise_happening(r.happening, kb)), r.happening.status,
                               r.salience, len(outlets(r.happening.reports)), r.day, lead(r.happening.reports)
                               .event.type) for r in ranked[:HEADLINES])
    quoted = tuple(Statement(numbers.sentence(d), stance, who, day)
                 for d, stance, who, day in statements(current, said=said, kb=kb))
    disputed = tuple(Dispute(numbers.sentence(Draft((capped(claim),))), numbers.sentence(Draft((capped(denial),))))
                     for claim, denial in disputes(happenings, current, kb=kb))
    sources = numbers.sources(loaded, copies)
    briefing = Briefing(scope, headlines, quoted, disputed, trend(happenings, before, current, previous), sources,
                        coverage(current, len(happenings), failures, copies))
    verify(briefing, loaded)
    return briefing


def _in_scope(grouper: Grouper, period: Period) -> list[Happening]:
    """The happenings of the period that an event in scope reports, each with all its reports."""
    scoped = {(r.article_id, r.event.id) for r in period.reports}
    return list(grouper(period.pool, lambda r: (r.article_id, r.event.id) in scoped))


class _Numbering:
    """Numbers sources in the order the briefing first cites them."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}

    def sentence(self, draft: Draft) -> Sentence:
        """The draft with each part followed by the numbers of the articles it rests on."""
        text, cited, evidence = "", list[int](), list[Evidence]()
        for part in draft.parts:
            numbers = sorted({self.order.setdefault(e.article_id, len(self.order) + 1) for e in part.evidence})
            text += part.text + " " + "".join(f"[{n}]" for n in numbers)
            cited += numbers
            evidence += part.evidence
        return Sentence(text + draft.tail, tuple(dict.fromkeys(cited)), tuple(evidence))

    def sources(self, extractions: Sequence[Extraction], copies: Mapping[str, Sequence[Report]]) -> tuple[Source, ...]:
        """The numbered sources, in the order first cited."""
        articles = {e.article.content_hash: e.article for e in extractions}
        return tuple(Source(n, key, articles[key].outlet, articles[key].title, articles[key].published,
                            articles[key].url, _carriers(articles[key].outlet, copies.get(key, ())))
                     for key, n in sorted(self.order.items(), key=lambda kv: kv[1]))


def _carriers(outlet: str | None, reports: Sequence[Report]) -> tuple[str, ...]:
    """The other outlets (else documents) that carried an article."""
    return tuple(sorted({r.outlet or r.doc_id for r in reports if r.kind != "original"} - {outlet or ""}))


def trend(happenings: Sequence[Happening], before: Sequence[Happening], current: Period,
          previous: Period) -> Trend:
    """Happenings, events and mean Goldstein against the previous period; a timeline of the current one."""
    now = [h for h in happenings if h.status not in ("planned", "conditional")]
    then = [h for h in before if h.status not in ("planned", "conditional")]
    events = [r for r in current.reports if r.event.modality in CLAIMS]
    old = [r for r in previous.reports if r.event.modality in CLAIMS]
    change = (len(now) - len(then)) / len(then) * 100 if len(then) >= MIN_BASE else None
    days: Counter[date] = Counter(d for d in (lead(h.reports).day for h in now) if d is not None)
    per_day: Counter[date] = Counter(r.day for r in events if r.day is not None)
    timeline = tuple(Count(day, days[day], per_day[day]) for day in sorted(set(days) | set(per_day)))
    return Trend(len(now), len(then), len(events), len(old), _mean(events), _mean(old),
                 None if change is None else round(change, 1), MIN_BASE, timeline, previous.since, previous.until)


def _mean(reports: Sequence[Reported]) -> float | None:
    return round(sum(r.event.goldstein for r in reports) / len(reports), 2) if reports else None


def coverage(period: Period, happenings: int, failures: int, copies: Mapping[str, Sequence[Report]]) -> Coverage:
    """What was read in the period and what could not be coded."""
    articles = period.extractions
    coded = [e for e in articles if e.article.not_coded is None]
    days = sorted(e.article.published for e in articles if e.article.published is not None)
    reasons = Counter(_reason(e.article.not_coded) for e in articles if e.article.not_coded is not None)
    return Coverage(len(articles), len(coded), len({r.article_id for r in period.reports}),
                    days[0] if days else None, days[-1] if days else None,
                    tuple(sorted({e.article.outlet for e in articles if e.article.outlet})), tuple(sorted(
                        reasons.items())), failures, happenings,
                    sum(r.kind == "copy" for e in coded for r in copies.get(e.article.content_hash, ())))


def _reason(why: str) -> str:
    if why.startswith("language"):
        return "in other languages"
    if why.startswith("not an article"):
        return "pages that were not articles"
    if "duplicate" in why:
        return "copies of other articles"
    return why


def verify(briefing: Briefing, extractions: Sequence[Extraction]) -> None:
    """Check that every [n] of every sentence points to an article holding a record the sentence was made from,
    and that every source is cited; raise :class:`BriefingError` otherwise."""
    holds = {e.article.content_hash: {*(x.id for x in e.events), *(q.id for q in e.quotes)} for e in extractions}
    numbered = {s.number: s.article_id for s in briefing.sources}
    cited: set[int] = set()
    for sentence in briefing.sentences():
        if not sentence.citations:
            raise BriefingError(f"the sentence {sentence.text!r} cites no source")
        for n in sentence.citations:
            article = numbered.get(n)
            if article is None or not any(e.article_id == article and e.record_id in holds.get(article, ())
                                          for e in sentence.evidence):
                raise BriefingError(f"[{n}] of {sentence.text!r} points to no article holding its record")
        cited.update(sentence.citations)
    if cited != set(numbered):
        raise BriefingError(f"sources {sorted(set(numbered) - cited)} are listed but never cited")
