"""Places: resolve the article's place names, then say where each event happened.

An event's location is, in order of preference (confidence falls at each step):

1. the place its own sentence says it happened at (:func:`sentence_place`): the location model
   (``location_model.py``) picks one of the sentence's place mentions, never the event's actor,
   or none, weighing what the attachment rules (``attachment.py``) say of each: how tightly it
   is attached to the trigger or to the verbs sharing its clause, and how specific it is;
2. if that place is coarse (a zone, border, region, admin area or country) and the article names a
   more specific place within it, that place at precision 2: ACLED coders use the most specific
   location the report supports;
3. a place the sentence puts the event near ("north of Homs"), at precision 2;
4. with no place attached, the most recent specific place up to ``place_window`` sentences back
   in the same paragraph, else the last specific place of the previous paragraph at precision 2
   (a new paragraph often turns to other scenes: reactions, statements, background);
5. else the article's most-mentioned place, at precision 3.

When the attached place is a name the gazetteer cannot resolve ("the village of Qaryat Zubayda"),
the location keeps that name's words and span as its evidence, with no GeoNames id, at the
sentence's town nearest to it ("a restaurant in the Hodan district", said of police in
Mogadishu) or else where steps 4 and 5 put it, at precision 2 or coarser.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from types import EllipsisType
from typing import Any

from newsevents.attachment import attachment_cost, figurative, relative_anchor
from newsevents.gazetteer import Entry, Gazetteer
from newsevents.geoparse import (
    contains,
    find_mentions,
    precision_of,
    resolve,
    to_place,
)
from newsevents.location_model import LocationModel, load_model
from newsevents.pipeline import stage
from newsevents.place_links import dateline_end
from newsevents.place_options import MAX_COST, Attached, Options, build_options
from newsevents.records import Doc, Event, Place, Span, overlaps
from newsevents.settings import Settings
from newsevents.syntax import sentence_of, sentence_starts, span_root, text_of
from newsevents.toponyms import SETTLEMENT_WORDS

__all__ = ["Attached", "Located", "locate", "make_places", "resolve_places", "sentence_place"]

LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "across", "into", "inside", "outside", "along", "on", "over",
     "through", "off", "around", "within", "between", "beyond", "by", "throughout"}
)  # fmt: skip
"""Prepositions that say where something happens ("from" and "to" say where it came or went)."""
DIRECTIONS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "outskirts", "suburbs", "heart", "centre", "center", "edge", "vicinity", "east-northeast",
})  # fmt: skip
"""Words after which "of" places something: "50 km north OF Baghdad"."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "expl"})
"""A place in these roles acts or owns ("Washington said", "Seoul's army"): not a location."""

