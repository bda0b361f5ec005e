"""What every command shares: the config from the context, library errors as clean messages, the consoles,
argument types, and the log handler of ``--verbose`` / ``--quiet``."""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape

from ..config import Config, load_config
from ..errors import WirewatchError

__all__ = ["DATE", "LIMIT", "db_option", "err", "guard", "guard_iter", "load", "out", "problems", "program",
           "published_option", "safe", "set_verbosity"]

T = TypeVar("T")

#: Notes and summaries on standard error (silent with ``--quiet``), and failures (always shown). No console turns
#: ``:name:`` into an emoji: text from articles reaches them.
err = Console(stderr=True, soft_wrap=True, emoji=False)
problems = Console(stderr=True, soft_wrap=True, emoji=False)

#: Escape sequences (CSI such as clear-screen and colours; OSC such as window titles and hyperlinks), then any
#: other C0 or C1 control character but tab and newline, and the bidirectional overrides that reorder a line.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def out() -> Console:
    """A console on standard output for tables and profiles (no emoji codes)."""
    return Console(emoji=False)


def safe(value: object) -> str:
    """Text from the data made fit to print: escape sequences and control characters removed, and rich markup
    (``[bold]``, ``[link=…]``) escaped so that it shows as written."""
    text = _CONTROLS.sub("", _ESCAPES.sub("", "" if value is None else str(value)))
    return escape(text)
_handler = logging.StreamHandler()
_handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))


class IsoDate(click.ParamType):
    """A day written YYYY-MM-DD."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a date; use YYYY-MM-DD", param, ctx)


DATE = IsoDate()
#: A row limit: 0 or more.
LIMIT = click.IntRange(min=0)


def db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--db`` option of the commands that read or write the store."""
    return click.option("--db", type=click.Path(dir_okay=False),
                        help="DuckDB file (default: store.path in the config).")(command)


def published_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--published`` option of the commands that read documents."""
    return click.option("--published", type=DATE,
                        help="Publication date (YYYY-MM-DD) for documents without one.")(command)


def load(ctx: click.Context, **overrides: Any) -> Config:
    """The config of the ``--config`` file, with the command's flags (None: not given) applied."""
    try:
        return load_config(ctx.obj.get("config_path"), overrides=overrides)
    except WirewatchError as error:
        raise click.ClickException(str(error)) from error


def guard(call: Callable[[], T]) -> T:
    """``call()``, a library error turned into a clean message and exit status 1."""
    try:
        return call()
    except WirewatchError as error:
        raise click.ClickException(str(error)) from error


def guard_iter(results: Iterator[T]) -> Iterator[T]:
    """``results``, a library error on the way turned into a clean message and exit status 1."""
    try:
        yield from results
    except WirewatchError as error:
        raise click.ClickException(str(error)) from error


def set_verbosity(verbose: int, quiet: bool) -> None:
    """Show the library's log on standard error: warnings, with ``-v`` what it does, ``-vv`` details, and with
    ``--quiet`` errors only (no progress bars or notes either)."""
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logger = logging.getLogger("wirewatch")
    _handler.setStream(sys.stderr)
    logger.addHandler(_handler)
    logger.setLevel(level)
    err.quiet = quiet


def program() -> str:
    """How the user called this program, for the commands a message suggests."""
    path = sys.argv[0] if sys.argv and sys.argv[0] else "wirewatch"
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return relative if not relative.startswith("..") else os.path.basename(path)
