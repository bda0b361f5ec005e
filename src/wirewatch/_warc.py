"""Web archives: the HTML pages in WARC files (read with fastwarc) and legacy ARC files (read by ``_arc``).

:func:`read_archive` streams one ``.warc``, ``.warc.gz``, ``.arc`` or ``.arc.gz`` file record by record, in
constant memory (one record at a time), and yields a :class:`~wirewatch.records.RawDocument` for every archived
HTTP response with status 200 and an HTML content type (``text/html``, ``application/xhtml+xml``)::

    RawDocument.id                  WARC-Record-ID (without <>), else the target URI (ARC records have no id)
    RawDocument.url                 WARC-Target-URI (ARC: the URL of the record's header line)
    RawDocument.source              "FILE@OFFSET": the record's byte offset (gzip: its member's offset)
    RawDocument.fallback_published  WARC-Date (ARC: Archive-date), else the user's default date

Requests, metadata, revisits, DNS records, non-HTML responses and other statuses (redirects, 404) are skipped
silently. The HTTP body is un-chunked and decompressed (gzip, deflate, br) as its headers say, then decoded:
a byte-order mark, else the charset the HTTP header declares (but UTF-8 when a Latin-1 declaration is
contradicted by valid UTF-8, the commonest mislabelling), else UTF-8, the page's ``<meta charset>``, cp1252.

A corrupt record (a damaged header, damaged gzip data, an undecodable body, a file cut short inside a record)
becomes a :class:`~wirewatch.records.Failure` whose ``where`` is ``FILE@OFFSET``; reading resumes at the next
record that can be found (the next ``WARC/`` header, or gzip member that inflates to one), so the rest of the
file is still read.
"""

from __future__ import annotations

import codecs
import io
import re
import zlib
from collections.abc import Generator, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO, Literal

from fastwarc.stream_io import BrotliReader, ChunkedReader
from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from ._arc import arc_responses
from ._archive import GZIP_MAGIC, HEAD, MAX_RECORD, Corrupt, Response, member_end, member_finder, parse_http, scan
from .records import Failure, RawDocument

__all__ = ["ARCHIVE_KINDS", "ARCHIVE_SUFFIXES", "read_archive", "sniff_archive"]

ArchiveKind = Literal["warc", "arc"]

#: Extensions of web archives (each may also end in ``.gz``) and the reader they select.
ARCHIVE_KINDS: dict[str, ArchiveKind] = {".warc": "warc", ".arc": "arc"}
ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")

_LATIN = frozenset({"iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii", "windows-1252", "cp1252"})
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_archive(path: Path, name: str, *, kind: ArchiveKind,
                 published: date | None = None) -> Iterator[RawDocument | Failure]:
    """Yield the HTML pages of a WARC or ARC file (gzipped or not) in file order, a Failure per corrupt record."""
    with open(path, "rb") as raw:
        gzipped = raw.read(3) == GZIP_MAGIC
        raw.seek(0)
        records = _warc_responses(raw, gzipped) if kind == "warc" else arc_responses(raw, gzipped)
        for item in records:
            if isinstance(item, Corrupt):
                yield _failure(name, item)
                continue
            try:
                doc = _document(item, name, published)
            except Corrupt as err:
                yield _failure(name, err)
                continue
            if doc is not None:
                yield doc


def sniff_archive(head: bytes) -> ArchiveKind | None:
    """The kind of web archive that the first bytes of a file (decompressed) begin, if any."""
    if head.startswith(b"WARC/"):
        return "warc"
    return "arc" if head.startswith(b"filedesc://") else None


def _failure(name: str, err: Corrupt) -> Failure:
    return Failure(id=None, where=f"{name}@{err.offset}",
                   error=f"corrupt archive record at byte {err.offset}: {err.reason}; the rest of the file was read"
                         " (check the file, or fetch it again if it was cut short)")


# -- WARC ------------------------------------------------------------------------------------------------------


