"""Ingest: read input files into :class:`~wirewatch.records.RawDocument` records, one reader per format.

Formats, chosen by extension (``.gz`` adds gzip to any of them)::

    .txt .text .md        one plain-text document per file
    .html .htm            one HTML page per file
    .jsonl .ndjson        one document per non-empty line: {"id", "text" | "html", "url", "title",
                          "published", "outlet"}
    .warc .arc            web archives: one document per archived 200 HTML response (see ``_warc``)

A path of ``-`` reads standard input, and a file with an unknown extension is sniffed the same way: JSON Lines
when the first non-blank character is ``{``, HTML when it is ``<``, plain text otherwise (a file that begins
like a WARC or ARC archive is read as one; archives on standard input are refused: pass their path). Directories are
walked recursively in sorted order, taking files with known extensions only.

The ``published`` default of :func:`read_paths` goes to plain-text documents without a date of their own, and
to HTML pages as ``fallback_published``, used only when the page gives no date either. An
HTML page carries its date inside, which cleaning extracts, so ingest leaves an HTML document's date unset
(or as its JSON Lines record gives it) rather than mask the page's own date with the default.

Nothing here raises on bad input: an unreadable file or JSON line comes out as a
:class:`~wirewatch.records.Failure` in its place, and the stream goes on. JSON Lines are read line by line,
so files of any size stream in constant memory.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, Literal, Protocol, TextIO

from ._warc import ARCHIVE_KINDS, read_archive, sniff_archive
from .config import LimitsConfig
from .errors import InputError
from .records import Failure, RawDocument

__all__ = ["KNOWN_SUFFIXES", "read_paths"]

Kind = Literal["text", "html", "jsonl", "warc", "arc"]
Item = RawDocument | Failure


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes | str: ...


#: Extensions that select a reader; each may also carry a trailing ``.gz``.
KNOWN_SUFFIXES: Mapping[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    **ARCHIVE_KINDS,
}

_HEAD = 8192  # bytes inspected for NULs and sniffed for the format
_CHUNK = 1 << 16
_MOSTLY_UTF8 = 1000  # a text with at most one bad byte in this many characters is UTF-8 with damage
_MOSTLY_UNDEFINED = 10  # more than one byte in this many that no encoding defines: not text at all
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_BINARY = "binary file, not text, HTML or JSON Lines"
_FORMATS = "pass .txt, .html or .jsonl files (optionally gzipped)"
_OPTIONAL_TEXT_FIELDS = ("url", "title", "outlet")
_ID_HINT = re.compile(r'"id"\s*:\s*(?:"([^"\\]{1,200})"|(-?\d{1,30})\b)')
_JSON_TYPES: Mapping[type, str] = {
    list: "array",
    str: "string",
    int: "number",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    published: date | None = None,
    stdin: TextIO | BinaryIO | None = None,
    limits: LimitsConfig | None = None,
) -> Iterator[RawDocument | Failure]:
    """Read every path in input order ("-" is standard input), yielding a document or a Failure for each.

    ``published`` is the publication date given to plain-text documents that have none; ``limits`` caps what one
    document may inflate to (``[limits]``).
    """
    cap = (limits or LimitsConfig()).max_input_bytes
    for given in paths:
        name = os.fspath(given)
        if name == "-":
            yield from _read_stream(stdin if stdin is not None else sys.stdin.buffer, "-", None, published, cap)
        else:
            yield from _read_path(Path(name), name, published, cap)


def _read_path(path: Path, name: str, published: date | None, cap: int) -> Iterator[Item]:
    if path.is_dir():
        for child in _walk(path):
            yield from _read_file(child, str(child), published, cap)
    elif path.exists():
        yield from _read_file(path, name, published, cap)
    else:
        yield Failure(id=name, where=name, error="no such file or directory; check the path and try again")


def _walk(root: Path) -> list[Path]:
    """Files under ``root`` with a known extension, sorted, skipping hidden files and folders."""
    found = []
    for path in root.rglob("*"):
        hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
        if not hidden and path.is_file() and _kind_of(path)[0] is not None:
            found.append(path)
    return sorted(found)


def _kind_of(path: Path) -> tuple[Kind | None, bool]:
    """The reader a file name selects (None: sniff the content) and whether it is gzipped."""
    name = path.name.lower()
    gzipped = name.endswith(".gz")
    if gzipped:
        name = name[: -len(".gz")]
    return KNOWN_SUFFIXES.get(os.path.splitext(name)[1]), gzipped


def _read_file(path: Path, name: str, published: date | None, cap: int) -> Iterator[Item]:
    kind, gzipped = _kind_of(path)
    archive = kind if kind in ("warc", "arc") else _archive_inside(path, gzipped) if kind is None else None
    try:
        if archive is not None:
            yield from read_archive(path, name, kind=archive, published=published)
            return
        with gzip.open(path, "rb") if gzipped else open(path, "rb") as stream:
            yield from _read_stream(stream, name, kind, published, cap)
    except (OSError, EOFError, zlib.error) as err:
        what = "a damaged or truncated gzip file" if gzipped else "a file that cannot be read"
        yield Failure(id=name, where=name, error=f"{what} ({err}); check the file and its permissions")


def _archive_inside(path: Path, gzipped: bool) -> Literal["warc", "arc"] | None:
    """The kind of web archive a file of unknown extension holds (gzipped or not), if it holds one."""
    try:
        with open(path, "rb") as raw:
            gzipped = gzipped or raw.read(2) == b"\x1f\x8b"
        with gzip.open(path, "rb") if gzipped else open(path, "rb") as stream:
            return sniff_archive(stream.read(16))
    except (OSError, EOFError, zlib.error):
        return None


def _read_stream(stream: _Readable, name: str, kind: Kind | None, published: date | None, cap: int
                 ) -> Iterator[Item]:
    head = _as_bytes(stream.read(_HEAD))
    if kind is None and sniff_archive(head) is not None:
        yield Failure(id=name, where=name, error="a WARC or ARC web archive read as a stream; pass its file path")
        return
    kind = kind or _sniff(head)
    if _looks_binary(head) and not (kind == "jsonl" and _sniff(head) == "jsonl"):  # JSON Lines: line by line
        yield Failure(id=name, where=name, error=f"{_BINARY} (it holds NUL bytes); {_FORMATS}")
        return
    chunks = chain([head], _chunks(stream))
    if kind == "jsonl":
        yield from _read_jsonl(_lines(chunks, cap), name, published, cap)
    elif (data := _gather(chunks, cap)) is None:
        yield Failure(id=name, where=name, error=_too_large("the document", cap))
    else:
        yield _read_document(data, name, kind, published)


def _gather(chunks: Iterable[bytes], cap: int) -> bytes | None:
    """The chunks joined, or None as soon as they pass ``cap`` bytes (a gzip bomb is never inflated whole)."""
    kept, size = [], 0
    for chunk in chunks:
        size += len(chunk)
        if size > cap:
            return None
        kept.append(chunk)
    return b"".join(kept)


def _too_large(what: str, cap: int) -> str:
    return (f"{what} is larger than {cap >> 20} MiB once decompressed (limits.max_input_mb); raise the limit "
            "in the config if the input is genuine")


def _as_bytes(chunk: str | bytes) -> bytes:
    return chunk.encode("utf-8") if isinstance(chunk, str) else chunk


def _chunks(stream: _Readable) -> Iterator[bytes]:
    while chunk := stream.read(_CHUNK):
        yield _as_bytes(chunk)


def _lines(chunks: Iterable[bytes], cap: int) -> Iterator[bytes | None]:
    """Split a stream of byte chunks into lines (without the newline), in linear time; None for a line longer than
    ``cap`` bytes, whose bytes are dropped as they come."""
    pending: list[bytes] = []
    size, over = 0, False
    for chunk in chunks:
        *complete, rest = chunk.split(b"\n")
        for part in complete:
            pending.append(part)
            yield None if over or size + len(part) > cap else b"".join(pending)
            pending, size, over = [], 0, False
        size += len(rest)
        if size > cap:
            pending, over = [], True
        else:
            pending.append(rest)
    if any(pending) or over:
        yield None if over else b"".join(pending)


def _looks_binary(head: bytes) -> bool:
    return b"\x00" in head and not head.startswith(_UTF16_BOMS)


def _sniff(head: bytes) -> Kind:
    """JSON Lines when the content starts with ``{``, HTML when with ``<``, plain text otherwise."""
    if head.startswith(_UTF16_BOMS):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    start = head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
    return "jsonl" if start == b"{" else "html" if start == b"<" else "text"


def _read_document(data: bytes, name: str, kind: Kind, published: date | None) -> Item:
    content = _decode(data, html=kind == "html")
    if content is None:
        why = "it decodes neither as UTF-8 nor as cp1252"
        return Failure(id=name, where=name, error=f"{_BINARY} ({why}); {_FORMATS}, saved as UTF-8")
    if kind == "html":
        return RawDocument(id=name, source=name, html=content, fallback_published=published)
    return RawDocument(id=name, source=name, text=content, published=published)


def _decode(data: bytes, *, html: bool = False) -> str | None:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, an HTML page's meta charset, else cp1252.

    A text that is UTF-8 but for a stray byte or two stays UTF-8, each bad byte becoming U+FFFD; cp1252's five
    undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) become U+FFFD too, so one byte never rejects a whole file.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith(_UTF16_BOMS):
        return _try(data, "utf-16")
    for encoding in ("utf-8", _meta_charset(data) if html else None):
        if encoding is not None and (text := _try(data, encoding)) is not None:
            return text
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= max(2, len(lenient) // _MOSTLY_UTF8):
        return lenient
    legacy = data.decode("cp1252", errors="replace")
    return None if legacy.count("\ufffd") * _MOSTLY_UNDEFINED > len(legacy) else legacy


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError):
        return None


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:_HEAD])
    return match.group(1).decode("ascii") if match else None


def _read_jsonl(lines: Iterable[bytes | None], name: str, published: date | None, cap: int) -> Iterator[Item]:
    for lineno, line in enumerate(lines, start=1):
        if line is None:
            yield Failure(id=None, where=f"{name}:{lineno}", error=_too_large("the line", cap))
            continue
        if lineno == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if line.strip():
            yield _record(line, f"{name}:{lineno}", published)


def _record(line: bytes, where: str, published: date | None) -> Item:
    """One JSON Lines record as a RawDocument, or a Failure saying what is wrong with the line."""
    if b"\x00" in line:
        return Failure(id=None, where=where, error="the line holds NUL bytes, which JSON never does; fix or remove it")
    text = _decode(line.rstrip(b"\r"))
    if text is None:
        return Failure(id=None, where=where, error="undecodable line; save the file as UTF-8")
    try:
        obj = json.loads(text)
    except ValueError as err:
        return Failure(id=_id_hint(text), where=where, error=_invalid_json(err))
    except RecursionError:
        return Failure(id=_id_hint(text), where=where, error="JSON nested too deeply to read; flatten the record")
    if not isinstance(obj, dict):
        return Failure(id=None, where=where, error=_not_an_object(obj))
    try:
        return _document(obj, where, published)
    except InputError as err:
        return Failure(id=_id_or_none(obj), where=where, error=err.reason)


def _invalid_json(err: ValueError) -> str:
    detail = f"{err.msg}: column {err.colno}" if isinstance(err, json.JSONDecodeError) else str(err)
    return f"invalid JSON ({detail}); expected one JSON object per line: fix or remove the line"


def _id_hint(text: str) -> str | None:
    """The id of a record that is not valid JSON, when it can still be read off the line."""
    match = _ID_HINT.search(text)
    return None if match is None else match.group(1) or match.group(2)


def _not_an_object(obj: object) -> str:
    found = _JSON_TYPES.get(type(obj), type(obj).__name__)
    return f'found a JSON {found}, expected an object such as {{"id": "a1", "text": "..."}}; fix the line'


def _document(obj: dict[str, Any], where: str, published: date | None) -> RawDocument:
    doc_id = _id(obj, where)
    text, html = _optional_str(obj, "text", where), _optional_str(obj, "html", where)
    if text is None and html is None:
        raise InputError(where, f'record "{doc_id}" has neither "text" nor "html"; add one of them')
    meta = {key: _optional_str(obj, key, where) for key in _OPTIONAL_TEXT_FIELDS}
    day = _published(obj.get("published"), where) or (published if text is not None else None)
    return RawDocument(id=doc_id, source=where, text=text, html=html, published=day, fallback_published=published,
                       **meta)


def _id(obj: dict[str, Any], where: str) -> str:
    value = obj.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        found = "no id" if value is None else f"id {json.dumps(value)}"
        raise InputError(where, f'found {found}, expected "id" as a non-empty string or an integer; add one')
    return str(value)


def _id_or_none(obj: dict[str, Any]) -> str | None:
    try:
        return _id(obj, "")
    except InputError:
        return None


def _optional_str(obj: dict[str, Any], key: str, where: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    found = _JSON_TYPES.get(type(value), "object")
    raise InputError(where, f'"{key}" is a JSON {found}, expected a string; fix or drop it')


def _published(value: object, where: str) -> date | None:
    """A publication date from ``YYYY-MM-DD`` or an ISO datetime; None when absent."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise InputError(
        where,
        f'"published" is {json.dumps(value)}, expected YYYY-MM-DD or an ISO datetime such as '
        "2024-04-11T09:30:00Z; fix the date or drop the field",
    )
