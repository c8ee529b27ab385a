#!/usr/bin/env bash
# Check Spanmark's W3C and Label Studio exports in Recogito and Label
# Studio's editor, in headless Chromium; check.mjs says what it checks.
#
#	bash testdata/check_consumers/run.sh
#
# Installs Debian's chromium (apt-get) if /usr/bin/chromium is missing,
# and package.json's npm packages, install scripts off so that nothing
# fetches a browser of its own, into $SPANMARK_CONSUMERS_CACHE (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/spanmark-consumers); builds spanmark
# and makes the project and its exports in a temporary folder, removed
# at the end. Needs go, node and npm.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${SPANMARK_CONSUMERS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/spanmark-consumers}

if [ ! -x /usr/bin/chromium ]; then
	apt-get update && apt-get install -y chromium
fi
mkdir -p "$cache"
if ! cmp -s "$here/package.json" "$cache/package.json"; then
	cp "$here/package.json" "$cache/package.json"
	(cd "$cache" && npm install --ignore-scripts --no-audit --no-fund --omit=dev)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CONFIG_HOME="$work/home" XDG_DATA_HOME="$work/home" LANG=C.UTF-8
mkdir -p "$HOME"
(cd "$repo" && go build -o "$work/spanmark" .)
sm() { "$work/spanmark" "$@"; }

# A project of the two texts alone gives the documents' ids and texts,
# which make_project.mjs adds the spans to.
sm import --db "$work/base.spanmark" "$repo/testdata/article.txt" "$repo/testdata/unicode.txt" >/dev/null
sm export --db "$work/base.spanmark" --format json --out "$work/base.json"
node "$here/make_project.mjs" "$work/base.json" "$repo/testdata" "$work/spans.json"
sm import --db "$work/p.spanmark" "$work/spans.json" >/dev/null
sm export --db "$work/p.spanmark" --format json --out "$work/project.json"
sm export --db "$work/p.spanmark" --format w3c --offsets utf16 --relations=false --out "$work/w3c-utf16.jsonld"
sm export --db "$work/p.spanmark" --format w3c --relations=false --out "$work/w3c-codepoints.jsonld"
sm export --db "$work/p.spanmark" --format labelstudio --out "$work/ls.json" >/dev/null

echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
for p in @recogito/recogito-js label-studio-frontend playwright-core; do
	echo "$p: $(node -p "require('$cache/node_modules/$p/package.json').version")"
done
node "$here/check.mjs" "$cache" "$work"
