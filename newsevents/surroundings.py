"""Where an actor phrase without a name of its own finds its country: the article's names,
found once, and what surrounds the phrase (a place the sentence locates something in, a town
named there, a country qualifying something else, the country the article is most about).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newsevents.gazetteer import Gazetteer
from newsevents.names import ActorLexicon, Mention
from newsevents.records import Doc
from newsevents.stages.parse import token_span
from newsevents.syntax import entities_in, sentence_of

__all__ = [
    "STATE_SECTORS",
    "ActorContext",
    "complement_mention",
    "country_around",
    "located",
    "make_context",
    "nearest_in_sentence",
    "place_country",
]

Token = Any
LOCATIVE_PREPS = {"in", "at", "from", "of", "near", "inside", "across", "throughout"}
_CONTEXT = "newsevents.actor_context"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
COMPLEMENT_PREPS = {"for", "of", "from", "belonging", "with"}
SETTLEMENTS = {"town", "city", "village", "province", "region", "district", "county", "port"}
TOWN_LABELS = {"GPE", "LOC", "FAC", "NORP"}
COUNTRY_KINDS = {"country", "capital", "demonym", "region"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}


@dataclass(frozen=True)
class ActorContext:
    """Per-article facts used to resolve phrases: the names found, in text order."""

    parsed: Any
    mentions: tuple[Mention, ...]
    year: int | None
    starts: tuple[int, ...] = ()
    """Token index where each mention starts, for bisection."""
    country_counts: Counter[str] = field(default_factory=Counter)
    """How often the article names each country (by name, capital or demonym)."""
    gazetteer: Gazetteer | None = None
    """For the country of a town named beside a group ("police in Lagos"); None to skip."""

    def between(self, start: int, end: int) -> tuple[Mention, ...]:
        """Mentions starting in token range [start, end), by bisection: long articles have many."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def make_context(
    lexicon: ActorLexicon, doc: Doc, gazetteer: Gazetteer | None = None
) -> ActorContext:
    """The names of an article, found once: the actors and quotes stages both need them."""
    cached = doc.parsed.user_data.get(_CONTEXT)
    published = doc.article.published
    year = published.year if isinstance(published, dt.date) else None
    if isinstance(cached, ActorContext) and (cached.gazetteer, cached.year) == (gazetteer, year):
        return cached
    context = _new_context(lexicon, doc, gazetteer)
    doc.parsed.user_data[_CONTEXT] = context
    return context


def _new_context(lexicon: ActorLexicon, doc: Doc, gazetteer: Gazetteer | None) -> ActorContext:
    published = doc.article.published
    year = published.year if isinstance(published, dt.date) else None
    mentions = tuple(lexicon.mentions(doc.parsed))
    counts = Counter(
        m.name.country for m in mentions if m.name.kind in ("country", "capital", "demonym")
    )
    starts = tuple(m.start for m in mentions)
    return ActorContext(doc.parsed, mentions, year, starts, counts, gazetteer)


def complement_mention(ctx: ActorContext, head: Token) -> Mention | None:
    """The first country, organisation or group named in a noun's own prepositional
    complements ("a camp for Congolese refugees"), clauses left out."""
    if head.pos_ != "NOUN":
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in COMPLEMENT_PREPS:
            continue
        start, end = prep.left_edge.i, prep.right_edge.i + 1
        found = [m for m in ctx.between(start, end) if m.name.kind != "person"]
        if found:
            return found[0]
    return None


def place_country(ctx: ActorContext, span: Any) -> str | None:
    """Country of a place the phrase names that the lexicon does not ("the town of Cizre"),
    from the gazetteer: a place entity, or a name after "the town of" whatever the parser
    took it for."""
    if ctx.gazetteer is None:
        return None
    names = [e.text for e in entities_in(span) if e.label_ in PLACE_LABELS]
    names += [_compound_text(t) for t in span if _settlement_name(t)]
    for name in names:
        found = [c for c in ctx.gazetteer.candidates(name) if c.country]
        if found:
            return _likeliest(ctx, found)
    return None


def _likeliest(ctx: ActorContext, found: list[Any]) -> str | None:
    """The country of the likeliest place of a name: one in a country the article names
    ("Tripoli" beside "Lebanese"), else the most populous."""
    best = max(found, key=lambda c: (ctx.country_counts[c.country] > 0, c.population))
    return str(best.country) if best.country else None


def _settlement_name(tok: Token) -> bool:
    """ "the town OF CIZRE": a proper name hanging on a settlement noun through "of"."""
    prep = tok.head
    named = tok.pos_ == "PROPN" and tok.dep_ == "pobj" and prep.lower_ == "of"
    return named and prep.head.lemma_.lower() in SETTLEMENTS


