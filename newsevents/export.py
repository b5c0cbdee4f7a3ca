"""Writers that turn stored events into files analysts and tools read: JSONL, JSON, CSV, GeoJSON,
and a fixed-width table for terminals.

Every writer streams: events are written as they come, so exporting a large database does not
hold it in memory. The CSV and GeoJSON properties share one flat row (:func:`flat_row`), the
columns analysts expect from event datasets such as ACLED.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, TextIO, get_args

from newsevents.records import Actor, Count
from newsevents.store_rows import StoredEvent

__all__ = [
    "COLUMNS",
    "FORMATS",
    "Format",
    "Written",
    "event_json",
    "flat_row",
    "write_events",
    "write_features",
    "write_json_array",
    "write_json_lines",
    "write_rows",
    "write_table",
]

Format = Literal["jsonl", "csv", "geojson", "table", "json"]
FORMATS: tuple[str, ...] = get_args(Format)

COLUMNS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "date",
    "date_precision",
    "type",
    "mode",
    "polarity",
    "confidence",
    "actor",
    "actor_country",
    "actor_sector",
    "recipient",
    "recipient_country",
    "recipient_sector",
    "location",
    "geonameid",
    "latitude",
    "longitude",
    "geo_precision",
    "country",
    "admin1",
    "killed",
    "injured",
    "arrested",
    "cameo",
    "acled_event_type",
    "acled_sub_event_type",
    "trigger",
    "sentence",
    "url",
    "title",
    "published",
)
"""The flat columns of CSV rows and GeoJSON properties, in order."""


@dataclass(frozen=True)
class Written:
    """How many events a writer wrote, and how many it had to skip (GeoJSON: no location)."""

    events: int
    skipped: int = 0


def event_json(se: StoredEvent) -> dict[str, Any]:
    """The event's JSON output contract with its article (id, title, url, published…) added."""
    return {**se.event.to_dict(), "article": se.article.to_dict()}


def flat_row(se: StoredEvent) -> dict[str, Any]:
    """One event as flat columns (:data:`COLUMNS`); None where a value is unknown."""
    e, a = se.event, se.article
    return {
        "event_id": e.id,
        "article_id": a.id,
        "date": e.date.value if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "type": e.type,
        "mode": e.mode,
        "polarity": e.polarity,
        "confidence": e.confidence,
        **_actor_columns("actor", e.actor),
        **_actor_columns("recipient", e.recipient),
        **_location_columns(se),
        "killed": _count(e.casualties.killed),
        "injured": _count(e.casualties.injured),
        "arrested": _count(e.casualties.arrested),
        "cameo": e.cameo,
        "acled_event_type": e.acled.event_type if e.acled else None,
        "acled_sub_event_type": e.acled.sub_event_type if e.acled else None,
        "trigger": e.trigger.text,
        "sentence": e.sentence.text,
        "url": a.url,
        "title": a.title,
        "published": a.published.isoformat() if a.published else None,
    }


def _actor_columns(role: str, actor: Actor | None) -> dict[str, Any]:
    return {
        role: (actor.name or actor.text) if actor else None,
        f"{role}_country": actor.country if actor else None,
        f"{role}_sector": actor.sector if actor else None,
    }


def _location_columns(se: StoredEvent) -> dict[str, Any]:
    p = se.event.location
    return {
        "location": p.name if p else None,
        "geonameid": p.geonameid if p else None,
        "latitude": p.lat if p else None,
        "longitude": p.lon if p else None,
        "geo_precision": p.precision if p else None,
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
    }


def _count(c: Count | None) -> int | None:
    return c.value if c else None


# --- writers -------------------------------------------------------------------------------------


