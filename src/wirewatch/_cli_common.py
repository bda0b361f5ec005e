"""Helpers shared by the command-line modules: option callbacks, the configuration, errors as click errors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click
from rich.console import Console

from .config import Config, load_config
from .errors import WirewatchError

__all__ = ["err", "guard_call", "load", "parse_date"]

T = TypeVar("T")

#: Messages and progress go to standard error; results to standard output.
err = Console(stderr=True, soft_wrap=True)


def parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    """A ``--since``-style option's value as a date (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from error


def load(ctx: click.Context, **overrides: Any) -> Config:
    """The configuration: the ``--config`` file given to the group, then ``overrides``."""
    try:
        return load_config(ctx.obj.get("config_path"), overrides=overrides)
    except WirewatchError as error:
        raise click.ClickException(str(error)) from error


def guard_call(call: Callable[[], T]) -> T:
    """Run ``call``, turning wirewatch's errors into a click error (its message, exit status 1)."""
    try:
        return call()
    except WirewatchError as error:
        raise click.ClickException(str(error)) from error
