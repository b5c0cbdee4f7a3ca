"""Casualties: how many were killed, injured and arrested in each event, read from its sentence.

A count is taken only from a casualty word (``killed``, ``wounded``, ``deaths``, ``arrested`` …,
listed in ``lexicon/casualties.toml``) that belongs to the event: the trigger itself, or a word
joined to it within the clause by conjunction, a participle ("attacked …, killing 156"), the
subject or object of a light verb ("the bombing killed", "carried out an attack, killing"), or a
prepositional attachment ("killed in a car bomb"). A clause opened by "after", "when" … is another
event, and another event's trigger on the path claims the word for itself. The count is then read
from the word's patient: its object, its passive subject, the subject of "die", or a number
attached to a noun ("12 deaths", "the death toll rose to 40"). A singular patient ("a man was
killed") counts one. Nothing stated gives None, never 0.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any, Literal

from newsevents.errors import LexiconError
from newsevents.pipeline import stage
from newsevents.records import Casualties, Count, Doc, Event, Span
from newsevents.settings import Settings
from newsevents.stages.parse import token_span
from newsevents.syntax import sentence_of, text_of

__all__ = [
    "CasualtyLexicon",
    "event_casualties",
    "load_lexicon",
    "make_casualties",
    "parse_number",
]

Kind = Literal["killed", "injured", "arrested"]
Role = Literal["verb", "intransitive", "noun", "result"]
KINDS: tuple[Kind, ...] = ("killed", "injured", "arrested")
LEXICON_PATH = Path(__file__).resolve().parent.parent / "lexicon" / "casualties.toml"

# Dependency arcs that keep a casualty word in the same event as the trigger.
_LINKS = frozenset(
    {"conj", "advcl", "xcomp", "nsubj", "nsubjpass", "dobj", "prep", "pobj", "agent", "relcl"}
    | {"acl", "compound", "amod", "npadvmod", "oprd", "acomp", "pcomp", "appos", "attr", "dep"}
)
# Subordinators that open a clause about a different event ("arrested five after gunmen killed").
# "that"/"whether" open a content clause ("demanded an admission that forces murdered 15,000").
_SEPARATE = frozenset(
    {"after", "before", "when", "while", "as", "because", "since", "until", "if", "that"}
    | {"whether", "unless", "although", "though"}
)
_MAX_PATH = 4
_SINGULAR_DETS = frozenset({"a", "an", "the", "this", "that", "one"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})


@dataclass(frozen=True)
class CasualtyLexicon:
    """Number words, vague quantities and casualty words, by kind and grammatical role."""

    numbers: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, int]
    hedges: frozenset[str]
    collective: frozenset[str]
    words: dict[tuple[str, Role], Kind]
    """(lemma, role) → kind, e.g. ("wound", "verb") → "injured"."""

    def kind(self, lemma: str, role: Role) -> Kind | None:
        return self.words.get((lemma.lower(), role))


@cache
def load_lexicon(path: Path = LEXICON_PATH) -> CasualtyLexicon:
    """Read the casualty lexicon once; a malformed file raises :class:`LexiconError`."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return _build_lexicon(data)
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise LexiconError(str(path), f"cannot be read as a casualty lexicon ({exc!r})") from exc


def _build_lexicon(data: dict[str, Any]) -> CasualtyLexicon:
    roles: dict[str, Role] = {
        "verbs": "verb",
        "intransitive": "intransitive",
        "nouns": "noun",
        "results": "result",
    }
    words: dict[tuple[str, Role], Kind] = {}
    for kind in KINDS:
        for key, role in roles.items():
            for word in data["kinds"][kind][key]:
                words[(str(word), role)] = kind
    return CasualtyLexicon(
        numbers={str(k): int(v) for k, v in data["numbers"].items()},
        multipliers={str(k): int(v) for k, v in data["multipliers"].items()},
        vague={str(k): int(v) for k, v in data["vague"].items()},
        hedges=frozenset(data["hedges"]["words"]),
        collective=frozenset(data["collective"]["words"]),
        words=words,
    )


MAX_FIGURE = 100_000_000
"""Larger figures are not casualty counts ("1,000,000,000,000 people" is a typo or a joke)."""


