"""The HTTP API in-process: filters, pages, evidence, corrections, submissions and safety."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import stat
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsevents.export import write_events
from newsevents.export_incidents import ACLED_COLUMNS, INCIDENT_COLUMNS, write_incidents
from newsevents.records import Article, Doc
from newsevents.settings import Settings
from newsevents.store import Store
from newsevents.store_filters import EventFilter, IncidentFilter
from newsevents.web import create_app
from newsevents.web.security import CSP, resolve_token

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ASSAULT = "2e4091d9b984ffd1-27-0"
STORY = (
    "Police arrested twelve protesters in Nairobi on Tuesday after a march against fuel prices, "
    "officials said.\n"
)


@pytest.fixture
def db(tmp_path: Path, seed_doc: Doc) -> Path:
    path = tmp_path / "web.db"
    with Store.open(path) as store:
        store.save(seed_doc)
    return path


@pytest.fixture
def client(db: Path, pipeline: Any) -> Iterator[TestClient]:
    app = create_app(Settings.load({"db": str(db)}), TOKEN, pipeline=pipeline)
    with TestClient(app) as c:
        yield c


def events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def wait_for(client: TestClient, job: dict[str, Any]) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while job["state"] in ("queued", "running"):
        assert time.monotonic() < deadline, job
        time.sleep(0.1)
        job = client.get(f"/api/jobs/{job['id']}").json()
    return job


# --- reading -------------------------------------------------------------------------------------


def test_web_events_lists_asserted_events_with_their_article(client: TestClient) -> None:
    items = events(client)
    assert len(items) == 9
    assert {e["polarity"] for e in items} == {"asserted"}
    assert items[0]["id"] == ASSAULT
    assert items[0]["article"]["published"] == "2017-11-13"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "ASSAULT"}, {"shot", "wounded"}),
        ({"country": "vnm"}, {"tour"}),
        ({"actor": "Trump"}, {"tour"}),
        ({"q": "hospital"}, {"transferred to hospital"}),
        ({"q": "levied nation"}, {"levied"}),
        ({"bbox": "126,37,127.5,38.5"}, {"shot", "dragged", "transferred to hospital"}),
        ({"polarity": "negated", "type": "ASSAULT"}, {"exchange of fire"}),
        ({"since": "2017-11-14"}, set()),
        ({"min_confidence": 0.99}, set()),
    ],
)
def test_web_events_filters(client: TestClient, params: dict[str, Any], expected: set[str]) -> None:
    assert {e["trigger"]["text"] for e in events(client, **params)} == expected


def test_web_events_text_search_is_not_fts_syntax(client: TestClient) -> None:
    assert events(client, q='shot" OR "tour') == []
    assert events(client, q="NEAR(") == []


def test_web_events_all_polarities(client: TestClient) -> None:
    assert len(events(client, polarity="any")) == 16


def test_web_events_cursor_pages_cover_all_and_stay_stable(
    client: TestClient, db: Path, seed_doc: Doc
) -> None:
    first = client.get("/api/events", params={"limit": 4}).json()
    second = client.get("/api/events", params={"limit": 4, "cursor": first["next_cursor"]}).json()
    # an article stored between two pages, dated before and after them, shifts nothing
    with Store.open(db) as store:
        article = replace(seed_doc.article, id="other", text=seed_doc.article.text + " ")
        store.save(
            Doc(article=article, events=tuple(replace(e, id=f"x{e.id}") for e in seed_doc.events))
        )
    seen = [e["id"] for e in first["items"] + second["items"]]
    cursor = second["next_cursor"]
    while cursor:
        page = client.get("/api/events", params={"limit": 4, "cursor": cursor}).json()
        seen += [e["id"] for e in page["items"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) == 18
    assert seen[:9] == [e["id"] for e in events(client) if not e["id"].startswith("x")]


def test_web_events_histogram_per_day_and_week(client: TestClient) -> None:
    day = client.get("/api/events/histogram").json()
    week = client.get("/api/events/histogram", params={"bin": "week", "polarity": "any"}).json()
    assert day == {"bin": "day", "counts": [{"start": "2017-11-13", "count": 9}]}
    assert week == {"bin": "week", "counts": [{"start": "2017-11-13", "count": 16}]}


def test_web_points_are_the_located_events_of_the_export(client: TestClient) -> None:
    points = client.get("/api/events/points", params={"country": "PRK"}).json()
    export = client.get("/api/export", params={"format": "geojson", "country": "PRK"}).json()
    assert points["type"] == "FeatureCollection" and len(points["features"]) >= 4
    assert [(f["id"], f["geometry"]) for f in points["features"]] == [
        (f["id"], f["geometry"]) for f in export["features"]
    ]
    assert {f["properties"]["type"] for f in points["features"]} >= {"ASSAULT", "AID"}


def test_web_event_has_evidence_spans_into_its_article_text(client: TestClient) -> None:
    body = client.get(f"/api/events/{ASSAULT}").json()
    text, event = body["article"]["text"], body["event"]
    for part in ("trigger", "actor", "recipient", "location", "date"):
        start, end = event[part]["span"]
        assert text[start:end] == event[part]["text"]
    assert text[slice(*event["location"]["span"])] == "Panmunjom"
    assert body["corrections"] == []
    assert len(body["article_events"]) == 15


def test_web_articles_list_and_get(client: TestClient) -> None:
    page = client.get("/api/articles").json()
    assert [(a["id"], a["events"]) for a in page["items"]] == [("2e4091d9b984ffd1", 16)]
    article = client.get("/api/articles/2e4091d9b984ffd1").json()
    assert len(article["events"]) == 16 and article["article"]["text"].startswith("A North")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_web_export_is_the_cli_export(client: TestClient, db: Path, fmt: Any) -> None:
    response = client.get("/api/export", params={"format": fmt, "type": "ASSAULT"})
    expected = io.StringIO(newline="")
    with Store.open(db) as store:
        write_events(store.iter_events(EventFilter(type="ASSAULT")), fmt, expected)
    assert response.status_code == 200
    assert response.text == expected.getvalue()
    assert f"events.{fmt}" in response.headers["content-disposition"]


def test_web_export_csv_rows(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export?format=csv").text)))
    assert len(rows) == 9 and rows[0]["trigger"] == "shot"


# --- incidents -----------------------------------------------------------------------------------

# Two outlets' reports of one bombing, in words of their own, with different death tolls.
WIRE = (
    "A suicide bomber killed 12 people at a crowded market in Maiduguri on Tuesday, "
    "the police said.\n"
)
DAILY = (
    "At least 15 people were killed when a bomber blew himself up at a market in Maiduguri "
    "on Tuesday, witnesses said.\n"
)


@pytest.fixture
def reported(db: Path, pipeline: Any) -> dict[str, Any]:
    """The seed database plus the two reports of the bombing; returns their merged incident."""
    published = dt.date(2019, 3, 13)
    with Store.open(db) as store:
        for id_, text, source in (("wire", WIRE, "Wire Service"), ("daily", DAILY, "Lagos Daily")):
            article = Article(id=id_, text=text, title=source, source=source, published=published)
            store.save(pipeline(article))
        (merged,) = store.iter_incidents(IncidentFilter(min_reports=2))
    return merged.to_dict()


def incidents(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/incidents", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_web_incidents_merge_the_two_reports(client: TestClient, reported: dict[str, Any]) -> None:
    (merged,) = incidents(client, min_reports=2)
    assert merged == reported
    assert merged["type"] == "ASSAULT" and merged["reports"] == 2
    assert merged["articles"] == ["daily", "wire"]
    assert merged["sources"] == ["Lagos Daily", "Wire Service"]
    assert merged["location"]["name"] == "Maiduguri"
    assert merged["casualties"]["killed"] == 12  # the lowest any source states
    assert "killed" in merged["disagreements"]


@pytest.mark.parametrize(
    ("params", "merged"),
    [
        ({"type": "ASSAULT"}, True),
        ({"type": "AID"}, False),
        ({"country": "nga"}, True),
        ({"country": "PRK"}, False),
        ({"since": "2019-03-12", "until": "2019-03-12"}, True),
        ({"until": "2019-03-11"}, False),
        ({"bbox": "13,11,14,12"}, True),
        ({"bbox": "126,37,127.5,38.5"}, False),
        ({"near": "11.85,13.16,10"}, True),
        ({"near": "12.0,8.52,50"}, False),
    ],
)
def test_web_incidents_filters(
    client: TestClient, reported: dict[str, Any], params: dict[str, Any], merged: bool
) -> None:
    found = incidents(client, **params)
    assert (reported["id"] in {i["id"] for i in found}) is merged


def test_web_incidents_min_reports_and_all(client: TestClient, reported: dict[str, Any]) -> None:
    every = incidents(client)
    assert len(every) > 1 and reported["id"] in {i["id"] for i in every}
    assert [i["id"] for i in incidents(client, min_reports=2)] == [reported["id"]]
    assert incidents(client, min_reports=3) == []
    assert {i["first_reported"] for i in every} == {"2017-11-13", "2019-03-13"}


def test_web_incidents_cursor_pages_cover_all_in_order(
    client: TestClient, reported: dict[str, Any], db: Path
) -> None:
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/incidents", params=params).json()
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    with Store.open(db) as store:
        assert seen == [i.id for i in store.iter_incidents()]
    assert len(seen) == len(set(seen)) > 2


def test_web_incident_detail_has_each_source_value_and_the_evidence(
    client: TestClient, reported: dict[str, Any]
) -> None:
    response = client.get(f"/api/incidents/{reported['id']}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["incident"] == reported
    killed = body["incident"]["fields"]["killed"]
    assert killed["disagree"] is True
    assert sorted(v["value"] for v in killed["values"] if v["value"] is not None) == [12, 15]
    assert [e["id"] for e in body["events"]] == reported["events"]
    texts = {"wire": WIRE, "daily": DAILY}
    for event in body["events"]:
        start, end = event["trigger"]["span"]
        assert texts[event["article"]["id"]][start:end] == event["trigger"]["text"]
        assert event["location"]["name"] == "Maiduguri"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson", "acled"])
def test_web_incidents_export_is_the_cli_export(
    client: TestClient, reported: dict[str, Any], db: Path, fmt: Any
) -> None:
    response = client.get("/api/incidents/export", params={"format": fmt, "country": "NGA"})
    expected = io.StringIO(newline="")
    with Store.open(db) as store:
        write_incidents(store.iter_incidents(IncidentFilter(country="NGA")), fmt, expected)
    assert response.status_code == 200, response.text
    assert response.text == expected.getvalue()
    assert "attachment" in response.headers["content-disposition"]


def test_web_incidents_export_rows(client: TestClient, reported: dict[str, Any]) -> None:
    flat = client.get("/api/incidents/export?format=csv&min_reports=2").text
    (row,) = csv.DictReader(io.StringIO(flat))
    assert tuple(row) == INCIDENT_COLUMNS
    assert row["incident_id"] == reported["id"] and row["reports"] == "2"
    acled = client.get("/api/incidents/export?format=acled&min_reports=2").text
    (line,) = csv.DictReader(io.StringIO(acled))
    assert tuple(line) == ACLED_COLUMNS and line["location"] == "Maiduguri"
    geo = client.get("/api/incidents/export?format=geojson&min_reports=2").json()
    assert [f["properties"]["incident_id"] for f in geo["features"]] == [reported["id"]]


def test_web_incident_points_are_the_located_incidents_of_the_export(
    client: TestClient, reported: dict[str, Any]
) -> None:
    points = client.get("/api/incidents/points").json()
    export = client.get("/api/incidents/export", params={"format": "geojson"}).json()
    assert [(f["id"], f["geometry"]) for f in points["features"]] == [
        (f["id"], f["geometry"]) for f in export["features"]
    ]
    (merged,) = [f for f in points["features"] if f["id"] == reported["id"]]
    assert merged["properties"] == {
        "incident_id": reported["id"],
        "event_id": reported["events"][0],
        "type": "ASSAULT",
        "reports": 2,
    }
    only = client.get("/api/incidents/points", params={"min_reports": 2}).json()
    assert [f["id"] for f in only["features"]] == [reported["id"]]


def test_web_incident_histogram_counts_incidents_not_reports(
    client: TestClient, reported: dict[str, Any]
) -> None:
    nga = client.get("/api/incidents/histogram", params={"country": "NGA"}).json()
    assert nga == {"bin": "day", "counts": [{"start": "2019-03-12", "count": 1}]}
    week = client.get("/api/incidents/histogram", params={"bin": "week"}).json()
    total = sum(b["count"] for b in week["counts"])
    assert total == len([i for i in incidents(client) if i["date"] or i["first_reported"]])
    assert {"start": "2019-03-11", "count": 1} in week["counts"]


def test_web_event_links_the_other_reports_of_its_incident(
    client: TestClient, reported: dict[str, Any]
) -> None:
    first, *rest = reported["events"]
    body = client.get(f"/api/events/{first}").json()
    link = body["incident"]
    assert link["id"] == reported["id"] and link["reports"] == 2
    assert "killed" in link["disagreements"]
    assert [o["event_id"] for o in link["others"]] == rest
    assert {o["source"] for o in link["others"]} >= {"Wire Service", "Lagos Daily"} - {
        body["article"]["source"]
    }


def test_web_event_not_merged_has_no_incident(client: TestClient) -> None:
    negated = next(e for e in events(client, polarity="negated"))
    assert client.get(f"/api/events/{negated['id']}").json()["incident"] is None


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/events?colour=red", 422, "invalid_request"),
        ("/api/events?type=BOMB", 422, "invalid_request"),
        ("/api/events?limit=501", 422, "invalid_request"),
        ("/api/events?bbox=1,2,3", 422, "invalid_request"),
        ("/api/events?cursor=bm9wZQ", 400, "invalid_cursor"),
        ("/api/articles?cursor=WyJ4IiwgMV0", 400, "invalid_cursor"),
        ("/api/events/nope", 404, "not_found"),
        ("/api/articles/nope", 404, "not_found"),
        ("/api/incidents/nope", 404, "not_found"),
        ("/api/incidents?cursor=bm9wZQ", 400, "invalid_cursor"),
        ("/api/incidents?min_reports=0", 422, "invalid_request"),
        ("/api/incidents?near=1,2", 422, "invalid_request"),
        ("/api/incidents?actor=x", 422, "invalid_request"),
        ("/api/incidents/export?format=table", 422, "invalid_request"),
        ("/api/jobs/nope", 404, "not_found"),
        ("/api/nothing", 404, "not_found"),
    ],
)
def test_web_errors_are_json_message_and_code(
    client: TestClient, url: str, status: int, code: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["code"] == code and body["message"]
    assert set(body) == {"message", "code"}


def test_web_unexpected_failure_is_a_json_500(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Store, event_id: str) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Store, "event", broken)
    app = create_app(Settings.load({"db": str(db)}), TOKEN)
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get(f"/api/events/{ASSAULT}")
    assert response.status_code == 500
    assert response.json()["code"] == "internal_error" and "fire" not in response.text


# --- corrections ---------------------------------------------------------------------------------


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}])
def test_web_writes_need_the_token(client: TestClient, headers: dict[str, str]) -> None:
    url = f"/api/events/{ASSAULT}/corrections/type"
    response = client.put(url, json={"value": "COERCE"}, headers=headers)
    assert response.status_code == 401 and response.json()["code"] == "unauthorized"
    submit = client.post(
        "/api/articles", json={"format": "text", "content": STORY}, headers=headers
    )
    assert submit.status_code == 401
    assert client.get(f"/api/events/{ASSAULT}").json()["corrections"] == []


def test_web_correction_is_kept_apart_from_the_extracted_value(client: TestClient) -> None:
    url = f"/api/events/{ASSAULT}/corrections/injured"
    saved = client.put(url, json={"value": 2, "note": "both arms"}, headers=AUTH)
    assert saved.status_code == 200
    body = client.get(f"/api/events/{ASSAULT}").json()
    assert body["event"]["casualties"]["injured"] == 1
    assert [(c["field"], c["value"], c["note"]) for c in body["corrections"]] == [
        ("injured", 2, "both arms")
    ]
    assert client.delete(url, headers=AUTH).status_code == 204
    assert client.get(f"/api/events/{ASSAULT}").json()["corrections"] == []
    assert client.delete(url, headers=AUTH).status_code == 404


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("type", "BOMB"),
        ("killed", -1),
        ("killed", "two"),
        ("actor.country", "korea"),
        ("date", "Monday"),
        ("wrong", "yes"),
        ("polarity", "maybe"),
    ],
)
def test_web_correction_rejects_bad_values(client: TestClient, field: str, value: Any) -> None:
    url = f"/api/events/{ASSAULT}/corrections/{field}"
    response = client.put(url, json={"value": value}, headers=AUTH)
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_correction"


def test_web_correction_of_unknown_field_or_event(client: TestClient) -> None:
    bad_field = client.put(
        f"/api/events/{ASSAULT}/corrections/mood", json={"value": 1}, headers=AUTH
    )
    bad_event = client.put("/api/events/nope/corrections/type", json={"value": "AID"}, headers=AUTH)
    assert (bad_field.status_code, bad_event.status_code) == (422, 404)


def test_web_corrections_survive_reprocessing(client: TestClient) -> None:
    client.put(f"/api/events/{ASSAULT}/corrections/wrong", json={"value": True}, headers=AUTH)
    job = client.post("/api/articles/2e4091d9b984ffd1/reprocess", headers=AUTH)
    assert job.status_code == 202
    done = wait_for(client, job.json())
    assert done["state"] == "done" and done["articles"][0]["events"] == 16
    body = client.get(f"/api/events/{ASSAULT}").json()
    assert body["event"]["type"] == "ASSAULT"
    assert [(c["field"], c["value"]) for c in body["corrections"]] == [("wrong", True)]


# --- submissions ---------------------------------------------------------------------------------


def test_web_submit_text_is_processed_and_its_events_listed(client: TestClient) -> None:
    body = {"format": "text", "content": STORY, "name": "kenya.txt", "published": "2024-03-05"}
    response = client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 202
    done = wait_for(client, response.json())
    assert (done["state"], done["total"], done["done"], done["errors"]) == ("done", 1, 1, [])
    assert done["articles"][0]["stored"] and done["articles"][0]["events"] >= 1
    found = events(client, q="arrested protesters", type="COERCE")
    assert [e["trigger"]["text"] for e in found] == ["arrested"]
    assert found[0]["article"]["published"] == "2024-03-05"
    again = wait_for(client, client.post("/api/articles", json=body, headers=AUTH).json())
    assert again["articles"][0]["stored"] is False


def test_web_submit_jsonl_reports_bad_lines_and_goes_on(client: TestClient) -> None:
    lines = [json.dumps({"id": "k1", "text": STORY}), "{not json", json.dumps({"title": "no text"})]
    body = {"format": "jsonl", "content": "\n".join(lines), "name": "batch.jsonl"}
    done = wait_for(client, client.post("/api/articles", json=body, headers=AUTH).json())
    assert (done["state"], done["total"], done["done"]) == ("done", 3, 3)
    assert len(done["articles"]) == 1 and len(done["errors"]) == 2
    assert all(e.startswith("upload:batch.jsonl:") for e in done["errors"])
    assert all("/tmp" not in e for e in done["errors"])


def test_web_submit_html_uses_the_page_text(client: TestClient) -> None:
    html = f"<html><head><title>Fuel</title></head><body><article><p>{STORY}</p></article></body>"
    body = {"format": "html", "content": html, "name": "page.html"}
    done = wait_for(client, client.post("/api/articles", json=body, headers=AUTH).json())
    assert done["state"] == "done" and done["articles"][0]["events"] >= 1


def test_web_submission_body_is_validated(client: TestClient) -> None:
    bad = client.post("/api/articles", json={"format": "pdf", "content": "x"}, headers=AUTH)
    extra = client.post(
        "/api/articles", json={"format": "text", "content": "x", "owner": "me"}, headers=AUTH
    )
    assert (bad.status_code, extra.status_code) == (422, 422)
    assert "owner" in extra.json()["message"]


# --- safety --------------------------------------------------------------------------------------


def test_web_request_over_the_size_limit_is_refused(db: Path) -> None:
    app = create_app(Settings.load({"db": str(db)}), TOKEN, max_body=1000)
    with TestClient(app) as c:
        body = {"format": "text", "content": "word " * 400}
        response = c.post("/api/articles", json=body, headers=AUTH)
        streamed = c.post(
            "/api/articles",
            content=(chunk for chunk in [b"{" + b" " * 800, b" " * 800 + b"}"]),
            headers={**AUTH, "content-type": "application/json"},
        )
    assert response.status_code == 413 and response.json()["code"] == "too_large"
    assert streamed.status_code == 413 and streamed.json()["code"] == "too_large"


@pytest.mark.parametrize("url", ["/api/events", "/api/nothing", "/openapi.json"])
def test_web_every_response_has_a_strict_csp(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    assert headers["content-security-policy"] == CSP
    assert "unsafe" not in CSP and "script-src 'self'" in CSP and "default-src 'none'" in CSP
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example"])
def test_web_foreign_host_is_refused(client: TestClient, host: str) -> None:
    response = client.get("/api/events", headers={"host": host})
    assert response.status_code == 400 and response.json()["code"] == "invalid_host"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:1"])
def test_web_local_host_is_served(client: TestClient, host: str) -> None:
    assert client.get("/api/events", headers={"host": host}).status_code == 200


def test_web_pages_say_how_to_build_them_when_missing(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsevents.web.app.pages_built", lambda: False)
    response = client.get("/")
    assert response.status_code == 503 and "make install" in response.json()["message"]


def test_web_schema_documents_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/incidents",
        "/api/incidents/{incident_id}",
        "/api/incidents/export",
        "/api/articles",
        "/api/export",
    } <= set(schema["paths"])
    put = schema["paths"]["/api/events/{event_id}/corrections/{field}"]["put"]
    assert put["security"] == [{"HTTPBearer": []}]


def test_web_token_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_TOKEN", "from-env")
    assert resolve_token(str(tmp_path)) == ("from-env", None)


def test_web_token_generated_once_and_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSEVENTS_TOKEN", raising=False)
    token, made = resolve_token(str(tmp_path))
    assert made == str(tmp_path / "serve-token") and len(token) >= 24
    assert stat.S_IMODE(Path(made).stat().st_mode) == 0o600
    assert resolve_token(str(tmp_path)) == (token, None)


def test_web_article_record_is_unchanged_by_upload_labels() -> None:
    # origins name the upload, not the temporary file it was read from
    from newsevents.web.jobs import _relabel

    article = Article(id="a", text="t", origin="/tmp/x/upload.jsonl:3")
    relabelled = _relabel(article, "/tmp/x/upload.jsonl", "upload:batch.jsonl")
    assert isinstance(relabelled, Article) and relabelled.origin == "upload:batch.jsonl:3"
