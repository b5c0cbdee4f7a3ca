"""The JSON API under ``/api``: events, incidents, articles, corrections, submissions, exports.

Each resource is its own router; incidents (merged reports, ``/api/incidents``) page and fail the
way events do.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TextIO, cast

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials

from newsevents.export import Format, event_json, write_events
from newsevents.export_incidents import IncidentFormat, write_incidents
from newsevents.records import Incident
from newsevents.store import Store
from newsevents.store_rows import StoredEvent
from newsevents.web.errors import ApiError
from newsevents.web.jobs import Jobs
from newsevents.web.models import (
    ArticleDetail,
    ArticlePage,
    ArticleQuery,
    CorrectableField,
    CorrectionIn,
    CorrectionOut,
    ErrorOut,
    EventDetail,
    EventPage,
    ExportQuery,
    HistogramOut,
    HistogramQuery,
    IncidentDetail,
    IncidentExportQuery,
    IncidentHistogramQuery,
    IncidentPage,
    IncidentPageQuery,
    IncidentPointsQuery,
    JobOut,
    PageQuery,
    PointsOut,
    PointsQuery,
    Submission,
    check_correction,
    decode_cursor,
    encode_cursor,
)
from newsevents.web.security import bearer, check_token

__all__ = ["articles", "events", "incidents", "jobs"]

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Bad request (e.g. a cursor this API did not make)."},
    422: {"model": ErrorOut, "description": "A parameter or body field is invalid."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "Not found."}}
WRITE: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Missing or wrong token."},
    413: {"model": ErrorOut, "description": "Request body too large."},
}
EventId = Annotated[
    str, Path(max_length=200, description="An event id, e.g. 2e4091d9b984ffd1-27-0.")
]
IncidentId = Annotated[str, Path(max_length=200, description="An incident id.")]
ArticleId = Annotated[str, Path(max_length=200, description="An article id (16 hex digits).")]

events = APIRouter(prefix="/api/events", tags=["events"], responses=ERRORS)
incidents = APIRouter(prefix="/api/incidents", tags=["incidents"], responses=ERRORS)
articles = APIRouter(prefix="/api/articles", tags=["articles"], responses=ERRORS)
jobs = APIRouter(prefix="/api", tags=["articles"], responses=ERRORS)


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> None:
    check_token(request, credentials)


Writer = Depends(require_token)


@contextmanager
def open_store(request: Request) -> Iterator[Store]:
    """The app's database, opened in the calling thread (SQLite connections stay in theirs)."""
    with Store.open(request.app.state.settings.db) as store:
        yield store


# --- events --------------------------------------------------------------------------------------


@events.get("", response_model=EventPage, summary="List and filter events")
def list_events(request: Request, query: Annotated[PageQuery, Query()]) -> dict[str, Any]:
    """Events matching every filter given, by day (events without one last), one page at a time.
    Asserted events only unless ``polarity`` says otherwise."""
    after = _event_key(query.cursor) if query.cursor else None
    with open_store(request) as store:
        rows = store.event_page(query.to_filter(), after, query.limit + 1)
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    return {
        "items": [event_json(se) for _, se in rows],
        "next_cursor": encode_cursor(list(rows[-1][0])) if more else None,
    }


def _event_key(cursor: str) -> tuple[str, int]:
    try:
        day, rowid = decode_cursor(cursor)
        if isinstance(day, str) and isinstance(rowid, int):
            return day, rowid
    except (ValueError, TypeError):
        pass
    raise ApiError(400, "invalid_cursor", "cursor is not one this API made; start without it")


@events.get("/histogram", response_model=HistogramOut, summary="Events per day or week")
def histogram(request: Request, query: Annotated[HistogramQuery, Query()]) -> dict[str, Any]:
    """How many matching events fall on each day (or ISO week, by its Monday); days without
    events are left out."""
    with open_store(request) as store:
        days = store.day_counts(query.to_filter())
    return _histogram(days, query.bin)


