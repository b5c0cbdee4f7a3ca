"""Geoparsing: resolve each place mention of an article to one gazetteer entry.

Mentions come from :mod:`newsevents.toponyms` (``find_mentions`` is re-exported here), each
name's candidate entries and their priors from :mod:`newsevents.place_lookup`, what the text
says of the names' relations (datelines, "Town, State" pairs, qualifiers) from
:mod:`newsevents.place_links`, and the article's countries and states from
:mod:`newsevents.place_context`.

Resolution scores every candidate entry of a name: a prior from its feature type, population and
how the name matched, plus support from the rest of the article: the countries and states the
article is about, places that contain or lie near the candidate, and "Town, State" pairs. Names
are chosen again, one at a time, until their choices settle.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import pairwise

import us

from newsevents.gazetteer import (
    MATCH_ALTERNATE,
    MATCH_CONTEXT,
    MATCH_PRIMARY,
    SALIENT_CITY_POPULATION,
    Entry,
    Gazetteer,
    distance_km,
    normalize,
)
from newsevents.place_context import Context, first_context, state_of
from newsevents.place_links import (
    Links,
    american_spelling,
    areas_after,
    dateline_end,
    dateline_keys,
    distinct_senses,
    opponent_keys,
    qualified_after,
    read_links,
    team_keys,
)
from newsevents.place_lookup import (
    ADMIN_FEATURES,
    RIVER_WORDS,
    SEAT_KM,
    STREET_WORDS,
    TOWN_FEATURES,
    candidates,
    is_styled,
    prior_of,
    split_qualifier,
)
from newsevents.records import Place
from newsevents.toponyms import AREA_WORDS, Mention, find_mentions, is_generic

__all__ = ["COARSE", "Mention", "contains", "find_mentions", "precision_of", "resolve"]

COARSE = frozenset(
    {
        "country",
        "continent",
        "admin1",
        "admin2",
        "region",
        "zone",
        "border",
        "sea",
        "lake",
        "island",
        "gulf",
        "strait",
        "disputed",
        "river",
        "mountains",
    }
)
"""Features too wide to be where an event happened when the article names a place inside them."""
WATER = frozenset({"sea", "gulf", "lake"})
"""Water bodies: a town on their shore supports them, however far their point lies."""
COAST_KM = 150
_AREA_PRECISION = {"country": 3, "continent": 3, "admin1": 3}

COUNTRY_WEIGHT = 2.5
"""Bonus for lying in the countries the rest of the article names, times their share."""
STATE_WEIGHT = 1.5
"""Support for lying in the states (first-level divisions) the rest of the article names, times
their share: Springfield, Illinois in an article on Chicago and Peoria. A weaker kind of the
support a near or containing place gives, so not added to it."""
SHADOW_PENALTY = 5.0
"""Taken from an admin area named after a large city of its own: the city wins unless the text
places a town inside the area ("Tacoma, Washington")."""
PAIR_BONUS = 6.0
"""For a candidate that "Town, Area" pairs agree with, in either direction."""
SIBLING_SUPPORT = 1.0
"""For a province or state when the article names another of the same country; not for one
named after a large city of its own (a list of states does not make "New York" the state)."""
HELD_AND_NEAR = 1.0
"""Added to a candidate's best support when a province or county of the article holds it and
a town of the article lies near it: both kinds of local evidence, not just the stronger."""
ABBREVIATION_PRIOR_SHARE = 0.1
"""An abbreviation's candidates keep this share of their prior: "WA" is Western Australia in an
Australian article and Washington in an American one, whatever their sizes."""
DATELINE_WEIGHT = 3
"""A dateline's place counts as this many extra mentions towards the article's countries."""
WIDE_KM = 500
NEIGHBOUR_BONUS = 1.0
NEIGHBOUR_KM = 30
"""A town this close to another town of the article is its neighbour: support on top of being
close (150 km). Gorham beside Berlin, New Hampshire is theirs, not the larger Gorham, Maine."""
APART_SHARE = 0.5
APART_PLACES = 2
"""The share of the article's places in states that must lie in a state, and how many places,
for a city of its name elsewhere to stop shadowing it (see :func:`_shadowed`)."""
PASSES = 4
"""Rounds of choosing each name's entry in the light of the others' choices, at most: a choice
changes the next round's states and neighbours (Augusta, Maine makes Portland Maine's)."""
LISTED_KM = 50
"""How near a town must lie to a town it is listed with to beat a country of its name."""
SURROUNDED_KM = 100
"""A town this near two of the article's towns beats a famous city of its name in a country
no other place of the article lies in: Cairo, Illinois, beside Carbondale and Paducah."""
LOCAL_GAP = 2.0
"""How far a town among the article's places may score below a country of its name, no other
place of the article lying in, and still be chosen: Lebanon, Ohio, not China, Texas."""
"""Areas wider than this contain only what is declared inside them (country, admin1, parent)."""


def precision_of(entry: Entry) -> int:
    """ACLED geo-precision of a resolved entry: 1 town or feature, 2 part of a region, 3 area."""
    if entry.feature in _AREA_PRECISION:
        return 3
    if entry.match == MATCH_CONTEXT:  # a street or building placed at the article's focus
        return 2
    return 2 if entry.feature in COARSE else 1


def contains(outer: Entry, inner: Entry) -> bool:
    """Whether ``inner`` lies within ``outer``: by parent, country, admin1, or distance (also
    for a province whose towns GeoNames files under no province of ours: Ireland's counties)."""
    if outer.id == inner.id:
        return False
    if outer.supplement_id and inner.parent == outer.supplement_id:
        return True
    if outer.feature == "country":  # places of no country (seas, zones) lie in none
        return inner.country == outer.country and inner.feature != "country"
    if outer.feature == "admin1" and (inner.admin1 or inner.country != outer.country):
        return inner.country == outer.country and inner.admin1 == outer.name
    if outer.radius_km > WIDE_KM:  # "the Indo-Pacific" does not place a town
        return False
    return _within(outer, inner, outer.radius_km)


# --- resolution ----------------------------------------------------------------------------


def resolve(
    mentions: Sequence[Mention], gazetteer: Gazetteer, text: str = "", backoff: bool = True
) -> list[tuple[Entry, float] | None]:
    """The best entry for each mention and a 0..1 confidence; None where nothing matched.

    Mentions may come in any order; datelines and "Town, State" pairs are read in text order.
    One sense per article: every mention of the same name resolves to the same entry. A name the
    gazetteer lacks is resolved by the place name inside it ("University of Alberta"); with
    ``backoff``, a name still unknown (a street, a building) is placed at the article's focus,
    at precision 2 and low confidence (see :func:`focus_of`).
    """
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].span)
    ordered = [mentions[i] for i in order]
    ordered_keys = distinct_senses(ordered, [normalize(m.text) for m in ordered], text, gazetteer)
    keys = [""] * len(mentions)
    for i, key in zip(order, ordered_keys, strict=True):
        keys[i] = key
    datelines = dateline_keys(ordered, ordered_keys, text)
    filed = set(dateline_keys(ordered, ordered_keys, text, strict=True))
    cands = {
        k: candidates(m.text, gazetteer, k in filed) for k, m in zip(keys, mentions, strict=True)
    }
    counts = Counter(keys)
    same = _same_places(cands)
    for key in same:  # "Mexico City", found through "Mexico" too, casts no vote
        counts[key] = 0
    lacking = {k for k, m in zip(keys, mentions, strict=True) if not gazetteer.candidates(m.text)}
    for key, short in same.items():  # "Paris Junior College": any Paris the story's Paris is
        if key in lacking and not _named_as_area(key, short):
            cands[key] = cands[short]
    cands = qualified_after(cands, mentions, keys, text)
    cands = areas_after(cands, mentions, keys, text, gazetteer)
    cands = {k: c for k, c in _home_areas(cands, counts, gazetteer).items() if c}
    cands = _styles_abroad(cands, counts, mentions, gazetteer)
    cands = _team_homes(cands, team_keys(mentions, keys, text))
    cands = _bare_dateline(cands, ordered, ordered_keys, text, filed)
    for key in datelines:
        counts[key] += DATELINE_WEIGHT
    context = first_context(cands, counts)
    pairs = read_links(ordered, ordered_keys, text, cands, frozenset(filed))
    pairs = replace(pairs, seats=_named_seats(cands, pairs))
    pairs = replace(pairs, opponents=opponent_keys(mentions, keys, text))
    pairs = replace(pairs, american=american_spelling(text))
    pairs = replace(pairs, lacking_hosts=_lacking_hosts(cands, pairs))
    unshadowed = _hosting_states(cands, pairs) | _listed_states(cands, pairs) | pairs.lacking_hosts
    pairs = replace(pairs, shadowed=pairs.shadowed - unshadowed)
    best = {k: _best(c, k, context, pairs) for k, c in cands.items()}
    best = _listed_pairs(cands, best, pairs)
    best = _held_pairs(cands, best)
    cands = _state_capitols(cands, best, counts, gazetteer)
    context = _settled_both_ways(cands, Context(best, context.counts), pairs)
    context = _held_together(cands, context, pairs)
    context = _one_state(cands, context, pairs)
    context = _one_cluster(cands, context, pairs, lacking)
    context = _filed_states(cands, context, _dateline_names(ordered, ordered_keys, text))
    focus = focus_of(context, Counter(keys)) if backoff else None
    placed_in = _placed_in(ordered, ordered_keys, text, gazetteer)
    answers: dict[str, tuple[Entry, float] | None] = {}
    for key in keys:  # once per name: every mention of it gets the same answer
        if key not in answers:
            found = cands.get(key)
            answers[key] = (
                _answer(key, found, context, pairs, focus, placed_in, key in lacking)
                if found
                else _at_focus(key, _said_host(key, placed_in, context, focus))
            )
    return [answers[key] for key in keys]


def _dateline_names(mentions: Sequence[Mention], keys: list[str], text: str) -> set[str]:
    """The names inside the dateline that opens the text: its town and its state or country."""
    end = dateline_end(text)
    return {k for m, k in zip(mentions, keys, strict=True) if m.span[1] <= end}


_BARE_DATELINE = re.compile(r"\s*(?:\(|[—–]|--|-\s)")
"""What follows a dateline's town written with no state or country: the agency or the dash."""


