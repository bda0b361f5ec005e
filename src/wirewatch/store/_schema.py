"""The store's schema as an ordered list of migrations, and the code that applies them.

The ``schema_version`` table holds one row per migration applied. Opening a store applies the missing ones,
in order, in one transaction; a database whose version is newer than :data:`SCHEMA_VERSION` is refused.
Never edit a migration that has shipped: append a new one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb

from ..errors import SchemaError, StoreError

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Migration",
    "check_version",
    "db_errors",
    "current_version",
    "migrate",
    "transaction",
    "typed_columns",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    """One step of the schema: the version it brings the database to, what it does, and its SQL."""

    version: int
    description: str
    statements: tuple[str, ...]


_TABLES = (
    """CREATE TABLE articles (
        article_id VARCHAR PRIMARY KEY,   -- Article.content_hash
        doc_id VARCHAR NOT NULL,          -- Article.id
        source VARCHAR NOT NULL,
        url VARCHAR,
        title VARCHAR,
        published DATE,
        outlet VARCHAR,
        language VARCHAR,
        text VARCHAR NOT NULL,
        removed JSON NOT NULL,            -- [{"text": ..., "reason": ...}, ...]
        ingested_at TIMESTAMP NOT NULL    -- UTC
    )""",
    """CREATE TABLE actors (
        actor_key VARCHAR PRIMARY KEY,    -- Actor.key, the identity across articles; first write wins
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        country VARCHAR,
        sector VARCHAR,
        code VARCHAR,
        wikidata VARCHAR,
        office VARCHAR
    )""",
    """CREATE TABLE article_actors (
        article_id VARCHAR NOT NULL,
        local_id VARCHAR NOT NULL,        -- Actor.id within the article, e.g. "a3"
        actor_key VARCHAR NOT NULL,
        ordinal INTEGER NOT NULL,         -- position in Extraction.actors
        PRIMARY KEY (article_id, local_id)
    )""",
    """CREATE TABLE mentions (
        article_id VARCHAR NOT NULL,
        actor_key VARCHAR NOT NULL,
        local_id VARCHAR NOT NULL,
        ordinal INTEGER NOT NULL,         -- position in Actor.mentions
        text VARCHAR NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        how VARCHAR NOT NULL
    )""",
    """CREATE TABLE events (
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        ordinal INTEGER NOT NULL,         -- position in Extraction.events
        type VARCHAR NOT NULL,
        mode VARCHAR,
        cameo VARCHAR NOT NULL,
        cameo_code VARCHAR NOT NULL,
        goldstein DOUBLE NOT NULL,
        quad_class INTEGER NOT NULL,
        source_keys VARCHAR[] NOT NULL,
        target_keys VARCHAR[] NOT NULL,
        source_countries VARCHAR[] NOT NULL,
        target_countries VARCHAR[] NOT NULL,
        modality VARCHAR NOT NULL,
        according_to_key VARCHAR,
        date DATE,
        date_precision VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        sentence VARCHAR NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        confidence DOUBLE NOT NULL,
        trigger VARCHAR NOT NULL,
        coder VARCHAR NOT NULL,
        PRIMARY KEY (article_id, event_id)
    )""",
    """CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        quote_id VARCHAR NOT NULL,
        ordinal INTEGER NOT NULL,         -- position in Extraction.quotes
        speaker_key VARCHAR,
        speaker_text VARCHAR,
        text VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        cue VARCHAR,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        PRIMARY KEY (article_id, quote_id)
    )""",
    """CREATE TABLE failures (
        where_ VARCHAR NOT NULL,
        doc_id VARCHAR,
        error VARCHAR NOT NULL,
        recorded_at TIMESTAMP NOT NULL    -- UTC
    )""",
)

_PAIRS = (
    """CREATE VIEW event_pairs AS
    SELECT e.article_id, e.event_id, e.type, e.modality, e.date,
           s.country AS source_country, t.country AS target_country
    FROM events AS e, unnest(e.source_countries) AS s(country), unnest(e.target_countries) AS t(country)""",
    "CREATE INDEX mentions_actor_key ON mentions (actor_key)",
)

_AFFILIATION = ("ALTER TABLE actors ADD COLUMN affiliation VARCHAR",)
_CLAIMS = (
    "ALTER TABLE quotes ADD COLUMN stance VARCHAR",
    "ALTER TABLE quotes ADD COLUMN about_keys VARCHAR[]",
    "ALTER TABLE events ADD COLUMN quote_id VARCHAR",
)

_PAGES = (
    "ALTER TABLE articles ADD COLUMN authors VARCHAR[]",
    "ALTER TABLE articles ADD COLUMN canonical_url VARCHAR",
    "ALTER TABLE articles ADD COLUMN page_kind VARCHAR DEFAULT 'article'",
    "ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR",
    "ALTER TABLE articles ADD COLUMN not_coded VARCHAR",
)

_DUPLICATES = (
    """CREATE TABLE copies (
        article_id VARCHAR NOT NULL,      -- the stored article whose text this document repeats exactly
        doc_id VARCHAR NOT NULL,          -- the copy's own Article.id
        url VARCHAR,
        outlet VARCHAR,
        published DATE,
        source VARCHAR NOT NULL,
        recorded_at TIMESTAMP NOT NULL,   -- UTC
        PRIMARY KEY (article_id, doc_id)
    )""",
    """CREATE TABLE signatures (
        article_id VARCHAR NOT NULL,      -- a coded original (duplicate_of and not_coded NULL)
        scheme VARCHAR NOT NULL,          -- how it was computed, e.g. minhash.affine32.w5.p128.s1
        minhash BLOB NOT NULL,            -- 128 little-endian uint32 minima of the text's word shingles
        PRIMARY KEY (article_id, scheme)
    )""",
    """CREATE VIEW reports AS
    SELECT coalesce(a.duplicate_of, a.article_id) AS article_id, a.article_id AS text_id, a.doc_id, a.url,
           a.outlet, a.published, a.source,
           CASE WHEN a.duplicate_of IS NULL THEN 'original' ELSE 'near-duplicate' END AS kind
    FROM articles AS a
    UNION ALL
    SELECT coalesce(a.duplicate_of, a.article_id), c.article_id, c.doc_id, c.url, c.outlet, c.published, c.source,
           'copy'
    FROM copies AS c JOIN articles AS a ON a.article_id = c.article_id""",
    """CREATE VIEW event_reports AS
    SELECT e.article_id, e.event_id, r.text_id, r.doc_id, r.url, r.outlet, r.published, r.source, r.kind
    FROM events AS e JOIN reports AS r ON r.article_id = e.article_id""",
)

_FEEDS = (
    """CREATE TABLE feeds (
        feed_url VARCHAR PRIMARY KEY,
        etag VARCHAR,                     -- sent back as If-None-Match
        last_modified VARCHAR,            -- sent back as If-Modified-Since
        title VARCHAR,
        status INTEGER,                   -- HTTP status of the last poll (304: unchanged); NULL: unreachable
        error VARCHAR,                    -- why the last poll failed; NULL when it worked
        polled_at TIMESTAMP NOT NULL      -- UTC
    )""",
    """CREATE TABLE fetched_urls (
        url VARCHAR PRIMARY KEY,          -- a feed entry's link, without its #fragment
        feed_url VARCHAR NOT NULL,        -- the feed that listed it first
        title VARCHAR,                    -- the entry's title
        published DATE,                   -- the entry's date, the article's date when the page gives none
        state VARCHAR NOT NULL,           -- queued | held | stored | duplicate | skipped | failed
        attempts INTEGER NOT NULL,        -- fetches that failed for a reason that may pass (timeouts, 5xx)
        http_status INTEGER,
        error VARCHAR,
        article_id VARCHAR,               -- articles.article_id once stored (for a duplicate: the stored copy)
        page VARCHAR,                     -- the fetched page, held only until its article is stored
        page_format VARCHAR,              -- html | text: how the held page is read
        final_url VARCHAR,                -- where redirects led
        first_seen TIMESTAMP NOT NULL,    -- UTC
        updated_at TIMESTAMP NOT NULL     -- UTC
    )""",
)

_INCIDENTS = (
    """CREATE TABLE incidents (
        incident_id VARCHAR NOT NULL,     -- 'inc-' + a hash of its first event's ids
        type VARCHAR NOT NULL,            -- the PLOVER type of its first event
        family VARCHAR NOT NULL,          -- the type, or a compatible pair such as 'AGREE|SUPPORT'
        source_keys VARCHAR[] NOT NULL,
        target_keys VARCHAR[] NOT NULL,
        source_ids VARCHAR[] NOT NULL,    -- keys and countries the sources stand for
        target_ids VARCHAR[] NOT NULL,
        date DATE,                        -- the best date: the most precise one reported
        date_precision VARCHAR,
        window_start DATE NOT NULL,       -- the days the best date allows
        window_end DATE NOT NULL
    )""",
    """CREATE TABLE incident_events (
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        incident_id VARCHAR NOT NULL,
        reversed BOOLEAN NOT NULL,        -- a symmetric event told the other way round (B met A)
        PRIMARY KEY (article_id, event_id)
    )""",
    """CREATE TABLE incident_answers (
        article_id VARCHAR NOT NULL,      -- the answering event (a REJECT)
        event_id VARCHAR NOT NULL,
        incident_id VARCHAR NOT NULL,     -- the accusation it answers
        PRIMARY KEY (article_id, event_id)
    )""",
    "CREATE INDEX incident_events_incident ON incident_events (incident_id)",
    """CREATE VIEW incident_reports AS
    SELECT l.incident_id, e.article_id, e.event_id, e.type, e.modality, e.according_to_key, e.source_keys,
           e.date, e.date_precision, e.sentence, e.goldstein, e.quad_class, e.cameo_code, e.location_name,
           e.location_country, e.lat, e.lon, a.outlet, a.url, a.published, a.doc_id, a.ingested_at
    FROM incident_events AS l JOIN events AS e USING (article_id, event_id) JOIN articles AS a USING (article_id)""",
)

_FAILURES_ONCE = (
    """CREATE TABLE failures_once (
        where_ VARCHAR NOT NULL,
        doc_id VARCHAR,
        error VARCHAR NOT NULL,
        recorded_at TIMESTAMP NOT NULL,   -- UTC, the first time
        seen INTEGER NOT NULL DEFAULT 1,  -- how many runs met it
        last_seen TIMESTAMP               -- UTC, the last time (NULL: seen once)
    )""",
    """INSERT INTO failures_once SELECT where_, doc_id, error, min(recorded_at), count(*),
        CASE WHEN count(*) > 1 THEN max(recorded_at) END FROM failures GROUP BY where_, doc_id, error""",
    "DROP TABLE failures",
    "ALTER TABLE failures_once RENAME TO failures",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, actors, article_actors, mentions, events, quotes and failures", _TABLES),
    Migration(2, "event_pairs view (one row per source country x target country); mentions by actor", _PAIRS),
    Migration(3, "actors.affiliation: the organisation a person acts for", _AFFILIATION),
    Migration(4, "quotes.stance and quotes.about_keys; events.quote_id, the quote that asserts an event", _CLAIMS),
    Migration(5, "articles: authors, canonical_url, page_kind, duplicate_of and not_coded (stored, not coded)", _PAGES),
    Migration(6, "copies (exact duplicates), signatures (MinHash of coded originals), views reports and "
                 "event_reports (every document that reported an article's events)", _DUPLICATES),
    Migration(7, "feeds (conditional-request state per feed) and fetched_urls (each entry's page, fetched once)",
              _FEEDS),
    Migration(8, "incidents, incident_events (each linked event's incident), incident_answers (rejections of "
                 "accusations) and the view incident_reports", _INCIDENTS),
    Migration(9, "failures: one row per document and error, with how often and when last it was seen",
              _FAILURES_ONCE),
)
SCHEMA_VERSION = MIGRATIONS[-1].version

_VERSION_TABLE = """CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    description VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)"""


@contextmanager
def db_errors(action: str) -> Iterator[None]:
    """Turn DuckDB's errors into :class:`StoreError` saying what the store was doing (``could not {action}``)."""
    try:
        yield
    except duckdb.Error as err:
        raise StoreError(f"could not {action}: {err}") from err


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the block in one transaction: commit when it ends, roll back when it raises."""
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this database; 0 for a database wirewatch never wrote."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'schema_version'"
    ).fetchone()
    if not found or not found[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def check_version(con: duckdb.DuckDBPyConnection, *, read_only: bool) -> int:
    """Return the database's version; raise if this wirewatch cannot use it as it is."""
    version = _refuse_newer(current_version(con))
    if read_only and version < SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {version}, this wirewatch needs {SCHEMA_VERSION}: "
            "open it once without read_only so that it can be migrated"
        )
    return version


def typed_columns(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """``table``'s columns as ``name TYPE, ...``, in order, as the schema declares them."""
    found = con.execute("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?"
                        " AND table_schema = 'main' ORDER BY ordinal_position", [table]).fetchall()
    return ", ".join(f"{name} {kind}" for name, kind in found)


def migrate(con: duckdb.DuckDBPyConnection, *, up_to: int = SCHEMA_VERSION) -> int:
    """Apply the migrations this database lacks, up to ``up_to``, in one transaction; return its version."""
    with transaction(con):
        con.execute(_VERSION_TABLE)
        version = _refuse_newer(current_version(con))
        for migration in MIGRATIONS:
            if version < migration.version <= up_to:
                log.info("store: migrating to schema version %d", migration.version)
                _apply(con, migration)
                version = migration.version
    return version


def _refuse_newer(version: int) -> int:
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"the database has schema version {version}, but this wirewatch knows versions up to "
            f"{SCHEMA_VERSION}: upgrade wirewatch (pip install -U wirewatch) to open it"
        )
    return version


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration) -> None:
    for statement in migration.statements:
        con.execute(statement)
    con.execute(
        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
        [migration.version, migration.description, datetime.now(UTC).replace(tzinfo=None)],
    )
