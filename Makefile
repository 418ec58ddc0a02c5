# The two commands: `make run` and `make test`. Both build their own environment.
# `make run` starts serve.py: the app (app.py) with compressed front-end files and a warm-up (medialit/server).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8501

.PHONY: run test lint bench schema validate clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/streamlit run serve.py --server.port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check medialit tests app.py serve.py benchmarks deploy scripts
	$(BIN)/mypy
	$(BIN)/medialit validate --strict

validate: $(STAMP)
	$(BIN)/medialit validate --strict

schema: $(STAMP)
	$(BIN)/medialit schema

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
