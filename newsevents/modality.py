"""Polarity: does the text assert that an event happened, deny it, suppose it, or state a rule?

Cues are read on the trigger and on the chain of words governing it, up to the first reporting
verb ("officials SAID troops fired" asserts the firing as much as the report does):
- negated: "not", "never", "no exchange of fire", "denied attacking", "failed to";
- hypothetical: modals and future ("may prompt", "will impose"), conditionals ("if"), wishes and
  plans ("threatened to attack", "intended to help"), questions, "risk of", "potential";
- generic: habitual present with a generic subject ("soldiers are instructed to shoot",
  "defectors are smuggled"), or habitual adverbs ("often", "usually").
"""

from __future__ import annotations

from typing import Any

from newsevents.records import Polarity
from newsevents.syntax import effective_head, governing_verb

__all__ = ["conditional", "disavowed", "embedding", "intent", "polarity", "ultimatum"]

Token = Any

NEGATORS = {"not", "n't", "never", "no", "without", "nobody", "none", "neither", "nor"}
NEGATING_VERBS = {"deny", "fail", "refuse", "decline", "avoid", "stop", "cease", "halt"}
DENYING_VERBS = {"deny", "dispute", "refute"}
MODALS = {"may", "might", "could", "would", "should", "will", "shall", "can", "must", "'ll", "wo"}
CONDITIONALS = {"if", "unless", "whether", "lest"}
HYPOTHETICAL_GOVERNORS = {
    "threaten", "plan", "intend", "want", "seek", "vow", "promise", "hope", "expect", "aim",
    "prepare", "propose", "consider", "plot", "wish", "pledge", "offer", "urge", "ask", "call",
    "demand", "order", "warn", "agree", "decide", "allow", "encourage",
    "push", "press", "fear", "risk", "need", "instruct",
}  # fmt: skip
HYPOTHETICAL_ADJECTIVES = {"willing", "ready", "prepared", "eager", "determined", "set", "likely"}
FUTURE_MODALS = {"will", "would", "shall", "'ll", "wo"}
INTENT_VERBS = {
    "plan", "intend", "vow", "promise", "pledge", "threaten", "prepare", "decide", "agree",
    "offer", "aim", "seek", "want", "propose", "expect",
}  # fmt: skip
HYPOTHETICAL_NOUNS = {
    "risk", "threat", "possibility", "fear", "danger", "prospect", "plan", "chance", "demand",
    "call", "appeal", "request", "proposal", "offer", "promise", "pledge", "ultimatum", "bid",
}  # fmt: skip
"""Nouns whose complement is not (yet) an act: "its DEMAND that Israel ease restrictions"."""
HYPOTHETICAL_MODIFIERS = {"potential", "possible", "planned", "proposed", "prospective", "future"}
REPORTING_VERBS = {
    "say", "tell", "report", "state", "announce", "add", "claim", "confirm", "indicate",
    "note", "write", "quote", "explain", "insist", "reveal", "declare", "allege", "show",
    "charge", "testify", "acknowledge", "admit",
}  # fmt: skip
HABITUAL_ADVERBS = {
    "often",
    "usually",
    "always",
    "typically",
    "routinely",
    "generally",
    "regularly",
}
GENERIC_QUANTIFIERS = {"most", "many", "all", "some", "every", "each", "any"}
MAX_DEPTH = 6
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
OCCURRENCE_VERBS = {
    "take", "happen", "occur", "hold", "begin", "start", "continue", "resume", "go", "come",
    "be", "follow", "last", "end", "break", "erupt", "intensify", "escalate", "spread",
}  # fmt: skip


def polarity(anchor: Token, sent: Any) -> Polarity:
    """The polarity of the event whose trigger is ``anchor``."""
    if _question(sent) or _condition_on_subject(anchor):
        return "hypothetical"
    if _negated(anchor):
        return "negated"
    chain = _governing_chain(anchor)
    if any(tok.pos_ in ("VERB", "AUX") and _generic_verb(tok) for tok in chain):
        return "generic"
    pairs = zip([None, *chain[:-1]], chain, strict=True)
    if any(_hypothetical(tok, anchor, below) for below, tok in pairs):
        return "hypothetical"
    return "asserted"


def _question(sent: Any) -> bool:
    return bool(sent.text.rstrip().rstrip("”\"'’").endswith("?"))


