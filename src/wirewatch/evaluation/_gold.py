"""Gold event records from the two public evaluation sets, read into one shape.

* PLOVER GSR (``plover_gsr/PLOVER_GSR_CAMEO.json``): a JSON list; each record has ``text``, ``event`` (type
  names from before 2021, mapped here by :data:`OLD_NAMES`), ``source`` and ``target`` as lists of
  ``{actorText, code}``, and ``date``. Documentation records (``event == "DOCUMENT"``) are skipped.
* plv dev (``plv_dev/plv_train.jsonl``): JSON Lines, one row per (sentence, source, target) with ``sentence``,
  ``source`` and ``target`` (the gold actors' surface text) and ``gold_root`` (a PLOVER type; ``YIELD`` stands for
  CONCEDE or RETREAT). Rows of one sentence become one gold sentence with several events, published 2000-01-01.
* PETRARCH-2 validation (``petr2_gsr/PETR2_GSR_validation.xml``): ``<Sentence … date="YYYYMMDD" id=…>``
  followed by ``<EventCoding eventcode sourcecode targetcode/>`` (or ``noevents="True"``) and ``<Text>``. The
  file's header has stray ``<…>`` in its comment prose, so it is read as tagged text, not parsed as XML.
  CAMEO codes become PLOVER types through the project's crosswalk; CAMEO 01 and 02 (statements and appeals)
  have no PLOVER type and are kept with ``type=None`` so they are counted but not scored.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..extract import crosswalk

__all__ = ["OLD_NAMES", "GoldActor", "GoldEvent", "GoldSentence", "load_petr2", "load_plover", "load_plv"]

#: PLOVER names used before the 2021 manual, and the 2021 names they became.
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}

#: plv's ``YIELD`` root stands for either of these PLOVER types.
YIELD_TYPES = frozenset({"CONCEDE", "RETREAT"})
#: The publication date every plv sentence is extracted with (its README's convention).
PLV_PUBLISHED = date(2000, 1, 1)

#: Codes in the gold data that are not ISO 3166 alpha-3, and the ones that are meant.
_COUNTRY_FIXES = {"JAP": "JPN", "ITL": "ITA", "ROM": "ROU", "GER": "DEU", "UKR": "UKR"}
#: Codes that name a kind of actor rather than a country.
NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "UIS", "REB", "INS", "OPP"})


@dataclass(frozen=True, slots=True)
class GoldActor:
    """One gold actor: its text in the sentence (may be empty) and its code (country, or IGO, NGO …)."""

    text: str
    code: str

    @property
    def kind(self) -> str | None:
        """For a code with no country, the sector it names (IGO, NGO, REB …), else None."""
        head = self.code[:3].upper()
        if head in NON_STATE:
            return head
        if head == "---" and len(self.code) >= 6:
            return self.code[3:6].upper()
        return None

    @property
    def country(self) -> str | None:
        """The ISO alpha-3 country the code names, or None for a non-state code."""
        head = self.code[:3].upper()
        if head in NON_STATE or head == "---" or len(head) < 3:
            return None
        return _COUNTRY_FIXES.get(head, head)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event: PLOVER type (None where CAMEO has no PLOVER type), sources and targets."""

    type: str | None
    sources: tuple[GoldActor, ...]
    targets: tuple[GoldActor, ...]
    cameo: str | None = None

    @property
    def accepted(self) -> frozenset[str]:
        """The coded types that count as right: the gold type, or CONCEDE and RETREAT for plv's ``YIELD``."""
        if self.type is None:
            return frozenset()
        return YIELD_TYPES if self.type == "YIELD" else frozenset({self.type})


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """A sentence and the events it is coded with (none for a sentence that holds no event)."""

    id: str
    text: str
    published: date | None
    events: tuple[GoldEvent, ...]


def load_plover(path: Path) -> list[GoldSentence]:
    """The PLOVER GSR records, one sentence with one event each."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(str(path), f"cannot read the PLOVER gold file: {err}") from err
    out = []
    for n, record in enumerate(records):
        if not isinstance(record, dict) or record.get("event") in (None, "DOCUMENT") or not record.get("text"):
            continue
        event = GoldEvent(
            type=OLD_NAMES.get(record["event"], record["event"]),
            sources=_plover_actors(record.get("source")),
            targets=_plover_actors(record.get("target")),
        )
        out.append(GoldSentence(str(record.get("id", n)), record["text"], _iso(record.get("date")), (event,)))
    return out


def _plover_actors(value: object) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(GoldActor(str(a.get("actorText") or ""), str(a.get("code") or "")) for a in value
                 if isinstance(a, dict) and a.get("code"))


def load_plv(path: Path) -> list[GoldSentence]:
    """The plv dev rows, grouped by sentence in first-seen order, actors as surface text only."""
    grouped: dict[str, list[GoldEvent]] = {}
    ids: dict[str, str] = {}
    for n, record in enumerate(_json_lines(path)):
        sentence = str(record.get("sentence") or "").strip()
        if not sentence or not record.get("gold_root"):
            continue
        ids.setdefault(sentence, str(record.get("uid", n)))
        grouped.setdefault(sentence, []).append(GoldEvent(
            type=str(record["gold_root"]).upper(),
            sources=(GoldActor(str(record.get("source") or ""), ""),),
            targets=(GoldActor(str(record.get("target") or ""), ""),) if record.get("target") else (),
        ))
    return [GoldSentence(ids[text], text, PLV_PUBLISHED, tuple(events)) for text, events in grouped.items()]


def _json_lines(path: Path) -> list[dict[str, object]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        return [row for row in (json.loads(line) for line in lines if line.strip()) if isinstance(row, dict)]
    except (OSError, ValueError) as err:
        raise InputError(str(path), f"cannot read the JSON Lines gold file: {err}") from err


_TAG = re.compile(r"<Sentence\b([^>]*)>|<EventCoding\b([^>]*)/>|<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load_petr2(path: Path) -> list[GoldSentence]:
    """The PETRARCH-2 validation sentences marked ``evaluate="true"``, with their CAMEO codings as PLOVER."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(str(path), f"cannot read the PETRARCH-2 gold file: {err}") from err
    table = crosswalk()
    out: list[GoldSentence] = []
    head: dict[str, str] | None = None
    events: list[GoldEvent] = []
    for match in _TAG.finditer(raw):
        sentence, coding, text = match.groups()
        if sentence is not None:
            head, events = dict(_ATTR.findall(sentence)), []
        elif coding is not None and head is not None:
            attrs = dict(_ATTR.findall(coding))
            if "eventcode" in attrs:
                row = table.get(attrs["eventcode"]) or table.get(attrs["eventcode"][:3])
                events.append(GoldEvent(
                    type=(row.type or None) if row is not None else None,
                    sources=(GoldActor("", attrs.get("sourcecode", "")),),
                    targets=(GoldActor("", attrs.get("targetcode", "")),) if attrs.get("targetcode") else (),
                    cameo=attrs["eventcode"],
                ))
        elif text is not None and head is not None:
            if head.get("evaluate", "true").lower() == "true":
                body = " ".join(text.split())
                out.append(GoldSentence(head.get("id", str(len(out))), body, _compact(head.get("date")),
                                        tuple(events)))
            head = None
    return out


def _iso(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _compact(value: str | None) -> date | None:
    if not value or len(value) != 8 or not value.isdigit():
        return None
    return date(int(value[:4]), int(value[4:6]), int(value[6:]))
