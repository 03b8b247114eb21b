#!/bin/sh
# bench_startup.sh — start-up with a cached index: `fazhi search --count` and the browser's first frame, at 1,000 and 30,000 reports.
# Figures only: nothing here passes or fails. Uses the corpora of tests/bench.sh
# (build/bench/corpus2-N; 30,000 only when it has been generated, BENCH_FULL=1 make bench),
# warms the cache once, then times (a) the search in a shell, best of 5, and (b) the browser
# in tmux, from the process's start to its first frame out (FAZHI_FRAME_STATS), best of 3.
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
FAZHI=$(pwd)/$BUILD/fazhi
CACHE=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-startup-XXXXXX")
trap 'rm -rf "$CACHE"; tmux -L fazhi-startup kill-server 2>/dev/null' EXIT
ms() { echo "($2 - $1) / 1000000" | bc -l | xargs printf '%.1f'; }
for n in 1000 30000; do
	corpus=$BUILD/bench/corpus2-$n
	if [ ! -f "$corpus/.done" ]; then
		echo "$corpus: not generated, skipped"
		continue
	fi
	s=$(date +%s%N)
	XDG_CACHE_HOME=$CACHE "$FAZHI" search --count 行政复议 "$corpus" >/dev/null 2>&1
	e=$(date +%s%N)
	echo "$n reports: index built and saved in $(ms "$s" "$e") ms"
	best=
	for i in 1 2 3 4 5; do
		s=$(date +%s%N)
		XDG_CACHE_HOME=$CACHE "$FAZHI" search --count 行政复议 "$corpus" >/dev/null 2>&1
		e=$(date +%s%N)
		t=$(ms "$s" "$e")
		[ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ] && best=$t
	done
	echo "  search --count 行政复议, cached index: $best ms (best of 5, process start included)"
	if ! command -v tmux >/dev/null 2>&1; then
		echo "  browser: tmux not installed, skipped"
		continue
	fi
	for i in 1 2 3; do
		out=$CACHE/frame-$n-$i
		tmux -L fazhi-startup -f /dev/null new-session -d -x 120 -y 40 \
			"env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color XDG_CACHE_HOME='$CACHE' XDG_STATE_HOME='$CACHE/state' FAZHI_FRAME_STATS=1 '$FAZHI' '$corpus' 2>'$out'"
		sleep 2
		tmux -L fazhi-startup send-keys q
		tries=100
		while ! grep -q "first frame" "$out" 2>/dev/null && [ "$tries" -gt 0 ]; do sleep 0.1; tries=$((tries - 1)); done
		tmux -L fazhi-startup kill-server 2>/dev/null
		sed -n 's/^fazhi: first frame /  browser, first frame: /p' "$out"
	done
done