def write_events(events: Iterable[StoredEvent], fmt: Format, out: TextIO) -> Written:
    """Write ``events`` to ``out`` in ``fmt``; GeoJSON skips (and counts) unlocated events."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writer(events, out)


def _write_jsonl(events: Iterable[StoredEvent], out: TextIO) -> Written:
    return write_json_lines((event_json(se) for se in events), out)


def _write_json(events: Iterable[StoredEvent], out: TextIO) -> Written:
    return write_json_array((event_json(se) for se in events), out)


def _write_csv(events: Iterable[StoredEvent], out: TextIO) -> Written:
    return write_rows((flat_row(se) for se in events), COLUMNS, out)


def _write_geojson(events: Iterable[StoredEvent], out: TextIO) -> Written:
    return write_features((_feature(se) for se in events), out)


def _feature(se: StoredEvent) -> dict[str, Any] | None:
    """A GeoJSON Point (None when unlocated); coordinates are (longitude, latitude), as RFC
    7946 requires."""
    place = se.event.location
    if place is None:
        return None
    return {
        "type": "Feature",
        "id": se.event.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": flat_row(se),
    }


TABLE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("date", 10),
    ("type", 9),
    ("actor", 22),
    ("actor_country", 4),
    ("recipient", 22),
    ("recipient_country", 4),
    ("location", 16),
    ("trigger", 20),
)
TABLE_HEADERS = {"actor_country": "CC", "recipient_country": "CC"}


def _write_table(events: Iterable[StoredEvent], out: TextIO) -> Written:
    """A compact fixed-width table: one line per event, long values cut with an ellipsis."""
    headers = {n: TABLE_HEADERS.get(n, n.upper()) for n, _ in TABLE_COLUMNS}
    return write_table((flat_row(se) for se in events), TABLE_COLUMNS, out, headers)


# --- writers shared by the event and incident exports ---------------------------------------------


def write_json_lines(items: Iterable[dict[str, Any]], out: TextIO) -> Written:
    """One JSON object per line."""
    n = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return Written(n)


def write_json_array(
    items: Iterable[dict[str, Any]], out: TextIO, opening: str = "[", closing: str = "]"
) -> Written:
    """A JSON array written item by item, so memory does not grow with the export."""
    out.write(opening)
    n = 0
    for n, item in enumerate(items, start=1):
        out.write(("\n" if n == 1 else ",\n") + json.dumps(item, ensure_ascii=False))
    out.write(("\n" if n else "") + closing + "\n")
    return Written(n)


def write_rows(
    rows: Iterable[dict[str, Any] | None], columns: tuple[str, ...], out: TextIO
) -> Written:
    """CSV with a header; a None row is skipped and counted."""
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n = skipped = 0
    for row in rows:
        if row is None:
            skipped += 1
            continue
        writer.writerow(row)
        n += 1
    return Written(n, skipped)


def write_features(features: Iterable[dict[str, Any] | None], out: TextIO) -> Written:
    """A GeoJSON FeatureCollection; a None feature (nothing to place) is skipped and counted."""
    skipped = 0

    def located() -> Iterable[dict[str, Any]]:
        nonlocal skipped
        for feature in features:
            if feature is None:
                skipped += 1
                continue
            yield feature

    opening = '{"type": "FeatureCollection", "features": ['
    written = write_json_array(located(), out, opening, "]}")
    return Written(written.events, skipped)


def write_table(
    rows: Iterable[dict[str, Any]],
    columns: tuple[tuple[str, int], ...],
    out: TextIO,
    headers: dict[str, str],
) -> Written:
    """A fixed-width table: a header, a rule, one line per row, long values cut with '…'."""
    out.write(_table_line(headers, columns))
    out.write(_table_line({name: "-" * width for name, width in columns}, columns))
    n = 0
    for row in rows:
        out.write(_table_line(row, columns))
        n += 1
    return Written(n)


def _table_line(row: dict[str, Any], columns: tuple[tuple[str, int], ...]) -> str:
    cells = [_cell(row.get(name), width) for name, width in columns]
    return "  ".join(cells).rstrip() + "\n"


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else " ".join(str(value).split())
    if len(text) > width:
        text = text[: width - 1] + "…"
    return text.ljust(width)


_WRITERS: dict[str, Callable[[Iterable[StoredEvent], TextIO], Written]] = {
    "jsonl": _write_jsonl,
    "json": _write_json,
    "csv": _write_csv,
    "geojson": _write_geojson,
    "table": _write_table,
}
