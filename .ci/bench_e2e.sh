#!/usr/bin/env bash
# What a user sees of Spanmark's speed (issue 10): the real binary under
# Xvfb, timed by .ci/paintwait.c from the moment it starts or is sent an
# input until the screen stops changing (the time of the last change).
#
#   bash .ci/bench_e2e.sh [OUT]
#
#   open-10k      start → the article's pixels stable (issue 10's
#                 definition: the article view's region, see
#                 article_region), a 10 KB document of 200 annotations
#   open-1m       the same, a 1 MB document of 20,000 (the document of
#                 app's BenchmarkOpenDocument20000)
#   open-10k-window, open-1m-window
#                 the same runs' start → the whole window stable: the
#                 status line's and document list's suggestion counts,
#                 which change when the whole document's suggestions are
#                 computed, included
#   switch        Ctrl+PgDn from the 10 KB document to the 1 MB one, the
#                 first time in the session
#   switch-warm   the same, after switching back (the second time)
#   resize        the window made narrower (1200 → 1000 px) with the 1 MB
#                 document open, as a window manager asks
#   switch-10k    Ctrl+PgDn between two 10 KB documents of 200 annotations,
#                 the first time: the floor of switch, what Fyne and the
#                 renderer cost whatever the document
#   resize-10k    the resize of resize with a 10 KB document open: the
#                 floor of resize
#   caret-10k     → moving the caret one character in the 10 KB document:
#                 the smallest change the app shows, whose time is one
#                 frame of Fyne's whole-window repaint with Mesa's
#                 software renderer, the floor of every figure here
#
# Each runs BENCH_E2E_RUNS times (default 5), interleaved, each run on fresh
# copies of the projects and a fresh HOME. For each NAME it writes to OUT
# (default $BENCH_DIR/work/e2e): NAME.runs (one figure in ms per line, the
# runs that succeeded), NAME.ms (their median; missing when none did) and
# NAME.err (what failed); the pictures measured, of the last runs and of
# failed ones, are OUT/run-*/shot.STAGE.ppm. It prints a summary;
# .ci/bench.sh puts the figures into its table.
#
#   BENCH_DIR        work folder (default /tmp/spanmark-bench)
#   BENCH_DISPLAY    X display number for Xvfb (default 98)
#   BENCH_E2E_RUNS   runs of each measurement (default 5)
#   BENCH_E2E_BIN    the binary measured (default ./spanmark, built from
#                    this tree, which makes the projects in any case): to
#                    measure another build, e.g. the branch point's, with
#                    this harness
#
# The exit status is 0 when the summary is printed, failed runs included;
# it is not 0 only when the harness cannot run (no binary, no Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
unset LC_ALL
export PATH="$PATH:/usr/local/go/bin"

runs=${BENCH_E2E_RUNS:-5}
bench_dir=${BENCH_DIR:-/tmp/spanmark-bench}
out=${1:-$bench_dir/work/e2e}
display=:${BENCH_DISPLAY:-98}
spanmark=${BENCH_E2E_BIN:-$PWD/spanmark}

# paintwait settles a stage after 500 ms without a change in the window (a
# loaded machine can pause a paint for 300 ms), and its picture must have
# 25 ‰ of the window coloured: the window without an article (label bar,
# list selection) has about 13 ‰, with one about 40 ‰.
paintwait_flags=(-i 2 -q 500 -t 20000 -c 25)
# article_region is the article view in the window as paintwait's -r
# insets (left, top, right, bottom): the window (1200x780, Fyne's
# default for this app) less the document list and its divider on the
# left (x < 249), the label bar above (y < 59), the panel and its divider
# on the right (x ≥ 953) and the status line below (y ≥ 740), as found in
# a picture of the 1 MB document opened on this layout (paintwait -o):
# the dividers are the 8-pixel columns of colour (14,14,14) at x 241–248
# and 953–960, the label bar's last row is y 57 and the article's last
# text row y 736, the status line's first y 753. Insets follow the
# window's size, as the side bars do. Every stage prints the article's
# figure after the whole window's.
article_region=(-r 249,59,247,40)

log() { printf 'bench e2e: %s\n' "$*" >&2; }

rm -rf "$out"
mkdir -p "$out"
paintwait=$out/paintwait
log "building ./spanmark and paintwait"
go build -o spanmark .
if ! gcc -O2 -Wall -Wextra -o "$paintwait" .ci/paintwait.c -lX11 -lXext -lXtst -lXdamage 2>"$out/gcc.log"; then
	log "paintwait does not build; see $out/gcc.log"
	paintwait=
