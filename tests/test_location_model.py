"""The learned event-location chooser: scoring, training, the model file, the built-in model,
the setting that swaps it, and ``newsevents train event-location``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsevents import evaluate_places
from newsevents.cli import cli
from newsevents.errors import InputError
from newsevents.location_model import (
    FEATURES_VERSION,
    LocationModel,
    Sample,
    _matrix,
    load_model,
    train,
)
from newsevents.pipeline import Pipeline
from newsevents.records import Article
from newsevents.settings import Settings


def test_location_model_choose_takes_the_best_option_or_none() -> None:
    model = LocationModel({"in": 2.0, "from": -1.0, "NONE": 0.5})
    pick, probability = model.choose([["from"], ["in"]], ["NONE"])
    assert pick == 1
    assert 0.5 < probability < 1.0
    assert model.choose([["from"]], ["NONE"])[0] is None
    assert model.choose([], ["NONE"]) == (None, 1.0)


def _samples(n: int) -> list[Sample]:
    """Sentences where the option marked "in" is the place, and ones with only a "from" place,
    which say nowhere; "noise" is on every option and tells nothing."""
    located = Sample((("from", "noise"), ("in", "noise")), (False, True), ("NONE",), False)
    nowhere = Sample((("from", "noise"),), (False,), ("NONE",), True)
    return [located, nowhere] * n


def test_location_model_training_learns_which_clue_locates() -> None:
    model = train(_samples(10))
    assert model.weights["in"] > model.weights["from"]
    assert model.choose([["from", "noise"], ["in", "noise"]], ["NONE"])[0] == 1
    assert model.choose([["from", "noise"]], ["NONE"])[0] is None
    assert evaluate_places.sample_accuracy(model, _samples(3)) == 1.0


def _crossed(n: int) -> list[Sample]:
    """Feature "b" locates when "a" is there too and misleads when alone: a crossing that
    the logit's sums cannot weigh and the trees can."""
    with_a = Sample((("a", "b"), ("a",)), (True, False), ("NONE",), False)
    without_a = Sample(((), ("b",)), (True, False), ("NONE",), False)
    return [with_a, without_a] * n


def test_location_model_trees_weigh_features_together() -> None:
    logit = train(_crossed(40), trees=False)
    both = train(_crossed(40))
    assert logit.ranker is None and both.ranker is not None
    assert evaluate_places.sample_accuracy(logit, _crossed(1)) == 0.5
    assert evaluate_places.sample_accuracy(both, _crossed(1)) == 1.0


def test_location_model_trees_round_trip_through_json(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text(train(_crossed(40), name="crossed").to_json(), encoding="utf-8")
    loaded = load_model(str(path))
    assert loaded.ranker is not None and "b" in loaded.ranker.features
    assert evaluate_places.sample_accuracy(loaded, _crossed(1)) == 1.0
    body = json.loads(path.read_text(encoding="utf-8"))
    body["ranker"]["trees"] = ["not trees"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(InputError, match="unreadable trees"):
        load_model(str(broken))


def test_location_model_trees_score_rows_as_the_fitting_matrix_does() -> None:
    ranker = load_model().ranker
    assert ranker is not None
    known = list(ranker.features)
    rows = [known[:3], [known[10], "never seen"], [], known[100:140:7]]
    fitted = ranker._booster.predict(_matrix(rows, ranker._columns), num_threads=1)
    assert ranker.scores(rows) == pytest.approx([float(v) for v in fitted])
    assert len(set(ranker.scores(rows))) > 1  # the rows score differently: features are read


def test_location_model_rare_features_get_no_weight() -> None:
    rare = Sample((("in", "once"),), (True,), ("NONE",), False)
    assert "once" not in train([*_samples(5), rare]).weights


def test_location_model_round_trips_through_json(tmp_path: Path) -> None:
    model = train(_samples(10), name="ours.jsonl")
    path = tmp_path / "model.json"
    path.write_text(model.to_json(), encoding="utf-8")
    loaded = load_model(str(path))
    assert loaded.trained_on == "ours.jsonl"
    assert loaded.weights["in"] == pytest.approx(model.weights["in"], abs=1e-4)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{", "not a location model"),
        ('{"weights": {}}', "not a location model"),
        (json.dumps({"features_version": FEATURES_VERSION + 1, "weights": {}}), "features version"),
    ],
)
def test_location_model_bad_file_is_refused_with_the_fix(
    tmp_path: Path, body: str, message: str
) -> None:
    path = tmp_path / f"bad{len(body)}.json"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=message) as error:
        load_model(str(path))
    assert str(path) in str(error.value) and "train event-location" in str(error.value)
    with pytest.raises(InputError, match="no such file"):
        load_model(str(tmp_path / "absent.json"))


def test_location_model_built_in_matches_the_features() -> None:
    model = load_model()
    assert model.weights and model.trained_on
    assert {"NONE", "rule", "prep=in", "prep=from"} <= set(model.weights)
    assert model.weights["prep=in"] > model.weights["prep=from"]
    assert model.ranker is not None and "prep=in" in model.ranker.features


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Gunmen killed five villagers in Goma on Tuesday.", "killed", "Goma"),
        ("Refugees from Somalia protested outside the office.", "protested", None),
    ],
)
def test_location_model_features_come_from_the_sentence(
    make_doc: Any, text: str, trigger: str, expected: str | None
) -> None:
    """Each candidate's features say how the rules see it; "none" always has its own."""
    from newsevents.gazetteer import Gazetteer
    from newsevents.records import Event, Trigger
    from newsevents.stages.parse import sentence
    from newsevents.stages.places import resolve_places, sentence_options
    from newsevents.syntax import sentence_of

    doc = make_doc(text)
    at = text.index(trigger)
    span = (at, at + len(trigger))
    verb = doc.parsed.char_span(*span)
    event = Event(
        id="e", type="", trigger=Trigger(trigger, span), sentence=sentence(sentence_of(verb))
    )
    options = sentence_options(event, doc, resolve_places(doc.parsed, Gazetteer.load()))
    assert options is not None and options.none[0] == "NONE"
    names = [text[o.span[0] : o.span[1]] for o in options.attached]
    assert len(names) == len(options.features)
    for name, features in zip(names, options.features, strict=True):
        assert ("rule" in features) == (name == expected)
        assert any(f.startswith("prep=") for f in features)


