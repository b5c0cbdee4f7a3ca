"""Events: find PLOVER triggers, their actor and recipient phrases, and their polarity.

A trigger is a word of the event lexicon (``lexicon/events.toml``) used as the part of speech the
lexicon says. Its arguments come from the dependency tree (``arguments.py``); compound actors
give one event per pair. Words that tell the same act twice ("shot and wounded", "shelled the
town, killing 20") make one event. Actor phrases are left unresolved here: the actors stage
resolves them.

The actor's stance toward an act is coded as PLOVER codes it: an announced act is a THREATEN or
AGREE, an act made conditional on the other side an ultimatum (THREATEN), a cooperative act the
actor refuses a REJECT, a stated readiness ("is willing to…") an AGREE, a crowd's demands and
violence a PROTEST. Confidence prefers the sentence's main act: each clause an act is told below
the least embedded act of its sentence costs it a share (``EMBEDDED``), so "resigned as the
opposition threatened to storm the palace" leads with the resignation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from newsevents.arguments import actor_heads, recipient_heads
from newsevents.modality import embedding, polarity
from newsevents.patterns import Lexicon, Match, Pattern
from newsevents.pipeline import stage
from newsevents.records import Acled, Actor, Doc, Event, Trigger
from newsevents.settings import Settings
from newsevents.stages.parse import sentence
from newsevents.stances import INTENTIONS, stances
from newsevents.syntax import phrase_bounds, prep_objects, sentence_of, subject

__all__ = ["Match", "find_matches", "make_events"]

Token = Any
COMPANION_WINDOW = 6
"""How many tokens apart a companion word may stand from its head ("dragged him to safety")."""
MAX_PAIRS = 6
"""At most this many actor × recipient events from one trigger."""
CROWD_ACTS = {"REQUEST": "demo", "ASSAULT": "riot", "COERCE": "riot"}
"""What a crowd of demonstrators doing these acts is doing in PLOVER: demonstrating, rioting."""
FRAMING_NOUNS = {
    "effort", "operation", "mission", "campaign", "process", "initiative", "bid", "attempt",
    "programme", "program", "plan", "drive", "action",
}  # fmt: skip
"""Nouns that only frame the act named by their modifier ("a mediation EFFORT")."""
EMBEDDED = 0.7
"""Confidence kept per level an act is embedded below the main clause (see ``embedding``)."""


@stage("events", requires=("parsed",), assigns=("events",))
def make_events(settings: Settings) -> Callable[[Doc], Doc]:
    lexicon = Lexicon.load(settings.lexicons)

    def events(doc: Doc) -> Doc:
        found: list[Event] = []
        for sent in doc.parsed.sents:
            found.extend(_sentence_events(doc, sent, lexicon, len(found)))
        kept = tuple(e for e in found if e.confidence >= settings.min_confidence)
        return replace(doc, events=kept)

    return events


def _sentence_events(doc: Doc, sent: Any, lexicon: Lexicon, seq: int) -> list[Event]:
    """The acts of one sentence, the stances they imply, and stated commitments."""
    found: list[Event] = []
    matches = find_matches(sent, lexicon)
    anchors = {m.anchor.i for m in matches}
    depths = _relative_depths(matches, anchors)
    for match in matches:
        coded = _events_for(doc, match, lexicon, seq + len(found), depths[match.anchor.i])
        found.extend(coded)
        found.extend(stances(match, coded, sent, anchors, lexicon, seq + len(found)))
    categories = {m.anchor.i: m.pattern.category for m in matches}
    top = min(depths.values(), default=0)
    found.extend(_commitments(doc, sent, lexicon, categories, seq + len(found), top))
    return found


def find_matches(sent: Any, lexicon: Lexicon) -> list[Match]:
    """Lexicon matches in one sentence, longest patterns first, each token used once."""
    candidates = [m for tok in sent for m in _token_matches(tok, sent, lexicon)]
    candidates += _demands(sent, lexicon)
    candidates.sort(key=_precedence)
    used: set[int] = set()
    chosen: list[Match] = []
    for m in candidates:
        tokens = {m.anchor.i} | ({m.companion.i} if m.companion is not None else set())
        if tokens & used or _is_anaphoric(m):
            continue
        used |= tokens
        chosen.append(m)
    return _merge_same_event(sorted(chosen, key=lambda m: m.start))


def _precedence(m: Match) -> tuple[bool, float, bool, int, int]:
    """Pairs before bare words, then by weight; a verb's pair before a noun's ("fired tear
    GAS": "fire" + "gas", not "tear" + "gas"); then in text order, the nearer companion first
    ("FIRED tear GAS at" before "FIRED tear gas AT")."""
    apart = abs(m.companion.i - m.anchor.i) if m.companion is not None else 0
    return (m.companion is None, -m.pattern.weight, m.pattern.pos != "VERB", m.start, apart)


def _token_matches(tok: Token, sent: Any, lexicon: Lexicon) -> Iterator[Match]:
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN" if _common_noun(tok) else None
    if tok.pos_ == "ADJ":  # "HUMANITARIAN aid", "ETHNIC cleansing": an adjective led pair
        pos = "NOUN"
    if pos is None:
        return
    for pattern in lexicon.patterns(pos, tok.lemma_.lower()):
        if pattern.companion is None:
            if tok.pos_ != "ADJ" and not _modifier_only(tok):
                yield Match(pattern, tok, tok.i, tok.i + 1)
            continue
        comp = _find_companion(tok, sent, pattern.companion)
        if comp is not None:
            yield _companion_match(pattern, tok, comp)


def _modifier_only(tok: Token) -> bool:
    """ "RIOT police", "PROTEST leaders": an event noun modifying another noun names no
    event, unless that noun only frames one ("a MEDIATION effort", "the RESCUE operation")."""
    return bool(tok.dep_ == "compound" and tok.head.lemma_.lower() not in FRAMING_NOUNS)


def _demands(sent: Any, lexicon: Lexicon) -> list[Match]:
    """ "officials SAID Israel MUST ease…", "issued a REMINDER that it MUST cooperate": a
    reporting verb (or a noun of saying, anchored on its verb) over a clause of obligation."""
    frame = lexicon.deontic
    if frame is None:
        return []
    found = []
    for clause in sent:
        said = clause.head
        if clause.dep_ not in ("ccomp", "acl") or not any(
            a.dep_ == "aux" and a.lower_ in frame.modals for a in clause.children
        ):
            continue
        verb = _saying_verb(said, frame.reporting, frame.nouns)
        if verb is not None:
            pattern = replace(frame.pattern, head=verb.lemma_.lower())
            found.append(Match(pattern, verb, said.i, said.i + 1))
    return found


def _saying_verb(said: Token, reporting: frozenset[str], nouns: frozenset[str]) -> Token | None:
    lemma = said.lemma_.lower()
    if said.pos_ == "VERB" and lemma in reporting:
        return said
    verb = said.head
    if said.pos_ == "NOUN" and lemma in nouns and said.dep_ == "dobj" and verb.pos_ == "VERB":
        return verb
    return None


def _commitments(
    doc: Doc, sent: Any, lexicon: Lexicon, coded: dict[int, str], seq: int, top: int
) -> list[Event]:
    """ "Norway is WILLING to send material": a stated readiness to act, coded AGREE (REJECT
    when denied), unless the act is a trigger whose own intention is coded already."""
    frame = lexicon.commitment
    if frame is None:
        return []
    found: list[Event] = []
    for word in sent:
        ready = _readiness(word, frame.adjectives)
        if ready is None or not _agentive(subject(ready[0]), lexicon):
            continue
        act = ready[1]
        told = [act, *(c for c in act.children if c.dep_ in ("dobj", "pobj"))]
        if any(INTENTIONS.get(coded.get(t.i, "")) for t in told):
            continue  # "ready to resume NEGOTIATIONS": the act's own intention is coded
        match = Match(frame.pattern, ready[0], word.i, word.i + 1)
        event = _commitment(doc, sent, match, lexicon, top)
        found.append(replace(event, id=f"{event.id}-{seq + len(found)}"))
    return found


def _commitment(doc: Doc, sent: Any, m: Match, lexicon: Lexicon, top: int) -> Event:
    holder = m.anchor
    actor = _phrases(doc, [s for s in [subject(holder)] if s is not None])
    event = _base_event(doc, sent, m, lexicon)
    if event.polarity == "negated":
        event = replace(event, type="REJECT", cameo=lexicon.category("REJECT").cameo)
    depth = max(0, embedding(holder) - top)
    score = (0.7 if actor else 0.5) * m.pattern.weight * EMBEDDED ** min(3, depth)
    word = doc.parsed[m.start]
    return replace(
        event,
        id=f"{doc.article.id}-{event.trigger.span[0]}",
        trigger=replace(event.trigger, lemma=word.lemma_.lower()),
        actor=actor[0] if actor else None,
        confidence=round(score, 3),
    )


def _agentive(tok: Token | None, lexicon: Lexicon) -> bool:
    """Whether a subject can hold an intention: a name, a pronoun, a national ("the Iraqi
    government") or an actor word ("officials", "both sides"); "the bridge" cannot."""
    if tok is None:
        return False
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
        return True
    return tok.lemma_.lower() in lexicon.agents


def _readiness(word: Token, adjectives: frozenset[str]) -> tuple[Token, Token] | None:
    """(the clause whose subject is ready, the act it is ready for): "is WILLING to send",
    "is COMMITTED to opening"."""
    if word.lower_ not in adjectives:
        return None
    holder = word.head if word.dep_ == "acomp" else word
    if holder is word and not (word.pos_ == "VERB" and word.tag_ == "VBN"):
        return None
    acts = [c for c in word.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ == "to"):
        acts += [c for c in prep.children if c.dep_ in ("pcomp", "pobj")]
    return (holder, acts[0]) if acts else None


def _common_noun(tok: Token) -> bool:
    """Nouns, and capitalised nouns outside names ("Amnesty International" is no amnesty)."""
    return bool(tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_))


def _find_companion(tok: Token, sent: Any, lemma: str) -> Token | None:
    """The nearest word of the companion's lemma, a word tied to ``tok`` in the tree first
    ("aid groups delivered AID": the object, not the modifier of the subject)."""
    lo = max(sent.start, tok.i - COMPANION_WINDOW)
    hi = min(sent.end, tok.i + COMPANION_WINDOW + 1)
    found = [
        other
        for other in sent.doc[lo:hi]
        if other.i != tok.i and (other.lemma_.lower() == lemma or other.lower_ == lemma)
    ]
    tied = [o for o in found if o.head.i == tok.i or tok.head.i == o.i]
    return min(tied or found, key=lambda o: abs(o.i - tok.i), default=None)


def _companion_match(pattern: Pattern, tok: Token, comp: Token) -> Match:
    """The anchor is whichever of the two words governs the other ("air STRIKE")."""
    governs = comp.is_ancestor(tok) and comp.pos_ != "VERB"
    anchor = comp if pattern.pos == "NOUN" and governs else tok
    start, end = min(tok.i, comp.i), max(tok.i, comp.i) + 1
    if end - start > 3:
        start, end = anchor.i, anchor.i + 1
    return Match(pattern, anchor, start, end, comp)


def _is_anaphoric(m: Match) -> bool:
    """ "These sanctions" refers back to an event already coded; it is not a new one."""
    if m.pattern.pos != "NOUN":
        return False
    return any(
        c.dep_ == "det" and c.lower_ in ("these", "those", "such") for c in m.anchor.children
    )


def _merge_same_event(matches: list[Match]) -> list[Match]:
    """One event, not two, for words that describe the same act.

    "was shot and wounded by X": coordinated triggers of one category sharing their patient;
    "shelled the town, killing 20": a participle telling the toll of the act before it;
    "condemned the violence": a reaction to an event already told.
    "an airstrike hit a house": a trigger noun that is the subject or object of a same-category
    verb.
    """
    out: list[Match] = []
    for m in matches:
        same = [o for o in matches if o is not m and o.pattern.category == m.pattern.category]
        if any(_shares_patient(m.anchor, o.anchor) for o in same):
            continue
        if m.pattern.pos == "NOUN" and any(_subject_of(m.anchor, o.anchor) for o in same):
            continue
        if _reaction_object(m, matches):
            continue
        out.append(m)
    return out


def _charge(noun: Token, matches: list[Match]) -> bool:
    """ "charged WITH murder", "arrested FOR rioting": the act is the reason for another one."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("with", "for", "of", "over"):
        return False
    return any(o.anchor.i == prep.head.i and o.pattern.pos == "VERB" for o in matches)


def _reaction_object(m: Match, matches: list[Match]) -> bool:
    """ "condemned THE violence": a definite event noun that another act reacts to refers to
    an event already reported, so it is not coded again."""
    noun = m.anchor
    if m.pattern.pos != "NOUN" or noun.dep_ not in ("dobj", "pobj"):
        return False
    if _charge(noun, matches):
        return True
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children)
    if not definite or any(c.dep_ in ("poss", "prep") for c in noun.children):
        return False
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    return any(o is not m and o.anchor.i == governor.i for o in matches)


def _shares_patient(conj: Token, head: Token) -> bool:
    """ "shot and wounded by X" share all; "shelled Juba, killing 20" tells one act's toll."""
    if conj.head.i != head.i:
        return False
    if conj.dep_ == "advcl" and conj.tag_ == "VBG":
        return True
    if conj.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in conj.children):
        return True  # "fired tear gas TO DISPERSE them": the purpose of the same act
    if conj.dep_ == "conj" and conj.tag_ == "VBG" and head.dep_ == "advcl" and head.tag_ == "VBG":
        return True  # "…, killing 12 and wounding dozens": both tell the same act's toll
    if conj.dep_ != "conj":
        return False
    return not any(c.dep_ == "dobj" for t in (conj, head) for c in t.children)


