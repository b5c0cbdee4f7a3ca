"""Stage registry and run loop: registration, unknown stages, and on_error record vs raise."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from newsevents.errors import InputError, StageError
from newsevents.pipeline import DEFAULT_STAGES, Pipeline, registry, stage
from newsevents.records import Article, Doc
from newsevents.settings import Settings

BOOM = "_test_pipeline_boom"
INPUT = "_test_pipeline_input_error"
TITLE = "_test_pipeline_title"


@stage(BOOM, requires=("parsed",))
def _make_boom(settings: Settings) -> Callable[[Doc], Doc]:
    """Fails on articles whose text mentions "boom", passes the rest through."""

    def boom(doc: Doc) -> Doc:
        if "boom" in doc.article.text:
            raise RuntimeError("kaboom")
        return doc

    return boom


@stage(INPUT)
def _make_input_error(settings: Settings) -> Callable[[Doc], Doc]:
    def fail(doc: Doc) -> Doc:
        raise InputError(doc.article.id, "unusable", "fix it")

    return fail


@stage(TITLE, assigns=("article",))
def _make_title(settings: Settings) -> Callable[[Doc], Doc]:
    return lambda doc: replace(doc, article=replace(doc.article, title="seen"))


def _article(id: str, text: str) -> Article:
    return Article(id=id, text=text, origin=f"{id}.txt")


def test_pipeline_registry_has_default_stages_in_order() -> None:
    known = registry()
    assert set(DEFAULT_STAGES) <= set(known)
    assert known["events"].requires == ("parsed",)
    assert known[BOOM].requires == ("parsed",)


def test_pipeline_duplicate_stage_name_raises() -> None:
    before = registry()[BOOM].factory
    with pytest.raises(ValueError, match="already registered"):
        stage(BOOM)(lambda settings: lambda doc: doc)
    assert registry()[BOOM].factory is before


def test_pipeline_unknown_stage_raises() -> None:
    with pytest.raises(ValueError, match="no_such_stage"):
        Pipeline(Settings(), names=("parse", "no_such_stage"))


def test_pipeline_runs_stages_in_order() -> None:
    doc = Pipeline(Settings(), names=("parse", TITLE))(_article("a", "Rebels attacked a convoy."))
    assert doc.article.title == "seen"
    assert doc.parsed is not None
    assert [s.text for s in doc.sentences] == ["Rebels attacked a convoy."]


def test_pipeline_stage_failure_wrapped_with_stage_and_article() -> None:
    pipeline = Pipeline(Settings(on_error="raise"), names=("parse", BOOM))
    with pytest.raises(StageError) as info:
        pipeline(_article("a", "A boom was heard."))
    assert info.value.stage == BOOM
    assert info.value.article == "a.txt"
    assert isinstance(info.value.cause, RuntimeError)


def test_pipeline_newsevents_error_passes_through_unwrapped() -> None:
    with pytest.raises(InputError, match="unusable"):
        Pipeline(Settings(), names=(INPUT,))(_article("a", "text"))


def test_pipeline_on_error_record_goes_on() -> None:
    pipeline = Pipeline(Settings(on_error="record"), names=("parse", BOOM))
    articles = [_article("a", "Calm day."), _article("b", "A boom."), _article("c", "Calm.")]
    outcomes = list(pipeline.pipe(articles))
    assert [o.article.id for o in outcomes] == ["a", "b", "c"]
    assert [o.doc is None for o in outcomes] == [False, True, False]
    assert isinstance(outcomes[1].error, StageError)
    assert outcomes[0].error is None


def test_pipeline_on_error_raise_stops() -> None:
    pipeline = Pipeline(Settings(on_error="raise"), names=("parse", BOOM))
    outcomes = pipeline.pipe([_article("a", "Calm day."), _article("b", "A boom.")])
    assert next(outcomes).doc is not None
    with pytest.raises(StageError):
        next(outcomes)
