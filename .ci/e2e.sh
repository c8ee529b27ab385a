#!/usr/bin/env bash
# End-to-end check of the real binary: start it under Xvfb on a fresh
# default project (the sample article), double-click a word, press the
# PERSON hotkey, quit with Ctrl+Q, then prove with `spanmark export` that
# the annotation was saved with exact code-point offsets.
set -euo pipefail
cd "$(dirname "$0")/.."
# Fyne cannot parse the locale "C"; see the Makefile.
export LANG=C.UTF-8 LC_MESSAGES=en_US.UTF-8
unset LC_ALL

work=$(mktemp -d)
shots=${SHOTS:-$work/shots}
mkdir -p "$shots"
export HOME=$work/home XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
mkdir -p "$HOME"
display=:${E2E_DISPLAY:-99}

Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=
cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null || true
	kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

./spanmark >"$work/app.log" 2>&1 &
app=$!

# Wait for the window, then give it a moment to lay out.
win=
for _ in $(seq 100); do
	win=$(xdotool search --name '^Spanmark' 2>/dev/null | head -n1 || true)
	[ -n "$win" ] && break
	kill -0 "$app" 2>/dev/null || { echo "spanmark died at start:"; cat "$work/app.log"; exit 1; }
	sleep 0.1
done
[ -n "$win" ] || { echo "no Spanmark window appeared"; cat "$work/app.log"; exit 1; }
sleep 2
kill -0 "$app" || { echo "spanmark died:"; cat "$work/app.log"; exit 1; }
import -window root "$shots/start.png"

# The article view fills the middle of the window; its first line is the
# start of the sample article. Double-click a word there, press p.
eval "$(xdotool getwindowgeometry --shell "$win")"
x=$((X + WIDTH * 32 / 100))
y=$((Y + ${E2E_LINE_Y:-120}))
xdotool mousemove --sync "$x" "$y"
sleep 0.3
xdotool click --repeat 2 --delay 80 1
sleep 0.5
xdotool key p
sleep 1
import -window root "$shots/tagged.png"
xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then echo "spanmark did not quit on Ctrl+Q"; exit 1; fi
app=

db=$(find "$XDG_DATA_HOME" -name '*.spanmark' | head -n1)
[ -n "$db" ] || { echo "no default project was created"; exit 1; }
./spanmark export --db "$db" --format json >"$work/export.json"
python3 - "$work/export.json" <<'PY'
import json, re, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
anns = [(d, a) for d in data["documents"] for a in d["annotations"]]
if len(anns) != 1:
    sys.exit(f"want 1 annotation after the GUI session, got {len(anns)}")
d, a = anns[0]
got = d["text"][a["start"]:a["end"]]
if got != a["text"]:
    sys.exit(f"text[{a['start']}:{a['end']}] = {got!r}, export says {a['text']!r}")
if a["label"] != "PERSON":
    sys.exit(f"label {a['label']!r}, want PERSON")
if not re.fullmatch(r"\w+(['’-]\w+)*", got):
    sys.exit(f"double-click tagged {got!r}, not one whole word")
print(f"e2e ok: PERSON [{a['start']}, {a['end']}) {got!r} saved and exported")
PY
echo "screenshots in $shots"
