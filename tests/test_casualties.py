"""Casualties stage: counts read from the casualty words that belong to each event."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from newsevents.records import Actor, Article, Doc, Event, Sentence, Trigger
from newsevents.settings import Settings
from newsevents.stages.casualties import (
    event_casualties,
    load_lexicon,
    make_casualties,
    parse_number,
)
from newsevents.stages.parse import load_model


@pytest.fixture(scope="session")
def nlp() -> Any:
    return load_model(Settings().model)


def _event(text: str, trigger: str, nth: int = 0) -> Event:
    start = -1
    for _ in range(nth + 1):
        start = text.index(trigger, start + 1)
    span = (start, start + len(trigger))
    return Event(f"e{start}", "ASSAULT", Trigger(trigger, span), Sentence(text, (0, len(text))))


def _both(nlp: Any, text: str, first: str, second: str) -> tuple[Event, ...]:
    """The casualties stage over two hand-built events of one sentence."""
    events = (_event(text, first), _event(text, second))
    doc = Doc(Article("a", text), parsed=nlp(text), events=events)
    return make_casualties(Settings())(doc).events


def _counts(nlp: Any, text: str, trigger: str) -> dict[str, int | None]:
    parsed = nlp(text)
    casualties = event_casualties(_event(text, trigger), parsed, load_lexicon())
    return {k: v for k, v in casualties.to_dict().items() if k != "evidence"}


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("12", 12),
        ("1,000", 1000),
        ("twelve", 12),
        ("two dozen", 24),
        ("twenty-five", 25),
        ("a few", 3),
        ("several hundred", 300),
        ("1.5 million", 1_500_000),
        ("at least 5", 5),
        ("more than 20", 20),
        ("dozens", 12),
        ("hundreds", 100),
    ],
)
def test_casualties_parse_number(words: str, value: int) -> None:
    assert parse_number(words.split(), load_lexicon()) == value


def test_casualties_parse_number_none_without_figure() -> None:
    assert parse_number(["many", "people"], load_lexicon()) is None


@pytest.mark.parametrize(
    ("text", "trigger", "killed", "injured", "arrested"),
    [
        ("Gunmen opened fire, killing 8 people and wounding about 20.", "opened", 8, 20, None),
        ("3 soldiers were killed.", "killed", 3, None, None),
        ("The death toll rose to 40.", "toll", 40, None, None),
        ("Police arrested 15 protesters on Tuesday.", "arrested", None, None, 15),
        ("A North Korean soldier was shot and wounded by his troops.", "shot", None, 1, None),
        ("A man was killed.", "killed", 1, None, None),
        ("Three soldiers were killed and 20 wounded in the attack.", "attack", 3, 20, None),
        ("A man was shot dead by police, leaving five people injured.", "shot", 1, 5, None),
        ("Two dozen people were arrested in the capital.", "arrested", None, None, 24),
        ("Dozens of people were injured in the clashes.", "clashes", None, 12, None),
        ("The blast killed 12 people and injured more than 40.", "blast", 12, 40, None),
        ("A Palestinian prisoner died in police custody.", "died", 1, None, None),
        ("Rebels shelled the city, killing at least 156 people.", "shelled", 156, None, None),
        ("Fighting killed 40 rebels and 12 soldiers.", "killed", 52, None, None),
        ("The bombing claimed the lives of 30 people.", "bombing", 30, None, None),
        ("The bombing claimed 30 lives.", "bombing", 30, None, None),
        ("Twelve people lost their lives in the shelling.", "shelling", 12, None, None),
        ("Medics saved 30 lives during the shelling.", "shelling", None, None, None),
        ("Troops killed three gunmen and a bystander in the raid.", "killed", 4, None, None),
    ],
)
def test_casualties_counts(
    nlp: Any, text: str, trigger: str, killed: int, injured: int, arrested: int
) -> None:
    assert _counts(nlp, text, trigger) == {
        "killed": killed,
        "injured": injured,
        "arrested": arrested,
    }


def test_casualties_not_stated_is_none(nlp: Any) -> None:
    counts = _counts(nlp, "Gunmen attacked the village at dawn.", "attacked")
    assert counts == {"killed": None, "injured": None, "arrested": None}


def test_casualties_plural_without_figure_is_none(nlp: Any) -> None:
    counts = _counts(nlp, "Soldiers were killed in the attack.", "attack")
    assert counts["killed"] is None


def test_casualties_count_stays_with_its_own_event(nlp: Any) -> None:
    text = "Police arrested five men after gunmen killed three villagers."
    out = _both(nlp, text, "arrested", "killed")
    assert out[0].casualties.arrested is not None and out[0].casualties.killed is None
    assert out[1].casualties.killed is not None and out[1].casualties.arrested is None
    assert out[0].casualties.arrested.value == 5
    assert out[1].casualties.killed.value == 3


def test_casualties_another_trigger_claims_the_word(nlp: Any) -> None:
    text = "A bomb exploded, killing five people, and police arrested three suspects."
    out = _both(nlp, text, "exploded", "arrested")
    assert out[1].casualties.killed is None
    assert out[1].casualties.arrested is not None and out[1].casualties.arrested.value == 3


def test_casualties_evidence_span_points_at_the_words(nlp: Any) -> None:
    text = "The blast killed at least 12 people."
    count = event_casualties(_event(text, "blast"), nlp(text), load_lexicon()).killed
    assert count is not None
    assert text[count.span[0] : count.span[1]] == count.text == "at least 12 people"


def test_casualties_alternative_states_no_figure(nlp: Any) -> None:
    counts = _counts(nlp, "Guerrillas shelled the camp, killing or wounding 50.", "shelled")
    assert counts == {"killed": None, "injured": None, "arrested": None}


def test_casualties_content_clause_is_another_event(nlp: Any) -> None:
    text = "Parliament demanded an admission that soldiers murdered more than 15,000 officers."
    assert _counts(nlp, text, "demanded")["killed"] is None


def test_casualties_state_adjective_is_not_a_count(nlp: Any) -> None:
    text = "Troops crawled to the wounded man and dragged him to safety."
    assert _counts(nlp, text, "dragged")["injured"] is None


def test_casualties_participle_trigger_keeps_its_own_toll(nlp: Any) -> None:
    text = "Militants arrested 12 people in the town on Wednesday, killing 18 people."
    out = _both(nlp, text, "arrested", "killing")
    assert out[0].casualties.killed is None
    assert out[0].casualties.arrested is not None and out[0].casualties.arrested.value == 12
    assert out[1].casualties.killed is not None and out[1].casualties.killed.value == 18


@pytest.mark.parametrize(
    ("words", "value"),
    [(["12345678"], 12345678), (["1.5", "million"], 1_500_000), (["99999999999999999999"], None)],
)
def test_casualties_figures_are_exact_and_bounded(words: list[str], value: int | None) -> None:
    assert parse_number(words, load_lexicon()) == value


def test_casualties_conjoined_patients_give_the_recipient_its_own_figure(nlp: Any) -> None:
    """One act, two recipients: each event counts its own people, not the other's."""
    text = "Fighting killed 40 rebels and 12 soldiers."
    start = text.index("12 soldiers")
    event = replace(_event(text, "killed"), recipient=Actor("12 soldiers", (start, start + 11)))
    casualties = event_casualties(event, nlp(text), load_lexicon())
    assert casualties.killed is not None
    assert (casualties.killed.value, casualties.killed.text) == (12, "12 soldiers")
