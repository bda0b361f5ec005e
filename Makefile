# Two entry points for newcomers: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo serve test lint bench setup setup-serve setup-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==25.3

$(VENV)/.runtime: $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/pip install -q --require-hashes -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(VENV)/.serve: $(VENV)/.runtime requirements-serve.lock
	$(BIN)/pip install -q --require-hashes -r requirements-serve.lock
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.lock
	$(BIN)/pip install -q --require-hashes -r requirements-dev.lock
	touch $@

setup: $(VENV)/.runtime          ## install wirewatch and its pinned dependencies into .venv
setup-serve: $(VENV)/.serve      ## also install the HTTP API and dashboard (the `serve` extra)
setup-dev: $(VENV)/.dev          ## also install the test and lint tools

demo: setup                      ## ingest the bundled sample corpus into wirewatch-demo.duckdb and summarise it
	$(BIN)/wirewatch demo
	@echo "See it in a browser: make serve, then open http://127.0.0.1:8765/ (the dashboard of wirewatch-demo.duckdb)"

serve: setup-serve               ## serve the API and dashboard of the demo store on http://127.0.0.1:8765/
	test -f wirewatch-demo.duckdb || $(BIN)/wirewatch demo
	$(BIN)/wirewatch serve --db wirewatch-demo.duckdb

test: setup-dev                  ## lint, type-check and run the test suite
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest

bench: setup                     ## articles per second of extract against bare spaCy
	$(BIN)/python benchmarks/bench_extract.py

clean:
	rm -rf $(VENV) wirewatch-demo.duckdb