IN_SENTENCE, REFINED, SAME_PARAGRAPH, PREVIOUS_PARAGRAPH, ARTICLE = 0.9, 0.75, 0.6, 0.45, 0.3
"""How much of the resolution confidence a location keeps, by how it was found (a place in
the event's sentence keeps IN_SENTENCE times the location model's probability for it)."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Located:
    """A resolved mention: the Place record and the gazetteer entry behind it."""

    place: Place
    entry: Entry
    embedded: bool = False
    """Inside another name ("Kentucky State Police"): context only, never a location."""
    acting: bool = False
    """Used as an actor or a modifier ("Israel captured…", "the Caracas mayor"): no location."""


@stage("places", requires=("parsed", "events"), assigns=("places", "events.location"))
def make_places(settings: Settings) -> Callable[[Doc], Doc]:
    gazetteer = Gazetteer.load(settings.cache_dir)
    model = load_model(settings.location_model)

    def places(doc: Doc) -> Doc:
        found = resolve_places(doc.parsed, gazetteer)
        free = _free_places(found, _argument_spans(doc.events))  # once, not once per event
        main = _article_place([p for p in free if not (p.embedded or p.acting)])
        taken = [p.place.span for p in found]  # an actor's place is no name left unresolved
        window = settings.place_window
        events = tuple(
            replace(
                e, location=locate(e, doc, free, window, main_place=main, model=model, taken=taken)
            )
            for e in doc.events
        )
        return replace(doc, places=tuple(p.place for p in found), events=events)

    return places


def resolve_places(parsed: Any, gazetteer: Gazetteer) -> list[Located]:
    """Every place mention of a parsed article, resolved, in text order."""
    if parsed is None:
        return []
    mentions = find_mentions(parsed, gazetteer)
    text = text_of(parsed)
    filed = dateline_end(text)
    located = []
    for mention, result in zip(mentions, resolve(mentions, gazetteer, text), strict=True):
        if result is not None:
            entry, confidence = result
            place = to_place(mention, entry, confidence)
            head = span_root(parsed, place.span)
            context = mention.embedded or place.span[1] <= filed
            located.append(Located(place, entry, context, _non_locational(head)))
    return located


def locate(
    event: Event,
    doc: Doc,
    found: Sequence[Located],
    window: int = 3,
    arguments: Sequence[Span] = (),
    main_place: Place | EllipsisType | None = ...,
    model: LocationModel | None = None,
    taken: Sequence[Span] = (),
) -> Place | None:
    """Where the event happened, by the preferences in the module docstring.

    ``arguments`` are spans of actors (and of recipients of verbal acts) anywhere in the article:
    "the U.S. levied sanctions" names an actor, not where anything happened. ``main_place``, the
    article's best-supported place, may be given when already known (it is the same for all
    events of an article). ``model`` picks the sentence's place (the built-in one if None).
    ``taken`` are the spans of all the article's resolved places where ``found`` leaves some
    out (the actors'), so that none of them is taken for a name the gazetteer lacks.
    """
    destination = _destination(event, found)
    if destination is not None:
        return destination
    usable = _usable(event, found, arguments)
    in_sentence = list(_within_span(usable, event.sentence.span))
    attached = sentence_place(event, doc, found, arguments, model, taken)
    if attached is not None and attached.located is not None:
        best = attached.located
        found_here = _scaled(best.place, IN_SENTENCE * attached.probability)
        return _refined(best, in_sentence, usable, event) or found_here
    near = _near(event, doc, in_sentence) if attached is None else None
    if near is not None:
        return near
    town = _nearest_town(in_sentence, attached.span) if attached is not None else None
    if attached is not None and town is not None:  # "a restaurant in the Hodan district" by
        return _unknown_at(attached, doc, _scaled(town, REFINED))  # "police in Mogadishu"
    inherited = _inherited(event, doc, usable, window)
    if inherited is None:
        inherited = _article_place(usable) if main_place is ... else main_place
    if attached is not None and inherited is not None:  # a place the gazetteer does not know
        return _unknown_at(attached, doc, inherited)
    return inherited


def _nearest_town(in_sentence: Sequence[Located], span: Span) -> Place | None:
    """The town or feature of the sentence nearest to a name the gazetteer does not know."""
    towns = [p.place for p in in_sentence if precision_of(p.entry) == 1]
    return min(towns, key=lambda p: abs(p.span[0] - span[0]), default=None)


def _unknown_at(attached: Attached, doc: Doc, fallback: Place) -> Place:
    """The name the sentence gives (a village the gazetteer lacks: "a base in Bulo Marer"),
    its words as the evidence, placed where the fallback is, with no GeoNames id and at
    precision 2 or coarser, as the geoparser places the names it cannot resolve."""
    start, end = attached.span
    return replace(
        fallback,
        text=doc.article.text[start:end],
        span=attached.span,
        geonameid=None,
        supplement_id=None,
        precision=max(2, fallback.precision),
    )


def _near(event: Event, doc: Doc, in_sentence: Sequence[Located]) -> Place | None:
    """ "shelled positions north OF HOMS": the event happened near the place, at precision 2."""
    if doc.parsed is None:
        return None
    trigger = span_root(doc.parsed, event.trigger.span)
    for p in in_sentence:
        anchor = relative_anchor(span_root(doc.parsed, p.place.span))
        cost = attachment_cost(trigger, anchor) if anchor is not None else None
        if cost is not None and cost <= MAX_COST:
            return replace(_scaled(p.place, REFINED), precision=2)
    return None


def sentence_place(
    event: Event,
    doc: Doc,
    found: Sequence[Located],
    arguments: Sequence[Span] = (),
    model: LocationModel | None = None,
    taken: Sequence[Span] = (),
) -> Attached | None:
    """The place the event's own sentence says it happened at, or None when it says none.

    Candidates are the sentence's resolved places that are no actor of the event and the place
    names the gazetteer cannot resolve (:func:`sentence_options`). The location model
    (``location_model.py``; the built-in one unless ``model`` is given) picks one of them or
    none, weighing the rules' clues: the attachment cost, the specificity, the rules' own pick.
    """
    options = sentence_options(event, doc, found, arguments, taken)
    if options is None:
        return None
    pick, probability = (model or load_model()).choose(options.features, options.none)
    return None if pick is None else replace(options.attached[pick], probability=probability)


def sentence_options(
    event: Event,
    doc: Doc,
    found: Sequence[Located],
    arguments: Sequence[Span] = (),
    taken: Sequence[Span] = (),
) -> Options | None:
    """Every candidate place of the event's sentence with its features (``place_options``),
    but for places inside other names ("Capitol Street" is not the Capitol); None where no
    place can be meant (no parse, or a verb of taking used figuratively: "captured the
    title")."""
    if doc.parsed is None:
        return None
    trigger = span_root(doc.parsed, event.trigger.span)
    if figurative(trigger):
        return None
    free = _free_places(found, arguments) if arguments else list(found)
    free = [p for p in free if not p.embedded]
    mine = _without_own_arguments(free, event)
    resolved = _within_span(mine, event.sentence.span)
    resolved_spans = list(taken) if taken else [p.place.span for p in found]
    return build_options(trigger, resolved, doc.parsed, event.sentence.span, resolved_spans)


def _usable(event: Event, found: Sequence[Located], arguments: Sequence[Span]) -> list[Located]:
    free = _free_places(found, arguments) if arguments else found
    return _without_own_arguments([p for p in free if not (p.embedded or p.acting)], event)


def _without_own_arguments(places: list[Located], event: Event) -> list[Located]:
    """Drop the event's own actor (and verbal recipient): they lie in its sentence only."""
    lo, hi = _bounds(places, event.sentence.span)
    kept = [p for p in places[lo:hi] if not _is_argument(p.place.span, event)]
    return places[:lo] + kept + places[hi:]


def _bounds(places: Sequence[Located], span: Span) -> tuple[int, int]:
    lo = bisect_left(places, span[0], key=lambda p: p.place.span[0])
    return lo, bisect_left(places, span[1], key=lambda p: p.place.span[0])


def _within_span(places: Sequence[Located], span: Span) -> Sequence[Located]:
    """Places inside ``span``, by bisection (places are in text order)."""
    lo, hi = _bounds(places, span)
    return [p for p in places[lo:hi] if p.place.span[1] <= span[1]]


def _free_places(found: Sequence[Located], arguments: Sequence[Span]) -> list[Located]:
    """Places that are no actor (nor recipient of a verbal act) anywhere in the article.

    The argument spans are merged and searched by bisection: a long article has thousands of
    both, and testing every pair made the stage quadratic."""
    merged: list[list[int]] = []
    for start, end in sorted(arguments):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [m[0] for m in merged]
    free = []
    for p in found:
        k = bisect_left(starts, p.place.span[1]) - 1  # last argument starting before the end
        if k < 0 or merged[k][1] <= p.place.span[0]:
            free.append(p)
    return free


def _argument_spans(events: Sequence[Event]) -> list[Span]:
    spans = [e.actor.span for e in events if e.actor is not None]
    spans += [
        e.recipient.span
        for e in events
        if e.recipient is not None and e.type not in MATERIAL and e.mode != "visit"
    ]
    return spans


def _destination(event: Event, found: Sequence[Located]) -> Place | None:
    """A visit happens where it goes: "a tour with stops in Vietnam" is located in Vietnam."""
    if event.mode != "visit" or event.recipient is None:
        return None
    for p in found:
        if not p.embedded and overlaps(p.place.span, event.recipient.span):
            return _scaled(p.place, IN_SENTENCE)
    return None


def _is_argument(span: Span, event: Event) -> bool:
    """The event's actor is never its place; its recipient only when the act is material."""
    arguments = [event.actor] + ([event.recipient] if event.type not in MATERIAL else [])
    return any(a is not None and overlaps(span, a.span) for a in arguments)


MATERIAL = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "AID", "RETREAT"})
"""Acts done to a place ("shelled Juba"): their recipient may be where they happened."""