def parse_number(words: Iterable[str], lexicon: CasualtyLexicon) -> int | None:
    """The value of a number phrase: "1,000", "twelve", "two dozen", "1.5 million", "dozens".

    Words that are not numbers (hedges such as "at least") are skipped: the stated figure is
    kept, as ACLED does.
    """
    total, current, seen = Fraction(0), Fraction(0), False
    for raw in words:
        for word in raw.lower().replace(",", "").split("-"):
            if word in lexicon.multipliers:
                current = max(current, Fraction(1)) * lexicon.multipliers[word]
                if lexicon.multipliers[word] >= 1000:
                    total, current = total + current, Fraction(0)
            elif word in lexicon.vague:  # "a few" is three, not four
                current = max(current, Fraction(lexicon.vague[word]))
            elif (number := _number_word(word, lexicon)) is not None:
                current += number
            else:
                continue
            seen = True
    figure = round(total + current)
    return figure if seen and figure <= MAX_FIGURE else None


def _number_word(word: str, lexicon: CasualtyLexicon) -> Fraction | None:
    """Exact values ("1.5" is 3/2): figures are counted in whole people, never in floats."""
    if word in lexicon.numbers:
        return Fraction(lexicon.numbers[word])
    if word.replace(".", "", 1).isdigit():
        return Fraction(word)
    return None


@stage("casualties", requires=("parsed", "events"), assigns=("events.casualties",))
def make_casualties(settings: Settings) -> Callable[[Doc], Doc]:
    lexicon = load_lexicon()

    def casualties(doc: Doc) -> Doc:
        if doc.parsed is None or not doc.events:
            return doc
        tokens = (_trigger_token(doc.parsed, e) for e in doc.events)
        triggers = frozenset(t.i for t in tokens if t is not None)
        events = tuple(
            replace(e, casualties=event_casualties(e, doc.parsed, lexicon, triggers))
            for e in doc.events
        )
        return replace(doc, events=events)

    return casualties


def event_casualties(
    event: Event, parsed: Any, lexicon: CasualtyLexicon, triggers: frozenset[int] = frozenset()
) -> Casualties:
    """Killed, injured and arrested counts stated for ``event`` in its sentence.

    ``triggers`` are the token indices of every event's trigger in the article: a casualty word
    reached only through another event's trigger belongs to that event.
    """
    trigger = _trigger_token(parsed, event)
    if trigger is None:
        return event.casualties
    others = triggers - {trigger.i}
    found: dict[Kind, tuple[int, Count]] = {}
    recipient = event.recipient.span if event.recipient else None
    for word, kind, role, distance in _linked_words(trigger, others, lexicon):
        count = _count(word, role, lexicon, recipient)
        if count is not None and (kind not in found or distance < found[kind][0]):
            found[kind] = (distance, count)
    return Casualties(**{kind: count for kind, (_, count) in found.items()})


def _trigger_token(parsed: Any, event: Event) -> Any:
    span = token_span(parsed, event.trigger.span)
    return span.root if span is not None and len(span) else None


def _linked_words(
    trigger: Any, others: frozenset[int], lexicon: CasualtyLexicon
) -> Iterator[tuple[Any, Kind, Role, int]]:
    """Casualty words of the trigger's sentence that belong to its event, with path lengths."""
    for token in sentence_of(trigger):
        for role in ("verb", "intransitive", "noun", "result"):
            kind = lexicon.kind(token.lemma_, role) or lexicon.kind(token.lower_, role)
            if kind is None or not _fits_role(token, role):
                continue
            distance = _path_length(trigger, token, others)
            if distance is not None:
                yield token, kind, role, distance


