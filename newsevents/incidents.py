"""Incidents: every report of one real-world event merged into one record that shows its work.

Two asserted events are *compatible* when they have the same PLOVER category, their actors and
their recipients do not name different countries, their places are within ``incident_km`` of each
other, and their dates are within ``incident_days`` of each other. Events placed only in an area
(a province, a country, a sea: a centroid, not where it happened), or nowhere, merge only with
events of the same area (or also placed nowhere) that name one same actor or recipient country.

Events are *anchored* by a date stated to the day. Anchored events are grouped into incidents by
connection: A and B are one incident if a chain of compatible anchored events joins them. Other
events are *loose*: a date of week or month precision (the whole period), or no date in their
sentence (the ``report_lag_days`` before publication). A loose event joins the incident of the
nearest compatible anchored event (by days, then km, then event id) and never joins two incidents
together, so "earlier this month" cannot chain every attack of a month into one. A loose event
with no compatible anchored event stays an incident of its own, as does an event dated only to the
year or not at all (an undated article), which are too vague to merge.

Why these rules: the groups depend only on which events are stored, never on the order they came
in, so ingesting a corpus in any order gives the same incidents. Both changes are done in place:

* on save, each new event finds its candidates through an index on (category, coarse geo cell,
  first day), so the cost per article does not grow with the size of the database;
* on delete, the events left in the incidents the article was in are grouped again.

The record (``incident_record.py``) keeps, per field, the value each source gave and a flag where
they disagree; its figures are the lowest any source states (ACLED's conservative convention).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from newsevents.incident_record import build_incident, period_end
from newsevents.records import Article, Doc, Event, Incident, Place, When
from newsevents.settings import Settings

__all__ = [
    "Key",
    "MergeRules",
    "build_incident",
    "compatible",
    "event_key",
    "forget",
    "incident_id",
    "merge",
]

CELL_DEGREES = 0.5
"""Side of the coarse geo cells candidates are indexed by (about 55 km of latitude)."""
KM_PER_DEGREE = 111.2
EARTH_RADIUS_KM = 6371.0088
UNLOCATED = "-"
AREAS = frozenset(
    {"country", "continent", "admin1", "region", "sea", "gulf", "lake", "strait", "border", "zone"}
    | {"disputed", "island"}
)
"""Place features wider than the merge distance: their point is a centroid, not where it happened.
(An event placed by its article's main place, at geo_precision 3, keeps that place's point.)"""
MAX_PERIOD_DAYS = 31


@dataclass(frozen=True)
class MergeRules:
    """How close two reports must be to be merged (see the settings of the same names)."""

    km: float = 50.0
    days: int = 1
    lag_days: int = 2
    duplicate_threshold: float = 0.8

    @classmethod
    def from_settings(cls, s: Settings) -> MergeRules:
        return cls(s.incident_km, s.incident_days, s.report_lag_days, s.duplicate_threshold)


@dataclass(frozen=True)
class Key:
    """What matching needs of one event; a row of the ``incident_members`` table."""

    event_id: str
    type: str
    cell: str
    """Coarse geo cell "row:column" of its place; "~" and the area's id for an area (a province,
    a country, a sea); "-" when it has none."""
    lo: int | None
    """First possible day (proleptic ordinal); None when it cannot be dated closely enough."""
    hi: int | None
    """Last possible day."""
    lat: float | None
    """Latitude of its place; None when it has none or only an area."""
    lon: float | None
    actor_country: str | None
    recipient_country: str | None
    loose: bool = False
    """Dated to a week or month, or by its publication: attaches, never connects."""


def event_key(event: Event, published: dt.date | None, rules: MergeRules) -> Key | None:
    """The matching key of an asserted event; None for negated, hypothetical or generic ones."""
    if event.polarity != "asserted":
        return None
    lo, hi = _interval(event.date, published, rules)
    loose = event.date is None or event.date.precision != "day"
    loc = event.location
    point = loc if loc is not None and loc.feature not in AREAS else None
    return Key(
        event_id=event.id,
        type=event.type,
        cell=_cell(loc),
        lo=lo,
        hi=hi,
        lat=point.lat if point else None,
        lon=point.lon if point else None,
        actor_country=event.actor.country if event.actor else None,
        recipient_country=event.recipient.country if event.recipient else None,
        loose=loose,
    )


def _cell(loc: Place | None) -> str:
    """The geo cell of a point; an area (a province, a country, a sea) is a cell of its own."""
    if loc is None:
        return UNLOCATED
    if loc.feature in AREAS:
        return "~" + (loc.supplement_id or str(loc.geonameid or loc.name))
    return cell_of(loc.lat, loc.lon)


def _interval(
    date: When | None, published: dt.date | None, rules: MergeRules
) -> tuple[int | None, int | None]:
    """The days an event may have happened on, as ordinals."""
    if date is not None and date.value:
        start = dt.date.fromisoformat(date.value[:10])
        if date.precision == "year":
            return None, None
        return start.toordinal(), period_end(start, date.precision).toordinal()
    if date is not None or published is None:  # a stated date we could not anchor: no guess
        return None, None
    return published.toordinal() - rules.lag_days, published.toordinal()


def cell_of(lat: float, lon: float) -> str:
    row = math.floor((lat + 90) / CELL_DEGREES)
    column = math.floor((lon + 180) / CELL_DEGREES) % _COLUMNS
    return f"{row}:{column}"


_COLUMNS = round(360 / CELL_DEGREES)


def cells_near(lat: float, lon: float, km: float) -> list[str]:
    """Every cell holding a point within ``km`` of (lat, lon)."""
    rows = math.ceil(km / (KM_PER_DEGREE * CELL_DEGREES))
    widest = min(89.9, abs(lat) + (rows + 1) * CELL_DEGREES)
    columns = min(
        _COLUMNS // 2,
        math.ceil(km / (KM_PER_DEGREE * CELL_DEGREES * math.cos(math.radians(widest)))),
    )
    row0 = math.floor((lat + 90) / CELL_DEGREES)
    col0 = math.floor((lon + 180) / CELL_DEGREES)
    return sorted(
        {
            f"{r}:{c % _COLUMNS}"
            for r in range(row0 - rows, row0 + rows + 1)
            for c in range(col0 - columns, col0 + columns + 1)
        }
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def compatible(a: Key, b: Key, rules: MergeRules) -> bool:
    """Whether two events may be reports of one incident (the rules in the module docstring)."""
    if a.type != b.type or a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return False
    if a.lo > b.hi + rules.days or b.lo > a.hi + rules.days:
        return False
    if not (
        _same(a.actor_country, b.actor_country) and _same(a.recipient_country, b.recipient_country)
    ):
        return False
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        both = a.lat is None and b.lat is None and a.cell == b.cell
        return both and _shares_a_country(a, b)
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= rules.km


def _shares_a_country(a: Key, b: Key) -> bool:
    """Without places, the date and category are not enough: an actor's or recipient's country
    must be named by both."""
    return bool(
        (a.actor_country and a.actor_country == b.actor_country)
        or (a.recipient_country and a.recipient_country == b.recipient_country)
    )


def _same(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def incident_id(event_ids: Iterable[str]) -> str:
    """The id of the incident made of these events: a hash of the smallest event id."""
    return "I" + hashlib.sha1(min(event_ids).encode("utf-8")).hexdigest()[:15]


# --- in the database -----------------------------------------------------------------------------

_KEY_COLUMNS = "event_id, type, cell, lo, hi, lat, lon, actor_country, recipient_country, loose"


def merge(conn: sqlite3.Connection, doc: Doc, rules: MergeRules) -> None:
    """Add the article's events to the stored incidents (inside the saving transaction)."""
    keys = [k for e in doc.events if (k := event_key(e, doc.article.published, rules))]
    _place(conn, keys, rules)