def _condition_on_subject(anchor: Token) -> bool:
    """ "IF the talks fail": an event noun that is the subject of a condition."""
    head = anchor.head
    return anchor.dep_ in SUBJECTS and any(
        c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in head.children
    )


def intent(anchor: Token, sent: Any) -> bool:
    """Whether the event's own actor announces it as intended: "will extend the curfew",
    "is willing to withdraw", "plans to visit". PLOVER codes such statements as THREATEN or
    AGREE. Conditions ("if"), possibilities ("may") and questions are not intentions, nor is
    someone else's purpose ("sanctions intended to force Kim to negotiate")."""
    if polarity(anchor, sent) != "hypothetical" or _question(sent):
        return False
    verb = (governing_verb(anchor) or anchor) if anchor.pos_ == "NOUN" else anchor
    for _ in range(MAX_DEPTH):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in verb.children):
            return False
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children):
            return True
        if verb.dep_ != "xcomp":
            return False
        head = verb.head
        if head.pos_ == "ADJ" and head.lemma_.lower() in HYPOTHETICAL_ADJECTIVES:
            return True
        if head.pos_ != "VERB" or head.lemma_.lower() not in INTENT_VERBS:
            return False
        # "urged X to…" announces X's act, not the speaker's
        return not any(c.dep_ == "dobj" for c in head.children)
    return False


def conditional(anchor: Token) -> bool:
    """Whether the act is told inside a condition: "IF the militants do not withdraw"."""
    tok = anchor
    for _ in range(MAX_DEPTH):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONALS for c in tok.children):
            return True
        if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "conj", "aux", "neg"):
            return False
        tok = tok.head
    return False


def disavowed(anchor: Token) -> bool:
    """An intention its holder denies: "is NOT willing to negotiate", "does NOT plan to
    resign". The statement is a refusal (PLOVER REJECT), not an agreement."""
    verb = (governing_verb(anchor) or anchor) if anchor.pos_ == "NOUN" else anchor
    if verb.dep_ != "xcomp":
        return False
    holder = verb.head.head if verb.head.dep_ == "acomp" else verb.head
    return any(c.dep_ == "neg" for t in (verb.head, holder) for c in t.children)


def ultimatum(anchor: Token) -> bool:
    """An announced act made conditional on the other side's conduct: "will withdraw its force
    UNLESS the president arranges a ceasefire", "will cut aid IF the killings do NOT stop"."""
    verb = anchor.head if anchor.pos_ == "NOUN" else anchor
    for clause in verb.children:
        if clause.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        negated = any(c.dep_ == "neg" for c in clause.children)
        if "unless" in marks or ("if" in marks and negated):
            return True
    return False


SUBORDINATE = {"advcl", "acl", "relcl", "xcomp", "pcomp", "pobj", "ccomp", "csubj", "appos"}
"""Dependencies that put an act below another: purposes, circumstances, relative clauses,
complements and prepositional phrases ("one day AFTER a jet shot down…")."""


def embedding(anchor: Token) -> int:
    """How many clauses or phrases down from its sentence's main clause an act is told.

    Reported speech is not embedding: in "officials said troops fired", the firing is the news.
    Nor is coordination ("shot and wounded"), nor an event noun as subject or object of its
    clause ("announced a SUSPENSION of air links")."""
    depth, tok = 0, anchor
    for _ in range(2 * MAX_DEPTH):
        head = effective_head(tok)
        if head.i == tok.i:
            break
        reported = tok.dep_ == "ccomp" and head.lemma_.lower() in REPORTING_VERBS
        depth += tok.dep_ in SUBORDINATE and not reported
        tok = head
    return depth


def _governing_chain(anchor: Token) -> list[Token]:
    """``anchor`` and the words above it, stopping below a reporting verb, and below the verb
    an event noun is the subject of unless that verb only says it happens: "the talks WILL
    BE HELD" supposes the talks, "these sanctions will WORSEN the crisis" does not."""
    chain = [anchor]
    tok = anchor
    for _ in range(MAX_DEPTH):
        head = effective_head(tok)
        if head.i == tok.i or head.lemma_.lower() in REPORTING_VERBS:
            break
        if tok.dep_ in SUBJECTS and head.lemma_.lower() not in OCCURRENCE_VERBS:
            break
        chain.append(head)
        tok = head
    return chain


