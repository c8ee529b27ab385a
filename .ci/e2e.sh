#!/usr/bin/env bash
# End-to-end check of the real binary: start it under Xvfb on a fresh
# default project (the sample article); tag "Sergei Shoigu" as PERSON by
# dragging across it and pressing p, "Pyongyang" as LOC by double-clicking
# it and pressing l, part of a word as LOC by an Alt+drag (exact
# characters; releasing Alt must leave the File menu shut) and l, a claim
# and its source, link them, undo and redo, the claim's verdict set to
# false with Alt+f, a second claim linked to
# "TASS" and that link removed with its row's trash button, "6,000" as QUANTITY by
# double-clicking it, "Security Council" as ORG by double-clicking
# "Security" and pressing Shift+→, Shift+→, Shift+←, with keys only
# "North" (the first word) as LOC by Ctrl+Home, Ctrl+Shift+→, l, and
# "Korean" as MISC whose end Shift+→ moves a word on twice and Ctrl+Z once
# back, quit with Ctrl+Q, reopen, quit; then prove with `spanmark export` and
# Python's text[start:end] that everything was saved exactly.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
unset LC_ALL
spanmark=(./spanmark)

work=$(mktemp -d)
shots=${SHOTS:-$work/shots}
mkdir -p "$shots"
export HOME=$work/home XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config
mkdir -p "$HOME"
display=:${E2E_DISPLAY:-99}

# Without a display: one line, exit 1, and no default project made.
status=0
env -u DISPLAY "${spanmark[@]}" >"$work/nodisplay.out" 2>&1 || status=$?
if [ "$status" != 1 ] || [ "$(cat "$work/nodisplay.out")" != "spanmark: no display: set DISPLAY or use the command line (spanmark help)" ] ||
	[ -n "$(find "$XDG_DATA_HOME" -name '*.spanmark' 2>/dev/null)" ]; then
	echo "without a display: exit $status, printed:"; cat "$work/nodisplay.out"; exit 1
