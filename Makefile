# Two commands: `make lab` opens the kit, `make test` runs every test.
# Both create or update .venv by themselves; the install step reruns only when pyproject.toml changes.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.okrsim-installed

.PHONY: lab test venv lint bench accuracy clean

# An editable install leaves out the wheel's data files, so the kit's Voilà template and the
# config that makes plain `voila` use it are linked into .venv (edits to them show at once).
VOILA_TEMPLATE := $(VENV)/share/jupyter/voila/templates/okrsim
VOILA_CONFIG   := $(VENV)/etc/jupyter/voila.json

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip "setuptools>=77" wheel
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@mkdir -p $(dir $(VOILA_TEMPLATE)) $(dir $(VOILA_CONFIG))
	@ln -sfn $(CURDIR)/share/jupyter/voila/templates/okrsim $(VOILA_TEMPLATE)
	@ln -sf $(CURDIR)/etc/jupyter/voila.json $(VOILA_CONFIG)
	@touch $(STAMP)

venv: $(STAMP)

lab: $(STAMP)
	@echo "A lesson as an app (text and widgets, no code): $(BIN)/voila notebooks/04_will_it_add_up.ipynb"
	$(BIN)/okrsim lab

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	@for f in benchmarks/bench_*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

accuracy: $(STAMP)
	$(BIN)/python scripts/grading_accuracy.py
	$(BIN)/python scripts/grading_accuracy.py --holdout
	$(BIN)/python scripts/grading_accuracy.py --corpus tests/data/grading_holdout2.csv
	$(BIN)/python scripts/grading_accuracy.py --corpus tests/data/grading_holdout3.csv
	$(BIN)/python scripts/grading_accuracy.py --corpus tests/data/grading_blind.csv
	$(BIN)/python scripts/grading_accuracy.py --corpus tests/data/grading_blind2.csv
	$(BIN)/python scripts/grading_accuracy.py --corpus tests/data/grading_blind3.csv --per-class
	$(BIN)/python scripts/grading_accuracy.py --corpus tests/data/grading_blind4.csv --per-class
	$(BIN)/python scripts/grading_accuracy.py --corpus tests/data/grading_blind5.csv --per-class
	$(BIN)/python scripts/grading_accuracy.py --corpus tests/data/grading_blind6.csv --per-class
	$(BIN)/python scripts/grading_accuracy.py --corpus tests/data/grading_blind7.csv --per-class

clean:
	rm -rf $(VENV) build *.egg-info
