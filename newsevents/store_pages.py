"""What the web pages read (newsevents serve): events and articles a page at a time, after a
cursor, and the light rows a map and a timeline draw.

A page's key (an event's day, then its storage order; an article's storage order) does not move
when records are added, so a cursor built from one stays valid between requests.
"""

from __future__ import annotations

from newsevents.records import Article
from newsevents.store_filters import EventFilter, event_where
from newsevents.store_rows import (
    ARTICLE_COLUMNS,
    Connected,
    StoredEvent,
    article_from_row,
    stored_event,
)

__all__ = ["DAY_KEY", "PageReads"]

DAY_KEY = "ifnull(e.day, '~')"
"""The day events are paged by; events without one sort last (indexed as events_day_key)."""


class PageReads(Connected):
    """The page, map and timeline queries of :class:`~newsevents.store.Store`."""

    def event_page(
        self, f: EventFilter, after: tuple[str, int] | None, size: int
    ) -> list[tuple[tuple[str, int], StoredEvent]]:
        """Up to ``size`` events after the key ``after``, each with its key (day, then storage
        order): keys do not move when events are added, so a cursor built from one stays valid."""
        where, params = event_where(f)
        if after is not None:
            where += f" AND ({DAY_KEY}, e.rowid) > (?, ?)"
            params.extend(after)
        sql = (
            f"SELECT {DAY_KEY}, e.rowid, e.json, {ARTICLE_COLUMNS} FROM events e JOIN articles a "
            f"ON a.id = e.article_id WHERE {where} ORDER BY {DAY_KEY}, e.rowid LIMIT ?"
        )
        rows = self._conn.execute(sql, [*params, size]).fetchall()
        return [((r[0], r[1]), stored_event(r[2:])) for r in rows]

    def points(self, f: EventFilter) -> list[tuple[str, str, float, float]]:
        """(id, type, lat, lon) of the located events matching ``f``: what a map draws, read
        from columns without loading the events."""
        where, params = event_where(f)
        sql = (
            "SELECT e.id, e.type, e.lat, e.lon FROM events e JOIN articles a "
            f"ON a.id = e.article_id WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
        )
        return [(r[0], r[1], r[2], r[3]) for r in self._conn.execute(sql, params)]

    def day_counts(self, f: EventFilter) -> list[tuple[str, int]]:
        """(day, number of events) for the events matching ``f`` that have a day, by day."""
        where, params = event_where(f)
        sql = (
            "SELECT e.day, count(*) FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {where} AND e.day IS NOT NULL GROUP BY e.day ORDER BY e.day"
        )
        return [(r[0], int(r[1])) for r in self._conn.execute(sql, params)]

    def article_page(self, after: int | None, size: int) -> list[tuple[int, Article, int]]:
        """(key, article, its number of events) for up to ``size`` articles after key ``after``."""
        rows = self._conn.execute(
            f"SELECT a.rowid, {ARTICLE_COLUMNS}, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) "
            "FROM articles a WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?",
            (after or 0, size),
        ).fetchall()
        return [(r[0], article_from_row(r[1:8]), int(r[8])) for r in rows]
