# podrun — build, test, demo. Every target works on a fresh machine with a running Docker engine
# and the Go toolchain: images for examples and tests are built locally (no registry).
GO        ?= go
BIN       := bin/podrun
GOFLAGS_BUILD := -trimpath

.PHONY: all build test unit integration bench demo images lint fmt vet staticcheck cross golden clean

all: build

build:
	CGO_ENABLED=0 $(GO) build $(GOFLAGS_BUILD) -o $(BIN) ./cmd/podrun

# The images examples and tests run: built FROM scratch from Debian's busybox-static.
images:
	./scripts/ensure-busybox.sh
	$(GO) run ./internal/tools/testimage

# Everything: lint, unit tests, then the integration tests against the real engine.
test: lint unit integration

unit:
	$(GO) test -race -count=1 ./...

integration: build images
	$(GO) test -count=1 -tags integration -timeout 30m ./integration/...

bench: build images
	$(GO) test -run '^$$' -bench . -benchtime 10x -count 1 -tags integration -timeout 60m ./integration/...

demo: build images
	./$(BIN) run examples/sidecar-http.yaml

lint: fmt vet staticcheck cross

# podrun runs on the user's OS whatever the engine's: it must build for macOS and Windows too.
cross:
	GOOS=darwin GOARCH=arm64 CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/podrun
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/podrun

fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...
	$(GO) vet -tags integration ./integration/...

# staticcheck is pinned as a tool in go.mod (go tool), so every machine runs the same version.
staticcheck:
	$(GO) tool staticcheck ./...
	$(GO) tool staticcheck -tags integration ./integration/...

# Rewrites the golden files (and docs/fidelity.md) of every package whose tests use them; review
# the diff afterwards.
golden:
	$(GO) test -count=1 $$($(GO) list -f '{{.ImportPath}}{{range .TestImports}} {{.}}{{end}}' ./... \
		| awk '/internal\/goldenfile/ && $$1 !~ /goldenfile$$/ {print $$1}') -update

clean:
	rm -rf bin
