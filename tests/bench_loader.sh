#!/bin/sh
# bench_loader.sh — what the dynamic loader costs every fazhi process: the libraries it maps, its cycles, and the wall and CPU time of `fazhi --version`.
# Figures only: nothing here passes or fails. OTHER=path/to/another/fazhi (another build, say
# main's) is measured in the same run, turn about with this one, so the load of the machine
# falls on both alike; compare their ratios. ROUNDS (5) rounds of 30 runs each (perf stat when
# perf is installed, else a timed loop: wall only), and 3 x ROUNDS loader statistics (medians).
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
ROUNDS=${ROUNDS:-5}
set -- "$(pwd)/$BUILD/fazhi"
[ -n "${OTHER:-}" ] && set -- "$OTHER" "$@"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-loader-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }
key() { echo "$1" | cksum | cut -d' ' -f1; }

for b; do
	echo "$b: $(ldd "$b" | grep -c '=>') libraries: $(ldd "$b" | awk '/=>/ { printf "%s ", $1 }')"
done

i=0
while [ "$i" -lt $((3 * ROUNDS)) ]; do
	for b; do
		LD_DEBUG=statistics "$b" --version 2>&1 >/dev/null |
			sed -n 's/.*total startup time in dynamic loader: \([0-9]*\) cycles.*/\1/p' >>"$TMP/cycles-$(key "$b")"
	done
	i=$((i + 1))
done
for b; do
	echo "$b: dynamic loader $(median <"$TMP/cycles-$(key "$b")") cycles (median of $((3 * ROUNDS)))"
done

i=0
while [ "$i" -lt "$ROUNDS" ]; do
	for b; do
		k=$(key "$b")
		if command -v perf >/dev/null 2>&1; then
			perf stat -r 30 -e task-clock "$b" --version 2>"$TMP/perf" >/dev/null
			awk '/task-clock/ { print $1 }' "$TMP/perf" >>"$TMP/cpu-$k"
			awk '/seconds time elapsed/ { print $1 * 1000 }' "$TMP/perf" >>"$TMP/wall-$k"
		else
			s=$(date +%s%N)
			n=0
			while [ "$n" -lt 30 ]; do "$b" --version >/dev/null; n=$((n + 1)); done
			e=$(date +%s%N)
			echo "($e - $s) / 30000000" | bc -l >>"$TMP/wall-$k"
		fi
	done
	i=$((i + 1))
done
for b; do
	k=$(key "$b")
	cpu=
	[ -s "$TMP/cpu-$k" ] && cpu=", CPU $(median <"$TMP/cpu-$k" | xargs printf '%.2f') ms"
	echo "$b --version: wall $(median <"$TMP/wall-$k" | xargs printf '%.2f') ms$cpu (medians of $ROUNDS x 30 runs)"
done
