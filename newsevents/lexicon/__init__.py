"""Data the project authored itself (event patterns, actor names, place supplement) and its loader.

Every file here is plain TOML or TSV, written by us, read with the standard library.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

from newsevents.errors import LexiconError

__all__ = ["LEXICON_DIR", "load_toml"]

LEXICON_DIR = Path(__file__).parent


@cache
def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError as exc:
        raise LexiconError(str(path), "file not found; check the path") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(str(path), f"not valid TOML ({exc}); fix the line it names") from exc


def load_toml(name: str | Path) -> dict[str, Any]:
    """A built-in lexicon by file name ("events.toml"), or a user's file by path."""
    path = Path(name)
    if not path.is_absolute() and not path.exists():
        path = LEXICON_DIR / path
    return _load(path.resolve())
