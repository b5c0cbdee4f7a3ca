"""Place lookup: the candidate gazetteer entries of one mention's text, and their priors.

A name is looked up as written, then by its bare name when a qualifier says what kind of place
it is ("Sokoto State", "County Cork", "Quezon City"), then, when the gazetteer lacks it, by the
longest place name inside it ("University of Alberta"). :mod:`newsevents.geoparse` chooses among
the candidates by the rest of the article; the prior here ranks them before any context.
"""

from __future__ import annotations

import math
import re

import us

from newsevents.gazetteer import (
    MATCH_ALIAS,
    MATCH_ALTERNATE,
    MATCH_PRIMARY,
    Entry,
    Gazetteer,
    distance_km,
    normalize,
)
from newsevents.toponyms import AREA_WORDS, FACILITY_NOUNS, LANDSCAPE_KINDS, WITH_THE, is_generic

__all__ = [
    "ADMIN_FEATURES",
    "AREA_WORDS",
    "candidates",
    "is_abbreviation",
    "is_styled",
    "prior_of",
    "shadowed_apart",
    "shadowed_areas",
    "split_qualifier",
]

ADMIN_FEATURES = frozenset({"admin1", "admin2"})
GENERIC_FEATURES = frozenset({"country", "continent", "admin1"})
"""What a name of generic words may be; a province only in the article's own country (see
:func:`newsevents.geoparse._home_areas`)."""
FEATURE_PRIOR = {
    "country": 3.0,
    "continent": 1.5,
    "admin1": 0.5,
    "capital": 1.5,
    "admin2": -1.5,
    "airport": 4.5,
}
"""Added to log10(population): a country beats a town of the same name, a capital a namesake;
an airport (no population) beats a village under its short name ("Heathrow")."""
SUPPLEMENT_PRIOR = 10.0
"""Supplement places were curated because news names them; those given a population (areas
with namesake towns: British counties) are ranked like GeoNames places instead."""
MATCH_PRIOR = {MATCH_ALTERNATE: -3.0, MATCH_ALIAS: 0.0}
"""GeoNames alternate names are often translations ("White House" is Casablanca): a penalty."""
TOWN_FEATURES = ("city", "capital")
COUNTRY_ALTERNATE_PRIOR = -5.0
"""The penalty for a country named by a GeoNames alternate name, mostly a translation ("Uman"
is Oman in Arabic, "Salvador" El Salvador in Portuguese): a city of that very name wins (Uman,
Ukraine; Salvador, Brazil). The English names news uses are curated aliases, not alternates."""
LARGE_CITY_ALTERNATE_PRIOR = -2.0
"""The penalty for a city of :data:`LARGE_CITY` or more named by an alternate name: English
news names large foreign cities by their exonyms ("Seville", "Cologne", "Mecca", "Calcutta"),
which must beat the namesake villages the full penalty let win (Seville, Ohio: 2,340 people)."""
NAMED_IN_ENGLISH = frozenset({"USA", "GBR", "AUS", "NZL", "IRL"})
"""Countries whose cities English news calls by their own names: an alternate name of one is an
old name, a nickname or a misspelling, not an exonym ("Newtown" was Hartford's old name; the
Newtown of "Newtown, Conn." is the Connecticut town), so it keeps the full alternate penalty."""
STATE_CAPITAL_PRIOR = 0.5
"""Added for a US state's capital (from the ``us`` package): "Frankfort" is Kentucky's capital,
not Frankfort, Free State, which GeoNames gives more people; a far larger namesake still wins
(Concord, California over New Hampshire's capital) unless the article's context says otherwise."""
STATE_CAPITALS = frozenset((normalize(s.capital), s.name) for s in us.states.STATES if s.capital)
"""(capital's lookup key, state) pairs."""
LARGE_CITY = 100_000
"""A city this large, named by its own name, shadows the admin area of its country named after
it: "Cork", "Idlib" and "Saint-Louis" alone are the cities (see
:data:`newsevents.geoparse.SHADOW_PENALTY`)."""
HUGE_CITY = 5_000_000
"""A city this large shadows its province even through an alternate name ("New York")."""
INNER_FEATURES = frozenset({"country", "continent", "admin1", "admin2", "capital"})
INNER_POPULATION = 50_000
"""A place named inside an unknown name must be an area or a town this large to stand for it."""
_LEAD_WORDS = ("county", r"co\.?", *(f"{w} of" for w in sorted(AREA_WORDS - {"county"})))
"""Words before a name that make it an area: "County Cork", "Co. Cavan", "State of Lagos"."""
_QUALIFIED = re.compile(
    rf"^(?:(?P<lead>{'|'.join(_LEAD_WORDS)})\s+)?(?P<bare>.+?)"
    rf"(?:\s+(?P<trail>city|township|{'|'.join(sorted(AREA_WORDS))}))?$",
    re.I,
)


