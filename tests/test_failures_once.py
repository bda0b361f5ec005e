"""The failures table holds one row per document and error: a rerun that meets the same failure counts it again
and notes when, instead of adding a row (so ``ingest`` is idempotent for failures too)."""

from __future__ import annotations

from pathlib import Path

import duckdb

from wirewatch.records import Failure
from wirewatch.store import Store, _schema


def rows(path: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT where_, doc_id, error, seen, last_seen IS NOT NULL FROM failures"
                           " ORDER BY where_, error").fetchall()


def test_the_same_failure_met_again_is_counted_not_repeated(tmp_path):
    path = tmp_path / "news.duckdb"
    bad = Failure("doc-1", "feed.jsonl:3", "invalid JSON")
    for _ in range(3):
        with Store.open(path) as store:
            store.add_failure(bad)
    assert rows(path) == [("feed.jsonl:3", "doc-1", "invalid JSON", 3, True)]


def test_another_error_of_the_same_document_or_a_document_without_an_id_is_its_own_row(tmp_path):
    path = tmp_path / "news.duckdb"
    with Store.open(path) as store:
        for failure in (Failure("d", "a.jsonl:1", "invalid JSON"), Failure("d", "a.jsonl:1", "no text"),
                        Failure(None, "b.jsonl:2", "NUL bytes"), Failure(None, "b.jsonl:2", "NUL bytes")):
            store.add_failure(failure)
    assert rows(path) == [("a.jsonl:1", "d", "invalid JSON", 1, False), ("a.jsonl:1", "d", "no text", 1, False),
                          ("b.jsonl:2", None, "NUL bytes", 2, True)]


def test_the_migration_folds_repeated_rows_of_an_older_store_into_one(tmp_path):
    path = tmp_path / "old.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute(_schema._VERSION_TABLE)
        for migration in _schema.MIGRATIONS[:7]:
            for statement in migration.statements:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [migration.version, migration.description])
        for day in (1, 2, 3):
            con.execute("INSERT INTO failures VALUES ('x.txt', 'x', 'cannot read', ?)", [f"2024-04-0{day}"])
    with Store.open(path):
        pass
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT seen, recorded_at::DATE::VARCHAR, last_seen::DATE::VARCHAR FROM failures"
                           ).fetchall() == [(3, "2024-04-01", "2024-04-03")]
