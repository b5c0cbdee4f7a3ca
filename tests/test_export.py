"""Export: every format parses back, with the values stored."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest

from newsevents.export import COLUMNS, FORMATS, Written, flat_row, write_events
from newsevents.records import (
    Acled,
    Actor,
    Article,
    Casualties,
    Count,
    Event,
    Place,
    Sentence,
    Trigger,
    When,
)
from newsevents.store_rows import StoredEvent

ARTICLE = Article(
    id="abc123",
    text="North Korean troops shot a soldier near Panmunjom on Monday.",
    title="Soldier shot, with a comma",
    published=dt.date(2017, 11, 13),
    url="https://news.example.com/a",
)
PANMUNJOM = Place(
    "Panmunjom", (40, 49), "Panmunjom", 1_873_132, 37.956, 126.677, "KOR", "Gyeonggi-do"
)


def stored(n: int = 1, location: Place | None = PANMUNJOM) -> StoredEvent:
    event = Event(
        id=f"abc123-20-{n}",
        type="ASSAULT",
        mode="firearms",
        trigger=Trigger("shot", (20, 24), "shoot"),
        sentence=Sentence(ARTICLE.text, (0, len(ARTICLE.text))),
        actor=Actor("North Korean troops", (0, 19), "Korean People's Army", "PRK", "MIL", 0.9),
        recipient=Actor("a soldier", (25, 34), None, "PRK", "MIL", 0.6),
        location=location,
        date=When("on Monday", (50, 59), "2017-11-13", "day", 0.9),
        casualties=Casualties(injured=Count(1, "wounded", (0, 7))),
        confidence=0.8,
        cameo="18",
        acled=Acled("Violence against civilians", "Attack"),
    )
    return StoredEvent(event, ARTICLE)


def export(fmt: Any, events: list[StoredEvent]) -> tuple[str, Written]:
    out = io.StringIO()
    written = write_events(events, fmt, out)
    return out.getvalue(), written


def test_export_jsonl_lines_are_event_json_with_article() -> None:
    text, written = export("jsonl", [stored(1), stored(2)])
    lines = text.splitlines()
    assert written == Written(2) and len(lines) == 2
    first = json.loads(lines[0])
    assert first["type"] == "ASSAULT" and first["trigger"]["span"] == [20, 24]
    assert first["article"] == {
        "id": "abc123",
        "title": "Soldier shot, with a comma",
        "published": "2017-11-13",
        "source": None,
        "url": "https://news.example.com/a",
    }
    assert Event.from_dict(first) == stored(1).event


def test_export_json_is_an_array() -> None:
    text, _ = export("json", [stored(1), stored(2)])
    assert [e["id"] for e in json.loads(text)] == ["abc123-20-1", "abc123-20-2"]


@pytest.mark.parametrize("fmt", ["json", "geojson"])
def test_export_json_formats_valid_when_empty(fmt: str) -> None:
    text, written = export(fmt, [])
    assert written.events == 0
    assert json.loads(text) in ([], {"type": "FeatureCollection", "features": []})


def test_export_csv_parses_back_with_same_values() -> None:
    se = stored()
    text, _ = export("csv", [se, stored(2, location=None)])
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    expected = {k: "" if v is None else str(v) for k, v in flat_row(se).items()}
    assert rows[0] == expected
    assert rows[0]["title"] == "Soldier shot, with a comma"
    assert (rows[0]["injured"], rows[0]["killed"], rows[0]["latitude"]) == ("1", "", "37.956")
    assert rows[1]["location"] == "" and rows[1]["event_id"] == "abc123-20-2"


def test_export_flat_row_names_and_codes() -> None:
    row = flat_row(stored())
    assert (row["actor"], row["actor_country"], row["actor_sector"]) == (
        "Korean People's Army",
        "PRK",
        "MIL",
    )
    assert row["recipient"] == "a soldier"  # no canonical name: the words of the text
    assert (row["country"], row["admin1"], row["geonameid"]) == ("KOR", "Gyeonggi-do", 1_873_132)
    assert (row["acled_event_type"], row["cameo"]) == ("Violence against civilians", "18")


def test_export_geojson_points_are_lon_lat_and_unlocated_skipped() -> None:
    text, written = export("geojson", [stored(1), stored(2, location=None), stored(3)])
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    assert written == Written(events=2, skipped=1)
    feature = collection["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [126.677, 37.956]}
    assert feature["properties"]["event_id"] == "abc123-20-1"
    assert set(feature["properties"]) == set(COLUMNS)


def test_export_table_fixed_width_and_truncated() -> None:
    long_place = Place(
        "x", (0, 1), "Panmunjom Joint Security Area Village", None, 37.9, 126.6, None
    )
    text, _ = export("table", [stored(1), stored(2, location=long_place)])
    header, rule, first, second = text.splitlines()
    assert set(rule.replace(" ", "")) == {"-"}
    names = ["DATE", "TYPE", "ACTOR", "CC", "RECIPIENT", "CC", "LOCATION", "TRIGGER"]
    assert header.split() == names
    assert first.startswith("2017-11-13  ASSAULT ")
    assert header.index("LOCATION") == first.index("Panmunjom")
    assert "Panmunjom Joint…  shot" in second and "Village" not in second


def test_export_unknown_format_rejected() -> None:
    with pytest.raises(ValueError, match="jsonl, csv, geojson, table, json"):
        write_events([], "xml", io.StringIO())  # type: ignore[arg-type]


def test_export_formats_listed() -> None:
    assert set(FORMATS) == {"jsonl", "csv", "geojson", "table", "json"}
