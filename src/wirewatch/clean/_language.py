"""Language identification with py3langid's bundled model (97 languages and more, loaded once per process).

:func:`guess_language` answers an ISO 639-1 code (``"en"``, ``"fr"``, ``"ru"`` …; the ISO 639-3 code for the
few languages that have no two-letter one), or None when the text is too short to tell (fewer than
:data:`MIN_LETTERS` letters) or the best guess is less likely than :data:`MIN_PROBABILITY` (probabilities are
normalised over all languages; :data:`SHORT_MIN_PROBABILITY` for texts under :data:`SHORT_LETTERS` letters).
Only the first :data:`SAMPLE_CHARS` characters are classified, which keeps the cost under a millisecond an
article. :func:`not_coded_reason` says why an article in a language that is not coded (``clean.languages``) is
kept but not coded.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

__all__ = ["MIN_LETTERS", "MIN_PROBABILITY", "SAMPLE_CHARS", "SHORT_LETTERS", "SHORT_MIN_PROBABILITY",
           "guess_language", "not_coded_reason"]

#: Texts with fewer letters than this get no language: a headline-length fragment is too easy to mistake.
MIN_LETTERS = 40
#: The least probability (normalised over all languages) at which the best guess is taken.
MIN_PROBABILITY = 0.5
#: Below this many letters (a sentence or two) a guess is taken only at :data:`SHORT_MIN_PROBABILITY`: one
#: English sentence full of African or Asian names can look like a creole to the model.
SHORT_LETTERS = 400
SHORT_MIN_PROBABILITY = 0.9
#: Characters from the start of the text that are classified.
SAMPLE_CHARS = 2000

_LETTER = re.compile(r"[^\W\d_]")
# Varieties the model tells apart that ISO 639-1 folds into one macrolanguage code.
_MACRO = {"arz": "ar", "ary": "ar", "yue": "zh", "wuu": "zh", "uzs": "uz", "gug": "gn", "sdh": "ku"}
_NO_LANGUAGE = "zxx"  # the model's label for text with no linguistic content


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's model (shipped inside the package), loaded on first use, with normalised probabilities."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it is too short or the guess is too unsure."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(1 for _ in islice(_LETTER.finditer(sample), SHORT_LETTERS))
    if letters < MIN_LETTERS:
        return None
    label, probability = _identifier().classify(sample)
    least = SHORT_MIN_PROBABILITY if letters < SHORT_LETTERS else MIN_PROBABILITY
    if probability < least or label == _NO_LANGUAGE:
        return None
    return _MACRO.get(label, label)


def not_coded_reason(language: str | None, coded: Collection[str]) -> str | None:
    """Why an article in ``language`` is not coded, or None when it is (``coded`` empty: every language is).

    A text whose language cannot be told (None) is coded: it is short, and holds little to code.
    """
    if not coded or language is None or language in coded:
        return None
    return f"language {language!r} is not coded"
