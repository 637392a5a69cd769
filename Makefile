# Two commands a user needs: `make run` and `make test`. Everything is installed into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test install dev lint schemas bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP) $@

install: $(STAMP)

dev: $(DEV_STAMP)

run: $(STAMP)
	$(BIN)/annotator annotate seeds/ -o annotations.jsonl

# ruff with the rule set in pyproject.toml ([tool.ruff]): defects only, no reformatting.
lint: $(DEV_STAMP)
	$(BIN)/ruff check .

# schemas/ and annotator/schemas/ are generated from the record structs (core/records.py).
schemas: $(STAMP)
	$(BIN)/python -m annotator.core.schema

test: lint
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q

bench: $(DEV_STAMP)
	$(BIN)/python bench/prelabel.py
	$(BIN)/python bench/tui.py
	$(BIN)/python bench/keys.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/validate.py
	$(BIN)/python bench/quality.py

clean:
	rm -rf $(VENV) build *.egg-info
