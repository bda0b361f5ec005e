"""The ``wirewatch brief`` command: a thin adapter over :func:`wirewatch.brief.build_briefing` and its renderers."""

from __future__ import annotations

import os
import sys
from datetime import date

import click

from . import brief as briefs
from ._cli_common import err, guard_call, load, parse_date
from .resolve import load_kb
from .store import Store

__all__ = ["brief"]


@click.command()
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
@click.option("--actor", help="The actor: country (RUS), code (RUSGOV), key or part of a name.")
@click.option("--dyad", nargs=2, help="Two actors, as for --actor, in either direction: --dyad RUS UKR.")
@click.option("--country", help="A country (ISO alpha-3): its actors' events and the events in it.")
@click.option("--since", callback=parse_date, help="First day (YYYY-MM-DD; default: 30 days before --until).")
@click.option("--until", callback=parse_date, help="Last day (YYYY-MM-DD; default: the scope's latest event).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file (default: standard output).")
@click.pass_context
def brief(ctx: click.Context, db: str | None, actor: str | None, dyad: tuple[str, str] | None, country: str | None,
          since: date | None, until: date | None, fmt: str, out: str | None) -> None:
    """Write a briefing on an actor, a dyad or a country: every sentence made from stored records and cited."""
    config = load(ctx, **{"store.path": db})
    if config.store.path != ":memory:" and not os.path.exists(config.store.path):
        raise click.ClickException(f"no database at {config.store.path}; run `wirewatch ingest PATH... --db "
                                   f"{config.store.path}` first")

    def make() -> tuple[briefs.Briefing, bytes]:
        with Store.open(config.store.path, read_only=True) as store:
            made = briefs.build_briefing(store, actor=actor, dyad=dyad or None, country=country, since=since,
                                         until=until, kb=load_kb(config.resolve.user_tables))
        if fmt == "pdf":
            return made, briefs.render_pdf(made)
        return made, (briefs.render_html(made) if fmt == "html" else briefs.render_markdown(made)).encode("utf-8")

    made, data = guard_call(make)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    with open(out, "wb") as handle:
        handle.write(data)
    err.print(f"Briefing on {made.scope.label} written to {out} ({len(made.sources)} sources cited).",
              highlight=False)
