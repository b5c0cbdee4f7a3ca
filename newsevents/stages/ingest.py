"""Ingest: turn input files, folders, globs and stdin into :class:`Article` records.

Ingest is the trust boundary of the pipeline, so it checks everything and never raises for one bad
input: each failure becomes an :class:`ArticleError` (file, reason, fix) yielded in place of the
article, and the batch goes on. It is not a ``@stage``: it produces articles rather than
transforming Docs.

Supported inputs:

- ``.txt``: the first non-empty line is the title when it is short, has no final period and is
  followed by a blank line; the rest is the body, kept exactly (spans index it).
- ``.html`` / ``.htm``: main text, title, date, site name and URL extracted with trafilatura.
- ``.jsonl``: one article per line (``id``, ``title``, ``text`` or ``html``, ``published``,
  ``source``, ``url``), each line validated on its own; a bad line names ``path:LINE``.
- ``-``: stdin, read as JSONL when every non-empty line is a JSON object, else as text.

Line endings are normalised to ``\\n`` (as text-mode reading does); nothing else in the body
changes.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import logging
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from newsevents.errors import ArticleError
from newsevents.records import Article
from newsevents.settings import Settings

__all__ = ["SUPPORTED_SUFFIXES", "JsonlArticle", "article_id", "read_articles", "split_title"]

log = logging.getLogger("newsevents.ingest")

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm", ".jsonl")
STDIN = "<stdin>"
MAX_TITLE_CHARS = 200
_GLOB_CHARS = re.compile(r"[*?\[]")
_SUPPORTED_TEXT = ", ".join(SUPPORTED_SUFFIXES)
_SENTENCE_BREAK = re.compile(r"[.?!][\"'”’)]*\s+[A-Z“\"]")
_SURROGATE = re.compile("[\ud800-\udfff]")

Result = Article | ArticleError


def article_id(text: str) -> str:
    """Hash of the normalised text (NFC, whitespace collapsed, stripped), first 16 hex chars.

    Normalising first means the same report read from a .txt, a JSONL line or an HTML page,
    with different line wrapping or Unicode composition, gets the same id and is stored once.
    """
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:16]


def read_articles(
    inputs: Sequence[str],
    settings: Settings,
    *,
    stdin: TextIO | None = None,
    published: dt.date | None = None,
) -> Iterator[Result]:
    """Yield each input's articles, in input order (folders and globs sorted), or its error.

    ``published``, when given, is the publication date of every article read, overriding any the
    input states: the caller said so explicitly.
    """
    seen: set[Path] = set()
    for spec in inputs:
        if spec == "-":
            yield from _stamp(_read_stdin(stdin or sys.stdin, settings), published)
            continue
        for item in _expand(spec):
            if isinstance(item, ArticleError):
                yield item
            elif item.resolve() not in seen:
                seen.add(item.resolve())
                yield from _stamp(_read_file(item, settings), published)


def _stamp(results: Iterable[Result], published: dt.date | None) -> Iterator[Result]:
    for result in results:
        if published is not None and isinstance(result, Article):
            result = replace(result, published=published)
        yield result


# --- finding the files -------------------------------------------------------------------------


def _expand(spec: str) -> Iterator[Path | ArticleError]:
    """The files one input names: itself, a folder's supported files, or a glob's matches."""
    path = Path(spec)
    if path.is_dir():
        yield from _folder_files(path)
    elif path.exists():
        yield path
    elif _GLOB_CHARS.search(spec):
        yield from _glob_files(spec)
    else:
        yield ArticleError(spec, "no such file or folder", "check the path")


def _glob_files(pattern: str) -> Iterator[Path | ArticleError]:
    # glob.glob, not Path.glob: the pattern may be absolute, which Path.glob refuses.
    matches = sorted(glob.glob(pattern, recursive=True))  # noqa: PTH207
    if not matches:
        yield ArticleError(pattern, "no files match this pattern", "check the pattern and quote it")
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _folder_files(path)
        elif not _is_hidden(path.name) and path.suffix.lower() in SUPPORTED_SUFFIXES:
            yield path  # like a folder, a pattern reads what it can and skips the rest


def _folder_files(folder: Path) -> Iterator[Path | ArticleError]:
    """Supported files under ``folder``, recursively, sorted; hidden files and folders skipped."""
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not any(_is_hidden(part) for part in p.relative_to(folder).parts)
    )
    if not files:
        yield ArticleError(
            str(folder),
            f"folder has no supported files ({_SUPPORTED_TEXT})",
            "point at a folder of articles",
        )
    yield from files


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


# --- reading one file --------------------------------------------------------------------------


def _read_file(path: Path, settings: Settings) -> Iterator[Result]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield ArticleError(
            str(path),
            f"unknown extension {suffix or '(none)'!r}",
            f"supported are {_SUPPORTED_TEXT}; rename the file or convert it",
        )
        return
    text = _load_text(path, settings)
    if isinstance(text, ArticleError):
        yield text
    elif suffix == ".jsonl":
        yield from _read_jsonl(text, str(path))
    elif suffix == ".txt":
        yield _from_txt(text, str(path))
    else:
        yield _from_html(text, str(path))


def _load_text(path: Path, settings: Settings) -> str | ArticleError:
    """The file's text, or why it cannot be used: too big, unreadable, binary or empty."""
    try:
        size = path.stat().st_size
        if size > settings.max_file_bytes:
            return _too_big(str(path), size, settings)
        data = path.read_bytes()
    except OSError as exc:
        return ArticleError(
            str(path), f"cannot read file ({exc.strerror})", "check its permissions"
        )
    return _checked_text(data, str(path), settings)


