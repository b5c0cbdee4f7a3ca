"""Gazetteer coverage: airports, transliterated Arabic names, curated aliases, natural features."""

from __future__ import annotations

import pytest

from newsevents.gazetteer import Entry, Gazetteer, distance_km, normalize
from newsevents.geoparse import Mention, resolve
from newsevents.placenames import airport_names, variant


def _resolved(gazetteer: Gazetteer, name: str, text: str = "") -> Entry:
    text = text or f"It happened in {name}."
    start = text.index(name)
    (answer,) = resolve([Mention(name, (start, start + len(name)))], gazetteer, text, False)
    assert answer is not None
    return answer[0]


# --- transliteration --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "key"), [("Dar‘ā", "dar'a"), ("‘Afrīn", "afrin"), ("Tal Al-‘Eiss", "tal al eiss")]
)
def test_normalize_keeps_ayn_marks_inside_words_only(raw: str, key: str) -> None:
    assert normalize(raw) == key


@pytest.mark.parametrize(
    ("raw", "key"),
    [("Şırnak", "sirnak"), ("Łódź", "lodz"), ("Tromsø", "tromso"), ("Đakovo", "dakovo")],
)
def test_normalize_folds_letters_unicode_does_not_decompose(raw: str, key: str) -> None:
    assert normalize(raw) == key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Deir Ezzor", "Dayr az Zawr"),
        ("Deir al-Zour", "Deir ez-Zor"),
        ("Dara'a", "Dar‘ā"),
        ("Hodeidah", "Al Ḩudaydah"),
        ("Baqouba", "Ba‘qūbah"),
        ("Diwaniyah", "Ad Dīwānīyah"),
        ("Al-Raqqa", "Ar Raqqah"),
        ("Qamishli", "Al Qāmishlī"),
    ],
)
def test_variant_folds_transliterations_together(one: str, other: str) -> None:
    assert variant(normalize(one)) == variant(normalize(other))


@pytest.mark.parametrize(
    ("one", "other"), [("Homs", "Hama"), ("Dara'a", "Deir"), ("Idlib", "Afrin")]
)
def test_variant_keeps_different_names_apart(one: str, other: str) -> None:
    assert variant(normalize(one)) != variant(normalize(other))


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Deir Ezzor", "SYR"), ("Dara'a", "SYR"), ("Baqouba", "IRQ"), ("Mahmudiyah", "IRQ")],
)
def test_transliterated_names_resolve(gazetteer: Gazetteer, name: str, iso3: str) -> None:
    assert _resolved(gazetteer, name).country == iso3


def test_variant_lookup_is_only_a_fallback(gazetteer: Gazetteer) -> None:
    """An exact name never gathers the variants of other places."""
    assert {e.name for e in gazetteer.candidates("Homs")} == {
        e.name for e in gazetteer.candidates("homs")
    }
    assert all(e.country != "SYR" for e in gazetteer.candidates("Hamm"))


# --- curated aliases of GeoNames places --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [("Kobane", 172256), ("Lugansk", 702658), ("Hodeidah", 79415), ("Palmyra", 163808)],
)
def test_curated_alias_names_the_geonames_town(
    gazetteer: Gazetteer, name: str, geonameid: int
) -> None:
    assert _resolved(gazetteer, name).geonameid == geonameid


# --- English and wire spellings of towns ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Odessa", 698740),  # not Odessa, Texas
        ("Mansoura", 360761),  # not Mansoûra, Algeria
        ("Khoms", 2219905),  # not Homs
        ("Ambo", 335288),  # Hāgere Hiywet, not Ambo, Peru
        ("Matamoros", 3523466),  # Heroica Matamoros, not a village of the name
        ("Baroda", 1253573),  # Vadodara
        ("Bacolod", 1729564),  # Bacolod City
        ("Minamisoma", 6822149),
        ("Kengtung", 1319364),
        ("Makhmour", 93818),
        ("Debre Markos", 339708),
        ("Bulo Burte", 63689),
        ("Birni N'Konni", 2437732),
        ("Petion-Ville", 3719028),
        ("Tenth of Ramadan", 353229),
        ("Evpatoria", 688105),  # Yevpatoriya, under its Russian name
        ("Al-Hol", 173797),
        ("Saidnaya", 164717),
        ("Beersheva", 295530),
    ],
)
def test_wire_spellings_name_the_town(gazetteer: Gazetteer, name: str, geonameid: int) -> None:
    assert _resolved(gazetteer, name).geonameid == geonameid


