"""Output: one renderer for rows as a table, CSV or JSON Lines, and one progress-bar factory."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from datetime import date
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..records import Extraction, Failure
from .common import err

__all__ = ["FORMATS", "Record", "Tick", "bar", "plain", "progress", "records", "render"]

#: The formats a listing can be shown in.
FORMATS = ("table", "json", "csv")
Record = dict[str, Any]
Tick = Callable[..., None]


def plain(value: Any) -> Any:
    """A value as a table cell, CSV field or JSON value: days in ISO form, lists joined by '; '."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return "; ".join(map(str, value))
    return value


def records(rows: Sequence[Any], columns: Sequence[str] | None = None) -> list[Record]:
    """Typed rows as plain records of ``columns`` (default: every field)."""
    return [{c: plain(getattr(row, c)) for c in columns or [f.name for f in fields(row)]} for row in rows]


def render(rows: Sequence[Record], fmt: str, *, columns: Sequence[str], table: Callable[[Console, Sequence[Record]],
           None], noun: str) -> None:
    """Print ``rows`` as JSON Lines, CSV (a header of ``columns``) or a table drawn by ``table``, then a count."""
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
    else:
        table(Console(), rows)
        err.print(f"{len(rows)} {noun}")


def bar(*, transient: bool = False) -> Progress:
    """A progress display on standard error (nothing with ``--quiet``)."""
    columns = [TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    return Progress(*columns, console=err, transient=transient, disable=err.quiet)


@contextmanager
def progress(total: int | None, label: str) -> Iterator[Tick]:
    """A progress bar of ``total`` steps (None: unknown); the ``tick(result, advance=1)`` it yields moves it."""
    with bar() as display:
        task = display.add_task(label, total=total)

        def tick(_result: Extraction | Failure | None = None, advance: int = 1) -> None:
            display.advance(task, advance)

        yield tick