def _bare_dateline(
    cands: dict[str, list[Entry]],
    mentions: Sequence[Mention],
    keys: list[str],
    text: str,
    filed: set[str],
) -> dict[str, list[Entry]]:
    """A dateline's town written bare ("GENEVA (Reuters) -") is a world city or one of the large
    American cities the wire services write so ("CHICAGO (Reuters)"), not a small American
    town: American datelines name the state of any other ("GENEVA, Ill. (AP)"). Its American
    towns of under :data:`SALIENT_CITY_POPULATION` are dropped where a large town or a
    capital abroad has the name by its own name or a curated alias ("FRANKLIN -" keeps Franklin,
    Tennessee: Columbus, Ohio, is called Franklin only among GeoNames' alternate names)."""
    for m, key in zip(mentions, keys, strict=True):
        if key not in filed or not _BARE_DATELINE.match(text, m.span[1]):
            continue
        found = cands.get(key, [])
        kept = [e for e in found if not _small_american_town(e)]
        named = [e for e in kept if e.feature in TOWN_FEATURES and e.match != MATCH_ALTERNATE]
        if _county_of_a_town(found, cands):
            continue  # "DUBLIN - … a chase through Laurens County": the Georgia paper's own town
        if any(e.feature == "capital" or _salient(e) for e in named):
            cands = {**cands, key: kept}
    return cands


def _county_of_a_town(found: list[Entry], cands: dict[str, list[Entry]]) -> bool:
    """Whether a county the story names, as a county, holds a small American town of ``found``."""
    towns = [e for e in found if _small_american_town(e)]
    return any(
        _holds(county, town)
        for key, others in cands.items()
        if key.endswith(" county") or key.endswith(" parish")
        for county in others
        if county.feature == "admin2"
        for town in towns
    )


def _small_american_town(e: Entry) -> bool:
    """An American town of under :data:`SALIENT_CITY_POPULATION`."""
    return (
        e.country == "USA" and e.feature in TOWN_FEATURES and e.population < SALIENT_CITY_POPULATION
    )


def _filed_states(cands: dict[str, list[Entry]], context: Context, filed: set[str]) -> Context:
    """A state the dateline names ("CAMP MURRAY, Wash. -") is what its bare name means in the
    story, not the town of that name: "at home in Washington ... central Washington" in a story
    filed from Washington State is the state, not the capital, where the story writes the
    capital out whole ("Washington, D.C."); so is "a New York court" under "ALBANY, N.Y." in a
    story that writes "New York City". A story that never does keeps the resolver's choice."""
    states = {
        e.id for k in filed if (e := context.best.get(k)) is not None and e.feature == "admin1"
    }
    best = dict(context.best)
    for key, found in cands.items():
        if key in filed or best[key].feature not in TOWN_FEATURES:
            continue
        same = [e for e in found if e.id in states and e.match == MATCH_PRIMARY]
        if same and any(k.startswith((f"{key},", f"{key} ")) for k in cands):
            best[key] = same[0]
    return Context(best, context.counts) if best != context.best else context


CAPITOL_KEYS = frozenset({"capitol", "state capitol", "statehouse", "state house"})
"""A seat of government named alone: "the Capitol", "the state Capitol", "the Statehouse"."""
CAPITOL_STATE_SHARE = 0.5
"""The least share of the article's mentions of American places that one state's must have
for "the Capitol" to be that state's."""


def _state_capitols(
    cands: dict[str, list[Entry]],
    best: dict[str, Entry],
    counts: Counter[str],
    gazetteer: Gazetteer,
) -> dict[str, list[Entry]]:
    """In an article about one US state (named twice or more, with at least half the mentions
    of American places, and nothing in Washington, D.C.), "the Capitol" is that state's, in
    its capital: teachers who "fill the state Capitol" in an Oklahoma story are in Oklahoma
    City, not at the U.S. Capitol ("U.S. Capitol" always is)."""
    keys = CAPITOL_KEYS & cands.keys()
    states: Counter[str] = Counter()
    for k, e in best.items():
        if k not in keys and e.country == "USA" and e.admin1:
            states[e.admin1] += counts[k]
    if not keys or not states or "District of Columbia" in states:
        return cands
    state, weight = states.most_common(1)[0]
    if weight < 2 or weight < CAPITOL_STATE_SHARE * sum(states.values()):
        return cands
    capital = _capital_of(state, gazetteer)
    return cands if capital is None else {**cands, **{key: [capital] for key in keys}}


def _capital_of(state: str, gazetteer: Gazetteer) -> Entry | None:
    """A US state's capital city, by its name in the ``us`` package."""
    found = us.states.lookup(state)
    if found is None or not found.capital:
        return None
    towns = [
        e
        for e in gazetteer.candidates(found.capital)
        if e.feature in TOWN_FEATURES and e.country == "USA" and e.admin1 == state
    ]
    return max(towns, key=lambda e: e.population, default=None)


def _named_as_area(key: str, short: str) -> bool:
    """Whether a longer name writes the shorter one as an area: "Cavan County Council"."""
    found = re.search(rf"\b{re.escape(short)}\b", key)
    after = key[found.end() :].split() if found else []
    return bool(after) and after[0] in AREA_WORDS


def _same_places(cands: dict[str, list[Entry]]) -> dict[str, str]:
    """Longer names matched through a shorter name the article also writes, with the same
    candidates or some of them ("Georgia Tech", which the gazetteer lacks, through "Georgia";
    "Salem Hospital" through the Salems of 50,000 people or more), mapped to the shorter name:
    they name no place of their own, and their mentions must not vote for the shorter name's
    choice (the two made Georgia the country beside Atlanta, and Salem, Oregon Tamil Nadu's)."""
    ids = {k: frozenset(e.id for e in c) for k, c in cands.items() if c}
    return {
        k: short
        for k, found in ids.items()
        for short, also in ids.items()
        if len(short) < len(k) and found <= also and re.search(rf"\b{re.escape(short)}\b", k)
    }


def _team_homes(cands: dict[str, list[Entry]], teams: frozenset[str]) -> dict[str, list[Entry]]:
    """A sports team's home ("the Portland Trail Blazers", "the Vancouver Canucks") is the
    largest town of its name, if a large one, whatever the article's other places: a report
    from Houston does not make the Blazers' Portland the Texas town. Not where a larger state
    has the name ("the Texas Rangers", "the Minnesota Wild")."""
    out = dict(cands)
    for key in teams & cands.keys():
        towns = [e for e in cands[key] if e.feature in TOWN_FEATURES]
        home = max(towns, key=lambda e: e.population, default=None)
        if home is None or home.population < SALIENT_CITY_POPULATION:
            continue
        if not any(
            e.feature == "admin1" and e.match == MATCH_PRIMARY and e.population > home.population
            for e in cands[key]
        ):
            out[key] = [home]
    return out


def _said_host(
    key: str, placed_in: dict[str, str], context: Context, focus: Entry | None
) -> Entry | None:
    """Where a name the gazetteer lacks lies: the place the text puts it in ("the Blorvath
    Arena in Alexandria"), unless that is an area holding the article's focus, which says more
    ("Patriot High in Virginia", in a story on Centreville); else the focus."""
    host = context.best.get(placed_in.get(key, ""))
    if host is None and focus is not None:
        inside = _named_inside(key, context)
        return inside if inside is not None and _close(inside, focus) else focus
    if host is None or focus is None:
        return focus
    return focus if host.feature in COARSE and contains(host, focus) else host


def _named_inside(key: str, context: Context) -> Entry | None:
    """The town or county of the article named inside a name the gazetteer lacks, the longest
    such run of its words: "Oak Ridge High School" in a story that names Oak Ridge (a town too
    small to stand for an unknown name by itself, see
    :data:`newsevents.place_lookup.INNER_POPULATION`)."""
    words = key.split()
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            found = context.best.get(" ".join(words[i : i + size]))
            if found is not None and found.feature in NAMED_INSIDE_FEATURES:
                return found
    return None


NAMED_INSIDE_FEATURES = frozenset({"city", "capital", "admin2"})


def _at_focus(key: str, focus: Entry | None) -> tuple[Entry, float] | None:
    """A name the gazetteer lacks, placed at the article's focus with a low confidence."""
    if focus is None or _DIRECTION.match(key):
        return None
    return replace(focus, geonameid=None, match=MATCH_CONTEXT), 0.2


def _answer(
    key: str,
    found: list[Entry],
    context: Context,
    pairs: Links,
    focus: Entry | None,
    placed_in: dict[str, str],
    lacking: bool,
) -> tuple[Entry, float]:
    """A name's entry and confidence: the margin of its best score over the next one's."""
    best = context.best[key]
    scores = sorted((_score(e, key, context, pairs) for e in found), reverse=True)
    margin = scores[0] - scores[1] if len(scores) > 1 else 4.0
    confidence = round(min(0.99, 1 / (1 + math.exp(-margin))), 3)
    if scores[0] > _score(best, key, context, pairs):  # a local town, see _best
        confidence = 0.5
    local = _institution_in(key, best, focus) or _venue_in(
        found, context.best.get(placed_in.get(key, ""))
    )
    if local is not None:
        return local, 0.4
    host = _host_lacking(key, found, context, pairs)
    if host is not None and (focus is None or not contains(host, focus)):
        return replace(host, geonameid=None, match=MATCH_CONTEXT), 0.2  # "Nasir, in Upper Nile"
    if (
        focus is not None
        and (
            lacking
            or _obscure(best)
            or _unheld_hamlet(best, key, context)
            or _abroad_by_another_name(best, key, context)
            or _street(key)
            or (_river(key) and key not in pairs.host and best.population < RIVER_TOWN_POPULATION)
        )
        and _stray(best, key, focus, context)
    ):
        return replace(focus, geonameid=None, match=MATCH_CONTEXT), 0.2
    if focus is not None and (
        _astray_in_local_story(best, key, focus, context)
        or _far_street(best, key, focus, context)
        or _abroad_beyond_a_border(best, key, focus, context)
        or _neighbourhood_elsewhere(best, key, focus, context, pairs)
        or _river_by_a_county_abroad(best, key, focus, context)
    ):
        return replace(focus, geonameid=None, match=MATCH_CONTEXT), 0.2
    area = _area_elsewhere(best, key, context, lacking)
    if area is not None:
        return replace(area, geonameid=None, match=MATCH_CONTEXT), 0.2
    partner = _stray_partner(best, key, found, context, pairs, focus)
    if partner is not None:
        return replace(partner, geonameid=None, match=MATCH_CONTEXT), 0.2
    if host is not None:
        return replace(host, geonameid=None, match=MATCH_CONTEXT), 0.2
    return best, confidence


