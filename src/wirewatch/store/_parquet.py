"""Shards: the store's tables as Parquet files, written by ``wirewatch batch`` and loaded by ``wirewatch ingest``.

A shard is one Parquet file per table of :data:`SHARD_TABLES`: ``articles``, ``actors``, ``article_actors``,
``mentions``, ``events``, ``quotes``, ``failures`` and ``copies`` with the store's own columns (built by the same
row code as :meth:`Store.add`), plus ``local_actors``, each article's actors as resolved in that article (the
store's ``actors`` keeps only the first written per key). A document repeating the text of an article already in
the shard is a row of ``copies``, as ingest records it. ``ShardWrite.duplicates`` counts the copies: those and the
articles marked ``duplicate_of`` (see ``dedup``).

Loading a shard does in bulk what storing its articles one by one would: articles already stored are skipped,
each actor keeps the attributes written first, unknown people are unified with the stored ones in input order
(``unify``, as ingest does), a document repeating a stored article's text is recorded in ``copies``, and failures
already recorded are not recorded again (``signatures`` are left to ``dedup.load_index``, which computes the missing
ones when it next needs them). One shard is one transaction,
so a load killed half-way leaves whole shards only, and loading the same shard twice adds nothing.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

import duckdb

from ..errors import StoreError
from ..records import Actor, Article, Extraction, Failure
from ._schema import migrate, transaction, typed_columns
from ._write import Row, _check, _now, actor_row, failure_row, rows, rows_select

__all__ = ["SHARD_TABLES", "ShardLoad", "ShardRows", "ShardWrite", "Unify", "load_shard", "shard_files", "shard_rows",
           "write_shard"]

#: The tables of a shard, one Parquet file each; ``articles`` last, so that its file marks a finished shard.
SHARD_TABLES = ("actors", "article_actors", "mentions", "events", "quotes", "failures", "copies", "local_actors",
                "articles")

#: Unifies an extraction's unknown people with stored ones: ``resolve.unify_people``.
Unify = Callable[[Extraction, Callable[[str], Sequence[tuple[str, str, str | None]]]], Extraction]

#: Each article's own view of its actors: the columns of ``article_actors`` that place an actor in its article, then
#: every column of ``actors`` (derived from the store's schema, so a migration of ``actors`` reaches shards too).
_LOCAL_ACTORS = ("CREATE TABLE local_actors AS SELECT aa.article_id, aa.local_id, aa.ordinal, a.*"
                 " FROM article_actors AS aa, actors AS a LIMIT 0")


@dataclass(frozen=True, slots=True)
class ShardWrite:
    """What one written shard holds: articles (copies marked as such included), copies of earlier articles (exact
    ones left out, near ones marked ``duplicate_of``), events and failures."""

    articles: int = 0
    duplicates: int = 0
    events: int = 0
    failures: int = 0

    def __add__(self, other: ShardWrite) -> ShardWrite:
        """The counts of two shards together."""
        return ShardWrite(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


@dataclass(frozen=True, slots=True)
class ShardLoad:
    """What loading one shard did: its article rows, those added (new to the store), their events, its rows of
    copies left out when it was written (exact copies of its own articles), and its failures."""

    articles: int
    added: int
    events: int
    copies: int
    failures: tuple[Failure, ...]


#: One shard's rows, table by table (every table of :data:`SHARD_TABLES`), as :func:`shard_rows` builds them.
ShardRows = dict[str, list[Row]]


def write_shard(results: Iterable[Extraction | Failure], folder: str | Path) -> ShardWrite:
    """Write one shard's results as ``folder/<table>.parquet``, one file per table of :data:`SHARD_TABLES`."""
    written, tables = shard_rows(results)
    _copy_out(tables, Path(folder))
    return written


