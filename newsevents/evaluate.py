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
from xml.etree import ElementTree

from newsevents.acled import AcledLexicon, SubType, classify
from newsevents.errors import InputError
from newsevents.gazetteer import Entry, Gazetteer, distance_km
from newsevents.geoparse import Mention, find_mentions, resolve
from newsevents.pipeline import Pipeline
from newsevents.records import Article, Doc, Event, Span, Trigger
from newsevents.settings import Settings
from newsevents.stages.parse import sentence, token_span
from newsevents.stages.places import resolve_places, sentence_place
from newsevents.syntax import sentence_of

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
    return list(_plover_records(path, _lines(path)))


def _lines(path: Path) -> list[str]:
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
            "any_event_recall": _share(self.any_event, self.n),
            "actor_country_accuracy": _mean(self.actor),
            "actor_n": len(self.actor),
            "recipient_country_accuracy": _mean(self.recipient),
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
            f"gold type among any event   {_share(self.any_event, self.n):.3f}",
            f"actor country accuracy      {_mean(self.actor):.3f} (of {len(self.actor)})",
            f"recipient country accuracy  {_mean(self.recipient):.3f} (of {len(self.recipient)})",
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


def _share(count: int, total: int) -> float:
    return round(count / total, 4) if total else 0.0


def _mean(values: Sequence[bool]) -> float:
    return _share(sum(values), len(values))


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
    lines = _lines(path)
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
        return _share(sum(n for (g, p), n in self.pairs.items() if g == p), self.n)

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


# --- geoparse: toponym detection and resolution (GeoWebNews / LGL XML) ----------------------

GWN_TOPONYM_TYPES = frozenset(
    {"Literal", "Metonymic", "Mixed", "Literal_Modifier", "Non_Literal_Modifier", "Coercion",
     "Embedded_Literal", "Embedded_Non_Lit"}
)  # fmt: skip
"""GeoWebNews toponym types (Gritta et al. 2019) counted as toponyms; the rest (demonyms,
homonyms, languages, non-toponyms, expressions around a toponym) are not."""
ACC_KM = 161.0
"""acc@161km: an answer within 100 miles of the gold point counts as right."""


@dataclass(frozen=True)
class GoldToponym:
    """One gold toponym: its character span and, where annotated, its GeoNames id and point."""

    span: tuple[int, int]
    text: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class GeoArticle:
    text: str
    toponyms: tuple[GoldToponym, ...]
    skipped: int = 0
    """Gold toponyms whose span lies outside the text (GeoWebNews has a few): not scored."""


def read_geoparse_xml(path: Path) -> list[GeoArticle]:
    """Articles and gold toponyms of a GeoWebNews or LGL/TR-News-style XML file."""
    try:
        root = ElementTree.parse(path).getroot()
    except FileNotFoundError:
        raise InputError(str(path), "no such file", fix="check the path") from None
    except ElementTree.ParseError as error:
        raise InputError(str(path), f"not well-formed XML ({error})", fix=_GEO_FIX) from None
    except OSError as error:
        raise InputError(
            str(path), f"cannot be read ({error.strerror})", fix=_GEO_FIX_READ
        ) from None
    articles = [_geo_article(path, a) for a in root.iter("article")]
    if not articles:
        raise InputError(str(path), "no <article> elements", fix=_GEO_FIX)
    return articles


_GEO_FIX_READ = "check that it is a readable file"
_GEO_FIX = "expected GeoWebNews or LGL-style XML: <article><text>…<toponyms><toponym><start><end>"


def _geo_article(path: Path, article: ElementTree.Element) -> GeoArticle:
    text = article.findtext("text") or ""
    toponyms = []
    for element in article.iter("toponym"):
        kind = element.findtext("type")
        if kind is not None and kind not in GWN_TOPONYM_TYPES:
            continue
        try:
            toponyms.append(_gold_toponym(element, text))
        except ValueError as error:
            raise InputError(str(path), f"bad <toponym> ({error})", fix=_GEO_FIX) from None
    kept = tuple(t for t in toponyms if 0 <= t.span[0] < t.span[1] <= len(text))
    return GeoArticle(text, kept, len(toponyms) - len(kept))


def _gold_toponym(element: ElementTree.Element, text: str) -> GoldToponym:
    start, end = int(element.findtext("start") or ""), int(element.findtext("end") or "")
    gaztag = element.find("gaztag")
    gid = element.findtext("geonamesID") or (gaztag.get("geonameid") if gaztag is not None else "")
    lat = element.findtext("latitude") or element.findtext(".//lat")
    lon = element.findtext("longitude") or element.findtext(".//lon")
    return GoldToponym(
        (start, end),
        text[start:end],
        int(gid) if gid and gid.strip() else None,
        float(lat) if lat and lon else None,
        float(lon) if lat and lon else None,
    )


