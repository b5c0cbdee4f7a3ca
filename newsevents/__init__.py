"""newsevents: news reports in, PLOVER-coded, geocoded, evidenced events out.

>>> from newsevents import Pipeline, Settings, read_articles
>>> pipeline = Pipeline(Settings.load())
>>> for article in read_articles(["story.txt"], Settings.load()):
...     doc = pipeline(article)          # doc.events, doc.quotes, doc.places, doc.dates
"""

from newsevents.errors import (
    ArticleError,
    InputError,
    LexiconError,
    ModelError,
    NewsEventsError,
    SettingsError,
    StageError,
    StoreError,
)
from newsevents.incidents import MergeRules
from newsevents.pipeline import DEFAULT_STAGES, Outcome, Pipeline, stage
from newsevents.records import (
    Acled,
    Actor,
    Article,
    Casualties,
    Count,
    Doc,
    Event,
    Incident,
    Place,
    Quote,
    Sentence,
    Trigger,
    When,
)
from newsevents.settings import Settings
from newsevents.stages.ingest import read_articles
from newsevents.store import Store
from newsevents.store_filters import EventFilter, IncidentFilter

__all__ = [
    "DEFAULT_STAGES",
    "Acled",
    "Actor",
    "Article",
    "ArticleError",
    "Casualties",
    "Count",
    "Doc",
    "Event",
    "EventFilter",
    "Incident",
    "IncidentFilter",
    "InputError",
    "LexiconError",
    "MergeRules",
    "ModelError",
    "NewsEventsError",
    "Outcome",
    "Pipeline",
    "Place",
    "Quote",
    "Sentence",
    "Settings",
    "SettingsError",
    "StageError",
    "Store",
    "StoreError",
    "Trigger",
    "When",
    "read_articles",
    "stage",
]
