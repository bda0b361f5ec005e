"""Find actor mentions in a parsed article and resolve them to canonical actors.

Mentions come from the knowledge-base gazetteer (countries, demonyms, capitals, metonyms, organisations), from
spaCy's entities (people, organisations, places), from a demonym or country heading an institution noun ("the
Israeli military", "Russian military intelligence"), from groups named by who or where they are ("Ogaden rebels",
"opposition parties in Togo", see ``_groups``), and lazily, when an extractor asks, from pronouns and role
phrases ("he", "the US official", "his Iranian counterpart") that point back to an earlier actor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..annotate import text_of
from ..records import Actor, Location, Mention
from ._bodies import ANAPHORIC, body_sector, body_span, unknown_name
from ._context import (
    context_tokens,
    entity_of,
    expletive,
    first_compatible,
    institution_sector,
    pick,
    sector_of,
    title_words,
    trim_person,
)
from ._groups import Evidence, Group, actor_evidence, context_country, find_group, place_evidence, placed_org
from ._kb import SECTOR_KIND, SURNAME_FIRST, Entry, KnowledgeBase, Person
from ._lexicon import PRONOUNS, ROLE_NOUNS, TITLE_SECTOR
from ._names import fold, jaro_winkler, normalise, skeleton
from ._notactors import (
    HONORIFICS,
    after_honorific,
    named_vessel,
    office_portfolio,
    placed_capital,
    title_word,
    variant_of,
)
from ._places import find_place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["DocActors", "resolve_actors"]

#: A name followed by one of these names a place ("Jomo Kenyatta airport"), not a person.
_FACILITIES = frozenset({"airport", "street", "square", "avenue", "university", "hospital", "mosque", "stadium",
                         "port", "bridge", "centre", "center", "institute", "foundation", "prize", "base", "dam",
                         "boulevard", "highway", "station", "school", "college", "museum", "palace", "library"})
#: Entity types a misspelt country may carry ("Kazakstan" is often taken for an organisation).
_MAYBE_PLACE = frozenset({"", "ORG", "GPE", "NORP", "LOC"})
_ORGS = frozenset({"organisation", "armed_group", "igo", "ngo", "party", "business", "media"})
_GROUP_NOUNS = frozenset({"countries", "sides", "ministers", "leaders", "governments", "presidents", "nations",
                          "neighbours", "neighbors", "delegations", "capitals", "allies", "states", "parties"})


@dataclass(slots=True)
class _Slot:
    id: str
    entry: Entry
    office: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    surname_key: str | None = None
    titles: set[str] = field(default_factory=set)
    first: int = 0
    implied: bool = False
    affiliation: str | None = None
    #: A group named by a plural ("Ogaden rebels"): "they", never "it".
    plural: bool = False

    def add(self, text: str, span: tuple[int, int], how: str) -> None:
        """Record a mention once."""
        if all(m.span != span for m in self.mentions):
            self.mentions.append(Mention(text, span, how))


class DocActors:
    """The actors of one parsed article, with a token → actor index the extractors query."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, published: date | None) -> None:
        self.doc, self.kb, self.published = doc, kb, published
        self.slots: list[_Slot] = []
        self._by_key: dict[str, _Slot] = {}
        self.token_slot: dict[int, _Slot] = {}
        self._referred: dict[int, _Slot | None] = {}
        self._find_mentions()

    # -- public queries ------------------------------------------------------------------------------
    def actor_at(self, token: Token) -> _Slot | None:
        """The actor a token belongs to or refers to (pronouns and role phrases resolved on demand, once)."""
        slot = self.token_slot.get(token.i)
        if slot is not None:
            return slot
        if token.i not in self._referred:
            self._referred[token.i] = self._refer(token)
        return self._referred[token.i]

    def _refer(self, token: Token) -> _Slot | None:
        lower = token.lower_
        if lower in PRONOUNS and token.tag_ in {"PRP", "PRP$"} and not expletive(token):
            return self._pronoun(token, PRONOUNS[lower])
        if token.tag_ in {"NN", "NNS"} and token.lower_ in ROLE_NOUNS:
            return self._role_phrase(token)
        if token.ent_type_ in {"GPE", "LOC", "FAC"}:
            return self._place_actor(token)
        if token.ent_type_ == "PERSON" and len(entity_of(token)) == 1 and find_place(token.text) is not None:
            return self._place_actor(token)  # a town the tagger took for a person ("attacked Kharkiv")
        return self._body(token)

    def _body(self, token: Token) -> _Slot | None:
        """ "The court convicted …", "police arrested …": a body named by a common noun alone is an actor under
        its own words, of the country its sentence places it in (if one)."""
        span = body_span(token)
        if span is None or any(t.i in self.token_slot for t in span) or self.kb.phrase(span.text) is not None:
            return None
        if token.lower_ in ANAPHORIC and any(_last_mention_before(s, token.idx) >= 0 and s.entry.kind in _ORGS
                                             for s in self.slots):
            return None  # "the group" after a named group is that group
        sector = body_sector(span)
        # "the court" is of where it sits, and so is a crowd ("angry activists"); "top Kurdish officials" say
        # who they are
        bare = len(span) == 1
        placed = bare or sector in {"CVL", "LAB", "EDU", "REF"}
        country = context_country(token, range(span.start, span.end), self._evidence, wide=False) if placed else None
        if country is None and sector in {"CVL", "LAB", "EDU", "REF"}:
            country = self._where_crowd(token)  # "crowds filled the squares in Minsk"
        state = self.kb.country(country)
        kind = SECTOR_KIND.get(sector or "", "group")
        if state is not None and sector is not None and bare:
            entry = Entry(f"{state.key}:{sector}", f"{state.name} ({kind.replace('_', ' ')})", kind, country, sector)
        else:
            name = span.text[0].upper() + span.text[1:]
            entry = Entry(f"body~{country or '-'}~{normalise(span.text).replace(' ', '-')}", name, kind, country,
                          sector, None, "body")
        return self._attach(entry, span, "body", set())

    def state_slot(self, state: Entry) -> _Slot:
        """The actor of a country's state, created (without mentions) when the text has not named it yet."""
        slot = self._by_key.get(state.key)
        if slot is None:
            slot = _Slot(f"a{len(self.slots) + 1}", state, first=len(self.doc), implied=True)
            self.slots.append(slot)
            self._by_key[state.key] = slot
        slot.implied = slot.implied or not slot.mentions  # kept in the output though the text never names it
        return slot

    def place_of(self, token: Token) -> Location | None:
        """Where a place name points: a country, a capital or a town of the gazetteer, with coordinates."""
        span = entity_of(token)
        entry = self.kb.phrase(span.text)
        found = find_place(span.text)
        if entry is not None and entry.country and entry.how == "name" and entry.kind == "state":
            return Location(span.text, entry.country)
        if found is not None:
            return Location(span.text, self.kb.alpha2.get(found.alpha2), found.lat, found.lon)
        return Location(span.text, entry.country) if entry is not None and entry.country else None

    def _place_actor(self, token: Token) -> _Slot | None:
        """A town named as a party to an event stands for its country ("shelled Kharkiv" → Ukraine)."""
        location = self.place_of(token)
        if location is None or location.country is None:
            return None
        state = self.kb.country(location.country)
        if state is None:
            return None
        span = entity_of(token)
        slot = self._by_key.get(state.key) or self._attach(state, span, "place", set())
        slot.add(span.text, (span.start_char, span.end_char), "place")
        for t in span:
            self.token_slot[t.i] = slot
        return slot

    def actors(self) -> tuple[Actor, ...]:
        """The frozen actor records, each with its mentions in text order."""
        return tuple(
            Actor(
                id=s.id, key=s.entry.key, name=s.entry.name, kind=s.entry.kind, country=s.entry.country,
                sector=s.entry.sector, wikidata=s.entry.wikidata, office=s.office,
                mentions=tuple(sorted(s.mentions, key=lambda m: m.span)), affiliation=s.affiliation,
            )
            for s in self.slots
            if s.mentions or s.implied
        )

    # -- mention finding -----------------------------------------------------------------------------
    def _find_mentions(self) -> None:
        taken: set[int] = set()
        for ent in self.doc.ents:
            if ent.label_ == "PERSON":
                self._person(ent, taken)
        for ent in self.doc.ents:
            if ent.label_ == "ORG" and not any(t.i in taken for t in ent):
                self._placed_org(ent, taken)
        i, n = 0, len(self.doc)
        while i < n:
            matched = self._gazetteer_at(i, taken)
            i = matched if matched > i else i + 1
        self._mislabelled_people(taken)
        self._misspelt_countries(taken)
        for ent in self.doc.ents:
            if ent.label_ == "ORG" and not any(t.i in taken for t in ent):
                self._unknown_org(ent, taken)
        self._unknown_names(taken)
        self._institutions()
        self._groups()
        self._home_bodies()
        self._pronouns()

    def _pronouns(self) -> None:
        """Resolve personal and possessive pronouns and definite role phrases that have an actor before them."""
        for token in self.doc:
            pronoun = token.lower_ in PRONOUNS and token.lower_ not in {"they", "them", "their"}
            role = token.lower_ in ROLE_NOUNS and token.tag_ in {"NN", "NNS"} and _definite(token)
            if pronoun or role:
                self.actor_at(token)

    def _mislabelled_people(self, taken: set[int]) -> None:
        """Names of known people that the entity recognizer missed or mislabelled ("Lavrov" as an ORG)."""
        for ent in self.doc.ents:
            name = _without_possessive(ent)
            free = not any(t.i in taken for t in name) and self.kb.phrase(name.text) is None
            if ent.label_ in {"ORG", "GPE", "NORP", "FAC", "LOC"} and free and (
                    self._known_exactly(name.text) or _titled_name(name) or self._earlier_variant(name.text)):
                self._person(name, taken)
        for token in self.doc:
            proper = token.tag_ == "NNP" or (token.tag_ in {"NN", "NNS"} and (
                not token.is_sent_start or self._earlier_surname(token.text)))
            if proper and not token.ent_type_ and token.i not in taken and token.is_title:
                span = self.doc[token.i : token.i + 1]
                if self.kb.phrase(token.text) is None and (
                        self._known_exactly(token.text) or self._earlier_variant(token.text)):
                    self._person(span, taken)

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

    def _gazetteer_at(self, i: int, taken: set[int]) -> int:
        doc = self.doc
        first = doc[i]
        if i in taken or not (first.is_title or first.is_upper or first.lower_ == "the"):
            return i
        longest = self.kb.first_words.get(fold(first.text), 0)
        if not longest:
            return i
        end = first.sent.end
        for length in range(min(longest, end - i), 0, -1):
            span = doc[i : i + length]
            if any(t.i in taken or t.is_space for t in span) or span[-1].is_punct or span[0].is_punct:
                continue
            entry = self.kb.phrase(span.text)
            if entry is None or (span[0].lower_ == "the" and length == 1):
                continue
            if span[0].lower_ == "the":
                span = span[1:]
            if self._is_person_title(span):
                taken.update(t.i for t in span)
                return i + length
            if after_honorific(span) and entry.kind in {"state", "government"}:
                self._unknown_person(span, [], taken)  # "Mr. Ireland", "Ms Jordan": a person
                return i + length
            if entry.how == "capital" and (_placed(span) or placed_capital(span)):
                return i + length
            self._attach(entry, span, entry.how, taken)
            return i + length
        return i

    def _misspelt_countries(self, taken: set[int]) -> None:
        """ "Kazakstan", "Venezuala": a one-word place or nationality the gazetteer lacks, close to a country; or any
        other capitalised name one edit from one ("Ukriane's navy", "the Cambodai army")."""
        for ent in self.doc.ents:
            if (ent.label_ in {"GPE", "NORP"} and len(ent) == 1 and ent.start not in taken and ent[0].is_title
                    and find_place(ent.text) is None):  # "Indiana" is a place of its own, not a misspelt "Indian"
                entry = self.kb.misspelt_country(ent.text)
                if entry is not None:
                    self._attach(entry, ent, "variant", taken)
        for token in self.doc:
            entry = self._near_country(token) if token.i not in taken else None
            if entry is not None:
                self._attach(entry, self.doc[token.i : token.i + 1], "variant", taken)

    def _near_country(self, token: Token) -> Entry | None:
        """The state a capitalised name one edit from a country name or demonym stands for; never a word of a
        person's name ("Hollande", "Angela"), a town, or a name the recognizer took for a person or a date."""
        if not token.is_title or token.tag_ not in {"NNP", "NNPS", "JJ"} or token.ent_type_ not in _MAYBE_PLACE:
            return None
        if token.ent_type_ and len(entity_of(token)) > 1:
            return None  # part of a longer name ("Columbia University", "British Columbia")
        following = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        if following is not None and following.ent_type_ == "PERSON":
            return None  # a first name
        if find_place(token.text) is not None or self._earlier_surname(token.text):
            return None
        return self.kb.near_country(token.text)

    def _is_person_title(self, span: Span) -> bool:
        """A demonym or country inside a person's title ("Russian President Vladimir Putin") is not an actor."""
        head = span.root.head
        if span.root.dep_ not in {"amod", "compound", "poss", "nmod"}:
            return False
        for _ in range(4):
            slot = self.token_slot.get(head.i)
            if slot is not None and slot.entry.kind == "person":
                return True
            if head.head.i == head.i:
                return False
            head = head.head
        return False

    def _attach(self, entry: Entry, span: Span, how: str, taken: set[int]) -> _Slot:
        slot = self._by_key.get(entry.key)
        if slot is None:
            slot = _Slot(f"a{len(self.slots) + 1}", entry, first=span.start)
            self.slots.append(slot)
            self._by_key[entry.key] = slot
        slot.add(span.text, (span.start_char, span.end_char), how)
        for t in span:
            self.token_slot[t.i] = slot
            taken.add(t.i)
        return slot

    def _institutions(self) -> None:
        """Widen "Israeli" + "military" into one institution actor (country plus sector)."""
        for token in self.doc:
            slot = self.token_slot.get(token.i)
            if slot is None and token.ent_type_ in {"GPE", "LOC"} and token.dep_ in {"compound", "poss"} \
                    and institution_sector(token.head) is not None and self.kb.community(token.text) is None:
                slot = self._place_actor(token)  # "Ogaden rebels": a region stands for its country
            if slot is None or slot.entry.kind != "state" or token.dep_ not in {"amod", "compound", "poss"}:
                continue
            head = token.head
            sector = institution_sector(head)
            if sector is None or head.i < token.i:
                continue
            owner = self.token_slot.get(head.i)
            if owner is not None and owner.entry.kind != "igo":
                continue
            if owner is not None:
                owner.mentions = [m for m in owner.mentions if not (m.span[0] <= head.idx < m.span[1])]
            a3 = slot.entry.country
            name = f"{slot.entry.name} ({SECTOR_KIND.get(sector, sector).replace('_', ' ')})"
            entry = Entry(f"country:{a3}:{sector}", name, SECTOR_KIND.get(sector, "government"), a3, sector)
            first = token.i
            while first > 0 and self.token_slot.get(first - 1) is slot:
                first -= 1
            span = self.doc[first : head.i + 1]
            others = [(c, s) for c in token.children if c.dep_ == "conj"
                      for s in [self.token_slot.get(c.i)] if s is not None and s.entry.kind == "state"]
            slot.mentions = [m for m in slot.mentions if not (span.start_char <= m.span[0] < span.end_char)]
            for t in span:
                self.token_slot.pop(t.i, None)
            self._attach(entry, span, "institution", set())
            for other, state in others:
                self._conjoined_institution(other, state, sector)

    def _conjoined_institution(self, token: Token, slot: _Slot, sector: str) -> None:
        """ "Czech and Slovak diplomats": the second demonym names the same institution of its country."""
        a3 = slot.entry.country
        name = f"{slot.entry.name} ({SECTOR_KIND.get(sector, sector).replace('_', ' ')})"
        entry = Entry(f"country:{a3}:{sector}", name, SECTOR_KIND.get(sector, "government"), a3, sector)
        span = self.doc[token.i : token.i + 1]
        slot.mentions = [m for m in slot.mentions if m.span[0] != token.idx]
        self.token_slot.pop(token.i, None)
        self._attach(entry, span, "institution", set())

    def _groups(self) -> None:
        """Groups named by who or where they are: "Ogaden rebels", "Iraqi Yazidis", "rebels in Cameroon"."""
        for token in self.doc:
            if token.i not in self.token_slot:
                group = find_group(token, self.kb, self._evidence, self._modifier_free)
                if group is not None:
                    self._attach_group(group)

    def _home_bodies(self) -> None:
        """ "Police detained 300 protesters in Mandalay", "the authorities in Tehran": a body that only acts at
        home, named with no country, is of the one country its sentence places it in (``how``:
        "institution-inferred")."""
        for token in self.doc:
            before = self.doc[token.i - 1] if token.i > token.sent.start else None
            two = f"{before.lower_} {token.lower_}" if before is not None else ""
            sector = _HOME_BODIES.get(two) or _HOME_BODIES.get(token.lower_)
            agent = token.dep_ == "pobj" and token.head.dep_ == "agent"
            if sector is None or token.i in self.token_slot or not (token.dep_ in {"nsubj", "nsubjpass"} or agent):
                continue
            if any(c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i in self.token_slot for c in token.children):
                continue  # "Iranian police" is an institution already
            start = token.i - 1 if two in _HOME_BODIES else token.i
            country = context_country(token, range(start, token.i + 1), self._evidence, wide=False)
            state = self.kb.country(country) if country else None
            if state is None:
                continue
            kind = SECTOR_KIND.get(sector, "government")
            entry = Entry(f"{state.key}:{sector}", f"{state.name} ({kind.replace('_', ' ')})", kind, state.country,
                          sector)
            self._attach(entry, self.doc[start : token.i + 1], "institution-inferred", set())

    def _attach_group(self, group: Group) -> None:
        """Make a group's actor; a demonym or a stray name inside its phrase becomes part of its mention. A country
        read from the rest of the sentence is marked by the mention's ``how``: "group-inferred"."""
        span = self.doc[group.start : group.end]
        for token in span:
            owner = self.token_slot.pop(token.i, None)
            if owner is not None:
                owner.mentions = [m for m in owner.mentions if not span.start_char <= m.span[0] < span.end_char]
        key = f"group~{group.country or '-'}~{normalise(group.name).replace(' ', '-')}"
        kind = SECTOR_KIND.get(group.sector or "", "group")
        entry = Entry(key, group.name, kind, group.country, group.sector, None, "group")
        slot = self._attach(entry, span, "group-inferred" if group.inferred else "group", set())
        slot.plural = span[-1].tag_ in {"NNS", "NNPS"}

    def _modifier_free(self, token: Token) -> bool:
        """Whether a word before a group noun may join the group: no actor yet, a stray name, a demonym ("Iraqi
        Yazidis") or a country before "-based"."""
        slot = self.token_slot.get(token.i)
        if slot is None or slot.entry.key.startswith(("org~", "person~")):
            return True
        how = next((m.how for m in slot.mentions if m.span[0] <= token.idx < m.span[1]), "")
        return slot.entry.kind == "state" and (how in {"demonym", "variant"} or token.head.lower_ == "based")

    def _evidence(self, token: Token) -> Evidence | None:
        """The country a token stands for in its sentence, for the groups beside it (see ``_groups``)."""
        slot = self.token_slot.get(token.i)
        if slot is None:
            location = self.place_of(token) if token.ent_type_ in {"GPE", "LOC"} else None
            return place_evidence(token, location.country if location is not None else None, self.kb)
        mention = next((m.text for m in slot.mentions if m.span[0] <= token.idx < m.span[1]), "")
        return actor_evidence(token, slot.entry, mention)

    def _placed_org(self, ent: Span, taken: set[int]) -> None:
        """ "the Central Ferry Company of Mombasa": an organisation named after its place belongs to that country, and
        the place inside its name is no actor of its own."""
        country = placed_org(ent, self.kb)
        if country is not None:
            span = ent[1:] if ent[0].lower_ == "the" else ent
            name = normalise(span.text).replace(" ", "-")
            entry = Entry(f"org~{name}", span.text, "organisation", country, None, None, "org")
            self._attach(entry, span, "org", taken)

    def _unknown_names(self, taken: set[int]) -> None:
        """ "ICE returned the paintings", "Malloy says …": a proper name no table knows, acting or acted on, is
        an actor under its own name (an acronym an organisation, one word a person)."""
        for token in self.doc:
            span = unknown_name(token, taken)
            if span is None or self.kb.phrase(span.text) is not None or find_place(span.text) is not None:
                continue
            if len(span) == 1 and token.text.isupper():
                self._unknown_org(span, taken)
            elif len(span) == 1:
                self._unknown_person(span, [], taken)

    def _unknown_org(self, ent: Span, taken: set[int]) -> None:
        ent = _without_possessive(ent)
        text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        if not text or len(text) < 2 or not text[0].isupper() or self.kb.community(text) is not None:
            return  # a people's or region's name is no organisation ("Fulani herders")
        if office_portfolio(ent) or title_word(ent):
            return  # "Secretary of State", "Supreme Leader": words of a title
        country = None
        for child in ent.root.children:
            if child.dep_ in {"poss", "amod", "compound"} and child.i in self.token_slot:
                country = self.token_slot[child.i].entry.country
        entry = Entry(f"org~{normalise(text).replace(' ', '-')}", text, "organisation", country, None, None, "org")
        span = ent[1:] if ent[0].lower_ == "the" else ent
        self._attach(entry, span, "org", taken)

    # -- people --------------------------------------------------------------------------------------
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
        for t in span:
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
        for size in range(len(ent) + 1, len(ent) + 4):
            window = self.doc[ent.start : min(ent.start + size, ent.sent.end)]
            if len(window) > len(ent) and self.kb.phrase(window.text) is not None:
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
        people = [slot for slot in reversed(self.slots) if slot.entry.kind == "person" and slot.surname_key
                  and (len(given) < 2 or _same_first_name(normalise(given[0]), slot.entry.name))]
        found = next((slot for slot in people if slot.surname_key == key and (
            len(key) >= 2 or words[-1] == normalise(slot.entry.name).split()[-1])), None)
        if found is None and len(words) == 1:
            found = next((slot for slot in people if variant_of(words[0], normalise(slot.entry.name).split()[-1])),
                         None)
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

    # -- pronouns and role phrases -------------------------------------------------------------------
    def _pronoun(self, token: Token, wants: str) -> _Slot | None:
        user = self._user_of_goods(token) if wants == "group" else None
        if user is not None:
            user.add(token.text, (token.idx, token.idx + len(token.text)), "pronoun")
            return user
        reporter = self._reporter_of(token, wants)
        if reporter is not None and reporter.plural and wants == "group":
            return None  # "Ogaden rebels said it …": "it" is something else
        if reporter is not None:
            reporter.add(token.text, (token.idx, token.idx + len(token.text)), "pronoun")
            return reporter
        best: _Slot | None = None
        best_rank = (False, -1)
        window = self._sentence_start(token, back=1)
        for slot in self.slots:
            is_person = slot.entry.kind == "person"
            if (wants == "person" and not is_person) or (wants != "person" and is_person) or (
                    slot.plural and wants == "group"):
                continue
            pos = _last_mention_before(slot, token.idx)
            rank = (pos >= window and self._was_subject(slot, token.idx, window), pos)
            if pos >= 0 and rank > best_rank:
                best, best_rank = slot, rank
        best_pos = best_rank[1]
        if wants == "any" and token.lower_ in {"they", "them", "their"}:
            return None
        if best is not None and token.sent.start_char - best_pos < 1500:
            best.add(token.text, (token.idx, token.idx + len(token.text)), "pronoun")
            return best
        return None

    def _user_of_goods(self, token: Token) -> _Slot | None:
        """ "sent shells to Russia for use in its invasion": who uses what is given is the one it is given to."""
        current = token
        for _ in range(4):
            if current.head.i == current.i:
                return None
            current = current.head
            if current.lower_ == "use" and current.dep_ == "pobj" and current.head.lower_ == "for":
                verb = current.head.head
                receivers = [g for c in verb.children if c.dep_ in {"dative", "prep"} and c.lower_ == "to"
                             for g in c.children if g.dep_ == "pobj"]
                receivers += [c for c in verb.children if c.dep_ == "dative" and c.tag_.startswith("NN")]
                slots = [self.token_slot[r.i] for r in receivers if r.i in self.token_slot]
                return slots[0] if slots and slots[0].entry.kind != "person" else None
        return None

    def _sentence_start(self, token: Token, *, back: int) -> int:
        """The character offset where the sentence ``back`` sentences before the token's begins."""
        start = token.sent.start
        for _ in range(back):
            if start == 0:
                break
            start = self.doc[start - 1].sent.start
        return self.doc[start].idx

    def _was_subject(self, slot: _Slot, before: int, since: int) -> bool:
        """Whether the actor was the subject of a clause between ``since`` and ``before`` (the salient one)."""
        for mention in slot.mentions:
            if since <= mention.span[0] < before:
                span = self.doc.char_span(mention.span[0], mention.span[1], alignment_mode="expand")
                if span is not None and span.root.dep_ in {"nsubj", "nsubjpass"}:
                    return True
        return False

    def _reporter_of(self, token: Token, wants: str) -> _Slot | None:
        """ "Hezbollah said it had fired …": a subject pronoun in a reported clause is whoever reports it."""
        if token.dep_ == "poss" and token.head.dep_ in {"nsubj", "nsubjpass"}:
            token = token.head
        clause = token.head
        if token.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "ccomp":
            return None
        speech = clause.head
        subjects = [c for c in speech.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].i == token.i:
            return None
        slot = self.token_slot.get(subjects[0].i)
        if slot is None:
            for child in subjects[0].children:
                if child.dep_ in {"poss", "compound", "amod"} and child.i in self.token_slot:
                    slot = self.token_slot[child.i]
        if slot is None:
            return None
        is_person = slot.entry.kind == "person"
        if (wants == "person") != is_person:
            return None
        return slot

    def _group(self, token: Token) -> list[_Slot]:
        """ "the two countries", "both sides": the two actors of different countries named last before."""
        found: list[_Slot] = []
        countries: set[str | None] = set()
        def weight(slot: _Slot) -> tuple[int, int]:
            before = [m for m in slot.mentions if m.span[1] <= token.idx]
            return (len(before), max((m.span[0] for m in before), default=-1))

        for slot in sorted(self.slots, key=weight, reverse=True):
            if _last_mention_before(slot, token.idx) < 0 or slot.entry.country in countries:
                continue
            if slot.entry.kind not in {"person", "state", "government"}:
                continue
            found.append(slot)
            countries.add(slot.entry.country)
            if len(found) == 2:
                break
        return found if len(found) == 2 else []

    def group_at(self, token: Token) -> list[_Slot]:
        """The actors a plural phrase such as "the two leaders" or "both sides" stands for, or []."""
        if token.lower_ not in _GROUP_NOUNS:
            return []
        if not any(c.lower_ in {"two", "both"} for c in token.children):
            return []
        return self._group(token)

    def _role_phrase(self, token: Token) -> _Slot | None:
        named = self._named_next_to(token)
        if named is not None:
            return self._claim_role(token, named)
        words = {c.lower_ for c in token.children if c.dep_ in {"amod", "compound"}}
        if any(c.dep_ == "det" and c.lower_ in {"a", "an", "another", "some"} for c in token.children):
            return self._anonymous(token)
        if words & {"other", "another", "some"}:
            return None
        country = None
        for child in token.children:
            entry = self.kb.phrase(child.text)
            if entry is not None and entry.country and child.dep_ in {"amod", "compound", "nmod"}:
                country = entry.country
        fits = ROLE_NOUNS[token.lower_]
        best: _Slot | None = None
        best_pos = -1
        for slot in self.slots:
            if slot.entry.kind != "person" or (country and slot.entry.country not in {country, None}):
                continue
            if fits and not (slot.titles & fits) and token.lower_ != "official":
                continue
            pos = _last_mention_before(slot, token.idx)
            if pos > best_pos:
                best, best_pos = slot, pos
        if best is not None:
            return self._claim_role(token, best)
        owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children)
        if owned or token.lower_ == "counterpart" or not _definite(token):
            return None  # "Mexico's top diplomat", "the president of Kosovo": the owner is the party
        return self._unnamed_role(token, country)

    def _where_crowd(self, token: Token) -> str | None:
        """The country of the place where the clause a crowd acts in happens ("… in Hong Kong")."""
        verb = token
        while not verb.tag_.startswith("VB") and verb.head.i != verb.i:
            verb = verb.head
        heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")] if verb.tag_.startswith("VB") else []
        for child in (c for head in heads for c in head.children):
            for obj in child.children if child.dep_ == "prep" and child.lower_ in {"in", "at", "across"} else ():
                location = self.place_of(obj) if obj.dep_ == "pobj" and obj.ent_type_ in {"GPE", "LOC"} else None
                if location is not None and location.country:
                    return location.country
        return None

    def _unnamed_role(self, token: Token, country: str | None) -> _Slot | None:
        """ "the prime minister", "the justice minister" that no one named before: a person of that office,
        unnamed, under the words of the role (of the country a modifier or the sentence gives)."""
        mods = [c for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i]
        start = min([c.i for c in mods] + [token.i])
        span = self.doc[start : token.i + 1]
        if any(t.i in self.token_slot for t in span):
            return None
        country = country or context_country(token, range(start, token.i + 1), self._evidence, wide=False)
        label = span.text[0].upper() + span.text[1:]
        entry = Entry(f"anon~{country or '-'}~{normalise(span.text).replace(' ', '-')}", label, "person", country,
                      TITLE_SECTOR.get(token.lower_))
        slot = self._by_key.get(entry.key) or self._attach(entry, span, "role", set())
        slot.titles.add(token.lower_)
        return slot

    def _named_next_to(self, token: Token) -> _Slot | None:
        """The person an apposition or the next words name: "his Turkish counterpart, Hakan Fidan"."""
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.token_slot:
                return self.token_slot[child.i]
        for follower in token.doc[token.i + 1 : token.i + 3]:
            slot = self.token_slot.get(follower.i)
            if slot is not None and slot.entry.kind == "person":
                return slot
            if not follower.is_punct:
                break
        return None

    def _claim_role(self, token: Token, slot: _Slot) -> _Slot:
        """Record "his Turkish counterpart" as a mention of ``slot``; the demonym inside it is no actor of its own."""
        modifiers = [c for c in token.children if c.dep_ in {"det", "amod", "compound", "poss"} and c.i < token.i]
        start = min([c.idx for c in modifiers] + [token.idx])
        end = token.idx + len(token.text)
        for child in modifiers:
            owner = self.token_slot.get(child.i)
            if owner is not None and owner is not slot and owner.entry.kind == "state":
                owner.mentions = [m for m in owner.mentions if not (start <= m.span[0] < end)]
                self.token_slot.pop(child.i, None)
        slot.add(text_of(self.doc)[start:end], (start, end), "role")
        return slot

    def _anonymous(self, token: Token) -> _Slot | None:
        """An unnamed source ("an Iranian diplomat"): a person actor of that country and role, unnamed."""
        country, sector, org = None, TITLE_SECTOR.get(token.lower_), None
        for child in token.children:
            entry = self.kb.phrase(child.text)
            if entry is None or child.dep_ not in {"amod", "compound"}:
                continue
            if entry.key.startswith("org:"):
                country, sector, org = entry.country, entry.sector, entry.key
            elif entry.country:
                country = entry.country
        if country is None and org is None:
            return None
        mods = [c for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i]
        start = min([c.idx for c in mods] + [token.idx])
        end = token.idx + len(token.text)
        label = text_of(self.doc)[start:end]
        anon_key = f"anon~{org or country}~{token.lower_}"
        entry = Entry(anon_key, label[0].upper() + label[1:], "person", country, sector)
        slot = self._by_key.get(entry.key) or self._attach(entry, self.doc[token.i : token.i + 1], "role", set())
        slot.affiliation = org
        slot.add(label, (start, end), "role")
        self.token_slot[token.i] = slot
        return slot


