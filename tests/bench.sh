#!/bin/sh
# Search benchmark: a synthetic corpus in build/bench (1,000 reports, about 30 MB; 30,000, about
# 0.9 GB, with BENCH_FULL=1), then index build, size, cached start-up and query latency in
# process (tests/bench_query.sh times the same queries as whole processes, beside ripgrep and
# SQLite FTS5).
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
	"$BUILD/libfazhi.a" -lunistring -lm $(pkg-config --libs libxml-2.0 libzip)
if [ ! -f "$corpus/.done" ]; then
	rm -rf "$corpus" && mkdir -p "$corpus"
	start=$(date +%s.%N)
	"$out/gen" "$corpus" "$N" assets/reports/*.txt
	touch "$corpus/.done"
	echo "generated $N reports in $(echo "$(date +%s.%N) - $start" | bc) s"
fi
rm -rf "$out/cache-$N"
"$out/bench" "$corpus" "$out/cache-$N"
