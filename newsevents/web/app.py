"""The application factory: the API routers, the pages, static assets and the safety layers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from newsevents.pipeline import Pipeline
from newsevents.settings import Settings
from newsevents.store import Store
from newsevents.web.api_articles import articles, jobs
from newsevents.web.api_events import events, exports
from newsevents.web.api_incidents import incidents
from newsevents.web.errors import error, install_handlers
from newsevents.web.jobs import Jobs
from newsevents.web.security import BodyLimit, HostCheck, SecurityHeaders

__all__ = ["LOCAL_HOSTS", "PAGES", "STATIC", "create_app", "pages_built"]

HERE = Path(__file__).parent
PAGES = HERE / "pages"
STATIC = HERE / "static"
BUILT = STATIC / "dist"
LOCAL_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "testserver")
NOT_BUILT = (
    "the pages are not built: run `make install` (it runs `npm ci && npm run build` in web/)"
)


def pages_built() -> bool:
    """True when ``web/``'s build output is in place (it is not in the repository)."""
    return (BUILT / "map.js").is_file()


def create_app(
    settings: Settings,
    token: str,
    *,
    pipeline: Pipeline | None = None,
    hosts: Sequence[str] = LOCAL_HOSTS,
    max_body: int | None = None,
) -> FastAPI:
    """The app serving ``settings.db``; writes need ``token``; requests must name one of
    ``hosts`` (a guard against DNS rebinding) and carry at most ``max_body`` bytes (default:
    twice the largest input file, room for JSON escaping). ``pipeline``, when given, is used
    instead of loading one on the first submission."""
    Store.open(settings.db).close()  # create and migrate now, not on the first request
    state_jobs = Jobs(settings, pipeline)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        state_jobs.close()

    app = FastAPI(
        title="newsevents",
        summary="Geocoded, evidenced political and conflict events from news articles.",
        version="0.1.0",
        lifespan=lifespan,
        docs_url=None,  # the interactive docs load their scripts from a CDN: not offline, not CSP
        redoc_url=None,
    )
    app.state.settings, app.state.token, app.state.jobs = settings, token, state_jobs
    install_handlers(app)
    for router in (events, incidents, articles, exports, jobs):
        app.include_router(router)
    _pages(app)
    app.add_middleware(BodyLimit, limit=max_body or 2 * settings.max_file_bytes)
    app.add_middleware(HostCheck, hosts=hosts)
    app.add_middleware(SecurityHeaders)
    return app


def _pages(app: FastAPI) -> None:
    """The three pages (static HTML filled in by the built scripts) and their assets."""
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")

    def page(name: str) -> Response:
        if not pages_built():
            return error(503, "pages_not_built", NOT_BUILT)
        return FileResponse(PAGES / name, media_type="text/html")

    @app.get("/", include_in_schema=False)
    def map_page() -> Response:
        return page("map.html")

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(event_id: str) -> Response:
        return page("event.html")

    @app.get("/upload", include_in_schema=False)
    def upload_page() -> Response:
        return page("upload.html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon(request: Request) -> Response:
        return Response(status_code=204)
