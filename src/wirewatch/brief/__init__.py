"""The brief stage: a briefing on an actor, a dyad or a country over a period, every sentence made from stored
records and cited to the articles that hold them.

    with Store.open("news.duckdb", read_only=True) as store:
        briefing = build_briefing(store, actor="RUS", since=date(2024, 4, 1), until=date(2024, 4, 30))
    text = render_markdown(briefing)

:func:`build_briefing` returns a typed :class:`Briefing` (headline developments ranked by salience, who said
what, disputed claims, the trend against the previous period, numbered sources, coverage and gaps); the
renderers turn it into Markdown, one self-contained HTML file, or PDF. The same store and arguments give the
same Markdown, byte for byte. Happenings are incidents across articles where the store holds them, else
events grouped by :func:`group_events`; a ``grouper`` may make them otherwise: anything that satisfies
:class:`Happening` will do.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..resolve import KnowledgeBase, load_kb
from ..store import Store
from ._build import MIN_BASE, assemble, split
from ._happen import EventGroup, Happening, Reported, group_events
from ._html import render_html
from ._incidents import Grouper, incident_grouper
from ._markdown import render_markdown
from ._model import Briefing, Count, Coverage, Dispute, Evidence, Headline, Scope, Sentence, Source, Statement, Trend
from ._pdf import render_pdf
from ._scope import DEFAULT_DAYS, period, resolve

__all__ = ["DEFAULT_DAYS", "MIN_BASE", "Briefing", "Count", "Coverage", "Dispute", "EventGroup", "Evidence",
           "Grouper", "Happening", "Headline", "Reported", "Scope", "Sentence", "Source", "Statement", "Trend",
           "build_briefing", "group_events", "incident_grouper", "render_html", "render_markdown", "render_pdf"]


def build_briefing(
    store: Store,
    *,
    actor: str | None = None,
    dyad: tuple[str, str] | None = None,
    country: str | None = None,
    since: date | None = None,
    until: date | None = None,
    kb: KnowledgeBase | None = None,
    grouper: Grouper | None = None,
) -> Briefing:
    """The briefing on one actor, dyad (either direction) or country (ISO alpha-3) over ``since``–``until``.

    Actors are named as for ``Store.events`` (key, country, code or part of a name). An open end of the period
    is the latest day of the scope's events, or 30 days before the end. Happenings are the stored incidents
    (``ingest`` links them), and events no incident holds grouped by type, sides and day; ``grouper`` replaces
    that (``group_events`` ignores incidents).
    """
    kb = kb or load_kb()
    scope = resolve(store, kb, actor=actor, dyad=dyad, country=country)
    start, end = period(store, scope, since=since, until=until)
    first = start - (end - start) - timedelta(days=1)
    extractions = store.extractions(since=first, until=end)
    previous, current = split(extractions, in_scope=scope.holds, since=start, until=end)
    copies = store.reports_of([e.article.content_hash for e in extractions if e.article.not_coded is None])
    return assemble(Scope(scope.kind, scope.terms, scope.label, start, end), current=current, previous=previous,
                    loaded=extractions, said=scope.said, kb=kb, failures=store.summary().failures, copies=copies,
                    grouper=grouper or incident_grouper(store, since=first, until=end))
