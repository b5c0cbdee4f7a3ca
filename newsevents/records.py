"""The typed, immutable records every stage reads and writes.

Every extracted value carries its evidence: a ``span``, the ``[start, end)`` character offsets of
the words it came from in the article text, and the ``text`` of those words. Stages never mutate a
record; they return a new one with :func:`dataclasses.replace`.

``to_dict`` gives the JSON output contract (field names other tools rely on: add, never rename);
``from_dict`` reads it back, so what the store saves loads as the same records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal, cast

__all__ = [
    "POLARITIES",
    "Acled",
    "Actor",
    "Article",
    "Casualties",
    "Count",
    "Doc",
    "Event",
    "FieldReports",
    "Incident",
    "Place",
    "Polarity",
    "Quote",
    "Reported",
    "Sentence",
    "Span",
    "Trigger",
    "When",
    "overlaps",
]

Span = tuple[int, int]
"""Character offsets ``[start, end)`` into the article text."""


def overlaps(a: Span, b: Span) -> bool:
    """The two spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


Polarity = Literal["asserted", "negated", "hypothetical", "generic"]
POLARITIES: tuple[Polarity, ...] = ("asserted", "negated", "hypothetical", "generic")

Precision = Literal["day", "week", "month", "year"]


def _span(value: Any) -> Span:
    start, end = value
    return (int(start), int(end))


@dataclass(frozen=True)
class Article:
    """One news report, as read from a file, a JSONL line or stdin."""

    id: str
    """Hash of the normalised text: the same article ingested twice has the same id."""
    text: str
    """The article body; every span in every record indexes into this string."""
    title: str | None = None
    """Headline, from the first line of a .txt, HTML metadata or the JSONL ``title``."""
    published: dt.date | None = None
    """Publication date, the anchor for relative dates ("on Monday"); None when unknown."""
    source: str | None = None
    """Outlet or feed name, when the input says."""
    url: str | None = None
    """Where the article was published, when the input says."""
    origin: str = ""
    """Where newsevents read it from: a path, ``path:line`` for JSONL, or ``<stdin>``."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
        }


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article, as split by the parser."""

    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Sentence:
        return cls(text=d["text"], span=_span(d["span"]))


@dataclass(frozen=True)
class Trigger:
    """The words that express the event ("shot", "levied sanctions")."""

    text: str
    span: Span
    lemma: str = ""
    """Lemma of the head word, as matched in the event lexicon."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span), "lemma": self.lemma}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Trigger:
        return cls(text=d["text"], span=_span(d["span"]), lemma=d.get("lemma", ""))


@dataclass(frozen=True)
class Actor:
    """Who did something, or to whom it was done, normalised to country and sector."""

    text: str
    """The words of the actor phrase in the article."""
    span: Span
    name: str | None = None
    """Canonical name ("United Nations Command", "Donald Trump"); None when only a group."""
    country: str | None = None
    """ISO-3166 alpha-3 code, or "IGO" / "NGO" for international organisations."""
    sector: str | None = None
    """PLOVER sector code: GOV, MIL, COP, REB, CVL, JUD, LEG, BUS, MED, …"""
    confidence: float = 0.0
    """How sure the resolution is, 0..1 (0 when nothing was resolved)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "span": list(self.span),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            text=d["text"],
            span=_span(d["span"]),
            name=d.get("name"),
            country=d.get("country"),
            sector=d.get("sector"),
            confidence=float(d.get("confidence", 0.0)),
        )


