"""ACLED sub-types: of one coded event, and of a whole snippet or article.

The sub-type comes from the structured event first (PLOVER category and mode, who acted on whom,
casualties) and from the snippet's words only where the event cannot say: the weapon used, a
disaster or a crime that no PLOVER category covers, who took a town. The words are cues written by
us in ``lexicon/acled.toml``; this module decides the order in which they are weighed.

:class:`SubType` names are the upper-case ones of the CASE 2021 fine-grained task: the 25 ACLED
sub-event types plus five that ACLED does not code (organised crime, natural and man-made
disasters, diplomacy, attribution of responsibility). :data:`ACLED_TABLE` maps each name to
ACLED's ``(event_type, sub_event_type)``, or to None for the five.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from newsevents.cues import (
    SENTENCE_END,
    AcledLexicon,
    Words,
    sentences_of,
    words_of,
)
from newsevents.records import Acled, Actor, Doc, Event

__all__ = [
    "ACLED_TABLE",
    "AcledLexicon",
    "Evidence",
    "SubType",
    "acled_for",
    "classify",
    "subtype_for",
]


class SubType(StrEnum):
    """An ACLED-style sub-type name, as used in ``eval acled-subtype`` gold files."""

    GOV_REGAINS_TERIT = "GOV_REGAINS_TERIT"
    NON_STATE_ACTOR_OVERTAKES_TER = "NON_STATE_ACTOR_OVERTAKES_TER"
    ARMED_CLASH = "ARMED_CLASH"
    FORCE_AGAINST_PROTEST = "FORCE_AGAINST_PROTEST"
    PROTEST_WITH_INTER = "PROTEST_WITH_INTER"
    PEACE_PROTEST = "PEACE_PROTEST"
    VIOL_DEMONSTR = "VIOL_DEMONSTR"
    MOB_VIOL = "MOB_VIOL"
    CHEM_WEAP = "CHEM_WEAP"
    AIR_STRIKE = "AIR_STRIKE"
    SUIC_BOMB = "SUIC_BOMB"
    ART_MISS_ATTACK = "ART_MISS_ATTACK"
    REM_EXPLOS = "REM_EXPLOS"
    GRENADE = "GRENADE"
    SEX_VIOL = "SEX_VIOL"
    ATTACK = "ATTACK"
    ABDUCT_DISSAP = "ABDUCT_DISSAP"
    AGREEMENT = "AGREEMENT"
    ARREST = "ARREST"
    CHANGE_TO_GROUP_ACT = "CHANGE_TO_GROUP_ACT"
    DISR_WEAP = "DISR_WEAP"
    HQ_ESTABLISHED = "HQ_ESTABLISHED"
    PROPERTY_DISTRUCT = "PROPERTY_DISTRUCT"
    NON_VIOL_TERRIT_TRANSFER = "NON_VIOL_TERRIT_TRANSFER"
    OTHER = "OTHER"
    ORG_CRIME = "ORG_CRIME"
    NATURAL_DISASTER = "NATURAL_DISASTER"
    MAN_MADE_DISASTER = "MAN_MADE_DISASTER"
    DIPLO = "DIPLO"
    ATTRIB = "ATTRIB"


_B, _P, _R = "Battles", "Protests", "Riots"
_E, _V, _S = "Explosions/Remote violence", "Violence against civilians", "Strategic developments"
ACLED_TABLE: dict[SubType, Acled | None] = {
    SubType.GOV_REGAINS_TERIT: Acled(_B, "Government regains territory"),
    SubType.NON_STATE_ACTOR_OVERTAKES_TER: Acled(_B, "Non-state actor overtakes territory"),
    SubType.ARMED_CLASH: Acled(_B, "Armed clash"),
    SubType.FORCE_AGAINST_PROTEST: Acled(_P, "Excessive force against protesters"),
    SubType.PROTEST_WITH_INTER: Acled(_P, "Protest with intervention"),
    SubType.PEACE_PROTEST: Acled(_P, "Peaceful protest"),
    SubType.VIOL_DEMONSTR: Acled(_R, "Violent demonstration"),
    SubType.MOB_VIOL: Acled(_R, "Mob violence"),
    SubType.CHEM_WEAP: Acled(_E, "Chemical weapon"),
    SubType.AIR_STRIKE: Acled(_E, "Air/drone strike"),
    SubType.SUIC_BOMB: Acled(_E, "Suicide bomb"),
    SubType.ART_MISS_ATTACK: Acled(_E, "Shelling/artillery/missile attack"),
    SubType.REM_EXPLOS: Acled(_E, "Remote explosive/landmine/IED"),
    SubType.GRENADE: Acled(_E, "Grenade"),
    SubType.SEX_VIOL: Acled(_V, "Sexual violence"),
    SubType.ATTACK: Acled(_V, "Attack"),
    SubType.ABDUCT_DISSAP: Acled(_V, "Abduction/forced disappearance"),
    SubType.AGREEMENT: Acled(_S, "Agreement"),
    SubType.ARREST: Acled(_S, "Arrests"),
    SubType.CHANGE_TO_GROUP_ACT: Acled(_S, "Change to group/activity"),
    SubType.DISR_WEAP: Acled(_S, "Disrupted weapons use"),
    SubType.HQ_ESTABLISHED: Acled(_S, "Headquarters or base established"),
    SubType.PROPERTY_DISTRUCT: Acled(_S, "Looting/property destruction"),
    SubType.NON_VIOL_TERRIT_TRANSFER: Acled(_S, "Non-violent transfer of territory"),
    SubType.OTHER: Acled(_S, "Other"),
    SubType.ORG_CRIME: None,
    SubType.NATURAL_DISASTER: None,
    SubType.MAN_MADE_DISASTER: None,
    SubType.DIPLO: None,
    SubType.ATTRIB: None,
}
"""Each sub-type name and ACLED's (event_type, sub_event_type); None: not an ACLED type."""

