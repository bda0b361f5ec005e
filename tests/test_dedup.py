"""Duplicates: a wire story republished by twenty outlets is coded once; each outlet's copy is kept as a report."""

from __future__ import annotations

import dataclasses
import multiprocessing
import pickle
import tracemalloc
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from wirewatch import api
from wirewatch.clean import clean
from wirewatch.config import Config, DedupConfig
from wirewatch.dedup import (
    NUM_PERM,
    DedupStage,
    DuplicateIndex,
    Signature,
    _bands,
    load_index,
    mark_duplicate,
    scheme_name,
    signature,
)
from wirewatch.errors import ConfigError
from wirewatch.records import Article, Extraction, RawDocument
from wirewatch.registry import build_stages
from wirewatch.store import Store

# A wire story, written for this test, as the agency sent it: one sentence per paragraph.
WIRE = [
    "Turkey and Ukraine agreed on Tuesday to resume talks on the safe passage of grain ships through the Black "
    "Sea, the Turkish foreign ministry said after a meeting in Ankara.",
    "Turkish Foreign Minister Hakan Fidan met his Ukrainian counterpart Andrii Sybiha for three hours, and the two "
    "sides signed a memorandum setting up a joint working group on shipping.",
    "The group will meet in Istanbul next month to draw up rules for inspecting vessels bound for Ukrainian ports, "
    "a ministry official said on condition of anonymity.",
    "Fidan told reporters that Ankara was ready to host a wider conference on maritime security if Russia agreed "
    "to take part, but Moscow has so far refused to send a delegation.",
    "Sybiha thanked Turkey for its mediation and said Ukraine expected the first convoys to sail before the "
    "harvest, when storage on the Odesa coast runs short.",
    "Exports of wheat and maize from Ukrainian ports fell by a third last year after a series of drone strikes on "
    "grain terminals, according to figures from the agriculture ministry.",
    "Insurers have raised premiums for ships calling at Black Sea ports, and several shipping companies have "
    "suspended sailings until the talks produce written guarantees.",
    "The European Union welcomed the agreement and said it would consider funding for mine clearance along the "
    "shipping lanes, a spokesperson for the European Commission said in Brussels.",
    "Russia's foreign ministry did not respond to a request for comment on Tuesday evening.",
    "The last round of talks on Black Sea shipping collapsed in the summer of 2023, when Moscow pulled out of a "
    "deal brokered by Turkey and the United Nations.",
]
OUTLETS = ["Daily Courier", "The Morning Herald", "Baltic Times Online", "Cape Argus Wire", "Harbour Gazette",
           "Prairie Post", "Lagos Ledger", "Andes Observer", "Gulf Tribune", "Danube Review", "Sahel Monitor",
           "Pacific Dispatch", "Nordic Chronicle", "Deccan Mail", "Atlas Journal", "Mekong Standard",
           "Highland News", "Caspian Reporter", "Channel Times", "Savanna Star"]
BOILERPLATE = ["Copyright {year} {outlet}. All rights reserved.", "Reporting by our correspondents; editing by "
               "the {outlet} news desk.", "This story was published from a wire agency feed without "
               "modifications to the text.", "Read more world news on {outlet}.", ""]
HEADLINES = ["Turkey, Ukraine to resume Black Sea grain talks", "Ankara and Kyiv agree to restart shipping talks",
             "Grain corridor talks back on after Ankara meeting", "Turkey and Ukraine set up shipping working group"]
ADDED = ("Analysts said the agreement could ease pressure on global wheat prices, which rose sharply in the "
         "spring.")


def copy_of_wire(n: int) -> RawDocument:
    """The story as outlet ``n`` ran it: its own headline and boilerplate, a sentence added or trimmed."""
    outlet = OUTLETS[n]
    paragraphs = list(WIRE)
    if n % 3 == 1:
        paragraphs.insert(6, ADDED)
    elif n % 3 == 2:
        del paragraphs[-1]
    if n % 4 == 3:
        paragraphs[0] = paragraphs[0].replace("said after a meeting", "said in a statement after a meeting")
    if n % 5 == 4:
        paragraphs[8] = "Moscow did not immediately comment."
    paragraphs.insert(5 + n % 4, f"The {outlet} could not independently verify the export figures.")
    tail = BOILERPLATE[n % len(BOILERPLATE)].format(year=2024, outlet=outlet)
    text = "\n\n".join([f"ANKARA, April 23 ({outlet}) - " + paragraphs[0], *paragraphs[1:], *([tail] if tail else [])])
    return RawDocument(id=f"copy-{n:02d}", source=f"feed-{n:02d}", text=text, title=HEADLINES[n % len(HEADLINES)],
                       outlet=outlet, url=f"https://{outlet.lower().replace(' ', '-')}.example/world/{n}",
                       published=date(2024, 4, 23))


