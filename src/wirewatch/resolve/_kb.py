"""The actor knowledge base: countries, metonyms, organisations and people with dated offices.

Tables are TSV files in ``wirewatch/resolve/data`` (format in its README); users add folders of their own in the
same format (``resolve.user_tables``). Loaded once per process and shared.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeBaseError
from ._names import NAME_CACHE, fold, jaro_winkler, normalise, one_edit, skeleton

__all__ = ["Community", "Entry", "KnowledgeBase", "Office", "Person", "load_kb"]

SECTOR_KIND = {
    "GOV": "government", "MIL": "military", "COP": "police", "SPY": "intelligence", "LEG": "legislature",
    "JUD": "judiciary", "OPP": "party", "REB": "armed_group", "IGO": "igo", "NGO": "ngo", "MED": "media",
    "BUS": "business", "CVL": "civilians", "EDU": "education", "LAB": "labour", "REF": "refugees",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase in the gazetteer stands for."""

    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    wikidata: str | None = None
    how: str = "name"


@dataclass(frozen=True, slots=True)
class Community:
    """A people, faith, region or movement that names a group ("Ogaden rebels", "Shia militias"), and the one
    country it belongs to where there is one. ``kind`` is ethnic, regional, religious, political, or bloc for a
    word that never names a group of one country ("European", "Arab")."""

    name: str
    country: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Office:
    """An office a person held, with its dates (None where not known)."""

    role: str
    title: str
    country: str | None
    sector: str | None
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        """True when the office was held on ``day`` (open ends count as held)."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Person:
    """A person in the knowledge base."""

    id: str
    name: str
    country: str | None
    wikidata: str | None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()

    @property
    def key(self) -> str:
        """The actor key of this person."""
        return f"person:{self.id}"

    def office_on(self, day: date | None) -> Office | None:
        """The office held on ``day`` (the latest one when ``day`` is None or none matches)."""
        if not self.offices:
            return None
        if day is not None:
            held = [o for o in self.offices if o.held_on(day)]
            if held:
                return max(held, key=lambda o: o.start or date.min)
            before = [o for o in self.offices if o.start is None or o.start <= day]
            if before:
                return max(before, key=lambda o: o.start or date.min)
        return max(self.offices, key=lambda o: o.start or date.min)


@dataclass(slots=True)
class KnowledgeBase:
    """Lookup tables built from the TSV files."""

    phrases: dict[str, Entry] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)
    alpha2: dict[str, str] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    by_name: dict[str, str] = field(default_factory=dict)
    by_skeleton: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    by_surname: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    max_phrase_tokens: int = 1
    first_words: dict[str, int] = field(default_factory=dict)
    #: One-word country names and demonyms, for :meth:`misspelt_country` (built on first use).
    country_words: list[tuple[str, Entry]] = field(default_factory=list, repr=False)
    #: Peoples, faiths and regions by the normalised forms of their names (``communities.tsv``).
    communities: dict[str, Community] = field(default_factory=dict)
    #: Every word of every known person's names, for :meth:`is_name_word` (built on first use).
    name_words: set[str] = field(default_factory=set, repr=False)

    def phrase(self, text: str) -> Entry | None:
        """The entry a surface phrase stands for: exact case for acronyms, else case-insensitive."""
        return self.phrases.get(text) or self.phrases.get(_phrase_key(text))

    def misspelt_country(self, word: str) -> Entry | None:
        """The state a misspelt one-word country name or demonym stands for ("Kazakstan", "Venezuala",
        "Tunesian"): same first letter, and Jaro-Winkler at least 0.93, or 0.88 with the same consonant
        skeleton; the closest wins."""
        if len(word) < 5:
            return None
        norm = normalise(word)
        bones = skeleton(norm)
        best: tuple[float, Entry] | None = None
        for key, entry in self._country_words():
            if key[0] != norm[0] or abs(len(key) - len(norm)) > 2:
                continue
            score = jaro_winkler(norm, key)
            close = score >= 0.93 or (score >= 0.88 and skeleton(key) == bones)
            if close and (best is None or score > best[0]):
                best = (score, entry)
        return best[1] if best is not None else None

    def near_country(self, word: str) -> Entry | None:
        """The state a capitalised word of six letters or more stands for when it is one edit (a letter added,
        dropped, changed or two swapped) from a one-word country name ("Ukriane", "Cambodai", "Kazakstan"); None
        for a known word of the gazetteer, a known person's name, or no single closest. Demonyms are left out:
        too many real names are one letter from one ("Greens", "Fujian")."""
        if len(word) < 6 or not word.isalpha() or self.phrase(word) is not None or self.is_name_word(word):
            return None
        norm = normalise(word)
        if norm in _REAL_NEAR_COUNTRY or (norm.endswith("s") and self.phrase(norm[:-1]) is not None):
            return None  # a name of its own, or a plural ("the Americas", "the two Koreas", "Jordans")
        found = {e.key: e for key, e in self._country_words()
                 if e.how == "name" and key[0] == norm[0] and one_edit(norm, key)}
        return next(iter(found.values())) if len(found) == 1 else None

    def is_name_word(self, word: str) -> bool:
        """Whether a word is part of a known person's name ("Hollande", "Angela")."""
        if not self.name_words:
            self.name_words = {w for p in self.people.values() for n in (p.name, *p.aliases)
                               for w in normalise(n).split()}
        return normalise(word) in self.name_words

    def community(self, word: str) -> Community | None:
        """The people, faith or region a word names ("Shia" → Shiite, "Ogadeni" → Ogaden), or None."""
        return self.communities.get(normalise(word))

    def _country_words(self) -> list[tuple[str, Entry]]:
        if not self.country_words:
            self.country_words = [(k, e) for k, e in self.phrases.items()
                                  if e.kind == "state" and k.isalpha() and k.islower() and len(k) >= 5]
        return self.country_words

    def country(self, alpha3: str | None) -> Entry | None:
        """The state entry of a country code."""
        return self.countries.get(alpha3) if alpha3 else None

    def find_people(self, name: str) -> list[Person]:
        """People whose name or alias matches ``name`` exactly, else by transliteration skeleton."""
        norm = normalise(name)
        if norm in self.by_name:
            return [self.people[self.by_name[norm]]]
        ids = self.by_skeleton.get(skeleton(name), set())
        return [self.people[i] for i in sorted(ids) if _close(norm, self.people[i])]

    def find_surname(self, surname: str) -> list[Person]:
        """People whose surname matches, by skeleton."""
        norm = normalise(surname)
        ids = sorted(self.by_surname.get(skeleton(surname), set()))
        return [self.people[i] for i in ids if _close(norm, self.people[i], surname=True)]


