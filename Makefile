# rlbook: the two commands. `make site` builds the book; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
RLBOOK = .build/debug/rlbook

.PHONY: site test deps library tool unit-tests chapters-test bench clean

## Install any missing system packages (Debian 12), then build the site.
site: deps library tool
	$(RLBOOK) build

## Run every test: unit tests, then every chapter fresh against its recorded outputs.
test: deps library tool
	RLBOOK_LIBRARY_PATH=$(CURDIR)/.build/release $(SWIFT) test
	$(RLBOOK) test

## Install missing Debian packages (needs root or sudo); anything missing that cannot be
## installed is named in one line (see .ci/deps).
deps:
	@.ci/deps

## The RL library, in release mode: chapters link against it.
library:
	$(SWIFT) build -c release --product RL

## The book compiler.
tool:
	$(SWIFT) build --product rlbook

clean:
	rm -rf .build .rlbook-cache

## How long an author waits: cold build, no-op, prose edit, one-cell edit, test.
bench: library tool
	bench/rebuild.sh
