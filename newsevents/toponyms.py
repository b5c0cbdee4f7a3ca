"""Toponym recognition: the place mentions of a parsed article, before resolution.

spaCy's GPE/LOC/FAC entities, plus what the NER misses: salient gazetteer names (countries,
first-level divisions, large towns, the supplement's zones and seas) found in running text and
inside organisation names ("Kentucky State Police"), names a settlement word vouches for ("the
town of Buinaksk"), names mistagged as people after "in", salient place names mistagged as
nationalities ("the countryside of ALEPPO"), and, on request, nationality words.
Those inside other entities, and nationality words, are marked ``embedded``: context for
resolution, never where an event happened.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, POS
from spacy.symbols import PROPN
from spacy.tokens import Span as TokenSpan

from newsevents.gazetteer import (
    MATCH_ALIAS,
    MATCH_PRIMARY,
    SALIENT_CITY_POPULATION,
    SPELT_SHORT,
    Entry,
    Gazetteer,
    distance_km,
    normalize,
)
from newsevents.lexicon import load_toml
from newsevents.records import Span
from newsevents.stages.dates import MONTHS, WEEKDAYS
from newsevents.syntax import text_of

__all__ = [
    "AREA_WORDS",
    "FACILITY_NOUNS",
    "GENERIC_WORDS",
    "LANDSCAPE_KINDS",
    "NOT_PLACES",
    "SETTLEMENT_WORDS",
    "WITH_THE",
    "Mention",
    "find_mentions",
    "group_names",
    "is_generic",
    "mistaken_date",
]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
HOST_LABELS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
"""Entities whose words may name a place inside them ("University of Kentucky")."""
MISTAGGED_LABELS = frozenset({"PERSON", "ORG", "NORP", "LANGUAGE", "PRODUCT", "WORK_OF_ART"})
SETTLEMENT_WORDS = frozenset({
    "town", "city", "village", "province", "district", "region", "area", "capital", "port",
    "suburb", "neighbourhood", "neighborhood", "county", "governorate", "state", "hamlet",
    "municipality", "camp", "outskirts", "island", "valley", "border", "crossing", "township",
})  # fmt: skip
"""Words that name a kind of place: the proper noun they frame is a place name."""
AREA_WORDS = frozenset({
    "county", "parish", "province", "state", "region", "district", "oblast", "governorate",
    "prefecture", "municipality", "territory", "emirate", "canton", "voivodeship", "krai",
    "raion", "okrug",
})  # fmt: skip
"""A name that says it is an area ("Orange County", "Sokoto State", "County Cork", "the
Governorate of Idlib") means the admin area of that name, not the town."""
TAKING_VERBS = frozenset({
    "strike", "shell", "attack", "bomb", "capture", "seize", "storm", "raid", "invade",
    "besiege", "liberate", "recapture", "retake", "target", "pound", "bombard", "overrun",
    "encircle", "surround", "occupy", "annex", "blockade", "patrol", "evacuate", "secure",
    "enter", "reach", "retook",
})  # fmt: skip
"""Verbs whose object, when it is a salient place name, is that place: "struck Kharkiv",
"troops patrolled Guayaquil", "fighters entered Manbij" ("retook" is as the lemmatizer leaves
it)."""
BORDERS = frozenset({"border", "frontier", "boundary"})
MOTION_VERBS = frozenset({
    "travel", "go", "return", "fly", "move", "head", "come", "drive", "flee", "evacuate",
    "relocate", "deport", "send", "transfer", "walk", "sail", "ride", "commute", "arrive",
    "trip", "journey", "visit", "spread", "advance", "march", "retreat", "withdraw", "escape",
    "migrate", "airlift", "smuggle", "deploy", "redeploy", "dispatch", "extradite",
    "repatriate", "expel", "cross",
})  # fmt: skip
"""Verbs after which "to", "from" or "toward" name a place ("travelling to Cirencester")."""
FLEEING_VERBS = frozenset({"flee", "escape"})
"""Verbs whose object is what one got away from, a place rather than a person ("fled HAMMOND",
"escaped Mariupol"; one flees "his captors", not a name)."""
MOTION_PREPS = frozenset({"to", "from", "toward", "towards", "through", "via"})
DEPARTURE_VERBS = frozenset({"flee", "leave", "depart", "head", "sail", "fly", "bind"})
"""Verbs after which "for" names where one goes: "fled for ADRE", "bound for Sfax"."""
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "into", "across", "around", "inside"})
PLACING_PREPS = LOCATIVE_PREPS | {"of", "from", "to"}
COMPASS_WORDS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west",
})  # fmt: skip
NOT_PLACES = frozenset(
    {"north", "south", "east", "west", "earth", "world", "heaven", "hell", "commonwealth"}
)

GENERIC_WORDS = SETTLEMENT_WORDS | frozenset({
    "central", "western", "eastern", "northern", "southern", "upper", "lower", "new", "old",
    "northeast", "northwest", "southeast", "southwest",
    "metro", "gulf", "coast", "river", "lake", "park", "university", "college", "school",
    "church", "street", "road", "avenue", "national", "united", "great", "grand", "saint", "st",
    "san", "santa", "mount", "fort", "point", "bay", "beach", "centre", "center", "hall", "court",
    "house", "office", "trust", "club", "golf", "mall", "the", "of", "and", "union", "republic",
    "square", "estate", "gateway", "academy", "institute", "hospital", "station", "airport",
    "side",
})  # fmt: skip
"""Words that alone never name the place inside a longer name ("the South Side" of a city is no
town once called South Side)."""
LANDSCAPE_KINDS = frozenset({
    "forest", "woods", "desert", "valley", "canyon", "hills", "mountains", "tunnel",
})  # fmt: skip
"""Words of a landscape's kind: alone, inside a longer name, they name no place ("the Sambisa
Forest" is no part of Forest in Brussels, "the Okra Hills" none of The Hills in Australia,
"Shenyang Forest Safari Park" is Shenyang's). Towns and regions named with them ("Lake Forest",
"West Valley City", "the Central Valley") are found and looked up by their whole names."""


IDEALS = frozenset({
    "independence", "liberation", "freedom", "liberty", "unity", "victory", "progress",
    "justice", "democracy", "peace", "solidarity", "resistance", "revolution", "reform", "hope",
    "harmony", "enterprise", "alliance", "salvation", "providence",
})  # fmt: skip
"""Ideals organisations are named for, which are towns too: inside an organisation's name they
are the ideal ("the Kachin Independence Army" is no Independence, Missouri)."""
DEMONYM_FEATURES = frozenset({"country", "continent", "admin1", "region"})
"""What a nationality or regional adjective may name."""


@dataclass(frozen=True)
class Mention:
    """A place name in the text, before resolution."""

    text: str
    span: Span
    embedded: bool = False
    """Inside another entity (an organisation's name): context only, not an event location."""


def find_mentions(parsed: Any, gazetteer: Gazetteer, demonyms: bool = False) -> list[Mention]:
    """Every place mention in a spaCy Doc, in text order, without overlaps.

    With ``demonyms``, nationality words ("Russian") are mentions too, marked ``embedded``:
    toponym recognition counts them (GeoWebNews annotates them as modifiers); the places stage
    leaves them out, since they name actors and origins, not where anything happened.
    """
    found: list[Mention] = []
    taken = [False] * len(parsed)
    for i in _indices(parsed, LOWER, ERAS):
        taken[i] = _era(parsed[i])
    tokens = _Tokens.of(parsed)
    ents = _regrown(parsed.ents, tokens, gazetteer)
    for ent in ents:
        if any(taken[ent.start : ent.end]):
            continue
        if (
            ent.label_ in PLACE_LABELS
            or _named_facility(ent)
            or _located_by_preposition(ent, gazetteer)
            or _placed_by_role(ent, gazetteer)
            or _place_tagged_as_group(ent, gazetteer)
        ):
            for part in _comma_parts(_widened(ent, tokens, gazetteer, taken), gazetteer):
                mention = _trimmed(part)
                if (
                    mention
                    and _is_place_name(mention.text, gazetteer)
                    and not _occasion(mention.text)
                    and not _unvouched(part, mention, gazetteer)
                    and not (part is not ent and gazetteer.demonym(mention.text))
                ):
                    taken[part.start : part.end] = [True] * (part.end - part.start)
                    if not _nationality_only(mention.text, gazetteer):
                        found.append(mention)
                    elif demonyms:  # "UKRAINIAN drones", tagged a place: context, as below
                        found.append(Mention(mention.text, mention.span, embedded=True))
    found.extend(_listed_in_one_name(ents, gazetteer, taken))
    found.extend(_venues(ents, taken))
    named = Counter(normalize(m.text) for m in found)
    pairs = _conjunct_pairs(parsed)
    found.extend(_mistagged_places(ents, tokens, pairs, gazetteer, taken, named))
    for ent in ents:
        if ent.label_ in HOST_LABELS and not any(taken[ent.start : ent.end]):
            found.extend(_salient_within(tokens, ent.start, ent.end, gazetteer, ent.label_, taken))
    found.extend(_salient_within(tokens, 0, len(parsed), gazetteer, "", taken))
    found.extend(_named_settlements(parsed, gazetteer, taken))
    found.extend(_untagged_after_preposition(parsed, gazetteer, taken))
    found.extend(_untagged_objects(parsed, gazetteer, taken))
    found.extend(_untagged_conjuncts(parsed, pairs + _route_ends(parsed), gazetteer, taken))
    found.extend(_mistagged_places(ents, tokens, pairs, gazetteer, taken, named, listed_only=True))
    found.extend(_listed_neighbours(ents, gazetteer, taken, _countries_named(found, gazetteer)))
    found.extend(_town_and_area(parsed, gazetteer, taken))
    found.extend(_datelines(parsed, tokens, gazetteer, taken))
    found.extend(_local_modifiers(parsed, gazetteer, taken))
    known = {m.text.lower() for m in found if gazetteer.candidates(m.text)}
    found.extend(_named_within(ents, tokens, known, taken))
    found.extend(_counties_within(tokens, gazetteer, taken))
    found.extend(_dotted_compounds(tokens, gazetteer, taken))
    found.extend(_towns_of_bodies(ents, tokens, gazetteer, taken))
    found.extend(_newspaper_towns(tokens, gazetteer, taken))
    found.extend(_demonyms(ents, gazetteer, taken) if demonyms else [])
    surnames = _surnames(ents, taken)
    storms = _storm_names(parsed, gazetteer)
    found = [
        m
        for m in found
        if normalize(m.text) not in group_names()
        and m.text not in storms
        and not _seat_for_occupants(m, parsed, gazetteer)
        and not (m.text in surnames and _named_alone(m, parsed))
        and not _family_member(m.text, surnames, gazetteer)
    ]
    found = [
        m
        for m in found
        if not _us_route(m, tokens.doc_text)
        and not _the_centre(m, tokens.doc_text)
        and not _false_initials(m.text, gazetteer)
        and not _named_by_kind(m, tokens)
        and not _unknown_acronym(m.text, gazetteer)
    ]
    found = [_city_word_dropped(m, gazetteer) for m in found]
    found = _widened_mentions(sorted(found, key=lambda m: m.span), tokens, gazetteer)
    text = text_of(parsed)
    return _and_joined(_hyphen_joined(found, text, gazetteer), text, gazetteer)


def _city_word_dropped(mention: Mention, gazetteer: Gazetteer) -> Mention:
    """A name the tagger wrote with a following "city" in lower case ("a pub in [Perth city]
    centre") without it, where no place has the longer name as its own or a curated alias:
    GeoNames' alternate "Perth City" is the Australian one, but "Mexico city" stays whole."""
    if not mention.text.endswith(" city"):
        return mention
    bare = mention.text[: -len(" city")]
    whole = gazetteer.candidates(mention.text)
    if any(e.match >= MATCH_ALIAS for e in whole) or not gazetteer.candidates(bare):
        return mention
    start, end = mention.span
    return Mention(bare, (start, end - len(" city")), mention.embedded)


KIND_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "girlfriend",
    "boyfriend", "fiancee", "fiancée", "fiance", "fiancé", "grandson", "granddaughter",
    "grandmother", "grandfather", "uncle", "aunt", "cousin", "niece", "nephew", "widow",
    "stepson", "stepdaughter", "firm", "company", "startup", "exchange", "retailer", "brand",
    "carrier", "airline", "operator", "developer", "app", "platform", "website", "lender",
    "insurer", "broker", "supermarket", "chain", "label", "band", "rapper", "singer",
})  # fmt: skip
"""Nouns of kin and of kinds of business that a name right after them names: "girlfriend
Olivia", "exchange Coincheck", "exploration firm Ocean Infinity", "supermarket Iceland" are no
places, whatever the tagger called them."""


def _named_by_kind(mention: Mention, tokens: _Tokens) -> bool:
    """Whether the word just before the mention is one of :data:`KIND_NOUNS`, in lower case,
    and the mention is the whole name it gives ("firm CAMBRIDGE Analytica" names a place), or
    an apposition of that kind follows it ("ICELAND, the frozen food retailer, said")."""
    i = bisect_left(tokens.start, mention.span[0])
    if i >= len(tokens.start) or tokens.start[i] != mention.span[0]:
        return False
    j = bisect_left(tokens.start, mention.span[1])
    if j < len(tokens.text) and tokens.text[j][:1].isupper():
        return False
    word = tokens.text[i - 1] if i > 0 else ""
    return (word.islower() and word in KIND_NOUNS) or _kind_in_apposition(tokens.text, j)


APPOSITION_WORDS = 5
"""The most words of an apposition read for its kind: "the frozen food retailer"."""


def _kind_in_apposition(words: list[str], j: int) -> bool:
    """Whether the words from ``j`` are ", the" (or "a", "an") and lower-case words whose last,
    before punctuation, is one of :data:`KIND_NOUNS`: ", the frozen food retailer,", but not
    ", the company's home state,"."""
    if j + 2 >= len(words) or words[j] != "," or words[j + 1].lower() not in ("the", "a", "an"):
        return False
    for k in range(j + 2, min(len(words) - 1, j + 2 + APPOSITION_WORDS)):
        if not words[k].islower():
            return False
        if words[k] in KIND_NOUNS and words[k + 1] in (",", ".", ";", ")"):
            return True
    return False


