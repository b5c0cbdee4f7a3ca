"""Near-duplicate articles: syndicated copies and updated versions are linked, others are not."""

from __future__ import annotations

from pathlib import Path

from incident_docs import report

from newsevents.duplicates import bands, signature, similarity
from newsevents.incidents import MergeRules
from newsevents.store import Store

STORY = (
    "A suicide bomber killed at least 12 people at a crowded market in Maiduguri on Tuesday, "
    "police said. Dozens of other shoppers were wounded in the blast, which struck as traders "
    "were opening their stalls. Police spokesman Edet Okon said the attacker had walked into the "
    "fish section before detonating explosives. No group has claimed responsibility, but the city "
    "has been hit repeatedly by militants in the past decade."
)
SYNDICATED = STORY.replace("Tuesday, police said", "Tuesday, police told reporters") + (
    " (Reporting by the Wire Service; editing by the desk.)"
)
OTHER = (
    "Militants attacked a busy market in Maiduguri on Tuesday, killing 15 people and injuring 40, "
    "residents told reporters. Witnesses said a woman carrying a bag blew herself up near the "
    "entrance. Emergency workers carried the injured to the state hospital."
)


def test_duplicates_syndicated_copy_is_similar() -> None:
    assert similarity(signature(STORY), signature(SYNDICATED)) >= 0.8


def test_duplicates_other_report_of_same_event_is_not_similar() -> None:
    assert similarity(signature(STORY), signature(OTHER)) < 0.3


def test_duplicates_copies_share_an_lsh_band() -> None:
    shared = set(bands(signature(STORY), 0.8)) & set(bands(signature(SYNDICATED), 0.8))
    assert shared


def _docs() -> list:
    return [
        report("wire", text=STORY, events=({"killed": 12},)),
        report("herald", published="2019-03-14", text=SYNDICATED, events=({"killed": 12},)),
        report("daily", text=OTHER, events=({"killed": 15},)),
    ]


def test_duplicates_copy_is_linked_not_counted(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        for doc in _docs():
            store.save(doc)
        (incident,) = store.iter_incidents()
        assert incident.copies == (("herald", "wire"),)  # (copy, original): published later
        assert incident.reports == 2
        assert len(incident.articles) == 3
        assert incident.sources == ("Outlet daily", "Outlet wire")


def test_duplicates_link_does_not_depend_on_order(tmp_path: Path) -> None:
    records = []
    for name, docs in (("a", _docs()), ("b", _docs()[::-1])):
        with Store.open(tmp_path / f"{name}.db") as store:
            for doc in docs:
                store.save(doc)
            records.append([i.to_dict() for i in store.iter_incidents()])
    assert records[0] == records[1]


def test_duplicates_threshold_setting_is_used(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db", rules=MergeRules(duplicate_threshold=1.0)) as store:
        for doc in _docs():
            store.save(doc)
        (incident,) = store.iter_incidents()
        assert incident.copies == ()


def test_duplicates_deleting_the_original_frees_the_copy(tmp_path: Path) -> None:
    with Store.open(tmp_path / "d.db") as store:
        for doc in _docs():
            store.save(doc)
        store.delete_article("wire")
        (incident,) = store.iter_incidents()
        assert incident.copies == ()
        assert incident.reports == 2
