#!/bin/sh
# Trend benchmark: CPU time of trend_build (group by region and year, classify, extract facts, align
# each part with the year before) and of the sentence alignment alone, on tests/trend with its
# sample, and on build/bench/corpus2-N (districts repeated across years) when tests/bench.sh has
# generated it. Needs build/libfazhi.a. Figures only: nothing here passes or fails.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
CC=${CC:-cc}
. tests/bench/corpus.sh
$CC -O2 -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$out/bench_trend" \
	tests/bench_trend/bench_trend.c "$BUILD/libfazhi.a" -lunistring -lm $(pkg-config --libs libxml-2.0 libzip poppler-glib)
if [ -f "$corpus/.done" ]; then
	"$out/bench_trend" assets/reports/putuo-2021.txt tests/trend/putuo-2022.txt -- "$corpus"
else
	"$out/bench_trend" assets/reports/putuo-2021.txt tests/trend/putuo-2022.txt
	echo "  ($corpus not generated: sh tests/bench.sh makes it)"
fi

# The command end to end on the generated corpus: reading every report, then with the search
# index cached (built here by a search when missing), when the digests give the metrics and the
# parts' paragraphs and only the text of the reports of regions with several years is read, a
# region at a time, parsing none. The cache directories are absolute paths: a relative
# XDG_CACHE_HOME is ignored (as the XDG spec says), and the cache would be ~/.cache's.
if [ -f "$corpus/.done" ]; then
	xdg=$(pwd)/$out/xdg-$N
	mkdir -p "$xdg"
	XDG_CACHE_HOME=$xdg "$BUILD/fazhi" search --count 法治 "$corpus" >/dev/null
	timed() {   # $1 = what, then the command
		what=$1
		shift
		/usr/bin/time -f "%e s wall, %U s user, %M KB peak" "$@" 2>"$out/trend.time" >/dev/null || true
		printf '  fazhi trend --json %-32s %s\n' "$what" "$(tail -n 1 "$out/trend.time")"
	}
	echo "fazhi trend over $corpus ($N reports):"
	timed "(no index: every report read)" env XDG_CACHE_HOME="$(pwd)/$out/xdg-none" "$BUILD/fazhi" trend --json "$corpus"
	timed "(cached index)" env XDG_CACHE_HOME="$xdg" "$BUILD/fazhi" trend --json "$corpus"
fi
