"""Scoring newsevents against gold data, for us and for users with annotated files of their own.

Each ``score_*`` function reads one gold format, runs the pipeline and returns a report whose
``to_dict()`` is the ``--json`` output and whose ``table()`` is the plain one. The same code
scores any file of the format, so the figures a user gets on their own data are comparable to
the ones we publish.

PLOVER gold-standard records (``plover-gsr``) code one event per sentence. We score the
sentence's *main event* (see :func:`main_event`) as a single-label prediction: precision is
taken over the records where newsevents asserts an event, recall over all records. Events of
PLOVER 0.5 categories in the gold are mapped to the current ones first.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.acled import AcledLexicon, SubType, classify
from newsevents.errors import InputError
from newsevents.pipeline import Pipeline
from newsevents.records import Article, Doc, Event

__all__ = [
    "OLD_PLOVER_NAMES",
    "PloverGold",
    "PloverReport",
    "Prf",
    "main_event",
    "read_plover_gsr",
    "score_plover_gsr",
]

OLD_PLOVER_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
"""PLOVER 0.5 categories replaced in the current manual, and what replaced them."""

LEGACY_COUNTRY_CODES = {"ITL": "ITA", "JAP": "JPN"}
"""CAMEO-era country codes that some gold records still use, and their ISO-3166 alpha-3."""

PLOVER_STAGES = ("parse", "events", "actors")


@dataclass(frozen=True)
class Prf:
    """Precision, recall and F1 from counts of true positives, predictions and gold items."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.gold,
        }


@dataclass(frozen=True)
class PloverGold:
    """One gold record: its sentence, category and the country codes of its actors."""

    id: str
    text: str
    category: str
    published: dt.date
    actor_codes: frozenset[str]
    recipient_codes: frozenset[str]


def main_event(doc: Doc) -> Event | None:
    """The event a one-event coder would pick: the most confident asserted event, first in
    the text on ties; None when nothing is asserted."""
    asserted = [e for e in doc.events if e.polarity == "asserted"]
    if not asserted:
        return None
    return max(asserted, key=lambda e: (e.confidence, -e.trigger.span[0]))


def read_plover_gsr(path: Path) -> list[PloverGold]:
    """The records of a PLOVER gold-standard JSONL file, validated line by line."""
    return list(_plover_records(path, read_lines(path)))


def read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(str(path), "no such file", fix="check the path") from None
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8", fix="convert the file to UTF-8") from None


def _plover_records(path: Path, lines: Sequence[str]) -> Iterator[PloverGold]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield _plover_record(json.loads(line))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(
                f"{path}, line {number}",
                f"not a PLOVER gold record ({error})",
                fix='each line needs "id", "text", "event" and an ISO "date"',
            ) from None


def _plover_record(raw: dict[str, Any]) -> PloverGold:
    event = str(raw["event"]).strip().upper()
    return PloverGold(
        id=str(raw["id"]),
        text=str(raw["text"]),
        category=OLD_PLOVER_NAMES.get(event, event),
        published=dt.date.fromisoformat(str(raw.get("date") or "2000-01-01")[:10]),
        actor_codes=_codes(raw.get("source")),
        recipient_codes=_codes(raw.get("target")),
    )


def _codes(value: object) -> frozenset[str]:
    if not isinstance(value, list):
        return frozenset()
    codes = (str(a["code"]).upper() for a in value if isinstance(a, dict) and a.get("code"))
    return frozenset(LEGACY_COUNTRY_CODES.get(c, c) for c in codes)


