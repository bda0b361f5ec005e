"""Web archives: WARC and ARC files (gzipped or not) give their HTML pages; a corrupt record is one Failure."""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from fastwarc.warc import WarcRecord, WarcRecordType

from wirewatch.ingest import read_paths
from wirewatch.records import Failure, RawDocument

PAGE = "<html><head><title>{title}</title></head><body><article><p>{body}</p></article></body></html>"
KYIV = PAGE.format(title="Talks in Kyiv", body="Ministers met in Kyiv on Tuesday to discuss grain exports.")
LIMA = PAGE.format(title="Lima summit", body="Leaders gathered in Lima for a trade summit on Friday.")
CAFE = PAGE.format(title="Café talks", body="Negotiators met at a café in Genève, near the lake.")


def http(status: str, content_type: str | None, body: bytes, *extra: str) -> bytes:
    """An HTTP response message as a crawler stores it."""
    headers = [f"HTTP/1.1 {status}", *([f"Content-Type: {content_type}"] if content_type else []), *extra]
    return ("\r\n".join(headers) + "\r\n\r\n").encode("latin-1") + body


def warc_record(kind: WarcRecordType, uri: str, block: bytes, *, when: datetime | None = None,
                content_type: str = "application/http; msgtype=response") -> bytes:
    """One WARC record, written by fastwarc's writer."""
    record = WarcRecord()
    record.init_headers(kind)
    record.headers["WARC-Target-URI"] = uri
    record.headers["Content-Type"] = content_type
    if when is not None:
        record.record_date = when
    record.set_bytes_content(block)
    out = io.BytesIO()
    record.write(out)
    return out.getvalue()


def record_id(record: bytes) -> str:
    line = next(x for x in record.split(b"\r\n") if x.startswith(b"WARC-Record-ID:"))
    return line.split(b":", 1)[1].strip().strip(b"<>").decode()


APRIL = datetime(2024, 4, 20, 9, 30, tzinfo=UTC)
CHUNKED_GZIP = gzip.compress(LIMA.encode())
RECORDS = {
    "kyiv": warc_record(WarcRecordType.response, "https://news.example/kyiv",
                        http("200 OK", "text/html; charset=utf-8", KYIV.encode()), when=APRIL),
    "request": warc_record(WarcRecordType.request, "https://news.example/kyiv",
                           b"GET /kyiv HTTP/1.1\r\nHost: news.example\r\n\r\n",
                           content_type="application/http; msgtype=request"),
    "image": warc_record(WarcRecordType.response, "https://news.example/logo.png",
                         http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))),
    "missing": warc_record(WarcRecordType.response, "https://news.example/gone",
                           http("404 Not Found", "text/html", b"<html><body>Not found</body></html>")),
    "redirect": warc_record(WarcRecordType.response, "https://news.example/old",
                            http("301 Moved Permanently", "text/html", b"", "Location: https://news.example/new")),
    "metadata": warc_record(WarcRecordType.metadata, "https://news.example/kyiv", b"fetchTimeMs: 120\r\n",
                            content_type="application/warc-fields"),
    "lima": warc_record(WarcRecordType.response, "https://news.example/lima",
                        http("200 OK", "text/html", f"{len(CHUNKED_GZIP):x}\r\n".encode() + CHUNKED_GZIP
                             + b"\r\n0\r\n\r\n", "Transfer-Encoding: chunked", "Content-Encoding: gzip"),
                        when=datetime(2024, 4, 21, tzinfo=UTC)),
    "cafe": warc_record(WarcRecordType.response, "https://news.example/cafe",
                        http("200 OK", 'text/html; charset="ISO-8859-1"', CAFE.encode("latin-1"))),
}
ORDER = ("kyiv", "request", "image", "missing", "redirect", "metadata", "CORRUPT", "lima", "cafe")


def corrupt_warc(record: bytes) -> bytes:
    """A record whose Content-Length is not a number."""
    return record.replace(b"Content-Length: ", b"Content-Length: x", 1)


def build_warc(path: Path, *, gzipped: bool, corrupt: Callable[[bytes], bytes] = corrupt_warc) -> dict[str, int]:
    """Write the records in ORDER (one gzip member each when gzipped); return each record's offset."""
    offsets, out = {}, io.BytesIO()
    for name in ORDER:
        data = corrupt(RECORDS["kyiv"]) if name == "CORRUPT" else RECORDS[name]
        offsets[name] = out.tell()
        out.write(gzip.compress(data) if gzipped else data)
    path.write_bytes(out.getvalue())
    return offsets


def read(*paths: Path, published: date | None = None) -> list[RawDocument | Failure]:
    return list(read_paths(paths, published=published))


