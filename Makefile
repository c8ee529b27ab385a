# Spanmark's two set-up commands on a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds and starts the app
#   make test   installs what is missing and runs every test
# Go (1.25 or newer) must already be on PATH.

# The C packages Fyne's GLFW driver builds against, and the X server and
# tools the end-to-end test drives the real window with. Fyne draws the
# glyphs its bundled font lacks (CJK) with a system font: the text view's
# golden images are drawn with Droid Sans Fallback.
APT_PACKAGES := gcc pkg-config libgl1-mesa-dev xorg-dev libxkbcommon-dev \
	xvfb xdotool imagemagick x11-utils fonts-dejavu-core fonts-droid-fallback python3
# UTF-8 character handling comes from C.UTF-8, which every Debian has;
# Fyne reads it too (package app/locale makes it readable to Fyne).
export LANG := C.UTF-8
unexport LC_ALL

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps run build test race vet staticcheck fmt-check bench e2e fuzz

# deps installs only the packages dpkg does not already have.
deps:
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

build: deps
	go build -o spanmark .

run: build
	./spanmark

# The ci tag makes fyne.io/fyne/v2/app use Fyne's headless test driver,
# so the tests need no display.
test: deps
	go test -tags ci -count=1 ./...

# race runs every package's tests under the race detector. The UI's
# tests do the app's background work in place (app/apptest), so they are
# race-free too; they run one window at a time (Fyne's test driver keeps
# the current app and the last window in globals).
race: deps
	go test -tags ci -race -count=1 ./annotate/... ./storage/... ./app/...

vet:
	go vet -tags ci ./...
	go vet ./...

# staticcheck is a development tool, not a dependency of Spanmark: it is
# installed into GOPATH/bin at a pinned version when missing.
STATICCHECK_VERSION := v0.8.2
STATICCHECK := $(shell go env GOPATH)/bin/staticcheck
staticcheck:
	@$(STATICCHECK) -version 2>/dev/null | grep -q '($(STATICCHECK_VERSION:v%=%))' || \
		go install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(STATICCHECK) -tags ci ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go')); \
	if [ -n "$$out" ]; then echo "not gofmt-formatted:"; echo "$$out"; exit 1; fi

# bench measures the scale budgets (a 1 MB document with 20,000
# annotations, a project of a million; what a user sees of the real window
# under Xvfb, .ci/bench_e2e.sh) and prints one table of figures against
# budgets. It takes several minutes; BENCH_DIR caches the data
# sets it generates (default /tmp/spanmark-bench).
bench: deps
	bash .ci/bench.sh

# A short run of every fuzz target beyond its seeds: each importer must
# neither panic nor return documents with an error; offsets and tokens
# must agree with naive reference implementations. FUZZTIME is per
# target, a count of inputs rather than a duration: a duration can end
# while a worker is busy and fail the run ("context deadline exceeded").
FUZZTIME ?= 20000x
FUZZ_TARGETS := ./annotate:FuzzIndex ./annotate:FuzzTokenize \
	./annotate/formats:FuzzImportSpacy ./annotate/formats:FuzzImportDoccano \
	./annotate/formats:FuzzImportLabelStudio ./annotate/formats:FuzzImportBrat \
	./annotate/formats:FuzzImportCoNLL ./annotate/formats:FuzzImportW3C \
	./annotate/formats:FuzzProbeSchemaLine
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; \
		echo "fuzz $$fn ($(FUZZTIME))"; \
		go test -tags ci -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 2s -parallel 2 $$pkg || exit 1; \
	done
