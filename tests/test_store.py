"""Store: migrations, transactional saves, filters, and store → load round trips."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.errors import StoreError
from newsevents.incidents import haversine_km
from newsevents.records import (
    Acled,
    Actor,
    Article,
    Casualties,
    Count,
    Doc,
    Event,
    Place,
    Quote,
    Sentence,
    Trigger,
    When,
)
from newsevents.store import MIGRATIONS, Store
from newsevents.store_filters import EventFilter

TEXT = "Troops shot a soldier near Panmunjom on Monday. Seoul sent aid to Busan."
SEOUL = (37.566, 126.978)
BUSAN = (35.180, 129.076)


def place(name: str, latlon: tuple[float, float], country: str = "KOR") -> Place:
    return Place(name, (0, len(name)), name, 1, latlon[0], latlon[1], country)


def event(
    n: int,
    type: str = "ASSAULT",
    *,
    polarity: Any = "asserted",
    actor: str | None = None,
    recipient: str | None = None,
    location: Place | None = None,
    date: str | None = None,
) -> Event:
    return Event(
        id=f"e{n}",
        type=type,
        trigger=Trigger("shot", (7, 11), "shoot"),
        sentence=Sentence(TEXT[:48], (0, 48)),
        actor=Actor("Troops", (0, 6), country=actor) if actor else None,
        recipient=Actor("a soldier", (12, 21), country=recipient) if recipient else None,
        location=location,
        date=When("on Monday", (38, 47), date, "day") if date else None,
        polarity=polarity,
    )


def doc(*events: Event, published: dt.date | None = dt.date(2017, 11, 13), text: str = TEXT) -> Doc:
    article = Article(
        id=f"art-{text[:12]}", text=text, title="T", published=published, origin="a.txt"
    )
    return Doc(article=article, events=events)


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store.open(tmp_path / "test.db") as s:
        yield s


def ids(store: Store, f: EventFilter) -> list[str]:
    return [se.event.id for se in store.events(f)]


# --- opening and migrating ---------------------------------------------------------------------


def test_store_open_creates_schema_in_wal_mode(tmp_path: Path) -> None:
    with Store.open(tmp_path / "new.db") as s:
        assert s.schema_version == len(MIGRATIONS)
    conn = sqlite3.connect(tmp_path / "new.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")} >= {
        "articles",
        "events",
        "quotes",
    }
    conn.close()


def test_store_reopen_keeps_data(tmp_path: Path) -> None:
    with Store.open(tmp_path / "x.db") as s:
        s.save(doc(event(1)))
    with Store.open(tmp_path / "x.db") as s:
        assert [a.id for a in s.articles()] == [doc().article.id]


def test_store_open_missing_folder_names_path_and_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"nowhere/x\.db.*--db"):
        Store.open(tmp_path / "nowhere" / "x.db")


def test_store_open_non_database_file(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match=r"notes\.db is not a usable newsevents database"):
        Store.open(tmp_path / "notes.db")


def test_store_open_newer_schema_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "future.db")
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StoreError, match="upgrade newsevents"):
        Store.open(tmp_path / "future.db")


# --- saving ------------------------------------------------------------------------------------


def test_store_save_twice_stores_once(store: Store) -> None:
    assert store.save(doc(event(1))) is True
    assert store.save(doc(event(1))) is False
    assert store.count() == (1, 1)
    assert store.has_article(doc().article.id)


def test_store_interrupted_save_leaves_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    original = Event.to_dict

    def fail_on_second(self: Event) -> dict[str, Any]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("disk pulled out")
        return original(self)

    monkeypatch.setattr(Event, "to_dict", fail_on_second)
    with pytest.raises(StoreError, match="nothing of it was stored"):
        store.save(doc(event(1), event(2), event(3)))
    assert calls["n"] == 2
    assert store.count() == (0, 0)
    assert not store.has_article(doc().article.id)


def test_store_keyboard_interrupt_during_save_rolls_back(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(self: Event) -> dict[str, Any]:
        raise KeyboardInterrupt

    monkeypatch.setattr(Event, "to_dict", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.save(doc(event(1)))
    monkeypatch.undo()
    assert store.count() == (0, 0)
    assert store.save(doc(event(1))) is True


def test_store_duplicate_event_id_rolls_back(store: Store) -> None:
    with pytest.raises(StoreError, match=r"a\.txt"):
        store.save(doc(event(1), event(1)))
    assert store.count() == (0, 0)


def test_store_delete_article_cascades(store: Store) -> None:
    d = replace(doc(event(1), event(2)), quotes=(Quote("We will respond", (0, 15)),))
    store.save(d)
    assert store.delete_article(d.article.id) is True
    assert store.count() == (0, 0)
    assert store.quotes(d.article.id) == []
    assert store.delete_article(d.article.id) is False


def test_store_quotes_round_trip(store: Store) -> None:
    speaker = Actor("an official", (20, 31), "Ministry of Defense", "KOR", "GOV", 0.8)
    quotes = (Quote("He was transferred", (1, 19), speaker), Quote("No comment", (40, 50)))
    d = replace(doc(), quotes=quotes)
    store.save(d)
    assert tuple(store.quotes(d.article.id)) == quotes


def test_store_articles_round_trip(store: Store) -> None:
    d = doc()
    d = replace(d, article=replace(d.article, source="Wire", url="https://x.test/1"))
    store.save(d)
    assert store.articles() == [d.article]


# --- filters -----------------------------------------------------------------------------------


@pytest.fixture
def filled(store: Store) -> Store:
    store.save(
        doc(
            event(
                1, actor="PRK", recipient="KOR", location=place("Seoul", SEOUL), date="2017-11-13"
            ),
            event(2, "AID", actor="KOR", location=place("Busan", BUSAN), date="2017-11-20"),
            event(3, polarity="negated", actor="PRK"),
            event(4, "SANCTION", actor="USA", recipient="PRK"),  # no date: article's published
        )
    )
    return store


def test_store_default_filter_is_asserted_only(filled: Store) -> None:
    assert ids(filled, EventFilter()) == ["e1", "e4", "e2"]
    assert set(ids(filled, EventFilter(polarity=None))) == {"e1", "e2", "e3", "e4"}
    assert ids(filled, EventFilter(polarity="negated")) == ["e3"]


def test_store_filter_by_type_case_insensitive(filled: Store) -> None:
    assert ids(filled, EventFilter(type="aid")) == ["e2"]


@pytest.mark.parametrize(
    ("country", "expected"),
    [("PRK", ["e1", "e4"]), ("kor", ["e1", "e2"]), ("USA", ["e4"]), ("FRA", [])],
)
def test_store_filter_country_matches_actor_recipient_or_location(
    filled: Store, country: str, expected: list[str]
) -> None:
    assert ids(filled, EventFilter(country=country)) == expected


def test_store_filter_dates_fall_back_on_published(filled: Store) -> None:
    assert ids(filled, EventFilter(since=dt.date(2017, 11, 14))) == ["e2"]
    assert ids(filled, EventFilter(until=dt.date(2017, 11, 13))) == ["e1", "e4"]
    both = EventFilter(since=dt.date(2017, 11, 13), until=dt.date(2017, 11, 13))
    assert ids(filled, both) == ["e1", "e4"]


def test_store_filter_near_uses_great_circle_distance(filled: Store) -> None:
    assert ids(filled, EventFilter(near=(37.5, 127.0, 25))) == ["e1"]
    assert ids(filled, EventFilter(near=(37.5, 127.0, 400))) == ["e1", "e2"]
    assert ids(filled, EventFilter(near=(0.0, 0.0, 1000))) == []


def test_store_filter_limit(filled: Store) -> None:
    assert ids(filled, EventFilter(limit=2)) == ["e1", "e4"]


def test_store_haversine_known_distance() -> None:
    assert haversine_km(*SEOUL, *BUSAN) == pytest.approx(325, abs=5)
    assert haversine_km(0, 179.5, 0, -179.5) == pytest.approx(111.2, abs=0.5)


def test_store_events_carry_their_article(filled: Store) -> None:
    [first, *_] = filled.events()
    assert first.article == doc().article


# --- round trip property -----------------------------------------------------------------------

texts = st.text(min_size=0, max_size=30)
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))
codes = st.none() | st.sampled_from(["PRK", "KOR", "USA", "IGO", "NGO"])
unit = st.floats(0, 1, allow_nan=False)

actors = st.builds(
    Actor,
    text=texts,
    span=spans,
    name=st.none() | texts,
    country=codes,
    sector=st.none() | st.sampled_from(["GOV", "MIL", "CVL"]),
    confidence=unit,
)
places = st.builds(
    Place,
    text=texts,
    span=spans,
    name=texts,
    geonameid=st.none() | st.integers(1, 10**8),
    lat=st.floats(-90, 90, allow_nan=False),
    lon=st.floats(-180, 180, allow_nan=False),
    country=codes,
    admin1=st.none() | texts,
    feature=st.sampled_from(["", "city", "border"]),
    precision=st.integers(1, 3),
    confidence=unit,
    supplement_id=st.none() | texts,
)
whens = st.builds(
    When,
    text=texts,
    span=spans,
    value=st.none() | st.dates().map(dt.date.isoformat),
    precision=st.sampled_from(["day", "week", "month", "year"]),
    confidence=unit,
)
counts = st.none() | st.builds(Count, value=st.integers(0, 10**6), text=texts, span=spans)
events = st.builds(
    Event,
    id=st.just(""),
    type=st.sampled_from(["ASSAULT", "AID", "SANCTION", "CONSULT", "PROTEST"]),
    trigger=st.builds(Trigger, text=texts, span=spans, lemma=texts),
    sentence=st.builds(Sentence, text=texts, span=spans),
    mode=st.none() | texts,
    context=st.lists(texts, max_size=3).map(tuple),
    actor=st.none() | actors,
    recipient=st.none() | actors,
    location=st.none() | places,
    date=st.none() | whens,
    casualties=st.builds(Casualties, killed=counts, injured=counts, arrested=counts),
    polarity=st.sampled_from(["asserted", "negated", "hypothetical", "generic"]),
    confidence=unit,
    cameo=st.none() | st.sampled_from(["18", "07", "163"]),
    acled=st.none() | st.builds(Acled, event_type=texts, sub_event_type=texts),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(events, max_size=5), st.none() | st.dates(), texts)
def test_store_round_trip_gives_equal_records(
    generated: list[Event], published: dt.date | None, title: str
) -> None:
    evs = tuple(replace(e, id=f"e{i}") for i, e in enumerate(generated))
    d = doc(*evs, published=published)
    d = replace(d, article=replace(d.article, title=title))
    with Store.open(":memory:") as s:
        s.save(d)
        loaded = s.events(EventFilter(polarity=None))
        assert sorted((se.event for se in loaded), key=lambda e: e.id) == list(evs)
        assert all(se.article == d.article for se in loaded)
        assert s.articles() == [d.article]


# --- serve's filters, pages and corrections ------------------------------------------------------


def test_store_filter_actor_words_in_actor_or_recipient(filled: Store) -> None:
    assert ids(filled, EventFilter(actor="SOLDIER")) == ["e1", "e4"]
    assert ids(filled, EventFilter(actor="troops", type="AID")) == ["e2"]
    assert ids(filled, EventFilter(actor="nobody")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aid", ["e2"]),
        ("Busan", ["e2"]),
        ("SANCTION soldier", ["e4"]),
        ('"', []),
        ("x OR", []),
        ("\x00", []),
        ("aid\x00", ["e2"]),
    ],
)
def test_store_filter_full_text(filled: Store, text: str, expected: list[str]) -> None:
    assert ids(filled, EventFilter(text=text)) == expected


def test_store_full_text_forgets_deleted_events(filled: Store) -> None:
    filled.delete_article(doc().article.id)
    assert ids(filled, EventFilter(text="aid", polarity=None)) == []


@pytest.mark.parametrize(
    ("bbox", "expected"),
    [((126.0, 37.0, 128.0, 38.0), ["e1"]), ((120.0, 30.0, 130.0, 40.0), ["e1", "e2"]),
     ((170.0, 30.0, 127.0, 40.0), ["e1"]), ((0.0, 0.0, 10.0, 10.0), [])],
)  # fmt: skip
def test_store_filter_bbox(
    filled: Store, bbox: tuple[float, float, float, float], expected: list[str]
) -> None:
    assert ids(filled, EventFilter(bbox=bbox)) == expected


def test_store_filter_min_confidence(store: Store) -> None:
    store.save(doc(replace(event(1), confidence=0.9), replace(event(2), confidence=0.4)))
    assert ids(store, EventFilter(min_confidence=0.5)) == ["e1"]


def test_store_event_page_continues_after_its_key(filled: Store) -> None:
    first = filled.event_page(EventFilter(), None, 2)
    rest = filled.event_page(EventFilter(), first[-1][0], 10)
    assert [se.event.id for _, se in first + rest] == ids(filled, EventFilter())
    assert [key[0] for key, _ in first + rest] == ["2017-11-13", "2017-11-13", "2017-11-20"]


def test_store_day_counts(filled: Store) -> None:
    assert filled.day_counts(EventFilter(polarity=None)) == [("2017-11-13", 3), ("2017-11-20", 1)]


def test_store_corrections_outlive_reprocessing(filled: Store) -> None:
    filled.correct("e1", "type", "COERCE", note="checked")
    filled.correct("e1", "killed", 2)
    filled.correct("e1", "killed", 3)
    assert filled.save(doc(event(1), event(2)), replace=True)
    assert {c.field: c.value for c in filled.corrections("e1")} == {"killed": 3, "type": "COERCE"}
    assert [e.id for e in filled.article_events(doc().article.id)] == ["e1", "e2"]
    assert filled.uncorrect("e1", "type") and not filled.uncorrect("e1", "type")


def test_store_upgrade_indexes_events_already_stored(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store.open(path) as s:
        s.save(doc(event(1, "AID")))
    # back to the schema before the corrections migration, as an older newsevents left it
    before = next(i for i, m in enumerate(MIGRATIONS) if "CREATE TABLE corrections" in m)
    conn = sqlite3.connect(path)
    conn.executescript(
        "DROP TRIGGER events_fts_insert; DROP TRIGGER events_fts_delete; "
        "DROP INDEX events_day_key; "
        f"DROP TABLE corrections; DROP TABLE events_fts; PRAGMA user_version = {before};"
    )
    conn.close()
    with Store.open(path) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert ids(s, EventFilter(text="aid")) == ["e1"]


@settings(max_examples=25, deadline=None)
@given(size=st.integers(min_value=1, max_value=6), days=st.lists(st.dates(), max_size=12))
def test_store_event_pages_give_every_event_once_in_order(
    tmp_path_factory: pytest.TempPathFactory, size: int, days: list[dt.date]
) -> None:
    path = tmp_path_factory.mktemp("pages") / "p.db"
    with Store.open(path) as s:
        for i, day in enumerate(days):
            date = day.isoformat() if i % 3 else None  # some without a date: the published day
            pair = (event(2 * i, date=date), event(2 * i + 1, date=date))
            assert s.save(doc(*pair, text=f"{i:02d} {TEXT}"))
        seen, key = [], None
        while page := s.event_page(EventFilter(polarity=None), key, size):
            seen += [se.event.id for _, se in page]
            key = page[-1][0]
        assert seen == ids(s, EventFilter(polarity=None))
        assert len(seen) == 2 * len(days)
