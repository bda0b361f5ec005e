"""Batch: the pipeline over shards on local processes or Ray, to Parquet that DuckDB reads and ingest loads."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from wirewatch import api
from wirewatch.annotate import load_model
from wirewatch.batch import _worker, run_batch
from wirewatch.config import Config
from wirewatch.errors import BatchError
from wirewatch.records import RawDocument
from wirewatch.registry import build_stages
from wirewatch.store import SHARD_TABLES, ShardWrite, shard_files, shard_rows

pytestmark = pytest.mark.slow

ARTICLES = [
    ("lavrov-fidan", "2024-04-08", "Russian Foreign Minister Sergei Lavrov met Turkish Foreign Minister Hakan Fidan in "
     "Ankara on Monday. The two ministers discussed the war in Ukraine and grain exports across the Black Sea."),
    ("taiwan-drills", "2024-04-09", "China deployed warships near Taiwan on Tuesday, the defence ministry in Taipei "
     "said. Taiwan condemned the drills as a threat to peace."),
    ("germany-air-defence", "2024-04-10", "Germany will send another Patriot air defence system to Ukraine, "
     "Chancellor Olaf Scholz said on Wednesday."),
    ("loc-firing", "2024-04-11", "Pakistani troops fired on Indian positions along the Line of Control on Thursday, "
     "the Indian army said in a statement."),
    ("araghchi-grossi", "2024-04-12", "Iranian Foreign Minister Abbas Araghchi met Rafael Grossi, the head of the "
     "International Atomic Energy Agency, in Tehran on Friday to discuss inspections."),
    ("poland-expels", "2024-04-15", "Poland expelled three Russian diplomats on Monday, accusing them of spying for "
     "Moscow."),
    ("gas-memorandum", "2024-04-16", "Brazil and Argentina signed a memorandum of understanding on gas supplies in "
     "Buenos Aires on Tuesday."),
    ("missile-drills", "2024-04-17", "North Korea fired two ballistic missiles into the sea on Wednesday, South "
     "Korea's military said."),
    ("tbilisi-protest", "2024-04-18", "Thousands of protesters rallied outside parliament in Tbilisi on Thursday "
     "against the foreign agents bill. Police detained several demonstrators."),
    ("eu-sanctions", "2024-04-19", "The European Union imposed new sanctions on Iran over its missile and drone "
     "programmes on Friday."),
    ("melnychenko-warsaw", "2024-04-22", "Ukrainian deputy energy minister Taras Melnychenko met Polish officials in "
     "Warsaw on Monday. Melnychenko said Kyiv needed more transformers after the attacks."),
    ("melnichenko-strikes", "2024-04-23", "Ukrainian deputy energy minister Taras Melnichenko accused Russia on "
     "Tuesday of striking power plants across the country."),
]


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twelve short articles with a bad line among them, then a near copy and an exact copy of the first one."""
    path = tmp_path_factory.mktemp("news") / "news.jsonl"
    lines = [json.dumps({"id": i, "published": day, "text": text}) for i, day, text in ARTICLES]
    lines.insert(6, '{"id": "broken", "text": "no closing brace"')
    update = ARTICLES[0][2] + " Officials gave no further details."
    lines.append(json.dumps({"id": "lavrov-fidan-update", "published": "2024-04-08", "text": update}))
    lines.append(json.dumps({"id": "lavrov-fidan-copy", "published": "2024-04-08", "text": ARTICLES[0][2]}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def local_out(news: Path, config: Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    run_batch([news], out, config=config, shard_size=5)
    return out


@pytest.fixture(scope="module")
def direct_db(news: Path, config: Config, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store that ingest gives, extracting the same input."""
    db = tmp_path_factory.mktemp("direct") / "direct.duckdb"
    api.ingest([news], db=db, config=config)
    return db


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    """One local Ray (two CPUs, no dashboard) for the module's tests."""
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    yield ray
    ray.shutdown()


def rows(out: Path, table: str) -> list[tuple[Any, ...]]:
    """Every row of a table across the shards, timestamps left out, sorted."""
    stamp = {"articles": "ingested_at", "failures": "recorded_at", "copies": "recorded_at"}.get(table)
    found = duckdb.execute(f"SELECT * EXCLUDE ({stamp}) FROM '{out}/{table}/*.parquet'" if stamp else
                           f"SELECT * FROM '{out}/{table}/*.parquet'").fetchall()
    return sorted(found, key=repr)


def stored(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the store's tables, timestamps left out, sorted."""
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: sorted(con.execute(f"SELECT * EXCLUDE ({stamp}) FROM {table}" if stamp else
                                      f"SELECT * FROM {table}").fetchall(), key=repr)
            for table, stamp in (("articles", "ingested_at"), ("actors", ""), ("article_actors", ""),
                                 ("mentions", ""), ("events", ""), ("quotes", ""), ("failures", "recorded_at"),
                                 ("copies", "recorded_at"))
        }  # fmt: skip


# -- writing shards ----------------------------------------------------------------------------------------


def test_the_local_engine_writes_one_parquet_file_per_shard_per_table(local_out: Path) -> None:
    for table in SHARD_TABLES:
        assert sorted(p.name for p in (local_out / table).iterdir()) == [
            "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]  # fmt: skip
    assert (local_out / "_batch.json").is_file()


def test_duckdb_queries_the_shards_directly_with_the_stores_columns(local_out: Path, tmp_path: Path) -> None:
    articles = duckdb.execute(f"SELECT doc_id FROM '{local_out}/articles/*.parquet' ORDER BY doc_id").fetchall()
    copies = ["lavrov-fidan-copy", "lavrov-fidan-update"]
    assert [a for (a,) in articles] == sorted([i for i, _, _ in ARTICLES] + copies)
    events = duckdb.execute(f"SELECT count(*) FROM '{local_out}/events/*.parquet' WHERE type = 'CONSULT'").fetchone()
    assert events is not None and events[0] >= 2
    with duckdb.connect(str(tmp_path / "empty.duckdb")) as con:
        from wirewatch.store._schema import migrate

        migrate(con)
        for table in ("articles", "actors", "article_actors", "mentions", "events", "quotes", "failures", "copies"):
            store = con.execute(f"SELECT * FROM {table} LIMIT 0").description
            shard = con.execute(f"SELECT * FROM '{local_out}/{table}/*.parquet' LIMIT 0").description
            assert [c[0] for c in shard] == [c[0] for c in store], table


def test_a_bad_document_becomes_a_failure_row_and_the_batch_goes_on(local_out: Path) -> None:
    (failure,) = rows(local_out, "failures")
    where, doc_id, error, seen, _last_seen = failure
    assert where.endswith("news.jsonl:7") and doc_id == "broken" and "invalid JSON" in error
    assert seen == 1
    assert len(rows(local_out, "articles")) == len(ARTICLES) + 2


# -- the same rows whatever the engine ---------------------------------------------------------------------


def test_the_ray_engine_writes_the_same_rows_as_the_local_engine(
    local_ray: Any, news: Path, config: Config, local_out: Path, tmp_path: Path
) -> None:
    report = run_batch([news], tmp_path, config=config, engine="ray", workers=2, shard_size=5)
    assert (report.shards, report.written.articles, report.written.failures) == (3, len(ARTICLES) + 2, 1)
    for table in SHARD_TABLES:
        assert rows(tmp_path, table) == rows(local_out, table), table


def test_two_local_worker_processes_and_one_big_shard_give_the_store_that_ingest_gives(
    news: Path, config: Config, direct_db: Path, tmp_path: Path
) -> None:
    report = run_batch([news], tmp_path / "out", config=config, workers=2, shard_size=20)
    assert (report.shards, report.written.articles, report.written.duplicates) == (1, len(ARTICLES) + 1, 2)
    assert [row[1] for row in rows(tmp_path / "out", "copies")] == ["lavrov-fidan-copy"]  # an exact copy, in-shard
    api.ingest([tmp_path / "out"], db=tmp_path / "loaded.duckdb", config=config)
    assert stored(tmp_path / "loaded.duckdb") == stored(direct_db)


# -- loading shards into a store -------------------------------------------------------------------------


def test_ingest_loads_the_shards_into_the_store_that_extracting_the_input_gives(
    config: Config, local_out: Path, direct_db: Path, tmp_path: Path
) -> None:
    report = api.ingest([local_out], db=tmp_path / "loaded.duckdb", config=config)
    assert (report.seen, report.added, report.duplicates) == (len(ARTICLES) + 3, len(ARTICLES) + 1, 1)
    assert stored(tmp_path / "loaded.duckdb") == stored(direct_db)
    assert len(stored(direct_db)["copies"]) == 1


def test_an_unknown_person_spelled_two_ways_in_two_shards_is_one_stored_actor(
    config: Config, local_out: Path, tmp_path: Path
) -> None:
    api.ingest([local_out], db=tmp_path / "store.duckdb", config=config)
    with duckdb.connect(str(tmp_path / "store.duckdb"), read_only=True) as con:
        keys = con.execute("SELECT DISTINCT actor_key FROM mentions WHERE text LIKE 'Taras Meln%'").fetchall()
    assert len(keys) == 1


def test_a_second_load_adds_nothing(config: Config, local_out: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    api.ingest([local_out], db=db, config=config)
    before = stored(db)
    again = api.ingest([local_out], db=db, config=config)
    assert (again.added, again.duplicates) == (0, len(ARTICLES) + 2)
    assert stored(db) == before


def test_one_shard_file_loads_that_shard_alone(config: Config, local_out: Path, tmp_path: Path) -> None:
    report = api.ingest([local_out / "events" / "part-00001.parquet"], db=tmp_path / "one.duckdb", config=config)
    assert report.seen == 5


def test_a_file_that_is_no_shard_is_refused_with_what_to_pass(config: Config, tmp_path: Path) -> None:
    stray = tmp_path / "data.parquet"
    duckdb.execute(f"COPY (SELECT 1 AS x) TO '{stray}' (FORMAT parquet)")
    with pytest.raises(BatchError, match="not a shard written by `wirewatch batch`"):
        api.ingest([stray], db=tmp_path / "x.duckdb", config=config)


def test_the_commands_batch_then_ingest_report_what_they_did(news: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wirewatch.cli import cli

    run = CliRunner().invoke(cli, ["batch", str(news), "--out", str(tmp_path / "out"), "--shard-size", "8"], obj={})
    assert run.exit_code == 1, run.output  # one document failed, as ingest says
    assert "15 documents in 2 shards" in run.output and "1 failures" in run.output
    load = CliRunner().invoke(cli, ["ingest", str(tmp_path / "out"), "--db", str(tmp_path / "x.duckdb")], obj={})
    assert "15 documents read: 13 articles added" in load.output, load.output


# -- resuming --------------------------------------------------------------------------------------------


def test_a_rerun_into_the_same_folder_skips_finished_shards(news: Path, config: Config, local_out: Path,
                                                            tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([news], out, config=config, shard_size=5)
    (out / "articles" / "part-00001.parquet").unlink()  # as if killed while writing shard 1
    (out / "events" / ".part-00001.parquet.999.tmp").write_bytes(b"half a file")
    report = run_batch([news], out, config=config, shard_size=5)
    assert (report.skipped, report.shards, report.documents) == (2, 1, 5)
    assert not list((out / "events").glob(".*.tmp"))
    for table in SHARD_TABLES:
        assert rows(out, table) == rows(local_out, table), table


def test_a_rerun_with_another_shard_size_is_refused(news: Path, config: Config, local_out: Path) -> None:
    with pytest.raises(BatchError, match="shard_size"):
        run_batch([news], local_out, config=config, shard_size=7)


# -- the duplicate check runs in the driver, in input order ----------------------------------------------


def test_copies_in_a_later_shard_are_marked_as_copies_of_the_earlier_article_and_not_coded(
    local_out: Path,
) -> None:
    found = duckdb.execute(f"SELECT doc_id, article_id, duplicate_of, not_coded FROM '{local_out}/articles/*.parquet'"
                       " WHERE doc_id LIKE 'lavrov-fidan%' ORDER BY doc_id").fetchall()
    (first, key, none, coded), (_, copy_key, copy_of, copy_why), (_, update_key, update_of, update_why) = found
    assert (first, none, coded) == ("lavrov-fidan", None, None)
    assert (copy_of, update_of) == (key, key) and copy_key == key
    assert "the same text" in copy_why and update_why.startswith("near-duplicate of")
    events = duckdb.execute(f"SELECT count(*) FROM '{local_out}/events/*.parquet' WHERE article_id = ?",
                        [update_key]).fetchone()
    assert events == (0,)


def test_the_split_around_dedup_keeps_the_stages_before_it_the_stage_and_those_after_it(config: Config) -> None:
    head, dedup, tail = _worker.split_stages(build_stages(config))
    assert [s.name for s in head] == ["clean"] and dedup is not None and dedup.name == "dedup"
    assert [s.name for s in tail][0] == "annotate"
    off = config.with_overrides({"dedup.enabled": False})
    assert _worker.split_stages(build_stages(off))[:2] == ([], None)


def test_an_empty_shard_still_has_every_table_with_the_stores_columns_and_types(tmp_path: Path) -> None:
    written, tables = shard_rows([])
    assert written == ShardWrite() and all(not found for found in tables.values())
    files = shard_files(tables)
    with duckdb.connect(str(tmp_path / "empty.duckdb")) as con:
        from wirewatch.store._schema import migrate

        migrate(con)
        for table in ("articles", "actors", "article_actors", "mentions", "events", "quotes", "failures", "copies"):
            (tmp_path / f"{table}.parquet").write_bytes(files[table])
            store = con.execute(f"DESCRIBE SELECT * FROM {table}").fetchall()
            shard = con.execute(f"DESCRIBE SELECT * FROM '{tmp_path}/{table}.parquet'").fetchall()
            assert [c[:2] for c in shard] == [c[:2] for c in store], table
            assert con.execute(f"SELECT count(*) FROM '{tmp_path}/{table}.parquet'").fetchone() == (0,)


def test_a_worker_hands_back_rows_and_the_driver_writes_them_in_input_order(config: Config, tmp_path: Path) -> None:
    worker = _worker.ShardWorker(config.with_overrides({"dedup.enabled": False}))
    documents = [RawDocument(id=i, source="news.jsonl", text=text) for i, _, text in ARTICLES[:4]]
    result = worker.finish(_worker.ShardTask(0, tuple(documents)))
    assert result.written.articles == 4 and result.written.events == len(result.rows["events"]) > 0
    (tmp_path / "articles.parquet").write_bytes(shard_files(result.rows)["articles"])
    got = duckdb.execute(f"SELECT doc_id FROM '{tmp_path}/articles.parquet'").fetchall()
    assert [d for (d,) in got] == [i for i, _, _ in ARTICLES[:4]]


def test_a_worker_leaves_the_vocabulary_the_size_it_was_after_each_shard(config: Config) -> None:
    worker = _worker.ShardWorker(config.with_overrides({"dedup.enabled": False}))
    strings = load_model().vocab.strings
    worker.finish(_worker.ShardTask(0, (RawDocument(id="a", source="s", text=ARTICLES[0][2]),)))
    before = len(strings)
    text = ("Zorvathi envoy Kelmarq Duvrenkov met the Tallisandian minister Ovrel Quastaboni in Fernhollow on "
            "Monday; the Zorvathi defence ministry said the two sides signed a pact on Xantheric grain.")
    result = worker.finish(_worker.ShardTask(1, (RawDocument(id="b", source="s", text=text),)))
    assert len(strings) == before
    assert result.written.articles == 1 and "Duvrenkov" in repr(result.rows["mentions"])


def test_a_worker_with_a_process_of_its_own_tidies_it_after_each_shard(config: Config, monkeypatch) -> None:  # noqa: ANN001
    tidied: list[bool] = []
    monkeypatch.setattr(_worker, "return_free_memory", lambda: tidied.append(True))
    task = _worker.ShardTask(0, (RawDocument(id="a", source="s", text=ARTICLES[1][2]),))
    _worker.ShardWorker(config).finish(task)
    assert tidied == []  # in the caller's own process (one local worker), the host's memory is left alone
    _worker.ShardWorker(config, own_process=True).finish(task)
    assert tidied == [True]


def test_tidying_collects_the_cycles_a_shard_leaves() -> None:
    import gc
    import weakref

    from wirewatch.annotate import return_free_memory

    class Node:
        pass

    gc.disable()  # only the call below may collect
    try:
        a, b = Node(), Node()
        a.other, b.other = b, a  # type: ignore[attr-defined]
        gone = weakref.ref(a)
        del a, b
        assert gone() is not None
        return_free_memory()
        assert gone() is None
    finally:
        gc.enable()