fi

# The projects: a 10 KB document, a 1 MB one (as in app/bench_test.go),
# and both in one project, the short one first so that the window opens
# on it. Each takes a fraction of a second to make.
data=$out/data
mkdir -p "$data"
{
	./spanmark gen --out "$data/10k.spanmark" --docs 1 --words-per-doc 1600 --annotations-per-doc 200 --seed 1
	./spanmark gen --out "$data/1m.spanmark" --docs 1 --words-per-doc 170000 --annotations-per-doc 20000 --seed 1
	./spanmark gen --out "$data/pair10k.spanmark" --docs 2 --words-per-doc 1600 --annotations-per-doc 200 --seed 1
	for size in 10k 1m; do
		./spanmark export --format jsonl --db "$data/$size.spanmark" --out "$data/$size.jsonl"
	done
	# The second document's id is taken; import gives it a new one.
	./spanmark import --db "$data/pair.spanmark" "$data/10k.jsonl" "$data/1m.jsonl"
} >"$data/make.log" 2>&1 || { log "cannot make the projects; see $data/make.log"; exit 1; }

Xvfb "$display" -screen 0 1280x900x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
for _ in $(seq 50); do DISPLAY=$display xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
DISPLAY=$display xdpyinfo >/dev/null 2>&1 || { log "Xvfb $display did not start; see $out/xvfb.log"; exit 1; }

# run starts the app on a copy of PROJECT under paintwait with ACTIONS and
# appends the Nth line's figure it prints to NAME.runs for each NAME given
# as N:NAME (the whole window's) or N/3:NAME (the article's, the line's
# third field); a failure goes to NAME.err for each. The whole run is cut off
# after two minutes should paintwait itself hang.
run() {
	local tag=$1 project=$2 names=$3
	shift 3
	local dir=$out/run-$tag figures spec
	rm -rf "$dir"
	mkdir -p "$dir/home"
	cp "$data/$project.spanmark" "$dir/p.spanmark"
	figures=$dir/figures
	if [ -n "$paintwait" ] && HOME=$dir/home XDG_DATA_HOME=$dir/home/data XDG_CONFIG_HOME=$dir/home/config \
		DISPLAY=$display timeout 120 "$paintwait" "${paintwait_flags[@]}" "${article_region[@]}" -o "$dir/shot" "$@" -- \
		"$spanmark" "$dir/p.spanmark" >"$figures" 2>"$dir/log"; then
		for spec in $names; do
			pos=${spec%%:*}
			awk -v n="${pos%%/*}" -v col="$([ "$pos" = "${pos#*/}" ] && echo 2 || echo "${pos#*/}")" \
				'NR == n { print $col }' "$figures" >>"$out/${spec#*:}.runs"
		done
		# The last runs' and failed runs' pictures are kept, to look at.
		[ "${tag%%-*}" = "$runs" ] || rm -f "$dir"/shot.*.ppm
	else
		for spec in $names; do
			printf 'run %s: %s\n' "$tag" "$(grep '^paintwait:' "$dir/log" | tail -n1 || echo "paintwait failed")" >>"$out/${spec#*:}.err"
		done
	fi
}

log "$runs runs of each, display $display"
for i in $(seq "$runs"); do
	run "$i-10k" 10k "1/3:open-10k 1:open-10k-window 2:resize-10k 3:caret-10k" -a resize:1000x780 -a key:Right
	run "$i-1m" 1m "1/3:open-1m 1:open-1m-window 2:resize" -a resize:1000x780
	run "$i-pair" pair "2:switch 4:switch-warm" -a key:Control_L+Next -a key:Control_L+Prior -a key:Control_L+Next
	run "$i-pair10k" pair10k "2:switch-10k" -a key:Control_L+Next
done

# The medians, and a summary: median, spread and every run.
printf '%-15s %8s %8s %8s  %s\n' figure median min max "runs (ms)"
for name in open-10k open-1m open-10k-window open-1m-window switch switch-warm resize switch-10k resize-10k caret-10k; do
	f=$out/$name
	if [ -s "$f.runs" ]; then
		sort -n "$f.runs" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }' >"$f.ms"
		printf '%-15s %8s %8s %8s  %s\n' "$name" "$(cat "$f.ms")" "$(sort -n "$f.runs" | head -n1)" \
			"$(sort -n "$f.runs" | tail -n1)" "$(paste -sd' ' "$f.runs")"
	else
		printf '%-15s %8s\n' "$name" ERROR
	fi
	[ ! -s "$f.err" ] || sed "s/^/$name: /" "$f.err"
done
