"""Polarity of an event trigger: asserted, negated, hypothetical or generic."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsevents.modality import polarity
from newsevents.records import Doc


def _polarity(nlp: Any, text: str, trigger: str) -> str:
    sent = next(nlp(text).sents)
    anchor = next(t for t in sent if t.text == trigger)
    return polarity(anchor, sent)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rebels attacked the convoy near the border on Tuesday.", "attacked"),
        ("The ministry said troops shelled the village overnight.", "shelled"),
        ("Police arrested 15 protesters, witnesses told reporters.", "arrested"),
        ("Israeli troops shot a Palestinian teenager in Hebron.", "shot"),
    ],
)
def test_modality_plain_and_reported_events_asserted(nlp: Any, text: str, trigger: str) -> None:
    assert _polarity(nlp, text, trigger) == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Troops did not attack the village.", "attack"),
        ("The army has never shelled civilian areas.", "shelled"),
        ("There was no exchange of fire between the two sides.", "exchange"),
        ("The government denied attacking the village.", "attacking"),
        ("Police failed to arrest the suspect.", "arrest"),
        ("The minister refused to meet the delegation.", "meet"),
    ],
)
def test_modality_negated(nlp: Any, text: str, trigger: str) -> None:
    assert _polarity(nlp, text, trigger) == "negated"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Washington may impose sanctions on the company.", "impose"),
        ("The EU will impose new sanctions next month.", "impose"),
        ("If the rebels attack the city, the army will respond.", "attack"),
        ("The militia threatened to attack the town.", "attack"),
        ("The government plans to deport the migrants.", "deport"),
        ("Will the army attack the city?", "attack"),
        ("Analysts warned of the risk of an attack on the port.", "attack"),
        ("Officials discussed a potential attack on the base.", "attack"),
    ],
)
def test_modality_hypothetical(nlp: Any, text: str, trigger: str) -> None:
    assert _polarity(nlp, text, trigger) == "hypothetical"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Soldiers are ordered to shoot anyone who crosses the border.", "shoot"),
        ("The army often shells villages near the front.", "shells"),
        ("Most defectors are arrested at the border.", "arrested"),
    ],
)
def test_modality_generic(nlp: Any, text: str, trigger: str) -> None:
    assert _polarity(nlp, text, trigger) == "generic"


def test_modality_definite_subject_in_present_is_not_generic(nlp: Any) -> None:
    assert _polarity(nlp, "The soldiers shoot at the crowd.", "shoot") == "asserted"


def test_modality_threat_itself_is_asserted(nlp: Any) -> None:
    assert _polarity(nlp, "The militia threatened to attack the town.", "threatened") == "asserted"


def test_modality_negation_beats_modal(nlp: Any) -> None:
    assert _polarity(nlp, "The army will not attack the city.", "attack") == "negated"


def test_modality_reporting_verb_stops_the_chain(nlp: Any) -> None:
    """The modal belongs to the report ("may say"), not to the reported attack."""
    text = "Officials may say that troops attacked the village."
    assert _polarity(nlp, text, "attacked") == "asserted"


def test_modality_subject_of_a_future_verb_is_not_supposed(make_doc: Callable[..., Doc]) -> None:
    doc = make_doc("The sanctions imposed last year will worsen the crisis.")
    noun = next(t for t in doc.parsed if t.lower_ == "sanctions")
    assert polarity(noun, noun.sent) == "asserted"


def test_modality_future_occurrence_of_an_event_is_hypothetical(
    make_doc: Callable[..., Doc],
) -> None:
    doc = make_doc("The talks will take place in Geneva next week.")
    noun = next(t for t in doc.parsed if t.lower_ == "talks")
    assert polarity(noun, noun.sent) == "hypothetical"