def _compound_text(tok: Token) -> str:
    parts = [c for c in tok.lefts if c.dep_ == "compound"]
    return " ".join(t.text for t in [*parts, tok])


def country_around(
    ctx: ActorContext,
    span: Any,
    sector: str | None,
    beside: tuple[int, int] | None = None,
    agent: bool = True,
) -> str | None:
    """Country of a phrase named without one, from what surrounds it, nearest first:
    a country or capital the sentence locates something in, then a town there ("police in
    Abidjan"); for a person or group (``agent``) then any other country the sentence names
    outside the other side's words, then, for state agents only ("the army"), the country the
    article is most about."""
    named = nearest_in_sentence(ctx, span, beside)
    if named is not None:
        return named.name.country
    town = _town_country(ctx, span)
    if town is not None or not agent:
        return town
    other = nearest_in_sentence(ctx, span, beside, standalone=False)
    if other is not None or sector not in STATE_SECTORS:
        return other.name.country if other is not None else None
    return _dominant_country(ctx, sentence_of(span))


def _town_country(ctx: ActorContext, span: Any) -> str | None:
    """Country of the most populous place a located name of the sentence ("in Lagos") may be;
    the parser's label may be off ("the town of SAMARRA" tagged as a nationality)."""
    gazetteer = ctx.gazetteer
    if gazetteer is None:
        return None
    for ent in entities_in(sentence_of(span)):
        overlaps = ent.start < span.end and span.start < ent.end
        if ent.label_ not in TOWN_LABELS or not located(ent.root) or overlaps:
            continue
        if any(m.name.kind == "demonym" for m in ctx.between(ent.start, ent.end)):
            continue  # "the welfare of LIBYANS" is a people, not a town
        found = [c for c in gazetteer.candidates(ent.text) if c.country]
        if found:
            return _likeliest(ctx, found)
    return None


def _dominant_country(ctx: ActorContext, sent: Any) -> str | None:
    """The country the rest of the article names most (never the sentence's own co-actors)."""
    inside = Counter(
        m.name.country
        for m in ctx.between(sent.start, sent.end)
        if m.name.kind in ("country", "capital", "demonym")
    )
    counts = ctx.country_counts - inside
    return counts.most_common(1)[0][0] if counts else None


def nearest_in_sentence(
    ctx: ActorContext, span: Any, beside: tuple[int, int] | None = None, standalone: bool = True
) -> Mention | None:
    """ "Police arrested protesters in Nairobi": a group's country from the names around it,
    never from the other side's own words ("urged CHINA", "CHINESE officials"); a name deep
    inside the other side may be shared ("control of the NIGERIAN ministry")."""
    sent = sentence_of(span)
    other = token_span(ctx.parsed, beside).root if beside is not None else None
    around = [
        m
        for m in ctx.between(sent.start, sent.end)
        if (_standalone_place(ctx.parsed, m) if standalone else _context_country(ctx.parsed, m))
        and not _held_by(ctx.parsed[m.end - 1], other)
    ]
    if not around:
        return None
    return min(around, key=lambda m: min(abs(m.start - span.end), abs(span.start - m.end)))


def _held_by(tok: Token, other: Token | None) -> bool:
    """Whether a name is the other side itself or a word of its head ("CHINESE officials")."""
    return other is not None and other.i in (tok.i, tok.head.i)


def _context_country(parsed: Any, m: Mention) -> bool:
    """A country that qualifies something else ("the NIGERIAN Interior Ministry", "ALGERIA'S
    president"), which a phrase without a country may share; a country that is itself a
    party ("urged CHINA", "sanctions against NIGERIA") is the other side, not context."""
    last = parsed[m.end - 1]
    return m.name.kind in COUNTRY_KINDS and last.dep_ in ("amod", "compound", "nmod", "poss")


def _standalone_place(parsed: Any, m: Mention) -> bool:
    """ "police IN NAIROBI" can locate a group; "Syrian" in "Syrian rebels" belongs to the
    rebels, and "urged CHINA" names the other side, not where the speaker is from."""
    last = parsed[m.end - 1]
    return m.name.kind in ("country", "capital") and (located(last) or last.dep_ == "poss")


def located(tok: Token) -> bool:
    """Object of "in", "at", "from"… directly or through an apposition ("in the capital
    TRIPOLI")."""
    for _ in range(3):
        if tok.dep_ == "pobj":
            return bool(tok.head.lower_ in LOCATIVE_PREPS)
        if tok.dep_ not in ("appos", "compound") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
