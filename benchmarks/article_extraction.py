"""Web pages: article bodies, metadata and cost, ours (``wirewatch.clean``) against trafilatura alone.

Two public sets under ``../shared/eval/article_extraction`` (skipped with a message when absent):

- ``scrapinghub``: 181 pages with their article bodies. The benchmark's own metric, reimplemented here: each
  text is cut into word tokens (runs of letters, digits and underscores, case kept); its shingles are the
  runs of four consecutive tokens, counted as a multiset (a text of fewer than four tokens is one shingle).
  Per page, precision is the share of predicted shingles found in the gold body and recall the share of gold
  shingles predicted (a page with nothing predicted has no precision, and recall 0). Precision and recall are
  averaged over the pages that have them; F1 is taken from the two averages. The baseline is
  ``trafilatura.extract(html, favor_precision=True, include_comments=False)``; ours is ``clean()`` with the
  default configuration (its ``text``). Both run in this process, page by page in turn (with trafilatura's
  ``bare_extraction(with_metadata=True)`` as a second time baseline: what ``clean()`` ran before), and the
  time each takes is summed: milliseconds per page, the median round of ``--rounds``.
- ``naeb``: 421 news pages with their title, date and authors. Accuracy, ours (``clean()``: ``title``,
  ``published``, ``authors``) against trafilatura's own metadata (``bare_extraction(with_metadata=True)``):
  *title* is right when both are equal after Unicode normalisation, case folding, straight quotes and dashes
  and collapsed spaces, a final full stop ignored (all pages); *date* when it is the same day (the pages
  with a gold date); *authors* when the sets of names are equal, names compared without accents, case or
  punctuation, gold names split at commas and semicolons, trafilatura's at semicolons (all pages: a page
  whose gold has no author is right when none is found). The same shingle metric is printed for the bodies.

    .venv/bin/python benchmarks/article_extraction.py [--rounds N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from wirewatch.clean import clean
from wirewatch.records import Article, RawDocument

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "article_extraction"
COMMAND = ".venv/bin/python benchmarks/article_extraction.py"

_TOKEN = re.compile(r"\w+")
_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})


# --- the shingle metric -----------------------------------------------------------------------------------


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of runs of ``n`` consecutive word tokens; a shorter text is one shingle (none when empty)."""
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass(frozen=True, slots=True)
class Overlap:
    """Shingles in both texts, only in the prediction, only in the gold text."""

    both: int
    extra: int
    missed: int

    @classmethod
    def of(cls, gold: str, predicted: str) -> Overlap:
        """Compare a predicted body with the gold one."""
        g, p = shingles(gold), shingles(predicted)
        return cls(sum((g & p).values()), sum((p - g).values()), sum((g - p).values()))

    @property
    def precision(self) -> float | None:
        """The share of predicted shingles in the gold text; None when nothing was predicted."""
        return self.both / (self.both + self.extra) if self.both + self.extra else None

    @property
    def recall(self) -> float | None:
        """The share of gold shingles predicted; None when the gold text is empty."""
        return self.both / (self.both + self.missed) if self.both + self.missed else None


def scores(overlaps: Iterable[Overlap]) -> tuple[float, float, float]:
    """Precision and recall averaged over the pages that have them, and F1 of the two averages."""
    rows = list(overlaps)
    p = _mean([o.precision for o in rows if o.precision is not None])
    r = _mean([o.recall for o in rows if o.recall is not None])
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


# --- scrapinghub: bodies and speed ------------------------------------------------------------------------


