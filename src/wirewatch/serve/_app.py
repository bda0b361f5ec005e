"""The application: routers for the API and the dashboard, one JSON error shape, security headers on every
response, CORS only when configured."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, fetch
from ..errors import BriefingError, ConfigError, InputError, QueryError, WirewatchError
from . import _api, _dashboard, _write
from ._cache import ResponseCache
from ._db import Busy, Database, ReadOnly
from ._settings import CSP, ServeSettings
from ._watching import Watcher

__all__ = ["API_ROUTERS", "CSP", "create_app"]

log = logging.getLogger("wirewatch.serve")

#: The JSON API's routers, mounted under /api in this order (incidents and briefings join here).
API_ROUTERS: tuple[APIRouter, ...] = (_api.router, _write.router)
STATIC = Path(__file__).with_name("static")

_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY"}


def create_app(settings: ServeSettings, *, transport: fetch.Transport | None = None) -> FastAPI:
    """The FastAPI application serving ``settings.db``: JSON under ``/api``, the dashboard at ``/``; with
    ``settings.watch``, feeds are polled while it runs (``transport``: how pages are fetched, for tests)."""
    _check_feeds(settings)
    db = Database(settings.db, read_only=settings.read_only, config=settings.config)
    watcher = Watcher(db, settings.watch, interval=settings.watch_interval, transport=transport) if settings.watch \
        else None

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if watcher is not None:
            watcher.start()
        yield
        if watcher is not None:
            watcher.stop()
        db.close()

    app = FastAPI(title="wirewatch", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Who did what to whom, when, where, and who says so: the events of a wirewatch store.")
    app.state.db, app.state.settings, app.state.watcher = db, settings, watcher
    _install_errors(app)
    app.middleware("http")(ResponseCache(db))
    app.middleware("http")(_security_headers)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    for router in API_ROUTERS:
        app.include_router(router, prefix="/api")
    app.include_router(_dashboard.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _check_feeds(settings: ServeSettings) -> None:
    if settings.watch and settings.read_only:
        raise ConfigError("--watch writes what it fetches: it cannot run on a read-only store")
    for feed in settings.watch:
        if fetch.page_url(feed, "") is None:
            raise InputError(feed, "not an http:// or https:// address of a feed; give the feed's full URL")


async def _security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    for name, value in _HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status, headers=headers)


def _install_errors(app: FastAPI) -> None:
    """Every error answers ``{"error": {"status", "message"}}``; a stack trace goes to the log, never out."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, err: StarletteHTTPException) -> JSONResponse:
        return _error(err.status_code, str(err.detail), dict(err.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, err: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in err.errors())
        return _error(422, f"invalid request: {problems}")

    @app.exception_handler(WirewatchError)
    async def refused(_request: Request, err: WirewatchError) -> JSONResponse:
        status = _STATUS.get(type(err), 500)
        if status == 500:
            log.error("store error: %s", err)
        return _error(status, str(err))

    @app.exception_handler(Exception)
    async def crashed(request: Request, err: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path, exc_info=err)
        return _error(500, "internal error; the server's log has the details")


_STATUS: dict[type, int] = {QueryError: 400, BriefingError: 400, InputError: 400, ConfigError: 400, ReadOnly: 403,
                            Busy: 503}
