"""Events stage: triggers, categories, arguments, polarity and ACLED refinement."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsevents.patterns import Lexicon
from newsevents.records import Acled, Actor, Doc, Event
from newsevents.settings import Settings
from newsevents.stages.events import find_matches, make_events
from newsevents.syntax import (
    conjuncts,
    governing_verb,
    is_passive,
    phrase_bounds,
    prep_objects,
    subject,
)

Stage = Callable[[Doc], Doc]


@pytest.fixture(scope="module")
def events_stage() -> Stage:
    return make_events(Settings())


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return Lexicon.load()


@pytest.fixture
def events(make_doc: Callable[..., Doc], events_stage: Stage) -> Callable[[str], list[Event]]:
    return lambda text: list(events_stage(make_doc(text)).events)


def _one(found: list[Event], category: str) -> Event:
    hits = [e for e in found if e.type == category]
    assert len(hits) == 1, [(e.type, e.trigger.text) for e in found]
    return hits[0]


def _text(actor: Actor | None) -> str | None:
    return actor.text if actor else None


# ------------------------------------------------------------------ categories


@pytest.mark.parametrize(
    ("text", "category", "mode", "trigger", "actor", "recipient"),
    [
        (
            "Gunmen shot two police officers outside a bank on Tuesday.",
            "ASSAULT",
            "firearms",
            "shot",
            "Gunmen",
            "two police officers",
        ),
        (
            "Rebels attacked a military convoy near the border.",
            "ASSAULT",
            None,
            "attacked",
            "Rebels",
            "a military convoy",
        ),
        (
            "Thousands of students protested against the new tax law.",
            "PROTEST",
            "demo",
            "protested",
            "Thousands of students",
            "the new tax law",
        ),
        (
            "Police arrested 15 protesters in the capital on Saturday.",
            "COERCE",
            "arrest",
            "arrested",
            "Police",
            "15 protesters",
        ),
        (
            "The foreign minister met with his Chinese counterpart in Beijing.",
            "CONSULT",
            None,
            "met",
            "The foreign minister",
            "his Chinese counterpart",
        ),
        (
            "Aid workers evacuated hundreds of civilians from the flooded town.",
            "AID",
            "humanitarian",
            "evacuated",
            "Aid workers",
            "hundreds of civilians",
        ),
    ],
)
def test_events_category_trigger_and_arguments(
    events: Callable[[str], list[Event]],
    text: str,
    category: str,
    mode: str | None,
    trigger: str,
    actor: str,
    recipient: str,
) -> None:
    event = _one(events(text), category)
    assert event.mode == mode
    assert event.trigger.text == trigger
    assert text[slice(*event.trigger.span)] == trigger
    assert _text(event.actor) == actor
    assert _text(event.recipient) == recipient
    assert event.polarity == "asserted"


def test_events_sanction_with_companion_is_one_event(events: Callable[[str], list[Event]]) -> None:
    found = events("The European Union imposed sanctions on Russia over the annexation.")
    event = _one(found, "SANCTION")
    assert event.trigger.text == "imposed sanctions"
    assert event.trigger.lemma == "impose"
    assert _text(event.actor) == "The European Union"
    assert event.cameo == "16"
    assert len(found) == 1


def test_events_sanction_recipient_from_on_phrase(events: Callable[[str], list[Event]]) -> None:
    event = _one(events("The European Union imposed sanctions on Russia."), "SANCTION")
    assert _text(event.recipient) == "Russia"


def test_events_threaten_asserted_and_threatened_act_hypothetical(
    events: Callable[[str], list[Event]],
) -> None:
    found = events("The militia threatened to attack the town if the army advanced.")
    threat = _one(found, "THREATEN")
    attack = _one(found, "ASSAULT")
    assert threat.polarity == "asserted"
    assert attack.polarity == "hypothetical"
    assert _text(threat.actor) == "The militia"
    assert _text(attack.actor) == "The militia"  # shared through the control verb
    assert _text(attack.recipient) == "the town"


def test_events_passive_by_agent_is_actor(events: Callable[[str], list[Event]]) -> None:
    event = _one(events("The village was attacked by rebels on Sunday."), "ASSAULT")
    assert _text(event.actor) == "rebels"
    assert _text(event.recipient) == "The village"


def test_events_coordinated_passive_merged_into_one(events: Callable[[str], list[Event]]) -> None:
    found = events("The soldier was shot and wounded by rebels.")
    event = _one(found, "ASSAULT")
    assert event.trigger.text == "shot"
    assert _text(event.actor) == "rebels"
    assert _text(event.recipient) == "The soldier"


def test_events_compound_actor_gives_one_event_each(events: Callable[[str], list[Event]]) -> None:
    found = events("The army and the police attacked the protesters.")
    assert [e.type for e in found] == ["ASSAULT", "ASSAULT"]
    assert {_text(e.actor) for e in found} == {"The army", "the police"}
    assert {_text(e.recipient) for e in found} == {"the protesters"}
    assert len({e.id for e in found}) == 2


def test_events_compound_actor_shared_by_coordinated_verbs(
    events: Callable[[str], list[Event]],
) -> None:
    found = events("Israeli troops and police raided the village and arrested 12 people.")
    arrests = [e for e in found if e.type == "COERCE"]
    assert {_text(e.actor) for e in arrests} == {"Israeli troops", "police"}
    assert {_text(e.recipient) for e in arrests} == {"12 people"}


def test_events_ids_are_stable_and_anchored_on_trigger(
    events: Callable[[str], list[Event]],
) -> None:
    text = "Rebels attacked a military convoy near the border."
    first, second = events(text), events(text)
    assert [e.id for e in first] == [e.id for e in second]
    assert first[0].id == f"t-{text.index('attacked')}-0"


# ------------------------------------------------------------------ polarity


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("Troops did not attack the village, the ministry said.", "ASSAULT", "negated"),
        ("There was no exchange of fire between the two sides.", "ASSAULT", "negated"),
        ("The government denied attacking the village.", "ASSAULT", "negated"),
        ("Washington may impose sanctions on the company.", "SANCTION", "hypothetical"),
        ("If the rebels attack the city, the army will respond.", "ASSAULT", "hypothetical"),
        ("Will the army attack the city?", "ASSAULT", "hypothetical"),
        ("Soldiers are ordered to shoot anyone who crosses the border.", "ASSAULT", "generic"),
        ("The army often shells villages near the front.", "ASSAULT", "generic"),
        ("Officials said troops attacked the village on Monday.", "ASSAULT", "asserted"),
    ],
)
def test_events_polarity(
    events: Callable[[str], list[Event]], text: str, category: str, expected: str
) -> None:
    assert _one(events(text), category).polarity == expected


def test_events_threatened_sanction_is_hypothetical(events: Callable[[str], list[Event]]) -> None:
    found = events("Turkey threatened to impose sanctions on the company.")
    assert _one(found, "THREATEN").polarity == "asserted"
    assert _one(found, "SANCTION").polarity == "hypothetical"
    assert _text(_one(found, "SANCTION").actor) == "Turkey"


def test_events_generic_keeps_controller_as_actor(events: Callable[[str], list[Event]]) -> None:
    event = _one(events("Soldiers are ordered to shoot anyone who crosses the border."), "ASSAULT")
    assert _text(event.actor) == "Soldiers"


def test_events_reported_speech_keeps_embedded_actor(
    events: Callable[[str], list[Event]],
) -> None:
    event = _one(events("Officials said troops attacked the village on Monday."), "ASSAULT")
    assert _text(event.actor) == "troops"
    assert _text(event.recipient) == "the village"


def test_events_quantified_any_attack_not_asserted(events: Callable[[str], list[Event]]) -> None:
    found = events("Our forces are ready to respond to any attack.")
    assert all(e.polarity != "asserted" for e in found if e.type == "ASSAULT")


# ------------------------------------------------------------------ anaphora, spurious triggers


def test_events_anaphoric_noun_gives_no_new_event(events: Callable[[str], list[Event]]) -> None:
    found = events("The EU imposed sanctions on Iran. These sanctions target the oil sector.")
    assert [e.type for e in found] == ["SANCTION"]
    assert found[0].trigger.text == "imposed sanctions"


def test_events_organisation_name_is_not_a_trigger(events: Callable[[str], list[Event]]) -> None:
    found = events("Amnesty International accused the army of torturing detainees.")
    assert "CONCEDE" not in {e.type for e in found}


def test_events_condemner_is_not_the_attacker(events: Callable[[str], list[Event]]) -> None:
    found = events("The United Nations condemned the attack.")
    assault = [e for e in found if e.type == "ASSAULT"]
    assert all(_text(e.actor) != "The United Nations" for e in assault)


def test_events_hyphenated_name_gives_one_recipient(events: Callable[[str], list[Event]]) -> None:
    found = events("Kim Jong Un met with Moon Jae-in at the border.")
    consult = [e for e in found if e.type == "CONSULT"]
    assert len(consult) == 1
    # the parser cuts the name; the actors stage widens it back to the whole name
    assert _text(consult[0].recipient).startswith("Moon Jae")


def test_events_min_confidence_drops_weak_events(make_doc: Callable[..., Doc]) -> None:
    text = "There was no exchange of fire between the two sides."
    assert make_events(Settings())(make_doc(text)).events
    strict = make_events(Settings(min_confidence=0.7))
    assert strict(make_doc(text)).events == ()


def test_events_sentence_record_covers_trigger(events: Callable[[str], list[Event]]) -> None:
    text = "Police made no comment. Rebels attacked a convoy near the border."
    event = _one(events(text), "ASSAULT")
    start, end = event.sentence.span
    assert text[start:end] == event.sentence.text == "Rebels attacked a convoy near the border."
    assert start <= event.trigger.span[0] < event.trigger.span[1] <= end


# ------------------------------------------------------------------ find_matches


def test_events_find_matches_companion_beats_bare_word(nlp: Any, lexicon: Lexicon) -> None:
    sent = next(nlp("The United States slapped sanctions on the bank.").sents)
    matches = find_matches(sent, lexicon)
    assert len(matches) == 1
    assert matches[0].pattern.category == "SANCTION"
    assert matches[0].companion is not None and matches[0].companion.text == "sanctions"
    assert (matches[0].start, matches[0].end) == (3, 5)


def test_events_find_matches_wrong_pos_is_ignored(nlp: Any, lexicon: Lexicon) -> None:
    sent = next(nlp("The attack was condemned.").sents)
    assert [m.pattern.pos for m in find_matches(sent, lexicon) if m.anchor.text == "attack"] == [
        "NOUN"
    ]


def test_events_user_lexicon_word_replaces_builtin(
    tmp_path: Path, make_doc: Callable[..., Doc]
) -> None:
    extra = tmp_path / "storm.toml"
    extra.write_text(
        '[[trigger]]\ncategory = "PROTEST"\nmode = "demo"\nverbs = ["storm"]\n',
        encoding="utf-8",
    )
    text = "Soldiers stormed the parliament building on Friday."
    builtin = make_events(Settings())(make_doc(text)).events
    custom = make_events(Settings(lexicons=(str(extra),)))(make_doc(text)).events
    assert [e.type for e in builtin] == ["ASSAULT"]
    assert [(e.type, e.mode) for e in custom] == [("PROTEST", "demo")]


# ------------------------------------------------------------------ syntax helpers the stage uses


def test_events_syntax_phrase_keeps_of_complement(nlp: Any) -> None:
    doc = nlp("A senior Ministry of Defense official attacked the post.")
    head = next(t for t in doc if t.text == "official")
    start, end = phrase_bounds(head)
    assert doc[start:end].text == "A senior Ministry of Defense official"
    doc = nlp("The army and the police attacked the protesters.")
    assert [t.text for t in conjuncts(doc[1])] == ["army", "police"]


def test_events_syntax_passive_subject_and_agent(nlp: Any) -> None:
    doc = nlp("The convoy was ambushed by militants near the border.")
    verb = next(t for t in doc if t.text == "ambushed")
    assert is_passive(verb)
    subj = subject(verb)
    assert subj is not None and subj.text == "convoy"
    assert [t.text for t in prep_objects(verb, ("by",))] == ["militants"]
    active = nlp("Militants ambushed the convoy.")[1]
    assert not is_passive(active)


def test_events_syntax_governing_verb_across_of(nlp: Any) -> None:
    doc = nlp("The army ordered the shelling of the town.")
    town = next(t for t in doc if t.text == "town")
    verb = governing_verb(town)
    assert verb is not None and verb.text == "ordered"


def test_events_reaction_to_known_event_is_not_a_new_one(
    events: Callable[[str], list[Event]],
) -> None:
    found = events("The United Nations condemned the violence and called for talks.")
    assert [e.type for e in found if e.trigger.text == "violence"] == []
    assert any(e.type == "ACCUSE" for e in found)


def test_events_participle_toll_is_the_same_act(events: Callable[[str], list[Event]]) -> None:
    found = events("Rebels shelled the city on Sunday, killing about 20 people.")
    assert [e.trigger.text for e in found if e.type == "ASSAULT"] == ["shelled"]


@pytest.mark.parametrize(
    ("text", "action", "statement"),
    [
        ("The president said he will extend the curfew in the capital.", "COERCE", "THREATEN"),
        ("Rebels vowed to attack the base.", "ASSAULT", "THREATEN"),
        ("Syria says it is willing to withdraw its troops from Lebanon.", "RETREAT", "AGREE"),
        ("Finland will give Tanzania a loan of 60 million dollars.", "AID", "AGREE"),
    ],
)
def test_events_announced_act_is_a_statement_of_intent(
    events: Callable[[str], list[Event]], text: str, action: str, statement: str
) -> None:
    found = events(text)
    assert {e.polarity for e in found if e.type == action} == {"hypothetical"}
    derived = [e for e in found if e.type == statement and e.polarity == "asserted"]
    assert derived and all(e.actor is not None for e in derived)


@pytest.mark.parametrize(
    "text",
    [
        "The army may shell the city if talks fail.",
        "Sanctions are meant to force the junta to negotiate.",
        "The UN urged Iraq to cooperate with inspectors.",
    ],
)
def test_events_possibility_or_others_purpose_is_no_intent(
    events: Callable[[str], list[Event]], text: str
) -> None:
    found = events(text)
    assert not [e for e in found if e.type in ("THREATEN", "AGREE")]


def test_events_object_controls_the_complement(events: Callable[[str], list[Event]]) -> None:
    found = events("The UN urged Iraq to cooperate with inspectors.")
    cooperate = next(e for e in found if e.type == "COOPERATE")
    assert _text(cooperate.actor) == "Iraq"


def test_events_weapon_object_is_not_the_recipient(events: Callable[[str], list[Event]]) -> None:
    found = events("Russia launched a barrage of missiles and drones at Kyiv early on Tuesday.")
    assault = [e for e in found if e.type == "ASSAULT"]
    assert len(assault) == 1  # "launched … barrage" is one act
    assert _text(assault[0].recipient) == "Kyiv"


def test_events_listed_tolls_belong_to_one_act(events: Callable[[str], list[Event]]) -> None:
    text = "Militants attacked a convoy, killing at least 12 people and wounding dozens more."
    found = events(text)
    assert [e.trigger.text for e in found if e.type == "ASSAULT"] == ["attacked"]


def test_events_date_is_never_an_argument(events: Callable[[str], list[Event]]) -> None:
    found = events("Artillery shelled positions on Tuesday.")
    assert all(_text(e.recipient) != "Tuesday" for e in found)


def test_events_purpose_of_the_same_act_merges(events: Callable[[str], list[Event]]) -> None:
    found = events("Police fired tear gas to disperse the protesters.")
    coerce = [e for e in found if e.type == "COERCE"]
    assert [e.mode for e in coerce] == ["disperse"]


def test_events_casualties_in_clashes_are_one_act(events: Callable[[str], list[Event]]) -> None:
    found = events("At least three people were killed and 40 injured in clashes with police.")
    assert len([e for e in found if e.type == "ASSAULT"]) == 1


def test_events_coordination_with_a_plan_verb_stays_asserted(
    events: Callable[[str], list[Event]],
) -> None:
    found = events("The minister urged China to stop and warned of consequences.")
    warned = next(e for e in found if e.trigger.text == "warned")
    assert warned.polarity == "asserted"


def test_events_purpose_clause_shares_the_subject(events: Callable[[str], list[Event]]) -> None:
    found = events("Egyptian police opened fire to disperse the demonstrators.")
    disperse = next(e for e in found if e.type == "COERCE")
    assert _text(disperse.actor) == "Egyptian police"


@pytest.mark.parametrize(
    ("text", "kind", "recipient"),
    [
        ("Officials demanded that the United States stop the aid.", "REQUEST", "the United States"),
        ("Pakistan threatened to break off relations with Congo.", "THREATEN", "Congo"),
        ("The president refused to meet King Abdullah in Amman.", "REJECT", "King Abdullah"),
        ("Libya offered to hand over the suspects to Britain.", "AGREE", "Britain"),
    ],
)  # fmt: skip
def test_events_recipient_inside_the_proposition(
    events: Callable[[str], list[Event]], text: str, kind: str, recipient: str
) -> None:
    found = [e for e in events(text) if e.type == kind and e.polarity == "asserted"]
    assert found, [(e.type, e.polarity) for e in events(text)]
    assert _text(found[0].recipient) == recipient


def test_events_obligation_under_a_reporting_verb_is_a_demand(
    events: Callable[[str], list[Event]],
) -> None:
    found = events("The government declared on Tuesday that the rebels must lay down their arms.")
    demand = next(e for e in found if e.type == "REQUEST")
    assert demand.trigger.text == "declared"
    assert _text(demand.actor) == "The government"
    assert _text(demand.recipient) == "the rebels"


@pytest.mark.parametrize(
    ("text", "kind", "mode"),
    [
        ("The army lifted the blockade on the port.", "RETREAT", "ease"),
        ("The minister resigned on Sunday.", "RETREAT", "resign"),
        ("The union called off the strike.", "CONCEDE", None),
        ("Protesters blocked roads leading to the capital.", "PROTEST", "obstruct"),
        ("Hackers tried to hack into the ministry's computers.", "COERCE", "cyber"),
        ("Zambia extradited the suspect to Britain.", "COOPERATE", "legal"),
        ("The two countries restored diplomatic ties.", "SUPPORT", "relations"),
    ],
)
def test_events_lexicon_modes(
    events: Callable[[str], list[Event]], text: str, kind: str, mode: str | None
) -> None:
    assert (kind, mode) in {(e.type, e.mode) for e in events(text)}


def test_events_clashes_are_battles(events: Callable[[str], list[Event]]) -> None:
    found = events("Rival militias clashed in the capital on Saturday.")
    clash = next(e for e in found if e.type == "ASSAULT")
    assert clash.acled is not None and clash.acled.sub_event_type == "Armed clash"


def test_events_the_charge_is_not_a_new_event(events: Callable[[str], list[Event]]) -> None:
    found = events("Prosecutors charged the man with murder and robbery on Monday.")
    assert [e.type for e in found if e.trigger.text == "murder"] == []
    assert any(e.type == "ACCUSE" for e in found)


# ------------------------------------------------------------------ the sentence's main event


def _main(found: list[Event]) -> Event:
    asserted = [e for e in found if e.polarity == "asserted"]
    assert asserted, [(e.type, e.polarity) for e in found]
    return max(asserted, key=lambda e: (e.confidence, -e.trigger.span[0]))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the main clause's act beats one told in a time clause or a prepositional phrase
        (
            "Spain recalled its ambassador from Caracas a day after soldiers shot two students.",
            "SANCTION",
        ),
        ("The rebels released twelve hostages after weeks of fighting with the army.", "RETREAT"),
        ("The minister resigned on Friday as crowds threatened to storm the ministry.", "RETREAT"),
        # a purpose or participle of a demonstration is part of the demonstration
        ("Farmers marched through the capital on Monday to demand higher grain prices.", "PROTEST"),
        ("Students rallied outside parliament, calling for the minister's resignation.", "PROTEST"),
        # an event noun that another act takes as its object
        ("Security forces blocked the rally organised by the opposition party.", "COERCE"),
        # reported speech: the reported act is the news
        ("Witnesses said militiamen burned down dozens of houses in the village.", "COERCE"),
        # a verbal act governing a material one
        ("The general threatened to shell the rebel positions.", "THREATEN"),
        ("The envoy accused the army of bombing a school.", "ACCUSE"),
    ],
)
def test_events_main_event_is_the_main_clause_act(
    events: Callable[[str], list[Event]], text: str, category: str
) -> None:
    assert _main(events(text)).type == category


def test_events_embedded_act_is_kept_with_lower_confidence(
    events: Callable[[str], list[Event]],
) -> None:
    found = events("Spain recalled its ambassador a day after soldiers shot two students.")
    recall, shooting = _one(found, "SANCTION"), _one(found, "ASSAULT")
    assert shooting.polarity == "asserted"
    assert shooting.confidence < recall.confidence


def test_events_lone_embedded_act_keeps_its_confidence(
    events: Callable[[str], list[Event]],
) -> None:
    alone = _one(events("The town was calm a day after soldiers shot two students."), "ASSAULT")
    plain = _one(events("Soldiers shot two students."), "ASSAULT")
    assert alone.confidence == plain.confidence


def test_events_crowd_demanding_is_protest(events: Callable[[str], list[Event]]) -> None:
    event = _main(events("Thousands of protesters demanded the release of the jailed editor."))
    assert (event.type, event.mode, event.cameo) == ("PROTEST", "demo", "14")


def test_events_event_noun_as_modifier_is_no_event(events: Callable[[str], list[Event]]) -> None:
    found = events("Riot police guarded the embassy on Sunday.")
    assert [e.type for e in found] == []


def test_events_framing_noun_keeps_its_modifier_event(
    events: Callable[[str], list[Event]],
) -> None:
    found = events("Norway launched a mediation effort between the two parties on Monday.")
    assert _one(found, "CONSULT").trigger.text == "mediation"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Charities brought humanitarian aid to the besieged town.", "humanitarian aid"),
        ("The report accused the militia of ethnic cleansing in the north.", "ethnic cleansing"),
    ],
)
def test_events_adjective_led_pairs_match(
    events: Callable[[str], list[Event]], text: str, trigger: str
) -> None:
    assert trigger in [e.trigger.text for e in events(text)]


# ------------------------------------------------------------------ stances: intent, refusal


@pytest.mark.parametrize(
    "text",
    [
        "Sweden will send 500 tonnes of food aid to the refugees.",
        "Sweden is willing to send engineers to rebuild the bridge.",
        "The new cabinet is committed to reforming the police.",
        "The rebels said they are ready to talk with the government.",
    ],
)
def test_events_stated_readiness_is_agree(events: Callable[[str], list[Event]], text: str) -> None:
    event = _main(events(text))
    assert event.type == "AGREE"
    assert event.actor is not None


def test_events_demand_in_noun_of_saying(events: Callable[[str], list[Event]]) -> None:
    text = "The envoy sent a letter to the junta that it must free the prisoners."
    event = _main(events(text))
    assert (event.type, _text(event.actor)) == ("REQUEST", "The envoy")


def test_events_demand_clause_act_is_hypothetical(events: Callable[[str], list[Event]]) -> None:
    found = events("The union repeated its demand that the company withdraw the layoffs.")
    assert _one(found, "RETREAT").polarity == "hypothetical"
    assert _main(found).type == "REQUEST"


def test_events_crowd_violence_is_riot(events: Callable[[str], list[Event]]) -> None:
    event = _main(events("Rioters set fire to cars and looted shops in the city centre."))
    assert (event.type, event.mode) == ("PROTEST", "riot")
    assert event.acled == Acled("Riots", "Violent demonstration")


def test_events_police_against_a_crowd_is_no_riot(events: Callable[[str], list[Event]]) -> None:
    assert _main(events("Police fired tear gas at the rioters.")).type == "COERCE"


@pytest.mark.parametrize(
    ("text", "category", "trigger"),
    [
        ("Opposition supporters staged a sit-in outside parliament.", "PROTEST", "sit-in"),
        ("The two armies agreed to a cease-fire on Sunday.", "AGREE", "cease-fire"),
    ],
)
def test_events_hyphenated_lexicon_words_match_split_tokens(
    events: Callable[[str], list[Event]], text: str, category: str, trigger: str
) -> None:
    assert trigger in [e.trigger.text for e in events(text) if e.type == category]


def test_events_act_in_time_clause_loses_to_main_act_without_actor(
    events: Callable[[str], list[Event]],
) -> None:
    text = "The editor was arrested on Tuesday after he criticized the president."
    assert _main(events(text)).type == "COERCE"


@pytest.mark.parametrize(
    "text", ["The bridge is ready to open next week.", "The new vaccine is ready to ship."]
)
def test_events_readiness_of_things_is_no_agreement(
    events: Callable[[str], list[Event]], text: str
) -> None:
    assert events(text) == []


def test_events_readiness_for_a_coded_act_is_coded_once(
    events: Callable[[str], list[Event]],
) -> None:
    found = events("Both sides are ready to resume negotiations.")
    assert [e.type for e in found if e.polarity == "asserted"] == ["AGREE"]


def test_events_commitment_to_a_noun(events: Callable[[str], list[Event]]) -> None:
    event = _main(events("Vietnam remains committed to reform."))
    assert (event.type, event.trigger.text, _text(event.actor)) == ("AGREE", "committed", "Vietnam")


def test_events_act_done_in_protest_is_protest(events: Callable[[str], list[Event]]) -> None:
    event = _main(events("Hundreds of Kurds occupied the Greek embassy in protest at the arrest."))
    assert (event.type, event.mode, event.trigger.text) == ("PROTEST", "demo", "occupied")


@pytest.mark.parametrize(
    ("category", "text"),
    [
        ("AGREE", "Armenia and Azerbaijan agreed to exchange prisoners of war."),
        ("CONSULT", "The Egyptian president paid a two-day visit to Syria."),
        ("CONSULT", "The Saudi and Iranian foreign ministers spoke by phone on Sunday."),
        ("SUPPORT", "The Security Council expressed support for the new government."),
        ("COOPERATE", "Mexico extradited the cartel leader to the United States on Friday."),
        ("AID", "Turkey sent two planes carrying medical supplies to the earthquake zone."),
        ("CONCEDE", "The government lifted the ban on opposition newspapers."),
        ("RETREAT", "The militia handed over its heavy weapons to the peacekeepers."),
        ("REQUEST", "Albania sought military help from NATO to secure its border."),
        ("ACCUSE", "China lodged a formal protest with Japan over the visit to the shrine."),
        ("REJECT", "Beijing rebuffed calls for an independent investigation."),
        ("THREATEN", "Serbia warned it would retaliate if NATO launched airstrikes."),
        ("PROTEST", "Workers at the car factory went on strike over unpaid wages."),
        ("SANCTION", "Britain suspended all arms sales to Indonesia."),
        ("MOBILIZE", "North Korea test-fired two ballistic missiles into the sea."),
        ("COERCE", "Authorities imposed a state of emergency in the province."),
        ("ASSAULT", "Rebels captured the town of Bor after two days of fighting."),
    ],
)
def test_events_main_event_of_each_category(
    events: Callable[[str], list[Event]], category: str, text: str
) -> None:
    assert _main(events(text)).type == category
