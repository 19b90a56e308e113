PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

.PHONY: demo test lint simulate bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

## demo: start the simulated district on loopback, audit 2023-Q1, write reports/2023-Q1/
demo: $(STAMP)
	$(BIN)/camthuy-audit demo --quarter 2023-Q1 --config config/demo.toml --out reports

## test: lint, type-check and run the whole test suite
test: $(STAMP) lint
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check camthuy_audit tests
	$(BIN)/mypy camthuy_audit

## bench: audit the simulated district with 50 ms latency, then re-run with conditional requests
##        (wall time, requests, bytes, peak in-flight per host); then the staff report of 170 units
##        (size, time to open in headless Chromium); not part of `make test`
bench: $(STAMP)
	$(BIN)/python bench/bench.py --latency 0.05
	$(BIN)/python bench/report_bench.py --units 170

## simulate: serve the simulated district in the foreground (Ctrl-C to stop)
simulate: $(STAMP)
	$(BIN)/camthuy-audit simulate --config config/demo.toml

clean:
	rm -rf $(VENV) reports/20*
