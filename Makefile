# The README's commands. Each target creates .venv when it is missing and installs the project.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CNT_VENV := bench/out/cnt-venv
CNT := $(CNT_VENV)/bin/compute_networks

.PHONY: demo test lab bench lint format chromium venv clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "claimtrack needs Python 3.11 or newer: install it, or run make PYTHON=/path/to/python3.11")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all,dev]'
	@touch $(STAMP)

demo: venv
	$(BIN)/claimtrack validate
	$(BIN)/claimtrack list

test: venv chromium
	$(BIN)/python -m pytest -q

lab: venv
	@mkdir -p notebooks
	CLAIMTRACK_DATA=$(CURDIR)/claims $(BIN)/jupyter lab --notebook-dir=notebooks \
		$(if $(filter 0,$(shell id -u)),--allow-root)

bench: venv
	$(BIN)/python -m pip install --quiet check-jsonschema
	$(BIN)/python bench/run.py
	$(BIN)/python bench/quality.py
	@# The Coordination Network Toolkit, the peer of network detect, in its own environment
	@# (never a dependency of claimtrack); without it the network bench runs alone.
	@test -x $(CNT) || { $(PYTHON) -m venv $(CNT_VENV) && $(CNT_VENV)/bin/pip install --quiet \
		coordination-network-toolkit; } || echo "the Coordination Network Toolkit could not be installed: network bench without it"
	$(BIN)/python bench/network.py $$(test -x $(CNT) && echo --cnt $(CNT))
	$(BIN)/python bench/publish.py
	$(BIN)/python bench/widgets.py

lint: venv
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

format: venv
	$(BIN)/ruff format src tests bench
	$(BIN)/ruff check --fix src tests bench

chromium:
	@sh scripts/ensure-chromium.sh

clean:
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
