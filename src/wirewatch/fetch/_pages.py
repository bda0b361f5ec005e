"""Fetched pages: which ones the pipeline can read (by content type), and their bytes as text."""

from __future__ import annotations

import re
from email.message import Message
from typing import Literal

from ..errors import FetchError

__all__ = ["decode_page", "page_kind"]

PageKind = Literal["html", "text"]

_HTML = {"text/html", "application/xhtml+xml"}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)


def page_kind(content_type: str | None, url: str) -> PageKind:
    """``html`` or ``text`` for a page the pipeline reads; FetchError (for good) for images, PDFs and the like."""
    media = _media(content_type)
    if media is None or media in _HTML:
        return "html"
    if media == "text/plain":
        return "text"
    raise FetchError(url, f"the page is {media}, not HTML or plain text; wirewatch reads news pages only")


def decode_page(body: bytes, content_type: str | None) -> str:
    """The page as text: the charset the server declares, else UTF-8, else the page's meta charset, else cp1252."""
    for encoding in (_declared(content_type), "utf-8", _meta_charset(body), "cp1252"):
        if encoding is not None:
            try:
                return body.decode(encoding)
            except (LookupError, UnicodeError):
                continue
    return body.decode("utf-8", errors="replace")


def _media(content_type: str | None) -> str | None:
    if not content_type or not content_type.strip():
        return None
    message = Message()
    message["content-type"] = content_type
    return message.get_content_type()


def _declared(content_type: str | None) -> str | None:
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    return message.get_content_charset()


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    return match.group(1).decode("ascii") if match else None
