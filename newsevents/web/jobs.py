"""Articles submitted over HTTP, processed one job at a time in a background thread.

A job reads its articles with the same reader as ``newsevents ingest`` (so uploads get the same
checks: size, encoding, malformed JSONL lines), runs the pipeline over each and stores it, and
counts its progress as it goes; the upload page polls it. One worker thread holds the pipeline,
loaded on the first job, so models load once and the database sees one writer.
"""

from __future__ import annotations

import tempfile
import threading
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from newsevents.errors import ArticleError, NewsEventsError
from newsevents.pipeline import Pipeline
from newsevents.records import Article
from newsevents.settings import Settings
from newsevents.stages.ingest import read_articles
from newsevents.store import Store
from newsevents.web.models import Submission

__all__ = ["Job", "Jobs"]

SUFFIXES = {"text": ".txt", "html": ".html", "jsonl": ".jsonl"}
KEEP_JOBS = 200
"""Finished jobs remembered for polling; older ones are forgotten."""


@dataclass
class Job:
    """The progress of one submission; changed only under :attr:`Jobs.lock`."""

    id: str
    kind: Literal["upload", "reprocess"]
    state: Literal["queued", "running", "done", "failed"] = "queued"
    total: int | None = None
    done: int = 0
    articles: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "state": self.state,
            "total": self.total,
            "done": self.done,
            "articles": list(self.articles),
            "errors": list(self.errors),
        }


class Jobs:
    """The job queue of one app: submit, poll, close."""

    def __init__(self, settings: Settings, pipeline: Pipeline | None = None) -> None:
        self.settings = settings
        self.lock = threading.Lock()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._executor: ThreadPoolExecutor | None = None
        self.pipeline = pipeline

    def upload(self, submission: Submission) -> Job:
        return self._start("upload", lambda: _read_submission(submission, self.settings), False)

    def reprocess(self, article: Article) -> Job:
        return self._start("reprocess", lambda: [article], True)

    def get(self, job_id: str) -> dict[str, Any] | None:
        with self.lock:
            job = self._jobs.get(job_id)
            return None if job is None else job.to_dict()

    def close(self) -> None:
        """Wait for the running job; forget queued ones. A later submission starts afresh."""
        with self.lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)

    def _start(self, kind: Any, read: Any, replace_stored: bool) -> Job:
        job = Job(uuid.uuid4().hex, kind)
        with self.lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                self._jobs.popitem(last=False)
            if self._executor is None:
                self._executor = ThreadPoolExecutor(1, thread_name_prefix="newsevents-job")
            self._executor.submit(self._run, job, read, replace_stored)
        return job

    def _run(self, job: Job, read: Any, replace_stored: bool) -> None:
        self._set(job, state="running")
        try:
            items = list(read())
            self._set(job, total=len(items))
            with Store.open(self.settings.db) as store:
                for item in items:
                    self._one(job, store, item, replace_stored)
        except Exception as exc:  # a broken database or model: the job fails, the server goes on
            with self.lock:
                job.errors.append(str(exc))
            self._set(job, state="failed")
            return
        self._set(job, state="done")

    def _one(
        self, job: Job, store: Store, item: Article | ArticleError, replace_stored: bool
    ) -> None:
        if isinstance(item, ArticleError):
            self._record(job, error=str(item))
            return
        if not replace_stored and store.has_article(item.id):
            self._record(
                job, article={"id": item.id, "title": item.title, "events": 0, "stored": False}
            )
            return
        self.pipeline = self.pipeline or Pipeline(self.settings)
        try:
            doc = self.pipeline(item)
            store.save(doc, replace=replace_stored)
        except NewsEventsError as exc:
            self._record(job, error=str(exc))
            return
        summary = {"id": item.id, "title": item.title, "events": len(doc.events), "stored": True}
        self._record(job, article=summary)

    def _record(
        self, job: Job, *, article: dict[str, Any] | None = None, error: str | None = None
    ) -> None:
        with self.lock:
            if article is not None:
                job.articles.append(article)
            if error is not None:
                job.errors.append(error)
            job.done += 1

    def _set(self, job: Job, **values: Any) -> None:
        with self.lock:
            for name, value in values.items():
                setattr(job, name, value)


def _read_submission(submission: Submission, settings: Settings) -> list[Article | ArticleError]:
    """The submission's articles, read from a temporary file by ingest's own reader; names in
    errors and origins say ``upload:NAME`` rather than the temporary path."""
    with tempfile.TemporaryDirectory(prefix="newsevents-upload-") as folder:
        path = Path(folder) / f"upload{SUFFIXES[submission.format]}"
        path.write_text(submission.content, encoding="utf-8", newline="")
        items = list(read_articles([str(path)], settings, published=submission.published))
    label = f"upload:{submission.name}"
    return [_relabel(item, str(path), label) for item in items]


def _relabel(item: Article | ArticleError, path: str, label: str) -> Article | ArticleError:
    if isinstance(item, Article):
        return replace(item, origin=item.origin.replace(path, label))
    return ArticleError(item.source.replace(path, label), item.reason, item.fix)
