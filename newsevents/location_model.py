"""A learned choice among the place mentions of an event's sentence, or none.

The attachment rules (``attachment.py``) say how tightly each mention is attached to the event's
trigger and which one they would pick. Coders of the event-location data weigh those clues in ways
rules capture badly: some verbs are located far more often than others, "in X" after a noun of the
event counts for some verbs and not others, a country is left out unless nothing else is named.
A conditional logit model (one score per option, softmax over the sentence's options and "none")
learns those weights from annotated sentences.

Features are strings; a model is a table of weights, stored as JSON and scored by summing. The
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
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.errors import InputError

__all__ = [
    "FEATURES_VERSION",
    "LocationModel",
    "OptionFacts",
    "Sample",
    "load_model",
    "none_features",
    "option_features",
    "train",
]

FEATURES_VERSION = 2
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
        f"sentpos={'start' if head.i - head.sent.start < 4 else 'mid'}",
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
    flags = {"rule": facts.rule, "unknown": not facts.known, "facility": facts.facility}
    return f + [name for name, on in flags.items() if on]


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
class LocationModel:
    """Weights of a conditional logit over a sentence's options; scores are sums of weights."""

    weights: dict[str, float]
    trained_on: str = ""

    def score(self, features: Iterable[str]) -> float:
        return sum(self.weights.get(f, 0.0) for f in features)

    def choose(
        self, options: Sequence[Sequence[str]], none: Sequence[str]
    ) -> tuple[int | None, float]:
        """The index of the best option, or None when "none" scores best, with its
        probability among all of them."""
        scores = [self.score(o) for o in options] + [self.score(none)]
        top = max(range(len(scores)), key=scores.__getitem__)
        total = sum(math.exp(s - scores[top]) for s in scores)
        return (top if top < len(options) else None), 1.0 / total

    def to_json(self) -> str:
        body = {
            "features_version": FEATURES_VERSION,
            "trained_on": self.trained_on,
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-3},
        }
        return json.dumps(body, indent=0, ensure_ascii=False) + "\n"


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
    return LocationModel({str(k): float(v) for k, v in weights.items()}, body.get("trained_on", ""))


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


def train(samples: Sequence[Sample], name: str = "", l2: float = L2) -> LocationModel:
    """Fit the weights by maximum penalised likelihood of the right options (L-BFGS)."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts = Counter(f for s in samples for o in (*s.options, s.none) for f in o)
    vocab = {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}
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
    return LocationModel({f: float(fit.x[i]) for f, i in vocab.items()}, name)
