"""Charts drawn on the server as SVG (no script): activity bars, a dyad's cooperation and conflict, the network.

Every text and address is escaped; hovering shows an SVG ``<title>``; bars and nodes are links.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from html import escape
from urllib.parse import quote, urlencode

import numpy as np
from markupsafe import Markup

from ..store import Activity, DyadPeriod, Network

__all__ = ["activity_chart", "actor_href", "dyad_chart", "network_chart", "search_href"]

_COLOURS = {"articles": "#7a8ca3", "events": "#d9822b", "vcoop": "#8cc084", "mcoop": "#2e8b57",
            "vconf": "#f08080", "mconf": "#b22222"}


def search_href(**params: str | None) -> str:
    """The search page's address for these filters (empty ones left out)."""
    return "/search?" + urlencode({k: v for k, v in params.items() if v})


def actor_href(key: str) -> str:
    """The actor page's address."""
    return "/actor/" + quote(key, safe=":")


def _svg(width: int, height: int, body: list[str], label: str) -> Markup:
    return Markup(f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
                  f'height="{height}" role="img" aria-label="{escape(label)}">' + "".join(body) + "</svg>")


def _bar(x: float, y: float, w: float, h: float, colour: str) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0.5):.1f}" height="{max(h, 0):.1f}" fill="{colour}"/>'


def _hit(x: float, w: float, height: float) -> str:
    """A clear rectangle over a period's whole column, so a click anywhere in it follows the link."""
    return f'<rect class="hit" x="{x:.1f}" y="0" width="{w:.1f}" height="{height:.1f}" fill="transparent"/>'


def _label(x: float, y: float, text: str, *, anchor: str = "middle", size: int = 10) -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}">{escape(text)}</text>'


def activity_chart(periods: Sequence[Activity], *, width: int = 760, height: int = 200) -> Markup:
    """Articles and events per period, side by side; a period's events bar opens its events."""
    if not periods:
        return _svg(width, 40, [_label(width / 2, 24, "nothing stored yet")], "no activity")
    top = max(max(p.articles, p.events) for p in periods) or 1
    step, base = width / len(periods), height - 20
    body = [f'<line x1="0" y1="{base}" x2="{width}" y2="{base}" stroke="#999"/>']
    for i, p in enumerate(periods):
        x, bar = i * step, step * 0.4
        a, e = p.articles / top * (base - 10), p.events / top * (base - 10)
        tip = f"{p.start} to {p.end}: {p.articles} articles, {p.events} events"
        href = escape(search_href(since=p.start.isoformat(), until=p.end.isoformat()))
        body.append(f'<a href="{href}" class="bar" data-start="{p.start}"><title>{escape(tip)}</title>'
                    + _hit(x, step, base) + _bar(x + step * 0.1, base - a, bar, a, _COLOURS["articles"])
                    + _bar(x + step * 0.5, base - e, bar, e, _COLOURS["events"]) + "</a>")
    body += _period_labels(periods, step, height)
    return _svg(width, height, body, "articles and events by period")


def _period_labels(periods: Sequence[Activity | DyadPeriod], step: float, height: int, *,
                   offset: float = 0) -> list[str]:
    every = max(1, math.ceil(len(periods) / 8))
    return [_label(max(offset + i * step + step / 2, 30), height - 5, _period_name(p)) for i, p in enumerate(periods)
            if i % every == 0]


def _period_name(period: Activity | DyadPeriod) -> str:
    """2024 for a year, 2024-03 for a month, the first day for a week or a day."""
    days = (period.end - period.start).days
    return period.start.isoformat()[: 4 if days > 300 else 7 if days > 27 else 10]


def dyad_chart(periods: Sequence[DyadPeriod], *, source: str, target: str, modalities: Sequence[str],
               width: int = 760, height: int = 280) -> Markup:
    """Cooperation above the axis, conflict below, a bar per period; a bar opens that period's events."""
    if not periods:
        return _svg(width, 40, [_label(width / 2, 24, "no events between them")], "no events")
    top = max(max(p.cooperation, p.conflict) for p in periods) or 1
    gutter = 84
    step, mid, half = (width - gutter) / len(periods), (height - 20) / 2, (height - 20) / 2 - 6
    body = [f'<line x1="{gutter}" y1="{mid}" x2="{width}" y2="{mid}" stroke="#666"/>',
            _label(4, mid - 8, "cooperation", anchor="start"), _label(4, mid + 16, "conflict", anchor="start")]
    for i, p in enumerate(periods):
        body.append(_dyad_bar(p, gutter + i * step, step, mid, half / top, source, target, modalities))
    body += _period_labels(periods, step, height, offset=gutter)
    return _svg(width, height, body, f"cooperation and conflict from {source} to {target}")


def _dyad_bar(p: DyadPeriod, left: float, step: float, mid: float, scale: float, source: str, target: str,
              modalities: Sequence[str]) -> str:
    x, w = left + step * 0.15, step * 0.7
    vc, mc, vf, mf = (n * scale for n in (p.verbal_cooperation, p.material_cooperation, p.verbal_conflict,
                                          p.material_conflict))
    tip = (f"{p.start} to {p.end}: {p.cooperation} cooperation ({p.verbal_cooperation} verbal, "
           f"{p.material_cooperation} material), {p.conflict} conflict ({p.verbal_conflict} verbal, "
           f"{p.material_conflict} material); mean Goldstein {p.goldstein}")
    href = search_href(source=source, target=target, since=p.start.isoformat(), until=p.end.isoformat(),
                       all="1" if len(modalities) > 2 else None)
    return (f'<a href="{escape(href)}" class="bar" data-start="{p.start}"><title>{escape(tip)}</title>'
            + _hit(left, step, mid * 2)
            + _bar(x, mid - mc, w, mc, _COLOURS["mcoop"]) + _bar(x, mid - mc - vc, w, vc, _COLOURS["vcoop"])
            + _bar(x, mid, w, vf, _COLOURS["vconf"]) + _bar(x, mid + vf, w, mf, _COLOURS["mconf"]) + "</a>")


