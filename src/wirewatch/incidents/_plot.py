"""Plots a person would put in a report: a dyad's timeline and the network; matplotlib is an extra (``plot``).

The timeline stacks cooperation above the axis (verbal light, material dark green) and conflict below it (verbal
light, material dark red), period by period, with the Goldstein mean on a second axis. The network draws nodes on
a circle, sized by incidents, with edges coloured by their mean Goldstein score; it stays readable at 50 nodes.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from typing import Any

from ..errors import ConfigError
from ._analyse import DyadPeriod, Network

__all__ = ["plot_dyad", "plot_network"]

_COLOURS = ("#8fd19e", "#1e7b34", "#f4a3a3", "#b2182b")  # verbal/material cooperation, verbal/material conflict
_LABELS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


def _pyplot() -> Any:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as err:
        raise ConfigError("plots need matplotlib: pip install 'wirewatch[plot]'") from err
    return plt


def plot_dyad(periods: Sequence[DyadPeriod], out: str | os.PathLike[str], *, title: str) -> None:
    """Write the timeline of a dyad to ``out`` (PNG or SVG, by its extension): 10 × 5 inches at 100 dpi."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 5), dpi=100)
    x = list(range(len(periods)))
    up = [0.0] * len(periods)
    down = [0.0] * len(periods)
    for q in range(4):
        values = [p.quad_classes[q] for p in periods]
        base, sign = (up, 1) if q < 2 else (down, -1)
        ax.bar(x, [sign * v for v in values], bottom=base, color=_COLOURS[q], label=_LABELS[q], width=0.8)
        for i, v in enumerate(values):
            base[i] += sign * v
    ax.axhline(0, color="black", linewidth=0.8)
    reach = max([*up, *(-d for d in down), 1.0]) * 1.15
    ax.set_ylim(-reach, reach)  # cooperation and conflict on one scale, the axis in the middle
    ax.set_xticks(x, [p.period for p in periods], rotation=45 if len(periods) > 8 else 0, ha="right")
    ax.set_ylabel("incidents (cooperation above, conflict below)")
    twin = ax.twinx()
    twin.plot(x, [p.goldstein_mean if p.goldstein_mean is not None else math.nan for p in periods],
              color="#333333", marker="o", linewidth=1.2, label="mean Goldstein")
    twin.set_ylim(-10.5, 10.5)
    twin.set_ylabel("mean Goldstein score")
    ax.set_title(title)
    handles = ax.get_legend_handles_labels()[0] + twin.get_legend_handles_labels()[0]
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=5, fontsize=8, frameon=False)
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)


def plot_network(net: Network, out: str | os.PathLike[str], *, title: str = "wirewatch network") -> None:
    """Write the network to ``out`` (PNG or SVG): 10 × 10 inches at 100 dpi, nodes on a circle."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(10, 10), dpi=100)
    n = max(len(net.nodes), 1)
    where = {node.id: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n))
             for i, node in enumerate(net.nodes)}
    cmap, biggest = plt.get_cmap("RdYlGn"), max((e.incidents for e in net.edges), default=1)
    for e in net.edges:
        (x0, y0), (x1, y1) = where[e.source], where[e.target]
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), arrowprops={
            "arrowstyle": "-|>", "color": cmap((e.goldstein_mean + 10) / 20), "alpha": 0.8,
            "linewidth": 0.8 + 3 * e.incidents / biggest, "shrinkA": 8, "shrinkB": 8,
            "connectionstyle": "arc3,rad=0.1"})  # fmt: skip
    largest = max((node.incidents for node in net.nodes), default=1)
    for node in net.nodes:
        x, y = where[node.id]
        ax.scatter([x], [y], s=60 + 400 * node.incidents / largest, color="#4a6fa5", zorder=3)
        ax.text(x * 1.12, y * 1.12, node.label, ha="center", va="center", fontsize=8 if n > 30 else 10)
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.35, 1.35)
    ax.set_axis_off()
    ax.set_title(title + " (edge colour: mean Goldstein, red conflict to green cooperation)")
    fig.tight_layout()
    fig.savefig(out)
    plt.close(fig)
