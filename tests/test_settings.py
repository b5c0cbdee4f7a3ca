"""Settings: defaults, NEWSEVENTS_* environment variables, overrides and validation."""

from __future__ import annotations

import os
from dataclasses import fields

import pytest

from newsevents.errors import SettingsError
from newsevents.settings import SETTINGS_TABLE, Settings


def test_settings_defaults_without_environment() -> None:
    settings = Settings.load(env={})
    assert settings == Settings()
    assert settings.on_error == "record"
    assert settings.lexicons == ()


def test_settings_environment_variables_are_coerced() -> None:
    env = {
        "NEWSEVENTS_DB": "/tmp/x.db",
        "NEWSEVENTS_PLACE_WINDOW": "5",
        "NEWSEVENTS_MIN_CONFIDENCE": "0.25",
        "NEWSEVENTS_ON_ERROR": "raise",
    }
    settings = Settings.load(env=env)
    assert settings.db == "/tmp/x.db"
    assert str(settings.db_path) == "/tmp/x.db"
    assert settings.place_window == 5
    assert settings.min_confidence == 0.25
    assert settings.on_error == "raise"


def test_settings_reads_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_MAX_FILE_BYTES", "1234")
    assert Settings.load().max_file_bytes == 1234


def test_settings_tuple_split_on_pathsep() -> None:
    raw = os.pathsep.join(["a.toml", "", "dir/b.toml", ""])
    assert Settings.load(env={"NEWSEVENTS_LEXICONS": raw}).lexicons == ("a.toml", "dir/b.toml")


def test_settings_overrides_beat_environment_and_none_is_ignored() -> None:
    env = {"NEWSEVENTS_PLACE_WINDOW": "5", "NEWSEVENTS_DB": "env.db"}
    settings = Settings.load({"place_window": 1, "db": None}, env=env)
    assert settings.place_window == 1
    assert settings.db == "env.db"


def test_settings_unrelated_variables_ignored() -> None:
    assert Settings.load(env={"NEWSEVENTS_NOPE": "1", "PLACE_WINDOW": "9"}) == Settings()


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"NEWSEVENTS_PLACE_WINDOW": "three"},
            "NEWSEVENTS_PLACE_WINDOW='three' is not a valid int",
        ),
        ({"NEWSEVENTS_MIN_CONFIDENCE": "high"}, "not a valid float"),
        ({"NEWSEVENTS_ON_ERROR": "ignore"}, "on_error must be 'record' or 'raise'"),
        ({"NEWSEVENTS_MAX_FILE_BYTES": "0"}, "max_file_bytes must be positive"),
    ],
)
def test_settings_invalid_values_raise_settings_error(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.load(env=env)


def test_settings_invalid_override_raises_settings_error() -> None:
    with pytest.raises(SettingsError, match="on_error"):
        Settings.load({"on_error": "skip"}, env={})


def test_settings_table_lists_every_setting_with_help() -> None:
    assert [name for name, _, _ in SETTINGS_TABLE] == [f.name for f in fields(Settings)]
    assert all(help_text.strip() for _, _, help_text in SETTINGS_TABLE)
    assert {n: d for n, d, _ in SETTINGS_TABLE}["place_window"] == 3


def test_settings_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Settings().db = "other.db"  # type: ignore[misc]
