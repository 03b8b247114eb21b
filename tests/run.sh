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
trap 'rm -f "$log" "$times"' EXIT
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

for dir in "$BUILD/tests" "build/san/tests"; do
	[ -d "$dir" ] || continue
	for t in "$dir"/test_*; do
		[ -x "$t" ] || continue
		case "$t" in *.d) continue ;; esac
		label="${t#build/}"
		t0=$(date +%s)
		ASAN_OPTIONS=detect_leaks=1 "$t" >"$log" 2>&1
		status=$?
		took "$label" "$t0"
		cat "$log"
		count_cmocka "$label" "$status"
	done
done

for t in tests/test_*.sh tests/ui/test_*.sh; do
	[ -f "$t" ] || continue
	t0=$(date +%s)
	BUILD="$BUILD" sh "$t" >"$log" 2>&1
	status=$?
	took "$t" "$t0"
	cat "$log"
	p=$(grep -c '^PASS: ' "$log"); f=$(grep -c '^FAIL: ' "$log")
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p)); failed=$((failed + f))
	[ "$f" -eq 0 ] || failures="$failures $t"
done

if [ "$HAVE_LIBFUZZER" = yes ]; then
	make --no-print-directory fuzz-smoke >"$log" 2>&1
	status=$?
	cat "$log"
	p=$(grep -c '^PASS: ' "$log"); f=$(grep -c '^FAIL: ' "$log")
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p)); failed=$((failed + f))
	[ "$f" -eq 0 ] || failures="$failures fuzz"
fi

echo
echo "slowest suites (seconds; $(($(date +%s) - started)) s in all):"
sort -rn "$times" | head -n 8 | sed 's/^/  /'
[ -z "$failures" ] || echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
