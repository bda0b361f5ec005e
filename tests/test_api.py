"""The query functions of the Python API: typed rows from a store, and a clear error where there is none."""

from __future__ import annotations

import pytest

from wirewatch import api
from wirewatch.config import load_config
from wirewatch.errors import QueryError, StoreError
from wirewatch.store import EventQuery, QuoteQuery, Store


@pytest.fixture
def empty_db(tmp_path) -> str:
    path = str(tmp_path / "empty.duckdb")
    Store.open(path).close()
    return path


@pytest.mark.parametrize("query", [api.events, api.actors, api.quotes])
def test_a_query_of_a_missing_database_says_how_to_make_one(tmp_path, query):
    with pytest.raises(StoreError, match="no database at .*run `wirewatch ingest"):
        query(db=str(tmp_path / "none.duckdb"))


@pytest.mark.parametrize(("query", "arguments"), [
    (api.events, {"type": "ASSAULT"}),
    (api.events, {"source": "RUS", "limit": 3}),
    (api.actors, {"country": "IRN"}),
    (api.quotes, {"speaker": "someone"}),
])
def test_an_empty_store_answers_every_query_with_no_rows(empty_db, query, arguments):
    assert query(db=empty_db, **arguments) == []


def test_a_query_record_and_its_keywords_are_the_same_question(empty_db):
    assert api.events(EventQuery(type="CONSULT"), db=empty_db) == api.events(db=empty_db, type="CONSULT")
    with pytest.raises(QueryError, match="not both"):
        api.quotes(QuoteQuery(about="talks"), db=empty_db, speaker="x")


def test_the_database_defaults_to_the_configured_store(empty_db):
    config = load_config(env={}, overrides={"store.path": empty_db})
    assert api.events(config=config) == []
