"""wirewatch: who did what to whom, when, where, and who says so — from international news, offline.

The public surface is small: the functions of :mod:`wirewatch.api`, the configuration loader, the records that
come out, and the exception hierarchy. Everything else is implementation.
"""

from __future__ import annotations

from .api import IngestReport, demo, extract, extract_text, ingest
from .config import Config, load_config
from .errors import (
    ConfigError,
    InputError,
    KnowledgeBaseError,
    ModelError,
    PipelineError,
    SchemaError,
    StoreError,
    WirewatchError,
)
from .records import Actor, Article, Event, Extraction, Failure, Location, Mention, Quote, RawDocument
from .store import Store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Config",
    "ConfigError",
    "Event",
    "Extraction",
    "Failure",
    "IngestReport",
    "InputError",
    "KnowledgeBaseError",
    "Location",
    "Mention",
    "ModelError",
    "PipelineError",
    "Quote",
    "RawDocument",
    "SchemaError",
    "Store",
    "StoreError",
    "WirewatchError",
    "__version__",
    "demo",
    "extract",
    "extract_text",
    "ingest",
    "load_config",
]