@pytest.mark.parametrize(
    ("name", "country", "geonameid"),
    [
        ("Bayda", "Yemen", 79836),
        ("Legazpi", "Philippines", 1706889),
        ("Aksu", "China", 1529660),
        ("Qaim", "Iraq", 92138),
        ("Rajouri", "India", 1258891),
        ("Balakliia", "Ukraine", 712926),  # the town, not GeoNames' village of the name
        ("Kostiantynivka", "Ukraine", 705104),
    ],
)
def test_wire_spellings_name_the_town_of_the_named_country(
    gazetteer: Gazetteer, name: str, country: str, geonameid: int
) -> None:
    place = _resolved_in(gazetteer, name, country)
    assert place is not None and place.geonameid == geonameid


@pytest.mark.parametrize(
    ("name", "country", "iso3"),
    [("Odessa", "Texas", "USA"), ("Aksu", "Kazakhstan", "KAZ"), ("Ambo", "Peru", "PER"),
     ("Legazpi", "Spain", "ESP"), ("Mansoura", "Algeria", "DZA"), ("Bayda", "Libya", "LBY"),
     ("Homs", "Syria", "SYR")],
)  # fmt: skip
def test_wire_spellings_leave_namesakes_abroad_their_names(
    gazetteer: Gazetteer, name: str, country: str, iso3: str
) -> None:
    place = _resolved_in(gazetteer, name, country)
    assert place is not None and place.country == iso3


def test_a_name_two_towns_share_goes_to_the_larger_without_a_country(gazetteer: Gazetteer) -> None:
    assert _resolved(gazetteer, "Bayda").country == "LBY"


# --- airports ----------------------------------------------------------------------------------


def test_airport_names_short_forms() -> None:
    names, aliases = airport_names("London Heathrow Airport", "London")
    assert "Heathrow Airport" in names and aliases == ["London Heathrow", "Heathrow"]
    assert airport_names("Dubai International Airport", "Dubai") == (
        ["Dubai International Airport", "Dubai Airport"],
        [],
    )
    assert airport_names("John F Kennedy International Airport", "New York")[1] == []
    assert airport_names("Al Udeid Air Base", "Ar Rayyan")[1] == ["Al Udeid"]
    assert airport_names("Balad Southeast Air Base", "Balad")[1] == []
    assert airport_names("Camp Bastion Heliport", "") == (["Camp Bastion Heliport"], [])


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Cape Lisburne LRRS Airport", "Cape Lisburne"),
        ("Victoria Harbour Airport", "Victoria"),
        ("Kirk Field Airport", ""),
        ("Smith Military Airport", "Smith"),
    ],
)
def test_airport_short_names_are_never_words_acronyms_or_first_names(name: str, city: str) -> None:
    _, aliases = airport_names(name, city)
    assert all(" " in alias for alias in aliases)


@pytest.mark.parametrize(
    ("name", "iso3", "lat", "lon"),
    [
        ("Heathrow", "GBR", 51.47, -0.46),
        ("Schiphol", "NLD", 52.31, 4.76),
        ("Dulles International Airport", "USA", 38.95, -77.46),
        ("JFK", "USA", 40.64, -73.78),
        ("Dubai Airport", "ARE", 25.25, 55.36),
    ],
)
def test_airports_resolve(
    gazetteer: Gazetteer, name: str, iso3: str, lat: float, lon: float
) -> None:
    airport = _resolved(gazetteer, name)
    assert airport.feature == "airport" and airport.country == iso3
    assert distance_km(airport.lat, airport.lon, lat, lon) < 5