def candidates(text: str, gazetteer: Gazetteer, dateline: bool = False) -> list[Entry]:
    """The entries a mention's text may name, before the article's context chooses among them.

    A dateline's capitals are a town's name ("GAO, Mali —"), not an abbreviation."""
    found = _lookup(text, gazetteer, dateline)
    bare, qualifier = split_qualifier(text)
    curated = [e for e in found if e.supplement_id and normalize(e.name) == normalize(text)]
    if qualifier and (not found or is_generic(text)):  # "Northern Region": Ghana's or Uganda's
        found += [e for e in _lookup(bare, gazetteer) if e not in found]
    elif qualifier == "county":  # "Northumberland County Council": England's, or Pennsylvania's
        found += [e for e in _lookup(bare, gazetteer) if _british_county(e) and e not in found]
    if qualifier:
        found = as_qualified(found, qualifier)
    if found and is_generic(text):  # "West", "Gulf", "Valley": only a curated or wide place,
        found = [
            e
            for e in found
            if e.supplement_id
            or e.feature in GENERIC_FEATURES
            or _town_of_words(e, text)
            or _county_of_words(e, text, qualifier)
        ]
    found += [e for e in curated if e not in found]  # "Lake District", of generic words
    if found and normalize(text).rsplit(" ", 1)[-1] in RIVER_WORDS:
        return [e for e in found if e.feature not in ADMIN_FEATURES]  # not "Red River County"
    return found or _inner_candidates(text, gazetteer)


def _british_county(e: Entry) -> bool:
    """A British or Irish county, which its council writes "X County" as an American county is
    written: "Northumberland County Council", "Cork County Council"."""
    return e.country in ("GBR", "IRL") and e.feature in ADMIN_FEATURES


GENERIC_TOWN_POPULATION = 5_000
"""The least population of a town a name of generic words means ("Lake City", South Carolina:
6,800 people; at 10,000 only Florida's was left, whatever state the story was in)."""


def _town_of_words(e: Entry, text: str) -> bool:
    """A town of some size named by generic words of its own ("State College", "Mountain
    View"), named so in full: not one word ("Valley", Alabama)."""
    return (
        " " in text.strip()
        and e.feature in TOWN_FEATURES
        and e.match == MATCH_PRIMARY
        and e.population >= GENERIC_TOWN_POPULATION
    )


def _county_of_words(e: Entry, text: str, qualifier: str) -> bool:
    """A county named by a generic word and its own area word, in full: "Lake County", "Hall
    County", "Union County" (but not "Valley" alone, nor "Northern Region", a province only in
    the article's own country)."""
    return (
        e.feature == "admin2"
        and qualifier in AREA_WORDS
        and e.match == MATCH_PRIMARY
        and normalize(e.name) == normalize(text)
    )


RIVER_WORDS = frozenset({"river", "creek"})
"""Last words of a river's name: a river the gazetteer lacks is no county of its name ("the Red
River" by Fargo is not Red River County, Texas); a town may bear it ("Fall River")."""