LOCAL_STORY_KM = 30
"""How near the focus a local story's places lie (see :func:`_astray_in_local_story`)."""
LOCAL_STORY_PLACES = 2
"""How many distinct towns of the story must lie that near the focus."""
ASTRAY_KM = 100
"""How far from a local story's focus a namesake must lie to be taken for a place it lacks."""
ASTRAY_POPULATION = 10_000
"""Towns this large are what their name means, however far from a local story's focus."""
ASTRAY_AMERICAN_POPULATION = 20_000
"""The same for an American town in an American story: New England's towns are administrative
divisions to GeoNames, not populated places, so cities500 lacks many ("a chase that began in
Vernon" in a Manchester, Connecticut story is no Vernon, Texas of 10,600 people)."""
ASTRAY_ABROAD_POPULATION = 50_000
"""The same for a town abroad in an American story: New England's towns are named after
English ones, so the English namesake of a town cities500 lacks is often all it finds ("a blaze
in Bow" in a Concord, New Hampshire story is no Bow in London, of 28,000 people)."""


def _astray_in_local_story(e: Entry, key: str, focus: Entry, context: Context) -> bool:
    """Whether a small town lies far from a local story's focus, in another state or country,
    with none of its places near it and no province or state it names holding it: the story's
    own village the gazetteer lacks, not the namesake 230 km away ("They moved to Thornhill" in
    a Dewsbury couple's story is no Welsh Thornhill; "Hubbard" in a Chicago story is its
    street, not Hubbard, Ohio). A township's town, whatever its size, counts as astray in the
    story's own state too: Ohio has sixteen Green Townships, and "Green Township crews" in a
    Cincinnati story are not from Green, by Akron."""
    if focus.feature not in TOWN_FEATURES or e.feature not in TOWN_FEATURES:
        return False
    big = ASTRAY_POPULATION
    if focus.country == "USA":
        big = ASTRAY_AMERICAN_POPULATION if e.country == "USA" else ASTRAY_ABROAD_POPULATION
    township = split_qualifier(key)[1] == "township"  # a town only stands for the township
    if (e.population >= big and not township) or _near(e, focus, ASTRAY_KM):
        return False
    if (e.country, e.admin1) == (focus.country, focus.admin1) and not township:
        return False  # "a woman from Gallipolis" in a Columbus story: Ohio's, 150 km off
    if any(o.feature in ADMIN_FEATURES and contains(o, e) for o in context.others(key)):
        return False  # "Bar Harbor" in a story that names Maine
    if any(o.feature == "country" and o.country == e.country for o in context.others(key)):
        return False  # "a delegation from Ansbach, Germany" in a Rochester story
    others = [o for o in context.others(key) if o.feature in TOWN_FEATURES]
    near = {o.id for o in others if _near(o, focus, LOCAL_STORY_KM)}
    near |= {  # "Montgomery County firefighters" in a Clarksville story: its county
        o.id for o in context.others(key) if o.feature == "admin2" and contains(o, focus)
    }
    local = len(near) >= (1 if township else LOCAL_STORY_PLACES)
    return local and not any(_near(o, e, LISTED_KM) for o in others)


def _far_street(e: Entry, key: str, focus: Entry, context: Context) -> bool:
    """Whether a street of the supplement, named bare, lies far from a local story's town and
    from all its places: most American towns have a Broadway, and "a bank on Broadway" in a
    story on Columbia, Missouri, its county and a neighbour is Columbia's, not New York's
    theatre district; "returned to Broadway" in one that names New Orleans alone is the
    theatre's. "Wall Street", named with its street word, is the market wherever it is named."""
    if e.feature != "street" or _street(key) or focus.feature not in TOWN_FEATURES:
        return False
    others = [o for o in context.others(key) if o.feature not in COARSE or o.feature == "admin2"]
    if any(o.feature in ADMIN_FEATURES and contains(o, e) for o in context.others(key)):
        return False  # "Broadway" in a story that names New York
    local = {o.id for o in others if o.id != focus.id and _near(o, focus, LOCAL_STORY_KM)}
    far = not any(_near(o, e, WIDE_KM) for o in [focus, *others])
    return far and len(local) >= LOCAL_STORY_PLACES


def _area_elsewhere(best: Entry, key: str, context: Context, lacking: bool) -> Entry | None:
    """The most-mentioned province of another country that the article names, for a name that
    is a hamlet no area of the article holds (or one the gazetteer lacks, or matches only by an
    alternate name) with none of the article's other places near it: "Glenrock" beside "NSW" is
    no Wyoming village of 2,600, even where its own mentions make it the article's focus."""
    if best.feature != "city" or _salient(best):
        return None  # a capital is its country's, however small ("VATICAN CITY")
    if not (lacking or _obscure(best) or _unheld_hamlet(best, key, context)):
        return None
    others = [o for o in context.others(key) if o.id != best.id]
    if any(o.feature not in COARSE and _near(o, best, WIDE_KM) for o in others):
        return None
    areas = [
        k
        for k, o in context.best.items()
        if k != key and o.feature == "admin1" and o.country != best.country
    ]
    top = max(areas, key=lambda k: context.counts[k], default=None)
    return None if top is None else context.best[top]


def _host_lacking(key: str, found: list[Entry], context: Context, pairs: Links) -> Entry | None:
    """The place the text says in brackets that a name lies in ("Boni (Douentza, Mopti)", as
    ACLED's notes write it), where the name matches only other places' alternate names and
    none of them lies in or near it: a village the gazetteer lacks, placed at its host, not
    Bonn (which GeoNames also calls "Boni"). Likewise, whatever its matches, a name the text
    calls a part of its host ("the Portland neighborhood of Jefferson County"). A country
    written after the name places it only where all its matches are such alternate names."""
    host = context.best.get(pairs.host.get(key, ""))
    if host is None or host.feature == "continent":
        return None
    obscure = all(e.match <= MATCH_ALTERNATE and e.feature in TOWN_FEATURES for e in found)
    if host.feature == "country":  # "near Banjska, in northern Kosovo" is no Bansko, Bulgaria
        said = obscure
    else:
        said = key in pairs.quarters or (key in pairs.bracketed and obscure)
    if not said and not _local_under(found, host):
        return None  # a part of its host whatever its matches; bracketed, only if obscure
    if any(contains(host, e) or _close(host, e) or _by_its_county(host, e) for e in found):
        return None
    return host


def _by_its_county(host: Entry, e: Entry) -> bool:
    """Whether a town of the county's state lies within half as far again as the county's
    spread: a county's point is the middle of its towns' box, and a large county's big town
    may lie beyond its spread ("Rancho Cucamonga, San Bernardino County", 164 km from the
    point)."""
    return (
        host.feature == "admin2"
        and (e.country, e.admin1) == (host.country, host.admin1)
        and _near(host, e, host.radius_km * COUNTY_REACH)
    )


COUNTY_REACH = 1.5


def _local_under(found: list[Entry], host: Entry) -> bool:
    """Whether a name written before a province or county ("Rockingham, Northamptonshire")
    can only be a town or county elsewhere: the host says where the town the gazetteer lacks
    lies."""
    return (host.feature in ADMIN_FEATURES or host.feature == "region") and all(
        e.feature in TOWN_FEATURES or e.feature == "admin2" for e in found
    )


def _stray_partner(
    best: Entry,
    key: str,
    found: list[Entry],
    context: Context,
    pairs: Links,
    focus: Entry | None,
) -> Entry | None:
    """The town a name is listed with, where the name is a small town the gazetteer knows only
    far away: "shootings in Ensley and Bessemer" in an article on Birmingham, Alabama, where
    the one Ensley the gazetteer has lies in Florida. A list names places lying together, so
    the name is a place the gazetteer lacks, beside its partner. None where the partner is no
    town near the article's focus, where some candidate of the name lies near the partner,
    where another place of the article lies in the state of the name's choice, or where the
    article names neither the partner's state ("Saada and Hodeidah", 300 km apart in Yemen,
    are both the towns) nor only places outside the country of the name's choice ("drivers
    from Bow and Pembroke" in a story on Concord, New Hampshire, is no London district)."""
    if focus is None or best.feature not in TOWN_FEATURES or _salient(best):
        return None
    others = context.others(key)
    if any(state_of(o) == state_of(best) for o in others):
        return None
    abroad = not any(o.country == best.country for o in others)
    for other in pairs.joined.get(key, []):
        partner = context.best.get(other)
        if (
            partner is not None
            and partner.feature in TOWN_FEATURES
            and _near(partner, focus, WIDE_KM)
            and not any(_close(e, partner) for e in found)
            and (
                any(o.feature == "admin1" and contains(o, partner) for o in others)
                or (abroad and partner.country != best.country)
            )
        ):
            return partner
    return None


OBSCURE_POPULATION = 5_000
WORLD_CITY_POPULATION = 1_000_000


def _obscure(e: Entry) -> bool:
    """A small town the name matches only by an alternate name or a spelling alike: "Rajo",
    a Syrian village, is an alternate name of Rio, Florida (965 people)."""
    return e.match <= MATCH_ALTERNATE and e.population < OBSCURE_POPULATION


def _unheld_hamlet(e: Entry, key: str, context: Context) -> bool:
    """A town of under 5,000 that no province or county of the article holds: "stabbed in
    Federal Hill" in a Providence story is the city's neighbourhood, not Federal Hill, Maryland
    (2,700 people), 530 km away."""
    return e.population < OBSCURE_POPULATION and not any(
        o.feature in ADMIN_FEATURES and contains(o, e) for o in context.others(key)
    )


def _street(key: str) -> bool:
    """Whether a name ends in a street's word: "Church Street" in a Burlington, Vermont story is
    the town's street, not the English town of that name, when no place of the article is near
    the town (see :func:`_stray`)."""
    return " " in key and key.rsplit(" ", 1)[-1] in STREET_WORDS


def _river(key: str) -> bool:
    """Whether a name ends in a river's word or begins with a lake's: "drowned in the New
    River" in a story on Jacksonville, North Carolina is its river, not New River, Arizona
    (15,000 people), and "Lake Arrowhead" in one on Wichita Falls, Texas is its reservoir, not
    the Californian town, when the town is under :data:`RIVER_TOWN_POPULATION` (see
    :func:`_stray`); "Fall River, Mass." says where it is, and "Battle Creek" is a city of
    50,000 wherever it is named."""
    first, _, last = key.partition(" ")
    return bool(last) and (first in LAKE_WORDS or last.rsplit(" ", 1)[-1] in RIVER_WORDS)


