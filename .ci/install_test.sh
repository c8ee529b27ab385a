#!/usr/bin/env bash
# Checks "make install" and "make uninstall" file by file: into a
# temporary HOME (the default, ~/.local, with the desktop's databases
# updated where their tools are installed), and into a staging DESTDIR
# with PREFIX=/usr. After uninstall nothing of Spanmark may be left: no
# file of its own, and no mention of it in the databases.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
# Go's caches stay where they are, not under the temporary HOME.
GOPATH=$(go env GOPATH) GOCACHE=$(go env GOCACHE) GOMODCACHE=$(go env GOMODCACHE)
export GOPATH GOCACHE GOMODCACHE
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

fail() { echo "install test: $*" >&2; exit 1; }

# files lists the regular files under $1, relative to it, sorted.
files() { (cd "$1" && find . -type f -o -type l | sed 's|^\./||' | LC_ALL=C sort); }

# check_installed checks the four files under root $1 with prefix $2.
check_installed() {
	local root=$1 prefix=$2
	local bin=$root$prefix/bin/spanmark share=$root$prefix/share
	[ -x "$bin" ] || fail "$bin is not executable"
	"$bin" version | grep -q "^spanmark $(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml) " ||
		fail "$bin version: $("$bin" version)"
	cmp -s assets/icon.png "$share/icons/hicolor/256x256/apps/spanmark.png" || fail "icon differs"
	cmp -s assets/spanmark-mime.xml "$share/mime/packages/spanmark.xml" || fail "MIME type differs"
	local desktop=$share/applications/spanmark.desktop
	grep -qx "Exec=$prefix/bin/spanmark %f" "$desktop" || fail "$desktop: Exec is not $prefix/bin/spanmark %f"
	grep -qx "MimeType=application/x-spanmark;" "$desktop" || fail "$desktop: no MimeType"
	grep -qx "Icon=spanmark" "$desktop" || fail "$desktop: no Icon"
	for f in "$bin" "$desktop" "$share/icons/hicolor/256x256/apps/spanmark.png" "$share/mime/packages/spanmark.xml"; do
		local mode=644
		[ "$f" != "$bin" ] || mode=755
		[ "$(stat -c %a "$f")" = "$mode" ] || fail "$f: mode $(stat -c %a "$f"), want $mode"
	done
}

ours="share/applications/spanmark.desktop
share/icons/hicolor/256x256/apps/spanmark.png
share/mime/packages/spanmark.xml"

echo "make install into a temporary HOME"
home=$tmp/home
mkdir -p "$home"
HOME=$home make -s install
check_installed "" "$home/.local"
if command -v update-mime-database >/dev/null; then
	# The database knows the type, so the desktop opens *.spanmark with us.
	grep -q 'application/x-spanmark:\*\.spanmark' "$home/.local/share/mime/globs2" || fail "globs2 lacks *.spanmark"
fi
installed=$(files "$home/.local" | grep -v -e '^share/mime/[^/]*$' -e '^share/applications/mimeinfo.cache$' -e '^share/mime/application/x-spanmark.xml$')
want=$(printf 'bin/spanmark\n%s\n' "$ours" | LC_ALL=C sort)
[ "$installed" = "$want" ] || fail "installed files:
$installed
want:
$want"

echo "make uninstall from it"
HOME=$home make -s uninstall
left=$(files "$home/.local" | grep -v -e '^share/mime/[^/]*$' -e '^share/applications/mimeinfo.cache$' || true)
[ -z "$left" ] || fail "left after uninstall: $left"
if grep -rl spanmark "$home/.local"; then fail "the databases above still mention spanmark"; fi

echo "make install DESTDIR=... PREFIX=/usr"
stage=$tmp/stage
make -s install DESTDIR="$stage" PREFIX=/usr
check_installed "$stage" /usr
staged=$(files "$stage/usr")
[ "$staged" = "$want" ] || fail "staged files:
$staged
want:
$want"
make -s uninstall DESTDIR="$stage" PREFIX=/usr
[ -z "$(files "$stage")" ] || fail "left after uninstall: $(files "$stage")"
echo "install test: ok"