def network_chart(network: Network, *, width: int = 760, height: int = 520) -> Markup:
    """Actors as circles sized by their events, edges green (cooperative on average) or red; a node opens its
    actor's page."""
    if not network.nodes:
        return _svg(width, 40, [_label(width / 2, 24, "no events to draw")], "empty network")
    at = layout([n.key for n in network.nodes], [(e.source, e.target) for e in network.edges], width, height)
    top = max(n.events for n in network.nodes)
    names = {n.key: n.name for n in network.nodes}
    body = [_edge(at[e.source], at[e.target], e.events, e.goldstein, f"{names[e.source]} → {names[e.target]}",
                  e.source, e.target) for e in network.edges]
    for node in network.nodes:
        x, y = at[node.key]
        r = 5 + 12 * math.sqrt(node.events / top)
        tip = f"{node.name} ({node.kind or '?'}, {node.country or 'no country'}): {node.events} events"
        body.append(f'<a href="{escape(actor_href(node.key))}" class="node" data-key="{escape(node.key)}">'
                    f'<title>{escape(tip)}</title><circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#4a6fa5" '
                    f'stroke="#fff"/>' + _label(x, y - r - 3, node.name[:22], size=9) + "</a>")
    return _svg(width, height, body, "network of actors")


def _edge(a: tuple[float, float], b: tuple[float, float], events: int, goldstein: float, label: str, source: str,
          target: str) -> str:
    colour = _COLOURS["mcoop"] if goldstein >= 0 else _COLOURS["mconf"]
    tip = f"{label}: {events} events, mean Goldstein {goldstein}"
    return (f'<g><title>{escape(tip)}</title>'
            f'<line data-source="{escape(source)}" data-target="{escape(target)}" '
            f'x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" stroke="{colour}" '
            f'stroke-opacity="0.6" stroke-width="{1 + math.log2(events):.1f}"/></g>')


def layout(keys: Sequence[str], edges: Sequence[tuple[str, str]], width: int, height: int,
           *, rounds: int = 200) -> dict[str, tuple[float, float]]:
    """A deterministic force-directed layout (Fruchterman-Reingold, with a pull to the centre that keeps
    unconnected groups in view), starting from a circle; the same graph is laid out once."""
    found = _layout(tuple(keys), tuple(edges), width, height, rounds)
    return dict(zip(keys, found, strict=True))


@functools.lru_cache(maxsize=64)
def _layout(keys: tuple[str, ...], edges: tuple[tuple[str, str], ...], width: int, height: int,
            rounds: int) -> tuple[tuple[float, float], ...]:
    n = len(keys)
    index = {k: i for i, k in enumerate(keys)}
    pairs = np.array([(index[a], index[b]) for a, b in edges], dtype=int).reshape(-1, 2)
    angle = 2 * np.pi * np.arange(n) / max(n, 1)
    centre = np.array([width / 2, height / 2])
    pos = centre + np.stack([width * 0.3 * np.cos(angle), height * 0.3 * np.sin(angle)], axis=1)
    ideal = math.sqrt(width * height / max(n, 1)) * 0.45
    low, high = np.array([50.0, 28.0]), np.array([width - 50.0, height - 20.0])
    for step in range(rounds):
        move = _forces(pos, pairs, ideal) + (centre - pos) * np.array([1.5, 1.5 * width / height])
        length = np.maximum(np.linalg.norm(move, axis=1, keepdims=True), 1e-9)
        heat = width / 12 * (1 - step / rounds) + 0.5
        pos = np.clip(pos + move / length * np.minimum(length, heat), low, high)
    return _fit(pos, width, height)


def _forces(pos: np.ndarray, pairs: np.ndarray, ideal: float) -> np.ndarray:
    """Repulsion between every two nodes (ideal² / d) and attraction along edges (d² / ideal)."""
    delta = pos[:, None, :] - pos[None, :, :]
    dist = np.maximum(np.linalg.norm(delta, axis=2), 0.01)
    move = (delta / dist[..., None] * (ideal * ideal / dist)[..., None]).sum(axis=1)
    if len(pairs):
        d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
        length = np.maximum(np.linalg.norm(d, axis=1, keepdims=True), 0.01)
        pull = d / length * (length * length / ideal)
        np.add.at(move, pairs[:, 0], -pull)
        np.add.at(move, pairs[:, 1], pull)
    return move


def _fit(pos: np.ndarray, width: int, height: int) -> tuple[tuple[float, float], ...]:
    """The positions stretched to fill the drawing, margins kept for the labels."""
    if len(pos) < 2:
        return tuple((width / 2, height / 2) for _ in pos)
    span = np.maximum(pos.max(axis=0) - pos.min(axis=0), 1.0)
    fitted = np.array([60.0, 36.0]) + (pos - pos.min(axis=0)) / span * np.array([width - 120.0, height - 60.0])
    return tuple((float(x), float(y)) for x, y in fitted)
