"""Feeds: the entries of an RSS or Atom document, read with feedparser from bytes we fetched ourselves."""

from __future__ import annotations

import io
import time
import xml.sax
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import feedparser

from ..errors import FetchError
from ..store import FeedEntry

__all__ = ["ParsedFeed", "parse_feed", "page_url"]


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and its entries that link to a web page, in feed order."""

    title: str | None
    entries: tuple[FeedEntry, ...]
    #: Why the document was read only in part (cut short, or broken XML after some entries); None when whole.
    problem: str | None = None


def parse_feed(body: bytes, *, url: str, headers: Mapping[str, str] | None = None) -> ParsedFeed:
    """Parse an RSS or Atom document fetched from ``url``; FetchError when it is neither."""
    given = {"content-location": url, **{k: v for k, v in (headers or {}).items() if k == "content-type"}}
    # A stream, never a string: feedparser would treat a string as a URL or a path and read it.
    parsed = feedparser.parse(io.BytesIO(body), response_headers=given)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__}: {problem})" if problem else ""
        raise FetchError(url, f"not an RSS or Atom feed{detail}; check the address")
    entries = tuple(e for e in (_entry(raw, url) for raw in parsed.entries) if e is not None)
    return ParsedFeed(title=parsed.feed.get("title") or None, entries=entries, problem=_partial(parsed))


def _partial(parsed: Any) -> str | None:
    """Why a feed that parsed was read only in part: XML that is not well formed (a feed cut short). Other
    complaints of feedparser's (a charset that the header and the document disagree on) lose nothing."""
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if not isinstance(problem, xml.sax.SAXException):
        return None
    return f"{problem}; {len(parsed.entries)} entries could be read"


def page_url(link: str, base: str) -> str | None:
    """The absolute http(s) address of an entry's link, without its #fragment; None for anything else."""
    absolute = urldefrag(urljoin(base, link.strip())).url
    parts = urlsplit(absolute)
    return absolute if parts.scheme in {"http", "https"} and parts.netloc else None


def _entry(raw: Any, base: str) -> FeedEntry | None:
    link = raw.get("link") or _alternate(raw)
    url = page_url(link, base) if link else None
    if url is None:
        return None
    title = (raw.get("title") or "").strip() or None
    return FeedEntry(url=url, title=title, published=_date(raw))


def _alternate(raw: Any) -> str | None:
    for link in raw.get("links") or ():
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return str(link["href"])
    return None


def _date(raw: Any) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = raw.get(key)
        if isinstance(value, time.struct_time):
            try:
                return date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None
