"""The registry: versioned names for swappable stages, each mapped to the factory that builds it.

The config chooses by name (``extract.coder``, ``extract.quotes``, ``resolve.resolver``, ``pipeline.extra``); a
factory takes the :class:`~wirewatch.config.Config` and returns a :class:`~wirewatch.base.Stage`. The built-in
names are in :data:`BUILTIN`; a package of yours adds its own stages under the ``wirewatch.stages`` entry point
group (as spaCy's ``spacy_factories`` do), e.g. in its ``pyproject.toml``::

    [project.entry-points."wirewatch.stages"]
    "mycoder.v1" = "mypackage.coder:make_coder"

:func:`build_pipeline` builds the configured pipeline: clean, dedup (when enabled), annotate, the resolver, the
event coder, the quote extractor, claims, then the ``pipeline.extra`` stages. The coder's name is recorded on
every event it codes (``Event.coder``, stored in the ``coder`` column).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib.metadata import entry_points
from types import MappingProxyType
from typing import cast

from .base import Stage
from .config import Config
from .dedup import DedupStage, DuplicateIndex
from .errors import ConfigError
from .pipeline import Pipeline
from .stages import ActorResolver, Annotator, ClaimLinker, CleanStage, EventCoder, QuoteExtractor

__all__ = ["BUILTIN", "ENTRY_POINTS", "Factory", "build_pipeline",
           "build_stages", "factory", "make_hybrid_coder", "make_kb_resolver", "make_rules_coder",
           "make_rules_quotes", "names"]

Factory = Callable[[Config], Stage]
#: The entry point group under which other packages register stage factories.
ENTRY_POINTS = "wirewatch.stages"


def make_hybrid_coder(config: Config) -> Stage:
    """``plover.hybrid.v2``: the rule coder, plus the classifier for verbs outside its lexicon."""
    return EventCoder(config, learned=True)


def make_rules_coder(config: Config) -> Stage:
    """``plover.rules.v2``: the rule coder alone."""
    return EventCoder(config, learned=False)


def make_rules_quotes(config: Config) -> Stage:
    """``quotes.rules.v1``: quotes and reported statements found by their cues."""
    return QuoteExtractor(config)


def make_kb_resolver(config: Config) -> Stage:
    """``actors.kb.v1``: actors resolved against the shipped knowledge base and the user's tables."""
    return ActorResolver(config)


#: The built-in, swappable stages by versioned name.
BUILTIN: Mapping[str, Factory] = MappingProxyType({
    "actors.kb.v1": make_kb_resolver,
    "plover.hybrid.v2": make_hybrid_coder,
    "plover.rules.v2": make_rules_coder,
    "quotes.rules.v1": make_rules_quotes,
})
#: What the stage named by each setting must fill in.
_ROLES = {"extract.coder": "events", "extract.quotes": "quotes", "resolve.resolver": "actors"}


def names() -> list[str]:
    """Every stage name that can be configured: the built-in ones, then those other packages register."""
    return [*BUILTIN, *sorted(ep.name for ep in entry_points(group=ENTRY_POINTS) if ep.name not in BUILTIN)]


def factory(name: str, *, setting: str = "pipeline.extra") -> Factory:
    """The factory registered under ``name`` (built-in first, then entry points), or a ConfigError."""
    if name in BUILTIN:
        return BUILTIN[name]
    for point in entry_points(group=ENTRY_POINTS):
        if point.name == name:
            return _loaded(point.load(), name)
    raise ConfigError(f"{setting} = {name!r} names no registered stage; known: {', '.join(names())} (a package "
                      f"registers more under the {ENTRY_POINTS!r} entry point group)")


def _loaded(found: object, name: str) -> Factory:
    if not callable(found):
        raise ConfigError(f"the {ENTRY_POINTS!r} entry point {name!r} is not a factory: it must be callable")
    return cast(Factory, found)


def _build(name: str, config: Config, setting: str) -> Stage:
    stage = factory(name, setting=setting)(config)
    if not isinstance(stage, Stage):
        raise ConfigError(f"the factory of {name!r} returned {type(stage).__name__}, not a stage "
                          "(name, requires, assigns and a __call__ over Work)")
    role = _ROLES.get(setting)
    if role is not None and role not in stage.assigns:
        raise ConfigError(f"{setting} = {name!r} builds a stage that assigns {sorted(stage.assigns)}, not {role!r}")
    return stage


def build_stages(config: Config, *, duplicates: DuplicateIndex | None = None) -> list[Stage]:
    """The configured stages in order, each built by name.

    With ``dedup.enabled``, the dedup stage follows clean; ``duplicates`` is its index (a store's, from
    ``dedup.load_index``), else a new, empty one.
    """
    index = duplicates if duplicates is not None else DuplicateIndex.for_config(config.dedup)
    copies: list[Stage] = [DedupStage(index)] if config.dedup.enabled else []
    chosen = {"resolve.resolver": config.resolve.resolver, "extract.coder": config.extract.coder,
              "extract.quotes": config.extract.quotes}
    named = [_build(name, config, setting) for setting, name in chosen.items()]
    extra = [_build(name, config, "pipeline.extra") for name in config.pipeline.extra]
    return [CleanStage(config), *copies, Annotator(config), *named, ClaimLinker(config), *extra]


def build_pipeline(config: Config, *, duplicates: DuplicateIndex | None = None) -> Pipeline:
    """The configured pipeline (see :func:`build_stages`), with the config's error policy."""
    return Pipeline(build_stages(config, duplicates=duplicates), on_error=config.store.on_error,
                    max_seconds=config.limits.seconds_per_document)