#: Real names one edit from a country's: "Columbia" (the university, the district), "afghani" (the currency).
_REAL_NEAR_COUNTRY = frozenset({"columbia", "afghani", "afghanis"})


def _close(norm: str, person: Person, *, surname: bool = False) -> bool:
    """Whether a name is close in spelling to one of the person's names: the surname (or last two words) by
    Jaro-Winkler of 0.85 or more, and any first name of the query with the same skeleton or nearly the same."""
    query = norm.split()
    for name in (person.name, *person.aliases):
        words = normalise(name).split()
        tails = [" ".join(words[-n:]) for n in (1, 2) if len(words) >= n]
        if surname:
            heads = [words[0]] if person.country in SURNAME_FIRST else []
            if any(jaro_winkler(norm, t) >= 0.85 for t in [*tails, *heads]):
                return True
            continue
        if len(query) < 2 or len(words) < 2:
            continue
        last = " ".join(query[-2:]) if len(query) > 2 else query[-1]
        if not any(jaro_winkler(last, t) >= 0.85 for t in tails):
            continue
        if skeleton(query[0]) == skeleton(words[0]) or jaro_winkler(query[0], words[0]) >= 0.8:
            return True
    return False


_PIECES = re.compile(r"\w+|[^\w\s]")


@functools.lru_cache(maxsize=NAME_CACHE)  # the same phrases come back in every article; bounded, so memory stays flat
def _phrase_key(text: str) -> str:
    text = text.strip()
    if text.isupper() or (len(text) <= 4 and any(c.isupper() for c in text[1:])):
        return text
    if any(c.isdigit() for c in text):  # "No 10" keeps its number: "No" alone is no phrase
        return " ".join(_ALNUM.findall(fold(text)))
    return normalise(text)


