"""What the event tests compare: the code an actor of an extraction stands for."""

from __future__ import annotations

from wirewatch.records import Extraction


def actor_codes(result: Extraction, ids: tuple[str, ...]) -> set[str]:
    """Each actor as its country code, its organisation key ("org:…" without the prefix), or else its key."""
    actors = {a.id: a for a in result.actors}
    return {actors[i].key.split(":", 1)[1] if actors[i].key.startswith("org:") else actors[i].country or actors[i].key
            for i in ids}
