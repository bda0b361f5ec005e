"""The briefing as plain Markdown: one line per sentence, no wrapping, so that a change shows as a small diff."""

from __future__ import annotations

import calendar
from datetime import date

from ._model import Briefing, Coverage, Source, Trend

__all__ = ["coverage_lines", "day_text", "render_markdown", "source_line", "stance_heading", "trend_lines"]

_STANCE_HEADINGS = {"accuse": "Accusations", "deny": "Denials", "warn": "Warnings", "call for": "Calls",
                    "express concern": "Concern"}


def day_text(day: date | None) -> str:
    """A day as the briefing writes it: 24 April 2024."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}" if day is not None else "no date"


def stance_heading(stance: str) -> str:
    """The sub-heading of a stance in "Who said what"."""
    return _STANCE_HEADINGS.get(stance, stance.capitalize())


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def render_markdown(briefing: Briefing) -> str:
    """The briefing as Markdown text, ending in a newline; the same briefing gives the same bytes."""
    s = briefing.scope
    lines = [f"# Briefing: {s.label}", "", f"{day_text(s.since)} to {day_text(s.until)} ({s.days} days); "
             f"{s.kind} {' / '.join(s.terms)}.", "", "## Headline developments", ""]
    lines += [f"{i}. {h.sentence.text}" for i, h in enumerate(briefing.headlines, 1)] or ["Nothing in this period."]
    lines += ["", "## Who said what", ""]
    stance = None
    for statement in briefing.statements:
        if statement.stance != stance:
            lines += ["", f"### {stance_heading(statement.stance)}", ""] if stance else [
                f"### {stance_heading(statement.stance)}", ""]
            stance = statement.stance
        lines.append(f"- {statement.sentence.text}")
    lines += [] if briefing.statements else ["No accusation, denial, warning, call or concern was quoted."]
    lines += ["", "## Disputed", ""]
    for dispute in briefing.disputes:
        lines += [f"- Claim: {dispute.claim.text}", f"  Denial: {dispute.denial.text}"]
    lines += [] if briefing.disputes else ["No claim in this period was met by a denial."]
    lines += ["", "## Trend", "", *trend_lines(briefing.trend), "", "## Sources", ""]
    lines += [source_line(src) for src in briefing.sources]
    lines += [] if briefing.sources else ["None cited."]
    lines += ["", "## Coverage and gaps", "", *coverage_lines(briefing.coverage)]
    return "\n".join(lines) + "\n"


def source_line(src: Source) -> str:
    """A numbered source without its number: outlet, title, date, URL, and who else carried the story."""
    also = f" (also carried by {', '.join(map(_clean, src.carried_by))})" if src.carried_by else ""
    return (f"{src.number}. {_clean(src.outlet) or 'Unknown outlet'}, “{_clean(src.title) or 'untitled'}”, "
            f"{day_text(src.published)}, {_clean(src.url) or 'no URL'}{also}")


def trend_lines(trend: Trend) -> list[str]:
    """The trend as list items: happenings, events and mean Goldstein against the previous period."""
    before = f"{day_text(trend.previous_since)} to {day_text(trend.previous_until)}"
    if trend.change is not None:
        change = f"a change of {trend.change:+.0f} %"
    else:
        change = (f"too few in the previous period for a change level ({trend.previous_happenings}, fewer than "
                  f"{trend.min_base})")
    goldstein = (f"{trend.goldstein:+.1f}" if trend.goldstein is not None else "none") + " against " + (
        f"{trend.previous_goldstein:+.1f}" if trend.previous_goldstein is not None else "none")
    return [f"- Happenings: {trend.happenings}, against {trend.previous_happenings} in the previous period "
            f"({before}); {change}.",
            f"- Events reported as having happened: {trend.events}, against {trend.previous_events}.",
            f"- Mean Goldstein score (−10 conflict to +10 cooperation): {goldstein}."]


def coverage_lines(c: Coverage) -> list[str]:
    """Coverage and gaps as list items: what was read, from whom, what could not be coded."""
    span = f"published {day_text(c.first)} to {day_text(c.last)}" if c.first else "with no publication date"
    lines = [f"- Articles read: {c.articles} {span}; {c.coded} coded, {c.in_scope} with events of this scope, "
             f"{c.happenings} happenings found.",
             f"- Outlets ({len(c.outlets)}): {', '.join(c.outlets) or 'none'}."]
    gaps = "; ".join(f"{why}: {n}" for why, n in c.not_coded)
    lines.append(f"- Not coded: {gaps or 'none'}.")
    lines.append(f"- Exact copies of these articles from other outlets or addresses, not coded again: {c.copies}.")
    lines.append(f"- Documents the store could not read at all (any date): {c.failures}.")
    if c.articles < 5:
        lines.append("- Thin evidence: fewer than 5 articles in the period.")
    return lines
