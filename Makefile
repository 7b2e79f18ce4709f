# The two commands of README.md. Everything else is plumbing for them.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
AXE := node_modules/axe-core/axe.min.js

.PHONY: run test lint screenshots

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $@

# axe-core for the accessibility scan of the browser tests (docs/testing.md).
$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The browser tests need Debian's chromium and npm (for axe-core). On a machine with only
# Python they are skipped, with the reason in the test report; CI (.ci/run) installs both and
# sets PM_BROWSER_REQUIRED=1, so there they always run.
HAS_BROWSER := $(shell command -v chromium >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && echo ja)
ifneq ($(HAS_BROWSER),ja)
ifneq ($(PM_BROWSER_REQUIRED),1)
export PM_BROWSER_OPTIONAL := 1
endif
endif
BROWSER_DEPS := $(if $(HAS_BROWSER),$(AXE),)

run: export DEBUG ?= 1
run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py laad_brondata
	$(PY) manage.py demo_accounts
	$(PY) manage.py runserver 127.0.0.1:8000

# One pytest worker per core (pytest-xdist); `make test PYTEST_WORKERS=0` runs in one process.
PYTEST_WORKERS ?= auto
test: $(VENV)/.installed $(BROWSER_DEPS)
	$(PY) -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# docs/screenshots/*.png from a throwaway database (docs/testing.md).
screenshots: export DEBUG ?= 1
screenshots: $(VENV)/.installed
	$(PY) manage.py screenshots
