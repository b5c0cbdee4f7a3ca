"""Incident writers: ACLED-style CSV, CSV, GeoJSON, JSONL and the table."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from incident_docs import report

from newsevents.export_incidents import ACLED_COLUMNS, INCIDENT_COLUMNS, write_incidents
from newsevents.records import Incident
from newsevents.store import Store


@pytest.fixture
def incidents(tmp_path: Path) -> list[Incident]:
    docs = [
        report("wire", events=({"killed": 12},)),
        report("daily", events=({"killed": 15},)),
        report("talks", events=({"type": "CONSULT", "place": None},)),
    ]
    with Store.open(tmp_path / "x.db") as store:
        for doc in docs:
            store.save(doc)
        return list(store.iter_incidents())


def _write(incidents: list[Incident], fmt: str) -> tuple[str, int, int]:
    out = io.StringIO()
    written = write_incidents(incidents, fmt, out)  # type: ignore[arg-type]
    return out.getvalue(), written.events, written.skipped


def test_export_incidents_acled_columns_and_conservative_fatalities(
    incidents: list[Incident],
) -> None:
    text, n, skipped = _write(incidents, "acled")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert (n, skipped) == (1, 1)  # CONSULT has no ACLED event type
    row = rows[0]
    assert row["fatalities"] == "12"
    assert row["event_date"] == "2019-03-12"
    assert row["time_precision"] == "1"
    assert row["country"] == "Nigeria"
    assert row["event_type"] == "Violence against civilians"
    assert row["source"] == "Outlet daily; Outlet wire"
    assert "disagree on killed" in row["notes"]


def test_export_incidents_acled_undated_uses_publication_at_precision_2(tmp_path: Path) -> None:
    with Store.open(tmp_path / "u.db") as store:
        store.save(report("a", published="2019-03-13", events=({"date_text": ""},)))
        text, _, _ = _write(list(store.iter_incidents()), "acled")
    row = next(csv.DictReader(io.StringIO(text)))
    assert (row["event_date"], row["time_precision"], row["fatalities"]) == ("2019-03-13", "2", "0")


def test_export_incidents_csv_has_every_column(incidents: list[Incident]) -> None:
    text, n, _ = _write(incidents, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == INCIDENT_COLUMNS
    assert n == 2
    assert {r["reports"] for r in rows} == {"2", "1"}


def test_export_incidents_geojson_skips_unlocated(incidents: list[Incident]) -> None:
    text, n, skipped = _write(incidents, "geojson")
    data = json.loads(text)
    assert (n, skipped) == (1, 1)
    assert data["features"][0]["geometry"]["coordinates"] == [13.157, 11.847]


def test_export_incidents_jsonl_round_trips(incidents: list[Incident]) -> None:
    text, _, _ = _write(incidents, "jsonl")
    loaded = [Incident.from_dict(json.loads(line)) for line in text.splitlines()]
    assert loaded == incidents


def test_export_incidents_table_has_a_line_per_incident(incidents: list[Incident]) -> None:
    text, n, _ = _write(incidents, "table")
    assert len(text.splitlines()) == n + 2
    assert text.startswith("INCIDENT_ID")