def forget(conn: sqlite3.Connection, incidents: Iterable[str], rules: MergeRules) -> None:
    """Group again the events left in incidents that lost some (inside the deleting transaction)."""
    keys: list[Key] = []
    for old in sorted(set(incidents)):
        rows = conn.execute(
            f"SELECT {_KEY_COLUMNS} FROM incident_members WHERE incident_id = ?", (old,)
        ).fetchall()
        keys += [_key(row) for row in rows]
        conn.execute("DELETE FROM incident_members WHERE incident_id = ?", (old,))
        _drop(conn, old)
    _place(conn, keys, rules)


def incidents_of(conn: sqlite3.Connection, article_id: str) -> set[str]:
    """The incidents an article's events belong to."""
    rows = conn.execute(
        "SELECT DISTINCT m.incident_id FROM incident_members m JOIN events e "
        "ON e.id = m.event_id WHERE e.article_id = ?",
        (article_id,),
    )
    return {row[0] for row in rows}


def _place(conn: sqlite3.Connection, keys: list[Key], rules: MergeRules) -> None:
    """Anchored events first (they connect incidents), then loose ones; then write the records."""
    touched: set[str] = set()
    for key in sorted(keys, key=lambda k: (k.loose, k.event_id)):
        touched |= _attach(conn, key, rules) if key.loose else _join(conn, key, rules)
    for label in sorted(touched):
        _settle(conn, label)


