"""Events: find PLOVER triggers, their actor and recipient phrases, and their polarity.

A trigger is a word of the event lexicon (``lexicon/events.toml``) used as the part of speech the
lexicon says. Its arguments come from the dependency tree (subject, agent, object, prepositional
objects), shared across coordinated verbs and control verbs; compound actors give one event per
pair. Actor phrases are left unresolved here: the actors stage gives them a country and sector.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from newsevents.modality import intent, polarity
from newsevents.patterns import Lexicon, Pattern
from newsevents.pipeline import stage
from newsevents.records import Acled, Actor, Doc, Event, Trigger
from newsevents.settings import Settings
from newsevents.stages.parse import sentence
from newsevents.syntax import (
    conjuncts,
    effective_head,
    governing_verb,
    is_passive,
    phrase_bounds,
    prep_objects,
    subject,
)

__all__ = ["Match", "find_matches", "make_events"]

Token = Any
COMPANION_WINDOW = 6
"""How many tokens apart a companion word may stand from its head ("dragged him to safety")."""
MAX_PAIRS = 6
"""At most this many actor × recipient events from one trigger."""
ARMED = {"MIL", "REB", "COP", "UAF"}
INTENTIONS = {
    **dict.fromkeys(("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"), "THREATEN"),
    **dict.fromkeys(("AID", "CONSULT", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"), "AGREE"),
}
"""What PLOVER codes an announced future act as: a threat of harm, or an agreement to help."""
EVENT_NOUNS = {
    "airstrike", "strike", "attack", "bombing", "blast", "explosion", "shelling", "raid",
    "offensive", "ambush", "assault", "operation", "bomb", "missile", "rocket", "shell",
}  # fmt: skip
"""Nouns naming an act or a weapon: as a subject ("an airstrike hit") they are not the actor."""
OBJECT_CONTROL = {
    "force", "urge", "ask", "order", "tell", "persuade", "compel", "allow", "encourage",
    "instruct", "invite", "call", "press", "pressure", "require", "permit", "authorize",
    "authorise", "advise", "help", "lead", "cause", "prompt", "push", "convince", "oblige",
}  # fmt: skip
"""Verbs whose object does what follows: "urged IRAQ to cooperate"."""
SUPPORT_VERBS = {
    "launch", "carry", "conduct", "stage", "mount", "impose", "levy", "hold", "make", "begin",
    "start", "continue", "resume", "step", "intensify", "escalate", "order", "slap", "issue",
    "sign", "reach", "deliver", "provide", "send", "give", "offer", "lead", "organize",
    "organise", "perpetrate", "commit", "unleash", "announce", "pay", "undertake", "extend",
    "tighten", "prompt", "call", "wage", "step up", "go", "attend", "join", "host",
    "remain", "stay", "put", "place", "keep", "declare", "reimpose", "use",
}  # fmt: skip
"""Verbs whose subject is the actor of their object noun ("launched an ATTACK")."""
PROPOSITIONAL = {"REQUEST", "THREATEN", "REJECT", "AGREE", "ACCUSE", "SUPPORT"}
"""Categories whose object is often a whole clause: the recipient is inside it."""
COMPLEMENT_PREPS = frozenset({"to", "with", "on", "against", "in", "from", "for"})
NAMED = {"GPE", "ORG", "NORP", "PERSON"}
NOT_ARGUMENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}
"""Entity types that are never an actor or recipient ("on TUESDAY")."""
ARGUMENT_POS = {"NOUN", "PROPN", "PRON", "NUM"}
PLEONASTIC = {"there", "which", "that", "who", "what"}
EXTRAPOSING = {
    "clear", "unclear", "likely", "unlikely", "possible", "impossible", "true", "important",
    "necessary", "evident", "obvious", "certain", "uncertain", "known", "believed", "thought",
    "expected", "feared", "reported", "said", "time", "seem", "appear",
}  # fmt: skip
"""Words that make "it" a placeholder ("it was not clear if…"), not a reference."""
VISIT_PREPS = frozenset({"to", "in", "like", "including", "as"})


@dataclass(frozen=True)
class Match:
    """A lexicon pattern found in a sentence: the anchor token carries the arguments."""

    pattern: Pattern
    anchor: Token
    start: int
    """First token index of the trigger words."""
    end: int
    """One past the last token index of the trigger words."""
    companion: Token | None = None


@stage("events", requires=("parsed",), assigns=("events",))
def make_events(settings: Settings) -> Callable[[Doc], Doc]:
    lexicon = Lexicon.load(settings.lexicons)

    def events(doc: Doc) -> Doc:
        found: list[Event] = []
        for sent in doc.parsed.sents:
            matches = find_matches(sent, lexicon)
            anchors = {m.anchor.i for m in matches}
            for match in matches:
                coded = _events_for(doc, sent, match, lexicon, len(found))
                found.extend(coded)
                if _announced(match, sent, anchors):
                    stated = [e for e in coded if e.actor is not None]
                    found.extend(
                        _intention(e, lexicon, len(found) + k) for k, e in enumerate(stated)
                    )
        kept = tuple(e for e in found if e.confidence >= settings.min_confidence)
        return replace(doc, events=kept)

    return events


def find_matches(sent: Any, lexicon: Lexicon) -> list[Match]:
    """Lexicon matches in one sentence, longest patterns first, each token used once."""
    candidates = [m for tok in sent for m in _token_matches(tok, sent, lexicon)]
    candidates += _demands(sent, lexicon)
    candidates.sort(key=lambda m: (m.companion is None, -m.pattern.weight, m.start))
    used: set[int] = set()
    chosen: list[Match] = []
    for m in candidates:
        tokens = {m.anchor.i} | ({m.companion.i} if m.companion is not None else set())
        if tokens & used or _is_anaphoric(m):
            continue
        used |= tokens
        chosen.append(m)
    return _merge_same_event(sorted(chosen, key=lambda m: m.start))


def _token_matches(tok: Token, sent: Any, lexicon: Lexicon) -> Iterator[Match]:
    pos = "VERB" if tok.pos_ == "VERB" else "NOUN" if _common_noun(tok) else None
    if pos is None:
        return
    for pattern in lexicon.patterns(pos, tok.lemma_.lower()):
        if pattern.companion is None:
            yield Match(pattern, tok, tok.i, tok.i + 1)
            continue
        comp = _find_companion(tok, sent, pattern.companion)
        if comp is not None:
            yield _companion_match(pattern, tok, comp)


def _demands(sent: Any, lexicon: Lexicon) -> list[Match]:
    """ "officials SAID Israel MUST ease…": a reporting verb over a clause of obligation."""
    frame = lexicon.deontic
    if frame is None:
        return []
    found = []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in frame.reporting:
            continue
        for clause in verb.children:
            modal = next((a for a in clause.children if a.lower_ in frame.modals), None)
            if clause.dep_ == "ccomp" and modal is not None:
                pattern = replace(frame.pattern, head=verb.lemma_.lower())
                found.append(Match(pattern, verb, verb.i, verb.i + 1))
    return found


def _common_noun(tok: Token) -> bool:
    """Nouns, and capitalised nouns outside names ("Amnesty International" is no amnesty)."""
    return bool(tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_))


def _find_companion(tok: Token, sent: Any, lemma: str) -> Token | None:
    lo = max(sent.start, tok.i - COMPANION_WINDOW)
    hi = min(sent.end, tok.i + COMPANION_WINDOW + 1)
    for other in sent.doc[lo:hi]:
        if other.i != tok.i and (other.lemma_.lower() == lemma or other.lower_ == lemma):
            return other
    return None


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


def _events_for(doc: Doc, sent: Any, m: Match, lexicon: Lexicon, seq: int) -> list[Event]:
    actors: list[Actor | None] = [*_phrases(doc, _actor_heads(m))] or [None]
    recipients: list[Actor | None] = [*_phrases(doc, _recipient_heads(m))] or [None]
    pairs = [(a, r) for a in actors for r in recipients][:MAX_PAIRS]
    base = _base_event(doc, sent, m, lexicon)
    return [
        replace(
            base,
            id=f"{doc.article.id}-{base.trigger.span[0]}-{seq + k}",
            actor=a,
            recipient=r,
            confidence=_confidence(m, a, r),
        )
        for k, (a, r) in enumerate(pairs)
    ]


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


def _announced(m: Match, sent: Any, anchors: set[int]) -> bool:
    """An intended act ("will extend the curfew") whose intention no other trigger codes
    ("threatened to attack" is coded by "threatened" already)."""
    if INTENTIONS.get(m.pattern.category) is None or not intent(m.anchor, sent):
        return False
    return not (m.anchor.dep_ == "xcomp" and m.anchor.head.i in anchors)


def _intention(event: Event, lexicon: Lexicon, seq: int) -> Event:
    """The statement of intent itself, asserted: THREATEN for harm, AGREE for cooperation."""
    kind = INTENTIONS[event.type]
    return replace(
        event,
        id=f"{event.id.rsplit('-', 1)[0]}-{seq}",
        type=kind,
        mode=event.mode if kind == "THREATEN" else None,
        polarity="asserted",
        confidence=round(event.confidence * 0.9, 3),
        cameo=lexicon.category(kind).cameo,
        acled=None,
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


# ------------------------------------------------------------------ arguments


def _actor_heads(m: Match) -> list[Token]:
    tok = m.anchor
    head = _noun_actor(tok) if m.pattern.pos == "NOUN" else _verb_actor(tok)
    return _argument_heads([head] if head is not None else [])


def _verb_actor(verb: Token, depth: int = 0) -> Token | None:
    if depth > 3:
        return None
    found = _own_actor(verb)
    if found is not None and found.pos_ == "NOUN" and found.lemma_.lower() in EVENT_NOUNS:
        return _modifier_actor(found) or _noun_by(found)
    if found is not None:
        return found
    if _inherits_arguments(verb):
        head = effective_head(verb)
        if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "is willing to withdraw"
            head = head.head
        controller = next((c for c in head.children if c.dep_ == "dobj"), None)
        object_control = head.lemma_.lower() in OBJECT_CONTROL
        if verb.dep_ == "xcomp" and object_control and controller is not None:
            return controller  # "forced KIM to negotiate"
        if verb.dep_ == "conj" or not is_passive(head):
            return _verb_actor(head, depth + 1) if head.pos_ in ("VERB", "AUX") else None
        return _passive_patient(head)
    return None


def _inherits_arguments(verb: Token) -> bool:
    """Coordinated, controlled and participial verbs share their head's subject."""
    if verb.head.i == verb.i:
        return False
    if verb.dep_ in ("conj", "xcomp"):
        return True
    no_mark = not any(c.dep_ == "mark" for c in verb.children)
    purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return verb.dep_ == "advcl" and (verb.tag_ == "VBG" or purpose) and no_mark


