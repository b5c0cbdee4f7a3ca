"""Actors stage: country, sector and name of each actor phrase, and what pronouns refer to."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from newsevents.records import Actor, Doc, Event
from newsevents.settings import Settings
from newsevents.stages.actors import ActorLexicon, make_actors, make_context, resolve_actor
from newsevents.stages.events import make_events

Run = Callable[..., list[Event]]


@pytest.fixture(scope="module")
def lexicon() -> ActorLexicon:
    return ActorLexicon.load(Settings().model)


@pytest.fixture(scope="module")
def run(make_doc: Callable[..., Doc]) -> Run:
    """Parse, events and actors stages over one text; the events that come out."""
    events, actors = make_events(Settings()), make_actors(Settings())

    def go(text: str, published: dt.date | None = None) -> list[Event]:
        return list(actors(events(make_doc(text, published))).events)

    return go


def _by_text(found: list[Event], text: str) -> Actor:
    for e in found:
        for actor in (e.actor, e.recipient):
            if actor is not None and actor.text == text:
                return actor
    raise AssertionError(f"no actor {text!r} in {[(e.actor, e.recipient) for e in found]}")


def _who(actor: Actor) -> tuple[str | None, str | None]:
    return (actor.country, actor.sector)


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector", "name"),
    [
        ("Israeli troops shot a teenager in the town.", "Israeli troops", "ISR", "MIL", None),
        ("The U.S. imposed sanctions on the bank.", "The U.S.", "USA", None, "United States"),
        (
            "The United Nations evacuated 300 refugees from the camp.",
            "The United Nations",
            "IGO",
            None,
            "United Nations",
        ),
        (
            "Amnesty International accused the army of abuses.",
            "Amnesty International",
            "NGO",
            None,
            "Amnesty International",
        ),
        ("Pyongyang threatened to attack the island.", "Pyongyang", "PRK", "GOV", None),
        ("Riot police arrested 20 students.", "20 students", None, "CVL", None),
    ],
)
def test_actors_resolves_country_sector_and_name(
    run: Run, text: str, phrase: str, country: str | None, sector: str | None, name: str | None
) -> None:
    actor = _by_text(run(text), phrase)
    assert _who(actor) == (country, sector)
    assert actor.name == name


def test_actors_named_actor_more_confident_than_group(run: Run) -> None:
    found = run("The U.S. imposed sanctions on the bank. Riot police arrested 20 students.")
    assert _by_text(found, "The U.S.").confidence > _by_text(found, "20 students").confidence
    assert _by_text(found, "20 students").confidence > 0


def test_actors_office_holder_in_term(run: Run) -> None:
    text = "President Vladimir Putin met with Turkish President Recep Tayyip Erdogan in Moscow."
    found = run(text, dt.date(2020, 5, 1))
    putin = _by_text(found, "President Vladimir Putin")
    assert (putin.country, putin.sector, putin.name) == ("RUS", "GOV", "Vladimir Putin")
    erdogan = _by_text(found, "Turkish President Recep Tayyip Erdogan")
    assert (erdogan.country, erdogan.name) == ("TUR", "Recep Tayyip Erdogan")


def test_actors_office_holder_out_of_term_loses_office_sector(run: Run) -> None:
    text = "Vladimir Putin met with the mayor of the city."
    before = _by_text(run(text, dt.date(1995, 3, 1)), "Vladimir Putin")
    during = _by_text(run(text, dt.date(2015, 3, 1)), "Vladimir Putin")
    assert (during.country, during.sector) == ("RUS", "GOV")
    assert (before.country, before.sector) == ("RUS", None)


def test_actors_pronoun_takes_earlier_person_country(run: Run) -> None:
    text = "A Syrian soldier crossed the border on Friday. Later he was shot by Turkish guards."
    found = run(text)
    assert _by_text(found, "he").country == "SYR"
    assert _by_text(found, "Turkish guards").country == "TUR"


def test_actors_country_noun_takes_nearest_earlier_country(run: Run) -> None:
    text = (
        "Japan condemned the test. North Korea held a parade on Sunday. "
        "The country also fired rockets into the sea."
    )
    assert _by_text(run(text), "The country").country == "PRK"


def test_actors_country_noun_skips_international_organisations(run: Run) -> None:
    text = "Germany asked the United Nations for help. The nation also recalled its ambassador."
    assert _by_text(run(text), "The nation").country == "DEU"


def test_actors_lowercase_us_is_a_pronoun_not_a_country(run: Run) -> None:
    assert _by_text(run("The army shelled us for three days."), "us").country is None


def test_actors_nothing_resolvable_gives_zero_confidence(run: Run) -> None:
    actor = _by_text(run("Somebody attacked the convoy."), "Somebody")
    assert (actor.country, actor.sector, actor.confidence) == (None, None, 0.0)


def test_actors_acled_refined_after_sectors(run: Run) -> None:
    found = run("Rebels attacked a military convoy near the border.")
    assert found[0].acled is not None and found[0].acled.event_type == "Battles"
    found = run("Rebels attacked villagers near the border.")
    assert found[0].acled is not None and found[0].acled.event_type == "Violence against civilians"


def test_actors_police_officers_are_cop(run: Run) -> None:
    found = run("Gunmen shot two police officers outside a bank.")
    assert _by_text(found, "two police officers").sector == "COP"


def test_actors_security_forces_are_cop(run: Run) -> None:
    found = run("Security forces arrested the opposition leader.")
    assert _by_text(found, "Security forces").sector == "COP"


def test_actors_country_not_borrowed_from_other_argument(run: Run) -> None:
    found = run("Syrian rebels shot down a helicopter.")
    assert _by_text(found, "Syrian rebels").country == "SYR"
    assert _by_text(found, "a helicopter").country is None


# ------------------------------------------------------------------ resolve_actor, lexicon


def test_actors_lexicon_load_is_cached(lexicon: ActorLexicon) -> None:
    assert ActorLexicon.load(Settings().model) is lexicon


def test_actors_capital_as_metonym_is_government(
    lexicon: ActorLexicon, make_doc: Callable[..., Doc]
) -> None:
    doc = make_doc("Seoul said it would respond firmly.")
    actor = resolve_actor(lexicon, make_context(lexicon, doc), Actor("Seoul", (0, 5)))
    assert (actor.country, actor.sector) == ("KOR", "GOV")


def test_actors_capital_as_place_is_not_the_actor(
    lexicon: ActorLexicon, make_doc: Callable[..., Doc]
) -> None:
    """ "protesters in Seoul": the capital locates them, it does not make them government."""
    text = "Protesters in Seoul marched on Sunday."
    doc = make_doc(text)
    actor = resolve_actor(lexicon, make_context(lexicon, doc), Actor(text[:19], (0, 19)))
    assert actor.country == "KOR"
    assert actor.sector == "CVL"


def test_actors_mentions_longest_name_first(
    lexicon: ActorLexicon, make_doc: Callable[..., Doc]
) -> None:
    doc = make_doc("The United Nations Command and South Korea met.")
    names = [m.name.canonical for m in lexicon.mentions(doc.parsed)]
    assert names == ["United Nations Command", "South Korea"]


def test_actors_short_abbreviation_needs_capitals(
    lexicon: ActorLexicon, make_doc: Callable[..., Doc]
) -> None:
    doc = make_doc("Let us see what the UN says.")
    assert [m.name.canonical for m in lexicon.mentions(doc.parsed)] == ["United Nations"]


def test_actors_sector_from_title_and_two_word_term(lexicon: ActorLexicon, nlp: Any) -> None:
    span = nlp("the riot police")[0:3]
    assert lexicon.sector(span, span.root) == "COP"
    span = nlp("the defence minister")[0:3]
    assert lexicon.sector(span, span.root) == "GOV"


def test_actors_phrase_widened_to_whole_name(run: Run) -> None:
    found = run("Kim Jong Un met with Moon Jae-in at the border.")
    consult = next(e for e in found if e.type == "CONSULT")
    assert consult.recipient is not None
    assert consult.recipient.text == "Moon Jae-in"
    assert (consult.recipient.country, consult.recipient.sector) == ("KOR", "GOV")


def test_actors_group_takes_country_of_town_in_sentence(run: Run) -> None:
    found = run("Police arrested 20 protesters in Lagos on Friday.")
    assert _who(_by_text(found, "Police")) == ("NGA", "COP")


def test_actors_state_agent_takes_country_article_is_about(run: Run) -> None:
    text = (
        "Fighting continued across Mali this week.\n\nOn Monday the army shelled rebel positions."
    )
    found = run(text)
    assert _who(_by_text(found, "the army")) == ("MLI", "MIL")


def test_actors_attacked_capital_is_a_place_not_a_government(run: Run) -> None:
    found = run("Russia launched missiles at Kyiv on Tuesday.")
    assault = next(e for e in found if e.type == "ASSAULT")
    assert assault.recipient is not None
    assert _who(assault.recipient) == ("UKR", None)


def test_actors_opposition_leader_is_opp(run: Run) -> None:
    found = run("Opposition leader Raila Odinga vowed to hold more demonstrations.")
    assert _by_text(found, "Opposition leader Raila Odinga").sector == "OPP"


def test_actors_the_government_refers_to_a_state_not_an_ngo(run: Run) -> None:
    text = "Kenya raised taxes this month. The Red Cross said the government rejected aid."
    found = run(text)
    assert _who(_by_text(found, "the government")) == ("KEN", "GOV")


def test_actors_recipient_anaphor_is_not_the_actor(run: Run) -> None:
    text = "North Korea tested a missile. The United States imposed sanctions on the country."
    found = run(text)
    sanction = next(e for e in found if e.type == "SANCTION")
    assert sanction.recipient is not None and sanction.recipient.country == "PRK"


def test_actors_other_side_is_not_the_speakers_country(run: Run) -> None:
    found = run("The minister urged China to stop and warned of consequences.")
    warned = next(e for e in found if e.trigger.text == "warned")
    assert warned.actor is not None and warned.actor.text == "The minister"
    assert warned.actor.country is None


def test_actors_group_located_through_apposition(run: Run) -> None:
    found = run("Rival militias clashed in the Libyan capital Tripoli on Saturday.")
    assert _who(_by_text(found, "Rival militias")) == ("LBY", "MIL")


@pytest.mark.parametrize(
    ("text", "phrase", "country", "sector"),
    [
        ("Hezbollah fighters fired rockets at the town.", "Hezbollah fighters", "LBN", "REB"),
        ("The Taliban attacked a checkpoint.", "The Taliban", "AFG", "REB"),
        ("Darfur villagers attacked the convoy.", "Darfur villagers", "SDN", "CVL"),
        ("Fijian soldiers attacked the camp.", "Fijian soldiers", "FJI", "MIL"),
    ],
)
def test_actors_groups_regions_and_demonyms(
    run: Run, text: str, phrase: str, country: str, sector: str
) -> None:
    assert _who(_by_text(run(text), phrase)) == (country, sector)


def test_actors_name_in_an_apposition(run: Run) -> None:
    found = run("Maria Lopez, the foreign minister of Mexico, accused the cartel of murder.")
    assert (_by_text(found, "Maria Lopez").country, _by_text(found, "Maria Lopez").name) == (
        "MEX",
        None,
    )


def test_actors_town_named_in_the_phrase_gives_its_country(run: Run) -> None:
    found = run("The army shelled the town of Cizre overnight.")
    assert _by_text(found, "the town of Cizre").country == "TUR"


def test_actors_place_target_is_no_government(run: Run) -> None:
    found = run("The army imposed a curfew in Baghdad on Tuesday.")
    assert _who(_by_text(found, "Baghdad")) == ("IRQ", None)


def test_actors_group_borrows_a_country_qualifying_the_other_side(run: Run) -> None:
    found = run("Tribal elders from the Kenyan highlands demanded that the minister resign.")
    assert _by_text(found, "Tribal elders").country == "KEN"


def test_actors_unknown_organisation_is_non_governmental(run: Run) -> None:
    found = run("The Global Water Forum urged governments to act.")
    assert _by_text(found, "The Global Water Forum").country == "NGO"


def test_actors_attack_noun_is_an_unidentified_force_where_it_happened(run: Run) -> None:
    found = run("A roadside bombing near the town of Kandahar killed four policemen.")
    assert _who(_by_text(found, "A roadside bombing")) == ("AFG", "UAF")


def test_actors_ethnic_group_takes_the_country_it_lives_in(run: Run) -> None:
    found = run("Police arrested ethnic Uzbeks in southern Kyrgyzstan.")
    assert _by_text(found, "ethnic Uzbeks").country == "KGZ"


def test_actors_people_of_a_country_are_coded_by_it(run: Run) -> None:
    found = run("The Kurds of northern Syria demanded autonomy.")
    assert _by_text(found, "The Kurds of northern Syria").country == "SYR"


def test_actors_head_modifier_beats_a_complement_country(run: Run) -> None:
    found = run("The Greek side of the island of Cyprus rejected the plan.")
    assert _by_text(found, "The Greek side of the island of Cyprus").country == "GRC"


def test_actors_past_office_holder_in_term(run: Run) -> None:
    found = run("Idi Amin expelled the Asians.", dt.date(1972, 8, 9))
    assert _who(_by_text(found, "Idi Amin")) == ("UGA", "GOV")


def test_actors_first_name_is_not_a_surname(run: Run) -> None:
    found = run("Students demanded the resignation of President Ahmed Ben Bella.")
    assert _by_text(found, "the resignation of President Ahmed Ben Bella").country is None


def test_actors_state_before_its_independence_is_its_predecessor(run: Run) -> None:
    text = "Rebels shelled Juba on Sunday."
    assert _by_text(run(text, dt.date(1988, 5, 1)), "Juba").country == "SDN"
    assert _by_text(run(text, dt.date(2015, 5, 1)), "Juba").country == "SSD"


def test_actors_thing_takes_the_country_of_whom_it_is_for(run: Run) -> None:
    found = run("Militiamen attacked a temporary camp for Angolan refugees near the border.")
    assert _by_text(found, "a temporary camp").country == "AGO"


def test_actors_anti_country_modifier_is_a_stance_not_a_country(run: Run) -> None:
    found = run("An anti-Syria journalist was shot dead in Beirut.")
    assert _by_text(found, "An anti-Syria journalist").country == "LBN"


def test_actors_religious_group_borrows_a_country_qualifying_something_else(run: Run) -> None:
    found = run("Islamic fundamentalists demanded the resignation of the Tunisian president.")
    assert _by_text(found, "Islamic fundamentalists").country == "TUN"


def test_actors_name_at_the_head_beats_an_organisation_modifier(run: Run) -> None:
    found = run("NATO-member Denmark accused Russia of spying.")
    assert _by_text(found, "NATO-member Denmark").country == "DNK"


def test_actors_town_in_a_country_the_article_names_beats_a_bigger_one(run: Run) -> None:
    alone = run("Gunmen shelled the city of Hyderabad overnight.")
    assert _by_text(alone, "the city of Hyderabad").country == "IND"
    text = "Pakistani officials spoke. Gunmen shelled the city of Hyderabad overnight."
    assert _by_text(run(text), "the city of Hyderabad").country == "PAK"


def test_actors_nationality_standing_for_its_group_takes_the_sector(run: Run) -> None:
    found = run("Senior Hungarian and Romanian officials agreed to cooperate.")
    assert _who(_by_text(found, "Romanian")) == ("ROU", "GOV")


def test_actors_backer_is_not_the_groups_country(run: Run) -> None:
    found = run("Iranian-backed militiamen attacked a convoy in Iraq.")
    assert _by_text(found, "Iranian-backed militiamen").country == "IRQ"


@pytest.mark.parametrize(
    ("text", "pronoun", "who"),
    [
        ("The Nigerian army said it killed 20 militants.", "it", ("NGA", "MIL")),
        ("Kenyan police said they arrested 12 protesters.", "they", ("KEN", "COP")),
    ],
)
def test_actors_pronoun_in_reported_speech_is_the_speaker(
    run: Run, text: str, pronoun: str, who: tuple[str, str]
) -> None:
    assert _who(_by_text(run(text), pronoun)) == who