def _join(conn: sqlite3.Connection, key: Key, rules: MergeRules) -> set[str]:
    """An anchored event: join (and so connect) every incident holding a compatible anchored
    event, and take over the loose events it is now the nearest anchor of."""
    found = {label for _, label, _ in _lookup(conn, key, rules, loose=False)}
    label = min(found) if found else incident_id([key.event_id])
    _insert(conn, key, label, None)
    for other in found - {label}:
        _relabel(conn, other, label)
    touched = found | {label}
    for loose, old_label, anchor in _lookup(conn, key, rules, loose=True):
        current = _anchor_key(conn, anchor)
        if current is None or _nearness(key, loose) < _nearness(current, loose):
            conn.execute(
                "UPDATE incident_members SET incident_id = ?, anchor = ? WHERE event_id = ?",
                (label, key.event_id, loose.event_id),
            )
            touched |= {old_label}
    return touched


def _attach(conn: sqlite3.Connection, key: Key, rules: MergeRules) -> set[str]:
    """A loose event: into the incident of its nearest compatible anchored event, else alone."""
    found = _lookup(conn, key, rules, loose=False)
    if not found:
        label = incident_id([key.event_id])
        _insert(conn, key, label, None)
        return {label}
    anchor, label, _ = min(found, key=lambda f: _nearness(f[0], key))
    _insert(conn, key, label, anchor.event_id)
    return {label}


def _nearness(anchor: Key, loose: Key) -> tuple[int, float, str]:
    """How near a loose event is to an anchored one: days between midpoints, km, then id."""
    days = abs((anchor.lo or 0) + (anchor.hi or 0) - (loose.lo or 0) - (loose.hi or 0))
    km = 0.0
    if anchor.lat is not None and anchor.lon is not None and loose.lat is not None:
        km = haversine_km(anchor.lat, anchor.lon, loose.lat, loose.lon or 0.0)
    return (days, round(km, 3), anchor.event_id)


def _lookup(
    conn: sqlite3.Connection, key: Key, rules: MergeRules, *, loose: bool
) -> list[tuple[Key, str, str | None]]:
    """Stored events compatible with ``key`` (anchored or loose ones), found through the index,
    with their incident and anchor."""
    if key.lo is None or key.hi is None:
        return []
    located = key.lat is not None and key.lon is not None
    cells = cells_near(key.lat or 0.0, key.lon or 0.0, rules.km) if located else [key.cell]
    earliest = key.lo - rules.days - max(MAX_PERIOD_DAYS, rules.lag_days)
    sql = (
        f"SELECT {_KEY_COLUMNS}, incident_id, anchor FROM incident_members WHERE type = ? "
        f"AND cell IN ({','.join('?' * len(cells))}) AND lo BETWEEN ? AND ? AND loose = ?"
    )
    rows = conn.execute(sql, (key.type, *cells, earliest, key.hi + rules.days, int(loose)))
    found = [(_key(row[:-2]), row[-2], row[-1]) for row in rows]
    return [f for f in found if f[0].event_id != key.event_id and compatible(key, f[0], rules)]


