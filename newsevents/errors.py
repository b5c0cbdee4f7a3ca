"""Every exception newsevents raises on purpose.

    NewsEventsError                 base: catch this to handle any newsevents failure
     ├── InputError                 an input file, line or argument cannot be used
     │    └── ArticleError          one article in a batch failed (names the source)
     ├── SettingsError              a setting has an unusable value
     ├── LexiconError               a lexicon data file is malformed
     ├── ModelError                 a language model or gazetteer cannot be loaded
     ├── StageError                 a pipeline stage failed on an article (names both)
     └── StoreError                 the database cannot be opened, migrated or written

Each message says what went wrong, why, and what to do about it. The CLI prints the message
as one line and exits non-zero; it never shows a traceback for these.
"""

from __future__ import annotations

__all__ = [
    "ArticleError",
    "InputError",
    "LexiconError",
    "ModelError",
    "NewsEventsError",
    "SettingsError",
    "StageError",
    "StoreError",
]


class NewsEventsError(Exception):
    """Base class of every error newsevents raises on purpose."""


class InputError(NewsEventsError):
    """An input (file, line, argument) cannot be used as given."""

    def __init__(self, source: str, reason: str, fix: str = "") -> None:
        self.source = source
        self.reason = reason
        self.fix = fix
        message = f"{source}: {reason}"
        if fix:
            message += f"; {fix}"
        super().__init__(message)


class ArticleError(InputError):
    """One article of a batch could not be read; the rest of the batch goes on."""


class SettingsError(NewsEventsError):
    """A setting has a value newsevents cannot use."""


class LexiconError(NewsEventsError):
    """A lexicon data file is malformed."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"lexicon {path}: {reason}")


class ModelError(NewsEventsError):
    """A language model or gazetteer needed by a stage cannot be loaded."""


class StageError(NewsEventsError):
    """A pipeline stage raised while processing one article."""

    def __init__(self, stage: str, article: str, cause: BaseException) -> None:
        self.stage = stage
        self.article = article
        self.cause = cause
        super().__init__(f"stage {stage!r} failed on article {article}: {cause!r}")


class StoreError(NewsEventsError):
    """The database cannot be opened, migrated or written."""
