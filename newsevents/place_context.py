"""What the rest of an article says when one of its names is resolved: the countries and
states (first-level divisions) its other names lie in, and the entry each name is chosen as.

Used by :mod:`newsevents.geoparse`, whose rounds of choice rebuild a :class:`Context` after each
change.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from newsevents.gazetteer import Entry
from newsevents.place_lookup import prior_of

__all__ = ["Context", "first_context", "state_of"]


def first_context(cands: dict[str, list[Entry]], counts: Counter[str]) -> Context:
    """The first pass's context: each name at its candidate of best prior, its mentions spread
    over its candidates' countries (see :func:`soft_votes`)."""
    first = {k: max(c, key=prior_of) for k, c in cands.items()}
    votes = {k: soft_votes(c, lambda e: e.country or "") for k, c in cands.items()}
    return Context(first, counts, votes, {k: soft_votes(c, state_of) for k, c in cands.items()})


def soft_votes(cands: list[Entry], area: Callable[[Entry], str]) -> dict[str, float]:
    """A name's areas (countries, states), each weighted by its best candidate's prior
    (10^(prior/2))."""
    weights: dict[str, float] = {}
    for e in cands:
        if where := area(e):
            weights[where] = max(weights.get(where, 0.0), 10 ** (prior_of(e) / 2))
    total = sum(weights.values())
    return {c: w / total for c, w in weights.items()} if total else {}


class Context:
    """What the rest of the article says: its countries and states, the places its other names are.

    ``votes`` spreads each name's mentions over countries; by default all go to the country of
    its best entry. The first pass spreads an ambiguous name over its candidates' countries
    (see :func:`soft_votes`), so that a local article's ambiguous names do not outvote its
    unambiguous ones by agreeing on a famous namesake's country. States (first-level
    divisions) are tallied the same way, from ``state_votes``.
    """

    def __init__(
        self,
        best: dict[str, Entry],
        counts: Counter[str],
        votes: dict[str, dict[str, float]] | None = None,
        state_votes: dict[str, dict[str, float]] | None = None,
    ) -> None:
        self.best, self.counts = best, counts
        if votes is None:
            votes = {k: {e.country: 1.0} for k, e in best.items() if e.country}
        if state_votes is None:
            state_votes = {k: {state_of(e): 1.0} for k, e in best.items() if state_of(e)}
        self.votes = Tally(votes, counts)
        self.countries = self.votes.totals
        self.states = Tally(state_votes, counts)
        self.scores: dict[tuple[int, str], float] = {}
        """Scores of (entry id, name) in this context (``geoparse._score``)."""

    def country_share(self, e: Entry, key: str) -> float:
        """Share of the article's other mentions that lie in the candidate's country."""
        return self.votes.share(e.country or "", key)

    def state_share(self, e: Entry, key: str) -> float:
        """Share of the article's other mentions in a state that lie in the candidate's."""
        return self.states.share(state_of(e), key) if state_of(e) else 0.0

    def others(self, key: str) -> list[Entry]:
        """The places of the article's other names, but not of names found only through
        another name it writes (counted 0: "Paris Junior College" beside "Paris")."""
        return [e for k, e in self.best.items() if k != key and self.counts[k]]


class Tally:
    """Mentions spread over areas (countries, or states), each name's by its votes."""

    def __init__(self, votes: dict[str, dict[str, float]], counts: Counter[str]) -> None:
        self.votes, self.counts = votes, counts
        self.totals: defaultdict[str, float] = defaultdict(float)
        for key, vote in votes.items():
            for area, weight in vote.items():
                self.totals[area] += counts[key] * weight
        self.total = sum(counts[k] for k in votes)

    def share(self, area: str, key: str) -> float:
        """Share of the other names' mentions that lie in ``area``."""
        vote = self.votes.get(key, {})
        own = self.counts[key] * vote.get(area, 0.0)
        total = self.total - (self.counts[key] if vote else 0)
        return (self.totals[area] - own) / total if total > 0 else 0.0


def state_of(e: Entry) -> str:
    """The entry's first-level division, as "country/name"; "" for wider places."""
    return f"{e.country}/{e.admin1}" if e.country and e.admin1 else ""