_ALNUM = re.compile(r"[a-z0-9]+")


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def _date(cell: str | None, where: str) -> date | None:
    cell = (cell or "").strip()
    if not cell:
        return None
    parts = cell.split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return date(numbers[0], numbers[1], numbers[2])
    except (ValueError, IndexError) as err:
        raise KnowledgeBaseError(f"{where}: date {cell!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from err


def _rows(path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        for n, row in enumerate(reader, start=2):
            if None in row:
                raise KnowledgeBaseError(f"{path}:{n}: more cells than the header has columns; check the tabs")
            yield f"{path.name}:{n}", {k: (v or "").strip() for k, v in row.items()}


def _add_phrase(kb: KnowledgeBase, phrase: str, entry: Entry) -> None:
    key = _phrase_key(phrase)
    if not key:
        return
    kb.phrases.setdefault(key, entry)
    pieces = _PIECES.findall(phrase)
    size = len(pieces) + 1
    kb.max_phrase_tokens = max(kb.max_phrase_tokens, size)
    for first in {fold(phrase.split()[0]), fold(pieces[0]) if pieces else ""} - {""}:
        kb.first_words[first] = max(kb.first_words.get(first, 0), size)


def _load_countries(kb: KnowledgeBase, path: Path) -> None:
    for _, row in _rows(path):
        a3 = row["alpha3"]
        state = Entry(f"country:{a3}", row["name"], "state", a3, None, row.get("wikidata") or None)
        kb.countries[a3] = state
        if row.get("alpha2"):
            kb.alpha2[row["alpha2"]] = a3
        for name in [row["name"], *_split(row.get("aliases"))]:
            _add_phrase(kb, name, state)
        for demonym in _split(row.get("demonyms")):
            _add_phrase(kb, demonym, Entry(state.key, state.name, "state", a3, None, state.wikidata, "demonym"))
        gov = Entry(f"country:{a3}:GOV", f"Government of {_with_article(row['name'])}", "government", a3, "GOV",
                    None, "capital")
        for capital in _split(row.get("capitals")):
            _add_phrase(kb, capital, gov)


#: Countries whose names are written family name first in English-language news.
SURNAME_FIRST = frozenset({"CHN", "KOR", "PRK", "TWN", "VNM", "HKG", "MAC", "KHM"})


def _with_article(name: str) -> str:
    """ "the United States", "the Netherlands", "the Czech Republic"; "Russia" as it is."""
    plural = name.endswith("s") and not name.endswith(("ss", "us", "os"))
    if name.startswith(("United ", "Republic", "Democratic", "Central African")) or "Republic" in name or plural:
        return f"the {name}"
    return name


def _load_metonyms(kb: KnowledgeBase, path: Path) -> None:
    for _, row in _rows(path):
        a3, sector = row["country"], row["sector"] or None
        generic = row["name"].startswith("Government of") or not sector
        key = (f"country:{a3}:{sector}" if sector else f"country:{a3}") if generic else (
            f"inst:{a3}:{normalise(row['name']).replace(' ', '-')}")
        kind = row.get("kind") or SECTOR_KIND.get(sector or "", "state")
        _add_phrase(kb, row["phrase"], Entry(key, row["name"], kind, a3, sector, None, "metonym"))


def _load_organisations(kb: KnowledgeBase, path: Path) -> None:
    for _, row in _rows(path):
        entry = Entry(
            f"org:{row['id']}", row["name"], row.get("kind") or "igo", row.get("country") or None,
            row.get("sector") or None, row.get("wikidata") or None, "org",
        )
        for name in [row["name"], *_split(row.get("aliases"))]:
            _add_phrase(kb, name, entry)


_COMMUNITY_KINDS = frozenset({"ethnic", "regional", "religious", "political", "bloc"})


def _load_communities(kb: KnowledgeBase, path: Path) -> None:
    for where, row in _rows(path):
        if row["kind"] not in _COMMUNITY_KINDS:
            raise KnowledgeBaseError(f"{where}: kind {row['kind']!r} is not one of {sorted(_COMMUNITY_KINDS)}")
        community = Community(row["name"], row.get("country") or None, row["kind"])
        for form in [row["name"], *_split(row.get("forms"))]:
            kb.communities.setdefault(normalise(form), community)


def _load_people(kb: KnowledgeBase, people: Path, offices: Path | None) -> None:
    by_person: dict[str, list[Office]] = defaultdict(list)
    if offices is not None and offices.is_file():
        for where, row in _rows(offices):
            by_person[row["person_id"]].append(
                Office(row.get("role") or "other", row.get("office") or "", row.get("country") or None,
                       row.get("sector") or None, _date(row.get("start"), where), _date(row.get("end"), where))
            )
    for _, row in _rows(people):
        pid = row["id"]
        person = Person(pid, row["name"], row.get("country") or None, row.get("wikidata") or None,
                        tuple(_split(row.get("aliases"))), tuple(by_person.get(pid, ())))
        kb.people[pid] = person
        for name in (person.name, *person.aliases):
            kb.by_name.setdefault(normalise(name), pid)
            kb.by_skeleton[skeleton(name)].add(pid)
            words = normalise(name).split()
            if len(words) >= 2 and person.country in SURNAME_FIRST:
                kb.by_surname[skeleton(words[0])].add(pid)
            if len(words) >= 2:
                kb.by_surname[skeleton(words[-1])].add(pid)
                if len(words) >= 3:
                    kb.by_surname[skeleton(" ".join(words[-2:]))].add(pid)
                    kb.by_skeleton[skeleton(" ".join(words[-2:]))].add(pid)


def _load_folder(kb: KnowledgeBase, folder: Path) -> None:
    loaders = (("countries.tsv", _load_countries), ("metonyms.tsv", _load_metonyms),
               ("organisations.tsv", _load_organisations), ("communities.tsv", _load_communities))
    for name, loader in loaders:
        if (folder / name).is_file():
            loader(kb, folder / name)
    if (folder / "people.tsv").is_file():
        _load_people(kb, folder / "people.tsv", folder / "offices.tsv")


def build_kb(folders: Iterable[Path]) -> KnowledgeBase:
    """Build a knowledge base from folders of tables, earlier folders winning on conflicts."""
    kb = KnowledgeBase()
    for folder in folders:
        try:
            _load_folder(kb, folder)
        except (KeyError, OSError, csv.Error) as err:
            raise KnowledgeBaseError(f"{folder}: cannot read actor tables ({err!r}); see the data README") from err
    return kb


@functools.lru_cache(maxsize=4)
def load_kb(user_tables: tuple[str, ...] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus the user's tables (theirs first), loaded once per process."""
    shipped = Path(str(resources.files("wirewatch.resolve").joinpath("data")))
    return build_kb([*(Path(p) for p in user_tables), shipped])
