"""The registry of built-in, swappable parts under versioned names.

``extract.coder``, ``extract.quotes`` and ``resolve.resolver`` in the config name one of these; the name is
recorded on every stored event (``coder``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import Config
from .errors import ConfigError

if TYPE_CHECKING:
    from .dedup import DuplicateIndex

__all__ = ["CODERS", "QUOTE_EXTRACTORS", "RESOLVERS", "build_stages"]

#: ``plover.hybrid.v2``: the rule coder plus the classifier for verbs outside its lexicon; ``plover.rules.v2``: the
#: rules alone.
CODERS = ("plover.hybrid.v2", "plover.rules.v2")
QUOTE_EXTRACTORS = ("quotes.rules.v1",)
RESOLVERS = ("actors.kb.v1",)


def _check(kind: str, name: str, known: tuple[str, ...]) -> None:
    if name not in known:
        raise ConfigError(f"unknown {kind} {name!r}; the built-in ones are: {', '.join(known)}")


def build_stages(config: Config, *, duplicates: DuplicateIndex | None = None) -> list[Any]:
    """The default stages for ``config``, after checking that every named part exists.

    With ``dedup.enabled``, the dedup stage follows clean; ``duplicates`` is its index (a store's, from
    ``dedup.load_index``), else a new, empty one.
    """
    from . import dedup
    from .pipeline import ActorResolver, Annotator, ClaimLinker, CleanStage, EventCoder, QuoteExtractor

    _check("extract.coder", config.extract.coder, CODERS)
    _check("extract.quotes", config.extract.quotes, QUOTE_EXTRACTORS)
    _check("resolve.resolver", config.resolve.resolver, RESOLVERS)
    index = duplicates if duplicates is not None else dedup.DuplicateIndex.for_config(config.dedup)
    copies = [dedup.DedupStage(index)] if config.dedup.enabled else []
    return [CleanStage(config), *copies, Annotator(config), ActorResolver(config), EventCoder(config),
            QuoteExtractor(config), ClaimLinker(config)]
