"""Geoparsing: resolve each place mention of an article to one gazetteer entry.

Mentions come from :mod:`newsevents.toponyms` (``find_mentions`` is re-exported here).

Resolution scores every candidate entry of a name: a prior from its feature type, population and
how the name matched, then, in a second pass, support from the rest of the article: the countries
the article is about, places that contain or lie near the candidate, and "Town, State" pairs.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsevents.gazetteer import (
    MATCH_ALIAS,
    MATCH_ALTERNATE,
    MATCH_CONTEXT,
    Entry,
    Gazetteer,
    distance_km,
    normalize,
)
from newsevents.records import Place
from newsevents.toponyms import Mention, find_mentions, is_generic

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
        "gulf",
        "strait",
        "disputed",
        "river",
        "mountains",
    }
)
"""Features too wide to be where an event happened when the article names a place inside them."""
ADMIN_FEATURES = frozenset({"admin1", "admin2"})
_AREA_PRECISION = {"country": 3, "continent": 3, "admin1": 3}

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
"""Supplement places have no population; they were curated because news names them."""
MATCH_PRIOR = {MATCH_ALTERNATE: -3.0, MATCH_ALIAS: 0.0}
"""GeoNames alternate names are often translations ("White House" is Casablanca): a penalty."""
COUNTRY_WEIGHT = 2.5
"""Bonus for lying in the countries the rest of the article names, times their share."""
LARGE_CITY = 500_000
HUGE_CITY = 5_000_000
"""A city this large shadows its province even through an alternate name ("New York")."""
INNER_FEATURES = frozenset({"country", "continent", "admin1", "admin2", "capital"})
INNER_POPULATION = 50_000
"""A place named inside an unknown name must be an area or a town this large to stand for it."""
SHADOW_PENALTY = 5.0
"""Taken from an admin area named after a large city of its own: the city wins unless the text
places a town inside the area ("Tacoma, Washington")."""
PAIR_BONUS = 6.0
"""For a candidate that "Town, Area" pairs agree with, in either direction."""
DATELINE_WEIGHT = 3
"""A dateline's place counts as this many extra mentions towards the article's countries."""
WIDE_KM = 500
"""Areas wider than this contain only what is declared inside them (country, admin1, parent)."""


def precision_of(entry: Entry) -> int:
    """ACLED geo-precision of a resolved entry: 1 town or feature, 2 part of a region, 3 area."""
    if entry.feature in _AREA_PRECISION:
        return 3
    if entry.match == MATCH_CONTEXT:  # a street or building placed at the article's focus
        return 2
    return 2 if entry.feature in COARSE else 1


def contains(outer: Entry, inner: Entry) -> bool:
    """Whether ``inner`` lies within ``outer``: by parent, country, admin1, or distance."""
    if outer.id == inner.id:
        return False
    if outer.supplement_id and inner.parent == outer.supplement_id:
        return True
    if outer.feature == "country":  # places of no country (seas, zones) lie in none
        return inner.country == outer.country and inner.feature != "country"
    if outer.feature == "admin1":
        return inner.country == outer.country and inner.admin1 == outer.name
    if outer.radius_km > WIDE_KM:  # "the Indo-Pacific" does not place a town
        return False
    return distance_km(outer.lat, outer.lon, inner.lat, inner.lon) <= outer.radius_km


# --- resolution ----------------------------------------------------------------------------


def resolve(
    mentions: Sequence[Mention], gazetteer: Gazetteer, text: str = "", backoff: bool = True
) -> list[tuple[Entry, float] | None]:
    """The best entry for each mention and a 0..1 confidence; None where nothing matched.

    One sense per article: every mention of the same name resolves to the same entry. A name the
    gazetteer lacks is resolved by the place name inside it ("University of Alberta"); with
    ``backoff``, a name still unknown (a street, a building) is placed at the article's focus,
    at precision 2 and low confidence (see :func:`focus_of`).
    """
    keys = [normalize(m.text) for m in mentions]
    cands = {k: _candidates(m.text, gazetteer) for k, m in zip(keys, mentions, strict=True)}
    cands = {k: c for k, c in cands.items() if c}
    counts = Counter(keys)
    for key in _dateline_keys(mentions, keys, text):
        counts[key] += DATELINE_WEIGHT
    first = {k: max(c, key=_prior) for k, c in cands.items()}
    context = _Context(first, counts, {k: _soft_votes(c) for k, c in cands.items()})
    pairs = _links(mentions, keys, text, cands)
    for _ in range(2):
        best = {k: _best(c, k, context, pairs) for k, c in cands.items()}
        context = _Context(best, context.counts)
    focus = focus_of(context) if backoff else None
    out: list[tuple[Entry, float] | None] = []
    for key in keys:
        if key not in cands:
            out.append(
                (replace(focus, geonameid=None, match=MATCH_CONTEXT), 0.2) if focus else None
            )
            continue
        scores = sorted((_score(e, key, context, pairs) for e in cands[key]), reverse=True)
        margin = scores[0] - scores[1] if len(scores) > 1 else 4.0
        out.append((context.best[key], round(min(0.99, 1 / (1 + math.exp(-margin))), 3)))
    return out


def _soft_votes(cands: list[Entry]) -> dict[str, float]:
    """A name's countries, each weighted by its best candidate's prior (10^(prior/2))."""
    weights: dict[str, float] = {}
    for e in cands:
        if e.country:
            weights[e.country] = max(weights.get(e.country, 0.0), 10 ** (_prior(e) / 2))
    total = sum(weights.values())
    return {c: w / total for c, w in weights.items()} if total else {}


def focus_of(context: _Context) -> Entry | None:
    """The article's focus: its most-mentioned specific place (a town, a feature), if one is
    named at least twice or is the only one, else its most-mentioned province or county, else
    its most-mentioned place of any kind."""
    ranked = sorted(
        ((context.counts[k], -i, e) for i, (k, e) in enumerate(context.best.items())),
        key=lambda t: (t[0], t[1]),
        reverse=True,
    )
    specific = [t for t in ranked if t[2].feature not in COARSE]
    if specific and (specific[0][0] >= 2 or len(specific) == 1):
        return specific[0][2]
    local = [t for t in ranked if t[2].feature not in COARSE or t[2].feature in ADMIN_FEATURES]
    return (local or ranked)[0][2] if ranked else None


_DATELINE = re.compile(r"\s*(\(|[—–-]|,\s*\w+\s*\(|\d)")


def _dateline_keys(mentions: Sequence[Mention], keys: list[str], text: str) -> list[str]:
    """ "SEOUL (Reuters) —", "NAIROBI, Kenya —": the place an article was filed from."""
    found = []
    for m, key in zip(mentions, keys, strict=True):
        start, end = m.span
        if start > 0 and text[:start].strip():
            break
        if m.text.isupper() or _DATELINE.match(text[end : end + 40]):
            found.append(key)
    return found


def _best(cands: list[Entry], key: str, context: _Context, pairs: _Links) -> Entry:
    return max(cands, key=lambda e: _score(e, key, context, pairs))


_TRAILING_QUALIFIERS = re.compile(r"\s+(city|county|province|state|region|district)$", re.I)


def _candidates(text: str, gazetteer: Gazetteer) -> list[Entry]:
    found = gazetteer.candidates(text)
    if not found and _TRAILING_QUALIFIERS.search(text):
        found = gazetteer.candidates(_TRAILING_QUALIFIERS.sub("", text))
    if found and is_generic(text):  # "West", "Gulf", "Valley": only a curated or wide place
        found = [e for e in found if e.supplement_id or e.feature in ("country", "continent")]
    return found or _inner_candidates(text, gazetteer)


def _inner_candidates(text: str, gazetteer: Gazetteer) -> list[Entry]:
    """The longest capitalised run of words inside an unknown name that names a sizeable place:
    "University of Alberta", "Walker County Sheriff's Office", "Tijuana River"."""
    words = text.split()
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            part = " ".join(words[i : i + size])
            if not part[:1].isupper() or is_generic(part):
                continue
            found = [e for e in gazetteer.candidates(part) if _sizeable(e)]
            if found:
                return found
    return []


def _sizeable(e: Entry) -> bool:
    return e.match != MATCH_ALTERNATE and (
        e.feature in INNER_FEATURES or e.population >= INNER_POPULATION
    )


def _shadowed(found: list[Entry]) -> list[Entry]:
    """Admin areas named after a large city of theirs among a name's candidates."""
    cities = {e.country for e in found if e.feature in ("city", "capital") and _shadows(e)}
    return [e for e in found if e.feature in ("admin1", "admin2") and e.country in cities]


