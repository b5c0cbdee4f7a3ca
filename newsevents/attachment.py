"""Which place mention of a sentence says where an event verb's event happened.

A place mention is attached to an event when the dependency path from the mention up to the
event's clause passes only through relations that *locate*:

- the object of a locative preposition ("killed IN Goma", "clashed NEAR the border");
- a direct object or passive subject that is itself a place ("captured Kisangani", "Kisangani was
  captured");
- a name qualifying a place noun ("a BAGHDAD market", "SARAJEVO's streets", "the village OF
  Mainok", "the Hama countryside"), or a coordinated or apposed name ("in Rawalpindi, a city…");
- the "in X" of the event's own arguments ("killed an administrator IN Mogadishu"), of a
  participle on one of them ("a car PARKED at X detonated") and of a verb after a preposition
  ("killed after BEING SURROUNDED in X", "began BY STORMING the towns of X").

The path is cut, and the mention is no location, where it meets an actor (a subject, a possessor
or modifier of a person, unit or thing: "Syrian troops", "the Caracas mayor", "a U.S. airstrike"),
a source or goal ("from", "to", "by"), a relative position ("north of Budapest": the data's coders
leave these out), or another clause (a relative, adverbial or complement clause, or a verb
coordinated with its own subject, or the aim of a coordinated verb: "was captured and is
BELIEVED to be held in Gaza": a place there belongs to another event).

The event's clause is the trigger and the verbs that share its circumstances: the verb it is
coordinated with ("shot AND killed"), the main verb of a participle clause ("stormed the village,
KILLING 39"), and the verbs of its own participle and subject-less coordinated clauses.
"""

from __future__ import annotations

from typing import Any

from newsevents.toponyms import SETTLEMENT_WORDS

__all__ = ["PLACE_NOUNS", "attachment_cost", "figurative", "framing_level", "relative_anchor"]

Token = Any

LOCATIVE = frozenset({
    "in", "at", "near", "outside", "inside", "across", "through", "throughout", "around", "within",
    "along", "over", "into", "onto", "off", "between", "beyond", "among", "on", "upon",
    "nearby", "underneath", "under", "beneath", "behind", "past", "via", "down",
})  # fmt: skip
"""Prepositions whose object is where something happened ("amid" is not: "killed AMID
the crisis in Europe" names a background, not a place)."""
INSIDE = frozenset({"inside", "outside"})
"""Words that locate through "of" ("inside OF Gao") as they do alone."""
CIRCUMSTANCE = frozenset({"during", "after", "before", "in", "following"})
"""Prepositions of an event noun whose own place is the event's ("killed DURING clashes in X")."""
PLACE_NOUNS = SETTLEMENT_WORDS | frozenset({
    "countryside", "street", "road", "highway", "market", "marketplace", "square", "mosque",
    "church", "temple", "shrine", "school", "university", "college", "hospital", "clinic", "home",
    "house", "residence", "apartment", "building", "hotel", "restaurant", "cafe", "embassy",
    "consulate", "office", "headquarters", "base", "airport", "airbase", "airfield", "station",
    "checkpoint", "prison", "jail", "farm", "plantation", "bridge", "harbour", "harbor",
    "mountain", "hill", "desert", "coast", "front", "frontline", "sector", "zone", "axis", "flank",
    "perimeter", "enclave", "quarter", "bazaar", "stadium", "park", "barracks", "outpost",
    "plain", "lake", "river", "sea", "gulf", "waters", "shop", "store", "mall", "compound",
    "complex", "center", "centre", "heart", "downtown", "slum", "field", "oilfield", "port",
    "periphery", "outskirt", "vicinity", "territory", "area", "mainland", "court",
    "courthouse", "parliament", "palace", "ministry", "stronghold", "frontier", "suburb", "plaza",
    "neighbourhood", "neighborhood", "locality", "settlement", "site", "mine", "factory",
    "refinery", "pipeline", "rally", "governorate", "province", "precinct", "ward", "municipality",
    "nightclub", "hall", "hut", "junction", "plateau", "farmland", "roadblock", "venue", "belt",
    "bar", "club", "beach", "forest", "canal", "avenue", "corridor", "airstrip", "dam",
})  # fmt: skip
"""Nouns that name a kind of place: a name qualifying them is a place ("a Baghdad market")."""
SOURCE_OR_GOAL = frozenset({
    "from", "to", "toward", "towards", "by", "for", "against", "with", "like", "than", "about",
    "of", "as", "per", "unlike", "versus",
})  # fmt: skip
AGENTS = frozenset({"by", "of", "from"})
"""Prepositions whose object a place may qualify on its way to the event: the agent ("killed BY
forces in X"), the whole ("members OF a group in X"), the origin. The other ("clashes WITH
fighters in X", "protested AGAINST strikes on X", "marched TO the embassy in X") name a party,
a target or a goal the data's coders leave unlocated."""
SHARED = frozenset({"conj", "advcl", "xcomp"})
"""Verb-to-verb links along which two verbs may share the place of their event."""
ACTORS = frozenset({"expl", "csubj"})
"""Dependencies that are never a place's role (subjects are handled by :func:`_phrase_step`)."""

