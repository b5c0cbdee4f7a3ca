"""Analysts' corrections: a value for one field of an event, kept apart from the extracted one.

Corrections are keyed by event id, not tied to the stored event: event ids are derived from the
article text, so a correction outlives its article being deleted and processed again.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from newsevents.store_rows import Connected

__all__ = ["Correction", "CorrectionStore"]


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


class CorrectionStore(Connected):
    """The corrections of :class:`~newsevents.store.Store`."""

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
