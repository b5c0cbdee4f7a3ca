"""The event pattern lexicon: ``lexicon/events.toml`` (and users' files) as indexed patterns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from newsevents.errors import LexiconError
from newsevents.lexicon import load_toml

__all__ = [
    "PLOVER_CATEGORIES",
    "CategoryInfo",
    "Commitment",
    "Deontic",
    "Lexicon",
    "Match",
    "Pattern",
]

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
    """ "X said Y must do Z": reporting verbs (or nouns of saying, "a reminder that…") and
    modals that make a demand on Y."""

    pattern: Pattern
    reporting: frozenset[str]
    modals: frozenset[str]
    nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Commitment:
    """ "X is willing to send troops", "X is committed to opening up": a stated readiness to
    act, coded as ``pattern.category`` (AGREE) even when the act itself is no trigger."""

    pattern: Pattern
    adjectives: frozenset[str]


@dataclass(frozen=True)
class CategoryInfo:
    """What a ``[category.NAME]`` table documents: its equivalents, modes and contexts."""

    name: str
    cameo: str | None
    acled: tuple[str, str] | None
    modes: tuple[str, ...] = ()
    contexts: tuple[str, ...] = ()
    about: str = ""


class Lexicon:
    """Patterns indexed by (part of speech, head lemma), and the sentence-context keywords."""

    def __init__(
        self,
        patterns: Iterable[Pattern],
        categories: dict[str, CategoryInfo],
        context_words: dict[str, str],
        deontic: Deontic | None = None,
        commitment: Commitment | None = None,
        crowd: frozenset[str] = frozenset(),
    ) -> None:
        self._index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
        for p in patterns:
            self._index[(p.pos, p.head)].append(p)
        self._categories = categories
        self._context_words = context_words
        self.deontic = deontic
        self.commitment = commitment
        self.crowd = crowd
        self.agents = _agent_words()

    @classmethod
    def load(cls, extra: Iterable[str] = ()) -> Lexicon:
        """The built-in lexicon, then each extra file in order: its entries are added, a word
        (head and companion) it lists replaces ours, a word of weight 0 removes ours, its
        frame tables (``[deontic]``, ``[commitment]``, ``[crowd]``) add words to ours and its
        ``[context]`` words are added to (or move between) the context codes."""
        sources = [("events.toml", load_toml("events.toml"))]
        sources += [(str(path), load_toml(path)) for path in extra]
        categories: dict[str, CategoryInfo] = {}
        patterns: dict[tuple[str, str, str | None], list[Pattern]] = defaultdict(list)
        tables: dict[str, dict[str, Any]] = {}
        for source, doc in sources:
            categories = _categories(source, doc, categories)
            user = _patterns(source, doc)
            for key in {_key(p) for p in user}:
                patterns[key] = []
            for p in user:
                patterns[_key(p)].append(p)
            _merge_tables(source, doc, tables)
        contexts = _context_words([load_toml("contexts.toml"), *(d for _, d in sources[1:])])
        return cls(
            (p for ps in patterns.values() for p in ps if p.weight > 0),
            categories,
            contexts,
            _deontic(tables.get("deontic")),
            _commitment(tables.get("commitment")),
            frozenset(tables.get("crowd", {}).get("words", ())),
        )

    def is_crowd(self, tok: Any) -> bool:
        """Whether a word names a crowd of demonstrators ("protesters", "marchers")."""
        return bool(tok.lemma_.lower() in self.crowd)

    def patterns(self, pos: str, lemma: str) -> list[Pattern]:
        return self._index.get((pos, lemma), [])

    def __iter__(self) -> Iterator[Pattern]:
        return (p for ps in self._index.values() for p in ps)

    @property
    def context_codes(self) -> frozenset[str]:
        """Every context code some word suggests."""
        return frozenset(self._context_words.values())

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


def _categories(
    source: str, doc: dict[str, Any], known: dict[str, CategoryInfo]
) -> dict[str, CategoryInfo]:
    """``known`` updated by the file's [category.*] tables: only the fields a table gives."""
    out = dict(known)
    for name, info in doc.get("category", {}).items():
        _check_category(source, name)
        given: dict[str, Any] = {}
        if "cameo" in info:
            given["cameo"] = info["cameo"]
        if "acled" in info:
            given["acled"] = _pair(source, info["acled"])
        for key in ("modes", "contexts"):
            if key in info:
                given[key] = tuple(str(v) for v in info[key])
        if "about" in info:
            given["about"] = str(info["about"])
        out[name] = replace(out.get(name, CategoryInfo(name, None, None)), **given)
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
                for head, companion in _spellings(word.lower()):
                    out.append(
                        Pattern(
                            category=entry.category,
                            pos=pos,
                            head=head,
                            companion=companion,
                            mode=entry.mode,
                            cameo=entry.cameo,
                            acled=entry.acled,
                            recipient_preps=tuple(entry.recipient_preps),
                            weight=entry.weight,
                        )
                    )
    return out


