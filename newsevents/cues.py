"""Cue words: short lists of lemmas, matched against plain text in their regular forms.

The ACLED sub-type rules (:mod:`newsevents.acled`) read them from ``lexicon/acled.toml``. Matching
plain words rather than parser lemmas lets the same cues serve a coded event (which keeps only its
sentence's text) and a whole snippet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from newsevents.errors import LexiconError
from newsevents.lexicon import load_toml

__all__ = [
    "SENTENCE_END",
    "AcledLexicon",
    "Cue",
    "Words",
    "forms",
    "positions",
    "sentences_of",
    "words_of",
]

SIDES = ("nonstate", "state", "civilian")
"""Sides of an actor, in the order they are tried: "rebel forces" are non-state."""
WINDOW = 6
"""How many words apart the parts of a cue like "tear+gas" may stand."""

Cue = tuple[frozenset[str], ...]
"""The parts of one cue entry, each the set of word forms that match it."""
Words = tuple[frozenset[str], ...]
"""A sentence as the word forms at each position (a hyphenated word also gives its parts)."""

_WORD = re.compile(r"[a-z0-9]+(?:['’\-][a-z0-9]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_VOWELS = set("aeiou")


def forms(lemma: str) -> frozenset[str]:
    """The regular inflections of ``lemma``: kill → kills, killed, killing."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if _doubles(lemma):
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return frozenset(out)


def _doubles(lemma: str) -> bool:
    """Short consonant-vowel-consonant words double their last letter: stab → stabbed."""
    tail = lemma[-3:]
    return (
        len(lemma) <= 5
        and len(tail) == 3
        and tail[0] not in _VOWELS
        and tail[1] in _VOWELS
        and tail[2] not in _VOWELS | {"w", "x", "y"}
    )


_MONTH_MARCH = re.compile(
    r"(?<=\d )March\b|\bMarch(?= \d)"
    r"|(?<=\b(?:in|of|by) )March\b|(?<=\b(?:early|since|until) )March\b"
)
"""March the month, which must not read as a march: "On 2 March", "March 2021", "in March"."""


def words_of(text: str) -> Words:
    """A sentence's words, lower-cased, each with the parts of a hyphenated or possessive word."""
    out: list[frozenset[str]] = []
    text = _MONTH_MARCH.sub("month", text)
    for word in _WORD.findall(text.lower().replace("’", "'")):
        parts = {p for p in re.split(r"[-']", word) if p}
        out.append(frozenset({word} | parts))
    return tuple(out)


@lru_cache(maxsize=4096)
def sentences_of(text: str) -> tuple[Words, ...]:
    """The sentences of ``text`` as words (cached: a sentence's events all ask for it)."""
    return tuple(words_of(s) for s in SENTENCE_END.split(text) if s.strip())


def _compile(entry: str) -> Cue:
    return tuple(forms(part.strip().lower()) for part in entry.split("+"))


def positions(cue: Cue, words: Words) -> Iterable[int]:
    """Where ``cue`` occurs in ``words``: the position of its first part."""
    for i, here in enumerate(words):
        if here & cue[0] and all(_near(part, words, i) for part in cue[1:]):
            yield i


def _near(part: frozenset[str], words: Words, i: int) -> bool:
    return any(w & part for w in words[max(0, i - WINDOW) : i + WINDOW + 1])


Index = dict[str, tuple[Cue, ...]]
"""Cue entries by each word form of their first part, so that a sentence is read once."""


def _index(entries: Iterable[Cue]) -> Index:
    out: dict[str, list[Cue]] = {}
    for cue in entries:
        for form in cue[0]:
            out.setdefault(form, []).append(cue)
    return {form: tuple(cues) for form, cues in out.items()}


def _matches(index: Index, words: Words) -> Iterator[int]:
    for i, here in enumerate(words):
        candidates = (cue for form in here for cue in index.get(form, ()))
        if any(all(_near(part, words, i) for part in cue[1:]) for cue in candidates):
            yield i


def _occurs(index: Index, words: Words) -> bool:
    return next(_matches(index, words), None) is not None


@dataclass(frozen=True)
class AcledLexicon:
    """The cue lists of ``lexicon/acled.toml`` (or a user's file of the same shape)."""

    cues: dict[str, Index]
    sides: dict[str, Index]

    @classmethod
    def load(cls, path: str | Path = "acled.toml") -> AcledLexicon:
        return _load_lexicon(str(path))

    def found(self, name: str, sentences: Sequence[Words]) -> list[tuple[int, int]]:
        """(sentence, word) positions where cue ``name`` occurs."""
        if name not in self.cues:
            raise LexiconError("acled.toml", f"no [cue.{name}] table; add one (it may be empty)")
        index = self.cues[name]
        return [(s, i) for s, words in enumerate(sentences) for i in _matches(index, words)]

    def side(self, words: Words) -> str | None:
        """The first side ("nonstate", "state", "civilian") whose words occur in ``words``."""
        return next((name for name in SIDES if _occurs(self.sides[name], words)), None)

    def sides_in(self, sentences: Sequence[Words]) -> set[str]:
        """Every side whose words occur in ``sentences``."""
        return {n for n in SIDES for words in sentences if _occurs(self.sides[n], words)}


@cache
def _load_lexicon(path: str) -> AcledLexicon:
    raw = load_toml(path)
    try:
        cues = {name: _index(_entries(table["words"])) for name, table in raw["cue"].items()}
        sides = {name: _index(_entries(raw["side"][name])) for name in SIDES}
    except (KeyError, TypeError, AttributeError) as exc:
        raise LexiconError(path, f"missing or malformed entry {exc}; see acled.toml") from None
    return AcledLexicon(cues, sides)


def _entries(values: Any) -> tuple[Cue, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise TypeError("a list of words")
    return tuple(_compile(v) for v in values)
