"""Ingest: every input format becomes RawDocument records; bad input becomes Failures, never exceptions."""

from __future__ import annotations

import gzip
import io
import sys
from datetime import date
from pathlib import Path
from typing import IO, Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirewatch.ingest import _lines, read_paths
from wirewatch.records import Failure, RawDocument

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLE = FIXTURES / "scraped_article.txt"
PAGE = FIXTURES / "page.html"
JSONL = FIXTURES / "articles.jsonl"


def read(
    *paths: str | Path, published: date | None = None, stdin: IO[Any] | None = None
) -> list[RawDocument | Failure]:
    return list(read_paths(paths, published=published, stdin=stdin))


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- one reader per format ------------------------------------------------------------------------------


def test_a_text_file_is_one_document_named_by_its_path_as_given() -> None:
    (doc,) = read(str(ARTICLE))
    assert doc == RawDocument(id=str(ARTICLE), source=str(ARTICLE), text=ARTICLE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("name", "content", "field"),
    [
        ("story.txt", b"The port reopened on Monday.", "text"),
        ("story.text", b"The port reopened on Monday.", "text"),
        ("story.md", b"# Port\n\nThe port reopened on Monday.", "text"),
        ("story.html", b"<html><body><p>The port reopened.</p></body></html>", "html"),
        ("story.htm", b"<html><body><p>The port reopened.</p></body></html>", "html"),
        ("story.STORY", b"The port reopened on Monday.", "text"),
        ("story", b"  <html><body><p>The port reopened.</p></body></html>", "html"),
    ],
)
def test_the_extension_picks_the_reader_and_unknown_ones_are_sniffed(
    tmp_path: Path, name: str, content: bytes, field: str
) -> None:
    path = write(tmp_path / name, content)
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert getattr(doc, field) == content.decode()
    assert (doc.id, doc.source) == (str(path), str(path))


@pytest.mark.parametrize("suffix", [".html.gz", ".htm.gz", ".HTML.GZ"])
def test_a_gzipped_page_is_read_as_html(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"page{suffix}", gzip.compress(PAGE.read_bytes()))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.html == PAGE.read_text(encoding="utf-8")
    assert doc.text is None


def test_json_lines_give_one_document_per_line_and_a_failure_for_the_bad_one() -> None:
    docs = read(JSONL)
    assert [type(d).__name__ for d in docs] == ["RawDocument", "RawDocument", "Failure", "RawDocument"]
    first, second, bad, fourth = docs
    assert first == RawDocument(
        id="courier-1",
        source=f"{JSONL}:1",
        text=first.text,
        url="https://courier.example.org/ferries",
        title="Ferries sail again",
        published=date(2024, 3, 11),
        outlet="The Harbour Courier",
    )
    assert isinstance(second, RawDocument) and (second.id, second.published) == ("2", date(2024, 3, 12))
    assert second.html is not None and second.text is None
    assert bad == Failure(id="courier-3", where=f"{JSONL}:3", error=bad.error)
    assert "invalid JSON" in bad.error
    assert isinstance(fourth, RawDocument) and fourth.source == f"{JSONL}:4"


@pytest.mark.parametrize(
    ("line", "failure_id", "says"),
    [
        ('{"id": "a1", "text": "cut off', "a1", "invalid JSON"),
        ("[1, 2, 3]", None, "found a JSON array, expected an object"),
        ('"just a string"', None, "found a JSON string, expected an object"),
        ("null", None, "found a JSON null, expected an object"),
        ('{"text": "No id here."}', None, 'found no id, expected "id"'),
        ('{"id": "", "text": "Empty id."}', None, 'found id "", expected "id"'),
        ('{"id": true, "text": "Boolean id."}', None, "found id true"),
        ('{"id": 4.5, "text": "Float id."}', None, "found id 4.5"),
        ('{"id": "a2", "title": "Only a title"}', "a2", 'neither "text" nor "html"'),
        ('{"id": "a3", "text": 42}', "a3", '"text" is a JSON number, expected a string'),
        ('{"id": "a4", "text": "x", "url": ["u"]}', "a4", '"url" is a JSON array'),
        ('{"id": "a5", "text": "x", "published": "last Tuesday"}', "a5", '"published" is "last Tuesday"'),
        ('{"id": "a6", "text": "x", "published": 20240311}', "a6", "expected YYYY-MM-DD"),
    ],
)
def test_a_bad_json_line_becomes_a_failure_naming_file_and_line(
    tmp_path: Path, line: str, failure_id: str | None, says: str
) -> None:
    good = '{"id": "ok", "text": "The ferry sailed."}'
    path = write(tmp_path / "batch.jsonl", f"{good}\n{line}\n{good}\n".encode())
    docs = read(path)
    assert [type(d) for d in docs] == [RawDocument, Failure, RawDocument]
    failure = docs[1]
    assert isinstance(failure, Failure)
    assert (failure.id, failure.where) == (failure_id, f"{path}:2")
    assert says in failure.error
    assert any(hint in failure.error for hint in ("fix", "add")), "a message says what to do"


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-03-11", date(2024, 3, 11)),
        ("2024-03-11T09:30:00", date(2024, 3, 11)),
        ("2024-03-11T09:30:00Z", date(2024, 3, 11)),
        ("2024-03-11T23:30:00-05:00", date(2024, 3, 11)),
        (" 2024-03-11 ", date(2024, 3, 11)),
    ],
)
def test_published_takes_a_date_or_an_iso_datetime(tmp_path: Path, published: str, expected: date) -> None:
    path = write(tmp_path / "a.jsonl", f'{{"id": 1, "text": "x", "published": "{published}"}}'.encode())
    (doc,) = read(path)
    assert isinstance(doc, RawDocument) and doc.published == expected


