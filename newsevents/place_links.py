"""What an article's text says of its names' relations, before any is resolved: datelines,
"Town, Area" pairs, qualifiers after a name ("Washington state"), the names' own qualifiers,
abbreviations, and areas named after a large city of theirs.

Used by :mod:`newsevents.geoparse`.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import pairwise

from newsevents.gazetteer import Entry, Gazetteer, normalize
from newsevents.place_lookup import (
    ADMIN_FEATURES,
    AREA_WORDS,
    TOWN_FEATURES,
    as_qualified,
    candidates,
    is_abbreviation,
    prior_of,
    shadowed_apart,
    shadowed_areas,
    split_qualifier,
)
from newsevents.toponyms import THE_BEFORE, Mention

__all__ = [
    "Links",
    "american_spelling",
    "areas_after",
    "dateline_end",
    "dateline_keys",
    "distinct_senses",
    "opponent_keys",
    "qualified_after",
    "read_links",
    "team_keys",
]


_AFTER_DATELINE = re.compile(r"\s*(\(|[—–-]|,\s*\w+\s*\(|\d)")


def dateline_keys(
    mentions: Sequence[Mention], keys: list[str], text: str, strict: bool = False
) -> list[str]:
    """ "SEOUL (Reuters) —", "NAIROBI, Kenya —": the place an article was filed from; unless
    ``strict``, also any name in capitals that opens the text."""
    found = []
    for m, key in zip(mentions, keys, strict=True):
        start, end = m.span
        if start > 0 and text[:start].strip():
            break
        if (m.text.isupper() and not strict) or _AFTER_DATELINE.match(text[end : end + 40]):
            found.append(key)
    return found


_OPENING_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'’-]{1,40}"  # the town in capitals
    r"(?:,\s*[A-Z][\w.'’ ]{0,30})*"  # its state or country, a date
    r"\s*(?:\([^)]{0,30}\))?"  # the agency
    r"(?:\s*[—–]|\s*--|\s+-\s)"  # a dash, not the hyphen of "U.S.-led"
)


def dateline_end(text: str) -> int:
    """Where the dateline that opens the text ends ("KYIV, Ukraine (AP) —"), 0 where there is
    none: the places it names are where the reporter filed from, context for the article's
    other names but no event's location (the places stage). :func:`dateline_keys` reads the
    names of a dateline for resolution."""
    found = _OPENING_DATELINE.match(text)
    return found.end() if found else 0


QUALIFIERS_AFTER = frozenset({"state", "province", "city"})
"""Lower-case words after a name that say which of its places it is."""
ADJECTIVES_AFTER = {"provincial": "province"}
"""Adjectives after a name that say the same: "Quebec provincial police" is the province's."""
_AREA_BEFORE = re.compile(r"\b(state|province)\s+of\s+$", re.I)
"""An area word and "of" before a name: "the state of Washington", "the province of Quebec"."""
PLURAL_QUALIFIERS = {"states": "state", "provinces": "province", "cities": "city"}
"""The same after the last name of a list, for each of its names."""
_LISTED = re.compile(r"^,?\s+(?:and|or|&)\s+$|^,\s+$", re.I)
CALENDAR_NAMES = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
_AREA_AFTER = re.compile(rf"\s+([a-z]+)\b(?!\s+(?!{'|'.join(CALENDAR_NAMES)}\b)[A-Z])")
"""A lower-case word after a name, not itself followed by a capitalised one other than a day's
or a month's: "Washington state", "Helmand province", "Madison and Morgan counties Wednesday"
(but not "New York City" or "Washington State University")."""


