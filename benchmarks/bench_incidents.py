"""Incident merging: its cost per article, and whether that cost grows with the database.

Articles are synthesised: families of three differently worded reports of one attack, arrest or
protest (our templates: actor, place, weekday, figures vary), each followed by sentences drawn
from the dev corpora (event-location, PLOVER records) so that texts differ as real ones do. The
whole pipeline runs once over the family articles (``--pool``) to code their events.
10,000 articles are then made from them by moving each family to another place on a grid and
another week, with new ids and new drawn sentences; one in twenty is a syndicated copy of the
article before it. They are saved in chronological order into two databases, one with incident
merging (near-duplicate links and incidents) and one without, timing every save. The pipeline's
own rate is timed on a sample of the stored texts (``--sample``).

Prints the store's articles/s with and without merging, the end-to-end rate each gives with the
pipeline's time per article, merging's share of the end-to-end time, and the merge cost per
article (CPU time, which disk and machine load disturb less than wall-clock time) over the
thousand articles before 1k, 5k and 10k: flat if the indexed lookup works.

    make bench
    python benchmarks/bench_incidents.py --articles 2000 --pool 60
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from newsevents.pipeline import Pipeline
from newsevents.records import Article, Doc, Event, Place, When
from newsevents.settings import Settings
from newsevents.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = (
    SHARED / "data" / "event-location" / "train.jsonl",
    SHARED / "data" / "plover-gsr" / "dev.jsonl",
)
PLACES = (
    "Maiduguri",
    "Kano",
    "Aleppo",
    "Homs",
    "Kandahar",
    "Herat",
    "Mogadishu",
    "Kismayo",
    "Goma",
    "Bunia",
    "Mosul",
    "Kirkuk",
    "Benghazi",
    "Sirte",
    "Peshawar",
    "Quetta",
    "Gao",
    "Timbuktu",
    "Juba",
    "Malakal",
)
ACTORS = ("Gunmen", "Militants", "Rebels", "Soldiers", "Police", "Suspected insurgents")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = ("three", "five", "seven", "12", "15", "dozens of", "at least 20", "nine")
TEMPLATES = (
    (
        "{actor} killed {n} people in an attack on a market in {place} on {day}, officials said.",
        "{actor} attacked a busy market in {place} on {day}, killing {n} people and wounding"
        " others, witnesses said.",
        "The death toll from {day}'s attack on a market in {place} rose to {n}, hospital"
        " officials said.",
    ),
    (
        "Police arrested {n} protesters in {place} on {day} after a march against fuel prices.",
        "Security forces detained {n} demonstrators in {place} on {day}, activists said.",
        "{n} people were arrested in {place} on {day} as police broke up a protest.",
    ),
    (
        "Thousands of people protested in {place} on {day} against the government.",
        "Protesters marched through {place} on {day}, demanding the release of detainees.",
        "Demonstrators rallied in {place} on {day}, chanting slogans against the army.",
    ),
    (
        "{actor} ambushed a convoy near {place} on {day}, killing {n} soldiers.",
        "{n} soldiers were killed when {actor} attacked a convoy near {place} on {day}.",
        "An ambush on a military convoy near {place} on {day} left {n} soldiers dead.",
    ),
)
START = dt.date(2018, 1, 1)


def corpus_sentences(limit: int = 4000) -> list[str]:
    """Sentences of the dev corpora, or a few of our own when ../shared/data is absent."""
    out: list[str] = []
    for path in CORPORA:
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                out += [json.loads(line)["text"] for line, _ in zip(fh, range(limit), strict=False)]
    return out or [
        "The government said it would investigate.",
        "Officials did not comment on the report.",
        "The region has seen years of unrest.",
    ]


def families(count: int, rng: random.Random) -> list[list[Article]]:
    """``count`` families of three reports of one synthesised incident, published a week apart."""
    out = []
    for f in range(count):
        values = {
            "actor": rng.choice(ACTORS),
            "place": PLACES[f % len(PLACES)],
            "day": WEEKDAYS[f % 7],
            "n": rng.choice(NUMBERS),
        }
        published = START + dt.timedelta(days=7 * f + 3)
        reports = []
        for r, template in enumerate(TEMPLATES[f % len(TEMPLATES)]):
            text = template.format(**values)
            text = text[0].upper() + text[1:]
            reports.append(Article(id=f"f{f}r{r}", text=text, published=published))
        out.append(reports)
    return out


def shift_event(e: Event, article_id: str, n: int, days: int, lat: float, lon: float) -> Event:
    date = e.date
    if date is not None and date.value:
        moved = dt.date.fromisoformat(date.value[:10]) + dt.timedelta(days=days)
        if date.precision == "month":
            moved = moved.replace(day=1)
        elif date.precision == "week":
            moved -= dt.timedelta(days=moved.weekday())
        elif date.precision == "year":
            moved = moved.replace(month=1, day=1)
        date = When(date.text, date.span, moved.isoformat(), date.precision, date.confidence)
    place: Place | None = e.location
    if place is not None:
        place = replace(place, lat=place.lat + lat, lon=(place.lon + lon + 180) % 360 - 180)
    return replace(e, id=f"{article_id}-{n}", date=date, location=place)


def variant(base: Doc, k: int, incident: int, extra: str, copy_of: Doc | None) -> Doc:
    """Article ``k``: ``base`` moved to incident ``incident``'s place and week."""
    if copy_of is not None:  # a syndicated copy: the same text with a credit line
        article = replace(copy_of.article, id=f"a{k:06d}", text=copy_of.article.text + " (AFP)")
        events = tuple(replace(e, id=f"a{k:06d}-{n}") for n, e in enumerate(copy_of.events))
        return Doc(article=article, events=events)
    days = 7 * (incident // 4)  # four incidents a week, in chronological order
    lat, lon = (incident * 7) % 40 * 1.5 - 30, (incident * 13) % 80 * 1.5 - 60
    published = (base.article.published or START) + dt.timedelta(days=days)
    article_id = f"a{k:06d}"
    article = Article(
        id=article_id, text=base.article.text + "\n\n" + extra, published=published, origin="bench"
    )
    events = tuple(shift_event(e, article_id, n, days, lat, lon) for n, e in enumerate(base.events))
    return Doc(article=article, events=events)


def synthesise(pool: list[list[Doc]], total: int, rng: random.Random) -> list[Doc]:
    sentences = corpus_sentences()
    docs: list[Doc] = []
    incident = 0
    while len(docs) < total:
        family = pool[incident % len(pool)]
        for base in family[: rng.randint(1, len(family))]:
            copy_of = docs[-1] if docs and rng.random() < 0.05 else None
            extra = " ".join(rng.sample(sentences, 3))
            docs.append(variant(base, len(docs), incident, extra, copy_of))
        incident += 1
    return docs[:total]


def timed_saves(docs: list[Doc], folder: Path) -> dict[str, list[float]]:
    """Save each article into a database without merging, then one with it, interleaved so that
    both meet the same disk and machine load; wall-clock and CPU seconds of every save."""
    times: dict[str, list[float]] = {k: [] for k in ("wall", "wall_merge", "cpu", "cpu_merge")}
    with (
        Store.open(folder / "plain.db", merge=False) as plain,
        Store.open(folder / "merged.db") as merged,
    ):
        for doc in docs:
            for store, suffix in ((plain, ""), (merged, "_merge")):
                wall, cpu = time.perf_counter(), time.process_time()
                store.save(doc)
                times["cpu" + suffix].append(time.process_time() - cpu)
                times["wall" + suffix].append(time.perf_counter() - wall)
        incidents = sum(1 for _ in merged.iter_incidents())
    print(f"  {len(docs)} articles merged into {incidents} incidents")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--pool", type=int, default=40, help="families run through the pipeline")
    parser.add_argument("--sample", type=int, default=100, help="articles timed in the pipeline")
    args = parser.parse_args()
    rng = random.Random(5)
    pipeline = Pipeline(Settings.load())
    pool = [[pipeline(a) for a in family] for family in families(args.pool, rng)]
    docs = synthesise(pool, args.articles, rng)
    sample = rng.sample(docs, min(len(docs), args.sample))
    start = time.perf_counter()
    for doc in sample:  # the pipeline's rate on the very texts that are stored
        pipeline(doc.article)
    per_article = (time.perf_counter() - start) / len(sample)
    chars = sum(len(d.article.text) for d in docs) // len(docs)
    print(f"pipeline: {1 / per_article:.1f} articles/s ({len(sample)} articles, {chars} chars avg)")
    with tempfile.TemporaryDirectory() as tmp:
        times = timed_saves(docs, Path(tmp))
    report(times, per_article)


def report(times: dict[str, list[float]], pipeline: float) -> None:
    n = len(times["wall"])
    t_plain, t_merged = sum(times["wall"]) / n, sum(times["wall_merge"]) / n
    print(f"store only: {1 / t_plain:.0f} articles/s without merging, {1 / t_merged:.0f} with")
    end_plain, end_merged = pipeline + t_plain, pipeline + t_merged
    print(
        f"end to end: {1 / end_plain:.2f} articles/s without merging, {1 / end_merged:.2f} with "
        f"(merging adds {100 * (end_merged - end_plain) / end_plain:.1f} %)"
    )
    print("merge cost per article (CPU) over the previous 1,000 articles:")
    for mark in sorted({min(n, m) for m in (1_000, 5_000, 10_000)}):
        window = slice(max(0, mark - 1_000), mark)
        merged, plain = sum(times["cpu_merge"][window]), sum(times["cpu"][window])
        size = mark - window.start
        print(f"  at {mark:>6,}: {1000 * (merged - plain) / size:.2f} ms")


if __name__ == "__main__":
    main()