def test_line_numbers_count_blank_lines_which_are_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "a.ndjson", b'{"id": 1, "text": "x"}\n\n   \n{"id": 2}\r\n')
    docs = read(path)
    assert len(docs) == 2
    assert isinstance(docs[1], Failure) and docs[1].where == f"{path}:4"


def test_gzipped_json_lines_and_windows_line_ends_are_read(tmp_path: Path) -> None:
    body = b'{"id": "w1", "text": "One."}\r\n{"id": "w2", "text": "Two."}\r\n'
    path = write(tmp_path / "batch.jsonl.gz", gzip.compress(body))
    docs = read(path)
    assert [(d.id, getattr(d, "source", "failed")) for d in docs] == [
        ("w1", f"{path}:1"),
        ("w2", f"{path}:2"),
    ]


# --- the default publication date -----------------------------------------------------------------------


def test_the_default_date_goes_to_plain_text_without_a_date_of_its_own(tmp_path: Path) -> None:
    day = date(2024, 1, 5)
    text = write(tmp_path / "a.txt", b"The port reopened.")
    lines = write(
        tmp_path / "b.jsonl",
        b'{"id": 1, "text": "x"}\n{"id": 2, "text": "y", "published": "2023-12-31"}\n',
    )
    docs = read(text, lines, published=day)
    assert [getattr(d, "published", "failed") for d in docs] == [day, day, date(2023, 12, 31)]


def test_the_default_date_does_not_mask_the_date_inside_an_html_page(tmp_path: Path) -> None:
    lines = write(tmp_path / "b.jsonl", b'{"id": 1, "html": "<p>x</p>"}\n')
    docs = read(PAGE, lines, published=date(2024, 1, 5))
    assert [getattr(d, "published", "failed") for d in docs] == [None, None]


# --- decoding -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Caf\u00e9 owners in Li\u00e8ge protested.".encode(), "Caf\u00e9 owners in Li\u00e8ge protested."),
        (b"\xef\xbb\xbfThe BOM is dropped.", "The BOM is dropped."),
        (b"Caf\xe9 cr\xe8me \x93quoted\x94", "Caf\u00e9 cr\u00e8me \u201cquoted\u201d"),
        ("UTF-16 from Notepad.".encode("utf-16"), "UTF-16 from Notepad."),
    ],
)
def test_text_is_utf8_with_or_without_bom_else_cp1252(tmp_path: Path, data: bytes, text: str) -> None:
    (doc,) = read(write(tmp_path / "a.txt", data))
    assert isinstance(doc, RawDocument) and doc.text == text