def _shadows(city: Entry) -> bool:
    if city.match >= MATCH_ALIAS:
        return city.population >= LARGE_CITY
    return city.population >= HUGE_CITY


def _prior(e: Entry) -> float:
    if e.supplement_id:
        base = SUPPLEMENT_PRIOR
    else:
        base = math.log10(e.population + 1) + FEATURE_PRIOR.get(e.feature, 0.0)
    return base + MATCH_PRIOR.get(e.match, 0.0)


class _Context:
    """What the rest of the article says: its countries, the places its other names are.

    ``votes`` spreads each name's mentions over countries; by default all go to the country of
    its best entry. The first pass spreads an ambiguous name over its candidates' countries
    (see :func:`_soft_votes`), so that a local article's ambiguous names do not outvote its
    unambiguous ones by agreeing on a famous namesake's country.
    """

    def __init__(
        self,
        best: dict[str, Entry],
        counts: Counter[str],
        votes: dict[str, dict[str, float]] | None = None,
    ) -> None:
        self.best, self.counts = best, counts
        if votes is None:
            votes = {k: {e.country: 1.0} for k, e in best.items() if e.country}
        self.votes = votes
        self.countries: defaultdict[str, float] = defaultdict(float)
        for key, vote in votes.items():
            for country, weight in vote.items():
                self.countries[country] += counts[key] * weight
        self.total = sum(counts[k] for k in votes)

    def country_share(self, e: Entry, key: str) -> float:
        """Share of the article's other mentions that lie in the candidate's country."""
        vote = self.votes.get(key, {})
        own = self.counts[key] * vote.get(e.country or "", 0.0)
        total = self.total - (self.counts[key] if vote else 0)
        return (self.countries[e.country or ""] - own) / total if total > 0 else 0.0

    def others(self, key: str) -> list[Entry]:
        return [e for k, e in self.best.items() if k != key]