def _key(row: Sequence[Any]) -> Key:
    event_id, type_, cell, lo, hi, lat, lon, actor, recipient, loose = row
    return Key(event_id, type_, cell, lo, hi, lat, lon, actor, recipient, bool(loose))


def _anchor_key(conn: sqlite3.Connection, anchor: str | None) -> Key | None:
    if anchor is None:
        return None
    row = conn.execute(
        f"SELECT {_KEY_COLUMNS} FROM incident_members WHERE event_id = ?", (anchor,)
    ).fetchone()
    return _key(row) if row else None


def _insert(conn: sqlite3.Connection, k: Key, label: str, anchor: str | None) -> None:
    conn.execute(
        f"INSERT INTO incident_members ({_KEY_COLUMNS}, incident_id, anchor) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            k.event_id,
            k.type,
            k.cell,
            k.lo,
            k.hi,
            k.lat,
            k.lon,
            k.actor_country,
            k.recipient_country,
            int(k.loose),
            label,
            anchor,
        ),
    )


def _relabel(conn: sqlite3.Connection, old: str, new: str) -> None:
    conn.execute("UPDATE incident_members SET incident_id = ? WHERE incident_id = ?", (new, old))


def _drop(conn: sqlite3.Connection, incident: str) -> None:
    conn.execute("DELETE FROM incidents WHERE id = ?", (incident,))


def _settle(conn: sqlite3.Connection, label: str) -> None:
    """Give a group its final id (from its smallest anchored event id) and write its record."""
    _drop(conn, label)
    rows = conn.execute(
        "SELECT event_id, loose FROM incident_members WHERE incident_id = ?", (label,)
    ).fetchall()
    if not rows:
        return
    # loose events move between incidents, so only anchored ones may name it
    anchored = [r[0] for r in rows if not r[1]]
    final = incident_id(anchored or [r[0] for r in rows])
    if final != label:
        _relabel(conn, label, final)
    _write(conn, final)


def _write(conn: sqlite3.Connection, incident: str) -> None:
    rows = conn.execute(
        "SELECT e.json, a.id, a.text, a.title, a.published, a.source, a.url, a.origin "
        "FROM incident_members m JOIN events e ON e.id = m.event_id "
        "JOIN articles a ON a.id = e.article_id WHERE m.incident_id = ?",
        (incident,),
    ).fetchall()
    members = [(Event.from_dict(json.loads(r[0])), _article(r[1:])) for r in rows]
    record = build_incident(incident, members, _pairs(conn, {a.id for _, a in members}))
    conn.execute(
        "INSERT OR REPLACE INTO incidents (id, type, day, lat, lon, country, actor_country, "
        "recipient_country, reports, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        _incident_row(record),
    )


def _article(row: Sequence[object]) -> Article:
    id_, text, title, published, source, url, origin = row
    return Article(
        id=str(id_),
        text=str(text),
        title=title if isinstance(title, str) else None,
        published=dt.date.fromisoformat(published) if isinstance(published, str) else None,
        source=source if isinstance(source, str) else None,
        url=url if isinstance(url, str) else None,
        origin=str(origin),
    )


def _pairs(conn: sqlite3.Connection, articles: set[str]) -> list[tuple[str, str]]:
    if len(articles) < 2:
        return []
    marks = ",".join("?" * len(articles))
    rows = conn.execute(
        f"SELECT a, b FROM duplicates WHERE a IN ({marks}) AND b IN ({marks})",
        (*sorted(articles), *sorted(articles)),
    )
    return [(row[0], row[1]) for row in rows]


def _incident_row(i: Incident) -> tuple[object, ...]:
    day = i.date.value if i.date and i.date.value else None
    if day is None and i.first_reported:
        day = i.first_reported.isoformat()
    loc = i.location
    return (
        i.id,
        i.type,
        day,
        loc.lat if loc else None,
        loc.lon if loc else None,
        loc.country if loc else None,
        i.actor.country if i.actor else None,
        i.recipient.country if i.recipient else None,
        i.reports,
        json.dumps(i.to_dict(), ensure_ascii=False),
    )
