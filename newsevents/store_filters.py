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
    "Filter",
    "IncidentFilter",
    "event_where",
    "fts_query",
    "incident_where",
    "sql_haversine",
]


@dataclass(frozen=True)
class Filter:
    """What events and incidents are both filtered by: category, country, days and distance."""

    type: str | None = None
    """PLOVER category, e.g. "ASSAULT"."""
    country: str | None = None
    """ISO-3166 alpha-3 (or IGO/NGO) of the actor, the recipient or the location."""
    since: dt.date | None = None
    """On or after this day: an event's date, else its article's publication date; an
    incident's date, else its first publication date."""
    until: dt.date | None = None
    """On or before this day (same date as ``since``)."""
    near: tuple[float, float, float] | None = None
    """(lat, lon, km): located within km of the point."""


@dataclass(frozen=True)
class EventFilter(Filter):
    """Which stored events to return; every field left None matches everything."""

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
class IncidentFilter(Filter):
    """Which incidents to return; every field left None matches everything."""

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
    _shared_clauses(f, _EVENTS, clauses, params)
    if f.polarity is not None:
        clauses.append("e.polarity = ?")
        params.append(f.polarity)
    _more_clauses(f, clauses, params)
    return " AND ".join(clauses), params


def incident_where(f: IncidentFilter) -> tuple[str, list[Any]]:
    """SQL condition and parameters for an incident filter."""
    clauses: list[str] = ["i.reports >= ?"]
    params: list[Any] = [f.min_reports]
    _shared_clauses(f, _INCIDENTS, clauses, params)
    if f.bbox is not None:
        clauses.append(_bbox_clause(f.bbox, "i", params))
    return " AND ".join(clauses), params


@dataclass(frozen=True)
class _Table:
    alias: str
    countries: str
    """The columns a country filter matches any of."""


_EVENTS = _Table("e", "e.actor_country, e.recipient_country, e.location_country")
_INCIDENTS = _Table("i", "i.actor_country, i.recipient_country, i.country")


def _shared_clauses(f: Filter, table: _Table, clauses: list[str], params: list[Any]) -> None:
    """The clauses of the fields of :class:`Filter`, for events or incidents."""
    t = table.alias
    for value, clause in (
        (None if f.type is None else f.type.upper(), f"{t}.type = ?"),
        (None if f.country is None else f.country.upper(), f"? IN ({table.countries})"),
        (None if f.since is None else f.since.isoformat(), f"{t}.day >= ?"),
        (None if f.until is None else f.until.isoformat(), f"{t}.day <= ?"),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    if f.near is not None:
        clauses.append(_near_clause(f.near, t, params))


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
        clauses.append(_bbox_clause(f.bbox, "e", params))
    if f.min_confidence is not None:
        clauses.append("e.confidence >= ?")
        params.append(f.min_confidence)


def fts_query(text: str) -> str:
    """Words as FTS5 phrases joined by AND: what a user types is never read as FTS syntax.
    A NUL character ends FTS5's reading of a query ("unterminated string"): it separates words."""
    words = text.replace("\x00", " ").split()
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or '""'


def _bbox_clause(bbox: tuple[float, float, float, float], t: str, params: list[Any]) -> str:
    west, south, east, north = bbox
    lon = f"{t}.lon BETWEEN ? AND ?" if west <= east else f"({t}.lon >= ? OR {t}.lon <= ?)"
    params.extend([south, north, west, east])
    return f"{t}.lat BETWEEN ? AND ? AND {lon}"


def _near_clause(near: tuple[float, float, float], t: str, params: list[Any]) -> str:
    """A latitude band the index can use, then the exact great-circle distance."""
    lat, lon, km = near
    band = km / KM_PER_DEGREE + 0.01
    params.extend([lat - band, lat + band, lat, lon, km])
    return f"{t}.lat BETWEEN ? AND ? AND haversine_km(?, ?, {t}.lat, {t}.lon) <= ?"
