"""Find the actor mentions an article names: gazetteer phrases, organisations, institutions, groups and bodies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..annotate import tokens
from ._bodies import unknown_body_name, unknown_full_name, unknown_name
from ._context import entity_of, institution_sector
from ._groups import Group, context_country, find_group, placed_org
from ._kb import SECTOR_KIND, Entry
from ._lexicon import TITLE_SECTOR
from ._names import fold, normalise
from ._notactors import after_honorific, office_portfolio, placed_capital, title_word
from ._places import find_place
from ._slot import _Index, _Slot

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


class _Mentions(_Index):
    """Mention finding: gazetteer phrases, entities, institutions, groups and bodies, each attached to an actor."""

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
        self._place_tagged_people(taken)  # after misspelt countries: "Kazakstan" is Kazakhstan, not a person
        for ent in self.doc.ents:
            if ent.label_ == "ORG" and not any(t.i in taken for t in ent):
                self._unknown_org(ent, taken)
        self._unknown_names(taken)
        self._institutions()
        self._groups()
        self._home_bodies()
        self._pronouns()

    def _mislabelled_people(self, taken: set[int]) -> None:
        """Names of known people that the entity recognizer missed or mislabelled ("Lavrov" as an ORG)."""
        for ent in self.doc.ents:
            name = _without_possessive(ent)
            free = not any(t.i in taken for t in name) and self.kb.phrase(name.text) is None
            if ent.label_ in {"ORG", "GPE", "NORP", "FAC", "LOC"} and free and (
                    self._known_exactly(name.text) or _titled_name(name) or self._earlier_variant(name.text)):
                self._person(name, taken)
        for token in tokens(self.doc):
            proper = token.tag_ == "NNP" or (token.tag_ in {"NN", "NNS"} and (
                not token.is_sent_start or self._earlier_surname(token.text)))
            if proper and not token.ent_type_ and token.i not in taken and token.is_title:
                span = self.doc[token.i : token.i + 1]
                if self.kb.phrase(token.text) is None and (
                        self._known_exactly(token.text) or self._earlier_variant(token.text)):
                    self._person(span, taken)

    def _place_tagged_people(self, taken: set[int]) -> None:
        """ "President Okafor welcomed …", "Okafor attended …": a one-word name the recognizer took for a place, that
        no gazetteer knows as one, is a person after a title or as the subject of an act."""
        for ent in self.doc.ents:
            token = ent[0]
            if ent.label_ != "GPE" or len(ent) != 1 or token.i in taken or token.tag_ != "NNP" or not token.is_title:
                continue
            if self.kb.phrase(token.text) is not None or find_place(token.text) is not None:
                continue
            titled = token.i > 0 and self.doc[token.i - 1].lower_ in TITLE_SECTOR and self.doc[token.i - 1].is_title
            acting = token.dep_ == "nsubj" and token.head.tag_.startswith("VB")
            if titled or acting:
                self._person(ent, taken)

    def _gazetteer_at(self, i: int, taken: set[int]) -> int:
        doc = self.doc
        first = tokens(doc)[i]
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
        for token in tokens(self.doc):
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

    def _institutions(self) -> None:
        """Widen "Israeli" + "military" into one institution actor (country plus sector)."""
        for token in tokens(self.doc):
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
            for t in tokens(span):
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
        for token in tokens(self.doc):
            if token.i not in self.token_slot:
                group = find_group(token, self.kb, self._evidence, self._modifier_free)
                if group is not None:
                    self._attach_group(group)

    def _home_bodies(self) -> None:
        """ "Police detained 300 protesters in Mandalay", "the authorities in Tehran": a body that only acts at
        home, named with no country, is of the one country its sentence places it in (``how``:
        "institution-inferred")."""
        for token in tokens(self.doc):
            agent = token.dep_ == "pobj" and token.head.dep_ == "agent"
            if token.i in self.token_slot or not (token.dep_ in {"nsubj", "nsubjpass"} or agent):
                continue
            before = self.doc[token.i - 1] if token.i > token.sent.start else None
            two = f"{before.lower_} {token.lower_}" if before is not None else ""
            sector = _HOME_BODIES.get(two) or _HOME_BODIES.get(token.lower_)
            if sector is None:
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
        for token in tokens(span):
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
        an actor under its own name (an acronym an organisation, one word or a full name a person)."""
        for token in tokens(self.doc):
            body = unknown_body_name(token, taken)
            if body is not None and self.kb.phrase(body.text) is None:
                self._unknown_org(body, taken)  # "County Commission": an organisation under its own name
                continue
            span = unknown_name(token, taken) or unknown_full_name(token, taken)
            if span is None or self.kb.phrase(span.text) is not None or find_place(span.text) is not None:
                continue
            if len(span) > 1:
                self._person(span, taken)  # "Kwame Asante": known or not, as any person's name
            elif token.text.isupper():
                self._unknown_org(span, taken)
            else:
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


#: Entity types a misspelt country may carry ("Kazakstan" is often taken for an organisation).
_MAYBE_PLACE = frozenset({"", "ORG", "GPE", "NORP", "LOC"})


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


def _without_possessive(ent: Span) -> Span:
    """ "Najib Miqati's" → "Najib Miqati"."""
    end = ent.end
    while end > ent.start + 1 and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    return ent.doc[ent.start : end]