def qualified_after(
    cands: dict[str, list[Entry]], mentions: Sequence[Mention], keys: list[str], text: str
) -> dict[str, list[Entry]]:
    """Candidates of the kind the word after a name says, where the gold or the tagger left
    that word out of the name: "Washington state officials" mean the state. Every such
    mention of the name must say the same."""

    def word_of(m: Mention) -> str:
        after = _AREA_AFTER.match(text, m.span[1])
        word = ADJECTIVES_AFTER.get(after[1], after[1]) if after else ""
        if (
            word == "city"
            and THE_BEFORE.search(text, max(0, m.span[0] - 5), m.span[0])
            and not _MUNICIPAL.match(text, m.span[1])
        ):
            return ""  # "the Minnesota city": a city of the state; "the Denmark city council"
        before = _AREA_BEFORE.search(text, max(0, m.span[0] - 30), m.span[0])
        if before and word not in QUALIFIERS_AFTER and word not in PLURAL_QUALIFIERS:
            word = before[1].lower()  # "the state of Washington"
        return word

    said = _words_said(mentions, keys, text, word_of, QUALIFIERS_AFTER, PLURAL_QUALIFIERS)
    out = dict(cands)
    for key, words in said.items():
        (word,) = words if len(words) == 1 else ("",)
        if word and any(_named(e, key) for e in cands.get(key, [])):
            out[key] = as_qualified(cands[key], word)
    return out


def _words_said(
    mentions: Sequence[Mention],
    keys: list[str],
    text: str,
    word_of: Callable[[Mention], str],
    words: frozenset[str],
    plurals: dict[str, str],
) -> dict[str, set[str]]:
    """The area words each name's mentions are written with (``word_of``; "" for none of
    ``words``). A plural after the last name of a list counts for each of its names ("Zamfara,
    Kebbi and Katsina states", "Sonoma and Napa counties"), and a name the list goes on after
    waits for it."""
    said: dict[str, set[str]] = defaultdict(set)
    listed: list[str] = []  # the names of a list so far
    for i, (m, key) in enumerate(zip(mentions, keys, strict=True)):
        if i and not _LISTED.match(text[mentions[i - 1].span[1] : m.span[0]]):
            listed = []
        listed.append(key)
        word = word_of(m)
        goes_on = i + 1 < len(mentions) and _LISTED.match(
            text[m.span[1] : mentions[i + 1].span[0]]
        )  # "Sonoma and": the list's last word will say
        if word in plurals:
            for k in listed:
                said[k].add(plurals[word])
        elif not goes_on:
            said[key].add(word if word in words else "")
    return said


def team_keys(mentions: Sequence[Mention], keys: list[str], text: str) -> frozenset[str]:
    """The names the article uses as a sports team's home ("the Portland Trail Blazers"):
    followed by a team's nickname (``lexicon/teams.toml``)."""
    after = _team_after()
    return frozenset(k for m, k in zip(mentions, keys, strict=True) if after.match(text, m.span[1]))


def opponent_keys(mentions: Sequence[Mention], keys: list[str], text: str) -> frozenset[str]:
    """The names a game report uses for a team, right after a word of playing someone
    ("outlasted Louisville in overtime", "beat Gonzaga"): the article must have several words
    of a game report (both lists are in ``lexicon/teams.toml``)."""
    if len(set(re.findall(r"[a-z]+", text.lower())) & _game_words()) < GAME_WORDS:
        return frozenset()
    before = _opponent_before()
    return frozenset(
        k
        for m, k in zip(mentions, keys, strict=True)
        if before.search(text, max(0, m.span[0] - 20), m.span[0])
    )


GAME_WORDS = 3
"""How many different words of a game report (``game_words``) make an article one."""


def _teams_lexicon() -> dict[str, list[str]]:
    raw = resources.files("newsevents.lexicon").joinpath("teams.toml").read_text("utf-8")
    return tomllib.loads(raw)


@cache
def _team_after() -> re.Pattern[str]:
    names = sorted(_teams_lexicon()["nicknames"], key=len, reverse=True)
    return re.compile(r" (?:" + "|".join(re.escape(n) for n in names) + r")\b")