def split_qualifier(text: str) -> tuple[str, str]:
    """ "Sokoto State" → ("Sokoto", "state"); "County Cork" → ("Cork", "county"); "Co. Cork"
    → ("Cork", "co")."""
    parts = _QUALIFIED.match(text.strip())
    if parts is None or not (parts["lead"] or parts["trail"]):
        return text, ""
    return parts["bare"], (parts["lead"] or parts["trail"]).split(" ")[0].lower().rstrip(".")


TOWNSHIP_COUNTRIES = frozenset({"USA", "CAN"})


def as_qualified(found: list[Entry], qualifier: str) -> list[Entry]:
    """The candidates of the kind a name's qualifier says, if any: "X City" a town, "X County"
    an admin area. "X Township" is a civil division of the United States or Canada, which the
    gazetteer lacks: the town of its name there if there is one ("Delhi Township" by Cincinnati
    is no part of Delhi), never a country ("Lebanon Township")."""
    if qualifier == "township":
        towns = [e for e in found if e.feature in TOWN_FEATURES]
        return [e for e in towns if e.country in TOWNSHIP_COUNTRIES] or towns
    if qualifier == "city":
        kept = [e for e in found if e.feature in TOWN_FEATURES]
    else:
        kept = [e for e in found if e.feature in ADMIN_FEATURES]
    return kept if qualifier == "co" else kept or found  # "Co Op" is no town called Op


STREET_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane",
    "ln", "place", "pl", "terrace", "crescent", "highway", "hwy", "gate", "square", "row",
})  # fmt: skip
"""A street named after a town ("Hampton Avenue", "N. Bedford Drive") is not in that town, nor
a city's gate named after the town its road leads to ("the Damascus Gate" of Jerusalem), nor a
square ("Independence Square" in Kyiv)."""
STREET_LEADS = frozenset({
    "avenida", "rua", "calle", "rue", "via", "viale", "corso", "jalan", "plaza", "piazza",
    "praca", "place", "plac", "ulitsa", "ulica", "strada", "calea",
})  # fmt: skip
"""First words of streets and squares in other languages, named after towns and provinces
("Avenida Paulista" in Sao Paulo, "Plaza de Mayo" in Buenos Aires, "Piazza Venezia" in Rome):
the name inside places them no more than "Hampton Avenue" does."""
ABROAD_WORDS = frozenset({"embassy", "consulate", "embassies", "consulates"})
"""A country's embassy lies in another country: its name does not place it."""


def _inner_candidates(text: str, gazetteer: Gazetteer) -> list[Entry]:
    """The longest capitalised run of words inside an unknown name that names a sizeable place:
    "University of Alberta", "Walker County Sheriff's Office", "Tijuana River"; none inside a
    street's name, no country inside an embassy's ("British Embassy Tokyo" is Tokyo's) nor a
    building's, where a country or a continent is a brand ("the Emirates Stadium" in London,
    "SM Mall of Asia" in Manila)."""
    words, folded = text.split(), normalize(text).split()
    if folded and (folded[-1] in STREET_WORDS or folded[0] in STREET_LEADS):
        return []
    branded = bool((ABROAD_WORDS | FACILITY_NOUNS).intersection(folded))
    return _inner_run(words, gazetteer, branded)[1]


NAME_LEADS = frozenset({
    "st", "saint", "san", "santa", "santo", "sao", "puerto", "porto", "port", "fort", "ciudad",
    "villa", "vila", "kafr", "beit", "deir", "tell", "bandar", "ras", "bir",
})  # fmt: skip
"""Words that begin a town's own name with another name after them: "Puerto Jordan" in
Colombia is no part of Jordan, "San Lucas" none of Lucas, "Kafr Nabl" none of Nabl."""
LANDFORM_LEADS = frozenset({"cape", "mount", "mt"})
"""Words that begin the name of a cape or a mountain, or a town named after one: the name after
them may be the country or province it lies in ("Mount Kenya", "Mount Lebanon"), but a town or
a district of that name is elsewhere ("Cape Elizabeth", Maine, is no part of Elizabeth, New
Jersey; "Mount Arafat" by Mecca none of Arafat, Mauritania)."""


