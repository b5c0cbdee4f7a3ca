"""What the text says of its place names' relations, before resolution."""

from __future__ import annotations

from newsevents.gazetteer import Gazetteer
from newsevents.place_links import (
    dateline_end,
    dateline_keys,
    distinct_senses,
    opponent_keys,
    qualified_after,
    read_links,
)
from newsevents.toponyms import Mention


def _mentions(text: str, *names: str) -> tuple[list[Mention], list[str]]:
    found, at = [], 0
    for name in names:
        start = text.index(name, at)
        found.append(Mention(name, (start, start + len(name))))
        at = start + len(name)
    return found, [n.lower() for n in names]


def test_place_links_dateline_opens_the_text() -> None:
    text = "SEOUL (Reuters) — Troops moved near Paju."
    mentions, keys = _mentions(text, "SEOUL", "Paju")
    assert dateline_keys(mentions, keys, text, strict=True) == ["seoul"]
    text = "Troops moved near Paju, officials in Seoul said."
    mentions, keys = _mentions(text, "Paju", "Seoul")
    assert dateline_keys(mentions, keys, text) == []


def test_place_links_dateline_end_is_after_its_dash() -> None:
    text = "KYIV, Ukraine (AP) — Gunmen killed five people in Kharkiv on Tuesday."
    assert text[: dateline_end(text)] == "KYIV, Ukraine (AP) —"
    assert dateline_end("A U.S.-led coalition struck Mosul.") == 0  # a hyphen, no dateline


def test_place_links_town_comma_area_is_a_pair_but_not_a_list(gazetteer: Gazetteer) -> None:
    text = "Floods hit Dublin, Ohio on Monday."
    mentions, keys = _mentions(text, "Dublin", "Ohio")
    cands = {k: gazetteer.candidates(m.text) for k, m in zip(keys, mentions, strict=True)}
    assert read_links(mentions, keys, text, cands).host == {"dublin": "ohio"}
    text = "Stops in Washington, New York and Boston."
    mentions, keys = _mentions(text, "Washington", "New York", "Boston")
    cands = {k: gazetteer.candidates(m.text) for k, m in zip(keys, mentions, strict=True)}
    assert read_links(mentions, keys, text, cands).host == {}


def test_place_links_a_name_inside_an_organisation_hosts_no_town(gazetteer: Gazetteer) -> None:
    text = "A man was stabbed in Lewisham, Scotland Yard said."
    (town, _), at = _mentions(text, "Lewisham"), text.index("Scotland")
    mentions = [*town, Mention("Scotland", (at, at + 8), embedded=True)]
    keys = ["lewisham", "scotland"]
    cands = {k: gazetteer.candidates(m.text) for k, m in zip(keys, mentions, strict=True)}
    assert read_links(mentions, keys, text, cands).host == {}


def test_place_links_a_name_before_two_states_is_two_senses(gazetteer: Gazetteer) -> None:
    text = "She left Springfield, Mo., for Springfield, Ill., and later came back to Springfield."
    mentions, keys = _mentions(text, "Springfield", "Mo.", "Springfield", "Ill.", "Springfield")
    senses = distinct_senses(mentions, keys, text, gazetteer)
    assert senses == ["springfield", "mo.", "springfield (ill.)", "ill.", "springfield"]


def test_place_links_a_list_of_towns_keeps_one_sense(gazetteer: Gazetteer) -> None:
    text = "Storms hit Columbus, Dayton and Toledo, then Columbus, Ohio again."
    mentions, keys = _mentions(text, "Columbus", "Dayton", "Toledo", "Columbus", "Ohio")
    assert distinct_senses(mentions, keys, text, gazetteer) == keys


def _qualified_features(text: str, name: str, gazetteer: Gazetteer) -> set[str]:
    """The features of the candidates :func:`qualified_after` keeps for ``name`` in ``text``."""
    mentions, keys = _mentions(text, name)
    key = keys[0]
    kept = qualified_after({key: gazetteer.candidates(name)}, mentions, keys, text)
    return {e.feature for e in kept[key]}


def test_place_links_lowercase_state_after_a_name_keeps_its_areas(gazetteer: Gazetteer) -> None:
    features = _qualified_features("Washington state officials met.", "Washington", gazetteer)
    assert features <= {"admin1", "admin2"}
    assert "capital" in _qualified_features("Washington officials met.", "Washington", gazetteer)


def test_place_links_the_state_city_is_a_city_of_the_state_not_of_its_name(
    gazetteer: Gazetteer,
) -> None:
    text = "The mayor said the Minnesota city has grown."
    assert "admin1" in _qualified_features(text, "Minnesota", gazetteer)  # not Minneota, a town
    text = "Traffic was slow in Cork city on Friday."
    assert _qualified_features(text, "Cork", gazetteer) <= {"city", "capital"}
    text = "The Denmark city council hired a police chief."
    assert _qualified_features(text, "Denmark", gazetteer) <= {"city", "capital"}  # its offices


def test_place_links_opponents_are_named_after_a_word_of_playing_in_a_game_report() -> None:
    text = "Mississippi State beat Louisville in overtime. The coach hailed the season's games."
    mentions, keys = _mentions(text, "Mississippi", "Louisville")
    assert opponent_keys(mentions, keys, text) == {"louisville"}
    text = "Protesters marched against Louisville police in Mississippi."
    mentions, keys = _mentions(text, "Louisville", "Mississippi")
    assert opponent_keys(mentions, keys, text) == frozenset()
