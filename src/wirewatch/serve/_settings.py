"""The settings of a server: its store, its token, what it allows."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Config

__all__ = ["CSP", "ServeSettings"]

#: Scripts, styles and images from this server's files only (never inline, never a javascript: address),
#: nothing else loaded, never framed.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """What one server serves and allows.

    ``token`` guards every write (None: writes are refused); ``read_only`` opens the store read-only, so no write
    works at all; ``cors_origins`` are the origins allowed to call the API from a browser (none by default);
    ``watch`` are feeds polled every ``watch_interval`` seconds inside the server.
    """

    db: str
    token: str | None = None
    read_only: bool = False
    cors_origins: tuple[str, ...] = ()
    page_size: int = 50
    max_page_size: int = 500
    max_body_bytes: int = 10 * 2**20
    write_wait: float = 60.0
    watch: tuple[str, ...] = ()
    watch_interval: float = 900.0
    config: Config | None = None
