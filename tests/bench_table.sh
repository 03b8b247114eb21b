#!/bin/sh
# bench_table.sh — `fazhi table --csv` read from the cached index on the generated corpus (1,000 reports; 30,000 with BENCH_FULL=1): user and system CPU and wall time of each run, optionally alternating with another build of fazhi to compare the two in one run.
# Figures only: nothing here passes or fails. The corpus is tests/bench.sh's (build/bench/corpus2-N),
# generated here when absent. The index is built into CACHE (default $BUILD/bench/table-cache)
# when it does not hold one yet; OTHER=path/to/fazhi with OTHER_CACHE (its own cache, as its
# index may be of another version) runs that build too, alternating, and checks the outputs agree.
# RUNS (default 5) runs of each.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
FAZHI=$(pwd)/$BUILD/fazhi
RUNS=${RUNS:-5}
CC=${CC:-cc}
. tests/bench/corpus.sh
bench_corpus
CACHE=${CACHE:-$(pwd)/$out/table-cache}
T=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-bench-table-XXXXXX")
trap 'rm -rf "$T"' EXIT

# $1 name, $2 binary, $3 cache: one run, its times appended to $T/$1.
one() {
	XDG_CACHE_HOME=$3 /usr/bin/time -f '%U %S %e' -o "$T/t" "$2" table --csv "$corpus" >"$T/$1.out" 2>/dev/null || true
	cat "$T/t" >>"$T/$1"
}

# The index, when the cache holds none (its build is not timed here: see bench_index.sh).
XDG_CACHE_HOME=$CACHE "$FAZHI" index "$corpus" >/dev/null
[ -n "$OTHER" ] && XDG_CACHE_HOME=${OTHER_CACHE:?OTHER_CACHE must name the cache of OTHER} "$OTHER" index "$corpus" >/dev/null

one this "$FAZHI" "$CACHE"   # warm the page cache; not counted
: >"$T/this"
[ -n "$OTHER" ] && one other "$OTHER" "$OTHER_CACHE" && : >"$T/other"
i=0
while [ $i -lt "$RUNS" ]; do
	[ -n "$OTHER" ] && one other "$OTHER" "$OTHER_CACHE"
	one this "$FAZHI" "$CACHE"
	i=$((i + 1))
done

# The median of the numbers on stdin, one a line.
median() {
	sort -n | awk '{ v[NR] = $1 } END { m = int(NR / 2) + NR % 2; print v[m] }'
}
# $1 name, $2 label: each run, then the median of user + system and of wall.
report() {
	echo "  $2: user sys wall per run: $(tr '\n' ';' <"$T/$1" | sed 's/;$//; s/;/; /g')"
	cpu=$(awk '{ print $1 + $2 }' "$T/$1" | median)
	wall=$(awk '{ print $3 }' "$T/$1" | median)
	echo "  $2: median CPU $cpu s, wall $wall s"
}
echo "fazhi table --csv from the index, $N generated reports, $RUNS runs ($(wc -l <"$T/this.out") lines):"
report this "this build"
if [ -n "$OTHER" ]; then
	report other "$OTHER"
	same=differ
	cmp -s "$T/this.out" "$T/other.out" && same="the same output"
	echo "  the two builds give $same"
fi
