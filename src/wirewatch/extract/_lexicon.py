"""The trigger lexicon and the CAMEO crosswalk, loaded from the package's TSV tables."""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import KnowledgeBaseError

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["CameoCode", "Lexicon", "Trigger", "crosswalk", "inflections", "lexicon", "noun_rule", "quad_class"]

_IRREGULAR = {
    "go": ["went", "gone", "goes"],
    "meet": ["met"], "hold": ["held"], "strike": ["struck", "stricken"], "shoot": ["shot"], "send": ["sent"],
    "fight": ["fought"], "withdraw": ["withdrew", "withdrawn"], "have": ["had", "has"], "hit": ["hit"],
    "sell": ["sold"], "seek": ["sought"], "freeze": ["froze", "frozen"], "cut": ["cut"], "rebuff": [],
    "sign": [], "say": ["said"], "tell": ["told"], "speak": ["spoke", "spoken"], "give": ["gave", "given"],
    "take": ["took", "taken"], "make": ["made"], "lead": ["led"], "bring": ["brought"], "begin": ["began", "begun"],
    "break": ["broke", "broken"], "drive": ["drove", "driven"], "ring": ["rang", "rung"], "pay": ["paid"],
    "ink": [], "put": ["put"], "set": ["set"], "forbid": ["forbade", "forbidden"], "shell": [],
    "deny": ["denied", "denies"], "carry": ["carried", "carries"], "ratify": ["ratified", "ratifies"],
    "supply": ["supplied", "supplies"], "occupy": ["occupied", "occupies"], "deploy": [],
    "ship": ["shipped", "shipping"], "target": ["targeted", "targeting"], "abduct": [], "kidnap": ["kidnapped",
    "kidnapping"], "sue": ["sued", "sues", "suing"], "free": ["freed", "frees", "freeing"], "rally": ["rallied",
    "rallies"], "mass": ["massed", "masses", "massing"], "veto": ["vetoed", "vetoes", "vetoing"],
    "sit": ["sat"], "stand": ["stood"], "write": ["wrote", "written"], "lend": ["lent"], "keep": ["kept"],
    "build": ["built"], "lay": ["laid"], "quit": ["quit"], "leave": ["left"], "shut": ["shut"],
    "withhold": ["withheld"], "beat": ["beaten"], "fly": ["flew", "flown"], "forgive": ["forgave", "forgiven"],
    "tear": ["tore", "torn"], "overrun": ["overran"], "unfreeze": ["unfroze", "unfrozen"],
}
_DOUBLE_FINAL = {"ship", "kidnap", "plan", "stop", "bar", "ban", "drop", "grip", "cut", "hit", "set", "put", "quit",
                "shut", "sit", "slap", "scrap", "swap", "equip", "skip", "strip"}


def inflections(base: str) -> set[str]:
    """The base form of a regular or listed irregular English verb and its inflected forms."""
    forms = {base, *_IRREGULAR.get(base, [])}
    stem = base + base[-1] if base in _DOUBLE_FINAL else base
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in set("aeiou"):
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", stem + "ed", stem + "ing"}
        if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
            forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    if _IRREGULAR.get(base) and stem + "ed" not in _IRREGULAR[base]:
        forms.discard(stem + "ed")
    return forms


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the trigger lexicon."""

    pos: str
    lemma: str
    objects: frozenset[str] | None
    type: str
    mode: str | None
    cameo: str
    preps: frozenset[str]


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code with its PLOVER mapping and Goldstein score."""

    code: str
    type: str
    mode: str | None
    context: str | None
    goldstein: float


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Triggers indexed by inflected verb form and by event noun."""

    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]


def quad_class(cameo: str) -> int:
    """GDELT's QuadClass from the CAMEO root: 1 verbal and 2 material cooperation, 3 verbal, 4 material conflict."""
    root = int(cameo[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _table(name: str) -> list[dict[str, str]]:
    text = resources.files("wirewatch.extract").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()} for row in
            csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@functools.cache
def crosswalk() -> dict[str, CameoCode]:
    """CAMEO code → PLOVER type, mode, context and Goldstein score."""
    return {
        row["code"]: CameoCode(row["code"], row["type"], row["mode"] or None, row["context"] or None,
                               float(row["goldstein"]))
        for row in _table("cameo_plover.tsv")
    }


@functools.cache
def lexicon() -> Lexicon:
    """The trigger lexicon, verbs indexed by every inflected form."""
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    codes = crosswalk()
    for n, row in enumerate(_table("triggers.tsv"), start=1):
        objects = None if row["objects"] in {"", "*"} else frozenset(row["objects"].split("|"))
        trigger = Trigger(row["pos"], row["lemma"], objects, row["type"], row["mode"] or None, row["cameo"],
                          frozenset(p for p in row["preps"].split("|") if p))
        if trigger.cameo not in codes:
            raise KnowledgeBaseError(f"triggers.tsv row {n}: CAMEO code {trigger.cameo} is not in the crosswalk")
        if trigger.pos == "V":
            for form in inflections(trigger.lemma):
                verbs.setdefault(form, []).append(trigger)
        else:
            nouns.setdefault(trigger.lemma, []).append(trigger)
    return Lexicon({k: tuple(v) for k, v in verbs.items()}, {k: tuple(v) for k, v in nouns.items()})


def noun_rule(noun: Token, lex: Lexicon) -> Trigger | None:
    """The lexicon row of an event noun in context: a row that names one of its modifiers ("hunger strike")
    before the plain row."""
    modifiers = {c.lower_ for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
    plain: Trigger | None = None
    for rule in lex.nouns.get(noun.lower_, ()):
        if rule.objects is None:
            plain = plain or rule
        elif rule.objects & modifiers:
            return rule
    return plain
