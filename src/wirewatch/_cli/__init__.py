"""The commands of ``wirewatch`` (see :mod:`wirewatch.cli`), each a thin adapter over :mod:`wirewatch.api`.

To add a command: write it as a ``click.command`` in a module here (load the config with ``common.load``, call
one ``api`` function inside ``common.guard``, show rows with ``render.render``), and list it in :data:`COMMANDS`.
"""

from __future__ import annotations

from .common import guard, guard_iter, load, set_verbosity
from .query import actor, actors, events, quotes
from .run import batch, demo, extract, ingest
from .serve import serve
from .watch import watch

__all__ = ["COMMANDS", "guard", "guard_iter", "load", "set_verbosity"]

#: Every command but ``eval`` and ``config`` (which live in :mod:`wirewatch.cli`), in the order of the README.
COMMANDS = (extract, ingest, batch, watch, events, serve, demo, actors, actor, quotes)
