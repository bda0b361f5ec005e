"""``wirewatch serve``: the HTTP API (JSON under ``/api``) and the dashboard (HTML at ``/``) over one store.

``create_app(ServeSettings(db=...))`` gives the FastAPI application; it needs the ``serve`` extra (fastapi,
uvicorn, jinja2). Readers each use their own cursor of the store's connection and never wait for the writer;
writes (``POST /api/articles``, ``--watch``) take turns behind one lock and need the bearer token.
"""

from __future__ import annotations

from ._app import create_app
from ._settings import ServeSettings
from ._token import TOKEN_ENV, Token, resolve_token, token_path

__all__ = ["TOKEN_ENV", "ServeSettings", "Token", "create_app", "resolve_token", "token_path"]
