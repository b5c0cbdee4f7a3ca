"""What every part of the store shares: the connection it works through, and rows as records.

:class:`~newsevents.store.Store` is assembled from one class per kind of work (saving in
``store.py``, incidents in ``store_incidents.py``, the web's pages in ``store_pages.py``,
corrections in ``store_corrections.py``); each reads and writes through :class:`Connected`.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from newsevents.records import Article, Event

__all__ = ["ARTICLE_COLUMNS", "Connected", "StoredEvent", "article_from_row", "stored_event"]

ARTICLE_COLUMNS = "a.id, a.text, a.title, a.published, a.source, a.url, a.origin"
"""The columns :func:`article_from_row` reads, of ``articles`` aliased ``a``."""


@dataclass(frozen=True)
class StoredEvent:
    """An event as stored, with the article it was coded from."""

    event: Event
    article: Article


class Connected:
    """The open database connection, and what every query needs of it."""

    _conn: sqlite3.Connection

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN … COMMIT, rolled back on any exception (KeyboardInterrupt included)."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def event(self, event_id: str) -> StoredEvent | None:
        """One stored event, whatever its polarity, with its article."""
        row = self._conn.execute(
            f"SELECT e.json, {ARTICLE_COLUMNS} FROM events e JOIN articles a "
            "ON a.id = e.article_id WHERE e.id = ?",
            (event_id,),
        ).fetchone()
        return None if row is None else stored_event(row)


def article_from_row(row: Any) -> Article:
    """The article of a row of :data:`ARTICLE_COLUMNS`."""
    id_, text, title, published, source, url, origin = row
    return Article(
        id=id_,
        text=text,
        title=title,
        published=dt.date.fromisoformat(published) if published else None,
        source=source,
        url=url,
        origin=origin,
    )


def stored_event(row: Any) -> StoredEvent:
    """The event of a row of the event's JSON then :data:`ARTICLE_COLUMNS`."""
    return StoredEvent(Event.from_dict(json.loads(row[0])), article_from_row(row[1:]))
