# corpus.sh — sourced by the bench scripts: the generated corpus they share, N reports (1,000;
# 30,000 with BENCH_FULL=1) in build/bench/corpus2-N, and bench_corpus, which generates it when
# it is not there. Needs BUILD and CC set, and the top of the source tree as working directory.
N=1000
[ "${BENCH_FULL:-0}" = 1 ] && N=30000
out=$BUILD/bench
corpus=$out/corpus2-$N     # 2: the generator's second form; a change of it needs a new name
mkdir -p "$out"

bench_corpus() {
	[ -f "$corpus/.done" ] && return 0
	$CC -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -o "$out/gen" tests/bench/gen.c
	rm -rf "$corpus" && mkdir -p "$corpus"
	start=$(date +%s.%N)
	"$out/gen" "$corpus" "$N" assets/reports/*.txt
	touch "$corpus/.done"
	echo "generated $N reports in $(echo "$(date +%s.%N) - $start" | bc) s"
}
