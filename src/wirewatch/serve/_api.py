"""The JSON API's reading routes (under ``/api``): thin adapters over the store and :mod:`wirewatch.api`.

Lists are pages: ``limit`` rows (capped) and ``next_cursor``, passed back as ``cursor`` for the next page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from .. import api
from ..brief import render_html, render_markdown
from ..store import Page
from ._deps import ALL_MODALITIES, EventQuery, Reader, Wirewatch, day, page_size, plain, settings
from ._incidents import IncidentFilter, briefing, briefing_policy, incident, incidents_page
from ._settings import ServeSettings

__all__ = ["router"]

router = APIRouter(tags=["read"])
Settings = Annotated[ServeSettings, Depends(settings)]
Limit = Annotated[int | None, Query(description="Rows in a page (the server caps it)")]
Cursor = Annotated[str | None, Query(description="The next_cursor of the page before")]


def _page(page: Page[Any]) -> dict[str, Any]:
    return {"items": plain(page.items), "next_cursor": page.next_cursor}


@router.get("/articles", summary="Stored articles, newest first")
def articles(store: Reader, config: Settings, since: dt.date | None = None, until: dt.date | None = None,
             outlet: str | None = None, q: Annotated[str | None, Query(description="Words in title or text")] = None,
             limit: Limit = None, cursor: Cursor = None) -> dict[str, Any]:
    """Articles with their metadata and how many events and quotes were coded in each."""
    return _page(store.articles_page(since=since, until=until, outlet=outlet, words=q,
                                     limit=page_size(limit, config), cursor=cursor))


@router.get("/articles/{article_id}", summary="One article: cleaned text, actors, events, quotes, with spans")
def article(article_id: str, store: Reader) -> dict[str, Any]:
    """The article's record of the ``wirewatch extract`` contract (spans index its cleaned ``text``)."""
    found = store.extraction(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}; list them at /api/articles")
    return {"article_id": article_id, **found.to_contract()}


@router.get("/events", summary="Stored events, newest first, with the CLI's filters")
def events(store: Reader, config: Settings, where: EventQuery, article: str | None = None, limit: Limit = None,
           cursor: Cursor = None) -> dict[str, Any]:
    """Events with their actors' names and countries and their article's metadata."""
    if article is not None:
        where = replace(where, article_id=article)
    return _page(store.events_page(where, limit=page_size(limit, config), cursor=cursor))


@router.get("/actors", summary="Stored actors, most mentioned first")
def actors(store: Reader, config: Settings, country: str | None = None, kind: str | None = None,
           name: str | None = None, limit: Limit = None, cursor: Cursor = None) -> dict[str, Any]:
    """Actors with their mention counts and the names they go by."""
    return _page(store.actors_page(country=country, kind=kind, name=name, limit=page_size(limit, config),
                                   cursor=cursor))


@router.get("/actors/{name:path}", summary="One actor's profile")
def actor(name: str, store: Reader, wirewatch: Wirewatch,
          events: Annotated[int, Query(ge=0, le=500, description="Latest events shown on each side")] = 50,
          ) -> dict[str, Any]:
    """Offices with their dates, names used, events as source and as target (the latest), quotes."""
    profile = api.actor_profile(name, store=store, config=wirewatch)
    if profile is None:
        raise HTTPException(404, f"no actor matches {name!r}; list them at /api/actors")
    return {
        "actor": plain(profile.actor), "offices": plain(profile.offices),
        "as_source": {"count": len(profile.as_source), "latest": plain(profile.as_source[::-1][:events])},
        "as_target": {"count": len(profile.as_target), "latest": plain(profile.as_target[::-1][:events])},
        "quotes": {"count": len(profile.quotes), "latest": plain(profile.quotes[::-1][:events])},
        "modalities": list(ALL_MODALITIES),
    }


@router.get("/quotes", summary="Stored quotes, newest first")
def quotes(store: Reader, config: Settings, speaker: str | None = None,
           about: Annotated[str | None, Query(description="An actor mentioned in the quote, or words in it")] = None,
           limit: Limit = None, cursor: Cursor = None) -> dict[str, Any]:
    """Quotes and reported statements with their speakers."""
    return _page(store.quotes_page(speaker=speaker, about=about, limit=page_size(limit, config), cursor=cursor))


