"""Scoring against gold data: metric arithmetic, gold-file reading, and whole runs on records
written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents import evaluate, evaluate_places
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


# --- acled-subtype

ACLED_ROWS = [
    ("1", "Police fired tear gas to disperse protesters in Nairobi.", "PROTEST_WITH_INTER"),
    ("2", "Floods killed 20 people in Sindh province.", "NATURAL_DISASTER"),
    ("3", "The weather in the capital was mild.", "ATTACK"),
]


@pytest.fixture
def acled_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.tsv"
    lines = ["id\tEventSnippet\tSubType", *("\t".join(row) for row in ACLED_ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_evaluate_reads_acled_subtype_by_header_names(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text("SubType\tid\tEventSnippet\nattack\tx\tGunmen shot him.\n", encoding="utf-8")
    [record] = evaluate.read_acled_subtype(path)
    assert (record.id, record.text, record.subtype) == ("x", "Gunmen shot him.", "ATTACK")


@pytest.mark.parametrize(
    ("content", "where", "reason"),
    [
        ("id\tText\tSubType\n", "line 1", "lacks column 'EventSnippet'"),
        ("id\tEventSnippet\tSubType\n1\tRebels attacked.\n", "line 2", "column"),
        ("id\tEventSnippet\tSubType\n1\tA.\tATTACK\n2\tB.\tBOMBING\n", "line 3", "'BOMBING'"),
        ("", "gold.tsv", "empty file"),
    ],
)
def test_evaluate_bad_acled_file_names_file_and_line(
    tmp_path: Path, content: str, where: str, reason: str
) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        evaluate.read_acled_subtype(path)
    assert str(info.value).startswith(str(path))
    assert where in str(info.value)
    assert reason in str(info.value)


def test_evaluate_subtype_report_arithmetic() -> None:
    report = evaluate.SubtypeReport()
    gold = [("A", "A"), ("A", "A"), ("A", "B"), ("B", "B"), ("C", "A")]
    for number, (g, p) in enumerate(gold):
        report.add(evaluate.SubtypeGold(str(number), "text", g), p)
    classes = report.per_class()
    assert report.accuracy == pytest.approx(0.6)
    assert classes["A"].f1 == pytest.approx(2 / 3)
    assert classes["B"].f1 == pytest.approx(2 / 3)
    assert classes["C"].f1 == 0.0
    assert report.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 0) / 3, abs=1e-4)
    assert report.weighted_f1 == pytest.approx((3 * 2 / 3 + 1 * 2 / 3) / 5, abs=1e-4)
    assert report.confusions()[0][2] == 1


def test_evaluate_acled_scores_a_small_gold_file(acled_file: Path) -> None:
    pipeline = Pipeline(Settings(), names=evaluate.ACLED_STAGES)
    report = evaluate.score_acled_subtype(evaluate.read_acled_subtype(acled_file), pipeline)
    scores = report.to_dict()
    assert scores["n"] == 3
    assert scores["accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["per_class"]["ATTACK"]["recall"] == 0.0
    assert {"gold": "ATTACK", "predicted": "OTHER", "count": 1} in scores["confusions"]


def test_evaluate_cli_acled_json_and_table(acled_file: Path) -> None:
    runner = CliRunner()
    as_json = runner.invoke(cli, ["eval", "acled-subtype", str(acled_file), "--json"])
    assert as_json.exit_code == 0, as_json.output
    scores = json.loads(as_json.output)
    assert set(scores) >= {"n", "accuracy", "macro_f1", "weighted_f1", "per_class"}
    table = runner.invoke(cli, ["eval", "acled-subtype", str(acled_file)])
    assert "weighted F1" in table.output
    assert "ATTACK -> OTHER: 1" in table.output


# --- geoparse


LGL_XML = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text>Flooding closed roads in Nairobi, Kenya, and in Mombasa on Monday.</text>
    <toponyms>
      <toponym><start>25</start><end>32</end><phrase>Nairobi</phrase>
        <gaztag geonameid="184745"><name>Nairobi</name><lat>-1.28333</lat><lon>36.81667</lon>
        </gaztag></toponym>
      <toponym><start>34</start><end>39</end><phrase>Kenya</phrase>
        <gaztag geonameid="192950"><name>Kenya</name><lat>1.0</lat><lon>38.0</lon></gaztag>
      </toponym>
      <toponym><start>48</start><end>55</end><phrase>Mombasa</phrase></toponym>
    </toponyms>
  </article>
</articles>
"""

GWN_XML = """<?xml version="1.0" ?>
<articles><article file="0"><text>Protesters in Lagos cheered Nigerian players.</text><toponyms>
<toponym><extractedName>Lagos</extractedName><type>Literal</type><start>14</start><end>19</end>
<geonamesID>2332459</geonamesID><latitude>6.45407</latitude><longitude>3.39467</longitude>
</toponym>
<toponym><extractedName>Nigerian</extractedName><type>Demonym</type><start>28</start><end>36</end>
<geonamesID>2328926</geonamesID><latitude>10.0</latitude><longitude>8.0</longitude></toponym>
<toponym><extractedName>x</extractedName><type>Literal</type><start>-9</start><end>-4</end>
</toponym></toponyms></article></articles>
"""


@pytest.fixture
def lgl_file(tmp_path: Path) -> Path:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_XML, encoding="utf-8")
    return path


def test_evaluate_reads_lgl_style_toponyms(lgl_file: Path) -> None:
    (article,) = evaluate_places.read_geoparse_xml(lgl_file)
    nairobi, kenya, mombasa = article.toponyms
    assert (nairobi.text, nairobi.geonameid, nairobi.lat) == ("Nairobi", 184745, -1.28333)
    assert kenya.text == "Kenya" and kenya.lon == 38.0
    assert mombasa.text == "Mombasa" and mombasa.geonameid is None and mombasa.lat is None


