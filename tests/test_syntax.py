"""Dependency-tree helpers and the per-document caches that keep stages linear."""

from __future__ import annotations

from collections.abc import Callable

from newsevents.records import Doc
from newsevents.syntax import entities_in, sentence_of, sentence_starts, subject, text_of

TEXT = (
    "Rebels attacked Goma on Monday. Police arrested ten men in Nairobi. Talks resumed in Geneva."
)


def test_syntax_sentence_of_matches_spacy(make_doc: Callable[..., Doc]) -> None:
    parsed = make_doc(TEXT).parsed
    for tok in parsed:
        assert (sentence_of(tok).start, sentence_of(tok).end) == (tok.sent.start, tok.sent.end)
    assert sentence_starts(parsed) == [s.start for s in parsed.sents]


def test_syntax_entities_in_matches_spacy(make_doc: Callable[..., Doc]) -> None:
    parsed = make_doc(TEXT).parsed
    for sent in parsed.sents:
        assert [e.text for e in entities_in(sent)] == [e.text for e in sent.ents]


def test_syntax_text_of_is_the_document_text(make_doc: Callable[..., Doc]) -> None:
    parsed = make_doc(TEXT).parsed
    assert text_of(parsed) == parsed.text == TEXT


def test_syntax_subject_through_a_participle_taken_for_the_subject(
    make_doc: Callable[..., Doc],
) -> None:
    parsed = make_doc("The Red Cross operating in Iraq said the roads were closed.").parsed
    said = next(t for t in parsed if t.lower_ == "said")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["operating"]  # the slip
    found = subject(said)
    assert found is not None and found.text == "Cross"
