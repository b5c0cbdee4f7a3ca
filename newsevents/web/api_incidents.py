"""The incidents API: ``/api/incidents`` (list, histogram, points, export, one incident), every
report of one real-world event merged into one record."""

from __future__ import annotations

from typing import Annotated, Any, TextIO, cast

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import StreamingResponse

from newsevents.export import event_json
from newsevents.export_incidents import IncidentFormat, write_incidents
from newsevents.web import api
from newsevents.web.models import (
    HistogramOut,
    IncidentDetail,
    IncidentExportQuery,
    IncidentHistogramQuery,
    IncidentPage,
    IncidentPageQuery,
    IncidentPointsQuery,
    PointsOut,
)

__all__ = ["incidents"]

IncidentId = Annotated[str, Path(max_length=200, description="An incident id.")]

incidents = APIRouter(prefix="/api/incidents", tags=["incidents"], responses=api.ERRORS)

_SUFFIX = {"acled": "acled.csv"}


@incidents.get("", response_model=IncidentPage, summary="List and filter incidents")
def list_incidents(
    request: Request, query: Annotated[IncidentPageQuery, Query()]
) -> dict[str, Any]:
    """Incidents (every report of one real-world event merged) matching every filter given, by
    day (incident date, else first publication; undated last) then id, one page at a time."""
    after = api.pair_key(query.cursor, str) if query.cursor else None
    with api.open_store(request) as store:
        rows = store.incident_page(query.to_filter(), after, query.limit + 1)
    rows, cursor = api.next_page(rows, query.limit, lambda row: list(row[0]))
    return {"items": [i.to_dict() for _, i in rows], "next_cursor": cursor}


@incidents.get("/histogram", response_model=HistogramOut, summary="Incidents per day or week")
def incident_histogram(
    request: Request, query: Annotated[IncidentHistogramQuery, Query()]
) -> dict[str, Any]:
    """How many matching incidents fall on each day (incident date, else first publication) or
    ISO week; days without incidents are left out."""
    with api.open_store(request) as store:
        days = store.incident_day_counts(query.to_filter())
    return api.bin_counts(days, query.bin)


@incidents.get("/points", response_model=PointsOut, summary="Located incidents as GeoJSON")
def incident_points(request: Request, query: Annotated[IncidentPointsQuery, Query()]) -> Response:
    """A GeoJSON FeatureCollection of the matching located incidents: id, category, reports,
    and the first of their events (whose page links the others)."""
    with api.open_store(request) as store:
        rows = store.incident_points(query.to_filter())
    features = [
        api.point(id_, lat, lon, _incident_point(id_, type_, first, n))
        for id_, type_, lat, lon, first, n in rows
    ]
    return api.feature_collection(features)


def _incident_point(id_: str, type_: str, first: str, reports: int) -> dict[str, Any]:
    return {"incident_id": id_, "event_id": first, "type": type_, "reports": reports}


@incidents.get(
    "/export",
    response_class=StreamingResponse,
    responses=api.DOWNLOADS,
    summary="Export matching incidents in the CLI's formats",
)
def export_incidents(
    request: Request, query: Annotated[IncidentExportQuery, Query()]
) -> StreamingResponse:
    """What ``newsevents incidents --format`` writes (JSON Lines, CSV, GeoJSON, or the
    ACLED-style CSV, which leaves out categories ACLED has no type for) of the matching
    incidents."""
    spooled = api.spool()
    with api.open_store(request) as store:
        write_incidents(
            store.iter_incidents(query.to_filter()),
            cast(IncidentFormat, query.format),
            cast(TextIO, spooled),
        )
    name = f"incidents.{_SUFFIX.get(query.format, query.format)}"
    return api.attachment(spooled, name, query.format)


@incidents.get(
    "/{incident_id}", response_model=IncidentDetail, responses=api.NOT_FOUND, summary="One incident"
)
def get_incident(request: Request, incident_id: IncidentId) -> dict[str, Any]:
    """The merged record (each field's value from every source, with a flag where they
    disagree) and its events with their articles and evidence spans."""
    with api.open_store(request) as store:
        incident = api.found(store.incident(incident_id), "incident", incident_id)
        members = store.incident_events(incident)
    return {"incident": incident.to_dict(), "events": [event_json(se) for se in members]}