# --- WARC ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["news.warc", "news.warc.gz"])
def test_a_warc_file_gives_its_html_pages_and_one_failure_for_the_corrupt_record(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    offsets = build_warc(path, gzipped=name.endswith(".gz"))
    docs = read(path)
    pages = [d for d in docs if isinstance(d, RawDocument)]
    failures = [d for d in docs if isinstance(d, Failure)]
    assert [p.url for p in pages] == ["https://news.example/kyiv", "https://news.example/lima",
                                      "https://news.example/cafe"]
    assert [f.where for f in failures] == [f"{path}@{offsets['CORRUPT']}"]
    assert "corrupt archive record" in failures[0].error and "rest of the file was read" in failures[0].error
    assert docs.index(failures[0]) == 1  # in its place: after Kyiv, before Lima


def test_a_warc_page_carries_record_id_url_offset_and_the_warc_date_as_fallback(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    offsets = build_warc(path, gzipped=True)
    kyiv, lima = [d for d in read(path, published=date(2020, 1, 1)) if isinstance(d, RawDocument)][:2]
    assert kyiv.id == record_id(RECORDS["kyiv"])
    assert kyiv.source == f"{path}@{offsets['kyiv']}"
    assert kyiv.fallback_published == date(2024, 4, 20)
    assert kyiv.published is None and kyiv.text is None
    assert kyiv.html == KYIV
    assert lima.html == LIMA  # un-chunked and gunzipped
    assert lima.fallback_published == date(2024, 4, 21)


def test_a_warc_page_is_decoded_with_its_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "news.warc"
    build_warc(path, gzipped=False)
    (cafe,) = (d for d in read(path) if isinstance(d, RawDocument) and d.url and d.url.endswith("/cafe"))
    assert cafe.html == CAFE


@pytest.mark.parametrize(
    ("declared", "body", "expected"),
    [
        ("windows-1251", "Министр".encode("cp1251"), "Министр"),
        ("iso-8859-1", "Genève".encode(), "Genève"),  # declared Latin-1, written in UTF-8: UTF-8 wins
        ("no-such-charset", "Genève".encode("cp1252"), "Genève"),
        (None, "Genève".encode("utf-8-sig"), "Genève"),
    ],
)
def test_a_body_falls_back_sensibly_when_its_charset_is_wrong_or_missing(tmp_path: Path, declared: str | None,
                                                                          body: bytes, expected: str) -> None:
    content_type = f"text/html; charset={declared}" if declared else "text/html"
    path = tmp_path / "one.warc"
    path.write_bytes(warc_record(WarcRecordType.response, "http://x.example/", http("200 OK", content_type, body)))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument) and doc.html == expected


def test_a_record_without_a_record_id_or_date_takes_the_uri_and_the_users_date(tmp_path: Path) -> None:
    block = http("200 OK", "text/html", KYIV.encode())
    record = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\n"
              f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    path = tmp_path / "bare.warc"
    path.write_bytes(record + block + b"\r\n\r\n")
    (doc,) = read(path, published=date(2024, 5, 1))
    assert isinstance(doc, RawDocument)
    assert (doc.id, doc.url, doc.fallback_published) == ("http://x.example/a", "http://x.example/a", date(2024, 5, 1))


def test_a_damaged_gzip_member_is_one_failure_and_the_members_after_it_are_read(tmp_path: Path) -> None:
    path = tmp_path / "news.warc.gz"
    offsets, out = {}, io.BytesIO()
    for name in ("kyiv", "BAD", "lima", "cafe"):
        offsets[name] = out.tell()
        member = bytearray(gzip.compress(RECORDS["kyiv" if name == "BAD" else name]))
        if name == "BAD":
            member[40:60] = bytes(20)
        out.write(member)
    path.write_bytes(out.getvalue())
    docs = read(path)
    assert [type(d).__name__ for d in docs] == ["RawDocument", "Failure", "RawDocument", "RawDocument"]
    assert docs[1].where == f"{path}@{offsets['BAD']}"


def test_garbage_between_records_is_one_failure_at_its_offset(tmp_path: Path) -> None:
    path = tmp_path / "news.warc"
    garbage = b"this line is not a WARC record\r\nnor is this one\r\n\r\n"
    path.write_bytes(RECORDS["kyiv"] + garbage + RECORDS["lima"])
    docs = read(path)
    assert [type(d).__name__ for d in docs] == ["RawDocument", "Failure", "RawDocument"]
    assert docs[1].where == f"{path}@{len(RECORDS['kyiv'])}"


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_file_cut_short_inside_its_last_record_says_so(tmp_path: Path, gzipped: bool) -> None:
    data = b"".join(gzip.compress(r) if gzipped else r for r in (RECORDS["kyiv"], RECORDS["cafe"]))
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    path.write_bytes(data[:-40])
    docs = read(path)
    assert [type(d).__name__ for d in docs] == ["RawDocument", "Failure"]
    assert "ends inside the record" in docs[1].error or "gzip" in docs[1].error


def test_an_undecodable_body_is_a_failure_for_that_record_only(tmp_path: Path) -> None:
    bad = warc_record(WarcRecordType.response, "http://x.example/bad",
                      http("200 OK", "text/html", b"definitely not gzip", "Content-Encoding: gzip"))
    path = tmp_path / "news.warc"
    path.write_bytes(bad + RECORDS["kyiv"])
    docs = read(path)
    assert [type(d).__name__ for d in docs] == ["Failure", "RawDocument"]
    assert "gzip body cannot be inflated" in docs[0].error


def test_a_folder_of_archives_is_walked_and_web_archives_on_standard_input_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    build_warc(tmp_path / "a" / "one.warc.gz", gzipped=True)
    docs = read(tmp_path)
    assert sum(isinstance(d, RawDocument) for d in docs) == 3
    (refused,) = read_paths(["-"], stdin=io.BytesIO(RECORDS["kyiv"]))
    assert isinstance(refused, Failure) and "pass its file path" in refused.error


def test_an_archive_with_an_unknown_extension_is_recognised_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "crawl.data"
    build_warc(path, gzipped=True)
    assert sum(isinstance(d, RawDocument) for d in read(path)) == 3


# --- ARC ----------------------------------------------------------------------------------------------------


def arc_record(url: str, block: bytes, *, stamp: str = "20240420093000", kind: str = "text/html") -> bytes:
    return f"{url} 192.0.2.7 {stamp} {kind} {len(block)}\n".encode() + block + b"\n"


ARC_HEADER_BLOCK = b"1 0 wirewatch-tests\nURL IP-address Archive-date Content-type Archive-length\n"
ARC = {
    "filedesc": arc_record("filedesc://news.arc", ARC_HEADER_BLOCK, kind="text/plain"),
    "kyiv": arc_record("http://news.example/kyiv", http("200 OK", "text/html", KYIV.encode())),
    "dns": arc_record("dns:news.example", b"news.example. 300 IN A 192.0.2.7", kind="text/dns"),
    "image": arc_record("http://news.example/logo.png", http("200 OK", "image/png", b"\x89PNG..."), kind="image/png"),
    "missing": arc_record("http://news.example/gone", http("404 Not Found", "text/html", b"<p>no</p>")),
    "CORRUPT": b"http://news.example/broken 192.0.2.7 not-a-date text/html 12\nHTTP/1.1 200\n",
    "lima": arc_record("http://news.example/lima", http("200 OK", "text/html; charset=utf-8", LIMA.encode()),
                       stamp="20240421120000"),
}


@pytest.mark.parametrize("name", ["news.arc", "news.arc.gz"])
def test_an_arc_file_gives_its_html_pages_and_one_failure_for_the_corrupt_record(tmp_path: Path, name: str) -> None:
    offsets, out = {}, io.BytesIO()
    for key, record in ARC.items():
        offsets[key] = out.tell()
        out.write(gzip.compress(record) if name.endswith(".gz") else record)
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    docs = read(path)
    assert [type(d).__name__ for d in docs] == ["RawDocument", "Failure", "RawDocument"]
    kyiv, failure, lima = docs
    assert isinstance(kyiv, RawDocument) and isinstance(lima, RawDocument) and isinstance(failure, Failure)
    assert (kyiv.id, kyiv.url, kyiv.html, kyiv.fallback_published) == (
        "http://news.example/kyiv", "http://news.example/kyiv", KYIV, date(2024, 4, 20))
    assert kyiv.source == f"{path}@{offsets['kyiv']}"
    assert failure.where == f"{path}@{offsets['CORRUPT']}"
    assert lima.html == LIMA and lima.fallback_published == date(2024, 4, 21)


def test_a_damaged_gzip_member_in_an_arc_file_is_one_failure(tmp_path: Path) -> None:
    members = [gzip.compress(ARC[k]) for k in ("filedesc", "kyiv", "kyiv", "lima")]
    damaged = bytearray(members[2])
    damaged[30:50] = bytes(20)
    members[2] = bytes(damaged)
    path = tmp_path / "news.arc.gz"
    path.write_bytes(b"".join(members))
    docs = read(path)
    assert [type(d).__name__ for d in docs] == ["RawDocument", "Failure", "RawDocument"]
    assert docs[1].where == f"{path}@{len(members[0]) + len(members[1])}"
    assert "gzip" in docs[1].error