def _histogram(days: list[tuple[str, int]], size: str) -> dict[str, Any]:
    counts: dict[dt.date, int] = {}
    for day, n in days:
        start = _bin_start(day, size)
        if start is not None:
            counts[start] = counts.get(start, 0) + n
    return {"bin": size, "counts": [{"start": d, "count": n} for d, n in counts.items()]}


def _bin_start(day: str, size: str) -> dt.date | None:
    try:
        date = dt.date.fromisoformat(day)
    except ValueError:
        return None
    return date - dt.timedelta(days=date.weekday()) if size == "week" else date


@events.get("/points", response_model=PointsOut, summary="Located events as GeoJSON points")
def points(request: Request, query: Annotated[PointsQuery, Query()]) -> Response:
    """A GeoJSON FeatureCollection of the matching events that have a place, each with only its
    id and category: what the map draws, light enough for every event at once (the full
    records are in ``/api/export?format=geojson``)."""
    with open_store(request) as store:
        rows = store.points(query.to_filter())
    features = [
        {
            "type": "Feature",
            "id": id_,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"event_id": id_, "type": type_},
        }
        for id_, type_, lat, lon in rows
    ]
    # sent as is: checking thousands of features against PointsOut would take longer than
    # reading them
    return JSONResponse({"type": "FeatureCollection", "features": features})


@events.get("/{event_id}", response_model=EventDetail, responses=NOT_FOUND, summary="One event")
def get_event(request: Request, event_id: EventId) -> dict[str, Any]:
    """The event as extracted, its article with the text every span indexes, the analysts'
    corrections (kept apart), and the ids of the article's other events."""
    with open_store(request) as store:
        se = _found(store.event(event_id), "event", event_id)
        corrections = store.corrections(event_id)
        others = [
            {"id": e.id, "type": e.type, "polarity": e.polarity, "trigger": e.trigger.text}
            for e in store.article_events(se.article.id)
            if e.id != event_id
        ]
        incident = store.event_incident(event_id)
        link = _incident_link(store, incident, event_id) if incident else None
    return {
        "event": se.event.to_dict(),
        "article": _article_json(se),
        "corrections": [vars(c) for c in corrections],
        "article_events": others,
        "incident": link,
    }


def _incident_link(store: Store, incident: Incident, event_id: str) -> dict[str, Any]:
    """The incident of an event, with its other reports: what the event page links to."""
    others = [
        {
            "event_id": se.event.id,
            "type": se.event.type,
            "trigger": se.event.trigger.text,
            "article_id": se.article.id,
            "title": se.article.title,
            "source": se.article.source,
            "published": se.article.published.isoformat() if se.article.published else None,
        }
        for se in store.incident_events(incident)
        if se.event.id != event_id
    ]
    return {
        "id": incident.id,
        "reports": incident.reports,
        "disagreements": list(incident.disagreements),
        "others": others,
    }


def _article_json(se: StoredEvent) -> dict[str, Any]:
    return {**se.article.to_dict(), "text": se.article.text, "origin": se.article.origin}


def _found(value: Any, what: str, key: str) -> Any:
    if value is None:
        raise ApiError(404, "not_found", f"no {what} {key!r} in this database")
    return value


@events.put(
    "/{event_id}/corrections/{field}",
    response_model=CorrectionOut,
    responses={**NOT_FOUND, **WRITE},
    dependencies=[Writer],
    summary="Correct one field of an event",
)
def put_correction(
    request: Request, event_id: EventId, field: CorrectableField, body: CorrectionIn
) -> dict[str, Any]:
    """Store an analyst's value for a field, apart from the extracted one; it survives the
    article being processed again. ``wrong`` = true marks the event as not an event."""
    with open_store(request) as store:
        _found(store.event(event_id), "event", event_id)
        problem = check_correction(field, body.value)
        if problem:
            raise ApiError(422, "invalid_correction", problem)
        return vars(store.correct(event_id, field, body.value, body.note))


