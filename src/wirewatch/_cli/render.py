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
from .common import err, out, safe

__all__ = ["FORMATS", "Record", "Tick", "bar", "csv_option", "neutralise", "plain", "progress", "records", "render"]

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
           None], noun: str, raw_csv: bool = False) -> None:
    """Print ``rows`` as JSON Lines, CSV (a header of ``columns``; formula cells neutralised unless ``raw_csv``) or
    a table drawn by ``table`` from the rows made safe to print, then a count."""
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns))
        writer.writeheader()
        writer.writerows(rows if raw_csv else [{k: neutralise(v) for k, v in row.items()} for row in rows])
        click.echo(buffer.getvalue(), nl=False)
    else:
        table(out(), [{k: _printable(v) for k, v in row.items()} for row in rows])
        err.print(f"{len(rows)} {noun}")


#: What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: text that starts like a formula gets a leading ``'`` (numbers, even
    negative ones, stay as they are)."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


def _printable(value: Any) -> Any:
    if isinstance(value, str):
        return safe(value)
    if isinstance(value, list | tuple):
        return [_printable(v) for v in value]
    return value


def csv_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--raw-csv`` flag of the commands that write CSV."""
    return click.option("--raw-csv", is_flag=True, help="Write CSV cells as stored: no leading ' before cells that "
                        "start like a spreadsheet formula (=, +, -, @).")(command)


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
