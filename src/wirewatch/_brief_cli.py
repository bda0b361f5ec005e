"""The ``wirewatch brief`` command: a thin adapter over :func:`wirewatch.brief.build_briefing` and its renderers."""

from __future__ import annotations

import os
import sys
from datetime import date

import click

from . import brief as briefs
from .config import load_config
from .errors import WirewatchError
from .resolve import load_kb
from .store import Store

__all__ = ["brief"]


def _day(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value is not None else None
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from err


@click.command()
@click.option("--db", type=click.Path(dir_okay=False), help="DuckDB file (default: store.path in the config).")
@click.option("--actor", help="The actor: country (RUS), code (RUSGOV), key or part of a name.")
@click.option("--dyad", nargs=2, help="Two actors, as for --actor, in either direction: --dyad RUS UKR.")
@click.option("--country", help="A country (ISO alpha-3): its actors' events and the events in it.")
@click.option("--since", callback=_day, help="First day (YYYY-MM-DD; default: 30 days before --until).")
@click.option("--until", callback=_day, help="Last day (YYYY-MM-DD; default: the scope's latest event).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file (default: standard output).")
@click.pass_context
def brief(ctx: click.Context, db: str | None, actor: str | None, dyad: tuple[str, str] | None, country: str | None,
          since: date | None, until: date | None, fmt: str, out: str | None) -> None:
    """Write a briefing on an actor, a dyad or a country: every sentence made from stored records and cited."""
    try:
        config = load_config((ctx.obj or {}).get("config_path"), overrides={"store.path": db})
        if config.store.path != ":memory:" and not os.path.exists(config.store.path):
            raise click.ClickException(f"no database at {config.store.path}; run `wirewatch ingest PATH... --db "
                                       f"{config.store.path}` first")
        with Store.open(config.store.path, read_only=True) as store:
            made = briefs.build_briefing(store, actor=actor, dyad=dyad or None, country=country, since=since,
                                         until=until, kb=load_kb(config.resolve.user_tables))
        if fmt == "pdf":
            data = briefs.render_pdf(made)
        else:
            data = (briefs.render_html(made) if fmt == "html" else briefs.render_markdown(made)).encode("utf-8")
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    with open(out, "wb") as handle:
        handle.write(data)
    click.echo(f"Briefing on {made.scope.label} written to {out} ({len(made.sources)} sources cited).", err=True)
