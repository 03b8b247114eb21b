#!/bin/sh
# Search benchmark: a synthetic corpus in build/bench (1,000 reports, about 30 MB; 30,000, about
# 0.9 GB, with BENCH_FULL=1), then index build, size, cached start-up and query latency;
# SQLite FTS5 (trigram) and ripgrep side by side when installed (skipped when absent).
# Figures only: nothing here passes or fails.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
N=1000
[ "${BENCH_FULL:-0}" = 1 ] && N=30000
out=$BUILD/bench
corpus=$out/corpus2-$N     # 2: the generator's second form; a change of it needs a new name
CC=${CC:-cc}
mkdir -p "$out"
$CC -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$out/gen" tests/bench/gen.c
$CC -O2 -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$out/bench" tests/bench/bench.c \
	"$BUILD/libfazhi.a" -lunistring -lm $(pkg-config --libs libxml-2.0 libzip poppler-glib)
if [ ! -f "$corpus/.done" ]; then
	rm -rf "$corpus" && mkdir -p "$corpus"
	start=$(date +%s.%N)
	"$out/gen" "$corpus" "$N" assets/reports/*.txt
	touch "$corpus/.done"
	echo "generated $N reports in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
rm -rf "$out/cache-$N"
"$out/bench" "$corpus" "$out/cache-$N"

# The same queries for the other tools (half-width + in the mixed one: neither folds).
queries="法治 行政复议 欧阳明远 法治政府建设实施纲要 互联网+监管 量子纠缠"
ms() { echo "($2 - $1) / 1000000" | bc -l | xargs printf '%.1f'; }
if command -v rg >/dev/null 2>&1; then
	echo
	echo "ripgrep (rg -F -c over the corpus, one run each, process start included):"
	for q in $queries; do
		s=$(date +%s%N); rg -F -c "$q" "$corpus" >/dev/null || true; e=$(date +%s%N)
		printf '  %-24s %8s ms\n' "$q" "$(ms "$s" "$e")"
	done
else
	echo; echo "ripgrep: not installed, skipped"
fi
if command -v sqlite3 >/dev/null 2>&1; then
	db=$out/fts5-$N.db
	echo
	if [ ! -f "$db" ]; then
		s=$(date +%s%N)
		sqlite3 "$db.tmp" "CREATE VIRTUAL TABLE t USING fts5(name, body, tokenize='trigram');
			INSERT INTO t SELECT name, CAST(data AS TEXT) FROM fsdir('$corpus') WHERE name LIKE '%.txt';"
		e=$(date +%s%N)
		mv "$db.tmp" "$db"
		bytes=$(du -sb "$corpus" | cut -f1)
		echo "SQLite FTS5 trigram: build $(ms "$s" "$e") ms = $(echo "$bytes / 1000 / ($(ms "$s" "$e"))" | bc -l | xargs printf '%.1f') MB/s;" \
			"db $(du -m "$db" | cut -f1) MB = $(echo "$(du -sb "$db" | cut -f1) / $bytes" | bc -l | xargs printf '%.2f') x corpus"
	fi
	echo "SQLite FTS5 trigram, in-process (.timer), top 20 by rank with snippet(), median of 5 runs:"
	for q in $queries; do
		sql="SELECT name, snippet(t, 1, '[', ']', '…', 20) FROM t WHERE t MATCH '\"$q\"' ORDER BY rank LIMIT 20;"
		t=$( (echo ".timer on"; for i in 1 2 3 4 5; do echo "$sql"; done) | sqlite3 "$db" 2>/dev/null |
			sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p' | sort -n | sed -n 3p)
		if [ "$q" = 法治 ]; then   # two characters: below a trigram
			printf '  %-24s %8s\n' "$q" "n/a (a trigram index cannot answer 2 characters)"
		elif [ -n "$t" ]; then
			printf '  %-24s %8s ms\n' "$q" "$(echo "$t * 1000" | bc -l | xargs printf '%.1f')"
		else
			printf '  %-24s %8s\n' "$q" "failed"
		fi
	done
else
	echo; echo "SQLite: sqlite3 not installed, skipped"
fi
