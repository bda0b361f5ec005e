"""The store: what it keeps, what it refuses, how it migrates, and what its queries answer."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wirewatch
from wirewatch.errors import QueryError, SchemaError, StoreError
from wirewatch.records import Actor, Article, Event, Extraction, Failure, Location, Mention, Quote, Removed
from wirewatch.store import SCHEMA_VERSION, CountryPair, EventQuery, EventRow, Store, Summary, _schema, _write

MODALITIES = ("asserted", "reported", "negated", "future", "hypothetical", "denied")


# -- articles written for these tests --------------------------------------------------------------


def at(text: str, part: str) -> tuple[int, int]:
    """The span of the first ``part`` in ``text``."""
    i = text.index(part)
    return (i, i + len(part))


def actor(text: str, id: str, key: str, name: str, country: str | None, *forms: str, **kw: str) -> Actor:
    """An actor mentioned by each of ``forms`` (first occurrence); its kind is the prefix of its key."""
    kind, sector, how = kw.pop("kind", key.partition(":")[0]), kw.pop("sector", None), kw.pop("how", "name")
    mentions = tuple(Mention(form, at(text, form), how) for form in forms)
    return Actor(id, key, name, kind, country, sector, mentions=mentions, **kw)


def event(text: str, id: str, type: str, source: str, target: str, sentence: str, **kw: object) -> Event:
    """An asserted, undated ASSAULT-like event of ``source`` on ``target`` unless ``kw`` says otherwise."""
    values: dict[str, object] = {
        "mode": None, "cameo": "190", "cameo_code": "190", "goldstein": -10.0, "quad_class": 4,
        "modality": "asserted", "according_to": None, "date": None, "date_precision": None, "location": None,
        "confidence": 0.9, "trigger": "", "coder": "plover.rules.v2",
    }  # fmt: skip
    values.update(kw)
    span = at(text, sentence)
    return Event(id, type, source=(source,), target=(target,), sentence=sentence, span=span, **values)  # type: ignore[arg-type]


UKR_TEXT = (
    "Russian forces struck Kyiv on Tuesday. Ukraine accused Moscow of war crimes, officials said. "
    "Vladimir Putin praised the Russian army. Putin could order a new offensive."
)
UKRAINE = Extraction(
    article=Article(
        id="ukr-1", text=UKR_TEXT, url="https://example.org/ukr", title="Strike on Kyiv",
        published=date(2024, 3, 1), outlet="Example", language="en",
        removed=(Removed("Read more: the war in maps", "see-also"),), source="feed",
    ),
    actors=(
        actor(UKR_TEXT, "a1", "country:RUS", "Russia", "RUS", "Russian", "Moscow"),
        actor(UKR_TEXT, "a2", "country:UKR", "Ukraine", "UKR", "Kyiv", "Ukraine"),
        actor(UKR_TEXT, "a3", "person:vladimir-putin", "Vladimir Putin", "RUS", "Vladimir Putin",
              sector="GOV", office="President of Russia", wikidata="Q7747"),
    ),
    events=(
        event(UKR_TEXT, "e1", "ASSAULT", "a1", "a2", "Russian forces struck Kyiv on Tuesday.",
              date=date(2024, 2, 27), date_precision="day", location=Location("Kyiv", "UKR", 50.45, 30.52)),
        event(UKR_TEXT, "e2", "ACCUSE", "a2", "a1", "Ukraine accused Moscow of war crimes, officials said.",
              cameo="112", cameo_code="112", goldstein=-2.0, quad_class=3, modality="reported"),
        event(UKR_TEXT, "e3", "SUPPORT", "a3", "a1", "Vladimir Putin praised the Russian army.",
              cameo="051", cameo_code="051", goldstein=3.4, quad_class=1, date=date(2024, 2, 29)),
        event(UKR_TEXT, "e4", "THREATEN", "a3", "a2", "Putin could order a new offensive.",
              cameo="138", cameo_code="138", goldstein=-7.0, quad_class=3, modality="hypothetical"),
    ),
    quotes=(
        Quote("q1", "a2", "Ukraine", "Moscow of war crimes", "indirect", "accused",
              at(UKR_TEXT, "Moscow of war crimes")),
    ),
)  # fmt: skip

ME_TEXT = (
    "Iran launched drones at Israel on Saturday. Hezbollah met Iranian envoys in Beirut. "
    "Israel struck Hezbollah positions. Iran fired missiles at Israel, Israeli media reported."
)
MIDEAST = Extraction(
    article=Article(id="me-1", text=ME_TEXT, url="https://example.org/me", title="Drones over Israel",
                    published=date(2024, 4, 15)),
    actors=(
        actor(ME_TEXT, "a1", "country:IRN", "Iran", "IRN", "Iran", "Iranian"),
        actor(ME_TEXT, "a2", "country:ISR", "Israel", "ISR", "Israel"),
        actor(ME_TEXT, "a3", "org:HEZBOLLAH", "Hezbollah", "LBN", "Hezbollah", sector="REB", kind="org"),
    ),
    events=(
        event(ME_TEXT, "e1", "ASSAULT", "a1", "a2", "Iran launched drones at Israel on Saturday.",
              date=date(2024, 4, 13)),
        event(ME_TEXT, "e2", "CONSULT", "a3", "a1", "Hezbollah met Iranian envoys in Beirut.",
              cameo="040", cameo_code="040", goldstein=1.0, quad_class=1, date=date(2024, 4, 14)),
        event(ME_TEXT, "e3", "ASSAULT", "a2", "a3", "Israel struck Hezbollah positions.",
              date=date(2024, 4, 15)),
        event(ME_TEXT, "e4", "ASSAULT", "a1", "a2", "Iran fired missiles at Israel, Israeli media reported.",
              modality="reported"),
    ),
)  # fmt: skip


@pytest.fixture
def store() -> Iterator[Store]:
    with Store.open(":memory:") as opened:
        yield opened


@pytest.fixture
def full(store: Store) -> Store:
    """A store holding both articles."""
    store.add(UKRAINE)
    store.add(MIDEAST)
    return store


def ids(rows: list[EventRow]) -> list[tuple[str, str]]:
    """(article, event) of each row, the article named "ukr" or "me"."""
    doc = {UKRAINE.article.content_hash: "ukr", MIDEAST.article.content_hash: "me"}
    return [(doc[r.article_id], r.event_id) for r in rows]


def count(store: Store) -> tuple[int, ...]:
    s = store.summary()
    return (s.articles, s.actors, s.mentions, s.events, s.quotes, s.failures)


# -- the package -----------------------------------------------------------------------------------


def test_the_public_names_are_declared_and_sorted() -> None:
    import wirewatch.store as package

    assert package.__all__ == sorted(package.__all__)
    assert all(hasattr(package, name) for name in package.__all__)


# -- writing ---------------------------------------------------------------------------------------


def test_an_added_article_is_stored_with_everything_in_it(store: Store) -> None:
    assert store.add(UKRAINE) is True
    assert store.has(UKRAINE.article.content_hash)
    assert count(store) == (1, 3, 5, 4, 1, 0)
    assert store.extraction(UKRAINE.article.content_hash) == UKRAINE


def test_adding_the_same_article_twice_stores_it_once(store: Store) -> None:
    assert store.add(UKRAINE) is True
    assert store.add(UKRAINE) is False
    assert count(store) == (1, 3, 5, 4, 1, 0)


def test_an_article_is_known_by_its_text_not_its_document_id(store: Store) -> None:
    store.add(UKRAINE)
    same_text = Extraction(Article(id="another-id", text=UKR_TEXT))
    assert store.add(same_text) is False
    assert not store.has(Article(id="ukr-1", text=UKR_TEXT + " Updated.").content_hash)


def test_an_article_that_is_not_stored_reads_back_as_none(store: Store) -> None:
    assert store.extraction("0" * 64) is None
    assert not store.has("0" * 64)


def test_actors_are_shared_across_articles_and_the_first_write_wins(store: Store) -> None:
    store.add(UKRAINE)
    text = "The Kremlin denied it."
    renamed = actor(text, "a7", "country:RUS", "Russian Federation", "RUS", "Kremlin", how="metonym")
    store.add(Extraction(Article(id="ru-2", text=text), actors=(renamed,)))
    back = store.extraction(Article(id="ru-2", text=text).content_hash)
    assert back is not None
    assert back.actors[0].name == "Russia"
    assert back.actors[0].mentions == (Mention("Kremlin", (4, 11), "metonym"),)
    assert count(store)[1:3] == (3, 6)


def test_a_failure_is_recorded(store: Store) -> None:
    store.add_failure(Failure(id="doc-9", where="clean", error="binary file"))
    store.add_failure(Failure(id=None, where="ingest:feed.jsonl:3", error="not JSON"))
    assert store.summary().failures == 2


RUSSIA = Actor("a1", "country:RUS", "Russia", "country", "RUS", None)
X = Article("x", "x")


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (Extraction(X, events=(event("x", "e1", "AID", "a1", "a2", "x"),)), "actor 'a1'"),
        (
            Extraction(X, actors=(RUSSIA, Actor("a2", "country:RUS", "Russia", "org", None, None))),
            "actor key 'country:RUS' appears more than once",
        ),
        (Extraction(X, quotes=(Quote("q1", "a5", None, "x", "direct", None, (0, 1)),)), "'a5'"),
    ],
    ids=["an event names an unknown actor", "two actors share a key", "a quote's speaker is unknown"],
)  # fmt: skip
def test_an_inconsistent_extraction_is_refused_and_nothing_is_written(
    store: Store, broken: Extraction, message: str
) -> None:
    with pytest.raises(StoreError, match=message):
        store.add(broken)
    assert count(store) == (0, 0, 0, 0, 0, 0)


def test_an_interrupt_half_way_through_an_article_leaves_whole_articles_only(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.add(UKRAINE)

    insert = _write._insert

    def killed(con: object, sql: str, rows: list[tuple[object, ...]]) -> None:
        if sql == _write._QUOTES:
            raise KeyboardInterrupt
        insert(con, sql, rows)  # type: ignore[arg-type]

    monkeypatch.setattr(_write, "_insert", killed)  # the article, actors and events are written first
    with pytest.raises(KeyboardInterrupt):
        store.add(MIDEAST)
    assert not store.has(MIDEAST.article.content_hash)
    assert count(store) == (1, 3, 5, 4, 1, 0)
    assert store.events(source="IRN") == []
    monkeypatch.undo()
    assert store.add(MIDEAST) is True


KILLED_CHILD = """
import os, sys
from wirewatch.records import Actor, Article, Extraction
from wirewatch.store import Store, _write

