"""What the HTTP API accepts and returns: pydantic models, strict at the trust boundary.

Every request model forbids unknown fields (``extra="forbid"``): a misspelt filter is an error,
never silently ignored. Response models describe the shapes in the OpenAPI schema; events inside
them are the record's own JSON (:meth:`Event.to_dict`), the contract documented in README.md.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from newsevents.patterns import PLOVER_CATEGORIES
from newsevents.store_filters import EventFilter, IncidentFilter

__all__ = [
    "ArticleDetail",
    "ArticlePage",
    "ArticleQuery",
    "CorrectionIn",
    "CorrectionOut",
    "ErrorOut",
    "EventDetail",
    "EventPage",
    "EventQuery",
    "ExportQuery",
    "HistogramOut",
    "HistogramQuery",
    "IncidentDetail",
    "IncidentExportQuery",
    "IncidentHistogramQuery",
    "IncidentPage",
    "IncidentPageQuery",
    "IncidentPointsQuery",
    "IncidentQuery",
    "JobOut",
    "PageQuery",
    "PointsOut",
    "PointsQuery",
    "Submission",
    "decode_cursor",
    "encode_cursor",
]

Polarity = Literal["asserted", "negated", "hypothetical", "generic"]
CORRECTABLE: tuple[str, ...] = (
    "type",
    "polarity",
    "actor",
    "actor.country",
    "recipient",
    "recipient.country",
    "location",
    "location.country",
    "date",
    "killed",
    "injured",
    "arrested",
    "wrong",
)
"""Fields an analyst may correct; "wrong" (true) marks the whole event as not an event."""
CorrectableField = Literal[
    "type",
    "polarity",
    "actor",
    "actor.country",
    "recipient",
    "recipient.country",
    "location",
    "location.country",
    "date",
    "killed",
    "injured",
    "arrested",
    "wrong",
]
_COUNTRY = re.compile(r"^(?:[A-Z]{3})$")
_BBOX = r"^-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?,-?\d+(\.\d+)?$"
_NUM = r"-?\d+(\.\d+)?"
_NEAR = rf"^{_NUM},{_NUM},\d+(\.\d+)?$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_STRICT = ConfigDict(extra="forbid")


class ErrorOut(BaseModel):
    """Every error the API returns."""

    message: str = Field(description="What went wrong and what to do about it.")
    code: str = Field(description="Stable machine-readable code, e.g. not_found, unauthorized.")


# --- queries -------------------------------------------------------------------------------------


class EventQuery(BaseModel):
    """Filters of ``GET /api/events`` (and of the histogram and export)."""

    model_config = _STRICT
    type: Literal[PLOVER_CATEGORIES] | None = Field(None, description="PLOVER category.")  # type: ignore[valid-type]
    country: str | None = Field(
        None,
        pattern=r"^[A-Za-z]{3}$",
        description="ISO3 (or IGO/NGO) of actor, recipient or place.",
    )
    actor: str | None = Field(
        None, min_length=1, max_length=200, description="Words in actor or recipient."
    )
    since: IsoDate | None = Field(None, description="Events on or after this day.")
    until: IsoDate | None = Field(None, description="Events on or before this day.")
    bbox: str | None = Field(None, pattern=_BBOX, description="west,south,east,north in degrees.")
    q: str | None = Field(
        None,
        min_length=1,
        max_length=500,
        description="Words of the sentence, trigger, actors or place (all must occur).",
    )
    polarity: Polarity | Literal["any"] = Field("asserted", description="'any' for all polarities.")
    min_confidence: float | None = Field(None, ge=0.0, le=1.0)

    def to_filter(self, limit: int | None = None) -> EventFilter:
        return EventFilter(
            type=self.type,
            country=self.country.upper() if self.country else None,
            since=self.since,
            until=self.until,
            polarity=None if self.polarity == "any" else self.polarity,
            limit=limit,
            actor=self.actor,
            text=self.q,
            bbox=_bbox(self.bbox) if self.bbox else None,
            min_confidence=self.min_confidence,
        )


def _iso_date(value: Any) -> Any:
    """Dates as YYYY-MM-DD only: pydantic would also read 0 or 1700000000 as a date."""
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


def _bbox(value: str) -> tuple[float, float, float, float]:
    west, south, east, north = (float(v) for v in value.split(","))
    return west, south, east, north


class PageQuery(EventQuery):
    limit: int = Field(50, ge=1, le=500, description="Events per page.")
    cursor: str | None = Field(None, max_length=200, description="next_cursor of the last page.")


class PointsQuery(EventQuery):
    """Filters of the map's points: the event filters, nothing more."""


