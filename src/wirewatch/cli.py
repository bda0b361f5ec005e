"""The ``wirewatch`` command line: thin adapters over :mod:`wirewatch.api`. Only the CLI prints.

The commands live in ``wirewatch._cli`` (one module per group of commands, sharing one renderer and one
progress factory); ``eval`` and ``config`` are here.
"""

from __future__ import annotations

import json
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from . import __version__
from ._cli import COMMANDS, set_verbosity
from ._cli import guard as _guard_call
from ._cli import load as _config
from ._cli.common import safe
from .annotate import release_large_blocks
from .config import default_config_text

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="wirewatch")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="A TOML file of settings.")
@click.option("-v", "--verbose", count=True, help="Log what the library does (-vv: in detail) on standard error.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or notes; errors and results only.")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, verbose: int, quiet: bool) -> None:
    """wirewatch: who did what to whom, when, where, and who says so, from news articles, offline."""
    ctx.ensure_object(dict)
    ctx.obj["config_path"] = config_path
    set_verbosity(ctx, verbose, quiet)


for _command in COMMANDS:
    cli.add_command(_command)


@cli.command(name="eval")
@click.option("--set", "sets", type=click.Choice(["plover", "petr2", "plv", "polnear"]), multiple=True,
              help="Gold set to score (repeatable; default: plover and petr2). polnear scores the quotes.")
@click.option("--data", type=click.Path(file_okay=False), help="Folder holding plover_gsr/, petr2_gsr/, "
              "plv_dev/ and polnear_dev/ (default: ../shared/eval).")
@click.option("--errors", "show_errors", type=int, default=0, show_default=True,
              help="Also list this many gold events the coder got wrong, per set.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.pass_context
def evaluate(ctx: click.Context, sets: tuple[str, ...], data: str | None, show_errors: int, fmt: str) -> None:
    """Score the event coder on the PLOVER, PETRARCH-2 or plv gold sentences: per-type precision, recall and F1,
    end-to-end accuracy (source, target and type right) and type accuracy where the pair was found."""
    from pathlib import Path

    from .evaluation import QuoteScores, default_data_dir
    from .evaluation import evaluate as run_eval

    config = _config(ctx)
    folder = Path(data) if data else default_data_dir()
    results = _guard_call(lambda: run_eval(list(sets) or ["plover", "petr2"], folder, config))
    if fmt == "json":
        click.echo(json.dumps([s.summary() if isinstance(s, QuoteScores) else _scores_dict(s)
                               for s in results], indent=2))
        return
    for scores in results:
        if isinstance(scores, QuoteScores):
            _print_quote_scores(scores, show_errors)
        else:
            _print_scores(scores, show_errors, config.extract.coder)


def _print_quote_scores(scores: Any, show_errors: int) -> None:
    console = Console(emoji=False)
    console.print(f"[bold]{scores.name}[/bold]: {scores.articles} articles, {scores.counted} attributions counted "
                  f"({len(scores.named)} with a named source); {scores.predicted} quotes extracted", highlight=False)
    console.print(f"  found: [bold]{scores.found:.3f}[/bold]; speaker right on named sources: "
                  f"[bold]{scores.speaker_right:.3f}[/bold]; precision: [bold]{scores.precision:.3f}[/bold]")
    for line in scores.error_lines(show_errors):
        console.print(f"  [red]✗[/red] {safe(line)}", highlight=False)


def _scores_dict(scores: Any) -> dict[str, Any]:
    return {
        "set": scores.name, "sentences": scores.sentences, "gold_events": scores.scored, "unscored": scores.unscored,
        "end_to_end": round(scores.end_to_end, 3), "pair_found": round(scores.pair_found, 3),
        "type_accuracy_where_pair_found": round(scores.type_accuracy_where_pair_found, 3),
        "empty_sentences": scores.empty_sentences, "false_events": scores.false_events,
        "per_type": {t.type: {"gold": t.gold, "predicted": t.predicted, "correct": t.correct,
                              "precision": round(t.precision, 3), "recall": round(t.recall, 3),
                              "f1": round(t.f1, 3)} for t in scores.per_type()},
    }


def _print_scores(scores: Any, show_errors: int, coder: str) -> None:
    console = Console(emoji=False)
    console.print(f"[bold]{scores.name}[/bold]: {scores.sentences} sentences, {scores.scored} gold events scored "
                  f"({scores.unscored} with no PLOVER type skipped); coder {coder}", highlight=False)
    console.print(f"  end-to-end accuracy (source, target and type right): [bold]{scores.end_to_end:.3f}[/bold]")
    console.print(f"  source and target found: {scores.pair_found:.3f}; type accuracy where found: "
                  f"[bold]{scores.type_accuracy_where_pair_found:.3f}[/bold]")
    if scores.empty_sentences:
        console.print(f"  sentences with no gold event: {scores.empty_sentences}; events coded in them: "
                      f"{scores.false_events}")
    table = Table("type", "gold", "coded", "right", "precision", "recall", "F1")
    for t in scores.per_type():
        table.add_row(t.type, str(t.gold), str(t.predicted), str(t.correct), f"{t.precision:.2f}",
                      f"{t.recall:.2f}", f"{t.f1:.2f}")
    console.print(table)
    wrong = [o for o in scores.outcomes if not o.right][:show_errors]
    for o in wrong:
        gold = f"{o.gold.type} {_gold_side(o.gold.sources)} -> {_gold_side(o.gold.targets)}"
        got = (f"{o.answer.type} {o.answer_source or '?'} -> {o.answer_target or '?'}" if o.answer is not None
               else "no event")
        console.print(f"  [red]✗[/red] {o.sentence.id}: gold {gold}; coded {got}\n      {o.sentence.text}",
                      highlight=False)


def _gold_side(actors: Any) -> str:
    return "+".join(a.code or repr(a.text) for a in actors) or "?"


@cli.command(name="config")
def show_config() -> None:
    """Print the default configuration file, with every setting explained."""
    click.echo(default_config_text(), nl=False)


def main() -> None:
    """Entry point of the ``wirewatch`` command."""
    release_large_blocks()
    cli(obj={})