def _warc_responses(raw: BinaryIO, gzipped: bool) -> Iterator[Response | Corrupt]:
    """Every response record, restarting fastwarc at the next record boundary whenever a record is corrupt."""
    start: int | None = 0
    suspect: Corrupt | None = None
    while start is not None:
        start, suspect = yield from _warc_pass(raw, gzipped, start, suspect)


_Pass = Generator[Response | Corrupt, None, tuple[int | None, Corrupt | None]]


def _warc_pass(raw: BinaryIO, gzipped: bool, start: int, suspect: Corrupt | None) -> _Pass:
    """Read records from ``start`` to the end of the file, or until fastwarc stops; then return where to go on
    (None: nowhere) and whom to blame if the record there reads (the ``suspect``)."""
    raw.seek(start)
    records = iter(ArchiveIterator(raw, parse_http=False))
    last: int | None = None  # offset of the last record read in this pass
    while True:
        try:
            record = next(records)
        except StopIteration:
            if suspect is not None:
                yield suspect
            return None, None
        except (OSError, ValueError) as err:
            return (yield from _stopped(raw, gzipped, start, last, err))
        if suspect is not None:
            yield suspect
            suspect = None
        last = start + record.stream_pos
        try:
            item = _warc_item(record, last)
        except (OSError, ValueError, Corrupt) as err:  # the record's framing or gzip data is broken
            yield Corrupt(last, _reason(err))
            return _resume(raw, last, gzipped), None
        if item is not None:
            yield item


def _stopped(raw: BinaryIO, gzipped: bool, start: int, last: int | None, err: Exception) -> _Pass:
    """After fastwarc stopped: restart where the last record read (L) ends. If the record there reads, the
    trouble was inside L's gzip member and L is blamed; if not, that record is, and reading resumes after it."""
    if last is None:
        yield Corrupt(start, _reason(err))
        return _resume(raw, start, gzipped), None
    suspect = Corrupt(last, f"unreadable bytes after the record ({_reason(err)})")
    end = _record_end(raw, last, gzipped)
    if end is None:
        yield suspect
        return _resume(raw, last, gzipped), None
    return end, suspect


def _warc_item(record: WarcRecord, offset: int) -> Response | Corrupt | None:
    """The record as an HTML page's response, a Corrupt for a page that cannot be read, None for any other
    record; raises Corrupt (or fastwarc's OSError or ValueError) when the record's framing is broken."""
    length = record.headers.get("Content-Length") or ""
    if not length.strip().isdigit():
        raise Corrupt(offset, f"the WARC header's Content-Length {length!r} is not a number")
    try:
        return _warc_response(record, offset)
    except Corrupt as err:
        return err


def _warc_response(record: WarcRecord, offset: int) -> Response | None:
    """The record as an HTML page's response, None for any other record; reads the record's block."""
    uri = record.headers.get("WARC-Target-URI") or ""
    if record.record_type != WarcRecordType.response or not uri.lower().startswith(("http:", "https:")):
        return None
    head = record.reader.read(HEAD)
    http = parse_http(head, offset)
    if not http.is_page:
        return None
    message = head + record.reader.read()
    if len(message) < record.content_length:
        raise Corrupt(offset, f"the file ends inside the record ({len(message)} of its {record.content_length} "
                               "bytes are there)")
    when = record.record_date
    record_id = (record.record_id or "").strip("<>") or None
    return Response(offset, uri, record_id, when.date() if when else None, http, message)


def _record_end(raw: BinaryIO, offset: int, gzipped: bool) -> int | None:
    """Where the record (gzip: its member) starting at ``offset`` ends; None when that cannot be told."""
    if gzipped:
        return member_end(raw, offset)
    raw.seek(offset)
    header, found, _ = raw.read(HEAD << 2).partition(b"\r\n\r\n")
    length = re.search(rb"(?im)^content-length:[ \t]*(\d+)[ \t]*\r?$", header)
    if not found or length is None:
        return None
    end = offset + len(header) + 4 + int(length.group(1))
    raw.seek(end)
    tail = raw.read(4)
    return end + len(tail) - len(tail.lstrip(b"\r\n"))


