"""A small, honest language guess: English or unknown, by the share of common English function words.

A stand-in until a real language-identification model replaces it; it only ever answers "en" or None.
"""

from __future__ import annotations

import re

__all__ = ["ENGLISH_SHARE", "guess_language"]

#: Share of word tokens that must be English function words for a text to count as English. English news
#: sits around 0.35-0.45; French, German, Spanish, Russian and Arabic news stay well under 0.1.
ENGLISH_SHARE = 0.2

_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "to", "a", "in", "that", "is", "was", "he", "for", "it", "with", "as", "his", "on",
    "be", "at", "by", "i", "this", "had", "not", "are", "but", "from", "or", "have", "an", "they", "which",
    "you", "were", "her", "she", "there", "would", "their", "we", "him", "been", "has", "when", "who",
    "will", "no", "if", "its", "said", "after",
))  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str | None:
    """Return "en" when the text reads as English by its function words, else None (also for empty text)."""
    words = _WORD.findall(text.lower())
    if not words:
        return None
    share = sum(word in _FUNCTION_WORDS for word in words) / len(words)
    return "en" if share >= ENGLISH_SHARE else None
