"""Ingest: files, folders, globs and stdin in; articles or one clear error per bad input out."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
from pathlib import Path

import pytest

from newsevents.errors import ArticleError
from newsevents.records import Article
from newsevents.settings import Settings
from newsevents.stages.ingest import article_id, read_articles, split_title

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SETTINGS = Settings()


def read(*inputs: str | Path, **kwargs: object) -> list[Article | ArticleError]:
    return list(read_articles([str(i) for i in inputs], SETTINGS, **kwargs))  # type: ignore[arg-type]


def articles(results: list[Article | ArticleError]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def errors(results: list[Article | ArticleError]) -> list[ArticleError]:
    return [r for r in results if isinstance(r, ArticleError)]


def only_error(path: Path) -> ArticleError:
    [result] = read(path)
    assert isinstance(result, ArticleError), result
    return result


# --- identity ----------------------------------------------------------------------------------


def test_ingest_id_ignores_whitespace_and_unicode_composition() -> None:
    composed = "Le président  a parlé.\n"
    decomposed = "Le pre\u0301sident a\nparle\u0301."
    assert article_id(composed) == article_id(decomposed)
    assert len(article_id(composed)) == 16


def test_ingest_id_differs_for_different_text() -> None:
    assert article_id("Troops advanced.") != article_id("Troops retreated.")


def test_ingest_same_text_from_txt_and_jsonl_has_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels seized the town of Kidal at dawn.\n")
    [from_txt] = articles(read(tmp_path / "a.txt"))
    [from_jsonl] = [a for a in articles(read(FIXTURES / "articles.jsonl")) if "Kidal" in a.text]
    assert from_txt.id == from_jsonl.id


# --- .txt --------------------------------------------------------------------------------------


def test_ingest_txt_title_and_exact_body() -> None:
    [article] = articles(read(FIXTURES / "titled.txt"))
    assert article.title == "Police arrest protesters in the capital"
    assert article.text.startswith("Police arrested 12 protesters in Nairobi")
    assert article.text.endswith("oppose a new tax.\n")
    assert article.origin == str(FIXTURES / "titled.txt")


@pytest.mark.parametrize(
    "text",
    [
        "A soldier was shot on Monday.\n\nHe was taken to hospital.\n",  # final period: a sentence
        "Short line\nfollowed directly by more text.\n",  # no blank line after it
        "Only a headline\n\n",  # nothing follows
        "x" * 201 + "\n\nBody.\n",  # too long for a headline
        "Rebels killed 12 soldiers, the army said: “We will respond.”\n\nMore.\n",  # quoted end
        "Did police arrest 3 men in Bamako?\n\nMore.\n",  # a question is a sentence
        "Israeli jets bombed Gaza on Tuesday,\n\nkilling 10.\n",  # a broken sentence
        "Troops left. Talks resumed\n\nMore.\n",  # two sentences
    ],
)
def test_ingest_txt_without_title_keeps_all_text(text: str) -> None:
    assert split_title(text) == (None, text)


def test_ingest_txt_title_after_leading_blank_lines() -> None:
    assert split_title("\n\n  Headline here \n\n\nBody starts.\n") == (
        "Headline here",
        "Body starts.\n",
    )


def test_ingest_txt_crlf_line_endings_normalised(tmp_path: Path) -> None:
    (tmp_path / "win.txt").write_bytes(b"Headline\r\n\r\nFirst line.\r\nSecond line.\r\n")
    [article] = articles(read(tmp_path / "win.txt"))
    assert (article.title, article.text) == ("Headline", "First line.\nSecond line.\n")


# --- .html -------------------------------------------------------------------------------------


def test_ingest_html_main_text_and_metadata() -> None:
    [article] = articles(read(FIXTURES / "article.html"))
    assert article.title == "Ceasefire talks open in Geneva"
    assert article.published == dt.date(2021, 5, 10)
    assert article.source == "Example News"
    assert article.url == "https://news.example.com/world/ceasefire-talks"
    assert article.text.startswith("Delegations from both sides met in Geneva")
    assert "\n\nThe talks follow" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text


def test_ingest_html_without_article_text_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><body><script>var a = 1;</script></body></html>")
    error = only_error(tmp_path / "empty.html")
    assert "no article text" in error.reason and error.fix


# --- .jsonl ------------------------------------------------------------------------------------


def test_ingest_jsonl_fields_and_user_id_in_origin() -> None:
    first = articles(read(FIXTURES / "articles.jsonl"))[0]
    assert first.title == "Troops clash near the border"
    assert first.published == dt.date(2020, 3, 6)
    assert (first.source, first.url) == ("Wire", "https://example.org/a1")
    assert first.origin == f"{FIXTURES / 'articles.jsonl'}:1 (id=a1)"


def test_ingest_jsonl_iso_datetime_published() -> None:
    kidal = [a for a in articles(read(FIXTURES / "articles.jsonl")) if "Kidal" in a.text]
    assert kidal[0].published == dt.date(2020, 3, 7)


def test_ingest_jsonl_html_field_extracted() -> None:
    [geneva] = [a for a in articles(read(FIXTURES / "articles.jsonl")) if "html-only" in a.origin]
    assert geneva.text.startswith("Foreign ministers met in Geneva")
    assert geneva.title == "Ministers meet"


def test_ingest_jsonl_bad_lines_named_and_others_kept() -> None:
    results = read(FIXTURES / "articles.jsonl")
    path = str(FIXTURES / "articles.jsonl")
    assert len(articles(results)) == 3
    by_line = {e.source: e.reason for e in errors(results)}
    assert set(by_line) == {f"{path}:{n}" for n in (3, 5, 6, 7)}
    assert "not valid JSON" in by_line[f"{path}:3"]
    assert "'text' or 'html'" in by_line[f"{path}:5"]
    assert "published" in by_line[f"{path}:6"]
    assert "JSON object" in by_line[f"{path}:7"]


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ('{"text": 42}', "text"),
        ('{"text": "Body.", "title": ["a"]}', "title"),
        ('{"text": "Body.", "published": 20200101}', "published"),
    ],
)
def test_ingest_jsonl_wrong_types_rejected(tmp_path: Path, line: str, field: str) -> None:
    (tmp_path / "x.jsonl").write_text(line + "\n")
    error = only_error(tmp_path / "x.jsonl")
    assert error.source.endswith("x.jsonl:1") and field in error.reason


# --- stdin -------------------------------------------------------------------------------------


def test_ingest_stdin_text_with_title() -> None:
    [article] = articles(read("-", stdin=io.StringIO("Headline\n\nTroops advanced.\n")))
    assert (article.title, article.text, article.origin) == (
        "Headline",
        "Troops advanced.\n",
        "<stdin>",
    )


def test_ingest_stdin_jsonl_detected() -> None:
    stream = io.StringIO('{"text": "One."}\n\n{"text": "Two."}\n')
    results = read("-", stdin=stream)
    assert [a.text for a in articles(results)] == ["One.", "Two."]
    assert [a.origin for a in articles(results)] == ["<stdin>:1", "<stdin>:3"]


def test_ingest_stdin_empty_is_an_error() -> None:
    [error] = read("-", stdin=io.StringIO("  \n"))
    assert isinstance(error, ArticleError) and error.source == "<stdin>"


def test_ingest_stdin_bytes_checked_like_files(caplog: pytest.LogCaptureFixture) -> None:
    latin = io.TextIOWrapper(io.BytesIO("Le président a parlé.".encode("latin-1")))
    with caplog.at_level(logging.WARNING, logger="newsevents.ingest"):
        [article] = articles(read("-", stdin=latin))
    assert article.text == "Le pr\ufffdsident a parl\ufffd."
    assert "<stdin>" in caplog.records[0].getMessage()
    [binary] = read("-", stdin=io.TextIOWrapper(io.BytesIO(b"abc\x00def")))
    assert isinstance(binary, ArticleError) and "NUL" in binary.reason


def test_ingest_stdin_over_size_limit() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b"word " * 100))
    [error] = read_articles(["-"], Settings(max_file_bytes=100), stdin=stream)
    assert isinstance(error, ArticleError) and "over the 100-byte limit" in error.reason


# --- published override ------------------------------------------------------------------------


def test_ingest_published_argument_fills_and_overrides() -> None:
    day = dt.date(2017, 11, 13)
    results = read(FIXTURES / "titled.txt", FIXTURES / "article.html", published=day)
    assert [a.published for a in articles(results)] == [day, day]


# --- folders, globs, order ---------------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "b").mkdir()
    (root / ".hidden").mkdir()
    (root / "b" / "two.txt").write_text("Second article body.\n")
    (root / "one.txt").write_text("First article body.\n")
    (root / ".secret.txt").write_text("Hidden file body.\n")
    (root / ".hidden" / "three.txt").write_text("Hidden folder body.\n")
    (root / "notes.md").write_text("Not an article.\n")


def test_ingest_folder_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    make_tree(tmp_path)
    results = read(tmp_path)
    assert [Path(a.origin).relative_to(tmp_path) for a in articles(results)] == [
        Path("b/two.txt"),
        Path("one.txt"),
    ]
    assert errors(results) == []


def test_ingest_glob_expanded_and_sorted(tmp_path: Path) -> None:
    make_tree(tmp_path)
    results = read(tmp_path / "**" / "*.txt")
    assert [Path(a.origin).name for a in articles(results)] == ["two.txt", "one.txt"]


def test_ingest_glob_without_match_is_an_error(tmp_path: Path) -> None:
    [error] = read(tmp_path / "*.txt")
    assert isinstance(error, ArticleError) and "no files match" in error.reason


def test_ingest_same_file_twice_read_once(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert len(read(tmp_path / "one.txt", tmp_path)) == 2


def test_ingest_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    results = read(tmp_path / "empty.txt", tmp_path / "missing.txt", FIXTURES / "titled.txt")
    assert [type(r) for r in results] == [ArticleError, ArticleError, Article]


# --- bad inputs: one clear error each ----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b" \n\n \n", "empty file"),
        ("image.txt", b"GIF89a\x00\x01\x02", "binary data"),
        ("doc.pdf", b"%PDF-1.4 text", "unknown extension '.pdf'"),
        ("noext", b"Some text.", "unknown extension '(none)'"),
        ("empty.jsonl", b"\n\n", "empty file"),
    ],
)
def test_ingest_bad_file_named_with_reason_and_fix(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(content)
    error = only_error(tmp_path / name)
    assert error.source == str(tmp_path / name)
    assert reason in error.reason
    assert error.fix
    assert str(tmp_path / name) in str(error)


def test_ingest_unknown_extension_lists_supported(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_text("Text.")
    assert ".txt, .html, .htm, .jsonl" in only_error(tmp_path / "a.docx").fix


def test_ingest_file_over_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 50)
    [error] = read_articles([str(tmp_path / "big.txt")], Settings(max_file_bytes=100))
    assert isinstance(error, ArticleError) and "250 bytes, over the 100-byte limit" in error.reason


def test_ingest_nonexistent_path(tmp_path: Path) -> None:
    error = only_error(tmp_path / "nope.txt")
    assert error.reason == "no such file or folder"


def test_ingest_folder_without_supported_files(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("Not an article.")
    error = only_error(tmp_path)
    assert "no supported files" in error.reason


def test_ingest_invalid_utf8_replaced_with_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "latin.txt").write_bytes("Le président a parlé.\n".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="newsevents.ingest"):
        [article] = articles(read(tmp_path / "latin.txt"))
    assert article.text == "Le pr\ufffdsident a parl\ufffd.\n"
    [record] = caplog.records
    assert "latin.txt" in record.getMessage() and "re-encode" in record.getMessage()


def test_ingest_utf8_bom_dropped(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffTroops advanced.\n".encode())
    [article] = articles(read(tmp_path / "bom.txt"))
    assert article.text == "Troops advanced.\n"


def test_ingest_jsonl_lone_surrogates_replaced_and_batch_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "s.jsonl"
    lines = [
        '{"text": "Police arrested 3 men in Lagos \\ud800 on Monday.", "title": "t \\udc80"}',
        '{"text": "Troops shelled Kharkiv on Monday."}',
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = articles(read(path))
    assert len(found) == 2
    assert "\ufffd" in found[0].text and found[0].title == "t \ufffd"
    assert "surrogate" in caplog.text


def test_ingest_stdin_jsonl_with_line_separator_inside_a_string() -> None:
    line = '{"text": "Troops shelled Kharkiv\u2028on Monday.", "published": "2020-01-06"}\n'
    [article] = articles(read("-", stdin=io.StringIO(line)))
    assert article.text == "Troops shelled Kharkiv\u2028on Monday."
    assert article.published is not None


def test_ingest_glob_skips_unsupported_files_like_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels attacked the town.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not an article\n", encoding="utf-8")
    results = read(str(tmp_path / "*"))
    assert errors(results) == []
    assert len(articles(results)) == 1


@pytest.mark.parametrize("value", ["2017-11-13garbage", "2017-11-13T25:00:00", "13/11/2017"])
def test_ingest_jsonl_unreadable_published_is_an_error(tmp_path: Path, value: str) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "Rebels attacked.", "published": value}) + "\n")
    [error] = errors(read(path))
    assert error.source == f"{path}:1" and "published" in str(error)
