"""The JSON API's writing route: ``POST /api/articles`` ingests text, HTML or JSON Lines through the usual
pipeline and answers with the extraction. It needs ``Authorization: Bearer TOKEN``."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from ..config import LimitsConfig
from ..ingest import read_paths
from ..records import Extraction, Failure, RawDocument
from ._db import Database
from ._deps import database, settings
from ._settings import ServeSettings
from ._token import matches

__all__ = ["router"]

router = APIRouter(tags=["write"])
_JSONL = ("application/x-ndjson", "application/jsonl", "application/json", "application/x-jsonlines")


def require_token(config: Annotated[ServeSettings, Depends(settings)],
                  authorization: Annotated[str | None, Header()] = None) -> None:
    """Refuse a write without the server's bearer token (compared in constant time)."""
    if config.read_only or config.token is None:
        raise HTTPException(403, "this server takes no writes (read-only, or started without a token)")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given or not matches(given.strip(), config.token):
        raise HTTPException(401, "writes need 'Authorization: Bearer TOKEN' with the server's token",
                            headers={"WWW-Authenticate": "Bearer"})


@router.post("/articles", summary="Ingest articles (text, HTML or JSON Lines); needs the bearer token",
             dependencies=[Depends(require_token)], status_code=200)
async def post_articles(
    request: Request, db: Annotated[Database, Depends(database)],
    config: Annotated[ServeSettings, Depends(settings)],
    id: Annotated[str | None, Query(description="Document id of a text or HTML body")] = None,
    url: str | None = None, title: str | None = None, outlet: str | None = None,
    published: Annotated[dt.date | None, Query(description="Publication date of documents without one")] = None,
) -> dict[str, Any]:
    """Each document's extraction (the ``wirewatch extract`` contract), whether it was stored, and the counts."""
    body = await _body(request, config.max_body_bytes)
    kind = request.headers.get("content-type", "text/plain").split(";")[0].strip().lower()
    documents = _documents(body, kind, id=id, url=url, title=title, outlet=outlet, published=published,
                           limits=db.config.limits)
    report, results = await run_in_threadpool(db.ingest, documents, wait=config.write_wait)
    return {"seen": report.seen, "added": report.added, "duplicates": report.duplicates, "events": report.events,
            "failures": len(report.failures), "documents": [_result(r) for r in results]}


async def _body(request: Request, most: int) -> bytes:
    """The request's body, refused beyond ``most`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > most:
        raise HTTPException(413, f"the body is larger than {most} bytes; post fewer articles at a time")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > most:
            raise HTTPException(413, f"the body is larger than {most} bytes; post fewer articles at a time")
    if not body.strip():
        raise HTTPException(400, "the body is empty; post an article's text, its HTML or JSON Lines records")
    return bytes(body)


def _documents(body: bytes, kind: str, *, id: str | None, url: str | None, title: str | None, outlet: str | None,
               published: dt.date | None, limits: LimitsConfig) -> list[RawDocument | Failure]:
    """The documents of a body: JSON Lines records, else one text or HTML document."""
    if kind in _JSONL:
        return list(read_paths(["-"], stdin=io.BytesIO(body), published=published, limits=limits))
    text = body.decode("utf-8", errors="replace")
    name = id or "post-" + hashlib.sha256(body).hexdigest()[:16]
    html = kind in ("text/html", "application/xhtml+xml")
    return [RawDocument(id=name, source="POST /api/articles", text=None if html else text, html=text if html else None,
                        url=url, title=title, outlet=outlet, published=None if html else published,
                        fallback_published=published if html else None)]


def _result(result: Extraction | Failure) -> dict[str, Any]:
    if isinstance(result, Failure):
        return {"id": result.id, "error": result.error}
    return {"article_id": result.article.content_hash, **result.to_contract()}
