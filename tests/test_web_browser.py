"""The pages in a real browser: Debian's Chromium, headless, driven by Playwright.

The server runs in a thread of the test process on a free port, over a database holding the
seed article. Playwright never downloads a browser: it is given /usr/bin/chromium (installed
by `make test`). With NEWSEVENTS_SCREENSHOTS=DIR set (`make screenshots`), the main pages are
saved there as PNG files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsevents.records import Article, Doc
from newsevents.settings import Settings
from newsevents.store import Store
from newsevents.web import create_app
from newsevents.web.app import pages_built

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN = "browser-token"
ASSAULT = "2e4091d9b984ffd1-27-0"
STORY = (
    "Police arrested twelve protesters in Nairobi on Tuesday after a march against fuel prices, "
    "officials said."
)
HOSTILE = (
    'Police arrested <img src=x onerror="window.pwned=1"> twelve protesters in Mombasa on '
    "Wednesday <script>window.pwned=2</script> after a march, officials said."
)

pytestmark = [
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason=f"{CHROMIUM} is absent: `make test` installs it (apt-get install chromium)",
    ),
    pytest.mark.skipif(not pages_built(), reason="pages not built: run `make install`"),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser") / "browser.db"


@pytest.fixture(scope="module")
def server(db: Path, seed_doc: Doc, pipeline: Any) -> Iterator[str]:
    import uvicorn

    with Store.open(db) as store:
        store.save(seed_doc)
    app = create_app(Settings.load({"db": str(db)}), TOKEN, pipeline=pipeline)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(app, log_level="warning", lifespan="on")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    running.should_exit = True
    thread.join(timeout=30)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    elsewhere: list[str] = []
    page.on(
        "request",
        lambda r: (
            elsewhere.append(r.url) if not r.url.startswith((server, "data:", "blob:")) else None
        ),
    )
    yield page
    context.close()
    assert errors == [], errors  # no script error, no CSP violation
    assert elsewhere == [], elsewhere  # offline: nothing fetched from anywhere but the server


def ready(page: Any) -> None:
    page.wait_for_selector("body[data-state=ready]", timeout=30_000)


def screenshot(page: Any, name: str, *, full_page: bool = True) -> None:
    folder = os.environ.get("NEWSEVENTS_SCREENSHOTS")
    if folder:
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(Path(folder) / name), full_page=full_page)


def poll(page: Any, expression: str, timeout: float = 30.0) -> None:
    """Wait until ``expression`` is true in the page. (Playwright's wait_for_function polls with
    eval, which the pages' Content-Security-Policy rightly forbids.)"""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for {expression}"
        page.wait_for_timeout(100)


def rendered_points(page: Any) -> int:
    """Events drawn on the map (points and clusters), once the map has settled."""
    poll(page, "window.newseventsMap.loaded() && !window.newseventsMap.isMoving()")
    count: int = page.evaluate(
        "window.newseventsMap.queryRenderedFeatures({layers: ['points', 'clusters']})"
        ".reduce((n, f) => n + (f.properties.point_count || 1), 0)"
    )
    return count


def set_token(page: Any) -> None:
    page.fill("#token", TOKEN)
    page.dispatch_event("#token", "change")


# --- the map -------------------------------------------------------------------------------------


def test_web_browser_map_shows_the_seed_events(page: Any) -> None:
    page.goto("/")
    ready(page)
    assert page.locator("#list-body tr").count() == 9
    assert page.get_attribute("#map", "data-points") == "9"
    page.wait_for_timeout(500)
    assert rendered_points(page) == 9
    clustered = page.evaluate(
        "window.newseventsMap.queryRenderedFeatures({layers: ['clusters']})"
        ".reduce((n, f) => n + f.properties.point_count, 0)"
    )
    poll(
        page,
        "[...document.querySelectorAll('.cluster-count')]"
        f".reduce((n, e) => n + Number(e.textContent), 0) === {clustered}",
    )
    assert page.locator("#timeline rect.bar").count() == 1
    assert page.get_attribute("#timeline rect.bar", "data-count") == "9"
    screenshot(page, "map.png")


def test_web_browser_category_filter_updates_map_timeline_and_list(page: Any) -> None:
    page.goto("/")
    ready(page)
    page.select_option("select[name=type]", "ASSAULT")
    poll(page, "document.querySelectorAll('#list-body tr').length === 2")
    ready(page)
    types = page.locator("#list-body tr").evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert types == ["ASSAULT", "ASSAULT"]
    assert page.get_attribute("#map", "data-points") == "2"
    assert page.get_attribute("#timeline rect.bar", "data-count") == "2"
    page.wait_for_timeout(500)
    assert rendered_points(page) == 2


def test_web_browser_map_switches_to_incidents(page: Any, server: str) -> None:
    with urllib.request.urlopen(f"{server}/api/incidents?limit=500") as response:
        expected = json.load(response)["items"]
    located = [i for i in expected if i["location"] and i["location"]["lat"] is not None]
    page.goto("/")
    ready(page)
    page.select_option("select[name=show]", "incidents")
    poll(page, "document.querySelectorAll('#list-body tr[data-incident]').length > 0")
    ready(page)
    rows = page.locator("#list-body tr").evaluate_all("rows => rows.map(r => r.dataset.incident)")
    assert rows == [i["id"] for i in expected]
    assert page.get_attribute("#map", "data-points") == str(len(located))
    assert page.is_disabled("input[name=actor]") and not page.is_disabled("input[name=min_reports]")
    assert page.inner_text("#last-column") == "Reports"
    page.fill("input[name=min_reports]", "2")
    page.dispatch_event("input[name=min_reports]", "change")
    poll(page, "document.querySelectorAll('#list-body tr').length === 0")
    ready(page)
    assert page.get_attribute("#map", "data-points") == "0"


# --- the event page ------------------------------------------------------------------------------


def test_web_browser_assault_event_highlights_its_evidence(page: Any) -> None:
    page.goto("/")
    ready(page)
    page.click("#list-body a:text-is('shot')")
    page.wait_for_url(f"**/events/{ASSAULT}")
    ready(page)
    marks = page.locator("#article mark")
    labelled = dict(
        zip(
            marks.evaluate_all("ms => ms.map(m => m.dataset.labels)"),
            marks.all_inner_texts(),
            strict=True,
        )
    )
    assert labelled["trigger"] == "shot"
    assert labelled["place"] == "Panmunjom"
    assert labelled["actor"] == "his own troops"
    assert labelled["date"] == "Monday"
    assert "recipient" in " ".join(labelled)
    labels = set(page.locator("#article .label").all_inner_texts())
    assert {"trigger", "actor", "recipient", "place", "date"} <= {t.lower() for t in labels}
    screenshot(page, "event.png")


def test_web_browser_correct_a_field(page: Any, server: str) -> None:
    page.goto(f"/events/{ASSAULT}")
    ready(page)
    set_token(page)
    page.select_option("#correct select[name=field]", "type")
    page.fill("#correct input[name=value]", "coerce")
    page.fill("#correct input[name=note]", "a shooting by border guards")
    page.click("#correct button[type=submit]")
    page.wait_for_selector("[data-corrected=type]")
    assert page.inner_text("[data-corrected=type]") == "COERCE (corrected)"
    assert page.inner_text("tr[data-field=type] .superseded") == "ASSAULT"
    body = page.request.get(f"{server}/api/events/{ASSAULT}").json()
    assert [(c["field"], c["value"]) for c in body["corrections"]] == [("type", "COERCE")]
    assert body["event"]["type"] == "ASSAULT"
    page.click("#mark-wrong")
    page.wait_for_selector("#wrong")
    body = page.request.get(f"{server}/api/events/{ASSAULT}").json()
    assert {c["field"]: c["value"] for c in body["corrections"]} == {
        "type": "COERCE",
        "wrong": True,
    }
    screenshot(page, "correction.png", full_page=False)


# --- uploads -------------------------------------------------------------------------------------


def submit(page: Any, text: str, published: str) -> Any:
    page.goto("/upload")
    ready(page)
    set_token(page)
    page.fill("textarea[name=content]", text)
    page.fill("input[name=published]", published)
    page.click("#upload button[type=submit]")
    job = page.locator("section.job").first
    job.locator("li[data-event]").first.wait_for(timeout=120_000)
    assert job.get_attribute("data-state") == "done"
    return job


def test_web_browser_submitted_article_events_appear(page: Any) -> None:
    job = submit(page, STORY, "2024-03-05")
    assert job.locator("progress").get_attribute("value") == "1"
    events = job.locator("li[data-event] a").all_inner_texts()
    assert any(e.startswith("COERCE (asserted): arrested") for e in events)
    screenshot(page, "upload.png")
    page.goto("/")
    ready(page)
    page.fill("input[name=q]", "protesters")
    page.dispatch_event("input[name=q]", "change")
    poll(page, "document.querySelectorAll('#list-body tr[data-type=COERCE]').length === 1")
    assert page.locator("#list-body tr[data-type=COERCE] a").inner_text() == "arrested"


def test_web_browser_files_are_processed_with_their_errors(page: Any) -> None:
    good = '{"id": "f1", "text": "Troops shelled the town of Goma on Monday, officials said."}'
    page.goto("/upload")
    ready(page)
    set_token(page)
    content = f"{good}\n{{broken\n".encode()
    page.set_input_files(
        "input[name=files]",
        files=[{"name": "batch.jsonl", "mimeType": "application/jsonl", "buffer": content}],
    )
    job = page.locator("section.job").first
    job.locator("li[data-event]").first.wait_for(timeout=120_000)
    assert job.locator("h3").inner_text() == "batch.jsonl"
    assert job.locator("progress").get_attribute("max") == "2"
    assert job.locator("li.error").inner_text().startswith("upload:batch.jsonl:2")


def test_web_browser_article_text_is_shown_escaped(page: Any) -> None:
    job = submit(page, HOSTILE, "2024-03-06")
    job.locator("li[data-event] a").first.click()
    ready(page)
    text = page.evaluate(
        "[...document.getElementById('article').childNodes]"
        ".filter(n => !(n.classList && n.classList.contains('label')))"
        ".map(n => n.textContent).join('')"
    )
    assert text == HOSTILE  # every character shown as text, labels aside
    assert page.locator("#article img, #article script").count() == 0
    assert page.evaluate("window.pwned") is None


def test_web_browser_event_page_links_the_other_reports_of_its_incident(
    page: Any, db: Path, pipeline: Any
) -> None:
    """Two outlets' reports of one bombing form one incident: each event page links the other.
    They are stored for this test only, so the map tests see the seed article alone."""
    reports = {
        "wire": "A suicide bomber killed 12 people at a crowded market in Maiduguri on Tuesday.",
        "daily": "At least 15 people were killed when a bomber struck a market in Maiduguri "
        "on Tuesday.",
    }
    with Store.open(db) as store:
        for id_, text in reports.items():
            article = Article(id=id_, text=text, source=id_.title(), published=dt.date(2019, 3, 13))
            store.save(pipeline(article))
        (incident,) = [i for i in store.iter_incidents() if i.reports == 2]
    try:
        first, other = incident.events[0], incident.events[-1]
        page.goto(f"/events/{first}")
        ready(page)
        assert page.get_attribute("#incident", "data-incident") == incident.id
        assert "2 independent reports" in page.inner_text("#incident")
        assert "killed" in page.inner_text("#incident")  # 12 and 15: the sources disagree
        page.click(f"#incident-reports a[href='/events/{other}']")
        page.wait_for_url(f"**/events/{other}")
        ready(page)
        assert page.locator(f"#incident-reports a[href='/events/{first}']").count() == 1
    finally:
        with Store.open(db) as store:
            for id_ in reports:
                store.delete_article(id_)
