"""The command line, as a user runs it: extract's contract and exit status, ingest's idempotence, queries."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from wirewatch._cli.query import EVENT_COLUMNS
from wirewatch.cli import cli
from wirewatch.store import Store

ARTICLE = (
    "Russia and Iran sign security pact\n\n"
    "Russian Foreign Minister Sergei Lavrov met his Iranian counterpart Abbas Araghchi in Moscow on Monday.\n\n"
    "The two ministers signed a memorandum on information security, the Russian Foreign Ministry said.\n\n"
    "See also  Markets fall on oil worries\n\n"
    "Leave a Reply\n"
)


def _run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False, obj={})


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "pact.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.slow
def test_extract_prints_one_json_record_per_article(article):
    result = _run("extract", "--published", "2024-12-04", str(article))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["id"] == str(article) and record["published"] == "2024-12-04"
    assert "See also" not in record["text"] and "Leave a Reply" not in record["text"]
    assert {e["type"] for e in record["events"]} >= {"CONSULT"}


@pytest.mark.slow
def test_extract_marks_bad_records_and_exits_1_but_processes_the_rest(tmp_path, article):
    jsonl = tmp_path / "feed.jsonl"
    jsonl.write_text('{"id": "ok", "text": "Turkey condemned the attack."}\n{not json}\n', encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\x00\x00\x01binary")
    result = _run("extract", str(jsonl), str(binary), str(article))
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records][0] == "ok"
    assert len(records) == 4
    errors = [r for r in records if "error" in r]
    assert len(errors) == 2
    assert f"{jsonl}:2" in result.stderr and "photo.txt" in result.stderr


@pytest.mark.slow
def test_extract_reads_standard_input():
    result = _run("extract", "-", stdin="Japan praised South Korea for the agreement.")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["events"]


@pytest.mark.slow
def test_ingest_twice_adds_nothing_the_second_time(tmp_path, article):
    db = str(tmp_path / "w.duckdb")
    first = _run("ingest", str(article), "--db", db, "--published", "2024-12-04")
    second = _run("ingest", str(article), "--db", db, "--published", "2024-12-04")
    assert first.exit_code == second.exit_code == 0
    assert "1 articles added" in first.stderr
    assert "0 articles added" in second.stderr and "1 already there" in second.stderr


@pytest.mark.slow
def test_events_filters_and_formats(tmp_path, article):
    db = str(tmp_path / "w.duckdb")
    _run("ingest", str(article), "--db", db, "--published", "2024-12-04")
    as_json = _run("events", "--db", db, "--source", "RUS", "--format", "json")
    rows = [json.loads(line) for line in as_json.stdout.splitlines()]
    assert rows and all("RUS" in r["source_countries"].split("; ") for r in rows)
    as_csv = _run("events", "--db", db, "--type", "consult", "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert parsed and all(r["type"] == "CONSULT" for r in parsed)
    as_table = _run("events", "--db", db, "--since", "2030-01-01")
    assert as_table.exit_code == 0 and "0 events" in as_table.stderr


def test_events_on_a_missing_database_says_what_to_do(tmp_path):
    result = _run("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.exit_code != 0
    assert "wirewatch ingest" in result.output


def test_a_bad_date_is_refused_with_the_expected_format(article):
    result = _run("extract", "--published", "20/04/2024", str(article))
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


@pytest.mark.slow
def test_demo_ingests_the_sample_corpus_and_summarises_it(tmp_path):
    db = str(tmp_path / "demo.duckdb")
    result = _run("demo", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Events by type" in result.stdout and "Top pairs of countries" in result.stdout
    again = _run("demo", "--db", db)
    assert "0 articles added" in again.stderr


def test_config_prints_the_commented_defaults():
    result = _run("config")
    assert "[model]" in result.stdout and "# " in result.stdout


@pytest.mark.slow
def test_the_published_default_fills_in_only_for_pages_without_a_date(tmp_path):
    undated = tmp_path / "undated.html"
    undated.write_text("<html><body><article><p>Turkey and Greece signed an agreement on migration in Athens "
                       "after months of talks between the two governments.</p></article></body></html>")
    record = json.loads(_run("extract", "--published", "2024-05-02", str(undated)).stdout)
    assert record["published"] == "2024-05-02"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("demo") / "demo.duckdb")
    assert _run("demo", "--db", db).exit_code == 0
    return db


@pytest.mark.slow
def test_actors_lists_who_is_stored_with_the_names_they_go_by(demo_db):
    result = _run("actors", "--db", demo_db, "--kind", "person", "--format", "json")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    araghchi = next(r for r in rows if r["key"] == "person:abbas-araghchi")
    names = {text for text, _ in araghchi["variants"]}
    assert {"Abbas Araghchi", "Araqchi", "Arakchi"} <= names
    assert all(r["kind"] == "person" for r in rows)


@pytest.mark.slow
def test_actor_shows_a_profile_with_offices_events_and_quotes(demo_db):
    result = _run("actor", "Araghchi", "--db", demo_db)
    assert result.exit_code == 0
    assert "Minister of Foreign Affairs of Iran" in result.stdout
    assert "Events as source" in result.stdout and "Quotes" in result.stdout
    assert _run("actor", "Nobody Atall", "--db", demo_db).exit_code != 0


@pytest.mark.slow
def test_quotes_filter_by_speaker_and_subject(demo_db):
    by_peskov = [json.loads(x) for x in _run("quotes", "--db", demo_db, "--speaker", "Peskov",
                                             "--format", "json").stdout.splitlines()]
    assert by_peskov and all(q["speaker"] == "Dmitry Peskov" for q in by_peskov)
    about_iran = [json.loads(x) for x in _run("quotes", "--db", demo_db, "--about", "IRN",
                                              "--format", "json").stdout.splitlines()]
    assert about_iran and len(about_iran) < len(_run("quotes", "--db", demo_db, "--format", "json").stdout.splitlines())


@pytest.mark.parametrize("command", ["events", "actors", "quotes"])
def test_a_negative_limit_is_a_usage_error_not_a_traceback(tmp_path, command):
    result = CliRunner().invoke(cli, [command, "--db", str(tmp_path / "w.duckdb"), "--limit", "-1"], obj={})
    assert result.exit_code == 2 and "-1 is not in the range x>=0" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_an_empty_store_lists_nothing_in_every_format(tmp_path):
    db = str(tmp_path / "empty.duckdb")
    Store.open(db).close()
    as_csv = _run("events", "--db", db, "--format", "csv")
    assert as_csv.stdout.splitlines() == [",".join(EVENT_COLUMNS)]
    assert _run("quotes", "--db", db, "--format", "json").stdout == ""
    assert "0 actors" in _run("actors", "--db", db).stderr


def test_quiet_keeps_the_results_and_drops_the_notes(tmp_path):
    db = str(tmp_path / "empty.duckdb")
    Store.open(db).close()
    assert "0 events" in _run("events", "--db", db).stderr
    assert _run("--quiet", "events", "--db", db).stderr == ""


def test_verbose_shows_the_library_log(tmp_path):
    empty = tmp_path / "none.jsonl"
    empty.write_text("")
    result = _run("-v", "ingest", "--db", str(tmp_path / "new.duckdb"), str(empty))
    assert "migrating to schema version" in result.stderr
    assert "migrating" not in _run("ingest", "--db", str(tmp_path / "other.duckdb"), str(empty)).stderr


@pytest.mark.slow
def test_a_missing_input_file_is_a_failed_document_not_a_traceback(tmp_path):
    result = _run("ingest", "--db", str(tmp_path / "w.duckdb"), str(tmp_path / "gone.jsonl"))
    assert result.exit_code == 1 and "1 failed" in result.stderr
