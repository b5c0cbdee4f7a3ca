"""Actors: give each actor phrase a country (ISO-3166 alpha-3, IGO, NGO, IMG), a sector and
a name.

The phrase's own names decide first (``names.py``: countries, demonyms, capitals as metonyms,
organisations, armed groups, regions, office-holders in their terms), then an apposition
("Kenzo Oshima, the UN coordinator"); pronouns and definite descriptions ("his own troops",
"the nation", "the defector", "him") take the country of the nearest earlier mention that fits;
a place goes to the gazetteer; a person or group named without a country borrows one from its
surroundings (``surroundings.py``), never the other side's. Countries are coded as of the
article's date (South Sudan before 2011 is Sudan).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from newsevents.acled import acled_for
from newsevents.arguments import EVENT_NOUNS
from newsevents.gazetteer import Gazetteer
from newsevents.names import MAX_NAME, ActorLexicon, Mention, Name, as_of
from newsevents.pipeline import stage
from newsevents.records import Actor, Doc, Event
from newsevents.settings import Settings
from newsevents.stages.parse import token_span
from newsevents.surroundings import (
    STATE_SECTORS,
    ActorContext,
    complement_mention,
    country_around,
    located,
    make_context,
    nearest_in_sentence,
    place_country,
)
from newsevents.syntax import entities_in, phrase_bounds, text_of

__all__ = ["ActorContext", "ActorLexicon", "Name", "make_actors", "make_context", "resolve_actor"]

Token = Any
ANTECEDENT_CHARS = 1500
"""How far back (characters) a pronoun or definite description looks for what it refers to."""
MATERIAL = {"ASSAULT", "COERCE"}
COMMERCIAL = {"BUS", "MED"}
COUNTRY_NOUNS = {"nation", "country", "state", "regime", "government", "kingdom", "republic"}
PRONOUNS_SINGULAR = {"he", "him", "his", "she", "her", "himself", "herself"}
PRONOUNS_PLURAL = {"they", "them", "their", "themselves"}
ORGANISATION_NOUNS = {
    "forum", "association", "union", "council", "committee", "front", "party", "movement",
    "league", "federation", "organisation", "organization", "foundation", "institute",
    "society", "coalition", "alliance", "network", "group", "congress", "commission",
}  # fmt: skip
"""Head nouns of an organisation's name ("the Third World Water FORUM")."""
AGENT_ENTITIES = {"PERSON", "ORG", "NORP"}
UNIDENTIFIED = "UAF"
"""Sector of an attacker known only by the act ("a roadside bombing killed…")."""
NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"}
PLACE_KINDS = {"country", "capital", "region"}
NAME_RANK = {
    "igo": 0, "ngo": 0, "group": 0, "person": 1, "country": 2, "capital": 2, "region": 3,
    "demonym": 3,
}  # fmt: skip
"""Which of a phrase's names speaks for it: organisations, then people, then places."""
COLLECTIVES = {"police", "military", "army", "government", "people", "media"}
"""Singular nouns that take "they" ("police said THEY arrested…")."""
BACKING = {"backed", "sponsored", "funded", "supported", "allied", "trained", "armed"}
"""Words after "X-" that make X a sponsor of a group, not its country ("Iranian-BACKED")."""
NAMED_KINDS = {"igo", "ngo", "group", "person", "country"}
"""Kinds whose canonical name is the actor's name."""


@stage("actors", requires=("parsed", "events"), assigns=("events.actor", "events.recipient"))
def make_actors(settings: Settings) -> Callable[[Doc], Doc]:
    lexicon = ActorLexicon.load(settings.model)
    gazetteer = Gazetteer.load(settings.cache_dir)

    def actors(doc: Doc) -> Doc:
        ctx = make_context(lexicon, doc, gazetteer)
        return replace(doc, events=tuple(_resolve_event(lexicon, ctx, e) for e in doc.events))

    return actors


def _resolve_event(lexicon: ActorLexicon, ctx: ActorContext, event: Event) -> Event:
    """Both sides of an event; a side named nowhere in its own words takes the nearest country
    of the sentence that the other side does not hold."""
    target = event.type in MATERIAL  # "shelled Kyiv" hits a city, not a government
    actor = recipient = None
    if event.actor:
        actor = resolve_actor(lexicon, ctx, event.actor, beside=_span_of(event.recipient))
    if event.recipient:
        recipient = resolve_actor(
            lexicon,
            ctx,
            event.recipient,
            metonymy=not target,
            avoid=actor.country if actor else None,
            beside=_span_of(event.actor),
        )
    resolved = replace(event, actor=actor, recipient=recipient)
    return replace(resolved, acled=acled_for(resolved))


