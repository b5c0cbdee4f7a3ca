"""ACLED sub-types: the mapping table, cue words, one event's sub-type from hand-built events,
and a snippet's sub-type from short sentences run through the event and actor stages."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import acled
from newsevents.acled import ACLED_TABLE, SubType, acled_for, classify, subtype_for
from newsevents.cues import AcledLexicon, forms, positions, sentences_of, words_of
from newsevents.errors import LexiconError
from newsevents.pipeline import Pipeline
from newsevents.records import Acled, Actor, Article, Event, Sentence, Trigger

ACLED_EVENT_TYPES = {
    "Battles": 3,
    "Protests": 3,
    "Riots": 2,
    "Explosions/Remote violence": 6,
    "Violence against civilians": 3,
    "Strategic developments": 8,
}


def actor(text: str, sector: str | None = None, country: str | None = None) -> Actor:
    return Actor(text=text, span=(0, len(text)), sector=sector, country=country)


def event(
    category: str,
    sentence: str,
    *,
    mode: str | None = None,
    actor: Actor | None = None,
    recipient: Actor | None = None,
    acled: Acled | None = None,
) -> Event:
    word = sentence.split()[0]
    return Event(
        id="e",
        type=category,
        trigger=Trigger(word, (0, len(word))),
        sentence=Sentence(sentence, (0, len(sentence))),
        mode=mode,
        actor=actor,
        recipient=recipient,
        acled=acled,
    )


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    from newsevents.settings import Settings

    return Pipeline(Settings(), names=("parse", "events", "actors"))


def snippet(pipeline: Pipeline, text: str) -> SubType:
    return classify(pipeline(Article(id="s", text=text)))


# ---------------------------------------------------------------- the mapping table


def test_acled_table_names_all_thirty_subtypes() -> None:
    assert set(ACLED_TABLE) == set(SubType)
    assert len(SubType) == 30


def test_acled_table_holds_each_of_the_25_acled_sub_event_types_once() -> None:
    pairs = [a for a in ACLED_TABLE.values() if a is not None]
    assert len(pairs) == len({(a.event_type, a.sub_event_type) for a in pairs}) == 25
    per_type = {t: sum(a.event_type == t for a in pairs) for t in ACLED_EVENT_TYPES}
    assert per_type == ACLED_EVENT_TYPES


@pytest.mark.parametrize(
    "name", ["ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"]
)
def test_acled_table_non_acled_types_map_to_none(name: str) -> None:
    assert ACLED_TABLE[SubType[name]] is None


# ---------------------------------------------------------------- cue words


@pytest.mark.parametrize(
    ("lemma", "form"),
    [("kill", "killed"), ("stab", "stabbed"), ("rally", "rallied"), ("torch", "torches"),
     ("seize", "seizing"), ("protest", "protests")],
)  # fmt: skip
def test_acled_forms_cover_regular_inflections(lemma: str, form: str) -> None:
    assert form in forms(lemma)


def test_acled_forms_leave_out_agent_nouns() -> None:
    assert "fighter" not in forms("fight")


def test_acled_cue_parts_must_stand_within_the_window() -> None:
    lexicon = AcledLexicon.load()
    near = sentences_of("Police fired tear gas at the crowd.")
    far = "Tear " + "word " * 10 + "gas."
    assert lexicon.found("intervention", near)
    assert not lexicon.found("intervention", sentences_of(far))


def test_acled_hyphenated_word_matches_by_its_parts() -> None:
    cue = (forms("rebel"),)
    assert list(positions(cue, words_of("They shelled rebel-held districts.")))


def test_acled_nonstate_words_win_over_state_words() -> None:
    lexicon = AcledLexicon.load()
    assert lexicon.side(words_of("rebel forces")) == "nonstate"
    assert lexicon.side(words_of("government forces")) == "state"


def test_acled_lexicon_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        AcledLexicon.load(tmp_path / "none.toml")


def test_acled_lexicon_without_sides_is_a_lexicon_error(tmp_path: Path) -> None:
    path = tmp_path / "cues.toml"
    path.write_text('[cue.protest]\nwords = ["march"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="side"):
        AcledLexicon.load(path)


def test_acled_lexicon_unknown_cue_names_the_missing_table() -> None:
    with pytest.raises(LexiconError, match=r"\[cue\.nosuch\]"):
        AcledLexicon.load().found("nosuch", sentences_of("Anything."))


# ---------------------------------------------------------------- one event


def test_acled_event_two_armed_sides_make_a_clash() -> None:
    e = event(
        "ASSAULT",
        "Soldiers killed four insurgents.",
        actor=actor("Soldiers", "MIL"),
        recipient=actor("four insurgents", "REB"),
    )
    assert subtype_for(e) == SubType.ARMED_CLASH


def test_acled_event_armed_group_against_civilians_is_an_attack() -> None:
    e = event(
        "ASSAULT",
        "Gunmen killed four villagers.",
        actor=actor("Gunmen", "REB"),
        recipient=actor("four villagers", "CVL"),
    )
    assert subtype_for(e) == SubType.ATTACK


def test_acled_event_militia_is_non_state_whatever_its_sector() -> None:
    e = event(
        "ASSAULT",
        "Militiamen attacked soldiers.",
        actor=actor("Militiamen", "MIL"),
        recipient=actor("soldiers", "MIL"),
    )
    assert acled.side_of(AcledLexicon.load(), e.actor) == "nonstate"
    assert subtype_for(e) == SubType.ARMED_CLASH


@pytest.mark.parametrize(
    ("category", "mode", "expected"),
    [
        ("ASSAULT", "aerial", SubType.AIR_STRIKE),
        ("ASSAULT", "heavy-weapons", SubType.ART_MISS_ATTACK),
        ("ASSAULT", "explosives", SubType.REM_EXPLOS),
        ("ASSAULT", "suicide-attack", SubType.SUIC_BOMB),
        ("ASSAULT", "sexual", SubType.SEX_VIOL),
        ("ASSAULT", "abduct", SubType.ABDUCT_DISSAP),
        ("COERCE", "arrest", SubType.ARREST),
        ("COERCE", "disperse", SubType.PROTEST_WITH_INTER),
        ("MOBILIZE", "troops", SubType.CHANGE_TO_GROUP_ACT),
    ],
)
def test_acled_event_mode_decides(category: str, mode: str, expected: SubType) -> None:
    assert subtype_for(event(category, "Something happened there.", mode=mode)) == expected


def test_acled_event_weapon_named_in_sentence_beats_the_mode() -> None:
    e = event("ASSAULT", "Militants threw a grenade at a police post.", mode="explosives")
    assert subtype_for(e) == SubType.GRENADE


def test_acled_event_police_shooting_protesters_is_excessive_force() -> None:
    e = event(
        "ASSAULT",
        "Police shot two protesters at the rally.",
        mode="firearms",
        actor=actor("Police", "COP"),
        recipient=actor("two protesters", "CVL"),
    )
    assert subtype_for(e) == SubType.FORCE_AGAINST_PROTEST


def test_acled_event_battle_trigger_against_unknown_side_stays_a_clash() -> None:
    e = event(
        "ASSAULT",
        "Fighting broke out near the town.",
        acled=Acled("Battles", "Armed clash"),
    )
    assert subtype_for(e) == SubType.ARMED_CLASH


def test_acled_event_troops_withdrawing_is_a_territory_transfer() -> None:
    e = event(
        "RETREAT", "Troops withdrew from the town.", mode="withdraw", actor=actor("Troops", "MIL")
    )
    assert subtype_for(e) == SubType.NON_VIOL_TERRIT_TRANSFER


def test_acled_event_ceasefire_is_an_agreement() -> None:
    assert subtype_for(event("AGREE", "Both sides agreed to a ceasefire.")) == SubType.AGREEMENT


def test_acled_event_state_consultation_is_diplomacy_without_acled_pair() -> None:
    e = event("CONSULT", "France met Germany.", actor=actor("France", country="FRA"))
    assert subtype_for(e) == SubType.DIPLO
    assert acled_for(e) is None


def test_acled_event_gives_its_acled_pair() -> None:
    e = event("COERCE", "Police arrested him.", mode="arrest")
    assert acled_for(e) == Acled("Strategic developments", "Arrests")


def test_acled_event_of_no_acled_kind_has_none() -> None:
    assert subtype_for(event("REJECT", "They rejected the plan.")) is None


# ---------------------------------------------------------------- a whole snippet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Government troops captured the town of Tal Afar.", SubType.GOV_REGAINS_TERIT),
        ("Rebels captured the town of Tal Afar.", SubType.NON_STATE_ACTOR_OVERTAKES_TER),
        ("The town was captured by insurgents.", SubType.NON_STATE_ACTOR_OVERTAKES_TER),
    ],
)
def test_acled_snippet_who_took_a_town_decides(
    pipeline: Pipeline, text: str, expected: SubType
) -> None:
    assert snippet(pipeline, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hundreds of workers protested in Accra over pay.", SubType.PEACE_PROTEST),
        ("Police fired tear gas at protesters in Accra.", SubType.PROTEST_WITH_INTER),
        ("Soldiers shot dead three protesters in Accra.", SubType.FORCE_AGAINST_PROTEST),
        ("Protesters threw stones at the police in Accra.", SubType.VIOL_DEMONSTR),
    ],
)
def test_acled_snippet_protest_depends_on_who_did_what(
    pipeline: Pipeline, text: str, expected: SubType
) -> None:
    assert snippet(pipeline, text) == expected


def test_acled_snippet_flood_deaths_are_a_disaster_not_an_attack(pipeline: Pipeline) -> None:
    assert snippet(pipeline, "Floods killed 20 people in Sindh.") == SubType.NATURAL_DISASTER


def test_acled_snippet_deliberate_explosion_is_no_accident(pipeline: Pipeline) -> None:
    text = "A bomb planted by militants caused an explosion at the factory."
    assert snippet(pipeline, text) == SubType.REM_EXPLOS


def test_acled_snippet_factory_fire_is_man_made(pipeline: Pipeline) -> None:
    text = "A fire at a textile factory killed nine workers."
    assert snippet(pipeline, text) == SubType.MAN_MADE_DISASTER


def test_acled_snippet_claim_of_responsibility_is_attribution(pipeline: Pipeline) -> None:
    text = "The group claimed responsibility for the attack on the hotel."
    assert snippet(pipeline, text) == SubType.ATTRIB


def test_acled_snippet_sanctions_are_diplomacy(pipeline: Pipeline) -> None:
    assert snippet(pipeline, "Canada imposed sanctions on Iran.") == SubType.DIPLO


def test_acled_snippet_drug_seizure_is_organised_crime(pipeline: Pipeline) -> None:
    text = "Police seized 300 kilogrammes of cocaine at the port."
    assert snippet(pipeline, text) == SubType.ORG_CRIME


def test_acled_snippet_seized_weapons_are_disrupted_weapons_use(pipeline: Pipeline) -> None:
    text = "Troops seized a cache of weapons in the forest."
    assert snippet(pipeline, text) == SubType.DISR_WEAP


def test_acled_snippet_lynching_is_mob_violence(pipeline: Pipeline) -> None:
    assert snippet(pipeline, "A mob lynched a suspected thief.") == SubType.MOB_VIOL


def test_acled_snippet_without_any_cue_is_other(pipeline: Pipeline) -> None:
    assert snippet(pipeline, "The weather was mild.") == SubType.OTHER


def test_acled_snippet_lead_sentence_beats_background(pipeline: Pipeline) -> None:
    text = (
        "Police arrested three men in Mombasa on Monday. "
        "They are suspected of planting a roadside bomb last year."
    )
    assert snippet(pipeline, text) == SubType.ARREST


def test_acled_snippet_protest_detail_may_follow_the_lead(pipeline: Pipeline) -> None:
    text = "Hundreds of traders marched in Kano on Monday. Police later fired tear gas at them."
    assert snippet(pipeline, text) == SubType.PROTEST_WITH_INTER


def test_acled_month_of_march_is_no_march() -> None:
    lexicon = AcledLexicon.load()
    assert not lexicon.found("protest", sentences_of("On 2 March, gunmen killed nine farmers."))
    assert lexicon.found("protest", sentences_of("Thousands joined a march in Accra."))


def test_acled_event_attack_on_an_official_is_an_attack() -> None:
    e = event(
        "ASSAULT",
        "Gunmen shot dead a local official.",
        actor=actor("Gunmen", "REB"),
        recipient=actor("a local official", "GOV"),
    )
    assert subtype_for(e) == SubType.ATTACK


def test_acled_snippet_curfew_after_violence_is_other(pipeline: Pipeline) -> None:
    text = "The governor imposed a curfew in Kaduna after communal clashes."
    assert snippet(pipeline, text) == SubType.OTHER


def test_acled_snippet_background_phrase_does_not_decide(pipeline: Pipeline) -> None:
    text = "The army deployed extra troops to Gao after a wave of bomb attacks."
    assert snippet(pipeline, text) == SubType.CHANGE_TO_GROUP_ACT


def test_acled_event_killing_by_a_flood_has_no_acled_pair() -> None:
    e = event(
        "ASSAULT",
        "Floods killed 20 people in Sindh.",
        actor=actor("Floods"),
        recipient=actor("20 people", "CVL"),
    )
    assert subtype_for(e) == SubType.NATURAL_DISASTER
    assert acled_for(e) is None


def test_acled_event_a_helicopter_flight_is_no_air_strike() -> None:
    e = event("ASSAULT", "He was flown to hospital in a helicopter after the shooting.")
    assert subtype_for(e) != SubType.AIR_STRIKE
