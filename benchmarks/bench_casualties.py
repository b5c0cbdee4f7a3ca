"""How often the casualties stage matches the PLOVER gold-standard dead / injured counts.

Reads ``../shared/data/plover-gsr/dev.jsonl`` (never copied into the repository). For each record
with a ``dead`` or ``injured`` gold figure, the trigger is the ``eventText`` word highest in the
sentence's dependency tree; the stage's killed / injured counts are compared with the gold.

    .venv/bin/python benchmarks/bench_casualties.py [PATH]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from newsevents.records import Event, Sentence, Trigger
from newsevents.settings import Settings
from newsevents.stages.casualties import event_casualties, load_lexicon
from newsevents.stages.parse import load_model

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "plover-gsr" / "dev.jsonl"


def trigger_token(parsed: Any, event_text: str) -> Any:
    """The token of the record's ``eventText`` words that sits highest in the parse."""
    words = {w.lower() for w in event_text.split()}
    tokens = [t for t in parsed if t.lower_ in words]
    return min(tokens, key=lambda t: len(list(t.ancestors)), default=None)


def gold(record: dict[str, Any], key: str) -> int | None:
    value = record.get(key)
    return int(value) if value not in (None, "") else None


def counts(nlp: Any, lexicon: Any, record: dict[str, Any]) -> dict[str, Any] | None:
    """The stage's casualties for the record's event, or None when no trigger word is found."""
    parsed = nlp(record["text"])
    token = trigger_token(parsed, record["eventText"])
    if token is None:
        return None
    span = (token.idx, token.idx + len(token.text))
    sentence = Sentence(record["text"], (0, len(record["text"])))
    event = Event(record["id"], record["event"], Trigger(token.text, span), sentence)
    return event_casualties(event, parsed, lexicon).to_dict()


def main(path: Path = DEFAULT) -> int:
    if not path.exists():
        print(f"{path} not found: the development data lives in ../shared/data", file=sys.stderr)
        return 2
    nlp, lexicon = load_model(Settings().model), load_lexicon()
    checked = matched = ungolded = spurious = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        wanted = {"killed": gold(record, "dead"), "injured": gold(record, "injured")}
        got = counts(nlp, lexicon, record)
        if got is None:
            continue
        if wanted == {"killed": None, "injured": None}:
            ungolded += 1
            if got["killed"] is not None or got["injured"] is not None:
                spurious += 1
                print(f"EXTRA killed={got['killed']} injured={got['injured']} {record['id']}")
            continue
        for kind, value in wanted.items():
            if value is None:
                continue
            checked += 1
            matched += got[kind] == value
            mark = "ok  " if got[kind] == value else "MISS"
            print(f"{mark} {kind:8} gold={value:<5} got={got[kind]!s:<5} {record['id']}")
    print(f"casualty counts matching gold: {matched}/{checked}")
    print(f"records without gold counts given a killed/injured count: {spurious}/{ungolded}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
