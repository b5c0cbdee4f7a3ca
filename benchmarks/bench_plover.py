"""A quick look at event coding on the PLOVER gold records (../shared/data/plover-gsr/dev.jsonl).

Each record's sentence is coded on its own. It counts a hit when an asserted event of the gold
category is found (PLOVER 0.5 names mapped to current ones), and for that event (else the first
one) whether the actor's and recipient's countries are among the gold codes. This is a development
probe, not the evaluation harness: precision over extra events is not scored here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from newsevents.pipeline import Pipeline
from newsevents.records import Article, Event
from newsevents.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "plover-gsr" / "dev.jsonl"
OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
STAGES = ("parse", "events", "actors")


def _codes(value: object) -> set[str]:
    if not isinstance(value, list):
        return set()
    return {a["code"] for a in value if isinstance(a, dict) and a.get("code")}


def main() -> None:
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    records = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    pipeline = Pipeline(Settings.load(), names=STAGES)
    hits = actor_ok = actor_n = recipient_ok = recipient_n = 0
    misses: Counter[tuple[str, str | None]] = Counter()
    for r in records:
        gold = OLD_NAMES.get(r["event"], r["event"])
        doc = pipeline(Article(id=r["id"], text=r["text"], published=dt.date(2000, 1, 1)))
        asserted = [e for e in doc.events if e.polarity == "asserted"] or list(doc.events)
        chosen: Event | None = next((e for e in asserted if e.type == gold), None)
        hits += chosen is not None
        if chosen is None:
            misses[(gold, asserted[0].type if asserted else None)] += 1
            chosen = asserted[0] if asserted else None
        sources, targets = _codes(r.get("source")), _codes(r.get("target"))
        if sources:
            actor_n += 1
            actor_ok += bool(chosen and chosen.actor and chosen.actor.country in sources)
        if targets:
            recipient_n += 1
            recipient_ok += bool(
                chosen and chosen.recipient and chosen.recipient.country in targets
            )
    n = len(records)
    print(f"{n} records")
    print(f"gold category among asserted events: {hits / n:.3f}")
    print(f"actor country right:                 {actor_ok / actor_n:.3f} (of {actor_n})")
    print(
        f"recipient country right:             {recipient_ok / recipient_n:.3f} (of {recipient_n})"
    )
    print("most frequent misses (gold, predicted):", misses.most_common(8))


if __name__ == "__main__":
    main()
