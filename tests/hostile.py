"""Generated hostile inputs for every reader: valid documents of each format, then mutated (bytes flipped, cut
short, hostile snippets spliced in, wrapped in gzip and damaged), from a fixed seed so a failure reproduces.

Used by ``tests/test_fuzz.py`` (a bounded run in the suite) and ``benchmarks/fuzz_readers.py`` (a long run).
"""

from __future__ import annotations

import gzip
import io
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from fastwarc.warc import WarcRecord, WarcRecordType

#: Snippets that broke a reader, a cleaner or a terminal once, or could: spliced into documents at random.
SNIPPETS: tuple[bytes, ...] = (
    b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"\x81\x8d\x8f\x90\x9d", b"\\ud800", b"\\udfff\\ud800", b"\xed\xa0\x80",
    b"[/x]", b"[link=https://x.example]y[/link]", b":100:", b"\x1b[2J", b"\x1b]0;title\x07",
    b"\x1b]8;;https://x.example\x1b\\link\x1b]8;;\x1b\\", b"=HYPERLINK(\"http://x.example\")", b"=cmd|' /C calc'!A0",
    b"<script>alert(1)</script>", b"<img src=x onerror=alert(1)>", b"javascript:alert(1)",
    b'<meta charset="undefined">', b'<meta charset="x-no-such">', b"[" * 300 + b"]" * 300, b"{" * 50,
    b"<div>" * 300, b"\r\r\r\n\n", b"\t" * 100, b"\xe2\x80\xae", "\U0001f4a3".encode() * 200,
    b"WARC/1.0\r\n", b"Content-Length: 99999999999\r\n", b"filedesc://x 0.0.0.0 20240101000000 text/plain 99999999\n",
    b'{"id": null}', b'{"id": "x", "text": 5}', b'{"id": "x", "published": "9999-12-31", "text": "tomorrow"}',
)

TEXT = "Chile and Peru signed a fishing accord on Friday in Lima, officials said.\n\nThe deal covers southern waters."
HTML = ("<html><head><title>Accord</title><meta charset=\"utf-8\"></head><body><article><h1>Accord</h1>"
        f"<p>{TEXT.replace(chr(10) * 2, '</p><p>')}</p></article></body></html>")


@dataclass(frozen=True, slots=True)
class Case:
    """One generated input: its file name (the extension picks the reader) and its bytes."""

    name: str
    data: bytes


def _jsonl() -> bytes:
    rows = [{"id": f"r{n}", "text": TEXT, "published": "2024-04-20", "outlet": "Wire"} for n in range(3)]
    rows.append({"id": "h1", "html": HTML, "url": "https://news.example/a"})
    return b"".join(json.dumps(r).encode() + b"\n" for r in rows)


def _http(body: bytes, *extra: str) -> bytes:
    head = ["HTTP/1.1 200 OK", "Content-Type: text/html; charset=utf-8", *extra]
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def _warc() -> bytes:
    out = io.BytesIO()
    for n in range(2):
        record = WarcRecord()
        record.init_headers(WarcRecordType.response)
        record.headers["WARC-Target-URI"] = f"https://news.example/{n}"
        record.headers["Content-Type"] = "application/http; msgtype=response"
        record.set_bytes_content(_http(HTML.encode()))
        record.write(out)
    return out.getvalue()


def _arc() -> bytes:
    block = _http(HTML.encode())
    return (b"filedesc://x.arc 0.0.0.0 20240420000000 text/plain 3\n1 0\n\n"
            + f"https://news.example/a 192.0.2.1 20240420093000 text/html {len(block)}\n".encode() + block + b"\n")


#: Extension → a valid document of that format.
BASES: dict[str, Callable[[], bytes]] = {
    "txt": lambda: TEXT.encode(),
    "html": lambda: HTML.encode(),
    "jsonl": _jsonl,
    "warc": _warc,
    "arc": _arc,
}


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _cut(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _splice(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice(SNIPPETS) + data[at:]
    return data


def _repeat(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    piece = data[start : start + rng.randint(1, 200)]
    return data[:start] + piece * rng.randint(2, 50) + data[start:]


def _noise(rng: random.Random, data: bytes) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))


MUTATORS: tuple[Callable[[random.Random, bytes], bytes], ...] = (_flip, _cut, _splice, _splice, _repeat, _noise)


def cases(count: int, *, seed: int = 20261207) -> Iterator[Case]:
    """``count`` hostile inputs, the same ones for the same seed: each a base document put through 1–3 mutations,
    a third of them gzipped (and some of those damaged after)."""
    rng = random.Random(seed)
    kinds = sorted(BASES)
    for n in range(count):
        kind = kinds[n % len(kinds)]
        data = BASES[kind]()
        for _ in range(rng.randint(1, 3)):
            data = rng.choice(MUTATORS)(rng, data)
        name = f"case{n:05d}.{kind}"
        if rng.random() < 0.33:
            data = gzip.compress(data, compresslevel=1)
            name += ".gz"
            if rng.random() < 0.3:
                data = _flip(rng, data) if rng.random() < 0.5 else _cut(rng, data)
        yield Case(name, data)
