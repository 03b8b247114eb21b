# corpus.sh — sourced by the bench scripts: the generated corpus they share, N reports (1,000;
# 30,000 with BENCH_FULL=1) in corpus2-N, and bench_corpus, which generates it when it is not
# there. The corpora live under $BENCH_CORPUS_DIR (default $BUILD/bench), so that a large one need
# not sit in a build tree; the bench's own programs and caches stay in $BUILD/bench ($out).
# BENCH_SCALE=1 adds SCALE_N (300,000 reports, about 9 GB), which tests/bench_scale.sh sets beside
# the 30,000. Needs BUILD and CC set, and the top of the source tree as working directory.
N=1000
[ "${BENCH_FULL:-0}" = 1 ] && N=30000
FULL_N=30000
SCALE_N=300000
out=$BUILD/bench
corpus_dir=${BENCH_CORPUS_DIR:-$out}
mkdir -p "$out" "$corpus_dir"

# The directory of the corpus of $1 reports. 2: the generator's second form; a change of what it
# writes for a given N needs a new name.
corpus_of() {
	echo "$corpus_dir/corpus2-$1"
}
corpus=$(corpus_of $N)

# Generates the corpus of $1 reports (default N) unless it is complete (.done).
bench_corpus() {
	gen_n=${1:-$N}
	gen_dir=$(corpus_of "$gen_n")
	[ -f "$gen_dir/.done" ] && return 0
	$CC -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$out/gen" tests/bench/gen.c
	rm -rf "$gen_dir" && mkdir -p "$gen_dir"
	gen_start=$(date +%s.%N)
	"$out/gen" "$gen_dir" "$gen_n" assets/reports/*.txt
	touch "$gen_dir/.done"
	echo "generated $gen_n reports in $(echo "$(date +%s.%N) - $gen_start" | bc) s"
}
