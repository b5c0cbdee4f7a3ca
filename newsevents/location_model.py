"""A learned choice among the place mentions of an event's sentence, or none.

The attachment rules (``attachment.py``) say how tightly each mention is attached to the event's
trigger and which one they would pick. Coders of the event-location data weigh those clues in ways
rules capture badly: some verbs are located far more often than others, "in X" after a noun of the
event counts for some verbs and not others, a country is left out unless nothing else is named.
A conditional logit model (one score per option, softmax over the sentence's options and "none")
learns those weights from annotated sentences; boosted trees over the same features (LightGBM's
lambdarank) learn how clues combine, and the two scores are blended.

Features are strings; a model is a table of weights, scored by summing, and the trees in
LightGBM's text format, stored together as JSON. The
built-in model (``lexicon/location_model.json``) is trained by ``newsevents train event-location``
on the development data (``make location-model``); users may train their own and point the
``location_model`` setting at it. A model records the :data:`FEATURES_VERSION` it was trained
with: features and weights must come from the same code.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.errors import InputError

__all__ = [
    "FEATURES_VERSION",
    "LocationModel",
    "OptionFacts",
    "Ranker",
    "Sample",
    "load_model",
    "none_features",
    "option_features",
    "train",
]

FEATURES_VERSION = 3
"""Bumped whenever :func:`option_features` or :func:`none_features` change: a model trained
with other features is refused at load."""
BUILT_IN = "location_model.json"
CROSSINGS = ("relcl", "ccomp", "advcl", "acl", "conj", "appos", "xcomp", "pcomp")
"""Clause links whose crossing, on the path from a mention to the trigger, is a feature."""

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})

Token = Any


@dataclass(frozen=True)
class OptionFacts:
    """What the rules know about one candidate mention, the input of :func:`option_features`."""

    head: Token
    """The mention's head token."""
    cost: float | None
    """Attachment cost (``attachment.attachment_cost``); None where the rules cut the path."""
    level: int
    """Specificity, 0 (a town) to 4 (a country), as the rules rank it."""
    feature: str
    """The gazetteer's feature class of the resolved entry, or "unknown"."""
    label: str
    """The tagger's entity label over the mention, or "" where it gave none."""
    rule: bool
    """The rules would pick this mention."""
    known: bool = True
    facility: bool = False
    tokens: int = 1
    upper: bool = False
    before: str = ""
    """The word just before the mention, lowercased; "" where it is a proper noun or none."""
    after: str = ""
    """The word just after it, the same way ("province", ",", "on")."""


def option_features(trigger: Token, facts: OptionFacts, n_options: int) -> list[str]:
    """The features of one candidate mention of the trigger's sentence."""
    head, cost, level = facts.head, facts.cost, facts.level
    up = _path_up(trigger, head)
    down = _path_down(trigger, head)
    lemma = trigger.lemma_.lower()
    f = [
        "cost=none" if cost is None else f"cost={min(int(cost * 4), 14)}",
        f"level={level}",
        f"dep={head.dep_}",
        f"dep={head.dep_}|level={level}",
        f"hdep={head.head.dep_}",
        "path=" + ">".join(up[:4]) + f"|{min(len(down), 3)}",
        f"plen={min(len(up), 6)}|{min(len(down), 3)}",
        "down=" + "|".join(down[:3]),
        "after" if head.i > trigger.i else "before",
        f"dist={min(abs(head.i - trigger.i) // 3, 8)}",
        f"ent={facts.label}",
        f"feat={facts.feature}",
        f"feat={facts.feature}|cost={'none' if cost is None else min(int(cost * 2), 6)}",
        f"ncand={min(n_options, 4)}",
        f"tdep={trigger.dep_}|{trigger.tag_}",
        f"tlem={lemma}",
        f"tlem={lemma}|level={level}",
        f"ntok={min(facts.tokens, 4)}",
        f"shape={'upper' if facts.upper else 'title'}",
        f"sentpos={'start' if _opens_sentence(head) else 'mid'}",
    ]
    if cost is not None:
        f.append(f"rank={round(2 * cost + level)}")
    if head.dep_ == "pobj":
        prep = head.head
        f += [
            f"prep={prep.lower_}",
            f"prep={prep.lower_}|att={prep.head.pos_}",
            f"prep={prep.lower_}|atl={prep.head.lemma_.lower()}",
            f"tlem={lemma}|prep={prep.lower_}",
        ]
    if any(t.i == trigger.i for t in head.ancestors):
        f.append("under_trigger")
    crossed = {step.split("/")[0] for step in up}
    f += [f"cross={d}" for d in CROSSINGS if d in crossed]
    if crossed & SUBJECTS:  # "officials IN NAIROBI said [rebels killed…]": the speaker's place
        f.append(f"subject|down={down[0] if down else ''}")
    f += [f"prev={facts.before}", f"next={facts.after}"]
    f += _kinds_on_path(trigger, head)
    flags = {"rule": facts.rule, "unknown": not facts.known, "facility": facts.facility}
    return f + [name for name, on in flags.items() if on]


