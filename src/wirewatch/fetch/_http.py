"""The HTTP boundary: a request, a response, and the transport that turns one into the other.

:class:`UrllibTransport` is the standard-library transport; anything with the same ``send`` method can replace
it (tests pass a fake one). A transport makes one attempt, never retries and never follows a redirect:
politeness, retries and redirects live in :class:`~wirewatch.fetch.Fetcher`, so that every hop waits for its
host and is checked against its robots.txt. Every HTTP status comes back as a :class:`Response`; only a request
that got no answer at all (timeout, refused connection, broken stream) raises :class:`TransportError`.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.message import Message
from typing import Any, Protocol

from ..config import DEFAULTS
from ..errors import TransportError

__all__ = ["MAX_BYTES", "Request", "Response", "Transport", "TransportError", "UrllibTransport"]

#: Bodies longer than this are cut here (the fetcher refuses them): no news page or feed is this big.
MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Request:
    """One GET request: the URL, its headers, how long to wait for each read (``timeout``) and for the whole
    answer, body included (``deadline``), in seconds."""

    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    timeout: float = DEFAULTS.fetch.timeout
    deadline: float = DEFAULTS.fetch.deadline


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


class _Deadline:
    """Cuts a connection's socket when the request's whole time is up, so a server that drips its answer a byte at
    a time (each read within ``timeout``) cannot hold the fetcher for ever."""

    def __init__(self, seconds: float) -> None:
        self.at = time.monotonic() + seconds
        self._timer: threading.Timer | None = None

    def arm(self, sock: socket.socket) -> None:
        self._timer = threading.Timer(max(0.0, self.at - time.monotonic()), _cut, (sock,))
        self._timer.daemon = True
        self._timer.start()

    def disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()

    @property
    def passed(self) -> bool:
        return time.monotonic() >= self.at


def _cut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):  # already closed
        sock.shutdown(socket.SHUT_RDWR)


class _HTTP(http.client.HTTPConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()
        self._deadline.arm(self.sock)


class _HTTPS(http.client.HTTPSConnection):
    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._deadline = deadline

    def connect(self) -> None:
        super().connect()
        self._deadline.arm(self.sock)


class _DeadlineHandler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline) -> None:
        urllib.request.HTTPHandler.__init__(self)
        urllib.request.HTTPSHandler.__init__(self)
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_HTTP, deadline=self._deadline), req)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(functools.partial(_HTTPS, deadline=self._deadline), req,
                            context=self._context)  # type: ignore[attr-defined]


class UrllibTransport:
    """The standard-library transport (``urllib.request``): decodes gzip, caps bodies, returns redirects as such,
    and gives up on an answer that takes longer than the request's ``deadline`` in all."""

    def send(self, request: Request) -> Response:
        """Send ``request`` once; every status is a Response, no answer is a :class:`TransportError`."""
        wire = urllib.request.Request(request.url, headers={"Accept-Encoding": "gzip", **request.headers})
        deadline = _Deadline(request.deadline)
        opener = urllib.request.build_opener(_NoRedirects, _DeadlineHandler(deadline))
        try:
            with opener.open(wire, timeout=request.timeout) as answer:
                body = answer.read(MAX_BYTES + 1)
                if deadline.passed:  # the body may have been cut short where the deadline closed the socket
                    raise TransportError(f"no whole answer within {request.deadline:g} s (fetch.deadline)")
                return _response(answer.geturl(), answer.status, answer.headers, body)
        except urllib.error.HTTPError as err:
            with err:
                return _response(err.geturl() or request.url, err.code, err.headers, _read_error_body(err))
        except (http.client.HTTPException, OSError) as err:  # URLError and timeouts are OSErrors
            if deadline.passed:
                raise TransportError(f"no whole answer within {request.deadline:g} s (fetch.deadline)") from err
            reason = getattr(err, "reason", None) or err
            raise TransportError(f"{type(reason).__name__}: {reason}") from err
        except ValueError as err:  # a URL urllib refuses (control characters, a bad port)
            raise TransportError(f"the address cannot be requested ({err})", permanent=True) from err
        finally:
            deadline.disarm()


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
