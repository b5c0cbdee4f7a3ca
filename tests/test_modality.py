"""Polarity of an event trigger: asserted, negated, hypothetical or generic."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsevents.modality import disavowed, embedding, intent, polarity, ultimatum
from newsevents.records import Doc


def _token(nlp: Any, text: str, word: str) -> Any:
    return next(t for t in nlp(text) if t.text == word)


def _polarity(nlp: Any, text: str, trigger: str) -> str:
    anchor = _token(nlp, text, trigger)
    return polarity(anchor, anchor.sent)


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


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The union demanded that the company withdraw the layoffs.", "withdraw"),
        ("The envoy repeated his demand that the army release the prisoners.", "release"),
        ("The opposition repeated its call for the government to resign.", "resign"),
    ],
)
def test_modality_demanded_act_is_hypothetical(nlp: Any, text: str, trigger: str) -> None:
    assert _polarity(nlp, text, trigger) == "hypothetical"


def test_modality_attempted_act_is_asserted(nlp: Any) -> None:
    text = "Hackers tried to break into the ministry's servers."
    assert _polarity(nlp, text, "break") == "asserted"


def test_modality_they_in_present_is_not_generic(nlp: Any) -> None:
    text = "The leaders said they are willing to forgive the president."
    assert _polarity(nlp, text, "forgive") == "hypothetical"


def test_modality_dated_present_is_not_generic(nlp: Any) -> None:
    text = "Negotiators return to Geneva this week for talks on the missiles."
    assert _polarity(nlp, text, "return") == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger", "depth"),
    [
        ("Rebels attacked the convoy.", "attacked", 0),
        ("Officials said rebels attacked the convoy.", "attacked", 0),
        ("Rebels attacked the convoy and burned the trucks.", "burned", 0),
        ("The army left the town after rebels attacked the convoy.", "attacked", 1),
        ("The army left the town after weeks of fighting.", "fighting", 2),
        ("The militia threatened to attack the town.", "attack", 1),
        ("Police arrested men who attacked the convoy.", "attacked", 1),
    ],
)
def test_modality_embedding_counts_clauses_below_the_main_one(
    nlp: Any, text: str, trigger: str, depth: int
) -> None:
    assert embedding(_token(nlp, text, trigger)) == depth


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The army will withdraw unless the rebels disarm.", "withdraw", True),
        ("The donors will cut aid if the killings do not stop.", "cut", True),
        ("The army will withdraw if the rebels disarm.", "withdraw", False),
        ("The army will withdraw next month.", "withdraw", False),
    ],
)
def test_modality_ultimatum_is_an_act_conditional_on_the_other_side(
    nlp: Any, text: str, trigger: str, expected: bool
) -> None:
    assert ultimatum(_token(nlp, text, trigger)) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The president is not willing to negotiate with the rebels.", True),
        ("The minister does not plan to resign.", True),
        ("The president is willing to negotiate with the rebels.", False),
    ],
)
def test_modality_disavowed_intention(nlp: Any, text: str, expected: bool) -> None:
    verb = next(t for t in nlp(text) if t.dep_ == "xcomp")
    assert disavowed(verb) is expected


def test_modality_intent_of_an_event_noun_under_its_verb(nlp: Any) -> None:
    anchor = _token(nlp, "Japan will provide 20 tonnes of food aid to the camps.", "aid")
    assert intent(anchor, anchor.sent)


def test_modality_event_noun_subject_of_condition_is_hypothetical(nlp: Any) -> None:
    assert _polarity(nlp, "If the talks fail, the rebels will fight on.", "talks") == "hypothetical"


def test_modality_denied_clause_is_negated(nlp: Any) -> None:
    text = "Officials denied that troops had shelled the town."
    assert _polarity(nlp, text, "shelled") == "negated"


def test_modality_present_stance_of_a_plural_is_not_generic(nlp: Any) -> None:
    text = "Officials are prepared to compromise."
    assert _polarity(nlp, text, "compromise") == "hypothetical"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Nobody accepted the offer.", "accepted"),
        ("No country recognised the new government.", "recognised"),
    ],
)
def test_modality_denying_subject_negates(nlp: Any, text: str, trigger: str) -> None:
    assert _polarity(nlp, text, trigger) == "negated"
