"""Incidents: which reports merge, the merged record, and that order, re-ingest and delete are safe.

Reports are built by hand (tests/incident_docs.py): several reports of one market bombing in
Maiduguri with different figures and wording, look-alikes (same place on another day, same day in
another city, another country's forces), loose dates and undated articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from incident_docs import KANO, KONDUGA, MAIDUGURI, report

from newsevents.incident_record import Member, build_incident, period_end
from newsevents.incidents import Key, MergeRules, cell_of, cells_near, compatible, haversine_km
from newsevents.records import Acled, Doc, Incident
from newsevents.store import Store
from newsevents.store_filters import IncidentFilter


def _store(tmp_path: Path, docs: list[Doc], name: str = "i.db", **rules: Any) -> Store:
    store = Store.open(tmp_path / name, rules=MergeRules(**rules))
    for doc in docs:
        store.save(doc)
    return store


def _groups(store: Store) -> set[frozenset[str]]:
    return {frozenset(i.events) for i in store.iter_incidents()}


def _snapshot(store: Store) -> dict[str, dict[str, Any]]:
    return {i.id: i.to_dict() for i in store.iter_incidents()}


def _one(store: Store, event_id: str) -> Incident:
    return next(i for i in store.iter_incidents() if event_id in i.events)


# --- which reports merge -------------------------------------------------------------------------


def test_incidents_reports_of_one_event_merge(tmp_path: Path) -> None:
    docs = [
        report("wire", events=({"killed": 12, "injured": 30},)),
        report("daily", events=({"killed": 15, "injured": 40, "place": KONDUGA},)),
        report("post", published="2019-03-14", events=({"killed": 18},)),
    ]
    with _store(tmp_path, docs) as store:
        (incident,) = store.iter_incidents()
        assert incident.reports == 3
        assert incident.articles == ("daily", "post", "wire")


def test_incidents_same_place_different_day_stay_apart(tmp_path: Path) -> None:
    docs = [
        report("market"),
        report("mosque", published="2019-03-23", events=({"date": "2019-03-22"},)),
    ]
    with _store(tmp_path, docs) as store:
        assert _groups(store) == {frozenset({"market-0"}), frozenset({"mosque-0"})}


def test_incidents_same_day_different_place_stay_apart(tmp_path: Path) -> None:
    docs = [report("maiduguri"), report("kano", events=({"place": KANO},))]
    with _store(tmp_path, docs) as store:
        assert len(_groups(store)) == 2


def test_incidents_different_category_or_actor_country_stay_apart(tmp_path: Path) -> None:
    docs = [
        report("a", events=({"actor": "NGA"},)),
        report("b", events=({"actor": "CMR"},)),
        report("c", events=({"type": "PROTEST"},)),
    ]
    with _store(tmp_path, docs) as store:
        assert len(_groups(store)) == 3


def test_incidents_unknown_actor_is_compatible_with_any(tmp_path: Path) -> None:
    docs = [report("a", events=({"actor": "NGA"},)), report("b", events=({"actor": None},))]
    with _store(tmp_path, docs) as store:
        assert len(_groups(store)) == 1


def test_incidents_country_level_places_need_a_shared_country(tmp_path: Path) -> None:
    nigeria = ("Nigeria", 9.0, 8.0)
    coarse = {"place": nigeria, "feature": "country"}
    docs = [
        report("a", events=({**coarse, "recipient": None},)),
        report("b", events=({**coarse, "recipient": None},)),
        report("c", events=({**coarse, "recipient": "NGA"},)),
        report("d", events=({**coarse, "recipient": "NGA"},)),
        report("e", events=({"place": ("Abuja", 9.06, 7.49), "recipient": "NGA"},)),
    ]
    with _store(tmp_path, docs) as store:
        groups = _groups(store)
        assert frozenset({"c-0", "d-0"}) in groups
        assert len(groups) == 4  # a, b, {c, d}, e: a centroid is not a place near Abuja


def test_incidents_distance_setting_is_used(tmp_path: Path) -> None:
    docs = [report("a"), report("b", events=({"place": KONDUGA},))]
    with _store(tmp_path, docs, km=20.0) as store:
        assert len(_groups(store)) == 2


def test_incidents_loose_date_attaches_without_connecting(tmp_path: Path) -> None:
    """ "Earlier this month" fits both attacks of the month but must not make them one."""
    month = {"date": "2019-03-01", "precision": "month", "date_text": "earlier this month"}
    docs = [
        report("market"),
        report("mosque", published="2019-03-20", events=({"date": "2019-03-19"},)),
        report("background", published="2019-03-24", events=(month,)),
    ]
    with _store(tmp_path, docs) as store:
        groups = _groups(store)
        assert len(groups) == 2
        # the 19th is nearer than the 12th to the middle of March
        assert frozenset({"mosque-0", "background-0"}) in groups


def test_incidents_undated_event_joins_by_publication(tmp_path: Path) -> None:
    docs = [report("a"), report("b", published="2019-03-13", events=({"date_text": ""},))]
    with _store(tmp_path, docs) as store:
        assert len(_groups(store)) == 1


def test_incidents_undated_article_is_not_guessed(tmp_path: Path) -> None:
    docs = [report("a"), report("b", published=None, events=({"date": None},))]
    with _store(tmp_path, docs) as store:
        assert len(_groups(store)) == 2
        assert _one(store, "b-0").date is None


def test_incidents_leave_out_non_asserted_events(tmp_path: Path) -> None:
    docs = [report("a", events=({}, {"polarity": "negated"}))]
    with _store(tmp_path, docs) as store:
        (incident,) = store.iter_incidents()
        assert incident.events == ("a-0",)


# --- the record ----------------------------------------------------------------------------------


def test_incidents_record_keeps_lowest_figures_and_flags_disagreement(tmp_path: Path) -> None:
    docs = [
        report("wire", events=({"killed": 12, "injured": 30},)),
        report("daily", events=({"killed": 15},)),
        report("post", events=({"killed": 12},)),
    ]
    with _store(tmp_path, docs) as store:
        (incident,) = store.iter_incidents()
        assert incident.casualties.killed is not None and incident.casualties.killed.value == 12
        assert incident.casualties.injured is not None and incident.casualties.injured.value == 30
        assert incident.casualties.arrested is None
        assert incident.disagreements == ("killed",)
        killed = {r.article_id: r.value for r in incident.fields["killed"].values}
        assert killed == {"wire": 12, "daily": 15, "post": 12}


def test_incidents_record_figure_of_an_article_is_its_largest_or_its_parts_summed(
    tmp_path: Path,
) -> None:
    """An article's own figures are not a range to take the lowest of: "12 killed" in the lead
    and "two of the dead" later give 12; "40 rebels and 12 soldiers" (one act) give 52."""
    lead = {"killed": 12, "count_at": 10}
    later = {"killed": 2, "count_at": 50, "trigger_at": 40}
    rebels = {"killed": 40, "count_at": 10}
    soldiers = {"killed": 12, "count_at": 30}
    docs = [report("a", events=(lead, later)), report("b", events=(rebels, soldiers))]
    with _store(tmp_path, docs) as store:
        (incident,) = store.iter_incidents()
        assert incident.casualties.killed is not None
        assert incident.casualties.killed.value == 12
        store.delete_article("a")
        (incident,) = store.iter_incidents()
        assert incident.casualties.killed is not None
        assert incident.casualties.killed.value == 52


def test_incidents_record_prefers_the_most_precise_date(tmp_path: Path) -> None:
    week = {"date": "2019-03-11", "precision": "week", "date_text": "this week"}
    docs = [report("a", events=(week,)), report("b"), report("c", events=(week,))]
    with _store(tmp_path, docs) as store:
        (incident,) = store.iter_incidents()
        assert incident.date is not None and incident.date.value == "2019-03-12"
        assert "date" not in incident.disagreements  # the week holds the day


ATTACK = Acled("Violence against civilians", "Attack")
CLASH = Acled("Battles", "Armed clash")


def _coded(article_id: str, published: str | None, acled: Acled | None) -> Member:
    """One report whose event has the given ACLED type."""
    doc = report(article_id, published=published)
    return dataclasses.replace(doc.events[0], acled=acled), doc.article


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        # the type most events have, though the earliest report and the first id give another
        (
            [("a", "2019-03-13", ATTACK), ("b", "2019-03-14", CLASH), ("c", "2019-03-15", CLASH)],
            CLASH,
        ),
        # a tie goes to the earliest report, not the first id
        ([("a", "2019-03-15", ATTACK), ("b", "2019-03-13", CLASH)], CLASH),
        ([("a", None, ATTACK), ("b", "2019-03-14", CLASH)], CLASH),  # undated reports come last
        ([("a", "2019-03-13", None), ("b", "2019-03-14", None), ("c", None, ATTACK)], ATTACK),
        ([("a", "2019-03-13", None), ("b", "2019-03-14", None)], None),
    ],
)
def test_incidents_record_acled_type_is_the_most_common(
    reports: list[tuple[str, str | None, Acled | None]], expected: Acled | None
) -> None:
    members = [_coded(*r) for r in reports]
    assert build_incident("i", members).acled == expected
    assert build_incident("i", members[::-1]).acled == expected


def test_incidents_record_round_trips(tmp_path: Path) -> None:
    with _store(tmp_path, [report("a", events=({"killed": 3},)), report("b")]) as store:
        (incident,) = store.iter_incidents()
        assert Incident.from_dict(incident.to_dict()) == incident


def test_incidents_filter_by_reports_type_and_place(tmp_path: Path) -> None:
    docs = [report("a"), report("b"), report("kano", events=({"place": KANO},))]
    with _store(tmp_path, docs) as store:
        assert len(list(store.iter_incidents(IncidentFilter(min_reports=2)))) == 1
        near_kano = IncidentFilter(near=(KANO[1], KANO[2], 10.0))
        assert [i.articles for i in store.iter_incidents(near_kano)] == [("kano",)]
        assert list(store.iter_incidents(IncidentFilter(type="PROTEST"))) == []


# --- re-ingest, delete, order --------------------------------------------------------------------


def test_incidents_reingest_is_a_no_op(tmp_path: Path) -> None:
    docs = [report("a", events=({"killed": 4},)), report("b", events=({"killed": 5},))]
    with _store(tmp_path, docs) as store:
        before = _snapshot(store)
        assert not any(store.save(d) for d in docs)
        assert _snapshot(store) == before


def test_incidents_delete_removes_an_article_contribution(tmp_path: Path) -> None:
    docs = [report("a", events=({"killed": 4},)), report("b", events=({"killed": 2},))]
    with _store(tmp_path, docs) as store:
        store.delete_article("b")
        (incident,) = store.iter_incidents()
        assert incident.articles == ("a",)
        assert incident.casualties.killed is not None and incident.casualties.killed.value == 4
        assert incident.disagreements == ()


def test_incidents_delete_splits_what_an_article_connected(tmp_path: Path) -> None:
    """Day 12 and day 14 are three days apart; day 13 connects them until it is deleted."""
    docs = [
        report("d12"),
        report("d14", published="2019-03-15", events=({"date": "2019-03-14"},)),
        report("d13", events=({"date": "2019-03-13"},)),
    ]
    with _store(tmp_path, docs) as store:
        assert len(_groups(store)) == 1
        store.delete_article("d13")
        assert _groups(store) == {frozenset({"d12-0"}), frozenset({"d14-0"})}


def test_incidents_rebuild_gives_the_incremental_result(tmp_path: Path) -> None:
    docs = [
        report("a"),
        report("b", events=({"killed": 3},)),
        report("k", events=({"place": KANO},)),
    ]
    with _store(tmp_path, docs) as store:
        before = _snapshot(store)
        store.rebuild_incidents()
        assert _snapshot(store) == before


_DAYS = [f"2019-03-{d:02d}" for d in range(10, 17)]
_PLACES = [MAIDUGURI, KONDUGA, KANO, None]
_SPEC = st.fixed_dictionaries(
    {
        "date": st.sampled_from([*_DAYS, None]),
        "place": st.sampled_from(_PLACES),
        "actor": st.sampled_from([None, "NGA", "CMR"]),
        "killed": st.sampled_from([None, 3, 12, 20]),
        "precision": st.sampled_from(["day", "day", "week", "month"]),
    }
)


def _pool(specs: list[list[dict[str, Any]]]) -> list[Doc]:
    docs = []
    for n, events in enumerate(specs):
        shaped = tuple({**e, "date_text": "" if e["date"] is None else "on a day"} for e in events)
        docs.append(report(f"r{n:02d}", published=f"2019-03-{12 + n % 5}", events=shaped))
    return docs


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    specs=st.lists(st.lists(_SPEC, min_size=1, max_size=3), min_size=2, max_size=8),
    data=st.data(),
)
def test_incidents_ingestion_order_does_not_matter(
    tmp_path_factory: pytest.TempPathFactory, specs: list[list[dict[str, Any]]], data: Any
) -> None:
    docs = _pool(specs)
    shuffled = data.draw(st.permutations(docs))
    folder = tmp_path_factory.mktemp("order")
    with _store(folder, docs, "a.db") as a, _store(folder, shuffled, "b.db") as b:
        assert _snapshot(a) == _snapshot(b)
        for doc in shuffled:  # re-ingest: a no-op
            b.save(doc)
        assert _snapshot(a) == _snapshot(b)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    specs=st.lists(st.lists(_SPEC, min_size=1, max_size=3), min_size=2, max_size=8),
    data=st.data(),
)
def test_incidents_delete_equals_never_ingested(
    tmp_path_factory: pytest.TempPathFactory, specs: list[list[dict[str, Any]]], data: Any
) -> None:
    docs = _pool(specs)
    gone = data.draw(st.sets(st.sampled_from([d.article.id for d in docs]), max_size=3))
    folder = tmp_path_factory.mktemp("delete")
    kept = [d for d in docs if d.article.id not in gone]
    with _store(folder, docs, "all.db") as everything, _store(folder, kept, "kept.db") as fresh:
        for article_id in sorted(gone):
            everything.delete_article(article_id)
        assert _snapshot(everything) == _snapshot(fresh)


# --- matching helpers ----------------------------------------------------------------------------


def _key(lat: float | None, lon: float | None, lo: int = 0, **kw: Any) -> Key:
    cell = cell_of(lat, lon) if lat is not None and lon is not None else "-"
    return Key("e", "ASSAULT", cell, lo, lo, lat, lon, kw.get("actor"), None)


@pytest.mark.parametrize("lat", [0.0, 45.0, 60.0, 75.0, -70.0])
def test_incidents_nearby_cells_cover_the_distance(lat: float) -> None:
    rules = MergeRules(km=50.0)
    here = (lat, 179.9)
    for bearing in range(0, 360, 30):
        d_lat = 49.0 / 111.2 * __import__("math").cos(__import__("math").radians(bearing))
        d_lon = 49.0 / (111.2 * __import__("math").cos(__import__("math").radians(lat + d_lat)))
        d_lon *= __import__("math").sin(__import__("math").radians(bearing))
        there = (lat + d_lat, (here[1] + d_lon + 180) % 360 - 180)
        assert haversine_km(*here, *there) <= rules.km
        assert cell_of(*there) in cells_near(*here, rules.km)


def test_incidents_compatible_needs_both_located_or_neither() -> None:
    rules = MergeRules()
    assert compatible(_key(None, None, actor="NGA"), _key(None, None, actor="NGA"), rules)
    assert not compatible(_key(None, None), _key(None, None), rules)  # nothing but a day shared
    assert not compatible(_key(11.8, 13.1), _key(None, None), rules)
    assert not compatible(_key(11.8, 13.1, lo=0), _key(11.8, 13.1, lo=5), rules)


@pytest.mark.parametrize(
    ("start", "precision", "end"),
    [
        (dt.date(2024, 2, 1), "month", dt.date(2024, 2, 29)),
        (dt.date(2023, 12, 1), "month", dt.date(2023, 12, 31)),
        (dt.date(2024, 3, 4), "week", dt.date(2024, 3, 10)),
        (dt.date(9999, 12, 1), "month", dt.date(9999, 12, 31)),  # no January 10000
        (dt.date(9999, 12, 29), "week", dt.date(9999, 12, 31)),
        (dt.date(2024, 3, 4), "day", dt.date(2024, 3, 4)),
    ],
)
def test_incidents_a_period_ends_on_its_last_day_within_the_calendar(
    start: dt.date, precision: str, end: dt.date
) -> None:
    assert period_end(start, precision) == end