@pytest.mark.parametrize("name", ["Dubai", "Kandahar", "Hodeidah", "Amsterdam"])
def test_airports_never_take_their_citys_name(gazetteer: Gazetteer, name: str) -> None:
    assert all(e.feature != "airport" for e in gazetteer.candidates(name))
    assert _resolved(gazetteer, name).feature in ("city", "capital", "admin1")


def test_airports_are_not_salient(gazetteer: Gazetteer) -> None:
    """The text matcher does not look for airports: NER finds them, codes collide with words."""
    assert "heathrow airport" not in gazetteer.salient
    assert all(e.feature != "airport" for e in gazetteer.candidates("MAN"))


# --- natural features and conflict places ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "feature", "lat", "lon"),
    [
        ("Cauvery", "river", 11.14, 79.85),
        ("Appalachians", "mountains", 40.0, -78.0),
        ("Tigris River", "river", 34.5, 43.7),
        ("Himalayas", "mountains", 28.5, 84.0),
        ("al-Tanf", "base", 33.5, 38.66),
        ("Wadi Barada", "valley", 33.62, 36.15),
    ],
)
def test_supplement_features_resolve(
    gazetteer: Gazetteer, name: str, feature: str, lat: float, lon: float
) -> None:
    place = _resolved(gazetteer, name)
    assert place.feature == feature and distance_km(place.lat, place.lon, lat, lon) < 1


def test_the_gulf_is_the_persian_gulf(gazetteer: Gazetteer) -> None:
    text = "Iran and Saudi Arabia compete for influence across the Gulf."
    assert _resolved(gazetteer, "Gulf", text).supplement_id == "persian-gulf"


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("Downing Street", "GBR"), ("Elysee Palace", "FRA"), ("Blue House", "KOR"),
     ("Palais des Nations", "CHE"), ("Zhongnanhai", "CHN")],
)  # fmt: skip
def test_seats_of_government_lie_in_their_capitals(
    gazetteer: Gazetteer, name: str, iso3: str
) -> None:
    place = _resolved(gazetteer, name)
    assert (place.feature, place.country) == ("building", iso3)


# --- conflict provinces and regions ------------------------------------------------------------


def _resolved_in(gazetteer: Gazetteer, name: str, country: str) -> Entry | None:
    """The answer for ``name`` in "Fighting in NAME, COUNTRY killed ten.", without backoff."""
    text = f"Fighting in {name}, {country} killed ten."
    start = text.index(country, 12 + len(name))
    mentions = [Mention(name, (12, 12 + len(name))), Mention(country, (start, len(text) - 12))]
    answer = resolve(mentions, gazetteer, text, False)[0]
    return answer[0] if answer else None


@pytest.mark.parametrize(
    ("name", "country", "geonameid"),
    [
        ("Lower Shabelle", "Somalia", 51966),
        ("Middle Shabelle", "Somalia", 51967),
        ("Hiran", "Somalia", 57060),
        ("Galgaduud", "Somalia", 59362),
        ("Daikundi", "Afghanistan", 6957553),
        ("Salahuddin", "Iraq", 91695),
        ("Salahuddin province", "Iraq", 91695),
        ("Thi Qar", "Iraq", 97019),
        ("Hadhramaut", "Yemen", 75411),
        ("Shabwa", "Yemen", 70935),
        ("Marib province", "Yemen", 72966),
        ("Kyiv region", "Ukraine", 703446),
        ("Timbuktu region", "Mali", 2449066),
        ("Benishangul-Gumuz", "Ethiopia", 444181),
        ("Karen State", "Myanmar", 1320233),
        ("Karenni State", "Myanmar", 1319539),
        ("Northwest region", "Cameroon", 2223602),
        ("Kurram", "Pakistan", 1172574),
        ("Orissa", "India", 1261029),
        ("North Cotabato", "Philippines", 1697559),
        ("Sistan-Baluchestan", "Iran", 1159456),
        ("Sirnak", "Turkey", 443189),
        ("Dagestan", "Russia", 567293),
        ("Belgorod region", "Russia", 578071),
        ("North Sinai", "Egypt", 349401),
        ("Federal Capital Territory", "Nigeria", 2352776),
    ],
)
def test_conflict_provinces_resolve_by_their_english_names(
    gazetteer: Gazetteer, name: str, country: str, geonameid: int
) -> None:
    place = _resolved_in(gazetteer, name, country)
    assert place is not None and place.geonameid == geonameid


