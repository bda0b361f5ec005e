"""wirewatch: who did what to whom, when, where, and who says so — from international news, offline.

The public surface is small: the functions of :mod:`wirewatch.api`, the configuration loader, the records that
come out, and the exception hierarchy. Everything else is implementation.
"""

from __future__ import annotations

import logging

from .api import IngestReport, demo, extract, extract_text, ingest
from .brief import Briefing, build_briefing
from .config import Config, load_config
from .errors import (
    BatchError,
    BriefingError,
    ConfigError,
    FetchError,
    InputError,
    KnowledgeBaseError,
    ModelError,
    PipelineError,
    QueryError,
    SchemaError,
    StoreError,
    TransportError,
    WirewatchError,
)
from .records import Actor, Article, Event, Extraction, Failure, Location, Mention, Quote, RawDocument
from .store import Store

__version__ = "0.1.0"

# The library logs under "wirewatch" and leaves showing it to the application (the CLI's --verbose does).
logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Actor",
    "Article",
    "BatchError",
    "Briefing",
    "BriefingError",
    "Config",
    "ConfigError",
    "Event",
    "Extraction",
    "Failure",
    "FetchError",
    "IngestReport",
    "InputError",
    "KnowledgeBaseError",
    "Location",
    "Mention",
    "ModelError",
    "PipelineError",
    "QueryError",
    "Quote",
    "RawDocument",
    "SchemaError",
    "Store",
    "StoreError",
    "TransportError",
    "WirewatchError",
    "__version__",
    "build_briefing",
    "demo",
    "extract",
    "extract_text",
    "ingest",
    "load_config",
]