def _fits_role(token: Any, role: Role) -> bool:
    """Verbs must be verbs, nouns nouns; a result adjective must complete a verb or a noun."""
    if role in ("verb", "intransitive"):
        return bool(token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"))
    if role == "noun":
        return bool(token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"))
    return token.dep_ in ("oprd", "acomp", "xcomp", "advmod", "acl", "ccomp", "conj")


def _path_length(a: Any, b: Any, others: frozenset[int]) -> int | None:
    """Length of the dependency path from ``a`` to ``b`` if it stays within one event."""
    if a.i == b.i:
        return 0
    if b.i in others:  # the casualty word is another event's own trigger
        return None
    up_a, up_b = _chain(a), _chain(b)
    common = next((t for t in up_a if any(t.i == u.i for u in up_b)), None)
    if common is None:
        return None
    leg_a = up_a[: [t.i for t in up_a].index(common.i)]
    leg_b = up_b[: [t.i for t in up_b].index(common.i)]
    if len(leg_a) + len(leg_b) > _MAX_PATH:
        return None
    inner = [t for t in leg_a[1:] + leg_b[1:] if t.i in others]
    if common.i not in (a.i, b.i) and common.i in others:
        inner.append(common)
    if inner or not all(_keeps_event(t) for t in leg_a + leg_b):
        return None
    return len(leg_a) + len(leg_b)


def _chain(token: Any) -> list[Any]:
    """The token and its ancestors up to the sentence root."""
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _keeps_event(token: Any) -> bool:
    """Whether the arc from ``token`` to its head stays inside one event."""
    if token.dep_ not in _LINKS:
        return False
    return not any(c.dep_ == "mark" and c.lower_ in _SEPARATE for c in token.children)


def _count(
    word: Any, role: Role, lexicon: CasualtyLexicon, recipient: Span | None = None
) -> Count | None:
    """The figure stated for one casualty word, read from its patient or its own number.

    "killing or wounding 50" states neither figure, so a word in an "or" pair counts nothing.
    """
    if _in_alternative(word):
        return None
    if role == "noun":
        return _noun_count(word, lexicon)
    if role == "result":
        holder = word.head
        if word.dep_ == "acl":
            return _patient_count(holder, lexicon, recipient)
        word = holder
    patient = _patient(word, intransitive=role == "intransitive")
    return _patient_count(patient, lexicon, recipient) if patient is not None else None


def _in_alternative(word: Any) -> bool:
    pair = [word, word.head] if word.dep_ == "conj" else [word]
    return any(c.dep_ == "cc" and c.lower_ == "or" for t in pair for c in t.children)


def _patient(verb: Any, *, intransitive: bool) -> Any:
    """Who suffered the act: the object, the passive subject, or the subject of "die"."""
    subject = _child(verb, "nsubjpass") or (
        _child(verb, "nsubj") if intransitive or _is_passive(verb) or _is_bare_count(verb) else None
    )
    patient = subject if (intransitive or _is_passive(verb)) else _child(verb, "dobj")
    if patient is None and subject is not None and _is_bare_count(verb):
        patient = subject
    if patient is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        return _patient(verb.head, intransitive=intransitive) if not _has_own_args(verb) else None
    return patient


def _is_passive(verb: Any) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # "3 soldiers were killed and 20 wounded": an elided passive shares its head's voice.
    return bool(
        verb.dep_ == "conj" and _child(verb, "dobj") is None and _is_passive_head(verb.head)
    )


def _is_passive_head(verb: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _is_bare_count(verb: Any) -> bool:
    """An elided clause whose subject is just a figure: "… and 20 wounded"."""
    subject = _child(verb, "nsubj")
    return subject is not None and _child(verb, "dobj") is None and subject.like_num


def _has_own_args(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def _child(token: Any, dep: str) -> Any:
    return next((c for c in token.children if c.dep_ == dep), None)


def _noun_count(noun: Any, lexicon: CasualtyLexicon) -> Count | None:
    """ "12 deaths", "five dead", "the death toll rose to 40", "a toll of 40"."""
    if noun.lemma_.lower() == "life":
        return _lives_count(noun, lexicon)
    figure = _figure_child(noun, lexicon)
    if figure is not None:
        return _figure_count(figure, noun, lexicon)
    if noun.lemma_.lower() != "toll":
        return None
    for holder in (noun, noun.head):
        for child in holder.children:
            target = _child(child, "pobj") if child.dep_ == "prep" else child
            if target is not None and child.dep_ in ("prep", "dobj", "attr") and target.like_num:
                return _figure_count(target, target, lexicon)
    return None


_LIFE_TAKERS = frozenset({"claim", "take", "cost", "lose"})
"""Verbs of "lives" that count the dead; "saved 30 lives" or "rebuilt their lives" do not."""


def _lives_count(noun: Any, lexicon: CasualtyLexicon) -> Count | None:
    """ "claimed 30 lives", "claimed the lives of 30 people", "30 people lost their lives"."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _LIFE_TAKERS:
        return None
    figure = _figure_child(noun, lexicon)
    if figure is not None:
        return _figure_count(figure, noun, lexicon)
    of = _of_object(noun)
    if of is not None:
        return _one_count(of, lexicon)
    subject = _child(verb, "nsubj")
    if verb.lemma_.lower() == "lose" and subject is not None:
        return _one_count(subject, lexicon)
    return None


def _patient_count(
    patient: Any, lexicon: CasualtyLexicon, recipient: Span | None = None
) -> Count | None:
    """The figure of a patient phrase; conjoined patients ("40 rebels and 12 soldiers") give
    the figure of the one the event's recipient is, else their sum."""
    parts = _conjuncts(patient)
    if len(parts) < 2:
        return _one_count(patient, lexicon)
    counts = [(part, _one_count(part, lexicon)) for part in parts]
    if recipient is not None:
        mine = [c for part, c in counts if recipient[0] <= part.idx < recipient[1]]
        if mine:
            return mine[0]
    stated = [c for _, c in counts if c is not None]
    if len(stated) < 2:
        return stated[0] if stated else None
    start, end = stated[0].span[0], stated[-1].span[1]
    text = text_of(patient.doc)[start:end]
    return Count(sum(c.value for c in stated), text, (start, end))


def _conjuncts(token: Any) -> list[Any]:
    """The token and the nouns conjoined to it, in text order."""
    parts = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            parts += _conjuncts(child)
    return sorted(parts, key=lambda t: t.i)


def _one_count(patient: Any, lexicon: CasualtyLexicon) -> Count | None:
    """The figure of one patient: its number, a vague quantity, or one if singular."""
    if _is_figure(patient, lexicon):
        return _figure_count(patient, _of_object(patient) or patient, lexicon)
    figure = _figure_child(patient, lexicon)
    if figure is not None:
        return _figure_count(figure, patient, lexicon)
    if _is_single(patient, lexicon):
        start = min(t.idx for t in patient.subtree if t.i <= patient.i)
        return Count(1, text_of(patient.doc)[start : _end(patient)], (start, _end(patient)))
    return None


def _is_figure(token: Any, lexicon: CasualtyLexicon) -> bool:
    word = token.lower_
    return bool(token.like_num or word in lexicon.vague or word in lexicon.multipliers) and (
        parse_number([word], lexicon) is not None
        or word in lexicon.vague
        or word in lexicon.numbers
    )


def _figure_child(noun: Any, lexicon: CasualtyLexicon) -> Any:
    for child in noun.children:
        if child.dep_ in ("nummod", "amod", "quantmod", "nmod") and _is_figure(child, lexicon):
            return child
    return None


def _of_object(figure: Any) -> Any:
    """ "dozens of people", "one of the soldiers": the noun the figure counts."""
    prep = next((c for c in figure.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return _child(prep, "pobj") if prep is not None else None


def _figure_count(figure: Any, counted: Any, lexicon: CasualtyLexicon) -> Count | None:
    """A Count for the figure token, its number words and hedges, through the counted noun."""
    phrase = [t for t in figure.subtree if t.i <= figure.i or t.like_num]
    words = [t.text for t in phrase if t.lower_ not in lexicon.hedges or t.i == figure.i]
    value = parse_number(words, lexicon)
    if value is None:
        value = lexicon.vague.get(figure.lower_)
    if value is None:
        return None
    start = min(t.idx for t in phrase)
    end = max(_end(figure), _end(counted) if counted.i >= figure.i else 0)
    return Count(value, text_of(figure.doc)[start:end], (start, end))


def _is_single(noun: Any, lexicon: CasualtyLexicon) -> bool:
    """A singular patient ("a North Korean soldier", "he", "journalist Samir Kassir")."""
    if noun.lower_ in _SINGULAR_PRONOUNS:
        return True
    if noun.tag_ not in ("NN", "NNP") or noun.lemma_.lower() in lexicon.collective:
        return False
    if noun.ent_type_ == "PERSON":
        return True
    return any(
        (c.dep_ == "det" and c.lower_ in _SINGULAR_DETS) or c.dep_ == "poss" for c in noun.children
    )


def _end(token: Any) -> int:
    return int(token.idx + len(token.text))
