"""The JSON API under ``/api``: what its routers share.

One router per resource: events (``api_events.py``, with their export at ``/api/export``),
incidents (``api_incidents.py``) and articles (``api_articles.py``, with the submissions' jobs at
``/api/jobs``). Here is what they have in common: the error responses they document, the token
every write needs, the database opened per request, 404s, cursors, histograms, map points and
file downloads. Incidents (merged reports) page and fail the way events do.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials

from newsevents.records import Article
from newsevents.store import Store
from newsevents.web.errors import ApiError
from newsevents.web.models import ErrorOut, decode_cursor, encode_cursor
from newsevents.web.security import bearer, check_token

__all__ = [
    "DOWNLOADS",
    "ERRORS",
    "MEDIA_TYPES",
    "NOT_FOUND",
    "WRITE",
    "Writer",
    "article_json",
    "attachment",
    "bad_cursor",
    "bin_counts",
    "feature_collection",
    "found",
    "next_page",
    "open_store",
    "pair_key",
    "point",
    "spool",
]

T = TypeVar("T")
Row = TypeVar("Row")

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "Bad request (e.g. a cursor this API did not make)."},
    422: {"model": ErrorOut, "description": "A parameter or body field is invalid."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "Not found."}}
WRITE: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "Missing or wrong token."},
    413: {"model": ErrorOut, "description": "Request body too large."},
}
DOWNLOADS: dict[int | str, dict[str, Any]] = {
    200: {"content": {t: {} for t in ("application/x-ndjson", "text/csv", "application/geo+json")}}
}
"""The content types of the exports."""
MEDIA_TYPES = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv",
    "geojson": "application/geo+json",
    "acled": "text/csv",
}


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


def found(value: T | None, what: str, key: str) -> T:
    if value is None:
        raise ApiError(404, "not_found", f"no {what} {key!r} in this database")
    return value


def article_json(article: Article) -> dict[str, Any]:
    """An article with its text (every span indexes it) and where it was read from."""
    return {**article.to_dict(), "text": article.text, "origin": article.origin}


# --- pages ---------------------------------------------------------------------------------------


def next_page(
    rows: list[Row], limit: int, key: Callable[[Row], Any]
) -> tuple[list[Row], str | None]:
    """The rows of a page read with one row more than ``limit``, and the cursor of the page
    after it (None when that extra row was not there)."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, encode_cursor(key(rows[-1]))


def pair_key(cursor: str, second: type[T]) -> tuple[str, T]:
    """The (day, ``second``) key a cursor made by :func:`next_page` holds."""
    try:
        day, last = decode_cursor(cursor)
        if isinstance(day, str) and isinstance(last, second):
            return day, last
    except (ValueError, TypeError):
        pass
    raise bad_cursor()


def bad_cursor() -> ApiError:
    return ApiError(400, "invalid_cursor", "cursor is not one this API made; start without it")


# --- histograms and points -----------------------------------------------------------------------


def bin_counts(days: list[tuple[str, int]], size: str) -> dict[str, Any]:
    """Counts per day summed into bins of ``size`` ("day", or "week" starting on Monday)."""
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


def point(id_: str, lat: float, lon: float, properties: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON point feature."""
    return {
        "type": "Feature",
        "id": id_,
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": properties,
    }


def feature_collection(features: list[dict[str, Any]]) -> JSONResponse:
    # sent as is: checking thousands of features against PointsOut would take longer than
    # reading them
    return JSONResponse({"type": "FeatureCollection", "features": features})


# --- downloads -----------------------------------------------------------------------------------


def spool() -> Any:
    """Where an export is written before it is sent: memory, then disk when large."""
    # closed by _chunks once sent
    return tempfile.SpooledTemporaryFile(
        max_size=8_000_000, mode="w+", encoding="utf-8", newline=""
    )


def attachment(spooled: Any, name: str, fmt: str) -> StreamingResponse:
    """The spooled file sent as a download called ``name``."""
    spooled.seek(0)
    return StreamingResponse(
        _chunks(spooled),
        media_type=MEDIA_TYPES[fmt],
        headers={"content-disposition": f'attachment; filename="{name}"'},
    )


def _chunks(spooled: Any) -> Iterator[str]:
    with spooled:
        while chunk := spooled.read(65536):
            yield chunk
