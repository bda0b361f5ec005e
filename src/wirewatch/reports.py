"""What a run that stores articles did, counted one way for ``ingest`` and ``watch`` alike."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .records import Extraction, Failure

__all__ = ["Outcome", "StoreCounts"]

Outcome = Literal["stored", "duplicate", "failed"]


@dataclass(slots=True)
class StoreCounts:
    """Articles added to the store, those it held already, the events of the added ones, and the failures."""

    added: int = 0
    duplicates: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    def count(self, result: Extraction | Failure, *, added: bool = False) -> Outcome:
        """Count one result: a failure, or an extraction the store took as new (``added``) or held already."""
        if isinstance(result, Failure):
            self.failures.append(result)
            return "failed"
        if added:
            self.added += 1
            self.events += len(result.events)
            return "stored"
        self.duplicates += 1
        return "duplicate"
