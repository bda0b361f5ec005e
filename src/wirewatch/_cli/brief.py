"""The ``brief`` command: a briefing on an actor, a dyad or a country, as Markdown, HTML or PDF."""

from __future__ import annotations

import sys
from datetime import date

import click

from .. import api
from ..brief import Briefing, render_html, render_markdown, render_pdf
from .common import DATE, db_option, err, guard, load

__all__ = ["brief"]


@click.command()
@db_option
@click.option("--actor", help="The actor: country (RUS), code (RUSGOV), key or part of a name.")
@click.option("--dyad", nargs=2, help="Two actors, as for --actor, in either direction: --dyad RUS UKR.")
@click.option("--country", help="A country (ISO alpha-3): its actors' events and the events in it.")
@click.option("--since", type=DATE, help="First day (YYYY-MM-DD; default: 30 days before --until).")
@click.option("--until", type=DATE, help="Last day (YYYY-MM-DD; default: the scope's latest event).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False), help="Write to this file (default: standard output).")
@click.pass_context
def brief(ctx: click.Context, db: str | None, actor: str | None, dyad: tuple[str, str] | None, country: str | None,
          since: date | None, until: date | None, fmt: str, out: str | None) -> None:
    """Write a briefing on an actor, a dyad or a country: every sentence made from stored records and cited."""
    config = load(ctx, **{"store.path": db})
    made = guard(lambda: api.brief(actor=actor, dyad=dyad or None, country=country, since=since, until=until,
                                   config=config))
    data = guard(lambda: _render(made, fmt))
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    with open(out, "wb") as handle:
        handle.write(data)
    err.print(f"Briefing written to {out} ({len(made.sources)} sources cited).", highlight=False)


def _render(briefing: Briefing, fmt: str) -> bytes:
    if fmt == "pdf":
        return render_pdf(briefing)
    return (render_html(briefing) if fmt == "html" else render_markdown(briefing)).encode("utf-8")
