"""How fast does the API answer over a database of realistic size?

The seed article's events are copied into N articles, spread over two years and moved around the
world (so filters, the histogram and cursors have something to do), then each request the map
page makes is timed in-process, median of five.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from fastapi.testclient import TestClient

from newsevents.pipeline import Pipeline
from newsevents.records import Doc
from newsevents.settings import Settings
from newsevents.stages.ingest import read_articles
from newsevents.store import Store
from newsevents.web import create_app

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_c4c52226bb212c5f.txt"
ARTICLES = 2000


def copies(doc: Doc, n: int) -> list[Doc]:
    rng = random.Random(6)
    out = []
    for i in range(n):
        day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(730))
        dlat, dlon = rng.uniform(-30, 30), rng.uniform(-120, 120)
        events = tuple(
            replace(
                e,
                id=f"{i}-{e.id}",
                date=replace(e.date, value=day.isoformat()) if e.date else None,
                location=replace(e.location, lat=e.location.lat + dlat, lon=e.location.lon + dlon)
                if e.location and e.location.lat is not None and e.location.lon is not None
                else e.location,
            )
            for e in doc.events
        )
        article = replace(doc.article, id=f"a{i}", published=day)
        out.append(Doc(article=article, events=events))
    return out


def timed(client: TestClient, url: str) -> float:
    spent = []
    for _ in range(5):
        start = time.perf_counter()
        response = client.get(url)
        spent.append(time.perf_counter() - start)
        assert response.status_code == 200, response.text
    return statistics.median(spent) * 1000


def main() -> None:
    if not SEED.exists():
        sys.exit(f"seed article not found at {SEED}")
    settings = Settings.load()
    (article,) = read_articles([str(SEED)], settings, published=dt.date(2017, 11, 13))
    assert not isinstance(article, Exception)
    doc = Pipeline(settings)(article)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "bench.db"
        with Store.open(db) as store:
            for d in copies(doc, ARTICLES):
                store.save(d)
            _, events = store.count()
        client = TestClient(create_app(Settings.load({"db": str(db)}), "t"))
        print(f"{ARTICLES} articles, {events} events stored")
        first = client.get("/api/events?limit=50").json()
        for name, url in [
            ("list, first page of 50", "/api/events?limit=50"),
            ("list, next page by cursor", f"/api/events?limit=50&cursor={first['next_cursor']}"),
            (
                "list, type + date range",
                "/api/events?type=ASSAULT&since=2023-01-01&until=2023-03-31",
            ),
            ("list, text search", "/api/events?q=defector%20hospital"),
            ("list, bounding box", "/api/events?bbox=100,20,140,50"),
            ("histogram per week", "/api/events/histogram?bin=week"),
            ("map points, all", "/api/events/points"),
            ("GeoJSON export, all", "/api/export?format=geojson"),
        ]:
            print(f"{name:<28} {timed(client, url):8.1f} ms")


if __name__ == "__main__":
    main()
