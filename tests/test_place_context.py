"""The article's context in resolution: the countries and states of its other names."""

from __future__ import annotations

from collections import Counter

from newsevents.gazetteer import Entry, Gazetteer
from newsevents.place_context import Context, first_context, state_of


def _town(gazetteer: Gazetteer, name: str, admin1: str) -> Entry:
    return next(e for e in gazetteer.candidates(name) if e.admin1 == admin1)


def test_place_context_state_share_counts_the_other_names(gazetteer: Gazetteer) -> None:
    chicago = _town(gazetteer, "Chicago", "Illinois")
    peoria = _town(gazetteer, "Peoria", "Illinois")
    springfield = _town(gazetteer, "Springfield", "Missouri")
    context = Context(
        {"chicago": chicago, "peoria": peoria, "springfield": springfield},
        Counter(chicago=1, peoria=1, springfield=1),
    )
    assert context.state_share(peoria, "peoria") == 0.5  # Chicago's, not Springfield's
    assert context.state_share(springfield, "springfield") == 0.0
    assert context.country_share(springfield, "springfield") == 1.0


def test_place_context_a_country_has_no_state(gazetteer: Gazetteer) -> None:
    kenya = next(e for e in gazetteer.candidates("Kenya") if e.feature == "country")
    assert state_of(kenya) == ""
    assert state_of(_town(gazetteer, "Peoria", "Illinois")) == "USA/Illinois"


def test_place_context_first_context_spreads_an_ambiguous_name(gazetteer: Gazetteer) -> None:
    cands = {"peoria": gazetteer.candidates("Peoria"), "chicago": gazetteer.candidates("Chicago")}
    context = first_context(cands, Counter(peoria=1, chicago=1))
    arizona = _town(gazetteer, "Peoria", "Arizona")
    assert 0.0 < context.states.share("USA/Arizona", "chicago") < 1.0
    assert context.best["peoria"] == arizona  # the larger Peoria, before any context
