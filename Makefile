# Two commands for a fresh machine with Python 3.11:
#   make serve   live preview at http://127.0.0.1:8000/h20/
#   make test    build the site, run every check and test
.POSIX:
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
SITE   := $(VENV)/.site
STAMP  := $(VENV)/.installed

.PHONY: serve build test new-page translated bench budget screenshots pdf lock clean

# What builds the site (the deploy job installs only this), then our own package
# in editable mode: scripts/site_tools, with the MkDocs plugin and the CLI.
$(SITE): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $(SITE)

# Everything else that tests and develops it.
$(STAMP): $(SITE) requirements-dev.txt
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(SITE)
	$(PY) -m site_tools build

# The strict build's site is the one the tests read (H20_BUILT_SITE): built once, outside the
# tree, and deleted after. CI keeps it to deploy (SITE_OUT, a new folder) and prints the
# findings as annotations (FORMAT=github).
FORMAT ?= text
test: $(STAMP)
	$(VENV)/bin/ruff check scripts tests
	$(VENV)/bin/ruff format --check scripts tests
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && out="$${SITE_OUT:-$$tmp/site}" && \
	echo "$(PY) -m site_tools build --strict --format $(FORMAT) --site-dir $$out" && \
	$(PY) -m site_tools build --strict --format $(FORMAT) --site-dir "$$out" && \
	echo "$(PY) -m pytest" && \
	H20_BUILT_SITE="$$out" $(PY) -m pytest

# A new page pair: make new-page SLUG=ai-diffusion-rule TITLE_ZH="AI 扩散规则" TITLE_EN="The AI diffusion rule"
new-page: $(STAMP)
	$(PY) -m site_tools new-page "$(SLUG)" "$(TITLE_ZH)" "$(TITLE_EN)"

# After checking an English page against the current Chinese: make translated PAGE=us-motives
# (or PAGE=us-motives.en.md, or PAGE=docs/us-motives.en.md)
translated: $(STAMP)
	$(PY) -m site_tools translated $(PAGE)

# Figures, not tests: build/check times for synthetic sites, and the performance budget.
bench: $(STAMP)
	$(PY) -m site_tools bench

budget: build
	$(PY) -m site_tools budget

# Every page in both languages, light, dark and at 375 px, into test-artifacts/screenshots/.
screenshots: build
	$(PY) -m site_tools screenshots

# The print edition (every section on one page) as a PDF per language, into test-artifacts/pdf/.
pdf: build
	$(PY) -m site_tools pdf

# Re-pin requirements*.txt (with hashes) after editing requirements*.in.
LOCK := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links
lock: $(STAMP)
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile $(LOCK) --output-file requirements.txt requirements.in
	$(VENV)/bin/pip-compile $(LOCK) --output-file requirements-dev.txt requirements-dev.in

clean:
	rm -rf site .cache .pytest_cache test-artifacts