def _river_by_a_county_abroad(e: Entry, key: str, focus: Entry, context: Context) -> bool:
    """Whether a river's name matched only a far county of a country none of the article's
    places lie in: "the Vermilion River" in a story on Vermilion Parish, Louisiana is its
    river, not Alberta's County of Vermilion River (see :func:`_river`)."""
    return (
        _river(key)
        and e.feature == "admin2"
        and not context.country_share(e, key)
        and not _near(e, focus, WIDE_KM)
    )


LAKE_WORDS = frozenset({"lake", "loch", "lough"})


RIVER_TOWN_POPULATION = 20_000


def _stray(entry: Entry, key: str, focus: Entry, context: Context) -> bool:
    """Whether a town found inside a name the gazetteer lacks lies far from the article's focus
    and is none of its other places: "the Pearl District" of a story on Portland is no part of
    Pearl, Mississippi, nor "the Rogers Centre" of one on Toronto of Rogers, Arkansas. Such a
    name is placed at the focus instead. A large city stays ("the New York Auto Show"), but
    one that ends a longer name or stands inside it, in a country none of the article's places
    lie in: "Cool Springs" in a story on Franklin, Tennessee is no part of Springs, South
    Africa, nor "Lady Reading Hospital" in one on Peshawar of Reading (see
    :func:`_inside_abroad`)."""
    if focus.feature in COARSE or entry.feature not in TOWN_FEATURES:
        return False
    if any(o.id == entry.id for o in context.others(key)):
        return False
    if _salient(entry) and not (
        _inside_abroad(entry, key, context) or _abroad_by_another_name(entry, key, context)
    ):
        return False
    return not _near(entry, focus, WIDE_KM)


def _abroad_by_another_name(entry: Entry, key: str, context: Context) -> bool:
    """Whether a town matches the name only as another name of its, in a country none of the
    article's other places lie in: "Kurla" in a Mumbai story is no Korla, China; "Boni" in a
    Malian one no Bonn. Not a city of a million ("Bombay" is one of Mumbai's
    other names), nor one whose name the name opens ("Frankfurt", "New York")."""
    return (
        entry.match == MATCH_ALTERNATE
        and entry.feature in TOWN_FEATURES
        and entry.population < WORLD_CITY_POPULATION
        and not normalize(entry.name).startswith(key + " ")
        and not context.country_share(entry, key)
    )


def _abroad_beyond_a_border(entry: Entry, key: str, focus: Entry, context: Context) -> bool:
    """Whether a town abroad matched only by another name lies in another country than the
    focus, with none of the article's places in or near it: "gunmen attacked officers in
    Banjska" in a Kosovo story is a village the gazetteer lacks, not Bansko, Bulgaria (9,000
    people), which GeoNames also calls Banjska. Bansko lies within :data:`WIDE_KM` of the
    story's Zvecan, so :func:`_stray` would keep it (see :func:`_abroad_by_another_name`)."""
    return (
        entry.country != focus.country
        and _abroad_by_another_name(entry, key, context)
        and not _near_others(entry, key, context.best)
    )


def _neighbourhood_elsewhere(
    entry: Entry, key: str, focus: Entry, context: Context, pairs: Links
) -> bool:
    """Whether a name written "the X neighborhood" is a town far from the story's town, with
    none of the article's places in or near it: a part of the story's town the gazetteer
    lacks. "COLUMBUS, Ohio - Police shot a teenager in the Linden neighborhood" is no Linden,
    New Jersey (40,000 people), which is too large for :func:`_stray`."""
    return (
        key in pairs.neighbourhoods
        and focus.feature in TOWN_FEATURES
        and entry.feature in TOWN_FEATURES
        and not _near_others(entry, key, context.best)
    )


def _inside_abroad(entry: Entry, key: str, context: Context) -> bool:
    """Whether a town's name ends a longer name ("Cool Springs") or stands inside one after
    other words ("Lady Reading Hospital", named after a vicereine, in a Peshawar story), and
    none of the article's other places lie in its country. A name the town opens ("the New
    York Auto Show") is the town's."""
    name = normalize(entry.name)
    return (
        (key.endswith(" " + name) or f" {name} " in key)
        and not key.startswith(name + " ")
        and not context.country_share(entry, key)
    )


def _placed_in(
    ordered: Sequence[Mention], keys: list[str], text: str, gazetteer: Gazetteer
) -> dict[str, str]:
    """The town each name the gazetteer lacks, or each street or square, is said to lie in:
    "Lincoln High School in Tacoma", "Karl Bremer Hospital, Cape Town", "Bulo Marer (Marka,
    Lower Shabelle)", "Union Square in San Francisco" (a key to a key)."""
    placed: dict[str, str] = {}
    for i, (a, b) in enumerate(pairwise(ordered)):
        between = text[a.span[1] : b.span[0]]
        if between == ", " and not _ADDRESS_END.match(text, b.span[1]):
            continue  # "Beyond Madinaty, LIVERPOOL have": a clause's subject, not a host
        if (
            between in (" in ", ", ", " (", ", in ", ", in the ")
            and keys[i] != keys[i + 1]
            and (not gazetteer.candidates(a.text) or _street(keys[i]))
        ):
            placed.setdefault(keys[i], _owned(ordered, keys, text, i + 1))
    return placed


def _owned(ordered: Sequence[Mention], keys: list[str], text: str, i: int) -> str:
    """The key of mention ``i``, or of the name it owns right after it: "in Indonesia's Central
    Papua province" places a name in Central Papua."""
    if i + 1 < len(ordered) and text[ordered[i].span[1] : ordered[i + 1].span[0]] in _OWNING:
        return keys[i + 1]
    return keys[i]


_OWNING = frozenset({"'s ", "’s "})


_ADDRESS_END = re.compile(r"\s*(?:[,.;:)]|$)")
"""What follows a host written after a comma: "Karl Bremer Hospital, Cape Town, said"."""


def _venue_in(found: list[Entry], town: Entry | None) -> Entry | None:
    """Where a venue named after some place lies, when the text says which town it is in and
    no place of its name is there: "Lincoln High School in Tacoma" is in Tacoma, not in
    Lincoln, Nebraska, and "Berlin High School in Connecticut" in Connecticut, not in Berlin.
    None where that does not apply."""
    if town is None or town.feature not in ("city", "capital", "admin2", "admin1"):
        return None
    if any(contains(town, e) or _close(e, town) for e in found):
        return None
    return replace(town, geonameid=None, match=MATCH_CONTEXT)


INSTITUTION_WORDS = frozenset({
    "university", "college", "school", "academy", "institute", "hospital", "clinic", "medical",
    "center", "centre", "court", "prison", "jail", "police", "museum", "library", "stadium",
    "arena", "airport", "station", "base", "campus", "office", "department", "church", "cathedral",
})  # fmt: skip
"""Words of an institution's name: "University of Mississippi Medical Center"."""


def _institution_in(key: str, area: Entry, focus: Entry | None) -> Entry | None:
    """Where an institution named after a state or province lies, when the article is about a
    town of that area: "the University of Mississippi Medical Center" in an article on Jackson
    is in Jackson, not at the middle of Mississippi. None where that does not apply."""
    if focus is None or area.feature not in ("admin1", "admin2") or focus.feature in COARSE:
        return None
    words = set(key.split())
    if not words & INSTITUTION_WORDS or normalize(area.name) == key or not contains(area, focus):
        return None
    return replace(focus, geonameid=None, match=MATCH_CONTEXT)


_DIRECTION = re.compile(r"^(?:the )?(?:north|south|(?:north|south)?(?:east|west))(?:ern)?$")
"""A bare direction word ("the West", "Western", "the Northeast") is no street or building of the
article's focus: it stays unresolved when no region of that name fits."""


def _settled_both_ways(cands: dict[str, list[Entry]], start: Context, pairs: Links) -> Context:
    """The article's names settled from ``start`` in text order and in reverse order, whichever
    reading the names both orders agree on support better (:func:`_agreement`), then the one
    of better-known places (:func:`_known`; summed scores favour two names that hold each
    other anywhere); ties keep the text order. One order can lock a pair
    into the wrong reading: "Police in Newcastle said a man was stabbed in Gateshead", both
    first chosen at once, are Newcastle upon Tyne and the Gateshead of New South Wales; settled
    Newcastle first, each holds the other in Australia, settled Gateshead first, both are
    English. But two names that hold each other far from the rest ("Madison … Jackson" in
    Mississippi beside four towns of Tennessee) do not outweigh the rest."""
    forward = _settle(cands, start, pairs)
    if forward.best == start.best:
        return forward  # each name already fits the others best: the order cannot matter
    backward = _settle(cands, start, pairs, list(reversed(cands)))
    agreed = [e for k, e in forward.best.items() if backward.best[k] == e]
    ranks = [(_agreement(c.best, agreed), _known(c.best, agreed)) for c in (forward, backward)]
    return backward if ranks[1] > ranks[0] else forward


def _held_together(cands: dict[str, list[Entry]], context: Context, pairs: Links) -> Context:
    """Two names settled apart that are a province or county and a town it holds in another
    reading, where each scores better in that reading than as settled: "Migrants arrived in
    Dover ... landed at Dungeness in Kent" are England's Dover and Kent, not Dover, Delaware
    and Kent, Washington, which settling one name at a time cannot leave together. The best
    such pair is taken and the names are settled again."""
    best = context.best
    moves = []
    for a, found in cands.items():
        areas = [e for e in found if e.feature in ADMIN_FEATURES and e != best[a]]
        for b, others in cands.items() if areas else ():
            if b == a or _close(best[a], best[b]) or contains(best[a], best[b]):
                continue
            moves += [
                _move(context, pairs, {a: area, b: town})
                for area in areas
                for town in others
                if town.country == area.country and town != best[b] and _held_town(area, town)
            ]
    gain, moved = max(moves, key=lambda m: m[0], default=(0.0, context))
    return _settle(cands, moved, pairs) if gain > 0 else context


def _held_town(area: Entry, town: Entry) -> bool:
    return town.feature in TOWN_FEATURES and _holds(area, town)


def _move(context: Context, pairs: Links, change: dict[str, Entry]) -> tuple[float, Context]:
    """The context with ``change`` made, and what the changed names gain by it: their least
    gain, so that every one of them must score better (0 or less where one does not)."""
    moved = Context({**context.best, **change}, context.counts)
    gains = [
        _score(e, k, moved, pairs) - _score(context.best[k], k, context, pairs)
        for k, e in change.items()
    ]
    return min(gains), moved