STEP = 0.1
"""Cost of each step of the path: of two attached places, the nearer one wins."""
OBJECT = 0.4
"""A place that is the verb's object ("captured Kisangani") rather than in its phrase."""
QUALIFIER = 0.3
"""A name qualifying a place noun ("the Baghdad neighbourhood of X"): the noun's own name wins."""
CONJOINED, CROSSED, MARKED = 0.0, 1.0, 1.6
"""Crossing to a subject-less coordinated verb ("shot and killed"), to the verb a participle
hangs on ("stormed…, KILLING 39"), and into an adverbial clause or coordinated clause with its
own subject or subordinating word ("killed WHEN… in X"), which the data's coders take as the
event's place about as often as not."""
CLAUSE_ON_NOUN = 1.0
"""A relative or participle clause on a noun of the event ("forces which were positioned IN
DARAA", "a car PARKED at the market")."""
MAX_CLAUSE = 2.0
"""Verbs further than this from the trigger do not share its clause."""


def attachment_cost(trigger: Token, place: Token, known: bool = True) -> float | None:
    """How loosely ``place`` (a mention's head token) is attached to the event of ``trigger``;
    None when it is not where the event happened.

    ``known`` is False for a name that neither the tagger nor the gazetteer calls a place
    ("Palmyra" tagged as a person): it counts only where the syntax frames it as one ("IN
    Palmyra", "the village OF Palmyra", "the PALMYRA countryside"), never as a bare object
    ("captured Bishara").
    """
    if not known and not _framed(place):
        return None
    if place.dep_ in ("dobj", "nsubjpass") and not _ground_object(place):
        return None
    clause = _event_clause(trigger)
    cost, node, via = 0.0, place, ""
    for _ in range(40):
        if node.i in clause:
            return cost + clause[node.i]
        step = _phrase_step(node, via, clause) if node.dep_ in PASS_THROUGH else _edge_cost(node)
        if step is None:
            return None
        cost, node, via = cost + step + STEP, node.head, node.dep_
    return None


PRIZES = frozenset({
    "title", "medal", "gold", "silver", "bronze", "crown", "championship", "cup", "trophy",
    "victory", "win", "race", "match", "game", "wicket", "seat", "vote", "governorship",
    "nomination", "spot", "award", "prize", "pulitzer", "footage", "image", "picture", "photo",
    "view", "coverage", "attention", "imagination", "mood", "vibe", "spirit", "essence",
    "moment", "magnificence", "history", "page", "headline", "share", "lead",
})  # fmt: skip
"""Things captured, seized or taken in a contest or by a camera: "CAPTURED her 41st TITLE in
Rome", "the film captures harrowing FOOTAGE in Afghanistan" are no event of conflict."""
TAKING = frozenset({"capture", "seize", "take", "grab", "snatch"})
RECORDED = frozenset({"camera", "film", "video", "tape", "footage"})


def figurative(trigger: Token) -> bool:
    """A verb of taking used of a prize, a picture or a vote ("captured the title", "was
    captured on camera"): it happened nowhere the data's coders locate."""
    if trigger.lemma_.lower() not in TAKING:
        return False
    for child in trigger.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in PRIZES:
            return True
        if child.dep_ == "prep" and child.lower_ == "on" and _recorded(child):
            return True
    return False


def _recorded(prep: Token) -> bool:
    """ "captured ON CAMERA", "ON FILM"."""
    return any(o.lemma_.lower() in RECORDED for o in prep.children if o.dep_ == "pobj")


