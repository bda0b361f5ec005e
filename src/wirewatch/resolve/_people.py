"""Resolve the people an article names to known people, or to new actors under their own names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..annotate import tokens
from ._context import context_tokens, first_compatible, pick, sector_of, title_words, trim_person
from ._kb import SURNAME_FIRST, Entry, Person
from ._lexicon import TITLE_SECTOR
from ._names import jaro_winkler, normalise, skeleton
from ._notactors import HONORIFICS, named_vessel, variant_of
from ._places import find_place
from ._slot import _Index, _Slot

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class _People(_Index):
    """People: known people matched by name and surname, unknown ones made actors of their own."""

    def _earlier_variant(self, word: str) -> bool:
        """Whether a person named earlier in the text has a surname this word spells another way."""
        return self._earlier_by_surname_text(word) is not None

    def _earlier_surname(self, word: str) -> bool:
        """Whether a person named earlier in the text has this surname."""
        key = skeleton(word)
        return any(slot.entry.kind == "person" and slot.surname_key == key for slot in self.slots)

    def _known_exactly(self, name: str) -> bool:
        """A known person's full name (variants allowed), or their surname spelt exactly (no single-word variants:
        "Kharkiv" must not become Georgieva)."""
        person = self._match_person(name)
        if person is None:
            return False
        norm = normalise(name)
        names = [normalise(n).split() for n in (person.name, *person.aliases)]
        if len(norm.split()) > 1:
            return True  # two or more words that match a known person's name and surname, variants included
        surname_first = person.country in SURNAME_FIRST
        return any(n and (n[-1] == norm or (surname_first and n[0] == norm)) for n in names)

    def _person(self, ent: Span, taken: set[int]) -> None:
        if self._people_of(ent, taken):
            return
        span = trim_person(ent)
        if span is None or self.kb.phrase(span.text) is not None or self._starts_phrase(ent):
            return
        while span.start > 0 and _given_name(self.doc[span.start - 1], span) and span.start - 1 not in taken:
            span = self.doc[span.start - 1 : span.end]
        following = self.doc[span.end] if span.end < len(self.doc) else None
        if (following is not None and following.lower_ in _FACILITIES) or named_vessel(span):
            return  # "Imam Khomeini airport", "the frigate Admiral Gorshkov"
        titles = title_words(span)
        earlier = self._earlier_by_surname(span) if len(span) == 1 else None
        person = None if earlier is not None and earlier.entry.key.startswith("person~") else (
            self._agreeing(self._match_person(span.text), span))
        if person is not None and len(span) == 1 and not titles and find_place(span.text) is not None and (
                skeleton(normalise(span.text)) not in {skeleton(w) for w in normalise(person.name).split()}):
            person = None  # "near Kobani": a town, though one alias of a commander ends with it
        if person is None and len(span) == 1 and not titles and find_place(span.text) is not None:
            return  # a lone place-like name ("Bush" is also a town) is a person only with a title
        if person is not None:
            office = person.office_on(self.published)
            sector = office.sector if office else sector_of(titles)
            entry = Entry(person.key, person.name, "person", person.country, sector, person.wikidata)
            slot = self._attach(entry, span, "name", taken)
            slot.office = office.title if office else slot.office
            slot.affiliation = slot.affiliation or self._office_org(office.title if office else None)
            if slot.affiliation is None and sector == "IGO":
                org = self._affiliation(span)
                slot.affiliation = org.key if org is not None else None
        else:
            slot = self._unknown_person(span, titles, taken)
        slot.titles.update(titles)
        slot.surname_key = slot.surname_key or skeleton(normalise(slot.entry.name).split()[-1])

    def _unknown_person(self, span: Span, titles: list[str], taken: set[int]) -> _Slot:
        """A person the knowledge base does not know: the one named earlier by this surname, or a new actor."""
        slot = self._earlier_by_surname(span) or self._new_unknown(span, titles, taken)
        slot.add(span.text, (span.start_char, span.end_char), "surname" if len(span) == 1 else "name")
        for t in tokens(span):
            self.token_slot[t.i] = slot
            taken.add(t.i)
        slot.surname_key = slot.surname_key or skeleton(normalise(slot.entry.name).split()[-1])
        return slot

    def _agreeing(self, person: Person | None, span: Span) -> Person | None:
        """A known person matched by a loose spelling only where the context's country agrees (a single word
        also needs a country to agree with): an unknown person is a new actor, never the nearest known one."""
        if person is None or _spelt_as(span.text, person) or (len(span) > 1 and _spelt_as(span[-1].text, person)):
            return person  # every word, or the surname of a full name, spelt as the knowledge base spells it
        org = self._affiliation(span)
        window = [*self.doc[max(span.sent.start, span.start - 10) : span.start], *context_tokens(span)]
        countries = {e.country for t in window for e in [self.kb.phrase(t.text)] if e is not None and e.country}
        countries |= {org.country} if org is not None and org.country else set()
        if not countries and len(span) > 1:
            return person
        return person if person.country in countries else None

    def _people_of(self, ent: Span, taken: set[int]) -> bool:
        """ "Syrian Kurds", "Iraqi Yazidis": a demonym before a plural people's name is a group of that country,
        which the tagger may take for a person."""
        if len(ent) < 2 or ent[-1].tag_ != "NNPS":
            return False
        first = self.kb.phrase(ent[0].text)
        if first is None or first.kind != "state" or first.how != "demonym":
            return False
        self._attach(first, ent, "demonym", taken)
        return True

    def _starts_phrase(self, ent: Span) -> bool:
        """Whether a gazetteer phrase longer than the entity starts where it starts ("The Quai d'Orsay")."""
        start = ent.start + 1 if ent[0].lower_ == "the" else ent.start  # "The Quai d'Orsay" is the ministry
        for size in range(ent.end - start, ent.end - start + 4):
            window = self.doc[start : min(start + size, ent.sent.end)]
            if len(window) >= ent.end - start and self.kb.phrase(window.text) is not None:
                return True
        return False

    def _match_person(self, name: str) -> Person | None:
        words = normalise(name).split()
        if not words:
            return None
        for slot in self.slots:
            known = slot.entry.kind == "person" and slot.entry.key.startswith("person:")
            if known and len(words) == 1 and words[0] in normalise(slot.entry.name).split():
                return self.kb.people.get(slot.entry.key[len("person:"):])
            if known and len(words) == 1 and slot.surname_key == skeleton(words[0]):
                return self.kb.people.get(slot.entry.key[len("person:"):])
        candidates = self.kb.find_people(name) if len(words) > 1 else self.kb.find_surname(words[0])
        if len(words) > 1 and not candidates:
            candidates = [p for p in self.kb.find_surname(" ".join(words[-2:])) if len(words) > 2]
            candidates = candidates or [p for p in self.kb.find_surname(words[-1]) if first_compatible(p, words)]
        return pick(candidates, self.published)

    def _earlier_by_surname(self, span: Span) -> _Slot | None:
        return self._earlier_by_surname_text(span.text)

    def _earlier_by_surname_text(self, text: str) -> _Slot | None:
        """The person named earlier whose surname this is, by skeleton or as another spelling of it."""
        words = normalise(text).split()
        if not words:
            return None
        key = skeleton(words[-1])
        given = [w for w in text.split() if w.lower() not in HONORIFICS]
        first = normalise(given[0]) if len(given) >= 2 else None

        def person(slot: _Slot) -> bool:  # tested last, where the cheaper tests already passed
            return slot.entry.kind == "person" and bool(slot.surname_key) and (
                first is None or _same_first_name(first, slot.entry.name))

        found = next((slot for slot in reversed(self.slots) if slot.surname_key == key and (
            len(key) >= 2 or words[-1] == normalise(slot.entry.name).split()[-1]) and person(slot)), None)
        if found is None and len(words) == 1:
            found = next((slot for slot in reversed(self.slots) if slot.surname_key and variant_of(
                words[0], normalise(slot.entry.name).split()[-1]) and person(slot)), None)
        return found

    def _new_unknown(self, span: Span, titles: list[str], taken: set[int]) -> _Slot:
        country = self._country_from_context(span)
        sector = sector_of(titles)
        org = self._affiliation(span)
        if org is not None and org.sector in {"REB", "IGO", "OPP", "NGO", "MED", "PTY"}:
            country, sector = org.country, org.sector
        entry = Entry(f"person~{normalise(span.text).replace(' ', '-')}", span.text, "person", country, sector)
        slot = _Slot(f"a{len(self.slots) + 1}", entry, first=span.start)
        slot.office = " ".join(titles) or None
        slot.affiliation = org.key if org is not None else None
        self.slots.append(slot)
        self._by_key[entry.key] = slot
        return slot

    def _affiliation(self, span: Span) -> Entry | None:
        """The organisation in a person's title ("Hamas official X", "EU spokesman X"), if any."""
        window = self.doc[max(span.sent.start, span.start - 5) : span.start]
        for token in [*reversed(list(window)), *context_tokens(span)]:
            entry = self.kb.phrase(token.text)
            if entry is not None and entry.key.startswith("org:"):
                return entry
        return None

    def _office_org(self, title: str | None) -> str | None:
        """The organisation an office belongs to, read from its title ("Director General of the IAEA")."""
        if not title:
            return None
        words = title.replace(",", " ").split()
        for size in range(min(6, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                entry = self.kb.phrase(" ".join(words[start : start + size]))
                if entry is not None and entry.key.startswith("org:") and entry.sector in {"IGO", "REB", "OPP"}:
                    return entry.key
        return None

    def _country_from_context(self, span: Span) -> str | None:
        window = [t for t in self.doc[max(span.sent.start, span.start - 6) : span.start]]
        tokens = sorted(context_tokens(span), key=lambda t: abs(t.i - span.start))
        for token in [*reversed(window), *tokens]:
            entry = self.kb.phrase(token.text) or self._near_country(token)
            if entry is not None and entry.country and entry.kind != "person":
                return entry.country
        for token in context_tokens(span):
            entry = self.kb.phrase(token.text)
            if entry is not None and entry.country:
                return entry.country
        for token in context_tokens(span):
            for size in (3, 2):
                entry = self.kb.phrase(self.doc[token.i : token.i + size].text)
                if entry is not None and entry.country:
                    return entry.country
        return None


#: A name followed by one of these names a place ("Jomo Kenyatta airport"), not a person.
_FACILITIES = frozenset({"airport", "street", "square", "avenue", "university", "hospital", "mosque", "stadium",
                         "port", "bridge", "centre", "center", "institute", "foundation", "prize", "base", "dam",
                         "boulevard", "highway", "station", "school", "college", "museum", "palace", "library"})


def _given_name(token: Token, span: Span) -> bool:
    """A capitalised word the recognizer left out just before a name ("Valerii" in "Valerii Zaluzhnyi")."""
    return token.tag_ == "NNP" and token.is_title and token.dep_ == "compound" and token.head.i in range(
        span.start, span.end) and token.lower_ not in TITLE_SECTOR


def _same_first_name(first: str, name: str) -> bool:
    """Whether a name's first word can be the known name's: its first name (same skeleton or close), or another
    word of it ("Bagheri Gani" for "Ali Bagheri Kani")."""
    known = normalise(name).split()
    if not first or len(known) < 2:
        return True
    bones = skeleton(first)
    return any(bones == skeleton(k) for k in known) or jaro_winkler(first, known[0]) >= 0.85


def _spelt_as(name: str, person: Person) -> bool:
    """Whether every word of a name is spelt as in one of the person's names (no loose match)."""
    words = set(normalise(name).split())
    return any(words <= set(normalise(n).split()) for n in (person.name, *person.aliases))
