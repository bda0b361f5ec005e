"""wirewatch: who did what to whom, when, where, and who says so — from international news, offline."""

from __future__ import annotations

__version__ = "0.1.0"
