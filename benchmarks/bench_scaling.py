"""Does each stage stay linear in the length of an article? Times at 1x, 2x, 4x and 8x.

A stage whose time grows by about 2x per doubling is linear; 4x means it compares everything
with everything (the places stage once did, and a 150 kB article took over ten minutes).
"""

from __future__ import annotations

import datetime as dt
import time

from newsevents.pipeline import Pipeline
from newsevents.records import Article, Doc
from newsevents.settings import Settings

PARAGRAPH = (
    "Police arrested 5 protesters in Cairo on Monday, officials said. "
    "Rebels shelled the town of Goma, killing 3 people. "
    "“We will respond,” the army spokesman told reporters.\n\n"
)


def main() -> None:
    pipeline = Pipeline(Settings.load())
    pipeline(Article(id="warm", text=PARAGRAPH))
    print(f"{'paragraphs':>10}  " + "  ".join(f"{name:>10}" for name, _ in pipeline.stages))
    for n in (50, 100, 200, 400):
        doc = Doc(Article(id=str(n), text=PARAGRAPH * n, published=dt.date(2020, 1, 8)))
        spent = []
        for _, fn in pipeline.stages:
            start = time.perf_counter()
            doc = fn(doc)
            spent.append(time.perf_counter() - start)
        print(f"{n:>10}  " + "  ".join(f"{s:>9.2f}s" for s in spent))


if __name__ == "__main__":
    main()