def _span_of(actor: Actor | None) -> tuple[int, int] | None:
    return actor.span if actor is not None else None


def resolve_actor(
    lexicon: ActorLexicon,
    ctx: ActorContext,
    actor: Actor,
    *,
    metonymy: bool = True,
    avoid: str | None = None,
    beside: tuple[int, int] | None = None,
) -> Actor:
    """Fill in name, country, sector and confidence of an actor phrase.

    With ``metonymy`` a capital stands for its government ("Seoul said" → KOR GOV); without it
    (the target of an attack) the city is just in its country. ``avoid`` is the other side's
    country: "the U.S. levied sanctions on the nation" does not mean the U.S. ``beside`` is the
    other side's character span: its names are never borrowed by this one."""
    resolved = _resolve(lexicon, ctx, actor, metonymy, avoid, beside)
    return replace(resolved, country=as_of(resolved.country, ctx.year))


def _resolve(
    lexicon: ActorLexicon,
    ctx: ActorContext,
    actor: Actor,
    metonymy: bool,
    avoid: str | None,
    beside: tuple[int, int] | None,
) -> Actor:
    span = token_span(ctx.parsed, actor.span)
    head = span.root
    sector = lexicon.sector(span, head) or _sector_of_modified(lexicon, head)
    own = _own_mentions(ctx, span)
    apposed = [] if own else _apposed_mentions(ctx, head)
    if apposed:  # "Kenzo Oshima, the UN relief coordinator": the apposition says who he is
        named = _from_names(actor, apposed, sector, head, ctx.year)
        return replace(named, name=None, confidence=0.7)
    if own:
        named = _from_names(_cover(ctx.parsed, actor, own), own, sector, head, ctx.year)
        named = _ethnic_residence(ctx, span, own, named, beside)
        town = located(head) and named.name is None  # "a curfew in BAGHDAD": the city itself
        return named if (metonymy and not town) or sector else replace(named, sector=None)
    if head.lemma_.lower() in EVENT_NOUNS:
        sector = UNIDENTIFIED
    speaker = _speaker(head)
    if speaker is not None:  # "the army said IT killed…": the pronoun is the speaker
        said = _resolve(lexicon, ctx, _phrase_actor(ctx, speaker), metonymy, avoid, beside)
        if said.country is not None or said.sector is not None:
            return replace(actor, country=said.country, sector=said.sector, confidence=0.5)
    ref = _antecedent(lexicon, ctx, span, avoid)
    if ref is not None:
        inherits = ref.name.kind in ("person", "capital", "group") and head.pos_ == "PRON"
        own_sector = sector or (ref.name.sector if inherits else None)
        return replace(actor, country=ref.name.country, sector=own_sector, confidence=0.5)
    place = place_country(ctx, span)
    if place is not None:
        return replace(actor, country=place, sector=sector, confidence=0.6)
    held = complement_mention(ctx, head)
    if held is not None:  # "a camp FOR CONGOLESE refugees": whose the thing is
        return replace(actor, country=held.name.country, sector=sector, confidence=0.5)
    country = country_around(ctx, span, sector, beside, agent=_agentive(head, sector))
    if country is not None and (sector or head.ent_type_ not in NOT_ACTORS):
        return replace(actor, country=country, sector=sector, confidence=0.4 if sector else 0.3)
    if sector not in STATE_SECTORS | COMMERCIAL and _unknown_organisation(span):
        return replace(actor, country="NGO", sector=sector, confidence=0.3)
    return replace(actor, sector=sector, confidence=0.3 if sector else 0.0)


def _speaker(pronoun: Token) -> Token | None:
    """The subject of the reporting verb a pronoun's clause depends on, when they agree:
    "THE ARMY said it…", "POLICE said they…"."""
    clause = pronoun.head
    if pronoun.pos_ != "PRON" or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if clause.dep_ not in ("ccomp", "xcomp") or clause.head.pos_ != "VERB":
        return None
    said = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if said is None or said.pos_ not in ("NOUN", "PROPN"):
        return None
    plural = pronoun.lower_ in PRONOUNS_PLURAL
    singular = pronoun.lower_ in PRONOUNS_SINGULAR or pronoun.lower_ == "it"
    people = said.tag_ in ("NNS", "NNPS") or said.lemma_.lower() in COLLECTIVES
    return said if (plural and people) or (singular and said.tag_ in ("NN", "NNP")) else None


