#!/bin/sh
# bench_repair.sh — the time `fazhi search` takes to answer after one segment of the cached index of 30,000 reports was damaged: only that segment's reports indexed again, against a whole rebuild.
# Figures only: nothing here passes or fails. Usage:
#   sh tests/bench_repair.sh CACHE_HOME [OTHER_FAZHI]
# CACHE_HOME/fazhi holds the current index of build/bench/corpus2-30000 (made by
# `XDG_CACHE_HOME=CACHE_HOME fazhi index build/bench/corpus2-30000`, with the same spelling of
# the path); it is never changed: each run works in a copy whose segment files are hard links,
# and whose damaged segment is a copy of its own. OTHER_FAZHI (e.g. a build of an older version,
# which rebuilds the whole index on damage) is timed on the same damage. Each line gives the
# wall-clock, user and system seconds of the search that met the damage, and its notice.
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
FAZHI=$(pwd)/$BUILD/fazhi
MASTER=$1
OTHER=$2
CORPUS=$(pwd)/$BUILD/bench/corpus2-30000
QUERY=依法行政
[ -f "$CORPUS/.done" ] || { echo "$CORPUS: not generated" >&2; exit 1; }
ls "$MASTER"/fazhi/index-*.bin >/dev/null 2>&1 || { echo "$MASTER/fazhi: no index" >&2; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-repair-XXXXXX")
trap 'rm -rf "$WORK"' EXIT

. tests/segment_files.sh
# A copy of the master cache in $WORK/c: manifests and roots copied, segments hard-linked.
fresh_copy() {
	rm -rf "$WORK/c"
	mkdir -p "$WORK/c"
	cp -al "$MASTER/fazhi" "$WORK/c/fazhi"
	for f in "$WORK"/c/fazhi/index-* "$WORK"/c/fazhi/roots-*; do
		cp "$f" "$f.copy" && mv "$f.copy" "$f"
	done
}
# The middle segment the manifest names, made a file of its own and damaged: $1 "postings" flips
# the first byte of the postings of 行政, "tables" one of its middle key.
damage() {
	m=$(ls "$WORK"/c/fazhi/index-*.bin | head -n 1)
	nseg=$(u64 "$m" 40)
	id=$(od -A n -t x8 -j $((88 + 8 * (nseg / 2))) -N 8 "$m" | tr -d ' ')
	seg="$WORK/c/fazhi/segment-$id.bin"
	cp "$seg" "$seg.copy" && mv "$seg.copy" "$seg"
	if [ "$1" = postings ]; then
		flip_byte "$seg" "$(postings_of_pair "$seg")"
	else
		flip_byte "$seg" "$(middle_fence "$seg")"
	fi
	echo "segment $((nseg / 2 + 1)) of $nseg: $(u64 "$seg" 40) reports"
}
# LABEL BINARY DAMAGE: one timed search over a fresh copy with that damage ("none": intact).
run() {
	fresh_copy
	what="intact"
	[ "$3" = none ] || what=$(damage "$3")
	/usr/bin/time -f '%e %U %S' -o "$WORK/time" env XDG_CACHE_HOME="$WORK/c" "$2" search --count "$QUERY" "$CORPUS" \
		>"$WORK/out" 2>"$WORK/err"
	sort "$WORK/out" >"$WORK/out.sorted"
	same=differs
	cmp -s "$WORK/out.sorted" "$WORK/want" && same="same answer"
	set -- "$1" "$3" $(cat "$WORK/time")
	printf '%-8s %-9s %7.2f s wall %7.2f s user %6.2f s sys  %s; %s; %s\n' "$1" "$2" "$3" "$4" "$5" "$what" "$same" \
		"$(head -c 160 "$WORK/err" | tr '\n' ' ')"
}
XDG_CACHE_HOME="$MASTER" "$FAZHI" search --count "$QUERY" "$CORPUS" 2>/dev/null | sort >"$WORK/want"
run fazhi "$FAZHI" none
run fazhi "$FAZHI" postings
run fazhi "$FAZHI" tables
if [ -n "$OTHER" ]; then
	run other "$OTHER" none
	run other "$OTHER" postings
fi
