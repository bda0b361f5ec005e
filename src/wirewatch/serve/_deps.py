"""What every route needs: the database, the settings, the filters shared by routes, rows as JSON."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from ..config import Config
from ..errors import QueryError
from ..store import EventFilter, Store
from ._db import Database
from ._settings import ServeSettings

__all__ = ["ALL_MODALITIES", "EventQuery", "Reader", "Wirewatch", "event_filter", "page_size", "plain", "reader",
           "settings"]

ALL_MODALITIES = ("asserted", "reported", "negated", "future", "hypothetical", "denied")


def database(request: Request) -> Database:
    """The application's database."""
    db: Database = request.app.state.db
    return db


def settings(request: Request) -> ServeSettings:
    """The application's settings."""
    found: ServeSettings = request.app.state.settings
    return found


def wirewatch_config(db: Annotated[Database, Depends(database)]) -> Config:
    """The wirewatch settings the server was started with (read once)."""
    return db.config


def reader(db: Annotated[Database, Depends(database)]) -> Iterator[Store]:
    """A store over a connection of the request's own."""
    with db.reader() as store:
        yield store


Reader = Annotated[Store, Depends(reader)]
Wirewatch = Annotated[Config, Depends(wirewatch_config)]


def page_size(limit: int | None, config: ServeSettings) -> int:
    """The page size asked for, else the default; refused beyond the server's cap."""
    size = config.page_size if limit is None else limit
    if not 1 <= size <= config.max_page_size:
        raise QueryError(f"limit must lie between 1 and {config.max_page_size}, not {size}")
    return size


def event_filter(
    source: Annotated[str | None, Query(description="Source actor: country (RUS), code (RUSGOV), key or name")] = None,
    target: Annotated[str | None, Query(description="Target actor, as for source")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT")] = None,
    since: Annotated[str | None, Query(description="Only events on or after this day (YYYY-MM-DD)")] = None,
    until: Annotated[str | None, Query(description="Only events on or before this day (YYYY-MM-DD)")] = None,
    modality: Annotated[list[str] | None, Query(description="Modalities kept (repeat); default asserted, reported")]
    = None,
    all_modalities: Annotated[bool, Query(description="Keep every modality")] = False,
) -> EventFilter:
    """The CLI's event filters, with a last day."""
    for name in modality or ():
        if name not in ALL_MODALITIES:
            raise QueryError(f"modality must be one of {', '.join(ALL_MODALITIES)}, not {name!r}")
    chosen = ALL_MODALITIES if all_modalities else tuple(modality or ("asserted", "reported"))
    return EventFilter(source=source or None, target=target or None, type=type.upper() if type else None,
                       since=day(since, "since"), until=day(until, "until"), modalities=chosen)


def day(value: str | None, name: str) -> dt.date | None:
    """A YYYY-MM-DD parameter; empty (a form's blank field) is none."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise QueryError(f"{name} must be a date (YYYY-MM-DD), not {value[:40]!r}") from err


EventQuery = Annotated[EventFilter, Depends(event_filter)]


def plain(row: Any) -> Any:
    """A record (a frozen dataclass, or tuples of them) as plain JSON values."""
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return {f.name: plain(getattr(row, f.name)) for f in dataclasses.fields(row)}
    if isinstance(row, tuple | list):
        return [plain(item) for item in row]
    if isinstance(row, dt.date):
        return row.isoformat()
    return row
