"""Surroundings: the country a phrase without a name of its own takes from its sentence."""

from __future__ import annotations

from collections.abc import Callable

from newsevents.names import ActorLexicon
from newsevents.records import Doc
from newsevents.settings import Settings
from newsevents.surroundings import country_around, located, make_context


def test_surroundings_located_through_an_apposition(make_doc: Callable[..., Doc]) -> None:
    parsed = make_doc("Militias clashed in the capital Tripoli.").parsed
    assert located(next(t for t in parsed if t.text == "Tripoli"))
    assert not located(next(t for t in parsed if t.text == "Militias"))


def test_surroundings_group_takes_the_country_it_is_located_in(
    make_doc: Callable[..., Doc],
) -> None:
    doc = make_doc("Police arrested protesters in Kenya.")
    ctx = make_context(ActorLexicon.load(Settings().model), doc)
    police = doc.parsed[0:1]
    assert country_around(ctx, police, "COP") == "KEN"


def test_surroundings_other_sides_country_is_not_borrowed(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc("The minister urged China to stop.")
    ctx = make_context(ActorLexicon.load(Settings().model), doc)
    minister = doc.parsed[0:2]
    china = doc.parsed[3:4]
    beside = (china.start_char, china.end_char)
    assert country_around(ctx, minister, "GOV", beside) is None
