#!/bin/sh
# Runs every cmocka suite (plain and, when built, under ASan/UBSan) and every tmux
# script, then prints the slowest suites (to keep the whole run under 10 minutes) and one
# summary line: "N passed, N failed".
BUILD=${BUILD:-build}
passed=0
failed=0
failures=""
log=$(mktemp)
times=$(mktemp)
started=$(date +%s)
# Notes how long the suite $1 took since $2 (seconds since the epoch).
took() { echo "$(($(date +%s) - $2)) $1" >>"$times"; }

count_cmocka() {  # $1 = label, output in $log, $2 = exit status
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
	p=${p:-0}; f=${f:-0}
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi   # crashed before its summary
	passed=$((passed + p)); failed=$((failed + f))
	[ "$f" -eq 0 ] || failures="$failures $1"
}

# The cmocka suites (plain and sanitized) and the shell suites that drive no terminal run two at
# a time, on the machine's two cores: each has its own temporary files. The longest go first, so
# that no long suite starts when the other core has nothing left to do: the sanitized suites, the
# later-numbered ones first (the index's and its segments'), then the shell suites, then the
# plain ones. A suite named in SPLIT (path:pattern) runs as two jobs, the tests its pattern names
# and the others (FAZHI_TESTS_ONLY, FAZHI_TESTS_SKIP). The browser's tmux suites, which wait on
# the screen, run one at a time after them, while the fuzz smoke run (it builds the fuzzers
# first) takes the core they leave idle.
SPLIT="build/san/tests/test_27_segments:test_merge_*"
jobs=$(mktemp -d)
trap 'rm -f "$log" "$times"; rm -rf "$jobs"' EXIT
cmocka_in() {  # the cmocka suites built in $1, later-numbered first
	[ -d "$1" ] || return 0
	for t in "$1"/test_*; do
		[ -x "$t" ] || continue
		case "$t" in *.d) continue ;; esac
		echo "$t"
	done | sort -r
}
cmocka_jobs() {  # the jobs of the suites built in $1: "cmocka path -", or two for a suite split
	for t in $(cmocka_in "$1"); do
		pattern=-
		for s in $SPLIT; do
			[ "${s%%:*}" = "$t" ] && pattern=${s#*:}
		done
		if [ "$pattern" = - ]; then
			echo "cmocka $t -"
		else
			echo "only $t $pattern"
			echo "skip $t $pattern"
		fi
	done
}
{
	cmocka_jobs build/san/tests
	for t in tests/test_*.sh; do
		[ -f "$t" ] && echo "sh $t -"
	done
	cmocka_jobs "$BUILD/tests"
} | awk '{ print NR, $0 }' >"$jobs/list"
parallel_started=$(date +%s)
# One job of the list (number, kind, path, pattern): its output in N.log, "status seconds" in N.res.
cat >"$jobs/one" <<'EOF'
t0=$(date +%s)
case "$2" in
cmocka) ASAN_OPTIONS=detect_leaks=1 "$3" >"$J/$1.log" 2>&1 ;;
only) FAZHI_TESTS_ONLY=$4 ASAN_OPTIONS=detect_leaks=1 "$3" >"$J/$1.log" 2>&1 ;;
skip) FAZHI_TESTS_SKIP=$4 ASAN_OPTIONS=detect_leaks=1 "$3" >"$J/$1.log" 2>&1 ;;
*) sh "$3" >"$J/$1.log" 2>&1 ;;
esac
echo "$? $(($(date +%s) - t0))" >"$J/$1.res"
EOF
J=$jobs BUILD=$BUILD xargs -P 2 -L 1 sh "$jobs/one" <"$jobs/list"
parallel_took=$(($(date +%s) - parallel_started))

# Counts a shell suite's output in $log, exit status $2, labelled $1.
count_sh() {
	p=$(grep -c '^PASS: ' "$log"); f=$(grep -c '^FAIL: ' "$log")
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p)); failed=$((failed + f))
	[ "$f" -eq 0 ] || failures="$failures $1"
}

while read -r i kind t pattern; do
	cp "$jobs/$i.log" "$log"
	status=1 secs=0
	[ -f "$jobs/$i.res" ] && read -r status secs <"$jobs/$i.res"
	cat "$log"
	label=$t
	case "$kind" in
	cmocka) label="${t#build/}" ;;
	only) label="${t#build/} ($pattern)" ;;
	skip) label="${t#build/} (not $pattern)" ;;
	esac
	echo "$secs $label" >>"$times"
	case "$kind" in
	cmocka | only | skip) count_cmocka "$label" "$status" ;;
	*) count_sh "$label" "$status" ;;
	esac
done <"$jobs/list"

fuzz_log=$jobs/fuzz.log
fuzz_pid=
if [ "$HAVE_LIBFUZZER" = yes ]; then
	(
		t0=$(date +%s)
		make --no-print-directory fuzz-smoke >"$fuzz_log" 2>&1
		echo "$? $(($(date +%s) - t0))" >"$fuzz_log.res"
	) &
	fuzz_pid=$!
fi

for t in tests/ui/test_*.sh; do
	[ -f "$t" ] || continue
	t0=$(date +%s)
	BUILD="$BUILD" sh "$t" >"$log" 2>&1
	status=$?
	took "$t" "$t0"
	cat "$log"
	count_sh "$t" "$status"
done

if [ -n "$fuzz_pid" ]; then
	wait "$fuzz_pid"
	status=1 secs=0
	[ -f "$fuzz_log.res" ] && read -r status secs <"$fuzz_log.res"
	cp "$fuzz_log" "$log"
	cat "$log"
	echo "$secs fuzz-smoke" >>"$times"
	count_sh fuzz "$status"
fi

echo
echo "slowest suites (seconds; $(($(date +%s) - started)) s in all, $parallel_took s of them two at a time):"
sort -rn "$times" | head -n 8 | sed 's/^/  /'
[ -z "$failures" ] || echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
