# The two commands a new machine needs: `make demo` and `make test`.  Both create the virtual
# environment on first use and reinstall when pyproject.toml changes.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed-stamp

.PHONY: install demo test lint eval gate bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,lint]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/annales demo --db annales-demo.duckdb

test: install lint
	$(BIN)/python -m pytest -q

# Style, import order and types (settings in pyproject.toml); `make test` runs it first.
lint: install
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy

eval: install
	$(BIN)/annales eval --data ../shared/data

# The quality gate CI runs: every score in eval-floors.json must hold.
gate: install
	$(BIN)/annales eval --data ../shared/data --floors eval-floors.json

bench: install
	$(BIN)/python benchmarks/throughput.py --data ../shared/news/bbc

clean:
	rm -rf $(VENV) *.duckdb *.duckdb.wal .pytest_cache .mypy_cache .ruff_cache
