# The README's commands: `make run`, `make dev` and `make test`. Everything they need is
# installed here, at the versions pinned in the lock files.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
TRANSLATIONS := buurtlog/translations
# `make run` serves on this machine the way a small organisation runs buurtlog on one server.
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2

.PHONY: run dev test lint install install-test translations messages lock chromium checkers \
	database bench clean

run: database
	@echo "== Serving buurtlog on http://$(HOST):$(PORT) (gunicorn, $(WORKERS) workers)"
	$(BIN)/gunicorn --workers $(WORKERS) --bind $(HOST):$(PORT) app:app

# The same app with Flask's debug server: reloads on changes, shows tracebacks. Never in use.
dev: database
	$(BIN)/flask run --debug --host $(HOST) --port $(PORT)

# Migrate the SQLite database in instance/ and load the demo organisation (idempotent).
database: install translations instance/secret-key
	$(BIN)/flask db upgrade
	$(BIN)/flask demo

# The key that signs sessions, made once and kept on this machine for every worker.
instance/secret-key: | $(BIN)/python
	@mkdir -p instance
	@umask 077 && $(BIN)/python -c 'import secrets; print(secrets.token_hex(32))' > $@

test: install-test translations chromium checkers
	@echo "== Test suite on SQLite"
	TEST_DATABASE_URL= $(BIN)/pytest --cov=buurtlog --cov-branch --cov-report=term:skip-covered
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== Test suite on PostgreSQL ($$TEST_DATABASE_URL)"; $(BIN)/pytest; \
	else echo "== PostgreSQL run skipped: set TEST_DATABASE_URL to run the suite on it too"; fi

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/bandit --quiet --recursive buurtlog --severity-level medium
	$(BIN)/mypy

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Dependencies come from the lock files only (exact versions, checked by hash); the app itself
# is then installed on top of them, editable, without resolving anything again.
install: $(VENV)/.installed
$(VENV)/.installed: requirements.lock pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install-test: $(VENV)/.installed-test
$(VENV)/.installed-test: requirements-test.lock pyproject.toml setup.py | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements-test.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(VENV)/.installed $@

# Refresh the lock files after changing the dependencies in pyproject.toml: kept pins stay,
# new ones are resolved. `make lock UPGRADE=1` moves everything to the newest allowed release.
LOCK_FLAGS = --quiet --generate-hashes --python-version 3.11 --extra build $(if $(UPGRADE),--upgrade)
lock: | $(BIN)/python
	$(BIN)/pip install --quiet "uv>=0.5"
	$(BIN)/uv pip compile pyproject.toml $(LOCK_FLAGS) --output-file requirements.lock
	$(BIN)/uv pip compile pyproject.toml $(LOCK_FLAGS) --extra test \
		--constraint requirements.lock --output-file requirements-test.lock

# The .mo files are built here (and into a wheel by setup.py), never committed.
translations: install
	$(BIN)/pybabel compile --statistics -d $(TRANSLATIONS)

# Refresh the catalogues after changing user-facing text; then translate what is new.
messages: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --sort-output \
		-o $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --no-fuzzy-matching

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
	rm -rf $(VENV) $(TRANSLATIONS)/*/LC_MESSAGES/*.mo .coverage .mypy_cache
