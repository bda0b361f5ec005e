"""Helpers for the serve tests: a store filled with the sample corpus, and a real server on a free port."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from wirewatch import api
from wirewatch.config import Config

uvicorn = pytest.importorskip("uvicorn", reason="the serve extra (fastapi, uvicorn) is not installed")
pytest.importorskip("fastapi", reason="the serve extra (fastapi, uvicorn) is not installed")

from wirewatch.serve import ServeSettings, create_app  # noqa: E402

TOKEN = "test-token-0123456789abcdef"


def demo_store(folder: Path, config: Config) -> Path:
    """A store holding the sample corpus."""
    path = folder / "demo.duckdb"
    api.demo(db=path, config=config)
    return path


def copy_store(path: Path, folder: Path) -> Path:
    """A copy of a store, so that a test may write to it."""
    target = folder / path.name
    shutil.copy(path, target)
    return target


@contextmanager
def running(settings: ServeSettings) -> Iterator[str]:
    """A real server (uvicorn, in a thread) on 127.0.0.1 and a free port; yields its base address."""
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
