"""Hostile and damaged input: each bad record fails alone, with a message naming it, and its neighbours come out.

Every case is the smallest reproducer of a defect found by a probe of generated and mutated inputs.
"""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from wirewatch import api
from wirewatch.annotate import load_model, parse, pieces
from wirewatch.clean import scrub
from wirewatch.config import LimitsConfig
from wirewatch.extract._dates import resolve_date
from wirewatch.ingest import read_paths
from wirewatch.records import Extraction, Failure, RawDocument
from wirewatch.resolve._context import entity_of

GOOD = '{"id": "good", "text": "Chile and Peru signed a fishing accord on Friday."}\n'


def _read(tmp_path: Path, name: str, data: bytes) -> list[RawDocument | Failure]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(read_paths([path]))


@pytest.mark.parametrize(("line", "says"), [
    ('{"id": "deep", "text": "x", "extra": ' + "[" * 1000 + "]" * 1000 + "}\n", "nested too deeply"),
    ('{"id": "nul", "text": "a\x00b"}\n', "NUL bytes"),
    ('{"id": "cut", "text": "no end\n', "invalid JSON"),
])
def test_a_bad_json_lines_record_fails_alone_and_its_neighbour_is_read(tmp_path, line, says):
    first, second = _read(tmp_path, "in.jsonl", (line + GOOD).encode("utf-8"))
    assert isinstance(first, Failure) and says in first.error and first.where.endswith("in.jsonl:1")
    assert isinstance(second, RawDocument) and second.id == "good"


def test_a_lone_surrogate_escape_in_a_record_is_replaced_not_fatal(tmp_path):
    line = '{"id": "s", "text": "Chile recalled its envoy \\ud800 from Lima."}\n'
    records = _read(tmp_path, "in.jsonl", (line + GOOD).encode("utf-8"))
    results = list(api.extract(documents=[r for r in records if isinstance(r, RawDocument)]))
    assert [type(r) for r in results] == [Extraction, Extraction]
    assert "\ufffd" in results[0].article.text


@pytest.mark.parametrize(("text", "clean"), [
    ("a\ud800b", "a\ufffdb"),
    ("\udfffend", "\ufffdend"),
    ("plain text", "plain text"),
])
def test_scrub_replaces_lone_surrogates_only(text, clean):
    assert scrub(text) == clean


