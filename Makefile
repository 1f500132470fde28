# corslint: make demo (first look), make test (everything, installs what it needs).
GO      ?= go
BIN     ?= bin/corslint
PKGS    := ./...
FUZZTIME ?= 10s

.PHONY: all build demo test test-unit test-browser deps lint fmt vet staticcheck fuzz bench docs clean

all: build

build:
	$(GO) build -o $(BIN) .

## demo: run corslint against the embedded example server (no setup needed).
demo:
	$(GO) run . demo

## test: unit tests, fuzz seeds and the Chromium conformance suite; installs Chromium when missing.
test: deps test-unit test-browser

test-unit:
	$(GO) test -race -shuffle=on $(PKGS)

## test-browser: drive a real headless Chromium against local servers.
test-browser: deps
	$(GO) test -tags browser -count=1 -timeout 10m -run 'TestChromiumConformance' -v ./conformance/

## deps: Go modules, and Debian's chromium for the browser suite.
deps:
	$(GO) mod download
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || { \
		echo "installing chromium (Debian package)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

lint: fmt vet staticcheck

fmt:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet $(PKGS)
	$(GO) vet -tags browser ./conformance/

staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 $(PKGS)
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 -tags browser ./conformance/

## fuzz: run every fuzz target briefly ($(FUZZTIME) each).
fuzz:
	FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

## bench: benchmarks against a local loopback server.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./lint/...

## docs: regenerate docs/rules.md from the rule values (a test fails when it is stale).
docs:
	$(GO) run . rules --format markdown > docs/rules.md

clean:
	rm -rf bin