def _starts_warc(head: bytes) -> bool:
    return head.startswith(b"WARC/")



def _resume(raw: BinaryIO, bad: int, gzipped: bool) -> int | None:
    """The first WARC record after ``bad``: a gzip member that inflates to ``WARC/``, or (uncompressed) a line
    that starts with ``WARC/1.``; None when there is none."""
    if gzipped:
        return scan(raw, bad + 1, member_finder(_starts_warc))
    return scan(raw, bad, _next_warc_line)


def _next_warc_line(chunk: bytes) -> int | None:
    found = chunk.find(b"\nWARC/1.")
    return None if found < 0 else found + 1



def _document(response: Response, name: str, published: date | None) -> RawDocument | None:
    """The page of an archived 200 HTML response, its body decoded; None for any other response."""
    http = response.http
    if not http.is_page:
        return None
    body = _decoded_body(response.message[http.body_at :], http.fields, response.offset)
    return RawDocument(
        id=response.record_id or response.uri,
        source=f"{name}@{response.offset}",
        html=_text(body, http.charset),
        url=response.uri,
        fallback_published=response.day or published,
    )


def _decoded_body(body: bytes, fields: dict[str, str], offset: int) -> bytes:
    """The body with its transfer and content encodings undone."""
    encoding = fields.get("content-encoding", "identity").strip().lower()
    try:
        if "chunked" in fields.get("transfer-encoding", "").lower():
            body = ChunkedReader(io.BytesIO(body)).read()
        if encoding == "br":
            return _capped(BrotliReader(io.BytesIO(body)).read(MAX_RECORD + 1), offset)
    except OSError as err:
        raise Corrupt(offset, f"the HTTP body cannot be decoded ({err})") from err
    if encoding in {"gzip", "x-gzip", "deflate"}:
        return _inflate(body, encoding, offset)
    if encoding not in {"identity", "none", ""}:
        raise Corrupt(offset, f"unsupported Content-Encoding {encoding!r} (gzip, deflate and br are read)")
    return body


def _capped(data: bytes, offset: int) -> bytes:
    if len(data) > MAX_RECORD:
        raise Corrupt(offset, f"the page inflates to more than {MAX_RECORD >> 20} MB")
    return data


def _inflate(body: bytes, encoding: str, offset: int) -> bytes:
    """A gzip or deflate body inflated (``deflate`` is sent both with a zlib header and raw)."""
    problem = ""
    for wbits in (47, -15) if encoding == "deflate" else (47,):
        inflater = zlib.decompressobj(wbits)
        try:
            data = inflater.decompress(body, MAX_RECORD)
        except zlib.error as err:
            problem = str(err)
            continue
        if inflater.unconsumed_tail:
            raise Corrupt(offset, f"the page inflates to more than {MAX_RECORD >> 20} MB")
        return data
    raise Corrupt(offset, f"the {encoding} body cannot be inflated ({problem})")


def _text(body: bytes, declared: str | None) -> str:
    """The page's text: BOM, declared charset (UTF-8 over a contradicted Latin-1 one), UTF-8, meta, cp1252."""
    declared = (declared or "").strip("\"' ").lower() or None
    bom = next((name for mark, name in _BOMS if body.startswith(mark)), None)
    meta = _META_CHARSET.search(body[:HEAD])
    candidates = (bom, "utf-8" if declared in _LATIN else None, declared, "utf-8",
                  meta.group(1).decode("ascii") if meta else None, "cp1252")
    for encoding in candidates:
        if encoding is not None:
            try:
                return body.decode(encoding)
            except (UnicodeError, LookupError):
                continue
    return body.decode("utf-8", errors="replace")


def _reason(err: Exception) -> str:
    return str(err) or type(err).__name__