def test_evaluate_moves_gold_spans_that_missed_their_phrase(tmp_path: Path) -> None:
    """Offsets counted on a file with "\r\n" line ends miss by a character a line once the
    parser reads each as one; the toponym's own phrase, nearest the offset, puts them back. A
    phrase the text lacks keeps its span, and a toponym whose span is right is not counted."""
    crlf = (
        "<articles><article><text>Rain.\r\nFlooding closed roads in Nairobi, Kenya, and in "
        "Mombasa on Monday.</text><toponyms>"
        '<toponym><start>32</start><end>39</end><phrase>Nairobi</phrase><gaztag geonameid="1">'
        "<lat>-1.28</lat><lon>36.82</lon></gaztag></toponym>"
        "<toponym><start>41</start><end>46</end><phrase>Kenya</phrase></toponym>"
        "<toponym><start>55</start><end>62</end><phrase>Malindi</phrase></toponym>"
        "</toponyms></article></articles>"
    )
    path = tmp_path / "crlf.xml"
    path.write_bytes(crlf.encode("utf-8"))
    (article,) = evaluate_places.read_geoparse_xml(path)
    assert article.text.startswith("Rain.\nFlooding")  # the parser folded the line end
    nairobi, kenya, last = article.toponyms
    assert (nairobi.text, kenya.text) == ("Nairobi", "Kenya")
    assert article.text[slice(*nairobi.span)] == "Nairobi"
    assert last.span == (55, 62) and article.realigned == 2


def test_evaluate_reads_geowebnews_toponym_types(tmp_path: Path) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN_XML, encoding="utf-8")
    (article,) = evaluate_places.read_geoparse_xml(path)
    assert [t.text for t in article.toponyms] == ["Lagos"]  # demonyms are not toponyms
    assert article.toponyms[0].geonameid == 2332459 and article.skipped == 1


@pytest.mark.parametrize(
    ("content", "reason"),
    [("<articles><article>", "not well-formed XML"), ("<articles/>", "no <article>")],
)
def test_evaluate_geoparse_bad_file_is_an_input_error(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=reason):
        evaluate_places.read_geoparse_xml(path)


def test_evaluate_geoparse_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        evaluate_places.read_geoparse_xml(tmp_path)


def test_evaluate_geoparse_scores_detection_and_resolution(lgl_file: Path) -> None:
    from newsevents.gazetteer import Gazetteer
    from newsevents.stages.parse import load_model

    articles = evaluate_places.read_geoparse_xml(lgl_file)
    report = evaluate_places.score_geoparse(
        articles, load_model(Settings().model), Gazetteer.load()
    )
    scores = report.to_dict()
    assert scores["n_toponyms"] == 3
    assert scores["detection"]["recall"] == 1.0 and scores["detection"]["precision"] == 1.0
    resolution = scores["resolution"]
    assert resolution["n"] == 2  # Mombasa has no gold point
    assert resolution["exact_geonameid"] == 1.0 and resolution["n_geonameid"] == 2
    assert resolution["acc_at_161km"] == 1.0 and resolution["median_error_km"] < 161


def test_evaluate_cli_geoparse_json_and_errors(lgl_file: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", "geoparse", str(lgl_file), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores["detection"]) >= {"precision", "recall", "f1"}
    assert set(scores["resolution"]) >= {
        "n", "exact_geonameid", "acc_at_161km", "mean_error_km", "median_error_km"
    }  # fmt: skip
    table = runner.invoke(cli, ["eval", "geoparse", str(lgl_file)])
    assert "acc@161km" in table.output
    missing = runner.invoke(cli, ["eval", "geoparse", str(tmp_path / "none.xml")])
    assert isinstance(missing.exception, InputError)  # main() turns it into exit code 2
    assert "no such file" in str(missing.exception)


# --- event-location


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
    assert evaluate_places.location_matches(predicted, gold) is right


def test_evaluate_reads_event_locations_and_flags_slips(location_file: Path) -> None:
    records = evaluate_places.read_event_locations(location_file)
    assert [r.id for r in records] == ["l1", "l2", "l3", "l4"]
    assert records[0].verb == (7, 13) and records[0].locations == ((32, 36),)
    assert records[1].locations == () and not records[1].malformed
    assert records[3].malformed and records[3].locations == ()


def test_evaluate_word_cutting_gold_span_is_a_slip(tmp_path: Path) -> None:
    record = {"text": "Troops patrolled Goma.", "spans": _spans((7, 16), (18, 21))}
    path = tmp_path / "cut.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert evaluate_places.read_event_locations(path)[0].malformed


def test_evaluate_event_location_record_without_verb_names_line(tmp_path: Path) -> None:
    path = tmp_path / "noverb.jsonl"
    path.write_text(json.dumps({"text": "Goma.", "spans": []}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"noverb\.jsonl, line 1"):
        evaluate_places.read_event_locations(path)


def test_evaluate_event_location_scores_a_small_file(location_file: Path) -> None:
    records = evaluate_places.read_event_locations(location_file)
    scores = evaluate_places.score_event_location(records, Settings()).to_dict()
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
    assert "fitted on train.jsonl (scores on that file are in-sample)" in table.output
    assert scores["model_trained_on"] == "train.jsonl"
    missing = runner.invoke(cli, ["eval", "event-location", str(location_file) + ".nope"])
    assert isinstance(missing.exception, InputError) and "no such file" in str(missing.exception)
