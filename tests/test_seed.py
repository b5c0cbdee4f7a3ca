"""The seed article end to end: the foundation issue's acceptance, and a golden file.

The acceptance tests state what an analyst must get from the article. The golden test pins the
whole output, field by field, so any change in it is seen and reviewed: after a deliberate change,
regenerate with `make golden` and read the diff.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsevents.pipeline import Pipeline
from newsevents.records import Actor, Doc, Event
from newsevents.settings import Settings
from newsevents.stages.ingest import read_articles

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_c4c52226bb212c5f.txt"
GOLDEN = Path(__file__).parent / "golden" / "seed.json"
PANMUNJOM = (37.956, 126.677)

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED}")


@pytest.fixture(scope="module")
def doc() -> Doc:
    settings = Settings.load()
    (article,) = read_articles([str(SEED)], settings, published=dt.date(2017, 11, 13))
    assert not isinstance(article, Exception), article
    return Pipeline(settings)(article)


def _asserted(doc: Doc, kind: str) -> list[Event]:
    return [e for e in doc.events if e.type == kind and e.polarity == "asserted"]


def _who(actor: Actor | None) -> tuple[str | None, str | None]:
    return (actor.country, actor.sector) if actor else (None, None)


def _km(lat: float, lon: float, ref: tuple[float, float]) -> float:
    dlat, dlon = math.radians(lat - ref[0]), math.radians(lon - ref[1])
    a = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat)) * math.cos(math.radians(ref[0])) * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(a))


def test_seed_assault_by_north_korean_troops_at_panmunjom(doc: Doc) -> None:
    shot = next(e for e in _asserted(doc, "ASSAULT") if e.trigger.text == "shot")
    assert shot.mode == "firearms"
    assert _who(shot.actor) == ("PRK", "MIL")
    assert shot.recipient is not None and shot.recipient.country == "PRK"
    assert shot.location is not None
    assert _km(shot.location.lat, shot.location.lon, PANMUNJOM) <= 25
    assert shot.location.country in ("KOR", "PRK")
    assert shot.date is not None and shot.date.value == "2017-11-13"
    assert shot.date.text.endswith("Monday")
    assert shot.casualties.injured is not None and shot.casualties.injured.value == 1
    assert shot.casualties.killed is None


def test_seed_aid_by_south_korean_troops_and_un_command(doc: Doc) -> None:
    aid = _asserted(doc, "AID")
    rescue = next(e for e in aid if _who(e.actor) == ("KOR", "MIL"))
    assert rescue.location is not None and rescue.location.name == "Panmunjom"
    evacuation = next(e for e in aid if e.actor and e.actor.country == "IGO")
    assert evacuation.actor is not None and evacuation.actor.name == "United Nations Command"


def test_seed_sanctions_by_us_and_un_on_north_korea(doc: Doc) -> None:
    sanctions = _asserted(doc, "SANCTION")
    assert {e.actor.country for e in sanctions if e.actor} >= {"USA", "IGO"}
    assert all(e.recipient and e.recipient.country == "PRK" for e in sanctions)


def test_seed_consult_trump_tour(doc: Doc) -> None:
    tour = [e for e in _asserted(doc, "CONSULT") if e.actor and e.actor.country == "USA"]
    assert {_who(e.actor) for e in tour} == {("USA", "GOV")}
    assert {e.actor.name for e in tour if e.actor} == {"Donald Trump"}
    assert {e.recipient.country for e in tour if e.recipient} >= {"KOR", "VNM", "CHN"}


def test_seed_quote_attributed_to_south_korean_official(doc: Doc) -> None:
    quote = next(q for q in doc.quotes if q.text.startswith("The defector was urgently"))
    assert quote.speaker is not None
    assert "Ministry of Defense official" in quote.speaker.text
    assert _who(quote.speaker) == ("KOR", "GOV")


@pytest.mark.parametrize(
    ("words", "polarity"),
    [
        ("exchange of fire", "negated"),
        ("shoot", "generic"),
        ("kill", "generic"),
    ],
)
def test_seed_non_events_are_not_asserted(doc: Doc, words: str, polarity: str) -> None:
    matching = [e for e in doc.events if e.trigger.text == words]
    assert matching, f"no event with trigger {words!r}"
    assert {e.polarity for e in matching} == {polarity}


def test_seed_nothing_asserted_from_generic_or_hypothetical_sentences(doc: Doc) -> None:
    quiet = ("face the risk", "may prompt a surge", "are instructed to shoot")
    for event in doc.events:
        if any(q in event.sentence.text for q in quiet):
            assert event.polarity != "asserted", event.trigger.text


def test_seed_every_span_points_at_its_words(doc: Doc) -> None:
    text = doc.article.text
    for event in doc.events:
        parts = [event.trigger, event.sentence, event.actor, event.recipient, event.location]
        parts += [event.date, event.casualties.injured, event.casualties.killed]
        for part in parts:
            if part is not None:
                start, end = part.span
                assert text[start:end] == part.text


def test_seed_matches_golden_file(doc: Doc) -> None:
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    actual = json.loads(json.dumps(doc.to_dict(include_all=True)))
    differences = list(_diff(expected, actual))
    assert not differences, "output differs from tests/golden/seed.json:\n" + "\n".join(
        differences[:40]
    )


def _diff(expected: Any, actual: Any, path: str = "") -> Iterator[str]:
    """Field-by-field differences, as readable `path: expected → actual` lines."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual)):
            if key not in actual or key not in expected:
                was, now = expected.get(key, "<missing>"), actual.get(key, "<missing>")
                yield f"{path}.{key}: {was!r} → {now!r}"
            else:
                yield from _diff(expected[key], actual[key], f"{path}.{key}")
    elif isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            yield f"{path}: {len(expected)} items → {len(actual)} items"
        for i, (e, a) in enumerate(zip(expected, actual, strict=False)):
            yield from _diff(e, a, f"{path}[{i}]")
    elif isinstance(expected, float) and isinstance(actual, float):
        if not math.isclose(expected, actual, abs_tol=1e-4):
            yield f"{path}: {expected!r} → {actual!r}"
    elif expected != actual:
        yield f"{path}: {expected!r} → {actual!r}"
