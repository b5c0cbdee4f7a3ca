"""Pipeline speed against the bare spaCy parse of the same articles, measured in one run, each
article parsed bare and then run through the pipeline, so that a drift in the machine's speed
weighs on both alike.

Prints seconds per stage and each stage's cost as a share of the bare parse, so the budgets
(events + actors ≤ 10 %, places ≤ 10 %, whole pipeline ≤ 25 % over the parse) can be read off.

    make bench                     # GeoWebNews articles when ../shared/data is there, else the seed
    python benchmarks/bench_pipeline.py --limit 50
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path
from xml.etree import ElementTree

from newsevents.pipeline import Pipeline
from newsevents.records import Article, Doc
from newsevents.settings import Settings
from newsevents.stages.parse import load_model

SHARED = Path(__file__).resolve().parents[2] / "shared"
GWN = SHARED / "data" / "geoparse" / "GWN.xml"
SEED = SHARED / "seeds" / "000_c4c52226bb212c5f.txt"


def texts(limit: int) -> list[str]:
    if GWN.exists():
        root = ElementTree.parse(GWN).getroot()
        found = [a.findtext("text") or "" for a in root.iter("article")]
        return [t for t in found if t.strip()][:limit]
    return [SEED.read_text(encoding="utf-8")] * min(limit, 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=100, help="articles to process")
    args = parser.parse_args()
    found = texts(args.limit + 3)
    corpus, warm = found[: args.limit], found[args.limit :] or found[:1]
    settings = Settings.load()
    nlp = load_model(settings.model)
    pipeline = Pipeline(settings)
    for text in warm:  # warm the gazetteer and lexicons on articles that are not timed
        pipeline(Article(id="warm", text=text))

    bare = 0.0
    spent = {name: 0.0 for name, _ in pipeline.stages}
    n_events = 0
    # Each article is parsed bare, then run through the pipeline: the machine's speed drifts
    # by a fifth over a run, and interleaving keeps both sides of the ratio on the same footing.
    for k, text in enumerate(corpus):
        t0 = time.perf_counter()
        nlp(text)
        bare += time.perf_counter() - t0
        doc = Doc(article=Article(id=str(k), text=text))
        for name, fn in pipeline.stages:
            t0 = time.perf_counter()
            doc = fn(doc)
            spent[name] += time.perf_counter() - t0
        n_events += len(doc.events)

    chars = sum(len(t) for t in corpus)
    print(f"{len(corpus)} articles, {chars:,} characters, {n_events} events")
    print(f"bare spaCy parse: {bare:.2f} s ({len(corpus) / bare:.1f} articles/s)")
    print(f"{'stage':<12}{'seconds':>9}{'vs bare parse':>15}")
    for name, seconds in spent.items():
        print(f"{name:<12}{seconds:>9.2f}{seconds / bare:>14.1%}")
    extra = sum(s for n, s in spent.items() if n != "parse")
    groups = {"events+actors": ("events", "actors"), "places": ("places",)}
    for label, names in groups.items():
        share = sum(spent[n] for n in names) / bare
        print(f"{label:<16} adds {share:.1%} to the bare parse")
    print(f"whole pipeline   adds {extra / bare:.1%} to the bare parse")
    print(f"(sentences/article: {_mean_sentences(corpus):.1f})")


def _mean_sentences(corpus: list[str]) -> float:
    return sum(len(re.findall(r"[.!?](\s|$)", t)) for t in corpus) / max(1, len(corpus))


if __name__ == "__main__":
    main()
