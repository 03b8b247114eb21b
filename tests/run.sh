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
# a time, on the machine's two cores: each has its own temporary files. The longest kinds go
# first (the shell suites, then the sanitized ones), so that no long suite starts when the other
# core has nothing left to do. The browser's tmux suites, which wait on the screen, run one at a
# time after them.
jobs=$(mktemp -d)
trap 'rm -f "$log" "$times"; rm -rf "$jobs"' EXIT
n=0
for t in tests/test_*.sh; do
	[ -f "$t" ] || continue
	n=$((n + 1)); echo "$n sh $t"
done >"$jobs/list"
for dir in "build/san/tests" "$BUILD/tests"; do
	[ -d "$dir" ] || continue
	for t in "$dir"/test_*; do
		[ -x "$t" ] || continue
		case "$t" in *.d) continue ;; esac
		n=$((n + 1)); echo "$n cmocka $t"
	done
done >>"$jobs/list"
# One suite of the list (number, kind, path): its output in N.log, "status seconds" in N.res.
cat >"$jobs/one" <<'EOF'
t0=$(date +%s)
if [ "$2" = cmocka ]; then
	ASAN_OPTIONS=detect_leaks=1 "$3" >"$J/$1.log" 2>&1
else
	sh "$3" >"$J/$1.log" 2>&1
fi
echo "$? $(($(date +%s) - t0))" >"$J/$1.res"
EOF
J=$jobs BUILD=$BUILD xargs -P 2 -L 1 sh "$jobs/one" <"$jobs/list"

# Counts a shell suite's output in $log, exit status $2, labelled $1.
count_sh() {
	p=$(grep -c '^PASS: ' "$log"); f=$(grep -c '^FAIL: ' "$log")
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p)); failed=$((failed + f))
	[ "$f" -eq 0 ] || failures="$failures $1"
}

while read -r i kind t; do
	cp "$jobs/$i.log" "$log"
	status=1 secs=0
	[ -f "$jobs/$i.res" ] && read -r status secs <"$jobs/$i.res"
	cat "$log"
	label=$t
	[ "$kind" = cmocka ] && label="${t#build/}"
	echo "$secs $label" >>"$times"
	if [ "$kind" = cmocka ]; then count_cmocka "$label" "$status"; else count_sh "$t" "$status"; fi
done <"$jobs/list"

for t in tests/ui/test_*.sh; do
	[ -f "$t" ] || continue
	t0=$(date +%s)
	BUILD="$BUILD" sh "$t" >"$log" 2>&1
	status=$?
	took "$t" "$t0"
	cat "$log"
	count_sh "$t" "$status"
done

if [ "$HAVE_LIBFUZZER" = yes ]; then
	make --no-print-directory fuzz-smoke >"$log" 2>&1
	status=$?
	cat "$log"
	count_sh fuzz "$status"
fi

echo
echo "slowest suites (seconds; $(($(date +%s) - started)) s in all):"
sort -rn "$times" | head -n 8 | sed 's/^/  /'
[ -z "$failures" ] || echo "failing:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
