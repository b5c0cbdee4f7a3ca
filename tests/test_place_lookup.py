"""Place lookup: the candidate entries of one mention's text, before the article's context."""

from __future__ import annotations

import pytest

from newsevents import place_lookup
from newsevents.gazetteer import Gazetteer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sokoto State", ("Sokoto", "state")),
        ("County Cork", ("Cork", "county")),
        ("Co. Cork", ("Cork", "co")),
        ("Governorate of Idlib", ("Idlib", "governorate")),
        ("Quezon City", ("Quezon", "city")),
        ("Lebanon Township", ("Lebanon", "township")),
        ("Lagos", ("Lagos", "")),
    ],
)
def test_place_lookup_splits_a_qualifier_from_the_bare_name(
    text: str, expected: tuple[str, str]
) -> None:
    assert place_lookup.split_qualifier(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("WA", True), ("S.A.", True), ("OAS", True), ("Wa", False), ("ABCD", False)],
)
def test_place_lookup_two_or_three_capitals_are_an_abbreviation(text: str, expected: bool) -> None:
    assert place_lookup.is_abbreviation(text) is expected


def test_place_lookup_a_name_that_says_state_is_only_the_admin_area(gazetteer: Gazetteer) -> None:
    assert {e.feature for e in place_lookup.candidates("Sokoto", gazetteer)} >= {"admin1", "city"}
    assert [(e.feature, e.country) for e in place_lookup.candidates("Sokoto State", gazetteer)] == [
        ("admin1", "NGA")
    ]


def test_place_lookup_a_curated_place_of_generic_words_and_an_area_word_is_kept(
    gazetteer: Gazetteer,
) -> None:
    """ "Lake District" is two generic words, the second an area word: the supplement's
    region of that very name survives the filters of both."""
    found = place_lookup.candidates("Lake District", gazetteer)
    assert [(e.feature, e.country) for e in found if e.supplement_id] == [("region", "GBR")]


def test_place_lookup_a_township_is_a_town_of_its_name_never_a_country(
    gazetteer: Gazetteer,
) -> None:
    found = place_lookup.candidates("Lebanon Township", gazetteer)
    assert found and {e.feature for e in found} == {"city"}
    assert {"LBN", "USA"} <= {e.country for e in place_lookup.candidates("Lebanon", gazetteer)}
    delhi = place_lookup.candidates("Delhi Township", gazetteer)
    assert delhi and {e.country for e in delhi} <= {"USA", "CAN"}  # no part of India's Delhi
    assert "IND" in {e.country for e in place_lookup.candidates("Delhi", gazetteer)}


def test_place_lookup_a_us_state_capital_outranks_a_larger_namesake_abroad(
    gazetteer: Gazetteer,
) -> None:
    found = place_lookup.candidates("Frankfort", gazetteer)
    best = max(found, key=place_lookup.prior_of)
    assert (best.country, best.admin1) == ("USA", "Kentucky")
    assert any(e.country == "ZAF" and e.population > best.population for e in found)


def test_place_lookup_a_capital_by_an_old_name_is_no_capital_beside_namesakes(
    gazetteer: Gazetteer,
) -> None:
    """Freetown was once St. George: the capital's weight goes with its own names only."""
    found = place_lookup.candidates("St. George", gazetteer)
    assert any(e.name == "Freetown" for e in found)
    assert max(found, key=place_lookup.prior_of).name != "Freetown"


@pytest.mark.parametrize(
    ("name", "town", "state"),
    [("Newtown", "Newtown", "Connecticut"), ("Sidney", "Sidney", "Ohio")],
)
def test_place_lookup_an_old_name_of_an_american_or_british_city_is_no_exonym(
    gazetteer: Gazetteer, name: str, town: str, state: str
) -> None:
    """GeoNames lists "Newtown" among Hartford's and Tallahassee's names and "Sidney" among
    Sydney's: old names and misspellings, which weigh less than a small town of that very name
    (English news calls Seville and Cologne by their exonyms, not Sydney)."""
    found = place_lookup.candidates(name, gazetteer)
    own = next(e for e in found if e.name == town and e.admin1 == state)
    for e in found:
        if e.name != town:
            assert place_lookup.prior_of(e) < place_lookup.prior_of(own), e.name


