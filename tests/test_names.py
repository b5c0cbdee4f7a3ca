"""Names: countries, organisations, armed groups, regions and office-holders found in text."""

from __future__ import annotations

from typing import Any

import pytest

from newsevents.names import ActorLexicon
from newsevents.settings import Settings


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load(Settings().model)


def _found(lexicon: ActorLexicon, nlp: Any, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(doc[m.start : m.end].text, m.name.kind, m.name.country) for m in lexicon.mentions(doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas fired rockets.", ("Hamas", "group", "PSE")),
        ("Fighters of al-Qaeda struck.", ("al-Qaeda", "group", "IMG")),
        ("Police in the West Bank said.", ("West Bank", "region", "PSE")),
        ("A Fijian official said.", ("Fijian", "demonym", "FJI")),
    ],
)
def test_names_groups_regions_and_demonyms(
    lexicon: ActorLexicon, nlp: Any, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _found(lexicon, nlp, text)


def test_names_group_abbreviation_needs_capitals(lexicon: ActorLexicon, nlp: Any) -> None:
    assert _found(lexicon, nlp, "The PKK attacked a post.") == [("PKK", "group", "TUR")]
    assert _found(lexicon, nlp, "The pkk attacked a post.") == []


def test_names_surname_only_at_the_end_of_a_persons_name(lexicon: ActorLexicon, nlp: Any) -> None:
    found = _found(lexicon, nlp, "Prime Minister Abiy Ahmed met Ahmed Ben Bella.")
    assert [f for f in found if f[1] == "person"] == [("Abiy Ahmed", "person", "ETH")]


def test_names_surname_the_parser_left_unlabelled(lexicon: ActorLexicon, nlp: Any) -> None:
    found = _found(lexicon, nlp, "Merkel met Macron in Paris.")
    assert ("Merkel", "person", "DEU") in found


def test_names_month_is_not_a_surname(lexicon: ActorLexicon, nlp: Any) -> None:
    found = _found(lexicon, nlp, "The talks resumed in May.")
    assert not [f for f in found if f[1] == "person"]


def test_names_former_seat_of_government_is_a_capital(lexicon: ActorLexicon, nlp: Any) -> None:
    assert ("Rangoon", "capital", "MMR") in _found(lexicon, nlp, "Rangoon rejected the plan.")
