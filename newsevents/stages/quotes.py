"""Quotes: direct quotations and who said them.

A quotation is text between matching quotation marks (curly or straight) of at least a few words.
Its speaker is the subject of the reporting verb ("said", "told", "added") in the sentence that
closes the quotation, or, for "X said: “…”", in the sentence that opens it. The speaker phrase is
resolved like any actor, so "the official added" takes the country of the official named before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from newsevents.gazetteer import Gazetteer
from newsevents.modality import REPORTING_VERBS
from newsevents.pipeline import stage
from newsevents.records import Actor, Doc, Quote
from newsevents.settings import Settings
from newsevents.stages.actors import ActorLexicon, make_context, resolve_actor
from newsevents.syntax import phrase_bounds, sentence_of, text_of

__all__ = ["find_quotes", "make_quotes"]

Token = Any
MIN_WORDS = 4
QUOTE_RE = re.compile(r"“([^”]{8,}?)”|\"([^\"\n]{8,}?)\"")
SPEECH_VERBS = REPORTING_VERBS | {"ask", "warn", "reply", "respond", "stress", "argue", "admit"}


@stage("quotes", requires=("parsed",), assigns=("quotes",))
def make_quotes(settings: Settings) -> Callable[[Doc], Doc]:
    lexicon = ActorLexicon.load(settings.model)
    gazetteer = Gazetteer.load(settings.cache_dir)

    def quotes(doc: Doc) -> Doc:
        found = list(find_quotes(doc.parsed))
        if not found:
            return doc
        ctx = make_context(lexicon, doc, gazetteer)
        resolved = [
            replace(q, speaker=resolve_actor(lexicon, ctx, q.speaker) if q.speaker else None)
            for q in found
        ]
        return replace(doc, quotes=tuple(resolved))

    return quotes


def find_quotes(parsed: Any) -> Iterator[Quote]:
    """Quotations in text order, each with its (unresolved) speaker phrase."""
    text = text_of(parsed)
    for m in QUOTE_RE.finditer(text):
        group = 1 if m.group(1) is not None else 2
        body = m.group(group).strip().rstrip(",;:").rstrip()
        if len(body.split()) < MIN_WORDS:
            continue
        start = m.start(group) + (len(m.group(group)) - len(m.group(group).lstrip()))
        span = (start, start + len(body))
        yield Quote(text=body, span=span, speaker=_speaker(parsed, m.start(), m.end()))


def _speaker(parsed: Any, start: int, end: int) -> Actor | None:
    """Subject of the reporting verb just after the quotation, else just before it."""
    closing = sentence_of(parsed[_token_at(parsed, end - 1)])
    opening = sentence_of(parsed[_token_at(parsed, start)])
    after = (t for t in closing if t.idx >= end)
    before = (t for t in reversed(list(opening)) if t.idx < start)
    for tokens in (after, before):
        subj = _reporting_subject(tokens)
        if subj is not None:
            lo, hi = phrase_bounds(subj)
            words = parsed[lo:hi]
            return Actor(text=words.text, span=(words.start_char, words.end_char))
    return None


def _reporting_subject(tokens: Iterator[Token]) -> Token | None:
    """Subject of the first speech verb among ``tokens`` that has one."""
    for verb in tokens:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in SPEECH_VERBS:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None:
                return subj
    return None


def _token_at(parsed: Any, char: int) -> int:
    """Index of the token at (or just after) character offset ``char``."""
    char = min(max(char, 0), len(text_of(parsed)) - 1)
    span = parsed.char_span(char, char + 1, alignment_mode="expand")
    return int(span.start) if span is not None else len(parsed) - 1