def _known(best: dict[str, Entry], agreed: list[Entry]) -> float:
    """How well known the places are that a reading does not share with the other: the sum
    of their priors."""
    return sum(prior_of(e) for e in best.values() if e not in agreed)


def _agreement(best: dict[str, Entry], agreed: list[Entry]) -> float:
    """How much the places two readings agree on support the rest of a reading."""
    return sum(
        max((_support(e, other) for other in agreed), default=0.0)
        for e in best.values()
        if e not in agreed
    )


def _settle(
    cands: dict[str, list[Entry]],
    context: Context,
    pairs: Links,
    order: list[str] | None = None,
) -> Context:
    """Choose each name's entry again in the light of the others' choices, one name at a time
    in ``order`` (the text's by default; each change is seen by the next name), until no
    choice changes or :data:`PASSES` rounds are done. Choosing all at once can swing between
    two readings for ever: Jackson, Mississippi beside Madison, Mississippi, then both in
    Tennessee, and back."""
    for _ in range(PASSES):
        changed = False
        for key in order or list(cands):
            entry = _best(cands[key], key, context, pairs)
            if entry != context.best[key]:
                context = Context({**context.best, key: entry}, context.counts)
                changed = True
        if not changed:
            break
    return context


ONE_STATE_NAMES = 3
"""The fewest American names an article must have for :func:`_one_state` to apply."""
ONE_STATE_MOST = 6
"""More states than this having a place of every name say the names are too common to tell."""
ONE_STATE_GAIN = 2.0
"""How much better the names must fit together in the one state than as they settled."""


def _one_state(cands: dict[str, list[Entry]], context: Context, pairs: Links) -> Context:
    """An American local story's places, settled one by one across several states, moved
    into the state where they fit together best, if one has a place of every name: "A Mount
    Vernon man ... a chase through Knox County ... arrested in Fredericktown" is Ohio's Knox
    County, its seat and its town, where one by one they settled in Illinois and Missouri
    (Mount Vernon, Illinois lies 145 km from Fredericktown, Missouri). Not where the story
    names a state or a large city, or where too many states have all the names; the move
    must raise the names' summed scores by :data:`ONE_STATE_GAIN`."""
    local = {k: e for k, e in context.best.items() if e.country == "USA" and e.feature != "country"}
    states = {e.admin1 for e in local.values()}
    if len(local) < ONE_STATE_NAMES or len(states) < 2 or None in states:
        return context
    if any(_salient(e) or e.feature == "admin1" for e in local.values()):
        return context
    covering = set.intersection(
        *({e.admin1 for e in cands[k] if e.country == "USA"} for k in local)
    )
    if not covering or len(covering) > ONE_STATE_MOST:
        return context
    current = _fit(local, context, pairs)
    tried = []
    for state in sorted(s for s in covering if s):
        best = dict(context.best)
        for k in local:
            inside = [e for e in cands[k] if e.country == "USA" and e.admin1 == state]
            best[k] = max(inside, key=prior_of)
        moved = Context(best, context.counts)
        tried.append((_fit(local, moved, pairs), state, moved))
    fit, _, moved = max(tried, key=lambda t: t[0])
    return _settle(cands, moved, pairs) if fit > current + ONE_STATE_GAIN else context


def _one_cluster(
    cands: dict[str, list[Entry]], context: Context, pairs: Links, lacking: set[str]
) -> Context:
    """A story's towns, settled across states or countries (large cities among them), moved to
    the one American state where a town of every name lies within :data:`CLUSTER_KM` of the
    others: "Athens ... Decatur and Madison" are the three neighbours of northern Alabama, not
    Athens, Georgia and Madison, Wisconsin; "Milan ... Dundee and Monroe" are Michigan's, not
    Italy's, Scotland's and Louisiana's. Not where the story names a state or a country, nor
    where two states have such a cluster. Two names alone move only where both are American
    towns lying far apart and a pair of them lies within :data:`PAIR_CLUSTER_KM` in one state:
    "Portland officials ... Falmouth" are the Maine neighbours, not Portland, Oregon and
    Falmouth, Massachusetts. Names the gazetteer lacks, read through a town inside them
    ("Plymouth Rock"), neither count nor stand in the way."""
    local = {
        k: e
        for k, e in context.best.items()
        if e.feature != "country" and e.geonameid is not None and k not in lacking
    }
    if any(e.feature not in TOWN_FEATURES for e in local.values()):
        return context
    if len(local) == 2:
        first, second = local.values()
        if first.country != "USA" or second.country != "USA" or _close(first, second):
            return context  # "Athens and Sparta" are Greece's, 160 km apart
        km = PAIR_CLUSTER_KM
    elif len(local) < ONE_STATE_NAMES or len({state_of(e) for e in local.values()}) < 2:
        return context
    else:
        km = CLUSTER_KM
    found = [c for c in (_cluster(cands, local, s, km) for s in _states_of(cands, local)) if c]
    if len(found) != 1:
        return context
    return _settle(cands, Context({**context.best, **found[0]}, context.counts), pairs)


def _states_of(cands: dict[str, list[Entry]], local: dict[str, Entry]) -> set[str]:
    """The states that have a town of every one of the names."""
    return set.intersection(
        *({e.admin1 or "" for e in cands[k] if _american_town_by_name(e)} for k in local)
    ) - {""}


def _american_town_by_name(e: Entry) -> bool:
    """An American town of the very name, not one once called so (Jersey City, "Hudson")."""
    return e.feature in TOWN_FEATURES and e.country == "USA" and e.match == MATCH_PRIMARY


def _cluster(
    cands: dict[str, list[Entry]], local: dict[str, Entry], state: str, km: float
) -> dict[str, Entry] | None:
    """A town of every name in ``state``, all within ``km`` of one another, or None: each
    town of the first name is tried as the anchor, the others' nearest to it."""
    towns = {
        k: [e for e in cands[k] if _american_town_by_name(e) and e.admin1 == state] for k in local
    }
    first, *rest = local
    for anchor in towns[first]:
        chosen = {first: anchor}
        for k in rest:
            chosen[k] = min(
                towns[k], key=lambda e: distance_km(e.lat, e.lon, anchor.lat, anchor.lon)
            )
        picked = list(chosen.values())
        if all(_near(a, b, km) for a in picked for b in picked):
            return chosen
    return None


CLUSTER_KM = 60
"""How close to one another the towns of :func:`_one_cluster` must all lie."""
PAIR_CLUSTER_KM = 30
"""How close two towns must lie for :func:`_one_cluster` to move a pair of names."""


def _fit(keys: dict[str, Entry], context: Context, pairs: Links) -> float:
    """How well the article's choices for ``keys`` fit together: the sum of their scores."""
    return sum(_score(context.best[k], k, context, pairs) for k in keys)


def focus_of(context: Context, counts: Counter[str] | None = None) -> Entry | None:
    """The article's focus: the specific place (a town, a feature) it is most about, else its
    most-mentioned province or county, else its most-mentioned place of any kind.

    Specific places of the article's main country come first; among them, each counts its own
    mentions and half those of the article's places around it (:func:`_local_support`), so that a
    town named once among its neighbours and its province beats a namesake named once alone.
    A specific place is the focus if it is named twice, has such support, or is the only one;
    failing that, the most-mentioned specific place, those of the main country first ("the
    Chapare region, east of Cochabamba" leaves Cochabamba the focus, not the Afghan village
    GeoNames also calls Chapare).
    ``counts`` are the mentions of each name to weigh, by default the context's; resolve passes
    the text's own, without the dateline's extra weight: a reporter files from a capital about
    a prison or a hospital elsewhere.
    """
    counts = counts if counts is not None else context.counts
    order = {k: i for i, k in enumerate(context.best)}
    home = _main_country(context)
    specific = [k for k, e in context.best.items() if e.feature not in COARSE]
    specific = [k for k in specific if context.best[k].country == home] or specific
    if specific:
        support = {k: _local_support(k, context.best, counts) for k in specific}
        top = max(specific, key=lambda k: (counts[k] + support[k] / 2, -order[k]))
        if counts[top] >= 2 or support[top] or len(specific) == 1:
            return context.best[top]
    ranked = sorted(context.best, key=lambda k: (counts[k], -order[k]), reverse=True)
    local = [k for k in ranked if context.best[k].feature not in COARSE]
    local.sort(key=lambda k: context.best[k].country != home)  # the main country's first
    local += [k for k in ranked if context.best[k].feature in ADMIN_FEATURES]
    return context.best[(local or ranked)[0]] if ranked else None


FOCUS_KM = 100
"""Places this close to a candidate focus, or areas holding it, count as its mentions."""


def _local_support(key: str, best: dict[str, Entry], counts: Counter[str]) -> int:
    """Mentions of the article's other places that lie around the place of ``key``."""
    place = best[key]
    return sum(
        counts[k]
        for k, e in best.items()
        if k != key
        and (
            (e.feature in ADMIN_FEATURES and contains(e, place))
            or (e.feature not in COARSE and _near(e, place, FOCUS_KM))
        )
    )


def _main_country(context: Context) -> str | None:
    countries = {c: w for c, w in context.countries.items() if c}
    return max(countries, key=lambda c: countries[c]) if countries else None


