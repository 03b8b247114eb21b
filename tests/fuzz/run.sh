#!/bin/sh
# Runs libFuzzer targets: tests/fuzz/run.sh SECONDS NAME...
# Seeds come from tests/fuzz/seeds/NAME when present, else from assets/reports; fuzz_cache's are
# index files made now by build/fuzz/make_cache_seeds (stored ones would go stale with the
# format). Every input in tests/fuzz/regress/NAME (crashes found before) is replayed first.
# Prints one line per target with executions and crashes, and exits non-zero when any target
# crashed or its seeds could not be made.
secs=$1; shift
status=0
mkdir -p build/fuzz/crashes
for name in "$@"; do
	bin=build/fuzz/$name
	work=build/fuzz/corpus-$name
	mkdir -p "$work"
	seeds=tests/fuzz/seeds/$name
	[ -d "$seeds" ] || seeds=assets/reports
	if [ "$name" = fuzz_cache ]; then
		seeds=build/fuzz/seeds-$name
		rm -rf "$seeds" && mkdir -p "$seeds"
		if ! build/fuzz/make_cache_seeds "$seeds" >"build/fuzz/$name.seeds.log" 2>&1; then
			echo "FAIL: fuzz $name: its seeds could not be made (see build/fuzz/$name.seeds.log)"
			status=1
			continue
		fi
	fi
	if [ -d "tests/fuzz/regress/$name" ] && [ -n "$(ls "tests/fuzz/regress/$name")" ]; then
		if ! "$bin" "tests/fuzz/regress/$name"/* >"build/fuzz/$name.regress.log" 2>&1; then
			echo "FAIL: fuzz $name regression inputs (see build/fuzz/$name.regress.log)"
			status=1
			continue
		fi
	fi
	log=build/fuzz/$name.log
	"$bin" -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="build/fuzz/crashes/$name-" "$work" "$seeds" >"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	[ -n "$execs" ] || execs=$(grep -o '#[0-9]*' "$log" | tail -n 1 | tr -d '#')
	if [ "$rc" -eq 0 ]; then
		echo "PASS: fuzz $name: ${execs:-?} executions in ${secs}s, 0 crashes"
	else
		echo "FAIL: fuzz $name: crashed after ${execs:-?} executions (see $log, build/fuzz/crashes)"
		status=1
	fi
done
exit $status
