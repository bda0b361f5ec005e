"""Text from articles is hostile wherever it is printed: escape sequences, control characters and rich markup are
shown as text or removed, never obeyed, and CSV cells that start like a formula are neutralised (OWASP)."""

from __future__ import annotations

import csv
import io

import pytest

from wirewatch._cli.common import safe
from wirewatch._cli.render import neutralise, render

HOSTILE = {
    "clear screen": "\x1b[2Jgone",
    "colour": "\x1b[31mred\x1b[0m",
    "window title": "\x1b]0;owned\x07title",
    "hyperlink": "\x1b]8;;https://x.example\x1b\\click\x1b]8;;\x1b\\",
    "markup close": "[/x] stray",
    "markup link": "[link=https://x.example]click[/link]",
    "emoji code": "a :100: score",
    "bell and NUL": "a\x07b\x00c",
    "bidi override": "abc\u202edcba",
}


@pytest.mark.parametrize(("value", "shown"), [
    ("\x1b[2Jgone", "gone"),
    ("\x1b[31mred\x1b[0m", "red"),
    ("\x1b]0;owned\x07title", "title"),
    ("\x1b]8;;https://x.example\x1b\\click\x1b]8;;\x1b\\", "click"),
    ("a\x07b\x00c", "abc"),
    ("abc\u202edcba", "abcdcba"),
    ("[/x] stray", "\\[/x] stray"),
    ("line one\nline two\tend", "line one\nline two\tend"),
])
def test_safe_removes_escape_sequences_and_controls_and_escapes_markup(value, shown):
    assert safe(value) == shown


def _table(console, rows):
    for row in rows:
        console.print(f"[bold]{row['name']}[/bold] {row['note']}", highlight=False)


def test_a_table_shows_hostile_text_as_text(capsys):
    rows = [{"name": name, "note": value} for name, value in HOSTILE.items()]
    render(rows, "table", columns=["name", "note"], table=_table, noun="rows")
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\x07" not in shown and "\x00" not in shown and "\u202e" not in shown
    assert "[/x] stray" in shown and "[link=https://x.example]click[/link]" in shown
    assert ":100:" in shown and "\U0001f4af" not in shown


@pytest.mark.parametrize(("cell", "written"), [
    ('=HYPERLINK("http://x.example","click")', '\'=HYPERLINK("http://x.example","click")'),
    ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
    ("+1+2", "'+1+2"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("-2+3", "'-2+3"),
    ("\tleading tab", "'\tleading tab"),
    ("-5.0", "-5.0"),        # a negative number is a number, not a formula
    ("Russia", "Russia"),
    (None, None),
    (3, 3),
])
def test_csv_cells_that_start_like_a_formula_get_a_leading_quote(cell, written):
    assert neutralise(cell) == written


def test_csv_output_is_neutralised_unless_raw_is_asked_for(capsys):
    rows = [{"sentence": "=1+1", "goldstein": -5.0}]
    render(rows, "csv", columns=["sentence", "goldstein"], table=_table, noun="rows")
    assert list(csv.reader(io.StringIO(capsys.readouterr().out)))[1] == ["'=1+1", "-5.0"]
    render(rows, "csv", columns=["sentence", "goldstein"], table=_table, noun="rows", raw_csv=True)
    assert list(csv.reader(io.StringIO(capsys.readouterr().out)))[1] == ["=1+1", "-5.0"]


@pytest.mark.parametrize("name", ["[/x].jsonl", "[bold]odd.jsonl"])  # "[/x]": a folder "[" holding "x].jsonl"
def test_markup_in_a_file_name_or_a_field_is_reported_not_fatal(tmp_path, name):
    from click.testing import CliRunner

    from wirewatch.cli import cli

    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"id": "a", "text": "x", "published": "[/x] :100: \\u001b[2J"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit | None)
    assert '"error"' in result.stdout and "\x1b[2J" not in result.stderr and "[/x]" in result.stderr
    assert str(path) in result.stderr