@dataclass
class PloverReport:
    """What ``eval plover-gsr`` reports; counts are filled record by record."""

    n: int = 0
    correct: int = 0
    predicted: int = 0
    any_event: int = 0
    actor: list[bool] = field(default_factory=list)
    recipient: list[bool] = field(default_factory=list)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: PloverGold, doc: Doc) -> None:
        event = main_event(doc)
        predicted = event.type if event else "NONE"
        self.n += 1
        self.predicted += event is not None
        self.correct += predicted == gold.category
        self.any_event += any(
            e.type == gold.category and e.polarity == "asserted" for e in doc.events
        )
        self.pairs[(gold.category, predicted)] += 1
        if gold.actor_codes:
            country = event.actor.country if event and event.actor else None
            self.actor.append(country in gold.actor_codes)
        if gold.recipient_codes:
            country = event.recipient.country if event and event.recipient else None
            self.recipient.append(country in gold.recipient_codes)

    @property
    def event_type(self) -> Prf:
        return Prf(self.correct, self.predicted, self.n)

    def per_category(self) -> dict[str, Prf]:
        categories = sorted({g for g, _ in self.pairs} | {p for _, p in self.pairs} - {"NONE"})
        return {c: self._category(c) for c in categories}

    def _category(self, category: str) -> Prf:
        tp = self.pairs[(category, category)]
        predicted = sum(n for (_, p), n in self.pairs.items() if p == category)
        gold = sum(n for (g, _), n in self.pairs.items() if g == category)
        return Prf(tp, predicted, gold)

    def confusions(self, top: int = 10) -> list[tuple[str, str, int]]:
        wrong = ((g, p, n) for (g, p), n in self.pairs.items() if g != p)
        return sorted(wrong, key=lambda t: (-t[2], t[0], t[1]))[:top]

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "event_type": self.event_type.to_dict(),
            "any_event_recall": share(self.any_event, self.n),
            "actor_country_accuracy": mean(self.actor),
            "actor_n": len(self.actor),
            "recipient_country_accuracy": mean(self.recipient),
            "recipient_n": len(self.recipient),
            "per_category": {c: prf.to_dict() for c, prf in self.per_category().items()},
            "confusions": [
                {"gold": g, "predicted": p, "count": n} for g, p, n in self.confusions()
            ],
        }

    def table(self) -> str:
        prf = self.event_type
        lines = [
            f"records                     {self.n}",
            f"event type P / R / F1       {prf.precision:.3f} / {prf.recall:.3f} / {prf.f1:.3f}",
            f"gold type among any event   {share(self.any_event, self.n):.3f}",
            f"actor country accuracy      {mean(self.actor):.3f} (of {len(self.actor)})",
            f"recipient country accuracy  {mean(self.recipient):.3f} (of {len(self.recipient)})",
            "",
            f"{'category':<10} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}",
        ]
        lines += [
            f"{c:<10} {p.precision:>6.3f} {p.recall:>6.3f} {p.f1:>6.3f} {p.gold:>5}"
            for c, p in self.per_category().items()
        ]
        lines += ["", "most frequent confusions (gold -> predicted):"]
        lines += [f"  {g} -> {p}: {n}" for g, p, n in self.confusions()]
        return "\n".join(lines)


def score_plover_gsr(records: Iterable[PloverGold], pipeline: Pipeline) -> PloverReport:
    """Code each record's sentence, with the record's date as publication date, and score it."""
    report = PloverReport()
    for gold in records:
        doc = pipeline(Article(id=gold.id, text=gold.text, published=gold.published))
        report.add(gold, doc)
    return report


def share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def mean(values: Sequence[bool]) -> float:
    return share(sum(values), len(values))


# --- acled-subtype: ACLED-style sub-type classification of snippets -------------------------
#
# A TSV gold file (header: id, EventSnippet, SubType) gives one snippet and its sub-type a line;
# each snippet is coded and classified whole (newsevents.acled.classify), and scored as
# single-label classification: accuracy, per-class precision / recall / F1, their macro mean
# and their mean weighted by gold support.

ACLED_STAGES = ("parse", "events", "actors")
ACLED_COLUMNS = ("id", "EventSnippet", "SubType")


@dataclass(frozen=True)
class SubtypeGold:
    """One gold snippet and its sub-type name."""

    id: str
    text: str
    subtype: str


def read_acled_subtype(path: Path) -> list[SubtypeGold]:
    """The rows of an ACLED sub-type TSV file, validated line by line."""
    lines = read_lines(path)
    if not lines:
        raise InputError(str(path), "empty file", fix="the first line must be the header")
    columns = _acled_header(path, lines[0])
    return [
        _acled_row(path, number, line, columns)
        for number, line in enumerate(lines[1:], start=2)
        if line.strip()
    ]