def shard_rows(results: Iterable[Extraction | Failure]) -> tuple[ShardWrite, ShardRows]:
    """One shard's results as the rows of its tables, and what they hold (plain Python: a batch worker builds
    them, and its driver, which has DuckDB loaded anyway, turns them into files with :func:`shard_files`)."""
    tables: ShardRows = {table: [] for table in SHARD_TABLES}
    articles: dict[str, str] = {}  # content hash → the id of the document stored under it
    actors: set[str] = set()
    duplicates = 0
    for result in results:
        if isinstance(result, Extraction):
            result = _consistent(result)
        if isinstance(result, Failure):
            tables["failures"].append(failure_row(result))
        elif result.article.content_hash in articles:
            duplicates += 1
            if articles[result.article.content_hash] != result.article.id:
                tables["copies"].append(_copy_row(result.article))
        else:
            articles[result.article.content_hash] = result.article.id
            duplicates += result.article.duplicate_of is not None
            _add_rows(tables, result, actors)
    return ShardWrite(len(tables["articles"]), duplicates, len(tables["events"]), len(tables["failures"])), tables


def shard_files(tables: ShardRows) -> dict[str, bytes]:
    """A shard's rows (from :func:`shard_rows`) as its Parquet files' bytes, table by table."""
    with tempfile.TemporaryDirectory(prefix="wirewatch-shard-") as folder:
        _copy_out(tables, Path(folder))
        return {table: (Path(folder) / f"{table}.parquet").read_bytes() for table in SHARD_TABLES}


def _consistent(extraction: Extraction) -> Extraction | Failure:
    """The extraction, or a Failure when the store would refuse it (clashing ids, unknown actors)."""
    try:
        _check(extraction)
    except StoreError as err:
        return Failure(extraction.article.id, extraction.article.source or extraction.article.id, str(err))
    return extraction


def _add_rows(tables: dict[str, list[Row]], extraction: Extraction, actors: set[str]) -> None:
    article_id = extraction.article.content_hash
    for table, table_rows in rows(article_id, extraction).items():
        if table == "actors":
            table_rows = [row for row in table_rows if row[0] not in actors]
            actors.update(row[0] for row in table_rows)
        tables[table].extend(table_rows)
    tables["local_actors"].extend((article_id, a.id, i, *actor_row(a)) for i, a in enumerate(extraction.actors))


def _copy_row(article: Article) -> Row:
    """The ``copies`` row of a document that repeats the text of an article stored before it."""
    return (article.content_hash, article.id, article.url, article.outlet, article.published, article.source,
            _now())


def _copy_out(tables: dict[str, list[Row]], folder: Path) -> None:
    """Each table's rows straight into its Parquet file, column by column (``unnest(?::T[])``), with the store's
    column names and types. No table is built on the way: an in-memory table would hold some 35 MB of DuckDB's
    blocks for a shard of 100 articles, in a worker that also holds a spaCy model."""
    con = duckdb.connect(":memory:")
    try:
        for table in SHARD_TABLES:
            found = tables[table]
            columns = [list(column) for column in zip(*found, strict=True)]
            select = rows_select(_shard_columns()[table], empty=not found)
            con.execute(f"COPY ({select}) TO {_literal(folder / f'{table}.parquet')} (FORMAT parquet)", columns or None)
    finally:
        con.close()


@cache
def _shard_columns() -> dict[str, str]:
    """Each shard table's typed columns (``name TYPE, …``), read from the store's own schema (a migrated in-memory
    database, once per process), so shards can never drift from the store's tables."""
    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        con.execute(_LOCAL_ACTORS)
        return {table: typed_columns(con, table) for table in SHARD_TABLES}
    finally:
        con.close()


def load_shard(con: duckdb.DuckDBPyConnection, files: Mapping[str, str | Path], *,
               unify: Unify | None = None) -> ShardLoad:
    """Load one shard (``files``: table name → Parquet file) into the store, in one transaction."""
    missing = [table for table in SHARD_TABLES if table not in files]
    if missing:
        raise StoreError(f"the shard has no {', '.join(missing)} file(s); re-run `wirewatch batch` to finish it")
    with transaction(con):
        for table in SHARD_TABLES:
            con.execute(f"CREATE OR REPLACE TEMP TABLE _shard_{table} AS"
                        f" SELECT * FROM read_parquet({_literal(Path(files[table]))}, file_row_number = true)")
        con.execute(_NEW)
        if unify is not None:
            _rename(con, _unify(con, unify))
        loaded = _insert_new(con)
        for table in (*SHARD_TABLES, "new"):
            con.execute(f"DROP TABLE _shard_{table}")
    return loaded


