"""Development check: how often the coder finds an event, and the right PLOVER type, on the PLOVER gold records.

Reads ``../shared/eval/plover_gsr/PLOVER_GSR_CAMEO.json`` (old category names mapped to the 2021 ones) and prints,
over the 322 gold sentences: the share where the coder finds an event with a source, the share where the gold type
is among the events found, type accuracy where an event was found, and per-type hits. It does not check actors;
the full evaluation (source, target and type) is ``wirewatch eval``'s job.

    .venv/bin/python benchmarks/plover_gsr_types.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from wirewatch import extract_text

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "plover_gsr" / "PLOVER_GSR_CAMEO.json"
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}


def main() -> int:
    if not GOLD.is_file():
        print(f"{GOLD} not found: this check needs ../shared/eval beside the checkout")
        return 0
    records = [r for r in json.loads(GOLD.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"]
    per_type: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    found = right = 0
    for record in records:
        gold = OLD_NAMES.get(record["event"], record["event"])
        per_type[gold] += 1
        types = [e.type for e in extract_text(record["text"]).events if e.source]
        found += bool(types)
        if gold in types:
            right += 1
            hits[gold] += 1
    n = len(records)
    print(f"{n} gold sentences: an event with a source in {found / n:.2f}; gold type among the events in "
          f"{right / n:.2f}; type right where an event was found {right / max(found, 1):.2f}")
    for name in sorted(per_type):
        print(f"  {name:10} {hits[name]:3d} / {per_type[name]}")
    print("reproduce: .venv/bin/python benchmarks/plover_gsr_types.py " + " ".join(sys.argv[1:]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