@cache
def _opponent_before() -> re.Pattern[str]:
    words = sorted(_teams_lexicon()["opponent_words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r") (?:No\. \d+ )?$")


@cache
def _game_words() -> frozenset[str]:
    return frozenset(_teams_lexicon()["game_words"])


AREAS_AFTER = frozenset({
    "region", "oblast", "governorate", "province", "state", "department", "county", "parish",
    "district", "river",
})  # fmt: skip
"""Lower-case area words after a name that name the area whatever its own name: "the Donetsk
region" is Donetska oblast, "Idlib governorate" the governorate; and "river", which names the
river ("across the Dnipro river" is the Dnieper, not the city of Dnipro)."""


PLURAL_AREAS = {
    "counties": "county", "parishes": "parish", "regions": "region", "oblasts": "oblast",
    "governorates": "governorate", "departments": "department", "districts": "district",
    "rivers": "river",
}  # fmt: skip
"""Plural area words after the last name of a list, for each of its names: "Sonoma and Napa
counties", "the Kharkiv and Sumy regions"."""


def areas_after(
    cands: dict[str, list[Entry]],
    mentions: Sequence[Mention],
    keys: list[str],
    text: str,
    gazetteer: Gazetteer,
) -> dict[str, list[Entry]]:
    """The admin areas a name and the area word after it name together, where every mention of
    the name has that word after it."""

    def word_of(m: Mention) -> str:
        after = _AREA_AFTER.match(text, m.span[1])
        return after[1] if after else ""

    said = _words_said(mentions, keys, text, word_of, AREAS_AFTER, PLURAL_AREAS)
    named = {key: m.text for m, key in zip(mentions, keys, strict=True)}
    out = dict(cands)
    for key, words in said.items():
        (word,) = words if len(words) == 1 else ("",)
        kinds = ("river",) if word == "river" else ADMIN_FEATURES
        areas = (
            [e for e in candidates(f"{named[key]} {word}", gazetteer) if e.feature in kinds]
            if word
            else []
        )
        if areas:
            out[key] = areas
    return out


def _named(e: Entry, key: str) -> bool:
    """Whether an area goes by the name itself ("Washington", not "Washington County")."""
    return e.feature in ("admin1", "admin2") and normalize(e.name) == key


@dataclass(frozen=True)
class Links:
    """What the text says about names' relations, fixed for an article."""

    host: dict[str, str]
    """ "Dublin, Ohio": the first name's key → the key of the place it is said to lie in."""
    inner: dict[str, str]
    """The reverse: "ohio" → "dublin"."""
    shadowed: frozenset[int]
    """Admin areas named after a large city of theirs: "New York" alone is the city."""
    qualified: dict[str, str] = field(default_factory=dict)
    """ "suffolk" → "suffolk county" where the article names both: the bare name is the same
    place (one sense per article, across a qualifier)."""
    hosts: dict[str, list[Entry]] = field(default_factory=dict)
    """The candidates of a first name's host where the host is an abbreviation: the town may
    lie in any of them ("Adelaide, SA" is Australia's while "SA" alone is South Africa's), so
    that the town's choice and its host's do not chase each other's; else the host's best."""
    abbreviations: frozenset[str] = frozenset()
    """Keys of the names written as abbreviations ("WA", "SA"): see :func:`is_abbreviation`."""
    joined: dict[str, list[str]] = field(default_factory=dict)
    """Names joined by "and" or "or" ("Youngstown and Poland"), both ways: a list names places
    of one kind."""
    apart: frozenset[int] = frozenset()
    """The shadowed states in which the city of their name does not lie: the state of
    Washington is shadowed by Washington, D.C. only where the article names no town in it."""
    located: frozenset[str] = frozenset()
    """Keys of the names the text places something in at least once ("in Angola", "near
    Peru"), as opposed to only sending things to or from them ("sales to Peru")."""
    municipal: frozenset[str] = frozenset()
    """Keys of the names written before a town's own offices at least once ("Peru police",
    "the Cairo city council"): a town of the name is meant wherever a county the article names
    holds one, however small, and whatever country has the name too."""
    bracketed: frozenset[str] = frozenset()
    """Keys of the names whose host follows in brackets ("Boni (Douentza, Mopti)"): a town may
    host them, as ACLED's notes write it."""
    quarters: frozenset[str] = frozenset()
    """Keys of the names the text calls a part of their host ("the Portland neighborhood of
    Jefferson County"): no place of the name elsewhere is meant."""
    governed: frozenset[str] = frozenset()
    """Keys of the names the text gives a governor ("Georgia's governor", "the governor of
    Georgia"): a province or state, not a country, is meant (:func:`governed_keys`)."""
    neighbourhoods: frozenset[str] = frozenset()
    """Keys of the names written "the X neighborhood" (:func:`neighbourhood_keys`)."""
    opponents: frozenset[str] = frozenset()
    """Keys of the names a game report uses for a team ("outlasted Louisville in overtime"): see
    :func:`opponent_keys`."""
    lacking_hosts: frozenset[int] = frozenset()
    """States written after a town that holds none of the town's namesakes, none of which lies
    near the city the state is named after ("Chili, New York"): the state is meant, and the
    town is one the gazetteer lacks (``geoparse._lacking_hosts``)."""
    seats: dict[int, int] = field(default_factory=dict)
    """An area's id → the id of the town of its very name inside it, where the article names
    both the area ("Lebanon County") and the bare name ("Lebanon"): the bare name is that town
    (``geoparse._named_seats``)."""
    american: bool | None = None
    """Whether the article spells the American way (True), the British way (False) or neither
    clearly (None): see :func:`american_spelling`."""


_QUARTER_OF = re.compile(
    r"^(?:neighbou?rhood|district|section|suburb|quarter|part|area)s?\s+of(?:\s+the)?$", re.I
)
"""What lies between a part of a place and the place: "the Portland neighborhood of
Jefferson County", "the Karrada district of Baghdad"."""
_QUARTER_DESCRIBED = re.compile(
    r"^,\s*(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}"
    r"(?:neighbou?rhood|district|section|suburb|quarter|township|part|area)\s+(?:of|in)(?:\s+the)?$"
)
"""What lies between a part of a place, described as one after a comma, and the place:
"Wellington, an eastern suburb of Freetown", "Kaloum, a district in Conakry"."""
QUARTER_CITY_POPULATION = 100_000
QUARTER_POPULATION = 20_000


def _city_over_quarter(first: list[Entry], second: list[Entry]) -> bool:
    """Whether "the X district of Y" names a district Y of the city X: X is a city of
    :data:`QUARTER_CITY_POPULATION` or more, and Y nothing of :data:`QUARTER_POPULATION`
    ("the Mogadishu district of Hodan", "the Kabul neighbourhood of Dasht-e-Barchi", but "the
    Karrada district of Baghdad")."""
    return any(
        e.feature in ("city", "capital") and e.population >= QUARTER_CITY_POPULATION for e in first
    ) and all(e.population < QUARTER_POPULATION for e in second)


_IN_HOST = re.compile(
    r"^,\s*in(?:\s+the)?(?:\s+(?:(?:(?:north|south)-?)?(?:east|west)ern|(?:north|south)ern|central))?$",
    re.I,
)
"""What lies between a town and the area it is said to be in: "Oicha, in Beni territory",
"Banjska, in northern Kosovo"."""


def _an_area_by_word(mention: Mention, text: str) -> bool:
    """Whether a name is written as an area, by its own word or one right after it: "Hiiraan
    region", "Cabo Delgado province", "Kaduna State"."""
    last = normalize(mention.text).rsplit(" ", 1)[-1]
    after = _WORD_AFTER.match(text, mention.span[1])
    return last in AREA_WORDS or (after is not None and after[1].lower() in AREA_WORDS)


_WORD_AFTER = re.compile(r"\s+(\w+)")
_LIST_GOES_ON = re.compile(r"\s+(and|or)\s", re.I)
"""After "Washington, New York": "and Boston" makes it a list, not a town and its state (but
"Dayton, Ohio, and Springfield" is a town and its state)."""


_STATES = frozenset({"admin1", "country"})


def distinct_senses(
    mentions: Sequence[Mention], keys: list[str], text: str, gazetteer: Gazetteer
) -> list[str]:
    """The keys again, but a name written before two different states or countries is two
    places: in "from Columbus, Ohio, to Columbus, Ind." the second Columbus gets a key of its
    own ("columbus (ind)"), so that one sense per article does not move it to Ohio. A mention
    with no area after it keeps the name's own key, the sense of the first area."""
    first: dict[str, str] = {}
    out = list(keys)
    for i, (a, b) in enumerate(pairwise(mentions)):
        if text[a.span[1] : b.span[0]].strip() != "," or keys[i] == keys[i + 1]:
            continue
        if not any(e.feature in _STATES for e in candidates(b.text, gazetteer, False)):
            continue
        area = first.setdefault(keys[i], keys[i + 1])
        if area != keys[i + 1]:
            out[i] = f"{keys[i]} ({keys[i + 1]})"
    return out


def read_links(
    mentions: Sequence[Mention],
    keys: list[str],
    text: str,
    cands: dict[str, list[Entry]],
    datelines: frozenset[str] = frozenset(),
) -> Links:
    host: dict[str, str] = {}
    bracketed: set[str] = set()
    quarters: set[str] = set()
    for i, (a, b) in enumerate(pairwise(mentions)):
        between = text[a.span[1] : b.span[0]].strip()
        if _QUARTER_OF.match(between) and keys[i] != keys[i + 1]:
            part, whole = keys[i], keys[i + 1]  # "the Portland neighborhood of Jefferson County"
            if _city_over_quarter(cands.get(part, []), cands.get(whole, [])):
                part, whole = whole, part  # "the Kabul neighbourhood of Dasht-e-Barchi"
            quarters.add(part)
            host.setdefault(part, whole)
            continue
        if _QUARTER_DESCRIBED.match(between) and keys[i] != keys[i + 1]:
            quarters.add(keys[i])  # "Wellington, an eastern suburb of Freetown"
            host.setdefault(keys[i], keys[i + 1])
            continue
        if _IN_HOST.match(between) and keys[i] != keys[i + 1]:
            host.setdefault(keys[i], keys[i + 1])  # "Oicha, in Beni territory"
            continue
        if between.lower() == "in" and keys[i] != keys[i + 1] and _an_area_by_word(b, text):
            host.setdefault(keys[i], keys[i + 1])  # "Palma in Cabo Delgado province"
            continue
        if between in ("'s", "’s") and keys[i] != keys[i + 1] and _area(cands.get(keys[i], [])):
            host.setdefault(keys[i + 1], keys[i])  # "Balochistan's Musakhel district"
            continue
        if between not in (",", "(") or keys[i] == keys[i + 1] or b.embedded:
            continue  # "in Lewisham, Scotland Yard said": no Lewisham in Scotland
        if between == "(":  # "Boni (Douentza, Mopti)": ACLED's notation of a town's areas
            bracketed.add(keys[i])
            host.setdefault(keys[i], keys[i + 1])
        elif not _LIST_GOES_ON.match(text, b.span[1]):
            host.setdefault(keys[i], keys[i + 1])
    for key, town in _parts_of_towns(mentions, keys, text, cands):
        quarters.add(key)  # "the city's East End"
        host.setdefault(key, town)
    inner = {kb: ka for ka, kb in host.items()}
    short = frozenset(
        k
        for m, k in zip(mentions, keys, strict=True)
        if is_abbreviation(m.text) and k not in datelines
    )  # an abbreviation's places only share letters: no city of them shadows an area
    shadowed = frozenset(
        e.id for k, c in cands.items() if k not in short for e in shadowed_areas(c)
    )
    apart = frozenset(e.id for k, c in cands.items() if k not in short for e in shadowed_apart(c))
    hosts = {k: cands.get(h, []) for k, h in host.items() if h in short}
    joined = _joined(mentions, keys, text)
    located = frozenset(
        k
        for m, k in zip(mentions, keys, strict=True)
        if _LOCATED.search(text, max(0, m.span[0] - LOCATED_REACH), m.span[0])
    )
    municipal = frozenset(
        k for m, k in zip(mentions, keys, strict=True) if _MUNICIPAL.match(text, m.span[1])
    )
    return Links(
        host,
        inner,
        shadowed,
        _qualified_keys(cands),
        hosts,
        short,
        joined,
        apart,
        located,
        municipal=municipal,
        bracketed=frozenset(bracketed),
        quarters=frozenset(quarters),
        neighbourhoods=neighbourhood_keys(mentions, keys, text),
        governed=governed_keys(mentions, keys, text),
    )


_LOCATED = re.compile(r"\b(?:in|at|near|outside|around)\s+(?:the\s+)?$", re.I)
LOCATED_REACH = 40
"""How far before a name its "in the" is looked for: searching from the text's start would
read the whole article again for each name."""
_OWNED = re.compile(r"^['’]s\s+$")
_TOWNS_OWN = re.compile(r"\bthe\s+(?:city|town|village|capital)['’]s\s+$", re.I)
"""What a part of the town last named follows: "in the city's East End"."""


def _parts_of_towns(
    mentions: Sequence[Mention], keys: list[str], text: str, cands: dict[str, list[Entry]]
) -> list[tuple[str, str]]:
    """(key, town's key) for each name written after "the city's" (or town's, village's,
    capital's): a part of the town named last before it ("Police in Richmond said the
    shooting happened in the city's East End"), not a place of its name elsewhere; likewise
    a name right after a town's possessive ("Chicago's South Side"). Such a name lies at its
    town only where no place of its name lies in or near it (``geoparse._host_lacking``)."""
    found: list[tuple[str, str]] = []
    for i, m in enumerate(mentions):
        owner = keys[i - 1] if i else ""
        if i and _OWNED.match(text[mentions[i - 1].span[1] : m.span[0]]) and owner != keys[i]:
            if any(e.feature in TOWN_FEATURES for e in cands.get(owner, [])):
                found.append((keys[i], owner))  # "Chicago's South Side"
            continue
        if not _TOWNS_OWN.search(text, max(0, m.span[0] - 20), m.span[0]):
            continue
        towns = (
            k
            for k in reversed(keys[:i])
            if k != keys[i] and any(e.feature in TOWN_FEATURES for e in cands.get(k, []))
        )
        town = next(towns, None)
        if town is not None:
            found.append((keys[i], town))
    return found


_GOVERNOR_AFTER = re.compile(
    r"['’]s\s+(?:(?:Republican|Democratic|new|former)\s+)?governor\b", re.I
)
_GOVERNOR_BEFORE = re.compile(r"\bgovernor\s+of\s+$", re.I)


def governed_keys(mentions: Sequence[Mention], keys: list[str], text: str) -> frozenset[str]:
    """Keys of the names written with a governor ("Georgia's governor declared an emergency",
    "the governor of Georgia"): countries have none, so the American state is meant (a central
    bank's governor is written with the bank)."""
    return frozenset(
        k
        for m, k in zip(mentions, keys, strict=True)
        if _GOVERNOR_AFTER.match(text, m.span[1])
        or _GOVERNOR_BEFORE.search(text, max(0, m.span[0] - 15), m.span[0])
    )


_NEIGHBOURHOOD = re.compile(r"\s+neighbou?rhood\b(?!\s+(?:of|in)\b)")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def neighbourhood_keys(mentions: Sequence[Mention], keys: list[str], text: str) -> frozenset[str]:
    """Keys of the names written "the X neighborhood" with no town after them: a part of the
    story's own town ("COLUMBUS, Ohio - Police shot a teenager in the Linden neighborhood" is
    no Linden, New Jersey; see ``geoparse._neighbourhood_elsewhere``)."""
    return frozenset(
        k
        for m, k in zip(mentions, keys, strict=True)
        if _NEIGHBOURHOOD.match(text, m.span[1])
        and _THE_BEFORE.search(text, max(0, m.span[0] - 5), m.span[0])
    )


_MUNICIPAL = re.compile(
    r"\s+(?:police|city\s+(?:council|commission|hall|manager|schools)|mayor|fire\s+(?:department|chief)"
    r"|school\s+(?:board|district)|public\s+schools|town\s+(?:council|board|hall))\b"
)


_JOINED = re.compile(r"^,?\s+(?:and|or|&)\s+$", re.I)


def _joined(mentions: Sequence[Mention], keys: list[str], text: str) -> dict[str, list[str]]:
    joined: dict[str, list[str]] = defaultdict(list)
    for i, (a, b) in enumerate(pairwise(mentions)):
        if keys[i] != keys[i + 1] and _JOINED.match(text[a.span[1] : b.span[0]]):
            joined[keys[i]].append(keys[i + 1])
            joined[keys[i + 1]].append(keys[i])
    return dict(joined)


def _qualified_keys(cands: dict[str, list[Entry]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for key in cands:
        bare, qualifier = split_qualifier(key)
        if (qualifier in AREA_WORDS or qualifier == "co") and bare in cands:
            found.setdefault(bare, key)
    return found


_BRITISH = re.compile(
    r"\b(?:defence|offence|colour(?:s|ed|ful)?|favour(?:s|ed|ite|able)?|neighbour(?:s|ing|hood)?"
    r"|behaviour|honour(?:s|ed)?|centre[sd]?|theatre|programme[s]?|travell(?:ed|ing|er)"
    r"|organis(?:e|ed|es|ing|ation|ations|er|ers)|realis(?:e|ed|es|ing)"
    r"|recognis(?:e|ed|es|ing)|criticis(?:e|ed|es|ing)|apologis(?:e|ed|es|ing)"
    r"|analys(?:e|ed|ing)|authoris(?:e|ed|ation)|mobilis(?:e|ed|ation)|jewellery|whilst)\b"
)
"""Words spelt the British way, as Irish, Commonwealth and most international English spell
them; they count in lower case, or capitalised only where a sentence opens ("Organisers said")."""
_AMERICAN = re.compile(
    r"\b(?:defense|offense|color(?:s|ed|ful)?|favor(?:s|ed|ite|able)?|neighbor(?:s|ing|hood)?"
    r"|behavior|honor(?:s|ed)?|center(?:s|ed)?|theater|travel(?:ed|ing|er)"
    r"|organiz(?:e|ed|es|ing|ation|ations|er|ers)|realiz(?:e|ed|es|ing)"
    r"|recogniz(?:e|ed|es|ing)|criticiz(?:e|ed|es|ing)|apologiz(?:e|ed|es|ing)"
    r"|analyz(?:e|ed|ing)|authoriz(?:e|ed|ation)|mobiliz(?:e|ed|ation)|jewelry)\b"
)
"""The same words spelt the American way."""
SPELLING_LEAD = 2
"""How many more words of one spelling than the other, and no fewer, an article must write for
:func:`american_spelling` to tell."""


def american_spelling(text: str) -> bool | None:
    """Whether the text spells the American way ("defense", "neighbor", "organize"), the
    British way ("defence", "neighbour", "organise", as British, Irish, Commonwealth and most
    international English do) or neither clearly. Lower-case words only: names keep their own
    spelling ("the Kennedy Center", "the Department of Defense" in a London paper), but for the
    first word of a sentence."""
    lower = text.lower()  # faster to search than the text case-blind
    if len(lower) != len(text):  # a letter that lower-cases to two ("İ"): keep offsets
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    british = _spelt(_BRITISH, text, lower)
    american = _spelt(_AMERICAN, text, lower)
    if american >= british + SPELLING_LEAD and not british:
        return True
    if british >= american + SPELLING_LEAD and not american:
        return False
    return None


_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:]\s*|[\"“‘']\s*)$")


def _spelt(words: re.Pattern[str], text: str, lower: str) -> int:
    """How many of ``words`` (searched for in ``lower``, the text in lower case) the text
    writes in lower case or at a sentence's opening."""
    return sum(
        1
        for m in words.finditer(lower)
        if text[m.start()].islower()
        or _SENTENCE_OPENS.search(text[max(0, m.start() - 3) : m.start()])
    )


def _area(found: list[Entry]) -> bool:
    """Whether a name's best-known place is an area, not a town: what it owns, written after
    it with "'s", lies in it ("Balochistan's Musakhel district")."""
    best = max(found, key=prior_of, default=None)
    return best is not None and best.feature not in TOWN_FEATURES