def _checked_text(data: bytes, name: str, settings: Settings) -> str | ArticleError:
    """Checks shared by files and stdin: size, NUL bytes, encoding, emptiness."""
    if len(data) > settings.max_file_bytes:
        return _too_big(name, len(data), settings)
    if b"\0" in data:
        return ArticleError(
            name, "binary data (contains NUL bytes)", "give a text, HTML or JSONL file"
        )
    text = _decode(data, name)
    if not text.strip():
        return ArticleError(name, "empty file", "remove it or add the article text")
    return text


def _too_big(name: str, size: int, settings: Settings) -> ArticleError:
    return ArticleError(
        name,
        f"{size:,} bytes, over the {settings.max_file_bytes:,}-byte limit",
        "split it, or raise the limit with NEWSEVENTS_MAX_FILE_BYTES",
    )


def _decode(data: bytes, name: str) -> str:
    """UTF-8 text with newlines normalised; invalid bytes replaced, with a warning."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        log.warning(
            "%s: not valid UTF-8 (byte %d); undecodable bytes replaced with U+FFFD; "
            "re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)",
            name,
            exc.start,
        )
        text = data.decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_stdin(stream: TextIO, settings: Settings) -> Iterator[Result]:
    """Stdin, read as bytes where it has them so bad encodings get the same checks as files."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read(settings.max_file_bytes + 1)
    else:
        data = stream.read().encode("utf-8", errors="replace")
    text = _checked_text(data, STDIN, settings)
    if isinstance(text, ArticleError):
        yield text
    elif _looks_like_jsonl(text):
        yield from _read_jsonl(text, STDIN)
    else:
        yield _from_txt(text, STDIN)


def _looks_like_jsonl(text: str) -> bool:
    """True when every non-empty line parses as a JSON object (lines split on "\n" only, as
    the reader does: U+2028 may stand unescaped inside a JSON string)."""
    for line in text.split("\n"):
        if not line.strip():
            continue
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except ValueError:
            return False
    return True


# --- formats -----------------------------------------------------------------------------------


def _from_txt(text: str, origin: str) -> Article:
    title, body = split_title(text)
    return Article(id=article_id(body), text=body, title=title, origin=origin)


def split_title(text: str) -> tuple[str | None, str]:
    """(title, body): the first non-empty line is a title when short, without a final period,
    followed by a blank line and then more text; otherwise there is no title and all is body."""
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or first + 2 >= len(lines) or lines[first + 1].strip():
        return None, text
    candidate = lines[first].strip()
    if len(candidate) > MAX_TITLE_CHARS or not _headline(candidate):
        return None, text
    rest = next((i for i in range(first + 2, len(lines)) if lines[i].strip()), None)
    if rest is None:
        return None, text
    return candidate, "\n".join(lines[rest:])


def _headline(line: str) -> bool:
    """Headlines end without sentence punctuation (after any closing quote) and hold one
    sentence at most: a lead paragraph does neither."""
    bare = line.rstrip("\"'”’)]»")
    if not bare or bare[-1] in ".?!,;:":
        return False
    return not _SENTENCE_BREAK.search(line)


@dataclass(frozen=True)
class _Page:
    """What trafilatura found in an HTML page."""

    text: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None