def _acled_header(path: Path, line: str) -> dict[str, int]:
    names = [c.strip() for c in line.split("\t")]
    missing = [c for c in ACLED_COLUMNS if c not in names]
    if missing:
        raise InputError(
            f"{path}, line 1",
            f"header lacks column {missing[0]!r}",
            fix="the header must name the tab-separated columns id, EventSnippet, SubType",
        )
    return {c: names.index(c) for c in ACLED_COLUMNS}


def _acled_row(path: Path, number: int, line: str, columns: dict[str, int]) -> SubtypeGold:
    cells = line.split("\t")
    where = f"{path}, line {number}"
    if len(cells) <= max(columns.values()):
        raise InputError(where, f"{len(cells)} column(s), not 3", fix="separate columns by tabs")
    name = cells[columns["SubType"]].strip().upper()
    if name not in SubType.__members__:
        raise InputError(
            where,
            f"unknown SubType {name!r}",
            fix=f"use one of {', '.join(SubType.__members__)}",
        )
    text = cells[columns["EventSnippet"]].strip()
    return SubtypeGold(id=cells[columns["id"]].strip(), text=text, subtype=name)


@dataclass
class SubtypeReport:
    """What ``eval acled-subtype`` reports; (gold, predicted) pairs are counted snippet by
    snippet."""

    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: SubtypeGold, predicted: str) -> None:
        self.pairs[(gold.subtype, predicted)] += 1

    @property
    def n(self) -> int:
        return sum(self.pairs.values())

    @property
    def accuracy(self) -> float:
        return share(sum(n for (g, p), n in self.pairs.items() if g == p), self.n)

    def per_class(self) -> dict[str, Prf]:
        """Every class seen in gold or prediction, as scikit-learn counts them."""
        classes = sorted({g for g, _ in self.pairs} | {p for _, p in self.pairs})
        return {c: self._class(c) for c in classes}

    def _class(self, name: str) -> Prf:
        predicted = sum(n for (_, p), n in self.pairs.items() if p == name)
        gold = sum(n for (g, _), n in self.pairs.items() if g == name)
        return Prf(self.pairs[(name, name)], predicted, gold)

    @property
    def macro_f1(self) -> float:
        scores = [prf.f1 for prf in self.per_class().values()]
        return round(sum(scores) / len(scores), 4) if scores else 0.0

    @property
    def weighted_f1(self) -> float:
        total = sum(prf.f1 * prf.gold for prf in self.per_class().values())
        return round(total / self.n, 4) if self.n else 0.0

    def confusions(self, top: int = 10) -> list[tuple[str, str, int]]:
        wrong = ((g, p, n) for (g, p), n in self.pairs.items() if g != p)
        return sorted(wrong, key=lambda t: (-t[2], t[0], t[1]))[:top]

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "weighted_f1": self.weighted_f1,
            "per_class": {c: prf.to_dict() for c, prf in self.per_class().items()},
            "confusions": [
                {"gold": g, "predicted": p, "count": n} for g, p, n in self.confusions()
            ],
        }

    def table(self) -> str:
        lines = [
            f"snippets      {self.n}",
            f"accuracy      {self.accuracy:.3f}",
            f"macro F1      {self.macro_f1:.3f}",
            f"weighted F1   {self.weighted_f1:.3f}",
            "",
            f"{'sub-type':<30} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}",
        ]
        lines += [
            f"{c:<30} {p.precision:>6.3f} {p.recall:>6.3f} {p.f1:>6.3f} {p.gold:>5}"
            for c, p in self.per_class().items()
        ]
        lines += ["", "most frequent confusions (gold -> predicted):"]
        lines += [f"  {g} -> {p}: {n}" for g, p, n in self.confusions()] or ["  none"]
        return "\n".join(lines)


def score_acled_subtype(records: Iterable[SubtypeGold], pipeline: Pipeline) -> SubtypeReport:
    """Code and classify each snippet (no publication date: snippets rarely carry one)."""
    report = SubtypeReport()
    lexicon = AcledLexicon.load()
    for gold in records:
        doc = pipeline(Article(id=gold.id, text=gold.text))
        report.add(gold, classify(doc, lexicon).value)
    return report