def _framed(place: Token) -> bool:
    """A name the syntax presents as a place: after a locative preposition, qualifying a place
    noun, or the object of a verb whose object is always ground ("ENTERED al-Bab")."""
    if place.dep_ in ("dobj", "nsubjpass"):
        return bool(place.head.lemma_.lower() in ENTERED)
    if place.dep_ == "pobj":
        prep = place.head.lower_
        owner = place.head.head
        return prep in LOCATIVE or (
            prep == "of" and (owner.lower_ in INSIDE or _names_place(place, owner))
        )
    return place.dep_ in ("compound", "poss") and _names_place(place, place.head)


ENTERED = frozenset({
    "enter", "storm", "overrun", "besiege", "liberate", "recapture", "retake", "occupy",
    "encircle", "surround", "shell", "infiltrate", "bombard", "evacuate", "patrol", "reach",
})  # fmt: skip
"""Verbs whose object is a place whatever the tagger calls it: "stormed Mas 'Idyah"."""
OWNED = frozenset({
    "office", "home", "house", "residence", "headquarters", "building", "embassy", "consulate",
    "compound", "palace", "farm", "shop", "store", "school", "hospital", "base", "factory",
})  # fmt: skip
"""Place nouns that people and organisations own: "Ariel Sharon's OFFICES", "the HEADQUARTERS
of the Sunni Endowment" name an owner, not a place."""


def _names_place(name: Token, noun: Token) -> bool:
    """Whether ``name``, qualifying ``noun``, is the name of a place: the noun is a kind of
    place, and not one a person or organisation owns."""
    lemma = noun.lemma_.lower()
    if lemma not in PLACE_NOUNS:
        return False
    return lemma not in OWNED or name.ent_type_ not in ("PERSON", "ORG")


GROUND_VERBS = frozenset({
    "capture", "seize", "take", "enter", "storm", "patrol", "raid", "shell", "bomb", "invade",
    "overrun", "liberate", "recapture", "besiege", "retake", "occupy", "control", "attack",
    "target", "strike", "hit", "pound", "reach", "encircle", "surround", "flee", "evacuate",
})  # fmt: skip
"""Verbs whose object is often ground: "captured Kasumbalesa", "patrolled Katmandu"."""


def _ground_object(place: Token) -> bool:
    """A name that is itself the object or passive subject is a place only when the tagger
    calls it one, or when the verb takes ground and the tagger does not call the name a person
    ("captured Kisangani"); otherwise it is a person or group done to ("Zubaydah was shot",
    "captured Ocalan")."""
    if place.ent_type_ in PLACE_TAGS:
        return True
    if place.ent_type_ in ("PERSON", "NORP"):
        return False
    return bool(place.head.lemma_.lower() in GROUND_VERBS)


PASS_THROUGH = {"nsubj": 1.0, "pobj": 0.5}
"""Nouns a place may qualify without being them: "police IN TOKYO patrolled" (the subject),
"captured by U.S. forces IN AFGHANISTAN" (the agent)."""


def _phrase_step(noun: Token, via: str, clause: dict[int, float]) -> float | None:
    """Step from a subject or agent noun reached through its own locative preposition."""
    if noun.dep_ == "nsubj":
        return PASS_THROUGH["nsubj"] if via == "prep" and noun.head.i in clause else None
    if via == "prep" and noun.head.lower_ in AGENTS:
        return PASS_THROUGH["pobj"]
    return _edge_cost(noun)


def _event_clause(trigger: Token) -> dict[int, float]:
    """The verbs sharing the trigger's circumstances, with the cost of crossing to each: up
    through the verbs it is coordinated with or depends on as a participle (on a verb, or on
    a noun of a verb), then down into their own coordinated and adverbial verbs."""
    clause = {trigger.i: 0.0}
    node, total = trigger, 0.0
    while node.dep_ in SHARED and node.head.i != node.i:
        cost = _shared_cost(node)
        if cost is None:
            break
        node, total = node.head, total + cost
        clause[node.i] = total
    verb = _verb_above(trigger.head) if trigger.dep_ == "acl" else None
    if verb is not None:  # "a bomber struck mourners ATTENDING a funeral in Ramadi"
        clause.setdefault(verb.i, MARKED)
    todo = [trigger.doc[i] for i in clause]
    while todo:
        verb = todo.pop()
        for child in verb.children:
            cost = _shared_cost(child) if child.dep_ in SHARED else None
            if cost is None or child.pos_ not in ("VERB", "AUX") or _aim(child, trigger):
                continue
            total = clause[verb.i] + cost
            if total < clause.get(child.i, MAX_CLAUSE):
                clause[child.i] = total
                todo.append(child)
    return clause


