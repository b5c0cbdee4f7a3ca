"""The command line, end to end on small articles written for these tests."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.errors import InputError, StoreError
from newsevents.records import Doc
from newsevents.store import Store

STORY = (
    "Rebels attacked an army base near Goma on Tuesday, killing three soldiers, "
    "officials said.\n\nThe government imposed a curfew on the city.\n"
)
OTHER = "Police arrested 15 protesters in Nairobi on Friday after a march against taxes.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").write_text(OTHER, encoding="utf-8")
    return folder


def _ingest(runner: CliRunner, db: Path, *paths: str) -> object:
    return runner.invoke(cli, ["ingest", *paths, "--db", str(db), "--published", "2019-05-10"])


def test_cli_extract_prints_contract_json(runner: CliRunner, corpus: Path) -> None:
    result = runner.invoke(cli, ["extract", str(corpus / "a.txt"), "--published", "2019-05-10"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out) == {"article", "events", "quotes"}
    assert out["article"]["published"] == "2019-05-10"
    assault = next(e for e in out["events"] if e["type"] == "ASSAULT")
    text = STORY
    start, end = assault["trigger"]["span"]
    assert text[start:end] == assault["trigger"]["text"] == "attacked"
    assert assault["date"]["value"] == "2019-05-07"
    assert assault["casualties"]["killed"] == 3


def test_cli_extract_hides_non_asserted_unless_all(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "neg.txt"
    path.write_text("The army did not attack the village on Monday.\n", encoding="utf-8")
    plain = json.loads(runner.invoke(cli, ["extract", str(path)]).stdout)
    everything = json.loads(runner.invoke(cli, ["extract", str(path), "--all"]).stdout)
    assert plain["events"] == []
    assert [e["polarity"] for e in everything["events"]] == ["negated"]


def test_cli_ingest_stores_once_and_reports_bad_files(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "x.db"
    first = _ingest(runner, db, str(corpus))
    assert first.exit_code == 1  # type: ignore[attr-defined]
    assert "empty.txt" in first.stderr  # type: ignore[attr-defined]
    assert "stored 2 new article(s)" in first.stderr  # type: ignore[attr-defined]
    again = _ingest(runner, db, str(corpus / "a.txt"), str(corpus / "b.txt"))
    assert again.exit_code == 0  # type: ignore[attr-defined]
    assert "stored 0 new article(s)" in again.stderr  # type: ignore[attr-defined]


def test_cli_events_filters_by_type_and_formats_csv(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    _ingest(runner, db, str(corpus))
    result = runner.invoke(cli, ["events", "--db", str(db), "--type", "coerce", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["type"] for r in rows} == {"COERCE"}


def test_cli_events_near_keeps_only_close_events(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    _ingest(runner, db, str(corpus))
    goma = "-1.68,29.22,100"
    result = runner.invoke(cli, ["events", "--db", str(db), "--near", goma, "--format", "json"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert events and all(e["location"]["country"] == "COD" for e in events)


def test_cli_export_geojson_to_file(runner: CliRunner, corpus: Path, tmp_path: Path) -> None:
    db, out = tmp_path / "x.db", tmp_path / "events.geojson"
    _ingest(runner, db, str(corpus))
    result = runner.invoke(
        cli, ["export", "--db", str(db), "--format", "geojson", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert collection["features"]
    assert not list(tmp_path.glob(".events.geojson.*"))  # no temporary file left behind


def test_cli_user_error_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    proc = subprocess.run(
        [sys.executable, "-m", "newsevents", "events", "--db", str(missing)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(missing) in lines[0] and "newsevents ingest" in lines[0]
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("near", ["1,2", "a,b,c", "95,0,10", "0,0,-5"])
def test_cli_events_rejects_bad_near(runner: CliRunner, tmp_path: Path, near: str) -> None:
    db = tmp_path / "x.db"
    db.touch()
    result = runner.invoke(cli, ["events", "--db", str(db), "--near", near])
    assert result.exit_code == 2
    assert "LAT,LON,KM" in result.output or "out of range" in result.output


def test_cli_settings_lists_every_setting(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["settings"])
    assert result.exit_code == 0
    assert "NEWSEVENTS_MAX_FILE_BYTES" in result.output
    assert "NEWSEVENTS_DB" in result.output


def test_cli_export_to_missing_folder_is_an_input_error(
    runner: CliRunner, corpus: Path, tmp_path: Path
) -> None:
    db = tmp_path / "x.db"
    _ingest(runner, db, str(corpus))
    out = tmp_path / "missing" / "events.csv"
    result = runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "--out", str(out)])
    assert isinstance(result.exception, InputError)
    assert str(out) in str(result.exception)
    assert not out.parent.exists()


def test_cli_usage_error_exits_2_with_help_hint(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsevents", "events", "--near", "1,2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "LAT,LON,KM" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_ingest_goes_on_when_the_database_refuses_one_article(
    runner: CliRunner, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = Store.save

    def refuse_first(self: Store, doc: Doc) -> bool:
        if doc.article.origin.endswith("a.txt"):
            raise StoreError("could not save a.txt; nothing of it was stored")
        return real_save(self, doc)

    monkeypatch.setattr(Store, "save", refuse_first)
    result = _ingest(runner, tmp_path / "x.db", str(corpus))
    assert result.exit_code == 1  # type: ignore[attr-defined]
    assert "could not save a.txt" in result.stderr  # type: ignore[attr-defined]
    assert "stored 1 new article(s)" in result.stderr  # type: ignore[attr-defined]


def test_cli_extract_prints_one_line_per_article_for_several(
    runner: CliRunner, corpus: Path
) -> None:
    result = runner.invoke(cli, ["extract", str(corpus)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert all(json.loads(line)["article"]["id"] for line in lines)


def test_cli_events_rejects_unknown_type(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    db.touch()
    result = runner.invoke(cli, ["events", "--db", str(db), "--type", "ASSUALT"])
    assert result.exit_code == 2
    assert "ASSUALT" in result.output


def test_cli_serve_binds_localhost_and_prints_a_new_token_once(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    calls: list[dict[str, object]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    monkeypatch.delenv("NEWSEVENTS_TOKEN", raising=False)
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path / "cache"))
    db = str(tmp_path / "s.db")
    first = runner.invoke(cli, ["serve", "--db", db])
    second = runner.invoke(cli, ["serve", "--db", db, "--port", "8123"])
    assert first.exit_code == second.exit_code == 0, first.output
    token = (tmp_path / "cache" / "serve-token").read_text().strip()
    assert f"#token={token}" in first.output and token not in second.output
    assert [(c["host"], c["port"]) for c in calls] == [("127.0.0.1", 8000), ("127.0.0.1", 8123)]
    assert "Example: newsevents serve" in runner.invoke(cli, ["serve", "--help"]).output


def test_cli_classify_prints_one_subtype_per_article(runner: CliRunner, tmp_path: Path) -> None:
    protest = tmp_path / "protest.txt"
    protest.write_text(
        "Police fired tear gas at hundreds of protesters demanding the release of jailed "
        "activists in Nairobi on Tuesday.\n",
        encoding="utf-8",
    )
    flood = tmp_path / "flood.txt"
    flood.write_text(
        "Floods swept through three villages in Sindh province, killing 20 people.\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["classify", "--json", str(protest), str(flood)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["subtype"] for r in rows] == ["PROTEST_WITH_INTER", "NATURAL_DISASTER"]
    assert rows[0]["sub_event_type"] == "Protest with intervention"
    assert rows[1]["event_type"] is None