def _non_locational(head: Any) -> bool:
    """A place that acts or owns ("Israel captured…", "Seoul's army") or qualifies a person or
    thing ("the Caracas mayor", "a U.S. helicopter") does not say where anything happened."""
    if _names_its_area(head):
        return False
    if head.dep_ in SUBJECT_DEPS:
        return True
    return head.dep_ in ("compound", "amod", "nmod") and not _locative(head)


def _names_its_area(head: Any) -> bool:
    """A place that names or holds the kind of place its word says: "floods hit SWAT and
    Chitral districts", "gunmen raided BENUE's Guma local government area" (no modifier of a
    thing, nor an owner of one). Not before a word of a facility's name ("Eva's Village"), of
    a member ("a US state", "EU states") or of a line between two places ("the Mexico
    border")."""
    word = head.head
    return (
        head.dep_ in ("compound", "amod", "nmod", "poss")
        and word.pos_ == "NOUN"
        and word.lemma_.lower() in AREA_KINDS
    )


AREA_KINDS = SETTLEMENT_WORDS - {"state", "border", "crossing"}
"""Words of a kind of place a name before them names or holds (:func:`_names_its_area`)."""


def _locative(place: Any) -> bool:
    """ "in Goma", "north of Bunia", "the Baghdad headquarters" (in a place phrase)."""
    if place.dep_ == "compound":
        place = place.head  # "outside the BAGHDAD headquarters": the phrase is the place
    if place.dep_ != "pobj":
        return False
    prep = place.head
    if prep.lower_ in LOCATIVE_PREPS:
        return True
    return bool(prep.lower_ == "of" and prep.head.lower_ in DIRECTIONS)