_NEW = """CREATE OR REPLACE TEMP TABLE _shard_new AS
SELECT s.article_id, s.file_row_number AS position FROM _shard_articles AS s
WHERE NOT EXISTS (SELECT 1 FROM main.articles AS a WHERE a.article_id = s.article_id)
QUALIFY row_number() OVER (PARTITION BY s.article_id ORDER BY s.file_row_number) = 1"""


def _unify(con: duckdb.DuckDBPyConnection, unify: Unify) -> list[tuple[str, str, str]]:
    """(article, old key, new key) for each unknown person of the new articles who is a stored (or earlier) one."""
    found = con.execute(
        "SELECT l.article_id, l.local_id, l.actor_key, l.name, l.kind, l.country, l.sector"
        " FROM _shard_local_actors AS l JOIN _shard_new AS n USING (article_id)"
        " WHERE starts_with(l.actor_key, 'person~') ORDER BY n.position, l.ordinal"
    ).fetchall()
    people = _People(con, {row[2] for row in found})
    by_article: dict[str, list[Actor]] = {}
    for article_id, local_id, key, name, kind, country, sector in found:
        by_article.setdefault(article_id, []).append(Actor(local_id, key, name, kind, country, sector))
    renames = []
    for article_id, actors in by_article.items():
        unified = unify(Extraction(Article(article_id, ""), tuple(actors)), people.stored)
        for before, after in zip(actors, unified.actors, strict=True):
            if after.key != before.key:
                renames.append((article_id, before.key, after.key))  # the stored (or earlier) person's key
            else:
                people.written(after)
    return renames


class _People:
    """The unknown people stored, plus those the shard's earlier articles add, as ingest would see them."""

    def __init__(self, con: duckdb.DuckDBPyConnection, keys: set[str]) -> None:
        self._con = con
        stored = con.execute("SELECT actor_key FROM main.actors WHERE list_contains(?::VARCHAR[], actor_key)",
                             [sorted(keys)]).fetchall()
        self._stored_keys = {key for (key,) in stored}
        self._by_country: dict[str, list[tuple[str, str, str | None]]] = {}
        self._added: dict[str, tuple[str, str | None, str | None]] = {}

    def stored(self, country: str) -> list[tuple[str, str, str | None]]:
        """(key, name, sector) of the unknown people of ``country``, in key order."""
        if country not in self._by_country:
            self._by_country[country] = self._con.execute(
                "SELECT actor_key, name, sector FROM main.actors WHERE starts_with(actor_key, 'person~')"
                " AND country = ? ORDER BY actor_key", [country],
            ).fetchall()
        added = [(key, name, sector) for key, (name, c, sector) in self._added.items() if c == country]
        return sorted(self._by_country[country] + added)

    def written(self, actor: Actor) -> None:
        """Note an actor of a new article: the first one written under a key sets its attributes."""
        if actor.key not in self._stored_keys and actor.key not in self._added:
            self._added[actor.key] = (actor.name, actor.country, actor.sector)


_RENAMES = (
    "UPDATE _shard_article_actors SET actor_key = $new WHERE article_id = $article AND actor_key = $old",
    "UPDATE _shard_mentions SET actor_key = $new WHERE article_id = $article AND actor_key = $old",
    "UPDATE _shard_local_actors SET actor_key = $new WHERE article_id = $article AND actor_key = $old",
    "UPDATE _shard_events SET source_keys = list_transform(source_keys, lambda k: if(k = $old, $new, k)),"
    " target_keys = list_transform(target_keys, lambda k: if(k = $old, $new, k)),"
    " according_to_key = if(according_to_key = $old, $new, according_to_key) WHERE article_id = $article",
    "UPDATE _shard_quotes SET about_keys = list_transform(about_keys, lambda k: if(k = $old, $new, k)),"
    " speaker_key = if(speaker_key = $old, $new, speaker_key) WHERE article_id = $article",
)


def _rename(con: duckdb.DuckDBPyConnection, renames: list[tuple[str, str, str]]) -> None:
    for article_id, old, new in renames:
        for statement in _RENAMES:
            con.execute(statement, {"article": article_id, "old": old, "new": new})


