"""The briefing as PDF (not yet available)."""

from __future__ import annotations

from ..errors import BriefingError
from ._model import Briefing

__all__ = ["render_pdf"]


def render_pdf(briefing: Briefing) -> bytes:
    """The briefing as PDF bytes."""
    raise BriefingError(f"PDF output of {briefing.scope.label!r} is not available yet; use --format html")
