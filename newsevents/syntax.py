"""Small helpers over spaCy dependency trees, shared by the stages.

spaCy tokens are untyped here (``Any``): spaCy ships no type stubs we can rely on.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import Any

__all__ = [
    "conjuncts",
    "effective_head",
    "entities_in",
    "governing_verb",
    "is_passive",
    "phrase_bounds",
    "prep_objects",
    "sentence_of",
    "sentence_starts",
    "span_root",
    "subject",
    "text_of",
]

Token = Any

# Dependents that start a new idea: they are not part of the phrase of their head.
_PHRASE_STOP = {
    "conj",
    "cc",
    "appos",
    "relcl",
    "acl",
    "advcl",
    "punct",
    "prep",
    "preconj",
    "parataxis",
    "ccomp",
    "xcomp",
    "dep",
}


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token index range ``[start, end)`` of the noun phrase headed by ``head``.

    Keeps determiners, modifiers, compounds, possessives and "of" complements ("Ministry of
    Defense official"); leaves out conjuncts, clauses, appositions and other prepositions, and
    the possessive ending of a phrase that is itself a possessor ("CHINA's ban").
    """
    ending = {c.i for c in head.children if c.dep_ == "case"} if head.dep_ == "poss" else set()
    indices = [i for i in _phrase_tokens(head) if i not in ending]
    return min(indices), max(indices) + 1


def _phrase_tokens(tok: Token) -> Iterator[int]:
    yield tok.i
    for child in tok.children:
        keep_of = child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ in ("NOUN", "PROPN")
        if child.dep_ in _PHRASE_STOP and not keep_of:
            continue
        if child.dep_ == "det" and child.lower_ in ("both", "either", "neither"):
            continue
        yield from _phrase_tokens(child)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the tokens coordinated with it ("the U.S. and the United Nations")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def is_passive(verb: Token) -> bool:
    """True for a passive verb: "was shot", "to be levied", "a round fired by"."""
    deps = {c.dep_ for c in verb.children}
    if "auxpass" in deps or "agent" in deps:
        return True
    return bool(verb.dep_ == "acl" and verb.tag_ == "VBN")


def subject(verb: Token) -> Token | None:
    """The grammatical subject of ``verb`` (active or passive), if it has one; through a
    participle the parser took for the subject ("the Red Cross OPERATING in Iraq said")."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
            if child.dep_ == "expl":
                return None
            inner = child.pos_ == "VERB" and child.tag_ == "VBG" and child.dep_ == "nsubj"
            return next((c for c in child.children if c.dep_ == "nsubj"), child) if inner else child
    return None


def prep_objects(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> Iterator[Token]:
    """Objects of the prepositions in ``preps`` attached to ``tok`` ("sanctions ON the nation")."""
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj


def governing_verb(tok: Token) -> Token | None:
    """The verb a noun depends on ("imposed" for "imposed SANCTIONS"), across "of" chains."""
    cur = tok
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if cur.dep_ not in ("pobj", "prep", "compound"):
            return None
        cur = head
    return None


def effective_head(tok: Token) -> Token:
    """The head a word really depends on, mending one common parser slip: a finite verb
    coordinated with an infinitive ("urged China to stop and WARNED of consequences") belongs
    with the verb above the infinitive."""
    head = tok.head
    finite = tok.tag_ in ("VBD", "VBZ", "VBP")
    if tok.dep_ == "conj" and finite and head.tag_ == "VB" and head.dep_ == "xcomp":
        return head.head
    return head


_SENTENCES = "newsevents.sentences"


def sentence_starts(doc: Any) -> list[int]:
    """Token index of each sentence's first token, computed once per document."""
    bounds = doc.user_data.get(_SENTENCES)
    if bounds is None:
        sents = list(doc.sents)
        bounds = ([s.start for s in sents], [s.end for s in sents])
        doc.user_data[_SENTENCES] = bounds
    return list(bounds[0])


def sentence_of(tok: Any) -> Any:
    """The sentence (a Span) holding a token or span, found by bisection.

    spaCy's own ``Token.sent`` walks the document's sentences on every call, which makes any
    per-event use of it quadratic in the length of the article."""
    doc = tok.doc
    sentence_starts(doc)
    starts, ends = doc.user_data[_SENTENCES]
    k = max(0, bisect_right(starts, tok.i if hasattr(tok, "i") else tok.start) - 1)
    return doc[starts[k] : ends[k]]


_TEXT = "newsevents.text"


def text_of(doc: Any) -> str:
    """The document's text, built once: spaCy's ``Doc.text`` joins every token on each call.
    The parse stage hands over the text it parsed (:func:`remember_text`), which is the same."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def remember_text(doc: Any, text: str) -> None:
    """Record the text ``doc`` was parsed from, which spaCy keeps exactly (``doc.text == text``),
    so that :func:`text_of` need not join the tokens again."""
    doc.user_data[_TEXT] = text


_ENTS = "newsevents.ents"


def entities_in(span: Any) -> list[Any]:
    """Named entities inside a span, by bisection over the document's entities, which are
    listed once per document (spaCy's ``Span.ents`` rebuilds the whole list on every call)."""
    doc = span.doc
    cached = doc.user_data.get(_ENTS)
    if cached is None:
        ents = list(doc.ents)
        cached = doc.user_data[_ENTS] = (ents, [e.start for e in ents])
    ents, starts = cached
    found = []
    for ent in ents[bisect_left(starts, span.start) :]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            found.append(ent)
    return found


def span_root(doc: Any, span: tuple[int, int]) -> Any:
    """The syntactic root of the tokens covering the character span ``span``."""
    return doc.char_span(span[0], span[1], alignment_mode="expand").root
