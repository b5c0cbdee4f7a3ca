"""Geoparsing: finding place mentions and resolving each to one gazetteer entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsevents import evaluate_places
from newsevents.gazetteer import MATCH_CONTEXT, Entry, Gazetteer, distance_km
from newsevents.geoparse import Mention, find_mentions, precision_of, resolve
from newsevents.place_links import american_spelling

GWN = Path(__file__).resolve().parents[2] / "shared" / "data" / "geoparse" / "GWN.xml"


def _mentions(text: str, *names: str) -> list[Mention]:
    """Mentions of each name at its first occurrence after the previous one."""
    found, at = [], 0
    for name in names:
        start = text.index(name, at)
        found.append(Mention(name, (start, start + len(name))))
        at = start + len(name)
    return found


def _resolved(text: str, gazetteer: Gazetteer, *names: str, backoff: bool = True) -> list[Entry]:
    answers = resolve(_mentions(text, *names), gazetteer, text, backoff=backoff)
    return [a[0] for a in answers if a is not None]


def _texts(parsed: Any, gazetteer: Gazetteer) -> list[str]:
    """The texts of the place mentions found in a parsed text."""
    return [m.text for m in find_mentions(parsed, gazetteer)]


def test_geoparse_country_resolves_to_the_country(gazetteer: Gazetteer) -> None:
    text = "Jordan closed its border with Syria."
    jordan, syria = _resolved(text, gazetteer, "Jordan", "Syria")
    assert (jordan.feature, jordan.country) == ("country", "JOR")
    assert (syria.feature, syria.country) == ("country", "SYR")


def test_geoparse_large_city_shadows_its_province(gazetteer: Gazetteer) -> None:
    (place,) = _resolved("Rents rose in New York last year.", gazetteer, "New York")
    assert place.feature == "city" and place.geonameid == 5128581


def test_geoparse_unknown_name_resolves_by_the_place_inside(gazetteer: Gazetteer) -> None:
    text = "Researchers at the University of Alberta said so."
    (place,) = _resolved(text, gazetteer, "University of Alberta")
    assert (place.feature, place.name, place.country) == ("admin1", "Alberta", "CAN")


def test_geoparse_generic_words_inside_a_name_are_not_places(gazetteer: Gazetteer) -> None:
    text = "She studied at Central Town College."
    assert _resolved(text, gazetteer, "Central Town College", backoff=False) == []


def test_geoparse_unknown_name_is_placed_at_the_article_focus(gazetteer: Gazetteer) -> None:
    text = "Police in Nairobi closed Moi Avenue. Traders in Nairobi protested."
    _, avenue, _ = _resolved(text, gazetteer, "Nairobi", "Moi Avenue", "Nairobi")
    assert avenue.name == "Nairobi" and avenue.country == "KEN"
    assert avenue.match == MATCH_CONTEXT and avenue.geonameid is None
    assert precision_of(avenue) == 2


def test_geoparse_without_backoff_an_unknown_name_stays_unresolved(gazetteer: Gazetteer) -> None:
    text = "Police in Nairobi closed Moi Avenue."
    answers = resolve(_mentions(text, "Nairobi", "Moi Avenue"), gazetteer, text, backoff=False)
    assert answers[0] is not None and answers[1] is None


def test_geoparse_dateline_weighs_on_the_article_country(gazetteer: Gazetteer) -> None:
    text = (
        "KARACHI (Reuters) — Floods in Hyderabad killed three, officials in India and Delhi said."
    )
    with_dateline = _resolved(text, gazetteer, "KARACHI", "Hyderabad", "India", "Delhi")
    assert with_dateline[1].country == "PAK"
    plain = "Karachi said floods in Hyderabad killed three, officials in India and Delhi said."
    assert _resolved(plain, gazetteer, "Karachi", "Hyderabad", "India", "Delhi")[1].country == "IND"


def test_geoparse_comma_pair_places_a_town_in_its_province(gazetteer: Gazetteer) -> None:
    text = "Shells fell on Paju, Gyeonggi Province, on Friday."
    paju, province = _resolved(text, gazetteer, "Paju", "Gyeonggi Province")
    assert paju.country == "KOR" and province.feature == "admin1"


def test_geoparse_same_name_in_two_states_resolves_to_both(gazetteer: Gazetteer) -> None:
    text = "The firm moves from Columbus, Ohio, to Columbus, Ind., next year."
    first, _, second, _ = _resolved(text, gazetteer, "Columbus", "Ohio", "Columbus", "Ind.")
    assert (first.admin1, second.admin1) == ("Ohio", "Indiana")


def test_geoparse_a_town_listed_with_a_town_is_its_neighbour(gazetteer: Gazetteer) -> None:
    text = "Flooding along the Cumberland River forced evacuations in Clarksville and Dover."
    river, clarksville, dover = _resolved(
        text, gazetteer, "Cumberland River", "Clarksville", "Dover"
    )
    assert clarksville.admin1 == dover.admin1 == "Tennessee"
    assert (river.feature, river.country) == ("river", "USA")  # not Cumberland, New South Wales


def test_geoparse_a_town_known_only_far_from_its_listed_partner_lies_beside_it(
    gazetteer: Gazetteer,
) -> None:
    text = "In Birmingham, Alabama, police reported shootings in Ensley and Bessemer."
    names = ("Birmingham", "Alabama", "Ensley", "Bessemer")
    ensley = _resolved(text, gazetteer, *names)[2]
    assert (ensley.name, ensley.geonameid) == ("Bessemer", None)
    text = "SANAA, Yemen (AP) — Saudi-led airstrikes hit Saada and Hodeidah."
    saada = _resolved(text, gazetteer, "SANAA", "Yemen", "Saada", "Hodeidah")[2]
    assert (saada.name, saada.country) == ("Sa'dah", "YEM")
    text = "Storms hit Ensley, Florida, and Bessemer, Alabama."
    names = ("Ensley", "Florida", "Bessemer", "Alabama")
    assert _resolved(text, gazetteer, *names)[0].admin1 == "Florida"


def test_geoparse_a_listed_capital_is_not_moved_to_a_namesake(gazetteer: Gazetteer) -> None:
    text = "Flights between Washington and New York were delayed."
    washington, _ = _resolved(text, gazetteer, "Washington", "New York")
    assert washington.admin1 == "District of Columbia"


def test_geoparse_a_name_after_a_far_small_town_lies_at_the_focus(gazetteer: Gazetteer) -> None:
    text = (
        "A water main broke in downtown Portland, Oregon, on Monday, flooding streets in the "
        "Pearl District. Portland crews worked through the night."
    )
    *_, pearl, _ = _resolved(text, gazetteer, "Portland", "Oregon", "Pearl District", "Portland")
    assert (pearl.name, pearl.admin1, pearl.geonameid) == ("Portland", "Oregon", None)
    text = "The New York Auto Show opened on Friday. Dealers in Bowling Green, Kentucky, cheered."
    show, *_ = _resolved(text, gazetteer, "New York Auto Show", "Bowling Green", "Kentucky")
    assert show.name == "New York City"


def test_geoparse_supplement_zone_is_found_and_resolved(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "A soldier defected across the DMZ near Panmunjom on Monday."
    mentions = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in mentions] == ["DMZ", "Panmunjom"]
    dmz, jsa = (a[0] for a in resolve(mentions, gazetteer, text) if a)
    assert dmz.supplement_id == "korean-dmz" and jsa.supplement_id == "panmunjom"


def test_geoparse_finds_a_state_inside_an_organisation(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Kentucky State Police arrested a man on Tuesday."
    (mention,) = find_mentions(nlp(text), gazetteer)
    assert mention.text == "Kentucky" and mention.embedded


@pytest.mark.slow
@pytest.mark.data
def test_geoparse_geowebnews_scores_do_not_regress(nlp: Any, gazetteer: Gazetteer) -> None:
    """Evaluation gate: scores measured on GeoWebNews, pinned; they may only go up."""
    if not GWN.exists():
        pytest.skip(f"GeoWebNews not found at {GWN}: run from a checkout beside shared/")
    report = evaluate_places.score_geoparse(evaluate_places.read_geoparse_xml(GWN), nlp, gazetteer)
    scores = report.to_dict()
    assert scores["detection"]["f1"] >= 0.83
    assert scores["resolution"]["acc_at_161km"] >= 0.89
    assert scores["resolution"]["exact_geonameid"] >= 0.83


def test_geoparse_town_comma_area_makes_the_area_contain_the_town(gazetteer: Gazetteer) -> None:
    text = "The bakery in Tacoma, Washington, closed. Officials in Washington said nothing."
    tacoma, state, again = _resolved(text, gazetteer, "Tacoma", "Washington", "Washington")
    assert state.feature == "admin1" and tacoma.admin1 == "Washington" and again.id == state.id
    (alone,) = _resolved("Officials in Washington said nothing.", gazetteer, "Washington")
    assert alone.feature == "capital"


def test_geoparse_demonyms_are_context_mentions_on_request(nlp: Any, gazetteer: Gazetteer) -> None:
    parsed = nlp("Russian diplomats met British officials in Geneva.")
    assert _texts(parsed, gazetteer) == ["Geneva"]
    found = find_mentions(parsed, gazetteer, demonyms=True)
    assert [(m.text, m.embedded) for m in found] == [
        ("Russian", True), ("British", True), ("Geneva", False)
    ]  # fmt: skip
    answers = resolve(found, gazetteer, parsed.text)
    assert [a[0].country for a in answers if a] == ["RUS", "GBR", "CHE"]


def test_geoparse_plural_nationality_nouns_are_people_not_places(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    parsed = nlp("Mexicans and Canadians lined up as Mexican officials watched in Toronto.")
    found = find_mentions(parsed, gazetteer, demonyms=True)
    assert [m.text for m in found] == ["Mexican", "Toronto"]


def test_geoparse_focus_is_the_town_its_neighbours_surround(gazetteer: Gazetteer) -> None:
    text = (
        "A coach came from Charleston to Patriot High in Virginia. The school serves "
        "Centreville and Gainesville in Virginia."
    )
    names = ("Charleston", "Patriot High", "Virginia", "Centreville", "Gainesville", "Virginia")
    _, school, _, centreville, *_ = _resolved(text, gazetteer, *names)
    assert school.match == MATCH_CONTEXT and school.feature == "city"
    assert (school.name, school.admin1) == (centreville.name, "Virginia")


def test_geoparse_focus_lies_in_the_article_main_country(gazetteer: Gazetteer) -> None:
    text = (
        "Liverpool fans in Egypt watched the match in Madinaty, east of Cairo. "
        "Egypt's striker scored twice for Liverpool."
    )
    names = ("Liverpool", "Egypt", "Madinaty", "Cairo", "Egypt", "Liverpool")
    madinaty = _resolved(text, gazetteer, *names)[2]
    assert madinaty.match == MATCH_CONTEXT and madinaty.name == "Cairo"


def test_geoparse_a_list_of_states_makes_georgia_a_state(gazetteer: Gazetteer) -> None:
    text = "Storms hit Florida, Louisiana, Nevada and Georgia, and Guam sent help."
    names = ("Florida", "Louisiana", "Nevada", "Georgia", "Guam")
    georgia = _resolved(text, gazetteer, *names)[3]
    assert (georgia.feature, georgia.country) == ("admin1", "USA")
    (alone,) = _resolved("Protests spread across Georgia.", gazetteer, "Georgia")
    assert alone.feature == "country"


def test_geoparse_a_street_is_not_in_the_town_it_is_named_after(gazetteer: Gazetteer) -> None:
    text = "Shops on Hampton Avenue reopened. Chicago police said Chicago was calm."
    avenue, *_ = _resolved(text, gazetteer, "Hampton Avenue", "Chicago", "Chicago")
    assert avenue.match == MATCH_CONTEXT and avenue.name == "Chicago"


@pytest.mark.parametrize(
    ("name", "country"),
    [("St. Louis", "USA"), ("Cork", "IRL"), ("Tulkarm", "PSE"), ("Kidal", "MLI")],
)
def test_geoparse_a_city_shadows_the_province_named_after_it(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    (place,) = _resolved(f"Crowds gathered in {name} on Sunday.", gazetteer, name)
    assert (place.feature, place.country) == ("city", country)


def test_geoparse_a_province_named_as_one_is_not_its_town(gazetteer: Gazetteer) -> None:
    text = "Voters in the Tulkarm governorate turned out heavily."
    (place,) = _resolved(text, gazetteer, "Tulkarm")
    assert place.feature == "admin1"


def test_geoparse_an_embassy_is_not_in_its_own_country(gazetteer: Gazetteer) -> None:
    text = "Protesters gathered outside the Russian Embassy in Washington."
    embassy, _ = _resolved(text, gazetteer, "Russian Embassy", "Washington")
    assert embassy.country == "USA" and embassy.match == MATCH_CONTEXT


def test_geoparse_a_list_of_towns_is_not_a_town_and_its_state(gazetteer: Gazetteer) -> None:
    text = "After stops in Washington, New York and Boston, the prince flew west."
    washington, *_ = _resolved(text, gazetteer, "Washington", "New York", "Boston")
    assert washington.feature == "capital"
    text = "Officials met in Washington, New York on Monday."
    assert _resolved(text, gazetteer, "Washington", "New York")[0].feature != "capital"
    text = "Floods hit Lafayette, Indiana, and Springfield, Illinois."
    names = ("Lafayette", "Indiana", "Springfield", "Illinois")
    lafayette, _, springfield, _ = _resolved(text, gazetteer, *names)
    assert (lafayette.admin1, springfield.admin1) == ("Indiana", "Illinois")


def test_geoparse_mentions_in_any_order_resolve_alike(gazetteer: Gazetteer) -> None:
    text = "HELENA, Mont. (AP) — The bakery in Tacoma, Washington, closed on Monday."
    mentions = _mentions(text, "HELENA", "Mont.", "Tacoma", "Washington")
    in_order = [a[0].id for a in resolve(mentions, gazetteer, text) if a]
    backwards = [a[0].id for a in resolve(mentions[::-1], gazetteer, text) if a]
    assert backwards == in_order[::-1]
    assert [e.admin1 for e in _resolved(text, gazetteer, "Tacoma", "Washington")] == [
        "Washington", "Washington"
    ]  # fmt: skip


def test_geoparse_a_name_that_says_state_is_the_admin_area(gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked two villages in Sokoto State on Friday."
    (place,) = _resolved(text, gazetteer, "Sokoto State")
    assert (place.feature, place.country) == ("admin1", "NGA")


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Police in Suffolk County found her. Suffolk detectives said she lived in Southold.",
            ("Suffolk County", "Suffolk", "Southold"),
            [("admin2", "New York"), ("admin2", "New York"), ("city", "New York")],
        ),  # no town is called Suffolk there: the bare name is the county
        (
            "Lebanon County officials said the fire spread from Lebanon to a farm near Annville.",
            ("Lebanon County", "Lebanon", "Annville"),
            [("admin2", "Pennsylvania"), ("city", "Pennsylvania"), ("city", "Pennsylvania")],
        ),  # the town of that very name inside the county
        (
            "Kano State police said gunmen attacked a market in Kano.",
            ("Kano State", "Kano"),
            [("admin1", "Kano"), ("city", "Kano")],
        ),
        (
            "The Wabash County sheriff said the crash happened between Peru and Wabash.",
            ("Wabash County", "Peru", "Wabash"),
            [("admin2", "Indiana"), ("city", "Indiana"), ("city", "Indiana")],
        ),  # a name that says it is a county is not shadowed by the town of Wabash
        (
            "Clay County officials met in Manchester on Tuesday.",
            ("Clay County", "Manchester"),
            [("admin2", "Kentucky"), ("city", "Kentucky")],  # the county's seat
        ),
        (
            "Durham County commissioners met in Durham on Tuesday.",
            ("Durham County", "Durham"),
            [("admin2", "England"), ("city", "England")],
        ),
        (
            "Clay County deputies said the man fled to Manchester, N.H.",
            ("Clay County", "Manchester", "N.H."),
            [("admin2", "Florida"), ("city", "New Hampshire"), ("admin1", "New Hampshire")],
        ),
    ],
)
def test_geoparse_a_county_or_state_and_the_towns_beside_it(
    gazetteer: Gazetteer, text: str, names: tuple[str, ...], expected: list[tuple[str, str]]
) -> None:
    assert [(e.feature, e.admin1) for e in _resolved(text, gazetteer, *names)] == expected


def test_geoparse_a_saints_possessive_is_not_the_parish_of_that_name(
    gazetteer: Gazetteer,
) -> None:
    text = "Mourners filled St Patrick's on Sunday. Dublin priests led prayers in Dublin."
    church, *_ = _resolved(text, gazetteer, "St Patrick's", "Dublin", "Dublin")
    assert church.country == "IRL"
    (town,) = _resolved("Fog closed the port of St. John's.", gazetteer, "St. John's")
    assert town.feature in ("city", "capital")  # a town of that name (alone, Antigua's capital)
    assert town.name in ("St. John's", "Saint John’s")


def test_geoparse_a_county_its_state_and_towns_surround_beats_a_big_namesake(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Candidates met in Red Oak on Saturday. The Montgomery County Democrats hosted the "
        "forum, the first in Iowa this year."
    )
    town, county, _ = _resolved(text, gazetteer, "Red Oak", "Montgomery County", "Iowa")
    assert (town.admin1, county.admin1, county.feature) == ("Iowa", "Iowa", "admin2")


def test_geoparse_a_huge_city_inside_a_name_is_the_city(gazetteer: Gazetteer) -> None:
    text = "Crowds filled the New York Auto Show on Friday."
    (place,) = _resolved(text, gazetteer, "New York Auto Show")
    assert (place.feature, place.geonameid) == ("city", 5128581)


def test_geoparse_an_area_word_before_or_after_the_name_makes_it_the_area(
    gazetteer: Gazetteer,
) -> None:
    text = "Shelling hit the Governorate of Idlib, Tirana Municipality and the Emirate of Dubai."
    names = ("Governorate of Idlib", "Tirana Municipality", "Emirate of Dubai")
    places = _resolved(text, gazetteer, *names)
    assert [(p.feature, p.country) for p in places] == [
        ("admin1", "SYR"), ("admin1", "ALB"), ("admin1", "ARE")
    ]  # fmt: skip


def test_geoparse_canadian_province_abbreviations_resolve(gazetteer: Gazetteer) -> None:
    text = "Fires burned near Moncton, N.B., and Truro, N.S., and in Sask. and P.E.I."
    places = _resolved(text, gazetteer, "Moncton", "N.B.", "Truro", "N.S.", "Sask.", "P.E.I.")
    provinces = [p.name for p in places[1::2]]
    assert provinces == ["New Brunswick", "Nova Scotia", "Prince Edward Island"]
    assert places[4].name == "Saskatchewan"


def test_geoparse_a_short_acronym_inside_a_name_is_no_province(gazetteer: Gazetteer) -> None:
    text = "Pupils of Drumkeen NS sang at the concert."
    assert _resolved(text, gazetteer, "Drumkeen NS", backoff=False) == []


def test_geoparse_a_bare_direction_word_is_not_placed_at_the_focus(gazetteer: Gazetteer) -> None:
    text = "Moscow rejected Western sanctions. Moscow said the West had failed."
    answers = resolve(_mentions(text, "Moscow", "Western", "Moscow", "West"), gazetteer, text)
    assert answers[0] is not None and answers[1] is None and answers[3] is None


def test_geoparse_a_compound_direction_is_a_direction(gazetteer: Gazetteer) -> None:
    """ "the Northeast" names no town called Northeast; Cameroon's Northwest is Cameroon's only."""
    text = "Snow shut schools across the Northeast, and Boston declared an emergency."
    answers = resolve(_mentions(text, "Northeast", "Boston"), gazetteer, text)
    assert answers[0] is None and answers[1] is not None
    text = "Separatists in Bamenda, the capital of the Northwest, clashed with Cameroon troops."
    _, region, _ = _resolved(text, gazetteer, "Bamenda", "Northwest", "Cameroon")
    assert (region.feature, region.country) == ("admin1", "CMR")


def test_geoparse_a_province_of_generic_words_is_the_article_countrys(
    gazetteer: Gazetteer,
) -> None:
    text = "Miners marched in Rustenburg and Mahikeng, the capital of the North West."
    *_, province = _resolved(text, gazetteer, "Rustenburg", "Mahikeng", "North West")
    assert (province.feature, province.country) == ("admin1", "ZAF")
    text = "Floods hit Tamale and Bolgatanga. The Northern Region lost its bridges."
    *_, region = _resolved(text, gazetteer, "Tamale", "Bolgatanga", "Northern Region")
    assert (region.feature, region.country) == ("admin1", "GHA")
    text = "Kremlin officials in Moscow and Sochi blamed the Western Region."
    mentions = _mentions(text, "Moscow", "Sochi", "Western Region")
    assert resolve(mentions, gazetteer, text, backoff=False)[2] is None


def test_geoparse_the_gulf_is_the_one_whose_shore_the_article_names(gazetteer: Gazetteer) -> None:
    texas = "HOUSTON (AP) — Storms in the Gulf flooded Galveston, Texas, on Monday."
    gulf = _resolved(texas, gazetteer, "HOUSTON", "Gulf", "Galveston", "Texas")[1]
    assert gulf.supplement_id == "gulf-of-mexico"
    qatar = "DOHA (Reuters) — Tensions in the Gulf rose as Saudi Arabia and Qatar traded words."
    assert _resolved(qatar, gazetteer, "DOHA", "Gulf")[1].supplement_id == "persian-gulf"
    bare = "Oil prices rose on fears over shipping in the Gulf."
    assert _resolved(bare, gazetteer, "Gulf")[0].supplement_id == "persian-gulf"


def test_geoparse_the_european_union_is_placed_on_europe(gazetteer: Gazetteer) -> None:
    text = "Brussels said the EU and the European Union's members would act; E.U. rules apply."
    places = _resolved(text, gazetteer, "Brussels", "EU", "European Union", "E.U.")
    assert [p.geonameid for p in places[1:]] == [6255148] * 3
    assert places[1].feature == "continent"


def test_geoparse_a_british_county_beats_an_american_town_in_a_british_article(
    gazetteer: Gazetteer,
) -> None:
    text = "Police in England searched farms in Yorkshire, Berkshire, Cheshire and Herts."
    names = ("England", "Yorkshire", "Berkshire", "Cheshire", "Herts")
    counties = _resolved(text, gazetteer, *names)[1:]
    assert [c.country for c in counties] == ["GBR"] * 4
    assert counties[1].name == "Berkshire" and counties[3].name == "Hertfordshire"
    text = "Police in Hartford, Connecticut, searched a home in Cheshire."
    *_, cheshire = _resolved(text, gazetteer, "Hartford", "Connecticut", "Cheshire")
    assert (cheshire.country, cheshire.feature) == ("USA", "city")
    text = "Deputies in Manassas said a fire in Yorkshire, Virginia, was set."
    *_, yorkshire, _ = _resolved(text, gazetteer, "Manassas", "Yorkshire", "Virginia")
    assert yorkshire.country == "USA"


def test_geoparse_an_abbreviation_is_told_apart_by_the_article_country(
    gazetteer: Gazetteer,
) -> None:
    text = "Sharks were seen off Perth and Fremantle, Australia. WA officials closed beaches."
    *_, wa = _resolved(text, gazetteer, "Perth", "Fremantle", "Australia", "WA")
    assert (wa.name, wa.country) == ("Western Australia", "AUS")
    text = "Fires burned near Seattle and Tacoma. WA officials closed roads."
    *_, wa = _resolved(text, gazetteer, "Seattle", "Tacoma", "WA")
    assert (wa.name, wa.country) == ("Washington", "USA")
    text = "Miners in Johannesburg and Durban said SA needed power."
    *_, sa = _resolved(text, gazetteer, "Johannesburg", "Durban", "SA")
    assert (sa.feature, sa.country) == ("country", "ZAF")
    text = "Adelaide, SA, and Darwin, NT, sweltered."
    places = _resolved(text, gazetteer, "Adelaide", "SA", "Darwin", "NT")
    assert [p.name for p in places[1::2]] == ["South Australia", "Northern Territory"]


def test_geoparse_an_abbreviation_is_no_town_spelt_with_its_letters(gazetteer: Gazetteer) -> None:
    text = "The OAS met in Washington."
    assert _resolved(text, gazetteer, "OAS", backoff=False) == []
    assert _resolved("OAS", gazetteer, "OAS", backoff=False) == []
    dateline = "GAO, Mali (AP) — Gunmen attacked a base."
    assert _resolved(dateline, gazetteer, "GAO", "Mali")[0].name == "Gao"


def test_geoparse_an_embassy_lies_in_the_town_its_name_gives(gazetteer: Gazetteer) -> None:
    text = "Staff of the British Embassy Tokyo left. The Embassy of Armenia in Rome was shut."
    names = ("British Embassy Tokyo", "Embassy of Armenia", "Rome")
    tokyo, armenia, _ = _resolved(text, gazetteer, *names)
    assert (tokyo.name, tokyo.country) == ("Tokyo", "JPN")
    assert armenia.country != "ARM" and armenia.match == MATCH_CONTEXT


def test_geoparse_an_irish_county_holds_its_towns(gazetteer: Gazetteer) -> None:
    text = "Councillors of Cavan County Council met in Virginia and Cootehill."
    names = ("Cavan County Council", "Virginia", "Cootehill")
    _, virginia, _ = _resolved(text, gazetteer, *names)
    assert (virginia.country, virginia.feature) == ("IRL", "city")


def test_geoparse_co_before_a_name_makes_it_the_irish_county(gazetteer: Gazetteer) -> None:
    text = "Farmers in Co. Cork and Co Tipperary met at the Co Op."
    cork, tipperary = _resolved(text, gazetteer, "Co. Cork", "Co Tipperary", "Co Op", backoff=False)
    assert (cork.feature, cork.name) == ("admin1", "Cork")
    assert (tipperary.feature, tipperary.name) == ("admin1", "Tipperary")


def test_geoparse_arab_is_the_arab_world_but_arab_alabama_the_town(gazetteer: Gazetteer) -> None:
    text = "Saudi Arabia and other Arab states met in Riyadh."
    arab = _resolved(text, gazetteer, "Saudi Arabia", "Arab", "Riyadh")[1]
    assert arab.supplement_id == "arab-world"
    text = "Firefighters in Arab, Alabama, saved a barn."
    arab, _ = _resolved(text, gazetteer, "Arab", "Alabama")
    assert (arab.country, arab.feature) == ("USA", "city")


def test_geoparse_a_nationality_in_a_facility_name_is_a_style_abroad(gazetteer: Gazetteer) -> None:
    text = "Jazz filled the French Quarter of New Orleans, Louisiana, on Bourbon Street."
    names = ("French Quarter", "New Orleans", "Louisiana")
    quarter = _resolved(text, gazetteer, *names)[0]
    assert quarter.country == "USA" and quarter.match == MATCH_CONTEXT
    text = "In Moscow, the Russian Foreign Ministry summoned envoys; Russia denied it."
    ministry = _resolved(text, gazetteer, "Moscow", "Russian Foreign Ministry", "Russia")[1]
    assert ministry.country == "RUS"


def test_geoparse_the_west_coast_is_americas_but_new_zealands_at_home(
    gazetteer: Gazetteer,
) -> None:
    text = "Wildfires spread along the West Coast from Oregon to California."
    coast = _resolved(text, gazetteer, "West Coast", "Oregon", "California")[0]
    assert coast.supplement_id == "us-west-coast"
    text = "Floods cut roads in Greymouth and Hokitika, New Zealand, on the West Coast."
    names = ("Greymouth", "Hokitika", "New Zealand", "West Coast")
    coast = _resolved(text, gazetteer, *names)[-1]
    assert (coast.feature, coast.country) == ("admin1", "NZL")


def test_geoparse_la_is_los_angeles_or_louisiana_by_the_article(gazetteer: Gazetteer) -> None:
    text = "Traffic in L.A. was bad; Hollywood and Santa Monica jammed."
    assert _resolved(text, gazetteer, "L.A.", "Hollywood")[0].name == "Los Angeles"
    text = "Floods hit New Orleans and Shreveport. LA officials said."
    assert _resolved(text, gazetteer, "New Orleans", "Shreveport", "LA")[2].name == "Louisiana"


def test_geoparse_era_marker_after_a_number_is_no_place(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "The temple was built in 500 B.C. and restored in 1200 BC by monks from Vancouver."
    eras = [(text.index("B.C."), text.index("B.C.") + 4), (text.index("BC"), text.index("BC") + 2)]
    spans = [m.span for m in find_mentions(nlp(text), gazetteer)]
    assert not [s for s in spans if any(s[0] < b and a < s[1] for a, b in eras)]
    assert any(text[a:b] == "Vancouver" for a, b in spans)


def test_geoparse_towns_of_one_state_agree_on_it(gazetteer: Gazetteer) -> None:
    text = "Springfield aldermen approved the budget. A bank in Peoria and lawyers in Chicago help."
    springfield, peoria, _ = _resolved(text, gazetteer, "Springfield", "Peoria", "Chicago")
    assert (springfield.admin1, peoria.admin1) == ("Illinois", "Illinois")
    text = "Springfield aldermen approved the budget. Officials in Branson and Joplin agreed."
    assert _resolved(text, gazetteer, "Springfield", "Branson", "Joplin")[0].admin1 == "Missouri"


def test_geoparse_finds_places_the_tagger_called_people(nlp: Any, gazetteer: Gazetteer) -> None:
    def names(text: str) -> list[str]:
        return _texts(nlp(text), gazetteer)

    assert names("Fighting in Aden and Taiz killed dozens.") == ["Aden", "Taiz"]
    assert names("Rains lashed Tamil Nadu and Kerala.") == ["Tamil Nadu", "Kerala"]
    text = "Jets struck Sanaa on Monday. In Sanaa, residents said the strikes hit a market."
    assert names(text) == ["Sanaa", "Sanaa"]
    assert names("Mr Modi met Mr Modi's ministers. Modi said so.") == []
    assert "NATO" not in names("Troops from Germany and NATO arrived in Vilnius.")


def test_geoparse_an_institution_named_for_a_state_lies_in_the_articles_town(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Jackson police said the victim was taken to the University of Mississippi Medical "
        "Center. Officers from Clinton and Pearl assisted."
    )
    names = ("Jackson", "University of Mississippi Medical Center", "Clinton", "Pearl")
    jackson, center, *_ = _resolved(text, gazetteer, *names)
    assert (center.lat, center.lon, center.geonameid) == (jackson.lat, jackson.lon, None)
    text = "Memphis police said the man studied at the University of Mississippi Medical Center."
    names = ("Memphis", "University of Mississippi Medical Center")
    assert _resolved(text, gazetteer, *names)[1].feature == "admin1"  # Memphis is in Tennessee


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Lebanon firemen fought a fire. Mason and Springboro crews helped, Warren County said.",
            ("Lebanon", "Mason", "Springboro", "Warren County"),
            ("city", "Ohio"),
        ),
        (
            "Beaumont and Port Arthur leaders met Jefferson County judges about trade with China.",
            ("China", "Beaumont", "Port Arthur", "Jefferson County"),
            ("country", None),  # China, Texas has 1,100 people
        ),
        (
            "The Audrain County jury in Mexico convicted him. He was arrested in Centralia.",
            ("Mexico", "Audrain County", "Centralia"),
            ("city", "Missouri"),  # the county's seat, however large the country
        ),
        (
            "Hidalgo County officials said migrants from Mexico crossed near McAllen and Mission.",
            ("Mexico", "Hidalgo County", "McAllen", "Mission"),
            ("country", None),
        ),
        (
            "Troopers arrested two men in Auburn after a chase that began in Angola and crossed"
            " into Ohio near Edgerton.",
            ("Angola", "Auburn", "Ohio", "Edgerton"),
            ("city", "Indiana"),  # a town of 8,600 within 50 km of Auburn, Indiana
        ),
        (
            "Troopers in Auburn and Edgerton, Ohio, said the men had shipped guns to Angola.",
            ("Angola", "Auburn", "Edgerton", "Ohio"),
            ("country", None),  # nothing is placed in it: guns go to the country
        ),
    ],
)
def test_geoparse_a_country_or_the_town_of_its_name_among_the_articles_places(
    gazetteer: Gazetteer, text: str, names: tuple[str, ...], expected: tuple[str, str | None]
) -> None:
    """The first name is a town where the article's towns surround it, its county is named, or
    it lies beside one of them."""
    order = sorted(names, key=text.index)
    place = _resolved(text, gazetteer, *order)[order.index(names[0])]
    assert (place.feature, place.admin1) == expected


def test_geoparse_a_county_holding_the_articles_towns_beats_a_larger_namesake(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Washington County deputies said the boat capsized on the Ohio River near Marietta. "
        "A man from Belpre was rescued, and crews searched toward Parkersburg."
    )
    names = ("Washington County", "Ohio River", "Marietta", "Belpre", "Parkersburg")
    county, river, *_ = _resolved(text, gazetteer, *names)
    assert (county.feature, county.admin1) == ("admin2", "Ohio")
    assert river.feature == "river" and river.lat < 38  # its mouth at Cairo, not Ohio's middle


def test_geoparse_choices_settle_over_rounds_and_neighbours_count(gazetteer: Gazetteer) -> None:
    text = "A Portland firm will build a plant in Bangor. Augusta lawmakers approved tax breaks."
    assert {e.admin1 for e in _resolved(text, gazetteer, "Portland", "Bangor", "Augusta")} == {
        "Maine"
    }
    text = "Berlin mill workers rallied in Gorham. Coos County commissioners attended."
    gorham = _resolved(text, gazetteer, "Berlin", "Gorham", "Coos County")[1]
    assert gorham.admin1 == "New Hampshire"  # beside Berlin, not the larger Gorham, Maine


def test_geoparse_a_lowercase_area_word_after_a_name_makes_it_the_area(
    gazetteer: Gazetteer,
) -> None:
    text = "Washington state officials in Olympia and Seattle prepared for wildfires."
    assert _resolved(text, gazetteer, "Washington", "Olympia", "Seattle")[0].feature == "admin1"
    text = "New York state troopers stopped him near Albany."
    assert _resolved(text, gazetteer, "New York", "Albany")[0].feature == "admin1"
    text = "Quebec provincial police said a bus crashed near Trois-Rivieres."
    assert _resolved(text, gazetteer, "Quebec", "Trois-Rivieres")[0].feature == "admin1"
    text = "New York City police stopped him near Albany."
    assert _resolved(text, gazetteer, "New York", "Albany")[0].feature == "city"
    text = "The English countryside and Welsh hills drew visitors from Leeds."
    assert _resolved(text, gazetteer, "English", "Welsh", "Leeds")[0].name == "England"


def test_geoparse_republic_of_congo_is_congo_brazzaville(gazetteer: Gazetteer) -> None:
    assert _resolved("Republic of Congo voted.", gazetteer, "Republic of Congo")[0].country == "COG"
    assert _resolved("DR Congo voted.", gazetteer, "DR Congo")[0].country == "COD"


def test_geoparse_finds_a_town_naming_its_police(nlp: Any, gazetteer: Gazetteer) -> None:
    def names(text: str) -> list[str]:
        return _texts(nlp(text), gazetteer)

    assert names("Humboldt police arrested a man on Saturday.") == ["Humboldt"]
    assert names("Police officers and British officials met on Saturday.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clinton Mayor Tom Hardy thanked the students on Monday.", ["Clinton"]),
        ("Obama officials denied the report on Monday.", []),
        ("Mayor Tom Hardy thanked the students on Monday.", []),
    ],
)
def test_geoparse_a_town_before_its_officials_title_and_name(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    """The tagger calls "Clinton" a person; before a title and a person's own name it is the
    town the official serves."""
    assert _texts(nlp(text), gazetteer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The White House declined to comment on Friday.", []),
        ("White House aides met reporters in Denver.", ["Denver"]),
        ("The charge was denied by the Kremlin on Monday.", []),
        ("Protesters gathered outside the White House on Friday.", ["White House"]),
        ("Teachers marched on the Capitol in Oklahoma City.", ["Capitol", "Oklahoma City"]),
        ("She was barred from the Kremlin for a year.", ["Kremlin"]),
    ],
)
def test_geoparse_a_seat_of_power_is_a_place_only_as_a_place(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    """ "The White House declined" names the people in it; "outside the White House" the
    building."""
    assert _texts(nlp(text), gazetteer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Guests fled the Christopher Inn in New Orleans.", ["Christopher Inn", "New Orleans"]),
        ("Marchers filled Royal Street on Friday.", ["Royal Street"]),
        ("The Catholic Church condemned the attack.", []),
        ("The Supreme Court ruled on Friday.", []),
        ("Jasper quarterback Tim Hall threw for 200 yards on Friday.", []),
    ],
)
def test_geoparse_a_name_ending_in_a_building_word_is_a_facility(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    """Names the tagger calls organisations or people but whose last word makes them a
    building or a street; not institutions named like buildings, nor a person named after a
    role ("quarterback Tim Hall")."""
    assert _texts(nlp(text), gazetteer) == expected


def test_geoparse_a_town_the_article_names_is_found_inside_organisations(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """Inside an organisation's name a small town counts once the article names it as a place,
    as context only; the name alone vouches for nothing."""
    text = (
        "A fire broke out in Allendale on Friday. The Allendale Woman's Club raised funds, "
        "and Allendale Police Department officers helped."
    )
    found = [(m.text, m.embedded) for m in find_mentions(nlp(text), gazetteer)]
    assert found == [("Allendale", False), ("Allendale", True), ("Allendale", True)]
    alone = "The Allendale Woman's Club raised funds for the library."
    assert _texts(nlp(alone), gazetteer) == []


def test_geoparse_a_named_venue_in_a_town_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    def found(text: str) -> list[str]:
        return _texts(nlp(text), gazetteer)

    # the tagger calls these a person and an organisation
    assert found("The gala was held at Sullivan Goss in Santa Barbara.") == [
        "Sullivan Goss",
        "Santa Barbara",
    ]
    assert found("A researcher at Loyola University in Los Angeles reviewed the ballots.") == [
        "Loyola University",
        "Los Angeles",
    ]
    assert "Terra Kulture" not in found("Terra Kulture said it would reopen in Lagos.")
    text = "A bomber blew himself up outside the ministry of foreign affairs in Kabul."
    assert found(text) == ["Kabul"]  # a body written in lower case is no venue


def test_geoparse_an_untagged_town_after_in_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    parsed = nlp("The winning ticket was sold at a gas station in Riverdale on Friday.")
    assert _texts(parsed, gazetteer) == ["Riverdale"]


def test_geoparse_an_untagged_town_listed_with_a_place_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger marks Gao a person and leaves Timbuktu unmarked: "spread from" is motion,
    and Timbuktu is listed with Kidal."""
    parsed = nlp("Fighting spread from Gao to Kidal and Timbuktu.")
    assert _texts(parsed, gazetteer) == ["Gao", "Kidal", "Timbuktu"]
    parsed = nlp("Residents of Marietta and Smyrna packed the Cobb County commission meeting.")
    assert _texts(parsed, gazetteer) == ["Marietta", "Smyrna", "Cobb County"]
    parsed = nlp("Officials in Winston-Salem and Wilkes-Barre met.")  # Wilkes-Barre: an "ORG"
    assert _texts(parsed, gazetteer) == ["Winston-Salem", "Wilkes-Barre"]
    parsed = nlp("Schools in Lebanon and Mt. Juliet will close.")  # Mt. Juliet: a "NORP"
    assert _texts(parsed, gazetteer) == ["Lebanon", "Mt. Juliet"]
    parsed = nlp("The Welsh government said schools in Cardiff, Swansea and Newport reopened.")
    assert _texts(parsed, gazetteer) == ["Cardiff", "Swansea", "Newport"]  # Cardiff: untagged
    parsed = nlp("Forces pushed east toward Sirte and Jufra.")  # Jufra: an "ORG"
    assert _texts(parsed, gazetteer) == ["Sirte", "Jufra"]
    parsed = nlp("Kurdish and Arab residents clashed in Kirkuk.")
    assert _texts(parsed, gazetteer) == ["Kirkuk"]


