"""Scoring the place stages against gold data: toponym detection and resolution (GeoWebNews and
LGL/TR-News-style XML, ``eval geoparse``) and the place each event happened (sentences with VERB
and LOCATION spans, ``eval event-location``). Reports follow :mod:`newsevents.evaluate`:
``to_dict()`` is the ``--json`` output, ``table()`` the plain one."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from newsevents.errors import InputError
from newsevents.evaluate import Prf, mean, read_lines, share
from newsevents.gazetteer import Entry, Gazetteer, distance_km
from newsevents.geoparse import Mention, find_mentions, resolve
from newsevents.location_model import LocationModel, Sample, load_model, train
from newsevents.pipeline import Pipeline
from newsevents.place_options import Options
from newsevents.records import Article, Doc, Event, Span, Trigger, overlaps
from newsevents.settings import Settings
from newsevents.stages.parse import sentence, token_span
from newsevents.stages.places import resolve_places, sentence_options, sentence_place
from newsevents.syntax import sentence_of

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
    realigned: int = 0
    """Gold toponyms whose offsets missed their own phrase, moved to its nearest occurrence."""


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
    toponyms, realigned = [], 0
    for element in article.iter("toponym"):
        kind = element.findtext("type")
        if kind is not None and kind not in GWN_TOPONYM_TYPES:
            continue
        try:
            toponym = _gold_toponym(element, text)
            realigned += toponym.span[0] != int(element.findtext("start") or "")
        except ValueError as error:
            raise InputError(str(path), f"bad <toponym> ({error})", fix=_GEO_FIX) from None
        toponyms.append(toponym)
    kept = tuple(t for t in toponyms if 0 <= t.span[0] < t.span[1] <= len(text))
    return GeoArticle(text, kept, len(toponyms) - len(kept), realigned)


def _phrase(element: ElementTree.Element) -> str | None:
    """The toponym's words as the file gives them (LGL's <phrase>, GeoWebNews' <extractedName>)."""
    return element.findtext("phrase") or element.findtext("extractedName")


def _aligned(text: str, start: int, end: int, phrase: str | None) -> tuple[int, int]:
    """The gold span, or, where the text there is not the toponym's own phrase, the phrase's
    occurrence nearest to it: offsets counted before the XML parser folded the file's "\r\n"
    line ends into one character, or before entities such as "&amp;" were read as one, drift
    by a character a line. A span outside the text, or a phrase the text lacks, stays as given."""
    if not phrase or text[start:end] == phrase or not 0 <= start < end <= len(text):
        return start, end
    hits = [m.start() for m in re.finditer(re.escape(phrase), text)]
    if not hits:
        return start, end
    nearest = min(hits, key=lambda h: abs(h - start))
    return nearest, nearest + len(phrase)


