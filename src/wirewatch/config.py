"""One typed configuration object, loaded once and passed down.

Defaults live in the shipped, commented ``default.toml``; a user file, then ``WIREWATCH_<SECTION>_<KEY>``
environment variables, then explicit overrides (CLI flags) take precedence, in that order.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["DEFAULTS", "CleanConfig", "Config", "DedupConfig", "ExtractConfig", "FetchConfig", "LimitsConfig",
           "ModelConfig", "PipelineConfig", "ResolveConfig", "StoreConfig", "load_config"]


@dataclass(frozen=True, slots=True)
class ModelConfig:
    """[model]: which spaCy pipeline, and how it is fed."""

    name: str = "auto"
    batch_size: int = 32
    batch_chars: int = 10_000
    n_process: int | str = "auto"
    bulk_decoding: bool = True
    numpy_matmul: bool = True


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """[clean]: how boilerplate is removed."""

    favor_precision: bool = True
    drop_headings: bool = True
    heading_max_words: int = 12
    #: ISO 639-1 codes of the languages that are coded; other articles are stored but not coded (empty: all).
    languages: tuple[str, ...] = ("en",)


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """[dedup]: how the copies of one story (a wire story republished by many outlets) are found."""

    enabled: bool = True
    threshold: float = 0.5
    shingle_words: int = 5
    max_originals: int = 50_000


@dataclass(frozen=True, slots=True)
class ExtractConfig:
    """[extract]: which coder and quote extractor, and the confidence floor."""

    coder: str = "plover.hybrid.v2"
    quotes: str = "quotes.rules.v1"
    min_confidence: float = 0.3
    classifier_threshold: float = 0.5


@dataclass(frozen=True, slots=True)
class ResolveConfig:
    """[resolve]: which resolver, and the user's own actor tables."""

    resolver: str = "actors.kb.v1"
    user_tables: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """[pipeline]: further stages, registered by name, to run after the built-in ones."""

    extra: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoreConfig:
    """[store]: the DuckDB file and what a failing document does to a batch."""

    path: str = "wirewatch.duckdb"
    on_error: str = "skip"


@dataclass(frozen=True, slots=True)
class FetchConfig:
    """[fetch]: how `watch` fetches feeds and pages: who it says it is, how politely, how persistently."""

    user_agent: str = "wirewatch/0.1 (news event research; set fetch.user_agent to add a contact address)"
    per_host_delay: float = 2.0
    timeout: float = 20.0
    deadline: float = 60.0
    retries: int = 3
    backoff: float = 2.0


@dataclass(frozen=True, slots=True)
class LimitsConfig:
    """[limits]: how much one input may cost before it is refused with an error naming the limit."""

    max_input_mb: int = 32
    max_seconds_per_document: float = 300.0
    max_document_chars: int = 5_000_000

    @property
    def seconds_per_document(self) -> float | None:
        """The per-document time limit of the pipeline, in seconds; None when ``max_seconds_per_document`` is 0."""
        return self.max_seconds_per_document or None

    @property
    def max_input_bytes(self) -> int:
        """The largest decompressed file, JSON Lines line or archived page that is read, in bytes."""
        return self.max_input_mb << 20


