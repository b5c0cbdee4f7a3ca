"""Stances: what an actor's attitude toward an act is in PLOVER.

An announced act ("will extend the curfew") is a statement of intent: THREATEN for harm, AGREE
for cooperation; made conditional on the other side ("will withdraw unless…") it is an ultimatum
(THREATEN); a denied intention ("is not willing to negotiate") and a cooperative act its own
actor is said not to do ("will not accept", "declined to resign") are a REJECT. Each stance is
a new asserted event beside the act, with the act's actor and recipient.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from newsevents.modality import conditional, disavowed, intent, ultimatum
from newsevents.patterns import Lexicon, Match
from newsevents.records import Event
from newsevents.syntax import subject

__all__ = ["INTENTIONS", "stances"]

Token = Any
INTENTIONS = {
    **dict.fromkeys(("ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"), "THREATEN"),
    **dict.fromkeys(("AID", "CONSULT", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"), "AGREE"),
}
"""What PLOVER codes an announced future act as: a threat of harm, or an agreement to help."""
STANCE_MODES = {
    "THREATEN": {
        **dict.fromkeys(("ASSAULT", "MOBILIZE"), "violence"),
        "COERCE": "restrict",
        **dict.fromkeys(("SANCTION", "PROTEST"), "relations"),
    },
    "REJECT": {
        **dict.fromkeys(("AGREE", "AID", "COOPERATE", "SUPPORT"), "assist"),
        **dict.fromkeys(("RETREAT", "CONCEDE"), "yield"),
        "CONSULT": "meet",
    },
}
"""PLOVER's mode of a threat or refusal, from the category of the act threatened or refused."""
REFUSABLE = {"AGREE", "AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"}
"""Cooperative acts whose denial by their own actor ("will not accept", "declined to resign",
"failed to reach agreement") PLOVER codes as REJECT."""


def stances(
    m: Match, coded: list[Event], sent: Any, anchors: set[int], lexicon: Lexicon, seq: int
) -> list[Event]:
    """What the actor's own stance toward an act says in PLOVER: an announced act is a
    THREATEN or AGREE, an ultimatum a THREATEN, a refused cooperative act a REJECT."""
    stated = [e for e in coded if e.actor is not None]
    if _announced(m, sent, anchors):
        kind = "THREATEN" if ultimatum(m.anchor) else INTENTIONS[m.pattern.category]
        kind = "REJECT" if kind == "AGREE" and disavowed(m.anchor) else kind
        return [_stance(e, kind, lexicon, seq + k) for k, e in enumerate(stated)]
    if m.pattern.category in REFUSABLE and _refused(m, coded):
        return [_stance(e, "REJECT", lexicon, seq + k) for k, e in enumerate(stated)]
    return []


def _refused(m: Match, coded: list[Event]) -> bool:
    """A cooperative act its own actor is said not to do ("will not accept", "declined to
    resign"); a denial that it happened at all ("no agreement was reached") is no refusal."""
    negated = bool(coded) and coded[0].polarity == "negated"
    pending = any(c.lower_ == "yet" for c in m.anchor.children)  # "have not YET agreed"
    if _nobody(subject(m.anchor)) or pending or m.anchor.pos_ != "VERB":
        return False
    return negated and not conditional(m.anchor)


def _nobody(doer: Token | None) -> bool:
    """ "NOBODY accepted the offer" denies the act without anyone refusing it."""
    if doer is None:
        return False
    return doer.lower_ in ("nobody", "none") or any(c.lower_ == "no" for c in doer.children)


def _announced(m: Match, sent: Any, anchors: set[int]) -> bool:
    """An intended act ("will extend the curfew") whose intention no other trigger codes
    ("threatened to attack" is coded by "threatened" already)."""
    if INTENTIONS.get(m.pattern.category) is None or not intent(m.anchor, sent):
        return False
    return not (m.anchor.dep_ == "xcomp" and m.anchor.head.i in anchors)


def _stance(event: Event, kind: str, lexicon: Lexicon, seq: int) -> Event:
    """The statement of intent or refusal itself, asserted."""
    return replace(
        event,
        id=f"{event.id.rsplit('-', 1)[0]}-{seq}",
        type=kind,
        mode=STANCE_MODES.get(kind, {}).get(event.type),
        polarity="asserted",
        confidence=round(event.confidence * 0.9, 3),
        cameo=lexicon.category(kind).cameo,
        acled=None,
    )
