"""The candidate places of an event's sentence: what the attachment rules say of each, the
rules' own pick, and the location model's features for each and for "none".

Candidates are the sentence's resolved places (chosen by the places stage: no actor of the
event) and the names the gazetteer cannot resolve (:func:`_unknown_names`). For each, the rules
give an attachment cost (``attachment.attachment_cost``; None where they cut the path) and a
specificity level (:func:`_level`); the rules' pick (:func:`rule_place`) weighs the two; the
location model (``location_model.py``) takes all of them as clues.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsevents.attachment import PLACE_NOUNS, attachment_cost, framing_level
from newsevents.gazetteer import normalize
from newsevents.geoparse import precision_of
from newsevents.location_model import OptionFacts, none_features, option_features
from newsevents.records import Span, overlaps
from newsevents.syntax import entities_in, span_root, text_of
from newsevents.toponyms import PLACE_LABELS, group_names, mistaken_date

if TYPE_CHECKING:
    from newsevents.stages.places import Located

__all__ = ["MAX_COST", "Attached", "Options", "build_options", "rule_place"]


@dataclass(frozen=True)
class Attached:
    """The place mention an event's sentence attaches to it."""

    span: Span
    located: Located | None
    """None for a name the parser tagged as a place but the gazetteer does not know."""
    cost: float | None
    """How loosely the rules attach it to the event (``attachment_cost``); None where they
    cut the path."""
    facility: bool = False
    """An unknown name the tagger calls a building or facility ("the Heart Hospital")."""
    known: bool = True
    """False for an unknown name the tagger does not call a place either (a person's or
    organisation's name the syntax frames as a place)."""
    level: int = 0
    """How specific a kind of place it is, 0 (a town) to 4 (a country): :func:`_level`."""
    probability: float = 1.0
    """The location model's probability that this is where the event happened."""


@dataclass(frozen=True)
class Options:
    """The candidate places of an event's sentence and the model's features for each and for
    "none" (the sentence says nowhere)."""

    attached: list[Attached]
    features: list[list[str]]
    none: list[str]
    rule: Attached | None = None
    """The attachment rules' own pick (:func:`rule_place`), one of the model's clues."""


def build_options(
    trigger: Any,
    resolved: Sequence[Located],
    parsed: Any,
    sentence: Span,
    taken: Sequence[Span],
) -> Options:
    """The options of the sentence ``sentence``: its ``resolved`` places and the names in it
    that overlap no resolved place of the article (``taken``), with their features."""
    text = text_of(parsed)
    options = [
        _option(trigger, p.place.span, p, parsed)
        for p in resolved
        if not _reference_point(text, p.place.span)
    ]
    for span, known, facility in _sentence_names(parsed, sentence, tuple(taken)):
        if not _reference_point(text, span):
            options.append(_option(trigger, span, None, parsed, known, facility))
    rule = rule_place(options, trigger)
    facts = [_facts(o, o is rule, parsed) for o in options]
    features = [option_features(trigger, f, len(facts)) for f in facts]
    return Options(options, features, none_features(trigger, facts), rule)


_MEASURED_FROM = re.compile(
    r"\b(?:km|kilometres|kilometers|miles|mi)\b(?:\s*\([^)]{0,30}\))?"
    r"\s+(?:north|south|east|west|northeast|northwest|southeast|southwest|"
    r"north-east|north-west|south-east|south-west)(?:ern)?\s+of\s+(?:the\s+)?$",
    re.I,
)


def _reference_point(text: str, span: Span) -> bool:
    """Whether a place is only the point a distance is measured from ("20 km north of HOMS",
    "70 kilometers (45 miles) northeast of BAGHDAD"): the event-location data's coders give
    it as the location in 6 of 185 such sentences, another place or none in the rest."""
    return _MEASURED_FROM.search(text, max(0, span[0] - 80), span[0]) is not None


def rule_place(options: Sequence[Attached], trigger: Any) -> Attached | None:
    """The rules' pick: of the options attached tightly enough, the best by :func:`_rank`, then
    the tighter attached, then a resolved one, then the nearer."""
    kept = [o for o in options if o.cost is not None and o.cost <= _max_cost(o)]
    return min(
        kept,
        key=lambda o: (_rank(o), o.cost or 0.0, o.located is not None, _distance(o, trigger)),
        default=None,
    )


def _facts(option: Attached, rule: bool, parsed: Any) -> OptionFacts:
    span = parsed.char_span(option.span[0], option.span[1], alignment_mode="expand")
    entry = option.located.entry if option.located is not None else None
    return OptionFacts(
        head=span.root,
        cost=option.cost,
        level=option.level,
        feature=entry.feature if entry is not None else "unknown",
        label=span.root.ent_type_,
        rule=rule,
        known=option.known,
        facility=option.facility,
        tokens=len(span),
        upper=span.text.isupper(),
        before=_word(parsed, span.start - 1),
        after=_word(parsed, span.end),
    )


def _word(parsed: Any, i: int) -> str:
    """The word at ``i`` lowercased; "" for a proper noun (names tell nothing general) or
    outside the text."""
    if not 0 <= i < len(parsed) or parsed[i].pos_ == "PROPN":
        return ""
    return str(parsed[i].lower_)