# Three other stories on the same topic (Black Sea shipping, Turkey, Ukraine), written independently.
SAME_TOPIC = [
    "Ukrainian grain exporters said on Wednesday that they would wait for the Ankara working group before booking "
    "ships, because insurers still refused to cover voyages near the Crimean coast.\n\nThe head of the national "
    "grain union told a press conference in Kyiv that farmers had stored much of last year's maize in temporary "
    "silos and could not hold the new harvest as well.\n\nHe urged Turkey to press Russia for a written "
    "commitment not to strike merchant ships in the western Black Sea.",
    "Russia said on Thursday that it would not join talks on Black Sea shipping hosted by Turkey, calling the "
    "meeting between Turkish and Ukrainian ministers a political show.\n\nA spokeswoman for the Russian foreign "
    "ministry told a weekly briefing in Moscow that any arrangement for grain exports must first lift Western "
    "restrictions on Russian agricultural banks.\n\nTurkish officials said the invitation to Moscow remained open.",
    "Turkish naval vessels began escorting a convoy of four bulk carriers from the port of Chornomorsk on Friday, "
    "the defence ministry in Ankara said, the first such operation this year.\n\nThe ships, loaded with wheat for "
    "Egypt and Tunisia, were expected to reach the Bosphorus within two days.\n\nUkraine's navy said it had "
    "swept the route for mines overnight.",
]


def cleaned(doc: RawDocument) -> Article:
    return clean(doc)


def marked(docs: list[RawDocument], index: DuplicateIndex | None = None) -> list[Article]:
    index = index if index is not None else DuplicateIndex()
    return [mark_duplicate(cleaned(doc), index) for doc in docs]


def same_topic(n: int) -> RawDocument:
    return RawDocument(id=f"topic-{n}", source=f"topic-{n}", text=SAME_TOPIC[n], published=date(2024, 4, 24))


# --- signatures and the index ----------------------------------------------------------------------------


def test_a_signature_is_deterministic_small_and_picklable() -> None:
    text = "\n\n".join(WIRE)
    sig = signature(text)
    assert sig == signature(text)
    assert len(sig.values) == 512 and sig.scheme == "minhash.affine32.w5.p128.s1"
    assert pickle.loads(pickle.dumps(sig)) == sig
    assert signature("").empty and not sig.empty


def _signature_elsewhere(text: str) -> Signature:
    return signature(text)


def test_a_worker_process_computes_the_same_signature() -> None:
    text = "\n\n".join(WIRE)
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(_signature_elsewhere, text).result() == signature(text)


def test_twenty_edited_copies_of_a_wire_story_give_one_original_and_nineteen_near_duplicates() -> None:
    articles = marked([copy_of_wire(n) for n in range(20)])
    original = articles[0]
    assert original.duplicate_of is None and original.not_coded is None
    assert len({a.content_hash for a in articles}) == 20  # every copy's text differs
    for copy in articles[1:]:
        assert copy.duplicate_of == original.content_hash, copy.id
        assert copy.not_coded == f"near-duplicate of {original.content_hash}"


def test_unrelated_stories_on_the_same_topic_are_not_merged() -> None:
    articles = marked([copy_of_wire(0), *(same_topic(n) for n in range(3)), copy_of_wire(5)])
    assert [a.duplicate_of is None for a in articles] == [True, True, True, True, False]


def test_the_same_text_again_is_a_duplicate_of_itself() -> None:
    first, again = marked([copy_of_wire(0), dataclasses.replace(copy_of_wire(0), id="again", outlet="Other")])
    assert first.duplicate_of is None
    assert again.duplicate_of == first.content_hash and "the same text" in (again.not_coded or "")