@pytest.mark.parametrize(
    ("name", "country", "iso3", "town"),
    [
        ("Puntland", "Somalia", "SOM", (8.40, 48.48)),  # Garowe
        ("Somaliland", "Somalia", "SOM", (9.56, 44.06)),  # Hargeisa
        ("Jubaland", "Somalia", "SOM", (-0.36, 42.55)),  # Kismayo
        ("Cyrenaica", "Libya", "LBY", (32.12, 20.07)),  # Benghazi
        ("Fezzan", "Libya", "LBY", (27.04, 14.43)),  # Sabha
        ("Tripolitania", "Libya", "LBY", (32.89, 13.19)),  # Tripoli
        ("Kordofan", "Sudan", "SDN", (13.18, 30.22)),  # El Obeid
        ("Catatumbo", "Colombia", "COL", (8.64, -72.73)),  # Tibú
        ("Bajo Cauca", "Colombia", "COL", (7.99, -75.19)),  # Caucasia, not the Cauca department
        ("Wollo", "Ethiopia", "ETH", (11.83, 39.60)),  # Woldia
        ("Karamoja", "Uganda", "UGA", (2.53, 34.66)),  # Moroto
        ("Wa State", "Myanmar", "MMR", (22.17, 99.18)),  # Pangkham, not Washington
    ],
)
def test_conflict_regions_resolve_and_hold_their_towns(
    gazetteer: Gazetteer, name: str, country: str, iso3: str, town: tuple[float, float]
) -> None:
    region = _resolved_in(gazetteer, name, country)
    assert region is not None and (region.feature, region.country) == ("region", iso3)
    assert distance_km(region.lat, region.lon, *town) < region.radius_km


@pytest.mark.parametrize(
    ("name", "country"),
    [("Sweida", "Syria"), ("Marib", "Yemen"), ("Timbuktu", "Mali"), ("Dohuk", "Iraq"),
     ("Belgorod", "Russia"), ("Idlib", "Syria"), ("Kirkuk", "Iraq")],
)  # fmt: skip
def test_a_province_alias_in_qualified_form_leaves_the_bare_name_to_the_town(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    place = _resolved_in(gazetteer, name, country)
    assert place is not None and place.feature == "city"


@pytest.mark.parametrize(
    ("name", "country", "not_geonameid"),
    [("Karen", "Myanmar", 1320233), ("Karenni", "Myanmar", 1319539),
     ("Irrawaddy", "Myanmar", 1321850), ("Northwest", "United States", 2223602),
     ("Southwest", "China", 2221788)],
)  # fmt: skip
def test_risky_bare_words_do_not_become_the_province(
    gazetteer: Gazetteer, name: str, country: str, not_geonameid: int
) -> None:
    place = _resolved_in(gazetteer, name, country)
    assert place is None or place.geonameid != not_geonameid


@pytest.mark.parametrize(
    ("name", "iso3", "town", "km"),
    [
        ("Rift Valley", "KEN", (-0.30, 36.07), 150),  # Nakuru, its old provincial capital
        ("Gippsland", "AUS", (-38.11, 147.07), 50),  # Sale
        ("Evia", "GRC", (38.46, 23.60), 50),  # Chalkida
        ("Euboea", "GRC", (38.46, 23.60), 50),
        ("Great Barrier Reef", "AUS", (-19.26, 146.82), 150),  # Townsville
    ],
)
def test_regions_and_islands_news_names_lie_by_their_towns(
    gazetteer: Gazetteer, name: str, iso3: str, town: tuple[float, float], km: float
) -> None:
    place = _resolved(gazetteer, name)
    assert place.supplement_id and place.country == iso3
    assert distance_km(place.lat, place.lon, *town) < km