def _best(cands: list[Entry], key: str, context: Context, pairs: Links) -> Entry:
    """The best-scoring candidate, but a town among the article's places rather than a city or
    a country or state no other place of the article lies in: "Cairo" beside Carbondale and
    Paducah is Cairo, Illinois, "Austin" beside Byron and Kasson Austin, Minnesota (see
    :func:`_surrounded`); "Lebanon" beside Mason, Springboro and Warren County, Ohio is the
    Ohio town (see :func:`_local`). A town listed with another wins only where its state holds
    no smaller share of the article's places: "Vandalia and Centralia" in a Missouri story
    are Missouri's, though Illinois' pair lies closer together."""
    top = max(cands, key=lambda e: _score(e, key, context, pairs))
    team = _opponent_home(top, cands, key, context, pairs) if key in pairs.opponents else None
    if team is not None:
        return team
    city = _large_city_over_a_lone_town(top, cands, key, context)
    if city is not None:
        return city
    capital = _capital_of_a_named_country(top, cands, key, context)
    if capital is not None:
        return capital
    home = _home_by_alternate_name(top, cands, key, context, pairs)
    if home is not None:
        return home
    if top.feature in TOWN_FEATURES and (
        top.population < SALIENT_CITY_POPULATION or top.match == MATCH_ALTERNATE
    ):  # "Lebanon and FRANKLIN" in Ohio: not Columbus, once called Franklinton
        listed = _listed_with_town(cands, key, context, pairs, exact=True)
        if (
            listed is not None
            and listed != top
            and not _by_listed_town(top, key, context, pairs)
            and context.state_share(listed, key) >= context.state_share(top, key)
        ):
            return listed
    if top.feature in TOWN_FEATURES and not (
        context.country_share(top, key) and context.state_share(top, key)
    ):
        around = [
            e
            for e in cands
            if e.feature in TOWN_FEATURES
            and not (e.match == MATCH_ALTERNATE < top.match)  # not Marseille-en-Beauvaisis
            and (
                _surrounded(e, key, context)
                or (_in_named_county(e, key, context) and _local(e, key, context))
            )
        ]
        if around:
            return max(around, key=lambda e: _score(e, key, context, pairs))
    town_there = _town_over_far_feature(top, cands, key, context)
    if town_there is not None:
        return town_there
    namesake = _local_namesake(top, cands, key, context)
    if namesake is not None:
        return namesake
    if top.feature in TOWN_FEATURES and not context.country_share(top, key):
        least = 0 if key in pairs.municipal else SEAT_NAMED_POPULATION
        held = [e for e in cands if e.feature in TOWN_FEATURES]
        held = [e for e in held if _in_named_county(e, key, context, least)]
        if held:
            return max(held, key=lambda e: _score(e, key, context, pairs))
    if top.feature == "admin1" and not context.state_share(top, key):
        listed = _listed_with_town(cands, key, context, pairs)
        if listed is not None:  # "suspects from Sylvania and Oregon": Oregon, Ohio
            return listed
    if top.feature == "country" and not context.country_share(top, key):
        listed = _listed_with_town(cands, key, context, pairs)
        if listed is not None:
            return listed
        local = [e for e in cands if _local(e, key, context)]
        beside = [e for e in local if key in pairs.located and _beside_a_town(e, key, context)]
        if beside:  # "a chase that began in Angola" beside Auburn, Indiana; not "sales to Peru"
            return max(beside, key=lambda e: _score(e, key, context, pairs))
        placed = key in pairs.located or key in pairs.municipal
        held = [e for e in cands if e.feature in TOWN_FEATURES and placed]
        held = [e for e in held if _in_named_county(e, key, context)]
        if held:  # "Wilson County schools in Lebanon": Lebanon, Tennessee, the county's seat
            return max(held, key=lambda e: _score(e, key, context, pairs))
        town = max(local, key=lambda e: _score(e, key, context, pairs), default=None)
        if town and (
            _score(town, key, context, pairs) > _score(top, key, context, pairs) - LOCAL_GAP
            or _in_named_county(town, key, context)
        ):
            return town
    return top


def _local_namesake(top: Entry, cands: list[Entry], key: str, context: Context) -> Entry | None:
    """A town of the article's own state near its places, rather than a lone town of under
    :data:`SALIENT_CITY_POPULATION` in a state none of its places lie in: "Henrico County and
    Chesterfield schools" beside Richmond are Virginia's, not Chesterfield, Missouri."""
    if top.feature not in TOWN_FEATURES or top.population >= SALIENT_CITY_POPULATION:
        return None
    if context.state_share(top, key):
        return None
    local = [
        e
        for e in cands
        if e.feature in TOWN_FEATURES
        and context.state_share(e, key) >= LOCAL_STATE_SHARE
        and _local(e, key, context)
    ]
    return max(local, key=lambda e: (e.match, e.population), default=None)


LOCAL_STATE_SHARE = 0.5
"""The least share of the article's places that a namesake's state must hold."""


def _opponent_home(
    top: Entry, cands: list[Entry], key: str, context: Context, pairs: Links
) -> Entry | None:
    """A team a game report names by its home alone ("outlasted Louisville in overtime"): a
    large town of the name (:data:`SALIENT_CITY_POPULATION` or more; the best-fitting if
    several) rather than a small one that no town of the article lies near. Not where a larger
    state has the name ("against Kentucky"), nor where the small town has a neighbour in the
    article: "Canton beat Louisville" in an Ohio high-school report may be Louisville, Ohio."""
    if top.feature not in TOWN_FEATURES or _salient(top):
        return None
    others = context.others(key)
    if any(o.feature in TOWN_FEATURES and _near(o, top, LISTED_KM) for o in others):
        return None
    large = [e for e in cands if e.feature in TOWN_FEATURES and _salient(e)]
    largest = max((e.population for e in large), default=0)
    if any(e.feature == "admin1" and e.population > largest for e in cands):
        return None
    return max(large, key=lambda e: _score(e, key, context, pairs), default=None)


HOME_SHARE = 0.9
"""The least share of the article's country votes that makes a country its only one."""


def _home_by_alternate_name(
    top: Entry, cands: list[Entry], key: str, context: Context, pairs: Links
) -> Entry | None:
    """A town of the article's only country (:data:`HOME_SHARE`) that has the name as an
    alternate name, of :data:`OBSCURE_POPULATION` or more, rather than a town of another
    country that no place of the article speaks for and that is no large city: "in the
    Peloponnese near Olympia" is Archaía Olympía, not the capital of Washington state."""
    if top.feature not in TOWN_FEATURES or _salient(top) or context.country_share(top, key):
        return None
    home = [
        e
        for e in cands
        if e.feature in TOWN_FEATURES
        and e.match == MATCH_ALTERNATE
        and e.population >= OBSCURE_POPULATION
        and context.country_share(e, key) >= HOME_SHARE
    ]
    return max(home, key=lambda e: _score(e, key, context, pairs), default=None)


WORLD_CAPITAL_POPULATION = 500_000
"""A national capital this large is what its name means unless a namesake town has the
article's places around it."""


def _large_city_over_a_lone_town(
    top: Entry, cands: list[Entry], key: str, context: Context
) -> Entry | None:
    """A city of 500,000+ abroad rather than a small town of its name that only the article's
    country speaks for, none of its places lying near the town and no county of the article
    holding it or lying in its state (a local story's county: "Police in Athens arrested a
    Lincoln County man" in Tennessee):
    - a national capital of a country the article speaks of: "LONDON — In Washington, the
      diplomats expelled from the United States…" is Washington, D.C., not the town in Tyne
      and Wear, 400 km from London;
    - any such city named as well as the town, where no state or country of the article
      holds the town either: "shares fell on Wall Street and in Frankfurt" is Frankfurt am
      Main, not Kentucky's capital; "LIMA, Ohio" stays Ohio's, "Frankfort" alone Kentucky's
      capital (GeoNames' own name of it) and "Bermuda's premier spoke in Hamilton" Bermuda's."""
    if top.feature not in TOWN_FEATURES or top.population >= SALIENT_CITY_POPULATION:
        return None
    big = [
        e
        for e in cands
        if e.feature in TOWN_FEATURES
        and _metro_population(e, cands) >= WORLD_CAPITAL_POPULATION
        and e.country != top.country
        and (e.match >= top.match or _village_beside_a_world_city(top, e, cands))
    ]  # "Frankfort" alone is Kentucky's, named so by GeoNames
    if not big:
        return None
    others = context.others(key)
    if any(o.feature not in COARSE and _close(top, o) for o in others):
        return None
    if any(o.feature == "admin2" and _holds(o, top) for o in others):
        return None  # "Lima police … Allen County"
    if any(_holding_region(o, top) for o in others):
        return None  # "the Catskills … Kingston" is Kingston, New York, not Jamaica's capital
    if any(
        o.feature == "admin2" and (o.country, o.admin1) == (top.country, top.admin1) for o in others
    ):
        return None
    capitals = [e for e in big if e.feature == "capital" and context.country_share(e, key)]
    if capitals:  # the article speaks of the capital's country
        return max(capitals, key=lambda e: e.population)
    if any(_speaks_for(o) and contains(o, top) for o in others):
        return None  # "Bermuda's premier spoke in Hamilton"
    return max(big, key=lambda e: _metro_population(e, cands))


LOCAL_REGION_KM = 200
"""The widest radius of a region, range or island whose mention keeps a town inside it local:
"the Catskills", "Cape Cod" do; "the Midwest" and "the Great Plains" are too wide to say which
Paris a story means."""


def _holding_region(o: Entry, town: Entry) -> bool:
    """Whether a curated region, range or island of no great size holds the town."""
    return (
        o.feature in ("region", "mountains", "island")
        and o.radius_km <= LOCAL_REGION_KM
        and contains(o, town)
    )


def _village_beside_a_world_city(top: Entry, e: Entry, cands: list[Entry]) -> bool:
    """Whether the first choice is a village and the other a city of a million that has the
    name among its other names: "missionaries to Calcutta" in a Peoria story mean Kolkata, not
    Calcutta, Ohio, of 3,700 people."""
    return (
        top.population < VILLAGE_POPULATION and _metro_population(e, cands) >= WORLD_CITY_POPULATION
    )


VILLAGE_POPULATION = 10_000
SPEAKING_COUNTRY_POPULATION = 10_000_000
"""A country this large holds too many towns for its mention to say which one a name means:
"the United States … the Venice Commission" is no word for Venice, California."""


def _speaks_for(area: Entry) -> bool:
    """Whether a state, or a country smaller than :data:`SPEAKING_COUNTRY_POPULATION`, named in
    the article says that a town of its own is meant."""
    return area.feature == "admin1" or (
        area.feature == "country" and area.population < SPEAKING_COUNTRY_POPULATION
    )


def _metro_population(city: Entry, cands: list[Entry]) -> int:
    """A city's population, or that of the province or municipality of its name that holds
    it where larger: GeoNames counts only the historic centre of some cities ("Venice", 51,000
    people; the Venezia municipality around it 800,000)."""
    areas = [a.population for a in cands if a.feature == "admin2" and _holds(a, city)]
    return max([city.population, *areas])


def _beside_a_town(e: Entry, key: str, context: Context) -> bool:
    """Whether a town of :data:`SEAT_NAMED_POPULATION` or more lies within
    :data:`LISTED_KM` of one of the article's towns."""
    return e.population >= SEAT_NAMED_POPULATION and any(
        o.feature in TOWN_FEATURES and _near(e, o, LISTED_KM) for o in context.others(key)
    )


