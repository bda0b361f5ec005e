"""The public Python API over incidents (re-exported by :mod:`wirewatch.api`): list, dyad, network, export."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Literal

from . import incidents as _incidents
from .config import Config, load_config
from .errors import StoreError
from .incidents import Count, DyadPeriod, Incident, LinkReport, Network, Period
from .store import Store

__all__ = ["dyad", "export", "incidents", "link", "network"]

Db = str | os.PathLike[str] | None


@contextmanager
def _store(db: Db, config: Config | None) -> Iterator[Store]:
    """The store at ``db`` (else ``store.path``) opened for reading, or a StoreError saying how to make one."""
    path = os.fspath(db) if db is not None else (config or load_config()).store.path
    if path != ":memory:" and not os.path.exists(path):
        raise StoreError(f"no database at {path}; run `wirewatch ingest PATH... --db {path}` first")
    with Store.open(path, read_only=True) as store:
        yield store


def link(*, db: Db = None, config: Config | None = None) -> LinkReport:
    """Link the stored events that no incident holds yet (those of a store written before incidents existed)."""
    path = db if db is not None else (config or load_config()).store.path
    with Store.open(path) as store:
        return _incidents.link(store)


def incidents(*, db: Db = None, source: str | None = None, target: str | None = None, type: str | None = None,
              status: str | None = None, since: dt.date | None = None, until: dt.date | None = None,
              config: Config | None = None) -> list[Incident]:
    """The stored incidents matching every filter (actors as for ``events``), by date."""
    with _store(db, config) as store:
        return _incidents.incidents(store, source=source, target=target, type=type, status=status, since=since,
                                    until=until)


def dyad(a: str, b: str, *, db: Db = None, since: dt.date | None = None, until: dt.date | None = None,
         by: Period = "month", directed: bool = False, count: Count = "incidents",
         config: Config | None = None) -> list[DyadPeriod]:
    """Relations between two actors period by period: QuadClass counts, Goldstein, top types, change."""
    with _store(db, config) as store:
        return _incidents.dyad(store, a, b, since=since, until=until, by=by, directed=directed, count=count)


def network(*, db: Db = None, since: dt.date | None = None, until: dt.date | None = None,
            level: Literal["country", "actor"] = "country", min_incidents: int = 1, count: Count = "incidents",
            config: Config | None = None) -> Network:
    """The network of actors (or countries) and the incidents between them."""
    with _store(db, config) as store:
        return _incidents.network(store, since=since, until=until, level=level, min_incidents=min_incidents,
                                  count=count)


def export(out: str | os.PathLike[str], *, fmt: Literal["gdelt", "csv", "parquet"], db: Db = None,
           since: dt.date | None = None, until: dt.date | None = None, config: Config | None = None) -> int:
    """Write the incidents as GDELT 2.0 event rows (one per incident) or reports as CSV or Parquet; return rows."""
    with _store(db, config) as store:
        found = _incidents.incidents(store, since=since, until=until)
        if fmt != "gdelt":
            return _incidents.write_reports(found, out, fmt=fmt)
        happened = [i for i in found if i.status != "denied"]
        actors = store.incidents.actors({k for i in happened for k in (*i.source, *i.target)})
        return _incidents.write_gdelt(happened, actors, out)