def test_an_html_page_that_is_not_utf8_is_decoded_by_its_meta_charset(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Москва и Киев</p></body></html>'
    (doc,) = read(write(tmp_path / "a.html", page.encode("cp1251")))
    assert isinstance(doc, RawDocument) and doc.html == page


def test_a_bom_before_the_first_json_line_is_ignored(tmp_path: Path) -> None:
    (doc,) = read(write(tmp_path / "a.jsonl", b'\xef\xbb\xbf{"id": "b", "text": "x"}\n'))
    assert isinstance(doc, RawDocument) and doc.id == "b"


# --- what cannot be read --------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["photo.txt", "photo.jpg", "dump.jsonl"])
def test_a_binary_file_is_a_failure_not_an_exception(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (failure,) = read(path)
    assert isinstance(failure, Failure)
    assert (failure.id, failure.where) == (str(path), str(path))
    assert failure.error.startswith("binary file, not text, HTML or JSON Lines")


def test_bytes_that_decode_as_nothing_are_a_binary_failure(tmp_path: Path) -> None:
    (failure,) = read(write(tmp_path / "odd.txt", b"caf\x81 \x8d\x8f\x90\x9d"))
    assert isinstance(failure, Failure) and "decodes neither as UTF-8 nor as cp1252" in failure.error


def test_a_missing_path_is_a_failure_and_the_stream_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    failure, doc = read(missing, ARTICLE)
    assert isinstance(failure, Failure) and (failure.id, failure.where) == (str(missing), str(missing))
    assert "no such file" in failure.error
    assert isinstance(doc, RawDocument)


def test_a_damaged_gzip_file_is_a_failure(tmp_path: Path) -> None:
    (failure,) = read(write(tmp_path / "page.html.gz", b"\x1f\x8b\x08\x00 not really gzip"))
    assert isinstance(failure, Failure) and "gzip" in failure.error


def test_a_gzip_cut_short_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    whole = gzip.compress(b"".join(b'{"id": %d, "text": "x"}\n' % i for i in range(5000)))
    docs = read(write(tmp_path / "cut.jsonl.gz", whole[: len(whole) // 2]))
    assert isinstance(docs[0], RawDocument) and isinstance(docs[-1], Failure)
    assert "truncated" in docs[-1].error


# --- paths, folders and standard input ------------------------------------------------------------------


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    b = write(tmp_path / "b.txt", b"B.")
    a = write(tmp_path / "a.txt", b"A.")
    assert [d.id for d in read(b, a)] == [str(b), str(a)]


def test_a_folder_is_walked_in_sorted_order_taking_known_extensions_only(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", b"B.")
    write(tmp_path / "a" / "2.html", b"<p>two</p>")
    write(tmp_path / "a" / "sub" / "1.jsonl", b'{"id": "j", "text": "x"}\n')
    write(tmp_path / "a" / "notes.pdf", b"%PDF-1.4")
    write(tmp_path / "a" / "README", b"no extension")
    write(tmp_path / ".cache" / "c.txt", b"hidden")
    sources = [getattr(d, "source", "failed") for d in read(tmp_path)]
    assert sources == [f"{tmp_path}/a/2.html", f"{tmp_path}/a/sub/1.jsonl:1", f"{tmp_path}/b.txt"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"The port reopened.\n", RawDocument(id="-", source="-", text="The port reopened.\n")),
        (b"\n  <html><p>x</p></html>", RawDocument(id="-", source="-", html="\n  <html><p>x</p></html>")),
        (b' {"id": "s1", "text": "x"}\n', RawDocument(id="s1", source="-:1", text="x")),
    ],
)
def test_standard_input_is_sniffed_as_text_html_or_json_lines(data: bytes, expected: RawDocument) -> None:
    assert read("-", stdin=io.BytesIO(data)) == [expected]


def test_standard_input_may_be_a_text_stream() -> None:
    assert read("-", stdin=io.StringIO("Caf\u00e9.")) == [RawDocument(id="-", source="-", text="Caf\u00e9.")]


def test_without_a_stream_standard_input_is_the_process_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From a pipe.")))
    assert read("-") == [RawDocument(id="-", source="-", text="From a pipe.")]


def test_json_lines_stream_instead_of_being_read_whole() -> None:
    lines = b"".join(b'{"id": %d, "text": "%s"}\n' % (i, b"x" * 200) for i in range(10_000))
    stream = io.BytesIO(lines)
    docs = read_paths(["-"], stdin=stream)
    assert next(docs).id == "0"
    assert stream.tell() < len(lines) / 10


@given(st.lists(st.binary(max_size=40).filter(lambda b: b"\n" not in b), max_size=20), st.data())
def test_lines_are_the_same_however_the_stream_is_chunked(lines: list[bytes], data: st.DataObject) -> None:
    whole = b"\n".join(lines)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(whole)), max_size=8)))
    chunks = [whole[i:j] for i, j in zip([0, *cuts], [*cuts, len(whole)], strict=True)]
    expected = whole.split(b"\n") if whole else []
    if expected and expected[-1] == b"":
        expected.pop()
    assert list(_lines(chunks, 1 << 20)) == expected
    cap = 10  # a line longer than the cap comes out as None, every other line as it is
    assert list(_lines(chunks, cap)) == [line if len(line) <= cap else None for line in expected]
