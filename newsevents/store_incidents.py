"""Reading incidents back: by id, by filter, a page at a time, as points and per day.

Incidents are written as events are saved and deleted (``incidents.py``, inside the saving
transaction); this module only reads the ``incidents`` and ``incident_members`` tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsevents.records import Incident
from newsevents.store_filters import IncidentFilter, incident_where
from newsevents.store_rows import Connected, StoredEvent

__all__ = ["IncidentReads"]


class IncidentReads(Connected):
    """The incident queries of :class:`~newsevents.store.Store`."""

    def incident(self, incident_id: str) -> Incident | None:
        """One incident by id, or None."""
        row = self._conn.execute(
            "SELECT json FROM incidents WHERE id = ?", (incident_id,)
        ).fetchone()
        return Incident.from_dict(json.loads(row[0])) if row else None

    def iter_incidents(self, f: IncidentFilter | None = None) -> Iterator[Incident]:
        """Incidents matching ``f``, by day then id, read one at a time."""
        f = f or IncidentFilter()
        where, params = incident_where(f)
        sql = f"SELECT json FROM incidents i WHERE {where} ORDER BY i.day IS NULL, i.day, i.id"
        if f.limit is not None:
            sql += " LIMIT ?"
            params.append(f.limit)
        for row in self._conn.execute(sql, params):
            yield Incident.from_dict(json.loads(row[0]))

    def incident_events(self, incident: Incident) -> list[StoredEvent]:
        """The incident's events with their articles, in event id order."""
        found = (self.event(event_id) for event_id in incident.events)
        return [se for se in found if se is not None]

    def event_incident(self, event_id: str) -> Incident | None:
        """The incident an event was merged into, or None (not asserted, or not merged)."""
        row = self._conn.execute(
            "SELECT incident_id FROM incident_members WHERE event_id = ?", (event_id,)
        ).fetchone()
        return self.incident(row[0]) if row else None

    def incident_page(
        self, f: IncidentFilter, after: tuple[str, str] | None, size: int
    ) -> list[tuple[tuple[str, str], Incident]]:
        """Up to ``size`` incidents after the key ``after``, each with its key (day, then id),
        in :meth:`iter_incidents` order: a cursor built from a key stays valid as incidents come
        and go."""
        where, params = incident_where(f)
        if after is not None:
            where += " AND (ifnull(i.day, '~'), i.id) > (?, ?)"
            params.extend(after)
        sql = (
            f"SELECT ifnull(i.day, '~'), i.id, i.json FROM incidents i WHERE {where} "
            "ORDER BY ifnull(i.day, '~'), i.id LIMIT ?"
        )
        rows = self._conn.execute(sql, [*params, size]).fetchall()
        return [((r[0], r[1]), Incident.from_dict(json.loads(r[2]))) for r in rows]

    def incident_points(self, f: IncidentFilter) -> list[tuple[str, str, float, float, str, int]]:
        """(id, type, lat, lon, first event id, reports) of the located incidents matching ``f``."""
        where, params = incident_where(f)
        sql = (
            "SELECT i.id, i.type, i.lat, i.lon, json_extract(i.json, '$.events[0]'), i.reports "
            f"FROM incidents i WHERE {where} AND i.lat IS NOT NULL AND i.lon IS NOT NULL"
        )
        return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in self._conn.execute(sql, params)]

    def incident_day_counts(self, f: IncidentFilter) -> list[tuple[str, int]]:
        """(day, number of incidents) for the incidents matching ``f`` that have a day, by day."""
        where, params = incident_where(f)
        sql = (
            f"SELECT i.day, count(*) FROM incidents i WHERE {where} AND i.day IS NOT NULL "
            "GROUP BY i.day ORDER BY i.day"
        )
        return [(r[0], int(r[1])) for r in self._conn.execute(sql, params)]
