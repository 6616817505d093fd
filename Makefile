# The README's two commands: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint install install-test translations messages chromium checkers bench clean

run: install translations
	$(BIN)/flask db upgrade
	$(BIN)/flask demo
	$(BIN)/flask run

test: install-test translations chromium checkers
	@echo "== Test suite on SQLite"
	TEST_DATABASE_URL= $(BIN)/pytest
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== Test suite on PostgreSQL ($$TEST_DATABASE_URL)"; $(BIN)/pytest; \
	else echo "== PostgreSQL run skipped: set TEST_DATABASE_URL to run the suite on it too"; fi

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/bandit --quiet --recursive buurtlog --severity-level medium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

install-test: $(VENV)/.installed-test
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

# The .mo files are built here, never committed.
translations: install
	$(BIN)/pybabel compile --statistics -d translations

# Refresh the catalogues after changing user-facing text; then translate what is new.
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --sort-output -o translations/messages.pot .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

# The browser tests use Debian's Chromium; Playwright cannot download browsers here.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "== Installing Debian's Chromium for the browser tests"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# The outside checkers (axe-core, the Nu HTML Checker, Lighthouse 12) come from npm, pinned in
# package-lock.json; npm ci runs again whenever the lock file is newer than node_modules.
checkers: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	@echo "== Installing the outside checkers from package-lock.json"
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

bench: install-test
	@echo "See BENCHMARKS.md for the benchmarks and the commands that run them."

clean:
	rm -rf $(VENV) translations/*/LC_MESSAGES/*.mo