def _spellings(word: str) -> list[tuple[str, str | None]]:
    """(head, companion) pairs for a lexicon word: "impose+sanction" as written; a hyphenated
    word also as its two halves, as the tokenizer splits it ("sit-in" → "sit" + "in")."""
    head, _, companion = word.partition("+")
    if companion:
        return [(head, companion)]
    first, _, last = head.partition("-")
    return [(head, None), (first, last)] if first and last and "-" not in last else [(head, None)]


def _reason(exc: ValidationError) -> str:
    """ "verbs: Input should be a valid list" — field by field, in a user's words."""
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
    )


FRAME_TABLES = {
    "deontic": ("reporting", "modals", "nouns"),
    "commitment": ("adjectives",),
    "crowd": ("words",),
}
"""The lexicon's frame tables and their word lists; a user's lists are added to ours."""


def _merge_tables(source: str, doc: dict[str, Any], tables: dict[str, dict[str, Any]]) -> None:
    for name, lists in FRAME_TABLES.items():
        table = doc.get(name)
        if table is None:
            continue
        if not isinstance(table, dict):
            raise LexiconError(source, f"[{name}] must be a table, not {table!r}")
        merged = tables.setdefault(name, {})
        for key, value in table.items():
            if key == "category":
                _check_category(source, str(value))
                merged[key] = str(value)
            elif key in lists and isinstance(value, list):
                merged[key] = [*merged.get(key, []), *(str(w).lower() for w in value)]
            else:
                keys = ", ".join(("category", *lists))
                raise LexiconError(
                    source, f"[{name}] {key} = {value!r}: give only {keys}, each a list of words"
                )


def _context_words(docs: list[dict[str, Any]]) -> dict[str, str]:
    words: dict[str, str] = {}
    for doc in docs:
        for ctx, ws in doc.get("context", {}).items():
            words.update(dict.fromkeys((str(w).lower() for w in ws), ctx))
    return words


def _agent_words() -> frozenset[str]:
    """Nouns that name actors: the sector words of the actor lexicon (``actors.toml``), one word
    each ("official", "rebel"), and "side" and "party"."""
    sectors = load_toml("actors.toml").get("sector", {})
    words = {w.lower() for ws in sectors.values() for w in ws if " " not in w}
    return frozenset(words | {"side", "party", "country", "nation", "group", "union"})


def _deontic(table: dict[str, Any] | None) -> Deontic | None:
    if table is None:
        return None
    pattern = Pattern(table.get("category", "REQUEST"), "VERB", "", None, weight=0.8)
    words = {k: frozenset(table.get(k, ())) for k in FRAME_TABLES["deontic"]}
    return Deontic(pattern, words["reporting"], words["modals"], words["nouns"])


def _commitment(table: dict[str, Any] | None) -> Commitment | None:
    if table is None:
        return None
    pattern = Pattern(table.get("category", "AGREE"), "VERB", "", None, weight=0.85)
    return Commitment(pattern, frozenset(table.get("adjectives", ())))


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
