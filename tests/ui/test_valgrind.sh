#!/bin/sh
# test_valgrind.sh — a scripted browser session under valgrind (open, move, resize, search, quit): no leak, no invalid read or write.
if ! command -v valgrind >/dev/null 2>&1; then
	echo "note: valgrind is not installed; the browser was not checked under it"
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

# One key at a time, each given time to be read on its own (Esc then a key would be Alt).
slow() {
	for k in "$@"; do
		keys "$k"
		sleep 0.3
	done
}

WITH="XDG_CACHE_HOME=$V/cache" start 100 30 assets/reports tests/fixtures/loader/escapes.txt
check "valgrind: the browser is up" shows "舟山市普陀区"
slow j j Enter Tab j j Enter J J G g
resize 60 20
resize 1 1
resize 30 8
resize 140 45
settle
check "valgrind: after resizes down to 1×1 the layout is back" title_has "fazhi •"
slow / 法 治 Enter n n N Escape
slow s 复 议
check "valgrind: the corpus search answers" shows "Search all reports: 复议"
slow Down Enter Escape Escape Escape q
check "valgrind: q quits (status 0)" shows "EXIT=0"

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