def test_geoparse_a_list_of_towns_tagged_as_one_name_is_split(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    parsed = nlp("Rockets were fired at Sderot and Ashkelon.")
    assert [e.label_ for e in parsed.ents] == ["ORG"]  # the tagger's one name
    assert _texts(parsed, gazetteer) == ["Sderot", "Ashkelon"]
    parsed = nlp("They included Johnson & Johnson, Nestle and Hulu.")
    assert "Johnson" not in _texts(parsed, gazetteer)
    parsed = nlp("Visitors from Fairborn, Beavercreek and Yellow Springs filled the grandstand.")
    assert _texts(parsed, gazetteer) == ["Fairborn", "Beavercreek", "Yellow Springs"]
    assert _texts(nlp("Lawyers from Smith, Jones and Boston attended."), gazetteer) == ["Boston"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian troops captured Avdiivka after months of fighting.", ["Avdiivka"]),
        ("Israeli strikes on Rafah and Khan Younis killed 40 people.", ["Rafah", "Khan Younis"]),
        ("M23 rebels advanced toward Rutshuru on Monday.", ["Rutshuru"]),
        ("Haitian gangs attacked Mirebalais on Sunday.", ["Mirebalais"]),
        ("Turkish-backed fighters entered Manbij on Sunday.", ["Manbij"]),
        ("The delegation entered Johnson's office on Sunday.", []),
        ("Residents of Broussard and Carencro complained of flooding.", ["Broussard", "Carencro"]),
        ("Coastguard teams from Lee-on-the-Solent helped.", ["Lee-on-the-Solent"]),
        ("Guards intercepted migrants off Zuwara and Sabratha on Monday.", ["Zuwara", "Sabratha"]),
        ("Jets hit positions in Hawija and al-Qaim near the border.", ["Hawija", "al-Qaim"]),
        ("Clashes spread to al-Busayrah and Hajin on Monday.", ["al-Busayrah", "Hajin"]),
        ("Kurdish forces clashed with Turkish-backed groups near Manbij.", ["Manbij"]),
        ("Protests broke out in Hamilton, Bermuda, over the new tax.", ["Hamilton", "Bermuda"]),
        ("He says Turkey fired on Qamishli and other towns.", ["Turkey", "Qamishli"]),
        ("Police captured Sherman after a long chase.", []),
        ("Crews from Wapakoneta and Findlay fought the fire.", ["Wapakoneta", "Findlay"]),
        ("Aides from Jackson's office attended the hearing.", []),
        ("Officials from Jamestown and Dunkirk said so.", ["Jamestown", "Dunkirk"]),
        ("Officials from Pfizer and Moderna met regulators.", []),
        ("Jackson police said the man was shot twice.", ["Jackson"]),
        ("Police said a Belle Plaine man was hurt.", ["Belle Plaine"]),
        ("Hazard's mayor said the flood waters had receded.", ["Hazard"]),
        ("The Corbin-based company will add 50 jobs.", ["Corbin"]),
        ("The Rev. John Smith of Danville will lead a revival.", ["Danville"]),
        ("Tim Cook of Apple spoke on Tuesday.", []),
        ("Residents of Valencia fled the floods, as Spain sent troops.", ["Valencia", "Spain"]),
        ("Supporters of Valencia cheered the goal.", []),
        (
            "Fighting in Tripoli's Bab al-Tabbaneh district left three dead.",
            ["Tripoli", "Bab al-Tabbaneh"],
        ),
        ("Deputies found the car in Eureka, 40 miles north of Fortuna.", ["Eureka", "Fortuna"]),
        ("Troops were deployed to Valencia and Maracay after looting.", ["Valencia", "Maracay"]),
        ("Thousands of refugees fled for Adre on Monday.", ["Adre"]),
        ("Ecuadorian troops patrolled Guayaquil after the attack.", ["Guayaquil"]),
        ("The family left for Adre last week.", ["Adre"]),
        ("Bermuda's premier spoke in Hamilton as the storm passed.", ["Bermuda", "Hamilton"]),
        ("Smith's government fell in March.", []),
        ("Gunmen killed 20 villagers in central Mali's Mopti region.", ["Mali", "Mopti"]),
        ("ABIDJAN (Reuters) - Ivory Coast's army said so.", ["ABIDJAN", "Ivory Coast"]),
        ("Militants killed two workers in Shopian and Kulgam districts.", ["Shopian", "Kulgam"]),
        ("Flash floods hit Swat and Chitral districts.", ["Swat", "Chitral"]),
        ("Officials in the Russian region said so.", []),
        ("Gangs seized control of Croix-des-Bouquets on Monday.", ["Croix-des-Bouquets"]),
        ("Costa Rican officials in San Jose said so.", ["San Jose"]),
    ],
)
def test_geoparse_a_town_tagged_as_a_person_in_a_place_role(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    """Taken by armed men, attacked, moved toward, near, north of, where people come from, or
    policed: a town, whatever the tagger said (a person, a product, a date)."""
    assert _texts(nlp(text), gazetteer) == expected


def test_geoparse_a_town_cut_short_by_the_tagger_keeps_its_first_word(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Gang violence left 40 dead in Kingston, mostly in Spanish Town."
    mentions = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in mentions] == ["Kingston", "Spanish Town"]
    town = resolve(mentions, gazetteer, text)[1]
    assert town is not None and (town[0].name, town[0].country) == ("Spanish Town", "JAM")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Insurgents attacked a convoy near Palma and Mocimboa da Praia, the army said.",
            ["Palma", "Mocimboa da Praia"],
        ),
        (
            "Residents of Independence and Blue Springs said the storm knocked down trees.",
            ["Independence", "Blue Springs"],
        ),
        (
            "Roads in Brentwood, Spring Hill and Thompson's Station were icy.",
            ["Brentwood", "Spring Hill", "Thompson's Station"],
        ),
    ],
)
def test_geoparse_a_known_name_is_not_cut_to_its_last_words(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    """Not "Praia" (Cape Verde's capital) nor "Springs": the longer name the gazetteer knows."""
    assert _texts(nlp(text), gazetteer) == expected


def test_geoparse_a_world_capital_beats_a_lone_small_town_of_its_name(
    gazetteer: Gazetteer,
) -> None:
    text = "LONDON — In Washington, diplomats expelled from the United States prepared to leave."
    names = ("LONDON", "Washington", "United States")
    assert _resolved(text, gazetteer, *names)[1].admin1 == "District of Columbia"
    text = "Shares fell on Wall Street and in Frankfurt after the Fed raised rates."
    assert _resolved(text, gazetteer, "Wall Street", "Frankfurt")[1].country == "DEU"
    assert (
        _resolved("Lawmakers in Frankfort approved it.", gazetteer, "Frankfort")[0].country == "USA"
    )
    text = "Bermuda's premier spoke in Hamilton as the storm passed."
    assert _resolved(text, gazetteer, "Bermuda", "Hamilton")[1].country == "BMU"
    text = "LIMA, Ohio — Police said a man was shot on Tuesday in the United States."
    names = ("LIMA", "Ohio", "United States")
    assert _resolved(text, gazetteer, *names)[0].country == "USA"


def test_geoparse_a_town_of_the_articles_only_country_by_an_alternate_name_beats_one_abroad(
    gazetteer: Gazetteer,
) -> None:
    """GeoNames names the Greek town Archaía Olympía; "Olympia" is its alternate name, and
    the primary name of Washington's capital, which nothing in a Greek story speaks for."""
    text = "Wildfires in Greece forced evacuations near Athens and in the Peloponnese near Olympia."
    names = ("Greece", "Athens", "Peloponnese", "Olympia")
    assert _resolved(text, gazetteer, *names)[3].country == "GRC"
    text = "Lawmakers in Olympia passed the budget."
    assert _resolved(text, gazetteer, "Olympia")[0].admin1 == "Washington"


def test_geoparse_a_name_the_gazetteer_lacks_lies_in_the_town_the_text_puts_it_in(
    gazetteer: Gazetteer,
) -> None:
    """Not at the article's focus (Cairo) where the text says where: "in Alexandria",
    "Zentrabar House, Alexandria,"; but a comma before a clause's subject says nothing."""
    text = "CAIRO — Police in Cairo said fans gathered at the Blorvath Arena in Alexandria."
    arena = _resolved(text, gazetteer, "CAIRO", "Cairo", "Blorvath Arena", "Alexandria")[2]
    assert (arena.name, arena.geonameid) == ("Alexandria", None)
    text = "The clinic at Zentrabar House, Alexandria, was shut, police in Cairo said in Cairo."
    house = _resolved(text, gazetteer, "Zentrabar House", "Alexandria", "Cairo", "Cairo")[0]
    assert (house.name, house.geonameid) == ("Alexandria", None)
    text = "CAIRO — A coach left Cairo. Beyond Blorvath, Liverpool have other branches in Cairo."
    names = ("CAIRO", "Cairo", "Blorvath", "Liverpool", "Cairo")
    assert _resolved(text, gazetteer, *names)[2].name == "Cairo"


def test_geoparse_a_hamlet_alone_abroad_lies_in_the_province_the_article_names(
    gazetteer: Gazetteer,
) -> None:
    """The one Glenrock of the gazetteer is a Wyoming village: beside NSW and nothing near the
    village, the name is a place it lacks in New South Wales, even as the article's focus."""
    text = "Glenrock is a wild escape. Walkers reach Glenrock by the beach, NSW rangers said."
    glenrock = _resolved(text, gazetteer, "Glenrock", "Glenrock", "NSW")[0]
    assert (glenrock.country, glenrock.geonameid) == ("AUS", None)
    text = "VATICAN CITY — The pope prayed for the victims of a shipwreck off Calabria."
    assert _resolved(text, gazetteer, "VATICAN CITY", "Calabria")[0].country == "VAT"


def test_geoparse_a_street_named_like_a_far_town_lies_in_the_articles_town(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Police in Burlington said a man from Winooski was arrested after a fight on Church Street."
    )
    street = _resolved(text, gazetteer, "Burlington", "Winooski", "Church Street")[2]
    assert (street.admin1, street.geonameid) == ("Vermont", None)


def test_geoparse_a_large_country_named_does_not_keep_a_lone_town_from_a_city_abroad(
    gazetteer: Gazetteer,
) -> None:
    """The United States holds too many towns for its mention to choose Venice, California or
    Frankfort, Kentucky; a city counts its municipality's people where GeoNames counts only its
    centre (Venice, 51,000 people). A state named still keeps its town."""
    text = "Ukraine and the United States agreed. The Venice Commission said Ukraine must act."
    names = ("Ukraine", "United States", "Venice", "Ukraine")
    assert _resolved(text, gazetteer, *names)[2].country == "ITA"
    text = "U.S. stocks fell as markets in Frankfurt slid."
    assert _resolved(text, gazetteer, "U.S.", "Frankfurt")[1].country == "DEU"
    text = "Police in Venice, Florida, said the man was arrested."
    assert _resolved(text, gazetteer, "Venice", "Florida")[0].admin1 == "Florida"


def test_geoparse_a_sports_teams_home_is_the_large_city_of_its_name(
    gazetteer: Gazetteer,
) -> None:
    text = "HOUSTON — The Houston Rockets beat the Portland Trail Blazers in Texas."
    names = ("HOUSTON", "Houston", "Portland", "Texas")
    assert _resolved(text, gazetteer, *names)[2].admin1 == "Oregon"
    text = "Fans in Spokane and Tacoma, Washington, cheered the Vancouver Canucks."
    names = ("Spokane", "Tacoma", "Washington", "Vancouver")
    assert _resolved(text, gazetteer, *names)[3].country == "CAN"
    text = "The Texas Rangers beat the Houston Astros."
    assert _resolved(text, gazetteer, "Texas", "Houston")[0].feature == "admin1"
    text = "Portland, Texas, officials met on Monday."
    assert _resolved(text, gazetteer, "Portland", "Texas")[0].admin1 == "Texas"


GAME = " The coach praised the season and the championship game."


def test_geoparse_a_team_named_by_its_home_alone_is_from_a_large_town(
    gazetteer: Gazetteer,
) -> None:
    """In a game report, a name after a word of playing someone is a team's home: a large
    town, not a small one of the name no town of the article lies near; a neighbour of the
    article keeps the small one, and a larger state keeps the name."""
    text = "COLUMBUS, Ohio — The Bulldogs outlasted Louisville in overtime." + GAME
    names = ("COLUMBUS", "Ohio", "Louisville")
    assert _resolved(text, gazetteer, *names)[2].admin1 == "Kentucky"
    text = "CANTON, Ohio — Alliance beat Louisville 21-7 in the opener." + GAME
    names = ("CANTON", "Ohio", "Alliance", "Louisville")
    assert _resolved(text, gazetteer, *names)[3].admin1 == "Ohio"
    text = "Protesters marched against Louisville police near Canton, Ohio."
    names = ("Louisville", "Canton", "Ohio")
    assert _resolved(text, gazetteer, *names)[0].admin1 == "Ohio"  # no game report
    text = "Mississippi State played against Kentucky." + GAME
    assert _resolved(text, gazetteer, "Mississippi", "Kentucky")[1].feature == "admin1"


def test_geoparse_a_province_named_with_a_direction_is_kept_abroad(gazetteer: Gazetteer) -> None:
    text = "Floods inundated towns in Bavaria and Lower Austria."
    _, lower = _resolved(text, gazetteer, "Bavaria", "Lower Austria")
    assert (lower.feature, lower.country) == ("admin1", "AUT")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian warships sailed through the Bosphorus into the Black Sea.", "Bosphorus"),
        ("U.S. warships moved into the Gulf of Oman.", "Gulf of Oman"),
        ("Floods on the Danube inundated towns in Bavaria.", "Danube"),
    ],
)
def test_geoparse_straits_and_seas_of_the_supplement(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: str
) -> None:
    parsed = nlp(text)
    mentions = find_mentions(parsed, gazetteer)
    found = {m.text: r for m, r in zip(mentions, resolve(mentions, gazetteer, text), strict=True)}
    entry = found[expected]
    assert entry is not None and entry[0].supplement_id is not None