ROYAL_NAMES = frozenset({
    "victoria", "elizabeth", "albert", "alexandra", "edward", "george", "mary", "charles",
    "william", "anne", "margaret", "louise", "alfred",
})  # fmt: skip
"""Royal given names that buildings are named after ("the Royal Victoria Infirmary", "Queen
Elizabeth Hospital", "Alexandra Hospital"): inside a building's name, no town of the name."""


_ACRONYM = re.compile(r"^(?:[A-Z]\.?){1,3}$")
"""A short acronym inside a longer name stands for a country ("US Embassy") or for no place."""


def _inner_run(
    words: list[str], gazetteer: Gazetteer, branded: bool = False
) -> tuple[str, list[Entry]]:
    """The longest run of words that names a sizeable place, and its candidates."""
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i : i + size])
            if not part[:1].isupper() or is_generic(part) or normalize(part) in WITH_THE:
                continue
            if i and normalize(words[i - 1]) in NAME_LEADS:  # "St Patrick's": a saint's
                continue
            if branded and normalize(part) in ROYAL_NAMES:
                continue  # "the Royal Victoria Infirmary" is the queen's, not Victoria's
            if i == len(words) - 1 and normalize(part) in FACILITY_NOUNS | LANDSCAPE_KINDS:
                continue  # "the Marigny Plantation" is no Plantation, Florida: it is its kind
            found = [e for e in _lookup(part, gazetteer) if _sizeable(e)]
            if i and normalize(words[i - 1]) in LANDFORM_LEADS:
                found = [e for e in found if e.feature in ("country", "admin1")]
            if _ACRONYM.match(part):  # "Aughadreena NS", "Tuzla SC": a school's, a club's
                found = [e for e in found if e.feature == "country"]
            if branded and any(e.feature in ("country", "continent") for e in found):
                continue  # the embassy's country is not where it lies; a town named with it is
            if found:
                return part, found
    return "", []


def is_styled(text: str, found: list[Entry], gazetteer: Gazetteer) -> bool:
    """Whether a name the gazetteer lacks was resolved to a country by a nationality word inside
    it ("French Quarter", "British International School", "Russian Foreign Ministry")."""
    if not found or found[0].feature != "country" or " " not in text.strip():
        return False
    if gazetteer.candidates(text):
        return False  # "European Commission": a continent's word is no nation's style
    part, inner = _inner_run(text.split(), gazetteer)
    return inner == found and bool(gazetteer.demonym(part))


_ABBREVIATION = re.compile(r"^(?:[A-Z]\.?){2,3}$")


def is_abbreviation(text: str) -> bool:
    """A name of two or three capitals ("WA", "S.A.", "OAS"): an abbreviation, which names no
    town spelt with those letters, and whose places of several countries are told apart by the
    article's country rather than by their size (see
    :data:`newsevents.geoparse.ABBREVIATION_PRIOR_SHARE`)."""
    return bool(_ABBREVIATION.match(text.strip()))


_SAINTS_OWN = re.compile(r"^(st\.?|saint)\s.*['’]s?$", re.I)
"""A saint's possessive ("St Patrick's", "St. Peter's") names a church or a school, not a
parish or town of that saint's name (Dominica's Saint Patrick, Saint George in Utah)."""


def _lookup(text: str, gazetteer: Gazetteer, dateline: bool = False) -> list[Entry]:
    found = gazetteer.candidates(text)
    if is_abbreviation(text) and not dateline:  # "WA" is no town called Wa, "OAS" none called Oas
        key = normalize(text)
        return [e for e in found if e.name.isupper() or normalize(e.name) != key]
    if _SAINTS_OWN.match(text.strip()):  # only a town so named: St. John's, Newfoundland
        return [e for e in found if _SAINTS_OWN.match(e.name)]
    return found


def _sizeable(e: Entry) -> bool:
    """A huge city counts even through an alternate name, as in :func:`_shadows` ("New York
    Auto Show" is New York City's)."""
    return (e.match != MATCH_ALTERNATE or e.population >= HUGE_CITY) and (
        e.feature in INNER_FEATURES or e.population >= INNER_POPULATION
    )


