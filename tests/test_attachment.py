"""Which place mention of a sentence is attached to an event verb, on sentences written for
these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsevents.attachment import attachment_cost, figurative, framing_level, relative_anchor


def _tokens(nlp: Any, text: str, trigger: str, place: str) -> tuple[Any, Any]:
    doc = nlp(text)
    verb = next(t for t in doc if t.text == trigger)
    start = text.index(place)
    return verb, doc.char_span(start, start + len(place), alignment_mode="expand").root


def _cost(nlp: Any, text: str, trigger: str, place: str, known: bool = True) -> float | None:
    return attachment_cost(*_tokens(nlp, text, trigger, place), known)


def test_attachment_verb_phrase_beats_object_phrase(nlp: Any) -> None:
    text = "Rebels attacked a convoy from Goma in Bunia."
    assert _cost(nlp, text, "attacked", "Goma") is None  # an origin
    assert _cost(nlp, text, "attacked", "Bunia") is not None


def test_attachment_nearer_place_costs_less(nlp: Any) -> None:
    text = "Gunmen killed a policeman in the town of Tulkarm in the West Bank."
    tulkarm = _cost(nlp, text, "killed", "Tulkarm")
    assert tulkarm is not None and tulkarm < 1.0


def test_attachment_subject_and_modifier_are_not_places(nlp: Any) -> None:
    assert _cost(nlp, "Kenya captured the commander.", "captured", "Kenya") is None
    assert _cost(nlp, "A U.S. helicopter was shot down.", "shot", "U.S.") is None


def test_attachment_other_clause_is_another_event(nlp: Any) -> None:
    text = "Rebels killed three soldiers, officials in Nairobi said."
    assert _cost(nlp, text, "killed", "Nairobi") is None


def test_attachment_coordinated_verbs_share_their_place(nlp: Any) -> None:
    text = "Police shot and killed two gunmen in Mombasa."
    assert _cost(nlp, text, "shot", "Mombasa") == _cost(nlp, text, "killed", "Mombasa")


@pytest.mark.parametrize(
    ("text", "place", "known"),
    [
        ("Troops entered the village of Zubayda.", "Zubayda", True),
        ("Troops entered the village of Zubayda.", "Zubayda", False),
        ("Troops patrolled near Zubayda.", "Zubayda", False),
    ],
)
def test_attachment_unknown_name_counts_where_framed(
    nlp: Any, text: str, place: str, known: bool
) -> None:
    trigger = text.split()[1]
    assert _cost(nlp, text, trigger, place, known) is not None


def test_attachment_unknown_name_as_bare_object_does_not_count(nlp: Any) -> None:
    assert _cost(nlp, "Troops captured Bishara.", "captured", "Bishara", known=False) is None


def test_attachment_unknown_name_entered_is_a_place(nlp: Any) -> None:
    text = "Troops entered Zubayda on Friday."
    assert _cost(nlp, text, "entered", "Zubayda", known=False) is not None


def test_attachment_owner_of_an_office_is_no_place(nlp: Any) -> None:
    text = "Hundreds of farmers marched outside John Mbeki's offices."
    assert _cost(nlp, text, "marched", "Mbeki", known=False) is None
    town = "Hundreds of farmers marched through the Zubayda countryside."
    assert _cost(nlp, town, "marched", "Zubayda", known=False) is not None


def test_attachment_participle_on_the_object_shares_its_place(nlp: Any) -> None:
    text = "Gunmen attacked a convoy travelling through Kirkuk on Monday."
    assert _cost(nlp, text, "attacked", "Kirkuk") is not None


def test_attachment_verb_after_a_preposition_shares_its_place(nlp: Any) -> None:
    text = "Two soldiers were killed after being ambushed in Tessalit."
    cost = _cost(nlp, text, "killed", "Tessalit")
    assert cost is not None and cost > _cost(nlp, "Two soldiers were killed in Tessalit.",
                                              "killed", "Tessalit")  # fmt: skip


@pytest.mark.parametrize(
    ("text", "name", "level"),
    [
        ("Gunmen struck the West Bank city of Nablus.", "Nablus", 0),
        ("Gunmen struck the West Bank city of Nablus.", "West Bank", None),
        ("Gunmen struck the Yaqshid district.", "Yaqshid", 0),
        ("Gunmen struck the province of Helmand.", "Helmand", 3),
        ("Gunmen struck the Zafaraniyah district of Baghdad.", "Zafaraniyah", 0),
        ("Gunmen struck the Zafaraniyah district of Baghdad.", "Baghdad", 2),
        ("Gunmen struck the Nahdha area in central Baghdad.", "Baghdad", 2),
    ],
)
def test_attachment_framing_level_of_a_name(
    nlp: Any, text: str, name: str, level: int | None
) -> None:
    assert framing_level(_tokens(nlp, text, "struck", name)[1]) == level


def test_attachment_relative_position_has_an_anchor(nlp: Any) -> None:
    _, bunia = _tokens(nlp, "Troops shelled positions north of Bunia.", "shelled", "Bunia")
    anchor = relative_anchor(bunia)
    assert anchor is not None and anchor.text == "north"
    assert relative_anchor(_tokens(nlp, "Troops shelled Bunia.", "shelled", "Bunia")[1]) is None


def test_attachment_participle_on_a_noun_shares_its_verbs_place(nlp: Any) -> None:
    text = "A bomber blew himself up in Ramadi among mourners attending a funeral."
    cost = _cost(nlp, text, "attending", "Ramadi")
    assert cost is not None and cost > _cost(nlp, text, "blew", "Ramadi")


def test_attachment_place_of_a_party_or_target_is_not_the_events(nlp: Any) -> None:
    text = "Four soldiers were killed during clashes with rebels in Aleppo."
    assert _cost(nlp, text, "killed", "Aleppo") is None
    agent = "Two men were killed by soldiers in Hebron."
    assert _cost(nlp, agent, "killed", "Hebron") is not None


def test_attachment_background_after_amid_is_no_place(nlp: Any) -> None:
    text = "Thousands have been killed amid a refugee crisis in Europe."
    assert _cost(nlp, text, "killed", "Europe") is None


def test_attachment_aim_of_a_coordinated_verb_is_another_event(nlp: Any) -> None:
    text = "The soldier was captured in June and is believed to be held in Gaza."
    assert _cost(nlp, text, "captured", "Gaza") is None
    own = "The rebels tried to march into Kinshasa."
    assert _cost(nlp, own, "tried", "Kinshasa") is not None


def test_attachment_state_of_an_embassy_is_no_place(nlp: Any) -> None:
    text = "Students protested outside the U.S. embassy in Beijing."
    assert _cost(nlp, text, "protested", "U.S.") is None
    assert _cost(nlp, text, "protested", "Beijing") is not None


def test_attachment_event_named_after_a_place_is_no_place(nlp: Any) -> None:
    doc = nlp("The campaign took place during the Vietnam War.")
    war = next(t for t in doc if t.text == "War")
    if war.ent_type_ != "EVENT":
        pytest.skip("the tagger does not call the war an event")
    assert _cost(nlp, doc.text, "took", "Vietnam") is None


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("She captured her third title in Rome.", "captured", True),
        ("The telescope captured the best view of Mars.", "captured", True),
        ("The attack was captured on camera.", "captured", True),
        ("Rebels captured the town of Goma.", "captured", False),
        ("Police captured two suspects in Lagos.", "captured", False),
        ("Gunmen killed the champion in Lagos.", "killed", False),
    ],
)
def test_attachment_taking_a_prize_or_a_picture_is_figurative(
    nlp: Any, text: str, trigger: str, expected: bool
) -> None:
    verb = next(t for t in nlp(text) if t.text == trigger)
    assert figurative(verb) is expected
