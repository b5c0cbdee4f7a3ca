"""Stances: announced acts, ultimatums and refusals coded as PLOVER codes them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.records import Doc, Event
from newsevents.settings import Settings
from newsevents.stages.events import make_events
from newsevents.stances import INTENTIONS

Stage = Callable[[Doc], Doc]


@pytest.fixture(scope="module")
def events_stage() -> Stage:
    return make_events(Settings())


@pytest.fixture
def events(make_doc: Callable[..., Doc], events_stage: Stage) -> Callable[[str], list[Event]]:
    return lambda text: list(events_stage(make_doc(text)).events)


def _one(found: list[Event], category: str) -> Event:
    hits = [e for e in found if e.type == category]
    assert len(hits) == 1, [(e.type, e.trigger.text) for e in found]
    return hits[0]


def _main(found: list[Event]) -> Event:
    asserted = [e for e in found if e.polarity == "asserted"]
    assert asserted, [(e.type, e.polarity) for e in found]
    return max(asserted, key=lambda e: (e.confidence, -e.trigger.span[0]))


def test_stances_intentions_cover_harm_and_cooperation() -> None:
    assert set(INTENTIONS.values()) == {"THREATEN", "AGREE"}
    assert INTENTIONS["ASSAULT"] == "THREATEN" and INTENTIONS["AID"] == "AGREE"


@pytest.mark.parametrize(
    "text",
    [
        "Turkey said it will not accept more refugees from the region.",
        "The governor declined to release the detained journalists.",
        "The two parties failed to reach an agreement on the budget.",
        "The president is not willing to negotiate with the rebels.",
    ],
)
def test_stances_refused_cooperation_is_reject(
    events: Callable[[str], list[Event]], text: str
) -> None:
    event = _main(events(text))
    assert (event.type, event.polarity) == ("REJECT", "asserted")


def test_stances_denied_event_is_no_refusal(events: Callable[[str], list[Event]]) -> None:
    found = events("No agreement was reached at the talks.")
    assert "REJECT" not in [e.type for e in found]


def test_stances_refused_attack_is_no_reject(events: Callable[[str], list[Event]]) -> None:
    found = events("The army did not attack the village.")
    assert [e.type for e in found] == ["ASSAULT"]


def test_stances_conditional_announcement_is_threat(events: Callable[[str], list[Event]]) -> None:
    text = "Kenya announced it will withdraw its troops unless the fighting stops."
    event = _main(events(text))
    assert event.type == "THREATEN"


def test_stances_announced_withdrawal_of_inspectors_threatens_sanction(
    events: Callable[[str], list[Event]],
) -> None:
    found = events("The agency said it will withdraw its inspectors from the country.")
    assert _one(found, "SANCTION").polarity == "hypothetical"
    assert _main(found).type == "THREATEN"


@pytest.mark.parametrize(
    ("text", "category", "mode"),
    [
        ("Rebels vowed to attack the base.", "THREATEN", "violence"),
        ("The president said he will extend the curfew in the capital.", "THREATEN", "restrict"),
        ("The governor declined to release the detained journalists.", "REJECT", "yield"),
        ("The president is not willing to negotiate with the rebels.", "REJECT", "meet"),
    ],
)
def test_stances_stance_mode_follows_the_act(
    events: Callable[[str], list[Event]], text: str, category: str, mode: str
) -> None:
    assert _one(events(text), category).mode == mode


def test_stances_question_announces_nothing(events: Callable[[str], list[Event]]) -> None:
    found = events("Will the government impose a curfew tonight?")
    assert [(e.type, e.polarity) for e in found] == [("COERCE", "hypothetical")]


def test_stances_refusal_inside_a_condition_is_no_reject(
    events: Callable[[str], list[Event]],
) -> None:
    text = "Turkey said it would launch an offensive if the militants did not withdraw."
    found = events(text)
    assert "REJECT" not in [e.type for e in found]
    assert _main(found).type == "THREATEN"


def test_stances_act_not_yet_done_is_no_refusal(events: Callable[[str], list[Event]]) -> None:
    found = events("The two sides have not yet agreed on a date for the talks.")
    assert "REJECT" not in [e.type for e in found]


def test_stances_nobody_refuses_nothing(events: Callable[[str], list[Event]]) -> None:
    assert "REJECT" not in [e.type for e in events("Nobody accepted the offer.")]
