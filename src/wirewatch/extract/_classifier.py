"""The statistical half of the event coder: which PLOVER type, if any, a word in its parsed context names.

A multinomial logistic regression over sparse features of the word and its dependency neighbourhood (the word, a
crude stem, its object, particle, prepositions and their objects, the entity types of those objects, its complement,
its head, the words beside it, negation). It is trained by ``python -m wirewatch.extract.train`` on the labelled
sentences we wrote in ``training/events/`` (never on the public gold sets), and ships as
``data/event_classifier.npz``: the feature vocabulary, the class names and the weights. Predicting costs a few
dictionary lookups and one small sum per word; no deep-learning framework is involved.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np

from ..errors import KnowledgeBaseError

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MODEL_FILE", "Classifier", "features", "load_classifier", "stem"]

MODEL_FILE = "event_classifier.npz"
NONE = "NONE"

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "s")


def stem(word: str) -> str:
    """A crude stem, enough to put "attacked", "attacks" and "attacking" together (spaCy's lemmatizer is off)."""
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def features(token: Token) -> list[str]:
    """The sparse features of one candidate word in its sentence."""
    s = stem(token.text)
    out = ["bias", f"w={token.lower_}", f"s={s}", f"tag={token.tag_}", f"dep={token.dep_}"]
    for child in token.children:
        dep = child.dep_
        if dep in {"dobj", "nsubjpass", "attr", "oprd"}:
            out.append(f"obj={stem(child.text)}")
            out.append(f"s+obj={s}_{stem(child.text)}")
            out.append(f"objent={_kind(child)}")
            out += [f"objmod={stem(g.text)}" for g in child.children if g.dep_ in {"compound", "amod"}]
        elif dep == "prt":
            out.append(f"prt={s}_{child.lower_}")
        elif dep in {"prep", "agent", "dative"}:
            out.append(f"prep={child.lower_}")
            out.append(f"s+prep={s}_{child.lower_}")
            for g in child.children:
                if g.dep_ == "pobj":
                    out += [f"pobj={child.lower_}_{stem(g.text)}", f"pobjent={child.lower_}_{_kind(g)}"]
        elif dep in {"xcomp", "ccomp"}:
            out.append(f"{dep}={stem(child.text)}")
        elif dep == "neg":
            out.append("neg")
        elif dep in {"compound", "amod"} and token.tag_.startswith("NN"):
            out.append(f"mod={stem(child.text)}")
        elif dep == "aux" and child.lower_ in {"will", "would", "could", "may", "might", "to"}:
            out.append(f"aux={child.lower_}")
    head = token.head
    if head.i != token.i:
        out.append(f"head={stem(head.text)}")
        out.append(f"head+dep={stem(head.text)}_{token.dep_}")
    doc = token.doc
    for offset in (-2, -1, 1, 2):
        i = token.i + offset
        if 0 <= i < len(doc) and doc[i].sent.start == token.sent.start:
            out.append(f"{offset}={stem(doc[i].text)}")
    return out


def _kind(token: Token) -> str:
    """What an argument is: its named-entity type ("GPE", "ORG", "PERSON"...), ``PRON``, or ``O`` for anything else,
    so that "expelled the ambassador" and "expelled Russia" share what a word list alone would keep apart."""
    return token.ent_type_ or ("PRON" if token.tag_.startswith("PRP") else "O")


@dataclass(frozen=True)
class Classifier:
    """Weights over a feature vocabulary; ``predict`` gives the best class and its probability."""

    classes: tuple[str, ...]
    vocabulary: dict[str, int]
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)

    def scores(self, names: Iterable[str]) -> np.ndarray:
        """Class probabilities for one list of feature names."""
        rows = [self.vocabulary[n] for n in names if n in self.vocabulary]
        logits = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def predict(self, token: Token) -> tuple[str, float]:
        """The most probable class for a word (``NONE`` when it names no event) and its probability."""
        probs = self.scores(features(token))
        best = int(probs.argmax())
        return self.classes[best], float(probs[best])

    def save(self, path: str) -> None:
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(path, classes=np.array(self.classes), vocabulary=np.array(names),
                            weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32))

    @classmethod
    def from_arrays(cls, classes: Sequence[str], vocabulary: Sequence[str], weights: np.ndarray,
                    bias: np.ndarray) -> Classifier:
        return cls(tuple(classes), {name: n for n, name in enumerate(vocabulary)},
                   weights.astype(np.float32), bias.astype(np.float32))


@functools.cache
def load_classifier() -> Classifier:
    """The shipped classifier, loaded once per process."""
    try:
        with resources.files("wirewatch.extract").joinpath("data", MODEL_FILE).open("rb") as handle:
            data = np.load(handle, allow_pickle=False)
            return Classifier.from_arrays([str(c) for c in data["classes"]], [str(v) for v in data["vocabulary"]],
                                          data["weights"], data["bias"])
    except (OSError, KeyError, ValueError) as err:
        raise KnowledgeBaseError(
            f"the event classifier ({MODEL_FILE}) cannot be read: {err}; reinstall wirewatch, or retrain it with "
            "`python -m wirewatch.extract.train`"
        ) from err
