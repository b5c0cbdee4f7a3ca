"""Arguments: who did it and to whom, read off the dependency tree around a trigger.

Subjects, by-agents, objects and prepositional objects, shared across coordinated, controlled
and participial verbs; relative pronouns stand for their antecedents; a demand, threat or offer
finds its recipient inside the clause it governs. The phrases are left unresolved: the actors
stage gives them a country and sector.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from newsevents.lexicon import load_toml
from newsevents.patterns import Match
from newsevents.syntax import (
    conjuncts,
    effective_head,
    governing_verb,
    is_passive,
    phrase_bounds,
    prep_objects,
    subject,
)

__all__ = ["EVENT_NOUNS", "actor_heads", "recipient_heads"]

Token = Any

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
    "remain", "stay", "put", "place", "keep", "declare", "reimpose", "use", "open", "file",
    "lodge", "voice", "express", "raise",
}  # fmt: skip
"""Verbs whose subject is the actor of their object noun ("launched an ATTACK")."""
PARTICIPATION_VERBS = frozenset({"engage", "involve", "participate"})
"""Verbs whose subject, passive or not, takes part in their noun: "were engaged in FIGHTING"."""
STANCE_PARTICIPLES = frozenset({"oppose", "commit", "determine", "resolve", "dedicate"})
"""Passive in form, active in sense: in "Israel is opposed to…" Israel holds the stance."""
MATERIAL = {"ASSAULT", "COERCE"}
GRIEVANCE_PREPS = frozenset({"over", "about", "against", "at"})
"""Prepositions naming what an accusation or complaint is about ("complained over RAIDS")."""
PLACE_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
PLACE_TARGETS = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST"}
"""Categories whose act may be aimed at a place ("a curfew in Cizre") when at no one."""
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
PARTY_PREPS = frozenset(
    {"to", "with", "against", "on", "from", "by", "of", "over", "toward", "towards", "for"}
    | {"between", "among"}
)
"""Prepositions whose named object may be the other party when the object of a trigger is a
thing ("offered its troops TO Lebanon", "rejected calls BY Kofi Annan")."""
NAMED_PARTY = {"GPE", "ORG", "NORP", "PERSON"}
CONDITIONS = {"unless", "if", "until"}
"""Conjunctions of a condition whose subject is the one a threat or demand is aimed at."""
STATE_NOUNS = {"nation", "country", "state", "regime", "government", "kingdom", "republic"}


def actor_heads(m: Match) -> list[Token]:
    tok = m.anchor
    head = _noun_actor(tok) if m.pattern.pos == "NOUN" else _verb_actor(tok)
    return _argument_heads([head] if head is not None else [])


def _verb_actor(verb: Token, depth: int = 0) -> Token | None:
    if depth > 3:
        return None
    found = _own_actor(verb)
    if found is not None and _names_act(found):
        return _modifier_actor(found) or _noun_by(found) or found  # an unidentified attacker
    if found is not None:
        return found
    if verb.dep_ == "acl" and not is_passive(verb) and verb.head.pos_ == "NOUN":
        noun = verb.head  # "aircraft USING missiles"; "issued a declaration DEMANDING…"
        return noun if _names_party(noun) else _noun_actor(noun)
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


def _stative(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in STANCE_PARTICIPLES and is_passive(verb) and _agent_of(verb) is None


def _own_actor(verb: Token) -> Token | None:
    if _stative(verb):
        return _passive_patient(verb)
    if is_passive(verb):
        agent = _agent_of(verb)
        active = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if agent is None and active is not None:
            return active  # an active verb with a measure: "cut BY HALF"
        if agent is None:
            agent = next((_agent_of(c) for c in verb.children if c.dep_ == "conj"), None)
        if agent is not None:
            return agent
        return _instrument_owner(verb) or _means(verb)
    return subject(verb)


def _means(verb: Token) -> Token | None:
    """ "was killed IN A CAR BOMB EXPLOSION": the act stands for an attacker nobody named."""
    found = (o for o in prep_objects(verb, ("in", "by", "during")) if _names_act(o))
    return next(found, None)


def _names_act(noun: Token) -> bool:
    return bool(noun.pos_ == "NOUN" and noun.lemma_.lower() in EVENT_NOUNS)


def _agent_of(verb: Token) -> Token | None:
    """The by-agent, never a measure ("shortened BY ONE HOUR")."""
    return next((o for o in prep_objects(verb, ("by",)) if _argument(o)), None)


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
    if verb is not None and _takes_part(verb):
        return _participant(verb) or _modifier_actor(noun)
    if verb is None or not _lemmas(verb) & SUPPORT_VERBS:
        return _modifier_actor(noun)
    if noun.dep_ in ("nsubj", "nsubjpass"):
        return _agent_of(verb) or _modifier_actor(noun)
    return _verb_actor(verb) or _modifier_actor(noun)


def _takes_part(verb: Token) -> bool:
    """ "engaged in", "involved in", "took part in": the subject does the act."""
    if verb.lemma_.lower() == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    return verb.lemma_.lower() in PARTICIPATION_VERBS


def _participant(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _lemmas(tok: Token) -> set[str]:
    """The parser's lemma and the word's plain stems, for lemmas the model gets wrong
    ("staged" → "stag")."""
    word = tok.lower_
    stems = {word, word.removesuffix("d"), word.removesuffix("ed"), word.removesuffix("s")}
    if word.endswith("ing"):
        stems |= {word[:-3], word[:-3] + "e"}
    return {tok.lemma_.lower(), *stems}


def _modifier_actor(noun: Token) -> Token | None:
    """ "Israeli airstrike", "U.S. sanctions": a national or named modifier is the actor."""
    for child in noun.children:
        if child.dep_ not in ("amod", "compound", "nmod"):
            continue
        named = child.ent_type_ in ("NORP", "GPE", "ORG")
        capital = child.text[:1].isupper() and not child.is_sent_start  # not "RECENT attacks"
        if named or (child.pos_ in ("ADJ", "PROPN") and capital):
            return child
    return None


def recipient_heads(m: Match) -> list[Token]:
    tok = m.anchor
    heads = _verb_recipients(tok, m) if m.pattern.pos == "VERB" else _noun_recipients(tok, m)
    return _argument_heads(heads)


def _argument_heads(heads: list[Token]) -> list[Token]:
    """Each head and its conjuncts, relative pronouns replaced by what they refer to."""
    out: list[Token] = []
    for head in heads:
        for tok in [t for c in conjuncts(_antecedent(head)) for t in _split_modifiers(c)]:
            nominal = tok.pos_ in ARGUMENT_POS or (tok.pos_ == "ADJ" and tok.text[:1].isupper())
            usable = nominal and tok.lower_ not in PLEONASTIC
            usable = usable and not _hyphen_piece(tok) and not _dummy_it(tok)
            if usable and all(tok.i != o.i for o in out):
                out.append(tok)
    return out


def _split_modifiers(noun: Token) -> list[Token]:
    """ "Hungarian and Romanian officials": coordinated nationalities make one actor each,
    each named by its own word."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "GPE"):
            pair = conjuncts(child)
            if len(pair) > 1 and all(t.ent_type_ in ("NORP", "GPE") for t in pair):
                return pair
    return [noun]


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
    if is_passive(verb) and not _stative(verb):
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
    found = [t for t in found if (comp is None or t.i != comp.i) and _argument(t)]
    if m.pattern.category == "ACCUSE" and any(map(_addressee, found)):
        accused = [o for o in prep_objects(verb, GRIEVANCE_PREPS) if _names_party(o)]
        found = accused or found
    return _settle(verb, found, m)


