"""Benchmark: what reading web archives, telling languages and finding duplicates cost, per article.

Three figures, each against a baseline timed in this same run (rounds alternate; the median round counts):

- archives: pages per second and MB per second of ``read_paths`` over a generated ``.warc.gz`` (one gzip member
  per record, as crawlers write them), against fastwarc iterating the same file and reading every record's block
  (the floor for any WARC reader); and the peak Python memory while reading (tracemalloc), against the file size.
- languages: milliseconds per article of ``guess_language`` over the sample corpus, against ``clean`` (the stage
  it runs in) and against the whole extract (dedup off) on the same articles.
- duplicates: milliseconds per article of ``signature`` and of ``DuplicateIndex.match`` against an index already
  holding N originals, against the whole extract; and the memory the index takes per original (tracemalloc).

    .venv/bin/python benchmarks/bench_scale.py [--records N] [--originals N] [--rounds R]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import io
import random
import resource
import statistics
import string
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from wirewatch import api
from wirewatch.clean import clean
from wirewatch.clean._language import guess_language
from wirewatch.config import DedupConfig, load_config
from wirewatch.dedup import DuplicateIndex, signature
from wirewatch.ingest import read_paths
from wirewatch.records import Article, RawDocument
from wirewatch.sample import sample_documents

_VOCABULARY = ["".join(random.Random(i).choices(string.ascii_lowercase, k=3 + i % 8)) for i in range(3000)]
_CHROME = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(150))  # menus, links


def _page(n: int) -> str:
    """A news page (about 16 kB of HTML, 700 words of text) whose text differs from every other page's."""
    pick = random.Random(n).choices
    paragraphs = [" ".join(pick(_VOCABULARY, k=70)).capitalize() + "." for _ in range(10)]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>Story {n}</title></head><body><nav><ul>{_CHROME}</ul></nav>"
            f"<article><h1>Story {n}</h1>{body}</article><footer><ul>{_CHROME}</ul></footer></body></html>")


def _warc(path: Path, records: int) -> int:
    """Write the file, one gzip member a record; return the records' size uncompressed."""
    total = 0
    with open(path, "wb") as out:
        for n in range(records):
            html = _page(n).encode()
            block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
            record = WarcRecord()
            record.init_headers(WarcRecordType.response)
            record.headers["WARC-Target-URI"] = f"https://news.example/{n}"
            record.headers["Content-Type"] = "application/http; msgtype=response"
            record.set_bytes_content(block)
            buffer = io.BytesIO()
            record.write(buffer)
            out.write(gzip.compress(buffer.getvalue(), compresslevel=6))
            total += len(buffer.getvalue())
    return total


def _bare_fastwarc(path: Path) -> int:
    with open(path, "rb") as raw:
        return sum(len(r.reader.read()) > 0 for r in ArchiveIterator(raw, parse_http=False))


def _wirewatch(path: Path) -> int:
    return sum(1 for _ in read_paths([path]))


def _median_rounds(rounds: int, *timed: Callable[[], object]) -> list[float]:
    """The median seconds of each callable over ``rounds`` alternating rounds."""
    spent: list[list[float]] = [[] for _ in timed]
    for _ in range(rounds):
        for i, call in enumerate(timed):
            start = time.perf_counter()
            call()
            spent[i].append(time.perf_counter() - start)
    return [statistics.median(s) for s in spent]


def archives(records: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.warc.gz"
        raw = _warc(path, records)
        size = path.stat().st_size
        assert _wirewatch(path) == records
        bare, ours = _median_rounds(rounds, lambda: _bare_fastwarc(path), lambda: _wirewatch(path))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        tracemalloc.start()
        _wirewatch(path)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    print(f"archives: {records} records, {size / 1e6:.1f} MB gzipped ({raw / 1e6:.0f} MB inflated): wirewatch "
          f"{records / ours:,.0f} pages/s ({raw / 1e6 / ours:.0f} MB/s inflated), bare fastwarc {records / bare:,.0f} "
          f"records/s; time ratio {ours / bare:.2f}x; while reading: peak Python memory {peak / 1e6:.2f} MB, "
          f"peak RSS grew {grown / 1024:.1f} MB")


def _articles() -> list[Article]:
    return [clean(d) for d in sample_documents() if isinstance(d, RawDocument)]


def per_article(rounds: int, originals: int) -> None:
    """Language and duplicate checks against clean and against the whole extract, over the sample corpus."""
    docs = [d for d in sample_documents() if isinstance(d, RawDocument)]
    articles = _articles()
    config = dataclasses.replace(load_config(env={}), dedup=DedupConfig(enabled=False))
    list(api.extract(documents=docs[:2], config=config))  # load the model outside the timing
    tracemalloc.start()
    index = DuplicateIndex()
    for n in range(originals):
        index.add(f"{n:064x}", signature(_page(n)))
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sigs = [signature(a.text) for a in articles]
    extract, cleaning, language, signing, checking = _median_rounds(
        rounds,
        lambda: list(api.extract(documents=docs, config=config)),
        lambda: [clean(d) for d in docs],
        lambda: [guess_language(a.text) for a in articles],
        lambda: [signature(a.text) for a in articles],
        lambda: [index.match(f"q{i}", s) for i, s in enumerate(sigs)],
    )
    ms = 1000 / len(articles)
    print(f"languages: guess_language {language * ms:.2f} ms an article; clean {cleaning * ms:.1f} ms, which includes "
          f"it ({language / cleaning:.1%}); the whole extract {extract * ms:.0f} ms ({language / extract:.2%})")
    print(f"duplicates: signature {signing * ms:.2f} ms an article, check against {originals:,} originals "
          f"{checking * ms:.3f} ms; together {(signing + checking) / extract:.2%} of the whole extract; "
          f"the index holds {held / originals / 1000:.1f} kB per original")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000, help="records in the generated WARC file")
    parser.add_argument("--originals", type=int, default=5000, help="originals already in the duplicate index")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median counts")
    args = parser.parse_args(argv)
    archives(args.records, args.rounds)
    per_article(args.rounds, args.originals)
    print("reproduce: .venv/bin/python benchmarks/bench_scale.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
