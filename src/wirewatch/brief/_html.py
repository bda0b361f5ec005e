"""The briefing as one self-contained HTML file: inline style, an inline SVG timeline, no scripts, no fonts or
files from elsewhere. Every piece of text (article titles, quotes, URLs) is escaped."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from ._markdown import coverage_lines, day_text, source_line, stance_heading, trend_lines
from ._model import Briefing, Sentence, Trend

__all__ = ["page", "render_html", "timeline_svg"]

_STYLE = """body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:1.6em}
h3{font-size:1em}.meta{color:#555}.cite{font-size:.8em;vertical-align:super;text-decoration:none}
.status{color:#555;font-size:.9em}svg{display:block;margin:.5em 0}li{margin:.25em 0}"""
_CITE = re.compile(r"\[(\d+)\]")


def _e(text: object) -> str:
    return html.escape(" ".join(str(text).split()), quote=True)


def _sentence(sentence: Sentence) -> str:
    """A sentence, escaped, with each [n] a link to its source."""
    return _CITE.sub(lambda m: f'<a class="cite" href="#src-{m.group(1)}">[{m.group(1)}]</a>', _e(sentence.text))


def timeline_svg(trend: Trend, *, since: object, until: object, days: int, width: int = 640,
                 height: int = 120) -> str:
    """A small bar chart of happenings per day over the period, drawn as inline SVG."""
    top = max((c.happenings for c in trend.timeline), default=0) or 1
    step = (width - 40) / max(days, 1)
    bars = []
    for count in trend.timeline:
        index = (count.day - trend.previous_until).days - 1
        h = round((height - 40) * count.happenings / top, 1)
        x = round(20 + index * step, 1)
        bars.append(f'<rect x="{x}" y="{round(height - 20 - h, 1)}" width="{max(round(step * .8, 1), 1)}" '
                    f'height="{h}" fill="#3b6ea5"><title>{_e(day_text(count.day))}: {count.happenings} '
                    f'happenings, {count.events} events</title></rect>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
            f'aria-label="Happenings per day">'
            f'<line x1="20" y1="{height - 20}" x2="{width - 20}" y2="{height - 20}" stroke="#888"/>'
            + "".join(bars)
            + f'<text x="20" y="{height - 5}" font-size="11">{_e(since)}</text>'
            f'<text x="{width - 20}" y="{height - 5}" font-size="11" text-anchor="end">{_e(until)}</text>'
            f'<text x="20" y="12" font-size="11">most in a day: {top}</text></svg>')


def render_html(briefing: Briefing) -> str:
    """The briefing as one HTML document."""
    return page(briefing)


def page(briefing: Briefing, *, style: str = "", chart: Callable[[str], str] = lambda svg: svg) -> str:
    """The HTML document, with more ``style`` and the timeline's SVG passed through ``chart`` (for PDF)."""
    s = briefing.scope
    svg = timeline_svg(briefing.trend, since=day_text(s.since), until=day_text(s.until), days=s.days)
    out = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
           f"<title>Briefing: {_e(s.label)}</title><style>{_STYLE}{style}</style></head><body>",
           f"<h1>Briefing: {_e(s.label)}</h1>",
           f'<p class="meta">{_e(day_text(s.since))} to {_e(day_text(s.until))} ({s.days} days); {_e(s.kind)} '
           f"{_e(' / '.join(s.terms))}.</p>", "<h2>Headline developments</h2>"]
    out.append("<ol>" + "".join(f"<li>{_sentence(h.sentence)}</li>" for h in briefing.headlines) + "</ol>"
               if briefing.headlines else "<p>Nothing in this period.</p>")
    out += ["<h2>Who said what</h2>", *_statements(briefing), "<h2>Disputed</h2>"]
    out.append("<ul>" + "".join(f"<li>Claim: {_sentence(d.claim)}<br>Denial: {_sentence(d.denial)}</li>"
                                for d in briefing.disputes) + "</ul>"
               if briefing.disputes else "<p>No claim in this period was met by a denial.</p>")
    out += ["<h2>Trend</h2>", chart(svg), _items(trend_lines(briefing.trend)), "<h2>Sources</h2>"]
    out.append("<ol>" + "".join(f'<li id="src-{src.number}">{_e(source_line(src).split(". ", 1)[1])}</li>'
                                for src in briefing.sources) + "</ol>")
    out += ["<h2>Coverage and gaps</h2>", _items(coverage_lines(briefing.coverage)), "</body></html>"]
    return "\n".join(out) + "\n"


def _statements(briefing: Briefing) -> list[str]:
    if not briefing.statements:
        return ["<p>No accusation, denial, warning, call or concern was quoted.</p>"]
    out, stance = [], None
    for statement in briefing.statements:
        if statement.stance != stance:
            out.append(("</ul>" if stance is not None else "") + f"<h3>{_e(stance_heading(statement.stance))}</h3><ul>")
            stance = statement.stance
        out.append(f"<li>{_sentence(statement.sentence)}</li>")
    return [*out, "</ul>"]


def _items(lines: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(line.removeprefix('- '))}</li>" for line in lines) + "</ul>"
