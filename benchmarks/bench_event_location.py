"""Where did the event happen? Scored on ../shared/data/event-location/train.jsonl.

Each record is a sentence with the span of an event verb and, where stated, the span of the place
the event happened. The verb is given (as an event built on it); newsevents' places stage finds
and resolves the sentence's places and picks the event's location. A record counts as right when
the chosen place overlaps the gold LOCATION span, or when both say there is none. A development
probe until the evaluation harness lands; `--limit` samples the first N records.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from newsevents.gazetteer import Gazetteer
from newsevents.records import Article, Doc, Event, Sentence, Trigger
from newsevents.settings import Settings
from newsevents.stages.parse import load_model
from newsevents.stages.places import locate, resolve_places

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "event-location" / "train.jsonl"


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(record: dict[str, Any], nlp: Any, gazetteer: Gazetteer) -> str:
    text = record["text"]
    verb = next(s for s in record["spans"] if s["label"] == "VERB")
    gold = [(s["start"], s["end"]) for s in record["spans"] if s["label"] == "LOCATION"]
    parsed = nlp(text)
    doc = Doc(Article(id=record["id"], text=text), parsed=parsed)
    span = (verb["start"], verb["end"])
    event = Event(
        id="e",
        type="ASSAULT",
        trigger=Trigger(text[span[0] : span[1]], span),
        sentence=Sentence(text, (0, len(text))),
    )
    place = locate(event, doc, resolve_places(parsed, gazetteer))
    if place is None:
        return "right" if not gold else "missed"
    if not gold:
        return "invented"
    return "right" if any(_overlaps(place.span, g) for g in gold) else "wrong place"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    lines = DATA.read_text(encoding="utf-8").splitlines()[: args.limit]
    nlp, gazetteer = load_model(Settings().model), Gazetteer.load()
    outcomes = Counter(score(json.loads(line), nlp, gazetteer) for line in lines)
    n = sum(outcomes.values())
    print(f"{n} sentences; accuracy {outcomes['right'] / n:.3f}")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome:<12}{count:>6}")


if __name__ == "__main__":
    main()