def _score(e: Entry, key: str, context: _Context, links: _Links) -> float:
    score = _prior(e) + COUNTRY_WEIGHT * context.country_share(e, key)
    score -= SHADOW_PENALTY if e.id in links.shadowed else 0.0
    host = context.best.get(links.host.get(key, ""))
    if host is not None and (contains(host, e) or _close(e, host)):
        score += PAIR_BONUS
    inner = context.best.get(links.inner.get(key, ""))
    if inner is not None and contains(e, inner):
        score += PAIR_BONUS
    return score + max((_support(e, other) for other in context.others(key)), default=0.0)


def _support(e: Entry, other: Entry) -> float:
    """How much another place of the article supports candidate ``e``."""
    if contains(other, e) and other.feature != "country":
        return 2.0
    if contains(e, other) and e.feature in ("admin1", "admin2", "country"):
        return 1.0
    return 1.0 if other.feature not in COARSE and _close(e, other) else 0.0


def _close(a: Entry, b: Entry) -> bool:
    return distance_km(a.lat, a.lon, b.lat, b.lon) < 150


@dataclass(frozen=True)
class _Links:
    """What the text says about names' relations, fixed for an article."""

    host: dict[str, str]
    """ "Dublin, Ohio": the first name's key → the key of the place it is said to lie in."""
    inner: dict[str, str]
    """The reverse: "ohio" → "dublin"."""
    shadowed: frozenset[int]
    """Admin areas named after a large city of theirs: "New York" alone is the city."""


def _links(
    mentions: Sequence[Mention], keys: list[str], text: str, cands: dict[str, list[Entry]]
) -> _Links:
    host: dict[str, str] = {}
    for a, b, ka, kb in zip(mentions, mentions[1:], keys, keys[1:], strict=False):
        if text[a.span[1] : b.span[0]].strip() == "," and ka != kb:
            host.setdefault(ka, kb)
    inner = {kb: ka for ka, kb in host.items()}
    shadowed = frozenset(e.id for c in cands.values() for e in _shadowed(c))
    return _Links(host, inner, shadowed)


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
