"""Answers to reads kept until the next write: a GET's response is reused, byte for byte, while the store's write
generation is unchanged (every write through the server's writer ends a generation), so busy readers cost one
query per page and per write, not one per request."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import Response

from ._db import Database

__all__ = ["ResponseCache"]

Key = tuple[int, str]


class ResponseCache:
    """The latest answers to GET requests, at most ``most_bytes`` of bodies, the least recently used dropped."""

    def __init__(self, db: Database, *, most_bytes: int = 64 * 2**20, largest: int = 2 * 2**20) -> None:
        self.db, self.most_bytes, self.largest = db, most_bytes, largest
        self._kept: OrderedDict[Key, tuple[bytes, dict[str, str], str | None]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    async def __call__(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if request.method != "GET" or request.url.path.startswith("/static"):
            return await call_next(request)
        key = (self.db.generation, str(request.url.path) + "?" + request.url.query)
        found = self._get(key)
        if found is not None:
            body, headers, media = found
            return Response(body, headers=headers, media_type=media)
        response = await call_next(request)
        if response.status_code != 200:
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
        headers = {k: v for k, v in response.headers.items() if k != "content-length"}
        self._put(key, (body, headers, response.media_type))
        return Response(body, status_code=200, headers=headers, media_type=response.media_type)

    def _get(self, key: Key) -> tuple[bytes, dict[str, str], str | None] | None:
        with self._lock:
            found = self._kept.get(key)
            if found is not None:
                self._kept.move_to_end(key)
            return found

    def _put(self, key: Key, value: tuple[bytes, dict[str, str], str | None]) -> None:
        if len(value[0]) > self.largest:
            return
        with self._lock:
            for old in [k for k in self._kept if k[0] != key[0]]:  # answers of an earlier generation are stale
                self._bytes -= len(self._kept.pop(old)[0])
            self._kept[key] = value
            self._bytes += len(value[0])
            while self._bytes > self.most_bytes:
                self._bytes -= len(self._kept.popitem(last=False)[1][0])