def _opens_sentence(tok: Token) -> bool:
    """Whether the token is among the first four of its sentence: a sentence starts at one of
    it and the three before it (cheaper than finding the whole sentence)."""
    doc = tok.doc
    return any(k == 0 or doc[k].is_sent_start for k in range(max(0, tok.i - 3), tok.i + 1))


def _kinds_on_path(trigger: Token, head: Token) -> list[str]:
    """What the words between the mention and the trigger name: an act of the event's kind
    ("killed in a bomb attack in X", "airstrikes over X killed"), or people ("officials in X
    said", "residents of X"). The word the mention's preposition hangs on counts apart."""
    events, people = _event_nouns(), _people_nouns()
    shared = {t.i for t in [trigger, *trigger.ancestors]}
    nodes: list[Token] = []
    node = head
    while node.head.i != node.i and node.head.i not in shared and len(nodes) < 30:
        node = node.head
        nodes.append(node)
    nouns = [t.lemma_.lower() for t in nodes if t.pos_ in ("NOUN", "PROPN")]
    f = []
    if any(n in events for n in nouns):
        f.append("path_event")
    if any(n in people for n in nouns):
        f.append("path_people")
    if head.dep_ == "pobj":
        word = head.head.head.lemma_.lower()
        kind = "event" if word in events else "people" if word in people else head.head.head.pos_
        f.append(f"hangs={kind}")
    return f


@lru_cache(maxsize=1)
def _event_nouns() -> frozenset[str]:
    """The trigger nouns of the event lexicon (``events.toml``): "attack", "airstrike"…"""
    from newsevents.lexicon import load_toml

    rows = load_toml("events.toml").get("trigger", [])
    return frozenset(n.split("+")[0] for row in rows for n in row.get("nouns", []))


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """One-word nouns of people and bodies (the sectors of ``actors.toml``): "official"…"""
    from newsevents.lexicon import load_toml

    sectors = load_toml("actors.toml")["sector"]
    return frozenset(w for words in sectors.values() for w in words if " " not in w)


def none_features(trigger: Token, options: Sequence[OptionFacts]) -> list[str]:
    """The features of the sentence saying nowhere: how many mentions it has and how many the
    rules attach, whether the rules pick one, and the trigger."""
    attached = sum(1 for o in options if o.cost is not None)
    f = [
        "NONE",
        f"NONE|ncand={min(len(options), 4)}",
        f"NONE|natt={min(attached, 3)}",
        f"NONE|tdep={trigger.dep_}|{trigger.tag_}",
        f"NONE|tlem={trigger.lemma_.lower()}",
    ]
    if not any(o.rule for o in options):
        f.append("NONE|rule_none")
    return f


def _path_up(trigger: Token, head: Token) -> list[str]:
    """Dependency labels from the mention up to the first ancestor it shares with the trigger
    (prepositions with their word: "prep/in")."""
    shared = {t.i for t in [trigger, *trigger.ancestors]}
    steps: list[str] = []
    node = head
    while node.i not in shared and node.head.i != node.i and len(steps) < 30:
        steps.append(node.dep_ + (f"/{node.lower_}" if node.dep_ == "prep" else ""))
        node = node.head
    return steps


def _path_down(trigger: Token, head: Token) -> list[str]:
    """Dependency labels from the trigger up to that shared ancestor."""
    shared = {t.i for t in [head, *head.ancestors]}
    steps: list[str] = []
    node = trigger
    while node.i not in shared and node.head.i != node.i and len(steps) < 30:
        steps.append(node.dep_)
        node = node.head
    return steps