class HistogramQuery(EventQuery):
    bin: Literal["day", "week"] = Field("day", description="Count per day, or per ISO week.")


class ExportQuery(EventQuery):
    format: Literal["jsonl", "csv", "geojson"] = Field(description="The CLI's export formats.")


class IncidentQuery(BaseModel):
    """Filters of ``GET /api/incidents`` (and of its export)."""

    model_config = _STRICT
    type: Literal[PLOVER_CATEGORIES] | None = Field(None, description="PLOVER category.")  # type: ignore[valid-type]
    country: str | None = Field(
        None, pattern=r"^[A-Za-z]{3}$", description="ISO3 of actor, recipient or place."
    )
    since: IsoDate | None = Field(
        None, description="Incidents on or after this day (incident date, else first reported)."
    )
    until: IsoDate | None = Field(None, description="Incidents on or before this day.")
    bbox: str | None = Field(None, pattern=_BBOX, description="west,south,east,north in degrees.")
    near: str | None = Field(
        None, pattern=_NEAR, description="lat,lon,km: incidents within km of the point."
    )
    min_reports: int = Field(1, ge=1, le=10_000, description="At least this many reports.")

    def to_filter(self) -> IncidentFilter:
        return IncidentFilter(
            type=self.type,
            country=self.country.upper() if self.country else None,
            since=self.since,
            until=self.until,
            near=_near(self.near) if self.near else None,
            min_reports=self.min_reports,
            bbox=_bbox(self.bbox) if self.bbox else None,
        )


def _near(value: str) -> tuple[float, float, float]:
    lat, lon, km = (float(v) for v in value.split(","))
    return lat, lon, km


class IncidentPageQuery(IncidentQuery):
    limit: int = Field(50, ge=1, le=500, description="Incidents per page.")
    cursor: str | None = Field(None, max_length=200, description="next_cursor of the last page.")


class IncidentPointsQuery(IncidentQuery):
    """Filters of the map's incident points: the incident filters, nothing more."""


class IncidentHistogramQuery(IncidentQuery):
    bin: Literal["day", "week"] = Field("day", description="Count per day, or per ISO week.")


class IncidentExportQuery(IncidentQuery):
    format: Literal["jsonl", "csv", "geojson", "acled"] = Field(
        description="The formats of `newsevents incidents --format`."
    )


class ArticleQuery(BaseModel):
    model_config = _STRICT
    limit: int = Field(50, ge=1, le=500)
    cursor: str | None = Field(None, max_length=200)


# --- bodies --------------------------------------------------------------------------------------


class Submission(BaseModel):
    """Articles to process: one text or HTML page, or JSON Lines (one article per line)."""

    model_config = _STRICT
    format: Literal["text", "html", "jsonl"]
    content: str = Field(min_length=1, description="The file's content.")
    name: str = Field("upload", min_length=1, max_length=200, pattern=r"^[^\x00-\x1f/\\]+$")
    published: IsoDate | None = Field(None, description="Publication date of every article.")


class CorrectionIn(BaseModel):
    """An analyst's value for one field; see :data:`CORRECTABLE` for the fields."""

    model_config = _STRICT
    value: str | int | bool | None
    note: str | None = Field(None, max_length=2000)


def check_correction(field: str, value: Any) -> str | None:
    """Why ``value`` cannot correct ``field``, or None when it can."""
    if field == "wrong":
        return None if isinstance(value, bool) else "'wrong' takes true or false"
    if field in ("killed", "injured", "arrested"):
        ok = value is None or (
            isinstance(value, int) and not isinstance(value, bool) and value >= 0
        )
        return None if ok else f"{field} takes a whole number ≥ 0 or null"
    if value is not None and not isinstance(value, str):
        return f"{field} takes a string or null"
    return _check_text(field, value)