def article(text, key):
    return Extraction(Article(text, text), (Actor("a1", key, key, "country", None, None),))

store = Store.open(sys.argv[1])
store.add(article("One.", "country:RUS"))
insert = _write._insert  # the process dies half-way through the second article, before its quotes
_write._insert = lambda con, sql, rows: os._exit(9) if sql == _write._QUOTES else insert(con, sql, rows)
store.add(article("Two.", "country:UKR"))
"""


def test_a_process_killed_between_articles_leaves_whole_articles_only(tmp_path: Path) -> None:
    path = tmp_path / "killed.duckdb"
    src = str(Path(wirewatch.__file__).parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    child = subprocess.run([sys.executable, "-c", KILLED_CHILD, str(path)], env=env, capture_output=True)
    assert child.returncode == 9, child.stderr.decode()
    with Store.open(path) as store:
        assert store.has(Article("One.", "One.").content_hash)
        assert not store.has(Article("Two.", "Two.").content_hash)
        assert count(store)[:2] == (1, 1)  # Ukraine, written before the kill, is gone with its article


# -- querying events -------------------------------------------------------------------------------


def test_events_are_ordered_by_date_then_article_then_position(full: Store) -> None:
    assert ids(full.events()) == [
        ("ukr", "e1"), ("ukr", "e3"), ("ukr", "e2"), ("me", "e1"), ("me", "e2"), ("me", "e3"), ("me", "e4"),
    ]  # fmt: skip


def test_an_event_row_names_its_actors_and_its_article(full: Store) -> None:
    assert full.events(type="ASSAULT", limit=1) == [
        EventRow(
            article_id=UKRAINE.article.content_hash, event_id="e1", type="ASSAULT", mode=None, cameo="190",
            goldstein=-10.0, quad_class=4, source=("Russia",), target=("Ukraine",), source_countries=("RUS",),
            target_countries=("UKR",), modality="asserted", according_to=None, date=date(2024, 2, 27),
            sentence="Russian forces struck Kyiv on Tuesday.", url="https://example.org/ukr",
            title="Strike on Kyiv", published=date(2024, 3, 1),
        )
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"source": "RUS"}, [("ukr", "e1"), ("ukr", "e3")]),
        ({"source": "rus"}, [("ukr", "e1"), ("ukr", "e3")]),
        ({"source": "RUSGOV"}, [("ukr", "e3")]),
        ({"source": "person:vladimir-putin"}, [("ukr", "e3")]),
        ({"source": "putin"}, [("ukr", "e3")]),
        ({"source": "Hezbollah"}, [("me", "e2")]),
        ({"source": "nobody"}, []),
        ({"target": "ISR"}, [("me", "e1"), ("me", "e4")]),
        ({"source": "IRN", "target": "ISR"}, [("me", "e1"), ("me", "e4")]),
        ({"type": "ASSAULT"}, [("ukr", "e1"), ("me", "e1"), ("me", "e3"), ("me", "e4")]),
        ({"type": "consult"}, [("me", "e2")]),
        ({"since": date(2024, 4, 14)}, [("me", "e2"), ("me", "e3"), ("me", "e4")]),
        ({"since": date(2024, 3, 1), "source": "UKR"}, [("ukr", "e2")]),
        ({"modalities": ("hypothetical",)}, [("ukr", "e4")]),
        ({"modalities": ()}, []),
        ({"limit": 2}, [("ukr", "e1"), ("ukr", "e3")]),
        ({"limit": 0}, []),
    ],
    ids=lambda value: repr(value) if isinstance(value, dict) else "",
)
def test_events_filter_by_actor_type_date_and_modality(
    full: Store, filters: dict[str, object], expected: list[tuple[str, str]]
) -> None:
    assert ids(full.events(**filters)) == expected  # type: ignore[arg-type]


def test_an_event_without_a_date_is_dated_by_its_article_for_since(full: Store) -> None:
    (row,) = full.events(since=date(2024, 3, 1), type="ACCUSE")
    assert row.date is None and row.published == date(2024, 3, 1)
    assert full.events(since=date(2024, 3, 2), type="ACCUSE") == []


@pytest.mark.parametrize("query", [lambda s: s.events(limit=-1), lambda s: s.actors(limit=-1),
                                   lambda s: s.quotes(limit=-2)])
def test_a_negative_limit_is_refused(full: Store, query) -> None:
    with pytest.raises(QueryError, match="limit must be 0 or more"):
        query(full)


def test_a_query_is_one_record_or_its_filters_as_keywords(full: Store) -> None:
    assert full.events(EventQuery(type="ASSAULT", limit=1)) == full.events(type="assault", limit=1)
    with pytest.raises(QueryError, match="no filter 'speaker'"):
        full.events(speaker="RUS")
    with pytest.raises(QueryError, match="not both"):
        full.events(EventQuery(), type="ASSAULT")


def test_an_unknown_modality_is_refused() -> None:
    with pytest.raises(QueryError, match="unknown modalities \\['rumoured'\\]"):
        EventQuery(modalities=("asserted", "rumoured"))


# -- the summary -----------------------------------------------------------------------------------


def test_summary_counts_events_by_type_and_top_country_pairs(full: Store) -> None:
    full.add_failure(Failure(id="doc-9", where="clean", error="binary file"))
    assert full.summary(top=2) == Summary(
        articles=2, actors=6, mentions=9, events=8, quotes=1, failures=1,
        events_by_type=(("ASSAULT", 4), ("ACCUSE", 1), ("CONSULT", 1), ("SUPPORT", 1)),
        top_pairs=(CountryPair("IRN", "ISR", 2), CountryPair("ISR", "LBN", 1)),
    )  # fmt: skip


def test_summary_ignores_pairs_within_one_country(full: Store) -> None:
    pairs = {(p.source, p.target) for p in full.summary(top=100).top_pairs}
    assert pairs == {("IRN", "ISR"), ("ISR", "LBN"), ("LBN", "IRN"), ("RUS", "UKR"), ("UKR", "RUS")}


def test_summary_can_count_other_modalities(full: Store) -> None:
    assert full.summary(modalities=("hypothetical",)).events_by_type == (("THREATEN", 1),)


def test_an_empty_store_summarises_to_zeros(store: Store) -> None:
    assert store.summary() == Summary(0, 0, 0, 0, 0, 0, events_by_type=(), top_pairs=())


# -- opening, versions and migrations --------------------------------------------------------------


def test_a_new_store_is_created_at_the_current_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    with Store.open(path) as store:
        assert store.version == SCHEMA_VERSION
        store.add(UKRAINE)
    with Store.open(str(path)) as store:
        assert store.has(UKRAINE.article.content_hash)


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "future.duckdb")
    Store.open(path).close()
    with duckdb.connect(path) as con:
        future = [SCHEMA_VERSION + 1, "from a newer wirewatch", datetime.now()]
        con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", future)
    with pytest.raises(SchemaError, match="upgrade wirewatch"):
        Store.open(path)
    with pytest.raises(SchemaError, match="upgrade wirewatch"):
        Store.open(path, read_only=True)


def test_an_old_database_is_migrated_when_opened(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    with duckdb.connect(path) as con:
        assert _schema.migrate(con, up_to=1) == 1
        views = con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
        assert views == []  # event_pairs arrives with version 2
        con.execute(  # an article written by a wirewatch that knew only version 1
            "INSERT INTO articles (article_id, doc_id, source, text, removed, ingested_at)"
            " VALUES ('old', 'old-doc', 'old.txt', 'An old article.', '[]', now())"
        )
    with Store.open(path) as store:
        assert store.version == SCHEMA_VERSION
        assert store.has("old")
        assert store.add(MIDEAST)
        assert store.summary(top=1).top_pairs == (CountryPair("IRN", "ISR", 2),)  # the view of version 2
        assert store.extraction(MIDEAST.article.content_hash) == MIDEAST


def test_migrations_are_numbered_one_up_in_order() -> None:
    assert [m.version for m in _schema.MIGRATIONS] == list(range(1, SCHEMA_VERSION + 1))


def test_a_read_only_store_answers_queries_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "news.duckdb"
    with Store.open(path) as store:
        store.add(UKRAINE)
    with Store.open(path, read_only=True) as store:
        assert len(store.events()) == 3
        with pytest.raises(StoreError, match="could not store article 'me-1'"):
            store.add(MIDEAST)


def test_an_old_database_opened_read_only_asks_to_be_migrated(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    with duckdb.connect(path) as con:
        _schema.migrate(con, up_to=1)
    with pytest.raises(StoreError, match="without read_only"):
        Store.open(path, read_only=True)


def test_a_store_that_cannot_be_opened_raises_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="could not open the store"):
        Store.open(tmp_path / "no" / "such" / "dir.duckdb")


# -- round trips -----------------------------------------------------------------------------------

texts = st.text(max_size=20)
maybe_texts = st.none() | texts
maybe_floats = st.none() | st.floats(allow_nan=False)
spans = st.tuples(st.integers(0, 2**31 - 1), st.integers(0, 2**31 - 1))


@st.composite
def extractions(draw: st.DrawFn) -> Extraction:
    """Extractions of arbitrary text, dates and None values whose events and quotes name their own actors."""
    article = Article(
        id=draw(texts), text=draw(st.text()), url=draw(maybe_texts), title=draw(maybe_texts),
        published=draw(st.none() | st.dates()), outlet=draw(maybe_texts), language=draw(maybe_texts),
        removed=tuple(draw(st.lists(st.builds(Removed, texts, texts), max_size=3))), source=draw(texts),
    )  # fmt: skip
    keys = draw(st.lists(texts, max_size=4, unique=True))
    local = draw(st.lists(texts, min_size=len(keys), max_size=len(keys), unique=True))
    mentions = st.lists(st.builds(Mention, texts, spans, texts), max_size=3).map(tuple)
    actors = tuple(
        Actor(i, k, draw(texts), draw(texts), draw(maybe_texts), draw(maybe_texts), draw(maybe_texts),
              draw(maybe_texts), draw(mentions), draw(maybe_texts))
        for i, k in zip(local, keys, strict=True)
    )  # fmt: skip
    refs = st.sampled_from(local) if local else st.nothing()
    sides = st.lists(refs, max_size=3 if local else 0).map(tuple)
    events = [draw(_events(event_id, sides, st.none() | refs)) for event_id in
              draw(st.lists(texts, max_size=4, unique=True))]  # fmt: skip
    quotes = [
        Quote(i, draw(st.none() | refs), draw(maybe_texts), draw(texts),
              draw(st.sampled_from(["direct", "indirect", "mixed"])), draw(maybe_texts), draw(spans))
        for i in draw(st.lists(texts, max_size=3, unique=True))
    ]  # fmt: skip
    return Extraction(article, actors, tuple(events), tuple(quotes))


def _events(
    event_id: str, sides: st.SearchStrategy[tuple[str, ...]], according_to: st.SearchStrategy[str | None]
) -> st.SearchStrategy[Event]:
    places = st.none() | st.builds(Location, texts, maybe_texts, maybe_floats, maybe_floats)
    return st.builds(
        Event, st.just(event_id), texts, maybe_texts, texts, texts, st.floats(allow_nan=False),
        st.integers(-(2**31), 2**31 - 1), sides, sides, st.sampled_from(MODALITIES), according_to,
        st.none() | st.dates(), st.sampled_from([None, "day", "week", "month", "year"]), places, texts, spans,
        st.floats(allow_nan=False), texts, texts,
    )  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_an_extraction_reads_back_as_it_was_stored(extraction: Extraction) -> None:
    with Store.open(":memory:") as store:
        assert store.add(extraction) is True
        assert store.extraction(extraction.article.content_hash) == extraction
        assert store.add(extraction) is False


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extractions())
def test_every_stored_event_comes_back_as_a_row_with_its_actors(extraction: Extraction) -> None:
    with Store.open(":memory:") as store:
        store.add(extraction)
        rows = {row.event_id: row for row in store.events(modalities=MODALITIES)}
    actors = {a.id: a for a in extraction.actors}
    assert rows.keys() == {e.id for e in extraction.events}
    for e in extraction.events:
        row = rows[e.id]
        assert (row.type, row.mode, row.cameo, row.goldstein) == (e.type, e.mode, e.cameo, e.goldstein)
        assert (row.quad_class, row.modality, row.date, row.sentence) == (e.quad_class, e.modality, e.date,
                                                                        e.sentence)  # fmt: skip
        assert row.source == tuple(actors[i].name for i in e.source)
        assert row.target == tuple(actors[i].name for i in e.target)
        assert set(row.source_countries) == {actors[i].country for i in e.source} - {None}
        assert row.according_to == (actors[e.according_to].name if e.according_to is not None else None)


def test_actors_and_quotes_are_queried_by_name_country_and_subject():
    from wirewatch.records import Quote as _Quote

    peskov = Actor("a1", "person:dmitry-peskov", "Dmitry Peskov", "person", "RUS", "GOV",
                   mentions=(Mention("Peskov", (0, 6), "surname"),))
    iran = Actor("a2", "country:IRN", "Iran", "state", "IRN", None, mentions=(Mention("Iran", (20, 24), "name"),))
    text = "Peskov said talks on Iran went well."
    quote = _Quote("q1", "a1", "Peskov", text[12:35], "indirect", "said", (12, 35))
    extraction = Extraction(Article("art", text, published=date(2024, 5, 1)), (peskov, iran), (), (quote,))
    with Store.open(":memory:") as store:
        assert store.add(extraction)
        assert [a.key for a in store.actors(country="RUS")] == ["person:dmitry-peskov"]
        assert store.actors(name="peskov")[0].variants == (("Peskov", 1),)
        assert [q.speaker for q in store.quotes(speaker="Peskov")] == ["Dmitry Peskov"]
        assert len(store.quotes(about="IRN")) == 1 and store.quotes(about="USA") == []
        assert len(store.quotes(about="talks")) == 1
