"""The one exception hierarchy of wirewatch.

Every error the library raises on purpose derives from :class:`WirewatchError`::

    WirewatchError
    ├── ConfigError            a setting is missing, of the wrong type or out of range
    ├── InputError             a document cannot be read (bad JSON line, binary file, unknown format)
    ├── PipelineError          stages are in an order that cannot run (a stage needs what no earlier one adds)
    ├── ModelError             the spaCy pipeline cannot be loaded
    ├── KnowledgeBaseError     an actor table is malformed
    ├── FetchError             a feed, page or robots.txt cannot be fetched (after retries, or for good)
    ├── TransportError         a request got no answer at all (timeout, refused connection); the fetcher
    │                          retries it and then raises FetchError
    ├── BatchError             a batch cannot run: its output folder holds another batch, a worker died
    ├── BriefingError          a briefing cannot be made as asked, or a citation of it does not hold
    └── StoreError             the DuckDB store cannot be opened, migrated, written or read
        ├── SchemaError        the database was written by a newer wirewatch
        └── QueryError         a query asks for something that cannot be (a negative limit, an unknown filter)

Messages say what was found, what was expected and what to do.
"""

from __future__ import annotations

__all__ = [
    "BatchError",
    "BriefingError",
    "ConfigError",
    "FetchError",
    "InputError",
    "KnowledgeBaseError",
    "ModelError",
    "PipelineError",
    "QueryError",
    "SchemaError",
    "StoreError",
    "TransportError",
    "WirewatchError",
]


class WirewatchError(Exception):
    """Base class of every error wirewatch raises on purpose."""


class ConfigError(WirewatchError):
    """A configuration value is missing, mistyped or out of range."""


class InputError(WirewatchError):
    """A document cannot be read; ``where`` names the file and, for JSON Lines, the line."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.reason = message


class PipelineError(WirewatchError):
    """The stages cannot run in the order given, or a document ran past ``limits.max_seconds_per_document``."""


class ModelError(WirewatchError):
    """The spaCy pipeline cannot be loaded."""


class KnowledgeBaseError(WirewatchError):
    """An actor table (shipped or the user's) is malformed."""


class FetchError(WirewatchError):
    """A URL cannot be fetched; ``transient`` when trying again later may work (timeouts, 5xx, 429),
    ``forbidden`` when robots.txt forbids it (it was not requested), ``requested`` False when it was put off
    without being asked (its host is resting, its robots.txt cannot be read yet)."""

    def __init__(self, url: str, message: str, *, status: int | None = None, transient: bool = False,
                 forbidden: bool = False, requested: bool = True) -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.reason = message
        self.status = status
        self.transient = transient
        self.forbidden = forbidden
        self.requested = requested and not forbidden


class TransportError(WirewatchError):
    """No answer came: a timeout, a refused or dropped connection, a name that does not resolve.

    ``permanent`` when asking again cannot help (the address itself cannot be requested).
    """

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class BatchError(WirewatchError):
    """A batch cannot run or go on: its output folder holds another batch, or a worker failed or died."""


class StoreError(WirewatchError):
    """The store cannot be opened, migrated or written."""


class SchemaError(StoreError):
    """The database has a schema version this wirewatch does not know."""


class QueryError(StoreError):
    """A query of the store asks for something that cannot be: a negative limit, an unknown filter."""


class BriefingError(WirewatchError):
    """A briefing cannot be made as asked (nothing matches its scope), or a sentence's citation does not hold."""
