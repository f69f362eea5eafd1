# Everything here creates its own environments on first use; see README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MINT_VENV := .venv-mint
NODE_DIR := .node
PYTEST_ARGS ?=
# make test: pytest-xdist workers (worksteal: an idle worker takes tests queued for another,
# so a run does not end with one worker on a backlog of slow tests) and the run's temp dir,
# which the log scan reads after the workers are done. One worker more than cores: the
# workers wait on their mints and on the programs they start, so on 2 cores two kept 1.8
# of them busy; three took the parallel run from 7:50 to 6:42, four did no better (6:44).
TEST_JOBS ?= $(shell echo $$(( $$(nproc) + 1 )))
TEST_TMP := build/pytest-tmp
# Where system-deps installs PostgreSQL (root with apt-get, as in CI) its tests must run, not skip.
REQUIRE_PG := $(shell [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && echo 1)
SCREENSHOTS_DIR ?= screenshots
# The PyInstaller bundle (build.spec): rebuilt when the code, resources or spec change.
PACKAGE := dist/pos-app/pos-app
PACKAGE_INPUTS := build.spec pyproject.toml $(shell find pos_app resources -type f ! -name '*.pyc' 2>/dev/null)
export QT_API := pyside6
# Byte-code is cached as an installed program has it. With PYTHONDONTWRITEBYTECODE in the
# environment (this machine's shells set it) every test worker, and every program and
# command the tests start, compiled the app from source again: ~12% of the CPU of
# test_zreport.py plus test_lifecycle.py.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: run demo test test-deps coverage lint unit bench screenshots package package-test self-test clean venv dev mint-venv node-deps system-deps mutation translations

$(BIN)/.runtime-ok: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required (set PYTHON=...)"; exit 1; }
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -q -e .
	@touch $@

$(BIN)/.dev-ok: pyproject.toml $(BIN)/.runtime-ok
	$(BIN)/python -m pip install --disable-pip-version-check -q -e '.[dev]'
	@touch $@

# The test mint (nutshell, FakeWallet Lightning) lives in its own venv. --no-deps:
# cashu 0.21.0 pins breez-sdk-spark<0.18, which PyPI no longer has; the file is a full freeze.
$(MINT_VENV)/.ok: tests/support/requirements-nutshell.txt
	@[ -x $(MINT_VENV)/bin/python ] || $(PYTHON) -m venv $(MINT_VENV)
	$(MINT_VENV)/bin/python -m pip install --disable-pip-version-check -q --no-deps -r tests/support/requirements-nutshell.txt
	@touch $@

# The reference BC-UR encoder (the one cashu.me uses), for interoperability tests.
# Skipped with a message when node/npm are missing; the tests then skip with the reason.
$(NODE_DIR)/.ok: tests/support/bcur/package.json tests/support/bcur/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		mkdir -p $(NODE_DIR) && cp tests/support/bcur/package.json tests/support/bcur/package-lock.json $(NODE_DIR)/ && \
		(cd $(NODE_DIR) && npm ci --no-audit --no-fund --loglevel=error) && touch $@; \
	else echo "npm not found: BC-UR interoperability tests will be skipped"; fi

# Debian packages the tests use: an X server and a keyboard for the real-window test, the
# libraries Qt's xcb platform needs, libpulse0 (Qt Multimedia: the scanner's capture, video
# files standing in for the camera in the tests), and libzbar0 (the scanner's second decoder, which
# shops' machines have: the scanner benchmark measures with it). Installed only where we are root with apt-get (CI);
# elsewhere the test that needs them is skipped and says which are missing. PostgreSQL's server:
# the several-tills store's tests start their own on 127.0.0.1 (tests/support/pgserver.py).
SYSTEM_PACKAGES := postgresql xvfb xdotool libzbar0 libpulse0 libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 \
	libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 libxcb-shape0
system-deps:
	@if command -v Xvfb >/dev/null && command -v xdotool >/dev/null && \
		dpkg -s $(SYSTEM_PACKAGES) >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null) \
			|| echo "system-deps: apt-get failed; the real-X-server test will be skipped"; \
	else echo "system-deps: not root: install $(SYSTEM_PACKAGES) for the real-X-server test"; fi

venv: $(BIN)/.runtime-ok
dev: $(BIN)/.dev-ok
mint-venv: $(MINT_VENV)/.ok
node-deps: $(NODE_DIR)/.ok

run: $(BIN)/.runtime-ok
	$(BIN)/pos-app $(ARGS)

# Training mode: a play-money till on its own data directory with a local test mint (the
# pinned nutshell of .venv-mint; without POS_TRAINING_MINT_PYTHON the app installs its own).
demo: $(BIN)/.runtime-ok $(MINT_VENV)/.ok
	POS_TRAINING_MINT_PYTHON=$(CURDIR)/$(MINT_VENV)/bin/python $(BIN)/pos-app --training $(ARGS)

lint: $(BIN)/.dev-ok
	$(BIN)/ruff check pos_app tests tools
	$(BIN)/ruff format --check pos_app tests tools

# What the suite needs: the app's venv, the test mint's, the BC-UR reference (npm) and the
# Debian packages, made side by side (on a clean clone 44 s, against 69 s one after another).
test-deps:
	$(MAKE) -j4 --output-sync=target $(BIN)/.dev-ok $(MINT_VENV)/.ok node-deps system-deps