MAX_COST, MAX_COUNTRY_COST = 3.0, 0.95
"""Attachment costs above these are too loose to say where the event happened."""
LEVEL_PER_COST = 2
"""How many levels of specificity one unit of attachment cost outweighs: a town two steps
further from the trigger than a province ("killed in the province's town of X") still wins,
a town across a clause boundary does not."""


def _rank(option: Attached) -> int:
    """Specificity and attachment in one score, lower better: coders pick the most specific
    place the sentence attaches to the event, unless a coarser one is much closer to it."""
    return round(LEVEL_PER_COST * (option.cost or 0.0) + option.level)


def _option(
    trigger: Any,
    span: Span,
    located: Located | None,
    parsed: Any,
    known: bool = True,
    facility: bool = False,
) -> Attached:
    cost = attachment_cost(trigger, span_root(parsed, span), known)
    option = Attached(span, located, cost, facility=facility, known=known)
    return replace(option, level=_level(option, parsed))


def _max_cost(option: Attached) -> float:
    """Countries count only when tightly attached: the data's coders leave out a loose "in
    Syria" far more often than they keep it."""
    wide = option.located is not None and option.located.entry.feature == "country"
    return MAX_COUNTRY_COST if wide else MAX_COST


def _level(option: Attached, parsed: Any) -> int:
    """How specific a kind of place is: towns and place names the gazetteer does not know
    (mostly villages and neighbourhoods) first, then facilities and other names framed as
    places ("outside Al-Midan Theater in HAIFA"), zones and regions, provinces, and countries
    last. Coders pick the most specific place the sentence attaches to the event.
    A name the text frames as a town ("the West Bank city OF NABLUS") is a town, whatever
    the gazetteer resolved it to."""
    framed = framing_level(span_root(parsed, option.span))
    if framed is not None:
        return framed
    if option.located is None:
        return 0 if option.known and not option.facility else 1
    entry = option.located.entry
    if entry.feature == "country":
        return 4
    return {1: 0, 2: 2}.get(precision_of(entry), 3)


def _distance(option: Attached, trigger: Any) -> int:
    return abs(option.span[0] - int(trigger.idx))


NOT_NAMES = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "NORP", "EVENT"}
)
"""Entities that are never a place name ("the 1967 war", "New Year's Eve")."""


NAMES_KEPT = 16
"""Sentences whose names :func:`_sentence_names` remembers: the events of an article are
located one after the other, and a few sentences keep no more than a few articles alive."""


@lru_cache(maxsize=NAMES_KEPT)
def _sentence_names(
    parsed: Any, sentence: Span, taken: tuple[Span, ...]
) -> tuple[tuple[Span, bool, bool], ...]:
    """:func:`_unknown_names`, remembered: the events of one sentence share them."""
    return tuple(_unknown_names(parsed, sentence, taken))


def _unknown_names(
    parsed: Any, sentence: Span, taken: Sequence[Span]
) -> list[tuple[Span, bool, bool]]:
    """Names in the sentence that overlap no resolved place, each with whether the tagger
    calls it a place (GPE, LOC, FAC, or an organisation named after a facility: "the Heart
    Hospital"). Others, persons and untagged proper nouns, count only where framed as places."""
    window = parsed.char_span(sentence[0], sentence[1], alignment_mode="expand")
    found = []
    covered: set[int] = set()
    for ent in entities_in(window):
        covered.update(range(ent.start, ent.end))
        if ent.label_ not in NOT_NAMES or mistaken_date(ent):
            facility = ent.label_ == "FAC" or _facility(ent)
            found.append((ent, ent.label_ in PLACE_LABELS or facility, facility))
    for tok in window:
        if tok.pos_ == "PROPN" and tok.i not in covered and tok.head.pos_ != "PROPN":
            found.append((parsed[_name_start(tok, window.start) : tok.i + 1], False, False))
    spans = []
    for name, known, facility in found:
        span = _without_article(name)
        written = text_of(parsed)[span[0] : span[1]] if span else ""
        if (
            span
            and _capitalised(written)
            and normalize(written) not in group_names()  # "Human Rights Watch", "Hamas"
            and not any(overlaps(span, t) for t in taken)
        ):
            spans.append((span, known, facility))
    return spans


def _capitalised(name: str) -> bool:
    """Names have a capital ("al-Rai"); a tagger's lowercase "entity" ("jihadist control",
    "the eastern bank") is no name."""
    return any(c.isupper() for c in name)


def _facility(ent: Any) -> bool:
    return bool(ent.label_ == "ORG" and ent.root.lemma_.lower() in PLACE_NOUNS)


def _name_start(tok: Any, floor: int) -> int:
    """First token of the proper-noun run that ends at ``tok`` ("Sheikh Sa'eed")."""
    start = int(tok.i)
    while start > floor and tok.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return start


def _without_article(ent: Any) -> Span | None:
    tokens = [t for t in ent if not (t.is_punct or t.tag_ == "POS")]
    if tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    if not tokens:
        return None
    return int(tokens[0].idx), int(tokens[-1].idx + len(tokens[-1].text))