def _unknown_acronym(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is two to four capitals the gazetteer does not know ("the adoption of AI",
    "in OT"): no place can be found for it, and it is hardly ever one."""
    return (
        2 <= len(text) <= 4 and text.isalpha() and text.isupper() and not gazetteer.candidates(text)
    )


_INITIALS = re.compile(r"(?:[A-Z]\.){2,}")
_NOT_INITIALS = frozenset({"of", "the", "and"})


def _false_initials(text: str, gazetteer: Gazetteer) -> bool:
    """Initials with dots ("P.A.", after a law firm's name; "U.N.") that spell no known place's
    words: "U.S.", "N.Y." and "D.C." do (United States, New York, District of Columbia), while
    Pennsylvania, one word, is "Pa." or "PA", never "P.A."; the curated aliases of countries
    and continents are kept ("E.U.")."""
    if not _INITIALS.fullmatch(text):
        return False
    letters = text.replace(".", "").lower()
    return not any(
        e.feature in ("country", "continent")  # "E.U.": the curated aliases of the EU
        or "".join(w[0] for w in e.name.lower().split() if w not in _NOT_INITIALS) == letters
        for e in gazetteer.candidates(text)
    )


THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_AREA_WORD_AFTER = re.compile(r"[\s-]*(?:region|province|department|state|district)\b", re.I)


def _the_centre(mention: Mention, text: str) -> bool:
    """ "the Centre", as Indian news calls the central government ("Tamil Nadu had written to
    the Centre"): no region named Centre, which the text writes with its kind ("the Centre
    region" of Burkina Faso)."""
    start, end = mention.span
    return (
        normalize(mention.text) in ("centre", "center")
        and THE_BEFORE.search(text, max(0, start - 6), start) is not None
        and _AREA_WORD_AFTER.match(text, end) is None
    )


def _regrown(ents: Any, tokens: _Tokens, gazetteer: Gazetteer) -> tuple[Any, ...]:
    """The entities, each that the tagger cut short of the capitalised untagged word before
    it grown back where the gazetteer knows the longer name as a town or an area ("SHEIKH
    Zuweid", "TE Awamutu", of which it tagged only the last word)."""
    grown = []
    for ent in ents:
        k = ent.start - 1
        if (
            ent.label_ in MISTAGGED_LABELS
            and k >= 0
            and not tokens.tagged[k]
            and tokens.propn[k]
            and tokens.text[k][:1].isupper()
            and tokens.spaced(ent.start)
            and _town_or_area(tokens.span_text(k, ent.end), gazetteer, named_areas=True)
        ):
            ent = TokenSpan(ent.doc, k, ent.end, label=ent.label)
        grown.append(ent)
    return tuple(grown)


def _widened(ent: Any, tokens: _Tokens, gazetteer: Gazetteer, taken: list[bool]) -> Any:
    """A place the tagger cut short, with the hyphened words after it ("Ivano-FRANKIVSK") or
    the capitalised words before it (:func:`_wider_start`: "SPANISH Town", its first word
    tagged a language) that make up its name."""
    if ent.label_ not in PLACE_LABELS:
        return ent
    whole = _hyphened_salient(ent, tokens, gazetteer)  # "IVANO-Frankivsk", tagged "Ivano"
    if whole is not None:
        return whole
    start = _wider_start(tokens, ent.start, ent.end, gazetteer, taken)
    end = _wider_end(tokens, start, ent.end, gazetteer, taken)
    return ent if (start, end) == (ent.start, ent.end) else ent.doc[start:end]


def _wider_end(tokens: _Tokens, i: int, j: int, gazetteer: Gazetteer, taken: list[bool]) -> int:
    """Where a place entity at tokens [i, j) ends, taking up to two words after it (none taken;
    capitalised, or a particle before a capitalised one) where the gazetteer knows the longer
    name by a name of its own or an alias: "near TAL Abyad", of which the tagger marked only
    "Tal" (a town in India); "San Antonio del Tachira"."""
    for e in range(min(len(tokens.text), j + 2), j, -1):
        words = tokens.text[j:e]
        if any(taken[j:e]) or not all(
            (w[:1].isupper() or w in NAME_PARTICLES) and _WORDLIKE.match(w) for w in words
        ):
            continue
        if not words[-1][:1].isupper():
            continue
        if any(not tokens.spaced(k) for k in range(j, e)):
            continue
        if _known_whole(tokens.span_text(i, e), gazetteer):
            return e
    return j


def _widened_mentions(found: list[Mention], tokens: _Tokens, gazetteer: Gazetteer) -> list[Mention]:
    """Mentions, in text order, each begun where :func:`_wider_start` says, whichever rule
    found it: "THOMPSON'S Station", listed with towns, where the tagger called the first word
    an organisation."""
    taken = [False] * len(tokens.start)
    spans = []
    for m in found:
        i = bisect_left(tokens.start, m.span[0])
        j = bisect_left(tokens.start, m.span[1])
        if i < len(tokens.start) and tokens.start[i] == m.span[0]:
            taken[i:j] = [True] * (j - i)
        spans.append((i, j))
    out = []
    for m, (i, j) in zip(found, spans, strict=True):
        k = _wider_start(tokens, i, j, gazetteer, taken) if i < j else i
        end = _wider_end(tokens, k, j, gazetteer, taken) if i < j else j
        if any(tokens.lower[t] in GENERIC_WORDS for t in range(j, end)) and _name_goes_on(
            tokens, end
        ):
            end = j  # "ROME City Council", not Rome City, Indiana; but "KUWAIT CITY -"
        if k < i or end > j:
            start = tokens.start[k]
            stop = m.span[1] if end == j else tokens.start[end - 1] + len(tokens.text[end - 1])
            m = Mention(tokens.doc_text[start:stop], (start, stop), m.embedded)
            taken[k:end] = [True] * (end - k)
        out.append(m)
    return out


def _name_goes_on(tokens: _Tokens, end: int) -> bool:
    """Whether a capitalised word follows token ``end - 1``: a generic word before it opens an
    organisation's name ("Rome City Council"), not the end of a town's ("Kuwait City")."""
    return end < len(tokens.text) and tokens.text[end][:1].isupper()


def _wider_start(
    tokens: _Tokens, i: int, j: int, gazetteer: Gazetteer, taken: list[bool], lo: int | None = None
) -> int:
    """Where a name found at tokens [i, j) begins, taking up to three words before it (none
    taken) where the gazetteer knows the longer name by a name of its own:
    "MOCIMBOA DA Praia" (not the capital of Cape Verde), "SPANISH Town", "CHERRY HILL" (a
    dateline in capitals, of which the tagger marked "HILL"). With ``lo``, the words of the
    entity that begins there, whatever the tagger called them (a town under the salient size,
    which the scan does not look for: "EAST Lansing police", its "East" a noun), but never
    from an article ("The Washington Post")."""
    capitals = tokens.text[i].isupper()  # "CHERRY HILL, N.J. —", the tagger's "HILL"
    for k in range(max(0, i - 3) if lo is None else lo, i):
        if any(taken[k:i]) or not _name_cased(tokens.text[k], capitals):
            continue
        if lo is None and not tokens.propn[k]:
            continue
        if lo is not None and any(tokens.lower[t] in ARTICLES for t in range(k, i)):
            continue
        words = tokens.text[k:i]
        if all(_name_word(t, capitals) for t in words) and _known_whole(
            tokens.span_text(k, j), gazetteer
        ):
            return k
    return i


def _name_word(word: str, capitals: bool) -> bool:
    """A word a place's name may have before its last words: capitalised, a particle ("da"),
    or a possessive ("Thompson's Station")."""
    return word in POSSESSIVES or (
        word.isalpha() and (_name_cased(word, capitals) or word in NAME_PARTICLES)
    )


def _name_cased(word: str, capitals: bool) -> bool:
    return word.istitle() or (capitals and word.isupper())


NAME_PARTICLES = frozenset({
    "da", "de", "do", "dos", "das", "del", "la", "le", "les", "el", "al", "di", "du", "van",
    "von", "y", "sur", "en",
})  # fmt: skip
"""Lower-case words inside a place's name: "Mocímboa da Praia", "Ciudad del Este"."""


_ROUTE_NUMBER = re.compile(r"\s+(?:\d|Route\b|Highway\b|Hwy\b)")


def _us_route(mention: Mention, text: str) -> bool:
    """ "U.S. 68", "US Route 23": a federal highway, not the country."""
    return mention.text in ("U.S.", "US") and bool(_ROUTE_NUMBER.match(text, mention.span[1]))


def _surnames(ents: Any, taken: list[bool]) -> set[str]:
    """The last names of the people the article names in full ("Chris Holland"): alone later
    ("Holland recalled", "Sutton's closest rival") they are the person, not a place. A "person"
    found to be a place names nobody ("Navi Mumbai" leaves "Mumbai's Andheri" a place)."""
    return {
        ent[-1].text
        for ent in ents
        if ent.label_ == "PERSON"
        and 2 <= len(ent) <= 3
        and all(t.is_title and t.is_alpha for t in ent)
        and not any(taken[ent.start : ent.end])
    }


STORM_WORDS = frozenset({
    "hurricane", "hurricanes", "typhoon", "typhoons", "cyclone", "cyclones", "storm", "storms",
    "superstorm",
})  # fmt: skip


def _storm_names(parsed: Any, gazetteer: Gazetteer) -> set[str]:
    """The names the article gives storms ("Hurricane Harvey", "Tropical Storm Florence",
    "Typhoon Haiyan", "hurricanes Harvey, Irma and Maria"): one sense per article, so a storm
    named alone later ("After Harvey, Irma struck Florida") is no town of its name (Harvey,
    Illinois; Florence, Italy). After a lower-case "storm" a salient place is the place ("after
    the storm Houston residents began to clean up")."""
    names: set[str] = set()
    for i in _indices(parsed, LOWER, STORM_WORDS):
        if i + 1 >= len(parsed):
            continue
        titled = parsed[i].is_title
        name = parsed[i + 1]
        if _storm_name(name, titled, gazetteer):
            names.add(name.text)
            names.update(c.text for c in name.conjuncts if _storm_name(c, titled, gazetteer))
    return names


def _storm_name(tok: Any, titled: bool, gazetteer: Gazetteer) -> bool:
    word = tok.lower_
    return (
        tok.is_title
        and tok.is_alpha
        and word not in WEEKDAYS
        and word not in MONTHS
        and word not in GENERIC_WORDS  # "the National Hurricane Center"
        and (titled or normalize(tok.text) not in gazetteer.salient)
    )


FIRST_WORDS_OF_PLACES = GENERIC_WORDS | COMPASS_WORDS | {"port", "cape", "camp", "glen", "ste"}
"""First words of place names made after a person's ("Fort Bragg", "Lake Harriet", "Port
Arthur"): such a name is no person's even where the article names a person of its last word."""


def _family_member(text: str, surnames: set[str], gazetteer: Gazetteer) -> bool:
    """Whether a two-word name the gazetteer lacks is a first name and the surname of people the
    article names in full: "Helen Kunz", which the tagger called a place and a facility beside
    "Randy Kunz" and "Kenneth Kunz". Not "Fort Bragg" beside "Braxton Bragg"."""
    words = text.split()
    return (
        len(words) == 2
        and words[1] in surnames
        and words[0].isalpha()
        and words[0].istitle()
        and words[0].lower() not in FIRST_WORDS_OF_PLACES
        and not gazetteer.candidates(text)
    )


def _named_alone(mention: Mention, parsed: Any) -> bool:
    """Whether a one-word mention stands outside a place phrase ("Holland recalled", not "in
    Holland")."""
    span = parsed.char_span(*mention.span, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    root = span.root
    return not (root.dep_ == "pobj" and root.head.lower_ in PLACING_PREPS)


def _named_within(ents: Any, tokens: _Tokens, named: set[str], taken: list[bool]) -> list[Mention]:
    """A place the article names elsewhere, inside an organisation's name: "the Beverly Hills
    Police Department" beside "in Beverly Hills", "The Allendale Woman's Club" under an
    ALLENDALE dateline. Towns too small to be matched inside names by themselves
    (:func:`_salient_within`), vouched for by the article; context only (``embedded``)."""
    found: list[Mention] = []
    for ent in ents:
        if ent.label_ not in HOST_LABELS:
            continue
        i = ent.start
        while i < ent.end:
            n = next(
                (
                    n
                    for n in range(min(4, ent.end - i), 0, -1)
                    if n < ent.end - ent.start - (ent[0].lower_ == "the")
                    and not any(taken[i : i + n])
                    and tokens.text[i][:1].isupper()
                    and tokens.lower[i] != "the"
                    and tokens.lower[i + n - 1] not in ("'s", "’s")
                    and tokens.span_text(i, i + n).lower() in named  # as written: "La." is no "La"
                ),
                0,
            )
            if n:
                text, at = tokens.span_text(i, i + n), tokens.start[i]
                found.append(Mention(text, (at, at + len(text)), embedded=True))
                taken[i : i + n] = [True] * n
            i += max(n, 1)
    return found


COUNTY_WORDS = frozenset({"county", "parish", "borough"})


def _counties_within(tokens: _Tokens, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """A county the tagger left inside an organisation's name or untagged: "the LAMAR COUNTY
    Sheriff's Office", "the LAUREL COUNTY Fiscal Court". Its capitalised name and word, where
    the gazetteer knows a county of that name; context only (``embedded``) where the name goes
    on."""
    found: list[Mention] = []
    for k, word in enumerate(tokens.lower):
        if word not in COUNTY_WORDS or taken[k] or not tokens.text[k][:1].isupper():
            continue
        i = next(
            (
                i
                for i in range(max(0, k - 3), k)
                if not any(taken[i:k])
                and all(_county_word(tokens, j, i) for j in range(i, k))
                and _a_county(tokens.span_text(i, k + 1), gazetteer)
            ),
            None,
        )
        if i is not None:
            goes_on = k + 1 < len(tokens.text) and tokens.propn[k + 1]
            text, at = tokens.span_text(i, k + 1), tokens.start[i]
            found.append(Mention(text, (at, at + len(text)), embedded=goes_on))
            taken[i : k + 1] = [True] * (k + 1 - i)
    return found


def _county_word(tokens: _Tokens, j: int, first: int) -> bool:
    """Whether token ``j`` may be part of a county's name that starts at ``first``: a
    capitalised proper noun, or a hyphen inside the name ("MATANUSKA-SUSITNA Borough")."""
    if tokens.text[j] == "-":
        return first < j and tokens.start[j] == tokens.start[j - 1] + len(tokens.text[j - 1])
    return bool(tokens.propn[j]) and tokens.text[j][:1].isupper()


_DOTTED_COMPOUND = re.compile(r"^((?:[A-Z]\.){2,})-([A-Z][\w.]*)?")
"""A dotted abbreviation the tokenizer kept whole with what its hyphen joins: "U.S.-Mexico",
"U.S.-led", "U.K.-based"."""


def _dotted_compounds(tokens: _Tokens, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """The places in a compound the tokenizer left whole ("the U.S.-Mexico border",
    "U.S.-led forces"): the abbreviation, and a capitalised name after the hyphen, where the
    gazetteer finds them in text; context only (``embedded``): they modify a noun."""
    found: list[Mention] = []
    for k, text in enumerate(tokens.text):
        parts = _DOTTED_COMPOUND.match(text)
        if parts is None or taken[k]:
            continue
        for g in (1, 2):
            name = parts[g]
            if name and normalize(name) in gazetteer.salient:
                at = tokens.start[k] + parts.start(g)
                found.append(Mention(name, (at, at + len(name)), embedded=True))
                taken[k] = True
    return found


TOWN_BODIES = frozenset({"city", "town", "village", "police", "fire", "constabulary", "council"})
"""Words that open a town's or an area's body in its name: "the Nappanee City Council",
"Bristol Police", "the Goshen Fire Department", "Wiltshire Police", "Cornwall Council"."""
NEWSPAPER_WORDS = frozenset({
    "herald", "gazette", "tribune", "courier", "register", "journal", "sentinel", "democrat",
    "dispatch", "enquirer", "inquirer", "chronicle", "observer", "examiner", "ledger",
    "bulletin", "times", "post",
})  # fmt: skip
"""Words of a newspaper's name after its town's: "The Paintsville Herald", "the Somerset
Commonwealth Journal" (the town's name is the first words)."""


def _towns_of_bodies(
    ents: Any, tokens: _Tokens, gazetteer: Gazetteer, taken: list[bool]
) -> list[Mention]:
    """The town or area whose council, police or fire department an organisation is: its
    capitalised name before :data:`TOWN_BODIES`, where the gazetteer knows a town or an area
    by that very name ("Wiltshire Police"); context only (``embedded``)."""
    found: list[Mention] = []
    for ent in ents:
        if ent.label_ != "ORG":
            continue
        words = [k for k in range(ent.start, ent.end) if tokens.lower[k] in TOWN_BODIES]
        if not words or words[0] == ent.start:
            continue
        i = ent.start + (tokens.lower[ent.start] == "the")
        k = words[0]
        if i >= k or any(taken[i:k]) or not all(tokens.propn[j] for j in range(i, k)):
            continue
        if tokens.lower[k] == "city" and _a_town(tokens.span_text(i, k + 1), gazetteer, own=True):
            k += 1  # "the Kansas City Council": Kansas City's
        text = tokens.span_text(i, k)
        town = tokens.lower[k] != "council" and _a_town(text, gazetteer)  # not "Metro Council"
        if town or _an_area(text, gazetteer):
            found.append(Mention(text, (tokens.start[i], tokens.start[i] + len(text)), True))
            taken[i:k] = [True] * (k - i)
    return found


def _newspaper_towns(tokens: _Tokens, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """The towns newspapers are named after: the first capitalised words before a newspaper's
    word ("The PAINTSVILLE Herald", "the SOMERSET Commonwealth Journal"), where the gazetteer
    knows a town of that name; context only (``embedded``)."""
    found: list[Mention] = []
    for k, word in enumerate(tokens.lower):
        if word not in NEWSPAPER_WORDS or not tokens.text[k].istitle():
            continue
        i = k
        while i > 0 and k - i < 3 and tokens.propn[i - 1] and tokens.text[i - 1].istitle():
            i -= 1
        for end in range(k, i, -1):
            text = tokens.span_text(i, end)
            if not any(taken[i:end]) and _a_town(text, gazetteer):
                found.append(Mention(text, (tokens.start[i], tokens.start[i] + len(text)), True))
                taken[i:end] = [True] * (end - i)
                break
    return found


def _a_town(text: str, gazetteer: Gazetteer, own: bool = False) -> bool:
    """Whether the gazetteer knows a town by this name (with ``own``, as its own name or a
    curated alias: "Yakima City" is only another name of Union Gap)."""
    least = MATCH_ALIAS if own else 0
    return any(
        e.feature in ("city", "capital") and e.match >= least for e in gazetteer.candidates(text)
    )


def _an_area(text: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer knows a province, county or region by this very name."""
    return any(
        e.feature in AREA_FEATURES and e.match == MATCH_PRIMARY for e in gazetteer.candidates(text)
    )


def _a_county(text: str, gazetteer: Gazetteer) -> bool:
    return any(e.feature == "admin2" for e in gazetteer.candidates(text))


LISTING_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART"})
"""Labels the tagger gives a list of places it ran into one name ("homes in [Mamuju and
Majene]", called a work of art)."""


def _listed_in_one_name(ents: Any, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """A list of places the tagger ran into one organisation's or person's name: "rockets
    fired at [Sderot and Ashkelon]"; its commas only where the list ends with "and" and a place
    after it ("visitors from [Fairborn, Beavercreek] and Yellow Springs"). Each part must be a
    town of some size or an area the gazetteer knows ("Johnson & Johnson" and "Marks and
    Spencer" are not)."""
    found: list[Mention] = []
    for ent in ents:
        if ent.label_ not in LISTING_LABELS or any(taken[ent.start : ent.end]):
            continue
        cuts = [t.i for t in ent if t.lower_ in ("and", "&", ",")]
        if not any(ent.doc[i].lower_ in ("and", "&") for i in cuts) and not (
            cuts and _place_listed_after(ent, taken)
        ):
            continue
        doc = ent.doc
        bounds = [ent.start - 1, *cuts, ent.end]
        parts = [doc[a + 1 : b] for a, b in pairwise(bounds) if b > a + 1]
        names = [p.text for p in parts]
        if (
            len(names) < 2
            or len(set(names)) < len(names)
            or not all(
                p[0].text[:1].isupper() and _town_or_area(p.text, gazetteer, named_areas=True)
                for p in parts
            )
        ):
            continue
        for part in parts:
            found.append(Mention(part.text, (part.start_char, part.end_char)))
            taken[part.start : part.end] = [True] * len(part)
    return found


def _place_listed_after(ent: Any, taken: list[bool]) -> bool:
    """Whether "and" (or ", and") and a place follow the entity: "[A, B] and Yellow Springs"."""
    doc, j = ent.doc, ent.end
    if j < len(doc) and doc[j].text == ",":
        j += 1
    return bool(j + 1 < len(doc) and doc[j].lower_ == "and" and taken[j + 1])


VENUE_PREPS = frozenset({"at", "in", "inside", "outside", "near", "into"})


def _venues(ents: Any, taken: list[bool]) -> list[Mention]:
    """A name the tagger called an organisation or a person, in a place phrase and followed by
    the town it is in: "at Terra Kulture in Lagos", "at The Colony Theatre in Los Angeles",
    "at Eva's Village in Paterson". The venue is a place of its own (its town placed on the
    map for it)."""
    found: list[Mention] = []
    for ent in ents:
        if ent.label_ not in ("ORG", "PERSON") or any(taken[ent.start : ent.end]):
            continue
        root, doc = ent.root, ent.doc
        if root.dep_ != "pobj" or root.head.lower_ not in VENUE_PREPS:
            continue
        after = ent.end
        if after + 1 < len(doc) and doc[after].lower_ in ("in", ",") and taken[after + 1]:
            mention = _trimmed(ent)
            if mention is not None and _name_cased_text(mention.text):  # not "the ministry…"
                found.append(mention)
                taken[ent.start : ent.end] = [True] * (ent.end - ent.start)
    return found


FACILITY_NOUNS = frozenset({
    "street", "avenue", "road", "lane", "boulevard", "square", "bridge", "church", "cathedral",
    "chapel", "mosque", "temple", "synagogue", "library", "hospital", "estate", "centre", "center",
    "college", "hall", "inn", "hotel", "plantation", "prison", "jail", "stadium", "arena",
    "tower", "museum", "airport", "mall", "infirmary", "tunnel",
})  # fmt: skip
"""Last words that make a name a building or a street: "Royal Street", "Carnegie Library",
"MetroHealth Medical Center". Not "court" or "university", which name the institution at
least as often ("the Supreme Court ruled", "Chapman University said")."""
INSTITUTION_FIRST_WORDS = frozenset({"catholic", "orthodox", "anglican", "secondary", "primary"})
"""First words of institutions named like buildings: "the Catholic Church"."""


def _named_facility(ent: Any) -> bool:
    """A name the tagger called an organisation or a person that ends in a word of a building
    or a street, after a proper name ("Holy Redeemer Church", "Christopher Inn"): a facility,
    as if it had been tagged one."""
    if ent.label_ not in ("ORG", "PERSON"):
        return False
    if ent.label_ == "PERSON" and _after_a_role(ent):
        return False  # "quarterback TIM HALL", "singer Charlotte Church": a person
    words = [t for t in ent if t.lower_ != "the"]
    if len(words) < 2 or words[-1].lower_ not in FACILITY_NOUNS:
        return False
    first = words[0]
    return bool(first.pos_ == "PROPN" and first.text[:1].isupper()) and (
        first.lower_ not in INSTITUTION_FIRST_WORDS
    )


def _after_a_role(ent: Any) -> bool:
    """Whether a name comes right after a lower-case noun, a person's role or trade."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return bool(before.pos_ == "NOUN" and before.text.islower())


@cache
def group_names() -> frozenset[str]:
    """Names of armed groups, movements and aid organisations (``actors.toml``): never places,
    though GeoNames has a "Hamas" and a "Taliban" ("Hamas officials" is no town in Germany)."""
    actors = load_toml("actors.toml")
    names = [n for canonical, row in actors["groups"].items() for n in (canonical, *row[2:])]
    names += [n for canonical, aliases in actors["ngo"].items() for n in (canonical, *aliases)]
    return frozenset(normalize(n) for n in names)


STAFF_NOUNS = frozenset({
    "aide", "staffer", "staff", "adviser", "advisor", "official", "spokesman", "spokeswoman",
    "spokesperson", "secretary", "correspondent", "reporter", "chief", "counsel", "lawyer",
    "source", "insider", "press", "team", "economist", "physician", "veteran",
})  # fmt: skip
"""Nouns of the people who work in a seat of power: "White House aides", "Kremlin sources"."""


CUT_PREPS = frozenset({"near", "outside"})


def _comma_parts(ent: Any, gazetteer: Gazetteer) -> list[Any]:
    """An entity the tagger ran across a comma or a "near", in its parts where the gazetteer
    knows one: "Lower Shabelle, Somali [officials]" is a province and a nationality,
    "Donington Park, Leicestershire" two places, "the A1 near Grantham, Lincolnshire Police"
    a road, a town and a county's police. Whole where it knows none ("the Easter Vigil Mass on
    Holy Saturday, March 31") or knows the whole."""
    preps = [t.i for t in ent if t.lower_ in CUT_PREPS and t.pos_ == "ADP"]
    if preps and gazetteer.candidates(ent.text):
        preps = []  # a town of the whole name
    cuts = [t.i for t in ent if t.text == ","] + preps + _and_cuts(ent, gazetteer)
    cuts = sorted(cuts + _possessive_cuts(ent, gazetteer) + _the_cuts(ent, gazetteer))
    if not cuts:
        return [ent]
    bounds = [ent.start - 1, *cuts, ent.end]
    doc = ent.doc
    parts = [doc[a + 1 : b] for a, b in pairwise(bounds) if b > a + 1]
    if not any(gazetteer.candidates(p.text) for p in parts):
        return [ent]
    return [p for p in parts if gazetteer.candidates(p.text)] if preps else parts


def _and_cuts(ent: Any, gazetteer: Gazetteer) -> list[int]:
    """The "and"s of an entity that lists places the gazetteer knows, where it does not know
    the whole by its own name or an alias: "near Kochi AND Alappuzha", tagged one facility,
    "off Zuwara AND Sabratha". None in "Trinidad and Tobago" or "Perth and Kinross", which it
    knows whole."""
    ands = [t.i for t in ent if t.lower_ in ("and", "&") and ent.start < t.i < ent.end - 1]
    return _cuts_between_known(ent, ands, gazetteer)


def _cuts_between_known(ent: Any, cuts: list[int], gazetteer: Gazetteer) -> list[int]:
    """The cutting words ``cuts`` of an entity where the gazetteer knows every piece between
    them but not the whole; none otherwise."""
    if not cuts or _known_whole(ent.text, gazetteer):
        return []
    bounds = [ent.start - 1, *cuts, ent.end]
    pieces = [ent.doc[a + 1 : b].text for a, b in pairwise(bounds)]
    return cuts if all(gazetteer.candidates(p) for p in pieces) else []


def _the_cuts(ent: Any, gazetteer: Gazetteer) -> list[int]:
    """A lower-case "the" right after a name inside an entity, where the gazetteer knows the
    names on both sides and not the whole: "in GARISSA THE TANA RIVER burst its banks", tagged
    one facility. A "the" after "of" or "on" is part of a name ("the Church of the Nativity",
    "Sutton-on-the-Forest")."""
    cuts = [
        t.i
        for t in ent
        if t.text == "the" and ent.start < t.i < ent.end - 1 and ent.doc[t.i - 1].pos_ == "PROPN"
    ]
    return _cuts_between_known(ent, cuts, gazetteer)


def _possessive_cuts(ent: Any, gazetteer: Gazetteer) -> list[int]:
    """The possessive of a town that owns a street, a building or a place inside an entity:
    "Harare'S Third Street", "Derry'S Altnagelvin Hospital" are a town and its facility. Not
    "Notre Dame's Jessica Shepard", a person, nor a saint's church ("St George's Chapel")."""
    cuts = []
    for t in ent:
        if t.lower_ not in POSSESSIVES or not ent.start < t.i < ent.end - 1:
            continue
        before, after = ent.doc[ent.start : t.i], ent.doc[t.i + 1 : ent.end]
        if before[0].lower_ in SAINTS or len(after) < 2:
            continue  # "St George's Chapel": a saint's; "Harare's Chapel": no name of its own
        owner = any(
            e.match >= MATCH_ALIAS and e.feature in OWNING_FEATURES
            for e in gazetteer.candidates(before.text)
        )
        if owner and (after[-1].lower_ in FACILITY_NOUNS or _known_whole(after.text, gazetteer)):
            cuts.append(t.i)
    return cuts


OWNING_FEATURES = frozenset({"city", "capital", "admin1", "admin2", "country"})
SAINTS = frozenset({"st", "st.", "saint", "ste", "ste."})


def _known_whole(name: str, gazetteer: Gazetteer) -> bool:
    return any(e.match >= MATCH_ALIAS for e in gazetteer.candidates(name))


def _seat_for_occupants(mention: Mention, parsed: Any, gazetteer: Gazetteer) -> bool:
    """A building that names the people in it, not a place: "The White House declined",
    "White House aides", "denied by the Kremlin", "the Pentagon's budget". GeoWebNews marks
    a seat of power only where it is the place itself: "barred from the White House", "marched
    on the Capitol", "a White House dinner"."""
    if not any(e.feature == "building" for e in gazetteer.candidates(mention.text)):
        return False
    span = parsed.char_span(*mention.span, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.dep_ in ("nsubj", "nsubjpass", "poss"):
        return True
    if head.dep_ in ("compound", "nmod"):
        return bool(head.head.lemma_.lower() in STAFF_NOUNS)
    if head.dep_ == "pobj":
        prep = head.head
        if prep.lower_ == "of":  # "on behalf of the Kremlin"
            return bool(prep.head.lower_ == "behalf")
        return bool(prep.lower_ in ("by", "with"))  # "denied by", "talks with" the Kremlin
    return False


_HYPHENED_PART = re.compile(r"-[\w'’]+")
_HYPHENED_BEFORE = re.compile(r"(?:[A-Z][\w'’]*-){1,2}$")


def _hyphen_joined(found: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """A name the tagger cut at a hyphen, made whole where the gazetteer knows the whole:
    "Guinea-Bissau" is neither Guinea nor Bissau, "Timor-Leste" no island, "Newark-on-Trent" no
    Newark, New Jersey."""
    out: list[Mention] = []
    for m in found:
        if out and out[-1].span[1] > m.span[0]:
            continue  # the second half of a name already joined
        start, end = m.span
        before = _HYPHENED_BEFORE.search(text, max(0, start - 40), start)
        end = next((e for e in _hyphen_ends(text, end) if gazetteer.candidates(text[start:e])), end)
        if before and gazetteer.candidates(text[before.start() : end]):
            start = before.start()
        if (start, end) != m.span:
            if out and out[-1].span[1] > start:
                out.pop()
            m = Mention(text[start:end], (start, end), m.embedded)
        out.append(m)
    return out


def _and_joined(found: list[Mention], text: str, gazetteer: Gazetteer) -> list[Mention]:
    """Two names joined by "and" or "of" that the gazetteer knows as one place, by its own name
    or an alias: "Perth and Kinross" is a Scottish council area, not Perth, Western Australia
    and a town beside it; "Dumfries and Galloway", "Brighton and Hove"; "Port of Spain", of
    which the tagger made two places, a port and Spain."""
    out: list[Mention] = []
    for m in found:
        last = out[-1] if out else None
        if last is not None and text[last.span[1] : m.span[0]] in (" and ", " & ", " of "):
            whole = text[last.span[0] : m.span[1]]
            if _known_whole(whole, gazetteer):
                out[-1] = Mention(whole, (last.span[0], m.span[1]), last.embedded)
                continue
        out.append(m)
    return out


def _hyphen_ends(text: str, end: int) -> list[int]:
    """Where a name would end with one, two or three more hyphened words after ``end``, longest
    first: "Newark[-on-Trent]", "Guinea[-Bissau]"."""
    ends: list[int] = []
    while len(ends) < 3 and (part := _HYPHENED_PART.match(text, end)):
        end = part.end()
        ends.append(end)
    return ends[::-1]


ERAS = frozenset({"bc", "b.c.", "bce", "b.c.e.", "ad", "a.d.", "ce", "c.e."})
"""Era markers: after a number ("500 B.C.", "AD 70" aside) they are no British Columbia."""


def _era(tok: Any) -> bool:
    return bool(tok.lower_ in ERAS and tok.i > 0 and tok.doc[tok.i - 1].like_num)


def _demonyms(ents: Any, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """ "Russian officials", "the British": a nationality word names its country, as context
    only (``embedded``): "North Korean troops" say nothing of where anything happened."""
    found = []
    for ent in ents:
        if ent.label_ != "NORP" or any(taken[ent.start : ent.end]) or _people(ent):
            continue
        mention = _trimmed(ent)
        if mention and any(e.feature in DEMONYM_FEATURES for e in gazetteer.demonym(ent.text)):
            found.append(Mention(mention.text, mention.span, embedded=True))
            taken[ent.start : ent.end] = [True] * (ent.end - ent.start)
    return found + _demonyms_within(ents, gazetteer, taken)


def _nationality_only(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is a nationality word and no place's name ("Ukrainian", but not
    "Georgia" or "Jordan")."""
    nationality = {e.id for e in gazetteer.demonym(text)}
    return bool(nationality) and {e.id for e in gazetteer.candidates(text)} <= nationality


def _demonyms_within(ents: Any, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """Nationality words inside other names: "the Nigerian Army", "The Canadian Press",
    "anti-Russian" (two words first: "South African Airways")."""
    found = []
    for ent in ents:
        if ent.label_ == "LANGUAGE":  # "in English"
            continue
        i = ent.start
        while i < ent.end:
            for j in (i + 2, i + 1):
                words = ent.doc[i:j]
                if j > ent.end or any(taken[i:j]) or not _nationality(words, gazetteer):
                    continue
                found.append(Mention(words.text, (words.start_char, words.end_char), True))
                taken[i:j] = [True] * (j - i)
                i = j - 1
                break
            i += 1
    return found


def _nationality(words: Any, gazetteer: Gazetteer) -> bool:
    last = words[-1]
    return bool(
        words.text[:1].isupper()
        and words[0].lower_ != "the"
        and last.tag_ not in ("NNS", "NNPS")
        and any(e.feature in DEMONYM_FEATURES for e in gazetteer.demonym(words.text))
    )


DASHES = frozenset({"—", "–", "-", "--"})
DATELINE_MARKS = DASHES | {"("}
"""What follows a dateline's town, but for a comma before its state or date ("PLEASANTON,
Calif.", "SOUTH WAZIRISTAN, April 5")."""


def _datelines(
    parsed: Any, tokens: _Tokens, gazetteer: Gazetteer, taken: list[bool]
) -> list[Mention]:
    """A dateline's town in capitals, which the tagger often leaves out: "IMMOKALEE –",
    "PLEASANTON, Calif. —", "SOUTH WAZIRISTAN, April 5 (APP):", opening the text, a line or
    a sentence."""
    found = []
    capitals = [_capitals_word(t) for t in tokens.text]
    i = 0
    while i < len(capitals):
        j = i
        while j < len(capitals) and capitals[j]:
            j += 1
        if j > i and _opens(parsed, i) and _dateline_mark(parsed, j):
            text = tokens.span_text(i, j)
            if any(taken[i:j]):  # the town found otherwise: its country may still be missed
                found.extend(_dateline_area(tokens, j, gazetteer, taken))
            elif len(text) > 2 and gazetteer.candidates(text):
                found.append(Mention(text, (tokens.start[i], tokens.start[i] + len(text))))
                taken[i:j] = [True] * (j - i)
                found.extend(_dateline_area(tokens, j, gazetteer, taken))
        i = j + 1
    return found


def _capitals_word(word: str) -> bool:
    """A word in capitals, apostrophes and hyphens inside it allowed ("N'DJAMENA")."""
    if not word.isupper():
        return False  # most words: checked first, the cheaper test
    return word.isalpha() or word.replace("'", "").replace("’", "").replace("-", "").isalpha()


def _dateline_area(
    tokens: _Tokens, j: int, gazetteer: Gazetteer, taken: list[bool]
) -> list[Mention]:
    """The country or state after a dateline's town and its comma ("NIAMEY, Niger (AP)"), which
    the tagger may call a person."""
    if j >= len(tokens.text) or tokens.text[j] != ",":
        return []
    for k in range(min(j + 4, len(tokens.text)), j + 1, -1):
        text = tokens.span_text(j + 1, k).rstrip(TRAILING_MARKS)
        if any(taken[j + 1 : k]) or not text[:1].isupper():
            continue
        if normalize(text) in gazetteer.salient and not gazetteer.demonym(text):
            taken[j + 1 : k] = [True] * (k - j - 1)
            return [Mention(text, (tokens.start[j + 1], tokens.start[j + 1] + len(text)))]
    return []


def _opens(parsed: Any, i: int) -> bool:
    """Whether token ``i`` opens the text, a line or a sentence."""
    return i == 0 or parsed[i - 1].is_space or parsed[i - 1].is_sent_end


def _dateline_mark(parsed: Any, j: int) -> bool:
    """Whether token ``j`` goes on as a dateline does: a dash or a bracket, or a comma before a
    capitalised word ("AMLO, as he is known" is no dateline)."""
    if j >= len(parsed):
        return False
    if parsed[j].text == ",":
        return j + 1 < len(parsed) and parsed[j + 1].text[:1].isupper()
    return parsed[j].text in DATELINE_MARKS


def _people(ent: Any) -> bool:
    """ "Mexicans", "the Saudis": a plural nationality noun names people, not their country."""
    return bool(ent.root.tag_ in ("NNS", "NNPS"))


def _named_settlements(parsed: Any, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """Names a settlement word vouches for, whatever the tagger (or the parser, which may
    make a name an adjective) thought: "the town of BUINAKSK", "DAMBOA town", "SHOPIAN and
    KULGAM districts" — if the gazetteer knows the name, or whatever the name where the word is
    a village's or a town's ("raided KADISAU village")."""
    found = []
    framed = {t.i for i in _indices(parsed, LEMMA, SETTLEMENT_WORDS) for t in _framed_by(parsed[i])}
    titled = {parsed[i].head.i for i in _indices(parsed, LEMMA, TITLE_WORDS) if _titles(parsed[i])}
    for tok in (parsed[i] for i in sorted(framed | titled)):
        if taken[tok.i] or tok.pos_ not in ("PROPN", "ADJ") or not _settlement_named(tok):
            continue
        if tok.i not in framed and not _town_by_name(tok.text, gazetteer):
            continue  # "the city Council": Council, Idaho has 800 people
        if not tok.text[:1].isupper():
            continue  # the "al" of "Bab al-Tabbaneh district" is no Ål, Norway
        lo, hi = _proper_run(parsed, tok)
        hi = _compounds_run(parsed, lo, hi, gazetteer)
        if any(taken[lo:hi]):
            continue
        words = parsed[lo:hi]
        if tok.pos_ == "ADJ" and (gazetteer.demonym(words.text) or is_generic(words.text)):
            continue  # "Russian region", "Northern district"
        known = bool(gazetteer.candidates(words.text))
        while not known and hi - lo > 1 and _compass_word(parsed[lo].lower_):
            lo += 1  # "the northern HURIYAH neighborhood": a village of no such name
        words = parsed[lo:hi]
        if _listed_before(tok) and not _area_listed_before(tok, words.text, gazetteer):
            continue
        whole = _quarter_name(tok, lo, hi)  # "Bab al-TABBANEH district": the whole name
        if (
            whole != (lo, hi)
            and not any(taken[whole[0] : whole[1]])
            and _unknown_village(tok, parsed[whole[0] : whole[1]])
        ):
            lo, hi = whole  # "BAB al-Mu'adham area" is no Báb, Slovakia
            while hi - lo > 1 and _compass_word(parsed[lo].lower_):
                lo += 1  # "the northern Huriyah neighborhood"
            words = parsed[lo:hi]
            known = bool(gazetteer.candidates(words.text))
        if known or _unknown_village(tok, words):
            found.append(Mention(words.text, (words.start_char, words.end_char)))
            taken[lo:hi] = [True] * (hi - lo)
    return found


ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
"""The Arabic article as names write it, always before a hyphen ("al-Atebaa", "Tall ad-Dirrah")."""


def _quarter_name(tok: Any, lo: int, hi: int) -> tuple[int, int]:
    """The whole name before a word of :data:`QUARTER_WORDS` that ``tok`` (in [lo, hi)) is
    part of, with the Arabic article and hyphens the parser hung on the word too: "Tripoli's
    BAB AL-TABBANEH district", "the AL-ATEBAA neighborhood"; [lo, hi) for other frames."""
    frame = tok.head
    while tok.dep_ == "conj" and frame.i != tok.i:
        tok, frame = frame, frame.head
    if frame.lower_ not in QUARTER_WORDS or tok.i >= frame.i:
        return lo, hi
    doc, start = tok.doc, frame.i
    while (
        start > 0 and _name_piece(doc[start - 1]) and start - 1 <= doc[start - 1].head.i <= frame.i
    ):
        start -= 1
    while start < frame.i and doc[start].text == "-":
        start += 1
    return (start, frame.i) if start <= lo else (lo, hi)


def _name_piece(word: Any) -> bool:
    """A word of a quarter's name: a proper noun, a hyphen or an Arabic article before one (not
    the English "an", "as" or "at")."""
    article = (
        word.lower_ in ARABIC_ARTICLES and word.i + 1 < len(word.doc) and word.nbor().text == "-"
    )
    return word.pos_ == "PROPN" or word.text == "-" or article


def _listed_before(tok: Any) -> bool:
    """Whether a name is one of a list the parser hangs on the word after it as modifiers
    ("SWAT and CHITRAL districts"), not a compound of it."""
    return bool(_list_first(tok).dep_ == "nmod")


def _list_first(tok: Any) -> Any:
    """The first name of the list of conjuncts a token is in (the token where it is none)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _area_listed_before(tok: Any, text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name listed before its word (:func:`_listed_before`) is an admin area of the
    word's kind the gazetteer knows by that name or one of its own ("Swat and Chitral
    districts", "Gwoza local government area", "Rankin and Madison counties"). Lists before a
    word of neighbourhoods or villages name parts of the story's town, which the gazetteer
    lacks and whose namesakes lie abroad ("Hama's Hamidiyeh and Bab Qubli neighborhoods"); an
    abbreviation's area counts for nothing ("ALA", Alabama's, of "Katsina/Ala and Logo local
    government areas")."""
    head = _list_first(tok).head
    word = head.lemma_.lower()
    council = word == "area" and any(c.lower_ == "government" for c in head.children)
    return (word in AREA_WORDS or council) and any(
        e.feature in ("admin1", "admin2") and e.match != MATCH_ALIAS
        for e in gazetteer.candidates(text)
    )


VILLAGE_WORDS = frozenset({
    "village", "hamlet", "town", "township", "suburb",
})  # fmt: skip
"""Settlement words that make any proper name they frame a place, known or not: "raided
KADISAU village", "the village of UMUANUNU", "Cairo's gated suburb of MADINATY"."""
QUARTER_WORDS = frozenset({"district", "neighborhood", "neighbourhood", "area", "quarter"})
"""Words of a part of a town or a province that make a proper name written right before them
a place, known or not: "Mogadishu's YAQSHID district", "the JATRABARI area of Dhaka"; not one
after them ("the area of Eglinton Avenue"), nor one before a capitalised word of a name
("Glenrock State Conservation Area"). The tagger calls many such names people ("the Ben
Younis area of Benghazi"), so a person's tag does not stand in the way: "the Sikh area" is
found too."""


def _unknown_village(tok: Any, words: Any) -> bool:
    """Whether a name the gazetteer lacks is a village's or a town's by its frame: a proper
    noun, no nationality or faith ("the Hindu village", "Shiite Muslims") and no plural."""
    return (
        tok.pos_ == "PROPN"
        and tok.tag_ != "NNPS"
        and not any(t.ent_type_ == "NORP" for t in words)
        and _village_named(tok)
    )


def _village_named(tok: Any) -> bool:
    """Whether ``tok`` is framed by a word of :data:`VILLAGE_WORDS` (as
    :func:`_settlement_named` reads the frame)."""
    head = tok.head
    while tok.dep_ == "conj" and head.i != tok.i:
        tok, head = head, head.head
    frame = head.head if head.lower_ in ("of", "called", "named") else head
    if frame.lower_ in QUARTER_WORDS:
        before = frame is head and tok.i < frame.i and tok.dep_ in ("compound", "amod", "nmod")
        return before and frame.is_lower
    return frame.lemma_.lower() in VILLAGE_WORDS


def _compass_word(word: str) -> bool:
    """ "north", "northern", "south-western", "central"."""
    return word == "central" or word.removesuffix("ern") in COMPASS_WORDS


UNTAGGED_PREPS = frozenset({"in", "at", "near", "outside"})
SETTLED_FEATURES = frozenset({"city", "capital", "admin1", "admin2"})
"""Features of the gazetteer entries an untagged name after "in" may be."""


def _untagged_after_preposition(
    parsed: Any, gazetteer: Gazetteer, taken: list[bool]
) -> list[Mention]:
    """A proper name the tagger did not mark, right after "in", "at", "near" or "outside", after
    people and "from", or after those who live there and "of", that the gazetteer knows as a
    town or an area: "sold at a gas station in Riverdale", "a market at Wana", "the driver from
    Carbondale", "residents of Joplin"."""
    found = []
    for i in _indices(parsed, LOWER, UNTAGGED_PREPS | {"from", "of"}):
        if parsed[i].lower_ == "from" and not _of_people(_from_whom(parsed[i])):
            continue  # "a driver from CARBONDALE", but not "a letter from Smith"
        if parsed[i].lower_ == "of" and _singular(parsed[i].head) not in DWELLERS:
            continue  # "residents of JOPLIN", but not "the sale of Chrysler"
        if i + 1 < len(parsed) and not taken[i + 1]:
            mention = _unmarked_town(parsed, parsed[i + 1], gazetteer, taken, opens=True)
            found += [mention] if mention else []
    return found


def _from_people(ent: Any) -> bool:
    """Whether an entity is what people come "from": "the teenager from BOWLING GREEN" (which
    the tagger called an organisation)."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return (
        before is not None
        and before.lower_ == "from"
        and ent.root.head.i == before.i
        and _of_people(_from_whom(before))
    )


def _of_people(noun: Any) -> bool:
    """Whether a word names people of local news ("driver", "man", "crews", "officials"), is a
    pronoun of people ("he", "they") or a person's name ("Barry Smith from DEWSBURY")."""
    word = noun.lemma_.lower()
    return (
        word in LOCAL_NOUNS
        or word in PEOPLE_NOUNS
        or word in _people_nouns()
        or noun.lower_ in PERSONAL_PRONOUNS
        or noun.ent_type_ == "PERSON"
        or _aged(noun)
    )


def _aged(word: Any) -> bool:
    """Whether a word is a person told by age: "a 17-year-old from CLARKSVILLE"."""
    return word.lower_ == "old" and any(c.lower_ in ("year", "month") for c in word.children)


ORIGIN_VERBS = frozenset({"be", "come", "hail"})
"""Verbs whose "from" tells where their subject comes from: "the driver was from ELY", "she
came from TORQUAY"."""
PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def _from_whom(prep: Any) -> Any:
    """The word a "from" says the origin of: the noun it hangs on ("crews from X"), or the
    subject of "be" or "come" ("the victim was from X"; "a man who was from X": the man)."""
    verb = prep.head
    if verb.lemma_.lower() not in ORIGIN_VERBS:
        return verb
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return verb
    if subject.lower_ == "who" and verb.dep_ == "relcl":
        return verb.head  # "Barry, who was from DEWSBURY"
    return subject


def _untagged_objects(parsed: Any, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """A proper name the tagger did not mark, the object of a verb of siege or of one whose
    subject is armed (as :func:`_placed_by_role` reads a mistagged name), that the gazetteer
    knows as a town of some size or an area: "Boko Haram fighters attacked GWOZA"."""
    found = []
    for v in _indices(parsed, LEMMA, TAKING_VERBS):
        verb = parsed[v]
        lemma = verb.lemma_.lower()
        if not (lemma in SIEGE_VERBS or _by_armed_men(verb)) or _by_a_person(verb):
            continue
        for tok in verb.children:
            if tok.dep_ != "dobj" or tok.pos_ != "PROPN" or tok.ent_type_:
                continue
            lo, hi = _proper_run(parsed, tok)
            if _town_or_area(parsed[lo:hi].text, gazetteer, named_areas=True):
                mention = _unmarked_town(parsed, parsed[lo], gazetteer, taken, opens=True)
                found += [mention] if mention else []
    return found


def _unmarked_town(
    parsed: Any, tok: Any, gazetteer: Gazetteer, taken: list[bool], opens: bool = False
) -> Mention | None:
    """The run of proper nouns at ``tok`` (that it opens, with ``opens``), none of them marked
    by the tagger or taken, as a mention, if the gazetteer knows it as a town or an area; the
    run is then taken."""
    if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper():
        return None
    lo, hi = _proper_run(parsed, tok)
    if (opens and lo != tok.i) or any(taken[lo:hi]) or any(t.ent_type_ for t in parsed[lo:hi]):
        return None
    if lo > 1 and parsed[lo - 1].text in DASHES and parsed[lo - 2].whitespace_:
        return None  # "MANAGUA, Nicaragua - Police detained": a sentence opens after the dash
    words = parsed[lo:hi]
    if not any(e.feature in SETTLED_FEATURES for e in gazetteer.candidates(words.text)):
        return None
    taken[lo:hi] = [True] * (hi - lo)
    return Mention(words.text, (words.start_char, words.end_char))


def _untagged_conjuncts(
    parsed: Any, pairs: list[tuple[int, int]], gazetteer: Gazetteer, taken: list[bool]
) -> list[Mention]:
    """A proper name the tagger did not mark, listed with a place ("from Gao to Kidal and
    Timbuktu", "residents of Marietta and Smyrna"), that the gazetteer knows as a town or an
    area; along the list, each found name vouching for the next."""
    found: list[Mention] = []
    grew = True
    while grew:
        grew = False
        for i, j in pairs:  # each way: the listed word and the word it is listed with
            if taken[i] or not taken[j]:
                continue
            mention = _unmarked_town(parsed, parsed[i], gazetteer, taken)
            if mention is not None:
                found.append(mention)
                grew = True
    return found


def _conjunct_pairs(parsed: Any) -> list[tuple[int, int]]:
    """(i, j) for every two words listed together ("conj"), both ways, read from the arrays."""
    conj = parsed.vocab.strings.add("conj")
    rows = parsed.to_array([DEP, HEAD])
    listed = (rows[:, 0] == conj).nonzero()[0].tolist()
    heads = rows[listed, 1].astype("int64").tolist()  # HEAD: a signed offset, stored unsigned
    pairs = [(i, i + h) for i, h in zip(listed, heads, strict=True)]
    return pairs + [(j, i) for i, j in pairs]


def _route_ends(parsed: Any) -> list[tuple[int, int]]:
    """(i, j), both ways, for the two ends of a journey told by "from" and "to" on one word:
    "travelling from Shimla to MANALI", where the tagger left Manali unmarked."""
    ends = []
    for i in _indices(parsed, LOWER, frozenset({"to"})):
        to = parsed[i]
        start = next((c for c in to.head.children if c.lower_ == "from" and c.i < i), None)
        there = next((c for c in to.children if c.dep_ == "pobj"), None)
        here = next((c for c in start.children if c.dep_ == "pobj"), None) if start else None
        if there is not None and here is not None:
            ends += [(there.i, here.i), (here.i, there.i)]
    return ends


AREA_FEATURES = frozenset({"admin1", "admin2", "region"})


def _town_and_area(parsed: Any, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """ "Town, Area" pairs the tagger left out, as British and Irish news writes them:
    "Silverstone, Northamptonshire", "near New Quay, Ceredigion". Both are places when the
    gazetteer puts a town of the first name inside an area of the second."""
    found: list[Mention] = []
    for i in _indices(parsed, LOWER, frozenset({","})):
        if i == 0 or i + 1 >= len(parsed):
            continue
        before, after = parsed[i - 1], parsed[i + 1]
        if before.pos_ != "PROPN" or after.pos_ != "PROPN" or (taken[i - 1] and taken[i + 1]):
            continue
        town_lo, town_hi = _proper_run(parsed, before)
        area_lo, area_hi = _proper_run(parsed, after)
        if town_hi != i or area_lo != i + 1 or area_hi - area_lo > 3:
            continue
        town, area = parsed[town_lo:town_hi], parsed[area_lo:area_hi]
        if _inside(gazetteer.candidates(town.text), gazetteer.candidates(area.text)):
            for words in (town, area):
                if not any(taken[words.start : words.end]):
                    found.append(Mention(words.text, (words.start_char, words.end_char)))
                    taken[words.start : words.end] = [True] * len(words)
    return found


def _inside(towns: list[Entry], areas: list[Entry]) -> bool:
    """Whether some town lies within some area (admin area or region) of the lists."""
    return any(
        distance_km(t.lat, t.lon, a.lat, a.lon) <= 1.5 * a.radius_km + 20
        for a in areas
        if a.feature in AREA_FEATURES
        for t in towns
        if t.feature in ("city", "capital") and t.country == a.country
    )


LOCAL_NOUNS = frozenset({
    "police", "officer", "sheriff", "deputy", "trooper", "firefighter", "fire", "council",
    "councillor", "councilman", "alderman", "mayor", "official", "resident", "school", "crew",
    "authority", "prosecutor", "court", "judge", "hospital", "voter", "business", "church",
    "man", "woman", "mother", "father", "teen", "teenager", "boy", "girl", "family", "couple",
    "home", "homeowner", "student", "native", "driver", "department", "pd", "garda", "gardaí",
    "gardai",
})  # fmt: skip
"""Nouns a town's name modifies in local news: "HUMBOLDT police", "BANGOR officials",
"ATHLONE gardaí" (Ireland's police)."""
NATIVES = frozenset({"resident", "native"})


def _local_modifiers(parsed: Any, gazetteer: Gazetteer, taken: list[bool]) -> list[Mention]:
    """Town names modifying the local nouns of :data:`LOCAL_NOUNS`, whatever the tagger
    thought ("Humboldt police": a nationality; "Bangor police": an organisation), if the
    gazetteer knows the name and the tagger did not call it a person, or did after "a", or did
    a name of two words or more that is a town's own (:func:`_town_by_name`)."""
    found = []
    nouns = [
        i
        for i in _indices(parsed, LEMMA, LOCAL_NOUNS)
        if parsed[i].lemma_ in LOCAL_NOUNS or _title_before_a_name(parsed, parsed[i])
    ]
    titles = {i for i in nouns if parsed[i].lemma_ not in LOCAL_NOUNS}
    modifiers = [  # "police", not the "Court" of a name
        tok for i in nouns for tok in parsed[i].lefts if tok.dep_ in ("compound", "nmod", "amod")
    ]
    beside = {  # "the GAINESVILLE police chief": the name modifies the chief, beside "police"
        tok.i: parsed[i]
        for i in nouns
        if parsed[i].dep_ == "compound" and parsed[i].head.lemma_.lower() in OFFICE_HEADS
        for tok in parsed[i].head.lefts
        if tok.i < i and tok.dep_ in ("compound", "nmod", "amod")
    }
    modifiers += [parsed[j] for j in beside]
    modifiers += [  # "Broussard and YOUNGSVILLE police"
        c for tok in modifiers for c in tok.conjuncts if c.i < tok.head.i and c.dep_ == "conj"
    ]
    modifiers += [  # "MISHAWAKA resident Jane Doe", parsed as the resident's head
        parsed[i - 1]
        for i in nouns
        if i and parsed[i].lemma_ in NATIVES and parsed[i].head.i == i - 1
    ]
    for tok in modifiers:
        if taken[tok.i] or not tok.text[:1].isupper():
            continue
        lo, hi = _proper_run(parsed, tok)
        if tok.i + 1 in titles:  # "CLINTON Mayor Tom Hardy": the run ends at the title
            hi = min(hi, tok.i + 1)
        if any(taken[lo:hi]) or hi != tok.i + 1:
            continue
        words = parsed[lo:hi]
        part = _city_part(parsed, lo, hi)
        if part is not None:  # "a SOUTH SIDE man": a part of the story's city
            found.append(Mention(part.text, (part.start_char, part.end_char)))
            taken[part.start : part.end] = [True] * len(part)
            continue
        if (
            tok.ent_type_ == "PERSON"
            and not _no_persons(parsed, lo, beside.get(tok.i, tok.head))
            and not (hi - lo > 1 and _town_by_name(words.text, gazetteer))
        ):
            continue  # "Smith officials", but "PERTH AMBOY officials": a town's name in full
        if is_generic(words.text) or words.text.lower() in LOCAL_NOUNS:
            continue  # "University police", "Police officers"
        if gazetteer.demonym(words.text) or (
            tok.ent_type_ == "NORP"
            and any(gazetteer.demonym(parsed[k:hi].text) for k in range(max(0, lo - 2), lo))
        ):
            continue  # "British officials", "Costa Rican officials": a nationality
        if _is_place_name(words.text, gazetteer) and gazetteer.candidates(words.text):
            found.append(Mention(words.text, (words.start_char, words.end_char)))
            taken[lo:hi] = [True] * (hi - lo)
    return found


def _city_part(parsed: Any, lo: int, hi: int) -> Any:
    """ "South Side", "West Side": a compass word and "Side", a part of a city that no
    gazetteer lists and the resolver places at the story's focus; None for other names."""
    if hi - lo != 1 or parsed[lo].lower_ != "side" or lo == 0:
        return None
    compass = parsed[lo - 1]
    if compass.lower_ not in ("north", "south", "east", "west") or not compass.text[:1].isupper():
        return None
    return parsed[lo - 1 : hi]


def _no_persons(parsed: Any, lo: int, noun: Any) -> bool:
    """Whether a name the tagger called a person, before a local noun, cannot be one: after
    "a" ("a BELLE PLAINE man"), before a town's police or firefighters ("JACKSON police
    said", "BLOOMINGTON and Normal police") or before a title and a person's name ("CLINTON
    Mayor Tom Hardy")."""
    return bool(
        (lo > 0 and parsed[lo - 1].lower_ in ("a", "an"))
        or noun.lemma_ in LOCAL_FORCES
        or _title_before_a_name(parsed, noun)
    )


def _title_before_a_name(parsed: Any, noun: Any) -> bool:
    """Whether a local noun is a capitalised title that a person's own name follows: in
    "CLINTON Mayor Tom Hardy" the name before the title is the town's, not a person's."""
    after = noun.i + 1
    return bool(
        noun.text[:1].isupper()
        and after < len(parsed)
        and parsed[after].ent_type_ == "PERSON"
        and parsed[after].ent_iob_ == "B"
    )


OFFICE_HEADS = frozenset({
    "chief", "spokesman", "spokeswoman", "spokesperson", "captain", "lieutenant", "sergeant",
    "detective", "commissioner", "board", "station", "headquarters", "union", "superintendent",
})  # fmt: skip
"""Nouns of a local office after a local noun: "the Gainesville police CHIEF", "the Ennis
fire STATION"."""
LOCAL_FORCES = frozenset({"police", "firefighter", "fireman", "garda", "gardaí", "gardai"})


def _indices(parsed: Any, attr: int, words: frozenset[str]) -> list[int]:
    """Indices of the tokens whose ``attr`` (LOWER, LEMMA) is one of ``words``, in any case,
    read from the document's arrays: most tokens are none, and spaCy makes an object for each
    token a loop visits. Each attribute's values are read once per document (:func:`_values`),
    so that each word list costs one pass over plain integers."""
    hashes = _hashes(parsed.vocab.strings, words)
    return [i for i, value in enumerate(_values(parsed, attr)) if value in hashes]


def _hashes(strings: Any, words: frozenset[str]) -> frozenset[int]:
    """The string hashes of ``words`` in lower case, capitalised and upper case (spaCy's hashes
    do not depend on the store, so they are kept per word list)."""
    known = _HASHES.get(words)
    if known is None:
        known = _HASHES[words] = frozenset(
            strings.add(f) for w in words for f in {w, w.capitalize(), w.upper()}
        )
    return known


_HASHES: dict[frozenset[str], frozenset[int]] = {}


VALUES_KEPT = 8
"""Documents whose token values :func:`_values` remembers."""


@lru_cache(maxsize=VALUES_KEPT)
def _values(parsed: Any, attr: int) -> list[int]:
    """The value of ``attr`` of each token of the document, remembered for the last few
    documents (a document is equal only to itself)."""
    values: list[int] = parsed.to_array([attr]).tolist()
    return values


def _framed_by(word: Any) -> list[Any]:
    """The tokens a settlement word may frame (:func:`_settlement_named`): its compounds and
    appositions, and the objects of its "of", "called" or "named"."""
    near = [c for c in word.children if c.dep_ in ("compound", "appos", "nmod")]
    near += [c for c in word.children if c.dep_ == "amod" and c.is_title]  # "SHOPIAN district"
    near += [g for c in near for g in c.children if g.dep_ == "conj"]  # "Shopian and KULGAM"
    linked = [c for c in word.children if c.lower_ in ("of", "called", "named")]
    return near + [g for c in linked for g in c.children if g.dep_ in ("pobj", "appos")]


TITLE_WORDS = frozenset({"capital", "city", "town", "village", "port"})
"""Settlement words that may stand before a name as its title: "Tonga's capital NUKU'ALOFA",
where the parser made the word a compound of the name."""


def _titles(word: Any) -> bool:
    """Whether a settlement word is the compound of a capitalised proper noun right after it
    (:data:`TITLE_WORDS`): "capital NUKU'ALOFA", not "the City Council"."""
    head = word.head
    return bool(
        word.dep_ == "compound"
        and word.is_lower
        and head.i == word.i + 1
        and head.pos_ == "PROPN"
        and head.text[:1].isupper()
        and head.lower_ not in GENERIC_WORDS
    )


def _settlement_named(tok: Any) -> bool:
    head = tok.head
    if any(c.lemma_.lower() in TITLE_WORDS and _titles(c) for c in tok.children):
        return True  # "Tonga's capital NUKU'ALOFA"
    if tok.dep_ == "conj" and head.i != tok.i:
        return _settlement_named(head)
    if tok.dep_ in ("compound", "amod", "nmod") and head.lemma_.lower() in SETTLEMENT_WORDS:
        return True  # "nmod": the parser's link of a list before its word, "SWAT and Chitral
        # districts"
    return bool(
        tok.dep_ in ("pobj", "appos")
        and head.lower_ in ("of", "called", "named")
        and head.head.lemma_.lower() in SETTLEMENT_WORDS
    ) or bool(tok.dep_ == "appos" and head.lemma_.lower() in SETTLEMENT_WORDS)


def _proper_run(parsed: Any, tok: Any) -> tuple[int, int]:
    """The run of proper nouns around ``tok`` joined by compounds ("Deir Ezzor")."""
    lo = hi = tok.i
    while lo > 0 and parsed[lo - 1].pos_ == "PROPN" and parsed[lo - 1].head.i in (tok.i, lo):
        lo -= 1
    while hi + 1 < len(parsed) and parsed[hi + 1].pos_ == "PROPN" and parsed[hi].head.i == hi + 1:
        hi += 1
    return lo, hi + 1


def _compounds_run(parsed: Any, lo: int, hi: int, gazetteer: Gazetteer) -> int:
    """Where a run of proper nouns [lo, hi) ends once the compounds of the word it hangs on
    are taken with it, where the gazetteer knows that longer name ("DONA ANA County", of which
    the parser hung each word on "County"); ``hi`` otherwise."""
    end = hi
    while end < len(parsed) and parsed[end].pos_ == "PROPN":
        here, after = parsed[end - 1], parsed[end]
        if not (
            here.head.i == end
            or (here.dep_ == after.dep_ == "compound" and here.head.i == after.head.i)
        ):
            break
        end += 1
    return end if end > hi and gazetteer.candidates(parsed[lo:end].text) else hi


def _mistagged_places(
    ents: Any,
    tokens: _Tokens,
    pairs: list[tuple[int, int]],
    gazetteer: Gazetteer,
    taken: list[bool],
    named: Counter[str],
    listed_only: bool = False,
) -> list[Mention]:
    """Place names the tagger called people or organisations, vouched for by the text: a name
    joined by "and" to a place ("fighting in Aden and TAIZ", repeated along a list; one it
    called an organisation or a nationality only where a town of 5,000+ has its very name,
    "WILKES-BARRE", "Lebanon and MT. JULIET": "the US and NATO" stays out), a name the article
    uses as a place
    at least as often as otherwise (``named`` counts its place mentions: "jets struck SANAA"
    beside "in Sanaa", but not "Modi" called a place once and a person ten times), or a
    salient name of two words or more ("TAMIL NADU", "SIERRA LEONE"), or a salient name after
    a place and its comma ("Hamilton, BERMUDA"). With ``listed_only``, only the names listed
    with a place: a second pass, once the gazetteer scan has found the places the tagger left
    unmarked ("Cardiff, SWANSEA and Newport", where it marked no Cardiff)."""
    found: list[Mention] = []
    pending = [e for e in ents if e.label_ in MISTAGGED_LABELS]
    pending = [e for e in pending if not any(taken[e.start : e.end])]
    listed = [False] * len(taken)
    for i, _ in pairs:
        listed[i] = True
    otherwise = Counter(
        normalize(m.text)
        for e in pending
        if not listed_only and e.label_ != "NORP" and (m := _trimmed(e)) is not None
    )
    grew = True
    while grew:
        grew = False
        for ent in pending:
            if any(taken[ent.start : ent.end]):
                continue
            if (listed_only or ent.label_ == "NORP") and not (
                (any(listed[ent.start : ent.end]) and _joined_to_place(ent, taken))
                or _listed_by_text(ent, taken)
            ):
                continue  # only a listed name may be one of these
            whole = None if listed_only else _hyphened_salient(ent, tokens, gazetteer)
            mention = _trimmed(ent)
            if whole is not None:  # the person "Croix" of "CROIX-DES-BOUQUETS"
                found.append(Mention(whole.text, (whole.start_char, whole.end_char)))
                taken[whole.start : whole.end] = [True] * len(whole)
                grew = True
                continue
            if mention is None or not _is_place_name(mention.text, gazetteer):
                continue
            key = normalize(mention.text)
            if (
                (
                    key in gazetteer.salient
                    and not listed_only
                    and ent.label_ != "NORP"
                    and (
                        named[key] >= otherwise[key]
                        or len(key.split()) > 1
                        or _after_a_place(ent, taken)
                        or _natural_feature(mention.text, gazetteer)
                        or _capital_acting(ent, mention.text, gazetteer, ents)
                    )
                )
                or (
                    ent.label_ in ("ORG", "PERSON")
                    and _from_people(ent)
                    and _town_by_name(mention.text, gazetteer, LONGER_TOWN_POPULATION)
                )
                or (
                    (
                        ent.label_ not in ("ORG", "NORP")
                        or _town_by_name(mention.text, gazetteer)
                        or (
                            ent.label_ == "ORG"
                            and _near_partner(ent, mention.text, gazetteer, taken)
                        )
                        or (ent.label_ == "ORG" and _listed_area(ent, mention.text, gazetteer))
                        or _listed_county(ent, mention.text, gazetteer)
                    )
                    and _joined_to_place(ent, taken)
                    and bool(gazetteer.candidates(mention.text))
                )
            ):
                found.append(mention)
                taken[ent.start : ent.end] = [True] * (ent.end - ent.start)
                grew = True
    return found


LISTED_NEIGHBOURS = 3
"""The least length of a list of mistagged names that :func:`_listed_neighbours` reads."""
NEIGHBOURS_KM = 100
"""How near one town of such a list the others must lie."""
LISTED_TOWN_POPULATION = 2_000
"""The least population of each of its towns (Keswick, of Cumbria's list, has 4,700)."""
_LIST_JOINS = (",", "and", ", and")


def _listed_neighbours(
    ents: Any, gazetteer: Gazetteer, taken: list[bool], countries: set[str]
) -> list[Mention]:
    """Names the tagger called people or organisations, written as one list, that are towns by
    their own names: three or more of some size lying within :data:`NEIGHBOURS_KM` of one of
    them ("with CARLISLE, KESWICK and COCKERMOUTH worst hit" are Cumbria's neighbours, where no
    surname list, "Smith, Jones and Brown", names three neighbouring towns), or two or more
    large cities of one of the ``countries`` the article names ("in Malawi, with BLANTYRE and
    LILONGWE the worst affected")."""
    found: list[Mention] = []
    surnames = _surnames(ents, taken)
    for run in _name_lists(ents, taken):
        run = [part for ent in run for part in _comma_parts(ent, gazetteer)]  # "BANGOR, BREWER"
        names = [_trimmed(e) for e in run]
        if len(run) < 2 or any(m is None or m.text in surnames for m in names):
            continue  # "Clinton, Madison and Jackson" after "Hillary Clinton": people
        towns = [_own_towns(m.text, gazetteer) for m in names if m is not None]
        if not all(towns):
            continue
        if not (len(run) >= LISTED_NEIGHBOURS and _neighbours(towns)) and not _cities_of(
            towns, countries
        ):
            continue
        for ent, mention in zip(run, names, strict=True):
            found += [mention] if mention is not None else []
            taken[ent.start : ent.end] = [True] * len(ent)
    return found


def _cities_of(towns: list[list[Entry]], countries: set[str]) -> bool:
    """Whether every name is a city of :data:`SALIENT_CITY_POPULATION` or more in one of the
    ``countries``, the same for all. Not American cities: so many bear people's names
    ("Jackson and Madison") that a named country does not tell them from the people."""
    return any(
        all(
            any(e.country == c and e.population >= SALIENT_CITY_POPULATION for e in t)
            for t in towns
        )
        for c in countries - {"USA"}
    )


def _capital_acting(ent: Any, text: str, gazetteer: Gazetteer, ents: Any) -> bool:
    """Whether a one-word name the tagger called a person is a national capital by its own
    name, acting as the subject of a verb, in an article that names its country or its people:
    "KIEV blamed Russian-backed separatists" beside "Ukraine" (the tagger calls Kiev, Khartoum,
    Yerevan and Muscat people more often than not there). A capital that is also a first name
    stays a person where the article names no such country: "Sofia said she would stay"."""
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    countries = {
        e.country
        for e in gazetteer.candidates(text)
        if e.feature == "capital" and e.match >= MATCH_ALIAS
    }
    return bool(countries) and any(
        _names_country(other.text, countries, gazetteer)
        for other in ents
        if other.start != ent.start  # whatever the tagger called it: "Armenia's", an ORG
    )


def _names_country(text: str, countries: set[str | None], gazetteer: Gazetteer) -> bool:
    """Whether a name or a nationality word names one of the countries."""
    named = [*gazetteer.candidates(text), *gazetteer.demonym(text)]
    return any(e.feature == "country" and e.country in countries for e in named)


def _countries_named(found: list[Mention], gazetteer: Gazetteer) -> set[str]:
    """The countries that mentions found so far name by the country's own name."""
    return {
        e.country
        for m in found
        for e in gazetteer.candidates(m.text)
        if e.feature == "country" and e.match >= MATCH_ALIAS and e.country
    }


def _near_partner(ent: Any, text: str, gazetteer: Gazetteer, taken: list[bool]) -> bool:
    """Whether a name listed with a place found already is a town of
    :data:`LISTED_TOWN_POPULATION` or more by its own name lying within :data:`NEIGHBOURS_KM`
    of a place of the partner's name: "burglaries in Bowling Green and SCOTTSVILLE" (4,400
    people, 40 km away, tagged an organisation)."""
    root, doc = ent.root, ent.doc
    partners = [c for c in root.children if c.dep_ == "conj" and taken[c.i]]
    if root.dep_ == "conj" and taken[root.head.i]:
        partners.append(root.head)
    towns = _own_towns(text, gazetteer)
    for partner in partners if towns else ():
        lo, hi = _proper_run(doc, partner)
        places = [e for e in gazetteer.candidates(doc[lo:hi].text) if e.match >= MATCH_ALIAS]
        if places and _neighbours([towns, places]):
            return True
    return False


def _name_lists(ents: Any, taken: list[bool]) -> list[list[Any]]:
    """Runs of untaken entities of :data:`LISTING_LABELS` joined by commas and "and" alone."""
    runs: list[list[Any]] = []
    for ent in ents:
        if ent.label_ not in LISTING_LABELS or any(taken[ent.start : ent.end]):
            runs.append([])
            continue
        last = runs[-1][-1] if runs and runs[-1] else None
        between = ent.doc[last.end : ent.start].text if last is not None else None
        if between in _LIST_JOINS:
            runs[-1].append(ent)
        else:
            runs.append([ent])
    return [run for run in runs if run]


def _own_towns(text: str, gazetteer: Gazetteer, least: int = LISTED_TOWN_POPULATION) -> list[Entry]:
    """The towns of ``least`` people or more that have a name written in words (no acronym:
    "NATO" is no Nato, Philippines) as their own or as a spelling of it ("Wilkes-Barre")."""
    if text.isupper():
        return []
    return [
        e
        for e in gazetteer.candidates(text)
        if e.feature in ("city", "capital") and e.match >= MATCH_ALIAS and e.population >= least
    ]


def _neighbours(towns: list[list[Entry]]) -> bool:
    """Whether one town of the first name has a town of every other name near it."""
    first, *rest = towns
    return any(
        all(any(distance_km(a.lat, a.lon, e.lat, e.lon) <= NEIGHBOURS_KM for e in t) for t in rest)
        for a in first
    )


NATURAL_FEATURES = frozenset({"river", "sea", "strait", "gulf", "lake", "mountains", "canal"})
CURATED_AREAS = NATURAL_FEATURES | {"region", "island"}


def _natural_feature(text: str, gazetteer: Gazetteer) -> bool:
    """Whether the name is only that of a river, sea or range the supplement holds ("the
    DANUBE", which the tagger called a person): no town nor person shares it."""
    found = gazetteer.candidates(text)
    return bool(found) and all(e.feature in NATURAL_FEATURES for e in found)


COUNTY_PLURALS = {"counties": "County", "parishes": "Parish"}
"""Plural county words that close a list of counties' names ("Wyoming and McDowell counties")."""


def _listed_county(ent: Any, text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name closes a list of counties, the plural right after it, and the gazetteer
    knows the county: "Logan, Mingo, Wyoming and MCDOWELL counties"."""
    doc = ent.doc
    word = COUNTY_PLURALS.get(doc[ent.end].lower_) if ent.end < len(doc) else None
    return word is not None and any(
        e.feature == "admin2" for e in gazetteer.candidates(f"{text} {word}")
    )


def _listed_area(ent: Any, text: str, gazetteer: Gazetteer) -> bool:
    """Whether a one-word name, not an acronym, is a province by its own name or a large town
    by any of its names: "toward Sirte and JUFRA", "near Tyre and NABATIEH" (but not the
    counties of people's names: "Helen, CLARENCE, IRENE"). A subject that matches a town only
    by another name than a spelling of its own is what the tagger said, an organisation:
    "Austin, and GOOGLE expanded" (Topeka called itself Google for a month)."""
    return (
        len(ent) == 1
        and not text.isupper()
        and any(
            (e.feature == "admin1" and e.match == MATCH_PRIMARY)
            or (
                e.feature in ("city", "capital")
                and e.population >= LARGE_TOWN
                and (
                    e.match >= MATCH_ALIAS
                    or _spelling_of(text, e.name)
                    or ent.root.dep_ not in ("nsubj", "nsubjpass")
                )
            )
            for e in gazetteer.candidates(text)
        )
    )


def _spelling_of(text: str, name: str) -> bool:
    """Whether an alternate name is a spelling of a town's name, sharing its first letters
    ("Nabatieh" of Nabatîyé et Tahta), not another name GeoNames lists for it ("Google")."""
    return normalize(text)[:3] == normalize(name)[:3]


LARGE_TOWN = 100_000


def _hyphened_salient(ent: Any, tokens: _Tokens, gazetteer: Gazetteer) -> Any:
    """The salient place an entity makes with the hyphened words glued after it, as a span
    ("CROIX-DES-BOUQUETS", of which the tagger called "Croix" a person); None if none."""
    doc, j = ent.doc, ent.end
    if ent.label_ == "NORP" or j >= len(tokens.text) or tokens.text[j] != "-":
        return None
    if tokens.start[j] != ent.end_char:
        return None  # a hyphen, but not glued to the name
    text = doc[ent.start : min(len(doc), ent.end + 6)].text  # not the whole article's
    for end in _hyphen_ends(text, ent.end_char - ent.start_char):
        if _salient_place(text[:end], gazetteer):
            return doc.char_span(ent.start_char, ent.start_char + end, alignment_mode="expand")
    return None


def _after_a_place(ent: Any, taken: list[bool]) -> bool:
    """Whether the entity follows a place and its comma: "Hamilton, BERMUDA"."""
    return bool(ent.start >= 2 and ent.doc[ent.start - 1].text == "," and taken[ent.start - 2])


def _joined_to_place(ent: Any, taken: list[bool]) -> bool:
    """Whether the entity is a conjunct of a word already taken as a place, either way, or
    written beside "and" and a place the parser did not list it with: "the border with MALI
    and Burkina Faso", parsed as a modifier of Faso; "fighting near Bakhmut and AVDIIVKA
    intensified", parsed as the verb's subject."""
    root = ent.root
    if root.dep_ == "conj" and taken[root.head.i] and not ent.start <= root.head.i < ent.end:
        return True
    if any(c.dep_ == "conj" and taken[c.i] for c in root.children):
        return True
    return _listed_by_text(ent, taken)


def _listed_by_text(ent: Any, taken: list[bool]) -> bool:
    """Whether the entity is written beside "and" and a place, the parser having missed the
    list (see :func:`_joined_to_place`), or closes a list after a place, whatever the parse:
    "near Tal Abyad and RAS AL-AIN.", "in Hawija and AL-QAIM near the border"."""
    doc, start, end, root = ent.doc, ent.start, ent.end, ent.root
    if end + 1 < len(doc) and doc[end].lower_ == "and" and taken[end + 1]:
        return bool(root.dep_ == "nmod")
    closes = end == len(doc) or doc[end].is_punct or doc[end].pos_ == "ADP"  # "… near"
    if closes and start >= 2 and doc[start - 1].lower_ == "and" and taken[start - 2]:
        return True
    if root.dep_ != "nsubj" or start < 2 or doc[start - 1].lower_ != "and":
        return False
    before = start - 3 if doc[start - 2].text == "," and start >= 3 else start - 2
    return bool(taken[before] and doc[before].dep_ in ("pobj", "appos"))  # "in X, Mo., and Y"


def _located_by_preposition(ent: Any, gazetteer: Gazetteer) -> bool:
    """ "arrested 12 people in Goma", "travelling to Cirencester", "40 miles north of Fortuna":
    a name the tagger called a person, after "in", after "to" or "from" a verb of motion, or
    after a compass point and "of", is a place; after "on", an island ("on Oahu"). One it
    called an event is a place after "in", "at" or "near" where it is a town of 5,000+ by its
    own name ("a police station in Tumaco"; not "at the World Cup")."""
    root = ent.root
    if ent.label_ == "EVENT" and root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS:
        return _town_by_name(ent.text, gazetteer)  # "a police station in TUMACO"
    if (ent.label_ not in MISTAGGED_LABELS and not mistaken_date(ent)) or root.dep_ != "pobj":
        return False
    if not ent.text[:1].isupper():
        return False  # "trails through the bush"
    prep = root.head
    moving = prep.lower_ in MOTION_PREPS and prep.head.lemma_ in MOTION_VERBS
    moving = moving or (prep.lower_ == "for" and prep.head.lemma_ in DEPARTURE_VERBS)
    directed = prep.lower_ == "of" and prep.head.lower_ in COMPASS_WORDS  # "40 miles north of"
    moving = moving or _ranged(prep) or _taken_to(prep)  # "from Mobile to PENSACOLA"
    if prep.lower_ == "on":  # "On OAHU, home to Honolulu": an island
        found = gazetteer.candidates(ent.text)
        return any(e.feature == "island" for e in found) or (_on_land(prep) and _isle(found))
    if prep.lower_ == "off" and prep.head.lemma_.lower() in OFFSHORE_VERBS:
        found = gazetteer.candidates(ent.text)
        return any(e.feature in OFFSHORE_FEATURES for e in found) or _isle(found)
    if prep.lower_ in MOTION_PREPS and _in_its_area(ent, gazetteer):
        return True  # "took them to PORTO EMPEDOCLE in Sicily"
    if not (prep.lower_ in LOCATIVE_PREPS or moving or directed) or gazetteer.demonym(ent.text):
        return False  # "in English", "in Russian": a language
    return bool(gazetteer.candidates(ent.text)) or _areas_in_brackets(ent)


ON_LAND_WORDS = frozenset({
    "arrive", "land", "live", "stay", "strand", "burn", "rage", "spread", "station", "base",
    "holiday", "vacation", "wildfire", "fire", "blaze", "riot", "unrest", "home", "village",
    "town", "airport", "beach", "hotel", "resort", "camp", "quake", "earthquake", "flood",
    "break", "erupt",
})  # fmt: skip
"""Verbs and nouns whose "on" puts something on an island: "migrants arrived on LAMPEDUSA",
"marines stationed on OKINAWA", "wildfires on CRETE", "riots broke out on MAYOTTE"."""


def _on_land(prep: Any) -> bool:
    """Whether an "on" tells where people are or something happens (:data:`ON_LAND_WORDS`, or
    people: "tourists on CORFU", "US Marines on OKINAWA"), not what is done to someone ("called
    on Jackson")."""
    head = prep.head
    word = head.lemma_.lower()
    if word in ON_LAND_WORDS:
        return True
    return head.pos_ in ("NOUN", "PROPN") and (
        _of_people(head) or _singular(head) in _armed_nouns()
    )


def _isle(found: list[Entry]) -> bool:
    """Whether a name after an "on" of :func:`_on_land` can be an island: a province, county or
    country by its own name ("on CRETE", "on MAYOTTE") or a town of 1,000+ ("on LAMPEDUSA",
    which GeoNames has as the island's town)."""
    return any(
        (e.feature in ("admin1", "admin2", "country") and e.match == MATCH_PRIMARY)
        or (
            e.feature in ("city", "capital")
            and e.population >= ISLE_TOWN_POPULATION
            and e.match >= MATCH_ALIAS
        )
        for e in found
    )


ISLE_TOWN_POPULATION = 1_000
"""The least town :func:`_isle` takes for its island: GeoNames files small islands under their
one town ("Lampedusa", 4,000 people)."""


def _taken_to(prep: Any) -> bool:
    """Whether a "to" says where people were taken, in the passive, along a list of "to"s:
    "migrants were taken to PORTO EMPEDOCLE and to POZZALLO" (not "she took the case to
    Jackson")."""
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP":
        prep = prep.head
    verb = prep.head
    return (
        prep.lower_ == "to"
        and verb.lemma_.lower() == "take"
        and any(c.dep_ == "auxpass" for c in verb.children)
    )


OFFSHORE_FEATURES = frozenset({"island", "city", "capital"})
OFFSHORE_VERBS = frozenset({
    "rescue", "sink", "capsize", "drown", "intercept", "spot", "anchor", "moor", "sail",
    "patrol", "find", "recover", "collide", "strand", "wreck", "seize", "board", "detain",
    "save", "pick", "founder", "strike", "fish", "dock", "catch", "explode", "crash", "ditch",
})  # fmt: skip
"""Verbs of what happens at sea, after which "off" names the island or coastal town nearby:
"migrants rescued off LAMPEDUSA", "a ferry caught fire off BASILAN" (an island province; not
"took the ball off Jackson")."""


def _in_its_area(ent: Any, gazetteer: Gazetteer) -> bool:
    """Whether the entity is followed by "in" or a comma and a place the tagger marked, which
    the gazetteer says holds a town of the entity's name: "to PORTO EMPEDOCLE in Sicily"."""
    doc, j = ent.doc, ent.end
    if j + 1 >= len(doc) or doc[j].lower_ not in ("in", ","):
        return False
    area = next((e for e in doc.ents if e.start == j + 1 and e.label_ in PLACE_LABELS), None)
    if area is None:
        return False
    return _inside(gazetteer.candidates(ent.text), gazetteer.candidates(area.text))


def _areas_in_brackets(ent: Any) -> bool:
    """Whether the entity is followed by its areas in brackets, as ACLED's notes place a
    village: "at BULO MARER (Marka, Lower Shabelle)"."""
    doc, j = ent.doc, ent.end
    if j + 3 >= len(doc) or doc[j].text != "(" or not doc[j + 1].is_title:
        return False
    inside = doc[j + 1 : min(len(doc), j + 12)]
    close = next((t.i for t in inside if t.text == ")"), None)
    return close is not None and any(t.text == "," for t in doc[j + 1 : close])


CALENDAR = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | {"christmas", "easter", "ramadan", "eid", "new", "year", "day", "eve"}
)


def mistaken_date(ent: Any) -> bool:
    """A "date" the tagger made of an unfamiliar name ("the village of MA'ARDES", "near
    MANBIJ"): proper nouns only, no digit and no calendar word. It counts only where framed as
    a place."""
    return bool(
        ent.label_ == "DATE"
        and all(t.pos_ == "PROPN" and not t.like_num for t in ent)
        and not any(t.lower_ in CALENDAR for t in ent)
    )


def _ranged(prep: Any) -> bool:
    """Whether a "to" ends a range that begins at a place: "from Mobile to PENSACOLA"."""
    start = prep.head
    return (
        prep.lower_ == "to"
        and start.lower_ == "from"
        and any(c.dep_ == "pobj" and c.ent_type_ in PLACE_LABELS for c in start.children)
    )


def _placed_by_role(ent: Any, gazetteer: Gazetteer) -> bool:
    """A place name the tagger called a person or an organisation, in a place's role:
    - the object of a verb of attack or capture, if salient ("troops attacked KHARKIV and
      ZAPORIZHZHIA"), or of a verb of damage whose subject is a storm or a weapon ("missiles
      hit ZAPORIZHZHIA"), or any known town after a verb of siege (:data:`SIEGE_VERBS`) or after
      one whose subject is armed ("Russian troops captured AVDIIVKA");
    - after a word of assault ("strikes on RAFAH and KHAN YOUNIS", "the siege of MARIUPOL",
      "fired on QAMISHLI");
    - after "the border with" ("near the border with MALI");
    - after people and "from" ("crews from WAPAKONETA", "the driver was from ELY");
    - after a way of travel and "from" or "to" ("flights from LEGAZPI", "roads to PENZANCE");
    - before "-based" ("the CORBIN-based company"), or owning a mayor ("HAZARD's mayor")."""
    if ent.label_ not in MISTAGGED_LABELS or ent.label_ == "NORP" or len(ent) > 3:
        return False
    root = ent.root
    head = root.head if root.dep_ == "conj" else root
    if _based_in(ent) or _town_owned(ent):
        return _town_or_area(ent.text, gazetteer, named_areas=True)
    if _country_owned(ent):
        return _country_by_name(ent.text, gazetteer)
    if head.dep_ in ("dobj", "nsubjpass") and _struck_by_force(head):
        return _town_or_area(ent.text, gazetteer, named_areas=True)  # "a tornado struck MAYFIELD"
    if head.dep_ == "dobj":
        verb = head.head
        placed = verb.lemma_.lower() in TAKING_VERBS and not _by_a_person(verb)
        sure = verb.lemma_.lower() in SIEGE_VERBS or _by_armed_men(verb)
        if placed and sure and _town_or_area(ent.text, gazetteer, named_areas=True):
            return True  # "shelled KHERSON", a town under the salient size
        if verb.lemma_.lower() in FLEEING_VERBS:  # "the suspect fled HAMMOND"
            return _town_or_area(ent.text, gazetteer, named_areas=True)
    elif head.dep_ == "pobj":
        prep, word = head.head, _singular(_from_whom(head.head))
        if prep.lower_ in ASSAULT_PREPS and word in ASSAULT_WORDS:
            return _town_or_area(ent.text, gazetteer, named_areas=True)
        if _people_from(ent, prep, word):
            if ent.label_ != "PERSON":  # a town by its very name: not "Belpre Inc."
                return len(ent) == 1 and _town_by_name(ent.text, gazetteer)
            return _town_or_area(ent.text, gazetteer, named_areas=True)
        if prep.lower_ == "between":  # "closed between GANANOQUE and NAPANEE"
            return _towns_between(head, gazetteer)
        if prep.lower_ in ("toward", "towards") and word in ROUTE_NOUNS:
            return _town_or_area(ent.text, gazetteer, named_areas=True)  # "the M6 towards X"
        if prep.lower_ in SPREADING_PREPS and _brought_by_weather(prep.head):
            return _town_or_area(ent.text, gazetteer, named_areas=True)  # "flooding to DEVON"
        if prep.lower_ in ("from", "to") and word in ROUTE_NOUNS:  # "flights from LEGAZPI"
            if ent.label_ == "ORG":  # "flights from DELTA": an airline
                return word != "flight" and _town_by_name(ent.text, gazetteer)
            return _town_or_area(ent.text, gazetteer, named_areas=True)
        if prep.lower_ == "from" and _crossing(prep.head):  # "crossed the Channel from CALAIS"
            return _town_by_name(ent.text, gazetteer, LONGER_TOWN_POPULATION)
        if prep.lower_ == "of" and word in PARTS_OF_TOWNS:  # "the evacuation of PIGEON FORGE"
            return _town_or_area(ent.text, gazetteer, named_areas=True)
        if prep.lower_ == "of" and prep.head.ent_type_ == "PERSON" and ent.label_ == "ORG":
            return len(ent) == 1 and _town_by_name(ent.text, gazetteer)  # "John Smith of DANVILLE"
        if prep.lower_ == "of" and _of_people(prep.head) and _set_off(prep, ent):
            return _town_by_name(ent.text, gazetteer)  # "Miss Abdhou, of HAYES", "a man, 21, of X"
        placed = prep.lower_ in ("with", "of") and word in BORDERS
    else:
        placed = False
    return placed and _salient_place(ent.text, gazetteer)


def _towns_between(first: Any, gazetteer: Gazetteer) -> bool:
    """Whether "between X and Y" names two towns of some size by their own names: "closed
    between GANANOQUE and NAPANEE", but not "a fight between Jackson and Smith"."""
    partners = [c for c in first.children if c.dep_ == "conj"]
    runs = [_proper_run(first.doc, t) for t in [first, *partners[:1]]]
    return bool(partners) and all(
        _town_by_name(first.doc[lo:hi].text, gazetteer) for lo, hi in runs
    )


ROUTE_NOUNS = frozenset({
    "flight", "road", "route", "train", "bus", "ferry", "highway", "motorway", "railway",
    "convoy",
})  # fmt: skip
"""Ways of travel whose "from" or "to" names a town: "flights from LEGAZPI", "roads to
PENZANCE"."""


CROSSING_VERBS = frozenset({
    "cross", "sail", "fly", "flee", "travel", "drive", "march", "walk", "evacuate", "deport",
    "depart", "smuggle", "ferry", "airlift", "launch",
})  # fmt: skip
"""Verbs of a journey whose "from" names where it started: "crossed the Channel from X"."""


def _crossing(word: Any) -> bool:
    """Whether "from" hangs on a verb of a journey, or on the object of one ("crossed the
    Channel from CALAIS", "fled from GOMA")."""
    if word.pos_ in ("PROPN", "NOUN") and word.dep_ == "dobj":
        word = word.head
    return bool(word.pos_ == "VERB" and word.lemma_.lower() in CROSSING_VERBS)


def _set_off(prep: Any, ent: Any) -> bool:
    """Whether "of" and the name after it stand between commas (or a comma and the sentence's
    end), as local news writes where a person lives: "Miss Abdhou, of Hayes, was..."."""
    doc = ent.doc
    after = doc[ent.end].text if ent.end < len(doc) else "."
    return prep.i > 0 and doc[prep.i - 1].text == "," and after in (",", ".")


def _based_in(ent: Any) -> bool:
    """ "the CORBIN-based company": what is based somewhere is based in a place."""
    doc, end = ent.doc, ent.end
    return bool(end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "based")


def _town_owned(ent: Any) -> bool:
    """ "HAZARD's mayor", "Jackson's city council", "AUSTIN's eastern suburbs": a name the
    tagger called a person, whose mayor, council, residents or parts these are, is a town."""
    root = ent.root
    return ent.label_ == "PERSON" and root.dep_ == "poss" and root.head.lemma_.lower() in TOWN_OWNED


TOWN_OWNED = frozenset({
    "mayor", "council", "resident", "downtown", "police", "school", "suburb", "outskirt",
    "outskirts", "street", "neighborhood", "neighbourhood",
})  # fmt: skip


def _country_owned(ent: Any) -> bool:
    """ "BERMUDA's premier", "CHAD's army", "central MALI's Mopti region": a name the tagger
    called a person, whose government, leader, forces or regions these are, is a country if
    the gazetteer knows one by that name."""
    root = ent.root
    return (
        ent.label_ == "PERSON"
        and len(ent) == 1
        and root.dep_ == "poss"
        and root.head.lemma_.lower() in COUNTRY_OWNED
    )


COUNTRY_OWNED = frozenset({
    "president", "premier", "minister", "government", "parliament", "army", "military",
    "navy", "economy", "capital", "king", "queen", "ambassador", "embassy", "constitution",
    "region", "province", "north", "south", "east", "west", "border", "coast", "force",
    "troop", "opposition", "election", "leader", "junta",
})  # fmt: skip


def _country_by_name(text: str, gazetteer: Gazetteer) -> bool:
    """Whether the gazetteer knows a country by this very name."""
    return any(
        e.feature == "country" and e.match == MATCH_PRIMARY for e in gazetteer.candidates(text)
    )


def _people_from(ent: Any, prep: Any, word: str) -> bool:
    """ "Crews from WAPAKONETA", "students from SIDNEY", "residents of VALENCIA": a name the
    tagger called a person, after people and "from" (or after those who live there and "of"),
    is where they come from (a person's own name would be possessive: "aides from Smith's
    office")."""
    possessive = ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS"
    if prep.lower_ == "of":
        return ent.label_ in ("PERSON", "ORG") and word in DWELLERS and not possessive
    return (
        ent.label_ in ("PERSON", "ORG", "PRODUCT")  # "the driver was from SEWARD", a product
        and prep.lower_ == "from"
        and (
            word in _armed_nouns()
            or word in _people_nouns()
            or word in PEOPLE_NOUNS
            or _of_people(_from_whom(prep))  # "Barry, who was from DEWSBURY", "the boy was from X"
        )
        and not possessive
    )


DWELLERS = frozenset({
    "resident", "inhabitant", "citizen", "villager", "townspeople", "people", "mayor",
    "governor", "population",
})  # fmt: skip
"""People "of" a place who live or govern there: "residents of X", "the mayor of X"."""


PEOPLE_NOUNS = frozenset({
    "crew", "firefighter", "fireman", "volunteer", "trooper", "visitor", "delegate", "fan", "team",
    "driver", "passenger", "motorist", "cyclist", "pedestrian", "victim", "suspect", "student",
    "teen", "teenager", "couple", "family", "rescuer", "worker", "medic", "paramedic", "doctor",
    "nurse", "evacuee", "tourist",
})  # fmt: skip
"""Local news's people who come from a town, beside the actor lexicon's (:func:`_people_nouns`)."""


@cache
def _people_nouns() -> frozenset[str]:
    """One-word nouns of people of the actor lexicon's civilian, police and government sectors."""
    sectors = load_toml("actors.toml")["sector"]
    return frozenset(w for s in ("CVL", "COP", "GOV", "LEG") for w in sectors[s] if " " not in w)


ASSAULT_WORDS = frozenset({
    "strike", "airstrike", "attack", "assault", "offensive", "raid", "shelling", "siege",
    "bombardment", "bombing", "incursion", "invasion", "blockade", "encirclement", "fire",
    "advance", "push", "press", "control", "capture", "recapture", "liberation",
})  # fmt: skip
"""Nouns (and verbs: "fired on", "advanced on", "pressed toward") whose object after "on",
"against", "into", "toward" or "of" is the place attacked or taken: "strikes on Rafah", "the
siege of Mariupol", "Turkey fired on Qamishli", "took control of Hama"."""
ASSAULT_PREPS = frozenset({"on", "against", "of", "into", "toward", "towards"})


@cache
def _armed_nouns() -> frozenset[str]:
    """One-word nouns of soldiers, fighters and gangs (the MIL, REB and CRM sectors of
    ``actors.toml``)."""
    sectors = load_toml("actors.toml")["sector"]
    return frozenset(w for s in ("MIL", "REB", "CRM") for w in sectors[s] if " " not in w)


def _by_armed_men(verb: Any) -> bool:
    """Whether a verb's subject is soldiers, fighters or a gang ("Russian troops captured X"),
    or, for a verb with no subject of its own, that of the verb it is joined to ("Ukrainian
    troops crossed into Russia and captured SUDZHA")."""
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return any(c.dep_ == "nsubj" and _singular(c) in _armed_nouns() for c in verb.children)


def _singular(noun: Any) -> str:
    """A noun's lemma in lower case, made singular where the lemmatizer left a capitalised
    word it took for a name as it was ("Insurgents attacked X", "Fishermen from X" opening a
    sentence)."""
    word: str = noun.lemma_.lower()
    if noun.pos_ != "PROPN" or not noun.text[:1].isupper():
        return word
    if word.endswith("men"):
        return word[:-3] + "man"  # "Fishermen from Jaffna"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


SIEGE_VERBS = frozenset({
    "shell", "bomb", "bombard", "besiege", "overrun", "encircle", "occupy", "annex", "recapture",
    "retake", "retook", "pound", "blockade",
})  # fmt: skip
"""Verbs of :data:`TAKING_VERBS` whose object is a place and hardly ever a person: their object
may be any town the gazetteer knows, not only a salient one ("Russian forces shelled Kherson")."""
SIEGE_TOWN_POPULATION = 5_000


def _town_or_area(text: str, gazetteer: Gazetteer, named_areas: bool = False) -> bool:
    """Whether the gazetteer knows the name as an area or a town of some size; with
    ``named_areas``, an area only by its own name ("Johnson" is no Johnson County)."""
    return not gazetteer.demonym(text) and any(
        (e.feature in ("city", "capital") and e.population >= SIEGE_TOWN_POPULATION)
        or (e.feature in ("admin1", "admin2") and (not named_areas or e.match == MATCH_PRIMARY))
        for e in gazetteer.candidates(text)
    )


def _town_by_name(text: str, gazetteer: Gazetteer, least: int = SIEGE_TOWN_POPULATION) -> bool:
    """Whether the gazetteer knows a name written in words as a town of ``least`` people or
    more by its own name or a spelling of it ("Wilkes-Barre", "Nitra", "Kostiantynivka"): see
    :func:`_own_towns`."""
    return bool(_own_towns(text, gazetteer, least))


WEATHER_VERBS = frozenset({
    "strike", "hit", "batter", "ravage", "devastate", "lash", "slam", "pound", "flood", "rock",
    "shake", "sweep", "engulf", "destroy", "damage", "inundate", "swamp", "level", "flatten",
})  # fmt: skip
WEATHER_NOUNS = frozenset({
    "tornado", "twister", "storm", "hurricane", "typhoon", "cyclone", "earthquake", "quake",
    "tremor", "flood", "flooding", "floodwater", "wildfire", "bushfire", "fire", "blaze",
    "blizzard", "snowstorm", "hailstorm", "tsunami", "landslide", "mudslide", "avalanche",
    "eruption", "drought", "monsoon", "rain", "downpour", "heatwave", "wind", "derecho",
})  # fmt: skip
"""A storm, a flood or a fire that strikes something strikes a place: "a tornado struck
MAYFIELD", "Hurricane Ian battered FORT MYERS", "Lahaina was destroyed by a wildfire"."""


WEAPON_NOUNS = frozenset({
    "missile", "rocket", "drone", "shell", "mortar", "artillery", "airstrike", "strike", "bomb",
    "bombing", "blast", "explosion", "barrage", "warplane", "jet",
})  # fmt: skip
"""What strikes a place as a storm does: "Russian missiles hit KHARKIV", "a blast rocked KABUL"."""


def _struck_by_force(head: Any) -> bool:
    """Whether a name is the object of a verb of :data:`WEATHER_VERBS` whose subject (or
    agent, in the passive) is a storm, a flood or a fire of :data:`WEATHER_NOUNS`, or a weapon
    of :data:`WEAPON_NOUNS`."""
    verb = head.head
    if verb.lemma_.lower() not in WEATHER_VERBS:
        return False
    if head.dep_ == "dobj":
        agents = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    return any(
        w.lemma_.lower() in WEATHER_NOUNS or w.lemma_.lower() in WEAPON_NOUNS
        for a in agents
        for w in (a, *(c for c in a.lefts if c.dep_ == "compound"))
    )


SPREADING_VERBS = frozenset({"bring", "spread", "move", "sweep", "roll", "push", "dump"})
SPREADING_PREPS = frozenset({"to", "into", "across", "through", "over"})


def _brought_by_weather(verb: Any) -> bool:
    """Whether a verb of :data:`SPREADING_VERBS` carries weather of :data:`WEATHER_NOUNS` as
    its subject or object, so that what it comes to is a place: "Storm Ciaran brought flooding
    to CORNWALL", "the fire spread to PARADISE" (not "brought the case to Jackson")."""
    if verb.lemma_.lower() not in SPREADING_VERBS:
        return False
    carried = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
    return any(
        w.lemma_.lower() in WEATHER_NOUNS
        for c in carried
        for w in (c, *(x for x in c.lefts if x.dep_ in ("compound", "amod")))
    )


PARTS_OF_TOWNS = frozenset({
    "evacuation", "outskirts", "streets", "suburbs", "downtown", "centre", "center", "heart",
    "flooding", "residents", "neighborhoods", "neighbourhoods",
})  # fmt: skip
"""Nouns whose object after "of" is a town, whatever the tagger called it: "the evacuation of
PIGEON FORGE", "the streets of SEVIERVILLE"."""


def _by_a_person(verb: Any) -> bool:
    """Whether a verb's subject is a person ("Smith attacked Chad", "she hit Tyler")."""
    return any(
        c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in ("he", "she"))
        for c in verb.children
    )


def _salient_place(text: str, gazetteer: Gazetteer) -> bool:
    key = normalize(text)
    return key in gazetteer.salient and key not in NOT_PLACES and not gazetteer.demonym(text)


def _place_tagged_as_group(ent: Any, gazetteer: Gazetteer) -> bool:
    """ "the northern countryside of Aleppo", "western Kasese district": a salient place name
    the tagger called a nationality or group, when no nationality goes by that name."""
    mention = _trimmed(ent) if ent.label_ == "NORP" else None
    if mention is None:
        return False
    return normalize(mention.text) in gazetteer.salient and not gazetteer.demonym(mention.text)


_SCORE = re.compile(r"(?:^| )\d+(?: ?[-–] ?)\d+$")


TRIMMED_KEPT = 256
"""How many entities :func:`_trimmed` remembers: a few documents' worth, so that it keeps no
more than a few documents alive."""


@lru_cache(maxsize=TRIMMED_KEPT)
def _trimmed(ent: Any) -> Mention | None:
    """The entity without a leading "the" and a trailing possessive, punctuation or function
    word (the tagger cuts some names short: "[Grand and] Royal"); None where that leaves a
    generic word ("[The Village of] Skokie"). Remembered for the last entities asked about:
    the scans of one document ask about each several times (a span is equal only to a span of
    the same document object)."""
    tokens = list(ent)
    while tokens and (tokens[0].lower_ == "the" or tokens[0].is_punct):
        tokens.pop(0)
    dash = next((k for k, t in enumerate(tokens) if k and _spaced_dash(t)), None)
    if dash is not None:  # "[NEW DELHI - Farmers]": a dateline and the story's first word
        tokens = tokens[:dash]
    score = _SCORE.search(" ".join(t.text for t in tokens[-3:]))
    if score and len(tokens) > len(score.group().split()):  # "beat [Bourbon County 54-41]"
        tokens = tokens[: -len(score.group().split())]
    if len(tokens) > 1 and tokens[-1].lower_ in FORCE_WORDS:  # "[West Yorkshire] Police"
        tokens.pop()
    cut = False
    while tokens and (
        tokens[-1].tag_ == "POS"
        or tokens[-1].is_punct
        or tokens[-1].lower_ in ("'s", "’s")
        or tokens[-1].pos_ in ("ADP", "CCONJ", "DET")
    ):
        cut = cut or tokens[-1].pos_ in ("ADP", "CCONJ", "DET")
        tokens.pop()
    if not tokens or (cut and is_generic(" ".join(t.text for t in tokens))):
        return None  # "[The Village of] Skokie": no village called Village
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = text_of(ent.doc)[start:end]
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text, end = text[: -len(suffix)], end - len(suffix)
    return Mention(text, (start, end))


FORCE_WORDS = frozenset({"police", "constabulary"})
"""Last words of a police force named after its area, which the tagger may take for a place:
"West Yorkshire Police" is West Yorkshire's."""


def _spaced_dash(tok: Any) -> bool:
    """A dash with spaces around it: it ends a dateline, never joins a name ("Guinea-Bissau")."""
    return tok.text in ("-", "–", "—", "--") and bool(tok.i and tok.doc[tok.i - 1].whitespace_)


def _unvouched(ent: Any, mention: Mention, gazetteer: Gazetteer) -> bool:
    """A one-word name the tagger called a place, unknown to the gazetteer, with nothing in the
    text that places it: mostly a company or a person ("Dropbox", "Wedbush", "Yulia"). After
    "in", "at", "from"… ("a market at MAKEEN") or before a comma ("Makeen, South Waziristan")
    it stays a place."""
    if len(mention.text.split()) > 1 or gazetteer.candidates(mention.text):
        return False
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in PLACING_PREPS:
        return False
    return not (ent.end < len(ent.doc) and ent.doc[ent.end].text == ",")


def _is_place_name(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name may be a place: capitalised, or a name the gazetteer matches in any case
    (a lower-case alias: not "off its east coast", which the tagger took for the US coast)."""
    key = normalize(text)
    cased = _name_cased_text(text)
    return bool(key) and key not in NOT_PLACES and (cased or gazetteer.salient.get(key) == 0)


def _name_cased_text(text: str) -> bool:
    """Whether a text opens as a name does: capitalised, or with an Arabic article ("al-Qaim")."""
    return text[:1].isupper() or _ARTICLE_PREFIXED.match(text) is not None


OCCASION_WORDS = frozenset({
    "act", "law", "bill", "day", "mass", "vigil", "festival", "conference", "summit", "awards",
    "week", "cup", "games", "championship", "championships", "marathon", "accord", "treaty",
})  # fmt: skip
"""Last words of the names of laws, occasions and contests, which the tagger calls facilities
or places now and then ("the Traditional Leadership and Governance Framework Act", "the
Easter Vigil Mass", "the BFSI Cyber Focus Day"); a place inside one is found on its own."""
_DATED = re.compile(rf"\b(?:{'|'.join(MONTHS)})\s+\d", re.I)


def _occasion(text: str) -> bool:
    """Whether a name of two words or more is an occasion's or a law's (see
    :data:`OCCASION_WORDS`) or holds a date ("Holy Saturday, March 31")."""
    words = text.split()
    if len(words) < 2:
        return False
    return words[-1].lower() in OCCASION_WORDS or _DATED.search(text) is not None


_ARTICLE_PREFIXED = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-[A-Z]")
"""An Arabic name written with its article in lower case: "al-Qaim", "el-Arish"."""


@dataclass(frozen=True)
class _Tokens:
    """What the gazetteer scan reads of each token, read once per document: spaCy makes an
    object for every token a loop touches, and the scan touches each of them several times."""

    text: list[str]
    lower: list[str]
    start: list[int]
    tagged: list[bool]
    """Inside a named entity."""
    propn: list[bool]
    doc_text: str

    @classmethod
    def of(cls, parsed: Any) -> _Tokens:
        doc_text = text_of(parsed)
        rows = parsed.to_array([IDX, LENGTH, ENT_TYPE, POS])  # no Token objects
        start: list[int] = rows[:, 0].tolist()
        ends = (rows[:, 0] + rows[:, 1]).tolist()
        text = [doc_text[a:b] for a, b in zip(start, ends, strict=True)]
        tagged: list[bool] = (rows[:, 2] != 0).tolist()  # not the hashes: big Python ints
        propn: list[bool] = (rows[:, 3] == PROPN).tolist()
        lower = [t.lower() for t in text]
        return cls(text, lower, start, tagged, propn, doc_text)

    def spaced(self, k: int) -> bool:
        """Whether token ``k`` follows a space and has a letter or digit: a word of its own,
        not glued to the one before."""
        glued = self.start[k] == self.start[k - 1] + len(self.text[k - 1])
        return not glued and _WORDLIKE.search(self.text[k]) is not None

    def span_text(self, i: int, j: int) -> str:
        """The text of tokens [i, j), as ``doc[i:j].text``."""
        return self.doc_text[self.start[i] : self.start[j - 1] + len(self.text[j - 1])]


_WORDLIKE = re.compile(r"[^\W_]")
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
WITH_THE = frozenset({"states"})
"""Names that are places only right after "the" ("in the States")."""
TRAILING_MARKS = "-–—(:,; "
"""Marks a token may carry after a name ("Calif.--"), left out of the mention."""


def _salient_within(
    tokens: _Tokens, start: int, end: int, gazetteer: Gazetteer, label: str, taken: list[bool]
) -> list[Mention]:
    """Longest salient gazetteer names among tokens [start, end) not already taken. Names
    inside an entity are context only (``embedded``), but where they make up the entity but
    for marks, possessives and "the" or "and" ("ALEPPO’s", "ADAMAWA STATE, MUBI", tagged a
    work of art and an organisation)."""
    found: list[Mention] = []
    covered = [False] * (end - start)
    i = start
    while i < end:
        n = _longest_match(tokens, i, end, gazetteer, label, taken)
        if n:
            k = _wider_start(tokens, i, i + n, gazetteer, taken, start) if label else i
            j = _known_end(tokens, k, i + n, end, gazetteer, taken) if label else i + n
            text, at = tokens.span_text(k, j).rstrip(TRAILING_MARKS), tokens.start[k]
            whole = bool(label) and _is_whole(tokens, k, j, start, end)
            found.append(Mention(text, (at, at + len(text)), bool(label) and not whole))
            taken[k:j] = [True] * (j - k)
            covered[k - start : j - start] = [True] * (j - k)
            i = j
        else:
            i += 1
    if (
        label
        and found
        and all(c or tokens.lower[start + x] in FILLERS for x, c in enumerate(covered))
    ):
        return [Mention(m.text, m.span) for m in found]
    return found


FILLERS = frozenset({"the", "and", ",", "'s", "’s", "'", "’", "-", "–"})
"""Words an entity made only of place names may have besides them: see :func:`_salient_within`."""


ARTICLES = frozenset({"the", "a", "an"})


def _known_end(
    tokens: _Tokens, k: int, j: int, hi: int, gazetteer: Gazetteer, taken: list[bool]
) -> int:
    """Where a salient name found at tokens [k, j) of an entity that ends at ``hi`` ends,
    taking the entity's words after it, a particle first, where the gazetteer knows the longer
    name ("Santiago DE COMPOSTELA" is the Galician city, not Chile's capital), or any words
    where they make a town of its own (:data:`LONGER_TOWN_POPULATION`): "the Spokane VALLEY
    City Council"."""
    for e in range(hi, j, -1):
        words = tokens.text[j:e]
        if any(taken[j:e]) or not all(_name_word(w, False) for w in words):
            continue
        if not _name_cased(words[-1], False):
            continue  # not ending on "de"
        found = gazetteer.candidates(tokens.span_text(k, e))
        if words[0] in NAME_PARTICLES and any(x.match >= MATCH_ALIAS for x in found):
            return e
        if any(_town_of_its_own(x) for x in found):
            return e
    return j


LONGER_TOWN_POPULATION = 20_000
"""The least population of a town whose name goes on past a salient name inside an entity
("SPOKANE VALLEY City Council"): smaller ones are mostly other words ("Boise City Council" is
Boise's, not Boise City, Oklahoma)."""


def _town_of_its_own(e: Entry) -> bool:
    return (
        e.feature in ("city", "capital")
        and e.match == MATCH_PRIMARY
        and e.population >= LONGER_TOWN_POPULATION
    )


def _is_whole(tokens: _Tokens, i: int, j: int, start: int, end: int) -> bool:
    """Whether tokens [i, j) are the whole entity [start, end) but for a leading "the"."""
    return j == end and (i == start or (i == start + 1 and tokens.lower[start] == "the"))


def _longest_match(
    tokens: _Tokens, i: int, end: int, gazetteer: Gazetteer, label: str, taken: list[bool]
) -> int:
    if taken[i] or (not label and tokens.tagged[i] and not _entity_starts(tokens, i)):
        return 0
    words = normalize(tokens.text[i]).split()
    if not words or words[0] not in gazetteer.first_words:
        return 0
    longest = min(gazetteer.max_words, end - i)
    for n in range(_longest_run(tokens, i, i + longest, gazetteer.first_words[words[0]]), 0, -1):
        if any(taken[i : i + n]):
            continue
        if not any(c.isalnum() for c in tokens.text[i + n - 1]):
            continue  # "KYIV," is "KYIV"
        if n > 1 and tokens.lower[i + n - 1] in POSSESSIVES:
            continue  # "Ivory Coast's army" names Ivory Coast
        text = tokens.span_text(i, i + n)
        cased = gazetteer.salient.get(normalize(text))
        if cased is None or tokens.lower[i] == "the" or is_generic(text):
            continue
        if (
            not label
            and any(tokens.tagged[i : i + n])
            and not _tagged_head(tokens, i, i + n, gazetteer)
        ):
            continue
        if normalize(text) in LANDSCAPE_KINDS:
            continue  # "Shenyang FOREST Safari Park" is no Forest in Brussels
        if label and normalize(text) in IDEALS:
            continue
        if cased == SPELT_SHORT and not _written_short(tokens, i, i + n):
            continue
        if normalize(text) in WITH_THE and (i == 0 or tokens.lower[i - 1] != "the"):
            continue  # "the States", not "Member States"
        if not cased or (
            tokens.text[i][:1].isupper()
            and (any(tokens.propn[i : i + n]) or _curated_after_the(tokens, i, text, gazetteer))
        ):
            return n + _area_word_after(tokens, i, i + n, end, gazetteer)
    return 0


def _entity_starts(tokens: _Tokens, i: int) -> bool:
    return i == 0 or not tokens.tagged[i - 1]


def _tagged_head(tokens: _Tokens, i: int, j: int, gazetteer: Gazetteer) -> bool:
    """Whether tokens [i, j) are a place's own name of two words or more whose first words alone
    the tagger made an entity: "crossed the DARIEN Gap", where it called "Darien" a person and
    left "Gap" out. An entity running on past the name is not such a head."""
    tagged = tokens.tagged[i:j]
    m = tagged.index(False) if False in tagged else len(tagged)
    return (
        0 < m < j - i
        and _entity_starts(tokens, i)
        and not any(tagged[m:])
        and any(e.match >= MATCH_ALIAS for e in gazetteer.candidates(tokens.span_text(i, j)))
    )


def _curated_after_the(tokens: _Tokens, i: int, text: str, gazetteer: Gazetteer) -> bool:
    """Whether a capitalised name after "the", which the tagger took for a common noun, is only
    a region, range or water of the supplement: "in the EVERGLADES"."""
    if i == 0 or tokens.lower[i - 1] != "the":
        return False
    found = gazetteer.candidates(text)
    return bool(found) and all(e.supplement_id and e.feature in CURATED_AREAS for e in found)


def _longest_run(tokens: _Tokens, i: int, end: int, words: int) -> int:
    """How many tokens from ``i`` a name of at most ``words`` words may take: each token after
    a space (and with a letter or digit) begins a word; tokens glued to the one before
    ("Winston-Salem", "St.", "Cox's") do not."""
    n, seen = 1, 1
    for j in range(i + 1, end):
        seen += tokens.spaced(j)
        if seen > words:
            break
        n += 1
    return n


def _written_short(tokens: _Tokens, i: int, j: int) -> bool:
    """Whether tokens [i, j) are written as a short form: in capitals, or with a dot in or
    right after them ("LA", "L.A.", "La." but not "La")."""
    text = tokens.span_text(i, j)
    after = tokens.text[j] if j < len(tokens.text) else ""
    glued = j < len(tokens.text) and tokens.start[j] == tokens.start[j - 1] + len(
        tokens.text[j - 1]
    )
    return text.isupper() or "." in text or (after == "." and glued)


def _area_word_after(tokens: _Tokens, i: int, j: int, end: int, gazetteer: Gazetteer) -> int:
    """1 where the name [i, j) goes on with an area word that makes a known area of it ("the
    MADISON COUNTY Sheriff's Office": the county, not the city of Madison), else 0."""
    if j >= end or tokens.lower[j] not in AREA_WORDS or not tokens.text[j][:1].isupper():
        return 0
    return int(bool(gazetteer.candidates(tokens.span_text(i, j + 1))))


def is_generic(part: str) -> bool:
    """Words that name a kind of thing, not a place: "Town", "Central", "Metro Station"."""
    words = normalize(part).split()
    return not words or all(w in GENERIC_WORDS or w in NOT_PLACES for w in words)
