"""The database: an embedded SQLite file holding articles, their events and quotes.

Why SQLite: one file, no server, transactions, and indexes good enough for the filters analysts use.
The schema evolves by :data:`MIGRATIONS`, SQL scripts applied in order and counted in
``PRAGMA user_version``, so an old database file upgrades itself when opened.

Each article is saved in one transaction with its events and quotes: an interrupted save leaves
nothing of the article behind. Events are stored as the full JSON of :meth:`Event.to_dict` (what
loads back) plus a few columns copied out of it for filtering.

This module holds the schema, the connection and the writes; :class:`Store` gathers the reads of
``store_incidents.py`` (incidents), ``store_pages.py`` (the web's pages, maps and timelines) and
``store_corrections.py`` (analysts' corrections); filters become SQL in ``store_filters.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

from newsevents import incidents
from newsevents.duplicates import link_duplicates
from newsevents.errors import StoreError
from newsevents.incidents import MergeRules
from newsevents.records import Article, Doc, Event, Quote
from newsevents.settings import Settings
from newsevents.store_corrections import CorrectionStore
from newsevents.store_filters import EventFilter, event_where, sql_haversine
from newsevents.store_incidents import IncidentReads
from newsevents.store_pages import PageReads
from newsevents.store_rows import ARTICLE_COLUMNS, StoredEvent, article_from_row, stored_event

__all__ = ["MIGRATIONS", "Store"]

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
    CREATE INDEX events_day_key ON events(ifnull(day, '~'));  -- the order of pages, see DAY_KEY
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


class Store(IncidentReads, PageReads, CorrectionStore):
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
            self._conn.create_function("haversine_km", 4, sql_haversine, deterministic=True)
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
                events = tuple(self.article_events(article.id))
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
        rows = self._conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles a ORDER BY rowid")
        return [article_from_row(row) for row in rows]

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
        where, params = event_where(f)
        sql = (
            f"SELECT e.json, {ARTICLE_COLUMNS} FROM events e JOIN articles a "
            f"ON a.id = e.article_id WHERE {where} "
            "ORDER BY e.day IS NULL, e.day, a.rowid, e.seq"
        )
        if f.limit is not None:
            sql += " LIMIT ?"
            params.append(f.limit)
        for row in self._conn.execute(sql, params):
            yield stored_event(row)

    def article(self, article_id: str) -> Article | None:
        row = self._conn.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)
        ).fetchone()
        return None if row is None else article_from_row(row)

    def article_events(self, article_id: str) -> list[Event]:
        """Every event of one article (all polarities), in text order."""
        rows = self._conn.execute(
            "SELECT json FROM events WHERE article_id = ? ORDER BY seq", (article_id,)
        )
        return [Event.from_dict(json.loads(r[0])) for r in rows]

    def count(self) -> tuple[int, int]:
        """(articles, events) stored."""
        articles = self._conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        events = self._conn.execute("SELECT count(*) FROM events").fetchone()[0]
        return int(articles), int(events)


# --- rows -----------------------------------------------------------------------------------------

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