def _check_text(field: str, value: str | None) -> str | None:
    if field == "type" and value not in PLOVER_CATEGORIES:
        return f"type must be a PLOVER category ({', '.join(PLOVER_CATEGORIES)})"
    if field == "polarity" and value not in ("asserted", "negated", "hypothetical", "generic"):
        return "polarity must be asserted, negated, hypothetical or generic"
    if field.endswith(".country") and value is not None and not _COUNTRY.match(value):
        return f"{field} must be an upper-case ISO-3166 alpha-3 code (or IGO/NGO) or null"
    if field == "date" and value is not None:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return "date must be YYYY-MM-DD or null"
    return None


# --- responses -----------------------------------------------------------------------------------


class EventPage(BaseModel):
    items: list[dict[str, Any]] = Field(description="Events (record JSON) with their article.")
    next_cursor: str | None = Field(
        description="Pass as cursor for the next page; null at the end."
    )


class PointsOut(BaseModel):
    type: Literal["FeatureCollection"]
    features: list[dict[str, Any]] = Field(
        description="GeoJSON Point features: event_id, type (and incident_id, reports for "
        "incidents, whose event_id is their first event)."
    )


class CorrectionOut(BaseModel):
    event_id: str
    field: str
    value: Any
    note: str | None
    corrected_at: str


class IncidentPage(BaseModel):
    items: list[dict[str, Any]] = Field(description="Incidents (Incident record JSON).")
    next_cursor: str | None = Field(
        description="Pass as cursor for the next page; null at the end."
    )


class IncidentDetail(BaseModel):
    incident: dict[str, Any] = Field(
        description="The merged record; its fields hold every source's value and a disagree flag."
    )
    events: list[dict[str, Any]] = Field(
        description="Its events (record JSON, evidence spans included) with their article."
    )


class IncidentReport(BaseModel):
    event_id: str
    type: str
    trigger: str
    article_id: str
    title: str | None
    source: str | None
    published: str | None


class IncidentLink(BaseModel):
    id: str
    reports: int = Field(description="Independent reports (near-duplicate copies not counted).")
    disagreements: list[str] = Field(description="Fields on which the sources disagree.")
    others: list[IncidentReport] = Field(description="The incident's other events.")


class EventDetail(BaseModel):
    event: dict[str, Any] = Field(description="The event as extracted (record JSON).")
    article: dict[str, Any] = Field(description="Its article, text included: spans index it.")
    corrections: list[CorrectionOut] = Field(description="Analysts' values, apart from the event.")
    article_events: list[dict[str, Any]] = Field(
        description="The other events of the same article: id, type, polarity, trigger."
    )
    incident: IncidentLink | None = Field(
        description="The incident the event was merged into, with its other reports; null when "
        "it is in none (events not asserted are not merged)."
    )


class HistogramBin(BaseModel):
    start: dt.date
    count: int


class HistogramOut(BaseModel):
    bin: Literal["day", "week"]
    counts: list[HistogramBin]


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    origin: str
    events: int


class ArticlePage(BaseModel):
    items: list[ArticleSummary]
    next_cursor: str | None


class ArticleDetail(BaseModel):
    article: dict[str, Any] = Field(description="The article, text included.")
    events: list[dict[str, Any]] = Field(description="All its events, every polarity.")


class JobArticle(BaseModel):
    id: str
    title: str | None
    events: int
    stored: bool = Field(description="False when the article was already stored.")


class JobOut(BaseModel):
    id: str
    kind: Literal["upload", "reprocess"]
    state: Literal["queued", "running", "done", "failed"]
    total: int | None = Field(description="Articles to process; null until they are read.")
    done: int
    articles: list[JobArticle]
    errors: list[str]


# --- cursors -------------------------------------------------------------------------------------


def encode_cursor(key: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> Any:
    """The key a cursor holds; ValueError when it is not one this API made."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        return json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise ValueError("not a cursor") from exc