def test_an_empty_text_is_never_a_duplicate() -> None:
    index = DuplicateIndex()
    empty = Article(id="e", text="")
    assert mark_duplicate(empty, index) == empty and mark_duplicate(empty, index) == empty
    assert len(index) == 0


def test_the_threshold_decides_how_alike_copies_must_be() -> None:
    trimmed = dataclasses.replace(copy_of_wire(1), text="\n\n".join(WIRE[:4]))
    strict = marked([copy_of_wire(0), trimmed], DuplicateIndex(threshold=0.9))
    loose = marked([copy_of_wire(0), trimmed], DuplicateIndex(threshold=0.3))
    assert strict[1].duplicate_of is None
    assert loose[1].duplicate_of == loose[0].content_hash


def test_the_index_forgets_its_oldest_originals_beyond_its_size() -> None:
    index = DuplicateIndex(max_originals=2)
    first, *_ = marked([copy_of_wire(0), *(same_topic(n) for n in range(2))], index)
    assert len(index) == 2 and first.content_hash not in index
    assert mark_duplicate(cleaned(copy_of_wire(9)), index).duplicate_of is None  # its original was forgotten


def test_an_index_refuses_signatures_of_another_scheme() -> None:
    with pytest.raises(ConfigError, match="scheme"):
        DuplicateIndex(shingle_words=3).check("k", signature("some words here to compare", shingle_words=5))


def test_the_index_pickles_with_what_it_remembers() -> None:
    index = DuplicateIndex()
    marked([copy_of_wire(0)], index)
    again = pickle.loads(pickle.dumps(index))
    assert mark_duplicate(cleaned(copy_of_wire(7)), again).duplicate_of == cleaned(copy_of_wire(0)).content_hash


# --- a large index: small, and the same answers --------------------------------------------------------------


def random_signatures(count: int, *, seed: int = 1) -> list[Signature]:
    """Signatures of ``count`` unrelated texts (random minima)."""
    rows = np.random.default_rng(seed).integers(0, 2**32 - 1, size=(count, NUM_PERM), dtype=np.uint32)
    return [Signature(row.astype("<u4").tobytes(), scheme_name(5)) for row in rows]


def planted_copies(count: int, *, seed: int) -> list[tuple[str, Signature]]:
    """Keys and signatures where two in five copy an earlier one with 5–80 % of its minima changed; a few are
    empty, and a few repeat an earlier key."""
    rng = np.random.default_rng(seed)
    made: list[np.ndarray] = []
    out: list[tuple[str, Signature]] = []
    for n in range(count):
        if made and rng.random() < 0.4:
            values = made[int(rng.integers(len(made)))].copy()
            values[rng.random(NUM_PERM) < rng.uniform(0.05, 0.8)] = rng.integers(0, 2**32 - 1, dtype=np.uint32)
        else:
            values = rng.integers(0, 2**32 - 1, size=NUM_PERM, dtype=np.uint32)
            values[:] = 0xFFFFFFFF if rng.random() < 0.03 else values
        made.append(values)
        key = f"{int(rng.integers(n)):064x}" if n and rng.random() < 0.02 else f"{n:064x}"
        out.append((key, Signature(values.astype("<u4").tobytes(), scheme_name(5))))
    return out


def banded_minhash(items: list[tuple[str, Signature]], *, threshold: float, max_originals: int) -> list[str | None]:
    """What check() must answer, found the slow way: an earlier original's key for the same key; else among the
    newest ``max_originals`` originals that agree with the signature on every row of at least one band, the most
    similar at or above the threshold (the oldest among equals)."""
    bands, rows = _bands(threshold)
    keys: list[str] = []
    kept = np.empty((len(items), NUM_PERM), dtype=np.uint32)
    answers: list[str | None] = []
    for key, sig in items:
        live = range(max(0, len(keys) - max_originals), len(keys))
        if key in keys[live.start:]:
            answers.append(key)
            continue
        values = sig.array()
        equal = kept[live.start:live.stop] == values
        shares_a_band = equal[:, : bands * rows].reshape(len(live), bands, rows).all(axis=2).any(axis=1)
        similarity = np.where(shares_a_band, equal.sum(axis=1) / NUM_PERM, -1.0)
        best = int(similarity.argmax()) if len(live) else 0
        found = keys[live.start + best] if len(live) and not sig.empty and similarity[best] >= threshold else None
        answers.append(found)
        if found is None and not sig.empty:
            kept[len(keys)] = values
            keys.append(key)
    return answers


