"""Scoring against gold data: metric arithmetic, gold-file reading, and whole runs on records
written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents import evaluate
from newsevents.cli import cli
from newsevents.errors import InputError
from newsevents.pipeline import Pipeline
from newsevents.records import Article, Doc
from newsevents.settings import Settings

RECORDS = [
    {
        "id": "a",
        "date": "2019-03-04",
        "event": "FIGHT",
        "text": "Syrian troops shelled rebel positions near Idlib on Sunday.",
        "source": [{"actorText": "Syrian troops", "code": "SYR", "sector": "MIL"}],
        "target": "",
    },
    {
        "id": "b",
        "date": "2019-03-04",
        "event": "DISAPPROVE",
        "text": "France condemned Iran for the missile test.",
        "source": [{"actorText": "France", "code": "FRA"}],
        "target": [{"actorText": "Iran", "code": "IRN"}],
    },
    {
        "id": "c",
        "date": "2019-03-04",
        "event": "AGREE",
        "text": "The weather in the capital was mild.",
        "source": [{"actorText": "Japan", "code": "JAP"}],
    },
]


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("tp", "predicted", "gold", "f1"),
    [(0, 0, 0, 0.0), (1, 2, 4, 1 / 3), (3, 3, 3, 1.0), (0, 5, 5, 0.0)],
)
def test_evaluate_prf_arithmetic(tp: int, predicted: int, gold: int, f1: float) -> None:
    assert evaluate.Prf(tp, predicted, gold).f1 == pytest.approx(f1)


def test_evaluate_reads_plover_maps_old_names_and_codes(gold_file: Path) -> None:
    records = evaluate.read_plover_gsr(gold_file)
    assert [r.category for r in records] == ["ASSAULT", "ACCUSE", "AGREE"]
    assert records[1].recipient_codes == {"IRN"}
    assert records[2].actor_codes == {"JPN"}
    assert records[0].recipient_codes == frozenset()


def test_evaluate_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(RECORDS[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl, line 2"):
        evaluate.read_plover_gsr(path)


def test_evaluate_main_event_prefers_asserted_then_confidence() -> None:
    pipeline = Pipeline(Settings(), names=evaluate.PLOVER_STAGES)
    doc = pipeline(Article(id="m", text="Police did not arrest the men. Rebels attacked a base."))
    event = evaluate.main_event(doc)
    assert event is not None
    assert event.type == "ASSAULT"
    assert evaluate.main_event(Doc(Article(id="e", text="Nothing."))) is None


def test_evaluate_plover_scores_a_small_gold_file(gold_file: Path) -> None:
    pipeline = Pipeline(Settings(), names=evaluate.PLOVER_STAGES)
    report = evaluate.score_plover_gsr(evaluate.read_plover_gsr(gold_file), pipeline)
    scores = report.to_dict()
    assert scores["n"] == 3
    assert scores["event_type"]["recall"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["event_type"]["precision"] == pytest.approx(1.0)
    assert scores["actor_country_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["per_category"]["AGREE"]["recall"] == 0.0
    assert {"gold": "AGREE", "predicted": "NONE", "count": 1} in scores["confusions"]


def test_evaluate_cli_plover_json_and_table(gold_file: Path) -> None:
    runner = CliRunner()
    as_json = runner.invoke(cli, ["eval", "plover-gsr", str(gold_file), "--json"])
    assert as_json.exit_code == 0, as_json.output
    scores = json.loads(as_json.output)
    assert set(scores) >= {"n", "event_type", "actor_country_accuracy", "per_category"}
    table = runner.invoke(cli, ["eval", "plover-gsr", str(gold_file)])
    assert "event type P / R / F1" in table.output
    assert "AGREE -> NONE: 1" in table.output


def _spans(verb: tuple[int, int], *places: tuple[int, int]) -> list[dict[str, object]]:
    spans: list[dict[str, object]] = [{"start": verb[0], "end": verb[1], "label": "VERB"}]
    return spans + [{"start": a, "end": b, "label": "LOCATION"} for a, b in places]


LOCATION_RECORDS = [
    {  # the verb's own place
        "id": "l1",
        "source": "ours",
        "text": "Gunmen killed five villagers in Goma on Tuesday.",
        "spans": _spans((7, 13), (32, 36)),
    },
    {  # the place acts: rightly none
        "id": "l2",
        "source": "ours",
        "text": "Kenya captured the rebel commander on Sunday.",
        "spans": _spans((6, 14)),
    },
    {  # a gold place newsevents does not attach: missed
        "id": "l3",
        "source": "theirs",
        "text": "Rebels said they would attack, and Goma fell.",
        "spans": _spans((23, 29), (35, 39)),
    },
    {  # an empty gold span is an annotation slip: left out
        "id": "l4",
        "text": "Troops patrolled Goma.",
        "spans": _spans((7, 16), (3, 3)),
    },
]


@pytest.fixture
def location_file(tmp_path: Path) -> Path:
    path = tmp_path / "locations.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in LOCATION_RECORDS) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        ((10, 15), [(12, 20)], True),  # overlap: "southern Lebanon" against "Lebanon"
        ((10, 12), [(12, 20)], False),  # touching is not overlapping
        (None, [], True),
        (None, [(1, 2)], False),
        ((1, 2), [], False),
        ((30, 34), [(1, 5), (30, 40)], True),  # any of several gold places
    ],
)
def test_evaluate_location_matches_by_overlap(
    predicted: tuple[int, int] | None, gold: list[tuple[int, int]], right: bool
) -> None:
    assert evaluate.location_matches(predicted, gold) is right


def test_evaluate_reads_event_locations_and_flags_slips(location_file: Path) -> None:
    records = evaluate.read_event_locations(location_file)
    assert [r.id for r in records] == ["l1", "l2", "l3", "l4"]
    assert records[0].verb == (7, 13) and records[0].locations == ((32, 36),)
    assert records[1].locations == () and not records[1].malformed
    assert records[3].malformed and records[3].locations == ()


def test_evaluate_word_cutting_gold_span_is_a_slip(tmp_path: Path) -> None:
    record = {"text": "Troops patrolled Goma.", "spans": _spans((7, 16), (18, 21))}
    path = tmp_path / "cut.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert evaluate.read_event_locations(path)[0].malformed


def test_evaluate_event_location_record_without_verb_names_line(tmp_path: Path) -> None:
    path = tmp_path / "noverb.jsonl"
    path.write_text(json.dumps({"text": "Goma.", "spans": []}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"noverb\.jsonl, line 1"):
        evaluate.read_event_locations(path)


def test_evaluate_event_location_scores_a_small_file(location_file: Path) -> None:
    records = evaluate.read_event_locations(location_file)
    scores = evaluate.score_event_location(records, Settings()).to_dict()
    assert scores["n"] == 3 and scores["skipped_malformed"] == 1
    assert scores["outcomes"]["right_place"] == 1 and scores["outcomes"]["right_none"] == 1
    assert scores["accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["gold_none"] == {"n": 1, "accuracy": 1.0}
    assert scores["by_source"]["ours"] == {"n": 2, "accuracy": 1.0}


def test_evaluate_cli_event_location_json_limit_and_table(location_file: Path) -> None:
    runner = CliRunner()
    args = ["eval", "event-location", str(location_file)]
    as_json = runner.invoke(cli, [*args, "--json", "--limit", "2"])
    assert as_json.exit_code == 0, as_json.output
    scores = json.loads(as_json.output)
    assert scores["n"] == 2 and scores["accuracy"] == 1.0
    table = runner.invoke(cli, args)
    assert table.exit_code == 0, table.output
    assert "gold says none" in table.output and "malformed left out" in table.output
    missing = runner.invoke(cli, ["eval", "event-location", str(location_file) + ".nope"])
    assert isinstance(missing.exception, InputError) and "no such file" in str(missing.exception)
