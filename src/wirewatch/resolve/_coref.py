"""Coreference: pronouns, role phrases ("the US official") and plural phrases ("both sides") resolved to actors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..annotate import text_of, tokens
from ._groups import context_country
from ._kb import Entry
from ._lexicon import PRONOUNS, ROLE_NOUNS, TITLE_SECTOR
from ._names import normalise
from ._slot import _Index, _last_mention_before, _Slot

if TYPE_CHECKING:
    from spacy.tokens import Token


class _Coref(_Index):
    """Coreference: pronouns, role phrases and plural phrases that point back to actors named before."""

    def _pronouns(self) -> None:
        """Resolve personal and possessive pronouns and definite role phrases that have an actor before them."""
        for token in tokens(self.doc):
            pronoun = token.lower_ in PRONOUNS and token.lower_ not in {"they", "them", "their"}
            role = role_noun(token) and _definite(token)
            if pronoun or role:
                self.actor_at(token)

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
        mods = [c for c in token.children if c.dep_ in {"amod", "compound"} and c.i < token.i]
        side = next((_SIDE_SECTOR[c.lower_] for c in mods if c.lower_ in _SIDE_SECTOR), None)
        if country is None and org is None and side is None:
            return None  # "a senior official" says nothing of whose
        sector = side if country is None and org is None else sector  # "a rebel commander": of the rebels
        start = min([c.idx for c in mods] + [token.idx])
        end = token.idx + len(token.text)
        label = text_of(self.doc)[start:end]
        anon_key = f"anon~{org or country or side}~{token.lower_}"
        entry = Entry(anon_key, label[0].upper() + label[1:], "person", country, sector)
        slot = self._by_key.get(entry.key) or self._attach(entry, self.doc[token.i : token.i + 1], "role", set())
        slot.affiliation = org
        slot.add(label, (start, end), "role")
        self.token_slot[token.i] = slot
        return slot


#: A modifier that says whose side an unnamed person is on ("a rebel commander", "an opposition leader").
_SIDE_SECTOR = {"rebel": "REB", "militant": "REB", "insurgent": "REB", "militia": "REB", "jihadist": "REB",
                "separatist": "REB", "guerrilla": "REB", "opposition": "OPP", "police": "COP", "army": "MIL",
                "military": "MIL", "union": "LAB", "student": "EDU"}


_GROUP_NOUNS = frozenset({"countries", "sides", "ministers", "leaders", "governments", "presidents", "nations",
                          "neighbours", "neighbors", "delegations", "capitals", "allies", "states", "parties"})


def role_noun(token: Token) -> bool:
    """ "the minister", and a capitalised role that stands alone: "The Prime Minister said" (not "Prime Minister
    Modi said", where the name is the actor)."""
    if token.lower_ not in ROLE_NOUNS:
        return False
    if token.tag_ in {"NN", "NNS"}:
        return True
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (token.tag_ in {"NNP", "NNPS"} and token.ent_type_ != "PERSON" and token.dep_ != "compound"
            and _definite(token) and (after is None or after.pos_ != "PROPN"))


def _definite(token: Token) -> bool:
    """ "the official", "his counterpart", "an Iranian diplomat": a role noun that points at someone."""
    return any(c.dep_ in {"det", "poss"} for c in token.children)