def _aim(verb: Token, trigger: Token) -> bool:
    """ "was shot, but managed TO WALK to Sulmona", "have vowed TO MARCH into Kinshasa": the
    complement of a verb coordinated with the trigger is an aim or belief of its own, not a
    circumstance of the trigger's event."""
    return bool(verb.dep_ == "xcomp" and verb.head.i != trigger.i and verb.head.dep_ == "conj")


def _verb_above(noun: Token) -> Token | None:
    """The verb whose subject, object or prepositional object ``noun`` is, or None."""
    node = noun
    for _ in range(4):
        if node.dep_ not in NOUN_ROLES or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


NOUN_ROLES = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "prep"})


def _shared_cost(verb: Token) -> float | None:
    """A participle or subject-less coordinated verb shares the place of the verb it hangs on;
    an adverbial clause of its own ("when their vehicle was hit") often does; a coordinated
    clause with its own subject does not."""
    children = {c.dep_ for c in verb.children}
    if verb.dep_ == "conj":
        if verb.head.pos_ not in ("VERB", "AUX"):
            return None
        return MARKED if children & {"nsubj", "nsubjpass"} else CONJOINED
    if children & {"nsubj", "nsubjpass", "mark"}:
        return MARKED
    return CROSSED


def _edge_cost(node: Token) -> float | None:
    """Cost of stepping from ``node`` to its head; None when the step leaves the place's role."""
    dep, head = node.dep_, node.head
    if head.i == node.i or dep in ACTORS:
        return None
    if dep == "pobj":
        return _preposition_cost(node)
    if dep in ("prep", "agent") or (dep == "advmod" and node.lower_ in INSIDE):
        return 0.0
    if dep in ("compound", "poss", "nmod", "amod"):
        if _owned_or_named(head):
            return None
        return QUALIFIER if _place_noun(head) or _names_ground(node, dep) else None
    if dep in ("dobj", "nsubjpass", "attr", "oprd"):
        return OBJECT if head.pos_ in ("VERB", "AUX") else None
    if dep == "relcl" and head.pos_ != "PROPN":
        return CLAUSE_ON_NOUN  # "forces which were positioned IN DARAA"
    if dep == "acl" and head.pos_ in ("NOUN", "PRON"):
        return CLAUSE_ON_NOUN  # "a car PARKED at the market detonated"
    if dep == "pcomp" and node.pos_ in ("VERB", "AUX"):
        return CROSSED  # "killed after BEING SURROUNDED in Kafr Shams"
    if dep in ("conj", "appos", "nummod", "cc", "punct"):
        return 0.2 if head.pos_ not in ("VERB", "AUX") else None
    if dep == "npadvmod":
        return 1.0 if head.pos_ in ("VERB", "AUX") else 0.2
    return None


REPRESENTED = frozenset({"embassy", "consulate", "mission", "legation"})
"""Place nouns a state owns wherever they stand: "outside the U.S. EMBASSY in Islamabad" names
the state the embassy represents, not where it is."""


def _owned_or_named(noun: Token) -> bool:
    """A noun whose qualifying name is no place of the event: an embassy's state, or an event
    named after a place ("the Vietnam WAR", "the Beijing Olympic GAMES")."""
    return bool(noun.lemma_.lower() in REPRESENTED or noun.ent_type_ == "EVENT")


def _names_ground(name: Token, dep: str) -> bool:
    """ "captured on a BELGRADE bus", "at two MEXICO CITY mansions": a place name qualifying a
    noun in a locative phrase locates the event; "a U.S. helicopter was shot", "captured a
    West Bank leader" name an owner or origin."""
    noun = name.head
    return (
        dep == "compound"
        and name.ent_type_ in PLACE_TAGS
        and noun.dep_ == "pobj"
        and noun.head.lower_ in LOCATIVE
    )


PLACE_TAGS = frozenset({"GPE", "LOC", "FAC"})


