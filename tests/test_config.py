"""Configuration: shipped defaults, then a user file, then environment, then flags — validated once."""

from __future__ import annotations

import inspect

import pytest

from wirewatch.annotate import annotate, load_model, parse_stream
from wirewatch.config import Config, default_config_text, load_config
from wirewatch.dedup import DuplicateIndex, signature
from wirewatch.errors import ConfigError
from wirewatch.extract import code_events
from wirewatch.fetch import Request
from wirewatch.pipeline import Pipeline
from wirewatch.store import Store


def test_the_defaults_come_from_the_shipped_file():
    config = load_config(env={})
    assert config == Config()
    assert "[model]" in default_config_text()


def test_a_user_file_overrides_the_defaults(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[store]\npath = "news.duckdb"\n[model]\nbatch_size = 8\n')
    config = load_config(path, env={})
    assert config.store.path == "news.duckdb"
    assert config.model.batch_size == 8


def test_environment_overrides_the_file_and_flags_override_the_environment(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('[store]\npath = "file.duckdb"\n')
    env = {"WIREWATCH_STORE_PATH": "env.duckdb", "WIREWATCH_CLEAN_DROP_HEADINGS": "false"}
    assert load_config(path, env=env).store.path == "env.duckdb"
    assert load_config(path, env=env).clean.drop_headings is False
    assert load_config(path, env=env, overrides={"store.path": "flag.duckdb"}).store.path == "flag.duckdb"


def test_a_list_setting_reads_comma_separated_from_the_environment():
    config = load_config(env={"WIREWATCH_RESOLVE_USER_TABLES": "/a, /b"})
    assert config.resolve.user_tables == ("/a", "/b")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[nonsense]\nx = 1\n", "unknown section"),
        ("[model]\nbatch = 1\n", "unknown setting model.batch"),
        ("[model]\nbatch_size = 0\n", "at least 1"),
        ("[model]\nbatch_size = 'many'\n", "not a valid int"),
        ("[store]\non_error = 'ignore'\n", "'skip' or 'raise'"),
        ("[extract]\nmin_confidence = 2.0\n", "[0, 1]"),
        ("not toml at all [", "cannot read"),
    ],
)
def test_a_bad_setting_is_refused_with_a_message_that_names_it(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_config(path, env={})


def test_a_missing_config_file_is_an_error():
    with pytest.raises(ConfigError, match="does not exist"):
        load_config("/nonexistent/wirewatch.toml", env={})


def _default(function, parameter):
    return inspect.signature(function).parameters[parameter].default


# Keyword defaults deep in the library that a setting also governs: each must be the shipped default.
DEEP_DEFAULTS = [
    (signature, "shingle_words", "dedup.shingle_words"),
    (DuplicateIndex, "threshold", "dedup.threshold"),
    (DuplicateIndex, "shingle_words", "dedup.shingle_words"),
    (DuplicateIndex, "max_originals", "dedup.max_originals"),
    (annotate, "model", "model.name"),
    (annotate, "batch_size", "model.batch_size"),
    (annotate, "n_process", "model.n_process"),
    (annotate, "batch_chars", "model.batch_chars"),
    (parse_stream, "batch_chars", "model.batch_chars"),
    (parse_stream, "n_process", "model.n_process"),
    (load_model, "name", "model.name"),
    (Request, "timeout", "fetch.timeout"),
    (Store.open, "path", "store.path"),
    (Pipeline, "on_error", "store.on_error"),
    (code_events, "min_confidence", "extract.min_confidence"),
    (code_events, "threshold", "extract.classifier_threshold"),
]


@pytest.mark.parametrize(("function", "parameter", "setting"), DEEP_DEFAULTS)
def test_a_default_deep_in_the_library_is_the_configs(function, parameter, setting):
    section, key = setting.split(".")
    assert _default(function, parameter) == getattr(getattr(load_config(env={}), section), key)