@dataclass(frozen=True)
class Place:
    """A place mention resolved to a gazetteer entry."""

    text: str
    span: Span
    name: str
    """Gazetteer name of the resolved place."""
    geonameid: int | None
    """GeoNames id; None for entries of the project's own supplement (see ``feature``)."""
    lat: float
    lon: float
    country: str | None
    """ISO-3166 alpha-3 code of the country the place is in; None for seas and such."""
    admin1: str | None = None
    """First-level division name, when known."""
    feature: str = ""
    """Kind of place: country, admin1, city, border, zone, sea, region, …"""
    precision: int = 1
    """ACLED geo_precision: 1 town or feature, 2 near / part of a region, 3 province or country."""
    confidence: float = 0.0
    supplement_id: str | None = None
    """Id of the entry in the project's place supplement, when it came from there."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "admin1": self.admin1,
            "precision": self.precision,
            "feature": self.feature,
            "span": list(self.span),
            "confidence": self.confidence,
            "supplement_id": self.supplement_id,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(
            text=d["text"],
            span=_span(d["span"]),
            name=d["name"],
            geonameid=d.get("geonameid"),
            lat=float(d["lat"]),
            lon=float(d["lon"]),
            country=d.get("country"),
            admin1=d.get("admin1"),
            feature=d.get("feature", ""),
            precision=int(d.get("precision", 1)),
            confidence=float(d.get("confidence", 0.0)),
            supplement_id=d.get("supplement_id"),
        )


@dataclass(frozen=True)
class When:
    """A date expression normalised against the publication date."""

    text: str
    span: Span
    value: str | None
    """ISO 8601 date (the first day of the week, month or year for coarser precisions);
    None when the expression could not be anchored (a dateless article)."""
    precision: Precision
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "precision": self.precision,
            "span": list(self.span),
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> When:
        return cls(
            text=d["text"],
            span=_span(d["span"]),
            value=d.get("value"),
            precision=cast(Precision, d["precision"]),
            confidence=float(d.get("confidence", 0.0)),
        )


@dataclass(frozen=True)
class Count:
    """One stated casualty figure and the words it came from."""

    value: int
    text: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "text": self.text, "span": list(self.span)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Count:
        return cls(value=int(d["value"]), text=d["text"], span=_span(d["span"]))


@dataclass(frozen=True)
class Casualties:
    """Killed, injured and arrested counts of one event; None where the text states none."""

    killed: Count | None = None
    injured: Count | None = None
    arrested: Count | None = None

    def to_dict(self) -> dict[str, Any]:
        kinds = {"killed": self.killed, "injured": self.injured, "arrested": self.arrested}
        out: dict[str, Any] = {k: (c.value if c else None) for k, c in kinds.items()}
        out["evidence"] = {k: c.to_dict() for k, c in kinds.items() if c}
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Casualties:
        ev = d.get("evidence", {})
        return cls(
            **{k: Count.from_dict(ev[k]) for k in ("killed", "injured", "arrested") if k in ev}
        )


@dataclass(frozen=True)
class Acled:
    """ACLED event type and sub-event type equivalent of a coded event."""

    event_type: str
    sub_event_type: str

    def to_dict(self) -> dict[str, Any]:
        return {"event_type": self.event_type, "sub_event_type": self.sub_event_type}


@dataclass(frozen=True)
class Event:
    """Who did what to whom, where, when: one coded event and its evidence."""

    id: str
    """Stable id: article id, trigger offset and a counter for events sharing a trigger."""
    type: str
    """PLOVER category, e.g. "ASSAULT"."""
    trigger: Trigger
    sentence: Sentence
    mode: str | None = None
    """PLOVER mode of the category (e.g. "firearms" for ASSAULT), or None."""
    context: tuple[str, ...] = ()
    """PLOVER context codes (e.g. "military", "refugees")."""
    actor: Actor | None = None
    recipient: Actor | None = None
    location: Place | None = None
    date: When | None = None
    casualties: Casualties = field(default_factory=Casualties)
    polarity: Polarity = "asserted"
    """Whether the text asserts the event happened, denies it, supposes it, or states a rule."""
    confidence: float = 0.0
    cameo: str | None = None
    """CAMEO root code equivalent ("18" for ASSAULT), when one applies."""
    acled: Acled | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "trigger": self.trigger.to_dict(),
            "sentence": self.sentence.to_dict(),
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date.to_dict() if self.date else None,
            "casualties": self.casualties.to_dict(),
            "polarity": self.polarity,
            "confidence": self.confidence,
            "cameo": self.cameo,
            "acled": self.acled.to_dict() if self.acled else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            id=d["id"],
            type=d["type"],
            trigger=Trigger.from_dict(d["trigger"]),
            sentence=Sentence.from_dict(d["sentence"]),
            mode=d.get("mode"),
            context=tuple(d.get("context", ())),
            actor=Actor.from_dict(d["actor"]) if d.get("actor") else None,
            recipient=Actor.from_dict(d["recipient"]) if d.get("recipient") else None,
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            date=When.from_dict(d["date"]) if d.get("date") else None,
            casualties=Casualties.from_dict(d.get("casualties", {})),
            polarity=cast(Polarity, d.get("polarity", "asserted")),
            confidence=float(d.get("confidence", 0.0)),
            cameo=d.get("cameo"),
            acled=Acled(**d["acled"]) if d.get("acled") else None,
        )


@dataclass(frozen=True)
class Quote:
    """A direct quotation and who said it."""

    text: str
    """The quoted words, without the quotation marks."""
    span: Span
    speaker: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": list(self.span),
            "speaker": self.speaker.to_dict() if self.speaker else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        speaker = Actor.from_dict(d["speaker"]) if d.get("speaker") else None
        return cls(text=d["text"], span=_span(d["span"]), speaker=speaker)


@dataclass(frozen=True)
class Doc:
    """An article on its way through the pipeline: what each stage has found so far."""

    article: Article
    parsed: Any = field(default=None, compare=False, repr=False)
    """The spaCy ``Doc`` of the article text (set by the parse stage; not serialised)."""
    sentences: tuple[Sentence, ...] = ()
    places: tuple[Place, ...] = ()
    """Every place mention resolved in the article, in text order."""
    dates: tuple[When, ...] = ()
    """Every date expression found in the article, in text order."""
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()

    def to_dict(self, *, include_all: bool = False) -> dict[str, Any]:
        """The output contract of ``newsevents extract``: only asserted events unless asked."""
        events = [e for e in self.events if include_all or e.polarity == "asserted"]
        return {
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in events],
            "quotes": [q.to_dict() for q in self.quotes],
        }


@dataclass(frozen=True)
class Reported:
    """What one source article said about one field of an incident, and the words it used."""

    article_id: str
    event_id: str
    value: str | int | None
    """The field's value in this report: a name, an ISO date or a figure; None when unstated."""
    text: str = ""
    """The words of the article the value came from ("" when unstated)."""
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "event_id": self.event_id,
            "value": self.value,
            "text": self.text,
            "span": list(self.span) if self.span else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Reported:
        span = _span(d["span"]) if d.get("span") else None
        return cls(d["article_id"], d["event_id"], d.get("value"), d.get("text", ""), span)


