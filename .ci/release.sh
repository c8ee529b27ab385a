#!/usr/bin/env bash
# Builds the release archives (make release) and checks them: the Linux
# archive's layout and its install Makefile, and the Windows build, cross-
# compiled with mingw-w64 (installed here when missing). The Windows
# binary's command line is then run under wine, when Debian's wine64 can
# be installed: version, and an import and export of the sample article
# whose export must equal the Linux binary's, document and spans.
# Every step is time-boxed (RELEASE_TIMEOUT, default 20 minutes for the
# cross-build, which compiles GLFW's C code).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
unset LC_ALL
timeout=${RELEASE_TIMEOUT:-1200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
trap 'exit 1' INT TERM
fail() { echo "release test: $*" >&2; exit 1; }
version=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)

SECONDS=0
timeout "$timeout" make -s release-linux RELEASE_FLAGS=
linux=dist/spanmark-$version-linux-amd64.tar.xz
listing=$(tar -tJf "$linux" | grep -v '/$' | LC_ALL=C sort)
want="Makefile
usr/local/bin/spanmark
usr/local/share/applications/spanmark.desktop
usr/local/share/mime/packages/spanmark.xml
usr/local/share/pixmaps/spanmark.png"
[ "$listing" = "$want" ] || fail "$linux holds:
$listing
want:
$want"
mkdir "$work/linux"
tar -C "$work/linux" -xJf "$linux"
make -s -C "$work/linux" install DESTDIR="$work/root" PREFIX=/usr
"$work/root/usr/bin/spanmark" version | grep -q "^spanmark $version " || fail "the archive's binary: $("$work/root/usr/bin/spanmark" version)"
make -s -C "$work/linux" uninstall DESTDIR="$work/root" PREFIX=/usr
[ -z "$(find "$work/root" -type f)" ] || fail "the archive's uninstall left $(find "$work/root" -type f)"
echo "linux archive: ok ($SECONDS s)"

SECONDS=0
timeout "$timeout" make -s release-windows RELEASE_FLAGS=
windows=dist/spanmark-$version-windows-amd64.zip
unzip -q "$windows" -d "$work/windows"
exe=$work/windows/spanmark-$version/spanmark.exe
file "$exe" | grep -q 'PE32+ executable.*x86-64' || fail "$exe: $(file "$exe")"
echo "windows build: ok ($SECONDS s)"

# wine: Debian's wine64 puts its loader outside PATH.
SECONDS=0
if ! command -v wine64 >/dev/null && [ ! -x /usr/lib/wine/wine64 ]; then
	timeout 600 bash -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wine64' >/dev/null ||
		{ echo "wine: wine64 could not be installed; the Windows CLI is not run"; exit 0; }
fi
wine=$(command -v wine64 || echo /usr/lib/wine/wine64)
export WINEPREFIX=$work/wine WINEDEBUG=-all
unset DISPLAY
got=$(timeout 300 "$wine" "$exe" version 2>&1 | tr -d '\r' || true)
if echo "$got" | grep -q 'bcryptprimitives.dll not found'; then
	# Go's runtime (since 1.22) takes its random numbers from ProcessPrng
	# in bcryptprimitives.dll, which Windows 10 and later have and Wine
	# before 9 lacks: Debian 12's wine64 is 8.0.
	echo "wine: $("$wine" --version) lacks bcryptprimitives.dll, which Go's runtime needs; the Windows CLI is not run"
	exit 0
fi
echo "$got" | grep -q "^spanmark $version (build .* windows/amd64)$" || fail "wine spanmark.exe version: $got"
# The sample article (curly quotes, an em dash) and a synthetic export
# with annotations in non-ASCII text go in; the exports of both binaries
# must hold the same texts and spans.
cp testdata/article.txt "$work/article.txt"
native=(env -u DISPLAY "$work/root/usr/bin/spanmark")
make -s -C "$work/linux" install DESTDIR="$work/root" PREFIX=/usr
"${native[@]}" gen --out "$work/gen.spanmark" --docs 3 --words-per-doc 60 --annotations-per-doc 5 2>/dev/null
"${native[@]}" export --db "$work/gen.spanmark" --out "$work/gen.json"
(cd "$work" && timeout 300 "$wine" "$exe" import --db win.spanmark article.txt gen.json &&
	timeout 300 "$wine" "$exe" export --db win.spanmark --out win.json) >/dev/null 2>&1 ||
	fail "wine spanmark.exe import/export failed"
"${native[@]}" import --db "$work/linux.spanmark" "$work/article.txt" "$work/gen.json" 2>/dev/null
"${native[@]}" export --db "$work/linux.spanmark" --out "$work/linux.json"
# The two exports may differ in ids and times only.
strip() { python3 -c 'import json,sys
d=json.load(open(sys.argv[1]))
docs=[(x["text"],x["title"],[(a["start"],a["end"],a["label"],a["text"]) for a in x.get("annotations",[])]) for x in d["documents"]]
n=sum(len(x[2]) for x in docs)
assert n>0, "no annotations"
print(json.dumps(docs))' "$1"; }
[ "$(strip "$work/win.json")" = "$(strip "$work/linux.json")" ] || fail "the Windows export differs from the Linux one"
echo "windows CLI under wine: ok ($SECONDS s)"