@dataclass
class GeoparseReport:
    """What ``eval geoparse`` reports; counts are filled article by article."""

    detection: Prf = field(default_factory=lambda: Prf(0, 0, 0))
    gold_found: int = 0
    errors_km: list[float] = field(default_factory=list)
    unresolved: int = 0
    skipped: int = 0
    exact: int = 0
    with_geonameid: int = 0

    @property
    def n(self) -> int:
        return len(self.errors_km) + self.unresolved

    def add_detection(
        self, gold: Sequence[tuple[int, int]], found: Sequence[tuple[int, int]]
    ) -> None:
        right = sum(any(_overlap(f, g) for g in gold) for f in found)
        d = self.detection
        self.detection = Prf(d.tp + right, d.predicted + len(found), d.gold + len(gold))
        self.gold_found += sum(any(_overlap(f, g) for f in found) for g in gold)

    def add_resolution(self, gold: GoldToponym, answer: Entry | None) -> None:
        if gold.lat is None or gold.lon is None:
            return
        self.with_geonameid += gold.geonameid is not None
        if answer is None:
            self.unresolved += 1
            return
        self.errors_km.append(distance_km(gold.lat, gold.lon, answer.lat, answer.lon))
        self.exact += gold.geonameid is not None and answer.geonameid == gold.geonameid

    def to_dict(self) -> dict[str, Any]:
        d, errors = self.detection, sorted(self.errors_km)
        return {
            "n_toponyms": d.gold,
            "skipped_toponyms": self.skipped,
            "detection": {
                "precision": round(d.precision, 4),
                "recall": _share(self.gold_found, d.gold),
                "f1": round(_f1(d.precision, self.gold_found / d.gold if d.gold else 0.0), 4),
                "predicted": d.predicted,
            },
            "resolution": {
                "n": self.n,
                "unresolved": self.unresolved,
                "exact_geonameid": _share(self.exact, self.with_geonameid),
                "n_geonameid": self.with_geonameid,
                "acc_at_161km": _share(sum(e <= ACC_KM for e in errors), self.n),
                "mean_error_km": round(sum(errors) / len(errors), 1) if errors else 0.0,
                "median_error_km": round(errors[len(errors) // 2], 1) if errors else 0.0,
            },
        }

    def table(self) -> str:
        d, r = self.to_dict()["detection"], self.to_dict()["resolution"]
        return "\n".join([
            f"gold toponyms               {self.detection.gold}",
            f"detection P / R / F1        {d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f}",
            f"resolved on gold spans      {r['n']} ({r['unresolved']} without an answer)",
            f"acc@161km                   {r['acc_at_161km']:.3f}",
            f"exact GeoNames id           {r['exact_geonameid']:.3f} (of {r['n_geonameid']})",
            f"error km, mean / median     {r['mean_error_km']:.1f} / {r['median_error_km']:.1f}",
        ])  # fmt: skip


def score_geoparse(
    articles: Iterable[GeoArticle], nlp: Any, gazetteer: Gazetteer
) -> GeoparseReport:
    """Detection on the parsed text; resolution of the gold spans, with each other as context."""
    report = GeoparseReport()
    for article in articles:
        report.skipped += article.skipped
        found = find_mentions(nlp(article.text), gazetteer, demonyms=True)
        report.add_detection([g.span for g in article.toponyms], [m.span for m in found])
        mentions = [Mention(g.text, g.span) for g in article.toponyms]
        answers = resolve(mentions, gazetteer, article.text)
        for gold, answer in zip(article.toponyms, answers, strict=True):
            report.add_resolution(gold, answer[0] if answer else None)
    return report


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --- event-location: the place each event happened -------------------------------------------
#
# Records are sentences with one VERB span (the event's trigger) and zero or more LOCATION
# spans (where that event happened; none when the sentence does not say). The verb is given:
# an event is built on it and the places stage picks its place in the verb's sentence, as it
# does inside the pipeline before any fall-back to the rest of an article (a one-sentence
# record has no rest). A prediction matches when its span shares a character with a gold
# LOCATION span: gold spans vary in extent ("southern Lebanon", "the Nabi Saleh Mosque") and
# an overlap accepts the same place named with or without its modifiers. Gold spans that are
# empty or cut through a word are annotation slips; a record with no other LOCATION span is
# left out of the figures and counted as ``skipped_malformed``.

EVENT_LOCATION_STAGES = ("parse",)


@dataclass(frozen=True)
class LocationGold:
    """One event-location record: a sentence, its verb and where the verb's event happened."""

    id: str
    text: str
    verb: Span
    locations: tuple[Span, ...]
    malformed: bool = False
    """Every LOCATION span of the record was empty or cut through a word."""
    source: str = ""
    """Where the record came from, when the file says: figures are also given per source."""


def read_event_locations(path: Path) -> list[LocationGold]:
    """The records of an event-location JSONL file, validated line by line."""
    records = []
    for number, line in enumerate(_lines(path), start=1):
        if not line.strip():
            continue
        try:
            records.append(_location_record(json.loads(line)))
        except (ValueError, KeyError, TypeError, StopIteration) as error:
            raise InputError(
                f"{path}, line {number}",
                f"not an event-location record ({error!r})",
                fix='each line needs "text" and "spans" with one {"start", "end", "label": "VERB"}',
            ) from None
    return records


def _location_record(raw: dict[str, Any]) -> LocationGold:
    text = str(raw["text"])
    spans = [(int(s["start"]), int(s["end"]), str(s["label"])) for s in raw["spans"]]
    verb = next((a, b) for a, b, label in spans if label == "VERB")
    places = [(a, b) for a, b, label in spans if label == "LOCATION"]
    good = tuple(s for s in places if _well_formed(s, text))
    malformed = bool(places) and not good
    return LocationGold(
        str(raw.get("id", "")), text, verb, good, malformed, str(raw.get("source", ""))
    )


def _well_formed(span: Span, text: str) -> bool:
    """A non-blank span that starts and ends at word boundaries."""
    start, end = span
    if not text[start:end].strip():
        return False
    inside_left = 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum()
    inside_right = 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    return not (inside_left or inside_right)


def location_matches(predicted: Span | None, gold: Sequence[Span]) -> bool:
    """A predicted span matches when it overlaps any gold span; no prediction matches none."""
    if predicted is None:
        return not gold
    return any(predicted[0] < b and a < predicted[1] for a, b in gold)


LOCATION_OUTCOMES = ("right_place", "right_none", "wrong_place", "missed", "invented")


@dataclass
class LocationReport:
    """What ``eval event-location`` reports; outcomes are counted record by record."""

    outcomes: Counter[str] = field(default_factory=Counter)
    skipped_malformed: int = 0
    sources: dict[str, list[bool]] = field(default_factory=dict)

    def add(self, gold: LocationGold, predicted: Span | None) -> str:
        if gold.malformed:
            self.skipped_malformed += 1
            return "skipped"
        if location_matches(predicted, gold.locations):
            outcome = "right_place" if gold.locations else "right_none"
        elif not gold.locations:
            outcome = "invented"
        else:
            outcome = "missed" if predicted is None else "wrong_place"
        self.outcomes[outcome] += 1
        self.sources.setdefault(gold.source, []).append(outcome.startswith("right"))
        return outcome

    @property
    def n(self) -> int:
        return sum(self.outcomes.values())

    def _part(self, right: str, *wrong: str) -> dict[str, float | int]:
        n = self.outcomes[right] + sum(self.outcomes[w] for w in wrong)
        return {"n": n, "accuracy": _share(self.outcomes[right], n)}

    def to_dict(self) -> dict[str, Any]:
        o = self.outcomes
        return {
            "n": self.n,
            "accuracy": _share(o["right_place"] + o["right_none"], self.n),
            "gold_place": self._part("right_place", "wrong_place", "missed"),
            "gold_none": self._part("right_none", "invented"),
            "predicted_none_rate": _share(o["right_none"] + o["missed"], self.n),
            "outcomes": {k: o[k] for k in LOCATION_OUTCOMES},
            "skipped_malformed": self.skipped_malformed,
            "by_source": {
                s: {"n": len(v), "accuracy": _mean(v)} for s, v in sorted(self.sources.items())
            },
        }

    def table(self) -> str:
        d = self.to_dict()
        lines = [
            f"sentences               {d['n']} ({self.skipped_malformed} malformed left out)",
            f"accuracy                {d['accuracy']:.3f}",
            f"  gold names a place    {d['gold_place']['accuracy']:.3f} "
            f"(of {d['gold_place']['n']})",
            f"  gold says none        {d['gold_none']['accuracy']:.3f} (of {d['gold_none']['n']})",
            f"predicted none          {d['predicted_none_rate']:.3f}",
            "",
        ]
        lines += [f"{k:<24}{v}" for k, v in d["outcomes"].items()]
        if len(self.sources) > 1:
            lines += ["", f"{'source':<24}{'n':>6} {'accuracy':>9}"]
            lines += [
                f"{s or '-':<24}{v['n']:>6} {v['accuracy']:>9.3f}"
                for s, v in d["by_source"].items()
            ]
        return "\n".join(lines)


def score_event_location(records: Iterable[LocationGold], settings: Settings) -> LocationReport:
    """Parse each record, build an event on its verb and score the place chosen for it."""
    pipeline = Pipeline(settings, names=EVENT_LOCATION_STAGES)
    gazetteer = Gazetteer.load(settings.cache_dir)
    report = LocationReport()
    for gold in records:
        report.add(gold, predict_event_location(gold, pipeline, gazetteer))
    return report


def predict_event_location(
    gold: LocationGold, pipeline: Pipeline, gazetteer: Gazetteer
) -> Span | None:
    """The span of the place the places stage gives an event on the record's verb, or None."""
    doc = pipeline(Article(id=gold.id or "record", text=gold.text))
    if doc.parsed is None:
        return None
    verb = token_span(doc.parsed, gold.verb)
    sent = sentence(sentence_of(verb))
    trigger = Trigger(gold.text[gold.verb[0] : gold.verb[1]], gold.verb)
    event = Event(id=f"{gold.id}:verb", type="", trigger=trigger, sentence=sent)
    chosen = sentence_place(event, doc, resolve_places(doc.parsed, gazetteer))
    return chosen.span if chosen else None
