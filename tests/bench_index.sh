#!/bin/sh
# bench_index.sh — `fazhi index` on the generated corpus (1,000 reports; 30,000 with BENCH_FULL=1): full build speed, peak memory and index size, the update after adding 30 reports, and `fazhi facts`, `fazhi table` and `fazhi trend` read from the index against parsing every report.
# Figures only: nothing here passes or fails. The corpus is tests/bench.sh's (build/bench/corpus2-N),
# generated here when absent; the added reports go into a linked copy, so it is never changed.
set -e
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
FAZHI=$(pwd)/$BUILD/fazhi
CC=${CC:-cc}
. tests/bench/corpus.sh
. tests/bench/measure.sh
bench_corpus
T=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-bench-index-XXXXXX")
trap 'rm -rf "$T"' EXIT
export XDG_CACHE_HOME="$T/cache"
copy=$T/corpus
# "$corpus/." : the corpus may be a symbolic link to it (build/bench/corpus2-30000), which cp -a
# would copy as a link, so that the reports added below would land in the corpus itself.
mkdir "$copy"
cp -al "$corpus/." "$copy" 2>/dev/null || cp -a "$corpus/." "$copy"
rm -f "$copy/.done"
mb=$(du -sbL "$copy" | cut -f1)
secs() { echo "($2 - $1) / 1000000000" | bc -l | xargs printf '%.2f'; }

echo "fazhi index on $N generated reports ($(echo "$mb / 1000000" | bc) MB):"
s=$(date +%s%N)
peak_run "$T/rss" "$FAZHI" index "$copy" >/dev/null
e=$(date +%s%N)
full=$(secs "$s" "$e")
size=$(index_bytes "$XDG_CACHE_HOME")
nseg=$(index_segments "$XDG_CACHE_HOME")
echo "  full build: $full s = $(echo "$mb / 1000000 / $full" | bc -l | xargs printf '%.1f') MB/s;" \
	"peak memory $(cat "$T/rss") KB; index $(echo "$size / 1000000" | bc) MB =" \
	"$(echo "$size / $mb" | bc -l | xargs printf '%.2f') x corpus, in $nseg segment$([ "$nseg" -eq 1 ] || echo s)"

i=0
for f in $(ls "$copy" | head -n 30); do
	sed "1s/\$/ 增补$i/" "$copy/$f" >"$copy/added-$i.txt"
	i=$((i + 1))
done
s=$(date +%s%N)
peak_run "$T/rss" "$FAZHI" index "$copy" >/dev/null
e=$(date +%s%N)
upd=$(secs "$s" "$e")
echo "  update after adding 30 reports: $upd s = $(echo "100 * $upd / $full" | bc -l | xargs printf '%.0f') % of the full build" \
	"(only the added files are indexed, into a new segment); peak memory $(cat "$T/rss") KB"

s=$(date +%s%N)
"$FAZHI" index --status "$copy" >/dev/null
e=$(date +%s%N)
echo "  index --status (walk and compare, up to date): $(secs "$s" "$e") s"

s=$(date +%s%N)
"$FAZHI" facts --csv "$copy" >"$T/facts.index"
e=$(date +%s%N)
echo "  facts --csv from the index: $(secs "$s" "$e") s ($(wc -l <"$T/facts.index") lines)"
s=$(date +%s%N)
env -u XDG_CACHE_HOME -u HOME "$FAZHI" facts --csv "$copy" >"$T/facts.parse"
e=$(date +%s%N)
same=differ
cmp -s "$T/facts.index" "$T/facts.parse" && same="the same output"
echo "  facts --csv parsing every report: $(secs "$s" "$e") s ($same)"

# The overview table and the trend, as facts: from the index's digests, then parsing every report.
both() {   # $1 = the subcommand and its format
	s=$(date +%s%N)
	"$FAZHI" $1 "$copy" >"$T/index.out" 2>/dev/null || true
	e=$(date +%s%N)
	echo "  $1 from the index: $(secs "$s" "$e") s ($(wc -l <"$T/index.out") lines)"
	s=$(date +%s%N)
	env -u XDG_CACHE_HOME -u HOME "$FAZHI" $1 "$copy" >"$T/parse.out" 2>/dev/null || true
	e=$(date +%s%N)
	same=differ
	cmp -s "$T/index.out" "$T/parse.out" && same="the same output"
	echo "  $1 parsing every report: $(secs "$s" "$e") s ($same)"
}
both "table --csv"
both "trend --json"