@pytest.mark.parametrize("stray", [b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"])
def test_one_stray_byte_in_a_utf8_text_file_does_not_reject_or_garble_the_file(tmp_path, stray):
    body = "Fran\u00e7ois Dupont met the minister \u2014 the talks went well.".encode() + b" " + stray + b" end"
    (document,) = _read(tmp_path, "note.txt", body)
    assert isinstance(document, RawDocument)
    assert document.text is not None and document.text.startswith("Fran\u00e7ois") and "\ufffd" in document.text


def test_a_cp1252_file_is_still_read_as_cp1252(tmp_path):
    (document,) = _read(tmp_path, "old.txt", "Caf\u00e9 talks \u2013 Montr\u00e9al".encode("cp1252"))
    assert isinstance(document, RawDocument) and document.text == "Caf\u00e9 talks \u2013 Montr\u00e9al"


def test_a_nul_byte_still_rejects_a_binary_text_file(tmp_path):
    (failure,) = _read(tmp_path, "blob.txt", b"\x00\x01\x02binary")
    assert isinstance(failure, Failure) and "NUL" in failure.error


def test_a_gzipped_json_lines_file_with_a_bad_line_keeps_the_good_one(tmp_path):
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"id": "bad", "text": "a\x00b"}\n' + GOOD.encode()))
    first, second = read_paths([path])
    assert isinstance(first, Failure) and isinstance(second, RawDocument)


@pytest.mark.parametrize(("text", "published"), [
    ("talks will resume tomorrow", date(9999, 12, 31)),
    ("they met yesterday", date(1, 1, 1)),
    ("the envoy returns next week", date(9999, 12, 30)),
])
def test_a_relative_date_past_the_calendar_is_no_date_not_an_error(text, published):
    assert resolve_date(text, published, future=True) is None


@pytest.mark.parametrize(("text", "limit"), [
    ("one two three\n\nfour five six\n\nseven eight", 16),
    ("a" * 50, 20),
    ("short", 100),
    ("word " * 40, 33),
])
def test_pieces_join_back_into_the_text_and_respect_the_limit(text, limit):
    parts = pieces(text, limit)
    assert "".join(parts) == text
    assert all(len(p) <= limit for p in parts)


def test_pieces_end_at_a_paragraph_break_when_one_is_near():
    assert pieces("alpha beta\n\ngamma delta", 16) == ["alpha beta\n\n", "gamma delta"]


@pytest.mark.slow
def test_a_document_longer_than_the_model_limit_is_parsed_in_pieces_with_the_same_text():
    nlp = load_model()
    text = "\n\n".join(["Chile and Peru signed a fishing accord on Friday in Lima."] * 40)
    saved = nlp.max_length
    nlp.max_length = 500
    try:
        doc = parse(nlp, text)
    finally:
        nlp.max_length = saved
    assert doc.text == text
    assert [e.text for e in doc.ents] == [e.text for e in nlp(text).ents]


@pytest.mark.slow
def test_a_token_s_entity_is_the_document_entity_it_belongs_to():
    doc = load_model()("The Islamic Republic of Iran and the United Nations met in New York City on Monday.")
    for ent in doc.ents:
        for token in ent:
            span = entity_of(token)
            want = ent[1:] if ent[0].lower_ == "the" and len(ent) > 1 else ent
            assert (span.start, span.end) == (want.start, want.end)
    outside = next(t for t in doc if not t.ent_type_)
    assert (entity_of(outside).start, entity_of(outside).end) == (outside.i, outside.i + 1)


# --- archives and pages ----------------------------------------------------------------------------------


def test_an_arc_record_declaring_a_huge_length_is_one_failure_and_the_next_record_is_read(tmp_path):
    from .test_warc import arc_record, http

    page = http("200 OK", "text/html", b"<html><body><p>Chile and Peru met.</p></body></html>")
    huge = b"http://news.example/huge 192.0.2.7 20240420093000 text/html 99999999999\nHTTP/1.1 200\n"
    (failure, document) = _read(tmp_path, "crawl.arc", huge + arc_record("http://news.example/ok", page))
    assert isinstance(failure, Failure) and "99999999999 bytes" in failure.error
    assert isinstance(document, RawDocument) and document.url == "http://news.example/ok"


@pytest.mark.parametrize("header", ["text/html; charset=undefined", "text/html; charset=x-no-such"])
def test_a_page_whose_header_names_an_unusable_charset_is_still_read(tmp_path, header):
    from fastwarc.warc import WarcRecordType

    from .test_warc import http, warc_record

    body = "<html><body><p>Genève talks</p></body></html>".encode()
    record = warc_record(WarcRecordType.response, "http://x.example/", http("200 OK", header, body))
    (document,) = _read(tmp_path, "one.warc", record)
    assert isinstance(document, RawDocument) and "Genève" in (document.html or "")


def test_a_brotli_bomb_in_a_warc_record_is_refused_within_the_cap(tmp_path):
    brotli = pytest.importorskip("brotli")
    from fastwarc.warc import WarcRecordType

    from wirewatch._archive import MAX_RECORD

    from .test_warc import http, warc_record

    bomb = brotli.compress(b"<p>" + b"a" * (MAX_RECORD + 1024), quality=1)
    record = warc_record(WarcRecordType.response, "http://x.example/bomb",
                         http("200 OK", "text/html", bomb, "Content-Encoding: br"))
    (failure,) = _read(tmp_path, "bomb.warc", record)
    assert isinstance(failure, Failure) and "inflates to more than" in failure.error


@pytest.mark.parametrize("content_type", ["text/html; charset=undefined", "text/html; charset=bogus-8"])
def test_a_fetched_page_with_an_unusable_declared_charset_decodes(content_type):
    from wirewatch.fetch._pages import decode_page

    assert decode_page("Genève".encode(), content_type) == "Genève"


# --- limits ----------------------------------------------------------------------------------------------


def _zeros_gz(path: Path, megabytes: int) -> Path:
    with gzip.open(path, "wb", compresslevel=1) as out:
        for _ in range(megabytes):
            out.write(b" " * (1 << 20))
    return path


def test_a_gzip_bomb_stops_at_the_input_limit_with_an_error_naming_the_setting(tmp_path):
    bomb = _zeros_gz(tmp_path / "a-bomb.html.gz", 3)
    good = tmp_path / "b-good.txt"
    good.write_text("Chile and Peru signed a fishing accord on Friday.", encoding="utf-8")
    failure, document = read_paths([tmp_path], limits=LimitsConfig(max_input_mb=1))
    assert isinstance(failure, Failure) and failure.where == str(bomb)
    assert "limits.max_input_mb" in failure.error and "1 MiB" in failure.error
    assert isinstance(document, RawDocument) and document.id == str(good)


def test_a_json_lines_line_over_the_limit_fails_alone(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "big", "text": "' + "x" * (1 << 21) + '"}\n' + GOOD, encoding="utf-8")
    failure, document = read_paths([path], limits=LimitsConfig(max_input_mb=1))
    assert isinstance(failure, Failure) and failure.where == f"{path}:1" and "limits.max_input_mb" in failure.error
    assert isinstance(document, RawDocument) and document.id == "good"


@pytest.mark.parametrize("value", [0, -5])
def test_the_input_limit_must_be_at_least_one_mebibyte(value):
    from wirewatch.config import load_config
    from wirewatch.errors import ConfigError

    with pytest.raises(ConfigError, match="limits.max_input_mb"):
        load_config(env={}, overrides={"limits.max_input_mb": value})


# --- the network: servers that drip, feeds cut short --------------------------------------------------------


class _Drip:
    """A server on 127.0.0.1 that sends its headers, then one byte of body every 0.2 s for ever (until cut)."""

    def __init__(self) -> None:
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/slow.html"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        import time

        conn, _ = self.sock.accept()
        conn.recv(4096)
        try:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
            for _ in range(200):  # bounded: 40 s at most, far past the deadline under test
                conn.sendall(b"x")
                time.sleep(0.2)
        except OSError:
            pass  # the client cut the connection
        finally:
            conn.close()
            self.sock.close()


def test_a_server_that_drips_its_answer_is_cut_off_at_the_request_deadline():
    import time

    from wirewatch.fetch._http import Request, TransportError, UrllibTransport

    drip = _Drip()
    started = time.monotonic()
    with pytest.raises(TransportError, match="fetch.deadline"):
        UrllibTransport().send(Request(drip.url, timeout=1.0, deadline=1.5))
    assert time.monotonic() - started < 5


def test_a_feed_cut_short_queues_what_it_holds_and_is_reported():
    from wirewatch.fetch._feeds import parse_feed

    whole = (Path(__file__).parent / "fixtures" / "feeds" / "world.rss").read_bytes()
    parsed = parse_feed(whole[: len(whole) * 2 // 3], url="https://news.example.org/world/rss.xml")
    assert parsed.problem is not None and "entries could be read" in parsed.problem
    assert parse_feed(whole, url="https://news.example.org/world/rss.xml").problem is None


def test_the_request_deadline_cannot_be_shorter_than_the_read_timeout():
    from wirewatch.config import load_config
    from wirewatch.errors import ConfigError

    with pytest.raises(ConfigError, match="fetch.deadline"):
        load_config(env={}, overrides={"fetch.timeout": 30.0, "fetch.deadline": 10.0})


@pytest.mark.parametrize("depth", [300, 800])
def test_a_page_nested_deeper_than_the_parser_s_limit_keeps_its_text(depth):
    from wirewatch.clean import clean

    paragraph = "<p>Chile and Peru signed a fishing accord on Friday in Lima, officials said. It covers the south.</p>"
    html = "<html><body>" + "<div>" * depth + paragraph + "</div>" * depth + "</body></html>"
    article = clean(RawDocument(id="deep", source="deep", html=html))
    assert article.page_kind == "article" and article.text.startswith("Chile and Peru signed")
