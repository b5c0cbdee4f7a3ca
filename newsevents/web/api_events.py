"""The events API: ``/api/events`` (list, histogram, points, one event, corrections) and the
events' export at ``/api/export``."""

from __future__ import annotations

from typing import Annotated, Any, TextIO, cast

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import StreamingResponse

from newsevents.export import Format, event_json, write_events
from newsevents.records import Incident
from newsevents.store import Store
from newsevents.web import api
from newsevents.web.errors import ApiError
from newsevents.web.models import (
    CorrectableField,
    CorrectionIn,
    CorrectionOut,
    EventDetail,
    EventPage,
    ExportQuery,
    HistogramOut,
    HistogramQuery,
    PageQuery,
    PointsOut,
    PointsQuery,
    check_correction,
)

__all__ = ["events", "exports"]

EventId = Annotated[
    str, Path(max_length=200, description="An event id, e.g. 2e4091d9b984ffd1-27-0.")
]

events = APIRouter(prefix="/api/events", tags=["events"], responses=api.ERRORS)
exports = APIRouter(prefix="/api", tags=["events"], responses=api.ERRORS)


@events.get("", response_model=EventPage, summary="List and filter events")
def list_events(request: Request, query: Annotated[PageQuery, Query()]) -> dict[str, Any]:
    """Events matching every filter given, by day (events without one last), one page at a time.
    Asserted events only unless ``polarity`` says otherwise."""
    after = api.pair_key(query.cursor, int) if query.cursor else None
    with api.open_store(request) as store:
        rows = store.event_page(query.to_filter(), after, query.limit + 1)
    rows, cursor = api.next_page(rows, query.limit, lambda row: list(row[0]))
    return {"items": [event_json(se) for _, se in rows], "next_cursor": cursor}


@events.get("/histogram", response_model=HistogramOut, summary="Events per day or week")
def histogram(request: Request, query: Annotated[HistogramQuery, Query()]) -> dict[str, Any]:
    """How many matching events fall on each day (or ISO week, by its Monday); days without
    events are left out."""
    with api.open_store(request) as store:
        days = store.day_counts(query.to_filter())
    return api.bin_counts(days, query.bin)


@events.get("/points", response_model=PointsOut, summary="Located events as GeoJSON points")
def points(request: Request, query: Annotated[PointsQuery, Query()]) -> Response:
    """A GeoJSON FeatureCollection of the matching events that have a place, each with only its
    id and category: what the map draws, light enough for every event at once (the full
    records are in ``/api/export?format=geojson``)."""
    with api.open_store(request) as store:
        rows = store.points(query.to_filter())
    return api.feature_collection(
        [
            api.point(id_, lat, lon, {"event_id": id_, "type": type_})
            for id_, type_, lat, lon in rows
        ]
    )


@events.get("/{event_id}", response_model=EventDetail, responses=api.NOT_FOUND, summary="One event")
def get_event(request: Request, event_id: EventId) -> dict[str, Any]:
    """The event as extracted, its article with the text every span indexes, the analysts'
    corrections (kept apart), and the ids of the article's other events."""
    with api.open_store(request) as store:
        se = api.found(store.event(event_id), "event", event_id)
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
        "article": api.article_json(se.article),
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


@events.put(
    "/{event_id}/corrections/{field}",
    response_model=CorrectionOut,
    responses={**api.NOT_FOUND, **api.WRITE},
    dependencies=[api.Writer],
    summary="Correct one field of an event",
)
def put_correction(
    request: Request, event_id: EventId, field: CorrectableField, body: CorrectionIn
) -> dict[str, Any]:
    """Store an analyst's value for a field, apart from the extracted one; it survives the
    article being processed again. ``wrong`` = true marks the event as not an event."""
    with api.open_store(request) as store:
        api.found(store.event(event_id), "event", event_id)
        problem = check_correction(field, body.value)
        if problem:
            raise ApiError(422, "invalid_correction", problem)
        return vars(store.correct(event_id, field, body.value, body.note))


@events.delete(
    "/{event_id}/corrections/{field}",
    status_code=204,
    responses={**api.NOT_FOUND, **api.WRITE},
    dependencies=[api.Writer],
    summary="Remove a correction",
)
def delete_correction(request: Request, event_id: EventId, field: CorrectableField) -> Response:
    """Go back to the extracted value."""
    with api.open_store(request) as store:
        if not store.uncorrect(event_id, field):
            raise ApiError(404, "not_found", f"event {event_id!r} has no correction of {field}")
    return Response(status_code=204)


@exports.get(
    "/export",
    response_class=StreamingResponse,
    responses=api.DOWNLOADS,
    summary="Export matching events in the CLI's formats",
)
def export(request: Request, query: Annotated[ExportQuery, Query()]) -> StreamingResponse:
    """The files ``newsevents export`` writes (JSON Lines, CSV, GeoJSON) of the events that
    match the filters, spooled to disk when large rather than held in memory."""
    spooled = api.spool()
    with api.open_store(request) as store:
        write_events(
            store.iter_events(query.to_filter()), cast(Format, query.format), cast(TextIO, spooled)
        )
    return api.attachment(spooled, f"events.{query.format}", query.format)