# ---------------------------------------------------------------- one event

MODE_SUBTYPE = {
    ("ASSAULT", "aerial"): SubType.AIR_STRIKE,
    ("ASSAULT", "heavy-weapons"): SubType.ART_MISS_ATTACK,
    ("ASSAULT", "explosives"): SubType.REM_EXPLOS,
    ("ASSAULT", "suicide-attack"): SubType.SUIC_BOMB,
    ("ASSAULT", "sexual"): SubType.SEX_VIOL,
    ("ASSAULT", "abduct"): SubType.ABDUCT_DISSAP,
    ("COERCE", "arrest"): SubType.ARREST,
    ("COERCE", "disperse"): SubType.PROTEST_WITH_INTER,
    ("COERCE", "destroy"): SubType.PROPERTY_DISTRUCT,
    ("COERCE", "ban"): SubType.OTHER,
    ("COERCE", "curfew"): SubType.OTHER,
    ("COERCE", "martial-law"): SubType.OTHER,
    ("MOBILIZE", "troops"): SubType.CHANGE_TO_GROUP_ACT,
    ("PROTEST", "riot"): SubType.VIOL_DEMONSTR,
}
"""PLOVER category and mode that fix the sub-type on their own."""

WEAPON_CUES = (
    ("chemical", SubType.CHEM_WEAP),
    ("suicide", SubType.SUIC_BOMB),
    ("grenade", SubType.GRENADE),
    ("air", SubType.AIR_STRIKE),
    ("shelling", SubType.ART_MISS_ATTACK),
)
"""Weapons named near a violent event, most specific first: they decide its sub-type."""

