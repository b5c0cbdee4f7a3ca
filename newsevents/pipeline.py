"""The stage registry and the run loop.

A stage is a factory ``make_x(settings) -> (Doc -> Doc)``: the factory loads heavy resources once,
the returned function processes one article and returns a new ``Doc``. Factories register
themselves with :func:`stage`; :data:`DEFAULT_STAGES` lists the order, top to bottom.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from newsevents.errors import NewsEventsError, StageError
from newsevents.records import Article, Doc
from newsevents.settings import Settings

__all__ = ["DEFAULT_STAGES", "Outcome", "Pipeline", "StageInfo", "registry", "stage"]

StageFn = Callable[[Doc], Doc]
Factory = Callable[[Settings], StageFn]

DEFAULT_STAGES: tuple[str, ...] = (
    "parse",  # spaCy: sentences, tokens, dependencies, entities
    "events",  # PLOVER triggers, arguments, polarity
    "actors",  # actor phrases → country, sector, name
    "places",  # toponyms → gazetteer entries; where each event happened
    "dates",  # date expressions → ISO dates with precision; when each event happened
    "casualties",  # killed / injured / arrested counts of each event
    "quotes",  # direct quotations and their speakers
)


@dataclass(frozen=True)
class StageInfo:
    name: str
    factory: Factory
    requires: tuple[str, ...]
    """Doc fields the stage reads."""
    assigns: tuple[str, ...]
    """Doc fields the stage writes."""


_REGISTRY: dict[str, StageInfo] = {}


def stage(
    name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()
) -> Callable[[Factory], Factory]:
    """Register a stage factory under ``name``; a second registration of a name raises."""

    def register(factory: Factory) -> Factory:
        if name in _REGISTRY:
            raise ValueError(f"stage {name!r} is already registered")
        _REGISTRY[name] = StageInfo(name, factory, requires, assigns)
        return factory

    return register


def registry() -> dict[str, StageInfo]:
    """Every registered stage, importing the built-in stage modules first."""
    for name in DEFAULT_STAGES:
        importlib.import_module(f"newsevents.stages.{name}")
    return dict(_REGISTRY)


@dataclass(frozen=True)
class Outcome:
    """What happened to one article: its Doc, or the error that stopped it."""

    article: Article
    doc: Doc | None
    error: NewsEventsError | None = None


class Pipeline:
    """The stages, built once from settings, applied in order to each article."""

    def __init__(self, settings: Settings, names: Iterable[str] = DEFAULT_STAGES) -> None:
        stages = registry()
        unknown = [n for n in names if n not in stages]
        if unknown:
            raise ValueError(f"unknown stage(s) {unknown}; known: {sorted(stages)}")
        self.settings = settings
        self.stages: list[tuple[str, StageFn]] = [(n, stages[n].factory(settings)) for n in names]

    def __call__(self, article: Article) -> Doc:
        doc = Doc(article=article)
        for name, fn in self.stages:
            try:
                doc = fn(doc)
            except NewsEventsError:
                raise
            except Exception as exc:
                raise StageError(name, article.origin or article.id, exc) from exc
        return doc

    def pipe(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """Process articles in order; per ``on_error`` a failure is raised or yielded."""
        for article in articles:
            try:
                yield Outcome(article, self(article))
            except NewsEventsError as exc:
                if self.settings.on_error == "raise":
                    raise
                yield Outcome(article, None, exc)
