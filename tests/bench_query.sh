#!/bin/sh
# bench_query.sh — the query classes of tests/bench/bench.c as whole processes, as a user runs
# them, side by side with ripgrep and SQLite FTS5 (trigram) on tests/bench.sh's corpus
# (build/bench/corpus2-N: 1,000 reports; 30,000 with BENCH_FULL=1), with fazhi's index cached.
# make bench-deps installs ripgrep and sqlite3; a tool that is absent is skipped.
# Figures only: nothing here passes or fails.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
CC=${CC:-cc}
. tests/bench/corpus.sh
. tests/bench/classes.sh
. tests/bench/measure.sh
if [ ! -f "$corpus/.done" ]; then
	echo "$corpus: not generated (sh tests/bench.sh makes it), skipped"
	exit 0
fi
# The other tools read the corpus as it is stored: sqlite's fsdir() does not follow a symbolic
# link to the corpus (build/bench/corpus2-30000 may be one), so it is given the real directory.
real=$(cd "$corpus" && pwd -P)
ms() { echo "($2 - $1) / 1000000" | bc -l | xargs printf '%.1f'; }
have_rg=0; command -v rg >/dev/null 2>&1 && have_rg=1
have_sqlite=0; command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
db=$out/fts5-$N.db
if [ $have_sqlite = 1 ] && [ ! -f "$db" ]; then
	echo
	s=$(date +%s%N)
	rm -f "$db.tmp"
	sqlite3 "$db.tmp" "CREATE VIRTUAL TABLE t USING fts5(name, body, tokenize='trigram');
		INSERT INTO t SELECT name, CAST(data AS TEXT) FROM fsdir('$real') WHERE name LIKE '%.txt';"
	e=$(date +%s%N)
	mv "$db.tmp" "$db"
	bytes=$(du -sbL "$corpus" | cut -f1)
	echo "SQLite FTS5 trigram: build $(ms "$s" "$e") ms = $(echo "$bytes / 1000 / ($(ms "$s" "$e"))" | bc -l | xargs printf '%.1f') MB/s;" \
		"db $(du -m "$db" | cut -f1) MB = $(echo "$(du -sb "$db" | cut -f1) / $bytes" | bc -l | xargs printf '%.2f') x corpus"
fi

if [ $have_sqlite = 1 ]; then
	echo
	echo "SQLite FTS5 trigram, in-process (.timer), top 20 by rank with snippet(), median of 5 runs:"
	echo "$classes" | while IFS='|' read -r class q words; do
		match=$(for w in $words; do printf '"%s" ' "$w"; done)
		sql="SELECT name, snippet(t, 1, '[', ']', '…', 20) FROM t WHERE t MATCH '$match' ORDER BY rank LIMIT 20;"
		t=$( (echo ".timer on"; for i in 1 2 3 4 5; do echo "$sql"; done) | sqlite3 "$db" 2>/dev/null |
			sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | sort -n | sed -n 3p)
		if [ "$q" = 法治 ]; then   # two characters: below a trigram
			printf '  %-24s %8s\n' "$words" "n/a (a trigram index cannot answer 2 characters)"
		elif [ -n "$t" ]; then
			printf '  %-24s %8s ms\n' "$words" "$(echo "$t * 1000" | bc -l | xargs printf '%.1f')"
		else
			printf '  %-24s %8s\n' "$words" "failed"
		fi
	done
else
	echo; echo "SQLite: sqlite3 not installed, skipped"
fi
[ $have_rg = 1 ] || { echo; echo "ripgrep: not installed, skipped (make bench-deps installs it)"; }

# Whole processes side by side, as a user runs them, with fazhi's index cached (fazhi index):
# a top 20 with snippets (fazhi search --limit 20; FTS5 by rank with snippet(); ripgrep cannot
# rank, so its up to 3 matching lines of every report) and a count (fazhi search --count, the hits
# of every matching report; FTS5 the names of the matching reports; rg -c). Median of RUNS runs
# from fork to exit, output written to a file (timeit); for fazhi also the p99 (the slowest of up
# to 100 runs) and the median CPU time (user + system), which a busy machine inflates less than
# the wall clock.
$CC -O2 -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -o "$out/timeit" tests/bench/timeit.c
xdg=$(pwd)/$out/xdg-$N   # absolute: fazhi, as the XDG spec says, ignores a relative XDG_CACHE_HOME
XDG_CACHE_HOME=$xdg "$BUILD/fazhi" index "$corpus" >/dev/null 2>&1
# Every tool reads from the page cache: the reports and the FTS5 table are read once first, as
# a build or another bench may have pushed them out (they would come back from the disk during
# the first tool's runs and not the others'). fazhi's segments are brought in by a count of each
# query: a search maps them, and the kernel reads a mapping's faults in larger pieces than a
# read()'s (cat here would leave them in pieces of 4-128 kB, which searches fault more often).
find "$real" -type f -exec cat {} + >/dev/null 2>&1 || true
[ ! -f "$db" ] || cat "$db" >/dev/null
echo "$classes" | while IFS='|' read -r class q words; do
	XDG_CACHE_HOME=$xdg "$BUILD/fazhi" search --count "$q" "$corpus" >/dev/null 2>&1 || true