def shadowed_areas(found: list[Entry]) -> list[Entry]:
    """Admin areas named after a large city of theirs among a name's candidates, or after a
    town that holds a good share of their people (:data:`SEAT_SHARE`)."""
    large = [e for e in found if e.feature in TOWN_FEATURES and _shadows(e)]
    cities = {e.country for e in large}
    areas = [e for e in found if e.feature in ("admin1", "admin2")]
    return [
        a
        for a in areas
        if a.country in cities or _has_seat(a, found) or any(_inside(c, a) for c in large)
    ]


def _inside(city: Entry, area: Entry) -> bool:
    """Whether a city lies within an area's radius, whatever country each is filed under: the
    Palestinian governorate of Jerusalem holds the city GeoNames files under Israel."""
    return distance_km(area.lat, area.lon, city.lat, city.lon) <= max(area.radius_km, SEAT_KM)


SEAT_SHARE = 0.25
SEAT_POPULATION = 10_000
"""A town of at least this many people and this share of its area's, named like the area and
lying in it, stands for the area named alone: "Tulkarm", "Ramallah", "Kidal" are the towns
(the governorates are "the Tulkarm governorate", "Kidal region"). Not a town named so only by
an alternate name, which would lose to a Polish village (GeoNames files Jenin as "Janīn"),
unless it is a large city in a county or municipality ("León" is León de los Aldama, not its
municipality; "Washington, D.C." stays the District).
Larger cities shadow their areas whatever the share (:data:`LARGE_CITY`)."""
SEAT_KM = 30
"""How far from the middle of a small area its town may lie (larger areas: their radius)."""


def _has_seat(area: Entry, found: list[Entry]) -> bool:
    return any(
        e.feature in TOWN_FEATURES
        and e.country == area.country
        and (e.match >= MATCH_ALIAS or (area.feature == "admin2" and e.population >= LARGE_CITY))
        and e.population >= SEAT_POPULATION
        and e.population >= SEAT_SHARE * area.population
        and distance_km(area.lat, area.lon, e.lat, e.lon) <= max(area.radius_km, SEAT_KM)
        for e in found
    )


def shadowed_apart(found: list[Entry]) -> list[Entry]:
    """The first-level divisions of :func:`shadowed_areas` in which no city of their name lies:
    the state of Washington, beside Washington, D.C."""
    states = {(e.country, e.admin1) for e in found if e.feature in TOWN_FEATURES and _shadows(e)}
    return [
        e
        for e in shadowed_areas(found)
        if e.feature == "admin1" and (e.country, e.admin1) not in states
    ]


def _shadows(city: Entry) -> bool:
    if city.match >= MATCH_ALIAS:
        return city.population >= LARGE_CITY
    return city.population >= HUGE_CITY


def prior_of(e: Entry) -> float:
    """How likely an entry is before any context: log10 of its population plus its feature's
    and its match's priors; a curated place without a population gets :data:`SUPPLEMENT_PRIOR`.
    A capital named by a GeoNames alternate name weighs as a town: "St. George" is Freetown's
    old name, not a capital's that news means."""
    if e.supplement_id and not e.population:
        base = SUPPLEMENT_PRIOR
    else:
        feature = "city" if e.feature == "capital" and e.match == MATCH_ALTERNATE else e.feature
        base = math.log10(e.population + 1) + FEATURE_PRIOR.get(feature, 0.0)
    if (
        e.country == "USA"
        and e.feature == "city"
        and (normalize(e.name), e.admin1) in STATE_CAPITALS
    ):
        base += STATE_CAPITAL_PRIOR
    if (
        e.match == MATCH_ALTERNATE
        and e.population >= LARGE_CITY
        and e.feature in TOWN_FEATURES
        and e.country not in NAMED_IN_ENGLISH
    ):
        return base + LARGE_CITY_ALTERNATE_PRIOR
    if e.match == MATCH_ALTERNATE and e.feature == "country":
        return base + COUNTRY_ALTERNATE_PRIOR
    return base + MATCH_PRIOR.get(e.match, 0.0)
