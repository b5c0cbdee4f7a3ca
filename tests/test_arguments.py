"""Arguments: actor and recipient phrases read off the dependency tree, via the events stage."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.records import Doc, Event
from newsevents.settings import Settings
from newsevents.stages.events import make_events

Run = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def run(make_doc: Callable[..., Doc]) -> Run:
    stage = make_events(Settings())
    return lambda text: list(stage(make_doc(text)).events)


def _recipients(found: list[Event]) -> set[str]:
    return {e.recipient.text for e in found if e.recipient is not None}


def _actors(found: list[Event]) -> set[str]:
    return {e.actor.text for e in found if e.actor is not None}


def test_arguments_named_party_behind_a_thing_object(run: Run) -> None:
    found = run("The ministry cancelled a planned visit to Ghana after the vote.")
    assert "Ghana" in _recipients(found)


def test_arguments_possessor_inside_a_complement_is_the_recipient(run: Run) -> None:
    found = run("Norway denounced as a crime Chile's treatment of the miners.")
    assert "Chile" in _recipients(found)


def test_arguments_subject_of_a_condition_is_threatened(run: Run) -> None:
    found = run("Iran threatened to cut gas supplies unless Armenia paid its debts.")
    assert "Armenia" in _recipients(found)


def test_arguments_actors_own_troops_are_not_the_recipient(run: Run) -> None:
    found = run("Syria agreed to withdraw its troops from Lebanon.")
    assert "its troops" not in _recipients(found)
    assert "Lebanon" in _recipients(found)


def test_arguments_place_is_the_target_of_a_curfew(run: Run) -> None:
    found = run("The army imposed a curfew in Goma on Tuesday.")
    assert _recipients(found) == {"Goma"}


def test_arguments_material_act_keeps_its_thing_target(run: Run) -> None:
    found = run("Rebels attacked the bridge near Kenya's border.")
    assert _recipients(found) == {"the bridge"}


def test_arguments_date_is_never_a_recipient(run: Run) -> None:
    found = run("The junta declared a state of siege on Saturday.")
    assert "Saturday" not in _recipients(found)


def test_arguments_clause_on_a_noun_takes_the_issuer_as_actor(run: Run) -> None:
    found = run("The union issued a statement demanding that the government resign.")
    assert "The union" in _actors(found)


def test_arguments_agent_noun_with_a_clause_acts_itself(run: Run) -> None:
    found = run("Portuguese warplanes using cluster bombs killed nine villagers.")
    assert "Portuguese warplanes" in _actors(found)


def test_arguments_attack_noun_stands_for_an_unknown_attacker(run: Run) -> None:
    found = run("A roadside bombing killed four policemen.")
    assert "A roadside bombing" in _actors(found)


def test_arguments_sentence_initial_adjective_is_not_an_actor(run: Run) -> None:
    found = run("Recent Turkish airstrikes killed ten fighters.")
    assert "Recent" not in _actors(found)


def test_arguments_reflexive_object_is_not_the_recipient(run: Run) -> None:
    found = run("Two bombers blew themselves up in Haifa.")
    assert "themselves" not in _recipients(found)


def test_arguments_mediation_between_two_parties(run: Run) -> None:
    found = run("Oman began a mediation effort between Iran and Bahrain.")
    assert {"Iran", "Bahrain"} & _recipients(found)


def test_arguments_act_stands_for_the_attacker_of_a_passive(run: Run) -> None:
    found = run("A judge was killed in a bomb explosion in the capital.")
    assert "a bomb explosion" in _actors(found)


def test_arguments_partners_asked_to_act_are_the_recipient(run: Run) -> None:
    found = run("Spain demanded that its NATO allies refuse the request.")
    assert "its NATO allies" in _recipients(found)


def test_arguments_possessor_in_a_place_phrase_is_no_party(run: Run) -> None:
    found = run("Inmates rioted at a prison in Kenya's capital on Monday.")
    assert "Kenya" not in _recipients(found)


def test_arguments_measure_after_by_is_no_agent(run: Run) -> None:
    found = run("The governor on Monday shortened by two hours the curfew in the city.")
    assert "two hours" not in _actors(found)


def test_arguments_staged_strike_is_the_strikers_act(run: Run) -> None:
    found = run("Nurses staged a hunger strike outside the ministry.")
    assert "Nurses" in _actors(found)


def test_arguments_complaint_is_about_the_accused_not_the_addressee(run: Run) -> None:
    found = run("Chad complained to the African Union over Sudanese border raids.")
    accuse = [e for e in found if e.type == "ACCUSE"]
    assert accuse and {e.recipient.text for e in accuse if e.recipient} == {"Sudanese border raids"}


def test_arguments_coordinated_nationalities_are_one_actor_each(run: Run) -> None:
    found = run("Senior Hungarian and Romanian officials agreed to cooperate.")
    assert {"Hungarian", "Romanian"} <= _actors(found)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Serb forces were engaged in ethnic cleansing in the province.", "Serb forces"),
        ("Syrian troops were involved in heavy fighting near the border.", "Syrian troops"),
        ("Iraqi soldiers took part in the attack on the village.", "Iraqi soldiers"),
    ],
)
def test_arguments_participant_subject_does_the_act_noun(run: Run, text: str, actor: str) -> None:
    assert actor in _actors(run(text))


def test_arguments_taking_something_else_is_no_participation(run: Run) -> None:
    found = run("Iraqi soldiers took photographs of the attack on the village.")
    assert "Iraqi soldiers" not in _actors(found)


@pytest.mark.parametrize(
    "text",
    ["Egypt is opposed to the plan.", "Egypt is opposed to French mediation, an aide said."],
)
def test_arguments_stance_participle_subject_is_the_actor(run: Run, text: str) -> None:
    found = run(text)
    assert "Egypt" in _actors(found)
    assert "Egypt" not in _recipients(found)


def test_arguments_passive_with_agent_keeps_the_agent(run: Run) -> None:
    found = run("The plan was opposed by Egypt.")
    assert _actors(found) == {"Egypt"}