def _phrase_actor(ctx: ActorContext, head: Token) -> Actor:
    start, end = phrase_bounds(head)
    words = ctx.parsed[start:end]
    return Actor(text=words.text, span=(words.start_char, words.end_char))


def _unknown_organisation(span: Any) -> bool:
    """ "The Third World Water Forum": an organisation of no country that is no state body or
    company counts as non-governmental."""
    head = span.root
    titled = head.text[:1].isupper() and head.lemma_.lower() in ORGANISATION_NOUNS
    return titled or any(ent.label_ == "ORG" for ent in entities_in(span))


def _sector_of_modified(lexicon: ActorLexicon, head: Token) -> str | None:
    """ "HUNGARIAN and Romanian officials": a nationality standing for its group takes the
    group's sector."""
    tok = head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("amod", "compound", "nmod"):
        return None
    noun = tok.head
    return lexicon.sector([noun], noun) if noun.pos_ in ("NOUN", "PROPN") else None


def _agentive(head: Token, sector: str | None) -> bool:
    """A person, group or organisation ("ISLAMIC fundamentalists"), which may borrow a country
    from its sentence; things ("a meeting", "one hour") may not."""
    named = head.ent_type_ in AGENT_ENTITIES or (head.pos_ == "PROPN" and not head.ent_type_)
    people = head.tag_ == "NNS" and any(c.ent_type_ == "NORP" for c in head.children)
    return sector is not None or head.pos_ == "PRON" or named or people


def _own_mentions(ctx: ActorContext, span: Any) -> list[Mention]:
    found = ctx.between(span.start - MAX_NAME, span.end)
    return [m for m in found if span.start < m.end and not _stance(ctx.parsed, m)]


def _stance(parsed: Any, m: Mention) -> bool:
    """ "an ANTI-Syria journalist", "PRO-Iranian militias", "SYRIAN-BACKED militias": a stance
    toward a country or its backing, not the country one belongs to."""
    before = [t.lower_ for t in parsed[max(0, m.start - 2) : m.start]]
    after = [t.lower_ for t in parsed[m.end : m.end + 2]]
    backed = after[:1] == ["-"] and after[1:] and after[1] in BACKING
    return (
        before in (["anti", "-"], ["pro", "-"])
        or before[-1:] in (["anti-"], ["pro-"])
        or bool(backed)
    )


def _apposed_mentions(ctx: ActorContext, head: Token) -> list[Mention]:
    """ "Kenzo Oshima, THE UNITED NATIONS relief coordinator": a name the phrase leaves out
    stands in an apposition to its head, on either side."""
    others = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        others.append(head.head)
    for other in others:
        start, end = phrase_bounds(other)
        found = [m for m in ctx.between(start, end) if m.end <= end]
        if found:
            return found
    return []


def _cover(parsed: Any, actor: Actor, own: list[Mention]) -> Actor:
    """Widen the phrase to whole names the parser cut ("Moon Jae" → "Moon Jae-in")."""
    first = parsed[min(m.start for m in own)]
    last = parsed[max(m.end for m in own) - 1]
    start, end = min(actor.span[0], first.idx), max(actor.span[1], last.idx + len(last))
    if (start, end) == actor.span:
        return actor
    return replace(actor, text=text_of(parsed)[start:end], span=(start, end))


def _in_office(name: Name, year: int | None) -> bool:
    if name.kind != "person" or year is None:
        return True
    return name.years[0] <= year <= name.years[1]


def _from_names(
    actor: Actor, own: list[Mention], sector: str | None, head: Token, year: int | None
) -> Actor:
    """The phrase's own names decide: the name that is the phrase's head ("NATO-member
    NORWAY"), then an organisation over a person over a country modifier, and the head's own
    words over a complement's ("the TURKISH sides of … Cyprus").

    An office-holder outside their term keeps their country but not their office's sector.
    """
    best = min(own, key=lambda m: (_not_head(m, head), _in_complement(m, head), _rank(m)))
    best = _residence(best, own, head)
    name = best.name
    country = name.country
    if name.kind in ("person", "group") and _in_office(name, year):
        sector = sector or name.sector
    if name.kind == "capital" and best.start <= head.i < best.end:
        sector = sector or "GOV"
    canonical = name.canonical if name.kind in NAMED_KINDS else None
    if name.kind == "person" and name.country == "IGO":
        canonical = name.canonical
    confidence = 0.9 if name.kind in NAMED_KINDS | {"capital"} else 0.8
    return replace(actor, name=canonical, country=country, sector=sector, confidence=confidence)