@events.delete(
    "/{event_id}/corrections/{field}",
    status_code=204,
    responses={**NOT_FOUND, **WRITE},
    dependencies=[Writer],
    summary="Remove a correction",
)
def delete_correction(request: Request, event_id: EventId, field: CorrectableField) -> Response:
    """Go back to the extracted value."""
    with open_store(request) as store:
        if not store.uncorrect(event_id, field):
            raise ApiError(404, "not_found", f"event {event_id!r} has no correction of {field}")
    return Response(status_code=204)


@jobs.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {t: {} for t in ("application/x-ndjson", "text/csv", "application/geo+json")}
        }
    },
    tags=["events"],
    summary="Export matching events in the CLI's formats",
)
def export(request: Request, query: Annotated[ExportQuery, Query()]) -> StreamingResponse:
    """The files ``newsevents export`` writes (JSON Lines, CSV, GeoJSON) of the events that
    match the filters, spooled to disk when large rather than held in memory."""
    spool = _spool()
    with open_store(request) as store:
        write_events(
            store.iter_events(query.to_filter()), cast(Format, query.format), cast(TextIO, spool)
        )
    return _attachment(spool, f"events.{query.format}", query.format)


def _attachment(spool: Any, name: str, fmt: str) -> StreamingResponse:
    spool.seek(0)
    return StreamingResponse(
        _chunks(spool),
        media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def _spool() -> Any:
    # closed by _chunks once sent
    return tempfile.SpooledTemporaryFile(
        max_size=8_000_000, mode="w+", encoding="utf-8", newline=""
    )


MEDIA_TYPES = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv",
    "geojson": "application/geo+json",
    "acled": "text/csv",
}


def _chunks(spool: Any) -> Iterator[str]:
    with spool:
        while chunk := spool.read(65536):
            yield chunk


# --- incidents -----------------------------------------------------------------------------------


@incidents.get("", response_model=IncidentPage, summary="List and filter incidents")
def list_incidents(
    request: Request, query: Annotated[IncidentPageQuery, Query()]
) -> dict[str, Any]:
    """Incidents (every report of one real-world event merged) matching every filter given, by
    day (incident date, else first publication; undated last) then id, one page at a time."""
    after = _incident_key(query.cursor) if query.cursor else None
    with open_store(request) as store:
        rows = store.incident_page(query.to_filter(), after, query.limit + 1)
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    return {
        "items": [i.to_dict() for _, i in rows],
        "next_cursor": encode_cursor(list(rows[-1][0])) if more else None,
    }


def _incident_key(cursor: str) -> tuple[str, str]:
    try:
        day, id_ = decode_cursor(cursor)
        if isinstance(day, str) and isinstance(id_, str):
            return day, id_
    except (ValueError, TypeError):
        pass
    raise ApiError(400, "invalid_cursor", "cursor is not one this API made; start without it")


@incidents.get("/histogram", response_model=HistogramOut, summary="Incidents per day or week")
def incident_histogram(
    request: Request, query: Annotated[IncidentHistogramQuery, Query()]
) -> dict[str, Any]:
    """How many matching incidents fall on each day (incident date, else first publication) or
    ISO week; days without incidents are left out."""
    with open_store(request) as store:
        days = store.incident_day_counts(query.to_filter())
    return _histogram(days, query.bin)


@incidents.get("/points", response_model=PointsOut, summary="Located incidents as GeoJSON")
def incident_points(request: Request, query: Annotated[IncidentPointsQuery, Query()]) -> Response:
    """A GeoJSON FeatureCollection of the matching located incidents: id, category, reports,
    and the first of their events (whose page links the others)."""
    with open_store(request) as store:
        rows = store.incident_points(query.to_filter())
    features = [
        {
            "type": "Feature",
            "id": id_,
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"incident_id": id_, "event_id": first, "type": type_, "reports": n},
        }
        for id_, type_, lat, lon, first, n in rows
    ]
    return JSONResponse({"type": "FeatureCollection", "features": features})