def test_place_lookup_an_unknown_name_falls_back_to_the_place_inside(gazetteer: Gazetteer) -> None:
    found = place_lookup.candidates("University of Alberta", gazetteer)
    assert [(e.name, e.feature, e.country) for e in found] == [("Alberta", "admin1", "CAN")]


@pytest.mark.parametrize(
    "text",
    [
        "Central Town College",
        "Hampton Avenue",
        "Russian Embassy",
        "Emirates Stadium",
        "Mall of Asia",
        "Sambisa Forest",
        "Holland Tunnel",
        "Avenida Paulista",
        "Piazza Venezia",
    ],
)
def test_place_lookup_finds_no_place_inside_some_names(gazetteer: Gazetteer, text: str) -> None:
    """Generic words, a street named after a town, an embassy's own country, a building's brand
    (a country or a continent), a landscape's kind (no Forest in Brussels), a tunnel's
    destination (no Netherlands), a street or a square abroad named after a town ("Avenida
    Paulista" is in Sao Paulo, not Paulista)."""
    assert place_lookup.candidates(text, gazetteer) == []


def test_place_lookup_an_embassy_is_placed_by_its_town(gazetteer: Gazetteer) -> None:
    found = place_lookup.candidates("British Embassy Tokyo", gazetteer)
    assert found and {e.country for e in found} == {"JPN"}


def test_place_lookup_a_country_outranks_its_namesake_towns(gazetteer: Gazetteer) -> None:
    found = place_lookup.candidates("Jordan", gazetteer)
    assert len(found) > 1
    best = max(found, key=place_lookup.prior_of)
    assert (best.feature, best.country) == ("country", "JOR")


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [
        ("Tuscany", "admin1", "ITA"),
        ("Crete", "admin1", "GRC"),
        ("South Holland", "admin1", "NLD"),
        ("Hanover", "city", "DEU"),
        ("Bruges", "city", "BEL"),
        ("Lucerne", "city", "CHE"),
    ],
)
def test_place_lookup_a_place_by_its_english_name_outranks_small_namesakes(
    gazetteer: Gazetteer, name: str, feature: str, country: str
) -> None:
    """Curated English names of provinces and cities that their sources list only among other
    names, beside towns of those very names (Tuscany, Calgary; Hanover, New Hampshire)."""
    best = max(place_lookup.candidates(name, gazetteer), key=place_lookup.prior_of)
    assert (best.feature, best.country) == (feature, country)


def test_place_lookup_a_large_city_shadows_the_area_named_after_it(gazetteer: Gazetteer) -> None:
    shadowed = place_lookup.shadowed_areas(place_lookup.candidates("Cork", gazetteer))
    assert [(e.feature, e.country) for e in shadowed] == [("admin1", "IRL")]
    assert place_lookup.shadowed_areas(place_lookup.candidates("County Cork", gazetteer)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("French Quarter", True), ("Russian Foreign Ministry", True), ("European Commission", False)],
)
def test_place_lookup_a_nationality_word_styles_a_name(
    gazetteer: Gazetteer, text: str, expected: bool
) -> None:
    assert (
        place_lookup.is_styled(text, place_lookup.candidates(text, gazetteer), gazetteer)
        is expected
    )


@pytest.mark.parametrize("name", ["Lake County", "Hall County", "Union County", "Park County"])
def test_place_lookup_a_county_named_by_a_generic_word_and_county_is_found(
    gazetteer: Gazetteer, name: str
) -> None:
    found = place_lookup.candidates(name, gazetteer)
    assert len(found) >= 3 and all(e.feature == "admin2" and e.name == name for e in found)
    assert {e.country for e in found} == {"USA"}


def test_place_lookup_a_town_of_generic_words_needs_five_thousand_people(
    gazetteer: Gazetteer,
) -> None:
    found = place_lookup.candidates("Lake City", gazetteer)
    states = {e.admin1 for e in found}
    assert {"Florida", "South Carolina"} <= states  # 12,000 and 6,800 people
    assert not states & {"Texas", "Colorado"}  # hamlets of a few hundred