def _read_gz(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read()


def _baseline_body(html: str) -> str:
    return trafilatura.extract(html, favor_precision=True, include_comments=False) or ""


def _ours(html: str, url: str | None) -> Article:
    return clean(RawDocument(id="page", source="benchmark", html=html, url=url))


def _with_metadata(html: str) -> object:
    return trafilatura.bare_extraction(html, favor_precision=True, include_comments=False, with_metadata=True)


def scrapinghub(folder: Path, rounds: int) -> None:
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: _read_gz(folder / "html" / f"{key}.html.gz") for key in gold}
    first = next(iter(pages.values()))
    _baseline_body(first), _with_metadata(first), _ours(first, None)  # warm up: models and tables load once
    theirs: dict[str, Overlap] = {}
    ours: dict[str, Overlap] = {}
    kinds: Counter[str] = Counter()
    spent: list[list[float]] = []  # per round: trafilatura alone, trafilatura with metadata, ours
    for round_ in range(rounds):
        totals = [0.0, 0.0, 0.0]
        for key, html in pages.items():  # the three take turns page by page, so load hits them alike
            body, totals[0] = _add(totals[0], lambda html=html: _baseline_body(html))
            _, totals[1] = _add(totals[1], lambda html=html: _with_metadata(html))
            article, totals[2] = _add(totals[2], lambda html=html: _ours(html, None))
            assert isinstance(body, str) and isinstance(article, Article)
            theirs[key] = Overlap.of(gold[key].get("articleBody", ""), body)
            ours[key] = Overlap.of(gold[key].get("articleBody", ""), article.text)
            kinds[article.page_kind] += round_ == 0
        spent.append(totals)
    middle = sorted(spent, key=lambda t: t[2] / t[0])[len(spent) // 2]
    ms = [1000 * t / len(pages) for t in middle]
    print(f"scrapinghub, {len(pages)} pages (shingle metric: precision, recall, F1; ms per page, median of "
          f"{rounds} round{'s' if rounds > 1 else ''}):")  # fmt: skip
    _line("trafilatura (favor_precision, no comments)", scores(theirs.values()), ms[0])
    _line("wirewatch clean()", scores(ours.values()), ms[2])
    print(
        f"  cost: ours takes {middle[2] / middle[0]:.2f}x the time of trafilatura alone, "
        f"{middle[2] / middle[1]:.2f}x that of trafilatura with its metadata ({ms[1]:.1f} ms/page)"
    )
    print(f"  page kinds given (every page is an article): {dict(kinds)}")


def _add(total: float, function: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    result = function()
    return result, total + time.perf_counter() - start


def _line(name: str, prf: tuple[float, float, float], ms: float | None = None) -> None:
    p, r, f1 = prf
    timing = f"  {ms:6.1f} ms/page" if ms is not None else ""
    print(f"  {name:44} P {p:.4f}  R {r:.4f}  F1 {f1:.4f}{timing}")


# --- naeb: metadata ---------------------------------------------------------------------------------------


def title_key(title: str | None) -> str:
    """A title folded for comparison: Unicode form, case, quotes, dashes, spaces, a final full stop."""
    folded = unicodedata.normalize("NFKC", title or "").translate(_STRAIGHT).casefold()
    return " ".join(folded.split()).rstrip(" .")


def name_key(name: str) -> str:
    """A name folded for comparison: no accents, case or punctuation."""
    folded = unicodedata.normalize("NFKD", name).translate(_STRAIGHT).casefold()
    letters = "".join(c if c.isalnum() else " " for c in folded if not unicodedata.combining(c))
    return " ".join(letters.split())


def _names(names: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in (name_key(n) for n in names) if k)


@dataclass
class Tally:
    """Right answers per field, for one extractor."""

    title: int = 0
    date: int = 0
    authors: int = 0

    def add(self, gold: dict[str, str], title: str | None, day: str | None, authors: frozenset[str]) -> None:
        self.title += title_key(title) == title_key(gold["title"])
        self.date += bool(gold["date"]) and day == gold["date"]
        self.authors += authors == _names(re.split(r"[,;]", gold["authors"]))


def naeb(folder: Path) -> None:
    records = json.loads((folder / "news_articles.json").read_text(encoding="utf-8"))
    pages = [(r, folder / "html" / f"{r['html_file']}.html.gz") for r in records]
    pages = [(r, path) for r, path in pages if path.is_file()]
    theirs, ours = Tally(), Tally()
    their_bodies: list[Overlap] = []
    our_bodies: list[Overlap] = []
    kinds: Counter[str] = Counter()
    for record, path in pages:
        html = _read_gz(path)
        doc = trafilatura.bare_extraction(
            html, url=record["link"], favor_precision=True, include_comments=False, with_metadata=True
        )
        if doc is None:
            doc = trafilatura.extract_metadata(html, default_url=record["link"])
        theirs.add(record, doc.title, (doc.date or "")[:10] or None, _names((doc.author or "").split(";")))
        their_bodies.append(Overlap.of(record["text"], doc.text or ""))
        article = _ours(html, record["link"])
        ours.add(
            record, article.title, article.published.isoformat() if article.published else None, _names(article.authors)
        )
        our_bodies.append(Overlap.of(record["text"], article.text))
        kinds[article.page_kind] += 1
    n, dated = len(pages), sum(1 for r, _ in pages if r["date"])
    print(f"naeb, {n} pages ({dated} with a gold date): accuracy of title, date, authors")
    for name, tally in (("trafilatura bare_extraction(with_metadata)", theirs), ("wirewatch clean()", ours)):
        print(
            f"  {name:44} title {tally.title / n:.4f}  date {tally.date / dated:.4f}  authors {tally.authors / n:.4f}"
        )
    print("  bodies, same shingle metric:")
    _line("trafilatura (favor_precision, no comments)", scores(their_bodies))
    _line("wirewatch clean()", scores(our_bodies))
    print(f"  page kinds given (every page is an article): {dict(kinds)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="timing rounds over the ScrapingHub pages (median)")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"{EVAL} not found: this benchmark needs ../shared/eval/article_extraction beside the checkout; skipped")
        return 0
    print(f"trafilatura {trafilatura.__version__}")
    scrapinghub(EVAL / "scrapinghub", max(args.rounds, 1))
    naeb(EVAL / "naeb")
    print(f"reproduce: {COMMAND}" + (f" --rounds {args.rounds}" if args.rounds != 1 else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