def _insert_new(con: duckdb.DuckDBPyConnection) -> ShardLoad:
    """Insert the new articles with all they hold, their actors not yet stored, and failures not yet recorded."""
    cols = _columns(con, "articles")
    con.execute(f"INSERT INTO main.articles ({cols}) SELECT {_prefixed(cols, 's')} FROM _shard_articles AS s"
                " JOIN _shard_new AS n ON s.article_id = n.article_id AND s.file_row_number = n.position")
    actor_columns = _columns(con, "actors", shard="local_actors")
    con.execute(
        f"INSERT INTO main.actors ({actor_columns}) SELECT {_prefixed(actor_columns, 'l')}"
        " FROM _shard_local_actors AS l JOIN _shard_new AS n USING (article_id)"
        " WHERE NOT EXISTS (SELECT 1 FROM main.actors AS a WHERE a.actor_key = l.actor_key)"
        " QUALIFY row_number() OVER (PARTITION BY l.actor_key ORDER BY n.position, l.ordinal) = 1"
    )
    for table in ("article_actors", "mentions", "events", "quotes"):
        cols = _columns(con, table)
        con.execute(f"INSERT INTO main.{table} ({cols}) SELECT {_prefixed(cols, 's')} FROM _shard_{table} AS s"
                    " JOIN _shard_new AS n USING (article_id)")
    _insert_copies(con)
    cols = _columns(con, "failures")
    con.execute(
        f"INSERT INTO main.failures ({cols}) SELECT {_prefixed(cols, 'f')} FROM _shard_failures AS f"
        " WHERE NOT EXISTS (SELECT 1 FROM main.failures AS g WHERE g.where_ = f.where_"
        " AND g.doc_id IS NOT DISTINCT FROM f.doc_id AND g.error = f.error) ORDER BY f.file_row_number"
    )
    return _loaded(con)


def _insert_copies(con: duckdb.DuckDBPyConnection) -> None:
    """Record as copies the shard's documents whose text is stored under another document's id."""
    repeated = ("SELECT s.article_id, s.doc_id, s.url, s.outlet, s.published, s.source, s.ingested_at AS recorded_at"
                " FROM _shard_articles AS s WHERE NOT EXISTS (SELECT 1 FROM _shard_new AS n"
                " WHERE n.article_id = s.article_id AND n.position = s.file_row_number)"
                " UNION ALL SELECT article_id, doc_id, url, outlet, published, source, recorded_at FROM _shard_copies")
    con.execute(
        "INSERT INTO main.copies (article_id, doc_id, url, outlet, published, source, recorded_at)"
        f" SELECT * FROM ({repeated}) AS c WHERE NOT EXISTS (SELECT 1 FROM main.articles AS a"
        " WHERE a.article_id = c.article_id AND a.doc_id = c.doc_id) ON CONFLICT DO NOTHING"
    )


def _loaded(con: duckdb.DuckDBPyConnection) -> ShardLoad:
    counts = con.execute(
        "SELECT (SELECT count(*) FROM _shard_articles), (SELECT count(*) FROM _shard_new),"
        " (SELECT count(*) FROM _shard_events JOIN _shard_new USING (article_id)), (SELECT count(*) FROM _shard_copies)"
    ).fetchone() or (0, 0, 0, 0)
    failures = con.execute("SELECT doc_id, where_, error FROM _shard_failures ORDER BY file_row_number").fetchall()
    articles, added, events, copies = counts
    return ShardLoad(articles, added, events, copies, tuple(Failure(*row) for row in failures))


def _columns(con: duckdb.DuckDBPyConnection, table: str, *, shard: str | None = None) -> str:
    """The columns the store's ``table`` and the shard's copy of it (or its table ``shard``) share, in the
    store's order (a shard may predate a migration)."""
    found = con.execute(
        "SELECT s.column_name FROM information_schema.columns AS s JOIN information_schema.columns AS t"
        " ON t.column_name = s.column_name AND t.table_name = ? AND t.table_catalog = 'temp'"
        " WHERE s.table_catalog = current_database() AND s.table_schema = 'main' AND s.table_name = ?"
        " ORDER BY s.ordinal_position",
        [f"_shard_{shard or table}", table],
    ).fetchall()
    return ", ".join(f'"{name}"' for (name,) in found)


def _prefixed(columns: str, alias: str) -> str:
    return ", ".join(f"{alias}.{column.strip()}" for column in columns.split(","))


def _literal(path: Path) -> str:
    """A file path as a SQL string literal (COPY and read_parquet take no parameters here)."""
    return "'" + str(path).replace("'", "''") + "'"