def _addressee(tok: Token) -> bool:
    """ "complained TO THE UN": whom a grievance is addressed to, not whom it is about."""
    return bool(tok.dep_ == "pobj" and tok.head.lower_ == "to")


def _settle(
    trigger: Token, found: list[Token], m: Match, own_preps: frozenset[str] = PARTY_PREPS - {"by"}
) -> list[Token]:
    """The recipients found, unless they are things or the actor's own ("withdraw ITS troops"):
    then a named party the trigger governs, or, for acts done to a place, the place."""
    own = [t for t in found if _self_owned(t) and t.dep_ not in ("nsubj", "nsubjpass")]
    found = [t for t in found if t not in own]
    material = m.pattern.category in MATERIAL
    if any(map(_names_party, found)) or (found and material):
        return found  # "attacked THE TOWN": the target of a material act may be a thing
    named = _named_party(trigger, found + own, own_preps)
    if named or found:
        return named or found
    place = _place_target(trigger) if m.pattern.category in PLACE_TARGETS else []
    return place or own


def _argument(tok: Token) -> bool:
    return bool(tok.ent_type_ not in NOT_ARGUMENTS)


def _self_owned(tok: Token) -> bool:
    """ "ITS troops", "THEIR forces", "blew THEMSELVES up": what the actor does something
    with, or to itself, not to another."""
    reflexive = tok.pos_ == "PRON" and tok.lower_.endswith(("self", "selves"))
    return reflexive or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children)


