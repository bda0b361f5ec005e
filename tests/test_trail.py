"""The evaluation trail: no sentence or clause of the seeds or of an evaluation set is copied into the project.

The project's own text (``src/``, ``tests/``, ``training/``, ``benchmarks/``, README, CHANGELOG) may share no run of
:data:`RUN` words with the seed articles or the sentences of the evaluation sets in ``../shared`` (PLOVER gold,
PETR2, plv dev, polnear dev). A run that is mostly names and titles (more than half its words capitalised in the
shared text: "Secretary of the Supreme National Security Council") is a fact, not a copy. Examples in code, comments
and tests are written for the project; see ``../shared/README.md``. The comparison skips when ``../shared`` is absent.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from itertools import accumulate
from pathlib import Path

import pytest

from .conftest import shared_path

ROOT = Path(__file__).resolve().parents[1]
#: The shortest shared run that counts as a copy.
RUN = 7
PROJECT_DIRS = ("src", "tests", "training", "benchmarks")
PROJECT_FILES = ("README.md", "CHANGELOG.md")
_BINARY = frozenset({".npz", ".gz", ".parquet", ".duckdb", ".pyc", ".png", ".jpg", ".pdf", ".warc", ".arc"})
#: Boilerplate every site prints is no one's sentence.
STOCK = ("Leave a Reply Your email address will not be published. Required fields are marked *",)
_WORD = re.compile(r"[A-Za-z0-9]+")
_ESCAPE = re.compile(r"\\u[0-9a-fA-F]{4}")


Run = tuple[str, ...]


def _words(text: str) -> list[str]:
    return _WORD.findall(_ESCAPE.sub(" ", text))  # "\u2019" written out in JSON is a mark, not a word


def runs(text: str) -> Iterator[Run]:
    """Every run of :data:`RUN` words of a text, lower-cased."""
    words = [w.lower() for w in _words(text)]
    return zip(*(words[i:] for i in range(RUN)), strict=False)


def name_free_runs(text: str) -> Iterator[Run]:
    """The runs of a text that are not mostly capitalised words (names and titles)."""
    counts = list(accumulate((w[0].isupper() for w in _words(text)), initial=0))
    for run, before, after in zip(runs(text), counts, counts[RUN:], strict=False):
        if (after - before) * 2 <= RUN:
            yield run


def shared_runs(project: Iterable[tuple[str, str]], sources: Iterable[tuple[str, str]]) -> list[str]:
    """One line for each run of a shared text found in a project text: where, from which source, and the words."""
    theirs = {run: source for source, text in sources for run in name_free_runs(text)}
    for run in (run for text in STOCK for run in runs(text)):
        theirs.pop(run, None)
    lines = []
    for name, text in project:
        if not theirs.keys().isdisjoint(runs(text)):
            lines += sorted({f"{name}: '{' '.join(run)}' ({theirs[run]})" for run in runs(text) if run in theirs})
    return lines


def _project_texts() -> Iterator[tuple[str, str]]:
    paths = [p for d in PROJECT_DIRS for p in sorted((ROOT / d).rglob("*")) if p.is_file()]
    for path in [*paths, *(ROOT / f for f in PROJECT_FILES)]:
        if path.suffix in _BINARY or "__pycache__" in path.parts or not path.exists():
            continue
        try:
            yield str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue


def _shared_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """The seeds and every evaluation sentence, streamed one text at a time."""
    for path in sorted((shared / "seeds").glob("*.txt")):
        yield f"seed {path.name}", path.read_text(encoding="utf-8")
    for record in json.loads((shared / "eval/plover_gsr/PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8")):
        yield "PLOVER gold", record.get("text") or ""
    petr2 = (shared / "eval/petr2_gsr/PETR2_GSR_validation.xml").read_text(encoding="utf-8")
    for text in re.findall(r"<Text>(.*?)</Text>", petr2, re.S):
        yield "PETR2 gold", text
    for name, path, key in (("plv dev", "eval/plv_dev/plv_train.jsonl", "sentence"),
                            ("polnear dev", "eval/polnear_dev/polnear_dev.jsonl", "text")):
        with (shared / path).open(encoding="utf-8") as lines:
            for line in lines:
                yield name, json.loads(line)[key]


@pytest.mark.parametrize(
    ("project", "shared", "copied"),
    [
        ("The envoy said the talks would resume in Geneva next week.",
         "Officials said the talks would resume in Geneva next week after a pause.", True),
        # six words are a phrase, not a clause
        ("He said the talks would resume soon.", "Officials said the talks would resume in Geneva.", False),
        # a run mostly of names and titles is a fact
        ("with the Secretary of the Supreme National Security Council",
         "He met the Secretary of the Supreme National Security Council on Monday.", False),
        # case and punctuation do not hide a copy
        ("THE ARMY'S UNITS WITHDREW FROM THE TOWN ON FRIDAY", "the army's units withdrew from the town on Friday",
         True),
    ],
)
def test_a_run_of_seven_shared_words_is_a_copy_unless_it_is_names(project, shared, copied):
    found = shared_runs([("p.py", project)], [("gold", shared)])
    assert bool(found) is copied, found


def test_stock_boilerplate_is_no_copy():
    found = shared_runs([("page.html", STOCK[0])], [("seed", f"Some article. {STOCK[0]}")])
    assert found == []


def test_the_project_shares_no_clause_with_the_seeds_or_the_evaluation_sets():
    shared = shared_path("eval").parent
    for part in ("seeds", "eval/plv_dev/plv_train.jsonl", "eval/polnear_dev/polnear_dev.jsonl"):
        shared_path(part)
    copies = shared_runs(_project_texts(), _shared_texts(shared))
    assert not copies, "copied from ../shared (write your own example):\n" + "\n".join(copies[:30])
