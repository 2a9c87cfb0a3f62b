# Two commands for a fresh machine with Python 3.11:
#   make serve   live preview at http://127.0.0.1:8000/h20/
#   make test    build the site, run every check and test
.POSIX:
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test new-page translated bench budget screenshots lock clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	touch $(STAMP)

serve: $(STAMP)
	$(VENV)/bin/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)
	$(PY) scripts/build.py

test: $(STAMP)
	$(PY) scripts/build.py --strict
	$(PY) -m pytest

# A new page pair: make new-page SLUG=chip-rules TITLE_ZH="芯片规则" TITLE_EN="Chip rules"
new-page: $(STAMP)
	$(PY) scripts/new_page.py "$(SLUG)" "$(TITLE_ZH)" "$(TITLE_EN)"

# After checking an English page against the current Chinese: make translated PAGE=us-motives
translated: $(STAMP)
	$(PY) scripts/translation.py record $(PAGE)

# Figures, not tests: build/check times for synthetic sites, and the performance budget.
bench: $(STAMP)
	$(PY) scripts/bench.py

budget: build
	$(PY) scripts/budget.py

# Every page in both languages, light, dark and at 375 px, into test-artifacts/screenshots/.
screenshots: build
	$(PY) scripts/screenshots.py

# Re-pin requirements.txt (with hashes) after editing requirements.in.
lock: $(STAMP)
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url \
	  --no-emit-find-links --output-file requirements.txt requirements.in

clean:
	rm -rf site .cache .pytest_cache test-artifacts