@dataclass(frozen=True)
class Ranker:
    """Boosted trees over the same string features, which weigh them together: "in X" after a
    verb of attack is not "in X" after a verb of saying, nor a country when a town is also named.
    LightGBM's lambdarank objective fits them to put the right option of each sentence first;
    their score is added to a share of the logit's (:data:`LOGIT_SHARE`)."""

    features: tuple[str, ...]
    """The feature strings, in the column order the trees were fitted on."""
    trees: str
    """The trees in LightGBM's text format."""

    @cached_property
    def _booster(self) -> Any:
        import lightgbm

        return lightgbm.Booster(model_str=self.trees)

    @cached_property
    def _columns(self) -> dict[str, int]:
        return {f: i for i, f in enumerate(self.features)}

    def scores(self, rows: Sequence[Sequence[str]]) -> list[float]:
        """One score per row of features."""
        matrix = _dense(rows, self._columns)
        return [float(v) for v in self._booster.predict(matrix, num_threads=1)]


def _matrix(rows: Sequence[Sequence[str]], columns: dict[str, int]) -> Any:
    """Rows of feature strings as a sparse 0/1 matrix over ``columns`` (unknown ones dropped)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    indices: list[int] = []
    starts = [0]
    for row in rows:
        indices += sorted({columns[f] for f in row if f in columns})
        starts.append(len(indices))
    values = np.ones(len(indices), dtype=np.float64)
    return csr_matrix((values, indices, starts), shape=(len(rows), len(columns)))


def _dense(rows: Sequence[Sequence[str]], columns: dict[str, int]) -> Any:
    """The few rows of one sentence as a dense 0/1 matrix: scoring them costs the trees less
    than building a sparse one (:func:`_matrix`, for fitting)."""
    import numpy as np

    matrix = np.zeros((len(rows), len(columns)), dtype=np.float64)
    for r, row in enumerate(rows):
        matrix[r, [columns[f] for f in row if f in columns]] = 1.0
    return matrix


@dataclass(frozen=True)
class LocationModel:
    """Weights of a conditional logit over a sentence's options, and optionally boosted trees
    over the same features (:class:`Ranker`); scores are sums of weights, plus the trees'."""

    weights: dict[str, float]
    trained_on: str = ""
    ranker: Ranker | None = None

    def score(self, features: Iterable[str]) -> float:
        return sum(self.weights.get(f, 0.0) for f in features)

    def choose(
        self, options: Sequence[Sequence[str]], none: Sequence[str]
    ) -> tuple[int | None, float]:
        """The index of the best option, or None when "none" scores best, with the logit's
        probability of that choice among all of them."""
        logit = [self.score(o) for o in options] + [self.score(none)]
        best = max(logit)
        total = sum(math.exp(s - best) for s in logit)
        scores = logit
        if self.ranker is not None and 1.0 / total < SURE:
            trees = self.ranker.scores([*options, none])
            scores = [LOGIT_SHARE * s + t for s, t in zip(logit, trees, strict=True)]
        top = max(range(len(scores)), key=scores.__getitem__)
        return (top if top < len(options) else None), math.exp(logit[top] - best) / total

    def to_json(self) -> str:
        body: dict[str, Any] = {
            "features_version": FEATURES_VERSION,
            "trained_on": self.trained_on,
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-3},
        }
        if self.ranker is not None:
            trees = self.ranker.trees.splitlines()  # a line each, so that refits diff by line
            body["ranker"] = {"features": list(self.ranker.features), "trees": trees}
        return json.dumps(body, indent=0, ensure_ascii=False) + "\n"


LOGIT_SHARE = 0.5
"""The logit's share in the blended score (the trees count whole). Chosen on the halves of the
development data: the blend beat the logit alone by about one point, and the trees alone."""
SURE = 0.7
"""Where the logit gives its choice this probability, the choice stands and the trees are not
asked. On the halves of the development data any threshold from 0.7 to 1.0 (always asking)
scored within 0.1 point; at 0.7 the trees weigh about a third of the events."""


def load_model(path: str = "") -> LocationModel:
    """The model at ``path``, or the built-in one when ``path`` is empty."""
    return _load(path)


@lru_cache(maxsize=4)
def _load(path: str) -> LocationModel:
    where = path or f"newsevents/lexicon/{BUILT_IN}"
    try:
        text = (
            Path(path).read_text(encoding="utf-8")
            if path
            else resources.files("newsevents.lexicon").joinpath(BUILT_IN).read_text("utf-8")
        )
        body = json.loads(text)
        version, weights = body["features_version"], body["weights"]
        ranker = _ranker(body.get("ranker"))
    except FileNotFoundError:
        raise InputError(where, "no such file", fix=_FIX) from None
    except (ValueError, KeyError, TypeError) as error:
        raise InputError(where, f"not a location model ({error!r})", fix=_FIX) from None
    if version != FEATURES_VERSION:
        raise InputError(
            where,
            f"trained with features version {version}, this newsevents uses {FEATURES_VERSION}",
            fix=_FIX,
        )
    trained_on = body.get("trained_on", "")
    return LocationModel({str(k): float(v) for k, v in weights.items()}, trained_on, ranker)


