#!/bin/sh
# Formats benchmark: CPU speed of extract_html, extract_pdf and extract_docx on the format
# fixtures. Needs build/libfazhi.a. Figures only: nothing here passes or fails.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
CC=${CC:-cc}
out=$BUILD/bench
mkdir -p "$out"
$CC -O2 -std=c11 -Wall -Wextra -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$out/bench_formats" \
	tests/bench_formats/bench_formats.c "$BUILD/libfazhi.a" -lunistring -lm $(pkg-config --libs libxml-2.0 libzip)
"$out/bench_formats" tests/fixtures/formats/html/putuo-gbk.html tests/fixtures/formats/html/wujin-utf8-bom.html \
	tests/fixtures/formats/pdf/wujin-2020.pdf tests/fixtures/formats/pdf/putuo-2021.pdf \
	tests/fixtures/formats/docx/putuo-2021.docx
