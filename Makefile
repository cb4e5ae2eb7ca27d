# Two entry points for a fresh machine: `make demo` and `make test`.
# Both create .venv (Python 3.11) and install Marsad with its dev tools first.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

demo: setup
	rm -f marsad-demo.db marsad-demo.db-wal marsad-demo.db-shm
	$(BIN)/marsad --db marsad-demo.db demo

lint: setup
	$(BIN)/ruff check marsad tests scripts bench

test: setup lint
	$(BIN)/python -m pytest -q