@pytest.mark.parametrize(
    ("text", "trigger", "kinds"),
    [
        (
            "Three soldiers were killed in a bomb attack in Tikrit.",
            "killed",
            {"path_event", "hangs=event"},
        ),
        ("Airstrikes over Aleppo killed ten rebels.", "killed", {"path_event", "hangs=event"}),
        (
            "Officials in Nairobi said gunmen killed five.",
            "killed",
            {"path_people", "hangs=people"},
        ),
        ("Gunmen killed five villagers in Goma.", "killed", {"hangs=VERB"}),
    ],
)
def test_location_model_features_say_what_lies_between(
    nlp: Any, text: str, trigger: str, kinds: set[str]
) -> None:
    """An act of the event's kind, or people, between the place and the trigger."""
    from newsevents.location_model import _kinds_on_path

    parsed = nlp(text)
    verb = next(t for t in parsed if t.text == trigger)
    place = next(t for t in parsed if t.ent_type_ == "GPE" or t.text in ("Aleppo", "Tikrit"))
    assert set(_kinds_on_path(verb, place)) == kinds


def _pipeline_with(model_path: str) -> Any:
    settings = Settings.load({"location_model": model_path})
    return Pipeline(settings, names=("parse", "events", "places"))


def test_location_model_setting_swaps_the_model(tmp_path: Path) -> None:
    """A model that never locates in the sentence leaves the event to the fall-backs: the
    article's place at precision 3 instead of the sentence's town."""
    text = "Fighting was reported across Kenya.\n\nGunmen killed five villagers in Goma on Tuesday."
    nowhere = tmp_path / "nowhere.json"
    nowhere.write_text(LocationModel({"NONE": 50.0}).to_json(), encoding="utf-8")
    default = _pipeline_with("")(Article(id="a", text=text))
    swapped = _pipeline_with(str(nowhere))(Article(id="a", text=text))
    killed = next(e for e in default.events if e.trigger.text == "killed")
    assert killed.location is not None and killed.location.name == "Goma"
    assert killed.location.precision == 1
    moved = next(e for e in swapped.events if e.trigger.text == "killed")
    assert moved.location is None or moved.location.precision > 1


LOCATION_LINES = [
    ("Gunmen killed five villagers in Goma on Tuesday.", "killed", "Goma"),
    ("Troops shelled positions near Bunia overnight.", "shelled", "Bunia"),
    ("Rebels attacked a convoy in Beni on Monday.", "attacked", "Beni"),
    ("Kenya captured the rebel commander on Sunday.", "captured", None),
    ("Refugees from Somalia protested outside the office.", "protested", None),
    ("Police arrested two men in Nairobi.", "arrested", "Nairobi"),
]


def _line(text: str, verb: str, place: str | None) -> str:
    at = text.index(verb)
    spans = [{"start": at, "end": at + len(verb), "label": "VERB"}]
    if place:
        p = text.index(place)
        spans.append({"start": p, "end": p + len(place), "label": "LOCATION"})
    return json.dumps({"text": text, "spans": spans})


def test_location_model_cli_trains_reports_halves_and_writes(tmp_path: Path) -> None:
    data = tmp_path / "ours.jsonl"
    data.write_text("\n".join(_line(*r) for r in LOCATION_LINES * 4) + "\n", encoding="utf-8")
    out = tmp_path / "model.json"
    result = CliRunner().invoke(
        cli, ["train", "event-location", str(data), "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[: result.output.rindex("}") + 1])
    assert report["n"] == 24
    assert [h["trained_on"] for h in report["halves"]] == ["odd", "even"]
    assert all(0.0 <= h["accuracy"] <= 1.0 for h in report["halves"])
    assert load_model(str(out)).trained_on == "ours.jsonl"


def test_location_model_cli_bad_input_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "broken.jsonl"
    data.write_text('{"text": "Goma.", "spans": []}\n', encoding="utf-8")
    out = tmp_path / "model.json"
    result = CliRunner().invoke(cli, ["train", "event-location", str(data), "--out", str(out)])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError) and "broken.jsonl, line 1" in str(
        result.exception
    )
    assert not out.exists() and list(tmp_path.iterdir()) == [data]


def test_location_model_cli_refuses_too_few_records(tmp_path: Path) -> None:
    data = tmp_path / "few.jsonl"
    data.write_text("\n".join(_line(*r) for r in LOCATION_LINES) + "\n", encoding="utf-8")
    out = tmp_path / "model.json"
    result = CliRunner().invoke(cli, ["train", "event-location", str(data), "--out", str(out)])
    assert isinstance(result.exception, InputError)
    assert "6 well-formed records" in str(result.exception) and not out.exists()


def test_location_model_trains_on_no_samples_without_crashing() -> None:
    assert train([]).weights == {} and train([]).ranker is None
