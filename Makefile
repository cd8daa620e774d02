# rlbook: the two commands. `make site` builds the book; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
RLBOOK = .build/release/rlbook

.PHONY: site test deps library tool lint unit-tests chapters-test site-test bench clean serve

## Install any missing system packages (Debian 12), then build the site.
site: deps library tool
	$(RLBOOK) build

## Run every test: lint, unit tests, then every chapter fresh against its recorded outputs.
test: deps library tool lint
	RLBOOK_LIBRARY_PATH=$(CURDIR)/.build/release $(SWIFT) test
	$(RLBOOK) test
	$(MAKE) --no-print-directory site-test

## Check the committed site/: every internal link and #anchor resolves, and a reader's tour
## in headless Chromium (skipped, saying so, when Chromium cannot start).
site-test:
	python3 tests/site/check_links.py site
	python3 tests/browser/check_site.py site .build/browser-test

## Live preview on http://127.0.0.1:8000/, rebuilding on every edit.
serve: deps library tool
	$(RLBOOK) serve

## Install missing Debian packages (needs root or sudo); anything missing that cannot be
## installed is named in one line (see .ci/deps).
deps:
	@.ci/deps

## The RL library, in release mode: chapters link against it.
library:
	$(SWIFT) build -c release --product RL

## The book compiler, in release mode: rendering and hashing a whole site must take a
## fraction of a second. The first build compiles swift-syntax with optimisation (several
## minutes on two cores); later builds reuse it.
tool:
	$(SWIFT) build -c release --product rlbook

## Check every Swift file against the repository's full swift-format configuration.
lint:
	$(SWIFT) format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build .rlbook-cache

## Benchmarks (figures, never pass/fail): how long an author waits for a rebuild, rlbook
## next to Jupyter Book 1, and the library's speed next to plain Python, Gymnasium and JAX
## on the same machine. `make bench BENCH_PREBUILT=DIR` times the prebuilt products in DIR
## and builds nothing (see bench/common.sh).
bench: $(if $(BENCH_PREBUILT),,library tool)
	bench/rebuild.sh
	bench/against-jupyter-book.sh
	bench/tabular.sh
	bench/policy-gradient.sh
	bench/language-model.sh