def _subject_of(noun: Token, verb: Token) -> bool:
    """ "an AIRSTRIKE hit", "launched a BARRAGE", "killed in CLASHES": the noun names the
    verb's own act."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("in", "during"):
        return bool(noun.head.head.i == verb.i)
    return bool(noun.head.i == verb.i and noun.dep_ in ("nsubj", "nsubjpass", "dobj"))


def _events_for(doc: Doc, m: Match, lexicon: Lexicon, seq: int, depth: int) -> list[Event]:
    actor_toks = actor_heads(m)
    actors: list[Actor | None] = [*_phrases(doc, actor_toks)] or [None]
    recipients: list[Actor | None] = [*_phrases(doc, recipient_heads(m))] or [None]
    pairs = [(a, r) for a in actors for r in recipients][:MAX_PAIRS]
    base = _base_event(doc, sentence_of(m.anchor), m, lexicon)
    if base.type in CROWD_ACTS and any(_crowd(t, lexicon) for t in actor_toks):
        base = _as_protest(base, lexicon)
    elif base.type != "PROTEST" and _in_protest(m.anchor):
        base = _as_protest(base, lexicon, "demo")
    prominence = EMBEDDED ** min(3, depth)
    return [
        replace(
            base,
            id=f"{doc.article.id}-{base.trigger.span[0]}-{seq + k}",
            actor=a,
            recipient=r,
            confidence=round(_confidence(m, a, r) * prominence, 3),
        )
        for k, (a, r) in enumerate(pairs)
    ]


def _relative_depths(matches: list[Match], anchors: set[int]) -> dict[int, int]:
    """Each act's depth below the sentence's least embedded act: a sentence's only act keeps
    its confidence however deep it is told."""
    depths = {m.anchor.i: _depth(m, anchors) for m in matches}
    top = min(depths.values(), default=0)
    return {i: d - top for i, d in depths.items()}


def _depth(m: Match, anchors: set[int]) -> int:
    """How far below the main clause the act is told; an event noun that another trigger
    takes as its object ("police PREVENTED the demonstration") is one level further down."""
    depth = embedding(m.anchor)
    if m.pattern.pos == "NOUN" and m.anchor.dep_ in ("dobj", "nsubjpass"):
        depth += m.anchor.head.i in anchors
    return depth


def _crowd(tok: Token, lexicon: Lexicon) -> bool:
    """ "protesters", "thousands OF demonstrators"."""
    return lexicon.is_crowd(tok) or any(lexicon.is_crowd(o) for o in prep_objects(tok, ("of",)))


def _in_protest(verb: Token) -> bool:
    """ "occupied the embassy IN PROTEST against the arrest": the act is the protest."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # the parser's choice
    return any(
        prep.lower_ == "in" and any(o.lemma_.lower() == "protest" for o in prep.children)
        for holder in holders
        for prep in holder.children
        if prep.dep_ == "prep"
    )