@incidents.get(
    "/export",
    response_class=StreamingResponse,
    responses={
        200: {
            "content": {t: {} for t in ("application/x-ndjson", "text/csv", "application/geo+json")}
        }
    },
    summary="Export matching incidents in the CLI's formats",
)
def export_incidents(
    request: Request, query: Annotated[IncidentExportQuery, Query()]
) -> StreamingResponse:
    """What ``newsevents incidents --format`` writes (JSON Lines, CSV, GeoJSON, or the
    ACLED-style CSV, which leaves out categories ACLED has no type for) of the matching
    incidents."""
    spool = _spool()
    with open_store(request) as store:
        write_incidents(
            store.iter_incidents(query.to_filter()),
            cast(IncidentFormat, query.format),
            cast(TextIO, spool),
        )
    return _attachment(spool, f"incidents.{_SUFFIX.get(query.format, query.format)}", query.format)


_SUFFIX = {"acled": "acled.csv"}


@incidents.get(
    "/{incident_id}", response_model=IncidentDetail, responses=NOT_FOUND, summary="One incident"
)
def get_incident(request: Request, incident_id: IncidentId) -> dict[str, Any]:
    """The merged record (each field's value from every source, with a flag where they
    disagree) and its events with their articles and evidence spans."""
    with open_store(request) as store:
        incident = _found(store.incident(incident_id), "incident", incident_id)
        members = store.incident_events(incident)
    return {"incident": incident.to_dict(), "events": [event_json(se) for se in members]}


# --- articles ------------------------------------------------------------------------------------


@articles.get("", response_model=ArticlePage, summary="List stored articles")
def list_articles(request: Request, query: Annotated[ArticleQuery, Query()]) -> dict[str, Any]:
    """Articles in the order they were stored, with their number of events."""
    after = _article_key(query.cursor) if query.cursor else None
    with open_store(request) as store:
        rows = store.article_page(after, query.limit + 1)
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    items = [{**a.to_dict(), "origin": a.origin, "events": n} for _, a, n in rows]
    return {"items": items, "next_cursor": encode_cursor(rows[-1][0]) if more else None}


def _article_key(cursor: str) -> int:
    try:
        key = decode_cursor(cursor)
    except ValueError:
        key = None
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    raise ApiError(400, "invalid_cursor", "cursor is not one this API made; start without it")


@articles.get(
    "/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND, summary="One article"
)
def get_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    """The article with its text and every event (all polarities) coded from it."""
    with open_store(request) as store:
        article = _found(store.article(article_id), "article", article_id)
        found = store.article_events(article_id)
    text = {**article.to_dict(), "text": article.text, "origin": article.origin}
    return {"article": text, "events": [e.to_dict() for e in found]}


@articles.post(
    "",
    status_code=202,
    response_model=JobOut,
    responses=WRITE,
    dependencies=[Writer],
    summary="Submit articles for processing",
)
def submit(request: Request, body: Submission) -> dict[str, Any]:
    """Queue a text, an HTML page or JSON Lines for the pipeline; poll ``/api/jobs/{id}`` for
    progress. Articles already stored (same normalised text) are skipped."""
    return _jobs(request).upload(body).to_dict()


@articles.post(
    "/{article_id}/reprocess",
    status_code=202,
    response_model=JobOut,
    responses={**NOT_FOUND, **WRITE},
    dependencies=[Writer],
    summary="Process a stored article again",
)
def reprocess(request: Request, article_id: ArticleId) -> dict[str, Any]:
    """Run the current pipeline over the stored text and replace the article's events;
    corrections stay, attached to the same event ids."""
    with open_store(request) as store:
        article = _found(store.article(article_id), "article", article_id)
    return _jobs(request).reprocess(article).to_dict()


@jobs.get(
    "/jobs/{job_id}", response_model=JobOut, responses=NOT_FOUND, summary="A submission's progress"
)
def get_job(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """How many of the submitted articles are done, with their event counts and any errors."""
    return cast(dict[str, Any], _found(_jobs(request).get(job_id), "job", job_id))


def _jobs(request: Request) -> Jobs:
    return cast(Jobs, request.app.state.jobs)
