"""Where did the event happen? Scored on ../shared/data/event-location/train.jsonl.

Runs the same scorer as `newsevents eval event-location` (see newsevents/evaluate_places.py for how
spans are matched): each record is a sentence with the span of an event verb and, where stated,
the span of the place that event happened; the verb is given and the places stage picks the
place in its sentence. `--limit` scores the first N records (default 1,000; 0 for all).

The built-in location model was fitted on this file, so that score is in-sample. The figure to
expect on unseen text comes after it: a model fitted on the odd records scored on the even ones,
and the other way round, against the attachment rules alone (as `newsevents train
event-location` prints it; all records are parsed for this).

    python benchmarks/bench_event_location.py --limit 3000
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from newsevents import evaluate_places
from newsevents.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "event-location" / "train.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1000, help="records to score; 0 for all")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return
    records = evaluate_places.read_event_locations(DATA)
    records = records[: args.limit] if args.limit else records
    start = time.perf_counter()
    report = evaluate_places.score_event_location(records, Settings.load())
    seconds = time.perf_counter() - start
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print(report.table())
        print(f"\n{len(records)} records in {seconds:.1f} s (in-sample: the model was fitted here)")
    samples = evaluate_places.location_samples(
        evaluate_places.read_event_locations(DATA), Settings.load()
    )
    _, training = evaluate_places.train_event_location(samples, DATA.name)
    print(json.dumps(training.to_dict(), indent=2) if args.json else "\n" + training.table())


if __name__ == "__main__":
    main()