def _gold_toponym(element: ElementTree.Element, text: str) -> GoldToponym:
    start, end = int(element.findtext("start") or ""), int(element.findtext("end") or "")
    start, end = _aligned(text, start, end, _phrase(element))
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
    realigned: int = 0
    exact: int = 0
    with_geonameid: int = 0

    @property
    def n(self) -> int:
        return len(self.errors_km) + self.unresolved

    def add_detection(
        self, gold: Sequence[tuple[int, int]], found: Sequence[tuple[int, int]]
    ) -> None:
        right = sum(any(overlaps(f, g) for g in gold) for f in found)
        d = self.detection
        self.detection = Prf(d.tp + right, d.predicted + len(found), d.gold + len(gold))
        self.gold_found += sum(any(overlaps(f, g) for f in found) for g in gold)

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
            "realigned_toponyms": self.realigned,
            "detection": {
                "precision": round(d.precision, 4),
                "recall": share(self.gold_found, d.gold),
                "f1": round(_f1(d.precision, self.gold_found / d.gold if d.gold else 0.0), 4),
                "predicted": d.predicted,
            },
            "resolution": {
                "n": self.n,
                "unresolved": self.unresolved,
                "exact_geonameid": share(self.exact, self.with_geonameid),
                "n_geonameid": self.with_geonameid,
                "acc_at_161km": share(sum(e <= ACC_KM for e in errors), self.n),
                "mean_error_km": round(sum(errors) / len(errors), 1) if errors else 0.0,
                "median_error_km": round(errors[len(errors) // 2], 1) if errors else 0.0,
            },
        }

    def table(self) -> str:
        d, r = self.to_dict()["detection"], self.to_dict()["resolution"]
        lines = [
            f"gold toponyms               {self.detection.gold}",
            f"detection P / R / F1        {d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f}",
            f"resolved on gold spans      {r['n']} ({r['unresolved']} without an answer)",
            f"acc@161km                   {r['acc_at_161km']:.3f}",
            f"exact GeoNames id           {r['exact_geonameid']:.3f} (of {r['n_geonameid']})",
            f"error km, mean / median     {r['mean_error_km']:.1f} / {r['median_error_km']:.1f}",
        ]  # fmt: skip
        if self.realigned:
            lines.append(f"gold spans off their phrase {self.realigned} (moved to its nearest one)")
        if self.skipped:
            lines.append(f"gold spans outside the text {self.skipped} (not scored)")
        return "\n".join(lines)


def score_geoparse(
    articles: Iterable[GeoArticle], nlp: Any, gazetteer: Gazetteer
) -> GeoparseReport:
    """Detection on the parsed text; resolution of the gold spans, with each other as context."""
    report = GeoparseReport()
    for article in articles:
        report.skipped += article.skipped
        report.realigned += article.realigned
        found = find_mentions(nlp(article.text), gazetteer, demonyms=True)
        report.add_detection([g.span for g in article.toponyms], [m.span for m in found])
        mentions = [Mention(g.text, g.span) for g in article.toponyms]
        answers = resolve(mentions, gazetteer, article.text)
        for gold, answer in zip(article.toponyms, answers, strict=True):
            report.add_resolution(gold, answer[0] if answer else None)
    return report


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
    for number, line in enumerate(read_lines(path), start=1):
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
    return any(overlaps(predicted, g) for g in gold)


LOCATION_OUTCOMES = ("right_place", "right_none", "wrong_place", "missed", "invented")


@dataclass
class LocationReport:
    """What ``eval event-location`` reports; outcomes are counted record by record."""

    outcomes: Counter[str] = field(default_factory=Counter)
    skipped_malformed: int = 0
    sources: dict[str, list[bool]] = field(default_factory=dict)
    model_trained_on: str = ""
    """The name of the file the location model was fitted on: scores on it are in-sample."""

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
        return {"n": n, "accuracy": share(self.outcomes[right], n)}

    def to_dict(self) -> dict[str, Any]:
        o = self.outcomes
        return {
            "n": self.n,
            "accuracy": share(o["right_place"] + o["right_none"], self.n),
            "gold_place": self._part("right_place", "wrong_place", "missed"),
            "gold_none": self._part("right_none", "invented"),
            "predicted_none_rate": share(o["right_none"] + o["missed"], self.n),
            "outcomes": {k: o[k] for k in LOCATION_OUTCOMES},
            "skipped_malformed": self.skipped_malformed,
            "model_trained_on": self.model_trained_on,
            "by_source": {
                s: {"n": len(v), "accuracy": mean(v)} for s, v in sorted(self.sources.items())
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
            f"location model          fitted on {self.model_trained_on or 'unnamed data'}"
            " (scores on that file are in-sample)",
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
    model = load_model(settings.location_model)
    report = LocationReport(model_trained_on=model.trained_on)
    for gold in records:
        report.add(gold, predict_event_location(gold, pipeline, gazetteer, model))
    return report


def predict_event_location(
    gold: LocationGold, pipeline: Pipeline, gazetteer: Gazetteer, model: LocationModel | None = None
) -> Span | None:
    """The span of the place the places stage gives an event on the record's verb, or None."""
    built = _record_event(gold, pipeline)
    if built is None:
        return None
    doc, event = built
    chosen = sentence_place(event, doc, resolve_places(doc.parsed, gazetteer), model=model)
    return chosen.span if chosen else None


def _record_event(gold: LocationGold, pipeline: Pipeline) -> tuple[Doc, Event] | None:
    """The record parsed, and an event built on its verb."""
    doc = pipeline(Article(id=gold.id or "record", text=gold.text))
    if doc.parsed is None:
        return None
    verb = token_span(doc.parsed, gold.verb)
    sent = sentence(sentence_of(verb))
    trigger = Trigger(gold.text[gold.verb[0] : gold.verb[1]], gold.verb)
    return doc, Event(id=f"{gold.id}:verb", type="", trigger=trigger, sentence=sent)


# --- train event-location: fit the location model on annotated sentences ----------------------


def location_samples(records: Iterable[LocationGold], settings: Settings) -> list[Sample]:
    """One training sample per well-formed record: the options the places stage weighs for an
    event on its verb, which of them overlap a gold place, and whether "none" is right."""
    pipeline = Pipeline(settings, names=EVENT_LOCATION_STAGES)
    gazetteer = Gazetteer.load(settings.cache_dir)
    samples = []
    for gold in records:
        if gold.malformed:
            continue
        built = _record_event(gold, pipeline)
        options = None
        if built is not None:
            doc, event = built
            options = sentence_options(event, doc, resolve_places(doc.parsed, gazetteer))
        samples.append(_sample(gold, options))
    return samples


def _sample(gold: LocationGold, options: Options | None) -> Sample:
    if options is None:  # no place can be meant: "none" is the only option
        return Sample((), (), ("NONE",), not gold.locations)
    right = tuple(location_matches(o.span, gold.locations) for o in options.attached)
    features = tuple(tuple(f) for f in options.features)
    return Sample(features, right, tuple(options.none), not gold.locations)


def sample_accuracy(model: LocationModel, samples: Sequence[Sample]) -> float:
    """The share of samples where the model picks a right option (or "none" rightly)."""
    right = 0
    for s in samples:
        pick, _ = model.choose(s.options, s.none)
        right += s.none_right if pick is None else s.right[pick]
    return share(right, len(samples))


def rules_accuracy(samples: Sequence[Sample]) -> float:
    """The same share for the attachment rules' own pick (the "rule" feature)."""
    right = 0
    for s in samples:
        picked = [ok for f, ok in zip(s.options, s.right, strict=True) if "rule" in f]
        right += picked[0] if picked else s.none_right
    return share(right, len(samples))


@dataclass(frozen=True)
class TrainingReport:
    """What ``train event-location`` reports: the model trained on each half of the records
    scored on the other half, against the rules alone, then on all records (in-sample)."""

    n: int
    halves: tuple[dict[str, Any], ...]
    in_sample: float

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "halves": list(self.halves), "in_sample": self.in_sample}

    def table(self) -> str:
        lines = [f"sentences               {self.n}", "", "trained on   scored on   model  rules"]
        lines += [
            f"{h['trained_on']:<13}{h['scored_on']:<12}{h['accuracy']:.3f}  {h['rules']:.3f}"
            for h in self.halves
        ]
        lines.append(f"\nall (in-sample)          {self.in_sample:.3f}")
        return "\n".join(lines)


MIN_TRAINING = 20
"""Fewer records than this cannot fit a model on one half and score it on the other."""


def train_event_location(
    samples: Sequence[Sample], name: str
) -> tuple[LocationModel, TrainingReport]:
    """Fit the model on all samples, and report how a model fitted on the odd records does on
    the even ones and the other way round: the figure to expect on unseen text."""
    halves = []
    odd, even = list(samples[1::2]), list(samples[0::2])
    for trained_on, fit, scored_on, test in (
        ("odd", odd, "even", even),
        ("even", even, "odd", odd),
    ):
        model = train(fit)
        halves.append({
            "trained_on": trained_on, "scored_on": scored_on, "n": len(test),
            "accuracy": sample_accuracy(model, test), "rules": rules_accuracy(test),
        })  # fmt: skip
    model = train(samples, name)
    return model, TrainingReport(len(samples), tuple(halves), sample_accuracy(model, samples))
