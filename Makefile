# The two commands of the README (`make run`, `make test`) set everything up themselves:
# Debian packages where missing, a virtual environment in .venv, the package with its test extra,
# and the compiled translations.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_WORKSPACE ?= demo-workspace
export QTWEBENGINE_CHROMIUM_FLAGS ?= --no-sandbox

.PHONY: setup run test lint bench translations lupdate screenshots installer clean

setup: $(STAMP) translations

$(STAMP): pyproject.toml
	sh tools/install_system_packages.sh
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "FieldCollect needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/pyside6-lrelease -silent resources/translations/*.ts

# After changing texts in ui/: list them in the .ts files (then translate them, e.g. in pyside6-linguist).
lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate $$(find ui -name '*.py' | sort) -no-obsolete \
		-ts resources/translations/fieldcollect_zh_CN.ts resources/translations/fieldcollect_en.ts

run: setup
	$(BIN)/fieldcollect demo --workspace $(DEMO_WORKSPACE)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -m "not benchmark" -q

bench: setup
	$(BIN)/python -c 'import ortools' 2>/dev/null || $(BIN)/python -m pip install -q -e ".[bench]"
	FIELDCOLLECT_BENCH_DATA=$${FIELDCOLLECT_BENCH_DATA:-../shared/bench} QT_QPA_PLATFORM=offscreen \
		$(BIN)/pytest -m benchmark -q -s tests/benchmarks
	@echo "figures written to bench-results.json"

# PNGs of the main screens in zh-CN for docs/screenshots/ (look at them before committing).
screenshots: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

# The one-folder application in dist/FieldCollect (PyInstaller, build_installer.spec), its size, and
# its smoke test on a freshly built demo workspace. Takes minutes, so it is not part of `make test`.
installer: setup
	test -x $(BIN)/pyinstaller || $(BIN)/python -m pip install -q "pyinstaller>=6.5"
	$(BIN)/pyinstaller --noconfirm build_installer.spec
	@du -sh dist/FieldCollect | awk '{ print "dist/FieldCollect: " $$1 }'
	@set -e; scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
		export FIELDCOLLECT_CONFIG_DIR="$$scratch/config" FIELDCOLLECT_LOG_DIR="$$scratch/logs"; \
		$(BIN)/fieldcollect demo --workspace "$$scratch/workspace" --no-gui; \
		FIELDCOLLECT_SMOKE_TEST=1 QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox \
			dist/FieldCollect/fieldcollect --workspace "$$scratch/workspace"

clean:
	rm -rf $(VENV) build dist *.egg-info resources/translations/*.qm