def test_geoparse_a_hyphened_city_the_tagger_cut_is_whole(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Heavy snow cut off villages in western Ukraine, near Ivano-Frankivsk."
    assert _texts(nlp(text), gazetteer) == ["Ukraine", "Ivano-Frankivsk"]
    text = "Volunteers cleared walking trails through the bush near Glenrock."
    assert "bush" not in _texts(nlp(text), gazetteer)


def test_geoparse_a_newspapers_town_is_context(nlp: Any, gazetteer: Gazetteer) -> None:
    text = (
        "The Decatur Daily Democrat reported that Adams County commissioners approved the "
        "wind farm near Geneva and Berne."
    )
    mentions = find_mentions(nlp(text), gazetteer)
    assert (mentions[0].text, mentions[0].embedded) == ("Decatur", True)
    geneva = resolve(mentions, gazetteer, text)[-2]
    assert geneva is not None and geneva[0].admin1 == "Indiana"


def test_geoparse_a_us_highway_is_not_the_country(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "A Maysville man was killed in a crash on U.S. 68 near Washington."
    assert "U.S." not in _texts(nlp(text), gazetteer)
    text = "U.S. troops left on Monday."
    assert _texts(nlp(text), gazetteer) == ["U.S."]


def test_geoparse_a_village_the_gazetteer_lacks_lies_in_its_bracketed_host(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "On 14 July 2021, JNIM fighters ambushed a FAMa convoy near Boni (Douentza, Mopti)."
    boni = _resolved(text, gazetteer, "Boni", "Douentza", "Mopti")[0]
    assert (boni.name, boni.country, boni.geonameid) == ("Douentza", "MLI", None)
    text = "Al Shabaab militants attacked an SNA base at Bulo Marer (Marka, Lower Shabelle)."
    mentions = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in mentions] == ["Bulo Marer", "Marka", "Lower Shabelle"]
    bulo = resolve(mentions, gazetteer, text)[0]
    assert bulo is not None and (bulo[0].name, bulo[0].geonameid) == ("Marka", None)
    text = "A man was shot in the Portland neighborhood of Jefferson County, Kentucky."
    portland = _resolved(text, gazetteer, "Portland", "Jefferson County", "Kentucky")[0]
    assert (portland.admin1, portland.geonameid) == ("Kentucky", None)
    text = "Officials met in Bonn (North Rhine-Westphalia) on Monday."
    assert _resolved(text, gazetteer, "Bonn", "North Rhine-Westphalia")[0].country == "DEU"


def test_geoparse_a_town_the_gazetteer_lacks_lies_in_the_province_written_after_it(
    gazetteer: Gazetteer,
) -> None:
    """No Rockingham of the gazetteer lies in Northamptonshire, nor an Ensley in Alabama: each
    is a town it lacks, placed in its host, not in Australia or Florida. A town the host holds
    keeps its own entry."""
    text = "The race moved to Rockingham, Northamptonshire, in August."
    town = _resolved(text, gazetteer, "Rockingham", "Northamptonshire")[0]
    assert (town.country, town.geonameid) == ("GBR", None)
    text = "Shootings in Ensley, Alabama, rose this year."
    town = _resolved(text, gazetteer, "Ensley", "Alabama")[0]
    assert (town.admin1, town.geonameid) == ("Alabama", None)
    text = "A man from Paris, Texas, was arrested."
    town = _resolved(text, gazetteer, "Paris", "Texas")[0]
    assert (town.admin1, town.feature) == ("Texas", "city") and town.geonameid is not None


def test_geoparse_a_dateline_the_tagger_ran_into_the_story_ends_at_the_dash(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "NEW DELHI - Farmers from Punjab and Haryana blocked highways."
    assert _texts(nlp(text), gazetteer)[0] == "NEW DELHI"


def test_geoparse_a_far_hamlet_no_area_of_the_article_holds_lies_at_the_focus(
    gazetteer: Gazetteer,
) -> None:
    text = "Providence police said a man was stabbed in Federal Hill; Cranston police helped."
    _, hill, _ = _resolved(text, gazetteer, "Providence", "Federal Hill", "Cranston")
    assert (hill.admin1, hill.geonameid) == ("Rhode Island", None)
    text = "Pulaski County deputies found the car in Burnside. Somerset police helped."
    burnside = _resolved(text, gazetteer, "Pulaski County", "Burnside", "Somerset")[1]
    assert (burnside.name, burnside.admin1) == ("Burnside", "Kentucky")


def test_geoparse_a_tiny_far_town_of_an_alternate_name_lies_at_the_focus(
    gazetteer: Gazetteer,
) -> None:
    text = "Turkish troops entered Afrin after shelling Jandaris and Rajo."
    *_, rajo = _resolved(text, gazetteer, "Afrin", "Jandaris", "Rajo")
    assert (rajo.country, rajo.geonameid) == ("SYR", None)


def test_geoparse_a_dateline_the_tagger_cut_short_keeps_its_first_word(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "CHERRY HILL, N.J. — Police said the driver fled toward Camden."
    assert _texts(nlp(text), gazetteer) == ["CHERRY HILL", "N.J.", "Camden"]


def test_geoparse_a_river_the_gazetteer_lacks_is_no_county_of_its_name(
    gazetteer: Gazetteer,
) -> None:
    text = "Police in Moorhead, Minn., arrested a Fargo man after a chase across the Red River."
    *_, river = _resolved(text, gazetteer, "Moorhead", "Minn.", "Fargo", "Red River")
    assert (river.admin1, river.geonameid) in (("Minnesota", None), ("North Dakota", None))


def test_geoparse_a_town_named_by_generic_words_is_found(gazetteer: Gazetteer) -> None:
    (town,) = _resolved("The parade went through State College.", gazetteer, "State College")
    assert (town.name, town.admin1) == ("State College", "Pennsylvania")
    text = "Police in Columbia County said a man was arrested near Lake City, Fla."
    town = _resolved(text, gazetteer, "Columbia County", "Lake City", "Fla.")[1]
    assert (town.name, town.admin1, town.feature) == ("Lake City", "Florida", "city")


def test_geoparse_a_large_city_named_by_an_alternate_name_beats_its_municipality(
    gazetteer: Gazetteer,
) -> None:
    leon, _ = _resolved("Bodies were found in Leon, Guanajuato.", gazetteer, "Leon", "Guanajuato")
    assert (leon.feature, leon.country) == ("city", "MEX")


def test_geoparse_a_county_inside_an_untagged_office_name_places_its_towns(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "The Lamar County Sheriff's Office said the man was booked into the jail in Paris."
    mentions = find_mentions(nlp(text), gazetteer)
    assert [(m.text, m.embedded) for m in mentions] == [("Lamar County", True), ("Paris", False)]
    county, paris = (a[0] for a in resolve(mentions, gazetteer, text) if a is not None)
    assert (county.feature, paris.admin1) == ("admin2", "Texas")


def test_geoparse_a_town_in_a_county_the_article_names_beats_a_country_alone(
    gazetteer: Gazetteer,
) -> None:
    text = "Wilson County schools in Lebanon will close Friday because of ice."
    county, lebanon = _resolved(text, gazetteer, "Wilson County", "Lebanon")
    assert (county.admin1, lebanon.admin1, lebanon.feature) == ("Tennessee", "Tennessee", "city")
    text = "Wilson County farmers sold soybeans to Lebanon."
    assert _resolved(text, gazetteer, "Wilson County", "Lebanon")[1].feature == "country"


def test_geoparse_a_towns_own_offices_make_it_the_town_its_county_holds(
    gazetteer: Gazetteer,
) -> None:
    text = "Peru police said the fire at the Miami County grain elevator in Indiana was arson."
    peru = _resolved(text, gazetteer, "Peru", "Miami County", "Indiana")[0]
    assert (peru.feature, peru.admin1) == ("city", "Indiana")
    text = (
        "The Cairo city council in Alexander County voted to close the courthouse, Illinois said."
    )
    cairo = _resolved(text, gazetteer, "Cairo", "Alexander County", "Illinois")[0]
    assert (cairo.country, cairo.admin1) == ("USA", "Illinois")
    text = "Miami County farmers in Indiana sold corn to Peru."
    assert _resolved(text, gazetteer, "Miami County", "Indiana", "Peru")[2].feature == "country"


def test_geoparse_a_state_written_after_a_town_far_from_its_city_is_the_state(
    gazetteer: Gazetteer,
) -> None:
    text = "The Delaware County sheriff said a truck crashed near Delhi, New York, injuring two."
    county, delhi, state = _resolved(text, gazetteer, "Delaware County", "Delhi", "New York")
    assert (delhi.country, delhi.admin1) == ("USA", "New York")
    assert (state.feature, county.admin1) == ("admin1", "New York")
    text = "A man from Brooklyn, New York, was arrested on Monday."
    assert _resolved(text, gazetteer, "Brooklyn", "New York")[1].feature == "city"


def test_geoparse_a_town_in_a_county_the_article_names_beats_a_capital_abroad(
    gazetteer: Gazetteer,
) -> None:
    text = "The Laurel County Fiscal Court met, and the London City Council did the same."
    county, london = _resolved(text, gazetteer, "Laurel County", "London")
    assert (county.admin1, london.admin1, london.country) == ("Kentucky", "Kentucky", "USA")
    text = "Kentucky's governor flew to London for talks on bourbon tariffs."
    assert _resolved(text, gazetteer, "Kentucky", "London")[1].country == "GBR"


def test_geoparse_a_small_town_in_its_county_beats_a_country_end_to_end(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Jordan police said a Belle Plaine man was hurt. Scott County deputies helped."
    mentions = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in mentions] == ["Jordan", "Belle Plaine", "Scott County"]
    places = [a[0] for a in resolve(mentions, gazetteer, text) if a is not None]
    assert [(e.feature, e.admin1) for e in places] == [("city", "Minnesota")] * 2 + [
        ("admin2", "Minnesota")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Nappanee City Council approved the bond.", [("Nappanee", True)]),
        ("The Kansas City Council approved the bond.", [("Kansas City", True)]),
        ("The Yakima City Council approved the bond.", [("Yakima", True)]),  # not Yakima City
        ("Mishawaka resident Jane Doe, 45, was charged.", [("Mishawaka", False)]),
        ("The Wildcats beat Bourbon County 54-41 on Friday.", [("Bourbon County", False)]),
    ],
)
def test_geoparse_the_town_of_a_local_body_or_resident(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[tuple[str, bool]]
) -> None:
    """A town's council or police names it as context; its resident names it as a place; a
    game's score is no part of a team's place."""
    assert [(m.text, m.embedded) for m in find_mentions(nlp(text), gazetteer)] == expected


def test_geoparse_places_in_a_compound_the_tokenizer_kept_whole(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    parsed = nlp("Migrants gathered at the U.S.-Mexico border; U.S.-led patrols grew.")
    assert "U.S.-Mexico" in [t.text for t in parsed]  # one token
    found = [(m.text, m.embedded) for m in find_mentions(parsed, gazetteer)]
    assert found == [("U.S.-Mexico border", False), ("U.S.", True)]  # the supplement's border
    parsed = nlp("Trade across the U.S.-Mexico frontier grew.")
    found = [(m.text, m.embedded) for m in find_mentions(parsed, gazetteer)]
    assert found == [("U.S.", True), ("Mexico", True)]


def test_geoparse_a_name_cut_short_by_the_tagger_loses_its_function_word(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    parsed = nlp("The Village of Skokie will repave Oakton Street.")
    assert parsed.ents[0].text == "The Village of"  # the tagger's cut
    assert _texts(parsed, gazetteer) == ["Skokie", "Oakton Street"]


def test_geoparse_a_persons_surname_alone_is_the_person(nlp: Any, gazetteer: Gazetteer) -> None:
    parsed = nlp("Reporter Chris Holland covered the trial. Holland recalled the verdict.")
    assert "Holland" not in _texts(parsed, gazetteer)
    parsed = nlp("Reporter Chris Holland covered the trial. He grew up in Holland, Michigan.")
    assert _texts(parsed, gazetteer)[-2:] == ["Holland", "Michigan"]
    text = "Rain flooded Mumbai's Andheri, and trains to Thane and Navi Mumbai were suspended."
    parsed = nlp(text)
    assert "Navi Mumbai" in [e.text for e in parsed.ents if e.label_ == "PERSON"]  # the tagger's
    assert "Mumbai" in _texts(parsed, gazetteer)  # no person's surname: Navi Mumbai is a place


def test_geoparse_finds_town_and_area_pairs(nlp: Any, gazetteer: Gazetteer) -> None:
    """ "Town, County" as British news writes it; the tagger marks neither here."""
    parsed = nlp("15/16 September: Silverstone, Northamptonshire. 29/30 September: Thruxton.")
    assert _texts(parsed, gazetteer)[:2] == [
        "Silverstone",
        "Northamptonshire",
    ]
    assert find_mentions(nlp("Smith, Jones and Brown were named."), gazetteer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas officials in Doha said talks had stalled.", ["Doha"]),
        ("Taliban officials said the Kabul police chief was killed.", ["Kabul"]),
    ],
)
def test_geoparse_an_armed_group_is_no_place(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    """GeoNames has places called Hamas (by its spelling key, Hamm) and Taliban; the groups of
    the actor lexicon are never them."""
    assert _texts(nlp(text), gazetteer) == expected


def test_geoparse_an_entity_run_across_a_comma_is_cut(nlp: Any, gazetteer: Gazetteer) -> None:
    """The tagger ran "Lower Shabelle, Somali" into one place: the province is the mention,
    the nationality word a context mention of its own."""
    parsed = nlp("Al-Shabaab militants attacked a base in Lower Shabelle, Somali officials said.")
    assert _texts(parsed, gazetteer) == ["Lower Shabelle"]
    found = find_mentions(parsed, gazetteer, demonyms=True)
    assert [(m.text, m.embedded) for m in found] == [("Lower Shabelle", False), ("Somali", True)]


def test_geoparse_an_ideal_inside_an_organisations_name_is_no_town(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    parsed = nlp("The junta bombed a village in Sagaing, the Kachin Independence Army said.")
    assert "Independence" not in _texts(parsed, gazetteer)
    parsed = nlp("Police in Independence said two men were arrested.")
    assert _texts(parsed, gazetteer) == ["Independence"]


def test_geoparse_a_town_under_siege_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    """The tagger calls Kherson a person; a verb of siege places any town, not only large ones
    (GeoNames' Kherson has 66,000 people, under the salient size)."""
    parsed = nlp("Russian forces shelled Kherson overnight, Ukraine's military said.")
    assert _texts(parsed, gazetteer) == ["Kherson", "Ukraine"]


def test_geoparse_a_town_fled_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    """The tagger calls Hammond a person; what one flees or escapes is a place."""
    parsed = nlp("Police said the suspect was caught in Gary after fleeing Hammond.")
    assert _texts(parsed, gazetteer) == ["Gary", "Hammond"]
    assert _texts(nlp("The boy fled Smith after the argument."), gazetteer) == []


def test_geoparse_an_untagged_county_may_have_a_hyphen_in_its_name(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "The Matanuska-Susitna Borough assembly met in Palmer on Tuesday."
    mentions = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in mentions] == ["Matanuska-Susitna Borough", "Palmer"]
    borough, palmer = (a[0] for a in resolve(mentions, gazetteer, text) if a is not None)
    assert (borough.feature, palmer.admin1) == ("admin2", "Alaska")  # not Massachusetts'


def test_geoparse_a_venue_lies_in_the_town_the_text_gives(gazetteer: Gazetteer) -> None:
    text = "Students at Lincoln High School in Tacoma walked out on Wednesday."
    school, tacoma = _resolved(text, gazetteer, "Lincoln High School", "Tacoma")
    assert (school.name, school.admin1, school.geonameid) == ("Tacoma", "Washington", None)
    assert school.match == MATCH_CONTEXT and tacoma.geonameid is not None
    text = "The team trained at Lincoln High School on Wednesday."  # no town: its name's
    assert _resolved(text, gazetteer, "Lincoln High School")[0].name == "Lincoln"


def test_geoparse_a_facilitys_kind_is_no_town_inside_its_name(gazetteer: Gazetteer) -> None:
    text = "The avenue marked the lower limit of the Marigny Plantation in New Orleans."
    plantation, _ = _resolved(text, gazetteer, "Marigny Plantation", "New Orleans")
    assert (plantation.name, plantation.admin1) == ("New Orleans", "Louisiana")
    text = "He lives in Plantation, Florida."
    assert _resolved(text, gazetteer, "Plantation")[0].name == "Plantation"


def test_geoparse_choices_do_not_swing_between_two_readings(gazetteer: Gazetteer) -> None:
    text = (
        "Humboldt police arrested a man from Milan on Saturday. The Madison County Sheriff's "
        "Office said the suspect was also wanted in Jackson and Trenton. He is being held in "
        "Gibson County."
    )
    names = ("Humboldt", "Milan", "Madison", "Jackson", "Trenton", "Gibson County")
    jackson = _resolved(text, gazetteer, *names)[3]
    assert jackson.admin1 == "Tennessee"  # with its neighbours, not Jackson, Mississippi


def test_geoparse_a_county_inside_an_organisation_is_the_county(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Police in Humboldt said the Madison County Sheriff's Office was told on Monday."
    names = _texts(nlp(text), gazetteer)
    assert "Madison County" in names and "Madison" not in names  # not Madison, Wisconsin


def test_geoparse_lakes_and_islands_against_towns_of_their_names(gazetteer: Gazetteer) -> None:
    text = "Boats capsized on Lake Victoria near Kisumu."
    assert _resolved(text, gazetteer, "Lake Victoria", "Kisumu")[0].feature == "lake"
    text = "The storm hit Trinidad and Tobago before moving toward Grenada."
    assert _resolved(text, gazetteer, "Trinidad", "Tobago", "Grenada")[0].country == "TTO"
    text = "Floods in Trinidad, capital of Beni, and in Santa Cruz hit Bolivia."
    assert _resolved(text, gazetteer, "Trinidad", "Beni", "Santa Cruz", "Bolivia")[0].country == (
        "BOL"
    )
    text = "Lake Geneva police and Kenosha officials met in Milwaukee."
    lake_geneva = _resolved(text, gazetteer, "Lake Geneva", "Kenosha", "Milwaukee")[0]
    assert (lake_geneva.feature, lake_geneva.country) == ("city", "USA")


def test_geoparse_a_direction_before_a_foreign_provinces_name_is_no_province(
    gazetteer: Gazetteer,
) -> None:
    text = "Floods hit Lismore and Ballina. The Northern Rivers region braced as Brisbane watched."
    rivers = _resolved(text, gazetteer, "Lismore", "Ballina", "Northern Rivers", "Brisbane")[2]
    assert rivers.country == "AUS"  # not Nigeria's Rivers State
    text = "Wildfires spread across Northern Alberta. Edmonton and Calgary sent crews."
    alberta = _resolved(text, gazetteer, "Northern Alberta", "Edmonton", "Calgary")[0]
    assert (alberta.feature, alberta.name) == ("admin1", "Alberta")
    assert _resolved("Floods hit Central Java.", gazetteer, "Central Java")[0].country == "IDN"


def test_geoparse_islands_that_are_no_admin_area(gazetteer: Gazetteer) -> None:
    text = "The earthquake struck off Sumatra, shaking Padang and Bengkulu."
    sumatra = _resolved(text, gazetteer, "Sumatra", "Padang", "Bengkulu")[0]
    assert (sumatra.feature, sumatra.country) == ("island", "IDN")
    (majorca,) = _resolved("Tourists left Majorca.", gazetteer, "Majorca")
    assert (majorca.feature, majorca.country) == ("island", "ESP")
    (rhodes,) = _resolved("Wildfires forced evacuations on Rhodes.", gazetteer, "Rhodes")
    assert rhodes.country == "GRC"  # ranked by its population, above Rhodes, New South Wales
    text = "Rescuers in Hamilton searched as the storm crossed New Zealand's North Island."
    island = _resolved(text, gazetteer, "Hamilton", "New Zealand", "North Island")[2]
    assert (island.feature, island.country) == ("island", "NZL")


def test_geoparse_english_names_of_large_foreign_cities_beat_small_namesakes(
    gazetteer: Gazetteer,
) -> None:
    for name, country in (("Seville", "ESP"), ("Cologne", "DEU"), ("Calcutta", "IND")):
        (city,) = _resolved(f"Officials in {name} said the city was calm.", gazetteer, name)
        assert (city.country, city.feature) == (country, "city"), name
    text = "Pilgrims gathered in Mecca and Medina for the hajj."
    assert {e.country for e in _resolved(text, gazetteer, "Mecca", "Medina")} == {"SAU"}
    text = "Voters in Medina and Akron lined up early."
    assert _resolved(text, gazetteer, "Medina", "Akron")[0].country == "USA"  # Medina, Ohio
    (kut,) = _resolved("A bomb exploded in Kut on Sunday.", gazetteer, "Kut")
    assert kut.country == "IRQ"


def test_geoparse_washington_is_the_state_where_the_article_is_in_it(
    gazetteer: Gazetteer,
) -> None:
    text = "Washington wildfires forced evacuations near Spokane and Yakima."
    state = _resolved(text, gazetteer, "Washington", "Spokane", "Yakima")[0]
    assert (state.feature, state.geonameid) == ("admin1", 5815135)
    text = "Washington warned Beijing over arms sales to Taiwan."
    capital = _resolved(text, gazetteer, "Washington", "Beijing", "Taiwan")[0]
    assert (capital.feature, capital.geonameid) == ("capital", 4140963)
    text = "Officials in Washington and Baltimore said the storm had passed."
    assert _resolved(text, gazetteer, "Washington", "Baltimore")[0].feature == "capital"
    text = "The senator flew from Seattle to Washington to lobby Congress."
    assert _resolved(text, gazetteer, "Seattle", "Washington")[1].feature == "capital"


def test_geoparse_washington_listed_with_distant_states_is_the_state(
    gazetteer: Gazetteer,
) -> None:
    """A list names places of one kind: Washington beside Oregon or California is the state;
    beside Maryland and Virginia, which surround the District, the capital."""
    text = "Voters in Oregon and Washington approved the measure."
    assert _resolved(text, gazetteer, "Oregon", "Washington")[1].feature == "admin1"
    text = "Jobs moved from states such as California or Washington to Utah."
    assert _resolved(text, gazetteer, "California", "Washington", "Utah")[1].feature == "admin1"
    text = "Maryland, Virginia and Washington closed schools."
    names = ("Maryland", "Virginia", "Washington")
    assert _resolved(text, gazetteer, *names)[2].feature == "capital"
    text = "Officials in Washington and Ottawa met."
    assert _resolved(text, gazetteer, "Washington", "Ottawa")[0].feature == "capital"


def test_geoparse_nationality_words_inside_names_are_demonym_mentions(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    parsed = nlp("Soldiers of the Nigerian Army spoke to The Canadian Press in English.")
    found = find_mentions(parsed, gazetteer, demonyms=True)
    assert [(m.text, m.embedded) for m in found] == [("Nigerian", True), ("Canadian", True)]
    assert find_mentions(parsed, gazetteer) == []  # the places stage never sees them


def test_geoparse_a_name_after_a_verb_of_motion_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    parsed = nlp("The closure will affect people travelling to Cirencester from Gloucester.")
    assert _texts(parsed, gazetteer) == ["Cirencester", "Gloucester"]
    assert find_mentions(nlp("He talked to Jordan about it."), gazetteer) == []


def test_geoparse_a_short_form_matches_only_written_short(nlp: Any, gazetteer: Gazetteer) -> None:
    parsed = nlp("A weak La Niña formed, forecasters in Boulder said. Floods hit Monroe, La.")
    assert _texts(parsed, gazetteer) == ["Boulder", "Monroe", "La."]
    parsed = nlp("US troops left, the U.S. Navy stayed, and police in L.A. said so.")
    assert _texts(parsed, gazetteer) == ["US", "U.S.", "L.A."]


def test_geoparse_finds_a_datelines_town_in_capitals(nlp: Any, gazetteer: Gazetteer) -> None:
    parsed = nlp("IMMOKALEE – Congressman Mario Diaz-Balart spoke on Friday.")
    assert _texts(parsed, gazetteer)[:1] == ["IMMOKALEE"]
    parsed = nlp("PLEASANTON, Calif. -- DeltaTrak announced a new logger.")
    assert _texts(parsed, gazetteer)[:1] == ["PLEASANTON"]
    parsed = nlp("He met the president of Mexico. AMLO, as he is known, spoke.")
    assert "AMLO" not in _texts(parsed, gazetteer)


def test_geoparse_a_town_naming_its_people_is_a_mention(nlp: Any, gazetteer: Gazetteer) -> None:
    parsed = nlp("A Humboldt woman was charged after the crash.")
    assert _texts(parsed, gazetteer) == ["Humboldt"]


def test_geoparse_a_town_listed_with_a_nearby_town_beats_a_country(gazetteer: Gazetteer) -> None:
    text = "Police in Youngstown and Poland said the suspect fled toward Boardman."
    poland = _resolved(text, gazetteer, "Youngstown", "Poland", "Boardman")[1]
    assert (poland.feature, poland.country) == ("city", "USA")
    text = "Poland and Hungary blocked the budget, officials in Brussels said."
    poland = _resolved(text, gazetteer, "Poland", "Hungary", "Brussels")[0]
    assert (poland.feature, poland.country) == ("country", "POL")


def test_geoparse_a_plural_area_word_after_a_list_qualifies_each_name(
    gazetteer: Gazetteer,
) -> None:
    text = "Gunmen killed villagers in Zamfara, Kebbi and Katsina states, police said."
    places = _resolved(text, gazetteer, "Zamfara", "Kebbi", "Katsina")
    assert [(e.name, e.feature) for e in places][2] == ("Katsina", "admin1")
    (town,) = _resolved("Katsina police said the market reopened.", gazetteer, "Katsina")
    assert town.feature == "city"


def test_geoparse_named_regions_of_local_news(gazetteer: Gazetteer) -> None:
    text = "Tech firms in Silicon Valley and the Bay Area cut jobs as New England braced for snow."
    places = _resolved(text, gazetteer, "Silicon Valley", "Bay Area", "New England")
    assert [(e.feature, e.country) for e in places] == [("region", "USA")] * 3
    text = "Police in Birmingham and across the Midlands arrested 12."
    assert _resolved(text, gazetteer, "Birmingham", "Midlands")[1].country == "GBR"
    text = "Farmers in the Midlands of Zimbabwe near Gweru said the rains failed."
    midlands = _resolved(text, gazetteer, "Midlands", "Zimbabwe", "Gweru")[0]
    assert (midlands.feature, midlands.country) == ("admin1", "ZWE")


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Cairo police said flooding near Carbondale and Paducah closed roads.",
            ("Cairo", "Carbondale", "Paducah"),
            ("USA", "Illinois"),
        ),
        (
            "Cairo police said protesters marched from Giza toward Tahrir Square.",
            ("Cairo", "Giza"),
            ("EGY", "Al Qāhirah"),
        ),
        (
            "Workers from Byron and Kasson will train at the college in Austin.",
            ("Austin", "Byron", "Kasson"),
            ("USA", "Minnesota"),  # not Texas's capital, a state the article does not name
        ),
        (
            "The firm, with workers in Byron and Kasson, will open an office in Austin, Texas.",
            ("Austin", "Byron", "Kasson", "Texas"),
            ("USA", "Texas"),
        ),
    ],
)
def test_geoparse_a_town_between_two_of_the_articles_towns_beats_a_famous_namesake(
    gazetteer: Gazetteer, text: str, names: tuple[str, ...], expected: tuple[str, str]
) -> None:
    """The first name is the town its neighbours in the article surround, unless the text says
    otherwise."""
    order = sorted(names, key=text.index)
    place = _resolved(text, gazetteer, *order)[order.index(names[0])]
    assert (place.country, place.admin1) == expected


def test_geoparse_a_famous_city_beats_a_village_that_bears_its_name_among_the_towns(
    gazetteer: Gazetteer,
) -> None:
    """Marseille-en-Beauvaisis, a village of 990 that GeoNames also calls "Marseille", lies
    near Paris and Nanterre, but a name the town bears only as another name does not beat a
    city called by its own."""
    text = "PARIS - Riots broke out in Nanterre, and spread to Marseille, Lyon and Lille."
    marseille = _resolved(text, gazetteer, "PARIS", "Nanterre", "Marseille", "Lyon", "Lille")[2]
    assert (marseille.name, marseille.admin1) == ("Marseille", "Provence-Alpes-Côte-d’Azur")


def test_geoparse_the_capital_of_a_named_country_beats_a_namesake_in_an_unnamed_one(
    gazetteer: Gazetteer,
) -> None:
    """Here Mahe, the Seychelles' island, is only a town in India to the gazetteer, so that no
    other place lies in the Seychelles to vouch for its capital."""
    text = "The Seychelles government in Victoria said tourists from Mahe were evacuated."
    victoria = _resolved(text, gazetteer, "Seychelles", "Victoria", "Mahe")[1]
    assert (victoria.feature, victoria.country) == ("capital", "SYC")  # not Australia's state
    text = "Victoria police said a man from Melbourne was hurt in the Seychelles."
    victoria = _resolved(text, gazetteer, "Victoria", "Melbourne", "Seychelles")[0]
    assert victoria.country == "AUS"  # the article's other place lies in Australia


def test_geoparse_a_town_abroad_by_another_name_only_is_no_place_of_a_foreign_story(
    gazetteer: Gazetteer,
) -> None:
    """GeoNames gives Korla, China, "Kurla" among its other names; Mumbai's Kurla it lacks."""
    text = "Heavy rain flooded Mumbai and Kurla, and trains to Thane were cancelled."
    kurla = _resolved(text, gazetteer, "Mumbai", "Kurla", "Thane")[1]
    assert (kurla.country, kurla.geonameid) == ("IND", None)
    text = "A plane from Frankfurt landed in Charlotte, and passengers from Asheville were hurt."
    frankfurt = _resolved(text, gazetteer, "Frankfurt", "Charlotte", "Asheville")[0]
    assert (frankfurt.name, frankfurt.country) == ("Frankfurt am Main", "DEU")  # its short name


def test_geoparse_an_old_name_of_a_world_city_beats_a_far_village_of_that_name(
    gazetteer: Gazetteer,
) -> None:
    """Calcutta, Ohio (3,700 people) has the name as its own; Kolkata only among its others."""
    text = "The Peoria church sent missionaries to Calcutta, and members from Pekin donated."
    calcutta = _resolved(text, gazetteer, "Peoria", "Calcutta", "Pekin")[1]
    assert (calcutta.name, calcutta.country) == ("Kolkata", "IND")
    text = "Calcutta firefighters and crews from East Liverpool fought the blaze."
    calcutta = _resolved(text, gazetteer, "Calcutta", "East Liverpool")[0]
    assert (calcutta.admin1, calcutta.country) == ("Ohio", "USA")  # its neighbour's village


def test_geoparse_a_big_town_before_its_large_county_stays_itself(gazetteer: Gazetteer) -> None:
    """San Bernardino County's point lies 164 km from Rancho Cucamonga, beyond the spread of
    most of its towns; the town is still the county's, not a place the gazetteer lacks."""
    text = "Fires forced evacuations in Rancho Cucamonga, San Bernardino County officials said."
    town = _resolved(text, gazetteer, "Rancho Cucamonga", "San Bernardino County")[0]
    assert (town.name, town.geonameid is not None) == ("Rancho Cucamonga", True)


def test_geoparse_the_counties_of_northern_ireland(gazetteer: Gazetteer) -> None:
    text = "A man was stabbed in Ballymena, County Antrim, and police in Belfast appealed."
    antrim = _resolved(text, gazetteer, "Ballymena", "County Antrim", "Belfast")[1]
    assert (antrim.feature, antrim.country) == ("admin2", "GBR")  # not Antrim County, Michigan
    text = "Antrim County deputies said the lake froze near Traverse City, Michigan."
    michigan = _resolved(text, gazetteer, "Antrim County", "Traverse City", "Michigan")[0]
    assert michigan.country == "USA"


def test_geoparse_places_the_tagger_called_people_in_a_places_role(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    parsed = nlp("KYIV, Ukraine (AP) — Russian missiles struck Kharkiv and Zaporizhzhia overnight.")
    found = _texts(parsed, gazetteer)
    assert found == ["KYIV", "Ukraine", "Kharkiv", "Zaporizhzhia"]  # "KYIV", not "KYIV,"
    parsed = nlp("NIAMEY, Niger (AP) — Jihadists killed 17 soldiers near the border with Mali.")
    assert _texts(parsed, gazetteer) == ["NIAMEY", "Niger", "Mali"]
    parsed = nlp("PLEASANTON, Calif.--( )--DeltaTrak announced a logger.")
    assert _texts(parsed, gazetteer) == ["PLEASANTON", "Calif."]
    parsed = nlp("Police said Smith attacked Chad outside the bar.")
    assert _texts(parsed, gazetteer) == []  # a person attacked


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Storm Ciaran brought flooding to Cornwall and Devon.", ["Cornwall", "Devon"]),
        (
            "A lorry overturned on the M6 near Preston, closing the motorway towards"
            " Lancaster for five hours.",
            ["Preston", "Lancaster"],
        ),
        (
            "ROME - Migrants were taken to Porto Empedocle and to Pozzallo, officials said.",
            ["ROME", "Porto Empedocle", "Pozzallo"],
        ),
        ("She took the case to Devon last year.", []),  # not passive: a person
        ("He brought the case to Devon on Monday.", []),  # no weather, no road: a person
        ("He turned his attention towards Devon.", []),
    ],
)
def test_geoparse_weather_brought_to_a_name_a_road_toward_it_and_people_taken_to_it(
    nlp: Any, gazetteer: Gazetteer, text: str, places: list[str]
) -> None:
    """Names the tagger calls people here: where weather is brought, where a road leads and
    where people were taken."""
    assert _texts(nlp(text), gazetteer) == places


def test_geoparse_an_area_word_after_a_name_names_the_area_whatever_its_own_name(
    gazetteer: Gazetteer,
) -> None:
    text = "In the Donetsk region, fighting raged near Bakhmut, and drones hit the Belgorod region."
    places = _resolved(text, gazetteer, "Donetsk", "Bakhmut", "Belgorod")
    assert [(e.feature, e.country) for e in places] == [
        ("admin1", "UKR"), ("city", "UKR"), ("admin1", "RUS")
    ]  # fmt: skip
    (city,) = _resolved("Donetsk residents queued for water.", gazetteer, "Donetsk")
    assert city.feature == "city"
    text = "Kherson was shelled from across the Dnipro river."
    kherson, river = _resolved(text, gazetteer, "Kherson", "Dnipro")
    assert kherson.country == "UKR"
    assert (river.name, river.feature) == ("Dnieper", "river")


def test_geoparse_an_unknown_word_the_tagger_called_a_place_needs_the_text_to_place_it(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    for text in ("Yulia said she felt better after leaving hospital.", "Buhari visited troops."):
        assert find_mentions(nlp(text), gazetteer) == [], text  # people the tagger called places
    parsed = nlp("The Nuiry brothers arrived in Sarajevo.")
    assert _texts(parsed, gazetteer) == ["Sarajevo"]


def test_geoparse_the_states_only_after_the(nlp: Any, gazetteer: Gazetteer) -> None:
    parsed = nlp("He moved back to the States last year.")
    assert _texts(parsed, gazetteer) == ["States"]
    text = "The Member States agreed in Brussels, the Commonwealth of Independent States in Minsk."
    places = [a[0] for a in resolve(find_mentions(nlp(text), gazetteer), gazetteer, text) if a]
    assert "USA" not in {e.country for e in places}


def test_geoparse_a_country_by_a_translated_name_loses_to_a_city_of_that_name(
    gazetteer: Gazetteer,
) -> None:
    for name, country in (
        ("Salvador", "BRA"),
        ("Uman", "UKR"),
        ("Persia", "IRN"),
        ("Ceylon", "LKA"),
    ):
        (place,) = _resolved(f"Officials in {name} said the city was calm.", gazetteer, name)
        assert place.country == country, name


def test_geoparse_a_name_cut_at_a_hyphen_is_made_whole(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Fighting in Guinea-Bissau and Timor-Leste eased; the Syria-Turkey border stayed shut."
    found = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in found] == ["Guinea-Bissau", "Timor-Leste", "Syria", "Turkey"]
    assert [a[0].country for a in resolve(found, gazetteer, text) if a][:2] == ["GNB", "TLS"]
    assert "Newark-on-Trent" in _texts(nlp("Floods closed the A1 near Newark-on-Trent."), gazetteer)
    assert _texts(nlp("A Kabul-based group said so."), gazetteer) == ["Kabul"]


def test_geoparse_city_nicknames_of_american_news(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Police in NYC and Philly said the suspect fled to NOLA."
    places = [a[0] for a in resolve(find_mentions(nlp(text), gazetteer), gazetteer, text) if a]
    assert [e.geonameid for e in places] == [5128581, 4560349, 4335045]


def test_geoparse_santa_cruz_is_the_bolivian_city_or_the_department_it_names(
    gazetteer: Gazetteer,
) -> None:
    text = "Fires burned near Santa Cruz and Cochabamba, Bolivia officials said."
    city = _resolved(text, gazetteer, "Santa Cruz", "Cochabamba", "Bolivia")[0]
    assert (city.feature, city.geonameid) == ("city", 3904906)
    text = "Santa Cruz department officials said farmers near Montero lost crops."
    assert _resolved(text, gazetteer, "Santa Cruz", "Montero")[0].feature == "admin1"
    text = "Surfers in Santa Cruz and Monterey braced for big waves."
    assert _resolved(text, gazetteer, "Santa Cruz", "Monterey")[0].country == "USA"


def test_geoparse_what_a_storm_strikes_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Two people were hurt when a tornado struck Mayfield on Friday night."
    assert _texts(nlp(text), gazetteer) == ["Mayfield"]
    assert _texts(nlp("The senator struck Mayfield off the list."), gazetteer) == []


def test_geoparse_a_town_after_its_evacuation_or_outskirts_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "A wildfire near Gatlinburg forced the evacuation of Pigeon Forge on Monday."
    assert _texts(nlp(text), gazetteer) == ["Gatlinburg", "Pigeon Forge"]


def test_geoparse_towns_listed_before_their_police_are_places(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Broussard and Youngsville police helped close the road."
    found = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in found] == ["Broussard", "Youngsville"]
    towns = [a[0] for a in resolve(found, gazetteer, text) if a]
    assert [e.admin1 for e in towns] == ["Louisiana", "Louisiana"]


def test_geoparse_a_town_its_named_county_holds_by_the_articles_town_beats_a_capital(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "A Greenville man died in a crash near Washington, the North Carolina Highway Patrol "
        "said. Pitt County deputies and Beaufort County officials responded."
    )
    names = ("Greenville", "Washington", "North Carolina", "Pitt County", "Beaufort County")
    washington = _resolved(text, gazetteer, *names)[1]
    assert (washington.feature, washington.admin1) == ("city", "North Carolina")
    text = "A Greenville man flew to Washington, the North Carolina Highway Patrol said."
    names = ("Greenville", "Washington", "North Carolina")
    assert _resolved(text, gazetteer, *names)[1].feature == "capital"


@pytest.mark.parametrize(
    ("text", "place", "iso3"),
    [
        ("GOMA, Congo (Reuters) — Rebels seized the town.", "GOMA", "COD"),
        ("BRAZZAVILLE, Congo — Voters went to the polls.", "BRAZZAVILLE", "COG"),
        ("Floods hit Pointe-Noire, Congo's economic capital.", "Pointe-Noire", "COG"),
        ("Congo said the rebels had withdrawn.", "", "COD"),
    ],
)
def test_geoparse_congo_is_the_country_the_articles_places_lie_in_else_the_larger(
    gazetteer: Gazetteer, text: str, place: str, iso3: str
) -> None:
    names = [n for n in (place, "Congo") if n]
    assert _resolved(text, gazetteer, *names)[-1].country == iso3


def test_geoparse_a_country_the_parser_did_not_list_with_the_next_is_found(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Clashes in Tillaberi near the border with Mali and Burkina Faso killed 12 soldiers."
    assert _texts(nlp(text), gazetteer) == ["Tillaberi", "Mali", "Burkina Faso"]


def test_geoparse_the_capitol_of_a_one_state_story_is_the_states(gazetteer: Gazetteer) -> None:
    text = (
        "OKLAHOMA CITY — Teachers filled the state Capitol again. Oklahoma lawmakers met, "
        "and teachers from Tulsa joined them at the Capitol."
    )
    names = ("OKLAHOMA CITY", "Capitol", "Oklahoma", "Tulsa", "Capitol")
    capitol = _resolved(text, gazetteer, *names)[1]
    assert (capitol.name, capitol.admin1, capitol.feature) == ("Oklahoma City", "Oklahoma", "city")
    text = "Ohio lawmakers flew to Washington, D.C., and met at the Capitol. Ohio voters watched."
    names = ("Ohio", "Washington, D.C.", "Capitol", "Ohio")
    assert _resolved(text, gazetteer, *names)[2].feature == "building"
    text = "Rioters from Ohio and Texas stormed the Capitol."
    assert _resolved(text, gazetteer, "Ohio", "Texas", "Capitol")[2].feature == "building"


def test_geoparse_two_names_joined_by_and_that_name_one_place_are_one(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Flooding hit Perth and Kinross, with roads closed around Crieff, Police Scotland said."
    found = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in found][:2] == ["Perth and Kinross", "Crieff"]
    assert resolve(found, gazetteer, text)[0][0].country == "GBR"  # type: ignore[index]
    text = "Police in Perth and Fremantle said the storm had passed."
    assert _texts(nlp(text), gazetteer) == ["Perth", "Fremantle"]


def test_geoparse_an_entity_listing_two_known_places_is_two_mentions(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger's one facility "Kochi and Alappuzha" is two towns of Kerala."""
    text = "Rivers in Kerala burst their banks near Kochi and Alappuzha."
    assert _texts(nlp(text), gazetteer) == ["Kerala", "Kochi", "Alappuzha"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police closed Harare’s Third Street after the protest.", ["Harare", "Third Street"]),
        ("A patient died at Derry’s Altnagelvin Hospital.", ["Derry", "Altnagelvin Hospital"]),
        ("Fans gathered at Cardiff’s Millennium Stadium.", ["Cardiff", "Millennium Stadium"]),
        ("The wedding is at St George's Chapel at Windsor Castle.", ["St George's Chapel"]),
    ],
)
def test_geoparse_a_towns_possessive_inside_a_name_parts_the_town_from_its_facility(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    assert _texts(nlp(text), gazetteer)[: len(expected)] == expected


def test_geoparse_a_place_the_tagger_cut_short_takes_the_words_after_it(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger marked "Tal" (a town in India) of "Tal Abyad"; the name ends after "Abyad"."""
    text = "Turkish troops shelled Kurdish positions near Tal Abyad and Ras al-Ain."
    found = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in found] == ["Tal Abyad", "Ras al-Ain"]
    assert {a[0].country for a in resolve(found, gazetteer, text) if a} == {"SYR"}


def test_geoparse_a_capitalised_name_written_in_lower_case_is_no_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "North Korea fired a missile into the sea off its east coast on Sunday."
    assert _texts(nlp(text), gazetteer) == ["North Korea"]
    text = "Storms battered the East Coast on Sunday."
    assert _texts(nlp(text), gazetteer) == ["East Coast"]


def test_geoparse_a_police_area_named_after_an_abolished_county_is_in_england(
    gazetteer: Gazetteer,
) -> None:
    text = "A man was charged after a stabbing in Hartlepool, Cleveland Police said."
    assert _resolved(text, gazetteer, "Hartlepool", "Cleveland")[1].country == "GBR"
    text = "Cleveland police said a man was shot on the east side of Ohio's second city."
    assert _resolved(text, gazetteer, "Cleveland", "Ohio")[0].admin1 == "Ohio"


def test_geoparse_a_town_before_its_gardai_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Athlone gardaí are investigating a burglary in Westmeath."
    found = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in found] == ["Athlone", "Westmeath"]
    assert resolve(found, gazetteer, text)[0][0].country == "IRL"  # type: ignore[index]


def test_geoparse_a_name_after_the_citys_is_a_part_of_the_town_named_last(
    gazetteer: Gazetteer,
) -> None:
    text = "Police in Richmond said the shooting happened in the city's East End."
    richmond, east_end = _resolved(text, gazetteer, "Richmond", "East End")
    assert (east_end.lat, east_end.lon, east_end.geonameid) == (richmond.lat, richmond.lon, None)


def test_geoparse_a_nationality_tagged_as_a_place_is_context_only(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Ukrainian drones struck an oil depot in Melitopol, the mayor said."
    assert _texts(nlp(text), gazetteer) == ["Melitopol"]
    found = find_mentions(nlp(text), gazetteer, demonyms=True)
    assert [(m.text, m.embedded) for m in found] == [("Ukrainian", True), ("Melitopol", False)]


def test_geoparse_a_smaller_town_named_after_a_salient_one_is_whole(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "East Lansing police said the student was found in a dorm."
    found = find_mentions(nlp(text), gazetteer)
    assert [(m.text, m.embedded) for m in found] == [("East Lansing", False)]


def test_geoparse_a_local_storys_places_settle_in_the_one_state_that_has_them_all(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "A Mount Vernon man was charged after a chase through Knox County; "
        "he was arrested in Fredericktown."
    )
    names = ("Mount Vernon", "Knox County", "Fredericktown")
    assert [e.admin1 for e in _resolved(text, gazetteer, *names)] == ["Ohio"] * 3
    text = "A Mount Vernon, Ill., man was arrested in Fredericktown, Mo., after a chase."
    names = ("Mount Vernon", "Ill.", "Fredericktown", "Mo.")
    places = _resolved(text, gazetteer, *names)
    assert (places[0].admin1, places[2].admin1) == ("Illinois", "Missouri")


def test_geoparse_a_town_before_its_police_chief_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "The Gainesville police chief said officers in Hall County arrested two men."
    found = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in found] == ["Gainesville", "Hall County"]
    places = [a[0] for a in resolve(found, gazetteer, text) if a]
    assert [e.admin1 for e in places] == ["Georgia", "Georgia"]
    text = "He was arrested after a Thursday police raid on the house."
    assert _texts(nlp(text), gazetteer) == []


def test_geoparse_a_town_listed_with_a_town_beats_a_city_only_once_called_so(
    gazetteer: Gazetteer,
) -> None:
    text = "Residents of Lebanon and Franklin packed a meeting in Warren County, Ohio."
    names = ("Lebanon", "Franklin", "Warren County", "Ohio")
    franklin = _resolved(text, gazetteer, *names)[1]
    assert (franklin.name, franklin.admin1) == ("Franklin", "Ohio")


def test_geoparse_a_name_found_only_inside_a_longer_one_casts_no_second_vote(
    gazetteer: Gazetteer,
) -> None:
    text = "The University of Georgia and Georgia Tech will play in Atlanta, officials said."
    georgia, tech, _ = _resolved(text, gazetteer, "Georgia", "Georgia Tech", "Atlanta")
    assert (georgia.feature, tech.feature, georgia.country) == ("admin1", "admin1", "USA")
    text = (
        "Salem police arrested a man after a standoff on Lancaster Drive. Marion County deputies "
        "helped, and the man was taken to Salem Hospital."
    )
    names = ("Salem", "Lancaster Drive", "Marion County", "Salem Hospital")
    found = _resolved(text, gazetteer, *names)  # the hospital is read through fewer Salems
    assert {(e.country, e.admin1) for e in found} == {("USA", "Oregon")}  # not Tamil Nadu's


def test_geoparse_a_salient_name_takes_its_particle_and_the_words_after_it(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Pilgrims reached Santiago de Compostela as storms hit Galicia."
    assert _texts(nlp(text), gazetteer)[0] == "Santiago de Compostela"
    text = "The Boise City Council approved a new library."
    assert _texts(nlp(text), gazetteer) == ["Boise"]
    text = "The Spokane Valley City Council approved a new police contract."
    assert _texts(nlp(text), gazetteer) == ["Spokane Valley"]  # a city of 95,000 of its own


def test_geoparse_a_town_the_parser_made_a_subject_after_and_a_place_is_listed(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Fighting near Bakhmut and Avdiivka intensified, Ukraine's military said."
    assert _texts(nlp(text), gazetteer) == ["Bakhmut", "Avdiivka", "Ukraine"]
    text = "Police in Springfield, Mo., and Joplin arrested three men in a meth ring."
    assert _texts(nlp(text), gazetteer) == ["Springfield", "Mo.", "Joplin"]


def test_geoparse_names_listed_before_a_plural_area_word_are_those_areas(
    gazetteer: Gazetteer,
) -> None:
    text = "Wildfires forced evacuations in Sonoma and Napa counties, California officials said."
    sonoma, napa, _ = _resolved(text, gazetteer, "Sonoma", "Napa", "California")
    assert (sonoma.name, napa.name) == ("Sonoma County", "Napa County")
    text = "Wildfires forced evacuations in Sonoma and Napa, California officials said."
    sonoma, napa, _ = _resolved(text, gazetteer, "Sonoma", "Napa", "California")
    assert (sonoma.feature, napa.feature) == ("city", "city")


def test_geoparse_the_end_of_a_range_from_a_place_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Storms battered the coast from Mobile to Pensacola, forecasters said."
    assert _texts(nlp(text), gazetteer) == ["Mobile", "Pensacola"]


def test_geoparse_a_curated_region_after_the_taken_for_a_noun_is_found(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Crews fought a fire in the Everglades west of Miami, Florida officials said."
    assert _texts(nlp(text), gazetteer) == ["Everglades", "Miami", "Florida"]


def test_geoparse_a_name_before_district_is_the_district(gazetteer: Gazetteer) -> None:
    text = "Maoists ambushed a patrol in Sukma district of Chhattisgarh, killing 22."
    sukma = _resolved(text, gazetteer, "Sukma", "Chhattisgarh")[0]
    assert (sukma.feature, sukma.admin1) == ("admin2", "Chhattīsgarh")
    text = "Rain lashed Chennai and neighbouring Chengalpattu and Kancheepuram districts."
    places = _resolved(text, gazetteer, "Chennai", "Chengalpattu", "Kancheepuram")
    assert [e.feature for e in places] == ["city", "admin2", "admin2"]


def test_geoparse_the_state_of_a_name_is_the_state(gazetteer: Gazetteer) -> None:
    text = "Officials in the state of Washington said wildfires near Wenatchee had spread."
    state = _resolved(text, gazetteer, "Washington", "Wenatchee")[0]
    assert (state.feature, state.name) == ("admin1", "Washington")


def test_geoparse_an_area_named_after_a_city_inside_it_filed_abroad_is_the_city(
    gazetteer: Gazetteer,
) -> None:
    text = "JERUSALEM (AP) — Israeli troops raided the Nur Shams refugee camp near Tulkarem."
    city = _resolved(text, gazetteer, "JERUSALEM", "Tulkarem")[0]
    assert (city.name, city.feature) == ("Jerusalem", "capital")


def test_geoparse_sussex_is_the_english_county_and_puts_dover_in_kent(
    gazetteer: Gazetteer,
) -> None:
    text = "Sussex Police said migrants landed on the coast and were taken to Dover."
    sussex, dover = _resolved(text, gazetteer, "Sussex", "Dover")
    assert (sussex.country, dover.country) == ("GBR", "GBR")


def test_geoparse_an_entity_run_across_near_is_cut_there(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "A lorry crashed on the A1 near Grantham, Lincolnshire Police said."
    assert _texts(nlp(text), gazetteer) == ["Grantham"]


def test_geoparse_a_name_after_a_towns_possessive_is_part_of_it(gazetteer: Gazetteer) -> None:
    text = "Police in Chicago's South Side said three people were shot."
    chicago, side = _resolved(text, gazetteer, "Chicago", "South Side")
    assert (side.lat, side.lon, side.geonameid) == (chicago.lat, chicago.lon, None)
    text = "Missiles hit Ukraine's Kharkiv."
    assert _resolved(text, gazetteer, "Ukraine", "Kharkiv")[1].name == "Kharkiv"


def test_geoparse_a_plural_state_word_makes_every_listed_name_a_state(
    gazetteer: Gazetteer,
) -> None:
    text = "Gunmen attacked villages in Kaduna and Katsina states, police said."
    kaduna, katsina = _resolved(text, gazetteer, "Kaduna", "Katsina")
    assert (kaduna.feature, katsina.feature) == ("admin1", "admin1")


def test_geoparse_a_lone_towns_namesake_near_the_articles_places_is_meant(
    gazetteer: Gazetteer,
) -> None:
    text = "Rain flooded Richmond on Thursday. Henrico County and Chesterfield schools closed."
    *_, chesterfield = _resolved(text, gazetteer, "Richmond", "Henrico County", "Chesterfield")
    assert (chesterfield.admin1, chesterfield.country) == ("Virginia", "USA")
    far = "Richmond and Henrico County schools closed; Chicago's did not."
    *_, chicago = _resolved(far, gazetteer, "Richmond", "Henrico County", "Chicago")
    assert chicago.admin1 == "Illinois"


def test_geoparse_a_village_the_state_lacks_written_before_it_makes_it_the_state(
    gazetteer: Gazetteer,
) -> None:
    text = "A man from Chili, New York, was charged after a crash in Monroe County."
    chili, new_york, _ = _resolved(text, gazetteer, "Chili", "New York", "Monroe County")
    assert (new_york.feature, new_york.name) == ("admin1", "New York")
    assert (chili.admin1, chili.country) == ("New York", "USA")
    city = "A man from Brooklyn, New York, was charged."
    assert _resolved(city, gazetteer, "Brooklyn", "New York")[1].feature == "city"


def test_geoparse_an_untagged_town_armed_men_attack_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Boko Haram fighters attacked Gwoza and burned houses, residents in Maiduguri said."
    assert "Gwoza" in _texts(nlp(text), gazetteer)


def test_geoparse_a_towns_full_name_tagged_a_person_before_its_officials_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Perth Amboy officials said the ferry to Staten Island would resume next week."
    assert "Perth Amboy" in _texts(nlp(text), gazetteer)
    assert _texts(nlp("Jackson officials said the tariffs would stay."), gazetteer) == []


def test_geoparse_a_river_named_like_a_far_town_lies_at_the_focus(gazetteer: Gazetteer) -> None:
    text = (
        "A Jacksonville man drowned in the New River on Sunday. Onslow County deputies said he"
        " was swimming near Sneads Ferry."
    )
    names = ("Jacksonville", "New River", "Onslow County", "Sneads Ferry")
    _, river, *_ = _resolved(text, gazetteer, *names)
    assert (river.admin1, river.geonameid) == ("North Carolina", None)
    city = "Austin police said the company moved its offices from Battle Creek to Round Rock."
    _, battle_creek, _ = _resolved(city, gazetteer, "Austin", "Battle Creek", "Round Rock")
    assert battle_creek.admin1 == "Michigan"


def test_geoparse_towns_settled_across_states_move_to_the_one_state_they_neighbour_in(
    gazetteer: Gazetteer,
) -> None:
    text = "The Athens school board met Tuesday. Parents from Decatur and Madison complained."
    found = _resolved(text, gazetteer, "Athens", "Decatur", "Madison")
    assert {e.admin1 for e in found} == {"Alabama"}
    spread = "Flights from Boston, Chicago and Denver were cancelled."
    found = _resolved(spread, gazetteer, "Boston", "Chicago", "Denver")
    assert [e.admin1 for e in found] == ["Massachusetts", "Illinois", "Colorado"]
    abroad = "The Milan school board voted to close a school; parents in Dundee and Monroe object."
    found = _resolved(abroad, gazetteer, "Milan", "Dundee", "Monroe")
    assert {e.admin1 for e in found} == {"Michigan"}
    world = "Flights from London, Paris and Berlin were cancelled."
    found = _resolved(world, gazetteer, "London", "Paris", "Berlin")
    assert [e.country for e in found] == ["GBR", "FRA", "DEU"]


def test_geoparse_places_making_up_a_mistagged_entity_are_no_mere_context(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "The opposition forces targeted Aleppo’s densely populated residential areas."
    found = [(m.text, m.embedded) for m in find_mentions(nlp(text), gazetteer)]
    assert found == [("Aleppo", False)]
    inside = "He studied at the University of Kentucky."
    assert [(m.text, m.embedded) for m in find_mentions(nlp(inside), gazetteer)] == [
        ("Kentucky", True)
    ]


def test_geoparse_a_town_tagged_a_person_owning_suburbs_or_streets_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Officials ordered evacuations as a wildfire spread toward Austin's eastern suburbs."
    assert "Austin" in _texts(nlp(text), gazetteer)


def test_toponym_word_lookups_read_each_document_apart(nlp: Any) -> None:
    from spacy.attrs import LOWER

    from newsevents.toponyms import _indices

    words = frozenset({"in", "near"})
    one, other = nlp("Fighting in Homs and near Hama."), nlp("Near the border, in fact.")
    for doc in (one, other, one):
        expected = [t.i for t in doc if t.lower_ in words]
        assert _indices(doc, LOWER, words) == expected


def test_geoparse_a_lacking_name_ending_in_a_city_abroad_lies_at_the_focus(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Franklin officials said the new school would open in Cool Springs. Brentwood and"
        " Nolensville parents applauded."
    )
    names = ("Franklin", "Cool Springs", "Brentwood", "Nolensville")
    _, springs, *_ = _resolved(text, gazetteer, *names)
    assert (springs.country, springs.admin1, springs.geonameid) == ("USA", "Tennessee", None)
    opera = "Franklin officials toured the Sydney Opera House, then Brentwood and Nolensville."
    names = ("Franklin", "Sydney Opera House", "Brentwood", "Nolensville")
    assert _resolved(opera, gazetteer, *names)[1].country == "AUS"


def test_geoparse_an_untagged_town_people_come_from_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "A Marion man was killed on Interstate 57. The driver from Carbondale was not hurt."
    assert "Carbondale" in _texts(nlp(text), gazetteer)
    assert "Smith" not in _texts(nlp("He read a letter from Smith on Monday."), gazetteer)


def test_geoparse_a_name_a_village_word_frames_is_a_place_known_or_not(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Gunmen raided Kadisau village in Faskari, killing 20 people."
    assert "Kadisau" in _texts(nlp(text), gazetteer)
    assert _texts(nlp("The neighboring Hindu village had protested."), gazetteer) == []


def test_geoparse_a_name_before_a_quarter_word_is_a_place_known_or_not(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """A district, area or neighbourhood the gazetteer lacks, named right before its lower-case
    word, whatever the tagger called it; not a name after it, nor a name's capitalised "Area"."""
    text = "A bomb exploded in Mogadishu's Yaqshid district on Sunday."
    assert _texts(nlp(text), gazetteer) == ["Mogadishu", "Yaqshid"]
    text = "Protesters set fire to a police station in the Jatrabari area of Dhaka."
    assert _texts(nlp(text), gazetteer) == ["Jatrabari", "Dhaka"]
    text = "He broke into a house in the area of Eglinton Avenue West and Dubonet Drive."
    assert "Drive" not in _texts(nlp(text), gazetteer)
    text = "Glenrock State Conservation Area is an escape valve."
    assert "Conservation Area" not in _texts(nlp(text), gazetteer)
    text = "A shell hit a pharmacy in the Ben Younis area of Benghazi."  # "Ben Younis": a person
    assert _texts(nlp(text), gazetteer) == ["Ben Younis", "Benghazi"]
    text = "Two car bombs went off in Bab al-Mu'adham area in central Baghdad."
    assert _texts(nlp(text), gazetteer) == ["Bab al-Mu'adham", "Baghdad"]  # no Báb, Slovakia
    text = "A bomb exploded in Baghdad's al-Atebaa neighborhood."
    assert _texts(nlp(text), gazetteer) == ["Baghdad", "al-Atebaa"]


def test_geoparse_a_town_tagged_an_organisation_people_come_from_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "The teenager from Bowling Green was taken to a hospital in Nashville."
    assert "Bowling Green" in _texts(nlp(text), gazetteer)
    assert "Reuters" not in _texts(nlp("A reporter from Reuters was hurt in Nashville."), gazetteer)


def test_geoparse_a_name_led_by_a_towns_word_is_no_part_of_the_place_it_contains(
    gazetteer: Gazetteer,
) -> None:
    text = "ELN rebels attacked a base in Puerto Jordan, in Arauca province, killing two soldiers."
    place, _ = _resolved(text, gazetteer, "Puerto Jordan", "Arauca province")
    assert (place.country, place.geonameid) == ("COL", None)


def test_geoparse_a_cape_or_mountain_is_no_town_its_name_contains(gazetteer: Gazetteer) -> None:
    text = "PORTLAND, Maine - A fishing boat sank off Cape Elizabeth on Saturday."
    *_, cape = _resolved(text, gazetteer, "PORTLAND", "Maine", "Cape Elizabeth")
    assert (cape.admin1, cape.geonameid) == ("Maine", None)  # not Elizabeth, New Jersey
    mountain = _resolved("Climbers died on Mount Cameroon.", gazetteer, "Mount Cameroon")[0]
    assert (mountain.feature, mountain.country) == ("country", "CMR")  # the country it is in


def test_geoparse_famous_peaks_are_the_mountains(gazetteer: Gazetteer) -> None:
    text = "The cult's compound lay in Kamikuishiki, at the foot of Mount Fuji."
    assert _resolved(text, gazetteer, "Mount Fuji")[0].supplement_id == "mount-fuji"
    text = "Pilgrims gathered at Mount Arafat near Mecca."
    assert _resolved(text, gazetteer, "Mount Arafat")[0].supplement_id == "mount-arafat"
    text = "Rescuers searched the slopes of Mont Blanc."  # once two French villages' other name
    assert _resolved(text, gazetteer, "Mont Blanc")[0].supplement_id == "mont-blanc"
    text = "Two climbers died on Denali on Sunday."  # not Denali Borough
    assert _resolved(text, gazetteer, "Denali")[0].supplement_id == "denali"


def test_geoparse_an_area_by_its_word_after_in_places_a_name_it_lacks(
    gazetteer: Gazetteer,
) -> None:
    """ "Palma in Cabo Delgado province": the gazetteer's towns called Palma lie in Spain,
    Brazil and Italy, none in the province; the text says where the town lies."""
    text = "Insurgents seized Palma in Cabo Delgado province."
    palma, province = _resolved(text, gazetteer, "Palma", "Cabo Delgado")
    assert (palma.country, palma.geonameid, province.feature) == ("MOZ", None, "admin1")
    text = "Fighting broke out in Paris in Texas state."  # a town it holds is the town
    paris, _ = _resolved(text, gazetteer, "Paris", "Texas")
    assert (paris.admin1, paris.feature, paris.geonameid is not None) == ("Texas", "city", True)


def test_geoparse_a_country_written_after_a_name_it_matches_only_abroad_places_it(
    gazetteer: Gazetteer,
) -> None:
    text = "Police arrested two men near Banjska, in northern Kosovo, after a gunfight."
    village, kosovo = _resolved(text, gazetteer, "Banjska", "Kosovo")
    assert (village.country, village.geonameid) == (kosovo.country, None)
    known = "Fighting spread to Oicha, in Beni territory, officials said."
    assert _resolved(known, gazetteer, "Oicha", "Beni")[0].country == "COD"


def test_geoparse_a_lake_named_like_a_far_town_lies_at_the_focus(gazetteer: Gazetteer) -> None:
    text = (
        "The Wichita Falls City Council approved the water plan, which draws on Lake Arrowhead"
        " near Henrietta."
    )
    names = ("Wichita Falls", "Lake Arrowhead", "Henrietta")
    _, lake, _ = _resolved(text, gazetteer, *names)
    assert (lake.admin1, lake.geonameid) == ("Texas", None)


def test_geoparse_a_county_whose_words_each_hang_on_county_is_found_whole(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Officials said Dona Ana County would open a shelter."
    assert _texts(nlp(text), gazetteer) == ["Dona Ana County"]


def test_geoparse_a_venue_placed_in_a_state_lacking_its_namesake_is_in_the_state(
    gazetteer: Gazetteer,
) -> None:
    text = "Students at Berlin High School in Connecticut raised money for a family in New Britain."
    names = ("Berlin High School", "Connecticut", "New Britain")
    school, *_ = _resolved(text, gazetteer, *names)
    assert (school.admin1, school.geonameid) == ("Connecticut", None)
    kept = "Students at Lincoln High School in Nebraska raised money for a family in Omaha."
    names = ("Lincoln High School", "Nebraska", "Omaha")
    assert _resolved(kept, gazetteer, *names)[0].name == "Lincoln"


def test_geoparse_towns_tagged_people_that_missiles_hit_are_places(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Russian missiles hit Kharkiv and Zaporizhzhia overnight."
    assert _texts(nlp(text), gazetteer) == ["Kharkiv", "Zaporizhzhia"]
    assert _texts(nlp("The scandal hit Kennedy hard."), gazetteer) == []


def test_geoparse_a_town_tagged_a_person_that_troops_retook_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Troops in Cabo Delgado province retook Mocimboa da Praia from insurgents."
    assert "Mocimboa da Praia" in _texts(nlp(text), gazetteer)


def test_geoparse_an_island_after_on_tagged_a_person_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "On Oahu, home to Honolulu, the population declined."
    assert "Oahu" in _texts(nlp(text), gazetteer)
    assert _texts(nlp("The report on Smith was released."), gazetteer) == []


def test_geoparse_a_town_set_off_after_a_persons_name_and_of_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Miss Abdhou, of Hayes, was not believed to be a target of the shooting."
    assert _texts(nlp(text), gazetteer) == ["Hayes"]


def test_geoparse_a_town_set_off_after_a_person_by_age_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """Local news writes where people live after their age: "the man, 21, of KOKOMO", "a
    17-year-old from CLARKSVILLE", "the boy, 16, was from THORNTON HEATH" (all tagged people)."""
    text = "Deputies said the man, 21, of Kokomo, was taken to the county jail."
    assert _texts(nlp(text), gazetteer) == ["Kokomo"]
    text = "A 17-year-old from Clarksville was killed Saturday when his car left the road."
    assert _texts(nlp(text), gazetteer) == ["Clarksville"]
    assert "Thornton Heath" in _texts(nlp("The boy, 16, was from Thornton Heath."), gazetteer)
    assert _texts(nlp("The son, 12, of Smith, was hurt."), gazetteer) == []


def test_geoparse_an_untagged_town_after_its_residents_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Residents of Joplin marked the anniversary of the tornado."
    assert _texts(nlp(text), gazetteer) == ["Joplin"]
    assert _texts(nlp("The sale of Chrysler was approved."), gazetteer) == []


def test_geoparse_a_list_of_mistagged_neighbouring_towns_is_a_list_of_places(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger calls Carlisle and Cockermouth organisations and Keswick a person; the three
    lie within 40 km of one another. Three surnames name no such towns."""
    text = "Roads closed across Cumbria, with Carlisle, Keswick and Cockermouth worst hit."
    assert _texts(nlp(text), gazetteer) == ["Cumbria", "Carlisle", "Keswick", "Cockermouth"]
    assert _texts(nlp("The award went to Smith, Jones and Brown."), gazetteer) == []
    text = "Heavy snow closed schools on Tuesday. Schools in Bangor, Brewer and Orono were closed."
    assert _texts(nlp(text), gazetteer) == ["Bangor", "Brewer", "Orono"]  # "Bangor, Brewer": one
    text = "The firm Smith, Jones and Brown was sued on Tuesday."
    assert _texts(nlp(text), gazetteer) == []


def test_geoparse_a_small_town_tagged_an_organisation_listed_with_its_neighbour_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """Scottsville (4,400 people, tagged an organisation) lies 40 km from Bowling Green; Ford
    is no town near New York."""
    text = "Two teens were arrested after burglaries in Bowling Green and Scottsville."
    assert _texts(nlp(text), gazetteer) == ["Bowling Green", "Scottsville"]
    assert _texts(nlp("Shares of Apple and Ford rose in New York."), gazetteer) == ["New York"]


def test_geoparse_two_mistagged_large_cities_of_a_named_country_are_places(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger calls Blantyre and Lilongwe people; both are cities of Malawi, which the text
    names. American cities bear people's names too often for this."""
    text = "Cases were rising in Malawi, with Blantyre and Lilongwe the worst affected."
    assert _texts(nlp(text), gazetteer) == ["Malawi", "Blantyre", "Lilongwe"]
    assert _texts(nlp("The United States honoured Jackson and Madison."), gazetteer) == [
        "United States"
    ]


def test_geoparse_an_untagged_journeys_end_after_a_place_it_starts_from_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    assert _texts(nlp("The bus was travelling from Shimla to Manali."), gazetteer) == [
        "Shimla",
        "Manali",
    ]


def test_geoparse_a_lower_case_city_after_a_name_is_left_out_unless_it_names_the_city(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger's "Perth city" (of "Perth city centre") matches only GeoNames' alternate
    name of Perth, Australia; "Mexico city" is Mexico City's own name."""
    text = "A brawl broke out in Perth city centre. Tayside police said officers from Dundee came."
    mentions = find_mentions(nlp(text), gazetteer)
    assert mentions[0].text == "Perth"
    perth = resolve(mentions, gazetteer, text)[0]
    assert perth is not None and perth[0].country == "GBR"
    assert _texts(nlp("Police in Mexico city said."), gazetteer) == ["Mexico city"]


def test_geoparse_a_suburb_word_frames_a_place_known_or_not_without_its_compass_word(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Boys train on a grass field in Cairo's gated suburb of Madinaty."
    assert _texts(nlp(text), gazetteer) == ["Cairo", "Madinaty"]
    north = "A bomb exploded in the northern Huriyah suburb of Baghdad."
    assert _texts(nlp(north), gazetteer) == ["Huriyah", "Baghdad"]


def test_geoparse_a_city_named_before_its_district_word_holds_the_district(
    gazetteer: Gazetteer,
) -> None:
    text = "A bomb killed 10 people in the Kabul neighbourhood of Dasht-e-Barchi."
    kabul, district = _resolved(text, gazetteer, "Kabul", "Dasht")
    assert (kabul.feature, kabul.country) == ("capital", "AFG")
    assert (district.country, district.geonameid) == ("AFG", None)
    karrada = "Gunmen killed five people in the Karrada district of Baghdad."
    assert _resolved(karrada, gazetteer, "Karrada", "Baghdad")[1].feature == "capital"


def test_geoparse_a_name_described_as_a_part_of_a_city_lies_in_that_city(
    gazetteer: Gazetteer,
) -> None:
    """The gazetteer lacks Freetown's Wellington: the text's "an eastern suburb of Freetown"
    keeps it from New Zealand's capital; a namesake inside the city would be taken."""
    text = "A fuel tanker exploded in Wellington, an eastern suburb of Freetown, on Friday."
    wellington, freetown = _resolved(text, gazetteer, "Wellington", "Freetown")
    assert (wellington.country, wellington.geonameid) == ("SLE", None)
    assert distance_km(wellington.lat, wellington.lon, freetown.lat, freetown.lon) < 20
    text = "The crash happened in Brooklyn, a township of Jackson County, Michigan."
    brooklyn = _resolved(text, gazetteer, "Brooklyn", "Jackson County", "Michigan")[0]
    assert (brooklyn.admin1, brooklyn.feature) == ("Michigan", "city")


def test_geoparse_a_gate_named_after_a_far_city_lies_at_the_focus(gazetteer: Gazetteer) -> None:
    text = "Clashes broke out in Jerusalem, and police detained dozens near the Damascus Gate."
    _, gate = _resolved(text, gazetteer, "Jerusalem", "Damascus Gate")
    assert (gate.country, gate.geonameid) == ("ISR", None)


def test_geoparse_a_town_among_the_articles_towns_beats_a_far_curated_feature(
    gazetteer: Gazetteer,
) -> None:
    text = "A Bangor woman was hurt in a crash in Hermon, and Brewer police assisted."
    _, hermon, _ = _resolved(text, gazetteer, "Bangor", "Hermon", "Brewer")
    assert (hermon.feature, hermon.admin1) == ("city", "Maine")
    golan = "Israeli troops on the Hermon fired at Syrian positions near Quneitra and Hader."
    found = _resolved(golan, gazetteer, "Hermon", "Quneitra", "Hader")
    assert found[0].feature == "mountains"


def test_geoparse_two_american_towns_far_apart_move_to_the_state_they_neighbour_in(
    gazetteer: Gazetteer,
) -> None:
    text = "Portland officials said a ferry would run to Peaks Island, and Falmouth will add buses."
    found = _resolved(text, gazetteer, "Portland", "Falmouth")
    assert [e.admin1 for e in found] == ["Maine", "Maine"]
    greek = "Students from Athens and Sparta competed."
    assert {e.country for e in _resolved(greek, gazetteer, "Athens", "Sparta")} == {"GRC"}
    state = "Police in Detroit and Grand Rapids searched for the man."
    found = _resolved(state, gazetteer, "Detroit", "Grand Rapids")
    assert [e.admin1 for e in found] == ["Michigan", "Michigan"]


def test_geoparse_a_name_the_tagger_cut_short_of_its_first_word_is_found_whole(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Militants stormed a checkpoint in Sheikh Zuweid, in North Sinai, killing five soldiers."
    assert _texts(nlp(text), gazetteer) == ["Sheikh Zuweid", "North Sinai"]
    assert _texts(nlp("President Joe Biden visited Ohio."), gazetteer) == ["Ohio"]


def test_geoparse_a_town_tagged_an_organisation_spelt_otherwise_is_listed_with_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Russian forces pushed toward Pokrovsk and Kostiantynivka in the Donetsk region."
    assert "Kostiantynivka" in _texts(nlp(text), gazetteer)


def test_geoparse_a_state_the_dateline_names_is_its_bare_name_beside_the_city_written_whole(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "CAMP MURRAY, Wash. - The team has worked at home in Washington and flew to Guam, "
        "Alaska, Florida, Louisiana, Nevada and Washington, D.C., in March."
    )
    names = ("Guam", "Alaska", "Florida", "Louisiana", "Nevada", "Washington, D.C.")
    found = _resolved(text, gazetteer, "CAMP MURRAY", "Wash.", "Washington", *names)
    assert (found[2].feature, found[2].admin1) == ("admin1", "Washington")
    filed = "WASHINGTON (AP) - Lawmakers in Washington met in Washington, D.C., on Monday."
    found = _resolved(filed, gazetteer, "WASHINGTON", "Washington", "Washington, D.C.")
    assert found[1].feature == "capital"


def test_geoparse_the_articles_spelling_tips_a_close_call_between_namesake_towns(
    gazetteer: Gazetteer,
) -> None:
    british = (
        "The Ministry of Defence named the soldier killed in Syria, who was born in Manchester. "
        "He had served in Afghanistan and was embedded with allied forces in Manbij whilst a "
        "sergeant of Austin, Texas, died beside him. His defence colleagues were honoured."
    )
    names = ("Syria", "Manchester", "Afghanistan", "Manbij", "Austin", "Texas")
    assert _resolved(british, gazetteer, *names)[1].country == "GBR"
    american = british.replace("efence", "efense").replace("whilst", "while")
    american = american.replace("honoured", "honored")
    assert _resolved(american, gazetteer, *names)[1].admin1 == "New Hampshire"


def test_geoparse_spelling_is_read_from_lower_case_words_and_sentence_openings() -> None:
    assert american_spelling("Organisers said the centre's defence was criticised.") is False
    assert american_spelling("Organizers said the neighborhood center was organized.") is True
    assert american_spelling("He visited the Kennedy Center and the Defense Department.") is None
    assert american_spelling("The defence centre said neighbors organized it.") is None


def test_geoparse_a_village_said_to_lie_in_a_province_lies_there_not_at_the_dateline(
    gazetteer: Gazetteer,
) -> None:
    text = "JUBA (Reuters) - Clashes in Nasir, in Upper Nile state, killed 27 people."
    found = _resolved(text, gazetteer, "JUBA", "Nasir", "Upper Nile")
    assert (found[1].name, found[1].geonameid) == ("Upper Nile", None)
    owned = "JAKARTA (Reuters) - Rebels shot two soldiers in Intan Jaya, in Indonesia's Papua."
    found = _resolved(owned, gazetteer, "JAKARTA", "Intan Jaya", "Indonesia", "Papua")
    assert found[1].admin1 == found[3].admin1 != "Jakarta Raya"


def test_geoparse_capitalised_plural_subjects_and_people_opening_a_sentence_vouch_for_a_town(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    attacked = "MAPUTO (Reuters) - Insurgents attacked Macomia in Cabo Delgado province."
    assert "Macomia" in _texts(nlp(attacked), gazetteer)
    detained = "COLOMBO (Reuters) - Fishermen from Jaffna were detained by the navy."
    assert "Jaffna" in _texts(nlp(detained), gazetteer)


def test_geoparse_a_square_named_after_a_far_town_lies_at_the_focus_or_where_it_is_said(
    gazetteer: Gazetteer,
) -> None:
    kyiv = "KYIV (Reuters) - Thousands rallied in Independence Square on Sunday."
    found = _resolved(kyiv, gazetteer, "KYIV", "Independence Square")
    assert (found[1].country, found[1].geonameid) == ("UKR", None)
    said = "A man was stabbed near Union Square in San Francisco on Tuesday."
    found = _resolved(said, gazetteer, "Union Square", "San Francisco")
    assert (found[0].name, found[0].geonameid) == ("San Francisco", None)


def test_geoparse_an_organisation_acting_under_a_towns_odd_alternate_name_is_no_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Apple said it would open a campus in Austin, and Google expanded its offices."
    assert _texts(nlp(text), gazetteer) == ["Austin"]


def test_geoparse_a_small_foreign_town_listed_with_a_local_one_lies_beside_it(
    gazetteer: Gazetteer,
) -> None:
    text = "Officials in Concord closed the bridge, and drivers from Bow and Pembroke took I-89."
    found = _resolved(text, gazetteer, "Concord", "Bow", "Pembroke")
    assert (found[1].country, found[1].admin1, found[1].geonameid) == (
        "USA",
        "New Hampshire",
        None,
    )


def test_geoparse_what_an_area_owns_lies_in_it(gazetteer: Gazetteer) -> None:
    text = "ISLAMABAD (AP) - Gunmen stormed a bus in Balochistan's Musakhel district."
    found = _resolved(text, gazetteer, "ISLAMABAD", "Balochistan", "Musakhel")
    assert found[2].country == "PAK"
    haiti = (
        "PORT-AU-PRINCE, Haiti (AP) - Gangs burned homes in Pont-Sonde, in the Artibonite region."
    )
    found = _resolved(haiti, gazetteer, "PORT-AU-PRINCE", "Haiti", "Pont-Sonde", "Artibonite")
    assert found[2].admin1 == "Artibonite"


def test_geoparse_a_town_a_journey_starts_from_is_a_place_whatever_the_tagger_says(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Migrants crossed the Channel from Calais and Dunkirk, officials in Dover said."
    assert {"Calais", "Dunkirk"} <= set(_texts(nlp(text), gazetteer))
    assert "Smith" not in _texts(nlp("She read a letter from Smith in Dover."), gazetteer)


def test_geoparse_a_name_closing_a_list_of_counties_is_a_county(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = (
        "Floods hit Logan County, West Virginia. The governor declared an emergency for Logan, "
        "Mingo, Wyoming and McDowell counties."
    )
    parsed = nlp(text)
    mentions = find_mentions(parsed, gazetteer)
    assert "McDowell" in [m.text for m in mentions]
    answers = resolve(mentions, gazetteer, text)
    found = {m.text: a[0] for m, a in zip(mentions, answers, strict=True) if a}
    assert (found["Wyoming"].feature, found["Wyoming"].admin1) == ("admin2", "West Virginia")


def test_geoparse_an_entity_run_across_the_is_two_places(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "In Mombasa, heavy rain flooded homes, while in Garissa the Tana River burst its banks."
    assert "Garissa" in _texts(nlp(text), gazetteer)
    church = "Pilgrims prayed at the Church of the Nativity in Bethlehem."
    assert "Nativity" not in _texts(nlp(church), gazetteer)


def test_geoparse_towns_troops_press_toward_are_places(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "In the east, Russian troops pressed toward Kurakhove and Velyka Novosilka, it said."
    assert {"Kurakhove", "Velyka Novosilka"} <= set(_texts(nlp(text), gazetteer))


def test_geoparse_spelling_reads_a_text_whose_letters_lower_case_to_two() -> None:
    assert american_spelling("İstanbul: the defence centre was organised.") is False


def test_geoparse_where_a_person_is_from_is_a_place_whatever_the_tagger_says(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Police said the driver was from Ely, and the victim was from Torquay."
    assert {"Ely", "Torquay"} <= set(_texts(nlp(text), gazetteer))
    told = "Barry, who was from Dewsbury, said she was lovely."
    assert "Dewsbury" in _texts(nlp(told), gazetteer)
    assert "Google" not in _texts(nlp("He was from Google, officials in Dover said."), gazetteer)
    product = "Lancaster County deputies said the driver was from Seward."  # tagged a product
    assert "Seward" in _texts(nlp(product), gazetteer)
    rescue = "A blast hit Dnipro, and rescuers from Kryvyi Rih and Zaporizhzhia helped."
    assert {"Kryvyi Rih", "Zaporizhzhia"} <= set(_texts(nlp(rescue), gazetteer))  # "persons"


def test_geoparse_a_law_an_occasion_or_a_contest_is_no_place_whatever_the_tagger_says(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    mass = "During the Easter Vigil Mass on Holy Saturday, March 31, at the Manila Cathedral."
    found = _texts(nlp(mass), gazetteer)
    assert not any("Easter" in t for t in found) and any("Manila" in t for t in found)
    law = "The main law was the Traditional Leadership and Governance Framework Act of 2003."
    assert _texts(nlp(law), gazetteer) == []  # tagged a facility
    assert "Mass." in _texts(nlp("A fire hit Springfield, Mass., on Monday."), gazetteer)


def test_geoparse_a_name_after_a_word_of_kin_or_of_business_is_no_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    kin = "He is survived by his mother Michelle, his brother Alex and girlfriend Olivia."
    assert "Olivia" not in _texts(nlp(kin), gazetteer)  # tagged a place; Olivia, Minnesota
    firm = "A ship operated by exploration firm Ocean Infinity arrived in the Indian Ocean."
    assert _texts(nlp(firm), gazetteer) == ["Indian Ocean"]
    named = "the political data-mining firm Cambridge Analytica accessed data in London."
    assert "Cambridge" in _texts(nlp(named), gazetteer)  # the place the firm is named after
    shop = "Iceland, the frozen food retailer, said it would close stores in Wales."
    assert _texts(nlp(shop), gazetteer) == ["Wales"]
    home = "Texas, the company's home state, sued on Monday."
    assert _texts(nlp(home), gazetteer) == ["Texas"]


def test_geoparse_an_acronym_the_gazetteer_lacks_is_no_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "The show will highlight developments in the sphere of AI, blockchain and IoT."
    assert "AI" not in _texts(nlp(text), gazetteer)  # tagged a place
    assert "UAE" in _texts(nlp("Talks were held in the UAE on Monday."), gazetteer)
    kp = "Militants attacked a police post in KP on Monday, officials in Peshawar said."
    assert "KP" in _texts(nlp(kp), gazetteer)  # Khyber Pakhtunkhwa, a curated short form


def test_geoparse_a_town_a_road_or_flight_leads_to_or_from_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Flights from Legazpi and Naga were cancelled, and roads to St Austell were closed."
    assert {"Legazpi", "Naga", "St Austell"} <= set(_texts(nlp(text), gazetteer))


def test_geoparse_a_town_taken_under_control_is_a_place(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Rebels took control of Hama on Thursday after fighting in nearby Morek, a monitor said."
    assert "Hama" in _texts(nlp(text), gazetteer)
    assert _texts(nlp("The Republicans took control of Congress."), gazetteer) == []


def test_geoparse_towns_listed_together_stay_in_the_articles_state(gazetteer: Gazetteer) -> None:
    text = (
        "Mexico police said a woman was hurt at the Audrain County fairgrounds. She was flown "
        "to a hospital in Columbia, and her family from Vandalia and Centralia came to see her."
    )
    names = ("Mexico", "Audrain County", "Columbia", "Vandalia", "Centralia")
    found = _resolved(text, gazetteer, *names)
    assert [e.admin1 for e in found[3:]] == ["Missouri", "Missouri"]


def test_geoparse_connecticuts_abolished_counties_are_still_counties(gazetteer: Gazetteer) -> None:
    text = "A flood watch was issued for Fairfield County. Officials in Norwalk and Stamford said."
    found = _resolved(text, gazetteer, "Fairfield County", "Norwalk", "Stamford")
    assert (found[0].feature, found[0].admin1) == ("admin2", "Connecticut")
    ohio = "Fairfield County deputies said a Lancaster man was arrested in Pickerington."
    found = _resolved(ohio, gazetteer, "Fairfield County", "Lancaster", "Pickerington")
    assert found[0].admin1 == "Ohio"


def test_geoparse_a_building_named_after_a_queen_lies_at_the_focus_not_in_her_namesake(
    gazetteer: Gazetteer,
) -> None:
    text = "LONDON, Ontario - A driver from St. Thomas was taken to Victoria Hospital."
    found = _resolved(text, gazetteer, "LONDON", "Ontario", "St. Thomas", "Victoria Hospital")
    assert (found[3].admin1, found[3].geonameid) == ("Ontario", None)
    infirmary = "Police in Leeds said the victim was treated at the Royal Victoria Infirmary."
    found = _resolved(infirmary, gazetteer, "Leeds", "Royal Victoria Infirmary")
    assert found[1].country == "GBR"


def test_geoparse_a_bare_dateline_is_a_world_city_not_a_small_american_town(
    gazetteer: Gazetteer,
) -> None:
    text = "GENEVA (Reuters) - U.S. officials flew in from Washington for talks in Geneva."
    found = _resolved(text, gazetteer, "GENEVA", "U.S.", "Washington", "Geneva")
    assert found[0].country == found[3].country == "CHE"
    local = "GENEVA, Ill. (AP) - Officials in Geneva and St. Charles closed the bridge."
    found = _resolved(local, gazetteer, "GENEVA", "Ill.", "Geneva", "St. Charles")
    assert (found[0].country, found[0].admin1) == ("USA", "Illinois")


def test_geoparse_a_bare_local_dateline_keeps_its_town_over_a_city_of_another_name(
    gazetteer: Gazetteer,
) -> None:
    """GeoNames lists "Franklin" among the other names of Columbus, Ohio: a bare local
    dateline is not dropped for a large city that has the name only so."""
    text = "FRANKLIN - Enrollment grows in Franklin, Brentwood and Spring Hill."
    found = _resolved(text, gazetteer, "FRANKLIN", "Franklin", "Brentwood", "Spring Hill")
    assert [(e.name, e.admin1) for e in found[:2]] == [("Franklin", "Tennessee")] * 2


def test_geoparse_a_county_police_force_places_the_story_in_its_county(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Officers in Salisbury said a man was stabbed. Wiltshire Police arrested a man."
    mentions = find_mentions(nlp(text), gazetteer)
    assert [(m.text, m.embedded) for m in mentions if m.text == "Wiltshire"] == [
        ("Wiltshire", True)
    ]
    salisbury = resolve(mentions, gazetteer, text)[0]
    assert salisbury is not None and salisbury[0].country == "GBR"
    assert "Metro" not in _texts(nlp("He won a seat on the Louisville Metro Council."), gazetteer)


def test_geoparse_a_place_cut_short_before_a_particle_is_read_whole(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Venezuela arrested three men near the border town of San Antonio del Tachira."
    assert "San Antonio del Tachira" in _texts(nlp(text), gazetteer)


def test_geoparse_a_state_listed_with_a_town_beside_its_namesake_is_that_town(
    gazetteer: Gazetteer,
) -> None:
    text = "Toledo police said the two suspects were from Sylvania and Oregon."
    found = _resolved(text, gazetteer, "Toledo", "Sylvania", "Oregon")
    assert (found[2].feature, found[2].admin1) == ("city", "Ohio")
    states = "Toledo police said the two suspects were from Ohio and Oregon."
    found = _resolved(states, gazetteer, "Toledo", "Ohio", "Oregon")
    assert found[2].feature == "admin1"


def test_geoparse_a_dateline_town_with_an_apostrophe_is_found(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "N'DJAMENA (Reuters) - Boko Haram fighters attacked an army post near Bol."
    assert "N'DJAMENA" in _texts(nlp(text), gazetteer)


def test_geoparse_a_row_named_after_a_far_town_lies_at_the_focus(gazetteer: Gazetteer) -> None:
    text = "Police in San Jose said a man was shot near Santana Row. Santa Clara County deputies…"
    found = _resolved(text, gazetteer, "San Jose", "Santana Row", "Santa Clara County")
    assert (found[1].admin1, found[1].geonameid) == ("California", None)


def test_geoparse_a_name_read_through_a_town_inside_it_does_not_block_a_cluster(
    gazetteer: Gazetteer,
) -> None:
    text = "Warren police said the man was arrested in Niles after a robbery in Howland Township."
    found = _resolved(text, gazetteer, "Warren", "Niles", "Howland Township")
    assert [e.admin1 for e in found[:2]] == ["Ohio", "Ohio"]


def test_geoparse_the_centre_of_indian_news_is_the_government_not_a_region(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Tamil Nadu said it had written to the Centre repeatedly."
    assert _texts(nlp(text), gazetteer) == ["Tamil Nadu"]
    region = "Jihadists attacked a village in the Centre region of Burkina Faso."
    assert "Centre" in _texts(nlp(region), gazetteer)


def test_geoparse_initials_that_spell_no_places_words_are_no_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    firm = "You can visit Dimond Kaplan & Rothstein, P.A. on the web."
    assert _texts(nlp(firm), gazetteer) == []
    text = "He flew from the U.S. to D.C. and N.Y., then to the U.K."
    assert _texts(nlp(text), gazetteer) == ["U.S.", "D.C.", "N.Y.", "U.K."]


def test_geoparse_two_towns_a_road_runs_between_are_places(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "Highway 401 was closed between Gananoque and Napanee for an hour."
    assert {"Gananoque", "Napanee"} <= set(_texts(nlp(text), gazetteer))
    assert _texts(nlp("There was a fight between Jackson and Smith."), gazetteer) == []


def test_geoparse_a_british_county_council_is_the_county_not_an_american_namesake(
    gazetteer: Gazetteer,
) -> None:
    text = "Flooding closed roads in Hexham, and Northumberland County Council closed a bridge."
    found = _resolved(text, gazetteer, "Hexham", "Northumberland County")
    assert (found[1].country, found[1].feature) == ("GBR", "admin2")
    american = "Officials in Sunbury said Northumberland County commissioners met in Shamokin."
    found = _resolved(american, gazetteer, "Sunbury", "Northumberland County", "Shamokin")
    assert found[1].admin1 == "Pennsylvania"


def test_geoparse_a_town_the_tagger_called_an_event_is_a_place_after_in(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = (
        "BOGOTA (Reuters) - Rebels attacked a police station in Tumaco and a military base near "
        "Cucuta, officials said."
    )
    assert "Tumaco" in _texts(nlp(text), gazetteer)
    assert _texts(nlp("He scored twice at the World Cup."), gazetteer) == []


def test_geoparse_a_police_force_tagged_a_place_is_its_area(nlp: Any, gazetteer: Gazetteer) -> None:
    text = "A lorry crash closed the M62 near Huddersfield, West Yorkshire Police said."
    assert _texts(nlp(text), gazetteer) == ["Huddersfield", "West Yorkshire"]


def test_geoparse_a_side_of_a_city_lies_in_the_city_not_in_a_town_once_so_called(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "A South Side man has been charged with murder, according to Chicago police."
    mentions = find_mentions(nlp(text), gazetteer)
    assert [m.text for m in mentions] == ["South Side", "Chicago"]
    side = resolve(mentions, gazetteer, text)[0]
    assert side is not None and (side[0].name, side[0].admin1) == ("Chicago", "Illinois")


def test_geoparse_broadway_is_new_yorks_unless_the_story_is_in_a_towns_state(
    gazetteer: Gazetteer,
) -> None:
    show = "Lin-Manuel Miranda returned to Broadway on Thursday in a New Orleans interview."
    found = _resolved(show, gazetteer, "Broadway", "New Orleans")
    assert (found[0].admin1, found[0].feature) == ("New York", "street")
    town = (
        "A fire destroyed a barn in Broadway, and crews from Harrisonburg and Timberville helped."
    )
    found = _resolved(town, gazetteer, "Broadway", "Harrisonburg", "Timberville")
    assert (found[0].admin1, found[0].feature) == ("Virginia", "city")


def test_geoparse_broadway_in_a_local_story_far_away_is_that_towns_street(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Columbia police say a man robbed a bank on Broadway downtown. Boone County deputies "
        "found the car near Ashland."
    )
    found = _resolved(text, gazetteer, "Columbia", "Broadway", "Boone County", "Ashland")
    assert (found[1].name, found[1].admin1, found[1].geonameid) == ("Columbia", "Missouri", None)
    market = (
        "Columbia police say a man robbed a bank downtown. Boone County deputies found the car "
        "near Ashland. Shares of the bank fell on Wall Street."
    )
    found = _resolved(market, gazetteer, "Columbia", "Boone County", "Ashland", "Wall Street")
    assert (found[3].name, found[3].feature) == ("Wall Street", "street")


def test_geoparse_a_university_named_for_a_town_elsewhere_is_on_its_campus(
    gazetteer: Gazetteer,
) -> None:
    text = "He studied at Dartmouth College and at Columbia University before moving to Halifax."
    found = _resolved(text, gazetteer, "Dartmouth College", "Columbia University", "Halifax")
    assert [(e.admin1, e.feature) for e in found[:2]] == [
        ("New Hampshire", "building"),  # not Dartmouth, Nova Scotia, beside Halifax
        ("New York", "building"),  # not Columbia, South Carolina
    ]


def test_geoparse_victoria_island_is_lagos_or_the_arctic_by_the_story(gazetteer: Gazetteer) -> None:
    lagos = "A building collapsed in Ikoyi, Lagos, and rescuers came from Victoria Island."
    found = _resolved(lagos, gazetteer, "Ikoyi", "Lagos", "Victoria Island")
    assert (found[2].country, found[2].feature) == ("NGA", "district")
    arctic = "Researchers in Cambridge Bay, on Victoria Island, tracked the thaw in Nunavut."
    found = _resolved(arctic, gazetteer, "Cambridge Bay", "Victoria Island", "Nunavut")
    assert (found[1].country, found[1].feature) == ("CAN", "island")


def test_geoparse_the_thames_river_is_londons_unless_the_story_is_by_another(
    gazetteer: Gazetteer,
) -> None:
    text = "A man was stabbed near the Thames River. New London and Groton officers helped."
    found = _resolved(text, gazetteer, "Thames River", "New London", "Groton")
    assert (found[0].admin1, found[0].feature) == ("Connecticut", "river")
    text = "A body was pulled from the Thames River near Westminster, and police searched Richmond."
    found = _resolved(text, gazetteer, "Thames River", "Westminster", "Richmond")
    assert [e.country for e in found] == ["GBR", "GBR", "GBR"]


def test_geoparse_a_small_namesake_in_another_land_is_a_local_storys_own_place(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Barry was from Dewsbury. They moved to Thornhill, before switching to Middlestown, "
        "and then finally to a bungalow in Dewsbury."
    )
    found = _resolved(text, gazetteer, "Dewsbury", "Thornhill", "Middlestown", "Dewsbury")
    assert (found[1].admin1, found[1].geonameid) == ("England", None)
    ohio = "Columbus police said a woman from Gallipolis was hurt. Whitehall officers helped."
    found = _resolved(ohio, gazetteer, "Columbus", "Gallipolis", "Whitehall")
    assert (found[1].name, found[1].admin1) == ("Gallipolis", "Ohio")


def test_geoparse_a_town_written_without_the_river_it_stands_on_is_that_town(
    gazetteer: Gazetteer,
) -> None:
    """GeoNames has "Kingston" only as another name of Kingston upon Thames: among London's
    boroughs it is that town, not Jamaica's capital, which it stays without them."""
    text = "Officers from Richmond, Twickenham and Kingston arrested two teenagers in Tooting."
    found = _resolved(text, gazetteer, "Richmond", "Twickenham", "Kingston", "Tooting")
    assert (found[2].name, found[2].country) == ("Kingston upon Thames", "GBR")
    (alone,) = _resolved("Police in Kingston said a gunman killed three.", gazetteer, "Kingston")
    assert alone.country == "JAM"


def test_geoparse_a_county_of_its_state_keeps_a_small_town_over_a_world_city(
    gazetteer: Gazetteer,
) -> None:
    text = "Police in Athens arrested a Lincoln County man wanted in Fayetteville and Pulaski."
    found = _resolved(text, gazetteer, "Athens", "Lincoln County", "Fayetteville", "Pulaski")
    assert {(e.country, e.admin1) for e in found} == {("USA", "Tennessee")}
    text = "Shares fell on Wall Street and in Athens."
    (athens,) = _resolved(text, gazetteer, "Athens")
    assert athens.country == "GRC"


def test_geoparse_the_county_holding_a_local_storys_town_makes_the_story_local(
    gazetteer: Gazetteer,
) -> None:
    """Cunningham, Tennessee is not in the gazetteer; the only Cunningham is English. The
    story's county holds Clarksville, so the story is local and the name is placed there."""
    text = "A barn burned near Cunningham. Montgomery County firefighters from Clarksville came."
    found = _resolved(text, gazetteer, "Cunningham", "Montgomery County", "Clarksville")
    assert (found[0].country, found[0].admin1, found[0].geonameid) == ("USA", "Tennessee", None)


def test_geoparse_a_new_england_town_the_gazetteer_lacks_is_no_namesake_in_another_state(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "A Manchester man was charged after a chase that began in Vernon and ended in Bolton, "
        "Connecticut State Police said. Hartford Hospital treated an officer."
    )
    names = ("Manchester", "Vernon", "Bolton", "Connecticut", "Hartford Hospital")
    found = _resolved(text, gazetteer, *names)
    assert (found[1].admin1, found[1].geonameid) == ("Connecticut", None)  # not Vernon, Texas
    text = (
        "Firefighters from Concord and Manchester fought a blaze in Bow on Tuesday. "
        "Merrimack County officials said no one was hurt."
    )
    found = _resolved(text, gazetteer, "Concord", "Manchester", "Bow", "Merrimack County")
    assert (found[2].admin1, found[2].geonameid) == ("New Hampshire", None)  # not London's Bow
    text = (
        "The delegation from Ansbach, Germany, visited Rochester. Officials from Byron and "
        "Stewartville and Olmsted County attended."
    )
    names = ("Ansbach", "Germany", "Rochester", "Byron", "Stewartville", "Olmsted County")
    found = _resolved(text, gazetteer, *names)
    assert (found[0].country, found[0].name) == ("DEU", "Ansbach")  # its country is named


def test_geoparse_a_capital_outweighs_its_namesake_in_a_named_province(
    gazetteer: Gazetteer,
) -> None:
    """Naming Alajuela does not move San José to the small San José of Alajuela province."""
    text = "In San Jose, Costa Rica's president met farmers from Cartago. Alajuela officials came."
    found = _resolved(text, gazetteer, "San Jose", "Costa Rica", "Cartago", "Alajuela")
    assert (found[0].geonameid, found[0].feature) == (3621849, "capital")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The coast guard rescued 300 migrants off Lampedusa on Sunday.", ["Lampedusa"]),
        ("Boats took them to Porto Empedocle in Sicily.", ["Porto Empedocle", "Sicily"]),
        ("He took the ball off Jackson and scored.", []),
    ],
)
def test_geoparse_a_town_tagged_a_person_off_a_coast_or_in_its_area(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    assert _texts(nlp(text), gazetteer) == expected


def test_geoparse_a_township_is_no_far_town_of_its_name_in_the_same_state(
    gazetteer: Gazetteer,
) -> None:
    """Ohio has many Green Townships; Green, by Akron, is 330 km from Cincinnati."""
    text = "Cincinnati firefighters and Green Township crews responded, Hamilton County said."
    found = _resolved(text, gazetteer, "Cincinnati", "Green Township", "Hamilton County")
    assert found[1].geonameid is None and distance_km(found[1].lat, found[1].lon, 39.1, -84.5) < 30
    near = "Toms River police said a Jackson Township man was arrested in Brick Township."
    found = _resolved(near, gazetteer, "Toms River", "Jackson Township", "Brick Township")
    assert (found[1].name, found[1].admin1) == ("Jackson", "New Jersey")


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The trial was held in Portage la Prairie.", ["Portage la Prairie"]),
        ("The Rome City Council met on Monday.", ["Rome"]),  # not Rome City, Indiana
        ("He grew up in Rome City, Indiana.", ["Rome City", "Indiana"]),
        ("KUWAIT CITY - A fire in Mangaf killed 50 people.", ["KUWAIT CITY", "Mangaf"]),
    ],
)
def test_geoparse_an_untagged_name_takes_the_words_that_complete_a_known_name(
    nlp: Any, gazetteer: Gazetteer, text: str, places: list[str]
) -> None:
    """A name the scan found untagged runs on to the end of the gazetteer's longer name, but
    not over a generic word such as "City" that opens an organisation's name."""
    assert _texts(nlp(text), gazetteer) == places


def test_geoparse_a_capitalised_word_opening_the_story_after_a_dateline_dash_is_no_town(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The parser lists "Police" with the dateline's MANAGUA; Police is a town in Poland, but
    a sentence opens after the spaced dash."""
    text = "MANAGUA, Nicaragua - Police detained opposition activists in Masaya and Leon."
    assert "Police" not in _texts(nlp(text), gazetteer)


def test_geoparse_two_places_joined_by_of_into_a_known_name_are_one(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger makes "Port of Spain" a port and Spain; the gazetteer knows the whole."""
    text = "The government opened shelters in Port of Spain and Couva."
    assert _texts(nlp(text), gazetteer)[0] == "Port of Spain"
    found = resolve(find_mentions(nlp(text), gazetteer), gazetteer, text)
    assert found[0] is not None and found[0][0].country == "TTO"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tonga's capital Nuku'alofa was covered in ash.", ["Tonga", "Nuku'alofa"]),
        ("The city Council met on Monday.", []),  # Council, Idaho: 800 people
    ],
)
def test_geoparse_a_town_titled_by_a_settlement_word_before_it(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    assert _texts(nlp(text), gazetteer) == expected


def test_geoparse_a_town_abroad_by_another_name_is_no_place_of_a_story_over_the_border(
    gazetteer: Gazetteer,
) -> None:
    """GeoNames calls Bansko, Bulgaria "Banjska" too; it lies within 500 km of Zvecan, but in a
    country none of the story's places lie in and near none of them."""
    text = "Kosovo police said gunmen attacked officers in Banjska, then fought near Zvecan."
    found = _resolved(text, gazetteer, "Kosovo", "Banjska", "Zvecan")
    assert (found[1].country, found[1].geonameid) == ("XKX", None)


def test_geoparse_the_x_neighborhood_is_a_part_of_the_story_town(gazetteer: Gazetteer) -> None:
    """Linden, New Jersey (40,000 people) is too large to be taken for a stray match; written
    "the Linden neighborhood" in a Columbus story, it is a part of Columbus."""
    text = "COLUMBUS, Ohio - Police shot a teenager in the Linden neighborhood on Monday."
    columbus, _, linden = _resolved(text, gazetteer, "COLUMBUS", "Ohio", "Linden")
    assert (linden.geonameid, linden.admin1) == (None, "Ohio")
    assert distance_km(linden.lat, linden.lon, columbus.lat, columbus.lon) < 20
    text = "Police shot a man in the Linden neighborhood of Elizabeth, New Jersey, on Monday."
    linden = _resolved(text, gazetteer, "Linden", "Elizabeth", "New Jersey")[0]
    assert linden.admin1 == "New Jersey"


def test_geoparse_a_gulf_named_after_a_country_is_the_gulf(gazetteer: Gazetteer) -> None:
    text = "Finnish police seized a tanker in the Gulf of Finland after a cable was cut."
    (gulf,) = _resolved(text, gazetteer, "Gulf of Finland")
    assert (gulf.feature, gulf.country) == ("gulf", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Migrants arrived on Lampedusa overnight.", ["Lampedusa"]),
        ("Tourists on Corfu were evacuated.", ["Corfu"]),
        ("Riots broke out on Mayotte.", ["Mayotte"]),
        ("The senator called on Jackson to resign.", []),
        ("Troops on Okinawa were confined to base.", ["Okinawa"]),
        ("US Marines on Okinawa were confined to base.", ["Okinawa"]),
        ("The general called on Jackson to resign.", []),
    ],
)
def test_geoparse_a_mistagged_island_where_people_are_or_things_happen(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    """The tagger calls these islands people or organisations; an "on" of arriving, of people
    or of unrest places them, one of asking does not."""
    assert _texts(nlp(text), gazetteer) == expected


def test_geoparse_a_town_taken_by_armed_men_named_in_a_joined_clause(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """ "captured" has no subject of its own; "Ukrainian troops" of "crossed" is its subject."""
    text = "Ukrainian troops crossed into Russia's Kursk region and captured Sudzha on Tuesday."
    assert "Sudzha" in _texts(nlp(text), gazetteer)


def test_geoparse_the_focus_is_a_town_of_the_main_country_before_a_far_namesake(
    gazetteer: Gazetteer,
) -> None:
    """GeoNames calls an Afghan village of no people "Chapare"; named first, it had become the
    focus of a Bolivian story and so was no stray."""
    text = (
        "Police clashed with coca growers in the Chapare region, east of Cochabamba, La Paz said."
    )
    chapare, cochabamba, _ = _resolved(text, gazetteer, "Chapare", "Cochabamba", "La Paz")
    assert chapare.country == "BOL" and chapare.geonameid is None
    assert distance_km(chapare.lat, chapare.lon, cochabamba.lat, cochabamba.lon) < 150


def test_geoparse_a_far_city_inside_a_hospital_name_abroad_is_no_place(
    gazetteer: Gazetteer,
) -> None:
    """Peshawar's Lady Reading Hospital is named after a vicereine, not Reading, England; a
    city that opens a name ("the New York Auto Show") stays the city."""
    text = (
        "A bomb struck a mosque in Peshawar, and the wounded were taken to Lady Reading Hospital."
    )
    _, hospital = _resolved(text, gazetteer, "Peshawar", "Lady Reading Hospital")
    assert (hospital.country, hospital.geonameid) == ("PAK", None)
    text = "Crowds in Toledo heard about the New York Auto Show."
    show = _resolved(text, gazetteer, "Toledo", "New York Auto Show")[1]
    assert show.admin1 == "New York"


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Georgia's governor declared an emergency after Hurricane Helene.", "USA"),
        ("The governor of Georgia, Brian Kemp, spoke on Monday.", "USA"),
        ("Georgia's central bank governor resigned on Monday.", "GEO"),
        ("Georgia's president vetoed the law on Monday.", "GEO"),
    ],
)
def test_geoparse_a_name_with_a_governor_is_the_state(
    gazetteer: Gazetteer, text: str, country: str
) -> None:
    """Countries have no governors; a central bank's governor is written with the bank."""
    (georgia,) = _resolved(text, gazetteer, "Georgia")
    assert georgia.country == country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("An earthquake damaged homes in Mamuju and Majene on Monday.", ["Mamuju", "Majene"]),
        ("A ferry caught fire off Basilan on Monday.", ["Basilan"]),
    ],
)
def test_geoparse_places_the_tagger_called_a_title_or_a_person_at_sea(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    """A list of towns tagged a work of art; an island province off which a ferry burned."""
    assert _texts(nlp(text), gazetteer) == expected


def test_geoparse_northumbria_places_newcastle_on_the_tyne(gazetteer: Gazetteer) -> None:
    """Newcastle, New South Wales is the larger Newcastle and has a Gateshead too; the police
    force's region says which pair is meant."""
    text = "Police in Newcastle said two men were arrested in Gateshead, Northumbria Police said."
    found = _resolved(text, gazetteer, "Newcastle", "Gateshead", "Northumbria")
    assert [e.country for e in found] == ["GBR", "GBR", "GBR"]
    assert found[0].name == "Newcastle upon Tyne"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Police in Newcastle said a man was stabbed in Gateshead.", ("Newcastle", "Gateshead")),
        ("A man from Gateshead was arrested in Newcastle.", ("Gateshead", "Newcastle")),
    ],
)
def test_geoparse_a_pair_settles_alike_in_either_order(
    gazetteer: Gazetteer, text: str, names: tuple[str, ...]
) -> None:
    """Chosen at once, each of the pair follows the other's first reading across the world;
    settled in text order, Newcastle first held Gateshead in New South Wales (a town of 3,000,
    against the English town of 77,000)."""
    found = _resolved(text, gazetteer, *names)
    assert [e.country for e in found] == ["GBR", "GBR"]
    assert "Newcastle upon Tyne" in [e.name for e in found]


def test_geoparse_a_county_and_its_town_settled_apart_are_held_together(
    gazetteer: Gazetteer,
) -> None:
    """One name at a time, Dover (Delaware) and Kent (Washington) each keep the larger
    namesake; together, England's Kent and the Dover it holds each score better."""
    text = "Migrants arrived in Dover on Tuesday after their boat landed at Dungeness in Kent."
    dover, kent = _resolved(text, gazetteer, "Dover", "Kent")
    assert (dover.name, dover.country, kent.feature, kent.country) == (
        "Dover",
        "GBR",
        "admin2",
        "GBR",
    )


def test_geoparse_a_state_with_its_towns_is_not_moved(gazetteer: Gazetteer) -> None:
    text = "Wildfires in Washington forced evacuations in Kent and Auburn."
    found = _resolved(text, gazetteer, "Washington", "Kent", "Auburn")
    assert [e.admin1 for e in found] == ["Washington"] * 3


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Police on Sicily arrested 12 people on Tuesday.", "Sicily", "ITA"),
        ("Floods in Henan killed 30 people near Zhengzhou.", "Henan", "CHN"),
        ("Farmers in Bavaria blocked roads.", "Bavaria", "DEU"),
    ],
)
def test_geoparse_provinces_by_their_english_names_are_found(
    nlp: Any, gazetteer: Gazetteer, text: str, name: str, country: str
) -> None:
    """English names the province lists hold only among other names; the tagger left them
    unmarked or took them for something else."""
    found = {m.text: m for m in find_mentions(nlp(text), gazetteer)}
    assert name in found
    (entry, _), *_ = resolve([found[name]], gazetteer, text)
    assert (entry.feature, entry.country) == ("admin1", country)


def test_geoparse_a_small_region_holding_a_town_keeps_it_over_a_world_city(
    gazetteer: Gazetteer,
) -> None:
    """Kingston, New York lies in the Catskills; Jamaica's capital is far larger. A wide region
    ("the Midwest") says nothing of which Kingston a story means."""
    text = "Firefighters from across the Catskills battled the blaze near Kingston."
    catskills, kingston = _resolved(text, gazetteer, "Catskills", "Kingston")
    assert catskills.supplement_id == "catskills"
    assert (kingston.country, kingston.admin1) == ("USA", "New York")
    text = "Farmers across the Midwest sold grain to traders in Kingston."
    assert _resolved(text, gazetteer, "Midwest", "Kingston")[1].country == "JAM"


@pytest.mark.parametrize(
    ("text", "name", "supplement_id"),
    [
        ("Hikers were lost in the Adirondacks for two days.", "Adirondacks", "adirondacks"),
        ("The fire in the Smokies spread into Gatlinburg.", "Smokies", "great-smoky-mountains"),
        ("A bear was spotted in the Berkshires.", "Berkshires", "berkshires"),
        ("Beach towns along the Jersey Shore reported damage.", "Jersey Shore", "jersey-shore"),
        ("Water cuts hit the San Joaquin Valley.", "San Joaquin Valley", "san-joaquin-valley"),
    ],
)
def test_geoparse_regions_of_american_local_news_are_curated(
    gazetteer: Gazetteer, text: str, name: str, supplement_id: str
) -> None:
    (place,) = _resolved(text, gazetteer, name)
    assert place.supplement_id == supplement_id


def test_geoparse_an_unknown_name_lies_in_the_local_town_it_names(gazetteer: Gazetteer) -> None:
    """Oak Ridge (29,000 people) is too small to stand for an unknown name by itself, but the
    story names it: its high school is there, not at the story's focus."""
    text = (
        "Knoxville police said the drive went well. Students at Oak Ridge High School raised "
        "$5,000, and Oak Ridge officials thanked them. Knoxville schools will join."
    )
    school, town = _resolved(
        text, gazetteer, "Knoxville", "Oak Ridge High School", "Oak Ridge", "Knoxville"
    )[1:3]
    assert (school.name, school.geonameid) == ("Oak Ridge", None)
    assert (town.name, town.admin1) == ("Oak Ridge", "Tennessee")


def test_geoparse_a_name_found_through_the_storys_town_neither_supports_nor_leaves_it(
    gazetteer: Gazetteer,
) -> None:
    """ "Paris Junior College" is found through "Paris"; by itself it could only be the large
    Paris. Beside Mount Pleasant and Tyler the story's Paris is the Texas town, and the college
    is there too."""
    text = (
        "The Lady Tigers of Paris beat Mount Pleasant 54-41 on Friday. Paris will play in Tyler "
        "next week. Paris fans filled the gym at Paris Junior College."
    )
    found = _resolved(
        text,
        gazetteer,
        "Paris",
        "Mount Pleasant",
        "Paris",
        "Tyler",
        "Paris",
        "Paris Junior College",
    )
    assert {(e.country, e.admin1) for e in found} == {("USA", "Texas")}


def test_geoparse_counties_of_a_list_before_a_weekday(gazetteer: Gazetteer) -> None:
    """ "counties Wednesday night": a day's name after the area word still lets it say what the
    listed names are ("Washington State University" is no state)."""
    text = "Severe storms moved through Limestone, Madison and Morgan counties Wednesday night."
    found = _resolved(text, gazetteer, "Limestone", "Madison", "Morgan")
    assert {(e.feature, e.admin1) for e in found} == {("admin2", "Alabama")}


def test_geoparse_a_bare_dateline_of_a_town_its_story_names_the_county_of(
    gazetteer: Gazetteer,
) -> None:
    """A local paper's own town, written bare, is its town where the story names its county:
    Dublin, Georgia in Laurens County; a bare "DUBLIN" alone stays Ireland's capital."""
    text = "DUBLIN - A Dublin man was arrested after a chase through Laurens County to Dudley."
    found = _resolved(text, gazetteer, "DUBLIN", "Dublin", "Laurens County", "Dudley")
    assert {(e.country, e.admin1) for e in found} == {("USA", "Georgia")}
    text = "DUBLIN - A Dublin man was arrested after a chase through the city centre."
    assert _resolved(text, gazetteer, "DUBLIN", "Dublin")[0].country == "IRL"


def test_geoparse_a_british_county_the_tagger_misses_is_found(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    text = "Storm Desmond dumped record rain on Cumbria."
    assert _texts(nlp(text), gazetteer) == ["Cumbria"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The keeper patrolled the garden inside Shenyang Forest Safari Park.", ["Shenyang"]),
        ("Farmers in the Central Valley lost their crops to the drought.", ["Central Valley"]),
        ("Police in West Valley City arrested a man on Monday.", ["West Valley City"]),
    ],
)
def test_geoparse_a_landscape_word_alone_names_no_place(
    nlp: Any, gazetteer: Gazetteer, text: str, expected: list[str]
) -> None:
    """ "Forest" inside a park's name is no Forest in Brussels; names made with such words are
    found whole."""
    assert _texts(nlp(text), gazetteer) == expected


def test_geoparse_a_province_across_the_border_beats_a_far_town_of_the_story_country(
    gazetteer: Gazetteer,
) -> None:
    """New Brunswick, the province, reaches to within 150 km of Bangor, Maine; the New Jersey
    city of that name lies 600 km away. Without a town near the border, the city stays."""
    text = "The family will move into New Brunswick, officials in Bangor, Maine said."
    province, _, _ = _resolved(text, gazetteer, "New Brunswick", "Bangor", "Maine")
    assert (province.feature, province.country) == ("admin1", "CAN")
    text = "The family will move into New Brunswick, officials in Trenton, New Jersey said."
    city, _, _ = _resolved(text, gazetteer, "New Brunswick", "Trenton", "New Jersey")
    assert (city.feature, city.country) == ("city", "USA")


def test_geoparse_a_capital_tagged_as_a_person_acting_is_a_place(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger calls Kiev a person as the subject of "blamed"; the article names Ukraine. A
    capital that is also a first name stays a person where its country goes unnamed."""
    text = "Kiev blamed Russian-backed separatists for the attack. Ukraine said 12 soldiers died."
    doc = nlp(text)
    assert [e.label_ for e in doc.ents if e.text == "Kiev"] == ["PERSON"]  # the premise
    assert _texts(doc, gazetteer) == ["Kiev", "Ukraine"]
    text = "Yerevan rejected the claims. The talks on Armenia's border resume on Monday."
    assert "Yerevan" in _texts(nlp(text), gazetteer)
    text = "Kiev blamed the referee for the loss, and the coach agreed."
    assert _texts(nlp(text), gazetteer) == []


def test_geoparse_royal_residences_are_in_britain(gazetteer: Gazetteer) -> None:
    """A royal wedding story names no town: "Windsor Castle" had been found through the largest
    Windsor (Ontario), and "St George's Chapel" was Grenada's capital."""
    text = "They married at St George's Chapel in Windsor Castle, then drove to Kensington Palace."
    chapel, castle, palace = _resolved(
        text, gazetteer, "St George's Chapel", "Windsor Castle", "Kensington Palace"
    )
    assert [p.supplement_id for p in (chapel, castle, palace)] == [
        "st-georges-chapel-windsor",
        "windsor-castle",
        "kensington-palace",
    ]
    assert chapel.parent == "windsor-castle"


def test_geoparse_a_first_name_before_a_family_name_of_the_story_is_a_person(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger calls "Helen Kunz" a place beside "Randy Kunz"; a name made after a person,
    such as "Fort Bragg" beside "Braxton Bragg", stays a place."""
    text = "Randy Kunz and Kenneth Kunz testified. The trial is about Helen Kunz's suffering."
    assert [e.label_ for e in nlp(text).ents if e.text.startswith("Helen")] != ["PERSON"]
    assert _texts(nlp(text), gazetteer) == []
    text = "Braxton Bragg was a general. Troops at Fort Bragg trained on Monday."
    assert "Fort Bragg" in _texts(nlp(text), gazetteer)


def test_geoparse_a_storm_named_in_the_story_is_no_town(nlp: Any, gazetteer: Gazetteer) -> None:
    """Harvey, Illinois and Florence, Italy are towns; in a story of Hurricane Harvey and Tropical
    Storm Florence the names, alone or listed after "hurricanes", are the storms. The National
    Hurricane Center names no storm "Center", and a weekday after "storm" is no storm's name."""
    text = (
        "Hurricane Harvey hit Houston in August. After Harvey, Irma struck Florida. The "
        "hurricanes Harvey, Irma and Maria cost billions. Tropical Storm Florence flooded "
        "Wilmington, the National Hurricane Center in Miami said."
    )
    found = _texts(nlp(text), gazetteer)
    assert [t for t in found if "Center" not in t] == ["Houston", "Florida", "Wilmington", "Miami"]
    text = "A storm Tuesday knocked out power in Florence and Harvey, officials said."
    assert _texts(nlp(text), gazetteer) == ["Florence", "Harvey"]
    text = "After the storm Houston residents began to clean up. Houston schools reopened."
    assert _texts(nlp(text), gazetteer) == ["Houston", "Houston"]


def test_geoparse_a_river_is_no_far_county_abroad(gazetteer: Gazetteer) -> None:
    """Alberta's County of Vermilion River is all the gazetteer has for the name; a Louisiana
    story's Vermilion River is placed at the story's own places."""
    text = (
        "Flooding closed roads across Vermilion Parish. In Abbeville, schools were closed, and "
        "the Vermilion River could crest near Lafayette."
    )
    _, abbeville, river, _ = _resolved(
        text, gazetteer, "Vermilion Parish", "Abbeville", "Vermilion River", "Lafayette"
    )
    assert (river.country, river.admin1) == ("USA", "Louisiana")
    assert river.geonameid is None and abbeville.admin1 == "Louisiana"


@pytest.mark.parametrize(
    ("text", "names", "country"),
    [
        ("Toronto police said a man was shot in Scarborough.", ("Toronto", "Scarborough"), "CAN"),
        (
            "Floods hit Scarborough on the North Yorkshire coast.",
            ("Scarborough", "North Yorkshire"),
            "GBR",
        ),
    ],
)
def test_geoparse_torontos_former_boroughs_compete_with_their_namesakes(
    gazetteer: Gazetteer, text: str, names: tuple[str, ...], country: str
) -> None:
    """Scarborough, a district of Toronto that cities500 lacks, ranks by its population."""
    found = _resolved(text, gazetteer, *names)
    assert found[names.index("Scarborough")].country == country


def test_geoparse_a_place_whose_first_word_the_tagger_made_a_person(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    """The tagger calls "Darien" a person and leaves "Gap" out; the whole is the supplement's
    Darién Gap. A person's full name stays a person's."""
    text = "Migrants crossed the Darien Gap from Colombia into Panama, the UN said."
    doc = nlp(text)
    assert next((e.text, e.label_) for e in doc.ents) == ("Darien", "PERSON")  # the premise
    assert _texts(doc, gazetteer) == ["Darien Gap", "Colombia", "Panama"]
    text = "Morgan Hill said the talks in Panama would resume."
    assert _texts(nlp(text), gazetteer) == ["Panama"]
