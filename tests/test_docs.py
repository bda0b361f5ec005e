"""Docs are code: every CLI command and option and every setting is documented in the README."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from wirewatch.cli import cli
from wirewatch.config import Config

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_in_the_readme(name):
    assert f"wirewatch {name}" in README


@pytest.mark.parametrize(
    ("command", "option"),
    [(name, opt) for name, cmd in sorted(cli.commands.items()) for p in cmd.params for opt in p.opts
     if opt.startswith("--")],
)
def test_every_option_is_in_the_readme(command, option):
    assert option in README, f"{command} {option} is not documented"


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
