"""The dashboard: server-rendered pages (Jinja2, every value escaped), charts as SVG; one script of ours
(static/network.js) drags and zooms the network."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from .. import api
from ..brief import render_markdown
from ..errors import BriefingError, QueryError
from ..store import INTERVALS, EventFilter
from ._charts import activity_chart, actor_href, dyad_chart, network_chart, search_href
from ._deps import EventQuery, Reader, Wirewatch, day, settings
from ._incidents import IncidentFilter, briefing, incident, incidents_page
from ._settings import ServeSettings
from ._text import segments

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
_env = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                   autoescape=select_autoescape(default=True, default_for_string=True))

Settings = Annotated[ServeSettings, Depends(settings)]


def _web_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address a link may point to; anything else is shown as text only."""
    return url if url and urlsplit(url).scheme in ("http", "https") else None


_env.globals.update(actor_href=actor_href, search_href=search_href, web_url=_web_url)


def _page(name: str, **values: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**values))


@router.get("/", response_class=HTMLResponse)
def overview(store: Reader, interval: str = "month") -> HTMLResponse:
    """Articles and events over time, the latest events and articles, the busiest dyads."""
    summary = store.summary(top=10)
    return _page("overview.html", title="Overview", summary=summary,
                 chart=activity_chart(store.activity(interval=interval)),
                 events=store.events_page(EventFilter(), limit=12).items,
                 incidents=incidents_page(store, IncidentFilter(), limit=8).items,
                 articles=store.articles_page(limit=8).items)


@router.get("/search", response_class=HTMLResponse)
def search(store: Reader, config: Settings, where: EventQuery, all: str | None = None, cursor: str | None = None,
           ) -> HTMLResponse:
    """Events with the CLI's filters, newest first, a page at a time."""
    if all:
        where = replace(where, modalities=("asserted", "reported", "negated", "future", "hypothetical", "denied"))
    page = store.events_page(where, limit=config.page_size, cursor=cursor)
    types = [name for name, _ in store.summary(top=1, modalities=where.modalities).events_by_type]
    more = search_href(**_filter_args(where), all=all, cursor=page.next_cursor) if page.next_cursor else None
    return _page("search.html", title="Search events", where=where, page=page, types=sorted(types), all=all,
                 more=more)


def _filter_args(where: Any) -> dict[str, str | None]:
    return {"source": where.source, "target": where.target, "type": where.type,
            "since": where.since.isoformat() if where.since else None,
            "until": where.until.isoformat() if where.until else None}


@router.get("/dyad", response_class=HTMLResponse)
def dyad(store: Reader, where: EventQuery, interval: str = "month", all: str | None = None) -> HTMLResponse:
    """A dyad's cooperation (above) and conflict (below) by period; a bar opens the period's events."""
    if all:
        where = replace(where, modalities=("asserted", "reported", "negated", "future", "hypothetical", "denied"))
    periods = store.dyad_series(where, interval=interval) if where.source and where.target else []
    chart = dyad_chart(periods, source=where.source or "", target=where.target or "",
                       modalities=where.modalities) if periods else None
    return _page("dyad.html", title="Dyad timeline", where=where, periods=periods, chart=chart, interval=interval,
                 intervals=INTERVALS, pairs=store.summary(top=10).top_pairs)


@router.get("/network", response_class=HTMLResponse)
def network(store: Reader, where: EventQuery,
            edges: Annotated[int, Query(ge=1, le=200)] = 40) -> HTMLResponse:
    """Who acted on whom: the busiest pairs of actors; a node opens its actor's page."""
    found = store.network(where, edges=edges)
    return _page("network.html", title="Network", where=where, chart=network_chart(found), network=found,
                 edges=edges)


@router.get("/actor/{key:path}", response_class=HTMLResponse)
def actor(key: str, store: Reader, wirewatch: Wirewatch) -> HTMLResponse:
    """One actor: offices with dates, names used, events as source and target, quotes."""
    profile = api.actor_profile(key, store=store, config=wirewatch)
    if profile is None:
        raise HTTPException(404, f"no actor matches {key!r}")
    return _page("actor.html", title=profile.actor.name, profile=profile, latest=40)


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(article_id: str, store: Reader) -> HTMLResponse:
    """The article's text with actors, event triggers and quotes highlighted and linked; what cleaning removed."""
    found = store.extraction(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    names = {a.id: a.name for a in found.actors}
    return _page("article.html", title=found.article.title or found.article.id, x=found, parts=segments(found),
                 names=names, keys={a.id: a.key for a in found.actors})


@router.get("/incident/{incident_id}", response_class=HTMLResponse)
def incident_page(incident_id: str, store: Reader) -> HTMLResponse:
    """One incident: every report side by side with its outlet, date, modality, according-to and sentence."""
    found = incident(store, incident_id)
    if found is None:
        raise HTTPException(404, f"no incident {incident_id!r}")
    return _page("incident.html", title=f"Incident {found.id}", i=found)


@router.get("/briefing", response_class=HTMLResponse)
def briefing_page(store: Reader, wirewatch: Wirewatch, actor: str | None = None, dyad: str | None = None,
                  country: str | None = None, since: str | None = None, until: str | None = None) -> HTMLResponse:
    """A form for a briefing (actor, dyad or country, dates), the briefing as text and links to download it."""
    ask = {k: v for k, v in {"actor": actor, "dyad": dyad, "country": country, "since": since,
                             "until": until}.items() if v}
    text = problem = None
    if ask:
        try:
            text = render_markdown(briefing(store, wirewatch, actor=actor, dyad=dyad, country=country,
                                            since=day(since, "since"), until=day(until, "until")))
        except (BriefingError, QueryError) as err:
            problem = str(err)
    return _page("briefing.html", title="Briefing", ask=ask, text=text, problem=problem,
                 md="/api/briefing?" + urlencode({**ask, "format": "md"}),
                 html="/api/briefing?" + urlencode({**ask, "format": "html"}))


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API's routes, read from its OpenAPI schema (also at /openapi.json)."""
    schema = request.app.openapi()
    routes = [(method.upper(), path, op) for path, ops in schema["paths"].items() for method, op in ops.items()]
    return _page("docs.html", title="API", routes=routes, version=schema["info"]["version"])


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    """The icon browsers ask for."""
    return FileResponse(Path(__file__).with_name("static") / "favicon.svg", media_type="image/svg+xml")

