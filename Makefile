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

# The tests' temporary files (pytest's, the servers', the browsers') go in one folder, removed after.
test: $(STAMP)
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/medialit-test.XXXXXX"); \
	TMPDIR="$$scratch" $(BIN)/python -m pytest -q $(PYTEST_ARGS); status=$$?; rm -rf "$$scratch"; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check medialit tests app.py serve.py benchmarks deploy scripts
	$(BIN)/mypy
	$(BIN)/medialit validate --strict

validate: $(STAMP)
	$(BIN)/medialit validate --strict

schema: $(STAMP)
	$(BIN)/medialit schema

# Results go to benchmarks/work/results.json (git-ignored): the checkout stays clean.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.run --output benchmarks/work/results.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