done
fz() { XDG_CACHE_HOME=$xdg "$out/timeit" "$@"; }
RUNS=${RUNS:-21}   # fazhi's runs per figure
v=$(fz $RUNS "$out/timeit.out" "$BUILD/fazhi" --version)
version=${v%% *}
echo
echo "whole processes on $N reports, median wall ms (fazhi: p50/p99 of $RUNS runs, and (median"
echo "CPU ms); FTS5 5 runs, rg 3). Load average now: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores."
echo "fazhi --version: $version ms (CPU ${v##* } ms). Targets: fazhi top-20 p50 <= 10 ms, absent word"
echo "<= 3 x fazhi --version, rg/fazhi >= 50 x and FTS5/fazhi >= 5 x for every class (on wall times):"
printf '| %-20s | %-20s | %-20s | %8s | %8s | %8s | %8s | %13s | %13s |\n' class "fazhi top-20" "fazhi count" \
	"rg top" "rg count" "FTS5 top" "FTS5 cnt" "rg/fazhi t,c" "FTS5/fz t,c"
echo '|----------------------|----------------------|----------------------|----------|----------|----------|----------|---------------|---------------|'
ratio() { [ "$1" = - ] && { echo -; return; }; echo "$1 / $2" | bc -l | xargs printf '%.1f'; }
echo "$classes" | while IFS='|' read -r class q words; do
	set -- $words
	top=$(fz $RUNS "$out/timeit.out" "$BUILD/fazhi" search --limit 20 "$q" "$corpus")
	cnt=$(fz $RUNS "$out/timeit.out" "$BUILD/fazhi" search --count "$q" "$corpus")
	rgt=- rgc=- ftt=- ftc=-
	if [ $have_rg = 1 ] && [ $# = 1 ]; then
		rgt=$("$out/timeit" 3 "$out/timeit.out" rg -F -m 3 -- "$1" "$real" | cut -d' ' -f1)
		rgc=$("$out/timeit" 3 "$out/timeit.out" rg -F -c -- "$1" "$real" | cut -d' ' -f1)
	elif [ $have_rg = 1 ]; then   # the reports with the first word, then the second in them
		rgt=$("$out/timeit" 3 "$out/timeit.out" sh -c 'rg -F -l -0 -- "$1" "$3" | xargs -0 -r rg -F -m 3 -- "$2"' sh "$1" "$2" "$real" | cut -d' ' -f1)
		rgc=$("$out/timeit" 3 "$out/timeit.out" sh -c 'rg -F -l -0 -- "$1" "$3" | xargs -0 -r rg -F -c -- "$2"' sh "$1" "$2" "$real" | cut -d' ' -f1)
	fi
	if [ $have_sqlite = 1 ] && [ "$q" != 法治 ]; then   # a trigram index cannot answer 2 characters
		match=$(for w in "$@"; do printf '"%s" ' "$w"; done)
		ftt=$("$out/timeit" 5 "$out/timeit.out" sqlite3 "$db" \
			"SELECT name, snippet(t, 1, '[', ']', '…', 20) FROM t WHERE t MATCH '$match' ORDER BY rank LIMIT 20;" | cut -d' ' -f1)
		ftc=$("$out/timeit" 5 "$out/timeit.out" sqlite3 "$db" "SELECT name FROM t WHERE t MATCH '$match';" | cut -d' ' -f1)
	fi
	t50=${top%% *} c50=${cnt%% *}
	fmt() { set -- $1; echo "$1/$2 ($3)"; }
	printf '| %-20s | %20s | %20s | %8s | %8s | %8s | %8s | %13s | %13s |\n' "$class" "$(fmt "$top")" "$(fmt "$cnt")" \
		"$rgt" "$rgc" "$ftt" "$ftc" "$(ratio "$rgt" "$t50"),$(ratio "$rgc" "$c50")" "$(ratio "$ftt" "$t50"),$(ratio "$ftc" "$c50")"
	if [ "$q" = 量子纠缠 ]; then
		vcpu=${v##* } tcpu=${top##* } ccpu=${cnt##* }
		echo "absent word against fazhi --version: top-20 $(ratio "$t50" "$version") x (CPU $(ratio "$tcpu" "$vcpu") x)," \
			"count $(ratio "$c50" "$version") x (CPU $(ratio "$ccpu" "$vcpu") x)"
	fi
done

# Peak memory of listing every match with its snippets against a top 20: a listing holds one
# report at a time, so it should not grow with the number of matches.
for q in 法治 量子纠缠; do
	XDG_CACHE_HOME=$xdg peak_run "$out/rss-all" "$BUILD/fazhi" search "$q" "$corpus" >/dev/null
	XDG_CACHE_HOME=$xdg peak_run "$out/rss-top" "$BUILD/fazhi" search --limit 20 "$q" "$corpus" >/dev/null
	echo "peak memory of $q, every match listed: $(cat "$out/rss-all") KB; top 20: $(cat "$out/rss-top") KB"
done