# The whole suite: the parallel run, then the measurements that need an idle machine, the log
# scan over every log of the run, and the bundle's self-test. Untraced: on Python 3.11
# coverage's tracer made the parallel run 16-22% slower (10:27 traced against 8:36 and 9:03
# untraced on 2 cores, the same day); `make coverage` runs the same tests traced.
#
# The bundle is built beside the parallel run: PyInstaller keeps one core busy for about a
# minute, which the run's workers (waiting on their mints and programs) leave partly idle.
# Its log is printed after the run's; package-test then checks the bundle.
test: test-deps
	$(MAKE) lint
	mkdir -p build && rm -f build/package.status
	( $(MAKE) --no-print-directory $(PACKAGE) > build/package.log 2>&1; echo $$? > build/package.status ) & \
		$(PARALLEL_PYTEST) $(PYTEST_ARGS); suite=$$?; wait; cat build/package.log; \
		[ $$suite -eq 0 ] || exit $$suite; [ "$$(cat build/package.status)" -eq 0 ]
	$(alone_and_log_scan)
	$(MAKE) package-test

# The same suite with line and branch coverage of pos_app (CLI subprocesses included, see
# [tool.coverage] in pyproject.toml): table on the terminal, HTML in build/coverage/html,
# then the floors (tools/coverage_floor.py).
coverage: test-deps
	rm -rf build/coverage && mkdir -p build/coverage
	$(call parallel_suite,--cov --cov-report=term --cov-report=html)
	$(alone_and_log_scan)
	$(BIN)/python tools/coverage_floor.py --core 85 --total 70

PARALLEL_PYTEST = POS_REQUIRE_PG=$(REQUIRE_PG) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest \
	-n $(TEST_JOBS) --dist worksteal --basetemp=$(TEST_TMP) -m "not alone" --durations=30

define parallel_suite
	mkdir -p $(dir $(TEST_TMP))
	$(PARALLEL_PYTEST) $(1) $(PYTEST_ARGS)
endef

# Measurements under load (the GUI loop at 200 API calls a second) and the four-till stress
# test on an idle machine: beside another worker's test the server got a share of one core
# (149/s, 436 ms gaps). Then the log scan of the whole run.
define alone_and_log_scan
	mkdir -p $(TEST_TMP)
	POS_REQUIRE_PG=$(REQUIRE_PG) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -p no:cacheprovider -q -m alone \
		--basetemp=$(TEST_TMP)/alone $(PYTEST_ARGS) || [ $$? -eq 5 ]
	POS_LOGSCAN_DIR=$(TEST_TMP) $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_log_scan.py
endef

unit: $(BIN)/.dev-ok
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/unit $(PYTEST_ARGS)

bench: $(BIN)/.dev-ok $(MINT_VENV)/.ok
	$(BIN)/python tools/bench_all.py

# Mutation testing of the money modules (slow; not part of `make test`): see CONTRIBUTING.md.
# MODULES="store.keys payments.policy" picks modules; MUTATION_ARGS="--max-children 2" passes options.
MODULES ?=
MUTATION_ARGS ?=
mutation: $(BIN)/.dev-ok $(MINT_VENV)/.ok
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/mutation.py $(MUTATION_ARGS) $(MODULES)

# Installation check from the source tree (the bundle runs the same code: package-test).
self-test: $(BIN)/.runtime-ok
	QT_QPA_PLATFORM=offscreen $(BIN)/pos-app --self-test

# One-folder bundle in dist/pos-app/ (see build.spec); about a minute.
$(PACKAGE): $(BIN)/.dev-ok $(PACKAGE_INPUTS)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build.spec
	@touch $@

package: $(PACKAGE)

# What CI checks: the bundled executable starts, and its self-test passes headless
# (encrypted database through the bundled migrations, crypto, QR, Qt plugins).
package-test: $(PACKAGE)
	$(PACKAGE) --version
	@mkdir -p build
	QT_QPA_PLATFORM=offscreen $(PACKAGE) --self-test --json > build/self-test.json; \
		status=$$?; cat build/self-test.json; \
		[ $$status -eq 0 ] || { echo "bundle self-test failed (exit $$status)"; exit 1; }

# PNGs of every window and state (main window pages, Sell, payment states, customer display,
# receipt, Activity, Wallet, Settings, setup wizard, unlock, health, notifications), each in
# the light and the dark theme, for review.
screenshots: $(BIN)/.dev-ok $(MINT_VENV)/.ok
	mkdir -p $(SCREENSHOTS_DIR)
	SCREENSHOTS_DIR=$(abspath $(SCREENSHOTS_DIR)) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/gui -k "screenshot or test_main_window"
	@echo "screenshots in $(abspath $(SCREENSHOTS_DIR))"

# German, French and Spanish: refresh the .ts files from every tr()/translate/QT_TRANSLATE_NOOP
# text in the GUI and the settings' declarations, then compile the .qm files the app loads.
# New texts arrive untranslated ("unfinished"): translate them (tools/translations.py todo /
# fill, or pyside6-linguist), run this again, and commit both the .ts and the .qm files.
I18N_LANGUAGES := de fr es
I18N_SOURCES = $(shell find pos_app/ui -name '*.py' | sort) pos_app/core/config.py pos_app/core/presets.py \
	pos_app/core/reports/zsections.py
# No dependency on the venv stamp: in a git worktree that shares the venv, re-running its
# pip install would point the shared editable install at the worktree.
translations:
	$(BIN)/pyside6-lupdate -locations none -no-obsolete $(I18N_SOURCES) \
		-ts $(foreach l,$(I18N_LANGUAGES),resources/i18n/pos_app_$(l).ts)
	for l in $(I18N_LANGUAGES); do \
		$(BIN)/pyside6-lrelease -silent resources/i18n/pos_app_$$l.ts -qm resources/i18n/pos_app_$$l.qm || exit 1; \
	done

clean:
	rm -rf build dist $(SCREENSHOTS_DIR) .pytest_cache .ruff_cache
