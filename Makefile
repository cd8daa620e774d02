# rlbook: the two commands. `make site` builds the book; `make test` runs every test.
SHELL := /bin/bash
SWIFT ?= swift
RLBOOK = .build/debug/rlbook
APT_PACKAGES = libcmark-gfm-dev libcmark-gfm-extensions-dev katex libjs-katex fonts-katex nodejs

.PHONY: site test deps library tool unit-tests chapters-test bench clean

## Install any missing system packages (Debian 12), then build the site.
site: deps library tool
	$(RLBOOK) build

## Run every test: unit tests, then every chapter fresh against its recorded outputs.
test: deps library tool
	RLBOOK_LIBRARY_PATH=$(CURDIR)/.build/release $(SWIFT) test
	$(RLBOOK) test

## Install missing Debian packages (needs root or sudo).
deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing: $$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

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