@pytest.mark.parametrize(("threshold", "max_originals"), [(0.5, 50_000), (0.5, 200), (0.3, 700), (0.8, 300)])
def test_the_index_answers_as_banded_minhash_over_the_exact_signatures(threshold: float, max_originals: int) -> None:
    items = planted_copies(1500, seed=int(threshold * 10) + max_originals)
    index = DuplicateIndex(threshold=threshold, max_originals=max_originals)
    answers = []
    for n, (key, sig) in enumerate(items):
        answers.append(index.check(key, sig))
        if n % 500 == 499:  # a shipped index goes on answering the same
            index = pickle.loads(pickle.dumps(index))
    assert answers == banded_minhash(items, threshold=threshold, max_originals=max_originals)
    assert sum(answer is not None for answer in answers) > 50  # not a vacuous comparison
    assert len(index) == min(max_originals, sum(answer is None and not sig.empty
                                                for answer, (_, sig) in zip(answers, items, strict=True)))


def test_among_equally_similar_originals_the_oldest_is_the_answer() -> None:
    story = np.arange(NUM_PERM, dtype="<u4")
    front, back = story.copy(), story.copy()
    front[NUM_PERM // 2 :] += 1000  # agrees with the story on its first half, and with back on nothing
    back[: NUM_PERM // 2] += 1000  # on its second half
    index = DuplicateIndex(threshold=0.5)
    for key, values in [("front", front), ("back", back)]:
        assert index.check(key, Signature(values.tobytes(), scheme_name(5))) is None
    assert index.match("story", Signature(story.tobytes(), scheme_name(5))) == "front"


def test_the_index_holds_at_most_about_2_kB_per_original() -> None:
    sigs = random_signatures(5000)
    tracemalloc.start()
    try:
        index = DuplicateIndex()
        for n, sig in enumerate(sigs):
            index.add(f"{n:064x}", sig)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(index) == 5000
    assert held / 5000 <= 2048  # a signature alone is 512 bytes; datasketch's LSH took about 13 kB


def test_an_index_at_its_size_holds_no_more_as_originals_keep_coming() -> None:
    sigs = random_signatures(8000, seed=2)
    tracemalloc.start()
    try:
        index = DuplicateIndex(max_originals=1000)
        for n, sig in enumerate(sigs[:1000]):
            index.add(f"{n:064x}", sig)
        full, _ = tracemalloc.get_traced_memory()
        for n, sig in enumerate(sigs[1000:], start=1000):
            index.add(f"{n:064x}", sig)
        later, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(index) == 1000 and f"{6999:064x}" not in index and f"{7000:064x}" in index
    assert later < 2 * full


def test_a_large_index_finds_the_same_copies_of_the_wire_story() -> None:
    alone = marked([copy_of_wire(n) for n in range(20)])
    crowded = DuplicateIndex()
    for n, sig in enumerate(random_signatures(5000)):
        crowded.add(f"{n:064x}", sig)
    assert marked([copy_of_wire(n) for n in range(20)], crowded) == alone
    early = DuplicateIndex()  # the original before the crowd
    first, *copies = [cleaned(copy_of_wire(n)) for n in range(20)]
    assert mark_duplicate(first, early) == first
    for n, sig in enumerate(random_signatures(5000, seed=3)):
        early.add(f"{n:064x}", sig)
    assert [mark_duplicate(copy, early) for copy in copies] == alone[1:]
    assert early.signature(first.content_hash) == signature(first.text)


def test_the_dedup_stage_follows_clean_and_comes_before_annotation(config: Config) -> None:
    names = [stage.name for stage in build_stages(config)]
    assert names[:3] == ["clean", "dedup", "annotate"]
    disabled = dataclasses.replace(config, dedup=DedupConfig(enabled=False))
    assert "dedup" not in [stage.name for stage in build_stages(disabled)]
    assert isinstance(build_stages(config)[1], DedupStage)


# --- across runs, through the store -----------------------------------------------------------------------


def test_an_index_rebuilt_from_a_store_catches_copies_of_articles_stored_before(tmp_path: Path) -> None:
    original = cleaned(copy_of_wire(0))
    with Store.open(tmp_path / "news.duckdb") as store:
        assert store.add(Extraction(original))  # stored by an earlier run, before signatures existed
        index = load_index(store.duplicates, DedupConfig())
        assert original.content_hash in index
        assert store.duplicates.unsigned(index.scheme, newest=10) == []  # signed on first use, once
    with Store.open(tmp_path / "news.duckdb") as store:
        index = load_index(store.duplicates, DedupConfig())
    assert mark_duplicate(cleaned(copy_of_wire(11)), index).duplicate_of == original.content_hash


@pytest.mark.slow
def test_ingest_codes_the_story_once_and_keeps_every_outlets_copy_as_a_report(tmp_path: Path, config: Config) -> None:
    db = tmp_path / "news.duckdb"
    exact = dataclasses.replace(copy_of_wire(0), id="exact", outlet="Mirror Site", url="https://mirror.example/1",
                                source="mirror")
    docs = [*(copy_of_wire(n) for n in range(20)), *(same_topic(n) for n in range(3)), exact]
    report = api.ingest(documents=docs, db=db, config=config)
    assert (report.added, report.duplicates) == (23, 1)
    with Store.open(db, read_only=True) as store:
        coded = store._con.execute(
            "SELECT doc_id FROM articles WHERE not_coded IS NULL ORDER BY doc_id").fetchall()
        assert [row[0] for row in coded] == ["copy-00", "topic-0", "topic-1", "topic-2"]
        original = cleaned(copy_of_wire(0)).content_hash
        events = store._con.execute("SELECT DISTINCT article_id FROM events").fetchall()
        assert original in {row[0] for row in events}
        assert not store._con.execute(
            "SELECT count(*) FROM events JOIN articles USING (article_id) WHERE duplicate_of IS NOT NULL"
        ).fetchone()[0]
        reports = store.reports(original)
        assert [r.kind for r in reports].count("near-duplicate") == 19
        assert {r.outlet for r in reports} == {*OUTLETS, "Mirror Site"}
        assert reports[0].kind == "original" and reports[0].doc_id == "copy-00"
        assert ("exact", "copy") in {(r.doc_id, r.kind) for r in reports}
        assert store.reports(cleaned(copy_of_wire(3)).content_hash) == reports  # asked of a copy: the same list
        per_event = store._con.execute(
            "SELECT count(DISTINCT outlet) FROM event_reports WHERE article_id = ? GROUP BY event_id", [original]
        ).fetchall()
        assert per_event and {row[0] for row in per_event} == {21}

    again = api.ingest(documents=docs, db=db, config=config)
    assert (again.added, again.duplicates) == (0, 24)
    with Store.open(db, read_only=True) as store:
        assert store._con.execute("SELECT count(*) FROM copies").fetchone()[0] == 1
        assert len(store.reports(original)) == 21

    late = dataclasses.replace(copy_of_wire(13), id="late", outlet="Late Edition", text=copy_of_wire(13).text
                               + "\n\nThe talks are due to resume in Istanbul in May.")
    third = api.ingest(documents=[late], db=db, config=config)
    assert third.added == 1
    with Store.open(db, read_only=True) as store:
        row = store._con.execute("SELECT duplicate_of, not_coded FROM articles WHERE doc_id = 'late'").fetchone()
        assert row == (original, f"near-duplicate of {original}")


@pytest.mark.slow
def test_duplicates_are_the_same_with_several_spacy_processes(config: Config) -> None:
    docs = [copy_of_wire(n) for n in (0, 4, 8)] + [same_topic(0)]
    one = [r for r in api.extract(documents=docs, config=config) if isinstance(r, Extraction)]
    two_processes = dataclasses.replace(config, model=dataclasses.replace(config.model, n_process=2, batch_size=1))
    two = [r for r in api.extract(documents=docs, config=two_processes) if isinstance(r, Extraction)]
    assert [r.article.duplicate_of for r in two] == [r.article.duplicate_of for r in one]
    assert [r.article.duplicate_of is None for r in one] == [True, False, False, True]
    assert [len(r.events) for r in two] == [len(r.events) for r in one]