def _as_protest(event: Event, lexicon: Lexicon, mode: str | None = None) -> Event:
    """A crowd's demands are a demonstration, its violence a riot; an act done "in protest"
    is a demonstration (PLOVER PROTEST)."""
    mode = mode or CROWD_ACTS[event.type]
    acled = Acled("Riots", "Violent demonstration") if mode == "riot" else None
    info = lexicon.category("PROTEST")
    return replace(
        event, type="PROTEST", mode=mode, cameo=info.cameo, acled=acled or _acled(info.acled)
    )


def _base_event(doc: Doc, sent: Any, m: Match, lexicon: Lexicon) -> Event:
    words = doc.parsed[m.start : m.end]
    info = lexicon.category(m.pattern.category)
    return Event(
        id="",
        type=m.pattern.category,
        mode=m.pattern.mode,
        context=lexicon.contexts(t.lemma_.lower() for t in sent),
        trigger=Trigger(words.text, (words.start_char, words.end_char), m.anchor.lemma_.lower()),
        sentence=sentence(sent),
        polarity=polarity(m.anchor, sent),
        cameo=m.pattern.cameo or info.cameo,
        acled=_acled(m.pattern.acled or info.acled),
    )


def _acled(pair: tuple[str, str] | None) -> Acled | None:
    return Acled(*pair) if pair else None


def _confidence(m: Match, actor: Actor | None, recipient: Actor | None) -> float:
    score = 0.5 + (0.2 if actor else 0.0) + (0.15 if recipient else 0.0)
    score += 0.1 if m.companion is not None else 0.0
    return round(min(1.0, score) * m.pattern.weight, 3)


def _phrases(doc: Doc, heads: Iterable[Token]) -> list[Actor]:
    out: list[Actor] = []
    for head in heads:
        start, end = phrase_bounds(head)
        span = doc.parsed[start:end]
        out.append(Actor(text=span.text, span=(span.start_char, span.end_char)))
    return out
