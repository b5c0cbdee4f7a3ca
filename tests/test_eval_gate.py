"""The evaluation gate: scores on the development data are pinned and may only go up.

``eval_gate.json`` pins, per evaluation, some of the figures its ``--json`` output reports
(a dotted path: ``"event_type.f1"``). A test fails when a figure falls more than
:data:`TOLERANCE` below its pin. When figures rise, ``make gate`` (this file run as a script)
measures every evaluation whose dev data is present and raises the pins; it never lowers one.

To gate another evaluation, add an :class:`Eval` to :data:`EVALS` and its figures to
``eval_gate.json`` (run ``make gate`` to fill them in).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from newsevents import evaluate, evaluate_places
from newsevents.gazetteer import Gazetteer
from newsevents.pipeline import Pipeline
from newsevents.settings import Settings
from newsevents.stages.parse import load_model

ROOT = Path(__file__).resolve().parent.parent
PINS = Path(__file__).with_name("eval_gate.json")
TOLERANCE = 0.005
Pins = dict[str, dict[str, float]]


@dataclass(frozen=True)
class Eval:
    """One evaluation: its development file and how to score it (the ``--json`` figures)."""

    path: Path
    score: Callable[[Path], dict[str, Any]]
    shared: bool
    """True for data in ../shared (not in the repository): its tests are marked ``data``."""


def _plover(path: Path) -> dict[str, Any]:
    pipeline = Pipeline(Settings(), names=evaluate.PLOVER_STAGES)
    return evaluate.score_plover_gsr(evaluate.read_plover_gsr(path), pipeline).to_dict()


def _acled(path: Path) -> dict[str, Any]:
    pipeline = Pipeline(Settings(), names=evaluate.ACLED_STAGES)
    return evaluate.score_acled_subtype(evaluate.read_acled_subtype(path), pipeline).to_dict()


def _geoparse(path: Path) -> dict[str, Any]:
    settings = Settings()
    articles = evaluate_places.read_geoparse_xml(path)
    return evaluate_places.score_geoparse(
        articles, load_model(settings.model), Gazetteer.load(settings.cache_dir)
    ).to_dict()


def _event_location(path: Path) -> dict[str, Any]:
    records = evaluate_places.read_event_locations(path)[:EVENT_LOCATION_SAMPLE]
    return evaluate_places.score_event_location(records, Settings()).to_dict()


EVENT_LOCATION_SAMPLE = 2000
"""The first sentences of the event-location file the gate scores (the whole file takes minutes)."""
SHARED = ROOT.parent / "shared" / "data"

EVALS: dict[str, Eval] = {
    "geoparse": Eval(SHARED / "geoparse/GWN.xml", _geoparse, shared=True),
    "event-location": Eval(SHARED / "event-location/train.jsonl", _event_location, shared=True),
    "plover-gsr": Eval(ROOT.parent / "shared/data/plover-gsr/dev.jsonl", _plover, shared=True),
    "acled-subtype": Eval(ROOT / "benchmarks/data/acled-dev.tsv", _acled, shared=False),
}


def load_pins(path: Path = PINS) -> Pins:
    pins: Pins = json.loads(path.read_text(encoding="utf-8"))
    return pins


@cache
def measured(name: str) -> dict[str, Any]:
    return EVALS[name].score(EVALS[name].path)


def figure(scores: dict[str, Any], dotted: str) -> float:
    """The figure at a dotted path of a ``--json`` report: ``"event_type.f1"``."""
    value: Any = scores
    for key in dotted.split("."):
        value = value[key]
    return float(value)


def raised(pins: Pins, figures: Pins) -> Pins:
    """The pins, each raised to its measured figure where that is higher; never lowered."""
    return {
        name: {m: round(max(pin, figures.get(name, {}).get(m, pin)), 4) for m, pin in ms.items()}
        for name, ms in pins.items()
    }


def _cases() -> Iterator[Any]:
    for name, metrics in load_pins().items():
        marks = [pytest.mark.data, pytest.mark.slow] if EVALS[name].shared else []
        for metric in metrics:
            yield pytest.param(name, metric, marks=marks, id=f"{name}:{metric}")


@pytest.mark.parametrize(("name", "metric"), list(_cases()))
def test_eval_gate_figure_holds_its_pin(name: str, metric: str) -> None:
    gold = EVALS[name].path
    if not gold.exists():
        pytest.skip(f"{gold} not found: the {name} gate needs ../shared/data beside the checkout")
    value, pin = figure(measured(name), metric), load_pins()[name][metric]
    assert value >= pin - TOLERANCE, (
        f"{name} {metric} fell to {value:.4f}, below its pin {pin:.4f} (tolerance {TOLERANCE})"
    )
    if value > pin + TOLERANCE:
        print(f"{name} {metric} rose to {value:.4f} from {pin:.4f}: run `make gate` to pin it")


def test_eval_gate_every_pin_names_a_known_eval() -> None:
    assert set(load_pins()) <= set(EVALS)


def test_eval_gate_raising_pins_never_lowers_one() -> None:
    pins = {"x": {"f1": 0.5, "acc": 0.7}}
    figures = {"x": {"f1": 0.6, "acc": 0.65}}
    assert raised(pins, figures) == {"x": {"f1": 0.6, "acc": 0.7}}


def test_eval_gate_prints_measured_figures_and_drops() -> None:
    assert _line("x", "f1", 0.6, 0.5, 0.6) == "x f1: 0.6000, pin raised from 0.5"
    assert "BELOW THE PIN" in _line("x", "f1", 0.4, 0.5, 0.5)
    assert "BELOW" not in _line("x", "f1", 0.498, 0.5, 0.5)  # within the tolerance


def test_eval_gate_figure_reads_a_dotted_path() -> None:
    assert figure({"event_type": {"f1": 0.75}}, "event_type.f1") == 0.75


def main() -> int:
    """Measure every gated evaluation whose dev data is present and raise its pins."""
    pins = load_pins()
    figures: Pins = {}
    for name, metrics in pins.items():
        if not EVALS[name].path.exists():
            print(f"{name}: {EVALS[name].path} not found; pins kept", file=sys.stderr)
            continue
        scores = measured(name)
        figures[name] = {m: figure(scores, m) for m in metrics}
    new = raised(pins, figures)
    for name, metrics in new.items():
        for metric, pin in metrics.items():
            print(_line(name, metric, figures.get(name, {}).get(metric), pins[name][metric], pin))
    PINS.write_text(json.dumps(new, indent=2) + "\n", encoding="utf-8")
    return 0


def _line(name: str, metric: str, value: float | None, old: float, new: float) -> str:
    """One figure as `make gate` prints it: measured, and what became of its pin."""
    if value is None:
        return f"{name} {metric}: not measured, pin {old}"
    if new != old:
        return f"{name} {metric}: {value:.4f}, pin raised from {old}"
    below = " BELOW THE PIN: the gate test fails" if value < old - TOLERANCE else ""
    return f"{name} {metric}: {value:.4f}, pin {old}{below}"


if __name__ == "__main__":
    sys.exit(main())