def _place_target(trigger: Token) -> list[Token]:
    """ "imposed a curfew IN HAITI", "troops on alert in the WEST BANK": where an act of force
    or control is done, coded as its target when no one else is."""
    verb = governing_verb(trigger) if trigger.pos_ != "VERB" else None
    for node in [*trigger.subtree, *(verb.subtree if verb is not None else [])]:
        if (
            node.dep_ == "pobj"
            and node.ent_type_ in ("GPE", "LOC")
            and node.head.lower_ in ("in", "at", "on", "into")
        ):
            return [node]
    return []


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
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        noun = noun.head  # "a mediation EFFORT between…": the phrase's head holds its objects
    found = list(prep_objects(noun, preps))
    verb = governing_verb(noun)
    if not found and verb is not None:
        found = list(prep_objects(verb, preps))
    if not found and m.pattern.mode == "visit":
        found = _destinations(noun) or (_destinations(verb) if verb is not None else [])
    found = [t for t in found if (m.companion is None or t.i != m.companion.i) and _argument(t)]
    return _settle(noun, found, m, own_preps=PARTY_PREPS - {"by", "of"})


def _names_party(tok: Token) -> bool:
    """Whether a phrase names a state, group or person rather than a thing; a personal
    pronoun ("shot HIM") is taken as naming whoever it refers to."""
    if tok.pos_ == "PRON":
        return tok.lower_ not in ("it", "its", "this", "that", "which", "what")
    if tok.pos_ not in ARGUMENT_POS:
        return False
    start, end = phrase_bounds(tok)
    agents = _agent_nouns()
    return any(
        t.ent_type_ in NAMED_PARTY or (t.pos_ == "NOUN" and t.lemma_.lower() in agents)
        for t in tok.doc[start:end]
    )


@cache
def _agent_nouns() -> frozenset[str]:
    """Nouns for people, groups and states ("defectors", "the nation", "police")."""
    actors = load_toml("actors.toml")
    words = {w.lower() for terms in actors.get("sector", {}).values() for w in terms}
    return frozenset(words | STATE_NOUNS)


def _named_party(
    trigger: Token, things: list[Token], own_preps: frozenset[str] = PARTY_PREPS - {"by"}
) -> list[Token]:
    """The other party when the trigger's own object is a thing or missing: a named object of
    a preposition on the trigger ("apologized TO Brazil"), else the first named party in an
    argument slot after the trigger, inside what it governs ("denounced SERBIA'S suppression",
    "rejected calls by KOFI ANNAN", "threatened to launch an offensive … with IRAQ")."""
    direct = [o for o in prep_objects(trigger, own_preps) if _names_party(o)]
    verb = governing_verb(trigger) if trigger.pos_ != "VERB" else None
    if verb is not None:  # "impose restrictions … FOR new EU members"
        direct += [o for o in prep_objects(verb, own_preps) if o.i > trigger.i and _names_party(o)]
    if direct:
        return direct[:1]
    for node in trigger.subtree:
        slot = node.i > trigger.i and _party_slot(node, trigger) and not _self_owned(node)
        if slot and _names_party(node):
            return [node]
    return []


def _party_slot(node: Token, trigger: Token) -> bool:
    """Object, possessor or prepositional object: a place where the other party may stand
    (not a prepositional object that names the trigger's own actor, "attack BY x")."""
    if node.dep_ in ("dobj", "dative", "poss", "appos", "conj"):
        return node.dep_ != "poss" or (node.pos_ != "PRON" and not _in_place(node, trigger))
    if node.dep_ in ("nsubj", "nsubjpass"):  # "threatened to attack UNLESS BAGHDAD accepted"
        clause = node.head
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        return bool(clause.dep_ == "ccomp" or marks & CONDITIONS)
    if node.dep_ != "pobj" or node.head.lower_ not in PARTY_PREPS:
        return False
    own = node.head.head.i == trigger.i
    return not (own and node.head.lower_ in ("by", "of"))


def _in_place(node: Token, trigger: Token) -> bool:
    """ "rioted at a jail IN EAST TIMOR'S capital": a name inside a place phrase locates the
    act; it is not the other party."""
    tok = node
    while tok.i != trigger.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS:
            return True
        tok = tok.head
    return False


def _destinations(tok: Token) -> list[Token]:
    """Countries and cities a visit goes to: GPE objects of to/in/like/including below ``tok``."""
    out: list[Token] = []
    for node in tok.subtree:
        if node.dep_ == "pobj" and node.ent_type_ == "GPE" and node.head.lower_ in VISIT_PREPS:
            out.append(node)
    return out