#: Bodies that act at home, so that one named bare is of the country where it acts.
_HOME_BODIES = {"police": "COP", "riot police": "COP", "policemen": "COP", "police officers": "COP",
                "security forces": "COP", "gendarmes": "COP", "authorities": "GOV"}


def _titled_name(span: Span) -> bool:
    """ "Mykola Oleshchuk, commander of …": a two- or three-word name whose apposition is a title."""
    if not 2 <= len(span) <= 3 or not all(t.is_title and t.tag_ == "NNP" for t in span):
        return False
    return any(c.dep_ == "appos" and c.lower_ in TITLE_SECTOR for c in span.root.children)


def _placed(span: Span) -> bool:
    """A capital named as the place where something happens ("protested in Paris") is no actor."""
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "near", "outside", "inside", "around", "across",
                                                        "through", "throughout", "along"}


def _definite(token: Token) -> bool:
    """ "the official", "his counterpart", "an Iranian diplomat": a role noun that points at someone."""
    return any(c.dep_ in {"det", "poss"} for c in token.children)


def _given_name(token: Token, span: Span) -> bool:
    """A capitalised word the recognizer left out just before a name ("Valerii" in "Valerii Zaluzhnyi")."""
    return token.tag_ == "NNP" and token.is_title and token.dep_ == "compound" and token.head.i in range(
        span.start, span.end) and token.lower_ not in TITLE_SECTOR


def _without_possessive(ent: Span) -> Span:
    """ "Najib Miqati's" → "Najib Miqati"."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[ent.start : end]


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


def _drop_mention(slot: _Slot, span: tuple[int, int]) -> None:
    slot.mentions = [m for m in slot.mentions if m.span != span]

def _last_mention_before(slot: _Slot, offset: int) -> int:
    return max((m.span[0] for m in slot.mentions if m.span[1] <= offset), default=-1)


def resolve_actors(doc: Doc, kb: KnowledgeBase, published: date | None) -> DocActors:
    """Find and resolve every actor mention in ``doc``."""
    return DocActors(doc, kb, published)
