#!/bin/sh
# test_valgrind_views.sh — the overview, district and chart views under valgrind (open, sort, chart, read, resize, back): no leak, no invalid read or write.
if ! command -v valgrind >/dev/null 2>&1; then
	echo "note: valgrind is not installed; the views were not checked under it"
	exit 0
fi
. tests/ui/lib.sh
WAIT=30   # valgrind runs the browser some twenty times slower

V=$(mktemp -d "${TMPDIR:-/tmp}/fazhi-vg-XXXXXX")
trap 'cleanup; rm -rf "$V"' EXIT
case $FAZHI in /*) FZ=$FAZHI ;; *) FZ=$(pwd)/$FAZHI ;; esac
cat >"$V/fazhi" <<EOF
#!/bin/sh
exec valgrind --leak-check=full --show-leak-kinds=definite,indirect --track-fds=no \
	--log-file="$V/log" "$FZ" "\$@"
EOF
chmod +x "$V/fazhi"
FAZHI=$V/fazhi

slow() {   # one key at a time, each read on its own
	for k in "$@"; do
		keys "$k"
		sleep 0.3
	done
}

WITH="XDG_CACHE_HOME=$V/cache" start 100 30 assets/reports/putuo-2021.txt tests/trend/putuo-2022.txt \
	tests/trend/putuo-2023.txt tests/ui/no-such-report.txt
check "valgrind: the browser is up" shows "舟山市普陀区"
slow O
check "valgrind: the overview has read every row" status_has "3 reports, 1 failed"
slow '>' '>' r j D
check "valgrind: D from the overview opens the district view" title_has "fazhi • District"
slow j b
check "valgrind: b charts a metric" title_has "fazhi • Chart"
resize 60 20
settle
slow Escape
resize 100 30
slow G Enter
check "valgrind: Enter on a sentence reads it in the reader" title_has "fazhi • Reader"
slow O Enter j Enter Tab Space Space Space c f j b
check "valgrind: b charts a key figure" title_has "fazhi • Chart"
slow Escape Escape Escape q
check "valgrind: q quits" shows "EXIT="

log=$V/log
tries=100
while ! grep -q "ERROR SUMMARY" "$log" 2>/dev/null && [ "$tries" -gt 0 ]; do
	sleep 0.1
	tries=$((tries - 1))
done
none_lost() {   # $1: definitely or indirectly
	grep -q "All heap blocks were freed" "$log" || grep -q "$1 lost: 0 bytes in 0 blocks" "$log"
}
check "valgrind: definitely lost: 0" none_lost definitely
check "valgrind: indirectly lost: 0" none_lost indirectly
check "valgrind: ERROR SUMMARY: 0 errors (no invalid read or write, no uninitialised use)" \
	grep -q "ERROR SUMMARY: 0 errors" "$log"
if [ "$failures" -gt 0 ]; then
	sed -n '/Invalid\|uninitialised\|lost in loss record/,+12p' "$log" | head -n 60 | sed 's/^/    | /'
fi
finish
