"""The ``serve`` command: the HTTP API and the dashboard on one port, a thin adapter over :mod:`wirewatch.serve`."""

from __future__ import annotations

from typing import Any

import click

from .common import db_option, err, guard, load

__all__ = ["serve"]

_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; another than 127.0.0.1 opens the store to the network.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True)
@click.option("--token-file", type=click.Path(dir_okay=False, exists=True),
              help="File holding the bearer token for writes (else WIREWATCH_API_TOKEN, else one made and kept "
                   "in the config directory).")
@click.option("--read-only", is_flag=True, help="Open the store read-only: no writes at all, and other processes "
              "may read it too.")
@click.option("--cors-origin", "cors_origins", multiple=True,
              help="An origin allowed to call the API from a browser (repeatable; none by default).")
@click.option("--watch", "feeds", multiple=True, metavar="FEED",
              help="An RSS or Atom feed to poll while serving, as `wirewatch watch` does (repeatable).")
@click.option("--interval", type=click.FloatRange(min=1), default=900, show_default=True,
              help="Seconds between polls of the --watch feeds.")
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int, token_file: str | None, read_only: bool,
          cors_origins: tuple[str, ...], feeds: tuple[str, ...], interval: float) -> None:
    """Serve the HTTP API (/api; /docs lists it) and the dashboard (/) over one store."""
    try:
        import uvicorn

        from ..serve import ServeSettings, create_app, resolve_token
    except ImportError as missing:
        raise click.ClickException(f"serve needs the 'serve' extra ({missing.name} is missing): "
                                   "pip install 'wirewatch[serve]', or make setup-serve") from missing
    config = load(ctx, **{"store.path": db})
    token = None if read_only else guard(lambda: resolve_token(token_file=token_file))
    settings = ServeSettings(db=config.store.path, token=token.value if token else None, read_only=read_only,
                             cors_origins=cors_origins, watch=feeds, watch_interval=interval, config=config)
    app = guard(lambda: create_app(settings))
    _tell(host, port, token, config.store.path)
    if feeds:
        err.print(f"Watching {len(feeds)} feed(s) every {interval:g} s; each poll is logged.")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def _tell(host: str, port: int, token: Any, db: str) -> None:
    """Where to look, where the token is, and a warning when the store is open to the network."""
    where = f"[{host}]" if ":" in host else host
    err.print(f"Serving {db}: dashboard http://{where}:{port}/ , API http://{where}:{port}/docs (Ctrl-C stops)",
               highlight=False)
    if token is None:
        err.print("Read-only: POST /api/articles is refused.")
    elif token.origin in ("made", "kept"):
        err.print(f"Writes need 'Authorization: Bearer TOKEN'; the token is in {token.path}"
                   + (" (made now)." if token.origin == "made" else "."), highlight=False)
    if host not in _LOOPBACK:
        err.print(f"[yellow]Warning: listening on {host} lets anyone who can reach it read the store"
                   + ("; and no token was given (--token-file or WIREWATCH_API_TOKEN), so writes rely on the one "
                      f"kept in {token.path}" if token is not None and token.origin in ("made", "kept") else "")
                   + ".[/yellow]", highlight=False)