def _in_named_county(e: Entry, key: str, context: Context, least: int | None = None) -> bool:
    """Whether a county the article names holds the town, one of ``least`` people or more:
    "Mexico" beside "Audrain County" is the county's seat in Missouri, however large the
    country; but "trade with China" beside "Jefferson County" is not China, Texas (1,100
    people). "The Cairo city council" beside "Alexander County" is Cairo, Illinois (2,800): the
    town's own offices say a town is meant (see ``Links.municipal``)."""
    least = SEAT_NAMED_POPULATION if least is None else least
    return e.population >= least and any(
        o.feature == "admin2" and _holds(o, e) for o in context.others(key)
    )


def _town_over_far_feature(
    top: Entry, cands: list[Entry], key: str, context: Context
) -> Entry | None:
    """A town of the very name near two of the article's towns, rather than a curated feature
    none of the article's places lies near: "a crash in HERMON" beside Bangor and Brewer is the
    Maine town, not Mount Hermon. None where that does not apply."""
    if not top.supplement_id or top.population:
        return None
    reach = top.radius_km + COAST_KM
    if any(_near(top, o, reach) for o in context.others(key) if o.id != top.id):
        return None
    around = [
        e
        for e in cands
        if e.feature in TOWN_FEATURES and e.match == MATCH_PRIMARY and _surrounded(e, key, context)
    ]
    return max(around, key=lambda e: e.population, default=None)


def _capital_of_a_named_country(
    top: Entry, cands: list[Entry], key: str, context: Context
) -> Entry | None:
    """The national capital of a country the article names, over a first choice in a country
    where none of the article's other places lies: "the Seychelles government in Victoria" is
    the Seychelles' capital, not Australia's state."""
    if top.feature == "capital" or context.country_share(top, key):
        return None
    named = {o.country for o in context.others(key) if o.feature == "country"}
    return next((e for e in cands if e.feature == "capital" and e.country in named), None)


def _surrounded(e: Entry, key: str, context: Context) -> bool:
    """Whether a town lies near at least two of the article's other towns."""
    towns = {o.id: o for o in context.others(key) if o.feature in TOWN_FEATURES and o.id != e.id}
    return sum(_near(e, o, SURROUNDED_KM) for o in towns.values()) >= 2


def _listed_with_town(
    cands: list[Entry], key: str, context: Context, links: Links, exact: bool = False
) -> Entry | None:
    """A town of the name beside a town it is listed with: "police in Youngstown and Poland"
    mean Poland, Ohio, whatever the country's size; "Clarksville and Dover" mean Dover,
    Tennessee, not Delaware's capital. With ``exact``, only a town of that very name, not one
    that has it as an alternate name (South River, New Jersey was once "Washington")."""
    near = [
        e
        for e in cands
        if e.feature in TOWN_FEATURES
        and (not exact or e.match == MATCH_PRIMARY)
        and _by_listed_town(e, key, context, links)
    ]
    return max(near, key=lambda e: e.population, default=None)


def _listed_pairs(
    cands: dict[str, list[Entry]], best: dict[str, Entry], links: Links
) -> dict[str, Entry]:
    """Two names listed together ("Lebanon and Hanover", "Peru and Wabash") that are the names
    of two towns lying together, where the first choices lie apart: those two towns, before
    the names are settled. Not where either first choice is a large city, nor where both are
    countries or provinces ("Peru and Mexico" are the countries, not two Indiana towns)."""
    out = dict(best)
    for a, partners in links.joined.items():
        for b in partners:
            if a >= b or a not in out or b not in out:
                continue
            x, y = out[a], out[b]
            if _near(x, y, LISTED_KM) or _salient(x) or _salient(y):
                continue
            if x.feature in COARSE and y.feature in COARSE:
                continue
            pairs = [
                (prior_of(e) + prior_of(f), e, f)
                for e in _named_towns(cands[a])
                for f in _named_towns(cands[b])
                if _near(e, f, LISTED_KM)
            ]
            if pairs:
                _, out[a], out[b] = max(pairs, key=lambda p: p[0])
    return out


def _held_pairs(cands: dict[str, list[Entry]], best: dict[str, Entry]) -> dict[str, Entry]:
    """A county and a town the article names ("Clay County officials met in Manchester") whose
    first choices lie apart and have no other place of the article near them: the county and
    the town of those names that lies in it (Manchester, Kentucky, the seat of its Clay County,
    not Manchester, New Hampshire and Clay County, Florida), before the names are settled. A
    town whose first choice lies in a county of the name keeps it ("Durham County ... Durham":
    County Durham, England, where the first choices were North Carolina's county and
    England's city)."""
    out = dict(best)
    counties = [k for k, e in best.items() if e.feature == "admin2" and split_qualifier(k)[1]]
    for county in counties:
        for town, first in best.items():
            if first.feature not in TOWN_FEATURES or _holds(out[county], first):
                continue
            if _near_others(first, town, out) or _near_others(out[county], county, out):
                continue
            towns = [first] if _held_by(first, cands[county]) else _named_towns(cands[town])
            held = [
                (prior_of(c) + prior_of(t), c, t)
                for c in cands[county]
                if c.feature == "admin2"
                for t in towns
                if _holds(c, t)
            ]
            if held:
                _, out[county], out[town] = max(held, key=lambda p: p[0])
    return out


def _held_by(town: Entry, counties: list[Entry]) -> bool:
    return any(c.feature == "admin2" and _holds(c, town) for c in counties)


def _near_others(e: Entry, key: str, best: dict[str, Entry]) -> bool:
    """Whether another of the article's places lies near ``e`` or holds it."""
    return any(k != key and (contains(o, e) or _close(o, e)) for k, o in best.items())


def _salient(e: Entry) -> bool:
    return e.feature in TOWN_FEATURES and e.population >= SALIENT_CITY_POPULATION


def _named_towns(found: list[Entry]) -> list[Entry]:
    return [e for e in found if e.feature in TOWN_FEATURES and e.match == MATCH_PRIMARY]


def _by_listed_town(e: Entry, key: str, context: Context, links: Links) -> bool:
    """Whether ``e`` lies near a town the name is listed with ("X and Y")."""
    towns = [context.best[k] for k in links.joined.get(key, []) if k in context.best]
    return any(t.feature in TOWN_FEATURES and _near(e, t, LISTED_KM) for t in towns)


def _local(e: Entry, key: str, context: Context) -> bool:
    """Whether a town lies among the article's places: near one of its towns and in the state
    of another of its places."""
    if e.feature in COARSE or not context.state_share(e, key):
        return False
    return any(o.feature not in COARSE and _close(e, o) for o in context.others(key))


def _home_areas(
    cands: dict[str, list[Entry]], counts: Counter[str], gazetteer: Gazetteer
) -> dict[str, list[Entry]]:
    """A province named by generic words ("North West", "Eastern Province", "Northern Region"),
    or by a direction before its name (:func:`_directed`), only where the article's other names
    place it in that province's country: Ghana's Western Region in a Ghanaian article, no
    province at all for "Western" in a Russian one. A province the gazetteer knows by the
    whole name is no direction before a name ("Lower Austria", "South Kivu")."""
    generic = {k for k in cands if is_generic(k)}
    directed = {k for k, c in cands.items() if _directed(k, c) and not gazetteer.candidates(k)}
    others = {k: c for k, c in cands.items() if k not in generic | directed and c}
    home = _main_country(first_context(others, counts))
    return {
        k: [
            e
            for e in c
            if (k not in generic or e.feature != "admin1" or e.country == home)
            and (k not in directed or home is None or e.country == home)
        ]
        for k, c in cands.items()
    }


_DIRECTED = re.compile(r"^(?:north|south|east|west|central|upper|lower)\w* (.+)$")


def _directed(key: str, cands: list[Entry]) -> bool:
    """Whether a name is a direction before a province's name the gazetteer knows only inside
    it ("Northern Rivers" in New South Wales is not Nigeria's Rivers State): such a name counts
    only in the province's own country, where the article has another."""
    words = _DIRECTED.match(key)
    return bool(words) and all(
        e.feature in ("admin1", "admin2") and normalize(e.name) != key for e in cands
    )


def _styles_abroad(
    cands: dict[str, list[Entry]],
    counts: Counter[str],
    mentions: Sequence[Mention],
    gazetteer: Gazetteer,
) -> dict[str, list[Entry]]:
    """A nationality word in a facility's name places it in that nation only in an article
    about that nation ("the Russian Foreign Ministry" in a Russian story); elsewhere it is a
    style ("the French Quarter" of New Orleans, "the British International School" of Cairo),
    and the facility, left unknown, lies at the article's focus."""
    keyed = {normalize(m.text): m.text for m in mentions}
    styled = {k for k, c in cands.items() if is_styled(keyed.get(k, k), c, gazetteer)}
    if not styled:
        return cands
    others = {k: c for k, c in cands.items() if k not in styled and c}
    home = _main_country(first_context(others, counts))
    return {k: c for k, c in cands.items() if k not in styled or c[0].country == home}


def _score(e: Entry, key: str, context: Context, links: Links) -> float:
    """How well ``e`` fits the name ``key`` in the article; remembered for the context (a new
    choice makes a new context), the links being those of one article."""
    known = context.scores.get((e.id, key))
    if known is None:
        known = context.scores[e.id, key] = _fresh_score(e, key, context, links)
    return known


def _fresh_score(e: Entry, key: str, context: Context, links: Links) -> float:
    prior = prior_of(e) * (ABBREVIATION_PRIOR_SHARE if key in links.abbreviations else 1.0)
    score = prior + COUNTRY_WEIGHT * context.country_share(e, key)
    score -= SHADOW_PENALTY if _shadowed(e, key, context, links) else 0.0
    score += SPELLING_BONUS if _spelt_for(e, links.american) else 0.0
    score += SHORTENED_BONUS if _shortened(e, key) else 0.0
    host = context.best.get(links.host.get(key, ""))
    hosts = links.hosts.get(key, [host] if host is not None else [])
    if any(contains(h, e) or _close(e, h) for h in hosts):
        score += PAIR_BONUS
    inner = context.best.get(links.inner.get(key, ""))
    if (inner is not None and contains(e, inner)) or e.id in links.lacking_hosts:
        score += PAIR_BONUS
    if key in links.governed and e.feature == "admin1":
        score += PAIR_BONUS  # "Georgia's governor": the state, not the country
    qualified = context.best.get(links.qualified.get(key, ""))
    if qualified is not None and links.seats.get(qualified.id, qualified.id) == e.id:
        score += PAIR_BONUS
    others = context.others(key)
    support = max((_support(e, other) for other in others), default=0.0)
    support = max(support, STATE_WEIGHT * context.state_share(e, key))
    if _held_and_near(e, others):
        support += HELD_AND_NEAR
    if e.id not in links.shadowed and any(_siblings(e, other) for other in others):
        support = max(support, SIBLING_SUPPORT)
    return score + support