def _own_actor(verb: Token) -> Token | None:
    if is_passive(verb):
        agent = next(prep_objects(verb, ("by",)), None)
        if agent is None:
            agent = next((_agent_of(c) for c in verb.children if c.dep_ == "conj"), None)
        return agent if agent is not None else _instrument_owner(verb)
    return subject(verb)


def _agent_of(verb: Token) -> Token | None:
    return next(prep_objects(verb, ("by",)), None)


def _instrument_owner(verb: Token) -> Token | None:
    """ "transferred … in a helicopter OF the United Nations Command": the owner acts."""
    for obj in prep_objects(verb, ("in", "aboard", "on", "by", "with")):
        for owner in prep_objects(obj, ("of",)):
            if owner.pos_ == "PROPN" or owner.ent_type_ in ("ORG", "GPE", "NORP"):
                return owner
    return None


def _passive_patient(verb: Token) -> Token | None:
    """Controller of a passive control verb: "soldiers are instructed to shoot"."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _noun_by(noun: Token) -> Token | None:
    return next(prep_objects(noun, ("by",)), None)


def _noun_actor(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
    by = _noun_by(noun)
    if by is not None:
        return by
    verb = governing_verb(noun)
    if verb is None or verb.lemma_.lower() not in SUPPORT_VERBS:
        return _modifier_actor(noun)
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return _agent_of(verb) or _modifier_actor(noun)
    return _verb_actor(verb) or _modifier_actor(noun)


def _modifier_actor(noun: Token) -> Token | None:
    """ "Israeli airstrike", "U.S. sanctions": a national or named modifier is the actor."""
    for child in noun.children:
        if child.dep_ not in ("amod", "compound", "nmod"):
            continue
        named = child.ent_type_ in ("NORP", "GPE", "ORG")
        if named or (child.pos_ in ("ADJ", "PROPN") and child.text[:1].isupper()):
            return child
    return None


def _recipient_heads(m: Match) -> list[Token]:
    tok = m.anchor
    heads = _verb_recipients(tok, m) if m.pattern.pos == "VERB" else _noun_recipients(tok, m)
    return _argument_heads(heads)


def _argument_heads(heads: list[Token]) -> list[Token]:
    """Each head and its conjuncts, relative pronouns replaced by what they refer to."""
    out: list[Token] = []
    for head in heads:
        for tok in conjuncts(_antecedent(head)):
            nominal = tok.pos_ in ARGUMENT_POS or (tok.pos_ == "ADJ" and tok.text[:1].isupper())
            usable = nominal and tok.lower_ not in PLEONASTIC
            usable = usable and not _hyphen_piece(tok) and not _dummy_it(tok)
            if usable and all(tok.i != o.i for o in out):
                out.append(tok)
    return out


def _dummy_it(tok: Token) -> bool:
    if tok.lower_ != "it":
        return False
    verb = tok.head
    words = {verb.lemma_.lower()} | {c.lemma_.lower() for c in verb.children}
    return tok.dep_ == "expl" or bool(words & EXTRAPOSING)


def _hyphen_piece(tok: Token) -> bool:
    """ "Jae-in" split by the parser: "in" is a piece of a name, not a conjunct."""
    if tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    return bool(prev.text in ("-", "–") and not prev.whitespace_)


def _antecedent(tok: Token) -> Token:
    """ "sanctions, WHICH are intended…": the relative pronoun stands for "sanctions"."""
    clause = tok.head
    if tok.tag_ in ("WDT", "WP") and clause.dep_ == "relcl":
        return clause.head
    return tok


def _verb_recipients(verb: Token, m: Match) -> list[Token]:
    comp = m.companion
    if is_passive(verb):
        patient = _passive_patient(verb)
        if patient is None and verb.dep_ == "conj":
            patient = _passive_patient(verb.head)
        found = [patient] if patient is not None else []
    else:
        found = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    weapon = [t for t in found if comp is not None and (t.i == comp.i or t.is_ancestor(comp))]
    found = [t for t in found if t not in weapon]  # "launched a barrage of MISSILES"
    preps = frozenset(m.pattern.recipient_preps)
    if not found:
        found = [t for t in prep_objects(verb, preps) if t.ent_type_ not in NOT_ARGUMENTS]
    for phrase in weapon if not found else []:  # "imposed sanctions ON Russia", "drones AT Kyiv"
        found = [o for t in phrase.subtree for o in prep_objects(t, preps)]
        found = [t for t in found if t.ent_type_ not in NOT_ARGUMENTS]
    if not found and m.pattern.mode == "visit":
        found = _destinations(verb)
    if not found and m.pattern.category in PROPOSITIONAL:
        found = _complement_recipients(verb)
    return [t for t in found if comp is None or t.i != comp.i]


def _complement_recipients(verb: Token) -> list[Token]:
    """Whom a demand, threat, refusal or offer is about, read from what is demanded:
    "demanded that ISRAEL ease…", "threatened to break off relations with CONGO",
    "refused to meet JORDAN'S KING", "offered to hand them over to BRITAIN"."""
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.pos_ in ("VERB", "AUX"):
            subj = subject(clause)
            if subj is not None and subj.pos_ != "PRON":
                return [subj]
        if clause.dep_ == "xcomp" and clause.pos_ == "VERB":
            objects = [o for o in clause.children if o.dep_ in ("dobj", "dative")]
            holders = [clause, *objects]  # "relations WITH Congo" hangs on the object
            preps = [o for h in holders for o in prep_objects(h, COMPLEMENT_PREPS)]
            named = [o for o in objects + preps if o.ent_type_ in NAMED or o.pos_ == "PROPN"]
            return named[:1] if named else []
    return []


def _noun_recipients(noun: Token, m: Match) -> list[Token]:
    preps = frozenset(m.pattern.recipient_preps)
    found = list(prep_objects(noun, preps))
    verb = governing_verb(noun)
    if not found and verb is not None:
        found = list(prep_objects(verb, preps))
    if not found and m.pattern.mode == "visit":
        found = _destinations(noun) or (_destinations(verb) if verb is not None else [])
    return [t for t in found if m.companion is None or t.i != m.companion.i]


def _destinations(tok: Token) -> list[Token]:
    """Countries and cities a visit goes to: GPE objects of to/in/like/including below ``tok``."""
    out: list[Token] = []
    for node in tok.subtree:
        if node.dep_ == "pobj" and node.ent_type_ == "GPE" and node.head.lower_ in VISIT_PREPS:
            out.append(node)
    return out


def acled_for(event: Event) -> Acled | None:
    """ACLED type refined by who fought whom: two armed sides make a battle, not an attack."""
    if event.type != "ASSAULT" or event.acled is None:
        return event.acled
    sides = {
        event.actor.sector if event.actor else None,
        event.recipient.sector if event.recipient else None,
    }
    if event.acled.event_type == "Violence against civilians" and sides <= ARMED:
        return Acled("Battles", "Armed clash")
    return event.acled
