"""The bearer token that guards writes: given by a file or ``WIREWATCH_API_TOKEN``, else made at first start and
kept in the config directory, readable by its owner only."""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import ConfigError

__all__ = ["TOKEN_ENV", "Token", "matches", "resolve_token", "token_path"]

TOKEN_ENV = "WIREWATCH_API_TOKEN"


@dataclass(frozen=True, slots=True)
class Token:
    """The token and where it came from: a file given, the environment, or the config directory (``made`` there
    now, or ``kept`` from an earlier start)."""

    value: str
    origin: Literal["file", "env", "made", "kept"]
    path: Path | None = None


def token_path(env: Mapping[str, str] | None = None) -> Path:
    """Where a made token is kept: ``$XDG_CONFIG_HOME/wirewatch/api-token`` (``~/.config`` by default)."""
    env = os.environ if env is None else env
    return Path(env.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "wirewatch" / "api-token"


def resolve_token(*, token_file: str | os.PathLike[str] | None = None, env: Mapping[str, str] | None = None) -> Token:
    """The token of ``token_file``, else of ``WIREWATCH_API_TOKEN``, else the one kept (made at first start)."""
    env = os.environ if env is None else env
    if token_file is not None:
        return Token(_read(Path(token_file)), "file", Path(token_file))
    if env.get(TOKEN_ENV, "").strip():
        return Token(env[TOKEN_ENV].strip(), "env")
    path = token_path(env)
    if path.exists():
        return Token(_read(path), "kept", path)
    return Token(_make(path), "made", path)


def matches(given: str, token: str) -> bool:
    """Whether ``given`` is the token, compared in constant time."""
    return hmac.compare_digest(given.encode(), token.encode())


def _read(path: Path) -> str:
    try:
        value = path.read_text(encoding="utf-8").strip()
    except OSError as err:
        raise ConfigError(f"cannot read the token file {path} ({err.strerror}); give a readable file") from err
    if len(value) < 16:
        raise ConfigError(f"the token in {path} is shorter than 16 characters; put a longer random token in it")
    return value


def _make(path: Path) -> str:
    """A new random token written to ``path`` with mode 0600 (its folder 0700)."""
    value = secrets.token_urlsafe(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as err:
        raise ConfigError(f"cannot write the API token to {path} ({err.strerror}); pass --token-file") from err
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(value + "\n")
    return value