SHORTENED_BONUS = 2.0
"""What a town matched by another name gains back where that name is its own cut short before
the river or sea it stands on (see :func:`_shortened`)."""
RIVER_PARTICLES = frozenset({"upon", "on", "am", "an", "en", "sur"})


def _shortened(e: Entry, key: str) -> bool:
    """Whether ``e`` matched ``key`` as an alternate name that is its own name cut short before
    "upon", "on", "am"…: "Kingston" of Kingston upon Thames, "Southend" of Southend-on-Sea. Such
    a name is how the town is written, not a translation (see ``MATCH_PRIOR``)."""
    if e.match != MATCH_ALTERNATE or e.feature not in TOWN_FEATURES:
        return False
    own = normalize(e.name).replace("-", " ")
    return own.startswith(f"{key} ") and own[len(key) + 1 :].split(" ", 1)[0] in RIVER_PARTICLES


SPELLING_BONUS = 0.5
"""What a town gains where the article spells the way of its country (see :func:`_spelt_for`)."""


def _spelt_for(e: Entry, american: bool | None) -> bool:
    """Whether ``e`` is a town of the side the article's spelling is from: an American town in
    a text spelt the American way, any other in one spelt the British way. It tips close calls
    only: "Manchester" beside "defence" and "whilst" is England's, whatever American places the
    story names, while "Birmingham" beside "organizers" alone stays England's larger city."""
    if american is None or e.feature not in TOWN_FEATURES or not e.country:
        return False
    return (e.country == "USA") == american


SEAT_NAMED_POPULATION = 5_000
"""The least population of a town that a bare name means rather than the area of its name."""


def _named_seats(cands: dict[str, list[Entry]], links: Links) -> dict[int, int]:
    """Where an article names an area and its bare name ("Lebanon County ... Lebanon", "Enugu
    State ... Enugu"), each candidate area that holds a town of that very name, of
    :data:`SEAT_NAMED_POPULATION` or more, mapped to that town (the largest if several): the
    bare name is the town. An area with no such town is the bare name itself ("Suffolk
    County ... Suffolk")."""
    seats: dict[int, int] = {}
    for bare, qualified in links.qualified.items():
        towns = [
            t
            for t in cands.get(bare, [])
            if t.feature in TOWN_FEATURES
            and t.population >= SEAT_NAMED_POPULATION
            and normalize(t.name) == bare
        ]
        for area in cands.get(qualified, []):
            inside = [t for t in towns if _holds(area, t)]
            if inside:
                seats[area.id] = max(inside, key=lambda t: t.population).id
    return seats


def _hosting_states(cands: dict[str, list[Entry]], links: Links) -> frozenset[int]:
    """States a town is written in ("Delhi, New York") that hold a town of its name far from
    the city the state is named after: the state is meant, not New York City, however large
    the Indian capital that the town's name would otherwise mean. "Brooklyn, New York" lies by
    the city and keeps it."""
    found: set[int] = set()
    for areas, cities, towns in _host_pairs(cands, links):
        found.update(
            a.id
            for a in areas
            if a.feature == "admin1"
            and a.id in links.shadowed
            and any(contains(a, t) and not any(_close(t, c) for c in cities) for t in towns)
        )
    return frozenset(found)


def _host_pairs(
    cands: dict[str, list[Entry]], links: Links
) -> Iterator[tuple[list[Entry], list[Entry], list[Entry]]]:
    """For each "Town, Host" pair of the text: the host's candidates, the towns among them, and
    the first name's towns; not a part and its place ("the Kabul neighbourhood of Dasht")."""
    for town_key, host_key in links.host.items():
        if town_key in links.quarters:
            continue
        areas = cands.get(host_key, [])
        cities = [c for c in areas if c.feature in TOWN_FEATURES]
        yield areas, cities, [t for t in cands.get(town_key, []) if t.feature in TOWN_FEATURES]


def _lacking_hosts(cands: dict[str, list[Entry]], links: Links) -> frozenset[int]:
    """Shadowed states written after a town ("Chili, New York") where no area of the name holds
    any of the town's namesakes, all villages of under :data:`OBSCURE_POPULATION` far from the
    city of the state's name: the state is meant, and the town is one the gazetteer lacks.
    "Brooklyn, New York" keeps the city."""
    found: set[int] = set()
    for areas, cities, towns in _host_pairs(cands, links):
        city = max(cities, key=lambda c: c.population, default=None)
        if (
            city is None
            or not towns
            or any(_close(t, city) or t.population >= OBSCURE_POPULATION for t in towns)
            or any(contains(a, t) for a in areas for t in towns)
        ):
            continue  # "West Palm Beach, New York" is a list; "Parkland, Florida" is Florida's
        found.update(a.id for a in areas if a.feature == "admin1" and a.id in links.shadowed)
    return frozenset(found)


def _listed_states(cands: dict[str, list[Entry]], links: Links) -> frozenset[int]:
    """States listed with other states of their country ("Oregon and Washington", "California
    or Washington") where the city that shadows them lies in none of them and far from each
    (:data:`WIDE_KM`): the state is meant. "Maryland, Virginia and Washington" keep the
    District, which the two states surround."""
    found: set[int] = set()
    for key, partners in links.joined.items():
        for state in (a for a in cands.get(key, []) if a.id in links.apart):
            cities = [c for c in cands[key] if c.feature in TOWN_FEATURES and c.population]
            city = max(cities, key=lambda c: c.population, default=None)
            listed = [_primary_state(cands.get(p, []), state.country, links) for p in partners]
            if (
                city is not None
                and listed
                and all(s is not None and not _near(s, city, WIDE_KM) for s in listed)
            ):
                found.add(state.id)
    return frozenset(found)


def _primary_state(cands: list[Entry], country: str | None, links: Links) -> Entry | None:
    """The state a name plainly means, of that country, unless a city shadows it."""
    return next(
        (
            e
            for e in cands
            if e.feature == "admin1"
            and e.match == MATCH_PRIMARY
            and e.country == country
            and e.id not in links.shadowed
        ),
        None,
    )


def _holds(area: Entry, town: Entry) -> bool:
    """Whether a province or county holds a town, a county's edge drawn generously: its radius
    is the spread of its towns, and a seat may lie on its coast (Georgetown, South Carolina)."""
    if area.feature == "admin1":
        return contains(area, town)
    return (
        area.feature == "admin2"
        and (area.country, area.admin1) == (town.country, town.admin1)
        and _within(area, town, area.radius_km + SEAT_KM)
    )


def _shadowed(e: Entry, key: str, context: Context, links: Links) -> bool:
    """An area named after a large city is that city, unless it is a state the city does not
    lie in and the article names several places in it (Spokane and Yakima: the state of
    Washington; but one town, "flew from Seattle to Washington", is not enough). A name that
    says it is an area is never shadowed ("Wabash County", where the article also names the
    town of Wabash, which shadows the county named alone)."""
    if e.id not in links.shadowed or split_qualifier(key)[1]:
        return False
    if e.id not in links.apart or context.state_share(e, key) < APART_SHARE:
        return True
    inside = {o.id for o in context.others(key) if o.id != e.id and state_of(o) == state_of(e)}
    return len(inside) < APART_PLACES


def _support(e: Entry, other: Entry) -> float:
    """How much another place of the article supports candidate ``e``."""
    if other.feature != "country" and contains(other, e):
        return 2.0
    if e.feature in _HOLDING and contains(e, other):  # a county holding one of the towns: 2
        return _HOLDING[e.feature]
    if e.feature in WATER and other.feature not in COARSE:  # a coast town: "the Gulf" by Houston
        return 1.0 if _near(e, other, e.radius_km + COAST_KM) else 0.0
    if _across_a_border(e, other):
        return 1.0
    if other.feature in COARSE or not _close(e, other):
        return 0.0
    return 1.0 + (NEIGHBOUR_BONUS if _near(e, other, NEIGHBOUR_KM) else 0.0)


def _across_a_border(e: Entry, town: Entry) -> bool:
    """Whether ``e`` is a province or state of another country than a town of the article,
    reaching within :data:`BORDER_KM` of it: "move into New Brunswick" in a story on Bangor,
    Maine is the province next door, not the New Jersey city that the article's country
    favours."""
    return (
        e.feature == "admin1"
        and town.feature in TOWN_FEATURES
        and e.country != town.country
        and _near(e, town, e.radius_km + BORDER_KM)
    )


BORDER_KM = 150
"""How far beyond its edge a province abroad counts as next to a town (see
:func:`_across_a_border`)."""

_HOLDING = {"admin2": 2.0, "admin1": 1.0, "country": 1.0}
"""The support an area gets from a place of the article it holds, by the area's feature."""


def _held_and_near(e: Entry, others: list[Entry]) -> bool:
    """Whether a province or county the article names holds ``e`` and a town it names lies
    near it: "Montgomery County" in an article on Red Oak, Iowa."""
    return any(o.feature in ADMIN_FEATURES and contains(o, e) for o in others) and any(
        o.feature not in COARSE and _close(e, o) for o in others
    )


def _siblings(e: Entry, other: Entry) -> bool:
    """Two provinces or states of one country: "Georgia, Florida and Alabama"."""
    return e.feature == other.feature == "admin1" and e.country == other.country


def _close(a: Entry, b: Entry) -> bool:
    return _near(a, b, 150)


def _near(a: Entry, b: Entry, km: float) -> bool:
    return _within(a, b, km)


KM_PER_DEGREE = 111.2
"""Along a meridian: places further apart in latitude than km / this are further than km."""


def _within(a: Entry, b: Entry, km: float) -> bool:
    """Whether two places lie within ``km`` of each other; most pairs an article's names make
    lie far apart in latitude, which rules them out without the trigonometry."""
    if abs(a.lat - b.lat) * KM_PER_DEGREE > km:
        return False
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def to_place(mention: Mention, entry: Entry, confidence: float) -> Place:
    """The Place record of a resolved mention."""
    return Place(
        text=mention.text,
        span=mention.span,
        name=entry.name,
        geonameid=entry.geonameid,
        lat=entry.lat,
        lon=entry.lon,
        country=entry.country,
        admin1=entry.admin1,
        feature=entry.feature,
        precision=precision_of(entry),
        confidence=confidence,
        supplement_id=entry.supplement_id,
    )
