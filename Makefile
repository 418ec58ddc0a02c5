# The two commands: `make run` and `make test`. Both build their own environment.
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
	$(BIN)/streamlit run app.py --server.port $(PORT)

# The tests' temporary files (pytest's, the servers', the browsers') go in one folder, removed after.
test: $(STAMP)
	@scratch=$$(mktemp -d "$${TMPDIR:-/tmp}/medialit-test.XXXXXX"); \
	TMPDIR="$$scratch" $(BIN)/python -m pytest -q $(PYTEST_ARGS); status=$$?; rm -rf "$$scratch"; exit $$status

lint: $(STAMP)
	$(BIN)/ruff check medialit tests app.py benchmarks deploy
	$(BIN)/mypy
	$(BIN)/medialit validate --strict

validate: $(STAMP)
	$(BIN)/medialit validate --strict

schema: $(STAMP)
	$(BIN)/medialit schema

# Results go to data/bench/ (not tracked); benchmarks/results.json is the reference docs/deploy.md cites.
BENCH_OUT ?= data/bench/results.json
bench: $(STAMP)
	mkdir -p $(dir $(BENCH_OUT))
	$(BIN)/python -m benchmarks.run --output $(BENCH_OUT)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