def _negated(anchor: Token) -> bool:
    if any(_is_negator(c) or _no_one(c) for c in anchor.children):
        return True
    head = anchor.head
    if anchor.dep_ in ("xcomp", "pcomp") and head.lemma_.lower() in NEGATING_VERBS:
        return True
    if anchor.dep_ == "ccomp" and head.lemma_.lower() in DENYING_VERBS:
        return True  # "denied that troops had shelled the town"
    if anchor.dep_ in ("attr", "dobj", "nsubj", "nsubjpass", "xcomp") and head.i != anchor.i:
        return any(_is_negator(c) for c in head.children if c.dep_ == "neg")
    return False


def _no_one(tok: Token) -> bool:
    """ "NOBODY accepted", "NO country recognised": a subject that denies the act."""
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return tok.lower_ in ("nobody", "none") or any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children
    )


def _is_negator(tok: Token) -> bool:
    return tok.dep_ in ("neg", "det", "preconj") and tok.lower_ in NEGATORS


def _hypothetical(tok: Token, anchor: Token, below: Token | None) -> bool:
    """Cues on ``tok``, reached from ``below`` in the chain: a plan or wish governs what it
    takes as a complement ("threatened TO ATTACK"), not what is coordinated with it."""
    for child in tok.children:
        if child.dep_ == "aux" and (child.tag_ == "MD" or child.lower_ in MODALS):
            return True
        if child.dep_ == "mark" and child.lower_ in CONDITIONALS:
            return True
        if child.dep_ == "amod" and child.lower_ in HYPOTHETICAL_MODIFIERS and tok.i == anchor.i:
            return True
        if child.dep_ == "det" and child.lower_ == "any" and tok.i == anchor.i:
            return True
    if tok.pos_ == "VERB" and _subjunctive(tok):
        return True
    lemma = tok.lemma_.lower()
    if tok.i != anchor.i and lemma in HYPOTHETICAL_NOUNS and tok.pos_ == "NOUN":
        return True
    if tok.i != anchor.i and lemma in HYPOTHETICAL_ADJECTIVES and tok.pos_ == "ADJ":
        return True
    governed = below is not None and below.dep_ not in ("conj", "cc", "nsubj", "nsubjpass")
    return governed and lemma in HYPOTHETICAL_GOVERNORS and tok.pos_ == "VERB"


def _generic_verb(verb: Token) -> bool:
    """Habitual present ("are instructed", "face") with a generic subject or adverb, and no
    date: "negotiators return to Geneva THIS WEEK" tells one occasion."""
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
        return True
    if not _simple_present(verb) or _dated(verb) or _stance_predicate(verb):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and _generic_subject(subj)


def _stance_predicate(verb: Token) -> bool:
    """ "officials ARE prepared to compromise": a present stance, not a habit."""
    return any(
        c.dep_ == "acomp" and c.lemma_.lower() in HYPOTHETICAL_ADJECTIVES | {"committed"}
        for c in verb.children
    )


def _dated(verb: Token) -> bool:
    for child in verb.children:
        if child.ent_type_ == "DATE" or (
            child.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in child.children)
        ):
            return True
    return False


def _subjunctive(verb: Token) -> bool:
    """ "demanded that Israel EASE restrictions": a bare verb with a subject of its own is a
    mandate, not a fact."""
    if verb.tag_ != "VB" or verb.dep_ != "ccomp":
        return False
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"aux", "auxpass"}


def _simple_present(verb: Token) -> bool:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" or any(a.lemma_ == "have" for a in auxes):
        return False
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    return bool(tags & {"VBZ", "VBP"}) and not (tags & {"VBD", "MD"})


def _generic_subject(subj: Token) -> bool:
    """Bare plurals ("soldiers"), quantified ("most defectors") or generic pronouns ("they")."""
    if subj.lower_ in ("one", "you"):  # "they" nearly always refers back in news
        return True
    dets = [c for c in subj.children if c.dep_ in ("det", "amod", "predet")]
    if any(d.lower_ in GENERIC_QUANTIFIERS for d in dets):
        return True
    has_det = any(c.dep_ in ("det", "poss") for c in subj.children)
    return subj.tag_ in ("NNS", "NNPS") and not has_det and subj.ent_type_ not in ("GPE", "ORG")
