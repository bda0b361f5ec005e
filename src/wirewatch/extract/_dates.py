"""Resolve an event's own date from the words of its sentence, against the publication date.

Rules of news temporal tagging: a bare weekday is the latest one on or before publication (the next one in
future tense); "last week" is the previous ISO week (precision ``week``); "last month", "in January" give a month;
"earlier this year" a year; explicit dates ("14 March", "March 14, 2024") a day.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["date_entities", "resolve_date"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_RE = "|".join(_MONTHS)
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})(?:,?\s+(\d{{4}}))?\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b")
_MONTH_ONLY = re.compile(rf"\b(?:in|since|during|early|late|mid|of)\s+({_MONTH_RE})(?:\s+(\d{{4}}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\bin\s+((?:19|20)\d{2})\b")

Resolved = tuple[date, str]
_INDEX = "wirewatch.date_entities"


def date_entities(sent: Span) -> list[Span]:
    """The DATE and TIME entities of a sentence, from an index built once per document (``Span.ents`` walks
    every entity of the document, which made coding a long document quadratic)."""
    doc = sent.doc
    index = doc.user_data.get(_INDEX)
    if index is None:
        index = doc.user_data[_INDEX] = {}
        for ent in doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                index.setdefault(ent.root.sent.start, []).append(ent)
    return index.get(sent.start, [])


def resolve_date(text: str, published: date | None, *, future: bool = False) -> Resolved | None:
    """The date and precision that ``text`` (a sentence or clause) gives, or None."""
    lower = text.lower()
    for rule in (_explicit, _relative_day, _relative_period, _weekday, _month, _year):
        try:
            found = rule(lower, published, future)
        except (OverflowError, ValueError):
            found = None  # a date past year 9999 or before year 1 ("tomorrow" of 9999-12-31) is no date
        if found is not None:
            return found
    return None


def _explicit(text: str, published: date | None, future: bool) -> Resolved | None:
    if m := _ISO.search(text):
        return _safe(int(m[1]), int(m[2]), int(m[3]))
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if m := pattern.search(text):
            month = _MONTHS.index(m[month_group]) + 1
            year = int(m[3]) if m[3] else _year_for(month, int(m[day_group]), published, future)
            if year is not None:
                return _safe(year, month, int(m[day_group]))
    return None


def _relative_day(text: str, published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    offsets = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    for phrase, days in offsets.items():
        if re.search(rf"\b{phrase}\b", text):
            return published + timedelta(days=days), "day"
    return None


def _relative_period(text: str, published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    monday = published - timedelta(days=published.weekday())
    if re.search(r"\blast week\b", text):
        return monday - timedelta(days=7), "week"
    if re.search(r"\b(this|earlier this|later this) week\b", text):
        return monday, "week"
    if re.search(r"\bnext week\b", text):
        return monday + timedelta(days=7), "week"
    first = published.replace(day=1)
    if re.search(r"\blast month\b", text):
        return (first - timedelta(days=1)).replace(day=1), "month"
    if re.search(r"\b(this|earlier this|later this) month\b", text):
        return first, "month"
    if re.search(r"\bnext month\b", text):
        return (first + timedelta(days=32)).replace(day=1), "month"
    if re.search(r"\blast year\b", text):
        return date(published.year - 1, 1, 1), "year"
    if re.search(r"\b(this year|earlier this year|earlier in the year|beginning of (?:the|this) year)\b", text):
        return date(published.year, 1, 1), "year"
    return None


def _weekday(text: str, published: date | None, future: bool) -> Resolved | None:
    if published is None:
        return None
    for index, name in enumerate(_WEEKDAYS):
        if re.search(rf"\b{name}\b", text):
            if future or re.search(rf"\bnext {name}\b", text):
                ahead = (index - published.weekday()) % 7 or 7
                return published + timedelta(days=ahead), "day"
            back = (published.weekday() - index) % 7
            if re.search(rf"\blast {name}\b", text) and back == 0:
                back = 7
            return published - timedelta(days=back), "day"
    return None


def _month(text: str, published: date | None, future: bool) -> Resolved | None:
    if m := _MONTH_ONLY.search(text):
        month = _MONTHS.index(m[1]) + 1
        year = int(m[2]) if m[2] else _year_for(month, 1, published, future)
        if year is not None:
            return date(year, month, 1), "month"
    return None


def _year(text: str, published: date | None, future: bool) -> Resolved | None:
    if m := _YEAR.search(text):
        return date(int(m[1]), 1, 1), "year"
    return None


def _year_for(month: int, day: int, published: date | None, future: bool) -> int | None:
    """The year of a month and day given without one: the publication year, or the one before when later."""
    if published is None:
        return None
    later = (month, day) > (published.month, published.day)
    if later and not future:
        return published.year - 1
    if not later and future and (month, day) != (published.month, published.day):
        return published.year + 1 if month < published.month else published.year
    return published.year


def _safe(year: int, month: int, day: int) -> Resolved | None:
    try:
        return date(year, month, day), "day"
    except ValueError:
        return None
