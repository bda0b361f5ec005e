"""Extract: events (PLOVER, with the CAMEO view) and quotes from a parsed, actor-resolved article."""

from __future__ import annotations

from ._classifier import Classifier, load_classifier
from ._lexicon import crosswalk
from .events import CODER_NAME, code_events
from .quotes import QUOTES_NAME, extract_quotes, find_quoted_spans

__all__ = ["CODER_NAME", "QUOTES_NAME", "Classifier", "code_events", "crosswalk", "extract_quotes",
           "find_quoted_spans", "load_classifier"]
