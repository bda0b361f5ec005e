"""Docs are code: every CLI command has a row in the README's usage table naming each of its options, and every
setting is documented."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from wirewatch.cli import cli
from wirewatch.config import Config

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _usage_row(command: str) -> str:
    """The row of the README's usage table for one command, or ''."""
    match = re.search(rf"^\| `wirewatch {command}\b[^\n]*", README, re.M)
    return match.group(0) if match else ""


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_a_row_in_the_usage_table(name):
    assert _usage_row(name), f"no row for `wirewatch {name}` in the README's usage table"


@pytest.mark.parametrize(
    ("command", "option"),
    [(name, opt) for name, cmd in sorted(cli.commands.items()) for p in cmd.params for opt in p.opts
     if opt.startswith("--")],
)
def test_every_option_is_in_its_commands_row(command, option):
    assert re.search(rf"{re.escape(option)}(?![\w-])", _usage_row(command)), f"{command} {option} is not documented"


def test_an_option_of_another_command_does_not_document_this_one():
    assert re.search(r"--interval(?![\w-])", _usage_row("watch"))
    assert not re.search(r"--interval(?![\w-])", _usage_row("events"))


SETTINGS = [f"{s.name}.{f.name}" for s in fields(Config) for f in fields(getattr(Config(), s.name))]


@pytest.mark.parametrize("setting", SETTINGS)
def test_every_setting_is_in_the_readme_and_the_default_file(setting):
    from wirewatch.config import default_config_text

    assert f"`{setting}`" in README
    assert f"{setting.split('.')[1]} =" in default_config_text()


def test_the_first_code_block_holds_exactly_two_commands():
    block = README.split("```", 2)[1]
    commands = [line for line in block.splitlines()[1:] if line.strip() and not line.startswith("#")]
    assert commands == ["make demo", "make test"]
