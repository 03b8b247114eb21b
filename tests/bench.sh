#!/bin/sh
# Search benchmark: a synthetic corpus in build/bench (1,000 reports; 30,000 with BENCH_FULL=1),
# then index build, size, cached start-up and query latency; SQLite FTS5 (trigram) and
# ripgrep side by side when installed. Figures only: nothing here passes or fails.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
N=1000
[ "${BENCH_FULL:-0}" = 1 ] && N=30000
out=$BUILD/bench
corpus=$out/corpus-$N
CC=${CC:-cc}
mkdir -p "$out"
$CC -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$out/gen" tests/bench/gen.c
$CC -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$out/bench" tests/bench/bench.c \
	"$BUILD/libfazhi.a" -lunistring -lm
if [ ! -f "$corpus/.done" ]; then
	rm -rf "$corpus" && mkdir -p "$corpus"
	start=$(date +%s.%N)
	"$out/gen" "$corpus" "$N" assets/reports/*.txt
	touch "$corpus/.done"
	echo "generated $N reports in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
rm -rf "$out/cache-$N"
"$out/bench" "$corpus" "$out/cache-$N"

queries="法治 行政复议 欧阳明远 法治政府建设实施纲要 互联网+监管 量子纠缠"
if command -v rg >/dev/null 2>&1; then
	echo "ripgrep (rg -F -c, whole corpus):"
	for q in $queries; do
		s=$(date +%s%N); rg -F -c "$q" "$corpus" >/dev/null || true; e=$(date +%s%N)
		printf '  %-24s %8.1f ms\n' "$q" "$(echo "($e - $s) / 1000000" | bc -l)"
	done
fi
if command -v sqlite3 >/dev/null 2>&1; then
	db=$out/fts5-$N.db
	if [ ! -f "$db" ]; then
		s=$(date +%s%N)
		sqlite3 "$db" "CREATE VIRTUAL TABLE t USING fts5(name, body, tokenize='trigram');
			INSERT INTO t SELECT name, CAST(data AS TEXT) FROM fsdir('$corpus') WHERE name LIKE '%.txt';"
		e=$(date +%s%N)
		echo "SQLite FTS5 trigram: build $(echo "($e - $s) / 1000000000" | bc -l | cut -c1-5) s, db $(du -m "$db" | cut -f1) MB"
	fi
	echo "SQLite FTS5 trigram (top 20 by rank, with snippet(); 2-character queries are not possible):"
	for q in $queries; do
		s=$(date +%s%N)
		sqlite3 "$db" "SELECT name, snippet(t, 1, '[', ']', '…', 20) FROM t WHERE t MATCH '\"$q\"' ORDER BY rank LIMIT 20;" >/dev/null 2>&1 || true
		e=$(date +%s%N)
		printf '  %-24s %8.1f ms (one run, with sqlite3 start-up)\n' "$q" "$(echo "($e - $s) / 1000000" | bc -l)"
	done
fi
