"""Which stored events and incidents to read: the filters, and the SQL conditions they become.

Conditions name events ``e`` and incidents ``i``. Distances use ``haversine_km``, which
:class:`~newsevents.store.Store` registers on its connection (:func:`sql_haversine`); words are
matched by the full-text index ``events_fts`` (FTS5).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from newsevents.incidents import KM_PER_DEGREE, haversine_km

__all__ = [
    "EventFilter",
    "IncidentFilter",
    "event_where",
    "fts_query",
    "incident_where",
    "sql_haversine",
]


@dataclass(frozen=True)
class EventFilter:
    """Which stored events to return; every field left None matches everything."""

    type: str | None = None
    """PLOVER category, e.g. "ASSAULT"."""
    country: str | None = None
    """ISO-3166 alpha-3 (or IGO/NGO) of the actor, the recipient or the location."""
    since: dt.date | None = None
    """Events on or after this day (event date, else the article's publication date)."""
    until: dt.date | None = None
    """Events on or before this day (same date as ``since``)."""
    near: tuple[float, float, float] | None = None
    """(lat, lon, km): events located within km of the point."""
    polarity: str | None = "asserted"
    """Only events of this polarity; None for all of them."""
    limit: int | None = None
    actor: str | None = None
    """Words in the actor's or the recipient's text or name (case-insensitive)."""
    text: str | None = None
    """Words that must all occur in the event's sentence, trigger, actors or place (FTS5)."""
    bbox: tuple[float, float, float, float] | None = None
    """(west, south, east, north) in degrees; west > east crosses the antimeridian."""
    min_confidence: float | None = None
    """Events of at least this confidence."""


@dataclass(frozen=True)
class IncidentFilter:
    """Which incidents to return; every field left None matches everything."""

    type: str | None = None
    country: str | None = None
    """ISO-3166 alpha-3 of the actor, the recipient or the location."""
    since: dt.date | None = None
    """Incidents on or after this day (incident date, else first publication date)."""
    until: dt.date | None = None
    near: tuple[float, float, float] | None = None
    """(lat, lon, km): incidents located within km of the point."""
    min_reports: int = 1
    """Only incidents with at least this many independent reports."""
    limit: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    """(west, south, east, north) in degrees; west > east crosses the antimeridian."""


def sql_haversine(*args: float | None) -> float | None:
    """:func:`~newsevents.incidents.haversine_km` as an SQL function: NULL where a value is."""
    if any(a is None for a in args):
        return None
    lat1, lon1, lat2, lon2 = (float(a) for a in args if a is not None)
    return haversine_km(lat1, lon1, lat2, lon2)


def event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL condition and parameters for a filter."""
    clauses: list[str] = ["1"]
    params: list[Any] = []
    if f.type is not None:
        clauses.append("e.type = ?")
        params.append(f.type.upper())
    if f.polarity is not None:
        clauses.append("e.polarity = ?")
        params.append(f.polarity)
    if f.country is not None:
        clauses.append("? IN (e.actor_country, e.recipient_country, e.location_country)")
        params.append(f.country.upper())
    if f.since is not None:
        clauses.append("e.day >= ?")
        params.append(f.since.isoformat())
    if f.until is not None:
        clauses.append("e.day <= ?")
        params.append(f.until.isoformat())
    if f.near is not None:
        clauses.append(_near_clause(f.near, params))
    _more_clauses(f, clauses, params)
    return " AND ".join(clauses), params


def _more_clauses(f: EventFilter, clauses: list[str], params: list[Any]) -> None:
    """The filters newsevents serve adds: actor words, full text, bounding box, confidence."""
    if f.actor is not None:
        fields = ("actor.text", "actor.name", "recipient.text", "recipient.name")
        either = " OR ".join(f"lower(json_extract(e.json, '$.{k}')) LIKE ?" for k in fields)
        clauses.append(f"({either})")
        params.extend([f"%{f.actor.lower()}%"] * len(fields))
    if f.text is not None:
        clauses.append("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(fts_query(f.text))
    if f.bbox is not None:
        clauses.append(_bbox_clause(f.bbox, params))
    if f.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)


def fts_query(text: str) -> str:
    """Words as FTS5 phrases joined by AND: what a user types is never read as FTS syntax."""
    words = text.split()
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or '""'


def _bbox_clause(bbox: tuple[float, float, float, float], params: list[Any]) -> str:
    west, south, east, north = bbox
    lon = "e.lon BETWEEN ? AND ?" if west <= east else "(e.lon >= ? OR e.lon <= ?)"
    params.extend([south, north, west, east])
    return f"e.lat BETWEEN ? AND ? AND {lon}"


def _near_clause(near: tuple[float, float, float], params: list[Any]) -> str:
    """A latitude band the index can use, then the exact great-circle distance."""
    lat, lon, km = near
    band = km / KM_PER_DEGREE + 0.01
    params.extend([lat - band, lat + band, lat, lon, km])
    return "e.lat BETWEEN ? AND ? AND haversine_km(?, ?, e.lat, e.lon) <= ?"


def incident_where(f: IncidentFilter) -> tuple[str, list[Any]]:
    """SQL condition and parameters for an incident filter."""
    clauses: list[str] = ["i.reports >= ?"]
    params: list[Any] = [f.min_reports]
    if f.type is not None:
        clauses.append("i.type = ?")
        params.append(f.type.upper())
    if f.country is not None:
        clauses.append("? IN (i.actor_country, i.recipient_country, i.country)")
        params.append(f.country.upper())
    if f.since is not None:
        clauses.append("i.day >= ?")
        params.append(f.since.isoformat())
    if f.until is not None:
        clauses.append("i.day <= ?")
        params.append(f.until.isoformat())
    if f.near is not None:
        clauses.append(_near_clause(f.near, params).replace("e.", "i."))
    if f.bbox is not None:
        clauses.append(_bbox_clause(f.bbox, params).replace("e.", "i."))
    return " AND ".join(clauses), params