fi
echo "e2e ok: without a display, one line and nothing created"

Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
app=
cleanup() {
	[ -n "$app" ] && kill "$app" 2>/dev/null || true
	kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
export DISPLAY=$display
# A busy machine can take seconds to bring the server up: wait up to 30
# s, and say so plainly (with the server's log) if it never came.
for _ in $(seq 300); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
if ! xdpyinfo >/dev/null 2>&1; then
	echo "e2e: Xvfb did not start on $display:" >&2
	cat "$work/xvfb.log" >&2
	exit 1
fi

"${spanmark[@]}" >"$work/app.log" 2>&1 &
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

# Drive the window as a person would. Fyne draws with its own bundled font,
# so at the default window size (1200×780) the sample article is laid out
# the same on every machine: these points are words of it.
eval "$(xdotool getwindowgeometry --shell "$win")"
at() { echo "$((X + $1)) $((Y + $2))"; }
drag() { # x1 y1 x2 y2
	xdotool mousemove $(at "$1" "$2") mousedown 1
	sleep 0.15
	xdotool mousemove $(at $((($1 + $3) / 2)) "$4")
	sleep 0.15
	xdotool mousemove $(at "$3" "$4") mouseup 1
	sleep 0.4
}
double() { xdotool mousemove $(at "$1" "$2"); sleep 0.2; xdotool click --repeat 2 --delay 80 1; sleep 0.5; }
altdrag() { # x1 y1 x2 y2, with Alt held from before the press to after the release
	xdotool keydown Alt_L
	sleep 0.2
	drag "$@"
	xdotool keyup Alt_L
	sleep 0.3
}
click() { xdotool mousemove $(at "$1" "$2") click 1; sleep 0.7; } # past the double-click wait
key() { xdotool key "$@"; sleep 0.5; }
# trash_buttons shot: takes a screenshot to shot and prints "x,y" (relative
# to the window) of each remove button in the annotation panel, top to
# bottom. It scans a strip at the panel's right edge for marks at least
# 12 pixels tall and 10 wide: the trash icon is, a truncated row's last
# letters and ellipsis are not.
trash_buttons() {
	import -window root "$1"
	convert "$1" -crop "30x${HEIGHT}+$((X + WIDTH - 35))+$Y" +repage -colorspace Gray -depth 8 gray:- |
		python3 -c '
import sys
w, h, x0 = 30, int(sys.argv[1]), int(sys.argv[2]) - 35
px = sys.stdin.buffer.read()
rows = [[x for x in range(w) if px[y * w + x] > 140] for y in range(h)]
y = 0
while y < h:
    if not rows[y]:
        y += 1
        continue
    top = y
    while y < h and any(rows[y:y + 3]):  # the lid is a row apart
        y += 1
    xs = [x for r in rows[top:y] for x in r]
    if 12 <= y - top <= 30 and max(xs) - min(xs) >= 9:  # an icon, not a letter
        print(f"{x0 + (min(xs) + max(xs)) // 2},{(top + y) // 2}")
' "$HEIGHT" "$WIDTH"
}

drag 692 113 785 113 && key p # "Sergei Shoigu", line 2, as PERSON
double 490 321 && key l       # "Pyongyang", paragraph 3, as LOC
altdrag 812 477 850 477 && key l # part of "Pyongyang", paragraph 5
drag 292 373 608 373 && key c # a claim in paragraph 4
double 838 399 && key s       # "Shoigu" said, as SOURCE
click 400 373 && key a        # select the claim, link it…
click 838 399                 # …to the source
key ctrl+z && key ctrl+shift+z # undo the link, redo it
click 400 373 && key alt+f    # the claim's verdict: "false", by its value key
import -window root "$shots/verdict.png"
# A second claim linked to a second source ("TASS"), then that link
# removed with the trash button of its row in the panel; the first stays.
drag 262 425 455 425 && key c # "according to Russian state media", paragraph 4
double 488 425 && key s       # "TASS", as SOURCE
click 300 425 && key a        # select the second claim, link it…
click 488 425                 # …to TASS
trash=($(trash_buttons "$shots/twolinks.png"))
[ "${#trash[@]}" = 2 ] || { echo "panel remove buttons with two links: ${trash[*]:-none}, want 2"; exit 1; }
# Rows follow the text: the second claim's link row is the lower one.
click $(echo "${trash[1]}" | tr , ' ')
trash=($(trash_buttons "$shots/unlinked.png"))
[ "${#trash[@]}" = 1 ] || { echo "panel remove buttons after removing a link: ${trash[*]:-none}, want 1"; exit 1; }
double 618 87 && key q         # "6,000", line 1, one word, as QUANTITY
double 530 113                 # "Security", line 2; Shift+→ twice and Shift+← once
key shift+Right && key shift+Right && key shift+Left && key o # leave "Security Council", as ORG
key ctrl+Home && key ctrl+shift+Right && key l  # keys only: "North", the first word, as LOC
key Right && key ctrl+shift+Right && key m      # "Korean" as MISC; its end a word on, twice,
key shift+Right && key shift+Right && key ctrl+z # and once undone: "Korean leader"

# While the window holds the project, an export from another project
# must not replace it, even with --force; the window goes on saving.
held=$XDG_DATA_HOME/spanmark/default.spanmark
"${spanmark[@]}" import --db "$work/other.spanmark" testdata/article.txt >/dev/null 2>&1
before=$(sha256sum <"$held")
status=0
"${spanmark[@]}" export --db "$work/other.spanmark" --out "$held" --force 2>"$work/held.err" || status=$?
if [ "$status" != 1 ] || ! grep -q "is a Spanmark project; an export never replaces one" "$work/held.err" ||
	[ "$(sha256sum <"$held")" != "$before" ]; then
	echo "export onto the open project: exit $status"; cat "$work/held.err"; exit 1
fi
echo "e2e ok: export onto the project the window holds is refused; the project is unchanged"
import -window root "$shots/tagged.png"
key ctrl+q
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then echo "spanmark did not quit on Ctrl+Q"; exit 1; fi
# Under LANG=C.UTF-8, the locale most containers have, the app says nothing.
if [ -s "$work/app.log" ]; then echo "the app printed:"; cat "$work/app.log"; exit 1; fi
echo "e2e ok: the app printed nothing under LANG=$LANG"

# Reopen: everything must still be there.
"${spanmark[@]}" >"$work/app2.log" 2>&1 &
app=$!
for _ in $(seq 100); do xdotool search --name '^Spanmark' >/dev/null 2>&1 && break; sleep 0.1; done
sleep 2
import -window root "$shots/reopened.png"
xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$app" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app" 2>/dev/null; then echo "spanmark did not quit on Ctrl+Q"; exit 1; fi
app=

db=$(find "$XDG_DATA_HOME" -name '*.spanmark' | head -n1)
[ -n "$db" ] || { echo "no default project was created"; exit 1; }
"${spanmark[@]}" export --db "$db" --format json >"$work/export.json"
python3 - "$work/export.json" <<'PY'
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
doc = data["documents"][0]
text = doc["text"]
anns = {a["id"]: a for a in doc["annotations"]}
for a in anns.values():
    got = text[a["start"]:a["end"]]
    if got != a["text"]:
        sys.exit(f"text[{a['start']}:{a['end']}] = {got!r}, export says {a['text']!r}")
tagged = sorted((a["label"], a["text"]) for a in anns.values())
want = [("CLAIM", "according to Russian state media"), ("CLAIM", "has decided to send 1,000 sappers to Russia to clear"),
        ("LOC", "North"), ("LOC", "Pyongyang"), ("LOC", "yongy"), ("MISC", "Korean leader"),
        ("ORG", "Security Council"),
        ("PERSON", "Sergei Shoigu"), ("QUANTITY", "6,000"), ("SOURCE", "Shoigu"), ("SOURCE", "TASS")]
if tagged != want:
    sys.exit(f"annotations after the GUI session: {tagged}, want {want}")
rels = [(r["type"], anns[r["from"]]["text"], anns[r["to"]]["text"]) for r in doc["relations"]]
if rels != [("attributed_to", "has decided to send 1,000 sappers to Russia to clear", "Shoigu")]:
    sys.exit(f"relations after the GUI session: {rels}, want only the first claim attributed to Shoigu")
verdicts = [a.get("attributes", {}).get("verdict") for a in anns.values()
            if a["text"] == "has decided to send 1,000 sappers to Russia to clear"]
if verdicts != ["false"]:
    sys.exit(f"verdict of the first claim: {verdicts}, want ['false'] set by Alt+f")
for label, t in tagged:
    print(f"e2e ok: {label} {t!r} saved, reopened and exported with exact offsets")
print("e2e ok: the claim's verdict is false, set by Alt+f")
print("e2e ok: CLAIM attributed_to SOURCE, after undo and redo; the second link removed in the panel")
PY
echo "screenshots in $shots"