def _refined(
    best: Located, in_sentence: Sequence[Located], usable: Sequence[Located], event: Event
) -> Place | None:
    """A more specific place the article names inside the sentence's coarse ones, at precision 2.

    Only when the sentence names no specific place; the attached place's insiders come first.
    """
    if any(precision_of(p.entry) == 1 for p in in_sentence):
        return None
    specific = [p for p in usable if precision_of(p.entry) == 1]
    for outer in [best, *in_sentence]:
        inside = [p for p in specific if contains(outer.entry, p.entry)]
        if inside:
            nearest = min(inside, key=lambda p: abs(p.place.span[0] - event.trigger.span[0]))
            return replace(_scaled(nearest.place, REFINED), precision=2)
    return None


def _scaled(place: Place, factor: float) -> Place:
    return replace(place, confidence=round(place.confidence * factor, 3))


def _inherited(event: Event, doc: Doc, usable: Sequence[Located], window: int) -> Place | None:
    """The most recent specific place before the event, in its paragraph or the previous one."""
    start = event.sentence.span[0]
    paragraphs = _paragraphs(doc.article.text)
    current = max(0, bisect_right([a for a, _ in paragraphs], start) - 1)
    earliest = _sentences_back(doc, start, window)
    para_start = paragraphs[current][0] if paragraphs else 0
    back = _within_span(usable, (max(earliest, para_start), start))
    earlier = [p for p in back if precision_of(p.entry) == 1]
    if earlier:
        return _scaled(earlier[-1].place, SAME_PARAGRAPH)
    if current > 0:
        prev = paragraphs[current - 1]
        last = [p for p in _within_span(usable, prev) if precision_of(p.entry) == 1]
        if last:
            place = _scaled(last[-1].place, PREVIOUS_PARAGRAPH)
            return replace(place, precision=max(2, place.precision))  # a new paragraph's events
    return None


def _sentences_back(doc: Doc, start: int, window: int) -> int:
    """Character offset of the sentence ``window`` sentences before the one at ``start``."""
    if doc.parsed is None or window <= 0:
        return 0
    here = sentence_of(doc.parsed.char_span(start, start + 1, alignment_mode="expand"))
    starts = sentence_starts(doc.parsed)
    k = bisect_right(starts, here.start) - 1
    return int(doc.parsed[starts[max(0, k - window)]].idx)


@lru_cache(maxsize=16)
def _paragraphs(text: str) -> list[Span]:
    spans, start = [], 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return spans


def _article_place(usable: Sequence[Located]) -> Place | None:
    """The place the article names most often (first mention on ties), at precision 3."""
    if not usable:
        return None
    counts = Counter(p.entry.id for p in usable)
    top = max(usable, key=lambda p: (counts[p.entry.id], -p.place.span[0]))
    return replace(_scaled(top.place, ARTICLE), precision=3)
