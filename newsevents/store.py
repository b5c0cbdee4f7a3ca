"""The database: an embedded SQLite file holding articles, their events and quotes.

Why SQLite: one file, no server, transactions, and indexes good enough for the filters analysts use.
The schema evolves by :data:`MIGRATIONS`, SQL scripts applied in order and counted in
``PRAGMA user_version``, so an old database file upgrades itself when opened.

Each article is saved in one transaction with its events and quotes: an interrupted save leaves
nothing of the article behind. Events are stored as the full JSON of :meth:`Event.to_dict` (what
loads back) plus a few columns copied out of it for filtering.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from newsevents import incidents
from newsevents.duplicates import link_duplicates
from newsevents.errors import StoreError
from newsevents.incidents import MergeRules
from newsevents.records import Article, Doc, Event, Incident, Quote
from newsevents.settings import Settings

__all__ = [
    "MIGRATIONS",
    "Correction",
    "EventFilter",
    "IncidentFilter",
    "Store",
    "StoredEvent",
    "fts_query",
    "haversine_km",
]

EARTH_RADIUS_KM = 6371.0088
KM_PER_DEGREE_LAT = 111.2

_FTS_FIELDS = (
    "type",
    "trigger.text",
    "sentence.text",
    "actor.text",
    "actor.name",
    "recipient.text",
    "recipient.name",
    "location.name",
)
"""Event fields whose words the full-text index (events_fts) holds."""

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id          TEXT PRIMARY KEY,   -- hash of the normalised text
        title       TEXT,
        published   TEXT,               -- ISO date
        source      TEXT,
        url         TEXT,
        origin      TEXT NOT NULL,      -- path, path:line or <stdin>
        text        TEXT NOT NULL,
        ingested_at TEXT NOT NULL       -- ISO datetime, UTC
    );
    CREATE TABLE events (
        id                TEXT PRIMARY KEY,
        article_id        TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq               INTEGER NOT NULL,   -- order of the event in its article
        type              TEXT NOT NULL,
        polarity          TEXT NOT NULL,
        confidence        REAL NOT NULL,
        actor_country     TEXT,
        recipient_country TEXT,
        location_country  TEXT,
        lat               REAL,
        lon               REAL,
        date_value        TEXT,               -- the event's own date, ISO
        day               TEXT,               -- date_value, else the article's publication date
        json              TEXT NOT NULL       -- Event.to_dict()
    );
    CREATE INDEX events_article ON events(article_id, seq);
    CREATE INDEX events_type ON events(type, polarity);
    CREATE INDEX events_day ON events(day);
    CREATE INDEX events_actor_country ON events(actor_country);
    CREATE INDEX events_recipient_country ON events(recipient_country);
    CREATE INDEX events_location_country ON events(location_country);
    CREATE INDEX events_lat ON events(lat);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq        INTEGER NOT NULL,
        json       TEXT NOT NULL,             -- Quote.to_dict()
        PRIMARY KEY (article_id, seq)
    );
    """,
    # Incidents (issue 5): near-duplicate links and the incident index. Self-contained: it only
    # adds tables, so it may be renumbered among other migrations.
    """
    CREATE TABLE article_signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        minhash    BLOB NOT NULL              -- datasketch MinHash values, uint64
    );
    CREATE TABLE article_bands (
        band       INTEGER NOT NULL,          -- LSH band number
        key        TEXT NOT NULL,             -- hash of the band's MinHash values
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX article_bands_key ON article_bands(band, key);
    CREATE INDEX article_bands_article ON article_bands(article_id);
    CREATE TABLE duplicates (
        a          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  -- a < b
        b          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        similarity REAL NOT NULL,             -- estimated Jaccard of word 3-grams
        PRIMARY KEY (a, b)
    );
    CREATE INDEX duplicates_b ON duplicates(b);
    CREATE TABLE incident_members (
        event_id          TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
        incident_id       TEXT NOT NULL,
        type              TEXT NOT NULL,
        cell              TEXT NOT NULL,      -- coarse geo cell, '-' when unlocated
        lo                INTEGER,            -- first possible day (ordinal); NULL: not mergeable
        hi                INTEGER,            -- last possible day
        lat               REAL,
        lon               REAL,
        actor_country     TEXT,
        recipient_country TEXT,
        loose             INTEGER NOT NULL,   -- 1: attaches to an anchored event, never connects
        anchor            TEXT                -- the anchored event a loose one attaches to
    );
    CREATE INDEX incident_members_lookup ON incident_members(type, cell, loose, lo);
    CREATE INDEX incident_members_incident ON incident_members(incident_id);
    CREATE TABLE incidents (
        id                TEXT PRIMARY KEY,
        type              TEXT NOT NULL,
        day               TEXT,               -- incident date, else first publication date
        lat               REAL,
        lon               REAL,
        country           TEXT,               -- of the location
        actor_country     TEXT,
        recipient_country TEXT,
        reports           INTEGER NOT NULL,   -- independent reports (copies not counted)
        json              TEXT NOT NULL       -- Incident.to_dict()
    );
    CREATE INDEX incidents_day ON incidents(day);
    CREATE INDEX incidents_type ON incidents(type, day);
    CREATE INDEX incidents_lat ON incidents(lat);
    """,
    # Analysts' corrections, and full-text search over events (newsevents serve).
    # Corrections have no foreign key on purpose: event ids are derived from the article text, so
    # a correction outlives its article being deleted and processed again, and reattaches.
    """
    CREATE TABLE corrections (
        event_id     TEXT NOT NULL,
        field        TEXT NOT NULL,     -- "type", "actor.country", "killed", "wrong", ...
        value        TEXT NOT NULL,     -- JSON
        note         TEXT,
        corrected_at TEXT NOT NULL,     -- ISO datetime, UTC
        PRIMARY KEY (event_id, field)
    );
    CREATE INDEX events_day_key ON events(ifnull(day, '~'));  -- the order of pages, see _DAY_KEY
    CREATE VIRTUAL TABLE events_fts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO events_fts (rowid, body) SELECT rowid, {fts_body} FROM events;
    CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts (rowid, body) SELECT new.rowid, {fts_body_new};
    END;
    CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        DELETE FROM events_fts WHERE rowid = old.rowid;
    END;
    """.format(
        fts_body=" || ' ' || ".join(
            f"coalesce(json_extract(json, '$.{k}'), '')" for k in _FTS_FIELDS
        ),
        fts_body_new=" || ' ' || ".join(
            f"coalesce(json_extract(new.json, '$.{k}'), '')" for k in _FTS_FIELDS
        ),
    ),
)
"""Schema scripts; the database's ``user_version`` counts how many have been applied."""


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
class Correction:
    """An analyst's value for one field of an event, kept apart from the extracted one."""

    event_id: str
    field: str
    """Dotted field name, e.g. "type", "actor.country", "killed", or "wrong" (value true)."""
    value: Any
    note: str | None
    corrected_at: str
    """ISO datetime, UTC."""


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