def _ranker(body: Any) -> Ranker | None:
    if body is None:
        return None
    features, lines = body["features"], body["trees"]
    if not (isinstance(lines, list) and isinstance(features, list)):
        raise TypeError("ranker needs a list of features and the trees' lines")
    ranker = Ranker(tuple(str(f) for f in features), "\n".join(str(x) for x in lines) + "\n")
    import lightgbm

    try:
        ranker._booster  # noqa: B018 - parse the trees now, not at the first event
    except lightgbm.basic.LightGBMError as error:
        raise ValueError(f"unreadable trees: {error}") from None
    return ranker


_FIX = "train one with `newsevents train event-location FILE.jsonl --out MODEL.json`"


# --- training ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """One annotated sentence: its options' features, which options are right (they overlap a
    gold place), and the features of "none" (right when the gold names no place)."""

    options: tuple[tuple[str, ...], ...]
    right: tuple[bool, ...]
    none: tuple[str, ...]
    none_right: bool


MIN_COUNT = 3
"""Features seen fewer times than this in the training data get no weight."""
L2 = 1.0
"""Strength of the penalty on large weights (chosen on the halves of the development data)."""


def train(
    samples: Sequence[Sample], name: str = "", l2: float = L2, trees: bool = True
) -> LocationModel:
    """Fit the logit's weights, then (unless ``trees`` is false) the boosted trees."""
    counts = Counter(f for s in samples for o in (*s.options, s.none) for f in o)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
    weights = _fit_logit(samples, vocab, l2)
    ranker = _fit_ranker(samples, vocab) if trees and samples and vocab else None
    return LocationModel(weights, name, ranker)


RANKER_PARAMS: dict[str, Any] = {
    "objective": "lambdarank",
    "lambdarank_truncation_level": 3,
    "num_leaves": 15,
    "learning_rate": 0.2,
    "min_data_in_leaf": 20,
    "deterministic": True,
    "force_row_wise": True,
    "seed": 7,
    "verbose": -1,
}
"""LightGBM settings of the trees, chosen on the halves of the development data: 300 trees at a
rate of 0.2 did as well as 1,200 at 0.05, at a quarter of the time per event."""
RANKER_ROUNDS = 300


def _fit_ranker(samples: Sequence[Sample], vocab: dict[str, int]) -> Ranker:
    """Boosted trees that rank each sentence's right option (or "none") first."""
    import lightgbm

    rows = [o for s in samples for o in (*s.options, s.none)]
    labels = [int(ok) for s in samples for ok in (*s.right, s.none_right)]
    sizes = [len(s.options) + 1 for s in samples]
    data = lightgbm.Dataset(_matrix(rows, vocab), labels, group=sizes)
    booster = lightgbm.train(RANKER_PARAMS, data, RANKER_ROUNDS)
    return Ranker(tuple(vocab), booster.model_to_string())


def _fit_logit(samples: Sequence[Sample], vocab: dict[str, int], l2: float) -> dict[str, float]:
    """The logit's weights, by maximum penalised likelihood of the right options (L-BFGS)."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    rows: list[int] = []
    cols: list[int] = []
    right: list[bool] = []
    group: list[int] = []
    for g, s in enumerate(samples):
        for features, ok in zip((*s.options, s.none), (*s.right, s.none_right), strict=True):
            for f in features:
                if f in vocab:
                    rows.append(len(right))
                    cols.append(vocab[f])
            right.append(ok)
            group.append(g)
    a = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(right), len(vocab)))
    y, grp, n = np.array(right, float), np.array(group, int), len(samples)
    has = np.bincount(grp, y, n) > 0

    def loss(w: Any) -> tuple[float, Any]:
        z = a @ w
        top = np.full(n, -np.inf)
        np.maximum.at(top, grp, z)
        e = np.exp(z - top[grp])
        p = e / np.bincount(grp, e, n)[grp]
        p_right = np.bincount(grp, p * y, n)
        value = -np.sum(np.log(p_right[has] + 1e-12)) + l2 * (w @ w) / 2
        coef = p - np.where(has[grp], p * y / (p_right[grp] + 1e-12), p)
        return float(value), a.T @ coef + l2 * w

    fit = minimize(loss, np.zeros(len(vocab)), jac=True, method="L-BFGS-B",
                   options={"maxiter": 800})  # fmt: skip
    return {f: float(fit.x[i]) for f, i in vocab.items()}
