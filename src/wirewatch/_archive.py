"""What WARC and ARC reading share: a corrupt record, an archived HTTP response, and finding the next record.

A record's offset is its byte offset in the file (in a gzipped file, its gzip member's offset: the one that tools
such as CDX indexes give). After a corrupt record, :func:`scan` looks for the next record start, chunk by chunk.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from .errors import WirewatchError

__all__ = ["CHUNK", "GZIP_MAGIC", "HEAD", "MAX_RECORD", "Corrupt", "Http", "Response", "member_end", "member_finder",
           "parse_http", "scan"]

GZIP_MAGIC = b"\x1f\x8b\x08"
MAX_RECORD = 64 << 20  # the largest archived record, and the largest decompressed page, that is read
HEAD = 16 << 10  # bytes of a record read before deciding whether it is an HTML page
CHUNK = 1 << 16  # bytes inflated at a time
_SCAN = 1 << 20  # bytes read at a time when looking for the next record after a corrupt one
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


class Corrupt(WirewatchError):
    """A record that cannot be read: where it starts and what is wrong with it (caught here, made a Failure)."""

    def __init__(self, offset: int, reason: str) -> None:
        super().__init__(reason)
        self.offset = offset
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Http:
    """An HTTP response's status line and header fields (names lower-cased), and where its body starts."""

    status: int
    fields: dict[str, str]
    body_at: int

    @property
    def is_page(self) -> bool:
        """Whether this is a 200 response with an HTML content type."""
        return self.status == 200 and self.content_type in _HTML_TYPES

    @property
    def content_type(self) -> str:
        """The media type, lower-cased, without parameters ("" when there is none)."""
        return self.fields.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The charset the Content-Type declares, if any."""
        found = _CHARSET.search(self.fields.get("content-type", ""))
        return found.group(1) if found else None


@dataclass(frozen=True, slots=True)
class Response:
    """One archived HTTP response: the record's offset, identity and date, and the HTTP message."""

    offset: int
    uri: str
    record_id: str | None
    day: date | None
    http: Http
    message: bytes


def member_end(raw: BinaryIO, offset: int) -> int | None:
    """Where the gzip member starting at ``offset`` ends, or None when it does not inflate to its end."""
    raw.seek(offset)
    inflater, position = zlib.decompressobj(31), offset
    try:
        while not inflater.eof:
            chunk = raw.read(CHUNK)
            if not chunk:
                return None
            inflater.decompress(chunk, CHUNK)
            while inflater.unconsumed_tail:
                inflater.decompress(inflater.unconsumed_tail, CHUNK)
            position += len(chunk) - len(inflater.unused_data)
    except zlib.error:
        return None
    return position



def member_finder(looks_right: Callable[[bytes], bool]) -> Callable[[bytes], int | None]:
    """A finder of the first gzip member in a chunk that inflates to what ``looks_right`` accepts."""

    def find(chunk: bytes) -> int | None:
        at = chunk.find(GZIP_MAGIC)
        while at >= 0:
            try:
                head = zlib.decompressobj(31).decompress(chunk[at : at + HEAD], 64)
            except zlib.error:
                head = b""
            if looks_right(head):
                return at
            at = chunk.find(GZIP_MAGIC, at + 1)
        return None

    return find


def scan(raw: BinaryIO, start: int, find: Callable[[bytes], int | None]) -> int | None:
    """The file offset of the first place at or after ``start`` that ``find`` finds, reading chunk by chunk."""
    position = start
    while True:
        raw.seek(position)
        chunk = raw.read(_SCAN + HEAD)
        found = find(chunk)
        if found is not None:
            return position + found
        if len(chunk) <= HEAD:
            return None
        position += len(chunk) - HEAD


def parse_http(message: bytes, offset: int) -> Http:
    """The status line and header fields at the start of an HTTP response message."""
    end = re.search(rb"\r?\n\r?\n", message[:HEAD])
    if end is None:
        raise Corrupt(offset, f"the HTTP headers do not end within the record's first {HEAD} bytes")
    status_line, *lines = message[: end.start()].decode("latin-1").split("\n")
    parts = status_line.split(None, 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise Corrupt(offset, f"expected an HTTP status line such as 'HTTP/1.1 200 OK', found {status_line[:80]!r}")
    fields: dict[str, str] = {}
    name = ""
    for line in lines:
        if line[:1] in (" ", "\t") and name:  # a folded continuation line
            fields[name] += " " + line.strip()
        elif ":" in line:
            name, _, value = line.partition(":")
            name = name.strip().lower()
            fields[name] = f"{fields[name]}, {value.strip()}" if name in fields else value.strip()
    return Http(int(parts[1]), fields, end.end())

