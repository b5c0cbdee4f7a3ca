"""The articles API: ``/api/articles`` (list, one article, submit, reprocess) and the progress of
submissions at ``/api/jobs``."""

from __future__ import annotations

from typing import Annotated, Any, cast

from fastapi import APIRouter, Path, Query, Request

from newsevents.web import api
from newsevents.web.jobs import Jobs
from newsevents.web.models import (
    ArticleDetail,
    ArticlePage,
    ArticleQuery,
    JobOut,
    Submission,
    decode_cursor,
)

__all__ = ["articles", "jobs"]

ArticleId = Annotated[str, Path(max_length=200, description="An article id (16 hex digits).")]

articles = APIRouter(prefix="/api/articles", tags=["articles"], responses=api.ERRORS)
jobs = APIRouter(prefix="/api", tags=["articles"], responses=api.ERRORS)


@articles.get("", response_model=ArticlePage, summary="List stored articles")
def list_articles(request: Request, query: Annotated[ArticleQuery, Query()]) -> dict[str, Any]:
    """Articles in the order they were stored, with their number of events."""
    after = _article_key(query.cursor) if query.cursor else None
    with api.open_store(request) as store:
        rows = store.article_page(after, query.limit + 1)
    rows, cursor = api.next_page(rows, query.limit, lambda row: row[0])
    items = [{**a.to_dict(), "origin": a.origin, "events": n} for _, a, n in rows]
    return {"items": items, "next_cursor": cursor}


def _article_key(cursor: str) -> int:
    try:
        key = decode_cursor(cursor)
    except ValueError:
        key = None
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    raise api.bad_cursor()


@articles.get(
    "/{article_id}", response_model=ArticleDetail, responses=api.NOT_FOUND, summary="One article"
)
def get_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    """The article with its text and every event (all polarities) coded from it."""
    with api.open_store(request) as store:
        article = api.found(store.article(article_id), "article", article_id)
        found_events = store.article_events(article_id)
    return {"article": api.article_json(article), "events": [e.to_dict() for e in found_events]}


@articles.post(
    "",
    status_code=202,
    response_model=JobOut,
    responses=api.WRITE,
    dependencies=[api.Writer],
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
    responses={**api.NOT_FOUND, **api.WRITE},
    dependencies=[api.Writer],
    summary="Process a stored article again",
)
def reprocess(request: Request, article_id: ArticleId) -> dict[str, Any]:
    """Run the current pipeline over the stored text and replace the article's events;
    corrections stay, attached to the same event ids."""
    with api.open_store(request) as store:
        article = api.found(store.article(article_id), "article", article_id)
    return _jobs(request).reprocess(article).to_dict()


@jobs.get(
    "/jobs/{job_id}",
    response_model=JobOut,
    responses=api.NOT_FOUND,
    summary="A submission's progress",
)
def get_job(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """How many of the submitted articles are done, with their event counts and any errors."""
    return api.found(_jobs(request).get(job_id), "job", job_id)


def _jobs(request: Request) -> Jobs:
    return cast(Jobs, request.app.state.jobs)
