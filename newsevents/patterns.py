"""The event pattern lexicon: ``lexicon/events.toml`` (and users' files) as indexed patterns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from newsevents.errors import LexiconError
from newsevents.lexicon import load_toml

__all__ = ["PLOVER_CATEGORIES", "CategoryInfo", "Deontic", "Lexicon", "Match", "Pattern"]

PLOVER_CATEGORIES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True)
class Pattern:
    """One trigger word of one category: ``head`` (+ optional ``companion``) as a ``pos``."""

    category: str
    pos: str
    """ "VERB" or "NOUN"."""
    head: str
    companion: str | None
    mode: str | None = None
    cameo: str | None = None
    acled: tuple[str, str] | None = None
    recipient_preps: tuple[str, ...] = ()
    weight: float = 1.0


@dataclass(frozen=True)
class Match:
    """A lexicon pattern found in a sentence: the anchor token carries the arguments."""

    pattern: Pattern
    anchor: Any
    start: int
    """First token index of the trigger words."""
    end: int
    """One past the last token index of the trigger words."""
    companion: Any = None
    """The companion word matched with the head ("sanctions" of "impose+sanction"), if any."""


@dataclass(frozen=True)
class Deontic:
    """ "X said Y must do Z": reporting verbs and modals that make a demand on Y."""

    pattern: Pattern
    reporting: frozenset[str]
    modals: frozenset[str]


@dataclass(frozen=True)
class CategoryInfo:
    name: str
    cameo: str | None
    acled: tuple[str, str] | None


class Lexicon:
    """Patterns indexed by (part of speech, head lemma), and the sentence-context keywords."""

    def __init__(
        self,
        patterns: Iterable[Pattern],
        categories: dict[str, CategoryInfo],
        context_words: dict[str, str],
        deontic: Deontic | None = None,
    ) -> None:
        self._index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for p in patterns:
            self._index[(p.pos, p.head)].append(p)
        self._categories = categories
        self._context_words = context_words
        self.deontic = deontic

    @classmethod
    def load(cls, extra: Iterable[str] = ()) -> Lexicon:
        """The built-in lexicon, then each extra file: its words replace ours for the same head."""
        builtin = load_toml("events.toml")
        categories = _categories("events.toml", builtin)
        patterns: dict[tuple[str, str, str | None], list[Pattern]] = defaultdict(list)
        for p in _patterns("events.toml", builtin):
            patterns[_key(p)].append(p)
        for path in extra:
            doc = load_toml(path)
            categories.update(_categories(str(path), doc))
            user = _patterns(str(path), doc)
            for key in {_key(p) for p in user}:
                patterns[key] = []
            for p in user:
                patterns[_key(p)].append(p)
        contexts = load_toml("contexts.toml")
        words = {w: ctx for ctx, ws in contexts.get("context", {}).items() for w in ws}
        deontic = _deontic("events.toml", builtin.get("deontic"))
        return cls((p for ps in patterns.values() for p in ps), categories, words, deontic)

    def patterns(self, pos: str, lemma: str) -> list[Pattern]:
        return self._index.get((pos, lemma), [])

    def category(self, name: str) -> CategoryInfo:
        return self._categories.get(name, CategoryInfo(name, None, None))

    def contexts(self, lemmas: Iterable[str]) -> tuple[str, ...]:
        """PLOVER context codes suggested by the words of a sentence, in a stable order."""
        found = {self._context_words[w] for w in lemmas if w in self._context_words}
        return tuple(sorted(found))

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())


def _key(p: Pattern) -> tuple[str, str, str | None]:
    return (p.pos, p.head, p.companion)


def _categories(source: str, doc: dict[str, Any]) -> dict[str, CategoryInfo]:
    out = {}
    for name, info in doc.get("category", {}).items():
        _check_category(source, name)
        out[name] = CategoryInfo(name, info.get("cameo"), _pair(source, info.get("acled")))
    return out


class TriggerEntry(BaseModel):
    """One ``[[trigger]]`` table of a lexicon file, checked at this trust boundary."""

    model_config = ConfigDict(extra="forbid")

    category: str
    mode: str | None = None
    verbs: list[str] = []
    nouns: list[str] = []
    cameo: str | None = None
    acled: tuple[str, str] | None = None
    recipient_preps: list[str] = []
    weight: float = 1.0


def _patterns(source: str, doc: dict[str, Any]) -> list[Pattern]:
    out: list[Pattern] = []
    for n, raw in enumerate(doc.get("trigger", []), start=1):
        try:
            entry = TriggerEntry.model_validate(raw)
        except ValidationError as exc:
            raise LexiconError(source, f"[[trigger]] #{n}: {_reason(exc)}") from exc
        _check_category(source, entry.category)
        for pos, words in (("VERB", entry.verbs), ("NOUN", entry.nouns)):
            for word in words:
                head, _, companion = word.lower().partition("+")
                out.append(
                    Pattern(
                        category=entry.category,
                        pos=pos,
                        head=head,
                        companion=companion or None,
                        mode=entry.mode,
                        cameo=entry.cameo,
                        acled=entry.acled,
                        recipient_preps=tuple(entry.recipient_preps),
                        weight=entry.weight,
                    )
                )
    return out


def _reason(exc: ValidationError) -> str:
    """ "verbs: Input should be a valid list" — field by field, in a user's words."""
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
    )


def _deontic(source: str, table: Any) -> Deontic | None:
    if table is None:
        return None
    category = table.get("category", "REQUEST")
    _check_category(source, category)
    pattern = Pattern(category, "VERB", "", None, weight=0.8)
    reporting = frozenset(w.lower() for w in table.get("reporting", []))
    return Deontic(pattern, reporting, frozenset(w.lower() for w in table.get("modals", [])))


def _check_category(source: str, name: str) -> None:
    if name not in PLOVER_CATEGORIES:
        raise LexiconError(
            source, f"unknown PLOVER category {name!r}; use one of {PLOVER_CATEGORIES}"
        )


def _pair(source: str, value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2):
        raise LexiconError(source, f"acled must be [event_type, sub_event_type], not {value!r}")
    return (str(value[0]), str(value[1]))
