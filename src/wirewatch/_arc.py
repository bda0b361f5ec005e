"""ARC, the Internet Archive's format before WARC (versions 1 and 2), read record by record in constant memory.

A file starts with a ``filedesc://`` record; each record is a header line ``URL IP DATE CONTENT-TYPE [...]
LENGTH`` followed by LENGTH bytes (for http URLs, the HTTP response) and a newline. A gzipped file holds one gzip
member a record, inflated here member by member so that a record's offset is its member's.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from datetime import date, datetime
from typing import BinaryIO

from ._archive import CHUNK, HEAD, MAX_RECORD, Corrupt, Response, member_finder, parse_http, scan

__all__ = ["arc_responses"]

_ARC_HEADER = re.compile(rb"^(\S+) (\S+) (\d{8,14}) (\S*)(?: \S+)*? (\d+)\r?$")
_ARC_RESUME = re.compile(rb"\n([a-z][a-z0-9+.-]*:\S*) \S+ \d{8,14} \S*(?: \S+)* \d+\r?\n")


def arc_responses(raw: BinaryIO, gzipped: bool) -> Iterator[Response | Corrupt]:
    """Every http(s) record of an ARC file (version 1 or 2); the ``filedesc://`` header and DNS records skipped."""
    stream: _Plain | _Inflated = _Inflated(raw) if gzipped else _Plain(raw)
    while True:
        try:
            offset, line = stream.header_line()
            if offset is None:
                return
            response = _arc_record(stream, offset, line)
        except Corrupt as err:
            yield err
            stream.resume(err.offset)
            continue
        if response is not None:
            yield response


def _arc_record(stream: _Plain | _Inflated, offset: int, line: bytes) -> Response | None:
    """The record whose header line is ``line``, read whole; None for a record that is not an http(s) page."""
    match = _ARC_HEADER.match(line)
    if match is None:
        raise Corrupt(offset, f"expected an ARC header line 'URL IP DATE TYPE LENGTH', found {line[:80]!r}")
    uri, stamp, length = match.group(1).decode("latin-1"), match.group(3), int(match.group(5))
    if length > MAX_RECORD:
        raise Corrupt(offset, f"the record declares {length} bytes, more than the {MAX_RECORD >> 20} MB a record "
                              "may hold; the archive is damaged or not a news crawl")
    block = stream.read(length)
    if len(block) < length:
        raise Corrupt(offset, f"the file ends inside the record ({len(block)} of its {length} bytes are there)")
    if not uri.lower().startswith(("http:", "https:")):
        return None
    return Response(offset, uri, None, _arc_day(stamp), parse_http(block, offset), block)


def _arc_day(stamp: bytes) -> date | None:
    try:
        return datetime.strptime(stamp[:8].decode("ascii"), "%Y%m%d").date()
    except ValueError:
        return None


class _Plain:
    """An uncompressed ARC file, read line by line and block by block."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw

    def header_line(self) -> tuple[int | None, bytes]:
        """The offset and text of the next non-blank line; (None, b"") at the end of the file."""
        while True:
            offset = self._raw.tell()
            line = self._raw.readline(HEAD)
            if not line:
                return None, b""
            if line.strip():
                return offset, line.rstrip(b"\n")

    def read(self, size: int) -> bytes:
        """The next ``size`` bytes (fewer at the end of the file)."""
        return self._raw.read(size)

    def resume(self, bad: int) -> None:
        """Go on at the next line after ``bad`` that reads as an ARC header line (the end of the file if none)."""
        found = scan(self._raw, bad, _next_arc_line)
        self._raw.seek(found if found is not None else 0, 0 if found is not None else 2)


class _Inflated:
    """A gzipped ARC file inflated member by member, so that a record's offset is its gzip member's offset."""

    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self._buffer = bytearray()  # inflated bytes not yet consumed
        self._inflater: zlib._Decompress | None = None
        self._member = 0  # where the member being inflated starts
        self._next = 0  # where the compressed bytes not yet inflated (``_pending`` first) start
        self._pending = b""

    def header_line(self) -> tuple[int | None, bytes]:
        """The offset of the member holding the next non-blank line, and the line; (None, b"") at the end."""
        while not self._buffer.strip():
            self._buffer.clear()
            if not self._fill():
                return None, b""
        del self._buffer[: len(self._buffer) - len(self._buffer.lstrip())]
        offset = self._member
        while b"\n" not in self._buffer and len(self._buffer) < HEAD and self._fill(same_member=True):
            pass
        line, _, rest = bytes(self._buffer).partition(b"\n")
        self._buffer = bytearray(rest)
        return offset, line

    def read(self, size: int) -> bytes:
        """The next ``size`` inflated bytes of the current member (fewer where it ends)."""
        while len(self._buffer) < size and self._fill(same_member=True):
            pass
        block = bytes(self._buffer[:size])
        del self._buffer[:size]
        return block

    def resume(self, bad: int) -> None:
        """Drop what is buffered and go on at the next gzip member after ``bad`` that inflates to a line."""
        found = scan(self._raw, bad + 1, member_finder(lambda head: head[:1].isalpha()))
        self._buffer.clear()
        self._inflater, self._pending = None, b""
        self._next = found if found is not None else self._raw.seek(0, 2)

    def _fill(self, *, same_member: bool = False) -> bool:
        """Inflate more into the buffer; False at the end of the file (or of the member, with ``same_member``)."""
        if self._inflater is None or self._inflater.eof:
            if same_member and self._inflater is not None:
                return False
            self._inflater, self._member = zlib.decompressobj(31), self._next
        if not self._pending:
            self._raw.seek(self._next)
            self._pending = self._raw.read(CHUNK)
            if not self._pending:
                return False
        try:
            data = self._inflater.decompress(self._pending, CHUNK)
        except zlib.error as err:
            raise Corrupt(self._member, f"damaged gzip data ({err})") from err
        rest = self._inflater.unused_data if self._inflater.eof else self._inflater.unconsumed_tail
        self._next += len(self._pending) - len(rest)
        self._pending = rest
        self._buffer += data
        return True



def _next_arc_line(chunk: bytes) -> int | None:
    match = _ARC_RESUME.search(chunk)
    return None if match is None else match.start() + 1


