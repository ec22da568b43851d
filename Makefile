# The one entry point for people and CI. `make run` serves the demo; `make test` runs everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
BENCH_ARGS ?=

# A Python 3.12+ interpreter: on PATH first, then pyenv's; otherwise stop with advice.
PYTHON_BOOT := $(shell \
  for c in python3.13 python3.12 python3; do \
    p=$$(command -v $$c 2>/dev/null) && $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3,12) else 1)' 2>/dev/null && { echo $$p; exit 0; }; \
  done; \
  root=$$(pyenv root 2>/dev/null || echo $$HOME/.pyenv); \
  for p in $$(ls -d $$root/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
    $$p -c 'import sys; sys.exit(0 if sys.version_info >= (3,12) else 1)' 2>/dev/null && { echo $$p; exit 0; }; \
  done)

.PHONY: help venv run serve test lint typecheck pytest pytest-sqlite pytest-postgres fuzz openapi migrate bench clean

help:
	@echo "make run    - set up, migrate, load units + demo data, serve on $(HOST):$(PORT)"
	@echo "make test   - ruff, mypy, pytest on SQLite and on Postgres, then the schemathesis stage"
	@echo "make openapi - write openapi/openapi.json from the app"
	@echo "make bench  - national-scale benchmark on Postgres (see bench/README.md)"

$(PY):
	@if [ -z "$(PYTHON_BOOT)" ]; then \
	  echo "cchc-api needs Python 3.12 or newer (vietnam-provinces 2026.x requires it)."; \
	  echo "Install one (e.g. 'pyenv install 3.12' or your OS package python3.12) and run make again."; \
	  exit 1; fi
	$(PYTHON_BOOT) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

# Quiet: only the demo password (first run) and the URL; `python -m app migrate` etc. say more.
run: venv
	@$(PY) -m app --quiet migrate
	@$(PY) -m app --quiet load-units
	@$(PY) -m app --quiet load-demo
	@echo "Swagger UI: http://$(HOST):$(PORT)/docs"
	@$(PY) -m app serve --host $(HOST) --port $(PORT)

serve: venv
	$(PY) -m app serve --host $(HOST) --port $(PORT)

migrate: venv
	$(PY) -m app migrate

lint: venv
	$(VENV)/bin/ruff check app tests bench migrations
	$(VENV)/bin/ruff format --check app tests bench
	$(VENV)/bin/lint-imports --no-cache

typecheck: venv
	$(VENV)/bin/mypy

pytest-sqlite: venv
	CCHC_TEST_DATABASE=sqlite $(PY) -m pytest

# Postgres: runs when one answers; CCHC_REQUIRE_POSTGRES=1 turns a missing one into a failure.
pytest-postgres: venv
	@if $(PY) -m app db-ping --url "$(PG_TEST_URL)"; then \
	  CCHC_TEST_DATABASE="$(PG_TEST_URL)" $(PY) -m pytest; \
	elif [ "$$CCHC_REQUIRE_POSTGRES" = "1" ]; then \
	  echo "Postgres at $(PG_TEST_URL) does not answer and CCHC_REQUIRE_POSTGRES=1"; exit 1; \
	else echo "Postgres not reachable at $(PG_TEST_URL): skipping the Postgres run"; fi

# The contract under generated input (schemathesis, fixed seed, bounded examples) on the
# in-process app and a SQLite database; the main runs leave it out (marker `fuzz`).
fuzz: venv
	CCHC_TEST_DATABASE=sqlite $(PY) -m pytest -m fuzz tests/test_api_fuzz.py

test: lint typecheck pytest-sqlite pytest-postgres fuzz

openapi: venv
	$(PY) -m app openapi > openapi/openapi.json

# wrk (compiled) keeps the load generator from being the bottleneck; where it cannot be installed
# (no apt, not root) bench.run falls back to its Python client. BENCH_ARGS: see bench/README.md.
bench: venv
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk) \
	  || echo "wrk could not be installed: bench.run uses its Python client"
	$(PY) -m bench.run --url "$(PG_TEST_URL)" $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var/*.sqlite3*
