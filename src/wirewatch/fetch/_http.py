"""The HTTP boundary: a request, a response, and the transport that turns one into the other.

:class:`UrllibTransport` is the standard-library transport; anything with the same ``send`` method can replace
it (tests pass a fake one). A transport makes one attempt, never retries and never follows a redirect:
politeness, retries and redirects live in :class:`~wirewatch.fetch.Fetcher`, so that every hop waits for its
host and is checked against its robots.txt. Every HTTP status comes back as a :class:`Response`; only a request
that got no answer at all (timeout, refused connection, broken stream) raises :class:`TransportError`.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import Protocol

from ..config import DEFAULTS
from ..errors import TransportError

__all__ = ["MAX_BYTES", "Request", "Response", "Transport", "TransportError", "UrllibTransport"]

#: Bodies longer than this are cut here (the fetcher refuses them): no news page or feed is this big.
MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Request:
    """One GET request: the URL, its headers, and how long to wait for an answer (seconds)."""

    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: float = DEFAULTS.fetch.timeout


@dataclass(frozen=True, slots=True)
class Response:
    """An HTTP answer: the URL it came from after redirects, its status, headers (lower-case names) and body."""

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The value of header ``name`` (any case), or None."""
        return self.headers.get(name.lower())


class Transport(Protocol):
    """Sends one request, once."""

    def send(self, request: Request) -> Response: ...


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx answers back as they are (the fetcher follows them itself)."""

    def redirect_request(self, *_args: object, **_kwargs: object) -> None:
        return None


class UrllibTransport:
    """The standard-library transport (``urllib.request``): decodes gzip, caps bodies, returns redirects as such."""

    def __init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirects)

    def send(self, request: Request) -> Response:
        """Send ``request`` once; every status is a Response, no answer is a :class:`TransportError`."""
        wire = urllib.request.Request(request.url, headers={"Accept-Encoding": "gzip", **request.headers})
        try:
            with self._opener.open(wire, timeout=request.timeout) as answer:
                return _response(answer.geturl(), answer.status, answer.headers, answer.read(MAX_BYTES + 1))
        except urllib.error.HTTPError as err:
            with err:
                return _response(err.geturl() or request.url, err.code, err.headers, _read_error_body(err))
        except (http.client.HTTPException, OSError) as err:  # URLError and timeouts are OSErrors
            reason = getattr(err, "reason", None) or err
            raise TransportError(f"{type(reason).__name__}: {reason}") from err
        except ValueError as err:  # a URL urllib refuses (control characters, a bad port)
            raise TransportError(f"the address cannot be requested ({err})", permanent=True) from err


def _read_error_body(err: urllib.error.HTTPError) -> bytes:
    try:
        return err.read(MAX_BYTES + 1)
    except (http.client.HTTPException, OSError):
        return b""


def _response(url: str, status: int, headers: Message, body: bytes) -> Response:
    names = {name.lower(): value for name, value in headers.items()} if headers is not None else {}
    if names.get("content-encoding", "").strip().lower() in {"gzip", "x-gzip"} and body:
        body = _gunzip(body, url)
    return Response(url=url, status=status, headers=names, body=body)


def _gunzip(body: bytes, url: str) -> bytes:
    """Decompress a gzip body, stopping past :data:`MAX_BYTES` (so a small bomb cannot fill memory)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, MAX_BYTES + 1)
    except zlib.error as err:
        raise TransportError(f"the gzip-encoded body from {url} is damaged ({err})") from err