DIPLOMATIC = {"CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "SANCTION", "AID", "COOPERATE"}
DIPLOMATIC |= {"THREATEN", "CONCEDE", "AGREE", "RETREAT"}
STATE_SECTORS = {"MIL", "COP"}
"""Armed sectors of the state; officials (GOV) are unarmed targets, as ACLED counts them."""
NONSTATE_SECTORS = {"REB", "CRM"}
ARMED_SIDES = {"state", "nonstate"}


def subtype_for(event: Event, lexicon: AcledLexicon | None = None) -> SubType | None:
    """The sub-type of one coded event, from its category, mode, sides and the weapons its
    sentence names; None when the event is not of a kind ACLED or the extra types record."""
    lex = lexicon or AcledLexicon.load()
    words = sentences_of(event.sentence.text)
    if event.type == "ASSAULT":
        return _assault(event, lex, words)
    fixed = MODE_SUBTYPE.get((event.type, event.mode or ""))
    if fixed is not None:
        return fixed
    if event.type == "PROTEST":
        return SubType.PEACE_PROTEST
    if event.type in ("AGREE", "RETREAT", "CONCEDE") and lex.found("agreement", words):
        return SubType.AGREEMENT
    if event.type == "RETREAT" and _armed(lex, event.actor):
        return SubType.NON_VIOL_TERRIT_TRANSFER
    if event.type == "COERCE" and lex.found("disrupted", words):
        return SubType.DISR_WEAP
    return SubType.DIPLO if event.type in DIPLOMATIC and _official(event.actor) else None


def acled_for(event: Event, lexicon: AcledLexicon | None = None) -> Acled | None:
    """ACLED's (event_type, sub_event_type) of one coded event, or None."""
    subtype = subtype_for(event, lexicon)
    return ACLED_TABLE[subtype] if subtype else None


def _assault(event: Event, lex: AcledLexicon, words: Sequence[Words]) -> SubType:
    disaster = _disaster_in(lex, words)
    if disaster is not None and not _armed(lex, event.actor):
        return disaster
    for cue, subtype in WEAPON_CUES:
        if lex.found(cue, words):
            return subtype
    fixed = MODE_SUBTYPE.get(("ASSAULT", event.mode or ""))
    if fixed is not None:
        return fixed
    actor, recipient = side_of(lex, event.actor), side_of(lex, event.recipient)
    if actor in ARMED_SIDES and recipient in ARMED_SIDES:
        return SubType.ARMED_CLASH
    if recipient == "civilian" and lex.found("protest", words):
        return SubType.FORCE_AGAINST_PROTEST
    if recipient != "civilian" and lex.found("clash", words):
        return SubType.ARMED_CLASH
    if actor == "civilian" and event.mode == "primitive" and recipient != "state":
        return SubType.MOB_VIOL
    if actor is None and recipient is None and {"state", "nonstate"} <= lex.sides_in(words):
        return SubType.ARMED_CLASH
    battle = event.acled is not None and event.acled.event_type == _B
    return SubType.ARMED_CLASH if battle and recipient != "civilian" else SubType.ATTACK


def side_of(lex: AcledLexicon, actor: Actor | None) -> str | None:
    """Which side an actor is on: its words first ("militia" is non-state whatever the sector),
    then its sector."""
    if actor is None:
        return None
    side = lex.side(words_of(actor.text))
    if side is not None:
        return side
    if actor.sector in NONSTATE_SECTORS:
        return "nonstate"
    if actor.sector in STATE_SECTORS:
        return "state"
    return "civilian" if actor.sector else None


def _armed(lex: AcledLexicon, actor: Actor | None) -> bool:
    return side_of(lex, actor) in ARMED_SIDES


def _official(actor: Actor | None) -> bool:
    """A state or international body speaking: the actors of diplomacy."""
    return actor is not None and (actor.sector in (None, "GOV") and actor.country is not None)


# ---------------------------------------------------------------- a whole snippet


@dataclass(frozen=True)
class Evidence:
    """What the rules weigh: sentences as words and the asserted events in them, most confident
    first; ``context`` is the whole snippet, for the details of what those sentences report."""

    sentences: tuple[Words, ...]
    events: tuple[Event, ...]
    lexicon: AcledLexicon
    context: tuple[Words, ...]

    @classmethod
    def of(cls, doc: Doc, lexicon: AcledLexicon | None = None, *, lead: bool = False) -> Evidence:
        """The evidence of the whole snippet, or (``lead``) of its first sentence without the
        phrases that give the background ("after days of fighting")."""
        text = doc.article.text
        every = sentences_of(text)
        first, end, gaps = _lead(text) if lead else (text, len(text), [])
        asserted = sorted(
            (e for e in doc.events if e.polarity == "asserted" and _within(e, end, gaps)),
            key=lambda e: (-e.confidence, e.trigger.span[0]),
        )
        lex = lexicon or AcledLexicon.load()
        return cls(sentences_of(first)[:1] if lead else every, tuple(asserted), lex, every)

    def has(self, *cues: str) -> bool:
        return any(self.lexicon.found(cue, self.sentences) for cue in cues)

    def around(self, *cues: str) -> bool:
        """Whether any of ``cues`` occurs anywhere in the snippet."""
        return any(self.lexicon.found(cue, self.context) for cue in cues)

    def event(self, category: str, mode: str | None = None) -> Event | None:
        """The most confident asserted event of ``category`` (and ``mode``, when given)."""
        return next((e for e in self.events if e.type == category and mode in (None, e.mode)), None)

    def side_before(self, cue: str) -> str | None:
        """The side of whoever did what ``cue`` names: the words before it, or after "by"."""
        for s, i in self.lexicon.found(cue, self.sentences):
            words = self.sentences[s]
            after = words[i + 1 : i + 4]
            agent = words[i + 2 :] if any("by" in w for w in after) else words[:i]
            side = self.lexicon.side(agent)
            if side is not None:
                return side
        return None


BACKGROUND = re.compile(
    r"\b(?:after|following|amid|despite|in (?:response|retaliation) (?:to|for))\b[^,;.]*",
    re.IGNORECASE,
)
"""A phrase that tells what came before or around the event: the lead's rules pass it over."""


def _lead(text: str) -> tuple[str, int, list[tuple[int, int]]]:
    """The lead sentence less its background phrases, where it ends, and the phrases' spans."""
    lead = SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    start = text.find(lead)
    gaps = [(start + m.start(), start + m.end()) for m in BACKGROUND.finditer(lead)]
    return BACKGROUND.sub(" ", lead), start + len(lead), gaps


def _within(event: Event, end: int, gaps: list[tuple[int, int]]) -> bool:
    at = event.trigger.span[0]
    return at < end and not any(a <= at < b for a, b in gaps)


VIOLENCE = (
    *("attack", "explosive", "shelling", "air", "suicide"),
    *("grenade", "abduction", "clash", "destruction"),
)
"""Cues of violence someone may claim or be blamed for."""
Rule = Callable[[Evidence], SubType | None]


def classify(doc: Doc, lexicon: AcledLexicon | None = None) -> SubType:
    """The one sub-type that best describes a snippet or article: the first rule that applies
    to its lead sentence (news tells the event first), else to the whole text; the weakest
    rules (any diplomatic act, any coded event) only to the whole text."""
    for lead, rules in ((True, RULES[:-FALLBACKS]), (False, RULES)):
        evidence = Evidence.of(doc, lexicon, lead=lead)
        for rule in rules:
            found = rule(evidence)
            if found is not None:
                return found
    return SubType.OTHER


def _chemical(ev: Evidence) -> SubType | None:
    return SubType.CHEM_WEAP if ev.has("chemical") else None


def _disaster(ev: Evidence) -> SubType | None:
    """Disasters are told in ordinary words; a deliberate act or an armed side rules them out."""
    if any(_armed(ev.lexicon, e.actor) for e in ev.events):
        return None
    return _disaster_in(ev.lexicon, ev.sentences)


def _disaster_in(lex: AcledLexicon, sentences: Sequence[Words]) -> SubType | None:
    if lex.found("hostile", sentences):
        return None
    if lex.found("natural_disaster", sentences):
        return SubType.NATURAL_DISASTER
    return SubType.MAN_MADE_DISASTER if lex.found("accident", sentences) else None


def _attribution(ev: Evidence) -> SubType | None:
    """Someone claims or is blamed for violence: "X claimed responsibility for the bombing"."""
    if not ev.has(*VIOLENCE) and ev.event("ASSAULT") is None:
        return None
    accuse = ev.event("ACCUSE")
    official = accuse is not None and accuse.recipient is not None and _official(accuse.actor)
    return SubType.ATTRIB if ev.has("attribution") or official else None


def _weapon(ev: Evidence) -> SubType | None:
    if ev.has("disrupted") and not ev.has("crime"):
        return SubType.DISR_WEAP
    for cue, subtype in WEAPON_CUES[1:]:
        if ev.has(cue) and not (cue == "grenade" and ev.has("nonlethal")):
            return subtype
    event = ev.event("ASSAULT")
    mode = MODE_SUBTYPE.get(("ASSAULT", event.mode or "")) if event else None
    if mode in (SubType.AIR_STRIKE, SubType.ART_MISS_ATTACK, SubType.SUIC_BOMB):
        return mode
    if ev.has("incendiary") and ev.has("protest"):
        return None
    return SubType.REM_EXPLOS if ev.has("explosive") or mode == SubType.REM_EXPLOS else None


def _sexual(ev: Evidence) -> SubType | None:
    return SubType.SEX_VIOL if ev.has("sexual") or ev.event("ASSAULT", "sexual") else None


def _crime(ev: Evidence) -> SubType | None:
    return SubType.ORG_CRIME if ev.has("crime") else None


def _protest(ev: Evidence) -> SubType | None:
    """Who did what to the demonstrators decides: they turned violent, they were shot or
    seriously hurt, they were dispersed or detained, or nothing happened to them."""
    if ev.has("demarche") or not (ev.has("protest") or _protest_event(ev)):
        return None
    if ev.around("riotous"):
        return SubType.VIOL_DEMONSTR
    if ev.around("lethal") and _forceful(ev):
        return SubType.FORCE_AGAINST_PROTEST
    if ev.around("intervention") or ev.event("COERCE", "disperse") or ev.event("COERCE", "arrest"):
        return SubType.PROTEST_WITH_INTER
    return SubType.PEACE_PROTEST


def _protest_event(ev: Evidence) -> bool:
    """A coded demonstration or dispersal ("unrest" alone, coded as a riot, is not one)."""
    events = (ev.event("PROTEST", mode) for mode in ("demo", "obstruct", "strike", "boycott"))
    return any(events) or ev.event("COERCE", "disperse") is not None


def _forceful(ev: Evidence) -> bool:
    """Someone armed hurt people: state forces or armed men as the actor of a violent event,
    or named in the snippet."""
    if any(e.type == "ASSAULT" and _armed(ev.lexicon, e.actor) for e in ev.events):
        return True
    return bool(ev.lexicon.sides_in(ev.context) & ARMED_SIDES)


def _restriction(ev: Evidence) -> SubType | None:
    """A curfew or state of emergency as the main event, whatever violence prompted it."""
    if not ev.events or ev.events[0].type != "COERCE":
        return None
    return SubType.OTHER if ev.events[0].mode in ("curfew", "martial-law") else None


def _mob(ev: Evidence) -> SubType | None:
    if ev.has("mob"):
        return SubType.MOB_VIOL
    event = ev.event("ASSAULT", "primitive")
    civilian = event is not None and side_of(ev.lexicon, event.actor) == "civilian"
    return SubType.MOB_VIOL if civilian else None


def _abduction(ev: Evidence) -> SubType | None:
    return SubType.ABDUCT_DISSAP if ev.has("abduction") or ev.event("ASSAULT", "abduct") else None


def _territory(ev: Evidence) -> SubType | None:
    """Who took a place: government forces regain it, anyone else overtakes it; a place left
    to the other side without a fight is a non-violent transfer."""
    if ev.has("transfer") and _armed_words(ev):
        return SubType.NON_VIOL_TERRIT_TRANSFER
    for cue in ("regain", "overtake"):
        if ev.has(cue):
            side = ev.side_before(cue)
            state = side == "state" or (side is None and cue == "regain")
            return SubType.GOV_REGAINS_TERIT if state else SubType.NON_STATE_ACTOR_OVERTAKES_TER
    return None


def _armed_words(ev: Evidence) -> bool:
    return any(ev.lexicon.side(words) in ARMED_SIDES for words in ev.sentences)


def _base(ev: Evidence) -> SubType | None:
    return SubType.HQ_ESTABLISHED if ev.has("base") else None


def _strategic(ev: Evidence) -> SubType | None:
    """Non-violent developments, each named by its own cue words or coded event."""
    agreement = ev.has("agreement")
    if agreement and (_armed_words(ev) or ev.event("AGREE") is not None):
        return SubType.AGREEMENT
    if ev.has("arrest") or ev.event("COERCE", "arrest"):
        return SubType.ARREST
    if ev.has("group_change") or ev.event("MOBILIZE", "troops"):
        return SubType.CHANGE_TO_GROUP_ACT
    if ev.has("destruction") or ev.event("COERCE", "destroy"):
        return SubType.PROPERTY_DISTRUCT
    return SubType.OTHER if ev.has("other") else None


def _fighting(ev: Evidence) -> SubType | None:
    """Armed clash or attack: from the coded events' sides, else from the words."""
    for event in ev.events:
        if event.type == "ASSAULT":
            return subtype_for(event, ev.lexicon)
    both = {"state", "nonstate"} <= ev.lexicon.sides_in(ev.sentences)
    if ev.has("clash") or (both and ev.has("attack")):
        return SubType.ARMED_CLASH
    return SubType.ATTACK if ev.has("attack") else None


def _diplomacy(ev: Evidence) -> SubType | None:
    if ev.has("diplomacy") or any(e.type in DIPLOMATIC for e in ev.events):
        return SubType.DIPLO
    if any(_official(e.actor) and _official(e.recipient) for e in ev.events):
        return SubType.DIPLO
    return None


def _any_event(ev: Evidence) -> SubType | None:
    return next((s for e in ev.events if (s := subtype_for(e, ev.lexicon))), None)


RULES: tuple[Rule, ...] = (
    _chemical,
    _disaster,
    _attribution,
    _weapon,
    _protest,
    _sexual,
    _crime,
    _restriction,
    _mob,
    _abduction,
    _base,
    _territory,
    _strategic,
    _fighting,
    _diplomacy,
    _any_event,
)
"""The rules in the order they are tried: specific evidence before general."""
FALLBACKS = 2
"""How many of the last rules are fallbacks, tried on the whole text only."""
