#!/bin/sh
# Search benchmark: a synthetic corpus in build/bench (1,000 reports, about 30 MB; 30,000, about
# 0.9 GB, with BENCH_FULL=1), then index build, size, cached start-up and query latency in
# process (tests/bench_query.sh times the same queries as whole processes, beside ripgrep and
# SQLite FTS5).
# Figures only: nothing here passes or fails.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
CC=${CC:-cc}
. tests/bench/corpus.sh
$CC -O2 -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$out/bench" tests/bench/bench.c \
	"$BUILD/libfazhi.a" -lunistring -lm $(pkg-config --libs libxml-2.0 libzip)
bench_corpus
rm -rf "$out/cache-$N"
"$out/bench" "$corpus" "$out/cache-$N"
