"""The README quotes real output; these tests keep the quotes equal to what the code prints."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_c4c52226bb212c5f.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED}")


def _block(name: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(
        rf"<!-- output:{name}.*?-->\n```\w*\n(.*?)```\n<!-- /output -->", readme, re.S
    )
    assert found, f"README has no output block {name!r}"
    return found.group(1)


def test_readme_events_table_is_current(tmp_path: Path) -> None:
    db = str(tmp_path / "readme.db")
    runner = CliRunner()
    ingest = runner.invoke(cli, ["ingest", str(SEED), "--published", "2017-11-13", "--db", db])
    assert ingest.exit_code == 0, ingest.output
    listed = runner.invoke(cli, ["events", "--db", db])
    assert listed.exit_code == 0, listed.output
    assert listed.stdout == _block("events-table")


def test_readme_first_event_is_current() -> None:
    golden = json.loads((ROOT / "tests" / "golden" / "seed.json").read_text(encoding="utf-8"))
    assert json.loads(_block("first-event")) == golden["events"][0]