def _preposition_cost(obj: Token) -> float | None:
    prep = obj.head
    word = prep.lower_
    if word == "of":
        owner = prep.head
        if owner.lower_ in INSIDE:
            return 0.0  # "inside OF the Harabish District"
        if _relative(owner):
            return None
        if _place_noun(owner) or owner.lemma_.lower() in PARTS_AND_ACTS or _in_place(owner):
            return 0.0
        return None
    if word in SOURCE_OR_GOAL:
        return None
    return 0.0 if word in LOCATIVE or word in CIRCUMSTANCE else None


def _in_place(noun: Token) -> bool:
    """ "on the doorstep OF his home", "in the courtyard OF the hospital": a noun itself in a
    locative phrase, or taken as ground, locates its "of" complement too."""
    if noun.dep_ == "pobj":
        return bool(noun.head.lower_ in LOCATIVE)
    return bool(noun.dep_ == "dobj" and noun.head.lemma_.lower() in GROUND_VERBS)


def _place_noun(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in PLACE_NOUNS or tok.lower_ in PLACE_NOUNS


PARTS_AND_ACTS = frozenset({
    "half", "part", "rest", "much", "most", "many", "some", "parts", "all", "areas", "invasion",
    "siege", "occupation", "capture", "fall", "bombing", "shelling", "liberation", "battle",
    "bombardment", "outskirts", "streets", "heart", "centre", "center", "edge", "percent",
    "chunk", "swath", "third", "one", "entrance", "perimeter", "side", "corner", "length",
})  # fmt: skip
"""Words after which "of" names the place: "half OF Zaire", "the siege OF Sarajevo"."""
RELATIVE = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "kilometers", "kilometres", "miles", "km"})  # fmt: skip


def relative_anchor(name: Token) -> Token | None:
    """The word a relative position hangs on ("NORTH of Bunia", "20 KM of"), or None."""
    if name.dep_ == "pobj" and name.head.lower_ == "of" and _relative(name.head.head):
        return name.head.head
    return None


def _relative(tok: Token) -> bool:
    """ "north OF Budapest", "20 km OF": a position relative to a place, not the place; but
    "in THE north of Iraq", with its article, is a part of the place."""
    if any(c.dep_ == "det" for c in tok.children):
        return False
    return tok.lower_ in RELATIVE or tok.dep_ == "advmod"


TOWN_NOUNS = frozenset({
    "city", "town", "village", "neighbourhood", "neighborhood", "district", "suburb", "camp",
    "hamlet", "township", "locality", "settlement", "quarter", "port", "capital", "area",
})  # fmt: skip
AREA_NOUNS = frozenset({"province", "state", "governorate", "region", "county", "department"})
PART_NOUNS = frozenset({"district", "neighbourhood", "neighborhood", "quarter", "suburb", "area"})
"""Parts of a town: "the Nahrawan DISTRICT of Baghdad" is named by its compound, and its "of"
names the town it lies in."""


def framing_level(name: Token) -> int | None:
    """0 for a name the text frames as a town or part of one ("the city OF X", "X, a town",
    "X district"), 3 for one framed as a province, 2 for the town a named part lies in ("the
    Nahrawan district OF BAGHDAD", "the Nahdha area IN central BAGHDAD": coders take the
    part); None when the text does not say."""
    noun = None
    if name.dep_ == "pobj" and name.head.lower_ in ("of", "in") and _named_part(name.head.head):
        return 2
    if name.dep_ == "pobj" and name.head.lower_ == "of":
        noun = name.head.head
    elif name.dep_ == "appos" or (
        name.dep_ == "compound" and (_named_part(name.head) or not _has_of_name(name.head))
    ):
        noun = name.head
    lemma = noun.lemma_.lower() if noun is not None else ""
    if lemma in TOWN_NOUNS:
        return 0
    return 3 if lemma in AREA_NOUNS else None


def _named_part(noun: Token) -> bool:
    """ "the NAHRAWAN district of Baghdad": a part of a town with a name of its own."""
    return noun.lemma_.lower() in PART_NOUNS and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children
    )


def _has_of_name(noun: Token) -> bool:
    """ "the West Bank town OF TULKARM": the town is named by its "of" phrase."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.pos_ == "PROPN" for o in c.children)
        for c in noun.children
    )
