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

.PHONY: deps run build test race vet staticcheck fmt-check bench e2e fuzz \
	install uninstall release release-linux release-windows deps-windows

# The version: FyneApp.toml's, and what git describe says of the source,
# which "spanmark version" prints.
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
GIT_DESCRIBE := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X spanmark/app/cli.gitDescribe=$(GIT_DESCRIBE)

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
	go build -ldflags "$(LDFLAGS)" -o spanmark .

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

# install puts Spanmark on this desk: the binary in ~/.local/bin, and a
# desktop entry, the icon and the file type application/x-spanmark
# (*.spanmark) under ~/.local/share, so that it is in the desktop's menu
# and opens project files. PREFIX=/usr/local (as root) installs for
# everyone; DESTDIR stages the files for a package, without touching the
# desktop's databases. uninstall removes exactly these files.
PREFIX ?= $(HOME)/.local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
ICONDIR := $(DATADIR)/icons/hicolor/256x256/apps
INSTALLED := $(BINDIR)/spanmark $(DATADIR)/applications/spanmark.desktop \
	$(ICONDIR)/spanmark.png $(DATADIR)/mime/packages/spanmark.xml

# The desktop's databases of file types and applications are brought up
# to date where their tools are installed, except in a staging DESTDIR.
UPDATE_DATABASES = @[ -n "$(DESTDIR)" ] || { \
	! command -v update-mime-database >/dev/null || update-mime-database "$(DATADIR)/mime"; \
	! command -v update-desktop-database >/dev/null || update-desktop-database "$(DATADIR)/applications"; }

install: build
	install -Dm755 spanmark "$(DESTDIR)$(BINDIR)/spanmark"
	install -Dm644 assets/icon.png "$(DESTDIR)$(ICONDIR)/spanmark.png"
	install -Dm644 assets/spanmark-mime.xml "$(DESTDIR)$(DATADIR)/mime/packages/spanmark.xml"
	mkdir -p "$(DESTDIR)$(DATADIR)/applications"
	sed 's|^Exec=spanmark |Exec=$(BINDIR)/spanmark |' assets/spanmark.desktop > "$(DESTDIR)$(DATADIR)/applications/spanmark.desktop"
	chmod 644 "$(DESTDIR)$(DATADIR)/applications/spanmark.desktop"
	$(UPDATE_DATABASES)

uninstall:
	rm -f $(foreach f,$(INSTALLED),"$(DESTDIR)$(f)")
	$(UPDATE_DATABASES)

# release makes the archives to publish, in dist/: Linux amd64 in the
# layout "fyne package" gives (the binary, the desktop entry, the icon, the
# file type and a Makefile that installs them), and Windows amd64,
# cross-built with mingw-w64. The Windows binary is a console program, so
# that its command line prints; the window opens all the same.
DIST := dist
LINUX_TREE := $(DIST)/linux
LINUX_ARCHIVE := $(DIST)/spanmark-$(VERSION)-linux-amd64.tar.xz
WINDOWS_ARCHIVE := $(DIST)/spanmark-$(VERSION)-windows-amd64.zip
# SOURCE_DATE_EPOCH is the last commit's time, given to every file in the
# archives, so that one commit gives the same archives.
SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

# RELEASE_FLAGS keeps the build machine's paths out of the binaries. CI
# checks the archives with RELEASE_FLAGS= so that the Linux build reuses
# the packages make build compiled (-trimpath changes every package's
# cache key, and compiling Fyne and GLFW again costs minutes).
RELEASE_FLAGS ?= -trimpath

release: release-linux release-windows

release-linux: deps
	rm -rf "$(LINUX_TREE)" "$(LINUX_ARCHIVE)"
	CGO_ENABLED=1 GOOS=linux GOARCH=amd64 go build $(RELEASE_FLAGS) -ldflags "$(LDFLAGS)" -o "$(LINUX_TREE)/usr/local/bin/spanmark" .
	install -Dm644 assets/spanmark.desktop "$(LINUX_TREE)/usr/local/share/applications/spanmark.desktop"
	install -Dm644 assets/icon.png "$(LINUX_TREE)/usr/local/share/pixmaps/spanmark.png"
	install -Dm644 assets/spanmark-mime.xml "$(LINUX_TREE)/usr/local/share/mime/packages/spanmark.xml"
	install -Dm644 assets/release.mk "$(LINUX_TREE)/Makefile"
	tar -C "$(LINUX_TREE)" --sort=name --owner=0 --group=0 --numeric-owner --mtime=@$(SOURCE_DATE_EPOCH) \
		-cJf "$(LINUX_ARCHIVE)" Makefile usr
	@echo "made $(LINUX_ARCHIVE)"

# deps-windows installs the mingw-w64 cross-compiler when it is missing.
deps-windows:
	@command -v x86_64-w64-mingw32-gcc >/dev/null || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64; }

release-windows: deps-windows
	rm -rf "$(DIST)/windows" "$(WINDOWS_ARCHIVE)"
	CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 \
		go build $(RELEASE_FLAGS) -ldflags "$(LDFLAGS)" -o "$(DIST)/windows/spanmark-$(VERSION)/spanmark.exe" .
	cp assets/icon.png "$(DIST)/windows/spanmark-$(VERSION)/spanmark.png"
	touch -d @$(SOURCE_DATE_EPOCH) "$(DIST)/windows/spanmark-$(VERSION)" "$(DIST)/windows/spanmark-$(VERSION)"/*
	cd "$(DIST)/windows" && zip -qrX "../$(notdir $(WINDOWS_ARCHIVE))" "spanmark-$(VERSION)"
	@echo "made $(WINDOWS_ARCHIVE)"