def _ethnic_residence(
    ctx: ActorContext, span: Any, own: list[Mention], named: Actor, beside: tuple[int, int] | None
) -> Actor:
    """ "ETHNIC Albanians … in southern Serbia": an ethnic group takes the country the sentence
    places it in, not the state its name comes from."""
    ethnic = any(t.lower_ == "ethnic" for t in span)
    if not ethnic or any(m.name.kind != "demonym" for m in own):
        return named
    place = nearest_in_sentence(ctx, span, beside)
    return replace(named, country=place.name.country) if place is not None else named


def _residence(best: Mention, own: list[Mention], head: Token) -> Mention:
    """ "The ALBANIANS of southern SERBIA": people named by their ethnicity are coded by the
    country they are said to live in."""
    if best.name.kind != "demonym" or not best.start <= head.i < best.end:
        return best
    places = [m for m in own if m.name.kind in PLACE_KINDS and located(head.doc[m.end - 1])]
    return places[0] if places else best


def _not_head(m: Mention, head: Token) -> bool:
    return not m.start <= head.i < m.end


def _rank(m: Mention) -> tuple[int, int]:
    return NAME_RANK[m.name.kind], m.start


def _in_complement(m: Mention, head: Token) -> bool:
    """Whether a name hangs on the head through a preposition ("sides OF Cyprus")."""
    tok = head.doc[m.end - 1]
    for _ in range(6):
        if tok.i == head.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep":
            return True
        tok = tok.head
    return False


def _antecedent(
    lexicon: ActorLexicon, ctx: ActorContext, span: Any, avoid: str | None = None
) -> Mention | None:
    """What a pronoun, possessive or definite description without a name refers to."""
    head = span.root
    poss = next((t for t in span if t.dep_ == "poss" and t.pos_ == "PRON"), None)
    ref = poss if poss is not None else head
    lemma = ref.lemma_.lower()
    earliest = ctx.parsed.char_span(
        max(0, span.start_char - ANTECEDENT_CHARS), span.start_char, alignment_mode="expand"
    )
    window = ctx.between(earliest.start if earliest is not None else 0, span.start)
    before = [m for m in window if m.end <= span.start]
    if lemma in COUNTRY_NOUNS and ref.pos_ == "NOUN":
        states = ("country", "capital", "demonym", "person")
        fits = (m for m in reversed(before) if m.name.kind in states and m.name.country != avoid)
        return next(fits, None)
    if ref.lower_ in ("it", "its", "itself"):
        kinds = ("country", "capital", "igo", "ngo")
        return next((m for m in reversed(before) if m.name.kind in kinds), None)
    if ref.pos_ != "PRON" and not _definite_person(ref, lexicon):
        return None
    plural = ref.lower_ in PRONOUNS_PLURAL or ref.tag_ in ("NNS", "NNPS")
    for m in reversed(before):
        group = _mention_head(ctx.parsed, m)
        if group is not None and _is_plural(group) == plural and _is_agent(group, lexicon):
            return m
    return None


def _definite_person(tok: Token, lexicon: ActorLexicon) -> bool:
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
    return definite and lexicon.sectors.get(tok.lemma_.lower()) is not None


def _mention_head(parsed: Any, m: Mention) -> Token | None:
    """The noun a name belongs to: "North Korean" → "soldier" in "a North Korean soldier"."""
    tok = parsed[m.end - 1]
    for _ in range(3):
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ not in ("amod", "compound", "poss", "nmod"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok if tok.pos_ in ("NOUN", "PROPN") else None


def _is_plural(tok: Token) -> bool:
    return bool(tok.tag_ in ("NNS", "NNPS") and tok.ent_type_ not in ("GPE", "ORG"))


def _is_agent(tok: Token, lexicon: ActorLexicon) -> bool:
    """A person or group that can act, not a thing ("North Korean rifles")."""
    return tok.ent_type_ in ("PERSON", "NORP") or tok.lemma_.lower() in lexicon.sectors