def _extract_html(html: str) -> _Page | None:
    """Main text and metadata of a page; None when no main text can be found.

    Paragraphs are separated by a blank line, as in .txt input, and a first line repeating the
    title is dropped so the headline is not coded twice.
    """
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    meta: dict[str, Any] = found if isinstance(found, dict) else found.as_dict() if found else {}
    lines = [line.strip() for line in str(meta.get("text") or "").split("\n") if line.strip()]
    title = str(meta.get("title") or "").strip() or None
    if len(lines) > 1 and lines[0] == title:
        lines = lines[1:]
    if not lines:
        return None
    return _Page(
        text="\n\n".join(lines),
        title=title,
        published=_parse_date(meta.get("date")),
        source=meta.get("sitename") or None,
        url=meta.get("url") or None,
    )


def _from_html(html: str, origin: str) -> Result:
    page = _extract_html(html)
    if page is None:
        return ArticleError(
            origin,
            "no article text found in the HTML",
            "check it is an article page, or save the article text as .txt",
        )
    return Article(
        id=article_id(page.text),
        text=page.text,
        title=page.title,
        published=page.published,
        source=page.source,
        url=page.url,
        origin=origin,
    )


def _parse_date(value: Any) -> dt.date | None:
    """A date from ``YYYY-MM-DD`` or an ISO datetime; None when absent or unreadable."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None  # "2017-11-13garbage" is not a date: say so rather than guess


class JsonlArticle(BaseModel):
    """One JSONL line, validated: unknown fields are ignored, known ones must have their type."""

    model_config = ConfigDict(extra="ignore")

    id: str | int | None = None
    title: str | None = None
    text: str | None = None
    html: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _published(cls, value: Any) -> dt.date | None:
        if value is not None and not isinstance(value, str):
            raise ValueError("must be a YYYY-MM-DD date or an ISO datetime string")
        date = _parse_date(value)
        if value and value.strip() and date is None:
            raise ValueError(f"{value!r} is not a YYYY-MM-DD date or an ISO datetime")
        return date

    @model_validator(mode="after")
    def _has_text(self) -> JsonlArticle:
        if not (self.text or "").strip() and not (self.html or "").strip():
            raise ValueError("needs a non-empty 'text' or 'html' field")
        return self


def _read_jsonl(text: str, name: str) -> Iterator[Result]:
    lines = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    if not lines:
        yield ArticleError(name, "empty file", "remove it or add one JSON article per line")
    for number, line in lines:
        yield _from_jsonl_line(line, f"{name}:{number}")


def _from_jsonl_line(line: str, where: str) -> Result:
    fix = 'give one JSON object per line with "text" or "html"'
    try:
        raw = json.loads(line)
    except ValueError as exc:
        return ArticleError(where, f"not valid JSON ({exc})", fix)
    if not isinstance(raw, dict):
        return ArticleError(where, f"expected a JSON object, got {type(raw).__name__}", fix)
    try:
        record = JsonlArticle.model_validate(raw)
    except ValidationError as exc:
        return ArticleError(
            where,
            _validation_reason(exc),
            "correct the fields named (text, html, title, source, url: strings; "
            "published: YYYY-MM-DD or an ISO datetime)",
        )
    return _from_record(record, where)


def _without_surrogates(record: JsonlArticle, where: str) -> JsonlArticle:
    """JSON may escape lone UTF-16 surrogates ("\\ud800") that no UTF-8 text can hold:
    replace them with U+FFFD and say so, rather than fail later."""
    fields = ("title", "text", "html", "source", "url")
    bad = [f for f in fields if _SURROGATE.search(getattr(record, f) or "")]
    if not bad:
        return record
    log.warning("%s: lone surrogate escapes in %s replaced with U+FFFD", where, ", ".join(bad))
    cleaned = {f: _SURROGATE.sub("\ufffd", getattr(record, f)) for f in bad}
    return record.model_copy(update=cleaned)


def _validation_reason(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        field = ".".join(str(p) for p in err["loc"])
        msg = str(err["msg"]).removeprefix("Value error, ")
        parts.append(f"{field}: {msg}" if field else msg)
    return "invalid article (" + "; ".join(parts) + ")"


def _from_record(record: JsonlArticle, where: str) -> Result:
    record = _without_surrogates(record, where)
    origin = f"{where} (id={record.id})" if record.id is not None else where
    if record.text and record.text.strip():
        body = record.text.replace("\r\n", "\n").replace("\r", "\n")
        page = _Page(body, None, None, None, None)
    else:
        found = _extract_html(record.html or "")
        if found is None:
            return ArticleError(where, "no article text found in 'html'", "give 'text' instead")
        page = found
    return Article(
        id=article_id(page.text),
        text=page.text,
        title=record.title or page.title,
        published=record.published or page.published,
        source=record.source or page.source,
        url=record.url or page.url,
        origin=origin,
    )
