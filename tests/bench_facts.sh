#!/bin/sh
# Facts benchmark: CPU speed of facts_extract (and of classify_report_with and compare_build, for
# comparison) on the five embedded samples, and on build/bench/corpus2-1000 when tests/bench.sh
# has generated it. Needs build/libfazhi.a. Figures only: nothing here passes or fails.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
CC=${CC:-cc}
out=$BUILD/bench
mkdir -p "$out"
$CC -O2 -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$out/bench_facts" \
	tests/bench_facts/bench_facts.c "$BUILD/libfazhi.a" -lunistring -lm $(pkg-config --libs libxml-2.0 libzip poppler-glib)
corpus=$out/corpus2-1000
if [ -f "$corpus/.done" ]; then
	"$out/bench_facts" "$corpus"
else
	"$out/bench_facts"
	echo "  ($corpus not generated: sh tests/bench.sh makes it)"
fi
