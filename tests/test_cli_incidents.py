"""The incident commands, end to end: reports we wrote of one bombing, its look-alikes and a copy.

tests/fixtures/incidents/reports.jsonl holds three reports of one market bombing in Maiduguri with
different wording and figures (12, 15 and 18 killed), a syndicated copy of the first, a bombing of
a mosque in the same city ten days later, and an attack on a market in Kano the same day.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from incident_docs import report

from newsevents.cli import cli, main
from newsevents.export_incidents import ACLED_COLUMNS
from newsevents.records import Incident
from newsevents.store import Store

REPORTS = Path(__file__).parent / "fixtures" / "incidents" / "reports.jsonl"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A database of hand-built reports (no spaCy): two of one incident, one elsewhere."""
    path = tmp_path / "cli.db"
    with Store.open(path) as store:
        store.save(report("wire", events=({"killed": 12},)))
        store.save(report("daily", events=({"killed": 15},)))
        store.save(report("kano", events=({"place": ("Kano", 12.0, 8.517)},)))
    return path


def test_cli_incidents_table_lists_each_incident(db: Path) -> None:
    result = CliRunner().invoke(cli, ["incidents", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 4
    assert "killed" in lines[2] or "killed" in lines[3]


def test_cli_incidents_filters_and_json(db: Path) -> None:
    args = ["incidents", "--db", str(db), "--min-reports", "2", "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    (record,) = json.loads(result.stdout)
    assert record["reports"] == 2
    assert record["casualties"]["killed"] == 12
    assert record["disagreements"] == ["killed"]


def test_cli_incidents_acled_to_file(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "acled.csv"
    args = ["incidents", "--db", str(db), "--format", "acled", "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert sorted(r["fatalities"] for r in rows) == ["0", "12"]


def test_cli_incident_shows_each_source_and_disagreement(db: Path) -> None:
    with Store.open(db) as store:
        incident = next(i for i in store.iter_incidents() if i.reports == 2)
    result = CliRunner().invoke(cli, ["incident", incident.id, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "sources disagree" in result.stdout
    assert "Outlet wire" in result.stdout and "Outlet daily" in result.stdout
    shown = CliRunner().invoke(cli, ["incident", incident.id, "--db", str(db), "--format", "json"])
    assert len(json.loads(shown.stdout)["reports_detail"]) == 2


def test_cli_incident_unknown_id_is_one_line_exit_2(
    db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.argv", ["newsevents", "incident", "Inope", "--db", str(db)])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2
    assert capsys.readouterr().err.strip().count("\n") == 0


@pytest.mark.slow
def test_cli_incidents_fixture_reports_merge_and_look_alikes_do_not(tmp_path: Path) -> None:
    db = tmp_path / "fixture.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(REPORTS), "--db", str(db)]).exit_code == 0
    with Store.open(db) as store:
        incidents = [i for i in store.iter_incidents() if i.type == "ASSAULT"]
        before = [i.to_dict() for i in store.iter_incidents()]
    market = _with_source(incidents, "Evening Post")
    assert {"Wire Service", "Lagos Daily", "Evening Post"} <= set(market.sources)
    assert len(market.copies) == 1  # the Regional Herald's copy of the wire story
    assert market.casualties.killed is not None and market.casualties.killed.value == 12
    assert "killed" in market.disagreements
    assert market.date is not None and market.date.value == "2019-03-12"
    mosque = next(i for i in incidents if i.date and i.date.value == "2019-03-22")
    kano = next(i for i in incidents if i.location and i.location.name == "Kano")
    assert len({market.id, mosque.id, kano.id}) == 3
    again = runner.invoke(cli, ["ingest", str(REPORTS), "--db", str(db)])
    assert again.exit_code == 0
    with Store.open(db) as store:
        assert [i.to_dict() for i in store.iter_incidents()] == before


def _with_source(incidents: list[Incident], source: str) -> Incident:
    return next(i for i in incidents if source in i.sources)


@pytest.mark.slow
def test_cli_incidents_readme_table_is_current(tmp_path: Path) -> None:
    """README quotes `newsevents incidents --type ASSAULT` over the fixture: keep it real."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(
        r"<!-- output:incidents-table.*?-->\n```\n(.*?)```\n<!-- /output -->", readme, re.S
    )
    assert block, "README has no incidents-table block"
    db = str(tmp_path / "readme.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["ingest", str(REPORTS), "--db", db]).exit_code == 0
    listed = runner.invoke(cli, ["incidents", "--db", db, "--type", "ASSAULT"])
    assert listed.exit_code == 0, listed.output
    assert listed.stdout == block.group(1)