@dataclass(frozen=True, slots=True)
class Config:
    """All of wirewatch's settings; see ``default.toml`` for what each means."""

    model: ModelConfig = field(default_factory=ModelConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    resolve: ResolveConfig = field(default_factory=ResolveConfig)
    pipeline: PipelineConfig = field(default_factory=PipelineConfig)
    store: StoreConfig = field(default_factory=StoreConfig)
    fetch: FetchConfig = field(default_factory=FetchConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)

    def with_overrides(self, overrides: Mapping[str, Any]) -> Config:
        """A copy with ``{"section.key": value}`` overrides applied and validated (None values ignored)."""
        merged = _as_tree(self)
        for dotted, value in overrides.items():
            if value is None:
                continue
            section, _, key = dotted.partition(".")
            merged.setdefault(section, {})[key] = value
        return _build(merged, "overrides")


#: The shipped defaults (``default.toml`` gives the same values, a test checks): the one source of every keyword
#: default deeper in the library that a setting also governs.
DEFAULTS = Config()

_SECTIONS: dict[str, type] = {
    "model": ModelConfig,
    "clean": CleanConfig,
    "dedup": DedupConfig,
    "extract": ExtractConfig,
    "resolve": ResolveConfig,
    "pipeline": PipelineConfig,
    "store": StoreConfig,
    "fetch": FetchConfig,
    "limits": LimitsConfig,
}


def default_config_text() -> str:
    """The shipped default configuration file, comments included."""
    return resources.files("wirewatch").joinpath("default.toml").read_text(encoding="utf-8")


def load_config(
    path: str | os.PathLike[str] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Config:
    """Load defaults, then the user file, then environment variables, then ``overrides``."""
    tree = tomllib.loads(default_config_text())
    user = _user_file(path, os.environ if env is None else env)
    if user is not None:
        try:
            _merge(tree, tomllib.loads(user.read_text(encoding="utf-8")), str(user))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise ConfigError(f"{user}: cannot read the config file ({err}); fix or remove it") from err
    _merge(tree, _from_env(os.environ if env is None else env), "environment")
    config = _build(tree, str(user or "defaults"))
    return config.with_overrides(overrides or {})


def _user_file(path: str | os.PathLike[str] | None, env: Mapping[str, str]) -> Path | None:
    if path is not None:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"config file {p} does not exist; pass an existing TOML file")
        return p
    if env.get("WIREWATCH_CONFIG"):
        return _user_file(env["WIREWATCH_CONFIG"], {})
    home = Path(env.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "wirewatch" / "config.toml"
    return home if home.is_file() else None


def _from_env(env: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    tree: dict[str, dict[str, Any]] = {}
    for name, value in env.items():
        if not name.startswith("WIREWATCH_") or name == "WIREWATCH_CONFIG":
            continue
        rest = name[len("WIREWATCH_") :].lower()
        for section in _SECTIONS:
            if rest.startswith(section + "_"):
                tree.setdefault(section, {})[rest[len(section) + 1 :]] = value
    return tree


def _merge(tree: dict[str, Any], extra: Mapping[str, Any], where: str) -> None:
    for section, values in extra.items():
        if section not in _SECTIONS:
            raise ConfigError(f"{where}: unknown section [{section}]; known: {', '.join(_SECTIONS)}")
        if not isinstance(values, Mapping):
            raise ConfigError(f"{where}: [{section}] must be a table of settings")
        tree.setdefault(section, {}).update(values)


def _as_tree(config: Config) -> dict[str, dict[str, Any]]:
    return {s: {f.name: getattr(getattr(config, s), f.name) for f in fields(t)} for s, t in _SECTIONS.items()}


def _build(tree: Mapping[str, Any], where: str) -> Config:
    sections = {}
    for section, cls in _SECTIONS.items():
        values = dict(tree.get(section, {}))
        known = {f.name: f for f in fields(cls)}
        for key in values:
            if key not in known:
                raise ConfigError(f"{where}: unknown setting {section}.{key}; known: {', '.join(known)}")
        base = cls()
        sections[section] = replace(base, **{k: _coerce(section, k, v, getattr(base, k)) for k, v in values.items()})
    config = Config(**sections)
    _validate(config)
    return config


def _coerce(section: str, key: str, value: Any, default: Any) -> Any:
    name = f"{section}.{key}"
    try:
        if name == "model.n_process":
            return _processes(value)
        if isinstance(default, bool):
            return _flag(name, value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
        if isinstance(default, tuple):
            items = value.split(",") if isinstance(value, str) else list(value)
            return tuple(str(x).strip() for x in items if str(x).strip())
        return str(value)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"{name} = {value!r} is not a valid {type(default).__name__}") from err


def _processes(value: Any) -> int | str:
    """``model.n_process``: "auto" or a whole number of processes (from TOML, or an environment variable's text)."""
    if value == "auto" or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise ConfigError(f"model.n_process must be \"auto\" or a whole number of at least 1, not {value!r}")


def _flag(name: str, value: Any) -> bool:
    """A boolean setting: a bool, or one of the words 1/0, true/false, yes/no (any case)."""
    if not isinstance(value, str):
        return bool(value)
    if value.lower() not in {"1", "0", "true", "false", "yes", "no"}:
        raise ConfigError(f"{name} = {value!r} is not a valid bool; use true or false")
    return value.lower() in {"1", "true", "yes"}


def _validate(config: Config) -> None:
    if config.model.batch_size < 1:
        raise ConfigError(f"model.batch_size must be at least 1, not {config.model.batch_size}")
    if config.model.batch_chars < 1000:
        raise ConfigError(f"model.batch_chars must be at least 1000, not {config.model.batch_chars}")
    n_process = config.model.n_process
    if n_process != "auto" and (not isinstance(n_process, int) or n_process < 1):
        raise ConfigError(f"model.n_process must be \"auto\" or a whole number of at least 1, not {n_process!r}")
    if not 0.0 <= config.extract.min_confidence <= 1.0:
        raise ConfigError(f"extract.min_confidence must lie in [0, 1], not {config.extract.min_confidence}")
    if not 0.0 <= config.extract.classifier_threshold <= 1.0:
        raise ConfigError("extract.classifier_threshold must lie in [0, 1], not "
                          f"{config.extract.classifier_threshold}")
    if config.store.on_error not in {"skip", "raise"}:
        raise ConfigError(f"store.on_error must be 'skip' or 'raise', not {config.store.on_error!r}")
    _validate_fetch(config.fetch)
    _validate_dedup(config)
    if config.limits.max_input_mb < 1:
        raise ConfigError(f"limits.max_input_mb must be at least 1 MiB, not {config.limits.max_input_mb}")
    if config.limits.max_seconds_per_document < 0:
        raise ConfigError("limits.max_seconds_per_document must be 0 (no limit) or more, not "
                          f"{config.limits.max_seconds_per_document}")
    if config.limits.max_document_chars < 1:
        raise ConfigError(f"limits.max_document_chars must be at least 1, not {config.limits.max_document_chars}")


def _validate_dedup(config: Config) -> None:
    bad = [code for code in config.clean.languages if not re.fullmatch(r"[a-z]{2,3}", code)]
    if bad:
        raise ConfigError(f"clean.languages holds {bad[0]!r}; give ISO 639-1 codes such as \"en\" or \"fr\"")
    if not 0.0 < config.dedup.threshold <= 1.0:
        raise ConfigError(f"dedup.threshold must lie in (0, 1], not {config.dedup.threshold}")
    if config.dedup.shingle_words < 1:
        raise ConfigError(f"dedup.shingle_words must be at least 1, not {config.dedup.shingle_words}")
    if config.dedup.max_originals < 1:
        raise ConfigError(f"dedup.max_originals must be at least 1, not {config.dedup.max_originals}")


def _validate_fetch(fetch: FetchConfig) -> None:
    if not fetch.user_agent.strip():
        raise ConfigError("fetch.user_agent is empty; give a User-Agent that names wirewatch and how to reach you")
    for name in ("per_host_delay", "backoff"):
        if getattr(fetch, name) < 0:
            raise ConfigError(f"fetch.{name} must be 0 or more seconds, not {getattr(fetch, name)}")
    if fetch.timeout <= 0:
        raise ConfigError(f"fetch.timeout must be more than 0 seconds, not {fetch.timeout}")
    if fetch.deadline < fetch.timeout:
        raise ConfigError(f"fetch.deadline ({fetch.deadline} s) must be at least fetch.timeout ({fetch.timeout} s)")
    if fetch.retries < 0:
        raise ConfigError(f"fetch.retries must be 0 or more, not {fetch.retries}")
