# valgrind_lib.sh — what the browser sessions under valgrind share: the browser run under it, slow keys, and the verdict on its log.
#
# Sourced after lib.sh by a test_valgrind*.sh script, which returns at once (status 0) when
# valgrind is not installed. FAZHI becomes a wrapper that runs the browser under valgrind,
# writing its report to $V/log; `verdict` waits for that report and checks it.

if ! command -v valgrind >/dev/null 2>&1; then
	echo "note: valgrind is not installed; the browser was not checked under it"
	exit 0
fi
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

none_lost() {   # $1: definitely or indirectly
	grep -q "All heap blocks were freed" "$V/log" || grep -q "$1 lost: 0 bytes in 0 blocks" "$V/log"
}

# After the browser quit: no leak, no invalid access; the log's findings shown when any.
verdict() {
	tries=100
	while ! grep -q "ERROR SUMMARY" "$V/log" 2>/dev/null && [ "$tries" -gt 0 ]; do
		sleep 0.1
		tries=$((tries - 1))
	done
	check "valgrind: definitely lost: 0" none_lost definitely
	check "valgrind: indirectly lost: 0" none_lost indirectly
	check "valgrind: ERROR SUMMARY: 0 errors (no invalid read or write, no uninitialised use)" \
		grep -q "ERROR SUMMARY: 0 errors" "$V/log"
	if [ "$failures" -gt 0 ]; then
		sed -n '/Invalid\|uninitialised\|lost in loss record/,+12p' "$V/log" | head -n 60 | sed 's/^/    | /'
	fi
}