@router.get("/dyad", summary="A dyad's events by period and QuadClass")
def dyad(store: Reader, where: EventQuery,
         interval: Annotated[str, Query(description="day, week, month or year")] = "month") -> dict[str, Any]:
    """Cooperation (QuadClass 1, 2) and conflict (3, 4) from ``source`` to ``target``, period by period."""
    if where.source is None or where.target is None:
        raise HTTPException(400, "a dyad needs both source and target, e.g. ?source=RUS&target=UKR")
    periods = store.dyad_series(where, interval=interval)
    return {"source": where.source, "target": where.target, "interval": interval, "periods": plain(periods)}


@router.get("/network", summary="Who acted on whom: the busiest pairs of actors")
def network(store: Reader, where: EventQuery,
            edges: Annotated[int, Query(ge=1, le=500, description="Busiest edges kept")] = 60) -> dict[str, Any]:
    """Nodes (actors, with their events) and edges (source to target, events, mean Goldstein score)."""
    return plain(store.network(where, edges=edges))


@router.get("/summary", summary="What the store holds")
def summary(store: Reader, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    """Row counts, events by PLOVER type and the busiest pairs of countries."""
    return plain(store.summary(top=top))


@router.get("/activity", summary="Articles and events by period")
def activity(store: Reader, interval: str = "month") -> dict[str, Any]:
    """Articles published and events dated in each period."""
    return {"interval": interval, "periods": plain(store.activity(interval=interval))}


def incident_filter(
    source: Annotated[str | None, Query(description="Source actor: country (RUS), code (RUSGOV), key or name")] = None,
    target: Annotated[str | None, Query(description="Target actor, as for source")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT")] = None,
    status: Annotated[str | None, Query(description="single-source, corroborated, confirmed, contested or denied")]
    = None,
    since: Annotated[str | None, Query(description="Only incidents on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="Only incidents on or before this day (YYYY-MM-DD)")] = None,
) -> IncidentFilter:
    """The filters of ``wirewatch incidents``."""
    return IncidentFilter(source=source or None, target=target or None, type=type or None, status=status or None,
                          since=day(since, "since"), until=day(until, "until"))


IncidentQuery = Annotated[IncidentFilter, Depends(incident_filter)]


@router.get("/incidents", summary="Stored incidents, newest first, with the filters of `wirewatch incidents`")
def incidents(store: Reader, config: Settings, where: IncidentQuery, limit: Limit = None,
              cursor: Cursor = None) -> dict[str, Any]:
    """Incidents as records of the ``wirewatch incidents --format json`` contract, with their reports."""
    page = incidents_page(store, where, limit=page_size(limit, config), cursor=cursor)
    return {"items": [i.to_contract() for i in page.items], "next_cursor": page.next_cursor}


@router.get("/incidents/{incident_id}", summary="One incident and every report of it")
def one_incident(incident_id: str, store: Reader) -> dict[str, Any]:
    """The incident's record of the ``wirewatch incidents --format json`` contract."""
    found = incident(store, incident_id)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id!r}; list them at /api/incidents")
    return found.to_contract()


@router.get("/briefing", summary="A briefing on an actor, a dyad or a country", response_class=PlainTextResponse,
            responses={200: {"content": {"text/markdown": {}, "text/html": {}}}})
def brief(store: Reader, wirewatch: Wirewatch, actor: str | None = None,
          dyad: Annotated[str | None, Query(description="Two actors, comma-separated: RUS,UKR")] = None,
          country: Annotated[str | None, Query(description="ISO alpha-3 country code")] = None,
          since: str | None = None, until: str | None = None,
          format: Annotated[str, Query(pattern="^(md|html)$", description="md or html")] = "md") -> Response:
    """The briefing as Markdown, or as one self-contained HTML page (every stored value escaped)."""
    found = briefing(store, wirewatch, actor=actor, dyad=dyad, country=country, since=day(since, "since"),
                     until=day(until, "until"))
    if format == "html":
        page = render_html(found)
        return HTMLResponse(page, headers={"Content-Security-Policy": briefing_policy(page)})
    return PlainTextResponse(render_markdown(found), media_type="text/markdown; charset=utf-8")
