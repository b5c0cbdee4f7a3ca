"""Place-name forms the gazetteer indexes beyond a source's own spelling.

- :func:`variant`: a transliteration key for Arabic place names, which reach English in many
  spellings ("Deir ez-Zor", "Deir Ezzor", "Deir al-Zour", "Dayr az Zawr");
- :func:`airport_names`: the names news gives an airport besides its official one ("Heathrow
  Airport", "London Heathrow", "Heathrow" for "London Heathrow Airport").

Both work on plain strings; :mod:`newsevents.gazetteer` decides where they apply.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["ARABIC_SCRIPT_COUNTRIES", "airport_names", "is_air_base", "variant"]

ARABIC_SCRIPT_COUNTRIES = frozenset({
    "AFG", "ARE", "BHR", "DJI", "DZA", "EGY", "ESH", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN",
    "LBY", "MAR", "MRT", "OMN", "PAK", "PSE", "QAT", "SAU", "SDN", "SOM", "SYR", "TCD", "TUN",
    "YEM",
})  # fmt: skip
"""Countries whose place names reach English through many transliterations."""
ARTICLES = frozenset({
    "al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "at", "et", "az", "ez", "an",
    "en", "adh", "ath", "ul",
})  # fmt: skip
"""The Arabic article in its transliterations, sun-letter assimilations included."""
_VARIANT_WORDS = {"tel": "tal", "tell": "tal", "kfar": "kafr", "jebel": "jabal", "jbel": "jabal"}
_SPELLINGS = (
    (re.compile(r"^[ae]([tdrzsnl])\1(?=\w\w)"), r"\1"),  # "Ezzor", "Arraqqa": article run in
    (re.compile(r"ou|oo|o"), "u"),
    (re.compile(r"ee"), "i"),
    (re.compile(r"ei|ey|ai"), "ay"),
    (re.compile(r"aw(?=[^aeiouy]|$)"), "u"),
    (re.compile(r"q"), "k"),
    (re.compile(r"(\w)\1+"), r"\1"),
    (re.compile(r"(?<=[aeiouy])h$"), ""),  # "Raqqah", "Hasakah"
    (re.compile(r"e$"), "a"),  # "-iyeh"
)


def variant(key: str) -> str:
    """A transliteration key for a normalised name: articles, ayn marks, doubled letters and
    vowel spellings folded ("deir ez zor", "deir al zour", "dayr az zawr": "dayr zur")."""
    words = key.replace("'", "").split()
    words = [w for w in words[:-1] if w not in ARTICLES] + words[-1:]
    return " ".join(_fold(_VARIANT_WORDS.get(w, w)) for w in words)


@lru_cache(maxsize=65_536)
def _fold(word: str) -> str:
    """The word's vowel spellings and doubled letters folded; remembered, since the words of
    unknown names (each looked up once) recur across names and articles."""
    for pattern, replacement in _SPELLINGS:
        word = pattern.sub(replacement, word)
    return word


# --- airports --------------------------------------------------------------------------------

_AIRPORT_WORDS = frozenset({"airport", "international", "air", "force", "base", "airbase"})
_AIR_BASE = re.compile(r"\bAir ?[Bb]ase\b|\bAir Force Base\b")
_NOT_SHORT_NAMES = frozenset({
    "regional", "municipal", "county", "field", "memorial", "intercontinental", "executive",
    "metropolitan", "national", "city", "air", "base", "airfield", "new", "domestic", "central",
    "north", "south", "east", "west", "island", "valley", "lake", "river", "airstrip", "heliport",
    "northeast", "northwest", "southeast", "southwest", "joint", "naval", "station", "army",
    "military", "state", "industrial", "community", "harbour", "harbor", "port", "bay", "point",
    "airpark", "skypark", "jetport", "sunport", "seaplane", "aeroclub", "aeroclube", "glider",
    "castle", "cable", "lakefront", "alpha", "zero", "flamingo", "sphinx", "tradewind", "quince",
    "avalon", "majors", "browns", "jacksons", "termal", "techo", "robinhood", "eros", "saab",
    "internationa",
})  # fmt: skip
"""Words that alone name no airport: "Balad Southeast Air Base" is never "Southeast", and
"Harbour" or "Castle" alone could be anything."""
_PERSON_NAMES = frozenset({
    "barker", "batten", "cassidy", "fernando", "kirk", "seymour", "solomon", "spence",
})  # fmt: skip
"""First and family names common in English text that airports are named after."""


def is_air_base(name: str) -> bool:
    return bool(_AIR_BASE.search(name))


def airport_names(name: str, city: str) -> tuple[list[str], list[str]]:
    """An airport's names, and its aliases: its own name, "X Airport" and "X International
    Airport" without the city's name in front; as aliases, the city's name and X together and
    a short X (see :func:`_short_name`). "London Heathrow Airport" is also "Heathrow Airport",
    "London Heathrow" and "Heathrow"; "Dubai International Airport" is "Dubai Airport" only."""
    kind = "Air Base" if is_air_base(name) else "Airport"
    own = [w for w in name.split() if w.lower() not in _AIRPORT_WORDS]
    if not own or (kind == "Airport" and "airport" not in name.lower().split()):
        return [name], []
    core = own[len(city.split()) :] if city and name.startswith(f"{city} ") else own
    short = bool(core) and not all(w.lower() in _NOT_SHORT_NAMES for w in core)
    joined = " ".join(core if short else own)
    names = [name, f"{joined} {kind}"]
    names += [f"{joined} International Airport"] if "International" in name.split() else []
    names += [f"{joined} Airbase"] if kind == "Air Base" else []
    aliases = [" ".join(own)] if short and core != own else []
    aliases += [joined] if short and _short_name(core) else []
    return list(dict.fromkeys(names)), aliases


def _short_name(core: list[str]) -> bool:
    """A one-word core ("Heathrow"), or an article and a word ("Al Udeid")."""
    word = core[-1]
    if len(core) > 2 or (len(core) == 2 and core[0].lower() not in ARTICLES):
        return False
    if len(word) < 4 or not word[0].isupper() or word.isupper():  # "LRRS" is an acronym
        return False
    return word.lower() not in _NOT_SHORT_NAMES | _PERSON_NAMES