@dataclass(frozen=True)
class FieldReports:
    """Every source's value for one field of an incident."""

    values: tuple[Reported, ...]
    disagree: bool
    """True when the sources that state the field give different values."""

    def to_dict(self) -> dict[str, Any]:
        return {"disagree": self.disagree, "values": [r.to_dict() for r in self.values]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> FieldReports:
        values = tuple(Reported.from_dict(r) for r in d.get("values", ()))
        return cls(values=values, disagree=bool(d.get("disagree", False)))


@dataclass(frozen=True)
class Incident:
    """One real-world event merged from every report of it (see ``newsevents.incidents``)."""

    id: str
    """Derived from the smallest id among its anchored events (those dated to the day), else from
    its one event: stable while the reports of those events are stored."""
    type: str
    """PLOVER category shared by all its events."""
    acled: Acled | None = None
    actor: Actor | None = None
    """The actor most sources name (ACLED's actor1)."""
    recipient: Actor | None = None
    """The recipient most sources name (ACLED's actor2)."""
    location: Place | None = None
    """The most precise place the sources give, then the one most of them give."""
    date: When | None = None
    """The most precise date the sources give, then the one most of them give, then the earliest."""
    casualties: Casualties = field(default_factory=Casualties)
    """The lowest figure any source states for each kind (ACLED's conservative convention)."""
    first_reported: dt.date | None = None
    """The earliest publication date among its sources."""
    articles: tuple[str, ...] = ()
    """Every source article id, sorted."""
    copies: tuple[tuple[str, str], ...] = ()
    """(copy, original) pairs: near-duplicate articles linked to the report they repeat."""
    events: tuple[str, ...] = ()
    """Every merged event id, sorted."""
    sources: tuple[str, ...] = ()
    """Outlets of its independent reports (source, else title, else id), sorted."""
    summary: str = ""
    """The sentence of the report its date was taken from (else of its first event)."""
    fields: dict[str, FieldReports] = field(default_factory=dict)
    """Each report's value per field (actor, recipient, location, date and the figures)."""

    @property
    def reports(self) -> int:
        """Independent reports: source articles that are not near-duplicates of another source."""
        return len(self.articles) - len(self.copies)

    @property
    def disagreements(self) -> tuple[str, ...]:
        """The fields on which sources disagree."""
        return tuple(name for name, f in self.fields.items() if f.disagree)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "acled": self.acled.to_dict() if self.acled else None,
            "actor": self.actor.to_dict() if self.actor else None,
            "recipient": self.recipient.to_dict() if self.recipient else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date.to_dict() if self.date else None,
            "casualties": self.casualties.to_dict(),
            "first_reported": self.first_reported.isoformat() if self.first_reported else None,
            "reports": self.reports,
            "articles": list(self.articles),
            "copies": [{"article_id": c, "copy_of": o} for c, o in self.copies],
            "events": list(self.events),
            "sources": list(self.sources),
            "summary": self.summary,
            "disagreements": list(self.disagreements),
            "fields": {name: f.to_dict() for name, f in self.fields.items()},
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Incident:
        first = d.get("first_reported")
        return cls(
            id=d["id"],
            type=d["type"],
            acled=Acled(**d["acled"]) if d.get("acled") else None,
            actor=Actor.from_dict(d["actor"]) if d.get("actor") else None,
            recipient=Actor.from_dict(d["recipient"]) if d.get("recipient") else None,
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            date=When.from_dict(d["date"]) if d.get("date") else None,
            casualties=Casualties.from_dict(d.get("casualties", {})),
            first_reported=dt.date.fromisoformat(first) if first else None,
            articles=tuple(d.get("articles", ())),
            copies=tuple((c["article_id"], c["copy_of"]) for c in d.get("copies", ())),
            events=tuple(d.get("events", ())),
            sources=tuple(d.get("sources", ())),
            summary=d.get("summary", ""),
            fields={k: FieldReports.from_dict(v) for k, v in d.get("fields", {}).items()},
        )