@dataclass(frozen=True)
class StoredEvent:
    """An event as stored, with the article it was coded from."""

    event: Event
    article: Article


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two points given in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _sql_haversine(*args: float | None) -> float | None:
    if any(a is None for a in args):
        return None
    lat1, lon1, lat2, lon2 = (float(a) for a in args if a is not None)
    return haversine_km(lat1, lon1, lat2, lon2)


class Store:
    """A newsevents database; open with :meth:`open`, use as a context manager to close it."""

    def __init__(
        self, conn: sqlite3.Connection, path: str, rules: MergeRules, merge: bool = True
    ) -> None:
        self._conn = conn
        self.path = path
        self.rules = rules
        """How reports are merged into incidents (from the incident settings)."""
        self.merge = merge
        """Whether saving links near-duplicates and merges incidents (off only to measure)."""

    @classmethod
    def open(
        cls, path: str | Path, *, rules: MergeRules | None = None, merge: bool = True
    ) -> Store:
        """Open (creating and migrating as needed) the database at ``path``.

        ``rules`` default to the incident settings (``NEWSEVENTS_INCIDENT_KM`` …).
        """
        name = str(path)
        try:
            conn = sqlite3.connect(name, isolation_level=None, timeout=10.0)
        except sqlite3.Error as exc:
            raise StoreError(
                f"cannot open database {name}: {exc}; check the folder exists and is writable, "
                "or choose another file with --db / NEWSEVENTS_DB"
            ) from exc
        store = cls(conn, name, rules or MergeRules.from_settings(Settings.load()), merge)
        try:
            store._prepare()
        except BaseException:
            conn.close()
            raise
        return store

    def _prepare(self) -> None:
        try:
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.create_function("haversine_km", 4, _sql_haversine, deterministic=True)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(
                f"{self.path} is not a usable newsevents database ({exc}); "
                "choose another file with --db / NEWSEVENTS_DB"
            ) from exc

    def _migrate(self) -> None:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version > len(MIGRATIONS):
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this newsevents knows "
                f"({len(MIGRATIONS)}); upgrade newsevents"
            )
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            try:
                self._conn.executescript(
                    f"BEGIN IMMEDIATE; {script}; PRAGMA user_version = {number}; COMMIT;"
                )
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def schema_version(self) -> int:
        return int(self._conn.execute("PRAGMA user_version").fetchone()[0])

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

    # --- writing -------------------------------------------------------------------------------

    def save(self, doc: Doc, *, replace: bool = False) -> bool:
        """Store the article, its events and quotes in one transaction; False if already stored.

        With ``replace``, a stored copy of the article is deleted first, in the same transaction
        (re-processing); corrections are kept.
        """
        article = doc.article
        try:
            with self._transaction() as conn:
                if replace:
                    conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
                elif self._has(conn, article.id):
                    return False
                conn.execute(_INSERT_ARTICLE, _article_row(article))
                conn.executemany(_INSERT_EVENT, _event_rows(doc))
                conn.executemany(_INSERT_QUOTE, _quote_rows(doc))
                if self.merge:
                    self._merge(conn, doc)
        except Exception as exc:  # a bad record or a full disk: either way, report and go on
            raise StoreError(
                f"could not save article {article.origin or article.id} to {self.path} "
                f"({type(exc).__name__}: {exc}); nothing of it was stored"
            ) from exc
        return True

    def _merge(self, conn: sqlite3.Connection, doc: Doc) -> None:
        threshold = self.rules.duplicate_threshold
        link_duplicates(conn, doc.article.id, doc.article.text, threshold)
        incidents.merge(conn, doc, self.rules)

    def delete_article(self, article_id: str) -> bool:
        """Delete an article with its events and quotes, and its part in incidents."""
        with self._transaction() as conn:
            affected = incidents.incidents_of(conn, article_id)
            deleted = conn.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
            incidents.forget(conn, affected, self.rules)
        return deleted > 0

    def rebuild_incidents(self) -> int:
        """Re-link duplicates and regroup every stored event under the current rules."""
        with self._transaction() as conn:
            for table in ("incident_members", "incidents", "duplicates", "article_bands"):
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM article_signatures")
            for article in self.articles():
                rows = conn.execute(
                    "SELECT json FROM events WHERE article_id = ? ORDER BY seq", (article.id,)
                )
                events = tuple(Event.from_dict(json.loads(r[0])) for r in rows)
                self._merge(conn, Doc(article=article, events=events))
        return int(self._conn.execute("SELECT count(*) FROM incidents").fetchone()[0])

    # --- reading -------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._has(self._conn, article_id)

    @staticmethod
    def _has(conn: sqlite3.Connection, article_id: str) -> bool:
        row = conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def articles(self) -> list[Article]:
        """Every stored article, in the order they were ingested."""
        rows = self._conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a ORDER BY rowid")
        return [_article(row) for row in rows]

    def quotes(self, article_id: str) -> list[Quote]:
        """The quotes of one article, in text order."""
        rows = self._conn.execute(
            "SELECT json FROM quotes WHERE article_id = ? ORDER BY seq", (article_id,)
        )
        return [Quote.from_dict(json.loads(row[0])) for row in rows]

    def events(self, f: EventFilter | None = None) -> list[StoredEvent]:
        """Stored events matching ``f`` (asserted ones by default), by day then article order."""
        return list(self.iter_events(f))

    def iter_events(self, f: EventFilter | None = None) -> Iterator[StoredEvent]:
        """The same events, read one at a time: an export of any size runs in constant memory."""
        f = f or EventFilter()
        where, params = _where(f)
        sql = (
            f"SELECT e.json, {_ARTICLE_COLUMNS} FROM events e JOIN articles a "
            f"ON a.id = e.article_id WHERE {where} "
            "ORDER BY e.day IS NULL, e.day, a.rowid, e.seq"
        )
        if f.limit is not None:
            sql += " LIMIT ?"
            params.append(f.limit)
        for row in self._conn.execute(sql, params):
            yield StoredEvent(Event.from_dict(json.loads(row[0])), _article(row[1:]))

    def incident(self, incident_id: str) -> Incident | None:
        """One incident by id, or None."""
        row = self._conn.execute(
            "SELECT json FROM incidents WHERE id = ?", (incident_id,)
        ).fetchone()
        return Incident.from_dict(json.loads(row[0])) if row else None

    def iter_incidents(self, f: IncidentFilter | None = None) -> Iterator[Incident]:
        """Incidents matching ``f``, by day then id, read one at a time."""
        f = f or IncidentFilter()
        where, params = _incident_where(f)
        sql = f"SELECT json FROM incidents i WHERE {where} ORDER BY i.day IS NULL, i.day, i.id"
        if f.limit is not None:
            sql += " LIMIT ?"
            params.append(f.limit)
        for row in self._conn.execute(sql, params):
            yield Incident.from_dict(json.loads(row[0]))

    def incident_events(self, incident: Incident) -> list[StoredEvent]:
        """The incident's events with their articles, in event id order."""
        out = []
        for event_id in incident.events:
            row = self._conn.execute(
                f"SELECT e.json, {_ARTICLE_COLUMNS} FROM events e JOIN articles a "
                "ON a.id = e.article_id WHERE e.id = ?",
                (event_id,),
            ).fetchone()
            if row is not None:
                out.append(StoredEvent(Event.from_dict(json.loads(row[0])), _article(row[1:])))
        return out

    # --- pages, single records and corrections (newsevents serve) ------------------------------

    def incident_page(
        self, f: IncidentFilter, after: tuple[str, str] | None, size: int
    ) -> list[tuple[tuple[str, str], Incident]]:
        """Up to ``size`` incidents after the key ``after``, each with its key (day, then id),
        in :meth:`iter_incidents` order: a cursor built from a key stays valid as incidents come
        and go."""
        where, params = _incident_where(f)
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
        where, params = _incident_where(f)
        sql = (
            "SELECT i.id, i.type, i.lat, i.lon, json_extract(i.json, '$.events[0]'), i.reports "
            f"FROM incidents i WHERE {where} AND i.lat IS NOT NULL AND i.lon IS NOT NULL"
        )
        return [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in self._conn.execute(sql, params)]

    def incident_day_counts(self, f: IncidentFilter) -> list[tuple[str, int]]:
        """(day, number of incidents) for the incidents matching ``f`` that have a day, by day."""
        where, params = _incident_where(f)
        sql = (
            f"SELECT i.day, count(*) FROM incidents i WHERE {where} AND i.day IS NOT NULL "
            "GROUP BY i.day ORDER BY i.day"
        )
        return [(r[0], int(r[1])) for r in self._conn.execute(sql, params)]

    def event_incident(self, event_id: str) -> Incident | None:
        """The incident an event was merged into, or None (not asserted, or not merged)."""
        row = self._conn.execute(
            "SELECT incident_id FROM incident_members WHERE event_id = ?", (event_id,)
        ).fetchone()
        return self.incident(row[0]) if row else None

    def event(self, event_id: str) -> StoredEvent | None:
        """One stored event, whatever its polarity, with its article."""
        row = self._conn.execute(
            f"SELECT e.json, {_ARTICLE_COLUMNS} FROM events e JOIN articles a "
            "ON a.id = e.article_id WHERE e.id = ?",
            (event_id,),
        ).fetchone()
        return (
            None
            if row is None
            else StoredEvent(Event.from_dict(json.loads(row[0])), _article(row[1:]))
        )

    def event_page(
        self, f: EventFilter, after: tuple[str, int] | None, size: int
    ) -> list[tuple[tuple[str, int], StoredEvent]]:
        """Up to ``size`` events after the key ``after``, each with its key (day, then storage
        order): keys do not move when events are added, so a cursor built from one stays valid."""
        where, params = _where(f)
        if after is not None:
            where += f" AND ({_DAY_KEY}, e.rowid) > (?, ?)"
            params.extend(after)
        sql = (
            f"SELECT {_DAY_KEY}, e.rowid, e.json, {_ARTICLE_COLUMNS} FROM events e JOIN articles a "
            f"ON a.id = e.article_id WHERE {where} ORDER BY {_DAY_KEY}, e.rowid LIMIT ?"
        )
        rows = self._conn.execute(sql, [*params, size]).fetchall()
        return [
            ((r[0], r[1]), StoredEvent(Event.from_dict(json.loads(r[2])), _article(r[3:])))
            for r in rows
        ]

    def points(self, f: EventFilter) -> list[tuple[str, str, float, float]]:
        """(id, type, lat, lon) of the located events matching ``f``: what a map draws, read
        from columns without loading the events."""
        where, params = _where(f)
        sql = (
            "SELECT e.id, e.type, e.lat, e.lon FROM events e JOIN articles a "
            f"ON a.id = e.article_id WHERE {where} AND e.lat IS NOT NULL AND e.lon IS NOT NULL"
        )
        return [(r[0], r[1], r[2], r[3]) for r in self._conn.execute(sql, params)]

    def day_counts(self, f: EventFilter) -> list[tuple[str, int]]:
        """(day, number of events) for the events matching ``f`` that have a day, by day."""
        where, params = _where(f)
        sql = (
            "SELECT e.day, count(*) FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE {where} AND e.day IS NOT NULL GROUP BY e.day ORDER BY e.day"
        )
        return [(r[0], int(r[1])) for r in self._conn.execute(sql, params)]

    def article_page(self, after: int | None, size: int) -> list[tuple[int, Article, int]]:
        """(key, article, its number of events) for up to ``size`` articles after key ``after``."""
        rows = self._conn.execute(
            f"SELECT a.rowid, {_ARTICLE_COLUMNS}, "
            "(SELECT count(*) FROM events e WHERE e.article_id = a.id) "
            "FROM articles a WHERE a.rowid > ? ORDER BY a.rowid LIMIT ?",
            (after or 0, size),
        ).fetchall()
        return [(r[0], _article(r[1:8]), int(r[8])) for r in rows]

    def article(self, article_id: str) -> Article | None:
        row = self._conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)
        ).fetchone()
        return None if row is None else _article(row)

    def article_events(self, article_id: str) -> list[Event]:
        """Every event of one article (all polarities), in text order."""
        rows = self._conn.execute(
            "SELECT json FROM events WHERE article_id = ? ORDER BY seq", (article_id,)
        )
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def corrections(self, event_id: str) -> list[Correction]:
        rows = self._conn.execute(
            "SELECT event_id, field, value, note, corrected_at FROM corrections "
            "WHERE event_id = ? ORDER BY field",
            (event_id,),
        )
        return [Correction(r[0], r[1], json.loads(r[2]), r[3], r[4]) for r in rows]

    def correct(self, event_id: str, field: str, value: Any, note: str | None = None) -> Correction:
        """Store (or replace) an analyst's value for one field of an event."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO corrections (event_id, field, value, note, corrected_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (event_id, field, json.dumps(value, ensure_ascii=False), note, now),
            )
        return Correction(event_id, field, value, note, now)

    def uncorrect(self, event_id: str, field: str) -> bool:
        """Remove a correction, going back to the extracted value; False if there was none."""
        with self._transaction() as conn:
            sql = "DELETE FROM corrections WHERE event_id = ? AND field = ?"
            return conn.execute(sql, (event_id, field)).rowcount > 0

    def count(self) -> tuple[int, int]:
        """(articles, events) stored."""
        articles = self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = self._conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return int(articles), int(events)


# --- rows ----------------------------------------------------------------------------------------

_DAY_KEY = "ifnull(e.day, '~')"  # events without a day sort last
_ARTICLE_COLUMNS = "a.id, a.text, a.title, a.published, a.source, a.url, a.origin"
_INSERT_ARTICLE = (
    "INSERT INTO articles (id, title, published, source, url, origin, text, ingested_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_EVENT = (
    "INSERT INTO events (id, article_id, seq, type, polarity, confidence, actor_country, "
    "recipient_country, location_country, lat, lon, date_value, day, json) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_QUOTE = "INSERT INTO quotes (article_id, seq, json) VALUES (?, ?, ?)"


def _article_row(a: Article) -> tuple[Any, ...]:
    published = a.published.isoformat() if a.published else None
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    return (a.id, a.title, published, a.source, a.url, a.origin, a.text, now)


def _article(row: Any) -> Article:
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


def _event_rows(doc: Doc) -> Iterator[tuple[Any, ...]]:
    """Rows of the events table; serialised lazily, inside the saving transaction."""
    published = doc.article.published.isoformat() if doc.article.published else None
    for seq, e in enumerate(doc.events):
        date_value = e.date.value[:10] if e.date and e.date.value else None
        loc = e.location
        yield (
            e.id,
            doc.article.id,
            seq,
            e.type,
            e.polarity,
            e.confidence,
            e.actor.country if e.actor else None,
            e.recipient.country if e.recipient else None,
            loc.country if loc else None,
            loc.lat if loc else None,
            loc.lon if loc else None,
            date_value,
            date_value or published,
            json.dumps(e.to_dict(), ensure_ascii=False),
        )


def _quote_rows(doc: Doc) -> Iterator[tuple[Any, ...]]:
    for seq, q in enumerate(doc.quotes):
        yield (doc.article.id, seq, json.dumps(q.to_dict(), ensure_ascii=False))


def _where(f: EventFilter) -> tuple[str, list[Any]]:
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
    band = km / KM_PER_DEGREE_LAT + 0.01
    params.extend([lat - band, lat + band, lat, lon, km])
    return "e.lat BETWEEN ? AND ? AND haversine_km(?, ?, e.lat, e.lon) <= ?"


def _incident_where(f: IncidentFilter) -> tuple[str, list[Any]]:
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
