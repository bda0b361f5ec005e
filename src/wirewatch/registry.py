"""The registry of built-in, swappable parts under versioned names.

``extract.coder``, ``extract.quotes`` and ``resolve.resolver`` in the config name one of these; the name is
recorded on every stored event (``coder``).
"""

from __future__ import annotations

from typing import Any

from .config import Config
from .errors import ConfigError

__all__ = ["CODERS", "QUOTE_EXTRACTORS", "RESOLVERS", "build_stages"]

CODERS = ("plover.rules.v1",)
QUOTE_EXTRACTORS = ("quotes.rules.v1",)
RESOLVERS = ("actors.kb.v1",)


def _check(kind: str, name: str, known: tuple[str, ...]) -> None:
    if name not in known:
        raise ConfigError(f"unknown {kind} {name!r}; the built-in ones are: {', '.join(known)}")


def build_stages(config: Config) -> list[Any]:
    """The default stages for ``config``, after checking that every named part exists."""
    from .pipeline import ActorResolver, Annotator, ClaimLinker, CleanStage, EventCoder, QuoteExtractor

    _check("extract.coder", config.extract.coder, CODERS)
    _check("extract.quotes", config.extract.quotes, QUOTE_EXTRACTORS)
    _check("resolve.resolver", config.resolve.resolver, RESOLVERS)
    return [CleanStage(config), Annotator(config), ActorResolver(config), EventCoder(config), QuoteExtractor(config),
            ClaimLinker(config)]
